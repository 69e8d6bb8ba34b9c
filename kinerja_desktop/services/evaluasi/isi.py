"""Filling in a DRAF evaluation: the two ratings, catatan and per-BerAKHLAK feedback. The
predikat follows the ratings (the model's validator recomputes it)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from kinerja_desktop.db.models import EvaluasiPerilaku
from kinerja_desktop.domain.berakhlak import BERAKHLAK, nilai_perilaku
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.predikat import Rating
from kinerja_desktop.services.evaluasi.detail import EvaluasiDetail, detail_evaluasi
from kinerja_desktop.services.evaluasi.predikat_org import rating_kepala_unit
from kinerja_desktop.services.evaluasi.syarat import (
    ambil_evaluasi,
    ambil_pegawai,
    wajib_draf,
    wajib_penilai,
)
from kinerja_desktop.services.periode import get_periode

_TETAP: Any = object()  # "leave this field unchanged"


def _rating(value: str | Rating | None, kolom: str) -> str | None:
    if value in (None, ""):
        return None
    try:
        return Rating(value).value
    except ValueError:
        raise ValidationError(
            f"Rating {value!r} tidak dikenal: pilih Di Atas, Sesuai, atau Di Bawah Ekspektasi.",
            kolom,
        ) from None


def simpan_evaluasi(
    session: Session,
    actor: Actor,
    evaluasi_id: int,
    *,
    versi: int | None = None,
    rating_hasil_kerja: Any = _TETAP,
    rating_perilaku: Any = _TETAP,
    catatan: Any = _TETAP,
    umpan_balik_perilaku: dict[str, str] | None = None,
) -> EvaluasiDetail:
    """Save ratings, catatan and per-BerAKHLAK feedback of a DRAF evaluation. The predikat
    follows the ratings (matrix); a unit head's rating hasil kerja follows the organisation."""
    ev = ambil_evaluasi(session, evaluasi_id, versi)
    periode = get_periode(session, ev.periode_id)
    penilai_id = wajib_penilai(session, actor, ev.pegawai_id, periode)
    wajib_draf(ev)
    pegawai = ambil_pegawai(session, ev.pegawai_id)
    if rating_hasil_kerja is not _TETAP:
        baru = _rating(rating_hasil_kerja, "Rating Hasil Kerja")
        if pegawai.kepala_unit:
            ikut = rating_kepala_unit(session, pegawai, periode.id)
            if baru is not None and baru != ikut:
                raise ValidationError(
                    "Pegawai ini kepala unit: rating hasil kerjanya mengikuti predikat kinerja "
                    "organisasi "
                    + (
                        f"({Rating(ikut).label})."
                        if ikut
                        else "yang belum ditetapkan. Minta pimpinan satu tingkat di atasnya "
                        "menetapkan predikat organisasi dulu."
                    ),
                    "Rating Hasil Kerja",
                )
        ev.rating_hasil_kerja = baru
    elif pegawai.kepala_unit:
        ev.rating_hasil_kerja = rating_kepala_unit(session, pegawai, periode.id)
    if rating_perilaku is not _TETAP:
        ev.rating_perilaku = _rating(rating_perilaku, "Rating Perilaku Kerja")
    if catatan is not _TETAP:
        ev.catatan = (catatan or "").strip() or None
    if umpan_balik_perilaku:
        per_nilai = {p.nilai: p for p in ev.perilaku}
        for kode, teks in umpan_balik_perilaku.items():
            nilai_perilaku(kode)  # validates the kode
            row = per_nilai.get(kode)
            if row is None:
                row = EvaluasiPerilaku(urutan=[n.kode for n in BERAKHLAK].index(kode), nilai=kode)
                ev.perilaku.append(row)
            row.umpan_balik = (teks or "").strip() or None
    ev.penilai_id = penilai_id
    session.flush()
    return detail_evaluasi(session, actor, ev.id)
