"""Small builders shared by the SKP screens: table cells, tables, tab pages, buttons, NIP and
status labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.identitas import Identitas
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.status import StatusSkp

PERAN = Qt.ItemDataRole.UserRole


def sel(
    teks: object, data: object = None, warna: str | None = None, tebal: bool = False
) -> QTableWidgetItem:
    it = QTableWidgetItem("" if teks is None else str(teks))
    if data is not None:
        it.setData(PERAN, data)
    if warna:
        it.setForeground(QBrush(QColor(warna)))
    if tebal:
        f = it.font()
        f.setBold(True)
        it.setFont(f)
    return it


def tabel_baru(kolom: list[str], regang: tuple[int, ...] = ()) -> QTableWidget:
    t = QTableWidget(0, len(kolom))
    t.setHorizontalHeaderLabels(kolom)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    t.setWordWrap(True)
    hh = t.horizontalHeader()
    hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for c in regang:
        hh.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
    return t


def halaman_tab() -> tuple[QWidget, QVBoxLayout]:
    """An empty tab page and its layout."""
    w = QWidget()
    lay = QVBoxLayout(w)
    lay.setContentsMargins(8, 8, 8, 8)
    return w, lay


def buat_tombol(teks: str, slot, tip: str = "") -> QPushButton:
    b = QPushButton(teks)
    b.clicked.connect(slot)
    b.setMinimumWidth(max(84, b.sizeHint().width()))
    if tip:
        b.setToolTip(tip)
    return b


def nip_html(identitas: Identitas | None) -> str:
    return format_nip(identitas.nip if identitas else "").replace(" ", "&nbsp;")


def label_nip(identitas: Identitas | None) -> str:
    return identitas.label_nip if identitas else "NIP"


def label_status_html(status: str | None) -> str:
    if not status:
        return "<span style='color:#888'>Belum ada SKP</span>"
    warna = StatusSkp.warna_dari(status, "#333")
    return (
        f"<span style='color:white; background:{warna}; padding:2px 8px;'>"
        f"&nbsp;{StatusSkp.label_dari(status)}&nbsp;</span>"
    )
