"""Accounts: argon2 hashes, strength rule, slow-down and lockout (injected clock), roles."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from kinerja_desktop.db.models import Akun, AuditLog, Pegawai
from kinerja_desktop.domain.errors import (
    PermissionDenied,
    StateError,
    ValidationError,
)
from kinerja_desktop.domain.peran import SISTEM, Actor, Peran
from kinerja_desktop.services import akun as svc
from kinerja_desktop.services.pengaturan import identitas_kantor
from kinerja_desktop.services.uow import run, unit_of_work
from tests import factories as f

SANDI = "Kantor2025camat"
HASHER_PROGRAM = svc.HASHER


@pytest.fixture(autouse=True)
def _hash_cepat(monkeypatch):
    """argon2 with the program's parameters takes ~0.1 s a call; tests use cheap ones
    (test_program_uses_memory_hard_argon2id checks the real parameters)."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(svc, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


class Jam:
    def __init__(self) -> None:
        self.now = datetime(2025, 3, 1, 8, 0, 0)

    def __call__(self) -> datetime:
        return self.now

    def maju(self, **kw: float) -> None:
        self.now += timedelta(**kw)


@pytest.fixture
def admin_pertama(db):
    return run(
        db.session_factory,
        SISTEM,
        svc.buat_admin_pertama,
        "operator",
        SANDI,
        SANDI,
        instansi="PEMERINTAH KABUPATEN TEBO",
        tempat="Muara Tebo",
    )


def test_first_admin_and_office_identity(db, admin_pertama):
    assert admin_pertama.is_admin and admin_pertama.akun_id is not None
    with db.session_factory() as s:
        assert svc.ada_akun(s)
        ident = identitas_kantor(s)
        assert (ident.instansi, ident.tempat, ident.emblem) == (
            "PEMERINTAH KABUPATEN TEBO",
            "Muara Tebo",
            None,
        )
    with pytest.raises(PermissionDenied, match="sudah memiliki akun"):
        run(
            db.session_factory,
            SISTEM,
            svc.buat_admin_pertama,
            "lain",
            SANDI,
            SANDI,
            instansi="X",
            tempat="Y",
        )


def test_no_plaintext_password_stored_anywhere(db, admin_pertama, tmp_path):
    with db.session_factory() as s:
        h = s.scalar(select(Akun.password_hash))
        assert h.startswith("$argon2id$") and SANDI not in h
        logs = s.scalars(select(AuditLog.perubahan)).all()
        assert logs and all(SANDI not in x and "$argon2" not in x for x in logs)
    db.engine.dispose()
    raw = (tmp_path / "kinerja.sqlite").read_bytes()
    wal = tmp_path / "kinerja.sqlite-wal"
    if wal.exists():
        raw += wal.read_bytes()
    assert SANDI.encode() not in raw


@pytest.mark.parametrize(
    ("sandi", "pesan"),
    [
        ("Ab1", "minimal"),
        ("abcdefghij", "huruf dan angka"),
        ("12345678", "huruf dan angka"),
        ("password1", "mudah ditebak"),
        ("operator2025", "nama pengguna"),
    ],
)
def test_password_strength_rule(sandi, pesan):
    with pytest.raises(ValidationError, match=pesan):
        svc.periksa_kekuatan(sandi, "operator")


def test_wizard_refuses_mismatched_passwords(db):
    with pytest.raises(ValidationError, match="tidak sama"):
        run(
            db.session_factory,
            SISTEM,
            svc.buat_admin_pertama,
            "operator",
            SANDI,
            SANDI + "x",
            instansi="A",
            tempat="B",
        )
    with db.session_factory() as s:
        assert not svc.ada_akun(s)


def test_login_success_and_wrong_password(db, admin_pertama):
    jam = Jam()
    ok = run(db.session_factory, SISTEM, svc.masuk, "Operator ", SANDI, jam)
    assert ok.berhasil and ok.actor == admin_pertama
    salah = run(db.session_factory, SISTEM, svc.masuk, "operator", "salah123x", jam)
    assert not salah.berhasil and "salah" in salah.pesan and "Sisa 4" in salah.pesan
    tidak_ada = run(db.session_factory, SISTEM, svc.masuk, "siapa", SANDI, jam)
    assert not tidak_ada.berhasil and tidak_ada.pesan == "Nama pengguna atau kata sandi salah."
    with db.session_factory() as s:
        a = s.scalar(select(Akun))
        assert a.gagal_login == 1 and a.login_terakhir == jam.now
        # the login is audited under the user who logged in; the failure as such
        logs = s.execute(select(AuditLog.nama_pengguna, AuditLog.keterangan)).all()
        assert logs[-2:] == [("operator", "Masuk"), ("sistem", "Gagal masuk")]


