"""print-evaluasi, print-batch and verify from the command line."""

from __future__ import annotations

from datetime import datetime

import pytest

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import Evaluasi
from kinerja_desktop.domain.peran import Peran
from kinerja_desktop.reports.verifikasi import baca_kode_dari_pdf
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services.uow import run
from tests import factories
from tests.data_evaluasi import kantor


@pytest.fixture
def siap(db, session, akun_cli):
    k = kantor(session)
    session.commit()
    akun_cli(db, "kasi", Peran.PENILAI, Peran.PEGAWAI, pegawai_id=k.kasi.id)
    a = factories.actor_for(k.kasi)
    for p in (k.staf, k.pppk):
        d = run(db.session_factory, a, sv.buka_evaluasi, p.id, k.periode["TW1"].id)
        run(
            db.session_factory,
            a,
            sv.simpan_evaluasi,
            d.evaluasi_id,
            rating_hasil_kerja="DI_ATAS",
            rating_perilaku="SESUAI",
        )
        run(db.session_factory, a, sv.finalkan_evaluasi, d.evaluasi_id, pada=datetime(2025, 4, 3))
    return k, str(db.path)


def test_print_and_verify(siap, tmp_path, capsys, session):
    k, path = siap
    out = tmp_path / "eval.pdf"
    nip = f"{k.staf.nip[:8]} {k.staf.nip[8:14]} {k.staf.nip[14]} {k.staf.nip[15:]}"
    assert (
        main(
            [
                "--db",
                path,
                "print-evaluasi",
                "--nip",
                nip,
                "--tahun",
                "2025",
                "--periode",
                "tw1",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    teks = capsys.readouterr().out
    assert "EVALUASI-" in teks and "DOKEVAL-" in teks and out.exists()
    kode = baca_kode_dari_pdf(str(out))
    assert len(kode) == 2
    assert main(["--db", path, "verify", str(out)]) == 0
    assert capsys.readouterr().out.count("COCOK") == 2
    dok, ver = kode[1]
    assert main(["--db", path, "verify", f"KINERJA:{dok}:{ver}"]) == 0
    capsys.readouterr()
    # change the data shown on the Dokumen Evaluasi: verify fails and says what changed
    ev = session.query(Evaluasi).filter_by(pegawai_id=k.staf.id).one()
    ev.catatan = "Diubah langsung"
    session.commit()
    assert main(["--db", path, "verify", dok, ver]) == 3
    teks = capsys.readouterr().out
    assert "TIDAK COCOK" in teks and "catatan" in teks and "Diubah langsung" in teks


def test_print_errors(siap, tmp_path, capsys):
    k, path = siap
    out = str(tmp_path / "x.pdf")
    assert (
        main(
            [
                "--db",
                path,
                "print-evaluasi",
                "--nip",
                "199999999999999999",
                "--tahun",
                "2025",
                "--periode",
                "TW1",
                "--out",
                out,
            ]
        )
        == 1
    )
    assert "tidak ditemukan" in capsys.readouterr().err
    assert (
        main(
            [
                "--db",
                path,
                "print-evaluasi",
                "--nip",
                k.staf.nip,
                "--tahun",
                "2025",
                "--periode",
                "TW2",
                "--out",
                out,
            ]
        )
        == 1
    )
    assert "belum dievaluasi" in capsys.readouterr().err
    assert main(["--db", path, "verify", "bukan kode"]) == 1


def test_print_batch(siap, tmp_path, capsys, akun_cli):
    _k, path = siap
    akun_cli(path)  # the operator prints a whole unit
    assert (
        main(
            [
                "--db",
                path,
                "print-batch",
                "--unit",
                "Kecamatan Tebo Tengah",
                "--tahun",
                "2025",
                "--periode",
                "TW1",
                "--out",
                str(tmp_path / "o"),
            ]
        )
        == 0
    )
    assert "2 pegawai, 4 dokumen" in capsys.readouterr().out
    assert len(list((tmp_path / "o").iterdir())) == 2
    assert (
        main(
            [
                "--db",
                path,
                "print-batch",
                "--unit",
                "seksi",
                "--tahun",
                "2025",
                "--periode",
                "TW1",
                "--out",
                str(tmp_path / "s"),
                "--satu-file",
            ]
        )
        == 0
    )
    (berkas,) = list((tmp_path / "s").iterdir())
    assert len(baca_kode_dari_pdf(str(berkas))) == 4
    assert (
        main(
            [
                "--db",
                path,
                "print-batch",
                "--unit",
                "tidak ada",
                "--tahun",
                "2025",
                "--periode",
                "TW1",
                "--out",
                str(tmp_path / "z"),
            ]
        )
        == 1
    )
