"""The Beranda: the first view after login. Cards per role (built by services/beranda), each
line a button that opens the right view with the item selected; reminders in the Beranda and,
where the desktop has one, as a system-tray notification."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.status import StatusRealisasi, StatusSkp
from kinerja_desktop.domain.tanggal import format_tanggal
from kinerja_desktop.services import beranda as br
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import baca_atau, pusat
from kinerja_desktop.ui.common.form import judul_halaman, label_keterangan
from kinerja_desktop.ui.common.grafik import GrafikDistribusi, GrafikPengisian

MENIT_PENGINGAT = 30  # how often the reminders are checked while the program runs
PANJANG_TEKS = 160  # the longest text a line starts with; it is cut to the card's width
WARNA_PENTING = "#b45309"
WARNA_TERLAMBAT = "#b00020"


def _potong(teks: str, n: int = PANJANG_TEKS) -> str:
    return teks if len(teks) <= n else teks[: n - 1] + "…"


class TombolButir(QPushButton):
    """One Beranda line: flat, left-aligned, a click opens its target."""

    def __init__(self, teks: str, tujuan: br.Tujuan, warna: str = "#1d4ed8") -> None:
        super().__init__(_potong(teks).replace("&", "&&"))  # "&" is no shortcut here
        self.tujuan = tujuan
        self.teks_penuh = teks
        self.setToolTip(teks)
        self.setMinimumWidth(120)
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(
            f"QPushButton {{ text-align: left; color: {warna}; padding: 3px 4px; border: none; }}"
            "QPushButton:hover { background: #eef2ff; text-decoration: underline; }"
        )

    def resizeEvent(self, event) -> None:
        # a long line is cut to the card's width; the whole text stays in the tooltip
        lebar = max(40, self.width() - 12)
        elided = self.fontMetrics().elidedText(self.teks_penuh, Qt.TextElideMode.ElideRight, lebar)
        elided = elided.replace("&", "&&")
        if elided != self.text():
            self.setText(elided)
        super().resizeEvent(event)

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setWidth(min(hint.width(), 360))
        return hint


class Kartu(QFrame):
    """A titled box of Beranda lines."""

    buka = Signal(object)  # br.Tujuan

    def __init__(self, judul: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kartu")
        self.setStyleSheet(
            "QFrame#kartu { background: white; border: 1px solid #d1d5db; border-radius: 6px; }"
        )
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(12, 10, 12, 10)
        self.lay.setSpacing(2)
        self.judul = QLabel(judul)
        self.judul.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.judul.setWordWrap(True)
        self.lay.addWidget(self.judul)

    def butir(self, b: br.Butir) -> TombolButir:
        teks = b.teks
        if b.keterangan:
            teks += f" — {b.keterangan}"
        warna = WARNA_PENTING if b.penting else "#1d4ed8"
        return self.tombol(teks, b.tujuan, warna)

    def tombol(self, teks: str, tujuan: br.Tujuan, warna: str = "#1d4ed8") -> TombolButir:
        t = TombolButir(teks, tujuan, warna)
        t.clicked.connect(lambda _=False, x=tujuan: self.buka.emit(x))
        self.lay.addWidget(t)
        return t

    def teks(self, teks: str, warna: str = "#4b5563") -> QLabel:
        label = QLabel(teks)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {warna}; padding: 2px 4px;")
        self.lay.addWidget(label)
        return label

    def daftar(self, butir: tuple[br.Butir, ...], kosong: str) -> None:
        if not butir:
            self.teks(kosong)
        for b in butir:
            self.butir(b)

    def widget(self, w: QWidget) -> None:
        self.lay.addWidget(w)


class BerandaView(QWidget):
    """Rebuilt from one service call whenever it is shown or data it shows has changed."""

    pengingat_baru = Signal(list)  # reminders not told before in this session

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: br.Beranda | None = None
        self.kartu: dict[str, Kartu] = {}
        self._sudah_diberitahu: set[str] = set()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 14, 16, 8)
        lay.setSpacing(8)
        atas = QHBoxLayout()
        atas.addWidget(judul_halaman("Beranda"))
        atas.addStretch(1)
        self._lanjut_ke: str | None = None
        self.b_lanjut = QPushButton()
        self.b_lanjut.setToolTip("Tampilan yang terakhir Anda buka")
        self.b_lanjut.clicked.connect(
            lambda: self._lanjut_ke is not None and self.buka(br.Tujuan(self._lanjut_ke))
        )
        self.b_lanjut.hide()
        atas.addWidget(self.b_lanjut)
        self.b_muat = QPushButton("Muat ulang")
        self.b_muat.clicked.connect(self.refresh)
        atas.addWidget(self.b_muat)
        lay.addLayout(atas)
        self.sapaan = label_keterangan()
        self.sapaan.setWordWrap(True)
        lay.addWidget(self.sapaan)
        self.gulir = QScrollArea()
        self.gulir.setWidgetResizable(True)
        self.gulir.setFrameShape(QFrame.Shape.NoFrame)
        lay.addWidget(self.gulir, 1)
        self._tunda = QTimer(self)  # several actions in a row reload once
        self._tunda.setSingleShot(True)
        self._tunda.setInterval(300)
        self._tunda.timeout.connect(self.refresh)
        pusat().berubah.connect(self._data_berubah)
        self.timer = QTimer(self)
        self.timer.setInterval(MENIT_PENGINGAT * 60 * 1000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.tray = Pemberitahu(self)
        self.pengingat_baru.connect(self.tray.beri_tahu)
        self.refresh()

    # --- loading ----------------------------------------------------------------------------
    def _data_berubah(self, tabel: frozenset[str]) -> None:
        # hidden, it waits: the main window refreshes a view when it is shown again
        if tabel - {"pengaturan_akun"} and self.isVisible():
            self._tunda.start()

    def refresh(self) -> None:
        data = baca_atau(self.ctx, None, br.beranda)
        if data is None:
            return
        self.data = data
        self._bangun(data)
        self._perbarui_lanjutkan()
        baru = [p for p in data.pengingat if p.kunci not in self._sudah_diberitahu]
        self._sudah_diberitahu.update(p.kunci for p in baru)
        if baru:
            self.pengingat_baru.emit(baru)

    def _bangun(self, d: br.Beranda) -> None:
        self.sapaan.setText(
            f"Selamat datang, <b>{escape(d.nama)}</b> — hari ini {format_tanggal(d.hari_ini)}. "
            "Klik sebuah baris untuk membukanya."
        )
        isi = QWidget()
        isi.setObjectName("isiBeranda")
        isi.setStyleSheet("QWidget#isiBeranda { background: #f3f4f6; }")
        grid = QGridLayout(isi)
        grid.setContentsMargins(0, 0, 8, 0)
        grid.setSpacing(10)
        self.kartu = {}
        kartu = [self._kartu_pengingat(d)]
        if d.operator is not None:
            kartu += self._kartu_operator(d.operator)
        if d.penilai is not None:
            kartu += self._kartu_penilai(d.penilai)
        if d.pegawai is not None:
            kartu += self._kartu_pegawai(d.pegawai)
        for i, k in enumerate(kartu):
            k.buka.connect(self.buka)
            grid.addWidget(k, i // 2, i % 2, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(kartu) // 2 + 1, 1)
        lama = self.gulir.takeWidget()
        if lama is not None:
            lama.deleteLater()
        self.gulir.setWidget(isi)

    def _baru(self, kunci: str, judul: str) -> Kartu:
        k = self.kartu[kunci] = Kartu(judul)
        return k

    def _kartu_pengingat(self, d: br.Beranda) -> Kartu:
        k = self._baru("pengingat", f"Pengingat ({len(d.pengingat)})")
        if not d.pengingat:
            k.teks("Tidak ada yang perlu segera dikerjakan.")
        for p in d.pengingat:
            warna = WARNA_TERLAMBAT if p.jenis == "TERLAMBAT" else WARNA_PENTING
            k.tombol(p.teks, p.tujuan, warna)
        return k

    # --- pegawai ----------------------------------------------------------------------------
    def _kartu_pegawai(self, d: br.BerandaPegawai) -> list[Kartu]:
        skp = self._baru("skp_saya", f"SKP saya {d.tahun}")
        if d.skp is None:
            skp.tombol(
                "Belum ada SKP tahun ini — buat SKP", br.Tujuan("skp", tahun=d.tahun), WARNA_PENTING
            )
        else:
            s = d.skp
            warna = StatusSkp.warna_dari(s.status, "#1d4ed8")
            skp.tombol(
                f"{s.label_periode} · {s.label_revisi} · {s.label_status}",
                br.Tujuan("skp", s.pegawai_id, s.id, tahun=s.tahun),
                warna,
            )
            skp.teks(f"Pejabat penilai: {s.penilai_nama or '-'}")
        for ps in d.periode:
            p = ps.periode
            status = StatusRealisasi.label_dari(ps.status)
            if ps.status in br.SUDAH_DIAJUKAN:
                batas = f"batas {p.batas_pengisian:%d-%m-%Y}"
            else:
                batas = f"batas {p.batas_pengisian:%d-%m-%Y} ({ps.teks_batas})"
            warna = WARNA_TERLAMBAT if ps.terlambat else "#1d4ed8"
            teks = f"{p.nama}: {status} — {batas}" + (" · TERLAMBAT" if ps.terlambat else "")
            skp.tombol(teks, br.Tujuan("pemantauan", periode_id=p.id, tahun=p.tahun), warna)
        ub = self._baru("umpan_balik_saya", f"Umpan balik belum dibaca ({d.jumlah_belum_dibaca})")
        self._isi_umpan_balik(ub, d.umpan_balik, "Tidak ada umpan balik baru.")
        ev = self._baru("evaluasi_saya", "Hasil evaluasi dan masa keberatan")
        ev.daftar(d.evaluasi, "Belum ada evaluasi final tahun ini.")
        return [skp, ub, ev]

    def _isi_umpan_balik(self, k: Kartu, utas: tuple, kosong: str) -> None:
        if not utas:
            k.teks(kosong)
        for u in utas[:8]:
            tujuan = br.tujuan_utas(u)
            k.tombol(f"{u.penulis_nama} ({u.jumlah} baru): {u.cuplikan}", tujuan)
        if len(utas) > 8:
            k.teks(f"… dan {len(utas) - 8} utas lain.")

    # --- penilai ----------------------------------------------------------------------------
    def _kartu_penilai(self, d: br.BerandaPenilai) -> list[Kartu]:
        menunggu = self._baru(
            "menunggu",
            f"Menunggu tindakan Anda ({d.jumlah_menunggu})",
        )
        menunggu.teks("<b>SKP dan revisi diajukan</b>", "#111827")
        menunggu.daftar(d.skp_menunggu, "Tidak ada SKP yang menunggu persetujuan.")
        menunggu.teks("<b>Realisasi diajukan</b>", "#111827")
        menunggu.daftar(d.realisasi_diajukan, "Tidak ada realisasi yang diajukan.")
        menunggu.teks("<b>Keberatan untuk diputus</b>", "#111827")
        menunggu.daftar(d.keberatan, "Tidak ada keberatan yang menunggu.")
        evaluasi = self._baru("evaluasi_tugas", "Evaluasi yang belum final")
        evaluasi.daftar(d.evaluasi_tugas, "Semua evaluasi sudah final.")
        hasil = [menunggu, evaluasi]
        if d.pengisian:
            isi = self._baru(
                "pengisian_bawahan", f"Realisasi bawahan diajukan — {d.periode_berjalan}"
            )
            hasil.append(isi)
            self._grafik_pengisian(isi, d.pengisian, br.Tujuan("pemantauan", bagian="papan"))
        for dist in d.distribusi:
            k = self._baru("distribusi", f"Distribusi predikat {dist.unit} — {dist.periode}")
            grafik = GrafikDistribusi()
            grafik.setMinimumSize(300, 200)
            grafik.set_data(list(dist.jumlah), list(dist.kurva) if dist.kurva else None)
            k.widget(grafik)
            if dist.kurva is None:
                k.teks("Predikat organisasi belum ditetapkan: kurva acuan belum dapat digambar.")
            k.tombol("Buka Rekap & Laporan", dist.tujuan)
            hasil.append(k)
        ub = self._baru(
            "umpan_balik_bawahan",
            f"Balasan bawahan belum dibaca ({sum(u.jumlah for u in d.umpan_balik)})",
        )
        self._isi_umpan_balik(ub, d.umpan_balik, "Tidak ada balasan baru dari bawahan.")
        hasil.append(ub)
        return hasil

    def _grafik_pengisian(self, k: Kartu, batang: tuple, tujuan: br.Tujuan) -> None:
        g = GrafikPengisian()
        g.set_data([(b.unit, b.sudah, b.total) for b in batang])
        k.widget(g)
        k.tombol("Buka papan pemantauan", tujuan)

    # --- operator ---------------------------------------------------------------------------
    def _kartu_operator(self, d: br.BerandaOperator) -> list[Kartu]:
        mulai = self._baru("daftar_periksa", "Persiapan kantor")
        for b in d.daftar_periksa:
            tanda = "☐" if b.penting else "☑"
            warna = WARNA_PENTING if b.penting else "#15803d"
            mulai.tombol(f"{tanda} {b.teks} — {b.keterangan}", b.tujuan, warna)
        mulai.teks(teks_cadangan(self.ctx))
        belum = self._baru(
            "belum_mengisi",
            f"Belum mengajukan realisasi {d.periode} ({d.jumlah_belum_mengisi} dari "
            f"{d.jumlah_pegawai})",
        )
        belum.daftar(d.belum_mengisi, "Semua pegawai sudah mengajukan realisasi.")
        if d.jumlah_belum_mengisi > len(d.belum_mengisi):
            belum.tombol(
                f"… lihat semua {d.jumlah_belum_mengisi} di papan pemantauan",
                br.Tujuan("pemantauan", bagian="papan"),
            )
        hasil = [mulai, belum]
        if d.pengisian:
            isi = self._baru("pengisian_unit", f"Realisasi diajukan per unit — {d.periode}")
            self._grafik_pengisian(isi, d.pengisian, br.Tujuan("pemantauan", bagian="papan"))
            hasil.append(isi)
        lengkapi = self._baru("perlu_dilengkapi", f"Perlu dilengkapi ({len(d.perlu_dilengkapi)})")
        lengkapi.daftar(d.perlu_dilengkapi[:8], "Data pegawai sudah lengkap.")
        hasil.append(lengkapi)
        return hasil

    # --- opening an item --------------------------------------------------------------------
    def buka(self, tujuan: br.Tujuan) -> None:
        jendela = self.window()
        if hasattr(jendela, "buka_tujuan"):
            jendela.buka_tujuan(tujuan)

    def _perbarui_lanjutkan(self) -> None:
        """ "Lanjutkan di …": the view this account worked in last, on any computer."""
        jendela: Any = self.window()
        if not hasattr(jendela, "tampilan_terakhir"):
            jendela = self.parent()
        spec = jendela.tampilan_terakhir() if hasattr(jendela, "tampilan_terakhir") else None
        self._lanjut_ke = spec.key if spec is not None else None
        self.b_lanjut.setVisible(spec is not None)
        if spec is not None:
            self.b_lanjut.setText(f"Lanjutkan di {spec.judul} →")


def teks_cadangan(ctx: AppContext) -> str:
    """The newest backup beside the database file (daily, before-migration copies)."""
    from kinerja_desktop.config import sqlite_path
    from kinerja_desktop.exchange.cadangan.harian import daftar_cadangan

    path = sqlite_path(ctx.db.url)
    if path is None:
        return "Cadangan: basis data server dicadangkan oleh pengelola server."
    terbaru = max(daftar_cadangan(path), key=lambda p: p.stat().st_mtime, default=None)
    if terbaru is None:
        return "Cadangan terakhir: belum ada. Gunakan Berkas → Cadangkan ke…"
    from datetime import datetime

    waktu = datetime.fromtimestamp(terbaru.stat().st_mtime)
    return f"Cadangan terakhir: {waktu:%d-%m-%Y %H.%M} ({terbaru.name})"


class Pemberitahu(QWidget):
    """The tray notification, where the desktop has a tray; nothing otherwise."""

    def __init__(self, view: BerandaView) -> None:
        super().__init__(view)
        self.view = view
        self.hide()
        self.ikon: QSystemTrayIcon | None = None
        self._terakhir: list[br.Pengingat] = []

    def beri_tahu(self, pengingat: list[br.Pengingat]) -> None:
        if not pengingat or not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self.ikon is None:
            ikon = self.view.window().windowIcon()
            if ikon.isNull():
                ikon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.ikon = QSystemTrayIcon(QIcon(ikon), self.view)
            self.ikon.setToolTip("Kinerja Desktop")
            self.ikon.messageClicked.connect(self._diklik)
            self.ikon.show()
        if not self.ikon.supportsMessages():
            return
        self._terakhir = pengingat
        teks = "\n".join(p.teks for p in pengingat[:4])
        if len(pengingat) > 4:
            teks += f"\n… dan {len(pengingat) - 4} pengingat lain di Beranda."
        self.ikon.showMessage("Pengingat Kinerja Desktop", teks)

    def _diklik(self) -> None:
        if self._terakhir:
            self.view.buka(self._terakhir[0].tujuan)


__all__ = ["BerandaView", "Kartu", "TombolButir"]
