"""The SKP view: choose year and pegawai, the pegawai's SKP list, the editor (Hasil Kerja,
Perilaku Kerja, Lampiran, Riwayat) with workflow buttons by state and role; a "Bawahan" tab
for penilai (status at a glance, matriks peran hasil); "Pustaka RHK" for operators."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.identitas import Identitas
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.peran import Peran
from kinerja_desktop.domain.status import StatusSkp
from kinerja_desktop.domain.tanggal import waktu_lokal
from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui import cetak
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.common.form import judul_halaman, label_keterangan
from kinerja_desktop.ui.skp import dialogs

PERAN = Qt.ItemDataRole.UserRole


def _item(
    teks: object, data: object = None, warna: str | None = None, tebal: bool = False
) -> QTableWidgetItem:
    it = QTableWidgetItem("" if teks is None else str(teks))
    if data is not None:
        it.setData(PERAN, data)
    if warna:
        it.setForeground(QBrush(QColor(warna)))
    if tebal:
        f = it.font()
        f.setBold(True)
        it.setFont(f)
    return it


def _tabel(kolom: list[str], regang: tuple[int, ...] = ()) -> QTableWidget:
    t = QTableWidget(0, len(kolom))
    t.setHorizontalHeaderLabels(kolom)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    t.setWordWrap(True)
    hh = t.horizontalHeader()
    hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for c in regang:
        hh.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch)
    return t


def _halaman_tab() -> tuple[QWidget, QVBoxLayout]:
    """An empty tab page and its layout."""
    w = QWidget()
    lay = QVBoxLayout(w)
    lay.setContentsMargins(8, 8, 8, 8)
    return w, lay


def _tombol(teks: str, slot, tip: str = "") -> QPushButton:
    b = QPushButton(teks)
    b.clicked.connect(slot)
    b.setMinimumWidth(max(84, b.sizeHint().width()))
    if tip:
        b.setToolTip(tip)
    return b


def _nip_html(identitas: Identitas | None) -> str:
    return format_nip(identitas.nip if identitas else "").replace(" ", "&nbsp;")


def _label_nip(identitas: Identitas | None) -> str:
    return identitas.label_nip if identitas else "NIP"


def label_status_html(status: str | None) -> str:
    if not status:
        return "<span style='color:#888'>Belum ada SKP</span>"
    warna = StatusSkp.warna_dari(status, "#333")
    return (
        f"<span style='color:white; background:{warna}; padding:2px 8px;'>"
        f"&nbsp;{StatusSkp.label_dari(status)}&nbsp;</span>"
    )


# --- the editor of one SKP ---------------------------------------------------------------------


class SkpEditor(QWidget):
    """Shows one SKP (``tampilkan(skp_id)``) and performs its actions."""

    berubah = Signal()  # status or list changed: the view reloads the SKP list

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: svc.SkpDetail | None = None
        self._pratinjau: cetak.PratinjauCetak | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)

        self.kosong = QLabel("Pilih SKP di daftar, atau buat SKP baru.")
        self.kosong.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.kosong.setStyleSheet("color: #666; font-size: 11pt;")
        lay.addWidget(self.kosong)

        self.isi = QWidget()
        isi = QVBoxLayout(self.isi)
        isi.setContentsMargins(0, 0, 0, 0)
        isi.setSpacing(8)
        kepala = QFrame()
        kepala.setObjectName("kepalaSkp")
        kepala.setStyleSheet(
            "QFrame#kepalaSkp { background: #f3f5f9; border: 1px solid #d5dae3;"
            " border-radius: 4px; }"
        )
        grid = QGridLayout(kepala)
        grid.setContentsMargins(12, 10, 12, 10)
        grid.setHorizontalSpacing(18)
        self.judul = QLabel()
        self.judul.setStyleSheet("font-size: 12pt; font-weight: bold;")
        self.judul.setWordWrap(True)
        self.status = QLabel()
        self.info_pegawai = QLabel()
        self.info_penilai = QLabel()
        self.info_pegawai.setWordWrap(True)
        self.info_penilai.setWordWrap(True)
        baris_judul = QHBoxLayout()
        baris_judul.addWidget(self.judul, 1)
        baris_judul.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(baris_judul, 0, 0, 1, 2)
        grid.addWidget(self.info_pegawai, 1, 0)
        grid.addWidget(self.info_penilai, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        isi.addWidget(kepala)

        self.pesan = QLabel()
        self.pesan.setWordWrap(True)
        self.pesan.setStyleSheet("background: #fff4e5; border: 1px solid #f0c27b; padding: 6px;")
        isi.addWidget(self.pesan)

        aksi = QHBoxLayout()
        aksi.setSpacing(6)
        self.b_ajukan = _tombol("Ajukan", self.ajukan, "Ajukan SKP kepada pejabat penilai")
        self.b_tetapkan = _tombol("Tetapkan", self.tetapkan, "Tetapkan SKP (pejabat penilai)")
        self.b_kembalikan = _tombol(
            "Kembalikan…", self.kembalikan, "Kembalikan SKP kepada pegawai dengan alasan"
        )
        self.b_revisi = _tombol("Revisi…", self.revisi, "Buat revisi SKP yang sudah ditetapkan")
        self.b_salin = _tombol("Salin dari tahun lalu", self.salin_tahun_lalu)
        self.b_cetak = _tombol("Cetak…", self.cetak, "Pratinjau, cetak, atau simpan PDF")
        for b in (self.b_ajukan, self.b_tetapkan, self.b_kembalikan, self.b_revisi, self.b_salin):
            aksi.addWidget(b)
        aksi.addStretch(1)
        self.label_pendekatan = QLabel("Pendekatan:")
        self.pendekatan = QComboBox()
        for kode in svc.PENDEKATAN:
            self.pendekatan.addItem(svc.LABEL_PENDEKATAN[kode], kode)
        self.pendekatan.setToolTip("Pendekatan hasil kerja SKP (dapat diubah selama draf)")
        self.pendekatan.activated.connect(lambda _i: self.ubah_pendekatan())
        aksi.addWidget(self.label_pendekatan)
        aksi.addWidget(self.pendekatan)
        aksi.addWidget(self.b_cetak)
        isi.addLayout(aksi)

        self.tab = QTabWidget()
        self.tab.addTab(self._bangun_hasil_kerja(), "Hasil Kerja")
        self.tab.addTab(self._bangun_perilaku(), "Perilaku Kerja")
        self.tab.addTab(self._bangun_lampiran(), "Lampiran")
        self.tab.addTab(self._bangun_riwayat(), "Riwayat")
        isi.addWidget(self.tab, 1)
        lay.addWidget(self.isi, 1)
        self.isi.hide()

    # --- sections ---------------------------------------------------------------------------
    def _bangun_hasil_kerja(self) -> QWidget:
        w, lay = _halaman_tab()
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.b_tambah_rhk = _tombol("Tambah RHK…", self.tambah_rhk)
        self.b_tambah_iki = _tombol(
            "Tambah IKI…", self.tambah_indikator, "Tambah indikator kinerja individu pada RHK"
        )
        self.b_ubah = _tombol("Ubah…", self.ubah_terpilih)
        self.b_hapus = _tombol("Hapus", self.hapus_terpilih)
        self.b_naik = _tombol("Naik", lambda: self.pindah(-1))
        self.b_turun = _tombol("Turun", lambda: self.pindah(1))
        self.b_pustaka = _tombol(
            "Dari pustaka…", self.ambil_pustaka, "Ambil RHK dan indikator dari pustaka jabatan"
        )
        for b in (
            self.b_tambah_rhk,
            self.b_tambah_iki,
            self.b_ubah,
            self.b_hapus,
            self.b_naik,
            self.b_turun,
        ):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.b_pustaka)
        lay.addLayout(bar)
        self.pohon = QTreeWidget()
        self.pohon.setColumnCount(4)
        self.pohon.setHeaderLabels(
            ["Rencana hasil kerja / indikator", "Aspek", "Target", "RHK pimpinan yang diintervensi"]
        )
        self.pohon.setWordWrap(True)
        self.pohon.setAlternatingRowColors(True)
        self.pohon.setUniformRowHeights(False)
        hh = self.pohon.header()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(False)
        hh.resizeSection(3, 280)
        self.pohon.itemDoubleClicked.connect(lambda *_: self.ubah_terpilih())
        self.pohon.itemSelectionChanged.connect(self._perbarui_tombol_hasil)
        lay.addWidget(self.pohon, 1)
        return w

    def _bangun_perilaku(self) -> QWidget:
        w, lay = _halaman_tab()
        bar = QHBoxLayout()
        self.b_ekspektasi = _tombol(
            "Ubah ekspektasi…",
            self.ubah_ekspektasi,
            "Ekspektasi khusus pimpinan (diisi pejabat penilai)",
        )
        self.ket_perilaku = label_keterangan(
            "Ekspektasi khusus pimpinan diisi oleh pejabat penilai."
        )
        bar.addWidget(self.ket_perilaku, 1)
        bar.addWidget(self.b_ekspektasi)
        lay.addLayout(bar)
        self.tabel_perilaku = _tabel(
            ["No", "Perilaku kerja dan panduan", "Ekspektasi khusus pimpinan"], (1, 2)
        )
        self.tabel_perilaku.itemDoubleClicked.connect(lambda *_: self.ubah_ekspektasi())
        lay.addWidget(self.tabel_perilaku, 1)
        return w

    def _bangun_lampiran(self) -> QWidget:
        w, lay = _halaman_tab()
        ket = label_keterangan(
            "Satu butir per baris; butir dicetak bernomor pada halaman Lampiran SKP."
        )
        lay.addWidget(ket)
        self.editor_lampiran: dict[str, QPlainTextEdit] = {}
        for bagian in svc.BAGIAN_LAMPIRAN:
            judul = QLabel(svc.JUDUL_LAMPIRAN[bagian])
            judul.setStyleSheet("font-weight: bold; margin-top: 4px;")
            lay.addWidget(judul)
            ed = QPlainTextEdit()
            ed.setMinimumHeight(70)
            self.editor_lampiran[bagian] = ed
            lay.addWidget(ed, 1)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.b_bawaan = _tombol("Isi saran bawaan", self.lampiran_bawaan)
        self.b_simpan_lampiran = _tombol("Simpan lampiran", self.simpan_lampiran)
        bar.addWidget(self.b_bawaan)
        bar.addWidget(self.b_simpan_lampiran)
        lay.addLayout(bar)
        return w

    def _bangun_riwayat(self) -> QWidget:
        w, lay = _halaman_tab()
        self.tabel_riwayat = _tabel(["Waktu", "Oleh", "Perubahan", "Alasan / keterangan"], (3,))
        lay.addWidget(self.tabel_riwayat, 1)
        return w

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.pohon.header().resizeSection(3, max(160, int(self.pohon.width() * 0.3)))

    # --- loading ----------------------------------------------------------------------------
    def kosongkan(self) -> None:
        self.detail = None
        self.isi.hide()
        self.kosong.show()

    def tampilkan(self, skp_id: int) -> None:
        detail = jalankan(self, self.ctx, svc.detail_skp, skp_id, judul="Tidak dapat membuka SKP")
        if detail is GAGAL:
            self.kosongkan()
            return
        self.detail = detail
        self._isi()

    def muat_ulang(self) -> None:
        if self.detail is not None:
            self.tampilkan(self.detail.skp.id)

    def _isi(self) -> None:
        d = self.detail
        assert d is not None
        s = d.skp
        self.kosong.hide()
        self.isi.show()
        varian = " · Pejabat Pimpinan Tinggi" if s.varian == svc.JPT else ""
        self.judul.setText(
            f"SKP {s.tahun} · {svc.LABEL_PENDEKATAN[s.pendekatan]}{varian} · {s.label_periode}"
            + (f" · Revisi {s.revisi}" if s.revisi else "")
            + ("" if s.terkini else " (revisi lama, hanya baca)")
        )
        self.status.setText(label_status_html(s.status))
        p, n = d.pegawai, d.penilai
        self.info_pegawai.setText(
            f"<b>Pegawai:</b> {p.nama}<br>{_label_nip(p)} "
            f"{_nip_html(p)}"
            f"<br>{p.jabatan} · {p.pangkat_golongan}"
        )
        self.info_penilai.setText(
            f"<b>Pejabat penilai:</b> {n.nama if n else '-'}<br>"
            f"{_label_nip(n)} {_nip_html(n)}<br>{n.jabatan if n else ''}"
        )
        pesan = []
        if d.alasan_dikembalikan:
            pesan.append(f"<b>Dikembalikan oleh pejabat penilai:</b> {d.alasan_dikembalikan}")
        if d.alasan_revisi and s.status != svc.DITETAPKAN:
            pesan.append(f"<b>Alasan revisi:</b> {d.alasan_revisi}")
        if s.status == svc.DIAJUKAN and d.izin.tetapkan:
            pesan.append("SKP ini menunggu penetapan Anda sebagai pejabat penilai.")
        self.pesan.setText("<br>".join(pesan))
        self.pesan.setVisible(bool(pesan))
        iz = d.izin
        self.b_ajukan.setVisible(iz.ajukan)
        self.b_tetapkan.setVisible(iz.tetapkan)
        self.b_kembalikan.setVisible(iz.tetapkan)
        self.b_revisi.setVisible(iz.revisi)
        self.b_salin.setVisible(iz.ubah)
        self.label_pendekatan.setVisible(iz.ubah)
        self.pendekatan.setVisible(iz.ubah)
        self.pendekatan.setCurrentIndex(self.pendekatan.findData(s.pendekatan))
        self._isi_pohon()
        self._isi_perilaku()
        for bagian, ed in self.editor_lampiran.items():
            ed.setPlainText("\n".join(d.lampiran.get(bagian, ())))
            ed.setReadOnly(not iz.ubah)
        self.b_simpan_lampiran.setEnabled(iz.ubah)
        self.b_bawaan.setEnabled(iz.ubah)
        self._isi_riwayat()

    def _isi_pohon(self) -> None:
        d = self.detail
        jpt = d.skp.varian == svc.JPT
        self.pohon.setHeaderLabels(
            [
                "Rencana hasil kerja / indikator",
                "Aspek",
                "Target",
                "Perspektif" if jpt else "RHK pimpinan yang diintervensi",
            ]
        )
        self.pohon.setColumnHidden(1, jpt)
        terpilih = self._terpilih()
        self.pohon.clear()
        tebal = QFont()
        tebal.setBold(True)
        pilih_lagi = None
        for jenis, label in ((svc.UTAMA, "A. UTAMA"), (svc.TAMBAHAN, "B. TAMBAHAN")):
            grup = QTreeWidgetItem([label])
            grup.setFont(0, tebal)
            grup.setData(0, PERAN, ("grup", jenis))
            grup.setFirstColumnSpanned(True)
            self.pohon.addTopLevelItem(grup)
            daftar = [r for r in d.rhk if r.jenis == jenis]
            if not daftar:
                kosong = QTreeWidgetItem(["(belum ada)"])
                kosong.setForeground(0, QBrush(QColor("#888")))
                kosong.setData(0, PERAN, ("grup", jenis))
                grup.addChild(kosong)
            for r in daftar:
                kolom3 = (r.perspektif or "—") if jpt else (r.intervensi_uraian or "—")
                it = QTreeWidgetItem([f"{r.nomor}. {r.uraian}", "", "", kolom3])
                it.setData(0, PERAN, ("rhk", r.id))
                it.setToolTip(0, r.uraian)
                it.setToolTip(3, kolom3)
                it.setFont(0, tebal)
                if not r.indikator:
                    it.setForeground(0, QBrush(QColor("#b45309")))
                    it.setToolTip(0, "RHK ini belum memiliki indikator kinerja individu.")
                grup.addChild(it)
                for i in r.indikator:
                    c = QTreeWidgetItem(
                        [i.uraian, svc.LABEL_ASPEK.get(i.aspek or "", ""), i.target_teks, ""]
                    )
                    c.setData(0, PERAN, ("iki", i.id))
                    c.setToolTip(0, i.uraian)
                    it.addChild(c)
                    if terpilih == ("iki", i.id):
                        pilih_lagi = c
                if terpilih == ("rhk", r.id):
                    pilih_lagi = it
        self.pohon.expandAll()
        if pilih_lagi is not None:
            self.pohon.setCurrentItem(pilih_lagi)
        self._perbarui_tombol_hasil()

    def _isi_perilaku(self) -> None:
        d = self.detail
        t = self.tabel_perilaku
        t.setRowCount(len(d.perilaku))
        for i, p in enumerate(d.perilaku):
            t.setItem(i, 0, _item(i + 1))
            panduan = "\n".join(f"• {x}" for x in p.panduan)
            t.setItem(i, 1, _item(f"{p.nama}\n{panduan}", p.kode))
            t.setItem(i, 2, _item(p.ekspektasi or "—", p.kode))
        t.resizeRowsToContents()
        self.b_ekspektasi.setVisible(d.izin.ekspektasi)
        self.ket_perilaku.setText(
            "Klik ganda satu nilai untuk mengisi ekspektasi khusus pimpinan."
            if d.izin.ekspektasi
            else "Ekspektasi khusus pimpinan diisi oleh pejabat penilai."
        )

    def _isi_riwayat(self) -> None:
        t = self.tabel_riwayat
        rows = list(reversed(self.detail.riwayat))
        t.setRowCount(len(rows))
        for i, r in enumerate(rows):
            t.setItem(i, 0, _item(f"{waktu_lokal(r.waktu):%d-%m-%Y %H:%M}"))
            t.setItem(i, 1, _item(r.nama_pengguna))
            t.setItem(i, 2, _item(r.label, warna=StatusSkp.warna_dari(r.ke_status)))
            t.setItem(i, 3, _item(r.alasan or ""))
        t.resizeRowsToContents()

    # --- helpers ----------------------------------------------------------------------------
    def _terpilih(self) -> tuple[str, object] | None:
        it = self.pohon.currentItem()
        return it.data(0, PERAN) if it is not None else None

    def _perbarui_tombol_hasil(self) -> None:
        ubah = bool(self.detail and self.detail.izin.ubah)
        pilih = self._terpilih()
        jenis = pilih[0] if pilih else None
        for b in (self.b_tambah_rhk, self.b_pustaka):
            b.setEnabled(ubah)
        self.b_tambah_iki.setEnabled(ubah and jenis in ("rhk", "iki"))
        for b in (self.b_ubah, self.b_hapus, self.b_naik, self.b_turun):
            b.setEnabled(ubah and jenis in ("rhk", "iki"))

    def _jalankan(self, fn, *args, judul: str = "Tidak dapat disimpan", **kw):
        hasil = jalankan(self, self.ctx, fn, *args, judul=judul, **kw)
        if hasil is GAGAL:
            self.muat_ulang()
            return None
        return hasil if hasil is not None else True

    def _rhk(self, rhk_id: int) -> svc.RhkRow:
        return next(r for r in self.detail.rhk if r.id == rhk_id)

    def _iki(self, iki_id: int) -> tuple[svc.RhkRow, svc.IndikatorRow]:
        for r in self.detail.rhk:
            for i in r.indikator:
                if i.id == iki_id:
                    return r, i
        raise KeyError(iki_id)

    # --- hasil kerja actions ----------------------------------------------------------------
    def tambah_rhk(self) -> None:
        pilih = self._terpilih()
        jenis = pilih[1] if pilih and pilih[0] == "grup" else svc.UTAMA
        if pilih and pilih[0] == "rhk":
            jenis = self._rhk(pilih[1]).jenis
        pilihan = self._jalankan(svc.pilihan_intervensi, self.detail.skp.id)
        if pilihan is None:
            return
        nilai = dialogs.isi_rhk(self, self.detail, pilihan, None, jenis)
        if nilai is None:
            return
        row = self._jalankan(
            svc.tambah_rhk,
            self.detail.skp.id,
            nilai["uraian"],
            nilai["jenis"],
            nilai["rhk_intervensi_id"],
            intervensi_teks=nilai["intervensi_teks"],
            perspektif=nilai["perspektif"],
            penugasan_dari=nilai["penugasan_dari"],
        )
        if row:
            self.tampilkan(self.detail.skp.id)
            self._pilih(("rhk", row.id))

    def tambah_indikator(self) -> None:
        pilih = self._terpilih()
        if not pilih or pilih[0] not in ("rhk", "iki"):
            return
        rhk_id = pilih[1] if pilih[0] == "rhk" else self._iki(pilih[1])[0].id
        nilai = dialogs.isi_indikator(self, self.detail)
        if nilai is None:
            return
        row = self._jalankan(svc.tambah_indikator, rhk_id, **nilai)
        if row:
            self.tampilkan(self.detail.skp.id)
            self._pilih(("iki", row.id))

    def ubah_terpilih(self) -> None:
        pilih = self._terpilih()
        if not pilih or not self.detail.izin.ubah:
            return
        if pilih[0] == "rhk":
            rhk = self._rhk(pilih[1])
            pilihan = self._jalankan(svc.pilihan_intervensi, self.detail.skp.id)
            if pilihan is None:
                return
            nilai = dialogs.isi_rhk(self, self.detail, pilihan, rhk)
            if nilai is None:
                return
            self._jalankan(
                svc.ubah_rhk,
                rhk.id,
                nilai["uraian"],
                nilai["jenis"],
                nilai["rhk_intervensi_id"],
                intervensi_teks=nilai["intervensi_teks"],
                perspektif=nilai["perspektif"],
                penugasan_dari=nilai["penugasan_dari"],
                versi=rhk.versi,
            )
        elif pilih[0] == "iki":
            _rhk, iki = self._iki(pilih[1])
            nilai = dialogs.isi_indikator(self, self.detail, iki)
            if nilai is None:
                return
            self._jalankan(svc.ubah_indikator, iki.id, **nilai, versi=iki.versi)
        self.muat_ulang()

    def hapus_terpilih(self) -> None:
        pilih = self._terpilih()
        if not pilih or pilih[0] not in ("rhk", "iki"):
            return
        if pilih[0] == "rhk":
            rhk = self._rhk(pilih[1])
            if not dialogs.konfirmasi(
                self,
                "Hapus RHK",
                f"Hapus RHK «{svc.potong(rhk.uraian, 80)}» beserta "
                f"{len(rhk.indikator)} indikatornya?",
            ):
                return
            self._jalankan(svc.hapus_rhk, rhk.id)
        else:
            _rhk, iki = self._iki(pilih[1])
            if not dialogs.konfirmasi(
                self, "Hapus indikator", f"Hapus indikator «{svc.potong(iki.uraian, 80)}»?"
            ):
                return
            self._jalankan(svc.hapus_indikator, iki.id)
        self.muat_ulang()

    def pindah(self, arah: int) -> None:
        pilih = self._terpilih()
        if not pilih:
            return
        if pilih[0] == "rhk":
            self._jalankan(svc.pindah_rhk, pilih[1], arah)
        elif pilih[0] == "iki":
            self._jalankan(svc.pindah_indikator, pilih[1], arah)
        self.muat_ulang()

    def _pilih(self, kunci: tuple[str, int]) -> None:
        it = self.pohon.invisibleRootItem()
        stack = [it.child(i) for i in range(it.childCount())]
        while stack:
            x = stack.pop()
            if x.data(0, PERAN) == kunci:
                self.pohon.setCurrentItem(x)
                return
            stack += [x.child(i) for i in range(x.childCount())]

    def ambil_pustaka(self) -> None:
        rows = self._jalankan(svc.daftar_pustaka)
        if rows is None:
            return
        if rows is True or not rows:
            QMessageBox.information(
                self,
                "Pustaka RHK kosong",
                "Pustaka RHK belum berisi butir. Operator kepegawaian dapat mengisinya di tab "
                "Pustaka RHK.",
            )
            return
        pilih = dialogs.pilih_pustaka(self, rows, self.detail.pegawai.jabatan)
        if not pilih:
            return
        n = self._jalankan(svc.ambil_dari_pustaka, self.detail.skp.id, pilih["ids"], pilih["jenis"])
        self.muat_ulang()
        if n is not None:
            self.berubah.emit()

    # --- perilaku, lampiran -----------------------------------------------------------------
    def ubah_ekspektasi(self) -> None:
        if not self.detail or not self.detail.izin.ekspektasi:
            return
        row = self.tabel_perilaku.currentRow()
        row = max(row, 0)
        p = self.detail.perilaku[row]
        teks = dialogs.minta_teks(
            self,
            "Ekspektasi Khusus Pimpinan",
            f"Ekspektasi khusus untuk nilai {p.nama}:",
            p.ekspektasi,
        )
        if teks is None:
            return
        self._jalankan(svc.ubah_ekspektasi, self.detail.skp.id, p.kode, teks)
        self.muat_ulang()
        self.tabel_perilaku.selectRow(row)

    def ubah_pendekatan(self) -> None:
        baru = self.pendekatan.currentData()
        if self.detail is None or baru == self.detail.skp.pendekatan:
            return
        self._jalankan(svc.ubah_pendekatan, self.detail.skp.id, baru, self.detail.skp.versi)
        self.muat_ulang()

    def simpan_lampiran(self) -> None:
        for bagian, ed in self.editor_lampiran.items():
            if (
                self._jalankan(
                    svc.ubah_lampiran, self.detail.skp.id, bagian, ed.toPlainText().splitlines()
                )
                is None
            ):
                return
        self.muat_ulang()

    def lampiran_bawaan(self) -> None:
        for bagian, ed in self.editor_lampiran.items():
            ed.setPlainText("\n".join(svc.LAMPIRAN_BAWAAN[bagian]))

    # --- workflow ---------------------------------------------------------------------------
    def _setelah_status(self, hasil: object) -> None:
        if hasil is not None:
            self.berubah.emit()
        self.muat_ulang()

    def ajukan(self) -> None:
        if not dialogs.konfirmasi(
            self, "Ajukan SKP", "Ajukan SKP ini kepada pejabat penilai untuk ditetapkan?"
        ):
            return
        self._setelah_status(
            self._jalankan(
                svc.ajukan_skp,
                self.detail.skp.id,
                self.detail.skp.versi,
                judul="SKP belum dapat diajukan",
            )
        )

    def tetapkan(self) -> None:
        if not dialogs.konfirmasi(
            self,
            "Tetapkan SKP",
            f"Tetapkan SKP {self.detail.pegawai.nama}? SKP yang sudah "
            "ditetapkan hanya dapat diubah melalui revisi.",
        ):
            return
        self._setelah_status(
            self._jalankan(svc.tetapkan_skp, self.detail.skp.id, self.detail.skp.versi)
        )

    def kembalikan(self) -> None:
        alasan = dialogs.minta_teks(
            self, "Kembalikan SKP", "Alasan pengembalian (apa yang harus diperbaiki):"
        )
        if alasan is None:
            return
        self._setelah_status(
            self._jalankan(svc.kembalikan_skp, self.detail.skp.id, alasan, self.detail.skp.versi)
        )

    def revisi(self) -> None:
        alasan = dialogs.minta_teks(self, "Revisi SKP", "Alasan revisi SKP:")
        if alasan is None:
            return
        baru = self._jalankan(svc.revisi_skp, self.detail.skp.id, alasan, self.detail.skp.versi)
        if baru:
            self.tampilkan(baru.id)
            self.berubah.emit()

    def salin_tahun_lalu(self) -> None:
        n = self._jalankan(
            svc.salin_dari_tahun_lalu, self.detail.skp.id, judul="Tidak dapat menyalin"
        )
        if n is not None:
            QMessageBox.information(
                self, "Salin SKP", f"{n} rencana hasil kerja disalin dari SKP tahun lalu."
            )
        self.muat_ulang()

    def cetak(self) -> None:
        skp_id = self.detail.skp.id
        data = self._jalankan(svc.cetak_skp, skp_id, judul="Tidak dapat mencetak")
        if not isinstance(data, bytes):
            return
        nama = self.ctx.run(lambda s, _a: svc.nama_berkas(s, skp_id))
        self._pratinjau = cetak.PratinjauCetak(data, nama, self, judul="Pratinjau SKP")
        self._pratinjau.exec()


# --- SKP tab: list + editor --------------------------------------------------------------------


class SkpView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._daftar: list[svc.SkpRingkas] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 12)
        lay.setSpacing(10)

        lay.addWidget(judul_halaman("Sasaran Kinerja Pegawai"))

        bar = QHBoxLayout()
        bar.setSpacing(8)
        bar.addWidget(QLabel("Tahun:"))
        self.tahun = QSpinBox()
        self.tahun.setRange(2000, 2100)
        self.tahun.setValue(date.today().year)
        self.tahun.valueChanged.connect(lambda _v: self._muat_semua())
        bar.addWidget(self.tahun)
        bar.addSpacing(12)
        bar.addWidget(QLabel("Pegawai:"))
        self.pegawai = QComboBox()
        self.pegawai.setMinimumWidth(240)
        self.pegawai.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.pegawai.currentIndexChanged.connect(lambda _i: self.muat_daftar())
        bar.addWidget(self.pegawai, 1)
        self.cari = QLineEdit()
        self.cari.setPlaceholderText("Cari nama atau NIP…")
        self.cari.setClearButtonEnabled(True)
        self.cari.returnPressed.connect(self.isi_pegawai)
        self.cari.setMinimumWidth(170)
        self.cari.setMaximumWidth(260)
        self.cari.setVisible(ctx.actor.is_admin)
        bar.addWidget(self.cari)
        bar.addWidget(_tombol("Muat ulang", self.refresh))
        lay.addLayout(bar)

        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)

        # SKP tab
        halaman = QWidget()
        hl = QVBoxLayout(halaman)
        hl.setContentsMargins(8, 8, 8, 8)
        hl.setSpacing(8)
        atas = QHBoxLayout()
        atas.setSpacing(8)
        self.tabel_skp = _tabel(["Periode", "Revisi", "Status", "Pejabat penilai"], (3,))
        self.tabel_skp.setToolTip("SKP pegawai pada tahun ini: periode dan revisinya")
        self.tabel_skp.setMaximumHeight(118)
        self.tabel_skp.setMinimumHeight(78)
        self.tabel_skp.itemSelectionChanged.connect(self._pilih_skp)
        atas.addWidget(self.tabel_skp, 1)
        tombol = QVBoxLayout()
        tombol.setSpacing(6)
        self.b_buat = _tombol("Buat SKP…", self.buat_skp)
        self.b_hapus = _tombol("Hapus draf", self.hapus_draf)
        tombol.addWidget(self.b_buat)
        tombol.addWidget(self.b_hapus)
        if ctx.actor.is_admin:
            tombol.addWidget(_tombol("Buat SKP untuk unit…", self.buat_untuk_unit))
        tombol.addStretch(1)
        atas.addLayout(tombol)
        hl.addLayout(atas)
        self.editor = SkpEditor(ctx)
        self.editor.berubah.connect(self._setelah_berubah)
        hl.addWidget(self.editor, 1)
        self.tabs.addTab(halaman, "SKP")

        self.bawahan: BawahanPanel | None = None
        if ctx.actor.pegawai_id is not None and ctx.actor.punya(Peran.PENILAI):
            self.bawahan = BawahanPanel(ctx, self)
            self.bawahan.buka_skp.connect(self.buka_skp)
            self.tabs.addTab(self.bawahan, "Bawahan")
        self.pustaka: PustakaPanel | None = None
        if ctx.actor.is_admin:
            self.pustaka = PustakaPanel(ctx, self)
            self.tabs.addTab(self.pustaka, "Pustaka RHK")
        self.tabs.currentChanged.connect(lambda _i: self._muat_tab())
        self.isi_pegawai()

    # --- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._muat_semua()

    def _muat_semua(self) -> None:
        self.muat_daftar()
        self._muat_tab()

    def _muat_tab(self) -> None:
        w = self.tabs.currentWidget()
        if w is self.bawahan and self.bawahan is not None:
            self.bawahan.muat(self.tahun.value())
        elif w is self.pustaka and self.pustaka is not None:
            self.pustaka.muat()

    def isi_pegawai(self, pilih_id: int | None = None) -> None:
        rows = jalankan(
            self,
            self.ctx,
            svc.pegawai_dapat_dipilih,
            self.cari.text(),
            judul="Tidak dapat memuat pegawai",
        )
        if rows is GAGAL:
            return
        sebelumnya = pilih_id if pilih_id is not None else self.pegawai_id()
        self.pegawai.blockSignals(True)
        self.pegawai.clear()
        for r in rows:
            self.pegawai.addItem(f"{r.nama} — {format_nip(r.nip)} — {r.jabatan}", r.id)
        if sebelumnya is not None and self.pegawai.findData(sebelumnya) < 0 and pilih_id:
            self.pegawai.addItem(f"Pegawai #{pilih_id}", pilih_id)
        i = self.pegawai.findData(sebelumnya) if sebelumnya is not None else -1
        if i < 0 and self.ctx.actor.pegawai_id is not None:
            i = self.pegawai.findData(self.ctx.actor.pegawai_id)
        self.pegawai.setCurrentIndex(max(i, 0))
        self.pegawai.blockSignals(False)
        self.muat_daftar()

    def pegawai_id(self) -> int | None:
        return self.pegawai.currentData()

    def muat_daftar(self, pilih_skp: int | None = None) -> None:
        pid = self.pegawai_id()
        if pilih_skp is None and self.editor.detail is not None:
            pilih_skp = self.editor.detail.skp.id
        self._daftar = []
        if pid is not None:
            daftar = jalankan(
                self,
                self.ctx,
                svc.daftar_skp,
                pid,
                self.tahun.value(),
                judul="Tidak dapat memuat SKP",
            )
            if daftar is not GAGAL:
                self._daftar = daftar
        t = self.tabel_skp
        t.blockSignals(True)
        t.setRowCount(len(self._daftar))
        baris_pilih = 0 if self._daftar else -1
        for i, s in enumerate(self._daftar):
            t.setItem(
                i, 0, _item(f"{s.mulai:%d-%m} s.d. {s.selesai:%d-%m-%Y}", s.id, tebal=s.terkini)
            )
            t.setItem(i, 1, _item(s.label_revisi + ("" if s.terkini else " (lama)")))
            t.setItem(i, 2, _item(s.label_status, warna=StatusSkp.warna_dari(s.status), tebal=True))
            t.setItem(i, 3, _item(s.penilai_nama))
            if s.id == pilih_skp:
                baris_pilih = i
        t.blockSignals(False)
        boleh_buat = pid is not None and (
            self.ctx.actor.is_admin or pid == self.ctx.actor.pegawai_id
        )
        self.b_buat.setEnabled(boleh_buat)
        if baris_pilih >= 0:
            t.selectRow(baris_pilih)
            self._pilih_skp()
        else:
            self.editor.kosongkan()
            self.b_hapus.setEnabled(False)

    def _pilih_skp(self) -> None:
        row = self.tabel_skp.currentRow()
        if row < 0 or row >= len(self._daftar):
            return
        s = self._daftar[row]
        self.editor.tampilkan(s.id)
        d = self.editor.detail
        self.b_hapus.setEnabled(bool(d and d.izin.hapus))

    def _setelah_berubah(self) -> None:
        self.muat_daftar()
        if self.bawahan is not None and self.tabs.currentWidget() is self.bawahan:
            self.bawahan.muat(self.tahun.value())

    def buka_skp(self, pegawai_id: int, skp_id: int) -> None:
        """Open a subordinate's SKP in the SKP tab."""
        if self.pegawai.findData(pegawai_id) < 0:
            self.cari.clear()
            self.isi_pegawai(pegawai_id)
        self.pegawai.blockSignals(True)
        self.pegawai.setCurrentIndex(self.pegawai.findData(pegawai_id))
        self.pegawai.blockSignals(False)
        self.editor.detail = None
        self.muat_daftar(pilih_skp=skp_id)
        self.tabs.setCurrentIndex(0)

    # --- actions ----------------------------------------------------------------------------
    def buat_skp(self) -> None:
        pid = self.pegawai_id()
        if pid is None:
            return
        nilai = dialogs.isi_buat_skp(
            self, self.pegawai.currentText().split(" — ")[0], self.tahun.value()
        )
        if nilai is None:
            return
        baru = jalankan(
            self,
            self.ctx,
            svc.buat_skp,
            pid,
            self.tahun.value(),
            nilai["pendekatan"],
            nilai["mulai"],
            nilai["selesai"],
            judul="SKP tidak dapat dibuat",
            akhiri_sebelumnya=nilai["akhiri_sebelumnya"],
        )
        if baru is GAGAL:
            return
        self.muat_daftar(pilih_skp=baru.id)

    def hapus_draf(self) -> None:
        d = self.editor.detail
        if d is None or not d.izin.hapus:
            return
        if not dialogs.konfirmasi(
            self, "Hapus draf SKP", f"Hapus draf SKP periode {d.skp.label_periode}?"
        ):
            return
        if (
            jalankan(self, self.ctx, svc.hapus_skp, d.skp.id, judul="Tidak dapat menghapus")
            is GAGAL
        ):
            return
        self.editor.kosongkan()
        self.muat_daftar()

    def buat_untuk_unit(self) -> None:
        from kinerja_desktop.services import organisasi

        unit = jalankan(self, self.ctx, organisasi.daftar_unit, False)
        if unit is GAGAL:
            return
        nilai = dialogs.isi_buat_skp_unit(self, unit, self.tahun.value())
        if nilai is None:
            return
        hasil = jalankan(
            self,
            self.ctx,
            svc.buat_skp_unit,
            nilai["unit_id"],
            nilai["tahun"],
            nilai["pendekatan"],
            judul="SKP tidak dapat dibuat",
            termasuk_sub_unit=nilai["termasuk_sub_unit"],
            keterangan="Buat SKP untuk unit",
        )
        if hasil is GAGAL:
            return
        QMessageBox.information(self, "Buat SKP untuk unit", hasil.pesan)
        self.muat_daftar()


