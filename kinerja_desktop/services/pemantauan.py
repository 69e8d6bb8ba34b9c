"""Pelaksanaan and pemantauan: rencana aksi, realisasi per IKI per period, daily progress, and
the atasan's monitoring board.

Only the pegawai himself (or the operator on his behalf) writes his monitoring data; his
pejabat penilai reads it. Once the evaluation of a period is FINAL, that period's realisasi,
rencana aksi and evidence are locked.

Read functions (``realisasi_skp``, ``halaman_pemantauan``, ``papan_pemantauan``) use a few
aggregate queries so they stay fast on a large office; the evaluation screens reuse them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import case, exists, func, or_, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.base import utcnow
from kinerja_desktop.db.models import (
    BuktiDukung,
    Evaluasi,
    Indikator,
    Pegawai,
    PenugasanPenilai,
    Periode,
    ProgresHarian,
    Realisasi,
    RencanaAksi,
    RencanaHasilKerja,
    Skp,
)
from kinerja_desktop.domain.angka import format_angka, parse_angka
from kinerja_desktop.domain.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    StateError,
    ValidationError,
)
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.predikat import hitung_capaian
from kinerja_desktop.domain.status import (
    TRANSISI_REALISASI,
    StatusEvaluasi,
    StatusRealisasi,
    periksa_transisi,
)
from kinerja_desktop.services.akses import wajib_diri_sendiri_atau_admin
from kinerja_desktop.services.periode import (
    PeriodeRow,
    get_periode,
    pastikan_periode,
    periode_berjalan,
    periode_row,
)

# --------------------------------------------------------------------------- statuses

# the states, their labels, colours and transitions are in domain/status.py
BELUM = StatusRealisasi.BELUM  # an IKI without realisasi
DRAF, DIAJUKAN, DINILAI = StatusRealisasi.DRAF, StatusRealisasi.DIAJUKAN, StatusRealisasi.DINILAI
TANPA_SKP, BELUM_MULAI = StatusRealisasi.TANPA_SKP, StatusRealisasi.BELUM_MULAI


def _hari(hari_ini: date | None) -> date:
    return hari_ini or date.today()


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class PesanRingkas:
    """One message of a feedback thread (see services/umpan_balik.py)."""

    id: int
    induk_id: int | None
    penulis_id: int
    penulis_nama: str
    peran: str  # "Pejabat Penilai" / "Pegawai" / other
    teks: str
    waktu: datetime


@dataclass(frozen=True)
class UtasRingkas:
    id: int  # the first message
    sasaran: str  # IKI / RHK / PERILAKU
    indikator_id: int | None
    rhk_id: int | None
    nilai_perilaku: str | None
    periode_id: int | None
    pesan: tuple[PesanRingkas, ...]

    @property
    def terakhir(self) -> PesanRingkas:
        return self.pesan[-1]


@dataclass(frozen=True)
class BarisRealisasi:
    """One IKI of an SKP in one period, with its realisasi (if any)."""

    rhk_id: int
    rhk_kode: str  # "1", "2", "T1" (tambahan)
    rhk_jenis: str
    rhk_uraian: str
    indikator_id: int
    indikator_kode: str  # "1.1"
    aspek: str | None
    indikator_uraian: str
    target_nilai: float | None
    target_satuan: str | None
    target_narasi: str | None
    realisasi_id: int | None
    nilai: float | None
    narasi: str | None
    status: str  # BELUM / DRAF / DIAJUKAN / DINILAI
    terlambat: bool
    diisi_pada: datetime | None
    versi: int | None
    capaian: float | None
    jumlah_bukti: int
    umpan_balik: tuple[UtasRingkas, ...] = ()

    @property
    def kualitatif(self) -> bool:
        return self.target_nilai is None

    @property
    def target_label(self) -> str:
        if self.target_nilai is None:
            return self.target_narasi or "-"
        return f"{format_angka(self.target_nilai)} {self.target_satuan or ''}".strip()

    @property
    def realisasi_label(self) -> str:
        if self.kualitatif:
            return self.narasi or ""
        if self.nilai is None:
            return ""
        return f"{format_angka(self.nilai)} {self.target_satuan or ''}".strip()

    @property
    def terisi(self) -> bool:
        return self.realisasi_id is not None


@dataclass(frozen=True)
class RencanaAksiRow:
    id: int
    rhk_id: int
    periode_id: int
    urutan: int
    uraian: str
    versi: int


@dataclass(frozen=True)
class RealisasiRow:
    id: int
    indikator_id: int
    periode_id: int
    nilai: float | None
    narasi: str | None
    status: str
    terlambat: bool
    capaian: float | None
    versi: int


@dataclass(frozen=True)
class HalamanPemantauan:
    """What the Pemantauan page shows for one pegawai, year and period."""

    pegawai_id: int
    pegawai_nama: str
    pegawai_nip: str
    tahun: int
    periode: tuple[PeriodeRow, ...]
    periode_aktif: PeriodeRow | None
    skp_id: int | None
    skp_status: str | None
    baris: tuple[BarisRealisasi, ...]
    rencana_aksi: tuple[RencanaAksiRow, ...]
    status: str  # TANPA_SKP / BELUM_MULAI / DRAF / DIAJUKAN / DINILAI
    terkunci: bool  # evaluation of this period is FINAL
    boleh_ubah: bool  # the acting user may write (self or admin) and it is not locked
    lewat_batas: bool  # today is after the batas pengisian

    @property
    def jumlah_terisi(self) -> int:
        return sum(1 for b in self.baris if b.terisi)


@dataclass(frozen=True)
class ProgresRow:
    id: int
    pegawai_id: int
    tanggal: date
    uraian: str
    rhk_id: int | None
    rhk_kode: str | None
    rencana_aksi_id: int | None
    indikator_id: int | None
    indikator_kode: str | None
    kuantitas: float | None
    satuan: str | None
    terlambat: bool
    jumlah_bukti: int
    versi: int


@dataclass
class EntriProgres:
    """Input of one daily progress line (the week grid makes many)."""

    tanggal: date
    uraian: str
    rhk_id: int | None = None
    rencana_aksi_id: int | None = None
    indikator_id: int | None = None
    kuantitas: float | None = None
    satuan: str | None = None
    id: int | None = None  # to change an existing entry


@dataclass(frozen=True)
class SaranRealisasi:
    indikator_id: int
    periode_id: int
    jumlah: float
    entri: int
    satuan: str | None


@dataclass(frozen=True)
class PilihanPegawai:
    id: int
    nama: str
    nip: str
    hubungan: str  # "Saya sendiri" / "Bawahan" / "Pegawai"

    @property
    def label(self) -> str:
        return f"{self.nama} — {format_nip(self.nip)}" + (
            " (saya)" if self.hubungan == "Saya sendiri" else ""
        )


@dataclass(frozen=True)
class PapanSel:
    periode_id: int
    status: str
    terisi: int
    jumlah_iki: int
    terlambat: int
    bukti: int

    @property
    def label(self) -> str:
        return StatusRealisasi(self.status).label


@dataclass(frozen=True)
class PapanBaris:
    pegawai_id: int
    nama: str
    nip: str
    jabatan: str
    unit_kerja: str
    skp_id: int | None
    sel: tuple[PapanSel, ...]


@dataclass(frozen=True)
class PapanPemantauan:
    tahun: int
    periode: tuple[PeriodeRow, ...]
    baris: tuple[PapanBaris, ...]
    judul: str = ""
    ringkasan: dict[str, dict[str, int]] = field(default_factory=dict)  # kode -> status -> n


@dataclass(frozen=True)
class BelumMengisiRow:
    pegawai_id: int
    nama: str
    nip: str
    jabatan: str
    unit_kerja: str
    status: str
    terisi: int
    jumlah_iki: int

    @property
    def status_label(self) -> str:
        return StatusRealisasi(self.status).label


# --------------------------------------------------------------------------- access


def cek_boleh_baca(session: Session, actor: Actor, pegawai_id: int) -> None:
    """Self, the operator, or someone who is (or was) the pegawai's pejabat penilai."""
    if actor.is_admin or (actor.pegawai_id is not None and actor.pegawai_id == pegawai_id):
        return
    if actor.pegawai_id is not None and session.scalar(
        select(
            or_(
                exists().where(Skp.pegawai_id == pegawai_id, Skp.penilai_id == actor.pegawai_id),
                exists().where(
                    PenugasanPenilai.pegawai_id == pegawai_id,
                    PenugasanPenilai.penilai_id == actor.pegawai_id,
                ),
            )
        )
    ):
        return
    raise PermissionDenied(
        "Anda hanya dapat melihat data pemantauan Anda sendiri atau pegawai yang Anda nilai."
    )


