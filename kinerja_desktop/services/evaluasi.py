"""Evaluation (domain.md §5): ratings, predikat, finalise/reopen, organisation predikat,
distribution check and the data the printed evaluation forms show.

Who may do what (checked here, the UI only hides):
- rate / save / finalise: the pejabat penilai of the pegawai during the period (including an
  acting PLT/PLH), never an administrator;
- reopen a final evaluation: only its penilai (the one who finalised it), with a reason;
- set the Predikat Kinerja Organisasi of a unit: the leader one level up, i.e. the penilai of
  the unit's head (``Pegawai.kepala_unit``); an administrator cannot;
- read: the pegawai himself, his penilai, the atasan pejabat penilai and the administrator.

The predikat is always derived from the two ratings (the model's validator recomputes it on
every rating change), so it can never be stored out of step.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.base import utcnow
from kinerja_desktop.db.models import (
    BuktiDukung,
    EkspektasiPerilaku,
    Evaluasi,
    EvaluasiPerilaku,
    Indikator,
    Keberatan,
    Pegawai,
    PenugasanPenilai,
    Periode,
    PredikatOrganisasi,
    Realisasi,
    RencanaHasilKerja,
    RiwayatEvaluasi,
    Skp,
    UmpanBalik,
    UnitKerja,
)
from kinerja_desktop.domain.angka import format_angka, format_persen
from kinerja_desktop.domain.angka_kredit import (
    DESIMAL_AK,
    KOEFISIEN_TAHUNAN,
    PERSENTASE_PREDIKAT,
    hitung_angka_kredit,
)
from kinerja_desktop.domain.berakhlak import BERAKHLAK, nilai_perilaku
from kinerja_desktop.domain.distribusi import HasilDistribusi, periksa_distribusi, teks_aturan
from kinerja_desktop.domain.enums import JenisJabatan, JenjangFungsional
from kinerja_desktop.domain.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    StateError,
    ValidationError,
)
from kinerja_desktop.domain.identitas import Identitas, SnapshotIdentitas, json_cetak
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.periode import label_periode_cetak, periode_tahunan
from kinerja_desktop.domain.predikat import (
    Predikat,
    Rating,
    hitung_capaian,
    predikat_kinerja,
    saran_rating,
)
from kinerja_desktop.domain.predikat import PredikatOrganisasi as PredikatOrg
from kinerja_desktop.domain.status import (
    TRANSISI_EVALUASI,
    StatusEvaluasi,
    StatusKeberatan,
    StatusSkp,
    periksa_transisi,
)
from kinerja_desktop.domain.tanggal import format_rentang_periode
from kinerja_desktop.services import identitas, organisasi
from kinerja_desktop.services.dokumen import daftarkan_cetak, kode_cetak
from kinerja_desktop.services.pengaturan import (
    KUNCI_EMBLEM,
    KUNCI_INSTANSI,
    KUNCI_TEMPAT,
    baca_biner,
    baca_teks,
)
from kinerja_desktop.services.periode import PeriodeRow, get_periode, periode_row

# the states, their labels, colours and transitions are in domain/status.py
DRAF, FINAL = StatusEvaluasi.DRAF, StatusEvaluasi.FINAL
JENIS_CETAK_EVALUASI = "EVALUASI"
JENIS_CETAK_DOKUMEN = "DOKEVAL"
HARI_KEBERATAN = 14  # PP 30/2019 Pasal 59 [firm]

# [soft] For a unit head the organisation's achievement *is* his rating hasil kerja
# (domain.md §5). No regulation text maps the five organisation predikat onto the three
# ratings; we use: ISTIMEWA -> Di Atas, BAIK -> Sesuai, BUTUH PERBAIKAN / KURANG /
# SANGAT KURANG -> Di Bawah Ekspektasi.
RATING_KEPALA_UNIT: dict[PredikatOrg, Rating] = {
    PredikatOrg.ISTIMEWA: Rating.DI_ATAS,
    PredikatOrg.BAIK: Rating.SESUAI,
    PredikatOrg.BUTUH_PERBAIKAN: Rating.DI_BAWAH,
    PredikatOrg.KURANG: Rating.DI_BAWAH,
    PredikatOrg.SANGAT_KURANG: Rating.DI_BAWAH,
}

_TETAP: Any = object()  # "leave this field unchanged"


# --- rows -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class UmpanBalikRow:
    id: int
    penulis: str
    penulis_id: int
    teks: str
    waktu: datetime
    induk_id: int | None


@dataclass(frozen=True)
class BuktiRow:
    id: int
    jenis: str  # BERKAS / TAUTAN
    nama: str
    url: str | None
    sha256: str | None
    keterangan: str | None


@dataclass(frozen=True)
class IndikatorEvalRow:
    indikator_id: int
    aspek: str
    uraian: str
    target: str
    realisasi: str
    capaian: float | None
    bukti: tuple[BuktiRow, ...]
    umpan_balik: tuple[UmpanBalikRow, ...]

    @property
    def capaian_teks(self) -> str:
        return format_persen(self.capaian)


@dataclass(frozen=True)
class RhkEvalRow:
    rhk_id: int
    jenis: str  # UTAMA / TAMBAHAN
    nomor: int
    uraian: str
    intervensi: str
    perspektif: str
    indikator: tuple[IndikatorEvalRow, ...]


@dataclass(frozen=True)
class PerilakuEvalRow:
    kode: str
    nama: str
    panduan: tuple[str, ...]
    ekspektasi: str
    umpan_balik: str  # the penilai's feedback in this evaluation
    thread: tuple[UmpanBalikRow, ...]  # continuous feedback during the period


@dataclass(frozen=True)
class RiwayatRow:
    waktu: datetime
    nama_pengguna: str
    aksi: str
    alasan: str | None


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


@dataclass(frozen=True)
class EvaluasiDetail:
    evaluasi_id: int | None
    uuid: str | None
    versi: int
    pegawai_id: int
    pegawai: Identitas  # as the roster reads now
    penilai_id: int | None
    penilai_nama: str
    periode: PeriodeRow
    skp_id: int | None
    pendekatan: str
    hasil_kerja: tuple[RhkEvalRow, ...]
    perilaku: tuple[PerilakuEvalRow, ...]
    rating_hasil_kerja: str | None
    rating_perilaku: str | None
    predikat: str | None
    saran_rating: str | None
    rata_capaian: float | None
    catatan: str
    status: str  # BELUM / DRAF / FINAL
    difinalkan_pada: datetime | None
    kepala_unit: bool
    predikat_organisasi: str | None
    angka_kredit: str | None
    angka_kredit_keterangan: str
    riwayat: tuple[RiwayatRow, ...]
    keberatan: tuple[KeberatanRow, ...]
    boleh_menilai: bool
    boleh_buka_kembali: bool
    boleh_ajukan_keberatan: bool
    boleh_putus_keberatan: bool
    batas_keberatan: date | None
    pesan: str = ""  # why the evaluation cannot be started, if it cannot

    @property
    def final(self) -> bool:
        return self.status == FINAL

    @property
    def teks_saran(self) -> str:
        if self.kepala_unit:
            return "Kepala unit: rating hasil kerja mengikuti predikat kinerja organisasi."
        if self.saran_rating is None:
            return "Saran sistem: belum ada capaian yang dapat dihitung."
        rata = "-" if self.rata_capaian is None else format_angka(self.rata_capaian, 1)
        return (
            f"Saran sistem: {Rating(self.saran_rating).label} (rata-rata capaian {rata}%). "
            "Hanya saran; Anda yang memutuskan."
        )


@dataclass(frozen=True)
class DinilaiRow:
    pegawai_id: int
    nip: str
    nama: str
    jabatan: str
    unit_kerja: str
    status: str  # BELUM / DRAF / FINAL
    rating_hasil_kerja: str | None
    rating_perilaku: str | None
    predikat: str | None
    evaluasi_id: int | None
    keberatan: str | None  # DIAJUKAN / DIPUTUS
    periode_id: int | None = None
    periode_nama: str = ""


@dataclass(frozen=True)
class KelasBerlebih:
    aturan: str
    predikat: tuple[str, ...]
    pegawai: tuple[str, ...]  # "Nama (NIP)"


@dataclass(frozen=True)
class DistribusiUnit:
    unit_id: int
    unit_nama: str
    periode: PeriodeRow
    predikat_organisasi: str | None
    jumlah: dict[str, int]
    persen: dict[str, float]
    total_dinilai: int
    total_final: int
    total_pegawai: int
    hasil: HasilDistribusi | None
    aturan: tuple[str, ...]
    peringatan: tuple[str, ...]
    kelas_berlebih: tuple[KelasBerlebih, ...]
    kepala_unit: str | None
    boleh_menetapkan: bool
    ditetapkan_oleh: str | None = None
    sub_unit: bool = True

    @property
    def belum_dinilai(self) -> int:
        return max(0, self.total_pegawai - self.total_dinilai)


# --- small helpers --------------------------------------------------------------------------


def instansi(session: Session) -> str:
    teks = baca_teks(session, KUNCI_INSTANSI)
    if not teks:
        akar = session.scalar(
            select(UnitKerja.nama).where(UnitKerja.induk_id.is_(None)).order_by(UnitKerja.id)
        )
        teks = akar or ""
    return teks.upper()


def cari_periode(session: Session, tahun: int, kode: str) -> Periode:
    p = session.scalar(select(Periode).where(Periode.tahun == tahun, Periode.kode == kode.upper()))
    if p is None:
        ada = session.scalars(select(Periode.kode).where(Periode.tahun == tahun)).all()
        saran = f" Periode yang ada: {', '.join(ada)}." if ada else " Buat periode tahun itu dulu."
        raise NotFound(f"Periode {kode} tahun {tahun} tidak ada.{saran}")
    return p


def daftar_periode(session: Session, actor: Actor, tahun: int | None = None) -> list[PeriodeRow]:
    stmt = select(Periode).order_by(Periode.tahun.desc(), Periode.nomor)
    if tahun is not None:
        stmt = stmt.where(Periode.tahun == tahun)
    return [periode_row(p) for p in session.scalars(stmt)]


def daftar_tahun(session: Session, actor: Actor) -> list[int]:
    return list(
        session.scalars(select(Periode.tahun).distinct().order_by(Periode.tahun.desc())).all()
    )


def _pegawai(session: Session, pegawai_id: int) -> Pegawai:
    p = session.get(Pegawai, pegawai_id)
    if p is None:
        raise NotFound("Pegawai tidak ditemukan.")
    return p


def _nama(p: Pegawai | None) -> str:
    return nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang) if p else ""


def _get_evaluasi(session: Session, evaluasi_id: int, versi: int | None = None) -> Evaluasi:
    ev = session.get(Evaluasi, evaluasi_id)
    if ev is None:
        raise NotFound("Evaluasi tidak ditemukan.")
    if versi is not None and ev.versi != versi:
        raise ConflictError(
            "Evaluasi ini telah diubah oleh pengguna lain sejak Anda membukanya. "
            "Muat ulang lalu ulangi perubahan Anda."
        )
    return ev


def skp_untuk(session: Session, pegawai_id: int, tahun: int) -> Skp | None:
    """The pegawai's current SKP of the year (the latest revision)."""
    return session.scalar(
        select(Skp)
        .where(Skp.pegawai_id == pegawai_id, Skp.tahun == tahun)
        .order_by(Skp.terkini.desc(), Skp.revisi.desc(), Skp.id.desc())
        .limit(1)
    )


