"""A keberatan whose decider (the atasan pejabat penilai) is outside the office: the operator
records the decision from the outside letter, with the letter in the evidence store, in one
transaction; the rules are those of services/keberatan.py."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from kinerja_desktop.db.models import AuditLog, BerkasBukti, Evaluasi, Keberatan
from kinerja_desktop.domain.errors import PermissionDenied, StateError, ValidationError
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import keberatan as kb
from kinerja_desktop.services import keberatan_luar as kl
from kinerja_desktop.services import organisasi as org
from kinerja_desktop.services import pejabat_luar as luar
from kinerja_desktop.services.bukti import BuktiError, BuktiStore, bersihkan_berkas_yatim
from kinerja_desktop.services.uow import run
from tests import factories
from tests.data_evaluasi import kantor

ADMIN = Actor("admin", 1, None, frozenset({Peran.ADMIN}))
SEKDA = luar.PejabatLuarInput(
    nama="Hasbullah Yunus",
    nip="196803121994031005",
    jabatan="Sekretaris Daerah",
    instansi="Pemerintah Kabupaten Tebo",
)


@pytest.fixture
def k(db, session):
    """The Camat rates the Kasi; the Camat's penilai is the outside Sekda, so the Sekda is the
    atasan pejabat penilai who decides the Kasi's keberatan."""
    data = kantor(session)
    session.commit()
    sekda = run(db.session_factory, ADMIN, luar.tambah_pejabat_luar, SEKDA).id
    run(db.session_factory, ADMIN, org.tetapkan_penilai, data.camat.id, sekda, date(2025, 1, 1))
    data.sekda_luar = sekda  # type: ignore[attr-defined]
    return data


@pytest.fixture
def keberatan(db, k):
    camat = factories.actor_for(k.camat)
    tw1 = k.periode["TW1"].id
    run(db.session_factory, camat, sv.tetapkan_predikat_organisasi, k.seksi.id, tw1, "BAIK")
    d = run(db.session_factory, camat, sv.buka_evaluasi, k.kasi.id, tw1)
    run(
        db.session_factory,
        camat,
        sv.simpan_evaluasi,
        d.evaluasi_id,
        rating_hasil_kerja="SESUAI",
        rating_perilaku="DI_BAWAH",
    )
    run(
        db.session_factory,
        camat,
        sv.finalkan_evaluasi,
        d.evaluasi_id,
        pada=datetime(2025, 4, 10, 9),
    )
    return run(
        db.session_factory,
        factories.actor_for(k.kasi),
        kb.ajukan_keberatan,
        d.evaluasi_id,
        "Perilaku kerja saya tidak pernah ditegur selama triwulan ini.",
        hari_ini=date(2025, 4, 14),
    )


@pytest.fixture
def surat(tmp_path):
    p = tmp_path / "surat_keputusan_sekda.pdf"
    p.write_bytes(b"%PDF-1.4\n% surat keputusan keberatan\n")
    return p


@pytest.fixture
def store(db, tmp_path):
    return BuktiStore(tmp_path / "bukti")


def test_the_operator_lists_what_waits_for_an_outside_atasan(db, k, keberatan):
    rows = run(db.session_factory, ADMIN, kl.daftar_keberatan_atasan_luar)
    assert [r.id for r in rows] == [keberatan.id]
    assert rows[0].pegawai_nama.startswith("Bambang Sutrisno")
    # the outside Sekda cannot log in, so nobody in the office has it on his list
    assert (
        run(db.session_factory, factories.actor_for(k.camat), kb.daftar_keberatan_untuk_diputus)
        == []
    )


