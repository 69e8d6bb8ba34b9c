"""The database inside a backup: SQLite's online backup, its integrity check, the counts the
manifest shows, and the schema revision a restore must know."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kinerja_desktop.db.kunci import (
    galat_db,
    ingat_kunci_berkas,
    kunci_berkas,
    sambung_berkas,
    sambung_sqlite,
)
from kinerja_desktop.domain.tugas import StatusTugas, cek_batal
from kinerja_desktop.exchange.cadangan.manifest import CadanganError

_JUMLAH = {
    "pegawai": "pegawai",
    "skp": "skp",
    "evaluasi": "evaluasi",
    "akun": "akun",
    "audit": "audit_log",
}


def _sambung(path: Path, baca_saja: bool) -> Any:
    # Our own temporary copies are opened read-write, so SQLite removes their -wal/-shm
    # files on close; someone else's file only read-only. An encrypted file with its key.
    return sambung_berkas(path, baca_saja)


def isi_db(path: Path, baca_saja: bool = True) -> tuple[str | None, dict[str, int]]:
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
    except galat_db() as exc:
        return str(exc)
    return None if rows == ["ok"] else str(rows[0])


def snapshot(sumber: Path, tujuan: Path, state: StatusTugas, total: int) -> None:
    """SQLite online backup, a few MB at a time, with progress and cancel."""
    kunci = kunci_berkas(sumber)
    src = sambung_berkas(sumber, timeout=15)
    src.isolation_level = None  # autocommit: the BEGIN below is ours
    try:
        # One read transaction for the whole copy: in WAL mode it sees one snapshot, so the
        # copy is not restarted by every commit of another program (one each 0.25 s would
        # restart it for ever) and the writers are never blocked.
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        dst = sambung_sqlite(tujuan, kunci)  # an encrypted database stays encrypted
        if kunci is not None:
            ingat_kunci_berkas(tujuan, kunci)
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


def sha_tercatat(path: Path) -> set[str]:
    """The evidence files the database refers to (table berkas_bukti)."""
    con = _sambung(path, baca_saja=False)
    try:
        tabel = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "berkas_bukti" not in tabel:
            return set()
        return {str(r[0]) for r in con.execute("SELECT sha256 FROM berkas_bukti")}
    finally:
        con.close()


def cek_revisi(revisi: str | None) -> None:
    from kinerja_desktop.db.database import SCHEMA_HEAD, _known_revisions

    if revisi is None or revisi == SCHEMA_HEAD:
        return
    if revisi not in _known_revisions():
        raise CadanganError(
            f"Cadangan ini berisi basis data dari versi program yang lebih baru (revisi skema "
            f"{revisi}). Perbarui Kinerja Desktop sebelum memulihkannya; data tidak diubah."
        )


def checkpoint(db: Path) -> None:
    """Fold the WAL into the main file so the old data is whole in one file."""
    if not db.exists():
        return
    con = sambung_berkas(db, timeout=15)
    try:
        busy = con.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        con.close()
    if busy and busy[0]:
        raise CadanganError(
            "Basis data sedang dipakai program lain (mungkin salinan Kinerja Desktop lain). "
            "Tutup program itu lalu ulangi pemulihan; data tidak berubah."
        )
