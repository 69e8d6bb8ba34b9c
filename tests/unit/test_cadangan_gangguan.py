"""Backups under attack from their surroundings: another program committing every quarter
second, a SIGKILL in the middle (nothing readable left on the backup's medium, nothing left once
the next backup runs), and an evidence folder that went missing."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.models import BerkasBukti
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.domain.tugas import Dibatalkan
from kinerja_desktop.exchange import cadangan as c
from kinerja_desktop.exchange.cadangan.tulis import BuktiHilang, bersihkan_sisa
from kinerja_desktop.services.uow import unit_of_work
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


def _besar(path: Path, mb: int) -> None:
    """Make the database big enough for the copy to take many steps."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE IF NOT EXISTS pengisi_uji (x BLOB)")
    for _ in range(mb):
        con.execute("INSERT INTO pengisi_uji VALUES (randomblob(1048576))")
    con.commit()
    con.close()


_PENULIS = """
    import sqlite3, time
    con = sqlite3.connect(r"{path}", isolation_level=None, timeout=15)
    con.execute("PRAGMA journal_mode = WAL")
    print("MULAI", flush=True)
    n = 0
    while True:
        con.execute("UPDATE pegawai SET nama = ? WHERE id = 1", (f"Ani {{n}}",))
        n += 1
        time.sleep(0.25)
"""


class _Lambat:
    """Progress that lets the writer commit between two steps of the copy, and gives up
    (a cancel) if the copy restarts again and again."""

    def __init__(self) -> None:
        self.langkah = 0

    @property
    def cancelled(self) -> bool:
        return self.langkah > 400

    def progress(self, done: int, total: int, pesan: str = "") -> None:
        if pesan.startswith("Menyalin"):
            self.langkah += 1
            time.sleep(0.1)


def test_backup_finishes_while_another_program_commits_every_quarter_second(db, tmp_path):
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.pegawai(s, "Ani")
    db.close()
    _besar(db.path, 40)
    penulis = _spawn(_PENULIS.format(path=db.path))
    try:
        assert penulis.stdout is not None and "MULAI" in penulis.stdout.readline()
        state = _Lambat()
        info = c.buat_cadangan(state, db.path, db.folder_bukti, tmp_path / "b.zip")
        assert penulis.poll() is None  # the writer ran the whole time
    finally:
        penulis.kill()
        penulis.wait(10)
    assert state.langkah > 3  # the copy really took several steps with commits between
    assert info.jumlah["pegawai"] == 1
    with zipfile.ZipFile(info.path) as zf:
        salinan = tmp_path / "salinan.sqlite"
        salinan.write_bytes(zf.read("kinerja.sqlite"))
    con = sqlite3.connect(salinan)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("SELECT count(*) FROM pengisi_uji").fetchone() == (40,)
    con.close()


_CADANGKAN = """
    import time
    from pathlib import Path
    from kinerja_desktop.exchange import cadangan as c

    class S:
        cancelled = False
        def progress(self, done, total, pesan=""):
            print("PROGRES", pesan, flush=True)
            if pesan.startswith("Menulis"):
                time.sleep(0.05)

    c.buat_cadangan(S(), Path(r"{path}"), Path(r"{bukti}"), Path(r"{out}"))
    print("SELESAI", flush=True)
"""


def _bukti_acak(folder: Path, n: int) -> None:
    for _ in range(n):
        data = os.urandom(1_000_000)
        h = hashlib.sha256(data).hexdigest()
        (folder / h[:2]).mkdir(parents=True, exist_ok=True)
        (folder / h[:2] / h).write_bytes(data)


