"""Bukti dukung: the evidence store and the attachments of realisasi and daily progress.

Files are copied into the program's own folder (``Database.folder_bukti``) under
``<sha256[:2]>/<sha256>``, so moving or deleting the original never loses them and an identical
file is kept once. The copy is streamed and hashed in one pass (the SHA-256 on a helper thread),
written to a temporary file, fsynced (write-back started during the copy) and moved into place
with ``os.replace``: a crash never leaves a half file under a real name.
Links (http/https) are stored as TAUTAN rows without a file.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

from sqlalchemy import select, union
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import (
    BerkasBukti,
    BuktiDukung,
    Indikator,
    Keberatan,
    Pengaturan,
    Periode,
    ProgresHarian,
    Realisasi,
    RencanaHasilKerja,
    Skp,
)
from kinerja_desktop.domain.angka import format_angka
from kinerja_desktop.domain.errors import DomainError, NotFound, StateError, ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services.akses import wajib_baca_pemantauan
from kinerja_desktop.services.bukti_aman import folder_buka, salin_terperiksa, tujuan_di_folder
from kinerja_desktop.services.bukti_sandi import (
    BuktiRusak,
    Penyandi,
    ukuran_sandi,
)
from kinerja_desktop.services.bukti_sandi import baca as baca_sandi
from kinerja_desktop.services.bukti_sandi import terenkripsi as terenkripsi_sandi
from kinerja_desktop.services.muat import PESAN_BERUBAH
from kinerja_desktop.services.pemantauan.syarat import evaluasi_final

BATAS_UKURAN_BAWAAN = 25 * 1024 * 1024
KUNCI_BATAS_UKURAN = "bukti.batas_ukuran_mb"
_POTONGAN = 1024 * 1024  # 1 MiB chunks (measured: 1 MiB beats 2–4 MiB on a 20 MB file)
_JUMLAH_BUFFER = 4
# With sinkron=True, start writing back to disk every 4 MiB on a second helper thread while the
# hash is still running, so the final fsync only waits for the last few MiB.
_SINKRON_TIAP = 4 * 1024 * 1024

# extension -> (mime, magic check name)
JENIS_DITERIMA: dict[str, tuple[str, str]] = {
    ".pdf": ("application/pdf", "pdf"),
    ".jpg": ("image/jpeg", "jpg"),
    ".jpeg": ("image/jpeg", "jpg"),
    ".png": ("image/png", "png"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "zip"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "zip"),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "zip"),
    ".odt": ("application/vnd.oasis.opendocument.text", "zip"),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", "zip"),
    ".txt": ("text/plain", "teks"),
    ".csv": ("text/csv", "teks"),
}
_MAGIC = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "zip": (b"PK\x03\x04",),
}
_NAMA_JENIS = {
    "pdf": "PDF",
    "png": "gambar PNG",
    "jpg": "gambar JPEG",
    "zip": "dokumen Office",
    "teks": "teks",
}
FILTER_DIALOG = (
    "Bukti dukung (*.pdf *.jpg *.jpeg *.png *.docx *.xlsx *.pptx *.odt *.ods *.txt *.csv);;"
    "Semua berkas (*)"
)


class BuktiError(DomainError):
    """A file cannot be taken as evidence; the message says why."""


def _ukuran_teks(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{format_angka(n / (1024 * 1024), 1)} MB"
    if n >= 1024:
        return f"{format_angka(n / 1024, 0)} KB"
    return f"{n} byte"


@dataclass(frozen=True)
class BerkasTersimpan:
    sha256: str
    ukuran: int
    mime: str
    path: Path
    baru: bool  # False when an identical file was already in the store


def periksa_jenis(nama: str, kepala: bytes) -> str:
    """The mime type of an acceptable file, else BuktiError saying why."""
    ext = Path(nama).suffix.casefold()
    if ext not in JENIS_DITERIMA:
        daftar = ", ".join(sorted({e.lstrip(".").upper() for e in JENIS_DITERIMA}))
        raise BuktiError(
            f"Berkas {nama} tidak dapat dilampirkan: jenis berkas {ext or '(tanpa ekstensi)'} "
            f"tidak diterima. Jenis yang diterima: {daftar}."
        )
    mime, cek = JENIS_DITERIMA[ext]
    if cek == "teks":
        if b"\x00" in kepala:
            raise BuktiError(
                f"Berkas {nama} tidak dapat dilampirkan: namanya berakhiran {ext} tetapi isinya "
                "bukan teks biasa."
            )
        return mime
    if not kepala.startswith(_MAGIC[cek]):
        raise BuktiError(
            f"Berkas {nama} tidak dapat dilampirkan: namanya berakhiran {ext} tetapi isinya "
            f"bukan {_NAMA_JENIS[cek]} (berkas rusak atau ekstensinya diganti). Buka berkas itu "
            "dan simpan ulang dengan format yang benar."
        )
    return mime


class BuktiStore:
    """The folder of evidence files of one database."""

    def __init__(
        self,
        folder: str | os.PathLike[str],
        batas_ukuran: int = BATAS_UKURAN_BAWAAN,
        *,
        sinkron: bool = True,
        kunci: bytes | None = None,
    ) -> None:
        from kinerja_desktop.db.kunci import kunci_folder_bukti

        self.folder = Path(folder)
        self.batas_ukuran = int(batas_ukuran)
        # fsync before the rename: the bytes are on disk before the file gets its real name.
        self.sinkron = sinkron
        # the evidence key of an encrypted database (db/kunci.py): new files are encrypted
        self.kunci = kunci if kunci is not None else kunci_folder_bukti(self.folder)

    def path_untuk(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / sha256

    def ada(self, sha256: str) -> bool:
        return self.path_untuk(sha256).is_file()

    # --- storing ---------------------------------------------------------------------------
    def simpan(self, sumber: str | os.PathLike[str]) -> BerkasTersimpan:
        """Copy a file into the store (checked, hashed and written in one pass)."""
        src = Path(sumber)
        nama = src.name
        try:
            f = src.open("rb")
        except FileNotFoundError:
            raise BuktiError(
                f"Berkas {nama} tidak ditemukan di {src.parent}. Mungkin sudah dipindahkan atau "
                "dihapus; pilih berkasnya lagi."
            ) from None
        except IsADirectoryError:
            raise BuktiError(f"{nama} adalah folder, bukan berkas. Pilih sebuah berkas.") from None
        except PermissionError:
            raise BuktiError(
                f"Berkas {nama} tidak dapat dibaca: akses ditolak atau berkas sedang dipakai "
                "program lain. Tutup berkas itu lalu coba lagi."
            ) from None
        except OSError as exc:
            raise BuktiError(f"Berkas {nama} tidak dapat dibaca: {exc.strerror or exc}.") from exc
        with f:
            try:
                ukuran = os.fstat(f.fileno()).st_size
                if ukuran == 0:
                    raise BuktiError(f"Berkas {nama} kosong (0 byte); tidak ada yang dilampirkan.")
                if ukuran > self.batas_ukuran:
                    raise BuktiError(
                        f"Berkas {nama} terlalu besar ({_ukuran_teks(ukuran)}). Batas ukuran bukti "
                        f"dukung adalah {_ukuran_teks(self.batas_ukuran)}. Perkecil berkasnya "
                        "(mis. pindai ulang dengan resolusi lebih rendah) atau unggah ke "
                        "penyimpanan daring dan lampirkan sebagai tautan."
                    )
                kepala = f.read(4096)
            except OSError as exc:
                raise BuktiError(
                    f"Berkas {nama} tidak dapat dibaca: {exc.strerror or exc}."
                ) from exc
            mime = periksa_jenis(nama, kepala)
            return self._tulis(f, kepala, mime, nama)

    def simpan_bytes(self, nama: str, data: bytes) -> BerkasTersimpan:
        """Store content made in memory (demo data, generated files); same checks."""
        if not data:
            raise BuktiError(f"Berkas {nama} kosong (0 byte); tidak ada yang dilampirkan.")
        if len(data) > self.batas_ukuran:
            raise BuktiError(
                f"Berkas {nama} terlalu besar ({_ukuran_teks(len(data))}). Batas ukuran bukti "
                f"dukung adalah {_ukuran_teks(self.batas_ukuran)}."
            )
        mime = periksa_jenis(nama, data[:4096])
        import io

        return self._tulis(io.BytesIO(data[4096:]), data[:4096], mime, nama)

    def _tulis(self, f, kepala: bytes, mime: str, nama: str) -> BerkasTersimpan:
        tmpdir = self.folder / "tmp"
        try:
            tmpdir.mkdir(parents=True, exist_ok=True)
            fd, tmpname = tempfile.mkstemp(prefix="masuk-", suffix=".part", dir=tmpdir)
        except OSError as exc:
            raise BuktiError(
                f"Folder bukti dukung {self.folder} tidak dapat ditulis: {exc.strerror or exc}. "
                "Periksa ruang disk dan hak akses folder itu."
            ) from exc
        tmp = Path(tmpname)
        h = hashlib.sha256()
        total = 0
        try:
            try:
                penyandi = Penyandi(fd, self.kunci) if self.kunci is not None else None
                tulis = penyandi.tulis if penyandi is not None else None
                h.update(kepala)
                if tulis is not None:
                    tulis(kepala)
                else:
                    _tulis_semua(fd, kepala)
                total += len(kepala)
                total += _salin_dan_hash(
                    f, fd, h, self.batas_ukuran - total, nama, sinkron=self.sinkron, tulis=tulis
                )
                if penyandi is not None:
                    penyandi.selesai()
                if self.sinkron:
                    os.fsync(fd)  # the bytes are on disk before the file gets its real name
            finally:
                os.close(fd)
            sha = h.hexdigest()
            tujuan = self.path_untuk(sha)
            if tujuan.is_file() and tujuan.stat().st_size in (total, ukuran_sandi(total)):
                tmp.unlink(missing_ok=True)
                return BerkasTersimpan(sha, total, mime, tujuan, baru=False)
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, tujuan)
            return BerkasTersimpan(sha, total, mime, tujuan, baru=True)
        except BuktiError:
            tmp.unlink(missing_ok=True)
            raise
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise BuktiError(
                f"Berkas {nama} gagal disalin ke folder bukti dukung: {exc.strerror or exc}. "
                "Periksa ruang disk; tidak ada yang tersimpan."
            ) from exc
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    # --- reading ---------------------------------------------------------------------------
    def isi(self, sha256: str) -> Iterator[bytes]:
        """The plaintext of a stored file, in chunks (decrypted when encrypted)."""
        return baca_sandi(self.path_untuk(sha256), self.kunci)

    def periksa(self, sha256: str, ukuran: int) -> str | None:
        """None if the file is there and its plaintext hashes to its name; else "hilang" or
        "berubah"."""
        path = self.path_untuk(sha256)
        h = hashlib.sha256()
        try:
            if path.stat().st_size not in (ukuran, ukuran_sandi(ukuran)):
                return "berubah"
            n = 0
            for blok in self.isi(sha256):
                h.update(blok)
                n += len(blok)
        except FileNotFoundError:
            return "hilang"
        except (OSError, BuktiRusak):
            return "berubah"
        return None if h.hexdigest() == sha256 and n == ukuran else "berubah"

    def salin_keluar(self, sha256: str, tujuan: Path) -> Path:
        """Write the plaintext to ``tujuan`` (through a temporary name), refusing a file
        whose content no longer matches its hash."""
        sementara = tujuan.with_name(f".{tujuan.name}.sementara")
        h = hashlib.sha256()
        try:
            with sementara.open("wb") as out:
                for blok in self.isi(sha256):
                    h.update(blok)
                    out.write(blok)
            if h.hexdigest() != sha256:
                raise BuktiRusak("isi tidak cocok dengan hash")
            os.replace(sementara, tujuan)
        except BuktiRusak as exc:
            sementara.unlink(missing_ok=True)
            raise BuktiError(
                "Berkas bukti dukung ini rusak atau diubah di luar program (isinya tidak cocok "
                "dengan catatan). Pulihkan folder bukti dari cadangan."
            ) from exc
        except BaseException:
            sementara.unlink(missing_ok=True)
            raise
        return tujuan

    def sisa_sementara(self) -> list[Path]:
        """Leftover temporary files of interrupted copies (safe to delete)."""
        tmpdir = self.folder / "tmp"
        return sorted(tmpdir.glob("masuk-*.part")) if tmpdir.is_dir() else []


def _tulis_semua(fd: int, data) -> None:
    """os.write until all of ``data`` is written (a raw write may be short)."""
    with memoryview(data) as view:
        while view:
            n = os.write(fd, view)
            view = view[n:]


def _salin_dan_hash(
    src, fd: int, h, sisa_boleh: int, nama: str, *, sinkron: bool, tulis=None
) -> int:
    """Copy the rest of ``src`` into the file ``fd`` while hashing it, in one pass over the file.

    Each chunk is read once into a reused buffer; the SHA-256 of it runs on one helper thread
    (in order) while the main thread writes the same buffer and reads the next one. hashlib and
    file I/O release the GIL, so the copy costs about as much as the SHA-256 itself, and the
    name is always the hash of exactly the bytes written (a source that changes meanwhile cannot
    make them differ). A ring of buffers lets reading run ahead of the hash.

    With ``sinkron``, a second helper thread calls fdatasync every ``_SINKRON_TIAP`` bytes, so
    the disk write-back overlaps the hashing instead of following it.
    """
    bufs = [bytearray(_POTONGAN) for _ in range(_JUMLAH_BUFFER)]
    futs: list = [None] * _JUMLAH_BUFFER
    total = 0
    i = 0
    belum_sinkron = 0
    fut_sinkron = None
    with ThreadPoolExecutor(max_workers=1) as pool, ThreadPoolExecutor(max_workers=1) as pool_s:
        try:
            while True:
                if futs[i] is not None:
                    futs[i].result()  # this buffer's hash is done: it may be reused
                n = src.readinto(bufs[i])
                if not n:
                    break
                total += n
                if total > sisa_boleh:
                    raise BuktiError(
                        f"Berkas {nama} bertambah besar selama disalin dan melewati batas ukuran."
                    )
                view = memoryview(bufs[i])[:n]
                futs[i] = pool.submit(h.update, view)
                if tulis is not None:  # encrypting: the writer copies the chunk
                    tulis(view)
                else:
                    _tulis_semua(fd, view)
                i = (i + 1) % _JUMLAH_BUFFER
                belum_sinkron += n
                sinkron_siap = fut_sinkron is None or fut_sinkron.done()
                if sinkron and belum_sinkron >= _SINKRON_TIAP and sinkron_siap:
                    if fut_sinkron is not None:
                        fut_sinkron.result()  # raise a write-back error now
                    fut_sinkron = pool_s.submit(os.fdatasync, fd)
                    belum_sinkron = 0
        finally:
            for fut in futs:
                if fut is not None:
                    fut.result()
            if fut_sinkron is not None:
                fut_sinkron.result()
    return total


def batas_ukuran(session: Session) -> int:
    """The office's size limit (setting ``bukti.batas_ukuran_mb``), default 25 MB."""
    row = session.get(Pengaturan, KUNCI_BATAS_UKURAN)
    try:
        mb = float(row.nilai) if row and row.nilai else None
    except ValueError:
        mb = None
    return int(mb * 1024 * 1024) if mb and mb > 0 else BATAS_UKURAN_BAWAAN