def adalah_penilai(session: Session, actor: Actor, pegawai_id: int, periode: Periode) -> bool:
    if actor.pegawai_id is None:
        return False
    return organisasi.adalah_penilai_dalam(
        session, actor.pegawai_id, pegawai_id, periode.mulai, periode.selesai
    )


def atasan_penilai_untuk(session: Session, ev: Evaluasi, periode: Periode) -> int | None:
    """The atasan pejabat penilai: the penilai of the evaluation's penilai at period end."""
    return organisasi.penilai_pada(session, ev.penilai_id, periode.selesai)


def _wajib_penilai(session: Session, actor: Actor, pegawai_id: int, periode: Periode) -> None:
    if not adalah_penilai(session, actor, pegawai_id, periode):
        raise PermissionDenied(
            "Hanya pejabat penilai kinerja pegawai ini pada periode tersebut (termasuk PLT/PLH) "
            "yang dapat menilai. Administrator tidak dapat mengisi penilaian."
        )


def _boleh_baca(
    session: Session, actor: Actor, pegawai_id: int, periode: Periode, ev: Evaluasi | None
) -> bool:
    if actor.is_admin or actor.pegawai_id == pegawai_id:
        return True
    if actor.pegawai_id is None:
        return False
    if adalah_penilai(session, actor, pegawai_id, periode):
        return True
    if ev is not None and actor.pegawai_id in (
        ev.penilai_id,
        atasan_penilai_untuk(session, ev, periode),
    ):
        return True
    penilai = organisasi.penilai_pada(session, pegawai_id, periode.selesai)
    return bool(
        penilai and organisasi.penilai_pada(session, penilai, periode.selesai) == actor.pegawai_id
    )


def _wajib_baca(
    session: Session, actor: Actor, pegawai_id: int, periode: Periode, ev: Evaluasi | None
) -> None:
    if not _boleh_baca(session, actor, pegawai_id, periode, ev):
        raise PermissionDenied("Anda tidak berhak melihat evaluasi pegawai ini.")


def _wajib_draf(ev: Evaluasi, aksi: str = "simpan") -> StatusEvaluasi:
    return periksa_transisi(TRANSISI_EVALUASI, aksi, ev.status)


def _riwayat(
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
            waktu=waktu or utcnow(),
        )
    )


def _predikat_org(session: Session, unit_id: int, periode_id: int) -> PredikatOrganisasi | None:
    return session.scalar(
        select(PredikatOrganisasi).where(
            PredikatOrganisasi.unit_kerja_id == unit_id,
            PredikatOrganisasi.periode_id == periode_id,
        )
    )


def rating_kepala_unit(session: Session, pegawai: Pegawai, periode_id: int) -> str | None:
    """For a unit head: the rating hasil kerja that follows the organisation's predikat."""
    row = _predikat_org(session, pegawai.unit_kerja_id, periode_id)
    return RATING_KEPALA_UNIT[PredikatOrg(row.predikat)].value if row else None


# --- snapshot -------------------------------------------------------------------------------


def _ambil_snapshot(session: Session, ev: Evaluasi, periode: Periode) -> None:
    """Identity blocks as they are now; frozen once the evaluation is final."""
    atasan = atasan_penilai_untuk(session, ev, periode)
    ev.snapshot = identitas.ambil_snapshot(
        session, ev.pegawai_id, ev.penilai_id, atasan, instansi=instansi(session)
    )


def snapshot(ev: Evaluasi) -> SnapshotIdentitas:
    return identitas.baca_snapshot(ev.snapshot)


# --- reading the screen data ----------------------------------------------------------------


