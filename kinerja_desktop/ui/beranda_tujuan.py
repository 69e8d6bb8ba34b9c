"""Opening a Beranda item: show its view and select what the item names, through the views'
own public methods and selectors (the views need not know the Beranda)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from kinerja_desktop.services import beranda as br

TAB_EVALUASI = {"dinilai": 0, "saya": 1, "keberatan": 2}


def buka_tujuan(jendela: Any, tujuan: br.Tujuan) -> QWidget | None:
    """Show ``tujuan.view`` in the main window with the item selected; returns the view."""
    if tujuan.view == "identitas":
        atur_identitas(jendela)
        return None
    if tujuan.view not in jendela.view_keys():
        return None
    view = jendela.show_view(tujuan.view)
    pilih = _PILIH.get(tujuan.view)
    if pilih is not None:
        pilih(view, tujuan)
    return view


def _pilih_data(cb: QComboBox, data: object) -> bool:
    i = cb.findData(data)
    if i >= 0 and i != cb.currentIndex():
        cb.setCurrentIndex(i)  # its signal reloads the view
    return i >= 0


def _skp(view: Any, t: br.Tujuan) -> None:
    if t.tahun is not None:
        view.tahun.setValue(t.tahun)
    if t.pegawai_id is not None and t.skp_id is not None:
        view.buka_skp(t.pegawai_id, t.skp_id)


def _pemantauan(view: Any, t: br.Tujuan) -> None:
    if t.tahun is not None and view.tahun.value() != t.tahun:
        view.tahun.setValue(t.tahun)
    if t.pegawai_id is not None or t.periode_id is not None:
        pegawai = t.pegawai_id if t.pegawai_id is not None else view.pegawai.currentData()
        if pegawai is not None:
            view.pilih_pegawai(pegawai, t.periode_id)
    if t.bagian == "papan" and view.tabs.isTabVisible(view.tabs.indexOf(view.papan)):
        view.tabs.setCurrentWidget(view.papan)
    elif t.bagian == "periode":
        from kinerja_desktop.ui.pemantauan.periode_dialog import PeriodeDialog

        PeriodeDialog(view.ctx, view.tahun.value(), view).exec()
        view.refresh()
    else:
        view.tabs.setCurrentWidget(view.realisasi)
        if t.indikator_id is not None:
            view.realisasi.pilih_iki(t.indikator_id)


def _evaluasi(view: Any, t: br.Tujuan) -> None:
    if t.tahun is not None:
        _pilih_data(view.cb_tahun, t.tahun)
    if t.periode_id is not None:
        _pilih_data(view.cb_periode, t.periode_id)
    if t.bagian in TAB_EVALUASI:
        view.tabs.setCurrentIndex(TAB_EVALUASI[t.bagian])


def _pegawai(view: Any, t: br.Tujuan) -> None:
    if t.bagian == "perlu_dilengkapi":
        view.perlu_dilengkapi()
    elif t.pegawai_id is not None:
        view.pilih_pegawai(t.pegawai_id)


def _laporan(view: Any, t: br.Tujuan) -> None:
    if t.periode_id is not None and hasattr(view, "cb_periode"):
        _pilih_data(view.cb_periode, t.periode_id)


_PILIH = {
    "skp": _skp,
    "pemantauan": _pemantauan,
    "evaluasi": _evaluasi,
    "pegawai": _pegawai,
    "laporan": _laporan,
}


def atur_identitas(jendela: QWidget) -> bool:
    """The office identity (instansi, tempat, zone, emblem), as in the first-run wizard."""
    from kinerja_desktop.services.pengaturan import identitas_kantor, simpan_identitas_kantor
    from kinerja_desktop.ui.aksi import GAGAL, jalankan
    from kinerja_desktop.ui.akun.widgets import IdentitasKantorForm

    ctx = jendela.ctx  # type: ignore[attr-defined]
    dlg = QDialog(jendela)
    dlg.setWindowTitle("Identitas kantor")
    lay = QVBoxLayout(dlg)
    form = IdentitasKantorForm(ctx.run(identitas_kantor))
    lay.addWidget(form)
    tombol = QDialogButtonBox()
    tombol.addButton("Simpan", QDialogButtonBox.ButtonRole.AcceptRole)
    tombol.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
    lay.addWidget(tombol)

    def simpan() -> None:
        hasil = jalankan(
            dlg,
            ctx,
            simpan_identitas_kantor,
            form.instansi.text(),
            form.tempat.text(),
            form.emblem,
            form.hapus_emblem,
            form.zona_terpilih,
            judul="Identitas kantor tidak dapat disimpan",
        )
        if hasil is not GAGAL:
            dlg.accept()

    tombol.accepted.connect(simpan)
    tombol.rejected.connect(dlg.reject)
    return bool(dlg.exec())


__all__ = ["atur_identitas", "buka_tujuan"]
