"""Merging printed PDFs into one file with flat memory (no Qt, no database): the printing
itself is ``services.cetak.cetak_batch``.

:class:`PenggabungPdf` appends each document's objects straight to the output file (only the
byte offsets of the objects are kept), instead of holding every page in memory; pikepdf (qpdf)
reads the documents, through its public object API.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, BinaryIO

# --- streaming PDF concatenation ------------------------------------------------------------

# Page attributes a page may inherit from its page tree (PDF 32000-1, 7.7.3.4).
_DIWARISI = ("/Resources", "/MediaBox", "/CropBox", "/Rotate")


def _skalar(obj: Any) -> bytes:
    """A PDF scalar that pikepdf handed back as a Python value."""
    if obj is None:
        return b"null"
    if isinstance(obj, bool):
        return b"true" if obj else b"false"
    if isinstance(obj, int):
        return str(obj).encode()
    if isinstance(obj, (Decimal, float)):
        teks = format(Decimal(obj), "f")  # PDF syntax: no exponent, "." as decimal point
        return (teks.rstrip("0").rstrip(".") if "." in teks else teks).encode() or b"0"
    return obj.unparse()  # Name, String, Operator


class _Mentah(bytes):
    """PDF syntax already written out (a reference to the new page tree)."""


def _warisan(halaman: Any, kunci: str) -> Any:
    node = halaman.get("/Parent")
    while node is not None:
        if kunci in node:
            return node[kunci]
        node = node.get("/Parent")
    return None


class PenggabungPdf:
    """Append whole PDFs to one output file object by object, keeping only offsets.

    Object 1 is the catalog and 2 the page tree, both written at the end; each appended
    document's objects reachable from its pages get fresh numbers.
    """

    _ID_KATALOG = 1
    _ID_HALAMAN = 2

    def __init__(self, f: BinaryIO) -> None:
        self.f = f
        self._offset = array("q", [0, 0, 0])  # index = object number
        self._kids = array("q")
        self.f.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    @property
    def jumlah_halaman(self) -> int:
        return len(self._kids)

    def _alokasi(self) -> int:
        self._offset.append(0)
        return len(self._offset) - 1

    def _tulis(self, nomor: int, isi: bytes) -> None:
        self._offset[nomor] = self.f.tell()
        self.f.write(b"%d 0 obj\n%b\nendobj\n" % (nomor, isi))

    def tambah(self, sumber: str | os.PathLike[str] | BinaryIO) -> int:
        """Append every page of ``sumber``; returns the number of pages added."""
        import pikepdf

        berkas = os.fspath(sumber) if isinstance(sumber, (str, os.PathLike)) else sumber
        with pikepdf.open(berkas) as pdf:
            peta: dict[tuple[int, int], int] = {}
            antre: list[Any] = []

            def rujukan(obj: Any) -> bytes:
                kunci = obj.objgen
                if kunci not in peta:
                    peta[kunci] = self._alokasi()
                    antre.append(obj)
                return b"%d 0 R" % peta[kunci]

            def kamus(pasangan: Iterable[tuple[str, Any]]) -> bytes:
                isi = b" ".join(pikepdf.Name(k).unparse() + b" " + tulis(v) for k, v in pasangan)
                return b"<< " + isi + b" >>"

            def tulis(obj: Any, akar: bool = False) -> bytes:
                if isinstance(obj, _Mentah):
                    return obj
                if not isinstance(obj, pikepdf.Object):
                    return _skalar(obj)
                if obj.is_indirect and not akar:
                    return rujukan(obj)
                if isinstance(obj, pikepdf.Stream):
                    mentah = obj.read_raw_bytes()  # still encoded, written as it is
                    d: list[tuple[str, Any]] = [
                        (k, v) for k, v in obj.stream_dict.items() if k != "/Length"
                    ]
                    d.append(("/Length", len(mentah)))
                    return kamus(d) + b"\nstream\n" + mentah + b"\nendstream"
                if isinstance(obj, pikepdf.Dictionary):
                    return kamus(obj.items())
                if isinstance(obj, pikepdf.Array):
                    return b"[" + b" ".join(tulis(v) for v in obj) + b"]"
                return _skalar(obj)

            halaman = []
            for page in pdf.pages:
                nomor = self._alokasi()
                peta[page.obj.objgen] = nomor
                halaman.append((nomor, page.obj))
            for nomor, obj in halaman:
                d: list[tuple[str, Any]] = [(k, v) for k, v in obj.items() if k != "/Parent"]
                for k in _DIWARISI:
                    if k not in obj and (nilai := _warisan(obj, k)) is not None:
                        d.append((k, nilai))
                d.append(("/Parent", _Mentah(b"%d 0 R" % self._ID_HALAMAN)))
                self._tulis(nomor, kamus(d))
                self._kids.append(nomor)
            while antre:
                obj = antre.pop()
                self._tulis(peta[obj.objgen], tulis(obj, akar=True))
            return len(halaman)

    def selesai(self, judul: str | None = None) -> None:
        import pikepdf

        kids = b" ".join(b"%d 0 R" % k for k in self._kids)
        self._tulis(
            self._ID_HALAMAN,
            b"<< /Type /Pages /Kids [%b] /Count %d >>" % (kids, len(self._kids)),
        )
        self._tulis(self._ID_KATALOG, b"<< /Type /Catalog /Pages %d 0 R >>" % self._ID_HALAMAN)
        info = None
        if judul:
            info = self._alokasi()
            judul_pdf = pikepdf.String(judul).unparse()
            produsen = pikepdf.String("Kinerja Desktop").unparse()
            self._tulis(info, b"<< /Title %b /Producer %b >>" % (judul_pdf, produsen))
        awal_xref = self.f.tell()
        n = len(self._offset)
        bagian = [f"xref\n0 {n}\n".encode(), b"0000000000 65535 f \n"]
        bagian += [f"{self._offset[i]:010d} 00000 n \n".encode() for i in range(1, n)]
        self.f.write(b"".join(bagian))
        trailer = f"trailer\n<< /Size {n} /Root {self._ID_KATALOG} 0 R"
        if info:
            trailer += f" /Info {info} 0 R"
        self.f.write(f"{trailer} >>\nstartxref\n{awal_xref}\n%%EOF\n".encode())


def gabungkan_pdf(
    sumber: Iterable[str | os.PathLike[str]],
    tujuan: str | os.PathLike[str],
    judul: str | None = None,
) -> int:
    """Concatenate ``sumber`` into ``tujuan`` in that order; returns the page count."""
    with open(tujuan, "wb") as f:
        g = PenggabungPdf(f)
        for s in sumber:
            g.tambah(s)
        g.selesai(judul)
        return g.jumlah_halaman


__all__ = ["PenggabungPdf", "gabungkan_pdf"]
