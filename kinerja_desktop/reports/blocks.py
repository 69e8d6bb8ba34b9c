"""Flowable builders shared by every printed document (forms.md §1–4)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.platypus import (
    Flowable,
    KeepTogether,
    ListFlowable,
    ListItem,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kinerja_desktop.reports.data import (
    BagianDokumen,
    BarisSeksi,
    IdentitasCetak,
    KopDokumen,
    PenandaTangan,
)
from kinerja_desktop.reports.styles import (
    RUANG_TANDA_TANGAN,
    TEBAL_GARIS,
    WARNA_GARIS,
    cm,
    esc,
    gaya,
    paragraf,
    paragraf_markup,
)

GARIS_TITIK = "." * 45
Lebar = float | None

_GRID = ("GRID", (0, 0), (-1, -1), TEBAL_GARIS, WARNA_GARIS)
_PADDING = [
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
]
_TANPA_PADDING = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
]


def lebar_kolom(pecahan: Sequence[float], lebar: Lebar) -> list[Any]:
    """Column widths from relative weights: absolute points if ``lebar`` is given, else "%"
    strings (ReportLab resolves them against the frame width, portrait or landscape). Usable
    as ``col_widths`` of :func:`tabel_data`: ``lebar_kolom([1, 6, 6, 2, 8, 2])``."""
    total = sum(pecahan)
    if lebar is None:
        return [f"{100 * p / total:.4f}%" for p in pecahan]
    return [lebar * p / total for p in pecahan]


def _sel(nilai: Any, gaya_nama: str = "tabel") -> Any:
    """A table cell: str → escaped Paragraph, Flowable/list kept, None → ""."""
    if nilai is None:
        return ""
    if isinstance(nilai, (Flowable, list, tuple)):
        return nilai
    return paragraf(nilai, gaya_nama)


# --- headings -------------------------------------------------------------------------------


BAGI_JPT = "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI"
BAGI_UMUM = "BAGI PEJABAT ADMINISTRASI DAN PEJABAT FUNGSIONAL"


def baris_bagi(jpt: bool) -> str:
    """The "BAGI …" title line of the SKP and evaluation forms (Lampiran, per variant)."""
    return BAGI_JPT if jpt else BAGI_UMUM


def sel_rhk_penugasan(uraian: str, penugasan_dari: str) -> Paragraph:
    """A JPT RHK cell with "(penugasan dari …)" under it, as the Lampiran prints it."""
    return paragraf_markup(
        f"{esc(uraian)}<br/><i>(penugasan dari {esc(penugasan_dari)})</i>", "tabel"
    )


def judul(lines: Sequence[str]) -> Paragraph:
    """Centred bold title block, one line per item (e.g. "SASARAN KINERJA PEGAWAI", ...)."""
    return paragraf_markup("<br/>".join(esc(baris) for baris in lines if baris), "judul")


class Subjudul(Flowable):
    """A heading that moves to the next page unless ``sisa_minimal`` points of room remain
    below it (so it never ends a page alone), without tying it to the whole following table
    as ``keepWithNext`` would."""

    def __init__(self, paragraf_judul: Paragraph, sisa_minimal: float) -> None:
        super().__init__()
        self._p = paragraf_judul
        self._sisa = sisa_minimal

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        w, h = self._p.wrap(availWidth, availHeight)
        self.width, self.height = w, h
        if h + self._sisa > availHeight:
            return w, availHeight + 1  # does not fit: the frame moves us to the next page
        return w, h

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def getSpaceBefore(self) -> float:
        return self._p.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self._p.getSpaceAfter()

    def draw(self) -> None:
        self._p.drawOn(self.canv, 0, 0)


def subjudul(teks: str, sisa_minimal: float = 2.5 * cm) -> Flowable:
    """Bold section heading such as "HASIL KERJA", "PERILAKU KERJA"; starts a new page when
    less than ``sisa_minimal`` remains below it."""
    return Subjudul(paragraf(teks, "subjudul"), sisa_minimal)


def baris_instansi_periode(
    kop: KopDokumen, lebar: Lebar = None, *, label_periode: str = "PERIODE PENILAIAN"
) -> Table:
    """Instansi on the left, "PERIODE PENILAIAN: …" on the right (borderless)."""
    data = [
        [
            paragraf(kop.instansi, "isi_tebal"),
            paragraf_markup(
                f"<b>{esc(label_periode)}: {esc(kop.periode_penilaian)}</b>", "isi_kanan"
            ),
        ]
    ]
    t = Table(data, colWidths=lebar_kolom([38, 62], lebar), hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                *_TANPA_PADDING,
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return t


# --- identity -------------------------------------------------------------------------------


def baris_identitas(identitas: IdentitasCetak) -> list[tuple[str, str]]:
    """The five (label, value) pairs: NAMA, NIP (or NI PPPK), PANGKAT/GOL RUANG, JABATAN,
    UNIT KERJA. A pejabat luar kantor's block, as the Lampiran's: NIP only when he has one,
    UNIT KERJA only when recorded, then INSTANSI."""
    baris = [("NAMA", identitas.nama)]
    if identitas.cetak_nip:
        baris.append((identitas.label_nip, identitas.nip_cetak))
    baris += [
        ("PANGKAT/GOL RUANG", identitas.pangkat_golongan or ("-" if identitas.luar else "")),
        ("JABATAN", identitas.jabatan),
    ]
    if not identitas.luar or identitas.unit_kerja:
        baris.append(("UNIT KERJA", identitas.unit_kerja))
    if identitas.luar:
        baris.append(("INSTANSI", identitas.instansi))
    return baris


def tabel_identitas(
    pegawai: IdentitasCetak,
    penilai: IdentitasCetak,
    lebar: Lebar = None,
    *,
    judul_kiri: str = "PEGAWAI YANG DINILAI",
    judul_kanan: str = "PEJABAT PENILAI KINERJA",
) -> Table:
    """The two identity blocks side by side (forms.md §1):
    NO | PEGAWAI YANG DINILAI | | NO | PEJABAT PENILAI KINERJA | , rows 1–5."""
    data: list[list[Any]] = [
        [
            paragraf("NO", "header"),
            paragraf(judul_kiri, "tabel_tebal"),
            "",
            paragraf("NO", "header"),
            paragraf(judul_kanan, "tabel_tebal"),
            "",
        ]
    ]
    kiri, kanan = baris_identitas(pegawai), baris_identitas(penilai)
    for i in range(max(len(kiri), len(kanan))):  # an outside penilai may have more or fewer
        sel: list[Any] = []
        for sisi in (kiri, kanan):
            label, nilai = sisi[i] if i < len(sisi) else ("", "")
            nomor = str(i + 1) if label else ""
            sel += [
                paragraf(nomor, "tabel_tengah"),
                paragraf(label, "tabel"),
                paragraf(nilai, "tabel"),
            ]
        data.append(sel)
    t = Table(
        data,
        colWidths=lebar_kolom([4, 17, 29, 4, 17, 29], lebar),
        hAlign="CENTER",
        splitInRow=0,
        spaceBefore=2,
        spaceAfter=8,
    )
    t.setStyle(TableStyle([_GRID, *_PADDING, ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return t


def blok_identitas_baris(judul: str, identitas: IdentitasCetak) -> BagianDokumen:
    """A Dokumen Evaluasi section: the heading plus one row each for NAMA, NIP, PANGKAT/GOL
    RUANG, JABATAN, UNIT KERJA. Put it into :func:`tabel_dokumen_evaluasi`."""
    return BagianDokumen(judul, tuple(baris_identitas(identitas)))


def tabel_dokumen_evaluasi(
    bagian: Sequence[BagianDokumen], lebar: Lebar = None, *, nomor_awal: int = 1
) -> Table:
    """The numbered Dokumen Evaluasi table (forms.md §3): NO | heading (spanning), then one
    "LABEL | value" row per pair; the NO cell spans its whole section. A pair with an empty
    label prints its value across both columns (e.g. CATATAN/REKOMENDASI free text)."""
    data: list[list[Any]] = []
    perintah: list[Any] = [_GRID, *_PADDING, ("VALIGN", (0, 0), (-1, -1), "TOP")]
    for nomor, b in enumerate(bagian, start=nomor_awal):
        awal = len(data)
        data.append([paragraf(str(nomor), "tabel_tengah"), paragraf(b.judul, "tabel_tebal"), ""])
        perintah.append(("SPAN", (1, awal), (2, awal)))
        for label, nilai in b.baris:
            r = len(data)
            if label:
                data.append(["", _sel(label), _sel(nilai)])
            else:
                data.append(["", _sel(nilai), ""])
                perintah.append(("SPAN", (1, r), (2, r)))
        akhir = len(data) - 1
        if akhir > awal:
            perintah.append(("SPAN", (0, awal), (0, akhir)))
    t = Table(
        data, colWidths=lebar_kolom([5, 30, 65], lebar), splitInRow=0, spaceBefore=2, spaceAfter=8
    )
    t.setStyle(TableStyle(perintah))
    return t


def tabel_label_nilai(
    pasangan: Sequence[tuple[str, Any]],
    lebar: Lebar = None,
    *,
    lebar_label: float = 0.3,
    tebal_label: bool = True,
) -> Table:
    """Borderless "LABEL : value" lines, e.g. CAPAIAN KINERJA ORGANISASI : BAIK,
    POLA DISTRIBUSI : <drawing>, RATING HASIL KERJA : <pilihan_coret(...)>.
    ``lebar_label`` is the fraction of the width used by the label column."""
    gaya_label = "isi_tebal" if tebal_label else "isi"
    data = [
        [_sel(label, gaya_label), paragraf(":", gaya_label), _sel(nilai, "isi")]
        for label, nilai in pasangan
    ]
    t = Table(
        data,
        colWidths=lebar_kolom([lebar_label, 0.02, 1 - lebar_label - 0.02], lebar),
        hAlign="LEFT",
        spaceBefore=4,
        spaceAfter=4,
    )
    t.setStyle(
        TableStyle(
            [
                *_TANPA_PADDING,
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return t


# --- signatures -----------------------------------------------------------------------------


def _kolom_tanda_tangan(
    penanda: PenandaTangan | None, baris_tanggal: str, tampilkan_nama: bool
) -> list[Any]:
    if penanda is None:
        return [""]
    idn = penanda.identitas
    if tampilkan_nama:
        nama = paragraf_markup(f"<u>{esc(idn.nama)}</u>", "ttd_nama")
        nip = paragraf(f"{idn.label_nip}. {idn.nip_cetak}", "ttd")
    else:
        nama = paragraf(GARIS_TITIK, "ttd")
        nip = paragraf(f"{idn.label_nip}. {'.' * 36}", "ttd")
    kolom = [
        paragraf(baris_tanggal, "ttd") if baris_tanggal else paragraf_markup("&nbsp;", "ttd"),
        paragraf(penanda.peran, "ttd"),
        Spacer(1, RUANG_TANDA_TANGAN),
        nama,
    ]
    # an outside official without NIP (a Bupati is not an ASN) signs with his name only
    return [*kolom, nip] if idn.cetak_nip else kolom


def blok_tanda_tangan(
    kiri: PenandaTangan | None,
    kanan: PenandaTangan | None,
    kop: KopDokumen,
    tampilkan_nama: bool = True,
    *,
    tanggal_kiri: bool = False,
    lebar: Lebar = None,
    jarak_atas: float = 10,
) -> KeepTogether:
    """Two signature blocks side by side, kept together on one page.

    "Muara Tebo, 31 Desember 2025" above the right block (and above the left one too when
    ``tanggal_kiri``, as in the Dokumen Evaluasi); role; ~2 cm to sign; full name bold and
    underlined; "NIP. 19660801 198803 1 001" ("NI PPPK. …" for PPPK). With
    ``tampilkan_nama=False`` (DRAF) dotted lines replace the name and number.
    """
    tanggal = kop.tempat_tanggal
    data = [
        [
            _kolom_tanda_tangan(kiri, tanggal if tanggal_kiri else "", tampilkan_nama),
            _kolom_tanda_tangan(kanan, tanggal, tampilkan_nama),
        ]
    ]
    t = Table(data, colWidths=lebar_kolom([1, 1], lebar))
    t.setStyle(TableStyle([*_TANPA_PADDING, ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([Spacer(1, jarak_atas), t])


# --- data tables ----------------------------------------------------------------------------


def _geser_baris(perintah: Any, geser: int) -> tuple:
    """((c0, r0), (c1, r1)) or ("CMD", (c0, r0), (c1, r1), *args) with rows shifted."""
    if isinstance(perintah[0], str):
        nama, a, b, *sisa = perintah
    else:
        nama, (a, b), sisa = "SPAN", perintah, []

    def g(sel: tuple[int, int]) -> tuple[int, int]:
        c, r = sel
        return (c, r + geser if r >= 0 else r)

    return (nama, g(a), g(b), *sisa)


def tabel_data(
    header_rows: Sequence[Sequence[Any]],
    rows: Sequence[Sequence[Any] | BarisSeksi],
    col_widths: Sequence[Any],
    span_commands: Iterable[Any] = (),
    *,
    header_span_commands: Iterable[Any] = (),
    nomor_kolom: bool | Sequence[str] = False,
    rata_tengah: Iterable[int] = (),
    tanpa_pisah: Iterable[tuple[int, int]] = (),
    gaya_tambahan: Iterable[Any] = (),
    gaya_sel: str = "tabel",
) -> Table:
    """A ruled data table whose header rows repeat on every page.

    - ``header_rows``: one or more rows; str cells print bold, centred, upper-case as given.
    - ``nomor_kolom``: True adds a "(1) (2) …" row under the header (repeated too); or pass the
      strings yourself when header spans merge columns.
    - ``rows``: lists of cells (str → escaped Paragraph; Flowable or list of Flowables kept; None
      → empty) or :class:`BarisSeksi` for a full-width section row ("A. UTAMA").
    - ``span_commands``: ``((c0, r0), (c1, r1))`` or ``("SPAN", (c0, r0), (c1, r1))`` with row
      indices counted in ``rows`` (0 = first data row); use them for rowspans. Negative rows
      are left as is. ``header_span_commands`` likewise, counted in ``header_rows``.
    - ``rata_tengah``: column indexes whose str cells are centred (NO, ASPEK, TARGET, ...).
    - ``tanpa_pisah``: (r0, r1) data-row ranges that must stay on one page (rowspans already
      do: ReportLab never splits inside a SPAN; rows are never split inside: splitInRow=0).
    - ``gaya_tambahan``: raw TableStyle commands in *table* coordinates; the header occupies
      ``table.jumlah_baris_header`` rows.
    A single row taller than a page cannot be placed (ReportLab raises LayoutError).
    """
    ncol = len(col_widths)
    tengah = set(rata_tengah)
    data: list[list[Any]] = []
    perintah: list[Any] = [
        _GRID,
        *_PADDING,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for baris_header in header_rows:
        data.append([_sel(c, "header") for c in baris_header])
    for sp in header_span_commands:
        perintah.append(_geser_baris(sp, 0))
    if nomor_kolom:
        nomor = [f"({i})" for i in range(1, ncol + 1)] if nomor_kolom is True else list(nomor_kolom)
        data.append([_sel(c, "nomor_kolom") for c in nomor])
        perintah += [
            ("TOPPADDING", (0, len(data) - 1), (-1, len(data) - 1), 1),
            ("BOTTOMPADDING", (0, len(data) - 1), (-1, len(data) - 1), 1),
        ]
    n_header = len(data)
    perintah.append(("VALIGN", (0, 0), (-1, n_header - 1), "MIDDLE"))
    for baris in rows:
        r = len(data)
        if isinstance(baris, BarisSeksi):
            data.append(
                [_sel(baris.teks, "tabel_tebal" if baris.tebal else gaya_sel)] + [""] * (ncol - 1)
            )
            perintah.append(("SPAN", (0, r), (-1, r)))
            continue
        sel = [
            _sel(c, "tabel_tengah" if i in tengah and gaya_sel == "tabel" else gaya_sel)
            for i, c in enumerate(baris)
        ]
        if len(sel) < ncol:
            sel += [""] * (ncol - len(sel))
        data.append(sel)
    for sp in span_commands:
        perintah.append(_geser_baris(sp, n_header))
    for r0, r1 in tanpa_pisah:
        perintah.append(("NOSPLIT", (0, r0 + n_header), (-1, r1 + n_header)))
    perintah.extend(gaya_tambahan)
    t = Table(
        data,
        colWidths=list(col_widths),
        repeatRows=n_header,
        splitByRow=1,
        splitInRow=0,
        hAlign="CENTER",
        spaceBefore=2,
        spaceAfter=6,
    )
    t.setStyle(TableStyle(perintah))
    t.jumlah_baris_header = n_header  # type: ignore[attr-defined]
    return t


# --- lists and choices ----------------------------------------------------------------------


def daftar_bernomor(items: Sequence[str], gaya_nama: str = "isi") -> Flowable:
    """Numbered list "1. …", "2. …" of plain (escaped) texts; "-" when empty."""
    if not items:
        return paragraf("-", gaya_nama)
    st = gaya(gaya_nama)
    return ListFlowable(
        [ListItem(paragraf(teks, st)) for teks in items],
        bulletType="1",
        bulletFormat="%s.",
        bulletFontName=st.fontName,
        bulletFontSize=st.fontSize,
        leftIndent=16,
        bulletDedent=16,
        spaceBefore=0,
        spaceAfter=2,
    )


def markup_pilihan_coret(
    pilihan: Sequence[str],
    terpilih: str | None,
    *,
    awalan: str = "",
    pemisah: str = " / ",
    tebalkan_terpilih: bool = False,
) -> str:
    """Markup for :func:`pilihan_coret` (to embed in a bigger Paragraph)."""
    kunci = terpilih.strip().upper() if terpilih else None
    bagian = []
    for p in pilihan:
        teks = esc(p)
        if kunci is not None and p.strip().upper() != kunci:
            teks = f"<strike>{teks}</strike>"
        elif kunci is not None and tebalkan_terpilih:
            teks = f"<b>{teks}</b>"
        bagian.append(teks)
    return esc(awalan) + esc(pemisah).join(bagian)


def pilihan_coret(
    pilihan: Sequence[str],
    terpilih: str | None,
    *,
    awalan: str = "",
    gaya_nama: str = "isi",
    pemisah: str = " / ",
    tebalkan_terpilih: bool = False,
) -> Paragraph:
    """Options separated by " / " with all but the chosen one struck through, e.g.
    ``pilihan_coret(["I", "II", "III", "IV-AKHIR"], "II", awalan="PERIODE: TRIWULAN ",
    gaya_nama="judul")``. ``terpilih=None`` strikes nothing (comparison ignores case)."""
    return paragraf_markup(
        markup_pilihan_coret(
            pilihan, terpilih, awalan=awalan, pemisah=pemisah, tebalkan_terpilih=tebalkan_terpilih
        ),
        gaya_nama,
    )


__all__ = [
    "BAGI_JPT",
    "BAGI_UMUM",
    "GARIS_TITIK",
    "Subjudul",
    "baris_bagi",
    "baris_identitas",
    "baris_instansi_periode",
    "blok_identitas_baris",
    "blok_tanda_tangan",
    "daftar_bernomor",
    "judul",
    "lebar_kolom",
    "markup_pilihan_coret",
    "pilihan_coret",
    "sel_rhk_penugasan",
    "subjudul",
    "tabel_data",
    "tabel_dokumen_evaluasi",
    "tabel_identitas",
    "tabel_label_nilai",
]
