"""Indonesian dates: printing ("31 Desember 2025") and tolerant reading of imported values."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from kinerja_desktop.domain.angka import format_angka
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

# For imports: each BULAN name, its first three and four letters, the English names with theirs,
# and the old and short spellings offices still use.
_NAMA_BULAN: dict[str, int] = {}
_INGGRIS = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)
for _i, (_nama, _inggris) in enumerate(zip(BULAN, _INGGRIS, strict=True), start=1):
    for _kata in (_nama.lower(), _inggris):
        _NAMA_BULAN.update({_kata: _i, _kata[:3]: _i, _kata[:4]: _i})
del _i, _nama, _inggris, _kata
_NAMA_BULAN.update({"agt": 8, "ags": 8, "peb": 2, "pebruari": 2, "nopember": 11, "nop": 11})

# Excel counts days from 1899-12-30 (it wrongly treats 1900 as a leap year). Serial numbers are
# taken as dates only from 1 January 1910 to 31 December 2099: below that a number is far more
# likely a year (1990 would be 12 June 1905) or a code than a date.
_EPOCH_EXCEL = date(1899, 12, 30)
_SERIAL_MIN = (date(1910, 1, 1) - _EPOCH_EXCEL).days
_SERIAL_MAX = (date(2099, 12, 31) - _EPOCH_EXCEL).days


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


_CONTOH = "Tulis seperti 31-12-2025, 2025-12-31, atau 31 Desember 2025."


def _gagal(value: object, kolom: str | None) -> ValidationError:
    return ValidationError(
        f"Tanggal {value!r} tidak dapat dibaca (bukan tanggal). {_CONTOH}", kolom=kolom
    )


def _bukan_serial(value: float, kolom: str | None) -> ValidationError:
    """A number outside the serial range: name a bare year as such, it is the usual mistake."""
    if float(value).is_integer() and 1000 <= value <= 2999:
        tahun = int(value)
        sebab = (
            f"{tahun} hanya tahun, bukan tanggal. Tulis tanggal lengkap, misalnya 31-12-{tahun}."
        )
    else:
        sebab = (
            f"angka {format_angka(value)} bukan tanggal (nomor tanggal Excel hanya diterima untuk "
            "1 Januari 1910 sampai 31 Desember 2099)."
        )
    return ValidationError(f"Tanggal tidak dapat dibaca: {sebab}", kolom=kolom)


def _buat(tahun: int, bulan: int, hari: int, value: object, kolom: str | None) -> date:
    try:
        return date(tahun, bulan, hari)
    except ValueError:
        raise ValidationError(
            f"{str(value).strip()!r} bukan tanggal yang ada: hari {hari}, bulan {bulan}, tahun "
            f"{tahun} tidak ada di kalender.",
            kolom=kolom,
        ) from None


def _tahun(teks: str) -> int:
    tahun = int(teks)
    if len(teks) == 2:  # two-digit years: 00–29 is this century, the rest the previous one
        tahun += 2000 if tahun < 30 else 1900
    return tahun


def parse_tanggal(value: object, kolom: str | None = None) -> date:
    """The one reader of dates from users and files: every import and field goes through it.

    Accepted: a date/datetime; an Excel serial number (int, float with a time part, or its
    digits as text) from 1 January 1910 to 31 December 2099; text as 31-12-1990, 31/12/1990,
    31.12.1990, 31 12 1990, 31-12-90, 1990-12-31 (optionally with a time), 19901231,
    31 Desember 1990, 31-Des-1990, 1 Agt. 1990, 31 December 1990. Numeric text puts the day
    first (01-08-1966 is 1 August), as Indonesians write. A bare year ("1990") and any other
    number outside the serial range are refused, never turned into a date; so is a date
    outside that range, which is such a number typed into a date-formatted cell.
    """
    if isinstance(value, date):
        tgl = value.date() if isinstance(value, datetime) else value
        serial = (tgl - _EPOCH_EXCEL).days
        if not _SERIAL_MIN <= serial <= _SERIAL_MAX:
            # a number typed into a date-formatted cell: Excel shows 1990 as 12-06-1905
            raise _bukan_serial(serial, kolom)
        return tgl
    if isinstance(value, time):  # a date-formatted cell holding a number below 1
        raise _bukan_serial((value.hour * 3600 + value.minute * 60 + value.second) / 86400, kolom)
    if isinstance(value, bool) or value is None:
        raise _gagal(value, kolom)
    if isinstance(value, int | float):
        if not _SERIAL_MIN <= value <= _SERIAL_MAX:  # also refuses NaN
            raise _bukan_serial(value, kolom)
        return _EPOCH_EXCEL + timedelta(days=int(value))
    teks = " ".join(str(value).strip().split())
    if not teks:
        raise ValidationError("Tanggal belum diisi.", kolom=kolom)
    # ISO, optionally with a time part: 1966-08-01, 1966/08/01 00:00:00
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?", teks)
    if m:
        return _buat(int(m[1]), int(m[2]), int(m[3]), value, kolom)
    m = re.fullmatch(r"(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4}|\d{2})(?: .*)?", teks)
    if m:
        return _buat(_tahun(m[3]), int(m[2]), int(m[1]), value, kolom)
    m = re.fullmatch(r"((?:19|20)\d{2})(\d{2})(\d{2})", teks)  # 19901231, as in a NIP
    if m:
        return _buat(int(m[1]), int(m[2]), int(m[3]), value, kolom)
    # 1 Agustus 1966, 01-AUG-1966, 1 Agt. 1966
    m = re.fullmatch(r"(\d{1,2})[-/. ]*([A-Za-z]+)\.?[-/. ]*(\d{4}|\d{2})", teks)
    if m and m[2].lower() in _NAMA_BULAN:
        return _buat(_tahun(m[3]), _NAMA_BULAN[m[2].lower()], int(m[1]), value, kolom)
    if re.fullmatch(r"\d+(\.\d+)?", teks):
        return parse_tanggal(float(teks), kolom)
    raise _gagal(value, kolom)
