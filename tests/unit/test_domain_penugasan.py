"""The penilai in force over dates (domain/penugasan.py), checked against day-by-day answers."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kinerja_desktop.domain.penugasan import (
    DEFINITIF,
    PLH,
    PLT,
    Masa,
    Tugas,
    garis_waktu,
    hari_keluar,
    milik,
    potong,
    yang_berlaku,
)

AWAL = date(2025, 1, 1)
HARI = timedelta(days=1)


@st.composite
def tugas_st(draw, n_max: int = 6) -> list[Tugas]:
    out = []
    for i in range(draw(st.integers(0, n_max))):
        mulai = AWAL + draw(st.integers(0, 120)) * HARI
        jenis = draw(st.sampled_from([DEFINITIF, PLT, PLH]))
        panjang = draw(st.one_of(st.none(), st.integers(0, 90)))
        if jenis != DEFINITIF and panjang is None:
            panjang = 10
        selesai = None if panjang is None else mulai + panjang * HARI
        out.append(Tugas(i + 1, 1, draw(st.integers(10, 13)), jenis, mulai, selesai))
    return out


rentang_st = st.tuples(st.integers(0, 150), st.integers(0, 60)).map(
    lambda t: (AWAL + t[0] * HARI, AWAL + (t[0] + t[1]) * HARI)
)


def _hari_per_hari(masa: list[Masa]) -> dict[date, tuple[int, str]]:
    out = {}
    for m in masa:
        d = m.mulai
        while d <= m.selesai:
            assert d not in out, "a day appears in two stretches"
            out[d] = (m.penilai_id, m.jenis)
            d += HARI
    return out


@given(tugas_st(), rentang_st)
def test_timeline_is_the_day_by_day_answer(tugas, rentang):
    mulai, selesai = rentang
    masa = garis_waktu(tugas, mulai, selesai)
    harian = _hari_per_hari(masa)
    d = mulai
    while d <= selesai:
        t = yang_berlaku(tugas, d)
        assert harian.get(d) == ((t.penilai_id, t.jenis) if t else None)
        d += HARI
    # stretches are ordered, inside the span, and neighbours with the same penilai are merged
    for a, b in itertools.pairwise(masa):
        assert a.selesai < b.mulai
        assert not (
            a.selesai + HARI == b.mulai and (a.penilai_id, a.jenis) == (b.penilai_id, b.jenis)
        )
    assert all(mulai <= m.mulai <= m.selesai <= selesai for m in masa)


@given(tugas_st(), rentang_st, st.one_of(st.none(), st.integers(0, 200)))
def test_cut_keeps_only_the_days_before_leaving(tugas, rentang, keluar_hari):
    keluar = None if keluar_hari is None else AWAL + keluar_hari * HARI
    penuh = _hari_per_hari(garis_waktu(tugas, *rentang))
    terpotong = _hari_per_hari(potong(garis_waktu(tugas, *rentang), keluar))
    assert terpotong == {d: v for d, v in penuh.items() if keluar is None or d < keluar}


@given(tugas_st(), rentang_st, st.integers(10, 13))
def test_whose_stretches_partition_by_penilai(tugas, rentang, penilai):
    masa = garis_waktu(tugas, *rentang)
    assert milik(masa, penilai) == [m for m in masa if m.penilai_id == penilai]


def test_the_issue_example_a_with_plt_b_from_march():
    a, b = 10, 11
    tugas = [
        Tugas(1, 1, a, DEFINITIF, date(2024, 1, 1), None),
        Tugas(2, 1, b, PLT, date(2025, 3, 1), date(2025, 5, 31)),
    ]
    masa = garis_waktu(tugas, date(2025, 1, 1), date(2025, 12, 31))
    assert masa == [
        Masa(a, DEFINITIF, date(2025, 1, 1), date(2025, 2, 28)),
        Masa(b, PLT, date(2025, 3, 1), date(2025, 5, 31)),
        Masa(a, DEFINITIF, date(2025, 6, 1), date(2025, 12, 31)),
    ]
    # acting wins even over a definitive assignment that starts later
    tugas.append(Tugas(3, 1, 12, DEFINITIF, date(2025, 4, 1), None))
    assert yang_berlaku(tugas, date(2025, 4, 15)).penilai_id == b
    assert yang_berlaku(tugas, date(2025, 6, 1)).penilai_id == 12


def test_leaving_day():
    hari = date(2025, 7, 1)
    assert hari_keluar(True, None, False, hari) is None
    assert hari_keluar(False, date(2025, 3, 1), False, hari) == date(2025, 3, 1)
    assert hari_keluar(False, None, False, hari) == date.min
    assert hari_keluar(True, None, True, hari) == hari
    assert hari_keluar(False, date(2025, 9, 1), True, hari) == hari
