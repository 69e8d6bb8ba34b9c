"""pytest-qt: the revision flow in the windows. The pegawai makes and submits a revision, takes
it back (Tarik kembali) and submits it again; while it waits, Pemantauan keeps revision 0 and
shows the pending revision beside it; the penilai reads the Perubahan tab and ditetapkan it;
the monitoring of TW1 is unchanged afterwards."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.uow import run
from kinerja_desktop.services.waktu import jam_tetap
from kinerja_desktop.ui.pemantauan.view import PemantauanView
from kinerja_desktop.ui.skp import dialogs
from kinerja_desktop.ui.skp.editor import SkpEditor
from tests.factories_pemantauan import kantor

H = date(2025, 4, 2)


@pytest.fixture
def pesan(monkeypatch):
    tercatat: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **kw: tercatat.append(a[2]))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **kw: tercatat.append(a[2]))
    monkeypatch.setattr(dialogs, "konfirmasi", lambda *a, **kw: True)
    monkeypatch.setattr(dialogs, "minta_teks", lambda *a, **kw: "Tugas baru dari camat")
    return tercatat


def _tw1(qtbot, db, k) -> PemantauanView:
    v = PemantauanView(AppContext(db, k.a_pegawai))
    qtbot.addWidget(v)
    v.resize(1366, 768)
    v.tahun.setValue(2025)
    i = v.periode.findData(k.tw1.id)
    v.periode.setCurrentIndex(i)
    v.periode.activated.emit(i)
    return v


def _isi_realisasi(v: PemantauanView) -> list[str]:
    t = v.realisasi.tabel
    return [t.item(r, 3).text() for r in sorted(v.realisasi._baris)]


def test_revision_flow_in_the_windows(qtbot, db, session, pesan):
    k = kantor(session)
    a = k.a_pegawai
    for iki, nilai in zip(k.iki[:2], ("3", "95"), strict=True):
        run(db.session_factory, a, pm.simpan_realisasi, iki.id, k.tw1.id, nilai, hari_ini=H)
    run(db.session_factory, a, pm.simpan_realisasi, k.iki[2].id, k.tw1.id, None, "Dua kali",
        hari_ini=H)  # fmt: skip

    with jam_tetap(datetime(2025, 4, 7, 2)):
        # the pegawai makes the revision from his SKP, changes a target, drops RHK 2, submits
        ed = SkpEditor(AppContext(db, a))
        qtbot.addWidget(ed)
        ed.resize(1366, 700)
        ed.tampilkan(k.skp.id)
        assert ed.b_revisi.isVisibleTo(ed)
        ed.b_revisi.click()
        rev = ed.detail.skp.id
        assert rev != k.skp.id and ed.detail.skp.revisi == 1
        i12 = ed.detail.rhk[0].indikator[1]
        run(db.session_factory, a, svc.ubah_indikator, i12.id, i12.uraian, i12.aspek, 90, "%")
        run(db.session_factory, a, svc.hapus_rhk, ed.detail.rhk[1].id)
        ed.tampilkan(rev)
        ed.b_ajukan.click()
        assert ed.detail.skp.status == svc.DIAJUKAN
        # Tarik kembali: back to Draf, then submitted again
        assert ed.b_tarik.isVisibleTo(ed) and not ed.b_tambah_rhk.isEnabled()
        ed.b_tarik.click()
        assert ed.detail.skp.status == svc.DRAF and not ed.b_tarik.isVisibleTo(ed)
        assert ed.tabel_riwayat.item(0, 2).text() == "Diajukan → Draf"
        assert ed.tabel_riwayat.item(0, 3).text() == "Ditarik kembali oleh pegawai"
        ed.b_ajukan.click()
        assert ed.detail.skp.status == svc.DIAJUKAN

    with jam_tetap(datetime(2025, 4, 10, 2)):
        # monitoring keeps revision 0 and names the pending revision
        v = _tw1(qtbot, db, k)
        assert v.halaman.skp_id == k.skp.id
        assert _isi_realisasi(v) == ["3 laporan", "95 %", "Dua kali"]
        assert "Revisi 1 menunggu penetapan" in v.info.text()

        # the penilai sees the difference before deciding
        pe = SkpEditor(AppContext(db, k.a_atasan))
        qtbot.addWidget(pe)
        pe.resize(1366, 700)
        pe.tampilkan(rev)
        idx = pe.tab.indexOf(pe.tab_perubahan)
        assert pe.tab.isTabVisible(idx) and pe.tab.tabText(idx) == "Perubahan •"
        assert "1 IKI berubah" in pe.pesan.text() and "1 IKI berakhir" in pe.pesan.text()
        baris = {}
        for n in range(pe.pohon_beda.topLevelItemCount()):
            rhk = pe.pohon_beda.topLevelItem(n)
            for c in range(rhk.childCount()):
                it = rhk.child(c)
                baris[it.text(0)] = (it.text(1), it.text(2), it.text(3))
        assert baris["Persentase laporan tanpa koreksi"] == ("Berubah", "100 %", "90 %")
        assert baris["Jumlah laporan keuangan bulanan"][0] == "Berlanjut"
        assert baris["Kualitas pembinaan bendahara"][0] == "Berakhir"
        assert pe.b_tetapkan.isVisibleTo(pe)

    with jam_tetap(datetime(2025, 4, 15, 2)):
        pe.b_tetapkan.click()
        assert pe.detail.skp.status == svc.DITETAPKAN

    with jam_tetap(datetime(2025, 5, 1, 2)):
        # TW1 is unchanged after the penetapan; TW2 is revision 1
        v = _tw1(qtbot, db, k)
        assert v.halaman.skp_id == k.skp.id
        assert _isi_realisasi(v) == ["3 laporan", "95 %", "Dua kali"]
        assert "menunggu penetapan" not in v.info.text()
        i = v.periode.findData(k.periode[1].id)
        v.periode.setCurrentIndex(i)
        v.periode.activated.emit(i)
        assert v.halaman.skp_id == rev and "SKP revisi 1" in v.info.text()
    assert not pesan
