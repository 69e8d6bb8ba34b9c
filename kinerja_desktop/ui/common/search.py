"""A search field that filters as you type, without a query per keystroke burst."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QWidget


class SearchLineEdit(QLineEdit):
    cari = Signal(str)

    def __init__(
        self, placeholder: str = "Cari…", jeda_ms: int = 200, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(jeda_ms)
        self._timer.timeout.connect(self.segera)
        self.textChanged.connect(lambda _t: self._timer.start())
        self.returnPressed.connect(self.segera)
        self._terakhir: str | None = None

    def segera(self) -> None:
        """Emit now (Enter key, tests)."""
        self._timer.stop()
        teks = self.text().strip()
        if teks != self._terakhir:
            self._terakhir = teks
            self.cari.emit(teks)
