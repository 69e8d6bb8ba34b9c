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
import re
import uuid as _uuid
from collections.abc import Mapping
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


def baca_kode_dari_pdf(
    path_or_bytes: str | PathLike[str] | bytes | io.BufferedIOBase,
) -> list[tuple[str, str]]:
    """Read back the (kode_dokumen, kode_verifikasi) pairs printed in a PDF's footers.

    Accepts a path, the PDF's bytes or a binary file object. A merged batch PDF gives one pair
    per distinct document, in page order.
    """
    import pypdfium2 as pdfium  # the renderer the preview uses, also reads the text

    sumber: Any = bytes(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    dokumen = pdfium.PdfDocument(sumber)
    hasil: list[tuple[str, str]] = []
    try:
        for i in range(len(dokumen)):
            halaman = dokumen[i]
            teks = halaman.get_textpage().get_text_range()
            for pasangan in cari_kode_dalam_teks(teks):
                if pasangan not in hasil:
                    hasil.append(pasangan)
            halaman.close()
    finally:
        dokumen.close()
    return hasil
