"""The recap as the signed penetapan: only FINAL evaluations count as dinilai, and whether the
unit head counts in his own unit is an office setting the administrator changes."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import laporan
from kinerja_desktop.services.pengaturan import atur_kepala_unit_dihitung, kepala_unit_dihitung
from kinerja_desktop.services.uow import run
from tests import factories
from tests.data_evaluasi import kantor
from tests.reports.test_evaluasi_cetak import _evaluasi


@pytest.fixture
def k(session):
    data = kantor(session)
    session.commit()
    return data


def test_hanya_final_dihitung_dinilai_di_penetapan(db, k):
    _evaluasi(db, k, k.staf)  # FINAL
    _evaluasi(db, k, k.pppk, final=False)  # DRAF with a predikat
    camat = factories.actor_for(k.camat)
    tw1 = k.periode["TW1"].id
    layar = run(db.session_factory, camat, sv.distribusi_unit, k.seksi.id, tw1)
    assert layar.total_dinilai == 2  # the screen shows the drafts as they are rated
    c = run(db.session_factory, camat, laporan.siapkan_cetak_rekap, k.seksi.id, tw1)
    assert c.data["total_dinilai"] == 1
    assert sum(c.data["jumlah"].values()) == 1


def test_kepala_unit_dihitung_adalah_pengaturan(db, k, admin):
    camat = factories.actor_for(k.camat)
    tw1 = k.periode["TW1"].id
    _evaluasi(db, k, k.staf)
    assert run(db.session_factory, admin, kepala_unit_dihitung)
    sebelum = run(db.session_factory, camat, laporan.rekap_unit, k.seksi.id, tw1)
    assert sebelum.distribusi.total_pegawai == 3
    assert k.kasi.id in [r.pegawai_id for r in sebelum.rows]
    with pytest.raises(PermissionDenied):
        run(db.session_factory, camat, atur_kepala_unit_dihitung, False)
    run(db.session_factory, admin, atur_kepala_unit_dihitung, False)
    assert not run(db.session_factory, camat, kepala_unit_dihitung)
    sesudah = run(db.session_factory, camat, laporan.rekap_unit, k.seksi.id, tw1)
    assert sesudah.distribusi.total_pegawai == 2
    assert k.kasi.id not in [r.pegawai_id for r in sesudah.rows]
    c = run(db.session_factory, camat, laporan.siapkan_cetak_rekap, k.seksi.id, tw1)
    assert c.data["total_pegawai"] == 2
    assert k.kasi.nip not in [p["nip"] for p in c.data["pegawai"]]
    # the head still counts in the unit above, where he is not the head
    atas = run(db.session_factory, camat, laporan.rekap_unit, k.unit.id, tw1)
    assert k.kasi.id in [r.pegawai_id for r in atas.rows]
    assert k.camat.id not in [r.pegawai_id for r in atas.rows]
