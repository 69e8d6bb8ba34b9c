"""One pegawai's year, January to December, as the users make it (domain.md §3a):

X (rated by Kasi A) has his SKP ditetapkan in January, submits TW1 and is rated by A; in April
he revises it (IKI 1.1 continues, 1.2's target changes, 2.1 ends, 1.3 is added), A decides;
Kasi B is his Plt. penilai from June to August and rates TW2; on 1 September he moves to
Kasi C's seksi, gets a new SKP, and C rates TW3 and the year. For every period: the Pemantauan
page, each penilai's Papan and SKP Bawahan tab, the evaluation lists and permission checks, the
penilai printed on each form and the SKP results it shows: nothing lost, nothing twice, the
right penilai. The same year is run again with a revision 2 submitted in August and still
pending when the move closes the SKP: it hides nothing and is printed nowhere.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from kinerja_desktop.db.models import Pegawai, Periode
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.reports.evaluasi import cetak_evaluasi
from kinerja_desktop.services import evaluasi as ev_svc
from kinerja_desktop.services import mutasi, organisasi
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.periode import PeriodeRow, pastikan_periode
from kinerja_desktop.services.uow import run
from kinerja_desktop.services.waktu import jam_tetap
from tests import factories as f
from tests.factories_pemantauan import buat_skp as skp_orm

TAHUN = 2025
LAMA = "[SKP 01-01-2025 s.d. 31-08-2025, realisasi Triwulan III] "


@dataclass
class Tahun:
    a: Pegawai
    b: Pegawai
    c: Pegawai
    x: Pegawai
    y: Pegawai
    periode: dict[str, PeriodeRow]
    rev0: int
    rev1: int
    rev2: int | None  # submitted in August, still pending when the move closes the SKP
    baru: int
    skp_y: int
    evaluasi: dict[str, int]


def go(db, actor, fn, *args, at: date, **kw):
    """One user action on the given office day (the clock fixed at 09.00 WIB)."""
    with jam_tetap(datetime(at.year, at.month, at.day, 2)):
        return run(db.session_factory, actor, fn, *args, **kw)


def _kantor(session):
    kec = f.unit(session, "Kecamatan Tebo Tengah")
    seksi = {k: f.unit(session, f"Seksi {k}", kec) for k in "ABC"}
    camat = f.pegawai(session, "Camat", unit_kerja=kec, jabatan="Camat",
                      jenis_jabatan="ADMINISTRATOR", lahir=date(1970, 1, 1))  # fmt: skip
    kasi = {
        k: f.pegawai(session, f"Kasi {k}", unit_kerja=seksi[k], lahir=date(1975 + i, 1, 1),
                     jabatan=f"Kepala Seksi {k}", jenis_jabatan="PENGAWAS", atasan=camat)
        for i, k in enumerate("ABC")
    }  # fmt: skip
    x = f.pegawai(session, "Staf X", unit_kerja=seksi["A"], lahir=date(1990, 1, 1),
                  atasan=kasi["A"])  # fmt: skip
    y = f.pegawai(session, "Staf Y", unit_kerja=seksi["A"], lahir=date(1991, 1, 1),
                  atasan=kasi["A"])  # fmt: skip
    skp_y = skp_orm(session, y, kasi["A"])
    periode = {p.kode: p for p in pastikan_periode(session, TAHUN)}
    session.commit()
    return kasi, x, y, seksi["C"].id, skp_y.id, periode


def _iki(db, ax, skp_id, at):
    d = go(db, ax, svc.detail_skp, skp_id, at=at)
    return [i.id for r in d.rhk for i in r.indikator]


def _isi(db, ax, skp_id, periode, nilai, at):
    """The pegawai fills every IKI of the SKP for the period and submits."""
    for iid, v in zip(_iki(db, ax, skp_id, at), nilai, strict=True):
        num, teks = (None, v) if isinstance(v, str) else (v, None)
        go(db, ax, pm.simpan_realisasi, iid, periode.id, num, teks, at=at)
    go(db, ax, pm.ajukan_realisasi, skp_id, periode.id, at=at)


def _nilai(db, penilai, x, periode, at) -> int:
    d = go(db, penilai, ev_svc.mulai_evaluasi, x.id, periode.id, at=at)
    go(db, penilai, ev_svc.simpan_evaluasi, d.evaluasi_id, rating_hasil_kerja="SESUAI",
       rating_perilaku="SESUAI", at=at)  # fmt: skip
    go(db, penilai, ev_svc.finalkan_evaluasi, d.evaluasi_id, at=at)
    return d.evaluasi_id


def _skp_awal(db, ax, aa, x) -> int:
    """January: X draws up his SKP (two RHK, three IKI), A sets it."""
    hari = date(TAHUN, 1, 6)
    s = go(db, ax, svc.buat_skp, x.id, TAHUN, at=hari)
    r1 = go(db, ax, svc.tambah_rhk, s.id, "Tersusunnya laporan keuangan", at=hari)
    go(db, ax, svc.tambah_indikator, r1.id, "Jumlah laporan keuangan bulanan", "KUANTITAS", 12,
       "laporan", at=hari)  # fmt: skip
    go(db, ax, svc.tambah_indikator, r1.id, "Persentase laporan tanpa koreksi", "KUALITAS", 100,
       "%", at=hari)  # fmt: skip
    r2 = go(db, ax, svc.tambah_rhk, s.id, "Terlaksananya pembinaan bendahara", at=hari)
    go(db, ax, svc.tambah_indikator, r2.id, "Jumlah bendahara dibina", "KUANTITAS", 8, "orang",
       at=hari)  # fmt: skip
    go(db, ax, svc.ajukan_skp, s.id, at=hari)
    go(db, aa, svc.tetapkan_skp, s.id, at=date(TAHUN, 1, 10))
    return s.id


def _revisi(db, ax, aa, rev0) -> int:
    """April: 1.1 continues, 1.2's target changes, RHK 2 (IKI 2.1) ends, 1.3 is added."""
    hari = date(TAHUN, 4, 7)
    baru = go(db, ax, svc.revisi_skp, rev0, "Tugas baru dari camat", at=hari)
    d = go(db, ax, svc.detail_skp, baru.id, at=hari)
    i12 = d.rhk[0].indikator[1]
    go(db, ax, svc.ubah_indikator, i12.id, i12.uraian, i12.aspek, 90, i12.target_satuan, at=hari)
    go(db, ax, svc.hapus_rhk, d.rhk[1].id, at=hari)
    go(db, ax, svc.tambah_indikator, d.rhk[0].id, "Jumlah desa dibina", "KUANTITAS", 5, "desa",
       at=hari)  # fmt: skip
    go(db, ax, svc.ajukan_skp, baru.id, at=hari)
    go(db, aa, svc.tetapkan_skp, baru.id, at=date(TAHUN, 4, 15))
    return baru.id


