"""The SKP services as one package: its public API reachable as ``svc.<name>``, siblings
importing each other directly (no package-level cycle), the permission rules written once in
izin.py, and the services below exchange/ (files are written by exchange/)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kinerja_desktop.services import skp as svc
from tests.paket import cek_impor_pertama, impor_di

SERVICES = Path(svc.__file__).resolve().parent.parent
PAKET = SERVICES / "skp"
MODUL = sorted(p.stem for p in PAKET.glob("*.py") if p.name != "__init__.py")


@pytest.mark.parametrize(
    "modul",
    [f"kinerja_desktop.services.skp.{m}" for m in MODUL]
    + ["kinerja_desktop.services.skp", "kinerja_desktop.services.cetak"],
)
def test_each_module_imports_first_in_a_fresh_interpreter(modul):
    cek_impor_pertama(modul)


def test_siblings_import_each_other_directly_and_stay_small():
    for p in PAKET.glob("*.py"):
        assert len(p.read_text(encoding="utf-8").splitlines()) < 800, p.name
        if p.name != "__init__.py":
            dipakai = impor_di(p)
            assert "kinerja_desktop.services.skp" not in dipakai, p.name
            assert not {m for m in dipakai if m.startswith("kinerja_desktop.exchange")}, p.name


def test_old_module_paths_are_gone():
    assert not (SERVICES / "skp.py").exists()
    assert not (SERVICES / "skp_bantu.py").exists()
    assert not (SERVICES / "skp_cetak.py").exists()


# helpers the package's modules share among themselves (callers use the functions around them)
ANTAR_MODUL = {
    "ambil_indikator",
    "ambil_rhk",
    "ambil_skp",
    "catat_riwayat",
    "cek_intervensi",
    "cek_versi",
    "indikator_row",
    "muat_skp_lengkap",
    "nama_pegawai",
    "pemilik_skp",
    "uraian_wajib",
    "wajib_dapat_diubah",
    "wajib_lihat",
    "wajib_pemilik",
    "wajib_penilai",
}


def _konstanta(n: ast.stmt) -> list[str]:
    """UPPER_CASE names a module-level (annotated) assignment defines."""
    target = (
        n.targets
        if isinstance(n, ast.Assign)
        else [n.target]
        if isinstance(n, ast.AnnAssign)
        else []
    )
    return [x.id for t in target for x in ast.walk(t) if isinstance(x, ast.Name) and x.id.isupper()]


def test_package_api_lists_every_public_function_of_its_modules():
    for m in MODUL:
        for n in ast.parse((PAKET / f"{m}.py").read_text(encoding="utf-8")).body:
            if isinstance(n, ast.FunctionDef | ast.ClassDef) and not n.name.startswith("_"):
                assert n.name in svc.__all__ or n.name in ANTAR_MODUL, f"{m}.py: {n.name}"
            for nama in _konstanta(n):
                assert nama in svc.__all__, f"{m}.py: {nama}"
    for nama in svc.__all__:
        assert hasattr(svc, nama), nama
    assert not ANTAR_MODUL & set(svc.__all__)


def test_each_name_has_one_owner_module():
    """A function or class is defined in one module of the package, never twice."""
    pemilik: dict[str, str] = {}
    for m in MODUL:
        for n in ast.parse((PAKET / f"{m}.py").read_text(encoding="utf-8")).body:
            if isinstance(n, ast.FunctionDef | ast.ClassDef):
                assert n.name not in pemilik, f"{n.name}: {pemilik.get(n.name)} and {m}"
                pemilik[n.name] = m


def test_skp_permission_messages_are_written_once():
    """Who may edit, rate or read an SKP is decided in izin.py only."""
    pesan = (
        "Hanya pegawai pemilik SKP (atau operator kepegawaian atas namanya)",
        "Hanya pejabat penilai kinerja SKP ini",
        "Anda tidak berhak melihat SKP pegawai ini.",
    )
    for teks in pesan:
        pemilik = [
            p.relative_to(SERVICES).as_posix()
            for p in SERVICES.rglob("*.py")
            if teks in p.read_text(encoding="utf-8")
        ]
        assert pemilik == ["skp/izin.py"], teks


def test_the_print_builder_is_listed_without_import_side_effects():
    from kinerja_desktop.services import cetak

    assert cetak.PENYUSUN_DOKUMEN[svc.JENIS_DOKUMEN] is svc.data_cetak


def test_akses_stays_below_the_other_services():
    """organisasi (and every service) imports akses, so akses imports no service but the
    reader of the assignment rows (who rates whom has one owner), which imports none."""
    baris = "kinerja_desktop.services.penugasan.baris"
    dipakai = impor_di(SERVICES / "akses.py")
    assert not {m for m in dipakai if m.startswith("kinerja_desktop.services")} - {
        baris,
        f"{baris}.pernah_menilai",
    }
    dipakai = impor_di(SERVICES / "penugasan" / "baris.py")
    assert not {m for m in dipakai if m.startswith("kinerja_desktop.services")}


def test_audit_export_is_written_by_exchange():
    assert not {
        m for m in impor_di(SERVICES / "audit.py") if m.startswith("kinerja_desktop.exchange")
    }
    from kinerja_desktop.exchange.audit_io import ekspor_audit
    from kinerja_desktop.services import audit

    assert not hasattr(audit, "ekspor_audit") and callable(ekspor_audit)
