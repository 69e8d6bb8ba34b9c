"""`kinerja-desktop ringkasan --nip NIP --tahun 2025 [--json] --db PATH`: one pegawai's year as
the screens show it (SKP revisions, and per period the revision in force, IKI filled, realisasi
state and evaluation)."""

from __future__ import annotations

import argparse
from datetime import date

from kinerja_desktop.cli import add_db_argument
from kinerja_desktop.cli.masuk import add_akun_argument, buka_sebagai


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ringkasan", help="ringkasan satu tahun kinerja seorang pegawai (SKP, realisasi, evaluasi)"
    )
    add_db_argument(p)
    add_akun_argument(p)
    p.add_argument("--nip", required=True, help="NIP atau NI PPPK pegawai (boleh berspasi)")
    p.add_argument("--tahun", type=int, default=date.today().year, help="tahun SKP")
    p.add_argument("--json", action="store_true", help="keluaran JSON untuk diolah program lain")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import json

    from kinerja_desktop.services.ringkasan import ringkasan_tahun
    from kinerja_desktop.services.uow import run as jalankan

    db, actor = buka_sebagai(args)
    try:
        r = jalankan(db.session_factory, actor, ringkasan_tahun, args.nip, args.tahun)
    finally:
        db.close()
    if args.json:
        print(json.dumps(r.sebagai_json(), ensure_ascii=False, indent=2))
    else:
        print(teks(r))
    return 0


def teks(r) -> str:
    from kinerja_desktop.domain.nip import format_nip
    from kinerja_desktop.domain.predikat import Predikat
    from kinerja_desktop.domain.status import StatusEvaluasi, StatusRealisasi, StatusSkp
    from kinerja_desktop.domain.tanggal import format_tanggal

    baris = [f"{r.nama} · NIP {format_nip(r.nip)} · tahun {r.tahun}", "", "SKP:"]
    if not r.skp:
        baris.append("  (belum ada SKP)")
    for s in r.skp:
        nama = f"Revisi {s.revisi}" if s.revisi else "Awal"
        masa = (
            f"berlaku {format_tanggal(s.berlaku_mulai)} s.d. {format_tanggal(s.berlaku_sampai)}"
            if s.berlaku_mulai
            else "belum berlaku"
        )
        baris.append(f"  {nama:<10} {StatusSkp(s.status).label:<13} {masa}")
    baris += ["", "Periode:"]
    for p in r.periode:
        rev = "-" if p.revisi_berlaku is None else str(p.revisi_berlaku)
        ev = (
            f"evaluasi {StatusEvaluasi(p.evaluasi.status).label}"
            + (f", predikat {Predikat(p.evaluasi.predikat).label}" if p.evaluasi.predikat else "")
            if p.evaluasi
            else "belum dievaluasi"
        )
        baris.append(
            f"  {p.kode:<6} revisi {rev:<3} {p.iki_terisi} dari {p.iki} IKI terisi · "
            f"{StatusRealisasi(p.status_realisasi).label} · {ev}"
        )
    return "\n".join(baris)
