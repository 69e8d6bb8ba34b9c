import pytest

from kinerja_desktop.domain.distribusi import (
    URUTAN_KURVA,
    kurva_referensi,
    periksa_distribusi,
    teks_aturan,
)
from kinerja_desktop.domain.predikat import Predikat, PredikatOrganisasi

SB, B, BP, K, SK = (
    Predikat.SANGAT_BAIK,
    Predikat.BAIK,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.KURANG,
    Predikat.SANGAT_KURANG,
)
Org = PredikatOrganisasi


def _status(organisasi, jumlah):
    return {a.teks: a.terpenuhi for a in periksa_distribusi(organisasi, jumlah).aturan}


def test_teks_aturan():
    assert teks_aturan(Org.ISTIMEWA) == [
        "Sangat Baik paling banyak 70%",
        "Sangat Baik sebagian besar (lebih dari 50%)",
    ]
    assert teks_aturan(Org.BAIK) == [
        "Baik paling banyak 70%",
        "Baik sebagian besar (lebih dari 50%)",
        "Paling sedikit satu pegawai Butuh Perbaikan dan/atau Kurang/Misconduct",
    ]
    assert teks_aturan(Org.BUTUH_PERBAIKAN) == [
        "Butuh Perbaikan paling sedikit 60%",
        "Sangat Baik paling banyak 10%",
    ]
    assert teks_aturan(Org.KURANG) == [
        "Kurang/Misconduct paling sedikit 60%",
        "Butuh Perbaikan paling sedikit 10%",
        "Sangat Baik paling banyak 10%",
    ]
    assert teks_aturan(Org.SANGAT_KURANG) == [
        "Sangat Kurang paling sedikit 60%",
        "Kurang/Misconduct dan Butuh Perbaikan paling sedikit 10%",
        "Tidak ada pegawai Sangat Baik",
    ]


@pytest.mark.parametrize("organisasi", list(Org))
def test_unit_kosong_tidak_melanggar(organisasi):
    hasil = periksa_distribusi(organisasi, {})
    assert hasil.total == 0
    assert hasil.pelanggaran == []
    assert hasil.sesuai
    assert all(v == 0.0 for v in hasil.persen.values())


@pytest.mark.parametrize(
    ("organisasi", "jumlah", "teks", "terpenuhi"),
    [
        # Istimewa: Sangat Baik at most 70 %; exactly 70 % passes, 75 % (3 of 4) does not.
        (Org.ISTIMEWA, {SB: 7, B: 3}, "Sangat Baik paling banyak 70%", True),
        (Org.ISTIMEWA, {SB: 3, B: 1}, "Sangat Baik paling banyak 70%", False),
        (Org.ISTIMEWA, {SB: 2, B: 1}, "Sangat Baik paling banyak 70%", True),
        # Baik
        (Org.BAIK, {B: 7, BP: 3}, "Baik paling banyak 70%", True),
        (Org.BAIK, {B: 8, BP: 2}, "Baik paling banyak 70%", False),
        (Org.BAIK, {B: 5, K: 1}, "Paling sedikit satu pegawai Butuh Perbaikan", True),
        (Org.BAIK, {B: 5, BP: 1}, "Paling sedikit satu pegawai Butuh Perbaikan", True),
        (Org.BAIK, {B: 5, SB: 5}, "Paling sedikit satu pegawai Butuh Perbaikan", False),
        (Org.BAIK, {B: 5, SK: 5}, "Paling sedikit satu pegawai Butuh Perbaikan", False),
        # Butuh Perbaikan
        (Org.BUTUH_PERBAIKAN, {BP: 6, B: 4}, "Butuh Perbaikan paling sedikit 60%", True),
        (Org.BUTUH_PERBAIKAN, {BP: 5, B: 5}, "Butuh Perbaikan paling sedikit 60%", False),
        (Org.BUTUH_PERBAIKAN, {BP: 9, SB: 1}, "Sangat Baik paling banyak 10%", True),
        (Org.BUTUH_PERBAIKAN, {BP: 8, SB: 2}, "Sangat Baik paling banyak 10%", False),
        # Kurang
        (Org.KURANG, {K: 6, BP: 4}, "Kurang/Misconduct paling sedikit 60%", True),
        (Org.KURANG, {K: 5, BP: 5}, "Kurang/Misconduct paling sedikit 60%", False),
        (Org.KURANG, {K: 9, BP: 1}, "Butuh Perbaikan paling sedikit 10%", True),
        (Org.KURANG, {K: 10}, "Butuh Perbaikan paling sedikit 10%", False),
        (Org.KURANG, {K: 9, SB: 1}, "Sangat Baik paling banyak 10%", True),
        (Org.KURANG, {K: 8, SB: 2}, "Sangat Baik paling banyak 10%", False),
        # Sangat Kurang
        (Org.SANGAT_KURANG, {SK: 6, K: 4}, "Sangat Kurang paling sedikit 60%", True),
        (Org.SANGAT_KURANG, {SK: 1, K: 1}, "Sangat Kurang paling sedikit 60%", False),
        (Org.SANGAT_KURANG, {SK: 9, K: 1}, "Kurang/Misconduct dan Butuh", True),
        (Org.SANGAT_KURANG, {SK: 9, BP: 1}, "Kurang/Misconduct dan Butuh", True),
        (Org.SANGAT_KURANG, {SK: 10}, "Kurang/Misconduct dan Butuh", False),
        (Org.SANGAT_KURANG, {SK: 10, B: 1}, "Tidak ada pegawai Sangat Baik", True),
        (Org.SANGAT_KURANG, {SK: 10, SB: 1}, "Tidak ada pegawai Sangat Baik", False),
    ],
)
def test_aturan(organisasi, jumlah, teks, terpenuhi):
    hasil = periksa_distribusi(organisasi, jumlah)
    cocok = [a for a in hasil.aturan if a.teks.startswith(teks)]
    assert len(cocok) == 1
    assert cocok[0].terpenuhi is terpenuhi
    assert (cocok[0] in hasil.pelanggaran) is not terpenuhi


