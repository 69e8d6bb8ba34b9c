"""Evaluation benchmarks on the 10,000-pegawai database (not collected by default).

Run:  python tests/benchmarks/bench_evaluasi.py        (or python -m pytest ... -s)

1. Batch printing of 1,000 pegawai, both forms each (2,000 documents) into one merged PDF:
   documents per second, and the peak memory (max RSS of a fresh process, plus RSS sampled at
   10 % / 50 % / 100 % of the run) for 100 vs 1,000 pegawai — it must stay flat.
2. The distribution check (counts per predikat, percentages, SE 3/2023 rule, names of the
   over-represented class) for a 400-pegawai unit. Target ≤ 100 ms.

Data: the roster generator (tests/benchmarks/generate.py, 10,000 pegawai in 400 units), then
this file's own Core bulk inserts: periods of 2025, an SKP (3 RHK × 2 IKI, ditetapkan) with
realisasi for TW1 and an evaluation (final, predikat from the matrix, 7 perilaku feedback rows,
identity snapshot) for every pegawai that has a penilai, and a 400-pegawai test unit.
"""

from __future__ import annotations

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import insert, select, update

from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.models import (
    EkspektasiPerilaku,
    Evaluasi,
    EvaluasiPerilaku,
    Indikator,
    Pegawai,
    Pengaturan,
    PenugasanPenilai,
    Periode,
    PredikatOrganisasi,
    Realisasi,
    RencanaHasilKerja,
    Skp,
    UnitKerja,
)
from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.golongan import label_pangkat_golongan
from kinerja_desktop.domain.identitas import Identitas, SnapshotIdentitas
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.domain.periode import buat_periode
from kinerja_desktop.domain.predikat import Rating, predikat_kinerja

TAHUN = 2025
CACHE = Path(os.environ.get("KINERJA_BENCH_CACHE", "/tmp/kinerja-bench"))
DB_EVAL = CACHE / "evaluasi-v1-10000.sqlite"
UNIT_UJI = "Unit Uji Distribusi 400"


def _uid() -> str:
    return str(uuid.uuid4())


def _status_kb(kunci: str) -> int:
    with open("/proc/self/status") as f:
        for baris in f:
            if baris.startswith(kunci + ":"):
                return int(baris.split()[1])
    return 0


def _rss_kb() -> int:
    return _status_kb("VmRSS")


