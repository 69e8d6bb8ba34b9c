"""The recap as the signed penetapan: only FINAL evaluations count as dinilai, and whether the
unit head counts in his own unit is an office setting the administrator changes."""

from __future__ import annotations

from collections import Counter

import pytest

from kinerja_desktop.domain.distribusi import dihitung_dinilai
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
    assert layar.total_dinilai == 1 and layar.total_draf == 1  # the draft is shown apart
    c = run(db.session_factory, camat, laporan.siapkan_cetak_rekap, k.seksi.id, tw1)
    assert c.data["total_dinilai"] == 1
    assert sum(c.data["jumlah"].values()) == 1
    per_nip = {p["nip"]: p["predikat"] for p in c.data["pegawai"]}
    assert per_nip[k.staf.nip] == "BAIK" and per_nip[k.pppk.nip] is None


@pytest.mark.parametrize("final_pppk", [True, False])
def test_layar_dan_cetakan_menghitung_dengan_satu_aturan(db, k, final_pppk):
    """The recap screen, the printed penetapan and the rule itself (applied row by row to the
    recap's own rows) give the same counts: a change to one alone makes this fail."""
    _evaluasi(db, k, k.staf)
    _evaluasi(db, k, k.pppk, final=final_pppk)
    camat = factories.actor_for(k.camat)
    tw1 = k.periode["TW1"].id
    rekap = run(db.session_factory, camat, laporan.rekap_unit, k.seksi.id, tw1)
    c = run(db.session_factory, camat, laporan.siapkan_cetak_rekap, k.seksi.id, tw1)
    menurut_aturan = Counter(
        r.predikat for r in rekap.rows if dihitung_dinilai(r.status_evaluasi, r.predikat)
    )
    layar = {p: n for p, n in rekap.distribusi.jumlah.items() if n}
    cetak = {p: n for p, n in c.data["jumlah"].items() if n}
    assert layar == cetak == dict(menurut_aturan)
    assert rekap.distribusi.total_dinilai == c.data["total_dinilai"] == menurut_aturan.total()
    assert rekap.distribusi.total_draf == (0 if final_pppk else 1)


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
