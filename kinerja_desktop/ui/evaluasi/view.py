"""The "Evaluasi" view: pegawai I rate this period, my own evaluations, objections I decide."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.status import StatusEvaluasi, StatusKeberatan
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import keberatan as kb
from kinerja_desktop.services import keberatan_luar as kl
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.waktu import hari_ini
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.common.filter_bar import FilterBar
from kinerja_desktop.ui.common.form import judul_halaman
from kinerja_desktop.ui.evaluasi.dialog import EvaluasiDialog
from kinerja_desktop.ui.evaluasi.keberatan_luar import KeputusanSuratDialog
from kinerja_desktop.ui.evaluasi.widgets import label_predikat, label_rating, label_status

KOLOM_DINILAI = [
    "NIP",
    "Nama",
    "Jabatan",
    "Unit Kerja",
    "Status",
    "Rating Hasil Kerja",
    "Rating Perilaku",
    "Predikat",
    "Keberatan",
]


def _tabel(kolom: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(kolom))
    t.setHorizontalHeaderLabels(kolom)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setStretchLastSection(True)
    t.setWordWrap(False)
    return t


def _isi_baris(t: QTableWidget, r: int, nilai: list[str], data: object) -> None:
    for c, teks in enumerate(nilai):
        item = QTableWidgetItem(teks)
        item.setData(Qt.ItemDataRole.UserRole, data)
        t.setItem(r, c, item)


class EvaluasiView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: EvaluasiDialog | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 14)
        lay.setSpacing(10)
        lay.addWidget(judul_halaman("Evaluasi Kinerja"))
        f = self.filter = FilterBar(periode=True, tahun_dari_data=True)
        self.cb_tahun, self.cb_periode = f.daftar_tahun, f.periode
        self.btn_verifikasi = QPushButton("Verifikasi dokumen…")
        self.btn_massal = QPushButton("Cetak massal…")
        f.tambah_tombol(self.btn_verifikasi, self.btn_massal)
        self.btn_muat = f.muat_ulang
        lay.addWidget(f)
        self.tabs = QTabWidget()
        # tab 1: the pegawai I rate
        w1 = QWidget()
        l1 = QVBoxLayout(w1)
        l1.setContentsMargins(8, 8, 8, 8)
        self.lbl_info = QLabel()
        self.lbl_info.setWordWrap(True)
        self.lbl_info.setStyleSheet("color:#4b5563")
        l1.addWidget(self.lbl_info)
        self.tbl_dinilai = _tabel(KOLOM_DINILAI)
        for c, lebar in enumerate((175, 220, 220, 170, 110, 140, 140, 120)):
            self.tbl_dinilai.setColumnWidth(c, lebar)
        l1.addWidget(self.tbl_dinilai, 1)
        b1 = QHBoxLayout()
        b1.addStretch(1)
        self.btn_buka = QPushButton("Buka evaluasi")
        b1.addWidget(self.btn_buka)
        l1.addLayout(b1)
        self.tabs.addTab(w1, "Pegawai yang saya nilai")
        # tab 2: my own evaluations
        w2 = QWidget()
        l2 = QVBoxLayout(w2)
        l2.setContentsMargins(8, 8, 8, 8)
        self.tbl_saya = _tabel(
            ["Periode", "Status", "Rating Hasil Kerja", "Rating Perilaku", "Predikat", "Keberatan"]
        )
        for c, lebar in enumerate((200, 130, 160, 160, 140)):
            self.tbl_saya.setColumnWidth(c, lebar)
        l2.addWidget(self.tbl_saya, 1)
        self.tabs.addTab(w2, "Evaluasi saya")
        # tab 3: objections I decide as atasan pejabat penilai
        w3 = QWidget()
        l3 = QVBoxLayout(w3)
        l3.setContentsMargins(8, 8, 8, 8)
        self.tbl_keberatan = _tabel(
            ["Diajukan", "Pegawai", "NIP", "Periode", "Predikat", "Status", "Alasan"]
        )
        for c, lebar in enumerate((100, 200, 150, 160, 120, 130)):
            self.tbl_keberatan.setColumnWidth(c, lebar)
        l3.addWidget(self.tbl_keberatan, 1)
        self.tabs.addTab(w3, "Keberatan untuk diputus")
        lay.addWidget(self.tabs, 1)

        self.cb_tahun.currentIndexChanged.connect(self._isi_periode)
        self.cb_periode.currentIndexChanged.connect(self.muat)
        self.btn_muat.clicked.connect(self.refresh)
        self.btn_buka.clicked.connect(self._buka_terpilih)
        self.tbl_dinilai.doubleClicked.connect(lambda _i: self._buka_terpilih())
        self.tbl_saya.doubleClicked.connect(lambda _i: self._buka_saya())
        self.tbl_keberatan.doubleClicked.connect(lambda _i: self._buka_keberatan())
        self.btn_verifikasi.clicked.connect(self.verifikasi)
        self.btn_massal.clicked.connect(self.cetak_massal)
        self._periode: dict[int, sv.PeriodeRow] = {}
        self._dari_surat: set[int] = set()  # keberatan the operator records from a letter
        self._isi_tahun()

    # --- data ---------------------------------------------------------------------------
    def _isi_tahun(self) -> None:
        dimuat = jalankan(self, self.ctx, sv.daftar_tahun)
        tahun = dimuat if dimuat is not GAGAL else []
        self.filter.isi_tahun(tahun or [])
        self._isi_periode()

    def _isi_periode(self) -> None:
        tahun = self.cb_tahun.currentData()
        rows = self.ctx.run(sv.daftar_periode, tahun) if tahun else []
        self._periode = {p.id: p for p in rows}
        hari = self.ctx.run(lambda s, _a: hari_ini(s))
        # the latest period that has ended: the one to evaluate
        selesai = [p.id for p in rows if p.selesai < hari]
        self.filter.isi_periode([(p.nama, p.id) for p in rows], selesai[-1] if selesai else None)
        self.muat()

    @property
    def periode_id(self) -> int | None:
        return self.cb_periode.currentData()

    def refresh(self) -> None:
        self.muat()

    def muat(self) -> None:
        pid = self.periode_id
        actor = self.ctx.actor
        if actor.pegawai_id is None:
            self.lbl_info.setText(
                "Akun ini tidak terhubung ke data pegawai. Penilaian diisi oleh pejabat penilai "
                "masing-masing; administrator dapat melihat rekap, mencetak, dan memverifikasi "
                "dokumen di menu Rekap & Laporan. Yang tercantum di bawah ini hanya pegawai yang "
                "pejabat penilainya pejabat luar kantor (mis. Sekda, Bupati): administrator "
                "mengisi evaluasinya sesuai dokumen yang ditandatangani pejabat itu."
            )
        else:
            self.lbl_info.setText(
                "Klik dua kali seorang pegawai untuk membuka evaluasinya: hasil kerja, bukti "
                "dukung, umpan balik, rating, dan predikat."
            )
        tahun = self.cb_tahun.currentData()

        def daftar(s, a):
            return (
                sv.daftar_dinilai(s, a, pid) if pid else [],
                sv.daftar_evaluasi_saya(s, a, tahun) if tahun else [],
                kb.daftar_keberatan_untuk_diputus(s, a, True),
                # the operator records those an outside atasan decides by letter
                kl.daftar_keberatan_atasan_luar(s, a, True) if a.is_admin else [],
            )

        dimuat = jalankan(self, self.ctx, daftar, judul="Data evaluasi tidak dapat dimuat")
        if dimuat is GAGAL:
            return
        dinilai, saya, keberatan, dari_surat = dimuat
        self._dari_surat = {k.id for k in dari_surat}
        keberatan = [*keberatan, *(k for k in dari_surat if k.id not in {x.id for x in keberatan})]
        self._isi_dinilai(dinilai)
        self._isi_saya(saya)
        self._isi_keberatan(keberatan)
        if not dinilai and saya and self.tabs.currentIndex() == 0:
            self.tabs.setCurrentIndex(1)  # a pegawai who rates nobody starts at his own
        tertunda = sum(1 for k in keberatan if k.status == StatusKeberatan.DIAJUKAN)
        self.tabs.setTabText(
            2, f"Keberatan untuk diputus ({tertunda})" if tertunda else "Keberatan untuk diputus"
        )

    def _isi_dinilai(self, rows: list[sv.DinilaiRow]) -> None:
        t = self.tbl_dinilai
        t.setRowCount(len(rows))
        for r, row in enumerate(rows):
            _isi_baris(
                t,
                r,
                [
                    format_nip(row.nip),
                    row.nama,
                    row.jabatan,
                    row.unit_kerja,
                    label_status(row.status),
                    label_rating(row.rating_hasil_kerja),
                    label_rating(row.rating_perilaku),
                    label_predikat(row.predikat),
                    StatusKeberatan.label_dari(row.keberatan, ""),
                ],
                row,
            )
            status = t.item(r, 4)
            if status is not None:
                status.setForeground(QColor(StatusEvaluasi.warna_dari(row.status, "#000")))

    def _isi_saya(self, rows: list[sv.DinilaiRow]) -> None:
        t = self.tbl_saya
        t.setRowCount(len(rows))
        for r, row in enumerate(rows):
            _isi_baris(
                t,
                r,
                [
                    row.periode_nama,
                    label_status(row.status),
                    label_rating(row.rating_hasil_kerja),
                    label_rating(row.rating_perilaku),
                    label_predikat(row.predikat),
                    StatusKeberatan.label_dari(row.keberatan, ""),
                ],
                row,
            )

    def _isi_keberatan(self, rows: list[sv.KeberatanRow]) -> None:
        t = self.tbl_keberatan
        t.setRowCount(len(rows))
        for r, k in enumerate(rows):
            _isi_baris(
                t,
                r,
                [
                    f"{k.diajukan_pada:%d-%m-%Y}",
                    k.pegawai_nama,
                    format_nip(k.pegawai_nip),
                    k.periode_nama,
                    label_predikat(k.predikat),
                    "Menunggu keputusan"
                    if k.status == StatusKeberatan.DIAJUKAN
                    else f"Diputus: {k.keputusan}",
                    k.alasan.replace("\n", " "),
                ],
                k,
            )

    # --- actions ------------------------------------------------------------------------
    def buka_evaluasi(self, pegawai_id: int, periode_id: int) -> EvaluasiDialog:
        self.dialog = EvaluasiDialog(self.ctx, pegawai_id, periode_id, self)
        self.dialog.finished.connect(lambda _r: self.muat())
        self.dialog.open()
        return self.dialog

    def _buka_terpilih(self) -> None:
        item = self.tbl_dinilai.currentItem()
        row = item.data(Qt.ItemDataRole.UserRole) if item else None
        if row is not None and self.periode_id:
            self.buka_evaluasi(row.pegawai_id, self.periode_id)

    def _buka_saya(self) -> None:
        item = self.tbl_saya.currentItem()
        row = item.data(Qt.ItemDataRole.UserRole) if item else None
        if row is not None and row.periode_id and self.ctx.actor.pegawai_id:
            self.buka_evaluasi(self.ctx.actor.pegawai_id, row.periode_id)

    def _buka_keberatan(self) -> None:
        item = self.tbl_keberatan.currentItem()
        k = item.data(Qt.ItemDataRole.UserRole) if item else None
        if k is None:
            return
        if k.id in self._dari_surat and k.status == StatusKeberatan.DIAJUKAN:
            self.catat_keputusan_surat(k)
            return
        d = jalankan(self, self.ctx, sv.detail_evaluasi, k.evaluasi_id)
        if d is GAGAL:
            return
        self.buka_evaluasi(d.pegawai_id, d.periode.id)

    def catat_keputusan_surat(self, k: sv.KeberatanRow) -> KeputusanSuratDialog:
        hari = self.ctx.run(lambda s, _a: hari_ini(s))
        dlg = KeputusanSuratDialog(self.ctx, k, self, hari_ini=hari)
        dlg.finished.connect(lambda _r: self.muat())
        dlg.open()
        return dlg

    def verifikasi(self) -> None:
        from kinerja_desktop.ui.evaluasi.dialogs import VerifikasiDialog

        VerifikasiDialog(self.ctx, self).exec()

    def cetak_massal(self) -> None:
        from kinerja_desktop.ui.evaluasi.dialogs import CetakMassalDialog

        CetakMassalDialog(self.ctx, self, periode_id=self.periode_id).exec()
