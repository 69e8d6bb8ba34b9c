"""The office key: encryption at rest of a SQLite database and its key slots.

One random office key per database. It never lies on disk as it is: the key file beside
the database (``<name>.sqlite.kunci``, JSON, readable before the database is open) holds
it wrapped once per account, by a key derived from that account's password (argon2id),
and once by the recovery key shown at setup ("kunci pemulihan"). From the office key
come, each by its own HMAC label: the SQLCipher key of the file, the audit key
(services/audit.py) and the evidence key (services/bukti.py).

A server database (PostgreSQL) is encrypted at rest by the server, not here.
"""

from __future__ import annotations

import base64
import hmac
import json
import os
import re
import secrets
import sqlite3
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.errors import DomainError

UKURAN_KUNCI = 32
SLOT_PEMULIHAN = "*pemulihan"
# argon2id for the password slots: about a tenth of a second on an office laptop, and 64 MiB
# of memory per guess for whoever copies the key file
ARGON2 = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 2}


class KunciSalah(DomainError):
    """The password or the recovery key does not open the office key."""


def _turunan(kunci_kantor: bytes, label: str) -> bytes:
    return hmac.digest(kunci_kantor, f"kinerja-desktop/{label}".encode(), "sha256")


def kunci_sqlcipher(kunci_kantor: bytes) -> bytes:
    return _turunan(kunci_kantor, "sqlcipher")


def kunci_audit(kunci_kantor: bytes) -> bytes:
    return _turunan(kunci_kantor, "audit")


def kunci_bukti(kunci_kantor: bytes) -> bytes:
    return _turunan(kunci_kantor, "bukti")


def info_sesi(kunci_kantor: bytes | None) -> dict[str, Any]:
    """What every session of a database opened with this key carries (services/audit.py)."""
    if kunci_kantor is None:
        return {}
    return {"kunci_audit": kunci_audit(kunci_kantor), "kunci_bukti": kunci_bukti(kunci_kantor)}


# --- SQLCipher --------------------------------------------------------------------------------


def url_sqlcipher(url: str, kunci_db: bytes) -> Any:
    """The SQLAlchemy URL of the pysqlcipher driver with the raw key (no KDF per connect)."""
    from sqlalchemy.engine import make_url

    asal = make_url(url)
    # an empty user name: rendered with its password for the print workers (services/cetak)
    return asal.set(drivername="sqlite+pysqlcipher", username="", password=f"x'{kunci_db.hex()}'")


def sambung_sqlite(path: Path, kunci_db: bytes | None, baca_saja: bool = False) -> Any:
    """A DB-API connection to a SQLite file, encrypted (``kunci_db``) or plain."""
    if kunci_db is None:
        if baca_saja:
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        return sqlite3.connect(path)
    import sqlcipher3

    con = sqlcipher3.connect(f"file:{path}?mode=ro" if baca_saja else str(path), uri=baca_saja)
    con.execute(f"PRAGMA key = \"x'{kunci_db.hex()}'\"")
    return con


# The SQLCipher keys of the files this process opened (and of their backup copies), for the
# code that copies and checks files with the DB-API directly (exchange/cadangan).
_KUNCI_BERKAS: dict[str, bytes] = {}


def ingat_kunci_berkas(path: Path, kunci_db: bytes) -> None:
    _KUNCI_BERKAS[str(Path(path).resolve())] = kunci_db


_KUNCI_BUKTI: dict[str, bytes] = {}


def ingat_kunci_bukti(folder: Path, kunci: bytes) -> None:
    """The evidence key for the evidence folder of an encrypted database open here."""
    _KUNCI_BUKTI[str(Path(folder).resolve())] = kunci


# The office keys opened in this process, by their fingerprint (``sidik``): a restore checks
# a backup's key file against them without asking for a password again.
_KUNCI_KANTOR: dict[str, bytes] = {}


def ingat_kunci_kantor(kunci_kantor: bytes) -> None:
    _KUNCI_KANTOR[sidik(kunci_kantor)] = kunci_kantor


def kunci_kantor_untuk(sidik_kunci: str) -> bytes | None:
    return _KUNCI_KANTOR.get(sidik_kunci)


def kunci_folder_bukti(folder: Path) -> bytes | None:
    return _KUNCI_BUKTI.get(str(Path(folder).resolve()))


def kunci_berkas(path: Path) -> bytes | None:
    """The key of an encrypted file: the one it was opened or copied with; for a copy made
    elsewhere (a backup being restored), whichever open office key reads it. None: plain."""
    if berkas_polos(path) or not Path(path).exists() or Path(path).stat().st_size == 0:
        return None
    kunci = _KUNCI_BERKAS.get(str(Path(path).resolve()))
    if kunci is not None:
        return kunci
    for calon in list(_KUNCI_BERKAS.values()):
        try:
            con = sambung_sqlite(path, calon, baca_saja=True)
            try:
                con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                con.close()
        except galat_db():
            continue
        ingat_kunci_berkas(path, calon)
        return calon
    return None


