"""The roster of pegawai: validation, add/edit, deactivate/reactivate, paged search.

Only ADMIN (operator kepegawaian) may change the roster and read all of it; any other user
reads himself and the pegawai he is (or was) pejabat penilai of, PLT/PLH included
(:func:`organisasi.kondisi_roster`, a subquery, so lists stay filtered and paged in SQL).
The same validation (:func:`normalisasi`) serves the add/edit dialog and the Excel/SIASN
import, so a row refused by one is refused by the other with the same message.

Search works in SQL on every backend: ``Pegawai.nama_cari`` holds a lower-cased copy of the
name (kept in sync here), digits typed with or without spaces search the NIP.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai, UnitKerja
from kinerja_desktop.domain import nip as nip_mod
from kinerja_desktop.domain.enums import (
    JenisJabatan,
    JenisKelamin,
    StatusPegawai,
    parse_jenis_jabatan,
    parse_jenis_kelamin,
    parse_jenjang_fungsional,
    parse_status,
)
from kinerja_desktop.domain.errors import (
    ConflictError,
    NotFound,
    PermissionDenied,
    StateError,
    ValidationError,
)
from kinerja_desktop.domain.golongan import label_pangkat_golongan, parse_golongan
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.tanggal import parse_tanggal
from kinerja_desktop.services.akses import wajib_admin
from kinerja_desktop.services.organisasi import (
    PESAN_ROSTER,
    boleh_lihat_roster,
    kondisi_roster,
    sub_unit_ids,
)

# Field labels, as the dialog shows them and as ValidationError.kolom names them.
LABEL = {
    "nip": "NIP",
    "nama": "Nama",
    "gelar_depan": "Gelar Depan",
    "gelar_belakang": "Gelar Belakang",
    "tanggal_lahir": "Tanggal Lahir",
    "jenis_kelamin": "Jenis Kelamin",
    "status": "Status",
    "golongan": "Golongan",
    "jabatan": "Jabatan",
    "jenis_jabatan": "Jenis Jabatan",
    "jenjang": "Jenjang",
    "unit_kerja_id": "Unit Kerja",
}
LABEL_ALASAN_BEBAS = "Alasan bebas tugas"  # the edit dialog's field, not a file column
FIELD_DARI_LABEL = {v: k for k, v in LABEL.items()} | {LABEL_ALASAN_BEBAS: "alasan_bebas_tugas"}

ALASAN_NONAKTIF = ("Pensiun", "Mutasi", "Meninggal dunia", "Diberhentikan", "Lainnya")

PANJANG_MAKS = {"nama": 255, "gelar_depan": 64, "gelar_belakang": 128, "jabatan": 255}


_label_pangkat = lru_cache(maxsize=256)(label_pangkat_golongan)

# --- rows ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PegawaiInput:
    """What the add/edit dialog sends: raw values, validated by :func:`normalisasi`."""

    nip: str
    nama: str
    status: str
    golongan: str
    jabatan: str
    jenis_jabatan: str
    unit_kerja_id: int | None
    gelar_depan: str | None = None
    gelar_belakang: str | None = None
    tanggal_lahir: date | str | None = None
    jenis_kelamin: str | None = None
    jenjang: str | None = None
    kepala_unit: bool = False
    pimpinan_unit_mandiri: bool = False  # gets the JPT forms
    # temporary absence (CLTN, Tugas Belajar…; domain.md §2a): None leaves it as stored
    bebas_tugas: bool | None = None
    alasan_bebas_tugas: str | None = None  # kept as the kedudukan hukum

    def raw(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class PegawaiRow:
    id: int
    uuid: str
    nip: str
    nama: str
    gelar_depan: str | None
    gelar_belakang: str | None
    tanggal_lahir: date
    jenis_kelamin: str
    status: str
    golongan: str
    jabatan: str
    jenis_jabatan: str
    jenjang: str | None
    unit_kerja_id: int
    unit_kerja: str
    kepala_unit: bool
    pimpinan_unit_mandiri: bool
    aktif: bool
    alasan_nonaktif: str | None
    tanggal_nonaktif: date | None
    versi: int
    kedudukan_hukum: str | None = None
    bebas_tugas: bool = False  # away for now: out of SKP duties, boards and distributions
    perlu_dilengkapi: str | None = None  # what an import guessed or left empty

    @property
    def alasan_bebas_tugas(self) -> str | None:
        """The reason of a temporary absence (the form's field of that name)."""
        return self.kedudukan_hukum if self.bebas_tugas else None

    @property
    def nama_lengkap(self) -> str:
        return nama_lengkap(self.gelar_depan, self.nama, self.gelar_belakang)

    @property
    def nip_tampil(self) -> str:
        return nip_mod.format_nip(self.nip)

    @property
    def pangkat_golongan(self) -> str:
        return _label_pangkat(self.golongan, self.status)


@dataclass(frozen=True)
class FilterPegawai:
    """A list query. ``aktif`` None = all; ``status`` empty = all statuses."""

    cari: str = ""
    unit_id: int | None = None  # includes the units below it
    status: tuple[str, ...] = ()
    aktif: bool | None = True
    perlu_dilengkapi: bool = False  # only the worklist: data an import could not read for sure


# --- validation ------------------------------------------------------------------------------

# The parsers are pure and a roster repeats the same few values thousands of times (status,
# golongan, jenis jabatan): cache them so a 10,000-row import validates quickly. Errors are
# not cached (lru_cache does not store exceptions), so every bad row still gets its message.
_status_c = lru_cache(maxsize=512)(parse_status)
_jk_c = lru_cache(maxsize=512)(parse_jenis_kelamin)
_jenis_c = lru_cache(maxsize=1024)(parse_jenis_jabatan)
_jenjang_c = lru_cache(maxsize=2048)(parse_jenjang_fungsional)
_golongan_c = lru_cache(maxsize=1024)(parse_golongan)


def _bisa_cache(value: object) -> bool:
    return isinstance(value, str | int | float | type(None))


def _teks(value: object) -> str | None:
    if value is None:
        return None
    s = " ".join(str(value).split())
    return s or None


def _wajib(value: object, kunci: str, galat: list[ValidationError]) -> str | None:
    s = _teks(value)
    if s is None:
        galat.append(ValidationError(f"{LABEL[kunci]} wajib diisi.", LABEL[kunci]))
        return None
    return _opsional(s, kunci, galat)


def _opsional(value: object, kunci: str, galat: list[ValidationError]) -> str | None:
    s = _teks(value)
    if s is not None and kunci in PANJANG_MAKS and len(s) > PANJANG_MAKS[kunci]:
        galat.append(
            ValidationError(
                f"{LABEL[kunci]} terlalu panjang ({len(s)} karakter; paling banyak "
                f"{PANJANG_MAKS[kunci]}).",
                LABEL[kunci],
            )
        )
    return s


def normalisasi(
    raw: Mapping[str, object], today: date | None = None
) -> tuple[dict[str, object], list[ValidationError]]:
    """Validate the pegawai fields; return (clean values, every error found).

    ``raw`` may hold what a user typed or what a file holds: status "PNS Daerah", golongan
    "Penata Muda Tk. I", jenis kelamin "M", NIP with spaces, dates as text or Excel dates.
    Tanggal lahir and jenis kelamin, when empty, are taken from the NIP. Each error names its
    field in ``kolom`` (see LABEL). The clean dict is complete only when there is no error.
    """
    galat: list[ValidationError] = []
    out: dict[str, object] = {}

    def coba(kunci: str, fn, value: object):
        try:
            return fn(value)
        except ValidationError as exc:
            galat.append(ValidationError(exc.pesan, exc.kolom or LABEL[kunci]))
            return None

    def pilihan_wajib(kunci: str, pesan_kosong: str, kolom: str, cache, parse):
        """A required choice: an error if empty, else parsed (cached for plain strings)."""
        value = raw.get(kunci)
        if _teks(value) is None:
            galat.append(ValidationError(pesan_kosong, kolom))
            return None
        return coba(kunci, cache if _bisa_cache(value) else parse, value)

    status: StatusPegawai | None = pilihan_wajib(
        "status", "Status wajib diisi (PNS, CPNS, atau PPPK).", "Status", _status_c, parse_status
    )
    out["status"] = status.value if status else None

    info = None
    nip_gagal = False
    try:
        out["nip"], info = nip_mod.validate_nomor_induk(
            raw.get("nip"), status or StatusPegawai.PNS, today
        )
    except ValidationError as exc:
        galat.append(ValidationError(exc.pesan, "NIP"))
        nip_gagal = True
        out["nip"] = nip_mod.normalize_nip(raw.get("nip"))

    nama = _wajib(raw.get("nama"), "nama", galat)
    nama_bersih = nama.strip(", ") if nama else None
    out["nama"] = nama_bersih
    out["nama_cari"] = nama_bersih.lower() if nama_bersih else None
    out["gelar_depan"] = _opsional(raw.get("gelar_depan"), "gelar_depan", galat)
    out["gelar_belakang"] = _opsional(raw.get("gelar_belakang"), "gelar_belakang", galat)

    lahir_raw = raw.get("tanggal_lahir")
    lahir: date | None = None
    if lahir_raw is not None and not (isinstance(lahir_raw, str) and not lahir_raw.strip()):
        lahir = coba("tanggal_lahir", lambda v: parse_tanggal(v, "Tanggal Lahir"), lahir_raw)
        lahir_ok = lahir is not None
    else:
        lahir_ok = True
    jk_raw = raw.get("jenis_kelamin")
    jk: JenisKelamin | None = None
    jk_ok = True
    if _teks(jk_raw) is not None:
        jk = coba("jenis_kelamin", _jk_c if _bisa_cache(jk_raw) else parse_jenis_kelamin, jk_raw)
        jk_ok = jk is not None
    if info is not None:
        galat.extend(nip_mod.cek_kesesuaian(info, lahir, jk))
        lahir = lahir or (info.tanggal_lahir if lahir_ok else None)
        jk = jk or (info.jenis_kelamin if jk_ok else None)
    elif lahir_ok and lahir is None and not nip_gagal:
        galat.append(ValidationError("Tanggal lahir wajib diisi.", "Tanggal Lahir"))
    if lahir is not None and lahir > (today or date.today()):
        galat.append(ValidationError("Tanggal lahir ada di masa depan.", "Tanggal Lahir"))
    out["tanggal_lahir"] = lahir
    out["jenis_kelamin"] = jk.value if jk else None

    gol = _teks(raw.get("golongan"))
    if gol is None:
        galat.append(ValidationError("Pangkat/golongan wajib diisi.", "Golongan"))
        out["golongan"] = None
    elif status is not None:
        out["golongan"] = coba("golongan", lambda v: _golongan_c(v, status), gol)
    else:
        out["golongan"] = gol

    out["jabatan"] = _wajib(raw.get("jabatan"), "jabatan", galat)
    jenis: JenisJabatan | None = pilihan_wajib(
        "jenis_jabatan",
        "Jenis jabatan wajib diisi.",
        "Jenis Jabatan",
        _jenis_c,
        parse_jenis_jabatan,
    )
    out["jenis_jabatan"] = jenis.value if jenis else None

    out["jenjang"] = None
    if jenis is JenisJabatan.FUNGSIONAL:
        sumber = _teks(raw.get("jenjang")) or out["jabatan"]
        if sumber is None:
            galat.append(
                ValidationError("Jenjang wajib diisi untuk jabatan fungsional.", "Jenjang")
            )
        else:
            try:
                out["jenjang"] = _jenjang_c(sumber).value
            except ValidationError as exc:
                if _teks(raw.get("jenjang")) is None:
                    galat.append(
                        ValidationError(
                            "Jenjang wajib diisi untuk jabatan fungsional (misalnya Ahli "
                            "Pertama, Ahli Muda, Terampil, Mahir).",
                            "Jenjang",
                        )
                    )
                else:
                    galat.append(ValidationError(exc.pesan, "Jenjang"))
    return out, galat


def validasi(raw: Mapping[str, object], today: date | None = None) -> dict[str, object]:
    """Like :func:`normalisasi` but raises the first error."""
    out, galat = normalisasi(raw, today)
    if galat:
        raise galat[0]
    return out


# --- reading ---------------------------------------------------------------------------------


_KOLOM_ROW = (
    Pegawai.id,
    Pegawai.uuid,
    Pegawai.nip,
    Pegawai.nama,
    Pegawai.gelar_depan,
    Pegawai.gelar_belakang,
    Pegawai.tanggal_lahir,
    Pegawai.jenis_kelamin,
    Pegawai.status,
    Pegawai.golongan,
    Pegawai.jabatan,
    Pegawai.jenis_jabatan,
    Pegawai.jenjang,
    Pegawai.unit_kerja_id,
    UnitKerja.nama.label("unit_kerja"),
    Pegawai.kepala_unit,
    Pegawai.pimpinan_unit_mandiri,
    Pegawai.aktif,
    Pegawai.alasan_nonaktif,
    Pegawai.tanggal_nonaktif,
    Pegawai.versi,
    Pegawai.kedudukan_hukum,
    Pegawai.bebas_tugas,
    Pegawai.perlu_dilengkapi,
)


def _row(r: object) -> PegawaiRow:
    return PegawaiRow(*r)  # type: ignore[misc]


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _lingkup(stmt: Select, actor: Actor) -> Select:
    """Only the rows the actor may read (all for the administrator); a pejabat luar kantor is
    not in the office's roster (services/pejabat_luar.py)."""
    stmt = stmt.where(Pegawai.luar.is_(False))
    kondisi = kondisi_roster(actor)
    return stmt if kondisi is None else stmt.where(kondisi)


def _filter(session: Session, stmt: Select, f: FilterPegawai) -> Select:
    cari = (f.cari or "").strip()
    if cari:
        digit = nip_mod.normalize_nip(cari)
        if digit.isdigit():
            # Digits typed with or without the spaces of the printed NIP.
            stmt = stmt.where(Pegawai.nip.like(f"%{digit}%"))
        else:
            for kata in cari.lower().split():
                kata_digit = nip_mod.normalize_nip(kata)
                pola = f"%{_escape_like(kata)}%"
                if kata_digit.isdigit():
                    stmt = stmt.where(Pegawai.nip.like(f"%{kata_digit}%"))
                else:
                    stmt = stmt.where(Pegawai.nama_cari.like(pola, escape="\\"))
    if f.unit_id is not None:
        stmt = stmt.where(Pegawai.unit_kerja_id.in_(sub_unit_ids(session, f.unit_id)))
    if f.status:
        stmt = stmt.where(Pegawai.status.in_(f.status))
    if f.aktif is not None:
        stmt = stmt.where(Pegawai.aktif.is_(f.aktif))
    if f.perlu_dilengkapi:
        stmt = stmt.where(Pegawai.perlu_dilengkapi.is_not(None))
    return stmt


def _urutan(kolom: str, turun: bool) -> list:
    # The sort keys the table may ask for (ui Kolom.urut) -> SQL expression.
    ekspresi = {
        "nip": Pegawai.nip,
        "nama": Pegawai.nama_cari,
        "status": Pegawai.status,
        "golongan": Pegawai.golongan,
        "jabatan": Pegawai.jabatan,
        "unit": UnitKerja.nama,
        "aktif": Pegawai.aktif,
    }.get(kolom, Pegawai.nama_cari)
    utama = ekspresi.desc() if turun else ekspresi.asc()
    return [utama, Pegawai.nama_cari.asc(), Pegawai.id.asc()]


def daftar_pegawai(
    session: Session,
    actor: Actor,
    filter: FilterPegawai | None = None,
    urut: str = "nama",
    turun: bool = False,
    offset: int = 0,
    limit: int | None = 200,
) -> list[PegawaiRow]:
    """One page of the roster the actor may read, filtered and sorted in SQL."""
    stmt: Select = select(*_KOLOM_ROW).join(UnitKerja, Pegawai.unit_kerja_id == UnitKerja.id)
    stmt = _filter(session, _lingkup(stmt, actor), filter or FilterPegawai())
    stmt = stmt.order_by(*_urutan(urut, turun)).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_row(r) for r in session.execute(stmt)]


