"""SKP use cases: create, Rencana Hasil Kerja and IKI, perilaku, lampiran, workflow, revisions.

Rules (domain.md §3–4): an SKP belongs to one pegawai and one period; the pejabat penilai is
taken from the assignment in force at the start date; identity data is a snapshot taken when
the SKP is created or revised. Workflow DRAF → DIAJUKAN → DITETAPKAN, or DIKEMBALIKAN (with a
reason) → edited → DIAJUKAN again. A ditetapkan SKP is read-only; changing it makes a new
revision. Permissions are checked here, whatever the UI shows.

Related modules: ``skp_bantu`` (penilai overview, matriks peran hasil, copying, pustaka, bulk
creation) and ``skp_cetak`` (data for the printed SKP and its verification).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from kinerja_desktop.db.base import utcnow
from kinerja_desktop.db.models import (
    EkspektasiPerilaku,
    Indikator,
    LampiranSkp,
    Pegawai,
    PenugasanPenilai,
    RencanaHasilKerja,
    RiwayatSkp,
    Skp,
    UnitKerja,
)
from kinerja_desktop.domain.angka import format_angka, parse_angka
from kinerja_desktop.domain.berakhlak import BERAKHLAK, nilai_perilaku
from kinerja_desktop.domain.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    StateError,
    ValidationError,
)
from kinerja_desktop.domain.identitas import KOSONG, Identitas, SnapshotIdentitas
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.status import TRANSISI_SKP, StatusSkp, boleh, periksa_transisi
from kinerja_desktop.domain.tanggal import format_rentang_periode, format_tanggal
from kinerja_desktop.services import identitas, organisasi
from kinerja_desktop.services.pengaturan import KUNCI_INSTANSI, baca_teks

# --- vocabulary ------------------------------------------------------------------------------

# the states, their labels, colours and transitions are in domain/status.py
DRAF, DIAJUKAN = StatusSkp.DRAF, StatusSkp.DIAJUKAN
DITETAPKAN, DIKEMBALIKAN = StatusSkp.DITETAPKAN, StatusSkp.DIKEMBALIKAN

KUANTITATIF, KUALITATIF = "KUANTITATIF", "KUALITATIF"
PENDEKATAN = (KUANTITATIF, KUALITATIF)
LABEL_PENDEKATAN = {KUANTITATIF: "Kuantitatif", KUALITATIF: "Kualitatif"}

UMUM, JPT = "UMUM", "JPT"
UTAMA, TAMBAHAN = "UTAMA", "TAMBAHAN"
JENIS_RHK = (UTAMA, TAMBAHAN)
LABEL_JENIS_RHK = {UTAMA: "Utama", TAMBAHAN: "Tambahan"}

ASPEK = ("KUANTITAS", "KUALITAS", "WAKTU", "BIAYA")
LABEL_ASPEK = {a: a.title() for a in ASPEK}
PERSPEKTIF = ("Penerima Layanan", "Proses Bisnis", "Penguatan Internal", "Anggaran")

BAGIAN_LAMPIRAN = ("DUKUNGAN_SUMBER_DAYA", "SKEMA_PERTANGGUNGJAWABAN", "KONSEKUENSI")
JUDUL_LAMPIRAN = {
    "DUKUNGAN_SUMBER_DAYA": "DUKUNGAN SUMBER DAYA",
    "SKEMA_PERTANGGUNGJAWABAN": "SKEMA PERTANGGUNGJAWABAN",
    "KONSEKUENSI": "KONSEKUENSI",
}
LAMPIRAN_BAWAAN: dict[str, tuple[str, ...]] = {
    "DUKUNGAN_SUMBER_DAYA": (
        "Anggaran kegiatan sesuai Dokumen Pelaksanaan Anggaran (DPA) unit kerja tahun berjalan.",
        "Sarana dan prasarana kerja: komputer, printer, jaringan internet, dan ruang pelayanan.",
        "Dukungan data, informasi, dan koordinasi dari unit kerja serta instansi terkait.",
    ),
    "SKEMA_PERTANGGUNGJAWABAN": (
        "Realisasi kinerja dan bukti dukung didokumentasikan setiap bulan.",
        "Capaian kinerja dilaporkan kepada pejabat penilai kinerja setiap triwulan.",
        "Evaluasi kinerja tahunan dilakukan bersama pejabat penilai kinerja pada akhir periode.",
    ),
    "KONSEKUENSI": (
        "Capaian kinerja menjadi dasar pemberian tambahan penghasilan pegawai sesuai ketentuan.",
        "Kinerja di bawah ekspektasi ditindaklanjuti dengan bimbingan dan konseling kinerja.",
        "Hasil evaluasi kinerja menjadi dasar pengembangan kompetensi dan karier pegawai.",
    ),
}

PESAN_TANPA_SKP_PIMPINAN = (
    "Pejabat penilai {nama} belum memiliki SKP yang ditetapkan untuk periode ini; "
    "RHK pimpinan belum dapat dipilih."
)

# --- rows handed to the UI -------------------------------------------------------------------


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


# --- small helpers ---------------------------------------------------------------------------


def teks_target(nilai: float | None, satuan: str | None, narasi: str | None = None) -> str:
    if nilai is not None:
        return f"{format_angka(nilai)} {satuan or ''}".strip()
    return (narasi or "").strip()


def _teks(nilai: str | None) -> str:
    return " ".join((nilai or "").split()) if nilai and "\n" not in nilai else (nilai or "").strip()


def _nama_pegawai(p: Pegawai | None) -> str:
    if p is None:
        return ""
    return nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang)


def _get_skp(session: Session, skp_id: int) -> Skp:
    skp = session.get(Skp, skp_id)
    if skp is None:
        raise NotFound("SKP tidak ditemukan; mungkin sudah dihapus. Muat ulang daftar SKP.")
    return skp


def _get_rhk(session: Session, rhk_id: int) -> RencanaHasilKerja:
    rhk = session.get(RencanaHasilKerja, rhk_id)
    if rhk is None:
        raise NotFound("Rencana hasil kerja tidak ditemukan; muat ulang SKP.")
    return rhk


def _get_indikator(session: Session, indikator_id: int) -> Indikator:
    iki = session.get(Indikator, indikator_id)
    if iki is None:
        raise NotFound("Indikator tidak ditemukan; muat ulang SKP.")
    return iki


def _cek_versi(obj: Skp | RencanaHasilKerja | Indikator, versi: int | None) -> None:
    if versi is not None and obj.versi != versi:
        raise ConflictError(
            "Data ini telah diubah oleh pengguna lain sejak Anda membukanya. "
            "Muat ulang lalu ulangi perubahan Anda."
        )


def ringkas(skp: Skp, session: Session) -> SkpRingkas:
    snap = baca_snapshot(skp)
    pegawai_nama = (snap.pegawai or KOSONG).nama or _nama_pegawai(
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


# --- permissions -----------------------------------------------------------------------------


def _pemilik(actor: Actor, skp: Skp) -> bool:
    return actor.is_admin or (actor.pegawai_id is not None and actor.pegawai_id == skp.pegawai_id)


def _tanggal_acuan(skp: Skp) -> date:
    return min(max(date.today(), skp.mulai), skp.selesai)


def adalah_penilai_skp(session: Session, actor: Actor, skp: Skp) -> bool:
    """The SKP's penilai, or whoever acts as penilai now (PLT/PLH) within its period."""
    pid = actor.pegawai_id
    if pid is None:
        return False
    if pid == skp.penilai_id:
        return True
    if organisasi.penilai_pada(session, skp.pegawai_id, _tanggal_acuan(skp)) == pid:
        return True
    acting = session.scalar(
        select(PenugasanPenilai.id).where(
            PenugasanPenilai.pegawai_id == skp.pegawai_id,
            PenugasanPenilai.penilai_id == pid,
            PenugasanPenilai.jenis.in_(("PLT", "PLH")),
            PenugasanPenilai.mulai <= skp.selesai,
            or_(PenugasanPenilai.selesai.is_(None), PenugasanPenilai.selesai >= skp.mulai),
        )
    )
    return acting is not None and organisasi.adalah_penilai_dalam(
        session, pid, skp.pegawai_id, skp.mulai, skp.selesai
    )


