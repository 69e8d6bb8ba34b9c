from decimal import Decimal

import pytest

from kinerja_desktop.domain.angka import format_angka
from kinerja_desktop.domain.angka_kredit import (
    DESIMAL_AK,
    KOEFISIEN_TAHUNAN,
    PERSENTASE_PREDIKAT,
    hitung_angka_kredit,
)
from kinerja_desktop.domain.enums import JenjangFungsional as J
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.predikat import Predikat as P


def test_tabel():
    assert [PERSENTASE_PREDIKAT[p] for p in P] == [150, 100, 75, 50, 25]
    assert [KOEFISIEN_TAHUNAN[j] for j in J] == [
        Decimal("12.5"),
        25,
        Decimal("37.5"),
        50,
        Decimal("3.75"),
        5,
        Decimal("12.5"),
        25,
    ]


@pytest.mark.parametrize(
    ("predikat", "jenjang", "bulan", "hasil"),
    [
        (P.BAIK, J.AHLI_PERTAMA, 12, "12.500"),
        (P.SANGAT_BAIK, J.AHLI_MUDA, 6, "18.750"),
        (P.SANGAT_BAIK, J.AHLI_PERTAMA, 12, "18.750"),
        (P.BUTUH_PERBAIKAN, J.AHLI_MADYA, 12, "28.125"),
        (P.KURANG, J.AHLI_UTAMA, 12, "25.000"),
        (P.SANGAT_KURANG, J.TERAMPIL, 12, "1.250"),
        (P.BAIK, J.MAHIR, 3, "3.125"),
        (P.BAIK, J.PENYELIA, 1, "2.083"),
        (P.SANGAT_BAIK, J.AHLI_PERTAMA, 1, "1.563"),  # 1.5625 rounds half up
        (P.BUTUH_PERBAIKAN, J.TERAMPIL, 1, "0.313"),  # 0.3125 rounds half up
    ],
)
def test_hitung_angka_kredit(predikat, jenjang, bulan, hasil):
    nilai = hitung_angka_kredit(predikat, jenjang, bulan)
    assert nilai == Decimal(hasil)
    assert str(nilai) == hasil


def test_hitung_angka_kredit_dari_nilai_tersimpan():
    assert hitung_angka_kredit("BAIK", "AHLI_PERTAMA") == Decimal("12.5")


@pytest.mark.parametrize("bulan", [0, 13, -1])
def test_hitung_angka_kredit_bulan_tidak_sah(bulan):
    with pytest.raises(ValidationError, match="1–12"):
        hitung_angka_kredit(P.BAIK, J.AHLI_MUDA, bulan)


@pytest.mark.parametrize(
    ("nilai", "hasil"),
    [
        (Decimal("18.75"), "18,75"),
        (Decimal("12.5"), "12,50"),
        (Decimal("0"), "0,00"),
        (Decimal("1234.5"), "1.234,50"),
        (2.0835, "2,08"),
        (7, "7,00"),
    ],
)
def test_format_angka(nilai, hasil):
    assert format_angka(nilai, DESIMAL_AK) == hasil


def test_format_angka_desimal():
    assert format_angka(Decimal("18.75"), desimal=2) == "18,75"


def test_dua_desimal_seperti_bkn():
    # BKN's worked example: 2 months of Baik (100 %) at Mahir (12,5 a year) is 2,08.
    ak = hitung_angka_kredit(P.BAIK, J.MAHIR, 2)
    assert format_angka(ak, DESIMAL_AK) == "2,08"
