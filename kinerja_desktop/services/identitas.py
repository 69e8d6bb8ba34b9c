"""Building the one identity type from the database, and the snapshot SKP and evaluation store.

The pure type and its JSON live in :mod:`kinerja_desktop.domain.identitas`; this module is the
only place that turns a pegawai row into an :class:`Identitas` and the only writer and reader
of the ``snapshot`` column of both SKP and evaluasi.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai
from kinerja_desktop.domain.enums import StatusPegawai
from kinerja_desktop.domain.errors import NotFound
from kinerja_desktop.domain.golongan import label_pangkat_golongan
from kinerja_desktop.domain.identitas import Identitas, SnapshotIdentitas
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.nip import nip_pejabat_luar
from kinerja_desktop.services import penugasan
from kinerja_desktop.services.pengaturan import KUNCI_TEMPAT, baca_teks
from kinerja_desktop.services.waktu import hari_ini


def identitas_dari(p: Pegawai) -> Identitas:
    """The pegawai's identity block as it reads in the roster now."""
    if p.luar:
        return _identitas_luar(p)
    return Identitas(
        nama=nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang),
        nip=p.nip,
        pangkat_golongan=label_pangkat_golongan(p.golongan, p.status),
        jabatan=p.jabatan,
        unit_kerja=p.unit_kerja.nama if p.unit_kerja else "",
        ppk=p.status == StatusPegawai.PPPK,
    )


def _identitas_luar(p: Pegawai) -> Identitas:
    """A pejabat luar kantor: his own unit (if recorded) and instansi; NIP only if he has one."""
    return Identitas(
        nama=nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang),
        nip=nip_pejabat_luar(p.nip),
        pangkat_golongan=label_pangkat_golongan(p.golongan, p.status) if p.golongan else "",
        jabatan=p.jabatan,
        unit_kerja=p.unit_kerja_luar or "",
        ppk=p.status == StatusPegawai.PPPK,
        instansi=p.instansi_luar or "-",
    )


def identitas(session: Session, pegawai_id: int) -> Identitas:
    p = session.get(Pegawai, pegawai_id)
    if p is None:
        raise NotFound("Pegawai tidak ditemukan.")
    return identitas_dari(p)


def _identitas_atau_kosong(session: Session, pegawai_id: int | None) -> Identitas | None:
    return identitas(session, pegawai_id) if pegawai_id else None


def _pejabat_definitif(session: Session, pegawai_id: int, tanggal: date) -> Pegawai | None:
    """The definitive atasan on ``tanggal``: the one whose jabatan an acting official holds."""
    pid = penugasan.definitif_pada(session, pegawai_id, tanggal)
    return session.get(Pegawai, pid) if pid is not None else None


def identitas_penilai(
    session: Session, pegawai_id: int, penilai_id: int | None, masa: tuple[date, date] | None
) -> Identitas | None:
    """The penilai's block for ``pegawai_id``: as "Plt."/"Plh." of the definitive atasan's
    jabatan and unit when he acts within ``masa``, else as he is in the roster."""
    if not penilai_id:
        return None
    blok = identitas(session, penilai_id)
    # the stretch in which he acts as PLT/PLH within masa (the owner's timeline, so an acting
    # official shadowed by another, or outside masa, prints as himself)
    tugas = penugasan.sementara_dalam(session, pegawai_id, penilai_id, *masa) if masa else None
    if tugas is None:
        return blok
    definitif = _pejabat_definitif(session, pegawai_id, tugas.mulai)
    if definitif is None or definitif.id == penilai_id:
        return blok.sebagai_pelaksana(tugas.jenis, blok.jabatan, blok.unit_kerja)
    dijabat = identitas_dari(definitif)
    return blok.sebagai_pelaksana(tugas.jenis, dijabat.jabatan, dijabat.unit_kerja)


def ambil_snapshot(
    session: Session,
    pegawai_id: int,
    penilai_id: int | None,
    atasan_penilai_id: int | None,
    *,
    instansi: str,
    masa: tuple[date, date] | None = None,
) -> str:
    """The snapshot JSON of the three identity blocks as they are today (who the penilai and
    his atasan are at the SKP's or period's date is for the caller to say; ``masa`` is the
    span in which an acting PLT/PLH prints as such)."""
    return SnapshotIdentitas(
        pegawai=identitas(session, pegawai_id),
        penilai=identitas_penilai(session, pegawai_id, penilai_id, masa),
        atasan_penilai=(
            identitas_penilai(session, penilai_id, atasan_penilai_id, masa)
            if penilai_id
            else _identitas_atau_kosong(session, atasan_penilai_id)
        ),
        instansi=instansi,
        tempat=baca_teks(session, KUNCI_TEMPAT),
        diambil_pada=hari_ini(session),
    ).ke_json()


def baca_snapshot(teks: str | None) -> SnapshotIdentitas:
    """The stored snapshot of an SKP or evaluation (``"{}"`` until one is taken)."""
    return SnapshotIdentitas.dari_json(teks)


__all__ = [
    "ambil_snapshot",
    "baca_snapshot",
    "identitas",
    "identitas_dari",
    "identitas_penilai",
]
