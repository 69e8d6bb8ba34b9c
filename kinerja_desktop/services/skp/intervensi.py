"""Cascading: the RHK pimpinan (of the penilai's ditetapkan SKP) that an RHK may intervene."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kinerja_desktop.db.models import Pegawai, RencanaHasilKerja, Skp
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.identitas import KOSONG
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services.skp.baris import (
    KandidatRhk,
    PilihanIntervensi,
    ambil_skp,
    baca_snapshot,
    nama_pegawai,
    rhk_rows,
)
from kinerja_desktop.services.skp.izin import wajib_lihat
from kinerja_desktop.services.skp.kosakata import DITETAPKAN, JPT, PESAN_TANPA_SKP_PIMPINAN, UTAMA


def _skp_pimpinan_berlaku(session: Session, skp: Skp) -> list[Skp]:
    """The penilai's ditetapkan SKP (latest ditetapkan revision) overlapping this period."""
    if skp.penilai_id is None:
        return []
    calon = list(
        session.scalars(
            select(Skp)
            .where(
                Skp.pegawai_id == skp.penilai_id,
                Skp.status == DITETAPKAN,
                Skp.mulai <= skp.selesai,
                Skp.selesai >= skp.mulai,
            )
            .options(
                selectinload(Skp.rhk).selectinload(RencanaHasilKerja.indikator),
                selectinload(Skp.rhk).joinedload(RencanaHasilKerja.rhk_intervensi),
            )
            .order_by(Skp.mulai, Skp.revisi)
        )
    )
    ids = {s.id for s in calon}
    # a ditetapkan revision superseded by a newer ditetapkan one no longer counts
    digantikan = {s.revisi_dari_id for s in calon if s.revisi_dari_id in ids}
    return [s for s in calon if s.id not in digantikan]


def pilihan_intervensi(session: Session, actor: Actor, skp_id: int) -> PilihanIntervensi:
    """RHK pimpinan that an RHK of this SKP may intervene, or the message why there are none."""
    skp = ambil_skp(session, skp_id)
    wajib_lihat(session, actor, skp.pegawai_id)
    return _pilihan_intervensi(session, skp)


def _pilihan_intervensi(session: Session, skp: Skp) -> PilihanIntervensi:
    if skp.varian == JPT:
        return PilihanIntervensi(
            (), "SKP Pejabat Pimpinan Tinggi tidak memuat RHK pimpinan yang diintervensi."
        )
    if skp.penilai_id is None:
        return PilihanIntervensi((), "SKP ini belum memiliki pejabat penilai.")
    daftar = _skp_pimpinan_berlaku(session, skp)
    if not daftar:
        nama = (baca_snapshot(skp).penilai or KOSONG).nama or nama_pegawai(
            session.get(Pegawai, skp.penilai_id)
        )
        return PilihanIntervensi((), PESAN_TANPA_SKP_PIMPINAN.format(nama=nama))
    kandidat = []
    for atas in daftar:
        for r in rhk_rows(atas.rhk):
            huruf = "A" if r.jenis == UTAMA else "B"
            kandidat.append(KandidatRhk(r.id, f"{huruf}.{r.nomor} {r.uraian}", r.uraian))
    return PilihanIntervensi(tuple(kandidat), None)


def cek_intervensi(session: Session, skp: Skp, rhk_intervensi_id: int | None) -> None:
    if rhk_intervensi_id is None:
        return
    pilihan = _pilihan_intervensi(session, skp)
    if pilihan.pesan:
        raise ValidationError(pilihan.pesan, "RHK Pimpinan")
    if rhk_intervensi_id not in {k.id for k in pilihan.kandidat}:
        raise ValidationError(
            "RHK pimpinan yang dipilih bukan RHK dari SKP pejabat penilai yang ditetapkan untuk "
            "periode ini. Pilih dari daftar RHK pimpinan.",
            "RHK Pimpinan",
        )
