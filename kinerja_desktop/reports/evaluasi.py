"""EVALUASI KINERJA PEGAWAI (forms.md §2), one per period, A4 landscape.

Takes the plain dict built by ``services.evaluasi.data_cetak_evaluasi`` (the same data the
verification register hashes), so what is printed is exactly what is verified later.
"""

from __future__ import annotations

from datetime import date
from os import PathLike
from typing import IO, Any

from reportlab.platypus import Flowable, Spacer

from kinerja_desktop.domain.berakhlak import nilai_perilaku
from kinerja_desktop.domain.distribusi import URUTAN_KURVA, kurva_referensi
from kinerja_desktop.domain.predikat import Predikat, PredikatOrganisasi, Rating
from kinerja_desktop.reports.blocks import baris_bagi, sel_rhk_penugasan
from kinerja_desktop.reports.common import (
    LEBAR_LANSKAP,
    BarisSeksi,
    IdentitasCetak,
    KopDokumen,
    PenandaTangan,
    baris_instansi_periode,
    blok_tanda_tangan,
    buat_dokumen,
    esc,
    gambar_kurva,
    judul,
    lebar_kolom,
    paragraf,
    paragraf_markup,
    pilihan_coret,
    subjudul,
    tabel_data,
    tabel_identitas,
    tabel_label_nilai,
)

JUDUL_DOKUMEN = "Evaluasi Kinerja Pegawai"
PILIHAN_RATING = [r.label_cetak for r in Rating]  # DI ATAS / SESUAI / DI BAWAH EKSPEKTASI
PILIHAN_ORGANISASI = [o.label_cetak for o in PredikatOrganisasi]  # ISTIMEWA/ BAIK/ …
PILIHAN_PREDIKAT = [p.label_cetak for p in Predikat]  # SANGAT BAIK / BAIK / …
JUDUL_KURVA = "KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN CAPAIAN KINERJA ORGANISASI"


def kop(data: dict[str, Any]) -> KopDokumen:
    return KopDokumen(
        instansi=data.get("instansi") or "",
        periode_penilaian=data["periode"]["rentang"],
        tempat=data.get("tempat") or "",
        tanggal=date.fromisoformat(data["tanggal"]),
    )


def baris_periode(data: dict[str, Any]) -> Flowable:
    """ "PERIODE: TRIWULAN I / II / III / IV-AKHIR" with the other periods struck through."""
    p = data["periode"]
    return pilihan_coret(
        p["pilihan"], p["terpilih"], awalan=f"PERIODE: {p['awalan']}", gaya_nama="judul"
    )


def label_rating(nilai: str | None) -> str | None:
    return Rating(nilai).label_cetak if nilai else None


def label_predikat(nilai: str | None) -> str:
    return Predikat(nilai).label_cetak if nilai else "-"


def label_org(nilai: str | None) -> str:
    return PredikatOrganisasi(nilai).label_cetak if nilai else "BELUM DITETAPKAN"


def pilihan_org(nilai: str | None, gaya_nama: str = "isi") -> Flowable:
    """All five organisation predikat, the others struck through, as the Lampiran prints
    "ISTIMEWA/ BAIK/ BUTUH PERBAIKAN/ KURANG/ SANGAT KURANG"."""
    if not nilai:
        return paragraf(label_org(nilai), gaya_nama)
    return pilihan_coret(
        PILIHAN_ORGANISASI,
        label_org(nilai),
        pemisah="/ ",
        gaya_nama=gaya_nama,
        tebalkan_terpilih=True,
    )


def pilihan_predikat(nilai: str | None, gaya_nama: str = "isi") -> Flowable:
    """The five predikat kinerja pegawai, the others struck through (like the ratings)."""
    if not nilai:
        return paragraf(label_predikat(nilai), gaya_nama)
    return pilihan_coret(
        PILIHAN_PREDIKAT, label_predikat(nilai), gaya_nama=gaya_nama, tebalkan_terpilih=True
    )


def pola_distribusi(nilai: str | None, lebar: float = 8.5 * 28.35) -> Flowable:
    if not nilai:
        return paragraf("-")
    kurva = kurva_referensi(PredikatOrganisasi(nilai))
    return gambar_kurva(
        [kurva[p] for p in URUTAN_KURVA],
        lebar=lebar,
        judul=f"{JUDUL_KURVA} {label_org(nilai)}",
    )


