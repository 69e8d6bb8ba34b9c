"""Which copies of the program have a SQLite database open, so a restore can refuse to
replace a file that another copy is still writing to.

Each copy that opens the database holds a lock on its own small file in the hidden folder
``.<name>.pakai`` beside it (the operating system drops the lock when the process ends, so a
crashed copy never blocks anyone). A restore holds the lock on ``pulih.kunci`` in the same
folder for its whole run and refuses while any other copy's lock is held; a copy that opens the
database first takes its own lock and then looks at ``pulih.kunci``, so of the two one always
sees the other.

The locks are advisory and need a local folder. As a second line, every commit checks that
the file at the database's path is still the file this copy opened; after a restore it is
not, and the commit fails with a clear message instead of writing into the replaced file
(on Windows the restore itself cannot replace a file that another program holds open).
"""

from __future__ import annotations

import contextlib
import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from sqlalchemy import Engine, event

from kinerja_desktop.domain.errors import DomainError

KUNCI_PULIH = "pulih.kunci"


class DatabaseDiganti(DomainError):
    """The database file was replaced (restored) by another copy since this one opened it."""


def folder_pemakai(db_path: Path) -> Path:
    return db_path.parent / f".{db_path.name}.pakai"


def _kunci(fh: IO[bytes]) -> bool:
    """Take the exclusive lock of an open file without waiting; False if someone holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _lepas(fh: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    fh.close()


class Pemakaian:
    """This copy's claim on an open database; :meth:`lepas` when the database is closed."""

    def __init__(self, path: Path, fh: IO[bytes]) -> None:
        self.path, self._fh = path, fh

    def lepas(self) -> None:
        if self._fh.closed:
            return
        _lepas(self._fh)
        with contextlib.suppress(OSError):
            self.path.unlink()


def daftar_pemakai(db_path: Path) -> Pemakaian | None:
    """Claim the database for this copy. None where the folder cannot be written (a
    read-only database, which nobody can restore over either)."""
    if _uri(db_path):
        return None
    folder = folder_pemakai(db_path)
    try:
        folder.mkdir(exist_ok=True)
        path = folder / f"{os.getpid()}-{uuid.uuid4().hex[:8]}.kunci"
        fh = path.open("a+b")
    except OSError:
        return None
    if not _kunci(fh):
        fh.close()
        return None
    return Pemakaian(path, fh)


def _uri(db_path: Path) -> bool:
    # "file:…?mode=ro" (SQLite's URI form) names no folder of its own to claim in.
    return db_path.as_posix().startswith("file:")


def sedang_dipulihkan(db_path: Path) -> bool:
    kunci = folder_pemakai(db_path) / KUNCI_PULIH
    fh = None if _uri(db_path) or not kunci.exists() else _buka(kunci)
    if fh is None:
        return False
    bebas = _kunci(fh)
    _lepas(fh)
    return not bebas


def _buka(path: Path) -> IO[bytes] | None:
    try:
        path.parent.mkdir(exist_ok=True)
        return path.open("a+b")
    except OSError:
        return None


def pemakai_lain(db_path: Path) -> int:
    """How many other copies hold the database open (left-overs of ended copies removed)."""
    folder = folder_pemakai(db_path)
    if not folder.is_dir():
        return 0
    hidup = 0
    for p in folder.glob("*.kunci"):
        if p.name == KUNCI_PULIH:
            continue
        try:
            fh = p.open("a+b")
        except OSError:
            hidup += 1
            continue
        if _kunci(fh):
            _lepas(fh)
            with contextlib.suppress(OSError):
                p.unlink()
        else:
            fh.close()
            hidup += 1
    return hidup


@contextlib.contextmanager
def kunci_pemulihan(db_path: Path) -> Iterator[bool]:
    """Hold the restore lock; yields False if another restore holds it already."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    fh = _buka(folder_pemakai(db_path) / KUNCI_PULIH)
    if fh is None:
        yield True
        return
    dapat = _kunci(fh)
    try:
        yield dapat
    finally:
        if dapat:
            _lepas(fh)
        else:
            fh.close()


def _identitas(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def jaga_identitas(engine: Engine, db_path: Path) -> None:
    """Make every commit fail clearly once the file at ``db_path`` is not the one opened.

    Not on Windows: there a file another program holds open cannot be replaced at all (the
    restore fails and puts everything back), and file ids on some shares are not stable."""
    awal = _identitas(db_path)
    if awal is None or sys.platform == "win32" or awal[1] == 0:
        return

    @event.listens_for(engine, "commit")
    def _sebelum_commit(_conn) -> None:  # type: ignore[no-untyped-def]
        if _identitas(db_path) != awal:
            raise DatabaseDiganti(
                "Basis data ini telah diganti (dipulihkan dari cadangan) oleh salinan Kinerja "
                "Desktop lain sejak dibuka di sini. Perubahan terakhir TIDAK disimpan. Tutup "
                "program ini lalu buka kembali untuk memakai data yang dipulihkan."
            )