def cek_boleh_ubah(actor: Actor, pegawai_id: int) -> None:
    try:
        wajib_diri_sendiri_atau_admin(actor, pegawai_id)
    except PermissionDenied:
        raise PermissionDenied(
            "Realisasi, rencana aksi, dan progres harian hanya diisi oleh pegawai yang "
            "bersangkutan (atau operator atas namanya). Pejabat penilai dapat membaca dan "
            "memberi umpan balik."
        ) from None


def evaluasi_final(session: Session, skp_id: int, periode_id: int) -> bool:
    return bool(
        session.scalar(
            select(
                exists().where(
                    Evaluasi.skp_id == skp_id,
                    Evaluasi.periode_id == periode_id,
                    Evaluasi.status == StatusEvaluasi.FINAL,
                )
            )
        )
    )


def _cek_tidak_final(session: Session, skp_id: int, periode: Periode) -> None:
    if evaluasi_final(session, skp_id, periode.id):
        raise StateError(
            f"Evaluasi {periode.nama} {periode.tahun} sudah final; data periode itu tidak dapat "
            "diubah lagi. Bila ada kekeliruan, minta pejabat penilai membuka kembali evaluasinya."
        )


# --------------------------------------------------------------------------- SKP structure


def skp_untuk(session: Session, pegawai_id: int, tahun: int) -> Skp | None:
    """The pegawai's current SKP of a year (the newest revision; the latest if several)."""
    return session.scalars(
        select(Skp)
        .where(Skp.pegawai_id == pegawai_id, Skp.tahun == tahun, Skp.terkini.is_(True))
        .order_by(Skp.mulai.desc(), Skp.id.desc())
        .limit(1)
    ).first()


@dataclass(frozen=True)
class _Iki:
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


def struktur_skp(session: Session, skp_id: int) -> list[_Iki]:
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
    hasil: list[_Iki] = []
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
            _Iki(rid, kode_rhk[rid], jenis, r_uraian, iid, ik, aspek, i_uraian, tn, ts, tnar)
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


def _skp_dari_indikator(session: Session, indikator_id: int) -> tuple[Indikator, Skp]:
    ind = session.get(Indikator, indikator_id)
    if ind is None:
        raise NotFound("Indikator kinerja tidak ditemukan; SKP mungkin sudah diubah. Muat ulang.")
    rhk = session.get(RencanaHasilKerja, ind.rhk_id)
    return ind, session.get(Skp, rhk.skp_id)


def _cek_periode_skp(periode: Periode, skp: Skp) -> None:
    if periode.tahun != skp.tahun:
        raise ValidationError(
            f"Periode {periode.nama} {periode.tahun} bukan periode SKP tahun {skp.tahun}.",
            "Periode",
        )


# --------------------------------------------------------------------------- realisasi


def _status_periode(baris: Sequence[BarisRealisasi], final: bool) -> str:
    if final:
        return DINILAI
    iki = [b for b in baris]
    terisi = [b for b in iki if b.terisi]
    if not terisi:
        return BELUM_MULAI
    if any(b.status == DINILAI for b in terisi):
        return DINILAI
    if len(terisi) >= len(iki) and all(b.status == DIAJUKAN for b in terisi):
        return DIAJUKAN
    return DRAF


def realisasi_skp(
    session: Session,
    actor: Actor,
    skp_id: int,
    periode_id: int,
    *,
    dengan_umpan_balik: bool = True,
) -> list[BarisRealisasi]:
    """Every IKI of an SKP with target, realisasi, capaian, evidence count and the feedback
    threads on it (reused by the evaluation screens)."""
    skp = session.get(Skp, skp_id)
    if skp is None:
        raise NotFound("SKP tidak ditemukan.")
    cek_boleh_baca(session, actor, skp.pegawai_id)
    return _realisasi_skp(session, skp_id, periode_id, dengan_umpan_balik)


