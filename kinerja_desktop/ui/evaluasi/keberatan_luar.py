"""The operator records a keberatan decision from the letter of an outside atasan pejabat
penilai (a Sekda, a Bupati: he cannot log in): isi surat, nomor, tanggal, the scanned letter,
and the new ratings when the objection is accepted."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.predikat import Rating, predikat_kinerja
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import keberatan_luar as kl
from kinerja_desktop.services.bukti import FILTER_DIALOG, BuktiStore
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.common.form import FormGrid, pydate, tanggal_edit
from kinerja_desktop.ui.evaluasi.widgets import esc, isi_rating, label_predikat, label_rating, pilih

ISI_SURAT = (
    ("Ditolak — hasil evaluasi tetap", "DITOLAK"),
    ("Diterima — rating diubah", "DITERIMA"),
    ("Diterima sebagian — rating diubah", "SEBAGIAN"),
)
_KUNCI = {
    "Nomor Surat": "nomor",
    "Tanggal Surat": "tanggal",
    "Berkas Surat": "berkas",
    "Rating": "hasil_kerja",
    "Isi": "isi",
}


class KeputusanSuratDialog(QDialog):
    """One keberatan; saving is one transaction (the letter goes into the evidence store)."""

    def __init__(
        self,
        ctx: AppContext,
        keberatan: sv.KeberatanRow,
        parent: QWidget | None = None,
        *,
        hari_ini: date,  # the office's today (services/waktu), the letter's default date
    ) -> None:
        super().__init__(parent)
        self.ctx, self.keberatan = ctx, keberatan
        self.berkas: Path | None = None
        self.setWindowTitle("Catat keputusan keberatan dari surat atasan")
        self.setMinimumWidth(620)
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        info = QLabel(
            f"<b>{esc(keberatan.pegawai_nama)}</b> — {esc(keberatan.periode_nama)}<br>"
            f"Hasil semula: rating hasil kerja <b>{label_rating(keberatan.rating_hasil_kerja)}"
            f"</b>, rating perilaku <b>{label_rating(keberatan.rating_perilaku)}</b>, predikat "
            f"<b>{label_predikat(keberatan.predikat)}</b>.<br><b>Alasan keberatan:</b> "
            f"{esc(keberatan.alasan)}<br><br>Atasan pejabat penilai pegawai ini berada di luar "
            "kantor; catat keputusannya sesuai surat yang diterima."
        )
        info.setWordWrap(True)
        lay.addWidget(info)
        self.form = FormGrid(1)
        self.isi = QComboBox()
        for label, kode in ISI_SURAT:
            self.isi.addItem(label, kode)
        self.form.add("isi", "Isi surat", self.isi)
        self.nomor = QLineEdit()
        self.nomor.setPlaceholderText("mis. 800/123/SETDA/2025")
        self.form.add("nomor", "Nomor surat", self.nomor)
        self.tanggal = tanggal_edit(hari_ini)
        self.form.add("tanggal", "Tanggal surat", self.tanggal)
        baris = QWidget()
        bl = QHBoxLayout(baris)
        bl.setContentsMargins(0, 0, 0, 0)
        self.lbl_berkas = QLabel("— belum dipilih —")
        self.btn_berkas = QPushButton("Pilih berkas…")
        self.btn_berkas.clicked.connect(self.pilih_berkas)
        bl.addWidget(self.lbl_berkas, 1)
        bl.addWidget(self.btn_berkas)
        self.form.add("berkas", "Pindaian surat", baris)
        self.cb_hasil = QComboBox()
        isi_rating(self.cb_hasil)
        pilih(self.cb_hasil, keberatan.rating_hasil_kerja)
        self.form.add("hasil_kerja", "Rating hasil kerja baru", self.cb_hasil)
        self.cb_perilaku = QComboBox()
        isi_rating(self.cb_perilaku)
        pilih(self.cb_perilaku, keberatan.rating_perilaku)
        self.form.add("perilaku", "Rating perilaku baru", self.cb_perilaku)
        self.lbl_predikat = QLabel("-")
        self.form.add("predikat", "Predikat baru", self.lbl_predikat)
        lay.addWidget(self.form)
        lay.addWidget(QLabel("Catatan:"))
        self.catatan = QPlainTextEdit()
        self.catatan.setMaximumHeight(70)
        lay.addWidget(self.catatan)
        final = QLabel("Keputusan atasan pejabat penilai bersifat final (PP 30/2019 Pasal 59).")
        final.setStyleSheet("color:#6b7280")
        lay.addWidget(final)
        box = QDialogButtonBox()
        box.addButton("Simpan keputusan", QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.simpan)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        for cb in (self.isi, self.cb_hasil, self.cb_perilaku):
            cb.currentIndexChanged.connect(self._perbarui)
        self._perbarui()

    def _diubah(self) -> bool:
        return self.isi.currentData() != "DITOLAK"

    def _perbarui(self) -> None:
        ubah = self._diubah()
        self.cb_hasil.setEnabled(ubah)
        self.cb_perilaku.setEnabled(ubah)
        rh, rp = self.cb_hasil.currentData(), self.cb_perilaku.currentData()
        self.lbl_predikat.setText(
            predikat_kinerja(Rating(rh), Rating(rp)).label if ubah and rh and rp else "-"
        )

    def pilih_berkas(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Pilih pindaian surat", "", FILTER_DIALOG)
        if path:
            self.set_berkas(Path(path))

    def set_berkas(self, path: Path) -> None:
        self.berkas = path
        self.lbl_berkas.setText(path.name)

    def simpan(self) -> None:
        self.form.clear_errors()

        def di_form(exc: Exception) -> bool:  # a wrong field is marked beside it
            if isinstance(exc, ValidationError) and exc.kolom in _KUNCI:
                self.form.set_error(_KUNCI[exc.kolom], exc.pesan)
                return True
            return False

        ubah = self._diubah()
        hasil = jalankan(
            self,
            self.ctx,
            kl.catat_keputusan_surat,
            BuktiStore(self.ctx.db.folder_bukti),
            self.keberatan.id,
            hasil=self.isi.currentData(),
            nomor_surat=self.nomor.text(),
            tanggal_surat=pydate(self.tanggal.date()),
            berkas_surat=self.berkas,
            rating_hasil_kerja=self.cb_hasil.currentData() if ubah else None,
            rating_perilaku=self.cb_perilaku.currentData() if ubah else None,
            catatan=self.catatan.toPlainText(),
            versi=self.keberatan.versi,
            tangani=di_form,
            keterangan="Keputusan keberatan dari surat atasan luar kantor",
        )
        if hasil is not GAGAL:
            self.accept()
