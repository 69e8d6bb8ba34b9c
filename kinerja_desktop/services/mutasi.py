"""A move (mutasi) in the middle of the year, as one operator action (domain.md §3a).

The pegawai changes unit kerja and/or pejabat penilai from a date: the earlier SKP ends the day
before (every revision of it that runs past the date, so none stays in force twice), the new
atasan langsung is assigned from the date, an acting PLT/PLH of the old post ends with it, and a
new draft SKP opens on the date with the new penilai. A move is not a revision: the new SKP has
its own penilai and its own approval. Each period's evaluation then uses the SKP(s) in force in
it; the annual evaluation by the last penilai shows the earlier SKP's results.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai, Skp, UnitKerja
from kinerja_desktop.domain.errors import ConflictError, NotFound, StateError, ValidationError
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.tanggal import format_tanggal
from kinerja_desktop.services import organisasi, penugasan
from kinerja_desktop.services.akses import wajib_admin
from kinerja_desktop.services.skp.buat import buat_skp, catat_riwayat
from kinerja_desktop.services.skp.kosakata import KUANTITATIF

SATU_HARI = timedelta(days=1)


@dataclass(frozen=True)
class HasilMutasi:
    pegawai_id: int
    tanggal: date
    skp_ditutup: tuple[int, ...]  # ids of the SKP rows (revisions) that now end the day before
    skp_baru_id: int | None
    pesan: str


def _pegawai(session: Session, pegawai_id: int, versi: int | None) -> Pegawai:
    p = session.get(Pegawai, pegawai_id)
    if p is None:
        raise NotFound("Pegawai tidak ditemukan.")
    if versi is not None and p.versi != versi:
        raise ConflictError(
            "Data pegawai ini telah diubah oleh pengguna lain. Muat ulang lalu ulangi mutasi."
        )
    if not p.aktif:
        raise StateError(f"{_nama(p)} tidak aktif; mutasi tidak dapat dicatat.")
    return p


def _nama(p: Pegawai) -> str:
    return nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang)


def _unit(session: Session, unit_id: int) -> UnitKerja:
    unit = session.get(UnitKerja, unit_id)
    if unit is None or not unit.aktif:
        raise ValidationError("Pilih unit kerja tujuan yang aktif.", "Unit Kerja")
    return unit


def _skp_berjalan(session: Session, pegawai_id: int, tanggal: date) -> list[Skp]:
    """Every SKP row (all revisions) of the pegawai that runs on the move date."""
    return list(
        session.scalars(
            select(Skp)
            .where(Skp.pegawai_id == pegawai_id, Skp.mulai <= tanggal, Skp.selesai >= tanggal)
            .order_by(Skp.mulai, Skp.revisi)
        )
    )


def _tutup_skp(session: Session, actor: Actor, pegawai: Pegawai, tanggal: date) -> list[Skp]:
    berjalan = _skp_berjalan(session, pegawai.id, tanggal)
    for s in berjalan:
        if s.mulai >= tanggal:
            raise ValidationError(
                f"{_nama(pegawai)} sudah memiliki SKP yang mulai {format_tanggal(s.mulai)}. "
                "Tanggal mutasi harus sesudah tanggal mulai SKP yang berjalan.",
                "Tanggal",
            )
    for s in berjalan:
        semula = s.selesai
        s.selesai = tanggal - SATU_HARI
        catat_riwayat(
            session,
            actor,
            s,
            s.status,
            s.status,
            f"Mutasi: periode SKP diakhiri {format_tanggal(s.selesai)} (semula "
            f"{format_tanggal(semula)}); SKP baru mulai {format_tanggal(tanggal)}.",
        )
    return berjalan


def _akhiri_sementara(session: Session, pegawai_id: int, tanggal: date) -> None:
    """A PLT/PLH of the old post does not follow the pegawai to the new one."""
    for t in penugasan.sementara_terbuka(session, pegawai_id, tanggal):
        if t.mulai >= tanggal:
            session.delete(t)
        else:
            t.selesai = tanggal - SATU_HARI


def catat_mutasi(
    session: Session,
    actor: Actor,
    pegawai_id: int,
    tanggal: date,
    unit_id: int,
    penilai_id: int,
    *,
    jabatan: str | None = None,
    catatan: str | None = None,
    versi: int | None = None,
) -> HasilMutasi:
    """Record a move from ``tanggal``: one transaction (the caller's unit of work)."""
    wajib_admin(actor)
    pegawai = _pegawai(session, pegawai_id, versi)
    unit = _unit(session, unit_id)
    jabatan = " ".join((jabatan or "").split()) or None
    penilai_lama = penugasan.definitif_pada(session, pegawai_id, tanggal)
    if (
        unit.id == pegawai.unit_kerja_id
        and penilai_id == penilai_lama
        and jabatan in (None, pegawai.jabatan)
    ):
        raise ValidationError(
            "Unit kerja, jabatan, dan pejabat penilai sama dengan sebelumnya; tidak ada mutasi.",
            "Unit Kerja",
        )
    if tanggal.month == 1 and tanggal.day == 1:
        raise ValidationError(
            "Mutasi per 1 Januari tidak perlu dicatat di tengah tahun: ubah data pegawai dan "
            "tetapkan atasan langsungnya, lalu buat SKP tahun itu.",
            "Tanggal",
        )
    ditutup = _tutup_skp(session, actor, pegawai, tanggal)
    _akhiri_sementara(session, pegawai_id, tanggal)
    if penilai_id != penilai_lama:
        organisasi.tetapkan_penilai(
            session,
            actor,
            pegawai_id,
            penilai_id,
            tanggal,
            keterangan=catatan or f"Mutasi ke {unit.nama}",
        )
    pegawai.unit_kerja_id = unit.id
    if jabatan:
        pegawai.jabatan = jabatan
    session.flush()
    terkini = [s for s in ditutup if s.terkini]
    pendekatan = terkini[-1].pendekatan if terkini else KUANTITATIF
    baru = buat_skp(
        session,
        actor,
        pegawai_id,
        tanggal.year,
        pendekatan,
        tanggal,
        date(tanggal.year, 12, 31),
    )
    pesan = (
        f"Mutasi {_nama(pegawai)} ke {unit.nama} per {format_tanggal(tanggal)} dicatat. "
        + (
            f"SKP sebelumnya berakhir {format_tanggal(tanggal - SATU_HARI)}; "
            if ditutup
            else "Belum ada SKP yang berjalan pada tanggal itu; "
        )
        + "SKP baru (draf) dibuka dengan pejabat penilai yang baru."
    )
    return HasilMutasi(pegawai_id, tanggal, tuple(s.id for s in ditutup), baru.id, pesan)


__all__ = ["HasilMutasi", "catat_mutasi"]
