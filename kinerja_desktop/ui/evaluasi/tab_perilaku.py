"""The "Perilaku Kerja" tab of the evaluation dialog: per BerAKHLAK value its guidance, the
leader's expectation, the feedback during the period and the penilai's printed feedback."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.ui.evaluasi.widgets import thread_html


class PerilakuTab(QScrollArea):
    diubah = Signal()  # the penilai typed feedback

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        isi = QWidget()
        lay = QVBoxLayout(isi)
        lay.setContentsMargins(8, 8, 8, 8)
        lay.setSpacing(10)
        self.ub_perilaku: dict[str, QPlainTextEdit] = {}
        self._info: dict[str, tuple[QLabel, QTextBrowser]] = {}
        for n in BERAKHLAK:
            box = QGroupBox(n.nama)
            g = QGridLayout(box)
            g.setHorizontalSpacing(12)
            panduan = QLabel("\n".join(f"• {t}" for t in n.panduan))
            panduan.setWordWrap(True)
            panduan.setStyleSheet("color:#374151")
            eksp = QLabel()
            eksp.setWordWrap(True)
            utas = QTextBrowser()
            utas.setMaximumHeight(80)
            edit = QPlainTextEdit()
            edit.setPlaceholderText(f"Umpan balik penilai untuk nilai {n.nama}…")
            edit.setMaximumHeight(70)
            edit.textChanged.connect(self.diubah)
            g.addWidget(panduan, 0, 0, 2, 1)
            g.addWidget(eksp, 2, 0)
            g.addWidget(QLabel("Umpan balik selama periode:"), 0, 1)
            g.addWidget(utas, 1, 1, 2, 1)
            g.addWidget(QLabel("Umpan balik penilai (dicetak):"), 0, 2)
            g.addWidget(edit, 1, 2, 2, 1)
            g.setColumnStretch(0, 4)
            g.setColumnStretch(1, 3)
            g.setColumnStretch(2, 3)
            lay.addWidget(box)
            self.ub_perilaku[n.kode] = edit
            self._info[n.kode] = (eksp, utas)
        lay.addStretch(1)
        self.setWidget(isi)

    def isi(self, d: sv.EvaluasiDetail) -> None:
        for pr in d.perilaku:
            eksp, utas = self._info[pr.kode]
            eksp.setText(f"<b>Ekspektasi Khusus Pimpinan:</b> {pr.ekspektasi or '-'}")
            utas.setHtml(thread_html(pr.thread))
            edit = self.ub_perilaku[pr.kode]
            edit.setPlainText(pr.umpan_balik)
            edit.setReadOnly(not d.boleh_menilai)

    def umpan_balik(self) -> dict[str, str]:
        return {k: e.toPlainText() for k, e in self.ub_perilaku.items()}
