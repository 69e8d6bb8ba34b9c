"""Regenerate ``siasn_export_nyata.csv``: ``python tests/exchange/samples/make_siasn_nyata.py``.

The same people as ``siasn_export_baik.csv`` (real SIASN "Export Data ASN" column set), written
with the pipe delimiter, and changed the way real offices' exports are (domain.md §2a); each
changed row is listed in ``KASUS`` below and in tests/exchange/test_siasn_nyata.py.
"""

from __future__ import annotations

import csv
from pathlib import Path

FOLDER = Path(__file__).resolve().parent

# row index in siasn_export_baik.csv -> the columns changed
KASUS: dict[int, dict[str, str]] = {
    # Struktural without eselon: inferred from JABATAN NAMA, "perkiraan, periksa"
    2: {"ESELON ID": "", "ESELON NAMA": ""},  # Kepala Seksi → Pengawas
    1: {"ESELON ID": "", "ESELON NAMA": ""},  # Sekretaris Kecamatan → Administrator
    # eselon V → Pengawas, flagged
    5: {"ESELON ID": "51", "ESELON NAMA": "V.a"},
    # only ESELON ID
    6: {"ESELON NAMA": ""},  # 42 → Pengawas, firm
    # nothing inferable → Pelaksana, "jenis jabatan perlu dilengkapi"
    3: {"ESELON ID": "", "ESELON NAMA": "", "JABATAN NAMA": "Koordinator Wilayah"},
    # old JF name and JF without jenjang → Fungsional, "jenjang perlu dilengkapi"
    7: {"JABATAN NAMA": "Guru Muda"},
    10: {"JABATAN NAMA": "Perencana"},
    # jenjang Pemula
    9: {"JABATAN NAMA": "Arsiparis Pemula"},
    # KEDUDUKAN HUKUM: leaving
    12: {"KEDUDUKAN HUKUM ID": "99", "KEDUDUKAN HUKUM NAMA": "Pensiun"},
    13: {"KEDUDUKAN HUKUM ID": "98", "KEDUDUKAN HUKUM NAMA": "Meninggal"},
    # KEDUDUKAN HUKUM: temporary absence (kept active in the roster, recorded)
    14: {"KEDUDUKAN HUKUM ID": "03", "KEDUDUKAN HUKUM NAMA": "CLTN"},
    15: {"KEDUDUKAN HUKUM ID": "04", "KEDUDUKAN HUKUM NAMA": "Tugas Belajar"},
    # KEDUDUKAN HUKUM with normal duties
    16: {"KEDUDUKAN HUKUM ID": "15", "KEDUDUKAN HUKUM NAMA": "Hukuman Disiplin"},
}


def main() -> None:
    with (FOLDER / "siasn_export_baik.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    for i, ubah in KASUS.items():
        rows[i].update(ubah)
    with (FOLDER / "siasn_export_nyata.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]), delimiter="|", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


if __name__ == "__main__":
    main()
