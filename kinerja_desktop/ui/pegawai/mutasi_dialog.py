"""The operator's "Mutasi…" dialog: a pegawai moves unit kerja and/or pejabat penilai from a
date (services/mutasi.catat_mutasi does the whole move in one transaction)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services import mutasi
from kinerja_desktop.services import organisasi as org
from kinerja_desktop.services import pegawai as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.waktu import hari_ini
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.common.form import FormGrid, label_keterangan, pydate, tanggal_edit
from kinerja_desktop.ui.pegawai.dialogs import PilihPegawaiTombol, _tombol, _unit_items

KOLOM_FORM = {
    "Tanggal": "tanggal",
    "Unit Kerja": "unit",
    "Pejabat Penilai": "penilai",
    "Mulai": "tanggal",
}


class MutasiDialog(QDialog):
    def __init__(
        self, ctx: AppContext, pegawai: svc.PegawaiRow, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.pegawai = ctx, pegawai
        self.hasil: mutasi.HasilMutasi | None = None
        self.setWindowTitle(f"Mutasi — {pegawai.nama_lengkap}")
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        info = label_keterangan(
            f"{pegawai.nama_lengkap} ({pegawai.nip_tampil})\n"
            f"Sekarang: {pegawai.jabatan} — {pegawai.unit_kerja}"
        )
        info.setWordWrap(True)
        lay.addWidget(info)
        self.form = FormGrid(1)
        self.tanggal = tanggal_edit(ctx.run(lambda s, _a: hari_ini(s)))
        self.form.add("tanggal", "Tanggal mutasi", self.tanggal)
        self.unit = QComboBox()
        self.unit.setMinimumWidth(300)
        for uid, nama in _unit_items(ctx.run(org.daftar_unit, False)):
            self.unit.addItem(nama.replace("    ", "\u2003"), uid)
        self.unit.setCurrentIndex(max(0, self.unit.findData(pegawai.unit_kerja_id)))
        self.form.add("unit", "Unit kerja baru", self.unit)
        self.jabatan = QLineEdit(pegawai.jabatan)
        self.form.add("jabatan", "Jabatan", self.jabatan)
        self.penilai = PilihPegawaiTombol(ctx, pegawai.id)
        self.form.add("penilai", "Pejabat penilai baru", self.penilai)
        self.keterangan = QLineEdit()
        self.keterangan.setPlaceholderText("mis. nomor SK mutasi")
        self.form.add("keterangan", "Keterangan", self.keterangan)
        lay.addWidget(self.form)
        catatan = label_keterangan(
            "SKP yang berjalan berakhir sehari sebelum tanggal mutasi (realisasi dan evaluasinya "
            "tetap tersimpan); SKP baru (draf) dibuka mulai tanggal mutasi dengan pejabat "
            "penilai yang baru. Evaluasi tahunan oleh penilai terakhir memuat hasil SKP "
            "sebelumnya."
        )
        catatan.setWordWrap(True)
        lay.addWidget(catatan)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        _tombol(box, "Catat mutasi")
        box.accepted.connect(self.simpan)
        box.rejected.connect(self.reject)
        lay.addWidget(box)

    def simpan(self) -> None:
        self.form.clear_errors()
        if self.penilai.pegawai is None:
            self.form.set_error("penilai", "Pilih pejabat penilai yang baru.")
            return

        def di_form(exc: Exception) -> bool:  # a wrong field is marked beside it
            if not isinstance(exc, ValidationError):
                return False
            self.form.set_error(KOLOM_FORM.get(exc.kolom or "", "unit"), exc.pesan)
            return True

        hasil = jalankan(
            self,
            self.ctx,
            mutasi.catat_mutasi,
            self.pegawai.id,
            pydate(self.tanggal.date()),
            self.unit.currentData(),
            self.penilai.pegawai.id,
            jabatan=self.jabatan.text(),
            catatan=self.keterangan.text().strip() or None,
            versi=self.pegawai.versi,
            tangani=di_form,
            keterangan="Mutasi pegawai",
        )
        if hasil is GAGAL:
            return
        self.hasil = hasil
        QMessageBox.information(self, "Mutasi dicatat", hasil.pesan)
        self.accept()
