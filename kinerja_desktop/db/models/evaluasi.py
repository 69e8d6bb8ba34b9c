"""Evaluation: ratings, predikat, organisation predikat, keberatan, printed documents."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from kinerja_desktop.db.base import Base, TimestampMixin, UuidMixin, VersionMixin, utcnow
from kinerja_desktop.domain.predikat import Rating, predikat_kinerja
from kinerja_desktop.domain.status import StatusEvaluasi, StatusKeberatan


class Evaluasi(UuidMixin, TimestampMixin, VersionMixin, Base):
    __tablename__ = "evaluasi"
    __table_args__ = (UniqueConstraint("skp_id", "periode_id", name="uq_evaluasi_skp_periode"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    skp_id: Mapped[int] = mapped_column(ForeignKey("skp.id"))
    periode_id: Mapped[int] = mapped_column(ForeignKey("periode.id"), index=True)
    pegawai_id: Mapped[int] = mapped_column(ForeignKey("pegawai.id"), index=True)
    penilai_id: Mapped[int] = mapped_column(ForeignKey("pegawai.id"), index=True)
    rating_hasil_kerja: Mapped[str | None] = mapped_column(String(10))  # Rating
    rating_perilaku: Mapped[str | None] = mapped_column(String(10))
    # Always derived from the two ratings by the matrix; never typed.
    predikat: Mapped[str | None] = mapped_column(String(16), index=True)
    catatan: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=StatusEvaluasi.DRAF)
    difinalkan_pada: Mapped[datetime | None] = mapped_column(DateTime)
    snapshot: Mapped[str] = mapped_column(Text, default="{}")

    perilaku: Mapped[list[EvaluasiPerilaku]] = relationship(
        back_populates="evaluasi", order_by="EvaluasiPerilaku.urutan", cascade="all, delete-orphan"
    )

    @validates("rating_hasil_kerja", "rating_perilaku")
    def _selaraskan_predikat(self, key: str, value: str | None) -> str | None:
        """Whenever a rating changes, the predikat follows from the matrix (never typed)."""
        value = Rating(value).value if value else None
        hasil = value if key == "rating_hasil_kerja" else self.rating_hasil_kerja
        perilaku = value if key == "rating_perilaku" else self.rating_perilaku
        self.predikat = predikat_kinerja(hasil, perilaku).value if hasil and perilaku else None
        return value


class EvaluasiPerilaku(UuidMixin, Base):
    """The penilai's feedback on one BerAKHLAK value in an evaluation."""

    __tablename__ = "evaluasi_perilaku"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    evaluasi_id: Mapped[int] = mapped_column(ForeignKey("evaluasi.id"), index=True)
    urutan: Mapped[int] = mapped_column(Integer, default=0)
    nilai: Mapped[str] = mapped_column(String(32))
    umpan_balik: Mapped[str | None] = mapped_column(Text)

    evaluasi: Mapped[Evaluasi] = relationship(back_populates="perilaku")


class RiwayatEvaluasi(Base):
    __tablename__ = "riwayat_evaluasi"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    evaluasi_id: Mapped[int] = mapped_column(ForeignKey("evaluasi.id"), index=True)
    waktu: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    akun_id: Mapped[int | None] = mapped_column(Integer)
    nama_pengguna: Mapped[str] = mapped_column(String(128))
    aksi: Mapped[str] = mapped_column(String(24))  # FINAL / DIBUKA / KEBERATAN / ...
    alasan: Mapped[str | None] = mapped_column(Text)


class PredikatOrganisasi(UuidMixin, TimestampMixin, VersionMixin, Base):
    __tablename__ = "predikat_organisasi"
    __table_args__ = (
        UniqueConstraint("unit_kerja_id", "periode_id", name="uq_predikat_organisasi_unit_periode"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    unit_kerja_id: Mapped[int] = mapped_column(ForeignKey("unit_kerja.id"))
    periode_id: Mapped[int] = mapped_column(ForeignKey("periode.id"), index=True)
    predikat: Mapped[str] = mapped_column(String(16))  # PredikatOrganisasi
    ditetapkan_oleh_id: Mapped[int | None] = mapped_column(ForeignKey("pegawai.id"))


class Keberatan(UuidMixin, TimestampMixin, VersionMixin, Base):
    """An objection (PP 30/2019 Pasal 59) decided by the atasan pejabat penilai."""

    __tablename__ = "keberatan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    evaluasi_id: Mapped[int] = mapped_column(ForeignKey("evaluasi.id"), index=True)
    diajukan_pada: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    alasan: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default=StatusKeberatan.DIAJUKAN)
    keputusan: Mapped[str | None] = mapped_column(String(10))  # TETAP / DIUBAH
    rating_hasil_kerja_baru: Mapped[str | None] = mapped_column(String(10))
    rating_perilaku_baru: Mapped[str | None] = mapped_column(String(10))
    catatan_keputusan: Mapped[str | None] = mapped_column(Text)
    diputus_oleh_id: Mapped[int | None] = mapped_column(ForeignKey("pegawai.id"))
    diputus_pada: Mapped[datetime | None] = mapped_column(DateTime)
    # The letter of an outside atasan pejabat penilai, entered by the operator
    # (services/keberatan_luar.py); the scan is a file of the evidence store.
    surat_nomor: Mapped[str | None] = mapped_column(String(100))
    surat_tanggal: Mapped[date | None] = mapped_column(Date)
    surat_nama: Mapped[str | None] = mapped_column(String(255))
    surat_sha256: Mapped[str | None] = mapped_column(String(64))


class DokumenCetak(Base):
    """Register of printed documents: the data a printout showed, to verify it later."""

    __tablename__ = "dokumen_cetak"
    __audit__ = False

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kode_dokumen: Mapped[str] = mapped_column(String(32), index=True)
    kode_verifikasi: Mapped[str] = mapped_column(String(20), index=True)
    jenis: Mapped[str] = mapped_column(String(32))
    # an entity's uuid, or "unit-uuid:periode-uuid" for a recap (hence 80, not 36)
    entitas_uuid: Mapped[str] = mapped_column(String(80))
    data: Mapped[str] = mapped_column(Text)  # canonical JSON of what was printed
    dicetak_pada: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
