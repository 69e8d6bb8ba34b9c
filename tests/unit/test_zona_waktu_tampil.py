"""Times on the activity screens (audit log, histories, feedback, last login) are shown in the
office's zone through services/waktu, never the computer's: the clock is injected around local
midnight of 5 April 2025 in WIB, WITA and WIT."""

from __future__ import annotations

import ast
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

import kinerja_desktop
from kinerja_desktop.domain.zona_waktu import ZonaWaktu
from kinerja_desktop.services import audit, organisasi, pengaturan, waktu
from kinerja_desktop.services.audit import FilterAudit
from kinerja_desktop.services.uow import run, unit_of_work

# local midnight of 5 April 2025 in each zone, as stored naive UTC
TENGAH_MALAM = {
    ZonaWaktu.WIB: datetime(2025, 4, 4, 17, 0),
    ZonaWaktu.WITA: datetime(2025, 4, 4, 16, 0),
    ZonaWaktu.WIT: datetime(2025, 4, 4, 15, 0),
}
DETIK = timedelta(seconds=1)


def _atur_zona(db, zona):
    with db.session_factory() as s:
        pengaturan.tulis(s, pengaturan.KUNCI_ZONA_WAKTU, zona.value)
        s.commit()


@pytest.mark.parametrize("zona", list(ZonaWaktu))
def test_audit_rows_and_the_date_filter_follow_the_office_zone(db, admin, zona):
    _atur_zona(db, zona)
    for nama, jam in (
        ("Seksi Malam", TENGAH_MALAM[zona] - DETIK),
        ("Seksi Pagi", TENGAH_MALAM[zona]),
    ):
        with waktu.jam_tetap(jam), unit_of_work(db.session_factory, admin, "uji") as s:
            organisasi.tambah_unit(s, admin, nama)
    rows = run(db.session_factory, admin, audit.cari_audit, FilterAudit(entitas="unit_kerja"))
    per_unit = {r.perubahan["nama"][1]: r for r in rows}
    assert per_unit["Seksi Malam"].waktu_kantor == datetime(2025, 4, 4, 23, 59, 59)
    assert per_unit["Seksi Pagi"].waktu_kantor == datetime(2025, 4, 5, 0, 0)
    assert per_unit["Seksi Pagi"].waktu == TENGAH_MALAM[zona]  # stored as UTC
    # "dari 5 April" means the office's 5 April
    f = FilterAudit(entitas="unit_kerja", dari=date(2025, 4, 5), sampai=date(2025, 4, 5))
    hari_ini = run(db.session_factory, admin, audit.cari_audit, f)
    assert [r.perubahan["nama"][1] for r in hari_ini] == ["Seksi Pagi"]
    assert run(db.session_factory, admin, audit.hitung_audit, f) == 1


@pytest.mark.parametrize("zona", list(ZonaWaktu))
def test_last_login_is_shown_in_the_office_zone(db, admin, zona, monkeypatch):
    from argon2 import PasswordHasher

    from kinerja_desktop.domain.peran import Peran
    from kinerja_desktop.services import akun

    monkeypatch.setattr(
        akun, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    _atur_zona(db, zona)
    run(db.session_factory, admin, akun.tambah_akun, "operator2", "Kantor#Uji2025", [Peran.ADMIN])
    jam = TENGAH_MALAM[zona] - DETIK
    hasil = run(
        db.session_factory, admin, akun.masuk, "operator2", "Kantor#Uji2025", jam=lambda: jam
    )
    assert hasil.actor is not None
    (row,) = [
        r
        for r in run(db.session_factory, admin, akun.daftar_akun)
        if r.nama_pengguna == "operator2"
    ]
    assert row.login_terakhir == jam
    assert row.login_terakhir_kantor == datetime(2025, 4, 4, 23, 59, 59)


PAKET = Path(kinerja_desktop.__file__).parent


def test_no_screen_converts_times_with_the_computers_zone():
    """``astimezone()`` without a zone reads the computer's; the only one allowed is the
    first-start default (domain/zona_waktu.zona_komputer)."""
    temuan = []
    for path in sorted(PAKET.rglob("*.py")):
        rel = path.relative_to(PAKET).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "astimezone"
                and not node.args
                and rel != "domain/zona_waktu.py"
            ):
                temuan.append(f"{rel}:{node.lineno}")
            if isinstance(node, ast.ImportFrom) and node.module == "kinerja_desktop.domain.tanggal":
                assert "waktu_lokal" not in {a.name for a in node.names}, rel
    assert temuan == []
