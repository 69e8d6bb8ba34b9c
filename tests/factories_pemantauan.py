"""Builders for monitoring tests: an SKP made directly with the ORM (independent of the SKP
services), periods, and a penilai/pegawai pair."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Evaluasi, Indikator, Pegawai, RencanaHasilKerja, Skp
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.services.periode import PeriodeRow, pastikan_periode
from tests import factories as f

TAHUN = 2025


@dataclass
class Kantor:
    atasan: Pegawai
    pegawai: Pegawai
    lain: Pegawai
    skp: Skp
    periode: list[PeriodeRow]
    iki: list[Indikator]  # [1.1 kuantitatif 12 laporan, 1.2 kuantitatif 100 %, 2.1 kualitatif]
    rhk: list[RencanaHasilKerja]

    @property
    def tw1(self) -> PeriodeRow:
        return self.periode[0]

    @property
    def a_pegawai(self) -> Actor:
        return f.actor_for(self.pegawai, Peran.PEGAWAI)

    @property
    def a_atasan(self) -> Actor:
        return f.actor_for(self.atasan, Peran.PEGAWAI, Peran.PENILAI)

    @property
    def a_lain(self) -> Actor:
        return f.actor_for(self.lain, Peran.PEGAWAI, Peran.PENILAI)


def buat_skp(session: Session, pegawai: Pegawai, penilai: Pegawai | None, tahun: int = TAHUN,
             status: str = "DITETAPKAN") -> Skp:  # fmt: skip
    skp = Skp(
        pegawai_id=pegawai.id, penilai_id=penilai.id if penilai else None, tahun=tahun,
        mulai=date(tahun, 1, 1), selesai=date(tahun, 12, 31), pendekatan="KUANTITATIF",
        status=status,
    )  # fmt: skip
    r1 = RencanaHasilKerja(jenis="UTAMA", urutan=1, uraian="Tersusunnya laporan keuangan")
    r1.indikator = [
        Indikator(urutan=1, aspek="KUANTITAS", uraian="Jumlah laporan keuangan bulanan",
                  target_nilai=12, target_satuan="laporan"),
        Indikator(urutan=2, aspek="KUALITAS", uraian="Persentase laporan tanpa koreksi",
                  target_nilai=100, target_satuan="%"),
    ]  # fmt: skip
    r2 = RencanaHasilKerja(jenis="UTAMA", urutan=2, uraian="Terlaksananya pembinaan bendahara")
    r2.indikator = [
        Indikator(urutan=1, aspek="KUALITAS", uraian="Kualitas pembinaan bendahara",
                  target_nilai=None, target_narasi="Pembinaan terlaksana sesuai jadwal"),
    ]  # fmt: skip
    skp.rhk = [r1, r2]
    session.add(skp)
    session.flush()
    return skp


def kantor(session: Session, tahun: int = TAHUN) -> Kantor:
    u = f.unit(session, "Kecamatan Contoh")
    atasan = f.pegawai(session, "Siti Rahmawati", unit_kerja=u, jenis_jabatan="PENGAWAS",
                       lahir=date(1975, 2, 3), jenis_kelamin="P")  # fmt: skip
    peg = f.pegawai(session, "Budi Santoso", unit_kerja=u, atasan=atasan)
    lain = f.pegawai(session, "Andi Wijaya", unit_kerja=u, lahir=date(1988, 1, 9))
    skp = buat_skp(session, peg, atasan, tahun)
    periode = pastikan_periode(session, tahun)
    iki = [i for r in skp.rhk for i in r.indikator]
    session.commit()
    return Kantor(atasan, peg, lain, skp, periode, iki, list(skp.rhk))


def finalkan(session: Session, k: Kantor, periode_id: int) -> Evaluasi:
    ev = Evaluasi(
        skp_id=k.skp.id, periode_id=periode_id, pegawai_id=k.pegawai.id,
        penilai_id=k.atasan.id, status="FINAL",
    )  # fmt: skip
    session.add(ev)
    session.commit()
    return ev
