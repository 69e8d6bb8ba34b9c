"""Opening, migrating, backing up and refusing databases; audit chain; layering."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import date

import pytest
from sqlalchemy import select, text

from kinerja_desktop.db.database import DatabaseOpenError, DatabaseTooNew, open_database
from kinerja_desktop.db.models import AuditLog, UnitKerja
from kinerja_desktop.domain.errors import ConflictError
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.services.audit import periksa_rantai
from kinerja_desktop.services.uow import unit_of_work


def test_fresh_database_has_foreign_keys_and_wal(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    assert db.backup_path is None


def test_database_newer_than_program_is_refused(tmp_path):
    path = tmp_path / "baru.sqlite"
    open_database(f"sqlite:///{path}").close()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_masa_depan'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseTooNew, match="lebih baru"):
        open_database(f"sqlite:///{path}")


def test_existing_unmigrated_data_is_backed_up_first(tmp_path):
    path = tmp_path / "lama.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE catatan_lama (x INTEGER)")
    con.execute("INSERT INTO catatan_lama VALUES (42)")
    con.commit()
    con.close()
    db = open_database(f"sqlite:///{path}")
    assert db.backup_path is not None and db.backup_path.exists()
    copy = sqlite3.connect(db.backup_path)
    assert copy.execute("SELECT x FROM catatan_lama").fetchone() == (42,)
    copy.close()
    db.close()


def test_non_database_file_is_refused_with_message(tmp_path):
    path = tmp_path / "surat.sqlite"
    path.write_text("ini bukan basis data")
    with pytest.raises(DatabaseOpenError, match="bukan basis data"):
        open_database(f"sqlite:///{path}")
    assert path.read_text() == "ini bukan basis data"


def test_failed_action_rolls_back_whole(db):
    with pytest.raises(RuntimeError), unit_of_work(db.session_factory, SISTEM) as s:
        s.add(UnitKerja(nama="A"))
        s.flush()
        raise RuntimeError("gagal di tengah")
    with db.session_factory() as s:
        assert s.scalar(select(UnitKerja)) is None
        assert s.scalar(select(AuditLog)) is None


def test_stale_write_is_a_conflict_not_an_overwrite(db):
    with unit_of_work(db.session_factory, SISTEM) as s:
        s.add(UnitKerja(nama="Awal"))
    first = db.session_factory()
    unit_a = first.get(UnitKerja, 1)
    with unit_of_work(db.session_factory, SISTEM) as s:
        s.get(UnitKerja, 1).nama = "Diubah orang lain"
    unit_a.nama = "Perubahan saya"
    with pytest.raises(ConflictError), unit_of_work(db.session_factory, SISTEM) as s:
        merged = s.merge(unit_a)
        merged.nama = "Perubahan saya"
    first.close()
    with db.session_factory() as s:
        assert s.get(UnitKerja, 1).nama == "Diubah orang lain"


def test_every_change_is_audited_and_tampering_detected(db):
    with unit_of_work(db.session_factory, SISTEM) as s:
        s.add(UnitKerja(nama="Sekretariat"))
    with unit_of_work(db.session_factory, SISTEM) as s:
        s.get(UnitKerja, 1).nama = "Sekretariat Kecamatan"
    with db.session_factory() as s:
        logs = s.scalars(select(AuditLog).order_by(AuditLog.id)).all()
        assert [x.aksi for x in logs] == ["TAMBAH", "UBAH"]
        assert '"Sekretariat Kecamatan"' in logs[1].perubahan
        assert periksa_rantai(s).utuh
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET nama_pengguna = 'orang lain' WHERE id = 1"))
    with db.session_factory() as s:
        hasil = periksa_rantai(s)
        assert not hasil.utuh and hasil.rusak_pada == 1


def test_core_packages_import_without_qt():
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.startswith('PySide6'):\n"
        "            raise ImportError('Qt diblokir')\n"
        "sys.meta_path.insert(0, Block())\n"
        "import pkgutil, importlib, kinerja_desktop\n"
        "for pkg in ('domain', 'db', 'services', 'exchange', 'reports', 'demo'):\n"
        "    mod = importlib.import_module('kinerja_desktop.' + pkg)\n"
        "    for info in pkgutil.walk_packages(mod.__path__, mod.__name__ + '.'):\n"
        "        if '.migrations' in info.name:\n"
        "            continue\n"
        "        importlib.import_module(info.name)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_penilai_assignment_history_and_cycles(db, admin):
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.services import organisasi as org
    from tests import factories as f

    with unit_of_work(db.session_factory, admin) as s:
        camat = f.pegawai(s, "Camat", jenis_jabatan="ADMINISTRATOR")
        sekcam = f.pegawai(s, "Sekcam", lahir=date(1982, 1, 2), jenis_jabatan="ADMINISTRATOR")
        staf = f.pegawai(s, "Staf", lahir=date(1990, 3, 4))
        plt = f.pegawai(s, "Plt", lahir=date(1985, 6, 7), jenis_jabatan="PENGAWAS")
        org.tetapkan_penilai(s, admin, sekcam.id, camat.id, date(2024, 1, 1))
        org.tetapkan_penilai(s, admin, staf.id, camat.id, date(2024, 1, 1))
        org.tetapkan_penilai(s, admin, staf.id, sekcam.id, date(2025, 1, 1))
        org.tetapkan_penilai(
            s, admin, staf.id, plt.id, date(2025, 3, 1), jenis="PLT", selesai=date(2025, 4, 30)
        )
        assert org.penilai_pada(s, staf.id, date(2024, 6, 1)) == camat.id
        assert org.penilai_pada(s, staf.id, date(2025, 2, 1)) == sekcam.id
        assert org.penilai_pada(s, staf.id, date(2025, 3, 15)) == plt.id
        assert org.penilai_pada(s, staf.id, date(2025, 5, 1)) == sekcam.id
        assert org.atasan_penilai_pada(s, staf.id, date(2025, 5, 1)) == camat.id
        assert len(org.riwayat_penilai(s, admin, staf.id)) == 3
        with pytest.raises(ValidationError, match="berputar"):
            org.tetapkan_penilai(s, admin, camat.id, staf.id, date(2025, 6, 1))


def test_schema_head_constant_matches_migrations():
    from kinerja_desktop.db.database import SCHEMA_HEAD, head_revision

    assert head_revision() == SCHEMA_HEAD


def test_migrations_create_exactly_the_models(db):
    """A model change without a migration fails here."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from kinerja_desktop.db.base import Base

    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_every_printed_document_type_can_be_verified():
    from kinerja_desktop.services import cetak

    assert {"SKP"} <= set(cetak.PENYUSUN_DOKUMEN)
    assert len(cetak.PENYUSUN_DOKUMEN) >= 4
