"""The Tahun / Periode / Pegawai selection at the top of the SKP, Pemantauan and Evaluasi views.

One widget so the three screens label, size and fill their selectors alike. A view picks the
parts it needs and keeps its own loading: it connects to the selector widgets' signals
(``tahun.valueChanged`` or ``daftar_tahun.currentIndexChanged``, ``periode``, ``pegawai``,
``cari.returnPressed``, ``muat_ulang.clicked``). The ``isi_*`` fillers never emit them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

TAHUN_TERKECIL, TAHUN_TERBESAR = 2000, 2100


def _lebar_tombol(b: QPushButton) -> QPushButton:
    b.setMinimumWidth(max(84, b.sizeHint().width()))
    return b


class FilterBar(QWidget):
    """``FilterBar(periode=..., pegawai=..., cari_pegawai=..., ketik_pegawai=...,
    tahun_dari_data=...)``; the year is always there.

    The year is typed freely (a spin box, this year at first) unless ``tahun_dari_data``: then
    it is chosen from the years the data has (``isi_tahun``)."""

    def __init__(
        self,
        *,
        periode: bool = False,
        pegawai: bool = False,
        cari_pegawai: bool = False,
        ketik_pegawai: bool = False,
        tahun_dari_data: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tahun_dari_data = tahun_dari_data
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(8)
        self._bar = bar

        self._bangun_tahun(tahun_dari_data)
        self._bangun_periode(periode)
        self._bangun_pegawai(pegawai, cari_pegawai, ketik_pegawai)
        if not pegawai:
            bar.addStretch(1)

        self._tombol_awal = bar.count()
        self.muat_ulang = _lebar_tombol(QPushButton("Muat ulang"))
        bar.addWidget(self.muat_ulang)

    def _bangun_tahun(self, dari_data: bool) -> None:
        self.tahun = QSpinBox(self)
        self.tahun.setRange(TAHUN_TERKECIL, TAHUN_TERBESAR)
        self.tahun.setValue(date.today().year)
        self.tahun.setMinimumWidth(80)
        self.daftar_tahun = QComboBox(self)
        self.daftar_tahun.setMinimumWidth(90)
        self._bar.addWidget(QLabel("Tahun:"))
        self._bar.addWidget(self.daftar_tahun if dari_data else self.tahun)
        (self.tahun if dari_data else self.daftar_tahun).hide()

    def _bangun_periode(self, tampil: bool) -> None:
        self.periode = QComboBox(self)
        self.periode.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.periode.setMinimumContentsLength(16)
        self.periode.setMinimumWidth(160)
        self._bagian("Periode:", self.periode, tampil)

    def _bangun_pegawai(self, tampil: bool, cari: bool, ketik: bool) -> None:
        self.pegawai = QComboBox(self)
        # Long "name — NIP — jabatan" entries must not push the bar past a small window.
        self.pegawai.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.pegawai.setMinimumContentsLength(18)
        self.pegawai.setMinimumWidth(240)
        if ketik:
            self._bisa_diketik(self.pegawai)
        self._bagian("Pegawai:", self.pegawai, tampil, regang=1)
        self.cari = QLineEdit(self)
        self.cari.setPlaceholderText("Cari nama atau NIP…")
        self.cari.setClearButtonEnabled(True)
        self.cari.setMinimumWidth(170)
        self.cari.setMaximumWidth(260)
        self._bar.addWidget(self.cari)
        self.cari.setVisible(tampil and cari)

    def _bagian(self, label: str, widget: QWidget, tampil: bool, regang: int = 0) -> None:
        teks = QLabel(label, self)
        if tampil:
            self._bar.addSpacing(8)
            self._bar.addWidget(teks)
            self._bar.addWidget(widget, regang)
        else:
            teks.hide()
            widget.hide()

    @staticmethod
    def _bisa_diketik(combo: QComboBox) -> None:
        """Typing part of a name or NIP offers the matching pegawai."""
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = combo.completer()
        assert completer is not None  # an editable combo box always has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def tambah_tombol(self, *tombol: QPushButton) -> None:
        """Buttons of the view, placed before "Muat ulang"."""
        for i, b in enumerate(tombol):
            self._bar.insertWidget(self._tombol_awal + i, b)
        self._tombol_awal += len(tombol)

    # --- tahun ------------------------------------------------------------------------------
    def tahun_terpilih(self) -> int | None:
        if self._tahun_dari_data:
            return self.daftar_tahun.currentData()
        return self.tahun.value()

    def isi_tahun(self, daftar: Iterable[int]) -> None:
        """The years the data has, or this year when it has none."""
        self.daftar_tahun.blockSignals(True)
        self.daftar_tahun.clear()
        for t in list(daftar) or [date.today().year]:
            self.daftar_tahun.addItem(str(t), t)
        self.daftar_tahun.blockSignals(False)

    # --- periode ----------------------------------------------------------------------------
    def periode_id(self) -> int | None:
        return self.periode.currentData()

    def isi_periode(self, pilihan: Sequence[tuple[str, int]], pilih: int | None = None) -> None:
        """Fill (label, id) pairs; select ``pilih`` when listed, else the first."""
        _isi(self.periode, pilihan, [pilih])

    # --- pegawai ----------------------------------------------------------------------------
    def pegawai_id(self) -> int | None:
        return self.pegawai.currentData()

    def isi_pegawai(
        self, pilihan: Sequence[tuple[str, int]], pilih: Sequence[int | None] = ()
    ) -> None:
        """Fill (label, id) pairs; select the first of ``pilih`` that is listed, else the first."""
        _isi(self.pegawai, pilihan, pilih)


def _isi(combo: QComboBox, pilihan: Sequence[tuple[str, int]], pilih: Sequence[int | None]) -> None:
    combo.blockSignals(True)
    combo.clear()
    for label, data in pilihan:
        combo.addItem(label, data)
    i = next((combo.findData(p) for p in pilih if p is not None and combo.findData(p) >= 0), 0)
    combo.setCurrentIndex(i)
    combo.blockSignals(False)
