"""The history of an evaluation: its log (created, final, reopened) and the objections
against it with their deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Evaluasi, Keberatan, Pegawai, Periode, RiwayatEvaluasi
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.zona_waktu import ZonaWaktu, tanggal_lokal
from kinerja_desktop.services.evaluasi.syarat import FINAL, nama_pegawai
from kinerja_desktop.services.waktu import sekarang_utc, waktu_kantor

HARI_KEBERATAN = 14  # PP 30/2019 Pasal 59 [firm]


@dataclass(frozen=True)
class RiwayatRow:
    waktu: datetime
    nama_pengguna: str
    aksi: str
    alasan: str | None
    waktu_kantor: datetime  # the same moment in the office's zone, for the screen


@dataclass(frozen=True)
class KeberatanRow:
    id: int
    uuid: str
    evaluasi_id: int
    diajukan_pada: datetime
    alasan: str
    status: str
    keputusan: str | None
    rating_hasil_kerja_baru: str | None
    rating_perilaku_baru: str | None
    catatan_keputusan: str | None
    diputus_oleh: str | None
    diputus_pada: datetime | None
    versi: int
    # for the atasan's list
    pegawai_nama: str = ""
    pegawai_nip: str = ""
    periode_nama: str = ""
    rating_hasil_kerja: str | None = None
    rating_perilaku: str | None = None
    predikat: str | None = None


def catat_riwayat(
    session: Session,
    actor: Actor,
    ev: Evaluasi,
    aksi: str,
    alasan: str | None,
    waktu: datetime | None = None,
) -> None:
    session.add(
        RiwayatEvaluasi(
            evaluasi_id=ev.id,
            akun_id=actor.akun_id,
            nama_pengguna=actor.nama,
            aksi=aksi,
            alasan=alasan,
            waktu=waktu or sekarang_utc(),
        )
    )


def riwayat_rows(session: Session, ev: Evaluasi) -> tuple[RiwayatRow, ...]:
    return tuple(
        RiwayatRow(r.waktu, r.nama_pengguna, r.aksi, r.alasan, waktu_kantor(session, r.waktu))
        for r in session.scalars(
            select(RiwayatEvaluasi)
            .where(RiwayatEvaluasi.evaluasi_id == ev.id)
            .order_by(RiwayatEvaluasi.id)
        )
    )


def keberatan_rows(session: Session, ev: Evaluasi) -> tuple[KeberatanRow, ...]:
    rows = session.scalars(
        select(Keberatan).where(Keberatan.evaluasi_id == ev.id).order_by(Keberatan.id)
    ).all()
    return tuple(keberatan_row(session, k) for k in rows)


def keberatan_row(
    session: Session, k: Keberatan, ev: Evaluasi | None = None, periode: Periode | None = None
) -> KeberatanRow:
    pemutus = session.get(Pegawai, k.diputus_oleh_id) if k.diputus_oleh_id else None
    extra: dict[str, Any] = {}
    if ev is not None:
        p = session.get(Pegawai, ev.pegawai_id)
        extra = dict(
            pegawai_nama=nama_pegawai(p),
            pegawai_nip=p.nip if p else "",
            periode_nama=f"{periode.nama} {periode.tahun}" if periode else "",
            rating_hasil_kerja=ev.rating_hasil_kerja,
            rating_perilaku=ev.rating_perilaku,
            predikat=ev.predikat,
        )
    return KeberatanRow(
        k.id,
        k.uuid,
        k.evaluasi_id,
        k.diajukan_pada,
        k.alasan,
        k.status,
        k.keputusan,
        k.rating_hasil_kerja_baru,
        k.rating_perilaku_baru,
        k.catatan_keputusan,
        nama_pegawai(pemutus) if pemutus else None,
        k.diputus_pada,
        k.versi,
        **extra,
    )


def batas_keberatan(ev: Evaluasi, zona: ZonaWaktu) -> date | None:
    """The last local day of the keberatan window, counted from the local day of finalising."""
    if ev.status != FINAL or ev.difinalkan_pada is None:
        return None
    return tanggal_lokal(ev.difinalkan_pada, zona) + timedelta(days=HARI_KEBERATAN)
