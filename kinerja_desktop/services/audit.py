"""Automatic audit trail: every flushed change becomes a keyed, chained log entry.

Recording happens in a Session event, so no service can forget it. The chain
(each entry's HMAC covers the previous one's) lets "Periksa integritas" find an
edit of the log made by another tool; the row seals (services/segel.py), written in the
same flush, find an edit of the data itself.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import chain
from typing import Any, cast

from sqlalchemy import Table, event, func, insert, inspect, select, update
from sqlalchemy.orm import Mapper, Session

from kinerja_desktop.db.base import Base
from kinerja_desktop.db.models import AuditLog, Pegawai, Pengaturan
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.peran import SISTEM, Actor
from kinerja_desktop.domain.tugas import StatusTugas
from kinerja_desktop.domain.zona_waktu import ke_utc
from kinerja_desktop.services.akses import wajib_admin
from kinerja_desktop.services.segel import (
    HasilSegel,
    Ringkasan,
    Temuan,
    kunci_per_tabel,
    perbarui_segel,
    periksa_segel,
    segel_semua,
)
from kinerja_desktop.services.waktu import sekarang_utc, waktu_kantor, zona_kantor

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
        if aksi == "TAMBAH":  # after the INSERT every value is in the instance dict
            before, after = None, state.dict.get(key)
        elif aksi == "HAPUS":
            before, after = state.attrs[key].value, None
        elif (hist := state.attrs[key].history).has_changes():
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


def _pegawai_id(obj: Base, session: Session | None = None, depth: int = 0) -> int | None:
    """The pegawai a record belongs to: its own ``pegawai_id``, else found through its parent
    records (indikator → RHK → SKP, keberatan → evaluasi, ...), so the viewer's pegawai filter
    finds every change about him."""
    if isinstance(obj, Pegawai):
        return obj.id
    value = getattr(obj, "pegawai_id", None)
    if isinstance(value, int):
        return value
    if session is None or depth >= 4:
        return None
    mapper = inspect(obj).mapper
    for col in mapper.columns:
        for fk in col.foreign_keys:
            table = fk.column.table.name
            if table in ("pegawai", "unit_kerja", "akun") or table == _nama_tabel(mapper):
                continue
            key = mapper.get_property_by_column(col).key
            parent_id = getattr(obj, key, None)
            if parent_id is None:
                continue
            cls = _kelas_tabel().get(table)
            parent = session.get(cls, parent_id) if cls is not None else None
            if parent is not None:
                found = _pegawai_id(parent, session, depth + 1)
                if found is not None:
                    return found
    return None


def _nama_tabel(mapper: Mapper[Any]) -> str:
    # every mapped class here is a declarative class on its own Table (no joined/select maps)
    return cast(Table, mapper.local_table).name


def _kelas_tabel() -> dict[str, type]:
    return {_nama_tabel(m): m.class_ for m in Base.registry.mappers}


# The chain and the seals are keyed by a secret derived from the office key
# (services/kunci.py); a session without one (tests, a database opened without signing in)
# uses this public key, which protects against nobody and is refused once a database has
# been keyed with a real one.
KUNCI_TANPA_KANTOR = hashlib.sha256(b"kinerja-desktop/audit/tanpa-kunci-kantor").digest()
INFO_KUNCI = "kunci_audit"


def kunci_audit(session: Session) -> bytes:
    return session.info.get(INFO_KUNCI) or KUNCI_TANPA_KANTOR


def sidik_kunci(kunci: bytes) -> str:
    """A fingerprint of the audit key, kept in the head to refuse writes under another key."""
    return hmac.digest(kunci, b"kinerja-desktop/audit/sidik", "sha256")[:8].hex()


def _payload(row: dict[str, Any]) -> str:
    payload = {k: _jsonable(row[k]) for k in sorted(row) if k not in ("id", "hash", "hash_sebelum")}
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def entry_hash(prev: str, row: dict[str, Any], kunci: bytes | None = None) -> str:
    """HMAC of the entry chained to the previous one; ``kunci`` None: the unkeyed SHA-256
    chain of databases from before the key (read once, when the database is keyed)."""
    blob = (prev + _payload(row)).encode()
    if kunci is None:
        return hashlib.sha256(blob).hexdigest()
    return hmac.new(kunci, blob, "sha256").hexdigest()


# The chain head (count, last id, last hash, key fingerprint, per-table seal sums) is kept in
# a Pengaturan row written in the same transaction as the entries, with its own MAC.
# Deleting the newest entries (truncating the tail) leaves a consistent-looking chain
# behind; the head no longer matches it, so the check finds it.
KUNCI_KEPALA = "audit/kepala"


@dataclass
class KepalaRantai:
    jumlah: int
    id_terakhir: int
    hash: str
    kunci: str | None = None  # fingerprint of the audit key; None: a head from before keys
    tabel: dict[str, Ringkasan] = field(default_factory=dict)
    sah: bool = True  # its MAC checks

    def teks(self, kunci: bytes) -> str:
        isi = {
            "jumlah": self.jumlah,
            "id": self.id_terakhir,
            "hash": self.hash,
            "kunci": self.kunci,
            "tabel": {t: r.teks() for t, r in sorted(self.tabel.items())},
        }
        blob = json.dumps(isi, sort_keys=True, separators=(",", ":"))
        isi["mac"] = hmac.new(kunci, blob.encode(), "sha256").hexdigest()
        return json.dumps(isi, sort_keys=True, separators=(",", ":"))

    @classmethod
    def dari_teks(cls, teks: str | None, kunci: bytes | None = None) -> KepalaRantai | None:
        teks = teks or ""
        if not teks.startswith("{"):  # the unkeyed head: "count|last id|hash"
            try:
                jumlah, id_terakhir, h = teks.split("|")
                return cls(int(jumlah), int(id_terakhir), h)
            except ValueError:
                return None
        try:
            isi = json.loads(teks)
            mac = isi.pop("mac")
            kepala = cls(
                int(isi["jumlah"]),
                int(isi["id"]),
                str(isi["hash"]),
                str(isi["kunci"]),
                {t: Ringkasan.dari(v) for t, v in isi["tabel"].items()},
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        if kunci is not None:
            blob = json.dumps(isi, sort_keys=True, separators=(",", ":")).encode()
            kepala.sah = hmac.compare_digest(hmac.new(kunci, blob, "sha256").hexdigest(), mac)
        return kepala


def _baca_kepala(
    conn: Any, kunci: bytes | None = None, kunci_baris: bool = False
) -> tuple[bool, KepalaRantai | None]:
    """``kunci_baris``: lock the head row (PostgreSQL: concurrent writers append one after the
    other instead of forking the chain; SQLite already serialises writers)."""
    stmt = select(Pengaturan.nilai).where(Pengaturan.kunci == KUNCI_KEPALA)
    row = conn.execute(stmt.with_for_update() if kunci_baris else stmt).first()
    if row is None:
        return False, None
    return True, KepalaRantai.dari_teks(row[0], kunci)


def kepala_rantai(session: Session) -> KepalaRantai | None:
    return _baca_kepala(session.connection(), kunci_audit(session))[1]


def _tulis_kepala(conn: Any, ada: bool, kepala: KepalaRantai, kunci: bytes) -> None:
    nilai = kepala.teks(kunci)
    if ada:
        conn.execute(update(Pengaturan).where(Pengaturan.kunci == KUNCI_KEPALA).values(nilai=nilai))
    else:
        conn.execute(insert(Pengaturan).values(kunci=KUNCI_KEPALA, nilai=nilai))


class KunciAuditSalah(DomainError):
    """The database was keyed with another office key than this session's."""


