"""One pegawai's year as the screens show it (``kinerja-desktop ringkasan``): his SKP revisions
with the days each is in force, and for every period the revision in force, its IKI and how
many are filled, the realisasi state and the evaluation.

Built from the screens' own services (the Pemantauan page, the evaluation screen and
services/skp/berlaku.py), so the summary can never tell a different story than the window.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.status import StatusEvaluasi
from kinerja_desktop.services.akses import wajib_baca_pemantauan
from kinerja_desktop.services.evaluasi import buka_evaluasi, pegawai_per_nip
from kinerja_desktop.services.pemantauan import halaman_pemantauan
from kinerja_desktop.services.periode import pastikan_periode
from kinerja_desktop.services.skp.berlaku import masa_berlaku, rantai, skp_tahun


@dataclass(frozen=True)
class SkpTahun:
    revisi: int
    status: str
    berlaku_mulai: date | None  # None: not (yet) in force
    berlaku_sampai: date | None


@dataclass(frozen=True)
class EvaluasiSingkat:
    status: str
    predikat: str | None


@dataclass(frozen=True)
class PeriodeTahun:
    kode: str
    revisi_berlaku: int | None
    iki: int
    iki_terisi: int
    status_realisasi: str
    evaluasi: EvaluasiSingkat | None


@dataclass(frozen=True)
class RingkasanTahun:
    nip: str
    nama: str
    tahun: int
    skp: tuple[SkpTahun, ...]
    periode: tuple[PeriodeTahun, ...]

    def sebagai_json(self) -> dict[str, Any]:
        """The documented JSON keys (dates as ISO strings); the name is for the text form."""
        data = asdict(self)
        data.pop("nama")
        for s in data["skp"]:
            for k in ("berlaku_mulai", "berlaku_sampai"):
                s[k] = s[k].isoformat() if s[k] else None
        return data


def ringkasan_tahun(session: Session, actor: Actor, nip: str, tahun: int) -> RingkasanTahun:
    """The pegawai's year; whoever may read his monitoring may read it."""
    p = pegawai_per_nip(session, nip)
    wajib_baca_pemantauan(session, actor, p.id)
    skp: list[SkpTahun] = []
    for g in rantai(skp_tahun(session, p.id, tahun)):
        masa = masa_berlaku(session, g)
        for s in g:
            mulai, sampai = masa.get(s.id, (None, None))
            skp.append(SkpTahun(s.revisi, s.status, mulai, sampai))
    periode = [
        _periode(session, actor, p.id, tahun, x.id) for x in pastikan_periode(session, tahun)
    ]
    return RingkasanTahun(p.nip, p.nama, tahun, tuple(skp), tuple(periode))


def _periode(
    session: Session, actor: Actor, pegawai_id: int, tahun: int, periode_id: int
) -> PeriodeTahun:
    h = halaman_pemantauan(session, actor, pegawai_id, tahun, periode_id)
    d = buka_evaluasi(session, actor, pegawai_id, periode_id, buat=False)
    ev = (
        EvaluasiSingkat(d.status, d.predikat)
        if d.evaluasi_id is not None and d.status != StatusEvaluasi.BELUM
        else None
    )
    kode = h.periode_aktif.kode if h.periode_aktif else ""
    return PeriodeTahun(kode, h.skp_revisi, len(h.baris), h.jumlah_terisi, h.status, ev)
