"""An acting PLT/PLH penilai prints "Plt."/"Plh." with the jabatan and unit he acts in."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from kinerja_desktop.db.models import PenugasanPenilai
from kinerja_desktop.domain.identitas import Identitas
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services.cetak import tulis_cetakan
from kinerja_desktop.services.uow import run
from tests import factories
from tests.data_evaluasi import kantor


@pytest.fixture
def k(session):
    data = kantor(session)
    session.commit()
    return data


def _teks(pdf: bytes) -> str:
    return " ".join(
        " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split()
    )


def _cetak_plh(db, k, session, jenis_tugas: str) -> str:
    # the Camat acts (Plh./Plt.) for the Kasi, the staf's definitive atasan, in TW2
    session.add(
        PenugasanPenilai(
            pegawai_id=k.staf.id,
            penilai_id=k.camat.id,
            jenis=jenis_tugas,
            mulai=date(2025, 4, 1),
            selesai=date(2025, 6, 30),
        )
    )
    session.commit()
    a = factories.actor_for(k.camat)
    d = run(db.session_factory, a, sv.buka_evaluasi, k.staf.id, k.periode["TW2"].id)
    run(db.session_factory, a, sv.simpan_evaluasi, d.evaluasi_id, rating_hasil_kerja="SESUAI")
    c = run(db.session_factory, a, sv.siapkan_cetak, d.evaluasi_id, sv.JENIS_CETAK_EVALUASI)
    buf = io.BytesIO()
    tulis_cetakan(buf, c)
    return _teks(buf.getvalue())


@pytest.mark.parametrize(("jenis", "awalan"), [("PLT", "Plt."), ("PLH", "Plh.")])
def test_acting_penilai_prints_prefix_with_the_acting_jabatan(db, k, session, jenis, awalan):
    jabatan_kasi, unit_kasi = k.kasi.jabatan, k.kasi.unit_kerja.nama
    t = _cetak_plh(db, k, session, jenis)
    assert f"{awalan} {jabatan_kasi}" in t
    assert unit_kasi in t
    assert "Hendra Gunawan" in t  # his own name, NIP and pangkat
    assert f"{awalan} Camat Tebo Tengah" not in t


def test_definitive_penilai_prints_without_prefix(db, k, session):
    a = factories.actor_for(k.kasi)
    d = run(db.session_factory, a, sv.buka_evaluasi, k.staf.id, k.periode["TW1"].id)
    c = run(db.session_factory, a, sv.siapkan_cetak, d.evaluasi_id, sv.JENIS_CETAK_EVALUASI)
    buf = io.BytesIO()
    tulis_cetakan(buf, c)
    t = _teks(buf.getvalue())
    assert k.kasi.jabatan in t and "Plt." not in t and "Plh." not in t


def test_prefix_is_one_rule():
    blok = Identitas("Hendra", "", "Pembina, IV/a", "Camat", "Kecamatan")
    assert blok.sebagai_pelaksana("PLT", "Kepala Seksi", "Seksi").jabatan == "Plt. Kepala Seksi"
    assert blok.sebagai_pelaksana("PLH", "Kepala Seksi", "Seksi").unit_kerja == "Seksi"
    assert blok.sebagai_pelaksana("DEFINITIF", "Kepala Seksi", "Seksi") == blok
