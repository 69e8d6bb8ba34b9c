"""pytest-qt: an evaluation from opening to final, a reopen, a keberatan, the recap view,
"Verifikasi dokumen" and batch printing with cancel."""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from kinerja_desktop.db.base import utcnow
from kinerja_desktop.db.models import Evaluasi
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services.cetak import tulis_cetakan
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.uow import run
from kinerja_desktop.ui.evaluasi import dialog as dialog_mod
from kinerja_desktop.ui.evaluasi.dialog import EvaluasiDialog
from kinerja_desktop.ui.evaluasi.dialogs import CetakMassalDialog, VerifikasiDialog
from kinerja_desktop.ui.evaluasi.keberatan import KeputusanKeberatanDialog
from kinerja_desktop.ui.evaluasi.laporan import LaporanView
from kinerja_desktop.ui.evaluasi.view import EvaluasiView
from tests import factories
from tests.data_evaluasi import kantor


@pytest.fixture
def k(session):
    data = kantor(session)
    session.commit()
    return data


@pytest.fixture
def pesan(monkeypatch):
    """Record warnings instead of showing modal boxes; answer every question with Yes."""
    dicatat: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **kw: dicatat.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **kw: dicatat.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **kw: QMessageBox.StandardButton.Yes)
    return dicatat


def _ctx(db, p):
    return AppContext(db, factories.actor_for(p))


def _final(db, k, pegawai, pada=None, ratings=("SESUAI", "DI_BAWAH")):
    a = factories.actor_for(k.kasi)
    d = run(db.session_factory, a, sv.buka_evaluasi, pegawai.id, k.periode["TW1"].id)
    run(
        db.session_factory,
        a,
        sv.simpan_evaluasi,
        d.evaluasi_id,
        rating_hasil_kerja=ratings[0],
        rating_perilaku=ratings[1],
    )
    run(db.session_factory, a, sv.finalkan_evaluasi, d.evaluasi_id, pada=pada or utcnow())
    return d.evaluasi_id


def test_penilai_opens_rates_and_finalises(qtbot, db, k, pesan, session):
    view = EvaluasiView(_ctx(db, k.kasi))
    qtbot.addWidget(view)
    view.cb_periode.setCurrentIndex(view.cb_periode.findData(k.periode["TW1"].id))
    assert view.tbl_dinilai.rowCount() == 2
    baris = next(r for r in range(2) if "Siti" in view.tbl_dinilai.item(r, 1).text())
    view.tbl_dinilai.setCurrentCell(baris, 1)
    view.btn_buka.click()
    dlg = view.dialog
    qtbot.addWidget(dlg)
    assert dlg.detail.status == "DRAF"
    # hasil kerja: RHK rows with their IKI, realisasi, capaian, bukti, feedback
    utama = dlg.pohon.topLevelItem(0).child(0)
    iki = utama.child(0)
    assert (iki.text(2), iki.text(4), iki.text(5)) == ("4 Dokumen", "25,0%", "2")
    dlg.pohon.setCurrentItem(iki)
    assert dlg.daftar_bukti.count() == 2
    assert "Laporan tepat waktu" in dlg.utas.toPlainText()
    # the suggestion is labelled, never applied by itself
    assert dlg.lbl_saran.text().startswith("Saran sistem: Di Bawah Ekspektasi")
    assert dlg.cb_hasil.currentData() is None
    dlg.btn_saran.click()
    assert dlg.cb_hasil.currentData() == "DI_BAWAH"
    dlg.cb_hasil.setCurrentIndex(dlg.cb_hasil.findData("DI_ATAS"))
    dlg.cb_perilaku.setCurrentIndex(dlg.cb_perilaku.findData("DI_ATAS"))
    assert dlg.lbl_predikat.text() == "Sangat Baik"
    dlg.cb_perilaku.setCurrentIndex(dlg.cb_perilaku.findData("SESUAI"))
    assert dlg.lbl_predikat.text() == "Baik"
    dlg.ub_perilaku["KOMPETEN"].setPlainText("Rajin belajar")
    dlg.ed_catatan.setPlainText("Pertahankan kinerja")
    dlg.btn_simpan.click()
    ev = session.get(Evaluasi, dlg.detail.evaluasi_id)
    session.refresh(ev)
    assert (ev.rating_hasil_kerja, ev.rating_perilaku, ev.predikat) == ("DI_ATAS", "SESUAI", "BAIK")
    assert ev.catatan == "Pertahankan kinerja"
    dlg.btn_final.click()
    assert dlg.detail.status == "FINAL" and dlg.lbl_status.text().startswith("Final")
    assert not dlg.cb_hasil.isEnabled() and dlg.btn_simpan.isHidden()
    assert not dlg.btn_buka.isHidden()
    assert pesan == []
    dlg.close()
    view.muat()
    assert "Final" in view.tbl_dinilai.item(baris, 4).text()


