"""Verification codes printed in every document's footer. Pure hashlib/json: no ReportLab.

``kode_verifikasi(data)`` hashes the document's data canonically, so the app can later recompute
it from the database and tell a genuine, current printout from a tampered or outdated one.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import io
import json
import os
import re
import uuid as _uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from os import PathLike
from typing import Any

AWALAN_QR = "KINERJA"

_POLA_FOOTER = re.compile(
    r"Dokumen:\s*([A-Z0-9]+(?:-[A-Z0-9]+)*)\s*\S?\s*Kode\s+verifikasi:\s*"
    r"([0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4})"
)
_POLA_KODE = re.compile(r"^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$")


def _bawaan_json(obj: Any) -> Any:
    if isinstance(obj, (datetime, date, time)):
        return obj.isoformat()
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, _uuid.UUID):
        return str(obj)
    if isinstance(obj, enum.Enum):
        return obj.value
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    if isinstance(obj, (set, frozenset)):
        return sorted(obj, key=lambda v: json.dumps(v, default=_bawaan_json, sort_keys=True))
    if isinstance(obj, Mapping):
        return dict(obj)
    raise TypeError(f"Nilai bertipe {type(obj).__name__} tidak dapat dimasukkan ke kode verifikasi")


def json_kanonik(data: Mapping[str, Any]) -> str:
    """Canonical JSON: sorted keys, no spaces, dates ISO, Decimal as str, non-ASCII kept."""
    return json.dumps(
        data,
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=_bawaan_json,
        allow_nan=False,
    )


def kode_verifikasi(data: Mapping[str, Any]) -> str:
    """First 12 hex digits of SHA-256 of the canonical JSON, as "ABCD-EF01-2345".

    Note: ``Decimal("1.0")`` and ``Decimal("1.00")`` hash differently (str is used as is);
    normalise numbers before hashing if they can come back with a different scale.
    """
    h = hashlib.sha256(json_kanonik(data).encode("utf-8")).hexdigest()[:12].upper()
    return f"{h[0:4]}-{h[4:8]}-{h[8:12]}"


def cocok_kode_verifikasi(data: Mapping[str, Any], kode: str) -> bool:
    """True if ``kode`` (any case, spaces/dashes ignored) is the code of ``data``."""
    bersih = re.sub(r"[^0-9A-Fa-f]", "", kode or "").upper()
    return bersih == kode_verifikasi(data).replace("-", "")


def kode_dokumen(jenis: str, uuid: str) -> str:
    """Short document id, e.g. ``kode_dokumen("skp", "3f2a9c1b-...")`` → "SKP-3F2A9C1B".

    The first 8 hex digits of the uuid are used; a non-hex id is hashed instead.
    """
    awalan = re.sub(r"[^A-Z0-9]", "", jenis.upper()) or "DOK"
    teks = str(uuid).strip()
    heks = re.sub(r"[-{}]", "", teks)
    if len(heks) < 8 or not re.fullmatch(r"[0-9a-fA-F]+", heks):
        heks = hashlib.sha256(teks.encode("utf-8")).hexdigest()
    return f"{awalan}-{heks[:8].upper()}"


def teks_qr(kode_dok: str, kode_verif: str) -> str:
    """The string the footer QR code encodes: "KINERJA:<kode_dokumen>:<kode_verifikasi>"."""
    return f"{AWALAN_QR}:{kode_dok}:{kode_verif}"


def baca_teks_qr(teks: str) -> tuple[str, str] | None:
    """Inverse of :func:`teks_qr`; None if the text is not one of ours."""
    bagian = (teks or "").strip().split(":")
    if len(bagian) != 3 or bagian[0] != AWALAN_QR or not _POLA_KODE.match(bagian[2]):
        return None
    return bagian[1], bagian[2]


def teks_footer(kode_dok: str, kode_verif: str) -> str:
    """The parseable footer line: "Dokumen: SKP-3F2A9C1B · Kode verifikasi: ABCD-EF01-2345"."""
    return f"Dokumen: {kode_dok} · Kode verifikasi: {kode_verif}"


def cari_kode_dalam_teks(teks: str) -> list[tuple[str, str]]:
    """All distinct (kode_dokumen, kode_verifikasi) pairs found in text, in order."""
    hasil: list[tuple[str, str]] = []
    for m in _POLA_FOOTER.finditer(teks or ""):
        pasangan = (m.group(1), m.group(2))
        if pasangan not in hasil:
            hasil.append(pasangan)
    return hasil


# A printout of one office is a few hundred pages at most; anything far larger is refused before
# its pages are read, so that a hostile file cannot keep the program busy.
BATAS_HALAMAN_PDF = 2000
BATAS_UKURAN_PDF = 64 * 1024 * 1024


class PdfDitolak(ValueError):
    """A file that is not read as a printout: too large, too many pages, or not a PDF."""


@dataclass(frozen=True)
class HalamanPdf:
    nomor: int  # 1-based
    teks: str
    kode: tuple[tuple[str, str], ...]  # the footer's (kode_dokumen, kode_verifikasi) pairs


def teks_sebanding(teks: str) -> str:
    """Text as compared: runs of white space (line breaks of the extractor) become one space."""
    return " ".join((teks or "").split())


def _ukuran(sumber: Any) -> int | None:
    if isinstance(sumber, (bytes, bytearray)):
        return len(sumber)
    if isinstance(sumber, (str, PathLike)):
        return os.stat(sumber).st_size
    return None


def baca_halaman_pdf(
    path_or_bytes: str | PathLike[str] | bytes | io.BufferedIOBase,
    batas_halaman: int = BATAS_HALAMAN_PDF,
    batas_ukuran: int = BATAS_UKURAN_PDF,
) -> list[HalamanPdf]:
    """Every page's text and footer codes, after the size and page limits are checked."""
    import pypdfium2 as pdfium  # the renderer the preview uses, also reads the text

    if hasattr(path_or_bytes, "read"):  # a file object: no more than the limit is read
        path_or_bytes = path_or_bytes.read(batas_ukuran + 1)
    ukuran = _ukuran(path_or_bytes)
    if ukuran is not None and ukuran > batas_ukuran:
        raise PdfDitolak(
            f"berkas {ukuran // (1024 * 1024)} MB, lebih besar dari batas "
            f"{batas_ukuran // (1024 * 1024)} MB untuk hasil cetakan"
        )
    sumber: Any = bytes(path_or_bytes) if isinstance(path_or_bytes, bytearray) else path_or_bytes
    try:
        dokumen = pdfium.PdfDocument(sumber)
    except pdfium.PdfiumError as exc:
        raise PdfDitolak(f"bukan PDF yang dapat dibaca ({exc})") from exc
    try:
        jumlah = len(dokumen)
        if jumlah > batas_halaman:
            raise PdfDitolak(
                f"berisi {jumlah} halaman, lebih dari batas {batas_halaman} halaman untuk "
                "hasil cetakan"
            )
        hasil = []
        for i in range(jumlah):
            halaman = dokumen[i]
            teks = halaman.get_textpage().get_text_range()
            halaman.close()
            hasil.append(HalamanPdf(i + 1, teks, tuple(cari_kode_dalam_teks(teks))))
        return hasil
    finally:
        dokumen.close()


def baca_kode_dari_pdf(
    path_or_bytes: str | PathLike[str] | bytes | io.BufferedIOBase,
) -> list[tuple[str, str]]:
    """Read back the (kode_dokumen, kode_verifikasi) pairs printed in a PDF's footers.

    Accepts a path, the PDF's bytes or a binary file object. A merged batch PDF gives one pair
    per distinct document, in page order. Raises :class:`PdfDitolak` above the size and page limits.
    """
    hasil: list[tuple[str, str]] = []
    for halaman in baca_halaman_pdf(path_or_bytes):
        for pasangan in halaman.kode:
            if pasangan not in hasil:
                hasil.append(pasangan)
    return hasil
