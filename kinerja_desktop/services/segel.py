"""Row seals: a keyed MAC of every row the program writes, kept in ``segel``.

The audit chain tells when the log was edited; the seals tell when the data was. Each seal
is an HMAC over the row's stored values, with a CRC-32 of every column beside it so that
"Periksa integritas" names the field that changed. Per table, the head of the audit chain
keeps the number of seals and the XOR of their MACs, so a row deleted together with its
seal, or an old row written back with its old seal (a replayed password hash), no longer
adds up; the seal's number (the log's last id when it was made) then names the replayed row.
The key comes from the office key (db/kunci.py); without it nobody makes a seal the check
accepts. Rows are sealed once per transaction, at commit (services/audit.py).
"""

from __future__ import annotations

import hashlib
import hmac
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.base import Base
from kinerja_desktop.db.models import AuditLog, Pengaturan
from kinerja_desktop.db.models.akun import Segel

# Not sealed: the log (chained itself), the seals, and the chain head rows in pengaturan
# (they carry their own MAC).
TANPA_SEGEL = {AuditLog.__tablename__, Segel.__tablename__}
AWALAN_KEPALA = "audit/"
LEBAR_KOLOM = 8  # hex characters of each column's MAC


def tabel_bersegel() -> list[Table]:
    return [
        t
        for t in Base.metadata.sorted_tables
        if t.name not in TANPA_SEGEL and len(t.primary_key.columns) == 1
    ]


def _tabel(nama: str) -> Table:
    return Base.metadata.tables[nama]


def _kunci_baris(value: Any) -> str:
    return str(value)


def _bytes_nilai(value: Any) -> bytes:
    if isinstance(value, bytes):
        return b"b" + hashlib.sha256(value).digest()
    return repr(value).encode()


def sidik_baris(tabel: Table, baris: Any) -> tuple[str, bytes]:
    """(column digests, canonical bytes) of one row. The digests (CRC-32, in column order,
    ``LEBAR_KOLOM`` hex characters each) only name the field that changed; what protects the
    row is the keyed MAC over the canonical bytes (``mac_segel``)."""
    kolom = []
    nilai = []
    for col in tabel.columns:
        b = _bytes_nilai(baris[col.name])
        kolom.append(f"{zlib.crc32(b):08x}")
        nilai.append(b)
    return "".join(kolom), b"\x1e".join(nilai)


def mac_segel(kunci: bytes, tabel: str, pk: str, nomor: int, kolom: str, isi: bytes) -> str:
    pesan = f"segel\x1f{tabel}\x1f{pk}\x1f{nomor}\x1f{kolom}\x1f".encode() + isi
    return hmac.digest(kunci, pesan, "sha256")[:16].hex()


@dataclass
class Ringkasan:
    """Per table: how many seals and the XOR of their MACs (kept in the chain head)."""

    jumlah: int = 0
    xor: int = 0

    def tambah(self, mac: str) -> None:
        self.jumlah += 1
        self.xor ^= int(mac, 16)

    def buang(self, mac: str) -> None:
        self.jumlah -= 1
        self.xor ^= int(mac, 16)

    def teks(self) -> list[Any]:
        return [self.jumlah, f"{self.xor:032x}"]

    @classmethod
    def dari(cls, nilai: Any) -> Ringkasan:
        try:
            return cls(int(nilai[0]), int(nilai[1], 16))
        except (TypeError, ValueError, IndexError):
            return cls(-1, 0)


def _baca_baris(conn: Any, tabel: Table, pks: list[Any]) -> Iterator[Any]:
    pk = tabel.primary_key.columns[0]
    for i in range(0, len(pks), 500):
        yield from conn.execute(select(tabel).where(pk.in_(pks[i : i + 500]))).mappings()


def _segel_lama(conn: Any, tabel: str, kunci: list[str]) -> dict[str, str]:
    hasil: dict[str, str] = {}
    for i in range(0, len(kunci), 500):
        stmt = select(Segel.kunci, Segel.mac).where(
            Segel.tabel == tabel, Segel.kunci.in_(kunci[i : i + 500])
        )
        hasil.update(dict(conn.execute(stmt).all()))
    return hasil


