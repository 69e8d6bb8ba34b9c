"""One number, one date and one NIP read the same on every screen's data and on every form.

The screens get their text from the service rows; the forms get it from the services' print
data and the reports render it. Both ends are checked: the row properties agree with
domain/angka, domain/tanggal and domain/nip, and the SKP form and both evaluation forms print
exactly that text (read back from the PDF).
"""

from __future__ import annotations

import copy
import dataclasses
import io
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from kinerja_desktop.db.models import Indikator, Realisasi
from kinerja_desktop.domain.angka import format_angka
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.tanggal import format_tanggal
from kinerja_desktop.reports.skp import render_skp
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import pegawai as peg
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.cetak import tulis_cetakan
from kinerja_desktop.services.skp.baris import muat_skp_lengkap
from kinerja_desktop.services.uow import run
from tests import factories
from tests.data_evaluasi import kantor
from tests.reports.test_evaluasi_cetak import _evaluasi

SATUAN = "Dokumen"


def _teks_pdf(pdf: bytes) -> str:
    halaman = (p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(" ".join(halaman).split())


def _baris(cls: type, **isi: Any) -> Any:
    """A service row with only the fields a test cares about (the others None)."""
    kolom: dict[str, Any] = {f.name: None for f in dataclasses.fields(cls)}
    kolom.update(isi)
    return cls(**kolom)


@pytest.fixture
def cetakan(db, session) -> dict[str, Any]:
    """Print data of one SKP and of one final evaluation, made by the services."""
    k = kantor(session)
    ind = k.skp[k.staf.id].rhk[0].indikator[0]
    ind.target_nilai = 1000  # printed "1.000" on the SKP form but "1000" on the evaluation form
    real = session.query(Realisasi).filter_by(indikator_id=ind.id).one()
    real.nilai = 1234.5  # "1234,5" on SKP screens, "1.234,5" on monitoring screens
    session.commit()
    ev = _evaluasi(db, k, k.staf)
    kasi = factories.actor_for(k.kasi)
    return {
        "skp": run(
            db.session_factory,
            kasi,
            lambda s, a: svc.data_dokumen(muat_skp_lengkap(s, k.skp[k.staf.id].id)),
        ),
        "evaluasi": run(db.session_factory, kasi, sv.siapkan_cetak, ev, sv.JENIS_CETAK_EVALUASI),
        "dokumen": run(db.session_factory, kasi, sv.siapkan_cetak, ev, sv.JENIS_CETAK_DOKUMEN),
    }


def _pdf_skp(data: dict[str, Any]) -> str:
    return _teks_pdf(render_skp(svc.skp_cetak_dari_data(data)))


def _pdf_evaluasi(c: sv.CetakanSiap, data: dict[str, Any]) -> str:
    buf = io.BytesIO()
    tulis_cetakan(buf, dataclasses.replace(c, data=data))
    return _teks_pdf(buf.getvalue())


def test_target_and_realisasi_print_the_same_on_both_forms(cetakan):
    skp = _pdf_skp(cetakan["skp"])
    evaluasi = _pdf_evaluasi(cetakan["evaluasi"], cetakan["evaluasi"].data)
    assert "1.000 Dokumen" in skp and "1000 Dokumen" not in skp
    assert "1.000 Dokumen" in evaluasi and "1000 Dokumen" not in evaluasi
    assert "1.234,5 Dokumen" in evaluasi


# up to 99.999,99: the evaluation form's TARGET column splits longer numbers over two lines
angka = st.one_of(
    st.integers(min_value=0, max_value=99_999),
    st.floats(min_value=0, max_value=99_999, allow_nan=False).map(lambda x: round(x, 3)),
)
tanggal = st.dates(min_value=date(1960, 1, 1), max_value=date(2099, 12, 31))
nip = st.from_regex(  # [0-9], not \d: Unicode digits are no NIP
    r"(19[6-9][0-9]|200[0-9])(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])[0-9]{6}[12][0-9]{3}",
    fullmatch=True,
)


@settings(
    max_examples=8,
    deadline=None,
    phases=(Phase.explicit, Phase.reuse, Phase.generate),  # rendering is too slow to shrink
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(x=angka, d=tanggal, n=nip)
def test_one_number_date_and_nip_read_the_same_everywhere(cetakan, x, d, n):
    target = f"{format_angka(x)} {SATUAN}"
    tempat_tanggal = f"Muara Tebo, {format_tanggal(d)}"
    nip_cetak = format_nip(n)

    # screens: the rows the views show
    layar_angka = {
        "SKP IKI": _baris(svc.IndikatorRow, target_nilai=x, target_satuan=SATUAN).target_teks,
        "SKP teks_target": svc.teks_target(x, SATUAN),
        "evaluasi target": sv.teks_target(Indikator(target_nilai=x, target_satuan=SATUAN)),
        "pemantauan target": _baris(
            pm.BarisRealisasi, target_nilai=x, target_satuan=SATUAN
        ).target_label,
        "pemantauan realisasi": _baris(
            pm.BarisRealisasi, target_nilai=x, nilai=x, target_satuan=SATUAN
        ).realisasi_label,
    }
    assert set(layar_angka.values()) == {target}, layar_angka
    layar_nip = {
        "pegawai": _baris(peg.PegawaiRow, nip=n).nip_tampil,
        "SKP pilihan": svc.PegawaiPilihan(1, "Siti", n, "Analis").label,
        "pemantauan pilihan": pm.PilihanPegawai(1, "Siti", n, "Bawahan").label,
    }
    assert all(nip_cetak in t for t in layar_nip.values()), layar_nip
    periode = _baris(svc.SkpRingkas, mulai=d, selesai=d).label_periode
    assert periode == f"{format_tanggal(d)} – {format_tanggal(d)}"

    # forms: the services' print data with this number, date and NIP, rendered
    skp = copy.deepcopy(cetakan["skp"])
    skp["rhk"][0]["indikator"][0]["target"] = layar_angka["SKP IKI"]
    skp.update(tanggal=d.isoformat(), tempat="Muara Tebo", status=svc.DITETAPKAN)
    skp["pegawai"]["nip"] = n
    teks_skp = _pdf_skp(skp)
    assert target in teks_skp and tempat_tanggal in teks_skp and nip_cetak in teks_skp

    for jenis in ("evaluasi", "dokumen"):
        c = cetakan[jenis]
        data = copy.deepcopy(c.data)
        data.update(tanggal=d.isoformat(), tempat="Muara Tebo")
        data["pegawai"]["nip"] = n
        if "hasil_kerja" in data:
            iki = data["hasil_kerja"][0]["indikator"][0]
            iki["target"] = layar_angka["evaluasi target"]
            iki["realisasi"] = sv.teks_realisasi(Realisasi(nilai=x), SATUAN)
        teks = _pdf_evaluasi(c, data)
        assert tempat_tanggal in teks and nip_cetak in teks, jenis
        if "hasil_kerja" in data:
            assert teks.count(target) >= 2, jenis  # the target and realisasi columns
