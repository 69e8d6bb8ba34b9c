"""The Pemantauan view: choose pegawai, year and period; tabs Realisasi, Rencana Aksi,
Progres Harian, Papan Pemantauan (penilai/admin) and Impor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.status import StatusRealisasi
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.common.filter_bar import FilterBar
from kinerja_desktop.ui.common.form import judul_halaman
from kinerja_desktop.ui.pemantauan.impor import ImporTab
from kinerja_desktop.ui.pemantauan.papan import PapanTab
from kinerja_desktop.ui.pemantauan.progres import ProgresTab
from kinerja_desktop.ui.pemantauan.realisasi import RealisasiTab
from kinerja_desktop.ui.pemantauan.rencana_aksi import RencanaAksiTab
from kinerja_desktop.ui.pemantauan.widgets import tombol, warna_status


class PemantauanView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.halaman: pm.HalamanPemantauan | None = None
        self._periode_id: int | None = None
        self._memuat = False

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 12)
        lay.setSpacing(10)
        lay.addWidget(judul_halaman("Pemantauan Kinerja"))

        f = self.filter = FilterBar(periode=True, pegawai=True, ketik_pegawai=True)
        self.tahun, self.periode, self.pegawai = f.tahun, f.periode, f.pegawai
        self.pegawai.activated.connect(lambda _i: self.muat_halaman())
        self.tahun.valueChanged.connect(lambda _v: self._ganti_tahun())
        self.periode.activated.connect(lambda _i: self._ganti_periode())
        if ctx.actor.is_admin:
            f.tambah_tombol(tombol("Atur Periode…", self._atur_periode))
        f.muat_ulang.clicked.connect(self.refresh)
        lay.addWidget(f)

        self.info = QLabel("")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.info)

        self.tabs = QTabWidget()
        self.realisasi = RealisasiTab(ctx)
        self.rencana = RencanaAksiTab(ctx)
        self.progres = ProgresTab(ctx)
        self.papan = PapanTab(ctx)
        self.impor = ImporTab(ctx)
        self.tabs.addTab(self.realisasi, "Realisasi")
        self.tabs.addTab(self.rencana, "Rencana Aksi")
        self.tabs.addTab(self.progres, "Progres Harian")
        self.tabs.addTab(self.papan, "Papan Pemantauan")
        self.tabs.addTab(self.impor, "Impor")
        for tab in (self.realisasi, self.rencana, self.progres):
            tab.berubah.connect(self.muat_halaman)
        self.impor.selesai_impor = self.muat_halaman
        self.papan.buka_pegawai.connect(self._buka_dari_papan)
        self.tabs.currentChanged.connect(lambda _i: self._tab_berganti())
        lay.addWidget(self.tabs, 1)

        self._isi_pegawai()
        self.muat_halaman()

    # --- selectors ------------------------------------------------------------------------
    def _isi_pegawai(self) -> None:
        pilih = self.pegawai.currentData()
        dimuat = jalankan(self, self.ctx, pm.pegawai_pilihan, self.tahun.value())
        daftar = dimuat if dimuat is not GAGAL else []
        pilihan = []
        for p in daftar:
            saya = " (saya)" if p.hubungan == "Saya sendiri" else ""
            pilihan.append((f"{p.nama} — {format_nip(p.nip)}{saya}", p.id))
        self.filter.isi_pegawai(pilihan, [pilih])
        ada_bawahan = any(p.hubungan == "Bawahan" for p in daftar)
        self.tabs.setTabVisible(
            self.tabs.indexOf(self.papan), ada_bawahan or self.ctx.actor.is_admin
        )

    def pilih_pegawai(self, pegawai_id: int, periode_id: int | None = None) -> None:
        i = self.pegawai.findData(pegawai_id)
        if i >= 0:
            self.pegawai.setCurrentIndex(i)
        if periode_id:
            self._periode_id = periode_id
        self.muat_halaman()

    def _ganti_tahun(self) -> None:
        self._periode_id = None
        self._isi_pegawai()
        self.muat_halaman()

    def _ganti_periode(self) -> None:
        self._periode_id = self.periode.currentData()
        self.muat_halaman()

    def _buka_dari_papan(self, pegawai_id: int, periode_id: int) -> None:
        self.pilih_pegawai(pegawai_id, periode_id or None)
        self.tabs.setCurrentWidget(self.realisasi)

    # --- loading --------------------------------------------------------------------------
    def refresh(self) -> None:
        self._isi_pegawai()
        self.muat_halaman()

    def muat_halaman(self) -> None:
        pid = self.pegawai.currentData()
        if pid is None:
            self.info.setText("Akun Anda belum terhubung dengan data pegawai.")
            self.tabs.setEnabled(False)
            return
        h = jalankan(
            self,
            self.ctx,
            pm.halaman_pemantauan,
            pid,
            self.tahun.value(),
            self._periode_id,
            judul="Data pemantauan tidak dapat dimuat",
        )
        if h is GAGAL:
            return
        self.tabs.setEnabled(True)
        self.halaman = h
        self._periode_id = h.periode_aktif.id if h.periode_aktif else None
        self.filter.isi_periode([(p.nama, p.id) for p in h.periode], self._periode_id)
        self._tampil_info(h)
        self.realisasi.muat(h)
        self.rencana.muat(h)
        self.progres.muat(h)
        self.impor.atur(h.pegawai_id, h.tahun)
        self._tab_berganti()

    def _tampil_info(self, h: pm.HalamanPemantauan) -> None:
        p = h.periode_aktif
        latar, warna = warna_status(h.status, ("#eee", "#333"))
        teks = (
            f"<b>{h.pegawai_nama}</b> · NIP {format_nip(h.pegawai_nip)} &nbsp; "
            f"<span style='background:{latar}; color:{warna}'>"
            f"&nbsp;{StatusRealisasi(h.status).label}&nbsp;</span>"
        )
        if p is not None:
            teks += (
                f" &nbsp; Periode {p.mulai:%d-%m-%Y} s.d. {p.selesai:%d-%m-%Y}, batas pengisian "
                f"<b>{p.batas_pengisian:%d-%m-%Y}</b>"
            )
        if h.skp_id is None:
            teks += " &nbsp; <span style='color:#b00020'>Belum ada SKP untuk tahun ini.</span>"
        elif h.terkunci:
            teks += " &nbsp; <span style='color:#1d5e2c'>Evaluasi periode ini sudah final.</span>"
        if h.skp_id is not None and h.skp_revisi:
            teks += f" &nbsp; SKP revisi {h.skp_revisi}"
        if h.tertunda:
            # a pending revision changes nothing here until it is ditetapkan
            teks += (
                f" &nbsp; <span style='background:#fff4e5; color:#8a5300'>&nbsp;{h.tertunda}"
                "; pemantauan memakai SKP yang berlaku&nbsp;</span>"
            )
        self.info.setText(teks)

    def _tab_berganti(self) -> None:
        if self.tabs.currentWidget() is self.papan:
            self.papan.muat(self.tahun.value(), self._periode_id)

    def _atur_periode(self) -> None:
        from kinerja_desktop.ui.pemantauan.periode_dialog import PeriodeDialog

        PeriodeDialog(self.ctx, self.tahun.value(), self).exec()
        self._periode_id = None
        self.muat_halaman()