# --------------------------------------------------------------------------- attachments


@dataclass(frozen=True)
class BuktiRow:
    id: int
    jenis: str  # BERKAS / TAUTAN
    nama: str
    sha256: str | None
    url: str | None
    ukuran: int | None
    mime: str | None
    keterangan: str | None
    realisasi_id: int | None
    progres_id: int | None
    dibuat_pada: datetime

    @property
    def label(self) -> str:
        if self.jenis == "TAUTAN":
            return f"{self.nama} (tautan)"
        return f"{self.nama} ({_ukuran_teks(self.ukuran or 0)})"


def _row(b: BuktiDukung, berkas: BerkasBukti | None) -> BuktiRow:
    return BuktiRow(
        b.id,
        b.jenis,
        b.nama,
        b.sha256,
        b.url,
        berkas.ukuran if berkas else None,
        berkas.mime if berkas else None,
        b.keterangan,
        b.realisasi_id,
        b.progres_id,
        b.dibuat_pada,
    )


def _pemilik(
    session: Session, realisasi_id: int | None, progres_id: int | None
) -> tuple[int, Realisasi | None, ProgresHarian | None]:
    """(pegawai_id, realisasi, progres) of the record evidence is attached to."""
    if (realisasi_id is None) == (progres_id is None):
        raise ValidationError("Bukti dukung dilampirkan pada satu realisasi atau satu progres.")
    if realisasi_id is not None:
        r = session.get(Realisasi, realisasi_id)
        if r is None:
            raise NotFound("Realisasi tidak ditemukan. Simpan realisasinya dahulu.")
        pegawai_id = session.scalar(
            select(Skp.pegawai_id)
            .join(RencanaHasilKerja, RencanaHasilKerja.skp_id == Skp.id)
            .join(Indikator, Indikator.rhk_id == RencanaHasilKerja.id)
            .where(Indikator.id == r.indikator_id)
        )
        if pegawai_id is None:  # its IKI was deleted meanwhile
            raise NotFound(PESAN_BERUBAH)
        return pegawai_id, r, None
    p = session.get(ProgresHarian, progres_id)
    if p is None:
        raise NotFound("Catatan progres harian tidak ditemukan.")
    return p.pegawai_id, None, p


