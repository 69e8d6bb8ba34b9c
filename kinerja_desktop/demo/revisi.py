"""Demo revision still waiting: a pegawai of Seksi Pemerintahan whose ditetapkan SKP already
has realisasi of the past periods makes a revision (a target raised, a task added, one IKI
dropped) and submits it. Until the Kepala Seksi decides it, every screen keeps showing the
revision in force with its realisasi, and "Revisi 1 menunggu penetapan" beside it.

Runs after the monitoring and evaluation steps (the realisasi exist before the revision).
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai, RiwayatSkp, Skp
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.services import skp as svc

PEGAWAI_REVISI = "Siti Aminah"
ALASAN = (
    "Penambahan tugas pendataan batas wilayah desa sesuai surat Camat; target rekapitulasi "
    "disesuaikan."
)
IKI_BARU = ("KUANTITAS", "Jumlah desa yang data batas wilayahnya dimutakhirkan", 8, "Desa")


def _aktor(p: Pegawai) -> Actor:
    return Actor(
        nama=nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang),
        pegawai_id=p.id,
        peran=frozenset({Peran.PEGAWAI}),
    )


def isi_revisi(session: Session, tahun: int, rng: random.Random) -> dict[str, int]:
    p = session.scalar(select(Pegawai).where(Pegawai.nama == PEGAWAI_REVISI).limit(1))
    skp = (
        session.scalar(
            select(Skp).where(
                Skp.pegawai_id == p.id,
                Skp.tahun == tahun,
                Skp.status == svc.DITETAPKAN,
                Skp.revisi_dari_id.is_(None),
            )
        )
        if p is not None
        else None
    )
    if p is None or skp is None:
        return {"revisi_diajukan": 0}
    a = _aktor(p)
    baru = svc.revisi_skp(session, a, skp.id, ALASAN)
    d = svc.detail_skp(session, a, baru.id)
    pertama = d.rhk[0]
    i = pertama.indikator[0]
    if i.target_nilai is not None:
        naik = round(i.target_nilai * 1.25) or i.target_nilai + 1
        svc.ubah_indikator(session, a, i.id, i.uraian, i.aspek, naik, i.target_satuan)
    ganda = [r for r in d.rhk if len(r.indikator) > 1]
    if len(d.rhk) > 1 and ganda:
        svc.hapus_indikator(session, a, ganda[-1].indikator[-1].id)
    aspek, uraian, n, satuan = IKI_BARU
    svc.tambah_indikator(session, a, pertama.id, uraian, aspek, n, satuan)
    svc.ajukan_skp(session, a, baru.id)
    _atur_waktu(session, skp.id, baru.id, min(date.today(), date(tahun, 12, 31)), rng)
    session.flush()
    return {"revisi_diajukan": 1}


def _atur_waktu(
    session: Session, lama_id: int, baru_id: int, hari: date, rng: random.Random
) -> None:
    """The revision was made and submitted a few days before the demo's today (WIB = UTC+7)."""
    waktu = datetime.combine(hari - timedelta(days=rng.randint(3, 6)), time(9)) - timedelta(hours=7)
    dibuat = session.scalars(
        select(RiwayatSkp)
        .where(RiwayatSkp.skp_id == lama_id, RiwayatSkp.alasan.like("Direvisi%"))
        .order_by(RiwayatSkp.id)
    ).all()
    for r in [
        *dibuat,
        *session.scalars(
            select(RiwayatSkp).where(RiwayatSkp.skp_id == baru_id).order_by(RiwayatSkp.id)
        ),
    ]:
        r.waktu = waktu
        waktu += timedelta(hours=rng.randint(1, 3)) if r in dibuat else timedelta(days=1)
