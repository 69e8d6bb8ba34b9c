"""Checking a backup: every member read and compared with its hash, the contained database
checked by SQLite, and its schema known to this program; optionally written out."""

from __future__ import annotations

import hashlib
import tempfile
import zipfile
import zlib
from pathlib import Path

from kinerja_desktop.domain.tugas import StatusTugas, cek_batal
from kinerja_desktop.exchange.cadangan.basis_data import cek_revisi, integrity_check, isi_db
from kinerja_desktop.exchange.cadangan.berkas import POTONG, aman, fsync_dir, fsync_file, hapus_wal
from kinerja_desktop.exchange.cadangan.manifest import (
    MANIFEST,
    NAMA_DB,
    PREFIX_BUKTI,
    CadanganError,
    CadanganRusak,
    InfoCadangan,
    baca_manifest,
    buka_zip,
    info_dari_manifest,
)


def ekstrak(
    zf: zipfile.ZipFile,
    info: InfoCadangan,
    db_tujuan: Path | None,
    folder_tujuan: Path | None,
    state: StatusTugas,
) -> None:
    """Read every member, compare its hash; write it out if a target is given.

    The written files are fsynced at the end, all together (the kernel writes them back
    while the next ones are extracted, which is much faster than a sync after each)."""
    ditulis: list[Path] = []
    nama_zip = [i for i in zf.infolist() if not i.is_dir() and i.filename != MANIFEST]
    nama_set = {i.filename for i in nama_zip}
    hilang = sorted(set(info.anggota) - nama_set)
    lebih = sorted(nama_set - set(info.anggota))
    if hilang or lebih:
        contoh = (hilang or lebih)[0]
        raise CadanganRusak(
            f"Isi cadangan {info.path.name} tidak sesuai daftar isinya "
            f"({'hilang' if hilang else 'tidak terdaftar'}: {contoh})."
        )
    total = sum(i.file_size for i in nama_zip) + 1
    done = 0
    for item in nama_zip:
        nama = item.filename
        if nama != NAMA_DB and not (nama.startswith(PREFIX_BUKTI) and aman(nama)):
            raise CadanganRusak(f"Cadangan berisi nama berkas yang tidak sah: {nama}.")
        if nama == NAMA_DB:
            target = db_tujuan
        elif folder_tujuan is not None:
            target = folder_tujuan / nama[len(PREFIX_BUKTI) :]
        else:
            target = None
        h = hashlib.sha256()
        out = None
        try:
            if target is not None:
                target.parent.mkdir(parents=True, exist_ok=True)
                out = target.open("wb")
            with zf.open(item) as src:
                while True:
                    cek_batal(state)
                    blok = src.read(POTONG)
                    if not blok:
                        break
                    h.update(blok)
                    if out is not None:
                        out.write(blok)
                    done += len(blok)
                    state.progress(done, total, "Memeriksa isi cadangan…")
            if out is not None and target is not None:
                ditulis.append(target)
        except (zipfile.BadZipFile, EOFError, zlib.error, RuntimeError, NotImplementedError) as exc:
            raise CadanganRusak(
                f"Berkas cadangan {info.path.name} rusak ({nama} tidak terbaca). "
                "Pilih cadangan lain."
            ) from exc
        finally:
            if out is not None:
                out.close()
        if h.hexdigest() != info.anggota[nama]:
            raise CadanganRusak(
                f"Berkas cadangan {info.path.name} rusak: isi {nama} tidak cocok dengan "
                "sidik (SHA-256) di daftar isinya. Pilih cadangan lain."
            )
    for path in ditulis:
        fsync_file(path)
    for folder in {p.parent for p in ditulis}:
        fsync_dir(folder)


def periksa_cadangan(state: StatusTugas | None, path: Path) -> InfoCadangan:
    """Check a backup fully (hashes, the database's integrity, schema); returns what it holds."""
    try:
        return _periksa_cadangan(state or StatusTugas(), path)
    except OSError as exc:
        from kinerja_desktop.db.database import explain_os_error

        raise CadanganError(explain_os_error(exc, Path(path))) from exc


def _periksa_cadangan(state: StatusTugas, path: Path) -> InfoCadangan:
    path = Path(path)
    with buka_zip(path) as zf:
        info = info_dari_manifest(path, baca_manifest(zf, path))
        cek_revisi(info.revisi_skema)
        with tempfile.TemporaryDirectory(prefix="kinerja-periksa-") as tmp:
            db = Path(tmp) / NAMA_DB
            ekstrak(zf, info, db, None, state)
            cek_db(db, info)
    return info


def cek_db(db: Path, info: InfoCadangan) -> None:
    masalah = integrity_check(db, baca_saja=False)
    if masalah is not None:
        raise CadanganRusak(
            f"Basis data di dalam cadangan {info.path.name} rusak ({masalah}). Pilih cadangan lain."
        )
    revisi, _ = isi_db(db, baca_saja=False)
    hapus_wal(db)
    if revisi is None:
        raise CadanganRusak(
            f"Basis data di dalam cadangan {info.path.name} kosong atau bukan basis data "
            "Kinerja Desktop. Pilih cadangan lain."
        )
    cek_revisi(revisi)
