"""Dialogs of the SKP view. Each ``isi_*`` function shows a modal dialog and returns the values
entered (a dict) or None when cancelled, so tests can replace them with plain functions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kinerja_desktop.services import skp as svc
from kinerja_desktop.ui.common.form import label_keterangan, pydate, qdate, tanggal_edit


def _tombol(dialog: QDialog, ok: str = "Simpan") -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText("Batal")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _teks_panjang(teks: str = "", tinggi: int = 70) -> QPlainTextEdit:
    w = QPlainTextEdit(teks)
    w.setMinimumHeight(tinggi)
    w.setTabChangesFocus(True)
    return w


def _form_dialog(
    parent: QWidget | None, judul: str, lebar: int = 560
) -> tuple[QDialog, QFormLayout, QVBoxLayout]:
    d = QDialog(parent)
    d.setWindowTitle(judul)
    d.setMinimumWidth(lebar)
    luar = QVBoxLayout(d)
    luar.setContentsMargins(16, 16, 16, 12)
    luar.setSpacing(10)
    form = QFormLayout()
    form.setSpacing(8)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
    luar.addLayout(form)
    return d, form, luar


def minta_teks(parent: QWidget | None, judul: str, label: str, awal: str = "") -> str | None:
    """A multi-line text (reason, ekspektasi); None when cancelled."""
    teks, ok = QInputDialog.getMultiLineText(parent, judul, label, awal)
    return teks.strip() if ok else None


def konfirmasi(parent: QWidget | None, judul: str, pesan: str) -> bool:
    jawab = QMessageBox.question(
        parent,
        judul,
        pesan,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return jawab == QMessageBox.StandardButton.Yes


# --- SKP -------------------------------------------------------------------------------------


def isi_buat_skp(parent: QWidget | None, nama_pegawai: str, tahun: int) -> dict | None:
    d, form, luar = _form_dialog(parent, "Buat SKP", 480)
    form.addRow("Pegawai:", QLabel(f"<b>{nama_pegawai}</b>"))
    pendekatan = QComboBox()
    for p in svc.PENDEKATAN:
        pendekatan.addItem(svc.LABEL_PENDEKATAN[p], p)
    form.addRow("Pendekatan:", pendekatan)
    mulai, selesai = tanggal_edit(date(tahun, 1, 1)), tanggal_edit(date(tahun, 12, 31))
    for w in (mulai, selesai):
        w.setDateRange(qdate(date(tahun, 1, 1)), qdate(date(tahun, 12, 31)))
    baris = QHBoxLayout()
    baris.addWidget(mulai)
    baris.addWidget(QLabel("s.d."))
    baris.addWidget(selesai)
    form.addRow("Periode:", baris)
    akhiri = QCheckBox("Akhiri SKP sebelumnya sehari sebelum tanggal mulai (pindah jabatan)")
    form.addRow("", akhiri)
    catatan = label_keterangan(
        "Biasanya 1 Januari – 31 Desember. Pegawai yang pindah jabatan atau berganti pejabat "
        "penilai di tengah tahun membuat SKP kedua untuk sisa tahun."
    )
    catatan.setWordWrap(True)
    luar.addWidget(catatan)
    luar.addWidget(_tombol(d, "Buat"))
    if d.exec() != QDialog.DialogCode.Accepted:
        return None
    return {
        "pendekatan": pendekatan.currentData(),
        "mulai": pydate(mulai.date()),
        "selesai": pydate(selesai.date()),
        "akhiri_sebelumnya": akhiri.isChecked(),
    }


def isi_rhk(
    parent: QWidget | None,
    detail: svc.SkpDetail,
    pilihan: svc.PilihanIntervensi,
    rhk: svc.RhkRow | None = None,
    jenis: str = svc.UTAMA,
) -> dict | None:
    jpt = detail.skp.varian == svc.JPT
    d, form, luar = _form_dialog(parent, "Ubah RHK" if rhk else "Tambah Rencana Hasil Kerja", 640)
    jenis_cb = QComboBox()
    for j in svc.JENIS_RHK:
        jenis_cb.addItem(svc.LABEL_JENIS_RHK[j], j)
    jenis_cb.setCurrentIndex(svc.JENIS_RHK.index(rhk.jenis if rhk else jenis))
    form.addRow("Jenis:", jenis_cb)
    uraian = _teks_panjang(rhk.uraian if rhk else "", 80)
    uraian.setObjectName("uraian_rhk")
    form.addRow("Rencana hasil kerja:", uraian)
    interv = QComboBox()
    interv.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    interv.setMinimumContentsLength(40)
    interv_teks = QLineEdit(rhk.intervensi_teks or "" if rhk else "")
    persp = QComboBox()
    penugasan = QLineEdit(rhk.penugasan_dari or "" if rhk else "")
    if not jpt:
        interv.addItem("— tidak ada —", None)
        for k in pilihan.kandidat:
            interv.addItem(svc.potong(k.label, 90), k.id)
            interv.setItemData(interv.count() - 1, k.label, Qt.ItemDataRole.ToolTipRole)
        if rhk and rhk.rhk_intervensi_id:
            i = interv.findData(rhk.rhk_intervensi_id)
            if i < 0:
                interv.addItem(svc.potong(rhk.intervensi_uraian, 90), rhk.rhk_intervensi_id)
                i = interv.count() - 1
            interv.setCurrentIndex(i)
        form.addRow("RHK pimpinan\nyang diintervensi:", interv)
        if pilihan.pesan:
            pesan = QLabel(pilihan.pesan)
            pesan.setWordWrap(True)
            pesan.setStyleSheet("color: #b45309;")
            form.addRow("", pesan)
        interv_teks.setPlaceholderText("bila SKP pimpinan tidak dikelola di aplikasi ini")
        form.addRow("atau ketik\nRHK pimpinan:", interv_teks)
    else:
        persp.addItem("— pilih —", None)
        for p in svc.PERSPEKTIF:
            persp.addItem(p, p)
        if rhk and rhk.perspektif:
            persp.setCurrentIndex(persp.findData(rhk.perspektif))
        form.addRow("Perspektif:", persp)
        form.addRow("Penugasan dari:", penugasan)
    luar.addWidget(_tombol(d))
    while d.exec() == QDialog.DialogCode.Accepted:
        if not uraian.toPlainText().strip():
            QMessageBox.warning(d, "Belum lengkap", "Rencana hasil kerja wajib diisi.")
            continue
        return {
            "jenis": jenis_cb.currentData(),
            "uraian": uraian.toPlainText().strip(),
            "rhk_intervensi_id": interv.currentData() if not jpt else None,
            "intervensi_teks": interv_teks.text().strip() or None,
            "perspektif": persp.currentData() if jpt else None,
            "penugasan_dari": penugasan.text().strip() or None,
        }
    return None


def isi_indikator(
    parent: QWidget | None, detail: svc.SkpDetail, iki: svc.IndikatorRow | None = None
) -> dict | None:
    jpt = detail.skp.varian == svc.JPT
    kuantitatif = detail.skp.pendekatan == svc.KUANTITATIF
    d, form, luar = _form_dialog(parent, "Ubah Indikator" if iki else "Tambah Indikator", 560)
    aspek = QComboBox()
    aspek.addItem("— pilih —", None)
    for a in svc.ASPEK:
        aspek.addItem(svc.LABEL_ASPEK[a], a)
    if iki and iki.aspek:
        aspek.setCurrentIndex(aspek.findData(iki.aspek))
    if not jpt:
        form.addRow("Aspek:", aspek)
    uraian = _teks_panjang(iki.uraian if iki else "", 70)
    form.addRow(
        "Indikator kinerja individu:" if kuantitatif else "Ukuran keberhasilan / indikator:",
        uraian,
    )
    nilai = QLineEdit(svc.format_angka(iki.target_nilai) if iki else "")
    nilai.setPlaceholderText("angka, mis. 12 atau 12,5")
    satuan = QLineEdit(iki.target_satuan or "" if iki else "")
    satuan.setPlaceholderText("mis. Dokumen, %, Bulan, Laporan")
    narasi = _teks_panjang(iki.target_narasi or "" if iki else "", 50)
    if kuantitatif:
        baris = QHBoxLayout()
        baris.addWidget(nilai, 1)
        baris.addWidget(QLabel("Satuan:"))
        baris.addWidget(satuan, 2)
        form.addRow("Target:", baris)
    else:
        form.addRow("Target (uraian):", narasi)
    luar.addWidget(_tombol(d))
    while d.exec() == QDialog.DialogCode.Accepted:
        if not uraian.toPlainText().strip():
            QMessageBox.warning(d, "Belum lengkap", "Uraian indikator wajib diisi.")
            continue
        return {
            "uraian": uraian.toPlainText().strip(),
            "aspek": aspek.currentData() if not jpt else None,
            "target_nilai": nilai.text().strip() if kuantitatif else None,
            "target_satuan": satuan.text().strip() if kuantitatif else None,
            "target_narasi": narasi.toPlainText().strip() if not kuantitatif else None,
        }
    return None


def _tabel(kolom: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(kolom))
    t.setHorizontalHeaderLabels(kolom)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    t.setWordWrap(True)
    return t


def pilih_pustaka(parent: QWidget | None, rows: list, jabatan_awal: str = "") -> dict | None:
    """Choose library entries (checkboxes) and the RHK group; returns ids and jenis."""
    d = QDialog(parent)
    d.setWindowTitle("Ambil dari Pustaka RHK")
    d.resize(900, 520)
    luar = QVBoxLayout(d)
    luar.setContentsMargins(16, 16, 16, 12)
    atas = QHBoxLayout()
    atas.addWidget(QLabel("Jabatan:"))
    jab = QComboBox()
    jab.addItem("Semua jabatan", "")
    for j in sorted({r.jabatan for r in rows}):
        jab.addItem(j, j)
    if jabatan_awal and jab.findData(jabatan_awal) >= 0:
        jab.setCurrentIndex(jab.findData(jabatan_awal))
    atas.addWidget(jab, 1)
    atas.addWidget(QLabel("Masukkan sebagai RHK:"))
    jenis = QComboBox()
    for j in svc.JENIS_RHK:
        jenis.addItem(svc.LABEL_JENIS_RHK[j], j)
    atas.addWidget(jenis)
    luar.addLayout(atas)
    tabel = _tabel(["", "Jabatan", "Rencana Hasil Kerja", "Aspek", "Indikator", "Target"])
    hh = tabel.horizontalHeader()
    hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    hh.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

    def isi() -> None:
        pilih = jab.currentData()
        tampil = [r for r in rows if not pilih or r.jabatan == pilih]
        tabel.setRowCount(len(tampil))
        for i, r in enumerate(tampil):
            cek = QTableWidgetItem()
            cek.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            cek.setCheckState(Qt.CheckState.Unchecked)
            cek.setData(Qt.ItemDataRole.UserRole, r.id)
            tabel.setItem(i, 0, cek)
            for c, v in enumerate(
                [
                    r.jabatan,
                    r.uraian_rhk,
                    svc.LABEL_ASPEK.get(r.aspek or "", ""),
                    r.uraian_indikator,
                    r.target_teks,
                ],
                start=1,
            ):
                tabel.setItem(i, c, QTableWidgetItem(v))
        tabel.resizeRowsToContents()

    jab.currentIndexChanged.connect(lambda _i: isi())
    isi()
    luar.addWidget(tabel, 1)
    luar.addWidget(_tombol(d, "Ambil"))
    if d.exec() != QDialog.DialogCode.Accepted:
        return None
    dicentang = [tabel.item(i, 0) for i in range(tabel.rowCount())]
    ids = [
        it.data(Qt.ItemDataRole.UserRole)
        for it in dicentang
        if it is not None and it.checkState() == Qt.CheckState.Checked
    ]
    return {"ids": ids, "jenis": jenis.currentData()} if ids else None


def isi_pustaka(parent: QWidget | None, row=None, jabatan: list[str] | None = None) -> dict | None:
    d, form, luar = _form_dialog(parent, "Ubah Butir Pustaka" if row else "Tambah Butir Pustaka")
    jab = QComboBox()
    jab.setEditable(True)
    for j in jabatan or []:
        jab.addItem(j)
    jab.setCurrentText(row.jabatan if row else "")
    form.addRow("Jabatan:", jab)
    rhk = _teks_panjang(row.uraian_rhk if row else "", 60)
    form.addRow("Rencana hasil kerja:", rhk)
    aspek = QComboBox()
    aspek.addItem("— pilih —", None)
    for a in svc.ASPEK:
        aspek.addItem(svc.LABEL_ASPEK[a], a)
    if row and row.aspek:
        aspek.setCurrentIndex(aspek.findData(row.aspek))
    form.addRow("Aspek:", aspek)
    iki = _teks_panjang(row.uraian_indikator if row else "", 60)
    form.addRow("Indikator:", iki)
    nilai = QLineEdit(svc.format_angka(row.target_nilai) if row else "")
    satuan = QLineEdit(row.target_satuan or "" if row else "")
    baris = QHBoxLayout()
    baris.addWidget(nilai, 1)
    baris.addWidget(QLabel("Satuan:"))
    baris.addWidget(satuan, 2)
    form.addRow("Target:", baris)
    luar.addWidget(_tombol(d))
    if d.exec() != QDialog.DialogCode.Accepted:
        return None
    return {
        "jabatan": jab.currentText(),
        "uraian_rhk": rhk.toPlainText(),
        "uraian_indikator": iki.toPlainText(),
        "aspek": aspek.currentData(),
        "target_nilai": nilai.text(),
        "target_satuan": satuan.text(),
    }


def isi_buat_skp_unit(parent: QWidget | None, unit: list, tahun: int) -> dict | None:
    d, form, luar = _form_dialog(parent, "Buat SKP untuk Unit", 520)
    unit_cb = QComboBox()
    for u in unit:
        unit_cb.addItem(u.nama, u.id)
    form.addRow("Unit kerja:", unit_cb)
    sub = QCheckBox("Termasuk sub-unit")
    sub.setChecked(True)
    form.addRow("", sub)
    th = QSpinBox()
    th.setRange(2000, 2100)
    th.setValue(tahun)
    form.addRow("Tahun:", th)
    pendekatan = QComboBox()
    for p in svc.PENDEKATAN:
        pendekatan.addItem(svc.LABEL_PENDEKATAN[p], p)
    form.addRow("Pendekatan:", pendekatan)
    ket = label_keterangan(
        "Membuat draf SKP 1 Januari – 31 Desember untuk setiap pegawai aktif yang belum "
        "memiliki SKP tahun itu. Pegawai yang sudah memiliki SKP dilewati."
    )
    ket.setWordWrap(True)
    luar.addWidget(ket)
    luar.addWidget(_tombol(d, "Buat"))
    if d.exec() != QDialog.DialogCode.Accepted:
        return None
    return {
        "unit_id": unit_cb.currentData(),
        "tahun": th.value(),
        "pendekatan": pendekatan.currentData(),
        "termasuk_sub_unit": sub.isChecked(),
    }
