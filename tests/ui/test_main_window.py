"""Main window: navigation starts on the Beranda, status bar names the database, recent
databases."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.pegawai.view import PegawaiView
from kinerja_desktop.ui.settings import UiSettings


@pytest.fixture
def settings(tmp_path):
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, db, admin, settings):
    settings.add_recent_database("/data/lama.sqlite")
    settings.add_recent_database(db.label)
    w = MainWindow(AppContext(db, admin), settings)
    qtbot.addWidget(w)
    w.show()
    return w


def test_navigation_starts_on_the_beranda_and_opens_pegawai(window):
    from kinerja_desktop.ui.beranda import BerandaView

    judul = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert judul[:2] == ["Beranda", "Pegawai"]
    assert isinstance(window.stack.currentWidget(), BerandaView)
    assert window.view("pegawai") is None  # views are built when first shown
    assert isinstance(window.show_view("pegawai"), PegawaiView)
    assert window.view("pegawai") is window.stack.currentWidget()


def test_status_bar_shows_database_path(window, db):
    assert str(db.path) in window.db_label.text()
    assert str(db.path) in window.windowTitle()


def test_recent_databases_menu(window, qtbot, db):
    actions = [a.text() for a in window.menu_recent.actions()]
    assert actions == [db.label, "/data/lama.sqlite"]
    with qtbot.waitSignal(window.database_requested) as sig:
        window.menu_recent.actions()[1].trigger()
    assert sig.args == ["/data/lama.sqlite"]


def test_view_is_refreshed_when_shown_again(window, qtbot, monkeypatch):
    view = window.show_view("pegawai")
    calls = []
    monkeypatch.setattr(view, "refresh", lambda: calls.append(1))
    assert window.show_view("pegawai") is view  # shown again: the same widget, refreshed
    assert calls == [1]
    assert window.nav.item(1).data(Qt.ItemDataRole.UserRole) == "pegawai"


def test_help_menu_opens_document_verification(window, qtbot):
    window.act_verifikasi.trigger()
    dialog = window._dialog_verifikasi
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Verifikasi dokumen"
    dialog.close()


def test_window_never_starts_taller_than_the_screen(window):
    area = window.screen().availableGeometry()
    assert window.height() <= max(600, area.height())
    assert window.width() <= max(960, area.width())
