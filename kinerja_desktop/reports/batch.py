"""Batch printing of a unit's evaluation forms for a period (no Qt).

``cetak_batch(state, ...)`` is a plain worker: it checks ``state.cancelled`` between documents
and reports ``state.progress(done, total, pesan)``; the UI runs it with ``run_with_progress``,
the CLI and the tests call it directly.

Memory stays flat as the batch grows: every document is rendered on its own into a temporary
file, and :class:`PenggabungPdf` appends each one's objects straight to the output file (only
the byte offsets of the objects are kept), instead of holding every page in a PdfWriter.
Nothing half-written is left behind: all output goes to a temporary folder next to the target
and is moved into place only when the whole batch is done; a cancel or an error removes it.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO

from kinerja_desktop.domain.tugas import Dibatalkan, StatusTugas
from kinerja_desktop.services.evaluasi import (
    JENIS_CETAK_DOKUMEN,
    JENIS_CETAK_EVALUASI,
    CetakanSiap,
)

JENIS_SEMUA = (JENIS_CETAK_EVALUASI, JENIS_CETAK_DOKUMEN)


def tulis_cetakan(
    out: str | os.PathLike[str] | IO[bytes], cetakan: CetakanSiap, *, invariant: bool = False
) -> int:
    """Render one registered printout (either evaluation form); returns its page count."""
    if cetakan.jenis == JENIS_CETAK_EVALUASI:
        from kinerja_desktop.reports.evaluasi import cetak_evaluasi

        return cetak_evaluasi(
            out, cetakan.data, cetakan.kode_dokumen, cetakan.kode_verifikasi, invariant=invariant
        )
    from kinerja_desktop.reports.dokumen_evaluasi import cetak_dokumen_evaluasi

    return cetak_dokumen_evaluasi(
        out,
        cetakan.data,
        cetakan.kode_dokumen,
        cetakan.kode_verifikasi,
        emblem=cetakan.emblem,
        invariant=invariant,
    )


# --- streaming PDF concatenation ------------------------------------------------------------


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

    def _tulis(self, nomor: int, obj: Any) -> None:
        self._offset[nomor] = self.f.tell()
        self.f.write(f"{nomor} 0 obj\n".encode())
        obj.write_to_stream(self.f)
        self.f.write(b"\nendobj\n")

    def tambah(self, sumber: str | os.PathLike[str] | BinaryIO) -> int:
        """Append every page of ``sumber``; returns the number of pages added."""
        from pypdf import PdfReader
        from pypdf.generic import (
            ArrayObject,
            DictionaryObject,
            IndirectObject,
            NameObject,
            StreamObject,
        )

        reader = PdfReader(sumber)
        peta: dict[tuple[int, int], int] = {}
        antre: list[IndirectObject] = []

        def ganti(obj: Any) -> Any:
            if isinstance(obj, IndirectObject):
                kunci = (obj.idnum, obj.generation)
                if kunci not in peta:
                    peta[kunci] = self._alokasi()
                    antre.append(obj)
                return IndirectObject(peta[kunci], 0, None)
            if isinstance(obj, StreamObject):
                baru = obj.__class__()
                baru._data = obj._data  # raw (still encoded) bytes, written as they are
                for k, v in obj.items():
                    if k != "/Length":
                        baru[NameObject(k)] = ganti(v)
                return baru
            if isinstance(obj, DictionaryObject):
                return DictionaryObject({NameObject(k): ganti(v) for k, v in obj.items()})
            if isinstance(obj, ArrayObject):
                return ArrayObject(ganti(v) for v in obj)
            return obj

        halaman_baru = []
        for page in reader.pages:
            ref = page.indirect_reference
            nomor = self._alokasi()
            if ref is not None:
                peta[(ref.idnum, ref.generation)] = nomor
            halaman_baru.append((nomor, page))
        for nomor, page in halaman_baru:
            d = DictionaryObject()
            for k, v in page.items():
                if k != "/Parent":
                    d[NameObject(k)] = ganti(v)
            # attributes a page may inherit from its old page tree
            for k in ("/Resources", "/MediaBox", "/CropBox", "/Rotate"):
                if k not in d:
                    nilai = page._get_inherited(k) if hasattr(page, "_get_inherited") else None
                    if nilai is None and k == "/MediaBox":
                        nilai = page.mediabox
                    if nilai is not None:
                        d[NameObject(k)] = ganti(nilai)
            d[NameObject("/Parent")] = IndirectObject(self._ID_HALAMAN, 0, None)
            self._tulis(nomor, d)
            self._kids.append(nomor)
        while antre:
            ref = antre.pop()
            self._tulis(peta[(ref.idnum, ref.generation)], ganti(ref.get_object()))
        return len(halaman_baru)

    def selesai(self, judul: str | None = None) -> None:
        from pypdf.generic import (
            ArrayObject,
            DictionaryObject,
            IndirectObject,
            NameObject,
            NumberObject,
            TextStringObject,
        )

        kids = ArrayObject(IndirectObject(k, 0, None) for k in self._kids)
        self._tulis(
            self._ID_HALAMAN,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Pages"),
                    NameObject("/Kids"): kids,
                    NameObject("/Count"): NumberObject(len(self._kids)),
                }
            ),
        )
        self._tulis(
            self._ID_KATALOG,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Catalog"),
                    NameObject("/Pages"): IndirectObject(self._ID_HALAMAN, 0, None),
                }
            ),
        )
        info = None
        if judul:
            info = self._alokasi()
            self._tulis(
                info,
                DictionaryObject(
                    {
                        NameObject("/Title"): TextStringObject(judul),
                        NameObject("/Producer"): TextStringObject("Kinerja Desktop"),
                    }
                ),
            )
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
    with open(tujuan, "wb") as f:
        g = PenggabungPdf(f)
        for s in sumber:
            g.tambah(s)
        g.selesai(judul)
        return g.jumlah_halaman


# --- the worker -----------------------------------------------------------------------------


@dataclass
class HasilBatch:
    jumlah_pegawai: int = 0
    jumlah_dokumen: int = 0
    jumlah_halaman: int = 0
    berkas: list[str] = field(default_factory=list)
    detik: float = 0.0

    @property
    def dokumen_per_detik(self) -> float:
        return self.jumlah_dokumen / self.detik if self.detik else 0.0


def _nama_aman(teks: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", teks).strip("_")[:60] or "dokumen"


def daftar_evaluasi_unit(
    session: Any, unit_id: int, periode_id: int, evaluasi_ids: list[int] | None = None
) -> list[tuple[int, str]]:
    """(evaluasi_id, label) of every evaluation in the unit and its sub-units, by name
    (only ``evaluasi_ids`` if given: a selection)."""
    from sqlalchemy import select

    from kinerja_desktop.db.models import Evaluasi, Pegawai
    from kinerja_desktop.services import organisasi

    ids = organisasi.sub_unit_ids(session, unit_id)
    rows = session.execute(
        select(Evaluasi.id, Pegawai.nip, Pegawai.nama)
        .join(Pegawai, Pegawai.id == Evaluasi.pegawai_id)
        .where(
            Evaluasi.periode_id == periode_id,
            Pegawai.unit_kerja_id.in_(ids),
            *([Evaluasi.id.in_(evaluasi_ids)] if evaluasi_ids is not None else []),
        )
        .order_by(Pegawai.nama, Pegawai.nip)
    ).all()
    return [(ev_id, f"{nip}_{_nama_aman(nama)}") for ev_id, nip, nama in rows]


def cetak_batch(
    state: StatusTugas,
    session_factory: Any,
    actor: Any,
    unit_id: int,
    periode_id: int,
    folder_tujuan: str | os.PathLike[str],
    satu_file: bool = False,
    jenis: tuple[str, ...] = JENIS_SEMUA,
    per_sesi: int = 25,
    evaluasi_ids: list[int] | None = None,
) -> HasilBatch:
    """Print both forms of every evaluated pegawai of a unit into ``folder_tujuan``: one PDF
    per pegawai, or (``satu_file``) one PDF for the whole unit. Raises :class:`Dibatalkan`
    when cancelled (nothing is left behind)."""
    from kinerja_desktop.db.models import Evaluasi, Periode, UnitKerja
    from kinerja_desktop.domain.errors import NotFound, PermissionDenied
    from kinerja_desktop.services.evaluasi import siapkan_cetak_tanpa_cek
    from kinerja_desktop.services.laporan import boleh_lihat_unit
    from kinerja_desktop.services.uow import unit_of_work

    mulai = time.perf_counter()
    tujuan = Path(folder_tujuan)
    tujuan.mkdir(parents=True, exist_ok=True)
    with unit_of_work(session_factory, actor) as s:
        periode = s.get(Periode, periode_id)
        unit = s.get(UnitKerja, unit_id)
        if periode is None or unit is None:
            raise NotFound("Unit kerja atau periode tidak ditemukan.")
        if not boleh_lihat_unit(s, actor, unit_id, periode):
            raise PermissionDenied("Anda tidak berhak mencetak evaluasi unit ini.")
        daftar = daftar_evaluasi_unit(s, unit_id, periode_id, evaluasi_ids)
        label_periode = f"{periode.tahun}_{periode.kode}"
        nama_unit = _nama_aman(unit.nama)
        judul_unit = unit.nama
    hasil = HasilBatch()
    total = len(daftar)
    state.progress(0, total, f"Menyiapkan {total} pegawai…")
    staging = Path(tempfile.mkdtemp(prefix=".kinerja-cetak-", dir=tujuan))
    kerja = staging / "kerja"
    kerja.mkdir()
    gabung_f = None
    try:
        if satu_file:
            nama_akhir = f"Evaluasi_{nama_unit}_{label_periode}.pdf"
            gabung_f = open(staging / nama_akhir, "wb")  # noqa: SIM115
            penggabung = PenggabungPdf(gabung_f)
        for awal in range(0, total, per_sesi):
            potongan = daftar[awal : awal + per_sesi]
            with unit_of_work(session_factory, actor, "Cetak massal evaluasi") as s:
                for i, (ev_id, label) in enumerate(potongan, start=awal):
                    if state.cancelled:
                        raise Dibatalkan()
                    ev = s.get(Evaluasi, ev_id)
                    bagian = []
                    for j in jenis:
                        cetakan = siapkan_cetak_tanpa_cek(s, ev, j)
                        path = kerja / f"{i:06d}_{j}.pdf"
                        hasil.jumlah_halaman += tulis_cetakan(str(path), cetakan)
                        hasil.jumlah_dokumen += 1
                        bagian.append(path)
                    if satu_file:
                        for p in bagian:
                            penggabung.tambah(str(p))
                    else:
                        nama = f"{label}_{label_periode}.pdf"
                        gabungkan_pdf([str(p) for p in bagian], staging / nama)
                        hasil.berkas.append(nama)
                    for p in bagian:
                        p.unlink()
                    hasil.jumlah_pegawai += 1
                    s.expunge_all()
                    state.progress(
                        i + 1, total, f"Mencetak {label.replace('_', ' ')} ({i + 1} dari {total})"
                    )
        if state.cancelled:
            raise Dibatalkan()
        if satu_file:
            penggabung.selesai(f"Evaluasi Kinerja Pegawai — {judul_unit}")
            gabung_f.close()
            gabung_f = None
            hasil.berkas = [nama_akhir]
        # everything is complete: move it into place
        for nama in hasil.berkas:
            os.replace(staging / nama, tujuan / nama)
        hasil.berkas = [str(tujuan / n) for n in hasil.berkas]
    finally:
        if gabung_f is not None:
            gabung_f.close()
        shutil.rmtree(staging, ignore_errors=True)
    hasil.detik = time.perf_counter() - mulai
    return hasil


__all__ = [
    "JENIS_SEMUA",
    "Dibatalkan",
    "HasilBatch",
    "PenggabungPdf",
    "StatusTugas",
    "cetak_batch",
    "daftar_evaluasi_unit",
    "gabungkan_pdf",
    "tulis_cetakan",
]
