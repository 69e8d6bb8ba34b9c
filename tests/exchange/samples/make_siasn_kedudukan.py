"""Regenerate ``siasn_export_kedudukan.csv`` and ``.xlsx``:
``python tests/exchange/samples/make_siasn_kedudukan.py``.

The same office as ``siasn_export_nyata.csv`` in a later SIASN "Export Data ASN" (the real
column set), once as a tab-delimited CSV and once as the .xlsx SIASN also offers: the
KEDUDUKAN HUKUM cases of domain.md §2a that file does not have, and a return from an absence.
Each changed row is listed in ``KASUS`` below and in tests/exchange/test_siasn_kedudukan.py.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from openpyxl import Workbook

FOLDER = Path(__file__).resolve().parent
TETAP = dt.datetime(2025, 7, 7, 8, 0, 0)  # fixed document dates, so files change only with data

# row index in siasn_export_nyata.csv -> the columns changed
KASUS: dict[int, dict[str, str]] = {
    # temporary absences: kept, out of SKP duties
    4: {"KEDUDUKAN HUKUM ID": "05", "KEDUDUKAN HUKUM NAMA": "Pemberhentian Sementara"},
    8: {"KEDUDUKAN HUKUM ID": "06", "KEDUDUKAN HUKUM NAMA": "Masa Persiapan Pensiun"},
    # leaving, under the long names SIASN uses (the table's prefix decides)
    11: {
        "KEDUDUKAN HUKUM ID": "66",
        "KEDUDUKAN HUKUM NAMA": "Pemberhentian Dengan Hormat Tidak Atas Permintaan Sendiri",
    },
    17: {"KEDUDUKAN HUKUM ID": "77", "KEDUDUKAN HUKUM NAMA": "Diberhentikan Tidak Dengan Hormat"},
    # back from the CLTN of the earlier file
    14: {"KEDUDUKAN HUKUM ID": "01", "KEDUDUKAN HUKUM NAMA": "Aktif"},
}


def main() -> None:
    with (FOLDER / "siasn_export_nyata.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="|"))
    for i, ubah in KASUS.items():
        rows[i].update(ubah)
    kolom = list(rows[0])
    with (FOLDER / "siasn_export_kedudukan.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=kolom, delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    wb = Workbook()
    ws = wb.active
    ws.title = "Data ASN"
    ws.append(kolom)
    for r in rows:
        ws.append([r[k] for k in kolom])  # SIASN writes every cell as text
    wb.properties.created = wb.properties.modified = TETAP
    wb.save(FOLDER / "siasn_export_kedudukan.xlsx")


if __name__ == "__main__":
    main()
