"""SKP: the year's plan of a pegawai, its RHK, indikator, perilaku and lampiran."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kinerja_desktop.db.base import Base, TimestampMixin, UuidMixin, VersionMixin, utcnow
from kinerja_desktop.domain.status import StatusSkp


class Skp(UuidMixin, TimestampMixin, VersionMixin, Base):
    __tablename__ = "skp"
    __table_args__ = (Index("ix_skp_pegawai_tahun", "pegawai_id", "tahun"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pegawai_id: Mapped[int] = mapped_column(ForeignKey("pegawai.id"))
    penilai_id: Mapped[int | None] = mapped_column(ForeignKey("pegawai.id"), index=True)
    tahun: Mapped[int] = mapped_column(Integer, index=True)
    mulai: Mapped[date] = mapped_column(Date)
    selesai: Mapped[date] = mapped_column(Date)
    pendekatan: Mapped[str] = mapped_column(String(12))  # KUANTITATIF / KUALITATIF
    varian: Mapped[str] = mapped_column(String(8), default="UMUM")  # UMUM / JPT
    status: Mapped[str] = mapped_column(String(12), default=StatusSkp.DRAF, index=True)
    # Revisions: a ditetapkan SKP is changed by a new revision; the old one stays readable.
    revisi: Mapped[int] = mapped_column(Integer, default=0)
    revisi_dari_id: Mapped[int | None] = mapped_column(ForeignKey("skp.id"))
    terkini: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    alasan_revisi: Mapped[str | None] = mapped_column(Text)
    ditetapkan_pada: Mapped[datetime | None] = mapped_column(DateTime)
    # JSON snapshot of the identity blocks (pegawai, penilai, atasan penilai, instansi)
    # taken when the SKP was created or revised: printed forms never change afterwards.
    snapshot: Mapped[str] = mapped_column(Text, default="{}")

    rhk: Mapped[list[RencanaHasilKerja]] = relationship(
        back_populates="skp",
        order_by="(RencanaHasilKerja.jenis.desc(), RencanaHasilKerja.urutan)",
        cascade="all, delete-orphan",
    )
    perilaku: Mapped[list[EkspektasiPerilaku]] = relationship(
        back_populates="skp", order_by="EkspektasiPerilaku.urutan", cascade="all, delete-orphan"
    )
    lampiran: Mapped[list[LampiranSkp]] = relationship(
        back_populates="skp",
        order_by="(LampiranSkp.bagian, LampiranSkp.urutan)",
        cascade="all, delete-orphan",
    )


class RencanaHasilKerja(UuidMixin, TimestampMixin, VersionMixin, Base):
    __tablename__ = "rencana_hasil_kerja"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id"), index=True)
    jenis: Mapped[str] = mapped_column(String(10), default="UTAMA")  # UTAMA / TAMBAHAN
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    uraian: Mapped[str] = mapped_column(Text)
    # Cascading: the superior's RHK (in his ditetapkan SKP) that this one supports.
    rhk_intervensi_id: Mapped[int | None] = mapped_column(
        ForeignKey("rencana_hasil_kerja.id"), index=True
    )
    # The superior's RHK as free text, when his SKP is not kept in this database
    # (e.g. the Camat intervening an RHK of the Bupati/Sekda).
    intervensi_teks: Mapped[str | None] = mapped_column(Text)
    # The RHK of the previous revision this one was copied from (links survive revisions).
    asal_id: Mapped[int | None] = mapped_column(Integer, index=True)
    perspektif: Mapped[str | None] = mapped_column(String(32))  # JPT only
    penugasan_dari: Mapped[str | None] = mapped_column(String(255))  # JPT only

    skp: Mapped[Skp] = relationship(back_populates="rhk")
    rhk_intervensi: Mapped[RencanaHasilKerja | None] = relationship(
        remote_side="RencanaHasilKerja.id"
    )
    indikator: Mapped[list[Indikator]] = relationship(
        back_populates="rhk", order_by="Indikator.urutan", cascade="all, delete-orphan"
    )


class Indikator(UuidMixin, TimestampMixin, VersionMixin, Base):
    """Indikator Kinerja Individu (IKI) with its target."""

    __tablename__ = "indikator"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rhk_id: Mapped[int] = mapped_column(ForeignKey("rencana_hasil_kerja.id"), index=True)
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    aspek: Mapped[str | None] = mapped_column(String(12))  # KUANTITAS/KUALITAS/WAKTU/BIAYA
    uraian: Mapped[str] = mapped_column(Text)
    target_nilai: Mapped[float | None] = mapped_column(Float)
    target_satuan: Mapped[str | None] = mapped_column(String(64))
    # Kualitatif: IKI and target form one narrative cell.
    target_narasi: Mapped[str | None] = mapped_column(Text)
    # The IKI of the previous revision this one continues: its realisasi, rencana aksi,
    # progress and feedback stay where they were entered and are read through this link.
    asal_id: Mapped[int | None] = mapped_column(Integer, index=True)

    rhk: Mapped[RencanaHasilKerja] = relationship(back_populates="indikator")


class EkspektasiPerilaku(UuidMixin, Base):
    """One BerAKHLAK value of an SKP with the penilai's Ekspektasi Khusus Pimpinan."""

    __tablename__ = "ekspektasi_perilaku"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id"), index=True)
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    nilai: Mapped[str] = mapped_column(String(32))  # NilaiPerilaku.kode
    ekspektasi: Mapped[str | None] = mapped_column(Text)

    skp: Mapped[Skp] = relationship(back_populates="perilaku")


class LampiranSkp(UuidMixin, Base):
    __tablename__ = "lampiran_skp"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id"), index=True)
    # DUKUNGAN_SUMBER_DAYA / SKEMA_PERTANGGUNGJAWABAN / KONSEKUENSI
    bagian: Mapped[str] = mapped_column(String(32))
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    teks: Mapped[str] = mapped_column(Text)

    skp: Mapped[Skp] = relationship(back_populates="lampiran")


class RiwayatSkp(Base):
    """Workflow history: every transition with who, when and why."""

    __tablename__ = "riwayat_skp"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id"), index=True)
    waktu: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    akun_id: Mapped[int | None] = mapped_column(Integer)
    nama_pengguna: Mapped[str] = mapped_column(String(128))
    dari_status: Mapped[str | None] = mapped_column(String(12))
    ke_status: Mapped[str] = mapped_column(String(12))
    alasan: Mapped[str | None] = mapped_column(Text)


class PustakaRhk(UuidMixin, TimestampMixin, Base):
    """Library of RHK/IKI per jabatan that an operator fills and a pegawai picks from."""

    __tablename__ = "pustaka_rhk"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    jabatan: Mapped[str] = mapped_column(String(255), index=True)
    uraian_rhk: Mapped[str] = mapped_column(Text)
    aspek: Mapped[str | None] = mapped_column(String(12))
    uraian_indikator: Mapped[str] = mapped_column(Text)
    target_nilai: Mapped[float | None] = mapped_column(Float)
    target_satuan: Mapped[str | None] = mapped_column(String(64))
