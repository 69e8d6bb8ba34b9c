"""Finalising an evaluation (ratings set, identity snapshot frozen) and reopening it (only its
penilai, with a reason, never after an objection)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Keberatan, Periode
from kinerja_desktop.domain.errors import PermissionDenied, StateError, ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.predikat import Rating, predikat_kinerja
from kinerja_desktop.domain.status import TRANSISI_EVALUASI, StatusKeberatan, periksa_transisi
from kinerja_desktop.domain.tanggal import format_tanggal
from kinerja_desktop.services.evaluasi.detail import EvaluasiDetail, detail_evaluasi
from kinerja_desktop.services.evaluasi.isi import simpan_evaluasi
from kinerja_desktop.services.evaluasi.predikat_org import rating_kepala_unit
from kinerja_desktop.services.evaluasi.riwayat import catat_riwayat
from kinerja_desktop.services.evaluasi.syarat import (
    FINAL,
    ambil_evaluasi,
    ambil_pegawai,
    perbarui_snapshot,
    wajib_draf,
    wajib_penilai,
)
from kinerja_desktop.services.pengaturan import hari_final_tanpa_alasan
from kinerja_desktop.services.periode import get_periode
from kinerja_desktop.services.waktu import hari_ini as hari_ini_kantor
from kinerja_desktop.services.waktu import sekarang_utc, tanggal_kantor


def _alasan_final_awal(session: Session, periode: Periode, pada: datetime | None) -> str | None:
    """Why a reason is needed to finalise now, or None: the period has (nearly) ended."""
    hari_ini = tanggal_kantor(session, pada) if pada else hari_ini_kantor(session)
    batas = periode.selesai - timedelta(days=hari_final_tanpa_alasan(session))
    if hari_ini >= batas:
        return None
    return (
        f"Periode {periode.kode} {periode.tahun} baru berakhir {format_tanggal(periode.selesai)}. "
        "Finalisasi sebelum periode berakhir memerlukan alasan, yang dicatat dalam riwayat "
        "evaluasi."
    )


def perlu_alasan_final(
    session: Session, actor: Actor, evaluasi_id: int, *, pada: datetime | None = None
) -> str | None:
    """The explanation to show when finalising now needs a reason (None: it does not)."""
    ev = ambil_evaluasi(session, evaluasi_id)
    periode = get_periode(session, ev.periode_id)
    wajib_penilai(session, actor, ev.pegawai_id, periode)
    return _alasan_final_awal(session, periode, pada)


def finalkan_evaluasi(
    session: Session,
    actor: Actor,
    evaluasi_id: int,
    *,
    versi: int | None = None,
    pada: datetime | None = None,
    alasan: str | None = None,
) -> EvaluasiDetail:
    """Lock the evaluation: the two ratings must be set; the identity snapshot is frozen.
    Before the period has ended a reason is required and kept in the history."""
    ev = ambil_evaluasi(session, evaluasi_id, versi)
    periode = get_periode(session, ev.periode_id)
    penilai_id = wajib_penilai(session, actor, ev.pegawai_id, periode)
    ke = wajib_draf(ev, "finalkan")
    alasan = " ".join((alasan or "").split()) or None
    sebab = _alasan_final_awal(session, periode, pada)
    if sebab is not None and alasan is None:
        raise ValidationError(sebab, "Alasan")
    pegawai = ambil_pegawai(session, ev.pegawai_id)
    if pegawai.kepala_unit:
        ikut = rating_kepala_unit(session, pegawai, periode.id)
        if ikut is None:
            raise StateError(
                "Pegawai ini kepala unit: predikat kinerja organisasi untuk periode ini belum "
                "ditetapkan oleh pimpinan satu tingkat di atasnya, sehingga rating hasil kerjanya "
                "belum dapat ditentukan."
            )
        ev.rating_hasil_kerja = ikut
    rh, rp = ev.rating_hasil_kerja, ev.rating_perilaku
    if not rh or not rp:
        kurang = [
            n for n, v in (("Rating Hasil Kerja", rh), ("Rating Perilaku Kerja", rp)) if not v
        ]
        raise ValidationError(
            f"{' dan '.join(kurang)} belum dipilih. Pilih keduanya sebelum memfinalkan.",
            kurang[0],
        )
    # the matrix once more: the predikat is never stored out of step
    ev.predikat = predikat_kinerja(Rating(rh), Rating(rp)).value
    ev.penilai_id = penilai_id
    ev.status = ke
    ev.difinalkan_pada = pada or sekarang_utc()
    perbarui_snapshot(session, ev, periode)
    catat_riwayat(session, actor, ev, FINAL, alasan if sebab else None, ev.difinalkan_pada)
    session.flush()
    return detail_evaluasi(session, actor, ev.id)


def simpan_dan_finalkan_evaluasi(
    session: Session,
    actor: Actor,
    evaluasi_id: int,
    *,
    versi: int | None = None,
    pada: datetime | None = None,
    alasan: str | None = None,
    **perubahan: Any,
) -> EvaluasiDetail:
    """Save the edits not yet saved (the keywords of :func:`simpan_evaluasi`) and finalise, in
    the caller's one transaction: when finalising is refused the edits are not kept either."""
    tersimpan = simpan_evaluasi(session, actor, evaluasi_id, versi=versi, **perubahan)
    return finalkan_evaluasi(
        session, actor, evaluasi_id, versi=tersimpan.versi, pada=pada, alasan=alasan
    )


def buka_kembali_evaluasi(
    session: Session,
    actor: Actor,
    evaluasi_id: int,
    alasan: str,
    *,
    versi: int | None = None,
    pada: datetime | None = None,
) -> EvaluasiDetail:
    """Reopen a FINAL evaluation (only its penilai, with a reason; recorded)."""
    ev = ambil_evaluasi(session, evaluasi_id, versi)
    ke = periksa_transisi(TRANSISI_EVALUASI, "buka_kembali", ev.status)
    if actor.pegawai_id is None or actor.pegawai_id != ev.penilai_id:
        raise PermissionDenied(
            "Hanya pejabat penilai yang memfinalkan evaluasi ini yang dapat membukanya kembali."
        )
    alasan = (alasan or "").strip()
    if len(alasan) < 5:
        raise ValidationError(
            "Tuliskan alasan membuka kembali evaluasi (minimal 5 huruf).", "Alasan"
        )
    status_keberatan = set(
        session.scalars(select(Keberatan.status).where(Keberatan.evaluasi_id == ev.id))
    )
    if StatusKeberatan.DIPUTUS in status_keberatan:
        raise StateError(
            "Keberatan atas evaluasi ini sudah diputus oleh atasan pejabat penilai; keputusan "
            "itu final sehingga evaluasi tidak dapat dibuka kembali."
        )
    if StatusKeberatan.DIAJUKAN in status_keberatan:
        raise StateError(
            "Pegawai sedang mengajukan keberatan atas evaluasi ini; tunggu keputusan atasan "
            "pejabat penilai."
        )
    ev.status = ke
    ev.difinalkan_pada = None
    catat_riwayat(session, actor, ev, "DIBUKA", alasan, pada)
    session.flush()
    return detail_evaluasi(session, actor, ev.id)
