"""Enumerations of the domain and tolerant parsers for values typed by users or from SIASN."""

from __future__ import annotations

import re
from enum import StrEnum

from kinerja_desktop.domain.errors import ValidationError


def _kunci(text: object) -> str:
    """Lower-case, collapse punctuation and spaces, so "Laki-laki" == "laki laki"."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", str(text or "").lower()).split())


class StatusPegawai(StrEnum):
    PNS = "PNS"
    CPNS = "CPNS"
    PPPK = "PPPK"

    @property
    def label(self) -> str:
        return _LABEL_STATUS[self]


_LABEL_STATUS = {
    StatusPegawai.PNS: "PNS",
    StatusPegawai.CPNS: "CPNS",
    StatusPegawai.PPPK: "PPPK",
}


class JenisKelamin(StrEnum):
    PRIA = "L"
    WANITA = "P"

    @property
    def label(self) -> str:
        return "Laki-laki" if self is JenisKelamin.PRIA else "Perempuan"


class JenisJabatan(StrEnum):
    JPT = "JPT"
    ADMINISTRATOR = "ADMINISTRATOR"
    PENGAWAS = "PENGAWAS"
    PELAKSANA = "PELAKSANA"
    FUNGSIONAL = "FUNGSIONAL"

    @property
    def label(self) -> str:
        return _LABEL_JABATAN[self]


_LABEL_JABATAN = {
    JenisJabatan.JPT: "Jabatan Pimpinan Tinggi",
    JenisJabatan.ADMINISTRATOR: "Administrator",
    JenisJabatan.PENGAWAS: "Pengawas",
    JenisJabatan.PELAKSANA: "Pelaksana",
    JenisJabatan.FUNGSIONAL: "Fungsional",
}


class JenjangFungsional(StrEnum):
    AHLI_PERTAMA = "AHLI_PERTAMA"
    AHLI_MUDA = "AHLI_MUDA"
    AHLI_MADYA = "AHLI_MADYA"
    AHLI_UTAMA = "AHLI_UTAMA"
    PEMULA = "PEMULA"
    TERAMPIL = "TERAMPIL"
    MAHIR = "MAHIR"
    PENYELIA = "PENYELIA"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").title()


def parse_jenjang_fungsional(text: object) -> JenjangFungsional:
    """Accept "Ahli Pertama", "AHLI_PERTAMA", "ahli-pertama"; also a jabatan name ending in it."""
    kunci = _kunci(text)
    # Longest labels first is not needed: no label is a suffix of another.
    for jenjang in JenjangFungsional:
        label = _kunci(jenjang.label)
        if kunci == label or kunci.endswith(" " + label):
            return jenjang
    raise ValidationError(
        f"Jenjang jabatan fungsional tidak dikenal: {text!r}. Pilih salah satu: "
        + ", ".join(j.label for j in JenjangFungsional)
        + ".",
        kolom="Jenjang",
    )


def parse_status(text: object) -> StatusPegawai:
    """Status from the app's values or SIASN "JENIS PEGAWAI NAMA" ("PNS Daerah", "PPPK Pusat")."""
    kunci = _kunci(text)
    kata = kunci.split()
    if "cpns" in kata or kunci.startswith("calon pegawai negeri"):
        return StatusPegawai.CPNS
    if "pppk" in kata or "p3k" in kata or "perjanjian kerja" in kunci:
        return StatusPegawai.PPPK
    if "pns" in kata or kunci.startswith("pegawai negeri sipil"):
        return StatusPegawai.PNS
    raise ValidationError(
        f"Status pegawai tidak dikenal: {text!r}. Isi PNS, CPNS, atau PPPK.", kolom="Status"
    )


_JK = {
    "l": JenisKelamin.PRIA,
    "laki laki": JenisKelamin.PRIA,
    "lakilaki": JenisKelamin.PRIA,
    "laki": JenisKelamin.PRIA,
    "pria": JenisKelamin.PRIA,
    "1": JenisKelamin.PRIA,
    "m": JenisKelamin.PRIA,
    "male": JenisKelamin.PRIA,
    "p": JenisKelamin.WANITA,
    "perempuan": JenisKelamin.WANITA,
    "wanita": JenisKelamin.WANITA,
    "2": JenisKelamin.WANITA,
    "f": JenisKelamin.WANITA,
    "female": JenisKelamin.WANITA,
}


def parse_jenis_kelamin(text: object) -> JenisKelamin:
    kunci = _kunci(text)
    if kunci in _JK:
        return _JK[kunci]
    raise ValidationError(
        f"Jenis kelamin tidak dikenal: {text!r}. Isi L (Laki-laki) atau P (Perempuan).",
        kolom="Jenis Kelamin",
    )


def _eselon(kunci: str) -> JenisJabatan | None:
    """Eselon I/II are JPT, III Administrator, IV Pengawas (UU ASN equivalence)."""
    m = re.search(r"\beselon (iv|iii|ii|i|4|3|2|1)\b", kunci)
    if not m:
        return None
    return {
        "i": JenisJabatan.JPT,
        "1": JenisJabatan.JPT,
        "ii": JenisJabatan.JPT,
        "2": JenisJabatan.JPT,
        "iii": JenisJabatan.ADMINISTRATOR,
        "3": JenisJabatan.ADMINISTRATOR,
        "iv": JenisJabatan.PENGAWAS,
        "4": JenisJabatan.PENGAWAS,
    }[m.group(1)]


def parse_jenis_jabatan(text: object) -> JenisJabatan:
    """Jenis jabatan from the app's values/labels or SIASN "JENIS JABATAN NAMA"."""
    kunci = _kunci(text)
    for jenis in JenisJabatan:
        if kunci in (_kunci(jenis.value), _kunci(jenis.label)):
            return jenis
    # Order matters: "fungsional umum" is the old name of pelaksana, so test it first.
    if "fungsional umum" in kunci or "pelaksana" in kunci:
        return JenisJabatan.PELAKSANA
    if "fungsional" in kunci:
        return JenisJabatan.FUNGSIONAL
    if "pimpinan tinggi" in kunci or re.search(r"\bjpt\b", kunci):
        return JenisJabatan.JPT
    if "administrator" in kunci:
        return JenisJabatan.ADMINISTRATOR
    if "pengawas" in kunci:
        return JenisJabatan.PENGAWAS
    eselon = _eselon(kunci)
    if eselon is not None:
        return eselon
    if "struktural" in kunci:
        raise ValidationError(
            f"Jenis jabatan {text!r} tidak cukup: jabatan struktural harus dirinci menurut "
            "eselonnya (eselon I/II = JPT, III = Administrator, IV = Pengawas). "
            "Isi Administrator, Pengawas, atau JPT.",
            kolom="Jenis Jabatan",
        )
    raise ValidationError(
        f"Jenis jabatan tidak dikenal: {text!r}. Pilih salah satu: "
        + ", ".join(j.label for j in JenisJabatan)
        + ".",
        kolom="Jenis Jabatan",
    )