def _wajib_pemilik(actor: Actor, skp: Skp) -> None:
    if not _pemilik(actor, skp):
        raise PermissionDenied(
            "Hanya pegawai pemilik SKP (atau operator kepegawaian atas namanya) yang dapat "
            "mengubah atau mengajukan SKP ini."
        )


def _wajib_dapat_diubah(actor: Actor, skp: Skp) -> None:
    _wajib_pemilik(actor, skp)
    if not skp.terkini:
        raise StateError(
            f"Ini revisi lama SKP ({'awal' if skp.revisi == 0 else f'revisi {skp.revisi}'}); "
            "revisi lama hanya dapat dibaca."
        )
    periksa_transisi(TRANSISI_SKP, "ubah", skp.status)


def _wajib_penilai(session: Session, actor: Actor, skp: Skp, tindakan: str) -> None:
    if not adalah_penilai_skp(session, actor, skp):
        raise PermissionDenied(f"Hanya pejabat penilai kinerja SKP ini yang dapat {tindakan}.")


def boleh_lihat_pegawai(session: Session, actor: Actor, pegawai_id: int) -> bool:
    """Admin, the pegawai himself, or anyone above him in the penilai chain (now or in an
    SKP of his)."""
    if actor.is_admin or actor.pegawai_id == pegawai_id:
        return True
    if actor.pegawai_id is None:
        return False
    hari = date.today()
    cursor: int | None = pegawai_id
    seen: set[int] = set()
    while cursor is not None and cursor not in seen:
        seen.add(cursor)
        cursor = organisasi.penilai_pada(session, cursor, hari)
        if cursor == actor.pegawai_id:
            return True
    return (
        session.scalar(
            select(Skp.id).where(Skp.pegawai_id == pegawai_id, Skp.penilai_id == actor.pegawai_id)
        )
        is not None
    )


