"""Angka kredit of Jabatan Fungsional from the predikat (PermenPAN-RB 1/2023, Perban BKN 3/2023).

AK = persentase predikat × koefisien tahunan jenjang × bulan/12. Koefisien for Ahli Pertama and
Ahli Madya are firm; the others come from fewer sources [soft].
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from kinerja_desktop.domain.enums import JenjangFungsional
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.predikat import Predikat

PERSENTASE_PREDIKAT: dict[Predikat, Decimal] = {
    Predikat.SANGAT_BAIK: Decimal("150"),
    Predikat.BAIK: Decimal("100"),
    Predikat.BUTUH_PERBAIKAN: Decimal("75"),
    Predikat.KURANG: Decimal("50"),
    Predikat.SANGAT_KURANG: Decimal("25"),
}

KOEFISIEN_TAHUNAN: dict[JenjangFungsional, Decimal] = {
    JenjangFungsional.AHLI_PERTAMA: Decimal("12.5"),
    JenjangFungsional.AHLI_MUDA: Decimal("25"),
    JenjangFungsional.AHLI_MADYA: Decimal("37.5"),
    JenjangFungsional.AHLI_UTAMA: Decimal("50"),
    JenjangFungsional.PEMULA: Decimal("3.75"),
    JenjangFungsional.TERAMPIL: Decimal("5"),
    JenjangFungsional.MAHIR: Decimal("12.5"),
    JenjangFungsional.PENYELIA: Decimal("25"),
}

# BKN prints angka kredit with two decimals (2/12 x 100 % x 12,5 = "2,08"); the value is kept to
# three so that sums of several periods round once, at display.
DESIMAL_AK = 2
_TIGA_DESIMAL = Decimal(1).scaleb(-3)


def hitung_angka_kredit(predikat: Predikat, jenjang: JenjangFungsional, bulan: int = 12) -> Decimal:
    """Angka kredit for ``bulan`` months at one predikat, rounded half-up to 3 decimals."""
    if not 1 <= bulan <= 12:
        raise ValidationError(
            f"Jumlah bulan untuk angka kredit harus 1–12; yang diisi {bulan}.", kolom="Bulan"
        )
    nilai = (
        PERSENTASE_PREDIKAT[Predikat(predikat)]
        / 100
        * KOEFISIEN_TAHUNAN[JenjangFungsional(jenjang)]
        * bulan
        / 12
    )
    return nilai.quantize(_TIGA_DESIMAL, rounding=ROUND_HALF_UP)
