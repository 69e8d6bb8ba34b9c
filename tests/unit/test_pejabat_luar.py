"""Pejabat luar kantor (domain.md §9): an outside penilai/atasan is recorded by the operator,
rates an office head, and stays out of the roster, SKP duties, boards and accounts.

The sample ``tests/exchange/samples/pejabat_luar_rimbo_bujang.csv`` goes with the SIASN roster
``siasn_export_baik.csv``: the Camat of Rimbo Bujang is rated by the Sekretaris Daerah of the
kabupaten (with NIP), who is rated by the Bupati (no NIP: not an ASN)."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.db.models import Pegawai, PenugasanPenilai, Skp
from kinerja_desktop.domain.errors import (
    ConflictError,
    PermissionDenied,
    StateError,
    ValidationError,
)
from kinerja_desktop.domain.peran import SISTEM, Actor, Peran
from kinerja_desktop.services import akun as akun_svc
from kinerja_desktop.services import impor_pegawai as imp
from kinerja_desktop.services import organisasi as org
from kinerja_desktop.services import pegawai as svc
from kinerja_desktop.services import pejabat_luar as luar
from kinerja_desktop.services.identitas import identitas
from kinerja_desktop.services.skp import buat_skp, buat_skp_unit
from kinerja_desktop.services.uow import run

SAMPLES = Path(__file__).parents[1] / "exchange" / "samples"
ADMIN = Actor("admin", 1, None, frozenset({Peran.ADMIN}))


class _State:
    cancelled = False

    def progress(self, done, total, pesan=""):
        pass


def _baris_luar() -> list[dict[str, str]]:
    with (SAMPLES / "pejabat_luar_rimbo_bujang.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _catat_sampel(db) -> dict[str, int]:
    """Record the sample's outside officials and assign whom each rates (by NIP)."""
    ids: dict[str, int] = {}
    for r in _baris_luar():
        data = luar.PejabatLuarInput(
            nama=r["NAMA"],
            jabatan=r["JABATAN"],
            instansi=r["INSTANSI"],
            nip=r["NIP"] or None,
            gelar_depan=r["GELAR DEPAN"] or None,
            gelar_belakang=r["GELAR BELAKANG"] or None,
            golongan=r["GOL"] or None,
            unit_kerja=r["UNIT KERJA"] or None,
        )
        ids[r["JABATAN"]] = run(db.session_factory, ADMIN, luar.tambah_pejabat_luar, data).id
    with db.session_factory() as s:
        by_nip = {p.nip: p.id for p in s.scalars(select(Pegawai))}
    for r in _baris_luar():
        run(
            db.session_factory,
            ADMIN,
            org.tetapkan_penilai,
            by_nip[r["MENILAI NIP"]],
            ids[r["JABATAN"]],
            date(2025, 1, 1),
        )
    return ids


@pytest.fixture
def kantor(db):
    p = imp.pratinjau_worker(
        _State(), db.session_factory, SISTEM, SAMPLES / "siasn_export_baik.csv"
    )
    imp.impor_worker(_State(), db.session_factory, SISTEM, p)
    return _catat_sampel(db)


def _camat(s) -> Pegawai:
    return s.scalar(select(Pegawai).where(Pegawai.nip == "197105121996031002"))


def test_the_camat_is_rated_by_the_outside_sekda_and_the_chain_ends_at_the_bupati(db, kantor):
    with db.session_factory() as s:
        camat = _camat(s)
        sekda, bupati = kantor["Sekretaris Daerah"], kantor["Bupati Tebo"]
        assert org.penilai_pada(s, camat.id, date(2025, 6, 30)) == sekda
        assert org.atasan_penilai_pada(s, camat.id, date(2025, 6, 30)) == bupati
        blok = identitas(s, sekda)
        assert blok.instansi == "Pemerintah Kabupaten Tebo" and blok.luar
        assert blok.nip == "196803121994031005" and blok.unit_kerja == "Sekretariat Daerah"
        assert blok.pangkat_golongan == "Pembina Utama Muda, IV/c"
        tanpa_nip = identitas(s, bupati)
        assert tanpa_nip.nip == "" and not tanpa_nip.cetak_nip and tanpa_nip.pangkat_golongan == ""
        # the "no NIP" key is never shown as a NIP
        assert s.get(Pegawai, bupati).nip.startswith("LUAR")
        rows = luar.daftar_pejabat_luar(s, ADMIN)
        assert [r.nip_tampil for r in rows] == ["19680312 199403 1 005", "tanpa NIP"]  # by name


