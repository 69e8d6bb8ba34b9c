"""Who rates a pegawai over dates: pure interval logic on the assignments (domain.md §3a).

An assignment (DEFINITIF, PLT or PLH) runs from ``mulai`` to ``selesai`` (open when None).
On a day, an acting PLT/PLH wins over the definitive atasan; within the same kind the one
that started last wins (then the later entered). The answer over a span is a list of
:class:`Masa`: consecutive stretches with one penilai each.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

DEFINITIF = "DEFINITIF"
PLT = "PLT"
PLH = "PLH"
JENIS_SEMENTARA = (PLT, PLH)

SATU_HARI = timedelta(days=1)


@dataclass(frozen=True)
class Tugas:
    """One assignment row, as the interval logic needs it."""

    id: int
    pegawai_id: int
    penilai_id: int
    jenis: str
    mulai: date
    selesai: date | None


@dataclass(frozen=True)
class Masa:
    """A stretch of days with one penilai (and the kind of his assignment)."""

    penilai_id: int
    jenis: str
    mulai: date
    selesai: date

    @property
    def sementara(self) -> bool:
        return self.jenis in JENIS_SEMENTARA


def berlaku_pada(t: Tugas, hari: date) -> bool:
    return t.mulai <= hari and (t.selesai is None or t.selesai >= hari)


def _kunci(t: Tugas) -> tuple[bool, date, int]:
    return (t.jenis in JENIS_SEMENTARA, t.mulai, t.id)


def yang_berlaku(tugas: Iterable[Tugas], hari: date) -> Tugas | None:
    """The assignment in force on ``hari``: acting over definitive, then the latest."""
    calon = [t for t in tugas if berlaku_pada(t, hari)]
    return max(calon, key=_kunci) if calon else None


def garis_waktu(tugas: Sequence[Tugas], mulai: date, selesai: date) -> list[Masa]:
    """The penilai in force over ``mulai``..``selesai`` (days nobody rates are left out).

    The answer can only change where an assignment starts or ends, so each stretch between
    two such boundaries is decided by its first day.
    """
    if selesai < mulai:
        return []
    batas = {mulai, selesai + SATU_HARI}
    for tg in tugas:
        for b in (tg.mulai, (tg.selesai + SATU_HARI) if tg.selesai else None):
            if b is not None and mulai < b <= selesai:
                batas.add(b)
    titik = sorted(batas)
    out: list[Masa] = []
    for awal, akhir in pairwise(titik):
        t = yang_berlaku(tugas, awal)
        if t is None:
            continue
        sampai = akhir - SATU_HARI
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.penilai_id == t.penilai_id
            and prev.jenis == t.jenis
            and prev.selesai + SATU_HARI == awal
        ):
            out[-1] = Masa(prev.penilai_id, prev.jenis, prev.mulai, sampai)
        else:
            out.append(Masa(t.penilai_id, t.jenis, awal, sampai))
    return out


def potong(masa: Iterable[Masa], keluar: date | None) -> list[Masa]:
    """The stretches before ``keluar`` (the first day the pegawai is out of SKP duties)."""
    if keluar is None:
        return list(masa)
    out = []
    for m in masa:
        if m.mulai >= keluar:
            continue
        out.append(
            m if m.selesai < keluar else Masa(m.penilai_id, m.jenis, m.mulai, keluar - SATU_HARI)
        )
    return out


def hari_keluar(
    aktif: bool, tanggal_nonaktif: date | None, bebas_tugas: bool, hari_ini: date
) -> date | None:
    """The first day a pegawai is no longer rated: inactive from ``tanggal_nonaktif`` (from
    always when it is not known); temporarily out of SKP duties (bebas tugas, whose start the
    roster does not record) from today."""
    hari: list[date] = []
    if not aktif:
        hari.append(tanggal_nonaktif or date.min)
    if bebas_tugas:
        hari.append(hari_ini)
    return min(hari) if hari else None


def milik(masa: Iterable[Masa], penilai_id: int) -> list[Masa]:
    return [m for m in masa if m.penilai_id == penilai_id]


def bersinggungan(a_mulai: date, a_selesai: date, b_mulai: date, b_selesai: date) -> bool:
    return a_mulai <= b_selesai and b_mulai <= a_selesai


LABEL_JENIS = {DEFINITIF: "Atasan langsung", PLT: "Plt.", PLH: "Plh."}


def uraian_masa(masa: Sequence[Masa], mulai: date, selesai: date) -> str:
    """How a penilai rates a pegawai over a span, for the lists: empty when as atasan langsung
    on every day, else each stretch ("Plt. 01-06-2025 s.d. 31-08-2025")."""
    if len(masa) == 1 and (masa[0].jenis, masa[0].mulai, masa[0].selesai) == (
        DEFINITIF,
        mulai,
        selesai,
    ):
        return ""
    return "; ".join(
        f"{LABEL_JENIS.get(m.jenis, m.jenis)} {m.mulai:%d-%m-%Y} s.d. {m.selesai:%d-%m-%Y}"
        for m in masa
    )
