"""The evaluation screen of one pegawai for one period: hasil kerja (RHK, IKI, target,
realisasi, capaian, bukti dukung, feedback thread), perilaku kerja per BerAKHLAK value, the two
ratings with the system's labelled suggestion, the computed predikat, catatan, history and
keberatan. The same dialog serves the penilai (edit), the pegawai (read, object) and the
atasan pejabat penilai (decide an objection)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.predikat import Predikat, Rating, predikat_kinerja
from kinerja_desktop.domain.status import StatusEvaluasi, StatusKeberatan
from kinerja_desktop.domain.tanggal import waktu_lokal
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import keberatan as kb
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, coba, jalankan


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


def _isi_rating(combo: QComboBox, kosong: str = "— pilih —") -> None:
    combo.addItem(kosong, None)
    for r in Rating:
        combo.addItem(r.label, r.value)


def _pilih(combo: QComboBox, nilai: str | None) -> None:
    i = combo.findData(nilai)
    combo.setCurrentIndex(max(i, 0))


def _thread_html(thread) -> str:
    if not thread:
        return "<i>Belum ada umpan balik.</i>"
    bagian = []
    for u in thread:
        indent = "margin-left:18px;" if u.induk_id else ""
        bagian.append(
            f"<p style='{indent}'><b>{u.penulis}</b> "
            f"<span style='color:#6b7280'>{waktu_lokal(u.waktu):%d-%m-%Y %H:%M}</span><br>"
            f"{_esc(u.teks)}</p>"
        )
    return "".join(bagian)


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

        self.tabs = QTabWidget()
        self.tabs.addTab(self._tab_hasil_kerja(), "Hasil Kerja")
        self.tabs.addTab(self._tab_perilaku(), "Perilaku Kerja")
        self.tabs.addTab(self._tab_penilaian(), "Penilaian && Predikat")
        self.tabs.addTab(self._tab_riwayat(), "Riwayat && Keberatan")
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

    def _tab_hasil_kerja(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.setContentsMargins(8, 8, 8, 8)
        split = QSplitter(Qt.Orientation.Vertical)
        self.pohon = QTreeWidget()
        self.pohon.setColumnCount(7)
        self.pohon.setHeaderLabels(
            [
                "Rencana Hasil Kerja / Indikator",
                "Aspek",
                "Target",
                "Realisasi",
                "Capaian",
                "Bukti Dukung",
                "Umpan Balik",
            ]
        )
        self.pohon.setAlternatingRowColors(True)
        self.pohon.setWordWrap(True)
        self.pohon.setUniformRowHeights(False)
        h = self.pohon.header()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c, lebar in ((1, 80), (2, 100), (3, 200), (4, 80), (5, 95), (6, 95)):
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.Interactive)
            self.pohon.setColumnWidth(c, lebar)
        self.pohon.currentItemChanged.connect(self._pilih_iki)
        split.addWidget(self.pohon)
        bawah = QWidget()
        bl = QHBoxLayout(bawah)
        bl.setContentsMargins(0, 0, 0, 0)
        kotak_b = QGroupBox("Bukti dukung (klik dua kali untuk membuka)")
        kb_l = QVBoxLayout(kotak_b)
        self.daftar_bukti = QListWidget()
        self.daftar_bukti.itemDoubleClicked.connect(self._buka_bukti)
        kb_l.addWidget(self.daftar_bukti)
        self.btn_buka_bukti = QPushButton("Buka bukti dukung")
        self.btn_buka_bukti.clicked.connect(
            lambda: self._buka_bukti(self.daftar_bukti.currentItem())
        )
        kb_l.addWidget(self.btn_buka_bukti, 0, Qt.AlignmentFlag.AlignRight)
        kotak_u = QGroupBox("Umpan balik berkelanjutan")
        ku_l = QVBoxLayout(kotak_u)
        self.utas = QTextBrowser()
        ku_l.addWidget(self.utas)
        bl.addWidget(kotak_b, 2)
        bl.addWidget(kotak_u, 3)
        split.addWidget(bawah)
        split.setSizes([420, 220])
        lay.addWidget(split)
        return w

    def _tab_perilaku(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        isi = QWidget()
        self._perilaku_lay = QVBoxLayout(isi)
        self._perilaku_lay.setContentsMargins(8, 8, 8, 8)
        self._perilaku_lay.setSpacing(10)
        self.ub_perilaku: dict[str, QPlainTextEdit] = {}
        self._perilaku_info: dict[str, tuple[QLabel, QTextBrowser]] = {}
        from kinerja_desktop.domain.berakhlak import BERAKHLAK

        for n in BERAKHLAK:
            box = QGroupBox(n.nama)
            g = QGridLayout(box)
            g.setHorizontalSpacing(12)
            panduan = QLabel("\n".join(f"• {t}" for t in n.panduan))
            panduan.setWordWrap(True)
            panduan.setStyleSheet("color:#374151")
            eksp = QLabel()
            eksp.setWordWrap(True)
            utas = QTextBrowser()
            utas.setMaximumHeight(80)
            edit = QPlainTextEdit()
            edit.setPlaceholderText(f"Umpan balik penilai untuk nilai {n.nama}…")
            edit.setMaximumHeight(70)
            edit.textChanged.connect(self._tandai)
            g.addWidget(panduan, 0, 0, 2, 1)
            g.addWidget(eksp, 2, 0)
            g.addWidget(QLabel("Umpan balik selama periode:"), 0, 1)
            g.addWidget(utas, 1, 1, 2, 1)
            g.addWidget(QLabel("Umpan balik penilai (dicetak):"), 0, 2)
            g.addWidget(edit, 1, 2, 2, 1)
            g.setColumnStretch(0, 4)
            g.setColumnStretch(1, 3)
            g.setColumnStretch(2, 3)
            self._perilaku_lay.addWidget(box)
            self.ub_perilaku[n.kode] = edit
            self._perilaku_info[n.kode] = (eksp, utas)
        self._perilaku_lay.addStretch(1)
        scroll.setWidget(isi)
        return scroll

    def _tab_penilaian(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        lay.setContentsMargins(12, 12, 12, 12)
        lay.setSpacing(12)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        self.cb_hasil = QComboBox()
        _isi_rating(self.cb_hasil)
        self.cb_hasil.setMinimumWidth(240)
        self.lbl_saran = QLabel()
        self.lbl_saran.setObjectName("saran")
        self.lbl_saran.setWordWrap(True)
        self.lbl_saran.setStyleSheet("color:#1d4ed8; font-style: italic;")
        self.btn_saran = QPushButton("Pakai saran")
        self.btn_saran.setToolTip(
            "Isi rating hasil kerja dengan saran sistem (Anda tetap dapat mengubahnya)."
        )
        self.btn_saran.clicked.connect(self._pakai_saran)
        baris_h = QHBoxLayout()
        baris_h.addWidget(self.cb_hasil)
        baris_h.addWidget(self.btn_saran)
        baris_h.addStretch(1)
        form.addRow("Rating Hasil Kerja:", baris_h)
        form.addRow("", self.lbl_saran)
        self.cb_perilaku = QComboBox()
        _isi_rating(self.cb_perilaku)
        self.cb_perilaku.setMinimumWidth(240)
        form.addRow("Rating Perilaku Kerja:", self.cb_perilaku)
        self.lbl_predikat = QLabel()
        self.lbl_predikat.setObjectName("predikat")
        fp = QFont(self.lbl_predikat.font())
        fp.setPointSize(fp.pointSize() + 4)
        fp.setBold(True)
        self.lbl_predikat.setFont(fp)
        form.addRow("Predikat Kinerja Pegawai:", self.lbl_predikat)
        ket = QLabel(
            "Predikat dihitung dari kedua rating menurut matriks PermenPAN-RB 6/2022; "
            "tidak diketik."
        )
        ket.setStyleSheet("color:#6b7280")
        form.addRow("", ket)
        self.lbl_org = QLabel()
        form.addRow("Predikat Kinerja Organisasi:", self.lbl_org)
        self.lbl_ak = QLabel()
        self.lbl_ak.setObjectName("angka_kredit")
        self.lbl_ak.setWordWrap(True)
        form.addRow("Angka Kredit:", self.lbl_ak)
        lay.addLayout(form)
        lay.addWidget(QLabel("Catatan/Rekomendasi:"))
        self.ed_catatan = QPlainTextEdit()
        self.ed_catatan.setPlaceholderText("Catatan dan rekomendasi pengembangan untuk pegawai…")
        self.ed_catatan.setMinimumHeight(110)
        lay.addWidget(self.ed_catatan, 1)
        self.cb_hasil.currentIndexChanged.connect(self._rating_berubah)
        self.cb_perilaku.currentIndexChanged.connect(self._rating_berubah)
        self.ed_catatan.textChanged.connect(self._tandai)
        return w

    def _tab_riwayat(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
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
        return w

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
                if date.today() <= d.batas_keberatan
                else f"Batas waktu keberatan ({batas}) sudah lewat."
            )
        if not pesan and not d.boleh_menilai and d.status != StatusEvaluasi.FINAL:
            pesan = (
                "Anda dapat melihat evaluasi ini, tetapi hanya pejabat penilainya yang "
                "dapat mengisi penilaian."
            )
        self.lbl_pesan.setText(pesan)
        self.lbl_pesan.setVisible(bool(pesan))
        self._isi_pohon(d)
        for pr in d.perilaku:
            eksp, utas = self._perilaku_info[pr.kode]
            eksp.setText(f"<b>Ekspektasi Khusus Pimpinan:</b> {pr.ekspektasi or '-'}")
            utas.setHtml(_thread_html(pr.thread))
            edit = self.ub_perilaku[pr.kode]
            edit.setPlainText(pr.umpan_balik)
            edit.setReadOnly(not d.boleh_menilai)
        _pilih(self.cb_hasil, d.rating_hasil_kerja)
        _pilih(self.cb_perilaku, d.rating_perilaku)
        self.lbl_saran.setText(d.teks_saran)
        self.ed_catatan.setPlainText(d.catatan)
        self.ed_catatan.setReadOnly(not d.boleh_menilai)
        self.cb_hasil.setEnabled(d.boleh_menilai and not d.kepala_unit)
        self.btn_saran.setEnabled(
            d.boleh_menilai and not d.kepala_unit and d.saran_rating is not None
        )
        self.cb_perilaku.setEnabled(d.boleh_menilai)
        self.lbl_org.setText(
            sv.PredikatOrg(d.predikat_organisasi).label
            if d.predikat_organisasi
            else "Belum ditetapkan"
        )
        self.lbl_ak.setText(
            f"{d.angka_kredit}  ({d.angka_kredit_keterangan})"
            if d.angka_kredit
            else d.angka_kredit_keterangan
        )
        self._isi_riwayat(d)
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
        self._perbarui_predikat()

    def _isi_pohon(self, d: sv.EvaluasiDetail) -> None:
        self.pohon.clear()
        for jenis, label in (("UTAMA", "A. UTAMA"), ("TAMBAHAN", "B. TAMBAHAN")):
            seksi = QTreeWidgetItem([label])
            f = seksi.font(0)
            f.setBold(True)
            seksi.setFont(0, f)
            seksi.setFirstColumnSpanned(True)
            self.pohon.addTopLevelItem(seksi)
            for r in d.hasil_kerja:
                if r.jenis != jenis:
                    continue
                rhk = QTreeWidgetItem([f"{r.nomor}. {r.uraian}"])
                rhk.setToolTip(
                    0, f"{r.uraian}\nIntervensi: {r.intervensi}" if r.intervensi else r.uraian
                )
                seksi.addChild(rhk)
                rhk.setFirstColumnSpanned(True)
                for i in r.indikator:
                    item = QTreeWidgetItem(
                        [
                            i.uraian,
                            i.aspek,
                            i.target,
                            i.realisasi.replace("\n", " · ") or "-",
                            i.capaian_teks,
                            str(len(i.bukti)),
                            f"{len(i.umpan_balik)} pesan",
                        ]
                    )
                    item.setToolTip(3, i.realisasi)
                    item.setToolTip(0, i.uraian)
                    item.setTextAlignment(5, Qt.AlignmentFlag.AlignCenter)
                    item.setData(0, Qt.ItemDataRole.UserRole, i)
                    item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight)
                    if i.capaian is not None and i.capaian < 80:
                        item.setForeground(4, Qt.GlobalColor.darkRed)
                    rhk.addChild(item)
            if seksi.childCount() == 0:
                seksi.addChild(QTreeWidgetItem(["(tidak ada)"]))
        self.pohon.expandAll()
        self.daftar_bukti.clear()
        self.utas.setHtml("<i>Pilih indikator untuk melihat bukti dukung dan umpan balik.</i>")

    def _isi_riwayat(self, d: sv.EvaluasiDetail) -> None:
        self.tbl_riwayat.setRowCount(len(d.riwayat))
        for r, row in enumerate(d.riwayat):
            for c, teks in enumerate(
                (
                    f"{waktu_lokal(row.waktu):%d-%m-%Y %H:%M}",
                    row.nama_pengguna,
                    LABEL_AKSI.get(row.aksi, row.aksi),
                    row.alasan or "",
                )
            ):
                self.tbl_riwayat.setItem(r, c, QTableWidgetItem(teks))
        if not d.keberatan:
            self.txt_keberatan.setHtml("<i>Tidak ada keberatan.</i>")
            return
        bagian = []
        for k in d.keberatan:
            diputus = k.status == StatusKeberatan.DIPUTUS
            s = (
                f"<p><b>Diajukan {k.diajukan_pada:%d-%m-%Y}</b>: {_esc(k.alasan)}<br>"
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
                    + (f"<br>Catatan: {_esc(k.catatan_keputusan)}" if k.catatan_keputusan else "")
                )
            bagian.append(s + "</p>")
        self.txt_keberatan.setHtml("".join(bagian))

    # --- interactions -------------------------------------------------------------------
    def _tandai(self) -> None:
        if not getattr(self, "_memuat", False):
            self._kotor = True

    def _rating_berubah(self) -> None:
        self._tandai()
        self._perbarui_predikat()

    def _perbarui_predikat(self) -> None:
        rh, rp = self.cb_hasil.currentData(), self.cb_perilaku.currentData()
        if rh and rp:
            p = predikat_kinerja(Rating(rh), Rating(rp))
            self.lbl_predikat.setText(p.label)
        else:
            self.lbl_predikat.setText("— (pilih kedua rating)")

    def _pakai_saran(self) -> None:
        if self.detail and self.detail.saran_rating:
            _pilih(self.cb_hasil, self.detail.saran_rating)

    def _pilih_iki(self, item: QTreeWidgetItem | None, _prev: object = None) -> None:
        self.daftar_bukti.clear()
        iki = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if iki is None:
            return
        for b in iki.bukti:
            teks = f"{'Tautan' if b.jenis == 'TAUTAN' else 'Berkas'}: {b.nama}"
            it = QListWidgetItem(teks)
            it.setData(Qt.ItemDataRole.UserRole, b)
            it.setToolTip(b.url or b.keterangan or b.nama)
            self.daftar_bukti.addItem(it)
        if not iki.bukti:
            self.daftar_bukti.addItem("(belum ada bukti dukung)")
        self.utas.setHtml(_thread_html(iki.umpan_balik))

    def _buka_bukti(self, item: QListWidgetItem | None) -> None:
        b = item.data(Qt.ItemDataRole.UserRole) if item else None
        if b is None:
            return
        from kinerja_desktop.services.bukti import BuktiStore, buka_bukti

        store = BuktiStore(self.ctx.db.folder_bukti)
        tujuan = jalankan(
            self, self.ctx, buka_bukti, store, b.id, judul="Bukti dukung tidak dapat dibuka"
        )
        if tujuan is GAGAL:
            return
        url = QUrl(tujuan) if "://" in tujuan else QUrl.fromLocalFile(tujuan)
        QDesktopServices.openUrl(url)

    def _nilai_form(self) -> dict:
        d = self.detail
        assert d is not None
        kw: dict = {
            "rating_perilaku": self.cb_perilaku.currentData(),
            "catatan": self.ed_catatan.toPlainText(),
            "umpan_balik_perilaku": {k: e.toPlainText() for k, e in self.ub_perilaku.items()},
        }
        if not d.kepala_unit:
            kw["rating_hasil_kerja"] = self.cb_hasil.currentData()
        return kw

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
        # unsaved edits are saved in the same transaction: a refused finalise keeps none
        perubahan = self._nilai_form() if self._kotor else {}
        hasil = jalankan(
            self,
            self.ctx,
            sv.simpan_dan_finalkan_evaluasi if perubahan else sv.finalkan_evaluasi,
            d.evaluasi_id,
            judul="Evaluasi belum dapat difinalkan",
            versi=d.versi,
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


class KeputusanKeberatanDialog(QDialog):
    """The atasan pejabat penilai's decision: Tetap, or Diubah with the new ratings."""

    def __init__(
        self, keberatan: sv.KeberatanRow, detail: sv.EvaluasiDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Putuskan keberatan")
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 12)
        lay.setSpacing(10)
        info = QLabel(
            f"<b>{detail.pegawai.nama}</b> — {detail.periode.nama} "
            f"{detail.periode.tahun}<br>Hasil semula: rating hasil kerja "
            f"<b>{label_rating(detail.rating_hasil_kerja)}</b>, rating perilaku "
            f"<b>{label_rating(detail.rating_perilaku)}</b>, predikat "
            f"<b>{label_predikat(detail.predikat)}</b>.<br><br><b>Alasan keberatan:</b> "
            f"{_esc(keberatan.alasan)}"
        )
        info.setWordWrap(True)
        lay.addWidget(info)
        garis = QFrame()
        garis.setFrameShape(QFrame.Shape.HLine)
        lay.addWidget(garis)
        self.rb_tetap = QRadioButton("Tetap — hasil evaluasi tidak berubah")
        self.rb_ubah = QRadioButton("Diubah — tetapkan rating baru")
        self.rb_tetap.setChecked(True)
        lay.addWidget(self.rb_tetap)
        lay.addWidget(self.rb_ubah)
        form = QFormLayout()
        self.cb_hasil = QComboBox()
        _isi_rating(self.cb_hasil)
        _pilih(self.cb_hasil, detail.rating_hasil_kerja)
        self.cb_perilaku = QComboBox()
        _isi_rating(self.cb_perilaku)
        _pilih(self.cb_perilaku, detail.rating_perilaku)
        self.lbl_predikat = QLabel()
        form.addRow("Rating Hasil Kerja baru:", self.cb_hasil)
        form.addRow("Rating Perilaku Kerja baru:", self.cb_perilaku)
        form.addRow("Predikat baru:", self.lbl_predikat)
        lay.addLayout(form)
        lay.addWidget(QLabel("Catatan keputusan:"))
        self.ed_catatan = QPlainTextEdit()
        self.ed_catatan.setMaximumHeight(90)
        lay.addWidget(self.ed_catatan)
        catatan = QLabel("Keputusan atasan pejabat penilai bersifat final (PP 30/2019 Pasal 59).")
        catatan.setStyleSheet("color:#6b7280")
        lay.addWidget(catatan)
        tombol = QDialogButtonBox()
        tombol.addButton("Simpan keputusan", QDialogButtonBox.ButtonRole.AcceptRole)
        tombol.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
        tombol.accepted.connect(self.accept)
        tombol.rejected.connect(self.reject)
        lay.addWidget(tombol)
        for w in (self.rb_tetap, self.rb_ubah):
            w.toggled.connect(self._perbarui)
        self.cb_hasil.currentIndexChanged.connect(self._perbarui)
        self.cb_perilaku.currentIndexChanged.connect(self._perbarui)
        self._perbarui()

    def keputusan(self) -> str:
        return kb.DIUBAH if self.rb_ubah.isChecked() else kb.TETAP

    def _perbarui(self) -> None:
        ubah = self.rb_ubah.isChecked()
        self.cb_hasil.setEnabled(ubah)
        self.cb_perilaku.setEnabled(ubah)
        rh, rp = self.cb_hasil.currentData(), self.cb_perilaku.currentData()
        self.lbl_predikat.setText(
            predikat_kinerja(Rating(rh), Rating(rp)).label if ubah and rh and rp else "-"
        )


def tampilkan_pratinjau(parent: QWidget, pdf: bytes, nama: str, judul: str) -> None:
    """The shared print preview (ui/cetak.py) with the system print dialog."""
    from kinerja_desktop.ui.cetak import PratinjauCetak

    PratinjauCetak(pdf, nama, parent, judul=judul).exec()


def _esc(teks: str | None) -> str:
    return (teks or "").replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>")
