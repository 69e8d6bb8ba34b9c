"""Permission checks shared by every service. The UI only hides; these refuse."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Skp
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.services.penugasan.baris import pernah_menilai


def wajib_admin(actor: Actor) -> None:
    if not actor.punya(Peran.ADMIN):
        raise PermissionDenied(
            "Hanya administrator (operator kepegawaian) yang dapat melakukan ini."
        )


def wajib_diri_sendiri_atau_admin(actor: Actor, pegawai_id: int) -> None:
    if actor.is_admin or (actor.pegawai_id is not None and actor.pegawai_id == pegawai_id):
        return
    raise PermissionDenied("Anda hanya dapat mengubah data Anda sendiri.")


# --- helpers for the rating, monitoring and evaluation services ------------------------------
# Who rates whom on a date is penugasan's; this module imports no other service, so
# organisasi can use wajib_admin.


def wajib_bukan_admin_saja(actor: Actor) -> None:
    """The administrator manages the office but does not rate anyone."""
    if not (actor.peran - {Peran.ADMIN}):
        raise PermissionDenied(
            "Administrator (operator kepegawaian) tidak dapat menilai atau mengisi kinerja. "
            "Masuk dengan akun Pejabat Penilai atau Pegawai."
        )


def wajib_pegawai_sendiri(actor: Actor, pegawai_id: int) -> None:
    """The pegawai edits his own data (SKP draft, realisasi, progres), nobody else."""
    if actor.pegawai_id is None or actor.pegawai_id != pegawai_id:
        raise PermissionDenied("Anda hanya dapat mengisi atau mengubah data Anda sendiri.")


def wajib_baca_pemantauan(session: Session, actor: Actor, pegawai_id: int) -> None:
    """Who reads a pegawai's monitoring data (realisasi, rencana aksi, progres, umpan balik,
    bukti dukung): himself, the operator, or someone who is (or was) his pejabat penilai."""
    if actor.is_admin or (actor.pegawai_id is not None and actor.pegawai_id == pegawai_id):
        return
    # "has rated" (any assignment, any time), so history stays readable after a move
    if actor.pegawai_id is not None and (
        session.scalar(
            select(exists().where(Skp.pegawai_id == pegawai_id, Skp.penilai_id == actor.pegawai_id))
        )
        or pernah_menilai(session, actor.pegawai_id, pegawai_id)
    ):
        return
    raise PermissionDenied(
        "Anda hanya dapat melihat data pemantauan Anda sendiri atau pegawai yang Anda nilai."
    )