def hitung_pegawai(
    session: Session,
    actor: Actor,
    filter: FilterPegawai | None = None,
) -> int:
    stmt = select(func.count(Pegawai.id))
    stmt = _filter(session, _lingkup(stmt, actor), filter or FilterPegawai())
    return int(session.scalar(stmt) or 0)


def ambil_pegawai(session: Session, actor: Actor, pegawai_id: int) -> PegawaiRow:
    """One pegawai: for the administrator, the pegawai himself and his pejabat penilai."""
    if not boleh_lihat_roster(session, actor, pegawai_id):
        raise PermissionDenied(PESAN_ROSTER)
    stmt = (
        select(*_KOLOM_ROW)
        .join(UnitKerja, Pegawai.unit_kerja_id == UnitKerja.id)
        .where(Pegawai.id == pegawai_id)
    )
    r = session.execute(stmt).first()
    if r is None:
        raise NotFound("Pegawai tidak ditemukan; mungkin sudah diubah. Muat ulang daftar.")
    return _row(r)


def cari_nip(session: Session, actor: Actor, nip: str) -> PegawaiRow | None:
    """The pegawai with this NIP (None if nobody has it); PermissionDenied as
    :func:`ambil_pegawai` when the actor may not read him."""
    pid = session.scalar(select(Pegawai.id).where(Pegawai.nip == nip_mod.normalize_nip(nip)))
    return ambil_pegawai(session, actor, pid) if pid else None


