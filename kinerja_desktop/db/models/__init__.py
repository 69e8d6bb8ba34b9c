"""All models, imported so that Base.metadata knows every table."""

from kinerja_desktop.db.models.akun import Akun, AuditLog, Segel
from kinerja_desktop.db.models.evaluasi import (
    DokumenCetak,
    Evaluasi,
    EvaluasiPerilaku,
    Keberatan,
    PredikatOrganisasi,
    RiwayatEvaluasi,
)
from kinerja_desktop.db.models.organisasi import Pegawai, Pengaturan, PenugasanPenilai, UnitKerja
from kinerja_desktop.db.models.pemantauan import (
    BerkasBukti,
    BuktiDukung,
    FrasaUmpanBalik,
    Periode,
    ProgresHarian,
    Realisasi,
    RencanaAksi,
    UmpanBalik,
)
from kinerja_desktop.db.models.pengguna import PengaturanAkun, UmpanBalikDibaca
from kinerja_desktop.db.models.skp import (
    EkspektasiPerilaku,
    Indikator,
    LampiranSkp,
    PustakaRhk,
    RencanaHasilKerja,
    RiwayatSkp,
    Skp,
)

__all__ = [
    "Akun",
    "AuditLog",
    "BerkasBukti",
    "BuktiDukung",
    "DokumenCetak",
    "EkspektasiPerilaku",
    "Evaluasi",
    "EvaluasiPerilaku",
    "FrasaUmpanBalik",
    "Indikator",
    "Keberatan",
    "LampiranSkp",
    "Pegawai",
    "Pengaturan",
    "PengaturanAkun",
    "PenugasanPenilai",
    "Periode",
    "PredikatOrganisasi",
    "ProgresHarian",
    "PustakaRhk",
    "Realisasi",
    "RencanaAksi",
    "RencanaHasilKerja",
    "RiwayatEvaluasi",
    "RiwayatSkp",
    "Segel",
    "Skp",
    "UmpanBalik",
    "UmpanBalikDibaca",
    "UnitKerja",
]
