"""Who may do what with an SKP: the owner (or the operator on his behalf) edits and submits,
the pejabat penilai (or a PLT/PLH within the period) sets or returns it, anyone above the
pegawai in the penilai chain reads it. Checked here, whatever the UI shows."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Skp
from kinerja_desktop.domain.errors import PermissionDenied, StateError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.status import TRANSISI_SKP, boleh, periksa_transisi
from kinerja_desktop.services import penugasan
from kinerja_desktop.services.pejabat_luar import adalah_pejabat_luar
from kinerja_desktop.services.skp.baris import IzinSkp
from kinerja_desktop.services.skp.kosakata import DIAJUKAN, DITETAPKAN, DRAF
from kinerja_desktop.services.waktu import hari_ini


def pemilik_skp(actor: Actor, skp: Skp) -> bool:
    return actor.is_admin or (actor.pegawai_id is not None and actor.pegawai_id == skp.pegawai_id)


def adalah_penilai_skp(session: Session, actor: Actor, skp: Skp) -> bool:
    """The SKP's penilai, or whoever rates the pegawai (DEFINITIF, PLT or PLH) on a day of
    the SKP's span (after a move the new penilai does not decide the closed SKP); the
    operator when that penilai is a pejabat luar kantor (he sets the SKP on paper)."""
    pid = actor.pegawai_id
    if pid is None:
        return actor.is_admin and adalah_pejabat_luar(
            session, skp.penilai_id or penugasan.penilai_pada(session, skp.pegawai_id, skp.mulai)
        )
    if pid == skp.penilai_id:
        return True
    return penugasan.adalah_penilai_dalam(session, pid, skp.pegawai_id, skp.mulai, skp.selesai)


def wajib_pemilik(actor: Actor, skp: Skp) -> None:
    if not pemilik_skp(actor, skp):
        raise PermissionDenied(
            "Hanya pegawai pemilik SKP (atau operator kepegawaian atas namanya) yang dapat "
            "mengubah atau mengajukan SKP ini."
        )


def wajib_dapat_diubah(actor: Actor, skp: Skp) -> None:
    wajib_pemilik(actor, skp)
    if not skp.terkini:
        raise StateError(
            f"Ini revisi lama SKP ({'awal' if skp.revisi == 0 else f'revisi {skp.revisi}'}); "
            "revisi lama hanya dapat dibaca."
        )
    periksa_transisi(TRANSISI_SKP, "ubah", skp.status)


def wajib_penilai(session: Session, actor: Actor, skp: Skp, tindakan: str) -> None:
    if not adalah_penilai_skp(session, actor, skp):
        raise PermissionDenied(f"Hanya pejabat penilai kinerja SKP ini yang dapat {tindakan}.")


def boleh_lihat_pegawai(session: Session, actor: Actor, pegawai_id: int) -> bool:
    """Admin, the pegawai himself, or anyone above him in the penilai chain (now or in an
    SKP of his)."""
    if actor.is_admin or actor.pegawai_id == pegawai_id:
        return True
    if actor.pegawai_id is None:
        return False
    if actor.pegawai_id in penugasan.rantai_atasan(session, pegawai_id, hari_ini(session)):
        return True
    return (
        session.scalar(
            select(Skp.id).where(Skp.pegawai_id == pegawai_id, Skp.penilai_id == actor.pegawai_id)
        )
        is not None
    )


def wajib_lihat(session: Session, actor: Actor, pegawai_id: int) -> None:
    if not boleh_lihat_pegawai(session, actor, pegawai_id):
        raise PermissionDenied("Anda tidak berhak melihat SKP pegawai ini.")


def izin_skp(session: Session, actor: Actor, skp: Skp) -> IzinSkp:
    pemilik = pemilik_skp(actor, skp)
    penilai = adalah_penilai_skp(session, actor, skp)
    dapat_diubah = bool(skp.terkini) and boleh(TRANSISI_SKP, "ubah", skp.status)
    return IzinSkp(
        ubah=pemilik and dapat_diubah,
        ajukan=pemilik and dapat_diubah,
        tetapkan=penilai and bool(skp.terkini) and skp.status == DIAJUKAN,
        ekspektasi=penilai and bool(skp.terkini) and skp.status != DITETAPKAN,
        revisi=(pemilik or penilai) and bool(skp.terkini) and skp.status == DITETAPKAN,
        hapus=pemilik and bool(skp.terkini) and skp.status == DRAF,
        tarik=pemilik and bool(skp.terkini) and skp.status == DIAJUKAN,
    )
