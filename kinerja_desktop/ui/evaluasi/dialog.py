"""The evaluation screen of one pegawai for one period: hasil kerja (RHK, IKI, target,
realisasi, capaian, bukti dukung, feedback thread), perilaku kerja per BerAKHLAK value, the two
ratings with the system's labelled suggestion, the computed predikat, catatan, history and
keberatan. The same dialog serves the penilai (edit), the pegawai (read, object) and the
atasan pejabat penilai (decide an objection)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.status import StatusEvaluasi, StatusKeberatan
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import keberatan as kb
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, coba, jalankan
from kinerja_desktop.ui.evaluasi.keberatan import KeputusanKeberatanDialog
from kinerja_desktop.ui.evaluasi.tab_hasil_kerja import HasilKerjaTab
from kinerja_desktop.ui.evaluasi.tab_penilaian import PenilaianTab
from kinerja_desktop.ui.evaluasi.tab_perilaku import PerilakuTab
from kinerja_desktop.ui.evaluasi.tab_riwayat import RiwayatTab
from kinerja_desktop.ui.evaluasi.widgets import label_status


class EvaluasiDialog(QDialog):
    """Open with ``EvaluasiDialog(ctx, pegawai_id, periode_id, parent)``."""

    def __init__(
        self, ctx: AppContext, pegawai_id: int, periode_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pegawai_id = pegawai_id
        self.periode_id = periode_id
        self.detail: sv.EvaluasiDetail | None = None
        self._kotor = False
        self.setWindowTitle("Evaluasi Kinerja Pegawai")
        self.resize(1180, 780)
        self.setMinimumSize(980, 640)
        self._bangun()
        self.muat()

    # --- layout -------------------------------------------------------------------------
    def _bangun(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(14, 12, 14, 12)
        root.setSpacing(10)
        kepala = QHBoxLayout()
        self.lbl_judul = QLabel()
        f = QFont(self.lbl_judul.font())
        f.setPointSize(f.pointSize() + 3)
        f.setBold(True)
        self.lbl_judul.setFont(f)
        self.lbl_sub = QLabel()
        self.lbl_sub.setStyleSheet("color:#374151")
        kiri = QVBoxLayout()
        kiri.setSpacing(2)
        kiri.addWidget(self.lbl_judul)
        kiri.addWidget(self.lbl_sub)
        kepala.addLayout(kiri, 1)
        self.lbl_status = QLabel()
        self.lbl_status.setObjectName("status")
        self.lbl_status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lbl_status.setMinimumWidth(150)
        kepala.addWidget(self.lbl_status, 0, Qt.AlignmentFlag.AlignTop)
        root.addLayout(kepala)
        self.lbl_pesan = QLabel()
        self.lbl_pesan.setWordWrap(True)
        self.lbl_pesan.setStyleSheet(
            "background:#fef3c7; color:#92400e; padding:6px 8px; border-radius:4px;"
        )
        root.addWidget(self.lbl_pesan)

        self.tab_hasil = HasilKerjaTab(self.ctx)
        self.tab_perilaku = PerilakuTab()
        self.tab_penilaian = PenilaianTab()
        self.tab_riwayat = RiwayatTab()
        self.tab_perilaku.diubah.connect(self._tandai)
        self.tab_penilaian.diubah.connect(self._tandai)
        # the widgets the dialog reads and its callers drive
        self.pohon = self.tab_hasil.pohon
        self.daftar_bukti = self.tab_hasil.daftar_bukti
        self.btn_buka_bukti = self.tab_hasil.btn_buka_bukti
        self.utas = self.tab_hasil.utas
        self.ub_perilaku = self.tab_perilaku.ub_perilaku
        p = self.tab_penilaian
        self.cb_hasil, self.cb_perilaku, self.ed_catatan = p.cb_hasil, p.cb_perilaku, p.ed_catatan
        self.lbl_saran, self.btn_saran, self.lbl_predikat = p.lbl_saran, p.btn_saran, p.lbl_predikat
        self.tbl_riwayat = self.tab_riwayat.tbl_riwayat
        self.txt_keberatan = self.tab_riwayat.txt_keberatan
        self.tabs = QTabWidget()
        self.tabs.addTab(self.tab_hasil, "Hasil Kerja")
        self.tabs.addTab(self.tab_perilaku, "Perilaku Kerja")
        self.tabs.addTab(self.tab_penilaian, "Penilaian && Predikat")
        self.tabs.addTab(self.tab_riwayat, "Riwayat && Keberatan")
        root.addWidget(self.tabs, 1)

        tombol = QHBoxLayout()
        tombol.setSpacing(8)
        self.btn_cetak = QPushButton("Cetak Evaluasi…")
        self.btn_cetak_dok = QPushButton("Cetak Dokumen Evaluasi…")
        self.btn_buka = QPushButton("Buka kembali…")
        self.btn_keberatan = QPushButton("Ajukan keberatan…")
        self.btn_putus = QPushButton("Putuskan keberatan…")
        self.btn_simpan = QPushButton("Simpan")
        self.btn_final = QPushButton("Finalkan…")
        self.btn_tutup = QPushButton("Tutup")
        self.btn_simpan.setDefault(True)
        for b in (
            self.btn_cetak,
            self.btn_cetak_dok,
            self.btn_buka,
            self.btn_keberatan,
            self.btn_putus,
        ):
            tombol.addWidget(b)
        tombol.addStretch(1)
        for b in (self.btn_simpan, self.btn_final, self.btn_tutup):
            tombol.addWidget(b)
        root.addLayout(tombol)
        self.btn_cetak.clicked.connect(lambda: self.cetak(sv.JENIS_CETAK_EVALUASI))
        self.btn_cetak_dok.clicked.connect(lambda: self.cetak(sv.JENIS_CETAK_DOKUMEN))
        self.btn_buka.clicked.connect(self.buka_kembali)
        self.btn_keberatan.clicked.connect(self.ajukan_keberatan)
        self.btn_putus.clicked.connect(self.putus_keberatan)
        self.btn_simpan.clicked.connect(self.simpan)
        self.btn_final.clicked.connect(self.finalkan)
        self.btn_tutup.clicked.connect(self.close)

    # --- data ---------------------------------------------------------------------------
    def muat(self) -> None:
        detail = jalankan(
            self,
            self.ctx,
            sv.buka_evaluasi,
            self.pegawai_id,
            self.periode_id,
            judul="Evaluasi tidak dapat dibuka",
        )
        if detail is GAGAL:
            self.detail = None
            return
        self.detail = detail
        self._tampilkan()

    def _tampilkan(self) -> None:
        d = self.detail
        assert d is not None
        self._memuat = True
        p = d.pegawai
        self.lbl_judul.setText(f"{p.nama} — {d.periode.nama} {d.periode.tahun}")
        self.lbl_sub.setText(
            f"{p.label_nip} {format_nip(p.nip)} · {p.jabatan} · {p.unit_kerja}\n"
            f"Pejabat penilai: {d.penilai_nama or '-'}"
            + (" · Kepala unit" if d.kepala_unit else "")
            + (f" · SKP revisi {d.skp_revisi}" if d.skp_revisi else "")
            # a pending revision is shown beside, never evaluated before it is ditetapkan
            + (f" · {d.tertunda} (dinilai dengan SKP yang berlaku)" if d.tertunda else "")
        )
        warna = StatusEvaluasi.warna_dari(d.status, "#6b7280")
        self.lbl_status.setText(label_status(d.status))
        self.lbl_status.setStyleSheet(
            f"background:{warna}; color:white; padding:6px 10px; border-radius:4px; "
            "font-weight:bold;"
        )
        pesan = d.pesan
        if not pesan and d.final and d.batas_keberatan:
            batas = f"{d.batas_keberatan:%d-%m-%Y}"
            pesan = f"Evaluasi final pada {d.difinalkan_pada:%d-%m-%Y}. " + (
                f"Keberatan dapat diajukan pegawai sampai {batas}."
                if d.hari_ini is None or d.hari_ini <= d.batas_keberatan
                else f"Batas waktu keberatan ({batas}) sudah lewat."
            )
        if not pesan and not d.boleh_menilai and d.status != StatusEvaluasi.FINAL:
            pesan = (
                "Anda dapat melihat evaluasi ini, tetapi hanya pejabat penilainya yang "
                "dapat mengisi penilaian."
            )
        self.lbl_pesan.setText(pesan)
        self.lbl_pesan.setVisible(bool(pesan))
        self.tab_hasil.isi(d)
        self.tab_perilaku.isi(d)
        self.tab_penilaian.isi(d)
        self.tab_riwayat.isi(d)
        ada = d.evaluasi_id is not None
        self.btn_simpan.setVisible(d.boleh_menilai)
        self.btn_final.setVisible(d.boleh_menilai)
        self.btn_buka.setVisible(d.boleh_buka_kembali)
        self.btn_keberatan.setVisible(d.boleh_ajukan_keberatan)
        self.btn_putus.setVisible(d.boleh_putus_keberatan)
        self.btn_cetak.setEnabled(ada)
        self.btn_cetak_dok.setEnabled(ada)
        self._memuat = False
        self._kotor = False
        self.tab_penilaian.perbarui_predikat()

    # --- interactions -------------------------------------------------------------------
    def _tandai(self) -> None:
        if not getattr(self, "_memuat", False):
            self._kotor = True

    def _nilai_form(self) -> dict:
        d = self.detail
        assert d is not None
        return {
            **self.tab_penilaian.nilai(d.kepala_unit),
            "umpan_balik_perilaku": self.tab_perilaku.umpan_balik(),
        }

    def simpan(self) -> bool:
        d = self.detail
        if d is None or d.evaluasi_id is None:
            return False
        detail = jalankan(
            self, self.ctx, sv.simpan_evaluasi, d.evaluasi_id, versi=d.versi, **self._nilai_form()
        )
        if detail is GAGAL:
            return False
        self.detail = detail
        self._tampilkan()
        return True

    def finalkan(self) -> None:
        d = self.detail
        if d is None or d.evaluasi_id is None:
            return
        jawab = QMessageBox.question(
            self,
            "Finalkan evaluasi",
            "Setelah final, evaluasi terkunci dan dapat dicetak untuk ditandatangani. "
            "Perubahan hanya dapat dilakukan dengan membukanya kembali disertai alasan.\n\n"
            "Finalkan sekarang?",
        )
        if jawab != QMessageBox.StandardButton.Yes:
            return
        sebab = jalankan(self, self.ctx, sv.perlu_alasan_final, d.evaluasi_id)
        if sebab is GAGAL:
            return
        alasan = None
        if sebab:
            alasan, ok = QInputDialog.getMultiLineText(
                self, "Finalisasi sebelum periode berakhir", f"{sebab}\n\nAlasan:", ""
            )
            if not ok or not alasan.strip():
                return
        # unsaved edits are saved in the same transaction: a refused finalise keeps none
        perubahan = self._nilai_form() if self._kotor else {}
        hasil = jalankan(
            self,
            self.ctx,
            sv.simpan_dan_finalkan_evaluasi if perubahan else sv.finalkan_evaluasi,
            d.evaluasi_id,
            judul="Evaluasi belum dapat difinalkan",
            versi=d.versi,
            alasan=alasan,
            **perubahan,
        )
        if hasil is GAGAL:
            return
        self.detail = hasil
        self._tampilkan()

    def buka_kembali(self) -> None:
        d = self.detail
        if d is None or d.evaluasi_id is None:
            return
        alasan, ok = QInputDialog.getMultiLineText(
            self,
            "Buka kembali evaluasi",
            "Alasan membuka kembali (dicatat dalam riwayat):",
            "",
        )
        if not ok:
            return
        detail = jalankan(
            self,
            self.ctx,
            sv.buka_kembali_evaluasi,
            d.evaluasi_id,
            alasan,
            judul="Evaluasi tidak dapat dibuka kembali",
            versi=d.versi,
        )
        if detail is GAGAL:
            return
        self.detail = detail
        self._tampilkan()

    def ajukan_keberatan(self) -> None:
        d = self.detail
        if d is None or d.evaluasi_id is None:
            return
        alasan, ok = QInputDialog.getMultiLineText(
            self,
            "Ajukan keberatan",
            f"Alasan keberatan atas hasil evaluasi (kepada atasan pejabat penilai; paling lambat "
            f"{d.batas_keberatan:%d-%m-%Y}):",
            "",
        )
        if not ok:
            return
        diajukan = jalankan(
            self,
            self.ctx,
            kb.ajukan_keberatan,
            d.evaluasi_id,
            alasan,
            judul="Keberatan tidak dapat diajukan",
        )
        if diajukan is GAGAL:
            return
        self.muat()

    def putus_keberatan(self) -> None:
        d = self.detail
        if d is None:
            return
        tertunda = [k for k in d.keberatan if k.status == StatusKeberatan.DIAJUKAN]
        if not tertunda:
            return
        dlg = KeputusanKeberatanDialog(tertunda[0], d, self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        diputus = jalankan(
            self,
            self.ctx,
            kb.putus_keberatan,
            tertunda[0].id,
            dlg.keputusan(),
            judul="Keputusan tidak dapat disimpan",
            rating_hasil_kerja=dlg.cb_hasil.currentData(),
            rating_perilaku=dlg.cb_perilaku.currentData(),
            catatan=dlg.ed_catatan.toPlainText(),
            versi=tertunda[0].versi,
        )
        if diputus is GAGAL:
            return
        self.muat()

    def cetak(self, jenis: str) -> None:
        d = self.detail
        if d is None or d.evaluasi_id is None:
            return
        if self._kotor and d.boleh_menilai and not self.simpan():
            return
        from io import BytesIO

        from kinerja_desktop.services.cetak import tulis_cetakan

        gagal = "Tidak dapat mencetak"
        cetakan = jalankan(self, self.ctx, sv.siapkan_cetak, d.evaluasi_id, jenis, judul=gagal)
        if cetakan is GAGAL:
            return
        buf = BytesIO()
        if coba(self, tulis_cetakan, buf, cetakan, judul=gagal) is GAGAL:
            return
        judul = (
            "Evaluasi Kinerja Pegawai"
            if jenis == sv.JENIS_CETAK_EVALUASI
            else "Dokumen Evaluasi Kinerja Pegawai"
        )
        tampilkan_pratinjau(self, buf.getvalue(), cetakan.nama_berkas, judul)

    def closeEvent(self, event) -> None:
        if self._kotor and self.detail is not None and self.detail.boleh_menilai:
            jawab = QMessageBox.question(
                self,
                "Perubahan belum disimpan",
                "Ada perubahan penilaian yang belum disimpan. Simpan sekarang?",
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if jawab == QMessageBox.StandardButton.Cancel:
                event.ignore()
                return
            if jawab == QMessageBox.StandardButton.Save and not self.simpan():
                event.ignore()
                return
        super().closeEvent(event)


def tampilkan_pratinjau(parent: QWidget, pdf: bytes, nama: str, judul: str) -> None:
    """The shared print preview (ui/cetak.py) with the system print dialog."""
    from kinerja_desktop.ui.cetak import PratinjauCetak

    PratinjauCetak(pdf, nama, parent, judul=judul).exec()
