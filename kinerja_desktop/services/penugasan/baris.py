"""The assignment rows themselves: *has rated* (read rights), the assignment screen's
history, the roster import and export. No other service is imported here, so
services/akses.py can ask."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import PenugasanPenilai
from kinerja_desktop.domain.penugasan import DEFINITIF

BATAS_IN = 500  # ids per IN (...) clause: SQLite's parameter limit stays far away


def potongan(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(ids), BATAS_IN):
        yield ids[i : i + BATAS_IN]


def overlap(mulai: date, selesai: date):
    """SQL condition: the assignment runs on at least one day of ``mulai``..``selesai``."""
    return (
        PenugasanPenilai.mulai <= selesai,
        or_(PenugasanPenilai.selesai.is_(None), PenugasanPenilai.selesai >= mulai),
    )


# --- has rated: any assignment, any time (read rights) ---------------------------------------


def kondisi_pernah_dinilai(penilai_id: int) -> Select:
    """Subquery of the pegawai ids ``penilai_id`` is (or was) penilai of, in any kind."""
    return select(PenugasanPenilai.pegawai_id).where(PenugasanPenilai.penilai_id == penilai_id)


def pernah_menilai(session: Session, penilai_id: int, pegawai_id: int) -> bool:
    return bool(
        session.scalar(
            select(
                exists().where(
                    PenugasanPenilai.pegawai_id == pegawai_id,
                    PenugasanPenilai.penilai_id == penilai_id,
                )
            )
        )
    )


def pernah_dinilai_oleh(session: Session, penilai_id: int) -> set[int]:
    return set(session.scalars(kondisi_pernah_dinilai(penilai_id)))


# --- the rows themselves (the assignment screen, the roster import and export) ----------------


def riwayat(session: Session, pegawai_id: int) -> list[PenugasanPenilai]:
    """Every assignment of the pegawai, newest first."""
    return list(
        session.scalars(
            select(PenugasanPenilai)
            .where(PenugasanPenilai.pegawai_id == pegawai_id)
            .order_by(PenugasanPenilai.mulai.desc(), PenugasanPenilai.id.desc())
        )
    )


def definitif_terbuka(session: Session, pegawai_id: int, sejak: date) -> list[PenugasanPenilai]:
    """The definitive assignments still running on or after ``sejak`` (to be closed)."""
    return list(
        session.scalars(
            select(PenugasanPenilai).where(
                PenugasanPenilai.pegawai_id == pegawai_id,
                PenugasanPenilai.jenis == DEFINITIF,
                or_(PenugasanPenilai.selesai.is_(None), PenugasanPenilai.selesai >= sejak),
            )
        )
    )


def atasan_definitif_semua(session: Session, tanggal: date) -> dict[int, int]:
    """pegawai -> his definitive atasan on the day (the roster export)."""
    out: dict[int, int] = {}
    for pid, penilai in session.execute(
        select(PenugasanPenilai.pegawai_id, PenugasanPenilai.penilai_id)
        .where(PenugasanPenilai.jenis == DEFINITIF, *overlap(tanggal, tanggal))
        .order_by(PenugasanPenilai.mulai, PenugasanPenilai.id)
    ):
        out[pid] = penilai
    return out


def definitif_per_pegawai(
    session: Session, pegawai_ids: Sequence[int]
) -> dict[int, list[tuple[int, int, date, date | None]]]:
    """pegawai -> [(assignment id, penilai_id, mulai, selesai)] of DEFINITIF assignments."""
    out: dict[int, list[tuple[int, int, date, date | None]]] = {}
    for bagian in potongan(list(pegawai_ids)):
        stmt = select(
            PenugasanPenilai.id,
            PenugasanPenilai.pegawai_id,
            PenugasanPenilai.penilai_id,
            PenugasanPenilai.mulai,
            PenugasanPenilai.selesai,
        ).where(PenugasanPenilai.jenis == DEFINITIF, PenugasanPenilai.pegawai_id.in_(bagian))
        for aid, pid, penilai, mulai, selesai in session.execute(stmt):
            out.setdefault(pid, []).append((aid, penilai, mulai, selesai))
    return out


def ambil_penugasan(session: Session, penugasan_id: int) -> PenugasanPenilai | None:
    return session.get(PenugasanPenilai, penugasan_id)


def sementara_terbuka(session: Session, pegawai_id: int, sejak: date) -> list[PenugasanPenilai]:
    """The PLT/PLH assignments of the pegawai still running on or after ``sejak``."""
    return list(
        session.scalars(
            select(PenugasanPenilai).where(
                PenugasanPenilai.pegawai_id == pegawai_id,
                PenugasanPenilai.jenis != DEFINITIF,
                PenugasanPenilai.selesai >= sejak,
            )
        )
    )
