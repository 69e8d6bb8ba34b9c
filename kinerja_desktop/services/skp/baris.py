"""Rows the SKP services hand to the UI and the printout, and how they are built from the
models; loading an SKP (or its RHK/IKI) by id and the optimistic-lock check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kinerja_desktop.db.models import Indikator, Pegawai, RencanaHasilKerja, Skp
from kinerja_desktop.domain.angka import format_angka
from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.errors import ConflictError, NotFound
from kinerja_desktop.domain.identitas import KOSONG, Identitas, SnapshotIdentitas
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.status import StatusSkp
from kinerja_desktop.domain.tanggal import format_rentang_periode, format_tanggal
from kinerja_desktop.services import identitas
from kinerja_desktop.services.skp.kosakata import BAGIAN_LAMPIRAN, JENIS_RHK, TAMBAHAN, UTAMA


@dataclass(frozen=True)
class SkpRingkas:
    id: int
    uuid: str
    pegawai_id: int
    pegawai_nama: str
    penilai_id: int | None
    penilai_nama: str
    tahun: int
    mulai: date
    selesai: date
    pendekatan: str
    varian: str
    status: str
    revisi: int
    terkini: bool
    versi: int

    @property
    def label_status(self) -> str:
        return StatusSkp.label_dari(self.status)

    @property
    def label_periode(self) -> str:
        return f"{format_tanggal(self.mulai)} – {format_tanggal(self.selesai)}"

    @property
    def label_revisi(self) -> str:
        return "Awal" if self.revisi == 0 else f"Revisi {self.revisi}"


@dataclass(frozen=True)
class IndikatorRow:
    id: int
    rhk_id: int
    urutan: int
    aspek: str | None
    uraian: str
    target_nilai: float | None
    target_satuan: str | None
    target_narasi: str | None
    versi: int

    @property
    def target_teks(self) -> str:
        return teks_target(self.target_nilai, self.target_satuan, self.target_narasi)


@dataclass(frozen=True)
class RhkRow:
    id: int
    skp_id: int
    jenis: str
    urutan: int
    nomor: int  # 1-based within its group, as printed
    uraian: str
    rhk_intervensi_id: int | None
    intervensi_uraian: str  # the superior's RHK (linked or typed), "" when none
    intervensi_teks: str | None
    perspektif: str | None
    penugasan_dari: str | None
    versi: int
    indikator: tuple[IndikatorRow, ...]


@dataclass(frozen=True)
class PerilakuRow:
    id: int
    kode: str
    nama: str
    panduan: tuple[str, str, str]
    ekspektasi: str


@dataclass(frozen=True)
class RiwayatRow:
    waktu: object  # datetime (UTC)
    nama_pengguna: str
    dari_status: str | None
    ke_status: str
    alasan: str | None
    waktu_kantor: datetime  # the same moment in the office's zone, for the screen

    @property
    def label(self) -> str:
        dari = StatusSkp.label_dari(self.dari_status, "")
        ke = StatusSkp.label_dari(self.ke_status)
        return f"{dari} → {ke}" if dari and dari != ke else ke


@dataclass(frozen=True)
class IzinSkp:
    """What the acting user may do with this SKP now (the UI shows buttons from this)."""

    ubah: bool = False
    ajukan: bool = False
    tetapkan: bool = False  # also kembalikan
    ekspektasi: bool = False
    revisi: bool = False
    hapus: bool = False
    tarik: bool = False  # take a submitted SKP back before it is decided


@dataclass(frozen=True)
class SkpDetail:
    skp: SkpRingkas
    pegawai: Identitas  # from the snapshot
    penilai: Identitas | None
    instansi: str
    alasan_revisi: str | None
    rhk: tuple[RhkRow, ...]
    perilaku: tuple[PerilakuRow, ...]
    lampiran: dict[str, tuple[str, ...]]
    riwayat: tuple[RiwayatRow, ...]
    izin: IzinSkp
    alasan_dikembalikan: str | None

    @property
    def rhk_utama(self) -> tuple[RhkRow, ...]:
        return tuple(r for r in self.rhk if r.jenis == UTAMA)

    @property
    def rhk_tambahan(self) -> tuple[RhkRow, ...]:
        return tuple(r for r in self.rhk if r.jenis == TAMBAHAN)


@dataclass(frozen=True)
class KandidatRhk:
    id: int
    label: str  # "A.1 Uraian ..." as the superior's SKP numbers it
    uraian: str


@dataclass(frozen=True)
class PilihanIntervensi:
    """RHK of the penilai's ditetapkan SKP that may be intervened; ``pesan`` says why none."""

    kandidat: tuple[KandidatRhk, ...]
    pesan: str | None


@dataclass(frozen=True)
class PegawaiPilihan:
    id: int
    nama: str
    nip: str
    jabatan: str

    @property
    def label(self) -> str:
        return f"{self.nama} — {format_nip(self.nip)}"


# --- building rows ---


def teks_target(nilai: float | None, satuan: str | None, narasi: str | None = None) -> str:
    if nilai is not None:
        return f"{format_angka(nilai)} {satuan or ''}".strip()
    return (narasi or "").strip()


