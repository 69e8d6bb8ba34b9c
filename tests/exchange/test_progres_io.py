"""Excel import of daily progress and realisasi: template, preview with row/column/reason,
all-or-nothing apply; the 'belum mengisi' export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kinerja_desktop.db.models import BuktiDukung, ProgresHarian, Realisasi
from kinerja_desktop.domain.errors import StateError
from kinerja_desktop.exchange import progres_io as io
from kinerja_desktop.exchange.tabular import FileFormatError
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services.uow import run
from tests.factories_pemantauan import kantor

SAMPLES = Path(__file__).parent / "samples"
HARI = date(2025, 6, 30)


@pytest.fixture
def k(session):
    k = kantor(session)
    k.pegawai.nip = "198005172005031001"
    k.atasan.nip = "197502032000032001"
    session.commit()
    return k


def test_template_has_columns_codes_and_text_nip(db, session, k, tmp_path):
    path = tmp_path / "templat.xlsx"
    io.tulis_template_progres(path, session, k.pegawai.id, 2025)
    wb = load_workbook(path)
    ws = wb["Data"]
    assert [c.value for c in ws[1]] == [
        "NIP",
        "Tanggal",
        "Uraian Kegiatan",
        "Kode RHK/IKI",
        "Kuantitas",
        "Satuan",
        "Tautan Bukti",
    ]
    assert ws["A2"].value == "198005172005031001" and ws["A2"].number_format == "@"
    petunjuk = "\n".join(str(c.value) for c in wb["Petunjuk"]["A"] if c.value)
    assert "1.1  —  IKI: Jumlah laporan keuangan bulanan (target 12 laporan)" in petunjuk
    # the template itself reads back (its example rows are valid entries)
    pr = run(db.session_factory, k.a_pegawai, io.baca_progres, path, hari_ini=HARI)
    assert len(pr.valid) == 2 and not pr.masalah
    path2 = tmp_path / "realisasi.xlsx"
    io.tulis_template_realisasi(path2, session, k.pegawai.id, 2025)
    assert [c.value for c in load_workbook(path2)["Data"][1]][:4] == [
        "NIP",
        "Periode",
        "Kode IKI",
        "Realisasi",
    ]


def test_good_file_preview_and_apply(db, session, k):
    pr = run(
        db.session_factory,
        k.a_pegawai,
        io.baca_progres,
        SAMPLES / "progres_baik.xlsx",
        hari_ini=HARI,
    )
    assert pr.masalah == [] and len(pr.valid) == 5 and pr.bisa_diterapkan
    assert [v.baris for v in pr.valid] == [4, 5, 6, 7, 8]  # below a title and a blank row
    assert pr.valid[0].ringkasan.startswith("03-03-2025 · [1.1] Menyusun draf")
    assert pr.valid[4].entri.satuan == "laporan"  # from the IKI
    assert session.query(ProgresHarian).count() == 0  # preview writes nothing
    n = run(db.session_factory, k.a_pegawai, io.terapkan_progres, pr, hari_ini=HARI)
    assert n == 5
    rows = run(
        db.session_factory,
        k.a_pegawai,
        pm.daftar_progres,
        k.pegawai.id,
        date(2025, 3, 1),
        date(2025, 3, 31),
    )
    assert [r.tanggal.day for r in rows] == [3, 4, 5, 6, 7]
    assert rows[2].jumlah_bukti == 1  # the link became a TAUTAN attachment
    session.rollback()
    assert session.query(BuktiDukung).filter_by(jenis="TAUTAN").count() == 1
    saran = run(db.session_factory, k.a_pegawai, pm.saran_realisasi, k.iki[0].id, k.tw1.id)
    assert saran.jumlah == 2
    # importing the same file again is caught row by row
    again = run(
        db.session_factory,
        k.a_pegawai,
        io.baca_progres,
        SAMPLES / "progres_baik.xlsx",
        hari_ini=HARI,
    )
    assert len(again.masalah) == 5 and "sudah tercatat" in again.masalah[0].alasan


def test_csv_with_other_headers(db, session, k):
    pr = run(
        db.session_factory,
        k.a_pegawai,
        io.baca_progres,
        SAMPLES / "progres_baik.csv",
        hari_ini=HARI,
    )
    assert pr.masalah == [] and len(pr.valid) == 2
    assert pr.valid[1].entri.tanggal == date(2025, 3, 11) and pr.valid[1].entri.kuantitas == 15


def test_broken_file_reports_row_column_reason_and_applies_nothing(db, session, k):
    import importlib.util

    spec = importlib.util.spec_from_file_location("mk", SAMPLES / "make_progres_samples.py")
    mk = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mk)
    pr = run(
        db.session_factory,
        k.a_pegawai,
        io.baca_progres,
        SAMPLES / "progres_rusak.xlsx",
        hari_ini=HARI,
    )
    assert [(m.baris, m.kolom) for m in pr.masalah] == mk.RUSAK
    alasan = {m.baris: m.alasan for m in pr.masalah}
    assert "tidak terdaftar" in alasan[3]
    assert "bukan tanggal yang ada" in alasan[4]
    assert "Kode 9.9 tidak ada" in alasan[5]
    assert "bukan angka" in alasan[6]
    assert "wajib diisi" in alasan[7]
    assert "http" in alasan[8]
    assert "bukan NIP Anda" in alasan[9]
    assert "angka di Excel" in alasan[10]
    assert "belum terjadi" in alasan[11]
    assert len(pr.valid) == 1 and not pr.bisa_diterapkan
    assert "Baris 4 kolom Tanggal:" in str(pr.masalah[1])
    with pytest.raises(StateError) as e:
        run(db.session_factory, k.a_pegawai, io.terapkan_progres, pr, hari_ini=HARI)
    session.rollback()
    assert "9 baris bermasalah" in str(e.value)
    assert session.query(ProgresHarian).count() == 0


def test_admin_may_import_for_anyone(db, session, k, admin):
    pr = run(
        db.session_factory, admin, io.baca_progres, SAMPLES / "progres_rusak.xlsx", hari_ini=HARI
    )
    baris9 = [m for m in pr.masalah if m.baris == 9]
    # the NIP is accepted for the operator; Siti simply has no SKP
    assert baris9[0].kolom == "Kode RHK/IKI" and "belum memiliki SKP" in baris9[0].alasan


def test_apply_is_all_or_nothing_when_data_changed_since_preview(db, session, k):
    pr = run(
        db.session_factory,
        k.a_pegawai,
        io.baca_progres,
        SAMPLES / "progres_baik.xlsx",
        hari_ini=HARI,
    )
    # the SKP lost an IKI between preview and apply: the last entry now fails
    from kinerja_desktop.db.models import Indikator

    session.delete(session.get(Indikator, k.iki[2].id))
    session.commit()
    with pytest.raises(Exception):  # noqa: B017 — any error; what matters is nothing was saved
        run(db.session_factory, k.a_pegawai, io.terapkan_progres, pr, hari_ini=HARI)
    session.rollback()
    assert session.query(ProgresHarian).count() == 0
    assert session.query(BuktiDukung).count() == 0


def test_realisasi_import(db, session, k):
    pr = run(
        db.session_factory,
        k.a_pegawai,
        io.baca_realisasi,
        SAMPLES / "progres_realisasi_baik.xlsx",
        2025,
    )
    assert pr.masalah == [] and len(pr.valid) == 4
    n = run(db.session_factory, k.a_pegawai, io.terapkan_realisasi, pr, hari_ini=HARI)
    assert n == 4
    rows = run(db.session_factory, k.a_atasan, pm.realisasi_skp, k.skp.id, k.tw1.id)
    assert [r.nilai for r in rows] == [3, 97.5, None]
    assert rows[2].narasi.startswith("Pembinaan") and rows[1].jumlah_bukti == 1
    assert all(r.terlambat for r in rows)  # imported on 30-06, after the TW1 deadline
    session.rollback()
    assert session.query(Realisasi).count() == 4


def test_realisasi_import_problems(db, session, k, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["NIP", "Periode", "Kode IKI", "Realisasi", "Uraian Realisasi"])
    nip = "198005172005031001"
    ws.append([nip, "TW9", "1.1", 3, None])
    ws.append([nip, "TW1", "1", 3, None])
    ws.append([nip, "TW1", "2.1", None, None])
    ws.append([nip, "TW1", "1.1", None, None])
    ws.append([nip, "TW1", "1.2", 5, None])
    ws.append([nip, "TW1", "1.2", 6, None])
    for c in ws["A"]:
        c.number_format = "@"
    path = tmp_path / "r.xlsx"
    wb.save(path)
    pr = run(db.session_factory, k.a_pegawai, io.baca_realisasi, path, 2025)
    assert [(m.baris, m.kolom) for m in pr.masalah] == [
        (2, "Periode"),
        (3, "Kode IKI"),
        (4, "Uraian Realisasi"),
        (5, "Realisasi"),
        (7, "Kode IKI"),
    ]
    assert "TW1, TW2, TW3, AKHIR" in pr.masalah[0].alasan


def test_unreadable_file(db, session, k, tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a workbook")
    with pytest.raises(FileFormatError):
        run(db.session_factory, k.a_pegawai, io.baca_progres, bad)
    wrong = tmp_path / "y.csv"
    wrong.write_text("Nama;Alamat\nBudi;Tebo\n")
    with pytest.raises(FileFormatError) as e:
        run(db.session_factory, k.a_pegawai, io.baca_progres, wrong)
    assert "NIP" in str(e.value)


def test_export_belum_mengisi(tmp_path):
    rows = [
        pm.BelumMengisiRow(
            1, "Budi Santoso, S.E.", "198005172005031001", "Penata LK", "Kecamatan", pm.DRAF, 1, 3
        )
    ]
    path = tmp_path / "belum.xlsx"
    io.ekspor_belum_mengisi(path, rows, "Belum mengisi realisasi Triwulan I 2025")
    ws = load_workbook(path).active
    assert ws["A1"].value == "Belum mengisi realisasi Triwulan I 2025"
    assert [c.value for c in ws[4]] == [
        1,
        "Budi Santoso, S.E.",
        "198005172005031001",
        "Penata LK",
        "Kecamatan",
        "Draf",
        "1/3",
    ]
