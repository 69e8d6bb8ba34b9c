"""The roster's columns: the header spellings the import accepts, the labels the preview and
its errors use (template or SIASN wording), and how a stored value is shown."""

from __future__ import annotations

from datetime import date

from kinerja_desktop.domain import nip as nip_mod
from kinerja_desktop.domain.enums import JenisJabatan, JenisKelamin, JenjangFungsional
from kinerja_desktop.domain.golongan import label_pangkat_golongan
from kinerja_desktop.services import pegawai as svc

# canonical column -> header spellings accepted (template first, then SIASN)
KOLOM_DIKENAL: dict[str, tuple[str, ...]] = {
    "nip": ("NIP", "NIP BARU", "NIP/NI PPPK", "NI PPPK", "NIP PEGAWAI"),
    "nama": ("NAMA", "NAMA PEGAWAI"),
    "gelar_depan": ("GELAR DEPAN",),
    "gelar_belakang": ("GELAR BELAKANG",),
    "tanggal_lahir": ("TANGGAL LAHIR", "TGL LAHIR"),
    "jenis_kelamin": ("JENIS KELAMIN", "JK"),
    "status": ("STATUS", "STATUS PEGAWAI", "JENIS PEGAWAI NAMA"),
    "status_cpns": ("STATUS CPNS PNS",),
    "golongan": ("GOLONGAN", "PANGKAT/GOLONGAN", "GOL RUANG", "GOL AKHIR NAMA"),
    "jabatan": ("JABATAN", "NAMA JABATAN", "JABATAN NAMA"),
    "jenis_jabatan": ("JENIS JABATAN", "JENIS JABATAN NAMA"),
    "eselon": ("ESELON", "ESELON NAMA"),
    "eselon_id": ("ESELON ID",),
    "kedudukan_hukum": ("KEDUDUKAN HUKUM NAMA", "KEDUDUKAN HUKUM"),
    "jenjang": ("JENJANG", "JENJANG JABATAN"),
    "unit": ("UNIT KERJA", "UNOR NAMA"),
    "unit_kode": ("KODE UNIT", "UNOR ID"),
    "unit_induk": ("UNIT INDUK", "UNOR INDUK NAMA"),
    "unit_induk_kode": ("UNOR INDUK ID",),
    "atasan_nip": ("ATASAN NIP", "NIP ATASAN", "NIP ATASAN LANGSUNG"),
    "pns_id": ("PNS ID",),
}
WAJIB = ("nip", "nama", "status", "golongan", "jabatan", "jenis_jabatan", "unit")

LABEL_TEMPLATE = {
    "nip": "NIP",
    "nama": "NAMA",
    "gelar_depan": "GELAR DEPAN",
    "gelar_belakang": "GELAR BELAKANG",
    "tanggal_lahir": "TANGGAL LAHIR",
    "jenis_kelamin": "JENIS KELAMIN",
    "status": "STATUS",
    "golongan": "GOLONGAN",
    "jabatan": "JABATAN",
    "jenis_jabatan": "JENIS JABATAN",
    "jenjang": "JENJANG",
    "unit": "UNIT KERJA",
    "unit_induk": "UNIT INDUK",
    "atasan_nip": "ATASAN NIP",
    "eselon": "ESELON",
    "kedudukan_hukum": "KEDUDUKAN HUKUM",
    "unit_kode": "KODE UNIT",
    "pns_id": "PNS ID",
}
LABEL_SIASN = {
    **LABEL_TEMPLATE,
    "nip": "NIP BARU",
    "status": "JENIS PEGAWAI NAMA",
    "golongan": "GOL AKHIR NAMA",
    "jabatan": "JABATAN NAMA",
    "jenis_jabatan": "JENIS JABATAN NAMA",
    "jenjang": "JABATAN NAMA",
    "unit": "UNOR NAMA",
    "unit_induk": "UNOR INDUK NAMA",
    "eselon": "ESELON NAMA",
    "kedudukan_hukum": "KEDUDUKAN HUKUM NAMA",
    "unit_kode": "UNOR ID",
    "status_cpns": "STATUS CPNS PNS",
}

# What the preview shows when a field changes.
LABEL_PERUBAHAN = {
    "nama": "Nama",
    "gelar_depan": "Gelar depan",
    "gelar_belakang": "Gelar belakang",
    "tanggal_lahir": "Tanggal lahir",
    "jenis_kelamin": "Jenis kelamin",
    "status": "Status",
    "golongan": "Pangkat/golongan",
    "jabatan": "Jabatan",
    "jenis_jabatan": "Jenis jabatan",
    "jenjang": "Jenjang",
    "unit": "Unit kerja",
    "pns_id": "PNS ID",
    "atasan": "Atasan langsung",
    "kedudukan_hukum": "Kedudukan hukum",
    "aktif": "Keaktifan",
    "perlu_dilengkapi": "Perlu dilengkapi",
}
# The pegawai's data columns an import compares: all but the NIP (the key) and nama_cari
# (derived from nama).
BANDINGKAN = tuple(k for k in svc.KOLOM_DATA if k not in ("nip", "nama_cari"))

# Stored as the enum value, shown as its label.
ENUM_TAMPIL: dict[str, type[JenisJabatan] | type[JenjangFungsional] | type[JenisKelamin]] = {
    "jenis_jabatan": JenisJabatan,
    "jenjang": JenjangFungsional,
    "jenis_kelamin": JenisKelamin,
}


def tampil(kunci: str, nilai: object, status: str | None = None) -> str:
    if nilai is None or nilai == "":
        return ""
    if isinstance(nilai, date):
        return f"{nilai:%d-%m-%Y}"
    if kunci in ENUM_TAMPIL:
        try:
            return ENUM_TAMPIL[kunci](str(nilai)).label
        except ValueError:
            return str(nilai)
    if kunci == "golongan" and status:
        return label_pangkat_golongan(str(nilai), status)
    return str(nilai)


def atasan_label(nama: str | None, nip: str | None) -> str:
    if not nip:
        return ""
    return f"{nama} ({nip_mod.format_nip(nip)})" if nama else nip_mod.format_nip(nip)