def catatan_keberatan(data: dict[str, Any]) -> Flowable | None:
    kb = data.get("keberatan")
    if not kb:
        return None
    tanggal = kb.get("tanggal")
    teks_tgl = ""
    if tanggal:
        from kinerja_desktop.reports.common import tanggal_indonesia

        teks_tgl = f" tanggal {tanggal_indonesia(date.fromisoformat(tanggal))}"
    if kb.get("keputusan") == "DIUBAH":
        isi = (
            f"<b>Hasil setelah keberatan</b>: diubah oleh keputusan atasan pejabat penilai "
            f"kinerja{teks_tgl} (PP 30/2019 Pasal 59; keputusan final)."
        )
    else:
        isi = (
            f"<b>Keberatan telah diputus</b>: hasil tetap menurut keputusan atasan pejabat "
            f"penilai kinerja{teks_tgl} (keputusan final)."
        )
    if kb.get("catatan"):
        isi += f" Catatan: {esc(kb['catatan'])}"
    return paragraf_markup(isi, "isi")


def _kolom(data: dict[str, Any]) -> tuple[list[str], list[float], bool, bool]:
    jpt = data.get("varian") == "JPT"
    kualitatif = data.get("pendekatan") == "KUALITATIF"
    header = ["NO"]
    lebar = [2.0]
    if not jpt:
        header.append("RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI")
        lebar.append(7.0)
    header.append("RENCANA HASIL KERJA")
    lebar.append(7.0)
    if not jpt:
        header.append("ASPEK")
        lebar.append(3.0)
    if kualitatif:
        header.append("UKURAN KEBERHASILAN / INDIKATOR KINERJA INDIVIDU, DAN TARGET")
        lebar.append(10.0)
    else:
        header += ["INDIKATOR KINERJA INDIVIDU", "TARGET"]
        lebar += [7.5, 3.0]
    if jpt:  # the Lampiran's JPT order: NO, RHK, IKI, TARGET, PERSPEKTIF, REALISASI, ...
        header.append("PERSPEKTIF")
        lebar.append(3.5)
    header += [
        "REALISASI BERDASARKAN BUKTI DUKUNG",
        "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
    ]
    lebar += [7.0, 8.0]
    return header, lebar, jpt, kualitatif


def _sel_rhk(r: dict[str, Any]) -> Any:
    if r.get("penugasan_dari"):
        return sel_rhk_penugasan(r["uraian"], r["penugasan_dari"])
    return r["uraian"]


def _realisasi(i: dict[str, Any]) -> str:
    teks = i.get("realisasi") or "-"
    if i.get("bukti"):
        teks += f"\n({i['bukti']} bukti dukung)"
    return teks


def _umpan_balik(teks: list[str]) -> str:
    if not teks:
        return "-"
    return "\n".join(f"• {t}" if len(teks) > 1 else t for t in teks)


def tabel_hasil_kerja(data: dict[str, Any], lebar_total: float = LEBAR_LANSKAP) -> Flowable:
    header, lebar, jpt, kualitatif = _kolom(data)
    rows: list[Any] = []
    spans: list[Any] = []
    tanpa_pisah: list[tuple[int, int]] = []
    # NO, intervensi and RHK (JPT: NO, RHK and PERSPEKTIF) span over the RHK's IKI rows
    kolom_span = [0, 1, header.index("PERSPEKTIF")] if jpt else [0, 1, 2]
    for jenis, label in (("UTAMA", "A. UTAMA"), ("TAMBAHAN", "B. TAMBAHAN")):
        seksi = len(rows)
        rows.append(BarisSeksi(label))
        daftar = [r for r in data["hasil_kerja"] if r["jenis"] == jenis]
        if not daftar:
            rows.append(["-"] + [""] * (len(header) - 1))
            spans.append(((0, len(rows) - 1), (len(header) - 1, len(rows) - 1)))
            tanpa_pisah.append((seksi, len(rows) - 1))
        for nomor, r in enumerate(daftar, start=1):
            awal = len(rows)
            indikator = r["indikator"] or [
                {
                    "aspek": "",
                    "uraian": "-",
                    "target": "",
                    "realisasi": "",
                    "bukti": 0,
                    "umpan_balik": [],
                }
            ]
            for k, i in enumerate(indikator):
                sel: list[Any] = [str(nomor) if k == 0 else ""]
                if not jpt:
                    sel.append(r.get("intervensi") or "-" if k == 0 else "")
                sel.append(_sel_rhk(r) if k == 0 else "")
                if not jpt:
                    sel.append(i.get("aspek") or "")
                if kualitatif:
                    sel.append(f"{i['uraian']}\n{i['target']}".strip())
                else:
                    sel += [i["uraian"], i["target"]]
                if jpt:
                    sel.append(r.get("perspektif") or "-" if k == 0 else "")
                sel += [_realisasi(i), _umpan_balik(i.get("umpan_balik") or [])]
                rows.append(sel)
            akhir = len(rows) - 1
            if akhir > awal:
                for c in kolom_span:
                    spans.append(((c, awal), (c, akhir)))
            # a section heading never ends a page alone: keep it with its first RHK
            tanpa_pisah.append((seksi if nomor == 1 else awal, akhir))
    tengah = [0, 3] if not jpt else [0]
    if not kualitatif:
        tengah.append(header.index("TARGET"))
    return tabel_data(
        [header],
        rows,
        lebar_kolom(lebar, lebar_total),
        spans,
        nomor_kolom=True,
        rata_tengah=tengah,
        tanpa_pisah=tanpa_pisah,
    )


