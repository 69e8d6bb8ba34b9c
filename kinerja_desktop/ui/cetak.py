"""Shared print preview for every printed document.

Usage (any view)::

    from kinerja_desktop.ui.cetak import PratinjauCetak, simpan_pdf

    pdf = ctx.run(cetak_skp, skp_id)                 # bytes from a report
    PratinjauCetak(pdf, "SKP_2025_1990....pdf", self, judul="SKP").exec()
    # or lazily: PratinjauCetak(lambda: ctx.run(...), "nama.pdf", self)
    simpan_pdf(self, pdf, "nama.pdf")                # "Simpan PDF…" without preview

The preview renders the pages with pypdfium2 into a scrollable column with zoom; "Cetak…"
opens the system print dialog and paints each page rendered at the printer's resolution;
"Simpan PDF…" asks for a file name. Nothing else is needed from the caller.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

ZOOM = (50, 75, 100, 125, 150, 200)
_DPI_LAYAR = 96


def _render_halaman(halaman, skala: float) -> QImage:
    import pypdfium2.raw as pdfium_c

    bitmap = halaman.render(scale=skala, force_bitmap_format=pdfium_c.FPDFBitmap_BGRA)
    img = QImage(
        bytes(bitmap.buffer),
        bitmap.width,
        bitmap.height,
        bitmap.stride,
        QImage.Format.Format_ARGB32,
    )
    return img.copy()  # detach from the pdfium buffer


def jumlah_halaman(data: bytes) -> int:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return len(pdf)
    finally:
        pdf.close()


def render_halaman(data: bytes, dpi: float = _DPI_LAYAR) -> list[QImage]:
    """Every page of the PDF as a QImage at ``dpi``."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        return [_render_halaman(pdf[i], dpi / 72.0) for i in range(len(pdf))]
    finally:
        pdf.close()


def simpan_pdf(parent: QWidget | None, data: bytes, nama: str) -> Path | None:
    """Ask where to save ``data`` (suggesting ``nama``) and write it; returns the path or None."""
    from kinerja_desktop.ui.settings import UiSettings

    settings = UiSettings()
    folder = settings.get_str("print/last_folder") or str(Path.home())
    path, _ = QFileDialog.getSaveFileName(
        parent, "Simpan PDF", str(Path(folder) / nama), "Dokumen PDF (*.pdf)"
    )
    if not path:
        return None
    tujuan = Path(path)
    if tujuan.suffix.lower() != ".pdf":
        tujuan = tujuan.with_suffix(".pdf")
    try:
        tujuan.write_bytes(data)
    except OSError as exc:
        from kinerja_desktop.db.database import explain_os_error

        QMessageBox.warning(parent, "Tidak dapat menyimpan", explain_os_error(exc, tujuan))
        return None
    settings.set("print/last_folder", str(tujuan.parent))
    return tujuan


