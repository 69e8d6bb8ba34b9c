"""The office's time zone dates every form, window and "today" (domain.md §9).

The clock is injected (services/waktu.jam_tetap) around local midnight in each zone.
"""

from __future__ import annotations

import ast
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

import kinerja_desktop
from kinerja_desktop.domain.errors import StateError
from kinerja_desktop.domain.zona_waktu import (
    ZonaWaktu,
    ke_utc,
    tanggal_lokal,
    zona_dari_selisih,
)
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import keberatan as kb
from kinerja_desktop.services import pengaturan, waktu
from kinerja_desktop.services.pemantauan.syarat import hari_acuan
from kinerja_desktop.services.uow import run
from tests import factories
from tests.data_evaluasi import kantor

# local midnight of 5 April 2025 in each zone, as stored naive UTC
TENGAH_MALAM = {
    ZonaWaktu.WIB: datetime(2025, 4, 4, 17, 0),
    ZonaWaktu.WITA: datetime(2025, 4, 4, 16, 0),
    ZonaWaktu.WIT: datetime(2025, 4, 4, 15, 0),
}
DETIK = timedelta(seconds=1)


@pytest.mark.parametrize("zona", list(ZonaWaktu))
def test_local_date_turns_at_local_midnight(zona):
    tengah_malam = TENGAH_MALAM[zona]
    assert ke_utc(datetime(2025, 4, 5), zona) == tengah_malam
    assert tanggal_lokal(tengah_malam - DETIK, zona) == date(2025, 4, 4)
    assert tanggal_lokal(tengah_malam, zona) == date(2025, 4, 5)


def test_zone_from_the_computer_offset():
    assert zona_dari_selisih(timedelta(hours=7)) is ZonaWaktu.WIB
    assert zona_dari_selisih(timedelta(hours=8)) is ZonaWaktu.WITA
    assert zona_dari_selisih(timedelta(hours=9)) is ZonaWaktu.WIT
    assert zona_dari_selisih(timedelta(hours=1)) is ZonaWaktu.WIB
    assert zona_dari_selisih(None) is ZonaWaktu.WIB


def _atur_zona(db, zona):
    with db.session_factory() as s:
        pengaturan.tulis(s, pengaturan.KUNCI_ZONA_WAKTU, zona.value)
        s.commit()


@pytest.mark.parametrize("zona", list(ZonaWaktu))
def test_today_is_the_office_date(db, zona):
    _atur_zona(db, zona)
    for jam, hari in ((TENGAH_MALAM[zona] - DETIK, 4), (TENGAH_MALAM[zona], 5)):
        with waktu.jam_tetap(jam), db.session_factory() as s:
            assert waktu.hari_ini(s) == date(2025, 4, hari)
            # the batas pengisian compares with the same "today"
            assert hari_acuan(s, None) == date(2025, 4, hari)


def test_a_database_without_the_setting_is_wib(session):
    assert waktu.zona_kantor(session) is ZonaWaktu.WIB


def test_the_administrator_changes_the_zone(db, admin):
    def simpan(s, a):
        return pengaturan.simpan_identitas_kantor(
            s, a, "PEMERINTAH KABUPATEN MERAUKE", "Merauke", zona=ZonaWaktu.WIT
        )

    assert run(db.session_factory, admin, simpan).zona is ZonaWaktu.WIT
    with db.session_factory() as s:
        assert waktu.zona_kantor(s) is ZonaWaktu.WIT


# --- a form finalised at 08.30 WIT is 23.30 UTC the day before --------------------------------

FINAL_UTC = datetime(2025, 4, 4, 23, 30)  # 5 April 08.30 WIT, 07.30 WITA, 06.30 WIB


@pytest.fixture
def k(session):
    data = kantor(session)
    session.commit()
    return data


def _final(db, k):
    a = factories.actor_for(k.kasi)
    d = run(db.session_factory, a, sv.buka_evaluasi, k.staf.id, k.periode["TW1"].id)
    run(
        db.session_factory, a, sv.simpan_evaluasi, d.evaluasi_id,
        rating_hasil_kerja="SESUAI", rating_perilaku="SESUAI",
    )  # fmt: skip
    with waktu.jam_tetap(FINAL_UTC):
        run(db.session_factory, a, sv.finalkan_evaluasi, d.evaluasi_id)
    return d.evaluasi_id


def test_printed_date_is_the_local_day_of_finalising(db, k):
    _atur_zona(db, ZonaWaktu.WIT)
    ev_id = _final(db, k)
    for jenis in (sv.JENIS_CETAK_EVALUASI, sv.JENIS_CETAK_DOKUMEN):
        c = run(db.session_factory, factories.actor_for(k.kasi), sv.siapkan_cetak, ev_id, jenis)
        assert c.data["tanggal"] == "2025-04-05"


def test_keberatan_window_counts_local_days(db, k):
    _atur_zona(db, ZonaWaktu.WIT)
    ev_id = _final(db, k)  # local day 0 is 5 April
    staf = factories.actor_for(k.staf)
    alasan = "Realisasi triwulan sudah sesuai target dan bukti lengkap."
    hari_15 = ke_utc(datetime(2025, 4, 20, 0, 5), ZonaWaktu.WIT)  # 19 April 15.05 UTC
    with waktu.jam_tetap(hari_15), pytest.raises(StateError):
        run(db.session_factory, staf, kb.ajukan_keberatan, ev_id, alasan)
    hari_14 = ke_utc(datetime(2025, 4, 19, 23, 50), ZonaWaktu.WIT)
    with waktu.jam_tetap(hari_14):
        d = run(db.session_factory, staf, sv.buka_evaluasi, k.staf.id, k.periode["TW1"].id)
        assert d.batas_keberatan == date(2025, 4, 19) and d.boleh_ajukan_keberatan
        row = run(db.session_factory, staf, kb.ajukan_keberatan, ev_id, alasan)
    assert row.status == "DIAJUKAN"


# --- one owner: no rule, print or screen reads the computer's clock itself ----------------------

PAKET = Path(kinerja_desktop.__file__).parent
# stored timestamps (db/base.utcnow), file names and backups are not dates a rule or form uses
BOLEH = {
    "domain/zona_waktu.py",  # the owner: the computer's zone as the first-start default
    "db/base.py",
    "db/database.py",
    "exchange/cadangan/harian.py",
    "exchange/cadangan/pemulihan.py",
    "exchange/cadangan/tulis.py",
    "ui/cadangan.py",
    "cli/sistem.py",
    # "born / appointed in the future" checks of NIPs and birth dates: a day cannot matter
    "domain/nip.py",
    "services/pegawai.py",
    "exchange/pegawai/ekspor.py",
}
DIPERIKSA = ("domain", "services", "reports", "exchange", "ui/evaluasi", "ui/pemantauan", "ui/skp")


def _panggilan_jam(path: Path) -> list[str]:
    hasil = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            obj = node.func.value
            nama = obj.id if isinstance(obj, ast.Name) else getattr(obj, "attr", "")
            if (nama, node.func.attr) in {("date", "today"), ("datetime", "now")}:
                hasil.append(f"{path.relative_to(PAKET)}:{node.lineno}")
    return hasil


def test_no_rule_or_print_reads_the_computer_clock():
    temuan = [
        baris
        for folder in DIPERIKSA
        for path in sorted((PAKET / folder).rglob("*.py"))
        if path.relative_to(PAKET).as_posix() not in BOLEH
        for baris in _panggilan_jam(path)
    ]
    assert temuan == [], "gunakan services/waktu.hari_ini / sekarang_lokal: " + ", ".join(temuan)
