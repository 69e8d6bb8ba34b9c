"""Demo roster: Kecamatan Tebo Tengah, Kabupaten Tebo — about 40 pegawai.

Unit tree (under "Pemerintah Kabupaten Tebo"): Sekretariat Daerah (the Sekretaris Daerah
rates the Camat, so the chain is complete) and Kecamatan Tebo Tengah with its Sekretariat
(two subbagian), four Seksi and two Kelurahan. PNS, one CPNS and PPPK; NIPs built from the
birth date, TMT and gender; jenis jabatan and jenjang as in a real kecamatan; every pegawai has
an atasan langsung from 1 January of the year before; two PLT (an acting Kasi in spring, another
for the third quarter) and one pegawai who retired. Everything goes through the services, so
the demo obeys the same validation.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pengaturan
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.services import organisasi as org
from kinerja_desktop.services import pegawai as svc

INSTANSI = "PEMERINTAH KABUPATEN TEBO"
TEMPAT = "Muara Tebo"

KAB = "Pemerintah Kabupaten Tebo"
SETDA = "Sekretariat Daerah"
KEC = "Kecamatan Tebo Tengah"
SEKRE = "Sekretariat Kecamatan Tebo Tengah"
UMUM = "Subbagian Umum dan Kepegawaian"
KEU = "Subbagian Perencanaan dan Keuangan"
PEM = "Seksi Pemerintahan"
TRANTIB = "Seksi Ketenteraman dan Ketertiban Umum"
PMD = "Seksi Pemberdayaan Masyarakat dan Desa"
KESOS = "Seksi Kesejahteraan Sosial"
KEL1 = "Kelurahan Muara Tebo"
KEL2 = "Kelurahan Tebing Tinggi"

# fmt: off
UNIT = [  # (nama, induk)
    (KAB, None), (SETDA, KAB), (KEC, KAB), (SEKRE, KEC), (UMUM, SEKRE), (KEU, SEKRE), (PEM,
    KEC), (TRANTIB, KEC), (PMD, KEC), (KESOS, KEC), (KEL1, KEC), (KEL2, KEC),
]
# fmt: on

A, P, L, F = "ADMINISTRATOR", "PENGAWAS", "PELAKSANA", "FUNGSIONAL"

# key, nama, gelar depan, gelar belakang, L/P, tahun lahir, status, golongan, jabatan,
# jenis jabatan, jenjang, unit, atasan key, kepala unit
# fmt: off
ORANG: list[tuple] = [
    ("sekda", "Syamsurizal", "Dr. H.", "S.E., M.M.", "L", 1968, "PNS", "IV/c",
     "Sekretaris Daerah", "JPT", None, SETDA, None, True),
    ("camat", "Ahmad Fauzi", "H.", "S.STP., M.Si.", "L", 1976, "PNS", "IV/b",
     "Camat Tebo Tengah", A, None, KEC, "sekda", True),
    ("sekcam", "Hasnah", "Hj.", "S.Sos., M.M.", "P", 1978, "PNS", "IV/a",
     "Sekretaris Kecamatan", A, None, SEKRE, "camat", True),
    ("analis", "Yusuf Hidayat", "", "S.IP., M.A.P.", "L", 1981, "PNS", "III/d",
     "Analis Kebijakan Ahli Muda", F, "AHLI_MUDA", KEC, "camat", False),
    ("kaumum", "Dedi Kurniawan", "", "S.Kom.", "L", 1985, "PNS", "III/c",
     "Kepala Subbagian Umum dan Kepegawaian", P, None, UMUM, "sekcam", True),
    ("prakom", "Rina Marlina", "", "S.Kom.", "P", 1993, "PNS", "III/b",
     "Pranata Komputer Ahli Pertama", F, "AHLI_PERTAMA", UMUM, "kaumum", False),
    ("arsip", "Lina Oktaviani", "", "A.Md.", "P", 1994, "PPPK", "VII",
     "Arsiparis Terampil", F, "TERAMPIL", UMUM, "kaumum", False),
    ("umum1", "Rudi Hartono", "", "", "L", 1981, "PNS", "II/c",
     "Pengadministrasi Perkantoran", L, None, UMUM, "kaumum", False),
    ("umum2", "Siti Rohani", "", "", "P", 1987, "PNS", "II/d",
     "Pengelola Kepegawaian", L, None, UMUM, "kaumum", False),
    ("kakeu", "Nurhayati", "", "S.E., M.Ak.", "P", 1984, "PNS", "III/c",
     "Kepala Subbagian Perencanaan dan Keuangan", P, None, KEU, "sekcam", True),
    ("perencana", "Fitri Handayani", "", "S.E.", "P", 1994, "PNS", "III/a",
     "Perencana Ahli Pertama", F, "AHLI_PERTAMA", KEU, "kakeu", False),
    ("bendahara", "Dewi Lestari", "", "A.Md.", "P", 1989, "PNS", "III/a",
     "Bendahara Pengeluaran", L, None, KEU, "kakeu", False),
    ("keu1", "Andi Saputra", "", "S.E.", "L", 1996, "PPPK", "IX",
     "Analis Keuangan", L, None, KEU, "kakeu", False),
    ("kapem", "Budi Santoso", "", "S.IP.", "L", 1978, "PNS", "III/d",
     "Kepala Seksi Pemerintahan", P, None, PEM, "camat", True),
    ("pem1", "Hendra Gunawan", "", "S.T.", "L", 1988, "PNS", "III/b",
     "Pengolah Data Pemerintahan", L, None, PEM, "kapem", False),
    ("pem2", "Siti Aminah", "", "", "P", 1976, "PNS", "II/d",
     "Pengadministrasi Pemerintahan", L, None, PEM, "kapem", False),
    ("pem3", "Fajar Ramadhan", "", "S.Tr.IP.", "L", 1999, "CPNS", "III/a",
     "Penyusun Bahan Pembinaan Pemerintahan Desa", L, None, PEM, "kapem", False),
    ("katrantib", "Muhammad Rizal", "", "S.H.", "L", 1980, "PNS", "III/d",
     "Kepala Seksi Ketenteraman dan Ketertiban Umum", P, None, TRANTIB, "camat", True),
    ("trantib1", "Joko Prasetyo", "", "", "L", 1983, "PNS", "II/d",
     "Pengelola Ketenteraman dan Ketertiban", L, None, TRANTIB, "katrantib", False),
    ("trantib2", "Ayu Puspitasari", "", "S.H.", "P", 1995, "PNS", "III/a",
     "Penyusun Bahan Ketenteraman dan Ketertiban", L, None, TRANTIB, "katrantib", False),
    ("trantib3", "Rahmat Hidayat", "", "", "L", 1992, "PPPK", "V",
     "Pengadministrasi Umum", L, None, TRANTIB, "katrantib", False),
    ("kapmd", "Sri Wahyuni", "", "S.E.", "P", 1982, "PNS", "III/c",
     "Kepala Seksi Pemberdayaan Masyarakat dan Desa", P, None, PMD, "camat", True),
    ("pmd1", "Yulia Safitri", "", "S.Sos.", "P", 1991, "PNS", "III/b",
     "Analis Pemberdayaan Masyarakat", L, None, PMD, "kapmd", False),
    ("pmd2", "Irfan Maulana", "", "S.Pd.", "L", 1992, "PNS", "III/a",
     "Penyusun Bahan Pemberdayaan Masyarakat Desa", L, None, PMD, "kapmd", False),
    ("pmd3", "Taufik Hidayat", "", "S.P.", "L", 1990, "PPPK", "IX",
     "Penyuluh Pertanian Ahli Pertama", F, "AHLI_PERTAMA", PMD, "kapmd", False),
    ("kakesos", "Zulkifli", "", "S.Ag.", "L", 1979, "PNS", "III/d",
     "Kepala Seksi Kesejahteraan Sosial", P, None, KESOS, "camat", True),
    ("kesos1", "Nurul Aini", "", "S.Sos.", "P", 1990, "PNS", "III/b",
     "Analis Kesejahteraan Sosial", L, None, KESOS, "kakesos", False),
    ("kesos2", "Eko Susanto", "", "", "L", 1986, "PNS", "II/d",
     "Pengadministrasi Kesejahteraan Sosial", L, None, KESOS, "kakesos", False),
    ("lurah1", "Mardiana", "", "S.STP.", "P", 1986, "PNS", "III/d",
     "Lurah Muara Tebo", P, None, KEL1, "camat", True),
    ("seklur1", "Agus Salim", "", "S.AP.", "L", 1985, "PNS", "III/c",
     "Sekretaris Kelurahan Muara Tebo", P, None, KEL1, "lurah1", False),
    ("kel11", "Ratna Sari", "", "", "P", 1984, "PNS", "II/c",
     "Pengadministrasi Umum", L, None, KEL1, "seklur1", False),
    ("kel12", "Wahyu Nugroho", "", "A.Md.", "L", 1993, "PNS", "II/d",
     "Pengelola Data Kependudukan", L, None, KEL1, "seklur1", False),
    ("kel13", "Desi Ratnasari", "", "S.Kom.", "P", 1997, "PPPK", "IX",
     "Pranata Komputer Ahli Pertama", F, "AHLI_PERTAMA", KEL1, "lurah1", False),
    ("lurah2", "Herman Syah", "", "S.Sos.", "L", 1980, "PNS", "III/d",
     "Lurah Tebing Tinggi", P, None, KEL2, "camat", True),
    ("kel21", "Suryani", "", "", "P", 1979, "PNS", "II/d",
     "Pengadministrasi Umum", L, None, KEL2, "lurah2", False),
    ("kel22", "Bayu Pratama", "", "S.H.", "L", 1995, "PNS", "III/a",
     "Penyusun Bahan Pelayanan Masyarakat", L, None, KEL2, "lurah2", False),
    ("kel23", "Putri Wulandari", "", "A.Md.", "P", 1998, "PPPK", "VII",
     "Pengelola Layanan Kelurahan", L, None, KEL2, "lurah2", False),
    ("umum3", "Imam Syafii", "", "", "L", 1990, "PPPK", "V",
     "Pengemudi", L, None, UMUM, "kaumum", False),
    ("keu2", "Maya Anggraini", "", "S.Ak.", "P", 1997, "PNS", "III/a",
     "Penyusun Laporan Keuangan", L, None, KEU, "kakeu", False),
    ("pensiun", "Sukardi", "", "", "L", 1966, "PNS", "III/b",
     "Pengadministrasi Umum", L, None, PEM, "kapem", False),
]
# fmt: on


def _nip(
    rng: random.Random, lahir: date, jk: str, status: str, tahun_ini: int, dipakai: set[str]
) -> str:
    kode_jk = "1" if jk == "L" else "2"
    while True:
        urut = rng.randint(1, 999)
        if status == "PPPK":
            tahun = rng.randint(max(lahir.year + 25, 2019), min(tahun_ini - 1, 2024))
            nip = f"{lahir:%Y%m%d}{tahun:04d}21{kode_jk}{urut:03d}"
        else:
            tahun = min(lahir.year + rng.randint(22, 27), tahun_ini - 1)
            if status == "CPNS":
                tahun = tahun_ini - 1
            bulan = rng.choice((1, 2, 3, 4, 12))
            nip = f"{lahir:%Y%m%d}{tahun:04d}{bulan:02d}{kode_jk}{urut:03d}"
        if nip not in dipakai:
            dipakai.add(nip)
            return nip


def isi_roster(session: Session, tahun: int, rng: random.Random) -> dict[str, int]:
    """Fill the demo roster; returns pegawai ids by key (``camat``, ``sekcam``, ...)."""
    actor = SISTEM
    tahun_ini = min(tahun, date.today().year)
    unit: dict[str, int] = {}
    for nama, induk in UNIT:
        unit[nama] = org.tambah_unit(session, actor, nama, unit[induk] if induk else None).id

    ids: dict[str, int] = {}
    dipakai: set[str] = set()
    for (
        key,
        nama,
        gd,
        gb,
        jk,
        th,
        status,
        gol,
        jabatan,
        jenis,
        jenjang,
        u,
        _atasan,
        kepala,
    ) in ORANG:
        lahir = date(th, rng.randint(1, 12), rng.randint(1, 28))
        data = svc.PegawaiInput(
            nip=_nip(rng, lahir, jk, status, tahun_ini, dipakai),
            nama=nama,
            status=status,
            golongan=gol,
            jabatan=jabatan,
            jenis_jabatan=jenis,
            unit_kerja_id=unit[u],
            gelar_depan=gd or None,
            gelar_belakang=gb or None,
            tanggal_lahir=lahir,
            jenis_kelamin=jk,
            jenjang=jenjang,
            kepala_unit=kepala,
        )
        ids[key] = svc.tambah_pegawai(session, actor, data).id

    mulai = date(tahun - 1, 1, 1)
    for key, *_rest, atasan, _kepala in ORANG:
        if atasan:
            org.tetapkan_penilai(session, actor, ids[key], ids[atasan], mulai)

    # The Kasi Kesejahteraan Sosial is away on training: the Kasi Pemerintahan acts (PLT).
    for key in ("kesos1", "kesos2"):
        org.tetapkan_penilai(
            session,
            actor,
            ids[key],
            ids["kapem"],
            date(tahun, 3, 1),
            jenis="PLT",
            selesai=date(tahun, 5, 31),
            keterangan="Plt. Kepala Seksi Kesejahteraan Sosial",
        )
    # The Kasi Trantib is on leave for the third quarter: the Kasi Pemerintahan acts (PLT)
    # for Joko Prasetyo: his TW3 forms print the acting Kasi as "Plt.".
    org.tetapkan_penilai(
        session,
        actor,
        ids["trantib1"],
        ids["kapem"],
        date(tahun, 7, 1),
        jenis="PLT",
        selesai=date(tahun, 9, 30),
        keterangan="Plt. Kepala Seksi Ketenteraman dan Ketertiban Umum",
    )
    svc.nonaktifkan_pegawai(
        session, actor, ids["pensiun"], "Pensiun", date(tahun, 1, 1), "Batas usia pensiun"
    )

    for kunci, nilai in (("instansi", INSTANSI), ("tempat", TEMPAT)):
        row = session.get(Pengaturan, kunci)
        if row is None:
            session.add(Pengaturan(kunci=kunci, nilai=nilai))
        elif not row.nilai:
            row.nilai = nilai
    session.flush()
    return ids
