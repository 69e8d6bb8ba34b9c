"""Log Audit (administrator only): who changed what and when, filtered, with before/after
values, exported to Excel or CSV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.exchange.audit_io import ekspor_audit
from kinerja_desktop.services import audit as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, coba, jalankan, jalankan_latar
from kinerja_desktop.ui.audit.model import AuditModel
from kinerja_desktop.ui.common.form import judul_halaman

_TANPA_TANGGAL = QDate(2000, 1, 1)


class AuditView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._memuat = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(10)
        atas = QHBoxLayout()
        atas.addWidget(judul_halaman("Log Audit"))
        atas.addStretch(1)
        self.tombol_periksa = QPushButton("Periksa Integritas…")
        self.tombol_ekspor = QPushButton("Ekspor…")
        atas.addWidget(self.tombol_periksa)
        atas.addWidget(self.tombol_ekspor)
        layout.addLayout(atas)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        self.pegawai = QComboBox()
        self.pengguna = QComboBox()
        self.entitas = QComboBox()
        self.aksi = QComboBox()
        for combo in (self.pegawai, self.pengguna, self.entitas):
            combo.setMinimumWidth(200)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(18)
        self.aksi.addItem("Semua aksi", None)
        for kode, label in svc.LABEL_AKSI.items():
            self.aksi.addItem(label, kode)
        self.dari = self._tanggal()
        self.sampai = self._tanggal()
        self.reset = QPushButton("Hapus Filter")
        grid.addWidget(QLabel("Pegawai:"), 0, 0)
        grid.addWidget(self.pegawai, 0, 1)
        grid.addWidget(QLabel("Pengguna:"), 0, 2)
        grid.addWidget(self.pengguna, 0, 3)
        grid.addWidget(QLabel("Dari tanggal:"), 0, 4)
        grid.addWidget(self.dari, 0, 5)
        grid.addWidget(QLabel("Jenis data:"), 1, 0)
        grid.addWidget(self.entitas, 1, 1)
        grid.addWidget(QLabel("Aksi:"), 1, 2)
        grid.addWidget(self.aksi, 1, 3)
        grid.addWidget(QLabel("Sampai tanggal:"), 1, 4)
        grid.addWidget(self.sampai, 1, 5)
        grid.addWidget(self.reset, 1, 6)
        grid.setColumnStretch(7, 1)
        layout.addLayout(grid)

        self.model = AuditModel(ctx, self)
        self.tabel = QTableView()
        self.tabel.setModel(self.model)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.setAlternatingRowColors(True)
        self.tabel.setWordWrap(False)
        h = self.tabel.horizontalHeader()
        for col, lebar in enumerate((55, 140, 100, 60, 130, 170, 380, 120)):
            self.tabel.setColumnWidth(col, lebar)
        h.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.rinci = QTableWidget(0, 3)
        self.rinci.setHorizontalHeaderLabels(["Kolom", "Sebelum", "Sesudah"])
        self.rinci.verticalHeader().setVisible(False)
        self.rinci.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rinci.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.rinci.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.judul_rinci = QLabel("Pilih satu catatan untuk melihat nilai sebelum dan sesudah.")
        bawah = QWidget()
        bl = QVBoxLayout(bawah)
        bl.setContentsMargins(0, 6, 0, 0)
        bl.addWidget(self.judul_rinci)
        bl.addWidget(self.rinci)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tabel)
        split.addWidget(bawah)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
        self.status = QLabel("")
        self.status.setStyleSheet("color: #555;")
        layout.addWidget(self.status)

        for combo in (self.pegawai, self.pengguna, self.entitas, self.aksi):
            combo.currentIndexChanged.connect(self.terapkan)
        self.dari.dateChanged.connect(self.terapkan)
        self.sampai.dateChanged.connect(self.terapkan)
        self.reset.clicked.connect(self.hapus_filter)
        self.tombol_ekspor.clicked.connect(self.ekspor)
        self.tombol_periksa.clicked.connect(self.periksa)
        self.tabel.selectionModel().currentRowChanged.connect(lambda cur, _p: self._rinci(cur))
        self.refresh()

    def _tanggal(self) -> QDateEdit:
        d = QDateEdit()
        d.setCalendarPopup(True)
        d.setDisplayFormat("dd-MM-yyyy")
        d.setMinimumDate(_TANPA_TANGGAL)
        d.setSpecialValueText("semua")
        d.setDate(_TANPA_TANGGAL)
        d.setMinimumWidth(120)
        return d

    @staticmethod
    def _tgl(edit: QDateEdit) -> date | None:
        d = edit.date()
        return None if d == _TANPA_TANGGAL else date(d.year(), d.month(), d.day())

    # --- filters ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the choices (new users or pegawai may have appeared) and the rows."""
        pilihan = jalankan(self, self.ctx, svc.pilihan_filter, judul="Log audit tidak dapat dimuat")
        if pilihan is GAGAL:
            return
        self._memuat = True
        for combo, semua, items in (
            (self.pegawai, "Semua pegawai", pilihan.pegawai),
            (self.pengguna, "Semua pengguna", [(p, p) for p in pilihan.pengguna]),
            (self.entitas, "Semua jenis data", pilihan.entitas),
        ):
            lama = combo.currentData()
            combo.clear()
            combo.addItem(semua, None)
            for data, label in items:
                combo.addItem(label, data)
            i = combo.findData(lama) if lama is not None else 0
            combo.setCurrentIndex(max(i, 0))
        self._memuat = False
        self.terapkan()

    def filter(self) -> svc.FilterAudit:
        return svc.FilterAudit(
            pegawai_id=self.pegawai.currentData(),
            nama_pengguna=self.pengguna.currentData(),
            dari=self._tgl(self.dari),
            sampai=self._tgl(self.sampai),
            entitas=self.entitas.currentData(),
            aksi=self.aksi.currentData(),
        )

    def terapkan(self) -> None:
        if self._memuat:
            return
        if (
            coba(self, self.model.muat, self.filter(), judul="Log audit tidak dapat dimuat")
            is GAGAL
        ):
            return
        self.status.setText(f"{self.model.total} catatan")
        self._rinci(None)

    def hapus_filter(self) -> None:
        self._memuat = True
        for combo in (self.pegawai, self.pengguna, self.entitas, self.aksi):
            combo.setCurrentIndex(0)
        self.dari.setDate(_TANPA_TANGGAL)
        self.sampai.setDate(_TANPA_TANGGAL)
        self._memuat = False
        self.terapkan()

    def _rinci(self, index) -> None:
        row = self.model.row_at(index.row()) if index is not None and index.isValid() else None
        if row is None:
            self.rinci.setRowCount(0)
            self.judul_rinci.setText("Pilih satu catatan untuk melihat nilai sebelum dan sesudah.")
            return
        self.judul_rinci.setText(
            f"<b>No. {row.id}</b> — {row.aksi_label} {row.entitas_label.lower()} oleh "
            f"<b>{row.nama_pengguna}</b>, {row.waktu_kantor:%d-%m-%Y %H:%M:%S}"
            + (f" — {row.keterangan}" if row.keterangan else "")
        )
        rinci = row.baris_rinci()
        self.rinci.setRowCount(len(rinci))
        for i, vals in enumerate(rinci):
            for j, v in enumerate(vals):
                self.rinci.setItem(i, j, QTableWidgetItem(v))

    # --- actions ---------------------------------------------------------------------------
    def ekspor(self) -> None:
        path, pilihan = QFileDialog.getSaveFileName(
            self,
            "Ekspor log audit",
            str(Path.home() / f"log-audit-{date.today():%Y%m%d}.xlsx"),
            "Excel (*.xlsx);;CSV (*.csv)",
        )
        if not path:
            return
        if not path.lower().endswith((".xlsx", ".csv")):
            path += ".csv" if "csv" in pilihan.lower() else ".xlsx"
        self.task_ekspor = jalankan_latar(
            self,
            self.ctx,
            "Mengekspor log audit",
            ekspor_audit,
            path,
            self.filter(),
            judul="Ekspor gagal",
            selesai=lambda n: QMessageBox.information(
                self, "Ekspor selesai", f"{n} catatan diekspor ke\n{path}"
            ),
        )

    def periksa(self) -> None:
        from kinerja_desktop.ui.audit.integritas import PeriksaIntegritasDialog

        self.dialog_periksa = PeriksaIntegritasDialog(self.ctx, self)
        self.dialog_periksa.open()
