"""Ratings, the predikat matrix (PermenPAN-RB 6/2022) and capaian helpers."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum


class Rating(StrEnum):
    DI_ATAS = "DI_ATAS"
    SESUAI = "SESUAI"
    DI_BAWAH = "DI_BAWAH"

    @property
    def label(self) -> str:
        return _LABEL_RATING[self]

    @property
    def label_cetak(self) -> str:
        return self.label.upper()


_LABEL_RATING = {
    Rating.DI_ATAS: "Di Atas Ekspektasi",
    Rating.SESUAI: "Sesuai Ekspektasi",
    Rating.DI_BAWAH: "Di Bawah Ekspektasi",
}


class Predikat(StrEnum):
    SANGAT_BAIK = "SANGAT_BAIK"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"

    @property
    def label(self) -> str:
        """Screen and curve label; the fourth class is "Kurang/Misconduct"."""
        return _LABEL_PREDIKAT[self]

    @property
    def label_cetak(self) -> str:
        """As the forms print it: plain "KURANG", without "/Misconduct"."""
        return self.value.replace("_", " ")


_LABEL_PREDIKAT = {
    Predikat.SANGAT_BAIK: "Sangat Baik",
    Predikat.BAIK: "Baik",
    Predikat.BUTUH_PERBAIKAN: "Butuh Perbaikan",
    Predikat.KURANG: "Kurang/Misconduct",
    Predikat.SANGAT_KURANG: "Sangat Kurang",
}

# (rating hasil kerja, rating perilaku) -> predikat, the nine cells of the regulation's matrix.
MATRIKS_PREDIKAT: dict[tuple[Rating, Rating], Predikat] = {
    (Rating.DI_ATAS, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.DI_ATAS, Rating.SESUAI): Predikat.BAIK,
    (Rating.DI_ATAS, Rating.DI_ATAS): Predikat.SANGAT_BAIK,
    (Rating.SESUAI, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.SESUAI, Rating.SESUAI): Predikat.BAIK,
    (Rating.SESUAI, Rating.DI_ATAS): Predikat.BAIK,
    (Rating.DI_BAWAH, Rating.DI_BAWAH): Predikat.SANGAT_KURANG,
    (Rating.DI_BAWAH, Rating.SESUAI): Predikat.BUTUH_PERBAIKAN,
    (Rating.DI_BAWAH, Rating.DI_ATAS): Predikat.BUTUH_PERBAIKAN,
}


def predikat_kinerja(rating_hasil_kerja: Rating | str, rating_perilaku: Rating | str) -> Predikat:
    return MATRIKS_PREDIKAT[(Rating(rating_hasil_kerja), Rating(rating_perilaku))]


class PredikatOrganisasi(StrEnum):
    ISTIMEWA = "ISTIMEWA"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()

    @property
    def label_cetak(self) -> str:
        return self.value.replace("_", " ")


def hitung_capaian(realisasi: float | None, target: float | None) -> float | None:
    """Capaian in percent (realisasi / target × 100); None when it cannot be computed."""
    if realisasi is None or target is None or target == 0:
        return None
    return realisasi / target * 100.0


def saran_rating(
    capaian: Sequence[float | None], batas_atas: float = 110.0, batas_bawah: float = 80.0
) -> Rating | None:
    """A SUGGESTED rating hasil kerja from the mean capaian of the filled IKI.

    The regulation sets no numeric threshold: the pejabat penilai decides the rating from
    realisasi, bukti dukung and feedback. The thresholds are therefore parameters (a setting),
    and the result is only shown as a hint. Mean ≥ batas_atas -> Di Atas, < batas_bawah ->
    Di Bawah, otherwise Sesuai; None if no IKI has a capaian.
    """
    terisi = [c for c in capaian if c is not None]
    if not terisi:
        return None
    rata = sum(terisi) / len(terisi)
    if rata >= batas_atas:
        return Rating.DI_ATAS
    if rata < batas_bawah:
        return Rating.DI_BAWAH
    return Rating.SESUAI
