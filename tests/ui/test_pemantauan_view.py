"""pytest-qt: realisasi entry with an attachment, a week of daily progress with the
suggestion, a feedback exchange (penilai writes, pegawai replies), the import dialog, the board
and the periods dialog. Modal dialogs are monkeypatched so nothing blocks."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from kinerja_desktop.db.models import BuktiDukung, ProgresHarian, Realisasi, UmpanBalik
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.pemantauan import progres as progres_ui
from kinerja_desktop.ui.pemantauan.impor import DialogPratinjau
from kinerja_desktop.ui.pemantauan.view import PemantauanView
from tests.factories_pemantauan import kantor

PDF = b"%PDF-1.4\n% bukti\n1 0 obj <<>> endobj\n%%EOF\n"
SAMPLES = Path(__file__).parents[1] / "exchange" / "samples"


def _minggu_lalu() -> date:
    """Monday of a past week whose weekdays fall in one year."""
    senin = pm.awal_minggu(date.today()) - timedelta(days=14)
    while senin.year != (senin + timedelta(days=4)).year:
        senin -= timedelta(days=7)
    return senin


@pytest.fixture
def pesan(monkeypatch):
    """Record QMessageBox calls instead of showing them; 'question' answers Yes."""
    catatan: list[tuple[str, str]] = []

    def rekam(jenis):
        def f(_parent, judul, teks, *a, **k):
            catatan.append((jenis, f"{judul}: {teks}"))
            return (
                QMessageBox.StandardButton.Yes
                if jenis == "question"
                else (QMessageBox.StandardButton.Ok)
            )

        return f

    for jenis in ("information", "warning", "question", "critical"):
        monkeypatch.setattr(QMessageBox, jenis, rekam(jenis))
    return catatan


@pytest.fixture
def k(session):
    return kantor(session, _minggu_lalu().year)


def _view(qtbot, db, actor: Actor, tahun: int) -> PemantauanView:
    v = PemantauanView(AppContext(db, actor))
    qtbot.addWidget(v)
    v.resize(1280, 800)
    v.tahun.setValue(tahun)
    return v


def _pilih_iki(v: PemantauanView, kode: str) -> int:
    t = v.realisasi.tabel
    for r in range(t.rowCount()):
        if t.item(r, 0) and t.item(r, 0).text() == kode and r in v.realisasi._baris:
            t.selectRow(r)
            return r
    raise AssertionError(kode)


def test_realisasi_entry_with_attachment(qtbot, db, session, k, tmp_path, monkeypatch, pesan):
    v = _view(qtbot, db, k.a_pegawai, k.skp.tahun)
    i = v.periode.findData(k.tw1.id)
    v.periode.setCurrentIndex(i)
    v.periode.activated.emit(i)
    assert v.halaman.periode_aktif.id == k.tw1.id
    tab = v.realisasi
    _pilih_iki(v, "1.1")
    qtbot.keyClicks(tab.nilai, "3")
    assert "25,0%" in tab.capaian.text()  # shown while typing
    tab.nilai.setText("3,5x")
    assert "bukan angka" in tab.capaian.text()
    tab.nilai.setText("9")
    assert "75,0%" in tab.capaian.text()
    qtbot.mouseClick(tab.b_simpan, Qt.MouseButton.LeftButton)
    r = _pilih_iki(v, "1.1")
    assert tab.tabel.item(r, 3).text() == "9 laporan" and tab.tabel.item(r, 4).text() == "75,0%"

    bukti = tmp_path / "Laporan TW1.pdf"
    bukti.write_bytes(PDF)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **kw: ([str(bukti)], ""))
    qtbot.mouseClick(tab.b_berkas, Qt.MouseButton.LeftButton)
    _pilih_iki(v, "1.1")
    assert tab.daftar_bukti.count() == 1
    assert "Laporan TW1.pdf" in tab.daftar_bukti.item(0).text()
    assert tab.tabel.item(r, 6).text() == "1"
    # the stored copy lives in the database's evidence folder
    session.rollback()
    row = session.query(BuktiDukung).one()
    assert (db.folder_bukti / row.sha256[:2] / row.sha256).read_bytes() == PDF

    dibuka = []
    monkeypatch.setattr(
        "kinerja_desktop.ui.pemantauan.realisasi.QDesktopServices.openUrl",
        lambda url: dibuka.append(url) or True,
    )
    tab.daftar_bukti.setCurrentRow(0)
    qtbot.mouseClick(tab.b_buka, Qt.MouseButton.LeftButton)
    assert dibuka and Path(dibuka[0].toLocalFile()).read_bytes() == PDF

    keluar = tmp_path / "salinan.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(keluar), ""))
    qtbot.mouseClick(tab.b_simpan_sbg, Qt.MouseButton.LeftButton)
    assert keluar.read_bytes() == PDF

    monkeypatch.setattr(
        QInputDialog, "getText", lambda *a, **kw: ("https://drive.google.com/x", True)
    )
    qtbot.mouseClick(tab.b_tautan, Qt.MouseButton.LeftButton)
    _pilih_iki(v, "1.1")
    assert tab.daftar_bukti.count() == 2

    tab.daftar_bukti.setCurrentRow(0)
    qtbot.mouseClick(tab.b_hapus, Qt.MouseButton.LeftButton)
    _pilih_iki(v, "1.1")
    assert tab.daftar_bukti.count() == 1
    assert not [p for p in pesan if p[0] == "warning"]


def test_penilai_reads_only(qtbot, db, session, k, pesan):
    v = _view(qtbot, db, k.a_atasan, k.skp.tahun)
    i = v.pegawai.findData(k.pegawai.id)
    v.pegawai.setCurrentIndex(i)
    v.pegawai.activated.emit(i)
    assert v.halaman.pegawai_id == k.pegawai.id
    _pilih_iki(v, "1.1")
    assert not v.realisasi.b_simpan.isEnabled() and not v.realisasi.b_berkas.isEnabled()
    assert "Hanya pegawai" in v.realisasi.info_form.text()


def test_week_of_daily_progress_and_suggestion(qtbot, db, session, k, pesan, monkeypatch):
    senin = _minggu_lalu()
    v = _view(qtbot, db, k.a_pegawai, senin.year)
    tab = v.progres
    v.tabs.setCurrentWidget(tab)
    tab.atur_acuan(senin)
    tab.muat_ulang()
    assert tab.judul.text().startswith(f"Minggu {senin:%d-%m-%Y}")
    qtbot.mouseClick(tab.b_cepat, Qt.MouseButton.LeftButton)
    t = tab.tabel
    assert t.rowCount() == 5
    for r in range(5):
        assert (
            t.cellWidget(r, progres_ui.K_TANGGAL).currentData()
            == (senin + timedelta(days=r)).isoformat()
        )
        t.item(r, progres_ui.K_URAIAN).setText(f"Menyusun laporan hari ke-{r + 1}")
        kode = t.cellWidget(r, progres_ui.K_KODE)
        kode.setCurrentIndex(kode.findData(f"iki:{k.iki[0].id}"))
        t.item(r, progres_ui.K_KUANTITAS).setText("1")
    qtbot.mouseClick(tab.b_simpan, Qt.MouseButton.LeftButton)
    session.rollback()
    assert session.query(ProgresHarian).count() == 5
    assert tab.tabel.rowCount() == 5 and "5 kegiatan" in tab.ringkasan.text()
    assert all(p.indikator_id == k.iki[0].id for p in session.query(ProgresHarian))

    # a broken row is reported and nothing is saved
    qtbot.mouseClick(tab.b_tambah, Qt.MouseButton.LeftButton)
    t.item(5, progres_ui.K_URAIAN).setText("Tanpa RHK")
    qtbot.mouseClick(tab.b_simpan, Qt.MouseButton.LeftButton)
    assert pesan[-1][0] == "warning" and "Baris 6 (RHK)" in pesan[-1][1]
    session.rollback()
    assert session.query(ProgresHarian).count() == 5

    # month view is read-only and lists the same entries
    tab.mode.setCurrentIndex(1)
    assert not tab.b_simpan.isVisible() or not tab.b_simpan.isEnabled()
    assert tab.tabel.rowCount() >= 5

    # suggestion for the period of that week: accept it as realisasi
    periode = next(p for p in v.halaman.periode if p.mulai <= senin <= p.selesai)
    i = v.periode.findData(periode.id)
    v.periode.setCurrentIndex(i)
    v.periode.activated.emit(i)
    monkeypatch.setattr(progres_ui.DialogSaran, "exec", lambda self: QDialog.DialogCode.Accepted)
    tab._sarankan()
    session.rollback()
    r = session.query(Realisasi).filter_by(indikator_id=k.iki[0].id, periode_id=periode.id).one()
    assert r.nilai == 5 and r.status == "DRAF"


def test_feedback_exchange(qtbot, db, session, k, pesan):
    # the penilai writes, choosing a standard phrase
    v = _view(qtbot, db, k.a_atasan, k.skp.tahun)
    i = v.pegawai.findData(k.pegawai.id)
    v.pegawai.setCurrentIndex(i)
    v.pegawai.activated.emit(i)
    _pilih_iki(v, "1.2")
    panel = v.realisasi.panel_ub
    assert v.realisasi.sasaran.currentText() == "IKI 1.2"
    assert panel.tujuan.currentData() == -1  # new thread
    panel.frasa.setCurrentIndex(1)
    panel.frasa.activated.emit(1)
    frasa = panel.teks.toPlainText()
    assert frasa
    qtbot.keyClicks(panel.teks, " Mohon segera.")
    qtbot.mouseClick(panel.kirim, Qt.MouseButton.LeftButton)
    _pilih_iki(v, "1.2")
    assert "Mohon segera." in panel.tampilan.toPlainText()

    # the pegawai sees it next to the IKI and replies
    w = _view(qtbot, db, k.a_pegawai, k.skp.tahun)
    r = _pilih_iki(w, "1.2")
    assert w.realisasi.tabel.item(r, 7).text() == "1 pesan"
    p2 = w.realisasi.panel_ub
    assert p2.tujuan.count() == 1 and "Balas utas 1" in p2.tujuan.currentText()
    qtbot.keyClicks(p2.teks, "Baik, segera saya lengkapi.")
    qtbot.mouseClick(p2.kirim, Qt.MouseButton.LeftButton)
    _pilih_iki(w, "1.2")
    teks = p2.tampilan.toPlainText()
    assert teks.index("Mohon segera.") < teks.index("Baik, segera saya lengkapi.")
    assert "(Pegawai)" in teks and "(Pejabat Penilai)" in teks
    session.rollback()
    rows = session.query(UmpanBalik).order_by(UmpanBalik.waktu).all()
    assert [u.penulis_id for u in rows] == [k.atasan.id, k.pegawai.id]
    assert rows[1].induk_id == rows[0].id and rows[1].indikator_id == k.iki[1].id

    # feedback on a BerAKHLAK value from the same panel
    v.refresh()
    _pilih_iki(v, "1.1")
    j = v.realisasi.sasaran.findData("nilai_perilaku:AKUNTABEL")
    v.realisasi.sasaran.setCurrentIndex(j)
    qtbot.keyClicks(v.realisasi.panel_ub.teks, "Jujur dan cermat.")
    qtbot.mouseClick(v.realisasi.panel_ub.kirim, Qt.MouseButton.LeftButton)
    session.rollback()
    assert session.query(UmpanBalik).filter_by(nilai_perilaku="AKUNTABEL").count() == 1


def test_import_dialog_and_board(qtbot, db, session, pesan, monkeypatch):
    k = kantor(session, 2025)
    k.pegawai.nip = "198005172005031001"
    session.commit()
    v = _view(qtbot, db, k.a_pegawai, 2025)
    v.tabs.setCurrentWidget(v.impor)
    dialog = []

    def exec_(self):
        dialog.append(self)
        return (
            QDialog.DialogCode.Accepted
            if self.b_terapkan.isEnabled()
            else (QDialog.DialogCode.Rejected)
        )

    monkeypatch.setattr(DialogPratinjau, "exec", exec_)
    assert not v.impor.impor("PROGRES", str(SAMPLES / "progres_rusak.xlsx"))
    assert not dialog[-1].b_terapkan.isEnabled()
    assert dialog[-1].tabel_masalah.rowCount() == 9
    assert dialog[-1].tabel_masalah.item(0, 1).text() == "NIP"
    assert v.impor.impor("PROGRES", str(SAMPLES / "progres_baik.xlsx"))
    session.rollback()
    assert session.query(ProgresHarian).count() == 5

    # template download
    tujuan = Path(db.path).parent / "templat.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(tujuan), ""))
    v.impor._templat("PROGRES")
    assert tujuan.exists()

    # the atasan's board shows the pegawai with his state
    w = _view(qtbot, db, k.a_atasan, 2025)
    assert w.tabs.isTabVisible(w.tabs.indexOf(w.papan))
    w.tabs.setCurrentWidget(w.papan)
    assert w.papan.tabel.rowCount() == 1
    assert w.papan.tabel.item(0, 2).text().startswith("Belum mulai")
    assert w.papan.tabel_belum.rowCount() >= 1
    ekspor = Path(db.path).parent / "belum.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **kw: (str(ekspor), ""))
    w.papan._ekspor()
    assert ekspor.exists()
    # a pegawai without subordinates has no board tab
    assert not v.tabs.isTabVisible(v.tabs.indexOf(v.papan))


def test_periods_dialog(qtbot, db, session, pesan):
    from kinerja_desktop.ui.pemantauan.periode_dialog import PeriodeDialog

    admin = Actor("operator", peran=frozenset({Peran.ADMIN}))
    k = kantor(session, 2025)
    d = PeriodeDialog(AppContext(db, admin), 2025)
    qtbot.addWidget(d)
    assert d.tabel.rowCount() == 4
    d.tabel.cellWidget(0, 4).setDate(date(2025, 4, 25))
    d._simpan()
    session.rollback()
    from kinerja_desktop.db.models import Periode

    assert session.get(Periode, k.tw1.id).batas_pengisian == date(2025, 4, 25)
    # a year without data can switch to bulanan
    d.tahun.setValue(2027)
    d.jenis.setCurrentIndex(d.jenis.findData("BULANAN"))
    d._terapkan()
    assert d.tabel.rowCount() == 12
