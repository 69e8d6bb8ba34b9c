"""The lists of the Evaluasi view: periods and years, the pegawai the actor rates in a period,
the actor's own evaluations."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import (
    Evaluasi,
    Keberatan,
    Pegawai,
    Periode,
    UnitKerja,
)
from kinerja_desktop.domain.errors import NotFound
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.status import StatusEvaluasi
from kinerja_desktop.services import penugasan
from kinerja_desktop.services.evaluasi.syarat import DRAF, nama_pegawai, penilai_luar_untuk
from kinerja_desktop.services.periode import PeriodeRow, get_periode, periode_row


@dataclass(frozen=True)
class DinilaiRow:
    pegawai_id: int
    nip: str
    nama: str
    jabatan: str
    unit_kerja: str
    status: str  # BELUM / DRAF / FINAL
    rating_hasil_kerja: str | None
    rating_perilaku: str | None
    predikat: str | None
    evaluasi_id: int | None
    keberatan: str | None  # DIAJUKAN / DIPUTUS
    periode_id: int | None = None
    periode_nama: str = ""


def cari_periode(session: Session, tahun: int, kode: str) -> Periode:
    p = session.scalar(select(Periode).where(Periode.tahun == tahun, Periode.kode == kode.upper()))
    if p is None:
        ada = session.scalars(select(Periode.kode).where(Periode.tahun == tahun)).all()
        saran = f" Periode yang ada: {', '.join(ada)}." if ada else " Buat periode tahun itu dulu."
        raise NotFound(f"Periode {kode} tahun {tahun} tidak ada.{saran}")
    return p


def daftar_periode(session: Session, actor: Actor, tahun: int | None = None) -> list[PeriodeRow]:
    stmt = select(Periode).order_by(Periode.tahun.desc(), Periode.nomor)
    if tahun is not None:
        stmt = stmt.where(Periode.tahun == tahun)
    return [periode_row(p) for p in session.scalars(stmt)]


def daftar_tahun(session: Session, actor: Actor) -> list[int]:
    return list(
        session.scalars(select(Periode.tahun).distinct().order_by(Periode.tahun.desc())).all()
    )


def daftar_dinilai(session: Session, actor: Actor, periode_id: int) -> list[DinilaiRow]:
    """The pegawai the actor rates in the period (incl. as PLT/PLH), with their status; for
    the operator, those rated by a pejabat luar kantor (he enters their evaluations)."""
    periode = get_periode(session, periode_id)
    if actor.pegawai_id is None:
        return _dinilai_pejabat_luar(session, actor, periode)
    ids = list(penugasan.bawahan_dalam(session, actor.pegawai_id, periode.mulai, periode.selesai))
    return _dinilai_rows(session, ids, periode)


def _dinilai_pejabat_luar(session: Session, actor: Actor, periode: Periode) -> list[DinilaiRow]:
    if not actor.is_admin:
        return []
    kandidat: set[int] = set()
    for luar_id in session.scalars(select(Pegawai.id).where(Pegawai.luar.is_(True))):
        kandidat |= set(penugasan.bawahan_dalam(session, luar_id, periode.mulai, periode.selesai))
    ids = [pid for pid in sorted(kandidat) if penilai_luar_untuk(session, pid, periode) is not None]
    # an outside official rated by another (Sekda by Bupati) has no evaluation here
    luar = set(
        session.scalars(select(Pegawai.id).where(Pegawai.id.in_(ids), Pegawai.luar.is_(True)))
    )
    return _dinilai_rows(session, [i for i in ids if i not in luar], periode)


def _dinilai_rows(session: Session, ids: list[int], periode: Periode) -> list[DinilaiRow]:
    if not ids:
        return []
    kb = (
        select(Keberatan.evaluasi_id, func.max(Keberatan.status).label("status"))
        .group_by(Keberatan.evaluasi_id)
        .subquery()
    )
    rows = session.execute(
        select(Pegawai, UnitKerja.nama, Evaluasi, kb.c.status)
        .join(UnitKerja, UnitKerja.id == Pegawai.unit_kerja_id)
        .outerjoin(
            Evaluasi,
            and_(Evaluasi.pegawai_id == Pegawai.id, Evaluasi.periode_id == periode.id),
        )
        .outerjoin(kb, kb.c.evaluasi_id == Evaluasi.id)
        .where(Pegawai.id.in_(ids))
        .order_by(Pegawai.nama)
    ).all()
    return [
        DinilaiRow(
            p.id,
            p.nip,
            nama_pegawai(p),
            p.jabatan,
            unit_nama,
            ev.status if ev else StatusEvaluasi.BELUM,
            ev.rating_hasil_kerja if ev else None,
            ev.rating_perilaku if ev else None,
            ev.predikat if ev else None,
            ev.id if ev else None,
            kb_status,
            periode.id,
            periode.nama,
        )
        for p, unit_nama, ev, kb_status in rows
    ]


def daftar_evaluasi_saya(session: Session, actor: Actor, tahun: int) -> list[DinilaiRow]:
    """The actor's own evaluations in a year, one row per period."""
    if actor.pegawai_id is None:
        return []
    out = []
    for periode in session.scalars(
        select(Periode).where(Periode.tahun == tahun).order_by(Periode.nomor)
    ):
        out += _dinilai_rows(session, [actor.pegawai_id], periode)
    if actor.is_admin:
        return out
    return [
        r
        if r.status != DRAF
        else replace(r, rating_hasil_kerja=None, rating_perilaku=None, predikat=None)
        for r in out
    ]
