"""`kinerja-desktop import-pegawai` / `export-pegawai` through cli.main."""

from __future__ import annotations

from pathlib import Path

import pytest

from kinerja_desktop.cli import main

SAMPLES = Path(__file__).parents[1] / "exchange" / "samples"


@pytest.fixture
def dbfile(tmp_path, akun_cli):
    path = str(tmp_path / "roster.sqlite")
    akun_cli(path)
    return path


def _count(dbfile) -> int:
    from sqlalchemy import func, select

    from kinerja_desktop.db.database import open_database
    from kinerja_desktop.db.models import Pegawai

    db = open_database(f"sqlite:///{dbfile}")
    with db.session_factory() as s:
        n = s.scalar(select(func.count(Pegawai.id)))
    db.close()
    return n


def test_import_good_file_then_again(dbfile, capsys):
    assert main(["import-pegawai", str(SAMPLES / "siasn_export_baik.csv"), "--db", dbfile]) == 0
    out = capsys.readouterr().out
    assert "22 baru, 0 berubah, 0 tidak berubah, 0 tidak valid" in out
    assert "22 pegawai ditambahkan" in out
    assert _count(dbfile) == 22
    assert main(["import-pegawai", str(SAMPLES / "siasn_export_baik.csv"), "--db", dbfile]) == 0
    assert "0 baru, 0 berubah, 22 tidak berubah" in capsys.readouterr().out


def test_dry_run_writes_nothing(dbfile, capsys):
    rc = main(
        ["import-pegawai", str(SAMPLES / "roster_template_baik.xlsx"), "--db", dbfile, "--dry-run"]
    )
    assert rc == 0
    assert "tidak ada yang disimpan" in capsys.readouterr().out
    assert _count(dbfile) == 0


def test_invalid_rows_are_listed_and_exit_3(dbfile, capsys):
    rc = main(["import-pegawai", str(SAMPLES / "siasn_export_rusak.csv"), "--db", dbfile])
    assert rc == 3
    out = capsys.readouterr().out
    assert "Baris 5, kolom NIP BARU: Nomor '1.96608011988031E+17' rusak" in out
    assert "Baris 8, kolom NAMA: Nama wajib diisi." in out
    assert "3 pegawai ditambahkan" in out
    assert _count(dbfile) == 3


def test_unreadable_file_fails_with_one_line(dbfile, capsys):
    rc = main(["import-pegawai", str(SAMPLES / "bukan_tabel.xlsx"), "--db", dbfile])
    assert rc == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("Gagal: ") and "\n" not in err
    assert main(["import-pegawai", "/tidak/ada.csv", "--db", dbfile]) == 1
    assert "tidak ditemukan" in capsys.readouterr().err


def test_export(dbfile, tmp_path, capsys):
    main(["import-pegawai", str(SAMPLES / "siasn_export_baik.csv"), "--db", dbfile])
    target = tmp_path / "pegawai.xlsx"
    assert main(["export-pegawai", str(target), "--db", dbfile]) == 0
    assert "22 pegawai diekspor" in capsys.readouterr().out
    assert target.stat().st_size > 0
    assert main(["export-pegawai", str(tmp_path / "x.csv"), "--db", dbfile]) == 1


def test_help_documents_exit_codes(capsys):
    with pytest.raises(SystemExit):
        main(["import-pegawai", "--help"])
    out = capsys.readouterr().out
    assert "--dry-run" in out and "3 = " in out
