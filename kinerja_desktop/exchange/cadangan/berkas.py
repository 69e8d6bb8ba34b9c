"""Small file helpers: durable writes (fsync of a file and of its folder), removal of a file
or folder with SQLite's side files, and the evidence store's files."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

POTONG = 1024 * 1024  # bytes per read when copying a member


def fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def hapus(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def berkas_bukti(folder: Path) -> list[tuple[Path, str]]:
    """(file, name inside the folder with '/') for every regular file, sorted."""
    if not folder.is_dir():
        return []
    hasil = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            p = Path(root) / name
            if p.is_file() and not p.is_symlink():
                hasil.append((p, p.relative_to(folder).as_posix()))
    return hasil


def aman(nama: str) -> bool:
    """A member name that stays inside the folder it is extracted to."""
    parts = nama.split("/")
    return (
        bool(nama)
        and not nama.startswith("/")
        and ".." not in parts
        and "\\" not in nama
        and ":" not in parts[0]
        and all(parts)
    )


def hapus_wal(db: Path) -> None:
    for akhiran in ("-wal", "-shm", "-journal"):
        hapus(db.with_name(db.name + akhiran))
