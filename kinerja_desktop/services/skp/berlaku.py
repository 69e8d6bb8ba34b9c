"""Which SKP revision is in force (domain.md §3a): the one owner of that question.

A revision of a ditetapkan SKP replaces it only from the day it is ditetapkan; work done under
the earlier revision stays with the days it covers. A draft or submitted revision hides
nothing: it is *pending* (``skp_tertunda``) beside the revision in force. Monitoring,
the penilai's board, the evaluation screens, daily progress and the year summary all ask
here; none of them takes "the newest revision" (``Skp.terkini``) on its own.

A year may hold several SKP (a move starts a new one); each with its revisions is a chain
(``revisi_dari_id``). The chain covering the day is used, then the revision of that chain in
force on the day: the latest ditetapkan revision whose penetapan is on or before the day (the
first ditetapkan revision covers the chain from its start). A chain with nothing ditetapkan
yet is the SKP being drawn up, shown as it is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Indikator, Realisasi, RencanaHasilKerja, Skp
from kinerja_desktop.domain.status import StatusSkp
from kinerja_desktop.services.waktu import hari_ini, tanggal_kantor


class _AdaSelesai(Protocol):
    """A period (model or row): its year and last day."""

    @property
    def tahun(self) -> int: ...

    @property
    def selesai(self) -> date: ...


def skp_tahun(session: Session, pegawai_id: int, tahun: int) -> list[Skp]:
    return list(
        session.scalars(
            select(Skp)
            .where(Skp.pegawai_id == pegawai_id, Skp.tahun == tahun)
            .order_by(Skp.mulai, Skp.revisi, Skp.id)
        )
    )


def rantai(skps: Sequence[Skp]) -> list[list[Skp]]:
    """The SKP of a year grouped by revision chain, each chain in revision order, chains by
    start date."""
    per_id = {s.id: s for s in skps}

    def akar(s: Skp) -> int:
        while s.revisi_dari_id in per_id:
            s = per_id[s.revisi_dari_id]
        return s.id

    grup: dict[int, list[Skp]] = defaultdict(list)
    for s in skps:
        grup[akar(s)].append(s)
    out = [sorted(g, key=lambda s: (s.revisi, s.id)) for g in grup.values()]
    return sorted(out, key=lambda g: (g[0].mulai, g[0].id))


def tanggal_penetapan(session: Session, skp: Skp) -> date | None:
    """The office's date the revision was ditetapkan (None while it is not)."""
    if skp.status != StatusSkp.DITETAPKAN:
        return None
    # an SKP marked ditetapkan without its moment (old data): the day it was made
    return tanggal_kantor(session, skp.ditetapkan_pada or skp.dibuat_pada)


def _ditetapkan(g: Sequence[Skp]) -> list[Skp]:
    return [s for s in g if s.status == StatusSkp.DITETAPKAN]


def _pilih_rantai(chains: list[list[Skp]], tanggal: date) -> list[Skp] | None:
    if not chains:
        return None
    meliputi = [g for g in chains if g[0].mulai <= tanggal <= g[-1].selesai]
    if meliputi:
        return meliputi[-1]
    sebelum = [g for g in chains if g[0].mulai <= tanggal]
    return sebelum[-1] if sebelum else chains[0]


def berlaku_dalam(session: Session, g: Sequence[Skp], tanggal: date) -> Skp:
    """The revision of one chain in force on ``tanggal``."""
    tetap = _ditetapkan(g)
    if not tetap:
        return g[-1]
    hasil = tetap[0]
    for s in tetap[1:]:
        t = tanggal_penetapan(session, s)
        if t is not None and t <= tanggal:
            hasil = s
    return hasil


def _hari_dalam_tahun(session: Session, tahun: int) -> date:
    hari = hari_ini(session)
    return min(max(hari, date(tahun, 1, 1)), date(tahun, 12, 31))


def skp_berlaku(
    session: Session, pegawai_id: int, tahun: int, tanggal: date | None = None
) -> Skp | None:
    """The SKP revision in force on ``tanggal`` (default: today, within the year)."""
    tanggal = tanggal or _hari_dalam_tahun(session, tahun)
    g = _pilih_rantai(rantai(skp_tahun(session, pegawai_id, tahun)), tanggal)
    return berlaku_dalam(session, g, tanggal) if g else None


def skp_berlaku_periode(session: Session, pegawai_id: int, periode: _AdaSelesai) -> Skp | None:
    """The revision a period's work belongs to: the one in force on the period's last day
    (a revision ditetapkan during the period takes the period; its continuing IKI show what
    was entered under the earlier revision, see ``realisasi_efektif``)."""
    return skp_berlaku(session, pegawai_id, periode.tahun, periode.selesai)


