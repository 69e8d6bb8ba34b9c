"""Backup and restore: round trip of database and evidence, damaged files refused, the current
data kept before a restore, interrupted swaps finished, daily rotation, newer schema refused."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.db.database import SCHEMA_HEAD, backup_folder, open_database
from kinerja_desktop.db.models import Pegawai
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.domain.tugas import Dibatalkan
from kinerja_desktop.exchange import cadangan as c
from kinerja_desktop.services.audit import periksa_rantai
from kinerja_desktop.services.uow import unit_of_work
from tests import factories as f


class State:
    def __init__(self, batal_setelah: int | None = None) -> None:
        self.calls = 0
        self.batal_setelah = batal_setelah
        self.terakhir = (0, 0, "")

    @property
    def cancelled(self) -> bool:
        return self.batal_setelah is not None and self.calls >= self.batal_setelah

    def progress(self, done: int, total: int, pesan: str = "") -> None:
        self.calls += 1
        self.terakhir = (done, total, pesan)


def _pegawai(db, *nama):
    with unit_of_work(db.session_factory, SISTEM) as s:
        for n in nama:
            f.pegawai(s, n)


def _nama(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT nama FROM pegawai ORDER BY id")]
    finally:
        con.close()


def B(kunci: str) -> str:
    """The evidence store's own name for a test file: ``<sha[:2]>/<sha>``."""
    h = hashlib.sha256(kunci.encode()).hexdigest()
    return f"{h[:2]}/{h}"


def _bukti(db, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        p = db.folder_bukti / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)


def test_round_trip_database_and_evidence(db, tmp_path):
    _pegawai(db, "Ani", "Budi")
    _bukti(
        db,
        {
            B("ab/abcdef.pdf"): b"%PDF-1.4 bukti" * 100,
            B("cd/cdef01.jpg"): b"\xff\xd8\xff" + b"x" * 5000,
        },
    )
    state = State()
    out = tmp_path / "usb" / "cadangan.kinerja-cadangan.zip"
    info = c.buat_cadangan(state, db.path, db.folder_bukti, out)
    assert out.exists() and state.terakhir[0] == state.terakhir[1]
    assert (
        info.jumlah["pegawai"] == 2 and info.jumlah_bukti == 2 and info.revisi_skema == SCHEMA_HEAD
    )
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
    assert names == {
        "kinerja.sqlite",
        "bukti/" + B("ab/abcdef.pdf"),
        "bukti/" + B("cd/cdef01.jpg"),
        "manifest.json",
    }
    assert manifest["jumlah"]["pegawai"] == 2 and len(manifest["sha256"]) == 3

    # change everything after the backup
    _pegawai(db, "Citra")
    (db.folder_bukti / B("ab/abcdef.pdf")).unlink()
    _bukti(db, {B("ef/baru.pdf"): b"baru"})
    db.close()

    hasil = c.pulihkan(State(), out, db.path, db.folder_bukti)
    assert _nama(db.path) == ["Ani", "Budi"]
    assert sorted(
        p.relative_to(db.folder_bukti).as_posix() for p in db.folder_bukti.rglob("*") if p.is_file()
    ) == sorted([B("ab/abcdef.pdf"), B("cd/cdef01.jpg")])
    assert (db.folder_bukti / B("ab/abcdef.pdf")).read_bytes() == b"%PDF-1.4 bukti" * 100
    # the data that was replaced is kept as an automatic backup
    assert hasil.cadangan_sebelumnya is not None
    assert hasil.cadangan_sebelumnya.parent == backup_folder(db.path)
    sebelum = c.periksa_cadangan(None, hasil.cadangan_sebelumnya)
    assert sebelum.jumlah["pegawai"] == 3 and "bukti/" + B("ef/baru.pdf") in sebelum.anggota
    # no left-overs beside the database
    assert not [p for p in db.path.parent.iterdir() if ".pulih" in p.name or ".lama" in p.name]
    again = open_database(db.url)
    with again.session_factory() as s:
        assert s.scalar(select(func.count(Pegawai.id))) == 2
        assert periksa_rantai(s).utuh
    again.close()


def test_backup_while_another_connection_writes(db, tmp_path):
    _pegawai(db, "Ani")
    writer = db.session_factory(info={"actor": SISTEM})
    f.pegawai(writer, "Belum disimpan")  # an open write transaction during the backup
    info = c.buat_cadangan(None, db.path, db.folder_bukti, tmp_path / "b.zip")
    writer.rollback()
    writer.close()
    assert info.jumlah["pegawai"] == 1
    assert c.periksa_cadangan(None, tmp_path / "b.zip").jumlah["pegawai"] == 1


