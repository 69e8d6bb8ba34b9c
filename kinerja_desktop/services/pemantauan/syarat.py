"""What every monitoring write checks: the pegawai writes his own data, the period belongs to
his SKP, and a period whose evaluation is FINAL is locked.

The realisasi statuses are aliased here because every module of the package compares them.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Evaluasi, Periode, Skp
from kinerja_desktop.domain.errors import PermissionDenied, StateError, ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.status import StatusEvaluasi, StatusRealisasi
from kinerja_desktop.services.akses import wajib_diri_sendiri_atau_admin
from kinerja_desktop.services.waktu import hari_ini as hari_ini_kantor

# the states, their labels, colours and transitions are in domain/status.py
BELUM = StatusRealisasi.BELUM  # an IKI without realisasi
DRAF, DIAJUKAN, DINILAI = StatusRealisasi.DRAF, StatusRealisasi.DIAJUKAN, StatusRealisasi.DINILAI
TANPA_SKP, BELUM_MULAI = StatusRealisasi.TANPA_SKP, StatusRealisasi.BELUM_MULAI


def hari_acuan(session: Session, hari_ini: date | None) -> date:
    """The day that counts: the office's today, or the one a test or the demo passes in."""
    return hari_ini or hari_ini_kantor(session)


def cek_boleh_ubah(actor: Actor, pegawai_id: int) -> None:
    try:
        wajib_diri_sendiri_atau_admin(actor, pegawai_id)
    except PermissionDenied:
        raise PermissionDenied(
            "Realisasi, rencana aksi, dan progres harian hanya diisi oleh pegawai yang "
            "bersangkutan (atau operator atas namanya). Pejabat penilai dapat membaca dan "
            "memberi umpan balik."
        ) from None


def evaluasi_final(session: Session, skp_id: int, periode_id: int) -> bool:
    return bool(
        session.scalar(
            select(
                exists().where(
                    Evaluasi.skp_id == skp_id,
                    Evaluasi.periode_id == periode_id,
                    Evaluasi.status == StatusEvaluasi.FINAL,
                )
            )
        )
    )


def cek_tidak_final(session: Session, skp_id: int, periode: Periode) -> None:
    if evaluasi_final(session, skp_id, periode.id):
        raise StateError(
            f"Evaluasi {periode.nama} {periode.tahun} sudah final; data periode itu tidak dapat "
            "diubah lagi. Bila ada kekeliruan, minta pejabat penilai membuka kembali evaluasinya."
        )


def cek_periode_skp(periode: Periode, skp: Skp) -> None:
    if periode.tahun != skp.tahun:
        raise ValidationError(
            f"Periode {periode.nama} {periode.tahun} bukan periode SKP tahun {skp.tahun}.",
            "Periode",
        )
