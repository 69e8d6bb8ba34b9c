"""SIASN's own vocabulary read into the program's (domain.md §2a): the jenis jabatan of a
"Jabatan Struktural" row, and what its KEDUDUKAN HUKUM means for the pegawai's status.

An import must never refuse a real person for his jabatan: what cannot be read for sure is
imported with a note ("perkiraan, periksa" / "perlu dilengkapi") for the operator's worklist.
"""

from __future__ import annotations

import re
from enum import StrEnum

from kinerja_desktop.domain.enums import JenisJabatan

CATATAN_PERKIRAAN = "jenis jabatan perkiraan, periksa"
CATATAN_ESELON_V = "eselon V diperlakukan sebagai Pengawas, periksa"
CATATAN_JENIS = "jenis jabatan perlu dilengkapi"
CATATAN_JENJANG = "jenjang perlu dilengkapi"

_ESELON = {
    "i": JenisJabatan.JPT,
    "ii": JenisJabatan.JPT,
    "iii": JenisJabatan.ADMINISTRATOR,
    "iv": JenisJabatan.PENGAWAS,
    "v": JenisJabatan.PENGAWAS,
}
_ANGKA = {"1": "i", "2": "ii", "3": "iii", "4": "iv", "5": "v"}

# JABATAN NAMA prefixes → jenis jabatan, checked in this order (longer phrases first, so that
# "Sekretaris Daerah" is not read as a "Sekretaris Dinas").
_DARI_NAMA: tuple[tuple[str, JenisJabatan], ...] = (
    ("sekretaris daerah", JenisJabatan.JPT),
    ("sekretaris dprd", JenisJabatan.JPT),
    ("asisten", JenisJabatan.JPT),
    ("staf ahli", JenisJabatan.JPT),
    ("inspektur", JenisJabatan.JPT),
    ("kepala dinas", JenisJabatan.JPT),
    ("kepala badan", JenisJabatan.JPT),
    ("kepala seksi", JenisJabatan.PENGAWAS),
    ("kepala sub bagian", JenisJabatan.PENGAWAS),
    ("kepala subbagian", JenisJabatan.PENGAWAS),
    ("kepala sub bidang", JenisJabatan.PENGAWAS),
    ("kepala subbidang", JenisJabatan.PENGAWAS),
    ("kasubag", JenisJabatan.PENGAWAS),
    ("kasi", JenisJabatan.PENGAWAS),
    ("lurah", JenisJabatan.PENGAWAS),
    ("kepala upt", JenisJabatan.PENGAWAS),
    ("kepala unit pelaksana teknis", JenisJabatan.PENGAWAS),
    ("sekretaris camat", JenisJabatan.ADMINISTRATOR),
    ("sekretaris kecamatan", JenisJabatan.ADMINISTRATOR),
    ("camat", JenisJabatan.ADMINISTRATOR),
    ("kepala bagian", JenisJabatan.ADMINISTRATOR),
    ("kepala bidang", JenisJabatan.ADMINISTRATOR),
    ("sekretaris dinas", JenisJabatan.ADMINISTRATOR),
    ("sekretaris badan", JenisJabatan.ADMINISTRATOR),
    ("sekretaris", JenisJabatan.ADMINISTRATOR),
)


def _kunci(teks: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", (teks or "").lower()).strip()


def tingkat_eselon(eselon: str | None) -> str | None:
    """ "II.a", "Eselon III/b", "4", "IV.A" → "ii", "iii", "iv"; V included; else None."""
    kata = _kunci(eselon).replace("eselon", "").split()
    if not kata:
        return None
    t = _ANGKA.get(kata[0][:1], kata[0])
    # "iia" / "iva" written without a separator
    m = re.fullmatch(r"(iv|v|i{1,3})[ab]?", t)
    return m.group(1) if m else None


def jenis_struktural(eselon: str | None, jabatan: str | None) -> tuple[JenisJabatan, str | None]:
    """The jenis jabatan of a "Jabatan Struktural" row and the note for the worklist (None when
    firm). Eselon decides; without one the jabatan's name; failing both, Pelaksana with
    "perlu dilengkapi" so the person is imported all the same."""
    t = tingkat_eselon(eselon)
    if t is not None:
        return _ESELON[t], (CATATAN_ESELON_V if t == "v" else None)
    nama = _kunci(jabatan)
    for awal, jenis in _DARI_NAMA:
        if nama == awal or nama.startswith(awal + " "):
            return jenis, CATATAN_PERKIRAAN
    return JenisJabatan.PELAKSANA, CATATAN_JENIS


class Kedudukan(StrEnum):
    """What a KEDUDUKAN HUKUM does to the pegawai (domain.md §2a)."""

    AKTIF = "AKTIF"  # normal duties
    SEMENTARA = "SEMENTARA"  # kept, out of SKP duties, boards and distributions
    KELUAR = "KELUAR"  # deactivated with the reason


KEDUDUKAN_BAWAAN: dict[str, Kedudukan] = {
    "aktif": Kedudukan.AKTIF,
    "hukuman disiplin": Kedudukan.AKTIF,
    "proses banding bapek": Kedudukan.AKTIF,
    "cltn": Kedudukan.SEMENTARA,
    "perpanjangan cltn": Kedudukan.SEMENTARA,
    "tugas belajar": Kedudukan.SEMENTARA,
    "pemberhentian sementara": Kedudukan.SEMENTARA,
    "penerima uang tunggu": Kedudukan.SEMENTARA,
    "masa persiapan pensiun": Kedudukan.SEMENTARA,
    "pejabat negara": Kedudukan.SEMENTARA,
    "wajib militer": Kedudukan.SEMENTARA,
    "non aktif": Kedudukan.SEMENTARA,
    "pns yang dinyatakan hilang": Kedudukan.SEMENTARA,
    "pensiun": Kedudukan.KELUAR,
    "meninggal": Kedudukan.KELUAR,
    "diberhentikan": Kedudukan.KELUAR,
    "pemberhentian": Kedudukan.KELUAR,
    "berhenti atas permintaan sendiri": Kedudukan.KELUAR,
}

# The temporary absences of the table above as SIASN writes them, offered when the operator
# marks a pegawai bebas tugas by hand (the pegawai form).
ALASAN_BEBAS_TUGAS: tuple[str, ...] = (
    "CLTN",
    "Perpanjangan CLTN",
    "Tugas Belajar",
    "Pemberhentian Sementara",
    "Penerima Uang Tunggu",
    "Masa Persiapan Pensiun",
    "Pejabat Negara",
    "Wajib Militer",
)


def kunci_kedudukan(nama: str | None) -> str:
    """The table's key for a KEDUDUKAN HUKUM NAMA (case and punctuation ignored)."""
    return _kunci(nama)


def kedudukan(nama: str | None, tabel: dict[str, Kedudukan] | None = None) -> Kedudukan:
    """The treatment of a KEDUDUKAN HUKUM NAMA; empty or unknown keeps normal duties."""
    k = _kunci(nama)
    if not k:
        return Kedudukan.AKTIF
    t = tabel if tabel is not None else KEDUDUKAN_BAWAAN
    if k in t:
        return t[k]
    # "Pemberhentian dengan hormat …", "Meninggal Dunia": the longest known prefix decides
    for awal in sorted(t, key=len, reverse=True):
        if k.startswith(awal + " "):
            return t[awal]
    return Kedudukan.AKTIF
