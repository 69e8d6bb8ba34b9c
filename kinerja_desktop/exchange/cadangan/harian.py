"""Automatic backups: the day's first use makes one, and the rotation keeps the newest few."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from kinerja_desktop.domain.tugas import StatusTugas
from kinerja_desktop.exchange.cadangan.berkas import hapus
from kinerja_desktop.exchange.cadangan.manifest import EKSTENSI, InfoCadangan
from kinerja_desktop.exchange.cadangan.tulis import buat_cadangan

SIMPAN_HARIAN = 7


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
        hapus(p)
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
    # A daily backup is never skipped for missing evidence: it records how many were missing.
    info = buat_cadangan(
        state,
        db_path,
        folder_bukti,
        folder / nama_harian(db_path, hari or date.today()),
        izinkan_bukti_hilang=True,
    )
    rotasi(folder, f"{db_path.stem}-harian-", simpan)
    return info


def daftar_cadangan(db_path: Path) -> Iterator[Path]:
    from kinerja_desktop.db.database import backup_folder

    folder = backup_folder(db_path)
    if folder.is_dir():
        yield from sorted((p for p in folder.iterdir() if p.name.endswith(EKSTENSI)), reverse=True)
