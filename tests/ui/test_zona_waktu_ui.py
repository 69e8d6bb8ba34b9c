"""The office's time zone is chosen in the first-start wizard and changed in Identitas kantor."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QWizard

from kinerja_desktop.domain.zona_waktu import ZonaWaktu
from kinerja_desktop.services import akun as svc
from kinerja_desktop.services import waktu
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.akun.dialogs import IdentitasDialog
from kinerja_desktop.ui.akun.wizard import WizardPertama

SANDI = "Kantor#Merauke2025"


@pytest.fixture(autouse=True)
def _hash_cepat(monkeypatch):
    from argon2 import PasswordHasher

    monkeypatch.setattr(svc, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def _zona(db) -> ZonaWaktu:
    with db.session_factory() as s:
        return waktu.zona_kantor(s)


def test_wizard_chooses_the_zone_and_the_admin_changes_it(qtbot, db):
    wiz = WizardPertama(db)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.next()
    wiz.admin.sandi.setText(SANDI)
    wiz.admin.ulangi.setText(SANDI)
    wiz.next()
    form = wiz.kantor.form
    assert [form.zona.itemData(i) for i in range(form.zona.count())] == list(ZonaWaktu)
    assert "UTC+8" in form.zona.itemText(1)
    form.instansi.setText("PEMERINTAH KOTA MAKASSAR")
    form.tempat.setText("Makassar")
    form.zona.setCurrentIndex(list(ZonaWaktu).index(ZonaWaktu.WITA))
    wiz.button(QWizard.WizardButton.FinishButton).click()
    assert wiz.result() == QDialog.DialogCode.Accepted and wiz.actor is not None
    assert _zona(db) is ZonaWaktu.WITA

    dlg = IdentitasDialog(AppContext(db, wiz.actor))
    qtbot.addWidget(dlg)
    assert dlg.isian.zona_terpilih is ZonaWaktu.WITA
    dlg.isian.zona.setCurrentIndex(list(ZonaWaktu).index(ZonaWaktu.WIT))
    dlg.simpan()
    assert _zona(db) is ZonaWaktu.WIT
