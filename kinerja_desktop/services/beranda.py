"""The Beranda: what each person must do next, built from the services that already answer it.

One function per role (pegawai, penilai, operator) returns plain dataclasses; each item carries a
:class:`Tujuan` saying which view opens it and with what selected. :func:`pengingat` turns the
three into reminders (a deadline in a few working days, items waiting, late periods), for the
Beranda and the tray notification. The per-account last view lives here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Evaluasi, Pegawai, PengaturanAkun
from kinerja_desktop.domain.distribusi import URUTAN_KURVA, kurva_referensi
from kinerja_desktop.domain.errors import DomainError, PermissionDenied
from kinerja_desktop.domain.hari_kerja import libur_antara, sisa_hari_kerja, teks_sisa
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.domain.predikat import Predikat, PredikatOrganisasi
from kinerja_desktop.domain.status import StatusEvaluasi, StatusKeberatan, StatusSkp
from kinerja_desktop.services import akun, impor_pegawai, keberatan, organisasi, pegawai
from kinerja_desktop.services import evaluasi as ev
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services import skp as sk
from kinerja_desktop.services import umpan_balik as ub
from kinerja_desktop.services.akses import wajib_admin
from kinerja_desktop.services.evaluasi.riwayat import batas_keberatan
from kinerja_desktop.services.pengaturan import identitas_kantor
from kinerja_desktop.services.periode import PeriodeRow, pastikan_periode, periode_berjalan
from kinerja_desktop.services.waktu import hari_ini, zona_kantor

HARI_PENGINGAT = 3  # a deadline this many working days away (or fewer) is reminded
# After the year's last filling deadline its final evaluations and objections still take a
# month or so: until then the Beranda stays on that year.
HARI_TUTUP_TAHUN = 31
SUDAH_DIAJUKAN = frozenset({pm.DIAJUKAN, pm.DINILAI})


@dataclass(frozen=True)
class Tujuan:
    """Where a click on a Beranda item leads: a view, and what it shows selected."""

    view: str  # a key of ui/views.VIEWS
    pegawai_id: int | None = None
    skp_id: int | None = None
    periode_id: int | None = None
    tahun: int | None = None
    bagian: str = ""  # a tab or list inside the view ("papan", "keberatan", "perlu_dilengkapi")
    indikator_id: int | None = None  # the IKI whose feedback is opened


@dataclass(frozen=True)
class Butir:
    """One line of a Beranda list: a text, an optional count, and where it leads."""

    teks: str
    tujuan: Tujuan
    jumlah: int | None = None
    keterangan: str = ""
    penting: bool = False  # late or waiting: shown in colour


@dataclass(frozen=True)
class PeriodeSaya:
    periode: PeriodeRow
    status: str  # StatusRealisasi value of the period for the pegawai
    sisa_hari_kerja: int  # to the batas pengisian (negative: past it)
    terlambat: bool  # past the deadline and not yet submitted

    @property
    def teks_batas(self) -> str:
        return teks_sisa(self.sisa_hari_kerja)


@dataclass(frozen=True)
class BerandaPegawai:
    tahun: int
    hari_ini: date
    skp: sk.SkpRingkas | None
    periode: tuple[PeriodeSaya, ...]
    umpan_balik: tuple[ub.UtasBelumDibaca, ...]
    evaluasi: tuple[Butir, ...]  # final results and the keberatan window

    @property
    def jumlah_belum_dibaca(self) -> int:
        return sum(u.jumlah for u in self.umpan_balik)


@dataclass(frozen=True)
class BatangUnit:
    """One bar of a chart: a unit's filled share of the running period."""

    unit: str
    sudah: int
    total: int


@dataclass(frozen=True)
class DistribusiSaya:
    unit: str
    periode: str
    jumlah: tuple[int, ...]  # URUTAN_KURVA order
    kurva: tuple[float, ...] | None  # the SE 3/2023 reference shape, if the unit has a predikat
    predikat_organisasi: str | None
    tujuan: Tujuan


@dataclass(frozen=True)
class BerandaPenilai:
    tahun: int
    skp_menunggu: tuple[Butir, ...]
    realisasi_diajukan: tuple[Butir, ...]  # per period
    evaluasi_tugas: tuple[Butir, ...]  # per period: not yet final
    keberatan: tuple[Butir, ...]
    pengisian: tuple[BatangUnit, ...]
    distribusi: tuple[DistribusiSaya, ...]
    umpan_balik: tuple[ub.UtasBelumDibaca, ...]
    periode_berjalan: str = "-"

    @property
    def jumlah_menunggu(self) -> int:
        """SKP to approve, pegawai whose realisasi waits, objections to decide."""
        realisasi = sum(b.jumlah or 0 for b in self.realisasi_diajukan)
        return len(self.skp_menunggu) + realisasi + len(self.keberatan)