def _realisasi_skp(
    session: Session, skp_id: int, periode_id: int, dengan_umpan_balik: bool
) -> list[BarisRealisasi]:
    struktur = [s for s in struktur_skp(session, skp_id) if s.indikator_id is not None]
    ids = [s.indikator_id for s in struktur]
    real: dict[int, Realisasi] = {}
    bukti: dict[int, int] = {}
    if ids:
        real = {
            r.indikator_id: r
            for r in session.scalars(
                select(Realisasi).where(
                    Realisasi.indikator_id.in_(ids), Realisasi.periode_id == periode_id
                )
            )
        }
        rids = [r.id for r in real.values()]
        if rids:
            bukti = {
                int(a): int(n)
                for a, n in session.execute(
                    select(BuktiDukung.realisasi_id, func.count())
                    .where(BuktiDukung.realisasi_id.in_(rids))
                    .group_by(BuktiDukung.realisasi_id)
                )
            }
    utas: dict[int, list[UtasRingkas]] = defaultdict(list)
    if dengan_umpan_balik:
        from kinerja_desktop.services.umpan_balik import utas_skp

        for u in utas_skp(session, skp_id, periode_id):
            if u.indikator_id is not None:
                utas[u.indikator_id].append(u)
    final = evaluasi_final(session, skp_id, periode_id)
    hasil = []
    for s in struktur:
        r = real.get(s.indikator_id)
        hasil.append(
            BarisRealisasi(
                rhk_id=s.rhk_id,
                rhk_kode=s.rhk_kode,
                rhk_jenis=s.rhk_jenis,
                rhk_uraian=s.rhk_uraian,
                indikator_id=s.indikator_id,
                indikator_kode=s.indikator_kode or "",
                aspek=s.aspek,
                indikator_uraian=s.uraian or "",
                target_nilai=s.target_nilai,
                target_satuan=s.target_satuan,
                target_narasi=s.target_narasi,
                realisasi_id=r.id if r else None,
                nilai=r.nilai if r else None,
                narasi=r.narasi if r else None,
                status=(DINILAI if final else r.status) if r else BELUM,
                terlambat=bool(r.terlambat) if r else False,
                diisi_pada=r.diisi_pada if r else None,
                versi=r.versi if r else None,
                capaian=hitung_capaian(r.nilai, s.target_nilai) if r else None,
                jumlah_bukti=bukti.get(r.id, 0) if r else 0,
                umpan_balik=tuple(utas.get(s.indikator_id, ())),
            )
        )
    return hasil


def halaman_pemantauan(
    session: Session,
    actor: Actor,
    pegawai_id: int,
    tahun: int,
    periode_id: int | None = None,
    *,
    hari_ini: date | None = None,
) -> HalamanPemantauan:
    """One pegawai's monitoring page for a year and period (default: the running period)."""
    cek_boleh_baca(session, actor, pegawai_id)
    hari = _hari(hari_ini)
    peg = session.get(Pegawai, pegawai_id)
    if peg is None:
        raise NotFound("Pegawai tidak ditemukan.")
    periode = pastikan_periode(session, tahun)
    aktif = next((p for p in periode if p.id == periode_id), None) or periode_berjalan(
        periode, hari
    )
    skp = skp_untuk(session, pegawai_id, tahun)
    baris: list[BarisRealisasi] = []
    ra: list[RencanaAksiRow] = []
    final = False
    if skp is not None and aktif is not None:
        baris = _realisasi_skp(session, skp.id, aktif.id, True)
        ra = _rencana_aksi(session, skp.id, aktif.id)
        final = evaluasi_final(session, skp.id, aktif.id)
    status = TANPA_SKP if skp is None else _status_periode(baris, final)
    boleh = skp is not None and not final and (actor.is_admin or actor.pegawai_id == pegawai_id)
    return HalamanPemantauan(
        pegawai_id=pegawai_id,
        pegawai_nama=nama_lengkap(peg.gelar_depan, peg.nama, peg.gelar_belakang),
        pegawai_nip=peg.nip,
        tahun=tahun,
        periode=tuple(periode),
        periode_aktif=aktif,
        skp_id=skp.id if skp else None,
        skp_status=skp.status if skp else None,
        baris=tuple(baris),
        rencana_aksi=tuple(ra),
        status=status,
        terkunci=final,
        boleh_ubah=boleh,
        lewat_batas=bool(aktif and aktif.terlambat_pada(hari)),
    )


def _realisasi_row(r: Realisasi, target: float | None) -> RealisasiRow:
    return RealisasiRow(
        r.id,
        r.indikator_id,
        r.periode_id,
        r.nilai,
        r.narasi,
        r.status,
        bool(r.terlambat),
        hitung_capaian(r.nilai, target),
        r.versi,
    )


def simpan_realisasi(
    session: Session,
    actor: Actor,
    indikator_id: int,
    periode_id: int,
    nilai: float | str | None = None,
    narasi: str | None = None,
    *,
    versi: int | None = None,
    hari_ini: date | None = None,
) -> RealisasiRow:
    """Write the realisasi of one IKI in one period (kuantitatif: a number; kualitatif: a
    narrative). A submitted realisasi that is changed goes back to Draf and must be submitted
    again. After the batas pengisian it is accepted but flagged late."""
    ind, skp = _skp_dari_indikator(session, indikator_id)
    periode = get_periode(session, periode_id)
    cek_boleh_ubah(actor, skp.pegawai_id)
    _cek_periode_skp(periode, skp)
    _cek_tidak_final(session, skp.id, periode)
    angka = parse_angka(nilai, "Realisasi")
    teks = (narasi or "").strip() or None
    if ind.target_nilai is None:
        if teks is None:
            raise ValidationError(
                "Indikator ini kualitatif: tuliskan realisasinya sebagai uraian.", "Realisasi"
            )
    elif angka is None:
        raise ValidationError(
            f"Isi realisasi berupa angka (target {format_angka(ind.target_nilai)} "
            f"{ind.target_satuan or ''}).".replace(" )", ")"),
            "Realisasi",
        )
    r = session.scalars(
        select(Realisasi).where(
            Realisasi.indikator_id == indikator_id, Realisasi.periode_id == periode_id
        )
    ).first()
    hari = _hari(hari_ini)
    if r is None:
        r = Realisasi(indikator_id=indikator_id, periode_id=periode_id)
        session.add(r)
    elif versi is not None and r.versi != versi:
        raise ConflictError(
            "Realisasi ini telah diubah di tempat lain sejak Anda membukanya. Muat ulang lalu "
            "ulangi perubahan Anda."
        )
    r.nilai = angka
    r.narasi = teks
    r.status = periksa_transisi(TRANSISI_REALISASI, "isi", r.status or BELUM)
    r.diajukan_pada = None
    r.diisi_pada = utcnow()
    r.terlambat = hari > periode.batas_pengisian
    session.flush()
    return _realisasi_row(r, ind.target_nilai)


