"""The penilai's overview of his subordinates' SKP and the matriks peran hasil."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kinerja_desktop.db.models import Pegawai, RencanaHasilKerja, Skp
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.domain.penugasan import Masa, bersinggungan, uraian_masa
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.status import StatusSkp
from kinerja_desktop.services import penugasan
from kinerja_desktop.services.skp.baris import nama_pegawai, rhk_rows
from kinerja_desktop.services.skp.daftar import skp_terkini
from kinerja_desktop.services.skp.kosakata import DITETAPKAN, UTAMA


@dataclass(frozen=True)
class BawahanSkpRow:
    pegawai_id: int
    nama: str
    nip: str
    jabatan: str
    skp_id: int | None
    status: str | None
    periode: str
    jumlah_rhk: int
    revisi: int
    masa: str = ""  # how the penilai rates him this year when not all year (Plt. …, moved)

    @property
    def label_status(self) -> str:
        return StatusSkp.label_dari(self.status, "Belum ada SKP")


def _penilai_id(actor: Actor, penilai_id: int | None) -> int:
    pid = penilai_id if penilai_id is not None else actor.pegawai_id
    if pid is None:
        raise PermissionDenied("Akun ini tidak terhubung dengan data pegawai.")
    if pid != actor.pegawai_id and not actor.is_admin:
        raise PermissionDenied("Anda hanya dapat melihat SKP bawahan Anda sendiri.")
    return pid


def _bawahan(session: Session, penilai_id: int, tahun: int) -> dict[int, list[Masa]]:
    """Whom he rates in the year: the owner's answer, the same as the Papan's."""
    return penugasan.bawahan_tahun(session, penilai_id, tahun)


def _skp_dalam_masa(daftar: list[Skp], masa: list[Masa]) -> list[Skp]:
    """The SKP in force while he rates the pegawai (after a move: the old penilai sees the
    closed SKP, the new one the new SKP)."""
    return [
        s
        for s in daftar
        if any(bersinggungan(s.mulai, s.selesai, m.mulai, m.selesai) for m in masa)
    ]


def ringkasan_bawahan(
    session: Session, actor: Actor, tahun: int, penilai_id: int | None = None
) -> list[BawahanSkpRow]:
    """Every subordinate with his SKP of the year (one row per current SKP; pegawai without
    an SKP get one row "Belum ada SKP")."""
    pid = _penilai_id(actor, penilai_id)
    bawahan = _bawahan(session, pid, tahun)
    ids = list(bawahan)
    if not ids:
        return []
    pegawai = {p.id: p for p in session.scalars(select(Pegawai).where(Pegawai.id.in_(ids)))}
    skps: dict[int, list[Skp]] = {}
    for s in session.scalars(
        select(Skp)
        .where(Skp.pegawai_id.in_(ids), Skp.tahun == tahun, Skp.terkini.is_(True))
        .options(selectinload(Skp.rhk))
        .order_by(Skp.mulai)
    ):
        skps.setdefault(s.pegawai_id, []).append(s)
    out: list[BawahanSkpRow] = []
    for p in sorted(pegawai.values(), key=lambda p: p.nama_cari):
        nama = nama_pegawai(p)
        masa = uraian_masa(bawahan[p.id], date(tahun, 1, 1), date(tahun, 12, 31))
        semua = skps.get(p.id, [])
        daftar = _skp_dalam_masa(semua, bawahan[p.id]) or [s for s in semua if s.penilai_id == pid]
        if not daftar:
            out.append(BawahanSkpRow(p.id, nama, p.nip, p.jabatan, None, None, "-", 0, 0, masa))
        for s in daftar:
            out.append(
                BawahanSkpRow(
                    p.id,
                    nama,
                    p.nip,
                    p.jabatan,
                    s.id,
                    s.status,
                    f"{s.mulai:%d-%m-%Y} s.d. {s.selesai:%d-%m-%Y}",
                    len(s.rhk),
                    s.revisi,
                    masa,
                )
            )
    return out


# --- matriks peran hasil ---------------------------------------------------------------------


@dataclass(frozen=True)
class PendukungRow:
    pegawai_id: int
    pegawai_nama: str
    jabatan: str
    rhk_uraian: str
    status: str


@dataclass(frozen=True)
class MatriksRhkRow:
    rhk_id: int
    label: str  # "A.1"
    uraian: str
    pendukung: tuple[PendukungRow, ...]

    @property
    def tanpa_dukungan(self) -> bool:
        return not self.pendukung


@dataclass(frozen=True)
class BawahanTanpaLink:
    pegawai_id: int
    nama: str
    jabatan: str
    alasan: str


@dataclass(frozen=True)
class MatriksPeranHasil:
    pesan: str | None  # why the matrix is empty (no ditetapkan SKP of the penilai)
    rhk: tuple[MatriksRhkRow, ...]
    tanpa_link: tuple[BawahanTanpaLink, ...]


def matriks_peran_hasil(
    session: Session, actor: Actor, tahun: int, penilai_id: int | None = None
) -> MatriksPeranHasil:
    """Each RHK of the penilai's current SKP with the subordinate RHK that intervene it
    (following revisions), RHK nobody supports, and subordinates with no link to him."""
    pid = _penilai_id(actor, penilai_id)
    milik = skp_terkini(session, pid, tahun)
    ids = list(_bawahan(session, pid, tahun))
    pegawai = {p.id: p for p in session.scalars(select(Pegawai).where(Pegawai.id.in_(ids)))}
    if milik is None:
        return MatriksPeranHasil(
            f"Anda belum memiliki SKP tahun {tahun}; matriks peran hasil disusun dari RHK SKP "
            "Anda.",
            (),
            tuple(
                BawahanTanpaLink(p.id, nama_pegawai(p), p.jabatan, "-")
                for p in sorted(pegawai.values(), key=lambda p: p.nama_cari)
            ),
        )
    # all RHK of every revision of the penilai's SKP this year: map old ids to the current
    semua = {
        r.id: r
        for r in session.scalars(
            select(RencanaHasilKerja).join(Skp).where(Skp.pegawai_id == pid, Skp.tahun == tahun)
        )
    }
    kini_ids = {r.id for r in milik.rhk}
    maju: dict[int, int] = {r.asal_id: r.id for r in semua.values() if r.asal_id}

    def ke_kini(rhk_id: int | None) -> int | None:
        # follow the copy chain forward: an RHK copied from X in a later revision replaces X
        if rhk_id is None:
            return None
        seen = set()
        while rhk_id not in kini_ids and rhk_id in maju and rhk_id not in seen:
            seen.add(rhk_id)
            rhk_id = maju[rhk_id]
        return rhk_id if rhk_id in kini_ids else None

    pendukung: dict[int, list[PendukungRow]] = {i: [] for i in kini_ids}
    punya_link: set[int] = set()
    skp_bawahan = list(
        session.scalars(
            select(Skp)
            .where(Skp.pegawai_id.in_(ids), Skp.tahun == tahun, Skp.terkini.is_(True))
            .options(selectinload(Skp.rhk).selectinload(RencanaHasilKerja.indikator))
        )
    )
    punya_skp = {s.pegawai_id for s in skp_bawahan}
    for s in skp_bawahan:
        p = pegawai.get(s.pegawai_id)
        for r in rhk_rows(s.rhk):
            target = ke_kini(r.rhk_intervensi_id)
            if target is None:
                continue
            punya_link.add(s.pegawai_id)
            pendukung[target].append(
                PendukungRow(
                    s.pegawai_id,
                    nama_pegawai(p),
                    p.jabatan if p else "",
                    r.uraian,
                    StatusSkp.label_dari(s.status),
                )
            )
    rows = []
    for r in rhk_rows(milik.rhk):
        huruf = "A" if r.jenis == UTAMA else "B"
        rows.append(
            MatriksRhkRow(
                r.id,
                f"{huruf}.{r.nomor}",
                r.uraian,
                tuple(sorted(pendukung[r.id], key=lambda x: x.pegawai_nama)),
            )
        )
    tanpa = []
    for p in sorted(pegawai.values(), key=lambda p: p.nama_cari):
        if p.id in punya_link:
            continue
        alasan = (
            "Belum memiliki SKP tahun ini."
            if p.id not in punya_skp
            else "Tidak ada RHK yang mengintervensi RHK Anda."
        )
        tanpa.append(BawahanTanpaLink(p.id, nama_pegawai(p), p.jabatan, alasan))
    pesan = None
    if milik.status != DITETAPKAN and milik.revisi == 0:
        pesan = (
            "SKP Anda belum ditetapkan: bawahan belum dapat memilih RHK Anda sebagai RHK "
            "pimpinan yang diintervensi."
        )
    return MatriksPeranHasil(pesan, tuple(rows), tuple(tanpa))
