"""Berkas → Cadangkan ke… / Pulihkan dari…, with progress, and the silent daily backup."""

from __future__ import annotations

import functools
import html
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.db.database import Database, backup_folder
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.exchange import cadangan as c
from kinerja_desktop.ui.aksi import GAGAL, coba
from kinerja_desktop.ui.errors import tampilkan_error
from kinerja_desktop.ui.tasks import BackgroundTask, run_with_progress

log = logging.getLogger(__name__)

SARING = "Cadangan Kinerja Desktop (*.zip);;Semua berkas (*)"


def _hanya_sqlite(parent: QWidget, db: Database) -> Path | None:

    def sebagai_info(exc: Exception) -> bool:  # not a failure: backups are for SQLite only
        if isinstance(exc, DomainError):
            QMessageBox.information(parent, "Hanya untuk SQLite", str(exc))
            return True
        return False

    path = coba(parent, c.hanya_sqlite, db.path, tangani=sebagai_info)
    return None if path is GAGAL else path


def nama_bawaan(db_path: Path) -> str:
    return f"{db_path.stem}-{datetime.now():%Y%m%d-%H%M}{c.EKSTENSI}"


def _file_dialog():
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog


def cadangkan_ke(parent: QWidget, db: Database, folder_awal: str = "") -> BackgroundTask | None:
    """Ask where, then write one backup file there with a progress dialog."""
    path = _hanya_sqlite(parent, db)
    if path is None:
        return None
    awal = Path(folder_awal or Path.home()) / nama_bawaan(path)
    tujuan, _ = _file_dialog().getSaveFileName(parent, "Cadangkan ke…", str(awal), SARING)
    if not tujuan:
        return None
    return _jalankan_cadangan(parent, path, db.folder_bukti, Path(tujuan), False)


def _jalankan_cadangan(
    parent: QWidget, path: Path, folder_bukti: Path, tujuan: Path, izinkan: bool
) -> BackgroundTask:
    tulis = functools.partial(c.buat_cadangan, izinkan_bukti_hilang=izinkan)
    task = run_with_progress(parent, "Mencadangkan data", tulis, path, folder_bukti, tujuan)

    def selesai(info: c.InfoCadangan) -> None:
        QMessageBox.information(
            parent,
            "Cadangan selesai",
            f"Cadangan disimpan di\n{info.path}\n\n"
            + "\n".join(f"{a}: {b}" for a, b in info.ringkasan()[3:]),
        )

    def gagal(exc: BaseException) -> None:
        if isinstance(exc, c.BuktiHilang) and tetap_cadangkan(parent, exc):
            _jalankan_cadangan(parent, path, folder_bukti, tujuan, True)
            return
        tampilkan_error(parent, exc, "Cadangan gagal")

    task.finished.connect(selesai)
    task.failed.connect(gagal)
    return task


