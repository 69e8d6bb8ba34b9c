import pytest

from kinerja_desktop.domain.enums import StatusPegawai
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.golongan import (
    GOLONGAN_PNS,
    GOLONGAN_PPPK,
    golongan_choices,
    label_pangkat_golongan,
    parse_golongan,
)

PNS = StatusPegawai.PNS
PPPK = StatusPegawai.PPPK


def test_katalog():
    assert len(GOLONGAN_PNS) == 17
    assert GOLONGAN_PNS[0].kode == "I/a"
    assert GOLONGAN_PNS[-1].kode == "IV/e"
    g = GOLONGAN_PNS[9]
    assert (g.kode, g.pangkat, g.singkat) == ("III/b", "Penata Muda Tingkat I", "Penata Muda Tk. I")
    assert [g.kode for g in GOLONGAN_PPPK][8] == "IX"
    assert len(GOLONGAN_PPPK) == 17
    assert GOLONGAN_PPPK[-1].kode == "XVII"
    assert all(g.pangkat == "" for g in GOLONGAN_PPPK)


@pytest.mark.parametrize(
    "teks",
    [
        "III/b",
        "III/B",
        "iii/b",
        "III-B",
        "III b",
        "IIIb",
        "III.b",
        "3b",
        "3/b",
        "3 B",
        "Penata Muda Tingkat I",
        "PENATA MUDA TINGKAT I",
        "Penata Muda Tk. I",
        "Penata Muda Tk I",
        "Penata Muda Tk. I, III/b",
        "Penata Muda Tingkat I (III/b)",
        "  III/b  ",
    ],
)
def test_parse_golongan_pns_varian(teks):
    assert parse_golongan(teks, PNS) == "III/b"


@pytest.mark.parametrize("g", GOLONGAN_PNS, ids=lambda g: g.kode)
def test_parse_golongan_pns_semua(g):
    assert parse_golongan(g.kode, PNS) == g.kode
    assert parse_golongan(g.pangkat, PNS) == g.kode
    assert parse_golongan(g.singkat, PNS) == g.kode
    assert parse_golongan(f"{g.singkat}, {g.kode}", PNS) == g.kode
    assert parse_golongan(g.kode, StatusPegawai.CPNS) == g.kode


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [
        ("Juru Muda", "I/a"),
        ("Juru", "I/c"),
        ("Juru Tk. I", "I/d"),
        ("Pembina Utama", "IV/e"),
        ("Pembina Utama Muda", "IV/c"),
        ("Pembina Utama Madya, IV/d", "IV/d"),
        ("4e", "IV/e"),
        ("1a", "I/a"),
        ("II/c", "II/c"),
    ],
)
def test_parse_golongan_pns_lain(teks, hasil):
    assert parse_golongan(teks, PNS) == hasil


@pytest.mark.parametrize("teks", ["", None, "III/f", "V/a", "Direktur", "IX", "5b"])
def test_parse_golongan_pns_ditolak(teks):
    with pytest.raises(ValidationError) as e:
        parse_golongan(teks, PNS)
    assert e.value.kolom == "Golongan"


def test_parse_golongan_pangkat_tidak_cocok():
    with pytest.raises(ValidationError, match="tidak cocok"):
        parse_golongan("Penata, III/b", PNS)


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [("IX", "IX"), ("ix", "IX"), ("Golongan IX", "IX"), ("9", "IX"), ("I", "I"), ("XVII", "XVII")],
)
def test_parse_golongan_pppk(teks, hasil):
    assert parse_golongan(teks, PPPK) == hasil
    assert parse_golongan(teks, "PPPK") == hasil


@pytest.mark.parametrize("teks", ["III/b", "XVIII", "18", "0", "Penata"])
def test_parse_golongan_pppk_ditolak(teks):
    with pytest.raises(ValidationError, match="I sampai XVII"):
        parse_golongan(teks, PPPK)


def test_label_pangkat_golongan():
    assert label_pangkat_golongan("III/b", PNS) == "Penata Muda Tk. I, III/b"
    assert label_pangkat_golongan("IV/a", PNS) == "Pembina, IV/a"
    assert label_pangkat_golongan("IX", PPPK) == "Golongan IX"
    assert label_pangkat_golongan("", PNS) == ""
    assert label_pangkat_golongan("tidak jelas", PNS) == "tidak jelas"


def test_golongan_choices():
    pns = golongan_choices(PNS)
    assert len(pns) == 17
    assert pns[9] == ("III/b", "Penata Muda Tk. I, III/b")
    pppk = golongan_choices(PPPK)
    assert pppk[0] == ("I", "Golongan I")
    assert len(pppk) == 17
