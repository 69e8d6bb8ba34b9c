"""Reading and writing tables in files: Excel (.xlsx) and CSV, as real offices make them.

This is the generic file layer under every import and export. It knows nothing about pegawai
or SKP: the caller says which columns it knows (``kolom_dikenal``: canonical name -> accepted
header spellings) and which of them must be there (``wajib``); :func:`read_table` finds the
header row (below titles and blank rows), keeps the known columns, skips empty rows and hands
back plain values with the row number the user sees in Excel, so a caller can say "baris 17:
NIP tidak valid".

Values are left as close to the file as possible so the caller can judge them: text is stripped
(empty becomes ``None``), numbers stay ``int``/``float`` (a NIP that Excel turned into
1.96608011988031E+17 arrives as a float and can be refused), Excel dates stay ``datetime``.
CSV values are always text.

No Qt and no database here.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.tugas import Dibatalkan, StatusTugas, cek_batal
from kinerja_desktop.exchange import batas_impor as batas

__all__ = [
    "Dibatalkan",
    "FileFormatError",
    "KolomEkspor",
    "SourceRow",
    "TableData",
    "netralkan",
    "normalisasi_header",
    "read_table",
    "rumus_berbahaya",
    "teks",
    "tulis_csv",
    "write_template_xlsx",
    "write_xlsx",
]

PESAN_BACA = "Membaca berkas…"

EKSTENSI_EXCEL = (".xlsx", ".xlsm")
EKSTENSI_TEKS = (".csv", ".txt", ".tsv")
FORMAT_TANGGAL = "DD-MM-YYYY"
FORMAT_TEKS = "@"
BATAS_FLOAT_AMAN = 2**53
_LANGKAH = 500  # rows between two progress / cancel checks


class FileFormatError(DomainError):
    """The file cannot be used as a table: wrong type, unreadable, no header, missing column.

    ``kolom_hilang`` lists the canonical names of required columns that were not found (empty
    when the problem is something else).
    """

    def __init__(self, pesan: str, kolom_hilang: Sequence[str] = ()) -> None:
        super().__init__(pesan)
        self.kolom_hilang = tuple(kolom_hilang)


@dataclass(frozen=True)
class SourceRow:
    nomor_baris: int  # 1-based row number in the file as the user sees it in Excel
    values: Mapping[str, object]  # canonical column name -> value (None when empty)


@dataclass
class TableData:
    kolom: list[str]  # canonical names found, in file order
    baris_header: int  # 1-based row number of the header row
    rows: list[SourceRow]
    nama_file: str


@dataclass(frozen=True)
class KolomEkspor:
    nama: str
    lebar: float
    teks: bool = False  # force text format '@' (NIP), so Excel never makes it a number
    format_angka: str | None = None  # e.g. "0.00" or "#,##0"
    format_tanggal: bool = False  # DD-MM-YYYY


# --------------------------------------------------------------------------- small helpers

_BUKAN_HURUF = re.compile(r"[^0-9a-z]+")


def normalisasi_header(text: object) -> str:
    """Header text reduced to what matters: "  Nip_Baru: " -> "nip baru", "No." -> "no".

    Case is folded, accents dropped, every run of spaces, underscores and punctuation becomes
    one space, and the ends are trimmed.
    """
    if text is None:
        return ""
    s = unicodedata.normalize("NFKD", str(text)).casefold()
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return _BUKAN_HURUF.sub(" ", s).strip()


def teks(value: object) -> str | None:
    """A cell value as text, or ``None`` when empty.

    ``str`` is stripped; ``int`` becomes its digits; a ``float`` with no fraction below 2**53
    loses the ".0" (``12.0`` -> ``"12"``). Any other float is returned as Python writes it
    (``"1.96608011988031e+17"``, ``"3.5"``) so it never silently turns into digits that look
    valid: a caller that cares (NIP) must check ``isinstance(value, float)`` itself. Dates become
    ``YYYY-MM-DD``.
    """
    if value is None:
        return None
    if isinstance(value, str):
        s = value.strip()
        return s or None
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < BATAS_FLOAT_AMAN:
            return str(int(value))
        return str(value)
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    return s or None


def _bersihkan(value: object) -> object:
    if isinstance(value, str):
        s = value.strip()
        return s or None
    return value


def _cek_sel(nomor: int, sel: Sequence[object], nama_file: str) -> None:
    pesan = batas.pesan_sel(nomor, sel, nama_file)
    if pesan is not None:
        raise FileFormatError(pesan)


def _cek_ukuran(nomor: int, sel: Sequence[object], nama_file: str) -> None:
    pesan = batas.pesan_ukuran(nomor, batas.lebar(sel), nama_file)
    if pesan is not None:
        raise FileFormatError(pesan)


_AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")
_ANGKA = re.compile(r"[+-]?\d+([.,]\d+)?")


def rumus_berbahaya(value: object) -> bool:
    """Text a spreadsheet would take for a formula (``=HYPERLINK(…)``, ``+cmd|…``, ``@SUM``).

    A plain signed number ("-5") and a lone dash (the "-" of an empty value) are not."""
    if not isinstance(value, str) or not value.startswith(_AWALAN_RUMUS):
        return False
    return len(value) > 1 and _ANGKA.fullmatch(value) is None


def netralkan(value: object) -> object:
    """The value as an export writes it: formula-like text gets a leading apostrophe, which
    every spreadsheet reads as "this is text" (CSV; xlsx cells are marked text instead)."""
    return "'" + value if rumus_berbahaya(value) else value  # type: ignore[operator]


def tulis_csv(
    path: str | os.PathLike[str], header: Sequence[str], rows: Iterable[Sequence[object]]
) -> int:
    """A CSV export as Excel in Indonesia opens it (UTF-8 with BOM, ';'), formulas neutralised.
    Returns the number of data rows."""
    n = 0
    p = Path(path)
    try:
        with p.open("w", newline="", encoding="utf-8-sig") as fh:
            w = csv.writer(fh, delimiter=";")
            w.writerow([netralkan(h) for h in header])
            for row in rows:
                w.writerow([netralkan(v) for v in row])
                n += 1
    except PermissionError as exc:
        raise FileFormatError(
            f"Berkas {p.name} tidak dapat disimpan: akses ditolak atau berkas sedang dibuka di "
            f"Excel. Tutup berkas itu lalu coba lagi."
        ) from exc
    return n


# --------------------------------------------------------------------------- header matching


def _peta_header(kolom_dikenal: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """normalised spelling -> canonical name. The canonical name itself is accepted too."""
    peta: dict[str, str] = {}
    for kanonik, ejaan in kolom_dikenal.items():
        for e in (*ejaan, kanonik):
            kunci = normalisasi_header(e)
            if kunci:
                peta.setdefault(kunci, kanonik)
    return peta


def _cocokkan(sel: Sequence[object], peta: Mapping[str, str]) -> list[tuple[int, str]]:
    """(column index, canonical name) for each recognised header cell; first one wins."""
    hasil: list[tuple[int, str]] = []
    sudah: set[str] = set()
    for i, v in enumerate(sel):
        if v is None:
            continue
        kanonik = peta.get(normalisasi_header(v))
        if kanonik is not None and kanonik not in sudah:
            sudah.add(kanonik)
            hasil.append((i, kanonik))
    return hasil


def _nama_tampil(kanonik: str, kolom_dikenal: Mapping[str, Sequence[str]]) -> str:
    ejaan = kolom_dikenal.get(kanonik) or ()
    return str(ejaan[0]) if ejaan else kanonik.upper()


@dataclass
class _Header:
    baris: int  # 1-based
    kolom: list[tuple[int, str]]


class _Pencari:
    """Looks for the header row among the first rows; remembers the best near miss."""

    def __init__(self, kolom_dikenal: Mapping[str, Sequence[str]], wajib: Sequence[str]) -> None:
        self.peta = _peta_header(kolom_dikenal)
        self.wajib = list(wajib)
        self.terbaik: _Header | None = None

    def periksa(self, nomor: int, sel: Sequence[object]) -> _Header | None:
        cocok = _cocokkan(sel, self.peta)
        if not cocok:
            return None
        ada = {k for _, k in cocok}
        if all(w in ada for w in self.wajib):
            return _Header(nomor, cocok)
        if self.terbaik is None or len(cocok) > len(self.terbaik.kolom):
            self.terbaik = _Header(nomor, cocok)
        return None

    def gagal(self, kolom_dikenal: Mapping[str, Sequence[str]], nama_file: str) -> FileFormatError:
        daftar = ", ".join(_nama_tampil(w, kolom_dikenal) for w in self.wajib)
        near = self.terbaik
        if near is not None and len(near.kolom) >= 2:
            ada = {k for _, k in near.kolom}
            hilang = [w for w in self.wajib if w not in ada]
            nama = ", ".join(_nama_tampil(w, kolom_dikenal) for w in hilang)
            return FileFormatError(
                f"Kolom wajib tidak ada di berkas {nama_file}: {nama}. Baris judul kolom yang "
                f"ditemukan ada di baris {near.baris}. Tambahkan kolom tersebut (periksa "
                f"ejaan judul kolomnya), lalu impor ulang.",
                hilang,
            )
        return FileFormatError(
            f"Baris judul kolom tidak ditemukan di berkas {nama_file}. Kolom yang wajib ada: "
            f"{daftar}. Pastikan judul kolom ada di salah satu dari baris-baris pertama.",
            self.wajib,
        )


def _baris_data(
    nomor: int, sel: Sequence[object], kolom: Sequence[tuple[int, str]]
) -> SourceRow | None:
    n = len(sel)
    values = {k: (_bersihkan(sel[i]) if i < n else None) for i, k in kolom}
    if all(v is None for v in values.values()):
        return None
    return SourceRow(nomor, values)


# --------------------------------------------------------------------------- file type


def _jenis_berkas(path: Path, kepala: bytes) -> str:
    """'xlsx', 'csv'; raises FileFormatError for what we cannot read."""
    ext = path.suffix.casefold()
    nama = path.name
    if not kepala:
        raise FileFormatError(f"Berkas {nama} kosong (tidak berisi data sama sekali).")
    if kepala.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileFormatError(
            f"Berkas {nama} berformat Excel lama (.xls) atau dilindungi kata sandi. Buka berkas "
            f"itu di Excel, pilih Simpan Sebagai (Save As) > 'Excel Workbook (*.xlsx)' tanpa "
            f"kata sandi, lalu impor berkas .xlsx tersebut."
        )
    if kepala.startswith(b"PK\x03\x04"):
        if ext in (".ods", ".numbers"):
            raise FileFormatError(
                f"Berkas tidak dapat dibaca sebagai Excel (.xlsx) atau CSV: {nama} berformat "
                f"{ext}. Simpan ulang sebagai .xlsx."
            )
        return "xlsx"
    if ext == ".xls":
        # Many web applications export an HTML or text table under the .xls name.
        raise FileFormatError(
            f"Berkas {nama} bukan Excel .xlsx (berkas .xls). Buka berkas itu di Excel, pilih "
            f"Simpan Sebagai (Save As) > 'Excel Workbook (*.xlsx)', lalu impor berkas .xlsx "
            f"tersebut."
        )
    if ext in EKSTENSI_EXCEL:
        raise FileFormatError(
            f"Berkas tidak dapat dibaca sebagai Excel (.xlsx) atau CSV: {nama} rusak atau "
            f"bukan berkas Excel yang sebenarnya."
        )
    if kepala.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "csv"
    # A stray NUL in a text file is refused later with its row and column; more control
    # bytes than that are a binary file.
    nul = kepala.count(b"\x00")
    if nul and (
        nul > 2 or len(batas.KENDALI_BYTE.findall(kepala)) > nul or ext not in EKSTENSI_TEKS
    ):
        raise FileFormatError(
            f"Berkas tidak dapat dibaca sebagai Excel (.xlsx) atau CSV: {nama} bukan berkas tabel."
        )
    return "csv"


# --------------------------------------------------------------------------- CSV


def _dekode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _pemisah_kandidat(contoh: str) -> list[str]:
    """Delimiters worth trying, the most frequent in the first lines first."""
    hitung = {d: contoh.count(d) for d in (",", ";", "\t", "|")}
    urut = sorted(hitung, key=lambda d: -hitung[d])
    return [d for d in urut if hitung[d] > 0] or [","]


def _baca_csv(
    path: Path,
    data: bytes,
    kolom_dikenal: Mapping[str, Sequence[str]],
    wajib: Sequence[str],
    max_scan: int,
    status: StatusTugas | None,
) -> TableData:
    text = _dekode(data)
    if not text.strip():
        raise FileFormatError(f"Berkas {path.name} kosong (tidak berisi data).")
    baris_awal = text.splitlines()[: max_scan + 5]
    contoh = "\n".join(baris_awal)

    pencari = _Pencari(kolom_dikenal, wajib)
    header: _Header | None = None
    pemisah = ","
    for d in _pemisah_kandidat(contoh):
        rdr = csv.reader(io.StringIO(contoh, newline=""), delimiter=d)
        for nomor, sel in _baris_csv(rdr, path.name):
            if nomor > max_scan:
                break
            header = pencari.periksa(nomor, sel)
            if header is not None:
                break
        if header is not None:
            pemisah = d
            break
    if header is None:
        raise pencari.gagal(kolom_dikenal, path.name)
    return _isi_csv(path, text, pemisah, header, status)


def _baris_csv(rdr: Any, nama_file: str) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) with every cell checked; a CSV the reader cannot parse (a cell
    over its size limit, a NUL) becomes a message with the row number."""
    nomor = 0
    while True:
        nomor += 1  # a record, as Excel numbers its rows (a quoted cell may span lines)
        try:
            sel = next(rdr)
        except StopIteration:
            return
        except csv.Error as exc:
            raise FileFormatError(
                f"Berkas {nama_file}, baris {nomor}: tidak dapat dibaca sebagai CSV "
                f"(sel terlalu panjang atau berisi karakter yang tidak sah). Periksa baris itu "
                "lalu impor ulang."
            ) from exc
        _cek_ukuran(nomor, sel, nama_file)
        _cek_sel(nomor, sel, nama_file)
        yield nomor, sel


