"""Composition root: settings, open the database, build the window."""

from __future__ import annotations

import logging
import sys

from kinerja_desktop import APP_NAME
from kinerja_desktop.config import resolve_db_url
from kinerja_desktop.domain.peran import Actor, Peran

log = logging.getLogger(__name__)

# Until accounts exist on a database, the program acts as its operator.
OPERATOR = Actor(nama="Operator", peran=frozenset({Peran.ADMIN}))


def run_gui(db: str | None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from kinerja_desktop.db.database import DatabaseOpenError, open_database
    from kinerja_desktop.logging_setup import setup_logging
    from kinerja_desktop.services.context import AppContext
    from kinerja_desktop.ui.errors import install_excepthook
    from kinerja_desktop.ui.main_window import MainWindow
    from kinerja_desktop.ui.settings import UiSettings

    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    install_excepthook()
    settings = UiSettings()
    state: dict[str, object] = {}

    def open_window(target: str | None) -> bool:
        url = resolve_db_url(target)
        try:
            database = open_database(url)
        except DatabaseOpenError as exc:
            QMessageBox.critical(None, "Basis data tidak dapat dibuka", str(exc))
            return False
        old = state.get("window")
        window = MainWindow(AppContext(database, OPERATOR), settings)
        window.database_requested.connect(open_window)
        settings.add_recent_database(database.label)
        window.show()
        state["window"] = window
        if old is not None:
            old.close()  # type: ignore[attr-defined]
            old.ctx.db.close()  # type: ignore[attr-defined]
        return True

    if not open_window(db):
        return 2
    return app.exec()
