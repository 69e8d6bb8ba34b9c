"""Numbers as Indonesians write them: one rule (domain/angka) for screens, forms and imports."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_desktop.db.models import Indikator
from kinerja_desktop.domain.angka import format_angka, format_persen, parse_angka
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services import skp as svc

PAKET = Path(__file__).resolve().parents[2] / "kinerja_desktop"


@pytest.mark.parametrize(
    ("nilai", "teks"),
    [
        (0, "0"),
        (12, "12"),
        (12.0, "12"),
        (12.5, "12,5"),
        (12.50, "12,5"),
        (1000, "1.000"),
        (1234.5, "1.234,5"),
        (1234567.891, "1.234.567,89"),
        (0.125, "0,13"),  # half up
        (Decimal("2.005"), "2,01"),
        (-0.001, "0"),
        (None, ""),
    ],
)
def test_format_angka(nilai, teks):
    assert format_angka(nilai) == teks


def test_format_angka_fixed_decimals_and_percent():
    assert format_angka(18.75, 3) == "18,750"
    assert format_angka(Decimal("1234.5"), 3) == "1.234,500"
    assert format_angka(12.5, 1) == "12,5" and format_angka(1024.0, 0) == "1.024"
    assert format_persen(12.0) == "12,0%" and format_persen(1234.56) == "1.234,6%"
    assert format_persen(None) == "-"


@pytest.mark.parametrize(
    ("teks", "nilai"),
    [
        ("1.234,5", 1234.5),
        ("1234,5", 1234.5),
        ("1.000", 1000),
        ("1.250", 1250),  # a lone dot before three digits groups thousands
        ("1.000.000", 1_000_000),
        ("12", 12),
        ("12,5", 12.5),
        ("3.5", 3.5),  # any other lone dot is a decimal point
        ("12.50", 12.5),
        ("0.500", 0.5),
        ("1.2345", 1.2345),
        (" 1 250 ", 1250),
        ("12,", 12),
        (",5", 0.5),
        (7, 7),
        (2.25, 2.25),
        (Decimal("1.5"), 1.5),
        ("", None),
        ("  ", None),
        (None, None),
    ],
)
def test_parse_angka(teks, nilai):
    assert parse_angka(teks, "Realisasi") == nilai


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("1,250.5", "tidak jelas"),  # English thousands: was silently 1.2505 on monitoring
        ("1,250,000", "tidak jelas"),
        ("1.25,5", "tidak jelas"),
        ("1.000.5", "tidak jelas"),
        ("dua belas", "bukan angka"),
        ("12 Dokumen", "bukan angka"),
        ("1e5", "bukan angka"),
        ("-3", "tidak boleh negatif"),
        (-3, "tidak boleh negatif"),
        (float("nan"), "wajar"),
        (True, "harus berupa angka"),
    ],
)
def test_parse_angka_refuses(teks, pesan):
    with pytest.raises(ValidationError, match=pesan) as e:
        parse_angka(teks, "Kuantitas")
    assert e.value.kolom == "Kuantitas" and "Kuantitas" in e.value.pesan


@given(
    st.one_of(
        st.integers(min_value=0, max_value=10**12),
        st.decimals(min_value=0, max_value=10**9, places=2),
    )
)
def test_what_is_shown_reads_back_as_the_same_number(n):
    assert parse_angka(format_angka(n), "Target") == pytest.approx(float(n))


# --- the measured inconsistencies: each screen and service used to have its own copy --------


def test_same_text_on_skp_monitoring_and_evaluation_screens():
    """1234.5 was "1234,5" on SKP screens and "1.234,5" on monitoring; 1000 was "1000" on the
    evaluation form and "1.000" on the SKP form."""
    for nilai, teks in ((1234.5, "1.234,5 Dokumen"), (1000, "1.000 Dokumen")):
        ind = Indikator(target_nilai=nilai, target_satuan="Dokumen")
        assert svc.teks_target(nilai, "Dokumen") == teks
        assert sv.teks_target(ind) == teks
        assert _baris_realisasi(nilai).target_label == teks
        assert _baris_realisasi(nilai).realisasi_label == teks


def test_monitoring_parser_refuses_english_thousands():
    with pytest.raises(ValidationError, match="tidak jelas") as e:
        pm.parse_angka("1,250.5", "Realisasi")
    assert e.value.kolom == "Realisasi"


def test_services_use_the_domain_functions():
    assert svc.format_angka is format_angka is pm.format_angka
    assert svc.parse_angka is parse_angka is pm.parse_angka


def _sumber() -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in PAKET.rglob("*.py")}


def test_no_second_number_rule_in_the_code():
    """Grouping or decimal commas written by hand anywhere would make a second rule."""
    salinan = re.compile(
        r"def (format_angka|parse_angka|_angka)\b"
        r"|\.replace\(\s*['\"]\.['\"]\s*,\s*['\"],['\"]\s*\)"  # .replace(".", ",")
        r"|\.replace\(\s*['\"],['\"]\s*,\s*['\"]\.['\"]\s*\)"  # .replace(",", ".")
        r"|\{[^{}:\"']+:\d*,"  # f"{x:,}" / f"{x:,.2f}": English grouping
        r"|\{[^{}:\"']+:\d*\.\d+[fg%]\}|\{[^{}:\"']+:[fg]\}"  # f"{x:.1f}": English decimals
    )
    bukan_angka = (  # not numbers for people to read
        ("progres_io.py", '.replace(",", ".")'),  # IKI codes "1,2" -> "1.2"
        ("blocks.py", ":.4f}%"),  # ReportLab column widths
    )
    temuan = [
        f"{p.relative_to(PAKET)}:{n}: {baris.strip()}"
        for p, teks in _sumber().items()
        if p.name != "angka.py" and "migrations" not in p.parts
        for n, baris in enumerate(teks.splitlines(), start=1)
        if salinan.search(baris)
        and not any(p.name == f and potongan in baris for f, potongan in bukan_angka)
    ]
    assert temuan == []


def _baris_realisasi(nilai: float) -> pm.BarisRealisasi:
    kolom = {f: None for f in pm.BarisRealisasi.__dataclass_fields__}
    kolom.update(target_nilai=nilai, nilai=nilai, target_satuan="Dokumen", umpan_balik=())
    return pm.BarisRealisasi(**kolom)


def test_no_second_nip_renderer():
    """NIPs are grouped "19660801 198803 1 001" by domain/nip.format_nip alone."""
    temuan = [
        str(p.relative_to(PAKET))
        for p, teks in _sumber().items()
        if p.name != "nip.py" and re.search(r"\[8:14\]|\[14\]\} \{", teks)
    ]
    assert temuan == []
