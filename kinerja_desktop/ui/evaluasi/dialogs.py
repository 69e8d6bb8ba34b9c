"""Small dialogs of the evaluation area: "Verifikasi dokumen" and batch printing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.angka import format_angka
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.ui.aksi import GAGAL, jalankan
from kinerja_desktop.ui.errors import tampilkan_error
from kinerja_desktop.ui.tasks import BackgroundTask

# readable names for the keys of the printed data, in the list of changes
LABEL_KUNCI = {
    "predikat": "Predikat Kinerja Pegawai",
    "rating_hasil_kerja": "Rating Hasil Kerja",
    "rating_perilaku": "Rating Perilaku Kerja",
    "predikat_organisasi": "Capaian Kinerja Organisasi",
    "catatan": "Catatan/Rekomendasi",
    "status": "Status",
    "hasil_kerja": "Hasil Kerja",
    "indikator": "Indikator",
    "realisasi": "Realisasi",
    "target": "Target",
    "umpan_balik": "Umpan Balik",
    "perilaku": "Perilaku Kerja",
    "pegawai": "Pegawai yang Dinilai",
    "penilai": "Pejabat Penilai",
    "atasan_penilai": "Atasan Pejabat Penilai",
    "keberatan": "Keberatan",
    "tanggal": "Tanggal",
    "bukti": "Jumlah Bukti Dukung",
    "uraian": "Uraian",
    "ekspektasi": "Ekspektasi Khusus Pimpinan",
    "nama": "Nama",
    "nip": "NIP",
    "jabatan": "Jabatan",
    "pangkat_golongan": "Pangkat/Golongan",
    "unit_kerja": "Unit Kerja",
    "jumlah": "Jumlah",
}


def label_perubahan(baris: str) -> str:
    """ "hasil_kerja[1].indikator[2].realisasi: …" →
    "Hasil Kerja 1 › Indikator 2 › Realisasi: …"."""
    jalur, sep, sisa = baris.partition(": ")
    bagian = []
    for seg in jalur.split("."):
        nama, _, idx = seg.partition("[")
        teks = LABEL_KUNCI.get(nama, nama.replace("_", " ").capitalize())
        bagian.append(f"{teks} {idx.rstrip(']')}" if idx else teks)
    return " › ".join(bagian) + sep + sisa


class VerifikasiDialog(QDialog):
    """Type a code (or paste the QR text) or choose a PDF; says whether the printout still
    matches the data now and, if not, what changed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Verifikasi dokumen")
        self.setMinimumSize(720, 460)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 12)
        lay.setSpacing(10)
        ket = QLabel(
            "Ketik kode dokumen dan kode verifikasi yang tercetak di kaki halaman (misalnya "
            "<i>EVALUASI-1A2B3C4D ABCD-EF01-2345</i>), tempel isi kode QR, atau pilih berkas "
            "PDF hasil cetakan."
        )
        ket.setWordWrap(True)
        lay.addWidget(ket)
        baris = QHBoxLayout()
        self.ed_kode = QLineEdit()
        self.ed_kode.setPlaceholderText("Kode dokumen dan kode verifikasi")
        self.ed_kode.returnPressed.connect(self.periksa_teks)
        self.btn_periksa = QPushButton("Periksa")
        self.btn_periksa.clicked.connect(self.periksa_teks)
        self.btn_pdf = QPushButton("Pilih PDF…")
        self.btn_pdf.clicked.connect(self.pilih_pdf)
        baris.addWidget(self.ed_kode, 1)
        baris.addWidget(self.btn_periksa)
        baris.addWidget(self.btn_pdf)
        lay.addLayout(baris)
        self.hasil = QTextBrowser()
        self.hasil.setObjectName("hasil_verifikasi")
        lay.addWidget(self.hasil, 1)
        tombol = QDialogButtonBox()
        tombol.addButton("Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        tombol.rejected.connect(self.reject)
        lay.addWidget(tombol)
        self.hasil_terakhir: list = []

    def periksa_teks(self) -> None:
        pasangan = sv.urai_kode(self.ed_kode.text())
        if not pasangan:
            self.hasil.setHtml(
                "<p style='color:#b00020'>Kode tidak dikenali. Contoh: "
                "EVALUASI-1A2B3C4D ABCD-EF01-2345.</p>"
            )
            return
        self.periksa(pasangan)

    def pilih_pdf(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Pilih PDF hasil cetakan", "", "Dokumen PDF (*.pdf)"
        )
        if path:
            self.periksa_pdf(path)

    def periksa_pdf(self, path: str) -> None:
        """A PDF: its codes, its text against the printout rendered again, its key facts."""
        from kinerja_desktop.services.verifikasi_pdf import verifikasi_pdf

        nama = _esc(Path(path).name)

        def tolak(exc: Exception) -> bool:  # a refused file: the reason in the result pane
            if not isinstance(exc, DomainError):
                return False
            self.hasil.setHtml(
                f"<p style='color:#b00020'>Berkas {nama} tidak diperiksa. {_esc(exc.pesan)}</p>"
            )
            return True

        hasil = jalankan(self, self.ctx, verifikasi_pdf, path, tangani=tolak)
        if hasil is GAGAL:
            return
        self.hasil_terakhir = list(hasil)
        self.hasil.setHtml("".join(_html_pdf(h) for h in hasil))

    def periksa(self, pasangan: list[tuple[str, str]]) -> None:
        from kinerja_desktop.services.cetak import verifikasi_kode
        from kinerja_desktop.services.verifikasi_pdf import fakta_kode

        bagian = []
        self.hasil_terakhir = []
        for dok, ver in pasangan:
            h = jalankan(self, self.ctx, verifikasi_kode, dok, ver, judul="Verifikasi gagal")
            if h is GAGAL:
                return
            self.hasil_terakhir.append(h)
            warna = "#15803d" if h.cocok else "#b00020"
            judul = "SESUAI" if h.cocok else ("TIDAK SESUAI" if h.dikenal else "TIDAK DIKENAL")
            s = (
                f"<p><b>{dok}</b> · {ver}<br><span style='color:{warna}; font-weight:bold'>"
                f"{judul}</span> — {h.pesan}</p>"
            )
            if h.perubahan:
                s += (
                    "<ul>"
                    + "".join(f"<li>{_esc(label_perubahan(p))}</li>" for p in h.perubahan)
                    + "</ul>"
                )
            fakta = jalankan(self, self.ctx, fakta_kode, dok, ver, judul="Verifikasi gagal")
            bagian.append(s + ("" if fakta is GAGAL else _html_fakta(fakta)))
        self.hasil.setHtml("".join(bagian))


def _html_pdf(h) -> str:
    """One document of a PDF: verdict, what differs, and the facts to hold against the paper."""
    warna = "#15803d" if h.cocok else "#b00020"
    judul = "SESUAI" if h.cocok else ("TIDAK SESUAI" if h.kode.dikenal else "TIDAK DIKENAL")
    halaman = f" · halaman {h.halaman[0]}–{h.halaman[-1]}" if h.halaman else ""
    s = (
        f"<p><b>{_esc(h.kode.kode_dokumen)}</b> · {_esc(h.kode_verifikasi)}{halaman}<br>"
        f"<span style='color:{warna}; font-weight:bold'>{judul}</span> — {_esc(h.pesan)}</p>"
    )
    beda = [*h.selisih, *(label_perubahan(p) for p in h.kode.perubahan)]
    if beda:
        s += "<ul>" + "".join(f"<li>{_esc(b)}</li>" for b in beda) + "</ul>"
    return s + _html_fakta(h.fakta)


def _html_fakta(fakta) -> str:
    if not fakta:
        return ""
    baris = "".join(
        f"<tr><td>{_esc(label)}</td><td><b>{_esc(nilai)}</b></td></tr>" for label, nilai in fakta
    )
    return (
        f"<p>Cocokkan dengan kertas yang ditandatangani:</p><table cellpadding='2'>{baris}</table>"
    )


class CetakMassalDialog(QDialog):
    """Batch printing of a unit for a period: one PDF, or one file per pegawai, in the
    background with progress and cancel."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        unit_id: int | None = None,
        periode_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.task: BackgroundTask | None = None
        self.hasil = None
        self.galat: BaseException | None = None
        self.setWindowTitle("Cetak massal evaluasi")
        self.setMinimumWidth(560)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(14, 12, 14, 12)
        lay.setSpacing(10)
        form = QFormLayout()
        form.setHorizontalSpacing(14)
        self.cb_unit = QComboBox()
        self.cb_unit.setMinimumWidth(320)
        from kinerja_desktop.services.organisasi import daftar_unit

        for u in ctx.run(daftar_unit, False):
            self.cb_unit.addItem(u.nama, u.id)
        if unit_id is not None:
            self.cb_unit.setCurrentIndex(max(self.cb_unit.findData(unit_id), 0))
        self.cb_periode = QComboBox()
        for p in ctx.run(sv.daftar_periode):
            self.cb_periode.addItem(f"{p.nama} {p.tahun}", p.id)
        if periode_id is not None:
            self.cb_periode.setCurrentIndex(max(self.cb_periode.findData(periode_id), 0))
        folder = QHBoxLayout()
        self.ed_folder = QLineEdit(str(Path.home()))
        btn = QPushButton("Pilih…")
        btn.clicked.connect(self._pilih_folder)
        folder.addWidget(self.ed_folder, 1)
        folder.addWidget(btn)
        self.cek_satu = QCheckBox("Gabungkan semua ke satu berkas PDF")
        form.addRow("Unit kerja:", self.cb_unit)
        form.addRow("Periode:", self.cb_periode)
        form.addRow("Folder tujuan:", folder)
        form.addRow("", self.cek_satu)
        lay.addLayout(form)
        ket = QLabel(
            "Untuk setiap pegawai yang sudah dievaluasi dicetak Evaluasi Kinerja Pegawai "
            "dan Dokumen Evaluasi Kinerja Pegawai. Evaluasi yang belum final tercetak "
            "sebagai DRAF."
        )
        ket.setWordWrap(True)
        ket.setStyleSheet("color:#4b5563")
        lay.addWidget(ket)
        self.lbl_hasil = QLabel()
        self.lbl_hasil.setWordWrap(True)
        lay.addWidget(self.lbl_hasil)
        tombol = QDialogButtonBox()
        self.btn_mulai = tombol.addButton("Cetak", QDialogButtonBox.ButtonRole.AcceptRole)
        tombol.addButton("Tutup", QDialogButtonBox.ButtonRole.RejectRole)
        self.btn_mulai.clicked.connect(self.mulai)
        tombol.rejected.connect(self.reject)
        lay.addWidget(tombol)

    def _pilih_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Folder tujuan", self.ed_folder.text())
        if path:
            self.ed_folder.setText(path)

    def mulai(self) -> None:
        from kinerja_desktop.services.cetak import cetak_batch
        from kinerja_desktop.ui.tasks import run_with_progress

        unit_id, periode_id = self.cb_unit.currentData(), self.cb_periode.currentData()
        if unit_id is None or periode_id is None:
            return
        self.btn_mulai.setEnabled(False)
        self.lbl_hasil.setText("Mencetak…")
        task = run_with_progress(
            self,
            "Cetak massal evaluasi",
            cetak_batch,
            self.ctx.db.session_factory,
            self.ctx.actor,
            unit_id,
            periode_id,
            self.ed_folder.text(),
            self.cek_satu.isChecked(),
        )
        task.finished.connect(self._selesai)
        task.failed.connect(self._gagal)
        self.task = task

    def _selesai(self, hasil) -> None:
        self.hasil = hasil
        self.btn_mulai.setEnabled(True)
        if not hasil.jumlah_pegawai:
            self.lbl_hasil.setText(
                "Belum ada pegawai yang dievaluasi di unit ini untuk periode "
                "tersebut; tidak ada yang dicetak."
            )
            return
        self.lbl_hasil.setText(
            f"Selesai: {hasil.jumlah_pegawai} pegawai, {hasil.jumlah_dokumen} dokumen, "
            f"{hasil.jumlah_halaman} halaman dalam {format_angka(hasil.detik, 1)} detik "
            f"({len(hasil.berkas)} berkas di {self.ed_folder.text()})."
        )

    def _gagal(self, exc: BaseException) -> None:
        from kinerja_desktop.domain.tugas import Dibatalkan

        self.galat = exc
        self.btn_mulai.setEnabled(True)
        if isinstance(exc, Dibatalkan):
            self.lbl_hasil.setText("Dibatalkan. Tidak ada berkas yang ditulis.")
            return
        self.lbl_hasil.setText("Gagal mencetak.")
        tampilkan_error(self, exc, "Cetak massal gagal")

    def done(self, r: int) -> None:
        if self.task is not None and self.btn_mulai.isEnabled() is False:
            jawab = QMessageBox.question(
                self, "Cetak massal", "Pencetakan masih berjalan. Batalkan?"
            )
            if jawab != QMessageBox.StandardButton.Yes:
                return
            self.task.cancel()
        super().done(r)


def _esc(teks: str) -> str:
    return teks.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["CetakMassalDialog", "Qt", "VerifikasiDialog", "label_perubahan"]
