"""Backup and restore of the 10,000-pegawai database with an evidence store of 200 files
(200 MB, incompressible like real PDF/JPEG scans).

Run: ``python -m pytest tests/benchmarks/bench_cadangan.py -s`` or
``python tests/benchmarks/bench_cadangan.py [n_files] [mb_per_file]``.

Prints MB/s for: backup (online SQLite backup + zip + SHA-256 + fsync), checking a backup
(reading every member, hashes, integrity_check), restore (check + extract + automatic backup of
the current data + atomic swap), and each as a ratio to plainly copying the same files
(shutil.copyfile of the database + copytree of the evidence folder).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.generate import buat_data_besar  # noqa: E402

ULANG = 3


def _ukuran(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _waktu(fn, *args):
    t = time.perf_counter()
    hasil = fn(*args)
    return time.perf_counter() - t, hasil


def jalankan(n_files: int = 200, mb_per_file: float = 1.0) -> dict[str, float]:
    from kinerja_desktop.exchange import cadangan as c

    with tempfile.TemporaryDirectory(prefix="bench-cadangan-", dir=os.environ.get("TMPDIR")) as d:
        tmp = Path(d)
        db = buat_data_besar(tmp / "kinerja.sqlite")
        bukti = tmp / "kinerja-bukti"
        ukuran_berkas = int(mb_per_file * 1_048_576)
        rng = os.urandom(ukuran_berkas)
        for i in range(n_files):
            # distinct content per file, named as the content-addressed store names it
            data = i.to_bytes(8, "little") + rng[8:]
            sha = hashlib.sha256(data).hexdigest()
            sub = bukti / sha[:2]
            sub.mkdir(parents=True, exist_ok=True)
            (sub / sha).write_bytes(data)
        mb_db = _ukuran(db) / 1_048_576
        mb_bukti = _ukuran(bukti) / 1_048_576
        mb = mb_db + mb_bukti

        def salin(sync: bool) -> None:
            tujuan = tmp / f"salinan-{time.perf_counter_ns()}"
            tujuan.mkdir()
            shutil.copyfile(db, tujuan / db.name)
            shutil.copytree(bukti, tujuan / bukti.name)
            if sync:
                for p in tujuan.rglob("*"):
                    if p.is_file():
                        with p.open("rb") as fh:
                            os.fsync(fh.fileno())
            shutil.rmtree(tujuan)

        def median(fn, *args):
            hasil = [_waktu(fn, *args) for _ in range(ULANG)]
            return statistics.median(t for t, _ in hasil), hasil[-1][1]

        t_copy, _ = median(salin, False)
        t_copy_sync, _ = median(salin, True)
        out = tmp / "usb" / "kantor.kinerja-cadangan.zip"
        t_backup, info = median(c.buat_cadangan, None, db, bukti, out)
        mb_zip = out.stat().st_size / 1_048_576
        t_check, _ = median(c.periksa_cadangan, None, out)
        t_restore, hasil = median(c.pulihkan, None, out, db, bukti, tmp / "rotasi")
        assert hasil.info.jumlah["pegawai"] == info.jumlah["pegawai"] >= 10_000
        assert info.jumlah_bukti == n_files
        assert _ukuran(bukti) == int(mb_bukti * 1_048_576)

        angka = {
            "mb": mb,
            "copy_s": t_copy,
            "copy_sync_s": t_copy_sync,
            "backup_s": t_backup,
            "check_s": t_check,
            "restore_s": t_restore,
        }
        print()
        print(
            f"Data: basis data {mb_db:.1f} MB ({info.jumlah['pegawai']} pegawai, "
            f"{info.jumlah['audit']} catatan audit) + bukti {n_files} berkas {mb_bukti:.1f} MB "
            f"= {mb:.1f} MB; berkas cadangan {mb_zip:.1f} MB"
        )
        print(f"Median dari {ULANG} kali tiap langkah.")
        print(f"{'Langkah':<46}{'detik':>7}{'MB/s':>8}{'× salin':>9}{'× salin+fsync':>15}")
        for label, t in (
            ("Salin biasa (copyfile + copytree)", t_copy),
            ("Salin + fsync tiap berkas", t_copy_sync),
            ("Cadangkan (online backup, zip, SHA-256, fsync)", t_backup),
            ("Periksa cadangan (hash + integrity_check)", t_check),
            ("Pulihkan (periksa, cadangan otomatis, tukar)", t_restore),
        ):
            print(f"{label:<46}{t:>7.2f}{mb / t:>8.0f}{t / t_copy:>9.1f}{t / t_copy_sync:>15.1f}")
        return angka


def test_bench_cadangan():
    angka = jalankan()
    # generous sanity bounds: a backup must not be pathologically slower than copying
    assert angka["backup_s"] < 20 * angka["copy_s"] + 5


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    mb = float(sys.argv[2]) if len(sys.argv) > 2 else 1.0
    jalankan(n, mb)
