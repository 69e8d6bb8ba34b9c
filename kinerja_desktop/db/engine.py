"""Engine and session factory, with the SQLite settings the program relies on."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

SQLITE_BUSY_TIMEOUT_MS = 15_000
# The page cache of every connection, in KiB, the same for a plain and an encrypted file: a
# page found here is not read (for SQLCipher: not decrypted and its HMAC not checked) again.
SQLITE_CACHE_KIB = 32_768


def make_engine(url: str, kunci_db: bytes | None = None) -> Engine:
    """``kunci_db``: the raw SQLCipher key of an encrypted SQLite file (db/kunci.py)."""
    if url.startswith("sqlite"):
        args = {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
        if kunci_db is not None:
            from kinerja_desktop.db.kunci import url_sqlcipher

            engine = create_engine(
                url_sqlcipher(url, kunci_db), connect_args=args, poolclass=QueuePool
            )
        else:
            engine = create_engine(url, connect_args=args)
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _configure_sqlite(engine: Engine) -> None:
    # by the driver, not the key: the print workers open the encrypted file from its URL
    terenkripsi = engine.dialect.driver == "pysqlcipher"

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin,
        # so that a failed user action rolls back whole (SQLAlchemy's pysqlite recipe).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
        if terenkripsi:
            atur_sqlcipher(cur)
        if engine.url.database not in (None, "", ":memory:"):
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        conn.exec_driver_sql("BEGIN")


def make_session_factory(engine: Engine, info: dict | None = None) -> sessionmaker[Session]:
    # Objects stay readable after commit: views get plain rows built inside the action.
    # ``info`` goes into every session's info (the audit key: db/kunci.py info_sesi).
    return sessionmaker(engine, expire_on_commit=False, info=info or {})


def atur_sqlcipher(cur) -> None:
    """SQLCipher's settings after the key (which is raw, so no PBKDF2 runs per connection).
    Memory security wipes every allocation SQLCipher frees, a large cost its documentation
    names, and guards only against someone reading this process's memory, who can read the
    key anyway; off (already the default of SQLCipher 4.5+, set so a build cannot change
    it). The page HMAC (tampering of the file) stays on."""
    cur.execute("PRAGMA cipher_memory_security = OFF")
