"""The document frame: page size, footer on every page, QR code, DRAF watermark, metadata."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from os import PathLike
from typing import IO, Any

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import cm, mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Flowable, SimpleDocTemplate

from kinerja_desktop.reports.styles import (
    FONT,
    FONT_TEBAL,
    HALAMAN_LANSKAP,
    HALAMAN_POTRET,
    MARGIN_ATAS,
    MARGIN_BAWAH,
    MARGIN_KANAN,
    MARGIN_KIRI,
    UKURAN_FOOTER,
    WARNA_WATERMARK,
)
from kinerja_desktop.reports.verifikasi import teks_footer, teks_qr

PENULIS = "Kinerja Desktop"
UKURAN_QR = 1.5 * cm
_NAMA_FORM_QR = "kinerjaKodeQR"
_WARNA_FOOTER = colors.Color(0.25, 0.25, 0.25)
_WARNA_GARIS_FOOTER = colors.Color(0.6, 0.6, 0.6)


@dataclass(frozen=True)
class _InfoFooter:
    judul_dokumen: str
    baris_kode: str
    isi_qr: str
    draf: bool
    ukuran_halaman: tuple[float, float]


def gambar_qr(isi: str, ukuran: float = UKURAN_QR) -> Drawing:
    """A square QR code Drawing (ReportLab's built-in encoder, no extra dependency)."""
    widget = QrCodeWidget(isi, barLevel="M", barBorder=1)
    x0, y0, x1, y1 = widget.getBounds()
    w, h = x1 - x0, y1 - y0
    d = Drawing(ukuran, ukuran, transform=[ukuran / w, 0, 0, ukuran / h, 0, 0])
    d.add(widget)
    return d


def _gambar_qr_langsung(kanvas: rl_canvas.Canvas, isi: str, ukuran: float = UKURAN_QR) -> None:
    """The same QR code as :func:`gambar_qr`, drawn straight onto the canvas as one path: one
    encoding instead of two and no shape per module run (printing many documents is ~1.5×
    faster)."""
    from itertools import groupby

    from reportlab.graphics.barcode import qrencoder

    kode = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    kode.addData(isi)
    kode.make()
    batas = 1
    kotak = ukuran / (kode.getModuleCount() + 2 * batas)
    jalur = kanvas.beginPath()
    for r, baris in enumerate(kode.modules):
        c = 0
        for gelap, grup in groupby(bool(m) for m in baris):
            n = sum(1 for _ in grup)
            if gelap:
                jalur.rect((c + batas) * kotak, ukuran - (r + batas + 1) * kotak, n * kotak, kotak)
            c += n
    kanvas.setFillColor(colors.black)
    kanvas.drawPath(jalur, stroke=0, fill=1)


def _gambar_footer(kanvas: rl_canvas.Canvas, nomor: int, total: int, info: _InfoFooter) -> None:
    lebar_hal, _ = info.ukuran_halaman
    kanan = lebar_hal - MARGIN_KANAN
    y_qr = 0.5 * cm
    kanvas.saveState()
    kanvas.setStrokeColor(_WARNA_GARIS_FOOTER)
    kanvas.setLineWidth(0.3)
    kanvas.line(MARGIN_KIRI, y_qr + UKURAN_QR + 2 * mm, kanan, y_qr + UKURAN_QR + 2 * mm)
    kanvas.setFillColor(_WARNA_FOOTER)
    y1 = y_qr + UKURAN_QR - 3 * mm
    kanvas.setFont(FONT, UKURAN_FOOTER)
    kanvas.drawString(MARGIN_KIRI, y1, info.baris_kode)
    baris2 = info.judul_dokumen
    if info.draf:
        baris2 = f"{baris2} · DRAF (belum ditetapkan, tidak untuk ditandatangani)"
    kanvas.drawString(MARGIN_KIRI, y1 - 9, baris2)
    kanvas.setFont(FONT_TEBAL, UKURAN_FOOTER + 0.5)
    kanvas.drawRightString(kanan - UKURAN_QR - 3 * mm, y1, f"Halaman {nomor} dari {total}")
    kanvas.translate(kanan - UKURAN_QR, y_qr)
    kanvas.doForm(_NAMA_FORM_QR)
    kanvas.restoreState()


def _kelas_kanvas(info: _InfoFooter, qr: Drawing | None, hasil: dict[str, int]) -> type:
    """NumberedCanvas: keep each page's state, draw the footers with the total on save()."""

    class _KanvasBernomor(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._halaman_tertunda: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._halaman_tertunda.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._halaman_tertunda)
            hasil["halaman"] = total
            # the QR is one Form XObject per document, referenced by every page
            self.beginForm(_NAMA_FORM_QR, 0, 0, UKURAN_QR, UKURAN_QR)
            if qr is not None:
                renderPDF.draw(qr, self, 0, 0)
            else:
                _gambar_qr_langsung(self, info.isi_qr)
            self.endForm()
            for status in self._halaman_tertunda:
                self.__dict__.update(status)
                _gambar_footer(self, self._pageNumber, total, info)
                super().showPage()
            super().save()

    return _KanvasBernomor


def _gambar_watermark(kanvas: rl_canvas.Canvas, ukuran: tuple[float, float]) -> None:
    lebar, tinggi = ukuran
    kanvas.saveState()
    kanvas.setFillColor(WARNA_WATERMARK)
    kanvas.setFont(FONT_TEBAL, 150 if lebar < tinggi else 170)
    kanvas.translate(lebar / 2, tinggi / 2)
    kanvas.rotate(45 if lebar < tinggi else 30)
    kanvas.drawCentredString(0, -50, "DRAF")
    kanvas.restoreState()


def buat_dokumen(
    path_or_buffer: str | PathLike[str] | IO[bytes],
    story: Sequence[Flowable],
    *,
    judul_dokumen: str,
    kode_dokumen: str,
    kode_verifikasi: str,
    draf: bool,
    landscape: bool = False,
    penulis: str = PENULIS,
    subjek: str | None = None,
    invariant: bool = False,
) -> int:
    """Build the PDF (A4, portrait or landscape) and return its page count.

    Every page gets a small footer: "Dokumen: <kode_dokumen> · Kode verifikasi: <kode>",
    the document title, "Halaman n dari N" (two passes over the canvas: NumberedCanvas) and a QR
    code of "KINERJA:<kode_dokumen>:<kode_verifikasi>". ``draf=True`` draws a large light-grey
    diagonal "DRAF" under the content of every page and marks the footer. ``invariant=True``
    makes the output byte-for-byte reproducible (no timestamps/ids), handy in tests.
    """
    ukuran = HALAMAN_LANSKAP if landscape else HALAMAN_POTRET
    info = _InfoFooter(
        judul_dokumen=judul_dokumen,
        baris_kode=teks_footer(kode_dokumen, kode_verifikasi),
        isi_qr=teks_qr(kode_dokumen, kode_verifikasi),
        draf=draf,
        ukuran_halaman=ukuran,
    )
    hasil: dict[str, int] = {}
    doc = SimpleDocTemplate(
        path_or_buffer,
        pagesize=ukuran,
        leftMargin=MARGIN_KIRI,
        rightMargin=MARGIN_KANAN,
        topMargin=MARGIN_ATAS,
        bottomMargin=MARGIN_BAWAH,
        title=judul_dokumen,
        author=penulis,
        creator=PENULIS,
        subject=subjek or f"{kode_dokumen} · Kode verifikasi: {kode_verifikasi}",
        keywords=[kode_dokumen, kode_verifikasi],
        invariant=int(invariant),
    )

    def _di_halaman(kanvas: rl_canvas.Canvas, _doc: Any) -> None:
        if draf:
            _gambar_watermark(kanvas, ukuran)

    doc.build(
        list(story),
        onFirstPage=_di_halaman,
        onLaterPages=_di_halaman,
        canvasmaker=_kelas_kanvas(info, None, hasil),
    )
    return hasil.get("halaman", 0)


__all__ = ["PENULIS", "UKURAN_QR", "buat_dokumen", "gambar_qr"]
