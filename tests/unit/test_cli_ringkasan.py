"""`kinerja-desktop ringkasan`: one pegawai's year, as JSON (the documented keys) and as text,
from the same services as the screens (a submitted revision is shown as not in force)."""

from __future__ import annotations

import json
from datetime import date, datetime

from kinerja_desktop.cli import main
from kinerja_desktop.services import pemantauan as pm
from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.uow import run
from kinerja_desktop.services.waktu import jam_tetap
from tests.factories_pemantauan import kantor


def _siap(db, session):
    k = kantor(session)
    a = k.a_pegawai
    h = date(2025, 4, 2)
    run(db.session_factory, a, pm.simpan_realisasi, k.iki[0].id, k.tw1.id, "3", hari_ini=h)
    run(db.session_factory, a, pm.simpan_realisasi, k.iki[1].id, k.tw1.id, "95", hari_ini=h)
    with jam_tetap(datetime(2025, 4, 7, 2)):
        rev = run(db.session_factory, a, svc.revisi_skp, k.skp.id, "Tugas baru")
        d = run(db.session_factory, a, svc.detail_skp, rev.id)
        run(db.session_factory, a, svc.hapus_rhk, d.rhk[1].id)
        run(db.session_factory, a, svc.ajukan_skp, rev.id)
    return k


def test_ringkasan_json(db, session, capsys, akun_cli):
    k = _siap(db, session)
    akun_cli(db, "operator")
    assert main(["--db", str(db.path), "ringkasan", "--nip", k.pegawai.nip, "--tahun", "2025",
                 "--json"]) == 0  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"nip", "tahun", "skp", "periode"}
    assert (data["nip"], data["tahun"]) == (k.pegawai.nip, 2025)
    assert data["skp"] == [
        {"revisi": 0, "status": "DITETAPKAN", "berlaku_mulai": "2025-01-01",
         "berlaku_sampai": "2025-12-31"},
        {"revisi": 1, "status": "DIAJUKAN", "berlaku_mulai": None, "berlaku_sampai": None},
    ]  # fmt: skip
    tw1 = data["periode"][0]
    assert set(tw1) == {
        "kode", "revisi_berlaku", "iki", "iki_terisi", "status_realisasi", "evaluasi",
    }  # fmt: skip
    assert (tw1["kode"], tw1["revisi_berlaku"], tw1["iki"], tw1["iki_terisi"]) == (
        "TW1", 0, 3, 2,
    )  # fmt: skip
    assert tw1["status_realisasi"] == "DRAF" and tw1["evaluasi"] is None
    assert [p["kode"] for p in data["periode"]] == ["TW1", "TW2", "TW3", "AKHIR"]
    assert all(p["revisi_berlaku"] == 0 for p in data["periode"])


def test_ringkasan_text_and_unknown_nip(db, session, capsys, akun_cli):
    k = _siap(db, session)
    akun_cli(db, "operator")
    assert main(["--db", str(db.path), "ringkasan", "--nip", k.pegawai.nip, "--tahun", "2025"]) == 0
    teks = capsys.readouterr().out
    assert "Revisi 1   Diajukan      belum berlaku" in teks
    assert "TW1    revisi 0   2 dari 3 IKI terisi · Draf · belum dievaluasi" in teks
    assert main(["--db", str(db.path), "ringkasan", "--nip", "1" * 18, "--tahun", "2025"]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err
