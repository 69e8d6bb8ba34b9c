"""Distribution limits of employee predikat within a unit (SE MenPAN-RB 3/2023).

The limits are a warning for the leader, never a block [soft]. No rounding rule is published for
small units, so percentages are compared exactly (3 of 4 = 75 % breaks "at most 70 %") and the
counts are shown next to the rule for the leader to judge.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from kinerja_desktop.domain.angka import format_persen
from kinerja_desktop.domain.predikat import Predikat, PredikatOrganisasi
from kinerja_desktop.domain.status import StatusEvaluasi

PALING_BANYAK = "paling banyak"
PALING_SEDIKIT = "paling sedikit"
# "sebagian besar (maksimal 70%)": the SE gives only the upper bound in numbers; "sebagian
# besar" is read as more than half [soft], so it is a strict lower bound.
LEBIH_DARI = "lebih dari"

# Only a FINAL evaluation counts as dinilai in a distribution (forms.md §5), on the recap screen
# and in the signed penetapan alike: a draft's predikat may still change.
STATUS_DINILAI: tuple[StatusEvaluasi, ...] = (StatusEvaluasi.FINAL,)


def dihitung_dinilai(status: str | None, predikat: str | None) -> bool:
    """Whether an evaluation counts in the distribution of its unit."""
    return predikat is not None and status in STATUS_DINILAI


# x axis of the "pola distribusi" curve, as the forms draw it (worst to best).
URUTAN_KURVA: tuple[Predikat, ...] = (
    Predikat.SANGAT_KURANG,
    Predikat.KURANG,
    Predikat.BUTUH_PERBAIKAN,
    Predikat.BAIK,
    Predikat.SANGAT_BAIK,
)


@dataclass(frozen=True)
class _Batas:
    """One rule: the share of ``predikat`` (summed) is at most/at least ``persen``."""

    predikat: tuple[Predikat, ...]
    jenis: str  # PALING_BANYAK or PALING_SEDIKIT
    persen: int
    teks: str
    minimal_orang: int = 0  # "at least one pegawai": a count, not a percentage


def _teks_kelompok(predikat: tuple[Predikat, ...]) -> str:
    return " dan ".join(p.label for p in predikat)


def _batas(jenis: str, persen: int, *predikat: Predikat) -> _Batas:
    return _Batas(predikat, jenis, persen, f"{_teks_kelompok(predikat)} {jenis} {persen}%")


def _sebagian_besar(predikat: Predikat) -> _Batas:
    teks = f"{predikat.label} sebagian besar ({LEBIH_DARI} 50%)"
    return _Batas((predikat,), LEBIH_DARI, 50, teks)


_ATURAN: dict[PredikatOrganisasi, tuple[_Batas, ...]] = {
    PredikatOrganisasi.ISTIMEWA: (
        _batas(PALING_BANYAK, 70, Predikat.SANGAT_BAIK),
        _sebagian_besar(Predikat.SANGAT_BAIK),
    ),
    PredikatOrganisasi.BAIK: (
        _batas(PALING_BANYAK, 70, Predikat.BAIK),
        _sebagian_besar(Predikat.BAIK),
        _Batas(
            (Predikat.BUTUH_PERBAIKAN, Predikat.KURANG),
            PALING_SEDIKIT,
            0,
            "Paling sedikit satu pegawai Butuh Perbaikan dan/atau Kurang/Misconduct",
            minimal_orang=1,
        ),
    ),
    PredikatOrganisasi.BUTUH_PERBAIKAN: (
        _batas(PALING_SEDIKIT, 60, Predikat.BUTUH_PERBAIKAN),
        _batas(PALING_BANYAK, 10, Predikat.SANGAT_BAIK),
    ),
    PredikatOrganisasi.KURANG: (
        _batas(PALING_SEDIKIT, 60, Predikat.KURANG),
        _batas(PALING_SEDIKIT, 10, Predikat.BUTUH_PERBAIKAN),
        _batas(PALING_BANYAK, 10, Predikat.SANGAT_BAIK),
    ),
    PredikatOrganisasi.SANGAT_KURANG: (
        _batas(PALING_SEDIKIT, 60, Predikat.SANGAT_KURANG),
        _batas(PALING_SEDIKIT, 10, Predikat.KURANG, Predikat.BUTUH_PERBAIKAN),
        _Batas((Predikat.SANGAT_BAIK,), PALING_BANYAK, 0, "Tidak ada pegawai Sangat Baik"),
    ),
}


@dataclass(frozen=True)
class AturanDistribusi:
    teks: str  # the rule in Indonesian, e.g. "Sangat Baik paling banyak 70%"
    terpenuhi: bool
    nilai_persen: float  # the unit's actual share for the predikat the rule is about
    jumlah: int  # how many pegawai that share is
    total: int
    predikat: tuple[Predikat, ...]

    @property
    def uraian(self) -> str:
        """Rule plus the facts, for a warning: "Sangat Baik paling banyak 70%: 75,0% (3 dari
        4 pegawai)"."""
        persen = format_persen(self.nilai_persen)
        return f"{self.teks}: {persen} ({self.jumlah} dari {self.total} pegawai)"


