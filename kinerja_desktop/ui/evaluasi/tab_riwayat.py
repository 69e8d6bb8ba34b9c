"""The "Riwayat & Keberatan" tab of the evaluation dialog: the evaluation's history and its
objections with their decisions."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.status import StatusKeberatan
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.ui.evaluasi.widgets import LABEL_AKSI, esc, label_rating


class RiwayatTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        self.tbl_riwayat = QTableWidget(0, 4)
        self.tbl_riwayat.setHorizontalHeaderLabels(["Waktu", "Oleh", "Tindakan", "Alasan/Catatan"])
        self.tbl_riwayat.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tbl_riwayat.setColumnWidth(0, 140)
        self.tbl_riwayat.setColumnWidth(1, 180)
        self.tbl_riwayat.setColumnWidth(2, 170)
        self.tbl_riwayat.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tbl_riwayat.verticalHeader().setVisible(False)
        lay.addWidget(QLabel("Riwayat evaluasi:"))
        lay.addWidget(self.tbl_riwayat, 2)
        lay.addWidget(QLabel("Keberatan (PP 30/2019 Pasal 59):"))
        self.txt_keberatan = QTextBrowser()
        lay.addWidget(self.txt_keberatan, 1)

    def isi(self, d: sv.EvaluasiDetail) -> None:
        self.tbl_riwayat.setRowCount(len(d.riwayat))
        for r, row in enumerate(d.riwayat):
            for c, teks in enumerate(
                (
                    f"{row.waktu_kantor:%d-%m-%Y %H:%M}",
                    row.nama_pengguna,
                    LABEL_AKSI.get(row.aksi, row.aksi),
                    row.alasan or "",
                )
            ):
                self.tbl_riwayat.setItem(r, c, QTableWidgetItem(teks))
        if not d.keberatan:
            self.txt_keberatan.setHtml("<i>Tidak ada keberatan.</i>")
            return
        self.txt_keberatan.setHtml("".join(_keberatan_html(k) for k in d.keberatan))


def _keberatan_html(k: sv.KeberatanRow) -> str:
    diputus = k.status == StatusKeberatan.DIPUTUS
    s = (
        f"<p><b>Diajukan {k.diajukan_pada:%d-%m-%Y}</b>: {esc(k.alasan)}<br>"
        f"Status: <b>{'Sudah diputus' if diputus else 'Menunggu keputusan'}"
        "</b>"
    )
    if diputus:
        hasil = (
            "hasil tetap"
            if k.keputusan == "TETAP"
            else (
                "hasil diubah: rating hasil kerja "
                f"{label_rating(k.rating_hasil_kerja_baru)}, rating perilaku "
                f"{label_rating(k.rating_perilaku_baru)}"
            )
        )
        s += (
            f"<br>Keputusan atasan pejabat penilai ({k.diputus_oleh}, "
            f"{k.diputus_pada:%d-%m-%Y}): <b>{hasil}</b> — final."
            + (f"<br>Catatan: {esc(k.catatan_keputusan)}" if k.catatan_keputusan else "")
        )
    return s + "</p>"