def hapus_realisasi(session: Session, actor: Actor, realisasi_id: int) -> None:
    """Empty an IKI's realisasi (only while it has no evidence and is not final)."""
    r = session.get(Realisasi, realisasi_id)
    if r is None:
        raise NotFound("Realisasi tidak ditemukan.")
    _ind, skp = _skp_dari_indikator(session, r.indikator_id)
    cek_boleh_ubah(actor, skp.pegawai_id)
    _cek_tidak_final(session, skp.id, session.get(Periode, r.periode_id))
    if session.scalar(select(exists().where(BuktiDukung.realisasi_id == r.id))):
        raise StateError("Hapus dahulu bukti dukung realisasi ini, lalu kosongkan realisasinya.")
    session.delete(r)
    session.flush()


def ajukan_realisasi(
    session: Session,
    actor: Actor,
    skp_id: int,
    periode_id: int,
    *,
    hari_ini: date | None = None,
) -> int:
    """Submit a period's realisasi to the penilai (Draf → Diajukan). Every IKI must be filled.
    Returns the number submitted."""
    skp = session.get(Skp, skp_id)
    if skp is None:
        raise NotFound("SKP tidak ditemukan.")
    periode = get_periode(session, periode_id)
    cek_boleh_ubah(actor, skp.pegawai_id)
    _cek_periode_skp(periode, skp)
    _cek_tidak_final(session, skp.id, periode)
    baris = _realisasi_skp(session, skp_id, periode_id, False)
    if not baris:
        raise StateError("SKP ini belum memiliki indikator kinerja; tidak ada yang diajukan.")
    kosong = [b.indikator_kode for b in baris if not b.terisi]
    if kosong:
        raise StateError(
            f"Realisasi belum lengkap: indikator {', '.join(kosong)} belum diisi. Isi semua "
            "indikator sebelum mengajukan."
        )
    hari = _hari(hari_ini)
    n = 0
    for r in session.scalars(
        select(Realisasi).where(
            Realisasi.id.in_([b.realisasi_id for b in baris]), Realisasi.status == DRAF
        )
    ):
        r.status = periksa_transisi(TRANSISI_REALISASI, "ajukan", r.status)
        r.diajukan_pada = utcnow()
        r.terlambat = bool(r.terlambat) or hari > periode.batas_pengisian
        n += 1
    session.flush()
    return n


# --------------------------------------------------------------------------- rencana aksi


def _rencana_aksi(session: Session, skp_id: int, periode_id: int | None) -> list[RencanaAksiRow]:
    # RHK ids first: lets SQLite use the rhk_id index instead of scanning a whole period
    rhk_ids = list(
        session.scalars(select(RencanaHasilKerja.id).where(RencanaHasilKerja.skp_id == skp_id))
    )
    if not rhk_ids:
        return []
    q = (
        select(RencanaAksi)
        .where(RencanaAksi.rhk_id.in_(rhk_ids))
        .order_by(RencanaAksi.periode_id, RencanaAksi.rhk_id, RencanaAksi.urutan, RencanaAksi.id)
    )
    if periode_id is not None:
        q = q.where(RencanaAksi.periode_id + 0 == periode_id)
    return [
        RencanaAksiRow(r.id, r.rhk_id, r.periode_id, r.urutan, r.uraian, r.versi)
        for r in session.scalars(q)
    ]


def daftar_rencana_aksi(
    session: Session, actor: Actor, skp_id: int, periode_id: int | None = None
) -> list[RencanaAksiRow]:
    skp = session.get(Skp, skp_id)
    if skp is None:
        raise NotFound("SKP tidak ditemukan.")
    cek_boleh_baca(session, actor, skp.pegawai_id)
    return _rencana_aksi(session, skp_id, periode_id)


def simpan_rencana_aksi(
    session: Session,
    actor: Actor,
    rhk_id: int,
    periode_id: int,
    uraian: str,
    rencana_aksi_id: int | None = None,
    *,
    versi: int | None = None,
) -> RencanaAksiRow:
    rhk = session.get(RencanaHasilKerja, rhk_id)
    if rhk is None:
        raise NotFound("Rencana hasil kerja tidak ditemukan.")
    skp = session.get(Skp, rhk.skp_id)
    periode = get_periode(session, periode_id)
    cek_boleh_ubah(actor, skp.pegawai_id)
    _cek_periode_skp(periode, skp)
    _cek_tidak_final(session, skp.id, periode)
    teks = " ".join((uraian or "").split())
    if not teks:
        raise ValidationError("Uraian rencana aksi wajib diisi.", "Rencana Aksi")
    if len(teks) > 2000:
        raise ValidationError(
            "Uraian rencana aksi terlalu panjang (maks. 2.000 huruf).", "Rencana Aksi"
        )
    if rencana_aksi_id is None:
        urutan = session.scalar(
            select(func.coalesce(func.max(RencanaAksi.urutan), 0)).where(
                RencanaAksi.rhk_id == rhk_id, RencanaAksi.periode_id == periode_id
            )
        )
        ra = RencanaAksi(rhk_id=rhk_id, periode_id=periode_id, urutan=int(urutan) + 1, uraian=teks)
        session.add(ra)
    else:
        ra = session.get(RencanaAksi, rencana_aksi_id)
        if ra is None or ra.rhk_id != rhk_id:
            raise NotFound("Rencana aksi tidak ditemukan; mungkin sudah dihapus. Muat ulang.")
        if versi is not None and ra.versi != versi:
            raise ConflictError("Rencana aksi ini telah diubah di tempat lain. Muat ulang.")
        ra.uraian = teks
        ra.periode_id = periode_id
    session.flush()
    return RencanaAksiRow(ra.id, ra.rhk_id, ra.periode_id, ra.urutan, ra.uraian, ra.versi)


