"""The printable 'belum mengisi' list."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from kinerja_desktop.reports.belum_mengisi import (
    BarisBelumMengisi,
    DaftarBelumMengisi,
    cetak_belum_mengisi,
)


def _data(n: int) -> DaftarBelumMengisi:
    baris = [
        BarisBelumMengisi(
            f"Pegawai Ke-{i}, S.E.",
            "198005172005031001",
            "Penata Laporan Keuangan",
            "Sekretariat Kecamatan",
            "Draf" if i % 2 else "Belum mulai",
            f"{i % 3}/3",
        )
        for i in range(1, n + 1)
    ]
    return DaftarBelumMengisi(
        "Triwulan I 2025",
        date(2025, 4, 10),
        "Bawahan Siti Rahmawati",
        date(2025, 4, 12),
        baris,
        instansi="Kecamatan Rimbo Bujang",
    )


def test_pdf_lists_everyone_with_footer():
    buf = io.BytesIO()
    halaman = cetak_belum_mengisi(buf, _data(60))
    assert halaman >= 2
    teks = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages)
    assert "BELUM MENGISI REALISASI" in teks and "TRIWULAN I 2025" in teks
    assert "Pegawai Ke-1, S.E." in teks and "Pegawai Ke-60, S.E." in teks
    assert "19800517 200503 1 001" in teks
    assert "10 April 2025" in teks and f"Halaman 1 dari {halaman}" in teks


def test_empty_list_says_so():
    buf = io.BytesIO()
    cetak_belum_mengisi(buf, _data(0))
    teks = PdfReader(io.BytesIO(buf.getvalue())).pages[0].extract_text()
    assert "Semua pegawai sudah mengajukan" in teks
