"""One identity type and one snapshot schema for SKP and evaluation (and the print data)."""

from __future__ import annotations

import dataclasses
import importlib
import json
import pkgutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kinerja_desktop
from kinerja_desktop.db.models import Evaluasi, Skp
from kinerja_desktop.domain.identitas import (
    VERSI_SNAPSHOT,
    Identitas,
    SnapshotIdentitas,
    json_cetak,
)
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import identitas as svc_identitas
from kinerja_desktop.services import skp as skp_svc
from kinerja_desktop.services.uow import run
from tests import factories
from tests.data_evaluasi import TAHUN, kantor

teks = st.text(max_size=40)
identitas = st.builds(Identitas, teks, teks, teks, teks, teks, st.booleans())
blok = st.none() | identitas


@given(identitas)
def test_identitas_json_round_trip(idn):
    assert Identitas.dari_json(json.loads(json.dumps(idn.ke_json()))) == idn


@given(blok, blok, blok, teks, teks, st.none() | st.dates())
def test_snapshot_json_round_trip(pegawai, penilai, atasan, instansi, tempat, diambil):
    snap = SnapshotIdentitas(pegawai, penilai, atasan, instansi, tempat, diambil)
    assert SnapshotIdentitas.dari_json(snap.ke_json()) == snap
    assert json.loads(snap.ke_json())["versi"] == VERSI_SNAPSHOT


def test_snapshot_not_taken_or_unreadable_reads_empty():
    assert SnapshotIdentitas.dari_json("{}") == SnapshotIdentitas()
    assert SnapshotIdentitas.dari_json(None) == SnapshotIdentitas()
    assert SnapshotIdentitas.dari_json("bukan json") == SnapshotIdentitas()


def test_another_schema_is_refused_not_printed_blank():
    lama_skp = {"pegawai": {"nama_lengkap": "Siti", "status": "PNS"}, "instansi": "X"}
    with pytest.raises(ValueError, match="versi None"):
        SnapshotIdentitas.dari_json(json.dumps(lama_skp))
    with pytest.raises(ValueError, match="versi 2"):
        SnapshotIdentitas.dari_json(json.dumps({"versi": 2, "pegawai": None}))
    with pytest.raises(ValueError, match="nama_lengkap"):
        Identitas.dari_json({"nama_lengkap": "Siti", "nip": ""})


def test_absent_block_prints_empty():
    assert json_cetak(None) == Identitas("", "", "", "", "").ke_json()
    assert Identitas.dari_json(None).nip_cetak == "-"


@pytest.fixture
def k(session):
    data = kantor(session)
    session.commit()
    return data


def _evaluasi(db, session, k, pegawai) -> Evaluasi:
    d = run(
        db.session_factory,
        factories.actor_for(k.kasi),
        sv.buka_evaluasi,
        pegawai.id,
        k.periode["TW1"].id,
    )
    session.commit()  # end the read transaction so the new row is seen
    return session.get(Evaluasi, d.evaluasi_id)


def test_skp_and_evaluation_snapshots_of_a_pegawai_serialise_identically(db, session, k):
    for pegawai in (k.staf, k.pppk):
        ev = _evaluasi(db, session, k, pegawai)
        dari_skp = skp_svc.buat_snapshot(session, pegawai.id, k.kasi.id, date(TAHUN, 1, 1))
        assert dari_skp == ev.snapshot
        snap = svc_identitas.baca_snapshot(ev.snapshot)
        assert snap.pegawai == svc_identitas.identitas(session, pegawai.id)
        assert snap.atasan_penilai == svc_identitas.identitas(session, k.camat.id)
    assert svc_identitas.baca_snapshot(ev.snapshot).pegawai.label_nip == "NI PPPK"


def test_print_data_holds_the_snapshot_identity_json(db, session, k):
    ev = _evaluasi(db, session, k, k.staf)
    snap = json.loads(ev.snapshot)
    for data in (
        sv.data_cetak_evaluasi(session, ev.uuid),
        sv.data_cetak_dokumen(session, ev.uuid),
    ):
        assert data["pegawai"] == snap["pegawai"]
        assert data["penilai"] == snap["penilai"]
    assert sv.data_cetak_dokumen(session, ev.uuid)["atasan_penilai"] == snap["atasan_penilai"]
    skp = session.get(Skp, k.skp[k.staf.id].id)
    skp.snapshot = skp_svc.buat_snapshot(session, k.staf.id, k.kasi.id, skp.mulai)
    data = skp_svc.data_dokumen(skp)
    assert data["pegawai"] == snap["pegawai"] and data["penilai"] == snap["penilai"]


def _modul_tanpa_ui():
    for info in pkgutil.walk_packages(kinerja_desktop.__path__, "kinerja_desktop."):
        if ".ui" in info.name or ".migrations" in info.name or info.name.endswith("__main__"):
            continue
        yield importlib.import_module(info.name)


def test_one_identity_type():
    """No second dataclass with the identity block's fields comes back."""
    from kinerja_desktop.reports.data import IdentitasCetak

    assert IdentitasCetak is Identitas
    kembar = {
        f"{m.__name__}.{nama}"
        for m in _modul_tanpa_ui()
        for nama, obj in vars(m).items()
        if isinstance(obj, type)
        and dataclasses.is_dataclass(obj)
        and obj is not Identitas
        and {"nip", "pangkat_golongan"} <= {f.name for f in dataclasses.fields(obj)}
    }
    assert kembar == set()


def test_identity_json_written_in_one_place():
    """An identity dict written by hand elsewhere (a second schema or adaptor) names its keys;
    only the identity module and the migrations that convert old rows may."""
    akar = Path(kinerja_desktop.__file__).parent
    boleh = {akar / "domain" / "identitas.py"}
    luar = [
        str(p.relative_to(akar))
        for p in akar.rglob("*.py")
        if p not in boleh
        and "migrations" not in p.parts
        and "ui" not in p.parts
        and any(f'"{kunci}"' in p.read_text() for kunci in ("pangkat_golongan", "nama_lengkap"))
    ]
    assert luar == []
