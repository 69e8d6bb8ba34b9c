"""Building the one identity type from the database, and the snapshot SKP and evaluation store.

The pure type and its JSON live in :mod:`kinerja_desktop.domain.identitas`; this module is the
only place that turns a pegawai row into an :class:`Identitas` and the only writer and reader
of the ``snapshot`` column of both SKP and evaluasi.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai
from kinerja_desktop.domain.enums import StatusPegawai
from kinerja_desktop.domain.errors import NotFound
from kinerja_desktop.domain.golongan import label_pangkat_golongan
from kinerja_desktop.domain.identitas import Identitas, SnapshotIdentitas
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.services.pengaturan import KUNCI_TEMPAT, baca_teks
from kinerja_desktop.services.waktu import hari_ini


def identitas_dari(p: Pegawai) -> Identitas:
    """The pegawai's identity block as it reads in the roster now."""
    return Identitas(
        nama=nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang),
        nip=p.nip,
        pangkat_golongan=label_pangkat_golongan(p.golongan, p.status),
        jabatan=p.jabatan,
        unit_kerja=p.unit_kerja.nama if p.unit_kerja else "",
        ppk=p.status == StatusPegawai.PPPK,
    )


def identitas(session: Session, pegawai_id: int) -> Identitas:
    p = session.get(Pegawai, pegawai_id)
    if p is None:
        raise NotFound("Pegawai tidak ditemukan.")
    return identitas_dari(p)


def _identitas_atau_kosong(session: Session, pegawai_id: int | None) -> Identitas | None:
    return identitas(session, pegawai_id) if pegawai_id else None


def ambil_snapshot(
    session: Session,
    pegawai_id: int,
    penilai_id: int | None,
    atasan_penilai_id: int | None,
    *,
    instansi: str,
) -> str:
    """The snapshot JSON of the three identity blocks as they are today (who the penilai and
    his atasan are at the SKP's or period's date is for the caller to say)."""
    return SnapshotIdentitas(
        pegawai=identitas(session, pegawai_id),
        penilai=_identitas_atau_kosong(session, penilai_id),
        atasan_penilai=_identitas_atau_kosong(session, atasan_penilai_id),
        instansi=instansi,
        tempat=baca_teks(session, KUNCI_TEMPAT),
        diambil_pada=hari_ini(session),
    ).ke_json()


def baca_snapshot(teks: str | None) -> SnapshotIdentitas:
    """The stored snapshot of an SKP or evaluation (``"{}"`` until one is taken)."""
    return SnapshotIdentitas.dari_json(teks)


__all__ = ["ambil_snapshot", "baca_snapshot", "identitas", "identitas_dari"]