def tabel_perilaku(data: dict[str, Any], lebar_total: float = LEBAR_LANSKAP) -> Flowable:
    header = [
        "NO",
        "PERILAKU KERJA",
        "EKSPEKTASI KHUSUS PIMPINAN",
        "UMPAN BALIK BERKELANJUTAN BERDASARKAN BUKTI DUKUNG",
    ]
    rows: list[Any] = []
    for n, p in enumerate(data["perilaku"], start=1):
        nilai = nilai_perilaku(p["kode"])
        markup = f"<b>{esc(nilai.nama)}</b>" + "".join(f"<br/>• {esc(t)}" for t in nilai.panduan)
        rows.append(
            [
                str(n),
                paragraf_markup(markup, "tabel"),
                f"Ekspektasi Khusus Pimpinan:\n{p.get('ekspektasi') or '-'}",
                p.get("umpan_balik") or "-",
            ]
        )
    return tabel_data(
        [header],
        rows,
        lebar_kolom([2, 18, 11, 13], lebar_total),
        nomor_kolom=True,
        rata_tengah=[0],
    )


def _rating_baris(label: str, nilai: str | None) -> Flowable:
    return tabel_label_nilai(
        [(label, pilihan_coret(PILIHAN_RATING, label_rating(nilai), tebalkan_terpilih=True))],
        lebar_label=0.24,
    )


def story_evaluasi(data: dict[str, Any]) -> list[Flowable]:
    final = data.get("status") == "FINAL"
    pegawai = IdentitasCetak.dari_json(data["pegawai"])
    penilai = IdentitasCetak.dari_json(data["penilai"])
    jpt = data.get("varian") == "JPT"
    story: list[Flowable] = [
        judul(
            [
                "EVALUASI KINERJA PEGAWAI",
                f"PENDEKATAN HASIL KERJA {data.get('pendekatan') or 'KUANTITATIF'}",
                baris_bagi(jpt),
            ]
        ),
        baris_periode(data),
        Spacer(1, 6),
        baris_instansi_periode(kop(data)),
        tabel_identitas(pegawai, penilai),
        tabel_label_nilai(
            [
                (
                    "CAPAIAN KINERJA ORGANISASI",
                    pilihan_org(data.get("predikat_organisasi")),
                ),
                ("POLA DISTRIBUSI", pola_distribusi(data.get("predikat_organisasi"))),
            ],
            lebar_label=0.24,
        ),
        subjudul("HASIL KERJA"),
        tabel_hasil_kerja(data),
        _rating_baris("RATING HASIL KERJA", data.get("rating_hasil_kerja")),
        subjudul("PERILAKU KERJA"),
        tabel_perilaku(data),
        _rating_baris("RATING PERILAKU KERJA", data.get("rating_perilaku")),
        tabel_label_nilai(
            [
                (
                    "PREDIKAT KINERJA PEGAWAI",
                    pilihan_predikat(data.get("predikat")),
                )
            ],
            lebar_label=0.24,
        ),
    ]
    catatan = catatan_keberatan(data)
    if catatan is not None:
        story.append(catatan)
    story.append(
        blok_tanda_tangan(
            PenandaTangan("Pegawai yang Dinilai", pegawai),
            PenandaTangan("Pejabat Penilai Kinerja", penilai),
            kop(data),
            tampilkan_nama=final,
            lebar=LEBAR_LANSKAP,
        )
    )
    return story


def cetak_evaluasi(
    out: str | PathLike[str] | IO[bytes],
    data: dict[str, Any],
    kode_dokumen: str,
    kode_verifikasi: str,
    *,
    invariant: bool = False,
) -> int:
    """Write the PDF; returns the page count. DRAF (not final): watermark, no names."""
    return buat_dokumen(
        out,
        story_evaluasi(data),
        judul_dokumen=JUDUL_DOKUMEN,
        kode_dokumen=kode_dokumen,
        kode_verifikasi=kode_verifikasi,
        draf=data.get("status") != "FINAL",
        landscape=True,
        invariant=invariant,
    )


__all__ = ["JUDUL_DOKUMEN", "cetak_evaluasi", "kop", "story_evaluasi"]
