"""What a revision changes against the revision it revises: RHK and IKI that continue, change,
are added or end. The penilai deciding a revision reads it; the pegawai sees the same list.

Matching is by link, not by text: a revision's RHK and IKI carry the id of the row they were
copied from (``asal_id``), so an IKI whose wording or target was edited is "changed", not
"removed and added", and its history (realisasi, progress, feedback) stays with it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Indikator, RencanaHasilKerja
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services.skp.baris import muat_skp_lengkap, teks_target
from kinerja_desktop.services.skp.izin import wajib_lihat

LANJUT, BERUBAH, BARU, BERAKHIR = "LANJUT", "BERUBAH", "BARU", "BERAKHIR"
LABEL_KEADAAN = {
    LANJUT: "Berlanjut",
    BERUBAH: "Berubah",
    BARU: "Baru",
    BERAKHIR: "Berakhir",
}


@dataclass(frozen=True)
class BedaIki:
    keadaan: str  # LANJUT / BERUBAH / BARU / BERAKHIR
    indikator_id: int  # the new IKI, or the old one when it ends
    uraian: str
    target_lama: str  # "" when added
    target_baru: str  # "" when it ends
    catatan: str  # what changed, in words

    @property
    def label(self) -> str:
        return LABEL_KEADAAN[self.keadaan]


@dataclass(frozen=True)
class BedaRhk:
    keadaan: str
    rhk_id: int
    jenis: str
    uraian: str
    uraian_lama: str
    indikator: tuple[BedaIki, ...]

    @property
    def label(self) -> str:
        return LABEL_KEADAAN[self.keadaan]


@dataclass(frozen=True)
class BedaRevisi:
    skp_id: int
    revisi: int
    revisi_dari: int
    alasan: str
    rhk: tuple[BedaRhk, ...]

    def jumlah(self, keadaan: str) -> int:
        """IKI in a state (an RHK without IKI counts as one)."""
        return sum(
            sum(1 for i in r.indikator if i.keadaan == keadaan)
            or (1 if not r.indikator and r.keadaan == keadaan else 0)
            for r in self.rhk
        )

    @property
    def ringkasan(self) -> str:
        bagian = [
            f"{self.jumlah(k)} IKI {LABEL_KEADAAN[k].lower()}"
            for k in (LANJUT, BERUBAH, BARU, BERAKHIR)
            if self.jumlah(k)
        ]
        return f"Revisi {self.revisi} dibanding revisi {self.revisi_dari}: " + (
            ", ".join(bagian) if bagian else "tidak ada perubahan RHK/IKI"
        )

    @property
    def ada_perubahan(self) -> bool:
        return any(self.jumlah(k) for k in (BERUBAH, BARU, BERAKHIR)) or any(
            r.keadaan != LANJUT for r in self.rhk
        )


def _target(i: Indikator) -> str:
    return teks_target(i.target_nilai, i.target_satuan, i.target_narasi)


def _beda_iki(lama: Indikator, baru: Indikator) -> BedaIki:
    catatan = []
    if " ".join(lama.uraian.split()) != " ".join(baru.uraian.split()):
        catatan.append(f"uraian semula «{lama.uraian}»")
    if _target(lama) != _target(baru):
        catatan.append(f"target {_target(lama)} → {_target(baru)}")
    if (lama.aspek or "") != (baru.aspek or ""):
        catatan.append(f"aspek {lama.aspek or '-'} → {baru.aspek or '-'}")
    keadaan = BERUBAH if catatan else LANJUT
    return BedaIki(keadaan, baru.id, baru.uraian, _target(lama), _target(baru), "; ".join(catatan))


def _berakhir(i: Indikator) -> BedaIki:
    return BedaIki(BERAKHIR, i.id, i.uraian, _target(i), "", "tidak ada lagi di revisi ini")


def _beda_rhk(r: RencanaHasilKerja, lama: RencanaHasilKerja | None) -> BedaRhk:
    if lama is None:
        iki = tuple(BedaIki(BARU, i.id, i.uraian, "", _target(i), "") for i in r.indikator)
        return BedaRhk(BARU, r.id, r.jenis, r.uraian, "", iki)
    iki_lama = {i.id: i for i in lama.indikator}
    rows = [
        _beda_iki(iki_lama[i.asal_id], i)
        if i.asal_id in iki_lama
        else BedaIki(BARU, i.id, i.uraian, "", _target(i), "")
        for i in r.indikator
    ]
    dipakai = {i.asal_id for i in r.indikator}
    rows += [_berakhir(i) for i in lama.indikator if i.id not in dipakai]
    sama = " ".join(lama.uraian.split()) == " ".join(r.uraian.split()) and lama.jenis == r.jenis
    keadaan = LANJUT if sama and all(x.keadaan == LANJUT for x in rows) else BERUBAH
    return BedaRhk(keadaan, r.id, r.jenis, r.uraian, "" if sama else lama.uraian, tuple(rows))


def beda_revisi(session: Session, actor: Actor, skp_id: int) -> BedaRevisi | None:
    """The changes of a revision against the one it revises (None for an SKP that is no
    revision)."""
    baru = muat_skp_lengkap(session, skp_id)
    wajib_lihat(session, actor, baru.pegawai_id)
    if baru.revisi_dari_id is None:
        return None
    lama = muat_skp_lengkap(session, baru.revisi_dari_id)
    rhk_lama = {r.id: r for r in lama.rhk}
    rows = [_beda_rhk(r, rhk_lama.get(r.asal_id or -1)) for r in baru.rhk]
    dipakai = {r.asal_id for r in baru.rhk}
    for r in lama.rhk:
        if r.id not in dipakai:
            rows.append(
                BedaRhk(BERAKHIR, r.id, r.jenis, r.uraian, "", tuple(map(_berakhir, r.indikator)))
            )
    return BedaRevisi(baru.id, baru.revisi, lama.revisi, baru.alasan_revisi or "", tuple(rows))