def tetap_cadangkan(parent: QWidget, exc: c.BuktiHilang) -> bool:
    """Missing evidence: the count, and a choice that is never the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Bukti dukung tidak lengkap")
    box.setText(str(exc))
    box.setInformativeText(
        f"Cadangkan tanpa {exc.jumlah} berkas itu? Cadangan ini mencatat jumlah berkas yang "
        "hilang, tetapi berkasnya tidak dapat dipulihkan darinya."
    )
    tetap = box.addButton(
        f"Tetap cadangkan tanpa {exc.jumlah} berkas", QMessageBox.ButtonRole.AcceptRole
    )
    batal = box.addButton("Batal", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(batal)
    box.exec()
    return box.clickedButton() is tetap


def cadangan_ditolak(parent: QWidget, exc: BaseException) -> None:
    """A backup the restore refuses: why, and that nothing was changed."""
    if not isinstance(exc, c.CadanganRusak):
        tampilkan_error(parent, exc, "Cadangan tidak dapat dipakai")
        return
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Cadangan ditolak")
    box.setText(f"<b>Berkas cadangan ini tidak dipulihkan.</b><br><br>{html.escape(str(exc))}")
    box.setInformativeText(
        "Data sekarang tidak diubah sedikit pun. Pulihkan hanya dari berkas cadangan yang dibuat "
        "oleh Kinerja Desktop (menu Berkas → Cadangkan ke…, atau cadangan harian di folder "
        "cadangan), dan simpan berkas cadangan di tempat yang tidak dapat diubah orang lain."
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


class PulihkanDialog(QDialog):
    """Shows what a checked backup holds and asks before replacing the current data."""

    def __init__(self, info: c.InfoCadangan, target: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Pulihkan dari cadangan")
        self.setMinimumWidth(540)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(12)
        ok = QLabel(f"<b style='color:#1b7f3b'>✔ Berkas cadangan utuh.</b><br>{info.path.name}")
        ok.setWordWrap(True)
        layout.addWidget(ok)
        form = QFormLayout()
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(6)
        for label, nilai in info.ringkasan():
            form.addRow(f"{label}:", QLabel(f"<b>{nilai}</b>"))
        layout.addLayout(form)
        peringatan = QLabel(
            f"Data di <b>{target}</b> akan <b>diganti</b> dengan isi cadangan ini. Salinan data "
            "sekarang disimpan lebih dahulu secara otomatis di folder cadangan, sehingga dapat "
            "dikembalikan bila perlu. Setelah dipulihkan, Anda masuk kembali."
        )
        peringatan.setWordWrap(True)
        peringatan.setStyleSheet("background: #fff6e0; border: 1px solid #e8c66a; padding: 8px;")
        layout.addWidget(peringatan)
        box = QDialogButtonBox()
        self.tombol = box.addButton("Pulihkan", QDialogButtonBox.ButtonRole.AcceptRole)
        batal = box.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        batal.setDefault(True)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)


class KunciCadanganDialog(QDialog):
    """An encrypted backup whose office key is not open on this computer (a new laptop):
    the password of one of its accounts, or the office's recovery key, opens its key file."""

    def __init__(self, info: c.InfoCadangan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Buka cadangan terenkripsi")
        self.setMinimumWidth(500)
        layout = QVBoxLayout(self)
        teks = QLabel(
            f"Cadangan <b>{html.escape(info.path.name)}</b> (dibuat "
            f"{info.dibuat:%d-%m-%Y %H:%M}) terenkripsi. Masukkan nama pengguna dan kata sandi "
            "salah satu akun di dalam cadangan itu, <b>atau</b> kunci pemulihan kantor."
        )
        teks.setWordWrap(True)
        layout.addWidget(teks)
        form = QFormLayout()
        self.pengguna, self.sandi, self.pemulihan = QLineEdit(), QLineEdit(), QLineEdit()
        self.sandi.setEchoMode(QLineEdit.EchoMode.Password)
        self.pemulihan.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        form.addRow("Nama pengguna:", self.pengguna)
        form.addRow("Kata sandi:", self.sandi)
        form.addRow("atau Kunci pemulihan:", self.pemulihan)
        layout.addLayout(form)
        self.pesan = QLabel("")
        self.pesan.setStyleSheet("color: #b00020;")
        layout.addWidget(self.pesan)
        box = QDialogButtonBox()
        box.addButton("Lanjutkan", QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self._terima)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def _terima(self) -> None:
        if self.pemulihan.text().strip() or (self.pengguna.text().strip() and self.sandi.text()):
            self.accept()
        else:
            self.pesan.setText("Isi nama pengguna dan kata sandi, atau kunci pemulihan.")

    def pembuka(self) -> c.Pembuka:
        if self.pemulihan.text().strip():
            return c.pembuka_pemulihan(self.pemulihan.text())
        return c.pembuka_sandi(self.pengguna.text().strip(), self.sandi.text())


def tanya_pembuka(parent: QWidget | None, sumber: Path) -> tuple[bool, c.Pembuka | None]:
    """(go on, opener): a password or the recovery key asked only for an encrypted backup
    whose office key is not open here. (False, None): cancelled."""
    # an unreadable file goes on to the full check, which refuses it in its own dialog
    info = coba(parent, c.baca_info, sumber, tangani=lambda _exc: True)
    if info is GAGAL:
        return True, None
    assert isinstance(info, c.InfoCadangan)
    if not c.perlu_pembuka(info):
        return True, None
    dialog = KunciCadanganDialog(info, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False, None
    return True, dialog.pembuka()


class AlurPulihkan:
    """Choose → check (background) → confirm → close the database → restore (background) →
    ``selesai(path, berhasil)`` (the caller reopens the database and asks for a login)."""

    def __init__(
        self,
        parent: QWidget,
        db_path: Path,
        folder_bukti: Path,
        label: str,
        tutup_db: Callable[[], None],
        selesai: Callable[[Path, bool], None],
    ) -> None:
        self.parent, self.db_path, self.folder_bukti, self.label = (
            parent,
            db_path,
            folder_bukti,
            label,
        )
        self.tutup_db, self.selesai = tutup_db, selesai
        self.task: BackgroundTask | None = None
        self.hasil: c.HasilPulihkan | None = None
        self.pembuka: c.Pembuka | None = None

    def mulai(self) -> BackgroundTask | None:
        sumber, _ = _file_dialog().getOpenFileName(
            self.parent, "Pulihkan dari…", str(backup_folder(self.db_path)), SARING
        )
        if not sumber:
            return None
        lanjut, self.pembuka = tanya_pembuka(self.parent, Path(sumber))
        if not lanjut:
            return None
        self.task = run_with_progress(
            self.parent, "Memeriksa berkas cadangan", c.periksa_cadangan, Path(sumber), self.pembuka
        )
        self.task.finished.connect(self._konfirmasi)
        self.task.failed.connect(lambda exc: cadangan_ditolak(self.parent, exc))
        return self.task

    def _konfirmasi(self, info: c.InfoCadangan) -> None:
        if PulihkanDialog(info, self.label, self.parent).exec() != QDialog.DialogCode.Accepted:
            return
        self.tutup_db()
        self.task = run_with_progress(
            self.parent,
            "Memulihkan data",
            functools.partial(c.pulihkan, pembuka=self.pembuka),
            info.path,
            self.db_path,
            self.folder_bukti,
        )
        self.task.finished.connect(self._berhasil)
        self.task.failed.connect(self._gagal)

    def _berhasil(self, hasil: c.HasilPulihkan) -> None:
        self.hasil = hasil
        salinan = (
            f"\n\nData sebelumnya disimpan di:\n{hasil.cadangan_sebelumnya}"
            if hasil.cadangan_sebelumnya
            else ""
        )
        QMessageBox.information(
            self.parent,
            "Pemulihan selesai",
            f"Data dipulihkan dari cadangan tanggal {hasil.info.dibuat:%d-%m-%Y %H:%M}.{salinan}",
        )
        self.selesai(self.db_path, True)

    def _gagal(self, exc: BaseException) -> None:
        if isinstance(exc, c.CadanganRusak):
            cadangan_ditolak(self.parent, exc)
        else:
            tampilkan_error(self.parent, exc, "Pemulihan gagal — data tidak berubah")
        self.selesai(self.db_path, False)


def pulihkan_dari(
    parent: QWidget, db: Database, selesai: Callable[[Path, bool], None]
) -> AlurPulihkan | None:
    path = _hanya_sqlite(parent, db)
    if path is None:
        return None
    alur = AlurPulihkan(parent, path, db.folder_bukti, db.label, db.close, selesai)
    alur.mulai()
    return alur


_BERJALAN: set[BackgroundTask] = set()


def _tunggu_cadangan_latar() -> None:
    """On quit: let a running daily backup finish (it is atomic, but never cut short)."""
    for task in list(_BERJALAN):
        task._stop()
    _BERJALAN.clear()


def cadangan_harian_latar(parent: QWidget, db: Database) -> BackgroundTask | None:
    """The day's first use: a backup in the rotation folder, in the background, silently
    (a failure is logged and shown in the status bar, never as a crash dialog)."""
    from PySide6.QtWidgets import QApplication
    from shiboken6 import isValid

    if db.path is None or not c.perlu_cadangan_harian(db.path):
        return None
    task = BackgroundTask(c.cadangan_harian, db.path, db.folder_bukti)
    _BERJALAN.add(task)
    app = QApplication.instance()
    if app is not None and len(_BERJALAN) == 1:
        app.aboutToQuit.connect(_tunggu_cadangan_latar)

    def status(pesan: str, ms: int) -> None:
        if isValid(parent) and hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(pesan, ms)

    def gagal(exc: BaseException) -> None:
        _BERJALAN.discard(task)
        log.warning("Cadangan harian gagal: %s", exc)
        status(f"Cadangan harian gagal: {exc}", 15000)

    def berhasil(info: c.InfoCadangan | None) -> None:
        _BERJALAN.discard(task)
        if info is not None:
            status(f"Cadangan harian dibuat: {info.path.name}", 8000)

    task.finished.connect(berhasil)
    task.failed.connect(gagal)
    task.start()
    return task