def test_failures_slow_down_then_lock_then_expire(db, admin_pertama):
    jam = Jam()
    jeda = []
    for _ in range(4):
        h = run(db.session_factory, SISTEM, svc.masuk, "operator", "salah123x", jam)
        jeda.append(h.tunggu_detik)
        # a try during the wait is refused without checking the password (even the right one)
        cepat = run(db.session_factory, SISTEM, svc.masuk, "operator", SANDI, jam)
        assert not cepat.berhasil and "Tunggu" in cepat.pesan
        jam.maju(seconds=h.tunggu_detik)
    assert jeda == [1, 2, 4, 8]
    kunci = run(db.session_factory, SISTEM, svc.masuk, "operator", "salah123x", jam)
    assert "dikunci 15 menit" in kunci.pesan and kunci.tunggu_detik == 900
    jam.maju(minutes=14)
    masih = run(db.session_factory, SISTEM, svc.masuk, "operator", SANDI, jam)
    assert not masih.berhasil and "dikunci sementara" in masih.pesan and "1 menit" in masih.pesan
    jam.maju(minutes=1, seconds=1)
    assert run(db.session_factory, SISTEM, svc.masuk, "operator", SANDI, jam).berhasil
    with db.session_factory() as s:
        assert s.scalar(select(Akun.gagal_login)) == 0


def test_admin_unlocks_and_resets_password(db, admin_pertama):
    with db.session_factory(info={"actor": SISTEM}) as s:
        p = f.pegawai(s, "Siti Aminah")
        s.commit()
        pid = p.id
    row = run(
        db.session_factory,
        admin_pertama,
        svc.tambah_akun,
        "siti",
        "Melati2025ok",
        [Peran.PEGAWAI],
        pid,
    )
    jam = Jam()
    for _ in range(5):
        run(db.session_factory, SISTEM, svc.masuk, "siti", "keliru999", jam)
        jam.maju(seconds=10)
    rows = {
        r.nama_pengguna: r for r in run(db.session_factory, admin_pertama, svc.daftar_akun, jam)
    }
    assert rows["siti"].terkunci and rows["siti"].pegawai_nama == "Siti Aminah, S.E."
    run(db.session_factory, admin_pertama, svc.buka_kunci, row.id)
    assert run(db.session_factory, SISTEM, svc.masuk, "siti", "Melati2025ok", jam).berhasil
    run(db.session_factory, admin_pertama, svc.reset_password, row.id, "Baru2025xyz")
    assert not run(db.session_factory, SISTEM, svc.masuk, "siti", "Melati2025ok", jam).berhasil
    jam.maju(seconds=5)
    hasil = run(db.session_factory, SISTEM, svc.masuk, "siti", "Baru2025xyz", jam)
    assert hasil.berhasil
    assert hasil.actor.peran == frozenset({Peran.PEGAWAI}) and hasil.actor.pegawai_id == pid


def test_user_changes_own_password(db, admin_pertama):
    with pytest.raises(ValidationError, match="lama salah"):
        run(
            db.session_factory,
            admin_pertama,
            svc.ganti_password,
            "keliru",
            "Baru2025ab",
            "Baru2025ab",
        )
    with pytest.raises(ValidationError, match="tidak sama"):
        run(
            db.session_factory, admin_pertama, svc.ganti_password, SANDI, "Baru2025ab", "Baru2025ac"
        )
    run(db.session_factory, admin_pertama, svc.ganti_password, SANDI, "Baru2025ab", "Baru2025ab")
    jam = Jam()
    assert run(db.session_factory, SISTEM, svc.masuk, "operator", "Baru2025ab", jam).berhasil


