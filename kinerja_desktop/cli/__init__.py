"""Command line: `kinerja-desktop` opens the window; subcommands work headless.

Each module in COMMAND_MODULES adds its subcommands with ``register(subparsers)``
and sets ``func(args) -> int``. Heavy imports stay inside the functions so that
opening the window stays fast. Every command that reads or writes an office database logs
in first (cli/masuk.py); only --version, ``init`` and ``demo`` need no account, because
they create a new file.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from kinerja_desktop import __version__
from kinerja_desktop.cli.masuk import add_akun_argument
from kinerja_desktop.domain.errors import DomainError, PermissionDenied

COMMAND_MODULES = [
    "kinerja_desktop.cli.init",
    "kinerja_desktop.cli.demo",
    "kinerja_desktop.cli.skp",
    "kinerja_desktop.cli.evaluasi",
    "kinerja_desktop.cli.ringkasan",
    "kinerja_desktop.cli.roster",
    "kinerja_desktop.cli.sistem",
]


KODE_DITOLAK = 5

BANTUAN_MASUK = f"""\
Setiap perintah bekerja sebagai akun yang masuk, dengan hak akses yang sama seperti di
jendela program: --pengguna NAMA (atau $KINERJA_PENGGUNA); kata sandi dari $KINERJA_SANDI
atau ditanyakan tanpa ditampilkan. Tanpa akun: --version, init dan demo (keduanya hanya
membuat berkas baru). Gagal masuk atau tidak berhak: status keluar {KODE_DITOLAK}.
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kinerja-desktop",
        description="Kinerja Desktop: pengelolaan kinerja pegawai ASN tanpa internet.",
        epilog=BANTUAN_MASUK,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    add_db_argument(parser)
    add_akun_argument(parser)
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    for name in COMMAND_MODULES:
        import_module(name).register(sub)
    return parser


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        help="berkas SQLite atau URL SQLAlchemy (bawaan: $KINERJA_DB atau folder data pengguna)",
    )


def open_db(args: argparse.Namespace):
    """Open the database named by --db for a headless command (with the office key this
    process signed in with, if any: services/kunci.py)."""
    from kinerja_desktop.config import resolve_db_url
    from kinerja_desktop.services.kunci import buka_dengan_kunci, kunci_proses

    return buka_dengan_kunci(resolve_db_url(getattr(args, "db", None)), kunci_proses())


def fail(pesan: str, code: int = 1) -> int:
    print(f"Gagal: {pesan}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        from kinerja_desktop.app import run_gui

        return run_gui(getattr(args, "db", None))
    try:
        return int(args.func(args) or 0)
    except PermissionDenied as exc:
        return fail(str(exc).replace("\n", " "), KODE_DITOLAK)
    except DomainError as exc:
        return fail(str(exc).replace("\n", " "))
    except KeyboardInterrupt:
        return fail("dibatalkan oleh pengguna.", 130)
    except OSError as exc:
        from kinerja_desktop.db.database import explain_os_error

        return fail(explain_os_error(exc, None))
