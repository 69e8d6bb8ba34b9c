"""Opening a database with an account's password (or the recovery key), creating an
encrypted one, and keeping each account's key slot in step with its password.

``buka_dengan_sandi(url, pengguna, sandi)`` is the one door: the GUI login, the first-start
wizard and the headless commands open a database through it. A SQLite file with a key file
beside it (db/kunci.py) is encrypted: the password unwraps the office key before the file
can be read. A file without one is a plain database (from before encryption, or a test
fixture): it is opened as it is, and converted, after a backup, when an administrator signs
in (``enkripsi_sekarang``).
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from kinerja_desktop.config import sqlite_path
from kinerja_desktop.db.database import Database, backup_folder, backup_sqlite, open_database
from kinerja_desktop.db.kunci import (
    BerkasKunci,
    KunciSalah,
    berkas_polos,
    buat_berkas_kunci,
    enkripsi_berkas,
    kunci_sqlcipher,
    path_kunci,
)
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services.slot import INFO_BRANKAS, Brankas, slot_baru

# A headless command signed in by other means (tests, a maintenance script) may leave the
# office key for this process; open_db then opens with it.
_KUNCI_PROSES: dict[str, bytes | None] = {"kunci": None}


def ingat_kunci_proses(kunci_kantor: bytes | None) -> None:
    _KUNCI_PROSES["kunci"] = kunci_kantor


def kunci_proses() -> bytes | None:
    return _KUNCI_PROSES["kunci"]


def berkas_kunci(url: str) -> BerkasKunci | None:
    path = sqlite_path(url)
    return BerkasKunci.baca(path) if path is not None else None


def perlu_sandi(url: str) -> bool:
    """The database can be read only after a password opens its key (an encrypted file)."""
    berkas = berkas_kunci(url)
    return berkas is not None and berkas.terenkripsi


def buka_dengan_kunci(url: str, kunci_kantor: bytes | None, *, baru: bool = False) -> Database:
    """Open with the office key (None: a plain database without a key file). ``baru``: the
    key file was made just now (new or converted database), so the audit is keyed with it."""
    berkas = berkas_kunci(url)
    if berkas is None or kunci_kantor is None:
        if berkas is not None and berkas.terenkripsi:
            raise KunciSalah("Basis data ini terenkripsi: masuk dengan nama pengguna dan sandi.")
        db = open_database(url, kunci_kantor=kunci_kantor)
    else:
        path = sqlite_path(url)
        assert path is not None
        if berkas.terenkripsi and berkas_polos(path):
            _konversi(path, kunci_kantor)  # a conversion cut short: the key file came first
        db = open_database(url, kunci_kantor=kunci_kantor, terenkripsi=berkas.terenkripsi)
        db.session_factory.kw["info"][INFO_BRANKAS] = Brankas(berkas, kunci_kantor)
    try:
        _kunci_audit(db, baru or berkas is None)
    except BaseException:
        db.close()
        raise
    return db


def _kunci_audit(db: Database, boleh_ulang: bool) -> None:
    from kinerja_desktop.domain.peran import SISTEM
    from kinerja_desktop.services.audit import kunci_rantai
    from kinerja_desktop.services.uow import unit_of_work

    with unit_of_work(db.session_factory, SISTEM, "Penyegelan data") as s:
        kunci_rantai(s, boleh_ulang)


def buka_dengan_sandi(url: str, pengguna: str, sandi: str) -> Database:
    """Open a database for this account: unwrap the office key with the password (an
    encrypted file), open, migrate, key the audit. The caller then signs the account in
    (services/akun.masuk), which checks the password again and counts failures."""
    berkas = berkas_kunci(url)
    if berkas is None:
        return buka_dengan_kunci(url, kunci_proses())
    return buka_dengan_kunci(url, berkas.buka(pengguna, sandi))


def buka_dengan_pemulihan(url: str, kunci_pemulihan: str) -> Database:
    berkas = berkas_kunci(url)
    if berkas is None:
        raise KunciSalah("Basis data ini tidak terenkripsi; kunci pemulihan tidak diperlukan.")
    return buka_dengan_kunci(url, berkas.buka_pemulihan(kunci_pemulihan))


@dataclass(frozen=True)
class BasisDataBaru:
    database: Database
    kunci_pemulihan: str  # shown once, to print and keep


def buat_basis_data(url: str, pengguna: str, sandi: str, terenkripsi: bool = True) -> BasisDataBaru:
    """A new SQLite database for the first-start wizard: the office key, the first
    administrator's slot and the recovery slot, then the (encrypted) file."""
    path = sqlite_path(url)
    if path is None:
        raise DomainError("Enkripsi hanya untuk basis data SQLite; server mengenkripsi sendiri.")
    if path_kunci(path).exists():
        raise DomainError(f"Basis data {path.name} sudah punya berkas kunci.")
    if path.exists() and path.stat().st_size > 0 and not _kosong(path):
        raise DomainError(f"Berkas {path.name} sudah berisi data.")
    path.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    kunci_kantor, pemulihan, _berkas = buat_berkas_kunci(path, pengguna, sandi, terenkripsi)
    return BasisDataBaru(buka_dengan_kunci(url, kunci_kantor, baru=True), pemulihan)