# --- Bawahan: status at a glance and the matriks peran hasil -----------------------------------


class BawahanPanel(QWidget):
    buka_skp = Signal(int, int)  # pegawai_id, skp_id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[svc.BawahanSkpRow] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        split = QSplitter(Qt.Orientation.Vertical)
        atas = QWidget()
        al = QVBoxLayout(atas)
        al.setContentsMargins(0, 0, 0, 0)
        self.ringkas = QLabel()
        al.addWidget(self.ringkas)
        self.tabel = _tabel(["Nama", "NIP", "Jabatan", "Periode", "Status", "RHK"], (2,))
        self.tabel.itemDoubleClicked.connect(self._buka)
        al.addWidget(self.tabel, 1)
        ket = label_keterangan(
            "Klik ganda untuk membuka SKP bawahan (menetapkan atau mengembalikan)."
        )
        al.addWidget(ket)
        split.addWidget(atas)

        bawah = QWidget()
        bl = QVBoxLayout(bawah)
        bl.setContentsMargins(0, 6, 0, 0)
        bl.addWidget(
            QLabel("<b>Matriks Peran Hasil</b> — RHK Anda dan RHK bawahan yang mengintervensinya")
        )
        self.pesan_matriks = QLabel()
        self.pesan_matriks.setWordWrap(True)
        self.pesan_matriks.setStyleSheet("color: #b45309;")
        bl.addWidget(self.pesan_matriks)
        self.matriks = QTreeWidget()
        self.matriks.setHeaderLabels(["RHK Anda / RHK bawahan", "Pegawai", "Status SKP"])
        self.matriks.setWordWrap(True)
        self.matriks.setAlternatingRowColors(True)
        mh = self.matriks.header()
        mh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        mh.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        mh.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        mh.setStretchLastSection(False)
        bl.addWidget(self.matriks, 2)
        self.tanpa_link = QLabel()
        self.tanpa_link.setWordWrap(True)
        self.tanpa_link.setTextFormat(Qt.TextFormat.RichText)
        bl.addWidget(self.tanpa_link)
        split.addWidget(bawah)
        split.setSizes([300, 400])
        lay.addWidget(split)

    def muat(self, tahun: int) -> None:
        hasil = jalankan(
            self,
            self.ctx,
            lambda s, a: (
                svc.ringkasan_bawahan(s, a, tahun),
                svc.matriks_peran_hasil(s, a, tahun),
            ),
            judul="Tidak dapat memuat data bawahan",
        )
        if hasil is GAGAL:
            return
        self.rows, m = hasil
        t = self.tabel
        t.setRowCount(len(self.rows))
        hitung: dict[str, int] = {}
        for i, r in enumerate(self.rows):
            hitung[r.label_status] = hitung.get(r.label_status, 0) + 1
            t.setItem(i, 0, _item(r.nama, i))
            t.setItem(i, 1, _item(format_nip(r.nip)))
            t.setItem(i, 2, _item(r.jabatan))
            t.setItem(i, 3, _item(r.periode))
            t.setItem(
                i,
                4,
                _item(r.label_status, warna=StatusSkp.warna_dari(r.status, "#888"), tebal=True),
            )
            t.setItem(i, 5, _item(r.jumlah_rhk if r.skp_id else ""))
        t.resizeRowsToContents()
        self.ringkas.setText(
            f"<b>{len({r.pegawai_id for r in self.rows})} bawahan, tahun {tahun}</b> · "
            + " · ".join(f"{k}: {v}" for k, v in sorted(hitung.items()))
        )
        self.pesan_matriks.setText(m.pesan or "")
        self.pesan_matriks.setVisible(bool(m.pesan))
        self.matriks.clear()
        tebal = QFont()
        tebal.setBold(True)
        for r in m.rhk:
            it = QTreeWidgetItem([f"{r.label} {r.uraian}", "", ""])
            it.setFont(0, tebal)
            it.setToolTip(0, r.uraian)
            if r.tanpa_dukungan:
                it.setText(1, "Belum didukung bawahan")
                for c in range(3):
                    it.setBackground(c, QBrush(QColor("#fde8e8")))
                it.setForeground(1, QBrush(QColor("#b91c1c")))
            self.matriks.addTopLevelItem(it)
            for p in r.pendukung:
                c = QTreeWidgetItem([p.rhk_uraian, p.pegawai_nama, p.status])
                c.setToolTip(0, p.rhk_uraian)
                it.addChild(c)
        self.matriks.expandAll()
        if m.tanpa_link:
            butir = "".join(f"<li>{b.nama} — {b.alasan}</li>" for b in m.tanpa_link)
            self.tanpa_link.setText(
                "<span style='color:#b45309'><b>Bawahan tanpa keterkaitan dengan RHK Anda:</b>"
                f"</span><ul style='margin-top:2px'>{butir}</ul>"
            )
        else:
            self.tanpa_link.setText("Semua bawahan memiliki RHK yang mengintervensi RHK Anda.")

    def _buka(self, item: QTableWidgetItem) -> None:
        r = self.rows[self.tabel.item(item.row(), 0).data(PERAN)]
        if r.skp_id is None:
            QMessageBox.information(self, "Belum ada SKP", f"{r.nama} belum memiliki SKP.")
            return
        self.buka_skp.emit(r.pegawai_id, r.skp_id)


