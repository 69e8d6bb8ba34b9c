"""The owner of "who rates whom, when" (services/penugasan) on the issue's example, and the
screens that ask it: X is rated by A, with a PLT B from March to May."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.db.models import PenugasanPenilai
from kinerja_desktop.domain.penugasan import DEFINITIF, PLT, Masa
from kinerja_desktop.services import evaluasi as ev_sv
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services import penugasan
from kinerja_desktop.services import skp as skp_sv
from tests import factories
from tests.data_evaluasi import buat_periode_tahun, buat_skp

TAHUN = 2025


@pytest.fixture
def contoh(session):
    camat = factories.pegawai(session, "Camat", jabatan="Camat", jenis_jabatan="ADMINISTRATOR")
    a = factories.pegawai(
        session, "Kasi A", jabatan="Kepala Seksi A", jenis_jabatan="PENGAWAS", atasan=camat
    )
    b = factories.pegawai(
        session, "Kasi B", jabatan="Kepala Seksi B", jenis_jabatan="PENGAWAS", atasan=camat
    )
    x = factories.pegawai(session, "Staf X", lahir=date(1990, 1, 1), atasan=a)
    y = factories.pegawai(session, "Staf Y", lahir=date(1991, 2, 2), atasan=a)
    keluar = factories.pegawai(session, "Staf Pensiun", lahir=date(1965, 3, 3), atasan=a)
    keluar.aktif, keluar.tanggal_nonaktif = False, date(2024, 12, 31)
    tb = factories.pegawai(session, "Staf Tugas Belajar", lahir=date(1992, 4, 4), atasan=a)
    tb.bebas_tugas = True
    session.add(
        PenugasanPenilai(
            pegawai_id=x.id,
            penilai_id=b.id,
            jenis=PLT,
            mulai=date(TAHUN, 3, 1),
            selesai=date(TAHUN, 5, 31),
        )
    )
    periode = buat_periode_tahun(session, TAHUN)
    buat_skp(session, x, a, TAHUN)
    session.commit()
    return camat, a, b, x, y, keluar, tb, periode


def test_the_year_and_the_days(session, contoh):
    camat, a, b, x, y, keluar, tb, _periode = contoh
    hari = date(TAHUN, 7, 1)  # the bebas tugas pegawai is out from today on
    tahun_a = penugasan.bawahan_tahun(session, a.id, TAHUN, hari_ini=hari)
    assert set(tahun_a) == {x.id, y.id, tb.id}  # never the one inactive since 2024
    assert tahun_a[x.id] == [
        Masa(a.id, DEFINITIF, date(TAHUN, 1, 1), date(TAHUN, 2, 28)),
        Masa(a.id, DEFINITIF, date(TAHUN, 6, 1), date(TAHUN, 12, 31)),
    ]
    assert tahun_a[tb.id] == [Masa(a.id, DEFINITIF, date(TAHUN, 1, 1), date(TAHUN, 6, 30))]
    assert set(penugasan.bawahan_tahun(session, b.id, TAHUN, hari_ini=hari)) == {x.id}
    assert penugasan.bawahan_pada(session, a.id, date(TAHUN, 4, 1), hari_ini=hari) == [
        y.id,
        tb.id,
    ]
    assert penugasan.bawahan_pada(session, b.id, date(TAHUN, 4, 1), hari_ini=hari) == [x.id]
    assert penugasan.bawahan_pada(session, a.id, date(TAHUN, 8, 1), hari_ini=hari) == [
        x.id,
        y.id,
    ]
    # who rates X in the second quarter: B as PLT in April and May, A again in June
    tw2 = penugasan.penilai_dalam(session, x.id, date(TAHUN, 4, 1), date(TAHUN, 6, 30))
    assert [(m.penilai_id, m.jenis, m.mulai) for m in tw2] == [
        (b.id, PLT, date(TAHUN, 4, 1)),
        (a.id, DEFINITIF, date(TAHUN, 6, 1)),
    ]
    assert penugasan.penilai_periode(session, x.id, date(TAHUN, 4, 1), date(TAHUN, 6, 30)) == a.id
    assert penugasan.penilai_pada(session, x.id, date(TAHUN, 4, 1)) == b.id
    assert penugasan.rantai_atasan(session, x.id, date(TAHUN, 4, 1)) == [b.id, camat.id]
    assert penugasan.adalah_penilai_dalam(
        session, b.id, x.id, date(TAHUN, 1, 1), date(TAHUN, 3, 31)
    )
    assert not penugasan.adalah_penilai_dalam(
        session, b.id, x.id, date(TAHUN, 7, 1), date(TAHUN, 9, 30)
    )
    # has rated (read rights) is any assignment, even of the inactive pegawai
    assert penugasan.pernah_menilai(session, a.id, keluar.id)
    assert penugasan.pernah_dinilai_oleh(session, b.id) == {x.id}


def test_every_screen_gives_the_same_subordinates(session, contoh):
    _camat, a, b, x, y, keluar, tb, periode = contoh
    aktor_a, aktor_b = factories.actor_for(a), factories.actor_for(b)
    tahun_a = {x.id, y.id, tb.id}  # bebas tugas: out from today (2026), in all of 2025
    bawahan = skp_sv.ringkasan_bawahan(session, aktor_a, TAHUN)
    assert {r.pegawai_id for r in bawahan} == tahun_a
    assert keluar.id not in {r.pegawai_id for r in bawahan}  # no "Belum ada SKP" row for him
    papan = pm.papan_pemantauan(session, aktor_a, TAHUN)
    assert {r.pegawai_id for r in papan.baris} == tahun_a
    pilihan = {p.id for p in pm.pegawai_pilihan(session, aktor_a, TAHUN) if p.id != a.id}
    assert pilihan == tahun_a
    # the PLT: the same three answers, and X's SKP is in his list
    assert [r.pegawai_id for r in skp_sv.ringkasan_bawahan(session, aktor_b, TAHUN)] == [x.id]
    assert [r.pegawai_id for r in pm.papan_pemantauan(session, aktor_b, TAHUN).baris] == [x.id]
    # evaluation lists per period
    dinilai = {
        kode: (
            {r.pegawai_id for r in ev_sv.daftar_dinilai(session, aktor_a, p.id)},
            {r.pegawai_id for r in ev_sv.daftar_dinilai(session, aktor_b, p.id)},
        )
        for kode, p in periode.items()
    }
    assert dinilai["TW1"] == ({x.id, y.id, tb.id}, {x.id})
    assert dinilai["TW2"] == ({x.id, y.id, tb.id}, {x.id})
    assert dinilai["TW3"] == ({x.id, y.id, tb.id}, set())
    assert dinilai["AKHIR"] == ({x.id, y.id, tb.id}, set())
