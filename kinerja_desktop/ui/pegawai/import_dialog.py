"""Import dialog: choose a file → preview (Baru / Berubah / Tidak berubah / Tidak valid) →
choose rows → Terapkan, with progress and Batal. The work runs in services/impor_pegawai."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.common.form import pydate, tanggal_edit
from kinerja_desktop.ui.errors import tampilkan_error
from kinerja_desktop.ui.tasks import BackgroundTask, run_with_progress

FILTER_BERKAS = "Berkas pegawai (*.xlsx *.xlsm *.csv *.txt);;Semua berkas (*)"
PERLU = "PERLU"  # the preview's group of rows imported with a guessed or missing jabatan
WARNA = {"BARU": "#1b7f3b", "BERUBAH": "#9a6400", "SAMA": "#666666", "TIDAK_VALID": "#b00020"}


def _keterangan(b: Any) -> str:
    """The changes, and first what the operator must check after the import."""
    return "; ".join(t for t in (b.catatan, b.ringkasan_perubahan) if t)


class PratinjauModel(QAbstractTableModel):
    KOLOM = ["", "Baris", "Keadaan", "NIP", "Nama", "Unit kerja", "Perubahan / alasan"]

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.pratinjau: Any = None  # exchange.pegawai_io.Pratinjau
        self.rows: list[Any] = []
        self.dipilih: set[int] = set()
        self.jenis: str | None = None

    def set_pratinjau(self, p: Any) -> None:
        self.beginResetModel()
        self.pratinjau = p
        self.dipilih = p.dipilih_bawaan() if p else set()
        self._saring()
        self.endResetModel()

    def set_jenis(self, jenis: str | None) -> None:
        self.beginResetModel()
        self.jenis = jenis
        self._saring()
        self.endResetModel()

    def _saring(self) -> None:
        semua: list[Any] = self.pratinjau.baris if self.pratinjau else []
        if self.jenis == PERLU:
            self.rows = [b for b in semua if b.catatan]
            return
        self.rows = [b for b in semua if self.jenis is None or b.jenis.value == self.jenis]

    def bisa_dipilih(self, b: Any) -> bool:
        return b.jenis.value in ("BARU", "BERUBAH")

    def pilih_semua(self, nilai: bool) -> None:
        for b in self.rows:
            if self.bisa_dipilih(b):
                (self.dipilih.add if nilai else self.dipilih.discard)(b.nomor_baris)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 0))

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.KOLOM)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.KOLOM[section]
        return None

    def flags(self, index: Any) -> Qt.ItemFlag:
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0 and self.bisa_dipilih(self.rows[index.row()]):
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        b = self.rows[index.row()]
        c = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and c == 0 and self.bisa_dipilih(b):
            return (
                Qt.CheckState.Checked if b.nomor_baris in self.dipilih else Qt.CheckState.Unchecked
            )
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 1:
                return b.nomor_baris
            if c == 2:
                return b.jenis.label
            if c == 3:
                from kinerja_desktop.domain.nip import format_nip

                return format_nip(b.nip)
            if c == 4:
                return b.nama
            if c == 5:
                return b.unit
            if c == 6:
                return b.alasan if b.galat else _keterangan(b)
        if role == Qt.ItemDataRole.ForegroundRole and c == 2:
            return QColor(WARNA[b.jenis.value])
        if role == Qt.ItemDataRole.ToolTipRole and c == 6:
            teks = b.alasan if b.galat else _keterangan(b)
            return teks.replace("; ", "\n") or None
        return None

    def setData(self, index: Any, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0:
            return False
        b = self.rows[index.row()]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.dipilih.add(b.nomor_baris)
        else:
            self.dipilih.discard(b.nomor_baris)
        self.dataChanged.emit(index, index)
        return True


class ImportDialog(QDialog):
    pratinjau_siap = Signal(object)
    selesai = Signal(object)  # HasilImpor
    gagal = Signal(object)

    TAB = [
        ("Semua", None),
        ("Baru", "BARU"),
        ("Berubah", "BERUBAH"),
        ("Tidak berubah", "SAMA"),
        ("Tidak valid", "TIDAK_VALID"),
        ("Perlu dilengkapi / perkiraan", PERLU),
    ]

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.path: str | None = None
        self.pratinjau = None
        self.hasil = None
        self._task: BackgroundTask | None = None
        self.setWindowTitle("Impor data pegawai")
        self.resize(1100, 640)
        self.setMinimumSize(820, 480)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 16, 16, 12)
        lay.setSpacing(10)

        intro = QLabel(
            "Pilih templat Kinerja Desktop (.xlsx, dari tombol <i>Unduh template</i>) atau "
            "berkas <i>Export Data ASN</i> dari SIASN (.csv/.xlsx). Pegawai dicocokkan menurut "
            "NIP. Belum ada yang disimpan sampai Anda menekan <b>Terapkan</b>."
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)

        baris = QHBoxLayout()
        self.tombol_berkas = QPushButton("Pilih berkas…")
        self.tombol_berkas.clicked.connect(self.pilih_berkas)
        baris.addWidget(self.tombol_berkas)
        self.label_berkas = QLabel("Belum ada berkas dipilih.")
        self.label_berkas.setMinimumWidth(300)
        baris.addWidget(self.label_berkas, 1)
        baris.addWidget(QLabel("ATASAN NIP berlaku mulai"))
        self.mulai = tanggal_edit(date(date.today().year, 1, 1))
        self.mulai.setToolTip("Tanggal mulai atasan langsung dari kolom ATASAN NIP (templat).")
        self.mulai.dateChanged.connect(lambda _d: self.path and self.buat_pratinjau())
        baris.addWidget(self.mulai)
        lay.addLayout(baris)

        self.ringkasan = QLabel()
        self.ringkasan.setWordWrap(True)
        lay.addWidget(self.ringkasan)
        self.label_unit = QLabel()
        self.label_unit.setWordWrap(True)
        self.label_unit.setStyleSheet("color: #1b4f8a;")
        self.label_unit.setVisible(False)
        lay.addWidget(self.label_unit)

        self.model = PratinjauModel(self)
        self.tab = QTabBar()
        self.tab.setExpanding(False)
        for judul, _j in self.TAB:
            self.tab.addTab(judul)
        self.tab.currentChanged.connect(lambda i: self.model.set_jenis(self.TAB[i][1]))
        lay.addWidget(self.tab)

        self.tabel = QTableView()
        self.tabel.setModel(self.model)
        self.tabel.setAlternatingRowColors(True)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.setWordWrap(False)
        h = self.tabel.horizontalHeader()
        for c, w in enumerate((28, 52, 96, 165, 210, 190)):
            self.tabel.setColumnWidth(c, w)
        h.setStretchLastSection(True)
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        lay.addWidget(self.tabel, 1)
        self.rincian = QLabel()
        self.rincian.setWordWrap(True)
        self.rincian.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rincian.setMinimumHeight(44)
        self.rincian.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.rincian.setStyleSheet(
            "background: #f7f7f7; border: 1px solid #dddddd; padding: 6px; border-radius: 3px;"
        )
        lay.addWidget(self.rincian)
        self.tabel.selectionModel().currentRowChanged.connect(lambda *_a: self._rincian())
        self.model.modelReset.connect(self._rincian)

        bawah = QHBoxLayout()
        self.btn_semua = QPushButton("Pilih semua")
        self.btn_semua.clicked.connect(lambda: self.model.pilih_semua(True))
        self.btn_kosong = QPushButton("Kosongkan pilihan")
        self.btn_kosong.clicked.connect(lambda: self.model.pilih_semua(False))
        bawah.addWidget(self.btn_semua)
        bawah.addWidget(self.btn_kosong)
        bawah.addStretch(1)
        self.btn_terapkan = QPushButton("Terapkan")
        self.btn_terapkan.setDefault(True)
        self.btn_terapkan.clicked.connect(self.terapkan)
        self.btn_tutup = QPushButton("Tutup")
        self.btn_tutup.clicked.connect(self.reject)
        bawah.addWidget(self.btn_terapkan)
        bawah.addWidget(self.btn_tutup)
        lay.addLayout(bawah)
        self.model.dataChanged.connect(lambda *_a: self._perbarui_tombol())
        self._perbarui_tombol()

    # --- steps -----------------------------------------------------------------------------
    def pilih_berkas(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Pilih berkas pegawai", "", FILTER_BERKAS)
        if path:
            self.buka(path)

    def buka(self, path: str) -> None:
        from pathlib import Path

        self.path = path
        self.label_berkas.setText(Path(path).name)
        self.label_berkas.setToolTip(path)
        self.buat_pratinjau()

    def buat_pratinjau(self) -> None:
        from kinerja_desktop.services.impor_pegawai import pratinjau_worker

        self.tombol_berkas.setEnabled(False)
        self.ringkasan.setText("Membaca berkas…")
        task = run_with_progress(
            self,
            "Membaca berkas",
            pratinjau_worker,
            self.ctx.db.session_factory,
            self.ctx.actor,
            self.path,
            pydate(self.mulai.date()),
        )
        task.finished.connect(self._pratinjau_selesai)
        task.failed.connect(self._pratinjau_gagal)
        self._task = task

    def _pratinjau_selesai(self, p: Any) -> None:
        from kinerja_desktop.services.impor_pegawai import JenisBaris

        self.tombol_berkas.setEnabled(True)
        self.pratinjau = p
        self.model.set_pratinjau(p)
        self.ringkasan.setText(f"<b>{p.nama_file}</b> (format {p.sumber}): {p.ringkasan()}.")
        unit = p.daftar_unit_baru()
        self.label_unit.setVisible(bool(unit))
        self.label_unit.setText("Unit kerja baru yang akan dibuat: " + "; ".join(unit))
        jumlah: dict[str | None, int] = {
            None: len(p.baris),
            **{j.value: p.jumlah(j) for j in JenisBaris},
            PERLU: len(p.perlu_dilengkapi),
        }
        for i, (judul, j) in enumerate(self.TAB):
            self.tab.setTabText(i, f"{judul} ({jumlah[j]})")
            if j == "TIDAK_VALID":
                self.tab.setTabTextColor(
                    i, QColor(WARNA["TIDAK_VALID"] if jumlah[j] else "#000000")
                )
        if self.tab.currentIndex() != 0:
            self.tab.setCurrentIndex(0)
        else:
            self.model.set_jenis(None)
        self._perbarui_tombol()
        self.pratinjau_siap.emit(p)

    def _pratinjau_gagal(self, exc: BaseException) -> None:
        from kinerja_desktop.domain.tugas import Dibatalkan

        self.tombol_berkas.setEnabled(True)
        self.pratinjau = None
        self.model.set_pratinjau(None)
        self.ringkasan.setText(
            "Berkas belum dibaca."
            if isinstance(exc, Dibatalkan)
            else f"<span style='color:#b00020'>{exc}</span>"
        )
        self._perbarui_tombol()
        if not isinstance(exc, Dibatalkan):
            tampilkan_error(self, exc, "Berkas tidak dapat diimpor")
        self.gagal.emit(exc)

    def _rincian(self) -> None:
        idx = self.tabel.currentIndex()
        if not idx.isValid() or idx.row() >= len(self.model.rows):
            self.rincian.setText("Pilih satu baris untuk melihat rinciannya.")
            return
        b = self.model.rows[idx.row()]
        if b.galat:
            isi = "<br>".join(f"<b>{g.kolom}</b>: {g.alasan}" for g in b.galat)
        elif b.perubahan:
            isi = "<br>".join(
                f"<b>{p.kolom}</b>: {p.lama or '—'} → {p.baru or '—'}" for p in b.perubahan
            )
        else:
            isi = {"BARU": "Pegawai baru.", "SAMA": "Data sama dengan yang tersimpan."}.get(
                b.jenis.value, ""
            )
        self.rincian.setText(f"Baris {b.nomor_baris} — {b.nama or b.nip}: <br>{isi}")

    def _perbarui_tombol(self) -> None:
        n = len(self.model.dipilih)
        self.btn_terapkan.setEnabled(
            self.pratinjau is not None and n > 0 and self.ctx.actor.is_admin
        )
        self.btn_terapkan.setText(f"Terapkan ({n} baris)" if n else "Terapkan")

    def terapkan(self) -> None:
        from kinerja_desktop.services.impor_pegawai import impor_worker

        if self.pratinjau is None or not self.model.dipilih:
            return
        self.btn_terapkan.setEnabled(False)
        task = run_with_progress(
            self,
            "Menyimpan data pegawai",
            impor_worker,
            self.ctx.db.session_factory,
            self.ctx.actor,
            self.pratinjau,
            set(self.model.dipilih),
        )
        task.finished.connect(self._terapkan_selesai)
        task.failed.connect(self._terapkan_gagal)
        self._task = task

    @property
    def ada_perlu_dilengkapi(self) -> bool:
        """Whether an applied row needs completing: the Pegawai view then opens the worklist."""
        p = self.pratinjau
        pilih = self.model.dipilih
        return p is not None and any(b.nomor_baris in pilih for b in p.perlu_dilengkapi)

    def _terapkan_selesai(self, hasil: Any) -> None:
        self.hasil = hasil
        self.selesai.emit(hasil)
        QMessageBox.information(self, "Impor selesai", hasil.ringkasan() + ".")
        self.accept()

    def _terapkan_gagal(self, exc: BaseException) -> None:
        from kinerja_desktop.domain.tugas import Dibatalkan

        self._perbarui_tombol()
        if isinstance(exc, Dibatalkan):
            QMessageBox.information(
                self, "Impor dibatalkan", "Impor dibatalkan; tidak ada data yang disimpan."
            )
        else:
            tampilkan_error(self, exc, "Impor gagal — tidak ada data yang disimpan")
        self.gagal.emit(exc)
