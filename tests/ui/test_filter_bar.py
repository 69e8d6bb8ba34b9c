"""pytest-qt: the one Tahun / Periode / Pegawai bar of the SKP, Pemantauan and Evaluasi views."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

import kinerja_desktop.ui as ui_pkg
from kinerja_desktop.ui.common.filter_bar import FilterBar

VIEWS = ("skp/view.py", "pemantauan/view.py", "evaluasi/view.py")


def _label_tampil(bar: FilterBar) -> list[str]:
    return [w.text() for w in bar.findChildren(QLabel) if w.isVisibleTo(bar)]


def test_labels_in_one_order_and_only_the_parts_asked(qtbot):
    semua = FilterBar(periode=True, pegawai=True, cari_pegawai=True)
    qtbot.addWidget(semua)
    assert _label_tampil(semua) == ["Tahun:", "Periode:", "Pegawai:"]
    assert semua.cari.isVisibleTo(semua)
    assert semua.cari.placeholderText() == "Cari nama atau NIP…"
    assert semua.muat_ulang.text() == "Muat ulang"

    skp = FilterBar(pegawai=True)
    qtbot.addWidget(skp)
    assert _label_tampil(skp) == ["Tahun:", "Pegawai:"]
    assert not skp.cari.isVisibleTo(skp) and not skp.periode.isVisibleTo(skp)

    evaluasi = FilterBar(periode=True, tahun_dari_data=True)
    qtbot.addWidget(evaluasi)
    assert _label_tampil(evaluasi) == ["Tahun:", "Periode:"]
    assert evaluasi.daftar_tahun.isVisibleTo(evaluasi)
    assert not evaluasi.tahun.isVisibleTo(evaluasi)


def test_free_year_starts_this_year_within_range(qtbot):
    bar = FilterBar()
    qtbot.addWidget(bar)
    assert bar.tahun_terpilih() == date.today().year
    assert (bar.tahun.minimum(), bar.tahun.maximum()) == (2000, 2100)
    bar.tahun.setValue(2031)
    assert bar.tahun_terpilih() == 2031


def test_years_from_data_fall_back_to_this_year_without_signals(qtbot):
    bar = FilterBar(periode=True, tahun_dari_data=True)
    qtbot.addWidget(bar)
    berubah: list[int] = []
    bar.daftar_tahun.currentIndexChanged.connect(berubah.append)
    bar.isi_tahun([2024, 2025])
    assert bar.tahun_terpilih() == 2024 and bar.daftar_tahun.itemText(1) == "2025"
    bar.isi_tahun([])
    assert bar.tahun_terpilih() == date.today().year
    assert berubah == []


@pytest.mark.parametrize(
    ("pilih", "harapan"),
    [((None,), 10), ((20,), 20), ((99, 30), 30), ((99,), 10), ((None, 20), 20), ((), 10)],
)
def test_pegawai_selects_the_first_listed_choice_else_the_first(qtbot, pilih, harapan):
    bar = FilterBar(pegawai=True)
    qtbot.addWidget(bar)
    dipilih: list[int] = []
    bar.pegawai.currentIndexChanged.connect(dipilih.append)
    bar.isi_pegawai([("Ani", 10), ("Budi", 20), ("Citra", 30)], pilih)
    assert bar.pegawai_id() == harapan and bar.pegawai.count() == 3
    assert dipilih == []  # filling is not a choice of the user


def test_periode_keeps_the_chosen_one_and_empty_lists_select_nothing(qtbot):
    bar = FilterBar(periode=True)
    qtbot.addWidget(bar)
    bar.isi_periode([("TW I", 1), ("TW II", 2)], 2)
    assert bar.periode_id() == 2
    bar.isi_periode([("TW I", 1), ("TW II", 2)], 7)
    assert bar.periode_id() == 1
    bar.isi_periode([], 1)
    assert bar.periode_id() is None


def test_typed_pegawai_completes_on_part_of_the_name(qtbot):
    from PySide6.QtCore import Qt

    bar = FilterBar(pegawai=True, ketik_pegawai=True)
    qtbot.addWidget(bar)
    assert bar.pegawai.isEditable()
    assert bar.pegawai.completer().filterMode() == Qt.MatchFlag.MatchContains


def test_view_buttons_go_before_muat_ulang(qtbot):
    bar = FilterBar(periode=True)
    qtbot.addWidget(bar)
    bar.tambah_tombol(QPushButton("Verifikasi dokumen…"), QPushButton("Cetak massal…"))
    lay = bar.layout()
    urutan = [
        w.text() for i in range(lay.count()) if isinstance(w := lay.itemAt(i).widget(), QPushButton)
    ]
    assert urutan == ["Verifikasi dokumen…", "Cetak massal…", "Muat ulang"]


@pytest.mark.parametrize("modul", VIEWS)
def test_the_three_views_build_no_selector_bar_of_their_own(modul):
    """A second copy of the bar (its own "Tahun:" label or year spin box) must not come back."""
    sumber = (Path(ui_pkg.__file__).parent / modul).read_text(encoding="utf-8")
    pohon = ast.parse(sumber)
    teks = {n.value for n in ast.walk(pohon) if isinstance(n, ast.Constant)}
    assert not teks & {"Tahun:", "Periode:", "Pegawai:", "Cari nama atau NIP…"}
    dipanggil = {
        n.func.id
        for n in ast.walk(pohon)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    assert "FilterBar" in dipanggil and "QSpinBox" not in dipanggil
