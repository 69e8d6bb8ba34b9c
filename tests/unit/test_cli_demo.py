"""`kinerja-desktop demo` and `init`: the two commands without an account only ever create a
new file; an existing office database is never opened, filled or reset by them."""

from __future__ import annotations

import sqlite3

import pytest

from kinerja_desktop import cli

SANDI = "Kantor#Baru2025"


def test_demo_creates_a_new_file_and_refuses_an_existing_one(tmp_path, monkeypatch, capsys):
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
    isi = db.read_bytes()

    for argv in (["demo", "--db", str(db)], ["demo", "--db", str(db), "--buka"]):
        assert cli.main(argv) == 1
        assert "sudah ada; demo hanya membuat berkas baru" in capsys.readouterr().err
    assert db.read_bytes() == isi and opened == []

    baru = tmp_path / "baru.sqlite"
    assert cli.main(["demo", "--db", str(baru), "--tahun", "2025", "--buka"]) == 0
    assert opened == [str(baru)]


def test_demo_refuses_a_file_that_is_not_a_database(tmp_path, capsys):
    lain = tmp_path / "laporan.sqlite"
    lain.write_bytes(b"bukan basis data, tetapi milik seseorang")
    assert cli.main(["demo", "--db", str(lain)]) == 1
    assert lain.read_bytes() == b"bukan basis data, tetapi milik seseorang"


def test_init_makes_the_office_and_its_administrator(tmp_path, monkeypatch, capsys):
    path = tmp_path / "kantor" / "kinerja.sqlite"
    monkeypatch.setenv("KINERJA_SANDI", SANDI)
    argv = ["init", "--db", str(path), "--pengguna", "operator", "--instansi", "PEMKAB TEBO"]
    assert cli.main([*argv, "--tempat", "Muara Tebo", "--zona", "WIB"]) == 0
    out = capsys.readouterr().out
    assert "Administrator: operator" in out and "Kunci pemulihan" in out
    con = sqlite3.connect(path)  # encrypted: sqlite3 cannot read it
    with pytest.raises(sqlite3.DatabaseError):
        con.execute("SELECT nama_pengguna, peran FROM akun").fetchall()
    con.close()
    # the new administrator can run a command; a second init is refused and changes nothing
    monkeypatch.setenv("KINERJA_PENGGUNA", "operator")
    assert cli.main(["check", "--db", str(path)]) == 0
    isi = path.read_bytes()
    assert cli.main([*argv, "--tempat", "Muara Tebo"]) == 1
    assert "sudah ada; init hanya membuat basis data baru" in capsys.readouterr().err
    assert path.read_bytes() == isi


@pytest.mark.parametrize(
    ("sandi", "tambahan", "pesan"),
    [
        ("pendek1", ["--tempat", "Muara Tebo"], "minimal 8 karakter"),
        (SANDI, [], "tempat untuk baris tanda tangan wajib diisi"),
    ],
)
def test_init_that_fails_leaves_no_file(tmp_path, monkeypatch, capsys, sandi, tambahan, pesan):
    path = tmp_path / "kinerja.sqlite"
    monkeypatch.setenv("KINERJA_SANDI", sandi)
    argv = ["init", "--db", str(path), "--pengguna", "operator", "--instansi", "PEMKAB TEBO"]
    assert cli.main([*argv, *tambahan]) == 1
    assert pesan in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_init_without_terminal_or_password_says_how(tmp_path, capsys):
    path = tmp_path / "kinerja.sqlite"
    assert cli.main(["init", "--db", str(path), "--pengguna", "operator"]) != 0
    assert "KINERJA_SANDI" in capsys.readouterr().err
    assert not path.exists()


def test_init_at_a_terminal_asks_everything_without_echoing_the_password(
    tmp_path, monkeypatch, capsys
):
    path = tmp_path / "kinerja.sqlite"
    jawaban = iter(["operator", "PEMERINTAH KABUPATEN TEBO", "Muara Tebo"])
    ditanya: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda label: ditanya.append(label) or next(jawaban))
    monkeypatch.setattr(
        "getpass.getpass", lambda label: ditanya.append("rahasia:" + label) or SANDI
    )
    assert cli.main(["init", "--db", str(path)]) == 0
    assert ditanya == [
        "Nama pengguna: ",
        "rahasia:Kata sandi administrator: ",
        "rahasia:Ulangi kata sandi: ",
        "Nama instansi: ",
        "Tempat (baris tanda tangan): ",
    ]
    assert "Administrator: operator" in capsys.readouterr().out


def test_demo_pegawai_with_a_pending_revision_keeps_her_year(tmp_path, capsys, monkeypatch):
    """Siti Aminah's revision, made after the realisasi of the past periods, is still
    Diajukan: her year (as `ringkasan` and the screens read it) stays on revision 0."""
    import json

    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.db.models import Pegawai
    from kinerja_desktop.demo.revisi import PEGAWAI_REVISI

    db = tmp_path / "demo.sqlite"
    assert cli.main(["demo", "--db", str(db), "--tahun", "2025", "--tanpa-enkripsi"]) == 0
    capsys.readouterr()
    d = open_database(f"sqlite:///{db}")
    with d.session_factory() as s:
        nip = s.query(Pegawai.nip).filter(Pegawai.nama == PEGAWAI_REVISI).scalar()
    d.close()
    monkeypatch.setenv("KINERJA_PENGGUNA", "admin")
    monkeypatch.setenv("KINERJA_SANDI", "Kantor#Tebo2025")
    assert cli.main(["--db", str(db), "ringkasan", "--nip", nip, "--tahun", "2025", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(x["revisi"], x["status"]) for x in data["skp"]] == [(0, "DITETAPKAN"), (1, "DIAJUKAN")]
    assert data["skp"][1]["berlaku_mulai"] is None
    for p in data["periode"]:
        assert p["revisi_berlaku"] == 0
    tw1 = data["periode"][0]
    assert tw1["iki_terisi"] == tw1["iki"] > 0