def jumlah_per_unit(session: Session, actor: Actor, aktif: bool = True) -> dict[int, int]:
    """Pegawai per unit (the unit itself only) for the tree's counts, of those the actor may
    read."""
    stmt = select(Pegawai.unit_kerja_id, func.count(Pegawai.id)).group_by(Pegawai.unit_kerja_id)
    stmt = _lingkup(stmt, actor)
    if aktif:
        stmt = stmt.where(Pegawai.aktif.is_(True))
    return {uid: n for uid, n in session.execute(stmt)}


# --- writing ---------------------------------------------------------------------------------


def _cek_unit(session: Session, unit_id: int | None) -> UnitKerja:
    if unit_id is None:
        raise ValidationError("Unit kerja wajib dipilih.", "Unit Kerja")
    unit = session.get(UnitKerja, unit_id)
    if unit is None:
        raise ValidationError(
            "Unit kerja yang dipilih tidak ada lagi. Pilih unit lain.", "Unit Kerja"
        )
    if not unit.aktif:
        raise ValidationError(
            f"Unit kerja {unit.nama} sudah nonaktif. Pilih unit yang aktif.", "Unit Kerja"
        )
    return unit


def _cek_nip_unik(session: Session, nip: str, kecuali_id: int | None = None) -> None:
    stmt = select(Pegawai.nama, Pegawai.gelar_depan, Pegawai.gelar_belakang, Pegawai.aktif).where(
        Pegawai.nip == nip
    )
    if kecuali_id is not None:
        stmt = stmt.where(Pegawai.id != kecuali_id)
    r = session.execute(stmt).first()
    if r is not None:
        status = "" if r.aktif else " (nonaktif)"
        raise ValidationError(
            f"NIP {nip_mod.format_nip(nip)} sudah dipakai oleh "
            f"{nama_lengkap(r.gelar_depan, r.nama, r.gelar_belakang)}{status}. Satu NIP hanya "
            "untuk satu pegawai; periksa kembali nomornya atau ubah data pegawai tersebut.",
            "NIP",
        )


