import pytest

from kinerja_desktop.domain.predikat import (
    Predikat,
    PredikatOrganisasi,
    Rating,
    hitung_capaian,
    predikat_kinerja,
    saran_rating,
)

A, S, B = Rating.DI_ATAS, Rating.SESUAI, Rating.DI_BAWAH


@pytest.mark.parametrize(
    ("hasil_kerja", "perilaku", "predikat"),
    [
        (A, B, Predikat.KURANG),
        (A, S, Predikat.BAIK),
        (A, A, Predikat.SANGAT_BAIK),
        (S, B, Predikat.KURANG),
        (S, S, Predikat.BAIK),
        (S, A, Predikat.BAIK),
        (B, B, Predikat.SANGAT_KURANG),
        (B, S, Predikat.BUTUH_PERBAIKAN),
        (B, A, Predikat.BUTUH_PERBAIKAN),
    ],
)
def test_matriks_predikat(hasil_kerja, perilaku, predikat):
    assert predikat_kinerja(hasil_kerja, perilaku) is predikat
    # Stored values (plain strings) work as well.
    assert predikat_kinerja(hasil_kerja.value, perilaku.value) is predikat


def test_label_rating():
    assert [r.label for r in Rating] == [
        "Di Atas Ekspektasi",
        "Sesuai Ekspektasi",
        "Di Bawah Ekspektasi",
    ]
    assert Rating.DI_ATAS.label_cetak == "DI ATAS EKSPEKTASI"
    assert Rating.DI_ATAS == "DI_ATAS"


def test_label_predikat():
    assert [p.label for p in Predikat] == [
        "Sangat Baik",
        "Baik",
        "Butuh Perbaikan",
        "Kurang/Misconduct",
        "Sangat Kurang",
    ]
    assert [p.label_cetak for p in Predikat] == [
        "SANGAT BAIK",
        "BAIK",
        "BUTUH PERBAIKAN",
        "KURANG",
        "SANGAT KURANG",
    ]


def test_label_predikat_organisasi():
    assert [p.label for p in PredikatOrganisasi] == [
        "Istimewa",
        "Baik",
        "Butuh Perbaikan",
        "Kurang",
        "Sangat Kurang",
    ]
    assert PredikatOrganisasi.BUTUH_PERBAIKAN.label_cetak == "BUTUH PERBAIKAN"


@pytest.mark.parametrize(
    ("realisasi", "target", "hasil"),
    [(2, 2, 100.0), (3, 2, 150.0), (0, 5, 0.0), (1, 0, None), (None, 5, None), (5, None, None)],
)
def test_hitung_capaian(realisasi, target, hasil):
    assert hitung_capaian(realisasi, target) == hasil


@pytest.mark.parametrize(
    ("capaian", "hasil"),
    [
        ([], None),
        ([None, None], None),
        ([100.0], Rating.SESUAI),
        ([110.0], Rating.DI_ATAS),
        ([109.99], Rating.SESUAI),
        ([80.0], Rating.SESUAI),
        ([79.9], Rating.DI_BAWAH),
        ([120.0, None, 100.0], Rating.DI_ATAS),
        ([50.0, 100.0], Rating.DI_BAWAH),
    ],
)
def test_saran_rating(capaian, hasil):
    assert saran_rating(capaian) is hasil


def test_saran_rating_batas_dari_pengaturan():
    assert saran_rating([105.0], batas_atas=105.0) is Rating.DI_ATAS
    assert saran_rating([95.0], batas_bawah=100.0) is Rating.DI_BAWAH
