"""One print pipeline: reports/ only renders, one explicit table of document builders, batch
printing in several processes that gives the same PDFs in the same order as one process."""

from __future__ import annotations

import ast
import io
import os
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

import kinerja_desktop
from kinerja_desktop.cli import main
from kinerja_desktop.domain.tugas import Dibatalkan, StatusTugas
from kinerja_desktop.reports.batch import gabungkan_pdf
from kinerja_desktop.reports.verifikasi import baca_kode_dari_pdf
from kinerja_desktop.services import cetak
from tests import factories
from tests.unit.test_cli_evaluasi import siap  # noqa: F401  (fixture: two final evaluations)

PAKET = Path(kinerja_desktop.__file__).parent
TERLARANG = ("sqlalchemy", "kinerja_desktop.services", "kinerja_desktop.db")


def _impor(path: Path) -> list[str]:
    nama = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            nama += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            nama.append(node.module)
    return nama


def test_reports_import_no_session_or_service():
    salah = [
        f"{p.name}: {m}"
        for p in sorted((PAKET / "reports").glob("*.py"))
        for m in _impor(p)
        if m.startswith(TERLARANG)
    ]
    assert salah == []


def test_reports_load_without_database_layers():
    kode = (
        "import importlib, pkgutil, sys\n"
        "import kinerja_desktop.reports as r\n"
        "for i in pkgutil.iter_modules(r.__path__):\n"
        "    importlib.import_module(f'kinerja_desktop.reports.{i.name}')\n"
        f"print([m for m in sys.modules if m.startswith({TERLARANG!r})])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", kode], capture_output=True, text=True, check=True, cwd=PAKET.parent
    ).stdout
    assert out.strip() == "[]"


def _jenis_tercatat() -> tuple[set[str], list[str]]:
    """Kinds named by services' JENIS constants, and the arguments ``daftarkan_cetak`` gets."""
    from kinerja_desktop import services

    konstanta: set[str] = set()
    argumen: list[str] = []
    for path in sorted(Path(services.__file__).parent.rglob("*.py")):
        pohon = ast.parse(path.read_text(encoding="utf-8"))
        for node in pohon.body:
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
                for t in node.targets:
                    if isinstance(t, ast.Name) and t.id.startswith(("JENIS_CETAK", "JENIS_DOK")):
                        konstanta.add(node.value.value)
        for node in ast.walk(pohon):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "daftarkan_cetak"
                and isinstance(node.args[1], ast.Name)
            ):
                argumen.append(node.args[1].id)
    return konstanta, argumen


def test_registry_lists_every_document_kind():
    konstanta, argumen = _jenis_tercatat()
    assert konstanta == set(cetak.PENYUSUN_DOKUMEN) == {"SKP", "EVALUASI", "DOKEVAL", "REKAP"}
    # every recorded kind is a JENIS constant, or the evaluation's own ``jenis`` (both forms)
    assert set(argumen) <= {"JENIS_DOKUMEN", "JENIS_CETAK_REKAP", "jenis"}
    assert set(cetak.JENIS_SEMUA) <= set(cetak.PENYUSUN_DOKUMEN)


def test_registry_needs_no_import_side_effect():
    """The table is complete in a fresh process that imported nothing else, and fixed."""
    kode = (
        "from kinerja_desktop.services.cetak import PENYUSUN_DOKUMEN as P\n"
        "print(sorted(P))\n"
        "try:\n    P['X'] = None\nexcept TypeError:\n    print('tetap')\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", kode], capture_output=True, text=True, check=True, cwd=PAKET.parent
    ).stdout.split()
    assert out == ["['DOKEVAL',", "'EVALUASI',", "'REKAP',", "'SKP']", "tetap"]


def _pdf(path: Path, teks: list[str]) -> Path:
    c = canvas.Canvas(str(path))
    for t in teks:
        c.drawString(72, 720, t)
        c.showPage()
    c.save()
    return path


def test_merge_keeps_order_and_inherited_page_attributes(tmp_path):
    sumber = [
        _pdf(tmp_path / f"{i}.pdf", [f"Dokumen {i} halaman {j}" for j in (1, 2)]) for i in (3, 1, 2)
    ]
    # a page that inherits its MediaBox and Resources from the page tree
    warisan = pikepdf.open(_pdf(tmp_path / "w.pdf", ["Warisan"]))
    halaman = warisan.pages[0].obj
    warisan.Root.Pages.MediaBox = halaman.MediaBox
    warisan.Root.Pages.Resources = halaman.Resources
    del halaman["/MediaBox"], halaman["/Resources"]
    warisan.save(tmp_path / "warisan.pdf")
    sumber.append(tmp_path / "warisan.pdf")
    n = gabungkan_pdf(sumber, tmp_path / "gabung.pdf", "Gabungan — Ürütan")
    r = PdfReader(tmp_path / "gabung.pdf")
    teks = [" ".join((p.extract_text() or "").split()) for p in r.pages]
    assert n == len(r.pages) == 7
    assert teks == [f"Dokumen {i} halaman {j}" for i in (3, 1, 2) for j in (1, 2)] + ["Warisan"]
    assert r.metadata.title == "Gabungan — Ürütan"
    assert all(p.mediabox.width > 0 for p in r.pages)
    with pikepdf.open(tmp_path / "gabung.pdf") as pdf:  # qpdf reads it without repairing
        assert len(pdf.pages) == 7 and "/MediaBox" in pdf.pages[6].obj