KOLOM_DATA = (
    "nip",
    "nama",
    "nama_cari",
    "gelar_depan",
    "gelar_belakang",
    "tanggal_lahir",
    "jenis_kelamin",
    "status",
    "golongan",
    "jabatan",
    "jenis_jabatan",
    "jenjang",
)


def tambah_pegawai(
    session: Session,
    actor: Actor,
    data: PegawaiInput,
    atasan_id: int | None = None,
    mulai_atasan: date | None = None,
) -> PegawaiRow:
    """Add a pegawai; optionally set the atasan langsung (DEFINITIF) from ``mulai_atasan``."""
    wajib_admin(actor)
    bersih = validasi(data.raw())
    _cek_unit(session, data.unit_kerja_id)
    _cek_nip_unik(session, bersih["nip"])  # type: ignore[arg-type]
    p = Pegawai(
        unit_kerja_id=data.unit_kerja_id,
        kepala_unit=bool(data.kepala_unit),
        pimpinan_unit_mandiri=bool(data.pimpinan_unit_mandiri),
        **{k: bersih[k] for k in KOLOM_DATA},
    )
    session.add(p)
    session.flush()
    _atur_bebas_tugas(p, data)
    if atasan_id is not None:
        from kinerja_desktop.services.organisasi import tetapkan_penilai
        from kinerja_desktop.services.waktu import hari_ini

        tetapkan_penilai(session, actor, p.id, atasan_id, mulai_atasan or hari_ini(session))
    return ambil_pegawai(session, actor, p.id)


