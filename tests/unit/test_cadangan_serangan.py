"""Hostile backups, written as attacks: each crafted file is refused with an Indonesian message,
and a refused restore changes nothing (database bytes, evidence folder, nothing written outside
it). The crafted files are well formed otherwise: their manifest lists the right hashes and sizes,
so only the check under test can catch them."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja_desktop.db import pemakai
from kinerja_desktop.db.database import DatabaseOpenError, open_database
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.exchange import cadangan as c
from kinerja_desktop.exchange.cadangan import pemulihan
from kinerja_desktop.services.uow import unit_of_work
from tests import factories as f


def N(kunci: str) -> str:
    h = hashlib.sha256(kunci.encode()).hexdigest()
    return f"{h[:2]}/{h}"


@pytest.fixture
def asli(db, tmp_path):
    """A genuine backup of one pegawai and one evidence file; the database is then closed."""
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.pegawai(s, "Ani")
    p = db.folder_bukti / N("asli")
    p.parent.mkdir(parents=True)
    p.write_bytes(b"%PDF asli")
    out = c.buat_cadangan(None, db.path, db.folder_bukti, tmp_path / "asli.zip").path
    db.close()
    return out


def _isi(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _rakit(
    asal: Path,
    tujuan: Path,
    anggota: dict[str, bytes] | None = None,
    ubah_manifest: Callable[[dict], None] | None = None,
    ubah_db: Callable[[sqlite3.Connection], None] | None = None,
    tambahan: list[tuple[str, bytes]] = (),  # type: ignore[assignment]
) -> Path:
    """A backup built from a genuine one, with the manifest's hashes and sizes recomputed."""
    isi = _isi(asal)
    manifest = json.loads(isi.pop("manifest.json"))
    if ubah_db is not None:
        tmp = tujuan.with_suffix(".sqlite")
        tmp.write_bytes(isi["kinerja.sqlite"])
        con = sqlite3.connect(tmp)
        ubah_db(con)
        con.commit()
        con.close()
        isi["kinerja.sqlite"] = tmp.read_bytes()
        tmp.unlink()
    if anggota is not None:
        isi = anggota | {"kinerja.sqlite": isi["kinerja.sqlite"]}
    semua = list(isi.items()) + list(tambahan)
    manifest["sha256"] = {n: hashlib.sha256(b).hexdigest() for n, b in semua}
    bukti = [b for n, b in semua if n != "kinerja.sqlite"]
    manifest["jumlah_bukti"] = len(bukti)
    manifest["ukuran_bukti"] = sum(len(b) for b in bukti)
    manifest["ukuran_db"] = len(isi["kinerja.sqlite"])
    if ubah_manifest is not None:
        ubah_manifest(manifest)
    with zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, b in semua:
            zf.writestr(n, b)
        zf.writestr("manifest.json", json.dumps(manifest))
    return tujuan


def _keadaan(db) -> tuple[str, list[tuple[str, bytes]], list[str]]:
    """The database's contents, evidence files, and every file name in the folder (no
    left-overs)."""
    folder = db.path.parent
    bukti = sorted(
        (p.relative_to(db.folder_bukti).as_posix(), p.read_bytes())
        for p in db.folder_bukti.rglob("*")
        if p.is_file()
    )
    nama = sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if "cadangan" not in p.parts
        and ".pakai" not in p.as_posix()
        and p.suffix != ".zip"
        and not p.name.endswith(("-wal", "-shm"))
    )
    con = sqlite3.connect(db.path)
    try:
        isi = "\n".join(con.iterdump())
    finally:
        con.close()
    return isi, bukti, nama


def _ditolak(db, berkas: Path, pola: str) -> None:
    sebelum = _keadaan(db)
    with pytest.raises(c.CadanganRusak, match=pola):
        c.periksa_cadangan(None, berkas)
    with pytest.raises(c.CadanganRusak, match=pola):
        c.pulihkan(None, berkas, db.path, db.folder_bukti)
    assert _keadaan(db) == sebelum
    assert not [p for p in db.path.parent.parent.rglob("jahat*") if p.suffix != ".zip"]
    assert not Path("/tmp/jahat.txt").exists()


