"""Satu skema snapshot identitas (versi 1) untuk SKP dan evaluasi.

Before: SKP stored each identity block with the roster's fields (``nama_lengkap``, ``status``,
``pegawai_id``, ``jenis_jabatan``, ``unit_kerja_id`` …) and evaluations stored the printed
fields (``nama`` … ``ppk``), neither with a version. After: both store
``{"versi": 1, "pegawai", "penilai", "atasan_penilai", "instansi", "tempat", "diambil_pada"}``
with blocks of the printed fields only. The conversion is written out here (not imported from
the program) so that it stays what it was when the program changes.

Revision ID: 0002
Revises: 0001
"""

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

VERSI = 1
BLOK = ("pegawai", "penilai", "atasan_penilai")


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _baca(teks: str | None) -> dict[str, Any] | None:
    """The stored JSON, or None for text that never read as a snapshot (left as it is)."""
    try:
        data = json.loads(teks or "{}")
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def _blok_baru(b: dict[str, Any] | None) -> dict[str, Any] | None:
    if b is None:
        return None
    ppk = bool(b["ppk"]) if "ppk" in b else (b.get("status") or "") == "PPPK"
    return {
        "nama": b.get("nama") or b.get("nama_lengkap") or "",
        "nip": b.get("nip") or "",
        "pangkat_golongan": b.get("pangkat_golongan") or "",
        "jabatan": b.get("jabatan") or "",
        "unit_kerja": b.get("unit_kerja") or "",
        "ppk": ppk,
    }


def snapshot_baru(lama: dict[str, Any]) -> dict[str, Any]:
    """Either old schema (SKP or evaluation) to version 1."""
    return {
        "versi": VERSI,
        **{k: _blok_baru(lama.get(k)) for k in BLOK},
        "instansi": lama.get("instansi") or "",
        "tempat": lama.get("tempat") or "",
        "diambil_pada": lama.get("diambil_pada"),
    }


def _rows(conn: sa.Connection, tabel: str) -> list[sa.Row]:
    return list(conn.execute(sa.text(f"SELECT id, pegawai_id, penilai_id, snapshot FROM {tabel}")))


def _tulis(conn: sa.Connection, tabel: str, baru: list[dict[str, Any]]) -> None:
    if baru:
        conn.execute(sa.text(f"UPDATE {tabel} SET snapshot = :snapshot WHERE id = :id"), baru)


def upgrade() -> None:
    conn = op.get_bind()
    for tabel in ("skp", "evaluasi"):
        baru = []
        for row in _rows(conn, tabel):
            data = _baca(row.snapshot)
            if not data or "versi" in data:  # not taken yet, unreadable, or already new
                continue
            baru.append({"id": row.id, "snapshot": _dumps(snapshot_baru(data))})
        _tulis(conn, tabel, baru)


# --- back to the two old schemas -------------------------------------------------------------


def _blok_skp(b: dict[str, Any] | None, pegawai: dict[int, sa.Row], pid: int | None):
    """An SKP block of revision 0001. The program of 0001 reads only the printed fields and
    ``status`` (for the NIP label); the rest is filled from the roster where the id is known,
    and a CPNS comes back as PNS (printed the same)."""
    if b is None:
        return None
    p = pegawai.get(pid) if pid is not None else None
    return {
        "pegawai_id": pid,
        "nama_lengkap": b.get("nama") or "",
        "nip": b.get("nip") or "",
        "status": "PPPK" if b.get("ppk") else (p.status if p is not None else "PNS"),
        "pangkat_golongan": b.get("pangkat_golongan") or "",
        "jabatan": b.get("jabatan") or "",
        "jenis_jabatan": p.jenis_jabatan if p is not None else "",
        "unit_kerja": b.get("unit_kerja") or "",
        "unit_kerja_id": p.unit_kerja_id if p is not None else None,
    }


def downgrade() -> None:
    conn = op.get_bind()
    sql = "SELECT id, status, jenis_jabatan, unit_kerja_id FROM pegawai"
    pegawai = {p.id: p for p in conn.execute(sa.text(sql))}
    for tabel in ("skp", "evaluasi"):
        lama = []
        for row in _rows(conn, tabel):
            data = _baca(row.snapshot)
            if not data or "versi" not in data:
                continue
            if data["versi"] != VERSI:
                raise RuntimeError(
                    f"Snapshot {tabel} #{row.id} berversi {data['versi']}; turunkan dulu "
                    "dengan program yang membuatnya."
                )
            out = {k: data.get(k) for k in ("instansi", "tempat")}
            if tabel == "skp":
                ids = {"pegawai": row.pegawai_id, "penilai": row.penilai_id}
                out.update({k: _blok_skp(data.get(k), pegawai, ids.get(k)) for k in BLOK})
                out["diambil_pada"] = data.get("diambil_pada")
            else:
                out.update({k: data.get(k) for k in BLOK})
            lama.append({"id": row.id, "snapshot": _dumps(out)})
        _tulis(conn, tabel, lama)
