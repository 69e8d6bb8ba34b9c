"""The roster import and the progress import read dates with the same reader and refuse the
same values the same way (a bare year used to be 12 June 1905 in one and an error in the other).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.domain.tanggal import parse_tanggal
from kinerja_desktop.exchange import progres_io
from kinerja_desktop.services import impor_pegawai
from kinerja_desktop.services.uow import run
from tests.exchange.test_pegawai_io import ROSTER_BAIK, _State
from tests.factories_pemantauan import kantor

SAMPLES = Path(__file__).parent / "samples"
HARI = date(2025, 6, 30)
BUKAN_TANGGAL = [1990, "1990", 2025.0, 99999, 0, "-5"]


def _pesan(value: object) -> str:
    with pytest.raises(ValidationError) as e:
        parse_tanggal(value)
    return e.value.pesan


def _alasan_roster(db, tmp_path: Path, nilai: list[object]) -> list[str]:
    wb = load_workbook(ROSTER_BAIK)
    ws = wb.worksheets[0]
    kolom = [c.value for c in ws[4]].index("TANGGAL LAHIR") + 1
    for i, v in enumerate(nilai):
        ws.cell(row=5 + i, column=kolom, value=v)
    path = tmp_path / "roster.xlsx"
    wb.save(path)
    p = impor_pegawai.pratinjau_worker(_State(), db.session_factory, SISTEM, path)
    salah = {b.nomor_baris: b.galat for b in p.tidak_valid}
    alasan = []
    for i in range(len(nilai)):
        (g,) = [g for g in salah[5 + i] if g.kolom == "TANGGAL LAHIR"]
        alasan.append(g.alasan)
    return alasan


def _alasan_progres(db, k, tmp_path: Path, nilai: list[object]) -> list[str]:
    wb = load_workbook(SAMPLES / "progres_baik.xlsx")
    ws = wb["Data"]
    baris_judul = next(r for r in range(1, 10) if ws.cell(row=r, column=1).value == "NIP")
    kolom = [c.value for c in ws[baris_judul]].index("Tanggal") + 1
    contoh = [c.value for c in ws[baris_judul + 1]]
    for i, v in enumerate(nilai):
        for j, isi in enumerate(contoh, start=1):  # a valid row, only the date differs
            ws.cell(row=baris_judul + 1 + i, column=j, value=isi)
        ws.cell(row=baris_judul + 1 + i, column=kolom, value=v)
    path = tmp_path / "progres.xlsx"
    wb.save(path)
    pr = run(db.session_factory, k.a_pegawai, progres_io.baca_progres, path, hari_ini=HARI)
    per_baris = {m.baris: m for m in pr.masalah if m.kolom == "Tanggal"}
    return [per_baris[baris_judul + 1 + i].alasan for i in range(len(nilai))]


@pytest.fixture
def k(session):
    k = kantor(session)
    k.pegawai.nip = "198005172005031001"
    session.commit()
    return k


def test_a_bare_year_or_a_far_serial_is_refused_the_same_way_by_both_imports(db, k, tmp_path):
    harapan = [_pesan(v) for v in BUKAN_TANGGAL]
    assert all("bukan tanggal" in p for p in harapan)
    assert "1990 hanya tahun" in harapan[0] and harapan[0] == harapan[1]
    assert _alasan_roster(db, tmp_path, BUKAN_TANGGAL) == harapan
    assert _alasan_progres(db, k, tmp_path, BUKAN_TANGGAL) == harapan


def test_a_real_date_reads_the_same_in_both_imports(db, k, tmp_path):
    # 33238 is Excel's serial of 31-12-1990; the texts are the layouts offices write
    for v in (33238, "31-12-1990", "1990-12-31", "31 Desember 1990", "31-Des-1990", "19901231"):
        assert parse_tanggal(v) == date(1990, 12, 31)


def test_one_month_table():
    """Month names live in domain/tanggal.BULAN (and its import spellings) only."""
    paket = Path(__file__).resolve().parents[2] / "kinerja_desktop"
    nama_bulan = re.compile(r"""["'](?i:januari|februari|pebruari|jan|feb)["']""")
    temuan = [
        str(p.relative_to(paket))
        for p in paket.rglob("*.py")
        if p.name != "tanggal.py" and nama_bulan.search(p.read_text(encoding="utf-8"))
    ]
    assert temuan == []
