"""REKAPITULASI EVALUASI KINERJA PEGAWAI per unit and period (forms.md §4), A4 landscape:
the pegawai table, counts and percentages per predikat against the organisation's rule, a bar
chart of the distribution, and who has not yet filled realisasi or been evaluated."""

from __future__ import annotations

from datetime import date
from os import PathLike
from typing import IO, Any

from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from kinerja_desktop.domain.angka import format_persen
from kinerja_desktop.domain.distribusi import URUTAN_KURVA
from kinerja_desktop.domain.nip import format_nip
from kinerja_desktop.domain.predikat import Predikat, Rating
from kinerja_desktop.domain.status import StatusEvaluasi
from kinerja_desktop.domain.tanggal import format_tanggal
from kinerja_desktop.reports.common import (
    GARIS_TITIK,
    LABEL_KURVA,
    LEBAR_LANSKAP,
    RUANG_TANDA_TANGAN,
    IdentitasCetak,
    KopDokumen,
    baris_instansi_periode,
    buat_dokumen,
    esc,
    gambar_batang,
    judul,
    lebar_kolom,
    paragraf,
    paragraf_markup,
    subjudul,
    tabel_data,
    tabel_label_nilai,
)
from kinerja_desktop.reports.evaluasi import baris_periode, pilihan_org

JUDUL_DOKUMEN = "Rekapitulasi Evaluasi Kinerja Pegawai"


def _rating(v: str | None) -> str:
    return Rating(v).label if v else "-"


def _pred(v: str | None) -> str:
    return Predikat(v).label if v else "-"


def story_rekap(data: dict[str, Any], tanggal: date) -> list[Flowable]:
    kop = KopDokumen(
        data.get("instansi") or "",
        data["periode"]["rentang"],
        data.get("tempat") or "",
        tanggal,
    )
    pegawai = data["pegawai"]
    rows = [
        [
            str(i),
            format_nip(p["nip"]),
            p["nama"],
            p["jabatan"],
            _rating(p["rating_hasil_kerja"]),
            _rating(p["rating_perilaku"]),
            _pred(p["predikat"]),
            StatusEvaluasi.label_dari(p["status"]),
        ]
        for i, p in enumerate(pegawai, start=1)
    ]
    if not rows:
        rows = [["-", "", "Tidak ada pegawai aktif di unit ini.", "", "", "", "", ""]]
    tabel_pegawai = tabel_data(
        [
            [
                "NO",
                "NIP",
                "NAMA",
                "JABATAN",
                "RATING HASIL KERJA",
                "RATING PERILAKU",
                "PREDIKAT",
                "STATUS",
            ]
        ],
        rows,
        lebar_kolom([1.2, 4.8, 6.5, 7.5, 3.6, 3.6, 3.4, 3.0], LEBAR_LANSKAP),
        nomor_kolom=True,
        rata_tengah=(0, 1, 4, 5, 6, 7),
    )
    total = data.get("total_dinilai") or 0
    jumlah = data["jumlah"]
    dist_rows = []
    for p in reversed(URUTAN_KURVA):
        n = jumlah.get(p.value, 0)
        persen = format_persen(n * 100 / total if total else 0)
        dist_rows.append([p.label, str(n), persen])
    dist_rows.append(["Jumlah yang sudah dinilai", str(total), "100%" if total else "0%"])
    tabel_dist = tabel_data(
        [["PREDIKAT", "JUMLAH", "PERSENTASE"]],
        dist_rows,
        lebar_kolom([5, 2, 2.5], LEBAR_LANSKAP * 0.42),
        rata_tengah=(1, 2),
    )
    grafik = gambar_batang(
        [jumlah.get(p.value, 0) for p in URUTAN_KURVA],
        LABEL_KURVA,
        lebar=LEBAR_LANSKAP * 0.5,
        tinggi=5.2 * 28.35,
    )
    berdampingan = Table(
        [[tabel_dist, grafik]], colWidths=[LEBAR_LANSKAP * 0.46, LEBAR_LANSKAP * 0.54]
    )
    berdampingan.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    aturan: list[Flowable] = []
    if data.get("predikat_organisasi") is None:
        aturan.append(
            paragraf(
                "Predikat kinerja organisasi belum ditetapkan; aturan distribusi "
                "belum dapat diperiksa."
            )
        )
    for a in data.get("aturan", []):
        tanda = "Sesuai" if a["terpenuhi"] else "<b>TIDAK SESUAI</b>"
        aturan.append(paragraf_markup(f"• {a['uraian']} — {tanda}", "isi"))
    belum_eval = [p for p in pegawai if p["status"] != StatusEvaluasi.FINAL]
    belum_isi = [
        p
        for p in pegawai
        if p["realisasi"].split("/")[0] != p["realisasi"].split("/")[1] or p["realisasi"] == "0/0"
    ]

    def daftar(items: list[dict]) -> Flowable:
        if not items:
            return paragraf("Tidak ada.")
        teks = "; ".join(f"{p['nama']} ({format_nip(p['nip'])})" for p in items)
        return paragraf(teks)

    return [
        judul(["REKAPITULASI EVALUASI KINERJA PEGAWAI", data["unit"].upper()]),
        baris_periode(data),
        Spacer(1, 6),
        baris_instansi_periode(kop),
        tabel_label_nilai(
            [
                (
                    "CAPAIAN KINERJA ORGANISASI",
                    pilihan_org(data["predikat_organisasi"]),
                ),
                ("JUMLAH PEGAWAI", f"{data['total_pegawai']} orang; sudah dinilai {total}"),
            ],
            lebar_label=0.24,
        ),
        subjudul("DAFTAR PEGAWAI"),
        tabel_pegawai,
        subjudul("DISTRIBUSI PREDIKAT KINERJA PEGAWAI", 6 * 28.35),
        berdampingan,
        subjudul("ATURAN DISTRIBUSI (SE MENPAN-RB 3/2023) — PERINGATAN, BUKAN LARANGAN"),
        *aturan,
        subjudul("BELUM DIEVALUASI (BELUM FINAL)"),
        daftar(belum_eval),
        subjudul("BELUM MENGISI REALISASI LENGKAP"),
        daftar(belum_isi),
        blok_penetapan(data, kop),
    ]


