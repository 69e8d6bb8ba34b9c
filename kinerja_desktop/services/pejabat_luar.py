"""Pejabat luar kantor: a pejabat penilai or atasan pejabat penilai outside this office's
roster, or not an ASN at all (Bupati, Wali Kota, the Sekda for a Camat, a Kepala Dinas of
another instansi; domain.md §9).

He is stored as a :class:`Pegawai` row flagged ``luar`` so that every penilai foreign key
(assignments, SKP, evaluasi, keberatan) keeps pointing at ``pegawai``. Such a row is marked
``bebas_tugas`` (no SKP duty, not on boards or in distributions) and the roster, the account
and SKP services leave it out; only the administrator records one. Name, jabatan and instansi
are required, NIP, pangkat/golongan and the unit he heads are optional.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.base import new_uuid
from kinerja_desktop.db.models import Pegawai, UnitKerja
from kinerja_desktop.domain import nip as nip_mod
from kinerja_desktop.domain.enums import JenisJabatan, StatusPegawai
from kinerja_desktop.domain.errors import ConflictError, NotFound, ValidationError
from kinerja_desktop.domain.golongan import label_pangkat_golongan, parse_golongan
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services.akses import wajib_admin
from kinerja_desktop.services.waktu import hari_ini

# Pegawai.tanggal_lahir is required; an official without NIP has no date to take it from.
TANGGAL_TIDAK_DIKETAHUI = date(1900, 1, 1)

PESAN_LUAR = (
    "{nama} adalah pejabat luar kantor (pejabat penilai/atasan dari instansi lain); ia tidak "
    "masuk daftar pegawai kantor ini, tidak memiliki SKP dan tidak dapat masuk ke aplikasi."
)


@dataclass(frozen=True)
class PejabatLuarInput:
    nama: str
    jabatan: str
    instansi: str
    nip: str | None = None
    gelar_depan: str | None = None
    gelar_belakang: str | None = None
    golongan: str | None = None  # "IV/c"; optional
    unit_kerja: str | None = None  # the unit he heads, e.g. "Sekretariat Daerah"


@dataclass(frozen=True)
class PejabatLuarRow:
    id: int
    nama: str
    gelar_depan: str | None
    gelar_belakang: str | None
    nip: str  # 18 digits or ""
    golongan: str
    jabatan: str
    unit_kerja: str
    instansi: str
    aktif: bool
    versi: int

    @property
    def nama_lengkap(self) -> str:
        return nama_lengkap(self.gelar_depan, self.nama, self.gelar_belakang)

    @property
    def nip_tampil(self) -> str:
        return nip_mod.format_nip(self.nip) if self.nip else "tanpa NIP"

    @property
    def pangkat_golongan(self) -> str:
        return label_pangkat_golongan(self.golongan, StatusPegawai.PNS) if self.golongan else ""


def _row(p: Pegawai) -> PejabatLuarRow:
    return PejabatLuarRow(
        p.id,
        p.nama,
        p.gelar_depan,
        p.gelar_belakang,
        nip_mod.nip_pejabat_luar(p.nip),
        p.golongan or "",
        p.jabatan,
        p.unit_kerja_luar or "",
        p.instansi_luar or "",
        p.aktif,
        p.versi,
    )


def _teks(nilai: str | None, label: str, *, wajib: bool, maks: int = 255) -> str | None:
    teks = " ".join((nilai or "").split())
    if wajib and not teks:
        raise ValidationError(f"{label} wajib diisi.", label)
    if len(teks) > maks:
        raise ValidationError(f"{label} terlalu panjang (maksimal {maks} huruf).", label)
    return teks or None


def _bersihkan(data: PejabatLuarInput, today: date) -> dict[str, object]:
    """Validated column values; a NIP, when given, is checked like any NIP."""
    nilai: dict[str, object] = {
        "nama": _teks(data.nama, "Nama", wajib=True),
        "jabatan": _teks(data.jabatan, "Jabatan", wajib=True),
        "instansi_luar": _teks(data.instansi, "Instansi", wajib=True),
        "gelar_depan": _teks(data.gelar_depan, "Gelar Depan", wajib=False, maks=64),
        "gelar_belakang": _teks(data.gelar_belakang, "Gelar Belakang", wajib=False, maks=128),
        "unit_kerja_luar": _teks(data.unit_kerja, "Unit Kerja", wajib=False),
        "golongan": "",
        "nip": None,
        "tanggal_lahir": TANGGAL_TIDAK_DIKETAHUI,
        "jenis_kelamin": "",
        "status": "",
    }
    if (data.golongan or "").strip():
        nilai["golongan"] = parse_golongan(data.golongan, StatusPegawai.PNS)
    if (data.nip or "").strip():
        info = nip_mod.parse_nip(data.nip, today)
        nilai.update(
            nip=nip_mod.normalize_nip(data.nip),
            tanggal_lahir=info.tanggal_lahir,
            jenis_kelamin=str(info.jenis_kelamin),
            status=StatusPegawai.PNS,
        )
    return nilai


def _cek_nip(session: Session, nip: str | None, kecuali_id: int | None) -> None:
    if nip is None:
        return
    lain = session.scalar(
        select(Pegawai).where(Pegawai.nip == nip, Pegawai.id != (kecuali_id or -1))
    )
    if lain is not None:
        tempat = "pejabat luar kantor" if lain.luar else "pegawai kantor ini"
        raise ConflictError(
            f"NIP {nip_mod.format_nip(nip)} sudah tercatat sebagai {tempat} "
            f"({nama_lengkap(lain.gelar_depan, lain.nama, lain.gelar_belakang)}).",
        )


def _unit_jangkar(session: Session) -> int:
    """Pegawai.unit_kerja_id is required: an outside official hangs on the office's top unit
    (he never shows in it; his printed unit is ``unit_kerja_luar``)."""
    uid = session.scalar(
        select(UnitKerja.id)
        .where(UnitKerja.induk_id.is_(None))
        .order_by(UnitKerja.aktif.desc(), UnitKerja.urutan, UnitKerja.id)
    )
    if uid is None:
        raise ValidationError("Buat dulu unit kerja kantor ini sebelum mencatat pejabat luar.")
    return uid


def _isi(p: Pegawai, nilai: dict[str, object]) -> None:
    for kunci, v in nilai.items():
        if kunci != "nip":
            setattr(p, kunci, v)
    p.nama_cari = str(nilai["nama"]).lower()
    p.nip = str(nilai["nip"]) if nilai["nip"] else nip_mod.kunci_tanpa_nip(p.uuid)


def tambah_pejabat_luar(session: Session, actor: Actor, data: PejabatLuarInput) -> PejabatLuarRow:
    wajib_admin(actor)
    nilai = _bersihkan(data, hari_ini(session))
    _cek_nip(session, nilai["nip"], None)  # type: ignore[arg-type]
    p = Pegawai(
        luar=True,
        bebas_tugas=True,  # no SKP duty, not on boards or in distributions
        jenis_jabatan=JenisJabatan.JPT,
        unit_kerja_id=_unit_jangkar(session),
        kedudukan_hukum=None,
    )
    p.uuid = new_uuid()  # the "no NIP" key is made from it before the flush
    _isi(p, nilai)
    session.add(p)
    session.flush()
    return _row(p)


def _get(session: Session, pejabat_id: int, versi: int | None = None) -> Pegawai:
    p = session.get(Pegawai, pejabat_id)
    if p is None or not p.luar:
        raise NotFound("Pejabat luar kantor tidak ditemukan.")
    if versi is not None and versi != p.versi:
        raise ConflictError("Data pejabat ini telah diubah orang lain. Muat ulang dulu.")
    return p


def ubah_pejabat_luar(
    session: Session,
    actor: Actor,
    pejabat_id: int,
    data: PejabatLuarInput,
    versi: int | None = None,
) -> PejabatLuarRow:
    """Correct his data. Documents already made keep the snapshot taken then."""
    wajib_admin(actor)
    p = _get(session, pejabat_id, versi)
    nilai = _bersihkan(data, hari_ini(session))
    _cek_nip(session, nilai["nip"], p.id)  # type: ignore[arg-type]
    _isi(p, nilai)
    session.flush()
    return _row(p)


def atur_aktif_pejabat_luar(
    session: Session, actor: Actor, pejabat_id: int, aktif: bool
) -> PejabatLuarRow:
    """No longer offered for new assignments (history and documents stay)."""
    wajib_admin(actor)
    p = _get(session, pejabat_id)
    p.aktif = aktif
    p.alasan_nonaktif = None if aktif else "Tidak lagi menjabat"
    p.tanggal_nonaktif = None if aktif else hari_ini(session)
    session.flush()
    return _row(p)


def daftar_pejabat_luar(
    session: Session, actor: Actor, cari: str = "", *, termasuk_nonaktif: bool = True
) -> list[PejabatLuarRow]:
    wajib_admin(actor)
    stmt = select(Pegawai).where(Pegawai.luar.is_(True)).order_by(Pegawai.nama_cari, Pegawai.id)
    if not termasuk_nonaktif:
        stmt = stmt.where(Pegawai.aktif.is_(True))
    for kata in (cari or "").lower().split():
        digit = nip_mod.normalize_nip(kata)
        stmt = stmt.where(
            Pegawai.nip.like(f"%{digit}%") if digit.isdigit() else Pegawai.nama_cari.contains(kata)
        )
    return [_row(p) for p in session.scalars(stmt)]


def ambil_pejabat_luar(session: Session, actor: Actor, pejabat_id: int) -> PejabatLuarRow:
    wajib_admin(actor)
    return _row(_get(session, pejabat_id))


def adalah_pejabat_luar(session: Session, pegawai_id: int | None) -> bool:
    if pegawai_id is None:
        return False
    return bool(session.scalar(select(Pegawai.luar).where(Pegawai.id == pegawai_id)))


__all__ = [
    "PESAN_LUAR",
    "PejabatLuarInput",
    "PejabatLuarRow",
    "adalah_pejabat_luar",
    "ambil_pejabat_luar",
    "atur_aktif_pejabat_luar",
    "daftar_pejabat_luar",
    "tambah_pejabat_luar",
    "ubah_pejabat_luar",
]
