"""Umpan balik berkelanjutan: the atasan's feedback on an IKI, an RHK or a BerAKHLAK value,
and the pegawai's answers, kept as ordered threads.

A thread starts with a message of the pejabat penilai (``induk_id`` None); every reply points to
that first message and repeats its target (skp, periode, IKI/RHK/perilaku), so a reader can take
either the root or the row itself. Standard phrases come from a bank (FrasaUmpanBalik) that is
seeded on first use.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import (
    EkspektasiPerilaku,
    FrasaUmpanBalik,
    Indikator,
    Pegawai,
    Periode,
    RencanaHasilKerja,
    Skp,
    UmpanBalik,
    UmpanBalikDibaca,
)
from kinerja_desktop.domain.angka import format_angka
from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services.akses import wajib_baca_pemantauan
from kinerja_desktop.services.muat import ambil
from kinerja_desktop.services.penugasan import adalah_penilai_dalam
from kinerja_desktop.services.skp.berlaku import leluhur_iki, leluhur_rhk, revisi_sebelumnya
from kinerja_desktop.services.waktu import sekarang_utc, waktu_kantor

PERAN_PENILAI = "Pejabat Penilai"
PERAN_PEGAWAI = "Pegawai"
BATAS_TEKS = 4000

KATEGORI_FRASA = {
    "POSITIF": "Apresiasi",
    "PERBAIKAN": "Perbaikan",
    "PERILAKU": "Perilaku",
}

FRASA_BAWAAN: tuple[tuple[str, str], ...] = (
    ("POSITIF", "Capaian sudah sesuai target; pertahankan kualitas dan ketepatan waktunya."),
    ("POSITIF", "Hasil kerja melampaui target periode ini. Terima kasih atas kerja kerasnya."),
    ("POSITIF", "Bukti dukung lengkap dan tertata rapi; sangat membantu penilaian."),
    ("POSITIF", "Laporan disusun dengan baik dan disampaikan tepat waktu."),
    ("POSITIF", "Inisiatif yang baik; silakan dibagikan kepada rekan satu tim."),
    ("PERBAIKAN", "Capaian masih di bawah target; susun langkah percepatan untuk periode berikut."),
    ("PERBAIKAN", "Mohon lengkapi bukti dukung untuk realisasi ini."),
    ("PERBAIKAN", "Realisasi perlu dirinci: sebutkan jumlah, lokasi, dan waktu pelaksanaannya."),
    ("PERBAIKAN", "Perhatikan batas waktu pengisian; realisasi periode ini terlambat diisi."),
    ("PERBAIKAN", "Mari diskusikan kendalanya pada pertemuan bimbingan kinerja minggu ini."),
    ("PERBAIKAN", "Selaraskan rencana aksi dengan target triwulan agar capaian terukur."),
    ("PERILAKU", "Pelayanan kepada masyarakat ramah dan solutif; pertahankan."),
    ("PERILAKU", "Tingkatkan koordinasi dan komunikasi dengan rekan kerja lintas seksi."),
    ("PERILAKU", "Disiplin waktu perlu ditingkatkan, terutama kehadiran pada rapat koordinasi."),
    ("PERILAKU", "Aktif membantu rekan yang baru; teruskan budaya saling belajar."),
    ("PERILAKU", "Ikuti pelatihan yang relevan untuk meningkatkan kompetensi teknis."),
)


@dataclass(frozen=True)
class PesanRingkas:
    """One message of a feedback thread."""

    id: int
    induk_id: int | None
    penulis_id: int
    penulis_nama: str
    peran: str  # "Pejabat Penilai" / "Pegawai" / other
    teks: str
    waktu: datetime
    waktu_kantor: datetime  # the same moment in the office's zone, for the screen


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


def pastikan_frasa(session: Session) -> None:
    """Seed the phrase bank once (an empty bank gets the standard phrases)."""
    if session.scalar(select(exists().where(FrasaUmpanBalik.id.is_not(None)))):
        return
    for kategori, teks in FRASA_BAWAAN:
        session.add(FrasaUmpanBalik(kategori=kategori, teks=teks))
    session.flush()


def daftar_frasa(
    session: Session, actor: Actor, kategori: str | None = None
) -> list[tuple[int, str, str]]:
    """(id, kategori, teks) of the phrase bank, seeded on first use."""
    pastikan_frasa(session)
    q = select(FrasaUmpanBalik).order_by(FrasaUmpanBalik.kategori, FrasaUmpanBalik.id)
    if kategori:
        q = q.where(FrasaUmpanBalik.kategori == kategori)
    return [(f.id, f.kategori, f.teks) for f in session.scalars(q)]


def tambah_frasa(session: Session, actor: Actor, kategori: str, teks: str) -> int:
    if actor.pegawai_id is None and not actor.is_admin:
        raise PermissionDenied("Anda tidak dapat menambah frasa umpan balik.")
    if kategori not in KATEGORI_FRASA:
        raise ValidationError("Kategori frasa tidak dikenal.", "Kategori")
    t = " ".join((teks or "").split())
    if not t:
        raise ValidationError("Teks frasa wajib diisi.", "Frasa")
    f = FrasaUmpanBalik(kategori=kategori, teks=t)
    session.add(f)
    session.flush()
    return f.id


# --------------------------------------------------------------------------- permissions


def adalah_penilai_skp(session: Session, pegawai_id: int | None, skp: Skp) -> bool:
    """The SKP's pejabat penilai, or someone assigned as his penilai during the SKP's span."""
    if pegawai_id is None or pegawai_id == skp.pegawai_id:
        return False
    if skp.penilai_id == pegawai_id:
        return True
    return adalah_penilai_dalam(session, pegawai_id, skp.pegawai_id, skp.mulai, skp.selesai)


def _teks(teks: str) -> str:
    t = (teks or "").strip()
    if not t:
        raise ValidationError("Tulis isi umpan balik terlebih dahulu.", "Umpan balik")
    if len(t) > BATAS_TEKS:
        raise ValidationError(
            f"Umpan balik terlalu panjang (maks. {format_angka(BATAS_TEKS)} huruf).",
            "Umpan balik",
        )
    return t


# --------------------------------------------------------------------------- writing


def tulis_umpan_balik(
    session: Session,
    actor: Actor,
    skp_id: int,
    teks: str,
    *,
    indikator_id: int | None = None,
    rhk_id: int | None = None,
    nilai_perilaku: str | None = None,
    periode_id: int | None = None,
) -> UtasRingkas:
    """The pejabat penilai starts a thread on one IKI, RHK or BerAKHLAK value."""
    skp = ambil(session, Skp, skp_id, "SKP tidak ditemukan.")
    if not adalah_penilai_skp(session, actor.pegawai_id, skp):
        raise PermissionDenied(
            "Umpan balik berkelanjutan ditulis oleh pejabat penilai pegawai ini. Pegawai dapat "
            "membalas umpan balik yang sudah ada."
        )
    if sum(x is not None for x in (indikator_id, rhk_id, nilai_perilaku)) != 1:
        raise ValidationError(
            "Pilih satu sasaran umpan balik: indikator, rencana hasil kerja, atau nilai perilaku.",
            "Sasaran",
        )
    if indikator_id is not None:
        ok = session.scalar(
            select(
                exists().where(
                    Indikator.id == indikator_id,
                    Indikator.rhk_id == RencanaHasilKerja.id,
                    RencanaHasilKerja.skp_id == skp_id,
                )
            )
        )
        if not ok:
            raise ValidationError("Indikator itu bukan bagian SKP ini.", "Sasaran")
    if rhk_id is not None:
        rhk = session.get(RencanaHasilKerja, rhk_id)
        if rhk is None or rhk.skp_id != skp_id:
            raise ValidationError("Rencana hasil kerja itu bukan bagian SKP ini.", "Sasaran")
    if nilai_perilaku is not None and nilai_perilaku not in {n.kode for n in BERAKHLAK}:
        raise ValidationError(f"Nilai perilaku tidak dikenal: {nilai_perilaku}.", "Sasaran")
    if periode_id is not None:
        p = session.get(Periode, periode_id)
        if p is None or p.tahun != skp.tahun:
            raise ValidationError("Periode itu bukan periode SKP ini.", "Periode")
    u = UmpanBalik(
        skp_id=skp_id,
        periode_id=periode_id,
        indikator_id=indikator_id,
        rhk_id=rhk_id,
        nilai_perilaku=nilai_perilaku,
        induk_id=None,
        penulis_id=actor.pegawai_id,
        teks=_teks(teks),
        waktu=sekarang_utc(),
    )
    session.add(u)
    session.flush()
    return _utas(session, u.id)


def balas_umpan_balik(session: Session, actor: Actor, induk_id: int, teks: str) -> UtasRingkas:
    """The pegawai (or the penilai) answers in a thread; returns the whole thread."""
    induk = ambil(
        session,
        UmpanBalik,
        induk_id,
        "Umpan balik tidak ditemukan; mungkin sudah dihapus. Muat ulang.",
    )
    akar = induk
    langkah = 0
    while akar.induk_id is not None and langkah < 100:
        akar = ambil(session, UmpanBalik, akar.induk_id)
        langkah += 1
    skp = ambil(session, Skp, akar.skp_id)
    if actor.pegawai_id is None or not (
        actor.pegawai_id == skp.pegawai_id or adalah_penilai_skp(session, actor.pegawai_id, skp)
    ):
        raise PermissionDenied(
            "Hanya pegawai yang bersangkutan dan pejabat penilainya yang dapat membalas umpan "
            "balik ini."
        )
    waktu = sekarang_utc()
    terakhir = session.scalar(
        select(func.max(UmpanBalik.waktu)).where(
            or_(UmpanBalik.id == akar.id, UmpanBalik.induk_id == akar.id)
        )
    )
    if terakhir is not None and waktu <= terakhir:
        # keep the order strict even when two messages are written within the clock's tick
        from datetime import timedelta

        waktu = terakhir + timedelta(microseconds=1)
    u = UmpanBalik(
        skp_id=akar.skp_id,
        periode_id=akar.periode_id,
        indikator_id=akar.indikator_id,
        rhk_id=akar.rhk_id,
        nilai_perilaku=akar.nilai_perilaku,
        induk_id=akar.id,
        penulis_id=actor.pegawai_id,
        teks=_teks(teks),
        waktu=waktu,
    )
    session.add(u)
    session.flush()
    return _utas(session, akar.id)


# --------------------------------------------------------------------------- reading


def _sasaran(u: UmpanBalik) -> str:
    if u.indikator_id is not None:
        return "IKI"
    if u.rhk_id is not None:
        return "RHK"
    return "PERILAKU"


def _bangun(session: Session, rows: list[UmpanBalik]) -> list[UtasRingkas]:
    if not rows:
        return []
    skp_ids = {r.skp_id for r in rows}
    pemilik = {
        sid: pid
        for sid, pid in session.execute(select(Skp.id, Skp.pegawai_id).where(Skp.id.in_(skp_ids)))
    }
    nama = {
        pid: nama_lengkap(gd, n, gb)
        for pid, n, gd, gb in session.execute(
            select(Pegawai.id, Pegawai.nama, Pegawai.gelar_depan, Pegawai.gelar_belakang).where(
                Pegawai.id.in_({r.penulis_id for r in rows})
            )
        )
    }
    per_id = {r.id: r for r in rows}
    anak: dict[int, list[UmpanBalik]] = defaultdict(list)
    akar: list[UmpanBalik] = []
    for r in rows:
        a = r
        langkah = 0
        while a.induk_id is not None and a.induk_id in per_id and langkah < 100:
            a = per_id[a.induk_id]
            langkah += 1
        if a is r:
            akar.append(r)
        else:
            anak[a.id].append(r)

    def pesan(u: UmpanBalik) -> PesanRingkas:
        peran = PERAN_PEGAWAI if u.penulis_id == pemilik.get(u.skp_id) else PERAN_PENILAI
        return PesanRingkas(
            u.id,
            u.induk_id,
            u.penulis_id,
            nama.get(u.penulis_id, "?"),
            peran,
            u.teks,
            u.waktu,
            waktu_kantor(session, u.waktu),
        )

    hasil = []
    for a in sorted(akar, key=lambda u: (u.waktu, u.id)):
        semua = [a, *sorted(anak.get(a.id, []), key=lambda u: (u.waktu, u.id))]
        hasil.append(
            UtasRingkas(
                a.id,
                _sasaran(a),
                a.indikator_id,
                a.rhk_id,
                a.nilai_perilaku,
                a.periode_id,
                tuple(pesan(u) for u in semua),
            )
        )
    return hasil


def _utas(session: Session, akar_id: int) -> UtasRingkas:
    rows = list(
        session.scalars(
            select(UmpanBalik).where(or_(UmpanBalik.id == akar_id, UmpanBalik.induk_id == akar_id))
        )
    )
    return _bangun(session, rows)[0]


def utas_skp(session: Session, skp_id: int, periode_id: int | None = None) -> list[UtasRingkas]:
    """All threads of an SKP in order (no permission check: for other services).
    With ``periode_id``: the threads of that period and the undated ones."""
    q = select(UmpanBalik).where(UmpanBalik.skp_id == skp_id)
    if periode_id is not None:
        q = q.where(or_(UmpanBalik.periode_id == periode_id, UmpanBalik.periode_id.is_(None)))
    return _bangun(session, list(session.scalars(q)))


def umpan_balik_skp(
    session: Session,
    actor: Actor,
    skp_id: int,
    *,
    periode_id: int | None = None,
    indikator_id: int | None = None,
    rhk_id: int | None = None,
    nilai_perilaku: str | None = None,
) -> list[UtasRingkas]:
    """Threads of an SKP, optionally only those on one IKI, RHK or BerAKHLAK value."""
    skp = ambil(session, Skp, skp_id, "SKP tidak ditemukan.")
    wajib_baca_pemantauan(session, actor, skp.pegawai_id)
    # the threads of earlier revisions stay with the IKI and RHK that continue them
    hasil = [
        u
        for sid in [skp_id, *revisi_sebelumnya(session, skp)]
        for u in utas_skp(session, sid, periode_id)
    ]
    if indikator_id is not None:
        rantai_iki = set(leluhur_iki(session, [indikator_id])[indikator_id])
        hasil = [u for u in hasil if u.indikator_id in rantai_iki]
    if rhk_id is not None:
        rantai_rhk = set(leluhur_rhk(session, [rhk_id])[rhk_id])
        hasil = [u for u in hasil if u.rhk_id in rantai_rhk and u.indikator_id is None]
    if nilai_perilaku is not None:
        hasil = [u for u in hasil if u.nilai_perilaku == nilai_perilaku]
    return hasil


def perilaku_skp(session: Session, actor: Actor, skp_id: int) -> list[tuple[str, str]]:
    """(kode, nama) of the BerAKHLAK values of an SKP, for choosing a feedback target."""
    skp = ambil(session, Skp, skp_id, "SKP tidak ditemukan.")
    wajib_baca_pemantauan(session, actor, skp.pegawai_id)
    nama = {n.kode: n.nama for n in BERAKHLAK}
    kode = list(
        session.scalars(
            select(EkspektasiPerilaku.nilai)
            .where(EkspektasiPerilaku.skp_id == skp_id)
            .order_by(EkspektasiPerilaku.urutan)
        )
    ) or [n.kode for n in BERAKHLAK]
    return [(k, nama.get(k, k)) for k in kode]


# --------------------------------------------------------------------------- read marks
# Per account, per thread: "read up to" the newest message shown. A message of someone else
# that is newer is unread; one's own messages never are.


def tanda_baca(session: Session, actor: Actor, utas_ids: Iterable[int]) -> dict[int, datetime]:
    """The account's read marks of these threads (no permission check: for other services)."""
    ids = list(set(utas_ids))
    if actor.akun_id is None or not ids:
        return {}
    return {
        u: w
        for u, w in session.execute(
            select(UmpanBalikDibaca.utas_id, UmpanBalikDibaca.dibaca_sampai).where(
                UmpanBalikDibaca.akun_id == actor.akun_id, UmpanBalikDibaca.utas_id.in_(ids)
            )
        )
    }


