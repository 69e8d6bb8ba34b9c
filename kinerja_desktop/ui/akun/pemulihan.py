"""The recovery key: shown once to print and keep, and used when a password is forgotten."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.ui.aksi import GAGAL, coba, pesan_di
from kinerja_desktop.ui.akun.widgets import kolom_sandi, label_pesan

PENJELASAN = (
    "Basis data dan berkas bukti dukung kantor ini <b>terenkripsi</b>. Setiap akun membukanya "
    "dengan kata sandinya sendiri. Bila semua kata sandi administrator terlupa, hanya "
    "<b>kunci pemulihan</b> di bawah ini yang dapat membukanya.<br><br>"
    "Cetak atau tulis kunci ini, lalu simpan di tempat terkunci (mis. lemari arsip kepala "
    "kantor). Kunci ini <b>hanya ditampilkan sekali</b> dan tidak dapat dilihat lagi."
)


def label_kunci(kunci: str) -> QLabel:
    """The key in large monospace letters, in groups of four, selectable for copying."""
    label = QLabel(kunci)
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), 10) * 1.5)
    font.setWeight(QFont.Weight.Bold)
    label.setFont(font)
    label.setStyleSheet("padding: 12px; border: 1px solid #888; background: #fffbe6;")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class KunciPemulihanWidget(QWidget):
    """The explanation, the key, a print button and "I have kept it"."""

    def __init__(self, kunci: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        teks = QLabel(PENJELASAN)
        teks.setWordWrap(True)
        layout.addWidget(teks)
        self.kunci = label_kunci(kunci)
        layout.addWidget(self.kunci)
        self.cetak = QPushButton("Cetak kunci pemulihan…")
        self.cetak.clicked.connect(self._cetak)
        layout.addWidget(self.cetak)
        self.sudah = QCheckBox("Saya sudah mencetak atau mencatat kunci pemulihan ini.")
        layout.addWidget(self.sudah)
        layout.addStretch(1)

    def atur(self, kunci: str) -> None:
        self.kunci.setText(kunci)

    def _cetak(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        doc = QTextDocument()
        doc.setHtml(
            "<h2>Kunci pemulihan Kinerja Desktop</h2>"
            f"<p style='font-size:20pt; font-family:monospace'><b>{self.kunci.text()}</b></p>"
            "<p>Simpan di tempat terkunci. Dengan kunci ini basis data kantor dapat dibuka dan "
            "kata sandi akun diatur ulang.</p>"
        )
        doc.print_(printer)


class KunciPemulihanDialog(QDialog):
    """Shown once after a plain database was encrypted (the administrator's first sign-in)."""

    def __init__(self, kunci: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Kunci pemulihan — simpan baik-baik")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.isi = KunciPemulihanWidget(kunci)
        layout.addWidget(self.isi)
        tombol = QDialogButtonBox()
        self.lanjut = tombol.addButton("Lanjut", QDialogButtonBox.ButtonRole.AcceptRole)
        self.lanjut.setEnabled(False)
        self.isi.sudah.toggled.connect(self.lanjut.setEnabled)
        self.lanjut.clicked.connect(self.accept)
        layout.addWidget(tombol)

    def reject(self) -> None:
        """Not dismissed before the key is kept."""
        if self.isi.sudah.isChecked():
            super().reject()


class PemulihanDialog(QDialog):
    """ "Lupa kata sandi": the recovery key sets a new password for an account."""

    def __init__(self, url: str, parent: QWidget | None = None, nama: str = "") -> None:
        super().__init__(parent)
        self.url = url
        self.setWindowTitle("Atur ulang kata sandi dengan kunci pemulihan")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        info = QLabel(
            "Ketik kunci pemulihan yang dicetak saat basis data ini dibuat (huruf besar atau "
            "kecil, dengan atau tanpa tanda hubung), lalu kata sandi baru untuk akun itu."
        )
        info.setWordWrap(True)
        layout.addWidget(info)
        form = QFormLayout()
        self.kunci = QLineEdit()
        self.kunci.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.nama = QLineEdit(nama)
        self.sandi = kolom_sandi("minimal 8 karakter, huruf dan angka")
        self.ulangi = kolom_sandi("ketik ulang kata sandi")
        form.addRow("Kunci pemulihan:", self.kunci)
        form.addRow("Nama pengguna:", self.nama)
        form.addRow("Kata sandi baru:", self.sandi)
        form.addRow("Ulangi kata sandi:", self.ulangi)
        layout.addLayout(form)
        self.pesan = label_pesan()
        layout.addWidget(self.pesan)
        tombol = QDialogButtonBox()
        simpan = tombol.addButton("Simpan kata sandi", QDialogButtonBox.ButtonRole.AcceptRole)
        batal = tombol.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        simpan.clicked.connect(self.simpan)
        batal.clicked.connect(self.reject)
        layout.addWidget(tombol)

    def simpan(self) -> None:
        from kinerja_desktop.services.kunci import pulihkan_sandi

        def kerja() -> None:
            if self.sandi.text() != self.ulangi.text():
                raise DomainError("Kedua kata sandi tidak sama. Ketik ulang.")
            pulihkan_sandi(self.url, self.kunci.text(), self.nama.text(), self.sandi.text())

        if coba(self, kerja, tangani=pesan_di(self.pesan)) is not GAGAL:
            self.accept()
