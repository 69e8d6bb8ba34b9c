"""Register of printed documents and their verification.

A printout carries a document id and a verification code (a hash of the data it
shows). Printing stores that data; verifying rebuilds the data *now* and says
whether the printout still matches, and if not, which fields changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import DokumenCetak
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.tanggal import waktu_lokal
from kinerja_desktop.reports.verifikasi import json_kanonik, kode_dokumen, kode_verifikasi

# jenis -> fn(session, entitas_uuid) -> the document's data as it would print now.
# Each printed document type registers its builder here (SKP, EVALUASI, ...).
PENYUSUN_DATA: dict[str, Callable[[Session, str], dict[str, Any] | None]] = {}


# Modules that register a builder; imported before verifying so that every document type is
# known whichever screen or command asks.
MODUL_PENYUSUN = (
    "kinerja_desktop.services.skp_cetak",
    "kinerja_desktop.services.evaluasi",
    "kinerja_desktop.services.laporan",
)


def _muat_penyusun() -> None:
    from importlib import import_module

    for name in MODUL_PENYUSUN:
        import_module(name)


def daftarkan_penyusun(jenis: str) -> Callable:
    def wrap(fn: Callable[[Session, str], dict[str, Any] | None]) -> Callable:
        PENYUSUN_DATA[jenis] = fn
        return fn

    return wrap


@dataclass(frozen=True)
class KodeCetak:
    kode_dokumen: str
    kode_verifikasi: str


def daftarkan_cetak(session: Session, jenis: str, entitas_uuid: str, data: dict) -> KodeCetak:
    """Record what is about to be printed; returns the codes to print in the footer."""
    kode_dok = kode_dokumen(jenis, entitas_uuid)
    kode_ver = kode_verifikasi(data)
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


def _bedakan(lama: Any, baru: Any, jalur: str = "") -> list[str]:
    if isinstance(lama, dict) and isinstance(baru, dict):
        out: list[str] = []
        for key in sorted(set(lama) | set(baru)):
            out += _bedakan(lama.get(key), baru.get(key), f"{jalur}.{key}" if jalur else key)
        return out
    if isinstance(lama, list) and isinstance(baru, list) and len(lama) == len(baru):
        out = []
        for i, (a, b) in enumerate(zip(lama, baru, strict=True)):
            out += _bedakan(a, b, f"{jalur}[{i + 1}]")
        return out
    if lama != baru:
        return [f"{jalur}: tercetak «{_ringkas(lama)}», sekarang «{_ringkas(baru)}»"]
    return []


def _ringkas(value: Any) -> str:
    text = "—" if value is None else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 80 else text[:77] + "…"


def verifikasi_kode(
    session: Session, actor: Actor, kode_dok: str, kode_ver: str
) -> HasilVerifikasi:
    kode_dok, kode_ver = kode_dok.strip().upper(), kode_ver.strip().upper()
    row = session.scalar(
        select(DokumenCetak).where(
            DokumenCetak.kode_dokumen == kode_dok, DokumenCetak.kode_verifikasi == kode_ver
        )
    )
    if row is None:
        return HasilVerifikasi(
            False,
            False,
            f"Kode {kode_dok} / {kode_ver} tidak pernah dicetak dari basis data ini: cetakan "
            "palsu, diubah, atau berasal dari basis data lain.",
            kode_dok,
        )
    tercetak = json.loads(row.data)
    _muat_penyusun()
    penyusun = PENYUSUN_DATA.get(row.jenis)
    sekarang = penyusun(session, row.entitas_uuid) if penyusun else None
    if sekarang is None:
        return HasilVerifikasi(
            True, False, "Data dokumen ini sudah tidak ada.", kode_dok, row.jenis
        )
    sekarang = json.loads(json_kanonik(sekarang))
    if kode_verifikasi(sekarang) == kode_ver:
        return HasilVerifikasi(
            True,
            True,
            f"Cetakan {kode_dok} sesuai dengan data saat ini "
            f"(dicetak {waktu_lokal(row.dicetak_pada):%d-%m-%Y}).",
            kode_dok,
            row.jenis,
        )
    perubahan = tuple(_bedakan(tercetak, sekarang))
    return HasilVerifikasi(
        True,
        False,
        f"Cetakan {kode_dok} TIDAK sesuai lagi dengan data saat ini: {len(perubahan)} perubahan.",
        kode_dok,
        row.jenis,
        perubahan,
    )
