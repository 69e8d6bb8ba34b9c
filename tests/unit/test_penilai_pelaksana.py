"""A Pelaksana is pejabat penilai only with delegated authority (PermenPAN-RB 6/2022 Pasal 1):
the assignment warns and needs the pendelegasian note, which is kept with it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.db.models import Pegawai
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
    )
    assert row.keterangan is None


def test_peringatan_hanya_untuk_administrator(db, admin):
    _staf, pelaksana, _kasi = _orang(db, admin)
    bukan_admin = Actor("x", pegawai_id=pelaksana, peran=frozenset({Peran.PENILAI}))
    with pytest.raises(PermissionDenied):
        run(db.session_factory, bukan_admin, org.perlu_pendelegasian, pelaksana)


SAMPEL = Path(__file__).resolve().parents[1] / "exchange" / "samples"


def test_the_service_refuses_a_pelaksana_whoever_calls(db, admin):
    """No caller can skip the note: the pegawai form's atasan, the import, the CLI all end in
    tetapkan_penilai."""
    from kinerja_desktop.services import pegawai as svc

    staf, pelaksana, _kasi = _orang(db, admin)
    with pytest.raises(ValidationError, match="berjabatan Pelaksana"):
        run(db.session_factory, admin, org.tetapkan_penilai, staf, pelaksana, date(2025, 1, 1))
    with unit_of_work(db.session_factory, admin) as s:
        unit = s.get(Pegawai, staf).unit_kerja_id
    data = svc.PegawaiInput(
        nip="199501012020011001", nama="Baru", status="PNS", golongan="II/a",
        jabatan="Pengadministrasi", jenis_jabatan="PELAKSANA", unit_kerja_id=unit,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="berjabatan Pelaksana"):
        run(db.session_factory, admin, svc.tambah_pegawai, data, atasan_id=pelaksana)
    assert run(db.session_factory, admin, org.riwayat_penilai, staf) == []


def test_an_import_cannot_make_a_pelaksana_penilai(db, admin):
    """The committed template names a Pelaksana as someone's ATASAN NIP: that row is refused
    with the column and the rule's message, the others (atasan a Pengawas) are imported."""
    from kinerja_desktop.services import impor_pegawai as imp

    berkas = SAMPEL / "roster_template_atasan_pelaksana.csv"
    p = run(db.session_factory, admin, imp.pratinjau_impor, berkas, date(2025, 1, 1))
    (salah,) = p.tidak_valid
    assert salah.nomor_baris == 5 and salah.nama == "Dewi Lestari, A.Md."
    (g,) = salah.galat
    assert g.kolom == "ATASAN NIP"
    assert "Nurhayati berjabatan Pelaksana" in g.alasan and "pendelegasian" in g.alasan
    hasil = run(db.session_factory, admin, imp.terapkan_impor, p)
    assert (hasil.ditambah, hasil.atasan_ditetapkan) == (3, 2)
    # stored as Pelaksana now: the same file again still refuses that row
    p2 = run(db.session_factory, admin, imp.pratinjau_impor, berkas, date(2025, 1, 1))
    assert [b.nomor_baris for b in p2.tidak_valid] == [5]
