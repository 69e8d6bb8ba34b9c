"""A year with an SKP revision (domain.md §3a): realisasi of TW1 under revision 0, a revision
in April (one IKI continuing, one changed, one ended, one added) that waits as Diajukan and is
then ditetapkan. For every period, what the Pemantauan page, the penilai's board, the
evaluation screen and the printed evaluation show: nothing lost, nothing twice."""

from __future__ import annotations

import ast
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from kinerja_desktop.db.models import Realisasi, RiwayatSkp, Skp
from kinerja_desktop.domain.errors import PermissionDenied, StateError, ValidationError
from kinerja_desktop.services import evaluasi as ev_svc
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.umpan_balik import tulis_umpan_balik, umpan_balik_skp
from kinerja_desktop.services.uow import run
from kinerja_desktop.services.waktu import jam_tetap
from tests.factories_pemantauan import kantor

TW1_SELESAI = date(2025, 4, 2)


def go(db, actor, fn, *args, **kw):
    return run(db.session_factory, actor, fn, *args, **kw)


def _isi_tw1(db, k):
    a = k.a_pegawai
    go(db, a, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, "3", hari_ini=TW1_SELESAI)
    go(db, a, pm.simpan_realisasi, k.iki[1].id, k.tw1.id, "95", hari_ini=TW1_SELESAI)
    go(db, a, pm.simpan_realisasi, k.iki[2].id, k.tw1.id, None, "Dua kali", hari_ini=TW1_SELESAI)
    go(db, a, pm.ajukan_realisasi, k.skp.id, k.tw1.id, hari_ini=TW1_SELESAI)


def _revisi(db, k, session):
    """Revision 1 (made and submitted on 7 April): 1.1 continues, 1.2's target changes, RHK 2
    (with IKI 2.1) ends, a new IKI 1.3 is added."""
    a = k.a_pegawai
    with jam_tetap(datetime(2025, 4, 7, 2)):
        baru = go(db, a, svc.revisi_skp, k.skp.id, "Tugas baru dari camat")
        d = go(db, a, svc.detail_skp, baru.id)
        i12 = d.rhk[0].indikator[1]
        go(db, a, svc.ubah_indikator, i12.id, i12.uraian, i12.aspek, 90, i12.target_satuan)
        go(db, a, svc.hapus_rhk, d.rhk[1].id)
        go(db, a, svc.tambah_indikator, d.rhk[0].id, "Jumlah desa dibina", "KUANTITAS", 5, "desa")
        go(db, a, svc.ajukan_skp, baru.id)
    return baru.id


def _tetapkan(db, k, skp_id):
    with jam_tetap(datetime(2025, 4, 15, 2)):
        go(db, k.a_atasan, svc.tetapkan_skp, skp_id)


def _halaman(db, k, periode):
    return go(db, k.a_pegawai, pm.halaman_pemantauan, k.pegawai.id, 2025, periode.id)


def _papan(db, k):
    papan = go(db, k.a_atasan, pm.papan_pemantauan, 2025)
    (b,) = [b for b in papan.baris if b.pegawai_id == k.pegawai.id]
    return {
        p.kode: (s.status, s.terisi, s.jumlah_iki)
        for p, s in zip(papan.periode, b.sel, strict=True)
    }


def _tiap_periode(db, k) -> list[tuple[int, int]]:
    """Per period: the SKP and IKI count of the Pemantauan page, the same as the evaluation
    screen's (one revision per period, every IKI once)."""
    out = []
    for p in k.periode:
        h = _halaman(db, k, p)
        ev = go(db, k.a_atasan, ev_svc.buka_evaluasi, k.pegawai.id, p.id, buat=False)
        iki_ev = [i.indikator_id for r in ev.hasil_kerja for i in r.indikator]
        assert (ev.skp_id, sorted(iki_ev)) == (h.skp_id, sorted(b.indikator_id for b in h.baris))
        assert len(set(iki_ev)) == len(iki_ev)
        out.append((h.skp_id, len(h.baris)))
    return out


