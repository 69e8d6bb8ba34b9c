"""Table model over the audit log: pages fetched from the service as the user scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kinerja_desktop.services import audit as svc
from kinerja_desktop.services.context import AppContext

KOLOM = ["No.", "Waktu", "Pengguna", "Aksi", "Jenis Data", "Pegawai", "Perubahan", "Keterangan"]
HALAMAN = 200

Index = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filter = svc.FilterAudit()
        self.rows: list[svc.AuditRow] = []
        self.total = 0

    # --- loading ---------------------------------------------------------------------------
    def muat(self, filter: svc.FilterAudit | None = None) -> None:
        if filter is not None:
            self.filter = filter
        self.beginResetModel()
        self.total = self.ctx.run(svc.hitung_audit, self.filter)
        self.rows = self.ctx.run(svc.cari_audit, self.filter, 0, HALAMAN)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self.ctx.run(svc.cari_audit, self.filter, len(self.rows), HALAMAN)
        if not page:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
        self.rows.extend(page)
        self.endInsertRows()

    # --- model -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(KOLOM)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return KOLOM[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                str(r.id),
                f"{r.waktu_kantor:%d-%m-%Y %H:%M:%S}",
                r.nama_pengguna,
                r.aksi_label,
                r.entitas_label,
                r.pegawai_nama or "",
                r.ringkasan(),
                r.keterangan or "",
            ][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 6:
            return "\n".join(f"{k}: {a} → {b}" for k, a, b in r.baris_rinci())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_at(self, row: int) -> svc.AuditRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None
