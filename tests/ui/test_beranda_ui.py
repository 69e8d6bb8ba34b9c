"""The Beranda in the main window on the demo office: it is the first view, a click on an item
opens the right view with the item selected, unread feedback is marked in Pemantauan and read
once shown, and the last view is remembered per account."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.services import akun
from kinerja_desktop.services import umpan_balik as ub
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.uow import run
from kinerja_desktop.ui.beranda import BerandaView, TombolButir
from kinerja_desktop.ui.main_window import MainWindow
from kinerja_desktop.ui.settings import UiSettings
from tests.unit.test_beranda import SANDI


@pytest.fixture
def buka(qtbot, demo_db, tmp_path):
    """Open the main window as a demo account (one INI file for all: the same computer)."""

    def buka_sebagai(nama: str) -> MainWindow:
        actor = run(demo_db.session_factory, SISTEM, akun.masuk, nama, SANDI[nama]).actor
        ini = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        w = MainWindow(AppContext(demo_db, actor), UiSettings(ini))
        qtbot.addWidget(w)
        w.resize(1366, 740)
        w.show()
        return w

    return buka_sebagai


def _tombol(view: BerandaView, kartu: str, teks: str) -> TombolButir:
    semua = view.kartu[kartu].findChildren(TombolButir)
    return next(t for t in semua if teks in t.teks_penuh)


def test_beranda_is_the_first_view(buka):
    w = buka("hendra")
    assert w.nav.item(0).text() == "Beranda"
    assert isinstance(w.stack.currentWidget(), BerandaView)
    view = w.view("beranda")
    assert set(view.kartu) == {"pengingat", "skp_saya", "umpan_balik_saya", "evaluasi_saya"}
    assert "Hendra Gunawan, S.T." in view.sapaan.text()
    assert "8 Januari 2026" in view.sapaan.text()


def test_click_my_skp_and_a_period(buka, qtbot):
    w = buka("hendra")
    view = w.view("beranda")
    skp_id = view.data.pegawai.skp.id
    qtbot.mouseClick(_tombol(view, "skp_saya", "Ditetapkan"), Qt.MouseButton.LeftButton)
    skp = w.stack.currentWidget()
    assert skp is w.view("skp") and skp.editor.detail.skp.id == skp_id
    akhir = view.data.pegawai.periode[-1].periode
    w.show_view("beranda")
    qtbot.mouseClick(
        _tombol(view, "skp_saya", "Triwulan IV (Akhir): Draf"), Qt.MouseButton.LeftButton
    )
    pm = w.stack.currentWidget()
    assert pm is w.view("pemantauan")
    assert pm.periode.currentData() == akhir.id and pm.tahun.value() == 2025
    assert pm.tabs.currentWidget() is pm.realisasi


def test_click_keberatan_and_evaluations_to_do(buka, qtbot):
    w = buka("camat")
    view = w.view("beranda")
    qtbot.mouseClick(_tombol(view, "menunggu", "Fajar Ramadhan"), Qt.MouseButton.LeftButton)
    ev = w.stack.currentWidget()
    assert ev is w.view("evaluasi") and ev.tabs.currentIndex() == 2
    t = ev.tbl_keberatan
    baris = [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]
    assert [b[1] for b in baris if b[5] == "Menunggu keputusan"] == ["Fajar Ramadhan, S.Tr.IP."]
    w.show_view("beranda")
    butir = view.data.penilai.evaluasi_tugas[-1]
    qtbot.mouseClick(
        _tombol(view, "evaluasi_tugas", "Triwulan IV (Akhir)"), Qt.MouseButton.LeftButton
    )
    assert ev.tabs.currentIndex() == 0 and ev.periode_id == butir.tujuan.periode_id
    belum = [ev.tbl_dinilai.item(r, 4).text() for r in range(ev.tbl_dinilai.rowCount())]
    assert len(belum) == 8 and sum(not s.startswith("Final") for s in belum) == butir.jumlah


def test_unread_feedback_opens_the_iki_marks_it_and_is_then_read(buka, qtbot, demo_db):
    w = buka("camat")
    view = w.view("beranda")
    (utas,) = view.data.pegawai.umpan_balik  # on his own SKP
    qtbot.mouseClick(
        _tombol(view, "umpan_balik_saya", utas.cuplikan[:20]), Qt.MouseButton.LeftButton
    )
    pm = w.stack.currentWidget()
    assert pm is w.view("pemantauan")
    assert pm.realisasi.terpilih().indikator_id == utas.indikator_id
    assert "● baru" in pm.realisasi.panel_ub.tampilan.toHtml()
    camat = w.ctx.actor
    assert utas.utas_id not in {
        u.utas_id for u in run(demo_db.session_factory, camat, ub.utas_belum_dibaca)
    }
    # back on the Beranda: read
    w.show_view("beranda")
    assert view.data.pegawai.umpan_balik == ()
    assert "Umpan balik belum dibaca (0)" in view.kartu["umpan_balik_saya"].judul.text()


def test_operator_checklist_opens_the_views(buka, qtbot):
    w = buka("admin")
    view = w.view("beranda")
    assert (
        "Cadangan terakhir"
        in view.kartu["daftar_periksa"].findChildren(type(view.sapaan))[-1].text()
    )
    qtbot.mouseClick(_tombol(view, "daftar_periksa", "Akun pegawai"), Qt.MouseButton.LeftButton)
    assert w.stack.currentWidget() is w.view("akun")
    w.show_view("beranda")
    nama = view.data.operator.belum_mengisi[0]
    qtbot.mouseClick(_tombol(view, "belum_mengisi", nama.teks), Qt.MouseButton.LeftButton)
    pm = w.stack.currentWidget()
    assert pm is w.view("pemantauan") and pm.pegawai.currentData() == nama.tujuan.pegawai_id


def test_last_view_is_remembered_per_account_not_per_computer(buka, qtbot):
    w = buka("camat")
    assert not w.view("beranda").b_lanjut.isVisibleTo(w)
    w.show_view("evaluasi")
    w.close()
    w = buka("hendra")  # same computer, same INI file: another account
    assert not w.view("beranda").b_lanjut.isVisibleTo(w)
    w.close()
    w = buka("camat")
    view = w.view("beranda")
    assert w.stack.currentWidget() is view  # still the Beranda first
    assert view.b_lanjut.isVisibleTo(w) and "Evaluasi" in view.b_lanjut.text()
    qtbot.mouseClick(view.b_lanjut, Qt.MouseButton.LeftButton)
    assert w.stack.currentWidget() is w.view("evaluasi")


def test_beranda_reloads_when_data_changes(buka, qtbot):
    from kinerja_desktop.ui.aksi import pusat

    w = buka("hendra")
    view = w.view("beranda")
    lama = view.data
    pusat().umumkan(frozenset({"realisasi"}))
    qtbot.waitUntil(lambda: view.data is not lama, timeout=3000)