def test_outside_officials_are_not_in_the_roster_nor_offered_an_account(db, kantor):
    with db.session_factory() as s:
        roster = s.scalar(select(func.count(Pegawai.id)).where(Pegawai.luar.is_(False)))
        semua = svc.FilterPegawai(aktif=None)
        nama = {r.nama for r in svc.daftar_pegawai(s, ADMIN, semua, limit=None)}
        assert "Hasbullah Yunus" not in nama and "Rahmat Hidayatullah" not in nama
        assert svc.hitung_pegawai(s, ADMIN, semua) == roster
        r = svc.ringkasan(s, ADMIN)
        assert r.aktif + r.nonaktif == roster
        assert sum(svc.jumlah_per_unit(s, ADMIN, aktif=False).values()) == roster
        assert svc.daftar_pegawai(s, ADMIN, svc.FilterPegawai(cari="Hasbullah")) == []
        pilihan = akun_svc.pegawai_tanpa_akun(s, SISTEM)
        assert not any("Hasbullah" in p.label for p in pilihan)
    with pytest.raises(ValidationError, match="Pejabat luar kantor tidak dapat diberi akun"):
        run(
            db.session_factory,
            ADMIN,
            akun_svc.tambah_akun,
            "sekda",
            "Rahasia#2026",
            [Peran.PENILAI],
            pegawai_id=kantor["Sekretaris Daerah"],
        )


def test_outside_officials_have_no_skp_duty(db, kantor):
    with pytest.raises(StateError, match="pejabat luar kantor"):
        run(db.session_factory, ADMIN, buat_skp, kantor["Sekretaris Daerah"], 2025)
    with db.session_factory() as s:
        akar = s.get(Pegawai, kantor["Sekretaris Daerah"]).unit_kerja_id
    hasil = run(db.session_factory, ADMIN, buat_skp_unit, akar, 2025, termasuk_sub_unit=True)
    with db.session_factory() as s:
        pemilik = set(s.scalars(select(Pegawai.luar).join(Skp, Skp.pegawai_id == Pegawai.id)))
        assert hasil.dibuat == s.scalar(select(func.count(Skp.id))) > 0
    assert pemilik == {False}


def test_only_the_operator_records_them_and_the_data_is_checked(db, kantor):
    pegawai = Actor("hendra", 2, 5, frozenset({Peran.PEGAWAI, Peran.PENILAI}))
    data = luar.PejabatLuarInput("Nama", "Kepala Dinas Pendidikan", "Pemerintah Kabupaten Tebo")
    for fn, args in (
        (luar.tambah_pejabat_luar, (data,)),
        (luar.ubah_pejabat_luar, (kantor["Bupati Tebo"], data)),
        (luar.daftar_pejabat_luar, ()),
        (luar.atur_aktif_pejabat_luar, (kantor["Bupati Tebo"], False)),
    ):
        with pytest.raises(PermissionDenied):
            run(db.session_factory, pegawai, fn, *args)
    with pytest.raises(ValidationError, match="Instansi wajib"):
        run(
            db.session_factory, ADMIN, luar.tambah_pejabat_luar, luar.PejabatLuarInput("A", "B", "")
        )
    with pytest.raises(ValidationError):  # a NIP, when given, is a real NIP
        bad = luar.PejabatLuarInput("A", "B", "C", nip="19681312 199403 1 005")
        run(db.session_factory, ADMIN, luar.tambah_pejabat_luar, bad)
    with pytest.raises(ConflictError, match="pegawai kantor ini"):  # the Camat is in the roster
        dup = luar.PejabatLuarInput("A", "B", "C", nip="197105121996031002")
        run(db.session_factory, ADMIN, luar.tambah_pejabat_luar, dup)


