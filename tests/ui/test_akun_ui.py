"""pytest-qt: first-start wizard → login → main window; wrong password; lockout; idle lock;
account management; crash dialog with the log path."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QDialog, QMessageBox, QWizard

from kinerja_desktop.domain.peran import SISTEM, Actor, Peran
from kinerja_desktop.services import akun as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.uow import run
from kinerja_desktop.ui.akun.dialogs import AkunDialog, GantiSandiDialog, ResetSandiDialog
from kinerja_desktop.ui.akun.kunci import pasang_kunci_sesi
from kinerja_desktop.ui.akun.login import LayarKunci, LoginDialog
from kinerja_desktop.ui.akun.view import AkunView
from kinerja_desktop.ui.akun.wizard import WizardPertama
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.settings import UiSettings
from tests import factories as f

SANDI = "Kantor#Tebo2025"
HASHER_PROGRAM = svc.HASHER


@pytest.fixture(autouse=True)
def _hash_cepat(monkeypatch):
    """argon2 with the program's parameters takes ~0.1 s a call; tests use cheap ones
    (test_program_uses_memory_hard_argon2id checks the real parameters)."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(svc, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


class Jam:
    def __init__(self) -> None:
        self.now = datetime(2025, 6, 2, 8, 0)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def settings(tmp_path):
    s = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    s.set("ui/last_view", "akun")
    return s


@pytest.fixture
def admin_actor(db):
    return run(
        db.session_factory,
        SISTEM,
        svc.buat_admin_pertama,
        "admin",
        SANDI,
        SANDI,
        instansi="PEMERINTAH KABUPATEN TEBO",
        tempat="Muara Tebo",
    )


def test_wizard_then_login_then_main_window(qtbot, db, settings, tmp_path):
    emblem = tmp_path / "lambang.png"
    from PySide6.QtGui import QColor, QImage

    img = QImage(40, 40, QImage.Format.Format_RGB32)
    img.fill(QColor("darkgreen"))
    img.save(str(emblem))

    wiz = WizardPertama(db)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.next()
    assert wiz.currentPage() is wiz.admin
    wiz.admin.sandi.setText("pendek")
    wiz.admin.ulangi.setText("pendek")
    wiz.next()
    assert wiz.currentPage() is wiz.admin and "minimal 8" in wiz.admin.pesan.text()
    wiz.admin.sandi.setText(SANDI)
    wiz.admin.ulangi.setText(SANDI + "x")
    wiz.next()
    assert "tidak sama" in wiz.admin.pesan.text()
    wiz.admin.ulangi.setText(SANDI)
    wiz.next()
    assert wiz.currentPage() is wiz.kantor
    form = wiz.kantor.form
    form.tempat.setText("Muara Tebo")
    wiz.button(QWizard.WizardButton.FinishButton).click()
    assert wiz.result() != QDialog.DialogCode.Accepted and "instansi" in form.pesan.text()
    form.instansi.setText("PEMERINTAH KABUPATEN TEBO")
    assert form.muat_emblem(emblem)
    wiz.button(QWizard.WizardButton.FinishButton).click()
    assert wiz.result() == QDialog.DialogCode.Accepted
    assert wiz.actor is not None and wiz.actor.is_admin

    login = LoginDialog(db, nama_awal=wiz.actor.nama)
    qtbot.addWidget(login)
    login.sandi.setText(SANDI)
    login.tombol_masuk.click()
    assert login.result() == QDialog.DialogCode.Accepted
    actor = login.actor
    assert actor.nama == "admin" and actor.akun_id == wiz.actor.akun_id

    window = MainWindow(AppContext(db, actor), settings)
    qtbot.addWidget(window)
    assert {"akun", "audit"} <= set(window.view_keys())
    view = window.show_view("akun")
    assert [r.nama_pengguna for r in view.rows] == ["admin"]
    assert window.act_ganti_sandi.isVisible() and window.act_cadangkan.isVisible()
    with db.session_factory() as s:
        from kinerja_desktop.services.pengaturan import identitas_kantor

        assert identitas_kantor(s).emblem == emblem.read_bytes()


def test_views_for_admin_only_are_hidden_from_others(qtbot, db, settings):
    with db.session_factory(info={"actor": SISTEM}) as s:
        p = f.pegawai(s, "Staf")
        s.commit()
    staf = Actor("staf", 5, p.id, frozenset({Peran.PEGAWAI}))
    settings.set("ui/last_view", "akun")
    from kinerja_desktop.ui import views

    spec = [v for v in views.VIEWS if v.tampil_untuk(staf)]
    assert "akun" not in [v.key for v in spec] and "audit" not in [v.key for v in spec]
    admin = Actor("admin", 1, None, frozenset({Peran.ADMIN}))
    assert {"akun", "audit"} <= {v.key for v in views.VIEWS if v.tampil_untuk(admin)}


