"""The evaluation services as one package: siblings import each other directly (never through
the package ``__init__``), each module imports first without a cycle, every public function is
reachable as ``sv.<name>``, and the rules shared by the modules are written once."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kinerja_desktop.services import evaluasi as sv
from tests.paket import cek_impor_pertama, cek_saudara_langsung, impor_di

PAKET = Path(sv.__file__).resolve().parent
SERVICES = PAKET.parent
MODUL = sorted(p.stem for p in PAKET.glob("*.py") if p.name != "__init__.py")


def _definisi(path: Path) -> set[str]:
    return {
        n.name
        for n in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(n, ast.FunctionDef | ast.ClassDef)
    }


@pytest.mark.parametrize("modul", MODUL)
def test_each_module_imports_first_in_a_fresh_interpreter(modul):
    cek_impor_pertama(f"kinerja_desktop.services.evaluasi.{modul}")


def test_siblings_import_each_other_directly_and_stay_small():
    cek_saudara_langsung(PAKET, "kinerja_desktop.services.evaluasi")


def test_services_outside_use_the_modules_not_private_names():
    """keberatan and laporan build on the package; they import from its modules, and only
    names without a leading underscore."""
    for nama in ("keberatan.py", "laporan.py"):
        dipakai = impor_di(SERVICES / nama)
        assert "kinerja_desktop.services.evaluasi" not in dipakai, nama
        pribadi = {
            m for m in dipakai if m.startswith("kinerja_desktop.services.evaluasi.") and "._" in m
        }
        assert not pribadi, (nama, pribadi)


def test_evaluation_and_recap_services_write_no_files():
    """Services return rows; exchange/ writes the spreadsheets (the angka kredit export)."""
    berkas = [*PAKET.glob("*.py"), SERVICES / "keberatan.py", SERVICES / "laporan.py"]
    for p in berkas:
        lapisan = {
            m
            for m in impor_di(p)
            if m.startswith(("kinerja_desktop.exchange", "kinerja_desktop.ui"))
        }
        assert not lapisan, (p.name, lapisan)
        assert "openpyxl" not in p.read_text(encoding="utf-8"), p.name


def test_shared_rules_have_one_owner():
    """Who may read, who rates, the optimistic lock and the history entry live in syarat.py
    and riwayat.py; no other module of the package or its neighbours defines them again."""
    pemilik = {
        "wajib_baca": "syarat",
        "wajib_penilai": "syarat",
        "ambil_evaluasi": "syarat",
        "draf_tersembunyi": "syarat",
        "catat_riwayat": "riwayat",
        "batas_keberatan": "riwayat",
        "boleh_lihat_unit": "distribusi",
        "label_periode": "cetak",
    }
    berkas = [*PAKET.glob("*.py"), SERVICES / "keberatan.py", SERVICES / "laporan.py"]
    for p in berkas:
        ada = _definisi(p)
        for nama, modul in pemilik.items():
            if nama in ada:
                assert p == PAKET / f"{modul}.py", f"{p.name} defines {nama} again"
    teks = "\n".join(p.read_text(encoding="utf-8") for p in berkas)
    assert teks.count("Anda tidak berhak melihat evaluasi pegawai ini.") == 1
    assert teks.count("telah diubah oleh pengguna lain sejak Anda membukanya") == 1


# helpers the package's modules share among themselves (callers use the functions around them)
ANTAR_MODUL = {
    "ambil_evaluasi",
    "ambil_pegawai",
    "baris_hasil_kerja",
    "baris_perilaku",
    "baris_predikat_org",
    "boleh_lihat_unit",
    "catat_riwayat",
    "draf_tersembunyi",
    "evaluasi_untuk",
    "keberatan_rows",
    "label_periode",
    "nama_pegawai",
    "penilai_luar_untuk",
    "perbarui_snapshot",
    "riwayat_rows",
    "wajib_baca",
    "wajib_draf",
    "wajib_penilai",
}


def test_package_api_lists_every_public_function_of_its_modules():
    for p in PAKET.glob("*.py"):
        if p.name == "__init__.py":
            continue
        for nama in _definisi(p):
            if not nama.startswith("_"):
                assert nama in sv.__all__ or nama in ANTAR_MODUL, f"{p.name}: {nama}"
    for nama in sv.__all__:
        assert hasattr(sv, nama), nama
    assert not ANTAR_MODUL & set(sv.__all__)