def test_tanpa_pembulatan_unit_kecil():
    # 2 of 3 = 66.7 % < 70 %: passes; 1 of 1 = 100 %: fails. Exact comparison, no rounding.
    assert _status(Org.BAIK, {B: 2, BP: 1})["Baik paling banyak 70%"]
    assert not _status(Org.ISTIMEWA, {SB: 1})["Sangat Baik paling banyak 70%"]
    # 7 of 10 is exactly 70 %: float arithmetic must not tip it over.
    assert _status(Org.ISTIMEWA, {SB: 7, BP: 3})["Sangat Baik paling banyak 70%"]


def test_hasil_lengkap():
    hasil = periksa_distribusi(Org.BAIK, {SB: 1, B: 3})
    assert hasil.total == 4
    assert hasil.persen[B] == 75.0
    assert hasil.persen[SK] == 0.0
    assert hasil.jumlah[BP] == 0
    assert not hasil.sesuai
    assert [a.teks for a in hasil.pelanggaran] == [
        "Baik paling banyak 70%",
        "Paling sedikit satu pegawai Butuh Perbaikan dan/atau Kurang/Misconduct",
    ]
    pertama = hasil.pelanggaran[0]
    assert pertama.nilai_persen == 75.0
    assert pertama.jumlah == 3
    assert pertama.uraian == "Baik paling banyak 70%: 75,0% (3 dari 4 pegawai)"


@pytest.mark.parametrize(
    ("organisasi", "jumlah", "terpenuhi"),
    [
        # "sebagian besar" is more than half: exactly half fails, 3 of 5 passes.
        (Org.ISTIMEWA, {SB: 5, B: 5}, False),
        (Org.ISTIMEWA, {SB: 3, B: 2}, True),
        (Org.ISTIMEWA, {SB: 1, B: 9}, False),
        (Org.BAIK, {B: 2, SB: 2}, False),
        (Org.BAIK, {B: 6, SB: 3, BP: 1}, True),
    ],
)
def test_sebagian_besar(organisasi, jumlah, terpenuhi):
    hasil = periksa_distribusi(organisasi, jumlah)
    cocok = [a for a in hasil.aturan if "sebagian besar" in a.teks]
    assert len(cocok) == 1
    assert cocok[0].terpenuhi is terpenuhi
    assert (cocok[0] in hasil.pelanggaran) is not terpenuhi


def test_semua_sesuai():
    assert periksa_distribusi("BAIK", {SB: 2, B: 6, BP: 2}).sesuai


@pytest.mark.parametrize(
    ("organisasi", "puncak"),
    [
        (Org.ISTIMEWA, SB),
        (Org.BAIK, B),
        (Org.BUTUH_PERBAIKAN, BP),
        (Org.KURANG, K),
        (Org.SANGAT_KURANG, SK),
    ],
)
def test_kurva_referensi(organisasi, puncak):
    kurva = kurva_referensi(organisasi)
    assert tuple(kurva) == URUTAN_KURVA
    assert max(kurva, key=kurva.get) is puncak
    assert sum(kurva.values()) == pytest.approx(1.0)
    assert all(v > 0 for v in kurva.values())


def test_urutan_kurva():
    assert [p.label for p in URUTAN_KURVA] == [
        "Sangat Kurang",
        "Kurang/Misconduct",
        "Butuh Perbaikan",
        "Baik",
        "Sangat Baik",
    ]
