"""The monitoring services as one package: one owner for who may read a pegawai's monitoring
data, feedback thread rows owned by umpan_balik, no cycle between the two, and the package's
public API reachable as ``pm.<name>``."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import get_type_hints

import pytest

from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.services import akses
from kinerja_desktop.services import bukti as bk
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services import umpan_balik as ub
from kinerja_desktop.services.uow import run
from tests.factories_pemantauan import kantor
from tests.paket import cek_impor_pertama, cek_saudara_langsung, impor_di

SERVICES = Path(pm.__file__).resolve().parent.parent
PAKET = SERVICES / "pemantauan"
PESAN_BACA = "Anda hanya dapat melihat data pemantauan Anda sendiri atau pegawai yang Anda nilai."


def test_every_reader_refuses_a_stranger_with_the_one_rule(db, session):
    """Realisasi, rencana aksi, progres, the page, feedback and evidence share one read rule."""
    k = kantor(session)
    r = run(db.session_factory, k.a_pegawai, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, 3)
    panggilan = [
        (pm.realisasi_skp, (k.skp.id, k.tw1.id), {}),
        (pm.daftar_rencana_aksi, (k.skp.id,), {}),
        (pm.daftar_progres, (k.pegawai.id, k.tw1.mulai, k.tw1.selesai), {}),
        (pm.halaman_pemantauan, (k.pegawai.id, k.skp.tahun), {}),
        (pm.saran_realisasi, (k.iki[0].id, k.tw1.id), {}),
        (ub.umpan_balik_skp, (k.skp.id,), {}),
        (ub.perilaku_skp, (k.skp.id,), {}),
        (bk.daftar_bukti, (), {"realisasi_id": r.id}),
    ]
    for fungsi, args, kwargs in panggilan:
        with pytest.raises(PermissionDenied) as e:
            run(db.session_factory, k.a_lain, fungsi, *args, **kwargs)
        assert str(e.value) == PESAN_BACA, fungsi.__qualname__
        # and the pegawai's penilai may read
        run(db.session_factory, k.a_atasan, fungsi, *args, **kwargs)


def test_the_read_rule_is_written_once():
    pemilik = [
        p.relative_to(SERVICES).as_posix()
        for p in SERVICES.rglob("*.py")
        if "Anda hanya dapat melihat data pemantauan" in p.read_text(encoding="utf-8")
    ]
    assert pemilik == ["akses.py"]
    assert "wajib_baca_pemantauan" in inspect.getsource(akses)


def test_feedback_does_not_import_monitoring():
    """umpan_balik owns its thread rows; pemantauan reads threads, never the other way round."""
    dipakai = impor_di(SERVICES / "umpan_balik.py")
    assert not {m for m in dipakai if m.startswith("kinerja_desktop.services.pemantauan")}
    assert get_type_hints(pm.BarisRealisasi)["umpan_balik"] == tuple[ub.UtasRingkas, ...]
    assert "UtasRingkas" in ub.__all__ and "PesanRingkas" in ub.__all__


@pytest.mark.parametrize(
    "modul",
    [
        "kinerja_desktop.services.umpan_balik",
        "kinerja_desktop.services.bukti",
        "kinerja_desktop.services.pemantauan.syarat",
        "kinerja_desktop.services.pemantauan.realisasi",
        "kinerja_desktop.exchange.progres_io",
    ],
)
def test_each_module_imports_first_in_a_fresh_interpreter(modul):
    cek_impor_pertama(modul)


def test_siblings_import_each_other_directly_and_stay_small():
    cek_saudara_langsung(PAKET, "kinerja_desktop.services.pemantauan")


# helpers the package's modules share among themselves (callers use the functions around them)
ANTAR_MODUL = {
    "baris_realisasi",
    "cek_periode_skp",
    "cek_tidak_final",
    "hari_acuan",
    "rencana_aksi_skp",
    "skp_dari_indikator",
    "status_periode",
}


def test_package_api_lists_every_public_function_of_its_modules():
    for p in PAKET.glob("*.py"):
        if p.name == "__init__.py":
            continue
        for n in ast.parse(p.read_text(encoding="utf-8")).body:
            if isinstance(n, ast.FunctionDef | ast.ClassDef) and not n.name.startswith("_"):
                assert n.name in pm.__all__ or n.name in ANTAR_MODUL, f"{p.name}: {n.name}"
    for nama in pm.__all__:
        assert hasattr(pm, nama), nama
