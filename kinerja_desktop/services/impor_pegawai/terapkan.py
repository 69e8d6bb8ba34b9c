"""Applying a preview: the chosen rows written inside the caller's transaction. Any error
(or a cancel) raises, so the caller's unit of work rolls everything back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai, UnitKerja
from kinerja_desktop.domain import nip as nip_mod
from kinerja_desktop.domain.errors import ConflictError, ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.tugas import StatusTugas, cek_batal
from kinerja_desktop.services import pegawai as svc
from kinerja_desktop.services import penugasan
from kinerja_desktop.services.akses import wajib_admin
from kinerja_desktop.services.impor_pegawai.kueri import id_per_nip, potong
from kinerja_desktop.services.impor_pegawai.pratinjau import JenisBaris, Pratinjau
from kinerja_desktop.services.impor_pegawai.unit import _kunci_nama

_LANGKAH = 500  # rows between progress/cancel checks
# written when the row carries them (KEDUDUKAN HUKUM, leaving the office, worklist notes)
_KOLOM_SIASN = (
    "kedudukan_hukum",
    "perlu_dilengkapi",
    "bebas_tugas",
    "aktif",
    "alasan_nonaktif",
    "tanggal_nonaktif",
)


@dataclass(frozen=True)
class HasilImpor:
    ditambah: int
    diubah: int
    unit_dibuat: int
    atasan_ditetapkan: int

    def ringkasan(self) -> str:
        return (
            f"{self.ditambah} pegawai ditambahkan, {self.diubah} diubah, "
            f"{self.unit_dibuat} unit kerja dibuat, {self.atasan_ditetapkan} atasan langsung "
            "ditetapkan"
        )


# pg_advisory_xact_lock key of roster imports ("KINJ"): one import writes at a time.
_KUNCI_PG = 0x4B494E4A


def kunci_impor(session: Session) -> None:
    """Wait until no other import (other process or thread) is writing, and keep the others
    waiting until this transaction ends. SQLite: take the write lock now (a write that changes
    nothing); PostgreSQL: a transaction-scoped advisory lock."""
    from kinerja_desktop.services.uow import kunci_tulis

    kunci_tulis(session)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _KUNCI_PG})


def _unit_yang_ada(session: Session, pratinjau: Pratinjau, perlu: set[int]) -> dict[int, int]:
    """Planned units that exist by now (another import made them since the preview): by kode
    (SIASN UNOR ID), else by name under the same existing parent. ref → id."""
    ada_kode: dict[str, int] = {}
    ada_nama: dict[tuple[str, int | None], int] = {}
    for uid, nama, kode, induk in session.execute(
        select(UnitKerja.id, UnitKerja.nama, UnitKerja.kode, UnitKerja.induk_id)
    ):
        if kode:
            ada_kode.setdefault(kode, uid)
        ada_nama.setdefault((_kunci_nama(nama), induk), uid)
    ada: dict[int, int] = {}
    for ref in sorted(perlu, reverse=True):  # -1 was planned first, so parents come first
        u = pratinjau.unit_baru[ref]
        induk = ada.get(u.induk_ref, u.induk_ref) if u.induk_ref is not None else None
        sudah = ada_kode.get(u.kode or "")
        if sudah is None and (induk is None or induk > 0):
            sudah = ada_nama.get((_kunci_nama(u.nama), induk))
        if sudah is not None:
            ada[ref] = sudah
    return ada


def _buat_unit(
    session: Session, pratinjau: Pratinjau, perlu: set[int], dipakai: set[int]
) -> tuple[dict[int, int], dict[int, UnitKerja]]:
    """Create the planned units the rows (``dipakai``) still need, parents first; one that
    exists by now is used instead of a second copy."""
    id_unit = _unit_yang_ada(session, pratinjau, perlu)
    buat: set[int] = set()
    for ref in dipakai:
        r: int | None = ref
        while r is not None and r < 0 and r not in id_unit and r not in buat:
            buat.add(r)
            r = pratinjau.unit_baru[r].induk_ref
    objek_unit: dict[int, UnitKerja] = {}
    for ref in sorted(buat, reverse=True):
        u = pratinjau.unit_baru[ref]
        obj = UnitKerja(nama=u.nama, kode=u.kode)
        if u.induk_ref is not None and u.induk_ref in objek_unit:
            obj.induk = objek_unit[u.induk_ref]
        elif u.induk_ref is not None:
            obj.induk_id = id_unit.get(u.induk_ref, u.induk_ref)
        objek_unit[ref] = obj
        session.add(obj)
    if objek_unit:
        session.flush()
        id_unit.update({ref: obj.id for ref, obj in objek_unit.items()})
    return id_unit, objek_unit


def terapkan_impor(
    session: Session,
    actor: Actor,
    pratinjau: Pratinjau,
    dipilih: Iterable[int] | None = None,
    state: StatusTugas | None = None,
) -> HasilImpor:
    """Write the chosen rows (row numbers; default: all new and changed) in the caller's
    transaction. Raises on any problem or on cancel, so the caller rolls back whole."""
    from kinerja_desktop.services.organisasi import (
        _cek_siklus,
        dengan_pendelegasian,
        tetapkan_penilai,
    )

    wajib_admin(actor)
    kunci_impor(session)  # before any read: what step 1 finds is what is there now
    st = state or StatusTugas()
    pilih = set(dipilih) if dipilih is not None else pratinjau.dipilih_bawaan()
    rows = [
        b
        for b in pratinjau.baris
        if b.nomor_baris in pilih and b.jenis in (JenisBaris.BARU, JenisBaris.BERUBAH)
    ]
    total = len(rows)

    # 1. units the chosen rows need (with their parents), parents first
    perlu: set[int] = set()
    for b in rows:
        ref = b.unit_ref
        while ref is not None and ref < 0 and ref not in perlu:
            perlu.add(ref)
            ref = pratinjau.unit_baru[ref].induk_ref
    dipakai = {b.unit_ref for b in rows if b.unit_ref is not None and b.unit_ref < 0}
    id_unit, objek_unit = _buat_unit(session, pratinjau, perlu, dipakai)

    def unit_id(ref: int | None) -> int:
        assert ref is not None
        return id_unit[ref] if ref < 0 else ref

    # 2. the database must not have changed under the preview
    baru = [b for b in rows if b.jenis is JenisBaris.BARU]
    if baru:
        sudah = id_per_nip(session, [b.nip for b in baru])
        if sudah:
            nip = next(iter(sudah))
            raise ConflictError(
                f"NIP {nip_mod.format_nip(nip)} sudah ditambahkan sejak pratinjau dibuat. "
                "Buat pratinjau ulang lalu terapkan lagi."
            )
    ubah = [b for b in rows if b.jenis is JenisBaris.BERUBAH]
    objek: dict[int, Pegawai] = {}
    for bagian in potong([b.pegawai_id for b in ubah]):
        for dimuat in session.scalars(select(Pegawai).where(Pegawai.id.in_(bagian))):
            objek[dimuat.id] = dimuat

    # 3. pegawai
    kolom_data = (*svc.KOLOM_DATA, "pns_id", *_KOLOM_SIASN)
    for i, b in enumerate(rows):
        if i % _LANGKAH == 0:
            cek_batal(st, "Impor dibatalkan; tidak ada data yang disimpan.")
            st.progress(i, total, f"Menyimpan pegawai {i} dari {total}…")
        assert b.data is not None
        if b.jenis is JenisBaris.BARU:
            session.add(
                Pegawai(
                    unit_kerja_id=unit_id(b.unit_ref),
                    **{k: b.data[k] for k in kolom_data if k in b.data},
                )
            )
            continue
        p = objek.get(b.pegawai_id) if b.pegawai_id is not None else None
        if p is None:
            raise ConflictError(
                f"Pegawai NIP {nip_mod.format_nip(b.nip)} (baris {b.nomor_baris}) tidak ada lagi. "
                "Buat pratinjau ulang lalu terapkan lagi."
            )
        for k in kolom_data:
            if k in b.data and getattr(p, k) != b.data[k]:
                setattr(p, k, b.data[k])
        uid = unit_id(b.unit_ref)
        if p.unit_kerja_id != uid:
            p.unit_kerja_id = uid
    cek_batal(st, "Impor dibatalkan; tidak ada data yang disimpan.")
    st.progress(total, total, "Menulis ke basis data…")
    session.flush()

    # 4. atasan langsung
    dengan_atasan = [(b, b.atasan_nip) for b in rows if b.ubah_atasan and b.atasan_nip]
    atasan = 0
    if dengan_atasan:
        semua_nip = sorted({b.nip for b, _ in dengan_atasan} | {a for _, a in dengan_atasan})
        id_nip = id_per_nip(session, semua_nip)
        for b, atasan_nip in dengan_atasan:
            cek_batal(st, "Impor dibatalkan; tidak ada data yang disimpan.")
            penilai = id_nip.get(atasan_nip)
            if penilai is None:
                raise ValidationError(
                    f"Baris {b.nomor_baris}: atasan dengan NIP "
                    f"{nip_mod.format_nip(atasan_nip)} tidak ikut diimpor. Pilih juga baris "
                    "atasan tersebut.",
                    "ATASAN NIP",
                )
            pid = id_nip[b.nip]
            try:
                koreksi = (
                    penugasan.ambil_penugasan(session, b.atasan_koreksi_id)
                    if b.atasan_koreksi_id
                    else None
                )
                if koreksi is not None:
                    _cek_siklus(session, pid, penilai, pratinjau.mulai_atasan)
                    koreksi.keterangan = dengan_pendelegasian(
                        session, penilai, koreksi.keterangan, None
                    )
                    koreksi.penilai_id = penilai
                    session.flush()
                else:
                    tetapkan_penilai(session, actor, pid, penilai, pratinjau.mulai_atasan)
            except ValidationError as exc:
                raise ValidationError(f"Baris {b.nomor_baris}: {exc.pesan}", exc.kolom) from exc
            atasan += 1
    return HasilImpor(len(baru), len(ubah), len(objek_unit), atasan)
