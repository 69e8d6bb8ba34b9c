"""Composition root: settings, open the database, log in, build the window.

Opening: an interrupted restore is finished first; a database that cannot be opened gets its
own message and a way forward (choose another file, restore from a backup, try again). A
database without accounts runs the first-start wizard; then the login dialog gives the Actor
that drives everything. ``tanpa_login`` (``kinerja-desktop demo --buka``) acts as the operator.
"""

from __future__ import annotations

import functools
import logging
import sys
from pathlib import Path
from typing import Any

from kinerja_desktop import APP_NAME
from kinerja_desktop.config import resolve_db_url, sqlite_path
from kinerja_desktop.domain.peran import Actor, Peran

log = logging.getLogger(__name__)

# Without a login (demo --buka) the program acts as its operator.
OPERATOR = Actor(nama="Operator", peran=frozenset({Peran.ADMIN}))


def _tunggu(task: Any) -> Any:
    """Wait (with the event loop running) for a BackgroundTask; return its result or raise."""
    from PySide6.QtCore import QEventLoop

    hasil: dict[str, Any] = {}
    loop = QEventLoop()

    def selesai(kunci: str, nilai: object) -> None:
        hasil.setdefault(kunci, nilai)
        loop.quit()

    task.finished.connect(lambda r: selesai("ok", r))
    task.failed.connect(lambda e: selesai("err", e))
    loop.exec()
    if "err" in hasil:
        raise hasil["err"]
    return hasil.get("ok")


def masuk(database: Any, parent: Any = None) -> Actor | None:
    """Wizard on a database without accounts, then the login dialog. None if cancelled."""
    hasil = masuk_ke(database, None, parent)
    return hasil[1] if hasil is not None else None


def masuk_ke(
    database: Any, url: str | None, parent: Any = None, enkripsi: bool = False
) -> tuple[Any, Actor] | None:
    """(database, actor) after the wizard (a database without accounts) and the login; None if
    cancelled. ``database`` None: an encrypted file, opened by the login with the password
    (services/kunci.buka_dengan_sandi). ``enkripsi``: a plain SQLite file is encrypted by the
    wizard, or when an administrator signs in (its recovery key shown once)."""
    from PySide6.QtWidgets import QDialog

    from kinerja_desktop.ui.akun.login import LoginDialog

    nama_awal = ""
    if database is not None:
        url = url or database.url  # a restore from the wizard leaves only the address
        awal = _wizard_bila_perlu(database, parent, enkripsi)
        if awal is None:
            return None
        database, nama_awal = awal
    dialog = LoginDialog(database, parent, nama_awal=nama_awal, url=url)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return None
    database, actor = dialog.db, dialog.actor
    if enkripsi and actor.is_admin and _polos(database):
        database = _enkripsi_saat_masuk(database, actor, dialog.sandi_terakhir, parent)
    return database, actor


def _polos(database: Any) -> bool:
    from kinerja_desktop.services.kunci import perlu_sandi

    return database.path is not None and not perlu_sandi(database.url)


def _enkripsi_saat_masuk(database: Any, actor: Actor, sandi: str, parent: Any) -> Any:
    """A plain file from before encryption: converted (after a backup) at the administrator's
    sign-in, his password wrapping the new office key; the recovery key is shown once."""
    from kinerja_desktop.services.kunci import enkripsi_sekarang
    from kinerja_desktop.ui.aksi import GAGAL, coba
    from kinerja_desktop.ui.akun.pemulihan import KunciPemulihanDialog

    hasil = coba(parent, enkripsi_sekarang, database, actor.nama, sandi)
    if hasil is GAGAL:  # told; the plain database stays open and usable
        return database
    baru, kunci = hasil
    KunciPemulihanDialog(kunci, parent).exec()
    return baru