def _evaluasi_final(session: Session, realisasi: Realisasi) -> bool:
    skp_id = session.scalar(
        select(RencanaHasilKerja.skp_id)
        .join(Indikator, Indikator.rhk_id == RencanaHasilKerja.id)
        .where(Indikator.id == realisasi.indikator_id)
    )
    return skp_id is not None and evaluasi_final(session, skp_id, realisasi.periode_id)


def _cek_boleh_ubah(
    session: Session, actor: Actor, pegawai_id: int, realisasi: Realisasi | None
) -> None:
    from kinerja_desktop.services.akses import wajib_diri_sendiri_atau_admin

    wajib_diri_sendiri_atau_admin(actor, pegawai_id)
    if realisasi is not None and _evaluasi_final(session, realisasi):
        periode = session.get(Periode, realisasi.periode_id)
        raise StateError(
            f"Evaluasi {periode.nama if periode else 'periode ini'} sudah final dan memakai "
            "bukti dukung ini; bukti tidak dapat diubah atau dihapus. Minta pejabat penilai "
            "membuka kembali evaluasinya bila perlu."
        )


def _catat_berkas(
    session: Session,
    actor: Actor,
    hasil: BerkasTersimpan,
    nama: str,
    realisasi_id: int | None,
    progres_id: int | None,
    keterangan: str | None,
) -> BuktiRow:
    """Record a file already in the store (one BerkasBukti per content) and attach it."""
    berkas = session.get(BerkasBukti, hasil.sha256)
    if berkas is None:
        berkas = BerkasBukti(sha256=hasil.sha256, ukuran=hasil.ukuran, mime=hasil.mime)
        session.add(berkas)
    b = BuktiDukung(
        realisasi_id=realisasi_id,
        progres_id=progres_id,
        jenis="BERKAS",
        nama=nama[:255],
        sha256=hasil.sha256,
        keterangan=keterangan,
        dibuat_oleh_id=actor.pegawai_id,
    )
    session.add(b)
    session.flush()
    return _row(b, berkas)


