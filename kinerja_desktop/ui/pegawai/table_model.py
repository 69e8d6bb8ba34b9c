"""Roster table: pages of PegawaiRow from services.pegawai, filtered and sorted in SQL."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from kinerja_desktop.services import pegawai as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.common.paged_model import Kolom, PagedTableModel

KOLOM = [
    Kolom("NIP", "nip", 165),
    Kolom("Nama lengkap", "nama", 250),
    Kolom("Status", "status", 62),
    Kolom("Pangkat/Gol", "golongan", 175),
    Kolom("Jabatan", "jabatan", 260),
    Kolom("Unit Kerja", "unit", 240),
    Kolom("Aktif", "aktif", 90),
]

_ABU = QColor("#8a8a8a")
_KUNING = QColor("#fef3c7")  # data an import could not read for sure: "perlu dilengkapi"


class PegawaiTableModel(PagedTableModel):
    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(KOLOM, parent)
        self.ctx = ctx
        self.filter = svc.FilterPegawai()
        self.urut = "nama"

    def set_filter(self, f: svc.FilterPegawai) -> None:
        if f != self.filter:
            self.filter = f
            self.reload()

    def muat_jumlah(self) -> int:
        return self.ctx.run(svc.hitung_pegawai, self.filter)

    def muat_halaman(self, offset: int, limit: int) -> list[svc.PegawaiRow]:
        return self.ctx.run(
            svc.daftar_pegawai, self.filter, self.urut or "nama", self.turun, offset, limit
        )

    def tampil(self, r: svc.PegawaiRow, kolom: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if kolom == 0:
                return r.nip_tampil
            if kolom == 1:
                return r.nama_lengkap
            if kolom == 2:
                return r.status
            if kolom == 3:
                return r.pangkat_golongan
            if kolom == 4:
                return r.jabatan
            if kolom == 5:
                return r.unit_kerja
            if kolom == 6:
                if r.aktif and r.bebas_tugas:
                    return f"Bebas tugas: {r.kedudukan_hukum or '-'}"
                return "Ya" if r.aktif else (r.alasan_nonaktif or "Tidak").split(":")[0]
        elif role == Qt.ItemDataRole.ForegroundRole and (not r.aktif or r.bebas_tugas):
            return _ABU
        elif role == Qt.ItemDataRole.BackgroundRole and kolom == 4 and r.perlu_dilengkapi:
            return _KUNING
        elif role == Qt.ItemDataRole.ToolTipRole:
            if not r.aktif:
                tgl = f" sejak {r.tanggal_nonaktif:%d-%m-%Y}" if r.tanggal_nonaktif else ""
                return f"Nonaktif{tgl}: {r.alasan_nonaktif or '-'}"
            if kolom == 4 and r.perlu_dilengkapi:
                return f"{r.jabatan}\nPerlu dilengkapi: {r.perlu_dilengkapi}"
            if kolom == 6 and r.bebas_tugas:
                return (
                    f"Bebas tugas sementara ({r.kedudukan_hukum or '-'}): tidak wajib SKP dan "
                    "tidak dihitung di papan pemantauan maupun distribusi predikat."
                )
            if kolom in (3, 4, 5):
                return self.tampil(r, kolom, Qt.ItemDataRole.DisplayRole)
        elif role == Qt.ItemDataRole.UserRole:
            return r.id
        return None
