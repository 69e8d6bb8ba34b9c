"""Plain data the printed documents take (frozen dataclasses; no Qt, no SQLAlchemy)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from kinerja_desktop.domain.identitas import Identitas
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.tanggal import BULAN as NAMA_BULAN
from kinerja_desktop.domain.tanggal import format_tanggal as tanggal_indonesia

# The printed identity is the one identity type (its JSON is the snapshot's and the print
# data's).
IdentitasCetak = Identitas


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
