"""Qt's own button texts in Indonesian.

PySide6 ships no Indonesian translation of Qt, so the standard buttons of every message box
and dialog button box (Yes/No/Cancel/Save…) would read English. One translator, installed
once on the application, answers for them; the program's own texts are Indonesian already.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

# Qt's source texts (context QPlatformTheme) → Indonesian; "&" marks the keyboard accelerator.
TOMBOL_STANDAR: dict[str, str] = {
    "OK": "OK",
    "&Yes": "&Ya",
    "&No": "&Tidak",
    "Yes to &All": "Ya untuk &Semua",
    "N&o to All": "T&idak untuk Semua",
    "Cancel": "Batal",
    "&Cancel": "&Batal",
    "Save": "Simpan",
    "&Save": "&Simpan",
    "Save All": "Simpan Semua",
    "Open": "Buka",
    "&Open": "&Buka",
    "Close": "Tutup",
    "&Close": "&Tutup",
    "Apply": "Terapkan",
    "Discard": "Buang",
    "Don't Save": "Jangan Simpan",
    "Close without Saving": "Tutup tanpa Menyimpan",
    "Reset": "Atur Ulang",
    "Restore Defaults": "Kembalikan Bawaan",
    "Help": "Bantuan",
    "Abort": "Hentikan",
    "Retry": "Coba Lagi",
    "Ignore": "Abaikan",
}


class TerjemahanQt(QTranslator):
    """Answers Qt's standard button texts; everything else keeps its own text."""

    def translate(
        self, context: str, sourceText: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if context == "QPlatformTheme":
            return TOMBOL_STANDAR.get(sourceText, "")
        return ""

    def isEmpty(self) -> bool:
        return False


_terpasang: TerjemahanQt | None = None


def pasang_terjemahan_qt(app: QCoreApplication) -> None:
    """Install the translator once (kept referenced, or Qt would drop it)."""
    global _terpasang
    if _terpasang is None:
        _terpasang = TerjemahanQt()
        app.installTranslator(_terpasang)
