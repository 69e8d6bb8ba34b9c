"""Main window: navigation between views, File and Help menus, status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from kinerja_desktop import APP_NAME, __version__
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.settings import UiSettings
from kinerja_desktop.ui.views import VIEWS, ViewSpec

if TYPE_CHECKING:
    from kinerja_desktop.services.beranda import Tujuan

BERANDA = "beranda"


class MainWindow(QMainWindow):
    """Views are created the first time they are shown, to keep start-up fast."""

    database_requested = Signal(str)  # the app reopens the window on another database
    keluar_akun_requested = Signal()  # the app asks for a login again (switch user)

    def __init__(self, ctx: AppContext, settings: UiSettings | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.settings = settings or UiSettings()
        self.setWindowTitle(f"{APP_NAME} — {ctx.db.label}")
        self._ukuran_awal()
        self.setMinimumSize(960, 600)
        self._specs: list[ViewSpec] = [v for v in VIEWS if v.tampil_untuk(ctx.actor)]
        self._views: dict[str, QWidget] = {}
        self._build_central()
        self._build_menus()
        self._build_status()
        self._restore_geometry()
        # the Beranda first: what to do next; the account's last view is one click from there
        self.show_view(self._specs[0].key)

    def _ukuran_awal(self) -> None:
        """1280×800, but never larger than the screen (office laptops are often 1366×768)."""
        screen = self.screen()
        area = screen.availableGeometry() if screen is not None else None
        lebar, tinggi = 1280, 800
        if area is not None:
            lebar, tinggi = min(lebar, area.width()), min(tinggi, area.height() - 40)
        self.resize(max(lebar, 960), max(tinggi, 600))

    # --- layout ---------------------------------------------------------------------------
    def _build_central(self) -> None:
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigasi")
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet(
            "QListWidget#navigasi { background: #23395d; color: white; border: none;"
            " font-size: 11pt; padding-top: 8px; }"
            "QListWidget#navigasi::item { padding: 10px 14px; }"
            "QListWidget#navigasi::item:selected { background: #3d5a8a; }"
        )
        for spec in self._specs:
            item = QListWidgetItem(spec.judul)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._on_nav)
        self.stack = QStackedWidget()
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        self.menu_berkas = self.menuBar().addMenu("&Berkas")
        self._action(
            self.menu_berkas,
            "&Buka basis data lain…",
            self._open_other,
            QKeySequence.StandardKey.Open,
        )
        self.menu_recent = QMenu("Basis data &terakhir", self)
        self.menu_berkas.addMenu(self.menu_recent)
        self._fill_recent()
        self._build_menu_sistem()
        self.menu_berkas.addSeparator()
        self._action(self.menu_berkas, "&Keluar", self.close, QKeySequence.StandardKey.Quit)
        self.menu_bantuan = self.menuBar().addMenu("Ban&tuan")
        self.act_verifikasi = self._action(
            self.menu_bantuan, "&Verifikasi dokumen cetak…", self._verifikasi
        )
        self._action(self.menu_bantuan, "&Tentang Kinerja Desktop", self._about)

    def _build_menu_sistem(self) -> None:
        """Backup, restore, integrity, password and switching user."""
        m = self.menu_berkas
        m.addSeparator()
        self.act_cadangkan = self._action(m, "&Cadangkan ke…", self._cadangkan)
        self.act_pulihkan = self._action(m, "&Pulihkan dari…", self._pulihkan)
        self.act_periksa = self._action(m, "Periksa &integritas…", self._periksa_integritas)
        for act in (self.act_cadangkan, self.act_pulihkan):
            act.setVisible(self.ctx.actor.is_admin)
        m.addSeparator()
        self.act_ganti_sandi = self._action(m, "Ganti kata &sandi…", self._ganti_sandi)
        self.act_ganti_sandi.setVisible(self.ctx.actor.akun_id is not None)
        self.act_keluar_akun = self._action(
            m, "&Ganti pengguna / Keluar akun", self.keluar_akun_requested.emit
        )

    def _verifikasi(self) -> None:
        from kinerja_desktop.ui.evaluasi.dialogs import VerifikasiDialog

        self._dialog_verifikasi = VerifikasiDialog(self.ctx, self)
        self._dialog_verifikasi.open()

    def _cadangkan(self) -> None:
        from kinerja_desktop.ui.cadangan import cadangkan_ke

        self._task_cadangan = cadangkan_ke(self, self.ctx.db)

    def _pulihkan(self) -> None:
        from kinerja_desktop.ui.cadangan import pulihkan_dari

        self._alur_pulihkan = pulihkan_dari(
            self, self.ctx.db, lambda _path, _ok: self.database_requested.emit(self.ctx.db.url)
        )

    def _periksa_integritas(self) -> None:
        from kinerja_desktop.ui.audit.integritas import PeriksaIntegritasDialog

        self._dialog_periksa = PeriksaIntegritasDialog(self.ctx, self)
        self._dialog_periksa.open()

    def _ganti_sandi(self) -> None:
        from kinerja_desktop.ui.akun.dialogs import GantiSandiDialog

        if GantiSandiDialog(self.ctx, self).exec():
            QMessageBox.information(self, "Kata sandi diganti", "Kata sandi Anda telah diganti.")

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_status(self) -> None:
        self.db_label = QLabel(f"Basis data: {self.ctx.db.label}")
        self.user_label = QLabel(f"Pengguna: {self.ctx.actor.nama}")
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.user_label)

    # --- views ----------------------------------------------------------------------------
    def view_keys(self) -> list[str]:
        return [s.key for s in self._specs]

    def show_view(self, key: str) -> QWidget:
        row = self.view_keys().index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)  # triggers _on_nav
        else:
            self._on_nav(row)
        return self._views[key]

    def view(self, key: str) -> QWidget | None:
        return self._views.get(key)

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        spec = self._specs[row]
        widget = self._views.get(spec.key)
        if widget is None:
            widget = spec.load()(self.ctx, self)
            self._views[spec.key] = widget
            self.stack.addWidget(widget)
        elif hasattr(widget, "refresh"):
            widget.refresh()
        self.stack.setCurrentWidget(widget)
        if spec.key != BERANDA:
            self._ingat_tampilan(spec.key)

    # --- per-account memory and the Beranda's targets --------------------------------------
    def _ingat_tampilan(self, key: str) -> None:
        """The last view is the account's own (another user of this computer has his)."""
        from kinerja_desktop.services.beranda import ingat_tampilan
        from kinerja_desktop.ui.aksi import baca_atau

        if self.ctx.actor.akun_id is not None:
            baca_atau(self.ctx, None, ingat_tampilan, key)

    def tampilan_terakhir(self) -> ViewSpec | None:
        """The view the account worked in last (on any computer), if it may still open it."""
        from kinerja_desktop.services.beranda import tampilan_terakhir
        from kinerja_desktop.ui.aksi import baca_atau

        key = baca_atau(self.ctx, None, tampilan_terakhir)
        return next((s for s in self._specs if s.key == key and key != BERANDA), None)

    def buka_tujuan(self, tujuan: Tujuan) -> QWidget | None:
        """Open a Beranda item (a services.beranda.Tujuan) with its data selected."""
        from kinerja_desktop.ui.beranda_tujuan import buka_tujuan

        return buka_tujuan(self, tujuan)

    # --- menus ----------------------------------------------------------------------------
    def _fill_recent(self) -> None:
        self.menu_recent.clear()
        items = self.settings.get_list("ui/recent_databases")
        for label in items:
            act = self.menu_recent.addAction(label)
            act.triggered.connect(lambda _=False, x=label: self.database_requested.emit(x))
        self.menu_recent.setEnabled(bool(items))

    def _open_other(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Buka basis data", "", "Basis data Kinerja (*.sqlite *.db);;Semua berkas (*)"
        )
        if path:
            self.database_requested.emit(path)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "Tentang Kinerja Desktop",
            f"<b>{APP_NAME}</b> versi {__version__}<br><br>"
            "Pengelolaan kinerja pegawai ASN sesuai PP 30/2019 dan PermenPAN-RB 6/2022: "
            "SKP, pemantauan, evaluasi, dan formulir cetak.<br>"
            "Bekerja tanpa internet.<br><br>"
            f"Basis data: {self.ctx.db.label}",
        )

    def _restore_geometry(self) -> None:
        geom = self.settings.get_bytes("ui/window_geometry")
        if geom:
            self.restoreGeometry(geom)

    def closeEvent(self, event) -> None:
        self.settings.set("ui/window_geometry", self.saveGeometry())
        super().closeEvent(event)
