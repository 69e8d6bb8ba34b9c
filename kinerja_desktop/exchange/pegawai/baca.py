"""Reading a roster file (template or SIASN export) into checked candidate rows: each row's
values normalised by the pegawai rules, with the problems found, before any comparison with
the database."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Any

from kinerja_desktop.domain import nip as nip_mod
from kinerja_desktop.domain.enums import JenisJabatan
from kinerja_desktop.domain.errors import ValidationError
from kinerja_desktop.domain.jabatan_siasn import (
    CATATAN_JENJANG,
    Kedudukan,
    jenis_struktural,
    kedudukan,
)
from kinerja_desktop.domain.tugas import StatusTugas
from kinerja_desktop.exchange.pegawai.kolom import KOLOM_DIKENAL, LABEL_SIASN, LABEL_TEMPLATE, WAJIB
from kinerja_desktop.exchange.tabular import (
    FileFormatError,
    SourceRow,
    TableData,
    read_table,
    teks,
)
from kinerja_desktop.services import pegawai as svc


@dataclass(frozen=True)
class GalatImpor:
    kolom: str
    alasan: str


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
    siasn = bool({"pns_id", "unit_kode", "status_cpns", "eselon", "eselon_id"} & ada) or (
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
class Calon:
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


def _kedudukan(
    data: dict[str, Any], nama: str | None, today: date | None, tabel: dict[str, Kedudukan] | None
) -> None:
    """KEDUDUKAN HUKUM decides whether the pegawai stays active (domain.md §2a)."""
    data["kedudukan_hukum"] = nama
    perlakuan = kedudukan(nama, tabel)
    data["bebas_tugas"] = perlakuan is Kedudukan.SEMENTARA
    if perlakuan is Kedudukan.KELUAR:
        data["aktif"] = False
        data["alasan_nonaktif"] = nama
        data["tanggal_nonaktif"] = today


def baca_baris(
    row: SourceRow,
    siasn: bool,
    ada: set[str],
    today: date | None,
    tabel_kedudukan: dict[str, Kedudukan] | None = None,
) -> Calon:
    v = row.values
    label = LABEL_SIASN if siasn else LABEL_TEMPLATE
    raw: dict[str, object] = {k: v.get(k) for k in svc.LABEL if k in v}
    if siasn and (teks(v.get("status_cpns")) or "").upper() == "C":
        raw["status"] = "CPNS"
    catatan: list[str] = []
    jenis = teks(v.get("jenis_jabatan")) or ""
    if "struktural" in jenis.lower():
        # never refuse a real person for his jabatan: eselon, else the jabatan's name
        eselon = teks(v.get("eselon")) or teks(v.get("eselon_id"))
        j, c = jenis_struktural(eselon, teks(v.get("jabatan")))
        raw["jenis_jabatan"] = j.value
        catatan += [c] if c else []
    nip_raw = v.get("nip")
    if isinstance(nip_raw, int) and not isinstance(nip_raw, bool):
        raw["nip"] = nip_raw  # is_excel_mangled judges the int itself
    data, galat_v = svc.normalisasi(raw, today)
    if data.get("jenis_jabatan") == JenisJabatan.FUNGSIONAL.value:
        # an old JF name ("Guru Muda") or none at all: import, and ask for the jenjang
        sisa = [g for g in galat_v if g.kolom != "Jenjang"]
        if len(sisa) < len(galat_v):
            galat_v, data["jenjang"] = sisa, None
            catatan.append(CATATAN_JENJANG)
    if "kedudukan_hukum" in ada:
        _kedudukan(data, teks(v.get("kedudukan_hukum")), today, tabel_kedudukan)
    data["perlu_dilengkapi"] = "; ".join(catatan) or None
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
    return Calon(
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
