"""The atasan's monitoring board: his subordinates (or a unit) × the year's periods, and the
printable list of who has not yet submitted a period's realisasi."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import (
    BuktiDukung,
    Evaluasi,
    Indikator,
    Pegawai,
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
from kinerja_desktop.services.skp.berlaku import (
    RingkasRealisasi,
    label_tertunda,
    realisasi_efektif_ringkas,
    skp_berlaku,
    skp_berlaku_banyak_pada,
    skp_tertunda_banyak,
)
from kinerja_desktop.services.waktu import hari_ini as hari_ini_kantor


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
    tertunda: str = ""  # "Revisi 1 menunggu penetapan": shown beside, counted nowhere
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


def _sesuaikan_masa(
    session: Session,
    tahun: int,
    periode: tuple[PeriodeRow, ...],
    masa: dict[int, list[Masa]],
    skp_per: dict[int, dict[int, Skp]],
) -> None:
    """A period whose last day this penilai does not rate (before a PLT starts, a PLT's last
    quarter, after a move) shows the SKP he rates in it, else the one of his nearest span, so
    the earlier penilai keeps seeing the earlier SKP rather than the next penilai's one. Of
    that SKP, the revision in force at the period's end (within the SKP's days), as on every
    board: a PLT from June sees TW1 on the revision TW1 was done under."""
    for pid, bagian in masa.items():
        for p in periode:
            if not bagian or any(m.mulai <= p.selesai <= m.selesai for m in bagian):
                continue
            dalam = [
                min(m.selesai, p.selesai)
                for m in bagian
                if bersinggungan(p.mulai, p.selesai, m.mulai, m.selesai)
            ]
            sebelum = [m.selesai for m in bagian if m.selesai < p.mulai]
            acuan = max(dalam or sebelum or [min(m.selesai for m in bagian)])
            skp = skp_berlaku(session, pid, tahun, acuan)
            if skp is not None:
                hari = min(max(p.selesai, skp.mulai), skp.selesai)
                skp_per[p.id][pid] = skp_berlaku(session, pid, tahun, hari) or skp
            else:
                skp_per[p.id].pop(pid, None)


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
    # a penilai's board: how he rates each row when not all year (Plt. …, moved)
    masa = _masa_penilai(session, actor, tahun, penilai_id) if unit_id is None else {}
    masa_penilai = {
        p: uraian_masa(m, date(tahun, 1, 1), date(tahun, 12, 31)) for p, m in masa.items()
    }
    # each period counts against the revision in force at its end (a pending revision hides
    # nothing); continuing IKI carry the realisasi entered under an earlier revision
    pada = skp_berlaku_banyak_pada(session, pids, tahun, [p.selesai for p in periode])
    skp_per = {p.id: pada[p.selesai] for p in periode}
    _sesuaikan_masa(session, tahun, periode, masa, skp_per)
    sids = sorted({s.id for per in skp_per.values() for s in per.values()})
    iki_of: dict[int, list[int]] = defaultdict(list)
    real: dict[tuple[int, int], RingkasRealisasi] = {}
    bukti: dict[int, int] = {}
    final: set[tuple[int, int]] = set()
    if sids:
        for sid, iid in session.execute(
            select(RencanaHasilKerja.skp_id, Indikator.id)
            .join(Indikator, Indikator.rhk_id == RencanaHasilKerja.id)
            .where(RencanaHasilKerja.skp_id.in_(sids))
        ):
            iki_of[int(sid)].append(int(iid))
        real = realisasi_efektif_ringkas(session, [i for v in iki_of.values() for i in v])
        rids = list({r.id for r in real.values()})
        for a, n in session.execute(
            select(BuktiDukung.realisasi_id, func.count(BuktiDukung.id))
            .where(BuktiDukung.realisasi_id.in_(rids))
            .group_by(BuktiDukung.realisasi_id)
        ):
            if a is not None:
                bukti[int(a)] = int(n)
        final = {
            (int(sid), int(per))
            for sid, per in session.execute(
                select(Evaluasi.skp_id, Evaluasi.periode_id).where(
                    Evaluasi.skp_id.in_(sids), Evaluasi.status == StatusEvaluasi.FINAL
                )
            )
        }
    akhir_tahun = periode[-1].selesai if periode else date(tahun, 12, 31)
    tunda = skp_tertunda_banyak(session, pids, tahun, min(hari_ini_kantor(session), akhir_tahun))
    baris = []
    ringkasan: dict[str, dict[str, int]] = {p.kode: defaultdict(int) for p in periode}
    for pid, nama, gd, gb, nip, jabatan, unit in pegawai:
        sel: list[PapanSel] = []
        for p in periode:
            skp = skp_per[p.id].get(pid)
            s = (
                PapanSel(p.id, TANPA_SKP, 0, 0, 0, 0)
                if skp is None
                else _sel(p.id, iki_of.get(skp.id, []), real, bukti, (skp.id, p.id) in final)
            )
            ringkasan[p.kode][s.status] += 1
            sel.append(s)
        akhir = skp_per[periode[-1].id].get(pid) if periode else None
        baris.append(
            PapanBaris(
                pid,
                nama_lengkap(gd, nama, gb),
                nip,
                jabatan,
                unit,
                akhir.id if akhir else None,
                tuple(sel),
                label_tertunda(tunda.get(pid)),
                masa_penilai.get(pid, ""),
                tuple((m.mulai, m.selesai) for m in masa.get(pid, ())),
            )
        )
    return PapanPemantauan(
        tahun, periode, tuple(baris), judul, {k: dict(v) for k, v in ringkasan.items()}
    )


def _sel(
    periode_id: int,
    iki: list[int],
    real: dict[tuple[int, int], RingkasRealisasi],
    bukti: dict[int, int],
    final: bool,
) -> PapanSel:
    rows = [r for i in iki if (r := real.get((i, periode_id))) is not None]
    n = len(rows)
    dj = sum(1 for r in rows if r.status == DIAJUKAN)
    if final or any(r.status == DINILAI for r in rows):
        st = DINILAI
    elif n == 0:
        st = BELUM_MULAI
    elif dj == n and n >= len(iki):
        st = DIAJUKAN
    else:
        st = DRAF
    tl = sum(1 for r in rows if r.terlambat)
    return PapanSel(periode_id, st, n, len(iki), tl, sum(bukti.get(r.id, 0) for r in rows))


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
