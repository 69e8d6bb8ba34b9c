"""Qt's standard buttons read Indonesian once the program's translator is installed."""

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from kinerja_desktop.ui.terjemahan import pasang_terjemahan_qt

SB = QMessageBox.StandardButton


def test_message_box_buttons_are_indonesian(qapp, qtbot):
    pasang_terjemahan_qt(qapp)
    box = QMessageBox(QMessageBox.Icon.Question, "Hapus", "Hapus data ini?", SB.Yes | SB.No)
    qtbot.addWidget(box)
    teks = sorted(b.text().replace("&", "") for b in box.buttons())
    assert teks == ["Tidak", "Ya"]


def test_dialog_button_box_is_indonesian(qapp, qtbot):
    pasang_terjemahan_qt(qapp)
    BB = QDialogButtonBox.StandardButton
    kotak = QDialogButtonBox(BB.Save | BB.Cancel | BB.Open | BB.Close)
    qtbot.addWidget(kotak)
    teks = {b.text().replace("&", "") for b in kotak.buttons()}
    assert teks == {"Simpan", "Batal", "Buka", "Tutup"}


def test_installing_twice_is_harmless(qapp):
    pasang_terjemahan_qt(qapp)
    pasang_terjemahan_qt(qapp)