# --- Pustaka RHK (operators) -------------------------------------------------------------------


class PustakaPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[svc.PustakaRow] = []
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 8, 8, 8)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Jabatan:"))
        self.jabatan = QComboBox()
        self.jabatan.setMinimumWidth(260)
        self.jabatan.currentIndexChanged.connect(lambda _i: self._isi())
        bar.addWidget(self.jabatan)
        self.cari = QLineEdit()
        self.cari.setPlaceholderText("Cari uraian…")
        self.cari.returnPressed.connect(self.muat)
        bar.addWidget(self.cari, 1)
        bar.addWidget(_tombol("Tambah…", self.tambah))
        bar.addWidget(_tombol("Ubah…", self.ubah))
        bar.addWidget(_tombol("Hapus", self.hapus))
        lay.addLayout(bar)
        self.tabel = _tabel(
            ["Jabatan", "Rencana hasil kerja", "Aspek", "Indikator", "Target"], (1, 3)
        )
        self.tabel.itemDoubleClicked.connect(lambda *_: self.ubah())
        lay.addWidget(self.tabel, 1)
        ket = label_keterangan(
            "Pustaka RHK/IKI per jabatan: pegawai memilihnya dengan tombol "
            '"Ambil dari pustaka…" saat menyusun SKP.'
        )
        lay.addWidget(ket)

    def muat(self) -> None:
        rows = jalankan(self, self.ctx, svc.daftar_pustaka, None, self.cari.text())
        if rows is GAGAL:
            return
        self.rows = rows
        pilih = self.jabatan.currentData()
        self.jabatan.blockSignals(True)
        self.jabatan.clear()
        self.jabatan.addItem("Semua jabatan", "")
        for j in sorted({r.jabatan for r in self.rows}):
            self.jabatan.addItem(j, j)
        self.jabatan.setCurrentIndex(max(self.jabatan.findData(pilih or ""), 0))
        self.jabatan.blockSignals(False)
        self._isi()

    def _tampil(self) -> list[svc.PustakaRow]:
        j = self.jabatan.currentData()
        return [r for r in self.rows if not j or r.jabatan == j]

    def _isi(self) -> None:
        rows = self._tampil()
        t = self.tabel
        t.setRowCount(len(rows))
        for i, r in enumerate(rows):
            t.setItem(i, 0, _item(r.jabatan, r.id))
            t.setItem(i, 1, _item(r.uraian_rhk))
            t.setItem(i, 2, _item(svc.LABEL_ASPEK.get(r.aspek or "", "")))
            t.setItem(i, 3, _item(r.uraian_indikator))
            t.setItem(i, 4, _item(r.target_teks))
        t.resizeRowsToContents()

    def _simpan(self, row: svc.PustakaRow | None) -> None:
        nilai = dialogs.isi_pustaka(self, row, sorted({r.jabatan for r in self.rows}))
        if nilai is None:
            return
        if jalankan(self, self.ctx, svc.simpan_pustaka, row.id if row else None, **nilai) is GAGAL:
            return
        self.muat()

    def tambah(self) -> None:
        self._simpan(None)

    def _terpilih(self) -> svc.PustakaRow | None:
        i = self.tabel.currentRow()
        rows = self._tampil()
        return rows[i] if 0 <= i < len(rows) else None

    def ubah(self) -> None:
        row = self._terpilih()
        if row is not None:
            self._simpan(row)

    def hapus(self) -> None:
        row = self._terpilih()
        if row is None or not dialogs.konfirmasi(
            self, "Hapus butir pustaka", f"Hapus «{svc.potong(row.uraian_indikator, 80)}»?"
        ):
            return
        if jalankan(self, self.ctx, svc.hapus_pustaka, row.id) is GAGAL:
            return
        self.muat()
