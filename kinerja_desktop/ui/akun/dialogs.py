"""Dialogs: add/edit an account, reset a password, change one's own password, office identity."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.domain.peran import Peran
from kinerja_desktop.services import akun as svc
from kinerja_desktop.services.context import AppContext
from kinerja_desktop.services.pengaturan import identitas_kantor, simpan_identitas_kantor
from kinerja_desktop.ui.aksi import GAGAL, coba, pesan_di
from kinerja_desktop.ui.akun.widgets import IdentitasKantorForm, kolom_sandi, label_pesan


def _tombol(dialog: QDialog, layout: QVBoxLayout, ok: str = "Simpan") -> QDialogButtonBox:
    box = QDialogButtonBox()
    simpan = box.addButton(ok, QDialogButtonBox.ButtonRole.AcceptRole)
    simpan.setDefault(True)
    box.addButton("Batal", QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    layout.addWidget(box)
    return box


class _Form(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None, judul: str) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(judul)
        self.setMinimumWidth(480)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(20, 16, 20, 14)
        self.layout_.setSpacing(12)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(10)
        self.form.setHorizontalSpacing(14)
        self.layout_.addLayout(self.form)

    def _selesai(self, ok: str = "Simpan") -> None:
        self.pesan = label_pesan()
        self.layout_.addWidget(self.pesan)
        _tombol(self, self.layout_, ok)

    def simpan(self) -> None:
        raise NotImplementedError

    def accept(self) -> None:
        if coba(self, self.simpan, tangani=pesan_di(self.pesan)) is GAGAL:
            return
        super().accept()


class AkunDialog(_Form):
    """Add an account (``row`` None) or change roles, linked pegawai and active state."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, row: svc.AkunRow | None = None
    ) -> None:
        super().__init__(ctx, parent, "Ubah akun" if row else "Tambah akun")
        self.row = row
        self.hasil: svc.AkunRow | None = None
        self.nama = QLineEdit(row.nama_pengguna if row else "")
        self.nama.setReadOnly(row is not None)
        self.nama.setPlaceholderText("mis. budi.santoso")
        self.form.addRow("Nama pengguna:", self.nama)
        if row is None:
            self.sandi = kolom_sandi("minimal 8 karakter, huruf dan angka")
            self.ulangi = kolom_sandi()
            self.form.addRow("Kata sandi:", self.sandi)
            self.form.addRow("Ulangi kata sandi:", self.ulangi)
        self.pegawai = QComboBox()
        self.pegawai.setMinimumWidth(320)
        self.pegawai.addItem("(tidak dikaitkan dengan pegawai)", None)
        pilihan = ctx.run(svc.pegawai_tanpa_akun, row.id if row else None)
        for p in pilihan:
            self.pegawai.addItem(p.label, p.id)
        if row is not None and row.pegawai_id is not None:
            i = self.pegawai.findData(row.pegawai_id)
            if i < 0:
                self.pegawai.addItem(
                    row.pegawai_nama or f"Pegawai #{row.pegawai_id}", row.pegawai_id
                )
                i = self.pegawai.count() - 1
            self.pegawai.setCurrentIndex(i)
        self.form.addRow("Pegawai:", self.pegawai)
        grup = QGroupBox("Peran")
        gl = QVBoxLayout(grup)
        self.peran: dict[Peran, QCheckBox] = {}
        for peran in (Peran.ADMIN, Peran.PENILAI, Peran.PEGAWAI):
            cb = QCheckBox(peran.label)
            cb.setChecked(peran in row.peran if row else peran is Peran.PEGAWAI)
            gl.addWidget(cb)
            self.peran[peran] = cb
        catatan = QLabel(
            "Administrator mengelola data pegawai, periode, dan akun, tetapi tidak menilai. "
            "Peran Pegawai dan Pejabat Penilai harus dikaitkan dengan data pegawai."
        )
        catatan.setWordWrap(True)
        catatan.setStyleSheet("color: #555;")
        gl.addWidget(catatan)
        self.layout_.addWidget(grup)
        self.aktif = QCheckBox("Akun aktif (dapat masuk)")
        self.aktif.setChecked(row.aktif if row else True)
        if row is not None:
            self.layout_.addWidget(self.aktif)
        self._selesai()

    def peran_terpilih(self) -> list[Peran]:
        return [p for p, cb in self.peran.items() if cb.isChecked()]

    def simpan(self) -> None:
        if self.row is None:
            self.hasil = self.ctx.run(
                svc.tambah_akun, self.nama.text(), self.sandi.text(), self.peran_terpilih(),
                self.pegawai.currentData(), self.ulangi.text(),
            )  # fmt: skip
        else:
            self.hasil = self.ctx.run(
                svc.ubah_akun, self.row.id, self.peran_terpilih(), self.pegawai.currentData(),
                self.aktif.isChecked(), self.row.versi,
            )  # fmt: skip