def test_finalise_without_ratings_shows_the_reason(qtbot, db, k, pesan):
    dlg = EvaluasiDialog(_ctx(db, k.kasi), k.pppk.id, k.periode["TW1"].id)
    qtbot.addWidget(dlg)
    dlg.btn_final.click()
    assert dlg.detail.status == "DRAF"
    assert pesan and "belum dipilih" in pesan[0]


def test_finalise_with_unsaved_edits_is_one_transaction(qtbot, db, k, pesan, session):
    dlg = EvaluasiDialog(_ctx(db, k.kasi), k.pppk.id, k.periode["TW1"].id)
    qtbot.addWidget(dlg)
    versi = dlg.detail.versi
    dlg.cb_hasil.setCurrentIndex(dlg.cb_hasil.findData("DI_ATAS"))
    dlg.ed_catatan.setPlainText("Belum disimpan")
    dlg.btn_final.click()  # the edits save, then finalising is refused: nothing is kept
    assert pesan and "belum dipilih" in pesan[0]
    ev = session.get(Evaluasi, dlg.detail.evaluasi_id)
    session.refresh(ev)
    assert (ev.versi, ev.rating_hasil_kerja, ev.catatan) == (versi, None, None)
    assert dlg.cb_hasil.currentData() == "DI_ATAS"  # the form keeps what the user typed
    dlg.cb_perilaku.setCurrentIndex(dlg.cb_perilaku.findData("SESUAI"))
    dlg.btn_final.click()
    assert pesan[1:] == []
    session.rollback()  # end the read transaction: see what the dialog committed
    session.refresh(ev)
    assert (ev.status, ev.rating_hasil_kerja, ev.catatan) == ("FINAL", "DI_ATAS", "Belum disimpan")


def test_reopen_with_reason_is_recorded(qtbot, db, k, pesan, monkeypatch):
    _final(db, k, k.staf)
    dlg = EvaluasiDialog(_ctx(db, k.kasi), k.staf.id, k.periode["TW1"].id)
    qtbot.addWidget(dlg)
    assert not dlg.btn_buka.isHidden()
    monkeypatch.setattr(
        QInputDialog,
        "getMultiLineText",
        lambda *a, **kw: ("Bukti dukung baru diunggah pegawai", True),
    )
    dlg.btn_buka.click()
    assert dlg.detail.status == "DRAF" and dlg.cb_hasil.isEnabled()
    aksi = [dlg.tbl_riwayat.item(r, 2).text() for r in range(dlg.tbl_riwayat.rowCount())]
    assert aksi[-1] == "Dibuka kembali"
    assert dlg.tbl_riwayat.item(len(aksi) - 1, 3).text() == "Bukti dukung baru diunggah pegawai"


