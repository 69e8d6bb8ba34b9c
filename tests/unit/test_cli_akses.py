"""Attacks on the headless commands: each one run without a login, with a wrong password, with
a locked account, and as an account without the right (a plain pegawai, like the demo's
hendra), then as one with it. The cases are keyed by the parser's subcommands, so a new
command without a case here fails."""

from __future__ import annotations

import argparse
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kinerja_desktop.cli import KODE_DITOLAK, build_parser, main
from kinerja_desktop.domain.peran import Peran
from tests.conftest import SANDI_CLI
from tests.unit.test_cli_evaluasi import siap  # noqa: F401  (fixture: two final evaluations)

SAMPLES = Path(__file__).parents[1] / "exchange" / "samples"
TANPA_AKUN = {"init", "demo"}  # they only create a new file (tests/unit/test_cli_demo.py)


@dataclass
class Kasus:
    argv: list[str]  # after the subcommand; {db} {tmp} {nip_pppk} are filled in
    ditolak: tuple[str, ...]  # accounts refused by the permission checks
    boleh: str  # an account that may
    jejak: str | None = None  # a file (under tmp) the command makes: absent when refused


KASUS = {
    "print-skp": Kasus(
        ["--nip", "{nip_pppk}", "--tahun", "2025", "--out", "{tmp}/skp.pdf"],
        ("staf", "lain"),
        "kasi",
        "skp.pdf",
    ),
    "print-evaluasi": Kasus(
        ["--nip", "{nip_pppk}", "--tahun", "2025", "--periode", "TW1", "--out", "{tmp}/ev.pdf"],
        ("staf", "lain"),
        "kasi",
        "ev.pdf",
    ),
    "print-batch": Kasus(
        [
            "--unit",
            "Kecamatan Tebo Tengah",
            "--tahun",
            "2025",
            "--periode",
            "TW1",
            "--out",
            "{tmp}/massal",
            "--proses",
            "1",
        ],
        ("staf", "kasi"),
        "operator",
        "massal",
    ),
    "verify": Kasus(["KINERJA:BUKAN-00000000:0000-0000-0000"], (), "staf"),
    "import-pegawai": Kasus([str(SAMPLES / "siasn_export_baik.csv")], ("staf", "kasi"), "operator"),
    # as in the window, the export holds only the rows the account may read (see below)
    "export-pegawai": Kasus(["{tmp}/pegawai.xlsx"], (), "staf", "pegawai.xlsx"),
    "backup": Kasus(["--out", "{tmp}/cadangan.zip"], ("staf", "kasi"), "operator", "cadangan.zip"),
    "restore": Kasus(["{tmp}/sumber.zip"], ("staf", "kasi"), "operator"),
    "check": Kasus([], (), "staf"),
    # one pegawai's year: himself, his penilai, the operator; not another pegawai
    "ringkasan": Kasus(["--nip", "{nip_pppk}", "--tahun", "2025"], ("staf", "lain"), "kasi"),
}
# verify answers TIDAK COCOK (3) for the unknown code: it ran, as the account may
KODE_BOLEH = {"verify": 3, "import-pegawai": 0}


def _subcommands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


def test_every_command_has_a_case():
    assert set(_subcommands()) - TANPA_AKUN == set(KASUS)


@pytest.fixture
def kantor_cli(siap, db, akun_cli, tmp_path):  # noqa: F811
    from kinerja_desktop.exchange.cadangan import buat_cadangan

    k, path = siap  # the account "kasi" rates staf and pppk
    akun_cli(db, "operator")
    akun_cli(db, "staf", Peran.PEGAWAI, pegawai_id=k.staf.id)
    akun_cli(db, "lain", Peran.PEGAWAI, Peran.PENILAI, pegawai_id=k.lain.id)
    db.close()
    buat_cadangan(None, Path(path), db.folder_bukti, tmp_path / "sumber.zip")
    return k, path


def _argv(nama: str, kasus: Kasus, k, path: str, tmp: Path) -> list[str]:
    isi = {"db": path, "tmp": str(tmp), "nip_pppk": k.pppk.nip}
    return [nama, "--db", path, *(a.format(**isi) for a in kasus.argv)]


def _masuk(monkeypatch, nama: str, sandi: str = SANDI_CLI) -> None:
    monkeypatch.setenv("KINERJA_PENGGUNA", nama)
    monkeypatch.setenv("KINERJA_SANDI", sandi)


def _audit_gagal(path: str) -> int:
    con = sqlite3.connect(path)
    n = con.execute("SELECT count(*) FROM audit_log WHERE keterangan = 'Gagal masuk'").fetchone()
    con.close()
    return n[0]


@pytest.mark.parametrize("nama", sorted(KASUS))
def test_command_refuses_without_the_right_and_runs_with_it(
    nama, kantor_cli, tmp_path, monkeypatch, capsys
):
    k, path = kantor_cli
    kasus = KASUS[nama]
    argv = _argv(nama, kasus, k, path, tmp_path)
    jejak = tmp_path / kasus.jejak if kasus.jejak else None

    # no account named and no terminal: refused before anything is opened
    monkeypatch.delenv("KINERJA_PENGGUNA", raising=False)
    monkeypatch.setenv("KINERJA_SANDI", SANDI_CLI)
    assert main(argv) == KODE_DITOLAK
    assert "KINERJA_PENGGUNA" in capsys.readouterr().err

    # a wrong password: refused, counted and audited as a failed login in the window is
    sebelum = _audit_gagal(path)
    _masuk(monkeypatch, kasus.boleh, "Salah#Sandi2025")
    assert main(argv) == KODE_DITOLAK
    assert "Nama pengguna atau kata sandi salah" in capsys.readouterr().err
    assert _audit_gagal(path) == sebelum + 1
    _buka_jeda(path, kasus.boleh)

    for akun in kasus.ditolak:
        _masuk(monkeypatch, akun)
        assert main(argv) == KODE_DITOLAK, akun
        err = capsys.readouterr().err
        assert err.startswith("Gagal: ") and ("hanya" in err.lower() or "tidak berhak" in err)
        assert jejak is None or not jejak.exists() or not any(jejak.iterdir())

    _masuk(monkeypatch, kasus.boleh)
    assert main(argv) == KODE_BOLEH.get(nama, 0), capsys.readouterr().err
    assert jejak is None or jejak.exists()