def _kosong(path: Path) -> bool:
    """A plain file the program made but nobody used yet (no account, no pegawai)."""
    import sqlite3

    if not berkas_polos(path):
        return False
    con = sqlite3.connect(path)
    try:
        for tabel in ("akun", "pegawai"):
            if con.execute(f"SELECT count(*) FROM {tabel}").fetchone()[0]:
                return False
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        con.close()


def _konversi(path: Path, kunci_kantor: bytes) -> Path:
    from kinerja_desktop.services.waktu import sekarang_utc

    # the database is closed here (no office time zone to read): the stamp is in UTC
    stamp = sekarang_utc().strftime("%Y%m%d-%H%M%SZ")
    cadangan = backup_folder(path) / f"{path.stem}-sebelum-enkripsi-{stamp}.sqlite"
    backup_sqlite(path, cadangan)
    enkripsi_berkas(path, kunci_sqlcipher(kunci_kantor))
    return cadangan


def enkripsi_sekarang(db: Database, pengguna: str, sandi: str) -> tuple[Database, str]:
    """Convert an open plain database to an encrypted one, after a backup: a new office key,
    this administrator's slot, the recovery slot, and a slot for every other account made
    from its stored password hash (see ``_slot_dari_hash``). Returns the reopened database
    and the recovery key to show once."""
    path = db.path
    if path is None:
        raise DomainError("Enkripsi hanya untuk basis data SQLite; server mengenkripsi sendiri.")
    if path_kunci(path).exists():
        raise DomainError("Basis data ini sudah terenkripsi.")
    from kinerja_desktop.db.models import Akun

    with db.session_factory() as s:
        akun = list(s.execute(select(Akun.nama_pengguna, Akun.password_hash)))
    db.close()
    kunci_kantor, pemulihan, berkas = buat_berkas_kunci(path, pengguna, sandi, True)
    for nama, password_hash in akun:
        if nama.lower() != pengguna.lower():
            _slot_dari_hash(berkas, kunci_kantor, nama, password_hash)
    berkas.tulis()
    _konversi(path, kunci_kantor)
    return buka_dengan_kunci(db.url, kunci_kantor, baru=True), pemulihan


def _slot_dari_hash(
    berkas: BerkasKunci, kunci_kantor: bytes, nama: str, password_hash: str
) -> None:
    """Another account's slot, wrapped by its stored argon2 hash (what its password gives with
    that salt), so it can still sign in after the conversion; its next sign-in rewraps it with
    a fresh salt, after which a copy of the old hash no longer opens anything."""
    from kinerja_desktop.db.kunci import bungkus_dengan_kunci

    # not an argon2id hash: this account gets a slot when the admin resets its password
    with suppress(ValueError):
        berkas.slot[nama.lower()] = bungkus_dengan_kunci(kunci_kantor, password_hash, nama.lower())


def kunci_kantor_dari(session: Any) -> bytes | None:
    brankas: Brankas | None = session.info.get(INFO_BRANKAS)
    return brankas.kunci_kantor if brankas is not None else None


def pulihkan_sandi(url: str, kunci_pemulihan: str, pengguna: str, sandi_baru: str) -> None:
    """ "Lupa kata sandi": the recovery key opens the database and sets a new password (and
    slot) for an account; the account is unlocked and the change is in the audit log."""
    from kinerja_desktop.db.models import Akun
    from kinerja_desktop.domain.errors import NotFound
    from kinerja_desktop.domain.peran import SISTEM
    from kinerja_desktop.services import akun as akun_svc
    from kinerja_desktop.services.uow import unit_of_work

    db = buka_dengan_pemulihan(url, kunci_pemulihan)
    try:
        from kinerja_desktop.services.pengaturan import kebijakan_keamanan

        nama = (pengguna or "").strip().lower()
        with db.session_factory() as s:
            panjang = kebijakan_keamanan(s).sandi_panjang_minimal
        akun_svc.periksa_kekuatan(sandi_baru, nama, panjang)
        with unit_of_work(
            db.session_factory, SISTEM, "Kata sandi diatur dengan kunci pemulihan"
        ) as s:
            akun = s.scalar(select(Akun).where(Akun.nama_pengguna == nama))
            if akun is None:
                raise NotFound(f"Tidak ada akun bernama {nama!r}.")
            akun.password_hash = akun_svc.hash_password(sandi_baru)
            akun.gagal_login = 0
            akun.terkunci_sampai = None
            akun.aktif = True
            slot_baru(s, nama, sandi_baru)
    finally:
        db.close()
