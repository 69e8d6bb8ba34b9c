"""Labels and small builders shared by the evaluation screens: state, action, rating and
predikat labels, the rating combo boxes and the feedback thread as HTML."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox

from kinerja_desktop.domain.predikat import Predikat, Rating
from kinerja_desktop.domain.status import StatusEvaluasi
from kinerja_desktop.services import evaluasi as sv


def label_status(status: str) -> str:
    """The state as the evaluation form and its lists show it (a final one is locked)."""
    keadaan = StatusEvaluasi.dari(status)
    return keadaan.label_lengkap if keadaan is not None else status


LABEL_AKSI = {
    "DIBUAT": "Evaluasi dimulai",
    StatusEvaluasi.FINAL: "Difinalkan",  # the history records reaching the state
    "DIBUKA": "Dibuka kembali",
    "KEBERATAN": "Keberatan diajukan",
    "KEBERATAN_DIPUTUS": "Keberatan diputus",
}


def label_rating(v: str | None) -> str:
    return Rating(v).label if v else "-"


def label_predikat(v: str | None) -> str:
    return Predikat(v).label if v else "-"


def isi_rating(combo: QComboBox, kosong: str = "— pilih —") -> None:
    combo.addItem(kosong, None)
    for r in Rating:
        combo.addItem(r.label, r.value)


def pilih(combo: QComboBox, nilai: str | None) -> None:
    i = combo.findData(nilai)
    combo.setCurrentIndex(max(i, 0))


def thread_html(thread: Sequence[sv.UmpanBalikRow]) -> str:
    if not thread:
        return "<i>Belum ada umpan balik.</i>"
    bagian = []
    for u in thread:
        indent = "margin-left:18px;" if u.induk_id else ""
        bagian.append(
            f"<p style='{indent}'><b>{u.penulis}</b> "
            f"<span style='color:#6b7280'>{u.waktu_kantor:%d-%m-%Y %H:%M}</span><br>"
            f"{esc(u.teks)}</p>"
        )
    return "".join(bagian)


def esc(teks: str | None) -> str:
    return (teks or "").replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>")
