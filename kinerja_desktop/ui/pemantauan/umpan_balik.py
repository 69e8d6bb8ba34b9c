"""The feedback thread panel shown next to an IKI (or RHK / BerAKHLAK value)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services import umpan_balik as ub
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.umpan_balik import UtasRingkas
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.pemantauan.widgets import tombol

BARU = -1


BARU_HTML = "<span style='color:#b00020; font-weight:bold'>● baru</span> "


def html_utas(utas: list[UtasRingkas], baru: frozenset[int] = frozenset()) -> str:
    """The threads as HTML; messages whose id is in ``baru`` are marked unread."""
    if not utas:
        return "<p style='color:#666'>Belum ada umpan balik.</p>"
    bagian = []
    for i, u in enumerate(utas, start=1):
        n_baru = sum(p.id in baru for p in u.pesan)
        tanda = f" <span style='color:#b00020'>({n_baru} baru)</span>" if n_baru else ""
        bagian.append(f"<p style='margin:8px 0 2px 0; color:#555'><b>Utas {i}</b>{tanda}</p>")
        for p in u.pesan:
            warna = "#eef4fb" if p.peran == ub.PERAN_PENILAI else "#f3f8ef"
            geser = "0" if p.induk_id is None else "18px"
            bagian.append(
                f"<div style='background:{warna}; margin:2px 0 4px {geser}; padding:4px 6px'>"
                f"{BARU_HTML if p.id in baru else ''}"
                f"<span style='color:#333'><b>{escape(p.penulis_nama)}</b> "
                f"<span style='color:#666'>({escape(p.peran)}) · {ub.format_waktu(p.waktu_kantor)}"
                f"</span></span><br>{escape(p.teks).replace(chr(10), '<br>')}</div>"
            )
    return "".join(bagian)


class UmpanBalikPanel(QWidget):
    """Threads of one target; the penilai starts a thread, both sides reply."""

    terkirim = Signal()
    dibaca = Signal(list)  # ids of the threads just shown (now read)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.skp_id: int | None = None
        self.periode_id: int | None = None
        self.sasaran: dict = {}
        self.boleh_mulai = False
        self.boleh_balas = False
        self._utas: list[UtasRingkas] = []

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        self.judul = QLabel("Umpan balik")
        self.judul.setStyleSheet("font-weight: bold;")
        self.judul.setWordWrap(True)
        lay.addWidget(self.judul)
        self.tampilan = QTextBrowser()
        self.tampilan.setMinimumHeight(140)
        self.tampilan.setOpenLinks(False)
        lay.addWidget(self.tampilan, 1)
        baris = QHBoxLayout()
        baris.addWidget(QLabel("Tulis ke:"))
        self.tujuan = QComboBox()
        self.tujuan.setMinimumWidth(200)
        baris.addWidget(self.tujuan, 1)
        lay.addLayout(baris)
        baris2 = QHBoxLayout()
        baris2.addWidget(QLabel("Frasa baku:"))
        self.frasa = QComboBox()
        self.frasa.setMinimumWidth(200)
        self.frasa.activated.connect(self._pakai_frasa)
        baris2.addWidget(self.frasa, 1)
        lay.addLayout(baris2)
        self.teks = QPlainTextEdit()
        self.teks.setPlaceholderText("Tulis umpan balik atau balasan…")
        self.teks.setFixedHeight(64)
        lay.addWidget(self.teks)
        tb = QHBoxLayout()
        tb.addStretch(1)
        self.kirim = tombol("Kirim", self._kirim)
        tb.addWidget(self.kirim)
        lay.addLayout(tb)
        self._frasa_dimuat = False
        self.setEnabled(False)

    def _muat_frasa(self) -> None:
        if self._frasa_dimuat:
            return
        self.frasa.clear()
        self.frasa.addItem("— pilih frasa untuk disisipkan —", None)
        frasa = jalankan(self, self.ctx, ub.daftar_frasa)
        for _id, kat, teks in frasa if frasa is not GAGAL else []:
            self.frasa.addItem(f"[{ub.KATEGORI_FRASA.get(kat, kat)}] {teks}", teks)
        self._frasa_dimuat = True

    def tampilkan(
        self,
        judul: str,
        skp_id: int | None,
        periode_id: int | None,
        sasaran: dict,
        utas: list[UtasRingkas],
        *,
        boleh_mulai: bool,
        boleh_balas: bool,
    ) -> None:
        self.skp_id, self.periode_id, self.sasaran = skp_id, periode_id, sasaran
        self.boleh_mulai, self.boleh_balas = boleh_mulai, boleh_balas
        self._utas = list(utas)
        self.judul.setText(judul)
        self.tampilan.setHtml(html_utas(self._utas, self._tandai_dibaca()))
        self.tujuan.clear()
        if boleh_mulai:
            self.tujuan.addItem("Umpan balik baru", BARU)
        if boleh_balas or boleh_mulai:
            for i, u in enumerate(self._utas, start=1):
                awal = u.pesan[0]
                ringkas = awal.teks if len(awal.teks) < 40 else awal.teks[:38] + "…"
                self.tujuan.addItem(f"Balas utas {i}: {ringkas}", u.id)
            if self._utas and not boleh_mulai:
                self.tujuan.setCurrentIndex(self.tujuan.count() - 1)
        bisa = skp_id is not None and self.tujuan.count() > 0
        self.setEnabled(skp_id is not None)
        for w in (self.tujuan, self.frasa, self.teks, self.kirim):
            w.setEnabled(bisa)
        if bisa:
            self._muat_frasa()
        if skp_id is not None and not bisa:
            self.teks.setPlaceholderText(
                "Umpan balik dimulai oleh pejabat penilai; Anda dapat membalasnya di sini."
            )
        else:
            self.teks.setPlaceholderText("Tulis umpan balik atau balasan…")

    def _tandai_dibaca(self) -> frozenset[int]:
        """Record that the user has seen the threads; the messages that were unread until now
        (others', newer than his mark) stay marked "baru" while shown."""
        if not self._utas or self.ctx.actor.akun_id is None:
            return frozenset()
        ids = [u.id for u in self._utas]
        lama = jalankan(
            self, self.ctx, ub.tandai_dibaca, ids, tangani=lambda e: isinstance(e, DomainError)
        )
        if lama is GAGAL:
            return frozenset()
        baru = frozenset(
            p.id for u in self._utas for p in ub.pesan_baru(u, self.ctx.actor, lama.get(u.id))
        )
        if baru:
            self.dibaca.emit(ids)
        return baru

    def kosongkan(self) -> None:
        self.tampilkan("Umpan balik", None, None, {}, [], boleh_mulai=False, boleh_balas=False)

    def _pakai_frasa(self, _i: int) -> None:
        teks = self.frasa.currentData()
        if not teks:
            return
        lama = self.teks.toPlainText().strip()
        self.teks.setPlainText(f"{lama} {teks}".strip())
        self.frasa.setCurrentIndex(0)

    def _kirim(self) -> None:
        tujuan = self.tujuan.currentData()
        teks = self.teks.toPlainText()
        judul = "Umpan balik tidak terkirim"
        if tujuan == BARU:
            terkirim = jalankan(
                self,
                self.ctx,
                ub.tulis_umpan_balik,
                self.skp_id,
                teks,
                judul=judul,
                periode_id=self.periode_id,
                **self.sasaran,
            )
        else:
            terkirim = jalankan(self, self.ctx, ub.balas_umpan_balik, tujuan, teks, judul=judul)
        if terkirim is GAGAL:
            return
        self.teks.clear()
        self.terkirim.emit()
