"""The "Penilaian & Predikat" tab of the evaluation dialog: the two ratings with the system's
suggestion, the predikat computed from them, organisation predikat, angka kredit, catatan."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.predikat import Rating, predikat_kinerja
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.ui.evaluasi.widgets import isi_rating, pilih


class PenilaianTab(QWidget):
    diubah = Signal()  # a rating or the catatan changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.saran_rating: str | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 12)
        lay.setSpacing(12)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        self.cb_hasil = QComboBox()
        isi_rating(self.cb_hasil)
        self.cb_hasil.setMinimumWidth(240)
        self.lbl_saran = QLabel()
        self.lbl_saran.setObjectName("saran")
        self.lbl_saran.setWordWrap(True)
        self.lbl_saran.setStyleSheet("color:#1d4ed8; font-style: italic;")
        self.btn_saran = QPushButton("Pakai saran")
        self.btn_saran.setToolTip(
            "Isi rating hasil kerja dengan saran sistem (Anda tetap dapat mengubahnya)."
        )
        self.btn_saran.clicked.connect(self._pakai_saran)
        baris_h = QHBoxLayout()
        baris_h.addWidget(self.cb_hasil)
        baris_h.addWidget(self.btn_saran)
        baris_h.addStretch(1)
        form.addRow("Rating Hasil Kerja:", baris_h)
        form.addRow("", self.lbl_saran)
        self.cb_perilaku = QComboBox()
        isi_rating(self.cb_perilaku)
        self.cb_perilaku.setMinimumWidth(240)
        form.addRow("Rating Perilaku Kerja:", self.cb_perilaku)
        self.lbl_predikat = QLabel()
        self.lbl_predikat.setObjectName("predikat")
        fp = QFont(self.lbl_predikat.font())
        fp.setPointSize(fp.pointSize() + 4)
        fp.setBold(True)
        self.lbl_predikat.setFont(fp)
        form.addRow("Predikat Kinerja Pegawai:", self.lbl_predikat)
        ket = QLabel(
            "Predikat dihitung dari kedua rating menurut matriks PermenPAN-RB 6/2022; "
            "tidak diketik."
        )
        ket.setStyleSheet("color:#6b7280")
        form.addRow("", ket)
        self.lbl_org = QLabel()
        form.addRow("Predikat Kinerja Organisasi:", self.lbl_org)
        self.lbl_ak = QLabel()
        self.lbl_ak.setObjectName("angka_kredit")
        self.lbl_ak.setWordWrap(True)
        form.addRow("Angka Kredit:", self.lbl_ak)
        lay.addLayout(form)
        lay.addWidget(QLabel("Catatan/Rekomendasi:"))
        self.ed_catatan = QPlainTextEdit()
        self.ed_catatan.setPlaceholderText("Catatan dan rekomendasi pengembangan untuk pegawai…")
        self.ed_catatan.setMinimumHeight(110)
        lay.addWidget(self.ed_catatan, 1)
        self.cb_hasil.currentIndexChanged.connect(self._rating_berubah)
        self.cb_perilaku.currentIndexChanged.connect(self._rating_berubah)
        self.ed_catatan.textChanged.connect(self.diubah)

    def isi(self, d: sv.EvaluasiDetail) -> None:
        self.saran_rating = d.saran_rating
        pilih(self.cb_hasil, d.rating_hasil_kerja)
        pilih(self.cb_perilaku, d.rating_perilaku)
        self.lbl_saran.setText(d.teks_saran)
        self.ed_catatan.setPlainText(d.catatan)
        self.ed_catatan.setReadOnly(not d.boleh_menilai)
        self.cb_hasil.setEnabled(d.boleh_menilai and not d.kepala_unit)
        self.btn_saran.setEnabled(
            d.boleh_menilai and not d.kepala_unit and d.saran_rating is not None
        )
        self.cb_perilaku.setEnabled(d.boleh_menilai)
        self.lbl_org.setText(
            sv.PredikatOrg(d.predikat_organisasi).label
            if d.predikat_organisasi
            else "Belum ditetapkan"
        )
        self.lbl_ak.setText(
            f"{d.angka_kredit}  ({d.angka_kredit_keterangan})"
            if d.angka_kredit
            else d.angka_kredit_keterangan
        )

    def nilai(self, kepala_unit: bool) -> dict:
        """The ratings and catatan to save; a kepala unit's rating hasil kerja is not typed."""
        kw: dict = {
            "rating_perilaku": self.cb_perilaku.currentData(),
            "catatan": self.ed_catatan.toPlainText(),
        }
        if not kepala_unit:
            kw["rating_hasil_kerja"] = self.cb_hasil.currentData()
        return kw

    def _rating_berubah(self) -> None:
        self.diubah.emit()
        self.perbarui_predikat()

    def perbarui_predikat(self) -> None:
        rh, rp = self.cb_hasil.currentData(), self.cb_perilaku.currentData()
        if rh and rp:
            p = predikat_kinerja(Rating(rh), Rating(rp))
            self.lbl_predikat.setText(p.label)
        else:
            self.lbl_predikat.setText("— (pilih kedua rating)")

    def _pakai_saran(self) -> None:
        if self.saran_rating:
            pilih(self.cb_hasil, self.saran_rating)
