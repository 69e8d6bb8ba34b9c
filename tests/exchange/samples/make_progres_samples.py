"""Regenerate the progres_* sample files: ``python tests/exchange/samples/make_progres_samples.py``.

The NIPs belong to the pegawai that tests/exchange/test_progres_io.py creates (Budi Santoso,
198005172005031001; Siti Rahmawati 197502032000032001). The broken file breaks one thing per
row; the expected (row, column) pairs are listed in RUSAK and asserted by the tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

FOLDER = Path(__file__).resolve().parent
NIP_BUDI = "198005172005031001"
NIP_SITI = "197502032000032001"

HEADER_PROGRES = [
    "NIP",
    "Tanggal",
    "Uraian Kegiatan",
    "Kode RHK/IKI",
    "Kuantitas",
    "Satuan",
    "Tautan Bukti",
]

BAIK = [
    [
        NIP_BUDI,
        dt.datetime(2025, 3, 3),
        "Menyusun draf laporan keuangan Februari",
        "1.1",
        1,
        "laporan",
        None,
    ],
    [NIP_BUDI, "04-03-2025", "Memeriksa SPJ bendahara pengeluaran", "1.2", 20, "%", None],
    [
        NIP_BUDI,
        "5 Maret 2025",
        "Rapat koordinasi dengan BPKAD",
        "1",
        None,
        None,
        "https://drive.google.com/file/d/rapat-bpkad",
    ],
    [
        NIP_BUDI,
        dt.datetime(2025, 3, 6),
        "Pembinaan bendahara desa Sido Rejo",
        "2.1",
        1,
        "kegiatan",
        None,
    ],
    [
        NIP_BUDI,
        dt.datetime(2025, 3, 7),
        "Finalisasi laporan keuangan Februari",
        "1.1",
        1,
        None,
        None,
    ],
]

# (row in the sheet, column header expected in the problem list)
RUSAK = [
    (3, "NIP"),  # unknown NIP
    (4, "Tanggal"),  # 31-02-2025 is not a date
    (5, "Kode RHK/IKI"),  # code 9.9 not in the SKP
    (6, "Kuantitas"),  # "banyak"
    (7, "Uraian Kegiatan"),  # empty description
    (8, "Tautan Bukti"),  # not a http(s) link
    (9, "NIP"),  # NIP of somebody else (not allowed for a pegawai)
    (10, "NIP"),  # NIP mangled by Excel (float)
    (11, "Tanggal"),  # a date in the future
]
RUSAK_BARIS = [
    [NIP_BUDI, dt.datetime(2025, 3, 3), "Baris ini benar", "1.1", 1, "laporan", None],
    ["199901012020011999", dt.datetime(2025, 3, 3), "NIP tidak dikenal", "1.1", 1, None, None],
    [NIP_BUDI, "31-02-2025", "Tanggal tidak ada", "1.1", 1, None, None],
    [NIP_BUDI, dt.datetime(2025, 3, 4), "Kode salah", "9.9", 1, None, None],
    [NIP_BUDI, dt.datetime(2025, 3, 4), "Kuantitas bukan angka", "1.1", "banyak", None, None],
    [NIP_BUDI, dt.datetime(2025, 3, 4), None, "1.1", 1, None, None],
    [NIP_BUDI, dt.datetime(2025, 3, 4), "Tautan salah", "1", None, None, "drive.google/abc"],
    [NIP_SITI, dt.datetime(2025, 3, 4), "Data atasan", "1", None, None, None],
    [1.98005172005031e17, dt.datetime(2025, 3, 4), "NIP jadi angka", "1", None, None, None],
    [NIP_BUDI, dt.datetime(2030, 1, 1), "Masa depan", "1", None, None, None],
]

HEADER_REALISASI = ["NIP", "Periode", "Kode IKI", "Realisasi", "Uraian Realisasi", "Tautan Bukti"]
REALISASI_BAIK = [
    [NIP_BUDI, "TW1", "1.1", 3, None, None],
    [NIP_BUDI, "TW1", "1.2", "97,5", None, "https://drive.google.com/file/d/spj"],
    [NIP_BUDI, "TW1", "2.1", None, "Pembinaan bendahara desa dilaksanakan dua kali", None],
    [NIP_BUDI, "TW2", "1.1", 6, None, None],
]


def _tulis(nama: str, header: list, rows: list, judul: str | None = None) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    if judul:
        ws.append([judul])
        ws.append([])
    ws.append(header)
    for c in ws[ws.max_row]:
        c.font = Font(bold=True)
    for r in rows:
        ws.append(r)
    # NIP column as text, as the template makes it
    for row in ws.iter_rows(min_row=2, max_col=1):
        for c in row:
            if isinstance(c.value, str):
                c.number_format = "@"
    wb.properties.created = dt.datetime(2025, 1, 6, 8, 0, 0)
    wb.properties.modified = dt.datetime(2025, 1, 6, 8, 0, 0)
    wb.save(FOLDER / nama)


def main() -> None:
    _tulis("progres_baik.xlsx", HEADER_PROGRES, BAIK, judul="Progres harian Maret 2025")
    _tulis("progres_rusak.xlsx", HEADER_PROGRES, RUSAK_BARIS)
    _tulis("progres_realisasi_baik.xlsx", HEADER_REALISASI, REALISASI_BAIK)
    with (FOLDER / "progres_baik.csv").open("w", encoding="utf-8-sig", newline="") as f:
        f.write("NIP;Tanggal;Uraian;Kode RHK;Jumlah;Satuan\n")
        f.write(f"'{NIP_BUDI};10-03-2025;Menyusun laporan kas;1.1;1;laporan\n")
        f.write(f"{NIP_BUDI};11/03/2025;Verifikasi SPJ;1.2;15;%\n")


if __name__ == "__main__":
    main()
