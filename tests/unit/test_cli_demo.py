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
    assert "Kunci pemulihan" in out  # the demo file is encrypted, as every new one
    from kinerja_desktop.db.kunci import berkas_polos

    assert not berkas_polos(db)

    assert cli.main(["demo", "--db", str(db)]) == 1
    assert "sudah berisi data" in capsys.readouterr().err

    assert cli.main(["demo", "--db", str(db), "--buka"]) == 0
    assert "dibuka apa adanya" in capsys.readouterr().out
    assert opened == [str(db)]
