"""Small file helpers: durable writes (fsync of a file and of its folder), removal of a file
or folder with SQLite's side files, and the evidence store's files."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
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

        def bisa_ditulis(fungsi, p, _exc) -> None:  # type: ignore[no-untyped-def]
            # A read-only file or folder (Windows attribute, chmod) inside the tree is made
            # writable, then removed; nothing outside the tree is touched.
            with contextlib.suppress(OSError):
                induk = os.path.dirname(p)
                if Path(induk).is_relative_to(path):
                    os.chmod(induk, stat.S_IRWXU)
                os.chmod(p, stat.S_IRWXU)
                fungsi(p)

        shutil.rmtree(path, onerror=bisa_ditulis)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


# The evidence store names each file by its content: ``<sha256[:2]>/<sha256>``. A backup holds
# only such names, and a restore accepts only them: no drive letters, reserved Windows names,
# case or Unicode aliases, ``..`` or absolute paths can be spelt in lowercase hex.
_NAMA_BUKTI = re.compile(r"([0-9a-f]{2})/(\1[0-9a-f]{62})")


def nama_bukti_sah(rel: str) -> bool:
    """A name inside the evidence folder that the program's store itself writes."""
    return _NAMA_BUKTI.fullmatch(rel) is not None


def berkas_bukti(folder: Path) -> list[tuple[Path, str]]:
    """(file, name inside the folder with '/') for every stored evidence file, sorted.

    Only the store's own names count (its ``tmp/`` of interrupted copies is left out)."""
    if not folder.is_dir():
        return []
    hasil = []
    for sub in sorted(folder.iterdir()):
        if not sub.is_dir() or sub.is_symlink() or len(sub.name) != 2:
            continue
        for p in sorted(sub.iterdir()):
            rel = f"{sub.name}/{p.name}"
            if nama_bukti_sah(rel) and p.is_file() and not p.is_symlink():
                hasil.append((p, rel))
    return hasil


def hapus_wal(db: Path) -> None:
    for akhiran in ("-wal", "-shm", "-journal"):
        hapus(db.with_name(db.name + akhiran))
