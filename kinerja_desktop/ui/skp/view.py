"""The SKP view: choose year and pegawai, the pegawai's SKP list, the editor (Hasil Kerja,
Perilaku Kerja, Lampiran, Riwayat) with workflow buttons by state and role; a "Bawahan" tab
for penilai (status at a glance, matriks peran hasil); "Pustaka RHK" for operators."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.peran import Peran
from kinerja_desktop.domain.status import StatusSkp
from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.common.filter_bar import FilterBar
from kinerja_desktop.ui.common.form import judul_halaman
from kinerja_desktop.ui.skp import dialogs
from kinerja_desktop.ui.skp.bawahan import BawahanPanel
from kinerja_desktop.ui.skp.editor import SkpEditor
from kinerja_desktop.ui.skp.pustaka import PustakaPanel
from kinerja_desktop.ui.skp.widgets import buat_tombol, sel, tabel_baru


class SkpView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._daftar: list[svc.SkpRingkas] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 12)
        lay.setSpacing(10)

        lay.addWidget(judul_halaman("Sasaran Kinerja Pegawai"))

        f = self.filter = FilterBar(pegawai=True, cari_pegawai=ctx.actor.is_admin)
        self.tahun, self.pegawai, self.cari = f.tahun, f.pegawai, f.cari
        self.tahun.valueChanged.connect(lambda _v: self._muat_semua())
        self.pegawai.currentIndexChanged.connect(lambda _i: self.muat_daftar())
        self.cari.returnPressed.connect(self.isi_pegawai)
        self.filter.muat_ulang.clicked.connect(self.refresh)
        lay.addWidget(self.filter)

        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)

        # SKP tab
        halaman = QWidget()
        hl = QVBoxLayout(halaman)
        hl.setContentsMargins(8, 8, 8, 8)
        hl.setSpacing(8)
        atas = QHBoxLayout()
        atas.setSpacing(8)
        self.tabel_skp = tabel_baru(["Periode", "Revisi", "Status", "Pejabat penilai"], (3,))
        self.tabel_skp.setToolTip("SKP pegawai pada tahun ini: periode dan revisinya")
        self.tabel_skp.setMaximumHeight(118)
        self.tabel_skp.setMinimumHeight(78)
        self.tabel_skp.itemSelectionChanged.connect(self._pilih_skp)
        atas.addWidget(self.tabel_skp, 1)
        tombol = QVBoxLayout()
        tombol.setSpacing(6)
        self.b_buat = buat_tombol("Buat SKP…", self.buat_skp)
        self.b_hapus = buat_tombol("Hapus draf", self.hapus_draf)
        tombol.addWidget(self.b_buat)
        tombol.addWidget(self.b_hapus)
        if ctx.actor.is_admin:
            tombol.addWidget(buat_tombol("Buat SKP untuk unit…", self.buat_untuk_unit))
        tombol.addStretch(1)
        atas.addLayout(tombol)
        hl.addLayout(atas)
        self.editor = SkpEditor(ctx)
        self.editor.berubah.connect(self._setelah_berubah)
        hl.addWidget(self.editor, 1)
        self.tabs.addTab(halaman, "SKP")

        self.bawahan: BawahanPanel | None = None
        if ctx.actor.pegawai_id is not None and ctx.actor.punya(Peran.PENILAI):
            self.bawahan = BawahanPanel(ctx, self)
            self.bawahan.buka_skp.connect(self.buka_skp)
            self.tabs.addTab(self.bawahan, "Bawahan")
        self.pustaka: PustakaPanel | None = None
        if ctx.actor.is_admin:
            self.pustaka = PustakaPanel(ctx, self)
            self.tabs.addTab(self.pustaka, "Pustaka RHK")
        self.tabs.currentChanged.connect(lambda _i: self._muat_tab())
        self.isi_pegawai()

    # --- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._muat_semua()

    def _muat_semua(self) -> None:
        self.muat_daftar()
        self._muat_tab()

    def _muat_tab(self) -> None:
        w = self.tabs.currentWidget()
        if w is self.bawahan and self.bawahan is not None:
            self.bawahan.muat(self.tahun.value())
        elif w is self.pustaka and self.pustaka is not None:
            self.pustaka.muat()

    def isi_pegawai(self, pilih_id: int | None = None) -> None:
        rows = jalankan(
            self,
            self.ctx,
            svc.pegawai_dapat_dipilih,
            self.cari.text(),
            judul="Tidak dapat memuat pegawai",
        )
        if rows is GAGAL:
            return
        sebelumnya = pilih_id if pilih_id is not None else self.pegawai_id()
        pilihan = [(f"{r.nama} — {format_nip(r.nip)} — {r.jabatan}", r.id) for r in rows]
        if pilih_id and all(i != pilih_id for _l, i in pilihan):
            pilihan.append((f"Pegawai #{pilih_id}", pilih_id))
        self.filter.isi_pegawai(pilihan, [sebelumnya, self.ctx.actor.pegawai_id])
        self.muat_daftar()

    def pegawai_id(self) -> int | None:
        return self.filter.pegawai_id()

    def muat_daftar(self, pilih_skp: int | None = None) -> None:
        pid = self.pegawai_id()
        if pilih_skp is None and self.editor.detail is not None:
            pilih_skp = self.editor.detail.skp.id
        self._daftar = []
        if pid is not None:
            daftar = jalankan(
                self,
                self.ctx,
                svc.daftar_skp,
                pid,
                self.tahun.value(),
                judul="Tidak dapat memuat SKP",
            )
            if daftar is not GAGAL:
                self._daftar = daftar
        t = self.tabel_skp
        t.blockSignals(True)
        t.setRowCount(len(self._daftar))
        baris_pilih = 0 if self._daftar else -1
        # while a newer revision waits, the previous one is still the one in force
        tertunda = {
            (s.mulai, s.revisi - 1)
            for s in self._daftar
            if s.terkini and s.revisi and s.status != StatusSkp.DITETAPKAN
        }
        for i, s in enumerate(self._daftar):
            t.setItem(
                i, 0, sel(f"{s.mulai:%d-%m} s.d. {s.selesai:%d-%m-%Y}", s.id, tebal=s.terkini)
            )
            ket = (
                ""
                if s.terkini
                else " (berlaku)"
                if (s.mulai, s.revisi) in tertunda and s.status == StatusSkp.DITETAPKAN
                else " (lama)"
            )
            t.setItem(i, 1, sel(s.label_revisi + ket))
            t.setItem(i, 2, sel(s.label_status, warna=StatusSkp.warna_dari(s.status), tebal=True))
            t.setItem(i, 3, sel(s.penilai_nama))
            if s.id == pilih_skp:
                baris_pilih = i
        t.blockSignals(False)
        boleh_buat = pid is not None and (
            self.ctx.actor.is_admin or pid == self.ctx.actor.pegawai_id
        )
        self.b_buat.setEnabled(boleh_buat)
        if baris_pilih >= 0:
            t.selectRow(baris_pilih)
            self._pilih_skp()
        else:
            self.editor.kosongkan()
            self.b_hapus.setEnabled(False)

    def _pilih_skp(self) -> None:
        row = self.tabel_skp.currentRow()
        if row < 0 or row >= len(self._daftar):
            return
        s = self._daftar[row]
        self.editor.tampilkan(s.id)
        d = self.editor.detail
        self.b_hapus.setEnabled(bool(d and d.izin.hapus))

    def _setelah_berubah(self) -> None:
        self.muat_daftar()
        if self.bawahan is not None and self.tabs.currentWidget() is self.bawahan:
            self.bawahan.muat(self.tahun.value())

    def buka_skp(self, pegawai_id: int, skp_id: int) -> None:
        """Open a subordinate's SKP in the SKP tab."""
        if self.pegawai.findData(pegawai_id) < 0:
            self.cari.clear()
            self.isi_pegawai(pegawai_id)
        self.pegawai.blockSignals(True)
        self.pegawai.setCurrentIndex(self.pegawai.findData(pegawai_id))
        self.pegawai.blockSignals(False)
        self.editor.detail = None
        self.muat_daftar(pilih_skp=skp_id)
        self.tabs.setCurrentIndex(0)

    # --- actions ----------------------------------------------------------------------------
    def buat_skp(self) -> None:
        pid = self.pegawai_id()
        if pid is None:
            return
        nilai = dialogs.isi_buat_skp(
            self, self.pegawai.currentText().split(" — ")[0], self.tahun.value()
        )
        if nilai is None:
            return
        baru = jalankan(
            self,
            self.ctx,
            svc.buat_skp,
            pid,
            self.tahun.value(),
            nilai["pendekatan"],
            nilai["mulai"],
            nilai["selesai"],
            judul="SKP tidak dapat dibuat",
            akhiri_sebelumnya=nilai["akhiri_sebelumnya"],
        )
        if baru is GAGAL:
            return
        self.muat_daftar(pilih_skp=baru.id)

    def hapus_draf(self) -> None:
        d = self.editor.detail
        if d is None or not d.izin.hapus:
            return
        if not dialogs.konfirmasi(
            self, "Hapus draf SKP", f"Hapus draf SKP periode {d.skp.label_periode}?"
        ):
            return
        if (
            jalankan(self, self.ctx, svc.hapus_skp, d.skp.id, judul="Tidak dapat menghapus")
            is GAGAL
        ):
            return
        self.editor.kosongkan()
        self.muat_daftar()

    def buat_untuk_unit(self) -> None:
        from kinerja_desktop.services import organisasi

        unit = jalankan(self, self.ctx, organisasi.daftar_unit, False)
        if unit is GAGAL:
            return
        nilai = dialogs.isi_buat_skp_unit(self, unit, self.tahun.value())
        if nilai is None:
            return
        hasil = jalankan(
            self,
            self.ctx,
            svc.buat_skp_unit,
            nilai["unit_id"],
            nilai["tahun"],
            nilai["pendekatan"],
            judul="SKP tidak dapat dibuat",
            termasuk_sub_unit=nilai["termasuk_sub_unit"],
            keterangan="Buat SKP untuk unit",
        )
        if hasil is GAGAL:
            return
        QMessageBox.information(self, "Buat SKP untuk unit", hasil.pesan)
        self.muat_daftar()
