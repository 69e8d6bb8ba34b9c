"""Guards against a Qt binding that corrupts the interpreter.

PySide6 6.12.0 releases a reference to None on every call that returns nothing. On Python
3.11 (where None is not immortal) a long session then crashes the program ("deallocating
None"). pyproject.toml excludes that release; this test catches the next such one.
"""

from __future__ import annotations

import sys

import pytest


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_keep_none_alive(qtbot):
    from PySide6.QtWidgets import QComboBox

    combo = QComboBox()
    qtbot.addWidget(combo)
    before = sys.getrefcount(None)
    for i in range(500):
        combo.addItem(f"butir {i}", i)
        combo.setEnabled(True)
    assert sys.getrefcount(None) - before > -50