def test_keberatan_filed_by_pegawai_and_decided_by_atasan(qtbot, db, k, pesan, monkeypatch):
    ev_id = _final(db, k, k.staf)
    dlg = EvaluasiDialog(_ctx(db, k.staf), k.staf.id, k.periode["TW1"].id)
    qtbot.addWidget(dlg)
    assert dlg.btn_simpan.isHidden() and not dlg.btn_keberatan.isHidden()
    monkeypatch.setattr(
        QInputDialog,
        "getMultiLineText",
        lambda *a, **kw: ("Perilaku saya tidak pernah mendapat teguran.", True),
    )
    dlg.btn_keberatan.click()
    assert dlg.btn_keberatan.isHidden()
    assert "Menunggu keputusan" in dlg.txt_keberatan.toPlainText()
    # the atasan pejabat penilai (camat) sees it in his list and decides
    view = EvaluasiView(_ctx(db, k.camat))
    qtbot.addWidget(view)
    assert view.tbl_keberatan.rowCount() == 1
    assert view.tabs.tabText(2).endswith("(1)")
    view.tbl_keberatan.setCurrentCell(0, 1)
    view._buka_keberatan()
    dlg2 = view.dialog
    qtbot.addWidget(dlg2)
    assert not dlg2.btn_putus.isHidden() and dlg2.btn_simpan.isHidden()

    def putuskan(self):
        self.rb_ubah.setChecked(True)
        self.cb_perilaku.setCurrentIndex(self.cb_perilaku.findData("SESUAI"))
        assert self.lbl_predikat.text() == "Baik"
        self.ed_catatan.setPlainText("Catatan kehadiran lengkap.")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(KeputusanKeberatanDialog, "exec", putuskan)
    dlg2.btn_putus.click()
    assert dlg2.detail.predikat == "BAIK" and dlg2.btn_putus.isHidden()
    assert "Sudah diputus" in dlg2.txt_keberatan.toPlainText()
    assert pesan == []
    d = run(db.session_factory, factories.actor_for(k.staf), sv.detail_evaluasi, ev_id)
    assert d.keberatan[0].keputusan == "DIUBAH"


def test_recap_view_sets_organisation_predikat_and_warns(qtbot, db, k, pesan):
    _final(db, k, k.staf)
    _final(db, k, k.pppk, ratings=("DI_ATAS", "DI_ATAS"))
    view = LaporanView(_ctx(db, k.camat))
    qtbot.addWidget(view)
    view.cb_periode.setCurrentIndex(view.cb_periode.findData(k.periode["TW1"].id))
    view.cb_unit.setCurrentIndex(view.cb_unit.findData(k.seksi.id))
    assert view.btn_org.isEnabled()
    assert view.tbl.rowCount() == 3
    view.cb_org.setCurrentIndex(view.cb_org.findData("BUTUH_PERBAIKAN"))
    view.btn_org.click()
    assert view.rekap.distribusi.predikat_organisasi == "BUTUH_PERBAIKAN"
    teks = view.txt_aturan.toPlainText()
    # Sangat Baik at most 10 %: broken by Rina Wati (1 of 2); Butuh Perbaikan at least 60 %
    assert "Sangat Baik paling banyak 10%: 50,0%" in teks and "Rina Wati" in teks
    assert "Butuh Perbaikan paling sedikit 60%" in teks and "tidak menghalangi" in teks
    assert view.tbl_dist.item(0, 0).text() == "1"  # Sangat Baik
    assert view.tbl_dist.item(3, 0).text() == "1"  # Kurang/Misconduct: SESUAI × DI_BAWAH
    # the kasi cannot set his own unit's predikat
    view2 = LaporanView(_ctx(db, k.kasi))
    qtbot.addWidget(view2)
    view2.cb_unit.setCurrentIndex(view2.cb_unit.findData(k.seksi.id))
    assert not view2.btn_org.isEnabled()


def test_recap_view_exports_angka_kredit_through_exchange(
    qtbot, db, k, pesan, tmp_path, monkeypatch
):
    """The view reads the rows in one transaction, then exchange/ writes the workbook."""
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    path = tmp_path / "ak.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(path), ""))
    view = LaporanView(_ctx(db, k.camat))
    qtbot.addWidget(view)
    view.cb_unit.setCurrentIndex(view.cb_unit.findData(k.seksi.id))
    view.ekspor_angka_kredit()
    assert pesan and "pejabat fungsional diekspor" in pesan[-1]
    rows = [[c.value for c in r] for r in load_workbook(path).active.iter_rows()]
    assert any(r[0] == "NIP" for r in rows)


