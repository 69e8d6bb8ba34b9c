"""The rates questions: the penilai in force over dates, for pegawai on SKP duty."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai, PenugasanPenilai
from kinerja_desktop.domain.penugasan import (
    DEFINITIF,
    JENIS_SEMENTARA,
    Masa,
    Tugas,
    garis_waktu,
    hari_keluar,
    milik,
    potong,
    yang_berlaku,
)
from kinerja_desktop.services.penugasan.baris import overlap
from kinerja_desktop.services.penugasan.baris import potongan as _potongan


def _tugas(r: PenugasanPenilai) -> Tugas:
    return Tugas(r.id, r.pegawai_id, r.penilai_id, r.jenis, r.mulai, r.selesai)


def _tugas_pegawai(
    session: Session, pegawai_ids: Iterable[int], mulai: date, selesai: date
) -> dict[int, list[Tugas]]:
    """pegawai -> his assignments overlapping the span (one query per 500 pegawai)."""
    ids = sorted(set(pegawai_ids))
    out: dict[int, list[Tugas]] = {i: [] for i in ids}
    for bagian in _potongan(ids):
        for r in session.scalars(
            select(PenugasanPenilai).where(
                PenugasanPenilai.pegawai_id.in_(bagian), *overlap(mulai, selesai)
            )
        ):
            out[r.pegawai_id].append(_tugas(r))
    return out


def _hari_keluar(
    session: Session, pegawai_ids: Iterable[int], hari_ini: date | None
) -> dict[int, date | None]:
    """pegawai -> the first day he is out of SKP duties (None while on duty)."""
    ids = sorted(set(pegawai_ids))
    out: dict[int, date | None] = {}
    hari = hari_ini
    for bagian in _potongan(ids):
        for pid, aktif, tgl, bebas in session.execute(
            select(Pegawai.id, Pegawai.aktif, Pegawai.tanggal_nonaktif, Pegawai.bebas_tugas).where(
                Pegawai.id.in_(bagian)
            )
        ):
            if bebas and hari is None:
                from kinerja_desktop.services.waktu import hari_ini as hari_ini_kantor

                hari = hari_ini_kantor(session)
            out[pid] = hari_keluar(bool(aktif), tgl, bool(bebas), hari or date.max)
    return out


# --- rates: the penilai in force, for pegawai on duty ----------------------------------------


def penilai_dalam(
    session: Session,
    pegawai_id: int,
    mulai: date,
    selesai: date,
    *,
    hari_ini: date | None = None,
) -> list[Masa]:
    """Who rates the pegawai over the span, stretch by stretch (several when a PLT/PLH acts or
    he moves); days he is out of SKP duties are left out."""
    tugas = _tugas_pegawai(session, [pegawai_id], mulai, selesai)[pegawai_id]
    keluar = _hari_keluar(session, [pegawai_id], hari_ini).get(pegawai_id)
    return potong(garis_waktu(tugas, mulai, selesai), keluar)


def penilai_periode(
    session: Session,
    pegawai_id: int,
    mulai: date,
    selesai: date,
    *,
    hari_ini: date | None = None,
) -> int | None:
    """The penilai of a period: the one in force on its last rated day (he evaluates at the
    period's end; a PLT acting then prints as "Plt.")."""
    masa = penilai_dalam(session, pegawai_id, mulai, selesai, hari_ini=hari_ini)
    return masa[-1].penilai_id if masa else None


def penugasan_pada(session: Session, pegawai_id: int, tanggal: date) -> Tugas | None:
    """The assignment in force on a day (acting PLT/PLH over the definitive atasan)."""
    return yang_berlaku(
        _tugas_pegawai(session, [pegawai_id], tanggal, tanggal)[pegawai_id], tanggal
    )


def penilai_pada(session: Session, pegawai_id: int, tanggal: date) -> int | None:
    """The pegawai's penilai on a day, whatever his duty status (the chain upward, the SKP to
    open for him, the snapshot of a form)."""
    t = penugasan_pada(session, pegawai_id, tanggal)
    return t.penilai_id if t else None


def atasan_penilai_pada(session: Session, pegawai_id: int, tanggal: date) -> int | None:
    penilai = penilai_pada(session, pegawai_id, tanggal)
    return penilai_pada(session, penilai, tanggal) if penilai else None


def rantai_atasan(session: Session, pegawai_id: int, tanggal: date) -> list[int]:
    """The penilai, his penilai (the atasan pejabat penilai), … upward on a day."""
    out: list[int] = []
    cursor = penilai_pada(session, pegawai_id, tanggal)
    while cursor is not None and cursor not in out and cursor != pegawai_id:
        out.append(cursor)
        cursor = penilai_pada(session, cursor, tanggal)
    return out


def bawahan_dalam(
    session: Session,
    penilai_id: int,
    mulai: date,
    selesai: date,
    *,
    hari_ini: date | None = None,
) -> dict[int, list[Masa]]:
    """Whom the penilai rates over the span: pegawai -> the stretches he is in force for him
    (DEFINITIF, PLT or PLH), on-duty days only. Pegawai with no such day are left out."""
    calon = session.scalars(
        select(PenugasanPenilai.pegawai_id)
        .where(PenugasanPenilai.penilai_id == penilai_id, *overlap(mulai, selesai))
        .distinct()
    ).all()
    if not calon:
        return {}
    tugas = _tugas_pegawai(session, calon, mulai, selesai)
    keluar = _hari_keluar(session, calon, hari_ini)
    out: dict[int, list[Masa]] = {}
    for pid in sorted(calon):
        masa = milik(potong(garis_waktu(tugas[pid], mulai, selesai), keluar.get(pid)), penilai_id)
        if masa:
            out[pid] = masa
    return out


def bawahan_pada(
    session: Session, penilai_id: int, tanggal: date, *, hari_ini: date | None = None
) -> list[int]:
    """Whom the penilai rates on a day."""
    return list(bawahan_dalam(session, penilai_id, tanggal, tanggal, hari_ini=hari_ini))


def bawahan_tahun(
    session: Session, penilai_id: int, tahun: int, *, hari_ini: date | None = None
) -> dict[int, list[Masa]]:
    """Whom the penilai rates on at least one day of the year (the SKP Bawahan tab, the Papan,
    the Pegawai choice of Pemantauan: the same answer)."""
    return bawahan_dalam(
        session, penilai_id, date(tahun, 1, 1), date(tahun, 12, 31), hari_ini=hari_ini
    )


def adalah_penilai_dalam(
    session: Session,
    penilai_id: int,
    pegawai_id: int,
    mulai: date,
    selesai: date,
    *,
    hari_ini: date | None = None,
) -> bool:
    """True if ``penilai_id`` rates ``pegawai_id`` on at least one day of the span."""
    return bool(
        milik(penilai_dalam(session, pegawai_id, mulai, selesai, hari_ini=hari_ini), penilai_id)
    )


def sementara_dalam(
    session: Session, pegawai_id: int, penilai_id: int, mulai: date, selesai: date
) -> Masa | None:
    """The last stretch of the span in which ``penilai_id`` rates the pegawai as PLT/PLH."""
    tugas = _tugas_pegawai(session, [pegawai_id], mulai, selesai)[pegawai_id]
    acting = [
        m
        for m in milik(garis_waktu(tugas, mulai, selesai), penilai_id)
        if m.jenis in JENIS_SEMENTARA
    ]
    return acting[-1] if acting else None


def definitif_pada(session: Session, pegawai_id: int, tanggal: date) -> int | None:
    """The definitive atasan on a day: the one whose jabatan an acting official holds."""
    tugas = [
        t
        for t in _tugas_pegawai(session, [pegawai_id], tanggal, tanggal)[pegawai_id]
        if t.jenis == DEFINITIF
    ]
    t = yang_berlaku(tugas, tanggal)
    return t.penilai_id if t else None
