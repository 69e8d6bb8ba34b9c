"""The roster import as a use case: preview, apply, and the worklist of pegawai whose data the
import could not read for sure. Only the administrator may do any of it: the preview shows
every stored value of the pegawai the file names. exchange/pegawai only reads the file into
checked rows; ``pratinjau`` compares them with the stored roster, ``terapkan`` writes the
chosen ones. This module is the door the screens and the CLI go through."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kinerja_desktop.db.models import Pegawai
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.jabatan_siasn import KEDUDUKAN_BAWAAN, Kedudukan, kunci_kedudukan
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.tugas import StatusTugas
from kinerja_desktop.services import pengaturan
from kinerja_desktop.services.akses import wajib_admin
from kinerja_desktop.services.impor_pegawai import terapkan
from kinerja_desktop.services.impor_pegawai.pratinjau import (
    BarisImpor,
    JenisBaris,
    Perubahan,
    Pratinjau,
    buat_pratinjau,
)
from kinerja_desktop.services.impor_pegawai.terapkan import HasilImpor
from kinerja_desktop.services.waktu import hari_ini

__all__ = [
    "BarisImpor",
    "HasilImpor",
    "JenisBaris",
    "Perubahan",
    "Pratinjau",
    "daftar_perlu_dilengkapi",
    "impor_worker",
    "pratinjau_impor",
    "pratinjau_worker",
    "simpan_tabel_kedudukan",
    "tabel_kedudukan",
    "terapkan_impor",
]


def pratinjau_impor(
    session: Session,
    actor: Actor,
    path: str | os.PathLike[str],
    mulai_atasan: date | None = None,
    state: StatusTugas | None = None,
    today: date | None = None,
) -> Pratinjau:
    """Read the file and compare it with the roster; writes nothing."""
    wajib_admin(actor)
    tabel = tabel_kedudukan(session, actor)
    hari = today or hari_ini(session)  # a leaver is deactivated on the office's date
    return buat_pratinjau(session, actor, path, mulai_atasan, state, hari, tabel)


def terapkan_impor(
    session: Session,
    actor: Actor,
    pratinjau: Pratinjau,
    dipilih: Iterable[int] | None = None,
    state: StatusTugas | None = None,
) -> HasilImpor:
    """Write the chosen rows in the caller's transaction (all or nothing)."""
    wajib_admin(actor)
    return terapkan.terapkan_impor(session, actor, pratinjau, dipilih, state)


KUNCI_KEDUDUKAN = "impor.kedudukan_hukum"  # settings key: the operator's table, as JSON


def tabel_kedudukan(session: Session, actor: Actor) -> dict[str, Kedudukan]:
    """KEDUDUKAN HUKUM NAMA (normalised) → treatment: the operator's table, else §2a's."""
    wajib_admin(actor)
    teks = pengaturan.baca_teks(session, KUNCI_KEDUDUKAN)
    if not teks:
        return dict(KEDUDUKAN_BAWAAN)
    try:
        data = json.loads(teks)
        return {kunci_kedudukan(k): Kedudukan(v) for k, v in data.items() if kunci_kedudukan(k)}
    except (ValueError, AttributeError):  # a damaged setting: fall back on the default
        return dict(KEDUDUKAN_BAWAAN)


def simpan_tabel_kedudukan(
    session: Session, actor: Actor, tabel: Mapping[str, str] | None
) -> dict[str, Kedudukan]:
    """Store the operator's table (``None``: back to the default of domain.md §2a)."""
    wajib_admin(actor)
    if tabel is None:
        pengaturan.tulis(session, KUNCI_KEDUDUKAN, None)
        return dict(KEDUDUKAN_BAWAAN)
    bersih: dict[str, str] = {}
    for nama, nilai in tabel.items():
        k = kunci_kedudukan(nama)
        if not k:
            continue
        try:
            bersih[k] = Kedudukan(nilai).value
        except ValueError:
            raise ValidationError(
                f"Perlakuan kedudukan hukum {nama!r} tidak dikenal: {nilai!r}.", "Perlakuan"
            ) from None
    pengaturan.tulis(session, KUNCI_KEDUDUKAN, json.dumps(bersih, ensure_ascii=False))
    return {k: Kedudukan(v) for k, v in bersih.items()}


@dataclass(frozen=True)
class PerluDilengkapi:
    pegawai_id: int
    nip: str
    nama: str
    jabatan: str
    catatan: str


def daftar_perlu_dilengkapi(session: Session, actor: Actor) -> list[PerluDilengkapi]:
    """Active pegawai whose jabatan data an import guessed or left empty, by name."""
    wajib_admin(actor)
    q = (
        select(Pegawai)
        .where(Pegawai.perlu_dilengkapi.is_not(None), Pegawai.aktif.is_(True))
        .order_by(Pegawai.nama_cari)
    )
    return [
        PerluDilengkapi(
            p.id,
            p.nip,
            nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang),
            p.jabatan,
            p.perlu_dilengkapi or "",
        )
        for p in session.scalars(q)
    ]


def pratinjau_worker(
    state: StatusTugas,
    factory: sessionmaker[Session],
    actor: Actor,
    path: str | os.PathLike[str],
    mulai_atasan: date | None = None,
) -> Pratinjau:
    with factory(info={"actor": actor}) as session:
        return pratinjau_impor(session, actor, path, mulai_atasan, state)


def impor_worker(
    state: StatusTugas,
    factory: sessionmaker[Session],
    actor: Actor,
    pratinjau: Pratinjau,
    dipilih: Iterable[int] | None = None,
) -> HasilImpor:
    """Apply in one transaction: everything is written, or (error, cancel) nothing."""
    from kinerja_desktop.services.uow import unit_of_work

    keterangan = f"Impor pegawai dari {pratinjau.nama_file}"
    with unit_of_work(factory, actor, keterangan) as session:
        return terapkan_impor(session, actor, pratinjau, dipilih, state)