def test_export_holds_only_what_the_account_may_read(kantor_cli, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    k, path = kantor_cli
    terbaca = {}
    for akun in ("staf", "kasi", "operator"):
        _masuk(monkeypatch, akun)
        out = tmp_path / f"{akun}.xlsx"
        assert main(["export-pegawai", "--db", path, str(out)]) == 0
        baris = list(load_workbook(out).active.iter_rows(values_only=True))
        kepala = next(i for i, r in enumerate(baris) if "NIP" in r)
        kolom = baris[kepala].index("NIP")
        terbaca[akun] = {str(r[kolom]).replace(" ", "") for r in baris[kepala + 1 :] if r[kolom]}
    assert terbaca["staf"] == {k.staf.nip}
    assert terbaca["kasi"] >= {k.staf.nip, k.pppk.nip, k.kasi.nip}
    assert k.lain.nip not in terbaca["kasi"] and k.lain.nip in terbaca["operator"]


def _buka_jeda(path: str, nama: str) -> None:
    """The slow-down after one failure (1 s) is over: the next attempt may go on."""
    con = sqlite3.connect(path)
    con.execute("UPDATE akun SET terkunci_sampai = NULL WHERE nama_pengguna = ?", (nama,))
    con.commit()
    con.close()


def test_locked_and_disabled_accounts_and_unknown_names(kantor_cli, monkeypatch, capsys):
    _k, path = kantor_cli
    argv = ["check", "--db", path]
    con = sqlite3.connect(path)
    nanti = (datetime.utcnow() + timedelta(minutes=10)).isoformat(sep=" ")
    con.execute(
        "UPDATE akun SET gagal_login = 5, terkunci_sampai = ? WHERE nama_pengguna = 'staf'",
        (nanti,),
    )
    con.execute("UPDATE akun SET aktif = 0 WHERE nama_pengguna = 'lain'")
    con.commit()
    con.close()
    _masuk(monkeypatch, "staf")  # the right password does not open a locked account
    assert main(argv) == KODE_DITOLAK
    assert "dikunci sementara" in capsys.readouterr().err
    _masuk(monkeypatch, "lain")
    assert main(argv) == KODE_DITOLAK
    assert "dinonaktifkan" in capsys.readouterr().err
    _masuk(monkeypatch, "tidak.ada")
    assert main(argv) == KODE_DITOLAK
    assert "Nama pengguna atau kata sandi salah" in capsys.readouterr().err


def test_five_wrong_passwords_lock_the_account_for_the_command_line(
    kantor_cli, monkeypatch, capsys
):
    _k, path = kantor_cli
    for _ in range(5):
        _buka_jeda(path, "operator")
        _masuk(monkeypatch, "operator", "Tebakan#2025")
        assert main(["check", "--db", path]) == KODE_DITOLAK
    assert "Akun dikunci" in capsys.readouterr().err
    _masuk(monkeypatch, "operator")
    assert main(["backup", "--db", path, "--out", path + ".zip"]) == KODE_DITOLAK
    assert "dikunci" in capsys.readouterr().err and not Path(path + ".zip").exists()


def test_a_database_without_accounts_tells_to_run_init(tmp_path, monkeypatch, capsys):
    from kinerja_desktop.db.database import open_database

    path = tmp_path / "kosong.sqlite"
    open_database(f"sqlite:///{path}").close()
    _masuk(monkeypatch, "operator")
    assert main(["check", "--db", str(path)]) == KODE_DITOLAK
    assert "belum memiliki akun" in capsys.readouterr().err


def test_the_password_prompt_does_not_echo(kantor_cli, monkeypatch, capsys):
    """At a terminal the password is asked with getpass; the name may be asked too."""
    _k, path = kantor_cli
    monkeypatch.delenv("KINERJA_SANDI", raising=False)
    monkeypatch.delenv("KINERJA_PENGGUNA", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    ditanya: list[str] = []
    monkeypatch.setattr("builtins.input", lambda label: ditanya.append(label) or "staf")
    monkeypatch.setattr(
        "getpass.getpass", lambda label: ditanya.append("rahasia:" + label) or SANDI_CLI
    )
    assert main(["check", "--db", path]) == 0
    assert ditanya == ["Nama pengguna: ", "rahasia:Kata sandi: "]


def test_restore_into_a_new_file_needs_no_account(kantor_cli, tmp_path, monkeypatch, capsys):
    _k, _path = kantor_cli
    monkeypatch.delenv("KINERJA_PENGGUNA", raising=False)
    baru = tmp_path / "baru" / "kinerja.sqlite"
    assert main(["restore", str(tmp_path / "sumber.zip"), "--db", str(baru)]) == 0
    assert baru.exists()
