"""Register of printed documents and their verification.

A printout carries a document id and a verification code (a hash of the data it
shows). Printing stores that data; verifying (``services.cetak.verifikasi_kode``)
rebuilds the data *now* and says whether the printout still matches, and if not,
which fields changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import DokumenCetak
from kinerja_desktop.reports.verifikasi import json_kanonik, kode_dokumen, kode_verifikasi


@dataclass(frozen=True)
class KodeCetak:
    kode_dokumen: str
    kode_verifikasi: str


def kode_cetak(jenis: str, entitas_uuid: str, data: dict) -> KodeCetak:
    """The codes a printout of ``data`` carries in its footer (nothing is recorded)."""
    return KodeCetak(kode_dokumen(jenis, entitas_uuid), kode_verifikasi(data))


def daftarkan_cetak(session: Session, jenis: str, entitas_uuid: str, data: dict) -> KodeCetak:
    """Record what is about to be printed; returns the codes to print in the footer."""
    kode = kode_cetak(jenis, entitas_uuid, data)
    kode_dok, kode_ver = kode.kode_dokumen, kode.kode_verifikasi
    exists = session.scalar(
        select(DokumenCetak.id).where(
            DokumenCetak.kode_dokumen == kode_dok, DokumenCetak.kode_verifikasi == kode_ver
        )
    )
    if not exists:
        session.add(
            DokumenCetak(
                kode_dokumen=kode_dok,
                kode_verifikasi=kode_ver,
                jenis=jenis,
                entitas_uuid=entitas_uuid,
                data=json_kanonik(data),
            )
        )
        session.flush()
    return KodeCetak(kode_dok, kode_ver)


@dataclass(frozen=True)
class HasilVerifikasi:
    dikenal: bool
    cocok: bool
    pesan: str
    kode_dokumen: str = ""
    jenis: str = ""
    perubahan: tuple[str, ...] = ()  # readable "field: printed → now" lines


def perubahan_data(lama: Any, baru: Any, jalur: str = "") -> list[str]:
    """Readable "field: printed → now" lines for every leaf that differs."""
    if isinstance(lama, dict) and isinstance(baru, dict):
        out: list[str] = []
        for key in sorted(set(lama) | set(baru)):
            out += perubahan_data(lama.get(key), baru.get(key), f"{jalur}.{key}" if jalur else key)
        return out
    if isinstance(lama, list) and isinstance(baru, list) and len(lama) == len(baru):
        out = []
        for i, (a, b) in enumerate(zip(lama, baru, strict=True)):
            out += perubahan_data(a, b, f"{jalur}[{i + 1}]")
        return out
    if lama != baru:
        return [f"{jalur}: tercetak «{_ringkas(lama)}», sekarang «{_ringkas(baru)}»"]
    return []


def _ringkas(value: Any) -> str:
    text = "—" if value is None else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 80 else text[:77] + "…"
