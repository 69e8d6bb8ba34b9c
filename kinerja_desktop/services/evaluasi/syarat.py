"""Who may read or rate an evaluation, and the small lookups every part of the package needs:
the pegawai, the evaluation (with its optimistic-lock version), the current SKP, the identity
snapshot. The states and their transitions are in domain/status.py."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Evaluasi, Pegawai, Periode, Skp, UnitKerja
from kinerja_desktop.domain.errors import ConflictError, NotFound, PermissionDenied
from kinerja_desktop.domain.identitas import SnapshotIdentitas
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.status import TRANSISI_EVALUASI, StatusEvaluasi, periksa_transisi
from kinerja_desktop.services import identitas, penugasan
from kinerja_desktop.services.pejabat_luar import adalah_pejabat_luar
from kinerja_desktop.services.pengaturan import KUNCI_INSTANSI, baca_teks
from kinerja_desktop.services.skp.berlaku import skp_berlaku_periode

# the states, their labels, colours and transitions are in domain/status.py
DRAF, FINAL = StatusEvaluasi.DRAF, StatusEvaluasi.FINAL


def instansi(session: Session) -> str:
    teks = baca_teks(session, KUNCI_INSTANSI)
    if not teks:
        akar = session.scalar(
            select(UnitKerja.nama).where(UnitKerja.induk_id.is_(None)).order_by(UnitKerja.id)
        )
        teks = akar or ""
    return teks.upper()


def ambil_pegawai(session: Session, pegawai_id: int) -> Pegawai:
    p = session.get(Pegawai, pegawai_id)
    if p is None:
        raise NotFound("Pegawai tidak ditemukan.")
    return p


def nama_pegawai(p: Pegawai | None) -> str:
    return nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang) if p else ""


def ambil_evaluasi(session: Session, evaluasi_id: int, versi: int | None = None) -> Evaluasi:
    ev = session.get(Evaluasi, evaluasi_id)
    if ev is None:
        raise NotFound("Evaluasi tidak ditemukan.")
    if versi is not None and ev.versi != versi:
        raise ConflictError(
            "Evaluasi ini telah diubah oleh pengguna lain sejak Anda membukanya. "
            "Muat ulang lalu ulangi perubahan Anda."
        )
    return ev


def skp_untuk(session: Session, pegawai_id: int, periode: Periode) -> Skp | None:
    """The SKP revision the period is evaluated against: the one in force at its end (a
    pending revision never takes its place)."""
    return skp_berlaku_periode(session, pegawai_id, periode)


def skp_evaluasi(
    session: Session, pegawai_id: int, periode: Periode
) -> tuple[Skp | None, Evaluasi | None]:
    """The period's SKP and evaluation. An evaluation made stays with the revision it was made
    against (its printout does too); otherwise the revision in force."""
    skp = skp_untuk(session, pegawai_id, periode)
    ev = evaluasi_untuk(session, skp, pegawai_id, periode.id)
    if ev is not None and (skp is None or ev.skp_id != skp.id):
        skp = session.get(Skp, ev.skp_id) or skp
    return skp, ev


def penilai_luar_untuk(session: Session, pegawai_id: int, periode: Periode) -> int | None:
    """The pegawai's penilai at period end when he is a pejabat luar kantor (who cannot log
    in: the operator enters his signed evaluation for him), else None."""
    penilai = penugasan.penilai_pada(session, pegawai_id, periode.selesai)
    return penilai if adalah_pejabat_luar(session, penilai) else None


def adalah_penilai(session: Session, actor: Actor, pegawai_id: int, periode: Periode) -> bool:
    if actor.pegawai_id is None:
        return actor.is_admin and penilai_luar_untuk(session, pegawai_id, periode) is not None
    return penugasan.adalah_penilai_dalam(
        session, actor.pegawai_id, pegawai_id, periode.mulai, periode.selesai
    )


def atasan_penilai_untuk(session: Session, ev: Evaluasi, periode: Periode) -> int | None:
    """The atasan pejabat penilai: the penilai of the evaluation's penilai at period end."""
    return penugasan.penilai_pada(session, ev.penilai_id, periode.selesai)


