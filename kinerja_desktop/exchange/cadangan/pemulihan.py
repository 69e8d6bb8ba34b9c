"""Restoring a backup over the current data: check it, keep an automatic backup of what it
replaces, and swap the new data in with ``os.replace`` from files prepared beside the target.
A marker written before the swap lets :func:`selesaikan_pemulihan` finish an interrupted swap
on the next start, so a crash leaves either the old data or the new, never a mix."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kinerja_desktop.db.kunci import galat_db, ingat_kunci_berkas, path_kunci
from kinerja_desktop.db.pemakai import kunci_pemulihan, pemakai_lain
from kinerja_desktop.domain.tugas import StatusTugas, cek_batal
from kinerja_desktop.exchange.cadangan.basis_data import cek_revisi, checkpoint
from kinerja_desktop.exchange.cadangan.berkas import fsync_dir, fsync_file, hapus, hapus_wal
from kinerja_desktop.exchange.cadangan.harian import rotasi
from kinerja_desktop.exchange.cadangan.kunci import Pembuka, buka_kunci
from kinerja_desktop.exchange.cadangan.manifest import (
    EKSTENSI,
    CadanganError,
    InfoCadangan,
    baca_manifest,
    buka_zip,
    hanya_sqlite,
    info_dari_manifest,
)
from kinerja_desktop.exchange.cadangan.periksa import cek_db, cek_ruang, ekstrak
from kinerja_desktop.exchange.cadangan.tulis import buat_cadangan, tulis_cadangan

SIMPAN_SEBELUM_PULIH = 5


@dataclass(frozen=True)
class HasilPulihkan:
    info: InfoCadangan
    cadangan_sebelumnya: Path | None  # the automatic backup of the data that was replaced


@dataclass(frozen=True)
class _Rencana:
    db: Path
    db_baru: Path
    bukti: Path
    bukti_baru: Path
    bukti_lama: Path
    penanda: Path
    kunci: Path  # the key file beside the database: swapped together with it
    kunci_baru: Path
    kunci_lama: Path

    @classmethod
    def untuk(cls, db_path: Path, folder_bukti: Path) -> _Rencana:
        d = db_path.parent
        kunci = path_kunci(db_path)
        return cls(
            db_path,
            d / f".{db_path.name}.pulih",
            folder_bukti,
            folder_bukti.parent / f".{folder_bukti.name}.pulih",
            folder_bukti.parent / f".{folder_bukti.name}.lama",
            d / f".{db_path.name}.pulih.json",
            kunci,
            d / f".{kunci.name}.pulih",
            d / f".{kunci.name}.lama",
        )


def _hapus_wal_tmp(tujuan: Path) -> None:
    for nama in (f".{tujuan.name}.db.tmp", f".{tujuan.name}.tmp"):
        hapus(tujuan.with_name(nama))
        hapus_wal(tujuan.with_name(nama))


def selesaikan_pemulihan(db_path: Path, folder_bukti: Path | None = None) -> bool:
    """Finish a restore that was interrupted after its data was prepared (idempotent).

    Call before opening a database. Returns True if something was finished. Without the
    marker, left-over prepared files are from a restore that never started to swap: removed.
    """
    from kinerja_desktop.db.database import folder_bukti_sqlite

    folder_bukti = folder_bukti or folder_bukti_sqlite(db_path)
    r = _Rencana.untuk(db_path, folder_bukti)
    if not r.penanda.exists():
        for sisa in (r.db_baru, r.bukti_baru, r.kunci_baru):
            hapus(sisa)
        hapus_wal(r.db_baru)
        for lama, kini in ((r.bukti_lama, r.bukti), (r.kunci_lama, r.kunci)):
            if lama.exists() and kini.exists():
                hapus(lama)
            elif lama.exists():
                os.replace(lama, kini)
        return False
    try:
        rencana = json.loads(r.penanda.read_text("utf-8"))
    except ValueError:
        rencana = {}
    ada_bukti = bool(rencana.get("bukti", True))
    ada_kunci = bool(rencana.get("kunci", False))
    # The same order as _tukar: the evidence folder first, the database last.
    if r.bukti_baru.exists():
        if r.bukti.exists() and not r.bukti_lama.exists():
            os.replace(r.bukti, r.bukti_lama)
        elif r.bukti.exists():
            hapus(r.bukti)
        os.replace(r.bukti_baru, r.bukti)
    elif not ada_bukti and r.bukti.exists() and not r.bukti_lama.exists():
        os.replace(r.bukti, r.bukti_lama)
    # then the key file (the old one put aside, even when the backup has none)
    if r.db_baru.exists() and r.kunci.exists() and not r.kunci_lama.exists():
        if ada_kunci and not r.kunci_baru.exists():
            pass  # the new key file is already in place
        else:
            os.replace(r.kunci, r.kunci_lama)
    if r.kunci_baru.exists():
        hapus(r.kunci)
        os.replace(r.kunci_baru, r.kunci)
    if r.db_baru.exists():
        hapus_wal(r.db)
        os.replace(r.db_baru, r.db)
    fsync_dir(r.db.parent)
    hapus(r.bukti_lama)
    hapus(r.kunci_lama)
    r.penanda.unlink()
    fsync_dir(r.db.parent)
    return True


def pulihkan(
    state: StatusTugas | None,
    sumber: Path,
    db_path: Path,
    folder_bukti: Path,
    folder_cadangan: Path | None = None,
    kunci_selesai: Callable[[], None] | None = None,
    pembuka: Pembuka | None = None,
) -> HasilPulihkan:
    """Restore ``sumber`` over the database at ``db_path``, its key file and its evidence
    folder (``db_path`` need not exist: a new computer).

    The caller closes its own connections first. ``kunci_selesai`` (tests) is called right
    before the swap begins. ``pembuka``: opens the backup's key file when its office key is
    not open here (exchange/cadangan/kunci.py).
    """
    db_path = hanya_sqlite(db_path)
    try:
        with kunci_pemulihan(db_path) as dapat:
            if not dapat:
                raise CadanganError(
                    "Pemulihan lain sedang berjalan untuk basis data ini. Tunggu hingga "
                    "selesai; data tidak diubah."
                )
            _cek_pemakai_lain(db_path)
            return _pulihkan(
                state or StatusTugas(),
                Path(sumber),
                db_path,
                folder_bukti,
                folder_cadangan,
                kunci_selesai,
                pembuka,
            )
    except OSError as exc:
        from kinerja_desktop.db.database import explain_os_error

        raise CadanganError(explain_os_error(exc, Path(db_path).parent)) from exc


def _cek_pemakai_lain(db_path: Path) -> None:
    n = pemakai_lain(db_path)
    if n:
        raise CadanganError(
            f"Basis data {db_path.name} sedang dibuka oleh {n} salinan Kinerja Desktop lain "
            "(di komputer ini atau lewat folder bersama). Tutup program itu lalu ulangi "
            "pemulihan; data tidak diubah."
        )


def _pulihkan(
    state: StatusTugas,
    sumber: Path,
    db_path: Path,
    folder_bukti: Path,
    folder_cadangan: Path | None,
    kunci_selesai: Callable[[], None] | None,
    pembuka: Pembuka | None,
) -> HasilPulihkan:
    from kinerja_desktop.db.database import backup_folder

    selesaikan_pemulihan(db_path, folder_bukti)
    r = _Rencana.untuk(db_path, folder_bukti)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with buka_zip(sumber) as zf:
            info = info_dari_manifest(sumber, baca_manifest(zf, sumber))
            cek_revisi(info.revisi_skema)
            cek_ruang(db_path.parent, info)
            hapus(r.db_baru)
            hapus(r.bukti_baru)
            hapus(r.kunci_baru)
            r.bukti_baru.mkdir(parents=True)
            ekstrak(zf, info, r.db_baru, r.bukti_baru, state, r.kunci_baru)
        kunci_db = buka_kunci(
            r.db_baru, r.kunci_baru if r.kunci_baru.exists() else None, info, pembuka
        )
        cek_db(r.db_baru, info)
        fsync_dir(r.bukti_baru)
        cek_batal(state)
        # Keep a copy of what is about to be replaced.
        sebelumnya = None
        if db_path.exists() and db_path.stat().st_size > 0:
            folder = folder_cadangan or backup_folder(db_path)
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            tujuan = folder / f"{db_path.stem}-sebelum-pulih-{stamp}{EKSTENSI}"
            try:
                checkpoint(db_path)
                sebelumnya = tulis_cadangan(
                    StatusTugas(), db_path, folder_bukti, tujuan, False, kunci_wajib=False
                ).path
                checkpoint(db_path)
            except galat_db() as exc:  # damaged or not a database: keep its bytes
                if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                    raise CadanganError(
                        "Basis data sedang dipakai program lain. Tutup program itu lalu ulangi "
                        "pemulihan; data tidak berubah."
                    ) from exc
                _hapus_wal_tmp(tujuan)
                sebelumnya = buat_cadangan(None, db_path, folder_bukti, tujuan, mentah=True).path
            rotasi(folder, f"{db_path.stem}-sebelum-pulih-", SIMPAN_SEBELUM_PULIH)
        state.progress(1, 1, "Mengganti data…")
    except BaseException:
        hapus(r.db_baru)
        hapus_wal(r.db_baru)
        hapus(r.bukti_baru)
        hapus(r.kunci_baru)
        raise
    # From here on the new data is complete on disk: the marker commits to it (a crash
    # during the swap is finished on the next start).
    r.penanda.write_text(
        json.dumps(
            {"sumber": str(sumber), "bukti": True, "kunci": info.sidik_kunci is not None},
            ensure_ascii=False,
        ),
        "utf-8",
    )
    fsync_file(r.penanda)
    fsync_dir(r.penanda.parent)
    if kunci_selesai is not None:
        kunci_selesai()
    _tukar(r)
    selesaikan_pemulihan(db_path, folder_bukti)
    if kunci_db is not None:  # the restored file's key, not the one it replaced
        ingat_kunci_berkas(db_path, kunci_db)
    return HasilPulihkan(info, sebelumnya)


def _tukar(r: _Rencana) -> None:
    """Swap the prepared data in: evidence folder first, then the database (one rename).
    A failure (a read-only or locked evidence folder, a file held open on Windows) puts the
    old evidence back, so nothing has changed when the error reaches the user. Should even
    that fail, the marker stays and the next start finishes the restore."""
    ada_lama = r.bukti.exists()
    langkah: list[tuple[Path, Path]] = []  # renames done, to undo in reverse
    try:
        if ada_lama:
            os.replace(r.bukti, r.bukti_lama)
            langkah.append((r.bukti, r.bukti_lama))
        os.replace(r.bukti_baru, r.bukti)
        langkah.append((r.bukti_baru, r.bukti))
        if r.kunci.exists():  # put aside also when the backup has none (a plain database)
            os.replace(r.kunci, r.kunci_lama)
            langkah.append((r.kunci, r.kunci_lama))
        if r.kunci_baru.exists():
            os.replace(r.kunci_baru, r.kunci)
            langkah.append((r.kunci_baru, r.kunci))
        hapus_wal(r.db)  # emptied by the checkpoint before the automatic backup
        os.replace(r.db_baru, r.db)
    except OSError as exc:
        from kinerja_desktop.db.database import explain_os_error

        sebab = explain_os_error(exc, r.bukti)
        try:
            for asal, tujuan in reversed(langkah):
                os.replace(tujuan, asal)
        except OSError:
            raise CadanganError(
                f"Pemulihan terhenti: {sebab} Pemulihan akan diselesaikan otomatis saat "
                "Kinerja Desktop dibuka kembali."
            ) from exc
        # Back where it started: the marker goes, the prepared copies are removed.
        r.penanda.unlink(missing_ok=True)
        for sisa in (r.db_baru, r.bukti_baru, r.kunci_baru):
            hapus(sisa)
        hapus_wal(r.db_baru)
        raise CadanganError(f"Pemulihan gagal: {sebab} Data tidak berubah.") from exc