def _isi_csv(
    path: Path, text: str, pemisah: str, header: _Header, status: StatusTugas | None
) -> TableData:
    total = text.count("\n") + 1
    rows: list[SourceRow] = []
    kolom = header.kolom
    idx = [i for i, _ in kolom]
    nama = [k for _, k in kolom]
    lebar = max(idx) + 1
    rdr = csv.reader(io.StringIO(text, newline=""), delimiter=pemisah)
    for nomor, sel in _baris_csv(rdr, path.name):
        if nomor % _LANGKAH == 0:
            _cek(nomor, total, status)
        if nomor <= header.baris or not sel:
            continue
        if len(sel) < lebar:
            sel = sel + [""] * (lebar - len(sel))
        vals = [sel[i].strip() or None for i in idx]
        if any(v is not None for v in vals):
            rows.append(SourceRow(nomor, dict(zip(nama, vals, strict=True))))
    if status is not None:
        status.progress(total, total, PESAN_BACA)
    return TableData(nama, header.baris, rows, path.name)


def _cek(done: int, total: int, status: StatusTugas | None) -> None:
    if status is not None:
        cek_batal(status, "Impor dibatalkan.")
        status.progress(done, max(total, done), PESAN_BACA)


# --------------------------------------------------------------------------- xlsx


