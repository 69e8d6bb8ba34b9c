"""A small office for the SKP tests: Sekda → Camat → Sekcam / Kasi → staff.

Other SKP tests import ``kantor_kecil`` from here (tests/factories.py builds the people).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kinerja_desktop.db.models import Pegawai, Pengaturan
from kinerja_desktop.domain.peran import Actor, Peran
from tests import factories as f


@dataclass
class Kantor:
    sekda: Pegawai
    camat: Pegawai
    sekcam: Pegawai
    kasi: Pegawai
    staf: Pegawai
    staf2: Pegawai

    def actor(self, p: Pegawai) -> Actor:
        return f.actor_for(p, Peran.PEGAWAI, Peran.PENILAI)


def kantor_kecil(session) -> Kantor:
    session.add(Pengaturan(kunci="instansi", nilai="PEMERINTAH KABUPATEN TEBO"))
    session.add(Pengaturan(kunci="tempat", nilai="Muara Tebo"))
    pemda = f.unit(session, "Pemerintah Kabupaten Tebo")
    setda = f.unit(session, "Sekretariat Daerah", pemda)
    kec = f.unit(session, "Kecamatan Tebo Tengah", pemda)
    pem = f.unit(session, "Seksi Pemerintahan", kec)
    mulai = date(2020, 1, 1)
    sekda = f.pegawai(
        session,
        "Ahmad Syukri",
        unit_kerja=setda,
        lahir=date(1966, 8, 1),
        golongan="IV/c",
        jabatan="Sekretaris Daerah",
        jenis_jabatan="JPT",
        gelar_depan="Drs. H.",
        gelar_belakang="M.M.",
    )
    camat = f.pegawai(
        session,
        "Hendra Gunawan",
        unit_kerja=kec,
        lahir=date(1975, 3, 12),
        golongan="IV/a",
        jabatan="Camat Tebo Tengah",
        jenis_jabatan="ADMINISTRATOR",
        gelar_belakang="S.STP., M.Si.",
        atasan=sekda,
        mulai_atasan=mulai,
    )
    sekcam = f.pegawai(
        session,
        "Rina Marlina",
        unit_kerja=kec,
        lahir=date(1980, 6, 2),
        jenis_kelamin="P",
        golongan="III/d",
        jabatan="Sekretaris Kecamatan",
        jenis_jabatan="ADMINISTRATOR",
        gelar_belakang="S.Sos.",
        atasan=camat,
        mulai_atasan=mulai,
    )
    kasi = f.pegawai(
        session,
        "Joko Prasetyo",
        unit_kerja=pem,
        lahir=date(1983, 1, 20),
        golongan="III/c",
        jabatan="Kepala Seksi Pemerintahan",
        jenis_jabatan="PENGAWAS",
        gelar_belakang="S.IP.",
        atasan=camat,
        mulai_atasan=mulai,
    )
    staf = f.pegawai(
        session,
        "Siti Aminah",
        unit_kerja=pem,
        lahir=date(1990, 1, 1),
        jenis_kelamin="P",
        golongan="III/a",
        jabatan="Pengadministrasi Pemerintahan",
        gelar_belakang="A.Md.",
        atasan=kasi,
        mulai_atasan=mulai,
    )
    staf2 = f.pegawai(
        session,
        "Dedi Kurniawan",
        unit_kerja=pem,
        lahir=date(1992, 4, 4),
        golongan="II/c",
        jabatan="Pengelola Data Kependudukan",
        gelar_belakang=None,
        atasan=kasi,
        mulai_atasan=mulai,
    )
    session.commit()
    return Kantor(sekda, camat, sekcam, kasi, staf, staf2)


def test_kantor_kecil_rantai_penilai(session):
    from kinerja_desktop.services import organisasi

    k = kantor_kecil(session)
    hari = date(2025, 6, 1)
    assert organisasi.penilai_pada(session, k.staf.id, hari) == k.kasi.id
    assert organisasi.penilai_pada(session, k.kasi.id, hari) == k.camat.id
    assert organisasi.penilai_pada(session, k.camat.id, hari) == k.sekda.id
    assert organisasi.penilai_pada(session, k.sekda.id, hari) is None