def _skp_per_pegawai(session: Session, ids: list[int], tahun: int) -> dict[int, list[Skp]]:
    per: dict[int, list[Skp]] = defaultdict(list)
    if ids:
        for s in session.scalars(
            select(Skp)
            .where(Skp.pegawai_id.in_(ids), Skp.tahun == tahun)
            .order_by(Skp.mulai, Skp.revisi, Skp.id)
        ):
            per[s.pegawai_id].append(s)
    return per


def skp_berlaku_banyak(
    session: Session, pegawai_ids: Iterable[int], tahun: int, tanggal: date
) -> dict[int, Skp]:
    """``skp_berlaku`` for many pegawai at once (boards), from one query."""
    return skp_berlaku_banyak_pada(session, pegawai_ids, tahun, [tanggal])[tanggal]


def skp_berlaku_banyak_pada(
    session: Session, pegawai_ids: Iterable[int], tahun: int, tanggal: Sequence[date]
) -> dict[date, dict[int, Skp]]:
    """``skp_berlaku_banyak`` on several days (a board's periods) from one query."""
    out: dict[date, dict[int, Skp]] = {t: {} for t in tanggal}
    for pid, skps in _skp_per_pegawai(session, list(pegawai_ids), tahun).items():
        chains = rantai(skps)
        for t in tanggal:
            g = _pilih_rantai(chains, t)
            if g:
                out[t][pid] = berlaku_dalam(session, g, t)
    return out


def skp_tertunda_banyak(
    session: Session, pegawai_ids: Iterable[int], tahun: int, tanggal: date
) -> dict[int, Skp]:
    """``skp_tertunda`` for many pegawai at once: only those with a pending revision."""
    out: dict[int, Skp] = {}
    for pid, skps in _skp_per_pegawai(session, list(pegawai_ids), tahun).items():
        g = _pilih_rantai(rantai(skps), tanggal)
        tunda = tertunda_untuk(berlaku_dalam(session, g, tanggal), g) if g else None
        if tunda is not None:
            out[pid] = tunda
    return out


def tertunda_untuk(skp: Skp | None, chain: Sequence[Skp]) -> Skp | None:
    """The newest revision of the chain when it is not (yet) ditetapkan and is not the one in
    force: a draft, submitted or returned revision waiting beside it."""
    if skp is None or not chain:
        return None
    terakhir = chain[-1]
    if terakhir.id == skp.id or terakhir.status == StatusSkp.DITETAPKAN:
        return None
    return terakhir


def skp_tertunda(
    session: Session, pegawai_id: int, tahun: int, tanggal: date | None = None
) -> Skp | None:
    """The pending revision beside the one in force on ``tanggal`` (None when there is none)."""
    tanggal = tanggal or _hari_dalam_tahun(session, tahun)
    g = _pilih_rantai(rantai(skp_tahun(session, pegawai_id, tahun)), tanggal)
    return tertunda_untuk(berlaku_dalam(session, g, tanggal), g) if g else None


def label_tertunda(skp: Skp | None) -> str:
    """'Revisi 1 menunggu penetapan' and its kin, for the screens that show it beside."""
    if skp is None:
        return ""
    nama = f"Revisi {skp.revisi}" if skp.revisi else "SKP"
    if skp.status == StatusSkp.DIAJUKAN:
        return f"{nama} menunggu penetapan"
    if skp.status == StatusSkp.DIKEMBALIKAN:
        return f"{nama} dikembalikan untuk diperbaiki"
    return f"{nama} sedang disusun (draf)"


def masa_berlaku(session: Session, chain: Sequence[Skp]) -> dict[int, tuple[date, date]]:
    """For each ditetapkan revision of a chain, the days it is in force: from its penetapan
    (the first from the chain's start) to the day before the next one's."""
    tetap = _ditetapkan(chain)
    out: dict[int, tuple[date, date]] = {}
    for i, s in enumerate(tetap):
        mulai = s.mulai if i == 0 else max(s.mulai, tanggal_penetapan(session, s) or s.mulai)
        sampai = s.selesai
        if i + 1 < len(tetap):
            nxt = tanggal_penetapan(session, tetap[i + 1])
            if nxt is not None:
                sampai = max(mulai, nxt - timedelta(days=1))
        out[s.id] = (mulai, sampai)
    return out


def leluhur_iki(session: Session, indikator_ids: Iterable[int]) -> dict[int, list[int]]:
    """Each IKI with the IKI of earlier revisions it continues, nearest first
    (``Indikator.asal_id``)."""
    return _leluhur(session, Indikator, indikator_ids)


