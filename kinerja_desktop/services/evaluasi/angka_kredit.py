"""Angka kredit of a Jabatan Fungsional from its predikat (PermenPANRB 1/2023)."""

from __future__ import annotations

from kinerja_desktop.db.models import Pegawai, Periode
from kinerja_desktop.domain.angka import format_angka
from kinerja_desktop.domain.angka_kredit import (
    DESIMAL_AK,
    KOEFISIEN_TAHUNAN,
    PERSENTASE_PREDIKAT,
    hitung_angka_kredit,
)
from kinerja_desktop.domain.enums import JenisJabatan, JenjangFungsional
from kinerja_desktop.domain.predikat import Predikat


def angka_kredit_untuk(
    pegawai: Pegawai, predikat: str | None, periode: Periode
) -> tuple[str | None, str]:
    """(angka kredit "18,75" or None, explanation) for a Jabatan Fungsional."""
    if pegawai.jenis_jabatan != JenisJabatan.FUNGSIONAL.value or not pegawai.jenjang:
        return None, "Bukan jabatan fungsional."
    try:
        jenjang = JenjangFungsional(pegawai.jenjang)
    except ValueError:
        return None, f"Jenjang {pegawai.jenjang} tidak dikenal."
    if not predikat:
        return None, "Predikat belum ada."
    if periode.akhir:
        bulan = 12
        dasar = "predikat tahunan (periode akhir)"
    else:
        bulan = (
            (periode.selesai.year - periode.mulai.year) * 12
            + (periode.selesai.month - periode.mulai.month)
            + 1
        )
        dasar = f"periode {bulan} bulan"
    ak = hitung_angka_kredit(Predikat(predikat), jenjang, bulan)
    ket = (
        f"{PERSENTASE_PREDIKAT[Predikat(predikat)]}% × koefisien "
        f"{format_angka(KOEFISIEN_TAHUNAN[jenjang], 1)} ({jenjang.label})"
        + ("" if bulan == 12 else f" × {bulan}/12")
        + f"; {dasar}"
    )
    return format_angka(ak, DESIMAL_AK), ket
