"""A table model that loads its rows in pages from a service; sorting happens in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Kolom:
    judul: str
    urut: str | None = None  # the service's sort key, or None if the column is not sortable
    lebar: int = 120  # suggested initial width in pixels
    rata_kanan: bool = False


class PagedTableModel(QAbstractTableModel):
    """Subclass and implement :meth:`muat_jumlah`, :meth:`muat_halaman`, :meth:`tampil`."""

    PAGE = 200

    def __init__(self, kolom: list[Kolom], parent: Any = None) -> None:
        super().__init__(parent)
        self.kolom = kolom
        self._rows: list[Any] = []
        self._total = 0
        first = next((k.urut for k in kolom if k.urut), None)
        self.urut: str | None = first
        self.turun = False

    # --- to implement ------------------------------------------------------------------------
    def muat_jumlah(self) -> int:
        raise NotImplementedError

    def muat_halaman(self, offset: int, limit: int) -> list[Any]:
        raise NotImplementedError

    def tampil(self, row: Any, kolom: int, role: int) -> Any:
        raise NotImplementedError

    # --- API ---------------------------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    def baris(self, i: int) -> Any:
        return self._rows[i]

    def reload(self) -> None:
        self.beginResetModel()
        try:
            self._total = self.muat_jumlah()
            self._rows = self.muat_halaman(0, self.PAGE) if self._total else []
        finally:
            self.endResetModel()

    def cari_baris(self, pred: Any) -> int:
        """Index of the first loaded row for which ``pred(row)`` is true, or -1."""
        for i, r in enumerate(self._rows):
            if pred(r):
                return i
        return -1

    # --- Qt ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.kolom)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        baru = self.muat_halaman(len(self._rows), self.PAGE)
        if not baru:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(baru) - 1)
        self._rows.extend(baru)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and self.kolom[index.column()].rata_kanan:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.tampil(self._rows[index.row()], index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.kolom[section].judul
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.kolom) or not self.kolom[column].urut:
            return
        urut, turun = self.kolom[column].urut, order == Qt.SortOrder.DescendingOrder
        if (urut, turun) == (self.urut, self.turun) and self._rows:
            return
        self.urut, self.turun = urut, turun
        self.reload()