def _skp_sesudah_mutasi(db, ax, ac, skp_id) -> None:
    hari = date(TAHUN, 9, 2)
    r = go(db, ax, svc.tambah_rhk, skp_id, "Terkelolanya arsip kecamatan", at=hari)
    go(db, ax, svc.tambah_indikator, r.id, "Jumlah arsip tertata", "KUANTITAS", 400, "berkas",
       at=hari)  # fmt: skip
    go(db, ax, svc.tambah_indikator, r.id, "Persentase arsip terdigitalisasi", "KUALITAS", 80,
       "%", at=hari)  # fmt: skip
    go(db, ax, svc.ajukan_skp, skp_id, at=hari)
    go(db, ac, svc.tetapkan_skp, skp_id, at=date(TAHUN, 9, 4))


def _revisi_tertunda(db, ax, rev1) -> int:
    """August: X submits a revision 2 (a new IKI) that nobody decides before the move."""
    hari = date(TAHUN, 8, 29)
    baru = go(db, ax, svc.revisi_skp, rev1, "Tambahan tugas verifikasi SPJ", at=hari)
    d = go(db, ax, svc.detail_skp, baru.id, at=hari)
    go(db, ax, svc.tambah_indikator, d.rhk[0].id, "Jumlah SPJ diverifikasi", "KUANTITAS", 30,
       "berkas", at=hari)  # fmt: skip
    go(db, ax, svc.ajukan_skp, baru.id, at=hari)
    return baru.id


