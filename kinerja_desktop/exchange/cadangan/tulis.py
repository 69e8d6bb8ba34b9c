"""Writing a backup: the database snapshot, every evidence file and the manifest in one zip,
renamed into place only when complete."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import time
import uuid
import zipfile
import zlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kinerja_desktop import __version__
from kinerja_desktop.db.kunci import BerkasKunci, berkas_polos, galat_db, path_kunci
from kinerja_desktop.domain.tugas import StatusTugas, cek_batal
from kinerja_desktop.exchange.cadangan.basis_data import isi_db, sha_tercatat, snapshot
from kinerja_desktop.exchange.cadangan.berkas import (
    POTONG,
    berkas_bukti,
    fsync_dir,
    fsync_file,
    hapus,
    hapus_wal,
)
from kinerja_desktop.exchange.cadangan.manifest import (
    EKSTENSI,
    KUNCI_JUMLAH,
    MANIFEST,
    NAMA_DB,
    NAMA_KUNCI,
    PREFIX_BUKTI,
    CadanganError,
    InfoCadangan,
    hanya_sqlite,
    teks_manifest,
)

# Already compressed: stored as is (compressing them again costs time and gains nothing).
_TERMAMPAT = {
    ".pdf",
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".zip",
    ".gz",
    ".7z",
    ".rar",
    ".docx",
    ".xlsx",
    ".pptx",
    ".odt",
    ".ods",
    ".mp4",
    ".mp3",
    ".heic",
}


def _termampat(sumber: Path) -> bool:
    """Already compressed? By extension, else (the store's files have none) by trying the
    first 64 KB: scans and PDFs barely shrink, and deflating them only costs time."""
    if sumber.suffix.lower() in _TERMAMPAT:
        return True
    with sumber.open("rb") as fh:
        contoh = fh.read(65536)
    return len(contoh) >= 4096 and len(zlib.compress(contoh, 1)) > 0.9 * len(contoh)


def _tulis_anggota(
    zf: zipfile.ZipFile,
    nama: str,
    sumber: Path,
    state: StatusTugas,
    hitung: Callable[[int], None],
) -> str:
    kompres = zipfile.ZIP_STORED if _termampat(sumber) else zipfile.ZIP_DEFLATED
    info = zipfile.ZipInfo(nama, date_time=datetime.now().timetuple()[:6])
    info.compress_type = kompres
    info.external_attr = 0o644 << 16
    h = hashlib.sha256()
    with sumber.open("rb") as src, zf.open(info, "w", force_zip64=True) as dst:
        while True:
            cek_batal(state)
            blok = src.read(POTONG)
            if not blok:
                break
            h.update(blok)
            dst.write(blok)
            hitung(len(blok))
    return h.hexdigest()


class BuktiHilang(CadanganError):
    """Evidence files the database lists are not in the evidence folder."""

    def __init__(self, pesan: str, jumlah: int) -> None:
        super().__init__(pesan)
        self.jumlah = jumlah


# A temporary file of a backup that was killed is removed by the next backup into the same
# folder once it is this old (a running backup keeps its files fresh).
UMUR_SISA_DETIK = 15 * 60
_AKHIRAN_TMP = ".tmp"


def buat_cadangan(
    state: StatusTugas | None,
    db_path: Path,
    folder_bukti: Path,
    tujuan: Path,
    *,
    mentah: bool = False,
    izinkan_bukti_hilang: bool = False,
) -> InfoCadangan:
    """Write one backup file to ``tujuan`` (atomically: a partial file never has its name).

    ``mentah``: copy the database file byte for byte (for a damaged file that SQLite cannot
    read, kept before it is replaced by a restore). Evidence files the database lists but
    the folder lacks raise :class:`BuktiHilang` (with their count) unless
    ``izinkan_bukti_hilang``; the manifest then records how many were missing.
    """
    from kinerja_desktop.db.database import explain_database_error, explain_os_error

    try:
        return tulis_cadangan(
            state or StatusTugas(),
            db_path,
            folder_bukti,
            Path(tujuan),
            mentah,
            izinkan_bukti_hilang,
        )
    except OSError as exc:
        raise CadanganError(explain_os_error(exc, Path(tujuan).parent)) from exc
    except galat_db(sqlite3.Error) as exc:
        raise CadanganError(explain_database_error(exc, db_path)) from exc


def bersihkan_sisa(folder: Path, umur: float = UMUR_SISA_DETIK) -> list[Path]:
    """Remove the temporary files of killed backups in ``folder`` (older than ``umur``)."""
    if not folder.is_dir():
        return []
    batas = time.time() - umur
    dibuang = []
    for p in folder.iterdir():
        if _sementara(p.name) and p.is_file():
            with contextlib.suppress(OSError):
                if p.stat().st_mtime < batas:
                    p.unlink()
                    dibuang.append(p)
    return dibuang


def _sementara(nama: str) -> bool:
    return nama.startswith(".") and (
        nama.endswith(EKSTENSI + _AKHIRAN_TMP) or (".cadangan-" in nama and nama.endswith(".tmp"))
    )


def _cek_bukti(
    snapshot_db: Path, bukti: list[tuple[Path, str]], folder: Path, izinkan: bool
) -> int:
    ada = {rel.rsplit("/", 1)[-1] for _, rel in bukti}
    hilang = sorted(sha_tercatat(snapshot_db) - ada)
    if hilang and not izinkan:
        raise BuktiHilang(
            f"{len(hilang)} berkas bukti dukung yang tercatat di basis data tidak ada di folder "
            f"{folder} (mis. {hilang[0][:12]}…). Folder itu mungkin dipindahkan atau diganti "
            "namanya. Kembalikan foldernya lalu ulangi, atau cadangkan tanpa berkas tersebut.",
            len(hilang),
        )
    return len(hilang)


def _berkas_kunci(db_path: Path, wajib: bool) -> tuple[bytes, str] | None:
    """The key file's bytes and fingerprint, carried by every backup of a database that has
    one: without it a restore on another computer could never open the encrypted file. It is
    safe to carry: it holds the office key only wrapped (per account by its password through
    argon2id, and by the recovery key), as it lies beside the database anyway."""
    path = path_kunci(db_path)
    try:
        isi = path.read_bytes()
    except FileNotFoundError:
        if not wajib or berkas_polos(db_path):
            return None
        raise CadanganError(
            f"Basis data {db_path.name} terenkripsi tetapi berkas kuncinya ({path.name}) tidak "
            "ada di sampingnya, sehingga cadangannya tidak akan dapat dibuka. Kembalikan "
            "berkas kunci itu ke foldernya lalu ulangi."
        ) from None
    try:
        return isi, BerkasKunci.dari_teks(path, isi.decode("utf-8")).sidik
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        if not wajib:  # the copy kept before a restore (the remedy) goes without it
            return None
        raise CadanganError(
            f"Berkas kunci {path.name} rusak; cadangan tidak dibuat. Pulihkan dari cadangan "
            "sebelumnya."
        ) from exc


def _tulis_kunci(zf: zipfile.ZipFile, isi: bytes) -> str:
    info = zipfile.ZipInfo(NAMA_KUNCI, date_time=datetime.now().timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o600 << 16
    zf.writestr(info, isi)
    return hashlib.sha256(isi).hexdigest()


def tulis_cadangan(
    state: StatusTugas,
    db_path: Path,
    folder_bukti: Path,
    tujuan: Path,
    mentah: bool,
    izinkan_bukti_hilang: bool = True,
    kunci_wajib: bool = True,
) -> InfoCadangan:
    """``kunci_wajib``: refuse when the key file of an encrypted database is missing or
    damaged (the copy kept before a restore, which may be the remedy for it, goes without)."""
    db_path = hanya_sqlite(db_path)
    if not db_path.exists():
        raise CadanganError(f"Basis data {db_path} tidak ditemukan.")
    tujuan = Path(tujuan)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    bersihkan_sisa(tujuan.parent)
    bersihkan_sisa(db_path.parent)
    # The database copy stays beside the database (never on the backup's medium, where a
    # killed backup would leave it readable); the zip is written under a hidden name.
    sementara_db = db_path.with_name(f".{db_path.name}.cadangan-{uuid.uuid4().hex[:12]}.tmp")
    sementara_zip = tujuan.with_name(f".{tujuan.name}{_AKHIRAN_TMP}")
    bukti = berkas_bukti(folder_bukti)
    try:
        ukuran_bukti = sum(p.stat().st_size for p, _ in bukti)
        total = db_path.stat().st_size * 2 + ukuran_bukti + 1
        state.progress(0, total, "Menyalin basis data…")
        hapus(sementara_zip)
        revisi: str | None
        jumlah: dict[str, int]
        hilang = 0
        if mentah:
            shutil.copyfile(db_path, sementara_db)
            revisi, jumlah = None, dict.fromkeys(KUNCI_JUMLAH, 0)
        else:
            snapshot(db_path, sementara_db, state, total)
            revisi, jumlah = isi_db(sementara_db, baca_saja=False)
            hilang = _cek_bukti(sementara_db, bukti, folder_bukti, izinkan_bukti_hilang)
        kunci = _berkas_kunci(db_path, kunci_wajib and not mentah)
        ukuran_db = sementara_db.stat().st_size
        total = ukuran_db * 2 + ukuran_bukti + 1
        done = [ukuran_db]

        def hitung(n: int) -> None:
            done[0] += n
            state.progress(min(done[0], total - 1), total, "Menulis berkas cadangan…")

        anggota: dict[str, str] = {}
        dibuat = datetime.now().replace(microsecond=0)
        with zipfile.ZipFile(sementara_zip, "w", compresslevel=1, allowZip64=True) as zf:
            anggota[NAMA_DB] = _tulis_anggota(zf, NAMA_DB, sementara_db, state, hitung)
            if kunci is not None:
                anggota[NAMA_KUNCI] = _tulis_kunci(zf, kunci[0])
            for p, rel in bukti:
                anggota[PREFIX_BUKTI + rel] = _tulis_anggota(
                    zf, PREFIX_BUKTI + rel, p, state, hitung
                )
            info = InfoCadangan(
                tujuan,
                dibuat,
                __version__,
                revisi,
                jumlah,
                len(bukti),
                ukuran_bukti,
                ukuran_db,
                anggota,
                str(db_path),
                hilang,
                kunci[1] if kunci is not None else None,
            )
            zf.writestr(MANIFEST, teks_manifest(info, mentah))
        fsync_file(sementara_zip)
        os.replace(sementara_zip, tujuan)
        fsync_dir(tujuan.parent)
        state.progress(total, total, "Selesai.")
        return info
    finally:
        hapus(sementara_db)
        hapus_wal(sementara_db)
        hapus(sementara_zip)
