"""Papan Pemantauan: subordinates (or a unit) × periods with the filling state, late items and
evidence counts; the 'belum mengisi' list of a period with Cetak and Ekspor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, coba, jalankan
from kinerja_desktop.ui.pemantauan.widgets import item, tabel, tombol, warna_status


class PapanTab(QWidget):
    buka_pegawai = Signal(int, int)  # pegawai_id, periode_id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tahun = 0
        self.papan: pm.PapanPemantauan | None = None
        self._belum: list[pm.BelumMengisiRow] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.setSpacing(8)
        atas = QHBoxLayout()
        atas.addWidget(QLabel("Lingkup:"))
        self.lingkup = QComboBox()
        self.lingkup.setMinimumWidth(320)
        self.lingkup.activated.connect(lambda _i: self.muat_ulang())
        atas.addWidget(self.lingkup)
        atas.addStretch(1)
        legenda = QLabel(
            " ".join(
                f"<span style='background:{k.latar}; color:{k.warna}'>&nbsp;{k.label}&nbsp;</span>"
                for k in (pm.BELUM_MULAI, pm.DRAF, pm.DIAJUKAN, pm.DINILAI, pm.TANPA_SKP)
            )
        )
        atas.addWidget(legenda)
        lay.addLayout(atas)

        split = QSplitter(Qt.Orientation.Vertical)
        split.setChildrenCollapsible(False)
        self.tabel = tabel(["Pegawai", "Jabatan"], regang=(0,))
        self.tabel.setMinimumHeight(200)
        self.tabel.cellDoubleClicked.connect(self._buka)
        self.tabel.setToolTip("Klik ganda sel untuk membuka pemantauan pegawai pada periode itu")
        split.addWidget(self.tabel)

        grup = QGroupBox("Belum mengisi")
        gl = QVBoxLayout(grup)
        gl.setContentsMargins(8, 8, 8, 8)
        baris = QHBoxLayout()
        baris.addWidget(QLabel("Periode:"))
        self.periode = QComboBox()
        self.periode.setMinimumWidth(180)
        self.periode.activated.connect(lambda _i: self._muat_belum())
        baris.addWidget(self.periode)
        self.info_belum = QLabel("")
        baris.addWidget(self.info_belum, 1)
        baris.addWidget(tombol("Cetak…", self._cetak))
        baris.addWidget(tombol("Ekspor Excel…", self._ekspor))
        gl.addLayout(baris)
        self.tabel_belum = tabel(["Nama", "NIP", "Jabatan", "Keadaan", "IKI terisi"], regang=(0, 2))
        gl.addWidget(self.tabel_belum, 1)
        split.addWidget(grup)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        lay.addWidget(split, 1)

    def _isi_lingkup(self) -> None:
        if self.lingkup.count():
            return
        a = self.ctx.actor
        if a.pegawai_id is not None:
            self.lingkup.addItem("Bawahan saya", ("penilai", a.pegawai_id))
        if a.is_admin:
            from kinerja_desktop.services.organisasi import daftar_unit

            unit = jalankan(self, self.ctx, daftar_unit, False)
            for u in unit if unit is not GAGAL else []:
                self.lingkup.addItem(f"Unit: {u.nama}", ("unit", u.id))

    def muat(self, tahun: int, periode_id: int | None = None) -> None:
        self.tahun = tahun
        self._isi_lingkup()
        self.muat_ulang(periode_id)

    def _scope(self) -> dict:
        data = self.lingkup.currentData()
        if data is None:
            return {}
        return {"penilai_id": data[1]} if data[0] == "penilai" else {"unit_id": data[1]}

    def muat_ulang(self, periode_id: int | None = None) -> None:
        if not self._scope():
            return
        papan = jalankan(
            self,
            self.ctx,
            pm.papan_pemantauan,
            self.tahun,
            judul="Papan pemantauan tidak dapat dimuat",
            **self._scope(),
        )
        if papan is GAGAL:
            return
        self.papan = papan
        t = self.tabel
        t.clear()
        kolom = ["Pegawai", "Jabatan"] + [p.nama for p in papan.periode]
        t.setColumnCount(len(kolom))
        t.setHorizontalHeaderLabels(kolom)
        t.setRowCount(len(papan.baris))
        for r, b in enumerate(papan.baris):
            t.setItem(r, 0, item(f"{b.nama}\n{format_nip(b.nip)}", b.pegawai_id))
            jabatan = f"{b.jabatan}\n{b.masa}" if b.masa else b.jabatan
            if b.tertunda:  # a pending revision changes no cell until it is ditetapkan
                tip = f"{b.tertunda}; kolom periode memakai SKP yang berlaku."
                t.setItem(r, 1, item(f"{jabatan}\n{b.tertunda}", warna="#8a5300", tip=tip))
            else:
                t.setItem(r, 1, item(jabatan))
            for c, s in enumerate(b.sel, start=2):
                latar, warna = warna_status(s.status)
                teks = s.label
                if s.jumlah_iki and s.status not in (pm.TANPA_SKP,):
                    teks += f" {s.terisi}/{s.jumlah_iki}"
                extra = []
                if s.terlambat:
                    extra.append(f"{s.terlambat} terlambat")
                if s.bukti:
                    extra.append(f"{s.bukti} bukti")
                if extra:
                    teks += "\n" + " · ".join(extra)
                t.setItem(
                    r,
                    c,
                    item(
                        teks,
                        s.periode_id,
                        latar=latar,
                        warna="#b00020" if s.terlambat else warna,
                        rata=Qt.AlignmentFlag.AlignHCenter,
                    ),
                )
        t.resizeRowsToContents()
        pilih = periode_id or self.periode.currentData()
        self.periode.clear()
        for p in papan.periode:
            self.periode.addItem(p.label, p.id)
        i = self.periode.findData(pilih)
        self.periode.setCurrentIndex(i if i >= 0 else 0)
        self._muat_belum()

    def _muat_belum(self) -> None:
        pid = self.periode.currentData()
        if pid is None or self.papan is None:
            return
        belum = jalankan(self, self.ctx, pm.belum_mengisi, pid, **self._scope())
        if belum is GAGAL:
            return
        self._belum = belum
        t = self.tabel_belum
        t.setRowCount(len(self._belum))
        for r, b in enumerate(self._belum):
            latar, warna = warna_status(b.status)
            t.setItem(r, 0, item(b.nama))
            t.setItem(r, 1, item(format_nip(b.nip)))
            t.setItem(r, 2, item(b.jabatan))
            t.setItem(r, 3, item(b.status_label, latar=latar, warna=warna))
            t.setItem(r, 4, item(f"{b.terisi}/{b.jumlah_iki}" if b.jumlah_iki else "-"))
        periode = next(p for p in self.papan.periode if p.id == pid)
        self.info_belum.setText(
            f"{len(self._belum)} dari {len(self.papan.baris)} pegawai belum mengajukan · batas "
            f"pengisian {periode.batas_pengisian:%d-%m-%Y}"
        )

    def _buka(self, r: int, c: int) -> None:
        if self.papan is None or r >= len(self.papan.baris):
            return
        b = self.papan.baris[r]
        periode_id = self.papan.periode[c - 2].id if c >= 2 else None
        self.buka_pegawai.emit(b.pegawai_id, periode_id or 0)

    def _cetak(self) -> None:
        pid = self.periode.currentData()
        if pid is None:
            return
        from kinerja_desktop.ui.cetak import PratinjauCetak

        pdf = jalankan(
            self, self.ctx, pm.pdf_belum_mengisi, pid, judul="Tidak dapat dicetak", **self._scope()
        )
        if pdf is GAGAL:
            return
        nama = f"Belum_mengisi_{self.periode.currentText().replace(' ', '_')}.pdf"
        PratinjauCetak(pdf, nama, self, judul="Daftar Belum Mengisi").exec()

    def _ekspor(self) -> None:
        pid = self.periode.currentData()
        if pid is None:
            return
        from kinerja_desktop.exchange.progres_io import ekspor_belum_mengisi

        nama = f"Belum_mengisi_{self.periode.currentText().replace(' ', '_')}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, "Ekspor daftar belum mengisi", str(Path.home() / nama), "Excel (*.xlsx)"
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        judul = f"Pegawai yang belum mengajukan realisasi {self.periode.currentText()}"
        if (
            coba(self, ekspor_belum_mengisi, path, self._belum, judul, judul="Tidak dapat diekspor")
            is GAGAL
        ):
            return
        QMessageBox.information(self, "Ekspor", f"Daftar disimpan ke {path}.")
