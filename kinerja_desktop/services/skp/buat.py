"""Creating an SKP (one pegawai or a whole unit), its identity snapshot, changing the
pendekatan and deleting a draft; every change of state is recorded in the SKP's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.base import utcnow
from kinerja_desktop.db.models import (
    EkspektasiPerilaku,
    LampiranSkp,
    Pegawai,
    RencanaHasilKerja,
    RiwayatSkp,
    Skp,
    UnitKerja,
)
from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.errors import NotFound, PermissionDenied, StateError, ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.status import TRANSISI_SKP, periksa_transisi
from kinerja_desktop.domain.tanggal import format_tanggal
from kinerja_desktop.services import identitas, organisasi
from kinerja_desktop.services.akses import wajib_admin
from kinerja_desktop.services.pejabat_luar import PESAN_LUAR
from kinerja_desktop.services.pengaturan import KUNCI_INSTANSI, baca_teks
from kinerja_desktop.services.skp.baris import (
    SkpRingkas,
    ambil_skp,
    cek_versi,
    nama_pegawai,
    ringkas,
)
from kinerja_desktop.services.skp.izin import wajib_dapat_diubah, wajib_pemilik
from kinerja_desktop.services.skp.kosakata import (
    BAGIAN_LAMPIRAN,
    DRAF,
    KUANTITATIF,
    LAMPIRAN_BAWAAN,
    PENDEKATAN,
    varian_untuk,
)


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
    return identitas.ambil_snapshot(
        session, pegawai_id, penilai_id, atasan_id, instansi=instansi, masa=(tanggal, tanggal)
    )


def catat_riwayat(
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
    if peg.luar:
        raise StateError(PESAN_LUAR.format(nama=nama_pegawai(peg)))
    if not peg.aktif:
        raise StateError(f"{nama_pegawai(peg)} tidak aktif; SKP tidak dapat dibuat.")
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
            f"{nama_pegawai(peg)} belum memiliki pejabat penilai kinerja pada "
            f"{format_tanggal(mulai)}. Tetapkan dulu atasan langsungnya di menu Pegawai, lalu "
            "buat SKP lagi.",
            "Pejabat Penilai",
        )
    for lain in _skp_tumpang_tindih(session, pegawai_id, mulai, selesai):
        if akhiri_sebelumnya and lain.mulai < mulai:
            lama = lain.selesai
            lain.selesai = date.fromordinal(mulai.toordinal() - 1)
            catat_riwayat(
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
            f"{nama_pegawai(peg)} sudah memiliki SKP periode "
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
        varian=varian_untuk(peg.jenis_jabatan, peg.pimpinan_unit_mandiri),
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
    catat_riwayat(session, actor, skp, None, DRAF, "SKP dibuat")
    session.flush()
    return ringkas(skp, session)


def ubah_pendekatan(
    session: Session, actor: Actor, skp_id: int, pendekatan: str, versi: int | None = None
) -> SkpRingkas:
    skp = ambil_skp(session, skp_id)
    wajib_dapat_diubah(actor, skp)
    cek_versi(skp, versi)
    if pendekatan not in PENDEKATAN:
        raise ValidationError("Pilih pendekatan Kuantitatif atau Kualitatif.", "Pendekatan")
    skp.pendekatan = pendekatan
    session.flush()
    return ringkas(skp, session)


def hapus_skp(session: Session, actor: Actor, skp_id: int) -> None:
    """Delete a draft (a draft revision brings the previous revision back as the current one)."""
    skp = ambil_skp(session, skp_id)
    wajib_pemilik(actor, skp)
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


# --- bulk creation per unit ---


@dataclass(frozen=True)
class HasilBuatMassal:
    dibuat: int
    sudah_ada: int
    tanpa_penilai: tuple[str, ...]  # names of pegawai skipped because they have no penilai

    @property
    def pesan(self) -> str:
        teks = f"{self.dibuat} SKP dibuat, {self.sudah_ada} pegawai sudah memiliki SKP"
        if self.tanpa_penilai:
            teks += (
                f", {len(self.tanpa_penilai)} dilewati karena belum memiliki pejabat penilai ("
                + ", ".join(self.tanpa_penilai[:5])
                + (", …" if len(self.tanpa_penilai) > 5 else "")
                + ")"
            )
        return teks + "."


def buat_skp_unit(
    session: Session,
    actor: Actor,
    unit_id: int,
    tahun: int,
    pendekatan: str = KUANTITATIF,
    *,
    termasuk_sub_unit: bool = True,
) -> HasilBuatMassal:
    """Draft SKPs (1 January–31 December) for every active pegawai of the unit who has none
    for that year yet. Operators only."""
    wajib_admin(actor)
    unit_ids = organisasi.sub_unit_ids(session, unit_id) if termasuk_sub_unit else [unit_id]
    pegawai = list(
        session.scalars(
            select(Pegawai)
            .where(
                Pegawai.unit_kerja_id.in_(unit_ids),
                Pegawai.aktif.is_(True),
                Pegawai.bebas_tugas.is_(False),  # away for now: no SKP duty
            )
            .order_by(Pegawai.nama_cari)
        )
    )
    punya = set(
        session.scalars(
            select(Skp.pegawai_id).where(
                Skp.tahun == tahun, Skp.pegawai_id.in_([p.id for p in pegawai])
            )
        )
    )
    dibuat, ada, tanpa = 0, 0, []
    for p in pegawai:
        if p.id in punya:
            ada += 1
            continue
        if organisasi.penilai_pada(session, p.id, date(tahun, 1, 1)) is None:
            tanpa.append(nama_pegawai(p))
            continue
        buat_skp(session, actor, p.id, tahun, pendekatan)
        dibuat += 1
    return HasilBuatMassal(dibuat, ada, tuple(tanpa))
