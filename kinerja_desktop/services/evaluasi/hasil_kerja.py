"""What the evaluation screen and form show of the SKP in a period: hasil kerja (RHK, IKI,
target, realisasi, capaian, bukti dukung, feedback threads) and perilaku kerja per BerAKHLAK
value."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import (
    BuktiDukung,
    EkspektasiPerilaku,
    Evaluasi,
    Indikator,
    Pegawai,
    Periode,
    Realisasi,
    RencanaHasilKerja,
    Skp,
    UmpanBalik,
)
from kinerja_desktop.domain.angka import format_angka, format_persen
from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.predikat import hitung_capaian
from kinerja_desktop.services.evaluasi.syarat import nama_pegawai
from kinerja_desktop.services.skp.berlaku import (
    berlaku_dalam,
    rantai,
    realisasi_efektif,
    skp_tahun,
)
from kinerja_desktop.services.waktu import waktu_kantor


@dataclass(frozen=True)
class UmpanBalikRow:
    id: int
    penulis: str
    penulis_id: int
    teks: str
    waktu: datetime
    induk_id: int | None
    waktu_kantor: datetime  # the same moment in the office's zone, for the screen


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
    penugasan_dari: str = ""  # JPT: who assigned the RHK


@dataclass(frozen=True)
class PerilakuEvalRow:
    kode: str
    nama: str
    panduan: tuple[str, ...]
    ekspektasi: str
    umpan_balik: str  # the penilai's feedback in this evaluation
    thread: tuple[UmpanBalikRow, ...]  # continuous feedback during the period


def teks_target(ind: Indikator) -> str:
    if ind.target_nilai is not None:
        return f"{format_angka(ind.target_nilai)} {ind.target_satuan or ''}".strip()
    return ind.target_narasi or "-"


def teks_realisasi(real: Realisasi | None, satuan: str | None) -> str:
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
        {p.id: nama_pegawai(p) for p in session.scalars(select(Pegawai).where(Pegawai.id.in_(ids)))}
        if ids
        else {}
    )
    return tuple(
        UmpanBalikRow(
            r.id,
            nama.get(r.penulis_id, "?"),
            r.penulis_id,
            r.teks,
            r.waktu,
            r.induk_id,
            waktu_kantor(session, r.waktu),
        )
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


def baris_hasil_kerja(
    session: Session, skp: Skp, periode: Periode
) -> tuple[tuple[RhkEvalRow, ...], list[float | None]]:
    rhk_list = session.scalars(
        select(RencanaHasilKerja)
        .where(RencanaHasilKerja.skp_id == skp.id)
        .order_by(RencanaHasilKerja.jenis.desc(), RencanaHasilKerja.urutan, RencanaHasilKerja.id)
    ).all()
    ind_ids = [i.id for r in rhk_list for i in r.indikator]
    # continuing IKI show what was entered for them under an earlier revision
    realisasi = {i: r for (i, _p), r in realisasi_efektif(session, ind_ids, [periode.id]).items()}
    real_ids = [r.id for r in realisasi.values()]
    bukti: dict[int, list[BuktiRow]] = {}
    if real_ids:
        for b in session.scalars(
            select(BuktiDukung)
            .where(BuktiDukung.realisasi_id.in_(real_ids))
            .order_by(BuktiDukung.id)
        ):
            if b.realisasi_id is None:  # excluded by the query; narrows the type
                continue
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
                    teks_realisasi(real, ind.target_satuan),
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
                r.penugasan_dari or "",
            )
        )
    return tuple(hasil), capaian


def hasil_kerja_periode(
    session: Session, skp: Skp, periode: Periode
) -> tuple[tuple[RhkEvalRow, ...], list[float | None]]:
    """The hasil kerja of every SKP in force in the period: after a move the earlier SKP's
    rows come first, marked with its span and read in its own last period, then the SKP
    evaluated. The final period covers the whole year, so the annual evaluation by the last
    penilai shows the earlier SKP's results (domain.md §3a)."""
    awal = date(periode.tahun, 1, 1) if periode.akhir else periode.mulai
    # the earlier SKP chains (closed by a move), each read in the revision in force at its end
    sebelumnya = [
        berlaku_dalam(session, g, g[-1].selesai)
        for g in rantai(skp_tahun(session, skp.pegawai_id, skp.tahun))
        if skp not in g
        and g[-1].selesai < skp.mulai
        and g[0].mulai <= periode.selesai
        and g[-1].selesai >= awal
    ]
    hasil: list[RhkEvalRow] = []
    capaian: list[float | None] = []
    for lama in sebelumnya:
        terakhir = session.scalar(
            select(Periode).where(
                Periode.tahun == periode.tahun,
                Periode.jenis == periode.jenis,
                Periode.mulai <= lama.selesai,
                Periode.selesai >= lama.selesai,
            )
        )
        rows, cap = baris_hasil_kerja(session, lama, terakhir or periode)
        tanda = f"[SKP {lama.mulai:%d-%m-%Y} s.d. {lama.selesai:%d-%m-%Y}"
        tanda += f", realisasi {terakhir.nama}] " if terakhir is not None else "] "
        hasil += [replace(r, uraian=tanda + r.uraian) for r in rows]
        capaian += cap
    rows, cap = baris_hasil_kerja(session, skp, periode)
    return (*hasil, *rows), capaian + cap


def baris_perilaku(
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
