"""Impor tab: template download and the import dialog with preview (valid/invalid rows) and an
all-or-nothing apply."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.exchange import progres_io as pio
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.common.form import label_keterangan
from kinerja_desktop.ui.pemantauan.widgets import item, tabel, tombol

FILTER_TABEL = "Excel atau CSV (*.xlsx *.xlsm *.csv *.txt);;Semua berkas (*)"


class DialogPratinjau(QDialog):
    """Shows a PratinjauImpor; 'Terapkan' is enabled only when every row is valid."""

    def __init__(self, pratinjau: pio.PratinjauImpor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        jenis = "progres harian" if pratinjau.jenis == pio.PROGRES else "realisasi"
        self.setWindowTitle(f"Pratinjau impor {jenis} — {pratinjau.nama_file}")
        self.resize(900, 520)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 12)
        lay.setSpacing(8)
        ringkas = QLabel(pratinjau.ringkasan())
        ringkas.setStyleSheet("font-weight: bold;")
        lay.addWidget(ringkas)
        if pratinjau.masalah:
            pesan = QLabel(
                "Impor hanya dapat diterapkan bila semua baris valid (semua atau tidak sama "
                "sekali). Perbaiki baris bermasalah di Excel, simpan, lalu impor ulang."
            )
            pesan.setWordWrap(True)
            pesan.setStyleSheet("color: #b00020;")
            lay.addWidget(pesan)
        tabs = QTabWidget()
        self.tabel_masalah = tabel(["Baris", "Kolom", "Alasan"], regang=(2,))
        for m in pratinjau.masalah:
            r = self.tabel_masalah.rowCount()
            self.tabel_masalah.insertRow(r)
            self.tabel_masalah.setItem(r, 0, item(m.baris, rata=Qt.AlignmentFlag.AlignRight))
            self.tabel_masalah.setItem(r, 1, item(m.kolom or "-"))
            self.tabel_masalah.setItem(r, 2, item(m.alasan, tip=m.alasan))
        self.tabel_masalah.resizeRowsToContents()
        self.tabel_valid = tabel(["Baris", "Pegawai", "Isi"], regang=(2,))
        for v in pratinjau.valid:
            r = self.tabel_valid.rowCount()
            self.tabel_valid.insertRow(r)
            self.tabel_valid.setItem(r, 0, item(v.baris, rata=Qt.AlignmentFlag.AlignRight))
            self.tabel_valid.setItem(r, 1, item(f"{v.nama} ({format_nip(v.nip)})"))
            self.tabel_valid.setItem(r, 2, item(v.ringkasan, tip=v.ringkasan))
        tabs.addTab(self.tabel_masalah, f"Bermasalah ({len({m.baris for m in pratinjau.masalah})})")
        tabs.addTab(self.tabel_valid, f"Valid ({len(pratinjau.valid)})")
        tabs.setCurrentIndex(0 if pratinjau.masalah else 1)
        lay.addWidget(tabs, 1)
        box = QDialogButtonBox()
        self.b_terapkan = box.addButton("Terapkan impor", QDialogButtonBox.ButtonRole.AcceptRole)
        self.b_terapkan.setEnabled(pratinjau.bisa_diterapkan)
        box.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)


class ImporTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pegawai_id: int | None = None
        self.tahun: int = 0
        self.selesai_impor = None  # callback after a successful import
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.setSpacing(12)
        for jenis, judul, uraian in (
            (
                pio.PROGRES,
                "Progres harian",
                "Satu baris per kegiatan: NIP, tanggal, uraian, kode RHK/IKI, kuantitas, satuan, "
                "tautan bukti. Cocok untuk memindahkan catatan harian dari Excel.",
            ),
            (
                pio.REALISASI,
                "Realisasi per periode",
                "Satu baris per IKI per periode: NIP, kode periode (TW1…AKHIR), kode IKI, "
                "realisasi (angka) atau uraian realisasi, tautan bukti.",
            ),
        ):
            g = QGroupBox(judul)
            gl = QVBoxLayout(g)
            gl.setContentsMargins(12, 10, 12, 10)
            lbl = QLabel(uraian)
            lbl.setWordWrap(True)
            gl.addWidget(lbl)
            tb = QHBoxLayout()
            tb.addWidget(tombol("Unduh templat…", lambda j=jenis: self._templat(j)))
            tb.addWidget(tombol("Impor berkas…", lambda j=jenis: self.impor(j)))
            tb.addStretch(1)
            gl.addLayout(tb)
            lay.addWidget(g)
        catatan = label_keterangan(
            "Templat berisi kode RHK/IKI SKP pegawai yang sedang dipilih pada lembar Petunjuk. "
            "Pratinjau menampilkan setiap baris yang bermasalah (nomor baris, kolom, alasan); "
            "impor baru diterapkan bila semua baris valid."
        )
        catatan.setWordWrap(True)
        lay.addWidget(catatan)
        lay.addStretch(1)

    def atur(self, pegawai_id: int | None, tahun: int) -> None:
        self.pegawai_id, self.tahun = pegawai_id, tahun

    def _templat(self, jenis: str) -> None:
        nama = "Templat_progres_harian.xlsx" if jenis == pio.PROGRES else "Templat_realisasi.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, "Simpan templat", str(Path.home() / nama), "Excel (*.xlsx)"
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        fn = pio.tulis_template_progres if jenis == pio.PROGRES else pio.tulis_template_realisasi

        def tulis(session, _actor):
            fn(path, session, self.pegawai_id, self.tahun)

        if jalankan(self, self.ctx, tulis, judul="Templat tidak tersimpan") is GAGAL:
            return
        QMessageBox.information(self, "Templat", f"Templat disimpan ke {path}.")

    def impor(self, jenis: str, path: str | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, "Pilih berkas impor", str(Path.home()), FILTER_TABEL
            )
        if not path:
            return False
        judul = "Berkas tidak dapat dibaca"
        if jenis == pio.PROGRES:
            pr = jalankan(self, self.ctx, pio.baca_progres, path, judul=judul)
        else:
            pr = jalankan(self, self.ctx, pio.baca_realisasi, path, self.tahun, judul=judul)
        if pr is GAGAL:
            return False
        dlg = DialogPratinjau(pr, self)
        self.dialog_terakhir = dlg
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return False
        fn = pio.terapkan_progres if jenis == pio.PROGRES else pio.terapkan_realisasi
        n = jalankan(
            self, self.ctx, fn, pr, judul="Impor dibatalkan", keterangan=f"Impor {pr.nama_file}"
        )
        if n is GAGAL:
            return False
        QMessageBox.information(self, "Impor selesai", f"{n} baris diimpor dari {pr.nama_file}.")
        if self.selesai_impor:
            self.selesai_impor()
        return True
