"""Numbers as Indonesians write them: one rule for every screen, form, import and export.

Writing: a dot groups thousands and a comma marks decimals: 1234.5 is "1.234,5", 1000 is
"1.000". Without a fixed number of decimals at most two are shown and trailing zeros dropped
(12.0 is "12", 12.50 is "12,5"); with ``desimal`` exactly that many (angka kredit "18,75",
percentages "12,5%"). Rounding is half up, as people round by hand and as Excel prints.

Reading (:func:`parse_angka`) accepts what users type and what spreadsheet cells hold:

- "12", "12,5", "1.234,5", "1.000.000", numbers from Excel cells (``int``/``float``);
- a lone dot is a thousands separator when it is followed by exactly three digits after a
  group of one to three digits that does not start with 0 ("1.250" is 1250, as written in
  Indonesia); otherwise it is a decimal point typed on an English keyboard ("3.5", "12.50",
  "0.500", "1.2345");
- anything else made of digits, dots and commas is refused as ambiguous rather than guessed:
  "1,250.5" (English thousands) and "1.25,5" (broken groups). Spaces are ignored.

Negative numbers and NaN/infinity are refused: targets, realisasi and kuantitas are counts.
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

from kinerja_desktop.domain.errors import ValidationError

DESIMAL_BEBAS = 2  # decimals shown at most when no fixed number is asked

_RIBUAN = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d*)?")  # 1.250 / 1.234,5
_KOMA = re.compile(r"\d+,\d*|,\d+")  # 12,5 / 12, / ,5
_TITIK = re.compile(r"\d+\.\d*|\.\d+")  # 3.5 / 0.500 (one dot, not a thousands group)
_BULAT = re.compile(r"\d+")
_SPASI = re.compile(r"[\s\u00a0\u2009\u202f]+")


def _desimal(x: Decimal | float | int) -> Decimal:
    if isinstance(x, Decimal):
        return x
    # str() of a float is its shortest exact spelling: 0.1 stays 0.1, not 0.1000000000000000055
    return Decimal(str(x)) if isinstance(x, float) else Decimal(int(x))


def format_angka(x: Decimal | float | int | None, desimal: int | None = None) -> str:
    """``x`` in Indonesian notation; ``None`` is "". ``desimal`` fixes the number of decimals.

    >>> format_angka(1234.5), format_angka(1000), format_angka(12.0), format_angka(18.75, 3)
    ('1.234,5', '1.000', '12', '18,750')
    """
    if x is None:
        return ""
    if isinstance(x, float) and not math.isfinite(x):
        return str(x)
    langkah = DESIMAL_BEBAS if desimal is None else desimal
    with localcontext() as ctx:
        ctx.prec = 400  # room for any float's digits: quantize must never fail
        nilai = _desimal(x).quantize(Decimal(1).scaleb(-langkah), rounding=ROUND_HALF_UP)
    if nilai == 0:
        nilai = abs(nilai)  # no "-0"
    teks = f"{nilai:,.{langkah}f}"
    if desimal is None and "." in teks:
        teks = teks.rstrip("0").rstrip(".")
    return teks.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_persen(x: Decimal | float | int | None, desimal: int = 1) -> str:
    """A percentage with a fixed number of decimals: 12.5 -> "12,5%"; ``None`` is "-"."""
    return "-" if x is None else f"{format_angka(x, desimal)}%"


def _teks_ke_float(s: str) -> float | None:
    """Text in one of the accepted layouts as a float, or None when it fits none of them."""
    if _BULAT.fullmatch(s):
        return float(s)
    if _RIBUAN.fullmatch(s):
        return float(s.replace(".", "").replace(",", "."))
    if _KOMA.fullmatch(s):
        return float(s.replace(",", "."))
    if _TITIK.fullmatch(s):
        return float(s)
    return None


def parse_angka(teks: object, kolom: str) -> float | None:
    """A number typed by a user or read from a cell; empty is ``None``. See the module rule.

    Errors are :class:`ValidationError` in Indonesian naming ``kolom``.
    """
    if teks is None:
        return None
    if isinstance(teks, bool):
        raise ValidationError(f"{kolom} harus berupa angka, bukan Ya/Tidak.", kolom)
    if isinstance(teks, int | float | Decimal):
        nilai = float(teks)
    else:
        s = _SPASI.sub("", str(teks))
        if not s:
            return None
        negatif = s[0] == "-"
        angka = s[1:] if s[0] in "+-" else s
        hasil = _teks_ke_float(angka)
        if hasil is None:
            if re.fullmatch(r"[\d.,]+", angka) and re.search(r"\d", angka):
                raise ValidationError(
                    f"{kolom} {str(teks).strip()!r} tidak jelas: titik dan koma tidak seperti "
                    "penulisan Indonesia. Pakai titik untuk ribuan dan koma untuk desimal, "
                    "misalnya 1.250,5.",
                    kolom,
                )
            raise ValidationError(
                f"{kolom} {str(teks).strip()!r} bukan angka. Tulis angkanya saja, misalnya 12, "
                "12,5 atau 1.250 (tanpa satuan).",
                kolom,
            )
        nilai = -hasil if negatif else hasil
    if math.isnan(nilai) or math.isinf(nilai):
        raise ValidationError(f"Isi {kolom} dengan angka yang wajar.", kolom)
    if nilai < 0:
        raise ValidationError(f"{kolom} tidak boleh negatif.", kolom)
    return nilai


__all__ = ["DESIMAL_BEBAS", "format_angka", "format_persen", "parse_angka"]
