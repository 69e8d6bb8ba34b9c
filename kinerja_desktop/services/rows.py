"""Plain frozen rows that services hand to the UI and to reports (never live ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class UnitRow:
    id: int
    uuid: str
    nama: str
    induk_id: int | None
    aktif: bool
    kode: str | None = None


@dataclass(frozen=True)
class PenugasanRow:
    id: int
    pegawai_id: int
    penilai_id: int
    penilai_nama: str
    penilai_nip: str
    jenis: str
    mulai: date
    selesai: date | None
    keterangan: str | None
