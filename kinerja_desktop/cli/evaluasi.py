"""Headless evaluation printing and verification:

kinerja-desktop print-evaluasi --nip NIP --tahun 2025 --periode TW1 --out FILE.pdf
kinerja-desktop print-batch --unit UNIT --tahun 2025 --periode AKHIR --out DIR [--satu-file]
    [--proses N]
kinerja-desktop verify FILE.pdf|KODE
"""

from __future__ import annotations

import argparse
import os
import sys

from kinerja_desktop.cli import add_db_argument, fail
from kinerja_desktop.cli.masuk import add_akun_argument, buka_sebagai
from kinerja_desktop.domain.angka import format_angka

_PERIODE_HELP = "kode periode: TW1, TW2, TW3, AKHIR (atau S1, B01… sesuai jenis periode)"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("print-evaluasi", help="cetak Evaluasi Kinerja Pegawai ke PDF")
    add_db_argument(p)
    add_akun_argument(p)
    p.add_argument("--nip", required=True, help="NIP / NI PPPK pegawai yang dinilai")
    p.add_argument("--tahun", type=int, required=True)
    p.add_argument("--periode", required=True, help=_PERIODE_HELP)
    p.add_argument("--out", required=True, help="berkas PDF tujuan")
    p.add_argument(
        "--formulir",
        choices=("evaluasi", "dokumen", "keduanya"),
        default="keduanya",
        help="evaluasi = Evaluasi Kinerja Pegawai, dokumen = Dokumen Evaluasi Kinerja "
        "Pegawai (bawaan: keduanya dalam satu berkas)",
    )
    p.set_defaults(func=run_print)

    b = sub.add_parser("print-batch", help="cetak massal evaluasi satu unit kerja")
    add_db_argument(b)
    add_akun_argument(b)
    b.add_argument("--unit", required=True, help="nama (atau sebagian nama) atau kode unit kerja")
    b.add_argument("--tahun", type=int, required=True)
    b.add_argument("--periode", required=True, help=_PERIODE_HELP)
    b.add_argument("--out", required=True, help="folder tujuan")
    b.add_argument("--satu-file", action="store_true", help="gabungkan semua ke satu PDF")
    b.add_argument(
        "--proses",
        type=_bilangan_positif,
        default=os.cpu_count() or 1,
        help="jumlah proses yang mencetak bersamaan (bawaan: jumlah inti prosesor)",
    )
    b.set_defaults(func=run_batch)

    v = sub.add_parser("verify", help="periksa kode verifikasi cetakan (berkas PDF atau kode)")
    add_db_argument(v)
    add_akun_argument(v)
    v.add_argument(
        "sumber", nargs="+", help="berkas PDF, atau kode seperti 'EVALUASI-1A2B3C4D ABCD-EF01-2345'"
    )
    v.set_defaults(func=run_verify)


def _bilangan_positif(teks: str) -> int:
    if not teks.isdigit() or int(teks) < 1:
        raise argparse.ArgumentTypeError("harus bilangan bulat 1 atau lebih")
    return int(teks)


def run_print(args: argparse.Namespace) -> int:
    import tempfile

    from kinerja_desktop.reports.batch import gabungkan_pdf
    from kinerja_desktop.services import evaluasi as sv
    from kinerja_desktop.services.cetak import tulis_cetakan
    from kinerja_desktop.services.uow import unit_of_work

    jenis = {
        "evaluasi": (sv.JENIS_CETAK_EVALUASI,),
        "dokumen": (sv.JENIS_CETAK_DOKUMEN,),
        "keduanya": (sv.JENIS_CETAK_EVALUASI, sv.JENIS_CETAK_DOKUMEN),
    }[args.formulir]
    db, actor = buka_sebagai(args)
    try:
        with unit_of_work(db.session_factory, actor, "Cetak evaluasi (CLI)") as s:
            pegawai = sv.pegawai_per_nip(s, args.nip)
            periode = sv.cari_periode(s, args.tahun, args.periode)
            cetakan = [
                sv.cetak_evaluasi_pegawai(s, actor, pegawai.id, periode.id, j) for j in jenis
            ]
    finally:
        db.close()
    out = os.path.abspath(args.out)
    folder = os.path.dirname(out) or "."
    os.makedirs(folder, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder, prefix=".kinerja-") as tmp:
        bagian = []
        for i, c in enumerate(cetakan):
            path = os.path.join(tmp, f"{i}.pdf")
            tulis_cetakan(path, c)
            bagian.append(path)
        sementara = os.path.join(tmp, "hasil.pdf")
        halaman = gabungkan_pdf(bagian, sementara, "Evaluasi Kinerja Pegawai")
        os.replace(sementara, out)
    for c in cetakan:
        status = "" if not c.draf else " (DRAF)"
        print(f"{c.kode_dokumen}  kode verifikasi {c.kode_verifikasi}{status}")
    print(f"Tersimpan: {out} ({halaman} halaman)")
    return 0


