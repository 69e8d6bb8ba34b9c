"""The SKP workflow (domain.md §3): DRAF → DIAJUKAN → DITETAPKAN, or DIKEMBALIKAN with a
reason → edited → DIAJUKAN again, or taken back (tarik) to DRAF by the pegawai before it is
decided; a ditetapkan SKP changes only through a new revision
(same content, new identity snapshot; the old revision stays readable)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Skp
from kinerja_desktop.domain.errors import PermissionDenied, ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.status import TRANSISI_SKP, StatusSkp, periksa_transisi
from kinerja_desktop.services import organisasi
from kinerja_desktop.services.skp.baris import (
    SkpRingkas,
    ambil_skp,
    cek_versi,
    muat_skp_lengkap,
    rhk_rows,
    ringkas,
)
from kinerja_desktop.services.skp.buat import buat_snapshot, catat_riwayat
from kinerja_desktop.services.skp.izin import (
    adalah_penilai_skp,
    pemilik_skp,
    wajib_dapat_diubah,
    wajib_penilai,
)
from kinerja_desktop.services.skp.kosakata import (
    DIAJUKAN,
    DIKEMBALIKAN,
    DITETAPKAN,
    DRAF,
    JPT,
    KUANTITATIF,
    UTAMA,
)
from kinerja_desktop.services.skp.salin import salin_isi
from kinerja_desktop.services.waktu import sekarang_utc


def kekurangan_skp(skp: Skp) -> list[str]:
    """What keeps the SKP from being submitted, in words the pegawai understands."""
    masalah: list[str] = []
    rows = rhk_rows(skp.rhk)
    if not any(r.jenis == UTAMA for r in rows):
        masalah.append("Belum ada Rencana Hasil Kerja Utama.")
    for r in rows:
        nama = f"RHK {'Utama' if r.jenis == UTAMA else 'Tambahan'} {r.nomor} «{potong(r.uraian)}»"
        if not r.indikator:
            masalah.append(f"{nama} belum memiliki indikator kinerja individu.")
        if skp.varian == JPT and not r.perspektif:
            masalah.append(f"{nama} belum diberi perspektif.")
        for n, i in enumerate(r.indikator, start=1):
            nama_iki = f"indikator {n} pada {nama}"
            if skp.pendekatan == KUANTITATIF:
                if skp.varian != JPT and not i.aspek:
                    masalah.append(f"Aspek {nama_iki} belum dipilih.")
                if i.target_nilai is None:
                    masalah.append(f"Target {nama_iki} belum berupa angka.")
                elif not i.target_satuan:
                    masalah.append(f"Satuan target {nama_iki} belum diisi.")
    return masalah


def potong(teks: str, n: int = 50) -> str:
    teks = " ".join(teks.split())
    return teks if len(teks) <= n else teks[: n - 1] + "…"


def ajukan_skp(session: Session, actor: Actor, skp_id: int, versi: int | None = None) -> SkpRingkas:
    skp = ambil_skp(session, skp_id)
    wajib_dapat_diubah(actor, skp)
    cek_versi(skp, versi)
    masalah = kekurangan_skp(skp)
    if masalah:
        raise ValidationError("SKP belum dapat diajukan:\n• " + "\n• ".join(masalah), "Ajukan SKP")
    dari = skp.status
    skp.status = periksa_transisi(TRANSISI_SKP, "ajukan", dari)
    catat_riwayat(session, actor, skp, dari, skp.status, None)
    session.flush()
    return ringkas(skp, session)


def _wajib_diajukan(skp: Skp, aksi: str) -> StatusSkp:
    return periksa_transisi(TRANSISI_SKP, aksi, skp.status, syarat=bool(skp.terkini))


def tetapkan_skp(
    session: Session, actor: Actor, skp_id: int, versi: int | None = None
) -> SkpRingkas:
    skp = ambil_skp(session, skp_id)
    wajib_penilai(session, actor, skp, "menetapkan SKP")
    ke = _wajib_diajukan(skp, "tetapkan")
    cek_versi(skp, versi)
    skp.status = ke
    skp.ditetapkan_pada = sekarang_utc()
    catat_riwayat(session, actor, skp, DIAJUKAN, DITETAPKAN, None)
    session.flush()
    return ringkas(skp, session)


def tarik_skp(session: Session, actor: Actor, skp_id: int, versi: int | None = None) -> SkpRingkas:
    """The pegawai takes a submitted SKP (or revision) back to Draf before the penilai decides
    it, e.g. to correct a target; the history records it."""
    skp = ambil_skp(session, skp_id)
    if not pemilik_skp(actor, skp):
        raise PermissionDenied(
            "Hanya pegawai pemilik SKP (atau operator kepegawaian) yang dapat menarik kembali "
            "SKP yang diajukan."
        )
    ke = periksa_transisi(TRANSISI_SKP, "tarik", skp.status, syarat=bool(skp.terkini))
    cek_versi(skp, versi)
    skp.status = ke
    catat_riwayat(session, actor, skp, DIAJUKAN, DRAF, "Ditarik kembali oleh pegawai")
    session.flush()
    return ringkas(skp, session)


def kembalikan_skp(
    session: Session, actor: Actor, skp_id: int, alasan: str, versi: int | None = None
) -> SkpRingkas:
    skp = ambil_skp(session, skp_id)
    wajib_penilai(session, actor, skp, "mengembalikan SKP")
    ke = _wajib_diajukan(skp, "kembalikan")
    cek_versi(skp, versi)
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError(
            "Tuliskan alasan pengembalian agar pegawai tahu apa yang harus diperbaiki.", "Alasan"
        )
    skp.status = ke
    catat_riwayat(session, actor, skp, DIAJUKAN, DIKEMBALIKAN, alasan)
    session.flush()
    return ringkas(skp, session)


def revisi_skp(
    session: Session, actor: Actor, skp_id: int, alasan: str, versi: int | None = None
) -> SkpRingkas:
    """A new draft revision of a ditetapkan SKP: same content, new snapshot; the old revision
    stays readable (terkini=False)."""
    lama = muat_skp_lengkap(session, skp_id)
    if not (pemilik_skp(actor, lama) or adalah_penilai_skp(session, actor, lama)):
        raise PermissionDenied(
            "Hanya pegawai pemilik SKP, pejabat penilainya, atau operator kepegawaian yang dapat "
            "membuat revisi SKP."
        )
    periksa_transisi(TRANSISI_SKP, "revisi", lama.status, syarat=bool(lama.terkini))
    cek_versi(lama, versi)
    alasan = (alasan or "").strip()
    if not alasan:
        raise ValidationError("Tuliskan alasan revisi SKP.", "Alasan")
    penilai_id = organisasi.penilai_pada(session, lama.pegawai_id, lama.mulai) or lama.penilai_id
    baru = Skp(
        pegawai_id=lama.pegawai_id,
        penilai_id=penilai_id,
        tahun=lama.tahun,
        mulai=lama.mulai,
        selesai=lama.selesai,
        pendekatan=lama.pendekatan,
        varian=lama.varian,
        status=DRAF,
        revisi=lama.revisi + 1,
        revisi_dari_id=lama.id,
        terkini=True,
        alasan_revisi=alasan,
        snapshot=buat_snapshot(session, lama.pegawai_id, penilai_id, lama.mulai),
    )
    lama.terkini = False
    session.add(baru)
    session.flush()
    salin_isi(session, lama, baru, pertahankan_link=True, salin_ekspektasi=True)
    catat_riwayat(
        session, actor, lama, DITETAPKAN, DITETAPKAN, f"Direvisi (revisi {baru.revisi}): {alasan}"
    )
    catat_riwayat(session, actor, baru, None, DRAF, f"Revisi {baru.revisi}: {alasan}")
    session.flush()
    return ringkas(baru, session)
