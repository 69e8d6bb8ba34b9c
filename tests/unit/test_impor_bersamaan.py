"""Attack: two roster imports at once (two threads, two processes), each file bringing the same
new units. Every unit exists once afterwards; every pegawai is imported."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from kinerja_desktop.db.models import Pegawai, UnitKerja
from kinerja_desktop.domain.tugas import StatusTugas
from kinerja_desktop.services import impor_pegawai as io

SAMPLES = Path(__file__).parents[1] / "exchange" / "samples"
SIASN = SAMPLES / "siasn_export_baik.csv"


def _belah(tmp_path: Path) -> tuple[Path, Path]:
    """Two files with different pegawai whose units mostly overlap (4 of 7 in both)."""
    with SIASN.open(encoding="utf-8", newline="") as f:
        baca = csv.reader(f)
        kepala = next(baca)
        rows = list(baca)
    hasil = []
    for nama, bagian in (("genap.csv", rows[::2]), ("ganjil.csv", rows[1::2])):
        path = tmp_path / nama
        with path.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows([kepala, *bagian])
        hasil.append(path)
    return hasil[0], hasil[1]


def _periksa(db) -> None:
    with db.session_factory() as s:
        units = s.execute(select(UnitKerja.nama, UnitKerja.induk_id, UnitKerja.kode)).all()
        pegawai = s.scalar(select(func.count(Pegawai.id)))
    ganda = [u for u, n in Counter((n, i) for n, i, _k in units).items() if n > 1]
    kode_ganda = [k for k, n in Counter(k for _n, _i, k in units if k).items() if n > 1]
    assert ganda == [] and kode_ganda == [], units
    assert pegawai == 22


def test_two_threads_with_previews_made_before_either_applies(db, admin, tmp_path):
    """The odd rows name "Kecamatan Rimbo Bujang" under "Pemerintah Kabupaten Tebo", the even
    ones without a parent: whichever applies second finds it by its UNOR ID."""
    a, b = _belah(tmp_path)
    pratinjau = [io.pratinjau_worker(StatusTugas(), db.session_factory, admin, p) for p in (a, b)]
    assert all(p.unit_baru for p in pratinjau)  # both plan to create the shared units
    mulai = threading.Barrier(2)
    galat: list[BaseException] = []
    hasil = []

    def terapkan(p) -> None:
        mulai.wait()
        try:
            hasil.append(io.impor_worker(StatusTugas(), db.session_factory, admin, p))
        except BaseException as exc:  # reported below
            galat.append(exc)

    utas = [threading.Thread(target=terapkan, args=(p,)) for p in pratinjau]
    for t in utas:
        t.start()
    for t in utas:
        t.join()
    assert galat == []
    assert sum(h.ditambah for h in hasil) == 22
    _periksa(db)
    with db.session_factory() as s:  # the shared units were made by the first one only
        assert sum(h.unit_dibuat for h in hasil) == s.scalar(select(func.count(UnitKerja.id)))


def test_two_processes_import_at_once(db, tmp_path, akun_cli):
    a, b = _belah(tmp_path)
    akun_cli(db)
    db.close()
    perintah = [sys.executable, "-m", "kinerja_desktop", "--db", str(db.path), "import-pegawai"]
    proses = [
        subprocess.Popen([*perintah, str(p)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, env=os.environ.copy())
        for p in (a, b)
    ]  # fmt: skip
    for p in proses:
        _out, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
    _periksa(db)
