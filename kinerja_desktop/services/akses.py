"""Permission checks shared by every service. The UI only hides; these refuse."""

from __future__ import annotations

from datetime import date

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import PenugasanPenilai, Skp
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.domain.peran import Actor, Peran


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
# (organisasi is imported inside the functions: organisasi itself imports this module.)


def wajib_bukan_admin_saja(actor: Actor) -> None:
    """The administrator manages the office but does not rate anyone."""
    if not (actor.peran - {Peran.ADMIN}):
        raise PermissionDenied(
            "Administrator (operator kepegawaian) tidak dapat menilai atau mengisi kinerja. "
            "Masuk dengan akun Pejabat Penilai atau Pegawai."
        )


def adalah_penilai_dari(
    session: Session, actor: Actor, pegawai_id: int, mulai: date, selesai: date | None = None
) -> bool:
    """True if the actor (as PENILAI, incl. PLT/PLH) rates the pegawai on a day of the range."""
    from kinerja_desktop.services.organisasi import adalah_penilai_dalam

    if not actor.punya(Peran.PENILAI) or actor.pegawai_id is None:
        return False
    return adalah_penilai_dalam(session, actor.pegawai_id, pegawai_id, mulai, selesai or mulai)


def wajib_penilai_dari(
    session: Session, actor: Actor, pegawai_id: int, mulai: date, selesai: date | None = None
) -> None:
    """Only the pejabat penilai of the pegawai in that period (PLT/PLH included) may rate."""
    if not adalah_penilai_dari(session, actor, pegawai_id, mulai, selesai):
        raise PermissionDenied(
            "Anda bukan pejabat penilai pegawai ini pada periode tersebut, sehingga tidak dapat "
            "menilai atau menyetujui datanya."
        )


def adalah_atasan_penilai_dari(
    session: Session, actor: Actor, pegawai_id: int, tanggal: date
) -> bool:
    from kinerja_desktop.services.organisasi import atasan_penilai_pada

    if actor.pegawai_id is None:
        return False
    return atasan_penilai_pada(session, pegawai_id, tanggal) == actor.pegawai_id


def wajib_atasan_penilai_dari(
    session: Session, actor: Actor, pegawai_id: int, tanggal: date
) -> None:
    """Keberatan is decided by the atasan pejabat penilai (PP 30/2019 Pasal 59)."""
    if not adalah_atasan_penilai_dari(session, actor, pegawai_id, tanggal):
        raise PermissionDenied(
            "Keberatan hanya dapat diputuskan oleh atasan pejabat penilai pegawai ini."
        )


def wajib_pegawai_sendiri(actor: Actor, pegawai_id: int) -> None:
    """The pegawai edits his own data (SKP draft, realisasi, progres), nobody else."""
    if actor.pegawai_id is None or actor.pegawai_id != pegawai_id:
        raise PermissionDenied("Anda hanya dapat mengisi atau mengubah data Anda sendiri.")


def boleh_lihat_pegawai(
    session: Session,
    actor: Actor,
    pegawai_id: int,
    tanggal: date | None = None,
    selesai: date | None = None,
) -> bool:
    """Self, the administrator, the penilai (PLT/PLH too) and the atasan penilai may see."""
    if actor.is_admin or (actor.pegawai_id is not None and actor.pegawai_id == pegawai_id):
        return True
    if actor.pegawai_id is None:
        return False
    hari = tanggal or date.today()
    if adalah_penilai_dari(session, actor, pegawai_id, hari, selesai or hari):
        return True
    return adalah_atasan_penilai_dari(session, actor, pegawai_id, hari)


def wajib_lihat_pegawai(
    session: Session,
    actor: Actor,
    pegawai_id: int,
    tanggal: date | None = None,
    selesai: date | None = None,
) -> None:
    if not boleh_lihat_pegawai(session, actor, pegawai_id, tanggal, selesai):
        raise PermissionDenied("Anda tidak berhak melihat data kinerja pegawai ini.")


def wajib_baca_pemantauan(session: Session, actor: Actor, pegawai_id: int) -> None:
    """Who reads a pegawai's monitoring data (realisasi, rencana aksi, progres, umpan balik,
    bukti dukung): himself, the operator, or someone who is (or was) his pejabat penilai."""
    if actor.is_admin or (actor.pegawai_id is not None and actor.pegawai_id == pegawai_id):
        return
    if actor.pegawai_id is not None and session.scalar(
        select(
            or_(
                exists().where(Skp.pegawai_id == pegawai_id, Skp.penilai_id == actor.pegawai_id),
                exists().where(
                    PenugasanPenilai.pegawai_id == pegawai_id,
                    PenugasanPenilai.penilai_id == actor.pegawai_id,
                ),
            )
        )
    ):
        return
    raise PermissionDenied(
        "Anda hanya dapat melihat data pemantauan Anda sendiri atau pegawai yang Anda nilai."
    )
