"""The Predikat Kinerja Organisasi of a unit and what follows from it: a unit head's rating
hasil kerja is the organisation's achievement (domain.md §5)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai, PredikatOrganisasi
from kinerja_desktop.domain.predikat import PredikatOrganisasi as PredikatOrg
from kinerja_desktop.domain.predikat import Rating

# [soft] For a unit head the organisation's achievement *is* his rating hasil kerja
# (domain.md §5). No regulation text maps the five organisation predikat onto the three
# ratings; we use: ISTIMEWA -> Di Atas, BAIK -> Sesuai, BUTUH PERBAIKAN / KURANG /
# SANGAT KURANG -> Di Bawah Ekspektasi.
RATING_KEPALA_UNIT: dict[PredikatOrg, Rating] = {
    PredikatOrg.ISTIMEWA: Rating.DI_ATAS,
    PredikatOrg.BAIK: Rating.SESUAI,
    PredikatOrg.BUTUH_PERBAIKAN: Rating.DI_BAWAH,
    PredikatOrg.KURANG: Rating.DI_BAWAH,
    PredikatOrg.SANGAT_KURANG: Rating.DI_BAWAH,
}


def baris_predikat_org(
    session: Session, unit_id: int, periode_id: int
) -> PredikatOrganisasi | None:
    return session.scalar(
        select(PredikatOrganisasi).where(
            PredikatOrganisasi.unit_kerja_id == unit_id,
            PredikatOrganisasi.periode_id == periode_id,
        )
    )


def rating_kepala_unit(session: Session, pegawai: Pegawai, periode_id: int) -> str | None:
    """For a unit head: the rating hasil kerja that follows the organisation's predikat."""
    row = baris_predikat_org(session, pegawai.unit_kerja_id, periode_id)
    return RATING_KEPALA_UNIT[PredikatOrg(row.predikat)].value if row else None


def kepala_unit(session: Session, unit_id: int) -> Pegawai | None:
    return session.scalar(
        select(Pegawai)
        .where(
            Pegawai.unit_kerja_id == unit_id, Pegawai.kepala_unit.is_(True), Pegawai.aktif.is_(True)
        )
        .order_by(Pegawai.id)
        .limit(1)
    )


def predikat_organisasi(session: Session, unit_id: int, periode_id: int) -> str | None:
    row = baris_predikat_org(session, unit_id, periode_id)
    return row.predikat if row else None