def _baca_xlsx(
    path: Path,
    kolom_dikenal: Mapping[str, Sequence[str]],
    wajib: Sequence[str],
    sheet: str | None,
    max_scan: int,
    status: StatusTugas | None,
) -> TableData:
    # imported late: reading CSV needs none of it
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    # A file object, not the path: openpyxl judges by extension, we judged by content.
    with path.open("rb") as f:
        _cek_zip_xlsx(f, path.name)
        try:
            wb = load_workbook(f, read_only=True, data_only=True, keep_links=False)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
            raise _xlsx_rusak(path.name, exc) from exc
        except (DomainError, Dibatalkan):
            raise
        except Exception as exc:  # openpyxl's parser on a hostile file: any error at all
            raise _xlsx_rusak(path.name, exc) from exc
        try:
            return _baca_buku(wb, path, kolom_dikenal, wajib, sheet, max_scan, status)
        except (DomainError, Dibatalkan):
            raise
        except Exception as exc:  # sheets are parsed lazily, while the rows are read
            raise _xlsx_rusak(path.name, exc) from exc


def _xlsx_rusak(nama: str, exc: BaseException) -> FileFormatError:
    return FileFormatError(
        f"Berkas tidak dapat dibaca sebagai Excel (.xlsx) atau CSV: {nama} rusak "
        f"atau bukan berkas Excel yang sebenarnya ({type(exc).__name__})."
    )


