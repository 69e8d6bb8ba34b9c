"""Shared fixtures: a fresh SQLite file per test, actors for each role."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Tests assert on results, never on time: no per-example deadline for property tests (speed is
# measured in tests/benchmarks, on demand).
settings.register_profile("kinerja", deadline=None)
settings.load_profile("kinerja")


@pytest.fixture(autouse=True)
def _data_dir(tmp_path_factory, monkeypatch):
    """Keep logs, settings and backups of tests out of the user's real folders."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("KINERJA_DATA_DIR", str(data))
    monkeypatch.delenv("KINERJA_DB", raising=False)
    monkeypatch.delenv("KINERJA_PENGGUNA", raising=False)
    monkeypatch.delenv("KINERJA_SANDI", raising=False)
    return data


@pytest.fixture
def db(tmp_path):
    """A fresh SQLite file; with $KINERJA_TEST_PG_URL (a server's maintenance database URL),
    a fresh PostgreSQL database instead, to check that nothing depends on SQLite."""
    from kinerja_desktop.db.database import open_database

    server = os.environ.get("KINERJA_TEST_PG_URL")
    if not server:
        database = open_database(f"sqlite:///{tmp_path / 'kinerja.sqlite'}")
        yield database
        database.close()
        return
    yield from _pg_database(server, open_database)


def _pg_database(server: str, open_database):
    import uuid

    from sqlalchemy import create_engine, text

    name = f"kt_{uuid.uuid4().hex[:12]}"
    admin_engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    database = open_database(server.rsplit("/", 1)[0] + "/" + name)
    try:
        yield database
    finally:
        database.close()
        with admin_engine.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin_engine.dispose()


@pytest.fixture
def session(db):
    """A session for arranging data and reading results (commits explicitly)."""
    from kinerja_desktop.domain.peran import SISTEM

    s = db.session_factory(info={"actor": SISTEM})
    yield s
    s.close()


@pytest.fixture
def admin():
    from kinerja_desktop.domain.peran import Actor, Peran

    return Actor(nama="admin", akun_id=None, peran=frozenset({Peran.ADMIN}))


# The demo office takes ~30 s to build: built once per test session, at a fixed clock, in
# 2025, read on Thursday 8 January 2026, 10.00 WIB: the AKHIR deadline, Saturday 10 January,
# is one working day away.
DEMO_TAHUN = 2025
DEMO_JAM_UTC = "2026-01-08T03:00:00"


@pytest.fixture(scope="session")
def demo_berkas(tmp_path_factory):
    """The demo office's SQLite file (read it through :func:`demo_db`, which copies it)."""
    from datetime import datetime

    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.demo import buat_demo
    from kinerja_desktop.services.waktu import jam_tetap

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database = open_database(f"sqlite:///{path}")
    with jam_tetap(datetime.fromisoformat(DEMO_JAM_UTC)):
        buat_demo(database, DEMO_TAHUN)
    database.close()
    return path


@pytest.fixture
def demo_db(demo_berkas, tmp_path):
    """A fresh copy of the demo office for one test (tests may write to it), at the demo's
    fixed clock."""
    import shutil
    from datetime import datetime

    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.services.waktu import jam_tetap

    salinan = tmp_path / "demo.sqlite"
    shutil.copy(demo_berkas, salinan)
    database = open_database(f"sqlite:///{salinan}")
    with jam_tetap(datetime.fromisoformat(DEMO_JAM_UTC)):
        yield database
    database.close()


SANDI_CLI = "Baris#Perintah2025"


@pytest.fixture
def akun_cli(monkeypatch):
    """``akun_cli(db_or_url, nama, *peran, pegawai_id=None)``: an account for headless commands
    (made if missing) whose name and password go to $KINERJA_PENGGUNA / $KINERJA_SANDI."""
    from sqlalchemy import select

    from kinerja_desktop.config import resolve_db_url
    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.db.models import Akun
    from kinerja_desktop.domain.peran import SISTEM, Peran
    from kinerja_desktop.services import akun as svc
    from kinerja_desktop.services.uow import unit_of_work

    def buat(db, nama: str = "operator", *peran: Peran, pegawai_id: int | None = None) -> str:
        target = db if hasattr(db, "session_factory") else open_database(resolve_db_url(str(db)))
        try:
            with unit_of_work(target.session_factory, SISTEM, "akun uji") as s:
                if s.scalar(select(Akun.id).where(Akun.nama_pengguna == nama)) is None:
                    roles = peran or (Peran.ADMIN,)
                    svc.tambah_akun(s, SISTEM, nama, SANDI_CLI, roles, pegawai_id)
        finally:
            if target is not db:
                target.close()
        monkeypatch.setenv("KINERJA_PENGGUNA", nama)
        monkeypatch.setenv("KINERJA_SANDI", SANDI_CLI)
        return nama

    return buat
