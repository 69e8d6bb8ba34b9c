"""Roster import/export with the committed sample files (good and broken)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.db.models import Pegawai, PenugasanPenilai, UnitKerja
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.exchange import pegawai as io
from kinerja_desktop.exchange.pegawai.kolom import KOLOM_DIKENAL
from kinerja_desktop.exchange.tabular import Dibatalkan, FileFormatError, read_table
from kinerja_desktop.services import impor_pegawai
from kinerja_desktop.services import organisasi as org
from kinerja_desktop.services import pegawai as svc
from kinerja_desktop.services.impor_pegawai import pratinjau as io_pratinjau
from kinerja_desktop.services.impor_pegawai import terapkan as io_terapkan
from kinerja_desktop.services.uow import run, unit_of_work

SAMPLES = Path(__file__).parent / "samples"
SIASN_BAIK = SAMPLES / "siasn_export_baik.csv"
SIASN_RUSAK = SAMPLES / "siasn_export_rusak.csv"
SIASN_TITEL = SAMPLES / "siasn_export_titel_semicolon.csv"
ROSTER_BAIK = SAMPLES / "roster_template_baik.xlsx"
ROSTER_RUSAK = SAMPLES / "roster_template_rusak.xlsx"
JUMLAH_SIASN = 22


def pratinjau(db, path, **kw) -> impor_pegawai.Pratinjau:
    return impor_pegawai.pratinjau_worker(_State(), db.session_factory, SISTEM, path, **kw)


def terapkan(db, p, dipilih=None, state=None) -> impor_pegawai.HasilImpor:
    return impor_pegawai.impor_worker(state or _State(), db.session_factory, SISTEM, p, dipilih)


class _State:
    def __init__(self, batal_setelah: int | None = None, gagal_pada: str | None = None):
        self.calls = 0
        self.batal_setelah = batal_setelah
        self.gagal_pada = gagal_pada

    @property
    def cancelled(self) -> bool:
        return self.batal_setelah is not None and self.calls >= self.batal_setelah

    def progress(self, done, total, pesan=""):
        self.calls += 1
        if self.gagal_pada and self.gagal_pada in pesan:
            raise RuntimeError("disk penuh (simulasi)")


def jumlah(session, model) -> int:
    session.rollback()  # end the read transaction: see what other sessions wrote
    return session.scalar(select(func.count(model.id)))


def test_siasn_good_file_preview_then_apply(db, session):
    p = pratinjau(db, SIASN_BAIK)
    assert p.sumber == "SIASN"
    assert p.jumlah(impor_pegawai.JenisBaris.BARU) == JUMLAH_SIASN
    assert p.jumlah(impor_pegawai.JenisBaris.TIDAK_VALID) == 0
    assert "Kecamatan Rimbo Bujang (di bawah Pemerintah Kabupaten Tebo)" in p.daftar_unit_baru()
    assert jumlah(session, Pegawai) == 0  # the preview writes nothing
    hasil = terapkan(db, p)
    assert (hasil.ditambah, hasil.diubah) == (JUMLAH_SIASN, 0)
    assert jumlah(session, Pegawai) == JUMLAH_SIASN
    camat = session.scalar(select(Pegawai).where(Pegawai.jabatan == "Camat Rimbo Bujang"))
    assert (camat.nip, camat.status, camat.golongan, camat.jenis_jabatan) == (
        "197105121996031002",
        "PNS",
        "IV/b",
        "ADMINISTRATOR",
    )
    assert camat.unit_kerja.nama == "Kecamatan Rimbo Bujang"
    assert camat.unit_kerja.induk.nama == "Pemerintah Kabupaten Tebo"
    assert camat.pns_id
    cpns = session.scalar(select(Pegawai).where(Pegawai.nama == "Fajar Ramadhan"))
    assert cpns.status == "CPNS"
    pppk = session.scalar(select(Pegawai).where(Pegawai.nama == "Rahmat Hidayat"))
    assert (pppk.status, pppk.golongan, pppk.jenjang) == ("PPPK", "IX", "AHLI_PERTAMA")


def test_same_file_twice_changes_nothing(db, session):
    terapkan(db, pratinjau(db, SIASN_BAIK))
    units = jumlah(session, UnitKerja)
    # same people in another layout: title lines, ';', BOM, stray spaces, an empty row
    for path in (SIASN_BAIK, SIASN_TITEL):
        p = pratinjau(db, path)
        assert p.jumlah(impor_pegawai.JenisBaris.SAMA) == JUMLAH_SIASN, p.ringkasan()
        assert not p.unit_baru
        hasil = terapkan(db, p)
        assert (hasil.ditambah, hasil.diubah, hasil.unit_dibuat) == (0, 0, 0)
    assert jumlah(session, Pegawai) == JUMLAH_SIASN
    assert jumlah(session, UnitKerja) == units


def test_changed_rows_list_old_and_new_values(db, session, tmp_path):
    terapkan(db, pratinjau(db, SIASN_BAIK))
    rows = list(csv.reader(SIASN_BAIK.open(encoding="utf-8")))
    kol = {k: i for i, k in enumerate(rows[0])}
    rows[3][kol["GOL AKHIR NAMA"]] = "IV/a"  # Budi Santoso III/d -> IV/a
    rows[3][kol["JABATAN NAMA"]] = "Sekretaris Kecamatan"
    berkas = tmp_path / "ubah.csv"
    with berkas.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    p = pratinjau(db, berkas)
    (b,) = p.per_jenis(impor_pegawai.JenisBaris.BERUBAH)
    assert b.nomor_baris == 4
    assert (
        impor_pegawai.Perubahan("Pangkat/golongan", "Penata Tk. I, III/d", "Pembina, IV/a")
        in b.perubahan
    )
    assert impor_pegawai.Perubahan(
        "Jabatan", "Kepala Seksi Pemerintahan", "Sekretaris Kecamatan"
    ) in (b.perubahan)
    terapkan(db, p)
    budi = session.scalar(select(Pegawai).where(Pegawai.nama == "Budi Santoso"))
    session.refresh(budi)
    assert budi.golongan == "IV/a"


EXPECTED_SIASN_RUSAK = {
    4: ("NIP BARU", "18 digit"),
    5: ("NIP BARU", "format kolom NIP menjadi Teks"),
    6: ("TANGGAL LAHIR", "tidak sama dengan tanggal lahir pada nomor induk"),
    7: ("GOL AKHIR NAMA", "'V/a'"),
    8: ("NAMA", "wajib"),
    9: ("TANGGAL LAHIR", "tidak ada di kalender"),
    10: ("JENIS KELAMIN", "digit ke-15"),
}
EXPECTED_ROSTER_RUSAK = {
    3: ("NIP", "format kolom NIP menjadi Teks"),
    4: ("NIP", "18 digit"),
    5: ("TANGGAL LAHIR", "tidak sama dengan tanggal lahir pada nomor induk"),
    6: ("GOLONGAN", "'V/a'"),
    7: ("NAMA", "wajib"),
    8: ("TANGGAL LAHIR", "tidak ada di kalender"),
    9: ("JENIS KELAMIN", "digit ke-15"),
}


@pytest.mark.parametrize(
    ("path", "expected", "baik"),
    [(SIASN_RUSAK, EXPECTED_SIASN_RUSAK, 3), (ROSTER_RUSAK, EXPECTED_ROSTER_RUSAK, 2)],
)
def test_broken_rows_report_row_column_reason(db, session, path, expected, baik):
    p = pratinjau(db, path)
    salah = {b.nomor_baris: b for b in p.tidak_valid}
    assert set(salah) == set(expected)
    for nomor, (kolom, potongan) in expected.items():
        (g,) = salah[nomor].galat
        assert g.kolom == kolom, (nomor, g)
        assert potongan in g.alasan, (nomor, g)
    assert p.jumlah(impor_pegawai.JenisBaris.BARU) == baik
    hasil = terapkan(db, p)  # the valid rows are imported, the invalid ones skipped
    assert hasil.ditambah == baik
    assert jumlah(session, Pegawai) == baik


def test_template_sets_units_and_atasan(db, session):
    p = pratinjau(db, ROSTER_BAIK, mulai_atasan=date(2025, 1, 1))
    assert p.sumber == "Template"
    assert p.jumlah(impor_pegawai.JenisBaris.BARU) == 15
    terapkan(db, p)
    rina = session.scalar(select(Pegawai).where(Pegawai.nama == "Rina Marlina"))
    dedi = session.scalar(select(Pegawai).where(Pegawai.nama == "Dedi Kurniawan"))
    assert org.penilai_pada(session, rina.id, date(2025, 6, 1)) == dedi.id
    assert rina.unit_kerja.nama == "Subbagian Umum dan Kepegawaian"
    assert rina.unit_kerja.induk.nama == "Sekretariat Kecamatan Rimbo Bujang"
    # the same file again: nothing to do, no second assignment
    p2 = pratinjau(db, ROSTER_BAIK, mulai_atasan=date(2025, 1, 1))
    assert p2.jumlah(impor_pegawai.JenisBaris.SAMA) == 15
    n = session.scalar(select(func.count(PenugasanPenilai.id)))
    terapkan(db, p2)
    assert session.scalar(select(func.count(PenugasanPenilai.id))) == n


def test_new_atasan_from_a_later_date_is_a_change(db, session, tmp_path):
    terapkan(db, pratinjau(db, ROSTER_BAIK, mulai_atasan=date(2025, 1, 1)))
    p = pratinjau(db, ROSTER_RUSAK, mulai_atasan=date(2026, 1, 1))  # everyone -> the Camat
    sekcam = next(b for b in p.baris if b.nomor_baris == 10)
    assert sekcam.jenis is impor_pegawai.JenisBaris.SAMA  # the Camat already is her atasan
    assert all(b.jenis is not impor_pegawai.JenisBaris.BERUBAH for b in p.baris)


def test_selected_rows_only(db, session):
    p = pratinjau(db, SIASN_BAIK)
    pilih = {2, 3}  # Camat and Sekretaris Kecamatan
    hasil = terapkan(db, p, pilih)
    assert hasil.ditambah == 2
    assert hasil.unit_dibuat == 3  # Pemerintah Kabupaten Tebo, Kecamatan, Sekretariat
    assert jumlah(session, Pegawai) == 2


def test_failure_mid_apply_writes_nothing(db, session):
    p = pratinjau(db, SIASN_BAIK)
    with pytest.raises(RuntimeError):
        terapkan(db, p, state=_State(gagal_pada="Menulis"))
    assert jumlah(session, Pegawai) == 0
    assert jumlah(session, UnitKerja) == 0


def test_cancel_leaves_nothing(db, session, monkeypatch):
    monkeypatch.setattr(io_pratinjau, "_LANGKAH", 5)
    monkeypatch.setattr(io_terapkan, "_LANGKAH", 5)
    p = pratinjau(db, SIASN_BAIK)
    with pytest.raises(Dibatalkan):
        terapkan(db, p, state=_State(batal_setelah=3))
    assert jumlah(session, Pegawai) == 0
    assert jumlah(session, UnitKerja) == 0
    with pytest.raises(Dibatalkan):
        pratinjau_batal = _State(batal_setelah=1)
        impor_pegawai.pratinjau_worker(pratinjau_batal, db.session_factory, SISTEM, SIASN_BAIK)


def test_siasn_xlsx_with_number_nip_is_refused(db, tmp_path):
    from openpyxl import Workbook

    rows = list(csv.reader(SIASN_BAIK.open(encoding="utf-8")))
    wb = Workbook()
    ws = wb.active
    ws.append(["EXPORT DATA ASN"])
    ws.append(rows[0])
    for r in rows[1:]:
        ws.append(r)
    ws.cell(row=3, column=2).value = float(rows[1][1])  # the Camat's NIP as an Excel number
    berkas = tmp_path / "siasn.xlsx"
    wb.save(berkas)
    p = pratinjau(db, berkas)
    assert p.sumber == "SIASN"
    (b,) = p.tidak_valid
    assert b.nomor_baris == 3
    assert b.galat[0].kolom == "NIP BARU"
    assert "Teks" in b.galat[0].alasan
    assert p.jumlah(impor_pegawai.JenisBaris.BARU) == JUMLAH_SIASN - 1


def test_missing_required_column_is_a_file_error(db, tmp_path):
    berkas = tmp_path / "kurang.csv"
    berkas.write_text("NIP,NAMA,JABATAN\n197105121996031002,Ahmad,Camat\n", encoding="utf-8")
    with pytest.raises(FileFormatError) as e:
        pratinjau(db, berkas)
    assert "STATUS" in str(e.value) and "UNIT KERJA" in str(e.value)


def test_duplicate_nip_in_file(db, tmp_path):
    lines = SIASN_BAIK.read_text(encoding="utf-8").splitlines()
    berkas = tmp_path / "ganda.csv"
    berkas.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    p = pratinjau(db, berkas)
    (b,) = p.tidak_valid
    assert b.nomor_baris == JUMLAH_SIASN + 2
    assert "baris 2" in b.galat[0].alasan


def test_export_round_trip_and_format(db, session, tmp_path):
    terapkan(db, pratinjau(db, ROSTER_BAIK, mulai_atasan=date(2025, 1, 1)))
    rows = run(db.session_factory, SISTEM, svc.daftar_pegawai)
    run(db.session_factory, SISTEM, svc.nonaktifkan_pegawai, rows[0].id, "Mutasi", date(2025, 3, 1))
    berkas = tmp_path / "ekspor.xlsx"
    n = io.ekspor_worker(_State(), db.session_factory, SISTEM, berkas)
    assert n == 15
    from openpyxl import load_workbook

    ws = load_workbook(berkas).active
    assert ws.freeze_panes == "A2"
    assert ws["A1"].value == "NIP" and ws["A1"].font.bold
    assert isinstance(ws["A2"].value, str) and len(ws["A2"].value) == 18
    assert ws["A2"].number_format == "@"
    assert ws.column_dimensions["A"].width >= 20
    tabel = read_table(berkas, KOLOM_DIKENAL, ("nip",))
    assert len(tabel.rows) == 15
    # importing the export back changes nothing
    p = pratinjau(db, berkas, mulai_atasan=date(2025, 1, 1))
    assert p.jumlah(impor_pegawai.JenisBaris.SAMA) == 15, [b.ringkasan_perubahan for b in p.baris]


def test_export_filtered(db, tmp_path):
    terapkan(db, pratinjau(db, SIASN_BAIK))
    berkas = tmp_path / "pppk.xlsx"
    n = io.ekspor_worker(
        _State(), db.session_factory, SISTEM, berkas, svc.FilterPegawai(status=("PPPK",))
    )
    assert n == 2


def test_template_download_then_import(db, session, tmp_path):
    from openpyxl import load_workbook

    berkas = tmp_path / "templat.xlsx"
    io.tulis_template(berkas)
    wb = load_workbook(berkas)
    ws = wb["Data"]
    assert [c.value for c in ws[1]][:3] == ["NIP", "NAMA", "GELAR DEPAN"]
    assert "Petunjuk" in wb.sheetnames
    ws.append(
        [
            "19800517 200503 1 002",
            "Budi Santoso",
            None,
            "S.E.",
            None,
            None,
            "PNS",
            "III/b",
            "Analis Kebijakan",
            "Pelaksana",
            None,
            "Seksi Pemerintahan",
            "Kecamatan Contoh",
            None,
        ]
    )
    wb.save(berkas)
    p = pratinjau(db, berkas)
    assert p.jumlah(impor_pegawai.JenisBaris.BARU) == 1, p.ringkasan()
    assert p.daftar_unit_baru() == [
        "Kecamatan Contoh",
        "Seksi Pemerintahan (di bawah Kecamatan Contoh)",
    ]
    terapkan(db, p)
    assert jumlah(session, Pegawai) == 1


def test_import_needs_admin(db):
    from kinerja_desktop.domain.errors import PermissionDenied
    from kinerja_desktop.domain.peran import Actor, Peran

    p = pratinjau(db, SIASN_BAIK)
    biasa = Actor(nama="x", peran=frozenset({Peran.PEGAWAI}))
    with pytest.raises(PermissionDenied), unit_of_work(db.session_factory, biasa) as s:
        impor_pegawai.terapkan_impor(s, biasa, p)


def test_template_and_export_headers_are_the_ones_the_import_reads():
    """The roster's columns have one owner (exchange/pegawai/kolom.py): every header the
    template or the export writes is a spelling the import accepts, under the same label."""
    from kinerja_desktop.exchange.pegawai.ekspor import KOLOM_EKSPOR
    from kinerja_desktop.exchange.pegawai.kolom import LABEL_TEMPLATE
    from kinerja_desktop.exchange.pegawai.templat import KOLOM_TEMPLATE

    dikenal = {ejaan: k for k, semua in KOLOM_DIKENAL.items() for ejaan in semua}
    for kolom in KOLOM_TEMPLATE:
        assert kolom.nama in dikenal, kolom.nama
        assert LABEL_TEMPLATE[dikenal[kolom.nama]] == kolom.nama
    assert [k.nama for k in KOLOM_EKSPOR if k.nama in dikenal] == [k.nama for k in KOLOM_TEMPLATE]
