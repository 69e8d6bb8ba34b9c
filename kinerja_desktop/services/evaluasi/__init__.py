"""Evaluation (domain.md §5): ratings, predikat, finalise/reopen, organisation predikat,
distribution check and the data the printed evaluation forms show. The modules follow the
screens of ui/evaluasi/ (list, the evaluation dialog, the Rekap & Laporan view, printing); this
package re-exports their public API so callers write ``sv.simpan_evaluasi``.

Who may do what (checked here, the UI only hides):
- rate / save / finalise: the pejabat penilai of the pegawai during the period (including an
  acting PLT/PLH), never an administrator;
- reopen a final evaluation: only its penilai (the one who finalised it), with a reason;
- set the Predikat Kinerja Organisasi of a unit: the leader one level up, i.e. the penilai of
  the unit's head (``Pegawai.kepala_unit``); an administrator cannot;
- read: the pegawai himself, his penilai, the atasan pejabat penilai and the administrator
  (syarat.py).

The predikat is always derived from the two ratings (the model's validator recomputes it on
every rating change), so it can never be stored out of step.
"""

from __future__ import annotations

# the types the rows carry (a period row, the organisation predikat) for the screens
from kinerja_desktop.domain.predikat import PredikatOrganisasi as PredikatOrg
from kinerja_desktop.services.evaluasi.angka_kredit import angka_kredit_untuk
from kinerja_desktop.services.evaluasi.cetak import (
    JENIS_CETAK_DOKUMEN,
    JENIS_CETAK_EVALUASI,
    CetakanSiap,
    cetak_evaluasi_pegawai,
    data_cetak_dokumen,
    data_cetak_evaluasi,
    pegawai_per_nip,
    siapkan_cetak,
    siapkan_cetak_tanpa_cek,
    urai_kode,
)
from kinerja_desktop.services.evaluasi.daftar import (
    DinilaiRow,
    cari_periode,
    daftar_dinilai,
    daftar_evaluasi_saya,
    daftar_periode,
    daftar_tahun,
)
from kinerja_desktop.services.evaluasi.detail import (
    EvaluasiDetail,
    buka_evaluasi,
    detail_evaluasi,
    mulai_evaluasi,
)
from kinerja_desktop.services.evaluasi.distribusi import (
    DistribusiUnit,
    KelasBerlebih,
    boleh_menetapkan_predikat_org,
    distribusi_unit,
    tetapkan_predikat_organisasi,
)
from kinerja_desktop.services.evaluasi.finalisasi import (
    buka_kembali_evaluasi,
    finalkan_evaluasi,
    perlu_alasan_final,
    simpan_dan_finalkan_evaluasi,
)
from kinerja_desktop.services.evaluasi.hasil_kerja import (
    BuktiRow,
    IndikatorEvalRow,
    PerilakuEvalRow,
    RhkEvalRow,
    UmpanBalikRow,
    hasil_kerja_periode,
    teks_realisasi,
    teks_target,
)
from kinerja_desktop.services.evaluasi.isi import simpan_evaluasi
from kinerja_desktop.services.evaluasi.predikat_org import (
    RATING_KEPALA_UNIT,
    kepala_unit,
    predikat_organisasi,
    rating_kepala_unit,
)
from kinerja_desktop.services.evaluasi.riwayat import (
    HARI_KEBERATAN,
    KeberatanRow,
    RiwayatRow,
    batas_keberatan,
    keberatan_row,
)
from kinerja_desktop.services.evaluasi.syarat import (
    DRAF,
    FINAL,
    PESAN_DRAF_PEGAWAI,
    adalah_penilai,
    atasan_penilai_untuk,
    instansi,
    skp_evaluasi,
    skp_untuk,
    snapshot,
)
from kinerja_desktop.services.periode import PeriodeRow

__all__ = [
    "DRAF",
    "FINAL",
    "HARI_KEBERATAN",
    "JENIS_CETAK_DOKUMEN",
    "JENIS_CETAK_EVALUASI",
    "PESAN_DRAF_PEGAWAI",
    "RATING_KEPALA_UNIT",
    "BuktiRow",
    "CetakanSiap",
    "DinilaiRow",
    "DistribusiUnit",
    "EvaluasiDetail",
    "IndikatorEvalRow",
    "KeberatanRow",
    "KelasBerlebih",
    "PerilakuEvalRow",
    "PeriodeRow",
    "PredikatOrg",
    "RhkEvalRow",
    "RiwayatRow",
    "UmpanBalikRow",
    "adalah_penilai",
    "angka_kredit_untuk",
    "atasan_penilai_untuk",
    "batas_keberatan",
    "boleh_menetapkan_predikat_org",
    "buka_evaluasi",
    "buka_kembali_evaluasi",
    "cari_periode",
    "cetak_evaluasi_pegawai",
    "daftar_dinilai",
    "daftar_evaluasi_saya",
    "daftar_periode",
    "daftar_tahun",
    "data_cetak_dokumen",
    "data_cetak_evaluasi",
    "detail_evaluasi",
    "distribusi_unit",
    "finalkan_evaluasi",
    "hasil_kerja_periode",
    "instansi",
    "keberatan_row",
    "kepala_unit",
    "mulai_evaluasi",
    "pegawai_per_nip",
    "perlu_alasan_final",
    "predikat_organisasi",
    "rating_kepala_unit",
    "siapkan_cetak",
    "siapkan_cetak_tanpa_cek",
    "simpan_dan_finalkan_evaluasi",
    "simpan_evaluasi",
    "skp_evaluasi",
    "skp_untuk",
    "snapshot",
    "teks_realisasi",
    "teks_target",
    "tetapkan_predikat_organisasi",
    "urai_kode",
]
