"""Attacks on taking evidence out: stored names that point outside the chosen folder (../,
absolute paths, Windows drive letters, device names) and stored files changed behind the
program's back (opened or saved only after their SHA-256 checks)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kinerja_desktop.db.models import BuktiDukung
from kinerja_desktop.services import bukti as bk
from kinerja_desktop.services.bukti_aman import (
    NAMA_PERANGKAT_WINDOWS,
    BuktiRusak,
    nama_aman,
    tujuan_di_folder,
)
from kinerja_desktop.services.uow import run
from tests.factories_pemantauan import kantor
from tests.unit.test_bukti import PDF, _file, _realisasi


@pytest.mark.parametrize(
    ("tersimpan", "aman"),
    [
        ("../../keluar.pdf", "keluar.pdf"),
        ("/etc/cron.d/pekerjaan.pdf", "pekerjaan.pdf"),
        ("C:\\Windows\\System32\\drivers\\etc\\hosts.txt", "hosts.txt"),
        ("C:laporan.pdf", "laporan.pdf"),
        ("bukti/C:/Users/Publik/a.pdf", "a.pdf"),
        ("\\\\server\\berbagi\\b.pdf", "b.pdf"),
        ("CON.pdf", "_CON.pdf"),
        ("nul", "_nul"),
        ("Lpt1.txt", "_Lpt1.txt"),
        ("com9 .pdf", "_com9 .pdf"),
        ("laporan.pdf. . ", "laporan.pdf"),
        ("..", "bukti"),
        ("", "bukti"),
        ("a\x00b\nc.pdf", "a_b_c.pdf"),
        ('tanya?<>|"*.pdf', "tanya______.pdf"),
        ("Laporan Januari.pdf", "Laporan Januari.pdf"),
    ],
)
def test_stored_names_become_plain_file_names(tersimpan, aman):
    assert nama_aman(tersimpan) == aman


def test_a_long_name_keeps_its_extension():
    hasil = nama_aman("x" * 400 + ".pdf")
    assert len(hasil) == 150 and hasil.endswith(".pdf")


@given(st.text(max_size=300))
def test_any_stored_name_stays_inside_the_folder(tmp_path_factory, nama):
    folder = tmp_path_factory.getbasetemp() / "pilihan"
    folder.mkdir(exist_ok=True)
    hasil = nama_aman(nama)
    assert hasil and "/" not in hasil and "\\" not in hasil and ":" not in hasil
    assert hasil not in (".", "..") and not hasil.endswith((" ", "."))
    assert hasil.split(".")[0].upper() not in NAMA_PERANGKAT_WINDOWS
    assert tujuan_di_folder(folder, nama).parent == folder


@pytest.fixture
def bukti(db, session, tmp_path):
    k = kantor(session)
    store = bk.BuktiStore(tmp_path / "bukti")
    r = _realisasi(db, k)
    src = _file(tmp_path, "Laporan.pdf", PDF)
    row = run(db.session_factory, k.a_pegawai, bk.lampirkan_berkas, store, src, realisasi_id=r.id)
    return k, store, row


def _namai(db, bukti_id: int, nama: str) -> None:
    """What a crafted database (or restored backup) could hold."""
    with db.session_factory() as s:
        s.get(BuktiDukung, bukti_id).nama = nama
        s.commit()


@pytest.mark.parametrize(
    "nama", ["../../luar.pdf", "/tmp/luar-mutlak.pdf", "C:\\luar.pdf", "bukti/C:/luar.pdf"]
)
def test_save_as_writes_only_inside_the_chosen_folder(db, bukti, tmp_path, nama):
    k, store, row = bukti
    _namai(db, row.id, nama)
    pilihan = tmp_path / "a" / "b" / "pilihan"
    pilihan.mkdir(parents=True)
    sebelum = set(tmp_path.rglob("*"))
    out = run(db.session_factory, k.a_pegawai, bk.simpan_bukti_sebagai, store, row.id, pilihan)
    assert out.parent == pilihan and out.read_bytes() == PDF
    assert set(tmp_path.rglob("*")) - sebelum == {out}
    assert not Path("/tmp/luar-mutlak.pdf").exists()


def test_save_as_to_a_device_name_is_renamed(db, bukti, tmp_path):
    k, store, row = bukti
    out = run(
        db.session_factory, k.a_pegawai, bk.simpan_bukti_sebagai, store, row.id, tmp_path / "NUL"
    )
    assert out == tmp_path / "_NUL" and out.read_bytes() == PDF


def test_a_changed_stored_file_is_neither_opened_nor_saved(db, bukti, tmp_path):
    k, store, row = bukti
    asli = store.path_untuk(row.sha256)
    asli.write_bytes(PDF.replace(b"1.4", b"1.7"))  # same size, other bytes
    with pytest.raises(BuktiRusak, match="sidik SHA-256 berbeda"):
        run(db.session_factory, k.a_atasan, bk.buka_bukti, store, row.id)
    keluar = tmp_path / "keluar"
    keluar.mkdir()
    with pytest.raises(BuktiRusak, match="Pulihkan folder bukti dukung"):
        run(db.session_factory, k.a_pegawai, bk.simpan_bukti_sebagai, store, row.id, keluar)
    assert list(keluar.iterdir()) == []  # not even a partial copy


def test_open_gives_a_checked_copy_not_the_store_file(db, bukti):
    k, store, row = bukti
    path = Path(run(db.session_factory, k.a_atasan, bk.buka_bukti, store, row.id))
    assert path.read_bytes() == PDF and path.name == "Laporan.pdf"
    assert path != store.path_untuk(row.sha256) and store.folder not in path.parents
    path.write_bytes(b"diubah penampil")  # a viewer that saves in place spoils only its copy
    assert store.path_untuk(row.sha256).read_bytes() == PDF
