"""pytest-qt: the audit viewer (filters, before/after detail, export) and Periksa integritas."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kinerja_desktop.db.models import Pegawai
from kinerja_desktop.domain.peran import SISTEM, Actor, Peran
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.uow import unit_of_work
from kinerja_desktop.ui.audit.integritas import PeriksaIntegritasDialog
from kinerja_desktop.ui.audit.view import AuditView
from tests import factories as f

ADMIN = Actor("admin", 1, None, frozenset({Peran.ADMIN}))
BUDI = Actor("budi", 2, None, frozenset({Peran.ADMIN}))


@pytest.fixture
def data(db):
    with unit_of_work(db.session_factory, SISTEM, "Isi awal") as s:
        ids = [f.pegawai(s, f"Pegawai {i}").id for i in range(3)]
    for pid in ids:
        with unit_of_work(db.session_factory, BUDI, "Mutasi jabatan") as s:
            s.get(Pegawai, pid).jabatan = f"Analis {pid}"
    return ids


@pytest.fixture
def view(qtbot, db, data):
    v = AuditView(AppContext(db, ADMIN))
    qtbot.addWidget(v)
    v.resize(1200, 700)
    return v


def test_filters_and_detail(view, data):
    assert view.model.rowCount() == 7 and view.status.text() == "7 catatan"
    view.pengguna.setCurrentIndex(view.pengguna.findData("budi"))
    assert view.model.rowCount() == 3
    assert {r.nama_pengguna for r in view.model.rows} == {"budi"}
    view.pegawai.setCurrentIndex(view.pegawai.findData(data[0]))
    assert view.model.rowCount() == 1
    view.tabel.selectRow(0)
    assert view.rinci.rowCount() == 1
    assert [view.rinci.item(0, j).text() for j in range(3)] == [
        "jabatan",
        "Penata Laporan Keuangan",
        f"Analis {data[0]}",
    ]
    assert "budi" in view.judul_rinci.text() and "Mutasi jabatan" in view.judul_rinci.text()
    view.hapus_filter()
    view.entitas.setCurrentIndex(view.entitas.findData("unit_kerja"))
    assert view.model.rowCount() == 1
    view.entitas.setCurrentIndex(0)
    view.aksi.setCurrentIndex(view.aksi.findData("UBAH"))
    assert view.model.rowCount() == 3
    besok = date.today() + timedelta(days=2)
    view.dari.setDate(QDate(besok.year, besok.month, besok.day))
    assert view.model.rowCount() == 0 and view.status.text() == "0 catatan"
    view.hapus_filter()
    assert view.model.rowCount() == 7


def test_model_fetches_in_pages(qtbot, db, monkeypatch):
    from kinerja_desktop.ui.audit import model as m

    monkeypatch.setattr(m, "HALAMAN", 4)
    with unit_of_work(db.session_factory, SISTEM) as s:
        for i in range(10):
            f.unit(s, f"Unit {i}")
    v = AuditView(AppContext(db, ADMIN))
    qtbot.addWidget(v)
    assert v.model.total == 10 and len(v.model.rows) <= 8
    while v.model.canFetchMore():
        v.model.fetchMore()
    assert [r.id for r in v.model.rows] == list(range(10, 0, -1))


def test_export_xlsx(view, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "ekspor"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Excel (*.xlsx)")
    )
    infos: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: infos.append(a[2]))
    view.aksi.setCurrentIndex(view.aksi.findData("UBAH"))
    with qtbot.waitSignal(view.tombol_ekspor.clicked):
        view.tombol_ekspor.click()
    with qtbot.waitSignal(view.task_ekspor.finished, timeout=10000):
        pass
    qtbot.waitUntil(lambda: bool(infos))
    from openpyxl import load_workbook

    rows = list(load_workbook(tmp_path / "ekspor.xlsx").active.iter_rows(values_only=True))
    assert len(rows) == 3 + 3 and "3 catatan" in infos[0]


def test_integrity_dialog_reports_first_broken_entry(qtbot, db, data, tmp_path):
    ctx = AppContext(db, ADMIN)
    dlg = PeriksaIntegritasDialog(ctx)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.selesai, timeout=10000):
        pass
    assert dlg.hasil.utuh and "utuh" in dlg.rantai.text()
    db.engine.dispose()
    con = sqlite3.connect(tmp_path / "kinerja.sqlite")
    con.execute("DELETE FROM audit_log WHERE id = 3")
    con.commit()
    con.close()
    dlg2 = PeriksaIntegritasDialog(ctx)
    qtbot.addWidget(dlg2)
    with qtbot.waitSignal(dlg2.selesai, timeout=10000):
        pass
    assert not dlg2.hasil.utuh and dlg2.hasil.audit.rusak_pada == 4
    assert "no. 4" in dlg2.rantai.text() and "Pulihkan" in dlg2.saran.text()
