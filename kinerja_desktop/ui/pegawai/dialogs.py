"""Pegawai dialogs: add/edit (with the pejabat penilai history), pick a pegawai, set an
atasan or a PLT/PLH, deactivate."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain import nip as nip_mod
from kinerja_desktop.domain.enums import JenisJabatan, JenjangFungsional, StatusPegawai
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.golongan import golongan_choices
from kinerja_desktop.domain.jabatan_siasn import ALASAN_BEBAS_TUGAS
from kinerja_desktop.services import organisasi as org
from kinerja_desktop.services import pegawai as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.pejabat_luar import PejabatLuarRow, daftar_pejabat_luar
from kinerja_desktop.services.rows import PenugasanRow, UnitRow
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.common.form import (
    FormGrid,
    label_keterangan,
    pydate,
    qdate,
    tanggal_edit,
)
from kinerja_desktop.ui.common.search import SearchLineEdit

JENIS_LABEL = {"DEFINITIF": "Atasan langsung", "PLT": "PLT", "PLH": "PLH"}


def _tombol(box: QDialogButtonBox, ok: str, batal: str = "Batal") -> None:
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(batal)


def _unit_items(units: list[UnitRow]) -> list[tuple[int, str]]:
    """(id, indented name) in tree order, active units only."""
    anak: dict[int | None, list[UnitRow]] = {}
    ada = {u.id for u in units}
    for u in units:
        anak.setdefault(u.induk_id if u.induk_id in ada else None, []).append(u)
    out: list[tuple[int, str]] = []

    def jalan(induk: int | None, tingkat: int) -> None:
        for u in anak.get(induk, []):
            out.append((u.id, "    " * tingkat + u.nama))
            jalan(u.id, tingkat + 1)

    jalan(None, 0)
    return out


# --- pick a pegawai --------------------------------------------------------------------------


class PilihPegawaiDialog(QDialog):
    """Search by name or NIP and pick one active pegawai; with ``dengan_luar`` (choosing a
    pejabat penilai) a switch lists the pejabat luar kantor instead."""

    def __init__(
        self,
        ctx: AppContext,
        judul: str = "Pilih pegawai",
        kecuali: int | None = None,
        parent: QWidget | None = None,
        *,
        dengan_luar: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.kecuali = ctx, kecuali
        self.setWindowTitle(judul)
        self.setMinimumSize(560, 460)
        lay = QVBoxLayout(self)
        lay.setSpacing(8)
        self.cari = SearchLineEdit("Ketik nama atau NIP…")
        self.cari.cari.connect(self._muat)
        lay.addWidget(self.cari)
        self.luar = QCheckBox("Pejabat luar kantor (Sekda, Bupati, pejabat instansi lain)")
        self.luar.setVisible(dengan_luar)
        self.luar.toggled.connect(lambda _b: self._muat(self.cari.text()))
        lay.addWidget(self.luar)
        self.daftar = QListWidget()
        self.daftar.setAlternatingRowColors(True)
        self.daftar.itemDoubleClicked.connect(lambda _i: self.accept())
        lay.addWidget(self.daftar, 1)
        self.info = label_keterangan()
        lay.addWidget(self.info)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        _tombol(box, "Pilih")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self._muat("")

    def _muat(self, teks: str) -> None:
        rows: list[svc.PegawaiRow] | list[PejabatLuarRow]
        if self.luar.isChecked():
            rows = self.ctx.run(daftar_pejabat_luar, teks, termasuk_nonaktif=False)
        else:
            rows = self.ctx.run(
                svc.daftar_pegawai, svc.FilterPegawai(cari=teks), "nama", False, 0, 60
            )
        self.daftar.clear()
        for r in rows:
            if r.id == self.kecuali:
                continue
            baris = f"{r.nip_tampil} · {r.jabatan}"
            if isinstance(r, PejabatLuarRow):
                baris += f" · {r.instansi}"
            item = QListWidgetItem(f"{r.nama_lengkap}\n{baris}")
            item.setData(Qt.ItemDataRole.UserRole, r)
            self.daftar.addItem(item)
        if self.daftar.count():
            self.daftar.setCurrentRow(0)
        self.info.setText(
            "Tidak ada pegawai yang cocok."
            if not self.daftar.count()
            else "Klik dua kali atau tekan Pilih."
        )

    def pilihan(self) -> svc.PegawaiRow | PejabatLuarRow | None:
        item = self.daftar.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


class PilihPegawaiTombol(QWidget):
    """A label with the chosen pegawai and a "Pilih…" button that opens the picker."""

    def __init__(
        self, ctx: AppContext, kecuali: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.kecuali = ctx, kecuali
        self.pegawai: svc.PegawaiRow | PejabatLuarRow | None = None
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel("— belum dipilih —")
        self.label.setMinimumWidth(260)
        self.label.setWordWrap(True)
        self.tombol = QPushButton("Pilih…")
        self.tombol.clicked.connect(self.pilih)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.tombol)

    def pilih(self) -> None:
        dlg = PilihPegawaiDialog(
            self.ctx, "Pilih pejabat penilai", self.kecuali, self, dengan_luar=True
        )
        if dlg.exec() == QDialog.DialogCode.Accepted and dlg.pilihan() is not None:
            self.set_pegawai(dlg.pilihan())

    def set_pegawai(self, p: svc.PegawaiRow | PejabatLuarRow | None) -> None:
        self.pegawai = p
        self.label.setText(f"{p.nama_lengkap}\n{p.nip_tampil}" if p else "— belum dipilih —")


# --- atasan / PLT / PLH ----------------------------------------------------------------------


class PenugasanDialog(QDialog):
    """Set a new atasan langsung from a date, or add a PLT/PLH with a date range."""

    def __init__(
        self, ctx: AppContext, pegawai_id: int, sementara: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.pegawai_id = ctx, pegawai_id
        self.setWindowTitle("Tambah PLT/PLH" if sementara else "Tetapkan atasan langsung")
        self.setMinimumWidth(520)
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        form = FormGrid(1)
        self.form = form
        self.jenis = QComboBox()
        if sementara:
            self.jenis.addItem("PLT (Pelaksana Tugas)", "PLT")
            self.jenis.addItem("PLH (Pelaksana Harian)", "PLH")
        else:
            self.jenis.addItem("Atasan langsung (definitif)", "DEFINITIF")
            self.jenis.setEnabled(False)
        form.add("jenis", "Jenis", self.jenis)
        self.penilai = PilihPegawaiTombol(ctx, pegawai_id)
        form.add("penilai", "Pejabat penilai", self.penilai)
        hari = date.today()
        self.mulai = tanggal_edit(date(hari.year, 1, 1) if not sementara else hari)
        form.add("mulai", "Mulai", self.mulai)
        self.selesai = tanggal_edit(hari)
        self.selesai.setEnabled(sementara)
        if sementara:
            form.add("selesai", "Selesai", self.selesai)
        self.keterangan = QLineEdit()
        self.keterangan.setPlaceholderText("mis. nomor surat perintah")
        form.add("keterangan", "Keterangan", self.keterangan)
        lay.addWidget(form)
        if not sementara:
            catatan = label_keterangan(
                "Atasan langsung sebelumnya berakhir sehari sebelum tanggal mulai; "
                "riwayatnya tetap disimpan."
            )
            catatan.setWordWrap(True)
            lay.addWidget(catatan)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        _tombol(box, "Simpan")
        box.accepted.connect(self.simpan)
        box.rejected.connect(self.reject)
        lay.addWidget(box)

    def simpan(self) -> None:
        self.form.clear_errors()
        if self.penilai.pegawai is None:
            self.form.set_error("penilai", "Pilih pejabat penilainya.")
            return
        jenis = self.jenis.currentData()
        peringatan = jalankan(self, self.ctx, org.perlu_pendelegasian, self.penilai.pegawai.id)
        if peringatan is GAGAL:
            return
        pendelegasian = None
        if peringatan:
            pendelegasian, ok = QInputDialog.getText(
                self, "Pejabat penilai berjabatan Pelaksana", f"{peringatan}\n\nPendelegasian:"
            )
            if not ok or not pendelegasian.strip():
                return

        def di_form(exc: Exception) -> bool:  # a wrong field is marked beside it
            if not isinstance(exc, ValidationError):
                return False
            kunci = {"Pejabat Penilai": "penilai", "Mulai": "mulai", "Selesai": "selesai"}
            self.form.set_error(kunci.get(exc.kolom or "", "penilai"), exc.pesan)
            return True

        ditetapkan = jalankan(
            self,
            self.ctx,
            org.tetapkan_penilai,
            self.pegawai_id,
            self.penilai.pegawai.id,
            pydate(self.mulai.date()),
            jenis,
            pydate(self.selesai.date()) if jenis != "DEFINITIF" else None,
            self.keterangan.text().strip() or None,
            pendelegasian=pendelegasian,
            tangani=di_form,
            keterangan="Penetapan pejabat penilai",
        )
        if ditetapkan is GAGAL:
            return
        self.accept()


# --- deactivate ------------------------------------------------------------------------------


class NonaktifDialog(QDialog):
    def __init__(self, nama: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Nonaktifkan pegawai")
        self.setMinimumWidth(480)
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        info = QLabel(
            f"<b>{nama}</b> tidak dihapus: datanya dan riwayatnya tetap disimpan, "
            "tetapi ia tidak lagi muncul di daftar pegawai aktif."
        )
        info.setWordWrap(True)
        lay.addWidget(info)
        self.form = FormGrid(1)
        self.alasan = QComboBox()
        self.alasan.addItems(list(svc.ALASAN_NONAKTIF))
        self.form.add("alasan", "Alasan", self.alasan)
        self.tanggal = tanggal_edit(date.today())
        self.form.add("tanggal", "Berlaku mulai", self.tanggal)
        self.keterangan = QLineEdit()
        self.keterangan.setPlaceholderText("mis. SK Bupati No. 800/123/2025")
        self.form.add("keterangan", "Keterangan", self.keterangan)
        lay.addWidget(self.form)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        _tombol(box, "Nonaktifkan")
        box.accepted.connect(self._ok)
        box.rejected.connect(self.reject)
        lay.addWidget(box)

    def _ok(self) -> None:
        self.form.clear_errors()
        if self.alasan.currentText() == "Lainnya" and not self.keterangan.text().strip():
            self.form.set_error("keterangan", "Tuliskan keterangan untuk alasan 'Lainnya'.")
            return
        self.accept()

    def nilai(self) -> tuple[str, date, str | None]:
        return (
            self.alasan.currentText(),
            pydate(self.tanggal.date()),
            self.keterangan.text().strip() or None,
        )


# --- add / edit ------------------------------------------------------------------------------


class PegawaiDialog(QDialog):
    """Add (``pegawai is None``) or edit a pegawai. Saving is one transaction; the penilai
    history buttons (edit mode) save immediately, each its own transaction."""

    def __init__(
        self,
        ctx: AppContext,
        pegawai: svc.PegawaiRow | None = None,
        unit_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pegawai = pegawai
        self.hasil: svc.PegawaiRow | None = None
        self.setWindowTitle("Ubah data pegawai" if pegawai else "Tambah pegawai")
        self.setMinimumWidth(900)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 16, 16, 12)
        lay.setSpacing(12)
        if pegawai is not None and pegawai.perlu_dilengkapi:
            self.catatan_perlu = QLabel(
                f"<b>Perlu dilengkapi:</b> {pegawai.perlu_dilengkapi}. Periksa jenis jabatan "
                "dan jenjang, lalu simpan; tandanya hilang setelah data disimpan."
            )
            self.catatan_perlu.setWordWrap(True)
            self.catatan_perlu.setStyleSheet(
                "background:#fef3c7; color:#78350f; padding:6px 8px; border-radius:4px"
            )
            lay.addWidget(self.catatan_perlu)

        data = QGroupBox("Data pegawai")
        dl = QVBoxLayout(data)
        dl.setContentsMargins(12, 12, 12, 8)
        self.form = form = FormGrid(2)
        dl.addWidget(form)
        lay.addWidget(data)

        self.nip = QLineEdit()
        self.nip.setPlaceholderText("18 digit, mis. 19660801 198803 1 001")
        self.nip.setMinimumWidth(230)
        self.nip.editingFinished.connect(self._nip_selesai)
        form.add("nip", "NIP / NI PPPK", self.nip)
        self.nama = QLineEdit()
        self.nama.setPlaceholderText("tanpa gelar")
        form.add("nama", "Nama", self.nama)
        self.gelar_depan = QLineEdit()
        self.gelar_depan.setPlaceholderText("mis. Drs. / Ir. / dr.")
        form.add("gelar_depan", "Gelar depan", self.gelar_depan)
        self.gelar_belakang = QLineEdit()
        self.gelar_belakang.setPlaceholderText("mis. S.Kom., M.Si.")
        form.add("gelar_belakang", "Gelar belakang", self.gelar_belakang)
        self.tanggal_lahir = tanggal_edit(date(1990, 1, 1))
        form.add("tanggal_lahir", "Tanggal lahir", self.tanggal_lahir)
        self.jenis_kelamin = QComboBox()
        self.jenis_kelamin.addItem("Laki-laki", "L")
        self.jenis_kelamin.addItem("Perempuan", "P")
        form.add("jenis_kelamin", "Jenis kelamin", self.jenis_kelamin)
        form.add("alasan_bebas_tugas", "Bebas tugas", self._bagian_bebas_tugas())

        self.status = QComboBox()
        for s in StatusPegawai:
            self.status.addItem(s.label, s.value)
        self.status.currentIndexChanged.connect(self._isi_golongan)
        form.add("status", "Status", self.status, 1)
        self.golongan = QComboBox()
        self.golongan.setMinimumWidth(240)
        form.add("golongan", "Pangkat/golongan", self.golongan, 1)
        self.jabatan = QLineEdit()
        self.jabatan.setPlaceholderText("mis. Pranata Komputer Ahli Pertama")
        form.add("jabatan", "Jabatan", self.jabatan, 1)
        self.jenis_jabatan = QComboBox()
        for j in JenisJabatan:
            self.jenis_jabatan.addItem(j.label, j.value)
        self.jenis_jabatan.setCurrentIndex(list(JenisJabatan).index(JenisJabatan.PELAKSANA))
        self.jenis_jabatan.currentIndexChanged.connect(self._jenis_berubah)
        form.add("jenis_jabatan", "Jenis jabatan", self.jenis_jabatan, 1)
        self.jenjang = QComboBox()
        self.jenjang.addItem("—", None)
        for jenjang in JenjangFungsional:
            self.jenjang.addItem(jenjang.label, jenjang.value)
        form.add("jenjang", "Jenjang", self.jenjang, 1)
        self.unit = QComboBox()
        self.unit.setMinimumWidth(240)
        self._unit_rows = ctx.run(org.daftar_unit, False)
        for uid, nama in _unit_items(self._unit_rows):
            self.unit.addItem(nama.replace("    ", "\u2003"), uid)
        form.add("unit_kerja_id", "Unit kerja", self.unit, 1)
        self.kepala_unit = QCheckBox("Kepala unit kerja ini")
        form.add("kepala_unit", "", self.kepala_unit, 1)
        self.pimpinan_unit_mandiri = QCheckBox(
            "Pimpinan unit kerja mandiri (SKP dan evaluasi bentuk JPT)"
        )
        form.add("pimpinan_unit_mandiri", "", self.pimpinan_unit_mandiri, 1)

        lay.addWidget(self._bagian_penilai())

        self.tombol = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        _tombol(self.tombol, "Simpan")
        self.tombol.accepted.connect(self.simpan)
        self.tombol.rejected.connect(self.reject)
        lay.addWidget(self.tombol)

        self._isi_golongan()
        if pegawai is not None:
            self._isi(pegawai)
        elif unit_id is not None:
            i = self.unit.findData(unit_id)
            if i >= 0:
                self.unit.setCurrentIndex(i)
        self._jenis_berubah()
        if not ctx.actor.is_admin:
            self.tombol.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def _bagian_bebas_tugas(self) -> QWidget:
        """A temporary absence (domain.md §2a): the record stays, the duties stop."""
        kotak = QWidget()
        h = QHBoxLayout(kotak)
        h.setContentsMargins(0, 0, 0, 0)
        self.bebas_tugas = QCheckBox("Sementara")
        self.bebas_tugas.setToolTip(
            "CLTN, tugas belajar, pemberhentian sementara…: data pegawai tetap ada, tetapi ia "
            "tidak wajib menyusun SKP dan tidak dihitung di papan pemantauan, daftar belum "
            "mengisi, maupun distribusi predikat selama bebas tugas."
        )
        self.alasan_bebas = QComboBox()
        self.alasan_bebas.setEditable(True)
        self.alasan_bebas.addItems(ALASAN_BEBAS_TUGAS)
        self.alasan_bebas.setCurrentIndex(-1)
        self.alasan_bebas.setToolTip("Alasan (kedudukan hukum), mis. CLTN atau Tugas Belajar")
        if (isian := self.alasan_bebas.lineEdit()) is not None:
            isian.setPlaceholderText("alasan")
        self.alasan_bebas.setEnabled(False)
        self.bebas_tugas.toggled.connect(self.alasan_bebas.setEnabled)
        h.addWidget(self.bebas_tugas)
        h.addWidget(self.alasan_bebas, 1)
        return kotak

    # --- pejabat penilai section ---------------------------------------------------------
    def _bagian_penilai(self) -> QGroupBox:
        box = QGroupBox("Pejabat Penilai")
        lay = QVBoxLayout(box)
        lay.setContentsMargins(12, 12, 12, 12)
        if self.pegawai is None:
            self.atasan_baru = PilihPegawaiTombol(self.ctx, None)
            self.mulai_atasan = tanggal_edit(date(date.today().year, 1, 1))
            f = FormGrid(2)
            f.add("atasan", "Atasan langsung", self.atasan_baru)
            f.add("mulai", "Berlaku mulai", self.mulai_atasan, 1)
            lay.addWidget(f)
            ket = label_keterangan(
                "Boleh dikosongkan dan ditetapkan nanti. PLT/PLH dapat ditambahkan "
                "setelah pegawai disimpan."
            )
            lay.addWidget(ket)
            return box
        self.riwayat = QTableWidget(0, 5)
        self.riwayat.setHorizontalHeaderLabels(
            ["Jenis", "Pejabat penilai", "NIP", "Mulai", "Selesai"]
        )
        self.riwayat.verticalHeader().setVisible(False)
        self.riwayat.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.riwayat.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.riwayat.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        h = self.riwayat.horizontalHeader()
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for c, w in ((0, 120), (2, 170), (3, 100), (4, 100)):
            self.riwayat.setColumnWidth(c, w)
        self.riwayat.setMinimumHeight(130)
        lay.addWidget(self.riwayat)
        row = QHBoxLayout()
        self.btn_atasan = QPushButton("Tetapkan atasan langsung…")
        self.btn_atasan.clicked.connect(lambda: self._penugasan(False))
        self.btn_plt = QPushButton("Tambah PLT/PLH…")
        self.btn_plt.clicked.connect(lambda: self._penugasan(True))
        self.btn_hapus = QPushButton("Hapus PLT/PLH")
        self.btn_hapus.clicked.connect(self._hapus_sementara)
        for b in (self.btn_atasan, self.btn_plt, self.btn_hapus):
            b.setEnabled(self.ctx.actor.is_admin)
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self._muat_riwayat()
        return box

    def _muat_riwayat(self) -> None:
        assert self.pegawai is not None
        rows: list[PenugasanRow] = self.ctx.run(org.riwayat_penilai, self.pegawai.id)
        self._riwayat_rows = rows
        self.riwayat.setRowCount(len(rows))
        for i, r in enumerate(rows):
            sel = [
                JENIS_LABEL.get(r.jenis, r.jenis),
                r.penilai_nama,
                nip_mod.format_nip(r.penilai_nip),
                f"{r.mulai:%d-%m-%Y}",
                f"{r.selesai:%d-%m-%Y}" if r.selesai else "sekarang",
            ]
            for c, teks in enumerate(sel):
                item = QTableWidgetItem(teks)
                if r.keterangan:
                    item.setToolTip(r.keterangan)
                self.riwayat.setItem(i, c, item)

    def _penugasan(self, sementara: bool) -> None:
        assert self.pegawai is not None
        dlg = PenugasanDialog(self.ctx, self.pegawai.id, sementara, self)
        if dlg.exec() == QDialog.DialogCode.Accepted:
            self._muat_riwayat()

    def _hapus_sementara(self) -> None:
        i = self.riwayat.currentRow()
        if i < 0:
            QMessageBox.information(self, "Hapus PLT/PLH", "Pilih dulu baris PLT/PLH di tabel.")
            return
        r = self._riwayat_rows[i]
        if r.jenis == "DEFINITIF":
            QMessageBox.information(
                self,
                "Hapus PLT/PLH",
                "Riwayat atasan langsung tidak dihapus; tetapkan atasan baru bila berganti.",
            )
            return
        if jalankan(self, self.ctx, org.hapus_penugasan_sementara, r.id) is GAGAL:
            return
        self._muat_riwayat()

    # --- fields ----------------------------------------------------------------------------
    def _isi_golongan(self) -> None:
        lama = self.golongan.currentData()
        status = self.status.currentData() or "PNS"
        self.golongan.blockSignals(True)
        self.golongan.clear()
        self.golongan.addItem("— pilih —", None)
        for kode, label in golongan_choices(status):
            self.golongan.addItem(label, kode)
        i = self.golongan.findData(lama) if lama else -1
        self.golongan.setCurrentIndex(max(i, 0))
        self.golongan.blockSignals(False)

    def _jenis_berubah(self) -> None:
        fungsional = self.jenis_jabatan.currentData() == JenisJabatan.FUNGSIONAL.value
        self.jenjang.setEnabled(fungsional)
        if not fungsional:
            self.jenjang.setCurrentIndex(0)

    def _nip_selesai(self) -> None:
        """A valid NIP fills in the birth date and gender it encodes (the user may change
        them; a disagreement is then reported on save)."""
        status = StatusPegawai(self.status.currentData() or "PNS")
        try:
            _nip, info = nip_mod.validate_nomor_induk(self.nip.text(), status)
        except ValidationError as exc:
            if self.nip.text().strip():
                self.form.set_error("nip", exc.pesan)
            return
        self.form.set_error("nip", "")
        if self.pegawai is None:
            self.tanggal_lahir.setDate(qdate(info.tanggal_lahir))
            self.jenis_kelamin.setCurrentIndex(
                self.jenis_kelamin.findData(info.jenis_kelamin.value)
            )
        self.nip.setText(nip_mod.format_nip(_nip))

    def _isi(self, p: svc.PegawaiRow) -> None:
        self.nip.setText(p.nip_tampil)
        self.nama.setText(p.nama)
        self.gelar_depan.setText(p.gelar_depan or "")
        self.gelar_belakang.setText(p.gelar_belakang or "")
        self.tanggal_lahir.setDate(qdate(p.tanggal_lahir))
        self.jenis_kelamin.setCurrentIndex(max(self.jenis_kelamin.findData(p.jenis_kelamin), 0))
        self.status.setCurrentIndex(max(self.status.findData(p.status), 0))
        self._isi_golongan()
        self.golongan.setCurrentIndex(max(self.golongan.findData(p.golongan), 0))
        self.jabatan.setText(p.jabatan)
        self.jenis_jabatan.setCurrentIndex(max(self.jenis_jabatan.findData(p.jenis_jabatan), 0))
        self.jenjang.setCurrentIndex(max(self.jenjang.findData(p.jenjang), 0))
        i = self.unit.findData(p.unit_kerja_id)
        if i < 0:  # an inactive unit: show it so saving does not move the pegawai silently
            self.unit.addItem(f"{p.unit_kerja} (nonaktif)", p.unit_kerja_id)
            i = self.unit.count() - 1
        self.unit.setCurrentIndex(i)
        self.kepala_unit.setChecked(p.kepala_unit)
        self.pimpinan_unit_mandiri.setChecked(p.pimpinan_unit_mandiri)
        self.bebas_tugas.setChecked(p.bebas_tugas)
        if p.bebas_tugas:
            self.alasan_bebas.setCurrentText(p.kedudukan_hukum or "")

    def data_input(self) -> svc.PegawaiInput:
        return svc.PegawaiInput(
            nip=self.nip.text(),
            nama=self.nama.text(),
            status=self.status.currentData(),
            golongan=self.golongan.currentData() or "",
            jabatan=self.jabatan.text(),
            jenis_jabatan=self.jenis_jabatan.currentData(),
            unit_kerja_id=self.unit.currentData(),
            gelar_depan=self.gelar_depan.text(),
            gelar_belakang=self.gelar_belakang.text(),
            tanggal_lahir=pydate(self.tanggal_lahir.date()),
            jenis_kelamin=self.jenis_kelamin.currentData(),
            jenjang=self.jenjang.currentData(),
            kepala_unit=self.kepala_unit.isChecked(),
            pimpinan_unit_mandiri=self.pimpinan_unit_mandiri.isChecked(),
            bebas_tugas=self.bebas_tugas.isChecked(),
            alasan_bebas_tugas=(
                self.alasan_bebas.currentText() if self.bebas_tugas.isChecked() else None
            ),
        )

    def _tampilkan_galat(self, galat: list[ValidationError]) -> None:
        for g in galat:
            key = svc.FIELD_DARI_LABEL.get(g.kolom or "", "nip")
            if not self.form.error(key):
                self.form.set_error(key, g.pesan)
        w = self.form.first_error_widget()
        if w is not None:
            w.setFocus()

    def simpan(self) -> None:
        self.form.clear_errors()
        data = self.data_input()
        _bersih, galat = svc.normalisasi(data.raw())
        if data.unit_kerja_id is None:
            galat.append(ValidationError("Unit kerja wajib dipilih.", "Unit Kerja"))
        if galat:
            self._tampilkan_galat(galat)
            return

        def di_form(exc: Exception) -> bool:  # a wrong field is marked beside it
            if isinstance(exc, ValidationError) and exc.kolom in svc.FIELD_DARI_LABEL:
                self._tampilkan_galat([exc])
                return True
            return False

        if self.pegawai is None:
            atasan = self.atasan_baru.pegawai
            hasil = jalankan(
                self,
                self.ctx,
                svc.tambah_pegawai,
                data,
                atasan.id if atasan else None,
                pydate(self.mulai_atasan.date()),
                tangani=di_form,
                keterangan="Tambah pegawai",
            )
        else:
            hasil = jalankan(
                self,
                self.ctx,
                svc.ubah_pegawai,
                self.pegawai.id,
                data,
                self.pegawai.versi,
                tangani=di_form,
                keterangan="Ubah data pegawai",
            )
        if hasil is GAGAL:
            return
        self.hasil = hasil
        self.accept()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, (self.nama if self.pegawai else self.nip).setFocus)
