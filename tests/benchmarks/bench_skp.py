"""SKP benchmarks (not collected by default).

Run:  python -m pytest tests/benchmarks/bench_skp.py -s
  or  python tests/benchmarks/bench_skp.py

1. Print 500 SKP (demo office + generated SKPs): documents per second through the service
   (data from the database, document register, PDF) and the PDF alone, and the ratio to a bare
   ReportLab document with the same tables (no footer, QR code, watermark). Target ≤ 1.5×.
2. Open one SKP in the view on a 10,000-pegawai database with an SKP (5 RHK × 3 IKI) for
   every pegawai. Target ≤ 150 ms.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import time
import uuid
from datetime import date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import func, insert, select

from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.models import (
    EkspektasiPerilaku,
    Indikator,
    LampiranSkp,
    Pegawai,
    PenugasanPenilai,
    RencanaHasilKerja,
    RiwayatSkp,
    Skp,
)
from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.identitas import Identitas, SnapshotIdentitas
from kinerja_desktop.domain.peran import SISTEM

JUMLAH_CETAK = 500
TAHUN = date.today().year


# --- generators ------------------------------------------------------------------------------


def buat_roster_besar(db_path: Path, n_pegawai: int = 10_000, n_unit: int = 400) -> None:
    from tests.benchmarks.generate import buat_data_besar

    buat_data_besar(db_path, n_pegawai=n_pegawai, n_unit=n_unit)


def tambah_skp_massal(db_path: Path, tahun: int = TAHUN, rhk: int = 5, iki: int = 3) -> int:
    """An SKP (``rhk`` RHK × ``iki`` IKI, seven perilaku, lampiran) for every active pegawai that
    has a penilai, with Core bulk inserts. Returns the number of SKP added."""
    db = open_database(f"sqlite:///{db_path}")
    with db.engine.begin() as conn:
        penilai = dict(
            conn.execute(select(PenugasanPenilai.pegawai_id, PenugasanPenilai.penilai_id)).all()
        )
        pegawai = conn.execute(
            select(Pegawai.id, Pegawai.nama, Pegawai.nip, Pegawai.jabatan, Pegawai.golongan).where(
                Pegawai.aktif.is_(True)
            )
        ).all()
        nama = {p.id: p for p in pegawai}
        sudah = set(conn.scalars(select(Skp.pegawai_id).where(Skp.tahun == tahun)))
        skp_id = (conn.scalar(select(func.max(Skp.id))) or 0) + 1
        rhk_id = (conn.scalar(select(func.max(RencanaHasilKerja.id))) or 0) + 1
        s_rows, r_rows, i_rows, e_rows, l_rows, h_rows = [], [], [], [], [], []
        now = datetime(tahun, 1, 15, 9)

        def ident(p):
            return Identitas(p.nama, p.nip, p.golongan, p.jabatan, "Unit")

        for p in pegawai:
            if p.id in sudah or p.id not in penilai or penilai[p.id] not in nama:
                continue
            snap = SnapshotIdentitas(
                pegawai=ident(p),
                penilai=ident(nama[penilai[p.id]]),
                instansi="PEMERINTAH KABUPATEN CONTOH",
                tempat="Kota Contoh",
            )
            s_rows.append(
                {
                    "id": skp_id,
                    "uuid": str(uuid.uuid4()),
                    "pegawai_id": p.id,
                    "penilai_id": penilai[p.id],
                    "tahun": tahun,
                    "mulai": date(tahun, 1, 1),
                    "selesai": date(tahun, 12, 31),
                    "pendekatan": "KUANTITATIF",
                    "varian": "UMUM",
                    "status": "DITETAPKAN",
                    "revisi": 0,
                    "terkini": True,
                    "versi": 1,
                    "ditetapkan_pada": now,
                    "snapshot": snap.ke_json(),
                }
            )
            for n in range(rhk):
                r_rows.append(
                    {
                        "id": rhk_id,
                        "uuid": str(uuid.uuid4()),
                        "skp_id": skp_id,
                        "jenis": "UTAMA" if n < rhk - 1 else "TAMBAHAN",
                        "urutan": n + 1,
                        "uraian": f"Terlaksananya kegiatan pelayanan nomor {n + 1} sesuai standar",
                        "versi": 1,
                    }
                )
                for j in range(iki):
                    i_rows.append(
                        {
                            "uuid": str(uuid.uuid4()),
                            "rhk_id": rhk_id,
                            "urutan": j + 1,
                            "aspek": ("KUANTITAS", "KUALITAS", "WAKTU")[j % 3],
                            "uraian": f"Jumlah dokumen hasil kegiatan {n + 1}.{j + 1}",
                            "target_nilai": 12.0,
                            "target_satuan": "Dokumen",
                            "versi": 1,
                        }
                    )
                rhk_id += 1
            for u, nilai in enumerate(BERAKHLAK):
                e_rows.append(
                    {
                        "uuid": str(uuid.uuid4()),
                        "skp_id": skp_id,
                        "urutan": u,
                        "nilai": nilai.kode,
                        "ekspektasi": None,
                    }
                )
            for b in ("DUKUNGAN_SUMBER_DAYA", "SKEMA_PERTANGGUNGJAWABAN", "KONSEKUENSI"):
                l_rows.append(
                    {
                        "uuid": str(uuid.uuid4()),
                        "skp_id": skp_id,
                        "bagian": b,
                        "urutan": 0,
                        "teks": "Butir lampiran",
                    }
                )
            h_rows.append(
                {
                    "skp_id": skp_id,
                    "waktu": now,
                    "nama_pengguna": "sistem",
                    "dari_status": None,
                    "ke_status": "DITETAPKAN",
                }
            )
            skp_id += 1
        for model, rows in (
            (Skp, s_rows),
            (RencanaHasilKerja, r_rows),
            (Indikator, i_rows),
            (EkspektasiPerilaku, e_rows),
            (LampiranSkp, l_rows),
            (RiwayatSkp, h_rows),
        ):
            for k in range(0, len(rows), 5000):
                conn.execute(insert(model), rows[k : k + 5000])
    db.close()
    return len(s_rows)


# --- 1. printing -----------------------------------------------------------------------------


def _bare(data) -> bytes:
    """The same story built by a plain SimpleDocTemplate: no footer, QR, watermark."""
    from reportlab.platypus import SimpleDocTemplate

    from kinerja_desktop.reports.skp import story_skp
    from kinerja_desktop.reports.styles import (
        HALAMAN_POTRET,
        MARGIN_ATAS,
        MARGIN_BAWAH,
        MARGIN_KANAN,
        MARGIN_KIRI,
    )

    buf = io.BytesIO()
    SimpleDocTemplate(
        buf,
        pagesize=HALAMAN_POTRET,
        leftMargin=MARGIN_KIRI,
        rightMargin=MARGIN_KANAN,
        topMargin=MARGIN_ATAS,
        bottomMargin=MARGIN_BAWAH,
    ).build(story_skp(data))
    return buf.getvalue()


def bench_cetak(db_path: Path, n: int = JUMLAH_CETAK) -> dict[str, float]:
    from kinerja_desktop.reports.skp import render_skp
    from kinerja_desktop.services import skp as svc
    from kinerja_desktop.services.uow import run

    db = open_database(f"sqlite:///{db_path}")
    with db.session_factory() as s:
        ids = list(s.scalars(select(Skp.id).where(Skp.terkini.is_(True)).order_by(Skp.id)))
    ids = (ids * (n // max(len(ids), 1) + 1))[:n]
    # through the service (database + register + PDF), one transaction per document
    t0 = time.perf_counter()
    data = [run(db.session_factory, SISTEM, svc.siapkan_cetak, i) for i in ids]
    t_data = time.perf_counter() - t0
    # ours and bare alternate document by document, so load on the machine hits both alike
    t_pdf = t_bare = 0.0
    for d in data:
        t0 = time.perf_counter()
        render_skp(d)
        t1 = time.perf_counter()
        _bare(d)
        t2 = time.perf_counter()
        t_pdf += t1 - t0
        t_bare += t2 - t1
    db.close()
    hasil = {
        "dokumen": n,
        "data_s": t_data,
        "pdf_s": t_pdf,
        "bare_s": t_bare,
        "dok_per_detik_total": n / (t_data + t_pdf),
        "dok_per_detik_pdf": n / t_pdf,
        "rasio_vs_bare": t_pdf / t_bare,
    }
    print(
        f"\nCetak {n} SKP: data+register {t_data:.2f} s, PDF {t_pdf:.2f} s "
        f"({hasil['dok_per_detik_pdf']:.1f} dok/s; total {hasil['dok_per_detik_total']:.1f} "
        f"dok/s); ReportLab polos {t_bare:.2f} s → rasio {hasil['rasio_vs_bare']:.2f}× "
        "(target ≤ 1,5×)"
    )
    return hasil


# --- 2. opening one SKP in the view ----------------------------------------------------------


def bench_buka(db_path: Path, ulang: int = 15) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from kinerja_desktop.domain.peran import Actor, Peran
    from kinerja_desktop.services.context import AppContext
    from kinerja_desktop.ui.skp.view import SkpView

    app = QApplication.instance() or QApplication([])
    db = open_database(f"sqlite:///{db_path}")
    with db.session_factory() as s:
        jumlah = s.scalar(select(func.count(Pegawai.id)))
        skp = s.scalars(select(Skp).where(Skp.tahun == TAHUN).order_by(Skp.id.desc())).first()
        pegawai_id, skp_id = skp.pegawai_id, skp.id
    ctx = AppContext(db, Actor(nama="admin", peran=frozenset({Peran.ADMIN})))
    t0 = time.perf_counter()
    view = SkpView(ctx)
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    t_view = time.perf_counter() - t0
    waktu, waktu_pegawai = [], []
    for _ in range(ulang):
        t0 = time.perf_counter()
        view.editor.tampilkan(skp_id)
        app.processEvents()
        waktu.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        view.buka_skp(pegawai_id, skp_id)  # choose the pegawai, list his SKP, open it
        app.processEvents()
        waktu_pegawai.append(time.perf_counter() - t0)
    view.close()
    db.close()
    hasil = {
        "pegawai": jumlah,
        "buat_view_ms": t_view * 1000,
        "buka_skp_ms": statistics.median(waktu) * 1000,
        "pilih_pegawai_dan_buka_ms": statistics.median(waktu_pegawai) * 1000,
    }
    print(
        f"\nBasis data {jumlah} pegawai: membuat view"
        f" {t_view * 1000:.0f} ms; buka satu SKP (median) {hasil['buka_skp_ms']:.1f} ms; "
        f"pilih pegawai + daftar + buka {hasil['pilih_pegawai_dan_buka_ms']:.1f} ms "
        "(target ≤ 150 ms)"
    )
    return hasil


# --- entry points ----------------------------------------------------------------------------


def _demo_plus(db_path: Path) -> None:
    from kinerja_desktop.demo import buat_demo

    db = open_database(f"sqlite:///{db_path}")
    buat_demo(db, TAHUN)
    db.close()


def test_bench_cetak(tmp_path):
    path = tmp_path / "demo.sqlite"
    _demo_plus(path)
    hasil = bench_cetak(path)
    assert hasil["rasio_vs_bare"] <= 1.5


def test_bench_buka_skp(tmp_path):
    path = tmp_path / "besar.sqlite"
    buat_roster_besar(path)
    n = tambah_skp_massal(path)
    print(f"\n{n} SKP (5 RHK × 3 IKI) ditambahkan")
    hasil = bench_buka(path)
    assert hasil["buka_skp_ms"] <= 150


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        test_bench_cetak(Path(d))
        test_bench_buka_skp(Path(d))