def _wajib_lihat(session: Session, actor: Actor, pegawai_id: int) -> None:
    if not boleh_lihat_pegawai(session, actor, pegawai_id):
        raise PermissionDenied("Anda tidak berhak melihat SKP pegawai ini.")


def izin_skp(session: Session, actor: Actor, skp: Skp) -> IzinSkp:
    pemilik = _pemilik(actor, skp)
    penilai = adalah_penilai_skp(session, actor, skp)
    dapat_diubah = bool(skp.terkini) and boleh(TRANSISI_SKP, "ubah", skp.status)
    return IzinSkp(
        ubah=pemilik and dapat_diubah,
        ajukan=pemilik and dapat_diubah,
        tetapkan=penilai and bool(skp.terkini) and skp.status == DIAJUKAN,
        ekspektasi=penilai and bool(skp.terkini) and skp.status != DITETAPKAN,
        revisi=(pemilik or penilai) and bool(skp.terkini) and skp.status == DITETAPKAN,
        hapus=pemilik and bool(skp.terkini) and skp.status == DRAF,
    )


# --- snapshot and creation -------------------------------------------------------------------


def _instansi_bawaan(session: Session, unit_id: int) -> str:
    unit = session.get(UnitKerja, unit_id)
    seen: set[int] = set()
    while unit is not None and unit.induk_id is not None and unit.id not in seen:
        seen.add(unit.id)
        unit = session.get(UnitKerja, unit.induk_id)
    return unit.nama.upper() if unit is not None else ""


def buat_snapshot(session: Session, pegawai_id: int, penilai_id: int | None, tanggal: date) -> str:
    """Identity of pegawai, penilai and atasan penilai (at ``tanggal``) as of now, plus the
    office identity."""
    atasan_id = organisasi.penilai_pada(session, penilai_id, tanggal) if penilai_id else None
    peg = session.get(Pegawai, pegawai_id)
    instansi = baca_teks(session, KUNCI_INSTANSI) or (
        _instansi_bawaan(session, peg.unit_kerja_id) if peg is not None else ""
    )
    return identitas.ambil_snapshot(session, pegawai_id, penilai_id, atasan_id, instansi=instansi)


def _catat(
    session: Session, actor: Actor, skp: Skp, dari: str | None, ke: str, alasan: str | None = None
) -> None:
    session.add(
        RiwayatSkp(
            skp_id=skp.id,
            waktu=utcnow(),
            akun_id=actor.akun_id,
            nama_pengguna=actor.nama,
            dari_status=dari,
            ke_status=ke,
            alasan=alasan,
        )
    )


def _skp_tumpang_tindih(
    session: Session, pegawai_id: int, mulai: date, selesai: date, kecuali: int | None = None
) -> list[Skp]:
    stmt = select(Skp).where(
        Skp.pegawai_id == pegawai_id,
        Skp.terkini.is_(True),
        Skp.mulai <= selesai,
        Skp.selesai >= mulai,
    )
    if kecuali is not None:
        stmt = stmt.where(Skp.id != kecuali)
    return list(session.scalars(stmt.order_by(Skp.mulai)))


