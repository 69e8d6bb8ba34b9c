"""pytest-qt: the real Pegawai view — list, search, add, edit with a validation error,
deactivate, unit tree, import through the dialog."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox
from sqlalchemy import func, select

from kinerja_desktop.db.models import Pegawai, UnitKerja
from kinerja_desktop.demo.roster import isi_roster
from kinerja_desktop.services import pegawai as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.pegawai import dialogs, import_dialog, unit_tree
from kinerja_desktop.ui.pegawai.view import PegawaiView

SAMPLES = Path(__file__).parents[1] / "exchange" / "samples"


@pytest.fixture
def ids(session):
    hasil = isi_roster(session, date.today().year, random.Random(7))
    session.commit()
    return hasil


@pytest.fixture
def view(qtbot, db, admin, ids):
    v = PegawaiView(AppContext(db, admin))
    qtbot.addWidget(v)
    v.resize(1300, 700)
    v.show()
    return v


@pytest.fixture(autouse=True)
def no_modal_boxes(monkeypatch):
    shown: list[tuple[str, str]] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _p, judul, teks, *a, _n=name: shown.append((judul, teks))
        )
    return shown


def _count(db, **where) -> int:
    with db.session_factory() as s:
        stmt = select(func.count(Pegawai.id))
        for k, v in where.items():
            stmt = stmt.where(getattr(Pegawai, k) == v)
        return s.scalar(stmt)


def test_lists_active_pegawai_sorted_by_name(view, qtmodeltester):
    assert view.model.total == 39  # 40 minus the retired one
    assert view.jumlah.text() == "39 pegawai"
    names = [view.model.baris(i).nama for i in range(view.model.rowCount())]
    assert names == sorted(names, key=str.lower)
    qtmodeltester.check(view.model)


def test_search_as_you_type(view, qtbot):
    qtbot.keyClicks(view.cari, "muhammad ri")
    qtbot.waitUntil(lambda: view.model.total == 1, timeout=2000)
    assert view.model.baris(0).nama == "Muhammad Rizal"
    view.cari.clear()
    qtbot.waitUntil(lambda: view.model.total == 39, timeout=2000)
    nip = view.model.baris(3).nip
    qtbot.keyClicks(view.cari, f"{nip[:8]} {nip[8:11]}")
    qtbot.waitUntil(lambda: view.model.total >= 1 and view.model.baris(0).nip == nip, timeout=2000)


def test_filters_and_sorting(view, ids):
    view.status.setCurrentIndex(4)  # PPPK
    assert {view.model.baris(i).status for i in range(view.model.rowCount())} == {"PPPK"}
    view.status.setCurrentIndex(0)
    view.aktif.setCurrentIndex(1)  # Nonaktif
    assert view.model.total == 1 and view.model.baris(0).nama == "Sukardi"
    view.aktif.setCurrentIndex(0)
    view.tree.pilih_unit(view.ctx.run(svc.ambil_pegawai, ids["lurah1"]).unit_kerja_id)
    assert {view.model.baris(i).unit_kerja for i in range(view.model.rowCount())} == {
        "Kelurahan Muara Tebo"
    }
    view.tree.pilih_unit(None)
    view.tabel.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    nips = [view.model.baris(i).nip for i in range(view.model.rowCount())]
    assert nips == sorted(nips, reverse=True)


def test_add_pegawai_through_dialog(view, monkeypatch):
    def isi(dlg):
        dlg.nip.setText("19910203 201903 1 004")
        dlg._nip_selesai()  # fills tanggal lahir and jenis kelamin from the NIP
        dlg.nama.setText("Slamet Riyadi")
        dlg.gelar_belakang.setText("S.Kom.")
        dlg.golongan.setCurrentIndex(dlg.golongan.findData("III/b"))
        dlg.jabatan.setText("Pranata Komputer Ahli Pertama")
        dlg.jenis_jabatan.setCurrentIndex(dlg.jenis_jabatan.findData("FUNGSIONAL"))
        dlg.jenjang.setCurrentIndex(dlg.jenjang.findData("AHLI_PERTAMA"))
        dlg.atasan_baru.set_pegawai(view.model.baris(0))
        assert dlg.tanggal_lahir.date() == QDate(1991, 2, 3)
        dlg.simpan()
        return dlg.result()

    monkeypatch.setattr(dialogs.PegawaiDialog, "exec", isi)
    view.btn_tambah.click()
    assert _count(view.ctx.db, nama="Slamet Riyadi") == 1
    p = view.terpilih()
    assert p is not None and p.nama_lengkap == "Slamet Riyadi, S.Kom."
    assert view.model.total == 40


def test_edit_with_validation_error_then_fix(view, monkeypatch):
    view.tabel.setCurrentIndex(view.model.index(0, 0))
    asli = view.terpilih()
    langkah = {}

    def edit(dlg):
        dlg.tanggal_lahir.setDate(QDate(1950, 1, 1))  # disagrees with the NIP
        dlg.jabatan.setText("Jabatan Baru")
        dlg.simpan()
        langkah["galat"] = dlg.form.error("tanggal_lahir")
        langkah["terbuka"] = dlg.result() != QDialog.DialogCode.Accepted
        assert _count(view.ctx.db, jabatan="Jabatan Baru") == 0  # nothing saved yet
        dlg.tanggal_lahir.setDate(
            QDate(asli.tanggal_lahir.year, asli.tanggal_lahir.month, asli.tanggal_lahir.day)
        )
        dlg.simpan()
        langkah["galat_setelah"] = dlg.form.error("tanggal_lahir")
        return dlg.result()

    monkeypatch.setattr(dialogs.PegawaiDialog, "exec", edit)
    view.btn_ubah.click()
    assert "tidak sama dengan tanggal lahir pada nomor induk" in langkah["galat"]
    assert langkah["terbuka"]
    assert langkah["galat_setelah"] == ""
    assert view.ctx.run(svc.ambil_pegawai, asli.id).jabatan == "Jabatan Baru"


def test_edit_shows_penilai_history_and_adds_plt(view, ids, monkeypatch):
    view.pilih_pegawai(ids["pem1"])
    kapem = view.ctx.run(svc.ambil_pegawai, ids["kapem"])
    sekcam = view.ctx.run(svc.ambil_pegawai, ids["sekcam"])
    seen = {}

    def plt(dlg):
        dlg.jenis.setCurrentIndex(0)
        dlg.penilai.set_pegawai(sekcam)
        dlg.mulai.setDate(QDate(date.today().year, 8, 1))
        dlg.selesai.setDate(QDate(date.today().year, 8, 31))
        dlg.simpan()
        return dlg.result()

    def edit(dlg):
        seen["awal"] = [dlg.riwayat.item(r, 1).text() for r in range(dlg.riwayat.rowCount())]
        dlg._penugasan(True)
        seen["akhir"] = [dlg.riwayat.item(r, 0).text() for r in range(dlg.riwayat.rowCount())]
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(dialogs.PenugasanDialog, "exec", plt)
    monkeypatch.setattr(dialogs.PegawaiDialog, "exec", edit)
    view.ubah()
    assert seen["awal"] == [kapem.nama_lengkap]
    assert seen["akhir"] == ["PLT", "Atasan langsung"]


def test_deactivate_and_reactivate(view, ids, monkeypatch):
    view.pilih_pegawai(ids["pem2"])
    monkeypatch.setattr(dialogs.NonaktifDialog, "exec", lambda d: QDialog.DialogCode.Accepted)
    view.btn_aktif.click()
    assert _count(view.ctx.db, aktif=False) == 2
    assert view.model.total == 38
    view.aktif.setCurrentIndex(2)
    view.pilih_pegawai(ids["pem2"])
    assert view.btn_aktif.text() == "Aktifkan"
    view.btn_aktif.click()
    assert _count(view.ctx.db, aktif=False) == 1


def test_unit_tree_add_rename_move(view, monkeypatch):
    tree = view.tree
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Seksi Ekonomi", True))
    tree.tambah_unit()
    baru = tree.unit_id()
    assert tree.item_unit(baru).text(0).startswith("Seksi Ekonomi")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Seksi Perekonomian", True))
    tree.ubah_nama()
    assert tree.item_unit(baru).text(0).startswith("Seksi Perekonomian")
    with view.ctx.db.session_factory() as s:
        kec = s.scalar(select(UnitKerja.id).where(UnitKerja.nama == "Kecamatan Tebo Tengah"))

    def pilih(dlg):
        it = dlg.tree.findItems("Kecamatan Tebo Tengah", Qt.MatchFlag.MatchRecursive)[0]
        dlg.tree.setCurrentItem(it)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(unit_tree.PilihUnitDialog, "exec", pilih)
    tree.pindahkan()
    assert tree.item_unit(baru).parent().data(0, unit_tree.ID_ROLE) == kec
    tree.ubah_aktif()  # empty unit: may be deactivated
    assert tree.item_unit(baru) is None
    tree.cek_nonaktif.setChecked(True)
    assert "[nonaktif]" in tree.item_unit(baru).text(0)


def test_unit_with_pegawai_cannot_be_deactivated(view, ids, no_modal_boxes):
    view.tree.pilih_unit(view.ctx.run(svc.ambil_pegawai, ids["kapem"]).unit_kerja_id)
    view.tree.ubah_aktif()
    assert no_modal_boxes and "pegawai aktif" in no_modal_boxes[-1][1]


def test_import_through_dialog(view, qtbot, monkeypatch, no_modal_boxes):
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileName",
        lambda *a, **k: (str(SAMPLES / "siasn_export_rusak.csv"), ""),
    )
    seen = {}

    def jalankan(dlg):
        qtbot.waitUntil(lambda: dlg.pratinjau is not None, timeout=5000)
        seen["tabs"] = [dlg.tab.tabText(i) for i in range(dlg.tab.count())]
        dlg.tab.setCurrentIndex(4)
        seen["invalid_rows"] = [dlg.model.rows[i].nomor_baris for i in range(len(dlg.model.rows))]
        dlg.tab.setCurrentIndex(1)
        # untick the PPPK row (row 11) before applying
        i = next(i for i, b in enumerate(dlg.model.rows) if b.nomor_baris == 11)
        dlg.model.setData(
            dlg.model.index(i, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
        )
        seen["tombol"] = dlg.btn_terapkan.text()
        with qtbot.waitSignal(dlg.selesai, timeout=5000):
            dlg.btn_terapkan.click()
        return dlg.result()

    monkeypatch.setattr(import_dialog.ImportDialog, "exec", jalankan)
    before = view.model.total
    view.btn_impor.click()
    assert seen["tabs"] == [
        "Semua (10)",
        "Baru (3)",
        "Berubah (0)",
        "Tidak berubah (0)",
        "Tidak valid (7)",
        "Perlu dilengkapi / perkiraan (0)",
    ]
    assert seen["invalid_rows"] == [4, 5, 6, 7, 8, 9, 10]
    assert seen["tombol"] == "Terapkan (2 baris)"
    assert view.model.total == before + 2
    assert no_modal_boxes[-1][0] == "Impor selesai"
    assert any("Rimbo Bujang" in it.text(0) for it in view.tree.semua_item())


def test_real_siasn_file_groups_unsure_rows_then_opens_the_worklist(
    view, qtbot, monkeypatch, no_modal_boxes, db
):
    from kinerja_desktop.ui.pegawai.perlu_dilengkapi import PerluDilengkapiDialog

    nyata = SAMPLES / "siasn_export_nyata.csv"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(nyata), ""))
    seen: dict = {}

    def jalankan(dlg):
        qtbot.waitUntil(lambda: dlg.pratinjau is not None, timeout=5000)
        seen["tabs"] = [dlg.tab.tabText(i) for i in range(dlg.tab.count())]
        dlg.tab.setCurrentIndex(5)
        seen["perlu"] = [dlg.model.data(dlg.model.index(i, 6)) for i in range(dlg.model.rowCount())]
        with qtbot.waitSignal(dlg.selesai, timeout=5000):
            dlg.btn_terapkan.click()
        return dlg.result()

    def daftar(dlg):
        seen["worklist"] = [dlg.tabel.item(i, 3).text() for i in range(dlg.tabel.rowCount())]
        return 0

    monkeypatch.setattr(import_dialog.ImportDialog, "exec", jalankan)
    monkeypatch.setattr(PerluDilengkapiDialog, "exec", daftar)
    view.btn_impor.click()
    assert seen["tabs"][4:] == ["Tidak valid (0)", "Perlu dilengkapi / perkiraan (6)"]
    assert len(seen["perlu"]) == 6 and any("jenjang perlu dilengkapi" in t for t in seen["perlu"])
    assert sorted(seen["worklist"]).count("jenis jabatan perkiraan, periksa") == 2
    assert len(seen["worklist"]) == 6
    # also reachable later: a filter of the roster beside the others, with its count
    assert view.cek_perlu.isVisible() and view.cek_perlu.text() == "Perlu dilengkapi (6)"
    view.cek_perlu.setChecked(True)
    assert view.model.total == 6
    rows = [view.model.baris(i) for i in range(view.model.rowCount())]
    assert all(r.perlu_dilengkapi for r in rows)
    i = next(i for i, r in enumerate(rows) if "jenjang" in (r.perlu_dilengkapi or ""))
    assert view.model.data(view.model.index(i, 4), Qt.ItemDataRole.BackgroundRole) is not None

    def lengkapi(dlg):  # completing the jenjang from the roster clears the mark
        assert "Perlu dilengkapi" in dlg.catatan_perlu.text()
        dlg.jenjang.setCurrentIndex(dlg.jenjang.findData("AHLI_MUDA"))
        dlg.simpan()
        return dlg.result()

    monkeypatch.setattr(dialogs.PegawaiDialog, "exec", lengkapi)
    view.tabel.setCurrentIndex(view.model.index(i, 0))
    view.ubah()
    assert view.cek_perlu.text() == "Perlu dilengkapi (5)" and view.model.total == 5
    assert _count(db, id=rows[i].id, perlu_dilengkapi=None, jenjang="AHLI_MUDA") == 1


def test_kedudukan_table_dialog_from_the_pegawai_view(view, qtbot, monkeypatch, db, admin):
    from kinerja_desktop.services import impor_pegawai as imp
    from kinerja_desktop.ui.pegawai.kedudukan_dialog import KedudukanDialog

    def ubah(dlg):
        baris = [dlg.tabel.item(i, 0).text() for i in range(dlg.tabel.rowCount())]
        i = baris.index("Tugas Belajar")
        dlg.tabel.cellWidget(i, 1).setCurrentIndex(2)  # Dinonaktifkan (keluar)
        dlg.tambah_baris("Cuti Besar")
        dlg.simpan()
        return dlg.result()

    monkeypatch.setattr(KedudukanDialog, "exec", ubah)
    assert view.btn_kedudukan.isVisible()
    view.btn_kedudukan.click()
    with db.session_factory() as s:
        tabel = imp.tabel_kedudukan(s, admin)
    assert tabel["tugas belajar"].value == "KELUAR" and tabel["cuti besar"].value == "AKTIF"
    assert tabel["pensiun"].value == "KELUAR"


def test_import_dialog_reports_unreadable_file(qtbot, db, admin, no_modal_boxes):
    dlg = import_dialog.ImportDialog(AppContext(db, admin))
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.gagal, timeout=5000):
        dlg.buka(str(SAMPLES / "bukan_tabel.xlsx"))
    assert no_modal_boxes and "judul kolom" in no_modal_boxes[-1][1]
    assert not dlg.btn_terapkan.isEnabled()


def test_export_and_template(view, qtbot, monkeypatch, tmp_path, no_modal_boxes):
    target = tmp_path / "roster.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.ekspor()
    qtbot.waitUntil(lambda: bool(no_modal_boxes), timeout=5000)
    assert no_modal_boxes[-1] == ("Ekspor selesai", f"39 pegawai diekspor ke\n{target}")
    templat = tmp_path / "templat"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(templat), ""))
    view.btn_template.click()
    assert (tmp_path / "templat.xlsx").exists()


def test_read_only_user_sees_no_change_buttons(qtbot, db, ids):
    from kinerja_desktop.domain.peran import Actor, Peran

    # a Kepala Seksi: the list holds himself and the pegawai he rates, not the whole roster
    kasi = Actor(nama="x", pegawai_id=ids["kapem"], peran=frozenset({Peran.PEGAWAI}))
    v = PegawaiView(AppContext(db, kasi))
    qtbot.addWidget(v)
    assert v.btn_tambah.isHidden() and v.btn_impor.isHidden() and v.btn_aktif.isHidden()
    assert not v.btn_ekspor.isHidden()
    assert 1 < v.model.total < 39
    assert v.model.total == v.ctx.run(svc.hitung_pegawai, svc.FilterPegawai())


def test_model_loads_pages_on_demand(db, admin, ids, qtmodeltester):
    from PySide6.QtCore import QModelIndex

    from kinerja_desktop.ui.pegawai.table_model import PegawaiTableModel

    model = PegawaiTableModel(AppContext(db, admin))
    model.PAGE = 15
    model.reload()
    assert (model.total, model.rowCount()) == (39, 15)
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 39 and not model.canFetchMore(QModelIndex())
    names = [model.baris(i).nama.lower() for i in range(39)]
    assert names == sorted(names)
    qtmodeltester.check(model)


def test_drop_on_another_unit_moves_it(view):
    tree = view.tree
    with view.ctx.db.session_factory() as s:
        kesos, kel1 = (
            s.scalar(select(UnitKerja.id).where(UnitKerja.nama == n))
            for n in ("Seksi Kesejahteraan Sosial", "Kelurahan Muara Tebo")
        )
    tree.tree.dipindah.emit(kesos, kel1)  # what dropEvent emits for a drop on Kelurahan
    assert tree.item_unit(kesos).parent().data(0, unit_tree.ID_ROLE) == kel1
    tree.tree.dipindah.emit(kel1, kesos)  # under its own sub-unit: refused with a message
    assert tree.item_unit(kesos).parent().data(0, unit_tree.ID_ROLE) == kel1


def test_mark_pimpinan_unit_kerja_mandiri_in_the_dialog(view, monkeypatch):
    """The pegawai dialog marks a pimpinan unit kerja mandiri (he gets the JPT forms)."""
    view.tabel.setCurrentIndex(view.model.index(0, 0))
    asli = view.terpilih()
    assert not asli.pimpinan_unit_mandiri

    def edit(dlg):
        assert not dlg.pimpinan_unit_mandiri.isChecked()
        dlg.pimpinan_unit_mandiri.setChecked(True)
        dlg.simpan()
        return dlg.result()

    monkeypatch.setattr(dialogs.PegawaiDialog, "exec", edit)
    view.btn_ubah.click()
    assert view.ctx.run(svc.ambil_pegawai, asli.id).pimpinan_unit_mandiri

    def lihat(dlg):
        assert dlg.pimpinan_unit_mandiri.isChecked()  # the dialog shows the stored mark
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(dialogs.PegawaiDialog, "exec", lihat)
    view.btn_ubah.click()


def test_pelaksana_sebagai_penilai_meminta_pendelegasian(view, ids, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from kinerja_desktop.services import organisasi as org

    pelaksana = next(
        p
        for k, pid in ids.items()
        if k != "pem1" and (p := view.ctx.run(svc.ambil_pegawai, pid)).jenis_jabatan == "PELAKSANA"
    )
    ditanya: list[str] = []

    def jawab(_parent, judul, label, *a, **kw):
        ditanya.append(f"{judul}: {label}")
        return ("Surat Camat 800/15 tanggal 2 Januari", True)

    monkeypatch.setattr(QInputDialog, "getText", jawab)
    dlg = dialogs.PenugasanDialog(view.ctx, ids["pem1"], True)
    dlg.penilai.set_pegawai(pelaksana)
    dlg.mulai.setDate(QDate(date.today().year, 8, 1))
    dlg.selesai.setDate(QDate(date.today().year, 8, 31))
    dlg.simpan()
    assert ditanya and "berjabatan Pelaksana" in ditanya[0] and "Pasal 1" in ditanya[0]
    assert dlg.result() == QDialog.DialogCode.Accepted
    riwayat = view.ctx.run(org.riwayat_penilai, ids["pem1"])
    assert any("Pendelegasian: Surat Camat 800/15" in (r.keterangan or "") for r in riwayat)


def test_bebas_tugas_is_shown_and_set_in_the_edit_dialog(view, qtbot, monkeypatch, db):
    view.tabel.setCurrentIndex(view.model.index(0, 0))
    p = view.terpilih()
    assert p is not None and not p.bebas_tugas

    def tandai(dlg):
        assert not dlg.alasan_bebas.isEnabled()
        dlg.bebas_tugas.setChecked(True)
        assert dlg.alasan_bebas.isEnabled()
        dlg.simpan()  # no reason: refused beside the field
        assert "alasan bebas tugas" in dlg.form.error("alasan_bebas_tugas").lower()
        dlg.alasan_bebas.setCurrentText("Tugas Belajar")
        dlg.simpan()
        return dlg.result()

    monkeypatch.setattr(dialogs.PegawaiDialog, "exec", tandai)
    view.ubah()
    assert _count(db, id=p.id, bebas_tugas=True, kedudukan_hukum="Tugas Belajar") == 1
    assert view.pilih_pegawai(p.id)
    i = view.tabel.currentIndex().row()
    assert view.model.data(view.model.index(i, 6)) == "Bebas tugas: Tugas Belajar"

    def lihat(dlg):  # opened again, the form shows what is stored
        assert dlg.bebas_tugas.isChecked() and dlg.alasan_bebas.currentText() == "Tugas Belajar"
        return 0

    monkeypatch.setattr(dialogs.PegawaiDialog, "exec", lihat)
    view.ubah()
