"""Backup and restore: one file holding the database, the evidence store and a manifest.

A backup file is a zip:

- ``kinerja.sqlite`` — the database, copied with SQLite's online backup API (consistent even
  while the program or a second copy of it is writing);
- ``kinerja.sqlite.kunci`` — the key file of an encrypted database (wrapped keys only), so
  the backup restores on another computer; checked against the database on restore;
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

from kinerja_desktop.exchange.cadangan.basis_data import integrity_check
from kinerja_desktop.exchange.cadangan.harian import (
    cadangan_harian,
    daftar_cadangan,
    nama_harian,
    perlu_cadangan_harian,
    rotasi,
)
from kinerja_desktop.exchange.cadangan.kunci import (
    Pembuka,
    PerluKunci,
    pembuka_pemulihan,
    pembuka_sandi,
    perlu_pembuka,
)
from kinerja_desktop.exchange.cadangan.manifest import (
    EKSTENSI,
    FORMAT,
    NAMA_DB,
    NAMA_KUNCI,
    CadanganError,
    CadanganRusak,
    InfoCadangan,
    baca_info,
    hanya_sqlite,
)
from kinerja_desktop.exchange.cadangan.pemulihan import (
    HasilPulihkan,
    pulihkan,
    selesaikan_pemulihan,
)
from kinerja_desktop.exchange.cadangan.periksa import periksa_cadangan
from kinerja_desktop.exchange.cadangan.tulis import BuktiHilang, buat_cadangan

__all__ = [
    "EKSTENSI",
    "FORMAT",
    "NAMA_DB",
    "NAMA_KUNCI",
    "BuktiHilang",
    "CadanganError",
    "CadanganRusak",
    "HasilPulihkan",
    "InfoCadangan",
    "Pembuka",
    "PerluKunci",
    "baca_info",
    "buat_cadangan",
    "cadangan_harian",
    "daftar_cadangan",
    "hanya_sqlite",
    "integrity_check",
    "nama_harian",
    "pembuka_pemulihan",
    "pembuka_sandi",
    "periksa_cadangan",
    "perlu_cadangan_harian",
    "perlu_pembuka",
    "pulihkan",
    "rotasi",
    "selesaikan_pemulihan",
]
