"""The units an import refers to: the existing ones, found by kode or by name (with the
parent's name when two share a name), and the new ones the import will create."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import UnitKerja


@dataclass
class UnitBaru:
    ref: int  # negative
    nama: str
    kode: str | None
    induk_ref: int | None  # existing id (> 0), another new unit (< 0), or None (top level)


def _kunci_nama(nama: str) -> str:
    return " ".join(nama.split()).casefold()


class PetaUnit:
    """Existing units plus the ones the import will create, found by kode or name."""

    def __init__(self, session: Session) -> None:
        self.nama: dict[int, str] = {}
        self.induk: dict[int, int | None] = {}
        self.per_kode: dict[str, int] = {}
        self.per_nama: dict[str, list[int]] = {}
        self.baru: dict[int, UnitBaru] = {}
        for uid, nama, kode, induk in session.execute(
            select(UnitKerja.id, UnitKerja.nama, UnitKerja.kode, UnitKerja.induk_id)
        ):
            self._daftar(uid, nama, kode, induk)

    def _daftar(self, ref: int, nama: str, kode: str | None, induk: int | None) -> None:
        self.nama[ref] = nama
        self.induk[ref] = induk
        if kode:
            self.per_kode.setdefault(kode, ref)
        self.per_nama.setdefault(_kunci_nama(nama), []).append(ref)

    def _buat(self, nama: str, kode: str | None, induk: int | None) -> int:
        ref = -(len(self.baru) + 1)
        self.baru[ref] = UnitBaru(ref, " ".join(nama.split()), kode, induk)
        self._daftar(ref, " ".join(nama.split()), kode, induk)
        return ref

    def cari(
        self, nama: str, kode: str | None, induk_nama: str | None, induk_kode: str | None
    ) -> int:
        """The unit's ref; creates a planned unit when none matches. Raises ValueError with
        a message when the name is ambiguous."""
        if kode and kode in self.per_kode:
            return self.per_kode[kode]
        calon = self.per_nama.get(_kunci_nama(nama), [])
        if len(calon) == 1:
            return calon[0]
        if len(calon) > 1:
            if induk_nama:
                kunci = _kunci_nama(induk_nama)
                cocok = [c for c in calon if self._kunci_induk(c) == kunci]
                if len(cocok) == 1:
                    return cocok[0]
            raise ValueError(
                f"Ada {len(calon)} unit kerja bernama '{nama}'. Isi unit induknya agar jelas "
                "unit yang dimaksud."
            )
        induk: int | None = None
        if induk_nama or induk_kode:
            induk = self.cari(induk_nama or induk_kode or "", induk_kode, None, None)
        return self._buat(nama, kode, induk)

    def _kunci_induk(self, ref: int) -> str | None:
        induk = self.induk[ref]
        return None if induk is None else _kunci_nama(self.nama[induk])

    def label(self, ref: int | None) -> str:
        if ref is None:
            return ""
        return self.nama.get(ref, "")
