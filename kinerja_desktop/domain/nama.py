"""Full names with academic titles, as printed in signature blocks."""

from __future__ import annotations


def _rapikan(teks: str | None) -> str:
    return " ".join((teks or "").split())


def nama_lengkap(gelar_depan: str | None, nama: str | None, gelar_belakang: str | None) -> str:
    """ "Dr. Budi Santoso, S.Kom., M.Si." from its parts; empty parts leave no stray punctuation."""
    depan = _rapikan(gelar_depan)
    inti = _rapikan(nama).strip(", ")
    # People type the gelar belakang with or without its leading comma; keep exactly one.
    belakang = _rapikan(gelar_belakang).strip(", ")
    belakang = ", ".join(b.strip() for b in belakang.split(",") if b.strip())
    hasil = " ".join(p for p in (depan, inti) if p)
    if belakang:
        hasil = f"{hasil}, {belakang}" if hasil else belakang
    return hasil
