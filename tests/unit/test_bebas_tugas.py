"""A temporary absence (CLTN, tugas belajar, pemberhentian sementara…) set by hand in the
pegawai form, not only by the SIASN import: administrator only, the reason kept as the
kedudukan hukum, audit-logged, and the pegawai out of SKP duties and distributions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.domain.jabatan_siasn import ALASAN_BEBAS_TUGAS, Kedudukan, kedudukan
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.services import audit
from kinerja_desktop.services import pegawai as svc
from kinerja_desktop.services.audit import FilterAudit
from kinerja_desktop.services.uow import run
from tests import factories as f


def _input(p: svc.PegawaiRow, **kw) -> svc.PegawaiInput:
    base = svc.PegawaiInput(
        nip=p.nip, nama=p.nama, status=p.status, golongan=p.golongan, jabatan=p.jabatan,
        jenis_jabatan=p.jenis_jabatan, unit_kerja_id=p.unit_kerja_id,
        gelar_belakang=p.gelar_belakang, tanggal_lahir=p.tanggal_lahir,
        jenis_kelamin=p.jenis_kelamin,
    )  # fmt: skip
    return replace(base, **kw)


@pytest.fixture
def budi(db, session, admin):
    pid = f.pegawai(session, "Budi Santoso").id
    session.commit()
    return run(db.session_factory, admin, svc.ambil_pegawai, pid)


def test_every_offered_reason_is_a_temporary_absence_of_the_table():
    assert all(kedudukan(a) is Kedudukan.SEMENTARA for a in ALASAN_BEBAS_TUGAS)


def test_admin_marks_and_ends_a_temporary_absence_audited(db, admin, budi):
    data = _input(budi, bebas_tugas=True, alasan_bebas_tugas="Tugas Belajar")
    row = run(db.session_factory, admin, svc.ubah_pegawai, budi.id, data, budi.versi)
    assert row.bebas_tugas and row.kedudukan_hukum == "Tugas Belajar" and row.aktif
    log = run(db.session_factory, admin, audit.cari_audit, FilterAudit(pegawai_id=budi.id))
    assert log[0].perubahan["bebas_tugas"] == [False, True]
    assert log[0].perubahan["kedudukan_hukum"] == [None, "Tugas Belajar"]
    # a form that does not speak of it (None) leaves it as stored
    tetap = run(db.session_factory, admin, svc.ubah_pegawai, budi.id, _input(budi, nama="Budi S"))
    assert tetap.bebas_tugas and tetap.kedudukan_hukum == "Tugas Belajar"
    kembali = run(
        db.session_factory, admin, svc.ubah_pegawai, budi.id, _input(budi, bebas_tugas=False)
    )
    assert not kembali.bebas_tugas and kembali.kedudukan_hukum == "Aktif"


def test_a_reason_is_required_and_only_the_admin_may(db, admin, budi):
    with pytest.raises(ValidationError) as e:
        run(db.session_factory, admin, svc.ubah_pegawai, budi.id, _input(budi, bebas_tugas=True))
    assert e.value.kolom == "Alasan bebas tugas"
    assert svc.FIELD_DARI_LABEL[e.value.kolom] == "alasan_bebas_tugas"
    penilai = Actor("kasi", pegawai_id=budi.id, peran=frozenset({Peran.PENILAI}))
    data = _input(budi, bebas_tugas=True, alasan_bebas_tugas="CLTN")
    with pytest.raises(PermissionDenied):
        run(db.session_factory, penilai, svc.ubah_pegawai, budi.id, data)
    assert not run(db.session_factory, admin, svc.ambil_pegawai, budi.id).bebas_tugas


def test_marked_by_hand_the_pegawai_leaves_skp_duties(db, admin, budi):
    """Budi has no penilai: before, the unit's SKP run names him as skipped for that; while
    bebas tugas he is not asked for an SKP at all."""
    from kinerja_desktop.services import skp

    sebelum = run(db.session_factory, admin, skp.buat_skp_unit, budi.unit_kerja_id, 2025)
    assert any("Budi" in n for n in sebelum.tanpa_penilai)
    data = _input(budi, bebas_tugas=True, alasan_bebas_tugas="CLTN")
    run(db.session_factory, admin, svc.ubah_pegawai, budi.id, data)
    sesudah = run(db.session_factory, admin, skp.buat_skp_unit, budi.unit_kerja_id, 2025)
    assert not any("Budi" in n for n in sesudah.tanpa_penilai)


def test_a_stored_row_round_trips_through_the_form_input(db, admin, budi):
    """Every field of the form's input can be read back from the stored row."""
    data = _input(budi, bebas_tugas=True, alasan_bebas_tugas="CLTN")
    row = run(db.session_factory, admin, svc.ubah_pegawai, budi.id, data)
    assert all(hasattr(row, k) for k in svc.PegawaiInput.__dataclass_fields__)
    assert (row.bebas_tugas, row.alasan_bebas_tugas) == (True, "CLTN")