@pytest.fixture(params=[False, True], ids=["", "revisi-tertunda-saat-mutasi"])
def tahun(request, db, session, admin) -> Tahun:
    kasi, x, y, seksi_c, skp_y, periode = _kantor(session)
    ax = f.actor_for(x)
    aa, ab, ac = (f.actor_for(kasi[k]) for k in "ABC")
    ev: dict[str, int] = {}
    rev0 = _skp_awal(db, ax, aa, x)
    _isi(db, ax, rev0, periode["TW1"], (3, 95, 2), date(TAHUN, 4, 2))
    ev["TW1"] = _nilai(db, aa, x, periode["TW1"], date(TAHUN, 4, 3))
    rev1 = _revisi(db, ax, aa, rev0)
    go(db, admin, organisasi.tetapkan_penilai, x.id, kasi["B"].id, date(TAHUN, 6, 1), "PLT",
       date(TAHUN, 8, 31), "Plt. Kepala Seksi A", at=date(TAHUN, 5, 26))  # fmt: skip
    _isi(db, ax, rev1, periode["TW2"], (6, 92, 2), date(TAHUN, 6, 30))
    ev["TW2"] = _nilai(db, ab, x, periode["TW2"], date(TAHUN, 7, 3))
    # July and August under revision 1, entered before the move
    _isi(db, ax, rev1, periode["TW3"], (8, 94, 4), date(TAHUN, 8, 29))
    rev2 = _revisi_tertunda(db, ax, rev1) if request.param else None
    hasil = go(db, admin, mutasi.catat_mutasi, x.id, date(TAHUN, 9, 1), seksi_c, kasi["C"].id,
               at=date(TAHUN, 8, 29))  # fmt: skip
    assert hasil.skp_baru_id is not None
    _skp_sesudah_mutasi(db, ax, ac, hasil.skp_baru_id)
    _isi(db, ax, hasil.skp_baru_id, periode["TW3"], (100, 20), date(TAHUN, 10, 1))
    ev["TW3"] = _nilai(db, ac, x, periode["TW3"], date(TAHUN, 10, 3))
    _isi(db, ax, hasil.skp_baru_id, periode["AKHIR"], (380, 75), date(TAHUN, 12, 31))
    ev["AKHIR"] = _nilai(db, ac, x, periode["AKHIR"], date(TAHUN + 1, 1, 5))
    return Tahun(kasi["A"], kasi["B"], kasi["C"], x, y, periode, rev0, rev1, rev2,
                 hasil.skp_baru_id, skp_y, ev)  # fmt: skip


HARI = date(TAHUN + 1, 1, 10)  # everything is read in January of the next year
KODE = ("TW1", "TW2", "TW3", "AKHIR")
IKI_REV0 = ["Jumlah laporan keuangan bulanan", "Persentase laporan tanpa koreksi",
            "Jumlah bendahara dibina"]  # fmt: skip
IKI_REV1 = [*IKI_REV0[:2], "Jumlah desa dibina"]
IKI_BARU = ["Jumlah arsip tertata", "Persentase arsip terdigitalisasi"]


def _skp_periode(t: Tahun) -> dict[str, int]:
    """The SKP revision each period is monitored and evaluated against."""
    return {"TW1": t.rev0, "TW2": t.rev1, "TW3": t.baru, "AKHIR": t.baru}


def test_pemantauan_page_of_each_period(db, tahun):
    t = tahun
    ax = f.actor_for(t.x)
    halaman = {
        k: go(db, ax, pm.halaman_pemantauan, t.x.id, TAHUN, t.periode[k].id, at=HARI) for k in KODE
    }
    got = {
        k: (h.skp_id, h.skp_revisi, [b.indikator_uraian for b in h.baris], h.jumlah_terisi,
            h.status)
        for k, h in halaman.items()
    }  # fmt: skip
    s = _skp_periode(t)
    assert got == {
        "TW1": (s["TW1"], 0, IKI_REV0, 3, "DINILAI"),
        "TW2": (s["TW2"], 1, IKI_REV1, 3, "DINILAI"),
        "TW3": (s["TW3"], 0, IKI_BARU, 2, "DINILAI"),
        "AKHIR": (s["AKHIR"], 0, IKI_BARU, 2, "DINILAI"),
    }
    assert [b.realisasi_label for b in halaman["TW1"].baris] == ["3 laporan", "95 %", "2 orang"]
    assert [b.realisasi_label for b in halaman["TW2"].baris] == ["6 laporan", "92 %", "2 desa"]
    # the IKI that ended in April keeps its TW1 history, marked as ended by revision 1
    assert [b.berakhir for b in halaman["TW1"].baris] == [None, None, 1]
    # a revision left pending by the move is shown beside the earlier SKP, hiding nothing
    tunda = "Revisi 2 menunggu penetapan" if t.rev2 else ""
    assert [h.tertunda for h in halaman.values()] == [tunda, tunda, "", ""]


def _sel(papan, pegawai_id):
    (b,) = [b for b in papan.baris if b.pegawai_id == pegawai_id]
    return b.skp_id, b.masa, [(str(s.status), s.terisi, s.jumlah_iki) for s in b.sel]


