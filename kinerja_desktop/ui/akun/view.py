"""Account management (administrator only): list, add, change, reset password, unlock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.services import akun as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.akun.dialogs import AkunDialog, IdentitasDialog, ResetSandiDialog
from kinerja_desktop.ui.common.form import judul_halaman, label_keterangan

KOLOM = ["Nama Pengguna", "Pegawai", "Peran", "Status", "Login Terakhir"]


class AkunView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[svc.AkunRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        layout.addWidget(judul_halaman("Akun Pengguna"))
        info = label_keterangan(
            "Setiap pengguna masuk dengan akunnya sendiri; semua perubahan dicatat atas namanya "
            "di Log Audit. Akun dikunci 15 menit setelah 5 kali salah kata sandi."
        )
        info.setWordWrap(True)
        layout.addWidget(info)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.tambah = QPushButton("Tambah…")
        self.ubah = QPushButton("Ubah…")
        self.reset = QPushButton("Atur Ulang Kata Sandi…")
        self.buka = QPushButton("Buka Kunci")
        self.identitas = QPushButton("Identitas Kantor…")
        for b in (self.tambah, self.ubah, self.reset, self.buka):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.identitas)
        layout.addLayout(bar)
        self.tabel = QTableWidget(0, len(KOLOM))
        self.tabel.setHorizontalHeaderLabels(KOLOM)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.setAlternatingRowColors(True)
        h = self.tabel.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        h.setMinimumSectionSize(110)
        layout.addWidget(self.tabel, 1)
        self.keamanan = QPushButton("Kebijakan Keamanan…")
        bar.insertWidget(bar.count() - 1, self.keamanan)
        self.keamanan.clicked.connect(self._keamanan)
        self.tambah.clicked.connect(self._tambah)
        self.ubah.clicked.connect(self._ubah)
        self.reset.clicked.connect(self._reset)
        self.buka.clicked.connect(self._buka)
        self.identitas.clicked.connect(self._identitas)
        self.tabel.itemSelectionChanged.connect(self._pilihan_berubah)
        self.tabel.doubleClicked.connect(lambda _i: self._ubah())
        self.refresh()

    def _keamanan(self) -> None:
        from kinerja_desktop.ui.akun.dialogs import KebijakanDialog

        KebijakanDialog(self.ctx, self).exec()

    def refresh(self) -> None:
        rows = jalankan(self, self.ctx, svc.daftar_akun, judul="Akun tidak dapat dimuat")
        if rows is GAGAL:
            return
        self.rows = rows
        self.tabel.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            if not r.aktif:
                status, warna = "Nonaktif", QColor("#777777")
            elif r.terkunci:
                status, warna = "Terkunci", QColor("#b00020")
            else:
                status, warna = "Aktif", None
            login = r.login_terakhir_kantor
            nilai = [
                r.nama_pengguna,
                r.pegawai_nama or "—",
                r.peran_label,
                status,
                f"{login:%d-%m-%Y %H:%M}" if login else "belum pernah",
            ]
            for j, v in enumerate(nilai):
                item = QTableWidgetItem(v)
                if j == 3 and warna is not None:
                    item.setForeground(warna)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.tabel.setItem(i, j, item)
        self._pilihan_berubah()

    def terpilih(self) -> svc.AkunRow | None:
        baris = self.tabel.currentRow()
        sel = self.tabel.selectionModel().selectedRows()
        if not sel or baris < 0 or baris >= len(self.rows):
            return None
        return self.rows[baris]

    def pilih(self, nama_pengguna: str) -> None:
        for i, r in enumerate(self.rows):
            if r.nama_pengguna == nama_pengguna:
                self.tabel.selectRow(i)

    def _pilihan_berubah(self) -> None:
        r = self.terpilih()
        for b in (self.ubah, self.reset):
            b.setEnabled(r is not None)
        self.buka.setEnabled(r is not None and (r.terkunci or r.gagal_login > 0))

    def _tambah(self) -> None:
        dlg = AkunDialog(self.ctx, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            if dlg.hasil:
                self.pilih(dlg.hasil.nama_pengguna)

    def _ubah(self) -> None:
        r = self.terpilih()
        if r and AkunDialog(self.ctx, self, r).exec() == QDialog.DialogCode.Accepted:
            self.refresh()
            self.pilih(r.nama_pengguna)

    def _reset(self) -> None:
        r = self.terpilih()
        if r and ResetSandiDialog(self.ctx, r, self).exec() == QDialog.DialogCode.Accepted:
            QMessageBox.information(
                self,
                "Kata sandi diatur ulang",
                f"Kata sandi akun {r.nama_pengguna} telah diganti dan akunnya dibuka.",
            )
            self.refresh()

    def _buka(self) -> None:
        r = self.terpilih()
        if r is None:
            return
        if jalankan(self, self.ctx, svc.buka_kunci, r.id) is GAGAL:
            return
        self.refresh()
        self.pilih(r.nama_pengguna)

    def _identitas(self) -> None:
        IdentitasDialog(self.ctx, self).exec()
