"""Where the program keeps its files, and how a database is chosen."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DB = "KINERJA_DB"
ENV_DATA_DIR = "KINERJA_DATA_DIR"


def data_dir() -> Path:
    """The user's data folder (database, logs, backups); created on first use."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("KinerjaDesktop", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "kinerja.sqlite"


def resolve_db_url(db: str | os.PathLike[str] | None) -> str:
    """``--db`` may be a SQLite file path or any SQLAlchemy URL; else $KINERJA_DB; else default."""
    value = str(db) if db else os.environ.get(ENV_DB) or str(default_db_path())
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for a server database or an in-memory one."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or url == prefix or url.endswith(":memory:"):
        return None
    return Path(url[len(prefix) :])


def log_dir() -> Path:
    path = data_dir() / "log"
    path.mkdir(parents=True, exist_ok=True)
    return path
