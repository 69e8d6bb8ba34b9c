"""Evaluation periods within a year (PermenPAN-RB 6/2022: periodic and annual evaluation).

The official forms print "TRIWULAN I / II / III / IV-AKHIR"; instansi may evaluate monthly or
per semester instead. The last period of the year is always "AKHIR": its predikat is the annual
one [soft], and its Dokumen Evaluasi covers the whole year (``periode_tahunan``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.tanggal import BULAN

KODE_AKHIR = "AKHIR"
BATAS_PENGISIAN_HARI = 10  # practice, not regulation: a setting may override it

_ROMAWI = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


class JenisPeriode(StrEnum):
    BULANAN = "BULANAN"
    TRIWULAN = "TRIWULAN"
    SEMESTER = "SEMESTER"

    @property
    def label(self) -> str:
        return self.value.title()

    @property
    def bulan_per_periode(self) -> int:
        return {"BULANAN": 1, "TRIWULAN": 3, "SEMESTER": 6}[self.value]


@dataclass(frozen=True)
class PeriodeSpec:
    kode: str  # "TW1", "S1", "B01", ... and "AKHIR" for the last one
    nama: str  # "Triwulan I", ..., "Triwulan IV (Akhir)"
    nomor: int  # 1-based position in the year
    mulai: date
    selesai: date
    akhir: bool


def _akhir_bulan(tahun: int, bulan: int) -> date:
    return date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def _nama(jenis: JenisPeriode, nomor: int) -> str:
    if jenis is JenisPeriode.BULANAN:
        return BULAN[nomor - 1]
    return f"{jenis.label} {_ROMAWI[nomor - 1]}"


def _kode(jenis: JenisPeriode, nomor: int) -> str:
    prefix = {JenisPeriode.BULANAN: "B", JenisPeriode.TRIWULAN: "TW", JenisPeriode.SEMESTER: "S"}
    return f"B{nomor:02d}" if jenis is JenisPeriode.BULANAN else f"{prefix[jenis]}{nomor}"


def buat_periode(tahun: int, jenis: JenisPeriode | str) -> list[PeriodeSpec]:
    """All periods of a year, in order; the last has kode "AKHIR"."""
    jenis = JenisPeriode(jenis)
    langkah = jenis.bulan_per_periode
    jumlah = 12 // langkah
    hasil = []
    for nomor in range(1, jumlah + 1):
        bulan_awal = (nomor - 1) * langkah + 1
        akhir = nomor == jumlah
        hasil.append(
            PeriodeSpec(
                kode=KODE_AKHIR if akhir else _kode(jenis, nomor),
                nama=f"{_nama(jenis, nomor)} (Akhir)" if akhir else _nama(jenis, nomor),
                nomor=nomor,
                mulai=date(tahun, bulan_awal, 1),
                selesai=_akhir_bulan(tahun, bulan_awal + langkah - 1),
                akhir=akhir,
            )
        )
    return hasil


def cari_periode(tahun: int, jenis: JenisPeriode | str, kode: str) -> PeriodeSpec:
    for spec in buat_periode(tahun, jenis):
        if spec.kode == kode:
            return spec
    raise ValidationError(
        f"Kode periode {kode!r} tidak ada pada periode {JenisPeriode(jenis).label.lower()}.",
        kolom="Periode",
    )


def label_periode_cetak(jenis: JenisPeriode | str) -> list[str]:
    """The forms' "PERIODE:" items; item i belongs to period nomor i+1, so the printer can
    strike through the ones that do not apply: ["TRIWULAN I", "II", "III", "IV-AKHIR"]."""
    jenis = JenisPeriode(jenis)
    jumlah = 12 // jenis.bulan_per_periode
    if jenis is JenisPeriode.BULANAN:
        items = [b.upper() for b in BULAN]
        items[0] = f"BULAN {items[0]}"
    else:
        items = list(_ROMAWI[:jumlah])
        items[0] = f"{jenis.value} {items[0]}"
    items[-1] = f"{items[-1]}-AKHIR"
    return items


def batas_pengisian_default(spec: PeriodeSpec, hari: int = BATAS_PENGISIAN_HARI) -> date:
    """Suggested deadline for filling realisasi: some days after the period ends."""
    return spec.selesai + timedelta(days=hari)


def periode_tahunan(tahun: int) -> tuple[date, date]:
    return date(tahun, 1, 1), date(tahun, 12, 31)


def bulan_dalam_periode(spec: PeriodeSpec) -> int:
    return (spec.selesai.year - spec.mulai.year) * 12 + spec.selesai.month - spec.mulai.month + 1
