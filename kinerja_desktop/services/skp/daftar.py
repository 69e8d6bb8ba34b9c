"""Reading SKP: a pegawai's SKP list, the current SKP of a year, one SKP in detail, its
revision chain, and the pegawai whose SKP the actor may open."""

from __future__ import annotations

import re

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai, RiwayatSkp, Skp
from kinerja_desktop.domain.identitas import KOSONG
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services import penugasan
from kinerja_desktop.services.skp.baris import (
    PegawaiPilihan,
    RiwayatRow,
    SkpDetail,
    SkpRingkas,
    ambil_skp,
    baca_snapshot,
    lampiran_dict,
    muat_skp_lengkap,
    nama_pegawai,
    perilaku_rows,
    rhk_rows,
    ringkas,
)
from kinerja_desktop.services.skp.izin import izin_skp, wajib_lihat
from kinerja_desktop.services.skp.kosakata import DIKEMBALIKAN
from kinerja_desktop.services.waktu import hari_ini, waktu_kantor


def daftar_skp(
    session: Session, actor: Actor, pegawai_id: int, tahun: int | None = None
) -> list[SkpRingkas]:
    """All SKP of a pegawai (every revision), newest period first, current revision first."""
    wajib_lihat(session, actor, pegawai_id)
    stmt = select(Skp).where(Skp.pegawai_id == pegawai_id)
    if tahun is not None:
        stmt = stmt.where(Skp.tahun == tahun)
    stmt = stmt.order_by(Skp.tahun.desc(), Skp.mulai.desc(), Skp.revisi.desc())
    return [ringkas(s, session) for s in session.scalars(stmt)]


def skp_terkini(session: Session, pegawai_id: int, tahun: int) -> Skp | None:
    """The newest revision of the pegawai's latest SKP of the year: what the SKP screens edit,
    submit and decide. Monitoring, evaluation and boards ask services/skp/berlaku.py for the
    revision in force instead (a pending revision must not replace it there)."""
    return session.scalar(
        select(Skp)
        .where(Skp.pegawai_id == pegawai_id, Skp.tahun == tahun, Skp.terkini.is_(True))
        .order_by(Skp.mulai.desc())
        .limit(1)
    )


def detail_skp(session: Session, actor: Actor, skp_id: int) -> SkpDetail:
    skp = muat_skp_lengkap(session, skp_id)
    wajib_lihat(session, actor, skp.pegawai_id)
    snap = baca_snapshot(skp)
    riwayat = tuple(
        RiwayatRow(
            r.waktu,
            r.nama_pengguna,
            r.dari_status,
            r.ke_status,
            r.alasan,
            waktu_kantor(session, r.waktu),
        )
        for r in session.scalars(
            select(RiwayatSkp).where(RiwayatSkp.skp_id == skp.id).order_by(RiwayatSkp.id)
        )
    )
    alasan_kembali = None
    if skp.status == DIKEMBALIKAN:
        for r in reversed(riwayat):
            if r.ke_status == DIKEMBALIKAN:
                alasan_kembali = r.alasan
                break
    return SkpDetail(
        skp=ringkas(skp, session),
        pegawai=snap.pegawai or KOSONG,
        penilai=snap.penilai,
        instansi=snap.instansi,
        alasan_revisi=skp.alasan_revisi,
        rhk=rhk_rows(skp.rhk),
        perilaku=perilaku_rows(skp),
        lampiran=lampiran_dict(skp),
        riwayat=riwayat,
        izin=izin_skp(session, actor, skp),
        alasan_dikembalikan=alasan_kembali,
    )


def pegawai_dapat_dipilih(
    session: Session, actor: Actor, cari: str = "", batas: int = 200
) -> list[PegawaiPilihan]:
    """Pegawai whose SKP the actor may open: himself, his subordinates (recursively, today),
    or for an administrator any active pegawai matching ``cari`` (name or NIP)."""
    if actor.is_admin:
        stmt = select(Pegawai).where(Pegawai.aktif.is_(True), Pegawai.luar.is_(False))
        kata = " ".join(cari.split()).lower()
        if kata:
            digit = re.sub(r"\D", "", kata)
            kondisi = [Pegawai.nama_cari.like(f"%{kata}%")]
            if digit:
                kondisi.append(Pegawai.nip.like(f"{digit}%"))
            stmt = stmt.where(or_(*kondisi))
        stmt = stmt.order_by(Pegawai.nama_cari).limit(batas)
        rows = list(session.scalars(stmt))
        if actor.pegawai_id and all(p.id != actor.pegawai_id for p in rows):
            sendiri = session.get(Pegawai, actor.pegawai_id)
            if sendiri is not None and not kata:
                rows.insert(0, sendiri)
        return [PegawaiPilihan(p.id, nama_pegawai(p), p.nip, p.jabatan) for p in rows]
    if actor.pegawai_id is None:
        return []
    # the SKP chooser reaches down the whole chain as it stands today (whom he rates, whom
    # they rate, …), unlike the year's lists of direct subordinates (SKP Bawahan, Papan)
    hari = hari_ini(session)
    ids: list[int] = [actor.pegawai_id]
    antrian = [actor.pegawai_id]
    while antrian and len(ids) < 2000:
        atas = antrian.pop(0)
        for b in penugasan.bawahan_pada(session, atas, hari, hari_ini=hari):
            if b not in ids:
                ids.append(b)
                antrian.append(b)
    for (pid,) in session.execute(
        select(Skp.pegawai_id).where(Skp.penilai_id == actor.pegawai_id).distinct()
    ):
        if pid not in ids:
            ids.append(pid)
    pegawai = {p.id: p for p in session.scalars(select(Pegawai).where(Pegawai.id.in_(ids)))}
    out = [pegawai[ids[0]]] if ids[0] in pegawai else []
    out += sorted((pegawai[i] for i in ids[1:] if i in pegawai), key=lambda p: p.nama_cari)
    return [PegawaiPilihan(p.id, nama_pegawai(p), p.nip, p.jabatan) for p in out]


def riwayat_revisi(session: Session, actor: Actor, skp_id: int) -> list[SkpRingkas]:
    """Every revision of the chain this SKP belongs to, newest first."""
    skp = ambil_skp(session, skp_id)
    wajib_lihat(session, actor, skp.pegawai_id)
    akar = skp
    while akar.revisi_dari_id:
        akar = ambil_skp(session, akar.revisi_dari_id)
    out = [akar]
    frontier = [akar.id]
    while frontier:
        anak = list(session.scalars(select(Skp).where(Skp.revisi_dari_id.in_(frontier))))
        out += anak
        frontier = [a.id for a in anak]
    return [ringkas(s, session) for s in sorted(out, key=lambda s: -s.revisi)]