def lampirkan_berkas(
    session: Session,
    actor: Actor,
    store: BuktiStore,
    sumber: str | os.PathLike[str],
    *,
    realisasi_id: int | None = None,
    progres_id: int | None = None,
    keterangan: str | None = None,
) -> BuktiRow:
    """Copy a file into the store and attach it. The file is copied before the row is written;
    if the transaction then fails, the copy stays unreferenced (see bersihkan_berkas_yatim)."""
    pegawai_id, realisasi, _ = _pemilik(session, realisasi_id, progres_id)
    _cek_boleh_ubah(session, actor, pegawai_id, realisasi)
    batas = min(store.batas_ukuran, batas_ukuran(session))
    hasil = BuktiStore(store.folder, batas, sinkron=store.sinkron).simpan(sumber)
    return _catat_berkas(
        session,
        actor,
        hasil,
        Path(sumber).name,
        realisasi_id,
        progres_id,
        (keterangan or "").strip() or None,
    )


def simpan_berkas(
    session: Session, store: BuktiStore, sumber: str | os.PathLike[str]
) -> BerkasTersimpan:
    """Copy a file into the store and register it, for a document that is not a realisasi's
    evidence (the letter of an outside atasan on a keberatan). Permission is the caller's."""
    batas = min(store.batas_ukuran, batas_ukuran(session))
    hasil = BuktiStore(store.folder, batas, sinkron=store.sinkron).simpan(sumber)
    if session.get(BerkasBukti, hasil.sha256) is None:
        session.add(BerkasBukti(sha256=hasil.sha256, ukuran=hasil.ukuran, mime=hasil.mime))
    return hasil


