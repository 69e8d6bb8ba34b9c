"""Encryption at rest: sqlite3 cannot read the file; the program can, with each account's
password and with the recovery key; slots follow passwords; plain files are converted."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from kinerja_desktop.db.kunci import SLOT_PEMULIHAN, BerkasKunci, KunciSalah, berkas_polos
from kinerja_desktop.db.models import Pegawai
from kinerja_desktop.domain.peran import SISTEM, Actor, Peran
from kinerja_desktop.services import akun as akun_svc
from kinerja_desktop.services import audit
from kinerja_desktop.services.kunci import (
    buat_basis_data,
    buka_dengan_pemulihan,
    buka_dengan_sandi,
    enkripsi_sekarang,
    perlu_sandi,
)
from kinerja_desktop.services.uow import run, unit_of_work
from tests import factories as f

ADMIN_PW = "Kantor#Tebo2025"
HENDRA_PW = "Pegawai#2025"


def _masuk(db, nama, pw):
    hasil = run(db.session_factory, SISTEM, akun_svc.masuk, nama, pw)
    assert hasil.berhasil, hasil.pesan
    return hasil.actor


def _kantor(url):
    baru = buat_basis_data(url, "admin", ADMIN_PW)
    db = baru.database
    with unit_of_work(db.session_factory, SISTEM) as s:
        admin = akun_svc.buat_admin_pertama(
            s, SISTEM, "admin", ADMIN_PW, ADMIN_PW, instansi="PEMKAB TEBO", tempat="Muara Tebo"
        )
        u = f.unit(s, "Kecamatan Tebo Tengah")
        pid = f.pegawai(s, "Hendra Gunawan", unit_kerja=u).id
    run(db.session_factory, admin, akun_svc.tambah_akun, "hendra", HENDRA_PW, [Peran.PEGAWAI], pid)
    return db, admin, baru.kunci_pemulihan


@pytest.fixture
def kantor(tmp_path):
    path = tmp_path / "kantor.sqlite"
    db, admin, pemulihan = _kantor(f"sqlite:///{path}")
    db.close()
    return f"sqlite:///{path}", path, admin, pemulihan


def _nama_pegawai(db):
    with db.session_factory() as s:
        return s.scalars(select(Pegawai.nama)).all()


def test_sqlite3_cannot_read_the_file(kantor):
    _url, path, _admin, _p = kantor
    assert not berkas_polos(path)
    assert b"Hendra" not in path.read_bytes()
    con = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):
        con.execute("SELECT * FROM pegawai").fetchall()
    con.close()


@pytest.mark.parametrize("nama,pw", [("admin", ADMIN_PW), ("hendra", HENDRA_PW)])
def test_each_account_opens_it_with_its_password(kantor, nama, pw):
    url, _path, _admin, _p = kantor
    assert perlu_sandi(url)
    db = buka_dengan_sandi(url, nama, pw)
    try:
        assert _nama_pegawai(db) == ["Hendra Gunawan"]
        assert _masuk(db, nama, pw).nama == nama
        with db.session_factory() as s:
            assert audit.periksa_integritas(s, SISTEM).utuh
    finally:
        db.close()


def test_wrong_password_or_unknown_account_does_not_open(kantor):
    url, *_ = kantor
    for nama, pw in (("admin", "Salah#2025"), ("hendra", ADMIN_PW), ("tamu", ADMIN_PW)):
        with pytest.raises(KunciSalah):
            buka_dengan_sandi(url, nama, pw)


def test_recovery_key_opens_it_typed_loosely(kantor):
    url, _path, _admin, pemulihan = kantor
    assert len(pemulihan.split("-")) == 8 and all(len(g) == 4 for g in pemulihan.split("-"))
    db = buka_dengan_pemulihan(url, pemulihan.lower().replace("-", " "))
    try:
        assert _nama_pegawai(db) == ["Hendra Gunawan"]
    finally:
        db.close()
    with pytest.raises(KunciSalah):
        buka_dengan_pemulihan(url, "AAAA-" + pemulihan[5:])


def test_password_change_and_reset_rewrap_the_slot(kantor):
    url, path, admin, _p = kantor
    db = buka_dengan_sandi(url, "hendra", HENDRA_PW)
    hendra = _masuk(db, "hendra", HENDRA_PW)
    run(
        db.session_factory,
        hendra,
        akun_svc.ganti_password,
        HENDRA_PW,
        "Baru#Tebo2026",
        "Baru#Tebo2026",
    )
    db.close()
    with pytest.raises(KunciSalah):
        buka_dengan_sandi(url, "hendra", HENDRA_PW)
    db = buka_dengan_sandi(url, "admin", ADMIN_PW)
    akun_id = hendra.akun_id
    run(db.session_factory, admin, akun_svc.reset_password, akun_id, "Reset#Tebo2027", None)
    db.close()
    with pytest.raises(KunciSalah):
        buka_dengan_sandi(url, "hendra", "Baru#Tebo2026")
    buka_dengan_sandi(url, "hendra", "Reset#Tebo2027").close()
    assert "hendra" in BerkasKunci.baca(path).slot


def test_deactivated_account_loses_its_slot(kantor):
    url, path, admin, _p = kantor
    db = buka_dengan_sandi(url, "admin", ADMIN_PW)
    rows = run(db.session_factory, admin, akun_svc.daftar_akun)
    h = next(r for r in rows if r.nama_pengguna == "hendra")
    run(db.session_factory, admin, akun_svc.ubah_akun, h.id, [Peran.PEGAWAI], h.pegawai_id, False)
    db.close()
    assert set(BerkasKunci.baca(path).slot) == {"admin", SLOT_PEMULIHAN}
    with pytest.raises(KunciSalah):
        buka_dengan_sandi(url, "hendra", HENDRA_PW)


def test_failed_transaction_leaves_the_slot_alone(kantor):
    url, path, admin, _p = kantor
    sebelum = BerkasKunci.baca(path).slot["admin"]
    db = buka_dengan_sandi(url, "admin", ADMIN_PW)
    with pytest.raises(RuntimeError), unit_of_work(db.session_factory, admin) as s:
        akun_svc.ganti_password(
            s,
            Actor("admin", admin.akun_id, None, frozenset({Peran.ADMIN})),
            ADMIN_PW,
            "Lain#Sekali2026",
            "Lain#Sekali2026",
        )
        raise RuntimeError("listrik padam")
    db.close()
    assert BerkasKunci.baca(path).slot["admin"] == sebelum
    buka_dengan_sandi(url, "admin", ADMIN_PW).close()


def test_plain_database_is_converted_after_a_backup(tmp_path):
    from kinerja_desktop.db.database import open_database

    path = tmp_path / "lama.sqlite"
    url = f"sqlite:///{path}"
    db = open_database(url)
    with unit_of_work(db.session_factory, SISTEM) as s:
        admin = akun_svc.buat_admin_pertama(
            s, SISTEM, "admin", ADMIN_PW, ADMIN_PW, instansi="PEMKAB", tempat="Tebo"
        )
        pid = f.pegawai(s, "Hendra Gunawan", unit_kerja=f.unit(s, "Kecamatan")).id
    run(db.session_factory, admin, akun_svc.tambah_akun, "hendra", HENDRA_PW, [Peran.PEGAWAI], pid)
    assert not perlu_sandi(url)
    db, pemulihan = enkripsi_sekarang(db, "admin", ADMIN_PW)
    db.close()
    cadangan = list((tmp_path / "cadangan").glob("lama-sebelum-enkripsi-*.sqlite"))
    assert len(cadangan) == 1 and berkas_polos(cadangan[0]) and not berkas_polos(path)
    # the other account opens it with its own password (a slot from its stored hash) ...
    assert BerkasKunci.baca(path).slot["hendra"]["jenis"] == "hash"
    db = buka_dengan_sandi(url, "hendra", HENDRA_PW)
    _masuk(db, "hendra", HENDRA_PW)
    db.close()
    # ... and its sign-in rewrapped it with a fresh salt
    assert "jenis" not in BerkasKunci.baca(path).slot["hendra"]
    for nama, pw in (("admin", ADMIN_PW), ("hendra", HENDRA_PW)):
        db = buka_dengan_sandi(url, nama, pw)
        assert _nama_pegawai(db) == ["Hendra Gunawan"]
        db.close()
    buka_dengan_pemulihan(url, pemulihan).close()


def test_evidence_files_are_encrypted_and_checked(kantor, tmp_path):
    from kinerja_desktop.services.bukti import BuktiError, BuktiStore
    from kinerja_desktop.services.bukti_sandi import POTONGAN

    url, _path, _admin, _p = kantor
    db = buka_dengan_sandi(url, "admin", ADMIN_PW)
    try:
        store = BuktiStore(db.folder_bukti)
        assert store.kunci is not None  # the store of an encrypted database encrypts
        isi = b"%PDF-1.4\n" + b"Laporan kegiatan desa Tebo " * (POTONGAN // 10)
        simpan = store.simpan_bytes("laporan.pdf", isi)
        disk = simpan.path.read_bytes()
        assert b"Laporan kegiatan" not in disk and len(disk) > len(isi)
        assert b"".join(store.isi(simpan.sha256)) == isi
        assert store.periksa(simpan.sha256, len(isi)) is None
        keluar = store.salin_keluar(simpan.sha256, tmp_path / "keluar.pdf")
        assert keluar.read_bytes() == isi
        assert store.simpan_bytes("lagi.pdf", isi).baru is False  # deduplicated by plaintext
        # one byte changed, or the file cut short by one chunk: refused
        rusak = bytearray(disk)
        rusak[40] ^= 1
        simpan.path.write_bytes(bytes(rusak))
        assert store.periksa(simpan.sha256, len(isi)) == "berubah"
        with pytest.raises(BuktiError, match="rusak"):
            store.salin_keluar(simpan.sha256, tmp_path / "x.pdf")
        simpan.path.write_bytes(disk[: len(disk) - (len(isi) % POTONGAN) - 16])
        assert store.periksa(simpan.sha256, len(isi)) == "berubah"
        assert not (tmp_path / "x.pdf").exists()
    finally:
        db.close()


def test_forgotten_password_is_set_again_with_the_recovery_key(kantor):
    from kinerja_desktop.services.kunci import pulihkan_sandi

    url, _path, _admin, pemulihan = kantor
    with pytest.raises(KunciSalah):
        pulihkan_sandi(url, "AAAA" + pemulihan[4:], "admin", "Baru#Kantor2026")
    pulihkan_sandi(url, pemulihan, "admin", "Baru#Kantor2026")
    with pytest.raises(KunciSalah):
        buka_dengan_sandi(url, "admin", ADMIN_PW)
    db = buka_dengan_sandi(url, "admin", "Baru#Kantor2026")
    try:
        assert _masuk(db, "admin", "Baru#Kantor2026").is_admin
        with db.session_factory() as s:
            entri = audit.cari_audit(s, SISTEM, audit.FilterAudit(entitas="akun"))
            assert "Kata sandi diatur dengan kunci pemulihan" in {e.keterangan for e in entri}
    finally:
        db.close()


def test_print_workers_open_the_encrypted_file_from_the_url(kantor):
    """Batch printing hands worker processes the URL (services/cetak.url_basis_data)."""
    from kinerja_desktop.db.engine import make_engine, make_session_factory
    from kinerja_desktop.services.cetak import url_basis_data

    url, *_ = kantor
    db = buka_dengan_sandi(url, "admin", ADMIN_PW)
    try:
        engine = make_engine(url_basis_data(db.session_factory))
        with make_session_factory(engine)() as s:
            assert s.scalars(select(Pegawai.nama)).all() == ["Hendra Gunawan"]
        engine.dispose()
    finally:
        db.close()


def _pengaturan(db, pragma):
    with db.engine.connect() as conn:
        # as text: SQLCipher answers some pragmas (page_size) with a string
        return {p: str(conn.exec_driver_sql(f"PRAGMA {p}").scalar()) for p in pragma}


def test_encrypted_connection_has_the_plain_settings_and_keeps_the_page_hmac(kantor, tmp_path):
    url, *_ = kantor
    bersama = ("page_size", "cache_size", "journal_mode", "synchronous", "foreign_keys")
    sandi = buka_dengan_sandi(url, "admin", ADMIN_PW)
    polos = buat_basis_data(f"sqlite:///{tmp_path / 'polos.sqlite'}", "a", ADMIN_PW, False)
    try:
        assert _pengaturan(sandi, bersama) == _pengaturan(polos.database, bersama)
        assert _pengaturan(sandi, ("cache_size", "journal_mode")) == {
            "cache_size": "-32768",
            "journal_mode": "wal",
        }
        cipher = _pengaturan(sandi, ("cipher_use_hmac", "cipher_memory_security"))
        assert cipher == {"cipher_use_hmac": "1", "cipher_memory_security": "0"}
    finally:
        sandi.close()
        polos.database.close()