def hapus_rencana_aksi(session: Session, actor: Actor, rencana_aksi_id: int) -> None:
    ra = session.get(RencanaAksi, rencana_aksi_id)
    if ra is None:
        raise NotFound("Rencana aksi tidak ditemukan.")
    rhk = session.get(RencanaHasilKerja, ra.rhk_id)
    skp = session.get(Skp, rhk.skp_id)
    cek_boleh_ubah(actor, skp.pegawai_id)
    _cek_tidak_final(session, skp.id, session.get(Periode, ra.periode_id))
    for p in session.scalars(select(ProgresHarian).where(ProgresHarian.rencana_aksi_id == ra.id)):
        p.rencana_aksi_id = None
        p.rhk_id = p.rhk_id or ra.rhk_id
    session.delete(ra)
    session.flush()


# --------------------------------------------------------------------------- daily progress


def _kode_untuk(
    session: Session, pegawai_id: int, tahun_list: Iterable[int]
) -> tuple[dict[int, str], dict[int, str]]:
    kode_rhk: dict[int, str] = {}
    kode_iki: dict[int, str] = {}
    for tahun in set(tahun_list):
        skp = skp_untuk(session, pegawai_id, tahun)
        if skp is None:
            continue
        for s in struktur_skp(session, skp.id):
            kode_rhk[s.rhk_id] = s.rhk_kode
            if s.indikator_id is not None:
                kode_iki[s.indikator_id] = s.indikator_kode or ""
    return kode_rhk, kode_iki


def daftar_progres(
    session: Session, actor: Actor, pegawai_id: int, mulai: date, selesai: date
) -> list[ProgresRow]:
    """Daily progress of a pegawai between two dates (a week or a month view)."""
    cek_boleh_baca(session, actor, pegawai_id)
    rows = list(
        session.scalars(
            select(ProgresHarian)
            .where(
                ProgresHarian.pegawai_id == pegawai_id,
                ProgresHarian.tanggal >= mulai,
                ProgresHarian.tanggal <= selesai,
            )
            .order_by(ProgresHarian.tanggal, ProgresHarian.id)
        )
    )
    bukti: dict[int, int] = {}
    if rows:
        bukti = {
            int(a): int(n)
            for a, n in session.execute(
                select(BuktiDukung.progres_id, func.count())
                .where(BuktiDukung.progres_id.in_([r.id for r in rows]))
                .group_by(BuktiDukung.progres_id)
            )
        }
    kode_rhk, kode_iki = _kode_untuk(session, pegawai_id, {mulai.year, selesai.year})
    return [_progres_row(r, kode_rhk, kode_iki, bukti.get(r.id, 0)) for r in rows]


def _progres_row(r: ProgresHarian, kode_rhk: dict, kode_iki: dict, bukti: int) -> ProgresRow:
    return ProgresRow(
        r.id,
        r.pegawai_id,
        r.tanggal,
        r.uraian,
        r.rhk_id,
        kode_rhk.get(r.rhk_id),
        r.rencana_aksi_id,
        r.indikator_id,
        kode_iki.get(r.indikator_id),
        r.kuantitas,
        r.satuan,
        bool(r.terlambat),
        bukti,
        r.versi,
    )


def _validasi_entri(
    session: Session, pegawai_id: int, e: EntriProgres, hari: date, skp_cache: dict
) -> tuple[str, dict]:
    """Checked values of one entry, or ValidationError(kolom=...)."""
    if e.tanggal is None:
        raise ValidationError("Tanggal wajib diisi.", "Tanggal")
    if e.tanggal > hari:
        raise ValidationError(
            f"Tanggal {e.tanggal:%d-%m-%Y} belum terjadi; progres dicatat untuk hari ini atau "
            "hari yang sudah lewat.",
            "Tanggal",
        )
    uraian = " ".join((e.uraian or "").split())
    if not uraian:
        raise ValidationError("Uraian kegiatan wajib diisi.", "Uraian")
    if len(uraian) > 2000:
        raise ValidationError("Uraian kegiatan terlalu panjang (maks. 2.000 huruf).", "Uraian")
    tahun = e.tanggal.year
    if tahun not in skp_cache:
        skp = skp_untuk(session, pegawai_id, tahun)
        skp_cache[tahun] = (
            (
                skp,
                {it.rhk_id for it in struktur_skp(session, skp.id)},
                {it.indikator_id: it.rhk_id for it in struktur_skp(session, skp.id)},
            )
            if skp
            else None
        )
    info = skp_cache[tahun]
    if info is None:
        raise ValidationError(
            f"Pegawai belum memiliki SKP tahun {tahun}; progres harian dicatat terhadap RHK SKP.",
            "Tanggal",
        )
    _skp, rhk_ids, iki_rhk = info
    rhk_id, ra_id, iki_id = e.rhk_id, e.rencana_aksi_id, e.indikator_id
    if iki_id is not None:
        if iki_id not in iki_rhk:
            raise ValidationError("Indikator itu bukan bagian SKP pegawai ini.", "IKI")
        if rhk_id is not None and iki_rhk[iki_id] != rhk_id:
            raise ValidationError("Indikator itu bukan milik RHK yang dipilih.", "IKI")
        rhk_id = iki_rhk[iki_id]
    if ra_id is not None:
        ra = session.get(RencanaAksi, ra_id)
        if ra is None or ra.rhk_id not in rhk_ids:
            raise ValidationError("Rencana aksi itu bukan bagian SKP pegawai ini.", "Rencana Aksi")
        if rhk_id is not None and ra.rhk_id != rhk_id:
            raise ValidationError("Rencana aksi itu bukan milik RHK yang dipilih.", "Rencana Aksi")
        rhk_id = ra.rhk_id
    if rhk_id is None:
        raise ValidationError("Pilih RHK (atau rencana aksi) yang didukung kegiatan ini.", "RHK")
    if rhk_id not in rhk_ids:
        raise ValidationError("RHK itu bukan bagian SKP pegawai ini.", "RHK")
    kuantitas = parse_angka(e.kuantitas, "Kuantitas") if e.kuantitas not in (None, "") else None
    satuan = (e.satuan or "").strip() or None
    if kuantitas is not None and satuan is None and iki_id is not None:
        satuan = session.get(Indikator, iki_id).target_satuan
    if satuan and len(satuan) > 64:
        raise ValidationError("Satuan terlalu panjang (maks. 64 huruf).", "Satuan")
    periode = session.scalars(
        select(Periode).where(Periode.mulai <= e.tanggal, Periode.selesai >= e.tanggal).limit(1)
    ).first()
    terlambat = bool(periode and hari > periode.batas_pengisian)
    return uraian, dict(
        rhk_id=rhk_id,
        rencana_aksi_id=ra_id,
        indikator_id=iki_id,
        kuantitas=kuantitas,
        satuan=satuan,
        terlambat=terlambat,
    )