def galat_db(*lain: type[Exception]) -> tuple[type[Exception], ...]:
    """The DatabaseError classes of both drivers (they do not share a base), and ``lain``."""
    import sqlcipher3

    return (sqlite3.DatabaseError, sqlcipher3.dbapi2.DatabaseError, *lain)


def sambung_berkas(path: Path, baca_saja: bool = False, timeout: float = 5.0) -> Any:
    """A DB-API connection to a SQLite file, encrypted or plain, with its known key."""
    kunci = kunci_berkas(path)
    if kunci is None:
        if baca_saja:
            return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout)
        return sqlite3.connect(path, timeout=timeout)
    con = sambung_sqlite(path, kunci, baca_saja)
    con.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    return con


SQLITE_MAGIC = b"SQLite format 3\x00"


def berkas_polos(path: Path) -> bool:
    """A plain (unencrypted) SQLite file: its header is readable."""
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_MAGIC
    except FileNotFoundError:
        return False


def enkripsi_berkas(path: Path, kunci_db: bytes) -> None:
    """Convert a plain SQLite file to an encrypted one in place (SQLCipher's export into a
    new file beside it, then an atomic rename; the caller has made a backup)."""
    import sqlcipher3

    baru = path.with_name(path.name + ".enkripsi")
    baru.unlink(missing_ok=True)
    con = sqlcipher3.connect(str(path))
    try:
        con.execute(f"ATTACH DATABASE ? AS enk KEY \"x'{kunci_db.hex()}'\"", (str(baru),))
        con.execute("SELECT sqlcipher_export('enk')")
        versi = con.execute("PRAGMA user_version").fetchone()[0]
        con.execute(f"PRAGMA enk.user_version = {int(versi)}")
        con.execute("DETACH DATABASE enk")
    finally:
        con.close()
    for ekor in ("-wal", "-shm"):
        Path(str(path) + ekor).unlink(missing_ok=True)
    os.replace(baru, path)


# --- key slots --------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode())


def _kunci_bungkus(rahasia: str, garam: bytes, argon: dict[str, int]) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(rahasia.encode(), garam, hash_len=UKURAN_KUNCI, type=Type.ID, **argon)


def _nama_slot(pengguna: str) -> str:
    return unicodedata.normalize("NFC", pengguna.strip()).lower()


def bungkus(kunci_kantor: bytes, rahasia: str, nama: str) -> dict[str, Any]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    garam, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    argon = dict(ARGON2)
    kunci = _kunci_bungkus(rahasia, garam, argon)
    isi = AESGCM(kunci).encrypt(nonce, kunci_kantor, f"slot:{nama}".encode())
    return {"garam": _b64(garam), "nonce": _b64(nonce), "isi": _b64(isi), "argon2": argon}


