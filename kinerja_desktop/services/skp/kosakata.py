"""The SKP vocabulary: pendekatan, varian, jenis RHK, aspek, perspektif, the Lampiran's parts
and their default text. The workflow states, labels and transitions are in domain/status.py."""

from __future__ import annotations

from kinerja_desktop.domain.status import StatusSkp

# the states, their labels, colours and transitions are in domain/status.py
DRAF, DIAJUKAN = StatusSkp.DRAF, StatusSkp.DIAJUKAN
DITETAPKAN, DIKEMBALIKAN = StatusSkp.DITETAPKAN, StatusSkp.DIKEMBALIKAN

KUANTITATIF, KUALITATIF = "KUANTITATIF", "KUALITATIF"
PENDEKATAN = (KUANTITATIF, KUALITATIF)
LABEL_PENDEKATAN = {KUANTITATIF: "Kuantitatif", KUALITATIF: "Kualitatif"}

UMUM, JPT = "UMUM", "JPT"


def varian_untuk(jenis_jabatan: str, pimpinan_unit_mandiri: bool) -> str:
    """A JPT, or a pimpinan unit kerja mandiri of any jabatan, gets the JPT forms (Lampiran:
    "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI")."""
    return JPT if jenis_jabatan == "JPT" or pimpinan_unit_mandiri else UMUM


UTAMA, TAMBAHAN = "UTAMA", "TAMBAHAN"
JENIS_RHK = (UTAMA, TAMBAHAN)
LABEL_JENIS_RHK = {UTAMA: "Utama", TAMBAHAN: "Tambahan"}

ASPEK = ("KUANTITAS", "KUALITAS", "WAKTU", "BIAYA")
LABEL_ASPEK = {a: a.title() for a in ASPEK}
PERSPEKTIF = ("Penerima Layanan", "Proses Bisnis", "Penguatan Internal", "Anggaran")

BAGIAN_LAMPIRAN = ("DUKUNGAN_SUMBER_DAYA", "SKEMA_PERTANGGUNGJAWABAN", "KONSEKUENSI")
JUDUL_LAMPIRAN = {
    "DUKUNGAN_SUMBER_DAYA": "DUKUNGAN SUMBER DAYA",
    "SKEMA_PERTANGGUNGJAWABAN": "SKEMA PERTANGGUNGJAWABAN",
    "KONSEKUENSI": "KONSEKUENSI",
}
LAMPIRAN_BAWAAN: dict[str, tuple[str, ...]] = {
    "DUKUNGAN_SUMBER_DAYA": (
        "Anggaran kegiatan sesuai Dokumen Pelaksanaan Anggaran (DPA) unit kerja tahun berjalan.",
        "Sarana dan prasarana kerja: komputer, printer, jaringan internet, dan ruang pelayanan.",
        "Dukungan data, informasi, dan koordinasi dari unit kerja serta instansi terkait.",
    ),
    "SKEMA_PERTANGGUNGJAWABAN": (
        "Realisasi kinerja dan bukti dukung didokumentasikan setiap bulan.",
        "Capaian kinerja dilaporkan kepada pejabat penilai kinerja setiap triwulan.",
        "Evaluasi kinerja tahunan dilakukan bersama pejabat penilai kinerja pada akhir periode.",
    ),
    "KONSEKUENSI": (
        "Capaian kinerja menjadi dasar pemberian tambahan penghasilan pegawai sesuai ketentuan.",
        "Kinerja di bawah ekspektasi ditindaklanjuti dengan bimbingan dan konseling kinerja.",
        "Hasil evaluasi kinerja menjadi dasar pengembangan kompetensi dan karier pegawai.",
    ),
}

PESAN_TANPA_SKP_PIMPINAN = (
    "Pejabat penilai {nama} belum memiliki SKP yang ditetapkan untuk periode ini; "
    "RHK pimpinan belum dapat dipilih."
)