def test_accepted_in_part_changes_the_ratings_and_keeps_the_letter(db, k, keberatan, surat, store):
    row = run(
        db.session_factory,
        ADMIN,
        kl.catat_keputusan_surat,
        store,
        keberatan.id,
        hasil="SEBAGIAN",
        nomor_surat="800/123/SETDA/2025",
        tanggal_surat=date(2025, 4, 20),
        berkas_surat=surat,
        rating_hasil_kerja="SESUAI",
        rating_perilaku="SESUAI",
        keterangan="Keputusan keberatan dari surat Sekda",
    )
    assert row.status == "DIPUTUS" and row.keputusan == kb.DIUBAH
    assert row.diputus_oleh == "Hasbullah Yunus"
    assert "diterima sebagian (surat nomor 800/123/SETDA/2025 tanggal 20 April 2025)" in (
        row.catatan_keputusan or ""
    )
    with db.session_factory() as s:
        kr = s.get(Keberatan, keberatan.id)
        ev = s.get(Evaluasi, kr.evaluasi_id)
        assert (ev.rating_perilaku, ev.predikat) == ("SESUAI", "BAIK")
        assert kr.surat_nomor == "800/123/SETDA/2025" and kr.surat_tanggal == date(2025, 4, 20)
        assert kr.surat_nama == "surat_keputusan_sekda.pdf"
        assert s.get(BerkasBukti, kr.surat_sha256) is not None
        assert store.path_untuk(kr.surat_sha256).read_bytes() == surat.read_bytes()
        # audit-logged like every change, with the letter's fields and the operator's name
        log = s.scalars(
            select(AuditLog).where(AuditLog.entitas == "keberatan", AuditLog.aksi == "UBAH")
        ).all()
        assert any("surat_nomor" in r.perubahan and r.nama_pengguna == "admin" for r in log)
        # the letter is not an orphan for the clean-up
        sha = kr.surat_sha256
        assert bersihkan_berkas_yatim(s, ADMIN, store) == 0
        assert store.path_untuk(sha).is_file()
    path = run(db.session_factory, ADMIN, kl.buka_surat_keberatan, store, keberatan.id)
    assert path.endswith(sha)
    # final: a second decision is refused
    with pytest.raises(StateError):
        run(
            db.session_factory,
            ADMIN,
            kl.catat_keputusan_surat,
            store,
            keberatan.id,
            hasil="DITOLAK",
            nomor_surat="800/124/SETDA/2025",
            tanggal_surat=date(2025, 4, 21),
            berkas_surat=surat,
        )


def test_rejected_keeps_the_result(db, k, keberatan, surat, store):
    row = run(
        db.session_factory,
        ADMIN,
        kl.catat_keputusan_surat,
        store,
        keberatan.id,
        hasil="DITOLAK",
        nomor_surat="800/125/SETDA/2025",
        tanggal_surat=date(2025, 4, 22),
        berkas_surat=surat,
    )
    assert row.keputusan == kb.TETAP and "ditolak" in (row.catatan_keputusan or "")
    with db.session_factory() as s:
        ev = s.get(Evaluasi, s.get(Keberatan, keberatan.id).evaluasi_id)
        assert (ev.rating_hasil_kerja, ev.rating_perilaku) == ("SESUAI", "DI_BAWAH")


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"nomor_surat": " "}, "Nomor surat"),
        ({"tanggal_surat": None}, "Tanggal surat wajib"),
        ({"tanggal_surat": date(2025, 4, 1)}, "lebih awal"),
        ({"berkas_surat": None}, "Lampirkan"),
        ({"hasil": "DITERIMA"}, "rating hasil kerja dan rating perilaku"),  # accepted: new ratings
        ({"hasil": "MUNGKIN"}, "Pilih isi surat"),
    ],
)
def test_the_letter_is_checked_and_nothing_is_written(db, k, keberatan, surat, store, ubah, pesan):
    kw = {
        "hasil": "DITOLAK",
        "nomor_surat": "800/1/SETDA/2025",
        "tanggal_surat": date(2025, 4, 20),
        "berkas_surat": surat,
        **ubah,
    }
    with pytest.raises(ValidationError, match=pesan):
        run(db.session_factory, ADMIN, kl.catat_keputusan_surat, store, keberatan.id, **kw)
    with db.session_factory() as s:
        kr = s.get(Keberatan, keberatan.id)
        assert kr.status == "DIAJUKAN" and kr.surat_sha256 is None


def test_a_letter_that_is_not_a_document_is_refused(db, k, keberatan, tmp_path, store):
    palsu = tmp_path / "surat.pdf"
    palsu.write_bytes(b"MZ bukan pdf")
    with pytest.raises(BuktiError):
        run(
            db.session_factory,
            ADMIN,
            kl.catat_keputusan_surat,
            store,
            keberatan.id,
            hasil="DITOLAK",
            nomor_surat="800/2/SETDA/2025",
            tanggal_surat=date(2025, 4, 20),
            berkas_surat=palsu,
        )


def test_only_the_operator_and_only_for_an_outside_atasan(db, k, keberatan, surat, store):
    kw = {
        "hasil": "DITOLAK",
        "nomor_surat": "800/3/SETDA/2025",
        "tanggal_surat": date(2025, 4, 20),
        "berkas_surat": surat,
    }
    with pytest.raises(PermissionDenied):
        run(
            db.session_factory,
            factories.actor_for(k.camat),
            kl.catat_keputusan_surat,
            store,
            keberatan.id,
            **kw,
        )
    # back to an atasan in the office (the roster Sekda): he decides himself
    run(db.session_factory, ADMIN, org.tetapkan_penilai, k.camat.id, k.sekda.id, date(2025, 2, 1))
    with pytest.raises(StateError, match="ada di kantor ini"):
        run(db.session_factory, ADMIN, kl.catat_keputusan_surat, store, keberatan.id, **kw)
    assert run(db.session_factory, ADMIN, kl.daftar_keberatan_atasan_luar) == []
