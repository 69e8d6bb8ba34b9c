"""Pegawai view: unit kerja tree on the left, the roster on the right."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.angka import format_angka
from kinerja_desktop.services import pegawai as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, coba, jalankan
from kinerja_desktop.ui.common.form import judul_halaman, label_keterangan
from kinerja_desktop.ui.common.search import SearchLineEdit
from kinerja_desktop.ui.errors import tampilkan_error
from kinerja_desktop.ui.pegawai.table_model import KOLOM, PegawaiTableModel
from kinerja_desktop.ui.pegawai.unit_tree import UnitTree
from kinerja_desktop.ui.tasks import run_with_progress

STATUS_PILIHAN = [
    ("Semua status", ()),
    ("PNS dan CPNS", ("PNS", "CPNS")),
    ("PNS", ("PNS",)),
    ("CPNS", ("CPNS",)),
    ("PPPK", ("PPPK",)),
]
AKTIF_PILIHAN = [("Aktif", True), ("Nonaktif", False), ("Aktif dan nonaktif", None)]


class PegawaiView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        admin = ctx.actor.is_admin
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 12)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        lay.addWidget(split)

        self.tree = UnitTree(ctx)
        self.tree.unit_dipilih.connect(lambda _u: self._filter_berubah())
        self.tree.unit_berubah.connect(self._muat_ulang)
        split.addWidget(self.tree)

        kanan = QWidget()
        kl = QVBoxLayout(kanan)
        kl.setContentsMargins(12, 0, 0, 0)
        kl.setSpacing(8)

        judul = QHBoxLayout()
        self.judul = judul_halaman("Pegawai")
        judul.addWidget(self.judul)
        judul.addStretch(1)
        self.btn_tambah = self._tombol(judul, "Tambah", self.tambah, admin)
        self.btn_ubah = self._tombol(judul, "Ubah", self.ubah, True)
        self.btn_aktif = self._tombol(judul, "Nonaktifkan", self.ubah_aktif, admin)
        self.btn_mutasi = self._tombol(judul, "Mutasi…", self.mutasi, admin)
        judul.addSpacing(12)
        self.btn_impor = self._tombol(judul, "Impor…", self.impor, admin)
        self.btn_ekspor = self._tombol(judul, "Ekspor…", self.ekspor, True)
        self.btn_template = self._tombol(judul, "Unduh template", self.unduh_template, admin)
        kl.addLayout(judul)

        saring = QHBoxLayout()
        saring.setSpacing(8)
        self.cari = SearchLineEdit("Cari nama atau NIP…")
        self.cari.setMinimumWidth(280)
        self.cari.cari.connect(lambda _t: self._filter_berubah())
        saring.addWidget(self.cari, 2)
        self.status = QComboBox()
        for label, _status in STATUS_PILIHAN:
            self.status.addItem(label)
        self.status.currentIndexChanged.connect(lambda _i: self._filter_berubah())
        saring.addWidget(self.status)
        self.aktif = QComboBox()
        for label, _aktif in AKTIF_PILIHAN:
            self.aktif.addItem(label)
        self.aktif.currentIndexChanged.connect(lambda _i: self._filter_berubah())
        saring.addWidget(self.aktif)
        # the import's worklist as a filter of the roster: completing the data clears the mark
        self.cek_perlu = QCheckBox("Perlu dilengkapi")
        self.cek_perlu.setToolTip(
            "Hanya pegawai yang jenis jabatan atau jenjangnya diperkirakan dari berkas impor "
            "atau belum diisi. Buka datanya (klik dua kali), lengkapi, lalu simpan."
        )
        self.cek_perlu.toggled.connect(lambda _c: self._filter_berubah())
        self.cek_perlu.setVisible(admin)
        saring.addWidget(self.cek_perlu)
        saring.addStretch(1)
        self.btn_kedudukan = QPushButton("Kedudukan hukum…")
        self.btn_kedudukan.setToolTip("Perlakuan KEDUDUKAN HUKUM dari SIASN saat impor")
        self.btn_kedudukan.clicked.connect(self.atur_kedudukan)
        self.btn_kedudukan.setVisible(admin)
        saring.addWidget(self.btn_kedudukan)
        self.btn_luar = QPushButton("Pejabat luar kantor…")
        self.btn_luar.setToolTip("Pejabat penilai/atasan dari luar kantor ini (Sekda, Bupati…)")
        self.btn_luar.clicked.connect(self.pejabat_luar)
        self.btn_luar.setVisible(admin)
        saring.addWidget(self.btn_luar)
        self.jumlah = label_keterangan()
        saring.addWidget(self.jumlah)
        kl.addLayout(saring)

        self.model = PegawaiTableModel(ctx, self)
        self.tabel = QTableView()
        self.tabel.setModel(self.model)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.setAlternatingRowColors(True)
        self.tabel.setWordWrap(False)
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.verticalHeader().setDefaultSectionSize(26)
        self.tabel.horizontalHeader().setStretchLastSection(True)
        self.tabel.horizontalHeader().setHighlightSections(False)
        for i, k in enumerate(KOLOM):
            self.tabel.setColumnWidth(i, k.lebar)
        self.tabel.doubleClicked.connect(lambda _i: self.ubah())
        kl.addWidget(self.tabel, 1)
        split.addWidget(kanan)
        split.setStretchFactor(1, 1)
        split.setSizes([330, 1000])

        self.model.modelReset.connect(self._setelah_muat)
        self._perbarui_perlu()
        self.model.rowsInserted.connect(lambda *_a: self._perbarui_jumlah())
        self._filter_berubah()
        # Sorting goes to SQL; enabling it after the first load asks for the name order.
        self.tabel.setSortingEnabled(True)
        self.tabel.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.tabel.selectionModel().currentRowChanged.connect(lambda *_a: self._perbarui_tombol())
        self._perbarui_tombol()

    def _tombol(self, lay: QHBoxLayout, teks: str, slot, tampil: bool) -> QPushButton:
        b = QPushButton(teks)
        b.clicked.connect(slot)
        b.setVisible(tampil)
        lay.addWidget(b)
        return b

    # --- data ------------------------------------------------------------------------------
    def filter(self) -> svc.FilterPegawai:
        return svc.FilterPegawai(
            cari=self.cari.text().strip(),
            unit_id=self.tree.unit_id(),
            status=STATUS_PILIHAN[self.status.currentIndex()][1],
            aktif=AKTIF_PILIHAN[self.aktif.currentIndex()][1],
            perlu_dilengkapi=self.cek_perlu.isChecked(),
        )

    def _perbarui_perlu(self) -> None:
        """The worklist's count beside its filter (active pegawai; after each change)."""
        if not self.ctx.actor.is_admin:
            return
        n = jalankan(
            self,
            self.ctx,
            svc.hitung_pegawai,
            svc.FilterPegawai(aktif=True, perlu_dilengkapi=True),
            judul="Daftar pegawai tidak dapat dimuat",
        )
        if n is GAGAL:
            return
        self.cek_perlu.setText(f"Perlu dilengkapi ({format_angka(n)})")
        self.cek_perlu.setStyleSheet("color:#b45309; font-weight:600" if n else "")

    def _filter_berubah(self) -> None:
        coba(self, self.model.set_filter, self.filter(), judul="Daftar pegawai tidak dapat dimuat")

    def _muat_ulang(self) -> None:
        self.model.reload()
        self._perbarui_perlu()

    def refresh(self) -> None:
        self.tree.refresh()
        self.model.filter = self.filter()
        self.model.reload()
        self._perbarui_perlu()

    def _setelah_muat(self) -> None:
        self._perbarui_jumlah()
        self._perbarui_tombol()

    def _perbarui_jumlah(self) -> None:
        n = self.model.total
        self.jumlah.setText(f"{format_angka(n)} pegawai")

    def terpilih(self) -> svc.PegawaiRow | None:
        idx = self.tabel.currentIndex()
        if not idx.isValid():
            return None
        return self.model.baris(idx.row())

    def _perbarui_tombol(self) -> None:
        p = self.terpilih()
        self.btn_ubah.setEnabled(p is not None)
        self.btn_ubah.setText("Ubah" if self.ctx.actor.is_admin else "Lihat")
        self.btn_aktif.setEnabled(p is not None)
        self.btn_aktif.setText("Aktifkan" if p is not None and not p.aktif else "Nonaktifkan")
        self.btn_mutasi.setEnabled(p is not None and p.aktif)

    def pilih_pegawai(self, pegawai_id: int) -> bool:
        """Select the row of a pegawai if it is in the current list (loads pages as needed)."""
        while True:
            i = self.model.cari_baris(lambda r: r.id == pegawai_id)
            if i >= 0:
                self.tabel.setCurrentIndex(self.model.index(i, 0))
                self.tabel.scrollTo(self.model.index(i, 0))
                return True
            if not self.model.canFetchMore(QModelIndex()):
                return False
            self.model.fetchMore(QModelIndex())

    # --- actions ---------------------------------------------------------------------------
    def tambah(self) -> None:
        from kinerja_desktop.ui.pegawai.dialogs import PegawaiDialog

        dlg = PegawaiDialog(self.ctx, None, self.tree.unit_id(), self)
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.hasil is not None:
            self.tree.refresh()
            self._muat_ulang()
            self.pilih_pegawai(dlg.hasil.id)

    def ubah(self) -> None:
        from kinerja_desktop.ui.pegawai.dialogs import PegawaiDialog

        p = self.terpilih()
        if p is None:
            return
        segar = jalankan(self, self.ctx, svc.ambil_pegawai, p.id)  # fresh version: optimistic lock
        if segar is GAGAL:
            return
        dlg = PegawaiDialog(self.ctx, segar, None, self)
        dlg.exec()
        self.tree.refresh()
        self._muat_ulang()
        self.pilih_pegawai(segar.id)

    def ubah_aktif(self) -> None:
        from kinerja_desktop.ui.pegawai.dialogs import NonaktifDialog

        p = self.terpilih()
        if p is None:
            return
        if p.aktif:
            dlg = NonaktifDialog(p.nama_lengkap, self)
            if dlg.exec() != QDialog.DialogCode.Accepted:
                return
            hasil = jalankan(
                self,
                self.ctx,
                svc.nonaktifkan_pegawai,
                p.id,
                *dlg.nilai(),
                keterangan="Nonaktifkan pegawai",
            )
        else:
            hasil = jalankan(
                self, self.ctx, svc.aktifkan_pegawai, p.id, keterangan="Aktifkan pegawai"
            )
        if hasil is GAGAL:
            return
        self.tree.refresh()
        self._muat_ulang()
        self.pilih_pegawai(p.id)

    def mutasi(self) -> None:
        """Move the pegawai to another unit / penilai from a date (closes and opens SKP)."""
        from kinerja_desktop.ui.pegawai.mutasi_dialog import MutasiDialog

        p = self.terpilih()
        if p is None:
            return
        segar = jalankan(self, self.ctx, svc.ambil_pegawai, p.id)  # fresh version: optimistic lock
        if segar is GAGAL:
            return
        dlg = MutasiDialog(self.ctx, segar, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self.tree.refresh()
            self.model.reload()
            self.pilih_pegawai(p.id)

    def impor(self) -> None:
        from kinerja_desktop.ui.pegawai.import_dialog import ImportDialog

        dlg = ImportDialog(self.ctx, self)
        self._import_dialog = dlg
        dlg.pilih_berkas()
        dlg.exec()
        if dlg.hasil is not None:
            self.tree.refresh()
            self._muat_ulang()
            if dlg.ada_perlu_dilengkapi:
                self.perlu_dilengkapi()

    def atur_kedudukan(self) -> None:
        from kinerja_desktop.ui.pegawai.kedudukan_dialog import KedudukanDialog

        KedudukanDialog(self.ctx, self).exec()

    def pejabat_luar(self) -> None:
        from kinerja_desktop.ui.pegawai.pejabat_luar import PejabatLuarDialog

        PejabatLuarDialog(self.ctx, self).exec()

    def perlu_dilengkapi(self) -> None:
        from kinerja_desktop.ui.pegawai.perlu_dilengkapi import PerluDilengkapiDialog

        PerluDilengkapiDialog(self.ctx, self).exec()
        self.tree.refresh()
        self._muat_ulang()

    def ekspor(self) -> None:
        from kinerja_desktop.exchange.pegawai import ekspor_worker

        path, _ = QFileDialog.getSaveFileName(
            self, "Ekspor daftar pegawai", "pegawai.xlsx", "Excel (*.xlsx)"
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        task = run_with_progress(
            self,
            "Mengekspor pegawai",
            ekspor_worker,
            self.ctx.db.session_factory,
            self.ctx.actor,
            path,
            self.filter(),
        )
        task.finished.connect(
            lambda n: QMessageBox.information(
                self, "Ekspor selesai", f"{n} pegawai diekspor ke\n{path}"
            )
        )
        task.failed.connect(lambda e: tampilkan_error(self, e, "Ekspor gagal"))
        self._task = task

    def unduh_template(self) -> None:
        from kinerja_desktop.exchange.pegawai import tulis_template

        path, _ = QFileDialog.getSaveFileName(
            self, "Simpan templat impor pegawai", "templat_pegawai.xlsx", "Excel (*.xlsx)"
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        if coba(self, tulis_template, path, judul="Templat tidak dapat disimpan") is GAGAL:
            return
        QMessageBox.information(
            self,
            "Templat disimpan",
            f"Templat disimpan di\n{path}\n\nIsi lembar 'Data', lalu gunakan tombol Impor….",
        )
