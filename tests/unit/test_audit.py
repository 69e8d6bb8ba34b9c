"""Audit log: hash chain tampering (edited with sqlite3 directly), viewer filters, export."""

from __future__ import annotations

import csv
import sqlite3
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from kinerja_desktop.db.models import AuditLog, Pegawai
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.domain.peran import SISTEM, Actor, Peran
from kinerja_desktop.exchange.audit_io import ekspor_audit
from kinerja_desktop.services import audit
from kinerja_desktop.services.uow import run, unit_of_work
from tests import factories as f

BUDI = Actor("budi", 7, None, frozenset({Peran.ADMIN}))


def _isi(db, n=6):
    """n pegawai added by SISTEM, then budi renames each: 2n+1 entries (unit + ...)."""
    with unit_of_work(db.session_factory, SISTEM, "isi") as s:
        u = f.unit(s, "Kecamatan")
        ids = [f.pegawai(s, f"Pegawai {i}", unit_kerja=u).id for i in range(n)]
    for pid in ids:
        with unit_of_work(db.session_factory, BUDI, "ganti jabatan") as s:
            s.get(Pegawai, pid).jabatan = f"Analis {pid}"
    return ids


def _sql(db, path, sql):
    db.engine.dispose()
    con = sqlite3.connect(path)
    con.execute(sql)
    con.commit()
    con.close()


def _cek(db):
    with db.session_factory() as s:
        return audit.periksa_rantai(s)


def test_intact_chain_and_head(db):
    _isi(db)
    hasil = _cek(db)
    assert hasil.utuh and hasil.jumlah == 13
    with db.session_factory() as s:
        kepala = audit.kepala_rantai(s)
        assert kepala.jumlah == 13 and kepala.id_terakhir == 13


def test_update_of_an_entry_is_found(db, tmp_path):
    _isi(db)
    _sql(
        db,
        tmp_path / "kinerja.sqlite",
        "UPDATE audit_log SET perubahan = replace(perubahan, 'Analis', 'Kepala') WHERE id = 9",
    )
    hasil = _cek(db)
    assert not hasil.utuh and hasil.rusak_pada == 9 and "no. 9" in hasil.pesan


def test_deleting_a_middle_entry_is_found(db, tmp_path):
    _isi(db)
    _sql(db, tmp_path / "kinerja.sqlite", "DELETE FROM audit_log WHERE id = 5")
    hasil = _cek(db)
    assert not hasil.utuh and hasil.rusak_pada == 6 and "dihapus" in hasil.pesan


def test_deleting_the_tail_is_found(db, tmp_path):
    _isi(db)
    _sql(db, tmp_path / "kinerja.sqlite", "DELETE FROM audit_log WHERE id >= 11")
    hasil = _cek(db)
    assert not hasil.utuh and "terpotong" in hasil.pesan and hasil.rusak_pada == 11
    # and the program writing more afterwards does not hide it
    with unit_of_work(db.session_factory, SISTEM) as s:
        s.get(Pegawai, 1).jabatan = "Lagi"
    hasil = _cek(db)
    assert not hasil.utuh and hasil.rusak_pada == 11


def test_deleting_tail_and_head_is_found(db, tmp_path):
    _isi(db)
    _sql(db, tmp_path / "kinerja.sqlite", "DELETE FROM audit_log WHERE id >= 11")
    _sql(db, tmp_path / "kinerja.sqlite", "DELETE FROM pengaturan WHERE kunci = 'audit/kepala'")
    hasil = _cek(db)
    assert not hasil.utuh and "hilang" in hasil.pesan


def test_changing_who_made_the_last_entry_is_found(db, tmp_path):
    _isi(db)
    _sql(
        db,
        tmp_path / "kinerja.sqlite",
        "UPDATE audit_log SET nama_pengguna = 'orang lain' WHERE id = 13",
    )
    hasil = _cek(db)
    assert hasil.rusak_pada == 13


def test_integrity_check_combines_pragma_and_chain(db):
    _isi(db, 2)
    with db.session_factory() as s:
        h = audit.periksa_integritas(s, SISTEM)
        assert h.utuh and "ok" in h.pesan_basis_data and "utuh" in h.audit.pesan


def test_viewer_filters(db):
    ids = _isi(db, 4)
    with db.session_factory() as s:
        assert audit.hitung_audit(s, SISTEM) == 9
        semua = audit.cari_audit(s, SISTEM)
        assert [r.id for r in semua] == sorted((r.id for r in semua), reverse=True)
        f_peg = audit.FilterAudit(pegawai_id=ids[1])
        rows = audit.cari_audit(s, SISTEM, f_peg)
        assert {r.aksi for r in rows} == {"TAMBAH", "UBAH"} and len(rows) == 2
        assert rows[0].pegawai_nama == "Pegawai 1, S.E."
        assert "jabatan: Penata Laporan Keuangan → Analis" in rows[0].ringkasan()
        assert audit.hitung_audit(s, SISTEM, audit.FilterAudit(nama_pengguna="budi")) == 4
        assert audit.hitung_audit(s, SISTEM, audit.FilterAudit(entitas="unit_kerja")) == 1
        assert audit.hitung_audit(s, SISTEM, audit.FilterAudit(aksi="UBAH")) == 4
        besok = date.today() + timedelta(days=2)
        assert audit.hitung_audit(s, SISTEM, audit.FilterAudit(dari=besok)) == 0
        kemarin = date.today() - timedelta(days=2)
        assert (
            audit.hitung_audit(
                s, SISTEM, audit.FilterAudit(dari=kemarin, sampai=besok, aksi="TAMBAH")
            )
            == 5
        )
        assert len(audit.cari_audit(s, SISTEM, None, offset=2, limit=3)) == 3
        pil = audit.pilihan_filter(s, SISTEM)
        assert pil.pengguna == ["budi", "sistem"]
        assert ("pegawai", "Pegawai") in pil.entitas and len(pil.pegawai) == 4