validasi_entri = _validasi_entri


def _tulis_entri(
    session: Session, pegawai_id: int, e: EntriProgres, uraian: str, nilai: dict
) -> ProgresHarian:
    if e.id is not None:
        p = session.get(ProgresHarian, e.id)
        if p is None or p.pegawai_id != pegawai_id:
            raise NotFound("Catatan progres tidak ditemukan; mungkin sudah dihapus. Muat ulang.")
        p.tanggal = e.tanggal
        p.uraian = uraian
        for k, v in nilai.items():
            setattr(p, k, v)
    else:
        p = ProgresHarian(pegawai_id=pegawai_id, tanggal=e.tanggal, uraian=uraian, **nilai)
        session.add(p)
    return p


def simpan_progres(
    session: Session,
    actor: Actor,
    pegawai_id: int,
    entri: EntriProgres,
    *,
    hari_ini: date | None = None,
) -> ProgresRow:
    return simpan_progres_banyak(session, actor, pegawai_id, [entri], hari_ini=hari_ini)[0]


@dataclass(frozen=True)
class KesalahanEntri:
    indeks: int  # 0-based position in the list given
    kolom: str | None
    alasan: str


class EntriTidakValid(ValidationError):
    """Some entries of a batch are invalid; nothing was saved."""

    def __init__(self, kesalahan: list[KesalahanEntri]) -> None:
        baris = "; ".join(
            f"baris {k.indeks + 1}" + (f" ({k.kolom})" if k.kolom else "") + f": {k.alasan}"
            for k in kesalahan[:8]
        )
        lebih = f" dan {len(kesalahan) - 8} kesalahan lain" if len(kesalahan) > 8 else ""
        super().__init__(
            f"Tidak ada yang disimpan; perbaiki dahulu {baris}{lebih}.", kesalahan[0].kolom
        )
        self.kesalahan = kesalahan

    def __str__(self) -> str:
        return self.pesan


def simpan_progres_banyak(
    session: Session,
    actor: Actor,
    pegawai_id: int,
    entri: Sequence[EntriProgres],
    *,
    hari_ini: date | None = None,
) -> list[ProgresRow]:
    """Save many entries (the week grid, an import) all-or-nothing."""
    cek_boleh_ubah(actor, pegawai_id)
    if session.get(Pegawai, pegawai_id) is None:
        raise NotFound("Pegawai tidak ditemukan.")
    hari = _hari(hari_ini)
    cache: dict = {}
    siap = []
    salah: list[KesalahanEntri] = []
    for i, e in enumerate(entri):
        try:
            siap.append((e, *_validasi_entri(session, pegawai_id, e, hari, cache)))
        except ValidationError as exc:
            salah.append(KesalahanEntri(i, exc.kolom, exc.pesan))
    if salah:
        raise EntriTidakValid(salah)
    tulis = [_tulis_entri(session, pegawai_id, e, u, n) for e, u, n in siap]
    session.flush()
    kode_rhk, kode_iki = _kode_untuk(session, pegawai_id, {e.tanggal.year for e in entri})
    return [_progres_row(p, kode_rhk, kode_iki, 0) for p in tulis]


def hapus_progres(session: Session, actor: Actor, progres_id: int) -> None:
    p = session.get(ProgresHarian, progres_id)
    if p is None:
        raise NotFound("Catatan progres tidak ditemukan.")
    cek_boleh_ubah(actor, p.pegawai_id)
    for b in session.scalars(select(BuktiDukung).where(BuktiDukung.progres_id == p.id)):
        session.delete(b)
    session.delete(p)
    session.flush()


def saran_realisasi(
    session: Session, actor: Actor, indikator_id: int, periode_id: int
) -> SaranRealisasi:
    """The sum of daily output recorded for an IKI within a period (a suggestion only)."""
    ind, skp = _skp_dari_indikator(session, indikator_id)
    cek_boleh_baca(session, actor, skp.pegawai_id)
    periode = get_periode(session, periode_id)
    jumlah, n = session.execute(
        select(func.coalesce(func.sum(ProgresHarian.kuantitas), 0.0), func.count()).where(
            ProgresHarian.pegawai_id == skp.pegawai_id,
            ProgresHarian.indikator_id == indikator_id,
            ProgresHarian.tanggal >= periode.mulai,
            ProgresHarian.tanggal <= periode.selesai,
            ProgresHarian.kuantitas.is_not(None),
        )
    ).one()
    return SaranRealisasi(indikator_id, periode_id, float(jumlah or 0), int(n), ind.target_satuan)


def awal_minggu(d: date) -> date:
    return d - timedelta(days=d.weekday())


# --------------------------------------------------------------------------- choosing a pegawai


def pegawai_pilihan(
    session: Session, actor: Actor, tahun: int, *, hari_ini: date | None = None
) -> list[PilihanPegawai]:
    """Whose monitoring the acting user may open: himself, then his subordinates (by SKP of the
    year or current assignment); the operator may open anyone."""
    hasil: list[PilihanPegawai] = []
    sudah: set[int] = set()

    def tambah(rows: Iterable, hubungan: str) -> None:
        for pid, nama, gd, gb, nip in rows:
            if pid in sudah:
                continue
            sudah.add(pid)
            hasil.append(PilihanPegawai(pid, nama_lengkap(gd, nama, gb), nip, hubungan))

    kolom = (Pegawai.id, Pegawai.nama, Pegawai.gelar_depan, Pegawai.gelar_belakang, Pegawai.nip)
    if actor.pegawai_id is not None:
        tambah(
            session.execute(select(*kolom).where(Pegawai.id == actor.pegawai_id)), "Saya sendiri"
        )
        hari = _hari(hari_ini)
        bawahan = (
            select(Skp.pegawai_id)
            .where(Skp.penilai_id == actor.pegawai_id, Skp.tahun == tahun)
            .union(
                select(PenugasanPenilai.pegawai_id).where(
                    PenugasanPenilai.penilai_id == actor.pegawai_id,
                    PenugasanPenilai.mulai <= max(hari, date(tahun, 12, 31)),
                    or_(
                        PenugasanPenilai.selesai.is_(None),
                        PenugasanPenilai.selesai >= date(tahun, 1, 1),
                    ),
                )
            )
        )
        tambah(
            session.execute(
                select(*kolom).where(Pegawai.id.in_(bawahan)).order_by(Pegawai.nama_cari)
            ),
            "Bawahan",
        )
    if actor.is_admin:
        tambah(
            session.execute(
                select(*kolom).where(Pegawai.aktif.is_(True)).order_by(Pegawai.nama_cari)
            ),
            "Pegawai",
        )
    return hasil