def _get(session: Session, pegawai_id: int, versi: int | None = None) -> Pegawai:
    p = session.get(Pegawai, pegawai_id)
    if p is None:
        raise NotFound("Pegawai tidak ditemukan; mungkin sudah diubah. Muat ulang daftar.")
    if versi is not None and p.versi != versi:
        raise ConflictError(
            "Data pegawai ini telah diubah oleh pengguna lain sejak Anda membukanya. "
            "Tutup formulir, muat ulang, lalu ulangi perubahan Anda."
        )
    return p


def ubah_pegawai(
    session: Session, actor: Actor, pegawai_id: int, data: PegawaiInput, versi: int | None = None
) -> PegawaiRow:
    """Save an edit. ``versi`` is the version the form was opened with (stale → ConflictError)."""
    wajib_admin(actor)
    p = _get(session, pegawai_id, versi)
    bersih = validasi(data.raw())
    if data.unit_kerja_id != p.unit_kerja_id:
        _cek_unit(session, data.unit_kerja_id)
    _cek_nip_unik(session, bersih["nip"], kecuali_id=p.id)  # type: ignore[arg-type]
    for k in KOLOM_DATA:
        if getattr(p, k) != bersih[k]:
            setattr(p, k, bersih[k])
    if p.unit_kerja_id != data.unit_kerja_id:
        p.unit_kerja_id = data.unit_kerja_id  # type: ignore[assignment]
    if p.kepala_unit != bool(data.kepala_unit):
        p.kepala_unit = bool(data.kepala_unit)
    if p.pimpinan_unit_mandiri != bool(data.pimpinan_unit_mandiri):
        p.pimpinan_unit_mandiri = bool(data.pimpinan_unit_mandiri)
    if p.perlu_dilengkapi and (data.jenis_jabatan != "FUNGSIONAL" or bersih["jenjang"]):
        p.perlu_dilengkapi = None  # the operator has checked what the import guessed
    _atur_bebas_tugas(p, data)
    session.flush()
    return ambil_pegawai(session, actor, p.id)


