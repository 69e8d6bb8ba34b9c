"""Progres Harian tab: a week grid for fast entry (one row per activity, any day of the week),
a month view, evidence for an entry, and "Sarankan realisasi" from the sum of daily output."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.angka import format_angka
from kinerja_desktop.domain.tanggal import BULAN
from kinerja_desktop.services import bukti as bk
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.waktu import hari_ini
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.pemantauan.widgets import PERAN, item, persen, tabel, tombol

HARI = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
K_TANGGAL, K_URAIAN, K_KODE, K_KUANTITAS, K_SATUAN, K_BUKTI = range(6)
KOLOM_MINGGU = [
    "Hari / Tanggal",
    "Uraian Kegiatan",
    "RHK / IKI / Rencana Aksi",
    "Kuantitas",
    "Satuan",
    "Bukti",
]


def label_hari(d: date) -> str:
    return f"{HARI[d.weekday()]}, {d:%d-%m-%Y}"


class ProgresTab(QWidget):
    berubah = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.halaman: pm.HalamanPemantauan | None = None
        self.acuan = self.ctx.run(lambda s, _a: hari_ini(s))
        self._pilihan_kode: list[tuple[str, str]] = []  # (label, "rhk:1" / "ra:2" / "iki:3")

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.setSpacing(8)
        nav = QHBoxLayout()
        nav.setSpacing(6)
        self.mode = QComboBox()
        self.mode.addItem("Minggu", "MINGGU")
        self.mode.addItem("Bulan", "BULAN")
        self.mode.currentIndexChanged.connect(lambda _i: self.muat_ulang())
        nav.addWidget(QLabel("Tampilan:"))
        nav.addWidget(self.mode)
        nav.addSpacing(12)
        nav.addWidget(tombol("◀ Sebelumnya", lambda: self._geser(-1)))
        nav.addWidget(tombol("Hari ini", self._hari_ini))
        nav.addWidget(tombol("Berikutnya ▶", lambda: self._geser(1)))
        self.judul = QLabel("")
        self.judul.setStyleSheet("font-weight: bold; font-size: 11pt;")
        nav.addSpacing(12)
        nav.addWidget(self.judul, 1)
        self.b_saran = tombol(
            "Sarankan realisasi…",
            self._sarankan,
            "Jumlahkan kuantitas progres harian per IKI dalam periode terpilih",
        )
        nav.addWidget(self.b_saran)
        lay.addLayout(nav)

        self.tabel = tabel(KOLOM_MINGGU, regang=(K_URAIAN,))
        hh = self.tabel.horizontalHeader()
        hh.setSectionResizeMode(K_KODE, QHeaderView.ResizeMode.Interactive)
        self.tabel.setColumnWidth(K_KODE, 260)
        hh.setSectionResizeMode(K_TANGGAL, QHeaderView.ResizeMode.Interactive)
        self.tabel.setColumnWidth(K_TANGGAL, 170)
        self.tabel.verticalHeader().setDefaultSectionSize(30)
        lay.addWidget(self.tabel, 1)

        tb = QHBoxLayout()
        tb.setSpacing(6)
        self.b_tambah = tombol("Tambah baris", self._tambah_baris)
        self.b_cepat = tombol(
            "Isi cepat Senin–Jumat",
            self._isi_cepat,
            "Tambahkan satu baris kosong untuk setiap hari kerja minggu ini",
        )
        self.b_hapus = tombol("Hapus baris", self._hapus)
        self.b_berkas = tombol("Lampirkan berkas…", self._lampir_berkas)
        self.b_tautan = tombol("Lampirkan tautan…", self._lampir_tautan)
        for b in (self.b_tambah, self.b_cepat, self.b_hapus, self.b_berkas, self.b_tautan):
            tb.addWidget(b)
        tb.addStretch(1)
        self.ringkasan = QLabel("")
        tb.addWidget(self.ringkasan)
        self.b_simpan = tombol("Simpan", self._simpan)
        tb.addWidget(self.b_simpan)
        lay.addLayout(tb)

    # --- period of the view ---------------------------------------------------------------
    @property
    def minggu(self) -> bool:
        return self.mode.currentData() == "MINGGU"

    def rentang(self) -> tuple[date, date]:
        if self.minggu:
            awal = pm.awal_minggu(self.acuan)
            return awal, awal + timedelta(days=6)
        akhir = calendar.monthrange(self.acuan.year, self.acuan.month)[1]
        return self.acuan.replace(day=1), self.acuan.replace(day=akhir)

    def _geser(self, arah: int) -> None:
        if self.minggu:
            self.acuan += timedelta(days=7 * arah)
        else:
            m = self.acuan.month - 1 + arah
            self.acuan = date(self.acuan.year + m // 12, m % 12 + 1, 1)
        self.muat_ulang()

    def _hari_ini(self) -> None:
        self.acuan = self.ctx.run(lambda s, _a: hari_ini(s))
        self.muat_ulang()

    def atur_acuan(self, d: date) -> None:
        self.acuan = d

    # --- loading --------------------------------------------------------------------------
    def muat(self, h: pm.HalamanPemantauan) -> None:
        self.halaman = h
        self._pilihan_kode = []
        rhk_sudah: set[int] = set()
        for b in h.baris:
            if b.rhk_id not in rhk_sudah:
                rhk_sudah.add(b.rhk_id)
                self._pilihan_kode.append(
                    (f"{b.rhk_kode} — RHK: {b.rhk_uraian}", f"rhk:{b.rhk_id}")
                )
                for ra_i, ra in enumerate(
                    (r for r in h.rencana_aksi if r.rhk_id == b.rhk_id), start=1
                ):
                    self._pilihan_kode.append(
                        (f"{b.rhk_kode}.RA{ra_i} — Rencana aksi: {ra.uraian}", f"ra:{ra.id}")
                    )
            self._pilihan_kode.append(
                (f"{b.indikator_kode} — IKI: {b.indikator_uraian}", f"iki:{b.indikator_id}")
            )
        if h.tahun != self.acuan.year:
            self.acuan = (
                date(h.tahun, 1, 1)
                if h.periode_aktif is None
                else min(max(h.periode_aktif.mulai, date(h.tahun, 1, 1)), h.periode_aktif.selesai)
            )
        self.muat_ulang()

    def muat_ulang(self) -> None:
        h = self.halaman
        if h is None:
            return
        mulai, selesai = self.rentang()
        if self.minggu:
            self.judul.setText(f"Minggu {mulai:%d-%m-%Y} s.d. {selesai:%d-%m-%Y}")
        else:
            self.judul.setText(f"{BULAN[mulai.month - 1]} {mulai.year}")
        rows = jalankan(
            self,
            self.ctx,
            pm.daftar_progres,
            h.pegawai_id,
            mulai,
            selesai,
            judul="Progres harian tidak dapat dimuat",
        )
        if rows is GAGAL:
            return
        boleh = bool(h.skp_id) and (
            self.ctx.actor.is_admin or self.ctx.actor.pegawai_id == h.pegawai_id
        )
        self.boleh = boleh
        t = self.tabel
        t.setRowCount(0)
        edit = self.minggu and boleh
        for r in rows:
            self._tambah(r, edit)
        jumlah = sum(1 for r in rows)
        total_k: dict[str, float] = {}
        for r in rows:
            if r.kuantitas is not None and r.indikator_kode:
                total_k[r.indikator_kode] = total_k.get(r.indikator_kode, 0) + r.kuantitas
        teks = f"{jumlah} kegiatan"
        if total_k and not self.minggu:
            teks += " · " + ", ".join(
                f"IKI {k}: {format_angka(v)}" for k, v in sorted(total_k.items())
            )
        self.ringkasan.setText(teks)
        for w in (
            self.b_tambah,
            self.b_cepat,
            self.b_hapus,
            self.b_simpan,
            self.b_berkas,
            self.b_tautan,
        ):
            w.setEnabled(edit)
            w.setVisible(self.minggu)
        self.b_saran.setEnabled(bool(h.skp_id) and h.periode_aktif is not None)

    def _combo_hari(self, pilih: date) -> QComboBox:
        mulai, _ = self.rentang()
        c = QComboBox()
        for i in range(7):
            d = mulai + timedelta(days=i)
            c.addItem(label_hari(d), d.isoformat())
        i = c.findData(pilih.isoformat())
        c.setCurrentIndex(max(i, 0))
        return c

    def _combo_kode(self, r: pm.ProgresRow | None) -> QComboBox:
        c = QComboBox()
        c.addItem("— pilih —", None)
        for label, data in self._pilihan_kode:
            c.addItem(label if len(label) < 90 else label[:88] + "…", data)
            c.setItemData(c.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        if r is not None:
            target = (
                f"iki:{r.indikator_id}"
                if r.indikator_id
                else f"ra:{r.rencana_aksi_id}"
                if r.rencana_aksi_id
                else f"rhk:{r.rhk_id}"
            )
            i = c.findData(target)
            if i < 0:
                # entered against another revision of the SKP (before a revision took effect):
                # the row keeps its IKI instead of losing it
                kode = r.indikator_kode or r.rhk_kode or ""
                c.addItem(f"{kode} — dari SKP revisi lain".strip(" —"), target)
                i = c.count() - 1
            c.setCurrentIndex(i)
        c.setMinimumWidth(220)
        return c

    def _tambah(self, r: pm.ProgresRow | None, edit: bool = True, hari: date | None = None) -> int:
        t = self.tabel
        i = t.rowCount()
        t.insertRow(i)
        tanggal = r.tanggal if r else (hari or self._hari_default())
        if edit:
            t.setCellWidget(i, K_TANGGAL, self._combo_hari(tanggal))
            t.setCellWidget(i, K_KODE, self._combo_kode(r))
            uraian = QTableWidgetItem(r.uraian if r else "")
            t.setItem(i, K_URAIAN, uraian)
            t.setItem(
                i,
                K_KUANTITAS,
                QTableWidgetItem(
                    format_angka(r.kuantitas) if r and r.kuantitas is not None else ""
                ),
            )
            t.setItem(i, K_SATUAN, QTableWidgetItem(r.satuan or "" if r else ""))
        else:
            t.setItem(i, K_TANGGAL, item(label_hari(tanggal)))
            t.setItem(i, K_URAIAN, item(r.uraian if r else ""))
            t.setItem(i, K_KODE, item((r.indikator_kode or r.rhk_kode or "") if r else ""))
            t.setItem(
                i,
                K_KUANTITAS,
                item(
                    format_angka(r.kuantitas) if r and r.kuantitas is not None else "",
                    rata=Qt.AlignmentFlag.AlignRight,
                ),
            )
            t.setItem(i, K_SATUAN, item(r.satuan if r else ""))
        bukti = item(r.jumlah_bukti or "" if r else "", r, rata=Qt.AlignmentFlag.AlignHCenter)
        t.setItem(i, K_BUKTI, bukti)
        if r is not None and r.terlambat:
            bukti.setToolTip("Dicatat setelah batas pengisian periodenya")
        if edit:
            t.setEditTriggers(t.EditTrigger.AllEditTriggers)
        return i

    def _hari_default(self) -> date:
        mulai, selesai = self.rentang()
        hari = self.ctx.run(lambda s, _a: hari_ini(s))
        return hari if mulai <= hari <= selesai else mulai

    # --- editing --------------------------------------------------------------------------
    def _tambah_baris(self) -> None:
        i = self._tambah(None)
        self.tabel.setCurrentCell(i, K_URAIAN)
        self.tabel.editItem(self._sel(i, K_URAIAN))

    def _isi_cepat(self) -> None:
        mulai, _ = self.rentang()
        for k in range(5):
            self._tambah(None, hari=mulai + timedelta(days=k))

    def entri_tabel(self) -> list[tuple[int, pm.EntriProgres]]:
        """(table row, entry) for every row with an activity description."""
        hasil = []
        t = self.tabel
        for i in range(t.rowCount()):
            uraian = self._teks(i, K_URAIAN)
            lama: pm.ProgresRow | None = self._sel(i, K_BUKTI).data(PERAN)
            if not uraian and lama is None:
                continue
            hari = cast(QComboBox, t.cellWidget(i, K_TANGGAL))
            kode = cast(QComboBox | None, t.cellWidget(i, K_KODE))
            data = kode.currentData() if kode else None
            e = pm.EntriProgres(
                tanggal=date.fromisoformat(hari.currentData()),
                uraian=uraian,
                id=lama.id if lama else None,
            )
            if data:
                jenis, _, nilai = data.partition(":")
                if jenis == "iki":
                    e.indikator_id = int(nilai)
                elif jenis == "ra":
                    e.rencana_aksi_id = int(nilai)
                else:
                    e.rhk_id = int(nilai)
            e.kuantitas = self._teks(i, K_KUANTITAS) or None  # the service reads the number
            e.satuan = self._teks(i, K_SATUAN) or None
            hasil.append((i, e))
        return hasil

    def _sel(self, baris: int, kolom: int) -> QTableWidgetItem:
        """A cell of the grid; _tambah puts an item in every text column of a row."""
        return cast(QTableWidgetItem, self.tabel.item(baris, kolom))

    def _teks(self, baris: int, kolom: int) -> str:
        it = self.tabel.item(baris, kolom)
        return it.text().strip() if it is not None else ""

    def _simpan(self) -> None:
        h = self.halaman
        if h is None:
            return
        baris = self.entri_tabel()
        if not baris:
            QMessageBox.information(self, "Progres harian", "Belum ada kegiatan yang diisi.")
            return
        for i in range(self.tabel.rowCount()):
            self._sel(i, K_BUKTI).setBackground(self.palette().base())

        def tandai_salah(exc: Exception) -> bool:
            if not isinstance(exc, pm.EntriTidakValid):
                return False
            from PySide6.QtGui import QColor

            for k in exc.kesalahan:
                i = baris[k.indeks][0]
                for c in range(self.tabel.columnCount()):
                    it = self.tabel.item(i, c)
                    if it is not None:
                        it.setBackground(QColor("#fde2e1"))
            pesan = "\n".join(
                f"Baris {baris[k.indeks][0] + 1}"
                + (f" ({k.kolom})" if k.kolom else "")
                + f": {k.alasan}"
                for k in exc.kesalahan
            )
            QMessageBox.warning(
                self,
                "Progres harian belum tersimpan",
                f"Tidak ada yang disimpan. Perbaiki dahulu:\n\n{pesan}",
            )
            return True

        entri = [e for _, e in baris]
        simpan = pm.simpan_progres_banyak
        if jalankan(self, self.ctx, simpan, h.pegawai_id, entri, tangani=tandai_salah) is GAGAL:
            return
        self.berubah.emit()

    def _terpilih(self) -> tuple[int, pm.ProgresRow | None] | None:
        rows = self.tabel.selectionModel().selectedRows()
        i = rows[0].row() if rows else self.tabel.currentRow()
        if i < 0:
            return None
        return i, self._sel(i, K_BUKTI).data(PERAN)

    def _hapus(self) -> None:
        pilih = self._terpilih()
        if pilih is None:
            return
        i, r = pilih
        if r is None:
            self.tabel.removeRow(i)
            return
        if QMessageBox.question(self, "Hapus progres", f"Hapus kegiatan “{r.uraian}”?") != (
            QMessageBox.StandardButton.Yes
        ):
            return
        if jalankan(self, self.ctx, pm.hapus_progres, r.id) is GAGAL:
            return
        self.berubah.emit()

    def _entri_tersimpan(self) -> pm.ProgresRow | None:
        pilih = self._terpilih()
        if pilih is None or pilih[1] is None:
            QMessageBox.information(
                self, "Lampirkan bukti", "Pilih kegiatan yang sudah disimpan terlebih dahulu."
            )
            return None
        return pilih[1]

    def _lampir_berkas(self) -> None:
        r = self._entri_tersimpan()
        if r is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, "Lampirkan bukti dukung", "", bk.FILTER_DIALOG)
        if not path:
            return
        lampiran = jalankan(
            self,
            self.ctx,
            bk.lampirkan_berkas,
            bk.BuktiStore(self.ctx.db.folder_bukti),
            path,
            judul="Berkas tidak dilampirkan",
            progres_id=r.id,
        )
        if lampiran is GAGAL:
            return
        self.berubah.emit()

    def _lampir_tautan(self) -> None:
        r = self._entri_tersimpan()
        if r is None:
            return
        url, ok = QInputDialog.getText(self, "Lampirkan tautan", "Alamat tautan (https://…):")
        if not ok or not url.strip():
            return
        lampiran = jalankan(
            self,
            self.ctx,
            bk.lampirkan_tautan,
            url,
            None,
            judul="Tautan tidak dilampirkan",
            progres_id=r.id,
        )
        if lampiran is GAGAL:
            return
        self.berubah.emit()

    # --- suggestion -----------------------------------------------------------------------
    def _sarankan(self) -> None:
        h = self.halaman
        if h is None or h.periode_aktif is None:
            return
        periode_id = h.periode_aktif.id
        saran = jalankan(
            self,
            self.ctx,
            lambda s, a: [
                (b, pm.saran_realisasi(s, a, b.indikator_id, periode_id))
                for b in h.baris
                if not b.kualitatif
            ],
        )
        if saran is GAGAL:
            return
        dlg = DialogSaran(h, saran, self, boleh=self.boleh and h.boleh_ubah)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        for indikator_id, nilai in dlg.dipilih():  # one action each: the ones before stay
            simpan = pm.simpan_realisasi
            if (
                jalankan(
                    self,
                    self.ctx,
                    simpan,
                    indikator_id,
                    periode_id,
                    nilai,
                    judul="Realisasi tidak tersimpan",
                )
                is GAGAL
            ):
                break
        self.berubah.emit()


class DialogSaran(QDialog):
    """Sum of daily output per IKI in the period; the user ticks which to use as realisasi."""

    def __init__(
        self,
        h: pm.HalamanPemantauan,
        saran: list,
        parent: QWidget | None = None,
        boleh: bool = True,
    ) -> None:
        super().__init__(parent)
        periode = h.periode_aktif.label if h.periode_aktif else "-"
        self.setWindowTitle(f"Saran realisasi — {periode}")
        self.resize(820, 380)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 12, 12, 12)
        lay.addWidget(
            QLabel(
                "Jumlah kuantitas progres harian per IKI dalam periode ini. Centang yang ingin "
                "dipakai sebagai realisasi (status kembali Draf)."
            )
        )
        self.tabel = tabel(
            ["Pakai", "IKI", "Target", "Realisasi sekarang", "Dari progres", "Capaian", "Catatan"],
            regang=(1,),
        )
        self._data = []
        for b, s in saran:
            i = self.tabel.rowCount()
            self.tabel.insertRow(i)
            cek = QCheckBox()
            beda = s.entri > 0 and (b.nilai is None or abs(b.nilai - s.jumlah) > 1e-9)
            cek.setChecked(beda and boleh)
            cek.setEnabled(s.entri > 0 and boleh)
            self.tabel.setCellWidget(i, 0, cek)
            self.tabel.setItem(i, 1, item(f"{b.indikator_kode} {b.indikator_uraian}"))
            self.tabel.setItem(i, 2, item(b.target_label))
            self.tabel.setItem(i, 3, item(b.realisasi_label or "—"))
            self.tabel.setItem(
                i, 4, item(f"{format_angka(s.jumlah)} {s.satuan or ''}" if s.entri else "—")
            )
            from kinerja_desktop.domain.predikat import hitung_capaian

            self.tabel.setItem(
                i, 5, item(persen(hitung_capaian(s.jumlah, b.target_nilai)) if s.entri else "-")
            )
            self.tabel.setItem(i, 6, item(f"{s.entri} catatan" if s.entri else "tidak ada"))
            self._data.append((cek, b.indikator_id, s.jumlah))
        self.tabel.resizeRowsToContents()
        lay.addWidget(self.tabel, 1)
        tombol_box = QDialogButtonBox()
        self.b_pakai = tombol_box.addButton(
            "Pakai sebagai realisasi", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.b_pakai.setEnabled(boleh)
        tombol_box.addButton("Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        tombol_box.accepted.connect(self.accept)
        tombol_box.rejected.connect(self.reject)
        lay.addWidget(tombol_box)

    def dipilih(self) -> list[tuple[int, float]]:
        return [(iid, jumlah) for cek, iid, jumlah in self._data if cek.isChecked()]
