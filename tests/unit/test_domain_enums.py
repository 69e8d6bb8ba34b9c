import pytest

from kinerja_desktop.domain.enums import (
    JenisJabatan,
    JenisKelamin,
    JenjangFungsional,
    StatusPegawai,
    parse_jenis_jabatan,
    parse_jenis_kelamin,
    parse_jenjang_fungsional,
    parse_status,
)
from kinerja_desktop.domain.errors import ValidationError


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [
        ("PNS", StatusPegawai.PNS),
        ("pns", StatusPegawai.PNS),
        ("PNS Daerah", StatusPegawai.PNS),
        ("PNS Pusat", StatusPegawai.PNS),
        ("Pegawai Negeri Sipil", StatusPegawai.PNS),
        ("CPNS", StatusPegawai.CPNS),
        ("CPNS Daerah", StatusPegawai.CPNS),
        ("Calon Pegawai Negeri Sipil", StatusPegawai.CPNS),
        ("PPPK", StatusPegawai.PPPK),
        ("PPPK Daerah", StatusPegawai.PPPK),
        ("P3K", StatusPegawai.PPPK),
        ("Pegawai Pemerintah dengan Perjanjian Kerja", StatusPegawai.PPPK),
    ],
)
def test_parse_status(teks, hasil):
    assert parse_status(teks) is hasil


@pytest.mark.parametrize("teks", ["", None, "Honorer", "TNI"])
def test_parse_status_ditolak(teks):
    with pytest.raises(ValidationError) as e:
        parse_status(teks)
    assert e.value.kolom == "Status"


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [
        *[(t, JenisKelamin.PRIA) for t in ["L", "l", "Laki-laki", "LAKI-LAKI", "Pria", "1", "M"]],
        *[(t, JenisKelamin.WANITA) for t in ["P", "Perempuan", "wanita", "2", "F"]],
        (1, JenisKelamin.PRIA),
    ],
)
def test_parse_jenis_kelamin(teks, hasil):
    assert parse_jenis_kelamin(teks) is hasil


def test_parse_jenis_kelamin_ditolak():
    with pytest.raises(ValidationError, match="L \\(Laki-laki\\) atau P"):
        parse_jenis_kelamin("X")


def test_labels():
    assert JenisKelamin.PRIA.label == "Laki-laki"
    assert JenisKelamin.WANITA.label == "Perempuan"
    assert JenisKelamin.PRIA == "L"
    assert [j.label for j in JenisJabatan] == [
        "Jabatan Pimpinan Tinggi",
        "Administrator",
        "Pengawas",
        "Pelaksana",
        "Fungsional",
    ]
    assert [j.value for j in JenisJabatan] == [j.name for j in JenisJabatan]
    assert StatusPegawai.PPPK.label == "PPPK"
    assert JenjangFungsional.AHLI_PERTAMA.label == "Ahli Pertama"
    assert JenjangFungsional.PENYELIA.label == "Penyelia"


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [
        ("Jabatan Fungsional Tertentu", JenisJabatan.FUNGSIONAL),
        ("JABATAN FUNGSIONAL TERTENTU", JenisJabatan.FUNGSIONAL),
        ("Fungsional", JenisJabatan.FUNGSIONAL),
        ("FUNGSIONAL", JenisJabatan.FUNGSIONAL),
        ("Jabatan Fungsional", JenisJabatan.FUNGSIONAL),
        ("Jabatan Fungsional Umum", JenisJabatan.PELAKSANA),
        ("Pelaksana", JenisJabatan.PELAKSANA),
        ("Jabatan Pelaksana", JenisJabatan.PELAKSANA),
        ("Jabatan Pimpinan Tinggi", JenisJabatan.JPT),
        ("jpt", JenisJabatan.JPT),
        ("JPT Pratama", JenisJabatan.JPT),
        ("Administrator", JenisJabatan.ADMINISTRATOR),
        ("ADMINISTRATOR", JenisJabatan.ADMINISTRATOR),
        ("Pengawas", JenisJabatan.PENGAWAS),
        ("Jabatan Struktural Eselon II", JenisJabatan.JPT),
        ("Jabatan Struktural Eselon I", JenisJabatan.JPT),
        ("Jabatan Struktural Eselon III", JenisJabatan.ADMINISTRATOR),
        ("Jabatan Struktural Eselon IV", JenisJabatan.PENGAWAS),
        ("Struktural eselon 3", JenisJabatan.ADMINISTRATOR),
        ("Jabatan Struktural (Pengawas)", JenisJabatan.PENGAWAS),
        ("Jabatan Struktural - Administrator", JenisJabatan.ADMINISTRATOR),
    ],
)
def test_parse_jenis_jabatan(teks, hasil):
    assert parse_jenis_jabatan(teks) is hasil


def test_parse_jenis_jabatan_struktural_tanpa_eselon():
    with pytest.raises(ValidationError, match="eselon") as e:
        parse_jenis_jabatan("Jabatan Struktural")
    assert e.value.kolom == "Jenis Jabatan"


def test_parse_jenis_jabatan_tidak_dikenal():
    with pytest.raises(ValidationError, match="tidak dikenal"):
        parse_jenis_jabatan("Direktur Utama")


@pytest.mark.parametrize("jenjang", list(JenjangFungsional))
def test_parse_jenjang_fungsional(jenjang):
    assert parse_jenjang_fungsional(jenjang.label) is jenjang
    assert parse_jenjang_fungsional(jenjang.value) is jenjang
    assert parse_jenjang_fungsional(f"Pranata Komputer {jenjang.label}") is jenjang


def test_parse_jenjang_fungsional_ditolak():
    with pytest.raises(ValidationError):
        parse_jenjang_fungsional("Ahli Super")
