"""The operator's KEDUDUKAN HUKUM table: what each SIASN kedudukan does to a pegawai on import
(normal duties, temporarily out of SKP duties, or leaving)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.jabatan_siasn import Kedudukan
from kinerja_desktop.services import impor_pegawai as imp
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, jalankan

PERLAKUAN = {
    Kedudukan.AKTIF: "Bertugas seperti biasa",
    Kedudukan.SEMENTARA: "Tetap terdaftar, sementara tanpa SKP",
    Kedudukan.KELUAR: "Dinonaktifkan (keluar)",
}


class KedudukanDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Kedudukan hukum saat impor")
        self.resize(640, 520)
        lay = QVBoxLayout(self)
        info = QLabel(
            "Perlakuan setiap isian KEDUDUKAN HUKUM NAMA pada berkas SIASN saat impor. "
            "Kedudukan yang tidak ada di daftar dianggap bertugas seperti biasa."
        )
        info.setWordWrap(True)
        lay.addWidget(info)
        self.tabel = QTableWidget(0, 2)
        self.tabel.setHorizontalHeaderLabels(["Kedudukan hukum", "Perlakuan"])
        self.tabel.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        lay.addWidget(self.tabel, 1)
        baris = QHBoxLayout()
        for teks, slot in (
            ("Tambah baris", self.tambah_baris),
            ("Hapus baris", self.hapus_baris),
            ("Kembalikan bawaan", self.bawaan),
        ):
            b = QPushButton(teks)
            b.clicked.connect(slot)
            baris.addWidget(b)
        baris.addStretch(1)
        lay.addLayout(baris)
        tombol = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        tombol.button(QDialogButtonBox.StandardButton.Save).setText("Simpan")
        tombol.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        tombol.accepted.connect(self.simpan)
        tombol.rejected.connect(self.reject)
        lay.addWidget(tombol)
        tabel = jalankan(self, ctx, imp.tabel_kedudukan)
        self.isi({} if tabel is GAGAL else tabel)

    def isi(self, tabel: dict[str, Kedudukan]) -> None:
        self.tabel.setRowCount(0)
        for nama, perlakuan in tabel.items():
            self.tambah_baris(nama.title() if nama != "cltn" else "CLTN", perlakuan)

    def tambah_baris(self, nama: str = "", perlakuan: Kedudukan = Kedudukan.AKTIF) -> None:
        i = self.tabel.rowCount()
        self.tabel.insertRow(i)
        self.tabel.setItem(i, 0, QTableWidgetItem(nama if isinstance(nama, str) else ""))
        combo = QComboBox()
        for k, label in PERLAKUAN.items():
            combo.addItem(label, k.value)
        combo.setCurrentIndex(list(PERLAKUAN).index(perlakuan))
        self.tabel.setCellWidget(i, 1, combo)

    def hapus_baris(self) -> None:
        if self.tabel.currentRow() >= 0:
            self.tabel.removeRow(self.tabel.currentRow())

    def bawaan(self) -> None:
        from kinerja_desktop.domain.jabatan_siasn import KEDUDUKAN_BAWAAN

        self.isi(dict(KEDUDUKAN_BAWAAN))

    def nilai(self) -> dict[str, str]:
        hasil: dict[str, str] = {}
        for i in range(self.tabel.rowCount()):
            item = self.tabel.item(i, 0)
            combo = self.tabel.cellWidget(i, 1)
            if item is not None and item.text().strip() and isinstance(combo, QComboBox):
                hasil[item.text().strip()] = str(combo.currentData())
        return hasil

    def simpan(self) -> None:
        if jalankan(self, self.ctx, imp.simpan_tabel_kedudukan, self.nilai()) is not GAGAL:
            self.accept()
