"""Taking an evidence file out of the store safely: a harmless file name, and the bytes checked
against the SHA-256 recorded when the file was attached.

The stored name comes from whoever attached the file (or from a crafted database): it may carry
``../``, an absolute path, a Windows drive letter or a reserved device name. Only its last
component is kept, neutralised, so a copy lands in the folder the user chose and nowhere else.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path

from kinerja_desktop.domain.errors import DomainError, NotFound, ValidationError

PANJANG_NAMA_MAKS = 150
_POTONGAN = 1024 * 1024

# Device names Windows opens instead of a file, whatever the extension ("NUL.pdf" too).
NAMA_PERANGKAT_WINDOWS = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "CLOCK$"}
    | {f"COM{i}" for i in range(10)}
    | {f"LPT{i}" for i in range(10)}
    | {f"COM{c}" for c in "¹²³"}
    | {f"LPT{c}" for c in "¹²³"}
)
_TERLARANG = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')


class BuktiRusak(DomainError):
    """The stored file's bytes are not those attached: damaged or changed outside the program."""


def nama_aman(nama: str | None, cadangan: str = "bukti") -> str:
    """The stored name as a plain file name, safe on Windows and elsewhere."""
    teks = re.split(r"[\\/]", nama or "")[-1]  # the last component only: no folders
    teks = re.sub(r"^[A-Za-z]:", "", teks)  # "C:laporan.pdf" (relative to drive C)
    teks = _TERLARANG.sub("_", teks).strip(" .")  # Windows drops trailing dots and spaces
    if not teks:
        teks = cadangan
    if teks.split(".")[0].rstrip(" ").upper() in NAMA_PERANGKAT_WINDOWS:
        teks = "_" + teks
    if len(teks) > PANJANG_NAMA_MAKS:
        akhiran = Path(teks).suffix[:20]
        teks = teks[: PANJANG_NAMA_MAKS - len(akhiran)] + akhiran
    return teks


def tujuan_di_folder(folder: str | os.PathLike[str], nama: str | None) -> Path:
    """``folder / nama_aman(nama)``, checked to be directly inside ``folder``."""
    dasar = Path(folder)
    tujuan = dasar / nama_aman(nama)
    if tujuan.resolve().parent != dasar.resolve():
        raise ValidationError(f"Nama berkas {nama!r} tidak dapat dipakai di folder {dasar}.")
    return tujuan


def salin_terperiksa(asal: Path, tujuan: Path, sha256: str, nama: str) -> Path:
    """Copy ``asal`` to ``tujuan`` while hashing; the copy gets its name only if the hash is
    the recorded one (else nothing is left and BuktiRusak says so)."""
    try:
        src = asal.open("rb")
    except FileNotFoundError:
        raise NotFound(
            f"Berkas {nama} tidak ada di folder bukti dukung ({asal.parent.parent}). Folder itu "
            "mungkin belum disalin bersama basis data; salin folder bukti dukung ke samping "
            "berkas basis data."
        ) from None
    fd, sementara = tempfile.mkstemp(dir=tujuan.parent, prefix=".kinerja-", suffix=".part")
    try:
        h = hashlib.sha256()
        with src, os.fdopen(fd, "wb") as out:
            while chunk := src.read(_POTONGAN):
                h.update(chunk)
                out.write(chunk)
        if h.hexdigest() != (sha256 or "").lower():
            raise BuktiRusak(
                f"Berkas bukti dukung {nama} tidak dibuka: isinya tidak sama dengan saat "
                "dilampirkan (sidik SHA-256 berbeda), jadi berkas itu rusak atau diubah di luar "
                "program. Pulihkan folder bukti dukung dari cadangan, atau lampirkan ulang "
                "berkas aslinya."
            )
        os.replace(sementara, tujuan)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise
    return tujuan


_FOLDER_BUKA: list[Path] = []


def folder_buka() -> Path:
    """A private folder (this run only) for the checked copies the viewer opens."""
    if not _FOLDER_BUKA:
        folder = Path(tempfile.mkdtemp(prefix="kinerja-bukti-"))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _FOLDER_BUKA.append(folder)
    return Path(tempfile.mkdtemp(dir=_FOLDER_BUKA[0]))
