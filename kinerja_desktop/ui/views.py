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
    ViewSpec("beranda", "Beranda", "kinerja_desktop.ui.beranda:BerandaView"),
    ViewSpec("pegawai", "Pegawai", "kinerja_desktop.ui.pegawai.view:PegawaiView"),
    ViewSpec("skp", "SKP", "kinerja_desktop.ui.skp.view:SkpView"),
    ViewSpec("pemantauan", "Pemantauan", "kinerja_desktop.ui.pemantauan.view:PemantauanView"),
    ViewSpec("evaluasi", "Evaluasi", "kinerja_desktop.ui.evaluasi.view:EvaluasiView"),
    ViewSpec(
        "laporan",
        "Rekap & Laporan",
        "kinerja_desktop.ui.evaluasi.laporan:LaporanView",
        tampil_untuk=lambda a: a.is_admin or "PENILAI" in a.peran,
    ),
    ViewSpec(
        "akun",
        "Akun Pengguna",
        "kinerja_desktop.ui.akun.view:AkunView",
        tampil_untuk=lambda a: a.is_admin,
    ),
    ViewSpec(
        "audit",
        "Log Audit",
        "kinerja_desktop.ui.audit.view:AuditView",
        tampil_untuk=lambda a: a.is_admin,
    ),
]
