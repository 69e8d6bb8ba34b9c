"""Printing use cases shared by the printed documents: the one table of document builders that
verification rebuilds, verifying a printout, and batch printing of a unit's evaluation forms.

Batch printing runs in several processes (``proses``, default the number of cores): each worker
opens its own engine from the database URL, only reads, and renders its share of pegawai into
one PDF each in a work folder; the parent records the verification codes (it is the only
writer, so SQLite never sees two writers) and merges or moves the PDFs in the batch's order.
Memory stays flat: workers render one document at a time, the parent streams each PDF into the
output (``reports.batch.PenggabungPdf``). Nothing half-written is left in the output folder: all
output goes to a work folder in the system's temporary folder and is moved into place only when
the whole batch is done; a cancel or an error removes it, and the work folders of a batch that
was killed are removed by the next batch.
"""

from __future__ import annotations

import errno
import json
import math
import multiprocessing
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kinerja_desktop.db.models import DokumenCetak, Evaluasi, Pegawai, Periode, UnitKerja
from kinerja_desktop.domain.errors import NotFound, PermissionDenied
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.tugas import Dibatalkan, StatusTugas
from kinerja_desktop.reports.batch import PenggabungPdf, gabungkan_pdf
from kinerja_desktop.reports.verifikasi import json_kanonik, kode_verifikasi
from kinerja_desktop.services import evaluasi, laporan, organisasi
from kinerja_desktop.services.dokumen import HasilVerifikasi, daftarkan_cetak, perubahan_data
from kinerja_desktop.services.skp import cetak as skp_cetak
from kinerja_desktop.services.uow import unit_of_work
from kinerja_desktop.services.waktu import waktu_kantor

Penyusun = Callable[[Session, str], dict[str, Any] | None]

# jenis -> fn(session, entitas_uuid) -> the document's data as it would print now. Every kind
# that ``daftarkan_cetak`` records must be here, or its printouts cannot be verified.
PENYUSUN_DOKUMEN: Mapping[str, Penyusun] = MappingProxyType(
    {
        skp_cetak.JENIS_DOKUMEN: skp_cetak.data_cetak,
        evaluasi.JENIS_CETAK_EVALUASI: evaluasi.data_cetak_evaluasi,
        evaluasi.JENIS_CETAK_DOKUMEN: evaluasi.data_cetak_dokumen,
        laporan.JENIS_CETAK_REKAP: laporan.data_cetak_rekap,
    }
)

JENIS_SEMUA = (evaluasi.JENIS_CETAK_EVALUASI, evaluasi.JENIS_CETAK_DOKUMEN)

# Starting a worker costs about as much as printing a few pegawai: small batches use fewer.
PEGAWAI_PER_PROSES_MIN = 8


# --- verification -----------------------------------------------------------------------------


def verifikasi_kode(
    session: Session, actor: Actor, kode_dok: str, kode_ver: str
) -> HasilVerifikasi:
    kode_dok, kode_ver = kode_dok.strip().upper(), kode_ver.strip().upper()
    row = session.scalar(
        select(DokumenCetak).where(
            DokumenCetak.kode_dokumen == kode_dok, DokumenCetak.kode_verifikasi == kode_ver
        )
    )
    if row is None:
        return HasilVerifikasi(
            False,
            False,
            f"Kode {kode_dok} / {kode_ver} tidak pernah dicetak dari basis data ini: cetakan "
            "palsu, diubah, atau berasal dari basis data lain.",
            kode_dok,
        )
    tercetak = json.loads(row.data)
    penyusun = PENYUSUN_DOKUMEN.get(row.jenis)
    sekarang = penyusun(session, row.entitas_uuid) if penyusun else None
    if sekarang is None:
        return HasilVerifikasi(
            True, False, "Data dokumen ini sudah tidak ada.", kode_dok, row.jenis
        )
    sekarang = json.loads(json_kanonik(sekarang))
    if kode_verifikasi(sekarang) == kode_ver:
        return HasilVerifikasi(
            True,
            True,
            f"Cetakan {kode_dok} sesuai dengan data saat ini "
            f"(dicetak {waktu_kantor(session, row.dicetak_pada):%d-%m-%Y}).",
            kode_dok,
            row.jenis,
        )
    perubahan = tuple(perubahan_data(tercetak, sekarang))
    return HasilVerifikasi(
        True,
        False,
        f"Cetakan {kode_dok} TIDAK sesuai lagi dengan data saat ini: {len(perubahan)} perubahan.",
        kode_dok,
        row.jenis,
        perubahan,
    )


