"""The composition root: run_gui asks for a login and opens the window as that user; a file
that is not a database gets its own message (never a traceback) and stays untouched; an
interrupted restore is finished before opening."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from kinerja_desktop import app as app_mod
from kinerja_desktop.db.database import open_database
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.services import akun as svc
from kinerja_desktop.services.uow import run
from kinerja_desktop.ui.akun.login import LoginDialog
from kinerja_desktop.ui.akun.wizard import WizardPertama

SANDI = "Kantor#Tebo2025"


@pytest.fixture(autouse=True)
def _settings_sementara(tmp_path, monkeypatch):
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    import sys

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own


@pytest.fixture(autouse=True)
def kunci_pemulihan_dilihat(monkeypatch):
    """The recovery key shown once (a plain file encrypted at the administrator's sign-in)."""
    from kinerja_desktop.ui.akun.pemulihan import KunciPemulihanDialog

    dilihat: list[str] = []

    def lihat(self):
        dilihat.append(self.isi.kunci.text())
        self.isi.sudah.setChecked(True)
        self.lanjut.click()
        return self.result()

    monkeypatch.setattr(KunciPemulihanDialog, "exec", lihat)
    return dilihat


def _jendela() -> list:
    return [w for w in QApplication.topLevelWidgets() if type(w).__name__ == "MainWindow"]


@pytest.fixture(autouse=True)
def _loop_lokal(monkeypatch):
    """run_gui ends in app.exec(); a local loop stands in for it, so the shared test
    QApplication is never told to quit (its timers would stop working for later tests)."""
    loop = QEventLoop()
    monkeypatch.setattr(QApplication, "exec", lambda *a: loop.exec())
    return loop


def _tutup_saat_siap(hasil: dict, loop: QEventLoop) -> None:
    from kinerja_desktop.ui import cadangan

    def cek() -> None:
        w = [x for x in _jendela() if x.isVisible()]
        if not w or cadangan._BERJALAN:  # window shown and the daily backup done
            QTimer.singleShot(20, cek)
            return
        hasil["actor"] = w[0].ctx.actor
        hasil["views"] = w[0].view_keys()
        w[0].close()
        w[0].ctx.db.close()
        loop.quit()

    QTimer.singleShot(0, cek)


def test_run_gui_logs_in_and_opens_as_that_user(qtbot, tmp_path, monkeypatch, _loop_lokal):
    path = tmp_path / "kantor.sqlite"
    db = open_database(f"sqlite:///{path}")
    run(db.session_factory, SISTEM, svc.buat_admin_pertama, "admin", SANDI, SANDI,
        instansi="PEMERINTAH KABUPATEN TEBO", tempat="Muara Tebo")  # fmt: skip
    db.close()

    def login_exec(self):
        self.nama.setText("admin")
        self.sandi.setText(SANDI)
        self.coba_masuk()
        return self.result()

    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    hasil: dict = {}
    _tutup_saat_siap(hasil, _loop_lokal)
    assert app_mod.run_gui(str(path)) == 0
    assert hasil["actor"].nama == "admin" and hasil["actor"].akun_id is not None
    assert {"akun", "audit"} <= set(hasil["views"])
    # the day's first use left a daily backup in the rotation folder
    harian = list((tmp_path / "cadangan").glob("kantor-harian-*.kinerja-cadangan.zip"))
    assert len(harian) == 1


def test_run_gui_first_start_runs_the_wizard(qtbot, tmp_path, monkeypatch, _loop_lokal):
    path = tmp_path / "baru.sqlite"

    def wizard_exec(self):
        self.admin.nama.setText("operator")
        self.admin.sandi.setText(SANDI)
        self.admin.ulangi.setText(SANDI)
        self.kantor.form.instansi.setText("PEMERINTAH KABUPATEN TEBO")
        self.kantor.form.tempat.setText("Muara Tebo")
        assert self._simpan()
        return QDialog.DialogCode.Accepted

    def login_exec(self):
        assert self.nama.text() == "operator"  # the wizard's user is filled in
        self.sandi.setText(SANDI)
        self.coba_masuk()
        return self.result()

    monkeypatch.setattr(WizardPertama, "exec", wizard_exec)
    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    hasil: dict = {}
    _tutup_saat_siap(hasil, _loop_lokal)
    assert app_mod.run_gui(str(path)) == 0
    assert hasil["actor"].nama == "operator" and hasil["actor"].is_admin


def test_cancelled_login_opens_nothing(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "kantor.sqlite"
    db = open_database(f"sqlite:///{path}")
    run(db.session_factory, SISTEM, svc.buat_admin_pertama, "admin", SANDI, SANDI,
        instansi="A", tempat="B")  # fmt: skip
    db.close()
    monkeypatch.setattr(LoginDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert app_mod.run_gui(str(path)) == 2
    assert not [w for w in _jendela() if w.isVisible()]


def test_not_a_database_gets_a_message_and_is_untouched(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "surat.sqlite"
    path.write_bytes(b"Surat undangan rapat, bukan basis data." * 50)
    dilihat: list[tuple[str, list[str]]] = []

    def box_exec(self):
        dilihat.append((self.text(), [b.text() for b in self.buttons()]))
        return 0  # closed: clickedButton() is None → "Tutup"

    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    assert app_mod.run_gui(str(path)) == 2
    teks, tombol = dilihat[0]
    assert "bukan basis data" in teks and "Traceback" not in teks
    assert {"Pilih berkas lain…", "Pulihkan dari cadangan…", "Coba lagi", "Tutup"} <= set(tombol)
    assert path.read_bytes() == b"Surat undangan rapat, bukan basis data." * 50


def test_interrupted_restore_is_finished_before_opening(qtbot, tmp_path, monkeypatch, _loop_lokal):
    from kinerja_desktop.exchange import cadangan as c

    path = tmp_path / "kantor.sqlite"
    db = open_database(f"sqlite:///{path}")
    run(db.session_factory, SISTEM, svc.buat_admin_pertama, "lama", SANDI, SANDI,
        instansi="A", tempat="B")  # fmt: skip
    src = tmp_path / "lain.sqlite"
    db2 = open_database(f"sqlite:///{src}")
    run(db2.session_factory, SISTEM, svc.buat_admin_pertama, "baru", SANDI, SANDI,
        instansi="A", tempat="B")  # fmt: skip
    cad = c.buat_cadangan(None, src, db2.folder_bukti, tmp_path / "c.zip").path
    db.close()
    db2.close()

    def mati():
        raise KeyboardInterrupt  # the "power cut" right before the swap

    with pytest.raises(KeyboardInterrupt):
        c.pulihkan(None, cad, path, db.folder_bukti, kunci_selesai=mati)

    def login_exec(self):
        self.nama.setText("baru")  # the restored data's account
        self.sandi.setText(SANDI)
        self.coba_masuk()
        return self.result()

    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    hasil: dict = {}
    _tutup_saat_siap(hasil, _loop_lokal)
    assert app_mod.run_gui(str(path)) == 0
    assert hasil["actor"].nama == "baru"


def test_switch_user_from_the_menu(qtbot, tmp_path, monkeypatch, _loop_lokal):
    from kinerja_desktop.domain.peran import Peran

    path = tmp_path / "kantor.sqlite"
    db = open_database(f"sqlite:///{path}")
    admin = run(db.session_factory, SISTEM, svc.buat_admin_pertama, "admin", SANDI, SANDI,
                instansi="A", tempat="B")  # fmt: skip
    from tests import factories as f

    with db.session_factory(info={"actor": SISTEM}) as s:
        pid = f.pegawai(s, "Hendra").id
        s.commit()
    run(db.session_factory, admin, svc.tambah_akun, "hendra", "Pegawai#2025", [Peran.PEGAWAI],
        pid)  # fmt: skip
    db.close()
    siapa = iter(["admin", "hendra"])

    def login_exec(self):
        nama = next(siapa)
        self.nama.setText(nama)
        self.sandi.setText(SANDI if nama == "admin" else "Pegawai#2025")
        self.coba_masuk()
        return self.result()

    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    urutan: list = []

    def langkah() -> None:
        from kinerja_desktop.ui import cadangan

        w = [x for x in _jendela() if x.isVisible()]
        if not w or cadangan._BERJALAN:
            QTimer.singleShot(20, langkah)
            return
        urutan.append((w[0].ctx.actor.nama, w[0].view_keys()))
        if len(urutan) == 1:
            w[0].act_keluar_akun.trigger()  # → login as hendra
            QTimer.singleShot(20, langkah)
            return
        w[0].close()
        w[0].ctx.db.close()
        _loop_lokal.quit()

    QTimer.singleShot(0, langkah)
    assert app_mod.run_gui(str(path)) == 0
    assert urutan[0][0] == "admin" and "akun" in urutan[0][1]
    assert urutan[1][0] == "hendra" and "akun" not in urutan[1][1]
    assert len([w for w in _jendela() if w.isVisible()]) == 0


def test_plain_file_is_encrypted_at_the_admin_sign_in_and_reopened_by_password(
    qtbot, tmp_path, monkeypatch, _loop_lokal, kunci_pemulihan_dilihat
):
    from kinerja_desktop.db.kunci import berkas_polos

    path = tmp_path / "kantor.sqlite"
    db = open_database(f"sqlite:///{path}")
    run(db.session_factory, SISTEM, svc.buat_admin_pertama, "admin", SANDI, SANDI,
        instansi="A", tempat="B")  # fmt: skip
    db.close()
    dibuka: list = []

    def login_exec(self):
        dibuka.append(self.db)  # None: the encrypted file is not open before the password
        self.nama.setText("admin")
        self.sandi.setText(SANDI)
        self.coba_masuk()
        return self.result()

    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    for _ in range(2):
        hasil: dict = {}
        _tutup_saat_siap(hasil, _loop_lokal)
        assert app_mod.run_gui(str(path)) == 0
        assert hasil["actor"].nama == "admin"
    assert not berkas_polos(path) and len(kunci_pemulihan_dilihat) == 1
    assert dibuka[0] is not None and dibuka[1] is None
    assert list((tmp_path / "cadangan").glob("kantor-sebelum-enkripsi-*.sqlite"))


def test_wizard_encrypts_a_new_file_and_shows_the_recovery_key(qtbot, tmp_path):
    from kinerja_desktop.db.kunci import berkas_polos
    from kinerja_desktop.services.kunci import buka_dengan_pemulihan

    path = tmp_path / "baru.sqlite"
    db = open_database(f"sqlite:///{path}")
    wiz = WizardPertama(db, enkripsi=True)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.next()
    wiz.admin.sandi.setText(SANDI)
    wiz.admin.ulangi.setText(SANDI)
    wiz.next()
    wiz.kantor.form.instansi.setText("PEMERINTAH KABUPATEN TEBO")
    wiz.kantor.form.tempat.setText("Muara Tebo")
    wiz.next()
    assert wiz.currentPage() is wiz.pemulihan and not wiz.pemulihan.isComplete()
    kunci = wiz.pemulihan.isi.kunci.text()
    assert kunci == wiz.kunci_pemulihan and len(kunci) == 39
    wiz.pemulihan.isi.sudah.setChecked(True)
    wiz.button(wiz.WizardButton.FinishButton).click()
    assert wiz.result() == QDialog.DialogCode.Accepted
    wiz.db.close()
    assert not berkas_polos(path)
    buka_dengan_pemulihan(f"sqlite:///{path}", kunci).close()