def lampirkan_bytes(
    session: Session,
    actor: Actor,
    store: BuktiStore,
    nama: str,
    data: bytes,
    *,
    realisasi_id: int | None = None,
    progres_id: int | None = None,
    keterangan: str | None = None,
) -> BuktiRow:
    """Like lampirkan_berkas for content made in memory (demo, generated documents)."""
    pegawai_id, realisasi, _ = _pemilik(session, realisasi_id, progres_id)
    _cek_boleh_ubah(session, actor, pegawai_id, realisasi)
    hasil = store.simpan_bytes(nama, data)
    return _catat_berkas(session, actor, hasil, nama, realisasi_id, progres_id, keterangan)


def validasi_url(url: str) -> str:
    u = (url or "").strip()
    if not u:
        raise ValidationError("Alamat tautan wajib diisi.", "Tautan")
    if " " in u:
        raise ValidationError("Alamat tautan tidak boleh mengandung spasi.", "Tautan")
    p = urlparse(u)
    host = (p.hostname or "").strip(".")
    if (
        p.scheme.lower() not in ("http", "https")
        or not host
        or ("." not in host and host != "localhost")
    ):
        raise ValidationError(
            f"Tautan {u!r} tidak valid. Tautan harus diawali http:// atau https:// dan berisi "
            "nama situs, mis. https://drive.google.com/...",
            "Tautan",
        )
    return u


