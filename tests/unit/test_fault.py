"""Surviving faults without losing data: SIGKILL during an import and during a restore, a full
disk, a read-only folder, a locked database, a damaged file, two programs writing at once.

The filesystem tests mount a small tmpfs (root only; skipped elsewhere) — the injected-error
variants run everywhere.
"""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.db.database import DatabaseOpenError, open_database
from kinerja_desktop.db.models import Pegawai, UnitKerja
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.exchange import cadangan as c
from kinerja_desktop.services.audit import periksa_rantai
from kinerja_desktop.services.uow import DatabaseFault, unit_of_work
from tests import factories as f

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _spawn(code: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-u", "-c", textwrap.dedent(code)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(),
    )  # fmt: skip


def _kill_when(proc: subprocess.Popen[str], marker: str, timeout: float = 60) -> str:
    """Read the child's output until ``marker`` appears, then SIGKILL it."""
    deadline = time.monotonic() + timeout
    seen = []
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        if marker in line:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(10)
            return "".join(seen)
    proc.kill()
    raise AssertionError(f"marker {marker!r} not seen: {''.join(seen)} {proc.stderr.read()}")


def _integrity(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def _count(path: Path, table: str) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


# --- SIGKILL ---------------------------------------------------------------------------------


def test_sigkill_during_large_import_leaves_no_partial_import(tmp_path):
    from tests.benchmarks.generate import buat_csv_siasn

    csv = buat_csv_siasn(tmp_path / "siasn.csv", n=6000)
    path = tmp_path / "k.sqlite"
    db = open_database(f"sqlite:///{path}")
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.pegawai(s, "Sudah Ada")  # committed before: must survive
    db.close()
    proc = _spawn(f"""
        from kinerja_desktop.db.database import open_database
        from kinerja_desktop.domain.peran import SISTEM
        from kinerja_desktop.services import impor_pegawai

        class S:
            cancelled = False
            def __init__(self, tag): self.tag = tag
            def progress(self, done, total, pesan=""):
                if self.tag == "IMPOR" and 0 < done < total:
                    print(f"IMPOR {{done}}/{{total}}", flush=True)

        db = open_database("sqlite:///{path}")
        pr = impor_pegawai.pratinjau_worker(S("PRATINJAU"), db.session_factory, SISTEM, r"{csv}")
        print("MULAI", flush=True)
        impor_pegawai.impor_worker(S("IMPOR"), db.session_factory, SISTEM, pr)
        print("SELESAI", flush=True)
    """)
    out = _kill_when(proc, "IMPOR ")
    assert "SELESAI" not in out and proc.returncode == -signal.SIGKILL
    assert _integrity(path) == "ok"
    assert _count(path, "pegawai") == 1  # nothing of the import, the earlier row intact
    db = open_database(f"sqlite:///{path}")
    with db.session_factory() as s:
        assert periksa_rantai(s).utuh
        assert s.scalar(select(Pegawai.nama)) == "Sudah Ada"
    db.close()


def N(kunci: str) -> str:
    """The evidence store's own name for a test file: ``<sha[:2]>/<sha>``."""
    h = hashlib.sha256(kunci.encode()).hexdigest()
    return f"{h[:2]}/{h}"


def _tulis_bukti(bukti: Path, kunci: str, data: bytes) -> None:
    (bukti / N(kunci)).parent.mkdir(parents=True, exist_ok=True)
    (bukti / N(kunci)).write_bytes(data)


def _buat_cadangan_besar(tmp_path: Path) -> tuple[Path, Path, Path]:
    path = tmp_path / "k.sqlite"
    db = open_database(f"sqlite:///{path}")
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.pegawai(s, "Lama")
    bukti = db.folder_bukti
    bukti.mkdir()
    for i in range(12):
        _tulis_bukti(bukti, f"lama{i}.bin", os.urandom(2_000_000))
    cad = c.buat_cadangan(None, path, bukti, tmp_path / "baru.zip").path
    # the "current" data diverges from the backup
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.pegawai(s, "Sesudah Cadangan", lahir=date(1991, 2, 3))
    _tulis_bukti(bukti, "sesudah.bin", b"x")
    db.close()
    return path, bukti, cad


def _keadaan(path: Path, bukti: Path) -> tuple[list[str], list[str]]:
    con = sqlite3.connect(path)
    try:
        nama = [r[0] for r in con.execute("SELECT nama FROM pegawai ORDER BY id")]
    finally:
        con.close()
    return nama, sorted(p.relative_to(bukti).as_posix() for p in bukti.rglob("*") if p.is_file())


_RESTORE = """
    import time
    from pathlib import Path
    from kinerja_desktop.exchange import cadangan as c

    class S:
        cancelled = False
        def progress(self, done, total, pesan=""):
            print(f"PROGRES {{done}} {{pesan}}", flush=True)

    def tahan():
        print("TUKAR", flush=True)
        time.sleep(30)

    c.pulihkan(S(), Path(r"{cad}"), Path(r"{path}"), Path(r"{bukti}"), kunci_selesai={hook})
    print("SELESAI", flush=True)
"""


@pytest.mark.parametrize("saat", ["memeriksa", "menukar"])
def test_sigkill_during_restore_leaves_old_or_new_never_a_mix(tmp_path, saat):
    path, bukti, cad = _buat_cadangan_besar(tmp_path)
    lama = _keadaan(path, bukti)
    assert lama == (
        ["Lama", "Sesudah Cadangan"],
        sorted([N(f"lama{i}.bin") for i in range(12)] + [N("sesudah.bin")]),
    )
    hook = "tahan" if saat == "menukar" else "None"
    proc = _spawn(_RESTORE.format(cad=cad, path=path, bukti=bukti, hook=hook))
    _kill_when(proc, "TUKAR" if saat == "menukar" else "Memeriksa isi cadangan")
    # the next start finishes (or discards) the interrupted restore
    c.selesaikan_pemulihan(path, bukti)
    assert _integrity(path) == "ok"
    keadaan = _keadaan(path, bukti)
    baru = (["Lama"], sorted(N(f"lama{i}.bin") for i in range(12)))
    assert keadaan == (lama if saat == "memeriksa" else baru)
    assert not [p for p in tmp_path.iterdir() if ".pulih" in p.name or ".lama" in p.name]
    db = open_database(f"sqlite:///{path}")
    with db.session_factory() as s:
        assert periksa_rantai(s).utuh
    db.close()


# --- disk full -------------------------------------------------------------------------------


@pytest.fixture
def tmpfs(tmp_path):
    """Mount small tmpfs filesystems (root only); unmounted afterwards."""
    mounted: list[Path] = []

    def mount(nama: str, size: str) -> Path:
        if os.name != "posix" or os.geteuid() != 0:
            pytest.skip("memerlukan root untuk mount tmpfs")
        target = tmp_path / nama
        target.mkdir()
        r = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(target)],
            capture_output=True,
        )
        if r.returncode != 0:
            pytest.skip("mount tmpfs tidak diizinkan di lingkungan ini")
        mounted.append(target)
        return target

    yield mount
    for m in reversed(mounted):
        subprocess.run(["umount", "-l", str(m)], capture_output=True)