def _entri(session: Session) -> list[dict[str, Any]]:
    actor: Actor = session.info.get("actor") or SISTEM
    keterangan = session.info.get("keterangan")
    pending: list[dict[str, Any]] = []
    for aksi, objs in (
        ("TAMBAH", session.new),
        ("UBAH", session.dirty),
        ("HAPUS", session.deleted),
    ):
        for obj in objs:
            if not getattr(obj, "__audit__", False):
                continue
            if aksi == "UBAH" and not session.is_modified(obj, include_collections=False):
                continue
            changes = _changes(obj, aksi)
            if not changes:
                continue
            ident = getattr(obj, "uuid", None) or ",".join(
                str(part) for part in inspect(obj).identity or ()
            )
            pending.append(
                {
                    "waktu": sekarang_utc(),  # the one clock (tests inject it)
                    "akun_id": actor.akun_id,
                    "nama_pengguna": actor.nama,
                    "aksi": aksi,
                    "entitas": type(obj).__tablename__,
                    "entitas_id": str(ident),
                    "pegawai_id": _pegawai_id(obj, session),
                    "perubahan": json.dumps(changes, ensure_ascii=False, sort_keys=True),
                    "keterangan": keterangan,
                }
            )
    return pending


INFO_SEGEL = "segel_tertunda"