def buat_skp(
    session: Session,
    actor: Actor,
    pegawai_id: int,
    tahun: int,
    pendekatan: str = KUANTITATIF,
    mulai: date | None = None,
    selesai: date | None = None,
    *,
    akhiri_sebelumnya: bool = False,
    lampiran_bawaan: bool = True,
) -> SkpRingkas:
    """A new draft SKP for the period (default 1 January–31 December of ``tahun``).

    ``akhiri_sebelumnya``: when the pegawai moved mid-year, the SKP that started earlier is
    ended the day before ``mulai`` (its history says why); otherwise overlap is refused.
    """
    if not (actor.is_admin or actor.pegawai_id == pegawai_id):
        raise PermissionDenied(
            "Hanya pegawai yang bersangkutan atau operator kepegawaian yang dapat membuat SKP."
        )
    peg = session.get(Pegawai, pegawai_id)
    if peg is None:
        raise NotFound("Pegawai tidak ditemukan.")
    if not peg.aktif:
        raise StateError(f"{_nama_pegawai(peg)} tidak aktif; SKP tidak dapat dibuat.")
    if pendekatan not in PENDEKATAN:
        raise ValidationError("Pilih pendekatan Kuantitatif atau Kualitatif.", "Pendekatan")
    mulai = mulai or date(tahun, 1, 1)
    selesai = selesai or date(tahun, 12, 31)
    if mulai.year != tahun or selesai.year != tahun:
        raise ValidationError(f"Periode SKP harus berada di dalam tahun {tahun}.", "Periode")
    if selesai < mulai:
        raise ValidationError("Tanggal selesai harus sesudah tanggal mulai.", "Periode")
    penilai_id = organisasi.penilai_pada(session, pegawai_id, mulai)
    if penilai_id is None:
        raise ValidationError(
            f"{_nama_pegawai(peg)} belum memiliki pejabat penilai kinerja pada "
            f"{format_tanggal(mulai)}. Tetapkan dulu atasan langsungnya di menu Pegawai, lalu "
            "buat SKP lagi.",
            "Pejabat Penilai",
        )
    for lain in _skp_tumpang_tindih(session, pegawai_id, mulai, selesai):
        if akhiri_sebelumnya and lain.mulai < mulai:
            lama = lain.selesai
            lain.selesai = date.fromordinal(mulai.toordinal() - 1)
            _catat(
                session,
                actor,
                lain,
                lain.status,
                lain.status,
                f"Periode diakhiri {format_tanggal(lain.selesai)} (semula "
                f"{format_tanggal(lama)}) karena SKP baru mulai {format_tanggal(mulai)}.",
            )
            continue
        raise ValidationError(
            f"{_nama_pegawai(peg)} sudah memiliki SKP periode "
            f"{format_tanggal(lain.mulai)} – {format_tanggal(lain.selesai)} yang beririsan. "
            "Untuk pegawai yang pindah jabatan atau berganti penilai di tengah tahun, mulai SKP "
            "baru sesudah tanggal pindah dan pilih 'akhiri SKP sebelumnya'.",
            "Periode",
        )
    skp = Skp(
        pegawai_id=pegawai_id,
        penilai_id=penilai_id,
        tahun=tahun,
        mulai=mulai,
        selesai=selesai,
        pendekatan=pendekatan,
        varian=JPT if peg.jenis_jabatan == "JPT" else UMUM,
        status=DRAF,
        revisi=0,
        terkini=True,
        snapshot=buat_snapshot(session, pegawai_id, penilai_id, mulai),
    )
    session.add(skp)
    session.flush()
    for i, nilai in enumerate(BERAKHLAK):
        session.add(EkspektasiPerilaku(skp_id=skp.id, urutan=i, nilai=nilai.kode, ekspektasi=None))
    if lampiran_bawaan:
        for bagian in BAGIAN_LAMPIRAN:
            for i, teks in enumerate(LAMPIRAN_BAWAAN[bagian]):
                session.add(LampiranSkp(skp_id=skp.id, bagian=bagian, urutan=i, teks=teks))
    _catat(session, actor, skp, None, DRAF, "SKP dibuat")
    session.flush()
    return ringkas(skp, session)


def ubah_pendekatan(
    session: Session, actor: Actor, skp_id: int, pendekatan: str, versi: int | None = None
) -> SkpRingkas:
    skp = _get_skp(session, skp_id)
    _wajib_dapat_diubah(actor, skp)
    _cek_versi(skp, versi)
    if pendekatan not in PENDEKATAN:
        raise ValidationError("Pilih pendekatan Kuantitatif atau Kualitatif.", "Pendekatan")
    skp.pendekatan = pendekatan
    session.flush()
    return ringkas(skp, session)


def hapus_skp(session: Session, actor: Actor, skp_id: int) -> None:
    """Delete a draft (a draft revision brings the previous revision back as the current one)."""
    skp = _get_skp(session, skp_id)
    _wajib_pemilik(actor, skp)
    periksa_transisi(TRANSISI_SKP, "hapus", skp.status, syarat=bool(skp.terkini))
    milik = select(RencanaHasilKerja.id).where(RencanaHasilKerja.skp_id == skp.id)
    dipakai = session.scalar(
        select(RencanaHasilKerja.id)
        .where(RencanaHasilKerja.rhk_intervensi_id.in_(milik.scalar_subquery()))
        .limit(1)
    )
    if dipakai is not None:
        raise StateError("RHK SKP ini sudah diintervensi SKP bawahan; SKP tidak dapat dihapus.")
    if skp.revisi_dari_id:
        lama = session.get(Skp, skp.revisi_dari_id)
        if lama is not None:
            lama.terkini = True
    for r in session.scalars(select(RiwayatSkp).where(RiwayatSkp.skp_id == skp.id)):
        session.delete(r)
    session.delete(skp)
    session.flush()


# --- reading ---------------------------------------------------------------------------------


def daftar_skp(
    session: Session, actor: Actor, pegawai_id: int, tahun: int | None = None
) -> list[SkpRingkas]:
    """All SKP of a pegawai (every revision), newest period first, current revision first."""
    _wajib_lihat(session, actor, pegawai_id)
    stmt = select(Skp).where(Skp.pegawai_id == pegawai_id)
    if tahun is not None:
        stmt = stmt.where(Skp.tahun == tahun)
    stmt = stmt.order_by(Skp.tahun.desc(), Skp.mulai.desc(), Skp.revisi.desc())
    return [ringkas(s, session) for s in session.scalars(stmt)]


def skp_terkini(session: Session, pegawai_id: int, tahun: int) -> Skp | None:
    """The current revision of the pegawai's latest SKP of the year."""
    return session.scalar(
        select(Skp)
        .where(Skp.pegawai_id == pegawai_id, Skp.tahun == tahun, Skp.terkini.is_(True))
        .order_by(Skp.mulai.desc())
        .limit(1)
    )


