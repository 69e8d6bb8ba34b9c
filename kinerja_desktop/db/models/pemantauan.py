"""Monitoring: periods, rencana aksi, realisasi, bukti dukung, daily progress, feedback."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kinerja_desktop.db.base import Base, TimestampMixin, UuidMixin, VersionMixin, utcnow
from kinerja_desktop.domain.status import StatusRealisasi


class Periode(UuidMixin, TimestampMixin, VersionMixin, Base):
    """An evaluation period of the office's year (TW1…AKHIR, S1, B01…)."""

    __tablename__ = "periode"
    __table_args__ = (UniqueConstraint("tahun", "kode", name="uq_periode_tahun_kode"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    tahun: Mapped[int] = mapped_column(Integer, index=True)
    jenis: Mapped[str] = mapped_column(String(10))  # JenisPeriode
    kode: Mapped[str] = mapped_column(String(8))
    nama: Mapped[str] = mapped_column(String(64))
    nomor: Mapped[int] = mapped_column(Integer)
    mulai: Mapped[date] = mapped_column(Date)
    selesai: Mapped[date] = mapped_column(Date)
    batas_pengisian: Mapped[date] = mapped_column(Date)
    akhir: Mapped[bool] = mapped_column(Boolean, default=False)


class RencanaAksi(UuidMixin, TimestampMixin, VersionMixin, Base):
    __tablename__ = "rencana_aksi"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rhk_id: Mapped[int] = mapped_column(ForeignKey("rencana_hasil_kerja.id"), index=True)
    periode_id: Mapped[int] = mapped_column(ForeignKey("periode.id"), index=True)
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    uraian: Mapped[str] = mapped_column(Text)


class Realisasi(UuidMixin, TimestampMixin, VersionMixin, Base):
    """Realisasi of one IKI in one period."""

    __tablename__ = "realisasi"
    __table_args__ = (
        UniqueConstraint("indikator_id", "periode_id", name="uq_realisasi_indikator_periode"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    indikator_id: Mapped[int] = mapped_column(ForeignKey("indikator.id"))
    periode_id: Mapped[int] = mapped_column(ForeignKey("periode.id"), index=True)
    nilai: Mapped[float | None] = mapped_column(Float)
    narasi: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=StatusRealisasi.DRAF)
    diisi_pada: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    terlambat: Mapped[bool] = mapped_column(Boolean, default=False)
    diajukan_pada: Mapped[datetime | None] = mapped_column(DateTime)


class BerkasBukti(Base):
    """A file in the evidence store, content-addressed so identical files are kept once."""

    __tablename__ = "berkas_bukti"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    ukuran: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str | None] = mapped_column(String(128))
    disimpan_pada: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class BuktiDukung(UuidMixin, TimestampMixin, Base):
    """Evidence attached to a realisasi or a daily entry: a stored file or a link."""

    __tablename__ = "bukti_dukung"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    realisasi_id: Mapped[int | None] = mapped_column(ForeignKey("realisasi.id"), index=True)
    progres_id: Mapped[int | None] = mapped_column(ForeignKey("progres_harian.id"), index=True)
    jenis: Mapped[str] = mapped_column(String(8))  # BERKAS / TAUTAN
    nama: Mapped[str] = mapped_column(String(255))  # original file name or link title
    sha256: Mapped[str | None] = mapped_column(ForeignKey("berkas_bukti.sha256"), index=True)
    url: Mapped[str | None] = mapped_column(Text)
    keterangan: Mapped[str | None] = mapped_column(Text)
    dibuat_oleh_id: Mapped[int | None] = mapped_column(ForeignKey("pegawai.id"))


class ProgresHarian(UuidMixin, TimestampMixin, VersionMixin, Base):
    __tablename__ = "progres_harian"
    __table_args__ = (Index("ix_progres_harian_pegawai_tanggal", "pegawai_id", "tanggal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pegawai_id: Mapped[int] = mapped_column(ForeignKey("pegawai.id"))
    tanggal: Mapped[date] = mapped_column(Date)
    uraian: Mapped[str] = mapped_column(Text)
    rhk_id: Mapped[int | None] = mapped_column(ForeignKey("rencana_hasil_kerja.id"), index=True)
    rencana_aksi_id: Mapped[int | None] = mapped_column(ForeignKey("rencana_aksi.id"))
    indikator_id: Mapped[int | None] = mapped_column(ForeignKey("indikator.id"), index=True)
    kuantitas: Mapped[float | None] = mapped_column(Float)
    satuan: Mapped[str | None] = mapped_column(String(64))
    terlambat: Mapped[bool] = mapped_column(Boolean, default=False)


class UmpanBalik(UuidMixin, Base):
    """Continuous feedback on an IKI, an RHK or a BerAKHLAK value; replies form a thread."""

    __tablename__ = "umpan_balik"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id"), index=True)
    periode_id: Mapped[int | None] = mapped_column(ForeignKey("periode.id"), index=True)
    indikator_id: Mapped[int | None] = mapped_column(ForeignKey("indikator.id"), index=True)
    rhk_id: Mapped[int | None] = mapped_column(ForeignKey("rencana_hasil_kerja.id"))
    nilai_perilaku: Mapped[str | None] = mapped_column(String(32))
    induk_id: Mapped[int | None] = mapped_column(ForeignKey("umpan_balik.id"))
    penulis_id: Mapped[int] = mapped_column(ForeignKey("pegawai.id"))
    teks: Mapped[str] = mapped_column(Text)
    waktu: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    balasan: Mapped[list[UmpanBalik]] = relationship(order_by="UmpanBalik.waktu")


class FrasaUmpanBalik(Base):
    """Bank of standard feedback phrases."""

    __tablename__ = "frasa_umpan_balik"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kategori: Mapped[str] = mapped_column(String(32))  # POSITIF / PERBAIKAN / PERILAKU
    teks: Mapped[str] = mapped_column(Text)
