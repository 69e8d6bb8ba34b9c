"""The roster import's owners: exchange/pegawai only reads files into rows (no database), the
comparison with the stored roster and the apply are the use case in services/impor_pegawai,
whose preview and apply the permission harness checks for the administrator."""

from __future__ import annotations

from pathlib import Path

import pytest

from kinerja_desktop.exchange import pegawai as io
from kinerja_desktop.services import impor_pegawai as imp
from tests.paket import cek_impor_pertama, cek_saudara_langsung, impor_di
from tests.unit.test_permissions import DIPERIKSA

EXCHANGE = Path(io.__file__).resolve().parent
PAKET = Path(imp.__file__).resolve().parent


@pytest.mark.parametrize("modul", ["baca", "kolom", "templat"])
def test_reading_a_roster_file_touches_no_database(modul):
    isi = (EXCHANGE / f"{modul}.py").read_text(encoding="utf-8")
    assert "sqlalchemy" not in isi, modul
    assert not {m for m in impor_di(EXCHANGE / f"{modul}.py") if m.startswith("kinerja_desktop.db")}
    assert "kinerja_desktop.services.impor_pegawai" not in impor_di(EXCHANGE / f"{modul}.py")


def test_the_comparison_and_the_apply_live_in_services():
    assert not (EXCHANGE / "pratinjau.py").exists() and not (EXCHANGE / "terapkan.py").exists()
    assert imp.Pratinjau.__module__ == "kinerja_desktop.services.impor_pegawai.pratinjau"
    assert imp.HasilImpor.__module__ == "kinerja_desktop.services.impor_pegawai.terapkan"
    assert not hasattr(io, "buat_pratinjau") and not hasattr(io, "terapkan_impor")


def test_preview_and_apply_are_under_the_permission_harness():
    assert {"impor_pegawai.pratinjau_impor", "impor_pegawai.terapkan_impor"} <= set(DIPERIKSA)


def test_package_modules_import_their_siblings_directly():
    cek_saudara_langsung(PAKET, "kinerja_desktop.services.impor_pegawai")


@pytest.mark.parametrize("modul", ["pratinjau", "terapkan", "kueri", "unit"])
def test_each_module_imports_first(modul):
    cek_impor_pertama(f"kinerja_desktop.services.impor_pegawai.{modul}")
