"""A year of X's: rated by A, a PLT B from June to August, a move to C's seksi on 1 September.

For every period: the SKP Bawahan tab, the Papan, the evaluation list and the permission
checks of A, B and C, the SKP the evaluation is made on, and the penilai its form prints.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from kinerja_desktop.db.models import Evaluasi, PenugasanPenilai, RiwayatSkp, Skp
from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.services import evaluasi as ev_sv
from kinerja_desktop.services import mutasi, penugasan
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services import skp as skp_sv
from kinerja_desktop.services.skp.salin import salin_isi
from tests import factories
from tests.data_evaluasi import buat_periode_tahun, buat_skp, isi_realisasi

TAHUN = 2025
PINDAH = date(TAHUN, 9, 1)


@pytest.fixture
def tahun(session, admin):
    kec = factories.unit(session, "Kecamatan Tebo Tengah")
    seksi_a = factories.unit(session, "Seksi A", kec)
    seksi_b = factories.unit(session, "Seksi B", kec)
    seksi_c = factories.unit(session, "Seksi C", kec)
    camat = factories.pegawai(
        session, "Camat", unit_kerja=kec, jabatan="Camat", jenis_jabatan="ADMINISTRATOR"
    )

    def kasi(nama: str, unit, lahir: date):
        return factories.pegawai(
            session,
            nama,
            unit_kerja=unit,
            lahir=lahir,
            jabatan=f"Kepala {unit.nama}",
            jenis_jabatan="PENGAWAS",
            atasan=camat,
        )

    a = kasi("Kasi A", seksi_a, date(1975, 1, 1))
    b = kasi("Kasi B", seksi_b, date(1976, 1, 1))
    c = kasi("Kasi C", seksi_c, date(1977, 1, 1))
    x = factories.pegawai(session, "Staf X", unit_kerja=seksi_a, lahir=date(1990, 1, 1), atasan=a)
    y = factories.pegawai(session, "Staf Y", unit_kerja=seksi_a, lahir=date(1991, 1, 1), atasan=a)
    periode = buat_periode_tahun(session, TAHUN)
    skp_lama = buat_skp(session, x, a, TAHUN)
    skp_y = buat_skp(session, y, a, TAHUN)
    for kode in ("TW1", "TW2", "TW3"):
        isi_realisasi(session, skp_lama, periode[kode], a)
    session.add(
        PenugasanPenilai(
            pegawai_id=x.id,
            penilai_id=b.id,
            jenis="PLT",
            mulai=date(TAHUN, 6, 1),
            selesai=date(TAHUN, 8, 31),
            keterangan="Plt. Kepala Seksi A",
        )
    )
    session.flush()
    hasil = mutasi.catat_mutasi(session, admin, x.id, PINDAH, seksi_c.id, c.id)
    skp_baru = session.get(Skp, hasil.skp_baru_id)
    salin_isi(session, skp_lama, skp_baru, pertahankan_link=False, salin_ekspektasi=True)
    skp_sv.ajukan_skp(session, factories.actor_for(x), skp_baru.id)
    skp_sv.tetapkan_skp(session, factories.actor_for(c), skp_baru.id)
    session.refresh(skp_baru)
    for kode in ("TW3", "AKHIR"):
        isi_realisasi(session, skp_baru, periode[kode], c, nilai=(2, 90, 6))
    session.commit()
    return {
        "a": a,
        "b": b,
        "c": c,
        "x": x,
        "y": y,
        "periode": periode,
        "lama": skp_lama,
        "baru": skp_baru,
        "skp_y": skp_y,
        "hasil": hasil,
        "seksi_c": seksi_c,
    }


def test_the_move_closes_the_earlier_skp_and_opens_one_with_the_new_penilai(session, tahun):
    x, lama, baru = tahun["x"], tahun["lama"], tahun["baru"]
    session.refresh(lama)
    assert lama.selesai == date(TAHUN, 8, 31) and lama.status == "DITETAPKAN"
    assert (baru.mulai, baru.selesai, baru.penilai_id) == (
        PINDAH,
        date(TAHUN, 12, 31),
        tahun["c"].id,
    )
    assert baru.revisi == 0 and baru.revisi_dari_id is None  # a move is not a revision
    session.refresh(x)
    assert x.unit_kerja_id == tahun["seksi_c"].id
    assert tahun["hasil"].skp_ditutup == (lama.id,)
    alasan = session.scalars(select(RiwayatSkp.alasan).where(RiwayatSkp.skp_id == lama.id)).all()
    assert any("Mutasi" in (t or "") for t in alasan)
    assert [(m.penilai_id, m.jenis, m.mulai, m.selesai) for m in penugasan.penilai_dalam(
        session, x.id, date(TAHUN, 1, 1), date(TAHUN, 12, 31)
    )] == [
        (tahun["a"].id, "DEFINITIF", date(TAHUN, 1, 1), date(TAHUN, 5, 31)),
        (tahun["b"].id, "PLT", date(TAHUN, 6, 1), date(TAHUN, 8, 31)),
        (tahun["c"].id, "DEFINITIF", PINDAH, date(TAHUN, 12, 31)),
    ]  # fmt: skip
    # the realisasi of the earlier periods stay with the earlier SKP
    assert skp_sv.detail_skp(session, factories.actor_for(x), lama.id).rhk


def test_the_year_screen_by_screen(session, tahun):
    a, b, c, x, y = (tahun[k] for k in "abcxy")
    lama, baru, skp_y = tahun["lama"], tahun["baru"], tahun["skp_y"]
    aktor = {"A": factories.actor_for(a), "B": factories.actor_for(b), "C": factories.actor_for(c)}
    # the SKP Bawahan tab: each penilai sees the SKP in force while he rates X
    tab = {
        k: {(r.pegawai_id, r.skp_id) for r in skp_sv.ringkasan_bawahan(session, v, TAHUN)}
        for k, v in aktor.items()
    }
    assert tab == {
        "A": {(x.id, lama.id), (y.id, skp_y.id)},
        "B": {(x.id, lama.id)},
        "C": {(x.id, baru.id)},
    }
    # the Papan: the same pegawai
    papan = {
        k: {r.pegawai_id for r in pm.papan_pemantauan(session, v, TAHUN).baris}
        for k, v in aktor.items()
    }
    assert papan == {k: {p for p, _s in v} for k, v in tab.items()}
    # … each row on the SKP in force while he rates X, saying how when not all year
    baris = {
        k: {r.pegawai_id: (r.skp_id, r.masa) for r in pm.papan_pemantauan(session, v, TAHUN).baris}
        for k, v in aktor.items()
    }
    assert baris == {
        "A": {
            x.id: (lama.id, "Atasan langsung 01-01-2025 s.d. 31-05-2025"),
            y.id: (skp_y.id, ""),
        },
        "B": {x.id: (lama.id, "Plt. 01-06-2025 s.d. 31-08-2025")},
        "C": {x.id: (baru.id, "Atasan langsung 01-09-2025 s.d. 31-12-2025")},
    }
    masa_tab = {r.masa for r in skp_sv.ringkasan_bawahan(session, aktor["B"], TAHUN)}
    # "belum mengisi" of a period lists only whom he rates in that period
    akhir = tahun["periode"]["AKHIR"].id
    assert {r.pegawai_id for r in pm.belum_mengisi(session, aktor["A"], akhir)} == {y.id}
    assert {r.pegawai_id for r in pm.belum_mengisi(session, aktor["C"], akhir)} == set()
    assert masa_tab == {"Plt. 01-06-2025 s.d. 31-08-2025"}
    # the SKP decisions: the earlier SKP by A or the PLT, the new one by C only
    izin = {
        k: (
            skp_sv.adalah_penilai_skp(session, v, lama),
            skp_sv.adalah_penilai_skp(session, v, baru),
        )
        for k, v in aktor.items()
    }
    assert izin == {"A": (True, False), "B": (True, False), "C": (False, True)}

    harapan = {  # period: (whom A, B, C list, the penilai of the form, the SKP, "Plt."?)
        "TW1": ({x.id, y.id}, set(), set(), "A", lama.id, False),
        "TW2": ({x.id, y.id}, {x.id}, set(), "B", lama.id, True),  # B acts on 30 June
        "TW3": ({y.id}, {x.id}, {x.id}, "C", baru.id, False),
        "AKHIR": ({y.id}, set(), {x.id}, "C", baru.id, False),
    }
    for kode, (da, db_, dc, penilai, skp_id, plt) in harapan.items():
        p = tahun["periode"][kode]
        daftar = tuple(
            {r.pegawai_id for r in ev_sv.daftar_dinilai(session, aktor[k], p.id)} for k in "ABC"
        )
        assert daftar == (da, db_, dc), kode
        for k in "ABC":  # the permission check agrees with the list
            boleh = x.id in daftar["ABC".index(k)]
            assert ev_sv.adalah_penilai(session, aktor[k], x.id, p) is boleh, (kode, k)
        pid = penugasan.penilai_periode(session, x.id, p.mulai, p.selesai)
        assert pid == {"A": a, "B": b, "C": c}[penilai].id, kode
        d = ev_sv.mulai_evaluasi(session, aktor[penilai], x.id, p.id)
        ev = session.get(Evaluasi, d.evaluasi_id)
        assert ev.skp_id == skp_id, kode
        blok = ev_sv.snapshot(ev).penilai
        assert blok.nama == f"Kasi {penilai}, S.E.", kode
        assert blok.jabatan == ("Plt. Kepala Seksi A" if plt else f"Kepala Seksi {penilai}"), kode
        uraian = [r.uraian for r in d.hasil_kerja]
        assert len(uraian) == len(set(uraian)), f"{kode}: a row shown twice"
        dari_lama = [u for u in uraian if u.startswith("[SKP 01-01-2025 s.d. 31-08-2025")]
        # TW3 and the annual (final) evaluation show the earlier SKP's results too
        assert bool(dari_lama) is (kode in ("TW3", "AKHIR")), kode
    session.rollback()


def test_the_plt_rates_and_prints_as_plt_in_his_span(session, tahun):
    b, x = tahun["b"], tahun["x"]
    tw2, tw3 = tahun["periode"]["TW2"], tahun["periode"]["TW3"]
    d = ev_sv.mulai_evaluasi(session, factories.actor_for(b), x.id, tw2.id)
    blok = ev_sv.snapshot(session.get(Evaluasi, d.evaluasi_id)).penilai
    assert blok.nama == "Kasi B, S.E."
    assert blok.jabatan == "Plt. Kepala Seksi A" and blok.unit_kerja == "Seksi A"
    session.rollback()
    d = ev_sv.mulai_evaluasi(session, factories.actor_for(b), x.id, tw3.id)
    blok = ev_sv.snapshot(session.get(Evaluasi, d.evaluasi_id)).penilai
    assert blok.jabatan == "Plt. Kepala Seksi A"  # July and August of TW3 are his
    session.rollback()
    with pytest.raises(PermissionDenied):
        ev_sv.mulai_evaluasi(session, factories.actor_for(b), x.id, tahun["periode"]["TW1"].id)


def test_a_move_refuses_what_it_cannot_do(session, tahun, admin):
    x, c, y = tahun["x"], tahun["c"], tahun["y"]
    with pytest.raises(PermissionDenied):
        mutasi.catat_mutasi(
            session, factories.actor_for(c), y.id, date(TAHUN, 10, 1), tahun["seksi_c"].id, c.id
        )
    with pytest.raises(ValidationError, match="tidak ada mutasi"):
        mutasi.catat_mutasi(session, admin, x.id, date(TAHUN, 10, 1), tahun["seksi_c"].id, c.id)
    with pytest.raises(ValidationError, match="sesudah tanggal mulai SKP"):
        mutasi.catat_mutasi(session, admin, x.id, PINDAH, x.unit_kerja_id, tahun["a"].id)
    session.rollback()


def test_a_plt_of_the_old_post_ends_with_the_move(session, tahun, admin):
    a, c, y = tahun["a"], tahun["c"], tahun["y"]
    b = tahun["b"]
    session.add(
        PenugasanPenilai(
            pegawai_id=y.id,
            penilai_id=b.id,
            jenis="PLH",
            mulai=date(TAHUN, 10, 1),
            selesai=date(TAHUN, 11, 30),
        )
    )
    session.flush()
    mutasi.catat_mutasi(session, admin, y.id, date(TAHUN, 11, 1), tahun["seksi_c"].id, c.id)
    masa = penugasan.penilai_dalam(session, y.id, date(TAHUN, 10, 1), date(TAHUN, 12, 31))
    assert [(m.penilai_id, m.jenis, m.selesai) for m in masa] == [
        (b.id, "PLH", date(TAHUN, 10, 31)),
        (c.id, "DEFINITIF", date(TAHUN, 12, 31)),
    ]
    assert not penugasan.adalah_penilai_dalam(
        session, a.id, y.id, date(TAHUN, 10, 1), date(TAHUN, 12, 31)
    )
    session.rollback()
