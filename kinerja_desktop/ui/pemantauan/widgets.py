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

from kinerja_desktop.domain.angka import format_persen
from kinerja_desktop.domain.status import StatusRealisasi

PERAN = Qt.ItemDataRole.UserRole


def warna_status(
    status: str, bawaan: tuple[str | None, str | None] = (None, None)
) -> tuple[str | None, str | None]:
    """(background, text colour) of a filling state, as the domain defines them."""
    keadaan = StatusRealisasi.dari(status)
    return (keadaan.latar, keadaan.warna) if keadaan is not None else bawaan


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
    return format_persen(x)
