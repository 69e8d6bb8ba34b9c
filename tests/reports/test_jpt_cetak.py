"""The JPT variant (also for a pimpinan unit kerja mandiri): title, the Lampiran's column order
and "(penugasan dari …)" on the SKP and the evaluation."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from kinerja_desktop.reports.blocks import BAGI_JPT
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import pegawai as svc_pegawai
from kinerja_desktop.services import skp as skp_svc
from kinerja_desktop.services.cetak import tulis_cetakan
from kinerja_desktop.services.skp.kosakata import JPT, UMUM, varian_untuk
from kinerja_desktop.services.uow import run
from tests import factories
from tests.data_evaluasi import kantor


@pytest.fixture
def k(session):
    data = kantor(session)
    session.commit()
    return data


def _teks(c) -> str:
    if isinstance(c, bytes):
        pdf = c
    else:
        buf = io.BytesIO()
        tulis_cetakan(buf, c)
        pdf = buf.getvalue()
    halaman = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(p.extract_text() or "" for p in halaman).split())


def _jadikan_jpt(session, k):
    skp = k.skp[k.staf.id]
    skp.varian = JPT
    for r in skp.rhk:
        r.perspektif = "Penerima Layanan"
        r.penugasan_dari = "Bupati Tebo"
    session.commit()
    return skp


def test_jpt_evaluation_title_columns_in_lampiran_order_and_penugasan(db, k, session):
    _jadikan_jpt(session, k)
    a = factories.actor_for(k.kasi)
    d = run(db.session_factory, a, sv.buka_evaluasi, k.staf.id, k.periode["TW1"].id)
    run(db.session_factory, a, sv.simpan_evaluasi, d.evaluasi_id, rating_hasil_kerja="SESUAI")
    t = _teks(run(db.session_factory, a, sv.siapkan_cetak, d.evaluasi_id, sv.JENIS_CETAK_EVALUASI))
    assert BAGI_JPT in t
    urutan = [
        "RENCANA HASIL KERJA",
        "INDIKATOR KINERJA INDIVIDU",
        "TARGET",
        "PERSPEKTIF",
        "REALISASI BERDASARKAN BUKTI DUKUNG",
        "UMPAN BALIK",
    ]
    posisi = [t.index(s, t.index("HASIL KERJA NO")) for s in urutan]
    assert posisi == sorted(posisi), posisi
    assert "(penugasan dari Bupati Tebo)" in t
    assert "ASPEK" not in t and "PIMPINAN YANG DIINTERVENSI" not in t


def test_jpt_skp_title_and_penugasan(db, k, session):
    skp = _jadikan_jpt(session, k)
    a = factories.actor_for(k.staf)
    t = _teks(run(db.session_factory, a, skp_svc.cetak_skp, skp.id))
    assert BAGI_JPT in t and "(penugasan dari Bupati Tebo)" in t


def test_umum_forms_keep_their_title(db, k):
    a = factories.actor_for(k.kasi)
    d = run(db.session_factory, a, sv.buka_evaluasi, k.staf.id, k.periode["TW1"].id)
    t = _teks(run(db.session_factory, a, sv.siapkan_cetak, d.evaluasi_id, sv.JENIS_CETAK_EVALUASI))
    assert "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL" in t and "PIMPINAN TINGGI" not in t


def test_variant_rule():
    assert varian_untuk("JPT", False) == JPT
    assert varian_untuk("PENGAWAS", True) == JPT
    assert varian_untuk("PENGAWAS", False) == UMUM


def test_pimpinan_unit_mandiri_gets_a_jpt_skp(db, k, admin):
    data = run(db.session_factory, admin, svc_pegawai.ambil_pegawai, k.lain.id)
    masukan = svc_pegawai.PegawaiInput(
        **{
            f: getattr(data, f)
            for f in svc_pegawai.PegawaiInput.__dataclass_fields__
            if f != "pimpinan_unit_mandiri"
        },
        pimpinan_unit_mandiri=True,
    )
    baru = run(db.session_factory, admin, svc_pegawai.ubah_pegawai, k.lain.id, masukan)
    assert baru.pimpinan_unit_mandiri
    skp = run(db.session_factory, admin, skp_svc.buat_skp, k.lain.id, 2026)
    assert skp.varian == JPT
