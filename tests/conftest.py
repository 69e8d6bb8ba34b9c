"""Shared fixtures: a fresh SQLite file per test, actors for each role."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _data_dir(tmp_path_factory, monkeypatch):
    """Keep logs, settings and backups of tests out of the user's real folders."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("KINERJA_DATA_DIR", str(data))
    monkeypatch.delenv("KINERJA_DB", raising=False)
    return data


@pytest.fixture
def db(tmp_path):
    from kinerja_desktop.db.database import open_database

    database = open_database(f"sqlite:///{tmp_path / 'kinerja.sqlite'}")
    yield database
    database.close()


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

