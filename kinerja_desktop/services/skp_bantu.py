"""SKP helpers for penilai and operators: subordinates' SKP at a glance, the matriks peran
hasil, copying last year's SKP, the RHK/IKI library (pustaka) and bulk creation per unit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from kinerja_desktop.db.models import Pegawai, PustakaRhk, RencanaHasilKerja, Skp
from kinerja_desktop.domain.angka import parse_angka
from kinerja_desktop.domain.errors import NotFound, PermissionDenied, StateError, ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.status import StatusSkp
from kinerja_desktop.services import organisasi
from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.akses import wajib_admin

# --- penilai overview ------------------------------------------------------------------------


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


def _tanggal_tahun(tahun: int) -> date:
    return min(max(date.today(), date(tahun, 1, 1)), date(tahun, 12, 31))


def _bawahan_ids(session: Session, penilai_id: int, tahun: int) -> list[int]:
    ids = list(organisasi.bawahan_pada(session, penilai_id, _tanggal_tahun(tahun)))
    for (pid,) in session.execute(
        select(Skp.pegawai_id).where(Skp.penilai_id == penilai_id, Skp.tahun == tahun).distinct()
    ):
        if pid not in ids:
            ids.append(pid)
    return ids


def ringkasan_bawahan(
    session: Session, actor: Actor, tahun: int, penilai_id: int | None = None
) -> list[BawahanSkpRow]:
    """Every subordinate with his SKP of the year (one row per current SKP; pegawai without
    an SKP get one row "Belum ada SKP")."""
    pid = _penilai_id(actor, penilai_id)
    ids = _bawahan_ids(session, pid, tahun)
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
        nama = svc._nama_pegawai(p)
        daftar = [s for s in skps.get(p.id, []) if s.penilai_id == pid] or skps.get(p.id, [])
        if not daftar:
            out.append(BawahanSkpRow(p.id, nama, p.nip, p.jabatan, None, None, "-", 0, 0))
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
    milik = svc.skp_terkini(session, pid, tahun)
    ids = _bawahan_ids(session, pid, tahun)
    pegawai = {p.id: p for p in session.scalars(select(Pegawai).where(Pegawai.id.in_(ids)))}
    if milik is None:
        return MatriksPeranHasil(
            f"Anda belum memiliki SKP tahun {tahun}; matriks peran hasil disusun dari RHK SKP "
            "Anda.",
            (),
            tuple(
                BawahanTanpaLink(p.id, svc._nama_pegawai(p), p.jabatan, "-")
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
        for r in svc.rhk_rows(s.rhk):
            target = ke_kini(r.rhk_intervensi_id)
            if target is None:
                continue
            punya_link.add(s.pegawai_id)
            pendukung[target].append(
                PendukungRow(
                    s.pegawai_id,
                    svc._nama_pegawai(p),
                    p.jabatan if p else "",
                    r.uraian,
                    StatusSkp.label_dari(s.status),
                )
            )
    rows = []
    for r in svc.rhk_rows(milik.rhk):
        huruf = "A" if r.jenis == svc.UTAMA else "B"
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
        tanpa.append(BawahanTanpaLink(p.id, svc._nama_pegawai(p), p.jabatan, alasan))
    pesan = None
    if milik.status != svc.DITETAPKAN and milik.revisi == 0:
        pesan = (
            "SKP Anda belum ditetapkan: bawahan belum dapat memilih RHK Anda sebagai RHK "
            "pimpinan yang diintervensi."
        )
    return MatriksPeranHasil(pesan, tuple(rows), tuple(tanpa))


# --- copy from last year ---------------------------------------------------------------------


def salin_dari_tahun_lalu(session: Session, actor: Actor, skp_id: int) -> int:
    """Copy RHK, IKI and lampiran of the pegawai's previous-year SKP into this draft (content
    only: no status, no links to last year's RHK pimpinan). Returns the number of RHK."""
    tujuan = svc._get_skp(session, skp_id)
    svc._wajib_dapat_diubah(actor, tujuan)
    sumber = session.scalar(
        select(Skp)
        .where(
            Skp.pegawai_id == tujuan.pegawai_id,
            Skp.tahun == tujuan.tahun - 1,
            Skp.terkini.is_(True),
        )
        .order_by(Skp.mulai.desc())
        .limit(1)
    )
    if sumber is None:
        raise NotFound(f"Tidak ada SKP tahun {tujuan.tahun - 1} untuk disalin.")
    if not sumber.rhk:
        raise StateError(f"SKP tahun {tujuan.tahun - 1} tidak berisi rencana hasil kerja.")
    return svc.salin_isi(session, sumber, tujuan, pertahankan_link=False, salin_ekspektasi=False)