def test_restore_to_a_new_place_without_evidence_folder(db, tmp_path):
    _pegawai(db, "Ani")
    out = c.buat_cadangan(None, db.path, db.folder_bukti, tmp_path / "b.zip").path
    baru = tmp_path / "lain" / "pulih.sqlite"
    hasil = c.pulihkan(None, out, baru, baru.parent / "pulih-bukti")
    assert hasil.cadangan_sebelumnya is None and _nama(baru) == ["Ani"]
    assert (baru.parent / "pulih-bukti").is_dir()


def _salin_ubah(
    src: Path, dst: Path, nama: str, isi: bytes | None = None, hapus: bool = False
) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            if item.filename == nama:
                if hapus:
                    continue
                zout.writestr(item, isi)
            else:
                zout.writestr(item, zin.read(item))


@pytest.mark.parametrize(
    "cara", ["hash", "hilang", "db_rusak", "bukan_zip", "terpotong", "bukan_cadangan"]
)
def test_damaged_backup_is_refused_and_data_untouched(db, tmp_path, cara):
    _pegawai(db, "Ani")
    _bukti(db, {B("aa/satu.txt"): b"satu"})
    good = c.buat_cadangan(None, db.path, db.folder_bukti, tmp_path / "good.zip").path
    bad = tmp_path / "bad.zip"
    if cara == "hash":
        _salin_ubah(good, bad, "bukti/" + B("aa/satu.txt"), b"dua")
    elif cara == "hilang":
        _salin_ubah(good, bad, "bukti/" + B("aa/satu.txt"), hapus=True)
    elif cara == "db_rusak":
        raw = bytearray(zipfile.ZipFile(good).read("kinerja.sqlite"))
        raw[5000:9000] = b"\x00" * 4000 + b""
        raw[100:200] = b"\xff" * 100
        with zipfile.ZipFile(good) as zin:
            manifest = json.loads(zin.read("manifest.json"))
        import hashlib

        manifest["sha256"]["kinerja.sqlite"] = hashlib.sha256(bytes(raw)).hexdigest()
        tmp = tmp_path / "tmp.zip"
        _salin_ubah(good, tmp, "kinerja.sqlite", bytes(raw))
        _salin_ubah(tmp, bad, "manifest.json", json.dumps(manifest).encode())
    elif cara == "bukan_zip":
        bad.write_text("ini surat biasa")
    elif cara == "terpotong":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif cara == "bukan_cadangan":
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("manifest.json", '{"format": "lain"}')
    _pegawai(db, "Budi")
    db.close()
    before = db.path.read_bytes()
    with pytest.raises(c.CadanganError) as err:
        c.periksa_cadangan(None, bad)
    assert "cadangan" in str(err.value).lower()
    with pytest.raises(c.CadanganError):
        c.pulihkan(None, bad, db.path, db.folder_bukti)
    assert db.path.read_bytes() == before and _nama(db.path) == ["Ani", "Budi"]
    assert (db.folder_bukti / B("aa/satu.txt")).read_bytes() == b"satu"
    assert not [p for p in db.path.parent.iterdir() if ".pulih" in p.name]


def test_backup_of_newer_schema_is_refused(db, tmp_path):
    _pegawai(db, "Ani")
    db.close()
    con = sqlite3.connect(db.path)
    con.execute("UPDATE alembic_version SET version_num = '9999_masa_depan'")
    con.commit()
    con.close()
    out = c.buat_cadangan(None, db.path, db.folder_bukti, tmp_path / "baru.zip").path
    with pytest.raises(c.CadanganError, match="lebih baru"):
        c.periksa_cadangan(None, out)


def test_cancel_leaves_nothing(db, tmp_path):
    _pegawai(db, "Ani")
    _bukti(db, {B(f"x/{i}.bin"): bytes(2_000_000) for i in range(3)})
    with pytest.raises(Dibatalkan):
        c.buat_cadangan(State(batal_setelah=2), db.path, db.folder_bukti, tmp_path / "b.zip")
    assert list(tmp_path.glob("*b.zip*")) == []
    good = c.buat_cadangan(None, db.path, db.folder_bukti, tmp_path / "g.zip").path
    _pegawai(db, "Budi")
    db.close()
    with pytest.raises(Dibatalkan):
        c.pulihkan(State(batal_setelah=2), good, db.path, db.folder_bukti)
    assert _nama(db.path) == ["Ani", "Budi"]


def test_interrupted_swap_is_finished_on_next_start(db, tmp_path):
    _pegawai(db, "Ani")
    _bukti(db, {B("aa/lama.txt"): b"lama"})
    good = c.buat_cadangan(None, db.path, db.folder_bukti, tmp_path / "g.zip").path
    _pegawai(db, "Budi")
    (db.folder_bukti / B("aa/lama.txt")).write_bytes(b"diubah")
    db.close()

    class Mati(Exception):
        pass

    def mati():
        raise Mati

    with pytest.raises(Mati):
        c.pulihkan(None, good, db.path, db.folder_bukti, kunci_selesai=mati)
    # the program "died" after preparing: old data still in place, marker present
    assert _nama(db.path) == ["Ani", "Budi"]
    assert c.selesaikan_pemulihan(db.path, db.folder_bukti) is True
    assert _nama(db.path) == ["Ani"]
    assert (db.folder_bukti / B("aa/lama.txt")).read_bytes() == b"lama"
    assert c.selesaikan_pemulihan(db.path, db.folder_bukti) is False