@pytest.mark.parametrize(
    "nama",
    [
        "bukti/../jahat.txt",
        "../jahat.txt",
        "/tmp/jahat.txt",
        "bukti//jahat.txt",
        "bukti/C:/Windows/jahat.txt",
        "bukti/C:jahat.txt",
        "bukti\\..\\jahat.txt",
        "bukti/CON",
        "bukti/nul.txt",
        "bukti/ab/jahat:stream",
        "bukti/tmp/../../jahat.txt",
        "bukti/" + N("x").upper(),  # an alias on a case-insensitive disk
        "bukti/" + N("x") + " ",  # Windows drops the trailing space: an alias
        "bukti/" + N("x") + ".",
        "jahat.sqlite",
    ],
)
def test_member_names_outside_the_store_are_refused(db, asli, tmp_path, nama):
    berkas = _rakit(asli, tmp_path / "serangan.zip", tambahan=[(nama, b"jahat")])
    _ditolak(db, berkas, "nama berkas yang tidak sah")


def test_duplicate_member_overwriting_genuine_evidence_is_refused(db, asli, tmp_path):
    isi = _isi(asli)
    (asli_nama,) = [n for n in isi if n.startswith("bukti/")]
    berkas = tmp_path / "ganda.zip"
    with zipfile.ZipFile(asli) as src, zipfile.ZipFile(berkas, "w") as zf:
        for i in src.infolist():
            zf.writestr(i, src.read(i))
        with pytest.warns(UserWarning, match="Duplicate"):
            zf.writestr(asli_nama, b"ganti isi bukti asli")
    _ditolak(db, berkas, "muncul dua kali")


def test_zip_bomb_member_is_refused_before_it_is_expanded(db, asli, tmp_path):
    berkas = _rakit(asli, tmp_path / "bom.zip", tambahan=[("bukti/" + N("bom"), bytes(40 << 20))])
    _ditolak(db, berkas, "zip bom")


def test_overlapping_members_are_refused(db, asli, tmp_path):
    berkas = _rakit(asli, tmp_path / "tumpang.zip", tambahan=[("bukti/" + N("b"), b"isi")])
    with zipfile.ZipFile(berkas, "a") as zf:
        # a second name whose central entry points at the first member's bytes
        a, b = (i for i in zf.filelist if i.filename.startswith("bukti/"))
        b.header_offset = a.header_offset
        zf._didModify = True
    _ditolak(db, berkas, "tumpang tindih")


def test_sizes_that_lie_are_refused(db, asli, tmp_path):
    def lebih_kecil(m: dict) -> None:
        m["ukuran_db"] = 10

    _ditolak(db, _rakit(asli, tmp_path / "u.zip", ubah_manifest=lebih_kecil), "ukuran basis data")


def test_manifest_that_lies_about_counts_is_refused(db, asli, tmp_path):
    def empat_puluh(m: dict) -> None:
        m["jumlah"]["pegawai"] = 40

    berkas = _rakit(asli, tmp_path / "40.zip", ubah_manifest=empat_puluh)
    _ditolak(db, berkas, "menyebut 40 pegawai, basis datanya berisi 1")


def test_manifest_that_lies_about_evidence_count_is_refused(db, asli, tmp_path):
    def banyak(m: dict) -> None:
        m["jumlah_bukti"] = 5

    _ditolak(db, _rakit(asli, tmp_path / "b.zip", ubah_manifest=banyak), "menyebut 5 berkas")


