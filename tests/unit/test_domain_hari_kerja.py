from datetime import date

import pytest

from kinerja_desktop.domain.hari_kerja import (
    hari_kerja,
    libur_nasional,
    sisa_hari_kerja,
    tambah_hari_kerja,
    teks_sisa,
)


def test_libur_nasional_indonesia_dengan_nama_indonesia():
    libur = libur_nasional([2025])
    assert libur[date(2025, 8, 17)] == "Hari Kemerdekaan Republik Indonesia"
    assert date(2025, 3, 31) in libur  # Idul Fitri
    assert date(2025, 8, 18) not in libur


def test_akhir_pekan_dan_libur_bukan_hari_kerja():
    libur = libur_nasional([2025])
    assert hari_kerja(date(2025, 8, 15), libur)  # Friday
    assert not hari_kerja(date(2025, 8, 16), libur)  # Saturday
    assert not hari_kerja(date(2025, 4, 18), libur)  # Good Friday


def test_sisa_hari_kerja_melewati_akhir_pekan():
    # Thursday 10 Jul 2025 → Tuesday 15 Jul: Fri, Mon, Tue
    assert sisa_hari_kerja(date(2025, 7, 10), date(2025, 7, 15)) == 3


def test_sisa_hari_kerja_melewati_libur_dan_akhir_pekan():
    # Wed 14 May 2025 → Tue 20 May, no holiday: Thu Fri Mon Tue = 4
    assert sisa_hari_kerja(date(2025, 5, 14), date(2025, 5, 20)) == 4
    # Fri 9 May → Wed 14 May: Mon 12 May is Waisak, so Tue, Wed = 2 (calendar: 5 days)
    assert sisa_hari_kerja(date(2025, 5, 9), date(2025, 5, 14)) == 2


def test_sisa_hari_kerja_hari_ini_dan_lewat():
    assert sisa_hari_kerja(date(2025, 7, 15), date(2025, 7, 15)) == 0
    # deadline Friday 15 Aug, today Tuesday 19 Aug: Sun 17 Aug is a holiday anyway, Mon, Tue
    assert sisa_hari_kerja(date(2025, 8, 19), date(2025, 8, 15)) == -2
    # deadline on a Saturday seen from Friday: no working day is left
    assert sisa_hari_kerja(date(2025, 8, 15), date(2025, 8, 16)) == 0


def test_sisa_hari_kerja_dengan_libur_sendiri():
    libur = frozenset({date(2025, 7, 14)})
    assert sisa_hari_kerja(date(2025, 7, 10), date(2025, 7, 15), libur) == 2


def test_tambah_hari_kerja():
    # Friday 28 Mar 2025 + 1 working day: Sat 29 (Nyepi), Sun, Mon 31 and Tue 1 Apr (Idul
    # Fitri) are off, so Wednesday 2 April
    assert tambah_hari_kerja(date(2025, 3, 28), 1) == date(2025, 4, 2)
    assert tambah_hari_kerja(date(2025, 7, 11), 0) == date(2025, 7, 11)
    assert tambah_hari_kerja(date(2025, 7, 11), 3) == date(2025, 7, 16)
    with pytest.raises(ValueError):
        tambah_hari_kerja(date(2025, 7, 11), -1)


def test_sisa_melewati_pergantian_tahun():
    # Tue 30 Dec 2025 → Fri 2 Jan 2026: Wed 31, (Thu 1 Jan holiday), Fri 2 = 2
    assert sisa_hari_kerja(date(2025, 12, 30), date(2026, 1, 2)) == 2


def test_teks_sisa():
    assert teks_sisa(0) == "hari ini"
    assert teks_sisa(1) == "1 hari kerja lagi"
    assert teks_sisa(4) == "4 hari kerja lagi"
    assert teks_sisa(-2) == "lewat 2 hari kerja"
