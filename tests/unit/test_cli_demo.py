"""`kinerja-desktop demo`: a new database filled once; --buka opens an existing one as is."""

from __future__ import annotations

from kinerja_desktop import cli


def test_demo_fills_once_then_opens_as_is(tmp_path, monkeypatch, capsys):
    db = tmp_path / "demo.sqlite"
    opened: list[str | None] = []
    monkeypatch.setattr(
        "kinerja_desktop.app.run_gui", lambda target, **_: opened.append(target) or 0
    )

    assert cli.main(["demo", "--db", str(db), "--tahun", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Data demo dibuat" in out and "admin" in out

    assert cli.main(["demo", "--db", str(db)]) == 1
    assert "sudah berisi data" in capsys.readouterr().err

    assert cli.main(["demo", "--db", str(db), "--buka"]) == 0
    assert "dibuka apa adanya" in capsys.readouterr().out
    assert opened == [str(db)]


def test_demo_pegawai_with_a_pending_revision_keeps_her_year(tmp_path, capsys):
    """Siti Aminah's revision, made after the realisasi of the past periods, is still
    Diajukan: her year (as `ringkasan` and the screens read it) stays on revision 0."""
    import json

    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.db.models import Pegawai
    from kinerja_desktop.demo.revisi import PEGAWAI_REVISI

    db = tmp_path / "demo.sqlite"
    assert cli.main(["demo", "--db", str(db), "--tahun", "2025"]) == 0
    capsys.readouterr()
    d = open_database(f"sqlite:///{db}")
    with d.session_factory() as s:
        nip = s.query(Pegawai.nip).filter(Pegawai.nama == PEGAWAI_REVISI).scalar()
    d.close()
    assert cli.main(["--db", str(db), "ringkasan", "--nip", nip, "--tahun", "2025", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(x["revisi"], x["status"]) for x in data["skp"]] == [(0, "DITETAPKAN"), (1, "DIAJUKAN")]
    assert data["skp"][1]["berlaku_mulai"] is None
    for p in data["periode"]:
        assert p["revisi_berlaku"] == 0
    tw1 = data["periode"][0]
    assert tw1["iki_terisi"] == tw1["iki"] > 0
