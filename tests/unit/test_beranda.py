"""Beranda per role on the demo office (built once per session, read at a fixed clock: 8 January
2026, with the 2025 AKHIR deadline on Saturday 10 January), and the reminders built from it."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.services import akun, keberatan
from kinerja_desktop.services import beranda as br
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services.periode import PeriodeRow
from kinerja_desktop.services.uow import run

SANDI = {
    "admin": "Kantor#Tebo2025",
    "camat": "Penilai#2025",
    "kasi.pem": "Seksi#Pem2025",
    "hendra": "Pegawai#2025",
}


def _actor(db, nama):
    return run(db.session_factory, SISTEM, akun.masuk, nama, SANDI[nama]).actor


def _beranda(db, nama):
    return run(db.session_factory, _actor(db, nama), br.beranda)


def test_pegawai_hendra_sees_his_skp_periods_and_the_near_deadline(demo_db):
    b = _beranda(demo_db, "hendra")
    assert b.operator is None and b.penilai is None  # roles: PEGAWAI only
    d = b.pegawai
    assert d.tahun == 2025  # early January: last year's final period is still open
    assert d.skp is not None and d.skp.label_status == "Ditetapkan"
    assert [(p.periode.kode, p.status) for p in d.periode] == [
        ("TW1", "DINILAI"), ("TW2", "DINILAI"), ("TW3", "DINILAI"), ("AKHIR", "DRAF"),
    ]  # fmt: skip
    akhir = d.periode[-1]
    # Thursday 8 January → Saturday 10 January: only Friday is a working day
    assert akhir.sisa_hari_kerja == 1 and not akhir.terlambat
    assert [e.teks for e in d.evaluasi] == [
        "Triwulan I: Baik", "Triwulan II: Baik", "Triwulan III: Baik",
    ]  # fmt: skip
    assert [(p.kunci, p.jenis) for p in b.pengingat] == [(f"batas:{akhir.periode.id}", "BATAS")]
    assert "1 hari kerja lagi" in b.pengingat[0].teks
    assert b.pengingat[0].tujuan == br.Tujuan("pemantauan", periode_id=akhir.periode.id, tahun=2025)


def test_penilai_camat_counts_and_keberatan(demo_db):
    b = _beranda(demo_db, "camat")
    assert b.nama == "H. Ahmad Fauzi, S.STP., M.Si."
    pn = b.penilai
    assert [k.teks for k in pn.keberatan] == ["Fajar Ramadhan, S.Tr.IP. — Triwulan IV (Akhir) 2025"]
    assert pn.keberatan[0].tujuan.bagian == "keberatan"
    assert [(e.teks, e.jumlah) for e in pn.evaluasi_tugas] == [
        ("Triwulan I: 1 dari 8 belum final", 1),
        ("Triwulan II: 1 dari 8 belum final", 1),
        ("Triwulan III: 1 dari 8 belum final", 1),
        ("Triwulan IV (Akhir): 3 dari 8 belum final", 3),
    ]
    (dist,) = pn.distribusi
    assert dist.unit == "Kecamatan Tebo Tengah" and dist.predikat_organisasi == "BAIK"
    assert dist.jumlah == (1, 2, 0, 15, 2) and dist.kurva == (0.05, 0.1, 0.25, 0.4, 0.2)
    assert sum(u.total for u in pn.pengisian) == 8  # his eight bawahan, by unit
    # unread feedback: on his own SKP in the pegawai part, his bawahan's in the penilai part
    assert {u.pegawai_id for u in b.pegawai.umpan_balik} == {_actor(demo_db, "camat").pegawai_id}
    assert len(pn.umpan_balik) == 2
    assert "Keberatan menunggu keputusan Anda: 1." in [p.teks for p in b.pengingat]
    assert "3 pesan umpan balik belum dibaca." in [p.teks for p in b.pengingat]


def test_keberatan_decided_leaves_the_beranda(demo_db):
    camat = _actor(demo_db, "camat")
    (k,) = run(demo_db.session_factory, camat, keberatan.daftar_keberatan_untuk_diputus)
    run(
        demo_db.session_factory, camat, keberatan.putus_keberatan, k.id, keberatan.TETAP,
        catatan="Penilaian sudah sesuai bukti.", versi=k.versi,
    )  # fmt: skip
    b = run(demo_db.session_factory, camat, br.beranda)
    assert b.penilai.keberatan == ()
    assert not any("Keberatan" in p.teks for p in b.pengingat)


def test_penilai_kasi_pem_sees_only_his_bawahan(demo_db):
    pn = _beranda(demo_db, "kasi.pem").penilai
    # Seksi Trantib: he is Plt. penilai of Joko Prasetyo there for a quarter
    assert {u.unit for u in pn.pengisian} == {
        "Seksi Pemerintahan",
        "Seksi Kesejahteraan Sosial",
        "Seksi Ketenteraman dan Ketertiban Umum",
    }
    assert sum(u.total for u in pn.pengisian) == 6
    assert pn.keberatan == ()
    assert [d.unit for d in pn.distribusi] == ["Seksi Pemerintahan"]


def test_operator_checklist_and_who_has_not_filled_in(demo_db):
    b = _beranda(demo_db, "admin")
    assert b.pegawai is None and b.penilai is None
    op = b.operator
    assert op.periode == "Triwulan IV (Akhir) 2025" and op.jumlah_pegawai == 39
    assert [c.penting for c in op.daftar_periksa] == [False] * 5  # the demo office is set up
    assert op.jumlah_belum_mengisi == 19 and len(op.belum_mengisi) == 8  # the first eight
    assert sum(u.total for u in op.pengisian) == 39
    assert sum(u.total - u.sudah for u in op.pengisian) == 19
    assert [p.teks for p in b.pengingat] == [
        "19 pegawai belum mengajukan realisasi Triwulan IV (Akhir) 2025."
    ]


def test_submitting_the_realisasi_ends_the_reminder(demo_db):
    hendra = _actor(demo_db, "hendra")
    b = run(demo_db.session_factory, hendra, br.beranda)
    akhir = b.pegawai.periode[-1].periode
    h = run(
        demo_db.session_factory, hendra, pm.halaman_pemantauan, hendra.pegawai_id, 2025, akhir.id
    )
    for baris in h.baris:
        if not baris.terisi:
            run(
                demo_db.session_factory, hendra, pm.simpan_realisasi, baris.indikator_id,
                akhir.id, nilai=baris.target_nilai, narasi="Tercapai",
            )  # fmt: skip
    run(demo_db.session_factory, hendra, pm.ajukan_realisasi, h.skp_id, akhir.id)
    b = run(demo_db.session_factory, hendra, br.beranda)
    assert b.pegawai.periode[-1].status == "DIAJUKAN"
    assert b.pengingat == ()
    admin = run(demo_db.session_factory, _actor(demo_db, "admin"), br.beranda)
    assert admin.operator.jumlah_belum_mengisi == 18
    assert "Hendra Gunawan, S.T." not in [x.teks for x in admin.operator.belum_mengisi]


def test_roles_are_checked(demo_db):
    hendra = _actor(demo_db, "hendra")
    with pytest.raises(PermissionDenied):
        run(demo_db.session_factory, hendra, br.beranda_operator)
    with pytest.raises(PermissionDenied):
        run(demo_db.session_factory, hendra, br.beranda_penilai)
    admin = _actor(demo_db, "admin")
    with pytest.raises(PermissionDenied):
        run(demo_db.session_factory, admin, br.beranda_pegawai)


def test_last_view_is_kept_per_account(demo_db):
    camat, hendra = _actor(demo_db, "camat"), _actor(demo_db, "hendra")
    run(demo_db.session_factory, camat, br.ingat_tampilan, "evaluasi")
    run(demo_db.session_factory, hendra, br.ingat_tampilan, "skp")
    run(demo_db.session_factory, camat, br.ingat_tampilan, "laporan")
    assert run(demo_db.session_factory, camat, br.tampilan_terakhir) == "laporan"
    assert run(demo_db.session_factory, hendra, br.tampilan_terakhir) == "skp"
    assert run(demo_db.session_factory, _actor(demo_db, "admin"), br.tampilan_terakhir) is None


# --------------------------------------------------------------------------- reminders


def _periode(kode: str, mulai: date, selesai: date, batas: date) -> PeriodeRow:
    return PeriodeRow(1, mulai.year, "TRIWULAN", kode, kode, 1, mulai, selesai, batas, False)


def _dengan_periode(hari: date, batas: date, status: str = "DRAF") -> br.Beranda:
    from kinerja_desktop.domain.hari_kerja import sisa_hari_kerja

    p = _periode("TW1", date(2025, 1, 1), date(2025, 3, 31), batas)
    sisa = sisa_hari_kerja(hari, batas)
    ps = br.PeriodeSaya(p, status, sisa, sisa < 0 and status not in br.SUDAH_DIAJUKAN)
    return br.Beranda("Budi", hari, br.BerandaPegawai(2025, hari, None, (ps,), (), ()))


def test_deadline_reminder_counts_working_days_over_a_holiday_and_a_weekend():
    # batas Monday 14 April 2025; Friday 18 April is Good Friday
    # Wednesday 9 April: Thu, Fri, Mon = 3 working days → reminded
    assert [
        p.jenis for p in br.pengingat(_dengan_periode(date(2025, 4, 9), date(2025, 4, 14)))
    ] == ["BATAS"]
    # Tuesday 8 April: 4 working days → not yet
    assert br.pengingat(_dengan_periode(date(2025, 4, 8), date(2025, 4, 14))) == []
    # batas Monday 21 April: from Wednesday 16 April, Thu and Mon (Fri is Good Friday) = 2
    (p,) = br.pengingat(_dengan_periode(date(2025, 4, 16), date(2025, 4, 21)))
    assert "(2 hari kerja lagi)" in p.teks
    # Thursday 17 → Tuesday 22 April: 5 calendar days, 2 working days (Good Friday, weekend)
    (p,) = br.pengingat(_dengan_periode(date(2025, 4, 17), date(2025, 4, 22)))
    assert "(2 hari kerja lagi)" in p.teks
    # the deadline today
    (p,) = br.pengingat(_dengan_periode(date(2025, 4, 14), date(2025, 4, 14)))
    assert "(hari ini)" in p.teks


def test_late_and_submitted_periods():
    (p,) = br.pengingat(_dengan_periode(date(2025, 4, 15), date(2025, 4, 14)))
    assert p.jenis == "TERLAMBAT" and "terlambat" in p.teks
    assert br.pengingat(_dengan_periode(date(2025, 4, 15), date(2025, 4, 14), "DIAJUKAN")) == []
    assert br.pengingat(_dengan_periode(date(2025, 4, 11), date(2025, 4, 14), "DINILAI")) == []
