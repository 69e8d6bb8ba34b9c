"""Login for headless commands: the same accounts, lockout and audit as the login dialog.

A command names its account with ``--pengguna`` (or $KINERJA_PENGGUNA); the password comes
from $KINERJA_SANDI or a prompt without echo. :func:`buka_sebagai` is the one place that
opens the database for a command and logs in, so that opening and login stay together.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING

from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.domain.peran import Actor

if TYPE_CHECKING:
    from kinerja_desktop.db.database import Database

ENV_PENGGUNA = "KINERJA_PENGGUNA"
ENV_SANDI = "KINERJA_SANDI"

# Whoever types at the terminal before the login succeeds (as the login dialog's guest).
TAMU = Actor(nama="(belum masuk)")


class GagalMasuk(PermissionDenied):
    """Wrong name or password, a locked or disabled account, or no account at all."""


def add_akun_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--pengguna",
        metavar="NAMA",
        default=argparse.SUPPRESS,
        help=f"nama pengguna yang menjalankan perintah (bawaan: ${ENV_PENGGUNA}); kata sandi "
        f"dari ${ENV_SANDI} atau ditanyakan tanpa ditampilkan",
    )


def _tanya(label: str, rahasia: bool) -> str:
    if not sys.stdin.isatty():
        sumber = ENV_SANDI if rahasia else f"--pengguna atau ${ENV_PENGGUNA}"
        raise GagalMasuk(f"{label} belum diberikan: isi {sumber}, atau jalankan di terminal.")
    try:
        return getpass.getpass(f"{label}: ") if rahasia else input(f"{label}: ")
    except EOFError:
        raise GagalMasuk(f"{label} belum diberikan.") from None


def nama_pengguna(args: argparse.Namespace) -> str:
    nama = getattr(args, "pengguna", None) or os.environ.get(ENV_PENGGUNA)
    return (nama or _tanya("Nama pengguna", rahasia=False)).strip()


def kata_sandi(label: str = "Kata sandi") -> str:
    sandi = os.environ.get(ENV_SANDI)
    return sandi if sandi is not None else _tanya(label, rahasia=True)


def masuk_ke(db: Database, nama: str, sandi: str) -> Actor:
    """Check the login as the dialog does; a failure is committed (counter, audit) first."""
    from kinerja_desktop.services import akun as svc
    from kinerja_desktop.services.uow import kunci_tulis, unit_of_work

    with unit_of_work(db.session_factory, TAMU) as s:
        kunci_tulis(s)  # a login writes (counter, last login): commands may run side by side
        if not svc.ada_akun(s):
            raise GagalMasuk(
                f"Basis data {db.label} belum memiliki akun. Buat administratornya dengan "
                "'kinerja-desktop init' (berkas baru) atau buka programnya."
            )
        hasil = svc.masuk(s, TAMU, nama, sandi)
    if hasil.actor is None:
        raise GagalMasuk(f"Gagal masuk sebagai {nama!r}: {hasil.pesan}")
    return hasil.actor


def buka_sebagai(args: argparse.Namespace) -> tuple[Database, Actor]:
    """Open the database named by --db and log in with the command's account. An encrypted
    file opens only with that account's key slot (services/kunci.py), as in the window."""
    from kinerja_desktop.config import resolve_db_url
    from kinerja_desktop.db.kunci import KunciSalah
    from kinerja_desktop.services.kunci import buka_dengan_sandi

    nama = nama_pengguna(args)
    sandi = kata_sandi()
    url = resolve_db_url(getattr(args, "db", None))
    try:
        db = buka_dengan_sandi(url, nama, sandi)
    except KunciSalah as exc:
        raise GagalMasuk(f"Gagal masuk sebagai {nama!r}: {exc}") from exc
    try:
        return db, masuk_ke(db, nama, sandi)
    except BaseException:
        db.close()
        raise
