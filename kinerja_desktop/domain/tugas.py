"""Progress and cancel of long work: one protocol for every worker, one cancel exception.

A worker (import, export, backup, restore, batch print) takes a :class:`StatusTugas`, reports
``progress(done, total, pesan)`` and calls :func:`cek_batal` between steps; a cancel
raises :class:`Dibatalkan`, so the caller's unit of work rolls back. No Qt here: ui/tasks.py
runs workers on a QThread, the CLI and the tests call them directly.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from kinerja_desktop.domain.errors import DomainError

PESAN_BATAL = "Dibatalkan oleh pengguna; data tidak berubah."

LaporProgres = Callable[[int, int, str], None]


class Dibatalkan(DomainError):
    """The user cancelled long work; nothing was kept."""

    def __init__(self, pesan: str = PESAN_BATAL) -> None:
        super().__init__(pesan)


class StatusTugas:
    """Progress and cancellation shared between a worker and whoever watches it.

    Safe across threads: the cancel flag is an Event, set by the GUI thread and read by the
    worker. ``on_progress`` is called on the worker's thread."""

    def __init__(self, on_progress: LaporProgres | None = None) -> None:
        self._batal = threading.Event()
        self.on_progress = on_progress

    def cancel(self) -> None:
        self._batal.set()

    @property
    def cancelled(self) -> bool:
        return self._batal.is_set()

    @cancelled.setter
    def cancelled(self, nilai: bool) -> None:
        # False clears a cancel, so one status serves several runs in a row
        if nilai:
            self._batal.set()
        else:
            self._batal.clear()

    def progress(self, done: int, total: int, pesan: str = "") -> None:
        if self.on_progress:
            self.on_progress(done, total, pesan)

    def cek_batal(self, pesan: str = PESAN_BATAL) -> None:
        cek_batal(self, pesan)


def cek_batal(state: StatusTugas, pesan: str = PESAN_BATAL) -> None:
    """Raise :class:`Dibatalkan` (with ``pesan``) when the user has cancelled.

    A function as well as a method, so a worker also accepts any object with ``cancelled``
    and ``progress`` (a CLI printer, a test double)."""
    if state.cancelled:
        raise Dibatalkan(pesan)


__all__ = ["PESAN_BATAL", "Dibatalkan", "LaporProgres", "StatusTugas", "cek_batal"]