@dataclass(frozen=True)
class HasilDistribusi:
    organisasi: PredikatOrganisasi
    jumlah: dict[Predikat, int]
    total: int
    persen: dict[Predikat, float]
    aturan: list[AturanDistribusi] = field(default_factory=list)

    @property
    def pelanggaran(self) -> list[AturanDistribusi]:
        return [a for a in self.aturan if not a.terpenuhi]

    @property
    def sesuai(self) -> bool:
        return not self.pelanggaran


def _terpenuhi(batas: _Batas, jumlah: int, total: int) -> bool:
    if total == 0:
        return True  # an empty unit (nobody evaluated yet) breaks no rule
    if batas.minimal_orang:
        return jumlah >= batas.minimal_orang
    bagian = Fraction(jumlah, total) * 100
    if batas.jenis == LEBIH_DARI:
        return bagian > batas.persen
    return bagian <= batas.persen if batas.jenis == PALING_BANYAK else bagian >= batas.persen


def periksa_distribusi(
    organisasi: PredikatOrganisasi, jumlah: Mapping[Predikat, int]
) -> HasilDistribusi:
    """Check a unit's counts per predikat against the rule for the organisation's predikat."""
    organisasi = PredikatOrganisasi(organisasi)
    hitung = {p: int(jumlah.get(p, 0)) for p in Predikat}
    total = sum(hitung.values())
    persen = {p: (n * 100.0 / total if total else 0.0) for p, n in hitung.items()}
    aturan = []
    for batas in _ATURAN[organisasi]:
        n = sum(hitung[p] for p in batas.predikat)
        aturan.append(
            AturanDistribusi(
                teks=batas.teks,
                terpenuhi=_terpenuhi(batas, n, total),
                nilai_persen=n * 100.0 / total if total else 0.0,
                jumlah=n,
                total=total,
                predikat=batas.predikat,
            )
        )
    return HasilDistribusi(organisasi, hitung, total, persen, aturan)


def teks_aturan(organisasi: PredikatOrganisasi) -> list[str]:
    """The rule texts for an organisation predikat, e.g. to show before any pegawai is rated."""
    return [b.teks for b in _ATURAN[PredikatOrganisasi(organisasi)]]


# Relative frequencies (summing to 1) in URUTAN_KURVA order; illustrative shapes for the
# printed "pola distribusi" drawing, not limits.
_KURVA: dict[PredikatOrganisasi, tuple[float, ...]] = {
    PredikatOrganisasi.ISTIMEWA: (0.02, 0.05, 0.13, 0.30, 0.50),
    PredikatOrganisasi.BAIK: (0.05, 0.10, 0.25, 0.40, 0.20),
    PredikatOrganisasi.BUTUH_PERBAIKAN: (0.10, 0.20, 0.40, 0.20, 0.10),
    PredikatOrganisasi.KURANG: (0.20, 0.40, 0.25, 0.10, 0.05),
    PredikatOrganisasi.SANGAT_KURANG: (0.50, 0.30, 0.13, 0.05, 0.02),
}


def kurva_referensi(organisasi: PredikatOrganisasi) -> dict[Predikat, float]:
    """The curve shape for an organisation predikat, keyed in URUTAN_KURVA order."""
    return dict(zip(URUTAN_KURVA, _KURVA[PredikatOrganisasi(organisasi)], strict=True))
