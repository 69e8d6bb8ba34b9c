"""Rencana Aksi tab: the action plan of each RHK for the selected period."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.pemantauan.widgets import PERAN, tombol


class RencanaAksiTab(QWidget):
    berubah = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.halaman: pm.HalamanPemantauan | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.setSpacing(8)
        self.info = QLabel("")
        self.info.setWordWrap(True)
        lay.addWidget(self.info)
        self.pohon = QTreeWidget()
        self.pohon.setHeaderLabels(["No", "Rencana Hasil Kerja / Rencana Aksi"])
        self.pohon.setColumnWidth(0, 96)
        self.pohon.setWordWrap(True)
        self.pohon.setAlternatingRowColors(True)
        self.pohon.itemSelectionChanged.connect(self._pilih)
        lay.addWidget(self.pohon, 1)

        self.form = QGroupBox("Rencana aksi")
        fl = QFormLayout(self.form)
        fl.setContentsMargins(10, 8, 10, 8)
        fl.setVerticalSpacing(6)
        self.rhk = QComboBox()
        self.rhk.setMinimumWidth(420)
        fl.addRow("Untuk RHK:", self.rhk)
        self.uraian = QPlainTextEdit()
        self.uraian.setPlaceholderText("Langkah yang akan dilakukan pada periode ini…")
        self.uraian.setFixedHeight(60)
        fl.addRow("Uraian:", self.uraian)
        tb = QHBoxLayout()
        tb.addStretch(1)
        self.b_tambah = tombol("Tambah", self._tambah)
        self.b_ubah = tombol("Simpan perubahan", self._ubah)
        self.b_hapus = tombol("Hapus", self._hapus)
        for b in (self.b_tambah, self.b_ubah, self.b_hapus):
            tb.addWidget(b)
        fl.addRow(tb)
        lay.addWidget(self.form)

    def muat(self, h: pm.HalamanPemantauan) -> None:
        self.halaman = h
        self.pohon.clear()
        self.rhk.clear()
        rhk: dict[int, QTreeWidgetItem] = {}
        for b in h.baris:
            if b.rhk_id in rhk:
                continue
            it = QTreeWidgetItem([b.rhk_kode, b.rhk_uraian])
            f = it.font(1)
            f.setBold(True)
            it.setFont(0, f)
            it.setFont(1, f)
            it.setData(0, PERAN, ("rhk", b.rhk_id))
            self.pohon.addTopLevelItem(it)
            rhk[b.rhk_id] = it
            self.rhk.addItem(f"{b.rhk_kode}. {b.rhk_uraian}", b.rhk_id)
        for ra in h.rencana_aksi:
            induk = rhk.get(ra.rhk_id)
            if induk is None:
                continue
            kode = induk.text(0)
            anak = QTreeWidgetItem([f"{kode}.{induk.childCount() + 1}", ra.uraian])
            anak.setData(0, PERAN, ("ra", ra))
            induk.addChild(anak)
        self.pohon.expandAll()
        for it in rhk.values():
            if it.childCount() == 0:
                kosong = QTreeWidgetItem(["", "(belum ada rencana aksi)"])
                kosong.setForeground(1, self.palette().placeholderText())
                kosong.setData(0, PERAN, ("rhk", it.data(0, PERAN)[1]))
                it.addChild(kosong)
        periode = h.periode_aktif.label if h.periode_aktif else "-"
        self.info.setText(
            f"Rencana aksi <b>{periode}</b>: langkah-langkah per RHK yang akan dikerjakan "
            "pada periode ini. Ditulis oleh pegawai, dibaca oleh pejabat penilai."
            if h.skp_id
            else "Pegawai belum memiliki SKP tahun ini."
        )
        self.form.setEnabled(h.boleh_ubah)
        self._pilih()

    def _terpilih(self) -> tuple[str, object] | None:
        it = self.pohon.currentItem()
        return it.data(0, PERAN) if it is not None else None

    def _pilih(self) -> None:
        data = self._terpilih()
        ra = data[1] if data and data[0] == "ra" else None
        rhk_id = ra.rhk_id if ra else (data[1] if data else None)
        if rhk_id is not None:
            i = self.rhk.findData(rhk_id)
            if i >= 0:
                self.rhk.setCurrentIndex(i)
        self.uraian.setPlainText(ra.uraian if ra else "")
        self.b_ubah.setEnabled(ra is not None)
        self.b_hapus.setEnabled(ra is not None)

    def _tambah(self) -> None:
        h = self.halaman
        if h is None or h.periode_aktif is None or self.rhk.currentData() is None:
            return
        tersimpan = jalankan(
            self,
            self.ctx,
            pm.simpan_rencana_aksi,
            self.rhk.currentData(),
            h.periode_aktif.id,
            self.uraian.toPlainText(),
        )
        if tersimpan is GAGAL:
            return
        self.uraian.clear()
        self.berubah.emit()

    def _ubah(self) -> None:
        data = self._terpilih()
        h = self.halaman
        if not data or data[0] != "ra" or h is None or h.periode_aktif is None:
            return
        ra = data[1]
        tersimpan = jalankan(
            self,
            self.ctx,
            pm.simpan_rencana_aksi,
            self.rhk.currentData(),
            h.periode_aktif.id,
            self.uraian.toPlainText(),
            ra.id,
            versi=ra.versi,
        )
        if tersimpan is GAGAL:
            return
        self.berubah.emit()

    def _hapus(self) -> None:
        data = self._terpilih()
        if not data or data[0] != "ra":
            return
        if QMessageBox.question(self, "Hapus rencana aksi", "Hapus rencana aksi ini?") != (
            QMessageBox.StandardButton.Yes
        ):
            return
        if jalankan(self, self.ctx, pm.hapus_rencana_aksi, data[1].id) is GAGAL:
            return
        self.berubah.emit()
