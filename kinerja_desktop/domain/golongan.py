"""Pangkat/golongan ruang of PNS (I/a–IV/e) and golongan of PPPK (I–XVII)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kinerja_desktop.domain.enums import StatusPegawai
from kinerja_desktop.domain.errors import ValidationError

KOLOM = "Golongan"


@dataclass(frozen=True)
class Golongan:
    kode: str
    pangkat: str = ""  # empty for PPPK: they have no pangkat
    singkat: str = ""  # the short form forms print: "Penata Muda Tk. I"

    @property
    def ruang(self) -> str:
        """The numeral part: "III" for "III/b", "IX" for PPPK "IX"."""
        return self.kode.split("/")[0]


_PANGKAT = (
    ("I/a", "Juru Muda"),
    ("I/b", "Juru Muda Tingkat I"),
    ("I/c", "Juru"),
    ("I/d", "Juru Tingkat I"),
    ("II/a", "Pengatur Muda"),
    ("II/b", "Pengatur Muda Tingkat I"),
    ("II/c", "Pengatur"),
    ("II/d", "Pengatur Tingkat I"),
    ("III/a", "Penata Muda"),
    ("III/b", "Penata Muda Tingkat I"),
    ("III/c", "Penata"),
    ("III/d", "Penata Tingkat I"),
    ("IV/a", "Pembina"),
    ("IV/b", "Pembina Tingkat I"),
    ("IV/c", "Pembina Utama Muda"),
    ("IV/d", "Pembina Utama Madya"),
    ("IV/e", "Pembina Utama"),
)

GOLONGAN_PNS: tuple[Golongan, ...] = tuple(
    Golongan(kode, pangkat, pangkat.replace("Tingkat", "Tk.")) for kode, pangkat in _PANGKAT
)

_ROMAWI: tuple[str, ...] = (
    *("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"),
    *("X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"),
)
GOLONGAN_PPPK: tuple[Golongan, ...] = tuple(Golongan(r) for r in _ROMAWI)

_PNS_PER_KODE = {g.kode.upper(): g for g in GOLONGAN_PNS}
_PPPK_PER_KODE = {g.kode: g for g in GOLONGAN_PPPK}
_ARAB_KE_ROMAWI = {"1": "I", "2": "II", "3": "III", "4": "IV"}

# "Tk." and "Tingkat" are the same word; match the longest pangkat first so "Penata Muda
# Tingkat I" does not stop at "Penata".
_PANGKAT_PER_KUNCI = sorted(
    ((g.pangkat.upper(), g) for g in GOLONGAN_PNS), key=lambda p: len(p[0]), reverse=True
)
_POLA_KODE_PNS = re.compile(r"\b(IV|III|II|I|[1-4])\s*([A-E])\b")


def _kunci(text: str) -> str:
    teks = re.sub(r"[/\-.,_()]+", " ", text.upper())
    teks = re.sub(r"\bTK\b", "TINGKAT", teks)
    return " ".join(teks.split())


def _is_pppk(status: StatusPegawai | str) -> bool:
    return StatusPegawai(status) is StatusPegawai.PPPK


def _parse_pns(text: str) -> str:
    kunci = _kunci(text)
    dari_kode = None
    m = _POLA_KODE_PNS.search(kunci)
    if m:
        ruang = _ARAB_KE_ROMAWI.get(m.group(1), m.group(1))
        dari_kode = _PNS_PER_KODE[f"{ruang}/{m.group(2)}"]
        sisa = (kunci[: m.start()] + " " + kunci[m.end() :]).strip()
    else:
        sisa = kunci
    dari_pangkat = None
    for nama, golongan in _PANGKAT_PER_KUNCI:
        if re.search(rf"(^|\s){nama}($|\s)", " " + sisa + " "):
            dari_pangkat = golongan
            break
    if dari_kode and dari_pangkat and dari_kode != dari_pangkat:
        raise ValidationError(
            f"Pangkat dan golongan tidak cocok pada {text!r}: golongan {dari_kode.kode} adalah "
            f"{dari_kode.pangkat}, bukan {dari_pangkat.pangkat}.",
            kolom=KOLOM,
        )
    hasil = dari_kode or dari_pangkat
    if hasil is None:
        raise ValidationError(
            f"Pangkat/golongan PNS tidak dikenal: {text!r}. Isi golongan ruang I/a sampai "
            "IV/e (misalnya III/b) atau nama pangkatnya (misalnya Penata Muda Tingkat I).",
            kolom=KOLOM,
        )
    return hasil.kode


def _parse_pppk(text: str) -> str:
    kunci = _kunci(text)
    kunci = re.sub(r"^(GOLONGAN|GOL)\s*", "", kunci)
    if kunci.isdigit() and 1 <= int(kunci) <= len(_ROMAWI):
        return _ROMAWI[int(kunci) - 1]
    if kunci in _PPPK_PER_KODE:
        return kunci
    raise ValidationError(
        f"Golongan PPPK tidak dikenal: {text!r}. Golongan PPPK adalah I sampai XVII "
        "(angka Romawi, misalnya IX), tanpa ruang a–e dan tanpa pangkat.",
        kolom=KOLOM,
    )


def parse_golongan(text: object, status: StatusPegawai | str) -> str:
    """Canonical kode ("III/b" or PPPK "IX") from the many ways people and SIASN write it."""
    teks = str(text or "").strip()
    if not teks:
        raise ValidationError("Pangkat/golongan belum diisi.", kolom=KOLOM)
    return _parse_pppk(teks) if _is_pppk(status) else _parse_pns(teks)


def golongan(kode: str, status: StatusPegawai | str) -> Golongan:
    """The catalogue entry for a kode (tolerant, via parse_golongan)."""
    kanonik = parse_golongan(kode, status)
    return _PPPK_PER_KODE[kanonik] if _is_pppk(status) else _PNS_PER_KODE[kanonik.upper()]


def label_pangkat_golongan(kode: str | None, status: StatusPegawai | str) -> str:
    """As printed: "Penata Muda Tk. I, III/b" or "Golongan IX"; unknown text is kept as is."""
    if not kode:
        return ""
    try:
        g = golongan(kode, status)
    except ValidationError:
        return kode  # a snapshot from an old import must still print
    return f"Golongan {g.kode}" if _is_pppk(status) else f"{g.singkat}, {g.kode}"


def golongan_choices(status: StatusPegawai | str) -> list[tuple[str, str]]:
    """(kode, label) pairs, lowest first, for a combo box."""
    daftar = GOLONGAN_PPPK if _is_pppk(status) else GOLONGAN_PNS
    return [(g.kode, label_pangkat_golongan(g.kode, status)) for g in daftar]
