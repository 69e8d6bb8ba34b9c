"""Identity as the forms print it, and the snapshot of it stored with an SKP or evaluation.

One type (:class:`Identitas`) for the pegawai, the pejabat penilai and the atasan pejabat
penilai, and one JSON schema for the snapshot (:class:`SnapshotIdentitas`) used by SKP and
evaluation alike. The identity JSON is also what the print data (hashed for verification)
holds, so its keys are those of every printout made so far: changing them would make old
printouts fail verification.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from kinerja_desktop.domain.nip import format_nip

# How an acting official's jabatan is printed, by assignment kind.
AWALAN_PELAKSANA = {"PLT": "Plt.", "PLH": "Plh."}

# Version of the snapshot JSON; the database migration that changes the schema raises it.
VERSI_SNAPSHOT = 1


@dataclass(frozen=True)
class Identitas:
    """One identity block of a form (forms.md §1–§3): NAMA, NIP, PANGKAT/GOL, JABATAN, UNIT."""

    nama: str  # full name with gelar
    nip: str  # 18 digits or ""
    pangkat_golongan: str  # already a label, e.g. "Penata Muda Tk. I, III/b"
    jabatan: str
    unit_kerja: str
    ppk: bool = False  # True = PPPK: the NIP label prints "NI PPPK"
    # Only a pejabat luar kantor has it (domain.md §9): his block then prints INSTANSI, and
    # NIP only when he has one. Kept out of the JSON when empty, so the print data (and the
    # verification code) of every other block stays what it was.
    instansi: str = ""

    @property
    def luar(self) -> bool:
        return bool(self.instansi)

    @property
    def cetak_nip(self) -> bool:
        """Whether the NIP line prints: always for the office's pegawai, for an outside
        official (possibly not an ASN) only when he has a NIP."""
        return not self.luar or bool(self.nip.strip())

    @property
    def label_nip(self) -> str:
        return "NI PPPK" if self.ppk else "NIP"

    @property
    def nip_cetak(self) -> str:
        """Grouped "19660801 198803 1 001", or "-" when empty."""
        return format_nip(self.nip.strip()) if self.nip and self.nip.strip() else "-"

    def sebagai_pelaksana(self, jenis: str, jabatan: str, unit_kerja: str) -> Identitas:
        """The block of an acting PLT/PLH: "Plt."/"Plh." before the jabatan he acts in, and
        that jabatan's unit, not his own (domain.md §3)."""
        awalan = AWALAN_PELAKSANA.get(jenis)
        if awalan is None:
            return self
        return replace(self, jabatan=f"{awalan} {jabatan}".strip(), unit_kerja=unit_kerja)

    def ke_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "nama": self.nama,
            "nip": self.nip,
            "pangkat_golongan": self.pangkat_golongan,
            "jabatan": self.jabatan,
            "unit_kerja": self.unit_kerja,
            "ppk": self.ppk,
        }
        if self.instansi:
            data["instansi"] = self.instansi
        return data

    @classmethod
    def dari_json(cls, data: Mapping[str, Any] | None) -> Identitas:
        """An absent block (no penilai yet) reads as an empty identity; unknown keys are an
        error so that a block in another schema cannot print blank silently."""
        data = data or {}
        asing = set(data) - _KUNCI_IDENTITAS
        if asing:
            raise ValueError(f"Kolom identitas tidak dikenal: {', '.join(sorted(asing))}.")
        return cls(
            nama=data.get("nama") or "",
            nip=data.get("nip") or "",
            pangkat_golongan=data.get("pangkat_golongan") or "",
            jabatan=data.get("jabatan") or "",
            unit_kerja=data.get("unit_kerja") or "",
            ppk=bool(data.get("ppk")),
            instansi=data.get("instansi") or "",
        )


_KUNCI_IDENTITAS = frozenset(f.name for f in fields(Identitas))

KOSONG = Identitas("", "", "", "", "")


@dataclass(frozen=True)
class SnapshotIdentitas:
    """The identity blocks and office identity frozen when an SKP or evaluation is made."""

    pegawai: Identitas | None = None
    penilai: Identitas | None = None
    atasan_penilai: Identitas | None = None
    instansi: str = ""
    tempat: str = ""
    diambil_pada: date | None = None

    def ke_json(self) -> str:
        return json.dumps(
            {
                "versi": VERSI_SNAPSHOT,
                "pegawai": _blok_ke_json(self.pegawai),
                "penilai": _blok_ke_json(self.penilai),
                "atasan_penilai": _blok_ke_json(self.atasan_penilai),
                "instansi": self.instansi,
                "tempat": self.tempat,
                "diambil_pada": self.diambil_pada.isoformat() if self.diambil_pada else None,
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    @classmethod
    def dari_json(cls, teks: str | None) -> SnapshotIdentitas:
        """``"{}"`` (the column default: not taken yet) reads as an empty snapshot; another
        version is an error rather than a form with blank identity blocks; unreadable text
        reads as empty, as it always has."""
        try:
            data = json.loads(teks or "{}")
        except ValueError:
            return cls()
        if not data:
            return cls()
        if data.get("versi") != VERSI_SNAPSHOT:
            raise ValueError(
                f"Snapshot identitas versi {data.get('versi')!r} tidak dikenal "
                f"(program ini membaca versi {VERSI_SNAPSHOT})."
            )
        diambil = data.get("diambil_pada")
        return cls(
            pegawai=_blok_dari_json(data.get("pegawai")),
            penilai=_blok_dari_json(data.get("penilai")),
            atasan_penilai=_blok_dari_json(data.get("atasan_penilai")),
            instansi=data.get("instansi") or "",
            tempat=data.get("tempat") or "",
            diambil_pada=date.fromisoformat(diambil) if diambil else None,
        )


def _blok_ke_json(identitas: Identitas | None) -> dict[str, Any] | None:
    return identitas.ke_json() if identitas is not None else None


def _blok_dari_json(data: Mapping[str, Any] | None) -> Identitas | None:
    return Identitas.dari_json(data) if data is not None else None


def json_cetak(identitas: Identitas | None) -> dict[str, Any]:
    """The block as the print data holds it: an absent one prints empty."""
    return (identitas or KOSONG).ke_json()


__all__ = [
    "AWALAN_PELAKSANA",
    "KOSONG",
    "VERSI_SNAPSHOT",
    "Identitas",
    "SnapshotIdentitas",
    "json_cetak",
]
