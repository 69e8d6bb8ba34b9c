"""The shared RHK/IKI library (pustaka) per jabatan, and taking its items into a draft."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import PustakaRhk, RencanaHasilKerja
from kinerja_desktop.domain.angka import parse_angka
from kinerja_desktop.domain.errors import NotFound, ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services.akses import wajib_admin
from kinerja_desktop.services.muat import ambil
from kinerja_desktop.services.skp.baris import ambil_skp, teks_target
from kinerja_desktop.services.skp.izin import wajib_dapat_diubah
from kinerja_desktop.services.skp.kosakata import ASPEK, UTAMA
from kinerja_desktop.services.skp.rencana import tambah_indikator, tambah_rhk, uraian_wajib


@dataclass(frozen=True)
class PustakaRow:
    id: int
    jabatan: str
    uraian_rhk: str
    aspek: str | None
    uraian_indikator: str
    target_nilai: float | None
    target_satuan: str | None

    @property
    def target_teks(self) -> str:
        return teks_target(self.target_nilai, self.target_satuan)


def _pustaka_row(p: PustakaRhk) -> PustakaRow:
    return PustakaRow(
        p.id,
        p.jabatan,
        p.uraian_rhk,
        p.aspek,
        p.uraian_indikator,
        p.target_nilai,
        p.target_satuan,
    )


def daftar_pustaka(
    session: Session, actor: Actor, jabatan: str | None = None, cari: str = ""
) -> list[PustakaRow]:
    stmt = select(PustakaRhk)
    if jabatan:
        stmt = stmt.where(PustakaRhk.jabatan == jabatan)
    kata = " ".join(cari.split())
    if kata:
        stmt = stmt.where(
            PustakaRhk.uraian_rhk.ilike(f"%{kata}%") | PustakaRhk.jabatan.ilike(f"%{kata}%")
        )
    stmt = stmt.order_by(PustakaRhk.jabatan, PustakaRhk.uraian_rhk, PustakaRhk.id)
    return [_pustaka_row(p) for p in session.scalars(stmt)]


def jabatan_pustaka(session: Session, actor: Actor) -> list[str]:
    return list(session.scalars(select(PustakaRhk.jabatan).distinct().order_by(PustakaRhk.jabatan)))


def simpan_pustaka(
    session: Session,
    actor: Actor,
    pustaka_id: int | None,
    jabatan: str,
    uraian_rhk: str,
    uraian_indikator: str,
    aspek: str | None = None,
    target_nilai: object = None,
    target_satuan: str | None = None,
) -> PustakaRow:
    """Add (pustaka_id=None) or change a library entry: operators only."""
    wajib_admin(actor)
    jabatan = " ".join((jabatan or "").split())
    if not jabatan:
        raise ValidationError("Jabatan wajib diisi.", "Jabatan")
    aspek = (aspek or "").strip().upper() or None
    if aspek is not None and aspek not in ASPEK:
        raise ValidationError("Aspek harus Kuantitas, Kualitas, Waktu, atau Biaya.", "Aspek")
    if pustaka_id is None:
        p = PustakaRhk(jabatan=jabatan, uraian_rhk="", uraian_indikator="")
        session.add(p)
    else:
        p = ambil(session, PustakaRhk, pustaka_id, "Butir pustaka tidak ditemukan.")
    p.jabatan = jabatan
    p.uraian_rhk = uraian_wajib(uraian_rhk, "Rencana Hasil Kerja")
    p.uraian_indikator = uraian_wajib(uraian_indikator, "Indikator Kinerja Individu")
    p.aspek = aspek
    p.target_nilai = parse_angka(target_nilai, "Target")
    p.target_satuan = (target_satuan or "").strip() or None
    session.flush()
    return _pustaka_row(p)


def hapus_pustaka(session: Session, actor: Actor, pustaka_id: int) -> None:
    wajib_admin(actor)
    p = session.get(PustakaRhk, pustaka_id)
    if p is None:
        raise NotFound("Butir pustaka tidak ditemukan.")
    session.delete(p)
    session.flush()


def ambil_dari_pustaka(
    session: Session,
    actor: Actor,
    skp_id: int,
    pustaka_ids: list[int],
    jenis: str = UTAMA,
) -> int:
    """Add the chosen library entries to the SKP: one RHK per distinct RHK text (appended to an
    RHK with the same text already in the SKP), each entry an IKI. Returns RHK added."""
    skp = ambil_skp(session, skp_id)
    wajib_dapat_diubah(actor, skp)
    if not pustaka_ids:
        raise ValidationError("Pilih sedikitnya satu butir pustaka.", "Pustaka")
    butir = list(session.scalars(select(PustakaRhk).where(PustakaRhk.id.in_(pustaka_ids))))
    butir.sort(key=lambda p: pustaka_ids.index(p.id))
    ada = {r.uraian.strip().lower(): r for r in skp.rhk}
    baru = 0
    for p in butir:
        kunci = p.uraian_rhk.strip().lower()
        rhk_row_id = ada[kunci].id if kunci in ada else None
        if rhk_row_id is None:
            row = tambah_rhk(session, actor, skp.id, p.uraian_rhk, jenis)
            rhk_row_id = row.id
            ada[kunci] = ambil(session, RencanaHasilKerja, row.id)
            baru += 1
        tambah_indikator(
            session,
            actor,
            rhk_row_id,
            p.uraian_indikator,
            p.aspek,
            p.target_nilai,
            p.target_satuan,
        )
    return baru
