"""Verify a PDF printout: its codes, its text, and the key facts a person compares with paper.

A footer's codes only say that such a document was printed; a forger can copy a genuine
footer under other text. So each document in the PDF is rendered again from the data recorded
when it was printed, and the two texts must be the same page by page. The key facts (nama,
NIP, periode, ratings, predikat) are shown for the reader to compare with the signed paper,
which the program never sees (a strike-through drawn over the paper is not text).
"""

from __future__ import annotations

import difflib
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from os import PathLike
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import DokumenCetak
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.predikat import Predikat, PredikatOrganisasi, Rating
from kinerja_desktop.reports.verifikasi import (
    HalamanPdf,
    PdfDitolak,
    baca_halaman_pdf,
    teks_sebanding,
)
from kinerja_desktop.services import evaluasi, laporan
from kinerja_desktop.services.cetak import tulis_cetakan, verifikasi_kode
from kinerja_desktop.services.dokumen import HasilVerifikasi
from kinerja_desktop.services.skp import cetak as skp_cetak
from kinerja_desktop.services.waktu import waktu_kantor

MAKS_SELISIH = 6  # differing lines listed per document

# "3 April 2025": the rekap prints the day it is printed, which its verified data leaves out.
_TANGGAL = re.compile(
    r"\b\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|"
    r"November|Desember) \d{4}\b"
)


@dataclass(frozen=True)
class HasilPdf:
    """One document of the PDF: its codes checked, its text compared, its key facts."""

    kode: HasilVerifikasi
    kode_verifikasi: str
    halaman: tuple[int, ...]
    teks_sama: bool
    selisih: tuple[str, ...] = ()
    fakta: tuple[tuple[str, str], ...] = field(default=())

    @property
    def cocok(self) -> bool:
        return self.kode.cocok and self.teks_sama

    @property
    def pesan(self) -> str:
        if not self.kode.dikenal or self.teks_sama:
            return self.kode.pesan
        return (
            f"Teks PDF {self.kode.kode_dokumen} BERBEDA dari dokumen yang tercetak dengan kode "
            "ini: berkas telah diubah atau dipalsukan (kaki halamannya saja yang asli)."
        )


def verifikasi_pdf(
    session: Session, actor: Actor, sumber: str | PathLike[str] | bytes
) -> list[HasilPdf]:
    """Check every document in the PDF. Raises ValidationError for a file that is refused
    (not a PDF, above the size or page limit) or that carries no code at all."""
    try:
        halaman = baca_halaman_pdf(sumber)
    except PdfDitolak as exc:
        raise ValidationError(f"PDF tidak diperiksa: {exc}.") from exc
    kelompok = _per_dokumen(halaman)
    if not kelompok:
        raise ValidationError(
            "Tidak ada kode verifikasi Kinerja Desktop di PDF ini. Pindaian kertas tidak "
            "cukup: ketik kode yang tercetak di kaki halamannya."
        )
    tanpa_kode = [h.nomor for h in halaman if not h.kode]
    return [_periksa(session, actor, p, hs, tanpa_kode) for p, hs in kelompok.items()]


def _per_dokumen(halaman: list[HalamanPdf]) -> dict[tuple[str, str], list[HalamanPdf]]:
    kelompok: dict[tuple[str, str], list[HalamanPdf]] = {}
    for h in halaman:
        for pasangan in h.kode:
            kelompok.setdefault(pasangan, []).append(h)
    return kelompok


def _periksa(
    session: Session,
    actor: Actor,
    pasangan: tuple[str, str],
    halaman: list[HalamanPdf],
    tanpa_kode: list[int],
) -> HasilPdf:
    dok, ver = pasangan
    kode = verifikasi_kode(session, actor, dok, ver)
    nomor = tuple(h.nomor for h in halaman)
    row = _tercetak(session, dok, ver)
    if row is None:
        return HasilPdf(kode, ver, nomor, False)
    data = json.loads(row.data)
    selisih = _bandingkan(session, row, data, halaman)
    selisih += [f"Halaman {n} tanpa kode verifikasi (disisipkan?)" for n in tanpa_kode]
    fakta = tuple(fakta_pokok(row.jenis, data))
    return HasilPdf(kode, ver, nomor, not selisih, tuple(selisih[:MAKS_SELISIH]), fakta)


def fakta_kode(session: Session, actor: Actor, dok: str, ver: str) -> tuple[tuple[str, str], ...]:
    """The key facts of a printout named by its typed codes (none for an unknown code)."""
    row = _tercetak(session, dok, ver)
    return tuple(fakta_pokok(row.jenis, json.loads(row.data))) if row is not None else ()


def _tercetak(session: Session, dok: str, ver: str) -> DokumenCetak | None:
    return session.scalar(
        select(DokumenCetak).where(
            DokumenCetak.kode_dokumen == dok.strip().upper(),
            DokumenCetak.kode_verifikasi == ver.strip().upper(),
        )
    )


# --- the text as it was printed --------------------------------------------------------------


def _render_evaluasi(session: Session, row: DokumenCetak, data: dict[str, Any]) -> bytes:
    buf = io.BytesIO()
    c = evaluasi.CetakanSiap(row.jenis, data, row.kode_dokumen, row.kode_verifikasi)
    tulis_cetakan(buf, c)
    return buf.getvalue()


