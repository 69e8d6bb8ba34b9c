"""pytest-qt: the SKP view through create → ajukan → kembalikan → ajukan → tetapkan → preview."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui import cetak
from kinerja_desktop.ui.skp import dialogs
from kinerja_desktop.ui.skp.view import SkpView
from tests.unit.test_skp_kantor import kantor_kecil

TAHUN = date.today().year


@pytest.fixture
def k(session):
    return kantor_kecil(session)


@pytest.fixture
def pesan(monkeypatch):
    """Record warnings/infos instead of showing modal boxes; confirm every question."""
    tercatat: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **kw: tercatat.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **kw: tercatat.append(a[2]))
    monkeypatch.setattr(dialogs, "konfirmasi", lambda *a, **kw: True)
    return tercatat


def _pilih_item(view: SkpView, kunci: tuple) -> None:
    view.editor._pilih(kunci)
    assert view.editor._terpilih() == kunci


def test_skp_view_full_workflow_and_preview(qtbot, db, k, pesan, monkeypatch):
    ctx = AppContext(db, k.actor(k.staf))
    view = SkpView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    # the pegawai's own SKP by default; no SKP yet
    assert view.pegawai_id() == k.staf.id
    assert view.tabel_skp.rowCount() == 0
    assert not view.editor.isi.isVisibleTo(view)

    # create
    monkeypatch.setattr(
        dialogs,
        "isi_buat_skp",
        lambda *a: {
            "pendekatan": svc.KUANTITATIF,
            "mulai": date(TAHUN, 1, 1),
            "selesai": date(TAHUN, 12, 31),
            "akhiri_sebelumnya": False,
        },
    )
    view.b_buat.click()
    assert view.tabel_skp.rowCount() == 1
    assert view.tabel_skp.item(0, 2).text() == "Draf"
    ed = view.editor
    assert ed.isi.isVisibleTo(view) and ed.b_ajukan.isVisibleTo(view)
    assert not ed.b_tetapkan.isVisibleTo(view)

    # ajukan an empty SKP: blocked with the reason
    ed.b_ajukan.click()
    assert any("Belum ada Rencana Hasil Kerja Utama" in p for p in pesan)

    # add an RHK and an IKI through the (replaced) dialogs
    pilihan_dilihat = []

    def isi_rhk(parent, detail, pilihan, rhk=None, jenis=svc.UTAMA):
        pilihan_dilihat.append(pilihan)
        return {
            "jenis": svc.UTAMA,
            "uraian": "Tersusunnya laporan administrasi kependudukan",
            "rhk_intervensi_id": None,
            "intervensi_teks": None,
            "perspektif": None,
            "penugasan_dari": None,
        }

    monkeypatch.setattr(dialogs, "isi_rhk", isi_rhk)
    ed.b_tambah_rhk.click()
    assert "belum memiliki SKP yang ditetapkan" in pilihan_dilihat[0].pesan
    rhk_id = ed.detail.rhk[0].id
    _pilih_item(view, ("rhk", rhk_id))
    monkeypatch.setattr(
        dialogs,
        "isi_indikator",
        lambda *a: {
            "uraian": "Jumlah laporan",
            "aspek": "KUANTITAS",
            "target_nilai": "12",
            "target_satuan": "Laporan",
            "target_narasi": None,
        },
    )
    ed.b_tambah_iki.click()
    assert ed.detail.rhk[0].indikator[0].target_teks == "12 Laporan"
    assert ed.pohon.topLevelItem(0).child(0).child(0).text(2) == "12 Laporan"

    # ajukan
    ed.b_ajukan.click()
    assert view.tabel_skp.item(0, 2).text() == "Diajukan"
    assert not ed.b_tambah_rhk.isEnabled()

    # the penilai opens it from his Bawahan tab and sends it back with a reason
    ctx.actor = k.actor(k.kasi)
    penilai = SkpView(ctx)
    qtbot.addWidget(penilai)
    penilai.tabs.setCurrentWidget(penilai.bawahan)
    baris = [
        penilai.bawahan.tabel.item(i, 0).text() for i in range(penilai.bawahan.tabel.rowCount())
    ]
    assert "Siti Aminah, A.Md." in baris
    i = baris.index("Siti Aminah, A.Md.")
    assert penilai.bawahan.tabel.item(i, 4).text() == "Diajukan"
    penilai.bawahan._buka(penilai.bawahan.tabel.item(i, 0))
    assert penilai.tabs.currentIndex() == 0 and penilai.pegawai_id() == k.staf.id
    ped = penilai.editor
    assert ped.b_tetapkan.isVisibleTo(penilai) and ped.b_kembalikan.isVisibleTo(penilai)
    assert not ped.b_ajukan.isVisibleTo(penilai)
    monkeypatch.setattr(dialogs, "minta_teks", lambda *a, **kw: "Tambahkan target waktu")
    ped.b_kembalikan.click()
    assert ped.detail.skp.status == svc.DIKEMBALIKAN
    # ekspektasi khusus pimpinan by the penilai
    assert not ped.b_ekspektasi.isHidden()
    ped.tabel_perilaku.selectRow(2)
    monkeypatch.setattr(dialogs, "minta_teks", lambda *a, **kw: "Mengikuti bimtek SIAK")
    ped.b_ekspektasi.click()
    assert ped.detail.perilaku[2].ekspektasi == "Mengikuti bimtek SIAK"

    # back to the pegawai: he sees the reason, fixes, submits again
    ctx.actor = k.actor(k.staf)
    view.refresh()
    assert "Tambahkan target waktu" in ed.pesan.text()
    assert ed.b_ekspektasi.isHidden()
    _pilih_item(view, ("rhk", rhk_id))
    monkeypatch.setattr(
        dialogs,
        "isi_indikator",
        lambda *a: {
            "uraian": "Ketepatan waktu",
            "aspek": "WAKTU",
            "target_nilai": "12",
            "target_satuan": "Bulan",
            "target_narasi": None,
        },
    )
    ed.b_tambah_iki.click()
    ed.b_ajukan.click()
    assert ed.detail.skp.status == svc.DIAJUKAN
    riwayat = [ed.tabel_riwayat.item(i, 2).text() for i in range(ed.tabel_riwayat.rowCount())]
    assert riwayat[0] == "Dikembalikan → Diajukan"

    # the penilai tetapkan
    ctx.actor = k.actor(k.kasi)
    penilai.refresh()
    ped.b_tetapkan.click()
    assert ped.detail.skp.status == svc.DITETAPKAN
    assert ped.b_revisi.isVisibleTo(penilai) and not ped.b_tetapkan.isVisibleTo(penilai)

    # print preview
    dibuka = []
    monkeypatch.setattr(cetak.PratinjauCetak, "exec", lambda self: dibuka.append(self) or 0)
    ped.b_cetak.click()
    assert len(dibuka) == 1
    pratinjau = dibuka[0]
    qtbot.addWidget(pratinjau)
    assert pratinjau.jumlah_halaman == 3
    assert pratinjau.nama_berkas == f"SKP_{TAHUN}_{k.staf.nip}.pdf"
    assert pratinjau.data.startswith(b"%PDF")
    pratinjau.set_zoom(50)
    assert pratinjau._label_halaman[0].pixmap().width() < 500


def test_pratinjau_simpan_pdf(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from kinerja_desktop.reports.skp import render_skp
    from tests.reports.test_skp_report import data_panjang

    data = render_skp(data_panjang(2))
    dlg = cetak.PratinjauCetak(lambda: data, "contoh.pdf")
    qtbot.addWidget(dlg)
    assert dlg.jumlah_halaman == 3
    tujuan = tmp_path / "keluar"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(tujuan), ""))
    dlg.tombol_simpan.click()
    assert (tmp_path / "keluar.pdf").read_bytes() == data


def test_pratinjau_cetak_ke_printer_pdf(qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from kinerja_desktop.reports.skp import render_skp
    from tests.reports.test_skp_report import data_panjang

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printer.pdf"
    printer.setOutputFileName(str(out))
    assert cetak.cetak_ke_printer(printer, render_skp(data_panjang(2))) == 3
    from pypdf import PdfReader

    assert len(PdfReader(out).pages) == 3


def test_admin_bulk_and_pustaka_tabs(qtbot, db, k, admin, pesan, monkeypatch):
    view = SkpView(AppContext(db, admin))
    qtbot.addWidget(view)
    assert view.pustaka is not None and view.bawahan is None
    view.cari.setText("siti")
    view.isi_pegawai()
    assert view.pegawai.count() == 1 and view.pegawai_id() == k.staf.id
    monkeypatch.setattr(
        dialogs,
        "isi_buat_skp_unit",
        lambda *a: {
            "unit_id": k.camat.unit_kerja_id,
            "tahun": TAHUN,
            "pendekatan": svc.KUANTITATIF,
            "termasuk_sub_unit": True,
        },
    )
    view.buat_untuk_unit()
    assert pesan[-1].startswith("5 SKP dibuat")
    assert view.tabel_skp.rowCount() == 1
    # pustaka: add an entry, then a pegawai's draft takes it
    view.tabs.setCurrentWidget(view.pustaka)
    monkeypatch.setattr(
        dialogs,
        "isi_pustaka",
        lambda *a: {
            "jabatan": "Pengadministrasi Pemerintahan",
            "uraian_rhk": "Layanan surat menyurat",
            "uraian_indikator": "Jumlah surat",
            "aspek": "KUANTITAS",
            "target_nilai": "300",
            "target_satuan": "Surat",
        },
    )
    view.pustaka.tambah()
    assert view.pustaka.tabel.rowCount() == 1
    monkeypatch.setattr(
        dialogs,
        "pilih_pustaka",
        lambda parent, rows, jab: {"ids": [rows[0].id], "jenis": svc.UTAMA},
    )
    view.tabs.setCurrentIndex(0)
    view.editor.b_pustaka.click()
    assert [r.uraian for r in view.editor.detail.rhk] == ["Layanan surat menyurat"]


def test_pendekatan_switch_and_rhk_delete(qtbot, db, k, pesan, monkeypatch):
    ctx = AppContext(db, k.actor(k.staf))
    s = ctx.run(svc.buat_skp, k.staf.id, TAHUN)
    r = ctx.run(svc.tambah_rhk, s.id, "RHK yang akan dihapus")
    view = SkpView(ctx)
    qtbot.addWidget(view)
    ed = view.editor
    assert not ed.pendekatan.isHidden()
    ed.pendekatan.setCurrentIndex(ed.pendekatan.findData(svc.KUALITATIF))
    ed.ubah_pendekatan()
    assert ed.detail.skp.pendekatan == svc.KUALITATIF
    assert "Kualitatif" in ed.judul.text()
    _pilih_item(view, ("rhk", r.id))
    ed.b_hapus.click()
    assert ed.detail.rhk == ()
    # deleting the draft empties the list
    view.b_hapus.click()
    assert view.tabel_skp.rowCount() == 0 and ed.detail is None
