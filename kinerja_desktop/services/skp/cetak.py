"""Printing the SKP: its data from the snapshot + content, the document register, the PDF.

The verification builder ``data_cetak`` (listed in ``services.cetak.PENYUSUN_DOKUMEN``) rebuilds
the same data from the database, so ``services.cetak.verifikasi_kode`` can tell whether a
printout is still current.
Identity always comes from the snapshot taken when the SKP was created or revised.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from kinerja_desktop.db.models import Pegawai, Skp
from kinerja_desktop.domain.errors import NotFound
from kinerja_desktop.domain.identitas import Identitas, json_cetak
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.services.dokumen import daftarkan_cetak
from kinerja_desktop.services.skp.baris import (
    baca_snapshot,
    label_periode,
    lampiran_dict,
    muat_skp_lengkap,
    perilaku_rows,
    rhk_rows,
)
from kinerja_desktop.services.skp.berlaku import skp_berlaku
from kinerja_desktop.services.skp.izin import wajib_lihat
from kinerja_desktop.services.skp.kosakata import (
    BAGIAN_LAMPIRAN,
    DITETAPKAN,
    JPT,
    JUDUL_LAMPIRAN,
    LABEL_ASPEK,
)
from kinerja_desktop.services.waktu import tanggal_kantor

JENIS_DOKUMEN = "SKP"


def data_dokumen(skp: Skp) -> dict[str, Any]:
    """Everything the printed SKP shows, as plain JSON-able data (hashed for verification)."""
    snap = baca_snapshot(skp)
    session = object_session(skp)
    tanggal = (
        tanggal_kantor(session, skp.ditetapkan_pada)
        if skp.ditetapkan_pada and session is not None
        else (skp.ditetapkan_pada.date() if skp.ditetapkan_pada else skp.mulai)
    )
    rhk = []
    for r in rhk_rows(skp.rhk):
        rhk.append(
            {
                "jenis": r.jenis,
                "nomor": r.nomor,
                "uraian": r.uraian,
                "intervensi": r.intervensi_uraian,
                "perspektif": r.perspektif or "",
                "penugasan_dari": r.penugasan_dari or "",
                "indikator": [
                    {
                        "aspek": LABEL_ASPEK.get(i.aspek or "", ""),
                        "uraian": i.uraian,
                        "target": i.target_teks,
                    }
                    for i in r.indikator
                ],
            }
        )
    lampiran = lampiran_dict(skp)
    return {
        "instansi": snap.instansi,
        "tempat": snap.tempat,
        "periode": label_periode(skp),
        "tanggal": tanggal.isoformat(),
        "pegawai": json_cetak(snap.pegawai),
        "penilai": json_cetak(snap.penilai),
        "pendekatan": skp.pendekatan,
        "jpt": skp.varian == JPT,
        "status": skp.status,
        "revisi": skp.revisi,
        "rhk": rhk,
        "perilaku": [
            {"nama": p.nama, "panduan": list(p.panduan), "ekspektasi": p.ekspektasi}
            for p in perilaku_rows(skp)
        ],
        "lampiran": [[JUDUL_LAMPIRAN[b], list(lampiran.get(b, ()))] for b in BAGIAN_LAMPIRAN],
    }


def skp_cetak_dari_data(data: dict[str, Any], kode_dok: str = "", kode_ver: str = ""):
    """The report's dataclass from :func:`data_dokumen` output."""
    from kinerja_desktop.reports.skp import (
        IkiCetak,
        KopDokumen,
        PerilakuCetak,
        RhkCetak,
        SkpCetak,
    )

    return SkpCetak(
        kop=KopDokumen(
            instansi=data["instansi"],
            periode_penilaian=data["periode"],
            tempat=data["tempat"] or "..................",
            tanggal=date.fromisoformat(data["tanggal"]),
        ),
        pegawai=Identitas.dari_json(data["pegawai"]),
        penilai=Identitas.dari_json(data["penilai"]),
        pendekatan=data["pendekatan"],
        jpt=data["jpt"],
        ditetapkan=data["status"] == DITETAPKAN,
        rhk=tuple(
            RhkCetak(
                r["jenis"],
                r["nomor"],
                r["uraian"],
                r["intervensi"],
                r["perspektif"],
                r["penugasan_dari"],
                tuple(IkiCetak(**i) for i in r["indikator"]),
            )
            for r in data["rhk"]
        ),
        perilaku=tuple(
            PerilakuCetak(p["nama"], tuple(p["panduan"]), p["ekspektasi"]) for p in data["perilaku"]
        ),
        lampiran=tuple((j, tuple(items)) for j, items in data["lampiran"]),
        kode_dokumen=kode_dok or "SKP-00000000",
        kode_verifikasi=kode_ver or "0000-0000-0000",
        keterangan_revisi=f"(REVISI KE-{data['revisi']})" if data["revisi"] else "",
    )


def data_cetak(session: Session, entitas_uuid: str) -> dict[str, Any] | None:
    skp = session.scalar(select(Skp).where(Skp.uuid == entitas_uuid))
    return data_dokumen(skp) if skp is not None else None


def siapkan_cetak(session: Session, actor: Actor, skp_id: int):
    """Register the printout (document id + verification code) and return the SkpCetak."""
    skp = muat_skp_lengkap(session, skp_id)
    wajib_lihat(session, actor, skp.pegawai_id)
    data = data_dokumen(skp)
    kode = daftarkan_cetak(session, JENIS_DOKUMEN, skp.uuid, data)
    return skp_cetak_dari_data(data, kode.kode_dokumen, kode.kode_verifikasi)


def cetak_skp(session: Session, actor: Actor, skp_id: int) -> bytes:
    """The SKP as PDF bytes (registered for verification)."""
    from kinerja_desktop.reports.skp import render_skp

    return render_skp(siapkan_cetak(session, actor, skp_id))


def nama_berkas(session: Session, skp_id: int) -> str:
    skp = session.get(Skp, skp_id)
    if skp is None:
        raise NotFound("SKP tidak ditemukan.")
    p = session.get(Pegawai, skp.pegawai_id)
    rev = f"_rev{skp.revisi}" if skp.revisi else ""
    return f"SKP_{skp.tahun}_{p.nip if p else skp.pegawai_id}{rev}.pdf"


def cetak_skp_pegawai(session: Session, actor: Actor, nip: str, tahun: int) -> tuple[bytes, str]:
    """The SKP in force today of the pegawai with this NIP for the year (headless printing; a
    pending revision is printed from the SKP screen, where it is chosen)."""
    from kinerja_desktop.domain.nip import normalize_nip

    nip_bersih = normalize_nip(nip)
    p = session.scalar(select(Pegawai).where(Pegawai.nip == nip_bersih))
    if p is None:
        raise NotFound(f"Pegawai dengan NIP {nip} tidak ditemukan.")
    skp = skp_berlaku(session, p.id, tahun)
    if skp is None:
        raise NotFound(f"{p.nama} belum memiliki SKP tahun {tahun}.")
    return cetak_skp(session, actor, skp.id), nama_berkas(session, skp.id)
