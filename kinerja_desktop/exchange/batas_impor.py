"""What an imported file may hold: no control characters, no cell, row count, column count or
unpacked workbook beyond what any office's file needs. Each check returns the message for the
user (naming the row and column) or None; exchange/tabular.py raises it as a FileFormatError."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence

from kinerja_desktop.domain.angka import format_angka

BATAS_SEL = 32_767  # characters in one cell: Excel's own limit
BATAS_BARIS = 200_000
BATAS_KOLOM = 500
BATAS_BAGIAN_XLSX = 10_000  # parts inside one .xlsx
BATAS_ISI_XLSX = 512 * 1024 * 1024  # bytes of XML once unpacked
BATAS_RASIO_XLSX = 250  # unpacked / packed, for parts over BATAS_RASIO_MULAI (a zip bomb)
BATAS_RASIO_MULAI = 8 * 1024 * 1024

# Tab, line feed and carriage return may stand in a cell; the other C0 controls and DEL not.
KENDALI = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
KENDALI_BYTE = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def format_bulat(n: int) -> str:
    return format_angka(n, 0)


def huruf_kolom(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(min(max(i, 1), 16384))


def lebar(sel: Sequence[object]) -> int:
    """Columns up to the last non-empty cell (trailing empty cells do not count)."""
    for i in range(len(sel) - 1, -1, -1):
        if sel[i] not in (None, ""):
            return i + 1
    return 0


def pesan_sel(nomor: int, sel: Sequence[object], nama_file: str) -> str | None:
    """A control character (NUL…) or an oversized cell in row ``nomor``."""
    for i, v in enumerate(sel):
        if not isinstance(v, str):
            continue
        if len(v) > BATAS_SEL:
            return (
                f"Berkas {nama_file}, baris {nomor}, kolom {huruf_kolom(i + 1)}: isi sel terlalu "
                f"panjang ({format_bulat(len(v))} karakter; paling banyak "
                f"{format_bulat(BATAS_SEL)}). Periksa sel itu lalu impor ulang."
            )
        m = KENDALI.search(v)
        if m is not None:
            return (
                f"Berkas {nama_file}, baris {nomor}, kolom {huruf_kolom(i + 1)}: berisi karakter "
                f"kendali yang tidak boleh ada (kode {ord(m.group()):#04x}). Hapus karakter itu "
                "(mis. salin ulang teksnya) lalu impor ulang."
            )
    return None


def pesan_ukuran(nomor: int, kolom: int, nama_file: str) -> str | None:
    """Row ``nomor`` with ``kolom`` filled columns beyond the limits (empty rows never count:
    Excel's formatting often reaches row 1,048,576)."""
    if kolom and nomor > BATAS_BARIS:
        return (
            f"Berkas {nama_file} terlalu besar: lebih dari {format_bulat(BATAS_BARIS)} baris "
            f"(baris {format_bulat(nomor)}). Bagi berkasnya menjadi beberapa berkas lalu impor "
            "satu per satu."
        )
    if kolom > BATAS_KOLOM:
        return (
            f"Berkas {nama_file}, baris {nomor}: lebih dari {BATAS_KOLOM} kolom terisi (kolom "
            f"{huruf_kolom(kolom)}). Hapus kolom yang tidak dipakai lalu impor ulang."
        )
    return None


def pesan_zip_xlsx(bagian: Sequence[zipfile.ZipInfo], nama: str) -> str | None:
    """An .xlsx whose parts unpack into more than any real workbook (a zip bomb)."""
    total = sum(i.file_size for i in bagian)
    boros = any(
        i.file_size > BATAS_RASIO_MULAI and i.file_size > BATAS_RASIO_XLSX * max(i.compress_size, 1)
        for i in bagian
    )
    if len(bagian) > BATAS_BAGIAN_XLSX or total > BATAS_ISI_XLSX or boros:
        return (
            f"Berkas {nama} terlalu besar untuk diimpor: isinya memuai menjadi "
            f"{format_bulat(total // 1_048_576)} MB saat dibuka (batas "
            f"{format_bulat(BATAS_ISI_XLSX // 1_048_576)} MB, tanpa bagian yang memuai "
            "berlebihan). Ini bukan lembar kerja biasa (mungkin zip bom); simpan ulang datanya di "
            "Excel sebagai berkas baru."
        )
    return None