def _wizard_bila_perlu(database: Any, parent: Any, enkripsi: bool) -> tuple[Any, str] | None:
    from PySide6.QtWidgets import QDialog, QMessageBox

    from kinerja_desktop.domain.errors import DomainError
    from kinerja_desktop.services.akun import ada_akun
    from kinerja_desktop.ui.akun.wizard import WizardPertama

    nama_awal = ""
    try:
        with database.session_factory() as s:
            ada = ada_akun(s)
    except Exception as exc:
        from kinerja_desktop.db.database import explain_database_error

        pesan = str(exc) if isinstance(exc, DomainError) else explain_database_error(exc, None)
        QMessageBox.critical(parent, "Basis data tidak dapat dibaca", pesan)
        return None
    while not ada:
        wizard = WizardPertama(database, parent, enkripsi=enkripsi)
        pulih = _tombol_pulihkan(wizard, database)
        diterima = wizard.exec() == QDialog.DialogCode.Accepted and wizard.actor is not None
        if pulih:  # the restore button closed the empty database
            if pulih[0]:
                return _buka_setelah_pulih(database.url)
            database = _buka_setelah_pulih(database.url)[0]  # not restored: the wizard again
            continue
        if not diterima or wizard.actor is None:
            return None
        database, nama_awal = wizard.db, wizard.actor.nama
        break
    return database, nama_awal


def _tombol_pulihkan(wizard: Any, database: Any) -> list[bool]:
    """A new laptop (the old one died): "Pulihkan dari cadangan…" on the first-start wizard
    restores the office's backup instead of starting an empty office. The returned list gets
    one flag when the button was used: restored or not."""
    from PySide6.QtWidgets import QWizard

    dipulihkan: list[bool] = []
    if database.path is None:
        return dipulihkan
    wizard.setOption(QWizard.WizardOption.HaveCustomButton1, True)
    wizard.setButtonText(QWizard.WizardButton.CustomButton1, "Pulihkan dari cadangan…")

    def pulihkan(tombol: int) -> None:
        if int(getattr(tombol, "value", tombol)) != QWizard.WizardButton.CustomButton1.value:
            return
        database.close()  # the empty database just made: replaced by the backup
        dipulihkan.append(pulihkan_saat_buka(database.path))
        wizard.reject()

    wizard.customButtonClicked.connect(pulihkan)
    return dipulihkan


def _buka_setelah_pulih(url: str) -> tuple[Any, str]:
    """After a restore from the wizard: an encrypted office is opened by the login (the
    restored key file holds every account's slot); a plain one here."""
    from kinerja_desktop.services.kunci import buka_dengan_kunci, perlu_sandi

    return (None, "") if perlu_sandi(url) else (buka_dengan_kunci(url, None), "")


def pulihkan_saat_buka(path: Path) -> bool:
    """Restore a backup over a database that cannot be opened (synchronously). True if done."""
    from PySide6.QtWidgets import QDialog, QFileDialog

    from kinerja_desktop.db.database import backup_folder, folder_bukti_sqlite
    from kinerja_desktop.exchange import cadangan as c
    from kinerja_desktop.ui.cadangan import SARING, PulihkanDialog, tanya_pembuka
    from kinerja_desktop.ui.errors import tampilkan_error
    from kinerja_desktop.ui.tasks import run_with_progress

    sumber, _ = QFileDialog.getOpenFileName(
        None, "Pulihkan dari…", str(backup_folder(path)), SARING
    )
    if not sumber:
        return False
    # a new laptop: an encrypted backup opens with a password of its own or the recovery key
    lanjut, pembuka = tanya_pembuka(None, Path(sumber))
    if not lanjut:
        return False
    try:
        info = _tunggu(
            run_with_progress(
                None, "Memeriksa berkas cadangan", c.periksa_cadangan, Path(sumber), pembuka
            )
        )
        if PulihkanDialog(info, str(path)).exec() != QDialog.DialogCode.Accepted:
            return False
        _tunggu(
            run_with_progress(
                None,
                "Memulihkan data",
                functools.partial(c.pulihkan, pembuka=pembuka),
                info.path,
                path,
                folder_bukti_sqlite(path),
            )
        )  # fmt: skip
    except Exception as exc:
        tampilkan_error(None, exc, "Pemulihan gagal — data tidak berubah")
        return False
    return True


def menit_kunci_layar(database: Any, actor: Actor) -> int:
    """The idle lock of the administrator's policy (in the database; the personal INI file
    has no say in it)."""
    from kinerja_desktop.services.pengaturan import kebijakan_keamanan
    from kinerja_desktop.services.uow import run

    return run(database.session_factory, actor, kebijakan_keamanan).kunci_layar_menit


def _henti_kunci(window: Any) -> None:
    """A window that is replaced no longer watches for idleness."""
    pengawas = getattr(window, "kunci_sesi", None)
    if pengawas is not None:
        pengawas.berhenti()
        window.kunci_sesi = None


