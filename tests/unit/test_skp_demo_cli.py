"""The demo SKP step (cascaded, every workflow state) and the print-skp command."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

from sqlalchemy import select

from kinerja_desktop.cli import main
from kinerja_desktop.db.models import Pegawai, PustakaRhk, RencanaHasilKerja, Skp
from kinerja_desktop.domain.peran import SISTEM
from kinerja_desktop.services import organisasi
from kinerja_desktop.services.uow import unit_of_work

TAHUN = date.today().year


def _demo(db) -> dict:
    from kinerja_desktop.demo.roster import isi_roster
    from kinerja_desktop.demo.skp import isi_skp

    rng = random.Random(2025)
    with unit_of_work(db.session_factory, SISTEM, "demo") as s:
        isi_roster(s, TAHUN, rng)
        return isi_skp(s, TAHUN, rng)


def test_demo_skp_cascaded_in_every_state(db, session):
    hitung = _demo(db)
    skp = list(session.scalars(select(Skp)))
    status = Counter(s.status for s in skp if s.terkini)
    assert status["DITETAPKAN"] >= 25
    assert status["DIAJUKAN"] >= 1 and status["DRAF"] >= 1 and status["DIKEMBALIKAN"] == 1
    assert hitung.get("DITETAPKAN (revisi)") == 1
    assert any(s.revisi == 1 and s.status == "DITETAPKAN" for s in skp)
    assert any(not s.terkini for s in skp)
    # every active pegawai with a penilai has an SKP; the Sekda (no penilai here) has none
    aktif = list(session.scalars(select(Pegawai).where(Pegawai.aktif.is_(True))))
    punya = {s.pegawai_id for s in skp}
    for p in aktif:
        ada_penilai = organisasi.penilai_pada(session, p.id, date(TAHUN, 1, 1)) is not None
        assert (p.id in punya) == ada_penilai, p.jabatan
    # cascading: each RHK of a subordinate intervenes an RHK of his penilai's SKP
    per_id = {s.id: s for s in skp}
    camat = next(p for p in aktif if p.jabatan.startswith("Camat"))
    tertaut = 0
    for r in session.scalars(select(RencanaHasilKerja)):
        s = per_id[r.skp_id]
        if s.pegawai_id == camat.id:
            assert r.rhk_intervensi_id is None
            continue
        if r.rhk_intervensi_id is not None:
            atas = per_id[session.get(RencanaHasilKerja, r.rhk_intervensi_id).skp_id]
            assert atas.pegawai_id == s.penilai_id and atas.status == "DITETAPKAN"
            tertaut += 1
    assert tertaut >= 30
    assert session.scalar(select(PustakaRhk.id).limit(1)) is not None


def test_print_skp_command(db, session, tmp_path, capsys, akun_cli):
    _demo(db)
    camat = session.scalar(select(Pegawai).where(Pegawai.jabatan.like("Camat%")))
    akun_cli(db)
    nip_spasi = f"{camat.nip[:8]} {camat.nip[8:14]} {camat.nip[14]} {camat.nip[15:]}"
    out = tmp_path / "skp.pdf"
    url = str(db.url)
    db.close()
    assert (
        main(
            ["print-skp", "--nip", nip_spasi, "--tahun", str(TAHUN), "--out", str(out), "--db", url]
        )
        == 0
    )
    assert out.read_bytes().startswith(b"%PDF")
    assert (
        main(
            [
                "print-skp",
                "--nip",
                camat.nip,
                "--tahun",
                "2001",
                "--out",
                str(tmp_path / "x.pdf"),
                "--db",
                url,
            ]
        )
        == 1
    )
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("Gagal: ") and err[-1].endswith("belum memiliki SKP tahun 2001.")
    assert not (tmp_path / "x.pdf").exists()