def _cek_zip_xlsx(f: IO[bytes], nama: str) -> None:
    """An .xlsx is a zip of XML: refuse a zip bomb before openpyxl reads a byte of it."""
    try:
        with zipfile.ZipFile(f) as zf:
            bagian = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise _xlsx_rusak(nama, exc) from exc
    finally:
        f.seek(0)
    pesan = batas.pesan_zip_xlsx(bagian, nama)
    if pesan is not None:
        raise FileFormatError(pesan)


def _baca_buku(
    wb: Any,
    path: Path,
    kolom_dikenal: Mapping[str, Sequence[str]],
    wajib: Sequence[str],
    sheet: str | None,
    max_scan: int,
    status: StatusTugas | None,
) -> TableData:
    try:
        if sheet is not None:
            if sheet not in wb.sheetnames:
                raise FileFormatError(
                    f"Lembar (sheet) '{sheet}' tidak ada di berkas {path.name}. Lembar yang ada: "
                    f"{', '.join(wb.sheetnames)}."
                )
            calon = [wb[sheet]]
        else:
            aktif = wb.active
            calon = [aktif] if aktif is not None else []
            calon += [ws for ws in wb.worksheets if ws is not aktif]
        pencari = _Pencari(kolom_dikenal, wajib)
        for ws in calon:
            hasil = _baca_lembar(ws, pencari, max_scan, path.name, status)
            if hasil is not None:
                return hasil
        raise pencari.gagal(kolom_dikenal, path.name)
    finally:
        wb.close()


