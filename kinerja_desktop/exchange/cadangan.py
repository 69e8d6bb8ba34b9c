"""Backup and restore: one file holding the database, the evidence store and a manifest.

A backup file is a zip:

- ``kinerja.sqlite`` — the database, copied with SQLite's online backup API (consistent even
  while the program or a second copy of it is writing);
- ``bukti/...`` — every file of the evidence store (``Database.folder_bukti``);
- ``manifest.json`` — program version, schema revision, date, counts (pegawai, SKP, evaluasi,
  evidence files) and the SHA-256 of every member.

Restoring checks the file first (hashes, ``PRAGMA integrity_check`` of the contained database,
schema not newer than the program), keeps an automatic backup of the current data, and then
swaps the new data in with ``os.replace`` from files prepared beside the target. A small marker
file written before the swap lets :func:`selesaikan_pemulihan` finish an interrupted swap on
the next start, so a crash leaves either the old data or the new, never a mix.

Workers take a :class:`~kinerja_desktop.domain.tugas.StatusTugas`, so the UI runs them with a
progress dialog and tests call them directly; a cancel raises its ``Dibatalkan``. No Qt here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kinerja_desktop import __version__
from kinerja_desktop.domain.angka import format_angka
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.tugas import StatusTugas, cek_batal

FORMAT = "kinerja-desktop-cadangan"
FORMAT_VERSI = 1
NAMA_DB = "kinerja.sqlite"
PREFIX_BUKTI = "bukti/"
MANIFEST = "manifest.json"
EKSTENSI = ".kinerja-cadangan.zip"
SIMPAN_HARIAN = 7
SIMPAN_SEBELUM_PULIH = 5
_POTONG = 1024 * 1024
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
_JUMLAH = {
    "pegawai": "pegawai",
    "skp": "skp",
    "evaluasi": "evaluasi",
    "akun": "akun",
    "audit": "audit_log",
}


class CadanganError(DomainError):
    """The backup or restore cannot go on; the message says why and what to do."""


class CadanganRusak(CadanganError):
    """The backup file is damaged, incomplete or not a backup of this program."""


@dataclass(frozen=True)
class InfoCadangan:
    path: Path
    dibuat: datetime
    versi_program: str
    revisi_skema: str | None
    jumlah: dict[str, int]
    jumlah_bukti: int
    ukuran_bukti: int
    ukuran_db: int
    anggota: dict[str, str] = field(repr=False)  # name -> sha256
    asal: str = ""

    @property
    def ukuran_total(self) -> int:
        return self.ukuran_db + self.ukuran_bukti

    def ringkasan(self) -> list[tuple[str, str]]:
        """(label, value) lines for a dialog or the command line."""
        return [
            ("Dibuat", f"{self.dibuat:%d-%m-%Y %H:%M}"),
            ("Versi program", self.versi_program),
            ("Revisi skema", self.revisi_skema or "—"),
            ("Pegawai", str(self.jumlah.get("pegawai", 0))),
            ("SKP", str(self.jumlah.get("skp", 0))),
            ("Evaluasi", str(self.jumlah.get("evaluasi", 0))),
            ("Akun pengguna", str(self.jumlah.get("akun", 0))),
            ("Catatan audit", str(self.jumlah.get("audit", 0))),
            ("Berkas bukti dukung", f"{self.jumlah_bukti} ({_mb(self.ukuran_bukti)})"),
            ("Ukuran basis data", _mb(self.ukuran_db)),
        ]


@dataclass(frozen=True)
class HasilPulihkan:
    info: InfoCadangan
    cadangan_sebelumnya: Path | None  # the automatic backup of the data that was replaced


def _mb(n: int) -> str:
    return f"{format_angka(n / 1_048_576, 1)} MB"


def hanya_sqlite(path: Path | None) -> Path:
    if path is None:
        raise CadanganError(
            "Cadangkan dan Pulihkan dari program ini hanya untuk basis data SQLite (satu berkas). "
            "Untuk PostgreSQL gunakan pg_dump dan pg_restore dari administrator server; "
            "cadangkan juga folder bukti dukung (KINERJA_BUKTI_DIR)."
        )
    return path


# --- small file helpers -----------------------------------------------------------------------


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _hapus(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _berkas_bukti(folder: Path) -> list[tuple[Path, str]]:
    """(file, name inside the folder with '/') for every regular file, sorted."""
    if not folder.is_dir():
        return []
    hasil = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            p = Path(root) / name
            if p.is_file() and not p.is_symlink():
                hasil.append((p, p.relative_to(folder).as_posix()))
    return hasil


def _aman(nama: str) -> bool:
    """A member name that stays inside the folder it is extracted to."""
    parts = nama.split("/")
    return (
        bool(nama)
        and not nama.startswith("/")
        and ".." not in parts
        and "\\" not in nama
        and ":" not in parts[0]
        and all(parts)
    )


# --- reading a database snapshot ---------------------------------------------------------------


def _sambung(path: Path, baca_saja: bool) -> sqlite3.Connection:
    # Our own temporary copies are opened read-write, so SQLite removes their -wal/-shm
    # files on close; someone else's file only read-only.
    if baca_saja:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    return sqlite3.connect(path)


def _isi_db(path: Path, baca_saja: bool = True) -> tuple[str | None, dict[str, int]]:
    con = _sambung(path, baca_saja)
    try:
        tabel = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revisi = None
        if "alembic_version" in tabel:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revisi = row[0] if row else None
        jumlah = {
            k: (con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] if t in tabel else 0)
            for k, t in _JUMLAH.items()
        }
        return revisi, jumlah
    finally:
        con.close()


def integrity_check(path: Path, baca_saja: bool = True) -> str | None:
    """None if SQLite finds the file sound, else the first problem it reports."""
    try:
        con = _sambung(path, baca_saja)
        try:
            rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if rows == ["ok"] else str(rows[0])


def _snapshot(sumber: Path, tujuan: Path, state: StatusTugas, total: int) -> None:
    """SQLite online backup, a few MB at a time, with progress and cancel."""
    src = sqlite3.connect(sumber, timeout=15)
    try:
        dst = sqlite3.connect(tujuan)
        try:

            def kemajuan(_status: int, sisa: int, semua: int) -> None:
                cek_batal(state)
                selesai = semua - sisa
                state.progress(
                    int(total * selesai / max(semua, 1) * 0.3), total, "Menyalin basis data…"
                )

            src.backup(dst, pages=2048, progress=kemajuan)
        finally:
            dst.close()
    finally:
        src.close()


# --- backup ----------------------------------------------------------------------------------


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
            blok = src.read(_POTONG)
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
        return _buat_cadangan(state or StatusTugas(), db_path, folder_bukti, Path(tujuan), mentah)
    except OSError as exc:
        raise CadanganError(explain_os_error(exc, Path(tujuan).parent)) from exc
    except sqlite3.Error as exc:
        raise CadanganError(explain_database_error(exc, db_path)) from exc


def _buat_cadangan(
    state: StatusTugas, db_path: Path, folder_bukti: Path, tujuan: Path, mentah: bool
) -> InfoCadangan:
    db_path = hanya_sqlite(db_path)
    if not db_path.exists():
        raise CadanganError(f"Basis data {db_path} tidak ditemukan.")
    tujuan = Path(tujuan)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    sementara_db = tujuan.with_name(f".{tujuan.name}.db.tmp")
    sementara_zip = tujuan.with_name(f".{tujuan.name}.tmp")
    bukti = _berkas_bukti(folder_bukti)
    try:
        ukuran_bukti = sum(p.stat().st_size for p, _ in bukti)
        total = db_path.stat().st_size * 2 + ukuran_bukti + 1
        state.progress(0, total, "Menyalin basis data…")
        _hapus(sementara_db)
        if mentah:
            shutil.copyfile(db_path, sementara_db)
            revisi, jumlah = None, {}
        else:
            _snapshot(db_path, sementara_db, state, total)
            revisi, jumlah = _isi_db(sementara_db, baca_saja=False)
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
            manifest = {
                "format": FORMAT,
                "format_versi": FORMAT_VERSI,
                "versi_program": __version__,
                "revisi_skema": revisi,
                "dibuat": dibuat.isoformat(),
                "asal": str(db_path),
                "mentah": mentah,
                "jumlah": jumlah,
                "jumlah_bukti": len(bukti),
                "ukuran_bukti": ukuran_bukti,
                "ukuran_db": ukuran_db,
                "sha256": anggota,
            }
            zf.writestr(MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False))
        _fsync_file(sementara_zip)
        os.replace(sementara_zip, tujuan)
        _fsync_dir(tujuan.parent)
        state.progress(total, total, "Selesai.")
        return InfoCadangan(
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
    finally:
        _hapus(sementara_db)
        _hapus_wal(sementara_db)
        _hapus(sementara_zip)


# --- reading and checking a backup -------------------------------------------------------------


def _buka_zip(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise CadanganError(f"Berkas cadangan {path} tidak ditemukan.")
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CadanganRusak(
            f"Berkas {path.name} bukan berkas cadangan Kinerja Desktop atau rusak "
            "(tidak terbaca sebagai arsip). Pilih berkas cadangan lain."
        ) from exc


def _manifest(zf: zipfile.ZipFile, path: Path) -> dict[str, Any]:
    try:
        data = json.loads(zf.read(MANIFEST).decode("utf-8"))
    except (
        KeyError,
        ValueError,
        zipfile.BadZipFile,
        EOFError,
        zlib.error,
        RuntimeError,
        NotImplementedError,
    ) as exc:
        raise CadanganRusak(
            f"Berkas {path.name} tidak memiliki daftar isi (manifest) yang sah; ini bukan "
            "cadangan Kinerja Desktop atau berkasnya rusak."
        ) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CadanganRusak(f"Berkas {path.name} bukan cadangan Kinerja Desktop.")
    if int(data.get("format_versi", 0)) > FORMAT_VERSI:
        raise CadanganError(
            "Cadangan ini dibuat oleh versi Kinerja Desktop yang lebih baru. Perbarui program "
            "lalu ulangi."
        )
    anggota = data.get("sha256")
    if not isinstance(anggota, dict) or NAMA_DB not in anggota:
        raise CadanganRusak(f"Daftar isi cadangan {path.name} tidak lengkap.")
    return data


def _info(path: Path, data: dict[str, Any]) -> InfoCadangan:
    try:
        dibuat = datetime.fromisoformat(str(data.get("dibuat")))
    except ValueError:
        dibuat = datetime.fromtimestamp(path.stat().st_mtime)
    return InfoCadangan(
        path,
        dibuat,
        str(data.get("versi_program", "?")),
        data.get("revisi_skema"),
        {k: int(v) for k, v in (data.get("jumlah") or {}).items()},
        int(data.get("jumlah_bukti", 0)),
        int(data.get("ukuran_bukti", 0)),
        int(data.get("ukuran_db", 0)),
        dict(data["sha256"]),
        str(data.get("asal", "")),
    )


def baca_info(path: Path) -> InfoCadangan:
    """What a backup holds, from its manifest only (fast; not a check)."""
    path = Path(path)
    with _buka_zip(path) as zf:
        return _info(path, _manifest(zf, path))


def _cek_revisi(revisi: str | None) -> None:
    from kinerja_desktop.db.database import SCHEMA_HEAD, _known_revisions

    if revisi is None or revisi == SCHEMA_HEAD:
        return
    if revisi not in _known_revisions():
        raise CadanganError(
            f"Cadangan ini berisi basis data dari versi program yang lebih baru (revisi skema "
            f"{revisi}). Perbarui Kinerja Desktop sebelum memulihkannya; data tidak diubah."
        )


def _ekstrak(
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
        if nama != NAMA_DB and not (nama.startswith(PREFIX_BUKTI) and _aman(nama)):
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
                    blok = src.read(_POTONG)
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
        _fsync_file(path)
    for folder in {p.parent for p in ditulis}:
        _fsync_dir(folder)


def periksa_cadangan(state: StatusTugas | None, path: Path) -> InfoCadangan:
    """Check a backup fully (hashes, the database's integrity, schema); returns what it holds."""
    try:
        return _periksa_cadangan(state or StatusTugas(), path)
    except OSError as exc:
        from kinerja_desktop.db.database import explain_os_error

        raise CadanganError(explain_os_error(exc, Path(path))) from exc


def _periksa_cadangan(state: StatusTugas, path: Path) -> InfoCadangan:
    path = Path(path)
    import tempfile

    with _buka_zip(path) as zf:
        info = _info(path, _manifest(zf, path))
        _cek_revisi(info.revisi_skema)
        with tempfile.TemporaryDirectory(prefix="kinerja-periksa-") as tmp:
            db = Path(tmp) / NAMA_DB
            _ekstrak(zf, info, db, None, state)
            _cek_db(db, info)
    return info


def _cek_db(db: Path, info: InfoCadangan) -> None:
    masalah = integrity_check(db, baca_saja=False)
    if masalah is not None:
        raise CadanganRusak(
            f"Basis data di dalam cadangan {info.path.name} rusak ({masalah}). Pilih cadangan lain."
        )
    revisi, _ = _isi_db(db, baca_saja=False)
    _hapus_wal(db)
    if revisi is None:
        raise CadanganRusak(
            f"Basis data di dalam cadangan {info.path.name} kosong atau bukan basis data "
            "Kinerja Desktop. Pilih cadangan lain."
        )
    _cek_revisi(revisi)


# --- restore ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rencana:
    db: Path
    db_baru: Path
    bukti: Path
    bukti_baru: Path
    bukti_lama: Path
    penanda: Path

    @classmethod
    def untuk(cls, db_path: Path, folder_bukti: Path) -> _Rencana:
        d = db_path.parent
        return cls(
            db_path,
            d / f".{db_path.name}.pulih",
            folder_bukti,
            folder_bukti.parent / f".{folder_bukti.name}.pulih",
            folder_bukti.parent / f".{folder_bukti.name}.lama",
            d / f".{db_path.name}.pulih.json",
        )


def _hapus_wal_tmp(tujuan: Path) -> None:
    for nama in (f".{tujuan.name}.db.tmp", f".{tujuan.name}.tmp"):
        _hapus(tujuan.with_name(nama))
        _hapus_wal(tujuan.with_name(nama))


def _hapus_wal(db: Path) -> None:
    for akhiran in ("-wal", "-shm", "-journal"):
        _hapus(db.with_name(db.name + akhiran))


def _checkpoint(db: Path) -> None:
    """Fold the WAL into the main file so the old data is whole in one file."""
    if not db.exists():
        return
    con = sqlite3.connect(db, timeout=15)
    try:
        busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        con.close()
    if busy and busy[0]:
        raise CadanganError(
            "Basis data sedang dipakai program lain (mungkin salinan Kinerja Desktop lain). "
            "Tutup program itu lalu ulangi pemulihan; data tidak berubah."
        )


def selesaikan_pemulihan(db_path: Path, folder_bukti: Path | None = None) -> bool:
    """Finish a restore that was interrupted after its data was prepared (idempotent).

    Call before opening a database. Returns True if something was finished. Without the
    marker, left-over prepared files are from a restore that never started to swap: removed.
    """
    from kinerja_desktop.db.database import folder_bukti_sqlite

    folder_bukti = folder_bukti or folder_bukti_sqlite(db_path)
    r = _Rencana.untuk(db_path, folder_bukti)
    if not r.penanda.exists():
        for sisa in (r.db_baru, r.bukti_baru):
            _hapus(sisa)
        _hapus_wal(r.db_baru)
        if r.bukti_lama.exists() and r.bukti.exists():
            _hapus(r.bukti_lama)
        elif r.bukti_lama.exists():
            os.replace(r.bukti_lama, r.bukti)
        return False
    try:
        rencana = json.loads(r.penanda.read_text("utf-8"))
    except ValueError:
        rencana = {}
    ada_bukti = bool(rencana.get("bukti", True))
    if r.db_baru.exists():
        _hapus_wal(r.db)
        os.replace(r.db_baru, r.db)
    if r.bukti_baru.exists():
        if r.bukti.exists() and not r.bukti_lama.exists():
            os.replace(r.bukti, r.bukti_lama)
        elif r.bukti.exists():
            _hapus(r.bukti)
        os.replace(r.bukti_baru, r.bukti)
    elif not ada_bukti and r.bukti.exists() and not r.bukti_lama.exists():
        os.replace(r.bukti, r.bukti_lama)
    _fsync_dir(r.db.parent)
    _hapus(r.bukti_lama)
    r.penanda.unlink()
    _fsync_dir(r.db.parent)
    return True


def pulihkan(
    state: StatusTugas | None,
    sumber: Path,
    db_path: Path,
    folder_bukti: Path,
    folder_cadangan: Path | None = None,
    kunci_selesai: Callable[[], None] | None = None,
) -> HasilPulihkan:
    """Restore ``sumber`` over the database at ``db_path`` and its evidence folder.

    The caller closes its own connections first. ``kunci_selesai`` (tests) is called right
    before the swap begins.
    """
    try:
        return _pulihkan(
            state or StatusTugas(),
            Path(sumber),
            hanya_sqlite(db_path),
            folder_bukti,
            folder_cadangan,
            kunci_selesai,
        )
    except OSError as exc:
        from kinerja_desktop.db.database import explain_os_error

        raise CadanganError(explain_os_error(exc, Path(db_path).parent)) from exc


def _pulihkan(
    state: StatusTugas,
    sumber: Path,
    db_path: Path,
    folder_bukti: Path,
    folder_cadangan: Path | None,
    kunci_selesai: Callable[[], None] | None,
) -> HasilPulihkan:
    from kinerja_desktop.db.database import backup_folder

    selesaikan_pemulihan(db_path, folder_bukti)
    r = _Rencana.untuk(db_path, folder_bukti)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with _buka_zip(sumber) as zf:
            info = _info(sumber, _manifest(zf, sumber))
            _cek_revisi(info.revisi_skema)
            _hapus(r.db_baru)
            _hapus(r.bukti_baru)
            r.bukti_baru.mkdir(parents=True)
            _ekstrak(zf, info, r.db_baru, r.bukti_baru, state)
        _cek_db(r.db_baru, info)
        _fsync_dir(r.bukti_baru)
        cek_batal(state)
        # Keep a copy of what is about to be replaced.
        sebelumnya = None
        if db_path.exists() and db_path.stat().st_size > 0:
            folder = folder_cadangan or backup_folder(db_path)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            tujuan = folder / f"{db_path.stem}-sebelum-pulih-{stamp}{EKSTENSI}"
            try:
                _checkpoint(db_path)
                sebelumnya = _buat_cadangan(
                    StatusTugas(), db_path, folder_bukti, tujuan, False
                ).path
                _checkpoint(db_path)
            except sqlite3.DatabaseError as exc:  # damaged or not a database: keep its bytes
                if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                    raise CadanganError(
                        "Basis data sedang dipakai program lain. Tutup program itu lalu ulangi "
                        "pemulihan; data tidak berubah."
                    ) from exc
                _hapus_wal_tmp(tujuan)
                sebelumnya = buat_cadangan(None, db_path, folder_bukti, tujuan, mentah=True).path
            rotasi(folder, f"{db_path.stem}-sebelum-pulih-", SIMPAN_SEBELUM_PULIH)
        state.progress(1, 1, "Mengganti data…")
    except BaseException:
        _hapus(r.db_baru)
        _hapus_wal(r.db_baru)
        _hapus(r.bukti_baru)
        raise
    # From here on the new data is complete on disk: the marker commits to it.
    r.penanda.write_text(
        json.dumps({"sumber": str(sumber), "bukti": True}, ensure_ascii=False), "utf-8"
    )
    _fsync_file(r.penanda)
    _fsync_dir(r.penanda.parent)
    if kunci_selesai is not None:
        kunci_selesai()
    selesaikan_pemulihan(db_path, folder_bukti)
    return HasilPulihkan(info, sebelumnya)


# --- automatic backups ------------------------------------------------------------------------


def rotasi(folder: Path, awalan: str, simpan: int) -> list[Path]:
    """Keep the newest ``simpan`` backups whose name starts with ``awalan``; return removed."""
    if not folder.is_dir():
        return []
    semua = sorted(
        (p for p in folder.iterdir() if p.name.startswith(awalan) and p.name.endswith(EKSTENSI)),
        key=lambda p: p.name,
        reverse=True,
    )
    dibuang = semua[simpan:]
    for p in dibuang:
        _hapus(p)
    return dibuang


def nama_harian(db_path: Path, hari: date) -> str:
    return f"{db_path.stem}-harian-{hari:%Y%m%d}{EKSTENSI}"


def perlu_cadangan_harian(db_path: Path | None, hari: date | None = None) -> bool:
    if db_path is None or not db_path.exists():
        return False
    from kinerja_desktop.db.database import backup_folder

    return not (backup_folder(db_path) / nama_harian(db_path, hari or date.today())).exists()


def cadangan_harian(
    state: StatusTugas | None,
    db_path: Path,
    folder_bukti: Path,
    hari: date | None = None,
    simpan: int = SIMPAN_HARIAN,
) -> InfoCadangan | None:
    """The day's first use makes a backup in the rotation folder (beside the pre-migration
    copies); the last ``simpan`` days are kept. None if today's backup exists already."""
    from kinerja_desktop.db.database import backup_folder

    if not perlu_cadangan_harian(db_path, hari):
        return None
    folder = backup_folder(db_path)
    info = buat_cadangan(
        state, db_path, folder_bukti, folder / nama_harian(db_path, hari or date.today())
    )
    rotasi(folder, f"{db_path.stem}-harian-", simpan)
    return info


def daftar_cadangan(db_path: Path) -> Iterator[Path]:
    from kinerja_desktop.db.database import backup_folder

    folder = backup_folder(db_path)
    if folder.is_dir():
        yield from sorted((p for p in folder.iterdir() if p.name.endswith(EKSTENSI)), reverse=True)
