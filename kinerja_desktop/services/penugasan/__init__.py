"""Who rates whom, when: the one reader of the pejabat penilai assignments (PenugasanPenilai).

Every list, board and permission check asks here (tests/unit/test_penugasan_pemilik.py fails
on a query of the table elsewhere). The interval rules are pure, in
:mod:`kinerja_desktop.domain.penugasan`; berlaku answers the rates
questions, baris reads the rows (has rated, history, the roster exchange).

Two questions differ on purpose, and are named so:
- *rates* (``bawahan_dalam``, ``adalah_penilai_dalam``, …): the days a penilai is in force for a
  pegawai who is on SKP duty (an inactive pegawai, or one temporarily out — bebas tugas — is
  nobody's subordinate for the days he is out);
- *has rated* (``pernah_menilai``, ``kondisi_pernah_dinilai``): any assignment at any time, any
  kind, so what a penilai once saw (history, objections, roster rows) stays readable.
"""

from kinerja_desktop.services.penugasan.baris import (
    ambil_penugasan,
    atasan_definitif_semua,
    definitif_per_pegawai,
    definitif_terbuka,
    kondisi_pernah_dinilai,
    pernah_dinilai_oleh,
    pernah_menilai,
    riwayat,
    sementara_terbuka,
)
from kinerja_desktop.services.penugasan.berlaku import (
    adalah_penilai_dalam,
    atasan_penilai_pada,
    bawahan_dalam,
    bawahan_pada,
    bawahan_tahun,
    definitif_pada,
    penilai_dalam,
    penilai_pada,
    penilai_periode,
    penugasan_pada,
    rantai_atasan,
    sementara_dalam,
)

__all__ = [
    "adalah_penilai_dalam",
    "ambil_penugasan",
    "atasan_definitif_semua",
    "atasan_penilai_pada",
    "bawahan_dalam",
    "bawahan_pada",
    "bawahan_tahun",
    "definitif_pada",
    "definitif_per_pegawai",
    "definitif_terbuka",
    "kondisi_pernah_dinilai",
    "penilai_dalam",
    "penilai_pada",
    "penilai_periode",
    "penugasan_pada",
    "pernah_dinilai_oleh",
    "pernah_menilai",
    "rantai_atasan",
    "riwayat",
    "sementara_dalam",
    "sementara_terbuka",
]
