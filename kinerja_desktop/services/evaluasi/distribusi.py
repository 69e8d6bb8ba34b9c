"""The distribution of employee predikat in a unit checked against the SE 3/2023 rule of the
organisation's predikat, and setting that predikat (the Rekap & Laporan view)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Evaluasi, Pegawai, Periode, PredikatOrganisasi, UnitKerja
from kinerja_desktop.domain.distribusi import (
    STATUS_DINILAI,
    HasilDistribusi,
    periksa_distribusi,
    teks_aturan,
)
from kinerja_desktop.domain.errors import NotFound, PermissionDenied, StateError, ValidationError
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.domain.predikat import PredikatOrganisasi as PredikatOrg
from kinerja_desktop.services import organisasi
from kinerja_desktop.services.evaluasi.predikat_org import (
    RATING_KEPALA_UNIT,
    baris_predikat_org,
    kepala_unit,
)
from kinerja_desktop.services.evaluasi.syarat import (
    DRAF,
    adalah_penilai,
    nama_pegawai,
    penilai_luar_untuk,
)
from kinerja_desktop.services.pengaturan import kepala_unit_dihitung
from kinerja_desktop.services.periode import PeriodeRow, get_periode, periode_row


@dataclass(frozen=True)
class KelasBerlebih:
    aturan: str
    predikat: tuple[str, ...]
    pegawai: tuple[str, ...]  # "Nama (NIP)"


@dataclass(frozen=True)
class DistribusiUnit:
    unit_id: int
    unit_nama: str
    periode: PeriodeRow
    predikat_organisasi: str | None
    jumlah: dict[str, int]
    persen: dict[str, float]
    total_dinilai: int  # FINAL evaluations (domain.distribusi.dihitung_dinilai)
    total_draf: int  # rated drafts, not counted until final
    total_pegawai: int
    hasil: HasilDistribusi | None
    aturan: tuple[str, ...]
    peringatan: tuple[str, ...]
    kelas_berlebih: tuple[KelasBerlebih, ...]
    kepala_unit: str | None
    boleh_menetapkan: bool
    ditetapkan_oleh: str | None = None
    sub_unit: bool = True

    @property
    def belum_dinilai(self) -> int:
        return max(0, self.total_pegawai - self.total_dinilai)


def boleh_menetapkan_predikat_org(
    session: Session, actor: Actor, unit_id: int, periode: Periode
) -> bool:
    kepala = kepala_unit(session, unit_id)
    return bool(kepala and adalah_penilai(session, actor, kepala.id, periode))


def tetapkan_predikat_organisasi(
    session: Session, actor: Actor, unit_id: int, periode_id: int, predikat: str
) -> DistribusiUnit:
    """Set the Predikat Kinerja Organisasi of a unit for a period: only the leader one level
    up (the penilai of the unit head) may. A unit head's DRAF evaluation follows it."""
    periode = get_periode(session, periode_id)
    unit = session.get(UnitKerja, unit_id)
    if unit is None:
        raise NotFound("Unit kerja tidak ditemukan.")
    try:
        nilai = PredikatOrg(predikat).value
    except ValueError:
        raise ValidationError(
            "Predikat organisasi harus Istimewa, Baik, Butuh Perbaikan, Kurang, atau Sangat "
            "Kurang.",
            "Predikat Organisasi",
        ) from None
    kepala = kepala_unit(session, unit_id)
    if kepala is None:
        raise StateError(
            f"Unit {unit.nama} belum memiliki kepala unit. Tandai kepala unitnya di data pegawai; "
            "predikat organisasi ditetapkan oleh atasan kepala unit tersebut."
        )
    if not adalah_penilai(session, actor, kepala.id, periode):
        raise PermissionDenied(
            "Predikat kinerja organisasi ditetapkan oleh pimpinan satu tingkat di atas unit ini "
            f"(pejabat penilai {nama_pegawai(kepala)}). Administrator tidak dapat menetapkannya."
        )
    row = baris_predikat_org(session, unit_id, periode_id)
    if row is None:
        row = PredikatOrganisasi(unit_kerja_id=unit_id, periode_id=periode_id, predikat=nilai)
        session.add(row)
    row.predikat = nilai
    # the operator enters an outside leader's predikat in that leader's name
    row.ditetapkan_oleh_id = actor.pegawai_id or penilai_luar_untuk(session, kepala.id, periode)
    session.flush()
    # the unit head's rating hasil kerja follows the organisation (only while still DRAF)
    for ev in session.scalars(
        select(Evaluasi).where(
            Evaluasi.pegawai_id == kepala.id,
            Evaluasi.periode_id == periode_id,
            Evaluasi.status == DRAF,
        )
    ):
        ev.rating_hasil_kerja = RATING_KEPALA_UNIT[PredikatOrg(nilai)].value
    session.flush()
    return distribusi_unit(session, actor, unit_id, periode_id)


def _unit_ids(session: Session, unit_id: int, sub_unit: bool) -> list[int]:
    return organisasi.sub_unit_ids(session, unit_id) if sub_unit else [unit_id]


def boleh_lihat_unit(session: Session, actor: Actor, unit_id: int, periode: Periode) -> bool:
    """Admin; the head of the unit or of a unit above it; or the leader one level up."""
    if actor.is_admin:
        return True
    if actor.pegawai_id is None:
        return False
    cursor: int | None = unit_id
    while cursor is not None:
        kepala = kepala_unit(session, cursor)
        if kepala is not None and (
            kepala.id == actor.pegawai_id or adalah_penilai(session, actor, kepala.id, periode)
        ):
            return True
        unit = session.get(UnitKerja, cursor)
        cursor = unit.induk_id if unit else None
    return False


