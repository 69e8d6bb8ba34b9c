"""Typed UI settings over QSettings, with one table of defaults and a version number."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QSettings

SETTINGS_VERSION = 1

DEFAULTS: dict[str, Any] = {
    "ui/recent_databases": [],
    "ui/window_geometry": None,
    "ui/last_view": "pegawai",
    "print/last_folder": "",
}

MAX_RECENT = 8


def _default_store() -> QSettings:
    # An INI file in the program's data folder (not the registry): $KINERJA_DATA_DIR then
    # isolates everything, and a portable install carries its settings along.
    from kinerja_desktop.config import data_dir

    return QSettings(str(data_dir() / "pengaturan-tampilan.ini"), QSettings.Format.IniFormat)


def _ke_int(value: object) -> int:
    """A stored number: QSettings gives back an int, or a str from the INI file."""
    if isinstance(value, (int, float, str, bytes)):
        return int(value)
    raise TypeError(f"bukan angka: {value!r}")


class UiSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or _default_store()
        if _ke_int(self._s.value("version", 0) or 0) < SETTINGS_VERSION:
            self._s.setValue("version", SETTINGS_VERSION)

    def get_str(self, key: str) -> str:
        value = self._s.value(key, DEFAULTS[key])
        return "" if value is None else str(value)

    def get_int(self, key: str) -> int:
        try:
            return _ke_int(self._s.value(key, DEFAULTS[key]))
        except (TypeError, ValueError):
            return int(DEFAULTS[key])

    def get_list(self, key: str) -> list[str]:
        # QSettings returns a str for a one-element list on some platforms, None for empty.
        value = self._s.value(key, DEFAULTS[key])
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, Iterable) else [str(value)]

    def get_bytes(self, key: str) -> Any:
        return self._s.value(key, DEFAULTS[key])

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self._s.setValue(key, value)

    def add_recent_database(self, label: str) -> list[str]:
        items = [label] + [x for x in self.get_list("ui/recent_databases") if x != label]
        items = items[:MAX_RECENT]
        self.set("ui/recent_databases", items)
        return items
