"""Opening a database: check it, back it up, migrate it, refuse one that is too new.

Alembic is imported only here and only when a database is opened, so start-up of
the window does not pay for it until it is needed.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kinerja_desktop.config import sqlite_path
from kinerja_desktop.db.engine import make_engine, make_session_factory
from kinerja_desktop.db.pemakai import Pemakaian, daftar_pemakai, jaga_identitas, sedang_dipulihkan
from kinerja_desktop.domain.errors import DomainError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

# The newest migration's revision. Opening an up-to-date database compares with this
# constant and never imports Alembic, which keeps start-up fast (a test keeps it in step).
SCHEMA_HEAD = "0009"


class DatabaseOpenError(DomainError):
    """The database cannot be opened; the message says why and what to do."""


class DatabaseTooNew(DatabaseOpenError):
    pass


@dataclass
class Database:
    url: str
    engine: Engine
    session_factory: sessionmaker[Session]
    backup_path: Path | None = None
    pemakaian: Pemakaian | None = None  # this copy's claim on a SQLite file (db/pemakai.py)
    # the office key (db/kunci.py), held while the database is open: it keys the audit and
    # the evidence files and wraps a new account's key slot
    kunci_kantor: bytes | None = None

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @property
    def label(self) -> str:
        path = self.path
        return str(path) if path else self.engine.url.render_as_string(hide_password=True)

    @property
    def folder_bukti(self) -> Path:
        """The evidence store (bukti dukung files) belonging to this database.

        Beside a SQLite file: ``<name>-bukti/``. For a server database: the folder named by
        $KINERJA_BUKTI_DIR (a shared folder on the LAN), else one in the user's data folder.
        """
        import os

        path = self.path
        if path is not None:
            return folder_bukti_sqlite(path)
        from kinerja_desktop.config import data_dir

        return Path(os.environ.get("KINERJA_BUKTI_DIR") or data_dir() / "bukti")

    def close(self) -> None:
        self.engine.dispose()
        if self.pemakaian is not None:
            self.pemakaian.lepas()


def _alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    cfg = _alembic_config(None)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    if head is None:  # a broken install without its migration scripts
        raise RuntimeError(f"Tidak ada skrip migrasi di {MIGRATIONS_DIR}.")
    return head


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_alembic_config(None))
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_sqlite(source: Path, target: Path, kunci_db: bytes | None = None) -> Path:
    """Copy a live SQLite database consistently (SQLite's online backup API); an encrypted
    one stays encrypted with the same key."""
    from kinerja_desktop.db.kunci import sambung_sqlite

    target.parent.mkdir(parents=True, exist_ok=True)
    src = sambung_sqlite(source, kunci_db, baca_saja=True)
    try:
        dst = sambung_sqlite(target, kunci_db)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "cadangan"


def folder_bukti_sqlite(db_path: Path) -> Path:
    """The evidence store beside a SQLite file: ``<name>-bukti/``."""
    return db_path.parent / f"{db_path.stem}-bukti"


def open_database(
    url: str,
    *,
    migrate: bool = True,
    kunci_kantor: bytes | None = None,
    terenkripsi: bool = False,
) -> Database:
    """``kunci_kantor``: the office key (keys the audit); ``terenkripsi``: the SQLite file is
    encrypted with it (db/kunci.py opens and converts; this only connects)."""
    from kinerja_desktop.db.kunci import (
        info_sesi,
        ingat_kunci_berkas,
        ingat_kunci_bukti,
        ingat_kunci_kantor,
        kunci_bukti,
        kunci_sqlcipher,
    )

    path = sqlite_path(url)
    pemakaian = None
    if path is not None:
        if not terenkripsi:
            _check_sqlite_file(path)
        # Claim first, then look for a restore: see db/pemakai.py for why in this order.
        pemakaian = daftar_pemakai(path)
        if sedang_dipulihkan(path):
            if pemakaian is not None:
                pemakaian.lepas()
            raise DatabaseOpenError(
                "Basis data ini sedang dipulihkan dari cadangan oleh salinan Kinerja Desktop "
                "lain. Tunggu hingga selesai, lalu buka kembali."
            )
    kunci_db = kunci_sqlcipher(kunci_kantor) if terenkripsi and kunci_kantor else None
    if kunci_db is not None and path is not None:
        ingat_kunci_berkas(path, kunci_db)
    engine = make_engine(url, kunci_db)
    try:
        backup = _migrate(engine, path, kunci_db) if migrate else None
        if path is not None:
            jaga_identitas(engine, path)
    except DomainError:
        engine.dispose()
        if pemakaian is not None:
            pemakaian.lepas()
        raise
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        if pemakaian is not None:
            pemakaian.lepas()
        raise DatabaseOpenError(explain_database_error(exc, path)) from exc
    if kunci_kantor is not None:
        ingat_kunci_kantor(kunci_kantor)
    factory = make_session_factory(engine, info_sesi(kunci_kantor))
    database = Database(url, engine, factory, backup, pemakaian, kunci_kantor)
    if kunci_db is not None and kunci_kantor is not None:
        ingat_kunci_bukti(database.folder_bukti, kunci_bukti(kunci_kantor))
    return database


def _migrate(engine: Engine, path: Path | None, kunci_db: bytes | None = None) -> Path | None:
    current = current_revision(engine)
    if current == SCHEMA_HEAD:
        return None
    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in _known_revisions():
        raise DatabaseTooNew(
            "Basis data ini dibuat oleh versi Kinerja Desktop yang lebih baru "
            f"(revisi skema {current}). Perbarui program sebelum membukanya; "
            "data tidak diubah."
        )
    backup = None
    if path is not None and path.exists() and _has_tables(engine):
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        name = f"{path.stem}-sebelum-migrasi-{current or 'awal'}-{stamp}.sqlite"
        backup = backup_sqlite(path, backup_folder(path) / name, kunci_db)
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")
    return backup


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(inspect(conn).get_table_names())


SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise DatabaseOpenError(f"{path} adalah folder, bukan berkas basis data.")
    if path.exists() and path.stat().st_size > 0:
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_MAGIC:
                raise DatabaseOpenError(
                    f"Berkas {path.name} bukan basis data Kinerja Desktop (atau rusak). "
                    "Pilih berkas lain, atau pulihkan dari cadangan."
                )
    elif not path.parent.exists():
        try:
            path.parent.mkdir(parents=True)
        except OSError as exc:
            raise DatabaseOpenError(explain_os_error(exc, path.parent)) from exc


def explain_os_error(exc: OSError, path: Path | None) -> str:
    where = f" ({path})" if path else ""
    if exc.errno == errno.ENOSPC:
        return f"Disk penuh{where}. Kosongkan ruang disk lalu ulangi; data tidak berubah."
    if exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
        return (
            f"Folder atau berkas hanya-baca{where}. Pindahkan basis data ke folder yang dapat "
            "ditulisi, atau minta hak tulis; data tidak berubah."
        )
    return f"Berkas tidak dapat diakses{where}: {exc.strerror or exc}."


def _hanya_baca(path: Path) -> bool:
    import os

    if path.exists() and not os.access(path, os.W_OK):
        return True
    return path.parent.exists() and not os.access(path.parent, os.W_OK)


def explain_database_error(exc: Exception, path: Path | None) -> str:
    """Tell the environment's fault (disk, permissions, lock, damage) from our own."""
    msg = str(getattr(exc, "orig", exc)).lower()
    where = f" ({path})" if path else ""
    if "locked" in msg or "busy" in msg:
        return (
            f"Basis data sedang dikunci oleh program lain{where}. Tutup program lain yang "
            "memakainya lalu ulangi."
        )
    if "readonly" in msg or "read-only" in msg or "attempt to write" in msg:
        return (
            f"Basis data hanya-baca{where}. Salin ke folder yang dapat ditulisi atau minta hak "
            "tulis; data tidak berubah."
        )
    if "disk is full" in msg or "database or disk is full" in msg:
        return f"Disk penuh{where}. Kosongkan ruang disk lalu ulangi; data tidak berubah."
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        return (
            f"Berkas basis data rusak atau bukan basis data{where}. Pulihkan dari cadangan "
            "(menu Berkas → Pulihkan dari…)."
        )
    if "unable to open" in msg:
        if path is not None and _hanya_baca(path):
            return (
                f"Folder basis data hanya-baca{where}. Salin berkas ke folder yang dapat "
                "ditulisi (bukan CD atau folder terkunci) lalu buka dari sana; data tidak berubah."
            )
        return f"Basis data tidak dapat dibuka{where}. Periksa folder dan hak aksesnya."
    if "could not connect" in msg or "connection refused" in msg:
        return "Server basis data tidak dapat dihubungi. Periksa jaringan dan alamat server."
    return f"Basis data tidak dapat dibuka{where}: {msg}"
