"""The "Bawahan" tab for penilai: the SKP status of each bawahan at a glance and the matriks
peran hasil."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.status import StatusSkp
from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.common.form import label_keterangan
from kinerja_desktop.ui.skp.widgets import PERAN, sel, tabel_baru


class BawahanPanel(QWidget):
    buka_skp = Signal(int, int)  # pegawai_id, skp_id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[svc.BawahanSkpRow] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        split = QSplitter(Qt.Orientation.Vertical)
        atas = QWidget()
        al = QVBoxLayout(atas)
        al.setContentsMargins(0, 0, 0, 0)
        self.ringkas = QLabel()
        al.addWidget(self.ringkas)
        self.tabel = tabel_baru(["Nama", "NIP", "Jabatan", "Periode", "Status", "RHK"], (2,))
        self.tabel.itemDoubleClicked.connect(self._buka)
        al.addWidget(self.tabel, 1)
        ket = label_keterangan(
            "Klik ganda untuk membuka SKP bawahan (menetapkan atau mengembalikan)."
        )
        al.addWidget(ket)
        split.addWidget(atas)

        bawah = QWidget()
        bl = QVBoxLayout(bawah)
        bl.setContentsMargins(0, 6, 0, 0)
        bl.addWidget(
            QLabel("<b>Matriks Peran Hasil</b> — RHK Anda dan RHK bawahan yang mengintervensinya")
        )
        self.pesan_matriks = QLabel()
        self.pesan_matriks.setWordWrap(True)
        self.pesan_matriks.setStyleSheet("color: #b45309;")
        bl.addWidget(self.pesan_matriks)
        self.matriks = QTreeWidget()
        self.matriks.setHeaderLabels(["RHK Anda / RHK bawahan", "Pegawai", "Status SKP"])
        self.matriks.setWordWrap(True)
        self.matriks.setAlternatingRowColors(True)
        mh = self.matriks.header()
        mh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        mh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        mh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        mh.setStretchLastSection(False)
        bl.addWidget(self.matriks, 2)
        self.tanpa_link = QLabel()
        self.tanpa_link.setWordWrap(True)
        self.tanpa_link.setTextFormat(Qt.TextFormat.RichText)
        bl.addWidget(self.tanpa_link)
        split.addWidget(bawah)
        split.setSizes([300, 400])
        lay.addWidget(split)

    def muat(self, tahun: int) -> None:
        hasil = jalankan(
            self,
            self.ctx,
            lambda s, a: (
                svc.ringkasan_bawahan(s, a, tahun),
                svc.matriks_peran_hasil(s, a, tahun),
            ),
            judul="Tidak dapat memuat data bawahan",
        )
        if hasil is GAGAL:
            return
        self.rows, m = hasil
        t = self.tabel
        t.setRowCount(len(self.rows))
        hitung: dict[str, int] = {}
        for i, r in enumerate(self.rows):
            hitung[r.label_status] = hitung.get(r.label_status, 0) + 1
            t.setItem(i, 0, sel(r.nama, i))
            t.setItem(i, 1, sel(format_nip(r.nip)))
            # the named difference: rated only part of the year (Plt./Plh., moved)
            t.setItem(i, 2, sel(f"{r.jabatan}\n{r.masa}" if r.masa else r.jabatan))
            t.setItem(i, 3, sel(r.periode))
            t.setItem(
                i,
                4,
                sel(r.label_status, warna=StatusSkp.warna_dari(r.status, "#888"), tebal=True),
            )
            t.setItem(i, 5, sel(r.jumlah_rhk if r.skp_id else ""))
        t.resizeRowsToContents()
        self.ringkas.setText(
            f"<b>{len({r.pegawai_id for r in self.rows})} bawahan, tahun {tahun}</b> · "
            + " · ".join(f"{k}: {v}" for k, v in sorted(hitung.items()))
        )
        self._isi_matriks(m)

    def _isi_matriks(self, m: svc.MatriksPeranHasil) -> None:
        self.pesan_matriks.setText(m.pesan or "")
        self.pesan_matriks.setVisible(bool(m.pesan))
        self.matriks.clear()
        tebal = QFont()
        tebal.setBold(True)
        for rhk in m.rhk:
            it = QTreeWidgetItem([f"{rhk.label} {rhk.uraian}", "", ""])
            it.setFont(0, tebal)
            it.setToolTip(0, rhk.uraian)
            if rhk.tanpa_dukungan:
                it.setText(1, "Belum didukung bawahan")
                for kolom in range(3):
                    it.setBackground(kolom, QBrush(QColor("#fde8e8")))
                it.setForeground(1, QBrush(QColor("#b91c1c")))
            self.matriks.addTopLevelItem(it)
            for p in rhk.pendukung:
                anak = QTreeWidgetItem([p.rhk_uraian, p.pegawai_nama, p.status])
                anak.setToolTip(0, p.rhk_uraian)
                it.addChild(anak)
        self.matriks.expandAll()
        if m.tanpa_link:
            butir = "".join(f"<li>{b.nama} — {b.alasan}</li>" for b in m.tanpa_link)
            self.tanpa_link.setText(
                "<span style='color:#b45309'><b>Bawahan tanpa keterkaitan dengan RHK Anda:</b>"
                f"</span><ul style='margin-top:2px'>{butir}</ul>"
            )
        else:
            self.tanpa_link.setText("Semua bawahan memiliki RHK yang mengintervensi RHK Anda.")

    def _buka(self, item: QTableWidgetItem) -> None:
        nama = self.tabel.item(item.row(), 0)
        if nama is None:
            return
        r = self.rows[nama.data(PERAN)]
        if r.skp_id is None:
            QMessageBox.information(self, "Belum ada SKP", f"{r.nama} belum memiliki SKP.")
            return
        self.buka_skp.emit(r.pegawai_id, r.skp_id)
