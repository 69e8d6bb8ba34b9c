"""Unit kerja tree, pejabat penilai assignments (with PLT/PLH)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, false, or_, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai, PenugasanPenilai, UnitKerja
from kinerja_desktop.domain.enums import JenisJabatan
from kinerja_desktop.domain.errors import (
    NotFound,
    PermissionDenied,
    StateError,
    ValidationError,
)
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services import penugasan
from kinerja_desktop.services.akses import wajib_admin
from kinerja_desktop.services.muat import ambil
from kinerja_desktop.services.rows import PenugasanRow, UnitRow

JENIS_PENUGASAN = ("DEFINITIF", "PLT", "PLH")

# --- who may read whose roster data ----------------------------------------------------------

PESAN_ROSTER = (
    "Anda hanya dapat melihat data kepegawaian Anda sendiri dan pegawai yang Anda nilai "
    "(termasuk sebagai PLT/PLH). Hubungi administrator kepegawaian bila memerlukan data "
    "pegawai lain."
)


def kondisi_roster(actor: Actor) -> ColumnElement[bool] | None:
    """SQL condition on ``Pegawai.id`` for the roster rows the actor may read; None = all.

    The administrator reads everyone; any other user himself and the pegawai he is (or was)
    pejabat penilai of (any assignment, DEFINITIF, PLT or PLH); a user without a pegawai
    reads nobody. A subquery, so lists stay filtered, paged and counted in SQL.
    """
    if actor.is_admin:
        return None
    if actor.pegawai_id is None:
        return false()
    return or_(
        Pegawai.id == actor.pegawai_id,
        Pegawai.id.in_(penugasan.kondisi_pernah_dinilai(actor.pegawai_id)),
    )


def boleh_lihat_roster(session: Session, actor: Actor, pegawai_id: int) -> bool:
    if actor.is_admin or (actor.pegawai_id is not None and actor.pegawai_id == pegawai_id):
        return True
    if actor.pegawai_id is None:
        return False
    return penugasan.pernah_menilai(session, actor.pegawai_id, pegawai_id)


def _wajib_lihat_roster(session: Session, actor: Actor, pegawai_id: int) -> None:
    if not boleh_lihat_roster(session, actor, pegawai_id):
        raise PermissionDenied(PESAN_ROSTER)


# --- unit kerja ------------------------------------------------------------------------------


def _unit_row(u: UnitKerja) -> UnitRow:
    return UnitRow(u.id, u.uuid, u.nama, u.induk_id, u.aktif, u.kode)


def daftar_unit(session: Session, actor: Actor, termasuk_nonaktif: bool = True) -> list[UnitRow]:
    stmt = select(UnitKerja).order_by(UnitKerja.urutan, UnitKerja.nama)
    if not termasuk_nonaktif:
        stmt = stmt.where(UnitKerja.aktif.is_(True))
    return [_unit_row(u) for u in session.scalars(stmt)]


def _get_unit(session: Session, unit_id: int) -> UnitKerja:
    unit = session.get(UnitKerja, unit_id)
    if unit is None:
        raise NotFound("Unit kerja tidak ditemukan.")
    return unit


def _nama_unit(nama: str) -> str:
    nama = " ".join((nama or "").split())
    if not nama:
        raise ValidationError("Nama unit kerja wajib diisi.", "Nama Unit")
    return nama


def tambah_unit(
    session: Session, actor: Actor, nama: str, induk_id: int | None = None, kode: str | None = None
) -> UnitRow:
    wajib_admin(actor)
    if induk_id is not None:
        _get_unit(session, induk_id)
    unit = UnitKerja(nama=_nama_unit(nama), induk_id=induk_id, kode=kode)
    session.add(unit)
    session.flush()
    return _unit_row(unit)


def ubah_nama_unit(session: Session, actor: Actor, unit_id: int, nama: str) -> UnitRow:
    wajib_admin(actor)
    unit = _get_unit(session, unit_id)
    unit.nama = _nama_unit(nama)
    session.flush()
    return _unit_row(unit)


def pindah_unit(session: Session, actor: Actor, unit_id: int, induk_id: int | None) -> UnitRow:
    """Move a unit under another; refuse a move that would put a unit under itself."""
    wajib_admin(actor)
    unit = _get_unit(session, unit_id)
    cursor = induk_id
    while cursor is not None:
        if cursor == unit_id:
            raise ValidationError(
                "Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau sub-unitnya.",
                "Unit Induk",
            )
        cursor = _get_unit(session, cursor).induk_id
    unit.induk_id = induk_id
    session.flush()
    return _unit_row(unit)


def nonaktifkan_unit(session: Session, actor: Actor, unit_id: int) -> UnitRow:
    wajib_admin(actor)
    unit = _get_unit(session, unit_id)
    aktif_pegawai = session.scalar(
        select(Pegawai.id)
        .where(Pegawai.unit_kerja_id == unit_id, Pegawai.aktif.is_(True), Pegawai.luar.is_(False))
        .limit(1)
    )
    sub = session.scalar(
        select(UnitKerja.id).where(UnitKerja.induk_id == unit_id, UnitKerja.aktif.is_(True))
    )
    if aktif_pegawai or sub:
        raise StateError(
            "Unit masih memiliki pegawai aktif atau sub-unit aktif. Pindahkan dulu pegawai dan "
            "sub-unitnya."
        )
    unit.aktif = False
    session.flush()
    return _unit_row(unit)


def aktifkan_unit(session: Session, actor: Actor, unit_id: int) -> UnitRow:
    wajib_admin(actor)
    unit = _get_unit(session, unit_id)
    unit.aktif = True
    session.flush()
    return _unit_row(unit)


def sub_unit_ids(session: Session, unit_id: int) -> list[int]:
    """The unit and all units below it."""
    children: dict[int | None, list[int]] = {}
    for uid, induk in session.execute(select(UnitKerja.id, UnitKerja.induk_id)):
        children.setdefault(induk, []).append(uid)
    out, stack = [], [unit_id]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(children.get(current, []))
    return out


# --- pejabat penilai -------------------------------------------------------------------------


# Who rates whom on a date is penugasan's; these names stay for the callers that import them.
penugasan_pada = penugasan.penugasan_pada
penilai_pada = penugasan.penilai_pada
atasan_penilai_pada = penugasan.atasan_penilai_pada
bawahan_pada = penugasan.bawahan_pada
adalah_penilai_dalam = penugasan.adalah_penilai_dalam


def _cek_siklus(session: Session, pegawai_id: int, penilai_id: int, tanggal: date) -> None:
    seen = {pegawai_id}
    cursor: int | None = penilai_id
    while cursor is not None:
        if cursor in seen:
            raise ValidationError(
                "Penugasan ini membuat rantai atasan berputar (pegawai menjadi atasan dari "
                "atasannya sendiri). Periksa kembali atasan langsungnya.",
                "Pejabat Penilai",
            )
        seen.add(cursor)
        cursor = penilai_pada(session, cursor, tanggal)


def _penugasan_row(session: Session, r: PenugasanPenilai) -> PenugasanRow:
    penilai = ambil(session, Pegawai, r.penilai_id)
    nama = nama_lengkap(penilai.gelar_depan, penilai.nama, penilai.gelar_belakang)
    return PenugasanRow(
        r.id,
        r.pegawai_id,
        r.penilai_id,
        nama,
        penilai.nip,
        r.jenis,
        r.mulai,
        r.selesai,
        r.keterangan,
    )


def tetapkan_penilai(
    session: Session,
    actor: Actor,
    pegawai_id: int,
    penilai_id: int,
    mulai: date,
    jenis: str = "DEFINITIF",
    selesai: date | None = None,
    keterangan: str | None = None,
    pendelegasian: str | None = None,
) -> PenugasanRow:
    """Assign the pejabat penilai from ``mulai``; the previous definitive one ends the day before.

    PLT/PLH need an end date; they never end the definitive assignment. A Pelaksana rates only
    with delegated authority (PermenPAN-RB 6/2022 Pasal 1): a Pelaksana penilai is refused
    without the pendelegasian note, whoever calls (screen, import, CLI); the note is kept in the
    keterangan. The screen asks for it when :func:`perlu_pendelegasian` warns.
    """
    wajib_admin(actor)
    if jenis not in JENIS_PENUGASAN:
        raise ValidationError(f"Jenis penugasan tidak dikenal: {jenis}.", "Jenis")
    if pegawai_id == penilai_id:
        raise ValidationError(
            "Pegawai tidak dapat menjadi pejabat penilai dirinya sendiri.", "Pejabat Penilai"
        )
    dinilai, penilai = session.get(Pegawai, pegawai_id), session.get(Pegawai, penilai_id)
    if dinilai is None or penilai is None:
        raise NotFound("Pegawai tidak ditemukan.")
    if dinilai.luar and not penilai.luar:  # the chain above an outside official stays outside
        raise ValidationError(
            "Atasan seorang pejabat luar kantor juga pejabat luar kantor (mis. Bupati untuk "
            "Sekretaris Daerah). Catat dulu di Pejabat luar kantor.",
            "Pejabat Penilai",
        )
    if jenis != "DEFINITIF" and (selesai is None or selesai < mulai):
        raise ValidationError(
            f"Penugasan {jenis} wajib memiliki tanggal selesai setelah tanggal mulai.", "Selesai"
        )
    _cek_siklus(session, pegawai_id, penilai_id, mulai)
    keterangan = dengan_pendelegasian(session, penilai_id, keterangan, pendelegasian)
    if jenis == "DEFINITIF":
        _tutup_definitif(session, pegawai_id, mulai)
    row = PenugasanPenilai(
        pegawai_id=pegawai_id,
        penilai_id=penilai_id,
        jenis=jenis,
        mulai=mulai,
        selesai=selesai,
        keterangan=keterangan,
    )
    session.add(row)
    session.flush()
    return _penugasan_row(session, row)


PESAN_PELAKSANA = (
    "{nama} berjabatan Pelaksana. Pejabat penilai kinerja paling rendah pejabat pengawas, "
    "atau pejabat yang menerima pendelegasian kewenangan (PermenPAN-RB 6/2022 Pasal 1). "
    "Isi catatan pendelegasian (nomor dan tanggal surat pendelegasian)."
)
AWALAN_PENDELEGASIAN = "Pendelegasian: "


def perlu_pendelegasian(session: Session, actor: Actor, penilai_id: int) -> str | None:
    """The warning to show when the chosen penilai is a Pelaksana (None otherwise)."""
    wajib_admin(actor)
    return _pesan_pelaksana(session, penilai_id)


def _pesan_pelaksana(session: Session, penilai_id: int) -> str | None:
    p = session.get(Pegawai, penilai_id)
    if p is None or p.jenis_jabatan != JenisJabatan.PELAKSANA:
        return None
    return PESAN_PELAKSANA.format(nama=nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang))


def dengan_pendelegasian(
    session: Session, penilai_id: int, keterangan: str | None, pendelegasian: str | None
) -> str | None:
    """The assignment's keterangan with the pendelegasian note; refuses a Pelaksana penilai
    without one. The one owner of the rule: every way of assigning a penilai goes through it."""
    pesan = _pesan_pelaksana(session, penilai_id)
    if pesan is None and not pendelegasian:
        return keterangan
    catatan = " ".join((pendelegasian or "").split())
    if not catatan:
        raise ValidationError(pesan or "Isi catatan pendelegasian.", "Pendelegasian")
    teks = "; ".join(t for t in (keterangan, AWALAN_PENDELEGASIAN + catatan) if t)
    if len(teks) > 255:
        raise ValidationError("Catatan pendelegasian terlalu panjang (maksimal 255).", "Catatan")
    return teks


def _tutup_definitif(session: Session, pegawai_id: int, mulai: date) -> None:
    for prev in penugasan.definitif_terbuka(session, pegawai_id, mulai):
        if prev.mulai >= mulai:
            raise ValidationError(
                "Sudah ada atasan langsung yang mulai pada atau setelah tanggal ini "
                f"({prev.mulai:%d-%m-%Y}). Pilih tanggal mulai yang lebih baru.",
                "Mulai",
            )
        prev.selesai = mulai - timedelta(days=1)


def riwayat_penilai(session: Session, actor: Actor, pegawai_id: int) -> list[PenugasanRow]:
    """Who rated the pegawai when: for the administrator, the pegawai himself and his penilai."""
    _wajib_lihat_roster(session, actor, pegawai_id)
    return [_penugasan_row(session, r) for r in penugasan.riwayat(session, pegawai_id)]


def hapus_penugasan_sementara(session: Session, actor: Actor, penugasan_id: int) -> None:
    """Only a PLT/PLH entered by mistake may be removed; definitive history is kept."""
    wajib_admin(actor)
    row = penugasan.ambil_penugasan(session, penugasan_id)
    if row is None:
        raise NotFound("Penugasan tidak ditemukan.")
    if row.jenis == "DEFINITIF":
        raise StateError("Riwayat atasan langsung tidak dihapus; tetapkan atasan baru.")
    session.delete(row)
    session.flush()
