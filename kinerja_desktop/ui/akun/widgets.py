"""Small widgets shared by the account dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.zona_waktu import ZonaWaktu, zona_komputer
from kinerja_desktop.services.pengaturan import IdentitasKantor, periksa_emblem
from kinerja_desktop.ui.aksi import GAGAL, coba, pesan_di


def label_pesan() -> QLabel:
    """A red message line under a form (empty until there is something to say)."""
    label = QLabel("")
    label.setObjectName("pesan")
    label.setWordWrap(True)
    label.setStyleSheet("QLabel#pesan { color: #b00020; }")
    label.setMinimumHeight(20)
    return label


def kolom_sandi(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumWidth(260)
    return edit


class IdentitasKantorForm(QWidget):
    """Instansi, place name for signature lines, time zone, optional emblem (PNG/JPEG)."""

    def __init__(self, awal: IdentitasKantor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.emblem: bytes | None = awal.emblem if awal else None
        self.hapus_emblem = False
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(14)
        self.instansi = QLineEdit(awal.instansi if awal else "")
        self.instansi.setPlaceholderText("mis. PEMERINTAH KABUPATEN TEBO")
        self.instansi.setMinimumWidth(320)
        self.tempat = QLineEdit(awal.tempat if awal else "")
        self.tempat.setPlaceholderText("mis. Muara Tebo (untuk baris tanggal tanda tangan)")
        form.addRow("Nama instansi:", self.instansi)
        form.addRow("Tempat:", self.tempat)
        # the office's zone dates every form and deadline; first start offers the computer's
        self.zona = QComboBox()
        for z in ZonaWaktu:
            self.zona.addItem(z.label, z)
        self.zona.setToolTip("Tanggal pada formulir dan batas waktu mengikuti zona waktu kantor.")
        self.zona.setCurrentIndex(list(ZonaWaktu).index(awal.zona if awal else zona_komputer()))
        form.addRow("Zona waktu:", self.zona)

        baris = QHBoxLayout()
        self.pratinjau = QLabel("(tanpa lambang)")
        self.pratinjau.setFixedSize(72, 72)
        self.pratinjau.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pratinjau.setStyleSheet("border: 1px solid #c8c8c8; color: #777; font-size: 8pt;")
        tombol = QVBoxLayout()
        self.pilih = QPushButton("Pilih gambar…")
        self.pilih.clicked.connect(self._pilih)
        self.hapus = QPushButton("Hapus lambang")
        self.hapus.clicked.connect(self._hapus)
        tombol.addWidget(self.pilih)
        tombol.addWidget(self.hapus)
        tombol.addStretch(1)
        baris.addWidget(self.pratinjau)
        baris.addSpacing(8)
        baris.addLayout(tombol)
        baris.addStretch(1)
        form.addRow("Lambang (opsional):", baris)
        self.pesan = label_pesan()
        form.addRow(self.pesan)
        self._tampilkan()

    @property
    def zona_terpilih(self) -> ZonaWaktu:
        return ZonaWaktu(self.zona.currentData())

    def _tampilkan(self) -> None:
        pix = QPixmap()
        if self.emblem and pix.loadFromData(self.emblem):
            self.pratinjau.setPixmap(
                pix.scaled(
                    68,
                    68,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.pratinjau.clear()
            self.pratinjau.setText("(tanpa\nlambang)")
        self.hapus.setEnabled(bool(self.emblem))

    def _pilih(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Pilih gambar lambang", "", "Gambar (*.png *.jpg *.jpeg)"
        )
        if path:
            self.muat_emblem(Path(path))

    def muat_emblem(self, path: Path) -> bool:

        def di_pesan(exc: Exception) -> bool:
            if isinstance(exc, OSError):
                self.pesan.setText(f"Gambar tidak dapat dibaca: {exc.strerror or exc}")
                return True
            return pesan_di(self.pesan)(exc)

        data = coba(self, lambda: periksa_emblem(path.read_bytes()), tangani=di_pesan)
        if data is GAGAL:
            return False
        self.emblem, self.hapus_emblem = data, False
        self.pesan.setText("")
        self._tampilkan()
        return True

    def _hapus(self) -> None:
        self.emblem, self.hapus_emblem = None, True
        self._tampilkan()
