"""Generated large data for benchmarks: a kabupaten-size roster, built fast and cached.

``buat_data_besar(db_path, n_pegawai=10_000, n_unit=400, seed=1)`` builds a database with a
unit tree (Pemerintah Kabupaten → OPD → bidang/bagian → seksi/subbagian), ``n_pegawai``
pegawai with valid NIPs (PNS/CPNS/PPPK), a head in every unit and a complete atasan chain
(staff → head of unit → head of the parent unit … → Sekretaris Daerah). Rows go in with Core
bulk inserts on one connection (the audit listener, which runs on ORM flushes, is bypassed:
fine for generated data). The result is cached under /tmp keyed by the parameters, so
repeated runs only copy a file. Extend ``_LANGKAH_TAMBAHAN`` to add your own data to the
same cached database (bump ``VERSI`` when the content changes).

``buat_csv_siasn(path, n=10_000, seed=2)`` writes a SIASN "Export Data ASN" CSV with all the
columns SIASN produces, for import benchmarks.

Run ``python tests/benchmarks/generate.py`` to (re)build the default database and print its
path.
"""

from __future__ import annotations

import csv
import hashlib
import os
import random
import shutil
import sys
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kinerja_desktop.db.database import SCHEMA_HEAD  # noqa: E402  (after the path fix)

VERSI = 1
CACHE = Path(os.environ.get("KINERJA_BENCH_CACHE", "/tmp/kinerja-bench"))

DEPAN_L = (
    "Ahmad",
    "Budi",
    "Joko",
    "Agus",
    "Dedi",
    "Hendra",
    "Rudi",
    "Muhammad",
    "Irfan",
    "Fajar",
    "Yusuf",
    "Rizki",
    "Andi",
    "Bayu",
    "Eko",
    "Taufik",
    "Wahyu",
    "Zulkifli",
    "Hasan",
    "Imam",
    "Arif",
    "Doni",
    "Gilang",
    "Hadi",
    "Indra",
    "Sigit",
    "Teguh",
)
DEPAN_P = (
    "Siti",
    "Sri",
    "Dewi",
    "Rina",
    "Fitri",
    "Nurul",
    "Yulia",
    "Ayu",
    "Lina",
    "Maya",
    "Ratna",
    "Desi",
    "Putri",
    "Rahmawati",
    "Nurhayati",
    "Hasnah",
    "Wulan",
    "Indah",
    "Mega",
    "Novi",
    "Tuti",
    "Yanti",
    "Eka",
    "Dian",
    "Nita",
    "Rosmawati",
)
BELAKANG = (
    "Santoso",
    "Hidayat",
    "Kurniawan",
    "Saputra",
    "Lestari",
    "Wahyuni",
    "Pratama",
    "Gunawan",
    "Maulana",
    "Ramadhan",
    "Handayani",
    "Marlina",
    "Susanto",
    "Hartono",
    "Nugroho",
    "Setiawan",
    "Purnomo",
    "Siregar",
    "Nasution",
    "Harahap",
    "Lubis",
    "Syahputra",
    "Rahman",
    "Hakim",
    "Anwar",
    "Safitri",
    "Anggraini",
    "Permata",
    "",
)
GELAR = (
    "S.E.",
    "S.Sos.",
    "S.H.",
    "S.Kom.",
    "S.Pd.",
    "S.T.",
    "S.IP.",
    "A.Md.",
    "S.E., M.M.",
    "S.Sos., M.Si.",
    "S.Kom., M.T.",
    "S.H., M.H.",
    "",
    "",
    "",
)
OPD = (
    "Dinas Pendidikan",
    "Dinas Kesehatan",
    "Dinas Pekerjaan Umum",
    "Dinas Sosial",
    "Dinas Perhubungan",
    "Dinas Pertanian",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Badan Kepegawaian dan Pengembangan SDM",
    "Badan Keuangan Daerah",
    "Inspektorat",
    "Badan Perencanaan Pembangunan Daerah",
    "Dinas Lingkungan Hidup",
    "Dinas Pariwisata",
    "Dinas Koperasi dan UKM",
    "Satuan Polisi Pamong Praja",
    "Dinas Perikanan",
)
BIDANG = (
    "Sekretariat",
    "Bidang Program",
    "Bidang Pelayanan",
    "Bidang Pembinaan",
    "Bidang Pengembangan",
    "Bidang Pengawasan",
)
SEKSI = (
    "Seksi Perencanaan",
    "Seksi Pelaksanaan",
    "Seksi Evaluasi",
    "Subbagian Umum",
    "Subbagian Keuangan",
    "Seksi Data dan Informasi",
)
JABATAN_STAF = (
    ("Pengadministrasi Umum", "PELAKSANA", None),
    ("Pengolah Data", "PELAKSANA", None),
    ("Analis Kebijakan Ahli Muda", "FUNGSIONAL", "AHLI_MUDA"),
    ("Pranata Komputer Ahli Pertama", "FUNGSIONAL", "AHLI_PERTAMA"),
    ("Arsiparis Terampil", "FUNGSIONAL", "TERAMPIL"),
    ("Bendahara", "PELAKSANA", None),
    ("Penyusun Laporan", "PELAKSANA", None),
    ("Perencana Ahli Pertama", "FUNGSIONAL", "AHLI_PERTAMA"),
)
GOL_PNS = ("II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d")
GOL_PPPK = ("V", "VII", "IX", "X")

