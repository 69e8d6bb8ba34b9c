"""Demo monitoring: periods of the year, rencana aksi, realisasi of past periods (some late,
some missing, some only drafts), small evidence files, daily progress of the last weeks and
feedback threads with replies.

Runs after the SKP step and looks up what exists (no fixed ids). Evidence files are tiny PDFs
and PNGs made in memory and stored through the evidence store into the demo database's own
folder (``<db>-bukti``); a database without a file (in memory) gets links instead.
"""

from __future__ import annotations

import contextlib
import io
import random
import struct
import zlib
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import (
    Pegawai,
    ProgresHarian,
    Realisasi,
    Skp,
    UmpanBalik,
)
from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.domain.status import StatusSkp
from kinerja_desktop.services import bukti as bk
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services import umpan_balik as ub
from kinerja_desktop.services.muat import ambil
from kinerja_desktop.services.periode import pastikan_periode
from kinerja_desktop.services.skp.berlaku import skp_berlaku_periode

LANGKAH_RA = (
    "Mengumpulkan data dan bahan pendukung",
    "Menyusun draf dan mengonsultasikannya kepada atasan",
    "Melaksanakan kegiatan sesuai jadwal",
    "Berkoordinasi dengan desa/kelurahan dan OPD terkait",
    "Menyusun laporan hasil kegiatan",
    "Menindaklanjuti hasil evaluasi periode sebelumnya",
)
KEGIATAN = (
    "Menyusun laporan",
    "Memverifikasi berkas permohonan",
    "Rapat koordinasi dengan perangkat desa",
    "Menginput data ke aplikasi",
    "Melayani konsultasi masyarakat",
    "Mengarsipkan dokumen",
    "Menyiapkan bahan rapat pimpinan",
    "Monitoring lapangan",
    "Menyusun notulen rapat",
    "Memeriksa kelengkapan SPJ",
)
BALASAN = (
    "Baik, terima kasih atas arahannya. Akan saya tindak lanjuti minggu ini.",
    "Siap. Bukti dukung sudah saya lengkapi.",
    "Terima kasih. Kendalanya ada pada data dari desa yang terlambat; sudah saya koordinasikan.",
    "Baik Pak/Bu, akan saya perbaiki pada periode berikutnya.",
)
TANGGAPAN = (
    "Bagus, lanjutkan.",
    "Terima kasih, sudah saya periksa.",
    "Silakan laporkan perkembangannya pada rapat staf berikutnya.",
)


def _aktor(p: Pegawai) -> Actor:
    return Actor(
        nama=nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang),
        pegawai_id=p.id,
        peran=frozenset({Peran.PEGAWAI, Peran.PENILAI}),
    )


def _store(session: Session) -> bk.BuktiStore | None:
    """The evidence store beside the demo database file (None for an in-memory database)."""
    from kinerja_desktop.config import sqlite_path
    from kinerja_desktop.db.database import Database

    bind = session.get_bind()
    url = bind.engine.url.render_as_string(hide_password=False)
    if url.startswith("sqlite") and sqlite_path(url) is None:
        return None
    return bk.BuktiStore(Database(url, bind, None).folder_bukti)  # type: ignore[arg-type]


def pdf_kecil(judul: str, baris: list[str]) -> bytes:
    """A one-page PDF made with ReportLab's canvas (a few KB)."""
    from reportlab.lib.pagesizes import A5
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A5, invariant=1)
    c.setTitle(judul)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, 540, judul[:60])
    c.setFont("Helvetica", 9)
    for i, t in enumerate(baris):
        c.drawString(40, 515 - 14 * i, t[:80])
    c.showPage()
    c.save()
    return buf.getvalue()


