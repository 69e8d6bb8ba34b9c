"""Editing the plan of a draft SKP: Rencana Hasil Kerja, their Indikator Kinerja Individu,
the penilai's ekspektasi khusus, and the Lampiran."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import (
    EkspektasiPerilaku,
    Indikator,
    LampiranSkp,
    RencanaHasilKerja,
    Skp,
)
from kinerja_desktop.domain.angka import parse_angka
from kinerja_desktop.domain.berakhlak import BERAKHLAK, nilai_perilaku
from kinerja_desktop.domain.errors import NotFound, StateError, ValidationError
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.status import TRANSISI_SKP, periksa_transisi
from kinerja_desktop.services.skp.baris import (
    IndikatorRow,
    PerilakuRow,
    RhkRow,
    ambil_indikator,
    ambil_rhk,
    ambil_skp,
    cek_versi,
    indikator_row,
    rhk_rows,
)
from kinerja_desktop.services.skp.intervensi import cek_intervensi
from kinerja_desktop.services.skp.izin import wajib_dapat_diubah, wajib_penilai
from kinerja_desktop.services.skp.kosakata import (
    ASPEK,
    BAGIAN_LAMPIRAN,
    JENIS_RHK,
    JPT,
    KUANTITATIF,
    PERSPEKTIF,
    UTAMA,
)


def uraian_wajib(uraian: str | None, kolom: str) -> str:
    teks = (uraian or "").strip()
    if not teks:
        raise ValidationError(f"{kolom} wajib diisi.", kolom)
    return teks


def _cek_perspektif(perspektif: str | None) -> str | None:
    if perspektif in (None, ""):
        return None
    if perspektif not in PERSPEKTIF:
        raise ValidationError(
            "Perspektif harus salah satu dari: " + ", ".join(PERSPEKTIF) + ".", "Perspektif"
        )
    return perspektif


def _row_rhk(session: Session, rhk: RencanaHasilKerja) -> RhkRow:
    session.flush()
    session.expire(rhk.skp, ["rhk"])
    for r in rhk_rows(rhk.skp.rhk):
        if r.id == rhk.id:
            return r
    raise NotFound("Rencana hasil kerja tidak ditemukan.")


def tambah_rhk(
    session: Session,
    actor: Actor,
    skp_id: int,
    uraian: str,
    jenis: str = UTAMA,
    rhk_intervensi_id: int | None = None,
    *,
    intervensi_teks: str | None = None,
    perspektif: str | None = None,
    penugasan_dari: str | None = None,
) -> RhkRow:
    skp = ambil_skp(session, skp_id)
    wajib_dapat_diubah(actor, skp)
    if jenis not in JENIS_RHK:
        raise ValidationError("Jenis RHK harus Utama atau Tambahan.", "Jenis")
    cek_intervensi(session, skp, rhk_intervensi_id)
    urutan = 1 + max((r.urutan for r in skp.rhk if r.jenis == jenis), default=0)
    rhk = RencanaHasilKerja(
        skp_id=skp.id,
        jenis=jenis,
        urutan=urutan,
        uraian=uraian_wajib(uraian, "Rencana Hasil Kerja"),
        rhk_intervensi_id=rhk_intervensi_id,
        intervensi_teks=(intervensi_teks or "").strip() or None,
        perspektif=_cek_perspektif(perspektif) if skp.varian == JPT else None,
        penugasan_dari=((penugasan_dari or "").strip() or None) if skp.varian == JPT else None,
    )
    session.add(rhk)
    skp.rhk.append(rhk)
    return _row_rhk(session, rhk)


def ubah_rhk(
    session: Session,
    actor: Actor,
    rhk_id: int,
    uraian: str,
    jenis: str | None = None,
    rhk_intervensi_id: int | None = None,
    *,
    intervensi_teks: str | None = None,
    perspektif: str | None = None,
    penugasan_dari: str | None = None,
    versi: int | None = None,
) -> RhkRow:
    rhk = ambil_rhk(session, rhk_id)
    skp = rhk.skp
    wajib_dapat_diubah(actor, skp)
    cek_versi(rhk, versi)
    if rhk_intervensi_id != rhk.rhk_intervensi_id:
        cek_intervensi(session, skp, rhk_intervensi_id)
    rhk.uraian = uraian_wajib(uraian, "Rencana Hasil Kerja")
    if jenis and jenis != rhk.jenis:
        if jenis not in JENIS_RHK:
            raise ValidationError("Jenis RHK harus Utama atau Tambahan.", "Jenis")
        rhk.jenis = jenis
        rhk.urutan = 1 + max(
            (r.urutan for r in skp.rhk if r.jenis == jenis and r.id != rhk.id), default=0
        )
    rhk.rhk_intervensi_id = rhk_intervensi_id
    rhk.intervensi_teks = (intervensi_teks or "").strip() or None
    if skp.varian == JPT:
        rhk.perspektif = _cek_perspektif(perspektif)
        rhk.penugasan_dari = (penugasan_dari or "").strip() or None
    return _row_rhk(session, rhk)


def hapus_rhk(session: Session, actor: Actor, rhk_id: int) -> None:
    rhk = ambil_rhk(session, rhk_id)
    skp = rhk.skp
    wajib_dapat_diubah(actor, skp)
    dipakai = session.scalar(
        select(RencanaHasilKerja.id).where(RencanaHasilKerja.rhk_intervensi_id == rhk.id).limit(1)
    )
    if dipakai is not None:
        raise StateError("RHK ini sudah diintervensi oleh RHK bawahan dan tidak dapat dihapus.")
    skp.rhk.remove(rhk)
    session.flush()
    _rapikan_urutan(skp)
    session.flush()


def _rapikan_urutan(skp: Skp) -> None:
    for jenis in JENIS_RHK:
        for i, r in enumerate(
            sorted((r for r in skp.rhk if r.jenis == jenis), key=lambda r: (r.urutan, r.id)),
            start=1,
        ):
            if r.urutan != i:
                r.urutan = i


def pindah_rhk(session: Session, actor: Actor, rhk_id: int, arah: int) -> RhkRow:
    """Move an RHK up (arah=-1) or down (+1) within its group (Utama/Tambahan)."""
    rhk = ambil_rhk(session, rhk_id)
    skp = rhk.skp
    wajib_dapat_diubah(actor, skp)
    _rapikan_urutan(skp)
    grup = sorted((r for r in skp.rhk if r.jenis == rhk.jenis), key=lambda r: r.urutan)
    i = grup.index(rhk)
    j = i + (1 if arah > 0 else -1)
    if 0 <= j < len(grup):
        grup[i].urutan, grup[j].urutan = grup[j].urutan, grup[i].urutan
    return _row_rhk(session, rhk)


# --- Indikator Kinerja Individu --------------------------------------------------------------


def _isi_indikator(
    skp: Skp,
    iki: Indikator,
    uraian: str,
    aspek: str | None,
    target_nilai: object,
    target_satuan: str | None,
    target_narasi: str | None,
) -> None:
    iki.uraian = uraian_wajib(
        uraian,
        "Indikator Kinerja Individu"
        if skp.pendekatan == KUANTITATIF
        else "Ukuran keberhasilan / indikator",
    )
    aspek = (aspek or "").strip().upper() or None
    if aspek is not None and aspek not in ASPEK:
        raise ValidationError("Aspek harus Kuantitas, Kualitas, Waktu, atau Biaya.", "Aspek")
    iki.aspek = None if skp.varian == JPT else aspek
    iki.target_nilai = parse_angka(target_nilai, "Target")
    iki.target_satuan = (target_satuan or "").strip() or None
    iki.target_narasi = (target_narasi or "").strip() or None


def tambah_indikator(
    session: Session,
    actor: Actor,
    rhk_id: int,
    uraian: str,
    aspek: str | None = None,
    target_nilai: object = None,
    target_satuan: str | None = None,
    target_narasi: str | None = None,
) -> IndikatorRow:
    rhk = ambil_rhk(session, rhk_id)
    wajib_dapat_diubah(actor, rhk.skp)
    iki = Indikator(rhk_id=rhk.id, urutan=1 + max((i.urutan for i in rhk.indikator), default=0))
    _isi_indikator(rhk.skp, iki, uraian, aspek, target_nilai, target_satuan, target_narasi)
    rhk.indikator.append(iki)
    session.flush()
    return indikator_row(iki)


def ubah_indikator(
    session: Session,
    actor: Actor,
    indikator_id: int,
    uraian: str,
    aspek: str | None = None,
    target_nilai: object = None,
    target_satuan: str | None = None,
    target_narasi: str | None = None,
    *,
    versi: int | None = None,
) -> IndikatorRow:
    iki = ambil_indikator(session, indikator_id)
    wajib_dapat_diubah(actor, iki.rhk.skp)
    cek_versi(iki, versi)
    _isi_indikator(iki.rhk.skp, iki, uraian, aspek, target_nilai, target_satuan, target_narasi)
    session.flush()
    return indikator_row(iki)


def hapus_indikator(session: Session, actor: Actor, indikator_id: int) -> None:
    iki = ambil_indikator(session, indikator_id)
    rhk = iki.rhk
    wajib_dapat_diubah(actor, rhk.skp)
    rhk.indikator.remove(iki)
    session.flush()


def pindah_indikator(session: Session, actor: Actor, indikator_id: int, arah: int) -> None:
    iki = ambil_indikator(session, indikator_id)
    rhk = iki.rhk
    wajib_dapat_diubah(actor, rhk.skp)
    daftar = sorted(rhk.indikator, key=lambda i: (i.urutan, i.id))
    for n, item in enumerate(daftar, start=1):
        item.urutan = n
    i = daftar.index(iki)
    j = i + (1 if arah > 0 else -1)
    if 0 <= j < len(daftar):
        daftar[i].urutan, daftar[j].urutan = daftar[j].urutan, daftar[i].urutan
    session.flush()


# --- perilaku and lampiran -------------------------------------------------------------------


def ubah_ekspektasi(
    session: Session, actor: Actor, skp_id: int, kode_nilai: str, ekspektasi: str | None
) -> PerilakuRow:
    """Ekspektasi Khusus Pimpinan for one BerAKHLAK value: only the SKP's penilai."""
    skp = ambil_skp(session, skp_id)
    wajib_penilai(session, actor, skp, "mengisi ekspektasi khusus pimpinan")
    periksa_transisi(TRANSISI_SKP, "ubah_ekspektasi", skp.status, syarat=bool(skp.terkini))
    nilai = nilai_perilaku(kode_nilai)
    baris = next((e for e in skp.perilaku if e.nilai == kode_nilai), None)
    if baris is None:
        baris = EkspektasiPerilaku(skp_id=skp.id, urutan=BERAKHLAK.index(nilai), nilai=nilai.kode)
        skp.perilaku.append(baris)
    baris.ekspektasi = (ekspektasi or "").strip() or None
    session.flush()
    return PerilakuRow(baris.id, nilai.kode, nilai.nama, nilai.panduan, baris.ekspektasi or "")


def ubah_lampiran(
    session: Session, actor: Actor, skp_id: int, bagian: str, butir: list[str] | tuple[str, ...]
) -> tuple[str, ...]:
    """Replace one numbered list of the Lampiran (empty lines are dropped)."""
    skp = ambil_skp(session, skp_id)
    wajib_dapat_diubah(actor, skp)
    if bagian not in BAGIAN_LAMPIRAN:
        raise ValidationError("Bagian lampiran tidak dikenal.", "Lampiran")
    bersih = [" ".join(b.split()) for b in butir if b and b.strip()]
    for lama in [x for x in skp.lampiran if x.bagian == bagian]:
        skp.lampiran.remove(lama)
    for i, teks in enumerate(bersih):
        skp.lampiran.append(LampiranSkp(skp_id=skp.id, bagian=bagian, urutan=i, teks=teks))
    session.flush()
    return tuple(bersih)
