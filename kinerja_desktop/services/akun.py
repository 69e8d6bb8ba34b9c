"""Local accounts: argon2 password hashes, login with slow-down and lockout, roles.

Passwords are never stored, only argon2id hashes (memory-hard, salted). A failed login
makes the next attempt wait (1, 2, 4, 8 s); the fifth failure in a row locks the account
for 15 minutes. The clock is a parameter (``jam``) so tests need not sleep.

``masuk`` returns a :class:`HasilMasuk` instead of raising, so that the failure counter it
updates is committed with the user action.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.base import utcnow
from kinerja_desktop.db.models import Akun, Pegawai
from kinerja_desktop.domain.errors import NotFound, PermissionDenied, StateError, ValidationError
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.peran import Actor, Peran, format_peran, parse_peran
from kinerja_desktop.domain.zona_waktu import ZonaWaktu, zona_komputer
from kinerja_desktop.services.akses import wajib_admin
from kinerja_desktop.services.slot import slot_baru, slot_perlu_diperbarui
from kinerja_desktop.services.waktu import waktu_kantor

Jam = Callable[[], datetime]

MAKS_GAGAL = 5
LAMA_KUNCI = timedelta(minutes=15)
PANJANG_MINIMAL = 8

HASHER = PasswordHasher()  # argon2id, 64 MiB, 3 passes (the library's RFC 9106 defaults)

# A hash to verify against when the user name does not exist, so that a wrong name and a
# wrong password take the same time.
_HASH_TIRUAN: str | None = None

_SANDI_UMUM = {
    "password",
    "password1",
    "12345678",
    "123456789",
    "1234567890",
    "qwerty123",
    "admin123",
    "administrator",
    "rahasia123",
    "bismillah",
    "indonesia",
    "passw0rd",
    "kinerja123",
    "11111111",
    "00000000",
    "abcd1234",
    "asdf1234",
}
_POLA_NAMA = re.compile(r"^[a-z0-9][a-z0-9._-]{2,31}$")


class KataSandiLemah(ValidationError):
    pass


@dataclass(frozen=True)
class AkunRow:
    id: int
    nama_pengguna: str
    pegawai_id: int | None
    pegawai_nama: str | None
    peran: frozenset[Peran]
    aktif: bool
    terkunci: bool
    terkunci_sampai: datetime | None
    gagal_login: int
    login_terakhir: datetime | None
    versi: int
    login_terakhir_kantor: datetime | None = None  # in the office's zone, for the screen

    @property
    def peran_label(self) -> str:
        return ", ".join(p.label for p in sorted(self.peran))


@dataclass(frozen=True)
class HasilMasuk:
    actor: Actor | None
    pesan: str
    tunggu_detik: int = 0  # >0: the account is slowed down or locked for this long

    @property
    def berhasil(self) -> bool:
        return self.actor is not None


# --- rules ------------------------------------------------------------------------------


def periksa_nama_pengguna(nama: str) -> str:
    nama = (nama or "").strip().lower()
    if not _POLA_NAMA.match(nama):
        raise ValidationError(
            "Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda "
            "hubung, diawali huruf atau angka (misalnya budi.santoso).",
            "Nama Pengguna",
        )
    return nama


def periksa_kekuatan(
    password: str, nama_pengguna: str = "", panjang: int = PANJANG_MINIMAL
) -> None:
    """Strength rule: ``panjang``+ characters (the administrator's policy, at least 8), letters
    and digits, not common, not the user name."""
    p = password or ""
    panjang = max(panjang, PANJANG_MINIMAL)
    if len(p) < panjang:
        raise KataSandiLemah(f"Kata sandi minimal {panjang} karakter.", "Kata Sandi")
    if not re.search(r"[A-Za-z]", p) or not re.search(r"\d", p):
        raise KataSandiLemah("Kata sandi harus memuat huruf dan angka.", "Kata Sandi")
    if p.lower() in _SANDI_UMUM or len(set(p)) < 4:
        raise KataSandiLemah(
            "Kata sandi terlalu mudah ditebak. Gunakan gabungan kata dan angka yang tidak umum.",
            "Kata Sandi",
        )
    if nama_pengguna and nama_pengguna.lower() in p.lower():
        raise KataSandiLemah("Kata sandi tidak boleh memuat nama pengguna.", "Kata Sandi")


def _periksa_sandi_baru(
    session: Session, password: str, ulangi: str | None, nama_pengguna: str
) -> None:
    from kinerja_desktop.services.pengaturan import kebijakan_keamanan

    if ulangi is not None and password != ulangi:
        raise ValidationError("Kedua kata sandi tidak sama. Ketik ulang.", "Ulangi Kata Sandi")
    periksa_kekuatan(password, nama_pengguna, kebijakan_keamanan(session).sandi_panjang_minimal)


def hash_password(password: str) -> str:
    return HASHER.hash(password)


def cocok(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def jeda_setelah_gagal(gagal: int) -> timedelta:
    """How long the account waits after ``gagal`` failures in a row."""
    if gagal >= MAKS_GAGAL:
        return LAMA_KUNCI
    if gagal <= 0:
        return timedelta(0)
    return timedelta(seconds=2 ** (gagal - 1))


def _peran(peran: Iterable[Peran | str]) -> frozenset[Peran]:
    try:
        hasil = frozenset(Peran(p) for p in peran)
    except ValueError as exc:
        raise ValidationError(f"Peran tidak dikenal: {exc}.", "Peran") from exc
    if not hasil:
        raise ValidationError("Pilih sekurang-kurangnya satu peran.", "Peran")
    return hasil


def actor_dari(akun: Akun) -> Actor:
    return Actor(
        nama=akun.nama_pengguna,
        akun_id=akun.id,
        pegawai_id=akun.pegawai_id,
        peran=parse_peran(akun.peran),
    )


def _nama_pegawai(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    """Full names of the given pegawai, in one query."""
    ids = {i for i in ids if i is not None}
    if not ids:
        return {}
    rows = session.execute(
        select(Pegawai.id, Pegawai.gelar_depan, Pegawai.nama, Pegawai.gelar_belakang).where(
            Pegawai.id.in_(ids)
        )
    )
    return {pid: nama_lengkap(gd, nama, gb) for pid, gd, nama, gb in rows}


def _row(
    session: Session, a: Akun, sekarang: datetime, nama: dict[int, str] | None = None
) -> AkunRow:
    if nama is None:
        nama = _nama_pegawai(session, [a.pegawai_id])
    pegawai_nama = nama.get(a.pegawai_id) if a.pegawai_id is not None else None
    terkunci = a.terkunci_sampai is not None and a.terkunci_sampai > sekarang
    return AkunRow(
        a.id,
        a.nama_pengguna,
        a.pegawai_id,
        pegawai_nama,
        parse_peran(a.peran),
        a.aktif,
        terkunci and a.gagal_login >= MAKS_GAGAL,
        a.terkunci_sampai,
        a.gagal_login,
        a.login_terakhir,
        a.versi,
        waktu_kantor(session, a.login_terakhir) if a.login_terakhir else None,
    )


def _get(session: Session, akun_id: int) -> Akun:
    akun = session.get(Akun, akun_id)
    if akun is None:
        raise NotFound("Akun tidak ditemukan.")
    return akun


def _cek_pegawai(session: Session, pegawai_id: int | None, kecuali_akun: int | None) -> None:
    if pegawai_id is None:
        return
    p = session.get(Pegawai, pegawai_id)
    if p is None:
        raise NotFound("Pegawai yang dipilih tidak ditemukan.")
    if p.luar:  # he signs on paper; his decisions are entered by the operator
        raise ValidationError(
            "Pejabat luar kantor tidak dapat diberi akun; keputusannya dicatat oleh operator.",
            "Pegawai",
        )
    lain = session.scalar(
        select(Akun.nama_pengguna).where(
            Akun.pegawai_id == pegawai_id, Akun.id != (kecuali_akun or -1)
        )
    )
    if lain:
        raise ValidationError(
            f"Pegawai ini sudah memiliki akun ({lain}). Satu pegawai satu akun.", "Pegawai"
        )


def _cek_nama_unik(session: Session, nama: str) -> None:
    if session.scalar(select(Akun.id).where(Akun.nama_pengguna == nama)) is not None:
        raise ValidationError(
            f"Nama pengguna {nama} sudah dipakai. Pilih nama lain.", "Nama Pengguna"
        )


def _admin_aktif_lain(session: Session, kecuali: int) -> int:
    return sum(
        1
        for a in session.scalars(select(Akun).where(Akun.aktif.is_(True), Akun.id != kecuali))
        if Peran.ADMIN in parse_peran(a.peran)
    )


# --- first start ---------------------------------------------------------------------------


def ada_akun(session: Session) -> bool:
    """Whether the database has accounts (else the first-start wizard runs)."""
    return bool(session.scalar(select(func.count(Akun.id))))


def buat_admin_pertama(
    session: Session,
    actor: Actor,
    nama_pengguna: str,
    password: str,
    ulangi: str,
    *,
    instansi: str,
    tempat: str,
    emblem: bytes | None = None,
    pegawai_id: int | None = None,
    zona: ZonaWaktu | None = None,
) -> Actor:
    """The first-start wizard: the administrator account and the office identity.

    Allowed only while the database has no account at all.
    """
    from kinerja_desktop.services.pengaturan import _simpan_identitas

    if ada_akun(session):
        raise PermissionDenied(
            "Basis data ini sudah memiliki akun. Masuk dengan akun administrator."
        )
    nama = periksa_nama_pengguna(nama_pengguna)
    _periksa_sandi_baru(session, password, ulangi, nama)
    _cek_pegawai(session, pegawai_id, None)
    _simpan_identitas(session, instansi, tempat, emblem, False, zona or zona_komputer())
    akun = Akun(
        nama_pengguna=nama,
        password_hash=hash_password(password),
        pegawai_id=pegawai_id,
        peran=format_peran({Peran.ADMIN}),
        aktif=True,
        gagal_login=0,
    )
    session.add(akun)
    session.flush()
    return actor_dari(akun)


# --- login ---------------------------------------------------------------------------------


def _tunggu(sampai: datetime, sekarang: datetime) -> int:
    return max(1, int((sampai - sekarang).total_seconds() + 0.999))


def masuk(
    session: Session, actor: Actor, nama_pengguna: str, password: str, jam: Jam = utcnow
) -> HasilMasuk:
    """Check a login. ``actor`` is whoever is at the keyboard (not yet known: any actor)."""
    global _HASH_TIRUAN
    sekarang = jam()
    nama = (nama_pengguna or "").strip().lower()
    akun = session.scalar(select(Akun).where(Akun.nama_pengguna == nama)) if nama else None
    salah = "Nama pengguna atau kata sandi salah."
    if akun is None:
        if _HASH_TIRUAN is None:
            _HASH_TIRUAN = hash_password("tiruan-untuk-waktu-yang-sama-1")
        cocok(_HASH_TIRUAN, password or "")
        return HasilMasuk(None, salah)
    if not akun.aktif:
        return HasilMasuk(None, "Akun ini dinonaktifkan. Hubungi administrator.")
    if akun.pegawai_id is not None and Peran.ADMIN not in parse_peran(akun.peran):
        pegawai = session.get(Pegawai, akun.pegawai_id)
        if pegawai is not None and not pegawai.aktif:
            return HasilMasuk(
                None,
                "Data pegawai untuk akun ini sudah nonaktif (pensiun/pindah), sehingga akun "
                "tidak dapat dipakai. Hubungi administrator.",
            )
    if akun.terkunci_sampai is not None and akun.terkunci_sampai > sekarang:
        detik = _tunggu(akun.terkunci_sampai, sekarang)
        if akun.gagal_login >= MAKS_GAGAL:
            menit = (detik + 59) // 60
            return HasilMasuk(
                None,
                f"Akun dikunci sementara karena {akun.gagal_login} kali salah kata sandi. "
                f"Coba lagi dalam {menit} menit, atau minta administrator membukanya.",
                detik,
            )
        return HasilMasuk(None, f"Tunggu {detik} detik sebelum mencoba lagi.", detik)
    if not cocok(akun.password_hash, password or ""):
        session.info["keterangan"] = session.info.get("keterangan") or "Gagal masuk"
        akun.gagal_login = (akun.gagal_login or 0) + 1
        jeda = jeda_setelah_gagal(akun.gagal_login)
        akun.terkunci_sampai = sekarang + jeda
        session.flush()
        if akun.gagal_login >= MAKS_GAGAL:
            return HasilMasuk(
                None,
                f"Kata sandi salah {akun.gagal_login} kali. Akun dikunci "
                f"{int(LAMA_KUNCI.total_seconds() // 60)} menit; administrator dapat "
                "membukanya lebih cepat.",
                int(jeda.total_seconds()),
            )
        sisa = MAKS_GAGAL - akun.gagal_login
        return HasilMasuk(
            None,
            f"{salah} Sisa {sisa} kali percobaan sebelum akun dikunci sementara.",
            int(jeda.total_seconds()),
        )
    masuk_sebagai = actor_dari(akun)
    session.info["actor"] = masuk_sebagai  # the audit entry names the user who logged in
    session.info["keterangan"] = session.info.get("keterangan") or "Masuk"
    if HASHER.check_needs_rehash(akun.password_hash):
        akun.password_hash = hash_password(password)
    if slot_perlu_diperbarui(session, akun.nama_pengguna):
        slot_baru(session, akun.nama_pengguna, password)  # a slot made from the old hash
    akun.gagal_login = 0
    akun.terkunci_sampai = None
    akun.login_terakhir = sekarang
    session.flush()
    return HasilMasuk(masuk_sebagai, "Berhasil masuk.")


def buka_layar_kunci(
    session: Session, actor: Actor, password: str, jam: Jam = utcnow
) -> HasilMasuk:
    """The idle lock screen: the same user types his password again."""
    if actor.akun_id is None:
        raise PermissionDenied("Sesi ini tidak terkait dengan akun.")
    akun = _get(session, actor.akun_id)
    return masuk(session, actor, akun.nama_pengguna, password, jam)


# --- the user himself ---------------------------------------------------------------------


def ganti_password(session: Session, actor: Actor, lama: str, baru: str, ulangi: str) -> None:
    if actor.akun_id is None:
        raise PermissionDenied("Masuk dengan akun Anda terlebih dahulu untuk mengganti kata sandi.")
    akun = _get(session, actor.akun_id)
    if not cocok(akun.password_hash, lama or ""):
        raise ValidationError("Kata sandi lama salah.", "Kata Sandi Lama")
    if baru == lama:
        raise ValidationError("Kata sandi baru harus berbeda dari yang lama.", "Kata Sandi Baru")
    _periksa_sandi_baru(session, baru, ulangi, akun.nama_pengguna)
    akun.password_hash = hash_password(baru)
    slot_baru(session, akun.nama_pengguna, baru)
    session.flush()


def akun_saya(session: Session, actor: Actor, jam: Jam | None = None) -> AkunRow:
    if actor.akun_id is None:
        raise NotFound("Sesi ini tidak terkait dengan akun.")
    return _row(session, _get(session, actor.akun_id), (jam or utcnow)())


# --- administration -------------------------------------------------------------------------


def daftar_akun(session: Session, actor: Actor, jam: Jam | None = None) -> list[AkunRow]:
    wajib_admin(actor)
    sekarang = (jam or utcnow)()
    semua = list(session.scalars(select(Akun).order_by(Akun.nama_pengguna)))
    nama = _nama_pegawai(session, (a.pegawai_id for a in semua))
    return [_row(session, a, sekarang, nama) for a in semua]


def tambah_akun(
    session: Session,
    actor: Actor,
    nama_pengguna: str,
    password: str,
    peran: Iterable[Peran | str],
    pegawai_id: int | None = None,
    ulangi: str | None = None,
) -> AkunRow:
    wajib_admin(actor)
    nama = periksa_nama_pengguna(nama_pengguna)
    _cek_nama_unik(session, nama)
    roles = _peran(peran)
    if roles & {Peran.PEGAWAI, Peran.PENILAI} and pegawai_id is None:
        raise ValidationError(
            "Akun dengan peran Pegawai atau Pejabat Penilai harus dikaitkan dengan data pegawai.",
            "Pegawai",
        )
    _cek_pegawai(session, pegawai_id, None)
    _periksa_sandi_baru(session, password, ulangi, nama)
    akun = Akun(
        nama_pengguna=nama,
        password_hash=hash_password(password),
        pegawai_id=pegawai_id,
        peran=format_peran(roles),
        aktif=True,
        gagal_login=0,
    )
    session.add(akun)
    slot_baru(session, nama, password)  # the admin's session holds the office key
    session.flush()
    return _row(session, akun, utcnow())


def ubah_akun(
    session: Session,
    actor: Actor,
    akun_id: int,
    peran: Iterable[Peran | str],
    pegawai_id: int | None,
    aktif: bool = True,
    versi: int | None = None,
) -> AkunRow:
    wajib_admin(actor)
    akun = _get(session, akun_id)
    if versi is not None and versi != akun.versi:
        from kinerja_desktop.domain.errors import ConflictError

        raise ConflictError("Akun ini telah diubah oleh pengguna lain. Muat ulang lalu ulangi.")
    roles = _peran(peran)
    if roles & {Peran.PEGAWAI, Peran.PENILAI} and pegawai_id is None:
        raise ValidationError(
            "Akun dengan peran Pegawai atau Pejabat Penilai harus dikaitkan dengan data pegawai.",
            "Pegawai",
        )
    melepas_admin = Peran.ADMIN not in roles or not aktif
    if (
        melepas_admin
        and Peran.ADMIN in parse_peran(akun.peran)
        and _admin_aktif_lain(session, akun.id) == 0
    ):
        raise StateError(
            "Ini satu-satunya akun administrator yang aktif. Buat administrator lain "
            "sebelum mengubah peran atau menonaktifkannya."
        )
    _cek_pegawai(session, pegawai_id, akun.id)
    akun.peran = format_peran(roles)
    akun.pegawai_id = pegawai_id
    if akun.aktif and not aktif:
        slot_baru(session, akun.nama_pengguna, None)  # its password no longer opens the file
    akun.aktif = aktif
    session.flush()
    return _row(session, akun, utcnow())


def reset_password(
    session: Session, actor: Actor, akun_id: int, password_baru: str, ulangi: str | None = None
) -> AkunRow:
    """The administrator sets a new password (and unlocks the account)."""
    wajib_admin(actor)
    akun = _get(session, akun_id)
    _periksa_sandi_baru(session, password_baru, ulangi, akun.nama_pengguna)
    akun.password_hash = hash_password(password_baru)
    slot_baru(session, akun.nama_pengguna, password_baru)
    akun.gagal_login = 0
    akun.terkunci_sampai = None
    session.flush()
    return _row(session, akun, utcnow())


def buka_kunci(session: Session, actor: Actor, akun_id: int) -> AkunRow:
    wajib_admin(actor)
    akun = _get(session, akun_id)
    akun.gagal_login = 0
    akun.terkunci_sampai = None
    session.flush()
    return _row(session, akun, utcnow())


@dataclass(frozen=True)
class PilihanPegawai:
    id: int
    label: str


def pegawai_tanpa_akun(
    session: Session, actor: Actor, kecuali_akun: int | None = None
) -> list[PilihanPegawai]:
    """Pegawai that may be linked to an account (those without one), for a combo box.

    Also used by the first-start wizard before any account exists.
    """
    if ada_akun(session):
        wajib_admin(actor)
    dipakai = select(Akun.pegawai_id).where(
        Akun.pegawai_id.is_not(None), Akun.id != (kecuali_akun or -1)
    )
    rows = session.scalars(
        select(Pegawai)
        .where(Pegawai.aktif.is_(True), Pegawai.luar.is_(False), Pegawai.id.not_in(dipakai))
        .order_by(Pegawai.nama_cari)
    )
    return [
        PilihanPegawai(
            p.id, f"{nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang)} — {format_nip(p.nip)}"
        )
        for p in rows
    ]
