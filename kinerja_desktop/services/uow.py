"""One session and one transaction per user action."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import chain
from typing import Any, TypeVar

from sqlalchemy import event, text
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


def kunci_tulis(session: Session) -> None:
    """Begin this transaction as SQLite's one writer: wait (busy timeout) for another writer
    now, rather than fail later when its commit has made this transaction's reads stale."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("UPDATE audit_log SET id = id WHERE 1 = 0"))


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


def run_tercatat(
    factory: sessionmaker[Session],
    actor: Actor,
    fn: Callable[..., T],
    *args: Any,
    keterangan: str | None = None,
    **kwargs: Any,
) -> tuple[T, frozenset[str]]:
    """Like :func:`run`, and also name the tables the action wrote (so views know what to
    reload). Only committed work counts: an error raises before anything is named."""
    with unit_of_work(factory, actor, keterangan) as session:
        tabel: set[str] = set()
        session.info[_TABEL_BERUBAH] = tabel
        hasil = fn(session, actor, *args, **kwargs)
    return hasil, frozenset(tabel)


_TABEL_BERUBAH = "tabel_berubah"


def _catat_tabel(session: Session, _ctx: object) -> None:
    # only sessions opened by run_tercatat keep the list; the others pay nothing
    tabel = session.info.get(_TABEL_BERUBAH)
    if tabel is None:
        return
    for obj in chain(session.new, session.dirty, session.deleted):
        nama = getattr(type(obj), "__tablename__", None)
        if nama:
            tabel.add(nama)


event.listen(Session, "after_flush", _catat_tabel)


__all__ = ["DatabaseFault", "DatabaseOpenError", "run", "run_tercatat", "unit_of_work"]
