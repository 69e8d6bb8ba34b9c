"""Realisasi tab: the IKI of the SKP with target, realisasi (capaian live while typing),
evidence and the feedback thread of the selected item."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.angka import format_angka, parse_angka
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.predikat import hitung_capaian
from kinerja_desktop.domain.status import StatusRealisasi
from kinerja_desktop.services import bukti as bk
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services import umpan_balik as ub
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, baca_atau, jalankan
from kinerja_desktop.ui.pemantauan.umpan_balik import UmpanBalikPanel
from kinerja_desktop.ui.pemantauan.widgets import PERAN, item, persen, tabel, tombol, warna_status

KOLOM = [
    "Kode",
    "Rencana Hasil Kerja / Indikator",
    "Target",
    "Realisasi",
    "Capaian",
    "Status",
    "Bukti",
    "Umpan Balik",
]
KANAN = Qt.AlignmentFlag.AlignRight
TENGAH = Qt.AlignmentFlag.AlignHCenter


class RealisasiTab(QWidget):
    berubah = Signal()  # data changed: the view reloads the page

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.halaman: pm.HalamanPemantauan | None = None
        self._baris: dict[int, pm.BarisRealisasi] = {}  # table row -> IKI row
        self._rhk_row: dict[int, int] = {}  # table row -> rhk_id
        self._perilaku: list[tuple[str, str]] = []

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.setSpacing(8)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        lay.addWidget(split, 1)

        # --- left: table and entry form
        kiri = QWidget()
        kl = QVBoxLayout(kiri)
        kl.setContentsMargins(0, 0, 0, 0)
        kl.setSpacing(8)
        self.tabel = tabel(KOLOM, regang=(1,))
        self.tabel.setMinimumWidth(560)
        self.tabel.itemSelectionChanged.connect(self._pilih)
        kl.addWidget(self.tabel, 1)

        self.form = QGroupBox("Isi realisasi")
        fl = QFormLayout(self.form)
        fl.setContentsMargins(10, 8, 10, 8)
        fl.setHorizontalSpacing(12)
        fl.setVerticalSpacing(6)
        self.label_iki = QLabel("Pilih indikator pada tabel di atas.")
        self.label_iki.setWordWrap(True)
        fl.addRow("Indikator:", self.label_iki)
        baris = QHBoxLayout()
        self.nilai = QLineEdit()
        self.nilai.setPlaceholderText("mis. 12 atau 12,5")
        self.nilai.setFixedWidth(170)
        self.nilai.textChanged.connect(self._hitung)
        self.satuan = QLabel("")
        self.capaian = QLabel("Capaian: -")
        self.capaian.setMinimumWidth(200)
        baris.addWidget(self.nilai)
        baris.addWidget(self.satuan)
        baris.addSpacing(16)
        baris.addWidget(self.capaian)
        baris.addStretch(1)
        fl.addRow("Realisasi:", baris)
        self.narasi = QPlainTextEdit()
        self.narasi.setPlaceholderText(
            "Uraian realisasi (wajib untuk IKI kualitatif; keterangan untuk IKI kuantitatif)"
        )
        self.narasi.setFixedHeight(58)
        fl.addRow("Uraian:", self.narasi)
        tb = QHBoxLayout()
        self.info_form = QLabel("")
        self.info_form.setWordWrap(True)
        self.info_form.setStyleSheet("color: #7a5a00;")
        tb.addWidget(self.info_form, 1)
        self.b_saran = tombol(
            "Sarankan dari progres…",
            self._saran,
            "Jumlah kuantitas progres harian IKI ini dalam periode",
        )
        self.b_simpan = tombol("Simpan", self._simpan)
        self.b_simpan.setDefault(True)
        tb.addWidget(self.b_saran)
        tb.addWidget(self.b_simpan)
        fl.addRow(tb)
        kl.addWidget(self.form)

        bawah = QHBoxLayout()
        self.ringkasan = QLabel("")
        self.ringkasan.setWordWrap(True)  # wraps instead of squeezing the Ajukan button
        bawah.addWidget(self.ringkasan, 1)
        self.b_ajukan = tombol(
            "Ajukan realisasi periode ini",
            self._ajukan,
            "Kirim realisasi seluruh IKI periode ini kepada pejabat penilai",
        )
        bawah.addWidget(self.b_ajukan)
        kl.addLayout(bawah)
        split.addWidget(kiri)

        # --- right: evidence and feedback
        kanan = QWidget()
        kanan.setMinimumWidth(330)
        kr = QVBoxLayout(kanan)
        kr.setContentsMargins(0, 0, 0, 0)
        kr.setSpacing(8)
        self.grup_bukti = QGroupBox("Bukti dukung")
        bl = QVBoxLayout(self.grup_bukti)
        bl.setContentsMargins(8, 8, 8, 8)
        self.daftar_bukti = QListWidget()
        self.daftar_bukti.setMinimumHeight(90)
        self.daftar_bukti.itemDoubleClicked.connect(lambda _i: self._buka())
        bl.addWidget(self.daftar_bukti)
        b1 = QHBoxLayout()
        self.b_berkas = tombol("Lampirkan berkas…", self._lampir_berkas)
        self.b_tautan = tombol("Lampirkan tautan…", self._lampir_tautan)
        b1.addWidget(self.b_berkas)
        b1.addWidget(self.b_tautan)
        bl.addLayout(b1)
        b2 = QHBoxLayout()
        self.b_buka = tombol("Buka", self._buka)
        self.b_simpan_sbg = tombol("Simpan sebagai…", self._simpan_sebagai)
        self.b_hapus = tombol("Hapus", self._hapus)
        for b in (self.b_buka, self.b_simpan_sbg, self.b_hapus):
            b.setMinimumWidth(80)
            b2.addWidget(b)
        bl.addLayout(b2)
        kr.addWidget(self.grup_bukti)

        grup_ub = QGroupBox("Umpan balik berkelanjutan")
        ul = QVBoxLayout(grup_ub)
        ul.setContentsMargins(8, 8, 8, 8)
        sas = QHBoxLayout()
        sas.addWidget(QLabel("Tentang:"))
        self.sasaran = QComboBox()
        self.sasaran.setMinimumWidth(180)
        self.sasaran.currentIndexChanged.connect(lambda _i: self._tampil_umpan_balik())
        sas.addWidget(self.sasaran, 1)
        ul.addLayout(sas)
        self.panel_ub = UmpanBalikPanel(ctx)
        self.panel_ub.terkirim.connect(self.berubah)
        self.panel_ub.dibaca.connect(self._umpan_balik_dibaca)
        ul.addWidget(self.panel_ub, 1)
        kr.addWidget(grup_ub, 1)
        split.addWidget(kanan)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self._atur_form(None)

    # --- data -----------------------------------------------------------------------------
    @property
    def store(self) -> bk.BuktiStore:
        return bk.BuktiStore(self.ctx.db.folder_bukti)

    def muat(self, halaman: pm.HalamanPemantauan) -> None:
        pilihan = self.terpilih()
        pilihan_id = pilihan.indikator_id if pilihan else None
        self.halaman = halaman
        if halaman.skp_id and not self._perilaku:
            self._perilaku = baca_atau(self.ctx, [], ub.perilaku_skp, halaman.skp_id)
        t = self.tabel
        t.blockSignals(True)
        t.selectionModel().blockSignals(True)
        t.setRowCount(0)
        self._baris.clear()
        self._rhk_row.clear()
        rhk_terakhir = None
        pilih_baris = None
        for b in halaman.baris:
            if b.rhk_id != rhk_terakhir:
                rhk_terakhir = b.rhk_id
                r = t.rowCount()
                t.insertRow(r)
                label = "RHK Tambahan" if b.rhk_jenis == "TAMBAHAN" else "RHK"
                t.setItem(r, 0, item(b.rhk_kode, tebal=True, latar="#eef1f6"))
                t.setItem(r, 1, item(f"{label}: {b.rhk_uraian}", tebal=True, latar="#eef1f6"))
                t.setSpan(r, 1, 1, len(KOLOM) - 1)
                self._rhk_row[r] = b.rhk_id
            r = t.rowCount()
            t.insertRow(r)
            self._baris[r] = b
            latar, warna = warna_status(b.status)
            status = StatusRealisasi(b.status).label + (" · terlambat" if b.terlambat else "")
            n_ub = sum(len(u.pesan) for u in b.umpan_balik)
            t.setItem(r, 0, item(b.indikator_kode, b.indikator_id))
            t.setItem(r, 1, item(b.indikator_uraian, tip=b.indikator_uraian))
            t.setItem(r, 2, item(b.target_label, rata=KANAN if not b.kualitatif else None))
            t.setItem(
                r, 3, item(b.realisasi_label or "—", rata=KANAN if not b.kualitatif else None)
            )
            t.setItem(r, 4, item(persen(b.capaian), rata=KANAN))
            t.setItem(r, 5, item(status, latar=latar, warna="#b00020" if b.terlambat else warna))
            t.setItem(r, 6, item(b.jumlah_bukti or "", rata=TENGAH))
            t.setItem(r, 7, self._sel_umpan_balik(n_ub, halaman.belum_dibaca_iki(b)))
            if b.indikator_id == pilihan_id:
                pilih_baris = r
        t.resizeRowsToContents()
        terisi = halaman.jumlah_terisi
        self.ringkasan.setText(
            f"{terisi} dari {len(halaman.baris)} IKI terisi · Keadaan periode: "
            f"<b>{StatusRealisasi(halaman.status).label}</b>"
            + (
                " · <span style='color:#b00020'>batas pengisian sudah lewat</span>"
                if halaman.lewat_batas and halaman.status in (pm.BELUM_MULAI, pm.DRAF)
                else ""
            )
        )
        self.b_ajukan.setEnabled(halaman.boleh_ubah and halaman.status == pm.DRAF)
        if pilih_baris is None and self._baris:
            pilih_baris = min(self._baris)
        if pilih_baris is not None:
            t.selectRow(pilih_baris)
        t.blockSignals(False)
        t.selectionModel().blockSignals(False)
        self._pilih()

    def pilih_iki(self, indikator_id: int) -> bool:
        """Select an IKI's row (e.g. opened from the Beranda's unread feedback)."""
        for r, b in self._baris.items():
            if b.indikator_id == indikator_id:
                self.tabel.selectRow(r)
                return True
        return False

    def terpilih(self) -> pm.BarisRealisasi | None:
        rows = self.tabel.selectionModel().selectedRows() if self.tabel.selectionModel() else []
        return self._baris.get(rows[0].row()) if rows else None

    def _rhk_terpilih(self) -> int | None:
        rows = self.tabel.selectionModel().selectedRows()
        return self._rhk_row.get(rows[0].row()) if rows else None

    # --- selection ------------------------------------------------------------------------
    def _pilih(self) -> None:
        b = self.terpilih()
        self._atur_form(b)
        self._isi_sasaran()
        self._muat_bukti()

    def _isi_sasaran(self) -> None:
        self.sasaran.blockSignals(True)
        self.sasaran.clear()
        b = self.terpilih()
        rhk = self._rhk_terpilih()
        if b is not None:
            self.sasaran.addItem(f"IKI {b.indikator_kode}", f"indikator_id:{b.indikator_id}")
            self.sasaran.addItem(f"RHK {b.rhk_kode}", f"rhk_id:{b.rhk_id}")
        elif rhk is not None:
            kode = next((x.rhk_kode for x in self._baris.values() if x.rhk_id == rhk), "")
            self.sasaran.addItem(f"RHK {kode}", f"rhk_id:{rhk}")
        for kode, nama in self._perilaku:
            self.sasaran.addItem(f"Perilaku: {nama}", f"nilai_perilaku:{kode}")
        self.sasaran.blockSignals(False)
        self._tampil_umpan_balik()

    @staticmethod
    def _sel_umpan_balik(n: int, baru: int) -> QTableWidgetItem:
        """ "3 pesan · 1 baru": unread messages in bold, until the thread is shown."""
        teks = f"{n} pesan" + (f" · {baru} baru" if baru else "") if n else ""
        sel = item(teks, rata=TENGAH, tebal=bool(baru))
        if baru:
            sel.setToolTip(f"{baru} pesan umpan balik belum Anda baca")
        return sel

    def _umpan_balik_dibaca(self, utas_ids: list[int]) -> None:
        """The panel showed these threads: their row no longer says "baru"."""
        h = self.halaman
        if h is None:
            return
        for uid in utas_ids:
            h.belum_dibaca.pop(uid, None)
        for r, b in self._baris.items():
            if any(u.id in utas_ids for u in b.umpan_balik):
                n = sum(len(u.pesan) for u in b.umpan_balik)
                self.tabel.setItem(r, 7, self._sel_umpan_balik(n, h.belum_dibaca_iki(b)))

    def _tampil_umpan_balik(self) -> None:
        h = self.halaman
        data = self.sasaran.currentData()
        if h is None or h.skp_id is None or data is None:
            self.panel_ub.kosongkan()
            return
        kunci, _, nilai = data.partition(":")
        if kunci != "nilai_perilaku":
            nilai = int(nilai)
        iki = next((b for b in self._baris.values() if b.indikator_id == nilai), None)
        if kunci == "indikator_id" and iki is not None:
            utas = list(iki.umpan_balik)  # already on the page: no query
        else:
            dimuat = jalankan(
                self,
                self.ctx,
                ub.umpan_balik_skp,
                h.skp_id,
                judul="Umpan balik tidak dapat dimuat",
                periode_id=h.periode_aktif.id if h.periode_aktif else None,
                **{kunci: nilai},
            )
            if dimuat is GAGAL:
                return
            utas = dimuat
        actor = self.ctx.actor
        diri = actor.pegawai_id == h.pegawai_id
        penilai = actor.pegawai_id is not None and not diri
        self.panel_ub.tampilkan(
            f"Umpan balik — {self.sasaran.currentText()}",
            h.skp_id,
            h.periode_aktif.id if h.periode_aktif else None,
            {kunci: nilai},
            utas,
            boleh_mulai=penilai,
            boleh_balas=diri or penilai,
        )

    def _atur_form(self, b: pm.BarisRealisasi | None) -> None:
        h = self.halaman
        boleh = bool(h and h.boleh_ubah and b is not None and b.berakhir is None)
        for w in (self.nilai, self.narasi, self.b_simpan, self.b_saran):
            w.setEnabled(boleh)
        for w in (self.b_berkas, self.b_tautan):
            w.setEnabled(boleh)
        self.nilai.blockSignals(True)
        if b is None:
            self.label_iki.setText("Pilih indikator pada tabel di atas.")
            self.nilai.clear()
            self.narasi.clear()
            self.satuan.setText("")
        else:
            self.label_iki.setText(
                f"<b>{b.indikator_kode}</b> {b.indikator_uraian} — target <b>{b.target_label}</b>"
            )
            self.nilai.setText(format_angka(b.nilai) if b.nilai is not None else "")
            self.narasi.setPlainText(b.narasi or "")
            self.satuan.setText(b.target_satuan or "")
            self.nilai.setVisible(not b.kualitatif)
            self.satuan.setVisible(not b.kualitatif)
            self.b_saran.setVisible(not b.kualitatif)
        self.nilai.blockSignals(False)
        self._hitung()
        info = ""
        if h is not None:
            if h.terkunci:
                info = "Evaluasi periode ini sudah final: realisasi dan bukti terkunci."
            elif b is not None and b.berakhir is not None:
                info = (
                    f"Indikator ini tidak dilanjutkan pada SKP revisi {b.berakhir}; "
                    "realisasinya tersimpan sebagai riwayat dan hanya dapat dibaca."
                )
            elif b is not None and b.dari_revisi is not None:
                nama = "SKP awal" if b.dari_revisi == 0 else f"SKP revisi {b.dari_revisi}"
                info = (
                    f"Realisasi ini diisi pada {nama}; indikatornya berlanjut di revisi ini "
                    "sehingga isian tetap dipakai (mengubahnya tidak membuat isian kedua)."
                )
            elif h.skp_id is None:
                info = "Pegawai belum memiliki SKP tahun ini."
            elif not (self.ctx.actor.is_admin or self.ctx.actor.pegawai_id == h.pegawai_id):
                info = (
                    "Hanya pegawai yang bersangkutan yang mengisi realisasi; Anda dapat "
                    "membaca dan memberi umpan balik."
                )
            elif h.lewat_batas:
                info = (
                    "Batas pengisian periode ini sudah lewat: isian tetap diterima tetapi "
                    "ditandai terlambat."
                )
        self.info_form.setText(info)

    def _hitung(self) -> None:
        b = self.terpilih()
        if b is None or b.kualitatif:
            self.capaian.setText("Capaian: - (kualitatif)" if b is not None else "Capaian: -")
            self.capaian.setStyleSheet("")
            return
        try:
            v = parse_angka(self.nilai.text(), "Realisasi")
        except ValidationError as exc:
            self.capaian.setText(exc.pesan)
            self.capaian.setStyleSheet("color: #b00020;")
            return
        c = hitung_capaian(v, b.target_nilai)
        self.capaian.setText(f"Capaian: <b>{persen(c)}</b>")
        self.capaian.setStyleSheet("color: #1d5e2c;" if c is not None and c >= 100 else "")

    # --- actions --------------------------------------------------------------------------
    def _simpan(self) -> None:
        b = self.terpilih()
        h = self.halaman
        if b is None or h is None or h.periode_aktif is None:
            return
        tersimpan = jalankan(
            self,
            self.ctx,
            pm.simpan_realisasi,
            b.indikator_id,
            h.periode_aktif.id,
            None if b.kualitatif else self.nilai.text(),
            self.narasi.toPlainText(),
            judul="Realisasi tidak tersimpan",
            versi=b.versi,
        )
        if tersimpan is GAGAL:
            return
        self.berubah.emit()

    def _saran(self) -> None:
        b = self.terpilih()
        h = self.halaman
        if b is None or h is None or h.periode_aktif is None:
            return
        s = jalankan(self, self.ctx, pm.saran_realisasi, b.indikator_id, h.periode_aktif.id)
        if s is GAGAL:
            return
        if s.entri == 0:
            QMessageBox.information(
                self,
                "Saran realisasi",
                f"Belum ada progres harian dengan kuantitas untuk IKI {b.indikator_kode} pada "
                f"{h.periode_aktif.nama}. Catat progres harian dengan memilih IKI ini.",
            )
            return
        jawab = QMessageBox.question(
            self,
            "Saran realisasi",
            f"Jumlah {s.entri} catatan progres harian IKI {b.indikator_kode} pada "
            f"{h.periode_aktif.nama}: {format_angka(s.jumlah)} {s.satuan or ''}.\n\n"
            "Pakai angka ini sebagai realisasi? (Belum disimpan sampai Anda menekan Simpan.)",
        )
        if jawab == QMessageBox.StandardButton.Yes:
            self.nilai.setText(format_angka(s.jumlah))

    def _ajukan(self) -> None:
        h = self.halaman
        if h is None or h.skp_id is None or h.periode_aktif is None:
            return
        jawab = QMessageBox.question(
            self,
            "Ajukan realisasi",
            f"Ajukan realisasi {h.periode_aktif.nama} {h.tahun} kepada pejabat penilai?",
        )
        if jawab != QMessageBox.StandardButton.Yes:
            return
        n = jalankan(
            self,
            self.ctx,
            pm.ajukan_realisasi,
            h.skp_id,
            h.periode_aktif.id,
            judul="Belum dapat diajukan",
        )
        if n is GAGAL:
            return
        QMessageBox.information(self, "Ajukan realisasi", f"{n} realisasi diajukan.")
        self.berubah.emit()

    # --- evidence -------------------------------------------------------------------------
    def _muat_bukti(self) -> None:
        self.daftar_bukti.clear()
        b = self.terpilih()
        if b is not None and b.realisasi_id is not None:
            rows = jalankan(
                self,
                self.ctx,
                bk.daftar_bukti,
                judul="Bukti dukung tidak dapat dimuat",
                realisasi_id=b.realisasi_id,
            )
            for row in rows if rows is not GAGAL else []:
                it = QListWidgetItem(row.label)
                it.setData(PERAN, row)
                it.setToolTip(row.url or row.keterangan or row.nama)
                self.daftar_bukti.addItem(it)
        self.grup_bukti.setTitle(
            f"Bukti dukung — IKI {b.indikator_kode}" if b is not None else "Bukti dukung"
        )
        self._atur_tombol_bukti()

    def _atur_tombol_bukti(self) -> None:
        ada = self.daftar_bukti.count() > 0
        h = self.halaman
        for w in (self.b_buka, self.b_simpan_sbg):
            w.setEnabled(ada)
        self.b_hapus.setEnabled(ada and bool(h and h.boleh_ubah))

    def _bukti_terpilih(self) -> bk.BuktiRow | None:
        it = self.daftar_bukti.currentItem() or (
            self.daftar_bukti.item(0) if self.daftar_bukti.count() == 1 else None
        )
        return it.data(PERAN) if it is not None else None

    def _pastikan_realisasi(self) -> int | None:
        """Evidence belongs to a realisasi: save the typed value first if needed."""
        b = self.terpilih()
        if b is None:
            return None
        if b.realisasi_id is not None:
            return b.realisasi_id
        QMessageBox.information(
            self,
            "Simpan realisasi dahulu",
            "Isi dan simpan realisasi IKI ini terlebih dahulu, lalu lampirkan bukti dukungnya.",
        )
        return None

    def _lampir_berkas(self) -> None:
        rid = self._pastikan_realisasi()
        if rid is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self, "Lampirkan bukti dukung", "", bk.FILTER_DIALOG
        )
        if not paths:
            return
        for p in paths:
            jalankan(
                self,
                self.ctx,
                bk.lampirkan_berkas,
                self.store,
                p,
                judul="Berkas tidak dilampirkan",
                realisasi_id=rid,
            )
        self.berubah.emit()

    def _lampir_tautan(self) -> None:
        rid = self._pastikan_realisasi()
        if rid is None:
            return
        url, ok = QInputDialog.getText(
            self, "Lampirkan tautan", "Alamat tautan (http:// atau https://):"
        )
        if not ok or not url.strip():
            return
        judul, _ok = QInputDialog.getText(self, "Lampirkan tautan", "Judul (boleh kosong):")
        lampiran = jalankan(
            self,
            self.ctx,
            bk.lampirkan_tautan,
            url,
            judul,
            judul="Tautan tidak dilampirkan",
            realisasi_id=rid,
        )
        if lampiran is GAGAL:
            return
        self.berubah.emit()

    def _buka(self) -> None:
        row = self._bukti_terpilih()
        if row is None:
            return
        tujuan = jalankan(
            self, self.ctx, bk.buka_bukti, self.store, row.id, judul="Bukti tidak dapat dibuka"
        )
        if tujuan is GAGAL:
            return
        url = QUrl(tujuan) if row.jenis == "TAUTAN" else QUrl.fromLocalFile(tujuan)
        self.terakhir_dibuka = url
        QDesktopServices.openUrl(url)

    def _simpan_sebagai(self) -> None:
        row = self._bukti_terpilih()
        if row is None:
            return
        if row.jenis == "TAUTAN":
            QMessageBox.information(self, "Simpan sebagai", "Tautan tidak berupa berkas.")
            return
        from kinerja_desktop.services.bukti_aman import nama_aman

        # the stored name is only a suggestion inside the folder; never a path of its own
        path, _ = QFileDialog.getSaveFileName(
            self, "Simpan bukti sebagai", str(Path.home() / nama_aman(row.nama))
        )
        if not path:
            return
        jalankan(
            self,
            self.ctx,
            bk.simpan_bukti_sebagai,
            self.store,
            row.id,
            path,
            judul="Berkas tidak tersimpan",
        )

    def _hapus(self) -> None:
        row = self._bukti_terpilih()
        if row is None:
            return
        jawab = QMessageBox.question(self, "Hapus bukti dukung", f"Hapus bukti dukung {row.nama}?")
        if jawab != QMessageBox.StandardButton.Yes:
            return
        if jalankan(self, self.ctx, bk.hapus_bukti, row.id, judul="Bukti tidak dihapus") is GAGAL:
            return
        self.berubah.emit()
