"""The SKP a pegawai's monitoring is written against: the revision in force (services/skp/
berlaku.py), and its RHK and IKI in printed order with their codes (the import templates and
screens use the codes)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Indikator, RencanaHasilKerja, Skp
from kinerja_desktop.services.muat import ambil
from kinerja_desktop.services.skp.berlaku import skp_berlaku


def skp_untuk(
    session: Session, pegawai_id: int, tahun: int, tanggal: date | None = None
) -> Skp | None:
    """The pegawai's SKP revision in force on ``tanggal`` (default today): a pending revision
    never takes its place."""
    return skp_berlaku(session, pegawai_id, tahun, tanggal)


@dataclass(frozen=True)
class ButirSkp:
    rhk_id: int
    rhk_kode: str
    rhk_jenis: str
    rhk_uraian: str
    indikator_id: int | None
    indikator_kode: str | None
    aspek: str | None
    uraian: str | None
    target_nilai: float | None
    target_satuan: str | None
    target_narasi: str | None


def struktur_skp(session: Session, skp_id: int) -> list[ButirSkp]:
    """RHK and IKI of an SKP in printed order with their codes ("1", "1.2", "T1.1").

    An RHK without IKI appears once with ``indikator_id`` None."""
    rows = session.execute(
        select(
            RencanaHasilKerja.id,
            RencanaHasilKerja.jenis,
            RencanaHasilKerja.urutan,
            RencanaHasilKerja.uraian,
            Indikator.id,
            Indikator.urutan,
            Indikator.aspek,
            Indikator.uraian,
            Indikator.target_nilai,
            Indikator.target_satuan,
            Indikator.target_narasi,
        )
        .outerjoin(Indikator, Indikator.rhk_id == RencanaHasilKerja.id)
        .where(RencanaHasilKerja.skp_id == skp_id)
        .order_by(
            case((RencanaHasilKerja.jenis == "TAMBAHAN", 1), else_=0),
            RencanaHasilKerja.urutan,
            RencanaHasilKerja.id,
            Indikator.urutan,
            Indikator.id,
        )
    ).all()
    hasil: list[ButirSkp] = []
    kode_rhk: dict[int, str] = {}
    nomor = {"UTAMA": 0, "TAMBAHAN": 0}
    iki_ke: dict[int, int] = defaultdict(int)
    for rid, jenis, _u, r_uraian, iid, _iu, aspek, i_uraian, tn, ts, tnar in rows:
        if rid not in kode_rhk:
            j = "TAMBAHAN" if jenis == "TAMBAHAN" else "UTAMA"
            nomor[j] += 1
            kode_rhk[rid] = f"T{nomor[j]}" if j == "TAMBAHAN" else str(nomor[j])
        ik = None
        if iid is not None:
            iki_ke[rid] += 1
            ik = f"{kode_rhk[rid]}.{iki_ke[rid]}"
        hasil.append(
            ButirSkp(rid, kode_rhk[rid], jenis, r_uraian, iid, ik, aspek, i_uraian, tn, ts, tnar)
        )
    return hasil


def peta_kode_skp(session: Session, skp_id: int) -> dict[str, tuple[int, int | None]]:
    """Code -> (rhk_id, indikator_id or None): "1" is RHK 1, "1.2" its second IKI."""
    peta: dict[str, tuple[int, int | None]] = {}
    for it in struktur_skp(session, skp_id):
        peta.setdefault(it.rhk_kode, (it.rhk_id, None))
        if it.indikator_id is not None and it.indikator_kode:
            peta[it.indikator_kode] = (it.rhk_id, it.indikator_id)
    return peta


def skp_dari_indikator(session: Session, indikator_id: int) -> tuple[Indikator, Skp]:
    """An IKI picked on a screen and the SKP it belongs to (NotFound when it is gone)."""
    ind = ambil(
        session,
        Indikator,
        indikator_id,
        "Indikator kinerja tidak ditemukan; SKP mungkin sudah diubah. Muat ulang.",
    )
    rhk = ambil(session, RencanaHasilKerja, ind.rhk_id)
    return ind, ambil(session, Skp, rhk.skp_id)
