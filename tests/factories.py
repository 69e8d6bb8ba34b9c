"""Quick builders of valid records for tests (bypassing services where a test needs data)."""

from __future__ import annotations

import itertools
from datetime import date

from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai, PenugasanPenilai, UnitKerja
from kinerja_desktop.domain.peran import Actor, Peran

_seq = itertools.count(1)


def nip_untuk(
    lahir: date,
    jenis_kelamin: str = "L",
    tmt: tuple[int, int] | None = None,
    urut: int | None = None,
) -> str:
    tahun, bulan = tmt or (lahir.year + 24, 3)
    gender = "1" if jenis_kelamin == "L" else "2"
    return f"{lahir:%Y%m%d}{tahun:04d}{bulan:02d}{gender}{(urut or next(_seq)) % 999 + 1:03d}"


def unit(
    session: Session, nama: str = "Kecamatan Contoh", induk: UnitKerja | None = None
) -> UnitKerja:
    u = UnitKerja(nama=nama, induk_id=induk.id if induk else None)
    session.add(u)
    session.flush()
    return u


def pegawai(
    session: Session,
    nama: str = "Budi Santoso",
    *,
    unit_kerja: UnitKerja | None = None,
    lahir: date = date(1980, 5, 17),
    jenis_kelamin: str = "L",
    status: str = "PNS",
    golongan: str = "III/b",
    jabatan: str = "Penata Laporan Keuangan",
    jenis_jabatan: str = "PELAKSANA",
    jenjang: str | None = None,
    gelar_depan: str | None = None,
    gelar_belakang: str | None = "S.E.",
    atasan: Pegawai | None = None,
    mulai_atasan: date = date(2020, 1, 1),
) -> Pegawai:
    if unit_kerja is None:
        unit_kerja = session.query(UnitKerja).first() or unit(session)
    p = Pegawai(
        nip=nip_untuk(lahir, jenis_kelamin),
        nama=nama,
        nama_cari=nama.lower(),
        gelar_depan=gelar_depan,
        gelar_belakang=gelar_belakang,
        tanggal_lahir=lahir,
        jenis_kelamin=jenis_kelamin,
        status=status,
        golongan=golongan,
        jabatan=jabatan,
        jenis_jabatan=jenis_jabatan,
        jenjang=jenjang,
        unit_kerja_id=unit_kerja.id,
    )
    session.add(p)
    session.flush()
    if atasan is not None:
        session.add(PenugasanPenilai(pegawai_id=p.id, penilai_id=atasan.id, mulai=mulai_atasan))
        session.flush()
    return p


def actor_for(p: Pegawai, *peran: Peran) -> Actor:
    """The acting user linked to a pegawai, with the given roles (default PEGAWAI+PENILAI)."""
    roles = frozenset(peran) or frozenset({Peran.PEGAWAI, Peran.PENILAI})
    return Actor(nama=p.nama, pegawai_id=p.id, peran=roles)
