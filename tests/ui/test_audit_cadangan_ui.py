"""pytest-qt: Berkas → Cadangkan ke… and Pulihkan dari… with monkeypatched file dialogs."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from kinerja_desktop.domain.peran import SISTEM, Actor, Peran
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.uow import unit_of_work
from kinerja_desktop.ui import cadangan as ui
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.settings import UiSettings
from tests import factories as f

ADMIN = Actor("admin", 1, None, frozenset({Peran.ADMIN}))


@pytest.fixture
def pesan(monkeypatch):
    tercatat: list[tuple[str, str]] = []
    for nama in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, nama, lambda *a, _n=nama, **k: tercatat.append((_n, a[2])))

    def exec_(box):  # a QMessageBox built by hand (the refusal of a crafted backup)
        tercatat.append((box.windowTitle(), f"{box.text()}\n{box.informativeText()}"))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return tercatat


@pytest.fixture
def window(qtbot, db, tmp_path):
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.pegawai(s, "Ani")
    (db.folder_bukti / A_PDF).parent.mkdir(parents=True)
    (db.folder_bukti / A_PDF).write_bytes(b"%PDF bukti")
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    settings.set("ui/last_view", "audit")
    w = MainWindow(AppContext(db, ADMIN), settings)
    qtbot.addWidget(w)
    return w


# The evidence store names files by their SHA-256: <sha[:2]>/<sha>.
A_PDF = "ab/ab" + "0" * 62


def _nama(path):
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT nama FROM pegawai ORDER BY id")]
    finally:
        con.close()


def test_backup_then_restore_through_the_menu(qtbot, window, db, tmp_path, monkeypatch, pesan):
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(usb / "kantor.zip"), "")
    )
    window.act_cadangkan.trigger()
    with qtbot.waitSignal(window._task_cadangan.finished, timeout=15000):
        pass
    qtbot.waitUntil(lambda: bool(pesan))
    assert pesan[-1][0] == "information" and "kantor.zip" in pesan[-1][1]
    assert (usb / "kantor.zip").exists()

    # change the data, then restore the backup through the menu
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.pegawai(s, "Budi")
    (db.folder_bukti / A_PDF).unlink()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(usb / "kantor.zip"), "")
    )
    dilihat: list[str] = []

    def setuju(self):
        dilihat.append(self.findChildren(type(self.tombol))[0].text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ui.PulihkanDialog, "exec", setuju)
    with qtbot.waitSignal(window.database_requested, timeout=20000) as sinyal:
        window.act_pulihkan.trigger()
    assert sinyal.args == [db.url]
    alur = window._alur_pulihkan
    assert alur.hasil is not None and alur.hasil.cadangan_sebelumnya.exists()
    assert _nama(db.path) == ["Ani"] and (db.folder_bukti / A_PDF).read_bytes() == b"%PDF bukti"
    assert any("Pemulihan selesai" in p[1] or "dipulihkan" in p[1] for p in pesan)


def test_damaged_backup_is_refused_in_the_dialog(qtbot, window, db, tmp_path, monkeypatch, pesan):
    rusak = tmp_path / "rusak.zip"
    rusak.write_bytes(b"PK\x03\x04 bukan zip yang utuh")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(rusak), ""))
    monkeypatch.setattr(
        ui.PulihkanDialog, "exec", lambda self: pytest.fail("tidak boleh sampai konfirmasi")
    )
    window.act_pulihkan.trigger()
    alur = window._alur_pulihkan
    with qtbot.waitSignal(alur.task.failed, timeout=10000):
        pass
    qtbot.waitUntil(lambda: bool(pesan))
    assert pesan[-1][0] == "Cadangan ditolak" and "bukan berkas cadangan" in pesan[-1][1]
    assert "tidak diubah" in pesan[-1][1]
    assert _nama(db.path) == ["Ani"]


def test_crafted_backup_is_refused_in_the_dialog(qtbot, window, db, tmp_path, monkeypatch, pesan):
    import json
    import zipfile

    from kinerja_desktop.exchange import cadangan as c

    asli = c.buat_cadangan(None, db.path, db.folder_bukti, tmp_path / "asli.zip").path
    jahat = tmp_path / "jahat.zip"
    with zipfile.ZipFile(asli) as src, zipfile.ZipFile(jahat, "w") as zf:
        for i in src.infolist():
            if i.filename != "manifest.json":
                zf.writestr(i, src.read(i))
        m = json.loads(src.read("manifest.json"))
        m["jumlah"]["pegawai"] = 40  # the dialog would say 40 pegawai; the data has one
        zf.writestr("manifest.json", json.dumps(m))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(jahat), ""))
    monkeypatch.setattr(
        ui.PulihkanDialog, "exec", lambda self: pytest.fail("tidak boleh sampai konfirmasi")
    )
    window.act_pulihkan.trigger()
    with qtbot.waitSignal(window._alur_pulihkan.task.failed, timeout=15000):
        pass
    qtbot.waitUntil(lambda: bool(pesan))
    judul, teks = pesan[-1]
    assert judul == "Cadangan ditolak" and "menyebut 40 pegawai, basis datanya berisi 1" in teks


def test_backup_with_missing_evidence_asks_first(qtbot, window, db, tmp_path, monkeypatch, pesan):
    (db.folder_bukti / A_PDF).unlink()
    from kinerja_desktop.db.models import BerkasBukti

    with unit_of_work(db.session_factory, SISTEM) as s:
        s.add(BerkasBukti(sha256=A_PDF.split("/")[1], ukuran=10, mime="application/pdf"))
    out = tmp_path / "k.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    ditanya: list[int] = []
    monkeypatch.setattr(ui, "tetap_cadangkan", lambda _p, exc: ditanya.append(exc.jumlah) or True)
    window.act_cadangkan.trigger()
    qtbot.waitUntil(lambda: any(p[0] == "information" for p in pesan), timeout=15000)
    assert ditanya == [1] and out.exists()
    assert any("Bukti dukung hilang: 1" in p[1] for p in pesan)


def test_backup_menu_hidden_for_non_admin(qtbot, db, tmp_path):
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    with unit_of_work(db.session_factory, SISTEM) as s:
        p = f.pegawai(s, "Ani")
    w = MainWindow(AppContext(db, Actor("ani", 3, p.id, frozenset({Peran.PEGAWAI}))), settings)
    qtbot.addWidget(w)
    assert not w.act_cadangkan.isVisible() and not w.act_pulihkan.isVisible()
    assert w.act_periksa.isVisible()


def test_postgres_message(qtbot, window, monkeypatch, pesan):
    from kinerja_desktop.db.database import Database

    pg = Database(
        "postgresql://u@server/kinerja", window.ctx.db.engine, window.ctx.db.session_factory
    )
    assert ui.cadangkan_ke(window, pg) is None
    assert "pg_dump" in pesan[-1][1]
