"""How errors reach the user: a domain error is a clear dialog; a bug a crash dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.logging_setup import log_path

log = logging.getLogger(__name__)


def tampilkan_error(
    parent: QWidget | None, exc: BaseException, judul: str = "Tidak dapat disimpan"
) -> None:
    """Show a domain error as is; anything else is a bug: log it and show the crash dialog."""
    if isinstance(exc, DomainError):
        QMessageBox.warning(parent, judul, str(exc))
        return
    tampilkan_crash(parent, exc)


def tampilkan_crash(parent: QWidget | None, exc: BaseException) -> None:
    log.error("Kesalahan tak terduga", exc_info=(type(exc), exc, exc.__traceback__))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Terjadi kesalahan")
    box.setText(
        "Terjadi kesalahan yang tidak terduga. Data yang sudah tersimpan tetap aman; "
        "tindakan terakhir dibatalkan."
    )
    box.setInformativeText(f"Rincian dicatat di berkas log:\n{log_path()}")
    box.setDetailedText("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    box.exec()


def install_excepthook() -> None:
    """Unexpected exceptions in slots are logged and shown once; the program keeps running."""

    def hook(etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(etype, KeyboardInterrupt):
            sys.__excepthook__(etype, value, tb)
            return
        value.__traceback__ = tb
        if QApplication.instance() is None:
            sys.__excepthook__(etype, value, tb)
            return
        if isinstance(value, DomainError):
            QMessageBox.warning(QApplication.activeWindow(), "Perhatian", str(value))
        else:
            tampilkan_crash(QApplication.activeWindow(), value)

    sys.excepthook = hook