@dataclass(frozen=True)
class BerandaOperator:
    tahun: int
    periode: str
    daftar_periksa: tuple[Butir, ...]  # the start checklist; penting = not done yet
    belum_mengisi: tuple[Butir, ...]
    jumlah_belum_mengisi: int
    jumlah_pegawai: int
    perlu_dilengkapi: tuple[Butir, ...]
    pengisian: tuple[BatangUnit, ...]


@dataclass(frozen=True)
class Pengingat:
    kunci: str  # stable: the tray tells each reminder once per session
    teks: str
    tujuan: Tujuan
    jenis: str = "BATAS"  # BATAS / MENUNGGU / TERLAMBAT


@dataclass(frozen=True)
class Beranda:
    """Everything the Beranda of one user shows (the parts his roles have)."""

    nama: str
    hari_ini: date
    pegawai: BerandaPegawai | None = None
    penilai: BerandaPenilai | None = None
    operator: BerandaOperator | None = None
    pengingat: tuple[Pengingat, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- pegawai


def beranda_pegawai(session: Session, actor: Actor, tahun: int | None = None) -> BerandaPegawai:
    """My SKP and its state, each period's deadline and whether I am late, unread feedback,
    my final evaluations and the keberatan window."""
    saya = _wajib_pegawai(actor)
    hari = hari_ini(session)
    tahun = tahun or tahun_kerja(session, actor, hari)
    daftar = sk.daftar_skp(session, actor, saya, tahun)
    skp = next((s for s in daftar if s.terkini), None)
    periode = pastikan_periode(session, tahun)
    libur = libur_antara(min(p.batas_pengisian for p in periode), max(hari, date(tahun, 12, 31)))
    baris = []
    for p in periode:
        h = pm.halaman_pemantauan(session, actor, saya, tahun, p.id)
        sisa = sisa_hari_kerja(hari, p.batas_pengisian, libur)
        belum = h.status not in SUDAH_DIAJUKAN and h.skp_id is not None
        baris.append(PeriodeSaya(p, h.status, sisa, belum and sisa < 0))
    return BerandaPegawai(
        tahun,
        hari,
        skp,
        tuple(baris),
        tuple(u for u in ub.utas_belum_dibaca(session, actor) if u.pegawai_id == saya),
        tuple(_evaluasi_saya(session, actor, tahun, hari)),
    )


def _evaluasi_saya(session: Session, actor: Actor, tahun: int, hari: date) -> list[Butir]:
    zona = zona_kantor(session)
    hasil = []
    for r in ev.daftar_evaluasi_saya(session, actor, tahun):
        if r.status != StatusEvaluasi.FINAL or r.evaluasi_id is None:
            continue
        tujuan = Tujuan("evaluasi", actor.pegawai_id, periode_id=r.periode_id, bagian="saya")
        model = session.get(Evaluasi, r.evaluasi_id)
        batas = batas_keberatan(model, zona) if model is not None else None
        if r.keberatan:
            ket = f"Keberatan {StatusKeberatan.label_dari(r.keberatan).lower()}"
        elif batas is not None and hari <= batas:
            ket = f"Keberatan dapat diajukan sampai {batas:%d-%m-%Y}"
        else:
            ket = "Masa keberatan sudah lewat"
        predikat = Predikat(r.predikat).label if r.predikat else "-"
        hasil.append(Butir(f"{r.periode_nama}: {predikat}", tujuan, keterangan=ket))
    return hasil


# --------------------------------------------------------------------------- penilai


def beranda_penilai(session: Session, actor: Actor, tahun: int | None = None) -> BerandaPenilai:
    """SKP and revisions waiting for me, realisasi submitted, evaluations to do per period,
    objections to decide, filling progress of my bawahan per unit, my units' distribution."""
    saya = _wajib_pegawai(actor)
    if not actor.punya(Peran.PENILAI):
        raise PermissionDenied("Beranda pejabat penilai hanya untuk akun Pejabat Penilai.")
    hari = hari_ini(session)
    tahun = tahun or tahun_kerja(session, actor, hari)
    skp = [
        Butir(
            f"{r.nama} — {'revisi ' + str(r.revisi) if r.revisi else 'SKP awal'}",
            Tujuan("skp", r.pegawai_id, r.skp_id, tahun=tahun),
            keterangan=r.periode,
            penting=True,
        )
        for r in sk.ringkasan_bawahan(session, actor, tahun)
        if r.status == StatusSkp.DIAJUKAN and r.skp_id is not None
    ]
    papan = pm.papan_pemantauan(session, actor, tahun)
    diajukan = []
    for i, p in enumerate(papan.periode):
        n = sum(1 for b in papan.baris if b.sel[i].status == pm.DIAJUKAN)
        if n:
            tujuan = Tujuan("pemantauan", periode_id=p.id, tahun=tahun, bagian="papan")
            teks = f"{p.nama}: {n} pegawai mengajukan realisasi"
            diajukan.append(Butir(teks, tujuan, n, penting=True))
    return BerandaPenilai(
        tahun,
        tuple(skp),
        tuple(diajukan),
        tuple(_evaluasi_tugas(session, actor, papan.periode, hari)),
        tuple(_keberatan(session, actor)),
        tuple(_pengisian(papan, hari)),
        tuple(_distribusi(session, actor, saya, papan.periode, hari)),
        tuple(u for u in ub.utas_belum_dibaca(session, actor) if u.pegawai_id != saya),
        aktif.label if (aktif := periode_berjalan(list(papan.periode), hari)) else "-",
    )


def _evaluasi_tugas(
    session: Session, actor: Actor, periode: tuple[PeriodeRow, ...], hari: date
) -> list[Butir]:
    """Periods that have ended (and the running one) with evaluations not yet final."""
    hasil = []
    for p in periode:
        if p.mulai > hari:
            continue
        rows = ev.daftar_dinilai(session, actor, p.id)
        sisa = [r for r in rows if r.status != StatusEvaluasi.FINAL]
        if not sisa:
            continue
        selesai = p.selesai < hari
        ket = (
            f"Periode berakhir {p.selesai:%d-%m-%Y}"
            if selesai
            else f"Berjalan sampai {p.selesai:%d-%m-%Y}"
        )
        tujuan = Tujuan("evaluasi", periode_id=p.id, tahun=p.tahun, bagian="dinilai")
        teks = f"{p.nama}: {len(sisa)} dari {len(rows)} belum final"
        hasil.append(Butir(teks, tujuan, len(sisa), ket, penting=selesai))
    return hasil


def _keberatan(session: Session, actor: Actor) -> list[Butir]:
    return [
        Butir(
            f"{k.pegawai_nama} — {k.periode_nama}",
            Tujuan("evaluasi", bagian="keberatan"),
            keterangan=f"Diajukan {k.diajukan_pada:%d-%m-%Y}",
            penting=True,
        )
        for k in keberatan.daftar_keberatan_untuk_diputus(session, actor)
    ]


def _pengisian(papan: pm.PapanPemantauan, hari: date) -> list[BatangUnit]:
    """Per unit: how many pegawai have submitted the running period's realisasi."""
    aktif = periode_berjalan(list(papan.periode), hari)
    if aktif is None:
        return []
    i = next(n for n, p in enumerate(papan.periode) if p.id == aktif.id)
    per_unit: dict[str, list[int]] = {}
    for b in papan.baris:
        hitung = per_unit.setdefault(b.unit_kerja, [0, 0])
        hitung[0] += b.sel[i].status in SUDAH_DIAJUKAN
        hitung[1] += 1
    return [BatangUnit(u, s, t) for u, (s, t) in sorted(per_unit.items())]


def _distribusi(
    session: Session, actor: Actor, saya: int, periode: tuple[PeriodeRow, ...], hari: date
) -> list[DistribusiSaya]:
    """The distribution of the unit I lead, for the last period that has ended."""
    p = session.get(Pegawai, saya)
    lewat = [r for r in periode if r.selesai < hari] or [r for r in periode if r.mulai <= hari]
    if p is None or not p.kepala_unit or not lewat:
        return []
    try:
        d = ev.distribusi_unit(session, actor, p.unit_kerja_id, lewat[-1].id)
    except DomainError:
        return []
    kurva = None
    if d.predikat_organisasi:
        ref = kurva_referensi(PredikatOrganisasi(d.predikat_organisasi))
        kurva = tuple(ref[k] for k in URUTAN_KURVA)
    tujuan = Tujuan("laporan", periode_id=d.periode.id, tahun=d.periode.tahun)
    jumlah = tuple(d.jumlah[k.value] for k in URUTAN_KURVA)
    return [
        DistribusiSaya(d.unit_nama, d.periode.label, jumlah, kurva, d.predikat_organisasi, tujuan)
    ]


# --------------------------------------------------------------------------- operator


def beranda_operator(session: Session, actor: Actor, tahun: int | None = None) -> BerandaOperator:
    """The start checklist of a new office, who has not filled in the running period, the
    roster data to complete, filling progress per unit."""
    wajib_admin(actor)
    hari = hari_ini(session)
    tahun = tahun or tahun_kerja(session, actor, hari)
    units = organisasi.daftar_unit(session, actor, termasuk_nonaktif=False)
    jumlah_pegawai = pegawai.ringkasan(session, actor).aktif
    akun_lain = [a for a in akun.daftar_akun(session, actor) if a.pegawai_id is not None]
    periode = pastikan_periode(session, tahun)
    periksa = (
        _cek("Identitas kantor (instansi, tempat)", identitas_kantor(session).lengkap, "identitas"),
        _cek(f"Unit kerja ({len(units)})", bool(units), "pegawai", "unit"),
        _cek(f"Pegawai aktif ({jumlah_pegawai})", jumlah_pegawai > 0, "pegawai"),
        _cek(f"Periode penilaian {tahun} ({len(periode)})", bool(periode), "pemantauan", "periode"),
        _cek(f"Akun pegawai dan penilai ({len(akun_lain)})", bool(akun_lain), "akun"),
    )
    aktif = periode_berjalan(periode, hari)
    belum: list[Butir] = []
    n_belum = 0
    pengisian: list[BatangUnit] = []
    akar = next((u for u in units if u.induk_id is None), None)
    if aktif is not None and akar is not None:
        papan = pm.papan_pemantauan(session, actor, tahun, unit_id=akar.id)
        pengisian = _pengisian(papan, hari)
        rows = pm.belum_mengisi(session, actor, aktif.id, unit_id=akar.id)
        n_belum = len(rows)
        belum = [
            Butir(
                r.nama,
                Tujuan("pemantauan", r.pegawai_id, periode_id=aktif.id, tahun=tahun),
                keterangan=f"{r.status_label} · {r.unit_kerja}",
            )
            for r in rows[:8]
        ]
    lengkapi = [
        Butir(
            r.nama, Tujuan("pegawai", r.pegawai_id, bagian="perlu_dilengkapi"), keterangan=r.catatan
        )
        for r in impor_pegawai.daftar_perlu_dilengkapi(session, actor)
    ]
    return BerandaOperator(
        tahun,
        aktif.label if aktif else "-",
        periksa,
        tuple(belum),
        n_belum,
        jumlah_pegawai,
        tuple(lengkapi),
        tuple(pengisian),
    )


def _cek(teks: str, selesai: bool, view: str, bagian: str = "") -> Butir:
    return Butir(
        teks,
        Tujuan(view, bagian=bagian),
        keterangan="Selesai" if selesai else "Belum",
        penting=not selesai,
    )


# --------------------------------------------------------------------------- together


def beranda(session: Session, actor: Actor, tahun: int | None = None) -> Beranda:
    """The parts of the Beranda the user's roles have, and the reminders they give."""
    if actor.akun_id is None and actor.pegawai_id is None and not actor.is_admin:
        raise PermissionDenied("Masuk dengan akun terlebih dahulu.")
    saya = actor.pegawai_id is not None
    p = session.get(Pegawai, actor.pegawai_id) if saya else None
    b = Beranda(
        nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang) if p else actor.nama,
        hari_ini(session),
        beranda_pegawai(session, actor, tahun) if saya else None,
        beranda_penilai(session, actor, tahun) if saya and actor.punya(Peran.PENILAI) else None,
        beranda_operator(session, actor, tahun) if actor.is_admin else None,
    )
    return Beranda(b.nama, b.hari_ini, b.pegawai, b.penilai, b.operator, tuple(pengingat(b)))