def _after_flush(session: Session, _ctx: object) -> None:
    pending = _entri(session)
    tersentuh = kunci_per_tabel(
        chain(
            (o for o in chain(session.new, session.dirty) if session.is_modified(o, False)),
            session.deleted,
        )
    )
    # the rows are sealed once per transaction, at commit (_before_commit): a long import
    # flushing row by row pays one read-back per table, not one per flush
    tertunda: dict[str, set[Any]] = session.info.setdefault(INFO_SEGEL, {})
    for tabel, pks in tersentuh.items():
        tertunda.setdefault(tabel, set()).update(pks)
    if not pending:
        return
    conn, ada, kepala, kunci = _kepala_untuk_tulis(session)
    prev = kepala.hash
    for row in pending:
        row["hash_sebelum"] = prev
        row["hash"] = prev = entry_hash(prev, row, kunci)
    conn.execute(insert(AuditLog), pending)
    kepala.id_terakhir = conn.execute(select(func.max(AuditLog.id))).scalar() or 0
    kepala.jumlah += len(pending)
    kepala.hash = prev
    _tulis_kepala(conn, ada, kepala, kunci)


def _kepala_untuk_tulis(session: Session) -> tuple[Any, bool, KepalaRantai, bytes]:
    """The locked head, keyed with this session's key (a new database is keyed now)."""
    kunci = kunci_audit(session)
    conn = session.connection()
    ada, kepala = _baca_kepala(conn, kunci, kunci_baris=True)
    if kepala is None and conn.execute(select(AuditLog.id).limit(1)).first() is None:
        kepala = _kunci_isi(conn, kunci, None)  # a new database: its first write keys it
    elif kepala is None or kepala.kunci is None:
        if kunci != KUNCI_TANPA_KANTOR:
            raise KunciAuditSalah(_PESAN_KEPALA)
        kepala = _kunci_isi(conn, kunci, kepala)
    elif kepala.kunci != sidik_kunci(kunci):
        raise KunciAuditSalah(
            "Basis data ini dilindungi kunci kantor lain; masuk dengan akun kantor ini untuk "
            "mengubahnya. Tidak ada yang disimpan."
        )
    return conn, ada, kepala, kunci


def _before_commit(session: Session) -> None:
    """Seal the rows this transaction wrote (read back as stored) and drop the seals of the
    rows it deleted, in the same transaction."""
    session.flush()  # what commit would flush next: its rows are sealed too
    tertunda: dict[str, set[Any]] = session.info.pop(INFO_SEGEL, {})
    if not tertunda:
        return
    conn, ada, kepala, kunci = _kepala_untuk_tulis(session)
    perbarui_segel(conn, kunci, kepala.tabel, tertunda, {}, kepala.id_terakhir)
    _tulis_kepala(conn, ada, kepala, kunci)


event.listen(Session, "after_flush", _after_flush)
event.listen(Session, "before_commit", _before_commit)
event.listen(Session, "after_soft_rollback", lambda s, _t: s.info.pop(INFO_SEGEL, None))


