"""The "Hasil Kerja" tab of the evaluation dialog: RHK and IKI with target, realisasi and
capaian; the selected indicator's bukti dukung and feedback thread."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.evaluasi.widgets import thread_html


class HasilKerjaTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        split = QSplitter(Qt.Orientation.Vertical)
        self.pohon = QTreeWidget()
        self.pohon.setColumnCount(7)
        self.pohon.setHeaderLabels(
            [
                "Rencana Hasil Kerja / Indikator",
                "Aspek",
                "Target",
                "Realisasi",
                "Capaian",
                "Bukti Dukung",
                "Umpan Balik",
            ]
        )
        self.pohon.setAlternatingRowColors(True)
        self.pohon.setWordWrap(True)
        self.pohon.setUniformRowHeights(False)
        h = self.pohon.header()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c, lebar in ((1, 80), (2, 100), (3, 200), (4, 80), (5, 95), (6, 95)):
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            self.pohon.setColumnWidth(c, lebar)
        self.pohon.currentItemChanged.connect(self._pilih_iki)
        split.addWidget(self.pohon)
        bawah = QWidget()
        bl = QHBoxLayout(bawah)
        bl.setContentsMargins(0, 0, 0, 0)
        kotak_b = QGroupBox("Bukti dukung (klik dua kali untuk membuka)")
        kb_l = QVBoxLayout(kotak_b)
        self.daftar_bukti = QListWidget()
        self.daftar_bukti.itemDoubleClicked.connect(self._buka_bukti)
        kb_l.addWidget(self.daftar_bukti)
        self.btn_buka_bukti = QPushButton("Buka bukti dukung")
        self.btn_buka_bukti.clicked.connect(
            lambda: self._buka_bukti(self.daftar_bukti.currentItem())
        )
        kb_l.addWidget(self.btn_buka_bukti, 0, Qt.AlignmentFlag.AlignRight)
        kotak_u = QGroupBox("Umpan balik berkelanjutan")
        ku_l = QVBoxLayout(kotak_u)
        self.utas = QTextBrowser()
        ku_l.addWidget(self.utas)
        bl.addWidget(kotak_b, 2)
        bl.addWidget(kotak_u, 3)
        split.addWidget(bawah)
        split.setSizes([420, 220])
        lay.addWidget(split)

    def isi(self, d: sv.EvaluasiDetail) -> None:
        self.pohon.clear()
        for jenis, label in (("UTAMA", "A. UTAMA"), ("TAMBAHAN", "B. TAMBAHAN")):
            seksi = QTreeWidgetItem([label])
            f = seksi.font(0)
            f.setBold(True)
            seksi.setFont(0, f)
            seksi.setFirstColumnSpanned(True)
            self.pohon.addTopLevelItem(seksi)
            for r in d.hasil_kerja:
                if r.jenis == jenis:
                    rhk = self._rhk(r)
                    seksi.addChild(rhk)
                    rhk.setFirstColumnSpanned(True)  # only takes effect once in the tree
            if seksi.childCount() == 0:
                seksi.addChild(QTreeWidgetItem(["(tidak ada)"]))
        self.pohon.expandAll()
        self.daftar_bukti.clear()
        self.utas.setHtml("<i>Pilih indikator untuk melihat bukti dukung dan umpan balik.</i>")

    def _rhk(self, r: sv.RhkEvalRow) -> QTreeWidgetItem:
        rhk = QTreeWidgetItem([f"{r.nomor}. {r.uraian}"])
        rhk.setToolTip(0, f"{r.uraian}\nIntervensi: {r.intervensi}" if r.intervensi else r.uraian)
        for i in r.indikator:
            item = QTreeWidgetItem(
                [
                    i.uraian,
                    i.aspek,
                    i.target,
                    i.realisasi.replace("\n", " · ") or "-",
                    i.capaian_teks,
                    str(len(i.bukti)),
                    f"{len(i.umpan_balik)} pesan",
                ]
            )
            item.setToolTip(3, i.realisasi)
            item.setToolTip(0, i.uraian)
            item.setTextAlignment(5, Qt.AlignmentFlag.AlignCenter)
            item.setData(0, Qt.ItemDataRole.UserRole, i)
            item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight)
            if i.capaian is not None and i.capaian < 80:
                item.setForeground(4, Qt.GlobalColor.darkRed)
            rhk.addChild(item)
        return rhk

    def _pilih_iki(self, item: QTreeWidgetItem | None, _prev: object = None) -> None:
        self.daftar_bukti.clear()
        iki = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if iki is None:
            return
        for b in iki.bukti:
            teks = f"{'Tautan' if b.jenis == 'TAUTAN' else 'Berkas'}: {b.nama}"
            it = QListWidgetItem(teks)
            it.setData(Qt.ItemDataRole.UserRole, b)
            it.setToolTip(b.url or b.keterangan or b.nama)
            self.daftar_bukti.addItem(it)
        if not iki.bukti:
            self.daftar_bukti.addItem("(belum ada bukti dukung)")
        self.utas.setHtml(thread_html(iki.umpan_balik))

    def _buka_bukti(self, item: QListWidgetItem | None) -> None:
        b = item.data(Qt.ItemDataRole.UserRole) if item else None
        if b is None:
            return
        from kinerja_desktop.services.bukti import BuktiStore, buka_bukti

        store = BuktiStore(self.ctx.db.folder_bukti)
        tujuan = jalankan(
            self, self.ctx, buka_bukti, store, b.id, judul="Bukti dukung tidak dapat dibuka"
        )
        if tujuan is GAGAL:
            return
        url = QUrl(tujuan) if "://" in tujuan else QUrl.fromLocalFile(tujuan)
        QDesktopServices.openUrl(url)