def _puncak_kb() -> int:
    """Peak RSS of this process image (VmHWM). Unlike getrusage's ru_maxrss it is not
    inherited from the parent across fork/exec."""
    return _status_kb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def siapkan_db() -> Path:
    """The generated roster plus evaluations (cached)."""
    if DB_EVAL.exists():
        return DB_EVAL
    from tests.benchmarks.generate import buat_data_besar

    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = CACHE / f"evaluasi.{os.getpid()}.tmp.sqlite"
    buat_data_besar(tmp, n_pegawai=10_000, n_unit=400)
    db = open_database(f"sqlite:///{tmp}")
    rng = random.Random(5)
    t0 = time.perf_counter()
    now = datetime(2025, 4, 10, 9, 0)
    with db.engine.begin() as conn:
        ada = set(conn.execute(select(Pengaturan.kunci)).scalars())
        for kunci, nilai in (("instansi", "PEMERINTAH KABUPATEN TEBO"), ("tempat", "Muara Tebo")):
            if kunci not in ada:
                conn.execute(insert(Pengaturan).values(kunci=kunci, nilai=nilai))
        periode_id = {}
        for spec in buat_periode(TAHUN, "TRIWULAN"):
            r = conn.execute(
                insert(Periode).values(
                    uuid=_uid(),
                    tahun=TAHUN,
                    jenis="TRIWULAN",
                    kode=spec.kode,
                    nama=spec.nama,
                    nomor=spec.nomor,
                    mulai=spec.mulai,
                    selesai=spec.selesai,
                    batas_pengisian=spec.selesai,
                    akhir=spec.akhir,
                    versi=1,
                )
            )
            periode_id[spec.kode] = r.inserted_primary_key[0]
        tw1 = periode_id["TW1"]
        units = dict(conn.execute(select(UnitKerja.id, UnitKerja.nama)).all())
        penilai = dict(
            conn.execute(
                select(PenugasanPenilai.pegawai_id, PenugasanPenilai.penilai_id).where(
                    PenugasanPenilai.jenis == "DEFINITIF", PenugasanPenilai.selesai.is_(None)
                )
            ).all()
        )
        peg = {
            r.id: r
            for r in conn.execute(
                select(
                    Pegawai.id,
                    Pegawai.nip,
                    Pegawai.nama,
                    Pegawai.gelar_depan,
                    Pegawai.gelar_belakang,
                    Pegawai.golongan,
                    Pegawai.status,
                    Pegawai.jabatan,
                    Pegawai.unit_kerja_id,
                )
            )
        }

        def idn(pid: int | None) -> Identitas | None:
            if pid is None or pid not in peg:
                return None
            p = peg[pid]
            return Identitas(
                nama=nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang),
                nip=p.nip,
                pangkat_golongan=label_pangkat_golongan(p.golongan, p.status),
                jabatan=p.jabatan,
                unit_kerja=units[p.unit_kerja_id],
                ppk=p.status == "PPPK",
            )

        dinilai = [pid for pid in peg if pid in penilai]
        skp_rows = [
            dict(
                uuid=_uid(),
                pegawai_id=pid,
                penilai_id=penilai[pid],
                tahun=TAHUN,
                mulai=date(TAHUN, 1, 1),
                selesai=date(TAHUN, 12, 31),
                pendekatan="KUANTITATIF",
                varian="UMUM",
                status="DITETAPKAN",
                revisi=0,
                terkini=True,
                snapshot="{}",
                versi=1,
                dibuat_pada=now,
                diubah_pada=now,
            )
            for pid in dinilai
        ]
        conn.execute(insert(Skp), skp_rows)
        skp_id = dict(conn.execute(select(Skp.pegawai_id, Skp.id).order_by(Skp.id)).all())
        rhk = []
        for pid in dinilai:
            for j in range(3):
                rhk.append(
                    dict(
                        uuid=_uid(),
                        skp_id=skp_id[pid],
                        jenis="UTAMA" if j < 2 else "TAMBAHAN",
                        urutan=j,
                        uraian=f"Tersusunnya dokumen kinerja bidang nomor {j + 1} "
                        "yang tepat waktu dan berkualitas",
                        versi=1,
                        dibuat_pada=now,
                        diubah_pada=now,
                    )
                )
        conn.execute(insert(RencanaHasilKerja), rhk)
        baru = list(skp_id.values())
        rhk_ids = (
            conn.execute(select(RencanaHasilKerja.id).where(RencanaHasilKerja.skp_id.in_(baru)))
            .scalars()
            .all()
        )
        ind = []
        for rid in rhk_ids:
            ind.append(
                dict(
                    uuid=_uid(),
                    rhk_id=rid,
                    urutan=0,
                    aspek="KUANTITAS",
                    uraian="Jumlah dokumen yang diselesaikan",
                    target_nilai=4,
                    target_satuan="Dokumen",
                    versi=1,
                    dibuat_pada=now,
                    diubah_pada=now,
                )
            )
            ind.append(
                dict(
                    uuid=_uid(),
                    rhk_id=rid,
                    urutan=1,
                    aspek="KUALITAS",
                    uraian="Persentase dokumen yang disetujui tanpa revisi",
                    target_nilai=100,
                    target_satuan="%",
                    versi=1,
                    dibuat_pada=now,
                    diubah_pada=now,
                )
            )
        conn.execute(insert(Indikator), ind)
        ind_ids = (
            conn.execute(
                select(Indikator.id)
                .join(RencanaHasilKerja, RencanaHasilKerja.id == Indikator.rhk_id)
                .where(RencanaHasilKerja.skp_id.in_(baru))
            )
            .scalars()
            .all()
        )
        conn.execute(
            insert(Realisasi),
            [
                dict(
                    uuid=_uid(),
                    indikator_id=i,
                    periode_id=tw1,
                    nilai=rng.choice([1, 2, 90, 100]),
                    narasi="Sesuai laporan triwulan",
                    status="DIAJUKAN",
                    diisi_pada=now,
                    terlambat=False,
                    versi=1,
                    dibuat_pada=now,
                    diubah_pada=now,
                )
                for i in ind_ids
            ],
        )
        eksp = [
            dict(
                uuid=_uid(),
                skp_id=skp_id[pid],
                urutan=k,
                nilai=n.kode,
                ekspektasi="Melayani dengan ramah" if k == 0 else None,
            )
            for pid in dinilai
            for k, n in enumerate(BERAKHLAK)
        ]
        conn.execute(insert(EkspektasiPerilaku), eksp)
        bobot = [
            (("SESUAI", "SESUAI"), 60),
            (("DI_ATAS", "DI_ATAS"), 15),
            (("DI_ATAS", "SESUAI"), 10),
            (("DI_BAWAH", "SESUAI"), 10),
            (("SESUAI", "DI_BAWAH"), 4),
            (("DI_BAWAH", "DI_BAWAH"), 1),
        ]
        evs = []
        for pid in dinilai:
            ((rh, rp),) = rng.choices([b for b, _ in bobot], [w for _, w in bobot])
            atasan = penilai.get(penilai[pid])
            snap = SnapshotIdentitas(
                pegawai=idn(pid),
                penilai=idn(penilai[pid]),
                atasan_penilai=idn(atasan),
                instansi="PEMERINTAH KABUPATEN TEBO",
                tempat="Muara Tebo",
            )
            evs.append(
                dict(
                    uuid=_uid(),
                    skp_id=skp_id[pid],
                    periode_id=tw1,
                    pegawai_id=pid,
                    penilai_id=penilai[pid],
                    rating_hasil_kerja=rh,
                    rating_perilaku=rp,
                    predikat=predikat_kinerja(Rating(rh), Rating(rp)).value,
                    catatan="Pertahankan kinerja.",
                    status="FINAL",
                    difinalkan_pada=now,
                    snapshot=snap.ke_json(),
                    versi=1,
                    dibuat_pada=now,
                    diubah_pada=now,
                )
            )
        conn.execute(insert(Evaluasi), evs)
        ev_ids = dict(conn.execute(select(Evaluasi.pegawai_id, Evaluasi.id)).all())
        conn.execute(
            insert(EvaluasiPerilaku),
            [
                dict(
                    uuid=_uid(),
                    evaluasi_id=ev_ids[pid],
                    urutan=k,
                    nilai=n.kode,
                    umpan_balik="Sesuai ekspektasi" if k % 2 == 0 else None,
                )
                for pid in dinilai
                for k, n in enumerate(BERAKHLAK)
            ],
        )
        # the 400-pegawai test unit: its own head (rated by the unit's parent head) + 399
        induk = conn.execute(select(UnitKerja.id).where(UnitKerja.induk_id.is_(None))).scalar()
        uid = conn.execute(
            insert(UnitKerja).values(
                uuid=_uid(),
                nama=UNIT_UJI,
                induk_id=induk,
                urutan=999,
                aktif=True,
                versi=1,
                dibuat_pada=now,
                diubah_pada=now,
            )
        ).inserted_primary_key[0]
        pilihan = [pid for pid in dinilai if penilai.get(pid) and pid in ev_ids][:400]
        conn.execute(
            update(Pegawai)
            .where(Pegawai.id.in_(pilihan))
            .values(unit_kerja_id=uid, kepala_unit=False)
        )
        conn.execute(update(Pegawai).where(Pegawai.id == pilihan[0]).values(kepala_unit=True))
        conn.execute(
            insert(PredikatOrganisasi).values(
                uuid=_uid(),
                unit_kerja_id=uid,
                periode_id=tw1,
                predikat="BAIK",
                ditetapkan_oleh_id=penilai[pilihan[0]],
                versi=1,
                dibuat_pada=now,
                diubah_pada=now,
            )
        )
    db.close()
    print(f"data evaluasi dibuat dalam {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    for suffix in ("-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    tmp.replace(DB_EVAL)
    return DB_EVAL


def _salin(src: Path) -> Path:
    import shutil

    d = Path(tempfile.mkdtemp(prefix="bench-eval-"))
    dst = d / "kinerja.sqlite"
    shutil.copyfile(src, dst)
    return dst


def jalankan_batch(db_path: Path, n: int, satu_file: bool, out: Path) -> dict:
    """One batch in this process: time, documents/s and RSS samples."""
    from kinerja_desktop.domain.tugas import StatusTugas
    from kinerja_desktop.services.cetak import cetak_batch

    db = open_database(f"sqlite:///{db_path}")
    with db.session_factory() as s:
        periode = s.scalar(select(Periode.id).where(Periode.tahun == TAHUN, Periode.kode == "TW1"))
        akar = s.scalar(select(UnitKerja.id).where(UnitKerja.induk_id.is_(None)))
        ids = s.scalars(
            select(Evaluasi.id).where(Evaluasi.periode_id == periode).order_by(Evaluasi.id).limit(n)
        ).all()
    sampel: dict[str, int] = {"awal": _rss_kb()}

    def lapor(done: int, total: int, _pesan: str) -> None:
        for label, frac in (("10%", 0.1), ("50%", 0.5), ("100%", 1.0)):
            if label not in sampel and total and done >= frac * total:
                sampel[label] = _rss_kb()

    hasil = cetak_batch(
        StatusTugas(lapor),
        db.session_factory,
        SISTEM,
        akar,
        periode,
        out,
        satu_file=satu_file,
        evaluasi_ids=list(ids),
    )
    db.close()
    return {
        "pegawai": hasil.jumlah_pegawai,
        "dokumen": hasil.jumlah_dokumen,
        "halaman": hasil.jumlah_halaman,
        "detik": round(hasil.detik, 1),
        "dok_per_detik": round(hasil.dokumen_per_detik, 1),
        "rss_kb": sampel,
        "puncak_kb": _puncak_kb(),
        "ukuran_mb": round(sum(Path(b).stat().st_size for b in hasil.berkas) / 1e6, 1),
    }


def batch_di_proses_baru(db_path: Path, n: int, satu_file: bool) -> dict:
    out = Path(tempfile.mkdtemp(prefix="bench-eval-out-"))
    kode = (
        f"import sys, json; sys.path.insert(0, {str(Path(__file__).parents[2])!r});"
        f"from tests.benchmarks.bench_evaluasi import jalankan_batch; from pathlib import Path;"
        f"print(json.dumps(jalankan_batch(Path({str(db_path)!r}), {n}, {satu_file}, "
        f"Path({str(out)!r}))))"
    )
    r = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def ukur_distribusi(db_path: Path, ulang: int = 20) -> dict:
    from kinerja_desktop.services import evaluasi as sv

    db = open_database(f"sqlite:///{db_path}")
    with db.session_factory() as s:
        unit = s.scalar(select(UnitKerja.id).where(UnitKerja.nama == UNIT_UJI))
        periode = s.scalar(select(Periode.id).where(Periode.tahun == TAHUN, Periode.kode == "TW1"))
    waktu = []
    hasil = None
    for _ in range(ulang):
        with db.session_factory() as s:
            t0 = time.perf_counter()
            hasil = sv.distribusi_unit(s, SISTEM, unit, periode)
            waktu.append((time.perf_counter() - t0) * 1000)
    db.close()
    assert hasil is not None
    return {
        "pegawai_unit": hasil.total_pegawai,
        "dinilai": hasil.total_dinilai,
        "median_ms": round(statistics.median(waktu), 1),
        "maks_ms": round(max(waktu), 1),
        "pelanggaran": [a.uraian for a in hasil.hasil.pelanggaran] if hasil.hasil else [],
        "nama_kelas_berlebih": sum(len(k.pegawai) for k in hasil.kelas_berlebih),
    }


def main() -> None:
    sumber = siapkan_db()
    db_path = _salin(sumber)
    dist = ukur_distribusi(db_path)
    print(
        f"Distribusi unit {dist['pegawai_unit']} pegawai ({dist['dinilai']} dinilai): "
        f"median {dist['median_ms']} ms, maks {dist['maks_ms']} ms (target ≤ 100 ms); "
        f"pelanggaran: {dist['pelanggaran']}; nama di kelas berlebih: "
        f"{dist['nama_kelas_berlebih']}"
    )
    for n in (100, 1000):
        h = batch_di_proses_baru(db_path, n, True)
        print(
            f"Cetak massal {n} pegawai, satu berkas: {h['dokumen']} dokumen, {h['halaman']} "
            f"halaman, {h['detik']} s, {h['dok_per_detik']} dokumen/detik, "
            f"{h['ukuran_mb']} MB; RSS awal/10%/50%/100% = "
            f"{[round(v / 1024) for v in h['rss_kb'].values()]} MB; puncak (VmHWM) "
            f"{round(h['puncak_kb'] / 1024)} MB"
        )
    h = batch_di_proses_baru(db_path, 100, False)
    print(
        f"Cetak massal 100 pegawai, berkas per pegawai: {h['dok_per_detik']} dokumen/detik; "
        f"puncak (VmHWM) {round(h['puncak_kb'] / 1024)} MB"
    )


def test_bench_evaluasi() -> None:
    main()


if __name__ == "__main__":
    main()
