"""The schema of a database inside a backup must be exactly the one the program's migrations
make at that revision: a trigger, view, table or index more (or a changed definition) could
act on the office's data after a restore, e.g. make an account ADMIN at its next login."""

from __future__ import annotations

import re
import sqlite3
import tempfile
from functools import lru_cache
from pathlib import Path

Objek = tuple[str, str, str, str]  # (type, name, tbl_name, normalised sql)

# SQLite's own bookkeeping tables, created on demand (AUTOINCREMENT, ANALYZE).
_INTERNAL = re.compile(r"sqlite_(sequence|stat\d)")
_SPASI = re.compile(r"\s+")


def _rapikan(sql: str | None) -> str:
    return _SPASI.sub(" ", sql or "").strip()


def skema(con: sqlite3.Connection) -> frozenset[Objek]:
    rows = con.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset(
        (str(t), str(n), str(tb), _rapikan(sql))
        for t, n, tb, sql in rows
        if not _INTERNAL.fullmatch(str(n))
    )


@lru_cache(maxsize=4)
def skema_program(revisi: str) -> frozenset[Objek]:
    """The schema a new database has at ``revisi``, built by the migrations themselves."""
    from alembic import command
    from sqlalchemy import create_engine

    from kinerja_desktop.db.database import _alembic_config

    with tempfile.TemporaryDirectory(prefix="kinerja-skema-") as tmp:
        path = Path(tmp) / "acuan.sqlite"
        engine = create_engine(f"sqlite:///{path}")
        try:
            with engine.begin() as conn:
                command.upgrade(_alembic_config(conn), revisi)
        finally:
            engine.dispose()
        con = sqlite3.connect(path)
        try:
            return skema(con)
        finally:
            con.close()


def beda_skema(db: Path, revisi: str) -> str | None:
    """None when ``db`` has exactly the program's schema at ``revisi``, else the first
    difference, in words."""
    from kinerja_desktop.db.kunci import sambung_berkas

    con = sambung_berkas(db)  # an encrypted copy with its key (exchange/cadangan/kunci.py)
    try:
        ada = skema(con)
    finally:
        con.close()
    acuan = skema_program(revisi)
    lebih = sorted(ada - acuan)
    if lebih:
        jenis, nama = lebih[0][0], lebih[0][1]
        if any(o[:2] == (jenis, nama) for o in acuan):
            return f"definisi {_JENIS.get(jenis, jenis)} {nama} diubah"
        return f"ada {_JENIS.get(jenis, jenis)} tambahan {nama}"
    kurang = sorted(acuan - ada)
    if kurang:
        return f"{_JENIS.get(kurang[0][0], kurang[0][0])} {kurang[0][1]} tidak ada"
    return None


_JENIS = {"table": "tabel", "index": "indeks", "trigger": "trigger", "view": "view"}
