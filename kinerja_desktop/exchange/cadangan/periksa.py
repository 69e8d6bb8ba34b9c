"""Checking a backup: every member read and compared with its hash, the contained database
checked by SQLite, and its schema known to this program; optionally written out."""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from pathlib import Path

from kinerja_desktop.domain.angka import format_angka
from kinerja_desktop.domain.tugas import StatusTugas, cek_batal
from kinerja_desktop.exchange.cadangan.basis_data import cek_revisi, integrity_check, isi_db
from kinerja_desktop.exchange.cadangan.berkas import (
    POTONG,
    fsync_dir,
    fsync_file,
    hapus_wal,
    nama_bukti_sah,
)
from kinerja_desktop.exchange.cadangan.kunci import Pembuka, buka_kunci
from kinerja_desktop.exchange.cadangan.manifest import (
    BATAS_KUNCI,
    MANIFEST,
    NAMA_DB,
    NAMA_KUNCI,
    PREFIX_BUKTI,
    CadanganError,
    CadanganRusak,
    InfoCadangan,
    baca_manifest,
    buka_zip,
    info_dari_manifest,
)
from kinerja_desktop.exchange.cadangan.skema import beda_skema

# Limits a genuine backup stays far below; a file beyond them is not one the program wrote.
BATAS_ANGGOTA = 2_000_000
BATAS_RASIO = 200  # uncompressed / compressed, for members over BATAS_RASIO_MULAI bytes
BATAS_RASIO_MULAI = 16 * 1024 * 1024
_SISA_SEMENTARA = re.compile(r"tmp/masuk-[A-Za-z0-9_]+\.part")  # written by older versions


def _rusak(info: InfoCadangan, sebab: str) -> CadanganRusak:
    return CadanganRusak(
        f"Cadangan {info.path.name} ditolak: {sebab}. Berkas ini bukan cadangan yang dibuat "
        "Kinerja Desktop atau telah diubah; data tidak diubah."
    )


def anggota_sah(zf: zipfile.ZipFile, info: InfoCadangan) -> list[zipfile.ZipInfo]:
    """The members to read, after every check that needs no decompression: names, unique
    members, compression, sizes against the manifest, no overlapping entries (a zip bomb)."""
    semua = zf.infolist()
    if len(semua) > BATAS_ANGGOTA:
        raise _rusak(info, f"terlalu banyak berkas di dalamnya ({len(semua)})")
    nama = [i.filename for i in semua]
    if len(set(nama)) != len(nama):
        ganda = next(n for n in nama if nama.count(n) > 1)
        raise _rusak(info, f"nama berkas {ganda!r} muncul dua kali")
    anggota = [i for i in semua if i.filename != MANIFEST]
    for i in anggota:
        _cek_anggota(i, info)
    _cek_tumpang(semua, info)
    terdaftar = {i.filename for i in anggota}
    hilang = sorted(set(info.anggota) - terdaftar)
    lebih = sorted(terdaftar - set(info.anggota))
    if hilang or lebih:
        contoh = (hilang or lebih)[0]
        raise CadanganRusak(
            f"Isi cadangan {info.path.name} tidak sesuai daftar isinya "
            f"({'hilang' if hilang else 'tidak terdaftar'}: {contoh})."
        )
    # (older versions also stored the store's tmp/ files: counted, never extracted)
    bukti = [i for i in anggota if i.filename not in (NAMA_DB, NAMA_KUNCI)]
    db = zf.getinfo(NAMA_DB)
    if db.file_size != info.ukuran_db:
        raise _rusak(info, "ukuran basis data tidak sama dengan daftar isinya")
    if len(bukti) != info.jumlah_bukti:
        raise _rusak(
            info,
            f"daftar isi menyebut {info.jumlah_bukti} berkas bukti dukung, isinya {len(bukti)}",
        )
    if sum(i.file_size for i in bukti) != info.ukuran_bukti:
        raise _rusak(info, "ukuran bukti dukung tidak sama dengan daftar isinya")
    return anggota


def _dipulihkan(nama: str) -> bool:
    return nama == NAMA_DB or nama_bukti_sah(nama[len(PREFIX_BUKTI) :])