def test_wrong_password_message_slowdown_and_lockout(qtbot, db, admin_actor):
    jam = Jam()
    login = LoginDialog(db, jam=jam)
    qtbot.addWidget(login)
    login.nama.setText("admin")
    login.sandi.setText("salah1234")
    login.tombol_masuk.click()
    assert login.result() != QDialog.DialogCode.Accepted
    assert "salah" in login.pesan.text() and "Sisa 4" in login.pesan.text()
    assert login.sandi.text() == ""
    assert not login.tombol_masuk.isEnabled()  # slowed down
    qtbot.waitUntil(login.tombol_masuk.isEnabled, timeout=3000)
    for _ in range(4):
        jam.now += timedelta(seconds=30)
        login._lepas()
        login.sandi.setText("salah1234")
        login.coba_masuk()
    assert "dikunci 15 menit" in login.pesan.text()
    jam.now += timedelta(minutes=5)
    login._lepas()
    login.sandi.setText(SANDI)
    login.coba_masuk()
    assert login.result() != QDialog.DialogCode.Accepted
    assert "dikunci sementara" in login.pesan.text()
    jam.now += timedelta(minutes=11)
    login._lepas()
    login.sandi.setText(SANDI)
    login.coba_masuk()
    assert login.result() == QDialog.DialogCode.Accepted


def test_idle_lock_asks_the_same_password(qtbot, db, admin_actor, settings):
    window = MainWindow(AppContext(db, admin_actor), settings)
    qtbot.addWidget(window)
    window.show()
    waktu = [1000.0]
    diganti: list[bool] = []
    jam = Jam()
    pengawas = pasang_kunci_sesi(
        window, window.ctx, 5, lambda: diganti.append(True), waktu=lambda: waktu[0], jam=jam
    )
    pengawas.periksa()
    assert not pengawas.terkunci
    waktu[0] += 5 * 60 + 1
    langkah: list[str] = []

    def isi() -> None:
        layar: LayarKunci = window.layar_kunci
        assert not window.centralWidget().isVisible()  # the data is covered
        layar.sandi.setText("keliru999")
        layar.tombol_masuk.click()
        langkah.append(layar.pesan.text())
        jam.now += timedelta(seconds=2)
        layar._lepas()
        layar.sandi.setText(SANDI)
        layar.tombol_masuk.click()

    QTimer.singleShot(0, isi)
    pengawas.periksa()  # blocks in the lock screen until isi() unlocks it
    assert "salah" in langkah[0]
    assert window.centralWidget().isVisible() and not pengawas.terkunci and not diganti


def test_lock_screen_switch_user(qtbot, db, admin_actor, settings):
    window = MainWindow(AppContext(db, admin_actor), settings)
    qtbot.addWidget(window)
    waktu = [0.0]
    diganti: list[bool] = []
    pengawas = pasang_kunci_sesi(
        window, window.ctx, 1, lambda: diganti.append(True), waktu=lambda: waktu[0]
    )
    waktu[0] = 61
    QTimer.singleShot(0, lambda: window.layar_kunci.done(LayarKunci.GANTI_PENGGUNA))
    pengawas.periksa()
    assert diganti == [True]


def test_account_view_add_reset_unlock(qtbot, db, admin_actor, monkeypatch):
    with db.session_factory(info={"actor": SISTEM}) as s:
        p = f.pegawai(s, "Rina Marlina")
        s.commit()
        pid = p.id
    ctx = AppContext(db, admin_actor)
    view = AkunView(ctx)
    qtbot.addWidget(view)
    assert not view.ubah.isEnabled()

    dlg = AkunDialog(ctx, view)
    qtbot.addWidget(dlg)
    dlg.nama.setText("rina")
    dlg.sandi.setText("Melati#2025")
    dlg.ulangi.setText("Melati#2025")
    dlg.accept()  # PEGAWAI checked by default but no pegawai linked
    assert "dikaitkan" in dlg.pesan.text() and dlg.result() != QDialog.DialogCode.Accepted
    dlg.pegawai.setCurrentIndex(dlg.pegawai.findData(pid))
    dlg.peran[Peran.PENILAI].setChecked(True)
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    view.refresh()
    view.pilih("rina")
    row = view.terpilih()
    assert row.peran == frozenset({Peran.PEGAWAI, Peran.PENILAI})
    assert view.tabel.item(view.tabel.currentRow(), 1).text() == "Rina Marlina, S.E."

    jam = Jam()
    for _ in range(5):
        run(db.session_factory, SISTEM, svc.masuk, "rina", "salah999x", jam)
        jam.now += timedelta(seconds=20)
    monkeypatch.setattr(svc, "utcnow", lambda: jam.now)
    view.refresh()
    view.pilih("rina")
    assert view.tabel.item(view.tabel.currentRow(), 3).text() == "Terkunci"
    assert view.buka.isEnabled()
    view.buka.click()
    assert view.tabel.item(view.tabel.currentRow(), 3).text() == "Aktif"

    reset = ResetSandiDialog(ctx, view.terpilih(), view)
    qtbot.addWidget(reset)
    reset.sandi.setText("Anggrek#2026")
    reset.ulangi.setText("Anggrek#2026")
    reset.accept()
    assert reset.result() == QDialog.DialogCode.Accepted
    assert run(db.session_factory, SISTEM, svc.masuk, "rina", "Anggrek#2026", jam).berhasil