# Extra steps others add: fn(connection, rng, info) with info = {"unit_ids", "pegawai_ids",
# "kepala": {unit_id: pegawai_id}, "atasan": {pegawai_id: atasan_id}}.
_LANGKAH_TAMBAHAN: list[Callable[..., None]] = []


class _Nip:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.dipakai: set[str] = set()

    def buat(self, status: str) -> tuple[str, date, str]:
        rng = self.rng
        while True:
            lahir = date(rng.randint(1966, 2000), rng.randint(1, 12), rng.randint(1, 28))
            jk = rng.choice("LP")
            g = "1" if jk == "L" else "2"
            urut = rng.randint(1, 999)
            if status == "PPPK":
                tahun = rng.randint(max(lahir.year + 20, 2019), 2024)
                nip = f"{lahir:%Y%m%d}{tahun:04d}21{g}{urut:03d}"
            else:
                tahun = min(lahir.year + rng.randint(20, 30), 2024)
                nip = f"{lahir:%Y%m%d}{tahun:04d}{rng.randint(1, 12):02d}{g}{urut:03d}"
            if nip not in self.dipakai:
                self.dipakai.add(nip)
                return nip, lahir, jk


def _units(n_unit: int) -> list[tuple[int, str, int | None, int]]:
    """(id, nama, induk_id, tingkat) — root, OPDs, bidang, seksi, until n_unit units."""
    out = [(1, "Pemerintah Kabupaten Contoh", None, 0)]
    setda = (2, "Sekretariat Daerah", 1, 1)
    out.append(setda)
    opd_ids: list[int] = []
    i = 0
    while len(out) < n_unit:
        nama = OPD[i % len(OPD)] + ("" if i < len(OPD) else f" {i // len(OPD) + 1}")
        if i >= 40:
            nama = f"Kecamatan {i - 39:02d}"
        uid = len(out) + 1
        out.append((uid, nama, 1, 1))
        opd_ids.append(uid)
        i += 1
        for b in BIDANG[:4]:
            if len(out) >= n_unit:
                break
            bid = len(out) + 1
            out.append((bid, f"{b} {nama}", uid, 2))
            for s in SEKSI[:2]:
                if len(out) >= n_unit:
                    break
                out.append((len(out) + 1, f"{s} {b} {nama}", bid, 3))
    return out[:n_unit]


