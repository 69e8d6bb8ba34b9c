"""The one UI action helper: errors shown the one way, changes announced, slow work cancelable;
and source scans that keep it the only way (one cancel exception, no hand-written catches)."""

from __future__ import annotations

import ast
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.db.models import Pegawai
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.domain.tugas import Dibatalkan
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui import aksi
from kinerja_desktop.ui import errors as ui_errors
from tests import factories as f

PAKET = Path(aksi.__file__).resolve().parents[1]


@pytest.fixture
def ctx(db):
    return AppContext(db, SISTEM)


@pytest.fixture
def dialog(monkeypatch):
    """The warnings and crash dialogs shown, instead of showing them."""
    tampil: list[tuple[str, object]] = []
    monkeypatch.setattr(
        ui_errors.QMessageBox, "warning", lambda _p, judul, teks: tampil.append(("warning", teks))
    )
    monkeypatch.setattr(ui_errors, "tampilkan_crash", lambda _p, exc: tampil.append(("crash", exc)))
    return tampil


@pytest.fixture
def berubah(qapp):
    tercatat: list[frozenset[str]] = []
    aksi.pusat().berubah.connect(tercatat.append)
    yield tercatat
    aksi.pusat().berubah.disconnect(tercatat.append)


def _jumlah_pegawai(db) -> int:
    with db.session_factory() as s:
        return s.scalar(select(func.count(Pegawai.id))) or 0


def _tambah_lalu(session, _actor, exc: Exception | None = None):
    f.pegawai(session, "Ani")
    session.flush()
    if exc is not None:
        raise exc
    return "ok"


def test_domain_error_is_a_warning_and_nothing_is_kept(db, ctx, dialog, berubah):
    hasil = aksi.jalankan(None, ctx, _tambah_lalu, ValidationError("NIP wajib diisi.", "NIP"))
    assert hasil is aksi.GAGAL
    assert dialog == [("warning", "NIP: NIP wajib diisi.")]
    assert berubah == [] and _jumlah_pegawai(db) == 0


def test_a_bug_goes_to_the_crash_dialog(db, ctx, dialog, berubah):
    bug = RuntimeError("bug")
    assert aksi.jalankan(None, ctx, _tambah_lalu, bug) is aksi.GAGAL
    assert dialog == [("crash", bug)]
    assert berubah == [] and _jumlah_pegawai(db) == 0


def test_success_returns_the_result_and_announces_the_tables(db, ctx, dialog, berubah):
    assert aksi.jalankan(None, ctx, _tambah_lalu) == "ok"
    assert dialog == [] and _jumlah_pegawai(db) == 1
    assert len(berubah) == 1 and "pegawai" in berubah[0]
    # a read changes nothing, so nothing is announced
    assert aksi.jalankan(None, ctx, lambda s, _a: s.scalar(select(func.count(Pegawai.id)))) == 1
    assert len(berubah) == 1


def test_coba_is_the_same_error_path_for_work_that_is_not_a_service_call(dialog):
    assert aksi.coba(None, int, "12") == 12
    assert aksi.coba(None, int, "x") is aksi.GAGAL
    assert [jenis for jenis, _ in dialog] == ["crash"]


def _lambat(session, _actor, n: int, mulai: threading.Event | None = None, *, status):
    f.pegawai(session, "Ani")
    session.flush()
    for i in range(n):
        status.progress(i + 1, n, f"Langkah {i + 1}")
    if mulai is not None:  # wait for the test to press "Batal"
        mulai.set()
        for _ in range(500):
            if status.cancelled:
                break
            threading.Event().wait(0.01)
    status.cek_batal()
    return n


def test_background_action_reports_progress_then_announces(qtbot, db, ctx, dialog, berubah):
    selesai: list[int] = []
    task = aksi.jalankan_latar(None, ctx, "Menyimpan", _lambat, 3, selesai=selesai.append)
    langkah: list[tuple[int, int, str]] = []
    task.progressed.connect(lambda d, t, p: langkah.append((d, t, p)))
    qtbot.waitUntil(lambda: selesai == [3], timeout=10_000)
    assert dialog == [] and _jumlah_pegawai(db) == 1
    assert len(berubah) == 1 and "pegawai" in berubah[0]


