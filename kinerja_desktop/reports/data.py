"""Plain data the printed documents take (frozen dataclasses; no Qt, no SQLAlchemy)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.tanggal import BULAN as NAMA_BULAN
from kinerja_desktop.domain.tanggal import format_tanggal as tanggal_indonesia


@dataclass(frozen=True)
class IdentitasCetak:
    """Identity as printed (taken from the snapshot of the SKP/evaluation)."""

    nama: str  # full name with gelar
    nip: str  # 18 digits or ""
    pangkat_golongan: str  # already a label, e.g. "Penata Muda Tk. I, III/b"
    jabatan: str
    unit_kerja: str
    ppk: bool = False  # True = PPPK: the NIP label prints "NI PPPK"

    @property
    def label_nip(self) -> str:
        return "NI PPPK" if self.ppk else "NIP"

    @property
    def nip_cetak(self) -> str:
        """Grouped "19660801 198803 1 001", or "-" when empty."""
        return format_nip(self.nip.strip()) if self.nip and self.nip.strip() else "-"


@dataclass(frozen=True)
class KopDokumen:
    instansi: str  # "PEMERINTAH KABUPATEN TEBO"
    periode_penilaian: str  # "1 JANUARI SD 31 DESEMBER TAHUN 2025"
    tempat: str  # "Muara Tebo"
    tanggal: date

    @property
    def tempat_tanggal(self) -> str:
        """ "Muara Tebo, 31 Desember 2025"."""
        return f"{self.tempat}, {tanggal_indonesia(self.tanggal)}"


@dataclass(frozen=True)
class PenandaTangan:
    peran: str  # "Pegawai yang Dinilai", "Pejabat Penilai Kinerja", ...
    identitas: IdentitasCetak


@dataclass(frozen=True)
class BarisSeksi:
    """A row of :func:`tabel_data` spanning the full width, e.g. ``BarisSeksi("A. UTAMA")``."""

    teks: str
    tebal: bool = True


@dataclass(frozen=True)
class BagianDokumen:
    """One numbered section of the Dokumen Evaluasi table (see ``tabel_dokumen_evaluasi``).

    ``baris``: (label, value) pairs; a pair with an empty label prints its value across the
    label and value columns (free text such as CATATAN/REKOMENDASI). Values may be str or a
    Flowable.
    """

    judul: str
    baris: Sequence[tuple[str, Any]] = field(default_factory=tuple)


__all__ = [
    "NAMA_BULAN",
    "BagianDokumen",
    "BarisSeksi",
    "IdentitasCetak",
    "KopDokumen",
    "PenandaTangan",
    "format_nip",
    "tanggal_indonesia",
]
