"""`kinerja-desktop init --db PATH`: a new office database with its administrator.

The headless twin of the first-start wizard. It needs no account (there is none yet) and
therefore never touches an existing file: an attacker cannot use it to reset an office.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kinerja_desktop.cli import fail
from kinerja_desktop.cli.masuk import ENV_PENGGUNA, ENV_SANDI, TAMU, kata_sandi, nama_pengguna
from kinerja_desktop.domain.zona_waktu import ZonaWaktu


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "init",
        help="buat basis data kantor baru beserta akun administratornya (tanpa akun)",
        description="Membuat berkas basis data baru, akun administrator (operator "
        "kepegawaian) dan identitas kantor. Berkas yang sudah ada tidak pernah disentuh. "
        f"Tanpa terminal: --pengguna (atau ${ENV_PENGGUNA}), ${ENV_SANDI}, --instansi dan "
        "--tempat.",
    )
    p.add_argument("--db", required=True, help="berkas SQLite baru atau URL SQLAlchemy")
    p.add_argument(
        "--pengguna", metavar="NAMA", default=argparse.SUPPRESS, help="nama pengguna administrator"
    )
    p.add_argument("--instansi", help="nama instansi, mis. PEMERINTAH KABUPATEN TEBO")
    p.add_argument("--tempat", help="tempat pada baris tanda tangan, mis. Muara Tebo")
    p.add_argument(
        "--zona",
        choices=[z.value for z in ZonaWaktu],
        default=None,
        help="zona waktu kantor (bawaan: zona jam komputer ini)",
    )
    p.add_argument(
        "--tanpa-enkripsi",
        action="store_true",
        help="berkas SQLite tidak dienkripsi (bawaan: dienkripsi, kunci pemulihan ditampilkan)",
    )
    p.set_defaults(func=run)


def _isian(nilai: str | None, label: str) -> str:
    if nilai:
        return nilai
    if not sys.stdin.isatty():
        return ""  # the service names the missing field
    return input(f"{label}: ")


def _sandi_baru() -> tuple[str, str]:
    # From $KINERJA_SANDI both are the same; at a prompt the user types it twice.
    return kata_sandi("Kata sandi administrator"), kata_sandi("Ulangi kata sandi")


def run(args: argparse.Namespace) -> int:
    from kinerja_desktop.config import resolve_db_url, sqlite_path
    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.services import akun as svc
    from kinerja_desktop.services.pengaturan import SANDI_MINIMAL_BAWAAN
    from kinerja_desktop.services.uow import unit_of_work

    url = resolve_db_url(args.db)
    path = sqlite_path(url)
    if path is not None and path.exists():
        return fail(f"berkas {path} sudah ada; init hanya membuat basis data baru.")
    nama = svc.periksa_nama_pengguna(nama_pengguna(args))
    sandi, ulangi = _sandi_baru()
    # before a file is created: a new office has the default policy
    if sandi != ulangi:
        return fail("kedua kata sandi tidak sama.")
    svc.periksa_kekuatan(sandi, nama, SANDI_MINIMAL_BAWAAN)
    instansi = _isian(args.instansi, "Nama instansi")
    tempat = _isian(args.tempat, "Tempat (baris tanda tangan)")
    zona = ZonaWaktu(args.zona) if args.zona else None
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    db = open_database(url)
    try:
        with unit_of_work(db.session_factory, TAMU, "Penyiapan awal (baris perintah)") as s:
            admin = svc.buat_admin_pertama(
                s, TAMU, nama, sandi, ulangi, instansi=instansi, tempat=tempat, zona=zona
            )
    except BaseException:
        db.close()
        if path is not None:
            _hapus_berkas_baru(path)
        raise
    if path is not None and not args.tanpa_enkripsi:
        from kinerja_desktop.services.kunci import enkripsi_sekarang

        try:
            db, kunci = enkripsi_sekarang(db, admin.nama, sandi)
        except BaseException:
            db.close()
            _hapus_berkas_baru(path)
            raise
        print(f"Basis data dienkripsi. Kunci pemulihan (cetak dan simpan baik-baik): {kunci}")
    db.close()
    print(f"Basis data dibuat: {db.label}")
    print(f"Administrator: {admin.nama}. Masuk dengan: --pengguna {admin.nama}")
    return 0


def _hapus_berkas_baru(path: Path) -> None:
    """A failed init leaves no half-made office behind (the file did not exist before)."""
    import shutil

    from kinerja_desktop.db.kunci import path_kunci
    from kinerja_desktop.db.pemakai import folder_pemakai

    for p in (
        path,
        path_kunci(path),
        *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal")),
    ):
        p.unlink(missing_ok=True)
    shutil.rmtree(folder_pemakai(path), ignore_errors=True)  # this copy's claim, now released
