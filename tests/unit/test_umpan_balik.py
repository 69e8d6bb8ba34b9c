"""Feedback threads: who may write and reply, order, targets, phrase bank, reuse by readers."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.db.models import FrasaUmpanBalik
from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services import umpan_balik as ub
from kinerja_desktop.services.uow import run
from tests.factories_pemantauan import kantor


def test_thread_in_order_with_names_and_roles(db, session):
    k = kantor(session)
    utas = run(
        db.session_factory,
        k.a_atasan,
        ub.tulis_umpan_balik,
        k.skp.id,
        "Mohon lengkapi bukti dukung untuk realisasi ini.",
        indikator_id=k.iki[0].id,
        periode_id=k.tw1.id,
    )
    assert utas.sasaran == "IKI" and len(utas.pesan) == 1
    run(
        db.session_factory,
        k.a_pegawai,
        ub.balas_umpan_balik,
        utas.id,
        "Baik Bu, sudah saya lampirkan.",
    )
    # replying to a reply still joins the same thread
    utas2 = run(
        db.session_factory,
        k.a_atasan,
        ub.balas_umpan_balik,
        utas.pesan[0].id,
        "Terima kasih, sudah lengkap.",
    )
    assert [p.peran for p in utas2.pesan] == ["Pejabat Penilai", "Pegawai", "Pejabat Penilai"]
    assert [p.teks[:4] for p in utas2.pesan] == ["Moho", "Baik", "Teri"]
    assert utas2.pesan[1].penulis_nama == "Budi Santoso, S.E."
    assert utas2.pesan[0].waktu < utas2.pesan[1].waktu < utas2.pesan[2].waktu
    assert all(p.induk_id in (None, utas.id) for p in utas2.pesan)
    # shown next to the IKI on the monitoring page (and reusable by the evaluation screens)
    rows = run(db.session_factory, k.a_atasan, pm.realisasi_skp, k.skp.id, k.tw1.id)
    assert len(rows[0].umpan_balik) == 1 and len(rows[0].umpan_balik[0].pesan) == 3
    assert rows[1].umpan_balik == ()
    # another period: not shown there
    rows = run(db.session_factory, k.a_atasan, pm.realisasi_skp, k.skp.id, k.periode[1].id)
    assert rows[0].umpan_balik == ()


def test_targets_rhk_and_perilaku(db, session):
    k = kantor(session)
    run(
        db.session_factory,
        k.a_atasan,
        ub.tulis_umpan_balik,
        k.skp.id,
        "RHK ini prioritas.",
        rhk_id=k.rhk[1].id,
    )
    run(
        db.session_factory,
        k.a_atasan,
        ub.tulis_umpan_balik,
        k.skp.id,
        "Pelayanan ramah, pertahankan.",
        nilai_perilaku="BERORIENTASI_PELAYANAN",
    )
    semua = run(db.session_factory, k.a_pegawai, ub.umpan_balik_skp, k.skp.id)
    assert [u.sasaran for u in semua] == ["RHK", "PERILAKU"]
    hanya = run(
        db.session_factory,
        k.a_pegawai,
        ub.umpan_balik_skp,
        k.skp.id,
        nilai_perilaku="BERORIENTASI_PELAYANAN",
    )
    assert len(hanya) == 1 and hanya[0].nilai_perilaku == "BERORIENTASI_PELAYANAN"
    with pytest.raises(ValidationError):
        run(
            db.session_factory,
            k.a_atasan,
            ub.tulis_umpan_balik,
            k.skp.id,
            "x",
            nilai_perilaku="SOPAN",
        )
    with pytest.raises(ValidationError):
        run(db.session_factory, k.a_atasan, ub.tulis_umpan_balik, k.skp.id, "x")
    with pytest.raises(ValidationError):
        run(
            db.session_factory,
            k.a_atasan,
            ub.tulis_umpan_balik,
            k.skp.id,
            "   ",
            rhk_id=k.rhk[0].id,
        )
    kode = run(db.session_factory, k.a_pegawai, ub.perilaku_skp, k.skp.id)
    assert len(kode) == 7 and kode[0][1] == "Berorientasi Pelayanan"


def test_permissions(db, session, admin):
    k = kantor(session)
    with pytest.raises(PermissionDenied):  # pegawai cannot start feedback on himself
        run(
            db.session_factory,
            k.a_pegawai,
            ub.tulis_umpan_balik,
            k.skp.id,
            "Bagus",
            indikator_id=k.iki[0].id,
        )
    with pytest.raises(PermissionDenied):  # nor can a stranger
        run(
            db.session_factory,
            k.a_lain,
            ub.tulis_umpan_balik,
            k.skp.id,
            "Bagus",
            indikator_id=k.iki[0].id,
        )
    utas = run(
        db.session_factory,
        k.a_atasan,
        ub.tulis_umpan_balik,
        k.skp.id,
        "Bagus",
        indikator_id=k.iki[0].id,
    )
    with pytest.raises(PermissionDenied):
        run(db.session_factory, k.a_lain, ub.balas_umpan_balik, utas.id, "Saya ikut")
    with pytest.raises(PermissionDenied):
        run(db.session_factory, k.a_lain, ub.umpan_balik_skp, k.skp.id)
    with pytest.raises(PermissionDenied):  # the operator has no pegawai to write as
        run(db.session_factory, admin, ub.balas_umpan_balik, utas.id, "Catatan operator")


def test_assigned_penilai_without_skp_link_may_write(db, session):
    """A PLT assigned as penilai during the SKP's span may give feedback."""
    from kinerja_desktop.db.models import PenugasanPenilai

    k = kantor(session)
    session.add(
        PenugasanPenilai(
            pegawai_id=k.pegawai.id,
            penilai_id=k.lain.id,
            jenis="PLT",
            mulai=date(2025, 5, 1),
            selesai=date(2025, 6, 30),
        )
    )
    session.commit()
    utas = run(
        db.session_factory,
        k.a_lain,
        ub.tulis_umpan_balik,
        k.skp.id,
        "Lanjutkan.",
        rhk_id=k.rhk[0].id,
    )
    assert utas.pesan[0].peran == "Pejabat Penilai"


def test_phrase_bank_seeded_once(db, session, admin):
    k = kantor(session)
    frasa = run(db.session_factory, k.a_atasan, ub.daftar_frasa)
    assert len(frasa) == len(ub.FRASA_BAWAAN)
    assert {kat for _, kat, _ in frasa} == {"POSITIF", "PERBAIKAN", "PERILAKU"}
    run(db.session_factory, k.a_atasan, ub.daftar_frasa)
    assert session.query(FrasaUmpanBalik).count() == len(ub.FRASA_BAWAAN)
    run(db.session_factory, k.a_atasan, ub.tambah_frasa, "POSITIF", "Kerja sama tim sangat baik.")
    pos = run(db.session_factory, k.a_atasan, ub.daftar_frasa, "POSITIF")
    assert pos[-1][2] == "Kerja sama tim sangat baik."