def pesan_baru(utas: UtasRingkas, actor: Actor, dibaca: datetime | None) -> list[PesanRingkas]:
    """Messages of the thread the actor has not read: others', newer than his mark."""
    return [
        p
        for p in utas.pesan
        if p.penulis_id != actor.pegawai_id and (dibaca is None or p.waktu > dibaca)
    ]


def hitung_belum_dibaca(
    session: Session, actor: Actor, utas: Iterable[UtasRingkas]
) -> dict[int, int]:
    """Unread messages per thread (only threads with any), for threads already loaded. Without
    an account (a headless actor) nothing is tracked, so nothing is unread."""
    if actor.akun_id is None:
        return {}
    daftar = list(utas)
    tanda = tanda_baca(session, actor, (u.id for u in daftar))
    hasil = {u.id: len(pesan_baru(u, actor, tanda.get(u.id))) for u in daftar}
    return {k: n for k, n in hasil.items() if n}


def tandai_dibaca(session: Session, actor: Actor, utas_ids: list[int]) -> dict[int, datetime]:
    """The actor has seen these threads: move his marks to their newest message. Returns the
    marks as they were before, so the screen can still highlight what was new."""
    if actor.akun_id is None:
        return {}
    ids = sorted(set(utas_ids))
    akar = {
        u.id: u
        for u in session.scalars(
            select(UmpanBalik).where(UmpanBalik.id.in_(ids), UmpanBalik.induk_id.is_(None))
        )
    }
    for skp_id in {u.skp_id for u in akar.values()}:
        wajib_baca_pemantauan(session, actor, ambil(session, Skp, skp_id).pegawai_id)
    lama = tanda_baca(session, actor, akar)
    terbaru = dict(
        session.execute(
            select(func.coalesce(UmpanBalik.induk_id, UmpanBalik.id), func.max(UmpanBalik.waktu))
            .where(or_(UmpanBalik.id.in_(akar), UmpanBalik.induk_id.in_(akar)))
            .group_by(func.coalesce(UmpanBalik.induk_id, UmpanBalik.id))
        ).all()
    )
    for uid, waktu in terbaru.items():
        if uid in lama and lama[uid] >= waktu:
            continue
        baris = session.scalar(
            select(UmpanBalikDibaca).where(
                UmpanBalikDibaca.akun_id == actor.akun_id, UmpanBalikDibaca.utas_id == uid
            )
        )
        if baris is None:
            session.add(UmpanBalikDibaca(akun_id=actor.akun_id, utas_id=uid, dibaca_sampai=waktu))
        else:
            baris.dibaca_sampai = waktu
    session.flush()
    return lama