def _baca_lembar(
    ws: object,
    pencari: _Pencari,
    max_scan: int,
    nama_file: str,
    status: StatusTugas | None,
) -> TableData | None:
    total = getattr(ws, "max_row", None) or 0
    if hasattr(ws, "reset_dimensions"):
        # Some programs write a wrong <dimension>; read every row that is really there.
        ws.reset_dimensions()
    it: Iterator[tuple[object, ...]] = ws.iter_rows(values_only=True)  # type: ignore[attr-defined]
    header: _Header | None = None
    for nomor, sel in enumerate(it, start=1):
        _cek_ukuran(nomor, sel, nama_file)
        _cek_sel(nomor, sel, nama_file)
        header = pencari.periksa(nomor, sel)
        if header is not None or nomor >= max_scan:
            break
    if header is None:
        return None
    kolom = header.kolom
    rows: list[SourceRow] = []
    for nomor, sel in enumerate(it, start=header.baris + 1):
        if nomor % _LANGKAH == 0:
            _cek(nomor, total, status)
        if not sel:
            continue
        _cek_ukuran(nomor, sel, nama_file)
        _cek_sel(nomor, sel, nama_file)
        r = _baris_data(nomor, sel, kolom)
        if r is not None:
            rows.append(r)
    if status is not None:
        status.progress(max(total, 1), max(total, 1), PESAN_BACA)
    return TableData([k for _, k in kolom], header.baris, rows, nama_file)


# --------------------------------------------------------------------------- read_table


