"""Roster in and out of files: import (preview, then apply), export, and the template.

Sources the import reads (the kind is recognised from the header row):

* the program's own template (``Unduh template``; also what :func:`ekspor_pegawai` writes):
  NIP, NAMA, GELAR DEPAN, GELAR BELAKANG, TANGGAL LAHIR, JENIS KELAMIN, STATUS, GOLONGAN,
  JABATAN, JENIS JABATAN, JENJANG, UNIT KERJA, UNIT INDUK, ATASAN NIP;
* SIASN "Export Data ASN" (.csv or .xlsx): PNS ID, NIP BARU, NAMA, GELAR DEPAN/BELAKANG,
  TANGGAL LAHIR, JENIS KELAMIN, JENIS PEGAWAI NAMA, STATUS CPNS PNS, GOL AKHIR NAMA,
  JENIS JABATAN NAMA, ESELON NAMA, JABATAN NAMA, UNOR ID/NAMA, UNOR INDUK ID/NAMA; the other
  columns are ignored.

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
No Qt here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kinerja_desktop.db.models import Pegawai, PenugasanPenilai, UnitKerja
from kinerja_desktop.domain import nip as nip_mod
from kinerja_desktop.domain.enums import JenisJabatan, JenisKelamin, JenjangFungsional
from kinerja_desktop.domain.errors import ConflictError, ValidationError
from kinerja_desktop.domain.golongan import label_pangkat_golongan
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.tugas import Dibatalkan, StatusTugas, cek_batal
from kinerja_desktop.exchange.tabular import (
    FileFormatError,
    KolomEkspor,
    SourceRow,
    TableData,
    read_table,
    teks,
    write_template_xlsx,
    write_xlsx,
)
from kinerja_desktop.services import pegawai as svc
from kinerja_desktop.services.akses import wajib_admin

__all__ = [
    "BarisImpor",
    "Dibatalkan",
    "FileFormatError",
    "HasilImpor",
    "JenisBaris",
    "Pratinjau",
    "buat_pratinjau",
    "ekspor_pegawai",
    "ekspor_worker",
    "impor_worker",
    "pratinjau_worker",
    "terapkan_impor",
    "tulis_template",
]


_POTONG = 500  # ids per IN (...) query
_LANGKAH = 500  # rows between progress/cancel checks

# canonical column -> header spellings accepted (template first, then SIASN)
KOLOM_DIKENAL: dict[str, tuple[str, ...]] = {
    "nip": ("NIP", "NIP BARU", "NIP/NI PPPK", "NI PPPK", "NIP PEGAWAI"),
    "nama": ("NAMA", "NAMA PEGAWAI"),
    "gelar_depan": ("GELAR DEPAN",),
    "gelar_belakang": ("GELAR BELAKANG",),
    "tanggal_lahir": ("TANGGAL LAHIR", "TGL LAHIR"),
    "jenis_kelamin": ("JENIS KELAMIN", "JK"),
    "status": ("STATUS", "STATUS PEGAWAI", "JENIS PEGAWAI NAMA"),
    "status_cpns": ("STATUS CPNS PNS",),
    "golongan": ("GOLONGAN", "PANGKAT/GOLONGAN", "GOL RUANG", "GOL AKHIR NAMA"),
    "jabatan": ("JABATAN", "NAMA JABATAN", "JABATAN NAMA"),
    "jenis_jabatan": ("JENIS JABATAN", "JENIS JABATAN NAMA"),
    "eselon": ("ESELON", "ESELON NAMA"),
    "jenjang": ("JENJANG", "JENJANG JABATAN"),
    "unit": ("UNIT KERJA", "UNOR NAMA"),
    "unit_kode": ("KODE UNIT", "UNOR ID"),
    "unit_induk": ("UNIT INDUK", "UNOR INDUK NAMA"),
    "unit_induk_kode": ("UNOR INDUK ID",),
    "atasan_nip": ("ATASAN NIP", "NIP ATASAN", "NIP ATASAN LANGSUNG"),
    "pns_id": ("PNS ID",),
}
WAJIB = ("nip", "nama", "status", "golongan", "jabatan", "jenis_jabatan", "unit")

LABEL_TEMPLATE = {
    "nip": "NIP",
    "nama": "NAMA",
    "gelar_depan": "GELAR DEPAN",
    "gelar_belakang": "GELAR BELAKANG",
    "tanggal_lahir": "TANGGAL LAHIR",
    "jenis_kelamin": "JENIS KELAMIN",
    "status": "STATUS",
    "golongan": "GOLONGAN",
    "jabatan": "JABATAN",
    "jenis_jabatan": "JENIS JABATAN",
    "jenjang": "JENJANG",
    "unit": "UNIT KERJA",
    "unit_induk": "UNIT INDUK",
    "atasan_nip": "ATASAN NIP",
    "eselon": "ESELON",
    "unit_kode": "KODE UNIT",
    "pns_id": "PNS ID",
}
LABEL_SIASN = {
    **LABEL_TEMPLATE,
    "nip": "NIP BARU",
    "status": "JENIS PEGAWAI NAMA",
    "golongan": "GOL AKHIR NAMA",
    "jabatan": "JABATAN NAMA",
    "jenis_jabatan": "JENIS JABATAN NAMA",
    "jenjang": "JABATAN NAMA",
    "unit": "UNOR NAMA",
    "unit_induk": "UNOR INDUK NAMA",
    "eselon": "ESELON NAMA",
    "unit_kode": "UNOR ID",
    "status_cpns": "STATUS CPNS PNS",
}

# What the preview shows when a field changes.
LABEL_PERUBAHAN = {
    "nama": "Nama",
    "gelar_depan": "Gelar depan",
    "gelar_belakang": "Gelar belakang",
    "tanggal_lahir": "Tanggal lahir",
    "jenis_kelamin": "Jenis kelamin",
    "status": "Status",
    "golongan": "Pangkat/golongan",
    "jabatan": "Jabatan",
    "jenis_jabatan": "Jenis jabatan",
    "jenjang": "Jenjang",
    "unit": "Unit kerja",
    "pns_id": "PNS ID",
    "atasan": "Atasan langsung",
}
# The pegawai's data columns an import compares: all but the NIP (the key) and nama_cari
# (derived from nama).
_BANDINGKAN = tuple(k for k in svc.KOLOM_DATA if k not in ("nip", "nama_cari"))


class JenisBaris(StrEnum):
    BARU = "BARU"
    BERUBAH = "BERUBAH"
    SAMA = "SAMA"
    TIDAK_VALID = "TIDAK_VALID"

    @property
    def label(self) -> str:
        return {
            JenisBaris.BARU: "Baru",
            JenisBaris.BERUBAH: "Berubah",
            JenisBaris.SAMA: "Tidak berubah",
            JenisBaris.TIDAK_VALID: "Tidak valid",
        }[self]


@dataclass(frozen=True)
class GalatImpor:
    kolom: str
    alasan: str


@dataclass(frozen=True)
class Perubahan:
    kolom: str
    lama: str
    baru: str


@dataclass
class BarisImpor:
    nomor_baris: int
    jenis: JenisBaris
    nip: str
    nama: str  # full name with gelar, for display
    unit: str = ""
    perubahan: list[Perubahan] = field(default_factory=list)
    galat: list[GalatImpor] = field(default_factory=list)
    pegawai_id: int | None = None
    data: dict[str, Any] | None = None
    unit_ref: int | None = None  # > 0 an existing unit, < 0 a unit the import creates
    atasan_nip: str | None = None
    ubah_atasan: bool = False
    atasan_koreksi_id: int | None = None  # the DEFINITIF assignment starting on the same day

    @property
    def alasan(self) -> str:
        return "; ".join(f"{g.kolom}: {g.alasan}" for g in self.galat)

    @property
    def ringkasan_perubahan(self) -> str:
        return "; ".join(f"{p.kolom}: {p.lama or '—'} → {p.baru or '—'}" for p in self.perubahan)


@dataclass
class UnitBaru:
    ref: int  # negative
    nama: str
    kode: str | None
    induk_ref: int | None  # existing id (> 0), another new unit (< 0), or None (top level)


@dataclass
class Pratinjau:
    nama_file: str
    sumber: str  # "SIASN" or "Template"
    baris: list[BarisImpor]
    unit_baru: dict[int, UnitBaru]
    mulai_atasan: date
    nama_unit: dict[int, str] = field(default_factory=dict)  # existing units, for display

    def per_jenis(self, jenis: JenisBaris) -> list[BarisImpor]:
        return [b for b in self.baris if b.jenis is jenis]

    def jumlah(self, jenis: JenisBaris) -> int:
        return sum(1 for b in self.baris if b.jenis is jenis)

    @property
    def tidak_valid(self) -> list[BarisImpor]:
        return self.per_jenis(JenisBaris.TIDAK_VALID)

    def dipilih_bawaan(self) -> set[int]:
        """Row numbers to apply by default: every new and changed row."""
        return {
            b.nomor_baris for b in self.baris if b.jenis in (JenisBaris.BARU, JenisBaris.BERUBAH)
        }

    def nama_unit_baru(self, ref: int) -> str:
        u = self.unit_baru[ref]
        if u.induk_ref is None:
            return u.nama
        induk = (
            self.unit_baru[u.induk_ref].nama
            if u.induk_ref < 0
            else self.nama_unit.get(u.induk_ref, "?")
        )
        return f"{u.nama} (di bawah {induk})"

    def daftar_unit_baru(self) -> list[str]:
        return [self.nama_unit_baru(r) for r in sorted(self.unit_baru, reverse=True)]

    def ringkasan(self) -> str:
        return (
            f"{self.jumlah(JenisBaris.BARU)} baru, {self.jumlah(JenisBaris.BERUBAH)} berubah, "
            f"{self.jumlah(JenisBaris.SAMA)} tidak berubah, "
            f"{self.jumlah(JenisBaris.TIDAK_VALID)} tidak valid"
            + (f"; {len(self.unit_baru)} unit kerja baru" if self.unit_baru else "")
        )


@dataclass(frozen=True)
class HasilImpor:
    ditambah: int
    diubah: int
    unit_dibuat: int
    atasan_ditetapkan: int

    def ringkasan(self) -> str:
        return (
            f"{self.ditambah} pegawai ditambahkan, {self.diubah} diubah, "
            f"{self.unit_dibuat} unit kerja dibuat, {self.atasan_ditetapkan} atasan langsung "
            "ditetapkan"
        )


# --- small helpers ---------------------------------------------------------------------------


def _kunci_nama(nama: str) -> str:
    return " ".join(nama.split()).casefold()


def _potong(items: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), _POTONG):
        yield items[i : i + _POTONG]


_ENUM_TAMPIL = {
    "jenis_jabatan": JenisJabatan,
    "jenjang": JenjangFungsional,
    "jenis_kelamin": JenisKelamin,
}


def _tampil(kunci: str, nilai: object, status: str | None = None) -> str:
    if nilai is None or nilai == "":
        return ""
    if isinstance(nilai, date):
        return f"{nilai:%d-%m-%Y}"
    if kunci in _ENUM_TAMPIL:
        try:
            return _ENUM_TAMPIL[kunci](str(nilai)).label
        except ValueError:
            return str(nilai)
    if kunci == "golongan" and status:
        return label_pangkat_golongan(str(nilai), status)
    return str(nilai)


def _atasan_label(nama: str | None, nip: str | None) -> str:
    if not nip:
        return ""
    return f"{nama} ({nip_mod.format_nip(nip)})" if nama else nip_mod.format_nip(nip)


# --- reading the file ------------------------------------------------------------------------


def baca_berkas(
    path: str | os.PathLike[str], state: StatusTugas | None = None
) -> tuple[TableData, bool]:
    """Read a roster file; return the table and whether it is a SIASN export."""
    st = state or StatusTugas()
    tabel = read_table(
        path,
        KOLOM_DIKENAL,
        ("nip", "nama", "jabatan"),
        status=st,
    )
    ada = set(tabel.kolom)
    siasn = bool({"pns_id", "unit_kode", "status_cpns", "eselon"} & ada) or (
        "status" not in ada and "golongan" in ada and "unit" in ada and "pns_id" in ada
    )
    label = LABEL_SIASN if siasn else LABEL_TEMPLATE
    hilang = [k for k in WAJIB if k not in ada]
    if hilang:
        nama = ", ".join(label[k] for k in hilang)
        raise FileFormatError(
            f"Kolom wajib tidak ada di berkas {tabel.nama_file}: {nama}. Gunakan templat dari "
            "tombol 'Unduh template' atau berkas 'Export Data ASN' dari SIASN.",
            [label[k] for k in hilang],
        )
    return tabel, siasn


@dataclass
class _Calon:
    row: SourceRow
    data: dict[str, Any]
    galat: list[GalatImpor]
    unit: str | None
    unit_kode: str | None
    unit_induk: str | None
    unit_induk_kode: str | None
    atasan_nip: str | None
    pns_id: str | None


def _galat(label: dict[str, str], exc: ValidationError) -> GalatImpor:
    kunci = svc.FIELD_DARI_LABEL.get(exc.kolom or "", "")
    return GalatImpor(label.get(kunci, exc.kolom or ""), exc.pesan)


def _baca_baris(row: SourceRow, siasn: bool, ada: set[str], today: date | None) -> _Calon:
    v = row.values
    label = LABEL_SIASN if siasn else LABEL_TEMPLATE
    raw: dict[str, object] = {k: v.get(k) for k in svc.LABEL if k in v}
    if siasn and (teks(v.get("status_cpns")) or "").upper() == "C":
        raw["status"] = "CPNS"
    jenis = teks(v.get("jenis_jabatan")) or ""
    eselon = teks(v.get("eselon"))
    if eselon and "struktural" in jenis.lower():
        raw["jenis_jabatan"] = f"{jenis} eselon {eselon}"
    nip_raw = v.get("nip")
    if isinstance(nip_raw, int) and not isinstance(nip_raw, bool):
        raw["nip"] = nip_raw  # is_excel_mangled judges the int itself
    data, galat_v = svc.normalisasi(raw, today)
    galat = [_galat(label, g) for g in galat_v]
    unit = teks(v.get("unit"))
    if unit is None:
        galat.append(GalatImpor(label["unit"], "Unit kerja wajib diisi."))
    atasan_nip: str | None = None
    if "atasan_nip" in ada and v.get("atasan_nip") is not None:
        a_raw = v.get("atasan_nip")
        if nip_mod.is_excel_mangled(a_raw):
            galat.append(
                GalatImpor(
                    label["atasan_nip"],
                    f"Nomor {teks(a_raw)} rusak karena tersimpan sebagai angka di Excel. Ubah "
                    "format kolom menjadi Teks lalu ketik ulang nomornya.",
                )
            )
        else:
            a = nip_mod.normalize_nip(a_raw)
            if not (a.isdigit() and len(a) == nip_mod.PANJANG):
                galat.append(
                    GalatImpor(label["atasan_nip"], f"NIP atasan harus 18 digit angka: {a!r}.")
                )
            elif a == data.get("nip"):
                galat.append(
                    GalatImpor(label["atasan_nip"], "Pegawai tidak dapat menjadi atasan dirinya.")
                )
            else:
                atasan_nip = a
    return _Calon(
        row,
        data,
        galat,
        unit,
        teks(v.get("unit_kode")),
        teks(v.get("unit_induk")),
        teks(v.get("unit_induk_kode")),
        atasan_nip,
        teks(v.get("pns_id")),
    )


# --- units -----------------------------------------------------------------------------------


class _PetaUnit:
    """Existing units plus the ones the import will create, found by kode or name."""

    def __init__(self, session: Session) -> None:
        self.nama: dict[int, str] = {}
        self.induk: dict[int, int | None] = {}
        self.per_kode: dict[str, int] = {}
        self.per_nama: dict[str, list[int]] = {}
        self.baru: dict[int, UnitBaru] = {}
        for uid, nama, kode, induk in session.execute(
            select(UnitKerja.id, UnitKerja.nama, UnitKerja.kode, UnitKerja.induk_id)
        ):
            self._daftar(uid, nama, kode, induk)

    def _daftar(self, ref: int, nama: str, kode: str | None, induk: int | None) -> None:
        self.nama[ref] = nama
        self.induk[ref] = induk
        if kode:
            self.per_kode.setdefault(kode, ref)
        self.per_nama.setdefault(_kunci_nama(nama), []).append(ref)

    def _buat(self, nama: str, kode: str | None, induk: int | None) -> int:
        ref = -(len(self.baru) + 1)
        self.baru[ref] = UnitBaru(ref, " ".join(nama.split()), kode, induk)
        self._daftar(ref, " ".join(nama.split()), kode, induk)
        return ref

    def cari(
        self, nama: str, kode: str | None, induk_nama: str | None, induk_kode: str | None
    ) -> int:
        """The unit's ref; creates a planned unit when none matches. Raises ValueError with
        a message when the name is ambiguous."""
        if kode and kode in self.per_kode:
            return self.per_kode[kode]
        calon = self.per_nama.get(_kunci_nama(nama), [])
        if len(calon) == 1:
            return calon[0]
        if len(calon) > 1:
            if induk_nama:
                kunci = _kunci_nama(induk_nama)
                cocok = [
                    c
                    for c in calon
                    if self.induk[c] is not None and _kunci_nama(self.nama[self.induk[c]]) == kunci
                ]  # type: ignore[index]
                if len(cocok) == 1:
                    return cocok[0]
            raise ValueError(
                f"Ada {len(calon)} unit kerja bernama '{nama}'. Isi unit induknya agar jelas "
                "unit yang dimaksud."
            )
        induk: int | None = None
        if induk_nama or induk_kode:
            induk = self.cari(induk_nama or induk_kode or "", induk_kode, None, None)
        return self._buat(nama, kode, induk)

    def label(self, ref: int | None) -> str:
        if ref is None:
            return ""
        return self.nama.get(ref, "")


# --- preview ---------------------------------------------------------------------------------


def _pegawai_ada(session: Session, nips: list[str]) -> dict[str, dict[str, Any]]:
    kolom = (
        Pegawai.id,
        Pegawai.nip,
        Pegawai.unit_kerja_id,
        Pegawai.pns_id,
        Pegawai.aktif,
        *(getattr(Pegawai, k) for k in _BANDINGKAN),
    )
    out: dict[str, dict[str, Any]] = {}
    for bagian in _potong(nips):
        for r in session.execute(select(*kolom).where(Pegawai.nip.in_(bagian))).mappings():
            out[r["nip"]] = dict(r)
    return out


def _definitif(
    session: Session, pegawai_ids: list[int]
) -> dict[int, list[tuple[int, int, date, date | None]]]:
    """pegawai_id -> [(assignment id, penilai_id, mulai, selesai)] of DEFINITIF assignments."""
    out: dict[int, list[tuple[int, int, date, date | None]]] = {}
    for bagian in _potong(pegawai_ids):
        stmt = select(
            PenugasanPenilai.id,
            PenugasanPenilai.pegawai_id,
            PenugasanPenilai.penilai_id,
            PenugasanPenilai.mulai,
            PenugasanPenilai.selesai,
        ).where(PenugasanPenilai.jenis == "DEFINITIF", PenugasanPenilai.pegawai_id.in_(bagian))
        for aid, pid, penilai, mulai, selesai in session.execute(stmt):
            out.setdefault(pid, []).append((aid, penilai, mulai, selesai))
    return out


def _nip_nama_per_id(session: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    out: dict[int, tuple[str, str]] = {}
    for bagian in _potong(ids):
        stmt = select(
            Pegawai.id, Pegawai.nip, Pegawai.gelar_depan, Pegawai.nama, Pegawai.gelar_belakang
        ).where(Pegawai.id.in_(bagian))
        for pid, nip, gd, nm, gb in session.execute(stmt):
            out[pid] = (nip, nama_lengkap(gd, nm, gb))
    return out


def _id_per_nip(session: Session, nips: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for bagian in _potong(nips):
        for pid, nip in session.execute(
            select(Pegawai.id, Pegawai.nip).where(Pegawai.nip.in_(bagian))
        ):
            out[nip] = pid
    return out


def buat_pratinjau(
    session: Session,
    actor: Actor,
    path: str | os.PathLike[str],
    mulai_atasan: date | None = None,
    state: StatusTugas | None = None,
    today: date | None = None,
) -> Pratinjau:
    """Read the file and compare it with the database. Writes nothing.

    ``mulai_atasan`` is the date from which an ATASAN NIP in the template takes effect
    (default: 1 January of the current year).
    """
    st = state or StatusTugas()
    mulai = mulai_atasan or date((today or date.today()).year, 1, 1)
    tabel, siasn = baca_berkas(path, st)
    ada = set(tabel.kolom)
    label = LABEL_SIASN if siasn else LABEL_TEMPLATE
    total = len(tabel.rows)
    calon: list[_Calon] = []
    for i, row in enumerate(tabel.rows):
        if i % _LANGKAH == 0:
            cek_batal(st, "Impor dibatalkan.")
            st.progress(i, total, "Memeriksa data…")
        calon.append(_baca_baris(row, siasn, ada, today))

    nips = [c.data["nip"] for c in calon if c.data.get("nip")]
    lama = _pegawai_ada(session, list(dict.fromkeys(nips)))
    peta = _PetaUnit(session)
    pakai_atasan = "atasan_nip" in ada
    definitif = _definitif(session, [r["id"] for r in lama.values()]) if pakai_atasan else {}
    # atasan in the database (by NIP) and the names of current atasan
    nip_atasan = sorted({c.atasan_nip for c in calon if c.atasan_nip})
    atasan_db = _id_per_nip(session, nip_atasan) if nip_atasan else {}
    penilai_ids = {p for rows in definitif.values() for _, p, _, _ in rows}
    info_penilai = _nip_nama_per_id(session, sorted(penilai_ids | set(atasan_db.values())))
    nip_valid_di_berkas: dict[str, str] = {}
    for c in calon:
        if not c.galat and c.data.get("nip"):
            nip_valid_di_berkas.setdefault(
                c.data["nip"],
                nama_lengkap(
                    c.data.get("gelar_depan"), c.data.get("nama"), c.data.get("gelar_belakang")
                ),
            )

    hasil: list[BarisImpor] = []
    dilihat: dict[str, int] = {}
    for i, c in enumerate(calon):
        if i % _LANGKAH == 0:
            cek_batal(st, "Impor dibatalkan.")
            st.progress(i, total, "Membandingkan dengan basis data…")
        d = c.data
        nip = d.get("nip") or ""
        galat = list(c.galat)
        nama_tampil = nama_lengkap(d.get("gelar_depan"), d.get("nama"), d.get("gelar_belakang"))
        if nip and nip in dilihat:
            galat.append(
                GalatImpor(label["nip"], f"NIP ini sudah ada di baris {dilihat[nip]} berkas ini.")
            )
        elif nip:
            dilihat[nip] = c.row.nomor_baris
        unit_ref: int | None = None
        if c.unit and not galat:
            try:
                unit_ref = peta.cari(c.unit, c.unit_kode, c.unit_induk, c.unit_induk_kode)
            except ValueError as exc:
                galat.append(GalatImpor(label["unit"], str(exc)))
        if (
            c.atasan_nip
            and c.atasan_nip not in atasan_db
            and c.atasan_nip not in (nip_valid_di_berkas)
        ):
            galat.append(
                GalatImpor(
                    label["atasan_nip"],
                    f"Pegawai dengan NIP {nip_mod.format_nip(c.atasan_nip)} tidak ada di basis "
                    "data maupun di baris yang valid pada berkas ini.",
                )
            )
        if galat:
            hasil.append(
                BarisImpor(
                    c.row.nomor_baris,
                    JenisBaris.TIDAK_VALID,
                    nip or teks(c.row.values.get("nip")) or "",
                    nama_tampil,
                    c.unit or "",
                    galat=galat,
                )
            )
            continue
        # Only fields in the file are compared; an empty gelar column clears the gelar.
        for k in ("gelar_depan", "gelar_belakang"):
            if k not in ada:
                d.pop(k, None)
        b = BarisImpor(
            c.row.nomor_baris,
            JenisBaris.BARU,
            nip,
            nama_tampil,
            peta.label(unit_ref),
            data=d,
            unit_ref=unit_ref,
            atasan_nip=c.atasan_nip,
        )
        if c.pns_id:
            d["pns_id"] = c.pns_id
        r = lama.get(nip)
        if r is None:
            b.ubah_atasan = bool(c.atasan_nip)
            hasil.append(b)
            continue
        b.pegawai_id = r["id"]
        for k in _BANDINGKAN:
            if k in d and d[k] != r[k]:
                b.perubahan.append(
                    Perubahan(
                        LABEL_PERUBAHAN[k],
                        _tampil(k, r[k], r["status"]),
                        _tampil(k, d[k], d.get("status")),
                    )
                )
        if "pns_id" in d and d["pns_id"] != r["pns_id"]:
            b.perubahan.append(Perubahan(LABEL_PERUBAHAN["pns_id"], r["pns_id"] or "", d["pns_id"]))
        if unit_ref != r["unit_kerja_id"]:
            b.perubahan.append(
                Perubahan(
                    LABEL_PERUBAHAN["unit"], peta.label(r["unit_kerja_id"]), peta.label(unit_ref)
                )
            )
        if c.atasan_nip:
            _banding_atasan(
                b,
                r["id"],
                c.atasan_nip,
                mulai,
                definitif,
                info_penilai,
                atasan_db,
                nip_valid_di_berkas,
                label,
            )
        if b.galat:
            hasil.append(
                BarisImpor(
                    b.nomor_baris, JenisBaris.TIDAK_VALID, nip, nama_tampil, b.unit, galat=b.galat
                )
            )
            continue
        b.jenis = JenisBaris.BERUBAH if b.perubahan else JenisBaris.SAMA
        hasil.append(b)
    st.progress(total, total, "Pratinjau selesai.")
    return Pratinjau(
        tabel.nama_file,
        "SIASN" if siasn else "Template",
        hasil,
        peta.baru,
        mulai,
        {k: v for k, v in peta.nama.items() if k > 0},
    )


def _banding_atasan(
    b: BarisImpor,
    pegawai_id: int,
    atasan_nip: str,
    mulai: date,
    definitif: dict[int, list[tuple[int, int, date, date | None]]],
    info_penilai: dict[int, tuple[str, str]],
    atasan_db: dict[str, int],
    nip_di_berkas: dict[str, str],
    label: dict[str, str],
) -> None:
    rows = definitif.get(pegawai_id, [])
    sesudah = [m for _, _, m, _ in rows if m > mulai]
    berlaku = [(aid, p, m) for aid, p, m, s in rows if m <= mulai and (s is None or s >= mulai)]
    sekarang = berlaku[0] if berlaku else None
    baru_id = atasan_db.get(atasan_nip)
    if sekarang is not None and baru_id is not None and sekarang[1] == baru_id:
        return
    if sesudah:
        b.galat.append(
            GalatImpor(
                label["atasan_nip"],
                f"Atasan langsung pegawai ini sudah ditetapkan mulai {min(sesudah):%d-%m-%Y}, "
                f"sesudah tanggal berlaku impor ({mulai:%d-%m-%Y}). Ubah atasannya dari formulir "
                "pegawai.",
            )
        )
        return
    lama = ""
    if sekarang is not None:
        nip_l, nama_l = info_penilai.get(sekarang[1], ("", ""))
        lama = _atasan_label(nama_l, nip_l)
        if sekarang[2] == mulai:
            b.atasan_koreksi_id = sekarang[0]
    nama_b = info_penilai[baru_id][1] if baru_id in info_penilai else nip_di_berkas.get(atasan_nip)
    b.perubahan.append(
        Perubahan(LABEL_PERUBAHAN["atasan"], lama, _atasan_label(nama_b, atasan_nip))
    )
    b.ubah_atasan = True


# --- apply -----------------------------------------------------------------------------------


def terapkan_impor(
    session: Session,
    actor: Actor,
    pratinjau: Pratinjau,
    dipilih: Iterable[int] | None = None,
    state: StatusTugas | None = None,
) -> HasilImpor:
    """Write the chosen rows (row numbers; default: all new and changed) in the caller's
    transaction. Raises on any problem or on cancel, so the caller rolls back whole."""
    from kinerja_desktop.services.organisasi import _cek_siklus, tetapkan_penilai

    wajib_admin(actor)
    st = state or StatusTugas()
    pilih = set(dipilih) if dipilih is not None else pratinjau.dipilih_bawaan()
    rows = [
        b
        for b in pratinjau.baris
        if b.nomor_baris in pilih and b.jenis in (JenisBaris.BARU, JenisBaris.BERUBAH)
    ]
    total = len(rows)

    # 1. units the chosen rows need (with their parents), parents first
    perlu: set[int] = set()
    for b in rows:
        ref = b.unit_ref
        while ref is not None and ref < 0 and ref not in perlu:
            perlu.add(ref)
            ref = pratinjau.unit_baru[ref].induk_ref
    id_unit: dict[int, int] = {}
    objek_unit: dict[int, UnitKerja] = {}
    for ref in sorted(perlu, reverse=True):  # -1 was planned first, so parents come first
        u = pratinjau.unit_baru[ref]
        obj = UnitKerja(nama=u.nama, kode=u.kode)
        if u.induk_ref is not None:
            if u.induk_ref < 0:
                obj.induk = objek_unit[u.induk_ref]
            else:
                obj.induk_id = u.induk_ref
        objek_unit[ref] = obj
        session.add(obj)
    if objek_unit:
        session.flush()
        id_unit = {ref: obj.id for ref, obj in objek_unit.items()}

    def unit_id(ref: int | None) -> int:
        assert ref is not None
        return id_unit[ref] if ref < 0 else ref

    # 2. the database must not have changed under the preview
    baru = [b for b in rows if b.jenis is JenisBaris.BARU]
    if baru:
        sudah = _id_per_nip(session, [b.nip for b in baru])
        if sudah:
            nip = next(iter(sudah))
            raise ConflictError(
                f"NIP {nip_mod.format_nip(nip)} sudah ditambahkan sejak pratinjau dibuat. "
                "Buat pratinjau ulang lalu terapkan lagi."
            )
    ubah = [b for b in rows if b.jenis is JenisBaris.BERUBAH]
    objek: dict[int, Pegawai] = {}
    for bagian in _potong([b.pegawai_id for b in ubah]):
        for p in session.scalars(select(Pegawai).where(Pegawai.id.in_(bagian))):
            objek[p.id] = p

    # 3. pegawai
    kolom_data = (*svc.KOLOM_DATA, "pns_id")
    for i, b in enumerate(rows):
        if i % _LANGKAH == 0:
            cek_batal(st, "Impor dibatalkan; tidak ada data yang disimpan.")
            st.progress(i, total, f"Menyimpan pegawai {i} dari {total}…")
        assert b.data is not None
        if b.jenis is JenisBaris.BARU:
            session.add(
                Pegawai(
                    unit_kerja_id=unit_id(b.unit_ref),
                    **{k: b.data[k] for k in kolom_data if k in b.data},
                )
            )
            continue
        p = objek.get(b.pegawai_id)  # type: ignore[arg-type]
        if p is None:
            raise ConflictError(
                f"Pegawai NIP {nip_mod.format_nip(b.nip)} (baris {b.nomor_baris}) tidak ada lagi. "
                "Buat pratinjau ulang lalu terapkan lagi."
            )
        for k in kolom_data:
            if k in b.data and getattr(p, k) != b.data[k]:
                setattr(p, k, b.data[k])
        uid = unit_id(b.unit_ref)
        if p.unit_kerja_id != uid:
            p.unit_kerja_id = uid
    cek_batal(st, "Impor dibatalkan; tidak ada data yang disimpan.")
    st.progress(total, total, "Menulis ke basis data…")
    session.flush()

    # 4. atasan langsung
    dengan_atasan = [b for b in rows if b.ubah_atasan and b.atasan_nip]
    atasan = 0
    if dengan_atasan:
        semua_nip = sorted({b.nip for b in dengan_atasan} | {b.atasan_nip for b in dengan_atasan})  # type: ignore[misc]
        id_nip = _id_per_nip(session, semua_nip)
        for b in dengan_atasan:
            cek_batal(st, "Impor dibatalkan; tidak ada data yang disimpan.")
            penilai = id_nip.get(b.atasan_nip)  # type: ignore[arg-type]
            if penilai is None:
                raise ValidationError(
                    f"Baris {b.nomor_baris}: atasan dengan NIP "
                    f"{nip_mod.format_nip(b.atasan_nip)} tidak ikut diimpor. Pilih juga baris "
                    "atasan tersebut.",
                    "ATASAN NIP",
                )
            pid = id_nip[b.nip]
            try:
                koreksi = (
                    session.get(PenugasanPenilai, b.atasan_koreksi_id)
                    if b.atasan_koreksi_id
                    else None
                )
                if koreksi is not None:
                    _cek_siklus(session, pid, penilai, pratinjau.mulai_atasan)
                    koreksi.penilai_id = penilai
                    session.flush()
                else:
                    tetapkan_penilai(session, actor, pid, penilai, pratinjau.mulai_atasan)
            except ValidationError as exc:
                raise ValidationError(f"Baris {b.nomor_baris}: {exc.pesan}", exc.kolom) from exc
            atasan += 1
    return HasilImpor(len(baru), len(ubah), len(objek_unit), atasan)


# --- workers (one transaction each) ----------------------------------------------------------


def pratinjau_worker(
    state: StatusTugas,
    factory: sessionmaker[Session],
    actor: Actor,
    path: str | os.PathLike[str],
    mulai_atasan: date | None = None,
) -> Pratinjau:
    with factory(info={"actor": actor}) as session:
        return buat_pratinjau(session, actor, path, mulai_atasan, state)


def impor_worker(
    state: StatusTugas,
    factory: sessionmaker[Session],
    actor: Actor,
    pratinjau: Pratinjau,
    dipilih: Iterable[int] | None = None,
) -> HasilImpor:
    """Apply in one transaction: everything is written, or (error, cancel) nothing."""
    from kinerja_desktop.services.uow import unit_of_work

    keterangan = f"Impor pegawai dari {pratinjau.nama_file}"
    with unit_of_work(factory, actor, keterangan) as session:
        return terapkan_impor(session, actor, pratinjau, dipilih, state)


# --- export and template ---------------------------------------------------------------------

KOLOM_TEMPLATE = [
    KolomEkspor("NIP", 22, teks=True),
    KolomEkspor("NAMA", 28),
    KolomEkspor("GELAR DEPAN", 13),
    KolomEkspor("GELAR BELAKANG", 17),
    KolomEkspor("TANGGAL LAHIR", 14, format_tanggal=True),
    KolomEkspor("JENIS KELAMIN", 10),
    KolomEkspor("STATUS", 9),
    KolomEkspor("GOLONGAN", 11),
    KolomEkspor("JABATAN", 40),
    KolomEkspor("JENIS JABATAN", 16),
    KolomEkspor("JENJANG", 14),
    KolomEkspor("UNIT KERJA", 38),
    KolomEkspor("UNIT INDUK", 32),
    KolomEkspor("ATASAN NIP", 22, teks=True),
]
KOLOM_EKSPOR = [
    *KOLOM_TEMPLATE[:8],
    KolomEkspor("PANGKAT", 24),
    *KOLOM_TEMPLATE[8:],
    KolomEkspor("ATASAN NAMA", 32),
    KolomEkspor("AKTIF", 8),
    KolomEkspor("KETERANGAN NONAKTIF", 26),
    KolomEkspor("TANGGAL NONAKTIF", 14, format_tanggal=True),
]

PETUNJUK = [
    "Isi satu pegawai per baris pada lembar 'Data', mulai baris 2. Judul kolom di baris 1 "
    "jangan diubah; kolom tambahan boleh ada dan akan diabaikan.",
    "NIP: 18 digit (PNS/CPNS) atau NI PPPK 18 digit. Kolom ini sudah berformat Teks; jangan "
    "ubah menjadi angka, karena Excel membulatkan angka 18 digit (digit terakhir hilang). "
    "Spasi di dalam NIP boleh, misalnya 19660801 198803 1 001.",
    "NAMA: tanpa gelar. GELAR DEPAN / GELAR BELAKANG: misalnya Drs. / S.Kom., M.Si.",
    "TANGGAL LAHIR: tanggal Excel atau teks 31-12-1990. Boleh kosong: diambil dari NIP. "
    "Harus sama dengan tanggal lahir pada NIP.",
    "JENIS KELAMIN: L atau P. Boleh kosong: diambil dari digit ke-15 NIP.",
    "STATUS: PNS, CPNS, atau PPPK.",
    "GOLONGAN: untuk PNS/CPNS I/a sampai IV/e (misalnya III/b); untuk PPPK I sampai XVII "
    "(misalnya IX).",
    "JENIS JABATAN: JPT, Administrator, Pengawas, Pelaksana, atau Fungsional. JENJANG wajib "
    "untuk Fungsional: Ahli Pertama, Ahli Muda, Ahli Madya, Ahli Utama, Terampil, Mahir, atau "
    "Penyelia.",
    "UNIT KERJA: nama unit. Unit yang belum ada dibuat otomatis; isi UNIT INDUK agar unit baru "
    "ditempatkan di bawah unit induknya (atau bila ada dua unit bernama sama).",
    "ATASAN NIP: NIP atasan langsung (pejabat penilai). Atasan boleh berada di baris lain "
    "berkas yang sama. Berlaku mulai tanggal yang dipilih saat impor (bawaan 1 Januari tahun "
    "berjalan).",
    "Contoh baris: 19850909 200901 1 004 | Dedi Kurniawan | | S.Kom. | 09-09-1985 | L | PNS | "
    "III/c | Kepala Subbagian Umum dan Kepegawaian | Pengawas | | Subbagian Umum dan "
    "Kepegawaian | Sekretariat Kecamatan | 19750823 200012 2 001",
    "Pegawai dicocokkan menurut NIP: baris dengan NIP yang sudah ada memperbarui data pegawai "
    "itu; mengimpor berkas yang sama dua kali tidak mengubah apa pun.",
]


def tulis_template(path: str | os.PathLike[str]) -> None:
    """The empty template (sheet Data + Petunjuk) for 'Unduh template'."""
    write_template_xlsx(path, KOLOM_TEMPLATE, PETUNJUK, [])


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
    atasan: dict[int, int] = {}
    stmt = select(PenugasanPenilai.pegawai_id, PenugasanPenilai.penilai_id).where(
        PenugasanPenilai.jenis == "DEFINITIF",
        PenugasanPenilai.mulai <= hari_ini,
        (PenugasanPenilai.selesai.is_(None)) | (PenugasanPenilai.selesai >= hari_ini),
    )
    for pid, penilai in session.execute(stmt):
        atasan[pid] = penilai
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
                _tampil("jenis_jabatan", r.jenis_jabatan),
                _tampil("jenjang", r.jenjang) if r.jenjang else None,
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