def run_gui(db: str | None, tanpa_login: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

    from kinerja_desktop.db.database import DatabaseOpenError, explain_os_error
    from kinerja_desktop.exchange.cadangan import selesaikan_pemulihan
    from kinerja_desktop.logging_setup import setup_logging
    from kinerja_desktop.services.context import AppContext
    from kinerja_desktop.services.kunci import buka_dengan_kunci, perlu_sandi
    from kinerja_desktop.ui.akun.kunci import pasang_kunci_sesi
    from kinerja_desktop.ui.cadangan import cadangan_harian_latar
    from kinerja_desktop.ui.errors import install_excepthook
    from kinerja_desktop.ui.main_window import MainWindow
    from kinerja_desktop.ui.settings import UiSettings
    from kinerja_desktop.ui.terjemahan import pasang_terjemahan_qt

    setup_logging()
    ada = QApplication.instance()  # typed as the QCoreApplication base
    app = ada if isinstance(ada, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    pasang_terjemahan_qt(app)
    install_excepthook()
    settings = UiSettings()
    state: dict[str, Any] = {}

    def buka_gagal(url: str, exc: Exception) -> bool:
        """The environment's fault, explained, with a way forward."""
        path = sqlite_path(url)
        while True:
            box = QMessageBox(QMessageBox.Icon.Critical, "Basis data tidak dapat dibuka", str(exc))
            box.setInformativeText("Data tidak diubah. Pilih langkah berikutnya:")
            lain = box.addButton("Pilih berkas lain…", QMessageBox.ButtonRole.ActionRole)
            pulih = None
            if path is not None:
                pulih = box.addButton("Pulihkan dari cadangan…", QMessageBox.ButtonRole.ActionRole)
            coba = box.addButton("Coba lagi", QMessageBox.ButtonRole.ActionRole)
            box.addButton("Tutup", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            klik = box.clickedButton()
            if klik is lain:
                pilihan, _ = QFileDialog.getOpenFileName(
                    None, "Buka basis data", "",
                    "Basis data Kinerja (*.sqlite *.db);;Semua berkas (*)",
                )  # fmt: skip
                if pilihan:
                    return open_window(pilihan)
            elif klik is coba:
                return open_window(url)
            elif pulih is not None and klik is pulih and path is not None:
                if pulihkan_saat_buka(path):
                    return open_window(url)
            else:
                return False

    def open_window(target: str | None, paksa_login: bool = False) -> bool:
        app.setQuitOnLastWindowClosed(False)  # dialogs come and go before the window shows
        try:
            return _open_window(target, paksa_login)
        finally:
            app.setQuitOnLastWindowClosed(True)

    def _open_window(target: str | None, paksa_login: bool) -> bool:
        url = resolve_db_url(target)
        path = sqlite_path(url)
        try:
            if path is not None and path.parent.exists():
                selesaikan_pemulihan(path)
            # an encrypted file is opened by the login (the password unwraps its key)
            database = None if perlu_sandi(url) else buka_dengan_kunci(url, None)
        except DatabaseOpenError as exc:
            return buka_gagal(url, exc)
        except OSError as exc:
            return buka_gagal(url, DatabaseOpenError(explain_os_error(exc, path)))
        if tanpa_login and not paksa_login and database is not None:
            actor: Actor | None = OPERATOR
        else:
            hasil = masuk_ke(database, url, enkripsi=True)
            if hasil is None:
                if database is not None:
                    database.close()
                return False
            database, actor = hasil
        if actor is None:
            database.close()
            return False
        old = state.get("window")
        window = MainWindow(AppContext(database, actor), settings)
        window.database_requested.connect(lambda t: open_window(t))
        window.keluar_akun_requested.connect(lambda: ganti_pengguna(window))
        settings.add_recent_database(database.label)
        if actor.akun_id is not None:
            window.kunci_sesi = pasang_kunci_sesi(  # type: ignore[attr-defined]
                window, window.ctx, menit_kunci_layar(database, actor),
                lambda: ganti_pengguna(window),
            )  # fmt: skip
        window.show()
        state["window"] = window
        if old is not None and old is not window:
            _henti_kunci(old)
            old.close()
            old.ctx.db.close()
        cadangan_harian_latar(window, database)
        return True

    def ganti_pengguna(window: Any) -> None:
        _henti_kunci(window)
        window.hide()
        if not open_window(window.ctx.db.url, paksa_login=True):
            window.close()
            window.ctx.db.close()
            app.quit()

    if not open_window(db):
        return 2
    return app.exec()
