"""The demo office's year as it happens: one pegawai moved on 1 July, one rated by a PLT for
the third quarter (the roster, SKP and move steps of the demo)."""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select

from kinerja_desktop.db.models import Pegawai, Skp
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.services import penugasan
from kinerja_desktop.services.uow import unit_of_work

TAHUN = date.today().year


def test_demo_move_and_third_quarter_plt(db, session):
    from kinerja_desktop.demo.mutasi import isi_mutasi
    from kinerja_desktop.demo.roster import isi_roster
    from kinerja_desktop.demo.skp import isi_skp

    rng = random.Random(2025)
    with unit_of_work(db.session_factory, SISTEM, "demo") as s:
        ids = isi_roster(s, TAHUN, rng)
        isi_skp(s, TAHUN, rng)
        assert isi_mutasi(s, TAHUN, rng) == {"mutasi": 1}
    maya = ids["keu2"]
    skp = [
        (x.mulai, x.selesai, x.penilai_id, x.status)
        for x in session.scalars(select(Skp).where(Skp.pegawai_id == maya).order_by(Skp.mulai))
    ]
    assert skp == [
        (date(TAHUN, 1, 1), date(TAHUN, 6, 30), ids["kakeu"], "DITETAPKAN"),
        (date(TAHUN, 7, 1), date(TAHUN, 12, 31), ids["kapmd"], "DITETAPKAN"),
    ]
    assert session.get(Pegawai, maya).unit_kerja.nama.startswith("Seksi Pemberdayaan")
    assert maya in penugasan.bawahan_tahun(session, ids["kakeu"], TAHUN)
    assert maya in penugasan.bawahan_tahun(session, ids["kapmd"], TAHUN)
    joko = penugasan.penilai_dalam(session, ids["trantib1"], date(TAHUN, 7, 1), date(TAHUN, 9, 30))
    assert [(m.penilai_id, m.jenis) for m in joko] == [(ids["kapem"], "PLT")]