@dataclass(frozen=True)
class UtasBelumDibaca:
    """A thread with messages the actor has not read, for the Beranda."""

    utas_id: int
    skp_id: int
    pegawai_id: int  # the SKP's owner
    pegawai_nama: str
    tahun: int
    periode_id: int | None
    indikator_id: int | None
    sasaran: str  # IKI / RHK / PERILAKU
    jumlah: int
    terakhir: datetime
    cuplikan: str  # the newest unread message, shortened
    penulis_nama: str = ""  # who wrote it


def utas_belum_dibaca(session: Session, actor: Actor) -> list[UtasBelumDibaca]:
    """Threads on the actor's own SKP or on SKP he rates with unread messages, newest first."""
    saya = actor.pegawai_id
    if saya is None or actor.akun_id is None:
        return []
    akar_id = func.coalesce(UmpanBalik.induk_id, UmpanBalik.id)
    tanda = (
        select(UmpanBalikDibaca.utas_id, UmpanBalikDibaca.dibaca_sampai)
        .where(UmpanBalikDibaca.akun_id == actor.akun_id)
        .subquery()
    )
    baris = session.execute(
        select(UmpanBalik, Skp.pegawai_id, Skp.tahun)
        .join(Skp, Skp.id == UmpanBalik.skp_id)
        .outerjoin(tanda, tanda.c.utas_id == akar_id)
        .where(
            or_(Skp.pegawai_id == saya, Skp.penilai_id == saya),
            UmpanBalik.penulis_id != saya,
            or_(tanda.c.dibaca_sampai.is_(None), UmpanBalik.waktu > tanda.c.dibaca_sampai),
        )
        .order_by(UmpanBalik.waktu)
    ).all()
    per_utas: dict[int, list[tuple[UmpanBalik, int, int]]] = defaultdict(list)
    for u, pegawai_id, tahun in baris:
        per_utas[u.induk_id or u.id].append((u, pegawai_id, tahun))
    nama = {
        pid: nama_lengkap(gd, n, gb)
        for pid, n, gd, gb in session.execute(
            select(Pegawai.id, Pegawai.nama, Pegawai.gelar_depan, Pegawai.gelar_belakang).where(
                Pegawai.id.in_(
                    {v[0][1] for v in per_utas.values()}
                    | {u.penulis_id for v in per_utas.values() for u, _p, _t in v}
                )
            )
        )
    }
    hasil = []
    for uid, pesan in per_utas.items():
        akhir, pegawai_id, tahun = pesan[-1]
        teks = " ".join(akhir.teks.split())
        hasil.append(
            UtasBelumDibaca(
                uid,
                akhir.skp_id,
                pegawai_id,
                nama.get(pegawai_id, "?"),
                tahun,
                akhir.periode_id,
                akhir.indikator_id,
                _sasaran(akhir),
                len(pesan),
                akhir.waktu,
                teks if len(teks) <= 80 else teks[:78] + "…",
                nama.get(akhir.penulis_id, "?"),
            )
        )
    return sorted(hasil, key=lambda u: u.terakhir, reverse=True)


def format_waktu(w: datetime) -> str:
    """An office-local time (``waktu_kantor`` of a row) as shown: "14-03-2025 09.05"."""
    return w.strftime("%d-%m-%Y %H.%M")


__all__ = [
    "FRASA_BAWAAN",
    "KATEGORI_FRASA",
    "PesanRingkas",
    "UtasBelumDibaca",
    "UtasRingkas",
    "adalah_penilai_skp",
    "balas_umpan_balik",
    "daftar_frasa",
    "format_waktu",
    "hitung_belum_dibaca",
    "pastikan_frasa",
    "perilaku_skp",
    "pesan_baru",
    "tambah_frasa",
    "tanda_baca",
    "tandai_dibaca",
    "tulis_umpan_balik",
    "umpan_balik_skp",
    "utas_belum_dibaca",
    "utas_skp",
]
