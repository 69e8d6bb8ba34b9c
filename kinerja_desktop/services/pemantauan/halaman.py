"""The Pemantauan page of one pegawai, year and period: his IKI with their realisasi, his
rencana aksi, the period's filling state, and whether the acting user may write."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Pegawai
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services.akses import wajib_baca_pemantauan
from kinerja_desktop.services.muat import ambil
from kinerja_desktop.services.pemantauan.realisasi import BarisRealisasi, baris_realisasi
from kinerja_desktop.services.pemantauan.rencana_aksi import RencanaAksiRow, rencana_aksi_skp
from kinerja_desktop.services.pemantauan.struktur import skp_untuk
from kinerja_desktop.services.pemantauan.syarat import (
    BELUM_MULAI,
    DIAJUKAN,
    DINILAI,
    DRAF,
    TANPA_SKP,
    evaluasi_final,
    hari_acuan,
)
from kinerja_desktop.services.periode import PeriodeRow, pastikan_periode, periode_berjalan
from kinerja_desktop.services.skp.berlaku import label_tertunda, skp_tertunda
from kinerja_desktop.services.umpan_balik import hitung_belum_dibaca


@dataclass(frozen=True)
class HalamanPemantauan:
    """What the Pemantauan page shows for one pegawai, year and period."""

    pegawai_id: int
    pegawai_nama: str
    pegawai_nip: str
    tahun: int
    periode: tuple[PeriodeRow, ...]
    periode_aktif: PeriodeRow | None
    skp_id: int | None
    skp_status: str | None
    baris: tuple[BarisRealisasi, ...]
    rencana_aksi: tuple[RencanaAksiRow, ...]
    status: str  # TANPA_SKP / BELUM_MULAI / DRAF / DIAJUKAN / DINILAI
    terkunci: bool  # evaluation of this period is FINAL
    boleh_ubah: bool  # the acting user may write (self or admin) and it is not locked
    lewat_batas: bool  # today is after the batas pengisian
    belum_dibaca: dict[int, int] = field(default_factory=dict)  # feedback thread -> unread

    def belum_dibaca_iki(self, b: BarisRealisasi) -> int:
        """Unread feedback messages on one IKI of the page, for the acting user."""
        return sum(self.belum_dibaca.get(u.id, 0) for u in b.umpan_balik)

    skp_revisi: int | None = None  # the revision in force for the period
    tertunda: str = ""  # "Revisi 1 menunggu penetapan" beside it, or ""
    tertunda_skp_id: int | None = None

    @property
    def jumlah_terisi(self) -> int:
        return sum(1 for b in self.baris if b.terisi)


def status_periode(baris: Sequence[BarisRealisasi], final: bool) -> str:
    if final:
        return DINILAI
    iki = [b for b in baris]
    terisi = [b for b in iki if b.terisi]
    if not terisi:
        return BELUM_MULAI
    if any(b.status == DINILAI for b in terisi):
        return DINILAI
    if len(terisi) >= len(iki) and all(b.status == DIAJUKAN for b in terisi):
        return DIAJUKAN
    return DRAF


def halaman_pemantauan(
    session: Session,
    actor: Actor,
    pegawai_id: int,
    tahun: int,
    periode_id: int | None = None,
    *,
    hari_ini: date | None = None,
) -> HalamanPemantauan:
    """One pegawai's monitoring page for a year and period (default: the running period)."""
    wajib_baca_pemantauan(session, actor, pegawai_id)
    hari = hari_acuan(session, hari_ini)
    peg = ambil(session, Pegawai, pegawai_id, "Pegawai tidak ditemukan.")
    periode = pastikan_periode(session, tahun)
    aktif = next((p for p in periode if p.id == periode_id), None) or periode_berjalan(
        periode, hari
    )
    tanggal = aktif.selesai if aktif is not None else None
    skp = skp_untuk(session, pegawai_id, tahun, tanggal)
    tunda = skp_tertunda(session, pegawai_id, tahun, tanggal)
    baris: list[BarisRealisasi] = []
    ra: list[RencanaAksiRow] = []
    final = False
    if skp is not None and aktif is not None:
        baris = baris_realisasi(session, skp.id, aktif.id, True)
        ra = rencana_aksi_skp(session, skp.id, aktif.id)
        final = evaluasi_final(session, skp.id, aktif.id)
    status = TANPA_SKP if skp is None else status_periode(baris, final)
    boleh = skp is not None and not final and (actor.is_admin or actor.pegawai_id == pegawai_id)
    return HalamanPemantauan(
        pegawai_id=pegawai_id,
        pegawai_nama=nama_lengkap(peg.gelar_depan, peg.nama, peg.gelar_belakang),
        pegawai_nip=peg.nip,
        tahun=tahun,
        periode=tuple(periode),
        periode_aktif=aktif,
        skp_id=skp.id if skp else None,
        skp_status=skp.status if skp else None,
        baris=tuple(baris),
        rencana_aksi=tuple(ra),
        status=status,
        terkunci=final,
        boleh_ubah=boleh,
        lewat_batas=bool(aktif and aktif.terlambat_pada(hari)),
        belum_dibaca=hitung_belum_dibaca(session, actor, (u for b in baris for u in b.umpan_balik)),
        skp_revisi=skp.revisi if skp else None,
        tertunda=label_tertunda(tunda),
        tertunda_skp_id=tunda.id if tunda else None,
    )
