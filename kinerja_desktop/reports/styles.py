"""Page sizes, paragraph styles and the escaping Paragraph factory for printed documents."""

from __future__ import annotations

from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.platypus import Paragraph

HALAMAN_POTRET = A4
HALAMAN_LANSKAP = landscape(A4)

MARGIN_KIRI = 1.8 * cm
MARGIN_KANAN = 1.5 * cm
MARGIN_ATAS = 1.5 * cm
MARGIN_BAWAH = 2.2 * cm  # leaves room for the footer (page number, codes, QR)

LEBAR_POTRET = HALAMAN_POTRET[0] - MARGIN_KIRI - MARGIN_KANAN
LEBAR_LANSKAP = HALAMAN_LANSKAP[0] - MARGIN_KIRI - MARGIN_KANAN

FONT = "Helvetica"
FONT_TEBAL = "Helvetica-Bold"
FONT_MIRING = "Helvetica-Oblique"

UKURAN_ISI = 9
UKURAN_TABEL = 8
UKURAN_JUDUL = 11
UKURAN_FOOTER = 6.5

TEBAL_GARIS = 0.5
WARNA_GARIS = colors.black
WARNA_WATERMARK = colors.Color(0.82, 0.82, 0.82)
RUANG_TANDA_TANGAN = 2 * cm

_SPESIFIKASI: dict[str, dict] = {
    "isi": dict(fontName=FONT, fontSize=UKURAN_ISI, leading=11.5),
    "isi_tebal": dict(fontName=FONT_TEBAL, fontSize=UKURAN_ISI, leading=11.5),
    "isi_tengah": dict(fontName=FONT, fontSize=UKURAN_ISI, leading=11.5, alignment=TA_CENTER),
    "isi_kanan": dict(fontName=FONT, fontSize=UKURAN_ISI, leading=11.5, alignment=TA_RIGHT),
    "isi_rata": dict(fontName=FONT, fontSize=UKURAN_ISI, leading=11.5, alignment=TA_JUSTIFY),
    "judul": dict(
        fontName=FONT_TEBAL, fontSize=UKURAN_JUDUL, leading=14, alignment=TA_CENTER, spaceAfter=6
    ),
    "subjudul": dict(
        fontName=FONT_TEBAL,
        fontSize=UKURAN_ISI,
        leading=12,
        spaceBefore=8,
        spaceAfter=3,
    ),
    "tabel": dict(fontName=FONT, fontSize=UKURAN_TABEL, leading=10),
    "tabel_tebal": dict(fontName=FONT_TEBAL, fontSize=UKURAN_TABEL, leading=10),
    "tabel_tengah": dict(fontName=FONT, fontSize=UKURAN_TABEL, leading=10, alignment=TA_CENTER),
    "tabel_kanan": dict(fontName=FONT, fontSize=UKURAN_TABEL, leading=10, alignment=TA_RIGHT),
    "header": dict(fontName=FONT_TEBAL, fontSize=UKURAN_TABEL, leading=10, alignment=TA_CENTER),
    "nomor_kolom": dict(fontName=FONT, fontSize=7, leading=8.5, alignment=TA_CENTER),
    "ttd": dict(fontName=FONT, fontSize=UKURAN_ISI, leading=12, alignment=TA_CENTER),
    "ttd_nama": dict(fontName=FONT_TEBAL, fontSize=UKURAN_ISI, leading=12, alignment=TA_CENTER),
    "footer": dict(fontName=FONT, fontSize=UKURAN_FOOTER, leading=8, alignment=TA_LEFT),
}

NAMA_GAYA = tuple(_SPESIFIKASI)


@cache
def gaya(nama: str = "isi") -> ParagraphStyle:
    """A cached ParagraphStyle by name: isi, isi_tebal, isi_tengah, isi_kanan, isi_rata, judul,
    subjudul, tabel, tabel_tebal, tabel_tengah, tabel_kanan, header, nomor_kolom, ttd, ttd_nama,
    footer. Do not mutate the returned style; derive with ``ParagraphStyle(name, parent=...)``."""
    try:
        spesifikasi = _SPESIFIKASI[nama]
    except KeyError:
        raise KeyError(f"Gaya paragraf tidak dikenal: {nama!r}; pilihan: {NAMA_GAYA}") from None
    return ParagraphStyle(f"kinerja_{nama}", **spesifikasi)


def esc(teks: object) -> str:
    """Escape user text for Paragraph markup (&, <, >) and keep line breaks."""
    if teks is None:
        return ""
    return escape(str(teks)).replace("\r\n", "\n").replace("\n", "<br/>")


def paragraf(teks: object, gaya_nama: str | ParagraphStyle = "isi") -> Paragraph:
    """Paragraph of plain user text (escaped; newlines become line breaks)."""
    return Paragraph(
        esc(teks), gaya_nama if isinstance(gaya_nama, ParagraphStyle) else gaya(gaya_nama)
    )


def paragraf_markup(markup: str, gaya_nama: str | ParagraphStyle = "isi") -> Paragraph:
    """Paragraph of trusted ReportLab markup (<b>, <strike>, ...). Escape user parts with esc()."""
    return Paragraph(
        markup, gaya_nama if isinstance(gaya_nama, ParagraphStyle) else gaya(gaya_nama)
    )


__all__ = [
    "FONT",
    "FONT_MIRING",
    "FONT_TEBAL",
    "HALAMAN_LANSKAP",
    "HALAMAN_POTRET",
    "LEBAR_LANSKAP",
    "LEBAR_POTRET",
    "MARGIN_ATAS",
    "MARGIN_BAWAH",
    "MARGIN_KANAN",
    "MARGIN_KIRI",
    "NAMA_GAYA",
    "RUANG_TANDA_TANGAN",
    "TEBAL_GARIS",
    "UKURAN_FOOTER",
    "UKURAN_ISI",
    "UKURAN_JUDUL",
    "UKURAN_TABEL",
    "WARNA_GARIS",
    "WARNA_WATERMARK",
    "cm",
    "esc",
    "gaya",
    "mm",
    "paragraf",
    "paragraf_markup",
]