def wajib_penilai(session: Session, actor: Actor, pegawai_id: int, periode: Periode) -> int:
    """The actor's pegawai id when he is the pegawai's penilai in the period; for the operator
    entering an outside penilai's evaluation, that official's id."""
    if actor.pegawai_id is None and actor.is_admin:
        luar = penilai_luar_untuk(session, pegawai_id, periode)
        if luar is not None:
            return luar
    if actor.pegawai_id is None or not adalah_penilai(session, actor, pegawai_id, periode):
        raise PermissionDenied(
            "Hanya pejabat penilai kinerja pegawai ini pada periode tersebut (termasuk PLT/PLH) "
            "yang dapat menilai. Administrator tidak dapat mengisi penilaian."
        )
    return actor.pegawai_id


def _boleh_baca(
    session: Session, actor: Actor, pegawai_id: int, periode: Periode, ev: Evaluasi | None
) -> bool:
    if actor.is_admin or actor.pegawai_id == pegawai_id:
        return True
    if actor.pegawai_id is None:
        return False
    if adalah_penilai(session, actor, pegawai_id, periode):
        return True
    if ev is not None and actor.pegawai_id in (
        ev.penilai_id,
        atasan_penilai_untuk(session, ev, periode),
    ):
        return True
    penilai = penugasan.penilai_periode(session, pegawai_id, periode.mulai, periode.selesai)
    return bool(
        penilai and penugasan.penilai_pada(session, penilai, periode.selesai) == actor.pegawai_id
    )


def wajib_baca(
    session: Session, actor: Actor, pegawai_id: int, periode: Periode, ev: Evaluasi | None
) -> None:
    if not _boleh_baca(session, actor, pegawai_id, periode, ev):
        raise PermissionDenied("Anda tidak berhak melihat evaluasi pegawai ini.")


def wajib_draf(ev: Evaluasi, aksi: str = "simpan") -> StatusEvaluasi:
    return periksa_transisi(TRANSISI_EVALUASI, aksi, ev.status)


def perbarui_snapshot(session: Session, ev: Evaluasi, periode: Periode) -> None:
    """Identity blocks as they are now; frozen once the evaluation is final."""
    atasan = atasan_penilai_untuk(session, ev, periode)
    ev.snapshot = identitas.ambil_snapshot(
        session,
        ev.pegawai_id,
        ev.penilai_id,
        atasan,
        instansi=instansi(session),
        masa=(periode.mulai, periode.selesai),
    )


def snapshot(ev: Evaluasi) -> SnapshotIdentitas:
    return identitas.baca_snapshot(ev.snapshot)


PESAN_DRAF_PEGAWAI = (
    "Evaluasi Anda masih draf: rating dan predikat dapat dilihat setelah pejabat penilai "
    "memfinalkannya."
)


def draf_tersembunyi(actor: Actor, pegawai_id: int, ev: Evaluasi | None, is_penilai: bool) -> bool:
    """The pegawai himself does not see a draft's ratings (only the penilai, the atasan and the
    administrator do) until it is final."""
    return bool(
        ev is not None
        and ev.status != FINAL
        and actor.pegawai_id == pegawai_id
        and not is_penilai
        and not actor.is_admin
    )


def evaluasi_untuk(
    session: Session, skp: Skp | None, pegawai_id: int, periode_id: int
) -> Evaluasi | None:
    stmt = select(Evaluasi).where(
        Evaluasi.pegawai_id == pegawai_id, Evaluasi.periode_id == periode_id
    )
    if skp is not None:
        stmt = stmt.order_by((Evaluasi.skp_id == skp.id).desc())
    return session.scalars(stmt.limit(1)).first()