# --- pustaka RHK -----------------------------------------------------------------------------


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
        return svc.teks_target(self.target_nilai, self.target_satuan)


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
    if aspek is not None and aspek not in svc.ASPEK:
        raise ValidationError("Aspek harus Kuantitas, Kualitas, Waktu, atau Biaya.", "Aspek")
    if pustaka_id is None:
        p = PustakaRhk(jabatan=jabatan, uraian_rhk="", uraian_indikator="")
        session.add(p)
    else:
        p = session.get(PustakaRhk, pustaka_id)
        if p is None:
            raise NotFound("Butir pustaka tidak ditemukan.")
    p.jabatan = jabatan
    p.uraian_rhk = svc._uraian_wajib(uraian_rhk, "Rencana Hasil Kerja")
    p.uraian_indikator = svc._uraian_wajib(uraian_indikator, "Indikator Kinerja Individu")
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
    jenis: str = svc.UTAMA,
) -> int:
    """Add the chosen library entries to the SKP: one RHK per distinct RHK text (appended to an
    RHK with the same text already in the SKP), each entry an IKI. Returns RHK added."""
    skp = svc._get_skp(session, skp_id)
    svc._wajib_dapat_diubah(actor, skp)
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
            row = svc.tambah_rhk(session, actor, skp.id, p.uraian_rhk, jenis)
            rhk_row_id = row.id
            ada[kunci] = session.get(RencanaHasilKerja, row.id)
            baru += 1
        svc.tambah_indikator(
            session,
            actor,
            rhk_row_id,
            p.uraian_indikator,
            p.aspek,
            p.target_nilai,
            p.target_satuan,
        )
    return baru


# --- bulk creation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilBuatMassal:
    dibuat: int
    sudah_ada: int
    tanpa_penilai: tuple[str, ...]  # names of pegawai skipped because they have no penilai

    @property
    def pesan(self) -> str:
        teks = f"{self.dibuat} SKP dibuat, {self.sudah_ada} pegawai sudah memiliki SKP"
        if self.tanpa_penilai:
            teks += (
                f", {len(self.tanpa_penilai)} dilewati karena belum memiliki pejabat penilai ("
                + ", ".join(self.tanpa_penilai[:5])
                + (", …" if len(self.tanpa_penilai) > 5 else "")
                + ")"
            )
        return teks + "."


def buat_skp_unit(
    session: Session,
    actor: Actor,
    unit_id: int,
    tahun: int,
    pendekatan: str = svc.KUANTITATIF,
    *,
    termasuk_sub_unit: bool = True,
) -> HasilBuatMassal:
    """Draft SKPs (1 January–31 December) for every active pegawai of the unit who has none
    for that year yet. Operators only."""
    wajib_admin(actor)
    unit_ids = organisasi.sub_unit_ids(session, unit_id) if termasuk_sub_unit else [unit_id]
    pegawai = list(
        session.scalars(
            select(Pegawai)
            .where(Pegawai.unit_kerja_id.in_(unit_ids), Pegawai.aktif.is_(True))
            .order_by(Pegawai.nama_cari)
        )
    )
    punya = set(
        session.scalars(
            select(Skp.pegawai_id).where(
                Skp.tahun == tahun, Skp.pegawai_id.in_([p.id for p in pegawai])
            )
        )
    )
    dibuat, ada, tanpa = 0, 0, []
    for p in pegawai:
        if p.id in punya:
            ada += 1
            continue
        if organisasi.penilai_pada(session, p.id, date(tahun, 1, 1)) is None:
            tanpa.append(svc._nama_pegawai(p))
            continue
        svc.buat_skp(session, actor, p.id, tahun, pendekatan)
        dibuat += 1
    return HasilBuatMassal(dibuat, ada, tuple(tanpa))
