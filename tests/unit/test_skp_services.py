"""SKP services: creation, RHK/IKI, workflow with permissions, cascading, revisions, snapshot."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kinerja_desktop.db.models import PenugasanPenilai, RiwayatSkp, Skp
from kinerja_desktop.domain.errors import (
    ConflictError,
    PermissionDenied,
    StateError,
    ValidationError,
)
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.uow import run
from tests import factories as f
from tests.unit.test_skp_kantor import kantor_kecil

TAHUN = 2025


@pytest.fixture
def k(session):
    return kantor_kecil(session)


def go(db, actor, fn, *args, **kw):
    return run(db.session_factory, actor, fn, *args, **kw)


def skp_lengkap(db, k, pegawai, intervensi=None, jumlah_rhk=1):
    """A draft SKP with RHK and complete IKI, ready to submit."""
    a = k.actor(pegawai)
    s = go(db, a, svc.buat_skp, pegawai.id, TAHUN)
    for n in range(jumlah_rhk):
        r = go(db, a, svc.tambah_rhk, s.id, f"RHK {pegawai.nama} {n + 1}", svc.UTAMA, intervensi)
        go(db, a, svc.tambah_indikator, r.id, "Jumlah dokumen", "KUANTITAS", "12", "Dokumen")
        go(db, a, svc.tambah_indikator, r.id, "Ketepatan waktu", "WAKTU", 12, "Bulan")
    return s


def tetapkan(db, k, pegawai, penilai, intervensi=None):
    s = skp_lengkap(db, k, pegawai, intervensi)
    go(db, k.actor(pegawai), svc.ajukan_skp, s.id)
    return go(db, k.actor(penilai), svc.tetapkan_skp, s.id)


# --- creation --------------------------------------------------------------------------------


def test_buat_skp_default_period_penilai_snapshot_perilaku_lampiran(db, k, session):
    s = go(db, k.actor(k.staf), svc.buat_skp, k.staf.id, TAHUN)
    assert (s.mulai, s.selesai) == (date(2025, 1, 1), date(2025, 12, 31))
    assert s.status == svc.DRAF and s.penilai_id == k.kasi.id and s.varian == svc.UMUM
    d = go(db, k.actor(k.staf), svc.detail_skp, s.id)
    assert d.pegawai.nip == k.staf.nip
    assert d.penilai.nama == "Joko Prasetyo, S.IP."
    assert d.instansi == "PEMERINTAH KABUPATEN TEBO"
    assert d.perilaku[0].nama == "Berorientasi Pelayanan"
    assert len(d.perilaku) == 7
    assert all(len(v) == 3 for v in d.lampiran.values())
    snap = json.loads(session.get(Skp, s.id).snapshot)
    assert snap["atasan_penilai"]["nama"].startswith("Hendra Gunawan")
    assert d.riwayat[0].ke_status == svc.DRAF


def test_no_penilai_clear_message(db, k):
    # the Sekda has no penilai in this office: a clear message
    with pytest.raises(ValidationError, match="belum memiliki pejabat penilai kinerja pada"):
        go(db, k.actor(k.sekda), svc.buat_skp, k.sekda.id, TAHUN)


def test_jpt_variant_with_penilai(db, session):
    bupati = f.pegawai(session, "Bupati Contoh", jenis_jabatan="JPT", golongan="IV/e")
    kadis = f.pegawai(session, "Kepala Dinas", jenis_jabatan="JPT", golongan="IV/c", atasan=bupati)
    session.commit()
    a = f.actor_for(kadis)
    s = go(db, a, svc.buat_skp, kadis.id, TAHUN)
    assert s.varian == svc.JPT
    r = go(
        db,
        a,
        svc.tambah_rhk,
        s.id,
        "Meningkatnya kualitas pelayanan",
        svc.UTAMA,
        perspektif="Penerima Layanan",
        penugasan_dari="Bupati",
    )
    assert r.perspektif == "Penerima Layanan" and r.penugasan_dari == "Bupati"
    go(db, a, svc.tambah_indikator, r.id, "Indeks kepuasan masyarakat", None, "85", "Indeks")
    r2 = go(db, a, svc.tambah_rhk, s.id, "RHK tanpa perspektif", svc.UTAMA)
    go(db, a, svc.tambah_indikator, r2.id, "Dokumen", None, 1, "Dokumen")
    with pytest.raises(ValidationError, match="belum diberi perspektif"):
        go(db, a, svc.ajukan_skp, s.id)
    pil = go(db, a, svc.pilihan_intervensi, s.id)
    assert pil.kandidat == () and "Pimpinan Tinggi" in pil.pesan


def test_overlap_refused_and_second_skp_after_move(db, k, session):
    a = k.actor(k.staf)
    go(db, a, svc.buat_skp, k.staf.id, TAHUN)
    with pytest.raises(ValidationError, match="beririsan"):
        go(db, a, svc.buat_skp, k.staf.id, TAHUN, svc.KUANTITATIF, date(2025, 7, 1))
    # the pegawai moves to the Sekcam on 1 July
    session.add(
        PenugasanPenilai(pegawai_id=k.staf.id, penilai_id=k.sekcam.id, mulai=date(2025, 7, 1))
    )
    session.get(PenugasanPenilai, 5).selesai = date(2025, 6, 30)  # staf → kasi definitive
    session.commit()
    baru = go(
        db,
        a,
        svc.buat_skp,
        k.staf.id,
        TAHUN,
        svc.KUALITATIF,
        date(2025, 7, 1),
        akhiri_sebelumnya=True,
    )
    assert baru.penilai_id == k.sekcam.id and baru.pendekatan == svc.KUALITATIF
    daftar = go(db, a, svc.daftar_skp, k.staf.id, TAHUN)
    assert [(x.mulai, x.selesai) for x in daftar] == [
        (date(2025, 7, 1), date(2025, 12, 31)),
        (date(2025, 1, 1), date(2025, 6, 30)),
    ]


def test_only_self_or_admin_creates(db, k, admin):
    with pytest.raises(PermissionDenied):
        go(db, k.actor(k.staf2), svc.buat_skp, k.staf.id, TAHUN)
    s = go(db, admin, svc.buat_skp, k.staf.id, TAHUN)
    assert s.pegawai_id == k.staf.id


# --- editing ---------------------------------------------------------------------------------


def test_rhk_reorder_edit_delete_and_iki_target_parsing(db, k):
    a = k.actor(k.staf)
    s = go(db, a, svc.buat_skp, k.staf.id, TAHUN)
    r1 = go(db, a, svc.tambah_rhk, s.id, "Pertama")
    r2 = go(db, a, svc.tambah_rhk, s.id, "Kedua")
    t1 = go(db, a, svc.tambah_rhk, s.id, "Tambahan satu", svc.TAMBAHAN)
    go(db, a, svc.pindah_rhk, r2.id, -1)
    d = go(db, a, svc.detail_skp, s.id)
    assert [(r.jenis, r.nomor, r.uraian) for r in d.rhk] == [
        ("UTAMA", 1, "Kedua"),
        ("UTAMA", 2, "Pertama"),
        ("TAMBAHAN", 1, "Tambahan satu"),
    ]
    go(db, a, svc.pindah_rhk, r2.id, -1)  # already first: nothing changes
    versi = d.rhk[1].versi
    r1b = go(db, a, svc.ubah_rhk, r1.id, "Pertama diubah", svc.UTAMA, versi=versi)
    assert r1b.uraian == "Pertama diubah"
    with pytest.raises(ConflictError):  # a second edit from the same stale screen
        go(db, a, svc.ubah_rhk, r1.id, "Lagi", svc.UTAMA, versi=versi)
    iki = go(db, a, svc.tambah_indikator, r1.id, "Persentase", "KUALITAS", "12,5", "%")
    assert iki.target_nilai == 12.5 and iki.target_teks == "12,5 %"
    with pytest.raises(ValidationError, match="bukan angka"):
        go(db, a, svc.tambah_indikator, r1.id, "X", "KUANTITAS", "dua belas", "Dokumen")
    with pytest.raises(ValidationError, match="wajib diisi"):
        go(db, a, svc.tambah_rhk, s.id, "   ")
    go(db, a, svc.hapus_rhk, t1.id)
    go(db, a, svc.hapus_indikator, iki.id)
    d = go(db, a, svc.detail_skp, s.id)
    assert [r.uraian for r in d.rhk] == ["Kedua", "Pertama diubah"]
    assert d.rhk[1].indikator == ()


def test_edit_by_wrong_user_refused(db, k):
    s = skp_lengkap(db, k, k.staf)
    d = go(db, k.actor(k.staf), svc.detail_skp, s.id)
    rhk_id = d.rhk[0].id
    lain = k.actor(k.staf2)
    for fn, args in [
        (svc.tambah_rhk, (s.id, "Sisipan")),
        (svc.ubah_rhk, (rhk_id, "Ubah")),
        (svc.hapus_rhk, (rhk_id,)),
        (svc.tambah_indikator, (rhk_id, "IKI")),
        (svc.ubah_lampiran, (s.id, "KONSEKUENSI", ["x"])),
        (svc.ajukan_skp, (s.id,)),
    ]:
        with pytest.raises(PermissionDenied):
            go(db, lain, fn, *args)
    # the penilai does not edit the draft either, but he writes the ekspektasi khusus
    with pytest.raises(PermissionDenied):
        go(db, k.actor(k.kasi), svc.tambah_rhk, s.id, "Dari atasan")
    go(db, k.actor(k.kasi), svc.ubah_ekspektasi, s.id, "AKUNTABEL", "Tertib administrasi")
    with pytest.raises(PermissionDenied, match="pejabat penilai"):
        go(db, k.actor(k.staf), svc.ubah_ekspektasi, s.id, "AKUNTABEL", "Saya sendiri")
    d = go(db, k.actor(k.staf), svc.detail_skp, s.id)
    assert d.perilaku[1].ekspektasi == "Tertib administrasi"


def test_lampiran_replace(db, k):
    a = k.actor(k.staf)
    s = go(db, a, svc.buat_skp, k.staf.id, TAHUN)
    go(db, a, svc.ubah_lampiran, s.id, "DUKUNGAN_SUMBER_DAYA", ["Satu", "", "  Dua  "])
    d = go(db, a, svc.detail_skp, s.id)
    assert d.lampiran["DUKUNGAN_SUMBER_DAYA"] == ("Satu", "Dua")


# --- workflow --------------------------------------------------------------------------------


def test_ajukan_blocked_with_messages(db, k):
    a = k.actor(k.staf)
    s = go(db, a, svc.buat_skp, k.staf.id, TAHUN)
    with pytest.raises(ValidationError, match="Belum ada Rencana Hasil Kerja Utama"):
        go(db, a, svc.ajukan_skp, s.id)
    r = go(db, a, svc.tambah_rhk, s.id, "Laporan kependudukan")
    with pytest.raises(ValidationError, match="belum memiliki indikator"):
        go(db, a, svc.ajukan_skp, s.id)
    go(db, a, svc.tambah_indikator, r.id, "Jumlah laporan", None, None, None)
    with pytest.raises(ValidationError) as e:
        go(db, a, svc.ajukan_skp, s.id)
    assert "Aspek indikator 1" in str(e.value) and "belum berupa angka" in str(e.value)
    go(db, a, svc.tambah_indikator, r.id, "Ketepatan", "WAKTU", 12, None)
    with pytest.raises(ValidationError, match="Satuan target indikator 2"):
        go(db, a, svc.ajukan_skp, s.id)


def test_full_workflow_with_history_and_permissions(db, k, admin):
    s = skp_lengkap(db, k, k.staf)
    # nobody can tetapkan a draft
    with pytest.raises(StateError):
        go(db, k.actor(k.kasi), svc.tetapkan_skp, s.id)
    go(db, k.actor(k.staf), svc.ajukan_skp, s.id)
    # submitted: the pegawai can no longer edit
    with pytest.raises(StateError, match="sedang diajukan"):
        go(db, k.actor(k.staf), svc.tambah_rhk, s.id, "Terlambat")
    # only the penilai tetapkan/kembalikan: not the pegawai, another pegawai, the admin,
    # nor the penilai's own superior
    for aktor in (k.actor(k.staf), k.actor(k.staf2), admin, k.actor(k.camat)):
        with pytest.raises(PermissionDenied):
            go(db, aktor, svc.tetapkan_skp, s.id)
        with pytest.raises(PermissionDenied):
            go(db, aktor, svc.kembalikan_skp, s.id, "alasan")
    with pytest.raises(ValidationError, match="alasan"):
        go(db, k.actor(k.kasi), svc.kembalikan_skp, s.id, "  ")
    go(db, k.actor(k.kasi), svc.kembalikan_skp, s.id, "Target laporan terlalu rendah")
    d = go(db, k.actor(k.staf), svc.detail_skp, s.id)
    assert d.skp.status == svc.DIKEMBALIKAN
    assert d.alasan_dikembalikan == "Target laporan terlalu rendah"
    assert d.izin.ubah and d.izin.ajukan and not d.izin.tetapkan
    go(
        db,
        k.actor(k.staf),
        svc.ubah_indikator,
        d.rhk[0].indikator[0].id,
        "Jumlah dokumen",
        "KUANTITAS",
        24,
        "Dokumen",
    )
    # an admin may submit on the pegawai's behalf
    go(db, admin, svc.ajukan_skp, s.id)
    hasil = go(db, k.actor(k.kasi), svc.tetapkan_skp, s.id)
    assert hasil.status == svc.DITETAPKAN
    d = go(db, k.actor(k.staf), svc.detail_skp, s.id)
    assert [(r.dari_status, r.ke_status) for r in d.riwayat] == [
        (None, "DRAF"),
        ("DRAF", "DIAJUKAN"),
        ("DIAJUKAN", "DIKEMBALIKAN"),
        ("DIKEMBALIKAN", "DIAJUKAN"),
        ("DIAJUKAN", "DITETAPKAN"),
    ]
    assert d.riwayat[2].nama_pengguna == "Joko Prasetyo"
    assert d.riwayat[3].nama_pengguna == "admin"
    assert d.izin.revisi and not d.izin.ubah
    # ditetapkan: read-only
    for fn, args in [
        (svc.tambah_rhk, (s.id, "Baru")),
        (svc.ubah_rhk, (d.rhk[0].id, "Ubah")),
        (svc.hapus_indikator, (d.rhk[0].indikator[0].id,)),
        (svc.ubah_lampiran, (s.id, "KONSEKUENSI", ["x"])),
        (svc.ajukan_skp, (s.id,)),
    ]:
        with pytest.raises(StateError, match="sudah ditetapkan"):
            go(db, k.actor(k.staf), fn, *args)
    with pytest.raises(StateError):
        go(db, k.actor(k.kasi), svc.ubah_ekspektasi, s.id, "LOYAL", "x")
    with pytest.raises(StateError):
        go(db, k.actor(k.staf), svc.hapus_skp, s.id)


def test_plt_penilai_may_tetapkan(db, k, session):
    s = skp_lengkap(db, k, k.staf)
    go(db, k.actor(k.staf), svc.ajukan_skp, s.id)
    session.add(
        PenugasanPenilai(
            pegawai_id=k.staf.id,
            penilai_id=k.sekcam.id,
            jenis="PLT",
            mulai=date(2025, 3, 1),
            selesai=date(2025, 5, 31),
        )
    )
    session.commit()
    hasil = go(db, k.actor(k.sekcam), svc.tetapkan_skp, s.id)
    assert hasil.status == svc.DITETAPKAN


def test_stale_versi_conflict(db, k):
    s = skp_lengkap(db, k, k.staf)
    with pytest.raises(ConflictError):
        go(db, k.actor(k.staf), svc.ajukan_skp, s.id, s.versi + 5)


# --- cascading -------------------------------------------------------------------------------


def test_intervensi_only_from_ditetapkan_superior_skp_overlapping(db, k):
    a = k.actor(k.staf)
    s = go(db, a, svc.buat_skp, k.staf.id, TAHUN)
    pil = go(db, a, svc.pilihan_intervensi, s.id)
    assert pil.kandidat == ()
    assert pil.pesan == (
        "Pejabat penilai Joko Prasetyo, S.IP. belum memiliki SKP yang ditetapkan untuk periode "
        "ini; RHK pimpinan belum dapat dipilih."
    )
    # the Kasi's SKP exists but is only diajukan: still nothing to pick
    kasi_skp = skp_lengkap(db, k, k.kasi)
    go(db, k.actor(k.kasi), svc.ajukan_skp, kasi_skp.id)
    kasi_rhk = go(db, k.actor(k.kasi), svc.detail_skp, kasi_skp.id).rhk[0]
    with pytest.raises(ValidationError, match="belum memiliki SKP yang ditetapkan"):
        go(db, a, svc.tambah_rhk, s.id, "Mendukung", svc.UTAMA, kasi_rhk.id)
    go(db, k.actor(k.camat), svc.tetapkan_skp, kasi_skp.id)
    pil = go(db, a, svc.pilihan_intervensi, s.id)
    assert [c.id for c in pil.kandidat] == [kasi_rhk.id]
    assert pil.kandidat[0].label.startswith("A.1 ")
    r = go(db, a, svc.tambah_rhk, s.id, "Mendukung", svc.UTAMA, kasi_rhk.id)
    assert r.intervensi_uraian == kasi_rhk.uraian
    # an RHK of someone who is not the penilai is refused
    sekcam_skp = tetapkan(db, k, k.sekcam, k.camat)
    rhk_sekcam = go(db, k.actor(k.sekcam), svc.detail_skp, sekcam_skp.id).rhk[0]
    with pytest.raises(ValidationError, match="bukan RHK dari SKP pejabat penilai"):
        go(db, a, svc.tambah_rhk, s.id, "Salah", svc.UTAMA, rhk_sekcam.id)


def test_intervensi_refused_for_non_overlapping_period(db, k):
    # the Kasi's ditetapkan SKP covers only January–March
    a = k.actor(k.kasi)
    ks = go(
        db, a, svc.buat_skp, k.kasi.id, TAHUN, svc.KUANTITATIF, date(2025, 1, 1), date(2025, 3, 31)
    )
    r = go(db, a, svc.tambah_rhk, ks.id, "RHK Kasi")
    go(db, a, svc.tambah_indikator, r.id, "Dokumen", "KUANTITAS", 1, "Dokumen")
    go(db, a, svc.ajukan_skp, ks.id)
    go(db, k.actor(k.camat), svc.tetapkan_skp, ks.id)
    s = go(db, k.actor(k.staf), svc.buat_skp, k.staf.id, TAHUN, svc.KUANTITATIF, date(2025, 4, 1))
    pil = go(db, k.actor(k.staf), svc.pilihan_intervensi, s.id)
    assert pil.kandidat == () and "belum memiliki SKP yang ditetapkan" in pil.pesan
    with pytest.raises(ValidationError):
        go(db, k.actor(k.staf), svc.tambah_rhk, s.id, "X", svc.UTAMA, r.id)


# --- revisions and snapshot ------------------------------------------------------------------


def test_revisi_copies_content_new_snapshot_old_readonly(db, k, session):
    s = tetapkan(db, k, k.staf, k.kasi)
    lama = go(db, k.actor(k.staf), svc.detail_skp, s.id)
    with pytest.raises(ValidationError, match="alasan"):
        go(db, k.actor(k.staf), svc.revisi_skp, s.id, "")
    with pytest.raises(PermissionDenied):
        go(db, k.actor(k.staf2), svc.revisi_skp, s.id, "bukan milik saya")
    # a rank change after the SKP was made does not touch the old snapshot
    staf = session.get(type(k.staf), k.staf.id)
    staf.golongan = "III/b"
    session.commit()
    baru = go(db, k.actor(k.staf), svc.revisi_skp, s.id, "Tambahan tugas dari camat")
    assert (baru.revisi, baru.status, baru.terkini) == (1, svc.DRAF, True)
    old = session.get(Skp, s.id)
    session.refresh(old)
    assert old.terkini is False and old.status == svc.DITETAPKAN
    assert json.loads(old.snapshot)["pegawai"]["pangkat_golongan"] == "Penata Muda, III/a"
    nd = go(db, k.actor(k.staf), svc.detail_skp, baru.id)
    assert nd.pegawai.pangkat_golongan == "Penata Muda Tk. I, III/b"
    assert nd.alasan_revisi == "Tambahan tugas dari camat"
    assert [r.uraian for r in nd.rhk] == [r.uraian for r in lama.rhk]
    assert [len(r.indikator) for r in nd.rhk] == [len(r.indikator) for r in lama.rhk]
    # the old revision stays readable but cannot change
    od = go(db, k.actor(k.staf), svc.detail_skp, s.id)
    assert not od.izin.ubah and not od.izin.revisi
    with pytest.raises(StateError):
        go(db, k.actor(k.staf), svc.tambah_rhk, s.id, "X")
    # the new revision goes through the workflow again
    go(db, k.actor(k.staf), svc.tambah_rhk, baru.id, "Tugas tambahan", svc.TAMBAHAN)
    revs = go(db, k.actor(k.staf), svc.riwayat_revisi, baru.id)
    assert [r.revisi for r in revs] == [1, 0]
    assert session.query(RiwayatSkp).filter_by(skp_id=s.id).count() == 4


def test_hapus_draf_revision_restores_previous(db, k, session):
    s = tetapkan(db, k, k.staf, k.kasi)
    baru = go(db, k.actor(k.staf), svc.revisi_skp, s.id, "Keliru")
    go(db, k.actor(k.staf), svc.hapus_skp, baru.id)
    session.expire_all()
    assert session.get(Skp, s.id).terkini is True
    assert session.get(Skp, baru.id) is None


def test_visibility(db, k, admin):
    s = go(db, k.actor(k.staf), svc.buat_skp, k.staf.id, TAHUN)
    for p in (k.staf, k.kasi, k.camat):  # self and the chain above
        assert go(db, k.actor(p), svc.detail_skp, s.id).skp.id == s.id
    with pytest.raises(PermissionDenied):
        go(db, k.actor(k.staf2), svc.detail_skp, s.id)
    with pytest.raises(PermissionDenied):
        go(db, k.actor(k.sekcam), svc.daftar_skp, k.staf.id)
    pilihan = go(db, k.actor(k.kasi), svc.pegawai_dapat_dipilih)
    assert [p.id for p in pilihan] == [k.kasi.id, k.staf2.id, k.staf.id]
    assert [p.id for p in go(db, k.actor(k.staf), svc.pegawai_dapat_dipilih)] == [k.staf.id]
    cari = go(db, admin, svc.pegawai_dapat_dipilih, "siti")
    assert [p.id for p in cari] == [k.staf.id]
    nip = go(db, admin, svc.pegawai_dapat_dipilih, k.staf.nip[:8])
    assert k.staf.id in [p.id for p in nip]
    tanpa = Actor(nama="tamu", peran=frozenset({Peran.PEGAWAI}))
    assert go(db, tanpa, svc.pegawai_dapat_dipilih) == []


def test_format_and_parse_angka():
    assert svc.format_angka(2.0) == "2"
    assert svc.format_angka(12.5) == "12,5"
    assert svc.format_angka(1000) == "1.000"
    assert svc.parse_angka("1.000", "Target") == 1000
    assert svc.parse_angka(" ", "Target") is None
    with pytest.raises(ValidationError):
        svc.parse_angka("-3", "Target")
