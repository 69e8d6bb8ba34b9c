"""The "Rekap & Laporan" view: per unit and period, the distribution of employee predikat
against SE 3/2023 (counts, percentages, a chart of the curve vs the reference curve, warnings
naming the rule and the pegawai), the organisation predikat, the recap table, printing and the
angka kredit export."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.angka import format_angka, format_persen
from kinerja_desktop.domain.distribusi import URUTAN_KURVA, kurva_referensi
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.predikat import Predikat, PredikatOrganisasi
from kinerja_desktop.domain.status import StatusEvaluasi
from kinerja_desktop.exchange.laporan_io import ekspor_angka_kredit
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import laporan
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.pengaturan import (
    atur_hari_final_tanpa_alasan,
    atur_kepala_unit_dihitung,
    hari_final_tanpa_alasan_aktor,
    kepala_unit_dihitung,
)
from kinerja_desktop.services.waktu import hari_ini
from kinerja_desktop.ui.aksi import GAGAL, coba, jalankan
from kinerja_desktop.ui.common.form import judul_halaman
from kinerja_desktop.ui.common.grafik import GrafikDistribusi
from kinerja_desktop.ui.evaluasi.dialog import EvaluasiDialog
from kinerja_desktop.ui.evaluasi.widgets import label_predikat, label_rating


class LaporanView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rekap: laporan.RekapUnit | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 14)
        lay.setSpacing(10)
        lay.addWidget(judul_halaman("Rekap & Laporan Evaluasi"))
        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(QLabel("Unit kerja:"))
        self.cb_unit = QComboBox()
        self.cb_unit.setMinimumWidth(280)
        bar.addWidget(self.cb_unit)
        bar.addSpacing(8)
        bar.addWidget(QLabel("Periode:"))
        self.cb_periode = QComboBox()
        self.cb_periode.setMinimumWidth(220)
        bar.addWidget(self.cb_periode)
        self.cek_sub = QCheckBox("termasuk sub-unit")
        self.cek_sub.setChecked(True)
        bar.addWidget(self.cek_sub)
        bar.addStretch(1)
        self.btn_muat = QPushButton("Tampilkan")
        bar.addWidget(self.btn_muat)
        lay.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal)
        # left: distribution and organisation predikat
        kiri = QWidget()
        kl = QVBoxLayout(kiri)
        kl.setContentsMargins(0, 0, 0, 0)
        kl.setSpacing(8)
        org = QGroupBox("Predikat Kinerja Organisasi")
        ol = QVBoxLayout(org)
        baris = QHBoxLayout()
        self.cb_org = QComboBox()
        self.cb_org.addItem("— belum ditetapkan —", None)
        for p in PredikatOrganisasi:
            self.cb_org.addItem(p.label, p.value)
        self.cb_org.setMinimumWidth(180)
        self.btn_org = QPushButton("Tetapkan")
        baris.addWidget(self.cb_org)
        baris.addWidget(self.btn_org)
        baris.addStretch(1)
        ol.addLayout(baris)
        self.lbl_org = QLabel()
        self.lbl_org.setWordWrap(True)
        self.lbl_org.setStyleSheet("color:#4b5563")
        ol.addWidget(self.lbl_org)
        kl.addWidget(org)
        dist = QGroupBox("Distribusi predikat pegawai (SE MenPAN-RB 3/2023)")
        dl = QVBoxLayout(dist)
        self.tbl_dist = QTableWidget(6, 2)
        self.tbl_dist.setHorizontalHeaderLabels(["Jumlah", "Persen"])
        self.tbl_dist.setVerticalHeaderLabels(
            [p.label for p in reversed(URUTAN_KURVA)] + ["Sudah dinilai"]
        )
        self.tbl_dist.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tbl_dist.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # compact rows and rules box: the chart needs its full height at 1366×768
        self.tbl_dist.verticalHeader().setDefaultSectionSize(21)
        self.tbl_dist.setFixedHeight(
            21 * 6 + self.tbl_dist.horizontalHeader().sizeHint().height() + 4
        )
        self.tbl_dist.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        dl.addWidget(self.tbl_dist)
        self.grafik = GrafikDistribusi()
        dl.addWidget(self.grafik, 1)
        self.txt_aturan = QTextBrowser()
        self.txt_aturan.setObjectName("aturan")
        self.txt_aturan.setMinimumHeight(64)
        self.txt_aturan.setMaximumHeight(150)
        dl.addWidget(self.txt_aturan)
        kl.addWidget(dist, 1)
        self._buat_pengaturan(bar)
        split.addWidget(kiri)
        # right: recap table
        kanan = QWidget()
        rl = QVBoxLayout(kanan)
        rl.setContentsMargins(0, 0, 0, 0)
        self.lbl_ringkas = QLabel()
        rl.addWidget(self.lbl_ringkas)
        self.tbl = QTableWidget(0, 8)
        self.tbl.setHorizontalHeaderLabels(
            [
                "NIP",
                "Nama",
                "Jabatan",
                "Realisasi",
                "Status",
                "Rating Hasil Kerja",
                "Rating Perilaku",
                "Predikat",
            ]
        )
        self.tbl.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tbl.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tbl.setAlternatingRowColors(True)
        self.tbl.verticalHeader().setVisible(False)
        self.tbl.setWordWrap(False)
        for c, lebar in enumerate((175, 210, 220, 75, 125, 140, 140, 120)):
            self.tbl.setColumnWidth(c, lebar)
        self.tbl.doubleClicked.connect(lambda _i: self._buka())
        rl.addWidget(self.tbl, 1)
        tombol = QHBoxLayout()
        tombol.addStretch(1)
        self.btn_cetak = QPushButton("Cetak rekap…")
        self.btn_massal = QPushButton("Cetak massal…")
        self.btn_ak = QPushButton("Ekspor angka kredit…")
        self.btn_verif = QPushButton("Verifikasi dokumen…")
        for b in (self.btn_verif, self.btn_ak, self.btn_massal, self.btn_cetak):
            tombol.addWidget(b)
        rl.addLayout(tombol)
        split.addWidget(kanan)
        split.setSizes([470, 760])
        lay.addWidget(split, 1)

        self.btn_muat.clicked.connect(self.muat)
        self.cb_unit.currentIndexChanged.connect(self.muat)
        self.cb_periode.currentIndexChanged.connect(self.muat)
        self.cek_sub.toggled.connect(self.muat)
        self.cek_kepala.toggled.connect(self.atur_kepala)
        self.spin_final.editingFinished.connect(self.atur_hari_final)
        self.btn_org.clicked.connect(self.tetapkan_org)
        self.btn_cetak.clicked.connect(self.cetak_rekap)
        self.btn_massal.clicked.connect(self.cetak_massal)
        self.btn_ak.clicked.connect(self.ekspor_angka_kredit)
        self.btn_verif.clicked.connect(self.verifikasi)
        self._isi_pilihan()

    def _buat_pengaturan(self, bar: QHBoxLayout) -> None:
        """The office's recap settings live in a small dialog: the distribution column has no
        room for them at 1366×768."""
        self.cek_kepala = QCheckBox("Kepala unit dihitung dalam distribusi unitnya")
        self.cek_kepala.setToolTip(
            "Pengaturan kantor; hanya administrator yang dapat mengubahnya. Berlaku untuk "
            "distribusi di layar dan rekap penetapan yang dicetak."
        )
        self.cek_kepala.setChecked(self.ctx.run(kepala_unit_dihitung))
        self.cek_kepala.setEnabled(self.ctx.actor.is_admin)
        baris_final = QHBoxLayout()
        baris_final.addWidget(QLabel("Finalisasi tanpa alasan mulai"))
        self.spin_final = QSpinBox()
        self.spin_final.setRange(0, 92)
        self.spin_final.setSuffix(" hari")
        self.spin_final.setValue(self.ctx.run(hari_final_tanpa_alasan_aktor))
        self.spin_final.setEnabled(self.ctx.actor.is_admin)
        self.spin_final.setToolTip(
            "Sebelum hari itu pejabat penilai harus mengisi alasan untuk memfinalkan evaluasi. "
            "0 hari: mulai hari terakhir periode. Hanya administrator yang dapat mengubahnya."
        )
        baris_final.addWidget(self.spin_final)
        baris_final.addWidget(QLabel("sebelum akhir periode"))
        baris_final.addStretch(1)
        self.dlg_atur = QDialog(self)
        self.dlg_atur.setWindowTitle("Pengaturan rekap")
        al = QVBoxLayout(self.dlg_atur)
        al.addWidget(self.cek_kepala)
        al.addLayout(baris_final)
        tombol = QDialogButtonBox()
        tombol.addButton("Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        tombol.rejected.connect(self.dlg_atur.reject)
        al.addWidget(tombol)
        self.btn_atur = QPushButton("Pengaturan…")
        self.btn_atur.setToolTip("Pengaturan kantor untuk distribusi dan finalisasi evaluasi")
        self.btn_atur.clicked.connect(self.dlg_atur.exec)
        bar.insertWidget(bar.indexOf(self.btn_muat), self.btn_atur)

    def atur_kepala(self, dihitung: bool) -> None:
        hasil = jalankan(self, self.ctx, atur_kepala_unit_dihitung, dihitung)
        if hasil is GAGAL:
            self.cek_kepala.blockSignals(True)
            self.cek_kepala.setChecked(not dihitung)
            self.cek_kepala.blockSignals(False)
            return
        self.muat()

    def atur_hari_final(self) -> None:
        if self.ctx.actor.is_admin:
            jalankan(self, self.ctx, atur_hari_final_tanpa_alasan, self.spin_final.value())

    def _isi_pilihan(self) -> None:
        from kinerja_desktop.services.organisasi import daftar_unit

        for cb in (self.cb_unit, self.cb_periode):
            cb.blockSignals(True)
            cb.clear()
        units = self.ctx.run(daftar_unit, False)
        induk = {u.id: u.induk_id for u in units}

        def tingkat(uid: int | None) -> int:
            n = 0
            while uid is not None and induk.get(uid) is not None and n < 10:
                uid, n = induk[uid], n + 1
            return n

        for u in units:
            self.cb_unit.addItem("    " * tingkat(u.id) + u.nama, u.id)
        hari = self.ctx.run(lambda s, _a: hari_ini(s))
        rows = self.ctx.run(sv.daftar_periode)
        for p in rows:
            self.cb_periode.addItem(f"{p.nama} {p.tahun}", p.id)
        # the most recent period that has ended is the one being evaluated
        selesai = [p for p in rows if p.selesai < hari]
        if selesai:
            terbaru = max(selesai, key=lambda p: p.selesai)
            self.cb_periode.setCurrentIndex(self.cb_periode.findData(terbaru.id))
        for cb in (self.cb_unit, self.cb_periode):
            cb.blockSignals(False)
        self.muat()

    def refresh(self) -> None:
        self.muat()

    def muat(self) -> None:
        unit_id, periode_id = self.cb_unit.currentData(), self.cb_periode.currentData()
        if unit_id is None or periode_id is None:
            return

        def di_ringkasan(exc: Exception) -> bool:  # a broken rule is told in the summary line
            self.lbl_ringkas.setText(str(exc))
            return isinstance(exc, DomainError)

        rekap = jalankan(
            self,
            self.ctx,
            laporan.rekap_unit,
            unit_id,
            periode_id,
            tangani=di_ringkasan,
            sub_unit=self.cek_sub.isChecked(),
        )
        if rekap is GAGAL:
            self.rekap = None
            self.tbl.setRowCount(0)
            return
        self.rekap = rekap
        self._tampilkan()

    def _tampilkan(self) -> None:
        assert self.rekap is not None
        d = self.rekap.distribusi
        for r, p in enumerate(reversed(URUTAN_KURVA)):
            self.tbl_dist.setItem(r, 0, QTableWidgetItem(format_angka(d.jumlah[p.value])))
            self.tbl_dist.setItem(r, 1, QTableWidgetItem(format_persen(d.persen[p.value])))
        self.tbl_dist.setItem(5, 0, QTableWidgetItem(f"{d.total_dinilai} dari {d.total_pegawai}"))
        draf = f"{d.total_draf} draf belum final" if d.total_draf else ""
        self.tbl_dist.setItem(5, 1, QTableWidgetItem(draf))
        if d.total_draf and (sel := self.tbl_dist.item(5, 1)) is not None:
            sel.setToolTip("Evaluasi draf belum dihitung sebagai dinilai sampai difinalkan.")
        for r in range(6):
            for c in range(2):
                if (sel := self.tbl_dist.item(r, c)) is not None:
                    sel.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        ref = None
        if d.predikat_organisasi:
            k = kurva_referensi(PredikatOrganisasi(d.predikat_organisasi))
            ref = [k[p] for p in URUTAN_KURVA]
        self.grafik.set_data([d.jumlah[p.value] for p in URUTAN_KURVA], ref)
        i = self.cb_org.findData(d.predikat_organisasi)
        self.cb_org.setCurrentIndex(max(i, 0))
        self.cb_org.setEnabled(d.boleh_menetapkan)
        self.btn_org.setEnabled(d.boleh_menetapkan)
        kepala = d.kepala_unit or "belum ada kepala unit"
        teks = (
            f"Ditetapkan oleh pimpinan satu tingkat di atas kepala unit ({kepala})."
            if d.boleh_menetapkan is False
            else "Anda pimpinan satu tingkat di atas kepala unit ini: Anda yang menetapkan."
        )
        if d.ditetapkan_oleh:
            teks += f" Ditetapkan oleh {d.ditetapkan_oleh}."
        self.lbl_org.setText(teks)
        if not d.predikat_organisasi:
            aturan = (
                "<i>Predikat organisasi belum ditetapkan; aturan distribusi belum dapat "
                "diperiksa.</i>"
            )
        else:
            baris = []
            for a in d.hasil.aturan if d.hasil else []:
                warna = "#15803d" if a.terpenuhi else "#b00020"
                tanda = "✔" if a.terpenuhi else "⚠"
                baris.append(f"<span style='color:{warna}'>{tanda} {_esc(a.uraian)}</span>")
            for kb in d.kelas_berlebih:
                nama = ", ".join(kb.pegawai[:12]) + (" …" if len(kb.pegawai) > 12 else "")
                baris.append(
                    f"<span style='color:#b00020'>Pegawai pada kelas ini: {_esc(nama)}</span>"
                )
            if d.peringatan:
                baris.append(
                    "<i>Peringatan ini tidak menghalangi finalisasi; pimpinan yang memutuskan.</i>"
                )
            aturan = "<br>".join(baris)
        self.txt_aturan.setHtml(aturan)
        rows = self.rekap.rows
        self.tbl.setRowCount(len(rows))
        for r, row in enumerate(rows):
            nilai = [
                format_nip(row.nip),
                row.nama,
                row.jabatan,
                f"{row.realisasi_terisi}/{row.iki}",
                StatusEvaluasi.label_dari(row.status_evaluasi),
                label_rating(row.rating_hasil_kerja),
                label_rating(row.rating_perilaku),
                label_predikat(row.predikat),
            ]
            for c, teks in enumerate(nilai):
                item = QTableWidgetItem(teks)
                item.setData(Qt.ItemDataRole.UserRole, row)
                if c == 3 and row.belum_mengisi:
                    item.setForeground(QColor("#b45309"))
                if c == 4 and row.belum_dievaluasi:
                    item.setForeground(QColor("#b00020"))
                self.tbl.setItem(r, c, item)
        self.lbl_ringkas.setText(
            f"{len(rows)} pegawai aktif · belum dievaluasi (belum final): "
            f"{len(self.rekap.belum_dievaluasi)} · belum mengisi realisasi lengkap: "
            f"{len(self.rekap.belum_mengisi)}"
        )

    # --- actions ------------------------------------------------------------------------
    def tetapkan_org(self) -> None:
        nilai = self.cb_org.currentData()
        if nilai is None:
            return
        ditetapkan = jalankan(
            self,
            self.ctx,
            sv.tetapkan_predikat_organisasi,
            self.cb_unit.currentData(),
            self.cb_periode.currentData(),
            nilai,
        )
        if ditetapkan is GAGAL:
            return
        self.muat()

    def _buka(self) -> None:
        item = self.tbl.currentItem()
        row = item.data(Qt.ItemDataRole.UserRole) if item else None
        if row is not None:
            dlg = EvaluasiDialog(self.ctx, row.pegawai_id, self.cb_periode.currentData(), self)
            dlg.finished.connect(lambda _r: self.muat())
            dlg.open()

    def cetak_rekap(self) -> None:
        from io import BytesIO

        from kinerja_desktop.reports.rekap import cetak_rekap
        from kinerja_desktop.ui.evaluasi.dialog import tampilkan_pratinjau

        gagal = "Rekap tidak dapat dicetak"
        c = jalankan(
            self,
            self.ctx,
            laporan.siapkan_cetak_rekap,
            self.cb_unit.currentData(),
            self.cb_periode.currentData(),
            judul=gagal,
        )
        if c is GAGAL:
            return
        buf = BytesIO()
        cetak = (buf, c.data, c.kode_dokumen, c.kode_verifikasi)
        if coba(self, cetak_rekap, *cetak, tanggal=c.tanggal, judul=gagal) is GAGAL:
            return
        tampilkan_pratinjau(self, buf.getvalue(), c.nama_berkas, "Rekap Evaluasi Kinerja")

    def ekspor_angka_kredit(self) -> None:
        periode = self.cb_periode.currentText().split()[-1]
        tahun = int(periode) if periode.isdigit() else self.ctx.run(lambda s, _a: hari_ini(s)).year
        path, _ = QFileDialog.getSaveFileName(
            self, "Ekspor angka kredit", f"Angka_Kredit_{tahun}.xlsx", "Excel (*.xlsx)"
        )
        if not path:
            return
        tabel = jalankan(
            self,
            self.ctx,
            laporan.tabel_angka_kredit,
            self.cb_unit.currentData(),
            tahun,
            judul="Ekspor gagal",
        )
        if tabel is GAGAL:
            return
        n = coba(self, ekspor_angka_kredit, path, tabel, judul="Ekspor gagal")
        if n is GAGAL:
            return
        QMessageBox.information(
            self, "Ekspor angka kredit", f"{n} pejabat fungsional diekspor ke {path}."
        )

    def cetak_massal(self) -> None:
        from kinerja_desktop.ui.evaluasi.dialogs import CetakMassalDialog

        CetakMassalDialog(
            self.ctx,
            self,
            unit_id=self.cb_unit.currentData(),
            periode_id=self.cb_periode.currentData(),
        ).exec()

    def verifikasi(self) -> None:
        from kinerja_desktop.ui.evaluasi.dialogs import VerifikasiDialog

        VerifikasiDialog(self.ctx, self).exec()


def _esc(teks: str) -> str:
    return teks.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["GrafikDistribusi", "LaporanView", "Predikat"]