# --- rendering one evaluation printout --------------------------------------------------------


def tulis_cetakan(
    out: str | os.PathLike[str] | IO[bytes],
    cetakan: evaluasi.CetakanSiap,
    *,
    invariant: bool = False,
) -> int:
    """Render one prepared printout (either evaluation form); returns its page count."""
    if cetakan.jenis == evaluasi.JENIS_CETAK_EVALUASI:
        from kinerja_desktop.reports.evaluasi import cetak_evaluasi

        return cetak_evaluasi(
            out, cetakan.data, cetakan.kode_dokumen, cetakan.kode_verifikasi, invariant=invariant
        )
    from kinerja_desktop.reports.dokumen_evaluasi import cetak_dokumen_evaluasi

    return cetak_dokumen_evaluasi(
        out,
        cetakan.data,
        cetakan.kode_dokumen,
        cetakan.kode_verifikasi,
        emblem=cetakan.emblem,
        invariant=invariant,
    )


# --- batch: what to print ---------------------------------------------------------------------


def _nama_aman(teks: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", teks).strip("_")[:60] or "dokumen"


@dataclass(frozen=True)
class RencanaBatch:
    daftar: tuple[tuple[int, str], ...]  # (evaluasi_id, label for file names), by name
    label_periode: str
    nama_unit: str  # safe for a file name
    judul_unit: str


def daftar_evaluasi_unit(
    session: Session, unit_id: int, periode_id: int, evaluasi_ids: list[int] | None = None
) -> list[tuple[int, str]]:
    """(evaluasi_id, label) of every evaluation in the unit and its sub-units, by name
    (only ``evaluasi_ids`` if given: a selection)."""
    ids = organisasi.sub_unit_ids(session, unit_id)
    rows = session.execute(
        select(Evaluasi.id, Pegawai.nip, Pegawai.nama)
        .join(Pegawai, Pegawai.id == Evaluasi.pegawai_id)
        .where(
            Evaluasi.periode_id == periode_id,
            Pegawai.unit_kerja_id.in_(ids),
            *([Evaluasi.id.in_(evaluasi_ids)] if evaluasi_ids is not None else []),
        )
        .order_by(Pegawai.nama, Pegawai.nip)
    ).all()
    return [(ev_id, f"{nip}_{_nama_aman(nama)}") for ev_id, nip, nama in rows]


def rencana_batch(
    session: Session,
    actor: Actor,
    unit_id: int,
    periode_id: int,
    evaluasi_ids: list[int] | None = None,
) -> RencanaBatch:
    periode = session.get(Periode, periode_id)
    unit = session.get(UnitKerja, unit_id)
    if periode is None or unit is None:
        raise NotFound("Unit kerja atau periode tidak ditemukan.")
    if not laporan.boleh_lihat_unit(session, actor, unit_id, periode):
        raise PermissionDenied("Anda tidak berhak mencetak evaluasi unit ini.")
    return RencanaBatch(
        tuple(daftar_evaluasi_unit(session, unit_id, periode_id, evaluasi_ids)),
        f"{periode.tahun}_{periode.kode}",
        _nama_aman(unit.nama),
        unit.nama,
    )


# --- batch: the workers -----------------------------------------------------------------------


@dataclass(frozen=True)
class TugasCetak:
    """One worker's share: (urutan, evaluasi_id) pairs, rendered into ``kerja``."""

    potongan: tuple[tuple[int, int], ...]
    jenis: tuple[str, ...]
    kerja: str


@dataclass(frozen=True)
class CetakanPegawai:
    urutan: int
    berkas: str  # both forms of one pegawai, in the work folder
    halaman: int
    dokumen: int


@dataclass(frozen=True)
class HasilTugas:
    pegawai: tuple[CetakanPegawai, ...]
    catatan: tuple[tuple[str, str, dict[str, Any]], ...]  # (jenis, uuid, data) to record
    pid: int
    puncak_rss_kb: int
    cpu_detik: float  # the worker's processor time so far


def _puncak_rss_kb() -> int:
    """Peak RSS of this process: VmHWM where there is /proc (unlike ru_maxrss it is not
    carried over from the parent process), else ru_maxrss, else 0 (Windows)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for baris in f:
                if baris.startswith("VmHWM:"):
                    return int(baris.split()[1])
    except OSError:
        pass
    try:
        import resource
    except ImportError:
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def cetak_tugas(
    session_factory: sessionmaker[Session], tugas: TugasCetak, batal: Callable[[], bool]
) -> HasilTugas:
    """Render a share of the batch, reading only (codes are computed, not recorded)."""
    kerja = Path(tugas.kerja)
    pegawai: list[CetakanPegawai] = []
    catatan: list[tuple[str, str, dict[str, Any]]] = []
    with session_factory() as s:
        for urutan, ev_id in tugas.potongan:
            if batal():
                raise Dibatalkan()
            ev = s.get(Evaluasi, ev_id)
            if ev is None:
                raise NotFound("Evaluasi sudah dihapus; muat ulang lalu cetak lagi.")
            bagian, halaman = [], 0
            for j in tugas.jenis:
                cetakan = evaluasi.siapkan_cetak_tanpa_cek(s, ev, j, catat=False)
                catatan.append((j, ev.uuid, cetakan.data))
                path = kerja / f"{urutan:06d}_{j}.pdf"
                halaman += tulis_cetakan(str(path), cetakan)
                bagian.append(path)
            berkas = kerja / f"{urutan:06d}.pdf"
            gabungkan_pdf(bagian, berkas)
            for p in bagian:
                p.unlink()
            pegawai.append(CetakanPegawai(urutan, str(berkas), halaman, len(bagian)))
            s.expunge_all()
    return HasilTugas(
        tuple(pegawai), tuple(catatan), os.getpid(), _puncak_rss_kb(), time.process_time()
    )


# A worker process's own session factory and the batch's cancel flag (set by _mulai_pekerja).
_PEKERJA: dict[str, Any] = {}


def _mulai_pekerja(url: str, batal: Any) -> None:
    from kinerja_desktop.db.engine import make_engine, make_session_factory

    _PEKERJA["factory"] = make_session_factory(make_engine(url))
    _PEKERJA["batal"] = batal


def _kerjakan(tugas: TugasCetak) -> HasilTugas:
    return cetak_tugas(_PEKERJA["factory"], tugas, _PEKERJA["batal"].is_set)


def url_basis_data(session_factory: sessionmaker[Session]) -> str | None:
    """The URL another process can open, or None (an in-memory database)."""
    bind = session_factory.kw.get("bind")
    if bind is None:
        return None
    url = bind.url
    if url.drivername.startswith("sqlite") and url.database in (None, "", ":memory:"):
        return None
    return url.render_as_string(hide_password=False)


def _bagi(
    daftar: Sequence[tuple[int, str]], jenis: tuple[str, ...], kerja: Path, ukuran: int
) -> list[TugasCetak]:
    pasangan = [(i, ev_id) for i, (ev_id, _label) in enumerate(daftar)]
    return [
        TugasCetak(tuple(pasangan[a : a + ukuran]), jenis, str(kerja))
        for a in range(0, len(pasangan), ukuran)
    ]


@contextmanager
def _pelaksana(
    session_factory: sessionmaker[Session],
    proses: int,
    tugas: list[TugasCetak],
    state: StatusTugas,
) -> Iterator[Iterator[HasilTugas]]:
    """The shares' results in order: here in this process, or from a spawn pool."""
    url = url_basis_data(session_factory)
    if proses <= 1 or len(tugas) <= 1 or url is None:
        yield (cetak_tugas(session_factory, t, lambda: state.cancelled) for t in tugas)
        return
    ctx = multiprocessing.get_context("spawn")  # the same on Windows, and safe beside Qt threads
    batal = ctx.Event()
    pool = ctx.Pool(min(proses, len(tugas)), initializer=_mulai_pekerja, initargs=(url, batal))
    try:
        yield _tunggu(pool.imap(_kerjakan, tugas), state)
        pool.close()
    except BaseException:
        batal.set()
        pool.terminate()
        raise
    finally:
        pool.join()


def _tunggu(hasil: Any, state: StatusTugas) -> Iterator[HasilTugas]:
    """Results of ``imap`` in order, looking at the cancel flag while waiting for each."""
    while True:
        try:
            yield hasil.next(timeout=0.2)
        except multiprocessing.TimeoutError:
            if state.cancelled:
                raise Dibatalkan() from None
        except StopIteration:
            return


# --- batch: the parent ------------------------------------------------------------------------


@dataclass
class HasilBatch:
    jumlah_pegawai: int = 0
    jumlah_dokumen: int = 0
    jumlah_halaman: int = 0
    berkas: list[str] = field(default_factory=list)
    detik: float = 0.0
    proses: int = 1
    puncak_rss_kb: dict[int, int] = field(default_factory=dict)  # pid -> peak RSS (0: unknown)
    cpu_detik: dict[int, float] = field(default_factory=dict)  # pid -> processor time

    @property
    def dokumen_per_detik(self) -> float:
        return self.jumlah_dokumen / self.detik if self.detik else 0.0


def jumlah_proses(total: int, diminta: int | None, url: str | None) -> int:
    """How many processes print ``total`` pegawai: at most ``diminta`` (default: the cores)."""
    if url is None:  # an in-memory database cannot be opened by another process
        return 1
    diminta = max(1, diminta or os.cpu_count() or 1)
    return max(1, min(diminta, total // PEGAWAI_PER_PROSES_MIN))


def _ukuran_potongan(total: int, proses: int, per_sesi: int) -> int:
    # Several shares per worker keep both busy to the end and the cancel quick.
    return max(1, min(per_sesi, math.ceil(total / (proses * 4)))) if proses > 1 else per_sesi


def cetak_batch(
    state: StatusTugas,
    session_factory: sessionmaker[Session],
    actor: Actor,
    unit_id: int,
    periode_id: int,
    folder_tujuan: str | os.PathLike[str],
    satu_file: bool = False,
    jenis: tuple[str, ...] = JENIS_SEMUA,
    per_sesi: int = 25,
    evaluasi_ids: list[int] | None = None,
    proses: int | None = None,
) -> HasilBatch:
    """Print both forms of every evaluated pegawai of a unit into ``folder_tujuan``: one PDF
    per pegawai, or (``satu_file``) one PDF for the whole unit, in ``proses`` processes.
    Raises :class:`Dibatalkan` when cancelled (nothing is left behind)."""
    mulai = time.perf_counter()
    tujuan = Path(folder_tujuan)
    tujuan.mkdir(parents=True, exist_ok=True)
    with unit_of_work(session_factory, actor) as s:
        rencana = rencana_batch(s, actor, unit_id, periode_id, evaluasi_ids)
    total = len(rencana.daftar)
    proses = jumlah_proses(total, proses, url_basis_data(session_factory))
    hasil = HasilBatch(proses=proses)
    state.progress(0, total, f"Menyiapkan {total} pegawai…")
    staging = _folder_kerja(tujuan)
    kerja = staging / "kerja"
    kerja.mkdir()
    tugas = _bagi(rencana.daftar, jenis, kerja, _ukuran_potongan(total, proses, per_sesi))
    nama_akhir = f"Evaluasi_{rencana.nama_unit}_{rencana.label_periode}.pdf"
    try:
        with (
            open(staging / nama_akhir, "wb") if satu_file else _tanpa_berkas() as gabung_f,
            _pelaksana(session_factory, proses, tugas, state) as semua,
        ):
            penggabung = PenggabungPdf(gabung_f) if gabung_f is not None else None
            for bagian in semua:
                _terima(state, session_factory, actor, rencana, bagian, penggabung, staging, hasil)
            if state.cancelled:
                raise Dibatalkan()
            if penggabung is not None:
                penggabung.selesai(f"Evaluasi Kinerja Pegawai — {rencana.judul_unit}")
                hasil.berkas = [nama_akhir]
        # everything is complete: move it into place
        for nama in hasil.berkas:
            _pindahkan(staging / nama, tujuan / nama)
        hasil.berkas = [str(tujuan / n) for n in hasil.berkas]
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    hasil.detik = time.perf_counter() - mulai
    return hasil


_AWALAN_KERJA = "kinerja-cetak-"
UMUR_KERJA_LAMA_DETIK = 6 * 3600  # a work folder this old belongs to a batch that was killed


def _folder_kerja(tujuan: Path) -> Path:
    """A new work folder outside the output folder; left-overs of killed batches go first
    (in the temporary folder, and the hidden ones older versions made in the output)."""
    induk = Path(tempfile.gettempdir())
    batas = time.time() - UMUR_KERJA_LAMA_DETIK
    for lama in induk.glob(_AWALAN_KERJA + "*"):
        try:
            if lama.is_dir() and lama.stat().st_mtime < batas:
                shutil.rmtree(lama, ignore_errors=True)
        except OSError:
            continue
    for sisa in tujuan.glob("." + _AWALAN_KERJA + "*"):
        if sisa.is_dir():
            shutil.rmtree(sisa, ignore_errors=True)
        else:
            sisa.unlink(missing_ok=True)
    return Path(tempfile.mkdtemp(prefix=_AWALAN_KERJA, dir=induk))


def _pindahkan(asal: Path, akhir: Path) -> None:
    """Into the output folder under its final name in one rename; across disks (a USB
    stick) copied under a hidden name first, so a partial PDF never has its real name."""
    try:
        os.replace(asal, akhir)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
    sementara = akhir.with_name(f".{_AWALAN_KERJA}{akhir.name}.tmp")
    try:
        shutil.copyfile(asal, sementara)
        os.replace(sementara, akhir)
    finally:
        sementara.unlink(missing_ok=True)


@contextmanager
def _tanpa_berkas() -> Iterator[None]:
    yield None


def _terima(
    state: StatusTugas,
    session_factory: sessionmaker[Session],
    actor: Actor,
    rencana: RencanaBatch,
    bagian: HasilTugas,
    penggabung: PenggabungPdf | None,
    staging: Path,
    hasil: HasilBatch,
) -> None:
    """Record one share's codes, then merge or move its PDFs in order."""
    hasil.puncak_rss_kb[bagian.pid] = bagian.puncak_rss_kb
    hasil.cpu_detik[bagian.pid] = bagian.cpu_detik
    with unit_of_work(session_factory, actor, "Cetak massal evaluasi") as s:
        for jenis, uuid, data in bagian.catatan:
            daftarkan_cetak(s, jenis, uuid, data)
    total = len(rencana.daftar)
    for c in bagian.pegawai:
        if state.cancelled:
            raise Dibatalkan()
        label = rencana.daftar[c.urutan][1]
        if penggabung is not None:
            penggabung.tambah(c.berkas)
            os.unlink(c.berkas)
        else:
            nama = f"{label}_{rencana.label_periode}.pdf"
            os.replace(c.berkas, staging / nama)
            hasil.berkas.append(nama)
        hasil.jumlah_pegawai += 1
        hasil.jumlah_dokumen += c.dokumen
        hasil.jumlah_halaman += c.halaman
        n = c.urutan + 1
        state.progress(n, total, f"Mencetak {label.replace('_', ' ')} ({n} dari {total})")
    hasil.puncak_rss_kb[os.getpid()] = _puncak_rss_kb()
    hasil.cpu_detik[os.getpid()] = time.process_time()


__all__ = [
    "JENIS_SEMUA",
    "PENYUSUN_DOKUMEN",
    "HasilBatch",
    "RencanaBatch",
    "cetak_batch",
    "cetak_tugas",
    "daftar_evaluasi_unit",
    "rencana_batch",
    "tulis_cetakan",
    "verifikasi_kode",
]