def teks_target(ind: Indikator) -> str:
    if ind.target_nilai is not None:
        return f"{format_angka(ind.target_nilai)} {ind.target_satuan or ''}".strip()
    return ind.target_narasi or "-"


def _teks_realisasi(real: Realisasi | None, satuan: str | None) -> str:
    if real is None:
        return ""
    bagian = []
    if real.nilai is not None:
        bagian.append(f"{format_angka(real.nilai)} {satuan or ''}".strip())
    if real.narasi:
        bagian.append(real.narasi.strip())
    return "\n".join(bagian)


def _umpan_balik_rows(session: Session, rows: list[UmpanBalik]) -> tuple[UmpanBalikRow, ...]:
    ids = {r.penulis_id for r in rows}
    nama = (
        {p.id: _nama(p) for p in session.scalars(select(Pegawai).where(Pegawai.id.in_(ids)))}
        if ids
        else {}
    )
    return tuple(
        UmpanBalikRow(r.id, nama.get(r.penulis_id, "?"), r.penulis_id, r.teks, r.waktu, r.induk_id)
        for r in sorted(rows, key=lambda r: (r.waktu, r.id))
    )


def _umpan_balik_skp(
    session: Session, skp: Skp, periode: Periode
) -> tuple[list[UmpanBalik], dict[int, UmpanBalik]]:
    """All feedback of an SKP in a period (and undated), with each entry's thread root."""
    semua = list(
        session.scalars(
            select(UmpanBalik).where(
                UmpanBalik.skp_id == skp.id,
                or_(UmpanBalik.periode_id == periode.id, UmpanBalik.periode_id.is_(None)),
            )
        )
    )
    per_id = {u.id: u for u in semua}
    akar: dict[int, UmpanBalik] = {}
    for u in semua:
        a, langkah = u, 0
        while a.induk_id is not None and a.induk_id in per_id and langkah < 50:
            a, langkah = per_id[a.induk_id], langkah + 1
        akar[u.id] = a
    return semua, akar


def _hasil_kerja(
    session: Session, skp: Skp, periode: Periode
) -> tuple[tuple[RhkEvalRow, ...], list[float | None]]:
    rhk_list = session.scalars(
        select(RencanaHasilKerja)
        .where(RencanaHasilKerja.skp_id == skp.id)
        .order_by(RencanaHasilKerja.jenis.desc(), RencanaHasilKerja.urutan, RencanaHasilKerja.id)
    ).all()
    ind_ids = [i.id for r in rhk_list for i in r.indikator]
    realisasi = (
        {
            r.indikator_id: r
            for r in session.scalars(
                select(Realisasi).where(
                    Realisasi.indikator_id.in_(ind_ids), Realisasi.periode_id == periode.id
                )
            )
        }
        if ind_ids
        else {}
    )
    real_ids = [r.id for r in realisasi.values()]
    bukti: dict[int, list[BuktiRow]] = {}
    if real_ids:
        for b in session.scalars(
            select(BuktiDukung)
            .where(BuktiDukung.realisasi_id.in_(real_ids))
            .order_by(BuktiDukung.id)
        ):
            bukti.setdefault(b.realisasi_id, []).append(
                BuktiRow(b.id, b.jenis, b.nama, b.url, b.sha256, b.keterangan)
            )
    ub_semua, akar = _umpan_balik_skp(session, skp, periode)
    ub_rows = {r.id: r for r in _umpan_balik_rows(session, ub_semua)}
    per_ind: dict[int, list[UmpanBalikRow]] = {}
    per_rhk: dict[int, list[UmpanBalikRow]] = {}
    for u in ub_semua:
        a = akar[u.id]
        if a.indikator_id is not None:
            per_ind.setdefault(a.indikator_id, []).append(ub_rows[u.id])
        elif a.rhk_id is not None:
            per_rhk.setdefault(a.rhk_id, []).append(ub_rows[u.id])
    hasil: list[RhkEvalRow] = []
    capaian: list[float | None] = []
    nomor = {"UTAMA": 0, "TAMBAHAN": 0}
    for r in rhk_list:
        nomor[r.jenis] = nomor.get(r.jenis, 0) + 1
        indikator = []
        for i, ind in enumerate(r.indikator):
            real = realisasi.get(ind.id)
            cap = hitung_capaian(real.nilai if real else None, ind.target_nilai)
            capaian.append(cap)
            thread = per_ind.get(ind.id, [])
            if i == 0:
                thread = per_rhk.get(r.id, []) + thread
            indikator.append(
                IndikatorEvalRow(
                    ind.id,
                    (ind.aspek or "").title(),
                    ind.uraian,
                    teks_target(ind),
                    _teks_realisasi(real, ind.target_satuan),
                    cap,
                    tuple(bukti.get(real.id, [])) if real else (),
                    tuple(thread),
                )
            )
        hasil.append(
            RhkEvalRow(
                r.id,
                r.jenis,
                nomor[r.jenis],
                r.uraian,
                r.rhk_intervensi.uraian if r.rhk_intervensi else "",
                r.perspektif or "",
                tuple(indikator),
            )
        )
    return tuple(hasil), capaian


def _perilaku(
    session: Session, skp: Skp | None, periode: Periode, ev: Evaluasi | None
) -> tuple[PerilakuEvalRow, ...]:
    ekspektasi: dict[str, str] = {}
    thread: dict[str, list[UmpanBalik]] = {}
    if skp is not None:
        for e in session.scalars(
            select(EkspektasiPerilaku).where(EkspektasiPerilaku.skp_id == skp.id)
        ):
            ekspektasi[e.nilai] = e.ekspektasi or ""
        semua, akar = _umpan_balik_skp(session, skp, periode)
        for u in semua:
            a = akar[u.id]
            if a.nilai_perilaku and a.indikator_id is None and a.rhk_id is None:
                thread.setdefault(a.nilai_perilaku, []).append(u)
    umpan = {p.nilai: p.umpan_balik or "" for p in ev.perilaku} if ev is not None else {}
    return tuple(
        PerilakuEvalRow(
            n.kode,
            n.nama,
            n.panduan,
            ekspektasi.get(n.kode, ""),
            umpan.get(n.kode, ""),
            _umpan_balik_rows(session, thread.get(n.kode, [])),
        )
        for n in BERAKHLAK
    )


def angka_kredit_untuk(
    pegawai: Pegawai, predikat: str | None, periode: Periode
) -> tuple[str | None, str]:
    """(angka kredit "18,750" or None, explanation) for a Jabatan Fungsional."""
    if pegawai.jenis_jabatan != JenisJabatan.FUNGSIONAL.value or not pegawai.jenjang:
        return None, "Bukan jabatan fungsional."
    try:
        jenjang = JenjangFungsional(pegawai.jenjang)
    except ValueError:
        return None, f"Jenjang {pegawai.jenjang} tidak dikenal."
    if not predikat:
        return None, "Predikat belum ada."
    if periode.akhir:
        bulan = 12
        dasar = "predikat tahunan (periode akhir)"
    else:
        bulan = (
            (periode.selesai.year - periode.mulai.year) * 12
            + (periode.selesai.month - periode.mulai.month)
            + 1
        )
        dasar = f"periode {bulan} bulan"
    ak = hitung_angka_kredit(Predikat(predikat), jenjang, bulan)
    ket = (
        f"{PERSENTASE_PREDIKAT[Predikat(predikat)]}% × koefisien "
        f"{format_angka(KOEFISIEN_TAHUNAN[jenjang], 1)} ({jenjang.label})"
        + ("" if bulan == 12 else f" × {bulan}/12")
        + f"; {dasar}"
    )
    return format_angka(ak, DESIMAL_AK), ket