def test_daily_backup_once_a_day_with_rotation(db):
    _pegawai(db, "Ani")
    hari = date(2025, 1, 1)
    dibuat = [
        c.cadangan_harian(None, db.path, db.folder_bukti, hari + timedelta(days=i))
        for i in range(10)
    ]
    assert all(dibuat)
    assert c.cadangan_harian(None, db.path, db.folder_bukti, hari + timedelta(days=9)) is None
    harian = sorted(p.name for p in backup_folder(db.path).glob("*-harian-*"))
    assert len(harian) == 7 and harian[0].endswith("20250104.kinerja-cadangan.zip")
    assert not c.perlu_cadangan_harian(db.path, hari + timedelta(days=9))
    assert len(list(c.daftar_cadangan(db.path))) == 7


def test_postgres_gets_a_clear_message():
    with pytest.raises(c.CadanganError, match="pg_dump"):
        c.buat_cadangan(None, None, Path("x"), Path("y"))  # type: ignore[arg-type]


def test_info_lines_for_the_dialog(db, tmp_path):
    _pegawai(db, "Ani")
    info = c.baca_info(c.buat_cadangan(None, db.path, db.folder_bukti, tmp_path / "b.zip").path)
    labels = dict(info.ringkasan())
    assert labels["Pegawai"] == "1" and labels["Berkas bukti dukung"].startswith("0 (")


def test_cli_backup_restore_and_check(db, tmp_path, capsys, akun_cli):
    from kinerja_desktop.cli import main

    akun_cli(db)
    _pegawai(db, "Ani")
    _bukti(db, {B("aa/x.pdf"): b"%PDF x"})
    db.close()
    out = tmp_path / "usb" / "kantor.zip"
    assert main(["backup", "--db", str(db.path), "--out", str(out)]) == 0
    assert "Cadangan dibuat" in capsys.readouterr().out and out.exists()
    assert main(["check", "--db", str(db.path)]) == 0
    assert "Rantai audit utuh" in capsys.readouterr().out

    baru = tmp_path / "lain" / "pulih.sqlite"
    assert main(["restore", str(out), "--db", str(baru)]) == 0
    assert "dipulihkan" in capsys.readouterr().out
    assert _nama(baru) == ["Ani"] and (baru.parent / "pulih-bukti" / B("aa/x.pdf")).exists()

    con = sqlite3.connect(db.path)
    con.execute("UPDATE audit_log SET keterangan = 'dipalsukan' WHERE id = 2")
    con.commit()
    con.close()
    assert main(["check", "--db", str(db.path)]) == 3
    err = capsys.readouterr().err
    assert "no. 2" in err and "Catatan pertama yang rusak: no. 2" in err

    rusak = tmp_path / "rusak.zip"
    rusak.write_bytes(b"bukan cadangan")
    assert main(["restore", str(rusak), "--db", str(baru)]) != 0
    assert "Gagal:" in capsys.readouterr().err and _nama(baru) == ["Ani"]
    assert main(["backup", "--db", "postgresql://u@h/db", "--out", str(out)]) != 0
    assert "pg_dump" in capsys.readouterr().err


def test_cli_check_on_a_damaged_file(tmp_path, capsys):
    from kinerja_desktop.cli import main

    path = tmp_path / "k.sqlite"
    open_database(f"sqlite:///{path}").close()
    raw = bytearray(path.read_bytes())
    raw[4096:] = b"\xa5" * (len(raw) - 4096)  # every page but the first (schema) damaged
    path.write_bytes(bytes(raw))
    code = main(["check", "--db", str(path)])
    assert code != 0 and "Gagal:" in capsys.readouterr().err


def test_manifest_written_is_the_manifest_read(db, tmp_path):
    """One owner for the manifest's keys: what a backup returns is what baca_info reads back,
    and the file carries exactly the keys teks_manifest writes."""
    from kinerja_desktop.exchange.cadangan.manifest import teks_manifest

    _pegawai(db, "Ani")
    _bukti(db, {B("ab/abcdef.pdf"): b"%PDF-1.4"})
    out = tmp_path / "satu.kinerja-cadangan.zip"
    dibuat = c.buat_cadangan(None, db.path, db.folder_bukti, out)
    assert c.baca_info(out) == dibuat
    with zipfile.ZipFile(out) as zf:
        isi = json.loads(zf.read("manifest.json"))
    assert isi == json.loads(teks_manifest(dibuat, mentah=False))