# --------------------------------------------------------------------------- the board


def _bawahan_tahun(penilai_id: int, tahun: int):
    """Subquery: pegawai rated by ``penilai_id`` in the year (current SKP of the year, or any
    assignment — DEFINITIF, PLT, PLH — overlapping it)."""
    return (
        select(Skp.pegawai_id)
        .where(Skp.penilai_id == penilai_id, Skp.tahun == tahun, Skp.terkini.is_(True))
        .union(
            select(PenugasanPenilai.pegawai_id).where(
                PenugasanPenilai.penilai_id == penilai_id,
                PenugasanPenilai.mulai <= date(tahun, 12, 31),
                or_(
                    PenugasanPenilai.selesai.is_(None),
                    PenugasanPenilai.selesai >= date(tahun, 1, 1),
                ),
            )
        )
    )


def _pegawai_papan(
    session: Session, actor: Actor, tahun: int, penilai_id: int | None, unit_id: int | None
) -> tuple[list, str]:
    """The board's pegawai and title. A penilai (``penilai_id``) may only be the acting user
    unless he is the administrator; a unit is open to the administrator, and to a penilai of
    at least one pegawai of the unit (or its sub-units) that year, who then sees only those."""
    from kinerja_desktop.db.models import UnitKerja
    from kinerja_desktop.services.organisasi import sub_unit_ids

    kolom = (
        Pegawai.id,
        Pegawai.nama,
        Pegawai.gelar_depan,
        Pegawai.gelar_belakang,
        Pegawai.nip,
        Pegawai.jabatan,
        UnitKerja.nama,
    )
    base = select(*kolom).join(UnitKerja, UnitKerja.id == Pegawai.unit_kerja_id)
    if unit_id is not None:
        unit = session.get(UnitKerja, unit_id)
        if unit is None:
            raise NotFound("Unit kerja tidak ditemukan.")
        ids = sub_unit_ids(session, unit_id)
        q = base.where(Pegawai.unit_kerja_id.in_(ids), Pegawai.aktif.is_(True))
        judul = unit.nama
        if not actor.is_admin:
            milik = actor.pegawai_id is not None and session.scalar(
                select(
                    exists().where(
                        Pegawai.unit_kerja_id.in_(ids),
                        Pegawai.id != actor.pegawai_id,
                        Pegawai.id.in_(_bawahan_tahun(actor.pegawai_id, tahun)),
                    )
                )
            )
            if not milik:
                raise PermissionDenied(
                    f"Anda bukan pejabat penilai pegawai mana pun di {unit.nama} pada tahun "
                    f"{tahun}. Papan pemantauan satu unit kerja hanya untuk administrator atau "
                    "pejabat penilai pegawai di unit itu (yang hanya melihat bawahannya)."
                )
            q = q.where(
                Pegawai.id.in_(_bawahan_tahun(actor.pegawai_id, tahun)),
                Pegawai.id != actor.pegawai_id,
            )
            judul = f"{unit.nama} (bawahan Anda)"
    else:
        pid = penilai_id if penilai_id is not None else actor.pegawai_id
        if pid is None:
            raise ValidationError("Pilih pejabat penilai atau unit kerja.", "Penilai")
        if not actor.is_admin and pid != actor.pegawai_id:
            raise PermissionDenied(
                "Anda hanya dapat melihat papan pemantauan dan daftar belum mengisi bawahan "
                "Anda sendiri."
            )
        q = base.where(Pegawai.id.in_(_bawahan_tahun(pid, tahun)), Pegawai.id != pid)
        p = session.get(Pegawai, pid)
        judul = f"Bawahan {nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang)}" if p else ""
    return list(session.execute(q.order_by(Pegawai.nama_cari))), judul


def papan_pemantauan(
    session: Session,
    actor: Actor,
    tahun: int,
    *,
    penilai_id: int | None = None,
    unit_id: int | None = None,
) -> PapanPemantauan:
    """Subordinates (of a penilai, default the acting user) or a unit × the year's periods:
    filling state, late items and evidence counts, from a handful of aggregate queries."""
    periode = tuple(pastikan_periode(session, tahun))
    pegawai, judul = _pegawai_papan(session, actor, tahun, penilai_id, unit_id)
    pids = [r[0] for r in pegawai]
    skp_of: dict[int, int] = {}
    iki: dict[int, int] = {}
    agg: dict[tuple[int, int], tuple] = {}
    bukti: dict[tuple[int, int], int] = {}
    final: set[tuple[int, int]] = set()
    if pids:
        for sid, pid in session.execute(
            select(Skp.id, Skp.pegawai_id)
            .where(Skp.pegawai_id.in_(pids), Skp.tahun == tahun, Skp.terkini.is_(True))
            .order_by(Skp.mulai, Skp.id)
        ):
            skp_of[pid] = sid  # the latest wins
    sids = list(skp_of.values())
    if sids:
        iki = {
            int(s): int(n)
            for s, n in session.execute(
                select(RencanaHasilKerja.skp_id, func.count(Indikator.id))
                .join(Indikator, Indikator.rhk_id == RencanaHasilKerja.id)
                .where(RencanaHasilKerja.skp_id.in_(sids))
                .group_by(RencanaHasilKerja.skp_id)
            )
        }
        j = (
            select(RencanaHasilKerja.skp_id, Realisasi.periode_id)
            .select_from(Realisasi)
            .join(Indikator, Indikator.id == Realisasi.indikator_id)
            .join(RencanaHasilKerja, RencanaHasilKerja.id == Indikator.rhk_id)
            .where(RencanaHasilKerja.skp_id.in_(sids))
        )
        for s, p, n, dr, dj, dn, tl in session.execute(
            j.add_columns(
                func.count(Realisasi.id),
                func.sum(case((Realisasi.status == DRAF, 1), else_=0)),
                func.sum(case((Realisasi.status == DIAJUKAN, 1), else_=0)),
                func.sum(case((Realisasi.status == DINILAI, 1), else_=0)),
                func.sum(case((Realisasi.terlambat.is_(True), 1), else_=0)),
            ).group_by(RencanaHasilKerja.skp_id, Realisasi.periode_id)
        ):
            agg[(int(s), int(p))] = (int(n), int(dr or 0), int(dj or 0), int(dn or 0), int(tl or 0))
        for s, p, n in session.execute(
            j.join(BuktiDukung, BuktiDukung.realisasi_id == Realisasi.id)
            .add_columns(func.count(BuktiDukung.id))
            .group_by(RencanaHasilKerja.skp_id, Realisasi.periode_id)
        ):
            bukti[(int(s), int(p))] = int(n)
        final = {
            (int(s), int(p))
            for s, p in session.execute(
                select(Evaluasi.skp_id, Evaluasi.periode_id).where(
                    Evaluasi.skp_id.in_(sids), Evaluasi.status == StatusEvaluasi.FINAL
                )
            )
        }
    baris = []
    ringkasan: dict[str, dict[str, int]] = {p.kode: defaultdict(int) for p in periode}
    for pid, nama, gd, gb, nip, jabatan, unit in pegawai:
        sid = skp_of.get(pid)
        sel = []
        for p in periode:
            if sid is None:
                s = PapanSel(p.id, TANPA_SKP, 0, 0, 0, 0)
            else:
                n, dr, dj, dn, tl = agg.get((sid, p.id), (0, 0, 0, 0, 0))
                total = iki.get(sid, 0)
                if (sid, p.id) in final or dn:
                    st = DINILAI
                elif n == 0:
                    st = BELUM_MULAI
                elif dj == n and n >= total:
                    st = DIAJUKAN
                else:
                    st = DRAF
                s = PapanSel(p.id, st, n, total, tl, bukti.get((sid, p.id), 0))
            ringkasan[p.kode][s.status] += 1
            sel.append(s)
        baris.append(
            PapanBaris(pid, nama_lengkap(gd, nama, gb), nip, jabatan, unit, sid, tuple(sel))
        )
    return PapanPemantauan(
        tahun, periode, tuple(baris), judul, {k: dict(v) for k, v in ringkasan.items()}
    )


