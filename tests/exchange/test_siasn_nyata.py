"""A SIASN export as real offices download it (samples/siasn_export_nyata.csv, made by
samples/make_siasn_nyata.py): pipe delimiter, Struktural without eselon, eselon V, old JF
names, jenjang Pemula, and KEDUDUKAN HUKUM. No real person is refused (domain.md §2a)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.db.models import Pegawai
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.domain.jabatan_siasn import (
    CATATAN_ESELON_V,
    CATATAN_JENIS,
    CATATAN_JENJANG,
    CATATAN_PERKIRAAN,
    Kedudukan,
    jenis_struktural,
    kedudukan,
)
from kinerja_desktop.domain.peran import SISTEM, Actor, Peran
from kinerja_desktop.services import impor_pegawai as imp

SAMPLES = Path(__file__).parent / "samples"
NYATA = SAMPLES / "siasn_export_nyata.csv"
BAIK = SAMPLES / "siasn_export_baik.csv"
_BARIS = list(csv.DictReader(BAIK.open(encoding="utf-8-sig")))


def nip(i: int) -> str:
    return _BARIS[i]["NIP BARU"]


def pratinjau(db, path=NYATA):
    return imp.pratinjau_worker(_State(), db.session_factory, SISTEM, path)


def terapkan(db, p):
    return imp.impor_worker(_State(), db.session_factory, SISTEM, p)


class _State:
    cancelled = False

    def progress(self, done, total, pesan=""):
        pass


def pegawai(session, i: int) -> Pegawai:
    session.rollback()
    p = session.scalar(select(Pegawai).where(Pegawai.nip == nip(i)))
    assert p is not None
    return p


def test_sample_is_pipe_delimited_with_the_real_columns():
    kepala = NYATA.read_text(encoding="utf-8").splitlines()[0]
    assert kepala.split("|") == list(_BARIS[0])
    for k in ("ESELON ID", "ESELON NAMA", "KEDUDUKAN HUKUM NAMA", "IS VALID NIK", "FLAG IKD"):
        assert k in kepala.split("|")


def test_nobody_is_refused_and_the_unsure_rows_are_their_own_group(db, session):
    p = pratinjau(db)
    assert p.tidak_valid == []
    assert len(p.baris) == len(_BARIS)
    catatan = {b.nip: b.catatan for b in p.perlu_dilengkapi}
    assert catatan == {
        nip(2): CATATAN_PERKIRAAN,
        nip(1): CATATAN_PERKIRAAN,
        nip(5): CATATAN_ESELON_V,
        nip(3): CATATAN_JENIS,
        nip(7): CATATAN_JENJANG,
        nip(10): CATATAN_JENJANG,
    }
    assert "6 perlu dilengkapi" in p.ringkasan()


def test_apply_stores_the_inferred_jabatan_and_the_worklist(db, session):
    terapkan(db, pratinjau(db))
    harapan = {
        2: ("PENGAWAS", None),
        1: ("ADMINISTRATOR", None),
        5: ("PENGAWAS", None),
        6: ("PENGAWAS", None),  # ESELON ID 42 alone is firm
        3: ("PELAKSANA", None),
        7: ("FUNGSIONAL", None),
        10: ("FUNGSIONAL", None),
        9: ("FUNGSIONAL", "PEMULA"),
    }
    for i, (jenis, jenjang) in harapan.items():
        p = pegawai(session, i)
        assert (p.jenis_jabatan, p.jenjang) == (jenis, jenjang), i
    assert pegawai(session, 6).perlu_dilengkapi is None
    daftar = imp.daftar_perlu_dilengkapi(session, SISTEM)
    assert {d.nip for d in daftar} == {nip(i) for i in (1, 2, 3, 5, 7, 10)}
    assert all(d.catatan for d in daftar)


def test_kedudukan_hukum_deactivates_leavers_and_records_the_rest(db, session):
    terapkan(db, pratinjau(db))
    for i, alasan in ((12, "Pensiun"), (13, "Meninggal")):
        p = pegawai(session, i)
        assert (p.aktif, p.alasan_nonaktif, p.kedudukan_hukum) == (False, alasan, alasan)
        assert p.tanggal_nonaktif is not None
    for i, kh, bebas in (
        (14, "CLTN", True),
        (15, "Tugas Belajar", True),
        (16, "Hukuman Disiplin", False),
        (0, "Aktif", False),
    ):
        p = pegawai(session, i)
        assert (p.aktif, p.kedudukan_hukum, p.bebas_tugas) == (True, kh, bebas)


def test_temporary_absence_is_out_of_boards_skp_duties_and_distributions(db, session):
    from kinerja_desktop.db.models import Periode, Skp
    from kinerja_desktop.services.evaluasi import distribusi_unit
    from kinerja_desktop.services.pemantauan import belum_mengisi, papan_pemantauan
    from kinerja_desktop.services.periode import pastikan_periode
    from kinerja_desktop.services.skp import buat_skp_unit

    terapkan(db, pratinjau(db))
    unit = pegawai(session, 0).unit_kerja_id  # the kecamatan, with its sub-units
    pergi = {pegawai(session, i).id for i in (14, 15)}
    hadir = pegawai(session, 16).id
    pastikan_periode(session, 2026)
    session.commit()
    papan = papan_pemantauan(session, SISTEM, 2026, unit_id=unit)
    ids = {b.pegawai_id for b in papan.baris}
    assert hadir in ids and not (pergi & ids)
    periode = session.scalars(select(Periode).where(Periode.tahun == 2026)).first()
    belum = belum_mengisi(session, SISTEM, periode.id, unit_id=unit)
    assert hadir in {b.pegawai_id for b in belum} and not pergi & {b.pegawai_id for b in belum}
    seksi = pegawai(session, 14).unit_kerja_id
    n_seksi = session.scalar(
        select(func.count(Pegawai.id)).where(Pegawai.unit_kerja_id == seksi, Pegawai.aktif)
    )
    pergi_seksi = sum(pegawai(session, i).unit_kerja_id == seksi for i in (14, 15))
    total = distribusi_unit(session, SISTEM, seksi, periode.id).total_pegawai
    assert total == n_seksi - pergi_seksi
    # no penilai in this roster: every pegawai with an SKP duty is listed as skipped
    hasil = buat_skp_unit(session, SISTEM, unit, 2026)
    dilewati = {t.split(",")[0] for t in hasil.tanpa_penilai}
    assert _BARIS[16]["NAMA"] in dilewati
    assert not {_BARIS[14]["NAMA"], _BARIS[15]["NAMA"]} & dilewati
    assert session.scalar(select(func.count(Skp.id))) == 0


def test_preview_shows_each_change_on_a_stored_roster(db, session):
    terapkan(db, pratinjau(db, BAIK))
    p = pratinjau(db)
    per_nip = {b.nip: b for b in p.baris}
    assert "Keaktifan: aktif → nonaktif: Pensiun" in per_nip[nip(12)].ringkasan_perubahan
    assert "Keaktifan: aktif → nonaktif: Meninggal" in per_nip[nip(13)].ringkasan_perubahan
    assert "Kedudukan hukum: Aktif → CLTN" in per_nip[nip(14)].ringkasan_perubahan
    assert "Keaktifan: aktif → bebas tugas sementara: CLTN" in per_nip[nip(14)].ringkasan_perubahan
    # a guess never overwrites the stored jenis jabatan or jenjang
    assert per_nip[nip(2)].jenis.value == "SAMA"
    assert "Jenis jabatan" not in per_nip[nip(3)].ringkasan_perubahan
    assert "Jenjang" not in per_nip[nip(7)].ringkasan_perubahan
    terapkan(db, p)
    assert pegawai(session, 3).jenis_jabatan == "PENGAWAS"
    assert pegawai(session, 7).jenjang == "AHLI_MUDA"
    assert pegawai(session, 12).aktif is False
    # the same file again writes nothing
    assert pratinjau(db).dipilih_bawaan() == set()


@pytest.mark.parametrize(
    ("eselon", "jabatan", "jenis", "catatan"),
    [
        ("II.a", "Kepala Dinas", "JPT", None),
        ("III.b", "", "ADMINISTRATOR", None),
        ("IV.a", "", "PENGAWAS", None),
        ("V.a", "", "PENGAWAS", CATATAN_ESELON_V),
        ("42", "", "PENGAWAS", None),
        ("", "Kepala Seksi Pelayanan", "PENGAWAS", CATATAN_PERKIRAAN),
        ("", "Kepala Subbagian Umum", "PENGAWAS", CATATAN_PERKIRAAN),
        ("", "Lurah Sungai Bengkal", "PENGAWAS", CATATAN_PERKIRAAN),
        ("", "Kepala UPT Puskesmas", "PENGAWAS", CATATAN_PERKIRAAN),
        ("", "Camat Tebo Ilir", "ADMINISTRATOR", CATATAN_PERKIRAAN),
        ("", "Sekretaris Kecamatan", "ADMINISTRATOR", CATATAN_PERKIRAAN),
        ("", "Kepala Bidang Anggaran", "ADMINISTRATOR", CATATAN_PERKIRAAN),
        ("", "Sekretaris Dinas Pendidikan", "ADMINISTRATOR", CATATAN_PERKIRAAN),
        ("", "Sekretaris Daerah", "JPT", CATATAN_PERKIRAAN),
        ("", "Asisten Pemerintahan", "JPT", CATATAN_PERKIRAAN),
        ("", "Staf Ahli Bupati", "JPT", CATATAN_PERKIRAAN),
        ("", "Inspektur", "JPT", CATATAN_PERKIRAAN),
        ("", "Sekretaris DPRD", "JPT", CATATAN_PERKIRAAN),
        ("", "Kepala Badan Keuangan Daerah", "JPT", CATATAN_PERKIRAAN),
        ("", "Koordinator Wilayah", "PELAKSANA", CATATAN_JENIS),
    ],
)
def test_struktural_jenis(eselon, jabatan, jenis, catatan):
    assert jenis_struktural(eselon, jabatan) == (jenis, catatan)


@pytest.mark.parametrize(
    ("nama", "hasil"),
    [
        ("Aktif", Kedudukan.AKTIF),
        ("Hukuman Disiplin", Kedudukan.AKTIF),
        ("Proses Banding BAPEK", Kedudukan.AKTIF),
        ("", Kedudukan.AKTIF),
        ("CLTN", Kedudukan.SEMENTARA),
        ("Perpanjangan CLTN", Kedudukan.SEMENTARA),
        ("Tugas Belajar", Kedudukan.SEMENTARA),
        ("Pemberhentian Sementara", Kedudukan.SEMENTARA),
        ("Masa Persiapan Pensiun", Kedudukan.SEMENTARA),
        ("PNS yang dinyatakan hilang", Kedudukan.SEMENTARA),
        ("Pensiun", Kedudukan.KELUAR),
        ("Meninggal", Kedudukan.KELUAR),
        ("Meninggal Dunia", Kedudukan.KELUAR),
        ("Diberhentikan", Kedudukan.KELUAR),
        ("Berhenti atas permintaan sendiri", Kedudukan.KELUAR),
    ],
)
def test_kedudukan_table(nama, hasil):
    assert kedudukan(nama) is hasil


def test_preview_and_apply_need_the_administrator(db):
    biasa = Actor(nama="x", peran=frozenset({Peran.PEGAWAI, Peran.PENILAI}))
    with pytest.raises(PermissionDenied):
        imp.pratinjau_worker(_State(), db.session_factory, biasa, NYATA)
    p = pratinjau(db)
    with pytest.raises(PermissionDenied):
        imp.impor_worker(_State(), db.session_factory, biasa, p)


def test_cli_dry_run_reads_the_real_file(tmp_path, akun_cli):
    import os

    env_db = tmp_path / "k.sqlite"
    akun_cli(f"sqlite:///{env_db}")  # the operator, through $KINERJA_PENGGUNA / $KINERJA_SANDI
    r = subprocess.run(
        [sys.executable, "-m", "kinerja_desktop", "import-pegawai", str(NYATA), "--dry-run",
         "--db", f"sqlite:///{env_db}"],
        capture_output=True, text=True, timeout=120, env=os.environ.copy(),
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "Perlu dilengkapi" in r.stdout and "jenjang perlu dilengkapi" in r.stdout


def test_the_operator_adjusts_the_kedudukan_table(db, session):
    from kinerja_desktop.domain.errors import ValidationError
    from kinerja_desktop.domain.jabatan_siasn import KEDUDUKAN_BAWAAN

    assert imp.tabel_kedudukan(session, SISTEM) == KEDUDUKAN_BAWAAN
    tabel = {k: v.value for k, v in KEDUDUKAN_BAWAAN.items()}
    tabel.update({"Tugas Belajar": "AKTIF", "CLTN": "KELUAR"})
    imp.simpan_tabel_kedudukan(session, SISTEM, tabel)
    session.commit()
    assert imp.tabel_kedudukan(session, SISTEM)["tugas belajar"] is Kedudukan.AKTIF
    terapkan(db, pratinjau(db))
    assert (pegawai(session, 15).aktif, pegawai(session, 15).bebas_tugas) == (True, False)
    assert (pegawai(session, 14).aktif, pegawai(session, 14).alasan_nonaktif) == (False, "CLTN")
    with pytest.raises(ValidationError):
        imp.simpan_tabel_kedudukan(session, SISTEM, {"CLTN": "LIBUR"})
    imp.simpan_tabel_kedudukan(session, SISTEM, None)
    assert imp.tabel_kedudukan(session, SISTEM) == KEDUDUKAN_BAWAAN
