"""Recaps per unit and period (forms.md §4) and the angka kredit export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import (
    Evaluasi,
    Indikator,
    Pegawai,
    Periode,
    RencanaHasilKerja,
    UnitKerja,
)
from kinerja_desktop.domain.angka import format_angka
from kinerja_desktop.domain.angka_kredit import (
    DESIMAL_AK,
    KOEFISIEN_TAHUNAN,
    PERSENTASE_PREDIKAT,
    hitung_angka_kredit,
)
from kinerja_desktop.domain.distribusi import dihitung_dinilai
from kinerja_desktop.domain.enums import JenisJabatan, JenjangFungsional
from kinerja_desktop.domain.errors import NotFound, PermissionDenied
from kinerja_desktop.domain.identitas import json_cetak
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.domain.status import StatusEvaluasi
from kinerja_desktop.services import organisasi
from kinerja_desktop.services.dokumen import daftarkan_cetak
from kinerja_desktop.services.evaluasi.cetak import label_periode
from kinerja_desktop.services.evaluasi.distribusi import (
    DistribusiUnit,
    boleh_lihat_unit,
    distribusi_unit,
)
from kinerja_desktop.services.evaluasi.predikat_org import baris_predikat_org
from kinerja_desktop.services.evaluasi.syarat import instansi
from kinerja_desktop.services.identitas import identitas
from kinerja_desktop.services.pengaturan import KUNCI_TEMPAT, baca_teks, kepala_unit_dihitung
from kinerja_desktop.services.periode import get_periode
from kinerja_desktop.services.skp.berlaku import realisasi_efektif_ringkas, skp_berlaku_banyak
from kinerja_desktop.services.waktu import hari_ini

JENIS_CETAK_REKAP = "REKAP"


@dataclass(frozen=True)
class RekapRow:
    pegawai_id: int
    nip: str
    nama: str
    jabatan: str
    unit_kerja: str
    status_skp: str  # "-" when there is no SKP
    iki: int
    realisasi_terisi: int
    status_evaluasi: str  # BELUM / DRAF / FINAL
    rating_hasil_kerja: str | None
    rating_perilaku: str | None
    predikat: str | None
    evaluasi_id: int | None

    @property
    def belum_mengisi(self) -> bool:
        return self.iki == 0 or self.realisasi_terisi < self.iki

    @property
    def belum_dievaluasi(self) -> bool:
        return self.status_evaluasi != StatusEvaluasi.FINAL


@dataclass(frozen=True)
class RekapUnit:
    distribusi: DistribusiUnit
    rows: tuple[RekapRow, ...]

    @property
    def belum_dievaluasi(self) -> list[RekapRow]:
        return [r for r in self.rows if r.belum_dievaluasi]

    @property
    def belum_mengisi(self) -> list[RekapRow]:
        return [r for r in self.rows if r.belum_mengisi]


def _wajib_lihat(session: Session, actor: Actor, unit_id: int, periode: Periode) -> None:
    if not boleh_lihat_unit(session, actor, unit_id, periode):
        raise PermissionDenied(
            "Rekap unit hanya untuk administrator, kepala unit, dan pimpinan di atasnya."
        )


def rekap_unit(
    session: Session, actor: Actor, unit_id: int, periode_id: int, *, sub_unit: bool = True
) -> RekapUnit:
    periode = get_periode(session, periode_id)
    _wajib_lihat(session, actor, unit_id, periode)
    dist = distribusi_unit(session, actor, unit_id, periode_id, sub_unit=sub_unit)
    return RekapUnit(dist, tuple(_rows(session, unit_id, periode, sub_unit)))


def _rows(session: Session, unit_id: int, periode: Periode, sub_unit: bool) -> list[RekapRow]:
    ids = organisasi.sub_unit_ids(session, unit_id) if sub_unit else [unit_id]
    stmt = (
        select(Pegawai, UnitKerja.nama, Evaluasi)
        .join(UnitKerja, UnitKerja.id == Pegawai.unit_kerja_id)
        .outerjoin(
            Evaluasi, and_(Evaluasi.pegawai_id == Pegawai.id, Evaluasi.periode_id == periode.id)
        )
        .where(Pegawai.unit_kerja_id.in_(ids), Pegawai.aktif.is_(True), Pegawai.luar.is_(False))
        .order_by(UnitKerja.urutan, UnitKerja.id, Pegawai.kepala_unit.desc(), Pegawai.nama)
    )
    if not kepala_unit_dihitung(session):  # the same pegawai as the distribution counts
        stmt = stmt.where(~and_(Pegawai.unit_kerja_id == unit_id, Pegawai.kepala_unit.is_(True)))
    rows = session.execute(stmt).all()
    # the revision in force at the period's end, as the monitoring screens count it
    skp_of = skp_berlaku_banyak(session, [r[0].id for r in rows], periode.tahun, periode.selesai)
    iki_of: dict[int, list[int]] = {}
    if skp_of:
        for sid, iid in session.execute(
            select(RencanaHasilKerja.skp_id, Indikator.id)
            .join(Indikator, Indikator.rhk_id == RencanaHasilKerja.id)
            .where(RencanaHasilKerja.skp_id.in_([s.id for s in skp_of.values()]))
        ):
            iki_of.setdefault(sid, []).append(iid)
    real = realisasi_efektif_ringkas(session, [i for v in iki_of.values() for i in v], [periode.id])
    out = []
    for p, unit_nama, ev in rows:
        skp = skp_of.get(p.id)
        iki = iki_of.get(skp.id, []) if skp else []
        status_skp = skp.status if skp else None
        n_iki, n_real = len(iki), sum(1 for i in iki if (i, periode.id) in real)
        out.append(
            RekapRow(
                p.id,
                p.nip,
                nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang),
                p.jabatan,
                unit_nama,
                status_skp or "-",
                int(n_iki or 0),
                int(n_real or 0),
                ev.status if ev else StatusEvaluasi.BELUM,
                ev.rating_hasil_kerja if ev else None,
                ev.rating_perilaku if ev else None,
                ev.predikat if ev else None,
                ev.id if ev else None,
            )
        )
    return out


# --- printed recap --------------------------------------------------------------------------


def _entitas(session: Session, unit_id: int, periode_id: int) -> str:
    unit = session.get(UnitKerja, unit_id)
    periode = session.get(Periode, periode_id)
    if unit is None or periode is None:
        raise NotFound("Unit kerja atau periode tidak ditemukan.")
    return f"{unit.uuid}:{periode.uuid}"


def data_cetak_rekap(session: Session, entitas: str) -> dict[str, Any] | None:
    unit_uuid, _, periode_uuid = entitas.partition(":")
    unit = session.scalar(select(UnitKerja).where(UnitKerja.uuid == unit_uuid))
    periode = session.scalar(select(Periode).where(Periode.uuid == periode_uuid))
    if unit is None or periode is None:
        return None
    from kinerja_desktop.domain.peran import SISTEM

    # the screen's distribution: only what dihitung_dinilai counts (FINAL, forms.md §5)
    dist = distribusi_unit(session, SISTEM, unit.id, periode.id)
    rows = _rows(session, unit.id, periode, True)
    org_row = baris_predikat_org(session, unit.id, periode.id)
    penetap = org_row.ditetapkan_oleh_id if org_row else None
    return {
        # the leader one level up, who set the organisation's predikat, signs the penetapan
        "penetap": json_cetak(identitas(session, penetap) if penetap else None),
        "unit": unit.nama,
        "instansi": instansi(session),
        "tempat": baca_teks(session, KUNCI_TEMPAT),
        "periode": label_periode(periode),
        "predikat_organisasi": dist.predikat_organisasi,
        "jumlah": dist.jumlah,
        "total_dinilai": dist.total_dinilai,
        "total_pegawai": dist.total_pegawai,
        "aturan": [
            {"teks": a.teks, "terpenuhi": a.terpenuhi, "uraian": a.uraian}
            for a in (dist.hasil.aturan if dist.hasil else [])
        ],
        "pegawai": [
            {
                "nip": r.nip,
                "nama": r.nama,
                "jabatan": r.jabatan,
                "unit": r.unit_kerja,
                "rating_hasil_kerja": r.rating_hasil_kerja,
                "rating_perilaku": r.rating_perilaku,
                # a draft's predikat is not yet established: not on the signed penetapan
                "predikat": r.predikat if dihitung_dinilai(r.status_evaluasi, r.predikat) else None,
                "status": r.status_evaluasi,
                "realisasi": f"{r.realisasi_terisi}/{r.iki}",
            }
            for r in rows
        ],
    }


@dataclass(frozen=True)
class CetakanRekap:
    data: dict[str, Any]
    kode_dokumen: str
    kode_verifikasi: str
    nama_berkas: str
    tanggal: date  # the office's date of printing; not part of the verified data


def siapkan_cetak_rekap(
    session: Session, actor: Actor, unit_id: int, periode_id: int
) -> CetakanRekap:
    periode = get_periode(session, periode_id)
    _wajib_lihat(session, actor, unit_id, periode)
    entitas = _entitas(session, unit_id, periode_id)
    data = data_cetak_rekap(session, entitas)
    assert data is not None
    kode = daftarkan_cetak(session, JENIS_CETAK_REKAP, entitas, data)
    nama = f"Rekap_{periode.tahun}_{periode.kode}_{data['unit'][:40]}.pdf".replace(" ", "_")
    return CetakanRekap(data, kode.kode_dokumen, kode.kode_verifikasi, nama, hari_ini(session))


# --- angka kredit ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AngkaKreditRow:
    nip: str
    nama: str
    jabatan: str
    jenjang: str
    predikat: str | None  # annual: the AKHIR period's
    persentase: str
    koefisien: str
    angka_kredit: str | None
    status_evaluasi: str


def angka_kredit_unit(
    session: Session, actor: Actor, unit_id: int, tahun: int
) -> list[AngkaKreditRow]:
    """Annual angka kredit of every Jabatan Fungsional in the unit (and sub-units) from the
    AKHIR period's predikat (domain.md §5)."""
    akhir = session.scalar(select(Periode).where(Periode.tahun == tahun, Periode.akhir.is_(True)))
    if akhir is None:
        raise NotFound(f"Periode akhir tahun {tahun} belum ada.")
    _wajib_lihat(session, actor, unit_id, akhir)
    ids = organisasi.sub_unit_ids(session, unit_id)
    rows = session.execute(
        select(Pegawai, Evaluasi)
        .outerjoin(
            Evaluasi, and_(Evaluasi.pegawai_id == Pegawai.id, Evaluasi.periode_id == akhir.id)
        )
        .where(
            Pegawai.unit_kerja_id.in_(ids),
            Pegawai.aktif.is_(True),
            Pegawai.luar.is_(False),
            Pegawai.jenis_jabatan == JenisJabatan.FUNGSIONAL.value,
        )
        .order_by(Pegawai.nama)
    ).all()
    out = []
    for p, ev in rows:
        try:
            jenjang = JenjangFungsional(p.jenjang) if p.jenjang else None
        except ValueError:
            jenjang = None
        predikat = ev.predikat if ev else None
        ak = (
            format_angka(hitung_angka_kredit(Predikat(predikat), jenjang), DESIMAL_AK)
            if predikat and jenjang
            else None
        )
        out.append(
            AngkaKreditRow(
                p.nip,
                nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang),
                p.jabatan,
                jenjang.label if jenjang else (p.jenjang or "-"),
                predikat,
                f"{PERSENTASE_PREDIKAT[Predikat(predikat)]}%" if predikat else "-",
                format_angka(KOEFISIEN_TAHUNAN[jenjang], 1) if jenjang else "-",
                ak,
                ev.status if ev else StatusEvaluasi.BELUM,
            )
        )
    return out


@dataclass(frozen=True)
class TabelAngkaKredit:
    """The angka kredit of a unit for a year, as the export writes it (exchange/ writes the
    file; a service never touches files)."""

    judul: str
    rows: tuple[AngkaKreditRow, ...]


def tabel_angka_kredit(
    session: Session, actor: Actor, unit_id: int, tahun: int
) -> TabelAngkaKredit:
    rows = angka_kredit_unit(session, actor, unit_id, tahun)
    unit = session.get(UnitKerja, unit_id)
    judul = f"Angka Kredit Jabatan Fungsional {tahun} — {unit.nama if unit else ''}"
    return TabelAngkaKredit(judul, tuple(rows))
