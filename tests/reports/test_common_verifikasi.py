"""Verification codes: canonical hashing, short ids, QR payload, reading back from text."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from kinerja_desktop.reports.verifikasi import (
    baca_teks_qr,
    cari_kode_dalam_teks,
    cocok_kode_verifikasi,
    json_kanonik,
    kode_dokumen,
    kode_verifikasi,
    teks_footer,
    teks_qr,
)

DATA = {
    "nip": "196608011988031001",
    "nama": "Drs. H. AHMAD SYUKRI, M.M.",
    "tanggal": date(2025, 12, 31),
    "dibuat": datetime(2025, 1, 2, 3, 4, 5),
    "nilai": Decimal("87.50"),
    "iki": [
        {"aspek": "Kuantitas", "target": "2 Dokumen"},
        {"aspek": "Kualitas", "target": "100 %"},
    ],
    "catatan": "Ruang & <rapat> — ñ",
}


def test_format_kode() -> None:
    kode = kode_verifikasi(DATA)
    assert len(kode) == 14
    assert kode[4] == kode[9] == "-"
    assert kode.replace("-", "").isalnum() and kode == kode.upper()
    int(kode.replace("-", ""), 16)


def test_stabil_untuk_urutan_kunci_berbeda() -> None:
    dibalik = dict(reversed(list(DATA.items())))
    dibalik["iki"] = [dict(reversed(list(d.items()))) for d in DATA["iki"]]
    assert kode_verifikasi(dibalik) == kode_verifikasi(DATA)
    assert kode_verifikasi(dict(DATA)) == kode_verifikasi(DATA)


@pytest.mark.parametrize(
    ("kunci", "nilai"),
    [
        ("nip", "196608011988031002"),
        ("nama", "Drs. H. AHMAD SYUKRI, M.M"),
        ("tanggal", date(2025, 12, 30)),
        ("dibuat", datetime(2025, 1, 2, 3, 4, 6)),
        ("nilai", Decimal("87.51")),
        ("iki", [{"aspek": "Kuantitas", "target": "3 Dokumen"}]),
        ("catatan", "Ruang & <rapat> — n"),
        ("baru", None),
    ],
)
def test_berubah_bila_nilai_berubah(kunci: str, nilai: object) -> None:
    ubah = dict(DATA)
    ubah[kunci] = nilai
    assert kode_verifikasi(ubah) != kode_verifikasi(DATA)


def test_json_kanonik() -> None:
    teks = json_kanonik({"b": Decimal("1.50"), "a": date(2025, 1, 31), "c": "é"})
    assert teks == '{"a":"2025-01-31","b":"1.50","c":"é"}'

    @dataclass(frozen=True)
    class Titik:
        x: int

    assert json_kanonik({"t": Titik(1), "s": {2, 1}}) == '{"s":[1,2],"t":{"x":1}}'
    with pytest.raises(TypeError):
        json_kanonik({"x": object()})


def test_cocok_kode() -> None:
    kode = kode_verifikasi(DATA)
    assert cocok_kode_verifikasi(DATA, kode)
    assert cocok_kode_verifikasi(DATA, kode.lower().replace("-", " "))
    assert not cocok_kode_verifikasi(DATA, "0000-0000-0000")
    assert not cocok_kode_verifikasi(DATA, "")


def test_kode_dokumen() -> None:
    assert kode_dokumen("SKP", "3f2a9c1b-1111-2222-3333-444455556666") == "SKP-3F2A9C1B"
    assert kode_dokumen("ekp", "{3F2A9C1B-1111-2222-3333-444455556666}") == "EKP-3F2A9C1B"
    bukan_heks = kode_dokumen("DEK", "pegawai-42")
    assert bukan_heks.startswith("DEK-") and len(bukan_heks) == 12
    assert bukan_heks == kode_dokumen("DEK", "pegawai-42")
    assert kode_dokumen("DEK", "pegawai-43") != bukan_heks


def test_qr_dan_footer_bolak_balik() -> None:
    isi = teks_qr("SKP-3F2A9C1B", "ABCD-EF01-2345")
    assert isi == "KINERJA:SKP-3F2A9C1B:ABCD-EF01-2345"
    assert baca_teks_qr(isi) == ("SKP-3F2A9C1B", "ABCD-EF01-2345")
    assert baca_teks_qr("https://contoh") is None
    teks = "x\n" + teks_footer("SKP-3F2A9C1B", "ABCD-EF01-2345") + "\nHalaman 1 dari 2\n"
    teks += teks_footer("SKP-3F2A9C1B", "ABCD-EF01-2345") + teks_footer(
        "EKP-00000001", "0000-1111-2222"
    )
    assert cari_kode_dalam_teks(teks) == [
        ("SKP-3F2A9C1B", "ABCD-EF01-2345"),
        ("EKP-00000001", "0000-1111-2222"),
    ]


def test_verifikasi_dan_paket_tanpa_reportlab() -> None:
    kode = (
        "import sys, kinerja_desktop.reports, kinerja_desktop.reports.verifikasi\n"
        "berat = [m for m in sys.modules if m.split('.')[0] in ('reportlab', 'pypdf', 'PySide6')]\n"
        "assert not berat, berat\n"
    )
    akar = Path(__file__).resolve().parents[2]
    hasil = subprocess.run(
        [sys.executable, "-c", kode],
        cwd=akar,
        env={**os.environ, "PYTHONPATH": str(akar)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert hasil.returncode == 0, hasil.stderr
