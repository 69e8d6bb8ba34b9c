"""What belongs to one account rather than to the office: its own settings (the last view)
and how far it has read each feedback thread."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kinerja_desktop.db.base import Base


class PengaturanAkun(Base):
    """A per-account setting, so two users of one computer keep their own."""

    __tablename__ = "pengaturan_akun"
    __table_args__ = (UniqueConstraint("akun_id", "kunci"),)
    __audit__ = False  # screen preferences, not data

    # one-column key: every table the program writes is sealed row by row (services/segel.py)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    akun_id: Mapped[int] = mapped_column(ForeignKey("akun.id"))
    kunci: Mapped[str] = mapped_column(String(64))
    nilai: Mapped[str | None] = mapped_column(Text)


class UmpanBalikDibaca(Base):
    """The account has read a feedback thread up to ``dibaca_sampai`` (the newest message's
    time when it was shown); later messages of others are unread."""

    __tablename__ = "umpan_balik_dibaca"
    __table_args__ = (UniqueConstraint("akun_id", "utas_id"),)
    __audit__ = False  # reading is not a change to the record

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    akun_id: Mapped[int] = mapped_column(ForeignKey("akun.id"))
    utas_id: Mapped[int] = mapped_column(ForeignKey("umpan_balik.id"))
    dibaca_sampai: Mapped[datetime] = mapped_column(DateTime)