def test_papan_and_skp_bawahan_of_each_penilai(db, tahun):
    t = tahun
    papan = {
        k: go(db, f.actor_for(p), pm.papan_pemantauan, TAHUN, at=HARI)
        for k, p in (("A", t.a), ("B", t.b), ("C", t.c))
    }
    assert {k: {b.pegawai_id for b in v.baris} for k, v in papan.items()} == {
        "A": {t.x.id, t.y.id},
        "B": {t.x.id},
        "C": {t.x.id},
    }
    dinilai, diajukan = ("DINILAI", 3, 3), ("DIAJUKAN", 3, 3)
    # A and the PLT see X's earlier SKP: TW1 on revision 0 (all three IKI, the ended one
    # too), TW2 on revision 1, TW3 as entered for July-August, nothing for the last quarter
    lama = [dinilai, dinilai, diajukan, ("BELUM_MULAI", 0, 3)]
    assert _sel(papan["A"], t.x.id) == (t.rev1, "Atasan langsung 01-01-2025 s.d. 31-05-2025", lama)
    assert _sel(papan["B"], t.x.id) == (t.rev1, "Plt. 01-06-2025 s.d. 31-08-2025", lama)
    # C sees the SKP he rates: nothing before September, TW3 and the year rated
    assert _sel(papan["C"], t.x.id) == (
        t.baru,
        "Atasan langsung 01-09-2025 s.d. 31-12-2025",
        [("BELUM_MULAI", 0, 2), ("BELUM_MULAI", 0, 2), ("DINILAI", 2, 2), ("DINILAI", 2, 2)],
    )
    assert _sel(papan["A"], t.y.id) == (t.skp_y, "", [("BELUM_MULAI", 0, 3)] * 4)
    assert all(b.tertunda == "" for v in papan.values() for b in v.baris)
    # the SKP Bawahan tab (the SKP workflow: the newest revision, to decide) lists the same
    # pegawai; a revision left pending by the move stays with the earlier penilai
    tab = {
        k: {(r.pegawai_id, r.skp_id, r.status, r.masa)
            for r in go(db, f.actor_for(p), svc.ringkasan_bawahan, TAHUN, at=HARI)}
        for k, p in (("A", t.a), ("B", t.b), ("C", t.c))
    }  # fmt: skip
    terakhir = (t.rev2, "DIAJUKAN") if t.rev2 else (t.rev1, "DITETAPKAN")
    assert tab == {
        "A": {(t.x.id, *terakhir, "Atasan langsung 01-01-2025 s.d. 31-05-2025"),
              (t.y.id, t.skp_y, "DITETAPKAN", "")},
        "B": {(t.x.id, *terakhir, "Plt. 01-06-2025 s.d. 31-08-2025")},
        "C": {(t.x.id, t.baru, "DITETAPKAN", "Atasan langsung 01-09-2025 s.d. 31-12-2025")},
    }  # fmt: skip


PENILAI = {"TW1": "A", "TW2": "B", "TW3": "C", "AKHIR": "C"}  # who rated each period


def test_evaluation_lists_and_permissions_of_each_period(db, tahun):
    t = tahun
    penilai = {"A": t.a, "B": t.b, "C": t.c}
    harapan = {  # period: whom A, B, C list
        "TW1": ({t.x.id, t.y.id}, set(), set()),
        "TW2": ({t.x.id, t.y.id}, {t.x.id}, set()),  # A to 31 May, the PLT from 1 June
        "TW3": ({t.y.id}, {t.x.id}, {t.x.id}),  # the PLT for July-August, C from September
        "AKHIR": ({t.y.id}, set(), {t.x.id}),
    }
    for kode, (da, db_, dc) in harapan.items():
        p = t.periode[kode]
        daftar = {
            k: {r.pegawai_id: r for r in go(db, f.actor_for(v), ev_svc.daftar_dinilai, p.id,
                                            at=HARI)}
            for k, v in penilai.items()
        }  # fmt: skip
        assert tuple(set(daftar[k]) for k in "ABC") == (da, db_, dc), kode
        # the one evaluation of the period, final, in every list that shows X
        assert {r.evaluasi_id for v in daftar.values() for r in v.values()
                if r.pegawai_id == t.x.id} == {t.evaluasi[kode]}, kode  # fmt: skip
        assert {str(v[t.x.id].status) for v in daftar.values() if t.x.id in v} == {"FINAL"}
        for k, v in penilai.items():
            boleh = go(db, f.actor_for(v), _adalah_penilai, t.x.id, p.id, at=HARI)
            assert boleh is (t.x.id in daftar[k]), (kode, k)
            if not boleh:
                with pytest.raises(PermissionDenied):
                    go(db, f.actor_for(v), ev_svc.mulai_evaluasi, t.x.id, p.id, at=HARI)
    # the evaluation of each period was made by its penilai, on the SKP in force in it
    s = _skp_periode(t)
    for kode, eid in t.evaluasi.items():
        d = go(db, f.actor_for(t.x), ev_svc.detail_evaluasi, eid, at=HARI)
        assert (d.skp_id, d.penilai_id) == (s[kode], penilai[PENILAI[kode]].id), kode