@pytest.mark.parametrize("penanda", ["Menyalin basis data", "Menulis berkas cadangan"])
def test_sigkill_during_backup_leaves_nothing_readable(db, tmp_path, penanda):
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.pegawai(s, "Rahasia Pegawai")
    db.close()
    _bukti_acak(db.folder_bukti, 20)
    usb = tmp_path / "usb"
    out = usb / "kantor.kinerja-cadangan.zip"
    proc = _spawn(_CADANGKAN.format(path=db.path, bukti=db.folder_bukti, out=out))
    assert proc.stdout is not None
    for baris in proc.stdout:
        if penanda in baris:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL
    assert not out.exists()  # a partial backup never has the real name
    sisa = [p for p in usb.iterdir()] if usb.exists() else []
    for p in sisa:  # nothing on the medium opens as a backup or as a database
        assert p.name.startswith(".")
        assert not zipfile.is_zipfile(p)
        assert not p.read_bytes().startswith(b"SQLite format 3")
    # the next backup into the same folder (and beside the database) cleans the left-overs
    for p in [*sisa, *db.path.parent.glob(".*.cadangan-*.tmp")]:
        os.utime(p, (time.time() - 3600, time.time() - 3600))
    c.buat_cadangan(None, db.path, db.folder_bukti, usb / "berikut.kinerja-cadangan.zip")
    assert sorted(p.name for p in usb.iterdir()) == ["berikut.kinerja-cadangan.zip"]
    assert not list(db.path.parent.glob(".*.cadangan-*.tmp"))


def test_fresh_temporary_files_of_a_running_backup_are_left_alone(tmp_path):
    jalan = tmp_path / ".lain.kinerja-cadangan.zip.tmp"
    jalan.write_bytes(b"sedang ditulis")
    lama = tmp_path / ".mati.kinerja-cadangan.zip.tmp"
    lama.write_bytes(b"sisa")
    os.utime(lama, (time.time() - 3600, time.time() - 3600))
    milik_pengguna = tmp_path / "catatan.tmp"
    milik_pengguna.write_bytes(b"x")
    os.utime(milik_pengguna, (time.time() - 3600, time.time() - 3600))
    assert bersihkan_sisa(tmp_path) == [lama]
    assert jalan.exists() and milik_pengguna.exists()


def _catat_bukti(db, n: int) -> None:
    with unit_of_work(db.session_factory, SISTEM) as s:
        for i in range(n):
            s.add(BerkasBukti(sha256=f"{i:064x}", ukuran=10, mime="application/pdf"))


def test_backup_refuses_with_the_count_when_evidence_is_missing(db, tmp_path):
    _catat_bukti(db, 3)  # listed in the database; the folder was moved away
    out = tmp_path / "b.zip"
    with pytest.raises(BuktiHilang, match="3 berkas bukti dukung") as exc:
        c.buat_cadangan(None, db.path, db.folder_bukti, out)
    assert exc.value.jumlah == 3 and not out.exists()
    # asked for explicitly (the dialog's "Tetap cadangkan"), the backup records the gap
    info = c.buat_cadangan(None, db.path, db.folder_bukti, out, izinkan_bukti_hilang=True)
    assert c.baca_info(out).bukti_hilang == 3 == info.bukti_hilang
    assert ("Bukti dukung hilang", "3") in c.baca_info(out).ringkasan()


def test_daily_backup_is_made_and_records_missing_evidence(db):
    _catat_bukti(db, 2)
    info = c.cadangan_harian(None, db.path, db.folder_bukti)
    assert info is not None and info.bukti_hilang == 2


def test_cancelled_backup_leaves_no_database_copy_beside_the_database(db, tmp_path):
    _besar(db.path, 12)

    class Batal:
        cancelled = True

        def progress(self, *a: object) -> None:
            pass

    with pytest.raises(Dibatalkan):
        c.buat_cadangan(Batal(), db.path, db.folder_bukti, tmp_path / "b.zip")
    assert not list(db.path.parent.glob(".*.tmp*")) and not list(tmp_path.glob(".*.tmp"))
    open_database(db.url).close()


def test_cli_backup_refuses_missing_evidence_unless_asked(db, tmp_path, capsys, akun_cli):
    from kinerja_desktop.cli import main

    _catat_bukti(db, 2)
    akun_cli(db, "operator")
    db.close()
    out = tmp_path / "b.zip"
    assert main(["backup", "--db", str(db.path), "--out", str(out)]) != 0
    assert "2 berkas bukti dukung" in capsys.readouterr().err and not out.exists()
    argv = ["backup", "--db", str(db.path), "--out", str(out), "--izinkan-bukti-hilang"]
    assert main(argv) == 0
    assert "Bukti dukung hilang" in capsys.readouterr().out and out.exists()
