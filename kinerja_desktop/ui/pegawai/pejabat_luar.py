"""Pejabat luar kantor: the operator's list of outside pejabat penilai / atasan (Sekda, Bupati,
a Kepala Dinas of another instansi), with the form to add or correct one."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.enums import StatusPegawai
from kinerja_desktop.domain.errors import ConflictError, ValidationError
from kinerja_desktop.domain.golongan import golongan_choices
from kinerja_desktop.services import pejabat_luar as luar
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.common.form import FormGrid, label_keterangan

# ValidationError.kolom -> form key
_KUNCI = {
    "Nama": "nama",
    "Jabatan": "jabatan",
    "Instansi": "instansi",
    "NIP": "nip",
    "Gelar Depan": "gelar_depan",
    "Gelar Belakang": "gelar_belakang",
    "Unit Kerja": "unit_kerja",
    "Golongan": "golongan",
    "Pangkat/Golongan": "golongan",
}


class PejabatLuarFormDialog(QDialog):
    """Add (``pejabat is None``) or correct an outside official. One transaction."""

    def __init__(
        self, ctx: AppContext, pejabat: luar.PejabatLuarRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.pejabat = ctx, pejabat
        self.hasil: luar.PejabatLuarRow | None = None
        self.setWindowTitle("Ubah pejabat luar kantor" if pejabat else "Tambah pejabat luar kantor")
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        self.form = FormGrid(1)
        self.isian: dict[str, QLineEdit] = {}
        for kunci, label, contoh in (
            ("gelar_depan", "Gelar depan", "mis. Dr. H."),
            ("nama", "Nama *", "nama tanpa gelar"),
            ("gelar_belakang", "Gelar belakang", "mis. S.E., M.M."),
            ("nip", "NIP", "kosongkan bila bukan ASN (mis. Bupati)"),
            ("jabatan", "Jabatan *", "mis. Sekretaris Daerah"),
            ("unit_kerja", "Unit kerja", "mis. Sekretariat Daerah (boleh kosong)"),
            ("instansi", "Instansi *", "mis. Pemerintah Kabupaten Tebo"),
        ):
            edit = QLineEdit()
            edit.setPlaceholderText(contoh)
            self.isian[kunci] = edit
            self.form.add(kunci, label, edit)
        self.golongan = QComboBox()
        self.golongan.addItem("— tidak diisi —", "")
        for kode, label in golongan_choices(StatusPegawai.PNS):
            self.golongan.addItem(label, kode)
        self.form.add("golongan", "Pangkat/golongan", self.golongan)
        lay.addWidget(self.form)
        catatan = label_keterangan(
            "Pejabat luar kantor tidak masuk daftar pegawai kantor ini, tidak memiliki SKP dan "
            "tidak dapat masuk ke aplikasi. Pada formulir dicetak INSTANSI-nya, dan NIP hanya "
            "bila diisi."
        )
        catatan.setWordWrap(True)
        lay.addWidget(catatan)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        box.accepted.connect(self.simpan)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        if pejabat is not None:
            self._isi(pejabat)

    def _isi(self, p: luar.PejabatLuarRow) -> None:
        for kunci, nilai in (
            ("gelar_depan", p.gelar_depan),
            ("nama", p.nama),
            ("gelar_belakang", p.gelar_belakang),
            ("nip", p.nip),
            ("jabatan", p.jabatan),
            ("unit_kerja", p.unit_kerja),
            ("instansi", p.instansi),
        ):
            self.isian[kunci].setText(nilai or "")
        self.golongan.setCurrentIndex(max(0, self.golongan.findData(p.golongan)))

    def data_input(self) -> luar.PejabatLuarInput:
        t = {k: e.text().strip() for k, e in self.isian.items()}
        return luar.PejabatLuarInput(
            nama=t["nama"],
            jabatan=t["jabatan"],
            instansi=t["instansi"],
            nip=t["nip"] or None,
            gelar_depan=t["gelar_depan"] or None,
            gelar_belakang=t["gelar_belakang"] or None,
            golongan=self.golongan.currentData() or None,
            unit_kerja=t["unit_kerja"] or None,
        )

    def simpan(self) -> None:
        self.form.clear_errors()

        def di_form(exc: Exception) -> bool:  # a wrong field is marked beside it
            if isinstance(exc, ValidationError) and exc.kolom in _KUNCI:
                self.form.set_error(_KUNCI[exc.kolom], exc.pesan)
                return True
            if isinstance(exc, ConflictError) and "NIP" in str(exc):
                self.form.set_error("nip", str(exc))
                return True
            return False

        if self.pejabat is None:
            hasil = jalankan(
                self,
                self.ctx,
                luar.tambah_pejabat_luar,
                self.data_input(),
                tangani=di_form,
                keterangan="Tambah pejabat luar kantor",
            )
        else:
            hasil = jalankan(
                self,
                self.ctx,
                luar.ubah_pejabat_luar,
                self.pejabat.id,
                self.data_input(),
                self.pejabat.versi,
                tangani=di_form,
                keterangan="Ubah pejabat luar kantor",
            )
        if hasil is GAGAL:
            return
        self.hasil = hasil
        self.accept()


class PejabatLuarDialog(QDialog):
    """The list of outside officials (Pegawai view → "Pejabat luar kantor…")."""

    KOLOM = ["Nama", "NIP", "Jabatan", "Unit kerja", "Instansi", "Status"]

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.daftar: list[luar.PejabatLuarRow] = []
        self.setWindowTitle("Pejabat luar kantor")
        self.resize(1000, 460)
        lay = QVBoxLayout(self)
        info = QLabel(
            "Pejabat penilai atau atasan pejabat penilai yang tidak ada di daftar pegawai kantor "
            "ini atau bukan ASN (Bupati, Wali Kota, Sekretaris Daerah, Kepala Dinas instansi "
            "lain). Pilih mereka di \u201cTetapkan atasan langsung\u201d seorang pegawai."
        )
        info.setWordWrap(True)
        lay.addWidget(info)
        self.tabel = QTableWidget(0, len(self.KOLOM))
        self.tabel.setHorizontalHeaderLabels(self.KOLOM)
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.tabel.doubleClicked.connect(lambda _i: self.ubah())
        self.tabel.itemSelectionChanged.connect(self._perbarui_tombol)
        lay.addWidget(self.tabel, 1)
        tombol = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.btn_tambah = QPushButton("Tambah…")
        self.btn_ubah = QPushButton("Ubah…")
        self.btn_aktif = QPushButton("Nonaktifkan")
        for b, slot in (
            (self.btn_tambah, self.tambah),
            (self.btn_ubah, self.ubah),
            (self.btn_aktif, self.ubah_aktif),
        ):
            b.clicked.connect(slot)
            tombol.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        tombol.rejected.connect(self.reject)
        lay.addWidget(tombol)
        self.muat()

    def muat(self) -> None:
        hasil = jalankan(self, self.ctx, luar.daftar_pejabat_luar)
        self.daftar = [] if hasil is GAGAL else hasil
        self.tabel.setRowCount(len(self.daftar))
        for i, p in enumerate(self.daftar):
            nilai = (
                p.nama_lengkap,
                p.nip_tampil,
                p.jabatan,
                p.unit_kerja,
                p.instansi,
                "Aktif" if p.aktif else "Nonaktif",
            )
            for c, teks in enumerate(nilai):
                self.tabel.setItem(i, c, QTableWidgetItem(teks))
        self.tabel.resizeColumnsToContents()
        self._perbarui_tombol()

    def terpilih(self) -> luar.PejabatLuarRow | None:
        baris = self.tabel.currentRow()
        return self.daftar[baris] if 0 <= baris < len(self.daftar) else None

    def _perbarui_tombol(self) -> None:
        p = self.terpilih()
        self.btn_ubah.setEnabled(p is not None)
        self.btn_aktif.setEnabled(p is not None)
        self.btn_aktif.setText("Aktifkan" if p is not None and not p.aktif else "Nonaktifkan")

    def tambah(self) -> None:
        if PejabatLuarFormDialog(self.ctx, None, self).exec() == QDialog.DialogCode.Accepted:
            self.muat()

    def ubah(self) -> None:
        p = self.terpilih()
        if p is not None and PejabatLuarFormDialog(self.ctx, p, self).exec():
            self.muat()

    def ubah_aktif(self) -> None:
        p = self.terpilih()
        if p is None:
            return
        hasil = jalankan(
            self,
            self.ctx,
            luar.atur_aktif_pejabat_luar,
            p.id,
            not p.aktif,
            keterangan="Aktifkan pejabat luar kantor"
            if not p.aktif
            else "Nonaktifkan pejabat luar",
        )
        if hasil is not GAGAL:
            self.muat()
