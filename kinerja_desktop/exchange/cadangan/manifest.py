"""The backup file's format: its member names, the manifest that lists them (with their
SHA-256), what a backup holds as read from that manifest, and the errors a backup raises."""

from __future__ import annotations

import json
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from kinerja_desktop.domain.angka import format_angka
from kinerja_desktop.domain.errors import DomainError

FORMAT = "kinerja-desktop-cadangan"
FORMAT_VERSI = 1
NAMA_DB = "kinerja.sqlite"
PREFIX_BUKTI = "bukti/"
MANIFEST = "manifest.json"
EKSTENSI = ".kinerja-cadangan.zip"


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


def buka_zip(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise CadanganError(f"Berkas cadangan {path} tidak ditemukan.")
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CadanganRusak(
            f"Berkas {path.name} bukan berkas cadangan Kinerja Desktop atau rusak "
            "(tidak terbaca sebagai arsip). Pilih berkas cadangan lain."
        ) from exc


def baca_manifest(zf: zipfile.ZipFile, path: Path) -> dict[str, Any]:
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


def teks_manifest(info: InfoCadangan, mentah: bool) -> str:
    """The manifest a backup carries; :func:`info_dari_manifest` reads it back."""
    data = {
        "format": FORMAT,
        "format_versi": FORMAT_VERSI,
        "versi_program": info.versi_program,
        "revisi_skema": info.revisi_skema,
        "dibuat": info.dibuat.isoformat(),
        "asal": info.asal,
        "mentah": mentah,
        "jumlah": info.jumlah,
        "jumlah_bukti": info.jumlah_bukti,
        "ukuran_bukti": info.ukuran_bukti,
        "ukuran_db": info.ukuran_db,
        "sha256": info.anggota,
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def info_dari_manifest(path: Path, data: dict[str, Any]) -> InfoCadangan:
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
    with buka_zip(path) as zf:
        return info_dari_manifest(path, baca_manifest(zf, path))
