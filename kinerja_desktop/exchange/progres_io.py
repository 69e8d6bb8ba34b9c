"""Bulk entry of daily progress and realisasi from Excel (or CSV): template, preview, apply.

One row per entry. The preview lists every row as valid or invalid (row number, column,
reason); applying is all-or-nothing: it is refused while any row is invalid, and it runs in the
caller's single transaction, so a failure leaves the database untouched.

RHK and IKI are named by the codes the monitoring screen shows: "1" is the first RHK utama,
"T1" the first RHK tambahan, "1.2" the second IKI of RHK 1.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai, Periode, ProgresHarian
from kinerja_desktop.domain.angka import format_angka, parse_angka
from kinerja_desktop.domain.errors import PermissionDenied, StateError, ValidationError
from kinerja_desktop.domain.nip import is_excel_mangled, normalize_nip
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.tanggal import parse_tanggal
from kinerja_desktop.domain.tugas import StatusTugas
from kinerja_desktop.exchange.tabular import (
    KolomEkspor,
    read_table,
    teks,
    write_template_xlsx,
    write_xlsx,
)
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services.muat import ambil
from kinerja_desktop.services.periode import pastikan_periode
from kinerja_desktop.services.waktu import hari_ini as hari_ini_kantor
from kinerja_desktop.services.waktu import sekarang_utc

PROGRES = "PROGRES"
REALISASI = "REALISASI"

# canonical -> (header shown in the template, other accepted spellings...)
KOLOM_PROGRES: dict[str, tuple[str, ...]] = {
    "nip": ("NIP", "NIP Pegawai", "NI PPPK", "NIP/NI PPPK"),
    "tanggal": ("Tanggal", "Tgl", "Tanggal Kegiatan"),
    "uraian": ("Uraian Kegiatan", "Uraian", "Kegiatan", "Kegiatan Harian"),
    "kode": ("Kode RHK/IKI", "Kode RHK", "Kode IKI", "No RHK", "Nomor RHK", "RHK/IKI"),
    "kuantitas": ("Kuantitas", "Jumlah", "Output", "Volume"),
    "satuan": ("Satuan", "Satuan Output"),
    "tautan": ("Tautan Bukti", "Link Bukti", "Tautan", "Bukti (tautan)"),
}
WAJIB_PROGRES = ("nip", "tanggal", "uraian", "kode")

KOLOM_REALISASI: dict[str, tuple[str, ...]] = {
    "nip": ("NIP", "NIP Pegawai", "NI PPPK", "NIP/NI PPPK"),
    "periode": ("Periode", "Kode Periode", "Triwulan"),
    "kode": ("Kode IKI", "Kode RHK/IKI", "No IKI", "Nomor IKI"),
    "realisasi": ("Realisasi", "Realisasi (angka)", "Nilai Realisasi"),
    "narasi": ("Uraian Realisasi", "Narasi", "Keterangan", "Realisasi (uraian)"),
    "tautan": ("Tautan Bukti", "Link Bukti", "Tautan"),
}
WAJIB_REALISASI = ("nip", "periode", "kode")

_KOLOM_LAYANAN = {  # service field -> template column
    "Tanggal": "tanggal",
    "Uraian": "uraian",
    "RHK": "kode",
    "IKI": "kode",
    "Rencana Aksi": "kode",
    "Kuantitas": "kuantitas",
    "Satuan": "satuan",
    "Realisasi": "realisasi",
    "Periode": "periode",
    "Tautan": "tautan",
}


@dataclass(frozen=True)
class MasalahBaris:
    baris: int  # row number as seen in Excel
    kolom: str | None  # column header as in the template
    alasan: str

    def __str__(self) -> str:
        kolom = f" kolom {self.kolom}" if self.kolom else ""
        return f"Baris {self.baris}{kolom}: {self.alasan}"


@dataclass(frozen=True)
class BarisValid:
    baris: int
    pegawai_id: int
    nip: str
    nama: str
    ringkasan: str  # what will be written, for the preview table
    entri: pm.EntriProgres | None = None  # PROGRES
    indikator_id: int | None = None  # REALISASI
    periode_id: int | None = None
    nilai: float | None = None
    narasi: str | None = None
    tautan: str | None = None


@dataclass
class PratinjauImpor:
    jenis: str  # PROGRES / REALISASI
    nama_file: str
    valid: list[BarisValid] = field(default_factory=list)
    masalah: list[MasalahBaris] = field(default_factory=list)

    @property
    def jumlah_baris(self) -> int:
        return len(self.valid) + len({m.baris for m in self.masalah})

    @property
    def bisa_diterapkan(self) -> bool:
        return bool(self.valid) and not self.masalah

    def ringkasan(self) -> str:
        salah = len({m.baris for m in self.masalah})
        return (
            f"{self.jumlah_baris} baris dibaca dari {self.nama_file}: {len(self.valid)} valid, "
            f"{salah} bermasalah."
        )


def _judul(kolom: dict[str, tuple[str, ...]], kanonik: str) -> str:
    return kolom[kanonik][0]


# --------------------------------------------------------------------------- templates


def _petunjuk_kode(session: Session | None, pegawai_id: int | None, tahun: int | None) -> list[str]:
    if session is None or pegawai_id is None or tahun is None:
        return []
    skp = pm.skp_untuk(session, pegawai_id, tahun)
    if skp is None:
        return []
    baris = ["", f"KODE RHK/IKI SKP TAHUN {tahun} ANDA:"]
    sudah = set()
    for it in pm.struktur_skp(session, skp.id):
        if it.rhk_kode not in sudah:
            sudah.add(it.rhk_kode)
            baris.append(f"{it.rhk_kode}  —  RHK: {it.rhk_uraian}")
        if it.indikator_kode:
            target = (
                f"{format_angka(it.target_nilai)} {it.target_satuan or ''}".strip()
                if it.target_nilai is not None
                else (it.target_narasi or "kualitatif")
            )
            baris.append(f"    {it.indikator_kode}  —  IKI: {it.uraian} (target {target})")
    return baris


def _nip_contoh(session: Session | None, pegawai_id: int | None) -> str:
    """The NIP printed in a template's sample rows: the pegawai's own, else a made-up one."""
    nip = "198005172005031001"
    if session is not None and pegawai_id is not None:
        p = session.get(Pegawai, pegawai_id)
        nip = p.nip if p else nip
    return nip


def tulis_template_progres(
    path: str | os.PathLike[str],
    session: Session | None = None,
    pegawai_id: int | None = None,
    tahun: int | None = None,
) -> None:
    """The fillable template for daily progress; with a pegawai, his NIP and codes are shown."""
    nip = _nip_contoh(session, pegawai_id)
    tahun_contoh = tahun or (hari_ini_kantor(session) if session else sekarang_utc()).year
    kolom = [
        KolomEkspor("NIP", 22, teks=True),
        KolomEkspor("Tanggal", 13, format_tanggal=True),
        KolomEkspor("Uraian Kegiatan", 50),
        KolomEkspor("Kode RHK/IKI", 14, teks=True),
        KolomEkspor("Kuantitas", 11, format_angka="#,##0.##"),
        KolomEkspor("Satuan", 14),
        KolomEkspor("Tautan Bukti", 40),
    ]
    petunjuk = [
        "Satu baris = satu kegiatan harian. Baris contoh bercetak miring boleh ditimpa atau "
        "dihapus.",
        "NIP: 18 digit tanpa spasi (kolom sudah berformat teks agar tidak berubah menjadi angka).",
        "Tanggal: tanggal kegiatan, format DD-MM-YYYY (mis. 03-03-2025). Tanggal yang belum "
        "terjadi ditolak.",
        "Uraian Kegiatan: apa yang dikerjakan hari itu (wajib).",
        "Kode RHK/IKI: kode seperti tampil di layar Pemantauan — 1 = RHK utama pertama, "
        "T1 = RHK tambahan pertama, 1.2 = IKI kedua dari RHK 1. Isi kode IKI agar kuantitasnya "
        "dapat dijumlahkan menjadi saran realisasi.",
        "Kuantitas dan Satuan: hasil kerja hari itu (boleh kosong). Satuan kosong mengikuti "
        "satuan target IKI.",
        "Tautan Bukti: alamat http:// atau https:// ke foto/dokumen (boleh kosong). Berkas bukti "
        "dilampirkan lewat layar Pemantauan.",
        "Impor bersifat semua-atau-tidak-sama-sekali: bila satu baris salah, tidak ada yang "
        "disimpan; perbaiki baris yang disebut di pratinjau lalu impor ulang.",
        *_petunjuk_kode(session, pegawai_id, tahun),
    ]
    contoh = [
        [
            nip,
            date(tahun_contoh, 3, 3),
            "Menyusun draf laporan keuangan Februari",
            "1.1",
            1,
            "laporan",
            None,
        ],
        [
            nip,
            date(tahun_contoh, 3, 4),
            "Rekonsiliasi belanja dengan BPKAD",
            "1",
            None,
            None,
            "https://drive.google.com/...",
        ],
    ]
    write_template_xlsx(path, kolom, petunjuk, contoh)


def tulis_template_realisasi(
    path: str | os.PathLike[str],
    session: Session | None = None,
    pegawai_id: int | None = None,
    tahun: int | None = None,
) -> None:
    nip = _nip_contoh(session, pegawai_id)
    kolom = [
        KolomEkspor("NIP", 22, teks=True),
        KolomEkspor("Periode", 10, teks=True),
        KolomEkspor("Kode IKI", 10, teks=True),
        KolomEkspor("Realisasi", 12, format_angka="#,##0.##"),
        KolomEkspor("Uraian Realisasi", 50),
        KolomEkspor("Tautan Bukti", 40),
    ]
    petunjuk = [
        "Satu baris = realisasi satu IKI pada satu periode.",
        "Periode: kode periode, mis. TW1, TW2, TW3, AKHIR (triwulan), S1 (semester), B01 "
        "(bulanan), sesuai pengaturan kantor.",
        "Kode IKI: seperti tampil di layar Pemantauan (1.1 = IKI pertama RHK 1; T1.1 untuk RHK "
        "tambahan).",
        "Realisasi: angka untuk IKI kuantitatif (mis. 3 atau 97,5). Untuk IKI kualitatif isi "
        "Uraian Realisasi.",
        "Realisasi yang sudah ada akan diganti dan kembali berstatus Draf. Periode yang "
        "evaluasinya sudah final ditolak.",
        "Impor bersifat semua-atau-tidak-sama-sekali.",
        *_petunjuk_kode(session, pegawai_id, tahun),
    ]
    contoh: list[list[object]] = [
        [nip, "TW1", "1.1", 3, None, None],
        [nip, "TW1", "2.1", None, "Pembinaan bendahara desa dilaksanakan 2 kali", None],
    ]
    write_template_xlsx(path, kolom, petunjuk, contoh)


# --------------------------------------------------------------------------- reading


class _Konteks:
    """Caches of pegawai, SKP structure and periods while a file is checked."""

    def __init__(self, session: Session, actor: Actor) -> None:
        self.session = session
        self.actor = actor
        self._peg: dict[str, tuple[int, str] | None] = {}
        self._kode: dict[tuple[int, int, int | None], dict | None] = {}
        self._periode: dict[tuple[int, str], int | None] = {}

    def pegawai(self, nilai: object) -> tuple[int, str, str]:
        if nilai is None:
            raise ValidationError("NIP wajib diisi.", "nip")
        if is_excel_mangled(nilai):
            raise ValidationError(
                f"NIP {teks(nilai)} rusak karena tersimpan sebagai angka di Excel (digit "
                "terakhirnya hilang). Ubah kolom NIP menjadi Teks lalu ketik ulang NIP-nya.",
                "nip",
            )
        nip = normalize_nip(teks(nilai))
        if nip not in self._peg:
            row = self.session.execute(
                select(Pegawai.id, Pegawai.nama).where(Pegawai.nip == nip)
            ).first()
            self._peg[nip] = (row[0], row[1]) if row else None
        found = self._peg[nip]
        if found is None:
            raise ValidationError(f"NIP {nip} tidak terdaftar sebagai pegawai.", "nip")
        pid, nama = found
        if not (self.actor.is_admin or self.actor.pegawai_id == pid):
            raise ValidationError(
                f"NIP {nip} bukan NIP Anda; Anda hanya dapat mengimpor data Anda sendiri.", "nip"
            )
        return pid, nip, nama

    def kode(
        self, pegawai_id: int, tahun: int, kode: object, tanggal: date | None = None
    ) -> tuple[int, int | None]:
        """RHK/IKI of a code in the SKP revision in force on ``tanggal`` (the row's day or the
        period's end): the codes of a pending revision are not used yet."""
        k = (teks(kode) or "").upper().replace(" ", "").replace(",", ".")
        if not k:
            raise ValidationError("Kode RHK/IKI wajib diisi.", "kode")
        skp = pm.skp_untuk(self.session, pegawai_id, tahun, tanggal)
        kunci = (pegawai_id, tahun, skp.id if skp else None)
        if kunci not in self._kode:
            self._kode[kunci] = pm.peta_kode_skp(self.session, skp.id) if skp else None
        peta = self._kode[kunci]
        if peta is None:
            raise ValidationError(f"Pegawai belum memiliki SKP tahun {tahun}.", "kode")
        if k.endswith(".0") and k[:-2] in peta and "." not in k[:-2]:
            k = k[:-2]  # Excel made "1" into 1.0
        if k not in peta:
            contoh = ", ".join(list(peta)[:6])
            raise ValidationError(
                f"Kode {k} tidak ada di SKP tahun {tahun} (kode yang ada: {contoh}…).", "kode"
            )
        return peta[k]

    def periode(self, tahun: int, kode: object) -> int:
        k = (teks(kode) or "").upper().replace(" ", "")
        if not k:
            raise ValidationError("Periode wajib diisi (mis. TW1).", "periode")
        kunci = (tahun, k)
        if kunci not in self._periode:
            pastikan_periode(self.session, tahun)
            p = self.session.scalars(
                select(Periode).where(Periode.tahun == tahun, Periode.kode == k)
            ).first()
            self._periode[kunci] = p.id if p else None
        pid = self._periode[kunci]
        if pid is None:
            kode_ada = self.session.scalars(
                select(Periode.kode).where(Periode.tahun == tahun).order_by(Periode.nomor)
            ).all()
            raise ValidationError(
                f"Periode {k} tidak ada pada tahun {tahun}. Periode yang ada: "
                f"{', '.join(kode_ada)}.",
                "periode",
            )
        return pid


def _tautan(nilai: object) -> str | None:
    from kinerja_desktop.services.bukti import validasi_url

    t = teks(nilai)
    if t is None:
        return None
    try:
        return validasi_url(t)
    except ValidationError as exc:
        raise ValidationError(exc.pesan, "tautan") from None


def _masalah(row_no: int, exc: ValidationError, kolom_def: dict) -> MasalahBaris:
    kan = exc.kolom if exc.kolom in kolom_def else _KOLOM_LAYANAN.get(exc.kolom or "")
    judul = _judul(kolom_def, kan) if kan is not None and kan in kolom_def else exc.kolom
    return MasalahBaris(row_no, judul, exc.pesan)


def baca_progres(
    session: Session,
    actor: Actor,
    path: str | os.PathLike[str],
    *,
    hari_ini: date | None = None,
    status: StatusTugas | None = None,
) -> PratinjauImpor:
    """Check a daily-progress file row by row; nothing is written."""
    tabel = read_table(path, KOLOM_PROGRES, WAJIB_PROGRES, status=status)
    hasil = PratinjauImpor(PROGRES, Path(path).name)
    if not tabel.rows:
        hasil.masalah.append(
            MasalahBaris(tabel.baris_header + 1, None, "Tidak ada baris data di bawah judul kolom.")
        )
        return hasil
    ctx = _Konteks(session, actor)
    hari = hari_ini or hari_ini_kantor(session)
    cache: dict[int, dict] = defaultdict(dict)
    dalam_berkas: dict[tuple, int] = {}
    for row in tabel.rows:
        v = row.values
        try:
            pid, nip, nama = ctx.pegawai(v.get("nip"))
            if v.get("tanggal") is None:
                raise ValidationError("Tanggal wajib diisi.", "tanggal")
            tgl = parse_tanggal(v.get("tanggal"), "tanggal")
            if tgl > hari:
                raise ValidationError(
                    f"Tanggal {tgl:%d-%m-%Y} belum terjadi; progres dicatat untuk hari yang "
                    "sudah lewat.",
                    "tanggal",
                )
            rhk_id, iki_id = ctx.kode(pid, tgl.year, v.get("kode"), tgl)
            mentah = v.get("kuantitas")
            try:
                kuantitas = parse_angka(mentah, "kuantitas") if mentah is not None else None
            except ValidationError as exc:
                raise ValidationError(exc.pesan, "kuantitas") from None
            entri = pm.EntriProgres(
                tanggal=tgl,
                uraian=teks(v.get("uraian")) or "",
                rhk_id=rhk_id,
                indikator_id=iki_id,
                kuantitas=kuantitas,
                satuan=teks(v.get("satuan")),
            )
            uraian, nilai = pm.validasi_entri(session, pid, entri, hari, cache[pid])
            tautan = _tautan(v.get("tautan"))
            kunci = (pid, tgl, uraian.casefold())
            if kunci in dalam_berkas:
                raise ValidationError(
                    f"Sama dengan baris {dalam_berkas[kunci]} (tanggal dan uraian yang sama).",
                    "uraian",
                )
            dalam_berkas[kunci] = row.nomor_baris
            if session.scalar(
                select(ProgresHarian.id).where(
                    ProgresHarian.pegawai_id == pid,
                    ProgresHarian.tanggal == tgl,
                    ProgresHarian.uraian == uraian,
                )
            ):
                raise ValidationError(
                    "Kegiatan ini sudah tercatat pada tanggal yang sama (berkas sudah pernah "
                    "diimpor?). Hapus baris ini.",
                    "uraian",
                )
        except ValidationError as exc:
            hasil.masalah.append(_masalah(row.nomor_baris, exc, KOLOM_PROGRES))
            continue
        entri.uraian = uraian
        entri.satuan = nilai["satuan"]
        kode = teks(v.get("kode"))
        jumlah = (
            f" · {format_angka(kuantitas)} {entri.satuan or ''}".rstrip()
            if kuantitas is not None
            else ""
        )
        hasil.valid.append(
            BarisValid(
                row.nomor_baris,
                pid,
                nip,
                nama,
                f"{tgl:%d-%m-%Y} · [{kode}] {uraian}{jumlah}",
                entri=entri,
                tautan=tautan,
            )
        )
    return hasil


def baca_realisasi(
    session: Session,
    actor: Actor,
    path: str | os.PathLike[str],
    tahun: int,
    *,
    status: StatusTugas | None = None,
) -> PratinjauImpor:
    """Check a realisasi file row by row for a year; nothing is written."""
    from kinerja_desktop.db.models import Indikator

    tabel = read_table(path, KOLOM_REALISASI, WAJIB_REALISASI, status=status)
    hasil = PratinjauImpor(REALISASI, Path(path).name)
    if not tabel.rows:
        hasil.masalah.append(
            MasalahBaris(tabel.baris_header + 1, None, "Tidak ada baris data di bawah judul kolom.")
        )
        return hasil
    ctx = _Konteks(session, actor)
    sudah: dict[tuple[int, int], int] = {}
    for row in tabel.rows:
        v = row.values
        try:
            pid, nip, nama = ctx.pegawai(v.get("nip"))
            periode_id = ctx.periode(tahun, v.get("periode"))
            akhir = ambil(session, Periode, periode_id).selesai
            _rhk, iki_id = ctx.kode(pid, tahun, v.get("kode"), akhir)
            if iki_id is None:
                raise ValidationError(
                    "Realisasi diisi per IKI: gunakan kode IKI seperti 1.1, bukan kode RHK.",
                    "kode",
                )
            ind = ambil(session, Indikator, iki_id)
            try:
                nilai = parse_angka(v.get("realisasi"), "realisasi")
            except ValidationError as exc:
                raise ValidationError(exc.pesan, "realisasi") from None
            narasi = teks(v.get("narasi"))
            if ind.target_nilai is None and not narasi:
                raise ValidationError("IKI ini kualitatif: isi Uraian Realisasi.", "narasi")
            if ind.target_nilai is not None and nilai is None:
                raise ValidationError("Isi realisasi berupa angka.", "realisasi")
            if (iki_id, periode_id) in sudah:
                raise ValidationError(
                    f"IKI dan periode yang sama sudah ada di baris {sudah[(iki_id, periode_id)]}.",
                    "kode",
                )
            sudah[(iki_id, periode_id)] = row.nomor_baris
            skp = pm.skp_untuk(session, pid, tahun, akhir)
            if skp is not None and pm.evaluasi_final(session, skp.id, periode_id):
                raise ValidationError(
                    "Evaluasi periode ini sudah final; realisasinya tidak dapat diubah.",
                    "periode",
                )
            tautan = _tautan(v.get("tautan"))
        except ValidationError as exc:
            hasil.masalah.append(_masalah(row.nomor_baris, exc, KOLOM_REALISASI))
            continue
        label = (
            f"{format_angka(nilai)} {ind.target_satuan or ''}".strip()
            if ind.target_nilai is not None
            else (narasi or "")
        )
        hasil.valid.append(
            BarisValid(
                row.nomor_baris,
                pid,
                nip,
                nama,
                f"{teks(v.get('periode'))} · IKI {teks(v.get('kode'))} · {label}",
                indikator_id=iki_id,
                periode_id=periode_id,
                nilai=nilai,
                narasi=narasi,
                tautan=tautan,
            )
        )
    return hasil


# --------------------------------------------------------------------------- applying


def _cek_bisa(pratinjau: PratinjauImpor, jenis: str) -> None:
    if pratinjau.jenis != jenis:
        raise StateError("Pratinjau ini untuk jenis impor yang lain.")
    if pratinjau.masalah:
        raise StateError(
            f"Impor dibatalkan: {len({m.baris for m in pratinjau.masalah})} baris bermasalah. "
            "Tidak ada yang disimpan; perbaiki berkasnya lalu impor ulang."
        )
    if not pratinjau.valid:
        raise StateError("Tidak ada baris yang dapat diimpor.")


def _entri(b: BarisValid) -> pm.EntriProgres:
    if b.entri is None:  # a row of a realisasi preview
        raise StateError("Pratinjau ini untuk jenis impor yang lain.")
    return b.entri


def terapkan_progres(
    session: Session, actor: Actor, pratinjau: PratinjauImpor, *, hari_ini: date | None = None
) -> int:
    """Write every previewed entry in the caller's transaction (all or nothing)."""
    from kinerja_desktop.services.bukti import lampirkan_tautan

    _cek_bisa(pratinjau, PROGRES)
    per_pegawai: dict[int, list[BarisValid]] = defaultdict(list)
    for b in pratinjau.valid:
        if not (actor.is_admin or actor.pegawai_id == b.pegawai_id):
            raise PermissionDenied("Anda hanya dapat mengimpor data Anda sendiri.")
        per_pegawai[b.pegawai_id].append(b)
    n = 0
    for pid, rows in per_pegawai.items():
        try:
            tersimpan = pm.simpan_progres_banyak(
                session, actor, pid, [_entri(b) for b in rows], hari_ini=hari_ini
            )
        except pm.EntriTidakValid as exc:
            k = exc.kesalahan[0]
            raise ValidationError(
                f"Baris {rows[k.indeks].baris}: {k.alasan} Tidak ada yang disimpan.", k.kolom
            ) from exc
        for b, p in zip(rows, tersimpan, strict=True):
            if b.tautan:
                lampirkan_tautan(session, actor, b.tautan, None, progres_id=p.id)
        n += len(tersimpan)
    return n


def terapkan_realisasi(
    session: Session, actor: Actor, pratinjau: PratinjauImpor, *, hari_ini: date | None = None
) -> int:
    from kinerja_desktop.services.bukti import lampirkan_tautan

    _cek_bisa(pratinjau, REALISASI)
    n = 0
    for b in pratinjau.valid:
        if b.indikator_id is None or b.periode_id is None:  # a row of a progress preview
            raise StateError("Pratinjau ini untuk jenis impor yang lain.")
        try:
            r = pm.simpan_realisasi(
                session,
                actor,
                b.indikator_id,
                b.periode_id,
                b.nilai,
                b.narasi,
                hari_ini=hari_ini,
            )
        except ValidationError as exc:
            raise ValidationError(
                f"Baris {b.baris}: {exc.pesan} Tidak ada yang disimpan.", exc.kolom
            ) from exc
        if b.tautan:
            lampirkan_tautan(session, actor, b.tautan, None, realisasi_id=r.id)
        n += 1
    return n


# --------------------------------------------------------------------------- exports


def ekspor_belum_mengisi(
    path: str | os.PathLike[str], rows: Sequence[pm.BelumMengisiRow], judul: str
) -> None:
    """The 'belum mengisi' list as an Excel sheet (for a reminder memo)."""
    kolom = [
        KolomEkspor("No", 5),
        KolomEkspor("Nama", 34),
        KolomEkspor("NIP", 22, teks=True),
        KolomEkspor("Jabatan", 34),
        KolomEkspor("Unit Kerja", 30),
        KolomEkspor("Keadaan", 16),
        KolomEkspor("IKI Terisi", 11),
    ]
    data = (
        [
            i,
            r.nama,
            r.nip,
            r.jabatan,
            r.unit_kerja,
            r.status_label,
            f"{r.terisi}/{r.jumlah_iki}" if r.jumlah_iki else "-",
        ]
        for i, r in enumerate(rows, start=1)
    )
    write_xlsx(path, "Belum Mengisi", kolom, data, judul=judul)


__all__ = [
    "KOLOM_PROGRES",
    "KOLOM_REALISASI",
    "PROGRES",
    "REALISASI",
    "BarisValid",
    "MasalahBaris",
    "PratinjauImpor",
    "baca_progres",
    "baca_realisasi",
    "ekspor_belum_mengisi",
    "terapkan_progres",
    "terapkan_realisasi",
    "tulis_template_progres",
    "tulis_template_realisasi",
]