def _kunci_isi(
    conn: Any, kunci: bytes, lama: KepalaRantai | None, kunci_lama: bytes | None = None
) -> KepalaRantai:
    """Key what the database holds: re-chain the log with the key and seal every row.

    Whatever the file held at this moment is vouched for from now on; the unkeyed chain
    from before is checked first and its verdict written into the keyed log."""
    prev = GENESIS
    count = 0
    rusak: int | None = None
    ubah = []
    cols = list(AuditLog.__table__.c)
    for row in conn.execute(select(*cols).order_by(AuditLog.id)).mappings():
        data = dict(row)
        if rusak is None and (
            data["hash_sebelum"] != prev or entry_hash(prev, data, kunci_lama) != data["hash"]
        ):
            rusak = data["id"]
        prev = data["hash"]
        count += 1
    if rusak is None and lama is not None and (lama.jumlah, lama.hash) != (count, prev):
        rusak = count
    prev_baru = GENESIS
    for row in conn.execute(select(*cols).order_by(AuditLog.id)).mappings():
        data = dict(row)
        h = entry_hash(prev_baru, data, kunci)
        ubah.append({"i": data["id"], "hs": prev_baru, "h": h})
        prev_baru = h
    if ubah:
        from sqlalchemy import bindparam

        conn.execute(
            update(AuditLog)
            .where(AuditLog.id == bindparam("i"))
            .values(hash_sebelum=bindparam("hs"), hash=bindparam("h")),
            ubah,
        )
    id_terakhir = conn.execute(select(func.max(AuditLog.id))).scalar() or 0
    kepala = KepalaRantai(count, id_terakhir, prev_baru, sidik_kunci(kunci))
    if count:
        pesan = "utuh" if rusak is None else f"rusak sejak catatan no. {rusak}"
        entri: dict[str, Any] = {
            "waktu": sekarang_utc(),
            "akun_id": None,
            "nama_pengguna": SISTEM.nama,
            "aksi": "SEGEL",
            "entitas": AuditLog.__tablename__,
            "entitas_id": "*",
            "pegawai_id": None,
            "perubahan": json.dumps(
                {"rantai_sebelum_kunci": [pesan, f"{count} catatan, kini berkunci"]},
                ensure_ascii=False,
            ),
            "keterangan": "Log audit dan data diberi kunci kantor",
            "hash_sebelum": prev_baru,
        }
        h = entri["hash"] = entry_hash(prev_baru, entri, kunci)
        conn.execute(insert(AuditLog), [entri])
        kepala.jumlah += 1
        kepala.hash = h
        kepala.id_terakhir = conn.execute(select(func.max(AuditLog.id))).scalar() or 0
    kepala.tabel = segel_semua(conn, kunci, kepala.id_terakhir)
    return kepala


_PESAN_KEPALA = (
    "Kepala rantai audit tidak berkunci padahal basis data ini memakai kunci kantor: basis "
    "data diubah di luar program. Jalankan Periksa integritas; pulihkan dari cadangan."
)


def kunci_rantai(session: Session, boleh_ulang: bool = False) -> bool:
    """Key the chain and seal the rows if not yet done with this session's key (at open, after
    the backup before migration). ``boleh_ulang``: the database has no office key of its own
    yet (a plain file, or one being converted): an unkeyed or publicly keyed chain is keyed
    now. Otherwise such a chain means someone rewrote it, and nothing is blessed.
    True if it keyed something."""
    kunci = kunci_audit(session)
    conn = session.connection()
    ada, kepala = _baca_kepala(conn, kunci, kunci_baris=True)
    kunci_lama = None
    if kepala is not None and kepala.kunci is not None:
        if kepala.kunci == sidik_kunci(kunci):
            return False
        if kepala.kunci != sidik_kunci(KUNCI_TANPA_KANTOR):
            raise KunciAuditSalah(
                "Basis data ini dilindungi kunci kantor lain; buka dengan masuk memakai akun "
                "kantor ini."
            )
        kunci_lama = KUNCI_TANPA_KANTOR  # a plain database given its office key now
    if (
        not boleh_ulang
        and kunci != KUNCI_TANPA_KANTOR
        and (kepala is not None or conn.execute(select(AuditLog.id).limit(1)).first() is not None)
    ):
        raise KunciAuditSalah(_PESAN_KEPALA)
    _tulis_kepala(conn, ada, _kunci_isi(conn, kunci, kepala, kunci_lama), kunci)
    return True


@dataclass(frozen=True)
class HasilIntegritasAudit:
    jumlah: int
    rusak_pada: int | None  # id of the first broken entry
    pesan: str

    @property
    def utuh(self) -> bool:
        return self.rusak_pada is None


