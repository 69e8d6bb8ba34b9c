"""Roster: unit kerja, pegawai, pejabat penilai assignments, office settings."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kinerja_desktop.db.base import Base, TimestampMixin, UuidMixin, VersionMixin, new_uuid


class UnitKerja(UuidMixin, TimestampMixin, VersionMixin, Base):
    __tablename__ = "unit_kerja"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nama: Mapped[str] = mapped_column(String(255))
    kode: Mapped[str | None] = mapped_column(String(64), index=True)  # SIASN UNOR ID
    induk_id: Mapped[int | None] = mapped_column(ForeignKey("unit_kerja.id"), index=True)
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)

    induk: Mapped[UnitKerja | None] = relationship(remote_side="UnitKerja.id")


class Pegawai(UuidMixin, TimestampMixin, VersionMixin, Base):
    __tablename__ = "pegawai"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The client-generated UUID doubles as the "insert sentinel", so a flush of many new
    # pegawai (roster import) is sent as batched INSERT..RETURNING instead of row by row.
    uuid: Mapped[str] = mapped_column(
        String(36), unique=True, default=new_uuid, insert_sentinel=True
    )
    # NIP (PNS/CPNS) or NI PPPK: 18 digits, stored without spaces.
    nip: Mapped[str] = mapped_column(String(18), unique=True)
    pns_id: Mapped[str | None] = mapped_column(String(64))  # SIASN "PNS ID"
    nama: Mapped[str] = mapped_column(String(255))
    # Lower-cased copy for case-insensitive search that uses an index on every backend.
    nama_cari: Mapped[str] = mapped_column(String(255), index=True)
    gelar_depan: Mapped[str | None] = mapped_column(String(64))
    gelar_belakang: Mapped[str | None] = mapped_column(String(128))
    tanggal_lahir: Mapped[date] = mapped_column(Date)
    jenis_kelamin: Mapped[str] = mapped_column(String(1))  # JenisKelamin
    status: Mapped[str] = mapped_column(String(8))  # StatusPegawai
    golongan: Mapped[str] = mapped_column(String(8))  # "III/b" or PPPK "IX"
    jabatan: Mapped[str] = mapped_column(String(255))
    jenis_jabatan: Mapped[str] = mapped_column(String(16))  # JenisJabatan
    jenjang: Mapped[str | None] = mapped_column(String(16))  # JenjangFungsional
    unit_kerja_id: Mapped[int] = mapped_column(ForeignKey("unit_kerja.id"), index=True)
    kepala_unit: Mapped[bool] = mapped_column(Boolean, default=False)
    # a pimpinan unit kerja mandiri (not a JPT) still gets the JPT SKP and evaluation forms
    pimpinan_unit_mandiri: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    aktif: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    alasan_nonaktif: Mapped[str | None] = mapped_column(String(255))
    tanggal_nonaktif: Mapped[date | None] = mapped_column(Date)
    # SIASN KEDUDUKAN HUKUM NAMA as imported (domain.md §2a)
    kedudukan_hukum: Mapped[str | None] = mapped_column(String(64))
    # What the roster import could not read for sure ("jenjang perlu dilengkapi", …)
    perlu_dilengkapi: Mapped[str | None] = mapped_column(String(255))
    # A temporary absence (CLTN, Tugas Belajar, …; the reason is kedudukan_hukum): the record
    # stays, but the pegawai is out of SKP duties, boards and distributions meanwhile.
    bebas_tugas: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # A pejabat luar kantor (services/pejabat_luar.py): an outside penilai or atasan penilai
    # (Sekda, Bupati, a Kepala Dinas of another instansi). Never in the office's roster, no
    # SKP duty, no account; without a NIP, ``nip`` holds a "LUAR…" key instead.
    luar: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    instansi_luar: Mapped[str | None] = mapped_column(String(255))
    unit_kerja_luar: Mapped[str | None] = mapped_column(String(255))

    unit_kerja: Mapped[UnitKerja] = relationship()


class PenugasanPenilai(UuidMixin, TimestampMixin, Base):
    """Who rates a pegawai from a date on: the atasan langsung, or an acting PLT/PLH.

    A definitive assignment runs until the next one starts (``selesai`` is set
    then); PLT/PLH always have a date range and take precedence within it.
    """

    __tablename__ = "penugasan_penilai"
    __table_args__ = (Index("ix_penugasan_penilai_pegawai_mulai", "pegawai_id", "mulai"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pegawai_id: Mapped[int] = mapped_column(ForeignKey("pegawai.id"))
    penilai_id: Mapped[int] = mapped_column(ForeignKey("pegawai.id"), index=True)
    jenis: Mapped[str] = mapped_column(String(10), default="DEFINITIF")  # DEFINITIF/PLT/PLH
    mulai: Mapped[date] = mapped_column(Date)
    selesai: Mapped[date | None] = mapped_column(Date)
    keterangan: Mapped[str | None] = mapped_column(String(255))

    pegawai: Mapped[Pegawai] = relationship(foreign_keys=[pegawai_id])
    penilai: Mapped[Pegawai] = relationship(foreign_keys=[penilai_id])


class Pengaturan(Base):
    """Office-wide settings stored in the database (instansi, tempat, emblem)."""

    __tablename__ = "pengaturan"

    kunci: Mapped[str] = mapped_column(String(64), primary_key=True)
    nilai: Mapped[str | None] = mapped_column(Text)
    biner: Mapped[bytes | None] = mapped_column(LargeBinary)
