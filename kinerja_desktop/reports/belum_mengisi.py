"""The 'belum mengisi' list: who has not yet submitted a period's realisasi (for a reminder)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from os import PathLike
from typing import IO

from reportlab.platypus import Spacer

from kinerja_desktop.reports.common import (
    buat_dokumen,
    judul,
    lebar_kolom,
    tabel_data,
    tanggal_indonesia,
)
from kinerja_desktop.reports.data import format_nip
from kinerja_desktop.reports.styles import cm, paragraf
from kinerja_desktop.reports.verifikasi import kode_dokumen, kode_verifikasi


@dataclass(frozen=True)
class BarisBelumMengisi:
    nama: str
    nip: str
    jabatan: str
    unit_kerja: str
    keadaan: str  # "Belum mulai" / "Draf" / "Belum ada SKP"
    terisi: str  # "1/3" or "-"


@dataclass(frozen=True)
class DaftarBelumMengisi:
    periode: str  # "Triwulan I 2025"
    batas_pengisian: date
    lingkup: str  # "Bawahan Siti Rahmawati, S.E." or a unit's name
    tanggal_cetak: date
    baris: Sequence[BarisBelumMengisi]
    instansi: str = ""

    def data_verifikasi(self) -> dict:
        return {
            "periode": self.periode,
            "batas": self.batas_pengisian.isoformat(),
            "lingkup": self.lingkup,
            "tanggal": self.tanggal_cetak.isoformat(),
            "baris": [[b.nip, b.keadaan, b.terisi] for b in self.baris],
        }


def cetak_belum_mengisi(
    path_or_buffer: str | PathLike[str] | IO[bytes], data: DaftarBelumMengisi
) -> int:
    """Write the PDF; returns the page count."""
    story = [
        judul(
            [
                "DAFTAR PEGAWAI YANG BELUM MENGISI REALISASI KINERJA",
                f"PERIODE {data.periode.upper()}",
                data.instansi.upper() if data.instansi else "",
            ]
        ),
        Spacer(1, 0.2 * cm),
        paragraf(f"Lingkup: {data.lingkup}"),
        paragraf(
            f"Batas pengisian: {tanggal_indonesia(data.batas_pengisian)} · Keadaan per "
            f"{tanggal_indonesia(data.tanggal_cetak)} · {len(data.baris)} pegawai"
        ),
        Spacer(1, 0.3 * cm),
    ]
    if data.baris:
        rows = [
            [
                str(i),
                b.nama,
                format_nip(b.nip) if b.nip else "-",
                b.jabatan,
                b.unit_kerja,
                b.keadaan,
                b.terisi,
            ]
            for i, b in enumerate(data.baris, start=1)
        ]
        story.append(
            tabel_data(
                [["NO", "NAMA", "NIP", "JABATAN", "UNIT KERJA", "KEADAAN", "IKI TERISI"]],
                rows,
                lebar_kolom([0.9, 4, 3.9, 3.7, 3.2, 1.9, 1.5], None),
                rata_tengah=(0, 5, 6),
            )
        )
    else:
        story.append(paragraf("Semua pegawai sudah mengajukan realisasi periode ini."))
    story += [
        Spacer(1, 0.4 * cm),
        paragraf(
            "Keterangan: Belum ada SKP = SKP tahun ini belum dibuat; Belum mulai = belum ada "
            "realisasi yang diisi; Draf = sudah diisi sebagian atau seluruhnya tetapi belum "
            "diajukan kepada pejabat penilai."
        ),
    ]
    info = data.data_verifikasi()
    kode_dok = kode_dokumen("BLM", f"{data.periode}|{data.lingkup}|{data.tanggal_cetak}")
    return buat_dokumen(
        path_or_buffer,
        story,
        judul_dokumen=f"Daftar belum mengisi realisasi {data.periode}",
        kode_dokumen=kode_dok,
        kode_verifikasi=kode_verifikasi(info),
        draf=False,
        landscape=False,
    )


__all__ = ["BarisBelumMengisi", "DaftarBelumMengisi", "cetak_belum_mengisi"]
