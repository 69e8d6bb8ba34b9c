"""The demo office: a realistic kecamatan that shows every feature at work.

Each area adds a step to DEMO_STEPS: ``step(session, tahun, rng)`` runs inside the
single transaction that builds the demo, in order.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from importlib import import_module

from sqlalchemy.orm import Session

from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.services.uow import unit_of_work

DEMO_STEPS: list[str] = [
    "kinerja_desktop.demo.roster:isi_roster",
    "kinerja_desktop.demo.skp:isi_skp",
    "kinerja_desktop.demo.mutasi:isi_mutasi",  # a move on 1 July: after skp, before pemantauan
    "kinerja_desktop.demo.pemantauan:isi_pemantauan",
    "kinerja_desktop.demo.evaluasi:isi_evaluasi",  # after roster, skp and pemantauan
    "kinerja_desktop.demo.revisi:isi_revisi",  # a revision made after realisasi, pending
    "kinerja_desktop.demo.akun:isi_akun",  # keep last: accounts link to the roster
]


def buat_demo(db, tahun: int | None = None, seed: int = 2025) -> None:
    """Fill an empty database with the demo office, all in one transaction."""
    tahun = tahun or date.today().year
    rng = random.Random(seed)
    with unit_of_work(db.session_factory, SISTEM, keterangan="Data demo") as session:
        for target in DEMO_STEPS:
            _load(target)(session, tahun, rng)


def _load(target: str) -> Callable[[Session, int, random.Random], None]:
    module, _, name = target.partition(":")
    return getattr(import_module(module), name)
