"""Office identity kept in the database: instansi, place of signing, emblem image, time zone.

Read by anyone (reports print them); changed only by the administrator.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pengaturan
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.zona_waktu import ZONA_BAWAAN, ZonaWaktu
from kinerja_desktop.services.akses import wajib_admin

KUNCI_INSTANSI = "instansi"
KUNCI_TEMPAT = "tempat"
KUNCI_EMBLEM = "emblem"
KUNCI_ZONA_WAKTU = "zona_waktu"
# Whether a unit head counts in his own unit's distribution: SE 3/2023 leaves it to the
# office (the head's predikat follows the organisation's); "1" counts him, as before.
KUNCI_KEPALA_DIHITUNG = "distribusi_kepala_unit_dihitung"
# How many days before a period's last day an evaluation may be finalised without a reason;
# earlier than that the penilai must say why (kept in the evaluation's history).
KUNCI_HARI_FINAL_AWAL = "finalisasi_hari_sebelum_akhir"

EMBLEM_MAKS_BYTE = 2_000_000
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"


@dataclass(frozen=True)
class IdentitasKantor:
    instansi: str
    tempat: str
    emblem: bytes | None
    zona: ZonaWaktu = ZONA_BAWAAN

    @property
    def lengkap(self) -> bool:
        return bool(self.instansi and self.tempat)


def baca_teks(session: Session, kunci: str, bawaan: str = "") -> str:
    row = session.get(Pengaturan, kunci)
    return row.nilai if row is not None and row.nilai is not None else bawaan


def baca_biner(session: Session, kunci: str) -> bytes | None:
    row = session.get(Pengaturan, kunci)
    return row.biner if row is not None else None


def tulis(
    session: Session, kunci: str, nilai: str | None = None, biner: bytes | None = None
) -> None:
    """Set a value (no permission check: for services that already checked)."""
    row = session.get(Pengaturan, kunci)
    if row is None:
        session.add(Pengaturan(kunci=kunci, nilai=nilai, biner=biner))
    else:
        row.nilai, row.biner = nilai, biner
    session.flush()


def identitas_kantor(session: Session, actor: Actor | None = None) -> IdentitasKantor:
    return IdentitasKantor(
        baca_teks(session, KUNCI_INSTANSI),
        baca_teks(session, KUNCI_TEMPAT),
        baca_biner(session, KUNCI_EMBLEM),
        baca_zona_waktu(session),
    )


def baca_zona_waktu(session: Session) -> ZonaWaktu:
    """The stored office zone; WIB for a database from before the setting existed."""
    nilai = baca_teks(session, KUNCI_ZONA_WAKTU)
    return ZonaWaktu(nilai) if nilai in ZonaWaktu._value2member_map_ else ZONA_BAWAAN


def periksa_emblem(data: bytes) -> bytes:
    if len(data) > EMBLEM_MAKS_BYTE:
        raise ValidationError(
            "Berkas lambang terlalu besar (maksimal 2 MB). Perkecil gambarnya lalu pilih lagi.",
            "Lambang",
        )
    if not (data.startswith(_PNG) or data.startswith(_JPEG)):
        raise ValidationError("Lambang harus berupa gambar PNG atau JPEG.", "Lambang")
    return data


def simpan_identitas_kantor(
    session: Session,
    actor: Actor,
    instansi: str,
    tempat: str,
    emblem: bytes | None = None,
    hapus_emblem: bool = False,
    zona: ZonaWaktu | None = None,
) -> IdentitasKantor:
    wajib_admin(actor)
    _simpan_identitas(session, instansi, tempat, emblem, hapus_emblem, zona)
    return identitas_kantor(session)


def _simpan_identitas(
    session: Session,
    instansi: str,
    tempat: str,
    emblem: bytes | None,
    hapus_emblem: bool,
    zona: ZonaWaktu | None = None,
) -> None:
    instansi = " ".join((instansi or "").split())
    tempat = " ".join((tempat or "").split())
    if not instansi:
        raise ValidationError(
            "Nama instansi wajib diisi, misalnya PEMERINTAH KABUPATEN TEBO.", "Instansi"
        )
    if not tempat:
        raise ValidationError(
            "Nama tempat untuk baris tanda tangan wajib diisi, misalnya Muara Tebo.", "Tempat"
        )
    if len(instansi) > 255 or len(tempat) > 100:
        raise ValidationError("Nama instansi atau tempat terlalu panjang.", "Instansi")
    tulis(session, KUNCI_INSTANSI, instansi)
    tulis(session, KUNCI_TEMPAT, tempat)
    if zona is not None:
        tulis(session, KUNCI_ZONA_WAKTU, ZonaWaktu(zona).value)
        session.info.pop(KUNCI_ZONA_WAKTU, None)  # the per-session cache of services/waktu
    if emblem is not None:
        tulis(session, KUNCI_EMBLEM, None, periksa_emblem(emblem))
    elif hapus_emblem and session.get(Pengaturan, KUNCI_EMBLEM) is not None:
        session.delete(session.get(Pengaturan, KUNCI_EMBLEM))
        session.flush()


def kepala_unit_dihitung(session: Session, actor: Actor | None = None) -> bool:
    """Is a unit head counted in his own unit's distribution and recap? (default yes)"""
    return baca_teks(session, KUNCI_KEPALA_DIHITUNG, "1") == "1"


