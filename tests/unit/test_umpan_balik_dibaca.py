"""Unread feedback: a per-account "read up to" mark per thread; one's own messages are never
unread; the Pemantauan page counts them per IKI."""

from __future__ import annotations

import pytest

from kinerja_desktop.db.models import Akun, UmpanBalikDibaca
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services import umpan_balik as ub
from kinerja_desktop.services.uow import run
from tests.factories_pemantauan import TAHUN, kantor


def _akun(session, pegawai, nama, *peran):
    a = Akun(nama_pengguna=nama, password_hash="-", pegawai_id=pegawai.id,
             peran=",".join(peran))  # fmt: skip
    session.add(a)
    session.commit()
    return Actor(nama, a.id, pegawai.id, frozenset(peran))


@pytest.fixture
def k(session):
    k = kantor(session)
    k.penilai = _akun(session, k.atasan, "siti", Peran.PEGAWAI, Peran.PENILAI)
    k.staf = _akun(session, k.pegawai, "budi", Peran.PEGAWAI)
    k.lain = _akun(session, k.lain, "andi", Peran.PEGAWAI, Peran.PENILAI)
    return k


def _tulis(db, k, teks="Mohon lengkapi bukti dukung."):
    return run(
        db.session_factory, k.penilai, ub.tulis_umpan_balik, k.skp.id, teks,
        indikator_id=k.iki[0].id, periode_id=k.tw1.id,
    )  # fmt: skip


def test_new_feedback_is_unread_for_the_pegawai_until_shown(db, k):
    utas = _tulis(db, k)
    (baru,) = run(db.session_factory, k.staf, ub.utas_belum_dibaca)
    assert (baru.utas_id, baru.jumlah, baru.pegawai_id) == (utas.id, 1, k.pegawai.id)
    assert baru.cuplikan == "Mohon lengkapi bukti dukung." and baru.indikator_id == k.iki[0].id
    assert baru.penulis_nama.startswith("Siti Rahmawati")
    # the writer has nothing unread: his own message
    assert run(db.session_factory, k.penilai, ub.utas_belum_dibaca) == []
    # shown: the marks as they were come back (none), the thread is read
    assert run(db.session_factory, k.staf, ub.tandai_dibaca, [utas.id]) == {}
    assert run(db.session_factory, k.staf, ub.utas_belum_dibaca) == []
    # showing it again changes nothing
    lama = run(db.session_factory, k.staf, ub.tandai_dibaca, [utas.id])
    assert lama == {utas.id: utas.pesan[-1].waktu}


def test_a_reply_is_unread_for_the_other_side_only(db, k):
    utas = _tulis(db, k)
    run(db.session_factory, k.staf, ub.tandai_dibaca, [utas.id])
    run(db.session_factory, k.staf, ub.balas_umpan_balik, utas.id, "Baik, sudah saya lampirkan.")
    (baru,) = run(db.session_factory, k.penilai, ub.utas_belum_dibaca)
    assert baru.jumlah == 1 and baru.cuplikan == "Baik, sudah saya lampirkan."
    assert run(db.session_factory, k.staf, ub.utas_belum_dibaca) == []
    # two more from the penilai: two unread messages in one thread for the pegawai
    run(db.session_factory, k.penilai, ub.balas_umpan_balik, utas.id, "Terima kasih.")
    run(db.session_factory, k.penilai, ub.balas_umpan_balik, utas.id, "Lanjutkan.")
    (baru,) = run(db.session_factory, k.staf, ub.utas_belum_dibaca)
    assert baru.jumlah == 2 and baru.cuplikan == "Lanjutkan."
    semua = run(db.session_factory, k.staf, ub.umpan_balik_skp, k.skp.id)
    tanda = run(db.session_factory, k.staf, ub.tanda_baca, [utas.id])
    assert [p.teks for p in ub.pesan_baru(semua[0], k.staf, tanda[utas.id])] == [
        "Terima kasih.", "Lanjutkan.",
    ]  # fmt: skip


def test_marks_are_per_account(db, k, session):
    utas = _tulis(db, k)
    run(db.session_factory, k.staf, ub.tandai_dibaca, [utas.id])
    # the same pegawai on a second account (e.g. after an account was recreated) has his own
    kedua = _akun(session, k.pegawai, "budi2", Peran.PEGAWAI)
    assert len(run(db.session_factory, kedua, ub.utas_belum_dibaca)) == 1
    assert session.query(UmpanBalikDibaca).count() == 1


def test_only_readers_of_the_thread_may_mark_it(db, k):
    utas = _tulis(db, k)
    with pytest.raises(PermissionDenied):
        run(db.session_factory, k.lain, ub.tandai_dibaca, [utas.id])
    assert run(db.session_factory, k.lain, ub.utas_belum_dibaca) == []


def test_the_pemantauan_page_counts_unread_per_iki(db, k):
    utas = _tulis(db, k)
    _tulis(db, k, "Satu lagi untuk IKI yang sama.")
    h = run(db.session_factory, k.staf, pm.halaman_pemantauan, k.pegawai.id, TAHUN, k.tw1.id)
    pertama = next(b for b in h.baris if b.indikator_id == k.iki[0].id)
    kedua = next(b for b in h.baris if b.indikator_id == k.iki[1].id)
    assert (h.belum_dibaca_iki(pertama), h.belum_dibaca_iki(kedua)) == (2, 0)
    run(db.session_factory, k.staf, ub.tandai_dibaca, [utas.id])
    h = run(db.session_factory, k.staf, pm.halaman_pemantauan, k.pegawai.id, TAHUN, k.tw1.id)
    pertama = next(b for b in h.baris if b.indikator_id == k.iki[0].id)
    assert h.belum_dibaca_iki(pertama) == 1
    # the penilai wrote both: nothing unread for him on the same page
    h = run(db.session_factory, k.penilai, pm.halaman_pemantauan, k.pegawai.id, TAHUN, k.tw1.id)
    assert h.belum_dibaca == {}
