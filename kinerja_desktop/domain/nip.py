"""NIP PNS (Perka BKN 22/2007) and NI PPPK: normalise, validate, cross-check, print.

NIP layout, 18 digits: 1–8 tanggal lahir (YYYYMMDD), 9–14 TMT CPNS (YYYYMM), 15 jenis kelamin
(1 pria, 2 wanita), 16–18 nomor urut (001–999). There is no checksum, so the structure is all
we can check. NI PPPK [soft]: 8 tanggal lahir + 4 tahun pengangkatan + "21" + kelamin + 3 urut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kinerja_desktop.domain.enums import JenisKelamin, StatusPegawai
from kinerja_desktop.domain.errors import ValidationError

KOLOM = "NIP"
PANJANG = 18
USIA_MINIMAL_PENGANGKATAN = 18
KODE_PPPK = "21"

_BUANG = re.compile(r"[\s.\-'\"‘’“”`_]+")


@dataclass(frozen=True)
class NipInfo:
    tanggal_lahir: date
    tmt_tahun: int
    tmt_bulan: int
    jenis_kelamin: JenisKelamin
    nomor_urut: int


def normalize_nip(text: object) -> str:
    """Drop what people and spreadsheets add around the digits: spaces, dots, dashes, quotes."""
    if text is None:
        return ""
    if isinstance(text, bool):
        return str(text)
    if isinstance(text, int):
        return str(text)
    return _BUANG.sub("", str(text))


def is_excel_mangled(value: object) -> bool:
    """True if the value went through a spreadsheet number cell and so lost its last digits.

    A number cell keeps only 15 significant digits: 196608011988031001 becomes
    1.96608011988031E+17, i.e. 196608011988031000. Any float is suspect; so is text in scientific
    notation, text ending in ".0", and an 18-digit number ending in "000" (nomor urut 000 does not
    exist, so such a number can only be a rounded one).
    """
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, float):
        return True
    if isinstance(value, int):
        teks = str(abs(value))
        return len(teks) >= PANJANG - 2 and teks.endswith("000")
    teks = str(value).strip().strip("'\"")
    if "E+" in teks.upper() or re.fullmatch(r"\d+(?:[.,]\d+)?[eE]\d+", teks):
        return True
    if re.fullmatch(r"\d{15,18}\.0+", teks):
        return True
    return bool(re.fullmatch(r"\d{15}000", teks))


def _pesan_excel(value: object) -> ValidationError:
    return ValidationError(
        f"Nomor {value!r} rusak karena tersimpan sebagai angka di Excel: angka 18 digit hanya "
        "disimpan 15 digit sehingga digit terakhirnya hilang. Ubah format kolom NIP menjadi "
        "Teks (atau awali dengan tanda petik ') lalu ketik ulang nomornya.",
        kolom=KOLOM,
    )


def _digit_bersih(text: object, jenis: str) -> str:
    if is_excel_mangled(text):
        raise _pesan_excel(text)
    nip = normalize_nip(text)
    if not nip:
        raise ValidationError(f"{jenis} belum diisi.", kolom=KOLOM)
    if not nip.isdigit():
        salah = "".join(sorted({c for c in nip if not c.isdigit()}))
        raise ValidationError(
            f"{jenis} hanya boleh berisi angka; ditemukan karakter {salah!r} pada {nip!r}.",
            kolom=KOLOM,
        )
    if len(nip) != PANJANG:
        raise ValidationError(
            f"{jenis} harus {PANJANG} digit angka; yang diisi {len(nip)} digit.", kolom=KOLOM
        )
    return nip


def _tanggal_lahir(nip: str, jenis: str, today: date) -> date:
    try:
        lahir = date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        raise ValidationError(
            f"Tanggal lahir pada {jenis} (digit 1–8) bukan tanggal yang sah: {nip[:8]}.",
            kolom=KOLOM,
        ) from None
    if lahir > today:
        raise ValidationError(
            f"Tanggal lahir pada {jenis} (digit 1–8) ada di masa depan: {nip[:8]}.", kolom=KOLOM
        )
    if lahir.year < 1900:
        raise ValidationError(
            f"Tahun lahir pada {jenis} (digit 1–4) tidak masuk akal: {nip[:4]}.", kolom=KOLOM
        )
    return lahir


def _tahun_pengangkatan(tahun: int, lahir: date, jenis: str) -> None:
    if tahun < lahir.year + USIA_MINIMAL_PENGANGKATAN:
        raise ValidationError(
            f"Tahun pengangkatan pada {jenis} (digit 9–12) {tahun} terlalu dekat dengan "
            f"tahun lahir {lahir.year}: pegawai diangkat paling muda pada usia "
            f"{USIA_MINIMAL_PENGANGKATAN} tahun.",
            kolom=KOLOM,
        )


def _kelamin_dan_urut(nip: str, jenis: str) -> tuple[JenisKelamin, int]:
    kode = nip[14]
    if kode not in "12":
        raise ValidationError(
            f"Digit ke-15 {jenis} (jenis kelamin) harus 1 (pria) atau 2 (wanita); "
            f"yang tertulis {kode}.",
            kolom=KOLOM,
        )
    urut = int(nip[15:18])
    if urut == 0:
        raise ValidationError(
            f"Nomor urut pada {jenis} (digit 16–18) harus 001–999; yang tertulis 000.",
            kolom=KOLOM,
        )
    return (JenisKelamin.PRIA if kode == "1" else JenisKelamin.WANITA), urut


def parse_nip(text: object, today: date | None = None) -> NipInfo:
    """Validate a NIP PNS structurally and return what it encodes."""
    today = today or date.today()
    nip = _digit_bersih(text, "NIP")
    lahir = _tanggal_lahir(nip, "NIP", today)
    tahun, bulan = int(nip[8:12]), int(nip[12:14])
    if not 1 <= bulan <= 12:
        raise ValidationError(
            f"Bulan TMT CPNS pada NIP (digit 13–14) harus 01–12; yang tertulis {nip[12:14]}.",
            kolom=KOLOM,
        )
    _tahun_pengangkatan(tahun, lahir, "NIP")
    if (tahun, bulan) > (today.year, today.month):
        raise ValidationError(
            f"TMT CPNS pada NIP (digit 9–14) ada di masa depan: {nip[8:14]}.", kolom=KOLOM
        )
    kelamin, urut = _kelamin_dan_urut(nip, "NIP")
    return NipInfo(lahir, tahun, bulan, kelamin, urut)


def parse_ni_pppk(text: object, today: date | None = None) -> NipInfo:
    """Validate an NI PPPK; the layout is from practice only [soft]. ``tmt_bulan`` is 1."""
    today = today or date.today()
    nip = _digit_bersih(text, "NI PPPK")
    lahir = _tanggal_lahir(nip, "NI PPPK", today)
    tahun = int(nip[8:12])
    _tahun_pengangkatan(tahun, lahir, "NI PPPK")
    if tahun > today.year:
        raise ValidationError(
            f"Tahun pengangkatan pada NI PPPK (digit 9–12) ada di masa depan: {tahun}.",
            kolom=KOLOM,
        )
    if nip[12:14] != KODE_PPPK:
        raise ValidationError(
            f"Digit 13–14 NI PPPK harus {KODE_PPPK} (kode PPPK); yang tertulis {nip[12:14]}.",
            kolom=KOLOM,
        )
    kelamin, urut = _kelamin_dan_urut(nip, "NI PPPK")
    return NipInfo(lahir, tahun, 1, kelamin, urut)


def validate_nomor_induk(
    text: object, status: StatusPegawai, today: date | None = None
) -> tuple[str, NipInfo]:
    """Normalise and validate the number that fits the status; return (18 digits, info).

    PPPK numbers are accepted in either layout, since the NI PPPK layout is not regulated.
    """
    if status is not StatusPegawai.PPPK:
        info = parse_nip(text, today)
        return normalize_nip(text), info
    try:
        info = parse_ni_pppk(text, today)
    except ValidationError as galat_pppk:
        try:
            info = parse_nip(text, today)
        except ValidationError:
            raise galat_pppk from None
    return normalize_nip(text), info


def cek_kesesuaian(
    info: NipInfo, tanggal_lahir: date | None, jenis_kelamin: JenisKelamin | None
) -> list[ValidationError]:
    """Differences between what the number encodes and the profile (empty list if none)."""
    galat: list[ValidationError] = []
    if tanggal_lahir is not None and tanggal_lahir != info.tanggal_lahir:
        galat.append(
            ValidationError(
                f"Tanggal lahir {tanggal_lahir:%d-%m-%Y} tidak sama dengan tanggal lahir "
                f"pada nomor induk ({info.tanggal_lahir:%d-%m-%Y}). Periksa salah satunya.",
                kolom="Tanggal Lahir",
            )
        )
    if jenis_kelamin is not None and jenis_kelamin != info.jenis_kelamin:
        galat.append(
            ValidationError(
                f"Jenis kelamin {jenis_kelamin.label} tidak sama dengan jenis kelamin pada "
                f"nomor induk ({info.jenis_kelamin.label}, digit ke-15). Periksa salah satunya.",
                kolom="Jenis Kelamin",
            )
        )
    return galat


# A pejabat luar kantor without NIP (a Bupati is not an ASN) is stored under this key plus
# 14 characters of his uuid: the pegawai.nip column is unique and not null, and no NIP
# starts with letters.
AWALAN_TANPA_NIP = "LUAR"


def kunci_tanpa_nip(uuid: str) -> str:
    return AWALAN_TANPA_NIP + uuid.replace("-", "")[: PANJANG - len(AWALAN_TANPA_NIP)]


def nip_pejabat_luar(tersimpan: str | None) -> str:
    """The NIP of a pejabat luar kantor as stored, or "" when he has none."""
    if not tersimpan or tersimpan.startswith(AWALAN_TANPA_NIP):
        return ""
    return tersimpan


def format_nip(nip: str | None) -> str:
    """Group 18 digits as printed: "19660801 198803 1 001"; anything else is returned as is
    (the key of an outside official without NIP reads as empty)."""
    if nip is None or nip.startswith(AWALAN_TANPA_NIP):
        return ""
    if len(nip) != PANJANG or not nip.isdigit():
        return nip
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
