"""Spreadsheet reading and writing (exchange/tabular.py) on 10,000 rows, as ratios to the plain
library doing the same work (not collected by default).

Run:  python -m pytest tests/benchmarks/bench_tabular.py -s
 or   python tests/benchmarks/bench_tabular.py

Reports, each the median of a few runs:

1. read_table of a 10,000-row SIASN CSV (header search, column mapping, encoding and delimiter
   detection, progress/cancel checks) against csv.reader reading the same file into lists.
   Target ≤ 2 s (was an assertion of tests/exchange/test_tabular.py).
2. write_xlsx of 10,000 rows × 12 columns (NIP as text, a date column, header styles, frozen
   panes, filter) against a bare openpyxl write-only workbook appending the same values.
   Target ≤ 6 s (likewise).
"""

from __future__ import annotations

import csv
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.benchmarks.generate import buat_csv_siasn  # noqa: E402

ULANG = 3
BARIS = 10_000


def _median(fn: Callable[[], object]) -> float:
    waktu = []
    for _ in range(ULANG):
        t = time.perf_counter()
        fn()
        waktu.append(time.perf_counter() - t)
    return statistics.median(waktu)


def _baris_xlsx() -> list[list[object]]:
    d = dt.date(2020, 1, 1)
    return [
        [f"1971051219960310{i % 100:02d}", d] + [f"nilai {j}" for j in range(10)]
        for i in range(BARIS)
    ]


def ukur_baca(tmp: Path) -> dict[str, float]:
    from kinerja_desktop.exchange.pegawai.kolom import KOLOM_DIKENAL
    from kinerja_desktop.exchange.tabular import read_table

    path = buat_csv_siasn(tmp / "siasn.csv", BARIS)

    def polos() -> None:
        with path.open(encoding="utf-8", newline="") as f:
            list(csv.reader(f))

    def baca() -> None:
        t = read_table(path, KOLOM_DIKENAL, ("nip", "nama"))
        assert len(t.rows) == BARIS

    return {"polos": _median(polos), "tabular": _median(baca)}


def ukur_tulis(tmp: Path) -> dict[str, float]:
    from openpyxl import Workbook

    from kinerja_desktop.exchange.tabular import KolomEkspor, write_xlsx

    kolom = [KolomEkspor(f"K{i}", 12, teks=(i == 0), format_tanggal=(i == 1)) for i in range(12)]
    rows = _baris_xlsx()

    def polos() -> None:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Data")
        ws.append([k.nama for k in kolom])
        for r in rows:
            ws.append(r)
        wb.save(tmp / "polos.xlsx")

    def tulis() -> None:
        write_xlsx(tmp / "tabular.xlsx", "Data", kolom, iter(rows))

    return {"polos": _median(polos), "tabular": _median(tulis)}


def main() -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory(prefix="bench-tabular-") as d:
        tmp = Path(d)
        baca = ukur_baca(tmp)
        tulis = ukur_tulis(tmp)
    print()
    print(f"Median dari {ULANG} kali, {BARIS} baris.")
    print(f"{'Langkah':<44}{'polos':>8}{'tabular':>9}{'rasio':>7}{'target':>9}  OK")
    for label, h, target in (
        ("Baca CSV SIASN (read_table vs csv.reader)", baca, 2.0),
        ("Tulis .xlsx 12 kolom (write_xlsx vs openpyxl)", tulis, 6.0),
    ):
        rasio = h["tabular"] / h["polos"]
        ok = "ya" if h["tabular"] <= target else "TIDAK"
        print(
            f"{label:<44}{h['polos']:>7.2f}s{h['tabular']:>8.2f}s{rasio:>6.1f}×"
            f"{f'≤ {target:.0f} s':>9}  {ok}"
        )
    return {"baca": baca, "tulis": tulis}


def test_bench_tabular() -> None:
    hasil = main()
    assert hasil["baca"]["tabular"] > 0 and hasil["tulis"]["tabular"] > 0


if __name__ == "__main__":
    main()