def test_pending_revision_hides_nothing_then_takes_over_from_its_day(db, session):
    k = kantor(session)
    tw2 = k.periode[1]
    _isi_tw1(db, k)
    # a TW2 realisasi on 1.1 entered before the revision: it must survive the revision
    go(db, k.a_pegawai, pm.simpan_realisasi, k.iki[0].id, tw2.id, "2", hari_ini=TW1_SELESAI)
    sebelum = _papan(db, k)
    assert sebelum["TW1"] == ("DIAJUKAN", 3, 3)
    # the penilai's feedback on 1.1 in TW2, before the revision
    teks = "Percepat laporan April"
    go(db, k.a_atasan, tulis_umpan_balik, k.skp.id, teks, indikator_id=k.iki[0].id,
       periode_id=tw2.id)  # fmt: skip
    rev = _revisi(db, k, session)

    # --- submitted, not decided: every screen still shows revision 0 ----------------------
    with jam_tetap(datetime(2025, 4, 10, 2)):
        h1 = _halaman(db, k, k.tw1)
        h2 = _halaman(db, k, tw2)
        papan = _papan(db, k)
        ev1 = go(db, k.a_atasan, ev_svc.buka_evaluasi, k.pegawai.id, k.tw1.id, buat=False)
    assert (h1.skp_id, h1.status, h1.jumlah_terisi, len(h1.baris)) == (k.skp.id, "DIAJUKAN", 3, 3)
    assert h1.tertunda == "Revisi 1 menunggu penetapan" and h1.tertunda_skp_id == rev
    assert (h2.skp_id, h2.jumlah_terisi, len(h2.baris)) == (k.skp.id, 1, 3)
    assert papan == sebelum
    assert ev1.skp_id == k.skp.id
    assert _tiap_periode(db, k) == [(k.skp.id, 3)] * 4
    assert sum(len(r.indikator) for r in ev1.hasil_kerja) == 3

    # --- the penilai sees what changed ---------------------------------------------------
    beda = go(db, k.a_atasan, svc.beda_revisi, rev)
    assert beda is not None and beda.ada_perubahan
    jumlah = {x: beda.jumlah(x) for x in (svc.LANJUT, svc.BERUBAH, svc.BARU, svc.BERAKHIR)}
    assert jumlah == {svc.LANJUT: 1, svc.BERUBAH: 1, svc.BARU: 1, svc.BERAKHIR: 1}
    (berubah,) = [i for r in beda.rhk for i in r.indikator if i.keadaan == svc.BERUBAH]
    assert (berubah.target_lama, berubah.target_baru) == ("100 %", "90 %")
    assert [r.keadaan for r in beda.rhk] == [svc.BERUBAH, svc.BERAKHIR]
    assert "1 IKI berakhir" in beda.ringkasan

    _tetapkan(db, k, rev)

    # --- ditetapkan on 15 April: TW1 stays with revision 0, TW2 on is revision 1 ----------
    with jam_tetap(datetime(2025, 5, 1, 2)):
        h1 = _halaman(db, k, k.tw1)
        h2 = _halaman(db, k, tw2)
        papan = _papan(db, k)
        ev1 = go(db, k.a_atasan, ev_svc.buka_evaluasi, k.pegawai.id, k.tw1.id, buat=False)
        ev2 = go(db, k.a_atasan, ev_svc.buka_evaluasi, k.pegawai.id, tw2.id, buat=False)
    assert (h1.skp_id, h1.status, h1.jumlah_terisi) == (k.skp.id, "DIAJUKAN", 3)
    assert [b.indikator_uraian for b in h1.baris] == [i.uraian for i in k.iki]
    assert h1.tertunda == "" and h2.tertunda == ""
    assert h2.skp_id == rev and h2.skp_revisi == 1
    assert [b.target_label for b in h2.baris] == ["12 laporan", "90 %", "5 desa"]
    # the continuing IKI shows what was entered for it before the revision, once
    assert [b.realisasi_label for b in h2.baris] == ["2 laporan", "", ""]
    assert [b.dari_revisi for b in h2.baris] == [0, None, None]
    assert papan["TW1"] == ("DIAJUKAN", 3, 3)
    assert papan["TW2"] == ("DRAF", 1, 3)
    assert papan["TW3"] == ("BELUM_MULAI", 0, 3)
    assert ev1.skp_id == k.skp.id and ev2.skp_id == rev
    assert [len(r.indikator) for r in ev2.hasil_kerja] == [3]
    with jam_tetap(datetime(2025, 5, 1, 2)):
        assert _tiap_periode(db, k) == [(k.skp.id, 3), (rev, 3), (rev, 3), (rev, 3)]
    # the IKI that ended (2.1) keeps its TW1 history, read-only
    assert [b.berakhir for b in h1.baris] == [None, None, 1]
    assert h1.baris[2].realisasi_label == "Dua kali"
    with pytest.raises(StateError, match="tidak dilanjutkan pada SKP revisi 1"):
        go(db, k.a_pegawai, pm.simpan_realisasi, k.iki[2].id, k.tw1.id, None, "Tiga kali")
    with pytest.raises(StateError, match="hanya dapat dibaca"):
        go(db, k.a_pegawai, pm.hapus_realisasi, h1.baris[2].realisasi_id)
    # a continuing IKI of TW1 can still be corrected under revision 0
    go(db, k.a_pegawai, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, "4", hari_ini=TW1_SELESAI)

    # ... and the feedback thread written on it under revision 0
    assert [u.pesan[0].teks for u in h2.baris[0].umpan_balik] == ["Percepat laporan April"]
    i11_baru = h2.baris[0].indikator_id
    utas = go(db, k.a_pegawai, umpan_balik_skp, rev, periode_id=tw2.id, indikator_id=i11_baru)
    assert [u.pesan[0].teks for u in utas] == ["Percepat laporan April"]
    # writing the continuing IKI's TW2 realisasi edits the same row: nothing twice
    n = session.scalar(select(func.count(Realisasi.id)))
    go(db, k.a_pegawai, pm.simpan_realisasi, i11_baru, tw2.id, "4", hari_ini=date(2025, 5, 2))
    assert session.scalar(select(func.count(Realisasi.id))) == n
    assert _halaman(db, k, tw2).baris[0].realisasi_label == "4 laporan"