def test_viewer_is_admin_only(db):
    pegawai = Actor("x", 1, 1, frozenset({Peran.PEGAWAI, Peran.PENILAI}))
    for fn in (audit.cari_audit, audit.hitung_audit, audit.pilihan_filter):
        with pytest.raises(PermissionDenied):
            run(db.session_factory, pegawai, fn)


def test_export_xlsx_and_csv(db, tmp_path):
    _isi(db, 3)
    with db.session_factory() as s:
        n = ekspor_audit(s, SISTEM, str(tmp_path / "log.xlsx"), audit.FilterAudit(aksi="UBAH"))
        assert n == 3
        ws = load_workbook(tmp_path / "log.xlsx").active
        rows = list(ws.iter_rows(values_only=True))
        assert rows[0][0] == "Log Audit Kinerja Desktop"
        assert rows[2][2] == "Pengguna" and len(rows) == 3 + 3
        assert all(r[3] == "Ubah" for r in rows[3:]) and all(len(r[9]) == 64 for r in rows[3:])
        ekspor_audit(s, SISTEM, str(tmp_path / "log.csv"))
    with open(tmp_path / "log.csv", encoding="utf-8-sig") as fh:
        data = list(csv.reader(fh, delimiter=";"))
    assert data[0][0] == "No." and len(data) == 1 + 7


def test_secret_columns_never_logged(db):
    from kinerja_desktop.services import akun

    run(
        db.session_factory,
        SISTEM,
        akun.buat_admin_pertama,
        "operator",
        "Rahasia2025x",
        "Rahasia2025x",
        instansi="A",
        tempat="B",
    )
    with db.session_factory() as s:
        log = s.scalar(select(AuditLog).where(AuditLog.entitas == "akun"))
        assert '"password_hash": [null, "***"]' in log.perubahan


def test_child_records_are_filed_under_their_pegawai(db):
    """An RHK has no pegawai_id; its entry is found through its SKP (the viewer's filter)."""
    from kinerja_desktop.db.models import RencanaHasilKerja, Skp

    with unit_of_work(db.session_factory, SISTEM) as s:
        p = f.pegawai(s, "Ani")
        skp = Skp(
            pegawai_id=p.id,
            tahun=2025,
            mulai=date(2025, 1, 1),
            selesai=date(2025, 12, 31),
            pendekatan="KUANTITATIF",
        )
        s.add(skp)
        s.flush()
        s.add(RencanaHasilKerja(skp_id=skp.id, uraian="Laporan keuangan tepat waktu"))
        pid = p.id
    with unit_of_work(db.session_factory, SISTEM) as s:
        rhk = s.scalar(select(RencanaHasilKerja))
        s.delete(rhk)
    with db.session_factory() as s:
        rows = audit.cari_audit(s, SISTEM, audit.FilterAudit(entitas="rencana_hasil_kerja"))
        assert [(r.aksi, r.pegawai_id) for r in rows] == [("HAPUS", pid), ("TAMBAH", pid)]
        assert audit.hitung_audit(s, SISTEM, audit.FilterAudit(pegawai_id=pid)) == 4


def test_integrity_check_covers_the_evidence_store(db, tmp_path, akun_cli):
    from kinerja_desktop.cli import main
    from kinerja_desktop.db.models import BerkasBukti
    from kinerja_desktop.services.bukti import BuktiStore

    store = BuktiStore(db.folder_bukti)
    with unit_of_work(db.session_factory, SISTEM) as s:
        for i in range(3):
            b = store.simpan_bytes(f"bukti{i}.pdf", b"%PDF-1.4\n" + bytes([i]) * 5000)
            s.add(BerkasBukti(sha256=b.sha256, ukuran=b.ukuran, mime=b.mime))
    with db.session_factory() as s:
        h = audit.periksa_integritas(s, SISTEM, db.folder_bukti)
        assert h.utuh and h.bukti.jumlah == 3 and "utuh (3 berkas)" in h.bukti.pesan
        shas = sorted(x.sha256 for x in s.scalars(select(BerkasBukti)))
    store.path_untuk(shas[0]).unlink()
    p = store.path_untuk(shas[1])
    p.write_bytes(p.read_bytes()[:-1] + b"X")  # same size, other content
    with db.session_factory() as s:
        h = audit.periksa_integritas(s, SISTEM, db.folder_bukti)
    assert not h.utuh and h.bukti.hilang == [shas[0]] and h.bukti.berubah == [shas[1]]
    assert "1 hilang" in h.bukti.pesan and "1 isinya berubah" in h.bukti.pesan
    akun_cli(db)
    db.close()
    assert main(["check", "--db", str(db.path)]) == 4
