import itertools
from datetime import date

import pytest

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.periode import (
    JenisPeriode,
    PeriodeSpec,
    batas_pengisian_default,
    buat_periode,
    bulan_dalam_periode,
    cari_periode,
    label_periode_cetak,
    periode_tahunan,
)


def test_triwulan():
    daftar = buat_periode(2025, JenisPeriode.TRIWULAN)
    assert [p.kode for p in daftar] == ["TW1", "TW2", "TW3", "AKHIR"]
    assert [p.nama for p in daftar] == [
        "Triwulan I",
        "Triwulan II",
        "Triwulan III",
        "Triwulan IV (Akhir)",
    ]
    assert daftar[0] == PeriodeSpec(
        "TW1", "Triwulan I", 1, date(2025, 1, 1), date(2025, 3, 31), False
    )
    assert (daftar[1].mulai, daftar[1].selesai) == (date(2025, 4, 1), date(2025, 6, 30))
    assert (daftar[3].mulai, daftar[3].selesai) == (date(2025, 10, 1), date(2025, 12, 31))
    assert [p.akhir for p in daftar] == [False, False, False, True]
    assert [p.nomor for p in daftar] == [1, 2, 3, 4]


def test_semester():
    daftar = buat_periode(2025, "SEMESTER")
    assert [p.kode for p in daftar] == ["S1", "AKHIR"]
    assert [p.nama for p in daftar] == ["Semester I", "Semester II (Akhir)"]
    assert daftar[0].selesai == date(2025, 6, 30)
    assert daftar[1].mulai == date(2025, 7, 1)


def test_bulanan_kabisat():
    daftar = buat_periode(2024, JenisPeriode.BULANAN)
    assert [p.kode for p in daftar] == [f"B{i:02d}" for i in range(1, 12)] + ["AKHIR"]
    assert daftar[1].selesai == date(2024, 2, 29)
    assert daftar[0].nama == "Januari"
    assert daftar[-1].nama == "Desember (Akhir)"
    assert buat_periode(2025, JenisPeriode.BULANAN)[1].selesai == date(2025, 2, 28)


@pytest.mark.parametrize("jenis", list(JenisPeriode))
def test_periode_menutup_tahun(jenis):
    daftar = buat_periode(2025, jenis)
    assert daftar[0].mulai == date(2025, 1, 1)
    assert daftar[-1].selesai == date(2025, 12, 31)
    for sebelum, sesudah in itertools.pairwise(daftar):
        assert (sesudah.mulai - sebelum.selesai).days == 1
    assert sum(bulan_dalam_periode(p) for p in daftar) == 12
    assert len(label_periode_cetak(jenis)) == len(daftar)


def test_cari_periode():
    assert cari_periode(2025, JenisPeriode.TRIWULAN, "TW2").nomor == 2
    with pytest.raises(ValidationError, match="TW9"):
        cari_periode(2025, JenisPeriode.TRIWULAN, "TW9")


def test_label_periode_cetak():
    assert label_periode_cetak(JenisPeriode.TRIWULAN) == ["TRIWULAN I", "II", "III", "IV-AKHIR"]
    assert label_periode_cetak(JenisPeriode.SEMESTER) == ["SEMESTER I", "II-AKHIR"]
    bulanan = label_periode_cetak(JenisPeriode.BULANAN)
    assert bulanan[0] == "BULAN JANUARI"
    assert bulanan[-1] == "DESEMBER-AKHIR"


def test_batas_pengisian_dan_bulan():
    tw1 = buat_periode(2025, JenisPeriode.TRIWULAN)[0]
    assert batas_pengisian_default(tw1) == date(2025, 4, 10)
    assert batas_pengisian_default(tw1, hari=5) == date(2025, 4, 5)
    assert bulan_dalam_periode(tw1) == 3
    assert bulan_dalam_periode(buat_periode(2025, JenisPeriode.SEMESTER)[1]) == 6


def test_periode_tahunan():
    assert periode_tahunan(2025) == (date(2025, 1, 1), date(2025, 12, 31))
