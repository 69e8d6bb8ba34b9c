"""Login dialog and the idle lock screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop import APP_NAME
from kinerja_desktop.config import sqlite_path
from kinerja_desktop.db.base import utcnow
from kinerja_desktop.db.database import Database
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services import akun as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.pengaturan import identitas_kantor
from kinerja_desktop.ui.aksi import GAGAL, baca_atau, coba, jalankan, pesan_di
from kinerja_desktop.ui.akun.widgets import kolom_sandi, label_pesan

# Whoever sits at the keyboard before logging in (written to the audit log on failures).
TAMU = Actor(nama="(belum masuk)")

# Longest the button is held back in the dialog; a 15-minute lock is told, not waited for.
TAHAN_MAKS_DETIK = 10


class _Dasar(QDialog):
    def __init__(
        self, db: Database | None, parent: QWidget | None, jam: Callable[[], datetime]
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.jam = jam
        self.actor: Actor | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._lepas)

    def _tahan(self, tombol: QPushButton, detik: int) -> None:
        if detik <= 0:
            return
        tombol.setEnabled(False)
        self._timer.start(min(detik, TAHAN_MAKS_DETIK) * 1000)

    def _lepas(self) -> None:
        self.tombol_masuk.setEnabled(True)

    tombol_masuk: QPushButton


class LoginDialog(_Dasar):
    """``db`` None: an encrypted file not open yet (``url``); the password opens it first
    (services/kunci.buka_dengan_sandi), then signs in. ``db`` holds it after ``accept``."""

    def __init__(
        self,
        db: Database | None,
        parent: QWidget | None = None,
        nama_awal: str = "",
        jam: Callable[[], datetime] = utcnow,
        url: str | None = None,
    ) -> None:
        super().__init__(db, parent, jam)
        self.url = url or (db.url if db is not None else "")
        self.setWindowTitle(f"Masuk — {APP_NAME}")
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        ident = (
            baca_atau(AppContext(db, TAMU), None, lambda s, _a: identitas_kantor(s))
            if db is not None
            else None
        )
        judul = QLabel(APP_NAME)
        font = QFont(judul.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        judul.setFont(font)
        layout.addWidget(judul)
        label = db.label if db is not None else str(sqlite_path(self.url) or self.url)
        if db is None:
            label = f"Basis data terenkripsi: {label}"
        sub = QLabel(ident.instansi if ident and ident.instansi else label)
        sub.setWordWrap(True)
        sub.setStyleSheet("color: #555;")
        layout.addWidget(sub)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.setHorizontalSpacing(14)
        self.nama = QLineEdit(nama_awal)
        self.nama.setMinimumWidth(240)
        self.sandi = kolom_sandi()
        form.addRow("Nama pengguna:", self.nama)
        form.addRow("Kata sandi:", self.sandi)
        layout.addLayout(form)
        self.pesan = label_pesan()
        layout.addWidget(self.pesan)
        tombol = QDialogButtonBox()
        self.tombol_masuk = tombol.addButton("Masuk", QDialogButtonBox.ButtonRole.AcceptRole)
        self.tombol_masuk.setDefault(True)
        batal = tombol.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        self.tombol_lupa = None
        if db is None:
            self.tombol_lupa = tombol.addButton(
                "Lupa kata sandi…", QDialogButtonBox.ButtonRole.ResetRole
            )
            self.tombol_lupa.clicked.connect(self.lupa_sandi)
        self.tombol_masuk.clicked.connect(self.coba_masuk)
        batal.clicked.connect(self.reject)
        layout.addWidget(tombol)
        (self.sandi if nama_awal else self.nama).setFocus()

    def lupa_sandi(self) -> None:
        from kinerja_desktop.ui.akun.pemulihan import PemulihanDialog

        dialog = PemulihanDialog(self.url, self, self.nama.text())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.nama.setText(dialog.nama.text().strip().lower())
            self.sandi.clear()
            self.pesan.setText("Kata sandi baru disimpan. Masuk dengan kata sandi baru.")
            self.sandi.setFocus()

    def reject(self) -> None:
        if self.db is not None and self._dibuka_di_sini:
            self.db.close()
            self.db = None
        super().reject()

    _dibuka_di_sini = False
    sandi_terakhir = ""

    def _buka(self) -> bool:
        """Open the encrypted file with the typed password (the slot), once."""
        from kinerja_desktop.services.kunci import buka_dengan_sandi

        if self.db is not None:
            return True
        db = coba(
            self,
            buka_dengan_sandi,
            self.url,
            self.nama.text(),
            self.sandi.text(),
            tangani=pesan_di(self.pesan),
        )
        if db is GAGAL:
            self.sandi.clear()
            self.sandi.setFocus()
            return False
        self.db = db
        self._dibuka_di_sini = True
        return True

    def coba_masuk(self) -> None:
        if not self.tombol_masuk.isEnabled():
            return
        if not self._buka():
            return
        assert self.db is not None
        hasil = jalankan(
            self,
            AppContext(self.db, TAMU),
            svc.masuk,
            self.nama.text(),
            self.sandi.text(),
            self.jam,
            tangani=pesan_di(self.pesan),  # e.g. a read-only or locked database
        )
        if hasil is GAGAL:
            return
        if hasil.berhasil:
            self.actor = hasil.actor
            # kept only for converting a plain file at this sign-in (app.masuk_ke)
            self.sandi_terakhir = self.sandi.text()
            self.accept()
            return
        self.pesan.setText(hasil.pesan)
        self.sandi.clear()
        self.sandi.setFocus()
        self._tahan(self.tombol_masuk, hasil.tunggu_detik)


class LayarKunci(_Dasar):
    """The session is locked after being idle: the same user's password, or switch user."""

    GANTI_PENGGUNA = 2

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        jam: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__(db, parent, jam)
        self.actor = actor
        self.pemilik = actor  # the locked session's user; ``actor`` is optional in the base
        self.setWindowTitle(f"Sesi terkunci — {APP_NAME}")
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        info = QLabel(
            f"Sesi <b>{actor.nama}</b> dikunci karena tidak ada aktivitas. Masukkan kata sandi "
            "untuk melanjutkan, atau ganti pengguna."
        )
        info.setWordWrap(True)
        layout.addWidget(info)
        form = QFormLayout()
        self.sandi = kolom_sandi()
        form.addRow("Kata sandi:", self.sandi)
        layout.addLayout(form)
        self.pesan = label_pesan()
        layout.addWidget(self.pesan)
        tombol = QDialogButtonBox()
        self.tombol_masuk = tombol.addButton("Buka", QDialogButtonBox.ButtonRole.AcceptRole)
        self.tombol_masuk.setDefault(True)
        ganti = tombol.addButton("Ganti pengguna", QDialogButtonBox.ButtonRole.ResetRole)
        self.tombol_masuk.clicked.connect(self.coba_buka)
        ganti.clicked.connect(lambda: self.done(self.GANTI_PENGGUNA))
        layout.addWidget(tombol)
        self.sandi.setFocus()

    def reject(self) -> None:
        """Escape does not unlock."""

    def coba_buka(self) -> None:
        if not self.tombol_masuk.isEnabled():
            return
        assert self.db is not None  # the locked session's database is open
        hasil = jalankan(
            self,
            AppContext(self.db, self.pemilik),
            svc.buka_layar_kunci,
            self.sandi.text(),
            self.jam,
            tangani=pesan_di(self.pesan),
        )
        if hasil is GAGAL:
            return
        if hasil.berhasil:
            self.accept()
            return
        self.pesan.setText(hasil.pesan)
        self.sandi.clear()
        self._tahan(self.tombol_masuk, hasil.tunggu_detik)