def blok_penetapan(data: dict[str, Any], kop: KopDokumen) -> Flowable:
    """The leader's signature closing the recap as the penetapan predikat (forms.md §5):
    "Ditetapkan di (tempat), (tanggal)", his role and jabatan, space to sign, name and NIP.
    Dotted lines while nobody has set the organisation's predikat."""
    penetap = IdentitasCetak.dari_json(data.get("penetap"))
    peran = "Pimpinan Unit Kerja"
    if penetap.jabatan:
        peran = f"{peran},<br/>{esc(penetap.jabatan)}"
    kolom = [
        paragraf(f"Ditetapkan di {kop.tempat}, {format_tanggal(kop.tanggal)}", "ttd"),
        paragraf_markup(peran, "ttd"),
        Spacer(1, RUANG_TANDA_TANGAN),
    ]
    if penetap.nama:
        kolom += [
            paragraf_markup(f"<u>{esc(penetap.nama)}</u>", "ttd_nama"),
            paragraf(f"{penetap.label_nip}. {penetap.nip_cetak}", "ttd"),
        ]
    else:
        kolom += [paragraf(GARIS_TITIK, "ttd"), paragraf(f"NIP. {'.' * 36}", "ttd")]
    t = Table([["", kolom]], colWidths=[LEBAR_LANSKAP * 0.55, LEBAR_LANSKAP * 0.45])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([Spacer(1, 12), subjudul("PENETAPAN PREDIKAT KINERJA PEGAWAI"), t])


def cetak_rekap(
    out: str | PathLike[str] | IO[bytes],
    data: dict[str, Any],
    kode_dokumen: str,
    kode_verifikasi: str,
    *,
    tanggal: date,
    invariant: bool = False,
) -> int:
    """``tanggal`` is the office's date of printing (services/waktu.hari_ini)."""
    return buat_dokumen(
        out,
        story_rekap(data, tanggal),
        judul_dokumen=JUDUL_DOKUMEN,
        kode_dokumen=kode_dokumen,
        kode_verifikasi=kode_verifikasi,
        draf=False,
        landscape=True,
        invariant=invariant,
    )


__all__ = ["JUDUL_DOKUMEN", "cetak_rekap", "story_rekap"]
