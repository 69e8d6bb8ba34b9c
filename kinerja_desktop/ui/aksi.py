"""One way for a view to run a user action: the service call, its errors, what it changed.

    hasil = jalankan(self, self.ctx, svc.hapus_skp, skp_id, judul="Tidak dapat menghapus")
    if hasil is GAGAL:
        return

:func:`jalankan` calls ``fn(session, actor, *args, **kw)`` in one unit of work. A broken rule
(:class:`DomainError`) becomes a warning with its Indonesian message, anything else is a bug
and goes to the crash dialog (both through :func:`ui.errors.tampilkan_error`, the one error
path), and the caller gets :data:`GAGAL`. On success the tables the action wrote are announced
on :func:`pusat` so every view showing them can reload. :func:`jalankan_latar` does the same
on a worker thread with a progress dialog, for slow work; :func:`coba` is the same error path
for work that is not a service call (reading a file, rendering a printout); :func:`baca_atau`
reads optional data quietly.

``judul``, ``tangani`` and ``keterangan`` belong to the helper; a service parameter with one of
these names is passed positionally or with :func:`functools.partial`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, Final, Literal, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.tugas import Dibatalkan, StatusTugas
from kinerja_desktop.services import uow
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.errors import tampilkan_error
from kinerja_desktop.ui.tasks import BackgroundTask, run_with_progress

T = TypeVar("T")

JUDUL = "Tidak dapat disimpan"


class _Gagal(enum.Enum):
    GAGAL = "gagal"


GAGAL: Final = _Gagal.GAGAL
"""Returned instead of a result when the action failed (the user has already been told)."""

Gagal = Literal[_Gagal.GAGAL]


class PusatPerubahan(QObject):
    """Announces what a finished action changed: ``berubah(frozenset[str])`` of table names.

    Views connect to it to reload when data they show was written elsewhere."""

    berubah = Signal(object)

    def umumkan(self, tabel: frozenset[str]) -> None:
        if tabel:
            self.berubah.emit(tabel)


_pusat: PusatPerubahan | None = None


def pusat() -> PusatPerubahan:
    """The program's one change hub (created on first use, on the GUI thread)."""
    global _pusat
    if _pusat is None:
        _pusat = PusatPerubahan()
    return _pusat


Tangani = Callable[[Exception], bool]
"""A view's own display of some errors (e.g. marking the rows at fault): True when handled."""


def pesan_di(label: QLabel) -> Tangani:
    """Tell a broken rule in a form's message line instead of a dialog (a bug still goes to the
    crash dialog)."""

    def tangani(exc: Exception) -> bool:
        if isinstance(exc, DomainError):
            label.setText(exc.pesan)
            return True
        return False

    return tangani


def coba(
    parent: QWidget | None,
    fn: Callable[..., T],
    *args: Any,
    judul: str = JUDUL,
    tangani: Tangani | None = None,
    **kw: Any,
) -> T | Gagal:
    """Call ``fn(*args, **kw)``; on an error tell the user the one way and return GAGAL."""
    try:
        return fn(*args, **kw)
    except Exception as exc:  # the one place a view's action meets its errors
        if tangani is None or not tangani(exc):
            tampilkan_error(parent, exc, judul)
        return GAGAL


def jalankan(
    parent: QWidget | None,
    ctx: AppContext,
    fn: Callable[..., T],
    *args: Any,
    judul: str = JUDUL,
    tangani: Tangani | None = None,
    keterangan: str | None = None,
    **kw: Any,
) -> T | Gagal:
    """Run ``fn(session, actor, *args, **kw)`` as one user action (one transaction)."""
    hasil = coba(
        parent,
        uow.run_tercatat,
        ctx.db.session_factory,
        ctx.actor,
        fn,
        *args,
        judul=judul,
        tangani=tangani,
        keterangan=keterangan,
        **kw,
    )
    if hasil is GAGAL:
        return GAGAL
    nilai, tabel = hasil
    pusat().umumkan(tabel)
    return nilai


def baca_atau(ctx: AppContext, bawaan: T, fn: Callable[..., T], *args: Any, **kw: Any) -> T:
    """Read data a view can do without (it shows ``bawaan``, e.g. an empty list): a broken rule
    (e.g. not allowed to see it) gives ``bawaan`` quietly; a bug still goes to the crash dialog."""
    try:
        return uow.run(ctx.db.session_factory, ctx.actor, fn, *args, **kw)
    except DomainError:
        return bawaan
    except Exception as exc:
        tampilkan_error(None, exc)
        return bawaan


def jalankan_latar(
    parent: QWidget | None,
    ctx: AppContext,
    judul_progres: str,
    fn: Callable[..., T],
    *args: Any,
    judul: str = JUDUL,
    selesai: Callable[[T], object] | None = None,
    gagal: Callable[[BaseException], object] | None = None,
    keterangan: str | None = None,
    **kw: Any,
) -> BackgroundTask:
    """Run ``fn(session, actor, *args, status=status, **kw)`` in one transaction on a worker
    thread (the database work of a slow action, e.g. on PostgreSQL, leaves the GUI responsive).

    ``status`` is the :class:`StatusTugas` behind the progress dialog; its "Batal" button makes
    :meth:`StatusTugas.cek_batal` raise :class:`Dibatalkan`, which rolls everything back and is
    not reported as an error (the user asked for it). ``selesai(result)`` runs on the GUI
    thread after the changes were announced; ``gagal(exc)`` after any failure was shown."""

    def kerja(status: StatusTugas) -> tuple[T, frozenset[str]]:
        return uow.run_tercatat(
            ctx.db.session_factory,
            ctx.actor,
            fn,
            *args,
            status=status,
            keterangan=keterangan,
            **kw,
        )

    def berhasil(hasil: tuple[T, frozenset[str]]) -> None:
        nilai, tabel = hasil
        pusat().umumkan(tabel)
        if selesai is not None:
            selesai(nilai)

    def gagal_(exc: BaseException) -> None:
        if not isinstance(exc, Dibatalkan):
            tampilkan_error(parent, exc, judul)
        if gagal is not None:
            gagal(exc)

    task = run_with_progress(parent, judul_progres, kerja)
    _berjalan.add(task)  # kept alive until it ends, even when the caller drops it
    task.finished.connect(berhasil)
    task.failed.connect(gagal_)
    task.finished.connect(lambda _h: _berjalan.discard(task))
    task.failed.connect(lambda _e: _berjalan.discard(task))
    return task


_berjalan: set[BackgroundTask] = set()


__all__ = [
    "GAGAL",
    "JUDUL",
    "Gagal",
    "PusatPerubahan",
    "Tangani",
    "baca_atau",
    "coba",
    "jalankan",
    "jalankan_latar",
    "pesan_di",
    "pusat",
]
