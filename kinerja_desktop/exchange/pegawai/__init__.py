"""Roster in and out of files: import (preview, then apply), export, and the template.

Sources the import reads (the kind is recognised from the header row):

* the program's own template (``Unduh template``; also what :func:`ekspor_pegawai` writes):
  NIP, NAMA, GELAR DEPAN, GELAR BELAKANG, TANGGAL LAHIR, JENIS KELAMIN, STATUS, GOLONGAN,
  JABATAN, JENIS JABATAN, JENJANG, UNIT KERJA, UNIT INDUK, ATASAN NIP;
* SIASN "Export Data ASN" (.csv or .xlsx): PNS ID, NIP BARU, NAMA, GELAR DEPAN/BELAKANG,
  TANGGAL LAHIR, JENIS KELAMIN, JENIS PEGAWAI NAMA, STATUS CPNS PNS, GOL AKHIR NAMA,
  JENIS JABATAN NAMA, ESELON ID/NAMA, JABATAN NAMA, KEDUDUKAN HUKUM NAMA, UNOR ID/NAMA,
  UNOR INDUK ID/NAMA; the other columns are ignored. Delimiters ``,`` ``;`` ``|`` and tab.
  No real person is refused for his jabatan (domain.md §2a): a Struktural row without eselon
  takes the jenis jabatan its JABATAN NAMA suggests, an old JF name is imported without
  jenjang; such rows carry a "perkiraan, periksa" / "perlu dilengkapi" note for the worklist.
  KEDUDUKAN HUKUM deactivates leavers and marks temporary absences (``bebas_tugas``).

Two steps, so the user sees everything before anything is written:

1. :func:`buat_pratinjau` reads the file and compares it with the database in a few bulk
   queries: every row is BARU (new NIP), BERUBAH (with the fields that change, old → new),
   SAMA, or TIDAK_VALID (row number as Excel shows it, column, reason). Units named in the
   file that do not exist yet are listed as new units.
2. :func:`terapkan_impor` writes the chosen rows inside the caller's transaction; any error
   (or a cancel) raises, so the caller's unit of work rolls everything back. Importing the
   same file again finds every row SAMA and writes nothing.

The worker functions (``*_worker``) take a :class:`~kinerja_desktop.domain.tugas.StatusTugas`
and run one transaction each, for ui/tasks.py and the CLI.
No Qt here. The modules: ``baca`` (file → checked rows), ``pratinjau``, ``terapkan``,
``ekspor``, ``templat``; ``kolom``, ``unit`` and ``kueri`` are shared by them.
"""

from kinerja_desktop.exchange.pegawai.ekspor import ekspor_pegawai, ekspor_worker
from kinerja_desktop.exchange.pegawai.pratinjau import (
    BarisImpor,
    JenisBaris,
    Perubahan,
    Pratinjau,
    buat_pratinjau,
)
from kinerja_desktop.exchange.pegawai.templat import tulis_template
from kinerja_desktop.exchange.pegawai.terapkan import HasilImpor, terapkan_impor

__all__ = [
    "BarisImpor",
    "HasilImpor",
    "JenisBaris",
    "Perubahan",
    "Pratinjau",
    "buat_pratinjau",
    "ekspor_pegawai",
    "ekspor_worker",
    "terapkan_impor",
    "tulis_template",
]
