"""The one clock: "today" and "now" in the office's time zone (domain.md §9).

Every rule, print and screen asks here instead of ``date.today()``/``datetime.now()``, so a
form finalised at 08.30 WIT carries that day, not the UTC day before. The zone is read once per
session; tests replace the clock with :func:`jam_tetap`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime

from sqlalchemy.orm import Session

from kinerja_desktop.db.base import utcnow
from kinerja_desktop.domain.zona_waktu import ZonaWaktu, ke_lokal, tanggal_lokal
from kinerja_desktop.services.pengaturan import KUNCI_ZONA_WAKTU, baca_zona_waktu

Jam = Callable[[], datetime]
_jam: Jam = utcnow  # naive UTC now


def zona_kantor(session: Session) -> ZonaWaktu:
    zona = session.info.get(KUNCI_ZONA_WAKTU)
    if not isinstance(zona, ZonaWaktu):
        zona = session.info[KUNCI_ZONA_WAKTU] = baca_zona_waktu(session)
    return zona


def sekarang_utc() -> datetime:
    """Now as stored (naive UTC), from the same clock as :func:`hari_ini`."""
    return _jam()


def sekarang_lokal(session: Session) -> datetime:
    return ke_lokal(_jam(), zona_kantor(session))


def hari_ini(session: Session) -> date:
    """The office's date today: the "today" of every deadline, window and printed date."""
    return sekarang_lokal(session).date()


def tanggal_kantor(session: Session, waktu_utc: datetime) -> date:
    """The office's date of a stored UTC time (finalised on, decided on, signed on)."""
    return tanggal_lokal(waktu_utc, zona_kantor(session))


def waktu_kantor(session: Session, waktu_utc: datetime) -> datetime:
    """A stored UTC time as the office's local time, for showing it."""
    return ke_lokal(waktu_utc, zona_kantor(session))


@contextmanager
def jam_tetap(waktu_utc: datetime | Jam) -> Iterator[None]:
    """Tests: run with the clock fixed at a naive UTC time (or driven by a function)."""
    global _jam
    lama = _jam
    _jam = waktu_utc if callable(waktu_utc) else (lambda: waktu_utc)
    try:
        yield
    finally:
        _jam = lama
