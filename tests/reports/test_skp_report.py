"""The printed SKP: read the text back with pypdf."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.reports.common import baca_kode_dari_pdf
from kinerja_desktop.reports.skp import (
    IdentitasCetak,
    IkiCetak,
    KopDokumen,
    PerilakuCetak,
    RhkCetak,
    SkpCetak,
    render_skp,
)
from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.cetak import verifikasi_kode
from tests.unit.test_skp_kantor import kantor_kecil
from tests.unit.test_skp_services import go, skp_lengkap, tetapkan


def teks_halaman(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def rapat(t: str) -> str:
    return " ".join(t.split())


@pytest.fixture
def k(session):
    return kantor_kecil(session)


def test_ditetapkan_skp_prints_form(db, k, session):
    camat = tetapkan(db, k, k.kasi, k.camat)
    rhk_kasi = go(db, k.actor(k.kasi), svc.detail_skp, camat.id).rhk[0]
    s = skp_lengkap(db, k, k.staf, intervensi=rhk_kasi.id, jumlah_rhk=2)
    a = k.actor(k.staf)
    t = go(db, a, svc.tambah_rhk, s.id, "Membantu kegiatan pemilu", svc.TAMBAHAN)
    go(db, a, svc.tambah_indikator, t.id, "Laporan kegiatan", "KUANTITAS", 1, "Laporan")
    go(db, k.actor(k.kasi), svc.ubah_ekspektasi, s.id, "KOLABORATIF", "Aktif berkoordinasi")
    go(db, a, svc.ajukan_skp, s.id)
    go(db, k.actor(k.kasi), svc.tetapkan_skp, s.id)
    pdf = go(db, a, svc.cetak_skp, s.id)
    halaman = teks_halaman(pdf)
    assert len(halaman) == 3  # the form (two pages) and the Lampiran page
    h1 = rapat(halaman[0] + halaman[1])
    for teks in (
        "SASARAN KINERJA PEGAWAI",
        "PENDEKATAN HASIL KERJA KUANTITATIF",
        "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL",
        "PEMERINTAH KABUPATEN TEBO",
        "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2025",
        "PEGAWAI YANG DINILAI",
        "PEJABAT PENILAI KINERJA",
        "Siti Aminah, A.Md.",
        "Joko Prasetyo, S.IP.",
        "Penata Muda, III/a",
        "HASIL KERJA",
        "A. UTAMA",
        "B. TAMBAHAN",
        "(1) (2) (3) (4) (5) (6)",
        "PERILAKU KERJA",
        "Ekspektasi Khusus Pimpinan",
        "Aktif berkoordinasi",
        "12 Dokumen",
        "Muara Tebo",
    ):
        assert teks in h1, teks
    nip = k.staf.nip
    assert f"NIP. {nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}" in h1
    assert re.search(r"\d{8} \d{6} \d \d{3}", h1)
    # RHK rows in order, the superior's RHK printed in column (2)
    i1 = h1.index("RHK Siti Aminah 1")
    i2 = h1.index("RHK Siti Aminah 2")
    i3 = h1.index("Membantu kegiatan pemilu")
    assert i1 < i2 < i3
    assert rhk_kasi.uraian in h1
    # the seven values in order
    posisi = [h1.index(n.nama) for n in BERAKHLAK]
    assert posisi == sorted(posisi)
    assert "DRAF" not in h1
    # identity table + 2 footers + signature on the form (page 2)
    assert h1.count("Siti Aminah, A.Md.") == 4
    h2 = rapat(halaman[2])
    assert "LAMPIRAN SASARAN KINERJA PEGAWAI" in h2
    assert "LAMPIRAN" not in h1
    for judul in ("DUKUNGAN SUMBER DAYA", "SKEMA PERTANGGUNGJAWABAN", "KONSEKUENSI"):
        assert judul in h2
    assert "Halaman 3 dari 3" in h2
    # footer code registered and verifiable
    kode = baca_kode_dari_pdf(pdf)
    assert len(kode) == 1 and kode[0][0].startswith("SKP-")
    hasil = go(db, a, verifikasi_kode, *kode[0])
    assert hasil.cocok, hasil.pesan


def test_draf_watermark_and_no_names(db, k):
    s = skp_lengkap(db, k, k.staf)
    pdf = go(db, k.actor(k.staf), svc.cetak_skp, s.id)
    h1 = rapat(" ".join(teks_halaman(pdf)))
    assert "DRAF" in h1
    assert "NIP. ......" in h1
    # the name is in the identity table and each page's footer, not under the signatures
    assert h1.count("Siti Aminah, A.Md.") == 1 + len(teks_halaman(pdf))


def test_snapshot_not_live_data(db, k, session):
    s = skp_lengkap(db, k, k.staf)
    staf = session.get(type(k.staf), k.staf.id)
    staf.jabatan = "Jabatan Baru Setelah Mutasi"
    session.commit()
    pdf = go(db, k.actor(k.staf), svc.cetak_skp, s.id)
    h1 = rapat(" ".join(teks_halaman(pdf)))
    assert "Pengadministrasi Pemerintahan" in h1
    assert "Jabatan Baru Setelah Mutasi" not in h1


def _identitas(nama: str, nip: str) -> IdentitasCetak:
    return IdentitasCetak(nama, nip, "Penata, III/c", "Analis", "Kecamatan Tebo Tengah")


def data_panjang(jumlah_rhk: int = 14, **kw) -> SkpCetak:
    rhk = tuple(
        RhkCetak(
            "UTAMA" if n < jumlah_rhk - 2 else "TAMBAHAN",
            n + 1 if n < jumlah_rhk - 2 else n - jumlah_rhk + 3,
            f"Rencana hasil kerja nomor {n + 1} tentang pelayanan administrasi kependudukan "
            "dan pelayanan terpadu kecamatan yang cukup panjang uraiannya",
            intervensi=f"RHK pimpinan {n + 1}",
            perspektif="Proses Bisnis",
            indikator=tuple(
                IkiCetak(a, f"Indikator {n + 1}.{j + 1} jumlah dokumen yang diselesaikan", t)
                for j, (a, t) in enumerate(
                    [("Kuantitas", "12 Dokumen"), ("Kualitas", "100 %"), ("Waktu", "12 Bulan")]
                )
            ),
        )
        for n in range(jumlah_rhk)
    )
    base = dict(
        kop=KopDokumen(
            "PEMERINTAH KABUPATEN TEBO",
            "1 JANUARI SD 31 DESEMBER TAHUN 2025",
            "Muara Tebo",
            date(2025, 1, 2),
        ),
        pegawai=_identitas("Pegawai Contoh, S.E.", "199001012015032002"),
        penilai=_identitas("Drs. H. Ahmad Syukri, M.M.", "196608011988031001"),
        pendekatan="KUANTITATIF",
        jpt=False,
        ditetapkan=True,
        rhk=rhk,
        perilaku=tuple(PerilakuCetak(n.nama, n.panduan, "") for n in BERAKHLAK),
        lampiran=(
            ("DUKUNGAN SUMBER DAYA", ("Anggaran",)),
            ("SKEMA PERTANGGUNGJAWABAN", ("Laporan",)),
            ("KONSEKUENSI", ("Tunjangan",)),
        ),
        kode_dokumen="SKP-1234ABCD",
        kode_verifikasi="AAAA-BBBB-CCCC",
    )
    base.update(kw)
    return SkpCetak(**base)


def test_three_page_skp_repeats_header_and_keeps_rows(tmp_path):
    pdf = render_skp(data_panjang(8), tmp_path / "panjang.pdf")
    halaman = [rapat(t) for t in teks_halaman(pdf)]
    assert len(halaman) == 3
    assert "Halaman 3 dari 3" in halaman[2]
    assert "Halaman 1 dari 3" in halaman[0]
    # the table header repeats on page 2
    assert "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI" in halaman[1]
    assert "(1) (2) (3) (4) (5) (6)" in halaman[1]
    # no RHK is split: all three IKI of each RHK are on the page of the RHK
    for n in range(1, 9):
        pages = {i for i, h in enumerate(halaman) for j in (1, 2, 3) if f"Indikator {n}.{j} " in h}
        assert len(pages) == 1, (n, pages)
    assert (tmp_path / "panjang.pdf").read_bytes() == pdf
    assert "LAMPIRAN SASARAN KINERJA PEGAWAI" in halaman[2]


def test_variants_kualitatif_and_jpt():
    kual = rapat(teks_halaman(render_skp(data_panjang(3, pendekatan="KUALITATIF")))[0])
    assert "PENDEKATAN HASIL KERJA KUALITATIF" in kual
    assert "UKURAN KEBERHASILAN / INDIKATOR KINERJA INDIVIDU, DAN TARGET" in kual
    assert "(5)" in kual and "(6)" not in kual
    jpt = rapat(teks_halaman(render_skp(data_panjang(3, jpt=True)))[0])
    assert "BAGI PEJABAT PIMPINAN TINGGI" in jpt
    assert "PERSPEKTIF" in jpt and "Proses Bisnis" in jpt
    assert "DIINTERVENSI" not in jpt and "ASPEK" not in jpt