def _isi_disk(folder: Path) -> Path:
    """Fill the filesystem until writing fails; returns the filler file."""
    isi = folder / "pengisi.bin"
    # unbuffered: nothing is left to flush (and fail) when the file is closed
    with isi.open("wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return isi


def test_disk_full_while_saving_is_a_message_and_nothing_is_lost(tmpfs):
    mnt = tmpfs("kecil", "3m")
    db = open_database(f"sqlite:///{mnt / 'k.sqlite'}")
    with unit_of_work(db.session_factory, SISTEM) as s:
        u = f.unit(s, "Kecamatan")
        f.pegawai(s, "Tersimpan", unit_kerja=u)
    isi = _isi_disk(mnt)
    with (
        pytest.raises(DatabaseFault, match="Disk penuh") as err,
        unit_of_work(db.session_factory, SISTEM) as s,
    ):
        for i in range(400):
            s.add(UnitKerja(nama=f"Unit panjang {i} " + "x" * 2000))
    assert "data tidak berubah" in str(err.value)
    with db.session_factory() as s:
        assert s.scalar(select(func.count(UnitKerja.id))) == 1
        assert s.scalar(select(Pegawai.nama)) == "Tersimpan"
    isi.unlink()  # room again: the program goes on
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.unit(s, "Sesudah dikosongkan")
    with db.session_factory() as s:
        assert s.scalar(select(func.count(UnitKerja.id))) == 2
        assert periksa_rantai(s).utuh
    db.close()
    assert _integrity(mnt / "k.sqlite") == "ok"


def test_disk_full_during_backup_leaves_no_half_file(tmpfs, tmp_path):
    usb = tmpfs("usb", "2m")
    path = tmp_path / "k.sqlite"
    db = open_database(f"sqlite:///{path}")
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.pegawai(s, "Ani")
    db.folder_bukti.mkdir()
    _tulis_bukti(db.folder_bukti, "besar.pdf", os.urandom(3_000_000))
    db.close()
    sebelum = path.read_bytes()
    with pytest.raises(c.CadanganError, match="Disk penuh"):
        c.buat_cadangan(None, path, db.folder_bukti, usb / "cadangan.zip")
    assert list(usb.iterdir()) == []
    assert path.read_bytes() == sebelum


def test_injected_enospc_in_restore_keeps_old_data(tmp_path, monkeypatch):
    path = tmp_path / "k.sqlite"
    db = open_database(f"sqlite:///{path}")
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.pegawai(s, "Ani")
    cad = c.buat_cadangan(None, path, db.folder_bukti, tmp_path / "c.zip").path
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.pegawai(s, "Budi", lahir=date(1990, 1, 1))
    db.close()

    asli = zipfile.ZipFile.open

    def penuh(self, name, *a, **k):
        if str(getattr(name, "filename", name)) == c.NAMA_DB:
            raise OSError(errno.ENOSPC, "No space left on device")
        return asli(self, name, *a, **k)

    monkeypatch.setattr(zipfile.ZipFile, "open", penuh)
    with pytest.raises(c.CadanganError, match="Disk penuh"):
        c.pulihkan(None, cad, path, db.folder_bukti)
    monkeypatch.undo()
    assert _count(path, "pegawai") == 2 and _integrity(path) == "ok"
    assert not [p for p in tmp_path.iterdir() if ".pulih" in p.name]


# --- read-only, locked, damaged ----------------------------------------------------------------


def test_read_only_folder_is_explained_and_data_kept(tmpfs):
    mnt = tmpfs("ro", "4m")
    path = mnt / "k.sqlite"
    db = open_database(f"sqlite:///{path}")
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.pegawai(s, "Ani")
    db.close()
    sebelum = path.read_bytes()
    r = subprocess.run(["mount", "-o", "remount,ro", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.skip("remount ro tidak diizinkan")
    with pytest.raises(DatabaseOpenError, match="hanya-baca") as err:
        open_database(f"sqlite:///{path}")
    assert "Traceback" not in str(err.value)
    assert path.read_bytes() == sebelum
    # a backup into a read-only folder: a message too
    with pytest.raises(c.CadanganError, match="hanya-baca"):
        c.buat_cadangan(None, path, mnt / "k-bukti", mnt / "c.zip")


def test_read_only_database_file_on_save_is_a_fault_message(tmp_path):
    path = tmp_path / "k.sqlite"
    db = open_database(f"sqlite:///{path}")
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.pegawai(s, "Ani")
    db.close()
    ro = open_database(f"sqlite:///file:{path}?mode=ro&uri=true", migrate=False)
    with (
        pytest.raises(DatabaseFault, match="hanya-baca"),
        unit_of_work(ro.session_factory, SISTEM) as s,
    ):
        f.unit(s, "Baru")
    ro.close()
    assert _count(path, "unit_kerja") == 1


def test_locked_database_is_explained(tmp_path, monkeypatch):
    from kinerja_desktop.db import engine

    monkeypatch.setattr(engine, "SQLITE_BUSY_TIMEOUT_MS", 300)
    path = tmp_path / "k.sqlite"
    db = open_database(f"sqlite:///{path}")
    lain = sqlite3.connect(path, isolation_level=None)
    lain.execute("BEGIN EXCLUSIVE")
    with (
        pytest.raises(DatabaseFault, match="dikunci oleh program lain"),
        unit_of_work(db.session_factory, SISTEM) as s,
    ):
        f.unit(s, "Baru")
    lain.execute("ROLLBACK")
    lain.close()
    with unit_of_work(db.session_factory, SISTEM) as s:  # free again: works
        f.unit(s, "Baru")
    db.close()


def test_damaged_database_file_is_refused_untouched(tmp_path):
    path = tmp_path / "k.sqlite"
    open_database(f"sqlite:///{path}").close()
    raw = bytearray(path.read_bytes())
    raw[100:] = os.urandom(len(raw) - 100)
    path.write_bytes(bytes(raw))
    with pytest.raises(DatabaseOpenError, match=r"rusak|bukan basis data") as err:
        open_database(f"sqlite:///{path}")
    assert "Pulihkan" in str(err.value) or "Pilih berkas lain" in str(err.value)
    assert path.read_bytes() == bytes(raw)
    # and restoring over it keeps the damaged bytes as a copy first
    good = tmp_path / "good.sqlite"
    gdb = open_database(f"sqlite:///{good}")
    with unit_of_work(gdb.session_factory, SISTEM) as s:
        f.pegawai(s, "Ani")
    cad = c.buat_cadangan(None, good, gdb.folder_bukti, tmp_path / "c.zip").path
    gdb.close()
    hasil = c.pulihkan(None, cad, path, tmp_path / "k-bukti")
    with zipfile.ZipFile(hasil.cadangan_sebelumnya) as zf:
        assert zf.read(c.NAMA_DB) == bytes(raw)
    assert _count(path, "pegawai") == 1


# --- two programs on one file ------------------------------------------------------------------

_PENULIS = """
    import sys
    import time
    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.db.models import UnitKerja
    from kinerja_desktop.domain.errors import ConflictError
    from kinerja_desktop.domain.peran import Actor, Peran
    from kinerja_desktop.services.uow import DatabaseFault, unit_of_work

    nama, mulai = sys.argv[1], float(sys.argv[2])
    actor = Actor(nama, peran=frozenset({{Peran.ADMIN}}))
    db = open_database("sqlite:///{path}")
    ulang, jenis = 0, set()
    while time.time() < mulai:  # both programs start writing at the same moment
        time.sleep(0.005)
    for i in range({n}):
        while True:
            try:
                with unit_of_work(db.session_factory, actor) as s:
                    # read first, then write: the other program may commit in between
                    bersama = s.get(UnitKerja, 1)
                    bersama.urutan = bersama.urutan + 1
                    s.add(UnitKerja(nama=f"{{nama}} {{i}}"))
                break
            except (ConflictError, DatabaseFault) as exc:
                ulang += 1
                jenis.add(type(exc).__name__)
    print("ULANG", ulang, sorted(jenis), flush=True)
"""


def test_two_programs_writing_at_once_do_not_corrupt(tmp_path):
    path = tmp_path / "k.sqlite"
    db = open_database(f"sqlite:///{path}")
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.unit(s, "Bersama")
    db.close()
    n = 150
    kode = textwrap.dedent(_PENULIS.format(path=path, n=n))
    mulai = str(time.time() + 3)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", kode, nama, mulai],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_env(),
        )
        for nama in ("laptop-a", "laptop-b")
    ]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert out.startswith("ULANG")
        print(out.strip())
    assert _integrity(path) == "ok"
    db = open_database(f"sqlite:///{path}")
    with db.session_factory() as s:
        assert s.scalar(select(func.count(UnitKerja.id))) == 1 + 2 * n
        # every increment of the shared row landed exactly once: no lost update
        assert s.get(UnitKerja, 1).urutan == 2 * n
        hasil = periksa_rantai(s)
        assert hasil.utuh and hasil.jumlah == 1 + 2 * n * 2
    db.close()