def _keberatan_rows(session: Session, ev: Evaluasi) -> tuple[KeberatanRow, ...]:
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
            pegawai_nama=_nama(p),
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
        _nama(pemutus) if pemutus else None,
        k.diputus_pada,
        k.versi,
        **extra,
    )


def batas_keberatan(ev: Evaluasi) -> date | None:
    if ev.status != FINAL or ev.difinalkan_pada is None:
        return None
    return ev.difinalkan_pada.date() + timedelta(days=HARI_KEBERATAN)


def _detail(
    session: Session,
    actor: Actor,
    pegawai: Pegawai,
    periode: Periode,
    ev: Evaluasi | None,
    skp: Skp | None,
    pesan: str = "",
    hari_ini: date | None = None,
) -> EvaluasiDetail:
    hari_ini = hari_ini or date.today()
    if skp is not None:
        hasil_kerja, capaian = _hasil_kerja(session, skp, periode)
    else:
        hasil_kerja, capaian = (), []
    terisi = [c for c in capaian if c is not None]
    org = _predikat_org(session, pegawai.unit_kerja_id, periode.id)
    penilai_id = (
        ev.penilai_id if ev else organisasi.penilai_pada(session, pegawai.id, periode.selesai)
    )
    penilai = session.get(Pegawai, penilai_id) if penilai_id else None
    keberatan = _keberatan_rows(session, ev) if ev is not None else ()
    diputus = any(k.status == StatusKeberatan.DIPUTUS for k in keberatan)
    tertunda = any(k.status == StatusKeberatan.DIAJUKAN for k in keberatan)
    batas = batas_keberatan(ev) if ev is not None else None
    is_penilai = adalah_penilai(session, actor, pegawai.id, periode)
    atasan = atasan_penilai_untuk(session, ev, periode) if ev is not None else None
    ak, ak_ket = angka_kredit_untuk(pegawai, ev.predikat if ev else None, periode)
    riwayat = ()
    if ev is not None:
        riwayat = tuple(
            RiwayatRow(r.waktu, r.nama_pengguna, r.aksi, r.alasan)
            for r in session.scalars(
                select(RiwayatEvaluasi)
                .where(RiwayatEvaluasi.evaluasi_id == ev.id)
                .order_by(RiwayatEvaluasi.id)
            )
        )
    detail = EvaluasiDetail(
        evaluasi_id=ev.id if ev else None,
        uuid=ev.uuid if ev else None,
        versi=ev.versi if ev else 0,
        pegawai_id=pegawai.id,
        pegawai=identitas.identitas_dari(pegawai),
        penilai_id=penilai_id,
        penilai_nama=_nama(penilai),
        periode=periode_row(periode),
        skp_id=skp.id if skp else None,
        pendekatan=skp.pendekatan if skp else "",
        hasil_kerja=hasil_kerja,
        perilaku=_perilaku(session, skp, periode, ev),
        rating_hasil_kerja=ev.rating_hasil_kerja if ev else None,
        rating_perilaku=ev.rating_perilaku if ev else None,
        predikat=ev.predikat if ev else None,
        saran_rating=(s.value if (s := saran_rating(capaian, *_batas_saran(session))) else None),
        rata_capaian=sum(terisi) / len(terisi) if terisi else None,
        catatan=(ev.catatan or "") if ev else "",
        status=ev.status if ev else StatusEvaluasi.BELUM,
        difinalkan_pada=ev.difinalkan_pada if ev else None,
        kepala_unit=pegawai.kepala_unit,
        predikat_organisasi=org.predikat if org else None,
        angka_kredit=ak,
        angka_kredit_keterangan=ak_ket,
        riwayat=riwayat,
        keberatan=keberatan,
        boleh_menilai=bool(is_penilai and (ev is None or ev.status == DRAF)),
        boleh_buka_kembali=bool(
            ev is not None
            and ev.status == FINAL
            and actor.pegawai_id == ev.penilai_id
            and not diputus
            and not tertunda
        ),
        boleh_ajukan_keberatan=bool(
            ev is not None
            and ev.status == FINAL
            and actor.pegawai_id == pegawai.id
            and not keberatan
            and batas is not None
            and hari_ini <= batas
        ),
        boleh_putus_keberatan=bool(
            tertunda and actor.pegawai_id is not None and actor.pegawai_id == atasan
        ),
        batas_keberatan=batas,
        pesan=pesan,
    )
    if _draf_tersembunyi(actor, pegawai.id, ev, is_penilai):
        detail = replace(
            detail,
            rating_hasil_kerja=None,
            rating_perilaku=None,
            predikat=None,
            catatan="",
            angka_kredit=None,
            angka_kredit_keterangan="Terlihat setelah evaluasi final.",
            perilaku=tuple(replace(p, umpan_balik="") for p in detail.perilaku),
            pesan=detail.pesan or PESAN_DRAF_PEGAWAI,
        )
    return detail


PESAN_DRAF_PEGAWAI = (
    "Evaluasi Anda masih draf: rating dan predikat dapat dilihat setelah pejabat penilai "
    "memfinalkannya."
)


def _draf_tersembunyi(actor: Actor, pegawai_id: int, ev: Evaluasi | None, is_penilai: bool) -> bool:
    """The pegawai himself does not see a draft's ratings (only the penilai, the atasan and the
    administrator do) until it is final."""
    return bool(
        ev is not None
        and ev.status != FINAL
        and actor.pegawai_id == pegawai_id
        and not is_penilai
        and not actor.is_admin
    )


def _batas_saran(session: Session) -> tuple[float, float]:
    try:
        atas = float(baca_teks(session, "saran_batas_atas") or "110")
        bawah = float(baca_teks(session, "saran_batas_bawah") or "80")
    except ValueError:
        return 110.0, 80.0
    return atas, bawah


def _ev_untuk(
    session: Session, skp: Skp | None, pegawai_id: int, periode_id: int
) -> Evaluasi | None:
    stmt = select(Evaluasi).where(
        Evaluasi.pegawai_id == pegawai_id, Evaluasi.periode_id == periode_id
    )
    if skp is not None:
        stmt = stmt.order_by((Evaluasi.skp_id == skp.id).desc())
    return session.scalars(stmt.limit(1)).first()


def buka_evaluasi(
    session: Session,
    actor: Actor,
    pegawai_id: int,
    periode_id: int,
    *,
    buat: bool = True,
    hari_ini: date | None = None,
) -> EvaluasiDetail:
    """Everything the evaluation screen shows. The penilai opening it for the first time
    starts a DRAF evaluation (when ``buat``); others only read."""
    pegawai = _pegawai(session, pegawai_id)
    periode = get_periode(session, periode_id)
    skp = skp_untuk(session, pegawai_id, periode.tahun)
    ev = _ev_untuk(session, skp, pegawai_id, periode_id)
    _wajib_baca(session, actor, pegawai_id, periode, ev)
    pesan = ""
    if ev is None and buat and adalah_penilai(session, actor, pegawai_id, periode):
        try:
            ev = _mulai(session, actor, pegawai, periode, skp)
        except StateError as exc:
            pesan = exc.pesan
    elif ev is None and skp is None:
        pesan = f"Pegawai ini belum memiliki SKP tahun {periode.tahun}."
    return _detail(session, actor, pegawai, periode, ev, skp, pesan, hari_ini)


