"""Rotating log file in the user's data folder."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from kinerja_desktop.config import log_dir

_configured: Path | None = None


def setup_logging() -> Path:
    global _configured
    if _configured:
        return _configured
    path = log_dir() / "kinerja-desktop.log"
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _configured = path
    return path


def log_path() -> Path:
    return _configured or (log_dir() / "kinerja-desktop.log")
