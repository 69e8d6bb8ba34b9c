"""Realisasi: what a pegawai achieved on each IKI of his SKP in one period, and submitting a
period's realisasi to the pejabat penilai. The evaluation screens reuse ``realisasi_skp``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.base import utcnow
from kinerja_desktop.db.models import BuktiDukung, Realisasi, Skp
from kinerja_desktop.domain.angka import format_angka, parse_angka
from kinerja_desktop.domain.errors import ConflictError, StateError, ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.predikat import hitung_capaian
from kinerja_desktop.domain.status import TRANSISI_REALISASI, periksa_transisi
from kinerja_desktop.services.akses import wajib_baca_pemantauan
from kinerja_desktop.services.muat import ambil
from kinerja_desktop.services.pemantauan.struktur import skp_dari_indikator, struktur_skp
from kinerja_desktop.services.pemantauan.syarat import (
    BELUM,
    DINILAI,
    DRAF,
    cek_boleh_ubah,
    cek_periode_skp,
    cek_tidak_final,
    evaluasi_final,
    hari_acuan,
)
from kinerja_desktop.services.periode import get_periode
from kinerja_desktop.services.skp.berlaku import (
    iki_berakhir,
    leluhur_iki,
    realisasi_efektif,
    revisi_sebelumnya,
)
from kinerja_desktop.services.umpan_balik import UtasRingkas, utas_skp


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
    berakhir: int | None = None  # the revision this IKI ended at: its history is read-only
    dari_revisi: int | None = None  # the realisasi was entered under this earlier revision

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
    skp = ambil(session, Skp, skp_id, "SKP tidak ditemukan.")
    wajib_baca_pemantauan(session, actor, skp.pegawai_id)
    return baris_realisasi(session, skp_id, periode_id, dengan_umpan_balik)


def baris_realisasi(
    session: Session, skp_id: int, periode_id: int, dengan_umpan_balik: bool
) -> list[BarisRealisasi]:
    """``realisasi_skp`` without the read check, for callers that have checked already."""
    iki = [(s.indikator_id, s) for s in struktur_skp(session, skp_id) if s.indikator_id is not None]
    ids = [iid for iid, _s in iki]
    real: dict[int, Realisasi] = {}
    bukti: dict[int, int] = {}
    if ids:
        real = {i: r for (i, _p), r in realisasi_efektif(session, ids, [periode_id]).items()}
        rids = [r.id for r in real.values()]
        if rids:
            bukti = {
                int(a): int(n)
                for a, n in session.execute(
                    select(BuktiDukung.realisasi_id, func.count())
                    .where(BuktiDukung.realisasi_id.in_(rids))
                    .group_by(BuktiDukung.realisasi_id)
                )
                if a is not None
            }
    utas: dict[int, list[UtasRingkas]] = defaultdict(list)
    if dengan_umpan_balik:
        # a continuing IKI keeps the threads written on it under earlier revisions
        skp = ambil(session, Skp, skp_id)
        per_iki: dict[int, list[UtasRingkas]] = defaultdict(list)
        for sid in [skp_id, *revisi_sebelumnya(session, skp)]:
            for u in utas_skp(session, sid, periode_id):
                if u.indikator_id is not None:
                    per_iki[u.indikator_id].append(u)
        for iid, urut in leluhur_iki(session, ids).items():
            utas[iid] = [u for a in urut for u in per_iki.get(a, [])]
    final = evaluasi_final(session, skp_id, periode_id)
    milik = ambil(session, Skp, skp_id)
    berakhir = iki_berakhir(session, milik)
    # revisions link to their direct predecessor: k steps up the chain is revision n - k
    leluhur = leluhur_iki(session, [i for i, r in real.items() if r.indikator_id != i])
    dari = {i: milik.revisi - rantai.index(real[i].indikator_id) for i, rantai in leluhur.items()}
    hasil = []
    for iid, s in iki:
        r = real.get(iid)
        hasil.append(
            BarisRealisasi(
                rhk_id=s.rhk_id,
                rhk_kode=s.rhk_kode,
                rhk_jenis=s.rhk_jenis,
                rhk_uraian=s.rhk_uraian,
                indikator_id=iid,
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
                umpan_balik=tuple(utas.get(iid, ())),
                berakhir=berakhir.get(iid),
                dari_revisi=dari.get(iid),
            )
        )
    return hasil


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


def _cek_tidak_berakhir(session: Session, indikator_id: int, skp: Skp) -> None:
    """An IKI a ditetapkan revision ended keeps its history read-only."""
    rev = iki_berakhir(session, skp).get(indikator_id)
    if rev is not None:
        raise StateError(
            f"Indikator ini tidak dilanjutkan pada SKP revisi {rev} yang sudah ditetapkan; "
            "realisasinya tetap tersimpan sebagai riwayat dan hanya dapat dibaca."
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
    ind, skp = skp_dari_indikator(session, indikator_id)
    periode = get_periode(session, periode_id)
    cek_boleh_ubah(actor, skp.pegawai_id)
    cek_periode_skp(periode, skp)
    cek_tidak_final(session, skp.id, periode)
    _cek_tidak_berakhir(session, ind.id, skp)
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
    # a continuing IKI edits the realisasi it shows, even when entered under an earlier
    # revision, so the period never holds two
    r = realisasi_efektif(session, [indikator_id], [periode_id]).get((indikator_id, periode_id))
    hari = hari_acuan(session, hari_ini)
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
    r = ambil(session, Realisasi, realisasi_id, "Realisasi tidak ditemukan.")
    _ind, skp = skp_dari_indikator(session, r.indikator_id)
    cek_boleh_ubah(actor, skp.pegawai_id)
    cek_tidak_final(session, skp.id, get_periode(session, r.periode_id))
    _cek_tidak_berakhir(session, r.indikator_id, skp)
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
    skp = ambil(session, Skp, skp_id, "SKP tidak ditemukan.")
    periode = get_periode(session, periode_id)
    cek_boleh_ubah(actor, skp.pegawai_id)
    cek_periode_skp(periode, skp)
    cek_tidak_final(session, skp.id, periode)
    baris = baris_realisasi(session, skp_id, periode_id, False)
    if not baris:
        raise StateError("SKP ini belum memiliki indikator kinerja; tidak ada yang diajukan.")
    kosong = [b.indikator_kode for b in baris if not b.terisi]
    if kosong:
        raise StateError(
            f"Realisasi belum lengkap: indikator {', '.join(kosong)} belum diisi. Isi semua "
            "indikator sebelum mengajukan."
        )
    hari = hari_acuan(session, hari_ini)
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
