"""Loading a record the user picked: a stale id is a message, never a crash."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from kinerja_desktop.domain.errors import NotFound

T = TypeVar("T")

PESAN_BERUBAH = "Data sudah berubah atau dihapus sejak layar ini dimuat. Muat ulang lalu ulangi."


def ambil(session: Session, model: type[T], ident: Any, pesan: str = PESAN_BERUBAH) -> T:
    """``session.get`` for an id that came from a screen; a missing row raises NotFound."""
    obj = session.get(model, ident)
    if obj is None:
        raise NotFound(pesan)
    return obj


def ambil_opsional(session: Session, model: type[T], ident: Any | None) -> T | None:
    """``session.get`` for an optional reference (no id, or a row that may be gone)."""
    return None if ident is None else session.get(model, ident)