def test_printed_evaluation_of_each_period_follows_its_revision(db, session):
    k = kantor(session)
    tw2 = k.periode[1]
    _isi_tw1(db, k)
    with jam_tetap(datetime(2025, 4, 3, 2)):
        d = go(db, k.a_atasan, ev_svc.mulai_evaluasi, k.pegawai.id, k.tw1.id)
        go(db, k.a_atasan, ev_svc.simpan_evaluasi, d.evaluasi_id, rating_hasil_kerja="SESUAI",
           rating_perilaku="SESUAI")  # fmt: skip
        go(db, k.a_atasan, ev_svc.finalkan_evaluasi, d.evaluasi_id)
    rev = _revisi(db, k, session)
    _tetapkan(db, k, rev)
    with jam_tetap(datetime(2025, 7, 3, 2)):
        cetak1 = go(db, k.a_atasan, ev_svc.cetak_evaluasi_pegawai, k.pegawai.id, k.tw1.id)
        d2 = go(db, k.a_atasan, ev_svc.mulai_evaluasi, k.pegawai.id, tw2.id)
        cetak2 = go(db, k.a_atasan, ev_svc.siapkan_cetak, d2.evaluasi_id)

    def iki(c):
        return [
            (i["uraian"], i["realisasi"]) for r in c.data["hasil_kerja"] for i in r["indikator"]
        ]

    assert iki(cetak1) == [
        ("Jumlah laporan keuangan bulanan", "3 laporan"),
        ("Persentase laporan tanpa koreksi", "95 %"),
        ("Kualitas pembinaan bendahara", "Dua kali"),
    ]
    assert [u for u, _r in iki(cetak2)] == [
        "Jumlah laporan keuangan bulanan",
        "Persentase laporan tanpa koreksi",
        "Jumlah desa dibina",
    ]
    assert d2.skp_id == rev


def test_tarik_kembali_before_the_decision(db, session):
    k = kantor(session)
    rev = _revisi(db, k, session)
    with pytest.raises(PermissionDenied):
        go(db, k.a_atasan, svc.tarik_skp, rev)
    d = go(db, k.a_pegawai, svc.detail_skp, rev)
    assert d.izin.tarik and not d.izin.ubah
    ditarik = go(db, k.a_pegawai, svc.tarik_skp, rev)
    assert ditarik.status == svc.DRAF
    akhir = session.scalars(
        select(RiwayatSkp).where(RiwayatSkp.skp_id == rev).order_by(RiwayatSkp.id.desc())
    ).first()
    assert (akhir.dari_status, akhir.ke_status) == ("DIAJUKAN", "DRAF")
    assert go(db, k.a_pegawai, svc.detail_skp, rev).izin.ubah
    with pytest.raises(StateError, match="ditarik kembali"):
        go(db, k.a_pegawai, svc.tarik_skp, rev)
    # a draft revision is still only pending: monitoring keeps revision 0
    assert _halaman(db, k, k.tw1).tertunda == "Revisi 1 sedang disusun (draf)"
    go(db, k.a_pegawai, svc.ajukan_skp, rev)
    _tetapkan(db, k, rev)
    with pytest.raises(StateError):
        go(db, k.a_pegawai, svc.tarik_skp, rev)
    assert session.get(Skp, rev) is not None


# --- guard: no screen takes "the newest revision" on its own ------------------------------