def test_change_own_password_dialog(qtbot, db, admin_actor):
    ctx = AppContext(db, admin_actor)
    dlg = GantiSandiDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.lama.setText("keliru")
    dlg.baru.setText("Baru#2026ok")
    dlg.ulangi.setText("Baru#2026ok")
    dlg.accept()
    assert "lama salah" in dlg.pesan.text()
    dlg.lama.setText(SANDI)
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert run(db.session_factory, SISTEM, svc.masuk, "admin", "Baru#2026ok", Jam()).berhasil


def test_crash_dialog_shows_the_rotating_log_path(qtbot, monkeypatch, _data_dir):
    from kinerja_desktop import logging_setup
    from kinerja_desktop.ui import errors

    monkeypatch.setattr(logging_setup, "_configured", None)
    path = logging_setup.setup_logging()
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "exec",
        lambda self: shown.append((self.informativeText(), self.detailedText())) or 0,
    )
    old = sys.excepthook
    errors.install_excepthook()
    try:
        try:
            raise RuntimeError("kesalahan uji 123")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old
    assert shown and str(path) in shown[0][0] and "kesalahan uji 123" in shown[0][1]
    assert str(_data_dir) in str(path)
    for h in logging_setup.logging.getLogger().handlers:
        h.flush()
    assert "kesalahan uji 123" in path.read_text(encoding="utf-8")
    # a domain error is a plain warning, not a crash
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    from kinerja_desktop.domain.errors import ValidationError

    errors.tampilkan_error(None, ValidationError("NIP tidak valid."))
    assert warned == ["NIP tidak valid."]


def test_security_policy_is_set_by_the_admin_in_the_database(qtbot, db, admin_actor, settings):
    from kinerja_desktop.services.pengaturan import kebijakan_keamanan
    from kinerja_desktop.services.uow import run
    from kinerja_desktop.ui.akun.dialogs import KebijakanDialog

    window = MainWindow(AppContext(db, admin_actor), settings)
    qtbot.addWidget(window)
    window.show_view("akun")
    dialog = KebijakanDialog(window.ctx, window)
    qtbot.addWidget(dialog)
    assert dialog.menit_kunci.value() == 15 and dialog.panjang.value() == 8
    dialog.menit_kunci.setValue(5)
    dialog.panjang.setValue(12)
    dialog.accept()
    k = run(db.session_factory, admin_actor, kebijakan_keamanan)
    assert (k.kunci_layar_menit, k.sandi_panjang_minimal) == (5, 12)
    dialog.menit_kunci.setValue(0)
    assert dialog.menit_kunci.text() == "tidak pernah"


def test_editing_the_ini_cannot_switch_off_the_idle_lock(db, admin_actor, tmp_path):
    from PySide6.QtCore import QSettings

    from kinerja_desktop.app import menit_kunci_layar
    from kinerja_desktop.services import akun as akun_svc
    from kinerja_desktop.services.pengaturan import atur_kebijakan_keamanan
    from kinerja_desktop.services.uow import run
    from kinerja_desktop.ui.settings import UiSettings

    run(db.session_factory, admin_actor, atur_kebijakan_keamanan, 10, 12)
    ini = QSettings(str(tmp_path / "pribadi.ini"), QSettings.Format.IniFormat)
    ini.setValue("security/idle_lock_minutes", 0)  # what a user types into his INI file
    ini.setValue("security/password_min_length", 1)
    ini.sync()
    UiSettings(ini)
    assert menit_kunci_layar(db, admin_actor) == 10
    with pytest.raises(akun_svc.KataSandiLemah, match="minimal 12"):
        run(db.session_factory, admin_actor, akun_svc.tambah_akun, "operator2", "Pendek#2025",
            ["ADMIN"])  # fmt: skip
