"""A new laptop (the old one died): the first-start wizard's "Pulihkan dari cadangan…"
restores an encrypted office's backup, asking a password of one of its accounts, and the
login then opens it with the restored key file."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWizard

from kinerja_desktop import app as app_mod
from kinerja_desktop.db.database import folder_bukti_sqlite
from kinerja_desktop.db.kunci import path_kunci
from kinerja_desktop.exchange import cadangan as c
from kinerja_desktop.ui import cadangan as ui_cadangan
from kinerja_desktop.ui.akun.login import LoginDialog
from kinerja_desktop.ui.akun.wizard import WizardPertama
from tests.unit.test_cadangan_kunci import ADMIN_PW, HENDRA_PW, _kantor, _laptop_baru


@pytest.fixture(autouse=True)
def _lingkungan(tmp_path, monkeypatch):
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own


def test_wizard_restores_an_encrypted_backup_on_a_new_laptop(qtbot, tmp_path, monkeypatch):
    lama = tmp_path / "laptop-a" / "kantor.sqlite"
    lama.parent.mkdir()
    _kantor(lama, "Hendra Gunawan")
    zip_ = c.buat_cadangan(None, lama, folder_bukti_sqlite(lama), tmp_path / "usb" / "k.zip")
    _laptop_baru(monkeypatch)
    baru = tmp_path / "laptop-b" / "kantor.sqlite"
    baru.parent.mkdir()
    ditanya: list[str] = []

    def wizard_exec(self):
        self.button(QWizard.WizardButton.CustomButton1).click()
        return self.result()

    def kunci_exec(self):
        ditanya.append(self.windowTitle())
        self.pengguna.setText("hendra")
        self.sandi.setText(HENDRA_PW)
        self._terima()
        return self.result()

    def login_exec(self):
        self.nama.setText("admin")
        self.sandi.setText(ADMIN_PW)
        self.coba_masuk()
        return self.result()

    monkeypatch.setattr(WizardPertama, "exec", wizard_exec)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(zip_.path), ""))
    )
    monkeypatch.setattr(ui_cadangan.KunciCadanganDialog, "exec", kunci_exec)
    monkeypatch.setattr(
        ui_cadangan.PulihkanDialog, "exec", lambda self: QDialog.DialogCode.Accepted
    )
    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    loop = QEventLoop()
    monkeypatch.setattr(QApplication, "exec", lambda *a: loop.exec())
    hasil: dict = {}

    def cek() -> None:
        w = [x for x in QApplication.topLevelWidgets() if type(x).__name__ == "MainWindow"]
        w = [x for x in w if x.isVisible()]
        if not w or ui_cadangan._BERJALAN:
            QTimer.singleShot(20, cek)
            return
        hasil["actor"] = w[0].ctx.actor
        w[0].close()
        w[0].ctx.db.close()
        loop.quit()

    QTimer.singleShot(0, cek)
    assert app_mod.run_gui(str(baru)) == 0
    assert ditanya == ["Buka cadangan terenkripsi"]
    assert path_kunci(baru).exists()
    assert hasil["actor"].nama == "admin" and hasil["actor"].is_admin
