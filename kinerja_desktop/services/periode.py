"""Evaluation periods of the office's year: set by the operator, with entry deadlines.

Triwulan is the default scheme (TW1, TW2, TW3, AKHIR); an instansi may use bulanan or semester
instead. Each period has a batas pengisian; entries after it are accepted but flagged late.
The scheme of a year cannot be changed once anything has been recorded against its periods.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Evaluasi, Periode, Realisasi, RencanaAksi, UmpanBalik
from kinerja_desktop.domain.errors import NotFound, StateError, ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.periode import (
    BATAS_PENGISIAN_HARI,
    JenisPeriode,
    batas_pengisian_default,
    buat_periode,
)
from kinerja_desktop.services.akses import wajib_admin


@dataclass(frozen=True)
class PeriodeRow:
    id: int
    tahun: int
    jenis: str
    kode: str
    nama: str
    nomor: int
    mulai: date
    selesai: date
    batas_pengisian: date
    akhir: bool

    @property
    def label(self) -> str:
        return f"{self.nama} {self.tahun}"

    def terlambat_pada(self, hari: date) -> bool:
        """An entry made on ``hari`` is late when it is after the batas pengisian."""
        return hari > self.batas_pengisian

    def sedang_berjalan(self, hari: date) -> bool:
        return self.mulai <= hari <= self.selesai


def periode_row(p: Periode) -> PeriodeRow:
    return PeriodeRow(
        p.id,
        p.tahun,
        p.jenis,
        p.kode,
        p.nama,
        p.nomor,
        p.mulai,
        p.selesai,
        p.batas_pengisian,
        bool(p.akhir),
    )


def _periode_tahun(session: Session, tahun: int) -> list[Periode]:
    return list(
        session.scalars(select(Periode).where(Periode.tahun == tahun).order_by(Periode.nomor))
    )


def daftar_periode(session: Session, actor: Actor, tahun: int) -> list[PeriodeRow]:
    """The periods of a year, in order (empty when the operator has not set them)."""
    return [periode_row(p) for p in _periode_tahun(session, tahun)]


def pastikan_periode(
    session: Session, tahun: int, hari: int = BATAS_PENGISIAN_HARI
) -> list[PeriodeRow]:
    """The year's periods; on first use the default triwulan scheme is created.

    Used when a pegawai opens monitoring for a year nobody has set up yet: the default is what
    almost every instansi uses, and the operator can still change it while nothing is filled.
    """
    rows = _periode_tahun(session, tahun)
    if rows:
        return [periode_row(p) for p in rows]
    return _buat(session, tahun, JenisPeriode.TRIWULAN, hari)


def _buat(session: Session, tahun: int, jenis: JenisPeriode, hari: int) -> list[PeriodeRow]:
    baru = []
    for spec in buat_periode(tahun, jenis):
        p = Periode(
            tahun=tahun,
            jenis=jenis.value,
            kode=spec.kode,
            nama=spec.nama,
            nomor=spec.nomor,
            mulai=spec.mulai,
            selesai=spec.selesai,
            batas_pengisian=batas_pengisian_default(spec, hari),
            akhir=spec.akhir,
        )
        session.add(p)
        baru.append(p)
    session.flush()
    return [periode_row(p) for p in baru]


def _cek_tahun(tahun: int) -> None:
    if not 2000 <= int(tahun) <= 2100:
        raise ValidationError(f"Tahun {tahun} tidak wajar. Isi tahun 2000–2100.", "Tahun")


def data_terisi(session: Session, periode_ids: list[int]) -> dict[str, int]:
    """How many records hang on these periods (realisasi, rencana aksi, evaluasi, umpan balik)."""
    if not periode_ids:
        return {}
    hasil = {}
    for label, model in (
        ("realisasi", Realisasi),
        ("rencana aksi", RencanaAksi),
        ("evaluasi", Evaluasi),
        ("umpan balik", UmpanBalik),
    ):
        n = session.scalar(
            select(func.count()).select_from(model).where(model.periode_id.in_(periode_ids))
        )
        if n:
            hasil[label] = int(n)
    return hasil


def atur_periode(
    session: Session,
    actor: Actor,
    tahun: int,
    jenis: JenisPeriode | str,
    hari_batas: int = BATAS_PENGISIAN_HARI,
) -> list[PeriodeRow]:
    """Set the period scheme of a year (ADMIN). Re-applying the same scheme changes nothing.

    Changing the scheme of a year whose periods already carry realisasi (or rencana aksi,
    evaluasi, umpan balik) is refused: those records belong to the old periods.
    """
    wajib_admin(actor)
    _cek_tahun(tahun)
    try:
        jenis = JenisPeriode(jenis)
    except ValueError:
        raise ValidationError(
            f"Jenis periode tidak dikenal: {jenis}. Pilih Triwulan, Bulanan, atau Semester.",
            "Jenis",
        ) from None
    if not 0 <= int(hari_batas) <= 90:
        raise ValidationError(
            "Batas pengisian harus 0–90 hari setelah akhir periode.", "Batas pengisian"
        )
    lama = _periode_tahun(session, tahun)
    if lama and all(p.jenis == jenis.value for p in lama):
        return [periode_row(p) for p in lama]
    if lama:
        terisi = data_terisi(session, [p.id for p in lama])
        if terisi:
            rincian = ", ".join(f"{n} {label}" for label, n in terisi.items())
            raise StateError(
                f"Periode tahun {tahun} tidak dapat diubah menjadi {jenis.label.lower()} karena "
                f"sudah ada data yang tercatat pada periode {lama[0].jenis.lower()} ({rincian}). "
                "Skema periode hanya dapat diubah sebelum pegawai mulai mengisi."
            )
        for p in lama:
            session.delete(p)
        session.flush()
    return _buat(session, tahun, jenis, int(hari_batas))


def ubah_batas_pengisian(
    session: Session, actor: Actor, periode_id: int, batas: date
) -> PeriodeRow:
    """Change the entry deadline of one period (ADMIN). Flags already set are kept."""
    wajib_admin(actor)
    p = session.get(Periode, periode_id)
    if p is None:
        raise NotFound("Periode tidak ditemukan.")
    if batas < p.mulai:
        raise ValidationError(
            f"Batas pengisian ({batas:%d-%m-%Y}) tidak boleh sebelum periode dimulai "
            f"({p.mulai:%d-%m-%Y}).",
            "Batas pengisian",
        )
    p.batas_pengisian = batas
    session.flush()
    return periode_row(p)


def get_periode(session: Session, periode_id: int) -> Periode:
    p = session.get(Periode, periode_id)
    if p is None:
        raise NotFound("Periode tidak ditemukan. Muat ulang daftar periode.")
    return p


def periode_berjalan(rows: list[PeriodeRow], hari: date) -> PeriodeRow | None:
    """The period a user most likely wants: the running one, else the last one started."""
    for r in rows:
        if r.sedang_berjalan(hari):
            return r
    if not rows:
        return None
    lewat = [r for r in rows if r.mulai <= hari]
    return lewat[-1] if lewat else rows[0]


__all__ = [
    "PeriodeRow",
    "atur_periode",
    "daftar_periode",
    "data_terisi",
    "get_periode",
    "pastikan_periode",
    "periode_berjalan",
    "periode_row",
    "ubah_batas_pengisian",
]
