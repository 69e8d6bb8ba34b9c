"""Berkas → Periksa integritas: SQLite's integrity_check and the audit chain, off the GUI
thread, with the first broken entry named."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.tugas import StatusTugas
from kinerja_desktop.services import audit as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.uow import run
from kinerja_desktop.ui.tasks import BackgroundTask


def _kerja(state: StatusTugas, ctx: AppContext, actor: Actor) -> svc.HasilIntegritas:
    state.progress(0, 0, "Memeriksa…")
    return run(ctx.db.session_factory, actor, svc.periksa_integritas, ctx.db.folder_bukti)


class PeriksaIntegritasDialog(QDialog):
    selesai = Signal(object)  # HasilIntegritas or the exception

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hasil: svc.HasilIntegritas | None = None
        self.setWindowTitle("Periksa integritas")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(12)
        self.judul = QLabel("<b>Memeriksa basis data dan rantai log audit…</b>")
        layout.addWidget(self.judul)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        layout.addWidget(self.bar)
        self.struktur = QLabel("")
        self.struktur.setWordWrap(True)
        self.rantai = QLabel("")
        self.rantai.setWordWrap(True)
        self.rantai.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bukti = QLabel("")
        self.bukti.setWordWrap(True)
        self.saran = QLabel("")
        self.saran.setWordWrap(True)
        self.saran.setStyleSheet("color: #555;")
        for w in (self.struktur, self.rantai, self.bukti, self.saran):
            layout.addWidget(w)
        box = QDialogButtonBox()
        self.tutup = box.addButton("Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.task = BackgroundTask(_kerja, ctx, ctx.actor, parent=self)
        self.task.finished.connect(self._selesai)
        self.task.failed.connect(self._gagal)
        self.task.start()

    def _selesai(self, hasil: svc.HasilIntegritas) -> None:
        self.hasil = hasil
        self.bar.hide()
        ok, gagal = "✔", "✘"
        self.judul.setText(
            "<b style='color:#1b7f3b'>Basis data utuh.</b>"
            if hasil.utuh
            else "<b style='color:#b00020'>Ditemukan masalah.</b>"
        )
        self.struktur.setText(f"{ok if hasil.basis_data_ok else gagal} {hasil.pesan_basis_data}")
        self.rantai.setText(f"{ok if hasil.audit.utuh else gagal} {hasil.audit.pesan}")
        if hasil.bukti is not None:
            self.bukti.setText(f"{ok if hasil.bukti.utuh else gagal} {hasil.bukti.pesan}")
        if not hasil.utuh:
            self.saran.setText(
                "Basis data diubah di luar Kinerja Desktop atau rusak. Simpan berkas ini "
                "sebagai bukti, lalu pulihkan dari cadangan terakhir yang utuh "
                "(Berkas → Pulihkan dari…)."
            )
        self.selesai.emit(hasil)

    def _gagal(self, exc: BaseException) -> None:
        self.bar.hide()
        self.judul.setText("<b style='color:#b00020'>Pemeriksaan tidak dapat dijalankan.</b>")
        self.struktur.setText(str(exc))
        self.selesai.emit(exc)
