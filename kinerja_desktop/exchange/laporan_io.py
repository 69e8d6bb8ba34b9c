"""Writing the recaps of services/laporan to Excel: the service returns the rows, this module
owns the sheet's columns and widths."""

from __future__ import annotations

import os

from kinerja_desktop.domain.predikat import Predikat
from kinerja_desktop.exchange.tabular import KolomEkspor, write_xlsx
from kinerja_desktop.services.laporan import TabelAngkaKredit

KOLOM_ANGKA_KREDIT = (
    KolomEkspor("NIP", 22, teks=True),
    KolomEkspor("Nama", 32),
    KolomEkspor("Jabatan", 36),
    KolomEkspor("Jenjang", 16),
    KolomEkspor("Predikat Tahunan", 18),
    KolomEkspor("Persentase", 12),
    KolomEkspor("Koefisien", 10),
    KolomEkspor("Angka Kredit", 14),
    KolomEkspor("Status Evaluasi", 16),
)


def ekspor_angka_kredit(path: str | os.PathLike[str], tabel: TabelAngkaKredit) -> int:
    """Write the unit's angka kredit to an .xlsx file; returns the number of rows."""
    write_xlsx(
        path,
        "Angka Kredit",
        KOLOM_ANGKA_KREDIT,
        (
            [
                r.nip,
                r.nama,
                r.jabatan,
                r.jenjang,
                Predikat(r.predikat).label if r.predikat else "-",
                r.persentase,
                r.koefisien,
                r.angka_kredit or "-",
                r.status_evaluasi,
            ]
            for r in tabel.rows
        ),
        judul=tabel.judul,
    )
    return len(tabel.rows)


__all__ = ["KOLOM_ANGKA_KREDIT", "ekspor_angka_kredit"]
