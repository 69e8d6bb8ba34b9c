"""Regenerate the sample files in this folder: ``python tests/exchange/samples/make_samples.py``.

The people are one fictional kecamatan (Rimbo Bujang, Kabupaten Tebo, Jambi). Their data is
internally consistent: every NIP is built from the birth date, the TMT CPNS (at least 18 years
after birth) and the gender digit; every NI PPPK from the birth date, the year of appointment,
"21" and the gender digit. The broken files break exactly one thing per broken row (listed in
RUSAK_CSV / RUSAK_XLSX below and in the tests).

Only the standard library and openpyxl are used, so the files can be regenerated anywhere.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

FOLDER = Path(__file__).resolve().parent
TETAP = dt.datetime(2025, 1, 6, 8, 0, 0)  # fixed document dates, so files change only with data

KECAMATAN = "Kecamatan Rimbo Bujang"
SEKRETARIAT = "Sekretariat Kecamatan Rimbo Bujang"
PEMDA = "Pemerintah Kabupaten Tebo"


@dataclass(frozen=True)
class Orang:
    nama: str
    gelar_depan: str
    gelar_belakang: str
    lahir: dt.date
    kelamin: str  # L / P
    tempat_lahir: str
    agama: str
    status: str  # PNS / CPNS / PPPK
    tmt: tuple[int, int]  # TMT CPNS (year, month); for PPPK (year of appointment, month)
    urut: int
    golongan: str
    jabatan: str
    jenis_siasn: str  # Jabatan Struktural / Jabatan Fungsional Tertentu / ... Umum
    jenis: str  # the program's own: Administrator, Pengawas, Fungsional, Pelaksana
    eselon: str  # "III.a" ... or ""
    jenjang: str  # for fungsional
    unit: str
    unit_induk: str
    atasan: int | None  # index (1-based) in ORANG of the pejabat penilai
    pendidikan: str
    tingkat: str  # SD/SLTA/D-III/S-1/S-2

    @property
    def nip(self) -> str:
        y, m = self.tmt
        g = "1" if self.kelamin == "L" else "2"
        if self.status == "PPPK":
            return f"{self.lahir:%Y%m%d}{y:04d}21{g}{self.urut:03d}"
        return f"{self.lahir:%Y%m%d}{y:04d}{m:02d}{g}{self.urut:03d}"


def _o(*a: object) -> Orang:
    return Orang(*a)  # type: ignore[arg-type]


D = dt.date
STR, JFT, JFU = "Jabatan Struktural", "Jabatan Fungsional Tertentu", "Jabatan Fungsional Umum"
S_PEM = "Seksi Pemerintahan"
S_TRANTIB = "Seksi Ketenteraman dan Ketertiban Umum"
S_PMD = "Seksi Pemberdayaan Masyarakat Desa"
SB_UMUM = "Subbagian Umum dan Kepegawaian"
SB_KEU = "Subbagian Perencanaan dan Keuangan"

# fmt: off
ORANG: list[Orang] = [
    _o("Ahmad Syukri", "Drs. H.", "M.Si.", D(1971, 5, 12), "L", "Muara Tebo", "Islam", "PNS",
       (1996, 3), 2, "IV/b", "Camat Rimbo Bujang", STR, "Administrator", "III.a", "",
       KECAMATAN, "", None, "S-2 Ilmu Pemerintahan", "S-2"),
    _o("Rahmawati", "Hj.", "S.Sos., M.M.", D(1975, 8, 23), "P", "Jambi", "Islam", "PNS",
       (2000, 12), 1, "IV/a", "Sekretaris Kecamatan", STR, "Administrator", "III.b", "",
       SEKRETARIAT, KECAMATAN, 1, "S-2 Manajemen", "S-2"),
    _o("Budi Santoso", "", "S.IP.", D(1978, 2, 14), "L", "Rimbo Bujang", "Islam", "PNS",
       (2003, 1), 3, "III/d", "Kepala Seksi Pemerintahan", STR, "Pengawas", "IV.a", "",
       S_PEM, KECAMATAN, 1, "S-1 Ilmu Pemerintahan", "S-1"),
    _o("Muhammad Rizal", "", "S.H.", D(1980, 11, 3), "L", "Padang", "Islam", "PNS",
       (2005, 4), 1, "III/d", "Kepala Seksi Ketenteraman dan Ketertiban Umum", STR, "Pengawas",
       "IV.a", "", S_TRANTIB, KECAMATAN, 1, "S-1 Ilmu Hukum", "S-1"),
    _o("Sri Wahyuni", "", "S.E.", D(1982, 6, 30), "P", "Yogyakarta", "Islam", "PNS",
       (2006, 2), 2, "III/c", "Kepala Seksi Pemberdayaan Masyarakat Desa", STR, "Pengawas",
       "IV.a", "", S_PMD, KECAMATAN, 1, "S-1 Ekonomi Pembangunan", "S-1"),
    _o("Dedi Kurniawan", "", "S.Kom.", D(1985, 9, 9), "L", "Bungo", "Islam", "PNS",
       (2009, 1), 4, "III/c", "Kepala Subbagian Umum dan Kepegawaian", STR, "Pengawas",
       "IV.b", "", SB_UMUM, SEKRETARIAT, 2, "S-1 Teknik Informatika", "S-1"),
    _o("Nurhayati", "", "S.E., M.Ak.", D(1984, 1, 17), "P", "Muara Tebo", "Islam", "PNS",
       (2008, 12), 3, "III/c", "Kepala Subbagian Perencanaan dan Keuangan", STR, "Pengawas",
       "IV.b", "", SB_KEU, SEKRETARIAT, 2, "S-2 Akuntansi", "S-2"),
    _o("Yusuf Hidayat", "", "S.IP., M.A.P.", D(1979, 4, 25), "L", "Palembang", "Islam", "PNS",
       (2005, 1), 6, "III/d", "Analis Kebijakan Ahli Muda", JFT, "Fungsional", "", "Ahli Muda",
       SEKRETARIAT, KECAMATAN, 2, "S-2 Administrasi Publik", "S-2"),
    _o("Rina Marlina", "", "S.Kom.", D(1993, 7, 7), "P", "Jambi", "Islam", "PNS",
       (2019, 2), 5, "III/b", "Pranata Komputer Ahli Pertama", JFT, "Fungsional", "",
       "Ahli Pertama", SB_UMUM, SEKRETARIAT, 6, "S-1 Sistem Informasi", "S-1"),
    _o("Agus Salim", "", "A.Md.", D(1990, 12, 1), "L", "Muara Tebo", "Islam", "PNS",
       (2014, 12), 2, "II/d", "Arsiparis Terampil", JFT, "Fungsional", "", "Terampil",
       SB_UMUM, SEKRETARIAT, 6, "D-III Kearsipan", "D-III"),
    _o("Fitri Handayani", "", "S.E.", D(1994, 3, 19), "P", "Sungai Penuh", "Islam", "PNS",
       (2020, 3), 7, "III/a", "Perencana Ahli Pertama", JFT, "Fungsional", "", "Ahli Pertama",
       SB_KEU, SEKRETARIAT, 7, "S-1 Ekonomi Pembangunan", "S-1"),
    _o("Siti Aminah", "", "", D(1976, 10, 10), "P", "Rimbo Bujang", "Islam", "PNS",
       (2007, 1), 4, "II/d", "Pengadministrasi Umum", JFU, "Pelaksana", "", "",
       S_PEM, KECAMATAN, 3, "SLTA IPS", "SLTA"),
    _o("Hendra Gunawan", "", "S.T.", D(1988, 5, 21), "L", "Medan", "Kristen", "PNS",
       (2010, 5), 3, "III/b", "Pengolah Data", JFU, "Pelaksana", "", "",
       S_PEM, KECAMATAN, 3, "S-1 Teknik Sipil", "S-1"),
    _o("Joko Prasetyo", "", "", D(1983, 8, 8), "L", "Rimbo Bujang", "Islam", "PNS",
       (2009, 4), 8, "II/d", "Pengelola Ketenteraman dan Ketertiban", JFU, "Pelaksana", "", "",
       S_TRANTIB, KECAMATAN, 4, "SLTA IPA", "SLTA"),
    _o("Dewi Lestari", "", "A.Md.", D(1989, 2, 28), "P", "Muara Tebo", "Islam", "PNS",
       (2011, 1), 5, "III/a", "Bendahara", JFU, "Pelaksana", "", "",
       SB_KEU, SEKRETARIAT, 7, "D-III Akuntansi", "D-III"),
    _o("Rudi Hartono", "", "", D(1981, 7, 4), "L", "Bungo", "Katholik", "PNS",
       (2008, 2), 6, "II/c", "Pengadministrasi Umum", JFU, "Pelaksana", "", "",
       SB_UMUM, SEKRETARIAT, 6, "SLTA IPS", "SLTA"),
    _o("Yulia Safitri", "", "S.Sos.", D(1991, 11, 11), "P", "Jambi", "Islam", "PNS",
       (2018, 2), 3, "III/b", "Analis Pemberdayaan Masyarakat", JFU, "Pelaksana", "", "",
       S_PMD, KECAMATAN, 5, "S-1 Sosiologi", "S-1"),
    _o("Irfan Maulana", "", "S.Pd.", D(1992, 1, 26), "L", "Muara Tebo", "Islam", "PNS",
       (2019, 3), 9, "III/a", "Penyusun Bahan Pemberdayaan Masyarakat Desa", JFU, "Pelaksana",
       "", "", S_PMD, KECAMATAN, 5, "S-1 Pendidikan Ekonomi", "S-1"),
    _o("Ayu Puspitasari", "", "S.H.", D(1995, 5, 5), "P", "Bandung", "Islam", "PNS",
       (2022, 4), 4, "III/a", "Penyusun Bahan Ketenteraman dan Ketertiban", JFU, "Pelaksana",
       "", "", S_TRANTIB, KECAMATAN, 4, "S-1 Ilmu Hukum", "S-1"),
    _o("Fajar Ramadhan", "", "S.Tr.IP.", D(1999, 1, 15), "L", "Rimbo Bujang", "Islam", "CPNS",
       (2024, 6), 5, "III/a", "Pengolah Data dan Informasi", JFU, "Pelaksana", "", "",
       S_PEM, KECAMATAN, 3, "D-IV Pemerintahan", "D-IV"),
    _o("Rahmat Hidayat", "", "S.Kom.", D(1992, 9, 14), "L", "Jambi", "Islam", "PPPK",
       (2023, 10), 7, "IX", "Pranata Komputer Ahli Pertama", JFT, "Fungsional", "",
       "Ahli Pertama", SB_UMUM, SEKRETARIAT, 6, "S-1 Teknik Informatika", "S-1"),
    _o("Lina Marlina", "", "A.Md.", D(1994, 6, 22), "P", "Muara Tebo", "Islam", "PPPK",
       (2024, 3), 11, "VII", "Arsiparis Terampil", JFT, "Fungsional", "", "Terampil",
       SB_UMUM, SEKRETARIAT, 6, "D-III Kearsipan", "D-III"),
]
# fmt: on

# A pegawai for the "Excel rounded my NIP" rows: 19660801 198803 1 001 (the spec's example).
BAMBANG = _o(
    "Bambang Supriyadi", "Drs.", "", D(1966, 8, 1), "L", "Jambi", "Islam", "PNS", (1988, 3), 1,
    "IV/a", "Pengadministrasi Umum", JFU, "Pelaksana", "", "", S_PEM, KECAMATAN, 3,
    "S-1 Administrasi Negara", "S-1",
)  # fmt: skip
NIP_FLOAT_TEKS = "1.96608011988031E+17"  # how Excel shows 196608011988031001 after rounding
NIP_FLOAT = 1.96608011988031e17

GOL_ID = {
    f"{r}/{h}": f"{i}{j}"
    for i, r in enumerate(("I", "II", "III", "IV"), start=1)
    for j, h in enumerate("abcde", start=1)
}
GOL_AWAL = {"SLTA": "II/a", "D-III": "II/c", "D-IV": "III/a", "S-1": "III/a", "S-2": "III/b"}
ESELON_ID = {"III.a": "31", "III.b": "32", "IV.a": "41", "IV.b": "42"}
AGAMA_ID = {"Islam": "1", "Kristen": "2", "Katholik": "3"}
TINGKAT_ID = {"SLTA": "15", "D-III": "35", "D-IV": "40", "S-1": "40", "S-2": "45"}

SIASN_KOLOM = [
    "PNS ID", "NIP BARU", "NIP LAMA", "NAMA", "GELAR DEPAN", "GELAR BELAKANG",
    "TEMPAT LAHIR ID", "TEMPAT LAHIR NAMA", "TANGGAL LAHIR", "JENIS KELAMIN", "AGAMA ID",
    "AGAMA NAMA", "JENIS KAWIN ID", "JENIS KAWIN NAMA", "NIK", "IS VALID NIK", "NOMOR HP",
    "EMAIL", "EMAIL GOV", "ALAMAT", "NPWP", "BPJS", "JENIS PEGAWAI ID", "JENIS PEGAWAI NAMA",
    "KEDUDUKAN HUKUM ID", "KEDUDUKAN HUKUM NAMA", "STATUS CPNS PNS", "KARTU ASN",
    "NOMOR SK CPNS", "TANGGAL SK CPNS", "TMT CPNS", "NOMOR SK PNS", "TANGGAL SK PNS", "TMT PNS",
    "GOL AWAL ID", "GOL AWAL NAMA", "GOL AKHIR ID", "GOL AKHIR NAMA", "TMT GOLONGAN", "MK TAHUN",
    "MK BULAN", "JENIS JABATAN ID", "JENIS JABATAN NAMA", "JABATAN ID", "JABATAN NAMA",
    "TMT JABATAN", "ESELON ID", "ESELON NAMA", "TINGKAT PENDIDIKAN ID",
    "TINGKAT PENDIDIKAN NAMA", "PENDIDIKAN ID", "PENDIDIKAN NAMA", "TAHUN LULUS", "KPKN ID",
    "KPKN NAMA", "LOKASI KERJA ID", "LOKASI KERJA NAMA", "UNOR ID", "UNOR NAMA",
    "UNOR INDUK ID", "UNOR INDUK NAMA", "INSTANSI INDUK ID", "INSTANSI INDUK NAMA",
    "INSTANSI KERJA ID", "INSTANSI KERJA NAMA", "SATUAN KERJA INDUK ID",
    "SATUAN KERJA INDUK NAMA", "SATUAN KERJA KERJA ID", "SATUAN KERJA KERJA NAMA", "FLAG IKD",
]  # fmt: skip

ROSTER_KOLOM = [
    "NIP", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TANGGAL LAHIR", "JENIS KELAMIN", "STATUS",
    "GOLONGAN", "JABATAN", "JENIS JABATAN", "JENJANG", "UNIT KERJA", "UNIT INDUK", "ATASAN NIP",
]  # fmt: skip


def _id(*bagian: object) -> str:
    return hashlib.md5("|".join(map(str, bagian)).encode()).hexdigest().upper()


def _tgl(d: dt.date) -> str:
    return f"{d:%d-%m-%Y}"


def _nik(o: Orang) -> str:
    hari = o.lahir.day + (40 if o.kelamin == "P" else 0)
    return f"150902{hari:02d}{o.lahir:%m%y}{o.urut:04d}"


def siasn_baris(o: Orang) -> dict[str, str]:
    """One SIASN "Export Data ASN" row for a pegawai (all values as SIASN writes them)."""
    y, m = o.tmt
    tmt_cpns = dt.date(y, m, 1)
    pppk = o.status == "PPPK"
    tmt_pns = None if pppk or o.status == "CPNS" else dt.date(y + 1, m, 1)
    gol_awal = "" if pppk else GOL_AWAL[o.tingkat]
    mk = 2025 - y if not pppk else 0
    tmt_gol = tmt_cpns if pppk or o.golongan == gol_awal else dt.date(max(y + 4, 2021), 4, 1)
    tmt_jab = dt.date(max(y + 1, 2021), 1, 4) if not pppk else tmt_cpns
    nama_depan = o.nama.split()[0].lower()
    surel = f"{nama_depan}.{o.nama.split()[-1].lower()}{o.lahir:%y}@gmail.com"
    unor_induk = o.unit_induk or PEMDA
    return {
        "PNS ID": _id("pns", o.nip),
        "NIP BARU": o.nip,
        "NIP LAMA": f"5500{o.urut:02d}{o.lahir:%y}{o.lahir.month % 10}" if y < 2008 else "",
        "NAMA": o.nama,
        "GELAR DEPAN": o.gelar_depan,
        "GELAR BELAKANG": o.gelar_belakang,
        "TEMPAT LAHIR ID": _id("tempat", o.tempat_lahir),
        "TEMPAT LAHIR NAMA": o.tempat_lahir,
        "TANGGAL LAHIR": _tgl(o.lahir),
        "JENIS KELAMIN": "M" if o.kelamin == "L" else "F",
        "AGAMA ID": AGAMA_ID[o.agama],
        "AGAMA NAMA": o.agama,
        "JENIS KAWIN ID": "2" if o.lahir.year < 1996 else "1",
        "JENIS KAWIN NAMA": "Menikah" if o.lahir.year < 1996 else "Belum Menikah",
        "NIK": _nik(o),
        "IS VALID NIK": "TRUE",
        "NOMOR HP": f"0812{o.lahir:%d%m}{o.urut:04d}",
        "EMAIL": surel,
        "EMAIL GOV": f"{nama_depan}{o.urut}@tebokab.go.id" if not pppk else "",
        "ALAMAT": f"Jl. Lintas Sumatera Km {o.urut + 3}, RT 0{o.urut % 9 + 1}, Rimbo Bujang",
        "NPWP": f"{o.urut:02d}.{o.lahir:%y%m}.{o.lahir:%d}1.3-331.000",
        "BPJS": f"000{o.lahir:%y%m%d}{o.urut:04d}",
        "JENIS PEGAWAI ID": "71" if pppk else "4",
        "JENIS PEGAWAI NAMA": "PPPK" if pppk else "PNS Daerah Kabupaten/Kota",
        "KEDUDUKAN HUKUM ID": "01",
        "KEDUDUKAN HUKUM NAMA": "Aktif",
        "STATUS CPNS PNS": "" if pppk else ("C" if o.status == "CPNS" else "P"),
        "KARTU ASN": "",
        "NOMOR SK CPNS": f"813.3/{o.urut:03d}/BKPSDM/{y}",
        "TANGGAL SK CPNS": _tgl(tmt_cpns - dt.timedelta(days=20)),
        "TMT CPNS": _tgl(tmt_cpns),
        "NOMOR SK PNS": f"821.13/{o.urut:03d}/BKPSDM/{y + 1}" if tmt_pns else "",
        "TANGGAL SK PNS": _tgl(tmt_pns - dt.timedelta(days=15)) if tmt_pns else "",
        "TMT PNS": _tgl(tmt_pns) if tmt_pns else "",
        "GOL AWAL ID": GOL_ID.get(gol_awal, ""),
        "GOL AWAL NAMA": gol_awal,
        "GOL AKHIR ID": GOL_ID.get(o.golongan, ""),
        "GOL AKHIR NAMA": o.golongan,
        "TMT GOLONGAN": _tgl(tmt_gol),
        "MK TAHUN": str(mk),
        "MK BULAN": str((12 - m) % 12),
        "JENIS JABATAN ID": {STR: "1", JFT: "2", JFU: "4"}[o.jenis_siasn],
        "JENIS JABATAN NAMA": o.jenis_siasn,
        "JABATAN ID": _id("jabatan", o.jabatan),
        "JABATAN NAMA": o.jabatan,
        "TMT JABATAN": _tgl(tmt_jab),
        "ESELON ID": ESELON_ID.get(o.eselon, ""),
        "ESELON NAMA": o.eselon,
        "TINGKAT PENDIDIKAN ID": TINGKAT_ID[o.tingkat],
        "TINGKAT PENDIDIKAN NAMA": o.tingkat,
        "PENDIDIKAN ID": _id("pendidikan", o.pendidikan),
        "PENDIDIKAN NAMA": o.pendidikan,
        "TAHUN LULUS": str(y - 1),
        "KPKN ID": "A1",
        "KPKN NAMA": "KPPN Muara Bungo",
        "LOKASI KERJA ID": _id("lokasi", "Tebo"),
        "LOKASI KERJA NAMA": "Kab. Tebo",
        "UNOR ID": _id("unor", o.unit),
        "UNOR NAMA": o.unit,
        "UNOR INDUK ID": _id("unor", unor_induk),
        "UNOR INDUK NAMA": unor_induk,
        "INSTANSI INDUK ID": _id("instansi", PEMDA),
        "INSTANSI INDUK NAMA": PEMDA,
        "INSTANSI KERJA ID": _id("instansi", PEMDA),
        "INSTANSI KERJA NAMA": PEMDA,
        "SATUAN KERJA INDUK ID": _id("unor", KECAMATAN),
        "SATUAN KERJA INDUK NAMA": KECAMATAN,
        "SATUAN KERJA KERJA ID": _id("unor", KECAMATAN),
        "SATUAN KERJA KERJA NAMA": KECAMATAN,
        "FLAG IKD": "0",
    }


def _tulis_csv(nama: str, baris: list[list[str]], *, delimiter: str = ",", bom: bool = False):
    with (FOLDER / nama).open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        csv.writer(f, delimiter=delimiter, lineterminator="\r\n").writerows(baris)


def siasn_baik() -> None:
    baris = [SIASN_KOLOM] + [list(siasn_baris(o).values()) for o in ORANG]
    _tulis_csv("siasn_export_baik.csv", baris)


def siasn_titel_semicolon() -> None:
    """Same people; BOM, ';', two title lines, a "NO" column, an empty row, stray spaces."""
    lebar = len(SIASN_KOLOM) + 1
    kosong = [""] * (lebar - 1)
    baris: list[list[str]] = [
        ["DATA PEGAWAI ASN KECAMATAN RIMBO BUJANG – KABUPATEN TEBO", *kosong],
        ["Diunduh dari SIASN tanggal 06-01-2025", *kosong],
        ["NO", *SIASN_KOLOM],
    ]
    for i, o in enumerate(ORANG, start=1):
        vals = list(siasn_baris(o).values())
        if i % 3 == 0:  # stray spaces, as left by hand edits
            vals = [f" {v}  " if v else v for v in vals]
        baris.append([str(i), *vals])
        if i == 10:
            baris.append([""] * lebar)
    _tulis_csv("siasn_export_titel_semicolon.csv", baris, delimiter=";", bom=True)


def _ganti(o: Orang, **kw: object) -> dict[str, str]:
    d = siasn_baris(o)
    d.update({k: str(v) for k, v in kw.items()})
    return d


# Row number (as Excel shows it) -> what is wrong. Header is row 1.
RUSAK_CSV = {
    2: "baik (Camat)",
    3: "baik (Sekretaris Kecamatan)",
    4: "NIP BARU 17 digit (digit terakhir hilang)",
    5: "NIP BARU '1.96608011988031E+17' (dibulatkan Excel)",
    6: "TANGGAL LAHIR 03-11-1981 tidak cocok dengan NIP (19801103)",
    7: "GOL AKHIR NAMA 'V/a' tidak ada",
    8: "NAMA kosong",
    9: "TANGGAL LAHIR '31-02-1990' bukan tanggal",
    10: "JENIS KELAMIN 'M' padahal digit ke-15 NIP = 2 (wanita)",
    11: "baik (PPPK)",
}


def siasn_rusak() -> None:
    o = {x.nama: x for x in ORANG}
    budi = o["Budi Santoso"]
    baris = [
        siasn_baris(ORANG[0]),
        siasn_baris(ORANG[1]),
        _ganti(budi, **{"NIP BARU": budi.nip[:17]}),
        _ganti(BAMBANG, **{"NIP BARU": NIP_FLOAT_TEKS}),
        _ganti(o["Muhammad Rizal"], **{"TANGGAL LAHIR": "03-11-1981"}),
        _ganti(o["Sri Wahyuni"], **{"GOL AKHIR NAMA": "V/a", "GOL AKHIR ID": "51"}),
        _ganti(o["Dedi Kurniawan"], NAMA=""),
        _ganti(o["Agus Salim"], **{"TANGGAL LAHIR": "31-02-1990"}),
        _ganti(o["Siti Aminah"], **{"JENIS KELAMIN": "M"}),
        siasn_baris(o["Rahmat Hidayat"]),
    ]
    _tulis_csv("siasn_export_rusak.csv", [SIASN_KOLOM] + [list(b.values()) for b in baris])


def _nip_atasan(o: Orang) -> str:
    return ORANG[o.atasan - 1].nip if o.atasan else ""


def roster_baris(o: Orang) -> list[object]:
    return [
        o.nip, o.nama, o.gelar_depan, o.gelar_belakang, o.lahir, o.kelamin, o.status,
        o.golongan, o.jabatan, o.jenis, o.jenjang, o.unit, o.unit_induk, _nip_atasan(o),
    ]  # fmt: skip


def _nip_spasi(nip: str) -> str:
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"


def _workbook(judul_sheet: str) -> tuple[Workbook, object]:
    wb = Workbook()
    wb.properties.creator = "Kecamatan Rimbo Bujang"
    wb.properties.created = TETAP
    wb.properties.modified = TETAP
    ws = wb.active
    ws.title = judul_sheet
    return wb, ws


def _lebar(ws: object) -> None:
    for huruf, lebar in zip("ABCDEFGHIJKLMNO", (5, 22, 24, 10, 14, 13, 8, 8, 9, 34, 14, 13,
                                                 34, 30, 22), strict=True):  # fmt: skip
        ws.column_dimensions[huruf].width = lebar  # type: ignore[attr-defined]


ROSTER_BAIK = [*range(0, 13), 19, 20]  # indices in ORANG: 13 PNS, the CPNS, one PPPK
ROSTER_BAIK_HEADER = 4  # title, subtitle, blank, header
ROSTER_BAIK_KOSONG = 13  # the empty row between the data rows


def roster_baik() -> None:
    """A user-made sheet: title rows, a NO column, dates sometimes typed as text, NIPs as
    text (some with spaces), one empty row in the middle."""
    wb, ws = _workbook("Pegawai")
    ws.append(["DAFTAR PEGAWAI KECAMATAN RIMBO BUJANG"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["Kabupaten Tebo, keadaan 2 Januari 2025"])
    ws.append([])
    ws.append(["NO", *ROSTER_KOLOM])
    for c in ws[ROSTER_BAIK_HEADER]:
        c.font = Font(bold=True)
    for n, i in enumerate(ROSTER_BAIK, start=1):
        if ws.max_row + 1 == ROSTER_BAIK_KOSONG:
            ws.append([])
        o = ORANG[i]
        vals = roster_baris(o)
        if n % 3 == 0:
            vals[0] = _nip_spasi(o.nip)
        if n % 2 == 0:
            vals[4] = _tgl(o.lahir)  # typed as text
        else:
            vals[4] = dt.datetime.combine(o.lahir, dt.time())
        ws.append([n, *vals])
        r = ws.max_row
        ws.cell(row=r, column=2).number_format = "@"
        ws.cell(row=r, column=15).number_format = "@"
        if n % 2:
            ws.cell(row=r, column=6).number_format = "DD-MM-YYYY"
    _lebar(ws)
    ws.freeze_panes = f"A{ROSTER_BAIK_HEADER + 1}"
    wb.save(FOLDER / "roster_template_baik.xlsx")


# Row number -> what is wrong. Header is row 1 (the program's own template layout).
RUSAK_XLSX = {
    2: "baik (Camat)",
    3: "NIP berupa angka 1.96608011988031E+17 (float, dibulatkan Excel)",
    4: "NIP 17 digit",
    5: "TANGGAL LAHIR 03-11-1981 (tanggal Excel) tidak cocok dengan NIP (19801103)",
    6: "GOLONGAN 'V/a' tidak ada",
    7: "NAMA kosong",
    8: "TANGGAL LAHIR teks '31-02-1990' bukan tanggal",
    9: "JENIS KELAMIN 'L' padahal digit ke-15 NIP = 2 (wanita)",
    10: "baik (Sekretaris Kecamatan)",
}


def roster_rusak() -> None:
    wb, ws = _workbook("Data")
    ws.append(ROSTER_KOLOM)
    for c in ws[1]:
        c.font = Font(bold=True)
    o = {x.nama: x for x in ORANG}

    def baris(x: Orang, **ganti: object) -> list[object]:
        vals = roster_baris(x)
        vals[4] = dt.datetime.combine(x.lahir, dt.time())
        if x is not ORANG[0]:
            vals[-1] = ORANG[0].nip  # every atasan is the (valid) Camat in row 2
        for k, v in ganti.items():
            vals[ROSTER_KOLOM.index(k.replace("_", " "))] = v
        return vals

    budi = o["Budi Santoso"]
    data = [
        baris(ORANG[0]),
        baris(BAMBANG, NIP=NIP_FLOAT),
        baris(budi, NIP=budi.nip[:17]),
        baris(o["Muhammad Rizal"], TANGGAL_LAHIR=dt.datetime(1981, 11, 3)),
        baris(o["Sri Wahyuni"], GOLONGAN="V/a"),
        baris(o["Dedi Kurniawan"], NAMA=None),
        baris(o["Agus Salim"], TANGGAL_LAHIR="31-02-1990"),
        baris(o["Siti Aminah"], JENIS_KELAMIN="L"),
        baris(ORANG[1]),
    ]
    for vals in data:
        ws.append(vals)
        r = ws.max_row
        if isinstance(vals[0], str):
            ws.cell(row=r, column=1).number_format = "@"
        if isinstance(vals[4], dt.datetime):
            ws.cell(row=r, column=5).number_format = "DD-MM-YYYY"
    wb.save(FOLDER / "roster_template_rusak.xlsx")


def bukan_tabel() -> None:
    wb, ws = _workbook("Sheet1")
    ws.append(["Laporan Kegiatan Bulan Desember 2024"])
    ws.append([])
    ws.append(["Kegiatan", "Jumlah"])
    ws.append(["Rapat koordinasi", 4])
    ws.append(["Kunjungan desa", 12])
    ws.append(["Muara Tebo, 31 Desember 2024"])
    wb.save(FOLDER / "bukan_tabel.xlsx")


def kosong() -> None:
    (FOLDER / "kosong.csv").write_bytes(b"")


def main() -> None:
    siasn_baik()
    siasn_titel_semicolon()
    siasn_rusak()
    roster_baik()
    roster_rusak()
    bukan_tabel()
    kosong()


if __name__ == "__main__":
    main()
