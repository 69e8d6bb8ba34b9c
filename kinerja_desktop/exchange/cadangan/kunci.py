"""The key file a backup of an encrypted database carries (``kinerja.sqlite.kunci``): checked
on restore, and the office key it wraps tried on the database inside, so a backup restores on
a computer that never had the database (the old laptop died) and a key file swapped for
another office's is refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kinerja_desktop.db.kunci import (
    BerkasKunci,
    KunciSalah,
    berkas_polos,
    galat_db,
    ingat_kunci_berkas,
    ingat_kunci_kantor,
    kunci_kantor_untuk,
    kunci_sqlcipher,
    sambung_sqlite,
)
from kinerja_desktop.exchange.cadangan.manifest import (
    NAMA_KUNCI,
    CadanganError,
    CadanganRusak,
    InfoCadangan,
)

# Opens the backup's key file with what the person typed (a password or the recovery key);
# returns the office key or raises KunciSalah.
Pembuka = Callable[[BerkasKunci], bytes]


class PerluKunci(CadanganError):
    """The backup is encrypted with an office key not open here: a password of one of its
    accounts, or its recovery key, is needed to check and restore it."""


def pembuka_sandi(pengguna: str, sandi: str) -> Pembuka:
    return lambda berkas: berkas.buka(pengguna, sandi)


def pembuka_pemulihan(kunci_pemulihan: str) -> Pembuka:
    return lambda berkas: berkas.buka_pemulihan(kunci_pemulihan)


def perlu_pembuka(info: InfoCadangan) -> bool:
    """Must the person type a password (or the recovery key) to restore this backup?"""
    return info.sidik_kunci is not None and kunci_kantor_untuk(info.sidik_kunci) is None


def _rusak(info: InfoCadangan, sebab: str) -> CadanganRusak:
    return CadanganRusak(
        f"Cadangan {info.path.name} ditolak: {sebab}. Berkas ini bukan cadangan yang dibuat "
        "Kinerja Desktop atau telah diubah; data tidak diubah."
    )


def buka_kunci(
    db: Path, kunci: Path | None, info: InfoCadangan, pembuka: Pembuka | None
) -> bytes | None:
    """Check the extracted key file ``kunci`` against the extracted database ``db`` and make
    the database readable for the checks that follow. Returns its SQLCipher key (None: a
    plain file)."""
    if info.sidik_kunci is None or kunci is None:
        if not berkas_polos(db):
            raise CadanganRusak(
                f"Cadangan {info.path.name} berisi basis data terenkripsi tetapi tidak membawa "
                f"berkas kuncinya ({NAMA_KUNCI}), sehingga tidak dapat dibuka di komputer mana "
                "pun. Pilih cadangan lain (cadangan yang dibuat versi ini selalu membawanya); "
                "data tidak diubah."
            )
        return None
    try:
        berkas = BerkasKunci.dari_teks(kunci, kunci.read_text(encoding="utf-8"))
    except (ValueError, KeyError, TypeError, RecursionError):
        raise _rusak(info, "berkas kunci di dalamnya tidak sah") from None
    if berkas.sidik != info.sidik_kunci:
        raise _rusak(info, "berkas kunci di dalamnya tidak sama dengan daftar isinya")
    kunci_kantor = _kunci_kantor(berkas, info, pembuka)
    if not berkas.terenkripsi:
        if not berkas_polos(db):
            raise _rusak(info, "berkas kunci di dalamnya bukan kunci basis datanya")
        ingat_kunci_kantor(kunci_kantor)
        return None
    kunci_db = kunci_sqlcipher(kunci_kantor)
    if not _terbuka(db, kunci_db):
        raise _rusak(info, "berkas kunci di dalamnya bukan kunci basis datanya (kunci kantor lain)")
    ingat_kunci_berkas(db, kunci_db)
    ingat_kunci_kantor(kunci_kantor)
    return kunci_db


def _kunci_kantor(berkas: BerkasKunci, info: InfoCadangan, pembuka: Pembuka | None) -> bytes:
    dikenal = kunci_kantor_untuk(berkas.sidik)
    if dikenal is not None:
        return dikenal
    if pembuka is None:
        raise PerluKunci(
            f"Cadangan {info.path.name} terenkripsi dengan kunci kantor yang belum dibuka di "
            "komputer ini. Masukkan nama pengguna dan kata sandi salah satu akun di dalam "
            "cadangan itu, atau kunci pemulihan kantornya, lalu ulangi; data tidak diubah."
        )
    try:
        return berkas.cocok(pembuka(berkas))
    except KunciSalah as exc:
        raise CadanganError(
            f"Cadangan {info.path.name} tidak dapat dibuka: {exc} Data tidak diubah."
        ) from exc


def _terbuka(db: Path, kunci_db: bytes) -> bool:
    try:
        con = sambung_sqlite(db, kunci_db, baca_saja=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except galat_db():
        return False
    return True