def periksa_rantai(session: Session, batch: int = 5000) -> HasilIntegritasAudit:
    """Walk the chain in id order; report the first entry whose MAC does not follow,
    then compare the end of the chain with the stored head (finds a truncated tail)."""
    kunci = kunci_audit(session)
    prev = GENESIS
    count = 0
    last_id = 0
    cols = [c for c in AuditLog.__table__.c]
    while True:
        rows = (
            session.execute(
                select(*cols).where(AuditLog.id > last_id).order_by(AuditLog.id).limit(batch)
            )
            .mappings()
            .all()
        )
        if not rows:
            break
        for row in rows:
            data = dict(row)
            if data["hash_sebelum"] != prev or entry_hash(prev, data, kunci) != data["hash"]:
                sebab = (
                    "isinya diubah"
                    if data["hash_sebelum"] == prev
                    else "catatan sebelumnya dihapus atau diubah"
                )
                waktu = _waktu(waktu_kantor(session, data["waktu"]))
                return HasilIntegritasAudit(
                    count,
                    data["id"],
                    f"Catatan audit no. {data['id']} ({waktu}, "
                    f"{label_entitas(data['entitas'])}) tidak cocok dengan rantai ({sebab}): "
                    "basis data diubah di luar program.",
                )
            prev = data["hash"]
            count += 1
            last_id = data["id"]
    ada, kepala = _baca_kepala(session.connection(), kunci)
    if ada and (kepala is None or not kepala.sah or kepala.kunci is None):
        return HasilIntegritasAudit(
            count, last_id + 1, "Kepala rantai audit rusak: basis data diubah di luar program."
        )
    if kepala is None:
        if count:
            return HasilIntegritasAudit(
                count,
                last_id,
                "Kepala rantai audit hilang padahal ada catatan audit: basis data diubah di luar "
                "program.",
            )
        return HasilIntegritasAudit(0, None, "Rantai audit utuh (belum ada catatan).")
    if kepala.jumlah != count or kepala.hash != prev or kepala.id_terakhir != last_id:
        if count < kepala.jumlah:
            pesan = (
                f"Rantai audit terpotong: seharusnya {kepala.jumlah} catatan sampai no. "
                f"{kepala.id_terakhir}, tetapi hanya ada {count} catatan"
                + (f" sampai no. {last_id}" if last_id else "")
                + ". Catatan terbaru dihapus di luar program."
            )
        else:
            pesan = (
                f"Akhir rantai audit (no. {last_id}, {count} catatan) tidak cocok dengan kepala "
                f"rantai (no. {kepala.id_terakhir}, {kepala.jumlah} catatan): basis data diubah "
                "di luar program."
            )
        rusak = last_id + 1 if count < kepala.jumlah else last_id
        return HasilIntegritasAudit(count, rusak, pesan)
    return HasilIntegritasAudit(count, None, f"Rantai audit utuh ({count} catatan).")


def periksa_data(session: Session) -> HasilSegel:
    """Every row of every table the program writes against its seal (see services/segel.py)."""
    kunci = kunci_audit(session)
    ada, kepala = _baca_kepala(session.connection(), kunci)
    ringkasan = kepala.tabel if kepala is not None and kepala.sah and kepala.kunci else None
    hasil = periksa_segel(session, kunci, ringkasan)
    temuan = hasil.temuan
    if ringkasan is None and (ada or hasil.jumlah):
        temuan = [*temuan, Temuan("pengaturan", KUNCI_KEPALA, "kepala segel hilang atau rusak")]
    return HasilSegel(hasil.jumlah, temuan, label_entitas)


def jumlah_catatan(session: Session) -> int:
    return session.scalar(select(func.count(AuditLog.id))) or 0


# --- the viewer ------------------------------------------------------------------------------