def lampirkan_tautan(
    session: Session,
    actor: Actor,
    url: str,
    judul: str | None = None,
    *,
    realisasi_id: int | None = None,
    progres_id: int | None = None,
    keterangan: str | None = None,
) -> BuktiRow:
    pegawai_id, realisasi, _ = _pemilik(session, realisasi_id, progres_id)
    _cek_boleh_ubah(session, actor, pegawai_id, realisasi)
    u = validasi_url(url)
    nama = (judul or "").strip() or urlparse(u).netloc
    b = BuktiDukung(
        realisasi_id=realisasi_id,
        progres_id=progres_id,
        jenis="TAUTAN",
        nama=nama[:255],
        url=u,
        keterangan=(keterangan or "").strip() or None,
        dibuat_oleh_id=actor.pegawai_id,
    )
    session.add(b)
    session.flush()
    return _row(b, None)


def daftar_bukti(
    session: Session,
    actor: Actor,
    *,
    realisasi_id: int | None = None,
    progres_id: int | None = None,
) -> list[BuktiRow]:
    pegawai_id, _, _ = _pemilik(session, realisasi_id, progres_id)
    wajib_baca_pemantauan(session, actor, pegawai_id)
    kolom = BuktiDukung.realisasi_id if realisasi_id is not None else BuktiDukung.progres_id
    nilai = realisasi_id if realisasi_id is not None else progres_id
    rows = session.execute(
        select(BuktiDukung, BerkasBukti)
        .outerjoin(BerkasBukti, BerkasBukti.sha256 == BuktiDukung.sha256)
        .where(kolom == nilai)
        .order_by(BuktiDukung.id)
    ).all()
    return [_row(b, f) for b, f in rows]


def _get(session: Session, bukti_id: int) -> BuktiDukung:
    b = session.get(BuktiDukung, bukti_id)
    if b is None:
        raise NotFound("Bukti dukung tidak ditemukan; mungkin sudah dihapus. Muat ulang.")
    return b


def _berkas_boleh_dibaca(
    session: Session, actor: Actor, store: BuktiStore, bukti_id: int
) -> BuktiDukung:
    b = _get(session, bukti_id)
    pegawai_id, _, _ = _pemilik(session, b.realisasi_id, b.progres_id)
    wajib_baca_pemantauan(session, actor, pegawai_id)
    return b