def perbarui_segel(
    conn: Any,
    kunci: bytes,
    ringkasan: dict[str, Ringkasan],
    ditulis: dict[str, set[Any]],
    dihapus: dict[str, set[Any]],
    nomor: int,
) -> None:
    """Seal the rows written in this flush (read back as stored) and drop the seals of
    deleted rows, keeping ``ringkasan`` in step."""
    for nama in sorted(set(ditulis) | set(dihapus)):
        tabel = _tabel(nama)
        tulis = sorted(ditulis.get(nama, ()), key=str)
        semua = [_kunci_baris(v) for v in tulis] + [_kunci_baris(v) for v in dihapus.get(nama, ())]
        r = ringkasan.setdefault(nama, Ringkasan())
        lama = _segel_lama(conn, nama, semua)
        for mac in lama.values():
            r.buang(mac)
        if lama:
            conn.execute(delete(Segel).where(Segel.tabel == nama, Segel.kunci.in_(list(lama))))
        baru = []
        for baris in _baca_baris(conn, tabel, tulis):
            pk = _kunci_baris(baris[tabel.primary_key.columns[0].name])
            if nama == Pengaturan.__tablename__ and pk.startswith(AWALAN_KEPALA):
                continue
            kolom, isi = sidik_baris(tabel, baris)
            mac = mac_segel(kunci, nama, pk, nomor, kolom, isi)
            r.tambah(mac)
            baru.append({"tabel": nama, "kunci": pk, "nomor": nomor, "kolom": kolom, "mac": mac})
        if baru:
            conn.execute(insert(Segel), baru)


def segel_semua(conn: Any, kunci: bytes, nomor: int) -> dict[str, Ringkasan]:
    """Seal every row there is (keying a database made before seals, or re-keying)."""
    conn.execute(delete(Segel))
    ringkasan: dict[str, Ringkasan] = {}
    for tabel in tabel_bersegel():
        pk = tabel.primary_key.columns[0]
        ids = list(conn.execute(select(pk)).scalars())
        if tabel.name == Pengaturan.__tablename__:
            ids = [i for i in ids if not str(i).startswith(AWALAN_KEPALA)]
        perbarui_segel(conn, kunci, ringkasan, {tabel.name: set(ids)}, {}, nomor)
        ringkasan.setdefault(tabel.name, Ringkasan())
    return ringkasan


# --- the check ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Temuan:
    """One row found changed outside the program."""

    tabel: str
    kunci: str
    sebab: str
    kolom: tuple[str, ...] = ()

    def teks(self, label: Callable[[str], str] = str) -> str:
        kolom = f", kolom {', '.join(self.kolom)}" if self.kolom else ""
        tempat = f"tabel {self.tabel}, baris {self.kunci}{kolom}"
        return f"{label(self.tabel)} ({tempat}): {self.sebab}"


@dataclass(frozen=True)
class HasilSegel:
    jumlah: int
    temuan: list[Temuan] = field(default_factory=list)
    label: Callable[[str], str] = str  # the table's name for people (services/audit.py)

    @property
    def utuh(self) -> bool:
        return not self.temuan

    @property
    def pesan(self) -> str:
        if self.utuh:
            return f"Segel data utuh ({self.jumlah} baris di {len(tabel_bersegel())} tabel)."
        contoh = "\n".join(f"  - {t.teks(self.label)}" for t in self.temuan[:20])
        lebih = f"\n  … dan {len(self.temuan) - 20} lagi" if len(self.temuan) > 20 else ""
        return (
            f"Data diubah di luar program ({len(self.temuan)} temuan):\n{contoh}{lebih}\n"
            "Pulihkan dari cadangan, atau periksa perubahan itu."
        )


def _kolom_berubah(tabel: Table, tersimpan: str, sekarang: str) -> tuple[str, ...]:
    w = LEBAR_KOLOM
    if len(tersimpan) != len(sekarang):
        return tuple(c.name for c in tabel.columns)
    return tuple(
        c.name
        for i, c in enumerate(tabel.columns)
        if tersimpan[i * w : (i + 1) * w] != sekarang[i * w : (i + 1) * w]
    )