LABEL_ENTITAS = {
    "akun": "Akun pengguna",
    "pengaturan": "Pengaturan kantor",
    "unit_kerja": "Unit kerja",
    "pegawai": "Pegawai",
    "penugasan_penilai": "Pejabat penilai",
    "skp": "SKP",
    "rencana_hasil_kerja": "Rencana hasil kerja",
    "indikator": "Indikator",
    "ekspektasi_perilaku": "Ekspektasi perilaku",
    "lampiran_skp": "Lampiran SKP",
    "riwayat_skp": "Riwayat SKP",
    "pustaka_rhk": "Pustaka RHK",
    "periode": "Periode",
    "rencana_aksi": "Rencana aksi",
    "realisasi": "Realisasi",
    "berkas_bukti": "Berkas bukti",
    "bukti_dukung": "Bukti dukung",
    "progres_harian": "Progres harian",
    "umpan_balik": "Umpan balik",
    "frasa_umpan_balik": "Frasa umpan balik",
    "evaluasi": "Evaluasi",
    "evaluasi_perilaku": "Evaluasi perilaku",
    "riwayat_evaluasi": "Riwayat evaluasi",
    "predikat_organisasi": "Predikat organisasi",
    "keberatan": "Keberatan",
    "dokumen_cetak": "Dokumen cetak",
}
LABEL_AKSI = {"TAMBAH": "Tambah", "UBAH": "Ubah", "HAPUS": "Hapus"}


def label_entitas(entitas: str) -> str:
    return LABEL_ENTITAS.get(entitas, entitas.replace("_", " ").capitalize())


def _waktu(value: Any) -> str:
    if isinstance(value, datetime):
        return f"{value:%d-%m-%Y %H:%M:%S}"
    return str(value)


@dataclass(frozen=True)
class FilterAudit:
    pegawai_id: int | None = None
    nama_pengguna: str | None = None
    dari: date | None = None  # inclusive, local calendar days
    sampai: date | None = None  # inclusive
    entitas: str | None = None
    aksi: str | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    waktu: datetime
    nama_pengguna: str
    aksi: str
    entitas: str
    entitas_id: str
    pegawai_id: int | None
    pegawai_nama: str | None
    keterangan: str | None
    perubahan: dict[str, list[Any]]
    waktu_kantor: datetime  # ``waktu`` (UTC) in the office's zone, as screens and exports show

    @property
    def entitas_label(self) -> str:
        return label_entitas(self.entitas)

    @property
    def aksi_label(self) -> str:
        return LABEL_AKSI.get(self.aksi, self.aksi)

    def ringkasan(self, maks: int = 6) -> str:
        """One line: ``kolom: lama → baru; ...`` (what a user reads in the table)."""
        bagian = []
        isi = [
            (k, v)
            for k, v in self.perubahan.items()
            if k not in ("id", "uuid")
            and (self.aksi == "UBAH" or v[0] is not None or v[1] is not None)
        ]
        for kolom, (lama, baru) in isi[:maks]:
            if self.aksi == "TAMBAH":
                bagian.append(f"{kolom}: {_nilai(baru)}")
            elif self.aksi == "HAPUS":
                bagian.append(f"{kolom}: {_nilai(lama)}")
            else:
                bagian.append(f"{kolom}: {_nilai(lama)} → {_nilai(baru)}")
        if len(isi) > maks:
            bagian.append(f"… (+{len(isi) - maks} kolom)")
        return "; ".join(bagian)

    def baris_rinci(self) -> list[tuple[str, str, str]]:
        """(kolom, sebelum, sesudah) for the detail panel."""
        return [(k, _nilai(v[0]), _nilai(v[1])) for k, v in self.perubahan.items()]


