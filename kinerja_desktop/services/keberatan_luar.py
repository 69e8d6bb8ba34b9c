"""Keberatan whose decider, the atasan pejabat penilai, is outside the office (a Sekda, a
Bupati: services/pejabat_luar.py). He cannot log in; he answers by letter, and the operator
records that letter's decision here instead of the objection waiting forever.

The decision follows the rules of :mod:`kinerja_desktop.services.keberatan`: rejected keeps
the result (TETAP); accepted, wholly or in part, changes it (DIUBAH) with the new ratings, and
the predikat is recomputed by the matrix. The letter (nomor, tanggal and the scanned file,
kept in the evidence store like bukti dukung) is stored with the keberatan, all in the one
transaction of the operator's action.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.base import utcnow
from kinerja_desktop.db.models import Evaluasi, Keberatan, Pegawai
from kinerja_desktop.domain.errors import ConflictError, NotFound, StateError, ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.status import StatusKeberatan
from kinerja_desktop.domain.tanggal import format_tanggal
from kinerja_desktop.services.akses import wajib_admin
from kinerja_desktop.services.bukti import BuktiStore, simpan_berkas
from kinerja_desktop.services.evaluasi.riwayat import KeberatanRow, keberatan_row
from kinerja_desktop.services.evaluasi.syarat import ambil_evaluasi, atasan_penilai_untuk
from kinerja_desktop.services.keberatan import DIUBAH, TETAP, terapkan_keputusan
from kinerja_desktop.services.periode import get_periode
from kinerja_desktop.services.waktu import hari_ini

# What the letter says -> the keberatan rule's decision.
HASIL_SURAT = {
    "DITERIMA": ("diterima", DIUBAH),
    "SEBAGIAN": ("diterima sebagian", DIUBAH),
    "DITOLAK": ("ditolak", TETAP),
}


def _atasan_luar(session: Session, k: Keberatan) -> tuple[Evaluasi, Pegawai | None]:
    """The evaluation and its outside atasan (None: no atasan recorded at all); StateError
    when the atasan is in the office and decides himself."""
    ev = ambil_evaluasi(session, k.evaluasi_id)
    atasan_id = atasan_penilai_untuk(session, ev, get_periode(session, ev.periode_id))
    atasan = session.get(Pegawai, atasan_id) if atasan_id else None
    if atasan is not None and not atasan.luar:
        raise StateError(
            "Atasan pejabat penilai pegawai ini ada di kantor ini; keberatan diputus olehnya "
            "sendiri melalui akunnya, bukan dicatat dari surat."
        )
    return ev, atasan


def daftar_keberatan_atasan_luar(
    session: Session, actor: Actor, semua: bool = False
) -> list[KeberatanRow]:
    """Objections waiting for an outside atasan (or for one nobody recorded); ``semua`` adds
    those already decided."""
    wajib_admin(actor)
    stmt = select(Keberatan).order_by(Keberatan.diajukan_pada.desc())
    if not semua:
        stmt = stmt.where(Keberatan.status == StatusKeberatan.DIAJUKAN)
    out = []
    for k in session.scalars(stmt):
        try:
            ev, _ = _atasan_luar(session, k)
        except StateError:
            continue
        out.append(keberatan_row(session, k, ev, get_periode(session, ev.periode_id)))
    return out


def _cek_surat(
    session: Session, k: Keberatan, nomor: str, tanggal: date | None
) -> tuple[str, date]:
    nomor = " ".join((nomor or "").split())
    if not nomor:
        raise ValidationError("Nomor surat keputusan wajib diisi.", "Nomor Surat")
    if len(nomor) > 100:
        raise ValidationError("Nomor surat terlalu panjang (maksimal 100).", "Nomor Surat")
    if tanggal is None:
        raise ValidationError("Tanggal surat wajib diisi.", "Tanggal Surat")
    if tanggal > hari_ini(session):
        raise ValidationError("Tanggal surat tidak boleh setelah hari ini.", "Tanggal Surat")
    if tanggal < k.diajukan_pada.date():
        raise ValidationError(
            "Tanggal surat lebih awal dari tanggal keberatan diajukan "
            f"({format_tanggal(k.diajukan_pada.date())}). Periksa tanggalnya.",
            "Tanggal Surat",
        )
    return nomor, tanggal


def catat_keputusan_surat(
    session: Session,
    actor: Actor,
    store: BuktiStore,
    keberatan_id: int,
    *,
    hasil: str,
    nomor_surat: str,
    tanggal_surat: date | None,
    berkas_surat: str | os.PathLike[str] | None,
    rating_hasil_kerja: str | None = None,
    rating_perilaku: str | None = None,
    catatan: str = "",
    versi: int | None = None,
) -> KeberatanRow:
    """Record the outside atasan's decision from his letter (operator only). Final."""
    wajib_admin(actor)
    k = session.get(Keberatan, keberatan_id)
    if k is None:
        raise NotFound("Keberatan tidak ditemukan.")
    if versi is not None and versi != k.versi:
        raise ConflictError("Keberatan ini telah diubah orang lain. Muat ulang dulu.")
    ev, atasan = _atasan_luar(session, k)
    if (hasil or "").upper() not in HASIL_SURAT:
        raise ValidationError("Pilih isi surat: diterima, diterima sebagian, atau ditolak.", "Isi")
    kata, keputusan = HASIL_SURAT[hasil.upper()]
    nomor, tanggal = _cek_surat(session, k, nomor_surat, tanggal_surat)
    if not berkas_surat:
        raise ValidationError("Lampirkan pindaian surat keputusannya.", "Berkas Surat")
    teks = f"Keberatan {kata} (surat nomor {nomor} tanggal {format_tanggal(tanggal)})."
    tambahan = " ".join((catatan or "").split())
    # the file goes into the store first; if the transaction then fails it stays unreferenced
    # until "bersihkan berkas yatim", as for bukti dukung
    berkas = simpan_berkas(session, store, berkas_surat)
    k.surat_nomor, k.surat_tanggal = nomor, tanggal
    k.surat_nama, k.surat_sha256 = Path(berkas_surat).name[:255], berkas.sha256
    waktu = datetime.combine(tanggal, utcnow().time())  # decided on the letter's day
    terapkan_keputusan(
        session,
        k,
        ev,
        keputusan,
        (rating_hasil_kerja, rating_perilaku),
        f"{teks} {tambahan}".strip(),
        dicatat_oleh=actor,
        diputus=(atasan.id if atasan else None, waktu),
    )
    return keberatan_row(session, k, ev, get_periode(session, ev.periode_id))


def buka_surat_keberatan(
    session: Session, actor: Actor, store: BuktiStore, keberatan_id: int
) -> str:
    """The stored letter's path, to open it."""
    wajib_admin(actor)
    k = session.get(Keberatan, keberatan_id)
    if k is None or not k.surat_sha256:
        raise NotFound("Surat keputusan keberatan ini tidak ada.")
    path = store.path_untuk(k.surat_sha256)
    if not path.is_file():
        raise NotFound(f"Berkas {k.surat_nama} tidak ada di folder bukti dukung ({store.folder}).")
    return str(path)


__all__ = [
    "HASIL_SURAT",
    "buka_surat_keberatan",
    "catat_keputusan_surat",
    "daftar_keberatan_atasan_luar",
]
