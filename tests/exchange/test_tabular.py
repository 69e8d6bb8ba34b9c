"""The generic table reader/writer, on the committed samples and on files made here."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from kinerja_desktop.domain.errors import DomainError, ValidationError
from kinerja_desktop.domain.tanggal import parse_tanggal
from kinerja_desktop.domain.tugas import StatusTugas
from kinerja_desktop.exchange.tabular import (
    Dibatalkan,
    FileFormatError,
    KolomEkspor,
    normalisasi_header,
    read_table,
    teks,
    write_template_xlsx,
    write_xlsx,
)

SAMPLES = Path(__file__).parent / "samples"

SIASN = {
    "nip": ["NIP BARU", "NIP"],
    "nama": ["NAMA"],
    "gelar_depan": ["GELAR DEPAN"],
    "tanggal_lahir": ["TANGGAL LAHIR"],
    "jenis_kelamin": ["JENIS KELAMIN"],
    "golongan": ["GOL AKHIR NAMA", "GOLONGAN"],
    "jabatan": ["JABATAN NAMA", "JABATAN"],
    "eselon": ["ESELON NAMA"],
    "unit_kerja": ["UNOR NAMA", "UNIT KERJA"],
    "atasan_nip": ["ATASAN NIP", "NIP ATASAN"],
}
WAJIB = ["nip", "nama"]


def _samples_module():
    spec = importlib.util.spec_from_file_location("make_samples", SAMPLES / "make_samples.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = mod
    spec.loader.exec_module(mod)
    return mod


def _tulis(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# ----------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("NIP", "nip"),
        ("  Nip_Baru: ", "nip baru"),
        ("TANGGAL  LAHIR", "tanggal lahir"),
        ("Tgl. Lahir", "tgl lahir"),
        ("\ufeffNIP", "nip"),
        ("Jenis\xa0Kelamin (L/P)", "jenis kelamin l p"),
        (None, ""),
    ],
)
def test_normalisasi_header(raw, expected):
    assert normalisasi_header(raw) == expected


def test_teks():
    assert teks("  abc ") == "abc"
    assert teks("   ") is None
    assert teks(None) is None
    assert teks(196608011988031001) == "196608011988031001"
    assert teks(12.0) == "12"
    assert teks(1.96608011988031e17) == "1.96608011988031e+17"  # never looks like a NIP
    assert teks(3.5) == "3.5"
    assert teks(dt.datetime(1990, 1, 2)) == "1990-01-02"


@given(st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1))
def test_teks_float_integral_roundtrip(n):
    assert teks(float(n)) == str(n)


# ----------------------------------------------------------------------------- samples: CSV


def test_siasn_baik():
    t = read_table(SAMPLES / "siasn_export_baik.csv", SIASN, WAJIB)
    assert t.baris_header == 1
    assert t.nama_file == "siasn_export_baik.csv"
    assert t.kolom == [
        "nip", "nama", "gelar_depan", "tanggal_lahir", "jenis_kelamin", "golongan", "jabatan",
        "eselon", "unit_kerja",
    ]  # fmt: skip
    assert len(t.rows) == 22
    camat = t.rows[0]
    assert camat.nomor_baris == 2
    assert camat.values["nip"] == "197105121996031002"
    assert camat.values["gelar_depan"] == "Drs. H."
    assert camat.values["eselon"] == "III.a"
    assert all(isinstance(v, str | None) for r in t.rows for v in r.values.values())
    assert {r.values["golongan"] for r in t.rows} >= {"III/b", "IX", "VII", "IV/b"}


def test_siasn_title_semicolon_bom_spaces_empty_row():
    baik = read_table(SAMPLES / "siasn_export_baik.csv", SIASN, WAJIB)
    t = read_table(SAMPLES / "siasn_export_titel_semicolon.csv", SIASN, WAJIB)
    assert t.baris_header == 3
    assert t.kolom == baik.kolom  # the "NO" column is ignored
    assert [r.values for r in t.rows] == [r.values for r in baik.rows]  # spaces stripped
    nomor = [r.nomor_baris for r in t.rows]
    assert nomor[:10] == list(range(4, 14))
    assert nomor[10] == 15  # row 14 is the empty one
    assert nomor[-1] == 4 + 22


def test_samples_people_are_consistent():
    """Every good NIP follows Perka BKN 22/2007 and agrees with birth date and gender."""
    t = read_table(SAMPLES / "siasn_export_baik.csv", SIASN, WAJIB)
    for r in t.rows:
        nip = r.values["nip"]
        assert len(nip) == 18 and nip.isdigit()
        lahir = parse_tanggal(r.values["tanggal_lahir"])
        assert nip[:8] == f"{lahir:%Y%m%d}"
        assert int(nip[8:12]) >= lahir.year + 18
        assert nip[14] == {"M": "1", "F": "2"}[r.values["jenis_kelamin"]]
        if r.values["golongan"] not in ("IX", "VII"):
            assert 1 <= int(nip[12:14]) <= 12
        else:
            assert nip[12:14] == "21"  # NI PPPK


def test_siasn_rusak_rows_are_where_documented():
    ms = _samples_module()
    t = read_table(SAMPLES / "siasn_export_rusak.csv", SIASN, WAJIB)
    by = {r.nomor_baris: r.values for r in t.rows}
    assert sorted(by) == sorted(ms.RUSAK_CSV)
    assert len(by[4]["nip"]) == 17
    assert by[5]["nip"] == "1.96608011988031E+17"
    assert by[6]["tanggal_lahir"] == "03-11-1981" and by[6]["nip"].startswith("19801103")
    assert by[7]["golongan"] == "V/a"
    assert by[8]["nama"] is None
    with pytest.raises(ValidationError):
        parse_tanggal(by[9]["tanggal_lahir"])
    assert by[10]["jenis_kelamin"] == "M" and by[10]["nip"][14] == "2"


def test_generator_reproduces_csv(tmp_path, monkeypatch):
    ms = _samples_module()
    monkeypatch.setattr(ms, "FOLDER", tmp_path)
    ms.main()
    for nama in ("siasn_export_baik.csv", "siasn_export_titel_semicolon.csv",
                 "siasn_export_rusak.csv", "kosong.csv"):  # fmt: skip
        assert (tmp_path / nama).read_bytes() == (SAMPLES / nama).read_bytes(), nama


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ","), ("utf-8-sig", ";"), ("cp1252", ";"), ("cp1252", "\t"), ("utf-16", "\t")],
)
def test_csv_encodings_and_delimiters(tmp_path, encoding, delimiter):
    d = delimiter
    text = (
        f"Daftar pegawai{d}{d}\r\n"
        f"\r\n"
        f" nip {d}Nama Lengkap{d}Keterangan\r\n"
        f"197105121996031002{d}José Ñandú{d}catatan, dengan koma\r\n"
        f"{d}{d}\r\n"
        f"197508232000122001{d}  Rahmawati  {d}\r\n"
    )
    p = _tulis(tmp_path / "data.csv", text, encoding)
    t = read_table(p, {"nip": ["NIP"], "nama": ["NAMA", "NAMA LENGKAP"]}, WAJIB)
    assert t.baris_header == 3
    assert [(r.nomor_baris, r.values["nip"], r.values["nama"]) for r in t.rows] == [
        (4, "197105121996031002", "José Ñandú"),
        (6, "197508232000122001", "Rahmawati"),
    ]


def test_csv_short_rows_and_txt_extension(tmp_path):
    p = _tulis(tmp_path / "data.txt", "NAMA,NIP,UNIT KERJA\nBudi,1978\nSiti\n")
    t = read_table(p, SIASN, WAJIB)
    assert t.kolom == ["nama", "nip", "unit_kerja"]
    assert t.rows[0].values == {"nama": "Budi", "nip": "1978", "unit_kerja": None}
    assert t.rows[1].values == {"nama": "Siti", "nip": None, "unit_kerja": None}


def test_missing_required_column_is_named(tmp_path):
    p = _tulis(tmp_path / "x.csv", "NIP;JABATAN;GOLONGAN\n1;2;3\n")
    with pytest.raises(FileFormatError) as e:
        read_table(p, SIASN, WAJIB)
    assert "Kolom wajib tidak ada" in str(e.value)
    assert "NAMA" in str(e.value)
    assert e.value.kolom_hilang == ("nama",)


# ----------------------------------------------------------------------------- samples: xlsx


def test_roster_baik_xlsx():
    ms = _samples_module()
    t = read_table(SAMPLES / "roster_template_baik.xlsx", SIASN, WAJIB)
    assert t.baris_header == ms.ROSTER_BAIK_HEADER == 4
    assert "nip" in t.kolom and "atasan_nip" in t.kolom
    assert len(t.rows) == 15
    nomor = [r.nomor_baris for r in t.rows]
    assert ms.ROSTER_BAIK_KOSONG not in nomor
    assert nomor == [n for n in range(5, 5 + 16) if n != ms.ROSTER_BAIK_KOSONG]
    lahir = [r.values["tanggal_lahir"] for r in t.rows]
    assert any(isinstance(v, dt.datetime) for v in lahir)
    assert any(isinstance(v, str) for v in lahir)
    nips = [r.values["nip"] for r in t.rows]
    assert all(isinstance(n, str) for n in nips)
    assert any(" " in n for n in nips)
    semua = {n.replace(" ", "") for n in nips}
    assert {r.values["atasan_nip"] for r in t.rows} - {None} <= semua


def test_roster_rusak_float_nip_survives():
    ms = _samples_module()
    t = read_table(SAMPLES / "roster_template_rusak.xlsx", SIASN, WAJIB)
    by = {r.nomor_baris: r.values for r in t.rows}
    assert sorted(by) == sorted(ms.RUSAK_XLSX)
    assert isinstance(by[3]["nip"], float)
    assert by[3]["nip"] == 1.96608011988031e17
    assert len(by[4]["nip"]) == 17
    assert by[5]["tanggal_lahir"] == dt.datetime(1981, 11, 3)
    assert by[6]["golongan"] == "V/a"
    assert by[7]["nama"] is None
    assert by[8]["tanggal_lahir"] == "31-02-1990"
    assert by[9]["jenis_kelamin"] == "L" and by[9]["nip"][14] == "2"


def test_xlsx_other_sheet_and_unknown_columns(tmp_path):
    wb = Workbook()
    wb.active.title = "Petunjuk"
    wb.active.append(["Isi lembar Data"])
    ws = wb.create_sheet("Data")
    ws.append(["Judul laporan"])
    ws.append([])
    ws.append(["No.", "Nip:", "NAMA  LENGKAP", "Kolom Aneh"])
    ws.append([1, "  197105121996031002 ", "Ahmad", "x"])
    ws.append([None, None, None, "hanya kolom asing"])
    ws.append([2, 197508232000122001, "Rahmawati", None])
    ws.append([3, 12, "Angka Kecil", None])
    p = tmp_path / "data.xlsx"
    wb.save(p)
    kolom = {"nip": ["NIP"], "nama": ["NAMA LENGKAP"]}
    t = read_table(p, kolom, WAJIB)
    assert t.kolom == ["nip", "nama"] and t.baris_header == 3
    assert [(r.nomor_baris, r.values["nip"]) for r in t.rows] == [
        (4, "197105121996031002"),
        (6, 1.97508232000122e17),  # an 18-digit number in a cell is a float: mangled
        (7, 12),  # a small integer stays an int
    ]
    assert isinstance(t.rows[1].values["nip"], float)
    assert isinstance(t.rows[2].values["nip"], int)
    t2 = read_table(p, kolom, WAJIB, sheet="Data")
    assert len(t2.rows) == 3
    with pytest.raises(FileFormatError, match="Lembar"):
        read_table(p, kolom, WAJIB, sheet="Tidak Ada")


def test_header_beyond_max_scan_not_found(tmp_path):
    p = _tulis(tmp_path / "x.csv", "judul\n" * 5 + "NIP,NAMA\n1,a\n")
    assert read_table(p, SIASN, WAJIB).baris_header == 6
    with pytest.raises(FileFormatError, match="Baris judul kolom tidak ditemukan"):
        read_table(p, SIASN, WAJIB, max_scan=5)


# ----------------------------------------------------------------------------- refusals


@pytest.mark.parametrize("nama", ["bukan_tabel.xlsx", "kosong.csv"])
def test_unusable_samples(nama):
    with pytest.raises(FileFormatError) as e:
        read_table(SAMPLES / nama, SIASN, WAJIB)
    assert isinstance(e.value, DomainError)
    pesan = str(e.value)
    assert nama in pesan
    if nama == "kosong.csv":
        assert "kosong" in pesan
    else:
        assert "Baris judul kolom tidak ditemukan" in pesan
        assert "NIP BARU, NAMA" in pesan


def test_blank_csv(tmp_path):
    p = _tulis(tmp_path / "x.csv", "\r\n ,\r\n", "utf-8-sig")
    with pytest.raises(FileFormatError, match=r"kosong|tidak ditemukan"):
        read_table(p, SIASN, WAJIB)


def test_old_xls_refused(tmp_path):
    p = tmp_path / "lama.xls"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    with pytest.raises(FileFormatError, match=r"\.xlsx"):
        read_table(p, SIASN, WAJIB)
    html = _tulis(tmp_path / "web.xls", "<html><table><tr><td>NIP</td></tr></table></html>")
    with pytest.raises(FileFormatError, match="Simpan Sebagai"):
        read_table(html, SIASN, WAJIB)


def test_broken_xlsx_and_missing_file(tmp_path):
    p = tmp_path / "rusak.xlsx"
    p.write_bytes(b"PK\x03\x04 ini bukan zip yang benar")
    with pytest.raises(FileFormatError, match="tidak dapat dibaca sebagai Excel"):
        read_table(p, SIASN, WAJIB)
    bin_ = tmp_path / "gambar.csv"
    bin_.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(FileFormatError, match="tidak dapat dibaca sebagai Excel"):
        read_table(bin_, SIASN, WAJIB)
    with pytest.raises(FileFormatError, match="tidak ditemukan"):
        read_table(tmp_path / "tidak_ada.csv", SIASN, WAJIB)


def test_xlsx_content_under_wrong_extension(tmp_path):
    p = tmp_path / "export.csv"
    p.write_bytes((SAMPLES / "roster_template_rusak.xlsx").read_bytes())
    assert len(read_table(p, SIASN, WAJIB).rows) == 9


# ----------------------------------------------------------------------------- big files


def _csv_besar(path: Path, n: int) -> Path:
    ms = _samples_module()
    header = ms.SIASN_KOLOM
    contoh = [list(ms.siasn_baris(o).values()) for o in ms.ORANG]
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for i in range(n):
            w.writerow(contoh[i % len(contoh)])
    return path


class _Status(StatusTugas):
    """The one progress protocol, driven by plain callables."""

    def __init__(self, progress=None, cancelled=None):
        super().__init__(lambda d, t, _pesan: progress and progress(d, t))
        self._batal = cancelled

    @property
    def cancelled(self) -> bool:
        return bool(self._batal and self._batal())


def test_cancel_raises_dibatalkan(tmp_path):
    p = _csv_besar(tmp_path / "besar.csv", 3000)
    calls = []

    def progress(done, total):
        calls.append((done, total))

    with pytest.raises(Dibatalkan):
        read_table(p, SIASN, WAJIB, status=_Status(progress, lambda: len(calls) >= 2))
    assert calls and all(0 < d <= t for d, t in calls)

    wb = Workbook()
    ws = wb.active
    ws.append(["NIP", "NAMA"])
    for i in range(1500):
        ws.append([str(i), f"nama {i}"])
    px = tmp_path / "besar.xlsx"
    wb.save(px)
    with pytest.raises(Dibatalkan):
        read_table(px, SIASN, WAJIB, status=_Status(cancelled=lambda: True))
    selesai = []
    t = read_table(px, SIASN, WAJIB, status=_Status(lambda d, tot: selesai.append((d, tot))))
    assert len(t.rows) == 1500 and selesai and selesai[-1][0] == selesai[-1][1]


def test_10000_csv_rows(tmp_path):
    # correctness only; the speed is measured in tests/benchmarks/bench_tabular.py
    p = _csv_besar(tmp_path / "besar.csv", 10_000)
    t = read_table(p, SIASN, WAJIB)
    assert len(t.rows) == 10_000
    assert t.rows[-1].nomor_baris == 10_001


# ----------------------------------------------------------------------------- writing

KOLOM_EKSPOR = [
    KolomEkspor("NIP", 22, teks=True),
    KolomEkspor("NAMA", 30),
    KolomEkspor("TANGGAL LAHIR", 14, format_tanggal=True),
    KolomEkspor("NILAI", 10, format_angka="0.00"),
]


def test_write_xlsx_roundtrip(tmp_path):
    p = tmp_path / "ekspor.xlsx"
    rows = [
        ["197105121996031002", "Ahmad Syukri", dt.date(1971, 5, 12), 87.5],
        [197508232000122001, "Rahmawati", dt.datetime(1975, 8, 23), None],
        [None, "Tanpa NIP", None, 3],
    ]
    write_xlsx(p, "Pegawai/2025", KOLOM_EKSPOR, iter(rows), judul="DAFTAR PEGAWAI")

    wb = load_workbook(p)
    ws = wb.active
    assert ws.title == "Pegawai 2025"
    assert ws["A1"].value == "DAFTAR PEGAWAI" and ws["A1"].font.b and ws["A1"].font.sz > 11
    assert [c.value for c in ws[3]] == ["NIP", "NAMA", "TANGGAL LAHIR", "NILAI"]
    assert all(c.font.b for c in ws[3])
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == "A3:D6"
    assert ws.column_dimensions["A"].width == 22
    assert ws["A4"].value == "197105121996031002" and ws["A4"].number_format == "@"
    assert ws["A5"].value == "197508232000122001"  # an int NIP is written as text
    assert ws["C4"].number_format == "DD-MM-YYYY"
    assert ws["D4"].number_format == "0.00"

    t = read_table(p, {"nip": ["NIP"], "nama": ["NAMA"], "lahir": ["TANGGAL LAHIR"]}, WAJIB)
    assert t.baris_header == 3
    assert [r.values["nip"] for r in t.rows] == [
        "197105121996031002",
        "197508232000122001",
        None,
    ]
    assert t.rows[0].values["lahir"] == dt.datetime(1971, 5, 12)


def test_write_xlsx_without_title_or_formats(tmp_path):
    p = tmp_path / "polos.xlsx"
    write_xlsx(p, "Data", [KolomEkspor("A", 8), KolomEkspor("B", 8)], [[1, "x"], [2, "y"]])
    ws = load_workbook(p).active
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.b
    assert [[c.value for c in r] for r in ws.iter_rows(min_row=2)] == [[1, "x"], [2, "y"]]


def test_write_xlsx_10000_rows(tmp_path):
    kolom = [KolomEkspor(f"K{i}", 12, teks=(i == 0), format_tanggal=(i == 1)) for i in range(12)]
    d = dt.date(2020, 1, 1)
    rows = ([f"1971051219960310{i % 100:02d}", d] + [f"nilai {j}" for j in range(10)]
            for i in range(10_000))  # fmt: skip
    # correctness only; the speed is measured in tests/benchmarks/bench_tabular.py
    write_xlsx(tmp_path / "besar.xlsx", "Data", kolom, rows)
    t = read_table(tmp_path / "besar.xlsx", {"nip": ["K0"], "nama": ["K2"]}, WAJIB)
    assert len(t.rows) == 10_000 and t.rows[-1].nomor_baris == 10_001


def test_template(tmp_path):
    p = tmp_path / "template.xlsx"
    kolom = [
        KolomEkspor("NIP", 22, teks=True),
        KolomEkspor("NAMA", 30),
        KolomEkspor("TANGGAL LAHIR", 14, format_tanggal=True),
        KolomEkspor("ATASAN NIP", 22, teks=True),
    ]
    petunjuk = ["Isi satu pegawai per baris.", "NIP ditulis 18 digit tanpa spasi."]
    contoh = [["197105121996031002", "Ahmad Syukri", dt.date(1971, 5, 12), None]]
    write_template_xlsx(p, kolom, petunjuk, contoh)

    wb = load_workbook(p)
    assert wb.sheetnames == ["Data", "Petunjuk"]
    ws = wb["Data"]
    assert [c.value for c in ws[1]] == ["NIP", "NAMA", "TANGGAL LAHIR", "ATASAN NIP"]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws["A2"].value == "197105121996031002"
    for r in (2, 3, 500, 1001):
        assert ws.cell(row=r, column=1).number_format == "@"
        assert ws.cell(row=r, column=4).number_format == "@"
        assert ws.cell(row=r, column=3).number_format == "DD-MM-YYYY"
    assert ws.cell(row=2, column=2).number_format == "General"
    teks_petunjuk = [c.value for c in wb["Petunjuk"]["A"] if c.value]
    assert teks_petunjuk[1:] == petunjuk

    t = read_table(p, {"nip": ["NIP"], "nama": ["NAMA"]}, WAJIB)
    assert [r.values for r in t.rows] == [{"nip": "197105121996031002", "nama": "Ahmad Syukri"}]