def pengingat(b: Beranda, hari_batas: int = HARI_PENGINGAT) -> list[Pengingat]:
    """Reminders from a built Beranda: deadlines within ``hari_batas`` working days, late
    periods, and what waits for the user."""
    hasil: list[Pengingat] = []
    if b.pegawai is not None:
        for ps in b.pegawai.periode:
            p = ps.periode
            tujuan = Tujuan("pemantauan", periode_id=p.id, tahun=p.tahun)
            if ps.terlambat:
                teks = (
                    f"Realisasi {p.nama} terlambat: batas pengisian {p.batas_pengisian:%d-%m-%Y}."
                )
                hasil.append(Pengingat(f"telat:{p.id}", teks, tujuan, "TERLAMBAT"))
            elif (
                ps.status not in SUDAH_DIAJUKAN
                and ps.status != pm.TANPA_SKP
                and p.mulai <= b.hari_ini
                and 0 <= ps.sisa_hari_kerja <= hari_batas
            ):
                teks = (
                    f"Batas pengisian realisasi {p.nama}: {p.batas_pengisian:%d-%m-%Y} "
                    f"({ps.teks_batas})."
                )
                hasil.append(Pengingat(f"batas:{p.id}", teks, tujuan))
    utas = sorted(
        [
            *(b.pegawai.umpan_balik if b.pegawai else ()),
            *(b.penilai.umpan_balik if b.penilai else ()),
        ],
        key=lambda u: u.terakhir,
        reverse=True,
    )
    if utas:
        u = utas[0]
        tujuan = tujuan_utas(u)
        n = sum(x.jumlah for x in utas)
        teks = f"{n} pesan umpan balik belum dibaca."
        hasil.append(
            Pengingat(f"ub:{u.utas_id}:{u.terakhir:%Y%m%d%H%M%S}", teks, tujuan, "MENUNGGU")
        )
    if b.penilai is not None:
        pn = b.penilai
        for judul, daftar in (
            ("SKP menunggu persetujuan Anda", pn.skp_menunggu),
            ("Keberatan menunggu keputusan Anda", pn.keberatan),
        ):
            if daftar:
                hasil.append(
                    Pengingat(
                        f"{judul}:{len(daftar)}",
                        f"{judul}: {len(daftar)}.",
                        daftar[0].tujuan,
                        "MENUNGGU",
                    )
                )
        for butir in pn.realisasi_diajukan:
            hasil.append(
                Pengingat(
                    f"real:{butir.teks}",
                    f"{butir.teks}.",
                    butir.tujuan,
                    "MENUNGGU",
                )
            )
    if b.operator is not None and b.operator.jumlah_belum_mengisi:
        op = b.operator
        teks = f"{op.jumlah_belum_mengisi} pegawai belum mengajukan realisasi {op.periode}."
        tujuan = Tujuan("pemantauan", bagian="papan")
        hasil.append(
            Pengingat(f"belum:{op.periode}:{op.jumlah_belum_mengisi}", teks, tujuan, "MENUNGGU")
        )
    return hasil