def _bangun(path: Path, n_pegawai: int, n_unit: int, seed: int) -> None:
    from sqlalchemy import insert, text

    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.db.models import Pegawai, PenugasanPenilai, UnitKerja

    rng = random.Random(seed)
    db = open_database(f"sqlite:///{path}")
    units = _units(n_unit)
    nip = _Nip(rng)
    sekarang = date(2024, 1, 1)
    with db.engine.begin() as conn:
        conn.execute(
            insert(UnitKerja),
            [
                {
                    "id": uid,
                    "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
                    "nama": nama,
                    "induk_id": induk,
                    "urutan": 0,
                    "aktif": True,
                    "versi": 1,
                }
                for uid, nama, induk, _t in units
            ],
        )
        induk = {uid: ind for uid, _n, ind, _t in units}
        tingkat = {uid: t for uid, _n, _i, t in units}
        nama_unit = {uid: n for uid, n, _i, _t in units}
        rows: list[dict] = []
        kepala: dict[int, int] = {}
        pid = 0

        def orang(
            unit_id: int,
            jabatan: str,
            jenis: str,
            jenjang: str | None,
            status: str,
            gol: str,
            is_kepala: bool,
        ) -> int:
            nonlocal pid
            pid += 1
            n, lahir, jk = nip.buat(status)
            depan = rng.choice(DEPAN_L if jk == "L" else DEPAN_P)
            nama = f"{depan} {rng.choice(BELAKANG)}".strip()
            rows.append(
                {
                    "id": pid,
                    "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
                    "nip": n,
                    "nama": nama,
                    "nama_cari": nama.lower(),
                    "gelar_depan": None,
                    "gelar_belakang": rng.choice(GELAR) or None,
                    "tanggal_lahir": lahir,
                    "jenis_kelamin": jk,
                    "status": status,
                    "golongan": gol,
                    "jabatan": jabatan,
                    "jenis_jabatan": jenis,
                    "jenjang": jenjang,
                    "unit_kerja_id": unit_id,
                    "kepala_unit": is_kepala,
                    "aktif": True,
                    "versi": 1,
                }
            )
            return pid

        for uid, nama, _i, t in units:
            if pid >= n_pegawai:
                break
            if t == 0:
                j, jenis, gol = "Bupati (Pejabat Pembina Kepegawaian)", "JPT", "IV/e"
            elif nama == "Sekretariat Daerah":
                j, jenis, gol = "Sekretaris Daerah", "JPT", "IV/d"
            elif t == 1:
                j, jenis, gol = (
                    f"Kepala {nama}",
                    "JPT" if "Kecamatan" not in nama else ("ADMINISTRATOR"),
                    "IV/c",
                )
            elif t == 2:
                j, jenis, gol = f"Kepala {nama}", "ADMINISTRATOR", "IV/a"
            else:
                j, jenis, gol = f"Kepala {nama}", "PENGAWAS", "III/d"
            kepala[uid] = orang(uid, j[:255], jenis, None, "PNS", gol, True)
        ids_unit = [u[0] for u in units if u[3] >= 2] or [u[0] for u in units]
        while pid < n_pegawai:
            uid = rng.choice(ids_unit)
            jabatan, jenis, jenjang = rng.choice(JABATAN_STAF)
            r = rng.random()
            status = "PPPK" if r < 0.2 else ("CPNS" if r < 0.23 else "PNS")
            gol = rng.choice(GOL_PPPK) if status == "PPPK" else rng.choice(GOL_PNS)
            orang(uid, jabatan, jenis, jenjang, status, gol, False)
        for i in range(0, len(rows), 2000):
            conn.execute(insert(Pegawai), rows[i : i + 2000])

        def atasan_unit(uid: int) -> int | None:
            cursor = induk.get(uid)
            while cursor is not None:
                if cursor in kepala:
                    return kepala[cursor]
                cursor = induk.get(cursor)
            return None

        # the Sekda rates the heads of OPD; the root's head (Bupati) has no penilai
        setda_kepala = kepala.get(2)
        atasan: dict[int, int] = {}
        for r in rows:
            uid = r["unit_kerja_id"]
            if r["kepala_unit"]:
                a = setda_kepala if tingkat[uid] == 1 and uid != 2 else atasan_unit(uid)
            else:
                a = kepala.get(uid) or atasan_unit(uid)
            if a is not None and a != r["id"]:
                atasan[r["id"]] = a
        penugasan = [
            {
                "uuid": str(uuid.UUID(int=rng.getrandbits(128))),
                "pegawai_id": p,
                "penilai_id": a,
                "jenis": "DEFINITIF",
                "mulai": sekarang,
            }
            for p, a in atasan.items()
        ]
        for i in range(0, len(penugasan), 2000):
            conn.execute(insert(PenugasanPenilai), penugasan[i : i + 2000])
        info = {
            "unit_ids": [u[0] for u in units],
            "pegawai_ids": [r["id"] for r in rows],
            "kepala": kepala,
            "atasan": atasan,
            "nama_unit": nama_unit,
        }
        for langkah in _LANGKAH_TAMBAHAN:
            langkah(conn, rng, info)
    with db.engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        conn.execute(text("ANALYZE"))
        conn.commit()
    db.close()


