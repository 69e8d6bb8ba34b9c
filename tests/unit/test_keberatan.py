"""Keberatan: who files, the 14-day window, who decides, and that the decision is final."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kinerja_desktop.domain.errors import PermissionDenied, StateError, ValidationError
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import keberatan as kb
from kinerja_desktop.services.uow import run
from tests import factories
from tests.data_evaluasi import kantor

FINAL_PADA = datetime(2025, 4, 10, 9, 0)


@pytest.fixture
def k(session):
    data = kantor(session)
    session.commit()
    return data


@pytest.fixture
def ev(db, k):
    a = factories.actor_for(k.kasi)
    d = run(db.session_factory, a, sv.buka_evaluasi, k.staf.id, k.periode["TW1"].id)
    run(
        db.session_factory,
        a,
        sv.simpan_evaluasi,
        d.evaluasi_id,
        rating_hasil_kerja="SESUAI",
        rating_perilaku="DI_BAWAH",
    )
    return run(db.session_factory, a, sv.finalkan_evaluasi, d.evaluasi_id, pada=FINAL_PADA)


def _run(db, p, fn, *args, **kw):
    return run(db.session_factory, factories.actor_for(p), fn, *args, **kw)


def test_only_the_pegawai_files_within_14_days(db, k, ev):
    alasan = "Realisasi triwulan sudah sesuai target dan bukti lengkap."
    with pytest.raises(PermissionDenied):
        _run(db, k.kasi, kb.ajukan_keberatan, ev.evaluasi_id, alasan, hari_ini=date(2025, 4, 11))
    with pytest.raises(StateError):  # day 15
        _run(db, k.staf, kb.ajukan_keberatan, ev.evaluasi_id, alasan, hari_ini=date(2025, 4, 25))
    with pytest.raises(ValidationError):
        _run(db, k.staf, kb.ajukan_keberatan, ev.evaluasi_id, "tidak", hari_ini=date(2025, 4, 11))
    row = _run(
        db, k.staf, kb.ajukan_keberatan, ev.evaluasi_id, alasan, hari_ini=date(2025, 4, 24)
    )  # day 14 is still in time
    assert row.status == "DIAJUKAN"
    with pytest.raises(StateError):  # only once
        _run(db, k.staf, kb.ajukan_keberatan, ev.evaluasi_id, alasan, hari_ini=date(2025, 4, 24))
    # while pending, the penilai cannot reopen the evaluation
    with pytest.raises(StateError):
        _run(db, k.kasi, sv.buka_kembali_evaluasi, ev.evaluasi_id, "ubah nilai")


def test_a_draft_cannot_be_objected(db, k):
    a = factories.actor_for(k.kasi)
    d = run(db.session_factory, a, sv.buka_evaluasi, k.pppk.id, k.periode["TW1"].id)
    with pytest.raises(StateError):
        _run(db, k.pppk, kb.ajukan_keberatan, d.evaluasi_id, "Saya keberatan dengan hasil ini")


def test_only_the_atasan_penilai_decides_and_the_decision_is_final(db, k, ev):
    row = _run(
        db,
        k.staf,
        kb.ajukan_keberatan,
        ev.evaluasi_id,
        "Perilaku saya tidak pernah ditegur selama triwulan ini.",
        hari_ini=date(2025, 4, 12),
    )
    # the camat is the penilai of the kasi, so the atasan pejabat penilai of the staf
    daftar = _run(db, k.camat, kb.daftar_keberatan_untuk_diputus)
    assert [r.id for r in daftar] == [row.id]
    assert daftar[0].pegawai_nama.startswith("Siti Aminah")
    assert _run(db, k.kasi, kb.daftar_keberatan_untuk_diputus) == []
    for p in (k.kasi, k.staf, k.sekda):
        with pytest.raises(PermissionDenied):
            _run(db, p, kb.putus_keberatan, row.id, "TETAP")
    with pytest.raises(ValidationError):  # DIUBAH needs both new ratings
        _run(db, k.camat, kb.putus_keberatan, row.id, "DIUBAH", rating_hasil_kerja="SESUAI")
    d = _run(db, k.camat, sv.detail_evaluasi, ev.evaluasi_id)
    assert d.boleh_putus_keberatan
    hasil = _run(
        db,
        k.camat,
        kb.putus_keberatan,
        row.id,
        "DIUBAH",
        rating_hasil_kerja="SESUAI",
        rating_perilaku="SESUAI",
        catatan="Bukti kehadiran lengkap.",
    )
    assert hasil.status == "DIPUTUS" and hasil.keputusan == "DIUBAH"
    d = _run(db, k.staf, sv.detail_evaluasi, ev.evaluasi_id)
    assert d.final and d.predikat == "BAIK"  # recomputed by the matrix (was KURANG)
    assert [r.aksi for r in d.riwayat][-2:] == ["KEBERATAN", "KEBERATAN_DIPUTUS"]
    assert not d.boleh_ajukan_keberatan and not d.boleh_buka_kembali
    with pytest.raises(StateError):
        _run(db, k.camat, kb.putus_keberatan, row.id, "TETAP")
    with pytest.raises(StateError):  # final: the penilai cannot reopen it either
        _run(db, k.kasi, sv.buka_kembali_evaluasi, ev.evaluasi_id, "ubah lagi nilainya")


def test_decision_tetap_keeps_the_result(db, k, ev):
    row = _run(
        db,
        k.staf,
        kb.ajukan_keberatan,
        ev.evaluasi_id,
        "Saya merasa rating perilaku terlalu rendah.",
        hari_ini=date(2025, 4, 12),
    )
    _run(db, k.camat, kb.putus_keberatan, row.id, "TETAP", catatan="Sesuai catatan penilai.")
    d = _run(db, k.staf, sv.detail_evaluasi, ev.evaluasi_id)
    assert d.predikat == "KURANG" and d.keberatan[0].keputusan == "TETAP"