def test_verifikasi_dialog_matches_then_lists_the_change(qtbot, db, k, tmp_path, session):
    ev_id = _final(db, k, k.staf, pada=datetime(2025, 4, 5))
    c = run(
        db.session_factory,
        factories.actor_for(k.kasi),
        sv.siapkan_cetak,
        ev_id,
        sv.JENIS_CETAK_DOKUMEN,
    )
    pdf = tmp_path / "dok.pdf"
    tulis_cetakan(str(pdf), c)
    dlg = VerifikasiDialog(_ctx(db, k.camat))
    qtbot.addWidget(dlg)
    dlg.periksa_pdf(str(pdf))
    assert dlg.hasil_terakhir[0].cocok and "SESUAI" in dlg.hasil.toPlainText()
    ev = session.get(Evaluasi, ev_id)
    ev.catatan = "Catatan yang diubah"
    session.commit()
    dlg.ed_kode.setText(f"KINERJA:{c.kode_dokumen}:{c.kode_verifikasi}")
    dlg.periksa_teks()
    teks = dlg.hasil.toPlainText()
    assert "TIDAK SESUAI" in teks and "Catatan/Rekomendasi" in teks
    assert "Catatan yang diubah" in teks


def test_verifikasi_dialog_tells_a_forged_pdf_and_shows_the_key_facts(qtbot, db, k, tmp_path):
    from kinerja_desktop.reports.verifikasi import baca_halaman_pdf
    from tests.unit.test_verifikasi_pdf import _tulis_ulang

    ev_id = _final(db, k, k.staf, pada=datetime(2025, 4, 5))
    c = run(db.session_factory, factories.actor_for(k.kasi), sv.siapkan_cetak, ev_id,
            sv.JENIS_CETAK_DOKUMEN)  # fmt: skip
    asli = tmp_path / "dok.pdf"
    tulis_cetakan(str(asli), c)
    teks = [h.teks for h in baca_halaman_pdf(asli)]
    palsu = _tulis_ulang([t.replace(k.staf.nama, "Nama Lain") for t in teks], tmp_path / "p.pdf")
    dlg = VerifikasiDialog(_ctx(db, k.camat))
    qtbot.addWidget(dlg)
    dlg.periksa_pdf(str(palsu))
    hasil = dlg.hasil.toPlainText()
    assert not dlg.hasil_terakhir[0].cocok and "TIDAK SESUAI" in hasil and "BERBEDA" in hasil
    assert "Nama Lain" in hasil and "Cocokkan dengan kertas" in hasil and k.staf.nama in hasil
    kosong = tmp_path / "kosong.pdf"
    kosong.write_bytes(b"bukan pdf")
    dlg.periksa_pdf(str(kosong))  # refused with the reason in a message, not a traceback
    assert "tidak diperiksa" in dlg.hasil.toPlainText()


def test_batch_print_with_cancel_then_complete(qtbot, db, k, tmp_path, pesan):
    _final(db, k, k.staf)
    _final(db, k, k.pppk)
    dlg = CetakMassalDialog(_ctx(db, k.camat), unit_id=k.unit.id, periode_id=k.periode["TW1"].id)
    qtbot.addWidget(dlg)
    tujuan = tmp_path / "cetak"
    dlg.ed_folder.setText(str(tujuan))
    dlg.btn_mulai.click()
    task = dlg.task
    task.cancel()  # the user presses "Batal" at once
    with qtbot.waitSignal(task.failed, timeout=20000):
        pass
    assert "Dibatalkan" in dlg.lbl_hasil.text()
    assert list(tujuan.iterdir()) == []
    dlg.cek_satu.setChecked(True)
    dlg.btn_mulai.click()
    with qtbot.waitSignal(dlg.task.finished, timeout=30000):
        pass
    assert dlg.hasil.jumlah_pegawai == 2 and len(list(tujuan.iterdir())) == 1
    assert "Selesai: 2 pegawai" in dlg.lbl_hasil.text()


