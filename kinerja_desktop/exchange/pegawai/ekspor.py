"""The roster written to a formatted .xlsx that the import reads back."""

from __future__ import annotations

import os
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kinerja_desktop.db.models import Pegawai, UnitKerja
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.tugas import StatusTugas, cek_batal
from kinerja_desktop.exchange.pegawai.kolom import tampil
from kinerja_desktop.exchange.pegawai.templat import KOLOM_TEMPLATE
from kinerja_desktop.exchange.tabular import KolomEkspor, write_xlsx
from kinerja_desktop.services import pegawai as svc
from kinerja_desktop.services import penugasan

KOLOM_EKSPOR = [
    *KOLOM_TEMPLATE[:8],
    KolomEkspor("PANGKAT", 24),
    *KOLOM_TEMPLATE[8:],
    KolomEkspor("ATASAN NAMA", 32),
    KolomEkspor("AKTIF", 8),
    KolomEkspor("KETERANGAN NONAKTIF", 26),
    KolomEkspor("TANGGAL NONAKTIF", 14, format_tanggal=True),
]


def ekspor_pegawai(
    session: Session,
    actor: Actor,
    path: str | os.PathLike[str],
    filter: svc.FilterPegawai | None = None,
    state: StatusTugas | None = None,
    today: date | None = None,
) -> int:
    """Write the (filtered) roster to a formatted .xlsx that the import reads back.
    Returns the number of pegawai written."""
    st = state or StatusTugas()
    hari_ini = today or date.today()
    st.progress(0, 0, "Mengambil data…")
    rows = svc.daftar_pegawai(
        session, actor, filter or svc.FilterPegawai(aktif=None), urut="unit", limit=None
    )
    unit_induk: dict[int, str] = {}
    nama_unit: dict[int, str] = {}
    induk_unit: dict[int, int | None] = {}
    for uid, nama, induk in session.execute(
        select(UnitKerja.id, UnitKerja.nama, UnitKerja.induk_id)
    ):
        nama_unit[uid] = nama
        induk_unit[uid] = induk
    for uid, induk in induk_unit.items():
        unit_induk[uid] = nama_unit.get(induk, "") if induk else ""
    atasan = penugasan.atasan_definitif_semua(session, hari_ini)
    info = {
        pid: (nip, nama_lengkap(gd, nm, gb))
        for pid, nip, gd, nm, gb in session.execute(
            select(
                Pegawai.id, Pegawai.nip, Pegawai.gelar_depan, Pegawai.nama, Pegawai.gelar_belakang
            )
        )
    }
    total = len(rows)

    def baris():
        for i, r in enumerate(rows):
            if i % 1000 == 0:
                cek_batal(st, "Ekspor dibatalkan.")
                st.progress(i, total, f"Menulis {i} dari {total} pegawai…")
            a = atasan.get(r.id)
            a_nip, a_nama = info.get(a, ("", "")) if a else ("", "")
            yield [
                r.nip,
                r.nama,
                r.gelar_depan,
                r.gelar_belakang,
                r.tanggal_lahir,
                r.jenis_kelamin,
                r.status,
                r.golongan,
                r.pangkat_golongan,
                r.jabatan,
                tampil("jenis_jabatan", r.jenis_jabatan),
                tampil("jenjang", r.jenjang) if r.jenjang else None,
                r.unit_kerja,
                unit_induk.get(r.unit_kerja_id, ""),
                a_nip or None,
                a_nama or None,
                "Ya" if r.aktif else "Tidak",
                r.alasan_nonaktif,
                r.tanggal_nonaktif,
            ]

    write_xlsx(path, "Pegawai", KOLOM_EKSPOR, baris())
    st.progress(total, total, "Ekspor selesai.")
    return total


def ekspor_worker(
    state: StatusTugas,
    factory: sessionmaker[Session],
    actor: Actor,
    path: str | os.PathLike[str],
    filter: svc.FilterPegawai | None = None,
) -> int:
    with factory(info={"actor": actor}) as session:
        return ekspor_pegawai(session, actor, path, filter, state)
