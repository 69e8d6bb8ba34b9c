"""The bulk look-ups the preview and the apply make: a few IN (...) queries of bounded size
instead of one query per row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.exchange.pegawai.kolom import BANDINGKAN
from kinerja_desktop.services import penugasan

_POTONG = 500  # ids per IN (...) query


def potong(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), _POTONG):
        yield items[i : i + _POTONG]


def pegawai_ada(session: Session, nips: list[str]) -> dict[str, dict[str, Any]]:
    kolom = (
        Pegawai.id,
        Pegawai.nip,
        Pegawai.unit_kerja_id,
        Pegawai.pns_id,
        Pegawai.aktif,
        Pegawai.alasan_nonaktif,
        Pegawai.kedudukan_hukum,
        Pegawai.perlu_dilengkapi,
        Pegawai.bebas_tugas,
        *(getattr(Pegawai, k) for k in BANDINGKAN),
    )
    out: dict[str, dict[str, Any]] = {}
    for bagian in potong(nips):
        for r in session.execute(select(*kolom).where(Pegawai.nip.in_(bagian))).mappings():
            out[r["nip"]] = dict(r)
    return out


def penugasan_definitif(
    session: Session, pegawai_ids: list[int]
) -> dict[int, list[tuple[int, int, date, date | None]]]:
    """pegawai_id -> [(assignment id, penilai_id, mulai, selesai)] of DEFINITIF assignments."""
    return penugasan.definitif_per_pegawai(session, pegawai_ids)


def nip_nama_per_id(session: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    out: dict[int, tuple[str, str]] = {}
    for bagian in potong(ids):
        stmt = select(
            Pegawai.id, Pegawai.nip, Pegawai.gelar_depan, Pegawai.nama, Pegawai.gelar_belakang
        ).where(Pegawai.id.in_(bagian))
        for pid, nip, gd, nm, gb in session.execute(stmt):
            out[pid] = (nip, nama_lengkap(gd, nm, gb))
    return out


def id_per_nip(session: Session, nips: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for bagian in potong(nips):
        for pid, nip in session.execute(
            select(Pegawai.id, Pegawai.nip).where(Pegawai.nip.in_(bagian))
        ):
            out[nip] = pid
    return out


def jenis_jabatan_per_nip(session: Session, nips: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for bagian in potong(nips):
        for nip, jenis in session.execute(
            select(Pegawai.nip, Pegawai.jenis_jabatan).where(Pegawai.nip.in_(bagian))
        ):
            out[nip] = jenis
    return out
