"""The demo roster: ~40 valid pegawai, a complete atasan chain, one PLT, one retired."""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select

from kinerja_desktop.db.models import Pegawai, Pengaturan, PenugasanPenilai
from kinerja_desktop.demo.roster import isi_roster
from kinerja_desktop.domain.enums import StatusPegawai
from kinerja_desktop.domain.nip import cek_kesesuaian, validate_nomor_induk
from kinerja_desktop.services import organisasi as org


def test_demo_roster(session):
    tahun = date.today().year
    ids = isi_roster(session, tahun, random.Random(2025))
    session.commit()
    semua = session.scalars(select(Pegawai)).all()
    assert 38 <= len(semua) <= 45
    assert {p.status for p in semua} == {"PNS", "CPNS", "PPPK"}
    for p in semua:
        _, info = validate_nomor_induk(p.nip, StatusPegawai(p.status))
        assert cek_kesesuaian(info, p.tanggal_lahir, None) == []
        assert p.gelar_belakang is None or "," not in p.gelar_belakang[:1]
    hari = date(tahun, 7, 1)
    # every active pegawai but the Sekretaris Daerah reaches the Sekda through the chain
    for p in semua:
        if not p.aktif or p.id == ids["sekda"]:
            continue
        cursor, langkah = p.id, 0
        while cursor != ids["sekda"]:
            cursor = org.penilai_pada(session, cursor, hari)
            assert cursor is not None, p.nama
            langkah += 1
            assert langkah < 6
    assert org.penilai_pada(session, ids["camat"], hari) == ids["sekda"]
    # PLT: the Kasi Pemerintahan rates the Kesos staff in April only
    assert org.penilai_pada(session, ids["kesos1"], date(tahun, 4, 1)) == ids["kapem"]
    assert org.penilai_pada(session, ids["kesos1"], date(tahun, 7, 1)) == ids["kakesos"]
    plt = session.scalars(select(PenugasanPenilai).where(PenugasanPenilai.jenis == "PLT")).all()
    assert len(plt) == 3
    # and the third quarter of one Trantib staff: the same Kasi acts
    assert org.penilai_pada(session, ids["trantib1"], date(tahun, 8, 1)) == ids["kapem"]
    assert org.penilai_pada(session, ids["trantib1"], date(tahun, 10, 1)) == ids["katrantib"]
    pensiun = session.get(Pegawai, ids["pensiun"])
    assert not pensiun.aktif and pensiun.alasan_nonaktif.startswith("Pensiun")
    assert session.get(Pengaturan, "instansi").nilai == "PEMERINTAH KABUPATEN TEBO"
    assert session.get(Pengaturan, "tempat").nilai == "Muara Tebo"
    fungsional = [p for p in semua if p.jenis_jabatan == "FUNGSIONAL"]
    assert fungsional and all(p.jenjang for p in fungsional)
