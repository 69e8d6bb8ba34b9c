"""Progres harian: what a pegawai did each day, linked to an RHK, a rencana aksi or an IKI.
A batch (the week grid, an import) is saved all-or-nothing; the output recorded for an IKI
within a period is offered as a suggestion for its realisasi."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import (
    BuktiDukung,
    Indikator,
    Pegawai,
    Periode,
    ProgresHarian,
    RencanaAksi,
    RencanaHasilKerja,
    Skp,
)
from kinerja_desktop.domain.angka import parse_angka
from kinerja_desktop.domain.errors import NotFound, ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services.akses import wajib_baca_pemantauan
from kinerja_desktop.services.muat import ambil
from kinerja_desktop.services.pemantauan.struktur import (
    skp_dari_indikator,
    skp_untuk,
    struktur_skp,
)
from kinerja_desktop.services.pemantauan.syarat import cek_boleh_ubah, hari_acuan
from kinerja_desktop.services.periode import get_periode
from kinerja_desktop.services.skp.berlaku import leluhur_iki, skp_tahun


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
    kuantitas: float | str | None = None  # text typed in the grid is read by parse_angka
    satuan: str | None = None
    id: int | None = None  # to change an existing entry


@dataclass(frozen=True)
class SaranRealisasi:
    indikator_id: int
    periode_id: int
    jumlah: float
    entri: int
    satuan: str | None


def _kode_untuk(
    session: Session, pegawai_id: int, tahun_list: Iterable[int]
) -> tuple[dict[int, str], dict[int, str]]:
    kode_rhk: dict[int, str] = {}
    kode_iki: dict[int, str] = {}
    for tahun in set(tahun_list):
        # every revision of the year: a row keeps the code of the IKI it was entered for
        for skp in skp_tahun(session, pegawai_id, tahun):
            for s in struktur_skp(session, skp.id):
                kode_rhk[s.rhk_id] = s.rhk_kode
                if s.indikator_id is not None:
                    kode_iki[s.indikator_id] = s.indikator_kode or ""
    return kode_rhk, kode_iki


def daftar_progres(
    session: Session, actor: Actor, pegawai_id: int, mulai: date, selesai: date
) -> list[ProgresRow]:
    """Daily progress of a pegawai between two dates (a week or a month view)."""
    wajib_baca_pemantauan(session, actor, pegawai_id)
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
            if a is not None
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


def _butir_berlaku(session: Session, skp: Skp) -> tuple[set[int], dict[int, int]]:
    """RHK and IKI a day's entry may name: those of the revision in force that day, and the
    ones of earlier revisions they continue (rows entered before a revision stay valid)."""
    butir = struktur_skp(session, skp.id)
    rhk_ids = {it.rhk_id for it in butir}
    iki_rhk = {it.indikator_id: it.rhk_id for it in butir if it.indikator_id is not None}
    for rantai_iki in leluhur_iki(session, list(iki_rhk)).values():
        for lama in rantai_iki[1:]:
            ind = session.get(Indikator, lama)
            if ind is not None:
                iki_rhk.setdefault(lama, ind.rhk_id)
                rhk_ids.add(ind.rhk_id)
    for r in list(rhk_ids):
        asal = session.get(RencanaHasilKerja, r)
        while asal is not None and asal.asal_id is not None and asal.asal_id not in rhk_ids:
            rhk_ids.add(asal.asal_id)
            asal = session.get(RencanaHasilKerja, asal.asal_id)
    return rhk_ids, iki_rhk


def _butir_hari(
    session: Session, skp: Skp, akhir: Skp | None
) -> tuple[Skp, set[int], dict[int, int]]:
    rhk_ids, iki_rhk = _butir_berlaku(session, skp)
    if akhir is not None and akhir.id != skp.id:
        r2, i2 = _butir_berlaku(session, akhir)
        rhk_ids |= r2
        iki_rhk = {**i2, **iki_rhk}
    return skp, rhk_ids, iki_rhk


def validasi_entri(
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
    skp = skp_untuk(session, pegawai_id, tahun, e.tanggal)
    # the day's revision, and the one its period is counted against (a revision ditetapkan
    # later in the period): the week grid of that period offers the latter's IKI
    per = session.scalars(
        select(Periode).where(Periode.mulai <= e.tanggal, Periode.selesai >= e.tanggal).limit(1)
    ).first()
    akhir = skp_untuk(session, pegawai_id, tahun, per.selesai) if per is not None else None
    kunci = (tahun, skp.id if skp else None, akhir.id if akhir else None)
    if kunci not in skp_cache:
        skp_cache[kunci] = _butir_hari(session, skp, akhir) if skp else None
    info = skp_cache[kunci]
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
        satuan = ambil(session, Indikator, iki_id).target_satuan
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
    hari = hari_acuan(session, hari_ini)
    cache: dict = {}
    siap = []
    salah: list[KesalahanEntri] = []
    for i, e in enumerate(entri):
        try:
            siap.append((e, *validasi_entri(session, pegawai_id, e, hari, cache)))
        except ValidationError as exc:
            salah.append(KesalahanEntri(i, exc.kolom, exc.pesan))
    if salah:
        raise EntriTidakValid(salah)
    tulis = [_tulis_entri(session, pegawai_id, e, u, n) for e, u, n in siap]
    session.flush()
    kode_rhk, kode_iki = _kode_untuk(session, pegawai_id, {e.tanggal.year for e in entri})
    return [_progres_row(p, kode_rhk, kode_iki, 0) for p in tulis]


def hapus_progres(session: Session, actor: Actor, progres_id: int) -> None:
    p = ambil(session, ProgresHarian, progres_id, "Catatan progres tidak ditemukan.")
    cek_boleh_ubah(actor, p.pegawai_id)
    for b in session.scalars(select(BuktiDukung).where(BuktiDukung.progres_id == p.id)):
        session.delete(b)
    session.delete(p)
    session.flush()


def saran_realisasi(
    session: Session, actor: Actor, indikator_id: int, periode_id: int
) -> SaranRealisasi:
    """The sum of daily output recorded for an IKI within a period (a suggestion only)."""
    ind, skp = skp_dari_indikator(session, indikator_id)
    wajib_baca_pemantauan(session, actor, skp.pegawai_id)
    periode = get_periode(session, periode_id)
    # a continuing IKI counts the days recorded against it under earlier revisions too
    rantai_iki = leluhur_iki(session, [indikator_id])[indikator_id]
    jumlah, n = session.execute(
        select(func.coalesce(func.sum(ProgresHarian.kuantitas), 0.0), func.count()).where(
            ProgresHarian.pegawai_id == skp.pegawai_id,
            ProgresHarian.indikator_id.in_(rantai_iki),
            ProgresHarian.tanggal >= periode.mulai,
            ProgresHarian.tanggal <= periode.selesai,
            ProgresHarian.kuantitas.is_not(None),
        )
    ).one()
    return SaranRealisasi(indikator_id, periode_id, float(jumlah or 0), int(n), ind.target_satuan)


def awal_minggu(d: date) -> date:
    return d - timedelta(days=d.weekday())
