"""DOKUMEN EVALUASI KINERJA PEGAWAI (forms.md §3): the cover/summary per period and annual.

Portrait A4: optional emblem, title, struck-through PERIODE line, instansi + PERIODE PENILAIAN,
the numbered table (1–3 identity blocks, 4 EVALUASI KINERJA, 5 CATATAN/REKOMENDASI), then two
signature blocks each with place and date. Data: ``services.evaluasi.data_cetak_dokumen``.
"""

from __future__ import annotations

import io
from os import PathLike
from typing import IO, Any

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Spacer

from kinerja_desktop.reports.common import (
    LEBAR_POTRET,
    BagianDokumen,
    IdentitasCetak,
    PenandaTangan,
    baris_instansi_periode,
    blok_identitas_baris,
    blok_tanda_tangan,
    buat_dokumen,
    cm,
    judul,
    tabel_dokumen_evaluasi,
)
from kinerja_desktop.reports.evaluasi import (
    baris_periode,
    catatan_keberatan,
    kop,
    pilihan_org,
    pilihan_predikat,
)

JUDUL_DOKUMEN = "Dokumen Evaluasi Kinerja Pegawai"
TINGGI_EMBLEM = 2.4 * cm


def gambar_emblem(biner: bytes | None) -> Flowable | None:
    """The office emblem (Pengaturan "emblem") scaled to a fixed height; None if absent or
    unreadable (a broken image must never stop printing)."""
    if not biner:
        return None
    try:
        reader = ImageReader(io.BytesIO(biner))
        w, h = reader.getSize()
    except Exception:
        return None
    if not w or not h:
        return None
    lebar = TINGGI_EMBLEM * w / h
    img = Image(io.BytesIO(biner), width=lebar, height=TINGGI_EMBLEM)
    img.hAlign = "CENTER"
    return img


def story_dokumen(data: dict[str, Any], emblem: bytes | None = None) -> list[Flowable]:
    final = data.get("status") == "FINAL"
    pegawai = IdentitasCetak.dari_json(data["pegawai"])
    penilai = IdentitasCetak.dari_json(data["penilai"])
    atasan = IdentitasCetak.dari_json(data["atasan_penilai"])
    story: list[Flowable] = []
    img = gambar_emblem(emblem)
    if img is not None:
        story += [img, Spacer(1, 6)]
    catatan = data.get("catatan") or "-"
    story += [
        judul(["DOKUMEN EVALUASI KINERJA PEGAWAI"]),
        baris_periode(data),
        Spacer(1, 8),
        baris_instansi_periode(kop(data)),
        tabel_dokumen_evaluasi(
            [
                blok_identitas_baris("PEGAWAI YANG DINILAI", pegawai),
                blok_identitas_baris("PEJABAT PENILAI KINERJA", penilai),
                blok_identitas_baris("ATASAN PEJABAT PENILAI KINERJA", atasan),
                BagianDokumen(
                    "EVALUASI KINERJA",
                    (
                        (
                            "CAPAIAN KINERJA ORGANISASI",
                            pilihan_org(data.get("predikat_organisasi"), "tabel"),
                        ),
                        (
                            "PREDIKAT KINERJA PEGAWAI",
                            pilihan_predikat(data.get("predikat"), "tabel"),
                        ),
                    ),
                ),
                BagianDokumen("CATATAN/REKOMENDASI", (("", catatan),)),
            ],
            LEBAR_POTRET,
        ),
    ]
    kb = catatan_keberatan(data)
    if kb is not None:
        story.append(kb)
    story.append(
        blok_tanda_tangan(
            PenandaTangan("Pegawai yang Dinilai,", pegawai),
            PenandaTangan("Pejabat Penilai Kinerja,", penilai),
            kop(data),
            tampilkan_nama=final,
            tanggal_kiri=True,
            lebar=LEBAR_POTRET,
            jarak_atas=16,
        )
    )
    return story


def cetak_dokumen_evaluasi(
    out: str | PathLike[str] | IO[bytes],
    data: dict[str, Any],
    kode_dokumen: str,
    kode_verifikasi: str,
    *,
    emblem: bytes | None = None,
    invariant: bool = False,
) -> int:
    return buat_dokumen(
        out,
        story_dokumen(data, emblem),
        judul_dokumen=JUDUL_DOKUMEN,
        kode_dokumen=kode_dokumen,
        kode_verifikasi=kode_verifikasi,
        draf=data.get("status") != "FINAL",
        landscape=False,
        invariant=invariant,
    )


__all__ = ["JUDUL_DOKUMEN", "cetak_dokumen_evaluasi", "gambar_emblem", "story_dokumen"]
