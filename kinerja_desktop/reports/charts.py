"""Small charts (reportlab.graphics) that fit in a table cell: the POLA DISTRIBUSI curve and
the recap bar chart. Both return a Drawing, which is a Flowable."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Path, String
from reportlab.lib import colors
from reportlab.lib.units import cm

from kinerja_desktop.reports.styles import FONT, FONT_TEBAL

LABEL_KURVA = (
    "Sangat Kurang",
    "Kurang/Misconduct",
    "Butuh Perbaikan",
    "Baik",
    "Sangat Baik",
)
_UKURAN_LABEL = 6
JUDUL_SUMBU_Y = "Frekuensi Pegawai"
JUDUL_SUMBU_X = "Predikat Kinerja Pegawai"
_ABU = colors.Color(0.85, 0.85, 0.85)
_ABU_TUA = colors.Color(0.35, 0.35, 0.35)


def _pecah_label(teks: str, maks: int = 11) -> list[str]:
    """Break a label into short lines at spaces or after "/"."""
    kata = teks.replace("/", "/ ").split()
    baris: list[str] = []
    for k in kata:
        if baris and len(baris[-1]) + 1 + len(k) <= maks:
            baris[-1] = baris[-1] + ("" if baris[-1].endswith("/") else " ") + k
        else:
            baris.append(k)
    return baris or [""]


def _label_x(d: Drawing, x: float, y_atas: float, teks: str) -> None:
    for i, b in enumerate(_pecah_label(teks)):
        d.add(
            String(
                x,
                y_atas - (i + 1) * (_UKURAN_LABEL + 1),
                b,
                fontName=FONT,
                fontSize=_UKURAN_LABEL,
                textAnchor="middle",
            )
        )


def _judul_y(d: Drawing, x: float, y: float, teks: str) -> None:
    s = String(0, 0, teks, fontName=FONT, fontSize=_UKURAN_LABEL, textAnchor="middle")
    g = Group(s, transform=[0, 1, -1, 0, x, y])
    d.add(g)


def gambar_kurva(
    frekuensi: Sequence[float],
    label_x: Sequence[str] = LABEL_KURVA,
    lebar: float = 8 * cm,
    tinggi: float = 3.6 * cm,
    judul_y: str = JUDUL_SUMBU_Y,
    judul_x: str = JUDUL_SUMBU_X,
    judul: str = "",
) -> Drawing:
    """A smooth curve through the relative frequencies (the organisation's POLA DISTRIBUSI).

    Only the shape matters, so the y axis has no numbers. ``frekuensi`` and ``label_x`` must
    have the same length (usually the five predikat, :data:`LABEL_KURVA`). ``judul`` is the
    caption above the curve, as the Lampiran prints it ("KURVA DISTRIBUSI PREDIKAT …").
    """
    if len(frekuensi) != len(label_x):
        raise ValueError("frekuensi dan label_x harus sama panjang")
    baris_judul = _pecah_label(judul, int(lebar / (_UKURAN_LABEL * 0.55))) if judul else []
    tinggi += len(baris_judul) * (_UKURAN_LABEL + 1)
    d = Drawing(lebar, tinggi)
    n = len(frekuensi)
    baris_label = max((len(_pecah_label(t)) for t in label_x), default=1)
    kiri = 12.0
    bawah = (baris_label + (1 if judul_x else 0)) * (_UKURAN_LABEL + 1) + 4
    atas, kanan = 4.0 + len(baris_judul) * (_UKURAN_LABEL + 1), 4.0
    lp, tp = lebar - kiri - kanan, tinggi - bawah - atas
    for i, b in enumerate(baris_judul):
        y = tinggi - (i + 1) * (_UKURAN_LABEL + 1)
        d.add(
            String(
                lebar / 2, y, b, fontName=FONT_TEBAL, fontSize=_UKURAN_LABEL, textAnchor="middle"
            )
        )
    d.add(Line(kiri, bawah, kiri, bawah + tp, strokeColor=colors.black, strokeWidth=0.6))
    d.add(Line(kiri, bawah, kiri + lp, bawah, strokeColor=colors.black, strokeWidth=0.6))
    _judul_y(d, kiri - 4, bawah + tp / 2, judul_y)
    if judul_x:
        d.add(
            String(
                kiri + lp / 2,
                2,
                judul_x,
                fontName=FONT,
                fontSize=_UKURAN_LABEL,
                textAnchor="middle",
            )
        )
    if n == 0:
        return d
    langkah = lp / n
    maks = max(max(frekuensi), 1e-9)
    titik = [
        (kiri + langkah * (i + 0.5), bawah + tp * 0.92 * max(f, 0) / maks)
        for i, f in enumerate(frekuensi)
    ]
    for i, t in enumerate(label_x):
        x = titik[i][0]
        d.add(Line(x, bawah, x, bawah - 2, strokeColor=colors.black, strokeWidth=0.5))
        _label_x(d, x, bawah - 2, t)
    # Catmull-Rom through the points, as cubic Béziers; start and end on the baseline
    pts = [(kiri, bawah), *titik, (kiri + lp, bawah)]
    jalur = Path(strokeColor=colors.black, strokeWidth=1.1, fillColor=_ABU)
    jalur.moveTo(*pts[0])
    for i in range(len(pts) - 1):
        p0 = pts[i - 1] if i > 0 else pts[i]
        p1, p2 = pts[i], pts[i + 1]
        p3 = pts[i + 2] if i + 2 < len(pts) else p2
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, max(bawah, p1[1] + (p2[1] - p0[1]) / 6))
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, max(bawah, p2[1] - (p3[1] - p1[1]) / 6))
        jalur.curveTo(*c1, *c2, *p2)
    jalur.closePath()
    d.add(jalur)
    for x, y in titik:
        d.add(Circle(x, y, 1.3, fillColor=colors.black, strokeColor=None))
    return d


def gambar_batang(
    jumlah: Sequence[int],
    label_x: Sequence[str],
    lebar: float = 12 * cm,
    tinggi: float = 5 * cm,
    judul_y: str = "Jumlah Pegawai",
) -> Drawing:
    """A bar chart of counts (recap: employees per predikat) with the count above each bar."""
    if len(jumlah) != len(label_x):
        raise ValueError("jumlah dan label_x harus sama panjang")
    d = Drawing(lebar, tinggi)
    baris_label = max((len(_pecah_label(t, 14)) for t in label_x), default=1)
    bawah = baris_label * (_UKURAN_LABEL + 1) + 6
    bc = VerticalBarChart()
    bc.x, bc.y = 30, bawah
    bc.width, bc.height = lebar - 36, tinggi - bawah - 12
    bc.data = [[int(v) for v in jumlah]] if jumlah else [[0]]
    bc.strokeColor = None
    bc.bars[0].fillColor = colors.Color(0.55, 0.55, 0.55)
    bc.bars[0].strokeColor = colors.black
    bc.bars[0].strokeWidth = 0.4
    bc.barWidth = 10
    bc.groupSpacing = 12
    puncak = max([int(v) for v in jumlah] or [0])
    langkah = max(1, -(-puncak // 5))
    bc.valueAxis.valueMin = 0
    bc.valueAxis.valueMax = max(langkah * 5, langkah * (-(-puncak // langkah) + 1))
    bc.valueAxis.valueStep = langkah
    bc.valueAxis.labels.fontName = FONT
    bc.valueAxis.labels.fontSize = _UKURAN_LABEL
    bc.valueAxis.strokeWidth = 0.5
    bc.categoryAxis.strokeWidth = 0.5
    bc.categoryAxis.categoryNames = ["\n".join(_pecah_label(t, 14)) for t in label_x] or [""]
    bc.categoryAxis.labels.fontName = FONT
    bc.categoryAxis.labels.fontSize = _UKURAN_LABEL
    bc.categoryAxis.labels.boxAnchor = "n"
    bc.categoryAxis.labels.dy = -2
    bc.barLabelFormat = "%d"
    bc.barLabels.fontName = FONT_TEBAL
    bc.barLabels.fontSize = _UKURAN_LABEL + 1
    bc.barLabels.nudge = 6
    d.add(bc)
    _judul_y(d, 8, bawah + bc.height / 2, judul_y)
    return d


__all__ = ["JUDUL_SUMBU_X", "JUDUL_SUMBU_Y", "LABEL_KURVA", "gambar_batang", "gambar_kurva"]
