"""User accounts and the tamper-evident audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.db.base import Base, TimestampMixin, UuidMixin, VersionMixin, utcnow


class Akun(UuidMixin, TimestampMixin, VersionMixin, Base):
    __tablename__ = "akun"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nama_pengguna: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    pegawai_id: Mapped[int | None] = mapped_column(ForeignKey("pegawai.id"), index=True)
    # Comma-separated Peran values: an account may hold several roles.
    peran: Mapped[str] = mapped_column(String(128), default="")
    aktif: Mapped[bool] = mapped_column(Boolean, default=True)
    gagal_login: Mapped[int] = mapped_column(Integer, default=0)
    terkunci_sampai: Mapped[datetime | None] = mapped_column(DateTime)
    login_terakhir: Mapped[datetime | None] = mapped_column(DateTime)


class AuditLog(Base):
    """One change to one record. ``hash`` chains every entry to the one before it."""

    __tablename__ = "audit_log"
    __audit__ = False

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    waktu: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    akun_id: Mapped[int | None] = mapped_column(Integer, index=True)
    nama_pengguna: Mapped[str] = mapped_column(String(64))
    aksi: Mapped[str] = mapped_column(String(16))  # TAMBAH / UBAH / HAPUS
    entitas: Mapped[str] = mapped_column(String(64), index=True)
    entitas_id: Mapped[str] = mapped_column(String(64))
    pegawai_id: Mapped[int | None] = mapped_column(Integer, index=True)
    perubahan: Mapped[str] = mapped_column(Text)  # JSON {kolom: [sebelum, sesudah]}
    keterangan: Mapped[str | None] = mapped_column(String(255))
    hash_sebelum: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class Segel(Base):
    """The keyed seal of one row of another table (services/segel.py)."""

    __tablename__ = "segel"
    __audit__ = False

    tabel: Mapped[str] = mapped_column(String(64), primary_key=True)
    kunci: Mapped[str] = mapped_column(String(64), primary_key=True)
    nomor: Mapped[int] = mapped_column(Integer)  # the audit log's last id when sealed
    kolom: Mapped[str] = mapped_column(Text)  # one short MAC per column
    mac: Mapped[str] = mapped_column(String(32))