def read_table(
    path: str | os.PathLike[str],
    kolom_dikenal: Mapping[str, Sequence[str]],
    wajib: Sequence[str],
    *,
    sheet: str | None = None,
    max_scan: int = 30,
    status: StatusTugas | None = None,
) -> TableData:
    """Read the table in an .xlsx/.xlsm or .csv/.txt file.

    ``kolom_dikenal`` maps each canonical column name to its accepted header spellings
    (compared after :func:`normalisasi_header`; the canonical name itself is accepted too).
    The header row is the first of the first ``max_scan`` rows that holds every ``wajib``
    column; unknown columns are ignored, rows with nothing in any known column are skipped.
    Without ``sheet`` the active sheet is tried first, then the others.

    ``status.progress(done, total, PESAN_BACA)`` is called every few hundred rows (``total``
    may be an estimate, 0 when unknown); after a cancel :class:`Dibatalkan` is raised.
    Raises :class:`FileFormatError` (Indonesian message) when the file cannot be used.
    """
    p = Path(path)
    try:
        with p.open("rb") as f:
            kepala = f.read(4096)
            jenis = _jenis_berkas(p, kepala)
            data = kepala + f.read() if jenis == "csv" else b""
    except FileNotFoundError as exc:
        raise FileFormatError(f"Berkas {p.name} tidak ditemukan.") from exc
    except IsADirectoryError as exc:
        raise FileFormatError(f"{p.name} adalah folder, bukan berkas.") from exc
    except PermissionError as exc:
        raise FileFormatError(
            f"Berkas {p.name} tidak dapat dibuka: akses ditolak atau berkas sedang dipakai "
            f"program lain. Tutup berkas itu di Excel lalu coba lagi."
        ) from exc
    if status is not None:
        cek_batal(status, "Impor dibatalkan.")
    if jenis == "csv":
        return _baca_csv(p, data, kolom_dikenal, wajib, max_scan, status)
    return _baca_xlsx(p, kolom_dikenal, wajib, sheet, max_scan, status)


# --------------------------------------------------------------------------- writing xlsx


def _huruf(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i)


def _gaya():  # type: ignore[no-untyped-def]
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    tipis = Side(style="thin", color="808080")
    return {
        "judul": Font(bold=True, size=14),
        "header_font": Font(bold=True),
        "header_fill": PatternFill("solid", fgColor="D9E1F2"),
        "header_align": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "header_border": Border(left=tipis, right=tipis, top=tipis, bottom=tipis),
    }


def _nilai_tulis(k: KolomEkspor, v: object) -> object:
    if v is None:
        return None
    if k.teks and not isinstance(v, str):
        return teks(v)
    return v


def _format_kolom(k: KolomEkspor) -> str | None:
    if k.teks:
        return FORMAT_TEKS
    if k.format_tanggal:
        return FORMAT_TANGGAL
    return k.format_angka