KEDUDUKAN_AKTIF = "Aktif"  # SIASN's KEDUDUKAN HUKUM NAMA of normal duties


def _atur_bebas_tugas(p: Pegawai, data: PegawaiInput) -> None:
    """A temporary absence set by hand (the import sets it from KEDUDUKAN HUKUM): the reason
    is kept as the kedudukan hukum, so the next SIASN import compares like with like."""
    if data.bebas_tugas is None:
        return
    if not data.bebas_tugas:
        if p.bebas_tugas:
            p.bebas_tugas = False
            p.kedudukan_hukum = KEDUDUKAN_AKTIF
        return
    alasan = _teks(data.alasan_bebas_tugas)
    if not alasan:
        raise ValidationError(
            "Pilih atau tulis alasan bebas tugas sementara (mis. CLTN, Tugas Belajar).",
            LABEL_ALASAN_BEBAS,
        )
    if len(alasan) > 64:
        raise ValidationError(
            "Alasan bebas tugas terlalu panjang (maksimal 64 karakter).",
            LABEL_ALASAN_BEBAS,
        )
    if not p.bebas_tugas:
        p.bebas_tugas = True
    if p.kedudukan_hukum != alasan:
        p.kedudukan_hukum = alasan


def nonaktifkan_pegawai(
    session: Session,
    actor: Actor,
    pegawai_id: int,
    alasan: str,
    tanggal: date,
    keterangan: str | None = None,
) -> PegawaiRow:
    """Deactivate (pensiun, mutasi, ...) instead of deleting: the history stays."""
    wajib_admin(actor)
    p = _get(session, pegawai_id)
    if not p.aktif:
        raise StateError("Pegawai ini sudah nonaktif.")
    if alasan not in ALASAN_NONAKTIF:
        raise ValidationError(
            f"Alasan tidak dikenal: {alasan!r}. Pilih: {', '.join(ALASAN_NONAKTIF)}.", "Alasan"
        )
    if tanggal is None:
        raise ValidationError("Tanggal berlaku wajib diisi.", "Tanggal")
    ket = _teks(keterangan)
    if alasan == "Lainnya" and not ket:
        raise ValidationError("Tuliskan keterangan untuk alasan 'Lainnya'.", "Keterangan")
    teks = f"{alasan}: {ket}" if ket else alasan
    p.aktif = False
    p.alasan_nonaktif = teks[:255]
    p.tanggal_nonaktif = tanggal
    session.flush()
    return ambil_pegawai(session, actor, p.id)