def test_roles_and_account_rules(db, admin_pertama):
    with db.session_factory(info={"actor": SISTEM}) as s:
        camat = f.pegawai(s, "Camat")
        s.commit()
        cid = camat.id
    with pytest.raises(ValidationError, match="dikaitkan"):
        run(
            db.session_factory,
            admin_pertama,
            svc.tambah_akun,
            "camat",
            "Kopi2025hitam",
            [Peran.PENILAI],
        )
    row = run(
        db.session_factory,
        admin_pertama,
        svc.tambah_akun,
        "camat",
        "Kopi2025hitam",
        [Peran.PENILAI, Peran.PEGAWAI],
        cid,
    )
    assert row.peran == frozenset({Peran.PENILAI, Peran.PEGAWAI})
    with pytest.raises(ValidationError, match="sudah dipakai"):
        run(
            db.session_factory,
            admin_pertama,
            svc.tambah_akun,
            "camat",
            "Kopi2025hitam",
            [Peran.ADMIN],
        )
    with pytest.raises(ValidationError, match="sudah memiliki akun"):
        run(
            db.session_factory,
            admin_pertama,
            svc.tambah_akun,
            "camat2",
            "Kopi2025hitam",
            [Peran.PEGAWAI],
            cid,
        )
    with pytest.raises(ValidationError, match="Nama pengguna"):
        run(
            db.session_factory,
            admin_pertama,
            svc.tambah_akun,
            "A B",
            "Kopi2025hitam",
            [Peran.ADMIN],
        )
    # the last active administrator cannot be demoted or disabled
    with pytest.raises(StateError, match="satu-satunya"):
        run(
            db.session_factory,
            admin_pertama,
            svc.ubah_akun,
            admin_pertama.akun_id,
            [Peran.PEGAWAI],
            cid,
        )
    with pytest.raises(StateError, match="satu-satunya"):
        run(
            db.session_factory,
            admin_pertama,
            svc.ubah_akun,
            admin_pertama.akun_id,
            [Peran.ADMIN],
            None,
            False,
        )
    # a non-admin manages nothing
    camat_actor = Actor("camat", row.id, cid, frozenset({Peran.PENILAI, Peran.PEGAWAI}))
    for fn, args in [
        (svc.daftar_akun, ()),
        (svc.tambah_akun, ("x1y", "Xyz2025ab", [Peran.ADMIN])),
        (svc.ubah_akun, (row.id, [Peran.ADMIN], cid)),
        (svc.reset_password, (admin_pertama.akun_id, "Rebut2025x")),
        (svc.buka_kunci, (admin_pertama.akun_id,)),
        (svc.pegawai_tanpa_akun, ()),
    ]:
        with pytest.raises(PermissionDenied):
            run(db.session_factory, camat_actor, fn, *args)


def test_lock_screen_asks_the_same_user(db, admin_pertama):
    jam = Jam()
    assert not run(db.session_factory, admin_pertama, svc.buka_layar_kunci, "salah", jam).berhasil
    jam.maju(seconds=2)
    assert run(db.session_factory, admin_pertama, svc.buka_layar_kunci, SANDI, jam).berhasil
    with pytest.raises(PermissionDenied):
        run(db.session_factory, SISTEM, svc.buka_layar_kunci, SANDI, jam)


def test_disabled_account_cannot_log_in(db, admin_pertama):
    with db.session_factory(info={"actor": SISTEM}) as s:
        p = f.pegawai(s, "Andi")
        s.commit()
        pid = p.id
    row = run(
        db.session_factory,
        admin_pertama,
        svc.tambah_akun,
        "andi",
        "Sawah2025hijau",
        [Peran.PEGAWAI],
        pid,
    )
    run(db.session_factory, admin_pertama, svc.ubah_akun, row.id, [Peran.PEGAWAI], pid, False)
    hasil = run(db.session_factory, SISTEM, svc.masuk, "andi", "Sawah2025hijau", Jam())
    assert not hasil.berhasil and "dinonaktifkan" in hasil.pesan


def test_hash_is_salted_and_checked_with_sqlite_directly(db, admin_pertama, tmp_path):
    run(db.session_factory, admin_pertama, svc.reset_password, admin_pertama.akun_id, SANDI)
    con = sqlite3.connect(tmp_path / "kinerja.sqlite")
    h1 = con.execute("SELECT password_hash FROM akun").fetchone()[0]
    con.close()
    assert h1 != svc.hash_password(SANDI) and svc.cocok(h1, SANDI) and not svc.cocok(h1, "x")


def test_program_uses_memory_hard_argon2id():
    from argon2 import Type

    assert HASHER_PROGRAM.type is Type.ID
    assert HASHER_PROGRAM.memory_cost >= 64 * 1024 and HASHER_PROGRAM.time_cost >= 2
    h = HASHER_PROGRAM.hash("Contoh2025x")
    assert h.startswith("$argon2id$v=19$m=65536") and HASHER_PROGRAM.verify(h, "Contoh2025x")


def test_account_of_an_inactive_pegawai_cannot_log_in(db, admin_pertama):
    with db.session_factory(info={"actor": SISTEM}) as s:
        p = f.pegawai(s, "Sukardi")
        s.commit()
        pid = p.id
    run(db.session_factory, admin_pertama, svc.tambah_akun, "sukardi", "Pensiun#2025",
        [Peran.PEGAWAI], pid)  # fmt: skip
    assert run(db.session_factory, SISTEM, svc.masuk, "sukardi", "Pensiun#2025", Jam()).berhasil
    with unit_of_work(db.session_factory, SISTEM) as s:
        s.get(Pegawai, pid).aktif = False
    hasil = run(db.session_factory, SISTEM, svc.masuk, "sukardi", "Pensiun#2025", Jam())
    assert not hasil.berhasil and "nonaktif" in hasil.pesan