def nama_pegawai(p: Pegawai | None) -> str:
    if p is None:
        return ""
    return nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang)


def ambil_skp(session: Session, skp_id: int) -> Skp:
    skp = session.get(Skp, skp_id)
    if skp is None:
        raise NotFound("SKP tidak ditemukan; mungkin sudah dihapus. Muat ulang daftar SKP.")
    return skp


def ambil_rhk(session: Session, rhk_id: int) -> RencanaHasilKerja:
    rhk = session.get(RencanaHasilKerja, rhk_id)
    if rhk is None:
        raise NotFound("Rencana hasil kerja tidak ditemukan; muat ulang SKP.")
    return rhk


def ambil_indikator(session: Session, indikator_id: int) -> Indikator:
    iki = session.get(Indikator, indikator_id)
    if iki is None:
        raise NotFound("Indikator tidak ditemukan; muat ulang SKP.")
    return iki


def cek_versi(obj: Skp | RencanaHasilKerja | Indikator, versi: int | None) -> None:
    if versi is not None and obj.versi != versi:
        raise ConflictError(
            "Data ini telah diubah oleh pengguna lain sejak Anda membukanya. "
            "Muat ulang lalu ulangi perubahan Anda."
        )


def ringkas(skp: Skp, session: Session) -> SkpRingkas:
    snap = baca_snapshot(skp)
    pegawai_nama = (snap.pegawai or KOSONG).nama or nama_pegawai(
        session.get(Pegawai, skp.pegawai_id)
    )
    penilai_nama = (snap.penilai or KOSONG).nama
    return SkpRingkas(
        skp.id,
        skp.uuid,
        skp.pegawai_id,
        pegawai_nama,
        skp.penilai_id,
        penilai_nama,
        skp.tahun,
        skp.mulai,
        skp.selesai,
        skp.pendekatan,
        skp.varian,
        skp.status,
        skp.revisi,
        bool(skp.terkini),
        skp.versi,
    )


def baca_snapshot(skp: Skp) -> SnapshotIdentitas:
    return identitas.baca_snapshot(skp.snapshot)


def label_periode(skp: Skp | SkpRingkas) -> str:
    """ "1 JANUARI SD 31 DESEMBER TAHUN 2025" as printed."""
    return format_rentang_periode(skp.mulai, skp.selesai)


def _uraian_intervensi(rhk: RencanaHasilKerja) -> str:
    if rhk.rhk_intervensi is not None:
        return rhk.rhk_intervensi.uraian
    return rhk.intervensi_teks or ""


def indikator_row(i: Indikator) -> IndikatorRow:
    return IndikatorRow(
        i.id,
        i.rhk_id,
        i.urutan,
        i.aspek,
        i.uraian,
        i.target_nilai,
        i.target_satuan,
        i.target_narasi,
        i.versi,
    )


def rhk_rows(rhk_list: list[RencanaHasilKerja]) -> tuple[RhkRow, ...]:
    out: list[RhkRow] = []
    nomor = {UTAMA: 0, TAMBAHAN: 0}
    for r in sorted(rhk_list, key=lambda r: (JENIS_RHK.index(r.jenis), r.urutan, r.id)):
        nomor[r.jenis] += 1
        out.append(
            RhkRow(
                r.id,
                r.skp_id,
                r.jenis,
                r.urutan,
                nomor[r.jenis],
                r.uraian,
                r.rhk_intervensi_id,
                _uraian_intervensi(r),
                r.intervensi_teks,
                r.perspektif,
                r.penugasan_dari,
                r.versi,
                tuple(
                    indikator_row(i) for i in sorted(r.indikator, key=lambda i: (i.urutan, i.id))
                ),
            )
        )
    return tuple(out)


def muat_skp_lengkap(session: Session, skp_id: int) -> Skp:
    skp = session.scalar(
        select(Skp)
        .where(Skp.id == skp_id)
        .options(
            selectinload(Skp.rhk).selectinload(RencanaHasilKerja.indikator),
            selectinload(Skp.rhk).joinedload(RencanaHasilKerja.rhk_intervensi),
            selectinload(Skp.perilaku),
            selectinload(Skp.lampiran),
        )
    )
    if skp is None:
        raise NotFound("SKP tidak ditemukan; mungkin sudah dihapus. Muat ulang daftar SKP.")
    return skp


def perilaku_rows(skp: Skp) -> tuple[PerilakuRow, ...]:
    ada = {e.nilai: e for e in skp.perilaku}
    out = []
    for nilai in BERAKHLAK:
        e = ada.get(nilai.kode)
        out.append(
            PerilakuRow(
                e.id if e else 0,
                nilai.kode,
                nilai.nama,
                nilai.panduan,
                (e.ekspektasi or "") if e else "",
            )
        )
    return tuple(out)


def lampiran_dict(skp: Skp) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {b: [] for b in BAGIAN_LAMPIRAN}
    for item in sorted(skp.lampiran, key=lambda x: (x.bagian, x.urutan, x.id)):
        out.setdefault(item.bagian, []).append(item.teks)
    return {k: tuple(v) for k, v in out.items()}
