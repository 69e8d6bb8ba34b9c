"""Indonesian dates: printing ("31 Desember 2025") and tolerant reading of imported values."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from kinerja_desktop.domain.errors import ValidationError

BULAN: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

# Indonesian and English names and their usual abbreviations, for imports.
_NAMA_BULAN: dict[str, int] = {}
for _i, _nama in enumerate(BULAN, start=1):
    _NAMA_BULAN[_nama.lower()] = _i
    _NAMA_BULAN[_nama[:3].lower()] = _i
for _i, _nama in enumerate(
    (
        *("january", "february", "march", "april", "may", "june"),
        *("july", "august", "september", "october", "november", "december"),
    ),
    start=1,
):
    _NAMA_BULAN[_nama] = _i
    _NAMA_BULAN[_nama[:3]] = _i
del _i, _nama
_NAMA_BULAN.update({"agt": 8, "ags": 8, "okt": 10, "des": 12, "peb": 2, "pebruari": 2, "sept": 9})

# Excel counts days from 1899-12-30 (it wrongly treats 1900 as a leap year).
_EPOCH_EXCEL = date(1899, 12, 30)


def waktu_lokal(waktu: datetime) -> datetime:
    """Times are stored as naive UTC; users read them in the computer's time zone (WIB…)."""
    return waktu.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def format_tanggal(d: date) -> str:
    return f"{d.day} {BULAN[d.month - 1]} {d.year}"


def format_tanggal_kapital(d: date) -> str:
    return format_tanggal(d).upper()


def format_rentang_periode(mulai: date, selesai: date) -> str:
    """The forms' PERIODE PENILAIAN line: "1 JANUARI SD 31 MARET TAHUN 2025".

    Across a year boundary both years are printed, since "TAHUN" alone would be ambiguous.
    """
    if mulai.year == selesai.year:
        teks = (
            f"{mulai.day} {BULAN[mulai.month - 1]} SD {selesai.day} "
            f"{BULAN[selesai.month - 1]} TAHUN {selesai.year}"
        )
        return teks.upper()
    return f"{format_tanggal_kapital(mulai)} SD {format_tanggal_kapital(selesai)}"


def _gagal(value: object, kolom: str | None) -> ValidationError:
    return ValidationError(
        f"Tanggal {value!r} tidak dapat dibaca. Tulis seperti 31-12-2025, 2025-12-31, "
        "atau 31 Desember 2025.",
        kolom=kolom,
    )


def _buat(tahun: int, bulan: int, hari: int, value: object, kolom: str | None) -> date:
    try:
        return date(tahun, bulan, hari)
    except ValueError:
        raise ValidationError(
            f"Tanggal {value!r} tidak ada di kalender (hari {hari}, bulan {bulan}, tahun {tahun}).",
            kolom=kolom,
        ) from None


def _tahun(teks: str) -> int:
    tahun = int(teks)
    if len(teks) == 2:  # two-digit years: 00–29 is this century, the rest the previous one
        tahun += 2000 if tahun < 30 else 1900
    return tahun


def parse_tanggal(value: object, kolom: str | None = None) -> date:
    """A date from a date/datetime, an Excel serial number, or text in common layouts.

    Numeric text days come first (01-08-1966 is 1 August), as Indonesians write them.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or value is None:
        raise _gagal(value, kolom)
    if isinstance(value, int | float):
        if not 1 <= value < 2958466:  # up to 31-12-9999
            raise _gagal(value, kolom)
        return _EPOCH_EXCEL + timedelta(days=int(value))
    teks = " ".join(str(value).strip().split())
    if not teks:
        raise ValidationError("Tanggal belum diisi.", kolom=kolom)
    # ISO, optionally with a time part: 1966-08-01, 1966/08/01 00:00:00
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?", teks)
    if m:
        return _buat(int(m[1]), int(m[2]), int(m[3]), value, kolom)
    m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?: .*)?", teks)
    if m:
        return _buat(_tahun(m[3]), int(m[2]), int(m[1]), value, kolom)
    # 1 Agustus 1966, 01-AUG-1966, 1 Agt. 1966
    m = re.fullmatch(r"(\d{1,2})[-/ ]?([A-Za-z]+)\.?[-/ ]?(\d{4}|\d{2})", teks)
    if m and m[2].lower() in _NAMA_BULAN:
        return _buat(_tahun(m[3]), _NAMA_BULAN[m[2].lower()], int(m[1]), value, kolom)
    if re.fullmatch(r"\d+(\.\d+)?", teks):
        return parse_tanggal(float(teks), kolom)
    raise _gagal(value, kolom)
