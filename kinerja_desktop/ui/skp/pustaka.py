"""The "Pustaka RHK" tab for operators: RHK and indicators per jabatan that pegawai take into
their SKP."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.common.form import label_keterangan
from kinerja_desktop.ui.skp import dialogs
from kinerja_desktop.ui.skp.widgets import buat_tombol, sel, tabel_baru


class PustakaPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[svc.PustakaRow] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Jabatan:"))
        self.jabatan = QComboBox()
        self.jabatan.setMinimumWidth(260)
        self.jabatan.currentIndexChanged.connect(lambda _i: self._isi())
        bar.addWidget(self.jabatan)
        self.cari = QLineEdit()
        self.cari.setPlaceholderText("Cari uraian…")
        self.cari.returnPressed.connect(self.muat)
        bar.addWidget(self.cari, 1)
        bar.addWidget(buat_tombol("Tambah…", self.tambah))
        bar.addWidget(buat_tombol("Ubah…", self.ubah))
        bar.addWidget(buat_tombol("Hapus", self.hapus))
        lay.addLayout(bar)
        self.tabel = tabel_baru(
            ["Jabatan", "Rencana hasil kerja", "Aspek", "Indikator", "Target"], (1, 3)
        )
        self.tabel.itemDoubleClicked.connect(lambda *_: self.ubah())
        lay.addWidget(self.tabel, 1)
        ket = label_keterangan(
            "Pustaka RHK/IKI per jabatan: pegawai memilihnya dengan tombol "
            '"Ambil dari pustaka…" saat menyusun SKP.'
        )
        lay.addWidget(ket)

    def muat(self) -> None:
        rows = jalankan(self, self.ctx, svc.daftar_pustaka, None, self.cari.text())
        if rows is GAGAL:
            return
        self.rows = rows
        pilih = self.jabatan.currentData()
        self.jabatan.blockSignals(True)
        self.jabatan.clear()
        self.jabatan.addItem("Semua jabatan", "")
        for j in sorted({r.jabatan for r in self.rows}):
            self.jabatan.addItem(j, j)
        self.jabatan.setCurrentIndex(max(self.jabatan.findData(pilih or ""), 0))
        self.jabatan.blockSignals(False)
        self._isi()

    def _tampil(self) -> list[svc.PustakaRow]:
        j = self.jabatan.currentData()
        return [r for r in self.rows if not j or r.jabatan == j]

    def _isi(self) -> None:
        rows = self._tampil()
        t = self.tabel
        t.setRowCount(len(rows))
        for i, r in enumerate(rows):
            t.setItem(i, 0, sel(r.jabatan, r.id))
            t.setItem(i, 1, sel(r.uraian_rhk))
            t.setItem(i, 2, sel(svc.LABEL_ASPEK.get(r.aspek or "", "")))
            t.setItem(i, 3, sel(r.uraian_indikator))
            t.setItem(i, 4, sel(r.target_teks))
        t.resizeRowsToContents()

    def _simpan(self, row: svc.PustakaRow | None) -> None:
        nilai = dialogs.isi_pustaka(self, row, sorted({r.jabatan for r in self.rows}))
        if nilai is None:
            return
        if jalankan(self, self.ctx, svc.simpan_pustaka, row.id if row else None, **nilai) is GAGAL:
            return
        self.muat()

    def tambah(self) -> None:
        self._simpan(None)

    def _terpilih(self) -> svc.PustakaRow | None:
        i = self.tabel.currentRow()
        rows = self._tampil()
        return rows[i] if 0 <= i < len(rows) else None

    def ubah(self) -> None:
        row = self._terpilih()
        if row is not None:
            self._simpan(row)

    def hapus(self) -> None:
        row = self._terpilih()
        if row is None or not dialogs.konfirmasi(
            self, "Hapus butir pustaka", f"Hapus «{svc.potong(row.uraian_indikator, 80)}»?"
        ):
            return
        if jalankan(self, self.ctx, svc.hapus_pustaka, row.id) is GAGAL:
            return
        self.muat()