def test_a_correction_keeps_him_outside_and_a_nip_can_be_removed(db, kantor):
    sekda = kantor["Sekretaris Daerah"]
    ubah = luar.PejabatLuarInput(
        "Hasbullah Yunus", "Sekretaris Daerah", "Pemerintah Kabupaten Tebo", gelar_depan="Dr."
    )
    row = run(db.session_factory, ADMIN, luar.ubah_pejabat_luar, sekda, ubah)
    assert row.nip == "" and row.nama_lengkap == "Dr. Hasbullah Yunus" and row.unit_kerja == ""
    row = run(db.session_factory, ADMIN, luar.atur_aktif_pejabat_luar, sekda, False)
    assert not row.aktif
    aktif = run(db.session_factory, ADMIN, luar.daftar_pejabat_luar, termasuk_nonaktif=False)
    assert [r.jabatan for r in aktif] == ["Bupati Tebo"]


def test_the_chain_above_an_outside_official_stays_outside(db, kantor):
    with db.session_factory() as s:
        camat = _camat(s).id
    with pytest.raises(ValidationError, match="juga pejabat luar kantor"):
        run(
            db.session_factory,
            ADMIN,
            org.tetapkan_penilai,
            kantor["Bupati Tebo"],
            camat,
            date(2025, 2, 1),
        )


def test_outside_officials_are_not_on_boards_lists_or_in_distributions(db, kantor):
    """He hangs on the office's top unit (pegawai.unit_kerja_id is required) but is counted
    nowhere: not on the board, not as "belum mengisi", not in the distribution's denominator,
    not in the recap."""
    from kinerja_desktop.services import evaluasi as ev_svc
    from kinerja_desktop.services import laporan
    from kinerja_desktop.services import pemantauan as pm
    from tests.data_evaluasi import buat_periode_tahun

    with db.session_factory() as s:
        tw1 = buat_periode_tahun(s, 2025)["TW1"].id
        s.commit()
        akar = s.get(Pegawai, kantor["Sekretaris Daerah"]).unit_kerja_id
        aktif_di_kantor = s.scalar(
            select(func.count(Pegawai.id)).where(
                Pegawai.aktif.is_(True), Pegawai.luar.is_(False), Pegawai.bebas_tugas.is_(False)
            )
        )
    luar_ids = set(kantor.values())
    papan = run(db.session_factory, ADMIN, pm.papan_pemantauan, 2025, unit_id=akar)
    assert papan.baris and not {b.pegawai_id for b in papan.baris} & luar_ids
    belum = run(db.session_factory, ADMIN, pm.belum_mengisi, tw1, unit_id=akar)
    assert belum and not {b.pegawai_id for b in belum} & luar_ids
    dist = run(db.session_factory, ADMIN, ev_svc.distribusi_unit, akar, tw1)
    assert dist.total_pegawai <= aktif_di_kantor
    rekap = run(db.session_factory, ADMIN, laporan.rekap_unit, akar, tw1)
    assert "Hasbullah" not in str(rekap) and "Rahmat Hidayatullah" not in str(rekap)


def _migrasi(db, arah: str, revisi: str) -> None:
    from alembic import command

    from kinerja_desktop.db.database import _alembic_config

    with db.engine.begin() as conn:
        getattr(command, arah)(_alembic_config(conn), revisi)


def test_migration_0005_adds_the_columns_and_refuses_a_lossy_downgrade(db, kantor):
    from sqlalchemy import inspect

    from kinerja_desktop.db.database import SCHEMA_HEAD, current_revision

    with pytest.raises(RuntimeError, match="pejabat luar kantor"):
        _migrasi(db, "downgrade", "0004")
    assert current_revision(db.engine) == SCHEMA_HEAD
    with db.engine.begin() as conn:  # without outside officials the way back is open
        conn.execute(
            PenugasanPenilai.__table__.delete().where(
                PenugasanPenilai.penilai_id.in_(list(kantor.values()))
            )
        )
        conn.execute(Pegawai.__table__.delete().where(Pegawai.luar.is_(True)))
    _migrasi(db, "downgrade", "0004")
    kolom = {c["name"] for c in inspect(db.engine).get_columns("pegawai")}
    assert "luar" not in kolom and "instansi_luar" not in kolom
    assert "surat_nomor" not in {c["name"] for c in inspect(db.engine).get_columns("keberatan")}
    _migrasi(db, "upgrade", "head")
    with db.session_factory() as s:  # the roster imported before is all "in the office"
        assert s.scalar(select(func.count(Pegawai.id)).where(Pegawai.luar.is_(True))) == 0
        assert s.scalar(select(func.count(Pegawai.id))) > 20
