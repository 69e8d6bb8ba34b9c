"""Keberatan (objection) to a final evaluation — PP 30/2019 Pasal 59 (domain.md §6).

The pegawai files it with reasons within 14 days of the final result; the atasan pejabat
penilai (the superior of the evaluation's penilai) decides: TETAP (kept) or DIUBAH with the new
ratings, after which the predikat is recomputed by the matrix. The decision is final.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.base import utcnow
from kinerja_desktop.db.models import Evaluasi, Keberatan
from kinerja_desktop.domain.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    StateError,
    ValidationError,
)
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.predikat import Rating
from kinerja_desktop.domain.status import TRANSISI_KEBERATAN, StatusKeberatan, periksa_transisi
from kinerja_desktop.services import penugasan
from kinerja_desktop.services.evaluasi.riwayat import (
    HARI_KEBERATAN,
    KeberatanRow,
    batas_keberatan,
    catat_riwayat,
    keberatan_row,
)
from kinerja_desktop.services.evaluasi.syarat import (
    ambil_evaluasi,
    atasan_penilai_untuk,
    wajib_baca,
)
from kinerja_desktop.services.periode import get_periode
from kinerja_desktop.services.waktu import hari_ini as hari_ini_kantor
from kinerja_desktop.services.waktu import sekarang_utc, zona_kantor

TETAP = "TETAP"
DIUBAH = "DIUBAH"


def ajukan_keberatan(
    session: Session, actor: Actor, evaluasi_id: int, alasan: str, *, hari_ini: date | None = None
) -> KeberatanRow:
    """The pegawai objects to his FINAL evaluation, within 14 days of its finalisation."""
    ev = ambil_evaluasi(session, evaluasi_id)
    if actor.pegawai_id is None or actor.pegawai_id != ev.pegawai_id:
        raise PermissionDenied("Keberatan hanya dapat diajukan oleh pegawai yang dinilai.")
    batas = batas_keberatan(ev, zona_kantor(session))  # None until the evaluation is final
    if batas is None:
        raise StateError("Keberatan hanya dapat diajukan atas hasil evaluasi yang sudah final.")
    # a day passed in (tests, the demo) keeps the time of day; else the clock's now
    diajukan = datetime.combine(hari_ini, utcnow().time()) if hari_ini else sekarang_utc()
    hari_ini = hari_ini or hari_ini_kantor(session)
    if hari_ini > batas:
        raise StateError(
            f"Batas waktu keberatan sudah lewat: paling lama {HARI_KEBERATAN} hari sejak hasil "
            f"evaluasi diterima (sampai {batas:%d-%m-%Y})."
        )
    if session.scalar(select(Keberatan.id).where(Keberatan.evaluasi_id == ev.id)):
        raise StateError("Keberatan atas evaluasi ini sudah pernah diajukan.")
    alasan = (alasan or "").strip()
    if len(alasan) < 10:
        raise ValidationError(
            "Tuliskan alasan keberatan dengan jelas (minimal 10 huruf).", "Alasan Keberatan"
        )
    k = Keberatan(
        evaluasi_id=ev.id,
        alasan=alasan,
        status=StatusKeberatan.DIAJUKAN,
        diajukan_pada=diajukan,
    )
    session.add(k)
    catat_riwayat(session, actor, ev, "KEBERATAN", alasan, k.diajukan_pada)
    session.flush()
    return keberatan_row(session, k, ev, get_periode(session, ev.periode_id))


def putus_keberatan(
    session: Session,
    actor: Actor,
    keberatan_id: int,
    keputusan: str,
    *,
    rating_hasil_kerja: str | None = None,
    rating_perilaku: str | None = None,
    catatan: str = "",
    versi: int | None = None,
    hari_ini: date | None = None,
) -> KeberatanRow:
    """The atasan pejabat penilai decides: TETAP, or DIUBAH with the new ratings. Final."""
    k = session.get(Keberatan, keberatan_id)
    if k is None:
        raise NotFound("Keberatan tidak ditemukan.")
    if versi is not None and versi != k.versi:
        raise ConflictError("Keberatan ini telah diubah orang lain. Muat ulang dulu.")
    ev = ambil_evaluasi(session, k.evaluasi_id)
    periode = get_periode(session, ev.periode_id)
    atasan = atasan_penilai_untuk(session, ev, periode)
    if actor.pegawai_id is None or actor.pegawai_id != atasan:
        raise PermissionDenied(
            "Keberatan hanya dapat diputus oleh atasan pejabat penilai kinerja pegawai ini."
        )
    waktu = datetime.combine(hari_ini, utcnow().time()) if hari_ini else sekarang_utc()
    terapkan_keputusan(
        session,
        k,
        ev,
        keputusan,
        (rating_hasil_kerja, rating_perilaku),
        catatan,
        dicatat_oleh=actor,
        diputus=(actor.pegawai_id, waktu),
    )
    return keberatan_row(session, k, ev, periode)


def terapkan_keputusan(
    session: Session,
    k: Keberatan,
    ev: Evaluasi,
    keputusan: str,
    rating_baru: tuple[str | None, str | None],
    catatan: str,
    *,
    dicatat_oleh: Actor,
    diputus: tuple[int | None, datetime],
) -> None:
    """The decision's effect, whoever entered it (the atasan himself, or the operator from an
    outside atasan's letter): TETAP, or DIUBAH with new ratings and the recomputed predikat.
    ``diputus`` is (the deciding atasan, when). The callers check who may decide."""
    actor = dicatat_oleh
    rating_hasil_kerja, rating_perilaku = rating_baru
    ke = periksa_transisi(TRANSISI_KEBERATAN, "putuskan", k.status)
    keputusan = (keputusan or "").upper()
    if keputusan not in (TETAP, DIUBAH):
        raise ValidationError("Pilih keputusan: Tetap atau Diubah.", "Keputusan")
    catatan = (catatan or "").strip()
    if keputusan == DIUBAH:
        try:
            rhk = Rating(rating_hasil_kerja).value if rating_hasil_kerja else None
            rp = Rating(rating_perilaku).value if rating_perilaku else None
        except ValueError:
            raise ValidationError("Rating baru tidak dikenal.", "Rating") from None
        if not rhk or not rp:
            raise ValidationError(
                "Keputusan 'Diubah' memerlukan rating hasil kerja dan rating perilaku yang baru.",
                "Rating",
            )
        if (rhk, rp) == (ev.rating_hasil_kerja, ev.rating_perilaku):
            raise ValidationError(
                "Rating baru sama dengan hasil semula; pilih keputusan 'Tetap' bila hasilnya "
                "tidak berubah.",
                "Rating",
            )
        k.rating_hasil_kerja_baru, k.rating_perilaku_baru = rhk, rp
        # the evaluation stays FINAL; the ratings change by this decision only, and the
        # model's validator recomputes the predikat from the matrix
        ev.rating_hasil_kerja = rhk
        ev.rating_perilaku = rp
    k.status = ke
    k.keputusan = keputusan
    k.catatan_keputusan = catatan or None
    k.diputus_oleh_id, k.diputus_pada = diputus
    teks = "Hasil tetap" if keputusan == TETAP else f"Hasil diubah, predikat {ev.predikat}"
    catat_riwayat(
        session, actor, ev, "KEBERATAN_DIPUTUS", f"{teks}. {catatan}".strip(), k.diputus_pada
    )
    session.flush()


def daftar_keberatan_untuk_diputus(
    session: Session, actor: Actor, semua: bool = False
) -> list[KeberatanRow]:
    """Objections the actor (as atasan pejabat penilai) must decide; ``semua`` adds decided
    ones."""
    if actor.pegawai_id is None:
        return []
    # candidates: evaluations whose penilai has the actor as his own penilai at some time
    bawahan = penugasan.pernah_dinilai_oleh(session, actor.pegawai_id)
    if not bawahan:
        return []
    stmt = (
        select(Keberatan, Evaluasi)
        .join(Evaluasi, Evaluasi.id == Keberatan.evaluasi_id)
        .where(Evaluasi.penilai_id.in_(bawahan))
        .order_by(Keberatan.diajukan_pada.desc())
    )
    if not semua:
        stmt = stmt.where(Keberatan.status == StatusKeberatan.DIAJUKAN)
    out = []
    for k, ev in session.execute(stmt).all():
        periode = get_periode(session, ev.periode_id)
        if atasan_penilai_untuk(session, ev, periode) == actor.pegawai_id:
            out.append(keberatan_row(session, k, ev, periode))
    return out


def keberatan_evaluasi(session: Session, actor: Actor, evaluasi_id: int) -> list[KeberatanRow]:
    ev = ambil_evaluasi(session, evaluasi_id)
    periode = get_periode(session, ev.periode_id)
    wajib_baca(session, actor, ev.pegawai_id, periode, ev)
    return [
        keberatan_row(session, k, ev, periode)
        for k in session.scalars(select(Keberatan).where(Keberatan.evaluasi_id == ev.id))
    ]


__all__ = [
    "DIUBAH",
    "TETAP",
    "ajukan_keberatan",
    "daftar_keberatan_untuk_diputus",
    "keberatan_evaluasi",
    "putus_keberatan",
    "terapkan_keputusan",
]
