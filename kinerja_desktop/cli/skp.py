"""`kinerja-desktop print-skp --nip NIP --tahun 2025 --out FILE.pdf --db PATH`."""

from __future__ import annotations

import argparse
from datetime import date

from kinerja_desktop.cli import add_db_argument
from kinerja_desktop.cli.masuk import add_akun_argument, buka_sebagai


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("print-skp", help="cetak SKP yang berlaku seorang pegawai ke berkas PDF")
    add_db_argument(p)
    add_akun_argument(p)
    p.add_argument("--nip", required=True, help="NIP atau NI PPPK pegawai (boleh berspasi)")
    p.add_argument("--tahun", type=int, default=date.today().year, help="tahun SKP")
    p.add_argument("--out", required=True, help="berkas PDF tujuan")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kinerja_desktop.services import skp as svc
    from kinerja_desktop.services.uow import run as jalankan

    db, actor = buka_sebagai(args)
    try:
        pdf, _nama = jalankan(
            db.session_factory,
            actor,
            svc.cetak_skp_pegawai,
            args.nip,
            args.tahun,
            keterangan="Cetak SKP (baris perintah)",
        )
    finally:
        db.close()
    out = Path(args.out)
    out.write_bytes(pdf)
    print(f"SKP dicetak ke {out}")
    return 0
