"""A batch print killed midway (SIGKILL) leaves nothing in the output folder, and the next batch
removes the work folder the killed one left in the temporary folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from kinerja_desktop.domain.tugas import StatusTugas
from kinerja_desktop.services import cetak
from tests import factories
from tests.unit.test_cli_evaluasi import siap  # noqa: F401  (fixture: two final evaluations)

ROOT = Path(__file__).resolve().parents[2]

_CETAK = """
    import time
    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.domain.peran import SISTEM
    from kinerja_desktop.domain.tugas import StatusTugas
    from kinerja_desktop.services import cetak

    class S(StatusTugas):
        def progress(self, done, total, pesan=""):
            print("PROGRES", done, pesan, flush=True)
            if pesan.startswith("Mencetak"):
                time.sleep(30)  # killed here: one pegawai printed, the other not yet

    db = open_database(r"{url}")
    cetak.cetak_batch(S(), db.session_factory, SISTEM, {unit}, {periode}, r"{out}", proses=1,
                      satu_file={satu})
"""


def _jalankan_lalu_bunuh(url: str, unit: int, periode: int, out: Path, satu: bool) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    kode = _CETAK.format(url=url, unit=unit, periode=periode, out=out, satu=satu)
    proc = subprocess.Popen(
        [sys.executable, "-u", "-c", textwrap.dedent(kode)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert proc.stdout is not None
    for baris in proc.stdout:
        if "Mencetak" in baris:
            os.kill(proc.pid, signal.SIGKILL)
            break
    else:
        raise AssertionError(proc.stderr.read() if proc.stderr else "")
    proc.wait(10)


def _kerja() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("kinerja-cetak-*"))


def test_killed_batch_print_leaves_nothing_in_the_output_folder(siap, db, tmp_path):  # noqa: F811
    k, _path = siap
    sebelum = _kerja()
    for satu in (False, True):
        out = tmp_path / f"cetak-{satu}"
        out.mkdir()
        _jalankan_lalu_bunuh(db.url, k.unit.id, k.periode["TW1"].id, out, satu)
        assert list(out.iterdir()) == []  # no PDF, no hidden folder of partial PDFs
    ditinggal = _kerja() - sebelum
    assert ditinggal  # the killed batches' work folders, outside the output folder
    for p in ditinggal:
        os.utime(p, (time.time() - 7 * 3600, time.time() - 7 * 3600))
    hasil = cetak.cetak_batch(
        StatusTugas(),
        db.session_factory,
        factories.actor_for(k.camat),
        k.unit.id,
        k.periode["TW1"].id,
        tmp_path / "cetak-False",
        proses=1,
    )
    assert hasil.jumlah_pegawai == 2
    assert sorted(p.suffix for p in (tmp_path / "cetak-False").iterdir()) == [".pdf", ".pdf"]
    assert not (_kerja() & ditinggal)  # the next batch removed them
