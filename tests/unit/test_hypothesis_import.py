"""Property-based tests: random and hostile rows and files fed to every import path.

For each path: no crash (only a domain error with a message for a file that cannot be read),
a message for every rejected row, and all-or-nothing writes (a failed apply changes nothing).
Bounded (max_examples ~50, deadline None) so the suite stays fast.

Paths covered: roster (exchange/pegawai: template CSV and SIASN CSV, random bytes as
.csv/.xlsx), daily progress and realisasi (exchange/progres_io), backup files
(exchange/cadangan). Add a section here when a new import path lands.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from kinerja_desktop.db.models import AuditLog, Pegawai, ProgresHarian, Realisasi
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.exchange import cadangan as c
from kinerja_desktop.exchange import progres_io
from kinerja_desktop.exchange.pegawai.templat import KOLOM_TEMPLATE
from kinerja_desktop.services import impor_pegawai as io_peg
from kinerja_desktop.services.uow import unit_of_work
from tests import factories as f

SET = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

HOSTILE = [
    "", " ", "=cmd|' /C calc'!A0", "+SUM(1,2)", "@SUM(A1)", "-1", "1.96608011988031E+17",
    "19660801 198803 1 001", "196608011988031001", "19660801198803100", "Robert'); DROP TABLE "
    "pegawai;--", "<script>alert(1)</script>", "\u202eevil", "名前", "🙂" * 5, "x" * 300,
    "IV/e", "III/b", "IX", "XVIII", "PNS", "CPNS", "PPPK", "Fungsional", "Pelaksana", "L", "P",
    "31-02-2020", "00-00-0000", "1990-13-01", "NaN", "None", "null", "\t", "a\nb", "0", "1e309",
    "Ahli Muda", "Kecamatan", "../../etc/passwd", "\\\\server\\share",
]  # fmt: skip

nilai = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=40
    ),
    st.integers(-(10**20), 10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)


def _csv(path: Path, header: list[str], rows: list[list[str]], sep: str = ";") -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=sep)
        w.writerow(header)
        w.writerows(rows)
    return path


def _count(db, model) -> int:
    with db.session_factory() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


# --- roster ---------------------------------------------------------------------------------

TEMPLATE = [k.nama for k in KOLOM_TEMPLATE]
DITERAPKAN: list[int] = []  # imports that went through (the properties must not be vacuous)


def _nip_valid(i: int) -> str:
    return f.nip_untuk(date(1980, 5, 17), "L", urut=i + 1)


baris_roster = st.lists(
    st.fixed_dictionaries({k: nilai for k in TEMPLATE}).map(lambda d: [d[k] for k in TEMPLATE]),
    min_size=1,
    max_size=8,
)


@pytest.fixture
def roster_db(db):
    with unit_of_work(db.session_factory, SISTEM) as s:
        f.pegawai(s, "Pegawai Lama", unit_kerja=f.unit(s, "Kecamatan"))
    return db


def _impor_roster(db, path: Path) -> None:
    before = _count(db, Pegawai), _count(db, AuditLog)
    try:
        with db.session_factory(info={"actor": SISTEM}) as s:
            pr = io_peg.pratinjau_impor(s, SISTEM, path, today=date(2025, 6, 1))
    except DomainError as exc:  # a file-level problem: a message, nothing written
        assert str(exc).strip()
        assert (_count(db, Pegawai), _count(db, AuditLog)) == before
        return
    for b in pr.baris:
        if b.jenis is io_peg.JenisBaris.TIDAK_VALID:
            assert b.galat and all(g.alasan.strip() for g in b.galat), b
            assert b.nomor_baris >= 2
    baru = pr.jumlah(io_peg.JenisBaris.BARU)
    try:
        with unit_of_work(db.session_factory, SISTEM) as s:
            io_peg.terapkan_impor(s, SISTEM, pr)
    except DomainError as exc:
        assert str(exc).strip()
        assert (_count(db, Pegawai), _count(db, AuditLog)) == before  # no partial write
        return
    assert _count(db, Pegawai) == before[0] + baru
    DITERAPKAN.append(baru)


@st.composite
def baris_hampir_valid(draw) -> list[str]:
    """A valid template row with some cells replaced by hostile values."""
    lahir = draw(st.dates(date(1965, 1, 1), date(2000, 12, 28)))
    jk = draw(st.sampled_from("LP"))
    baris = {
        "NIP": f.nip_untuk(lahir, jk, urut=draw(st.integers(1, 998))),
        "NAMA": draw(st.text("abcdefghij klmnopqrstuvwxyz", min_size=3, max_size=20)),
        "GELAR DEPAN": "", "GELAR BELAKANG": draw(st.sampled_from(["", "S.E.", "S.Kom."])),
        "TANGGAL LAHIR": draw(st.sampled_from(["", f"{lahir:%d-%m-%Y}"])),
        "JENIS KELAMIN": draw(st.sampled_from(["", jk])), "STATUS": "PNS",
        "GOLONGAN": draw(st.sampled_from(["II/c", "III/a", "III/b", "IV/a"])),
        "JABATAN": "Pengadministrasi Umum", "JENIS JABATAN": "Pelaksana", "JENJANG": "",
        "UNIT KERJA": draw(st.sampled_from(["Kecamatan", "Seksi Baru"])), "UNIT INDUK": "",
        "ATASAN NIP": "",
    }  # fmt: skip
    for kolom in draw(st.lists(st.sampled_from(TEMPLATE), max_size=3)):
        baris[kolom] = draw(nilai)
    return [baris[k] for k in TEMPLATE]


@SET
@given(
    rows=st.one_of(baris_roster, st.lists(baris_hampir_valid(), min_size=1, max_size=8)),
    sep=st.sampled_from([";", ",", "\t"]),
)
def test_roster_template_rows(roster_db, tmp_path, rows, sep):
    _impor_roster(roster_db, _csv(tmp_path / "roster.csv", TEMPLATE, rows, sep))


def test_roster_properties_were_not_vacuous():
    """Runs after the property above (file order): some random imports were applied."""
    if not DITERAPKAN:
        pytest.skip("jalankan bersama test_roster_template_rows")
    assert sum(DITERAPKAN) > 0


SIASN = ["PNS ID", "NIP BARU", "NAMA", "GELAR DEPAN", "GELAR BELAKANG", "TANGGAL LAHIR",
         "JENIS KELAMIN", "JENIS PEGAWAI NAMA", "STATUS CPNS PNS", "GOL AKHIR NAMA",
         "JENIS JABATAN NAMA", "ESELON NAMA", "JABATAN NAMA", "UNOR ID", "UNOR NAMA",
         "UNOR INDUK ID", "UNOR INDUK NAMA"]  # fmt: skip


@SET
@given(
    rows=st.lists(st.lists(nilai, min_size=len(SIASN), max_size=len(SIASN)), min_size=1, max_size=8)
)
def test_roster_siasn_rows(roster_db, tmp_path, rows):
    _impor_roster(roster_db, _csv(tmp_path / "siasn.csv", SIASN, rows))


@SET
@given(
    data=st.binary(max_size=3000),
    ext=st.sampled_from([".csv", ".xlsx", ".xls", ".txt"]),
    prefix=st.sampled_from([b"", b"PK\x03\x04", b"\xef\xbb\xbfNIP;NAMA\n", b"\xd0\xcf\x11\xe0"]),
)
def test_roster_hostile_files(roster_db, tmp_path, data, ext, prefix):
    path = tmp_path / f"berkas{ext}"
    path.write_bytes(prefix + data)
    _impor_roster(roster_db, path)


def test_roster_xlsx_with_hostile_cells(roster_db, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(TEMPLATE)
    for i, h in enumerate(HOSTILE):
        ws.append([h if (j + i) % 3 else _nip_valid(i) for j in range(len(TEMPLATE))])
    ws.append([1.96608011988031e17, 12345, None, date(2020, 1, 1)])
    wb.save(tmp_path / "hostile.xlsx")
    _impor_roster(roster_db, tmp_path / "hostile.xlsx")


# --- daily progress and realisasi --------------------------------------------------------------

PROGRES = [v[0] for v in progres_io.KOLOM_PROGRES.values()]
REALISASI = [v[0] for v in progres_io.KOLOM_REALISASI.values()]


@pytest.fixture
def pegawai_db(db):
    with unit_of_work(db.session_factory, SISTEM) as s:
        p = f.pegawai(s, "Ani")
        nip = p.nip
    return db, nip


def _cek_pratinjau(db, baca, terapkan, model, path: Path) -> None:
    before = _count(db, model), _count(db, AuditLog)
    try:
        with db.session_factory(info={"actor": SISTEM}) as s:
            pr = baca(s, path)
    except DomainError as exc:
        assert str(exc).strip()
        assert (_count(db, model), _count(db, AuditLog)) == before
        return
    for m in pr.masalah:
        assert m.alasan.strip() and m.baris >= 1
    try:
        with unit_of_work(db.session_factory, SISTEM) as s:
            terapkan(s, pr)
    except DomainError as exc:
        assert str(exc).strip()
        assert (_count(db, model), _count(db, AuditLog)) == before
        return
    assert not pr.masalah and _count(db, model) >= before[0]


@SET
@given(
    rows=st.lists(
        st.lists(nilai, min_size=len(PROGRES), max_size=len(PROGRES)), min_size=1, max_size=8
    ),
    real_nip=st.booleans(),
)
def test_progres_rows(pegawai_db, tmp_path, rows, real_nip):
    db, nip = pegawai_db
    if real_nip:
        for r in rows:
            r[0] = nip
    _cek_pratinjau(
        db,
        lambda s, p: progres_io.baca_progres(s, SISTEM, p, hari_ini=date(2025, 6, 1)),
        lambda s, pr: progres_io.terapkan_progres(s, SISTEM, pr, hari_ini=date(2025, 6, 1)),
        ProgresHarian,
        _csv(tmp_path / "progres.csv", PROGRES, rows),
    )


@SET
@given(
    rows=st.lists(
        st.lists(nilai, min_size=len(REALISASI), max_size=len(REALISASI)), min_size=1, max_size=8
    ),
    data=st.binary(max_size=500),
    as_bytes=st.booleans(),
)
def test_realisasi_rows_and_files(pegawai_db, tmp_path, rows, data, as_bytes):
    db, nip = pegawai_db
    path = tmp_path / "realisasi.csv"
    if as_bytes:
        path.write_bytes(data)
    else:
        for r in rows[::2]:
            r[0] = nip
        _csv(path, REALISASI, rows)
    _cek_pratinjau(
        db,
        lambda s, p: progres_io.baca_realisasi(s, SISTEM, p, 2025),
        lambda s, pr: progres_io.terapkan_realisasi(s, SISTEM, pr, hari_ini=date(2025, 6, 1)),
        Realisasi,
        path,
    )


# --- backup files --------------------------------------------------------------------------

nama_anggota = st.one_of(
    st.sampled_from(
        [
            "kinerja.sqlite",
            "bukti/a.pdf",
            "bukti/../../jahat.txt",
            "/etc/jahat",
            "bukti/",
            "bukti/x/../../y",
            "C:/jahat",
            "bukti\\..\\z",
            "manifest.json",
        ]
    ),
    st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        min_size=1,
        max_size=20,
    ).filter(lambda n: n.strip("/")),
)


@SET
@given(
    anggota=st.dictionaries(nama_anggota, st.binary(max_size=200), max_size=5),
    manifest=st.booleans(),
    hash_benar=st.booleans(),
)
def test_hostile_backup_files_are_refused_without_writing_outside(
    tmp_path, anggota, manifest, hash_benar
):
    path = tmp_path / "cadangan.zip"
    with zipfile.ZipFile(path, "w") as zf:
        sha = {}
        for nama, isi in anggota.items():
            if nama == "manifest.json":
                continue
            zf.writestr(nama, isi)
            sha[nama] = hashlib.sha256(isi if hash_benar else b"lain").hexdigest()
        if manifest:
            sha.setdefault("kinerja.sqlite", "0" * 64)
            zf.writestr(
                "manifest.json", json.dumps({"format": c.FORMAT, "format_versi": 1, "sha256": sha})
            )
    target = tmp_path / "pulih" / "k.sqlite"
    with pytest.raises(c.CadanganError) as err:
        c.pulihkan(None, path, target, target.parent / "k-bukti")
    assert str(err.value).strip()
    assert not (tmp_path / "jahat.txt").exists() and not Path("/etc/jahat").exists()
    sisa = [p.name for p in (tmp_path / "pulih").iterdir()] if target.parent.exists() else []
    # only the backup folder and the copies' lock folder (db/pemakai.py) may be there
    assert not [n for n in sisa if n not in ("cadangan", ".k.sqlite.pakai")], sisa


def test_random_bytes_are_not_a_backup(tmp_path):
    for i, data in enumerate([b"", b"PK", bytes(range(256)) * 10, io.BytesIO().getvalue()]):
        p = tmp_path / f"{i}.zip"
        p.write_bytes(data)
        with pytest.raises(c.CadanganError):
            c.periksa_cadangan(None, p)


def test_encrypted_or_unsupported_members_are_refused(tmp_path):
    """A zip whose member cannot be read (encrypted flag, unknown compression): a message."""
    path = tmp_path / "aneh.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("kinerja.sqlite", b"data")
        zf.writestr(
            "manifest.json",
            json.dumps(
                {"format": c.FORMAT, "format_versi": 1, "sha256": {"kinerja.sqlite": "0" * 64}}
            ),
        )
    raw = bytearray(path.read_bytes())
    i = raw.find(b"PK\x03\x04")
    raw[i + 6] |= 0x01  # "encrypted" flag in the local header
    j = raw.find(b"PK\x01\x02")
    raw[j + 8] |= 0x01  # and in the central directory
    path.write_bytes(bytes(raw))
    with pytest.raises(c.CadanganError):
        c.periksa_cadangan(None, path)
