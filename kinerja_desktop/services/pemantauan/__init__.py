"""Pelaksanaan and pemantauan: rencana aksi, realisasi per IKI per period, daily progress, and
the atasan's monitoring board. The modules mirror ui/pemantauan/; this package re-exports their
public API so callers write ``pm.simpan_realisasi``.

Only the pegawai himself (or the operator on his behalf) writes his monitoring data; his
pejabat penilai reads it (services/akses.wajib_baca_pemantauan). Once the evaluation of a period
is FINAL, that period's realisasi, rencana aksi and evidence are locked (syarat.py).

Read functions (``realisasi_skp``, ``halaman_pemantauan``, ``papan_pemantauan``) use a few
aggregate queries so they stay fast on a large office; the evaluation screens reuse them.
"""

from __future__ import annotations

# the monitoring screens and imports read numbers the one way (tests check they are the same)
from kinerja_desktop.domain.angka import format_angka, parse_angka
from kinerja_desktop.services.pemantauan.halaman import HalamanPemantauan, halaman_pemantauan
from kinerja_desktop.services.pemantauan.papan import (
    BelumMengisiRow,
    PapanBaris,
    PapanPemantauan,
    PapanSel,
    belum_mengisi,
    data_cetak_belum_mengisi,
    papan_pemantauan,
    pdf_belum_mengisi,
)
from kinerja_desktop.services.pemantauan.pilihan import PilihanPegawai, pegawai_pilihan
from kinerja_desktop.services.pemantauan.progres import (
    EntriProgres,
    EntriTidakValid,
    KesalahanEntri,
    ProgresRow,
    SaranRealisasi,
    awal_minggu,
    daftar_progres,
    hapus_progres,
    saran_realisasi,
    simpan_progres,
    simpan_progres_banyak,
    validasi_entri,
)
from kinerja_desktop.services.pemantauan.realisasi import (
    BarisRealisasi,
    RealisasiRow,
    ajukan_realisasi,
    hapus_realisasi,
    realisasi_skp,
    simpan_realisasi,
)
from kinerja_desktop.services.pemantauan.rencana_aksi import (
    RencanaAksiRow,
    daftar_rencana_aksi,
    hapus_rencana_aksi,
    simpan_rencana_aksi,
)
from kinerja_desktop.services.pemantauan.struktur import (
    ButirSkp,
    peta_kode_skp,
    skp_untuk,
    struktur_skp,
)
from kinerja_desktop.services.pemantauan.syarat import (
    BELUM,
    BELUM_MULAI,
    DIAJUKAN,
    DINILAI,
    DRAF,
    TANPA_SKP,
    cek_boleh_ubah,
    evaluasi_final,
)

__all__ = [
    "BELUM",
    "BELUM_MULAI",
    "DIAJUKAN",
    "DINILAI",
    "DRAF",
    "TANPA_SKP",
    "BarisRealisasi",
    "BelumMengisiRow",
    "ButirSkp",
    "EntriProgres",
    "EntriTidakValid",
    "HalamanPemantauan",
    "KesalahanEntri",
    "PapanBaris",
    "PapanPemantauan",
    "PapanSel",
    "PilihanPegawai",
    "ProgresRow",
    "RealisasiRow",
    "RencanaAksiRow",
    "SaranRealisasi",
    "ajukan_realisasi",
    "awal_minggu",
    "belum_mengisi",
    "cek_boleh_ubah",
    "daftar_progres",
    "daftar_rencana_aksi",
    "data_cetak_belum_mengisi",
    "evaluasi_final",
    "format_angka",
    "halaman_pemantauan",
    "hapus_progres",
    "hapus_realisasi",
    "hapus_rencana_aksi",
    "papan_pemantauan",
    "parse_angka",
    "pdf_belum_mengisi",
    "pegawai_pilihan",
    "peta_kode_skp",
    "realisasi_skp",
    "saran_realisasi",
    "simpan_progres",
    "simpan_progres_banyak",
    "simpan_realisasi",
    "simpan_rencana_aksi",
    "skp_untuk",
    "struktur_skp",
    "validasi_entri",
]
