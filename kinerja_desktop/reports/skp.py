"""The printed SKP and its Lampiran (forms.md §1).

``render_skp(data)`` takes a plain :class:`SkpCetak` (built by ``services.skp.cetak`` from the
SKP's snapshot and content) and returns the PDF bytes, or writes them to ``out`` (a path or a
binary buffer). No database, no Qt.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from os import PathLike
from typing import IO, Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from kinerja_desktop.reports.blocks import baris_bagi, sel_rhk_penugasan
from kinerja_desktop.reports.common import (
    LEBAR_POTRET,
    TEBAL_GARIS,
    BarisSeksi,
    IdentitasCetak,
    KopDokumen,
    PenandaTangan,
    baris_instansi_periode,
    blok_tanda_tangan,
    buat_dokumen,
    daftar_bernomor,
    esc,
    gaya,
    judul,
    lebar_kolom,
    paragraf,
    paragraf_markup,
    subjudul,
    tabel_data,
    tabel_identitas,
)

JUDUL_DOKUMEN = "Sasaran Kinerja Pegawai"


@dataclass(frozen=True)
class IkiCetak:
    aspek: str  # "Kuantitas" ... or "" (JPT)
    uraian: str
    target: str  # "2 Dokumen"; kualitatif: narrative (may be "")


@dataclass(frozen=True)
class RhkCetak:
    jenis: str  # UTAMA / TAMBAHAN
    nomor: int
    uraian: str
    intervensi: str = ""  # RHK pimpinan yang diintervensi
    perspektif: str = ""  # JPT
    penugasan_dari: str = ""  # JPT
    indikator: tuple[IkiCetak, ...] = ()


@dataclass(frozen=True)
class PerilakuCetak:
    nama: str
    panduan: tuple[str, ...]
    ekspektasi: str = ""


@dataclass(frozen=True)
class SkpCetak:
    kop: KopDokumen
    pegawai: IdentitasCetak
    penilai: IdentitasCetak
    pendekatan: str  # KUANTITATIF / KUALITATIF
    jpt: bool
    ditetapkan: bool
    rhk: tuple[RhkCetak, ...]
    perilaku: tuple[PerilakuCetak, ...]
    lampiran: tuple[tuple[str, tuple[str, ...]], ...]  # (heading, numbered items)
    kode_dokumen: str = "SKP-00000000"
    kode_verifikasi: str = "0000-0000-0000"
    keterangan_revisi: str = ""  # e.g. "Revisi 1" printed under the titles


def judul_skp(data: SkpCetak) -> list[str]:
    baris = [
        "SASARAN KINERJA PEGAWAI",
        f"PENDEKATAN HASIL KERJA {data.pendekatan.upper()}",
        baris_bagi(data.jpt),
    ]
    return baris


# --- hasil kerja ------------------------------------------------------------------------------


def _kolom_hasil_kerja(data: SkpCetak) -> tuple[list[str], list[float]]:
    kualitatif = data.pendekatan.upper() == "KUALITATIF"
    ukuran = "UKURAN KEBERHASILAN / INDIKATOR KINERJA INDIVIDU, DAN TARGET"
    if data.jpt:
        if kualitatif:
            return ["NO", "RENCANA HASIL KERJA", ukuran, "PERSPEKTIF"], [0.7, 5.0, 6.6, 2.0]
        return (
            ["NO", "RENCANA HASIL KERJA", "INDIKATOR KINERJA INDIVIDU", "TARGET", "PERSPEKTIF"],
            [0.7, 4.6, 4.9, 2.1, 2.0],
        )
    pimpinan = "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI"
    if kualitatif:
        return (
            ["NO", pimpinan, "RENCANA HASIL KERJA", "ASPEK", ukuran],
            [0.7, 3.3, 3.3, 1.5, 5.5],
        )
    return (
        ["NO", pimpinan, "RENCANA HASIL KERJA", "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET"],
        [0.7, 3.2, 3.2, 1.4, 3.8, 1.9],
    )


def _sel_rhk(rhk: RhkCetak, jpt: bool) -> Any:
    if jpt and rhk.penugasan_dari:
        return sel_rhk_penugasan(rhk.uraian, rhk.penugasan_dari)
    return rhk.uraian


def _sel_ukuran(iki: IkiCetak) -> Any:
    if iki.target:
        return paragraf_markup(f"{esc(iki.uraian)}<br/><b>Target:</b> {esc(iki.target)}", "tabel")
    return iki.uraian


def _baris_rhk(rhk: RhkCetak, data: SkpCetak, awal: int) -> tuple[list[list[Any]], list[tuple]]:
    """The rows of one RHK (one per IKI) and the spans that keep it in one piece."""
    kualitatif = data.pendekatan.upper() == "KUALITATIF"
    iki = rhk.indikator or (IkiCetak("", "-", ""),)
    rows: list[list[Any]] = []
    for n, i in enumerate(iki):
        pertama = n == 0
        nomor = str(rhk.nomor) if pertama else None
        sel_rhk = _sel_rhk(rhk, data.jpt) if pertama else None
        if data.jpt:
            persp = (rhk.perspektif or "-") if pertama else None
            if kualitatif:
                rows.append([nomor, sel_rhk, _sel_ukuran(i), persp])
            else:
                rows.append([nomor, sel_rhk, i.uraian, i.target or "-", persp])
        else:
            interv = (rhk.intervensi or "-") if pertama else None
            if kualitatif:
                rows.append([nomor, interv, sel_rhk, i.aspek or "-", _sel_ukuran(i)])
            else:
                rows.append([nomor, interv, sel_rhk, i.aspek or "-", i.uraian, i.target or "-"])
    spans: list[tuple] = []
    akhir = awal + len(rows) - 1
    if akhir > awal:
        kolom = [0, 1, 3] if data.jpt and kualitatif else [0, 1, 4] if data.jpt else [0, 1, 2]
        for c in kolom:
            spans.append(("SPAN", (c, awal), (c, akhir)))
    return rows, spans


def tabel_hasil_kerja(data: SkpCetak, lebar: float = LEBAR_POTRET) -> Table:
    header, bobot = _kolom_hasil_kerja(data)
    kualitatif = data.pendekatan.upper() == "KUALITATIF"
    rows: list[Any] = []
    spans: list[tuple] = []
    for jenis, label in (("UTAMA", "A. UTAMA"), ("TAMBAHAN", "B. TAMBAHAN")):
        rows.append(BarisSeksi(label))
        daftar = [r for r in data.rhk if r.jenis == jenis]
        if not daftar:
            kosong: list[str | None] = [None] * len(header)
            kosong[0] = "-"
            rows.append(kosong)
            continue
        for rhk in daftar:
            r, s = _baris_rhk(rhk, data, len(rows))
            rows.extend(r)
            spans.extend(s)
    if data.jpt:
        tengah = [0, 3, 4] if not kualitatif else [0, 3]
    else:
        tengah = [0, 3, 5] if not kualitatif else [0, 3]
    return tabel_data(
        [header],
        rows,
        lebar_kolom(bobot, lebar),
        spans,
        nomor_kolom=True,
        rata_tengah=tengah,
    )


# --- perilaku kerja ---------------------------------------------------------------------------


@cache
def _gaya_butir() -> ParagraphStyle:
    """Panduan perilaku bullets with a hanging indent."""
    return ParagraphStyle("skp_butir", parent=gaya("tabel"), leftIndent=7, bulletIndent=0)


def tabel_perilaku(data: SkpCetak, lebar: float = LEBAR_POTRET) -> Table:
    rows: list[list[Any]] = []
    for n, p in enumerate(data.perilaku, start=1):
        sel = [paragraf_markup(f"<b>{esc(p.nama)}</b>", "tabel")]
        sel += [Paragraph(esc(x), _gaya_butir(), bulletText="-") for x in p.panduan]
        rows.append(
            [
                paragraf(str(n), "tabel_tengah"),
                sel,
                paragraf_markup(
                    f"<b>Ekspektasi Khusus Pimpinan:</b><br/>{esc(p.ekspektasi) or '-'}", "tabel"
                ),
            ]
        )
    t = Table(
        rows,
        colWidths=lebar_kolom([0.7, 8.0, 5.6], lebar),
        splitByRow=1,
        splitInRow=0,
        hAlign="CENTER",
        spaceBefore=2,
        spaceAfter=6,
    )
    t.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), TEBAL_GARIS, "black"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return t


# --- lampiran ---------------------------------------------------------------------------------


def tabel_lampiran(
    bagian: Sequence[tuple[str, Sequence[str]]], lebar: float = LEBAR_POTRET
) -> Table:
    rows: list[list[Any]] = []
    perintah: list[Any] = [
        ("GRID", (0, 0), (-1, -1), TEBAL_GARIS, "black"),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    for judul_bagian, butir in bagian:
        rows.append([paragraf(judul_bagian, "isi_tebal")])
        rows.append([daftar_bernomor(list(butir), "isi")])
    t = Table(rows, colWidths=[lebar], splitByRow=1, splitInRow=0, spaceBefore=4, spaceAfter=6)
    t.setStyle(TableStyle(perintah))
    return t


# --- the document -----------------------------------------------------------------------------


def story_skp(data: SkpCetak, lebar: float = LEBAR_POTRET) -> list[Any]:
    penanda_kiri = PenandaTangan("Pegawai yang Dinilai", data.pegawai)
    penanda_kanan = PenandaTangan("Pejabat Penilai Kinerja", data.penilai)
    story: list[Any] = [judul(judul_skp(data))]
    if data.keterangan_revisi:
        story.append(paragraf(data.keterangan_revisi, "isi_tengah"))
        story.append(Spacer(1, 4))
    story += [
        baris_instansi_periode(data.kop, lebar),
        tabel_identitas(data.pegawai, data.penilai, lebar),
        subjudul("HASIL KERJA"),
        tabel_hasil_kerja(data, lebar),
        subjudul("PERILAKU KERJA"),
        tabel_perilaku(data, lebar),
        blok_tanda_tangan(penanda_kiri, penanda_kanan, data.kop, data.ditetapkan, lebar=lebar),
        PageBreak(),
        judul(["LAMPIRAN SASARAN KINERJA PEGAWAI"]),
        baris_instansi_periode(data.kop, lebar),
        tabel_lampiran(data.lampiran, lebar),
        blok_tanda_tangan(penanda_kiri, penanda_kanan, data.kop, data.ditetapkan, lebar=lebar),
    ]
    return story


def render_skp(
    data: SkpCetak,
    out: str | PathLike[str] | IO[bytes] | None = None,
    *,
    invariant: bool = False,
) -> bytes:
    """Build the SKP PDF (A4 portrait, the Lampiran on its own page).

    Returns the PDF bytes (also written to ``out`` when given). A document that is not
    ditetapkan carries the DRAF watermark and dotted lines instead of signature names.
    """
    buf = io.BytesIO()
    buat_dokumen(
        buf,
        story_skp(data),
        judul_dokumen=f"{JUDUL_DOKUMEN} — {data.pegawai.nama}",
        kode_dokumen=data.kode_dokumen,
        kode_verifikasi=data.kode_verifikasi,
        draf=not data.ditetapkan,
        invariant=invariant,
    )
    pdf = buf.getvalue()
    if out is not None:
        if hasattr(out, "write"):
            out.write(pdf)  # type: ignore[union-attr]
        else:
            with open(out, "wb") as f:
                f.write(pdf)
    return pdf


__all__ = [
    "JUDUL_DOKUMEN",
    "IdentitasCetak",
    "IkiCetak",
    "KopDokumen",
    "PerilakuCetak",
    "RhkCetak",
    "SkpCetak",
    "judul_skp",
    "render_skp",
    "story_skp",
    "tabel_hasil_kerja",
    "tabel_lampiran",
    "tabel_perilaku",
]