def _cek_anggota(i: zipfile.ZipInfo, info: InfoCadangan) -> None:
    nama = i.filename
    rel = nama[len(PREFIX_BUKTI) :] if nama.startswith(PREFIX_BUKTI) else None
    if nama not in (NAMA_DB, NAMA_KUNCI) and (
        rel is None or not (nama_bukti_sah(rel) or _SISA_SEMENTARA.fullmatch(rel))
    ):
        raise _rusak(info, f"nama berkas yang tidak sah di dalamnya: {nama!r}")
    if nama == NAMA_KUNCI and i.file_size > BATAS_KUNCI:
        raise _rusak(info, f"berkas kunci {nama} terlalu besar")
    if i.is_dir() or i.flag_bits & 0x1:
        raise _rusak(info, f"{nama} bukan berkas biasa")
    if i.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _rusak(info, f"{nama} dimampatkan dengan cara yang tidak dipakai program ini")
    if i.compress_type == zipfile.ZIP_STORED and i.compress_size != i.file_size:
        raise _rusak(info, f"ukuran {nama} tidak masuk akal")
    if i.file_size > BATAS_RASIO_MULAI and i.file_size > BATAS_RASIO * max(i.compress_size, 1):
        raise _rusak(info, f"{nama} memuai terlalu besar saat dibuka (zip bom)")


def _cek_tumpang(semua: list[zipfile.ZipInfo], info: InfoCadangan) -> None:
    """Entries that share bytes (the 'overlapping' zip bomb) are never written by zipfile."""
    batas = 0
    for i in sorted(semua, key=lambda x: x.header_offset):
        if i.header_offset < batas:
            raise _rusak(info, f"isi {i.filename} bertumpang tindih dengan berkas lain (zip bom)")
        batas = i.header_offset + 30 + len(i.orig_filename.encode()) + i.compress_size


def cek_ruang(folder: Path, info: InfoCadangan) -> None:
    """Enough free space for the restored data (twice the database: it is checked in place)."""
    perlu = info.ukuran_db * 2 + info.ukuran_bukti
    bebas = shutil.disk_usage(folder).free
    if perlu > bebas:
        raise CadanganError(
            f"Ruang disk tidak cukup untuk memulihkan cadangan ini: perlu "
            f"{format_angka(perlu / 1_048_576, 1)} MB, tersedia "
            f"{format_angka(bebas / 1_048_576, 1)} MB. Kosongkan ruang lalu ulangi; "
            "data tidak diubah."
        )


def ekstrak(
    zf: zipfile.ZipFile,
    info: InfoCadangan,
    db_tujuan: Path | None,
    folder_tujuan: Path | None,
    state: StatusTugas,
    kunci_tujuan: Path | None = None,
) -> None:
    """Read every member, compare its hash; write it out if a target is given.

    The written files are fsynced at the end, all together (the kernel writes them back
    while the next ones are extracted, which is much faster than a sync after each)."""
    ditulis: list[Path] = []
    nama_zip = anggota_sah(zf, info)
    total = sum(i.file_size for i in nama_zip) + 1
    done = [0]
    for item in nama_zip:
        nama = item.filename
        if nama == NAMA_DB:
            target = db_tujuan
        elif nama == NAMA_KUNCI:
            target = kunci_tujuan
        elif folder_tujuan is not None and _dipulihkan(nama):
            target = folder_tujuan / nama[len(PREFIX_BUKTI) :]
        else:
            target = None
        _salin_anggota(zf, item, info, target, state, done, total)
        if target is not None:
            ditulis.append(target)
    for path in ditulis:
        fsync_file(path)
    for folder in {p.parent for p in ditulis}:
        fsync_dir(folder)


