"""One session and one transaction per user action."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

import kinerja_desktop.services.audit  # noqa: F401  (installs the audit listener)
from kinerja_desktop.db.database import DatabaseOpenError, explain_database_error
from kinerja_desktop.domain.errors import ConflictError, DomainError
from kinerja_desktop.domain.peran import Actor

T = TypeVar("T")


class DatabaseFault(DomainError):
    """The environment failed (disk full, read-only, locked); nothing was written."""


@contextmanager
def unit_of_work(
    factory: sessionmaker[Session], actor: Actor, keterangan: str | None = None
) -> Iterator[Session]:
    """Commit when the block ends, roll back whole on any error."""
    session = factory(info={"actor": actor, "keterangan": keterangan})
    try:
        yield session
        session.commit()
    except StaleDataError as exc:
        session.rollback()
        raise ConflictError(
            "Data ini telah diubah oleh pengguna lain sejak Anda membukanya. "
            "Muat ulang lalu ulangi perubahan Anda."
        ) from exc
    except IntegrityError:
        session.rollback()
        raise
    except (OperationalError, DatabaseError) as exc:
        session.rollback()
        raise DatabaseFault(explain_database_error(exc, None)) from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def run(
    factory: sessionmaker[Session],
    actor: Actor,
    fn: Callable[..., T],
    *args: Any,
    keterangan: str | None = None,
    **kwargs: Any,
) -> T:
    """Call ``fn(session, actor, *args, **kwargs)`` as one user action."""
    with unit_of_work(factory, actor, keterangan) as session:
        return fn(session, actor, *args, **kwargs)


__all__ = ["DatabaseFault", "DatabaseOpenError", "run", "unit_of_work"]
