"""Charts drawn with QPainter (QtCharts is deprecated and not in PySide6-Essentials): the
distribution of predikat against the SE 3/2023 reference curve, and filling progress per unit."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kinerja_desktop.domain.distribusi import URUTAN_KURVA

WARNA_BATANG = QColor("#3d5a8a")
WARNA_KURVA = QColor("#d97706")


class GrafikDistribusi(QWidget):
    """Bars: the unit's pegawai per predikat; line: the reference curve of the organisation's
    predikat scaled to the same total."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(420, 230)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.jumlah: list[int] = [0] * 5
        self.referensi: list[float] | None = None

    def set_data(self, jumlah: list[int], referensi: list[float] | None) -> None:
        self.jumlah, self.referensi = jumlah, referensi
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("white"))
        kiri, kanan, atas, bawah = 40, 12, 44, 44
        w = self.width() - kiri - kanan
        h = self.height() - atas - bawah
        total = sum(self.jumlah)
        ref = [r * total for r in self.referensi] if self.referensi and total else None
        puncak = max([*self.jumlah, *(ref or []), 1]) * 1.05
        p.setPen(QPen(QColor("#9ca3af"), 1))
        p.drawLine(kiri, atas + h, kiri + w, atas + h)
        p.drawLine(kiri, atas, kiri, atas + h)
        f = QFont(self.font())
        f.setPointSize(max(f.pointSize() - 1, 7))
        p.setFont(f)
        langkah = w / 5
        titik = []
        for i, n in enumerate(self.jumlah):
            x0 = kiri + i * langkah
            tinggi = h * n / puncak
            batang = QRectF(x0 + langkah * 0.22, atas + h - tinggi, langkah * 0.56, tinggi)
            p.fillRect(batang, WARNA_BATANG)
            p.setPen(QColor("#111827"))
            p.drawText(
                QRectF(x0, atas + h - tinggi - 18, langkah, 16),
                Qt.AlignmentFlag.AlignCenter,
                str(n),
            )
            p.drawText(
                QRectF(x0, atas + h + 4, langkah, bawah - 4),
                Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                URUTAN_KURVA[i].label,
            )
            if ref:
                titik.append(QPointF(x0 + langkah / 2, atas + h - h * ref[i] / puncak))
        if titik:
            jalur = QPainterPath(titik[0])
            for a, b in itertools.pairwise(titik):
                tengah = (a.x() + b.x()) / 2
                jalur.cubicTo(QPointF(tengah, a.y()), QPointF(tengah, b.y()), b)
            p.setPen(QPen(WARNA_KURVA, 2, Qt.PenStyle.DashLine))
            p.drawPath(jalur)
        p.setPen(QColor("#374151"))
        p.drawText(
            QRectF(kiri, 2, w, 20),
            Qt.AlignmentFlag.AlignLeft,
            "■ jumlah pegawai" + ("   - - kurva acuan predikat organisasi" if ref else ""),
        )
        p.end()


WARNA_SUDAH = QColor("#15803d")
WARNA_SISA = QColor("#e5e7eb")


class GrafikPengisian(QWidget):
    """One bar per unit: the share of pegawai who submitted the period's realisasi."""

    TINGGI_BARIS = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.baris: list[tuple[str, int, int]] = []
        self.set_data([])

    def set_data(self, baris: Sequence[tuple[str, int, int]]) -> None:
        """(unit, sudah, total) per unit."""
        self.baris = list(baris)
        self.setFixedHeight(max(1, len(self.baris)) * self.TINGGI_BARIS + 8)
        self.setToolTip(
            "\n".join(f"{u}: {s} dari {t} pegawai sudah mengajukan" for u, s, t in self.baris)
        )
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        lebar_label = min(int(self.width() * 0.45), 260)
        lebar_angka = fm.horizontalAdvance("000 / 000") + 10
        w = max(20, self.width() - lebar_label - lebar_angka - 8)
        for i, (unit, sudah, total) in enumerate(self.baris):
            y = 4 + i * self.TINGGI_BARIS
            kotak = QRectF(0, y, lebar_label - 6, self.TINGGI_BARIS)
            p.setPen(QColor("#111827"))
            teks = fm.elidedText(unit, Qt.TextElideMode.ElideRight, int(kotak.width()))
            p.drawText(kotak, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, teks)
            batang = QRectF(lebar_label, y + 4, w, self.TINGGI_BARIS - 8)
            p.fillRect(batang, WARNA_SISA)
            if total:
                p.fillRect(
                    QRectF(batang.x(), batang.y(), w * sudah / total, batang.height()), WARNA_SUDAH
                )
            p.drawText(
                QRectF(lebar_label + w + 6, y, lebar_angka, self.TINGGI_BARIS),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                f"{sudah} / {total}",
            )
        p.end()


__all__ = ["GrafikDistribusi", "GrafikPengisian"]