def buat_data_besar(
    db_path: str | os.PathLike[str] | None = None,
    n_pegawai: int = 10_000,
    n_unit: int = 400,
    seed: int = 1,
) -> Path:
    """A database with the generated roster at ``db_path`` (or the cached file if None)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    langkah = "-".join(f.__module__.rsplit(".", 1)[-1] + f.__name__ for f in _LANGKAH_TAMBAHAN)
    # the schema revision is part of the key: a cached file from an older schema would be
    # migrated (or refused) on every run instead of measured
    kunci = f"roster-v{VERSI}-s{SCHEMA_HEAD}-{n_pegawai}-{n_unit}-{seed}" + (
        f"-{hashlib.md5(langkah.encode()).hexdigest()[:8]}" if langkah else ""
    )
    cache = CACHE / f"{kunci}.sqlite"
    if not cache.exists():
        tmp = CACHE / f"{kunci}.{os.getpid()}.tmp.sqlite"
        for p in tmp.parent.glob(tmp.name + "*"):
            p.unlink()
        _bangun(tmp, n_pegawai, n_unit, seed)
        for suffix in ("-wal", "-shm"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
        tmp.replace(cache)
    if db_path is None:
        return cache
    target = Path(db_path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(cache, target)
    return target


def buat_csv_siasn(path: str | os.PathLike[str], n: int = 10_000, seed: int = 2) -> Path:
    """A SIASN 'Export Data ASN' CSV with ``n`` valid rows in ~40 units (all columns)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "make_samples", ROOT / "tests" / "exchange" / "samples" / "make_samples.py"
    )
    ms = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["make_samples"] = ms  # dataclasses look their module up
    spec.loader.exec_module(ms)  # type: ignore[union-attr]
    rng = random.Random(seed)
    nip = _Nip(rng)
    units = [(f"Seksi {s} {o}", o) for o in OPD for s in ("Perencanaan", "Pelayanan")]
    units += [(o, "Pemerintah Kabupaten Contoh") for o in OPD]
    with Path(path).open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(ms.SIASN_KOLOM)
        for _ in range(n):
            r = rng.random()
            status = "PPPK" if r < 0.2 else ("CPNS" if r < 0.23 else "PNS")
            n_, lahir, jk = nip.buat(status)
            jabatan, jenis, _jenjang = rng.choice(JABATAN_STAF)
            unit, induk = rng.choice(units)
            depan = rng.choice(DEPAN_L if jk == "L" else DEPAN_P)
            gol = rng.choice(GOL_PPPK) if status == "PPPK" else rng.choice(GOL_PNS)
            row = dict.fromkeys(ms.SIASN_KOLOM, "")
            row.update(
                {
                    "PNS ID": uuid.UUID(int=rng.getrandbits(128)).hex.upper(),
                    "NIP BARU": n_,
                    "NAMA": f"{depan} {rng.choice(BELAKANG)}".strip(),
                    "GELAR DEPAN": "",
                    "GELAR BELAKANG": rng.choice(GELAR),
                    "TANGGAL LAHIR": f"{lahir:%d-%m-%Y}",
                    "JENIS KELAMIN": "M" if jk == "L" else "F",
                    "JENIS PEGAWAI NAMA": "PPPK"
                    if status == "PPPK"
                    else "PNS Daerah Kabupaten/Kota",
                    "STATUS CPNS PNS": {"PNS": "P", "CPNS": "C"}.get(status, ""),
                    "GOL AKHIR NAMA": gol,
                    "JENIS JABATAN NAMA": (
                        "Jabatan Fungsional Tertentu"
                        if jenis == "FUNGSIONAL"
                        else "Jabatan Fungsional Umum"
                    ),
                    "JABATAN NAMA": jabatan,
                    "UNOR ID": uuid.uuid5(uuid.NAMESPACE_DNS, unit).hex,
                    "UNOR NAMA": unit,
                    "UNOR INDUK NAMA": induk,
                    "INSTANSI KERJA NAMA": "Pemerintah Kabupaten Contoh",
                    "KPKN NAMA": "KPPN Contoh",
                    "KEDUDUKAN HUKUM NAMA": "Aktif",
                    "AGAMA NAMA": "Islam",
                    "ALAMAT": f"Jl. Contoh No. {rng.randint(1, 200)}",
                }
            )
            w.writerow(row.values())
    return Path(path)


if __name__ == "__main__":
    t = time.perf_counter()
    p = buat_data_besar()
    print(f"{p} ({time.perf_counter() - t:.1f} s)")
