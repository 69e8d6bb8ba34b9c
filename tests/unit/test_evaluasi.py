"""Evaluation service: permissions, matrix, predikat in step, finalise/reopen, organisation."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select, text

from kinerja_desktop.db.models import Evaluasi, PenugasanPenilai, RiwayatEvaluasi
from kinerja_desktop.domain.errors import PermissionDenied, StateError, ValidationError
from kinerja_desktop.domain.peran import Peran
from kinerja_desktop.domain.predikat import MATRIKS_PREDIKAT, Rating
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services.uow import run
from tests import factories
from tests.data_evaluasi import kantor


@pytest.fixture
def k(session):
    data = kantor(session)
    session.commit()
    return data


def _aktor(p):
    return factories.actor_for(p)


def _buka(db, p_penilai, pegawai, periode):
    return run(db.session_factory, _aktor(p_penilai), sv.buka_evaluasi, pegawai.id, periode.id)


def test_screen_shows_rhk_iki_realisasi_capaian_bukti_and_thread(db, k):
    d = _buka(db, k.kasi, k.staf, k.periode["TW1"])
    assert d.status == "DRAF" and d.evaluasi_id is not None
    assert [r.jenis for r in d.hasil_kerja] == ["UTAMA", "TAMBAHAN"]
    iki = d.hasil_kerja[0].indikator[0]
    assert iki.target == "4 Dokumen"
    assert iki.realisasi.startswith("1 Dokumen")
    assert iki.capaian == pytest.approx(25.0)
    assert [b.nama for b in iki.bukti] == ["Laporan TW", "Daftar hadir"]
    assert [u.teks for u in iki.umpan_balik] == [
        "Laporan tepat waktu, pertahankan.",
        "Terima kasih, Pak.",
    ]
    assert d.hasil_kerja[0].intervensi.startswith("Tersusunnya laporan")
    kompeten = next(p for p in d.perilaku if p.kode == "KOMPETEN")
    assert [u.teks for u in kompeten.thread] == ["Aktif mengikuti pelatihan."]
    assert d.perilaku[0].ekspektasi == "Melayani warga dengan ramah"
    # mean capaian (25 + 100 + 25) / 3 = 50 % → suggestion Di Bawah, labelled, not applied
    assert d.saran_rating == "DI_BAWAH"
    assert d.teks_saran.startswith("Saran sistem: Di Bawah Ekspektasi")
    assert d.rating_hasil_kerja is None
    assert d.angka_kredit is None  # no predikat yet


@pytest.mark.parametrize("hasil,perilaku", list(itertools.product(Rating, Rating)))
def test_all_nine_cells_through_the_service(db, k, hasil, perilaku):
    d = _buka(db, k.kasi, k.staf, k.periode["TW1"])
    d = run(
        db.session_factory,
        _aktor(k.kasi),
        sv.simpan_evaluasi,
        d.evaluasi_id,
        rating_hasil_kerja=hasil,
        rating_perilaku=perilaku,
    )
    assert d.predikat == MATRIKS_PREDIKAT[(hasil, perilaku)].value
    with db.session_factory() as s:
        assert s.get(Evaluasi, d.evaluasi_id).predikat == MATRIKS_PREDIKAT[(hasil, perilaku)]


def test_predikat_never_out_of_step(db, k, session):
    d = _buka(db, k.kasi, k.staf, k.periode["TW1"])
    a = _aktor(k.kasi)
    for rh, rp in [("DI_ATAS", None), (None, "SESUAI"), ("DI_BAWAH", "DI_ATAS"), (None, None)]:
        kw = {}
        if rh:
            kw["rating_hasil_kerja"] = rh
        if rp:
            kw["rating_perilaku"] = rp
        run(db.session_factory, a, sv.simpan_evaluasi, d.evaluasi_id, **kw)
        with db.session_factory() as s:
            ev = s.get(Evaluasi, d.evaluasi_id)
            ada = ev.rating_hasil_kerja and ev.rating_perilaku
            expected = (
                MATRIKS_PREDIKAT[(Rating(ev.rating_hasil_kerja), Rating(ev.rating_perilaku))]
                if ada
                else None
            )
            assert ev.predikat == expected
    # removing one rating removes the predikat
    d = run(db.session_factory, a, sv.simpan_evaluasi, d.evaluasi_id, rating_perilaku=None)
    assert d.predikat is None
    # at the ORM level too: an assignment of a rating recomputes the predikat
    ev = session.get(Evaluasi, d.evaluasi_id)
    ev.rating_hasil_kerja, ev.rating_perilaku = "SESUAI", "DI_ATAS"
    session.commit()
    assert session.scalar(text(f"select predikat from evaluasi where id={ev.id}")) == "BAIK"
    # and the service never trusts a stored predikat: a tampered row is corrected on finalise
    session.execute(text(f"update evaluasi set predikat='SANGAT_BAIK' where id={ev.id}"))
    session.commit()
    d = run(db.session_factory, a, sv.finalkan_evaluasi, ev.id)
    assert d.predikat == "BAIK"


def test_only_the_penilai_rates(db, k, admin):
    d = _buka(db, k.kasi, k.staf, k.periode["TW1"])
    for actor in (
        admin,
        _aktor(k.camat),
        _aktor(k.staf),
        _aktor(k.lain),
        factories.actor_for(k.sekda, Peran.ADMIN, Peran.PENILAI),
    ):
        with pytest.raises(PermissionDenied):
            run(
                db.session_factory,
                actor,
                sv.simpan_evaluasi,
                d.evaluasi_id,
                rating_hasil_kerja="SESUAI",
            )
        with pytest.raises(PermissionDenied):
            run(db.session_factory, actor, sv.finalkan_evaluasi, d.evaluasi_id)
    # an admin may read but not start an evaluation
    d2 = run(db.session_factory, admin, sv.buka_evaluasi, k.pppk.id, k.periode["TW1"].id)
    assert d2.evaluasi_id is None and not d2.boleh_menilai
    with pytest.raises(PermissionDenied):
        run(db.session_factory, admin, sv.mulai_evaluasi, k.pppk.id, k.periode["TW1"].id)
    with pytest.raises(PermissionDenied):
        run(db.session_factory, _aktor(k.lain), sv.buka_evaluasi, k.staf.id, k.periode["TW1"].id)


def test_plt_rates_during_the_acting_period(db, k, session):
    session.add(
        PenugasanPenilai(
            pegawai_id=k.staf.id,
            penilai_id=k.camat.id,
            jenis="PLT",
            mulai=date(2025, 4, 1),
            selesai=date(2025, 6, 30),
        )
    )
    session.commit()
    d = _buka(db, k.camat, k.staf, k.periode["TW2"])
    assert d.boleh_menilai
    run(
        db.session_factory,
        _aktor(k.camat),
        sv.simpan_evaluasi,
        d.evaluasi_id,
        rating_hasil_kerja="SESUAI",
    )
    rows = run(db.session_factory, _aktor(k.camat), sv.daftar_dinilai, k.periode["TW2"].id)
    assert [r.nama for r in rows if r.pegawai_id == k.staf.id]
    with pytest.raises(PermissionDenied):  # the definitive atasan does not rate that period
        run(
            db.session_factory,
            _aktor(k.kasi),
            sv.simpan_evaluasi,
            d.evaluasi_id,
            rating_perilaku="SESUAI",
        )


def test_final_locks_and_reopen_is_recorded(db, k):
    a = _aktor(k.kasi)
    d = _buka(db, k.kasi, k.staf, k.periode["TW1"])
    with pytest.raises(ValidationError):
        run(db.session_factory, a, sv.finalkan_evaluasi, d.evaluasi_id)
    run(
        db.session_factory,
        a,
        sv.simpan_evaluasi,
        d.evaluasi_id,
        rating_hasil_kerja="DI_ATAS",
        rating_perilaku="DI_ATAS",
        catatan="Pertahankan",
        umpan_balik_perilaku={"AKUNTABEL": "Jujur dan cermat"},
    )
    d = run(db.session_factory, a, sv.finalkan_evaluasi, d.evaluasi_id)
    assert d.final and d.predikat == "SANGAT_BAIK" and d.boleh_buka_kembali
    assert d.angka_kredit == "4,69"  # 150 % × 12,5 × 3/12, two decimals as BKN
    for kw in (
        {"rating_hasil_kerja": "SESUAI"},
        {"catatan": "x"},
        {"umpan_balik_perilaku": {"LOYAL": "x"}},
    ):
        with pytest.raises(StateError):
            run(db.session_factory, a, sv.simpan_evaluasi, d.evaluasi_id, **kw)
    with pytest.raises(StateError):
        run(db.session_factory, a, sv.finalkan_evaluasi, d.evaluasi_id)
    # reopen: only its penilai, with a reason
    with pytest.raises(PermissionDenied):
        run(
            db.session_factory,
            _aktor(k.camat),
            sv.buka_kembali_evaluasi,
            d.evaluasi_id,
            "Salah input",
        )
    with pytest.raises(ValidationError):
        run(db.session_factory, a, sv.buka_kembali_evaluasi, d.evaluasi_id, "")
    d = run(
        db.session_factory,
        a,
        sv.buka_kembali_evaluasi,
        d.evaluasi_id,
        "Bukti dukung TW1 baru diunggah",
    )
    assert d.status == "DRAF"
    assert [r.aksi for r in d.riwayat] == ["DIBUAT", "FINAL", "DIBUKA"]
    assert d.riwayat[-1].alasan == "Bukti dukung TW1 baru diunggah"
    run(db.session_factory, a, sv.simpan_evaluasi, d.evaluasi_id, rating_hasil_kerja="SESUAI")
    with db.session_factory() as s:
        assert (
            s.scalar(select(RiwayatEvaluasi.alasan).where(RiwayatEvaluasi.aksi == "DIBUKA"))
            == "Bukti dukung TW1 baru diunggah"
        )


def test_skp_must_be_ditetapkan(db, k, session):
    skp = k.skp[k.pppk.id]
    skp.status = "DRAF"
    session.commit()
    d = _buka(db, k.kasi, k.pppk, k.periode["TW1"])
    assert d.evaluasi_id is None and "belum ditetapkan" in d.pesan
    with pytest.raises(StateError):
        run(db.session_factory, _aktor(k.kasi), sv.mulai_evaluasi, k.pppk.id, k.periode["TW1"].id)


def test_unit_head_rating_follows_organisation(db, k, admin):
    tw1 = k.periode["TW1"]
    camat = _aktor(k.camat)
    d = _buka(db, k.camat, k.kasi, tw1)  # kasi is kepala of Seksi Pemerintahan
    assert d.kepala_unit and d.rating_hasil_kerja is None
    with pytest.raises(ValidationError):
        run(
            db.session_factory,
            camat,
            sv.simpan_evaluasi,
            d.evaluasi_id,
            rating_hasil_kerja="DI_ATAS",
        )
    run(db.session_factory, camat, sv.simpan_evaluasi, d.evaluasi_id, rating_perilaku="SESUAI")
    with pytest.raises(StateError):
        run(db.session_factory, camat, sv.finalkan_evaluasi, d.evaluasi_id)
    # the organisation predikat of the seksi is set by the leader one level up: the camat
    for actor in (factories.actor_for(k.kasi), _aktor(k.sekda), admin):
        with pytest.raises(PermissionDenied):
            run(
                db.session_factory,
                actor,
                sv.tetapkan_predikat_organisasi,
                k.seksi.id,
                tw1.id,
                "ISTIMEWA",
            )
    dist = run(
        db.session_factory, camat, sv.tetapkan_predikat_organisasi, k.seksi.id, tw1.id, "ISTIMEWA"
    )
    assert dist.predikat_organisasi == "ISTIMEWA"
    d = run(db.session_factory, camat, sv.detail_evaluasi, d.evaluasi_id)
    assert d.rating_hasil_kerja == "DI_ATAS" and d.predikat == "BAIK"
    run(db.session_factory, camat, sv.tetapkan_predikat_organisasi, k.seksi.id, tw1.id, "BAIK")
    d = run(db.session_factory, camat, sv.finalkan_evaluasi, d.evaluasi_id)
    assert d.rating_hasil_kerja == "SESUAI" and d.predikat == "BAIK"


def test_distribution_warns_and_names_over_represented(db, k):
    tw1 = k.periode["TW1"]
    kasi = _aktor(k.kasi)
    camat = _aktor(k.camat)
    run(db.session_factory, camat, sv.tetapkan_predikat_organisasi, k.seksi.id, tw1.id, "BAIK")
    pada = datetime(tw1.selesai.year, tw1.selesai.month, tw1.selesai.day, 9) + timedelta(1)
    for p in (k.staf, k.pppk):
        d = _buka(db, k.kasi, p, tw1)
        run(
            db.session_factory,
            kasi,
            sv.simpan_evaluasi,
            d.evaluasi_id,
            rating_hasil_kerja="SESUAI",
            rating_perilaku="SESUAI",
        )
        # a warning never blocks: the second one is finalised over the broken rule
        assert run(db.session_factory, kasi, sv.finalkan_evaluasi, d.evaluasi_id, pada=pada).final
    dist = run(db.session_factory, camat, sv.distribusi_unit, k.seksi.id, tw1.id)
    assert dist.jumlah["BAIK"] == 2 and dist.total_dinilai == 2 and dist.total_draf == 0
    assert dist.persen["BAIK"] == pytest.approx(100.0)
    assert dist.total_pegawai == 3 and dist.belum_dinilai == 1
    assert len(dist.peringatan) == 2  # Baik > 70 %, nobody Butuh Perbaikan/Kurang
    assert any("Baik paling banyak 70%" in w for w in dist.peringatan)
    nama = dist.kelas_berlebih[0].pegawai
    assert any("Siti Aminah" in n for n in nama) and any("Rina Wati" in n for n in nama)
    assert dist.boleh_menetapkan


def test_angka_kredit_annual_from_akhir(db, k):
    akhir = k.periode["AKHIR"]
    d = _buka(db, k.kasi, k.staf, akhir)
    d = run(
        db.session_factory,
        _aktor(k.kasi),
        sv.simpan_evaluasi,
        d.evaluasi_id,
        rating_hasil_kerja="SESUAI",
        rating_perilaku="SESUAI",
    )
    assert d.angka_kredit == "12,50"
    assert "Ahli Pertama" in d.angka_kredit_keterangan


def test_distribution_is_not_for_everyone(db, k, admin):
    tw1 = k.periode["TW1"].id
    for p in (k.staf, k.lain):
        with pytest.raises(PermissionDenied):
            run(db.session_factory, _aktor(p), sv.distribusi_unit, k.seksi.id, tw1)
    for actor in (admin, _aktor(k.kasi), _aktor(k.camat), _aktor(k.sekda)):
        assert run(db.session_factory, actor, sv.distribusi_unit, k.seksi.id, tw1).unit_id


def test_angka_kredit_export_xlsx(db, k, tmp_path, admin):
    from openpyxl import load_workbook

    from kinerja_desktop.exchange.laporan_io import ekspor_angka_kredit
    from kinerja_desktop.services import laporan

    akhir = k.periode["AKHIR"]
    for p, rh in ((k.staf, "DI_ATAS"), (k.pppk, "SESUAI")):
        d = _buka(db, k.kasi, p, akhir)
        run(
            db.session_factory,
            _aktor(k.kasi),
            sv.simpan_evaluasi,
            d.evaluasi_id,
            rating_hasil_kerja=rh,
            rating_perilaku="DI_ATAS",
        )
    path = tmp_path / "ak.xlsx"
    tabel = run(db.session_factory, admin, laporan.tabel_angka_kredit, k.unit.id, 2025)
    assert ekspor_angka_kredit(path, tabel) == 2
    ws = load_workbook(path).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    kepala = next(i for i, r in enumerate(rows) if r[0] == "NIP")
    data = {r[1]: r for r in rows[kepala + 1 :]}
    staf = next(v for n, v in data.items() if n.startswith("Siti Aminah"))
    assert staf[0] == k.staf.nip and staf[4] == "Sangat Baik" and staf[7] == "18,75"
    pppk = next(v for n, v in data.items() if n.startswith("Rina Wati"))
    assert pppk[4] == "Baik" and pppk[7] == "12,50"
    with pytest.raises(PermissionDenied):
        run(
            db.session_factory,
            _aktor(k.staf),
            laporan.tabel_angka_kredit,
            k.unit.id,
            2025,
        )


def test_pegawai_sees_ratings_only_when_final(db, k):
    tw1 = k.periode["TW1"]
    d = _buka(db, k.kasi, k.staf, tw1)
    run(
        db.session_factory,
        _aktor(k.kasi),
        sv.simpan_evaluasi,
        d.evaluasi_id,
        rating_hasil_kerja="DI_BAWAH",
        rating_perilaku="SESUAI",
        catatan="Perlu perbaikan",
    )
    sendiri = run(db.session_factory, _aktor(k.staf), sv.buka_evaluasi, k.staf.id, tw1.id)
    assert sendiri.status == "DRAF" and sendiri.predikat is None and sendiri.catatan == ""
    assert "masih draf" in sendiri.pesan and sendiri.hasil_kerja  # the work itself is visible
    (baris,) = [
        r
        for r in run(db.session_factory, _aktor(k.staf), sv.daftar_evaluasi_saya, 2025)
        if r.periode_id == tw1.id
    ]
    assert baris.status == "DRAF" and baris.predikat is None
    with pytest.raises(PermissionDenied):
        run(db.session_factory, _aktor(k.staf), sv.siapkan_cetak, d.evaluasi_id)
    run(db.session_factory, _aktor(k.kasi), sv.finalkan_evaluasi, d.evaluasi_id)
    sendiri = run(db.session_factory, _aktor(k.staf), sv.buka_evaluasi, k.staf.id, tw1.id)
    assert sendiri.predikat == "BUTUH_PERBAIKAN" and sendiri.catatan == "Perlu perbaikan"
    assert run(db.session_factory, _aktor(k.staf), sv.siapkan_cetak, d.evaluasi_id).kode_dokumen


def test_save_and_finalise_is_one_transaction(db, k):
    """Unsaved edits and the finalise commit together: a refused finalise keeps no edit."""
    a = _aktor(k.kasi)
    d = _buka(db, k.kasi, k.staf, k.periode["TW1"])
    with pytest.raises(ValidationError):  # saved first, then finalising finds no rating perilaku
        run(
            db.session_factory,
            a,
            sv.simpan_dan_finalkan_evaluasi,
            d.evaluasi_id,
            versi=d.versi,
            rating_hasil_kerja="DI_ATAS",
            catatan="Belum lengkap",
        )
    with db.session_factory() as s:
        ev = s.get(Evaluasi, d.evaluasi_id)
        assert ev is not None
        assert (ev.versi, ev.rating_hasil_kerja, ev.catatan or "", ev.status) == (
            d.versi,
            d.rating_hasil_kerja,
            d.catatan,
            d.status,
        )
    hasil = run(
        db.session_factory,
        a,
        sv.simpan_dan_finalkan_evaluasi,
        d.evaluasi_id,
        versi=d.versi,
        rating_hasil_kerja="DI_ATAS",
        rating_perilaku="DI_ATAS",
        catatan="Pertahankan",
    )
    assert hasil.final and hasil.predikat == "SANGAT_BAIK" and hasil.catatan == "Pertahankan"
