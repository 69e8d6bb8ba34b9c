"""The editor of one SKP: header, workflow buttons by state and role, and the tabs Hasil Kerja,
Perilaku Kerja, Lampiran, Riwayat and, for a revision, Perubahan (what it changes against the
revision it revises, which the penilai reads before deciding)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.status import StatusSkp
from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui import cetak
from kinerja_desktop.ui.aksi import GAGAL, baca_atau, jalankan
from kinerja_desktop.ui.common.form import label_keterangan
from kinerja_desktop.ui.skp import dialogs
from kinerja_desktop.ui.skp.widgets import (
    PERAN,
    buat_tombol,
    halaman_tab,
    label_nip,
    label_status_html,
    nip_html,
    sel,
    tabel_baru,
)


class SkpEditor(QWidget):
    """Shows one SKP (``tampilkan(skp_id)``) and performs its actions."""

    berubah = Signal()  # status or list changed: the view reloads the SKP list

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: svc.SkpDetail | None = None
        self.beda: svc.BedaRevisi | None = None
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
        self.b_ajukan = buat_tombol("Ajukan", self.ajukan, "Ajukan SKP kepada pejabat penilai")
        self.b_tetapkan = buat_tombol("Tetapkan", self.tetapkan, "Tetapkan SKP (pejabat penilai)")
        self.b_kembalikan = buat_tombol(
            "Kembalikan…", self.kembalikan, "Kembalikan SKP kepada pegawai dengan alasan"
        )
        self.b_revisi = buat_tombol("Revisi…", self.revisi, "Buat revisi SKP yang sudah ditetapkan")
        self.b_tarik = buat_tombol(
            "Tarik kembali",
            self.tarik,
            "Tarik kembali SKP yang diajukan (sebelum diputuskan pejabat penilai) untuk diperbaiki",
        )
        self.b_salin = buat_tombol("Salin dari tahun lalu", self.salin_tahun_lalu)
        self.b_cetak = buat_tombol("Cetak…", self.cetak, "Pratinjau, cetak, atau simpan PDF")
        for b in (
            self.b_ajukan,
            self.b_tarik,
            self.b_tetapkan,
            self.b_kembalikan,
            self.b_revisi,
            self.b_salin,
        ):
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
        self.tab_perubahan = self._bangun_perubahan()
        self.tab.addTab(self.tab_perubahan, "Perubahan")
        isi.addWidget(self.tab, 1)
        lay.addWidget(self.isi, 1)
        self.isi.hide()

    # --- sections ---------------------------------------------------------------------------
    def _bangun_hasil_kerja(self) -> QWidget:
        w, lay = halaman_tab()
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.b_tambah_rhk = buat_tombol("Tambah RHK…", self.tambah_rhk)
        self.b_tambah_iki = buat_tombol(
            "Tambah IKI…", self.tambah_indikator, "Tambah indikator kinerja individu pada RHK"
        )
        self.b_ubah = buat_tombol("Ubah…", self.ubah_terpilih)
        self.b_hapus = buat_tombol("Hapus", self.hapus_terpilih)
        self.b_naik = buat_tombol("Naik", lambda: self.pindah(-1))
        self.b_turun = buat_tombol("Turun", lambda: self.pindah(1))
        self.b_pustaka = buat_tombol(
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
        w, lay = halaman_tab()
        bar = QHBoxLayout()
        self.b_ekspektasi = buat_tombol(
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
        self.tabel_perilaku = tabel_baru(
            ["No", "Perilaku kerja dan panduan", "Ekspektasi khusus pimpinan"], (1, 2)
        )
        self.tabel_perilaku.itemDoubleClicked.connect(lambda *_: self.ubah_ekspektasi())
        lay.addWidget(self.tabel_perilaku, 1)
        return w

    def _bangun_lampiran(self) -> QWidget:
        w, lay = halaman_tab()
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
        self.b_bawaan = buat_tombol("Isi saran bawaan", self.lampiran_bawaan)
        self.b_simpan_lampiran = buat_tombol("Simpan lampiran", self.simpan_lampiran)
        bar.addWidget(self.b_bawaan)
        bar.addWidget(self.b_simpan_lampiran)
        lay.addLayout(bar)
        return w

    def _bangun_riwayat(self) -> QWidget:
        w, lay = halaman_tab()
        self.tabel_riwayat = tabel_baru(["Waktu", "Oleh", "Perubahan", "Alasan / keterangan"], (3,))
        lay.addWidget(self.tabel_riwayat, 1)
        return w

    def _bangun_perubahan(self) -> QWidget:
        w, lay = halaman_tab()
        self.ket_perubahan = label_keterangan("")
        self.ket_perubahan.setWordWrap(True)
        lay.addWidget(self.ket_perubahan)
        self.pohon_beda = QTreeWidget()
        self.pohon_beda.setColumnCount(5)
        self.pohon_beda.setHeaderLabels(
            [
                "Rencana hasil kerja / indikator",
                "Keadaan",
                "Target semula",
                "Target baru",
                "Catatan",
            ]
        )
        self.pohon_beda.setWordWrap(True)
        self.pohon_beda.setAlternatingRowColors(True)
        hh = self.pohon_beda.header()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for kolom in (1, 2, 3):
            hh.setSectionResizeMode(kolom, QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        hh.setStretchLastSection(False)
        hh.resizeSection(4, 260)
        lay.addWidget(self.pohon_beda, 1)
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
            self.tampilkan(self._d.skp.id)

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
            + ("" if s.terkini else " (revisi sebelumnya, hanya baca)")
        )
        self.status.setText(label_status_html(s.status))
        p, n = d.pegawai, d.penilai
        self.info_pegawai.setText(
            f"<b>Pegawai:</b> {p.nama}<br>{label_nip(p)} "
            f"{nip_html(p)}"
            f"<br>{p.jabatan} · {p.pangkat_golongan}"
        )
        self.info_penilai.setText(
            f"<b>Pejabat penilai:</b> {n.nama if n else '-'}<br>"
            f"{label_nip(n)} {nip_html(n)}<br>{n.jabatan if n else ''}"
        )
        pesan = []
        if d.alasan_dikembalikan:
            pesan.append(f"<b>Dikembalikan oleh pejabat penilai:</b> {d.alasan_dikembalikan}")
        if d.alasan_revisi and s.status != svc.DITETAPKAN:
            pesan.append(f"<b>Alasan revisi:</b> {d.alasan_revisi}")
        if s.status == svc.DIAJUKAN and d.izin.tetapkan:
            pesan.append("SKP ini menunggu penetapan Anda sebagai pejabat penilai.")
        self.beda = baca_atau(self.ctx, None, svc.beda_revisi, s.id) if s.revisi else None
        if self.beda is not None and s.status != svc.DITETAPKAN:
            pesan.append(f"<b>{self.beda.ringkasan}</b> (lihat tab Perubahan).")
        self.pesan.setText("<br>".join(pesan))
        self.pesan.setVisible(bool(pesan))
        iz = d.izin
        self.b_ajukan.setVisible(iz.ajukan)
        self.b_tetapkan.setVisible(iz.tetapkan)
        self.b_kembalikan.setVisible(iz.tetapkan)
        self.b_revisi.setVisible(iz.revisi)
        self.b_tarik.setVisible(iz.tarik)
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
        self._isi_perubahan()

    def _isi_perubahan(self) -> None:
        idx = self.tab.indexOf(self.tab_perubahan)
        beda = self.beda
        self.tab.setTabVisible(idx, beda is not None)
        self.pohon_beda.clear()
        if beda is None:
            return
        self.tab.setTabText(idx, "Perubahan" + (" •" if beda.ada_perubahan else ""))
        self.ket_perubahan.setText(
            f"{beda.ringkasan}. IKI yang berlanjut atau berubah membawa realisasi, rencana aksi, "
            "progres harian dan umpan baliknya; IKI yang berakhir tetap tercatat (hanya baca) "
            "pada revisi sebelumnya."
        )
        warna = {svc.BARU: "#15803d", svc.BERUBAH: "#b45309", svc.BERAKHIR: "#b91c1c"}
        tebal = QFont()
        tebal.setBold(True)
        for r in beda.rhk:
            it = QTreeWidgetItem(
                [r.uraian, r.label, "", "", r.uraian_lama and f"semula «{r.uraian_lama}»"]
            )
            it.setFont(0, tebal)
            it.setToolTip(0, r.uraian)
            if r.keadaan in warna:
                it.setForeground(1, QBrush(QColor(warna[r.keadaan])))
            self.pohon_beda.addTopLevelItem(it)
            for i in r.indikator:
                c = QTreeWidgetItem([i.uraian, i.label, i.target_lama, i.target_baru, i.catatan])
                c.setToolTip(0, i.uraian)
                c.setToolTip(4, i.catatan)
                if i.keadaan in warna:
                    c.setForeground(1, QBrush(QColor(warna[i.keadaan])))
                it.addChild(c)
        self.pohon_beda.expandAll()

    def _isi_pohon(self) -> None:
        d = self._d
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
        d = self._d
        t = self.tabel_perilaku
        t.setRowCount(len(d.perilaku))
        for i, p in enumerate(d.perilaku):
            t.setItem(i, 0, sel(i + 1))
            panduan = "\n".join(f"• {x}" for x in p.panduan)
            t.setItem(i, 1, sel(f"{p.nama}\n{panduan}", p.kode))
            t.setItem(i, 2, sel(p.ekspektasi or "—", p.kode))
        t.resizeRowsToContents()
        self.b_ekspektasi.setVisible(d.izin.ekspektasi)
        self.ket_perilaku.setText(
            "Klik ganda satu nilai untuk mengisi ekspektasi khusus pimpinan."
            if d.izin.ekspektasi
            else "Ekspektasi khusus pimpinan diisi oleh pejabat penilai."
        )

    def _isi_riwayat(self) -> None:
        t = self.tabel_riwayat
        rows = list(reversed(self._d.riwayat))
        t.setRowCount(len(rows))
        for i, r in enumerate(rows):
            t.setItem(i, 0, sel(f"{r.waktu_kantor:%d-%m-%Y %H:%M}"))
            t.setItem(i, 1, sel(r.nama_pengguna))
            t.setItem(i, 2, sel(r.label, warna=StatusSkp.warna_dari(r.ke_status)))
            t.setItem(i, 3, sel(r.alasan or ""))
        t.resizeRowsToContents()

    # --- helpers ----------------------------------------------------------------------------
    @property
    def _d(self) -> svc.SkpDetail:
        """The SKP shown: its actions are only reachable while one is."""
        if self.detail is None:
            raise RuntimeError("Tidak ada SKP yang ditampilkan.")
        return self.detail

    def _terpilih(self) -> tuple[str, Any] | None:
        """The selected row's key: ("grup", jenis), ("rhk", id) or ("iki", id)."""
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
        return next(r for r in self._d.rhk if r.id == rhk_id)

    def _iki(self, iki_id: int) -> tuple[svc.RhkRow, svc.IndikatorRow]:
        for r in self._d.rhk:
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
        pilihan = self._jalankan(svc.pilihan_intervensi, self._d.skp.id)
        if pilihan is None:
            return
        nilai = dialogs.isi_rhk(self, self._d, pilihan, None, jenis)
        if nilai is None:
            return
        row = self._jalankan(
            svc.tambah_rhk,
            self._d.skp.id,
            nilai["uraian"],
            nilai["jenis"],
            nilai["rhk_intervensi_id"],
            intervensi_teks=nilai["intervensi_teks"],
            perspektif=nilai["perspektif"],
            penugasan_dari=nilai["penugasan_dari"],
        )
        if row:
            self.tampilkan(self._d.skp.id)
            self._pilih(("rhk", row.id))

    def tambah_indikator(self) -> None:
        pilih = self._terpilih()
        if not pilih or pilih[0] not in ("rhk", "iki"):
            return
        rhk_id = pilih[1] if pilih[0] == "rhk" else self._iki(pilih[1])[0].id
        nilai = dialogs.isi_indikator(self, self._d)
        if nilai is None:
            return
        row = self._jalankan(svc.tambah_indikator, rhk_id, **nilai)
        if row:
            self.tampilkan(self._d.skp.id)
            self._pilih(("iki", row.id))

    def ubah_terpilih(self) -> None:
        pilih = self._terpilih()
        if not pilih or not self._d.izin.ubah:
            return
        if pilih[0] == "rhk":
            rhk = self._rhk(pilih[1])
            pilihan = self._jalankan(svc.pilihan_intervensi, self._d.skp.id)
            if pilihan is None:
                return
            nilai = dialogs.isi_rhk(self, self._d, pilihan, rhk)
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
            nilai = dialogs.isi_indikator(self, self._d, iki)
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
        stack = [self.pohon.invisibleRootItem()]
        while stack:
            x = stack.pop()
            if x.data(0, PERAN) == kunci:
                self.pohon.setCurrentItem(x)
                return
            stack += [c for i in range(x.childCount()) if (c := x.child(i)) is not None]

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
        pilih = dialogs.pilih_pustaka(self, rows, self._d.pegawai.jabatan)
        if not pilih:
            return
        n = self._jalankan(svc.ambil_dari_pustaka, self._d.skp.id, pilih["ids"], pilih["jenis"])
        self.muat_ulang()
        if n is not None:
            self.berubah.emit()

    # --- perilaku, lampiran -----------------------------------------------------------------
    def ubah_ekspektasi(self) -> None:
        if not self.detail or not self.detail.izin.ekspektasi:
            return
        row = self.tabel_perilaku.currentRow()
        row = max(row, 0)
        p = self._d.perilaku[row]
        teks = dialogs.minta_teks(
            self,
            "Ekspektasi Khusus Pimpinan",
            f"Ekspektasi khusus untuk nilai {p.nama}:",
            p.ekspektasi,
        )
        if teks is None:
            return
        self._jalankan(svc.ubah_ekspektasi, self._d.skp.id, p.kode, teks)
        self.muat_ulang()
        self.tabel_perilaku.selectRow(row)

    def ubah_pendekatan(self) -> None:
        baru = self.pendekatan.currentData()
        if self.detail is None or baru == self.detail.skp.pendekatan:
            return
        self._jalankan(svc.ubah_pendekatan, self._d.skp.id, baru, self._d.skp.versi)
        self.muat_ulang()

    def simpan_lampiran(self) -> None:
        for bagian, ed in self.editor_lampiran.items():
            if (
                self._jalankan(
                    svc.ubah_lampiran, self._d.skp.id, bagian, ed.toPlainText().splitlines()
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
                self._d.skp.id,
                self._d.skp.versi,
                judul="SKP belum dapat diajukan",
            )
        )

    def tarik(self) -> None:
        if not dialogs.konfirmasi(
            self,
            "Tarik kembali SKP",
            "Tarik kembali SKP ini dari pejabat penilai? SKP kembali menjadi draf dan dapat "
            "diubah, lalu diajukan lagi.",
        ):
            return
        self._setelah_status(
            self._jalankan(
                svc.tarik_skp, self._d.skp.id, self._d.skp.versi, judul="Tidak dapat ditarik"
            )
        )

    def tetapkan(self) -> None:
        beda = f"\n\n{self.beda.ringkasan}." if self.beda is not None else ""
        if not dialogs.konfirmasi(
            self,
            "Tetapkan SKP",
            f"Tetapkan SKP {self._d.pegawai.nama}? SKP yang sudah "
            f"ditetapkan hanya dapat diubah melalui revisi.{beda}",
        ):
            return
        self._setelah_status(self._jalankan(svc.tetapkan_skp, self._d.skp.id, self._d.skp.versi))

    def kembalikan(self) -> None:
        alasan = dialogs.minta_teks(
            self, "Kembalikan SKP", "Alasan pengembalian (apa yang harus diperbaiki):"
        )
        if alasan is None:
            return
        self._setelah_status(
            self._jalankan(svc.kembalikan_skp, self._d.skp.id, alasan, self._d.skp.versi)
        )

    def revisi(self) -> None:
        alasan = dialogs.minta_teks(self, "Revisi SKP", "Alasan revisi SKP:")
        if alasan is None:
            return
        baru = self._jalankan(svc.revisi_skp, self._d.skp.id, alasan, self._d.skp.versi)
        if baru:
            self.tampilkan(baru.id)
            self.berubah.emit()

    def salin_tahun_lalu(self) -> None:
        n = self._jalankan(svc.salin_dari_tahun_lalu, self._d.skp.id, judul="Tidak dapat menyalin")
        if n is not None:
            QMessageBox.information(
                self, "Salin SKP", f"{n} rencana hasil kerja disalin dari SKP tahun lalu."
            )
        self.muat_ulang()

    def cetak(self) -> None:
        skp_id = self._d.skp.id
        data = self._jalankan(svc.cetak_skp, skp_id, judul="Tidak dapat mencetak")
        if not isinstance(data, bytes):
            return
        nama = self.ctx.run(lambda s, _a: svc.nama_berkas(s, skp_id))
        self._pratinjau = cetak.PratinjauCetak(data, nama, self, judul="Pratinjau SKP")
        self._pratinjau.exec()