def bungkus_dengan_kunci(kunci_kantor: bytes, password_hash: str, nama: str) -> dict[str, Any]:
    """A slot wrapped by the raw output of a stored argon2id hash (``$argon2id$v=19$m=..,t=..,
    p=..$salt$hash``): the account's password with that salt and those costs gives the same
    key, so ``buka_bungkus`` opens it as any other slot. ValueError: not such a hash."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    bagian = password_hash.split("$")
    if len(bagian) != 6 or bagian[1] != "argon2id" or bagian[2] != "v=19":
        raise ValueError("bukan hash argon2id")
    biaya = dict(p.split("=") for p in bagian[3].split(","))
    argon = {
        "time_cost": int(biaya["t"]),
        "memory_cost": int(biaya["m"]),
        "parallelism": int(biaya["p"]),
    }
    garam = base64.b64decode(bagian[4] + "=" * (-len(bagian[4]) % 4))
    kunci = base64.b64decode(bagian[5] + "=" * (-len(bagian[5]) % 4))
    if len(kunci) != UKURAN_KUNCI:
        raise ValueError("panjang hash lain")
    nonce = secrets.token_bytes(12)
    isi = AESGCM(kunci).encrypt(nonce, kunci_kantor, f"slot:{nama}".encode())
    return {
        "jenis": "hash",
        "garam": _b64(garam),
        "nonce": _b64(nonce),
        "isi": _b64(isi),
        "argon2": argon,
    }


def buka_bungkus(slot: dict[str, Any], rahasia: str, nama: str) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        kunci = _kunci_bungkus(rahasia, _unb64(slot["garam"]), dict(slot["argon2"]))
        return AESGCM(kunci).decrypt(
            _unb64(slot["nonce"]), _unb64(slot["isi"]), f"slot:{nama}".encode()
        )
    except (InvalidTag, KeyError, TypeError, ValueError) as exc:
        raise KunciSalah("Nama pengguna atau kata sandi salah.") from exc


def buat_kunci_pemulihan() -> str:
    """160 random bits as 32 base32 letters in 8 groups of 4, for typing from paper."""
    teks = base64.b32encode(secrets.token_bytes(20)).decode()
    return "-".join(teks[i : i + 4] for i in range(0, len(teks), 4))


def rapikan_kunci_pemulihan(teks: str) -> str:
    """What a person typed, as the canonical grouped form (spaces, dashes and case ignored;
    0/1/8 read as O/I/B, the letters base32 has instead)."""
    polos = "".join(c for c in teks.upper() if c.isalnum())
    polos = polos.translate(str.maketrans("018", "OIB"))
    return "-".join(polos[i : i + 4] for i in range(0, len(polos), 4))


def path_kunci(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".kunci")


@dataclass
class BerkasKunci:
    """The key file beside a SQLite database: whether it is encrypted, and its slots."""

    path: Path
    terenkripsi: bool = True
    sidik: str = ""  # HMAC fingerprint of the office key: a wrong unwrap is told at once
    slot: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def baca(cls, db_path: Path) -> BerkasKunci | None:
        path = path_kunci(db_path)
        try:
            return cls.dari_teks(path, path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (ValueError, KeyError, TypeError, RecursionError) as exc:
            raise DomainError(
                f"Berkas kunci {path.name} rusak. Pulihkan dari cadangan (berkas kunci ikut "
                "dicadangkan)."
            ) from exc

    @classmethod
    def dari_teks(cls, path: Path, teks: str) -> BerkasKunci:
        """Parse a key file (ValueError, KeyError or TypeError: not one the program wrote)."""
        isi = json.loads(teks)
        sidik_ = isi["sidik"]
        slot = isi["slot"]
        if (
            not isinstance(isi["terenkripsi"], bool)
            or not isinstance(sidik_, str)
            or not re.fullmatch(r"[0-9a-f]{32}", sidik_)
            or not isinstance(slot, dict)
            or not all(isinstance(k, str) and isinstance(v, dict) for k, v in slot.items())
        ):
            raise ValueError("bukan berkas kunci")
        return cls(path, isi["terenkripsi"], sidik_, dict(slot))

    def cocok(self, kunci_kantor: bytes) -> bytes:
        """``kunci_kantor`` if it is this file's office key, else KunciSalah."""
        return self._cocok(kunci_kantor)

    def tulis(self) -> None:
        isi = {
            "format": "kinerja-desktop/kunci-1",
            "terenkripsi": self.terenkripsi,
            "sidik": self.sidik,
            "slot": self.slot,
        }
        sementara = self.path.with_name(self.path.name + ".baru")
        with sementara.open("w", encoding="utf-8") as fh:
            json.dump(isi, fh, indent=1, sort_keys=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(sementara, self.path)

    def _cocok(self, kunci_kantor: bytes) -> bytes:
        if not hmac.compare_digest(sidik(kunci_kantor), self.sidik):
            raise KunciSalah("Kunci tidak cocok dengan basis data ini.")
        return kunci_kantor

    def buka(self, pengguna: str, sandi: str) -> bytes:
        nama = _nama_slot(pengguna)
        slot = self.slot.get(nama)
        if slot is None:
            raise KunciSalah("Nama pengguna atau kata sandi salah.")
        return self._cocok(buka_bungkus(slot, sandi, nama))

    def buka_pemulihan(self, kunci_pemulihan: str) -> bytes:
        slot = self.slot.get(SLOT_PEMULIHAN)
        if slot is None:
            raise KunciSalah("Basis data ini tidak punya kunci pemulihan.")
        teks = rapikan_kunci_pemulihan(kunci_pemulihan)
        try:
            return self._cocok(buka_bungkus(slot, teks, SLOT_PEMULIHAN))
        except KunciSalah as exc:
            raise KunciSalah("Kunci pemulihan salah. Periksa lagi huruf-hurufnya.") from exc

    def pasang(self, kunci_kantor: bytes, pengguna: str, sandi: str) -> None:
        """Give an account a slot (new account, password changed or reset) and save."""
        self._cocok(kunci_kantor)
        nama = _nama_slot(pengguna)
        self.slot[nama] = bungkus(kunci_kantor, sandi, nama)
        self.tulis()

    def cabut(self, pengguna: str) -> None:
        if self.slot.pop(_nama_slot(pengguna), None) is not None:
            self.tulis()


def sidik(kunci_kantor: bytes) -> str:
    return _turunan(kunci_kantor, "sidik")[:16].hex()


def buat_berkas_kunci(
    db_path: Path, pengguna: str, sandi: str, terenkripsi: bool = True
) -> tuple[bytes, str, BerkasKunci]:
    """A new office key for a new database: the administrator's slot and the recovery slot.
    Returns (office key, recovery key to show once, key file)."""
    kunci_kantor = secrets.token_bytes(UKURAN_KUNCI)
    pemulihan = buat_kunci_pemulihan()
    berkas = BerkasKunci(path_kunci(db_path), terenkripsi, sidik(kunci_kantor))
    berkas.slot[_nama_slot(pengguna)] = bungkus(kunci_kantor, sandi, _nama_slot(pengguna))
    berkas.slot[SLOT_PEMULIHAN] = bungkus(kunci_kantor, pemulihan, SLOT_PEMULIHAN)
    berkas.tulis()
    return kunci_kantor, pemulihan, berkas
