"""SKP helpers: penilai overview, matriks peran hasil, copy from last year, pustaka, bulk."""

from __future__ import annotations

import pytest

from kinerja_desktop.domain.errors import NotFound, PermissionDenied
from kinerja_desktop.services import skp as svc
from tests import factories as f
from tests.unit.test_skp_kantor import kantor_kecil
from tests.unit.test_skp_services import TAHUN, go, skp_lengkap, tetapkan


@pytest.fixture
def k(session):
    return kantor_kecil(session)


def test_ringkasan_bawahan_status(db, k):
    tetapkan(db, k, k.staf, k.kasi)
    rows = go(db, k.actor(k.kasi), svc.ringkasan_bawahan, TAHUN)
    assert [(r.nama, r.label_status) for r in rows] == [
        ("Dedi Kurniawan", "Belum ada SKP"),
        ("Siti Aminah, A.Md.", "Ditetapkan"),
    ]
    assert rows[1].jumlah_rhk == 1
    with pytest.raises(PermissionDenied):
        go(db, k.actor(k.staf), svc.ringkasan_bawahan, TAHUN, k.kasi.id)


def test_matriks_peran_hasil_links_unsupported_and_unlinked(db, k):
    a = k.actor(k.kasi)
    ks = go(db, a, svc.buat_skp, k.kasi.id, TAHUN)
    r1 = go(db, a, svc.tambah_rhk, ks.id, "Administrasi kependudukan tertib")
    r2 = go(db, a, svc.tambah_rhk, ks.id, "Trantibum terjaga")
    for r in (r1, r2):
        go(db, a, svc.tambah_indikator, r.id, "Dokumen", "KUANTITAS", 4, "Dokumen")
    m = go(db, a, svc.matriks_peran_hasil, TAHUN)
    assert "belum ditetapkan" in m.pesan
    go(db, a, svc.ajukan_skp, ks.id)
    go(db, k.actor(k.camat), svc.tetapkan_skp, ks.id)
    tetapkan(db, k, k.staf, k.kasi, intervensi=r1.id)
    m = go(db, a, svc.matriks_peran_hasil, TAHUN)
    assert m.pesan is None
    assert [(x.label, len(x.pendukung)) for x in m.rhk] == [("A.1", 1), ("A.2", 0)]
    assert m.rhk[0].pendukung[0].pegawai_nama == "Siti Aminah, A.Md."
    assert m.rhk[1].tanpa_dukungan
    assert [(t.nama, t.alasan) for t in m.tanpa_link] == [
        ("Dedi Kurniawan", "Belum memiliki SKP tahun ini.")
    ]
    # after the Kasi revises his SKP, the staff's link follows to the new revision
    baru = go(db, a, svc.revisi_skp, ks.id, "Perubahan anggaran")
    m = go(db, a, svc.matriks_peran_hasil, TAHUN)
    assert m.rhk[0].rhk_id != r1.id and len(m.rhk[0].pendukung) == 1
    assert baru.revisi == 1


def test_salin_dari_tahun_lalu(db, k):
    a = k.actor(k.staf)
    lama = go(db, a, svc.buat_skp, k.staf.id, TAHUN - 1)
    r = go(db, a, svc.tambah_rhk, lama.id, "Laporan bulanan")
    go(db, a, svc.tambah_indikator, r.id, "Laporan", "KUANTITAS", 12, "Laporan")
    go(db, a, svc.ubah_lampiran, lama.id, "KONSEKUENSI", ["Khusus tahun lalu"])
    baru = go(db, a, svc.buat_skp, k.staf.id, TAHUN)
    assert go(db, a, svc.salin_dari_tahun_lalu, baru.id) == 1
    d = go(db, a, svc.detail_skp, baru.id)
    assert d.skp.status == svc.DRAF
    assert [(x.uraian, x.indikator[0].target_teks) for x in d.rhk] == [
        ("Laporan bulanan", "12 Laporan")
    ]
    assert d.lampiran["KONSEKUENSI"] == ("Khusus tahun lalu",)
    with pytest.raises(NotFound):
        go(db, a, svc.salin_dari_tahun_lalu, lama.id)


def test_pustaka_admin_only_and_pick(db, k, admin):
    with pytest.raises(PermissionDenied):
        go(
            db,
            k.actor(k.staf),
            svc.simpan_pustaka,
            None,
            "Pengadministrasi Pemerintahan",
            "Layanan surat",
            "Surat selesai",
        )
    p1 = go(
        db,
        admin,
        svc.simpan_pustaka,
        None,
        "Pengadministrasi Pemerintahan",
        "Terlaksananya layanan surat",
        "Jumlah surat",
        "KUANTITAS",
        "300",
        "Surat",
    )
    p2 = go(
        db,
        admin,
        svc.simpan_pustaka,
        None,
        "Pengadministrasi Pemerintahan",
        "Terlaksananya layanan surat",
        "Ketepatan waktu",
        "WAKTU",
        12,
        "Bulan",
    )
    p3 = go(
        db,
        admin,
        svc.simpan_pustaka,
        None,
        "Pengadministrasi Pemerintahan",
        "Arsip tertata",
        "Arsip",
        "KUALITAS",
        100,
        "%",
    )
    assert go(db, k.actor(k.staf), svc.jabatan_pustaka) == ["Pengadministrasi Pemerintahan"]
    assert len(go(db, k.actor(k.staf), svc.daftar_pustaka, None, "surat")) == 2
    s = go(db, k.actor(k.staf), svc.buat_skp, k.staf.id, TAHUN)
    n = go(db, k.actor(k.staf), svc.ambil_dari_pustaka, s.id, [p1.id, p2.id, p3.id])
    assert n == 2
    d = go(db, k.actor(k.staf), svc.detail_skp, s.id)
    assert [(r.uraian, len(r.indikator)) for r in d.rhk] == [
        ("Terlaksananya layanan surat", 2),
        ("Arsip tertata", 1),
    ]
    go(db, admin, svc.hapus_pustaka, p3.id)
    assert len(go(db, admin, svc.daftar_pustaka)) == 2


def test_buat_skp_unit_counts(db, k, admin, session):
    f.pegawai(
        session,
        "Tanpa Atasan",
        unit_kerja=session.get(type(k.staf.unit_kerja), k.staf.unit_kerja_id),
    )
    session.commit()
    skp_lengkap(db, k, k.staf)
    with pytest.raises(PermissionDenied):
        go(db, k.actor(k.camat), svc.buat_skp_unit, k.camat.unit_kerja_id, TAHUN)
    hasil = go(db, admin, svc.buat_skp_unit, k.camat.unit_kerja_id, TAHUN)
    # Camat, Sekcam, Kasi, Dedi created; Siti already had one; "Tanpa Atasan" skipped
    assert (hasil.dibuat, hasil.sudah_ada, hasil.tanpa_penilai) == (4, 1, ("Tanpa Atasan, S.E.",))
    assert "4 SKP dibuat" in hasil.pesan
    again = go(db, admin, svc.buat_skp_unit, k.camat.unit_kerja_id, TAHUN)
    assert (again.dibuat, again.sudah_ada) == (0, 5)
