"""pytest-qt: the operator's "Mutasi…" button in the Pegawai view, a refused move shown beside
its field, and a move recorded in one go (unit, atasan, SKP closed and opened)."""

from __future__ import annotations

import random
from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from kinerja_desktop.db.models import Skp, UnitKerja
from kinerja_desktop.demo.roster import isi_roster
from kinerja_desktop.services import pegawai as svc
from kinerja_desktop.services import penugasan
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.skp.buat import buat_skp
from kinerja_desktop.ui.pegawai import mutasi_dialog
from kinerja_desktop.ui.pegawai.view import PegawaiView

TAHUN = date.today().year


@pytest.fixture
def ids(session, admin):
    hasil = isi_roster(session, TAHUN, random.Random(7))
    buat_skp(session, admin, hasil["keu2"], TAHUN)
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
def pesan(monkeypatch):
    shown: list[tuple[str, str]] = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(
            QMessageBox, name, lambda _p, judul, teks, *a, _n=name: shown.append((judul, teks))
        )
    return shown


def test_mutasi_from_the_pegawai_view(view, ids, monkeypatch, pesan):
    assert view.btn_mutasi.isVisible() and view.btn_mutasi.text() == "Mutasi…"
    assert view.pilih_pegawai(ids["keu2"])
    assert view.btn_mutasi.isEnabled()
    ctx = view.ctx
    kapmd = ctx.run(svc.ambil_pegawai, ids["kapmd"])
    kakeu = ctx.run(svc.ambil_pegawai, ids["kakeu"])
    with ctx.db.session_factory() as s:
        pmd = s.scalar(select(UnitKerja.id).where(UnitKerja.nama.like("Seksi Pemberdayaan%")))
    seen = {}

    def isi(dlg):
        dlg.tanggal.setDate(QDate(TAHUN, 7, 1))
        dlg.penilai.set_pegawai(kakeu)  # same unit and penilai: nothing to move
        dlg.simpan()
        seen["galat"] = dlg.form.error("unit")
        dlg.unit.setCurrentIndex(dlg.unit.findData(pmd))
        dlg.penilai.set_pegawai(kapmd)
        dlg.simpan()
        return dlg.result()

    monkeypatch.setattr(mutasi_dialog.MutasiDialog, "exec", isi)
    view.btn_mutasi.click()
    assert "tidak ada mutasi" in seen["galat"]
    assert pesan and pesan[-1][0] == "Mutasi dicatat"
    row = ctx.run(svc.ambil_pegawai, ids["keu2"])
    assert row.unit_kerja_id == pmd
    with ctx.db.session_factory() as s:
        assert penugasan.penilai_pada(s, ids["keu2"], date(TAHUN, 7, 1)) == ids["kapmd"]
        assert penugasan.penilai_pada(s, ids["keu2"], date(TAHUN, 6, 30)) == ids["kakeu"]
        skp = [
            (x.mulai, x.selesai, x.penilai_id)
            for x in s.scalars(select(Skp).where(Skp.pegawai_id == ids["keu2"]).order_by(Skp.mulai))
        ]
    assert skp == [
        (date(TAHUN, 1, 1), date(TAHUN, 6, 30), ids["kakeu"]),
        (date(TAHUN, 7, 1), date(TAHUN, 12, 31), ids["kapmd"]),
    ]