def test_print_preview_is_the_shared_one(qtbot, db, k, monkeypatch):
    ev_id = _final(db, k, k.staf)
    dilihat = []
    monkeypatch.setattr(
        dialog_mod,
        "tampilkan_pratinjau",
        lambda parent, pdf, nama, judul: dilihat.append((pdf, nama, judul)),
    )
    dlg = EvaluasiDialog(_ctx(db, k.kasi), k.staf.id, k.periode["TW1"].id)
    qtbot.addWidget(dlg)
    dlg.btn_cetak_dok.click()
    ((pdf, nama, _judul),) = dilihat
    assert pdf.startswith(b"%PDF") and nama.startswith("DokumenEvaluasi_") and ev_id
    from pypdf import PdfReader

    assert "DOKUMEN EVALUASI KINERJA PEGAWAI" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_bukti_dukung_opens_from_the_screen(qtbot, db, k, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    dibuka = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: dibuka.append(url.toString()))
    dlg = EvaluasiDialog(_ctx(db, k.kasi), k.staf.id, k.periode["TW1"].id)
    qtbot.addWidget(dlg)
    dlg.pohon.setCurrentItem(dlg.pohon.topLevelItem(0).child(0).child(0))
    dlg.daftar_bukti.setCurrentRow(0)
    dlg.btn_buka_bukti.click()
    assert dibuka == ["https://contoh.go.id/laporan.pdf"]


def test_recap_view_setting_kepala_unit_admin_only(qtbot, db, k, pesan, admin):
    from kinerja_desktop.services.pengaturan import kepala_unit_dihitung

    view = LaporanView(_ctx(db, k.camat))
    qtbot.addWidget(view)
    assert view.cek_kepala.isChecked() and not view.cek_kepala.isEnabled()
    view_admin = LaporanView(AppContext(db, admin))
    qtbot.addWidget(view_admin)
    view_admin.cb_periode.setCurrentIndex(view_admin.cb_periode.findData(k.periode["TW1"].id))
    view_admin.cb_unit.setCurrentIndex(view_admin.cb_unit.findData(k.seksi.id))
    assert view_admin.cek_kepala.isEnabled() and view_admin.tbl.rowCount() == 3
    view_admin.cek_kepala.setChecked(False)
    assert not run(db.session_factory, admin, kepala_unit_dihitung)
    assert view_admin.tbl.rowCount() == 2  # the kasi no longer counts in his own seksi


def test_recap_settings_open_in_their_own_dialog(qtbot, db, k, admin):
    """The distribution column has no room for the settings at 1366×768: they open from a
    button, and the column keeps only the table, the chart and the rules."""
    view = LaporanView(AppContext(db, admin))
    qtbot.addWidget(view)
    assert view.cek_kepala.window() is view.dlg_atur
    assert view.spin_final.window() is view.dlg_atur
    assert view.btn_atur.text() == "Pengaturan…"


def test_final_sebelum_periode_berakhir_meminta_alasan(qtbot, session, db, pesan, monkeypatch):
    from datetime import date

    k2 = kantor(session, tahun=date.today().year + 1)  # a period that has not ended yet
    session.commit()
    a = factories.actor_for(k2.kasi)
    d = run(db.session_factory, a, sv.buka_evaluasi, k2.staf.id, k2.periode["TW1"].id)
    run(db.session_factory, a, sv.simpan_evaluasi, d.evaluasi_id, rating_perilaku="SESUAI")
    dlg = EvaluasiDialog(_ctx(db, k2.kasi), k2.staf.id, k2.periode["TW1"].id)
    qtbot.addWidget(dlg)
    dlg.cb_hasil.setCurrentIndex(dlg.cb_hasil.findData("SESUAI"))
    ditanya: list[str] = []

    def jawab(_parent, judul, label, _teks):
        ditanya.append(f"{judul}: {label}")
        return ("Pegawai pindah tugas sebelum akhir triwulan", True)

    monkeypatch.setattr(QInputDialog, "getMultiLineText", jawab)
    dlg.btn_final.click()
    assert ditanya and "Finalisasi sebelum periode berakhir" in ditanya[0]
    assert "memerlukan alasan" in ditanya[0]
    assert dlg.detail.status == "FINAL"
    baris = dlg.tbl_riwayat.rowCount() - 1
    assert dlg.tbl_riwayat.item(baris, 3).text() == "Pegawai pindah tugas sebelum akhir triwulan"