def leluhur_rhk(session: Session, rhk_ids: Iterable[int]) -> dict[int, list[int]]:
    """Each RHK with the RHK of earlier revisions it continues, nearest first."""
    return _leluhur(session, RencanaHasilKerja, rhk_ids)


def _leluhur(
    session: Session, model: type[Indikator] | type[RencanaHasilKerja], ids_: Iterable[int]
) -> dict[int, list[int]]:
    ids = list(dict.fromkeys(ids_))
    asal: dict[int, int | None] = {}
    frontier = ids
    for _ in range(50):  # a chain of revisions is short; the bound guards a broken link
        baru = [i for i in frontier if i not in asal]
        if not baru:
            break
        for iid, aid in session.execute(select(model.id, model.asal_id).where(model.id.in_(baru))):
            asal[iid] = aid
        frontier = [a for a in (asal.get(i) for i in baru) if a is not None]
    out: dict[int, list[int]] = {}
    for iid in ids:
        urut = [iid]
        a = asal.get(iid)
        while a is not None and a not in urut:
            urut.append(a)
            a = asal.get(a)
        out[iid] = urut
    return out


def iki_berakhir(session: Session, skp: Skp) -> dict[int, int]:
    """IKI of this revision that the next, ditetapkan, revision does not continue -> that
    revision's number. Their history stays, read-only; empty while the next revision is
    pending or there is none."""
    berikut = session.scalar(
        select(Skp).where(Skp.revisi_dari_id == skp.id, Skp.status == StatusSkp.DITETAPKAN)
    )
    if berikut is None:
        return {}
    lanjut = set(
        session.scalars(
            select(Indikator.asal_id)
            .join(RencanaHasilKerja, RencanaHasilKerja.id == Indikator.rhk_id)
            .where(RencanaHasilKerja.skp_id == berikut.id, Indikator.asal_id.is_not(None))
        )
    )
    milik = session.scalars(
        select(Indikator.id)
        .join(RencanaHasilKerja, RencanaHasilKerja.id == Indikator.rhk_id)
        .where(RencanaHasilKerja.skp_id == skp.id)
    )
    return {i: berikut.revisi for i in milik if i not in lanjut}


def revisi_sebelumnya(session: Session, skp: Skp) -> list[int]:
    """Ids of the revisions this SKP revises, nearest first."""
    out: list[int] = []
    sid = skp.revisi_dari_id
    while sid is not None and sid not in out and len(out) < 50:
        out.append(sid)
        sid = session.scalar(select(Skp.revisi_dari_id).where(Skp.id == sid))
    return out


class RingkasRealisasi(Protocol):
    """The columns a board needs of a realisasi (a row, not an ORM object)."""

    @property
    def id(self) -> int: ...

    @property
    def status(self) -> str: ...

    @property
    def terlambat(self) -> bool: ...


def realisasi_efektif(
    session: Session, indikator_ids: Iterable[int], periode_ids: Iterable[int] | None = None
) -> dict[tuple[int, int], Realisasi]:
    """(IKI, period) -> the realisasi shown for it: its own, else the one entered for the IKI
    it continues from an earlier revision (nearest first). Realisasi stay attached to what
    they were entered for; a continuing IKI shows them, nothing is counted twice."""
    return _efektif(session, indikator_ids, periode_ids, select(Realisasi), session.scalars)


def realisasi_efektif_ringkas(
    session: Session, indikator_ids: Iterable[int], periode_ids: Iterable[int] | None = None
) -> dict[tuple[int, int], RingkasRealisasi]:
    """``realisasi_efektif`` with only id, status and terlambat: boards and recaps count
    thousands of them, and building ORM objects was most of their time."""
    kolom = select(
        Realisasi.id,
        Realisasi.indikator_id,
        Realisasi.periode_id,
        Realisasi.status,
        Realisasi.terlambat,
    )
    return _efektif(session, indikator_ids, periode_ids, kolom, session.execute)


def _efektif(session, indikator_ids, periode_ids, q, ambil):  # type: ignore[no-untyped-def]
    leluhur = leluhur_iki(session, indikator_ids)
    semua = {i for r in leluhur.values() for i in r}
    if not semua:
        return {}
    q = q.where(Realisasi.indikator_id.in_(semua))
    if periode_ids is not None:
        q = q.where(Realisasi.periode_id.in_(list(periode_ids)))
    per = {(r.indikator_id, r.periode_id): r for r in ambil(q)}
    periode = {p for _i, p in per}
    out = {}
    for iid, rantai_iki in leluhur.items():
        for p in periode:
            r = next((per[(a, p)] for a in rantai_iki if (a, p) in per), None)
            if r is not None:
                out[(iid, p)] = r
    return out
