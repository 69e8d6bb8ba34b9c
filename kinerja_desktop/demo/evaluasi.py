"""Demo evaluations: the periods of the demo year that have ended get evaluations, the
organisation predikat of every unit, one reopened evaluation, one keberatan decided and one
still waiting, so every evaluation screen and printed form has content.

Runs after the roster, SKP and monitoring steps and looks up what exists; it goes through the
same services as a user (as the penilai of each pegawai), so every rule holds.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Evaluasi, Keberatan, Pegawai, Periode, Skp, UnitKerja
from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.errors import DomainError
from kinerja_desktop.domain.nama import nama_lengkap
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.domain.status import StatusSkp
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import keberatan as kb
from kinerja_desktop.services import organisasi

UMPAN_BALIK = {
    "BERORIENTASI_PELAYANAN": "Melayani warga dengan ramah dan cepat; pertahankan.",
    "AKUNTABEL": "Laporan disusun jujur dan tepat waktu.",
    "KOMPETEN": "Aktif mengikuti pelatihan dan berbagi ilmu dengan rekan.",
    "HARMONIS": "Menjaga suasana kerja yang kondusif di seksi.",
    "LOYAL": "Menjaga nama baik instansi dalam setiap kegiatan.",
    "ADAPTIF": "Cepat menyesuaikan diri dengan aplikasi layanan yang baru.",
    "KOLABORATIF": "Terbuka bekerja sama dengan seksi lain.",
}
CATATAN = (
    "Pertahankan kinerja; tingkatkan kualitas dokumentasi bukti dukung.",
    "Tingkatkan ketepatan waktu penyampaian laporan.",
    "Disarankan mengikuti pelatihan teknis sesuai jabatan.",
    "Kinerja baik; perlu lebih proaktif berkoordinasi dengan desa.",
)
# (rating hasil kerja, rating perilaku) with weights: most Baik, some Sangat Baik, a few less
RATING = [
    (("SESUAI", "SESUAI"), 48),
    (("DI_ATAS", "SESUAI"), 12),
    (("DI_ATAS", "DI_ATAS"), 16),
    (("SESUAI", "DI_ATAS"), 10),
    (("DI_BAWAH", "SESUAI"), 9),
    (("SESUAI", "DI_BAWAH"), 4),
    (("DI_BAWAH", "DI_BAWAH"), 1),
]
PREDIKAT_ORG = ("BAIK", "BAIK", "BAIK", "ISTIMEWA", "BUTUH_PERBAIKAN")


def _aktor(p: Pegawai) -> Actor:
    return Actor(
        nama=nama_lengkap(p.gelar_depan, p.nama, p.gelar_belakang),
        pegawai_id=p.id,
        peran=frozenset({Peran.PENILAI, Peran.PEGAWAI}),
    )


def _pada(d: date, hari: int, jam: int = 9) -> datetime:
    return datetime.combine(d + timedelta(days=hari), time(jam, 0))


def _periode_lalu(session: Session, tahun: int, hari_ini: date) -> list[Periode]:
    periode = list(
        session.scalars(select(Periode).where(Periode.tahun == tahun).order_by(Periode.nomor))
    )
    if not periode:
        from kinerja_desktop.services.periode import pastikan_periode

        pastikan_periode(session, tahun)
        periode = list(
            session.scalars(select(Periode).where(Periode.tahun == tahun).order_by(Periode.nomor))
        )
    return [p for p in periode if p.selesai < hari_ini]


def isi_evaluasi(session: Session, tahun: int, rng: random.Random) -> dict[str, int]:
    hari_ini = date.today()
    lalu = _periode_lalu(session, tahun, hari_ini)
    hitung = {"evaluasi": 0, "final": 0, "predikat_organisasi": 0, "keberatan": 0}
    if not lalu:
        return hitung
    pegawai = {
        p.id: p
        for p in session.scalars(
            select(Pegawai).where(Pegawai.aktif.is_(True), Pegawai.luar.is_(False))
        )
    }
    skp_ok = set(
        session.scalars(
            select(Skp.pegawai_id).where(Skp.tahun == tahun, Skp.status == StatusSkp.DITETAPKAN)
        )
    )
    units = list(session.scalars(select(UnitKerja).order_by(UnitKerja.id)))
    terakhir = lalu[-1]
    for n_periode, periode in enumerate(lalu):
        # 1. the organisation predikat of each unit, by the leader one level up
        for unit in units:
            kepala = sv.kepala_unit(session, unit.id)
            penilai = (
                organisasi.penilai_pada(session, kepala.id, periode.selesai) if kepala else None
            )
            if penilai is None:
                continue
            nilai = PREDIKAT_ORG[(unit.id + n_periode) % len(PREDIKAT_ORG)]
            sv.tetapkan_predikat_organisasi(
                session, _aktor(pegawai[penilai]), unit.id, periode.id, nilai
            )
            hitung["predikat_organisasi"] += 1
        # 2. every pegawai with a ditetapkan SKP, by his penilai in that period
        urut = sorted(pegawai.values(), key=lambda p: p.id)
        for i, p in enumerate(urut):
            penilai_id = organisasi.penilai_pada(session, p.id, periode.selesai)
            if penilai_id is None or p.id not in skp_ok or penilai_id not in pegawai:
                continue
            if periode is terakhir and i % 5 == 4:
                continue  # not yet evaluated: the recap lists them
            aktor = _aktor(pegawai[penilai_id])
            try:
                d = sv.mulai_evaluasi(
                    session, aktor, p.id, periode.id, pada=_pada(periode.selesai, 1 + i % 2)
                )
                ev_id = d.evaluasi_id
                if ev_id is None:  # mulai_evaluasi always returns a started evaluation
                    continue
                ((rh, rp),) = rng.choices([r for r, _ in RATING], [w for _, w in RATING])
                ub = {k: UMPAN_BALIK[k] for k in rng.sample(sorted(UMPAN_BALIK), 3)}
                # a unit head's rating hasil kerja follows his organisation's predikat
                kw: dict[str, Any] = {} if p.kepala_unit else {"rating_hasil_kerja": rh}
                sv.simpan_evaluasi(
                    session,
                    aktor,
                    ev_id,
                    rating_perilaku=rp,
                    catatan=rng.choice(CATATAN),
                    umpan_balik_perilaku=ub,
                    **kw,
                )
                hitung["evaluasi"] += 1
                if periode is terakhir and i % 3 == 0:
                    continue  # still a draft in the latest period
                sv.finalkan_evaluasi(session, aktor, ev_id, pada=_pada(periode.selesai, 3 + i % 5))
                hitung["final"] += 1
            except DomainError:
                continue  # e.g. a unit head whose organisation predikat is missing
    _buka_kembali(session, lalu[0], pegawai)
    hitung["keberatan"] = _keberatan(session, lalu, pegawai, hari_ini)
    session.flush()
    return hitung


def _final_dari(session: Session, periode: Periode) -> list[Evaluasi]:
    return list(
        session.scalars(
            select(Evaluasi)
            .where(Evaluasi.periode_id == periode.id, Evaluasi.status == sv.FINAL)
            .order_by(Evaluasi.id)
        )
    )


def _buka_kembali(session: Session, periode: Periode, pegawai: dict[int, Pegawai]) -> None:
    """One evaluation reopened by its penilai with a reason, corrected and finalised again."""
    for ev in _final_dari(session, periode):
        p = pegawai.get(ev.pegawai_id)
        if p is None or p.kepala_unit:
            continue
        aktor = _aktor(pegawai[ev.penilai_id])
        sv.buka_kembali_evaluasi(
            session,
            aktor,
            ev.id,
            "Bukti dukung realisasi triwulan baru diunggah pegawai setelah evaluasi difinalkan.",
            pada=_pada(periode.selesai, 10),
        )
        sv.simpan_evaluasi(
            session,
            aktor,
            ev.id,
            rating_hasil_kerja="DI_ATAS",
            catatan="Dinilai ulang setelah bukti dukung lengkap.",
        )
        sv.finalkan_evaluasi(session, aktor, ev.id, pada=_pada(periode.selesai, 12))
        return


def _keberatan(
    session: Session, lalu: list[Periode], pegawai: dict[int, Pegawai], hari_ini: date
) -> int:
    """A keberatan decided (result changed) in the first period and, in the latest period, one
    still waiting for the atasan pejabat penilai."""
    jumlah = 0
    for n, periode in enumerate((lalu[0], lalu[-1]) if len(lalu) > 1 else (lalu[0],)):
        kandidat = [
            ev
            for ev in _final_dari(session, periode)
            if ev.predikat in ("BUTUH_PERBAIKAN", "KURANG", "BAIK")
            and not pegawai[ev.pegawai_id].kepala_unit
            and sv.atasan_penilai_untuk(session, ev, periode) in pegawai
            and not session.scalar(select(Keberatan.id).where(Keberatan.evaluasi_id == ev.id))
        ]

        def urutan(e: Evaluasi, periode: Periode = periode) -> tuple:
            # prefer an objection decided by the head of the office (the Camat): the atasan
            # pejabat penilai whose own penilai is rated outside the office
            atasan = sv.atasan_penilai_untuk(session, e, periode)
            atas = organisasi.penilai_pada(session, atasan, periode.selesai) if atasan else None
            puncak = (
                atas is not None and organisasi.penilai_pada(session, atas, periode.selesai) is None
            )
            return (not puncak, e.predikat == "BAIK", e.id)

        kandidat.sort(key=urutan)
        if not kandidat:
            continue
        ev = kandidat[0]
        if ev.difinalkan_pada is None:  # final evaluations carry their date
            continue
        diajukan = ev.difinalkan_pada.date() + timedelta(days=4)
        if diajukan > hari_ini:
            continue
        row = kb.ajukan_keberatan(
            session,
            _aktor(pegawai[ev.pegawai_id]),
            ev.id,
            "Realisasi indikator utama sudah mencapai target dan bukti dukung lengkap, tetapi "
            "belum dipertimbangkan dalam rating hasil kerja.",
            hari_ini=diajukan,
        )
        jumlah += 1
        atasan_id = sv.atasan_penilai_untuk(session, ev, periode)
        if n == 0 and atasan_id is not None:  # the candidates all have one
            atasan = pegawai[atasan_id]
            rh, rp = ev.rating_hasil_kerja, ev.rating_perilaku
            nh = "SESUAI" if rh == "DI_BAWAH" else rh
            np_ = "SESUAI" if rp == "DI_BAWAH" else rp
            if (nh, np_) == (rh, rp):
                nh = "DI_ATAS"
            if (nh, np_) == (rh, rp):
                np_ = "DI_ATAS"
            kb.putus_keberatan(
                session,
                _aktor(atasan),
                row.id,
                kb.DIUBAH,
                rating_hasil_kerja=nh,
                rating_perilaku=np_,
                catatan="Setelah mendengar kedua pihak, bukti dukung dinilai lengkap.",
                hari_ini=diajukan + timedelta(days=5),
            )
    return jumlah


__all__ = ["BERAKHLAK", "isi_evaluasi"]
