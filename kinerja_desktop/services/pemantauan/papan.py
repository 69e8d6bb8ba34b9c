"""The atasan's monitoring board: his subordinates (or a unit) × the year's periods, and the
printable list of who has not yet submitted a period's realisasi."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import (
    BuktiDukung,
    Evaluasi,
    Indikator,
    Pegawai,
    Realisasi,
    RencanaHasilKerja,
    Skp,
)
from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.penugasan import Masa, bersinggungan, uraian_masa
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.status import StatusEvaluasi, StatusRealisasi
from kinerja_desktop.services import penugasan
from kinerja_desktop.services.muat import ambil
from kinerja_desktop.services.pemantauan.syarat import (
    BELUM_MULAI,
    DIAJUKAN,
    DINILAI,
    DRAF,
    TANPA_SKP,
    hari_acuan,
)
from kinerja_desktop.services.periode import PeriodeRow, get_periode, pastikan_periode


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
    masa: str = ""  # how the penilai rates him this year when not all year (Plt. …, moved)
    rentang: tuple[tuple[date, date], ...] = ()  # the days he rates him (empty: a unit's board)


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
        unit = ambil(session, UnitKerja, unit_id, "Unit kerja tidak ditemukan.")
        ids = sub_unit_ids(session, unit_id)
        q = base.where(Pegawai.unit_kerja_id.in_(ids), Pegawai.aktif.is_(True))
        judul = unit.nama
        if not actor.is_admin:
            saya = actor.pegawai_id
            if saya is None or not session.scalar(
                select(
                    exists().where(
                        Pegawai.unit_kerja_id.in_(ids),
                        Pegawai.id != saya,
                        Pegawai.id.in_(list(penugasan.bawahan_tahun(session, saya, tahun))),
                    )
                )
            ):
                raise PermissionDenied(
                    f"Anda bukan pejabat penilai pegawai mana pun di {unit.nama} pada tahun "
                    f"{tahun}. Papan pemantauan satu unit kerja hanya untuk administrator atau "
                    "pejabat penilai pegawai di unit itu (yang hanya melihat bawahannya)."
                )
            q = q.where(
                Pegawai.id.in_(list(penugasan.bawahan_tahun(session, saya, tahun))),
                Pegawai.id != saya,
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
        # the owner's year answer, the same as the SKP Bawahan tab (days out of duty excluded)
        q = base.where(Pegawai.id.in_(list(penugasan.bawahan_tahun(session, pid, tahun))))
        p = session.get(Pegawai, pid)
        judul = f"Bawahan {nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang)}" if p else ""
        return list(session.execute(q.order_by(Pegawai.nama_cari))), judul
    q = q.where(Pegawai.bebas_tugas.is_(False))  # a unit's board: away for now (CLTN, …)
    return list(session.execute(q.order_by(Pegawai.nama_cari))), judul


def _masa_penilai(
    session: Session, actor: Actor, tahun: int, penilai_id: int | None
) -> dict[int, list[Masa]]:
    pid = penilai_id if penilai_id is not None else actor.pegawai_id
    return penugasan.bawahan_tahun(session, pid, tahun) if pid is not None else {}


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
    # a penilai's board: each row on the SKP in force while he rates (after a move the earlier
    # penilai sees the earlier SKP), with how he rates when not all year (Plt. …, moved)
    masa = _masa_penilai(session, actor, tahun, penilai_id) if unit_id is None else {}
    awal, akhir = date(tahun, 1, 1), date(tahun, 12, 31)
    masa_penilai = {p: uraian_masa(m, awal, akhir) for p, m in masa.items()}
    skp_of: dict[int, int] = {}
    iki: dict[int, int] = {}
    agg: dict[tuple[int, int], tuple] = {}
    bukti: dict[tuple[int, int], int] = {}
    final: set[tuple[int, int]] = set()
    if pids:
        for skp_id, pegawai_id, mulai, selesai in session.execute(
            select(Skp.id, Skp.pegawai_id, Skp.mulai, Skp.selesai)
            .where(Skp.pegawai_id.in_(pids), Skp.tahun == tahun, Skp.terkini.is_(True))
            .order_by(Skp.mulai, Skp.id)
        ):
            bagian = masa.get(pegawai_id)
            if bagian and not any(
                bersinggungan(mulai, selesai, m.mulai, m.selesai) for m in bagian
            ):
                continue  # in force only while someone else rates him
            skp_of[pegawai_id] = skp_id  # the latest wins
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
            PapanBaris(
                pid,
                nama_lengkap(gd, nama, gb),
                nip,
                jabatan,
                unit,
                sid,
                tuple(sel),
                masa_penilai.get(pid, ""),
                tuple((m.mulai, m.selesai) for m in masa.get(pid, ())),
            )
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
    p = papan.periode[idx]
    hasil = []
    for b in papan.baris:
        if b.rentang and not any(bersinggungan(m, s, p.mulai, p.selesai) for m, s in b.rentang):
            continue  # the year's board lists him, but someone else rates him in this period
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
        tanggal_cetak=hari_acuan(session, hari_ini),
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
