"""A tidy multi-column form with an error line under each field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QGridLayout, QLabel, QWidget

GAYA_GALAT = "color: #b00020; font-size: 9pt;"
GAYA_FIELD_GALAT = "border: 1px solid #b00020;"


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def judul_halaman(teks: str) -> QLabel:
    """The big bold title at the top of a view."""
    judul = QLabel(teks)
    f = judul.font()
    f.setPointSize(f.pointSize() + 5)
    f.setBold(True)
    judul.setFont(f)
    return judul


def label_keterangan(teks: str = "") -> QLabel:
    """A grey hint line (explains a table or section; not an error)."""
    ket = QLabel(teks)
    ket.setStyleSheet("color: #555;")
    return ket


def tanggal_edit(nilai: date | None = None, parent: QWidget | None = None) -> QDateEdit:
    w = QDateEdit(parent)
    w.setCalendarPopup(True)
    w.setDisplayFormat("dd-MM-yyyy")
    w.setMinimumDate(QDate(1900, 1, 1))
    w.setDate(qdate(nilai or date.today()))
    w.setMinimumWidth(130)
    return w


class FormGrid(QWidget):
    """Fields in columns: label on the left, widget on the right, error text under the widget."""

    def __init__(self, kolom: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(2)
        self._next_row = [0] * kolom
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}
        for c in range(kolom):
            self._grid.setColumnStretch(c * 3 + 1, 1)
            if c:
                self._grid.setColumnMinimumWidth(c * 3 - 1, 18)  # gap between columns

    def add(self, key: str, label: str, widget: QWidget, kolom: int = 0) -> QWidget:
        r = self._next_row[kolom]
        c = kolom * 3
        lbl = QLabel(label)
        lbl.setBuddy(widget)
        lbl.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        err = QLabel()
        err.setStyleSheet(GAYA_GALAT)
        err.setWordWrap(True)
        err.setVisible(False)
        err.setObjectName(f"galat_{key}")
        self._grid.addWidget(lbl, r, c)
        self._grid.addWidget(widget, r, c + 1)
        self._grid.addWidget(err, r + 1, c + 1)
        self._grid.setRowMinimumHeight(r + 1, 6)
        self._next_row[kolom] = r + 2
        self.widgets[key], self.labels[key], self.errors[key] = widget, lbl, err
        return widget

    def set_error(self, key: str, text: str) -> None:
        if key not in self.errors:
            return
        err = self.errors[key]
        err.setText(text)
        err.setVisible(bool(text))
        w = self.widgets[key]
        w.setProperty("galat", bool(text))
        w.setStyleSheet(GAYA_FIELD_GALAT if text else "")

    def error(self, key: str) -> str:
        e = self.errors.get(key)
        return e.text() if e is not None and e.isVisibleTo(self) else ""

    def clear_errors(self) -> None:
        for key in self.errors:
            self.set_error(key, "")

    def first_error_widget(self) -> QWidget | None:
        for key, err in self.errors.items():
            if err.text():
                return self.widgets[key]
        return None