def _render_skp(session: Session, row: DokumenCetak, data: dict[str, Any]) -> bytes:
    from kinerja_desktop.reports.skp import render_skp

    return render_skp(skp_cetak.skp_cetak_dari_data(data, row.kode_dokumen, row.kode_verifikasi))


def _render_rekap(session: Session, row: DokumenCetak, data: dict[str, Any]) -> bytes:
    from kinerja_desktop.reports.rekap import cetak_rekap

    buf = io.BytesIO()
    tanggal = waktu_kantor(session, row.dicetak_pada).date()
    cetak_rekap(buf, data, row.kode_dokumen, row.kode_verifikasi, tanggal=tanggal)
    return buf.getvalue()


Render = Callable[[Session, DokumenCetak, dict[str, Any]], bytes]
_RENDER: dict[str, Render] = {
    evaluasi.JENIS_CETAK_EVALUASI: _render_evaluasi,
    evaluasi.JENIS_CETAK_DOKUMEN: _render_evaluasi,
    skp_cetak.JENIS_DOKUMEN: _render_skp,
    laporan.JENIS_CETAK_REKAP: _render_rekap,
}


def _baris(teks: str, jenis: str) -> list[str]:
    lines = [teks_sebanding(b) for b in teks.splitlines()]
    if jenis == laporan.JENIS_CETAK_REKAP:
        lines = [_TANGGAL.sub("(tanggal cetak)", b) for b in lines]
    return [b for b in lines if b]


def _bandingkan(
    session: Session, row: DokumenCetak, data: dict[str, Any], halaman: list[HalamanPdf]
) -> list[str]:
    """Readable lines where the PDF's text differs from the printout rendered again."""
    render = _RENDER.get(row.jenis)
    if render is None:
        return [f"Jenis dokumen {row.jenis} tidak dapat dibandingkan teksnya."]
    asli = baca_halaman_pdf(render(session, row, data))
    if len(asli) != len(halaman):
        jumlah = f"Jumlah halaman {len(halaman)}, seharusnya {len(asli)}"
        return [f"{jumlah} untuk dokumen {row.kode_dokumen}"]
    selisih: list[str] = []
    for a, h in zip(asli, halaman, strict=True):
        selisih += _selisih_halaman(h.nomor, _baris(a.teks, row.jenis), _baris(h.teks, row.jenis))
    return selisih


def _selisih_halaman(nomor: int, seharusnya: list[str], di_pdf: list[str]) -> list[str]:
    out = []
    matcher = difflib.SequenceMatcher(a=seharusnya, b=di_pdf, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        harus = " / ".join(seharusnya[a1:a2]) or "—"
        ada = " / ".join(di_pdf[b1:b2]) or "—"
        out.append(f"Halaman {nomor}: di PDF «{_ringkas(ada)}», seharusnya «{_ringkas(harus)}»")
    return out


def _ringkas(teks: str) -> str:
    return teks if len(teks) <= 120 else teks[:117] + "…"


# --- key facts for the person holding the paper ----------------------------------------------


def _label(enum: Any, nilai: Any) -> str:
    try:
        return str(enum(nilai).label_cetak)
    except ValueError:
        return str(nilai or "—")


def _periode(nilai: Any) -> str:
    if isinstance(nilai, dict):
        nama = f"{nilai.get('nama', '')} {nilai.get('tahun', '')}".strip()
        return f"{nama} ({nilai['rentang']})" if nilai.get("rentang") else nama
    return str(nilai or "—")


def _orang(label: str, orang: Any) -> list[tuple[str, str]]:
    if not isinstance(orang, dict):
        return []
    return [
        (label, str(orang.get("nama") or "—")),
        (f"NIP {label.lower()}", format_nip(orang.get("nip")) or "—"),
    ]


def fakta_pokok(jenis: str, data: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, value) pairs of what the paper must show, as it was printed."""
    fakta: list[tuple[str, str]] = []
    if jenis == laporan.JENIS_CETAK_REKAP:
        fakta.append(("Unit kerja", str(data.get("unit") or "—")))
        fakta.append(("Periode", _periode(data.get("periode"))))
        fakta.append(
            ("Predikat organisasi", _label(PredikatOrganisasi, data.get("predikat_organisasi")))
        )
        fakta.append(("Jumlah pegawai dalam rekap", str(len(data.get("pegawai") or []))))
        return fakta
    fakta += _orang("Pegawai", data.get("pegawai"))
    fakta += _orang("Pejabat penilai", data.get("penilai"))
    fakta.append(("Periode", _periode(data.get("periode"))))
    if "rating_hasil_kerja" in data:
        fakta.append(("Rating hasil kerja", _label(Rating, data.get("rating_hasil_kerja"))))
    if "rating_perilaku" in data:
        fakta.append(("Rating perilaku kerja", _label(Rating, data.get("rating_perilaku"))))
    if "predikat" in data:
        fakta.append(("Predikat kinerja", _label(Predikat, data.get("predikat"))))
    fakta.append(("Status", str(data.get("status") or "—")))
    return fakta
