"""Period rules: schemes, deadlines, refusal to change a year that has data, late flags."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.errors import PermissionDenied, StateError, ValidationError
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services import periode as svc
from kinerja_desktop.services.uow import run
from tests.factories_pemantauan import kantor


def test_default_is_triwulan_with_deadline(db, admin):
    rows = run(db.session_factory, admin, lambda s, a: svc.pastikan_periode(s, 2025))
    assert [r.kode for r in rows] == ["TW1", "TW2", "TW3", "AKHIR"]
    assert rows[0].mulai == date(2025, 1, 1) and rows[0].selesai == date(2025, 3, 31)
    assert rows[0].batas_pengisian == date(2025, 4, 10)
    assert rows[-1].akhir and not rows[0].akhir
    # idempotent
    again = run(db.session_factory, admin, svc.daftar_periode, 2025)
    assert [r.id for r in again] == [r.id for r in rows]


def test_admin_sets_bulanan_and_semester(db, admin):
    rows = run(db.session_factory, admin, svc.atur_periode, 2026, "BULANAN", 5)
    assert len(rows) == 12 and rows[0].kode == "B01" and rows[-1].kode == "AKHIR"
    assert rows[1].batas_pengisian == date(2026, 3, 5)
    rows = run(db.session_factory, admin, svc.atur_periode, 2026, "SEMESTER")
    assert [r.kode for r in rows] == ["S1", "AKHIR"]
    assert run(db.session_factory, admin, svc.daftar_periode, 2026) == rows


def test_only_admin_sets_periods(db, session):
    k = kantor(session)
    with pytest.raises(PermissionDenied):
        run(db.session_factory, k.a_pegawai, svc.atur_periode, 2026, "BULANAN")
    with pytest.raises(PermissionDenied):
        run(db.session_factory, k.a_atasan, svc.ubah_batas_pengisian, k.tw1.id, date(2025, 5, 1))


def test_scheme_change_refused_when_realisasi_exists(db, session, admin):
    k = kantor(session)
    run(
        db.session_factory,
        k.a_pegawai,
        pm.simpan_realisasi,
        k.iki[0].id,
        k.tw1.id,
        3,
        hari_ini=date(2025, 4, 2),
    )
    with pytest.raises(StateError) as e:
        run(db.session_factory, admin, svc.atur_periode, 2025, "BULANAN")
    assert "1 realisasi" in str(e.value) and "tidak dapat diubah" in str(e.value)
    # the same scheme again is fine and keeps the periods
    rows = run(db.session_factory, admin, svc.atur_periode, 2025, "TRIWULAN")
    assert [r.id for r in rows] == [p.id for p in k.periode]


def test_unknown_scheme_and_bad_deadline(db, session, admin):
    k = kantor(session)
    with pytest.raises(ValidationError):
        run(db.session_factory, admin, svc.atur_periode, 2026, "MINGGUAN")
    with pytest.raises(ValidationError) as e:
        run(db.session_factory, admin, svc.ubah_batas_pengisian, k.tw1.id, date(2024, 12, 1))
    assert "sebelum periode dimulai" in str(e.value)


def test_deadline_edit_and_late_flag(db, session, admin):
    k = kantor(session)
    a = k.a_pegawai
    # on time (deadline 10-04)
    r = run(
        db.session_factory,
        a,
        pm.simpan_realisasi,
        k.iki[0].id,
        k.tw1.id,
        3,
        hari_ini=date(2025, 4, 10),
    )
    assert not r.terlambat
    # late: allowed but flagged
    r = run(
        db.session_factory,
        a,
        pm.simpan_realisasi,
        k.iki[1].id,
        k.tw1.id,
        90,
        hari_ini=date(2025, 4, 11),
    )
    assert r.terlambat and r.status == "DRAF"
    # operator extends the deadline; a new entry made then is on time
    p = run(db.session_factory, admin, svc.ubah_batas_pengisian, k.tw1.id, date(2025, 4, 20))
    assert p.batas_pengisian == date(2025, 4, 20)
    r = run(
        db.session_factory,
        a,
        pm.simpan_realisasi,
        k.iki[1].id,
        k.tw1.id,
        95,
        hari_ini=date(2025, 4, 15),
    )
    assert not r.terlambat
    assert p.terlambat_pada(date(2025, 4, 21)) and not p.terlambat_pada(date(2025, 4, 20))


def test_periode_berjalan():
    from kinerja_desktop.domain.periode import buat_periode
    from kinerja_desktop.services.periode import PeriodeRow

    ps = [
        PeriodeRow(
            s.nomor,
            2025,
            "TRIWULAN",
            s.kode,
            s.nama,
            s.nomor,
            s.mulai,
            s.selesai,
            s.selesai,
            s.akhir,
        )
        for s in buat_periode(2025, "TRIWULAN")
    ]
    assert svc.periode_berjalan(ps, date(2025, 5, 5)).kode == "TW2"
    assert svc.periode_berjalan(ps, date(2024, 5, 5)).kode == "TW1"
    assert svc.periode_berjalan(ps, date(2026, 5, 5)).kode == "AKHIR"
    assert svc.periode_berjalan([], date(2026, 5, 5)) is None