def _uraian_intervensi(rhk: RencanaHasilKerja) -> str:
    if rhk.rhk_intervensi is not None:
        return rhk.rhk_intervensi.uraian
    return rhk.intervensi_teks or ""


def _indikator_row(i: Indikator) -> IndikatorRow:
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
                    _indikator_row(i) for i in sorted(r.indikator, key=lambda i: (i.urutan, i.id))
                ),
            )
        )
    return tuple(out)


def _muat_skp_lengkap(session: Session, skp_id: int) -> Skp:
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


def detail_skp(session: Session, actor: Actor, skp_id: int) -> SkpDetail:
    skp = _muat_skp_lengkap(session, skp_id)
    _wajib_lihat(session, actor, skp.pegawai_id)
    snap = baca_snapshot(skp)
    riwayat = tuple(
        RiwayatRow(r.waktu, r.nama_pengguna, r.dari_status, r.ke_status, r.alasan)
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
        stmt = select(Pegawai).where(Pegawai.aktif.is_(True))
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
        return [PegawaiPilihan(p.id, _nama_pegawai(p), p.nip, p.jabatan) for p in rows]
    if actor.pegawai_id is None:
        return []
    hari = date.today()
    ids: list[int] = [actor.pegawai_id]
    antrian = [actor.pegawai_id]
    while antrian and len(ids) < 2000:
        atas = antrian.pop(0)
        for b in organisasi.bawahan_pada(session, atas, hari):
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
    return [PegawaiPilihan(p.id, _nama_pegawai(p), p.nip, p.jabatan) for p in out]


# --- Rencana Hasil Kerja ---------------------------------------------------------------------


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
    skp = _get_skp(session, skp_id)
    _wajib_lihat(session, actor, skp.pegawai_id)
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
        nama = (baca_snapshot(skp).penilai or KOSONG).nama or _nama_pegawai(
            session.get(Pegawai, skp.penilai_id)
        )
        return PilihanIntervensi((), PESAN_TANPA_SKP_PIMPINAN.format(nama=nama))
    kandidat = []
    for atas in daftar:
        for r in rhk_rows(atas.rhk):
            huruf = "A" if r.jenis == UTAMA else "B"
            kandidat.append(KandidatRhk(r.id, f"{huruf}.{r.nomor} {r.uraian}", r.uraian))
    return PilihanIntervensi(tuple(kandidat), None)


def _cek_intervensi(session: Session, skp: Skp, rhk_intervensi_id: int | None) -> None:
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


def _uraian_wajib(uraian: str | None, kolom: str) -> str:
    teks = (uraian or "").strip()
    if not teks:
        raise ValidationError(f"{kolom} wajib diisi.", kolom)
    return teks


def _cek_perspektif(perspektif: str | None) -> str | None:
    if perspektif in (None, ""):
        return None
    if perspektif not in PERSPEKTIF:
        raise ValidationError(
            "Perspektif harus salah satu dari: " + ", ".join(PERSPEKTIF) + ".", "Perspektif"
        )
    return perspektif


def _row_rhk(session: Session, rhk: RencanaHasilKerja) -> RhkRow:
    session.flush()
    session.expire(rhk.skp, ["rhk"])
    for r in rhk_rows(rhk.skp.rhk):
        if r.id == rhk.id:
            return r
    raise NotFound("Rencana hasil kerja tidak ditemukan.")


def tambah_rhk(
    session: Session,
    actor: Actor,
    skp_id: int,
    uraian: str,
    jenis: str = UTAMA,
    rhk_intervensi_id: int | None = None,
    *,
    intervensi_teks: str | None = None,
    perspektif: str | None = None,
    penugasan_dari: str | None = None,
) -> RhkRow:
    skp = _get_skp(session, skp_id)
    _wajib_dapat_diubah(actor, skp)
    if jenis not in JENIS_RHK:
        raise ValidationError("Jenis RHK harus Utama atau Tambahan.", "Jenis")
    _cek_intervensi(session, skp, rhk_intervensi_id)
    urutan = 1 + max((r.urutan for r in skp.rhk if r.jenis == jenis), default=0)
    rhk = RencanaHasilKerja(
        skp_id=skp.id,
        jenis=jenis,
        urutan=urutan,
        uraian=_uraian_wajib(uraian, "Rencana Hasil Kerja"),
        rhk_intervensi_id=rhk_intervensi_id,
        intervensi_teks=(intervensi_teks or "").strip() or None,
        perspektif=_cek_perspektif(perspektif) if skp.varian == JPT else None,
        penugasan_dari=((penugasan_dari or "").strip() or None) if skp.varian == JPT else None,
    )
    session.add(rhk)
    skp.rhk.append(rhk)
    return _row_rhk(session, rhk)


def ubah_rhk(
    session: Session,
    actor: Actor,
    rhk_id: int,
    uraian: str,
    jenis: str | None = None,
    rhk_intervensi_id: int | None = None,
    *,
    intervensi_teks: str | None = None,
    perspektif: str | None = None,
    penugasan_dari: str | None = None,
    versi: int | None = None,
) -> RhkRow:
    rhk = _get_rhk(session, rhk_id)
    skp = rhk.skp
    _wajib_dapat_diubah(actor, skp)
    _cek_versi(rhk, versi)
    if rhk_intervensi_id != rhk.rhk_intervensi_id:
        _cek_intervensi(session, skp, rhk_intervensi_id)
    rhk.uraian = _uraian_wajib(uraian, "Rencana Hasil Kerja")
    if jenis and jenis != rhk.jenis:
        if jenis not in JENIS_RHK:
            raise ValidationError("Jenis RHK harus Utama atau Tambahan.", "Jenis")
        rhk.jenis = jenis
        rhk.urutan = 1 + max(
            (r.urutan for r in skp.rhk if r.jenis == jenis and r.id != rhk.id), default=0
        )
    rhk.rhk_intervensi_id = rhk_intervensi_id
    rhk.intervensi_teks = (intervensi_teks or "").strip() or None
    if skp.varian == JPT:
        rhk.perspektif = _cek_perspektif(perspektif)
        rhk.penugasan_dari = (penugasan_dari or "").strip() or None
    return _row_rhk(session, rhk)


def hapus_rhk(session: Session, actor: Actor, rhk_id: int) -> None:
    rhk = _get_rhk(session, rhk_id)
    skp = rhk.skp
    _wajib_dapat_diubah(actor, skp)
    dipakai = session.scalar(
        select(RencanaHasilKerja.id).where(RencanaHasilKerja.rhk_intervensi_id == rhk.id).limit(1)
    )
    if dipakai is not None:
        raise StateError("RHK ini sudah diintervensi oleh RHK bawahan dan tidak dapat dihapus.")
    skp.rhk.remove(rhk)
    session.flush()
    _rapikan_urutan(skp)
    session.flush()


def _rapikan_urutan(skp: Skp) -> None:
    for jenis in JENIS_RHK:
        for i, r in enumerate(
            sorted((r for r in skp.rhk if r.jenis == jenis), key=lambda r: (r.urutan, r.id)),
            start=1,
        ):
            if r.urutan != i:
                r.urutan = i


def pindah_rhk(session: Session, actor: Actor, rhk_id: int, arah: int) -> RhkRow:
    """Move an RHK up (arah=-1) or down (+1) within its group (Utama/Tambahan)."""
    rhk = _get_rhk(session, rhk_id)
    skp = rhk.skp
    _wajib_dapat_diubah(actor, skp)
    _rapikan_urutan(skp)
    grup = sorted((r for r in skp.rhk if r.jenis == rhk.jenis), key=lambda r: r.urutan)
    i = grup.index(rhk)
    j = i + (1 if arah > 0 else -1)
    if 0 <= j < len(grup):
        grup[i].urutan, grup[j].urutan = grup[j].urutan, grup[i].urutan
    return _row_rhk(session, rhk)


# --- Indikator Kinerja Individu --------------------------------------------------------------


def _isi_indikator(
    skp: Skp,
    iki: Indikator,
    uraian: str,
    aspek: str | None,
    target_nilai: object,
    target_satuan: str | None,
    target_narasi: str | None,
) -> None:
    iki.uraian = _uraian_wajib(
        uraian,
        "Indikator Kinerja Individu"
        if skp.pendekatan == KUANTITATIF
        else "Ukuran keberhasilan / indikator",
    )
    aspek = (aspek or "").strip().upper() or None
    if aspek is not None and aspek not in ASPEK:
        raise ValidationError("Aspek harus Kuantitas, Kualitas, Waktu, atau Biaya.", "Aspek")
    iki.aspek = None if skp.varian == JPT else aspek
    iki.target_nilai = parse_angka(target_nilai, "Target")
    iki.target_satuan = (target_satuan or "").strip() or None
    iki.target_narasi = (target_narasi or "").strip() or None


def tambah_indikator(
    session: Session,
    actor: Actor,
    rhk_id: int,
    uraian: str,
    aspek: str | None = None,
    target_nilai: object = None,
    target_satuan: str | None = None,
    target_narasi: str | None = None,
) -> IndikatorRow:
    rhk = _get_rhk(session, rhk_id)
    _wajib_dapat_diubah(actor, rhk.skp)
    iki = Indikator(rhk_id=rhk.id, urutan=1 + max((i.urutan for i in rhk.indikator), default=0))
    _isi_indikator(rhk.skp, iki, uraian, aspek, target_nilai, target_satuan, target_narasi)
    rhk.indikator.append(iki)
    session.flush()
    return _indikator_row(iki)


def ubah_indikator(
    session: Session,
    actor: Actor,
    indikator_id: int,
    uraian: str,
    aspek: str | None = None,
    target_nilai: object = None,
    target_satuan: str | None = None,
    target_narasi: str | None = None,
    *,
    versi: int | None = None,
) -> IndikatorRow:
    iki = _get_indikator(session, indikator_id)
    _wajib_dapat_diubah(actor, iki.rhk.skp)
    _cek_versi(iki, versi)
    _isi_indikator(iki.rhk.skp, iki, uraian, aspek, target_nilai, target_satuan, target_narasi)
    session.flush()
    return _indikator_row(iki)


def hapus_indikator(session: Session, actor: Actor, indikator_id: int) -> None:
    iki = _get_indikator(session, indikator_id)
    rhk = iki.rhk
    _wajib_dapat_diubah(actor, rhk.skp)
    rhk.indikator.remove(iki)
    session.flush()


def pindah_indikator(session: Session, actor: Actor, indikator_id: int, arah: int) -> None:
    iki = _get_indikator(session, indikator_id)
    rhk = iki.rhk
    _wajib_dapat_diubah(actor, rhk.skp)
    daftar = sorted(rhk.indikator, key=lambda i: (i.urutan, i.id))
    for n, item in enumerate(daftar, start=1):
        item.urutan = n
    i = daftar.index(iki)
    j = i + (1 if arah > 0 else -1)
    if 0 <= j < len(daftar):
        daftar[i].urutan, daftar[j].urutan = daftar[j].urutan, daftar[i].urutan
    session.flush()


# --- perilaku and lampiran -------------------------------------------------------------------


def ubah_ekspektasi(
    session: Session, actor: Actor, skp_id: int, kode_nilai: str, ekspektasi: str | None
) -> PerilakuRow:
    """Ekspektasi Khusus Pimpinan for one BerAKHLAK value: only the SKP's penilai."""
    skp = _get_skp(session, skp_id)
    _wajib_penilai(session, actor, skp, "mengisi ekspektasi khusus pimpinan")
    periksa_transisi(TRANSISI_SKP, "ubah_ekspektasi", skp.status, syarat=bool(skp.terkini))
    nilai = nilai_perilaku(kode_nilai)
    baris = next((e for e in skp.perilaku if e.nilai == kode_nilai), None)
    if baris is None:
        baris = EkspektasiPerilaku(skp_id=skp.id, urutan=BERAKHLAK.index(nilai), nilai=nilai.kode)
        skp.perilaku.append(baris)
    baris.ekspektasi = (ekspektasi or "").strip() or None
    session.flush()
    return PerilakuRow(baris.id, nilai.kode, nilai.nama, nilai.panduan, baris.ekspektasi or "")


def ubah_lampiran(
    session: Session, actor: Actor, skp_id: int, bagian: str, butir: list[str] | tuple[str, ...]
) -> tuple[str, ...]:
    """Replace one numbered list of the Lampiran (empty lines are dropped)."""
    skp = _get_skp(session, skp_id)
    _wajib_dapat_diubah(actor, skp)
    if bagian not in BAGIAN_LAMPIRAN:
        raise ValidationError("Bagian lampiran tidak dikenal.", "Lampiran")
    bersih = [" ".join(b.split()) for b in butir if b and b.strip()]
    for lama in [x for x in skp.lampiran if x.bagian == bagian]:
        skp.lampiran.remove(lama)
    for i, teks in enumerate(bersih):
        skp.lampiran.append(LampiranSkp(skp_id=skp.id, bagian=bagian, urutan=i, teks=teks))
    session.flush()
    return tuple(bersih)


# --- workflow --------------------------------------------------------------------------------


def kekurangan_skp(skp: Skp) -> list[str]:
    """What keeps the SKP from being submitted, in words the pegawai understands."""
    masalah: list[str] = []
    rows = rhk_rows(skp.rhk)
    if not any(r.jenis == UTAMA for r in rows):
        masalah.append("Belum ada Rencana Hasil Kerja Utama.")
    for r in rows:
        nama = f"RHK {'Utama' if r.jenis == UTAMA else 'Tambahan'} {r.nomor} «{_potong(r.uraian)}»"
        if not r.indikator:
            masalah.append(f"{nama} belum memiliki indikator kinerja individu.")
        if skp.varian == JPT and not r.perspektif:
            masalah.append(f"{nama} belum diberi perspektif.")
        for n, i in enumerate(r.indikator, start=1):
            nama_iki = f"indikator {n} pada {nama}"
            if skp.pendekatan == KUANTITATIF:
                if skp.varian != JPT and not i.aspek:
                    masalah.append(f"Aspek {nama_iki} belum dipilih.")
                if i.target_nilai is None:
                    masalah.append(f"Target {nama_iki} belum berupa angka.")
                elif not i.target_satuan:
                    masalah.append(f"Satuan target {nama_iki} belum diisi.")
    return masalah


def _potong(teks: str, n: int = 50) -> str:
    teks = " ".join(teks.split())
    return teks if len(teks) <= n else teks[: n - 1] + "…"


def ajukan_skp(session: Session, actor: Actor, skp_id: int, versi: int | None = None) -> SkpRingkas:
    skp = _get_skp(session, skp_id)
    _wajib_dapat_diubah(actor, skp)
    _cek_versi(skp, versi)
    masalah = kekurangan_skp(skp)
    if masalah:
        raise ValidationError("SKP belum dapat diajukan:\n• " + "\n• ".join(masalah), "Ajukan SKP")
    dari = skp.status
    skp.status = periksa_transisi(TRANSISI_SKP, "ajukan", dari)
    _catat(session, actor, skp, dari, skp.status, None)
    session.flush()
    return ringkas(skp, session)


def _wajib_diajukan(skp: Skp, aksi: str) -> StatusSkp:
    return periksa_transisi(TRANSISI_SKP, aksi, skp.status, syarat=bool(skp.terkini))


def tetapkan_skp(
    session: Session, actor: Actor, skp_id: int, versi: int | None = None
) -> SkpRingkas:
    skp = _get_skp(session, skp_id)
    _wajib_penilai(session, actor, skp, "menetapkan SKP")
    ke = _wajib_diajukan(skp, "tetapkan")
    _cek_versi(skp, versi)
    skp.status = ke
    skp.ditetapkan_pada = utcnow()
    _catat(session, actor, skp, DIAJUKAN, DITETAPKAN, None)
    session.flush()
    return ringkas(skp, session)


def kembalikan_skp(
    session: Session, actor: Actor, skp_id: int, alasan: str, versi: int | None = None
) -> SkpRingkas:
    skp = _get_skp(session, skp_id)
    _wajib_penilai(session, actor, skp, "mengembalikan SKP")
    ke = _wajib_diajukan(skp, "kembalikan")
    _cek_versi(skp, versi)
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError(
            "Tuliskan alasan pengembalian agar pegawai tahu apa yang harus diperbaiki.", "Alasan"
        )
    skp.status = ke
    _catat(session, actor, skp, DIAJUKAN, DIKEMBALIKAN, alasan)
    session.flush()
    return ringkas(skp, session)


def revisi_skp(
    session: Session, actor: Actor, skp_id: int, alasan: str, versi: int | None = None
) -> SkpRingkas:
    """A new draft revision of a ditetapkan SKP: same content, new snapshot; the old revision
    stays readable (terkini=False)."""
    lama = _muat_skp_lengkap(session, skp_id)
    if not (_pemilik(actor, lama) or adalah_penilai_skp(session, actor, lama)):
        raise PermissionDenied(
            "Hanya pegawai pemilik SKP, pejabat penilainya, atau operator kepegawaian yang dapat "
            "membuat revisi SKP."
        )
    periksa_transisi(TRANSISI_SKP, "revisi", lama.status, syarat=bool(lama.terkini))
    _cek_versi(lama, versi)
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError("Tuliskan alasan revisi SKP.", "Alasan")
    penilai_id = organisasi.penilai_pada(session, lama.pegawai_id, lama.mulai) or lama.penilai_id
    baru = Skp(
        pegawai_id=lama.pegawai_id,
        penilai_id=penilai_id,
        tahun=lama.tahun,
        mulai=lama.mulai,
        selesai=lama.selesai,
        pendekatan=lama.pendekatan,
        varian=lama.varian,
        status=DRAF,
        revisi=lama.revisi + 1,
        revisi_dari_id=lama.id,
        terkini=True,
        alasan_revisi=alasan,
        snapshot=buat_snapshot(session, lama.pegawai_id, penilai_id, lama.mulai),
    )
    lama.terkini = False
    session.add(baru)
    session.flush()
    salin_isi(session, lama, baru, pertahankan_link=True, salin_ekspektasi=True)
    _catat(
        session, actor, lama, DITETAPKAN, DITETAPKAN, f"Direvisi (revisi {baru.revisi}): {alasan}"
    )
    _catat(session, actor, baru, None, DRAF, f"Revisi {baru.revisi}: {alasan}")
    session.flush()
    return ringkas(baru, session)


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
        for i in sorted(r.indikator, key=lambda i: (i.urutan, i.id)):
            baru.indikator.append(
                Indikator(
                    urutan=i.urutan,
                    aspek=None if tujuan.varian == JPT else i.aspek,
                    uraian=i.uraian,
                    target_nilai=i.target_nilai,
                    target_satuan=i.target_satuan,
                    target_narasi=i.target_narasi,
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


def riwayat_revisi(session: Session, actor: Actor, skp_id: int) -> list[SkpRingkas]:
    """Every revision of the chain this SKP belongs to, newest first."""
    skp = _get_skp(session, skp_id)
    _wajib_lihat(session, actor, skp.pegawai_id)
    akar = skp
    while akar.revisi_dari_id:
        akar = _get_skp(session, akar.revisi_dari_id)
    out = [akar]
    frontier = [akar.id]
    while frontier:
        anak = list(session.scalars(select(Skp).where(Skp.revisi_dari_id.in_(frontier))))
        out += anak
        frontier = [a.id for a in anak]
    return [ringkas(s, session) for s in sorted(out, key=lambda s: -s.revisi)]


# Registers the SKP data builder for printout verification (services.dokumen) whenever SKP
# services are loaded; at the end of the module because skp_cetak imports this one.
from kinerja_desktop.services import skp_cetak as _skp_cetak  # noqa: E402, F401