def _teks(path: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)


def _batch(path: str, out: Path, proses: int, *extra: str) -> None:
    argv = ["--db", path, "print-batch", "--unit", "Kecamatan Tebo Tengah", "--tahun", "2025"]
    argv += ["--periode", "TW1", "--out", str(out), "--proses", str(proses), *extra]
    assert main(argv) == 0


@pytest.mark.slow
def test_print_batch_two_processes_same_as_one(siap, db, tmp_path, monkeypatch, capsys, akun_cli):  # noqa: F811
    _k, path = siap
    akun_cli(db)
    # this process's own connections are closed, as in a real headless run: the file check of
    # each open_database (a plain open/close of the file) would drop their POSIX locks
    db.close()
    monkeypatch.setattr(cetak, "PEGAWAI_PER_PROSES_MIN", 1)  # two pegawai: one each
    for proses in (1, 2):
        _batch(path, tmp_path / f"satu{proses}", proses, "--satu-file")
        _batch(path, tmp_path / f"per{proses}", proses)
    (satu1,), (satu2,) = (list((tmp_path / f"satu{n}").iterdir()) for n in (1, 2))
    assert _teks(satu1) == _teks(satu2)
    kode = baca_kode_dari_pdf(satu2)
    assert kode == baca_kode_dari_pdf(satu1)
    assert [d.split("-")[0] for d, _ in kode] == ["EVALUASI", "DOKEVAL"] * 2
    per1, per2 = (sorted((tmp_path / f"per{n}").iterdir()) for n in (1, 2))
    assert [p.name for p in per1] == [p.name for p in per2] and len(per1) == 2
    assert [_teks(p) for p in per1] == [_teks(p) for p in per2]
    assert "2 pegawai, 4 dokumen" in capsys.readouterr().out
    assert main(["--db", path, "verify", str(satu2)]) == 0  # the parent recorded every code
    assert capsys.readouterr().out.count("COCOK") == 4


@pytest.mark.slow
def test_batch_in_workers_cancel_leaves_nothing(siap, db, tmp_path, monkeypatch):  # noqa: F811
    k, _path = siap
    monkeypatch.setattr(cetak, "PEGAWAI_PER_PROSES_MIN", 1)
    state = StatusTugas()
    state.progress = lambda done, total, pesan="": done >= 1 and state.cancel()  # type: ignore
    tujuan = tmp_path / "batal"
    with pytest.raises(Dibatalkan):
        cetak.cetak_batch(
            state,
            db.session_factory,
            factories.actor_for(k.camat),
            k.unit.id,
            k.periode["TW1"].id,
            tujuan,
            satu_file=True,
            proses=2,
        )
    assert list(tujuan.iterdir()) == []
    hasil = cetak.cetak_batch(
        StatusTugas(),
        db.session_factory,
        factories.actor_for(k.camat),
        k.unit.id,
        k.periode["TW1"].id,
        tujuan,
        proses=2,
    )
    assert hasil.proses == 2 and hasil.jumlah_pegawai == 2
    assert os.getpid() in hasil.puncak_rss_kb and len(hasil.puncak_rss_kb) >= 2  # a worker


def test_small_batches_use_fewer_processes():
    url = "sqlite:///x.sqlite"
    assert cetak.jumlah_proses(3, 2, url) == 1
    assert cetak.jumlah_proses(1000, 2, url) == 2
    assert cetak.jumlah_proses(1000, 8, None) == 1  # in-memory database: this process only
    assert cetak.jumlah_proses(1000, 1, url) == 1


def test_merged_bytes_are_a_valid_pdf(tmp_path):
    buf = io.BytesIO()
    from kinerja_desktop.reports.batch import PenggabungPdf

    g = PenggabungPdf(buf)
    g.tambah(_pdf(tmp_path / "a.pdf", ["A"]))
    g.selesai()
    buf.seek(0)
    with pikepdf.open(buf) as pdf:
        assert len(pdf.pages) == 1
