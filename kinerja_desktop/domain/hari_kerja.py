"""Working days of an Indonesian office: Monday to Friday, less the national public holidays.

Reminders count deadlines in working days ("batas pengisian 3 hari kerja lagi"): a deadline
after a long weekend or Idul Fitri is nearer than the calendar says. The holidays come from the
``holidays`` package (offline tables, Indonesian names); cuti bersama is set by a yearly joint
decree and is not in it, so those days count as working days.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import cache

SABTU = 5  # date.weekday(): Saturday 5, Sunday 6


@cache
def _libur_tahun(tahun: int) -> tuple[tuple[date, str], ...]:
    import holidays  # imported on first use: the tables are only needed by reminders

    daftar = holidays.country_holidays("ID", years=tahun, language="id")
    return tuple(sorted(daftar.items()))


def libur_nasional(tahun: Iterable[int]) -> dict[date, str]:
    """The national public holidays of the years, with their Indonesian names."""
    hasil: dict[date, str] = {}
    for t in sorted(set(tahun)):
        hasil.update(_libur_tahun(t))
    return hasil


def libur_antara(dari: date, sampai: date) -> dict[date, str]:
    return libur_nasional(range(min(dari, sampai).year, max(dari, sampai).year + 1))


def hari_kerja(d: date, libur: Mapping[date, str] | frozenset[date]) -> bool:
    return d.weekday() < SABTU and d not in libur


def sisa_hari_kerja(
    hari_ini: date, batas: date, libur: Mapping[date, str] | frozenset[date] | None = None
) -> int:
    """Working days left up to and including ``batas``, not counting today: 0 when the
    deadline is today (or only holidays remain), negative when it has passed (the working
    days since, counting ``batas`` itself as 0)."""
    if libur is None:
        libur = libur_antara(hari_ini, batas)
    if batas >= hari_ini:
        return _hitung(hari_ini + timedelta(days=1), batas, libur)
    return -_hitung(batas + timedelta(days=1), hari_ini, libur)


def _hitung(dari: date, sampai: date, libur: Mapping[date, str] | frozenset[date]) -> int:
    n = 0
    d = dari
    while d <= sampai:
        n += hari_kerja(d, libur)
        d += timedelta(days=1)
    return n


def tambah_hari_kerja(
    d: date, n: int, libur: Mapping[date, str] | frozenset[date] | None = None
) -> date:
    """The date ``n`` working days after ``d`` (``n`` ≥ 0; 0 gives ``d`` itself)."""
    if n < 0:
        raise ValueError("n harus 0 atau lebih")
    if libur is None:
        libur = libur_antara(d, d + timedelta(days=n * 2 + 30))
    while n > 0:
        d += timedelta(days=1)
        n -= hari_kerja(d, libur)
    return d


def teks_sisa(sisa: int) -> str:
    """ "hari ini", "3 hari kerja lagi", "lewat 2 hari kerja"."""
    if sisa == 0:
        return "hari ini"
    if sisa == 1:
        return "1 hari kerja lagi"
    if sisa > 1:
        return f"{sisa} hari kerja lagi"
    return f"lewat {-sisa} hari kerja"


__all__ = [
    "hari_kerja",
    "libur_antara",
    "libur_nasional",
    "sisa_hari_kerja",
    "tambah_hari_kerja",
    "teks_sisa",
]
