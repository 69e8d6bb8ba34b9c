"""A later SIASN export of the same office (samples/siasn_export_kedudukan.csv, tab-delimited,
and the same data as .xlsx; made by samples/make_siasn_kedudukan.py): the KEDUDUKAN HUKUM
cases of domain.md §2a that siasn_export_nyata.csv lacks, and a return from an absence."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from kinerja_desktop.db.models import Pegawai
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.services import impor_pegawai as imp

SAMPLES = Path(__file__).parent / "samples"
NYATA = SAMPLES / "siasn_export_nyata.csv"
CSV = SAMPLES / "siasn_export_kedudukan.csv"
XLSX = SAMPLES / "siasn_export_kedudukan.xlsx"
_BARIS = list(csv.DictReader(CSV.open(encoding="utf-8"), delimiter="\t"))
PHTAPS = "Pemberhentian Dengan Hormat Tidak Atas Permintaan Sendiri"
PTDH = "Diberhentikan Tidak Dengan Hormat"


class _State:
    cancelled = False

    def progress(self, done, total, pesan=""):
        pass


def _impor(db, path):
    p = imp.pratinjau_worker(_State(), db.session_factory, SISTEM, path)
    return p, imp.impor_worker(_State(), db.session_factory, SISTEM, p)


def _pegawai(session, i: int) -> Pegawai:
    session.rollback()
    p = session.scalar(select(Pegawai).where(Pegawai.nip == _BARIS[i]["NIP BARU"]))
    assert p is not None
    return p


def test_samples_have_the_real_columns():
    kepala = CSV.read_text(encoding="utf-8").splitlines()[0].split("\t")
    with NYATA.open(encoding="utf-8") as f:
        assert kepala == f.readline().rstrip("\n").split("|")
    ws = load_workbook(XLSX, read_only=True).active
    assert [c.value for c in next(ws.iter_rows(max_row=1))] == kepala
    assert {"KEDUDUKAN HUKUM ID", "KEDUDUKAN HUKUM NAMA", "ESELON NAMA", "UNOR ID"} <= set(kepala)


@pytest.mark.parametrize("berkas", [CSV, XLSX], ids=["csv-tab", "xlsx"])
def test_a_new_roster_takes_each_kedudukan_as_the_table_says(db, session, berkas):
    p, hasil = _impor(db, berkas)
    assert p.sumber == "SIASN" and p.tidak_valid == [] and hasil.ditambah == len(_BARIS)
    for i, kh in (
        (4, "Pemberhentian Sementara"),
        (8, "Masa Persiapan Pensiun"),
        (15, "Tugas Belajar"),
    ):
        peg = _pegawai(session, i)
        assert (peg.aktif, peg.bebas_tugas, peg.kedudukan_hukum) == (True, True, kh), i
    for i, kh in ((11, PHTAPS), (17, PTDH), (12, "Pensiun")):
        peg = _pegawai(session, i)
        assert (peg.aktif, peg.alasan_nonaktif, peg.bebas_tugas) == (False, kh, False), i
        assert peg.tanggal_nonaktif is not None
    peg = _pegawai(session, 14)
    assert (peg.aktif, peg.bebas_tugas, peg.kedudukan_hukum) == (True, False, "Aktif")


def test_the_later_export_shows_each_change_then_applies_it(db, session):
    _impor(db, NYATA)
    assert _pegawai(session, 14).bebas_tugas  # CLTN in the earlier file
    p = imp.pratinjau_worker(_State(), db.session_factory, SISTEM, XLSX)
    ubah = {b.nip: b.ringkasan_perubahan for b in p.baris if b.perubahan}
    nip = {i: _BARIS[i]["NIP BARU"] for i in (4, 8, 11, 14, 17)}
    assert set(ubah) == set(nip.values())
    assert "Keaktifan: bebas tugas sementara: CLTN → aktif" in ubah[nip[14]]
    assert "Keaktifan: aktif → bebas tugas sementara: Pemberhentian Sementara" in ubah[nip[4]]
    assert "Keaktifan: aktif → bebas tugas sementara: Masa Persiapan Pensiun" in ubah[nip[8]]
    assert f"Keaktifan: aktif → nonaktif: {PHTAPS}" in ubah[nip[11]]
    assert f"Keaktifan: aktif → nonaktif: {PTDH}" in ubah[nip[17]]
    hasil = imp.impor_worker(_State(), db.session_factory, SISTEM, p)
    assert (hasil.ditambah, hasil.diubah) == (0, 5)
    kembali = _pegawai(session, 14)
    assert (kembali.aktif, kembali.bebas_tugas, kembali.kedudukan_hukum) == (True, False, "Aktif")
    assert _pegawai(session, 11).aktif is False
    # the same export again changes nothing
    again = imp.pratinjau_worker(_State(), db.session_factory, SISTEM, CSV)
    assert again.dipilih_bawaan() == set()