def cetak_ke_printer(printer: QPrinter, data: bytes) -> int:
    """Paint every page, rendered at the printer's resolution, scaled into its page rect.
    Returns the number of pages sent."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    painter = QPainter()
    if not painter.begin(printer):
        pdf.close()
        raise OSError("Printer tidak dapat dibuka.")
    try:
        dpi = min(printer.resolution(), 300)
        for i in range(len(pdf)):
            if i:
                printer.newPage()
            img = _render_halaman(pdf[i], dpi / 72.0)
            area = painter.viewport()
            ukuran = img.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            x = area.x() + (area.width() - ukuran.width()) // 2
            painter.drawImage(QRect(x, area.y(), ukuran.width(), ukuran.height()), img)
        return len(pdf)
    finally:
        painter.end()
        pdf.close()


class PratinjauCetak(QDialog):
    """Print preview of a PDF: pages, zoom, "Cetak…", "Simpan PDF…", "Tutup".

    ``sumber``: the PDF bytes, or a callable returning them (called once, when the dialog is
    built). ``nama_berkas``: suggested file name for "Simpan PDF…".
    """

    def __init__(
        self,
        sumber: bytes | Callable[[], bytes],
        nama_berkas: str,
        parent: QWidget | None = None,
        judul: str = "Pratinjau Cetak",
    ) -> None:
        super().__init__(parent)
        self.data: bytes = sumber() if callable(sumber) else sumber
        self.nama_berkas = nama_berkas
        self.setWindowTitle(f"{judul} — {nama_berkas}")
        self.resize(900, 1000)
        self.setMinimumSize(640, 480)
        self._zoom = 100
        self._gambar_dasar = render_halaman(self.data, _DPI_LAYAR * 1.5)
        self._label_halaman: list[QLabel] = []
        self.path_tersimpan: Path | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        self.info = QLabel(f"{len(self._gambar_dasar)} halaman")
        bar.addWidget(self.info)
        bar.addStretch(1)
        bar.addWidget(QLabel("Perbesaran:"))
        self.zoom = QComboBox()
        for z in ZOOM:
            self.zoom.addItem(f"{z}%", z)
        self.zoom.setCurrentIndex(ZOOM.index(100))
        self.zoom.currentIndexChanged.connect(lambda _i: self.set_zoom(self.zoom.currentData()))
        bar.addWidget(self.zoom)
        self.tombol_cetak = QPushButton("Cetak…")
        self.tombol_cetak.clicked.connect(self.cetak)
        self.tombol_simpan = QPushButton("Simpan PDF…")
        self.tombol_simpan.clicked.connect(self.simpan)
        self.tombol_tutup = QPushButton("Tutup")
        self.tombol_tutup.clicked.connect(self.accept)
        for b in (self.tombol_cetak, self.tombol_simpan, self.tombol_tutup):
            b.setMinimumWidth(110)
            bar.addWidget(b)
        layout.addLayout(bar)

        self.gulir = QScrollArea()  # not ``scroll``: that is QWidget.scroll()
        self.gulir.setWidgetResizable(True)
        self.gulir.setStyleSheet("QScrollArea { background: #7a7f87; }")
        wadah = QWidget()
        wadah.setStyleSheet("background: #7a7f87;")
        kolom = QVBoxLayout(wadah)
        kolom.setSpacing(14)
        kolom.setContentsMargins(16, 16, 16, 16)
        for _img in self._gambar_dasar:
            lbl = QLabel()
            lbl.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._label_halaman.append(lbl)
            kolom.addWidget(lbl, 0, Qt.AlignmentFlag.AlignHCenter)
        kolom.addStretch(1)
        self.gulir.setWidget(wadah)
        layout.addWidget(self.gulir, 1)
        self.set_zoom(100)

    @property
    def jumlah_halaman(self) -> int:
        return len(self._gambar_dasar)

    def set_zoom(self, persen: int) -> None:
        self._zoom = int(persen)
        faktor = self._zoom / 150.0  # base images are rendered at 150 % of screen dpi
        for lbl, img in zip(self._label_halaman, self._gambar_dasar, strict=True):
            w = max(1, int(img.width() * faktor))
            pix = QPixmap.fromImage(img).scaledToWidth(
                w, Qt.TransformationMode.SmoothTransformation
            )
            lbl.setPixmap(pix)
            lbl.setFixedSize(pix.size())
            lbl.setStyleSheet("background: white; border: 1px solid #50545a;")

    def simpan(self) -> Path | None:
        self.path_tersimpan = simpan_pdf(self, self.data, self.nama_berkas)
        return self.path_tersimpan

    def cetak(self) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.nama_berkas)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Cetak")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            cetak_ke_printer(printer, self.data)
        except OSError as exc:
            QMessageBox.warning(self, "Tidak dapat mencetak", str(exc))
            return False
        return True


__all__ = ["PratinjauCetak", "cetak_ke_printer", "jumlah_halaman", "render_halaman", "simpan_pdf"]
