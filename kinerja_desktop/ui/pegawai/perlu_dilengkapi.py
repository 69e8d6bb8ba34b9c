"""The worklist after a roster import: pegawai whose jabatan the file did not give for sure
("perkiraan, periksa") or left empty ("perlu dilengkapi"). Saving a pegawai's form clears his
note."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.services import impor_pegawai as imp
from kinerja_desktop.services import pegawai as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, jalankan


class PerluDilengkapiDialog(QDialog):
    KOLOM = ["NIP", "Nama", "Jabatan", "Perlu diperiksa / dilengkapi"]

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.daftar: list[imp.PerluDilengkapi] = []
        self.setWindowTitle("Data pegawai yang perlu dilengkapi")
        self.resize(900, 480)
        lay = QVBoxLayout(self)
        info = QLabel(
            "Jenis jabatan atau jenjang pegawai berikut diperkirakan dari berkas impor atau "
            "belum diisi. Periksa dan lengkapi datanya; catatan hilang setelah data disimpan."
        )
        info.setWordWrap(True)
        lay.addWidget(info)
        self.tabel = QTableWidget(0, len(self.KOLOM))
        self.tabel.setHorizontalHeaderLabels(self.KOLOM)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tabel.doubleClicked.connect(lambda _i: self.ubah())
        lay.addWidget(self.tabel, 1)
        tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.btn_ubah = QPushButton("Lengkapi data…")
        self.btn_ubah.clicked.connect(self.ubah)
        tombol.addButton(self.btn_ubah, QDialogButtonBox.ButtonRole.ActionRole)
        tombol.rejected.connect(self.reject)
        lay.addWidget(tombol)
        self.muat()

    def muat(self) -> None:
        hasil = jalankan(self, self.ctx, imp.daftar_perlu_dilengkapi)
        self.daftar = [] if hasil is GAGAL else hasil
        self.tabel.setRowCount(len(self.daftar))
        for i, d in enumerate(self.daftar):
            for c, teks in enumerate((format_nip(d.nip), d.nama, d.jabatan, d.catatan)):
                self.tabel.setItem(i, c, QTableWidgetItem(teks))
        self.tabel.resizeColumnsToContents()
        self.btn_ubah.setEnabled(bool(self.daftar))

    def ubah(self) -> None:
        from kinerja_desktop.ui.pegawai.dialogs import PegawaiDialog

        baris = self.tabel.currentRow()
        if not 0 <= baris < len(self.daftar):
            return
        segar = jalankan(self, self.ctx, svc.ambil_pegawai, self.daftar[baris].pegawai_id)
        if segar is GAGAL:
            return
        PegawaiDialog(self.ctx, segar, None, self).exec()
        self.muat()