PAKET = Path(__file__).resolve().parents[2] / "kinerja_desktop"
# The SKP screens and workflow work on the newest revision on purpose (it is what is edited,
# submitted and decided); who-rates-whom queries are owned by services/penugasan. Everything
# else asks services/skp/berlaku.py.
BOLEH_TERKINI = {
    "db/models/skp.py",
    "services/skp/alur.py",
    "services/skp/buat.py",
    "services/skp/izin.py",
    "services/skp/daftar.py",
    "services/skp/salin.py",
    "services/skp/rencana.py",
    "services/skp/baris.py",
    "services/skp/bawahan.py",
    "services/pemantauan/papan.py",  # _bawahan_tahun: who is rated by whom in the year
    "ui/skp/editor.py",
    "ui/skp/view.py",
    "demo/skp.py",
    "demo/pemantauan.py",
    "demo/mutasi.py",
    "services/mutasi.py",  # a move closes every running revision and opens a new SKP
    "services/beranda.py",  # the pegawai's own newest SKP/revision: the one he acts on
}


def test_only_the_skp_workflow_reads_the_newest_revision():
    pelanggar = []
    for p in sorted(PAKET.rglob("*.py")):
        rel = p.relative_to(PAKET).as_posix()
        if rel.startswith("db/migrations/") or rel in BOLEH_TERKINI:
            continue
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(n, ast.Attribute) and n.attr == "terkini":
                pelanggar.append(f"{rel}:{n.lineno}")
    assert pelanggar == [], "ask services/skp/berlaku.py for the revision in force"


def test_every_screen_service_uses_the_revision_in_force(db, session):
    """Behaviour, not text: with a pending revision of revision 0, every screen's service
    keeps answering with revision 0."""
    k = kantor(session)
    _isi_tw1(db, k)
    rev = _revisi(db, k, session)
    session.expire_all()
    assert session.get(Skp, rev).terkini and not session.get(Skp, k.skp.id).terkini
    with jam_tetap(datetime(2025, 4, 10, 2)):
        assert _halaman(db, k, k.tw1).skp_id == k.skp.id
        papan = go(db, k.a_atasan, pm.papan_pemantauan, 2025)
        (b,) = [b for b in papan.baris if b.pegawai_id == k.pegawai.id]
        assert (b.skp_id, b.tertunda) == (k.skp.id, "Revisi 1 menunggu penetapan")
        ev = go(db, k.a_atasan, ev_svc.buka_evaluasi, k.pegawai.id, k.tw1.id, buat=False)
        assert ev.skp_id == k.skp.id
        assert pm.skp_untuk(session, k.pegawai.id, 2025).id == k.skp.id
        assert svc.skp_tertunda(session, k.pegawai.id, 2025).id == rev


def test_daily_progress_keeps_its_iki_across_the_revision(db, session):
    """A day recorded under revision 0 keeps its IKI (and can be saved again) after revision 1
    takes effect; the TW2 grid (revision 1) may record days before the penetapan; the
    suggestion of a continuing IKI counts both."""
    k = kantor(session)
    tw2 = k.periode[1]
    a, pid = k.a_pegawai, k.pegawai.id
    lama = go(db, a, pm.simpan_progres, pid,
              pm.EntriProgres(date(2025, 4, 3), "Verifikasi laporan", indikator_id=k.iki[0].id,
                              kuantitas=2), hari_ini=date(2025, 4, 3))  # fmt: skip
    rev = _revisi(db, k, session)
    _tetapkan(db, k, rev)
    with jam_tetap(datetime(2025, 5, 1, 2)):
        h2 = _halaman(db, k, tw2)
    i11 = h2.baris[0].indikator_id
    sesudah = date(2025, 4, 28)
    go(db, a, pm.simpan_progres, pid,
       pm.EntriProgres(date(2025, 4, 3), "Verifikasi laporan (dikoreksi)",
                       indikator_id=k.iki[0].id, kuantitas=3, id=lama.id),
       hari_ini=sesudah)  # fmt: skip
    go(db, a, pm.simpan_progres, pid,
       pm.EntriProgres(date(2025, 4, 4), "Rekap", indikator_id=i11, kuantitas=1),
       hari_ini=sesudah)  # fmt: skip
    go(db, a, pm.simpan_progres, pid,
       pm.EntriProgres(date(2025, 4, 22), "Laporan", indikator_id=i11, kuantitas=4),
       hari_ini=sesudah)  # fmt: skip
    rows = go(db, a, pm.daftar_progres, pid, date(2025, 4, 1), date(2025, 4, 30))
    assert [(r.tanggal.day, r.indikator_kode) for r in rows] == [
        (3, "1.1"),
        (4, "1.1"),
        (22, "1.1"),
    ]
    saran = go(db, a, pm.saran_realisasi, i11, tw2.id)
    assert (saran.jumlah, saran.entri) == (8, 3)
    # the ended IKI (2.1) cannot be used after the revision took effect
    with pytest.raises(ValidationError, match="bukan bagian SKP"):
        go(db, a, pm.simpan_progres, pid,
           pm.EntriProgres(date(2025, 4, 22), "Pembinaan", indikator_id=k.iki[2].id),
           hari_ini=sesudah)  # fmt: skip