def _salin_anggota(
    zf: zipfile.ZipFile,
    item: zipfile.ZipInfo,
    info: InfoCadangan,
    target: Path | None,
    state: StatusTugas,
    done: list[int],
    total: int,
) -> None:
    nama = item.filename
    h = hashlib.sha256()
    out = None
    dibaca = 0
    try:
        if target is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            out = target.open("xb")  # never over a file already written (an alias)
        with zf.open(item) as src:
            while True:
                cek_batal(state)
                blok = src.read(POTONG)
                if not blok:
                    break
                dibaca += len(blok)
                if dibaca > item.file_size:  # zipfile stops at file_size; never trust it alone
                    raise _rusak(info, f"{nama} lebih besar dari ukurannya yang tercatat")
                h.update(blok)
                if out is not None:
                    out.write(blok)
                done[0] += len(blok)
                state.progress(done[0], total, "Memeriksa isi cadangan…")
    except FileExistsError as exc:
        raise _rusak(info, f"nama berkas {nama!r} muncul dua kali") from exc
    except (zipfile.BadZipFile, EOFError, zlib.error, RuntimeError, NotImplementedError) as exc:
        raise CadanganRusak(
            f"Berkas cadangan {info.path.name} rusak ({nama} tidak terbaca). Pilih cadangan lain."
        ) from exc
    finally:
        if out is not None:
            out.close()
    if h.hexdigest() != info.anggota[nama]:
        raise CadanganRusak(
            f"Berkas cadangan {info.path.name} rusak: isi {nama} tidak cocok dengan "
            "sidik (SHA-256) di daftar isinya. Pilih cadangan lain."
        )


def periksa_cadangan(
    state: StatusTugas | None, path: Path, pembuka: Pembuka | None = None
) -> InfoCadangan:
    """Check a backup fully (hashes, its key file against its database, the database's
    integrity, schema); returns what it holds. ``pembuka``: for a backup encrypted with an
    office key not open here (exchange/cadangan/kunci.py)."""
    try:
        return _periksa_cadangan(state or StatusTugas(), path, pembuka)
    except OSError as exc:
        from kinerja_desktop.db.database import explain_os_error

        raise CadanganError(explain_os_error(exc, Path(path))) from exc


def _periksa_cadangan(state: StatusTugas, path: Path, pembuka: Pembuka | None) -> InfoCadangan:
    path = Path(path)
    with buka_zip(path) as zf:
        info = info_dari_manifest(path, baca_manifest(zf, path))
        cek_revisi(info.revisi_skema)
        with tempfile.TemporaryDirectory(prefix="kinerja-periksa-") as tmp:
            db, kunci = Path(tmp) / NAMA_DB, Path(tmp) / NAMA_KUNCI
            ekstrak(zf, info, db, None, state, kunci)
            buka_kunci(db, kunci if kunci.exists() else None, info, pembuka)
            cek_db(db, info)
    return info


def cek_db(db: Path, info: InfoCadangan) -> None:
    """The contained database: sound, of a revision this program knows, with exactly the
    program's schema, and holding what the manifest says it holds."""
    masalah = integrity_check(db, baca_saja=False)
    if masalah is not None:
        raise CadanganRusak(
            f"Basis data di dalam cadangan {info.path.name} rusak ({masalah}). Pilih cadangan lain."
        )
    try:
        revisi, jumlah = isi_db(db, baca_saja=False)
    except sqlite3.DatabaseError as exc:
        raise _rusak(info, f"basis data di dalamnya tidak dapat dibaca ({exc})") from exc
    hapus_wal(db)
    if revisi is None:
        raise CadanganRusak(
            f"Basis data di dalam cadangan {info.path.name} kosong atau bukan basis data "
            "Kinerja Desktop. Pilih cadangan lain."
        )
    cek_revisi(revisi)
    if revisi != info.revisi_skema:
        raise _rusak(info, "revisi skema basis data tidak sama dengan daftar isinya")
    beda = beda_skema(db, revisi)
    hapus_wal(db)
    if beda is not None:
        raise _rusak(info, f"struktur basis data di dalamnya bukan buatan program ini ({beda})")
    for kunci, n in jumlah.items():
        if info.jumlah.get(kunci) != n:
            raise _rusak(
                info,
                f"daftar isi menyebut {info.jumlah.get(kunci)} {_LABEL[kunci]}, "
                f"basis datanya berisi {n}",
            )


_LABEL = {
    "pegawai": "pegawai",
    "skp": "SKP",
    "evaluasi": "evaluasi",
    "akun": "akun pengguna",
    "audit": "catatan audit",
}
