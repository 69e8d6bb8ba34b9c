"""Finalising an evaluation before its period has ended needs a reason, kept in the history;
how many days before the last day it is no longer needed is an office setting."""

from __future__ import annotations

from datetime import datetime

import pytest

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services.pengaturan import atur_hari_final_tanpa_alasan
from kinerja_desktop.services.uow import run
from tests import factories
from tests.data_evaluasi import kantor

AWAL = datetime(2025, 3, 10, 9, 0)  # TW1 2025 ends on 31 March


@pytest.fixture
def k(session):
    data = kantor(session)
    session.commit()
    return data


def _draf(db, k):
    a = factories.actor_for(k.kasi)
    d = run(db.session_factory, a, sv.buka_evaluasi, k.staf.id, k.periode["TW1"].id)
    run(
        db.session_factory,
        a,
        sv.simpan_evaluasi,
        d.evaluasi_id,
        rating_hasil_kerja="SESUAI",
        rating_perilaku="SESUAI",
    )
    return a, d.evaluasi_id


def test_final_sebelum_periode_berakhir_perlu_alasan(db, k):
    a, ev = _draf(db, k)
    sebab = run(db.session_factory, a, sv.perlu_alasan_final, ev, pada=AWAL)
    assert sebab and "31 Maret 2025" in sebab and "alasan" in sebab
    with pytest.raises(ValidationError, match="memerlukan alasan"):
        run(db.session_factory, a, sv.finalkan_evaluasi, ev, pada=AWAL)
    with pytest.raises(ValidationError):
        run(db.session_factory, a, sv.finalkan_evaluasi, ev, pada=AWAL, alasan="   ")
    d = run(
        db.session_factory,
        a,
        sv.finalkan_evaluasi,
        ev,
        pada=AWAL,
        alasan="Pegawai mulai cuti melahirkan 11 Maret",
    )
    assert d.final
    final = [r for r in d.riwayat if r.aksi == "FINAL"]
    assert final[-1].alasan == "Pegawai mulai cuti melahirkan 11 Maret"


def test_setelah_periode_berakhir_tanpa_alasan(db, k):
    a, ev = _draf(db, k)
    assert run(db.session_factory, a, sv.perlu_alasan_final, ev, pada=datetime(2025, 3, 31)) is None
    d = run(db.session_factory, a, sv.finalkan_evaluasi, ev, pada=datetime(2025, 4, 2))
    assert [r.alasan for r in d.riwayat if r.aksi == "FINAL"] == [None]


def test_hari_paling_awal_adalah_pengaturan(db, k, admin):
    a, ev = _draf(db, k)
    with pytest.raises(PermissionDenied):
        run(db.session_factory, a, atur_hari_final_tanpa_alasan, 30)
    with pytest.raises(ValidationError):
        run(db.session_factory, admin, atur_hari_final_tanpa_alasan, 100)
    run(db.session_factory, admin, atur_hari_final_tanpa_alasan, 21)
    # 31 March − 21 days = 10 March: from then on no reason is needed
    assert run(db.session_factory, a, sv.perlu_alasan_final, ev, pada=AWAL) is None
    assert run(db.session_factory, a, sv.perlu_alasan_final, ev, pada=datetime(2025, 3, 9))