def distribusi_unit(
    session: Session,
    actor: Actor,
    unit_id: int,
    periode_id: int,
    *,
    sub_unit: bool = True,
) -> DistribusiUnit:
    """Counts and percentages of employee predikat in a unit (aggregate SQL), checked against
    the SE 3/2023 rule of the organisation's predikat. Warns; never blocks. The screen and the
    signed penetapan both read it: only what :func:`dihitung_dinilai` counts is dinilai (rated
    drafts are shown apart); whether the unit head counts in his own unit is the office
    setting :func:`kepala_unit_dihitung`."""
    periode = get_periode(session, periode_id)
    unit = session.get(UnitKerja, unit_id)
    if unit is None:
        raise NotFound("Unit kerja tidak ditemukan.")
    if not boleh_lihat_unit(session, actor, unit_id, periode):
        raise PermissionDenied(
            "Distribusi predikat unit hanya untuk administrator, kepala unit, dan pimpinan di "
            "atasnya."
        )
    ids = _unit_ids(session, unit_id, sub_unit)
    dalam_unit: ColumnElement[bool] = (
        Pegawai.unit_kerja_id.in_(ids) if len(ids) > 1 else (Pegawai.unit_kerja_id == unit_id)
    )
    if not kepala_unit_dihitung(session):
        dalam_unit = and_(
            dalam_unit,
            ~and_(Pegawai.unit_kerja_id == unit_id, Pegawai.kepala_unit.is_(True)),
        )
    # dihitung_dinilai in SQL: a predikat and a status of STATUS_DINILAI
    dihitung = Evaluasi.status.in_([s.value for s in STATUS_DINILAI])
    dinilai: ColumnElement[bool] = and_(Evaluasi.predikat.is_not(None), dihitung)
    rows = session.execute(
        select(Evaluasi.predikat, func.count(Evaluasi.id), func.sum(case((dihitung, 1), else_=0)))
        .join(Pegawai, Pegawai.id == Evaluasi.pegawai_id)
        .where(Evaluasi.periode_id == periode_id, dalam_unit, Evaluasi.predikat.is_not(None))
        .group_by(Evaluasi.predikat)
    ).all()
    jumlah = {p.value: 0 for p in Predikat}
    total_draf = 0
    for pred, n, n_dinilai in rows:
        jumlah[pred] = int(n_dinilai or 0)
        total_draf += int(n) - jumlah[pred]
    total = sum(jumlah.values())
    total_pegawai = (
        session.scalar(
            select(func.count(Pegawai.id)).where(
                dalam_unit, Pegawai.aktif.is_(True), Pegawai.bebas_tugas.is_(False)
            )
        )
        or 0
    )
    persen = {k: (v * 100.0 / total if total else 0.0) for k, v in jumlah.items()}
    org_row = baris_predikat_org(session, unit_id, periode_id)
    org = org_row.predikat if org_row else None
    hasil = None
    peringatan: list[str] = []
    berlebih: list[KelasBerlebih] = []
    aturan: tuple[str, ...] = ()
    if org is not None:
        hasil = periksa_distribusi(PredikatOrg(org), {Predikat(k): v for k, v in jumlah.items()})
        aturan = tuple(teks_aturan(PredikatOrg(org)))
        for a in hasil.pelanggaran:
            peringatan.append(f"Tidak sesuai aturan: {a.uraian}.")
            if "paling banyak" in a.teks.lower() or "tidak ada" in a.teks.lower():
                nama = session.execute(
                    select(Pegawai.gelar_depan, Pegawai.nama, Pegawai.gelar_belakang, Pegawai.nip)
                    .join(Evaluasi, Evaluasi.pegawai_id == Pegawai.id)
                    .where(
                        Evaluasi.periode_id == periode_id,
                        dalam_unit,
                        dinilai,
                        Evaluasi.predikat.in_([p.value for p in a.predikat]),
                    )
                    .order_by(Pegawai.nama)
                    .limit(200)
                ).all()
                berlebih.append(
                    KelasBerlebih(
                        a.teks,
                        tuple(p.value for p in a.predikat),
                        tuple(
                            f"{nama_lengkap(d, n, b)} ({format_nip(nip)})" for d, n, b, nip in nama
                        ),
                    )
                )
    kepala = kepala_unit(session, unit_id)
    penetap = (
        session.get(Pegawai, org_row.ditetapkan_oleh_id)
        if (org_row and org_row.ditetapkan_oleh_id)
        else None
    )
    return DistribusiUnit(
        unit_id=unit_id,
        unit_nama=unit.nama,
        periode=periode_row(periode),
        predikat_organisasi=org,
        jumlah=jumlah,
        persen=persen,
        total_dinilai=total,
        total_draf=total_draf,
        total_pegawai=int(total_pegawai),
        hasil=hasil,
        aturan=aturan,
        peringatan=tuple(peringatan),
        kelas_berlebih=tuple(berlebih),
        kepala_unit=nama_pegawai(kepala) if kepala else None,
        boleh_menetapkan=boleh_menetapkan_predikat_org(session, actor, unit_id, periode),
        ditetapkan_oleh=nama_pegawai(penetap) if penetap else None,
        sub_unit=sub_unit,
    )
