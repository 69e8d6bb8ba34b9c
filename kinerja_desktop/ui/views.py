"""The program's views, in navigation order. Each is imported on first use.

A view is a QWidget built as ``View(ctx, parent)``; if it has ``refresh()``,
the main window calls it whenever the view is shown again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from kinerja_desktop.domain.peran import Actor


def _semua(_actor: Actor) -> bool:
    return True


@dataclass(frozen=True)
class ViewSpec:
    key: str
    judul: str
    target: str  # "package.module:ClassName"
    tampil_untuk: Callable[[Actor], bool] = _semua

    def load(self) -> type:
        module, _, name = self.target.partition(":")
        return getattr(import_module(module), name)


VIEWS: list[ViewSpec] = [
    ViewSpec("pegawai", "Pegawai", "kinerja_desktop.ui.pegawai.view:PegawaiView"),
]
