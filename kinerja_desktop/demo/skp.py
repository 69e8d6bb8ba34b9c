"""Demo SKPs: the year's plan for everyone in the demo roster, cascaded from the Camat down.

Runs after the roster step and looks up what exists (no fixed ids): pegawai are processed
top-down along the penilai chain, so a superior's SKP is ditetapkan before his subordinates
pick his RHK to intervene. Most SKP end ditetapkan; a few are diajukan, draf, one dikembalikan
with a reason and one revised, so every workflow state can be seen. Also fills the RHK library
(pustaka) for a few jabatan.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai, PustakaRhk, RiwayatSkp, Skp
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.services import organisasi
from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.muat import ambil

K, Q, W = "KUANTITAS", "KUALITAS", "WAKTU"

# RHK templates: (uraian, index of the superior's RHK it intervenes, [(aspek, IKI, n, satuan)])
CAMAT = [
    (
        "Meningkatnya kualitas pelayanan publik di kecamatan",
        "Meningkatnya kualitas pelayanan publik Pemerintah Kabupaten Tebo",
        [
            (Q, "Indeks kepuasan masyarakat terhadap layanan kecamatan", 82, "Indeks"),
            (W, "Persentase layanan PATEN yang diselesaikan tepat waktu", 95, "%"),
        ],
    ),
    (
        "Terwujudnya penyelenggaraan pemerintahan kecamatan yang efektif dan akuntabel",
        "Meningkatnya akuntabilitas kinerja perangkat daerah",
        [
            (Q, "Nilai evaluasi SAKIP kecamatan", 70, "Nilai"),
            (K, "Jumlah laporan penyelenggaraan pemerintahan kecamatan", 4, "Laporan"),
        ],
    ),
    (
        "Meningkatnya ketenteraman, ketertiban umum, dan perlindungan masyarakat",
        "Terwujudnya ketenteraman dan ketertiban umum di Kabupaten Tebo",
        [(Q, "Persentase gangguan ketenteraman dan ketertiban yang ditangani", 100, "%")],
    ),
    (
        "Meningkatnya keberdayaan masyarakat, desa, dan kelurahan",
        "Meningkatnya partisipasi masyarakat dalam pembangunan",
        [
            (
                K,
                "Jumlah desa/kelurahan yang dibina dalam perencanaan partisipatif",
                12,
                "Desa/Kelurahan",
            ),
            (Q, "Persentase musrenbang desa/kelurahan yang terfasilitasi", 100, "%"),
        ],
    ),
    (
        "Meningkatnya kesejahteraan sosial masyarakat kecamatan",
        "Menurunnya persentase penduduk miskin",
        [(Q, "Persentase data terpadu kesejahteraan sosial yang diverifikasi", 100, "%")],
    ),
]

PERAN_JABATAN: list[tuple[str, list]] = [
    (
        "Sekretaris Kecamatan",
        [
            (
                "Terselenggaranya administrasi umum, kepegawaian, dan keuangan kecamatan "
                "yang tertib",
                1,
                [
                    (Q, "Persentase dokumen kepegawaian yang diselesaikan tepat waktu", 100, "%"),
                    (K, "Jumlah laporan keuangan kecamatan yang disusun", 12, "Laporan"),
                ],
            ),
            (
                "Tersusunnya dokumen perencanaan dan laporan kinerja kecamatan",
                1,
                [
                    (
                        K,
                        "Jumlah dokumen perencanaan dan pelaporan (Renstra, Renja, LKjIP)",
                        3,
                        "Dokumen",
                    ),
                    (W, "Waktu penyelesaian dokumen sesuai jadwal", 12, "Bulan"),
                ],
            ),
            (
                "Terlaksananya Pelayanan Administrasi Terpadu Kecamatan (PATEN)",
                0,
                [(K, "Jumlah jenis layanan PATEN yang terselenggara", 18, "Jenis Layanan")],
            ),
        ],
    ),
    (
        "Kepala Subbagian Umum",
        [
            (
                "Terkelolanya administrasi kepegawaian dan umum kecamatan",
                0,
                [
                    (K, "Jumlah usulan layanan kepegawaian yang diproses", 60, "Usulan"),
                    (Q, "Persentase usulan yang lengkap dan benar", 100, "%"),
                ],
            ),
            (
                "Terkelolanya barang milik daerah dan persuratan kecamatan",
                0,
                [
                    (K, "Jumlah laporan inventaris barang milik daerah", 2, "Laporan"),
                    (K, "Jumlah surat masuk dan keluar yang diagendakan", 1500, "Surat"),
                ],
            ),
        ],
    ),
    (
        "Kepala Subbagian Perencanaan",
        [
            (
                "Tersusunnya laporan keuangan kecamatan tepat waktu",
                0,
                [
                    (K, "Jumlah laporan realisasi anggaran bulanan", 12, "Laporan"),
                    (
                        W,
                        "Laporan keuangan semesteran dan tahunan disampaikan tepat waktu",
                        2,
                        "Dokumen",
                    ),
                ],
            ),
            (
                "Tersusunnya dokumen perencanaan dan anggaran kecamatan",
                1,
                [(K, "Jumlah dokumen Renja dan RKA/DPA yang disusun", 3, "Dokumen")],
            ),
        ],
    ),
    (
        "Kepala Seksi Pemerintahan",
        [
            (
                "Terlaksananya fasilitasi pelayanan administrasi kependudukan",
                0,
                [
                    (K, "Jumlah dokumen kependudukan yang difasilitasi", 1200, "Dokumen"),
                    (W, "Persentase permohonan yang selesai paling lama 3 hari kerja", 95, "%"),
                ],
            ),
            (
                "Terlaksananya pembinaan penyelenggaraan pemerintahan desa dan kelurahan",
                1,
                [
                    (K, "Jumlah desa/kelurahan yang dibina", 12, "Desa/Kelurahan"),
                    (K, "Jumlah laporan hasil pembinaan", 4, "Laporan"),
                ],
            ),
            (
                "Tersusunnya laporan penyelenggaraan pemerintahan kecamatan",
                1,
                [(K, "Jumlah laporan penyelenggaraan pemerintahan kecamatan", 1, "Dokumen")],
            ),
        ],
    ),
    (
        "Kepala Seksi Ketenteraman",
        [
            (
                "Terlaksananya penanganan gangguan ketenteraman dan ketertiban umum",
                2,
                [
                    (K, "Jumlah kegiatan patroli dan penertiban", 24, "Kegiatan"),
                    (Q, "Persentase pengaduan trantibum yang ditindaklanjuti", 100, "%"),
                ],
            ),
            (
                "Terlaksananya koordinasi perlindungan masyarakat dan kesiapsiagaan bencana",
                2,
                [(K, "Jumlah rapat koordinasi Forkopimcam", 12, "Kegiatan")],
            ),
        ],
    ),
    (
        "Kepala Seksi Pemberdayaan",
        [
            (
                "Terfasilitasinya musyawarah perencanaan pembangunan desa dan kelurahan",
                3,
                [
                    (K, "Jumlah musrenbang desa/kelurahan yang difasilitasi", 12, "Kegiatan"),
                    (Q, "Persentase usulan prioritas yang terdokumentasi", 100, "%"),
                ],
            ),
            (
                "Terlaksananya pembinaan lembaga kemasyarakatan dan BUMDes",
                3,
                [(K, "Jumlah lembaga kemasyarakatan dan BUMDes yang dibina", 10, "Lembaga")],
            ),
        ],
    ),
    (
        "Kepala Seksi Kesejahteraan",
        [
            (
                "Terlaksananya verifikasi dan validasi data kesejahteraan sosial",
                4,
                [
                    (Q, "Persentase data penerima bantuan sosial yang diverifikasi", 100, "%"),
                    (K, "Jumlah laporan verifikasi dan validasi", 4, "Laporan"),
                ],
            ),
            (
                "Terfasilitasinya kegiatan keagamaan dan penanganan masalah sosial",
                4,
                [(K, "Jumlah kegiatan yang difasilitasi", 12, "Kegiatan")],
            ),
        ],
    ),
    (
        "Lurah",
        [
            (
                "Terselenggaranya pelayanan administrasi kepada masyarakat kelurahan",
                0,
                [
                    (K, "Jumlah surat keterangan dan pengantar yang diterbitkan", 900, "Dokumen"),
                    (W, "Persentase layanan selesai pada hari yang sama", 90, "%"),
                ],
            ),
            (
                "Terlaksananya pemberdayaan masyarakat kelurahan",
                3,
                [(K, "Jumlah kegiatan pemberdayaan masyarakat", 4, "Kegiatan")],
            ),
        ],
    ),
    (
        "Sekretaris Kelurahan",
        [
            (
                "Tertibnya administrasi umum dan keuangan kelurahan",
                0,
                [(K, "Jumlah laporan administrasi dan keuangan kelurahan", 12, "Laporan")],
            ),
        ],
    ),
]

STAF: list[tuple[tuple[str, ...], list]] = [
    (
        ("bendahara", "keuangan"),
        [
            (
                "Tersusunnya laporan pertanggungjawaban (SPJ) keuangan bulanan",
                0,
                [
                    (K, "Jumlah dokumen SPJ yang disusun", 12, "Laporan"),
                    (W, "Persentase SPJ yang disampaikan tepat waktu", 100, "%"),
                ],
            ),
        ],
    ),
    (
        ("perencana",),
        [
            (
                "Tersusunnya bahan dokumen perencanaan dan evaluasi kinerja kecamatan",
                1,
                [(K, "Jumlah dokumen Renja, RKA, dan LKjIP yang disiapkan", 3, "Dokumen")],
            ),
        ],
    ),
    (
        ("kependudukan", "pemerintahan"),
        [
            (
                "Terlayaninya permohonan administrasi kependudukan masyarakat",
                0,
                [
                    (K, "Jumlah berkas permohonan yang diverifikasi", 600, "Berkas"),
                    (Q, "Persentase berkas yang lengkap dan benar", 100, "%"),
                ],
            ),
            (
                "Tersusunnya rekapitulasi data pemerintahan desa dan kelurahan",
                1,
                [(K, "Jumlah laporan rekapitulasi", 12, "Laporan")],
            ),
        ],
    ),
    (
        ("komputer",),
        [
            (
                "Terkelolanya aplikasi, data, dan jaringan layanan kecamatan",
                0,
                [
                    (K, "Jumlah laporan pengelolaan sistem informasi", 12, "Laporan"),
                    (Q, "Persentase ketersediaan layanan jaringan", 98, "%"),
                ],
            ),
        ],
    ),
    (
        ("arsip",),
        [
            (
                "Tertatanya arsip dinamis kecamatan sesuai klasifikasi",
                1,
                [(K, "Jumlah berkas arsip yang ditata", 1000, "Berkas")],
            ),
        ],
    ),
    (
        ("pengemudi",),
        [
            (
                "Terlaksananya layanan kendaraan dinas operasional",
                0,
                [
                    (K, "Jumlah hari layanan kendaraan dinas", 240, "Hari"),
                    (Q, "Kendaraan dalam kondisi siap pakai", 100, "%"),
                ],
            ),
        ],
    ),
    (
        ("ketenteraman", "ketertiban", "umum"),
        [
            (
                "Terlaksananya patroli dan pengamanan kegiatan masyarakat",
                0,
                [
                    (K, "Jumlah kegiatan patroli dan pengamanan", 48, "Kegiatan"),
                    (K, "Jumlah laporan kejadian", 12, "Laporan"),
                ],
            ),
        ],
    ),
    (
        ("pemberdayaan", "penyuluh", "pelayanan masyarakat"),
        [
            (
                "Terdampinginya kelompok masyarakat dan lembaga kemasyarakatan",
                0,
                [(K, "Jumlah kelompok masyarakat yang didampingi", 10, "Kelompok")],
            ),
        ],
    ),
    (
        ("kesejahteraan",),
        [
            (
                "Terverifikasinya data penerima bantuan sosial",
                0,
                [
                    (K, "Jumlah data penerima bantuan yang diverifikasi", 500, "Data"),
                    (W, "Verifikasi selesai sesuai jadwal", 4, "Triwulan"),
                ],
            ),
        ],
    ),
    (
        ("kepegawaian",),
        [
            (
                "Terkelolanya data dan usulan layanan kepegawaian",
                0,
                [
                    (
                        K,
                        "Jumlah usulan kenaikan pangkat, cuti, dan berkala yang diproses",
                        60,
                        "Usulan",
                    ),
                    (Q, "Persentase data pegawai yang mutakhir", 100, "%"),
                ],
            ),
        ],
    ),
    (
        ("",),
        [  # default: every other pelaksana
            (
                "Terlaksananya pelayanan administrasi umum dan persuratan",
                0,
                [
                    (K, "Jumlah surat yang diproses", 1200, "Surat"),
                    (W, "Persentase surat yang diproses pada hari yang sama", 90, "%"),
                ],
            ),
        ],
    ),
]

ANALIS_KUALITATIF = [
    (
        "Tersusunnya rekomendasi kebijakan peningkatan kualitas pelayanan kecamatan",
        0,
        [
            (
                Q,
                "Rekomendasi kebijakan disusun berdasarkan kajian data layanan PATEN dan diterima "
                "pimpinan sebagai bahan pengambilan keputusan",
                None,
                None,
            )
        ],
    ),
    (
        "Tersusunnya kajian evaluasi penyelenggaraan pemerintahan kecamatan",
        1,
        [
            (
                Q,
                "Kajian memuat analisis capaian, permasalahan, dan alternatif solusi; disampaikan "
                "kepada Camat setiap semester",
                None,
                None,
            )
        ],
    ),
]

TAMBAHAN = (
    "Membantu panitia peringatan hari besar nasional tingkat kecamatan",
    [(K, "Jumlah kegiatan yang didukung", 3, "Kegiatan")],
)

EKSPEKTASI = {
    "BERORIENTASI_PELAYANAN": "Menyelesaikan layanan tanpa pungutan paling lama 3 hari kerja "
    "dan ramah kepada pemohon.",
    "AKUNTABEL": "Menyampaikan laporan kegiatan paling lambat tanggal 5 bulan berikutnya.",
    "KOMPETEN": "Mengikuti paling sedikit satu pelatihan/bimbingan teknis yang relevan.",
    "ADAPTIF": "Memanfaatkan aplikasi SRIKANDI dan SIAK dalam pekerjaan sehari-hari.",
    "KOLABORATIF": "Aktif berkoordinasi dengan kelurahan, desa, dan instansi vertikal.",
}

PUSTAKA = [
    (
        "Pengadministrasi Umum",
        "Terlaksananya pelayanan administrasi umum dan persuratan",
        [
            (K, "Jumlah surat yang diproses", 1200, "Surat"),
            (W, "Persentase surat yang diproses pada hari yang sama", 90, "%"),
        ],
    ),
    (
        "Pengadministrasi Umum",
        "Tertatanya arsip surat masuk dan keluar",
        [(K, "Jumlah berkas yang diarsipkan", 800, "Berkas")],
    ),
    (
        "Pengelola Data Kependudukan",
        "Terlayaninya permohonan administrasi kependudukan",
        [
            (K, "Jumlah berkas permohonan yang diverifikasi", 600, "Berkas"),
            (Q, "Persentase berkas yang lengkap dan benar", 100, "%"),
        ],
    ),
    (
        "Pranata Komputer Ahli Pertama",
        "Terkelolanya aplikasi dan jaringan layanan",
        [
            (K, "Jumlah laporan pengelolaan sistem informasi", 12, "Laporan"),
            (Q, "Persentase ketersediaan layanan jaringan", 98, "%"),
        ],
    ),
    (
        "Bendahara Pengeluaran",
        "Tersusunnya laporan pertanggungjawaban keuangan",
        [
            (K, "Jumlah dokumen SPJ yang disusun", 12, "Laporan"),
            (W, "Persentase SPJ yang disampaikan tepat waktu", 100, "%"),
        ],
    ),
]

ALASAN_KEMBALI = (
    "Target jumlah berkas belum sesuai beban kerja seksi tahun lalu (sekitar 800 berkas); "
    "mohon disesuaikan dan tambahkan indikator kualitas."
)
ALASAN_REVISI = "Penyesuaian target setelah perubahan anggaran (APBD Perubahan)."


def _aktor(p: Pegawai) -> Actor:
    return Actor(nama=p.nama, pegawai_id=p.id, peran=frozenset({Peran.PEGAWAI, Peran.PENILAI}))


def _template(p: Pegawai) -> tuple[list, str]:
    jab = p.jabatan.lower()
    if jab.startswith("camat"):
        return [(u, None, iki, teks) for u, teks, iki in CAMAT], svc.KUANTITATIF
    if "analis kebijakan" in jab:
        return [(u, i, iki, None) for u, i, iki in ANALIS_KUALITATIF], svc.KUALITATIF
    for awal, rhk in PERAN_JABATAN:
        if jab.startswith(awal.lower()):
            return [(u, i, iki, None) for u, i, iki in rhk], svc.KUANTITATIF
    for kunci, rhk in STAF:
        if any(k in jab for k in kunci):
            return [(u, i, iki, None) for u, i, iki in rhk], svc.KUANTITATIF
    raise AssertionError("the default template matches every jabatan")


def _urutan_kaskade(pegawai: list[Pegawai], atasan: dict[int, int | None]) -> list[Pegawai]:
    """Superiors before their subordinates (breadth first along the penilai chain)."""
    ids = {p.id for p in pegawai}
    per_id = {p.id: p for p in pegawai}
    out: list[Pegawai] = []
    lapis = [p.id for p in pegawai if atasan[p.id] not in ids]
    seen: set[int] = set()
    while lapis:
        out += [per_id[i] for i in lapis if i not in seen]
        seen.update(lapis)
        lapis = sorted(i for i in ids if atasan[i] in seen and i not in seen)
    return out


def _isi_rhk(session: Session, actor: Actor, skp_id: int, template: list, atas: list) -> None:
    for uraian, idx, iki, teks in template:
        interv = atas[idx % len(atas)] if (atas and idx is not None) else None
        r = svc.tambah_rhk(session, actor, skp_id, uraian, svc.UTAMA, interv, intervensi_teks=teks)
        for aspek, ur, n, sat in iki:
            if n is None:
                svc.tambah_indikator(session, actor, r.id, ur, aspek)
            else:
                svc.tambah_indikator(session, actor, r.id, ur, aspek, n, sat)


def _atur_waktu(session: Session, skp_id: int, mulai: datetime, rng: random.Random) -> None:
    waktu = mulai
    for r in session.scalars(
        select(RiwayatSkp).where(RiwayatSkp.skp_id == skp_id).order_by(RiwayatSkp.id)
    ):
        r.waktu = waktu
        waktu += timedelta(days=rng.randint(1, 4), hours=rng.randint(0, 6))
    skp = ambil(session, Skp, skp_id)
    if skp.ditetapkan_pada is not None:
        skp.ditetapkan_pada = waktu - timedelta(hours=1)


def isi_skp(session: Session, tahun: int, rng: random.Random) -> dict[str, int]:
    """Create the demo SKPs of ``tahun``; returns counts per status."""
    for jabatan, rhk, butir in PUSTAKA:
        for aspek, ur, n, sat in butir:
            session.add(
                PustakaRhk(
                    jabatan=jabatan,
                    uraian_rhk=rhk,
                    aspek=aspek,
                    uraian_indikator=ur,
                    target_nilai=n,
                    target_satuan=sat,
                )
            )
    awal = date(tahun, 1, 1)
    pegawai = list(
        session.scalars(
            select(Pegawai)
            .where(Pegawai.aktif.is_(True), Pegawai.luar.is_(False))
            .order_by(Pegawai.id)
        )
    )
    atasan = {p.id: organisasi.penilai_pada(session, p.id, awal) for p in pegawai}
    urutan = _urutan_kaskade(pegawai, atasan)
    punya_bawahan = set(atasan.values())
    daun = [p for p in urutan if p.id not in punya_bawahan and atasan[p.id] is not None]
    rng.shuffle(daun)
    keadaan: dict[int, str] = {}
    for p, st in zip(
        daun, ["DIAJUKAN", "DIAJUKAN", "DIKEMBALIKAN", "DRAF", "DRAF", "REVISI"], strict=False
    ):
        keadaan[p.id] = st
    rhk_milik: dict[int, list[int]] = {}
    hitung: dict[str, int] = {}
    for n, p in enumerate(urutan):
        penilai_id = atasan[p.id]
        if penilai_id is None:
            continue  # the Sekda: rated outside this office
        aktor = _aktor(p)
        template, pendekatan = _template(p)
        s = svc.buat_skp(session, aktor, p.id, tahun, pendekatan)
        _isi_rhk(session, aktor, s.id, template, rhk_milik.get(penilai_id, []))
        st = keadaan.get(p.id, "DITETAPKAN")
        if rng.random() < 0.3:
            svc.tambah_rhk(session, aktor, s.id, TAMBAHAN[0], svc.TAMBAHAN)
            rhk_t = svc.detail_skp(session, aktor, s.id).rhk_tambahan[-1]
            for aspek, ur, v, sat in TAMBAHAN[1]:
                svc.tambah_indikator(session, aktor, rhk_t.id, ur, aspek, v, sat)
        pa = _aktor(ambil(session, Pegawai, penilai_id))
        if n % 2 == 0 or p.jabatan.lower().startswith(("camat", "kepala", "sekretaris")):
            for kode in rng.sample(sorted(EKSPEKTASI), 2):
                svc.ubah_ekspektasi(session, pa, s.id, kode, EKSPEKTASI[kode])
        if st == "DRAF":
            pass
        elif st == "DIAJUKAN":
            svc.ajukan_skp(session, aktor, s.id)
        elif st == "DIKEMBALIKAN":
            svc.ajukan_skp(session, aktor, s.id)
            svc.kembalikan_skp(session, pa, s.id, ALASAN_KEMBALI)
        else:
            svc.ajukan_skp(session, aktor, s.id)
            svc.tetapkan_skp(session, pa, s.id)
            rhk_milik[p.id] = [r.id for r in svc.detail_skp(session, aktor, s.id).rhk]
            if st == "REVISI":
                _atur_waktu(session, s.id, datetime(tahun, 1, 6, 8), rng)
                baru = svc.revisi_skp(session, aktor, s.id, ALASAN_REVISI)
                d = svc.detail_skp(session, aktor, baru.id)
                indikator = d.rhk[0].indikator[0]
                svc.ubah_indikator(
                    session,
                    aktor,
                    indikator.id,
                    indikator.uraian,
                    indikator.aspek,
                    (indikator.target_nilai or 1) + 10,
                    indikator.target_satuan,
                )
                svc.ajukan_skp(session, aktor, baru.id)
                svc.tetapkan_skp(session, pa, baru.id)
                _atur_waktu(session, baru.id, datetime(tahun, 7, 14, 9), rng)
                st = "DITETAPKAN (revisi)"
        if st != "DITETAPKAN (revisi)":
            _atur_waktu(session, s.id, datetime(tahun, 1, 3 + min(n, 20), 8), rng)
        hitung[st] = hitung.get(st, 0) + 1
    session.flush()
    return hitung
