"""The atasan pejabat penilai's decision on a keberatan: Tetap, or Diubah with new ratings."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.predikat import Rating, predikat_kinerja
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import keberatan as kb
from kinerja_desktop.ui.evaluasi.widgets import esc, isi_rating, label_predikat, label_rating, pilih


class KeputusanKeberatanDialog(QDialog):
    """The atasan pejabat penilai's decision: Tetap, or Diubah with the new ratings."""

    def __init__(
        self, keberatan: sv.KeberatanRow, detail: sv.EvaluasiDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Putuskan keberatan")
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 12)
        lay.setSpacing(10)
        info = QLabel(
            f"<b>{detail.pegawai.nama}</b> — {detail.periode.nama} "
            f"{detail.periode.tahun}<br>Hasil semula: rating hasil kerja "
            f"<b>{label_rating(detail.rating_hasil_kerja)}</b>, rating perilaku "
            f"<b>{label_rating(detail.rating_perilaku)}</b>, predikat "
            f"<b>{label_predikat(detail.predikat)}</b>.<br><br><b>Alasan keberatan:</b> "
            f"{esc(keberatan.alasan)}"
        )
        info.setWordWrap(True)
        lay.addWidget(info)
        garis = QFrame()
        garis.setFrameShape(QFrame.Shape.HLine)
        lay.addWidget(garis)
        self.rb_tetap = QRadioButton("Tetap — hasil evaluasi tidak berubah")
        self.rb_ubah = QRadioButton("Diubah — tetapkan rating baru")
        self.rb_tetap.setChecked(True)
        lay.addWidget(self.rb_tetap)
        lay.addWidget(self.rb_ubah)
        form = QFormLayout()
        self.cb_hasil = QComboBox()
        isi_rating(self.cb_hasil)
        pilih(self.cb_hasil, detail.rating_hasil_kerja)
        self.cb_perilaku = QComboBox()
        isi_rating(self.cb_perilaku)
        pilih(self.cb_perilaku, detail.rating_perilaku)
        self.lbl_predikat = QLabel()
        form.addRow("Rating Hasil Kerja baru:", self.cb_hasil)
        form.addRow("Rating Perilaku Kerja baru:", self.cb_perilaku)
        form.addRow("Predikat baru:", self.lbl_predikat)
        lay.addLayout(form)
        lay.addWidget(QLabel("Catatan keputusan:"))
        self.ed_catatan = QPlainTextEdit()
        self.ed_catatan.setMaximumHeight(90)
        lay.addWidget(self.ed_catatan)
        catatan = QLabel("Keputusan atasan pejabat penilai bersifat final (PP 30/2019 Pasal 59).")
        catatan.setStyleSheet("color:#6b7280")
        lay.addWidget(catatan)
        tombol = QDialogButtonBox()
        tombol.addButton("Simpan keputusan", QDialogButtonBox.ButtonRole.AcceptRole)
        tombol.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        tombol.accepted.connect(self.accept)
        tombol.rejected.connect(self.reject)
        lay.addWidget(tombol)
        for w in (self.rb_tetap, self.rb_ubah):
            w.toggled.connect(self._perbarui)
        self.cb_hasil.currentIndexChanged.connect(self._perbarui)
        self.cb_perilaku.currentIndexChanged.connect(self._perbarui)
        self._perbarui()

    def keputusan(self) -> str:
        return kb.DIUBAH if self.rb_ubah.isChecked() else kb.TETAP

    def _perbarui(self) -> None:
        ubah = self.rb_ubah.isChecked()
        self.cb_hasil.setEnabled(ubah)
        self.cb_perilaku.setEnabled(ubah)
        rh, rp = self.cb_hasil.currentData(), self.cb_perilaku.currentData()
        self.lbl_predikat.setText(
            predikat_kinerja(Rating(rh), Rating(rp)).label if ubah and rh and rp else "-"
        )