def atur_kepala_unit_dihitung(session: Session, actor: Actor, dihitung: bool) -> bool:
    wajib_admin(actor)
    tulis(session, KUNCI_KEPALA_DIHITUNG, "1" if dihitung else "0")
    return dihitung


def hari_final_tanpa_alasan(session: Session) -> int:
    """Days before a period's last day from which finalising needs no reason (default 0)."""
    teks = baca_teks(session, KUNCI_HARI_FINAL_AWAL, "0")
    return int(teks) if teks.isdigit() else 0


def hari_final_tanpa_alasan_aktor(session: Session, actor: Actor | None = None) -> int:
    """:func:`hari_final_tanpa_alasan` as a screen reads it (open to every user)."""
    return hari_final_tanpa_alasan(session)


def atur_hari_final_tanpa_alasan(session: Session, actor: Actor, hari: int) -> int:
    wajib_admin(actor)
    if not 0 <= int(hari) <= 92:
        raise ValidationError("Jumlah hari harus antara 0 dan 92.", "Hari")
    tulis(session, KUNCI_HARI_FINAL_AWAL, str(int(hari)))
    return int(hari)


def semua_kunci(session: Session) -> list[str]:
    return list(session.scalars(select(Pengaturan.kunci).order_by(Pengaturan.kunci)))


# --- security policy: set by the administrator, the same on every computer -------------------
# (kept here and not in the personal INI file, which a user can edit: editing it cannot switch
# the idle lock off or weaken the password rule)
KUNCI_KUNCI_LAYAR = "kebijakan/kunci_layar_menit"
KUNCI_SANDI_MINIMAL = "kebijakan/sandi_panjang_minimal"
KUNCI_LAYAR_BAWAAN = 15
SANDI_MINIMAL_BAWAAN = 8


@dataclass(frozen=True)
class KebijakanKeamanan:
    kunci_layar_menit: int  # 0: never
    sandi_panjang_minimal: int


def _bilangan_kebijakan(session: Session, kunci: str, bawaan: int, bawah: int, atas: int) -> int:
    teks = baca_teks(session, kunci, str(bawaan))
    nilai = int(teks) if teks.isdigit() else bawaan
    return min(max(nilai, bawah), atas)


def kebijakan_keamanan(session: Session, actor: Actor | None = None) -> KebijakanKeamanan:
    """Read by every session (the idle lock, the password forms)."""
    return KebijakanKeamanan(
        _bilangan_kebijakan(session, KUNCI_KUNCI_LAYAR, KUNCI_LAYAR_BAWAAN, 0, 240),
        _bilangan_kebijakan(session, KUNCI_SANDI_MINIMAL, SANDI_MINIMAL_BAWAAN, 8, 64),
    )


def atur_kebijakan_keamanan(
    session: Session, actor: Actor, kunci_layar_menit: int, sandi_panjang_minimal: int
) -> KebijakanKeamanan:
    wajib_admin(actor)
    if not 0 <= int(kunci_layar_menit) <= 240:
        raise ValidationError(
            "Kunci sesi otomatis: 0 (tidak pernah) sampai 240 menit.", "Kunci sesi"
        )
    if not 8 <= int(sandi_panjang_minimal) <= 64:
        raise ValidationError("Panjang kata sandi minimal: 8 sampai 64 karakter.", "Kata sandi")
    tulis(session, KUNCI_KUNCI_LAYAR, str(int(kunci_layar_menit)))
    tulis(session, KUNCI_SANDI_MINIMAL, str(int(sandi_panjang_minimal)))
    return kebijakan_keamanan(session)
