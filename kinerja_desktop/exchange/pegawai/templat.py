"""The empty roster template ('Unduh template'): its columns, which the import reads and the
export extends, and the instructions sheet."""

from __future__ import annotations

import os

from kinerja_desktop.exchange.tabular import KolomEkspor, write_template_xlsx

KOLOM_TEMPLATE = [
    KolomEkspor("NIP", 22, teks=True),
    KolomEkspor("NAMA", 28),
    KolomEkspor("GELAR DEPAN", 13),
    KolomEkspor("GELAR BELAKANG", 17),
    KolomEkspor("TANGGAL LAHIR", 14, format_tanggal=True),
    KolomEkspor("JENIS KELAMIN", 10),
    KolomEkspor("STATUS", 9),
    KolomEkspor("GOLONGAN", 11),
    KolomEkspor("JABATAN", 40),
    KolomEkspor("JENIS JABATAN", 16),
    KolomEkspor("JENJANG", 14),
    KolomEkspor("UNIT KERJA", 38),
    KolomEkspor("UNIT INDUK", 32),
    KolomEkspor("ATASAN NIP", 22, teks=True),
]

PETUNJUK = [
    "Isi satu pegawai per baris pada lembar 'Data', mulai baris 2. Judul kolom di baris 1 "
    "jangan diubah; kolom tambahan boleh ada dan akan diabaikan.",
    "NIP: 18 digit (PNS/CPNS) atau NI PPPK 18 digit. Kolom ini sudah berformat Teks; jangan "
    "ubah menjadi angka, karena Excel membulatkan angka 18 digit (digit terakhir hilang). "
    "Spasi di dalam NIP boleh, misalnya 19660801 198803 1 001.",
    "NAMA: tanpa gelar. GELAR DEPAN / GELAR BELAKANG: misalnya Drs. / S.Kom., M.Si.",
    "TANGGAL LAHIR: tanggal Excel atau teks 31-12-1990. Boleh kosong: diambil dari NIP. "
    "Harus sama dengan tanggal lahir pada NIP.",
    "JENIS KELAMIN: L atau P. Boleh kosong: diambil dari digit ke-15 NIP.",
    "STATUS: PNS, CPNS, atau PPPK.",
    "GOLONGAN: untuk PNS/CPNS I/a sampai IV/e (misalnya III/b); untuk PPPK I sampai XVII "
    "(misalnya IX).",
    "JENIS JABATAN: JPT, Administrator, Pengawas, Pelaksana, atau Fungsional. JENJANG wajib "
    "untuk Fungsional: Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama, Terampil, Mahir, atau "
    "Penyelia.",
    "UNIT KERJA: nama unit. Unit yang belum ada dibuat otomatis; isi UNIT INDUK agar unit baru "
    "ditempatkan di bawah unit induknya (atau bila ada dua unit bernama sama).",
    "ATASAN NIP: NIP atasan langsung (pejabat penilai). Atasan boleh berada di baris lain "
    "berkas yang sama. Berlaku mulai tanggal yang dipilih saat impor (bawaan 1 Januari tahun "
    "berjalan).",
    "Contoh baris: 19850909 200901 1 004 | Dedi Kurniawan | | S.Kom. | 09-09-1985 | L | PNS | "
    "III/c | Kepala Subbagian Umum dan Kepegawaian | Pengawas | | Subbagian Umum dan "
    "Kepegawaian | Sekretariat Kecamatan | 19750823 200012 2 001",
    "Pegawai dicocokkan menurut NIP: baris dengan NIP yang sudah ada memperbarui data pegawai "
    "itu; mengimpor berkas yang sama dua kali tidak mengubah apa pun.",
]


def tulis_template(path: str | os.PathLike[str]) -> None:
    """The empty template (sheet Data + Petunjuk) for 'Unduh template'."""
    write_template_xlsx(path, KOLOM_TEMPLATE, PETUNJUK, [])
