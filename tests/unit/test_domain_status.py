"""Workflow states: one enum per entity with labels, colours and a transition table, and no
second copy of them anywhere else in the program."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kinerja_desktop.domain.errors import StateError
from kinerja_desktop.domain.status import (
    SEMUA_TRANSISI,
    TRANSISI_EVALUASI,
    TRANSISI_KEBERATAN,
    TRANSISI_REALISASI,
    TRANSISI_SKP,
    StatusEvaluasi,
    StatusKeberatan,
    StatusRealisasi,
    StatusSkp,
    boleh,
    periksa_transisi,
)

HEX = re.compile(r"^#[0-9a-f]{6}$")
PAKET = Path(__file__).resolve().parents[2] / "kinerja_desktop"


def test_values_are_the_strings_stored_today():
    # no migration: the enums read and write exactly these values
    assert [s.value for s in StatusSkp] == ["DRAF", "DIAJUKAN", "DITETAPKAN", "DIKEMBALIKAN"]
    assert {s.value for s in StatusRealisasi} == {
        "TANPA_SKP",
        "BELUM_MULAI",
        "BELUM",
        "DRAF",
        "DIAJUKAN",
        "DINILAI",
    }
    assert [s.value for s in StatusEvaluasi] == ["BELUM", "DRAF", "FINAL"]
    assert [s.value for s in StatusKeberatan] == ["DIAJUKAN", "DIPUTUS"]
    assert StatusSkp.DRAF == "DRAF" and StatusSkp("DITETAPKAN") is StatusSkp.DITETAPKAN
    assert f"{StatusEvaluasi.FINAL}" == "FINAL"


@pytest.mark.parametrize("jenis", [t.jenis for t in SEMUA_TRANSISI], ids=lambda j: j.__name__)
def test_every_state_has_a_label_and_a_colour(jenis):
    for status in jenis:
        assert status.label and status.label == status.label.strip()
        assert HEX.match(status.warna), status
        assert status.latar is None or HEX.match(status.latar), status
    # two states of one entity never read the same on screen
    assert len({s.label for s in jenis}) == len(jenis)


def test_realisasi_states_fill_their_cell():
    assert all(s.latar for s in StatusRealisasi)


def test_labels_shown_today():
    assert [s.label for s in StatusSkp] == ["Draf", "Diajukan", "Ditetapkan", "Dikembalikan"]
    assert StatusRealisasi.TANPA_SKP.label == "Belum ada SKP"
    assert StatusRealisasi.BELUM_MULAI.label == "Belum mulai"
    assert StatusRealisasi.BELUM.label == "Belum diisi"
    assert StatusRealisasi.DINILAI.label == "Dinilai"
    assert [s.label for s in StatusEvaluasi] == ["Belum dievaluasi", "Draf", "Final"]
    assert StatusEvaluasi.FINAL.label_lengkap == "Final (terkunci)"
    assert StatusEvaluasi.DRAF.label_lengkap == "Draf"
    assert [s.label for s in StatusKeberatan] == ["Diajukan", "Diputus"]


def test_lookup_of_stored_values_tolerates_empty_and_unknown():
    assert StatusSkp.dari(None) is None and StatusSkp.dari("X") is None
    assert StatusSkp.label_dari(None, "Belum ada SKP") == "Belum ada SKP"
    assert StatusSkp.label_dari("LAIN") == "LAIN"
    assert StatusSkp.label_dari("DIAJUKAN") == "Diajukan"
    assert StatusSkp.warna_dari("X", "#888") == "#888"
    assert StatusSkp.warna_dari("DITETAPKAN") == "#15803d"
    assert StatusKeberatan.label_dari(None, "") == ""


@pytest.mark.parametrize("tabel", SEMUA_TRANSISI, ids=lambda t: t.jenis.__name__)
def test_transition_tables_speak_of_their_own_states(tabel):
    jenis = tabel.jenis
    assert tabel.aksi
    for aksi, t in tabel.aksi.items():
        assert t.dari and all(isinstance(s, jenis) for s in t.dari), aksi
        assert t.ke is None or isinstance(t.ke, jenis), aksi
        assert t.ditolak.strip(), aksi
        assert set(t.ditolak_bila) <= set(jenis) - t.dari, aksi


def _tolak(tabel, aksi, status, **kw) -> str:
    with pytest.raises(StateError) as e:
        periksa_transisi(tabel, aksi, status, **kw)
    return e.value.pesan


SKP_DIAJUKAN = (
    "SKP sedang diajukan kepada pejabat penilai dan tidak dapat diubah sampai "
    "ditetapkan atau dikembalikan."
)
SKP_DITETAPKAN = (
    "SKP sudah ditetapkan dan tidak dapat diubah. Buat revisi SKP (tombol Revisi) "
    "dengan alasannya untuk mengubah isinya."
)


def test_skp_transitions():
    S, T = StatusSkp, TRANSISI_SKP
    assert periksa_transisi(T, "ajukan", "DRAF") is S.DIAJUKAN
    assert periksa_transisi(T, "ajukan", "DIKEMBALIKAN") is S.DIAJUKAN
    assert periksa_transisi(T, "tetapkan", "DIAJUKAN") is S.DITETAPKAN
    assert periksa_transisi(T, "kembalikan", "DIAJUKAN") is S.DIKEMBALIKAN
    assert periksa_transisi(T, "ubah", "DIKEMBALIKAN") is S.DIKEMBALIKAN  # stays
    assert periksa_transisi(T, "revisi", "DITETAPKAN") is S.DITETAPKAN
    assert periksa_transisi(T, "hapus", "DRAF") is S.DRAF
    assert periksa_transisi(T, "ubah_ekspektasi", "DIAJUKAN") is S.DIAJUKAN

    assert _tolak(T, "ubah", "DIAJUKAN") == SKP_DIAJUKAN
    assert _tolak(T, "ajukan", "DITETAPKAN") == SKP_DITETAPKAN
    assert _tolak(T, "tetapkan", "DRAF") == (
        "SKP berstatus Draf; hanya SKP yang diajukan yang dapat ditetapkan atau dikembalikan."
    )
    assert _tolak(T, "kembalikan", "DITETAPKAN").startswith("SKP berstatus Ditetapkan;")
    # an old revision refuses with the message of its state
    assert _tolak(T, "tetapkan", "DIAJUKAN", syarat=False).startswith("SKP berstatus Diajukan;")
    assert _tolak(T, "revisi", "DRAF") == (
        "Hanya SKP terkini yang sudah ditetapkan yang dapat direvisi."
    )
    assert _tolak(T, "hapus", "DIAJUKAN").startswith("Hanya SKP berstatus Draf")
    assert _tolak(T, "ubah_ekspektasi", "DITETAPKAN").startswith("SKP sudah ditetapkan;")
    assert boleh(T, "ubah", "DRAF") and not boleh(T, "ubah", "DIAJUKAN")


def test_evaluasi_transitions():
    S, T = StatusEvaluasi, TRANSISI_EVALUASI
    assert periksa_transisi(T, "simpan", "DRAF") is S.DRAF
    assert periksa_transisi(T, "finalkan", "DRAF") is S.FINAL
    assert periksa_transisi(T, "buka_kembali", "FINAL") is S.DRAF
    terkunci = _tolak(T, "finalkan", "FINAL")
    assert terkunci.startswith("Evaluasi ini sudah final dan terkunci.")
    assert _tolak(T, "simpan", "FINAL") == terkunci
    assert _tolak(T, "buka_kembali", "DRAF") == (
        "Evaluasi ini belum final; tidak ada yang perlu dibuka kembali."
    )


def test_realisasi_transitions():
    S, T = StatusRealisasi, TRANSISI_REALISASI
    assert periksa_transisi(T, "isi", "BELUM") is S.DRAF
    assert periksa_transisi(T, "isi", "DIAJUKAN") is S.DRAF
    assert periksa_transisi(T, "ajukan", "DRAF") is S.DIAJUKAN
    assert _tolak(T, "ajukan", "DIAJUKAN") == (
        "Realisasi berstatus Diajukan; hanya realisasi Draf yang dapat diajukan."
    )
    assert _tolak(T, "isi", "DINILAI") == "Realisasi berstatus Dinilai tidak dapat diubah."


def test_keberatan_transitions():
    S, T = StatusKeberatan, TRANSISI_KEBERATAN
    assert periksa_transisi(T, "putuskan", "DIAJUKAN") is S.DIPUTUS
    assert _tolak(T, "putuskan", "DIPUTUS") == (
        "Keberatan ini sudah diputus; keputusan atasan pejabat penilai final."
    )


def test_unknown_stored_state_is_refused():
    assert _tolak(TRANSISI_SKP, "tetapkan", "LAIN").startswith("SKP berstatus ;")


# --- one owner ---------------------------------------------------------------------------------

_NILAI = "|".join(sorted({s.value for t in SEMUA_TRANSISI for s in t.jenis}, key=len, reverse=True))
_LABEL = "|".join(
    re.escape(label)
    for label in sorted(
        {s.label for t in SEMUA_TRANSISI for s in t.jenis} | {"Final (terkunci)"},
        key=len,
        reverse=True,
    )
)
# a constant holding a state (DRAF = "DRAF"), a map keyed by a state ("DRAF": ...), or a map
# giving a state's label or colour (...: "Ditetapkan", STATUS: ("#fff", ...))
POLA = [
    re.compile(rf"^\s*[A-Z_][A-Z0-9_, ]*=\s*\"({_NILAI})\""),
    re.compile(rf"\"({_NILAI})\"\s*:\s*[^\s#]"),  # a key with its value, not `if x == "DRAF":`
    re.compile(rf":\s*\"({_LABEL})\"\s*[,}}]"),
    re.compile(r"\b(LABEL|WARNA)_STATUS\s*[:=]"),
]
LAPISAN = ("services", "ui", "reports", "cli", "exchange", "demo", "db/models")
# services, screens and models compare and set states through the enums, not literals
POLA_NILAI = re.compile(rf"([=!]=|default=)\s*\"({_NILAI})\"")
LAPISAN_NILAI = ("services", "ui", "db/models")


def _temuan(lapisan: tuple[str, ...], pola: list[re.Pattern[str]]) -> list[str]:
    temuan = []
    for nama in lapisan:
        for berkas in sorted((PAKET / nama).rglob("*.py")):
            for n, baris in enumerate(berkas.read_text(encoding="utf-8").splitlines(), 1):
                if any(p.search(baris) for p in pola):
                    temuan.append(f"{berkas.relative_to(PAKET)}:{n}: {baris.strip()}")
    return temuan


def test_no_second_copy_of_the_states_outside_domain_status():
    temuan = _temuan(LAPISAN, POLA) + _temuan(LAPISAN_NILAI, [POLA_NILAI])
    assert not temuan, "status vocabulary belongs in domain/status.py:\n" + "\n".join(temuan)


def test_the_scan_would_catch_the_old_copies():
    lama = [
        'DRAF = "DRAF"',
        'DRAF, DIAJUKAN = "DRAF", "DIAJUKAN"',
        'WARNA_STATUS = {"BELUM": "#6b7280"}',
        '    "DIAJUKAN": ("#dcebfb", "#174a7c"),',
        'STATUS_SINGKAT = {BELUM: "Belum dievaluasi", DRAF: "Draf"}',
        '    DITETAPKAN: "Ditetapkan",',
    ]
    for baris in lama:
        assert any(p.search(baris) for p in POLA), baris
    for baris in ['if k.status == "DIPUTUS":', 'default="DRAF"', 'status != "FINAL"']:
        assert POLA_NILAI.search(baris), baris


def test_every_action_the_services_check_is_in_its_table():
    tabel = {
        f"TRANSISI_{t.jenis.__name__.removeprefix('Status').upper()}": t for t in SEMUA_TRANSISI
    }
    panggilan = re.compile(r"(?:periksa_transisi|boleh)\(\s*(TRANSISI_[A-Z]+),\s*\"(\w+)\"")
    dipakai = set()
    for berkas in (PAKET / "services").rglob("*.py"):
        for nama, aksi in panggilan.findall(berkas.read_text(encoding="utf-8")):
            assert aksi in tabel[nama].aksi, (berkas.name, nama, aksi)
            dipakai.add((nama, aksi))
    assert len(dipakai) >= 8
