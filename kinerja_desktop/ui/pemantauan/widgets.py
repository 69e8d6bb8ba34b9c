"""Small shared widgets of the monitoring screens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

PERAN = Qt.ItemDataRole.UserRole

# filling state -> (background, text colour)
WARNA_STATUS = {
    "TANPA_SKP": ("#eeeeee", "#555555"),
    "BELUM_MULAI": ("#fde2e1", "#8a1c1c"),
    "BELUM": ("#fde2e1", "#8a1c1c"),
    "DRAF": ("#fff4cc", "#7a5a00"),
    "DIAJUKAN": ("#dcebfb", "#174a7c"),
    "DINILAI": ("#dff3e3", "#1d5e2c"),
}


def item(
    teks: object,
    data: object = None,
    *,
    tebal: bool = False,
    warna: str | None = None,
    latar: str | None = None,
    rata: Qt.AlignmentFlag | None = None,
    tip: str | None = None,
) -> QTableWidgetItem:
    it = QTableWidgetItem("" if teks is None else str(teks))
    it.setFlags(it.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        it.setData(PERAN, data)
    if tebal:
        f = QFont(it.font())
        f.setBold(True)
        it.setFont(f)
    if warna:
        it.setForeground(QBrush(QColor(warna)))
    if latar:
        it.setBackground(QBrush(QColor(latar)))
    if rata is not None:
        it.setTextAlignment(rata | Qt.AlignmentFlag.AlignVCenter)
    if tip:
        it.setToolTip(tip)
    return it


def tabel(kolom: list[str], regang: tuple[int, ...] = ()) -> QTableWidget:
    t = QTableWidget(0, len(kolom))
    t.setHorizontalHeaderLabels(kolom)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.setAlternatingRowColors(True)
    t.setWordWrap(True)
    hh = t.horizontalHeader()
    hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    hh.setStretchLastSection(False)
    for c in regang:
        hh.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
    return t


def tombol(teks: str, slot: Callable[[], object], tip: str = "") -> QPushButton:
    b = QPushButton(teks)
    b.clicked.connect(lambda _=False: slot())
    b.setMinimumWidth(96)
    if tip:
        b.setToolTip(tip)
    return b


def persen(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:.1f}%".replace(".", ",")
