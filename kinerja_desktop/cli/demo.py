"""`kinerja-desktop demo --db PATH`: a new database filled with the demo office."""

from __future__ import annotations

import argparse

from kinerja_desktop.cli import add_db_argument, fail, open_db


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="buat basis data baru berisi kantor contoh (kecamatan)")
    add_db_argument(p)
    p.add_argument("--tahun", type=int, default=None, help="tahun SKP contoh (bawaan: tahun ini)")
    p.add_argument("--buka", action="store_true", help="buka program setelah data dibuat")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from kinerja_desktop.db.models import Pegawai
    from kinerja_desktop.demo import buat_demo

    db = open_db(args)
    with db.session_factory() as s:
        if s.scalar(select(func.count(Pegawai.id))):
            db.close()
            return fail(f"basis data {db.label} sudah berisi data; data demo hanya untuk "
                        "basis data baru.")
    buat_demo(db, args.tahun)
    print(f"Data demo dibuat di {db.label}")
    db.close()
    if args.buka:
        from kinerja_desktop.app import run_gui

        return run_gui(getattr(args, "db", None), tanpa_login=True)
    return 0
