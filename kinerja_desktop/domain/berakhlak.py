"""The seven BerAKHLAK core values and their panduan perilaku (SE MenPAN-RB 20/2021).

The texts are printed on the SKP and evaluation forms, so they must stay word for word.
"""

from __future__ import annotations

from dataclasses import dataclass

from kinerja_desktop.domain.errors import ValidationError


@dataclass(frozen=True)
class NilaiPerilaku:
    kode: str
    nama: str
    panduan: tuple[str, str, str]


BERAKHLAK: tuple[NilaiPerilaku, ...] = (
    NilaiPerilaku(
        "BERORIENTASI_PELAYANAN",
        "Berorientasi Pelayanan",
        (
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ),
    ),
    NilaiPerilaku(
        "AKUNTABEL",
        "Akuntabel",
        (
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan "
            "berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, "
            "dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ),
    ),
    NilaiPerilaku(
        "KOMPETEN",
        "Kompeten",
        (
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ),
    ),
    NilaiPerilaku(
        "HARMONIS",
        "Harmonis",
        (
            "Menghargai setiap orang apapun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ),
    ),
    NilaiPerilaku(
        "LOYAL",
        "Loyal",
        (
            "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia "
            "Tahun 1945, setia kepada NKRI serta pemerintahan yang sah",
            "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
            "Menjaga rahasia jabatan dan negara",
        ),
    ),
    NilaiPerilaku(
        "ADAPTIF",
        "Adaptif",
        (
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ),
    ),
    NilaiPerilaku(
        "KOLABORATIF",
        "Kolaboratif",
        (
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
        ),
    ),
)

_PER_KODE = {n.kode: n for n in BERAKHLAK}
KODE_BERAKHLAK: tuple[str, ...] = tuple(_PER_KODE)


def nilai_perilaku(kode: str) -> NilaiPerilaku:
    try:
        return _PER_KODE[kode]
    except KeyError:
        raise ValidationError(
            f"Nilai perilaku {kode!r} tidak dikenal. Yang berlaku: " + ", ".join(_PER_KODE) + ".",
            kolom="Perilaku Kerja",
        ) from None
