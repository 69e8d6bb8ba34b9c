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

The comparison with the stored roster and the writing are the import use case in
services/impor_pegawai (preview, then apply; administrator only); this package only reads
files into checked rows (``baca``) and writes them (``ekspor``, ``templat``).

``ekspor_worker`` takes a :class:`~kinerja_desktop.domain.tugas.StatusTugas` and runs in one
session, for ui/tasks.py and the CLI.
No Qt here. The modules: ``baca`` (file → checked rows), ``ekspor``, ``templat``; ``kolom``
(the columns and their labels) is shared by them and by the import use case.
"""

from kinerja_desktop.exchange.pegawai.ekspor import ekspor_pegawai, ekspor_worker
from kinerja_desktop.exchange.pegawai.templat import tulis_template

__all__ = ["ekspor_pegawai", "ekspor_worker", "tulis_template"]
