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
class IdentitasRow:
    """Identity as printed on a form; a snapshot of it is stored with SKP and evaluasi."""

    pegawai_id: int
    nama_lengkap: str
    nip: str
    status: str
    pangkat_golongan: str
    jabatan: str
    jenis_jabatan: str
    unit_kerja: str
    unit_kerja_id: int

    def to_dict(self) -> dict:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict) -> IdentitasRow:
        return cls(**data)


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
