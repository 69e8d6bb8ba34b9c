"""Copying SKP content: into a new revision, or last year's SKP into this year's draft."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import (
    EkspektasiPerilaku,
    Indikator,
    LampiranSkp,
    RencanaHasilKerja,
    Skp,
)
from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.errors import NotFound, StateError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services.skp.baris import ambil_skp
from kinerja_desktop.services.skp.izin import wajib_dapat_diubah
from kinerja_desktop.services.skp.kosakata import JENIS_RHK, JPT


def salin_isi(
    session: Session,
    sumber: Skp,
    tujuan: Skp,
    *,
    pertahankan_link: bool,
    salin_ekspektasi: bool,
    salin_lampiran: bool = True,
) -> int:
    """Copy RHK (with IKI), optionally ekspektasi and lampiran, from one SKP to another.
    Returns the number of RHK copied."""
    jumlah = 0
    awal = {j: max((r.urutan for r in tujuan.rhk if r.jenis == j), default=0) for j in JENIS_RHK}
    for r in sorted(sumber.rhk, key=lambda r: (JENIS_RHK.index(r.jenis), r.urutan, r.id)):
        baru = RencanaHasilKerja(
            skp_id=tujuan.id,
            jenis=r.jenis,
            urutan=awal[r.jenis] + r.urutan,
            uraian=r.uraian,
            rhk_intervensi_id=r.rhk_intervensi_id if pertahankan_link else None,
            intervensi_teks=r.intervensi_teks,
            asal_id=r.id if pertahankan_link else None,
            perspektif=r.perspektif if tujuan.varian == JPT else None,
            penugasan_dari=r.penugasan_dari if tujuan.varian == JPT else None,
        )
        if not pertahankan_link and r.rhk_intervensi is not None and not r.intervensi_teks:
            baru.intervensi_teks = None
        for iki in sorted(r.indikator, key=lambda i: (i.urutan, i.id)):
            baru.indikator.append(
                Indikator(
                    urutan=iki.urutan,
                    aspek=None if tujuan.varian == JPT else iki.aspek,
                    uraian=iki.uraian,
                    target_nilai=iki.target_nilai,
                    target_satuan=iki.target_satuan,
                    target_narasi=iki.target_narasi,
                    asal_id=iki.id if pertahankan_link else None,
                )
            )
        tujuan.rhk.append(baru)
        jumlah += 1
    if salin_ekspektasi:
        lama = {e.nilai: e.ekspektasi for e in sumber.perilaku}
        ada = {e.nilai: e for e in tujuan.perilaku}
        for i, nilai in enumerate(BERAKHLAK):
            if nilai.kode in ada:
                ada[nilai.kode].ekspektasi = lama.get(nilai.kode)
            else:
                tujuan.perilaku.append(
                    EkspektasiPerilaku(urutan=i, nilai=nilai.kode, ekspektasi=lama.get(nilai.kode))
                )
    elif not tujuan.perilaku:
        for i, nilai in enumerate(BERAKHLAK):
            tujuan.perilaku.append(EkspektasiPerilaku(urutan=i, nilai=nilai.kode))
    if salin_lampiran and sumber.lampiran:
        for x in list(tujuan.lampiran):
            tujuan.lampiran.remove(x)
        for x in sorted(sumber.lampiran, key=lambda x: (x.bagian, x.urutan, x.id)):
            tujuan.lampiran.append(LampiranSkp(bagian=x.bagian, urutan=x.urutan, teks=x.teks))
    session.flush()
    return jumlah


def salin_dari_tahun_lalu(session: Session, actor: Actor, skp_id: int) -> int:
    """Copy RHK, IKI and lampiran of the pegawai's previous-year SKP into this draft (content
    only: no status, no links to last year's RHK pimpinan). Returns the number of RHK."""
    tujuan = ambil_skp(session, skp_id)
    wajib_dapat_diubah(actor, tujuan)
    sumber = session.scalar(
        select(Skp)
        .where(
            Skp.pegawai_id == tujuan.pegawai_id,
            Skp.tahun == tujuan.tahun - 1,
            Skp.terkini.is_(True),
        )
        .order_by(Skp.mulai.desc())
        .limit(1)
    )
    if sumber is None:
        raise NotFound(f"Tidak ada SKP tahun {tujuan.tahun - 1} untuk disalin.")
    if not sumber.rhk:
        raise StateError(f"SKP tahun {tujuan.tahun - 1} tidak berisi rencana hasil kerja.")
    return salin_isi(session, sumber, tujuan, pertahankan_link=False, salin_ekspektasi=False)