def aktifkan_pegawai(session: Session, actor: Actor, pegawai_id: int) -> PegawaiRow:
    wajib_admin(actor)
    p = _get(session, pegawai_id)
    if p.aktif:
        raise StateError("Pegawai ini sudah aktif.")
    unit = session.get(UnitKerja, p.unit_kerja_id)
    if unit is not None and not unit.aktif:
        raise StateError(
            f"Unit kerja {unit.nama} nonaktif. Aktifkan unitnya dulu atau pindahkan pegawai ini "
            "ke unit lain."
        )
    p.aktif = True
    p.alasan_nonaktif = None
    p.tanggal_nonaktif = None
    session.flush()
    return ambil_pegawai(session, actor, p.id)


# --- helpers for other modules ---------------------------------------------------------------


@dataclass(frozen=True)
class RingkasanRoster:
    aktif: int
    nonaktif: int
    per_status: dict[str, int] = field(default_factory=dict)


def ringkasan(session: Session, actor: Actor) -> RingkasanRoster:
    per_status: dict[str, int] = {}
    aktif = nonaktif = 0
    stmt = select(Pegawai.status, Pegawai.aktif, func.count(Pegawai.id)).group_by(
        Pegawai.status, Pegawai.aktif
    )
    stmt = _lingkup(stmt, actor)
    for status, is_aktif, n in session.execute(stmt):
        if is_aktif:
            aktif += n
            per_status[status] = per_status.get(status, 0) + n
        else:
            nonaktif += n
    return RingkasanRoster(aktif, nonaktif, per_status)


__all__ = [
    "ALASAN_NONAKTIF",
    "FilterPegawai",
    "PegawaiInput",
    "PegawaiRow",
    "aktifkan_pegawai",
    "ambil_pegawai",
    "daftar_pegawai",
    "hitung_pegawai",
    "nonaktifkan_pegawai",
    "normalisasi",
    "tambah_pegawai",
    "ubah_pegawai",
    "validasi",
]
