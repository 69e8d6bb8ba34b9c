"""A backup of an encrypted office carries its key file: it restores on a laptop that never
had the database (the old one died) and opens with an account's password or the recovery
key; a key file swapped for another office's, or missing, is refused and nothing changes."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.db import kunci as db_kunci
from kinerja_desktop.db.database import folder_bukti_sqlite
from kinerja_desktop.db.kunci import KunciSalah, berkas_polos, path_kunci
from kinerja_desktop.db.models import Pegawai
from kinerja_desktop.domain.peran import SISTEM, Peran
from kinerja_desktop.exchange import cadangan as c
from kinerja_desktop.services import akun as akun_svc
from kinerja_desktop.services import kunci as kunci_svc
from kinerja_desktop.services.kunci import (
    buat_basis_data,
    buka_dengan_pemulihan,
    buka_dengan_sandi,
)
from kinerja_desktop.services.uow import run, unit_of_work
from tests import factories as f

ADMIN_PW = "Kantor#Tebo2025"
HENDRA_PW = "Pegawai#2025"


def _kantor(path: Path, pegawai: str) -> str:
    """A new encrypted office with an administrator, one pegawai and his account."""
    baru = buat_basis_data(f"sqlite:///{path}", "admin", ADMIN_PW)
    db = baru.database
    with unit_of_work(db.session_factory, SISTEM) as s:
        admin = akun_svc.buat_admin_pertama(
            s, SISTEM, "admin", ADMIN_PW, ADMIN_PW, instansi="PEMKAB TEBO", tempat="Muara Tebo"
        )
        pid = f.pegawai(s, pegawai, unit_kerja=f.unit(s, "Kecamatan Tebo Tengah")).id
    run(db.session_factory, admin, akun_svc.tambah_akun, "hendra", HENDRA_PW, [Peran.PEGAWAI], pid)
    db.close()
    return baru.kunci_pemulihan


def _laptop_baru(monkeypatch) -> None:
    """A fresh process on another computer: no office key was ever opened here."""
    monkeypatch.setattr(db_kunci, "_KUNCI_BERKAS", {})
    monkeypatch.setattr(db_kunci, "_KUNCI_KANTOR", {})
    monkeypatch.setattr(db_kunci, "_KUNCI_BUKTI", {})
    kunci_svc.ingat_kunci_proses(None)


def _nama(db) -> list[str]:
    try:
        with db.session_factory() as s:
            return list(s.scalars(select(Pegawai.nama)))
    finally:
        db.close()


@pytest.fixture
def laptop_a(tmp_path):
    """Laptop A: an encrypted office and a backup of it on a flash disk."""
    path = tmp_path / "laptop-a" / "kantor.sqlite"
    path.parent.mkdir()
    pemulihan = _kantor(path, "Hendra Gunawan")
    zip_ = c.buat_cadangan(None, path, folder_bukti_sqlite(path), tmp_path / "usb" / "k.zip")
    return path, zip_.path, pemulihan


def _isi(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _rakit(asal: Path, tujuan: Path, kunci: bytes | None, **manifest_ubah) -> Path:
    """The backup with its key member replaced (None: removed) and the manifest's hashes
    recomputed, as an attacker who knows the format would."""
    isi = _isi(asal)
    manifest = json.loads(isi.pop("manifest.json"))
    isi.pop(c.NAMA_KUNCI)
    if kunci is not None:
        isi[c.NAMA_KUNCI] = kunci
    manifest["sha256"] = {n: hashlib.sha256(b).hexdigest() for n, b in isi.items()}
    manifest.update(manifest_ubah)
    with zipfile.ZipFile(tujuan, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, b in isi.items():
            zf.writestr(n, b)
        zf.writestr("manifest.json", json.dumps(manifest))
    return tujuan


def _folder(path: Path) -> dict[str, bytes]:
    return {
        p.relative_to(path).as_posix(): p.read_bytes()
        for p in path.rglob("*")
        if p.is_file() and "cadangan" not in p.parts and ".pakai" not in p.as_posix()
    }


def test_backup_carries_the_key_file_listed_in_the_manifest(laptop_a):
    path, zip_, _ = laptop_a
    isi = _isi(zip_)
    manifest = json.loads(isi["manifest.json"])
    assert isi[c.NAMA_KUNCI] == path_kunci(path).read_bytes()
    assert manifest["sha256"][c.NAMA_KUNCI] == hashlib.sha256(isi[c.NAMA_KUNCI]).hexdigest()
    assert manifest["sidik_kunci"] == json.loads(isi[c.NAMA_KUNCI])["sidik"]
    assert not isi["kinerja.sqlite"].startswith(db_kunci.SQLITE_MAGIC)  # still encrypted
    assert manifest["jumlah_bukti"] == 0  # the key file is not an evidence file


@pytest.mark.parametrize("cara", ["sandi", "pemulihan"])
def test_restore_on_a_new_laptop_then_log_in(laptop_a, tmp_path, monkeypatch, cara):
    _path, zip_, pemulihan = laptop_a
    _laptop_baru(monkeypatch)
    baru = tmp_path / "laptop-b" / "kantor.sqlite"
    pembuka = (
        c.pembuka_sandi("hendra", HENDRA_PW)
        if cara == "sandi"
        else c.pembuka_pemulihan(pemulihan.lower().replace("-", " "))
    )
    hasil = c.pulihkan(None, zip_, baru, folder_bukti_sqlite(baru), pembuka=pembuka)
    assert hasil.cadangan_sebelumnya is None and hasil.info.jumlah["pegawai"] == 1
    assert path_kunci(baru).exists() and not berkas_polos(baru)
    _laptop_baru(monkeypatch)  # the program is started again and the user logs in
    url = f"sqlite:///{baru}"
    assert _nama(buka_dengan_sandi(url, "admin", ADMIN_PW)) == ["Hendra Gunawan"]
    assert _nama(buka_dengan_sandi(url, "hendra", HENDRA_PW)) == ["Hendra Gunawan"]
    assert _nama(buka_dengan_pemulihan(url, pemulihan)) == ["Hendra Gunawan"]
    with pytest.raises(KunciSalah):
        buka_dengan_sandi(url, "hendra", "salah#2025")


def test_new_laptop_without_a_password_is_asked_for_one(laptop_a, tmp_path, monkeypatch):
    _path, zip_, _ = laptop_a
    _laptop_baru(monkeypatch)
    info = c.baca_info(zip_)
    assert c.perlu_pembuka(info)
    baru = tmp_path / "laptop-b" / "kantor.sqlite"
    with pytest.raises(c.PerluKunci, match="kata sandi salah satu akun"):
        c.pulihkan(None, zip_, baru, folder_bukti_sqlite(baru))
    with pytest.raises(c.CadanganError, match="Nama pengguna atau kata sandi salah"):
        c.pulihkan(
            None, zip_, baru, folder_bukti_sqlite(baru), pembuka=c.pembuka_sandi("hendra", "x")
        )
    assert _folder(baru.parent) == {}  # nothing left behind
    assert c.periksa_cadangan(None, zip_, c.pembuka_sandi("admin", ADMIN_PW)).jumlah["akun"] == 2


def test_key_file_of_another_office_is_refused(laptop_a, tmp_path, monkeypatch):
    path, zip_, _ = laptop_a
    lain = tmp_path / "kantor-lain" / "lain.sqlite"
    lain.parent.mkdir()
    _kantor(lain, "Orang Lain")  # same account names and passwords, another office key
    isi_lain = path_kunci(lain).read_bytes()
    palsu = _rakit(
        zip_, tmp_path / "palsu.zip", isi_lain, sidik_kunci=json.loads(isi_lain)["sidik"]
    )
    sebelum = _folder(path.parent)
    # on laptop A itself (the office key is open here) and on a new laptop with a password
    # that opens the swapped file
    with pytest.raises(c.CadanganRusak, match="bukan kunci basis datanya"):
        c.pulihkan(None, palsu, path, folder_bukti_sqlite(path))
    assert _folder(path.parent) == sebelum
    _laptop_baru(monkeypatch)
    baru = tmp_path / "laptop-b" / "kantor.sqlite"
    with pytest.raises(c.CadanganRusak, match="bukan kunci basis datanya"):
        c.pulihkan(
            None, palsu, baru, folder_bukti_sqlite(baru), pembuka=c.pembuka_sandi("admin", ADMIN_PW)
        )
    assert _folder(baru.parent) == {}


@pytest.mark.parametrize(
    ("kunci", "ubah", "pesan"),
    [
        (None, {"sidik_kunci": None}, "tidak membawa berkas kuncinya"),
        (b"{bukan json", {}, "berkas kunci di dalamnya tidak sah"),
        (b'{"terenkripsi": "ya", "sidik": "00", "slot": []}', {}, "tidak sah"),
        (None, {}, "sidik_kunci"),  # the manifest names a key file the backup lacks
        (b"{}", {"sidik_kunci": 7}, "sidik_kunci"),
        (b" " * (c.manifest.BATAS_KUNCI + 1), {}, "terlalu besar"),
    ],
)
def test_missing_or_hostile_key_member_is_refused(laptop_a, tmp_path, kunci, ubah, pesan):
    path, zip_, _ = laptop_a
    palsu = _rakit(zip_, tmp_path / "palsu.zip", kunci, **ubah)
    sebelum = _folder(path.parent)
    with pytest.raises(c.CadanganRusak, match=pesan):
        c.pulihkan(None, palsu, path, folder_bukti_sqlite(path))
    assert _folder(path.parent) == sebelum


def test_restore_over_the_same_laptop_puts_the_backups_key_file_back(laptop_a, tmp_path):
    path, zip_, _ = laptop_a
    asli = path_kunci(path).read_bytes()
    path_kunci(path).write_text("rusak")  # e.g. a damaged key file
    hasil = c.pulihkan(None, zip_, path, folder_bukti_sqlite(path))
    assert path_kunci(path).read_bytes() == asli
    assert hasil.cadangan_sebelumnya is not None
    assert _nama(buka_dengan_sandi(f"sqlite:///{path}", "hendra", HENDRA_PW)) == ["Hendra Gunawan"]


def test_a_crash_during_the_swap_is_finished_with_the_key_file(laptop_a, tmp_path, monkeypatch):
    _path, zip_, _ = laptop_a
    _laptop_baru(monkeypatch)
    baru = tmp_path / "laptop-b" / "kantor.sqlite"

    class Mati(Exception):
        pass

    def mati():
        raise Mati

    with pytest.raises(Mati):
        c.pulihkan(
            None,
            zip_,
            baru,
            folder_bukti_sqlite(baru),
            kunci_selesai=mati,
            pembuka=c.pembuka_sandi("admin", ADMIN_PW),
        )
    assert not baru.exists() and not path_kunci(baru).exists()
    assert c.selesaikan_pemulihan(baru) is True
    assert path_kunci(baru).exists()
    _laptop_baru(monkeypatch)
    assert _nama(buka_dengan_sandi(f"sqlite:///{baru}", "admin", ADMIN_PW)) == ["Hendra Gunawan"]


def test_cli_restore_onto_a_new_laptop(laptop_a, tmp_path, monkeypatch, capsys):
    _path, zip_, pemulihan = laptop_a
    _laptop_baru(monkeypatch)
    baru = tmp_path / "laptop-b" / "kantor.sqlite"
    monkeypatch.setenv("KINERJA_PENGGUNA", "hendra")
    monkeypatch.setenv("KINERJA_SANDI", HENDRA_PW)
    assert main(["restore", str(zip_), "--db", str(baru)]) == 0
    assert "Berkas kunci ikut dipulihkan" in capsys.readouterr().out
    _laptop_baru(monkeypatch)
    monkeypatch.setenv("KINERJA_KUNCI_PEMULIHAN", pemulihan)
    monkeypatch.delenv("KINERJA_SANDI")
    ketiga = tmp_path / "laptop-c" / "kantor.sqlite"
    assert main(["restore", str(zip_), "--db", str(ketiga), "--kunci-pemulihan"]) == 0
    _laptop_baru(monkeypatch)
    assert _nama(buka_dengan_sandi(f"sqlite:///{ketiga}", "admin", ADMIN_PW)) == ["Hendra Gunawan"]
