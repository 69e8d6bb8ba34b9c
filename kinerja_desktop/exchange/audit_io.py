"""Exporting the audit log to .xlsx or .csv: services.audit gives the table, this writes it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.tugas import StatusTugas
from kinerja_desktop.exchange.tabular import KolomEkspor, tulis_csv, write_xlsx
from kinerja_desktop.services.audit import FilterAudit, tabel_audit


def ekspor_audit(
    session: Session,
    actor: Actor,
    path: str | Path,
    filter: FilterAudit | None = None,
    status: StatusTugas | None = None,
) -> int:
    """Write the filtered log to .xlsx or .csv (by the file's extension); returns the count."""
    tabel = tabel_audit(session, actor, filter, status)
    target = Path(path)
    if target.suffix.lower() == ".csv":
        tulis_csv(target, [nama for nama, _lebar in tabel.kolom], tabel.baris)
    else:
        kolom = [KolomEkspor(nama, lebar) for nama, lebar in tabel.kolom]
        write_xlsx(target, "Log Audit", kolom, tabel.baris, judul="Log Audit Kinerja Desktop")
    return tabel.jumlah
