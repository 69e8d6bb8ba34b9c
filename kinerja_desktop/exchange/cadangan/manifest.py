"""The backup file's format: its member names, the manifest that lists them (with their
SHA-256), what a backup holds as read from that manifest, and the errors a backup raises."""

from __future__ import annotations

import json
import re
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
NAMA_KUNCI = "kinerja.sqlite.kunci"  # the key file (db/kunci.py) of an encrypted database
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
    bukti_hilang: int = 0  # evidence files the database lists that were not in the folder
    sidik_kunci: str | None = None  # the key file's office-key fingerprint; None: no key file

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
            *([("Bukti dukung hilang", str(self.bukti_hilang))] if self.bukti_hilang else []),
            ("Berkas kunci", "ikut (basis data terenkripsi)" if self.sidik_kunci else "tidak ada"),
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


# A manifest lists one line per member: a few MB even for a large office. Anything bigger is
# not one the program wrote, and is refused before it is parsed.
BATAS_MANIFEST = 64 * 1024 * 1024
KUNCI_JUMLAH = ("pegawai", "skp", "evaluasi", "akun", "audit")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_HEX32 = re.compile(r"[0-9a-f]{32}")
# A key file holds a few slots of a few hundred bytes each: far below this.
BATAS_KUNCI = 4 * 1024 * 1024


def baca_manifest(zf: zipfile.ZipFile, path: Path) -> dict[str, Any]:
    try:
        item = zf.getinfo(MANIFEST)
        if item.file_size > BATAS_MANIFEST:
            raise ValueError("manifest terlalu besar")
        with zf.open(item) as fh:
            data = json.loads(fh.read(BATAS_MANIFEST + 1).decode("utf-8"))
    except (
        KeyError,
        ValueError,
        RecursionError,
        zipfile.BadZipFile,
        EOFError,
        zlib.error,
        RuntimeError,
        NotImplementedError,
        OSError,
    ) as exc:
        raise CadanganRusak(
            f"Berkas {path.name} tidak memiliki daftar isi (manifest) yang sah; ini bukan "
            "cadangan Kinerja Desktop atau berkasnya rusak."
        ) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CadanganRusak(f"Berkas {path.name} bukan cadangan Kinerja Desktop.")
    versi = data.get("format_versi")
    if type(versi) is int and versi > FORMAT_VERSI:
        raise CadanganError(
            "Cadangan ini dibuat oleh versi Kinerja Desktop yang lebih baru. Perbarui program "
            "lalu ulangi."
        )
    anggota = data.get("sha256")
    if not isinstance(anggota, dict) or NAMA_DB not in anggota:
        raise CadanganRusak(f"Daftar isi cadangan {path.name} tidak lengkap.")
    return data


def _salah(path: Path, kolom: str, harus: str) -> CadanganRusak:
    return CadanganRusak(
        f"Daftar isi (manifest) cadangan {path.name} tidak sah: isian '{kolom}' harus {harus}. "
        "Berkas ini bukan cadangan yang dibuat Kinerja Desktop atau telah diubah."
    )


def _bulat(data: dict[str, Any], kunci: str, path: Path, label: str | None = None) -> int:
    nilai = data.get(kunci)
    # bool is an int in Python; a manifest written by the program never has one here.
    if type(nilai) is not int or nilai < 0 or nilai > 2**53:
        raise _salah(path, label or kunci, "bilangan bulat tidak negatif")
    return nilai


def _teks(data: dict[str, Any], kunci: str, path: Path, boleh_kosong: bool = False) -> str | None:
    nilai = data.get(kunci)
    if nilai is None and boleh_kosong:
        return None
    if not isinstance(nilai, str) or len(nilai) > 4096 or "\x00" in nilai:
        raise _salah(path, kunci, "teks")
    return nilai


def periksa_isian(path: Path, data: dict[str, Any]) -> InfoCadangan:
    """The manifest with the type of every field checked (it comes from an untrusted file)."""
    if data.get("format_versi") != FORMAT_VERSI or type(data.get("format_versi")) is not int:
        raise _salah(path, "format_versi", f"bilangan {FORMAT_VERSI}")
    try:
        dibuat = datetime.fromisoformat(_teks(data, "dibuat", path) or "")
    except ValueError:
        raise _salah(path, "dibuat", "tanggal dan jam (ISO 8601)") from None
    if not isinstance(data.get("mentah", False), bool):
        raise _salah(path, "mentah", "benar/salah")
    jumlah = data.get("jumlah")
    if not isinstance(jumlah, dict) or set(jumlah) != set(KUNCI_JUMLAH):
        raise _salah(path, "jumlah", f"daftar jumlah {', '.join(KUNCI_JUMLAH)}")
    hitungan = {k: _bulat(jumlah, k, path, f"jumlah.{k}") for k in KUNCI_JUMLAH}
    sidik = data["sha256"]
    for nama, h in sidik.items():
        if not isinstance(nama, str) or not isinstance(h, str) or not _HEX64.fullmatch(h):
            raise _salah(path, "sha256", "pasangan nama berkas dan sidik SHA-256 (64 heksa)")
    sidik_kunci = data.get("sidik_kunci")
    if sidik_kunci is not None and (
        not isinstance(sidik_kunci, str) or not _HEX32.fullmatch(sidik_kunci)
    ):
        raise _salah(path, "sidik_kunci", "sidik kunci (32 heksa) atau kosong")
    if (sidik_kunci is None) != (NAMA_KUNCI not in sidik):
        raise _salah(path, "sidik_kunci", f"ada tepat bila {NAMA_KUNCI} ada di dalamnya")
    return InfoCadangan(
        path,
        dibuat,
        _teks(data, "versi_program", path) or "?",
        _teks(data, "revisi_skema", path, boleh_kosong=True),
        hitungan,
        _bulat(data, "jumlah_bukti", path),
        _bulat(data, "ukuran_bukti", path),
        _bulat(data, "ukuran_db", path),
        dict(sidik),
        _teks(data, "asal", path) or "",
        _bulat(data, "bukti_hilang", path) if "bukti_hilang" in data else 0,
        sidik_kunci,
    )


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
        "bukti_hilang": info.bukti_hilang,
        "sidik_kunci": info.sidik_kunci,
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def info_dari_manifest(path: Path, data: dict[str, Any]) -> InfoCadangan:
    return periksa_isian(path, data)


def baca_info(path: Path) -> InfoCadangan:
    """What a backup holds, from its manifest only (fast; not a check)."""
    path = Path(path)
    with buka_zip(path) as zf:
        return info_dari_manifest(path, baca_manifest(zf, path))
