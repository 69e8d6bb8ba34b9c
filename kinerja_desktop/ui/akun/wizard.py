"""First start on a database without accounts: the administrator and the office identity."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from kinerja_desktop.db.database import Database
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.peran import SISTEM, Actor
from kinerja_desktop.services import akun as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.uow import run
from kinerja_desktop.ui.aksi import GAGAL, coba, jalankan, pesan_di
from kinerja_desktop.ui.akun.pemulihan import KunciPemulihanWidget
from kinerja_desktop.ui.akun.widgets import IdentitasKantorForm, kolom_sandi, label_pesan


class _HalamanAdmin(QWizardPage):
    def __init__(self, pilihan: list[svc.PilihanPegawai]) -> None:
        super().__init__()
        self.setTitle("Akun administrator")
        self.setSubTitle(
            "Administrator (operator kepegawaian) mengelola data pegawai, periode, dan akun "
            "pengguna. Simpan kata sandinya baik-baik."
        )
        form = QFormLayout(self)
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(14)
        self.nama = QLineEdit("admin")
        self.nama.setMinimumWidth(260)
        self.sandi = kolom_sandi("minimal 8 karakter, huruf dan angka")
        self.ulangi = kolom_sandi("ketik ulang kata sandi")
        self.pegawai = QComboBox()
        self.pegawai.addItem("(tidak dikaitkan dengan pegawai)", None)
        for p in pilihan:
            self.pegawai.addItem(p.label, p.id)
        self.pegawai.setEnabled(bool(pilihan))
        form.addRow("Nama pengguna:", self.nama)
        form.addRow("Kata sandi:", self.sandi)
        form.addRow("Ulangi kata sandi:", self.ulangi)
        form.addRow("Pegawai (opsional):", self.pegawai)
        self.pesan = label_pesan()
        form.addRow(self.pesan)

    def validatePage(self) -> bool:

        def periksa() -> None:
            nama = svc.periksa_nama_pengguna(self.nama.text())
            if self.sandi.text() != self.ulangi.text():
                raise DomainError("Kedua kata sandi tidak sama. Ketik ulang.")
            svc.periksa_kekuatan(self.sandi.text(), nama)

        if coba(self, periksa, tangani=pesan_di(self.pesan)) is GAGAL:
            return False
        self.pesan.setText("")
        return True


class _HalamanKantor(QWizardPage):
    def __init__(self, wizard: WizardPertama) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Identitas kantor")
        self.setSubTitle(
            "Dicetak pada kepala formulir dan baris tanda tangan. Dapat diubah kemudian di "
            "menu Akun Pengguna."
        )
        layout = QVBoxLayout(self)
        self.form = IdentitasKantorForm()
        layout.addWidget(self.form)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        return self._wizard._simpan()


class _HalamanPemulihan(QWizardPage):
    """After the office is made: the database is encrypted and its recovery key shown once."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Kunci pemulihan")
        self.setSubTitle("Satu-satunya jalan membuka data bila semua kata sandi terlupa.")
        layout = QVBoxLayout(self)
        self.isi = KunciPemulihanWidget()
        layout.addWidget(self.isi)
        self.isi.sudah.toggled.connect(lambda _b: self.completeChanged.emit())

    def isComplete(self) -> bool:
        return self.isi.sudah.isChecked()


class WizardPertama(QWizard):
    """Creates the administrator account; ``actor`` holds it after ``accept``.

    ``enkripsi``: a SQLite file is encrypted once the administrator exists (his password
    wraps the office key) and the last page shows the recovery key; ``db`` is then the
    reopened, encrypted database."""

    def __init__(self, db: Database, parent: QWidget | None = None, enkripsi: bool = False) -> None:
        super().__init__(parent)
        self.db = db
        self.actor: Actor | None = None
        self.enkripsi = enkripsi and db.path is not None
        self.kunci_pemulihan: str | None = None
        self.setWindowTitle("Kinerja Desktop — mulai")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, "Lanjut >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< Kembali")
        self.setButtonText(QWizard.WizardButton.FinishButton, "Selesai")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Batal")
        self.setMinimumSize(620, 440)
        pilihan = run(db.session_factory, SISTEM, svc.pegawai_tanpa_akun)
        self.admin = _HalamanAdmin(pilihan)
        self.kantor = _HalamanKantor(self)
        intro = QWizardPage()
        intro.setTitle("Selamat datang")
        lay = QVBoxLayout(intro)
        teks = QLabel(
            "Basis data ini belum memiliki akun pengguna.<br><br>"
            "Langkah singkat ini membuat <b>akun administrator</b> dan mengisi <b>identitas "
            f"kantor</b>.<br><br>Basis data: {db.label}"
        )
        teks.setWordWrap(True)
        lay.addWidget(teks)
        lay.addStretch(1)
        self.addPage(intro)
        self.addPage(self.admin)
        self.addPage(self.kantor)
        self.pemulihan = _HalamanPemulihan()
        if self.enkripsi:
            self.addPage(self.pemulihan)

    def _simpan(self) -> bool:
        f = self.kantor.form
        if self.actor is not None:  # back and Next again: the office exists already
            return self._enkripsi(f) if self.enkripsi and self.kunci_pemulihan is None else True
        actor = jalankan(
            self, AppContext(self.db, SISTEM), svc.buat_admin_pertama,
            self.admin.nama.text(), self.admin.sandi.text(), self.admin.ulangi.text(),
            tangani=pesan_di(f.pesan),
            instansi=f.instansi.text(), tempat=f.tempat.text(), emblem=f.emblem,
            pegawai_id=self.admin.pegawai.currentData(), zona=f.zona_terpilih,
            keterangan="Penyiapan awal: akun administrator dan identitas kantor",
        )  # fmt: skip
        if actor is GAGAL:
            return False
        self.actor = actor
        if self.enkripsi and self.kunci_pemulihan is None:
            return self._enkripsi(f)
        return True

    def _enkripsi(self, f: IdentitasKantorForm) -> bool:
        from kinerja_desktop.services.kunci import enkripsi_sekarang

        hasil = coba(
            self,
            enkripsi_sekarang,
            self.db,
            self.admin.nama.text().strip().lower(),
            self.admin.sandi.text(),
            tangani=pesan_di(f.pesan),
        )
        if hasil is GAGAL:
            return False
        self.db, self.kunci_pemulihan = hasil
        self.pemulihan.isi.atur(self.kunci_pemulihan)
        return True
