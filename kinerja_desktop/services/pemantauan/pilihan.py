"""Whose monitoring the acting user may open (the Pegawai choice of the filter bar)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services import penugasan
from kinerja_desktop.services.pemantauan.syarat import hari_acuan


@dataclass(frozen=True)
class PilihanPegawai:
    id: int
    nama: str
    nip: str
    hubungan: str  # "Saya sendiri" / "Bawahan" / "Pegawai"

    @property
    def label(self) -> str:
        return f"{self.nama} — {format_nip(self.nip)}" + (
            " (saya)" if self.hubungan == "Saya sendiri" else ""
        )


def pegawai_pilihan(
    session: Session, actor: Actor, tahun: int, *, hari_ini: date | None = None
) -> list[PilihanPegawai]:
    """Whose monitoring the acting user may open: himself, then whom he rates in the year (the
    same answer as the Papan and the SKP Bawahan tab); the operator may open anyone."""
    hasil: list[PilihanPegawai] = []
    sudah: set[int] = set()

    def tambah(rows: Iterable, hubungan: str) -> None:
        for pid, nama, gd, gb, nip in rows:
            if pid in sudah:
                continue
            sudah.add(pid)
            hasil.append(PilihanPegawai(pid, nama_lengkap(gd, nama, gb), nip, hubungan))

    kolom = (Pegawai.id, Pegawai.nama, Pegawai.gelar_depan, Pegawai.gelar_belakang, Pegawai.nip)
    if actor.pegawai_id is not None:
        tambah(
            session.execute(select(*kolom).where(Pegawai.id == actor.pegawai_id)), "Saya sendiri"
        )
        hari = hari_acuan(session, hari_ini)
        bawahan = list(penugasan.bawahan_tahun(session, actor.pegawai_id, tahun, hari_ini=hari))
        tambah(
            session.execute(
                select(*kolom).where(Pegawai.id.in_(bawahan)).order_by(Pegawai.nama_cari)
            ),
            "Bawahan",
        )
    if actor.is_admin:
        tambah(
            session.execute(
                select(*kolom)
                .where(Pegawai.aktif.is_(True), Pegawai.luar.is_(False))
                .order_by(Pegawai.nama_cari)
            ),
            "Pegawai",
        )
    return hasil