def test_background_cancel_rolls_back_without_an_error_dialog(qtbot, db, ctx, dialog, berubah):
    mulai = threading.Event()
    gagal: list[BaseException] = []
    langkah: list[int] = []
    task = aksi.jalankan_latar(None, ctx, "Menyimpan", _lambat, 2, mulai, gagal=gagal.append)
    task.progressed.connect(lambda d, _t, _p: langkah.append(d))
    assert mulai.wait(10)
    task.cancel()
    qtbot.waitUntil(lambda: bool(gagal), timeout=10_000)
    assert isinstance(gagal[0], Dibatalkan)
    assert dialog == [] and berubah == [] and _jumlah_pegawai(db) == 0
    qtbot.waitUntil(lambda: langkah == [1, 2], timeout=5_000)


def test_background_domain_error_is_shown(qtbot, db, ctx, dialog):
    gagal: list[BaseException] = []

    def tolak(_session, _actor, status):
        raise ValidationError("Berkas kosong.")

    aksi.jalankan_latar(None, ctx, "Membaca", tolak, gagal=gagal.append)
    qtbot.waitUntil(lambda: bool(gagal), timeout=10_000)
    assert dialog == [("warning", "Berkas kosong.")]


# --- source scans: the rules above have one owner ----------------------------------------


def _modul(*bagian: str) -> list[Path]:
    return sorted(PAKET.joinpath(*bagian).rglob("*.py"))


def test_one_cancel_exception_and_one_progress_protocol():
    batal, protokol = [], []
    for path in _modul():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ClassDef):
                continue
            if node.name == "Dibatalkan":
                batal.append(path.relative_to(PAKET).as_posix())
            nama = {
                n.name for n in node.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)
            } | {
                t.id
                for n in node.body
                if isinstance(n, ast.Assign)
                for t in n.targets
                if isinstance(t, ast.Name)
            }
            if {"cancelled", "progress"} <= nama:
                protokol.append(path.relative_to(PAKET).as_posix())
    assert batal == ["domain/tugas.py"]
    assert protokol == ["domain/tugas.py"]
    # nor progress passed around as bare callables beside it
    callback = [
        path.relative_to(PAKET).as_posix()
        for path in _modul()
        if "Callable[[int, int" in path.read_text(encoding="utf-8")
    ]
    assert callback == ["domain/tugas.py"]


def _menangkap(handler: ast.ExceptHandler, nama: str) -> bool:
    jenis = handler.type
    daftar = jenis.elts if isinstance(jenis, ast.Tuple) else [jenis]
    return any(
        (isinstance(j, ast.Name) and j.id == nama)
        or (isinstance(j, ast.Attribute) and j.attr == nama)
        for j in daftar
    )


def _panggil_layanan(node: ast.AST) -> bool:
    """``….ctx.run(…)`` / ``uow.run(…)``: a service call that belongs in ui/aksi.py."""
    for n in ast.walk(node):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute):
            pemilik = ast.unparse(n.func.value)
            if n.func.attr in {"run", "run_tercatat"} and ("ctx" in pemilik or pemilik == "uow"):
                return True
    return False


def test_views_leave_service_errors_to_the_helper():
    boleh = {"aksi.py", "errors.py", "tasks.py"}
    salah = []
    for path in _modul("ui"):
        if path.name in boleh and path.parent.name == "ui":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Try):
                continue
            tempat = f"{path.relative_to(PAKET).as_posix()}:{node.lineno}"
            if any(_menangkap(h, "DomainError") for h in node.handlers):
                salah.append(f"{tempat} except DomainError")
            if any(_panggil_layanan(b) for b in node.body):
                salah.append(f"{tempat} service call in try")
    assert salah == []
