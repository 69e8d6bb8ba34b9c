"""Demo accounts: one for every role, so each part of the program can be tried.

The user names and passwords are listed in the README (demo data only!).
"""

from __future__ import annotations

import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai
from kinerja_desktop.domain.peran import SISTEM, Peran
from kinerja_desktop.services import akun as svc

# (user name, password, roles, pegawai name in the demo roster or None)
AKUN_DEMO: list[tuple[str, str, tuple[Peran, ...], str | None]] = [
    ("admin", "Kantor#Tebo2025", (Peran.ADMIN,), None),
    ("camat", "Penilai#2025", (Peran.PENILAI, Peran.PEGAWAI), "Ahmad Fauzi"),
    ("kasi.pem", "Seksi#Pem2025", (Peran.PENILAI, Peran.PEGAWAI), "Budi Santoso"),
    ("hendra", "Pegawai#2025", (Peran.PEGAWAI,), "Hendra Gunawan"),
]


def isi_akun(session: Session, tahun: int, rng: random.Random) -> dict[str, int]:
    """Create the demo accounts (skipping a pegawai the roster does not have)."""
    hasil: dict[str, int] = {}
    for nama_pengguna, sandi, peran, nama_pegawai in AKUN_DEMO:
        pegawai_id = None
        if nama_pegawai is not None:
            pegawai_id = session.scalar(
                select(Pegawai.id).where(Pegawai.nama == nama_pegawai).limit(1)
            )
            if pegawai_id is None:
                continue
        row = svc.tambah_akun(session, SISTEM, nama_pengguna, sandi, peran, pegawai_id)
        hasil[nama_pengguna] = row.id
    return hasil
