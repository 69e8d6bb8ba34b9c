"""Keyed audit and row seals, attacked with sqlite3 the way someone with the file would."""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
import sqlite3
from datetime import date, datetime

import pytest
from sqlalchemy import DateTime, Integer, String, Text, select

from kinerja_desktop.db.base import Base
from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.models import (
    Akun,
    BerkasBukti,
    DokumenCetak,
    Evaluasi,
    EvaluasiPerilaku,
    FrasaUmpanBalik,
    Keberatan,
    LampiranSkp,
    PredikatOrganisasi,
    ProgresHarian,
    PustakaRhk,
    RencanaAksi,
    RiwayatEvaluasi,
    RiwayatSkp,
)
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.services import akun as akun_svc
from kinerja_desktop.services import audit
from kinerja_desktop.services.segel import tabel_bersegel
from kinerja_desktop.services.uow import unit_of_work
from tests import data_evaluasi as de

KUNCI = secrets.token_bytes(32)


def _isi_semua(db) -> None:
    """An office with at least one row in every table the program writes."""
    with unit_of_work(db.session_factory, SISTEM) as s:
        k = de.kantor(s)
        skp = k.skp_staf if hasattr(k, "skp_staf") else None
        s.flush()
        from kinerja_desktop.db.models import Periode, Skp

        skp = skp or s.scalars(select(Skp)).first()
        periode = s.scalars(select(Periode)).first()
        rhk = skp.rhk[0]
        ev = Evaluasi(
            skp_id=skp.id, periode_id=periode.id, pegawai_id=skp.pegawai_id, penilai_id=k.camat.id
        )
        s.add(ev)
        s.flush()
        s.add_all(
            [
                Akun(
                    nama_pengguna="admin", password_hash=akun_svc.hash_password("Kantor#Tebo2025")
                ),
                BerkasBukti(sha256="ab" * 32, ukuran=3, disimpan_pada=datetime(2025, 1, 2)),
                DokumenCetak(
                    kode_dokumen="D1",
                    kode_verifikasi="V1",
                    jenis="SKP",
                    entitas_uuid="u",
                    data="{}",
                ),
                EvaluasiPerilaku(evaluasi_id=ev.id, urutan=1, nilai="SESUAI"),
                FrasaUmpanBalik(kategori="UMUM", teks="Baik sekali"),
                Keberatan(evaluasi_id=ev.id, alasan="Tidak setuju"),
                LampiranSkp(skp_id=skp.id, bagian="SUMBER_DAYA", teks="Laptop"),
                PredikatOrganisasi(unit_kerja_id=k.unit.id, periode_id=periode.id, predikat="BAIK"),
                ProgresHarian(pegawai_id=skp.pegawai_id, tanggal=date(2025, 2, 3), uraian="Rapat"),
                PustakaRhk(jabatan="Analis", uraian_rhk="Laporan", uraian_indikator="Tepat waktu"),
                RencanaAksi(rhk_id=rhk.id, periode_id=periode.id, uraian="Menyusun"),
                RiwayatEvaluasi(evaluasi_id=ev.id, nama_pengguna="camat", aksi="FINAL"),
                RiwayatSkp(skp_id=skp.id, nama_pengguna="camat", ke_status="DISETUJUI"),
            ]
        )
        s.flush()
        from kinerja_desktop.db.models import PengaturanAkun, UmpanBalik, UmpanBalikDibaca

        akun_id = s.scalars(select(Akun.id)).first()
        utas_id = s.scalars(select(UmpanBalik.id)).first()
        s.add(PengaturanAkun(akun_id=akun_id, kunci="ui/tampilan", nilai="beranda"))
        s.add(
            UmpanBalikDibaca(akun_id=akun_id, utas_id=utas_id, dibaca_sampai=datetime(2025, 3, 1))
        )


@pytest.fixture(scope="module")
def berkas_penuh(tmp_path_factory):
    path = tmp_path_factory.mktemp("segel") / "penuh.sqlite"
    db = open_database(f"sqlite:///{path}", kunci_kantor=KUNCI)
    _isi_semua(db)
    db.close()
    return path


@pytest.fixture
def penuh(berkas_penuh, tmp_path):
    path = tmp_path / "kinerja.sqlite"
    shutil.copy(berkas_penuh, path)
    db = open_database(f"sqlite:///{path}", kunci_kantor=KUNCI)
    yield db, path
    db.close()