def write_xlsx(
    path: str | os.PathLike[str],
    judul_sheet: str,
    kolom: Sequence[KolomEkspor],
    rows: Iterable[Sequence[object]],
    *,
    judul: str | None = None,
) -> None:
    """Write one sheet: optional title row, bold header, frozen panes, autofilter, widths.

    Text columns get the '@' format and their values are written as text (a NIP stays
    "196608011988031001"); date columns show DD-MM-YYYY. Streams rows (openpyxl write-only),
    so a generator of many rows is fine.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_judul_sheet(judul_sheet))
    g = _gaya()
    n = len(kolom)
    for i, k in enumerate(kolom, start=1):
        ws.column_dimensions[_huruf(i)].width = k.lebar
    baris_header = 3 if judul else 1
    ws.freeze_panes = f"A{baris_header + 1}"
    if judul:
        c = WriteOnlyCell(ws, judul)
        c.font = g["judul"]
        ws.append([c])
        ws.append([])
    header = []
    for k in kolom:
        c = WriteOnlyCell(ws, k.nama)
        if rumus_berbahaya(k.nama):
            c.data_type = "s"
        c.font = g["header_font"]
        c.fill = g["header_fill"]
        c.alignment = g["header_align"]
        c.border = g["header_border"]
        header.append(c)
    ws.append(header)

    # One prototype style per column, shared by every cell of that column (cheap to write).
    gaya_kolom: list[object | None] = []  # openpyxl StyleArray, None for a plain column
    for k in kolom:
        fmt = _format_kolom(k)
        if fmt is None:
            gaya_kolom.append(None)
        else:
            proto = WriteOnlyCell(ws, None)
            proto.number_format = fmt
            gaya_kolom.append(proto._style)
    pasangan = list(zip(kolom, gaya_kolom, strict=True))
    polos = all(s is None for s in gaya_kolom)
    jumlah = 0
    for row in rows:
        jumlah += 1
        if polos:
            ws.append([_sel_teks(ws, v, None) if rumus_berbahaya(v) else v for v in row])
            continue
        sel: list[object] = []
        for (k, style), v in zip(pasangan, row, strict=False):
            v = _nilai_tulis(k, v)
            if rumus_berbahaya(v):
                sel.append(_sel_teks(ws, v, style))
            elif style is None or v is None:
                sel.append(v)
            else:
                c = WriteOnlyCell(ws, v)
                c._style = style
                sel.append(c)
        ws.append(sel)
    if n:
        ws.auto_filter.ref = f"A{baris_header}:{_huruf(n)}{baris_header + jumlah}"
    _simpan(wb, path)


def _sel_teks(ws: Any, v: object, style: Any) -> Any:
    """A formula-like text as a text cell with Excel's quote prefix: shown as typed, never
    run, and still text when the user edits the cell."""
    import copy

    from openpyxl.cell import WriteOnlyCell

    c = WriteOnlyCell(ws, v)
    if style is not None:
        c._style = copy.copy(style)
    c.data_type = "s"
    c.quotePrefix = True
    return c


def _judul_sheet(nama: str) -> str:
    bersih = re.sub(r"[\[\]\*\?/\\:]", " ", nama).strip() or "Data"
    return bersih[:31]


def _simpan(wb: object, path: str | os.PathLike[str]) -> None:
    p = Path(path)
    try:
        wb.save(p)  # type: ignore[attr-defined]
    except PermissionError as exc:
        raise FileFormatError(
            f"Berkas {p.name} tidak dapat disimpan: akses ditolak atau berkas sedang dibuka di "
            f"Excel. Tutup berkas itu lalu coba lagi."
        ) from exc


BARIS_TEMPLATE = 1000


def write_template_xlsx(
    path: str | os.PathLike[str],
    kolom: Sequence[KolomEkspor],
    petunjuk: Sequence[str],
    contoh: Sequence[Sequence[object]],
) -> None:
    """A fillable template: sheet "Data" with the header in row 1, the example row(s) below,
    text format ('@') on text columns and DD-MM-YYYY on date columns for 1,000 rows (so a
    typed NIP stays text), and a sheet "Petunjuk" with one instruction per line.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Data"
    g = _gaya()
    for i, k in enumerate(kolom, start=1):
        huruf = _huruf(i)
        ws.column_dimensions[huruf].width = k.lebar
        c = ws.cell(row=1, column=i, value=k.nama)
        c.font = g["header_font"]
        c.fill = g["header_fill"]
        c.alignment = g["header_align"]
        c.border = g["header_border"]
        fmt = _format_kolom(k)
        if fmt is not None:
            ws.column_dimensions[huruf].number_format = fmt
            for r in range(2, BARIS_TEMPLATE + 2):
                ws.cell(row=r, column=i).number_format = fmt
    miring = Font(italic=True, color="808080")
    for r, baris in enumerate(contoh, start=2):
        for i, (k, v) in enumerate(zip(kolom, baris, strict=False), start=1):
            c = ws.cell(row=r, column=i, value=_nilai_tulis(k, v))
            if rumus_berbahaya(c.value):
                c.data_type, c.quotePrefix = "s", True
            c.font = miring
    ws.freeze_panes = "A2"
    if kolom:
        ws.auto_filter.ref = f"A1:{_huruf(len(kolom))}1"

    wp = wb.create_sheet("Petunjuk")
    wp.column_dimensions["A"].width = 110
    wp["A1"] = "PETUNJUK PENGISIAN"
    wp["A1"].font = g["judul"]
    bungkus = Alignment(wrap_text=True, vertical="top")
    for r, baris in enumerate(petunjuk, start=3):
        c = wp.cell(row=r, column=1, value=baris)
        c.alignment = bungkus
    wb.active = 0
    _simpan(wb, path)