def png_kecil(rng: random.Random, lebar: int = 48, tinggi: int = 32) -> bytes:
    """A small PNG (a coloured 'photo' placeholder), written with zlib only."""
    r0, g0, b0 = rng.randrange(60, 200), rng.randrange(60, 200), rng.randrange(60, 200)
    mentah = b"".join(
        b"\x00"
        + b"".join(
            bytes(((r0 + x * 2) % 256, (g0 + y * 3) % 256, (b0 + x + y) % 256))
            for x in range(lebar)
        )
        for y in range(tinggi)
    )

    def chunk(jenis: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + jenis
            + data
            + struct.pack(">I", zlib.crc32(jenis + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", lebar, tinggi, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(mentah))
        + chunk(b"IEND", b"")
    )


def _nilai(b: pm.BarisRealisasi, nomor: int, jumlah: int, rng: random.Random) -> float:
    t = b.target_nilai or 0
    satuan = (b.target_satuan or "").lower()
    if satuan in ("%", "indeks", "nilai", "persen") or t <= 1:
        v = t * rng.uniform(0.82, 1.06)
        if satuan in ("%", "persen"):
            v = min(v, 100.0)
        return round(v, 1)
    v = t * nomor / jumlah * rng.uniform(0.75, 1.15)
    return float(max(0, round(v)))


def _waktu(d: date, jam: int, rng: random.Random) -> datetime:
    """A local office time on day d, stored as naive UTC like utcnow() (WIB = UTC+7)."""
    lokal = datetime.combine(d, time(jam, rng.randrange(0, 60)))
    return lokal - timedelta(hours=7)


def isi_pemantauan(session: Session, tahun: int, rng: random.Random) -> dict[str, int]:
    hari_ini = min(date.today(), date(tahun, 12, 31))
    periode = pastikan_periode(session, tahun)
    ub.pastikan_frasa(session)
    frasa = [t for _i, _k, t in ub.daftar_frasa(session, Actor("sistem"))]
    store = _store(session)
    hitung = {"realisasi": 0, "rencana_aksi": 0, "bukti": 0, "progres": 0, "umpan_balik": 0}
    skps = list(
        session.scalars(
            select(Skp)
            .where(Skp.tahun == tahun, Skp.terkini.is_(True), Skp.status == StatusSkp.DITETAPKAN)
            .order_by(Skp.id)
        )
    )
    lalu = [p for p in periode if p.selesai < hari_ini]
    berjalan = [p for p in periode if p.mulai <= hari_ini <= p.selesai]
    for n, skp in enumerate(skps):
        peg = ambil(session, Pegawai, skp.pegawai_id)
        a = _aktor(peg)
        penilai = session.get(Pegawai, skp.penilai_id) if skp.penilai_id else None
        for p in lalu + berjalan:
            if p.selesai < skp.mulai or p.mulai > skp.selesai:
                continue  # not in force then (a move closed it or opened it later)
            # each period is filled against the revision in force at its end (domain.md §3a)
            berlaku = skp_berlaku_periode(session, peg.id, p) or skp
            baris = pm.realisasi_skp(session, a, berlaku.id, p.id, dengan_umpan_balik=False)
            if not baris:
                continue
            # rencana aksi for every RHK
            for rhk_id in dict.fromkeys(b.rhk_id for b in baris):
                for langkah in rng.sample(LANGKAH_RA, rng.choice((1, 2))):
                    pm.simpan_rencana_aksi(session, a, rhk_id, p.id, langkah)
                    hitung["rencana_aksi"] += 1
            sedang = p in berjalan
            terakhir_lalu = bool(lalu) and p is lalu[-1]
            if terakhir_lalu and n % 9 == 4:
                continue  # missing: this one has not filled the last period
            telat = rng.random() < 0.12
            hari = (
                p.batas_pengisian + timedelta(days=rng.randint(2, 12))
                if telat
                else (
                    p.selesai
                    + timedelta(days=rng.randint(1, max(1, (p.batas_pengisian - p.selesai).days)))
                )
            )
            if sedang:
                hari = hari_ini
            hari = min(hari, hari_ini)
            isi = baris if not sedang else [b for b in baris if rng.random() < 0.5]
            for b in isi:
                if b.kualitatif:
                    r = pm.simpan_realisasi(
                        session,
                        a,
                        b.indikator_id,
                        p.id,
                        None,
                        "Terlaksana sesuai rencana; rincian pada laporan.",
                        hari_ini=hari,
                    )
                else:
                    r = pm.simpan_realisasi(
                        session,
                        a,
                        b.indikator_id,
                        p.id,
                        _nilai(b, p.nomor, len(periode), rng),
                        hari_ini=hari,
                    )
                hitung["realisasi"] += 1
                row = ambil(session, Realisasi, r.id)
                row.diisi_pada = _waktu(hari, rng.randint(8, 15), rng)
                if rng.random() < 0.3:
                    hitung["bukti"] += _bukti(session, a, store, r.id, b, p, peg, rng)
            if not sedang and isi and not (terakhir_lalu and n % 7 == 3):
                with contextlib.suppress(DomainError):
                    pm.ajukan_realisasi(session, a, berlaku.id, p.id, hari_ini=hari)
            # feedback threads on an IKI now and then, with replies
            if penilai is not None and isi and rng.random() < 0.45 and not sedang:
                hitung["umpan_balik"] += _umpan_balik(
                    session, berlaku, p, rng.choice(isi), _aktor(penilai), a, frasa, hari, rng
                )
        if penilai is not None and rng.random() < 0.25 and lalu:
            kode = rng.choice(BERAKHLAK).kode
            u = ub.tulis_umpan_balik(
                session, _aktor(penilai), skp.id, rng.choice(frasa[11:]), nilai_perilaku=kode
            )
            ambil(session, UmpanBalik, u.id).waktu = _waktu(lalu[-1].selesai, 10, rng)
            hitung["umpan_balik"] += 1
        hitung["progres"] += _progres(session, a, skp, peg, hari_ini, rng, store)
    session.flush()
    return hitung


def _bukti(
    session: Session,
    a: Actor,
    store: bk.BuktiStore | None,
    realisasi_id: int,
    b: pm.BarisRealisasi,
    p,
    peg: Pegawai,
    rng: random.Random,
) -> int:
    if store is None or rng.random() < 0.25:
        bk.lampirkan_tautan(
            session,
            a,
            f"https://drive.tebokab.go.id/bukti/{peg.nip}/{p.kode}/{b.indikator_kode}",
            f"Folder bukti IKI {b.indikator_kode}",
            realisasi_id=realisasi_id,
        )
        return 1
    if rng.random() < 0.6:
        data = pdf_kecil(
            f"Laporan {p.nama} {p.tahun}",
            [
                f"IKI {b.indikator_kode}: {b.indikator_uraian}",
                f"Pegawai: {peg.nama}",
                f"Realisasi dilaporkan untuk periode {p.mulai:%d-%m-%Y} s.d. {p.selesai:%d-%m-%Y}.",
                "Dokumen contoh (data demo).",
            ],
        )
        nama = f"Laporan_{p.kode}_IKI_{b.indikator_kode}.pdf"
    else:
        data = png_kecil(rng)
        nama = f"Foto_kegiatan_{p.kode}_{b.indikator_kode}.png"
    bk.lampirkan_bytes(session, a, store, nama, data, realisasi_id=realisasi_id)
    return 1


def _umpan_balik(
    session: Session,
    skp: Skp,
    p,
    b: pm.BarisRealisasi,
    a_penilai: Actor,
    a_pegawai: Actor,
    frasa: list[str],
    hari: date,
    rng: random.Random,
) -> int:
    u = ub.tulis_umpan_balik(
        session,
        a_penilai,
        skp.id,
        rng.choice(frasa[:11]),
        indikator_id=b.indikator_id,
        periode_id=p.id,
    )
    waktu = _waktu(hari + timedelta(days=rng.randint(1, 5)), rng.randint(8, 11), rng)
    ambil(session, UmpanBalik, u.id).waktu = waktu
    n = 1
    if rng.random() < 0.65:
        balas = ub.balas_umpan_balik(session, a_pegawai, u.id, rng.choice(BALASAN))
        waktu += timedelta(hours=rng.randint(2, 30))
        ambil(session, UmpanBalik, balas.pesan[-1].id).waktu = waktu
        n += 1
        if rng.random() < 0.4:
            lagi = ub.balas_umpan_balik(session, a_penilai, u.id, rng.choice(TANGGAPAN))
            ambil(session, UmpanBalik, lagi.pesan[-1].id).waktu = waktu + timedelta(hours=3)
            n += 1
    return n


def _uraian_kegiatan(kegiatan: str, iki: str) -> str:
    """ "Menyusun laporan: jumlah laporan keuangan kecamatan yang disusun" cut at a word."""
    sisa = iki[0].lower() + iki[1:]
    teks = f"{kegiatan} untuk {sisa}"
    if len(teks) > 90:
        teks = teks[:90].rsplit(" ", 1)[0].rstrip(",(") + "…"
    return teks


def _progres(
    session: Session,
    a: Actor,
    skp: Skp,
    peg: Pegawai,
    hari_ini: date,
    rng: random.Random,
    store: bk.BuktiStore | None,
) -> int:
    struktur = [s for s in pm.struktur_skp(session, skp.id) if s.indikator_id is not None]
    if not struktur:
        return 0
    entri = []
    awal = pm.awal_minggu(hari_ini) - timedelta(weeks=3)
    d = max(awal, date(skp.tahun, 1, 1), skp.mulai)
    while d <= min(hari_ini, skp.selesai):  # only the days the SKP is in force
        if d.weekday() < 5:
            for _ in range(rng.choice((1, 1, 2))):
                s = rng.choice(struktur)
                kuantitatif = s.target_nilai is not None and (s.target_satuan or "") not in (
                    "%",
                    "Indeks",
                    "Nilai",
                )
                entri.append(
                    pm.EntriProgres(
                        tanggal=d,
                        uraian=_uraian_kegiatan(rng.choice(KEGIATAN), s.uraian or ""),
                        indikator_id=s.indikator_id,
                        kuantitas=rng.choice((1, 1, 2)) if kuantitatif else None,
                    )
                )
        d += timedelta(days=1)
    if not entri:
        return 0
    rows = pm.simpan_progres_banyak(session, a, peg.id, entri, hari_ini=hari_ini)
    for r in rows:
        p = ambil(session, ProgresHarian, r.id)
        p.dibuat_pada = _waktu(r.tanggal, 16, rng)
        p.terlambat = False
    if store is not None and rows and rng.random() < 0.3:
        r = rng.choice(rows)
        bk.lampirkan_bytes(
            session, a, store, f"Foto_{r.tanggal:%Y%m%d}.png", png_kecil(rng), progres_id=r.id
        )
    return len(rows)


__all__ = ["isi_pemantauan", "pdf_kecil", "png_kecil"]