@pytest.mark.parametrize(
    "sql, pola",
    [
        (
            "CREATE TRIGGER naik AFTER UPDATE ON akun BEGIN "
            "UPDATE akun SET peran = 'ADMIN' WHERE id = NEW.id; END",
            "trigger tambahan naik",
        ),
        ("CREATE VIEW semua_sandi AS SELECT * FROM akun", "view tambahan semua_sandi"),
        ("CREATE TABLE titipan (x)", "tabel tambahan titipan"),
        ("CREATE INDEX ix_lain ON pegawai (nama)", "indeks tambahan ix_lain"),
        ("DROP INDEX ix_pegawai_aktif", "indeks ix_pegawai_aktif tidak ada"),
    ],
)
def test_database_with_a_schema_not_the_programs_is_refused(db, asli, tmp_path, sql, pola):
    berkas = _rakit(asli, tmp_path / "skema.zip", ubah_db=lambda con: con.execute(sql))
    _ditolak(db, berkas, pola)


def test_database_without_the_programs_tables_is_refused(db, asli, tmp_path):
    def kosongkan(con: sqlite3.Connection) -> None:
        tabel = [
            r[0]
            for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
            if r[0] != "alembic_version"
        ]
        con.execute("PRAGMA foreign_keys = OFF")
        for t in tabel:
            con.execute(f'DROP TABLE "{t}"')

    _ditolak(db, _rakit(asli, tmp_path / "kosong.zip", ubah_db=kosongkan), "tidak ada")


def test_restore_refused_while_another_copy_has_the_database_open(db, asli):
    lain = open_database(db.url)  # "another copy": its own claim on the file
    try:
        sebelum = _keadaan(db)
        with pytest.raises(c.CadanganError, match="sedang dibuka oleh 1 salinan"):
            c.pulihkan(None, asli, db.path, db.folder_bukti)
        assert _keadaan(db) == sebelum
    finally:
        lain.close()
    c.pulihkan(None, asli, db.path, db.folder_bukti)  # once it is closed, the restore runs


def test_a_copy_whose_database_was_replaced_fails_its_next_save(db, asli, monkeypatch):
    lain = open_database(db.url)
    # where the claim cannot be seen (e.g. a shared folder without locks), the restore runs…
    monkeypatch.setattr(pemulihan, "pemakai_lain", lambda _p: 0)
    c.pulihkan(None, asli, db.path, db.folder_bukti)
    # …and the other copy's next save fails clearly instead of reporting success
    with (
        pytest.raises(pemakai.DatabaseDiganti, match="TIDAK disimpan"),
        unit_of_work(lain.session_factory, SISTEM) as s,
    ):
        f.pegawai(s, "Hilang")
    lain.close()
    con = sqlite3.connect(db.path)
    assert [r[0] for r in con.execute("SELECT nama FROM pegawai")] == ["Ani"]
    con.close()


def test_no_copy_opens_the_database_while_a_restore_runs(db, asli):
    with pemakai.kunci_pemulihan(db.path) as dapat:
        assert dapat
        with pytest.raises(DatabaseOpenError, match="sedang dipulihkan"):
            open_database(db.url)
        with pytest.raises(c.CadanganError, match="Pemulihan lain sedang berjalan"):
            c.pulihkan(None, asli, db.path, db.folder_bukti)


def test_failed_evidence_swap_leaves_database_and_evidence_unchanged(
    db, asli, tmp_path, monkeypatch
):
    lain = open_database(db.url)
    with unit_of_work(lain.session_factory, SISTEM) as s:
        f.pegawai(s, "Sesudah Cadangan")
    lain.close()
    sebelum = _keadaan(db)
    asli_replace = os.replace

    def folder_hanya_baca(a, b):  # the evidence folder cannot be renamed (read-only, in use)
        if Path(a).name.endswith("-bukti.pulih"):
            raise PermissionError(13, "Permission denied", str(a))
        return asli_replace(a, b)

    monkeypatch.setattr(pemulihan.os, "replace", folder_hanya_baca)
    with pytest.raises(c.CadanganError, match="Data tidak berubah"):
        c.pulihkan(None, asli, db.path, db.folder_bukti)
    assert _keadaan(db) == sebelum
    assert c.selesaikan_pemulihan(db.path, db.folder_bukti) is False


# --- manifests of every shape: a DomainError in Indonesian, never a traceback ------------------

