"""Migration 0002: the two old snapshot schemas (SKP, evaluation) become the one versioned schema,
and the forms print exactly what they printed before."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from kinerja_desktop.db.database import SCHEMA_HEAD, _alembic_config, current_revision
from kinerja_desktop.db.models import Evaluasi, Skp
from kinerja_desktop.domain.identitas import SnapshotIdentitas
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import skp as skp_svc
from kinerja_desktop.services.cetak import tulis_cetakan
from kinerja_desktop.services.uow import run
from tests import factories
from tests.data_evaluasi import kantor


def _migrasi(db, arah: str, revisi: str) -> None:
    from alembic import command

    with db.engine.begin() as conn:
        getattr(command, arah)(_alembic_config(conn), revisi)


def _teks(pdf: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def kantor_dicetak(db, session):
    """Kantor with an SKP snapshot and an evaluation for a PNS and a PPPK."""
    k = kantor(session)
    for p in (k.staf, k.pppk):
        skp = k.skp[p.id]
        skp.snapshot = skp_svc.buat_snapshot(session, p.id, k.kasi.id, skp.mulai)
    session.commit()
    ev = {
        p.id: run(
            db.session_factory,
            factories.actor_for(k.kasi),
            sv.buka_evaluasi,
            p.id,
            k.periode["TW1"].id,
        ).evaluasi_id
        for p in (k.staf, k.pppk)
    }
    return k, ev


def _semua_cetakan(db, k, ev) -> list[str]:
    kasi = factories.actor_for(k.kasi)
    out = []
    for p in (k.staf, k.pppk):
        out.append(_teks(run(db.session_factory, kasi, skp_svc.cetak_skp, k.skp[p.id].id)))
        for jenis in (sv.JENIS_CETAK_EVALUASI, sv.JENIS_CETAK_DOKUMEN):
            c = run(db.session_factory, kasi, sv.siapkan_cetak, ev[p.id], jenis)
            buf = io.BytesIO()
            tulis_cetakan(buf, c)
            out.append(_teks(buf.getvalue()))
    return out


def _snapshots(db) -> dict[tuple[str, int], dict]:
    with db.engine.connect() as conn:
        return {
            (tabel, row.id): json.loads(row.snapshot)
            for tabel in ("skp", "evaluasi")
            for row in conn.execute(text(f"SELECT id, snapshot FROM {tabel}"))
        }


def _blok_skp_lama(b: dict | None, pegawai_id: int | None) -> dict | None:
    """An identity block as revision 0001's SKP code wrote it (the roster's fields)."""
    if b is None:
        return None
    return {
        "pegawai_id": pegawai_id,
        "nama_lengkap": b["nama"],
        "nip": b["nip"],
        "status": "PPPK" if b["ppk"] else "PNS",
        "pangkat_golongan": b["pangkat_golongan"],
        "jabatan": b["jabatan"],
        "jenis_jabatan": "FUNGSIONAL",
        "unit_kerja": b["unit_kerja"],
        "unit_kerja_id": 3,
    }


def _tulis_format_lama(db, baru: dict[tuple[str, int], dict]) -> None:
    """Old-format rows by raw SQL: SKP in the roster-field schema with ``diambil_pada``,
    evaluations in the printed-field schema with sorted keys, neither with a version."""
    with db.engine.begin() as conn:
        for (tabel, row_id), snap in baru.items():
            if not snap:
                continue
            if tabel == "skp":
                lama = {
                    "pegawai": _blok_skp_lama(snap["pegawai"], 1),
                    "penilai": _blok_skp_lama(snap["penilai"], 2),
                    "atasan_penilai": _blok_skp_lama(snap["atasan_penilai"], None),
                    "instansi": snap["instansi"],
                    "tempat": snap["tempat"],
                    "diambil_pada": snap["diambil_pada"],
                }
                teks = json.dumps(lama)
            else:
                lama = {k: snap[k] for k in ("pegawai", "penilai", "atasan_penilai")}
                lama |= {"instansi": snap["instansi"], "tempat": snap["tempat"]}
                teks = json.dumps(lama, ensure_ascii=False, sort_keys=True)
            conn.execute(
                text(f"UPDATE {tabel} SET snapshot = :s WHERE id = :id"), {"s": teks, "id": row_id}
            )


def test_upgrade_converts_old_snapshots_and_forms_print_the_same(db, kantor_dicetak):
    k, ev = kantor_dicetak
    sebelum = _semua_cetakan(db, k, ev)
    baru = _snapshots(db)
    _migrasi(db, "downgrade", "0001")
    _tulis_format_lama(db, baru)
    _migrasi(db, "upgrade", "head")
    assert current_revision(db.engine) == SCHEMA_HEAD
    sesudah = _snapshots(db)
    for kunci, snap in baru.items():
        if kunci[0] == "evaluasi" and snap:
            snap = snap | {"diambil_pada": None}  # evaluations did not record the date
        assert sesudah[kunci] == snap, kunci
    assert sesudah[("evaluasi", ev[k.pppk.id])]["pegawai"]["ppk"] is True
    assert _semua_cetakan(db, k, ev) == sebelum


def test_downgrade_gives_back_the_two_old_schemas(db, session, kantor_dicetak):
    k, ev = kantor_dicetak
    baru = _snapshots(db)
    _migrasi(db, "downgrade", "0001")
    lama = _snapshots(db)
    skp = lama[("skp", k.skp[k.pppk.id].id)]
    assert "versi" not in skp
    assert skp["pegawai"]["nama_lengkap"] == baru[("skp", k.skp[k.pppk.id].id)]["pegawai"]["nama"]
    assert skp["pegawai"]["status"] == "PPPK" and skp["pegawai"]["pegawai_id"] == k.pppk.id
    assert skp["penilai"]["pegawai_id"] == k.kasi.id
    evaluasi = lama[("evaluasi", ev[k.staf.id])]
    assert set(evaluasi) == {"pegawai", "penilai", "atasan_penilai", "instansi", "tempat"}
    assert evaluasi["pegawai"] == baru[("evaluasi", ev[k.staf.id])]["pegawai"]
    _migrasi(db, "upgrade", "head")
    assert _snapshots(db) == baru | {
        kunci: snap | {"diambil_pada": None}
        for kunci, snap in baru.items()
        if kunci[0] == "evaluasi" and snap
    }


def test_unknown_version_stops_the_downgrade(db, kantor_dicetak):
    k, _ev = kantor_dicetak
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE skp SET snapshot = :s WHERE id = :id"),
            {"s": json.dumps({"versi": 9}), "id": k.skp[k.staf.id].id},
        )
    with pytest.raises(RuntimeError, match="berversi 9"):
        _migrasi(db, "downgrade", "0001")
    assert current_revision(db.engine) == SCHEMA_HEAD


def test_migrated_rows_read_with_the_one_schema(db, session, kantor_dicetak):
    k, ev = kantor_dicetak
    _migrasi(db, "downgrade", "0001")
    _migrasi(db, "upgrade", "head")
    skp = SnapshotIdentitas.dari_json(session.get(Skp, k.skp[k.staf.id].id).snapshot)
    evaluasi = SnapshotIdentitas.dari_json(session.get(Evaluasi, ev[k.staf.id]).snapshot)
    assert skp.pegawai == evaluasi.pegawai and skp.penilai == evaluasi.penilai
