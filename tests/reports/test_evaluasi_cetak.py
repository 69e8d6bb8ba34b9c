"""Both evaluation forms printed and read back; verification codes; the recap; batch printing."""

from __future__ import annotations

import io
import re
import struct
import zlib
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from kinerja_desktop.db.models import Pengaturan, Realisasi
from kinerja_desktop.domain.tugas import Dibatalkan, StatusTugas
from kinerja_desktop.reports.batch import gabungkan_pdf
from kinerja_desktop.reports.rekap import cetak_rekap
from kinerja_desktop.reports.verifikasi import baca_kode_dari_pdf
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import keberatan as kb
from kinerja_desktop.services import laporan
from kinerja_desktop.services.cetak import cetak_batch, tulis_cetakan, verifikasi_kode
from kinerja_desktop.services.uow import run
from tests import factories
from tests.data_evaluasi import kantor


@pytest.fixture
def k(session):
    data = kantor(session)
    session.commit()
    return data


def _teks(pdf: bytes) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)


def _rata(teks: str) -> str:
    return " ".join(teks.split())


def _evaluasi(db, k, pegawai, final=True):
    a = factories.actor_for(k.kasi)
    run(
        db.session_factory,
        factories.actor_for(k.camat),
        sv.tetapkan_predikat_organisasi,
        k.seksi.id,
        k.periode["TW1"].id,
        "BAIK",
    )
    d = run(db.session_factory, a, sv.buka_evaluasi, pegawai.id, k.periode["TW1"].id)
    run(
        db.session_factory,
        a,
        sv.simpan_evaluasi,
        d.evaluasi_id,
        rating_hasil_kerja="SESUAI",
        rating_perilaku="DI_ATAS",
        catatan="Tingkatkan ketepatan waktu laporan.",
        umpan_balik_perilaku={"AKUNTABEL": "Jujur dan cermat dalam laporan"},
    )
    if final:
        run(
            db.session_factory,
            a,
            sv.finalkan_evaluasi,
            d.evaluasi_id,
            pada=datetime(2025, 4, 5, 9, 0),
        )
    return d.evaluasi_id


def _cetak(db, actor, ev_id, jenis):
    c = run(db.session_factory, actor, sv.siapkan_cetak, ev_id, jenis)
    buf = io.BytesIO()
    tulis_cetakan(buf, c)
    return c, buf.getvalue()


def test_evaluasi_form_text(db, k):
    ev = _evaluasi(db, k, k.staf)
    c, pdf = _cetak(db, factories.actor_for(k.kasi), ev, sv.JENIS_CETAK_EVALUASI)
    t = _rata(_teks(pdf))
    for s in (
        "EVALUASI KINERJA PEGAWAI",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
        "PERIODE: TRIWULAN I / II / III / IV-AKHIR",
        "PEMERINTAH KABUPATEN TEBO",
        "PERIODE PENILAIAN: 1 JANUARI SD 31 MARET TAHUN 2025",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        "19660801 198803 1 001",
        "Bambang Sutrisno, S.Sos.",
        "Penata Muda Tk. I, III/b",
        "CAPAIAN KINERJA ORGANISASI",
        "POLA DISTRIBUSI",
        "HASIL KERJA",
        "A. UTAMA",
        "B. TAMBAHAN",
        "REALISASI BERDASARKAN BUKTI DUKUNG",
        "Jumlah laporan yang disusun",
        "4 Dokumen",
        "(2 bukti dukung)",
        "Laporan tepat waktu, pertahankan.",
        "RATING HASIL KERJA",
        "SESUAI EKSPEKTASI",
        "PERILAKU KERJA",
        "Berorientasi Pelayanan",
        "Ekspektasi Khusus Pimpinan",
        "Jujur dan cermat dalam laporan",
        "RATING PERILAKU KERJA",
        "PREDIKAT KINERJA PEGAWAI",
        "BAIK",
        "Muara Tebo, 5 April 2025",
        "Pegawai yang Dinilai",
        "NIP. 19660801 198803 1 001",
        f"Dokumen: {c.kode_dokumen}",
        c.kode_verifikasi,
        "Halaman 1 dari",
    ):
        assert s in t, s
    assert "Sangat Kurang" in t and "Frekuensi Pegawai" in t  # the curve's axis labels
    assert "Predikat Kinerja Pegawai" in t
    assert "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI" in t
    assert "ISTIMEWA/ BAIK/ BUTUH PERBAIKAN/ KURANG/ SANGAT KURANG" in t
    assert "SANGAT BAIK / BAIK / BUTUH PERBAIKAN / KURANG / SANGAT KURANG" in t
    # the pegawai's own reply is not printed as the penilai's feedback
    assert "Terima kasih, Pak." not in t
    assert c.kode_dokumen.startswith("EVALUASI-") and not c.draf
    assert baca_kode_dari_pdf(pdf) == [(c.kode_dokumen, c.kode_verifikasi)]