def _sql(db, path, *sql, params=()):
    db.engine.dispose()
    con = sqlite3.connect(path)
    for q in sql:
        con.execute(q, params)
    con.commit()
    con.close()


def _periksa(db):
    with db.session_factory() as s:
        return audit.periksa_integritas(s, SISTEM)


def _kolom_serangan(nama: str):
    tabel = Base.metadata.tables[nama]
    for col in tabel.columns:
        if col.primary_key or col.foreign_keys:
            continue
        if isinstance(col.type, String | Text):
            return col.name, f"{col.name} = coalesce({col.name}, '') || 'x'"
        if isinstance(col.type, Integer) and col.name != "versi":
            return col.name, f"{col.name} = coalesce({col.name}, 0) + 1"
        if isinstance(col.type, DateTime) and col.name not in ("dibuat_pada", "diubah_pada"):
            return col.name, f"{col.name} = datetime({col.name}, '+1 day')"
    raise AssertionError(nama)


def test_every_table_the_program_writes_has_rows_and_is_sealed(penuh):
    db, path = penuh
    assert _periksa(db).utuh
    con = sqlite3.connect(path)
    for tabel in tabel_bersegel():
        assert con.execute(f"SELECT count(*) FROM {tabel.name}").fetchone()[0] > 0, tabel.name
        n = con.execute("SELECT count(*) FROM segel WHERE tabel = ?", (tabel.name,)).fetchone()[0]
        assert n > 0, tabel.name
    con.close()
    assert len(tabel_bersegel()) == len(Base.metadata.tables) - 2  # all but the log and seals


@pytest.mark.parametrize("nama", sorted(t.name for t in tabel_bersegel()))
def test_sqlite3_edit_of_a_table_is_found_and_named(penuh, nama):
    db, path = penuh
    kolom, ubah = _kolom_serangan(nama)
    pk = Base.metadata.tables[nama].primary_key.columns[0].name
    con = sqlite3.connect(path)
    kunci = con.execute(
        f"SELECT {pk} FROM {nama} WHERE {pk} NOT LIKE 'audit/%' ORDER BY {pk} LIMIT 1"
    ).fetchone()[0]
    con.close()
    _sql(db, path, f"UPDATE {nama} SET {ubah} WHERE {pk} = ?", params=(kunci,))
    hasil = _periksa(db)
    assert not hasil.utuh and hasil.audit.utuh  # the log was not touched: the seal tells
    (temuan,) = hasil.data.temuan
    assert (temuan.tabel, temuan.kunci, temuan.kolom) == (nama, str(kunci), (kolom,))
    assert f"tabel {nama}, baris {kunci}, kolom {kolom}" in hasil.ringkasan


def test_admin_made_of_an_account_and_foreign_hash_are_named(penuh):
    db, path = penuh
    lain = akun_svc.hash_password("Rahasia#Penyerang1")
    _sql(
        db,
        path,
        "UPDATE akun SET peran = 'ADMIN', password_hash = ? WHERE nama_pengguna = 'admin'",
        params=(lain,),
    )
    (temuan,) = _periksa(db).data.temuan
    assert temuan.tabel == "akun" and set(temuan.kolom) == {"peran", "password_hash"}


def test_inserted_and_deleted_rows_are_found(penuh):
    db, path = penuh
    _sql(
        db,
        path,
        "INSERT INTO pengaturan (kunci, nilai) VALUES ('kebijakan/kunci_layar_menit', '0')",
        "DELETE FROM frasa_umpan_balik",
    )
    teks = {(t.tabel, t.sebab) for t in _periksa(db).data.temuan}
    assert ("pengaturan", "baris ditambahkan di luar program") in teks
    assert ("frasa_umpan_balik", "baris dihapus di luar program") in teks


def test_row_deleted_with_its_seal_is_found_by_the_head(penuh):
    db, path = penuh
    _sql(
        db,
        path,
        "DELETE FROM keberatan",
        "DELETE FROM segel WHERE tabel = 'keberatan'",
    )
    (temuan,) = _periksa(db).data.temuan
    assert temuan.tabel == "keberatan" and "dihapus bersama segelnya" in temuan.sebab