def _mulai(
    session: Session,
    actor: Actor,
    pegawai: Pegawai,
    periode: Periode,
    skp: Skp | None,
    pada: datetime | None = None,
) -> Evaluasi:
    if skp is None:
        raise StateError(
            f"Pegawai ini belum memiliki SKP tahun {periode.tahun}. Evaluasi dimulai setelah "
            "SKP-nya dibuat dan ditetapkan."
        )
    if skp.status != StatusSkp.DITETAPKAN:
        raise StateError(
            f"SKP tahun {periode.tahun} pegawai ini belum ditetapkan (status {skp.status}). "
            "Tetapkan SKP-nya dulu, lalu mulai evaluasi."
        )
    ev = Evaluasi(
        skp_id=skp.id,
        periode_id=periode.id,
        pegawai_id=pegawai.id,
        penilai_id=actor.pegawai_id,
        status=DRAF,
    )
    for i, n in enumerate(BERAKHLAK):
        ev.perilaku.append(EvaluasiPerilaku(urutan=i, nilai=n.kode, umpan_balik=None))
    if pegawai.kepala_unit:
        ev.rating_hasil_kerja = rating_kepala_unit(session, pegawai, periode.id)
    session.add(ev)
    session.flush()
    _ambil_snapshot(session, ev, periode)
    _riwayat(session, actor, ev, "DIBUAT", None, pada)
    session.flush()
    return ev


def mulai_evaluasi(
    session: Session, actor: Actor, pegawai_id: int, periode_id: int, pada: datetime | None = None
) -> EvaluasiDetail:
    """Start (or return) the DRAF evaluation; refuses anyone but the penilai."""
    pegawai = _pegawai(session, pegawai_id)
    periode = get_periode(session, periode_id)
    _wajib_penilai(session, actor, pegawai_id, periode)
    skp = skp_untuk(session, pegawai_id, periode.tahun)
    ev = _ev_untuk(session, skp, pegawai_id, periode_id) or _mulai(
        session, actor, pegawai, periode, skp, pada
    )
    return _detail(session, actor, pegawai, periode, ev, skp)


def detail_evaluasi(
    session: Session, actor: Actor, evaluasi_id: int, hari_ini: date | None = None
) -> EvaluasiDetail:
    ev = _get_evaluasi(session, evaluasi_id)
    return buka_evaluasi(
        session, actor, ev.pegawai_id, ev.periode_id, buat=False, hari_ini=hari_ini
    )


# --- changing an evaluation -----------------------------------------------------------------