def test_dokumen_evaluasi_text_pppk_and_emblem(db, k, session):
    session.add(Pengaturan(kunci="emblem", biner=_png_kecil()))
    session.commit()
    ev = _evaluasi(db, k, k.pppk)
    c, pdf = _cetak(db, factories.actor_for(k.kasi), ev, sv.JENIS_CETAK_DOKUMEN)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    assert "/Image" in str(
        reader.pages[0]["/Resources"]["/XObject"]
        .values()
        .__iter__()
        .__next__()
        .get_object()
        .get("/Subtype")
    )
    t = _rata(_teks(pdf))
    for s in (
        "DOKUMEN EVALUASI KINERJA PEGAWAI",
        "PERIODE: TRIWULAN I / II / III / IV-AKHIR",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        "ATASAN PEJABAT PENILAI KINERJA",
        "NI PPPK",
        "19920315 202321 2 001",
        "Golongan IX",
        "Hendra Gunawan, S.STP., M.Si.",
        "EVALUASI KINERJA",
        # every option is printed, the others struck through (see test_pilihan_dicoret)
        "CAPAIAN KINERJA ORGANISASI ISTIMEWA/ BAIK/ BUTUH PERBAIKAN/ KURANG/ SANGAT KURANG",
        "PREDIKAT KINERJA PEGAWAI SANGAT BAIK / BAIK / BUTUH PERBAIKAN / KURANG / SANGAT KURANG",
        "CATATAN/REKOMENDASI",
        "Tingkatkan ketepatan waktu laporan.",
        "Pegawai yang Dinilai,",
        "Pejabat Penilai Kinerja,",
        "NI PPPK. 19920315 202321 2 001",
        "NIP. 19660801 198803 1 001",
        c.kode_verifikasi,
    ):
        assert s in t, s
    assert t.count("Muara Tebo, 5 April 2025") == 2  # place and date above both signatures


def test_draft_has_watermark_and_no_signature_names(db, k):
    ev = _evaluasi(db, k, k.staf, final=False)
    c, pdf = _cetak(db, factories.actor_for(k.kasi), ev, sv.JENIS_CETAK_DOKUMEN)
    t = _teks(pdf)
    assert c.draf and "DRAF" in t
    assert "NIP. 19660801" not in t  # signature block without names and numbers
    assert "19660801 198803 1 001" in t  # the identity table still says who it is


def test_verification_fails_after_any_change_and_lists_it(db, k, session):
    ev = _evaluasi(db, k, k.staf)
    kasi = factories.actor_for(k.kasi)
    c1, _ = _cetak(db, kasi, ev, sv.JENIS_CETAK_EVALUASI)
    c2, _ = _cetak(db, kasi, ev, sv.JENIS_CETAK_DOKUMEN)
    for c in (c1, c2):
        assert run(
            db.session_factory, kasi, verifikasi_kode, c.kode_dokumen, c.kode_verifikasi
        ).cocok
    # the identity snapshot is frozen: a later promotion does not change the final printout
    k.staf.golongan = "III/c"
    session.merge(k.staf)
    session.commit()
    assert run(db.session_factory, kasi, verifikasi_kode, c2.kode_dokumen, c2.kode_verifikasi).cocok
    # a change of the data shown: realisasi
    real = session.query(Realisasi).filter_by(periode_id=k.periode["TW1"].id).first()
    real.nilai = 2
    session.commit()
    h = run(db.session_factory, kasi, verifikasi_kode, c1.kode_dokumen, c1.kode_verifikasi)
    assert not h.cocok and any("realisasi" in p and "2 Dokumen" in p for p in h.perubahan)
    # reopen + change catatan: the Dokumen Evaluasi no longer matches
    run(db.session_factory, kasi, sv.buka_kembali_evaluasi, ev, "Perbaikan catatan")
    run(db.session_factory, kasi, sv.simpan_evaluasi, ev, catatan="Catatan baru")
    h = run(db.session_factory, kasi, verifikasi_kode, c2.kode_dokumen, c2.kode_verifikasi)
    assert not h.cocok
    assert any(p.startswith("catatan") for p in h.perubahan)
    assert any(p.startswith("status") for p in h.perubahan)
    # an unknown code
    assert not run(
        db.session_factory, kasi, verifikasi_kode, c2.kode_dokumen, "0000-0000-0000"
    ).dikenal