def _cari_unit(s, teks: str):
    from sqlalchemy import func, select

    from kinerja_desktop.db.models import UnitKerja
    from kinerja_desktop.domain.errors import NotFound, ValidationError

    if teks.isdigit():
        unit = s.get(UnitKerja, int(teks))
        if unit:
            return unit
    exact = s.scalars(
        select(UnitKerja).where(
            (func.lower(UnitKerja.nama) == teks.lower()) | (UnitKerja.kode == teks)
        )
    ).all()
    if len(exact) == 1:
        return exact[0]
    mirip = s.scalars(
        select(UnitKerja).where(func.lower(UnitKerja.nama).contains(teks.lower()))
    ).all()
    if len(mirip) == 1:
        return mirip[0]
    if not mirip:
        raise NotFound(f"Unit kerja {teks!r} tidak ditemukan.")
    raise ValidationError(
        f"Nama unit {teks!r} cocok dengan {len(mirip)} unit: "
        + ", ".join(u.nama for u in mirip[:5])
        + ". Tulis nama lengkapnya.",
        "Unit",
    )


def run_batch(args: argparse.Namespace) -> int:
    from kinerja_desktop.domain.tugas import StatusTugas
    from kinerja_desktop.services import evaluasi as sv
    from kinerja_desktop.services.cetak import cetak_batch

    db, actor = buka_sebagai(args)
    try:
        with db.session_factory() as s:
            unit = _cari_unit(s, args.unit)
            periode = sv.cari_periode(s, args.tahun, args.periode)
            unit_id, periode_id, nama_unit = unit.id, periode.id, unit.nama

        def lapor(done: int, total: int, pesan: str) -> None:
            if sys.stderr.isatty():
                print(f"\r{done}/{total} {pesan[:70]:70}", end="", file=sys.stderr)

        hasil = cetak_batch(
            StatusTugas(lapor),
            db.session_factory,
            actor,
            unit_id,
            periode_id,
            args.out,
            satu_file=args.satu_file,
            proses=args.proses,
        )
    finally:
        db.close()
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if not hasil.jumlah_pegawai:
        return fail(f"belum ada evaluasi di unit {nama_unit} untuk periode itu.")
    print(
        f"{hasil.jumlah_pegawai} pegawai, {hasil.jumlah_dokumen} dokumen, "
        f"{hasil.jumlah_halaman} halaman dalam {format_angka(hasil.detik, 1)} detik → "
        f"{len(hasil.berkas)} berkas di {os.path.abspath(args.out)}"
    )
    return 0


def _cetak_hasil(h, fakta) -> None:
    print(("COCOK  " if h.cocok else "TIDAK COCOK  ") + h.pesan)
    for p in h.perubahan:
        print(f"    - {p}")
    _cetak_fakta(fakta)


def _cetak_fakta(fakta) -> None:
    if fakta:
        print("  Cocokkan dengan kertasnya:")
        for label, nilai in fakta:
            print(f"    {label:<24} {nilai}")


def run_verify(args: argparse.Namespace) -> int:
    from kinerja_desktop.services import evaluasi as sv
    from kinerja_desktop.services.cetak import verifikasi_kode
    from kinerja_desktop.services.uow import unit_of_work
    from kinerja_desktop.services.verifikasi_pdf import fakta_kode, verifikasi_pdf

    berkas = [s for s in args.sumber if os.path.isfile(s)]
    teks = " ".join(s for s in args.sumber if s not in berkas)
    pasangan = sv.urai_kode(teks)
    if not berkas and not pasangan:
        return fail("tidak ada kode dokumen/kode verifikasi yang dikenali.")
    db, actor = buka_sebagai(args)
    semua_cocok = True
    try:
        with unit_of_work(db.session_factory, actor) as session:
            for path in berkas:
                print(f"Berkas {path}:")
                for hp in verifikasi_pdf(session, actor, path):
                    _cetak_pdf(hp)
                    semua_cocok &= hp.cocok
            for dok, ver in pasangan:
                h = verifikasi_kode(session, actor, dok, ver)
                _cetak_hasil(h, fakta_kode(session, actor, dok, ver))
                semua_cocok &= h.cocok
    finally:
        db.close()
    return 0 if semua_cocok else 3


def _cetak_pdf(hp) -> None:
    halaman = f"hlm. {hp.halaman[0]}–{hp.halaman[-1]}" if hp.halaman else ""
    print(
        f"{'COCOK' if hp.cocok else 'TIDAK COCOK'}  {hp.kode.kode_dokumen} ({halaman}): {hp.pesan}"
    )
    for p in (*hp.selisih, *hp.kode.perubahan):
        print(f"    - {p}")
    _cetak_fakta(hp.fakta)
