"""Realisasi (permissions, capaian, status, lock after FINAL), rencana aksi, daily progress,
suggestion, board and 'belum mengisi'."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.errors import (
    ConflictError,
    PermissionDenied,
    StateError,
    ValidationError,
)
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services.uow import run
from tests import factories as f
from tests.factories_pemantauan import buat_skp, finalkan, kantor

H = date(2025, 4, 2)


def test_realisasi_capaian_and_rows(db, session):
    k = kantor(session)
    a = k.a_pegawai
    r = run(db.session_factory, a, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, "3", hari_ini=H)
    assert r.capaian == pytest.approx(25.0) and r.status == "DRAF"
    run(db.session_factory, a, pm.simpan_realisasi, k.iki[1].id, k.tw1.id, "97,5", hari_ini=H)
    run(
        db.session_factory,
        a,
        pm.simpan_realisasi,
        k.iki[2].id,
        k.tw1.id,
        None,
        "Pembinaan dua kali di Balai Desa",
        hari_ini=H,
    )
    rows = run(db.session_factory, k.a_atasan, pm.realisasi_skp, k.skp.id, k.tw1.id)
    assert [b.indikator_kode for b in rows] == ["1.1", "1.2", "2.1"]
    assert [b.rhk_kode for b in rows] == ["1", "1", "2"]
    assert rows[1].capaian == pytest.approx(97.5)
    assert (
        rows[2].kualitatif
        and rows[2].capaian is None
        and rows[2].realisasi_label.startswith("Pembinaan")
    )
    assert rows[0].target_label == "12 laporan" and rows[0].realisasi_label == "3 laporan"


def test_realisasi_validation(db, session):
    k = kantor(session)
    a = k.a_pegawai
    with pytest.raises(ValidationError) as e:
        run(db.session_factory, a, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, "tiga")
    assert e.value.kolom == "Realisasi" and "bukan angka" in e.value.pesan
    with pytest.raises(ValidationError):
        run(db.session_factory, a, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, -1)
    with pytest.raises(ValidationError) as e:
        run(db.session_factory, a, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, None)
    assert "target 12 laporan" in e.value.pesan
    with pytest.raises(ValidationError) as e:
        run(db.session_factory, a, pm.simpan_realisasi, k.iki[2].id, k.tw1.id, None, "  ")
    assert "kualitatif" in e.value.pesan


def test_parse_angka_indonesian():
    assert pm.parse_angka("1.250", "Realisasi") == 1250
    assert pm.parse_angka("1.250,5", "Realisasi") == 1250.5
    assert pm.parse_angka("12,5", "Realisasi") == 12.5
    assert pm.parse_angka("3.5", "Realisasi") == 3.5
    assert pm.parse_angka("", "Realisasi") is None
    assert pm.format_angka(1250.5) == "1.250,5" and pm.format_angka(12.0) == "12"


def test_only_owner_or_admin_writes_penilai_reads(db, session, admin):
    k = kantor(session)
    with pytest.raises(PermissionDenied) as e:
        run(db.session_factory, k.a_atasan, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, 3)
    assert "pegawai yang bersangkutan" in str(e.value)
    r = run(db.session_factory, admin, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, 3, hari_ini=H)
    assert r.nilai == 3
    # penilai reads; a stranger does not
    hal = run(
        db.session_factory,
        k.a_atasan,
        pm.halaman_pemantauan,
        k.pegawai.id,
        2025,
        k.tw1.id,
        hari_ini=H,
    )
    assert hal.baris[0].nilai == 3 and not hal.boleh_ubah
    with pytest.raises(PermissionDenied):
        run(db.session_factory, k.a_lain, pm.halaman_pemantauan, k.pegawai.id, 2025)
    with pytest.raises(PermissionDenied):
        run(db.session_factory, k.a_lain, pm.realisasi_skp, k.skp.id, k.tw1.id)
    hal = run(
        db.session_factory, k.a_pegawai, pm.halaman_pemantauan, k.pegawai.id, 2025, hari_ini=H
    )
    assert hal.boleh_ubah and hal.periode_aktif.kode == "TW2"  # the running period


def test_submit_then_edit_returns_to_draft(db, session):
    k = kantor(session)
    a = k.a_pegawai
    run(db.session_factory, a, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, 3, hari_ini=H)
    with pytest.raises(StateError) as e:
        run(db.session_factory, a, pm.ajukan_realisasi, k.skp.id, k.tw1.id, hari_ini=H)
    assert "1.2, 2.1" in str(e.value)
    run(db.session_factory, a, pm.simpan_realisasi, k.iki[1].id, k.tw1.id, 100, hari_ini=H)
    run(db.session_factory, a, pm.simpan_realisasi, k.iki[2].id, k.tw1.id, None, "Ok", hari_ini=H)
    n = run(
        db.session_factory, a, pm.ajukan_realisasi, k.skp.id, k.tw1.id, hari_ini=date(2025, 4, 12)
    )
    assert n == 3
    hal = run(db.session_factory, a, pm.halaman_pemantauan, k.pegawai.id, 2025, k.tw1.id)
    assert hal.status == pm.DIAJUKAN
    assert all(b.terlambat for b in hal.baris)  # submitted after 10-04
    r = run(db.session_factory, a, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, 4, hari_ini=H)
    assert r.status == "DRAF"
    hal = run(db.session_factory, a, pm.halaman_pemantauan, k.pegawai.id, 2025, k.tw1.id)
    assert hal.status == pm.DRAF


def test_stale_version_conflict(db, session):
    k = kantor(session)
    a = k.a_pegawai
    r = run(db.session_factory, a, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, 3, hari_ini=H)
    run(db.session_factory, a, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, 4, versi=r.versi)
    with pytest.raises(ConflictError):
        run(db.session_factory, a, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, 5, versi=r.versi)


def test_locked_after_final_evaluation(db, session):
    k = kantor(session)
    a = k.a_pegawai
    r = run(db.session_factory, a, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, 3, hari_ini=H)
    ra = run(db.session_factory, a, pm.simpan_rencana_aksi, k.rhk[0].id, k.tw1.id, "Susun LK")
    finalkan(session, k, k.tw1.id)
    with pytest.raises(StateError) as e:
        run(db.session_factory, a, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, 4)
    assert "sudah final" in str(e.value)
    with pytest.raises(StateError):
        run(db.session_factory, a, pm.hapus_realisasi, r.id)
    with pytest.raises(StateError):
        run(db.session_factory, a, pm.hapus_rencana_aksi, ra.id)
    hal = run(db.session_factory, a, pm.halaman_pemantauan, k.pegawai.id, 2025, k.tw1.id)
    assert hal.terkunci and not hal.boleh_ubah and hal.status == pm.DINILAI
    # other periods stay open
    run(db.session_factory, a, pm.simpan_realisasi, k.iki[0].id, k.periode[1].id, 6, hari_ini=H)


def test_period_of_other_year_refused(db, session, admin):
    from kinerja_desktop.services.periode import pastikan_periode

    k = kantor(session)
    p26 = pastikan_periode(session, 2026)
    session.commit()
    with pytest.raises(ValidationError):
        run(db.session_factory, k.a_pegawai, pm.simpan_realisasi, k.iki[0].id, p26[0].id, 3)


def test_rencana_aksi_crud(db, session):
    k = kantor(session)
    a = k.a_pegawai
    r1 = run(
        db.session_factory,
        a,
        pm.simpan_rencana_aksi,
        k.rhk[0].id,
        k.tw1.id,
        "Menyusun laporan keuangan Januari–Maret",
    )
    r2 = run(
        db.session_factory,
        a,
        pm.simpan_rencana_aksi,
        k.rhk[0].id,
        k.tw1.id,
        "Rekonsiliasi dengan BPKAD",
    )
    assert (r1.urutan, r2.urutan) == (1, 2)
    r1 = run(
        db.session_factory,
        a,
        pm.simpan_rencana_aksi,
        k.rhk[0].id,
        k.tw1.id,
        "Menyusun LK triwulan I",
        r1.id,
        versi=r1.versi,
    )
    rows = run(db.session_factory, k.a_atasan, pm.daftar_rencana_aksi, k.skp.id, k.tw1.id)
    assert [r.uraian for r in rows] == ["Menyusun LK triwulan I", "Rekonsiliasi dengan BPKAD"]
    with pytest.raises(PermissionDenied):
        run(db.session_factory, k.a_atasan, pm.simpan_rencana_aksi, k.rhk[0].id, k.tw1.id, "x")
    with pytest.raises(ValidationError):
        run(db.session_factory, a, pm.simpan_rencana_aksi, k.rhk[0].id, k.tw1.id, "  ")
    run(db.session_factory, a, pm.hapus_rencana_aksi, r2.id)
    assert len(run(db.session_factory, a, pm.daftar_rencana_aksi, k.skp.id)) == 1


def test_progres_week_and_suggestion(db, session):
    k = kantor(session)
    a = k.a_pegawai
    senin = date(2025, 3, 3)
    entri = [
        pm.EntriProgres(
            date(2025, 3, 3 + i),
            f"Menyusun laporan hari {i + 1}",
            indikator_id=k.iki[0].id,
            kuantitas=1 if i % 2 == 0 else 0.5,
        )
        for i in range(5)
    ]
    entri.append(pm.EntriProgres(date(2025, 3, 4), "Rapat koordinasi", rhk_id=k.rhk[1].id))
    rows = run(
        db.session_factory,
        a,
        pm.simpan_progres_banyak,
        k.pegawai.id,
        entri,
        hari_ini=date(2025, 3, 10),
    )
    assert len(rows) == 6 and rows[0].rhk_kode == "1" and rows[0].indikator_kode == "1.1"
    assert rows[0].satuan == "laporan"  # taken from the IKI
    minggu = run(
        db.session_factory, k.a_atasan, pm.daftar_progres, k.pegawai.id, senin, date(2025, 3, 9)
    )
    assert [r.tanggal.day for r in minggu] == [3, 4, 4, 5, 6, 7]
    s = run(db.session_factory, a, pm.saran_realisasi, k.iki[0].id, k.tw1.id)
    assert s.jumlah == pytest.approx(4.0) and s.entri == 5 and s.satuan == "laporan"
    # entries outside the period do not count
    run(
        db.session_factory,
        a,
        pm.simpan_progres,
        k.pegawai.id,
        pm.EntriProgres(date(2025, 4, 1), "April", indikator_id=k.iki[0].id, kuantitas=5),
        hari_ini=date(2025, 4, 2),
    )
    assert run(db.session_factory, a, pm.saran_realisasi, k.iki[0].id, k.tw1.id).jumlah == 4.0
    # edit and delete
    e = rows[-1]
    run(
        db.session_factory,
        a,
        pm.simpan_progres,
        k.pegawai.id,
        pm.EntriProgres(e.tanggal, "Rapat koordinasi keuangan", rhk_id=k.rhk[1].id, id=e.id),
        hari_ini=date(2025, 3, 10),
    )
    run(db.session_factory, a, pm.hapus_progres, rows[0].id)
    minggu = run(db.session_factory, a, pm.daftar_progres, k.pegawai.id, senin, date(2025, 3, 9))
    assert len(minggu) == 5 and "keuangan" in next(m for m in minggu if m.id == e.id).uraian


def test_progres_batch_is_all_or_nothing(db, session):
    k = kantor(session)
    entri = [
        pm.EntriProgres(date(2025, 3, 3), "Baik", rhk_id=k.rhk[0].id),
        pm.EntriProgres(date(2025, 3, 4), "", rhk_id=k.rhk[0].id),
        pm.EntriProgres(date(2025, 3, 5), "Tanpa RHK"),
        pm.EntriProgres(date(2025, 12, 5), "Masa depan", rhk_id=k.rhk[0].id),
        pm.EntriProgres(date(2025, 3, 6), "Salah", rhk_id=k.rhk[1].id, indikator_id=k.iki[0].id),
    ]
    with pytest.raises(pm.EntriTidakValid) as e:
        run(
            db.session_factory,
            k.a_pegawai,
            pm.simpan_progres_banyak,
            k.pegawai.id,
            entri,
            hari_ini=date(2025, 3, 10),
        )
    ks = e.value.kesalahan
    assert [(x.indeks, x.kolom) for x in ks] == [
        (1, "Uraian"),
        (2, "RHK"),
        (3, "Tanggal"),
        (4, "IKI"),
    ]
    assert "Tidak ada yang disimpan" in str(e.value)
    assert (
        run(
            db.session_factory,
            k.a_pegawai,
            pm.daftar_progres,
            k.pegawai.id,
            date(2025, 1, 1),
            date(2025, 12, 31),
        )
        == []
    )
    with pytest.raises(PermissionDenied):
        run(
            db.session_factory,
            k.a_atasan,
            pm.simpan_progres_banyak,
            k.pegawai.id,
            entri[:1],
            hari_ini=date(2025, 3, 10),
        )


def test_progres_late_flag(db, session):
    k = kantor(session)
    row = run(
        db.session_factory,
        k.a_pegawai,
        pm.simpan_progres,
        k.pegawai.id,
        pm.EntriProgres(date(2025, 2, 3), "Telat dicatat", rhk_id=k.rhk[0].id),
        hari_ini=date(2025, 4, 30),
    )
    assert row.terlambat


def test_board_and_belum_mengisi(db, session, admin):
    k = kantor(session)
    # second subordinate who submitted everything, third without SKP
    p2 = f.pegawai(
        session,
        "Citra Lestari",
        unit_kerja=session.get(type(k.pegawai), k.pegawai.id).unit_kerja,
        atasan=k.atasan,
        lahir=date(1990, 7, 7),
        jenis_kelamin="P",
    )
    skp2 = buat_skp(session, p2, k.atasan)
    f.pegawai(session, "Dedi Kurniawan", atasan=k.atasan, lahir=date(1992, 8, 8))
    session.commit()
    a2 = f.actor_for(p2, Peran.PEGAWAI)
    for i, ind in enumerate(i for r in skp2.rhk for i in r.indikator):
        if ind.target_nilai is None:
            run(
                db.session_factory,
                a2,
                pm.simpan_realisasi,
                ind.id,
                k.tw1.id,
                None,
                "Selesai",
                hari_ini=date(2025, 4, 5),
            )
        else:
            run(
                db.session_factory,
                a2,
                pm.simpan_realisasi,
                ind.id,
                k.tw1.id,
                10 + i,
                hari_ini=date(2025, 4, 15),
            )
    run(db.session_factory, a2, pm.ajukan_realisasi, skp2.id, k.tw1.id, hari_ini=date(2025, 4, 15))
    run(db.session_factory, k.a_pegawai, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, 3, hari_ini=H)
    finalkan(session, k, k.periode[1].id)

    papan = run(db.session_factory, k.a_atasan, pm.papan_pemantauan, 2025)
    nama = [b.nama for b in papan.baris]
    assert nama == ["Budi Santoso, S.E.", "Citra Lestari, S.E.", "Dedi Kurniawan, S.E."]
    budi, citra, dedi = papan.baris
    assert budi.sel[0].status == pm.DRAF and budi.sel[0].terisi == 1 and budi.sel[0].jumlah_iki == 3
    assert budi.sel[1].status == pm.DINILAI
    assert budi.sel[2].status == pm.BELUM_MULAI
    assert citra.sel[0].status == pm.DIAJUKAN and citra.sel[0].terlambat == 3
    assert dedi.sel[0].status == pm.TANPA_SKP
    assert papan.ringkasan["TW1"] == {pm.DRAF: 1, pm.DIAJUKAN: 1, pm.TANPA_SKP: 1}

    belum = run(db.session_factory, k.a_atasan, pm.belum_mengisi, k.tw1.id)
    assert [(b.nama.split(",")[0], b.status) for b in belum] == [
        ("Budi Santoso", pm.DRAF),
        ("Dedi Kurniawan", pm.TANPA_SKP),
    ]
    # a pegawai cannot see somebody else's board; the admin sees a unit's
    with pytest.raises(PermissionDenied):
        run(db.session_factory, k.a_pegawai, pm.papan_pemantauan, 2025, penilai_id=k.atasan.id)
    unit_id = session.get(type(k.pegawai), k.pegawai.id).unit_kerja_id
    papan_unit = run(db.session_factory, admin, pm.papan_pemantauan, 2025, unit_id=unit_id)
    assert len(papan_unit.baris) == 5  # everybody in the unit, incl. the atasan and Andi
    # a penilai asking for the unit gets only his own bawahan there; who rates nobody in it
    # is refused
    papan_atasan = run(db.session_factory, k.a_atasan, pm.papan_pemantauan, 2025, unit_id=unit_id)
    assert {b.pegawai_id for b in papan_atasan.baris} == {b.pegawai_id for b in papan.baris}
    assert len(papan_atasan.baris) < len(papan_unit.baris)
    with pytest.raises(PermissionDenied, match="bukan pejabat penilai"):
        run(db.session_factory, k.a_pegawai, pm.papan_pemantauan, 2025, unit_id=unit_id)
    with pytest.raises(PermissionDenied):
        run(db.session_factory, k.a_pegawai, pm.belum_mengisi, k.tw1.id, penilai_id=k.atasan.id)


def test_pegawai_pilihan(db, session, admin):
    k = kantor(session)
    atasan = run(db.session_factory, k.a_atasan, pm.pegawai_pilihan, 2025)
    assert [(p.id, p.hubungan) for p in atasan] == [
        (k.atasan.id, "Saya sendiri"),
        (k.pegawai.id, "Bawahan"),
    ]
    sendiri = run(db.session_factory, k.a_pegawai, pm.pegawai_pilihan, 2025)
    assert [p.id for p in sendiri] == [k.pegawai.id]
    semua = run(
        db.session_factory, Actor("op", peran=frozenset({Peran.ADMIN})), pm.pegawai_pilihan, 2025
    )
    assert len(semua) == 3
