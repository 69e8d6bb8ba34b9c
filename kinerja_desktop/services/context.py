"""What a user action needs: the open database and the acting user."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from kinerja_desktop.db.database import Database
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services import uow

T = TypeVar("T")


@dataclass
class AppContext:
    db: Database
    actor: Actor

    def run(self, fn: Callable[..., T], *args: Any, keterangan: str | None = None, **kw: Any) -> T:
        """One user action: ``fn(session, actor, ...)`` in its own transaction."""
        return uow.run(self.db.session_factory, self.actor, fn, *args, keterangan=keterangan, **kw)