def _rating(value: str | Rating | None, kolom: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return Rating(value).value
    except ValueError:
        raise ValidationError(
            f"Rating {value!r} tidak dikenal: pilih Di Atas, Sesuai, atau Di Bawah Ekspektasi.",
            kolom,
        ) from None


def simpan_evaluasi(
    session: Session,
    actor: Actor,
    evaluasi_id: int,
    *,
    versi: int | None = None,
    rating_hasil_kerja: Any = _TETAP,
    rating_perilaku: Any = _TETAP,
    catatan: Any = _TETAP,
    umpan_balik_perilaku: dict[str, str] | None = None,
) -> EvaluasiDetail:
    """Save ratings, catatan and per-BerAKHLAK feedback of a DRAF evaluation. The predikat
    follows the ratings (matrix); a unit head's rating hasil kerja follows the organisation."""
    ev = _get_evaluasi(session, evaluasi_id, versi)
    periode = get_periode(session, ev.periode_id)
    _wajib_penilai(session, actor, ev.pegawai_id, periode)
    _wajib_draf(ev)
    pegawai = _pegawai(session, ev.pegawai_id)
    if rating_hasil_kerja is not _TETAP:
        baru = _rating(rating_hasil_kerja, "Rating Hasil Kerja")
        if pegawai.kepala_unit:
            ikut = rating_kepala_unit(session, pegawai, periode.id)
            if baru is not None and baru != ikut:
                raise ValidationError(
                    "Pegawai ini kepala unit: rating hasil kerjanya mengikuti predikat kinerja "
                    "organisasi "
                    + (
                        f"({Rating(ikut).label})."
                        if ikut
                        else "yang belum ditetapkan. Minta pimpinan satu tingkat di atasnya "
                        "menetapkan predikat organisasi dulu."
                    ),
                    "Rating Hasil Kerja",
                )
        ev.rating_hasil_kerja = baru
    elif pegawai.kepala_unit:
        ev.rating_hasil_kerja = rating_kepala_unit(session, pegawai, periode.id)
    if rating_perilaku is not _TETAP:
        ev.rating_perilaku = _rating(rating_perilaku, "Rating Perilaku Kerja")
    if catatan is not _TETAP:
        ev.catatan = (catatan or "").strip() or None
    if umpan_balik_perilaku:
        per_nilai = {p.nilai: p for p in ev.perilaku}
        for kode, teks in umpan_balik_perilaku.items():
            nilai_perilaku(kode)  # validates the kode
            row = per_nilai.get(kode)
            if row is None:
                row = EvaluasiPerilaku(urutan=[n.kode for n in BERAKHLAK].index(kode), nilai=kode)
                ev.perilaku.append(row)
            row.umpan_balik = (teks or "").strip() or None
    ev.penilai_id = actor.pegawai_id
    session.flush()
    return detail_evaluasi(session, actor, ev.id)


def finalkan_evaluasi(
    session: Session,
    actor: Actor,
    evaluasi_id: int,
    *,
    versi: int | None = None,
    pada: datetime | None = None,
) -> EvaluasiDetail:
    """Lock the evaluation: the two ratings must be set; the identity snapshot is frozen."""
    ev = _get_evaluasi(session, evaluasi_id, versi)
    periode = get_periode(session, ev.periode_id)
    _wajib_penilai(session, actor, ev.pegawai_id, periode)
    ke = _wajib_draf(ev, "finalkan")
    pegawai = _pegawai(session, ev.pegawai_id)
    if pegawai.kepala_unit:
        ikut = rating_kepala_unit(session, pegawai, periode.id)
        if ikut is None:
            raise StateError(
                "Pegawai ini kepala unit: predikat kinerja organisasi untuk periode ini belum "
                "ditetapkan oleh pimpinan satu tingkat di atasnya, sehingga rating hasil kerjanya "
                "belum dapat ditentukan."
            )
        ev.rating_hasil_kerja = ikut
    kurang = [
        n
        for n, v in (
            ("Rating Hasil Kerja", ev.rating_hasil_kerja),
            ("Rating Perilaku Kerja", ev.rating_perilaku),
        )
        if not v
    ]
    if kurang:
        raise ValidationError(
            f"{' dan '.join(kurang)} belum dipilih. Pilih keduanya sebelum memfinalkan.",
            kurang[0],
        )
    # the matrix once more: the predikat is never stored out of step
    ev.predikat = predikat_kinerja(Rating(ev.rating_hasil_kerja), Rating(ev.rating_perilaku)).value
    ev.penilai_id = actor.pegawai_id
    ev.status = ke
    ev.difinalkan_pada = pada or utcnow()
    _ambil_snapshot(session, ev, periode)
    _riwayat(session, actor, ev, FINAL, None, ev.difinalkan_pada)
    session.flush()
    return detail_evaluasi(session, actor, ev.id)


def simpan_dan_finalkan_evaluasi(
    session: Session,
    actor: Actor,
    evaluasi_id: int,
    *,
    versi: int | None = None,
    pada: datetime | None = None,
    **perubahan: Any,
) -> EvaluasiDetail:
    """Save the edits not yet saved (the keywords of :func:`simpan_evaluasi`) and finalise, in
    the caller's one transaction: when finalising is refused the edits are not kept either."""
    tersimpan = simpan_evaluasi(session, actor, evaluasi_id, versi=versi, **perubahan)
    return finalkan_evaluasi(session, actor, evaluasi_id, versi=tersimpan.versi, pada=pada)


def buka_kembali_evaluasi(
    session: Session,
    actor: Actor,
    evaluasi_id: int,
    alasan: str,
    *,
    versi: int | None = None,
    pada: datetime | None = None,
) -> EvaluasiDetail:
    """Reopen a FINAL evaluation (only its penilai, with a reason; recorded)."""
    ev = _get_evaluasi(session, evaluasi_id, versi)
    ke = periksa_transisi(TRANSISI_EVALUASI, "buka_kembali", ev.status)
    if actor.pegawai_id is None or actor.pegawai_id != ev.penilai_id:
        raise PermissionDenied(
            "Hanya pejabat penilai yang memfinalkan evaluasi ini yang dapat membukanya kembali."
        )
    alasan = (alasan or "").strip()
    if len(alasan) < 5:
        raise ValidationError(
            "Tuliskan alasan membuka kembali evaluasi (minimal 5 huruf).", "Alasan"
        )
    status_keberatan = set(
        session.scalars(select(Keberatan.status).where(Keberatan.evaluasi_id == ev.id))
    )
    if StatusKeberatan.DIPUTUS in status_keberatan:
        raise StateError(
            "Keberatan atas evaluasi ini sudah diputus oleh atasan pejabat penilai; keputusan "
            "itu final sehingga evaluasi tidak dapat dibuka kembali."
        )
    if StatusKeberatan.DIAJUKAN in status_keberatan:
        raise StateError(
            "Pegawai sedang mengajukan keberatan atas evaluasi ini; tunggu keputusan atasan "
            "pejabat penilai."
        )
    ev.status = ke
    ev.difinalkan_pada = None
    _riwayat(session, actor, ev, "DIBUKA", alasan, pada)
    session.flush()
    return detail_evaluasi(session, actor, ev.id)


# --- lists ----------------------------------------------------------------------------------


def daftar_dinilai(session: Session, actor: Actor, periode_id: int) -> list[DinilaiRow]:
    """The pegawai the actor rates in the period (incl. as PLT/PLH), with their status."""
    periode = get_periode(session, periode_id)
    if actor.pegawai_id is None:
        return []
    kandidat = session.scalars(
        select(PenugasanPenilai.pegawai_id)
        .where(
            PenugasanPenilai.penilai_id == actor.pegawai_id,
            PenugasanPenilai.mulai <= periode.selesai,
            or_(PenugasanPenilai.selesai.is_(None), PenugasanPenilai.selesai >= periode.mulai),
        )
        .distinct()
    ).all()
    ids = [
        pid
        for pid in kandidat
        if organisasi.adalah_penilai_dalam(
            session, actor.pegawai_id, pid, periode.mulai, periode.selesai
        )
    ]
    return _dinilai_rows(session, ids, periode)


def _dinilai_rows(session: Session, ids: list[int], periode: Periode) -> list[DinilaiRow]:
    if not ids:
        return []
    kb = (
        select(Keberatan.evaluasi_id, func.max(Keberatan.status).label("status"))
        .group_by(Keberatan.evaluasi_id)
        .subquery()
    )
    rows = session.execute(
        select(Pegawai, UnitKerja.nama, Evaluasi, kb.c.status)
        .join(UnitKerja, UnitKerja.id == Pegawai.unit_kerja_id)
        .outerjoin(
            Evaluasi,
            and_(Evaluasi.pegawai_id == Pegawai.id, Evaluasi.periode_id == periode.id),
        )
        .outerjoin(kb, kb.c.evaluasi_id == Evaluasi.id)
        .where(Pegawai.id.in_(ids))
        .order_by(Pegawai.nama)
    ).all()
    return [
        DinilaiRow(
            p.id,
            p.nip,
            _nama(p),
            p.jabatan,
            unit_nama,
            ev.status if ev else StatusEvaluasi.BELUM,
            ev.rating_hasil_kerja if ev else None,
            ev.rating_perilaku if ev else None,
            ev.predikat if ev else None,
            ev.id if ev else None,
            kb_status,
            periode.id,
            periode.nama,
        )
        for p, unit_nama, ev, kb_status in rows
    ]


def daftar_evaluasi_saya(session: Session, actor: Actor, tahun: int) -> list[DinilaiRow]:
    """The actor's own evaluations in a year, one row per period."""
    if actor.pegawai_id is None:
        return []
    out = []
    for periode in session.scalars(
        select(Periode).where(Periode.tahun == tahun).order_by(Periode.nomor)
    ):
        out += _dinilai_rows(session, [actor.pegawai_id], periode)
    if actor.is_admin:
        return out
    return [
        r
        if r.status != DRAF
        else replace(r, rating_hasil_kerja=None, rating_perilaku=None, predikat=None)
        for r in out
    ]


# --- organisation predikat and distribution -------------------------------------------------


def kepala_unit(session: Session, unit_id: int) -> Pegawai | None:
    return session.scalar(
        select(Pegawai)
        .where(
            Pegawai.unit_kerja_id == unit_id, Pegawai.kepala_unit.is_(True), Pegawai.aktif.is_(True)
        )
        .order_by(Pegawai.id)
        .limit(1)
    )


def boleh_menetapkan_predikat_org(
    session: Session, actor: Actor, unit_id: int, periode: Periode
) -> bool:
    kepala = kepala_unit(session, unit_id)
    return bool(kepala and adalah_penilai(session, actor, kepala.id, periode))


def tetapkan_predikat_organisasi(
    session: Session, actor: Actor, unit_id: int, periode_id: int, predikat: str
) -> DistribusiUnit:
    """Set the Predikat Kinerja Organisasi of a unit for a period: only the leader one level
    up (the penilai of the unit head) may. A unit head's DRAF evaluation follows it."""
    periode = get_periode(session, periode_id)
    unit = session.get(UnitKerja, unit_id)
    if unit is None:
        raise NotFound("Unit kerja tidak ditemukan.")
    try:
        nilai = PredikatOrg(predikat).value
    except ValueError:
        raise ValidationError(
            "Predikat organisasi harus Istimewa, Baik, Butuh Perbaikan, Kurang, atau Sangat "
            "Kurang.",
            "Predikat Organisasi",
        ) from None
    kepala = kepala_unit(session, unit_id)
    if kepala is None:
        raise StateError(
            f"Unit {unit.nama} belum memiliki kepala unit. Tandai kepala unitnya di data pegawai; "
            "predikat organisasi ditetapkan oleh atasan kepala unit tersebut."
        )
    if not adalah_penilai(session, actor, kepala.id, periode):
        raise PermissionDenied(
            "Predikat kinerja organisasi ditetapkan oleh pimpinan satu tingkat di atas unit ini "
            f"(pejabat penilai {_nama(kepala)}). Administrator tidak dapat menetapkannya."
        )
    row = _predikat_org(session, unit_id, periode_id)
    if row is None:
        row = PredikatOrganisasi(unit_kerja_id=unit_id, periode_id=periode_id, predikat=nilai)
        session.add(row)
    row.predikat = nilai
    row.ditetapkan_oleh_id = actor.pegawai_id
    session.flush()
    # the unit head's rating hasil kerja follows the organisation (only while still DRAF)
    for ev in session.scalars(
        select(Evaluasi).where(
            Evaluasi.pegawai_id == kepala.id,
            Evaluasi.periode_id == periode_id,
            Evaluasi.status == DRAF,
        )
    ):
        ev.rating_hasil_kerja = RATING_KEPALA_UNIT[PredikatOrg(nilai)].value
    session.flush()
    return distribusi_unit(session, actor, unit_id, periode_id)


def predikat_organisasi(session: Session, unit_id: int, periode_id: int) -> str | None:
    row = _predikat_org(session, unit_id, periode_id)
    return row.predikat if row else None


def _unit_ids(session: Session, unit_id: int, sub_unit: bool) -> list[int]:
    return organisasi.sub_unit_ids(session, unit_id) if sub_unit else [unit_id]


def _boleh_lihat_unit(session: Session, actor: Actor, unit_id: int, periode: Periode) -> bool:
    """Admin; the head of the unit or of a unit above it; or the leader one level up."""
    if actor.is_admin:
        return True
    if actor.pegawai_id is None:
        return False
    cursor: int | None = unit_id
    while cursor is not None:
        kepala = kepala_unit(session, cursor)
        if kepala is not None and (
            kepala.id == actor.pegawai_id or adalah_penilai(session, actor, kepala.id, periode)
        ):
            return True
        unit = session.get(UnitKerja, cursor)
        cursor = unit.induk_id if unit else None
    return False


def distribusi_unit(
    session: Session, actor: Actor, unit_id: int, periode_id: int, *, sub_unit: bool = True
) -> DistribusiUnit:
    """Counts and percentages of employee predikat in a unit (aggregate SQL), checked against
    the SE 3/2023 rule of the organisation's predikat. Warns; never blocks."""
    periode = get_periode(session, periode_id)
    unit = session.get(UnitKerja, unit_id)
    if unit is None:
        raise NotFound("Unit kerja tidak ditemukan.")
    if not _boleh_lihat_unit(session, actor, unit_id, periode):
        raise PermissionDenied(
            "Distribusi predikat unit hanya untuk administrator, kepala unit, dan pimpinan di "
            "atasnya."
        )
    ids = _unit_ids(session, unit_id, sub_unit)
    dalam_unit = (
        Pegawai.unit_kerja_id.in_(ids) if len(ids) > 1 else (Pegawai.unit_kerja_id == unit_id)
    )
    rows = session.execute(
        select(
            Evaluasi.predikat,
            func.count(Evaluasi.id),
            func.sum(case((Evaluasi.status == FINAL, 1), else_=0)),
        )
        .join(Pegawai, Pegawai.id == Evaluasi.pegawai_id)
        .where(Evaluasi.periode_id == periode_id, dalam_unit, Evaluasi.predikat.is_not(None))
        .group_by(Evaluasi.predikat)
    ).all()
    jumlah = {p.value: 0 for p in Predikat}
    total_final = 0
    for pred, n, n_final in rows:
        jumlah[pred] = int(n)
        total_final += int(n_final or 0)
    total = sum(jumlah.values())
    total_pegawai = (
        session.scalar(
            select(func.count(Pegawai.id)).where(
                dalam_unit, Pegawai.aktif.is_(True), Pegawai.bebas_tugas.is_(False)
            )
        )
        or 0
    )
    persen = {k: (v * 100.0 / total if total else 0.0) for k, v in jumlah.items()}
    org_row = _predikat_org(session, unit_id, periode_id)
    org = org_row.predikat if org_row else None
    hasil = None
    peringatan: list[str] = []
    berlebih: list[KelasBerlebih] = []
    aturan: tuple[str, ...] = ()
    if org is not None:
        hasil = periksa_distribusi(PredikatOrg(org), {Predikat(k): v for k, v in jumlah.items()})
        aturan = tuple(teks_aturan(PredikatOrg(org)))
        for a in hasil.pelanggaran:
            peringatan.append(f"Tidak sesuai aturan: {a.uraian}.")
            if "paling banyak" in a.teks.lower() or "tidak ada" in a.teks.lower():
                nama = session.execute(
                    select(Pegawai.gelar_depan, Pegawai.nama, Pegawai.gelar_belakang, Pegawai.nip)
                    .join(Evaluasi, Evaluasi.pegawai_id == Pegawai.id)
                    .where(
                        Evaluasi.periode_id == periode_id,
                        dalam_unit,
                        Evaluasi.predikat.in_([p.value for p in a.predikat]),
                    )
                    .order_by(Pegawai.nama)
                    .limit(200)
                ).all()
                berlebih.append(
                    KelasBerlebih(
                        a.teks,
                        tuple(p.value for p in a.predikat),
                        tuple(
                            f"{nama_lengkap(d, n, b)} ({format_nip(nip)})" for d, n, b, nip in nama
                        ),
                    )
                )
    kepala = kepala_unit(session, unit_id)
    penetap = (
        session.get(Pegawai, org_row.ditetapkan_oleh_id)
        if (org_row and org_row.ditetapkan_oleh_id)
        else None
    )
    return DistribusiUnit(
        unit_id=unit_id,
        unit_nama=unit.nama,
        periode=periode_row(periode),
        predikat_organisasi=org,
        jumlah=jumlah,
        persen=persen,
        total_dinilai=total,
        total_final=total_final,
        total_pegawai=int(total_pegawai),
        hasil=hasil,
        aturan=aturan,
        peringatan=tuple(peringatan),
        kelas_berlebih=tuple(berlebih),
        kepala_unit=_nama(kepala) if kepala else None,
        boleh_menetapkan=boleh_menetapkan_predikat_org(session, actor, unit_id, periode),
        ditetapkan_oleh=_nama(penetap) if penetap else None,
        sub_unit=sub_unit,
    )


# --- printed data (the verification register rebuilds these) -------------------------------


def _label_periode(periode: Periode) -> dict[str, Any]:
    items = label_periode_cetak(periode.jenis)
    awalan = ""
    pertama = items[0]
    if " " in pertama:
        awalan, items[0] = pertama.rsplit(" ", 1)[0] + " ", pertama.rsplit(" ", 1)[1]
    if periode.akhir:
        mulai, selesai = periode_tahunan(periode.tahun)
    else:
        mulai, selesai = periode.mulai, periode.selesai
    nomor = min(max(periode.nomor, 1), len(items))
    return {
        "kode": periode.kode,
        "nama": periode.nama,
        "tahun": periode.tahun,
        "awalan": awalan,
        "pilihan": items,
        "terpilih": items[nomor - 1],
        "rentang": format_rentang_periode(mulai, selesai),
    }


def _tanggal_cetak(ev: Evaluasi, periode: Periode) -> date:
    return (
        ev.difinalkan_pada.date()
        if ev.status == FINAL and ev.difinalkan_pada
        else (periode.selesai)
    )


def _keberatan_cetak(session: Session, ev: Evaluasi) -> dict[str, Any] | None:
    k = session.scalar(
        select(Keberatan)
        .where(Keberatan.evaluasi_id == ev.id, Keberatan.status == StatusKeberatan.DIPUTUS)
        .order_by(Keberatan.id.desc())
        .limit(1)
    )
    if k is None:
        return None
    return {
        "keputusan": k.keputusan,
        "tanggal": k.diputus_pada.date().isoformat() if k.diputus_pada else None,
        "catatan": k.catatan_keputusan or "",
    }


def data_cetak_evaluasi(session: Session, evaluasi_uuid: str) -> dict[str, Any] | None:
    """All that the Evaluasi Kinerja Pegawai form (forms.md §2) prints."""
    ev = session.scalar(select(Evaluasi).where(Evaluasi.uuid == evaluasi_uuid))
    if ev is None:
        return None
    periode = get_periode(session, ev.periode_id)
    skp = session.get(Skp, ev.skp_id)
    pegawai = _pegawai(session, ev.pegawai_id)
    snap = snapshot(ev)
    hasil_kerja, _ = _hasil_kerja(session, skp, periode)
    perilaku = _perilaku(session, skp, periode, ev)
    penilai_ids = {ev.penilai_id}
    return {
        "status": ev.status,
        "periode": _label_periode(periode),
        "instansi": snap.instansi or instansi(session),
        "tempat": snap.tempat or baca_teks(session, KUNCI_TEMPAT),
        "tanggal": _tanggal_cetak(ev, periode).isoformat(),
        "pendekatan": skp.pendekatan or "KUANTITATIF",
        "varian": skp.varian or "UMUM",
        "pegawai": json_cetak(snap.pegawai),
        "penilai": json_cetak(snap.penilai),
        "predikat_organisasi": predikat_organisasi(session, pegawai.unit_kerja_id, periode.id),
        "hasil_kerja": [
            {
                "jenis": r.jenis,
                "uraian": r.uraian,
                "intervensi": r.intervensi,
                "perspektif": r.perspektif,
                "indikator": [
                    {
                        "aspek": i.aspek,
                        "uraian": i.uraian,
                        "target": i.target,
                        "realisasi": i.realisasi,
                        "bukti": len(i.bukti),
                        "umpan_balik": [
                            u.teks for u in i.umpan_balik if u.penulis_id in penilai_ids
                        ],
                    }
                    for i in r.indikator
                ],
            }
            for r in hasil_kerja
        ],
        "rating_hasil_kerja": ev.rating_hasil_kerja,
        "perilaku": [
            {"kode": p.kode, "ekspektasi": p.ekspektasi, "umpan_balik": p.umpan_balik}
            for p in perilaku
        ],
        "rating_perilaku": ev.rating_perilaku,
        "predikat": ev.predikat,
        "keberatan": _keberatan_cetak(session, ev),
    }


def data_cetak_dokumen(session: Session, evaluasi_uuid: str) -> dict[str, Any] | None:
    """All that the Dokumen Evaluasi Kinerja Pegawai (forms.md §3) prints."""
    ev = session.scalar(select(Evaluasi).where(Evaluasi.uuid == evaluasi_uuid))
    if ev is None:
        return None
    periode = get_periode(session, ev.periode_id)
    pegawai = _pegawai(session, ev.pegawai_id)
    snap = snapshot(ev)
    return {
        "status": ev.status,
        "periode": _label_periode(periode),
        "instansi": snap.instansi or instansi(session),
        "tempat": snap.tempat or baca_teks(session, KUNCI_TEMPAT),
        "tanggal": _tanggal_cetak(ev, periode).isoformat(),
        "pegawai": json_cetak(snap.pegawai),
        "penilai": json_cetak(snap.penilai),
        "atasan_penilai": json_cetak(snap.atasan_penilai),
        "predikat_organisasi": predikat_organisasi(session, pegawai.unit_kerja_id, periode.id),
        "predikat": ev.predikat,
        "catatan": ev.catatan or "",
        "keberatan": _keberatan_cetak(session, ev),
    }


@dataclass(frozen=True)
class CetakanSiap:
    """The data to print plus the codes for its footer (registered for verification)."""

    jenis: str
    data: dict[str, Any]
    kode_dokumen: str
    kode_verifikasi: str
    nama_berkas: str = ""
    emblem: bytes | None = field(default=None, repr=False)

    @property
    def draf(self) -> bool:
        return self.data.get("status") != FINAL


def siapkan_cetak(
    session: Session, actor: Actor, evaluasi_id: int, jenis: str = JENIS_CETAK_EVALUASI
) -> CetakanSiap:
    """Build and register the data of one printout (both forms are per evaluation)."""
    ev = _get_evaluasi(session, evaluasi_id)
    periode = get_periode(session, ev.periode_id)
    _wajib_baca(session, actor, ev.pegawai_id, periode, ev)
    if _draf_tersembunyi(
        actor, ev.pegawai_id, ev, adalah_penilai(session, actor, ev.pegawai_id, periode)
    ):
        raise PermissionDenied(PESAN_DRAF_PEGAWAI)
    return siapkan_cetak_tanpa_cek(session, ev, jenis)


def siapkan_cetak_tanpa_cek(
    session: Session, ev: Evaluasi, jenis: str, *, catat: bool = True
) -> CetakanSiap:
    """``catat=False`` only computes the codes: a batch worker reads, its parent records."""
    penyusun = data_cetak_evaluasi if jenis == JENIS_CETAK_EVALUASI else data_cetak_dokumen
    data = penyusun(session, ev.uuid)
    assert data is not None
    if catat:
        kode = daftarkan_cetak(session, jenis, ev.uuid, data)
    else:
        kode = kode_cetak(jenis, ev.uuid, data)
    emblem = None
    if jenis == JENIS_CETAK_DOKUMEN:
        emblem = baca_biner(session, KUNCI_EMBLEM)
    pegawai = session.get(Pegawai, ev.pegawai_id)
    periode = session.get(Periode, ev.periode_id)
    awalan = "Evaluasi" if jenis == JENIS_CETAK_EVALUASI else "DokumenEvaluasi"
    nama = f"{awalan}_{pegawai.nip}_{periode.tahun}_{periode.kode}.pdf"
    return CetakanSiap(jenis, data, kode.kode_dokumen, kode.kode_verifikasi, nama, emblem)


def cetak_evaluasi_pegawai(
    session: Session,
    actor: Actor,
    pegawai_id: int,
    periode_id: int,
    jenis: str = JENIS_CETAK_EVALUASI,
) -> CetakanSiap:
    periode = get_periode(session, periode_id)
    ev = _ev_untuk(session, skp_untuk(session, pegawai_id, periode.tahun), pegawai_id, periode_id)
    if ev is None:
        p = _pegawai(session, pegawai_id)
        raise NotFound(
            f"{_nama(p)} belum dievaluasi untuk {periode.nama} {periode.tahun}; belum ada yang "
            "dapat dicetak."
        )
    return siapkan_cetak(session, actor, ev.id, jenis)


def pegawai_per_nip(session: Session, nip: str) -> Pegawai:
    from kinerja_desktop.domain.nip import normalize_nip

    p = session.scalar(select(Pegawai).where(Pegawai.nip == normalize_nip(nip)))
    if p is None:
        raise NotFound(f"Pegawai dengan NIP {nip} tidak ditemukan.")
    return p


_POLA_KODE_DOK = r"([A-Z][A-Z0-9]*-[0-9A-F]{8})"
_POLA_KODE_VER = r"([0-9A-F]{4}-?[0-9A-F]{4}-?[0-9A-F]{4})"


def urai_kode(teks: str) -> list[tuple[str, str]]:
    """(kode_dokumen, kode_verifikasi) pairs typed by a user or read from a QR code:
    "EVALUASI-1A2B3C4D ABCD-EF01-2345", "KINERJA:EVALUASI-1A2B3C4D:ABCD-EF01-2345", or the
    footer line "Dokumen: … · Kode verifikasi: …"."""
    import re

    bersih = (teks or "").upper()
    hasil: list[tuple[str, str]] = []
    for m in re.finditer(
        _POLA_KODE_DOK + r"[\s:·,;/|]*(?:KODE\s+VERIFIKASI:\s*)?" + _POLA_KODE_VER, bersih
    ):
        ver = m.group(2).replace("-", "")
        pasangan = (m.group(1), f"{ver[0:4]}-{ver[4:8]}-{ver[8:12]}")
        if pasangan not in hasil:
            hasil.append(pasangan)
    return hasil
