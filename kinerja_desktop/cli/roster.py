"""`kinerja-desktop import-pegawai FILE` and `kinerja-desktop export-pegawai FILE.xlsx`."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from kinerja_desktop.cli import add_db_argument, fail
from kinerja_desktop.cli.masuk import add_akun_argument, buka_sebagai
from kinerja_desktop.domain.tugas import StatusTugas

KODE_ADA_TIDAK_VALID = 3

BANTUAN_IMPOR = """\
Membaca templat Kinerja Desktop (.xlsx) atau berkas 'Export Data ASN' dari SIASN (.csv/.xlsx),
mencocokkan pegawai menurut NIP, lalu menampilkan ringkasan: baru, berubah, tidak berubah,
dan baris tidak valid (nomor baris, kolom, alasan).

Tanpa --dry-run, baris baru dan berubah yang valid disimpan dalam satu transaksi (semua atau
tidak sama sekali); baris tidak valid dilewati dan dilaporkan.

Status keluar: 0 = berhasil dan semua baris valid; 3 = baris valid sudah diproses tetapi ada
baris tidak valid; 1 = gagal (berkas tidak dapat dibaca, basis data bermasalah), tidak ada
yang disimpan.
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import-pegawai",
        help="impor data pegawai dari templat Excel atau CSV SIASN",
        description=BANTUAN_IMPOR,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("berkas", metavar="FILE", help="berkas .xlsx atau .csv")
    add_db_argument(p)
    add_akun_argument(p)
    p.add_argument(
        "--dry-run",
        action="store_true",
        help="hanya tampilkan pratinjau; tidak ada yang disimpan",
    )
    p.add_argument(
        "--mulai-atasan",
        metavar="TANGGAL",
        default=None,
        help="tanggal mulai berlakunya ATASAN NIP (bawaan: 1 Januari tahun ini), mis. 01-01-2025",
    )
    p.set_defaults(func=run_import)

    e = sub.add_parser(
        "export-pegawai",
        help="ekspor daftar pegawai ke berkas Excel (.xlsx)",
        description="Menulis seluruh daftar pegawai (aktif dan nonaktif) ke berkas .xlsx yang "
        "berformat (judul kolom tebal dan terkunci, NIP sebagai teks). Berkas ini dapat "
        "diimpor kembali.",
    )
    e.add_argument("berkas", metavar="FILE.xlsx", help="berkas tujuan")
    add_db_argument(e)
    add_akun_argument(e)
    e.add_argument("--aktif", action="store_true", help="hanya pegawai aktif")
    e.set_defaults(func=run_export)


class _Cetak(StatusTugas):
    """Progress on stderr for long imports (only when it is a terminal)."""

    def __init__(self) -> None:
        super().__init__(self._tulis)
        self._tty = sys.stderr.isatty()

    def _tulis(self, done: int, total: int, pesan: str) -> None:
        if self._tty and total:
            print(f"\r{pesan} {done}/{total}   ", end="", file=sys.stderr, flush=True)

    def selesai(self) -> None:
        if self._tty:
            print("\r" + " " * 60 + "\r", end="", file=sys.stderr, flush=True)


def run_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kinerja_desktop.domain.tanggal import parse_tanggal
    from kinerja_desktop.services import impor_pegawai as io

    mulai: date | None = None
    if args.mulai_atasan:
        mulai = parse_tanggal(args.mulai_atasan, "--mulai-atasan")
    if not Path(args.berkas).exists():
        return fail(f"berkas {args.berkas} tidak ditemukan.")
    db, actor = buka_sebagai(args)
    cetak = _Cetak()
    try:
        pratinjau = io.pratinjau_worker(cetak, db.session_factory, actor, args.berkas, mulai)
        cetak.selesai()
        print(f"Berkas: {pratinjau.nama_file} (format {pratinjau.sumber})")
        print(f"Pratinjau: {pratinjau.ringkasan()}.")
        for nama in pratinjau.daftar_unit_baru():
            print(f"  Unit kerja baru: {nama}")
        perlu = pratinjau.perlu_dilengkapi
        if perlu:
            print("Perlu dilengkapi / perkiraan (tetap diimpor, periksa sesudahnya):")
            for b in perlu:
                print(f"  Baris {b.nomor_baris}, {b.nama}: {b.catatan}")
        salah = pratinjau.tidak_valid
        if salah:
            print("Baris tidak valid (dilewati):")
            for b in salah:
                for g in b.galat:
                    print(f"  Baris {b.nomor_baris}, kolom {g.kolom}: {g.alasan}")
        if args.dry_run:
            print("Uji coba (--dry-run): tidak ada yang disimpan.")
        else:
            hasil = io.impor_worker(cetak, db.session_factory, actor, pratinjau)
            cetak.selesai()
            print(f"Disimpan: {hasil.ringkasan()}.")
    finally:
        db.close()
    return KODE_ADA_TIDAK_VALID if salah else 0


def run_export(args: argparse.Namespace) -> int:
    from kinerja_desktop.exchange import pegawai as io
    from kinerja_desktop.services.pegawai import FilterPegawai

    if not args.berkas.lower().endswith(".xlsx"):
        return fail("nama berkas ekspor harus berakhiran .xlsx.")
    db, actor = buka_sebagai(args)
    cetak = _Cetak()
    try:
        f = FilterPegawai(aktif=True if args.aktif else None)
        n = io.ekspor_worker(cetak, db.session_factory, actor, args.berkas, f)
        cetak.selesai()
    finally:
        db.close()
    print(f"{n} pegawai diekspor ke {args.berkas}")
    return 0
