"""The import's preview: the rows exchange/pegawai read from the file, compared with the
stored roster in a few bulk queries.
Every row is BARU (new NIP), BERUBAH (with the fields that change, old → new), SAMA, or
TIDAK_VALID (row number as Excel shows it, column, reason); units named in the file that do
not exist yet are listed as new units. Nothing is written."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from kinerja_desktop.domain import nip as nip_mod
from kinerja_desktop.domain.enums import JenisJabatan
from kinerja_desktop.domain.jabatan_siasn import CATATAN_JENJANG, Kedudukan
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.tugas import StatusTugas, cek_batal
from kinerja_desktop.exchange.pegawai.baca import Calon, GalatImpor, baca_baris, baca_berkas
from kinerja_desktop.exchange.pegawai.kolom import (
    BANDINGKAN,
    LABEL_PERUBAHAN,
    LABEL_SIASN,
    LABEL_TEMPLATE,
    atasan_label,
    tampil,
)
from kinerja_desktop.exchange.tabular import teks
from kinerja_desktop.services.akses import wajib_admin
from kinerja_desktop.services.impor_pegawai.kueri import (
    id_per_nip,
    jenis_jabatan_per_nip,
    nip_nama_per_id,
    pegawai_ada,
    penugasan_definitif,
)
from kinerja_desktop.services.impor_pegawai.unit import PetaUnit, UnitBaru
from kinerja_desktop.services.organisasi import PESAN_PELAKSANA
from kinerja_desktop.services.waktu import hari_ini

_LANGKAH = 500  # rows between progress/cancel checks


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
    def catatan(self) -> str:
        """What must be checked or completed after the import ("jenjang perlu dilengkapi")."""
        return str((self.data or {}).get("perlu_dilengkapi") or "")

    @property
    def alasan(self) -> str:
        return "; ".join(f"{g.kolom}: {g.alasan}" for g in self.galat)

    @property
    def ringkasan_perubahan(self) -> str:
        return "; ".join(f"{p.kolom}: {p.lama or '—'} → {p.baru or '—'}" for p in self.perubahan)


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

    @property
    def perlu_dilengkapi(self) -> list[BarisImpor]:
        """Rows imported with a guessed or missing jabatan detail, for the worklist."""
        return [b for b in self.baris if b.catatan]

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
            + (f"; {len(self.perlu_dilengkapi)} perlu dilengkapi" if self.perlu_dilengkapi else "")
            + (f"; {len(self.unit_baru)} unit kerja baru" if self.unit_baru else "")
        )


def buat_pratinjau(
    session: Session,
    actor: Actor,
    path: str | os.PathLike[str],
    mulai_atasan: date | None = None,
    state: StatusTugas | None = None,
    today: date | None = None,
    kedudukan: dict[str, Kedudukan] | None = None,
) -> Pratinjau:
    """Read the file and compare it with the database. Writes nothing.

    ``kedudukan`` is the operator's KEDUDUKAN HUKUM table (default: domain.md §2a's).

    ``mulai_atasan`` is the date from which an ATASAN NIP in the template takes effect
    (default: 1 January of the current year).
    """
    wajib_admin(actor)  # the preview shows every stored value of the pegawai named
    st = state or StatusTugas()
    today = today or hari_ini(session)
    mulai = mulai_atasan or date(today.year, 1, 1)
    tabel, siasn = baca_berkas(path, st)
    ada = set(tabel.kolom)
    label = LABEL_SIASN if siasn else LABEL_TEMPLATE
    total = len(tabel.rows)
    calon: list[Calon] = []
    for i, row in enumerate(tabel.rows):
        if i % _LANGKAH == 0:
            cek_batal(st, "Impor dibatalkan.")
            st.progress(i, total, "Memeriksa data…")
        calon.append(baca_baris(row, siasn, ada, today, kedudukan))

    nips = [c.data["nip"] for c in calon if c.data.get("nip")]
    lama = pegawai_ada(session, list(dict.fromkeys(nips)))
    peta = PetaUnit(session)
    pakai_atasan = "atasan_nip" in ada
    ids_lama = [r["id"] for r in lama.values()]
    definitif = penugasan_definitif(session, ids_lama) if pakai_atasan else {}
    # atasan in the database (by NIP) and the names of current atasan
    nip_atasan = sorted({c.atasan_nip for c in calon if c.atasan_nip})
    atasan_db = id_per_nip(session, nip_atasan) if nip_atasan else {}
    penilai_ids = {p for rows in definitif.values() for _, p, _, _ in rows}
    info_penilai = nip_nama_per_id(session, sorted(penilai_ids | set(atasan_db.values())))
    nip_valid_di_berkas: dict[str, str] = {}
    for c in calon:
        if not c.galat and c.data.get("nip"):
            nip_valid_di_berkas.setdefault(
                c.data["nip"],
                nama_lengkap(
                    c.data.get("gelar_depan"), c.data.get("nama"), c.data.get("gelar_belakang")
                ),
            )

    pelaksana = _atasan_pelaksana(session, calon, nip_atasan, atasan_db, info_penilai)
    for n in pelaksana:
        pelaksana[n] = pelaksana[n] or nip_valid_di_berkas.get(n, "")
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
            _cek_pelaksana(b, pelaksana, label)
            hasil.append(_tidak_valid(b) if b.galat else b)
            continue
        b.pegawai_id = r["id"]
        _banding_siasn(b, d, r)
        for k in BANDINGKAN:
            if k in d and d[k] != r[k]:
                b.perubahan.append(
                    Perubahan(
                        LABEL_PERUBAHAN[k],
                        tampil(k, r[k], r["status"]),
                        tampil(k, d[k], d.get("status")),
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
            _cek_pelaksana(b, pelaksana, label)
        if b.galat:
            hasil.append(_tidak_valid(b))
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


def _tidak_valid(b: BarisImpor) -> BarisImpor:
    return BarisImpor(b.nomor_baris, JenisBaris.TIDAK_VALID, b.nip, b.nama, b.unit, galat=b.galat)


def _atasan_pelaksana(
    session: Session,
    calon: list[Calon],
    nip_atasan: list[str],
    atasan_db: dict[str, int],
    info_penilai: dict[int, tuple[str, str]],
) -> dict[str, str]:
    """NIP → name of the file's atasan who will be Pelaksana after the import (the file's row
    decides, else the stored jabatan): they rate only with a pendelegasian note, which a file
    cannot carry (organisasi.dengan_pendelegasian)."""
    if not nip_atasan:
        return {}
    jenis = jenis_jabatan_per_nip(session, nip_atasan)
    dicari = set(nip_atasan)
    for c in calon:
        n = c.data.get("nip")
        if n in dicari and not c.galat and c.data.get("jenis_jabatan"):
            jenis[n] = c.data["jenis_jabatan"]
    return {
        n: info_penilai[atasan_db[n]][1] if atasan_db.get(n) in info_penilai else ""
        for n, j in jenis.items()
        if j == JenisJabatan.PELAKSANA
    }


def _cek_pelaksana(b: BarisImpor, pelaksana: dict[str, str], label: dict[str, str]) -> None:
    if b.ubah_atasan and b.atasan_nip in pelaksana:
        nama = pelaksana[b.atasan_nip] or nip_mod.format_nip(b.atasan_nip)
        b.galat.append(
            GalatImpor(
                label["atasan_nip"],
                PESAN_PELAKSANA.format(nama=nama)
                + " Berkas impor tidak memuat catatan itu: tetapkan atasan ini dari formulir "
                "pegawai (Pejabat penilai).",
            )
        )


def _banding_siasn(b: BarisImpor, d: dict[str, Any], r: dict[str, Any]) -> None:
    """Kedudukan hukum, leaving the office and the notes of a pegawai already stored. A guess
    never overwrites what the operator has stored: the field is then left out of the row."""
    catatan = [c for c in (d.get("perlu_dilengkapi") or "").split("; ") if c]
    ragu = bool(catatan)
    if CATATAN_JENJANG in catatan and r["jenjang"]:
        d.pop("jenjang", None)
        catatan.remove(CATATAN_JENJANG)
    tebakan = [c for c in catatan if c != CATATAN_JENJANG]
    if tebakan and r["jenis_jabatan"]:
        if d.get("jenis_jabatan") != r["jenis_jabatan"]:
            d.pop("jenis_jabatan", None)
        catatan = [c for c in catatan if c not in tebakan]
    # a file that is unsure neither overwrites the stored values nor clears their note
    d["perlu_dilengkapi"] = "; ".join(catatan) or (r["perlu_dilengkapi"] if ragu else None)
    if d["perlu_dilengkapi"] != r["perlu_dilengkapi"]:
        b.perubahan.append(
            Perubahan(
                LABEL_PERUBAHAN["perlu_dilengkapi"],
                r["perlu_dilengkapi"] or "",
                d["perlu_dilengkapi"] or "",
            )
        )
    if "kedudukan_hukum" in d and (d["kedudukan_hukum"] or None) != r["kedudukan_hukum"]:
        b.perubahan.append(
            Perubahan(
                LABEL_PERUBAHAN["kedudukan_hukum"],
                r["kedudukan_hukum"] or "",
                d["kedudukan_hukum"] or "",
            )
        )
    if "bebas_tugas" in d and d["bebas_tugas"] != r["bebas_tugas"] and d.get("aktif") is not False:
        lama, baru = ("aktif", f"bebas tugas sementara: {d.get('kedudukan_hukum') or ''}")
        if not d["bebas_tugas"]:  # back from the absence
            lama, baru = (f"bebas tugas sementara: {r['kedudukan_hukum'] or ''}", "aktif")
        b.perubahan.append(Perubahan(LABEL_PERUBAHAN["aktif"], lama, baru))
    if d.get("aktif") is False:
        if r["aktif"]:
            alasan = d.get("alasan_nonaktif") or ""
            b.perubahan.append(Perubahan(LABEL_PERUBAHAN["aktif"], "aktif", f"nonaktif: {alasan}"))
        else:  # already inactive: keep the stored reason and date
            for k in ("aktif", "alasan_nonaktif", "tanggal_nonaktif"):
                d.pop(k, None)


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
        lama = atasan_label(nama_l, nip_l)
        if sekarang[2] == mulai:
            b.atasan_koreksi_id = sekarang[0]
    nama_b = info_penilai[baru_id][1] if baru_id in info_penilai else nip_di_berkas.get(atasan_nip)
    b.perubahan.append(Perubahan(LABEL_PERUBAHAN["atasan"], lama, atasan_label(nama_b, atasan_nip)))
    b.ubah_atasan = True
