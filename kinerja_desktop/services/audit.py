"""Automatic audit trail: every flushed change becomes a hash-chained log entry.

Recording happens in a Session event, so no service can forget it. The chain
(each entry hashes the previous entry's hash) lets "Periksa integritas" find an
edit made to the database file by another tool.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, func, insert, inspect, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.base import Base, utcnow
from kinerja_desktop.db.models import AuditLog, Pegawai
from kinerja_desktop.domain.peran import SISTEM, Actor

GENESIS = "0" * 64
SKIP_COLUMNS = {"dibuat_pada", "diubah_pada", "versi"}
SECRET_COLUMNS = {"password_hash"}


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return f"<{len(value)} byte sha256:{hashlib.sha256(value).hexdigest()[:16]}>"
    return value


def _column_keys(obj: Base) -> list[str]:
    return [attr.key for attr in inspect(obj).mapper.column_attrs if attr.key not in SKIP_COLUMNS]


def _changes(obj: Base, aksi: str) -> dict[str, list[Any]]:
    state = inspect(obj)
    changes: dict[str, list[Any]] = {}
    for key in _column_keys(obj):
        hist = state.attrs[key].history
        if aksi == "TAMBAH":
            before, after = None, state.attrs[key].value
        elif aksi == "HAPUS":
            before, after = state.attrs[key].value, None
        elif hist.has_changes():
            before = hist.deleted[0] if hist.deleted else None
            after = hist.added[0] if hist.added else None
            if before == after:
                continue
        else:
            continue
        if key in SECRET_COLUMNS:
            before, after = ("***" if before else None), ("***" if after else None)
        changes[key] = [_jsonable(before), _jsonable(after)]
    return changes


def _pegawai_id(obj: Base) -> int | None:
    if isinstance(obj, Pegawai):
        return obj.id
    value = getattr(obj, "pegawai_id", None)
    return value if isinstance(value, int) else None


def entry_hash(prev: str, row: dict[str, Any]) -> str:
    payload = {k: _jsonable(row[k]) for k in sorted(row) if k not in ("id", "hash", "hash_sebelum")}
    blob = prev + json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def _last_hash(session: Session) -> str:
    conn = session.connection()
    last = conn.execute(select(AuditLog.hash).order_by(AuditLog.id.desc()).limit(1)).scalar()
    return last or GENESIS


def _after_flush(session: Session, _ctx: object) -> None:
    actor: Actor = session.info.get("actor") or SISTEM
    keterangan = session.info.get("keterangan")
    pending: list[dict[str, Any]] = []
    for aksi, objs in (("TAMBAH", session.new), ("UBAH", session.dirty), ("HAPUS", session.deleted)):
        for obj in objs:
            if not getattr(obj, "__audit__", False):
                continue
            if aksi == "UBAH" and not session.is_modified(obj, include_collections=False):
                continue
            changes = _changes(obj, aksi)
            if not changes:
                continue
            ident = getattr(obj, "uuid", None) or str(inspect(obj).identity or "")
            pending.append(
                {
                    "waktu": utcnow(),
                    "akun_id": actor.akun_id,
                    "nama_pengguna": actor.nama,
                    "aksi": aksi,
                    "entitas": type(obj).__tablename__,
                    "entitas_id": str(ident),
                    "pegawai_id": _pegawai_id(obj),
                    "perubahan": json.dumps(changes, ensure_ascii=False, sort_keys=True),
                    "keterangan": keterangan,
                }
            )
    if not pending:
        return
    prev = _last_hash(session)
    for row in pending:
        row["hash_sebelum"] = prev
        row["hash"] = prev = entry_hash(prev, row)
    session.connection().execute(insert(AuditLog), pending)


event.listen(Session, "after_flush", _after_flush)


@dataclass(frozen=True)
class HasilIntegritasAudit:
    jumlah: int
    rusak_pada: int | None  # id of the first broken entry
    pesan: str

    @property
    def utuh(self) -> bool:
        return self.rusak_pada is None


def periksa_rantai(session: Session, batch: int = 5000) -> HasilIntegritasAudit:
    """Walk the chain in id order; report the first entry whose hash does not follow."""
    prev = GENESIS
    count = 0
    last_id = 0
    cols = [c for c in AuditLog.__table__.c]
    while True:
        rows = session.execute(
            select(*cols).where(AuditLog.id > last_id).order_by(AuditLog.id).limit(batch)
        ).mappings().all()
        if not rows:
            break
        for row in rows:
            data = dict(row)
            if data["hash_sebelum"] != prev or entry_hash(prev, data) != data["hash"]:
                return HasilIntegritasAudit(
                    count,
                    data["id"],
                    f"Catatan audit no. {data['id']} ({data['waktu']}, {data['entitas']}) tidak "
                    "cocok dengan rantai: basis data diubah di luar program.",
                )
            prev = data["hash"]
            count += 1
            last_id = data["id"]
    return HasilIntegritasAudit(count, None, f"Rantai audit utuh ({count} catatan).")


def jumlah_catatan(session: Session) -> int:
    return session.scalar(select(func.count(AuditLog.id))) or 0