def test_replayed_password_hash_is_found(penuh):
    """The attacker kept the admin row and its seal from before a password change and writes
    both back (reviving the leaked password)."""
    db, path = penuh
    con = sqlite3.connect(path)
    lama = con.execute("SELECT * FROM akun WHERE nama_pengguna = 'admin'").fetchone()
    segel_lama = con.execute("SELECT * FROM segel WHERE tabel = 'akun'").fetchall()
    con.close()
    with unit_of_work(db.session_factory, SISTEM) as s:
        a = s.scalars(select(Akun)).one()
        a.password_hash = akun_svc.hash_password("Baru#Sekali2026")
    assert _periksa(db).utuh
    kolom = ",".join("?" * len(lama))
    _sql(db, path, "DELETE FROM akun", "DELETE FROM segel WHERE tabel = 'akun'")
    _sql(db, path, f"INSERT INTO akun VALUES ({kolom})", params=lama)
    for baris in segel_lama:
        _sql(db, path, "INSERT INTO segel VALUES (?,?,?,?,?)", params=baris)
    hasil = _periksa(db)
    (temuan,) = hasil.data.temuan
    assert temuan.tabel == "akun" and temuan.kunci == str(lama[0])
    assert "ditulis kembali" in temuan.sebab


def test_forged_seal_is_found(penuh):
    """A script edits a row and writes a seal of its own for another (it has no key)."""
    db, path = penuh
    _sql(db, path, "UPDATE pegawai SET nama = 'Orang Lain' WHERE id = 1")
    _sql(
        db,
        path,
        "UPDATE segel SET mac = '0123456789abcdef0123456789abcdef' "
        "WHERE tabel = 'pegawai' AND kunci = '2'",
    )
    temuan = {(t.kunci, t.sebab, t.kolom) for t in _periksa(db).data.temuan}
    assert temuan == {
        ("1", "isinya diubah di luar program", ("nama",)),
        ("2", "segel baris dipalsukan", ()),
    }


def _entri_ulang(path, kunci):
    """Rewrite entry 5 and recompute the chain and the head as a script would, with ``kunci``
    (None: the old unkeyed SHA-256)."""
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    con.execute("UPDATE audit_log SET nama_pengguna = 'bukan siapa-siapa' WHERE id = 5")
    prev = audit.GENESIS
    for row in con.execute("SELECT * FROM audit_log ORDER BY id").fetchall():
        data = dict(row)
        data["waktu"] = datetime.fromisoformat(data["waktu"])
        h = audit.entry_hash(prev, data, kunci)
        con.execute("UPDATE audit_log SET hash_sebelum=?, hash=? WHERE id=?", (prev, h, row["id"]))
        prev = h
    kepala = json.loads(
        con.execute("SELECT nilai FROM pengaturan WHERE kunci = 'audit/kepala'").fetchone()[0]
    )
    kepala["hash"] = prev
    con.execute(
        "UPDATE pengaturan SET nilai = ? WHERE kunci = 'audit/kepala'", (json.dumps(kepala),)
    )
    con.commit()
    con.close()


@pytest.mark.parametrize("kunci", [None, audit.KUNCI_TANPA_KANTOR, b"tebakan"])
def test_recomputed_chain_is_refused(penuh, kunci):
    db, path = penuh
    db.engine.dispose()
    _entri_ulang(path, kunci)
    hasil = _periksa(db)
    assert not hasil.audit.utuh and hasil.audit.rusak_pada == 1
    assert "di luar program" in hasil.audit.pesan


def test_head_edited_is_found(penuh):
    db, path = penuh
    _sql(
        db,
        path,
        "UPDATE pengaturan SET nilai = replace(nilai, '\"jumlah\":', '\"jumlah\":1') "
        "WHERE kunci = 'audit/kepala'",
    )
    hasil = _periksa(db)
    assert not hasil.audit.utuh and "Kepala rantai" in hasil.audit.pesan


def test_writing_under_another_key_is_refused(penuh):
    db, path = penuh
    db.close()
    lain = open_database(f"sqlite:///{path}", kunci_kantor=secrets.token_bytes(32))
    try:
        with pytest.raises(audit.KunciAuditSalah), unit_of_work(lain.session_factory, SISTEM) as s:
            s.scalars(select(Akun)).one().aktif = False
    finally:
        lain.close()