def belum_mengisi(
    session: Session,
    actor: Actor,
    periode_id: int,
    *,
    penilai_id: int | None = None,
    unit_id: int | None = None,
) -> list[BelumMengisiRow]:
    """Who has not yet submitted the realisasi of a period (no SKP, not started, or draft)."""
    periode = get_periode(session, periode_id)
    papan = papan_pemantauan(session, actor, periode.tahun, penilai_id=penilai_id, unit_id=unit_id)
    return _belum_mengisi(papan, periode_id)


def _belum_mengisi(papan: PapanPemantauan, periode_id: int) -> list[BelumMengisiRow]:
    idx = next(i for i, p in enumerate(papan.periode) if p.id == periode_id)
    hasil = []
    for b in papan.baris:
        s = b.sel[idx]
        if s.status in (TANPA_SKP, BELUM_MULAI, DRAF):
            hasil.append(
                BelumMengisiRow(
                    b.pegawai_id,
                    b.nama,
                    b.nip,
                    b.jabatan,
                    b.unit_kerja,
                    s.status,
                    s.terisi,
                    s.jumlah_iki,
                )
            )
    return hasil


def data_cetak_belum_mengisi(
    session: Session,
    actor: Actor,
    periode_id: int,
    *,
    penilai_id: int | None = None,
    unit_id: int | None = None,
    hari_ini: date | None = None,
):
    """The printable 'belum mengisi' list of a period."""
    from kinerja_desktop.db.models import Pengaturan
    from kinerja_desktop.reports.belum_mengisi import BarisBelumMengisi, DaftarBelumMengisi

    periode = get_periode(session, periode_id)
    papan = papan_pemantauan(session, actor, periode.tahun, penilai_id=penilai_id, unit_id=unit_id)
    rows = _belum_mengisi(papan, periode_id)
    instansi = session.get(Pengaturan, "instansi")
    return DaftarBelumMengisi(
        periode=f"{periode.nama} {periode.tahun}",
        batas_pengisian=periode.batas_pengisian,
        lingkup=papan.judul,
        tanggal_cetak=_hari(hari_ini),
        baris=[
            BarisBelumMengisi(
                r.nama,
                r.nip,
                r.jabatan,
                r.unit_kerja,
                r.status_label,
                f"{r.terisi}/{r.jumlah_iki}" if r.jumlah_iki else "-",
            )
            for r in rows
        ],
        instansi=(instansi.nilai if instansi and instansi.nilai else ""),
    )


def pdf_belum_mengisi(
    session: Session,
    actor: Actor,
    periode_id: int,
    *,
    penilai_id: int | None = None,
    unit_id: int | None = None,
) -> bytes:
    import io

    from kinerja_desktop.reports.belum_mengisi import cetak_belum_mengisi

    data = data_cetak_belum_mengisi(
        session, actor, periode_id, penilai_id=penilai_id, unit_id=unit_id
    )
    buf = io.BytesIO()
    cetak_belum_mengisi(buf, data)
    return buf.getvalue()


__all__ = [
    "BELUM",
    "BELUM_MULAI",
    "DIAJUKAN",
    "DINILAI",
    "DRAF",
    "TANPA_SKP",
    "BarisRealisasi",
    "BelumMengisiRow",
    "EntriProgres",
    "EntriTidakValid",
    "HalamanPemantauan",
    "KesalahanEntri",
    "PapanBaris",
    "PapanPemantauan",
    "PapanSel",
    "PeriodeRow",
    "PilihanPegawai",
    "ProgresRow",
    "RealisasiRow",
    "RencanaAksiRow",
    "SaranRealisasi",
    "ajukan_realisasi",
    "awal_minggu",
    "belum_mengisi",
    "cek_boleh_baca",
    "cek_boleh_ubah",
    "daftar_progres",
    "daftar_rencana_aksi",
    "evaluasi_final",
    "format_angka",
    "halaman_pemantauan",
    "hapus_progres",
    "hapus_realisasi",
    "hapus_rencana_aksi",
    "papan_pemantauan",
    "parse_angka",
    "pegawai_pilihan",
    "periode_row",
    "peta_kode_skp",
    "realisasi_skp",
    "saran_realisasi",
    "simpan_progres",
    "simpan_progres_banyak",
    "simpan_realisasi",
    "simpan_rencana_aksi",
    "skp_untuk",
    "struktur_skp",
]
