"""pytest-qt: the operator records an outside official, chooses him as the Camat's penilai in
the assignment dialog, sees the Camat among those he enters evaluations for, and records a
keberatan decision from the outside atasan's letter."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from kinerja_desktop.db.models import Keberatan, PenugasanPenilai
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import keberatan as kb
from kinerja_desktop.services import organisasi as org
from kinerja_desktop.services import pejabat_luar as luar
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.uow import run
from kinerja_desktop.ui.evaluasi.keberatan_luar import KeputusanSuratDialog
from kinerja_desktop.ui.evaluasi.view import EvaluasiView
from kinerja_desktop.ui.pegawai.dialogs import PenugasanDialog, PilihPegawaiDialog
from kinerja_desktop.ui.pegawai.pejabat_luar import PejabatLuarDialog, PejabatLuarFormDialog
from kinerja_desktop.ui.pegawai.view import PegawaiView
from tests import factories
from tests.data_evaluasi import kantor

ADMIN = Actor("admin", 1, None, frozenset({Peran.ADMIN}))


@pytest.fixture
def k(session):
    data = kantor(session)
    session.commit()
    return data


@pytest.fixture
def ctx(db):
    return AppContext(db, ADMIN)


@pytest.fixture(autouse=True)
def pesan(monkeypatch):
    dicatat: list[str] = []
    for nama in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, nama, lambda *a, **kw: dicatat.append(a[2]))
    return dicatat


def _isi(dlg: PejabatLuarFormDialog, **nilai: str) -> None:
    for kunci, teks in nilai.items():
        dlg.isian[kunci].setText(teks)


def _sekda(qtbot, ctx) -> luar.PejabatLuarRow:
    dlg = PejabatLuarFormDialog(ctx, None)
    qtbot.addWidget(dlg)
    _isi(
        dlg,
        gelar_depan="Dr. H.",
        nama="Hasbullah Yunus",
        gelar_belakang="S.E., M.M.",
        nip="19680312 199403 1 005",
        jabatan="Sekretaris Daerah",
        unit_kerja="Sekretariat Daerah",
        instansi="Pemerintah Kabupaten Tebo",
    )
    dlg.golongan.setCurrentIndex(dlg.golongan.findData("IV/c"))
    dlg.simpan()
    assert dlg.result() == PejabatLuarFormDialog.DialogCode.Accepted and dlg.hasil is not None
    return dlg.hasil


def test_the_operator_adds_lists_and_corrects_an_outside_official(qtbot, db, k, ctx, pesan):
    view = PegawaiView(ctx)
    qtbot.addWidget(view)
    assert not view.btn_luar.isHidden()
    sekda = _sekda(qtbot, ctx)
    assert sekda.pangkat_golongan == "Pembina Utama Muda, IV/c"
    daftar = PejabatLuarDialog(ctx)
    qtbot.addWidget(daftar)
    assert daftar.tabel.rowCount() == 1
    assert daftar.tabel.item(0, 1).text() == "19680312 199403 1 005"
    assert daftar.tabel.item(0, 4).text() == "Pemerintah Kabupaten Tebo"
    # a missing instansi is shown beside its field and nothing is saved
    ubah = PejabatLuarFormDialog(ctx, sekda)
    qtbot.addWidget(ubah)
    assert ubah.isian["nip"].text() == "196803121994031005"
    ubah.isian["instansi"].setText("")
    ubah.simpan()
    assert (
        ubah.form.error("instansi") and ubah.result() != PejabatLuarFormDialog.DialogCode.Accepted
    )
    ubah.isian["instansi"].setText("Pemerintah Kabupaten Tebo")
    ubah.isian["nip"].setText("")  # he has no NIP after all
    ubah.simpan()
    daftar.muat()
    assert daftar.tabel.item(0, 1).text() == "tanpa NIP"
    daftar.tabel.setCurrentCell(0, 0)
    daftar.ubah_aktif()
    assert daftar.tabel.item(0, 5).text() == "Nonaktif" and daftar.btn_aktif.text() == "Aktifkan"
    # the roster does not show him: the six pegawai of the office only
    view.refresh()
    qtbot.waitUntil(lambda: view.model.total == 6)
    assert pesan == []


def test_the_assignment_dialog_offers_outside_officials(qtbot, db, k, ctx, pesan):
    sekda = _sekda(qtbot, ctx)
    pilih = PilihPegawaiDialog(ctx, "Pilih pejabat penilai", k.camat.id, dengan_luar=True)
    qtbot.addWidget(pilih)
    assert not pilih.luar.isHidden()
    nama_kantor = [pilih.daftar.item(i).text() for i in range(pilih.daftar.count())]
    assert not any("Hasbullah" in n for n in nama_kantor)
    pilih.luar.setChecked(True)
    assert pilih.daftar.count() == 1
    assert "Pemerintah Kabupaten Tebo" in pilih.daftar.item(0).text()
    assert pilih.pilihan().id == sekda.id

    dlg = PenugasanDialog(ctx, k.camat.id, sementara=False)
    qtbot.addWidget(dlg)
    dlg.penilai.set_pegawai(pilih.pilihan())
    assert "Hasbullah Yunus" in dlg.penilai.label.text()
    dlg.mulai.setDate(QDate(2025, 1, 1))
    dlg.simpan()
    assert pesan == []
    with db.session_factory() as s:
        assert org.penilai_pada(s, k.camat.id, date(2025, 3, 31)) == sekda.id
        assert s.scalar(select(PenugasanPenilai.id).where(PenugasanPenilai.penilai_id == sekda.id))

    # the operator now sees the Camat among those he enters evaluations for
    view = EvaluasiView(ctx)
    qtbot.addWidget(view)
    view.cb_periode.setCurrentIndex(view.cb_periode.findData(k.periode["TW1"].id))
    view.muat()
    nama = [view.tbl_dinilai.item(r, 1).text() for r in range(view.tbl_dinilai.rowCount())]
    assert any("Hendra Gunawan" in n for n in nama) and not any("Hasbullah" in n for n in nama)


def test_a_keberatan_for_an_outside_atasan_is_recorded_from_the_letter(
    qtbot, db, k, ctx, pesan, tmp_path
):
    sekda = _sekda(qtbot, ctx)
    run(db.session_factory, ADMIN, org.tetapkan_penilai, k.camat.id, sekda.id, date(2025, 1, 1))
    camat = factories.actor_for(k.camat)
    tw1 = k.periode["TW1"].id
    run(db.session_factory, camat, sv.tetapkan_predikat_organisasi, k.seksi.id, tw1, "BAIK")
    d = run(db.session_factory, camat, sv.buka_evaluasi, k.kasi.id, tw1)
    run(db.session_factory, camat, sv.simpan_evaluasi, d.evaluasi_id, rating_perilaku="DI_BAWAH")
    run(
        db.session_factory,
        camat,
        sv.finalkan_evaluasi,
        d.evaluasi_id,
        pada=datetime(2025, 4, 10, 9),
    )
    run(
        db.session_factory,
        factories.actor_for(k.kasi),
        kb.ajukan_keberatan,
        d.evaluasi_id,
        "Perilaku kerja saya tidak pernah ditegur selama triwulan ini.",
        hari_ini=date(2025, 4, 14),
    )
    view = EvaluasiView(ctx)
    qtbot.addWidget(view)
    assert view.tbl_keberatan.rowCount() == 1 and view.tabs.tabText(2).endswith("(1)")
    view.tbl_keberatan.setCurrentCell(0, 1)
    dlg = view.catat_keputusan_surat(view.tbl_keberatan.item(0, 1).data(Qt.ItemDataRole.UserRole))
    qtbot.addWidget(dlg)
    # nothing chosen yet: the missing fields are marked, nothing is written
    dlg.isi.setCurrentIndex(dlg.isi.findData("SEBAGIAN"))
    dlg.simpan()
    assert dlg.form.error("nomor")
    surat = tmp_path / "surat_sekda.pdf"
    surat.write_bytes(b"%PDF-1.4\n% surat\n")
    dlg.nomor.setText("800/123/SETDA/2025")
    dlg.tanggal.setDate(QDate(2025, 4, 20))
    dlg.set_berkas(surat)
    dlg.cb_perilaku.setCurrentIndex(dlg.cb_perilaku.findData("SESUAI"))
    assert dlg.lbl_predikat.text() == "Baik"
    dlg.simpan()
    assert pesan == [] and dlg.result() == KeputusanSuratDialog.DialogCode.Accepted
    with db.session_factory() as s:
        kr = s.scalar(select(Keberatan))
        assert kr.status == "DIPUTUS" and kr.keputusan == "DIUBAH" and kr.surat_sha256
        assert kr.diputus_oleh_id == sekda.id