def test_normal_writes_keep_everything_intact(penuh):
    db, _path = penuh
    with unit_of_work(db.session_factory, SISTEM) as s:
        for fr in s.scalars(select(FrasaUmpanBalik)):
            s.delete(fr)
        s.add(FrasaUmpanBalik(kategori="UMUM", teks="Pertahankan"))
        s.scalars(select(Akun)).one().gagal_login = 3
    hasil = _periksa(db)
    assert hasil.utuh, hasil.ringkasan


def test_cli_check_names_the_change(penuh, capsys, akun_cli):
    from kinerja_desktop.cli import main

    db, path = penuh
    akun_cli(db, "operator")  # the command logs in, as every command does
    _sql(db, path, "UPDATE pegawai SET golongan = 'IV/e' WHERE id = 2")
    db.close()
    from kinerja_desktop.services import kunci as kunci_svc

    kunci_svc.ingat_kunci_proses(KUNCI)
    try:
        code = main(["check", "--db", str(path)])
    finally:
        kunci_svc.ingat_kunci_proses(None)
    err = capsys.readouterr().err
    assert code == 3 and "tabel pegawai, baris 2, kolom golongan" in err


def test_database_from_before_keys_is_keyed_after_a_backup(tmp_path):
    """A database written by the unkeyed program (SHA-256 chain, "n|id|hash" head, no seals)
    is keyed at its first open: the backup before migration is made, the chain re-made with
    the key, every row sealed, and an entry says what the old chain looked like."""
    path = tmp_path / "lama.sqlite"
    db = open_database(f"sqlite:///{path}")
    with unit_of_work(db.session_factory, SISTEM) as s:
        de.kantor(s)
    db.close()
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    prev = audit.GENESIS
    rows = con.execute("SELECT * FROM audit_log ORDER BY id").fetchall()
    for row in rows:
        data = dict(row)
        data["waktu"] = datetime.fromisoformat(data["waktu"])
        h = hashlib.sha256((prev + audit._payload(data)).encode()).hexdigest()
        con.execute("UPDATE audit_log SET hash_sebelum=?, hash=? WHERE id=?", (prev, h, row["id"]))
        prev = h
    con.execute(
        "UPDATE pengaturan SET nilai = ? WHERE kunci = 'audit/kepala'",
        (f"{len(rows)}|{rows[-1]['id']}|{prev}",),
    )
    # back to the revision before the seals (0008): its table and the later 0009 tables go
    for tabel in ("segel", "umpan_balik_dibaca", "pengaturan_akun"):
        con.execute(f"DROP TABLE {tabel}")
    con.execute("UPDATE alembic_version SET version_num = '0007'")
    con.commit()
    con.close()
    from kinerja_desktop.services.kunci import buka_dengan_kunci

    db = buka_dengan_kunci(f"sqlite:///{path}", KUNCI)
    try:
        assert db.backup_path is not None and db.backup_path.exists()
        hasil = _periksa(db)
        assert hasil.utuh, hasil.ringkasan
        with db.session_factory() as s:
            (entri,) = audit.cari_audit(s, SISTEM, audit.FilterAudit(aksi="SEGEL"))
        assert "utuh" in entri.ringkasan() and hasil.audit.jumlah == len(rows) + 1
    finally:
        db.close()


def test_head_downgraded_to_the_unkeyed_form_is_not_blessed(penuh):
    """A script rewrites the chain unkeyed and puts back an old-style head, hoping the program
    takes it for a database from before keys and keys the forgery."""
    db, path = penuh
    db.engine.dispose()
    _entri_ulang(path, None)
    con = sqlite3.connect(path)
    n, last, h = con.execute(
        "SELECT count(*), max(id), (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) "
        "FROM audit_log"
    ).fetchone()
    con.execute(
        "UPDATE pengaturan SET nilai = ? WHERE kunci = 'audit/kepala'", (f"{n}|{last}|{h}",)
    )
    con.commit()
    con.close()
    with pytest.raises(audit.KunciAuditSalah), unit_of_work(db.session_factory, SISTEM) as s:
        s.add(FrasaUmpanBalik(kategori="UMUM", teks="Lanjutkan"))
    with db.session_factory() as s, pytest.raises(audit.KunciAuditSalah):
        audit.kunci_rantai(s)
    hasil = _periksa(db)
    assert not hasil.audit.utuh
