from datetime import date

import pytest

from kinerja_desktop.domain.enums import JenisKelamin, StatusPegawai
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.nip import (
    NipInfo,
    cek_kesesuaian,
    format_nip,
    is_excel_mangled,
    normalize_nip,
    parse_ni_pppk,
    parse_nip,
    validate_nomor_induk,
)

HARI_INI = date(2025, 6, 15)
NIP_BAIK = "196608011988031001"
NI_PPPK_BAIK = "199001012023212001"


@pytest.mark.parametrize(
    "teks",
    [
        "196608011988031001",
        "19660801 198803 1 001",
        "19660801.198803.1.001",
        "19660801-198803-1-001",
        "'196608011988031001",
        '"196608011988031001"',
        "  19660801  198803 1 001 ",
    ],
)
def test_normalize_nip(teks):
    assert normalize_nip(teks) == NIP_BAIK


def test_normalize_nip_none():
    assert normalize_nip(None) == ""


@pytest.mark.parametrize(
    ("nilai", "rusak"),
    [
        (1.96608011988031e17, True),
        (196608011988031.0, True),
        (196608011988031000, True),
        ("1.96608011988031E+17", True),
        ("1,96608011988031E+17", True),
        ("1.96608011988031e+17", True),
        ("196608011988031000", True),
        ("196608011988031001.0", True),
        ("196608011988031001", False),
        ("19660801 198803 1 001", False),
        (196608011988031001, False),
        (None, False),
        ("", False),
    ],
)
def test_is_excel_mangled(nilai, rusak):
    assert is_excel_mangled(nilai) is rusak


def test_parse_nip_baik():
    info = parse_nip("19660801 198803 1 001", today=HARI_INI)
    assert info == NipInfo(date(1966, 8, 1), 1988, 3, JenisKelamin.PRIA, 1)


def test_parse_nip_wanita_urut_999():
    info = parse_nip("197512312005012999", today=HARI_INI)
    assert info.jenis_kelamin is JenisKelamin.WANITA
    assert info.nomor_urut == 999
    assert (info.tmt_tahun, info.tmt_bulan) == (2005, 1)


def test_parse_nip_tmt_bulan_ini_boleh():
    assert parse_nip("200001012025061001", today=HARI_INI).tmt_tahun == 2025


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("", "belum diisi"),
        ("19660801198803100", "harus 18 digit angka; yang diisi 17 digit"),
        ("1966080119880310011", "yang diisi 19 digit"),
        ("19660801198803100A", "hanya boleh berisi angka"),
        # digit 1–8: tanggal lahir
        ("196613011988031001", "bukan tanggal yang sah: 19661301"),
        ("196602301988031001", "bukan tanggal yang sah: 19660230"),
        ("196600011988031001", "bukan tanggal yang sah"),
        ("203001012050011001", "masa depan"),
        ("18500101 187001 1 001", "tidak masuk akal"),
        # digit 9–14: TMT CPNS
        ("196608011988001001", "Bulan TMT CPNS"),
        ("196608011988131001", "harus 01–12; yang tertulis 13"),
        ("196608011983031001", "usia 18"),
        ("196608011960031001", "terlalu dekat"),
        ("200001012025071001", "TMT CPNS pada NIP (digit 9–14) ada di masa depan"),
        ("200001012030011001", "masa depan"),
        # digit 15: jenis kelamin
        ("196608011988030001", "jenis kelamin"),
        ("196608011988033001", "yang tertulis 3"),
        # digit 16–18: nomor urut
        ("196608011988031000", None),  # rounded by Excel, see below
    ],
)
def test_parse_nip_ditolak(teks, pesan):
    with pytest.raises(ValidationError) as e:
        parse_nip(teks, today=HARI_INI)
    assert e.value.kolom == "NIP"
    if pesan:
        assert pesan in e.value.pesan


def test_parse_nip_urut_000_dengan_spasi():
    # Written grouped it is not mistaken for an Excel float, and the rule on urut applies.
    with pytest.raises(ValidationError, match="001–999"):
        parse_nip("19660801 198803 1 000", today=HARI_INI)


@pytest.mark.parametrize(
    "nilai", [1.96608011988031e17, "1.96608011988031E+17", "196608011988031000"]
)
def test_parse_nip_excel(nilai):
    with pytest.raises(ValidationError, match="Excel") as e:
        parse_nip(nilai, today=HARI_INI)
    assert "Teks" in e.value.pesan


def test_parse_nip_default_today():
    assert parse_nip(NIP_BAIK).tanggal_lahir == date(1966, 8, 1)


def test_parse_ni_pppk_baik():
    info = parse_ni_pppk("19900101 202321 2 001", today=HARI_INI)
    assert info == NipInfo(date(1990, 1, 1), 2023, 1, JenisKelamin.WANITA, 1)


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("19900101202321200", "18 digit"),
        ("199013012023212001", "bukan tanggal yang sah"),
        ("199001012000212001", "terlalu dekat"),
        ("199001012026212001", "masa depan"),
        ("199001012023112001", "harus 21"),
        ("199001012023213001", "jenis kelamin"),
        ("19900101 202321 2 000", "001–999"),
    ],
)
def test_parse_ni_pppk_ditolak(teks, pesan):
    with pytest.raises(ValidationError, match=pesan):
        parse_ni_pppk(teks, today=HARI_INI)


@pytest.mark.parametrize("status", [StatusPegawai.PNS, StatusPegawai.CPNS])
def test_validate_nomor_induk_pns(status):
    nip, info = validate_nomor_induk("19660801 198803 1 001", status, today=HARI_INI)
    assert nip == NIP_BAIK
    assert info.tmt_bulan == 3


def test_validate_nomor_induk_pns_tidak_menerima_ni_pppk():
    with pytest.raises(ValidationError, match="Bulan TMT"):
        validate_nomor_induk(NI_PPPK_BAIK, StatusPegawai.PNS, today=HARI_INI)


def test_validate_nomor_induk_pppk_kedua_format():
    nip, info = validate_nomor_induk("19900101 202321 2 001", StatusPegawai.PPPK, HARI_INI)
    assert nip == NI_PPPK_BAIK
    assert info.tmt_tahun == 2023
    nip, info = validate_nomor_induk(NIP_BAIK, StatusPegawai.PPPK, HARI_INI)
    assert nip == NIP_BAIK
    assert info.tmt_bulan == 3


def test_validate_nomor_induk_pppk_ditolak_pesan_pppk():
    with pytest.raises(ValidationError, match="NI PPPK"):
        validate_nomor_induk("199001012023993001", StatusPegawai.PPPK, HARI_INI)


def test_cek_kesesuaian():
    info = parse_nip(NIP_BAIK, today=HARI_INI)
    assert cek_kesesuaian(info, date(1966, 8, 1), JenisKelamin.PRIA) == []
    assert cek_kesesuaian(info, None, None) == []
    galat = cek_kesesuaian(info, date(1966, 8, 2), JenisKelamin.WANITA)
    assert [g.kolom for g in galat] == ["Tanggal Lahir", "Jenis Kelamin"]
    assert "01-08-1966" in galat[0].pesan
    assert "Laki-laki" in galat[1].pesan


@pytest.mark.parametrize(
    ("masuk", "keluar"),
    [
        (NIP_BAIK, "19660801 198803 1 001"),
        (NI_PPPK_BAIK, "19900101 202321 2 001"),
        ("12345", "12345"),
        ("", ""),
        (None, ""),
    ],
)
def test_format_nip(masuk, keluar):
    assert format_nip(masuk) == keluar
