"""The shared document frame and blocks: build a sample SKP-like PDF and read it back."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from kinerja_desktop.reports.common import (
    LEBAR_LANSKAP,
    BarisSeksi,
    IdentitasCetak,
    KopDokumen,
    PenandaTangan,
    baca_kode_dari_pdf,
    baris_instansi_periode,
    blok_identitas_baris,
    blok_tanda_tangan,
    buat_dokumen,
    daftar_bernomor,
    gambar_batang,
    gambar_kurva,
    judul,
    kode_dokumen,
    kode_verifikasi,
    lebar_kolom,
    pilihan_coret,
    subjudul,
    tabel_data,
    tabel_dokumen_evaluasi,
    tabel_identitas,
    tabel_label_nilai,
)

PEGAWAI = IdentitasCetak(
    nama="Dra. SITI AMINAH & <Rekan>, M.Si.",
    nip="199001012015032002",
    pangkat_golongan="Penata Muda Tk. I, III/b",
    jabatan="Analis Kebijakan Ahli Pertama",
    unit_kerja="Bagian Organisasi Sekretariat Daerah",
)
PENILAI = IdentitasCetak(
    nama="Drs. H. AHMAD SYUKRI, M.M.",
    nip="196608011988031001",
    pangkat_golongan="Pembina Tk. I, IV/b",
    jabatan="Kepala Bagian Organisasi",
    unit_kerja="Sekretariat Daerah Kabupaten Tebo",
)
PPPK = IdentitasCetak(
    nama="RINA WATI, S.Kom.",
    nip="199203152023212001",
    pangkat_golongan="IX",
    jabatan="Pranata Komputer Ahli Pertama",
    unit_kerja="Dinas Kominfo",
    ppk=True,
)
KOP = KopDokumen(
    instansi="PEMERINTAH KABUPATEN TEBO",
    periode_penilaian="1 JANUARI SD 31 DESEMBER TAHUN 2025",
    tempat="Muara Tebo",
    tanggal=date(2025, 12, 31),
)
HEADER = [
    "NO",
    "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI",
    "RENCANA HASIL KERJA",
    "ASPEK",
    "INDIKATOR KINERJA INDIVIDU",
    "TARGET",
]
LEBAR = lebar_kolom([1.0, 6.5, 6.5, 2.2, 8.0, 2.4], LEBAR_LANSKAP)


def _data_sampel(draf: bool) -> dict:
    return {"jenis": "SKP", "pegawai": PEGAWAI.nip, "draf": draf, "tanggal": KOP.tanggal}


def _tabel_hasil_kerja(jumlah_rhk: int):
    rows: list = [BarisSeksi("A. UTAMA")]
    spans = []
    for i in range(1, jumlah_rhk + 1):
        if i == jumlah_rhk - 2:
            rows.append(BarisSeksi("B. TAMBAHAN"))
        r = len(rows)
        rows.append(
            [
                str(i),
                f"Meningkatnya kualitas layanan organisasi perangkat daerah nomor {i} & <tim>",
                f"Tersusunnya dokumen analisis jabatan dan beban kerja unit ke-{i}",
                "Kuantitas",
                "Jumlah dokumen analisis jabatan yang tersusun tepat waktu",
                "2 Dokumen",
            ]
        )
        rows.append(["", "", "", "Kualitas", "Persentase dokumen yang disetujui pimpinan", "100 %"])
        rows.append(["", "", "", "Waktu", "Jumlah bulan penyelesaian", "12 Bulan"])
        for c in (0, 1, 2):
            spans.append(((c, r), (c, r + 2)))
    return tabel_data([HEADER], rows, LEBAR, spans, nomor_kolom=True, rata_tengah=(0, 3, 5))


def buat_sampel(draf: bool, jumlah_rhk: int = 14) -> bytes:
    story = [
        judul(
            [
                "SASARAN KINERJA PEGAWAI",
                "PENDEKATAN HASIL KERJA KUANTITATIF",
                "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
            ]
        ),
        baris_instansi_periode(KOP),
        tabel_identitas(PEGAWAI, PENILAI),
        tabel_label_nilai(
            [
                ("CAPAIAN KINERJA ORGANISASI", "BAIK"),
                ("POLA DISTRIBUSI", gambar_kurva([5, 15, 25, 45, 10])),
            ],
            lebar_label=0.28,
        ),
        subjudul("HASIL KERJA"),
        _tabel_hasil_kerja(jumlah_rhk),
        tabel_label_nilai(
            [
                (
                    "RATING HASIL KERJA",
                    pilihan_coret(
                        ["DI ATAS EKSPEKTASI", "SESUAI EKSPEKTASI", "DI BAWAH EKSPEKTASI"],
                        "Sesuai Ekspektasi",
                    ),
                ),
            ],
            lebar_label=0.28,
        ),
        subjudul("DUKUNGAN SUMBER DAYA"),
        daftar_bernomor(["Laptop & printer", "Akses <SIASN>", "Ruang kerja"]),
        blok_tanda_tangan(
            PenandaTangan("Pegawai yang Dinilai", PEGAWAI),
            PenandaTangan("Pejabat Penilai Kinerja", PENILAI),
            KOP,
            tampilkan_nama=not draf,
        ),
    ]
    buf = io.BytesIO()
    buat_dokumen(
        buf,
        story,
        judul_dokumen="Sasaran Kinerja Pegawai 2025",
        kode_dokumen=kode_dokumen("SKP", "3f2a9c1b-1111-2222-3333-444455556666"),
        kode_verifikasi=kode_verifikasi(_data_sampel(draf)),
        draf=draf,
        landscape=True,
    )
    return buf.getvalue()


@pytest.fixture(scope="module")
def pdf_final() -> bytes:
    return buat_sampel(draf=False)


@pytest.fixture(scope="module")
def pdf_draf() -> bytes:
    return buat_sampel(draf=True)


def _teks(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def test_tiga_halaman_dengan_nomor(pdf_final: bytes) -> None:
    halaman = _teks(pdf_final)
    assert len(halaman) == 3
    assert "Halaman 1 dari 3" in halaman[0]
    assert "Halaman 2 dari 3" in halaman[1]
    assert "Halaman 3 dari 3" in halaman[2]


def test_header_diulang_di_halaman_berikut(pdf_final: bytes) -> None:
    halaman = _teks(pdf_final)
    for teks in halaman:
        assert "RENCANA HASIL KERJA PIMPINAN YANG" in teks
        assert "(6)" in teks
    assert "PEGAWAI YANG DINILAI" not in halaman[1]


def test_rowspan_tidak_terpisah(pdf_final: bytes) -> None:
    # each RHK's three IKI rows stay on the page where the RHK starts
    halaman = _teks(pdf_final)
    for teks in halaman:
        n_kuantitas = teks.count("Jumlah dokumen analisis jabatan")
        n_waktu = teks.count("Jumlah bulan penyelesaian")
        assert n_kuantitas == n_waktu


def test_identitas_dan_nip_dikelompokkan(pdf_final: bytes) -> None:
    teks = _teks(pdf_final)
    assert "NIP" in teks[0] and "PANGKAT/GOL RUANG" in teks[0] and "UNIT KERJA" in teks[0]
    assert "19660801 198803 1 001" in teks[0]
    assert "199001012015032002" not in "".join(teks)
    assert "PEMERINTAH KABUPATEN TEBO" in teks[0]
    assert "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2025" in teks[0]


def test_tanda_tangan_final(pdf_final: bytes) -> None:
    akhir = _teks(pdf_final)[-1]
    assert "Muara Tebo, 31 Desember 2025" in akhir
    assert "Pegawai yang Dinilai" in akhir and "Pejabat Penilai Kinerja" in akhir
    assert "Drs. H. AHMAD SYUKRI, M.M." in akhir
    assert "NIP. 19660801 198803 1 001" in akhir
    assert "NIP. 19900101 201503 2 002" in akhir


def test_teks_pengguna_di_escape(pdf_final: bytes) -> None:
    semua = "".join(_teks(pdf_final))
    assert "Dra. SITI AMINAH & <Rekan>, M.Si." in semua
    assert "Akses <SIASN>" in semua


def test_draf_hanya_saat_draf(pdf_final: bytes, pdf_draf: bytes) -> None:
    assert "DRAF" not in "".join(_teks(pdf_final))
    assert b"(DRAF) Tj" not in _isi_mentah(pdf_final)
    for teks in _teks(pdf_draf):
        assert "DRAF" in teks
    assert b"(DRAF) Tj" in _isi_mentah(pdf_draf)


def test_draf_tanpa_nama_penanda_tangan(pdf_draf: bytes) -> None:
    akhir = _teks(pdf_draf)[-1]
    assert "Pejabat Penilai Kinerja" in akhir
    assert "NIP. 19660801" not in akhir
    assert "Drs. H. AHMAD SYUKRI, M.M.\n" not in akhir
    assert "......" in akhir


def _isi_mentah(pdf: bytes) -> bytes:
    r = PdfReader(io.BytesIO(pdf))
    return b"".join(p.get_contents().get_data() for p in r.pages)


def test_kode_verifikasi_terbaca_kembali(pdf_final: bytes, pdf_draf: bytes) -> None:
    kode = kode_verifikasi(_data_sampel(False))
    assert baca_kode_dari_pdf(pdf_final) == [("SKP-3F2A9C1B", kode)]
    assert baca_kode_dari_pdf(io.BytesIO(pdf_draf)) == [
        ("SKP-3F2A9C1B", kode_verifikasi(_data_sampel(True)))
    ]
    for teks in _teks(pdf_final):
        assert re.search(r"Dokumen: SKP-3F2A9C1B · Kode verifikasi: [0-9A-F-]{14}", teks)


def test_metadata_dan_berkas(tmp_path, pdf_final: bytes) -> None:
    info = PdfReader(io.BytesIO(pdf_final)).metadata
    assert info.title == "Sasaran Kinerja Pegawai 2025"
    assert info.author == "Kinerja Desktop"
    jalur = tmp_path / "dok.pdf"
    n = buat_dokumen(
        str(jalur),
        [judul(["DOKUMEN <UJI> & COBA"])],
        judul_dokumen="Uji",
        kode_dokumen="DEK-00000001",
        kode_verifikasi="ABCD-EF01-2345",
        draf=False,
    )
    assert n == 1
    assert baca_kode_dari_pdf(jalur) == [("DEK-00000001", "ABCD-EF01-2345")]
    assert "Halaman 1 dari 1" in _teks(jalur.read_bytes())[0]


def test_dokumen_evaluasi_pppk_dan_grafik_batang() -> None:
    story = [
        judul(["DOKUMEN EVALUASI KINERJA PEGAWAI"]),
        pilihan_coret(
            ["I", "II", "III", "IV-AKHIR"],
            "IV-AKHIR",
            awalan="PERIODE: TRIWULAN ",
            gaya_nama="judul",
        ),
        baris_instansi_periode(KOP),
        tabel_dokumen_evaluasi(
            [
                blok_identitas_baris("PEGAWAI YANG DINILAI", PPPK),
                blok_identitas_baris("PEJABAT PENILAI KINERJA", PENILAI),
                blok_identitas_baris("ATASAN PEJABAT PENILAI KINERJA", PENILAI),
                blok_identitas_baris("EVALUASI KINERJA", PENILAI).__class__(
                    "EVALUASI KINERJA",
                    (("CAPAIAN KINERJA ORGANISASI", "BAIK"), ("PREDIKAT KINERJA PEGAWAI", "BAIK")),
                ),
                blok_identitas_baris("x", PENILAI).__class__(
                    "CATATAN/REKOMENDASI", (("", "Pertahankan & tingkatkan <kinerja>."),)
                ),
            ]
        ),
        gambar_batang([1, 3, 10, 4, 0], ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "X"]),
        blok_tanda_tangan(
            PenandaTangan("Pegawai yang Dinilai,", PPPK),
            PenandaTangan("Pejabat Penilai Kinerja,", PENILAI),
            KOP,
            tanggal_kiri=True,
        ),
    ]
    buf = io.BytesIO()
    buat_dokumen(
        buf,
        story,
        judul_dokumen="Dokumen Evaluasi",
        kode_dokumen="DEK-12345678",
        kode_verifikasi="0000-1111-AAAA",
        draf=False,
    )
    teks = "".join(_teks(buf.getvalue()))
    assert "NI PPPK" in teks and "19920315 202321 2 001" in teks
    assert "NI PPPK. 19920315 202321 2 001" in teks
    assert teks.count("Muara Tebo, 31 Desember 2025") == 2
    assert "Pertahankan & tingkatkan <kinerja>." in teks


def test_lebar_eksplisit() -> None:
    t = tabel_identitas(PEGAWAI, PENILAI, LEBAR_LANSKAP)
    w, _ = t.wrap(LEBAR_LANSKAP, 1000)
    assert abs(w - LEBAR_LANSKAP) < 0.5
