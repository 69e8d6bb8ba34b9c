"""Writing a backup: the database snapshot, every evidence file and the manifest in one zip,
renamed into place only when complete."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kinerja_desktop import __version__
from kinerja_desktop.db.kunci import galat_db
from kinerja_desktop.domain.tugas import StatusTugas, cek_batal
from kinerja_desktop.exchange.cadangan.basis_data import isi_db, snapshot
from kinerja_desktop.exchange.cadangan.berkas import (
    POTONG,
    berkas_bukti,
    fsync_dir,
    fsync_file,
    hapus,
    hapus_wal,
)
from kinerja_desktop.exchange.cadangan.manifest import (
    MANIFEST,
    NAMA_DB,
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


def _tulis_anggota(
    zf: zipfile.ZipFile,
    nama: str,
    sumber: Path,
    state: StatusTugas,
    hitung: Callable[[int], None],
) -> str:
    kompres = zipfile.ZIP_STORED if sumber.suffix.lower() in _TERMAMPAT else zipfile.ZIP_DEFLATED
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


def buat_cadangan(
    state: StatusTugas | None,
    db_path: Path,
    folder_bukti: Path,
    tujuan: Path,
    *,
    mentah: bool = False,
) -> InfoCadangan:
    """Write one backup file to ``tujuan`` (atomically: a partial file never has its name).

    ``mentah``: copy the database file byte for byte (for a damaged file that SQLite cannot
    read, kept before it is replaced by a restore).
    """
    from kinerja_desktop.db.database import explain_database_error, explain_os_error

    try:
        return tulis_cadangan(state or StatusTugas(), db_path, folder_bukti, Path(tujuan), mentah)
    except OSError as exc:
        raise CadanganError(explain_os_error(exc, Path(tujuan).parent)) from exc
    except galat_db(sqlite3.Error) as exc:
        raise CadanganError(explain_database_error(exc, db_path)) from exc


def tulis_cadangan(
    state: StatusTugas, db_path: Path, folder_bukti: Path, tujuan: Path, mentah: bool
) -> InfoCadangan:
    db_path = hanya_sqlite(db_path)
    if not db_path.exists():
        raise CadanganError(f"Basis data {db_path} tidak ditemukan.")
    tujuan = Path(tujuan)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    sementara_db = tujuan.with_name(f".{tujuan.name}.db.tmp")
    sementara_zip = tujuan.with_name(f".{tujuan.name}.tmp")
    bukti = berkas_bukti(folder_bukti)
    try:
        ukuran_bukti = sum(p.stat().st_size for p, _ in bukti)
        total = db_path.stat().st_size * 2 + ukuran_bukti + 1
        state.progress(0, total, "Menyalin basis data…")
        hapus(sementara_db)
        revisi: str | None
        jumlah: dict[str, int]
        if mentah:
            shutil.copyfile(db_path, sementara_db)
            revisi, jumlah = None, {}
        else:
            snapshot(db_path, sementara_db, state, total)
            revisi, jumlah = isi_db(sementara_db, baca_saja=False)
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
