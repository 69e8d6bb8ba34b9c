from datetime import date, datetime

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.tanggal import (
    BULAN,
    format_rentang_periode,
    format_tanggal,
    format_tanggal_kapital,
    parse_tanggal,
)


@pytest.mark.parametrize(
    ("depan", "nama", "belakang", "hasil"),
    [
        ("Dr.", "Budi Santoso", "S.Kom., M.Si.", "Dr. Budi Santoso, S.Kom., M.Si."),
        (None, "Budi Santoso", None, "Budi Santoso"),
        ("", "Budi Santoso", "", "Budi Santoso"),
        ("  ", " Budi   Santoso ", " ", "Budi Santoso"),
        (None, "Budi Santoso", ", S.Kom.", "Budi Santoso, S.Kom."),
        (None, "Budi Santoso,", "S.Kom.,", "Budi Santoso, S.Kom."),
        (None, "Siti", "S.H.,M.H.", "Siti, S.H., M.H."),
        ("Ir.", "Siti", None, "Ir. Siti"),
        (None, None, None, ""),
    ],
)
def test_nama_lengkap(depan, nama, belakang, hasil):
    assert nama_lengkap(depan, nama, belakang) == hasil


def test_format_tanggal():
    assert len(BULAN) == 12
    assert BULAN[7] == "Agustus"
    assert format_tanggal(date(2025, 12, 31)) == "31 Desember 2025"
    assert format_tanggal(date(2025, 1, 1)) == "1 Januari 2025"
    assert format_tanggal_kapital(date(2025, 12, 31)) == "31 DESEMBER 2025"


@pytest.mark.parametrize(
    ("mulai", "selesai", "hasil"),
    [
        (date(2025, 1, 1), date(2025, 3, 31), "1 JANUARI SD 31 MARET TAHUN 2025"),
        (date(2025, 1, 1), date(2025, 12, 31), "1 JANUARI SD 31 DESEMBER TAHUN 2025"),
        (date(2025, 4, 1), date(2025, 6, 30), "1 APRIL SD 30 JUNI TAHUN 2025"),
        (date(2024, 12, 1), date(2025, 1, 31), "1 DESEMBER 2024 SD 31 JANUARI 2025"),
    ],
)
def test_format_rentang_periode(mulai, selesai, hasil):
    assert format_rentang_periode(mulai, selesai) == hasil


@pytest.mark.parametrize(
    "nilai",
    [
        date(1966, 8, 1),
        datetime(1966, 8, 1, 13, 30),
        24320,
        24320.0,
        24320.75,
        "24320",
        "1966-08-01",
        "1966-8-1",
        "1966/08/01",
        "1966-08-01 00:00:00",
        "1966-08-01T00:00:00",
        "01-08-1966",
        "01/08/1966",
        "1/8/1966",
        "01.08.1966",
        "1 Agustus 1966",
        "1 agustus 1966",
        "01 AGUSTUS 1966",
        "1 Agt 1966",
        "01-AUG-1966",
        "01-Aug-1966",
        "1 August 1966",
        "01-08-66",
    ],
)
def test_parse_tanggal(nilai):
    assert parse_tanggal(nilai) == date(1966, 8, 1)


def test_parse_tanggal_dua_digit_tahun():
    assert parse_tanggal("31-12-25") == date(2025, 12, 31)


@pytest.mark.parametrize(
    ("nilai", "pesan"),
    [
        ("", "belum diisi"),
        (None, "tidak dapat dibaca"),
        ("kemarin", "tidak dapat dibaca"),
        ("31-02-2025", "tidak ada di kalender"),
        ("2025-13-01", "tidak ada di kalender"),
        ("1 Foo 2025", "tidak dapat dibaca"),
        (-5, "tidak dapat dibaca"),
        (True, "tidak dapat dibaca"),
    ],
)
def test_parse_tanggal_ditolak(nilai, pesan):
    with pytest.raises(ValidationError, match=pesan) as e:
        parse_tanggal(nilai, kolom="Tanggal Lahir")
    assert e.value.kolom == "Tanggal Lahir"


def test_parse_tanggal_cells_as_the_imports_read_them():
    # the layouts the progress and roster files hold
    assert parse_tanggal("31-12-1990") == date(1990, 12, 31)
    assert parse_tanggal("31/12/1990") == date(1990, 12, 31)
    assert parse_tanggal("1990-12-31") == date(1990, 12, 31)
    assert parse_tanggal("31 Desember 1990") == date(1990, 12, 31)
    assert parse_tanggal(datetime(1990, 12, 31)) == date(1990, 12, 31)
    assert parse_tanggal(33238) == date(1990, 12, 31)  # Excel serial
    with pytest.raises(ValidationError, match="bukan tanggal"):
        parse_tanggal("31-02-1990")
    with pytest.raises(ValidationError, match="bukan tanggal"):
        parse_tanggal("kemarin")
    with pytest.raises(ValidationError, match="bukan tanggal"):
        parse_tanggal(1990)  # a bare year, not an Excel serial