def test_keberatan_note_on_printed_forms(db, k):
    ev = _evaluasi(db, k, k.staf)
    row = run(
        db.session_factory,
        factories.actor_for(k.staf),
        kb.ajukan_keberatan,
        ev,
        "Rating hasil kerja seharusnya di atas ekspektasi.",
        hari_ini=date(2025, 4, 8),
    )
    run(
        db.session_factory,
        factories.actor_for(k.camat),
        kb.putus_keberatan,
        row.id,
        "DIUBAH",
        rating_hasil_kerja="DI_ATAS",
        rating_perilaku="DI_ATAS",
        catatan="Bukti lengkap.",
        hari_ini=date(2025, 4, 15),
    )
    for jenis in (sv.JENIS_CETAK_EVALUASI, sv.JENIS_CETAK_DOKUMEN):
        _, pdf = _cetak(db, factories.actor_for(k.staf), ev, jenis)
        t = _rata(_teks(pdf))
        assert "Hasil setelah keberatan" in t and "15 April 2025" in t
        assert "SANGAT BAIK" in t


def test_recap_pdf(db, k):
    _evaluasi(db, k, k.staf)
    c = run(
        db.session_factory,
        factories.actor_for(k.camat),
        laporan.siapkan_cetak_rekap,
        k.seksi.id,
        k.periode["TW1"].id,
    )
    buf = io.BytesIO()
    cetak_rekap(buf, c.data, c.kode_dokumen, c.kode_verifikasi, tanggal=c.tanggal)
    t = _rata(_teks(buf.getvalue()))
    for s in (
        "REKAPITULASI EVALUASI KINERJA PEGAWAI",
        "SEKSI PEMERINTAHAN",
        "Siti Aminah",
        "Sesuai Ekspektasi",
        "Baik paling banyak 70%",
        "TIDAK SESUAI",
        "BELUM DIEVALUASI",
        "Rina Wati",
        "Jumlah Pegawai",
        c.kode_verifikasi,
        # the penetapan block of the leader who set the organisation's predikat (forms.md §5)
        "PENETAPAN PREDIKAT KINERJA PEGAWAI",
        "Ditetapkan di Muara Tebo,",
        "Pimpinan Unit Kerja,",
        k.camat.jabatan,
        "ISTIMEWA/ BAIK/ BUTUH PERBAIKAN/ KURANG/ SANGAT KURANG",
    ):
        assert s in t, s
    assert c.data["penetap"]["nip"] == k.camat.nip
    assert t.index("Ditetapkan di") > t.index("BELUM MENGISI REALISASI LENGKAP")
    assert run(
        db.session_factory,
        factories.actor_for(k.camat),
        verifikasi_kode,
        c.kode_dokumen,
        c.kode_verifikasi,
    ).cocok


def test_batch_one_file_per_pegawai_and_merged(db, k, tmp_path):
    for p in (k.staf, k.pppk):
        _evaluasi(db, k, p)
    camat = factories.actor_for(k.camat)
    langkah = []
    h = cetak_batch(
        StatusTugas(lambda d, t, _p: langkah.append((d, t))),
        db.session_factory,
        camat,
        k.unit.id,
        k.periode["TW1"].id,
        tmp_path / "per",
    )
    assert h.jumlah_pegawai == 2 and h.jumlah_dokumen == 4 and len(h.berkas) == 2
    assert langkah[-1] == (2, 2)
    assert sorted(p.name for p in (tmp_path / "per").iterdir()) == sorted(
        re.sub(r".*/", "", b) for b in h.berkas
    )
    h1 = cetak_batch(
        StatusTugas(),
        db.session_factory,
        camat,
        k.unit.id,
        k.periode["TW1"].id,
        tmp_path / "satu",
        satu_file=True,
    )
    (berkas,) = h1.berkas
    reader = PdfReader(berkas)
    assert len(reader.pages) == h1.jumlah_halaman
    kode = baca_kode_dari_pdf(berkas)
    assert [d.split("-")[0] for d, _ in kode] == ["EVALUASI", "DOKEVAL"] * 2
    t = _teks(Path(berkas).read_bytes())
    assert "Rina Wati" in t and "Siti Aminah" in t
    assert list((tmp_path / "satu").iterdir()) == [tmp_path / "satu" / berkas.split("/")[-1]]