_NILAI = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda isi: st.lists(isi, max_size=3) | st.dictionaries(st.text(max_size=8), isi, max_size=3),
    max_leaves=8,
)
_KUNCI = st.sampled_from(
    [
        "format_versi",
        "versi_program",
        "revisi_skema",
        "dibuat",
        "asal",
        "mentah",
        "jumlah",
        "jumlah_bukti",
        "ukuran_bukti",
        "ukuran_db",
        "sha256",
        "bukti_hilang",
    ]
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ubahan=st.dictionaries(_KUNCI, _NILAI, min_size=1, max_size=3))
def test_hostile_manifests_end_in_a_domain_error(asli, tmp_path, ubahan):
    isi = _isi(asli)
    manifest = json.loads(isi.pop("manifest.json"))
    manifest.update(ubahan)
    berkas = tmp_path / "m.zip"
    with zipfile.ZipFile(berkas, "w") as zf:
        for n, b in isi.items():
            zf.writestr(n, b)
        zf.writestr("manifest.json", json.dumps(manifest))
    try:
        c.baca_info(berkas).ringkasan()
        c.periksa_cadangan(None, berkas)
    except DomainError as exc:
        assert str(exc) and "Traceback" not in str(exc)


@settings(max_examples=40)
@given(data=st.binary(max_size=400))
def test_random_bytes_as_manifest_end_in_a_domain_error(tmp_path_factory, data):
    berkas = tmp_path_factory.mktemp("m") / "m.zip"
    with zipfile.ZipFile(berkas, "w") as zf:
        zf.writestr("manifest.json", data)
        zf.writestr("kinerja.sqlite", data)
    with pytest.raises(DomainError):
        c.periksa_cadangan(None, berkas)


def test_backup_of_an_older_version_with_the_stores_temporary_files_restores(db, asli, tmp_path):
    sisa = ("bukti/tmp/masuk-abc123.part", b"setengah")
    berkas = _rakit(asli, tmp_path / "lama.zip", tambahan=[sisa])
    c.pulihkan(None, berkas, db.path, db.folder_bukti)
    assert [p.relative_to(db.folder_bukti).as_posix() for p in db.folder_bukti.rglob("*")] == [
        N("asli").split("/")[0],
        N("asli"),
    ]


def test_failed_database_swap_puts_the_old_evidence_back(db, asli, monkeypatch):
    sebelum = _keadaan(db)
    asli_replace = os.replace

    def db_terkunci(a, b):  # e.g. Windows: the database file held open by an antivirus
        if Path(a).name.endswith(".sqlite.pulih"):
            raise PermissionError(13, "Permission denied", str(a))
        return asli_replace(a, b)

    monkeypatch.setattr(pemulihan.os, "replace", db_terkunci)
    with pytest.raises(c.CadanganError, match="Data tidak berubah"):
        c.pulihkan(None, asli, db.path, db.folder_bukti)
    assert _keadaan(db) == sebelum


def test_swap_that_cannot_be_undone_is_finished_on_the_next_start(db, asli, monkeypatch):
    lain = open_database(db.url)
    with unit_of_work(lain.session_factory, SISTEM) as s:
        f.pegawai(s, "Sesudah Cadangan")
    lain.close()
    asli_replace = os.replace
    gagal = {"db": True}

    def macet(a, b):
        if Path(a).name.endswith(".sqlite.pulih") and gagal["db"]:
            raise PermissionError(13, "Permission denied", str(a))
        if Path(b).name.endswith("-bukti.pulih"):  # undoing the evidence swap fails too
            raise PermissionError(13, "Permission denied", str(b))
        return asli_replace(a, b)

    monkeypatch.setattr(pemulihan.os, "replace", macet)
    with pytest.raises(c.CadanganError, match="diselesaikan otomatis"):
        c.pulihkan(None, asli, db.path, db.folder_bukti)
    gagal["db"] = False
    assert c.selesaikan_pemulihan(db.path, db.folder_bukti) is True
    con = sqlite3.connect(db.path)
    assert [r[0] for r in con.execute("SELECT nama FROM pegawai")] == ["Ani"]
    con.close()
    assert (db.folder_bukti / N("asli")).read_bytes() == b"%PDF asli"