def tahun_kerja(session: Session, actor: Actor, hari: date) -> int:
    """The year the Beranda shows: last year while its final period is still being filled in
    and evaluated (early January), else this year."""
    lalu = ev.daftar_periode(session, actor, hari.year - 1)
    batas = max((p.batas_pengisian for p in lalu), default=None)
    if batas is not None and hari <= batas + timedelta(days=HARI_TUTUP_TAHUN):
        return hari.year - 1
    return hari.year


def tujuan_utas(u: ub.UtasBelumDibaca) -> Tujuan:
    """A feedback thread opens in Pemantauan: the pegawai, the period and the IKI."""
    return Tujuan(
        "pemantauan", u.pegawai_id, u.skp_id, u.periode_id, u.tahun, indikator_id=u.indikator_id
    )


def _wajib_pegawai(actor: Actor) -> int:
    if actor.pegawai_id is None:
        raise PermissionDenied("Akun ini tidak terhubung dengan data pegawai.")
    return actor.pegawai_id


# --------------------------------------------------------------------------- last view

KUNCI_TAMPILAN = "tampilan_terakhir"


def tampilan_terakhir(session: Session, actor: Actor) -> str | None:
    """The view this account had open last (on any computer)."""
    if actor.akun_id is None:
        return None
    row = _pengaturan_akun(session, actor.akun_id)
    return row.nilai if row is not None else None


def ingat_tampilan(session: Session, actor: Actor, kunci: str) -> None:
    """Remember the view the account is on (its own setting; nothing for a headless actor)."""
    if actor.akun_id is None:
        return
    row = _pengaturan_akun(session, actor.akun_id)
    if row is None:
        session.add(PengaturanAkun(akun_id=actor.akun_id, kunci=KUNCI_TAMPILAN, nilai=kunci))
    elif row.nilai != kunci:
        row.nilai = kunci
    session.flush()


__all__ = [
    "Beranda",
    "BerandaOperator",
    "BerandaPegawai",
    "BerandaPenilai",
    "Butir",
    "Pengingat",
    "Tujuan",
    "beranda",
    "beranda_operator",
    "beranda_pegawai",
    "beranda_penilai",
    "ingat_tampilan",
    "pengingat",
    "tampilan_terakhir",
]


def _pengaturan_akun(session: Session, akun_id: int | None) -> PengaturanAkun | None:
    return session.scalar(
        select(PengaturanAkun).where(
            PengaturanAkun.akun_id == akun_id, PengaturanAkun.kunci == KUNCI_TAMPILAN
        )
    )