def _adalah_penilai(session, actor, pegawai_id, periode_id):
    """The permission check of the evaluation screen (who may rate X in the period)."""
    return ev_svc.adalah_penilai(session, actor, pegawai_id, session.get(Periode, periode_id))


def _teks_pdf(cetak) -> str:
    buf = io.BytesIO()
    cetak_evaluasi(buf, cetak.data, cetak.kode_dokumen, cetak.kode_verifikasi, invariant=True)
    return " ".join(" ".join(p.extract_text() for p in PdfReader(buf).pages).split())


def test_printed_form_of_each_period(db, tahun):
    """The penilai on each period's form (Plt. for the PLT's quarter) and the results it
    shows: TW3 and the year also the earlier SKP's (revision 1, as entered for July-August),
    every IKI once, a revision left pending by the move not shown."""
    t = tahun
    cetak = {
        k: go(db, f.actor_for(t.x), ev_svc.cetak_evaluasi_pegawai, t.x.id, t.periode[k].id,
              at=HARI)
        for k in KODE
    }  # fmt: skip
    penilai = {
        k: (c.data["penilai"]["nama"], c.data["penilai"]["jabatan"]) for k, c in cetak.items()
    }
    assert penilai == {
        "TW1": ("Kasi A, S.E.", "Kepala Seksi A"),
        "TW2": ("Kasi B, S.E.", "Plt. Kepala Seksi A"),
        "TW3": ("Kasi C, S.E.", "Kepala Seksi C"),
        "AKHIR": ("Kasi C, S.E.", "Kepala Seksi C"),
    }
    iki = {
        k: [(r["uraian"], i["uraian"], i["realisasi"]) for r in c.data["hasil_kerja"]
            for i in r["indikator"]]
        for k, c in cetak.items()
    }  # fmt: skip
    laporan, pembinaan = "Tersusunnya laporan keuangan", "Terlaksananya pembinaan bendahara"
    arsip = "Terkelolanya arsip kecamatan"
    lama_tw3 = [(LAMA + laporan, u, r) for u, r in zip(IKI_REV1, ("8 laporan", "94 %", "4 desa"),
                                                       strict=True)]  # fmt: skip
    assert iki == {
        "TW1": [(laporan, IKI_REV0[0], "3 laporan"), (laporan, IKI_REV0[1], "95 %"),
                (pembinaan, IKI_REV0[2], "2 orang")],
        "TW2": [(laporan, u, r) for u, r in zip(IKI_REV1, ("6 laporan", "92 %", "2 desa"),
                                                strict=True)],
        "TW3": [*lama_tw3, (arsip, IKI_BARU[0], "100 berkas"), (arsip, IKI_BARU[1], "20 %")],
        "AKHIR": [*lama_tw3, (arsip, IKI_BARU[0], "380 berkas"), (arsip, IKI_BARU[1], "75 %")],
    }  # fmt: skip
    # the evaluation screen shows what the form prints
    for k in KODE:
        d = go(db, f.actor_for(t.x), ev_svc.detail_evaluasi, t.evaluasi[k], at=HARI)
        assert [i.uraian for r in d.hasil_kerja for i in r.indikator] == [
            u for _r, u, _x in iki[k]
        ], k
    # and the PDF prints it: the penilai signing, the earlier SKP marked
    teks = {k: _teks_pdf(c) for k, c in cetak.items() if k in ("TW2", "AKHIR")}
    assert "Plt. Kepala Seksi A" in teks["TW2"] and "Kasi B, S.E." in teks["TW2"]
    assert "Kasi C, S.E." in teks["AKHIR"] and "Kasi A" not in teks["AKHIR"]
    assert "[SKP 01-01-2025 s.d. 31-08-2025" in teks["AKHIR"]
    assert "Jumlah SPJ diverifikasi" not in teks["AKHIR"]