def _nilai(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    text = str(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _awal_hari_utc(session: Session, d: date) -> datetime:
    """Midnight of a calendar day in the office's zone, as the naive UTC time the log stores."""
    return ke_utc(datetime.combine(d, time.min), zona_kantor(session))


def _terapkan_filter(session: Session, stmt: Any, f: FilterAudit) -> Any:
    if f.pegawai_id is not None:
        stmt = stmt.where(AuditLog.pegawai_id == f.pegawai_id)
    if f.nama_pengguna:
        stmt = stmt.where(AuditLog.nama_pengguna == f.nama_pengguna)
    if f.dari is not None:
        stmt = stmt.where(AuditLog.waktu >= _awal_hari_utc(session, f.dari))
    if f.sampai is not None:
        stmt = stmt.where(AuditLog.waktu < _awal_hari_utc(session, f.sampai + timedelta(days=1)))
    if f.entitas:
        stmt = stmt.where(AuditLog.entitas == f.entitas)
    if f.aksi:
        stmt = stmt.where(AuditLog.aksi == f.aksi)
    return stmt


def hitung_audit(session: Session, actor: Actor, filter: FilterAudit | None = None) -> int:
    wajib_admin(actor)
    stmt = _terapkan_filter(session, select(func.count(AuditLog.id)), filter or FilterAudit())
    return session.scalar(stmt) or 0


def cari_audit(
    session: Session,
    actor: Actor,
    filter: FilterAudit | None = None,
    offset: int = 0,
    limit: int = 200,
) -> list[AuditRow]:
    """One page of entries, newest first, filtered in SQL."""
    wajib_admin(actor)
    stmt = (
        _terapkan_filter(
            session,
            select(AuditLog, Pegawai.nama, Pegawai.gelar_depan, Pegawai.gelar_belakang).outerjoin(
                Pegawai, Pegawai.id == AuditLog.pegawai_id
            ),
            filter or FilterAudit(),
        )
        .order_by(AuditLog.id.desc())
        .offset(offset)
        .limit(limit)
    )
    from kinerja_desktop.domain.nama import nama_lengkap

    hasil = []
    for log, nama, gd, gb in session.execute(stmt):
        try:
            perubahan = json.loads(log.perubahan or "{}")
        except ValueError:
            perubahan = {"(tidak terbaca)": [log.perubahan, None]}
        hasil.append(
            AuditRow(
                log.id,
                log.waktu,
                log.nama_pengguna,
                log.aksi,
                log.entitas,
                log.entitas_id,
                log.pegawai_id,
                nama_lengkap(gd, nama, gb) if nama else None,
                log.keterangan,
                perubahan,
                waktu_kantor(session, log.waktu),
            )
        )
    return hasil


@dataclass(frozen=True)
class PilihanFilter:
    pengguna: list[str]
    entitas: list[tuple[str, str]]  # (entitas, label)
    pegawai: list[tuple[int, str]]  # (id, name) of pegawai that occur in the log


def pilihan_filter(session: Session, actor: Actor) -> PilihanFilter:
    wajib_admin(actor)
    pengguna = list(
        session.scalars(select(AuditLog.nama_pengguna).distinct().order_by(AuditLog.nama_pengguna))
    )
    entitas = [
        (e, label_entitas(e))
        for e in session.scalars(select(AuditLog.entitas).distinct().order_by(AuditLog.entitas))
    ]
    pegawai = [
        (pid, nama)
        for pid, nama in session.execute(
            select(Pegawai.id, Pegawai.nama)
            .where(Pegawai.id.in_(select(AuditLog.pegawai_id).distinct()))
            .order_by(Pegawai.nama_cari)
        )
    ]
    entitas.sort(key=lambda x: x[1])
    return PilihanFilter(pengguna, entitas, pegawai)


@dataclass(frozen=True)
class TabelAudit:
    """The filtered log as a table for export: column names with their width in characters,
    and the rows, read page by page while the caller writes them (inside the same session)."""

    kolom: tuple[tuple[str, int], ...]
    baris: Iterator[list[Any]]
    jumlah: int


KOLOM_EKSPOR_AUDIT: tuple[tuple[str, int], ...] = (
    ("No.", 8),
    ("Waktu", 20),
    ("Pengguna", 18),
    ("Aksi", 9),
    ("Jenis Data", 22),
    ("ID Data", 38),
    ("Pegawai", 30),
    ("Keterangan", 30),
    ("Perubahan (sebelum → sesudah)", 80),
    ("Hash", 66),
)


def tabel_audit(
    session: Session,
    actor: Actor,
    filter: FilterAudit | None = None,
    status: StatusTugas | None = None,
) -> TabelAudit:
    """The filtered log for export (exchange writes the file); ``status`` follows the rows read."""
    wajib_admin(actor)
    f = filter or FilterAudit()
    total = hitung_audit(session, actor, f)

    def baris() -> Iterator[list[Any]]:
        offset = 0
        while True:
            page = cari_audit(session, actor, f, offset, 2000)
            if not page:
                return
            hashes = dict(
                session.execute(
                    select(AuditLog.id, AuditLog.hash).where(AuditLog.id.in_([r.id for r in page]))
                ).all()
            )
            for r in page:
                yield [
                    r.id,
                    _waktu(r.waktu_kantor),
                    r.nama_pengguna,
                    r.aksi_label,
                    r.entitas_label,
                    r.entitas_id,
                    r.pegawai_nama or "",
                    r.keterangan or "",
                    r.ringkasan(99),
                    hashes.get(r.id),
                ]
            offset += len(page)
            if status is not None:
                status.progress(offset, total, f"Mengekspor {offset} dari {total} catatan…")

    return TabelAudit(KOLOM_EKSPOR_AUDIT, baris(), total)


# --- integrity ------------------------------------------------------------------------------


@dataclass(frozen=True)
class HasilBukti:
    jumlah: int
    hilang: list[str]  # sha256 of evidence files missing from the store
    berubah: list[str]  # present but their content no longer matches
    pesan: str

    @property
    def utuh(self) -> bool:
        return not self.hilang and not self.berubah


def periksa_bukti(session: Session, folder: Any) -> HasilBukti:
    """Every evidence file the database knows is in the store with its content unchanged."""
    from pathlib import Path

    from kinerja_desktop.db.models import BerkasBukti
    from kinerja_desktop.services.bukti import BuktiStore

    store = BuktiStore(Path(folder))
    hilang: list[str] = []
    berubah: list[str] = []
    jumlah = 0
    for sha, ukuran in session.execute(
        select(BerkasBukti.sha256, BerkasBukti.ukuran).order_by(BerkasBukti.sha256)
    ):
        jumlah += 1
        masalah = store.periksa(sha, ukuran)  # the plaintext's hash (decrypted if encrypted)
        if masalah == "hilang":
            hilang.append(sha)
        elif masalah is not None:
            berubah.append(sha)
    if not hilang and not berubah:
        pesan = f"Berkas bukti dukung utuh ({jumlah} berkas)."
    else:
        bagian = []
        if hilang:
            bagian.append(f"{len(hilang)} hilang (mis. {hilang[0][:12]}…)")
        if berubah:
            bagian.append(f"{len(berubah)} isinya berubah (mis. {berubah[0][:12]}…)")
        pesan = (
            f"Berkas bukti dukung bermasalah: {', '.join(bagian)} dari {jumlah} berkas, di "
            f"{Path(folder)}. Pulihkan folder bukti dari cadangan."
        )
    return HasilBukti(jumlah, hilang, berubah, pesan)


@dataclass(frozen=True)
class HasilIntegritas:
    basis_data_ok: bool
    pesan_basis_data: str
    audit: HasilIntegritasAudit
    bukti: HasilBukti | None = None
    data: HasilSegel | None = None

    @property
    def utuh(self) -> bool:
        return (
            self.basis_data_ok
            and self.audit.utuh
            and (self.data is None or self.data.utuh)
            and (self.bukti is None or self.bukti.utuh)
        )

    @property
    def ringkasan(self) -> str:
        teks = f"{self.pesan_basis_data}\n{self.audit.pesan}"
        teks += f"\n{self.data.pesan}" if self.data is not None else ""
        return teks + (f"\n{self.bukti.pesan}" if self.bukti is not None else "")


def periksa_struktur(session: Session) -> tuple[bool, str]:
    """SQLite's own check of the file (pages, indexes); a server database checks itself."""
    if session.get_bind().dialect.name != "sqlite":
        return True, "Pemeriksaan berkas hanya untuk SQLite; server basis data memeriksa dirinya."
    rows = [r[0] for r in session.connection().exec_driver_sql("PRAGMA integrity_check")]
    if rows == ["ok"]:
        return True, "Struktur berkas basis data baik (PRAGMA integrity_check: ok)."
    contoh = "; ".join(str(r) for r in rows[:3])
    return False, f"Struktur berkas basis data rusak: {contoh}. Pulihkan dari cadangan."


def periksa_integritas(session: Session, actor: Actor, folder_bukti: Any = None) -> HasilIntegritas:
    """Periksa integritas: the file's structure, the audit chain and (given the folder) the
    evidence store. Any signed-in user may run it: it only reads."""
    ok, pesan = periksa_struktur(session)
    bukti = periksa_bukti(session, folder_bukti) if folder_bukti is not None else None
    return HasilIntegritas(ok, pesan, periksa_rantai(session), bukti, periksa_data(session))
