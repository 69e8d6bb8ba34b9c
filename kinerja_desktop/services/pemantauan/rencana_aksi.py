"""Rencana aksi: the steps a pegawai plans for an RHK in one period."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import ProgresHarian, RencanaAksi, RencanaHasilKerja, Skp
from kinerja_desktop.domain.errors import ConflictError, NotFound, ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services.akses import wajib_baca_pemantauan
from kinerja_desktop.services.muat import ambil
from kinerja_desktop.services.pemantauan.syarat import (
    cek_boleh_ubah,
    cek_periode_skp,
    cek_tidak_final,
)
from kinerja_desktop.services.periode import get_periode
from kinerja_desktop.services.skp.berlaku import leluhur_rhk


@dataclass(frozen=True)
class RencanaAksiRow:
    id: int
    rhk_id: int
    periode_id: int
    urutan: int
    uraian: str
    versi: int


def rencana_aksi_skp(session: Session, skp_id: int, periode_id: int | None) -> list[RencanaAksiRow]:
    """The SKP's rencana aksi (of one period, or all), without the read check."""
    # RHK ids first: lets SQLite use the rhk_id index instead of scanning a whole period
    rhk_ids = list(
        session.scalars(select(RencanaHasilKerja.id).where(RencanaHasilKerja.skp_id == skp_id))
    )
    if not rhk_ids:
        return []
    # a continuing RHK shows the steps planned for it under earlier revisions, as its own
    ke_baru = {a: r for r, urut in leluhur_rhk(session, rhk_ids).items() for a in urut}
    q = (
        select(RencanaAksi)
        .where(RencanaAksi.rhk_id.in_(list(ke_baru)))
        .order_by(RencanaAksi.periode_id, RencanaAksi.rhk_id, RencanaAksi.urutan, RencanaAksi.id)
    )
    if periode_id is not None:
        q = q.where(RencanaAksi.periode_id + 0 == periode_id)
    return [
        RencanaAksiRow(r.id, ke_baru[r.rhk_id], r.periode_id, r.urutan, r.uraian, r.versi)
        for r in session.scalars(q)
    ]


def daftar_rencana_aksi(
    session: Session, actor: Actor, skp_id: int, periode_id: int | None = None
) -> list[RencanaAksiRow]:
    skp = ambil(session, Skp, skp_id, "SKP tidak ditemukan.")
    wajib_baca_pemantauan(session, actor, skp.pegawai_id)
    return rencana_aksi_skp(session, skp_id, periode_id)


def simpan_rencana_aksi(
    session: Session,
    actor: Actor,
    rhk_id: int,
    periode_id: int,
    uraian: str,
    rencana_aksi_id: int | None = None,
    *,
    versi: int | None = None,
) -> RencanaAksiRow:
    rhk = ambil(session, RencanaHasilKerja, rhk_id, "Rencana hasil kerja tidak ditemukan.")
    skp = ambil(session, Skp, rhk.skp_id)
    periode = get_periode(session, periode_id)
    cek_boleh_ubah(actor, skp.pegawai_id)
    cek_periode_skp(periode, skp)
    cek_tidak_final(session, skp.id, periode)
    teks = " ".join((uraian or "").split())
    if not teks:
        raise ValidationError("Uraian rencana aksi wajib diisi.", "Rencana Aksi")
    if len(teks) > 2000:
        raise ValidationError(
            "Uraian rencana aksi terlalu panjang (maks. 2.000 huruf).", "Rencana Aksi"
        )
    if rencana_aksi_id is None:
        urutan = session.scalar(
            select(func.coalesce(func.max(RencanaAksi.urutan), 0)).where(
                RencanaAksi.rhk_id == rhk_id, RencanaAksi.periode_id == periode_id
            )
        )
        ra = RencanaAksi(
            rhk_id=rhk_id, periode_id=periode_id, urutan=int(urutan or 0) + 1, uraian=teks
        )
        session.add(ra)
    else:
        lama = session.get(RencanaAksi, rencana_aksi_id)
        if lama is None or lama.rhk_id != rhk_id:
            raise NotFound("Rencana aksi tidak ditemukan; mungkin sudah dihapus. Muat ulang.")
        ra = lama
        if versi is not None and ra.versi != versi:
            raise ConflictError("Rencana aksi ini telah diubah di tempat lain. Muat ulang.")
        ra.uraian = teks
        ra.periode_id = periode_id
    session.flush()
    return RencanaAksiRow(ra.id, ra.rhk_id, ra.periode_id, ra.urutan, ra.uraian, ra.versi)


def hapus_rencana_aksi(session: Session, actor: Actor, rencana_aksi_id: int) -> None:
    ra = ambil(session, RencanaAksi, rencana_aksi_id, "Rencana aksi tidak ditemukan.")
    rhk = ambil(session, RencanaHasilKerja, ra.rhk_id)
    skp = ambil(session, Skp, rhk.skp_id)
    cek_boleh_ubah(actor, skp.pegawai_id)
    cek_tidak_final(session, skp.id, get_periode(session, ra.periode_id))
    for p in session.scalars(select(ProgresHarian).where(ProgresHarian.rencana_aksi_id == ra.id)):
        p.rencana_aksi_id = None
        p.rhk_id = p.rhk_id or ra.rhk_id
    session.delete(ra)
    session.flush()
