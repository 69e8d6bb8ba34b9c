"""Headless maintenance: `backup`, `restore`, `check`.

kinerja-desktop backup --db PATH --out FILE
kinerja-desktop restore FILE --db PATH [--pengguna NAMA | --kunci-pemulihan]
kinerja-desktop check --db PATH
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kinerja_desktop.cli import add_db_argument, fail
from kinerja_desktop.cli.masuk import add_akun_argument, buka_sebagai


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "backup", help="cadangkan basis data dan bukti dukung ke satu berkas (administrator)"
    )
    add_db_argument(p)
    add_akun_argument(p)
    p.add_argument("--out", required=True, type=Path, help="berkas cadangan yang dibuat (.zip)")
    p.add_argument(
        "--izinkan-bukti-hilang",
        action="store_true",
        help="tetap cadangkan bila ada berkas bukti dukung yang hilang (jumlahnya dicatat)",
    )
    p.set_defaults(func=run_backup)

    p = sub.add_parser(
        "restore",
        help="pulihkan basis data dan bukti dukung dari berkas cadangan (administrator basis "
        "data yang ditimpa; tanpa akun hanya bila berkas tujuan belum ada)",
    )
    p.add_argument("berkas", type=Path, metavar="FILE", help="berkas cadangan")
    add_db_argument(p)
    add_akun_argument(p)
    p.add_argument(
        "--kunci-pemulihan",
        action="store_true",
        help=f"buka cadangan terenkripsi dengan kunci pemulihan kantor (dari ${ENV_PEMULIHAN} "
        "atau ditanyakan) bila tidak ada akun yang dipakai",
    )
    p.set_defaults(func=run_restore)

    p = sub.add_parser(
        "check", help="periksa integritas basis data dan rantai log audit (gagal: kode bukan 0)"
    )
    add_db_argument(p)
    add_akun_argument(p)
    p.set_defaults(func=run_check)


def _sqlite_target(args: argparse.Namespace) -> tuple[str, Path]:
    from kinerja_desktop.config import resolve_db_url, sqlite_path
    from kinerja_desktop.exchange.cadangan import hanya_sqlite

    url = resolve_db_url(getattr(args, "db", None))
    return url, hanya_sqlite(sqlite_path(url))


def _sebagai_admin(args: argparse.Namespace) -> None:
    """Backups carry every password hash and restore replaces everything: the operator's."""
    from kinerja_desktop.services.akses import wajib_admin

    db, actor = buka_sebagai(args)
    db.close()
    wajib_admin(actor)


ENV_PEMULIHAN = "KINERJA_KUNCI_PEMULIHAN"


def _pembuka(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Opens an encrypted backup's key file when its office key is not open here (a new
    computer): with the account of the command, or the recovery key. Asked only if needed."""
    import os

    from kinerja_desktop.cli.masuk import _tanya, kata_sandi, nama_pengguna

    def buka(berkas):  # type: ignore[no-untyped-def]
        if getattr(args, "kunci_pemulihan", False):
            kunci = os.environ.get(ENV_PEMULIHAN) or _tanya("Kunci pemulihan", rahasia=True)
            return berkas.buka_pemulihan(kunci)
        print("Cadangan ini terenkripsi: masuk dengan akun yang ada di dalamnya.")
        return berkas.buka(nama_pengguna(args), kata_sandi())

    return buka


def _baris(info) -> None:
    for label, nilai in info.ringkasan():
        print(f"  {label:<22} {nilai}")


def run_backup(args: argparse.Namespace) -> int:
    from kinerja_desktop.db.database import folder_bukti_sqlite
    from kinerja_desktop.exchange.cadangan import buat_cadangan, selesaikan_pemulihan

    _url, path = _sqlite_target(args)
    if not path.exists():
        return fail(f"basis data {path} tidak ditemukan.")
    selesaikan_pemulihan(path)
    _sebagai_admin(args)
    out = args.out
    if out.is_dir():
        from datetime import datetime

        from kinerja_desktop.exchange.cadangan import EKSTENSI

        out = out / f"{path.stem}-{datetime.now():%Y%m%d-%H%M%S}{EKSTENSI}"
    info = buat_cadangan(
        None,
        path,
        folder_bukti_sqlite(path),
        out,
        izinkan_bukti_hilang=getattr(args, "izinkan_bukti_hilang", False),
    )
    print(f"Cadangan dibuat: {info.path}")
    _baris(info)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from kinerja_desktop.db.database import folder_bukti_sqlite
    from kinerja_desktop.exchange.cadangan import pulihkan

    _url, path = _sqlite_target(args)
    if path.exists():  # a new target holds nothing to protect; an existing one its admin's
        _sebagai_admin(args)
    hasil = pulihkan(None, args.berkas, path, folder_bukti_sqlite(path), pembuka=_pembuka(args))
    print(f"Data dipulihkan ke {path} dari {args.berkas}")
    _baris(hasil.info)
    if hasil.cadangan_sebelumnya:
        print(f"Data sebelumnya disimpan di {hasil.cadangan_sebelumnya}")
    if hasil.info.sidik_kunci:
        print("Berkas kunci ikut dipulihkan: masuk dengan kata sandi akun atau kunci pemulihan.")
    return 0


def _terenkripsi(path: Path) -> bool:
    from kinerja_desktop.db.kunci import berkas_polos

    return path.exists() and not berkas_polos(path)


def run_check(args: argparse.Namespace) -> int:
    from kinerja_desktop.config import resolve_db_url, sqlite_path
    from kinerja_desktop.exchange.cadangan import integrity_check, selesaikan_pemulihan
    from kinerja_desktop.services.audit import periksa_integritas

    path = sqlite_path(resolve_db_url(getattr(args, "db", None)))
    if path is not None:
        if not path.exists():
            return fail(f"basis data {path} tidak ditemukan.")
        selesaikan_pemulihan(path)
        # an encrypted file is checked once open (periksa_struktur), not through sqlite3
        masalah = None if _terenkripsi(path) else integrity_check(path)
        if masalah is not None:
            return fail(f"struktur berkas basis data rusak ({masalah}). Pulihkan dari cadangan.", 2)
    db, actor = buka_sebagai(args)
    try:
        with db.session_factory() as s:
            hasil = periksa_integritas(s, actor, db.folder_bukti)
    finally:
        db.close()
    print(hasil.pesan_basis_data)
    if not hasil.audit.utuh:
        print(f"Gagal: {hasil.audit.pesan}", file=sys.stderr)
        if hasil.audit.rusak_pada is not None:
            print(f"Catatan pertama yang rusak: no. {hasil.audit.rusak_pada}", file=sys.stderr)
        return 3
    if not hasil.basis_data_ok:
        print(f"Gagal: {hasil.pesan_basis_data}", file=sys.stderr)
        return 2
    if hasil.data is not None and not hasil.data.utuh:
        print(f"Gagal: {hasil.data.pesan}", file=sys.stderr)
        return 3
    print(hasil.audit.pesan)
    if hasil.data is not None:
        print(hasil.data.pesan)
    if hasil.bukti is not None and not hasil.bukti.utuh:
        print(f"Gagal: {hasil.bukti.pesan}", file=sys.stderr)
        return 4
    if hasil.bukti is not None:
        print(hasil.bukti.pesan)
    return 0
