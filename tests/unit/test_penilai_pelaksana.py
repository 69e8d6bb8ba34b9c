"""A Pelaksana is pejabat penilai only with delegated authority (PermenPAN-RB 6/2022 Pasal 1):
the assignment warns and needs the pendelegasian note, which is kept with it."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.services import organisasi as org
from kinerja_desktop.services.uow import run, unit_of_work
from tests import factories as f


def _orang(db, admin):
    with unit_of_work(db.session_factory, admin) as s:
        staf = f.pegawai(s, "Staf", lahir=date(1990, 3, 4))
        pelaksana = f.pegawai(s, "Koordinator", lahir=date(1985, 6, 7))
        kasi = f.pegawai(s, "Kasi", lahir=date(1980, 1, 2), jenis_jabatan="PENGAWAS")
        return staf.id, pelaksana.id, kasi.id


def test_pelaksana_perlu_catatan_pendelegasian(db, admin):
    staf, pelaksana, kasi = _orang(db, admin)
    pesan = run(db.session_factory, admin, org.perlu_pendelegasian, pelaksana)
    assert pesan and "Pelaksana" in pesan and "PermenPAN-RB 6/2022 Pasal 1" in pesan
    assert run(db.session_factory, admin, org.perlu_pendelegasian, kasi) is None
    with pytest.raises(ValidationError, match="pendelegasian"):
        run(
            db.session_factory,
            admin,
            org.tetapkan_penilai,
            staf,
            pelaksana,
            date(2025, 1, 1),
            periksa_pelaksana=True,
        )
    row = run(
        db.session_factory,
        admin,
        org.tetapkan_penilai,
        staf,
        pelaksana,
        date(2025, 1, 1),
        "DEFINITIF",
        None,
        "Koordinator lapangan",
        pendelegasian="Surat Camat 800/15/2025 tanggal 2 Januari 2025",
        periksa_pelaksana=True,
    )
    assert row.keterangan == (
        "Koordinator lapangan; Pendelegasian: Surat Camat 800/15/2025 tanggal 2 Januari 2025"
    )
    riwayat = run(db.session_factory, admin, org.riwayat_penilai, staf)
    assert "Pendelegasian: Surat Camat 800/15/2025" in (riwayat[-1].keterangan or "")


def test_pengawas_tanpa_catatan(db, admin):
    staf, _pelaksana, kasi = _orang(db, admin)
    row = run(
        db.session_factory,
        admin,
        org.tetapkan_penilai,
        staf,
        kasi,
        date(2025, 1, 1),
        periksa_pelaksana=True,
    )
    assert row.keterangan is None


def test_peringatan_hanya_untuk_administrator(db, admin):
    _staf, pelaksana, _kasi = _orang(db, admin)
    bukan_admin = Actor("x", pegawai_id=pelaksana, peran=frozenset({Peran.PENILAI}))
    with pytest.raises(PermissionDenied):
        run(db.session_factory, bukan_admin, org.perlu_pendelegasian, pelaksana)