def test_batch_cancel_leaves_nothing(db, k, tmp_path):
    for p in (k.staf, k.pppk):
        _evaluasi(db, k, p)
    state = StatusTugas()
    state.progress = lambda done, total, pesan="": done >= 1 and state.cancel()  # type: ignore
    tujuan = tmp_path / "batal"
    for satu in (False, True):
        with pytest.raises(Dibatalkan):
            cetak_batch(
                state,
                db.session_factory,
                factories.actor_for(k.camat),
                k.unit.id,
                k.periode["TW1"].id,
                tujuan,
                satu_file=satu,
            )
        state.cancelled = False
        assert list(tujuan.iterdir()) == []


def test_merge_keeps_pages_readable(tmp_path, db, k):
    ev = _evaluasi(db, k, k.staf)
    paths = []
    for i, jenis in enumerate((sv.JENIS_CETAK_EVALUASI, sv.JENIS_CETAK_DOKUMEN) * 2):
        c = run(db.session_factory, factories.actor_for(k.kasi), sv.siapkan_cetak, ev, jenis)
        p = tmp_path / f"{i}.pdf"
        tulis_cetakan(str(p), c)
        paths.append(p)
    out = tmp_path / "gabung.pdf"
    n = gabungkan_pdf(paths, out, "Gabungan")
    reader = PdfReader(out)
    assert len(reader.pages) == n == sum(len(PdfReader(p).pages) for p in paths)
    assert reader.metadata.title == "Gabungan"
    assert all(pg.mediabox.width > 0 for pg in reader.pages)


def _png_kecil() -> bytes:
    def chunk(tag: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + tag
            + data
            + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
        )

    raw = b"".join(b"\x00" + b"\xc0\x20\x20" * 8 for _ in range(10))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 10, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_jpt_and_kualitatif_variants(db, k, session):
    skp = k.skp[k.staf.id]
    skp.varian, skp.pendekatan = "JPT", "KUALITATIF"
    for r in skp.rhk:
        r.perspektif = "Penerima Layanan"
        for i in r.indikator:
            i.target_nilai, i.target_narasi = None, "Laporan diterima pimpinan tepat waktu"
    session.commit()
    ev = _evaluasi(db, k, k.staf)
    _, pdf = _cetak(db, factories.actor_for(k.kasi), ev, sv.JENIS_CETAK_EVALUASI)
    t = _rata(_teks(pdf))
    assert "PENDEKATAN HASIL KERJA KUALITATIF" in t and "BAGI PEJABAT PIMPINAN TINGGI" in t
    assert "PERSPEKTIF" in t and "Penerima Layanan" in t
    assert "UKURAN KEBERHASILAN / INDIKATOR KINERJA INDIVIDU, DAN TARGET" in t
    assert "Laporan diterima pimpinan tepat waktu" in t
    assert "PIMPINAN YANG DIINTERVENSI" not in t and "ASPEK" not in t


def test_pilihan_dicoret():
    """CAPAIAN KINERJA ORGANISASI and PREDIKAT KINERJA PEGAWAI strike the options not chosen,
    with the same helper as the ratings."""
    from kinerja_desktop.reports.evaluasi import pilihan_org, pilihan_predikat

    org = pilihan_org("BAIK").text
    assert "<b>BAIK</b>" in org
    for lain in ("ISTIMEWA", "BUTUH PERBAIKAN", "KURANG", "SANGAT KURANG"):
        assert f"<strike>{lain}</strike>" in org
    pred = pilihan_predikat("SANGAT_BAIK").text
    assert "<b>SANGAT BAIK</b>" in pred and "<strike>BAIK</strike>" in pred
    assert pred.count("<strike>") == 4
    assert "<strike>" not in pilihan_predikat(None).text  # nothing chosen yet: "-"
