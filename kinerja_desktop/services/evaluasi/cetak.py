"""The data the two printed forms show (the verification register rebuilds these), preparing a
printout with its footer codes, and reading those codes back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Evaluasi, Keberatan, Pegawai, Periode, Skp
from kinerja_desktop.domain.errors import NotFound, PermissionDenied
from kinerja_desktop.domain.identitas import json_cetak
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.periode import label_periode_cetak, periode_tahunan
from kinerja_desktop.domain.status import StatusKeberatan
from kinerja_desktop.domain.tanggal import format_rentang_periode
from kinerja_desktop.services.dokumen import daftarkan_cetak, kode_cetak
from kinerja_desktop.services.evaluasi.hasil_kerja import baris_perilaku, hasil_kerja_periode
from kinerja_desktop.services.evaluasi.predikat_org import predikat_organisasi
from kinerja_desktop.services.evaluasi.syarat import (
    FINAL,
    PESAN_DRAF_PEGAWAI,
    adalah_penilai,
    ambil_evaluasi,
    ambil_pegawai,
    draf_tersembunyi,
    instansi,
    nama_pegawai,
    skp_evaluasi,
    snapshot,
    wajib_baca,
)
from kinerja_desktop.services.muat import ambil
from kinerja_desktop.services.pengaturan import KUNCI_EMBLEM, KUNCI_TEMPAT, baca_biner, baca_teks
from kinerja_desktop.services.periode import get_periode
from kinerja_desktop.services.waktu import tanggal_kantor

JENIS_CETAK_EVALUASI = "EVALUASI"
JENIS_CETAK_DOKUMEN = "DOKEVAL"


def label_periode(periode: Periode) -> dict[str, Any]:
    items = label_periode_cetak(periode.jenis)
    awalan = ""
    pertama = items[0]
    if " " in pertama:
        awalan, items[0] = pertama.rsplit(" ", 1)[0] + " ", pertama.rsplit(" ", 1)[1]
    if periode.akhir:
        mulai, selesai = periode_tahunan(periode.tahun)
    else:
        mulai, selesai = periode.mulai, periode.selesai
    nomor = min(max(periode.nomor, 1), len(items))
    return {
        "kode": periode.kode,
        "nama": periode.nama,
        "tahun": periode.tahun,
        "awalan": awalan,
        "pilihan": items,
        "terpilih": items[nomor - 1],
        "rentang": format_rentang_periode(mulai, selesai),
    }


def _tanggal_cetak(session: Session, ev: Evaluasi, periode: Periode) -> date:
    return (
        tanggal_kantor(session, ev.difinalkan_pada)
        if ev.status == FINAL and ev.difinalkan_pada
        else (periode.selesai)
    )


def _keberatan_cetak(session: Session, ev: Evaluasi) -> dict[str, Any] | None:
    k = session.scalar(
        select(Keberatan)
        .where(Keberatan.evaluasi_id == ev.id, Keberatan.status == StatusKeberatan.DIPUTUS)
        .order_by(Keberatan.id.desc())
        .limit(1)
    )
    if k is None:
        return None
    return {
        "keputusan": k.keputusan,
        "tanggal": tanggal_kantor(session, k.diputus_pada).isoformat() if k.diputus_pada else None,
        "catatan": k.catatan_keputusan or "",
    }


def data_cetak_evaluasi(session: Session, evaluasi_uuid: str) -> dict[str, Any] | None:
    """All that the Evaluasi Kinerja Pegawai form (forms.md §2) prints."""
    ev = session.scalar(select(Evaluasi).where(Evaluasi.uuid == evaluasi_uuid))
    if ev is None:
        return None
    periode = get_periode(session, ev.periode_id)
    skp = ambil(session, Skp, ev.skp_id)
    pegawai = ambil_pegawai(session, ev.pegawai_id)
    snap = snapshot(ev)
    hasil_kerja, _ = hasil_kerja_periode(session, skp, periode)
    perilaku = baris_perilaku(session, skp, periode, ev)
    penilai_ids = {ev.penilai_id}
    return {
        "status": ev.status,
        "periode": label_periode(periode),
        "instansi": snap.instansi or instansi(session),
        "tempat": snap.tempat or baca_teks(session, KUNCI_TEMPAT),
        "tanggal": _tanggal_cetak(session, ev, periode).isoformat(),
        "pendekatan": skp.pendekatan or "KUANTITATIF",
        "varian": skp.varian or "UMUM",
        "pegawai": json_cetak(snap.pegawai),
        "penilai": json_cetak(snap.penilai),
        "predikat_organisasi": predikat_organisasi(session, pegawai.unit_kerja_id, periode.id),
        "hasil_kerja": [
            {
                "jenis": r.jenis,
                "uraian": r.uraian,
                "intervensi": r.intervensi,
                "perspektif": r.perspektif,
                # only a JPT RHK may carry one; others keep the print data they always had
                **({"penugasan_dari": r.penugasan_dari} if r.penugasan_dari else {}),
                "indikator": [
                    {
                        "aspek": i.aspek,
                        "uraian": i.uraian,
                        "target": i.target,
                        "realisasi": i.realisasi,
                        "bukti": len(i.bukti),
                        "umpan_balik": [
                            u.teks for u in i.umpan_balik if u.penulis_id in penilai_ids
                        ],
                    }
                    for i in r.indikator
                ],
            }
            for r in hasil_kerja
        ],
        "rating_hasil_kerja": ev.rating_hasil_kerja,
        "perilaku": [
            {"kode": p.kode, "ekspektasi": p.ekspektasi, "umpan_balik": p.umpan_balik}
            for p in perilaku
        ],
        "rating_perilaku": ev.rating_perilaku,
        "predikat": ev.predikat,
        "keberatan": _keberatan_cetak(session, ev),
    }


def data_cetak_dokumen(session: Session, evaluasi_uuid: str) -> dict[str, Any] | None:
    """All that the Dokumen Evaluasi Kinerja Pegawai (forms.md §3) prints."""
    ev = session.scalar(select(Evaluasi).where(Evaluasi.uuid == evaluasi_uuid))
    if ev is None:
        return None
    periode = get_periode(session, ev.periode_id)
    pegawai = ambil_pegawai(session, ev.pegawai_id)
    snap = snapshot(ev)
    return {
        "status": ev.status,
        "periode": label_periode(periode),
        "instansi": snap.instansi or instansi(session),
        "tempat": snap.tempat or baca_teks(session, KUNCI_TEMPAT),
        "tanggal": _tanggal_cetak(session, ev, periode).isoformat(),
        "pegawai": json_cetak(snap.pegawai),
        "penilai": json_cetak(snap.penilai),
        "atasan_penilai": json_cetak(snap.atasan_penilai),
        "predikat_organisasi": predikat_organisasi(session, pegawai.unit_kerja_id, periode.id),
        "predikat": ev.predikat,
        "catatan": ev.catatan or "",
        "keberatan": _keberatan_cetak(session, ev),
    }


@dataclass(frozen=True)
class CetakanSiap:
    """The data to print plus the codes for its footer (registered for verification)."""

    jenis: str
    data: dict[str, Any]
    kode_dokumen: str
    kode_verifikasi: str
    nama_berkas: str = ""
    emblem: bytes | None = field(default=None, repr=False)

    @property
    def draf(self) -> bool:
        return self.data.get("status") != FINAL


def siapkan_cetak(
    session: Session, actor: Actor, evaluasi_id: int, jenis: str = JENIS_CETAK_EVALUASI
) -> CetakanSiap:
    """Build and register the data of one printout (both forms are per evaluation)."""
    ev = ambil_evaluasi(session, evaluasi_id)
    periode = get_periode(session, ev.periode_id)
    wajib_baca(session, actor, ev.pegawai_id, periode, ev)
    if draf_tersembunyi(
        actor, ev.pegawai_id, ev, adalah_penilai(session, actor, ev.pegawai_id, periode)
    ):
        raise PermissionDenied(PESAN_DRAF_PEGAWAI)
    return siapkan_cetak_tanpa_cek(session, ev, jenis)


def siapkan_cetak_tanpa_cek(
    session: Session, ev: Evaluasi, jenis: str, *, catat: bool = True
) -> CetakanSiap:
    """``catat=False`` only computes the codes: a batch worker reads, its parent records."""
    penyusun = data_cetak_evaluasi if jenis == JENIS_CETAK_EVALUASI else data_cetak_dokumen
    data = penyusun(session, ev.uuid)
    assert data is not None
    if catat:
        kode = daftarkan_cetak(session, jenis, ev.uuid, data)
    else:
        kode = kode_cetak(jenis, ev.uuid, data)
    emblem = None
    if jenis == JENIS_CETAK_DOKUMEN:
        emblem = baca_biner(session, KUNCI_EMBLEM)
    pegawai = ambil(session, Pegawai, ev.pegawai_id)
    periode = ambil(session, Periode, ev.periode_id)
    awalan = "Evaluasi" if jenis == JENIS_CETAK_EVALUASI else "DokumenEvaluasi"
    nama = f"{awalan}_{pegawai.nip}_{periode.tahun}_{periode.kode}.pdf"
    return CetakanSiap(jenis, data, kode.kode_dokumen, kode.kode_verifikasi, nama, emblem)


def cetak_evaluasi_pegawai(
    session: Session,
    actor: Actor,
    pegawai_id: int,
    periode_id: int,
    jenis: str = JENIS_CETAK_EVALUASI,
) -> CetakanSiap:
    periode = get_periode(session, periode_id)
    _skp, ev = skp_evaluasi(session, pegawai_id, periode)
    if ev is None:
        p = ambil_pegawai(session, pegawai_id)
        raise NotFound(
            f"{nama_pegawai(p)} belum dievaluasi untuk {periode.nama} {periode.tahun}; belum ada "
            "yang dapat dicetak."
        )
    return siapkan_cetak(session, actor, ev.id, jenis)


def pegawai_per_nip(session: Session, nip: str) -> Pegawai:
    from kinerja_desktop.domain.nip import normalize_nip

    p = session.scalar(select(Pegawai).where(Pegawai.nip == normalize_nip(nip)))
    if p is None:
        raise NotFound(f"Pegawai dengan NIP {nip} tidak ditemukan.")
    return p


_POLA_KODE_DOK = r"([A-Z][A-Z0-9]*-[0-9A-F]{8})"
_POLA_KODE_VER = r"([0-9A-F]{4}-?[0-9A-F]{4}-?[0-9A-F]{4})"


def urai_kode(teks: str) -> list[tuple[str, str]]:
    """(kode_dokumen, kode_verifikasi) pairs typed by a user or read from a QR code:
    "EVALUASI-1A2B3C4D ABCD-EF01-2345", "KINERJA:EVALUASI-1A2B3C4D:ABCD-EF01-2345", or the
    footer line "Dokumen: … · Kode verifikasi: …"."""
    import re

    bersih = (teks or "").upper()
    hasil: list[tuple[str, str]] = []
    for m in re.finditer(
        _POLA_KODE_DOK + r"[\s:·,;/|]*(?:KODE\s+VERIFIKASI:\s*)?" + _POLA_KODE_VER, bersih
    ):
        ver = m.group(2).replace("-", "")
        pasangan = (m.group(1), f"{ver[0:4]}-{ver[4:8]}-{ver[8:12]}")
        if pasangan not in hasil:
            hasil.append(pasangan)
    return hasil