def _periksa_tabel(
    session: Session, kunci: bytes, tabel: Table, ringkasan: Ringkasan | None
) -> tuple[int, list[Temuan], dict[str, int]]:
    conn = session.connection()
    segel: dict[str, tuple[int, str, str]] = {
        k: (n, kol, mac)
        for k, n, kol, mac in conn.execute(
            select(Segel.kunci, Segel.nomor, Segel.kolom, Segel.mac).where(
                Segel.tabel == tabel.name
            )
        )
    }
    temuan: list[Temuan] = []
    hitung = Ringkasan()
    for _n, _kol, mac in segel.values():
        hitung.tambah(mac)
    nomor_sah: dict[str, int] = {}
    jumlah = 0
    pk = tabel.primary_key.columns[0]
    for baris in conn.execute(select(tabel).order_by(pk)).mappings():
        k = _kunci_baris(baris[pk.name])
        if tabel.name == Pengaturan.__tablename__ and k.startswith(AWALAN_KEPALA):
            continue
        jumlah += 1
        ada = segel.pop(k, None)
        if ada is None:
            temuan.append(Temuan(tabel.name, k, "baris ditambahkan di luar program"))
            continue
        n, kol, mac = ada
        sekarang, isi = sidik_baris(tabel, baris)
        if hmac.compare_digest(mac_segel(kunci, tabel.name, k, n, sekarang, isi), mac):
            nomor_sah[k] = n
            continue
        kolom = _kolom_berubah(tabel, kol, sekarang)
        if kolom:
            temuan.append(Temuan(tabel.name, k, "isinya diubah di luar program", kolom))
        else:
            temuan.append(Temuan(tabel.name, k, "segel baris dipalsukan"))
    for k in sorted(segel):
        temuan.append(Temuan(tabel.name, k, "baris dihapus di luar program"))
    selisih = ringkasan is not None and (hitung.jumlah, hitung.xor) != (
        ringkasan.jumlah,
        ringkasan.xor,
    )
    if selisih and not temuan and ringkasan is not None:
        temuan.append(Temuan(tabel.name, "?", _sebab_ringkasan(hitung, ringkasan)))
    return jumlah, temuan, nomor_sah


def _sebab_ringkasan(hitung: Ringkasan, simpan: Ringkasan) -> str:
    if hitung.jumlah < simpan.jumlah:
        return f"{simpan.jumlah - hitung.jumlah} baris dihapus bersama segelnya di luar program"
    if hitung.jumlah > simpan.jumlah:
        return f"{hitung.jumlah - simpan.jumlah} baris ditambahkan bersama segel salinan"
    return "baris lama ditulis kembali bersama segel lamanya (mis. kata sandi lama)"


def _terakhir_diaudit(session: Session, tabel: str) -> dict[str, int]:
    """entitas_id → id of the newest audit entry about it."""
    from sqlalchemy import func

    stmt = (
        select(AuditLog.entitas_id, func.max(AuditLog.id))
        .where(AuditLog.entitas == tabel)
        .group_by(AuditLog.entitas_id)
    )
    return dict(session.execute(stmt).all())


def _cari_putar_ulang(session: Session, tabel: Table, nomor_sah: dict[str, int]) -> list[Temuan]:
    """A replayed row carries a seal older than the newest audit entry about that row."""
    terakhir = _terakhir_diaudit(session, tabel.name)
    if not terakhir:
        return []
    uuid = tabel.c.get("uuid")
    pk = tabel.primary_key.columns[0]
    nama: dict[str, str] = {}
    if uuid is not None:
        nama = {_kunci_baris(i): u for i, u in session.connection().execute(select(pk, uuid))}
    hasil = []
    for k, n in nomor_sah.items():
        if terakhir.get(nama.get(k, k), 0) > n:
            hasil.append(
                Temuan(
                    tabel.name,
                    k,
                    "baris lama ditulis kembali bersama segel lamanya (isi sebelum perubahan "
                    "terakhir yang tercatat di log audit)",
                )
            )
    return hasil


def periksa_segel(
    session: Session, kunci: bytes, ringkasan: dict[str, Ringkasan] | None
) -> HasilSegel:
    """Every sealed table, every row: present, sealed, unchanged; seals add up to the head."""
    jumlah = 0
    temuan: list[Temuan] = []
    for tabel in tabel_bersegel():
        r = (ringkasan or {}).get(tabel.name)
        if ringkasan is not None and r is None:
            r = Ringkasan()
        n, t, nomor_sah = _periksa_tabel(session, kunci, tabel, r)
        if t and t[-1].kunci == "?":
            putar = _cari_putar_ulang(session, tabel, nomor_sah)
            if putar:
                t = t[:-1] + putar
        jumlah += n
        temuan.extend(t)
    return HasilSegel(jumlah, temuan)


def kunci_per_tabel(objs: Iterable[Any]) -> dict[str, set[Any]]:
    """Group flushed ORM objects by table: {table: {primary key value}}."""
    from sqlalchemy import inspect

    hasil: dict[str, set[Any]] = {}
    for obj in objs:
        nama = getattr(obj, "__tablename__", None)
        if nama is None or nama in TANPA_SEGEL:
            continue
        # the identity key is set only after the flush; the primary key already is
        pk = inspect(obj).mapper.primary_key_from_instance(obj)[0]
        if pk is not None:
            hasil.setdefault(nama, set()).add(pk)
    return hasil
