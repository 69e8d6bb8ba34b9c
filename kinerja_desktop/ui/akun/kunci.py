"""Idle lock: after N minutes without keyboard or mouse input the window is covered and the
lock screen asks for the same user's password (the administrator's policy in the database,
services/pengaturan.kebijakan_keamanan;
0 turns it off)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow

from kinerja_desktop.db.base import utcnow
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.akun.login import LayarKunci

_AKTIVITAS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class PengawasDiam(QObject):
    """Emits ``diam`` once when no input came for ``menit`` minutes (until ``aktif()``)."""

    diam = Signal()

    def __init__(
        self,
        menit: int,
        parent: QObject | None = None,
        waktu: Callable[[], float] = time.monotonic,
        interval_ms: int = 10_000,
    ) -> None:
        super().__init__(parent)
        self.batas = max(0, menit) * 60
        self.waktu = waktu
        self.terakhir = waktu()
        self.terkunci = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.periksa)
        app = QApplication.instance()
        if self.batas and app is not None:
            app.installEventFilter(self)
            self.timer.start(interval_ms)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _AKTIVITAS and not self.terkunci:
            self.terakhir = self.waktu()
        return False

    def periksa(self) -> None:
        if self.batas and not self.terkunci and self.waktu() - self.terakhir >= self.batas:
            self.terkunci = True
            self.diam.emit()

    def aktif(self) -> None:
        self.terkunci = False
        self.terakhir = self.waktu()

    def berhenti(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def pasang_kunci_sesi(
    window: QMainWindow,
    ctx: AppContext,
    menit: int,
    ganti_pengguna: Callable[[], None],
    waktu: Callable[[], float] = time.monotonic,
    jam: Callable[[], datetime] = utcnow,
) -> PengawasDiam:
    """Watch for idleness; cover the window and ask for the password when it comes.

    ``waktu`` (monotonic seconds) and ``jam`` (the login clock) are for tests."""
    pengawas = PengawasDiam(menit, window, waktu=waktu)

    def kunci() -> None:
        central = window.centralWidget()
        if central is not None:
            central.setVisible(False)
        layar = LayarKunci(ctx.db, ctx.actor, window, jam=jam)
        # tests reach the lock screen through the window
        window.layar_kunci = layar  # type: ignore[attr-defined]
        hasil = layar.exec()
        window.layar_kunci = None  # type: ignore[attr-defined]
        if hasil == QDialog.DialogCode.Accepted:
            if central is not None:
                central.setVisible(True)
            pengawas.aktif()
        else:
            pengawas.berhenti()
            ganti_pengguna()

    pengawas.diam.connect(kunci)
    return pengawas
