"""`kinerja-desktop demo --db PATH`: a new database filled with the demo office.

It needs no account, so it only ever creates a new file: an existing one (or a server
database that already has data) is refused, never opened nor filled.
"""

from __future__ import annotations

import argparse

from kinerja_desktop.cli import add_db_argument, fail, open_db


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="buat berkas basis data BARU berisi kantor contoh (kecamatan); tanpa akun",
    )
    add_db_argument(p)
    p.add_argument("--tahun", type=int, default=None, help="tahun SKP contoh (bawaan: tahun ini)")
    p.add_argument(
        "--buka", action="store_true", help="buka program (dengan layar masuk) setelah data dibuat"
    )
    p.add_argument(
        "--tanpa-enkripsi",
        action="store_true",
        help="berkas SQLite tidak dienkripsi (bawaan: dienkripsi, kunci pemulihan ditampilkan)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from kinerja_desktop.config import resolve_db_url, sqlite_path
    from kinerja_desktop.db.models import Pegawai
    from kinerja_desktop.demo import buat_demo
    from kinerja_desktop.demo.akun import AKUN_DEMO
    from kinerja_desktop.services.akun import ada_akun

    path = sqlite_path(resolve_db_url(getattr(args, "db", None)))
    if path is not None and path.exists():
        return fail(
            f"berkas {path} sudah ada; demo hanya membuat berkas baru. Pilih nama berkas lain."
        )
    db = open_db(args)
    with db.session_factory() as s:
        terisi = bool(s.scalar(select(func.count(Pegawai.id)))) or ada_akun(s)
    if terisi:
        db.close()
        return fail(
            f"basis data {db.label} sudah berisi data; data demo hanya untuk basis data baru."
        )
    buat_demo(db, args.tahun)
    print(f"Data demo dibuat di {db.label}")
    if db.path is not None and not args.tanpa_enkripsi:
        from kinerja_desktop.services.kunci import enkripsi_sekarang

        admin = next(a for a in AKUN_DEMO if a[0] == "admin")
        db, kunci = enkripsi_sekarang(db, admin[0], admin[1])
        print(f"Basis data dienkripsi. Kunci pemulihan (simpan baik-baik): {kunci}")
    print("Akun contoh (nama pengguna / kata sandi):")
    for nama, sandi, peran, _pegawai in AKUN_DEMO:
        print(f"  {nama:<10} {sandi:<16} {', '.join(p.label for p in peran)}")
    db.close()
    if args.buka:
        from kinerja_desktop.app import run_gui

        return run_gui(getattr(args, "db", None))
    return 0
