"""Demo move: Maya Anggraini (Subbagian Perencanaan dan Keuangan) moves to the Seksi
Pemberdayaan Masyarakat dan Desa on 1 July. Her first SKP ends on 30 June; the new one, with the
Kasi PMD as penilai, carries the same RHK and is ditetapkan. Runs after the SKP step and before
the monitoring step, so each SKP gets the realisasi of the periods it is in force for."""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai, Skp, UnitKerja
from kinerja_desktop.domain.peran import SISTEM, Actor, Peran
from kinerja_desktop.domain.status import StatusSkp
from kinerja_desktop.services import mutasi
from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.skp.salin import salin_isi

YANG_PINDAH = "Maya Anggraini"
PENILAI_BARU = "Sri Wahyuni"
UNIT_BARU = "Seksi Pemberdayaan Masyarakat dan Desa"


def _aktor(p: Pegawai) -> Actor:
    return Actor(p.nama, None, p.id, frozenset({Peran.PEGAWAI, Peran.PENILAI}))


def isi_mutasi(session: Session, tahun: int, rng: random.Random) -> dict[str, int]:
    pegawai = session.scalar(select(Pegawai).where(Pegawai.nama == YANG_PINDAH))
    penilai = session.scalar(select(Pegawai).where(Pegawai.nama == PENILAI_BARU))
    unit = session.scalar(select(UnitKerja).where(UnitKerja.nama == UNIT_BARU))
    if pegawai is None or penilai is None or unit is None:
        return {"mutasi": 0}
    lama = session.scalar(
        select(Skp).where(Skp.pegawai_id == pegawai.id, Skp.tahun == tahun, Skp.terkini.is_(True))
    )
    hasil = mutasi.catat_mutasi(
        session,
        SISTEM,
        pegawai.id,
        date(tahun, 7, 1),
        unit.id,
        penilai.id,
        jabatan="Analis Pemberdayaan Masyarakat",
        catatan="SK Bupati Tebo tentang mutasi pegawai",
    )
    baru = session.get(Skp, hasil.skp_baru_id)
    if lama is None or baru is None:
        return {"mutasi": 1}
    salin_isi(session, lama, baru, pertahankan_link=False, salin_ekspektasi=False)
    if lama.status == StatusSkp.DITETAPKAN:
        svc.ajukan_skp(session, _aktor(pegawai), baru.id)
        svc.tetapkan_skp(session, _aktor(penilai), baru.id)
    session.flush()
    return {"mutasi": 1}
