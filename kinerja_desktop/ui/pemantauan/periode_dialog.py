"""Periods admin dialog (ADMIN): the scheme of a year and each period's batas pengisian."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.periode import JenisPeriode
from kinerja_desktop.services import periode as psvc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.common.form import label_keterangan, pydate, tanggal_edit
from kinerja_desktop.ui.pemantauan.widgets import item, tabel, tombol


class PeriodeDialog(QDialog):
    def __init__(self, ctx: AppContext, tahun: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Periode Penilaian")
        self.resize(760, 460)
        self.rows: list[psvc.PeriodeRow] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 12)
        lay.setSpacing(10)
        atas = QHBoxLayout()
        atas.setSpacing(8)
        atas.addWidget(QLabel("Tahun:"))
        self.tahun = QSpinBox()
        self.tahun.setRange(2000, 2100)
        self.tahun.setValue(tahun)
        self.tahun.valueChanged.connect(lambda _v: self.muat())
        atas.addWidget(self.tahun)
        atas.addSpacing(12)
        atas.addWidget(QLabel("Skema:"))
        self.jenis = QComboBox()
        for j in (JenisPeriode.TRIWULAN, JenisPeriode.BULANAN, JenisPeriode.SEMESTER):
            self.jenis.addItem(j.label, j.value)
        atas.addWidget(self.jenis)
        atas.addSpacing(12)
        atas.addWidget(QLabel("Batas pengisian:"))
        self.hari = QSpinBox()
        self.hari.setRange(0, 90)
        self.hari.setValue(10)
        self.hari.setSuffix(" hari setelah periode")
        atas.addWidget(self.hari)
        atas.addWidget(tombol("Terapkan skema", self._terapkan))
        atas.addStretch(1)
        lay.addLayout(atas)
        ket = label_keterangan(
            "Skema periode hanya dapat diubah sebelum ada realisasi. Isian setelah batas "
            "pengisian tetap diterima tetapi ditandai terlambat. Ubah tanggal batas pada tabel "
            "lalu tekan Simpan."
        )
        ket.setWordWrap(True)
        lay.addWidget(ket)
        self.tabel = tabel(["Kode", "Periode", "Mulai", "Selesai", "Batas pengisian"], regang=(1,))
        self.tabel.verticalHeader().setDefaultSectionSize(32)
        lay.addWidget(self.tabel, 1)
        box = QDialogButtonBox()
        self.b_simpan = box.addButton("Simpan", QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton("Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self._simpan)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.muat()

    def muat(self) -> None:
        rows = jalankan(self, self.ctx, psvc.daftar_periode, self.tahun.value())
        if rows is GAGAL:
            return
        self.rows = rows
        if self.rows:
            self.jenis.setCurrentIndex(max(self.jenis.findData(self.rows[0].jenis), 0))
        t = self.tabel
        t.setRowCount(len(self.rows))
        for r, p in enumerate(self.rows):
            t.setItem(r, 0, item(p.kode))
            t.setItem(r, 1, item(p.nama))
            t.setItem(r, 2, item(f"{p.mulai:%d-%m-%Y}"))
            t.setItem(r, 3, item(f"{p.selesai:%d-%m-%Y}"))
            t.setCellWidget(r, 4, tanggal_edit(p.batas_pengisian))
        self.b_simpan.setEnabled(bool(self.rows))

    def _terapkan(self) -> None:
        jalankan(
            self,
            self.ctx,
            psvc.atur_periode,
            self.tahun.value(),
            self.jenis.currentData(),
            self.hari.value(),
            judul="Skema periode tidak diubah",
        )
        self.muat()

    def _simpan(self) -> None:
        def simpan(session, actor):
            for r, p in enumerate(self.rows):
                baru: date = pydate(self.tabel.cellWidget(r, 4).date())
                if baru != p.batas_pengisian:
                    psvc.ubah_batas_pengisian(session, actor, p.id, baru)

        tersimpan = jalankan(
            self,
            self.ctx,
            simpan,
            judul="Batas pengisian tidak disimpan",
            keterangan="Batas pengisian periode",
        )
        if tersimpan is GAGAL:
            return
        QMessageBox.information(self, "Periode", "Batas pengisian disimpan.")
        self.accept()