def buka_bukti(session: Session, actor: Actor, store: BuktiStore, bukti_id: int) -> str:
    """Where to open the evidence: the link's URL, or a copy of the stored file whose SHA-256
    was checked (the viewer never gets an unchecked file, nor the store's own)."""
    b = _berkas_boleh_dibaca(session, actor, store, bukti_id)
    if b.jenis == "TAUTAN":
        return b.url or ""
    tujuan = tujuan_di_folder(folder_buka(), b.nama)
    return str(_salin_terperiksa(store, b, tujuan))


def _salin_terperiksa(store: BuktiStore, b: BuktiDukung, tujuan: Path) -> Path:
    """The stored file's plaintext copied to ``tujuan``, its SHA-256 checked on the way (an
    encrypted file is decrypted by the store, a plain one copied as it is)."""
    path = store.path_untuk(b.sha256 or "")
    if not path.is_file():
        raise NotFound(
            f"Berkas {b.nama} tidak ada di folder bukti dukung ({store.folder}). Folder itu "
            "mungkin belum disalin bersama basis data; salin folder bukti dukung ke samping "
            "berkas basis data."
        )
    if terenkripsi_sandi(path):
        return store.salin_keluar(b.sha256 or "", tujuan)
    return salin_terperiksa(path, tujuan, b.sha256 or "", b.nama)


def simpan_bukti_sebagai(
    session: Session,
    actor: Actor,
    store: BuktiStore,
    bukti_id: int,
    tujuan: str | os.PathLike[str],
) -> Path:
    """Copy a stored file out, its hash checked. ``tujuan`` a folder: the stored name, made
    harmless, inside that folder; a file path: that folder, its name made harmless."""
    b = _berkas_boleh_dibaca(session, actor, store, bukti_id)
    if b.jenis != "BERKAS":
        raise StateError("Tautan tidak berupa berkas; buka tautannya untuk mengunduh.")
    t = Path(tujuan)
    t = tujuan_di_folder(t, b.nama) if t.is_dir() else tujuan_di_folder(t.parent, t.name)
    try:
        return _salin_terperiksa(store, b, t)
    except OSError as exc:
        raise BuktiError(f"Berkas tidak dapat disimpan ke {t}: {exc.strerror or exc}.") from exc


def hapus_bukti(session: Session, actor: Actor, bukti_id: int) -> None:
    """Remove an attachment (the stored file stays until bersihkan_berkas_yatim)."""
    b = _get(session, bukti_id)
    pegawai_id, realisasi, _ = _pemilik(session, b.realisasi_id, b.progres_id)
    _cek_boleh_ubah(session, actor, pegawai_id, realisasi)
    session.delete(b)
    session.flush()


def bersihkan_berkas_yatim(session: Session, actor: Actor, store: BuktiStore) -> int:
    """Delete stored files no attachment refers to any more (and leftover temp files).
    Returns the number of files removed."""
    from kinerja_desktop.services.akses import wajib_admin

    wajib_admin(actor)
    dipakai = union(
        select(BuktiDukung.sha256).where(BuktiDukung.sha256.is_not(None)),
        select(Keberatan.surat_sha256).where(Keberatan.surat_sha256.is_not(None)),
    )
    yatim = session.scalars(select(BerkasBukti).where(BerkasBukti.sha256.not_in(dipakai))).all()
    n = 0
    for berkas in yatim:
        path = store.path_untuk(berkas.sha256)
        session.delete(berkas)
        if path.is_file():
            path.unlink()
            n += 1
    session.flush()
    dikenal = set(session.scalars(select(BerkasBukti.sha256)))
    if store.folder.is_dir():
        for sub in store.folder.iterdir():
            if sub.is_dir() and len(sub.name) == 2:
                for f in sub.iterdir():
                    if f.is_file() and len(f.name) == 64 and f.name not in dikenal:
                        f.unlink()
                        n += 1
    for f in store.sisa_sementara():
        f.unlink(missing_ok=True)
    return n


__all__ = [
    "BATAS_UKURAN_BAWAAN",
    "FILTER_DIALOG",
    "BerkasTersimpan",
    "BuktiError",
    "BuktiRow",
    "BuktiStore",
    "bersihkan_berkas_yatim",
    "buka_bukti",
    "daftar_bukti",
    "hapus_bukti",
    "lampirkan_berkas",
    "lampirkan_bytes",
    "lampirkan_tautan",
    "periksa_jenis",
    "simpan_berkas",
    "simpan_bukti_sebagai",
]
