"""Unit kerja tree: pick a unit to filter the roster; add, rename, move, (de)activate units."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QDropEvent, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.services import organisasi as org
from kinerja_desktop.services import pegawai as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.rows import UnitRow
from kinerja_desktop.ui.aksi import GAGAL, jalankan

ID_ROLE = Qt.ItemDataRole.UserRole
SEMUA = -1  # the "Semua unit" item


class _Pohon(QTreeWidget):
    """The tree itself; a drop moves the dragged unit under the unit dropped on."""

    dipindah = Signal(int, object)  # unit id, new induk id (None = top level)

    def dropEvent(self, event: QDropEvent) -> None:
        item = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        event.ignore()  # the tree is rebuilt from the database; Qt must not move items itself
        if item is None:
            return
        uid = item.data(0, ID_ROLE)
        induk = target.data(0, ID_ROLE) if target is not None else None
        if uid in (None, SEMUA) or induk == uid:
            return
        self.dipindah.emit(uid, None if induk in (None, SEMUA) else induk)


class PilihUnitDialog(QDialog):
    """Pick a unit from a tree (for "Pindahkan ke…"); the top level is a choice too."""

    def __init__(
        self, units: list[UnitRow], kecuali: int | None, judul: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(judul)
        self.setMinimumSize(420, 460)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel("Pilih unit induk yang baru:"))
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        lay.addWidget(self.tree, 1)
        puncak = QTreeWidgetItem(["(Tingkat teratas — tanpa unit induk)"])
        puncak.setData(0, ID_ROLE, None)
        self.tree.addTopLevelItem(puncak)
        _isi_pohon(self.tree, [u for u in units if u.aktif], None, kecuali)
        self.tree.expandAll()
        self.tree.setCurrentItem(puncak)
        tombol = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        tombol.button(QDialogButtonBox.StandardButton.Ok).setText("Pindahkan")
        tombol.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
        tombol.accepted.connect(self.accept)
        tombol.rejected.connect(self.reject)
        lay.addWidget(tombol)

    def pilihan(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None


def _isi_pohon(
    tree: QTreeWidget,
    units: list[UnitRow],
    jumlah: dict[int, int] | None,
    kecuali: int | None = None,
) -> dict[int, QTreeWidgetItem]:
    anak: dict[int | None, list[UnitRow]] = {}
    ada = {u.id for u in units}
    for u in units:
        induk = u.induk_id if u.induk_id in ada else None
        anak.setdefault(induk, []).append(u)
    items: dict[int, QTreeWidgetItem] = {}
    abu = QColor("#8a8a8a")

    def tambah(parent: QTreeWidgetItem | None, induk: int | None) -> None:
        for u in anak.get(induk, []):
            if u.id == kecuali:
                continue
            teks = u.nama
            n = (jumlah or {}).get(u.id, 0)
            if jumlah is not None and n:
                teks = f"{u.nama}  ({n})"
            if not u.aktif:
                teks += "  [nonaktif]"
            item = QTreeWidgetItem([teks])
            item.setData(0, ID_ROLE, u.id)
            item.setToolTip(0, u.nama)
            if not u.aktif:
                item.setForeground(0, abu)
                f = QFont(item.font(0))
                f.setItalic(True)
                item.setFont(0, f)
            if parent is None:
                tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[u.id] = item
            tambah(item, u.id)

    tambah(None, None)
    return items


class UnitTree(QWidget):
    unit_dipilih = Signal(object)  # unit id or None (all units)
    unit_berubah = Signal()  # units were added/renamed/moved: the roster may show new names

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.units: list[UnitRow] = []
        self._items: dict[int, QTreeWidgetItem] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)

        head = QHBoxLayout()
        judul = QLabel("<b>Unit Kerja</b>")
        head.addWidget(judul)
        head.addStretch(1)
        self.tombol_kelola = QPushButton("Kelola unit")
        self.menu = QMenu(self)
        self.act_tambah = self._act("Tambah unit…", self.tambah_unit)
        self.act_sub = self._act("Tambah sub-unit…", lambda: self.tambah_unit(sub=True))
        self.act_ubah = self._act("Ubah nama…", self.ubah_nama)
        self.act_pindah = self._act("Pindahkan ke…", self.pindahkan)
        self.menu.addSeparator()
        self.act_aktif = self._act("Nonaktifkan unit", self.ubah_aktif)
        self.tombol_kelola.setMenu(self.menu)
        self.tombol_kelola.setVisible(ctx.actor.is_admin)
        head.addWidget(self.tombol_kelola)
        lay.addLayout(head)

        self.tree = _Pohon()
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumWidth(240)
        self.tree.setUniformRowHeights(True)
        # long unit names scroll sideways instead of being cut off
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.tree.currentItemChanged.connect(self._pilih)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(
            lambda pos: (
                self.menu.exec(self.tree.viewport().mapToGlobal(pos))
                if self.ctx.actor.is_admin
                else None
            )
        )
        if ctx.actor.is_admin:
            self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
            self.tree.dipindah.connect(self._pindah_ke)
        lay.addWidget(self.tree, 1)

        self.cek_nonaktif = QCheckBox("Tampilkan unit nonaktif")
        self.cek_nonaktif.toggled.connect(lambda _v: self.refresh())
        lay.addWidget(self.cek_nonaktif)
        self.refresh()

    def _act(self, teks: str, slot) -> QAction:
        a = QAction(teks, self)
        a.triggered.connect(slot)
        self.menu.addAction(a)
        return a

    # --- data ------------------------------------------------------------------------------
    def refresh(self, pilih: int | object | None = ...) -> None:
        lama = self.unit_id() if pilih is ... else pilih
        self.units = self.ctx.run(org.daftar_unit, True)
        jumlah = self.ctx.run(svc.jumlah_per_unit)
        tampil = self.units if self.cek_nonaktif.isChecked() else [u for u in self.units if u.aktif]
        self.tree.blockSignals(True)
        self.tree.clear()
        semua = QTreeWidgetItem([f"Semua unit  ({sum(jumlah.values())})"])
        semua.setData(0, ID_ROLE, SEMUA)
        f = QFont(semua.font(0))
        f.setBold(True)
        semua.setFont(0, f)
        self.tree.addTopLevelItem(semua)
        self._items = _isi_pohon(self.tree, tampil, jumlah)
        if len(self._items) <= 60:
            self.tree.expandAll()
        else:
            self.tree.expandToDepth(1)
        target = self._items.get(lama) if isinstance(lama, int) else None
        self.tree.setCurrentItem(target or semua)
        self.tree.blockSignals(False)
        self._update_actions()

    def unit_id(self) -> int | None:
        item = self.tree.currentItem()
        uid = item.data(0, ID_ROLE) if item is not None else None
        return None if uid in (None, SEMUA) else uid

    def pilih_unit(self, unit_id: int | None) -> None:
        item = self._items.get(unit_id) if unit_id is not None else self.tree.topLevelItem(0)
        if item is not None:
            self.tree.setCurrentItem(item)

    def item_unit(self, unit_id: int) -> QTreeWidgetItem | None:
        return self._items.get(unit_id)

    def semua_item(self) -> list[QTreeWidgetItem]:
        out = []
        it = QTreeWidgetItemIterator(self.tree)
        while it.value():
            out.append(it.value())
            it += 1
        return out

    def _unit(self, uid: int | None) -> UnitRow | None:
        return next((u for u in self.units if u.id == uid), None)

    def _pilih(self, *_a: object) -> None:
        self._update_actions()
        self.unit_dipilih.emit(self.unit_id())

    def _update_actions(self) -> None:
        u = self._unit(self.unit_id())
        for a in (self.act_sub, self.act_ubah, self.act_pindah, self.act_aktif):
            a.setEnabled(u is not None)
        self.act_aktif.setText(
            "Aktifkan unit" if u is not None and not u.aktif else "Nonaktifkan unit"
        )

    # --- actions ---------------------------------------------------------------------------
    def tambah_unit(self, sub: bool = False) -> None:
        induk = self.unit_id() if sub else None
        judul = "Tambah sub-unit" if sub else "Tambah unit kerja"
        label = "Nama unit kerja:"
        if sub and induk is not None:
            label = f"Nama sub-unit di bawah {self._unit(induk).nama}:"  # type: ignore[union-attr]
        nama, ok = QInputDialog.getText(self, judul, label)
        if not ok or not nama.strip():
            return
        row = jalankan(self, self.ctx, org.tambah_unit, nama, induk, keterangan="Tambah unit kerja")
        if row is GAGAL:
            return
        self.refresh(row.id)
        self.unit_berubah.emit()

    def ubah_nama(self) -> None:
        u = self._unit(self.unit_id())
        if u is None:
            return
        nama, ok = QInputDialog.getText(self, "Ubah nama unit", "Nama unit kerja:", text=u.nama)
        if not ok or nama.strip() == u.nama:
            return
        if jalankan(self, self.ctx, org.ubah_nama_unit, u.id, nama) is GAGAL:
            return
        self.refresh(u.id)
        self.unit_berubah.emit()

    def pindahkan(self) -> None:
        u = self._unit(self.unit_id())
        if u is None:
            return
        dlg = PilihUnitDialog(self.units, u.id, f"Pindahkan {u.nama} ke…", self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        self._pindah_ke(u.id, dlg.pilihan())

    def _pindah_ke(self, unit_id: int, induk_id: int | None) -> None:
        dipindah = jalankan(
            self, self.ctx, org.pindah_unit, unit_id, induk_id, judul="Unit tidak dapat dipindahkan"
        )
        if dipindah is GAGAL:
            return
        self.refresh(unit_id)
        self.unit_berubah.emit()

    def ubah_aktif(self) -> None:
        u = self._unit(self.unit_id())
        if u is None:
            return
        fn = org.aktifkan_unit if not u.aktif else org.nonaktifkan_unit
        if jalankan(self, self.ctx, fn, u.id, judul="Unit tidak dapat diubah") is GAGAL:
            return
        self.refresh(u.id if (not u.aktif or self.cek_nonaktif.isChecked()) else None)
        self.unit_berubah.emit()
