"""Long work off the GUI thread, with progress and cancel.

The worker is a plain function ``fn(state, *args)``; it reports through ``state`` (the one
protocol, :class:`~kinerja_desktop.domain.tugas.StatusTugas`) and checks for a cancel there, so
tests and the CLI call it without widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from kinerja_desktop.domain.tugas import StatusTugas

log = logging.getLogger(__name__)


class _Worker(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[..., Any], args: tuple, state: StatusTugas) -> None:
        super().__init__()
        self.fn, self.args, self.state = fn, args, state
        state.on_progress = self.progressed.emit

    def run(self) -> None:
        try:
            result = self.fn(self.state, *self.args)
        except BaseException as exc:  # reported to the GUI thread, never lost
            log.exception("Tugas latar belakang gagal")
            self.failed.emit(exc)
        else:
            self.finished.emit(result)


class BackgroundTask(QObject):
    """Runs ``fn(state, *args)`` on a QThread; emits ``finished(result)`` or ``failed(exc)``."""

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[..., Any], *args: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = StatusTugas()
        self._thread = QThread()
        self._worker = _Worker(fn, args, self.state)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self.progressed)
        self._worker.finished.connect(self._done)
        self._worker.failed.connect(self._fail)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self.state.cancel()

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()

    def _done(self, result: object) -> None:
        self._stop()
        self.finished.emit(result)

    def _fail(self, exc: object) -> None:
        self._stop()
        self.failed.emit(exc)


def run_with_progress(
    parent: QWidget | None, judul: str, fn: Callable[..., Any], *args: Any
) -> BackgroundTask:
    """Start a task with a modal progress dialog whose "Batal" button cancels it."""
    task = BackgroundTask(fn, *args, parent=parent)
    dialog = QProgressDialog(judul, "Batal", 0, 0, parent)
    dialog.setWindowTitle(judul)
    dialog.setMinimumDuration(300)
    dialog.setMinimumWidth(420)
    dialog.canceled.connect(task.cancel)

    def on_progress(done: int, total: int, pesan: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(done)
        if pesan:
            dialog.setLabelText(pesan)

    task.progressed.connect(on_progress)
    task.finished.connect(lambda _r: dialog.reset())
    task.failed.connect(lambda _e: dialog.reset())
    task.dialog = dialog  # type: ignore[attr-defined]
    task.start()
    return task