class ResetSandiDialog(_Form):
    def __init__(self, ctx: AppContext, row: svc.AkunRow, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, f"Atur ulang kata sandi — {row.nama_pengguna}")
        self.row = row
        info = QLabel(
            "Kata sandi baru menggantikan yang lama dan membuka kunci akun. Sampaikan kepada "
            "pemilik akun secara langsung; ia dapat menggantinya sendiri setelah masuk."
        )
        info.setWordWrap(True)
        self.form.addRow(info)
        self.sandi = kolom_sandi("minimal 8 karakter, huruf dan angka")
        self.ulangi = kolom_sandi()
        self.form.addRow("Kata sandi baru:", self.sandi)
        self.form.addRow("Ulangi:", self.ulangi)
        self._selesai()

    def simpan(self) -> None:
        self.ctx.run(svc.reset_password, self.row.id, self.sandi.text(), self.ulangi.text())


class GantiSandiDialog(_Form):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, "Ganti kata sandi")
        self.form.addRow(QLabel(f"Pengguna: <b>{ctx.actor.nama}</b>"))
        self.lama = kolom_sandi()
        self.baru = kolom_sandi("minimal 8 karakter, huruf dan angka")
        self.ulangi = kolom_sandi()
        self.form.addRow("Kata sandi lama:", self.lama)
        self.form.addRow("Kata sandi baru:", self.baru)
        self.form.addRow("Ulangi kata sandi baru:", self.ulangi)
        self._selesai()

    def simpan(self) -> None:
        self.ctx.run(svc.ganti_password, self.lama.text(), self.baru.text(), self.ulangi.text())


class IdentitasDialog(_Form):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent, "Identitas kantor")
        self.setMinimumWidth(560)
        awal = ctx.run(lambda s, _a: identitas_kantor(s))
        self.isian = IdentitasKantorForm(awal)
        self.form.addRow(self.isian)
        self._selesai()

    def simpan(self) -> None:
        f = self.isian
        self.ctx.run(
            simpan_identitas_kantor, f.instansi.text(), f.tempat.text(), f.emblem,
            f.hapus_emblem and f.emblem is None, zona=f.zona_terpilih,
        )  # fmt: skip


class KebijakanDialog(_Form):
    """The administrator's security policy for every computer: idle lock, password length."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QLabel, QSpinBox

        from kinerja_desktop.services.pengaturan import kebijakan_keamanan

        super().__init__(ctx, parent, "Kebijakan keamanan")
        self.setMinimumWidth(540)
        awal = ctx.run(kebijakan_keamanan)
        info = QLabel(
            "Berlaku untuk semua pengguna di semua komputer yang membuka basis data ini, "
            "mulai saat masuk berikutnya. Hanya administrator yang dapat mengubahnya."
        )
        info.setWordWrap(True)
        self.form.addRow(info)
        self.menit_kunci = QSpinBox()
        self.menit_kunci.setRange(0, 240)
        self.menit_kunci.setSuffix(" menit")
        self.menit_kunci.setSpecialValueText("tidak pernah")
        self.menit_kunci.setValue(awal.kunci_layar_menit)
        self.panjang = QSpinBox()
        self.panjang.setRange(8, 64)
        self.panjang.setSuffix(" karakter")
        self.panjang.setValue(awal.sandi_panjang_minimal)
        self.form.addRow("Kunci sesi tanpa aktivitas:", self.menit_kunci)
        self.form.addRow("Panjang kata sandi minimal:", self.panjang)
        self._selesai()

    def simpan(self) -> None:
        from kinerja_desktop.services.pengaturan import atur_kebijakan_keamanan

        self.ctx.run(atur_kebijakan_keamanan, self.menit_kunci.value(), self.panjang.value())
