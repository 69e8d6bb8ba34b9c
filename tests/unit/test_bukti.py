"""Evidence store: dedup, size/type limits, missing/unreadable files, crash-safe writes,
attachments and the refusal to remove evidence a final evaluation relies on."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from pathlib import Path

import pytest

from kinerja_desktop.db.models import BerkasBukti, BuktiDukung
from kinerja_desktop.domain.errors import NotFound, PermissionDenied, StateError, ValidationError
from kinerja_desktop.services import bukti as bk
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services.uow import run
from tests.factories_pemantauan import finalkan, kantor

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _file(tmp_path: Path, nama: str, data: bytes) -> Path:
    p = tmp_path / nama
    p.write_bytes(data)
    return p


def test_store_dedup_and_layout(tmp_path):
    store = bk.BuktiStore(tmp_path / "store")
    a = store.simpan(_file(tmp_path, "a.pdf", PDF))
    b = store.simpan(_file(tmp_path, "salinan.pdf", PDF))
    sha = hashlib.sha256(PDF).hexdigest()
    assert a.sha256 == b.sha256 == sha
    assert a.baru and not b.baru
    assert a.path == tmp_path / "store" / sha[:2] / sha
    assert a.path.read_bytes() == PDF
    files = [p for p in (tmp_path / "store").rglob("*") if p.is_file()]
    assert files == [a.path]  # one copy, no temp files left


def test_store_large_file_streams_correctly(tmp_path):
    data = b"%PDF-1.7\n" + os.urandom(3 * 1024 * 1024 + 123)
    hasil = bk.BuktiStore(tmp_path / "s").simpan(_file(tmp_path, "besar.pdf", data))
    assert hasil.sha256 == hashlib.sha256(data).hexdigest()
    assert hasil.path.read_bytes() == data and hasil.ukuran == len(data)


def test_size_limit(tmp_path):
    store = bk.BuktiStore(tmp_path / "s", batas_ukuran=1000)
    with pytest.raises(bk.BuktiError) as e:
        store.simpan(_file(tmp_path, "besar.pdf", PDF + b"x" * 2000))
    assert "terlalu besar" in str(e.value) and "Batas ukuran" in str(e.value)
    assert not list((tmp_path / "s").rglob("*")) or not any(
        p.is_file() for p in (tmp_path / "s").rglob("*")
    )


@pytest.mark.parametrize(
    ("nama", "data", "kata"),
    [
        ("virus.exe", b"MZ\x90\x00", "tidak diterima"),
        ("tanpa_ekstensi", b"abc", "tidak diterima"),
        ("palsu.pdf", b"<html>not a pdf</html>", "bukan PDF"),
        ("foto.jpg", PNG, "bukan gambar JPEG"),
        ("laporan.docx", PDF, "bukan dokumen Office"),
        ("data.csv", b"a,b\x00\x01", "bukan teks"),
        ("kosong.pdf", b"", "kosong"),
    ],
)
def test_type_checks(tmp_path, nama, data, kata):
    with pytest.raises(bk.BuktiError) as e:
        bk.BuktiStore(tmp_path / "s").simpan(_file(tmp_path, nama, data))
    assert kata in str(e.value)


@pytest.mark.parametrize(
    ("nama", "data"),
    [
        ("foto.png", PNG),
        ("foto.JPG", b"\xff\xd8\xff\xe0" + b"1" * 20),
        ("a.xlsx", b"PK\x03\x04z"),
        ("catatan.txt", b"Rapat tanggal 3 Maret"),
        ("a.pdf", PDF),
    ],
)
def test_accepted_types(tmp_path, nama, data):
    assert bk.BuktiStore(tmp_path / "s").simpan(_file(tmp_path, nama, data)).ukuran == len(data)


def test_missing_and_unreadable_source(tmp_path, monkeypatch):
    store = bk.BuktiStore(tmp_path / "s")
    with pytest.raises(bk.BuktiError) as e:
        store.simpan(tmp_path / "hilang.pdf")
    assert "tidak ditemukan" in str(e.value)
    with pytest.raises(bk.BuktiError) as e:
        store.simpan(tmp_path)
    assert "folder" in str(e.value)
    p = _file(tmp_path, "rahasia.pdf", PDF)
    asli = Path.open

    def ditolak(self, *a, **k):
        if self.name == "rahasia.pdf":
            raise PermissionError(13, "Permission denied")
        return asli(self, *a, **k)

    monkeypatch.setattr(Path, "open", ditolak)
    with pytest.raises(bk.BuktiError) as e:
        store.simpan(p)
    assert "tidak dapat dibaca" in str(e.value) and "akses ditolak" in str(e.value)


def test_crash_during_copy_leaves_no_file(tmp_path, monkeypatch):
    store = bk.BuktiStore(tmp_path / "s")
    src = _file(tmp_path, "a.pdf", PDF + b"y" * (3 * 1024 * 1024))

    def meledak(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(bk.os, "replace", meledak)
    with pytest.raises(bk.BuktiError) as e:
        store.simpan(src)
    assert "tidak ada yang tersimpan" in str(e.value)
    assert not [p for p in (tmp_path / "s").rglob("*") if p.is_file()]


def test_half_written_temp_file_is_not_visible_and_cleaned(db, session, tmp_path, admin):
    store = bk.BuktiStore(tmp_path / "s")
    (tmp_path / "s" / "tmp").mkdir(parents=True)
    sisa = tmp_path / "s" / "tmp" / "masuk-abc.part"
    sisa.write_bytes(b"%PDF half")
    assert store.sisa_sementara() == [sisa]
    assert run(db.session_factory, admin, bk.bersihkan_berkas_yatim, store) == 0
    assert not sisa.exists()


def test_fsync_overlaps_copy_and_precedes_rename(tmp_path, monkeypatch):
    """sinkron=True: write-back starts during the copy (fdatasync every few MiB on a helper
    thread) and the file is fsynced before it gets its real name; sinkron=False: no syncing."""
    data = b"%PDF-1.7\n" + os.urandom(3 * bk._SINKRON_TIAP)
    src = _file(tmp_path, "besar.pdf", data)
    panggilan: list[str] = []
    asli = {n: getattr(os, n) for n in ("fdatasync", "fsync", "replace")}

    def catat(nama):
        def f(*a, **k):
            panggilan.append(nama)
            return asli[nama](*a, **k)

        return f

    for n in asli:
        monkeypatch.setattr(bk.os, n, catat(n))
    hasil = bk.BuktiStore(tmp_path / "s").simpan(src)
    assert hasil.path.read_bytes() == data and hasil.sha256 == hashlib.sha256(data).hexdigest()
    assert "fdatasync" in panggilan
    assert panggilan.index("fsync") < panggilan.index("replace")
    assert panggilan[-2:] == ["fsync", "replace"]

    panggilan.clear()
    bk.BuktiStore(tmp_path / "s2", sinkron=False).simpan(src)
    assert panggilan == ["replace"]


def test_write_back_error_leaves_no_file(tmp_path, monkeypatch):
    src = _file(tmp_path, "a.pdf", b"%PDF-1.7\n" + os.urandom(2 * bk._SINKRON_TIAP))

    def rusak(_fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(bk.os, "fdatasync", rusak)
    with pytest.raises(bk.BuktiError) as e:
        bk.BuktiStore(tmp_path / "s").simpan(src)
    assert "tidak ada yang tersimpan" in str(e.value)
    assert not [p for p in (tmp_path / "s").rglob("*") if p.is_file()]


def test_short_writes_are_completed(tmp_path, monkeypatch):
    data = b"%PDF-1.7\n" + os.urandom(300_000)
    asli = os.write
    monkeypatch.setattr(bk.os, "write", lambda fd, b: asli(fd, bytes(b[:7000])))
    hasil = bk.BuktiStore(tmp_path / "s").simpan(_file(tmp_path, "a.pdf", data))
    monkeypatch.undo()
    assert hasil.path.read_bytes() == data and hasil.sha256 == hashlib.sha256(data).hexdigest()


def _realisasi(db, k, periode_id=None, nilai=3):
    return run(
        db.session_factory,
        k.a_pegawai,
        pm.simpan_realisasi,
        k.iki[0].id,
        periode_id or k.tw1.id,
        nilai,
        hari_ini=date(2025, 4, 2),
    )


def test_attach_open_save_as_remove(db, session, tmp_path):
    k = kantor(session)
    store = bk.BuktiStore(tmp_path / "bukti")
    r = _realisasi(db, k)
    src = _file(tmp_path, "Laporan Januari.pdf", PDF)
    row = run(db.session_factory, k.a_pegawai, bk.lampirkan_berkas, store, src, realisasi_id=r.id)
    assert row.jenis == "BERKAS" and row.nama == "Laporan Januari.pdf" and row.ukuran == len(PDF)
    src.unlink()  # the original may disappear: the store keeps its copy
    path = run(db.session_factory, k.a_atasan, bk.buka_bukti, store, row.id)
    assert Path(path).read_bytes() == PDF
    keluar = tmp_path / "keluar"
    keluar.mkdir()
    out = run(db.session_factory, k.a_pegawai, bk.simpan_bukti_sebagai, store, row.id, keluar)
    assert out == keluar / "Laporan Januari.pdf" and out.read_bytes() == PDF
    tautan = run(
        db.session_factory,
        k.a_pegawai,
        bk.lampirkan_tautan,
        "https://drive.google.com/file/d/abc",
        "Foto kegiatan",
        realisasi_id=r.id,
    )
    assert run(db.session_factory, k.a_pegawai, bk.buka_bukti, store, tautan.id).startswith(
        "https://"
    )
    daftar = run(db.session_factory, k.a_atasan, bk.daftar_bukti, realisasi_id=r.id)
    assert [d.jenis for d in daftar] == ["BERKAS", "TAUTAN"]
    halaman = run(
        db.session_factory, k.a_pegawai, pm.halaman_pemantauan, k.pegawai.id, 2025, k.tw1.id
    )
    assert halaman.baris[0].jumlah_bukti == 2
    run(db.session_factory, k.a_pegawai, bk.hapus_bukti, row.id)
    session.rollback()
    assert session.get(BuktiDukung, row.id) is None
    # blob stays until cleanup
    assert store.path_untuk(row.sha256).exists()
    admin = k.a_pegawai.__class__(nama="op", peran=frozenset({"ADMIN"}))
    assert run(db.session_factory, admin, bk.bersihkan_berkas_yatim, store) == 1
    assert not store.path_untuk(row.sha256).exists()
    session.rollback()
    assert session.get(BerkasBukti, row.sha256) is None


def test_identical_files_share_one_blob(db, session, tmp_path):
    k = kantor(session)
    store = bk.BuktiStore(tmp_path / "bukti")
    r = _realisasi(db, k)
    a = run(
        db.session_factory,
        k.a_pegawai,
        bk.lampirkan_berkas,
        store,
        _file(tmp_path, "a.pdf", PDF),
        realisasi_id=r.id,
    )
    b = run(
        db.session_factory,
        k.a_pegawai,
        bk.lampirkan_berkas,
        store,
        _file(tmp_path, "b.pdf", PDF),
        realisasi_id=r.id,
    )
    assert a.sha256 == b.sha256 and a.id != b.id
    assert session.query(BerkasBukti).count() == 1
    # removing one reference keeps the blob the other uses
    run(db.session_factory, k.a_pegawai, bk.hapus_bukti, a.id)
    admin = k.a_pegawai.__class__(nama="op", peran=frozenset({"ADMIN"}))
    assert run(db.session_factory, admin, bk.bersihkan_berkas_yatim, store) == 0
    assert store.path_untuk(b.sha256).exists()


def test_removal_refused_when_final_evaluation_relies_on_it(db, session, tmp_path):
    k = kantor(session)
    store = bk.BuktiStore(tmp_path / "bukti")
    r = _realisasi(db, k)
    row = run(
        db.session_factory,
        k.a_pegawai,
        bk.lampirkan_berkas,
        store,
        _file(tmp_path, "a.pdf", PDF),
        realisasi_id=r.id,
    )
    finalkan(session, k, k.tw1.id)
    with pytest.raises(StateError) as e:
        run(db.session_factory, k.a_pegawai, bk.hapus_bukti, row.id)
    assert "sudah final" in str(e.value)
    with pytest.raises(StateError):
        run(
            db.session_factory,
            k.a_pegawai,
            bk.lampirkan_tautan,
            "https://x.go.id/a",
            realisasi_id=r.id,
        )
    assert session.get(BuktiDukung, row.id) is not None


def test_permissions_and_link_validation(db, session, tmp_path):
    k = kantor(session)
    store = bk.BuktiStore(tmp_path / "bukti")
    r = _realisasi(db, k)
    src = _file(tmp_path, "a.pdf", PDF)
    with pytest.raises(PermissionDenied):
        run(db.session_factory, k.a_atasan, bk.lampirkan_berkas, store, src, realisasi_id=r.id)
    with pytest.raises(PermissionDenied):
        run(db.session_factory, k.a_lain, bk.daftar_bukti, realisasi_id=r.id)
    for salah in (
        "ftp://server/berkas",
        "drive.google.com/abc",
        "https://",
        "javascript:x",
        "http://tanpa titik",
        "",
    ):
        with pytest.raises(ValidationError):
            run(db.session_factory, k.a_pegawai, bk.lampirkan_tautan, salah, realisasi_id=r.id)
    with pytest.raises(NotFound):
        run(db.session_factory, k.a_pegawai, bk.buka_bukti, store, 999)


def test_missing_blob_gives_clear_message(db, session, tmp_path):
    k = kantor(session)
    store = bk.BuktiStore(tmp_path / "bukti")
    r = _realisasi(db, k)
    row = run(
        db.session_factory,
        k.a_pegawai,
        bk.lampirkan_berkas,
        store,
        _file(tmp_path, "a.pdf", PDF),
        realisasi_id=r.id,
    )
    store.path_untuk(row.sha256).unlink()
    with pytest.raises(NotFound) as e:
        run(db.session_factory, k.a_pegawai, bk.buka_bukti, store, row.id)
    assert "folder bukti dukung" in str(e.value)


def test_size_limit_setting(db, session, tmp_path):
    from kinerja_desktop.db.models import Pengaturan

    k = kantor(session)
    session.add(Pengaturan(kunci=bk.KUNCI_BATAS_UKURAN, nilai="0.0001"))  # ~100 bytes
    session.commit()
    r = _realisasi(db, k)
    with pytest.raises(bk.BuktiError):
        run(
            db.session_factory,
            k.a_pegawai,
            bk.lampirkan_berkas,
            bk.BuktiStore(tmp_path / "b"),
            _file(tmp_path, "a.pdf", PDF + b"z" * 200),
            realisasi_id=r.id,
        )
