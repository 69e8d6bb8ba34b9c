"""The office head rated by an outside official (domain.md §9, forms.md): his SKP, Evaluasi
Kinerja Pegawai and Dokumen Evaluasi print the outside penilai's and atasan's blocks with
INSTANSI, and the NIP line (in the block and under the signature) only when he has a NIP.

The Camat is rated by the Sekda of the kabupaten (outside, with NIP); the Sekda by the Bupati
(outside, not an ASN: no NIP). The operator enters what they signed on paper."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from kinerja_desktop.db.models import Evaluasi, PredikatOrganisasi, Skp
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.domain.identitas import Identitas
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.reports.blocks import baris_identitas
from kinerja_desktop.services import evaluasi as sv
from kinerja_desktop.services import organisasi as org
from kinerja_desktop.services import pejabat_luar as luar
from kinerja_desktop.services.cetak import tulis_cetakan
from kinerja_desktop.services.skp import cetak_skp
from kinerja_desktop.services.skp.buat import buat_snapshot
from kinerja_desktop.services.skp.izin import adalah_penilai_skp
from kinerja_desktop.services.uow import run
from tests.data_evaluasi import kantor

ADMIN = Actor("admin", 1, None, frozenset({Peran.ADMIN}))
SEKDA = luar.PejabatLuarInput(
    nama="Hasbullah Yunus",
    gelar_depan="Dr. H.",
    gelar_belakang="S.E., M.M.",
    nip="196803121994031005",
    golongan="IV/c",
    jabatan="Sekretaris Daerah",
    unit_kerja="Sekretariat Daerah",
    instansi="Pemerintah Kabupaten Tebo",
)
BUPATI = luar.PejabatLuarInput(
    nama="Rahmat Hidayatullah",
    gelar_depan="H.",
    jabatan="Bupati Tebo",
    instansi="Pemerintah Kabupaten Tebo",
)


def _teks(pdf: bytes) -> str:
    return " ".join(
        " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages).split()
    )


def _pdf(cetakan) -> str:
    buf = io.BytesIO()
    tulis_cetakan(buf, cetakan)
    return _teks(buf.getvalue())


@pytest.fixture
def k(db, session):
    data = kantor(session)
    session.commit()
    sekda = run(db.session_factory, ADMIN, luar.tambah_pejabat_luar, SEKDA).id
    bupati = run(db.session_factory, ADMIN, luar.tambah_pejabat_luar, BUPATI).id
    for dinilai, penilai in ((data.camat.id, sekda), (sekda, bupati)):
        run(db.session_factory, ADMIN, org.tetapkan_penilai, dinilai, penilai, date(2025, 1, 1))
    skp = data.skp[data.camat.id]
    session.refresh(skp)
    skp.penilai_id = sekda
    skp.snapshot = buat_snapshot(session, data.camat.id, sekda, date(2025, 1, 1))
    session.add(
        PredikatOrganisasi(
            unit_kerja_id=data.unit.id, periode_id=data.periode["TW1"].id, predikat="BAIK"
        )
    )
    session.commit()
    data.luar = {"sekda": sekda, "bupati": bupati}  # type: ignore[attr-defined]
    return data


def _evaluasi_camat(db, k) -> int:
    """The operator enters the outside Sekda's signed evaluation of the Camat and finalises it."""
    d = run(db.session_factory, ADMIN, sv.buka_evaluasi, k.camat.id, k.periode["TW1"].id)
    assert d.evaluasi_id, d.pesan
    run(db.session_factory, ADMIN, sv.simpan_evaluasi, d.evaluasi_id, rating_perilaku="DI_ATAS")
    run(
        db.session_factory,
        ADMIN,
        sv.finalkan_evaluasi,
        d.evaluasi_id,
        pada=datetime(2025, 4, 10, 9, 0),
    )
    return d.evaluasi_id


def test_the_operator_enters_for_an_outside_penilai_only(db, k, session):
    ev = _evaluasi_camat(db, k)
    row = session.get(Evaluasi, ev)
    assert row.penilai_id == k.luar["sekda"] and row.status == "FINAL"
    assert row.rating_hasil_kerja == "SESUAI"  # follows the organisation (BAIK)
    assert row.predikat == "BAIK"  # Sesuai x Di Atas
    assert adalah_penilai_skp(session, ADMIN, session.get(Skp, k.skp[k.camat.id].id))
    # the kasi's penilai is the Camat, in the office: the operator still cannot rate him
    assert not adalah_penilai_skp(session, ADMIN, session.get(Skp, k.skp[k.kasi.id].id))
    with pytest.raises(PermissionDenied):
        run(db.session_factory, ADMIN, sv.mulai_evaluasi, k.kasi.id, k.periode["TW1"].id)


def test_skp_prints_the_outside_penilai_with_instansi_and_nip(db, k):
    t = _teks(run(db.session_factory, ADMIN, cetak_skp, k.skp[k.camat.id].id))
    blok = re.search(r"PEJABAT PENILAI KINERJA.*?INSTANSI (.+?) HASIL KERJA", t)
    assert blok, t[:600]
    assert "Dr. H. Hasbullah Yunus, S.E., M.M." in t
    assert "19680312 199403 1 005" in t and "Sekretariat Daerah" in t
    assert blok.group(1).startswith("Pemerintah Kabupaten Tebo")
    assert "Camat Tebo Tengah" in t  # the pegawai's own block is unchanged
    assert "NIP. 19680312 199403 1 005" in t  # under his signature


def test_evaluation_prints_the_outside_penilai_block(db, k):
    ev = _evaluasi_camat(db, k)
    t = _pdf(run(db.session_factory, ADMIN, sv.siapkan_cetak, ev, sv.JENIS_CETAK_EVALUASI))
    assert "Dr. H. Hasbullah Yunus, S.E., M.M." in t
    assert "INSTANSI Pemerintah Kabupaten Tebo" in t
    assert "NIP. 19680312 199403 1 005" in t
    assert "DRAF" not in t


def test_dokumen_evaluasi_prints_the_outside_atasan_without_nip(db, k):
    ev = _evaluasi_camat(db, k)
    t = _pdf(run(db.session_factory, ADMIN, sv.siapkan_cetak, ev, sv.JENIS_CETAK_DOKUMEN))
    atasan = re.search(r"ATASAN PEJABAT PENILAI KINERJA (.+?) EVALUASI KINERJA", t)
    assert atasan, t[:800]
    isi = atasan.group(1)
    assert "H. Rahmat Hidayatullah" in isi and "Bupati Tebo" in isi
    assert "INSTANSI Pemerintah Kabupaten Tebo" in isi
    assert "NIP" not in isi  # not an ASN: no NIP line at all
    penilai = re.search(r"PEJABAT PENILAI KINERJA (.+?) ATASAN PEJABAT", t)
    assert penilai and "NIP 19680312 199403 1 005" in penilai.group(1)
    assert "INSTANSI Pemerintah Kabupaten Tebo" in penilai.group(1)


def test_a_penilai_without_nip_signs_with_his_name_only(db, k, session):
    # the Bupati rates the Camat directly (e.g. a Camat in a kota rated by the Wali Kota)
    run(
        db.session_factory,
        ADMIN,
        org.tetapkan_penilai,
        k.camat.id,
        k.luar["bupati"],
        date(2025, 2, 1),
    )
    ev = _evaluasi_camat(db, k)
    t = _pdf(run(db.session_factory, ADMIN, sv.siapkan_cetak, ev, sv.JENIS_CETAK_EVALUASI))
    ttd = t[t.rindex("Pejabat Penilai Kinerja") :]
    assert "H. Rahmat Hidayatullah" in ttd and "NIP" not in ttd
    assert "NIP. " in t[: t.rindex("Pejabat Penilai Kinerja")]  # the pegawai's NIP still prints


def test_block_rows_follow_the_lampiran():
    kantor_ini = Identitas("Budi", "196608011988031001", "Penata, III/c", "Kasi", "Seksi")
    assert [label for label, _ in baris_identitas(kantor_ini)] == [
        "NAMA",
        "NIP",
        "PANGKAT/GOL RUANG",
        "JABATAN",
        "UNIT KERJA",
    ]
    bupati = Identitas("H. Rahmat", "", "", "Bupati Tebo", "", instansi="Pemerintah Kab. Tebo")
    assert baris_identitas(bupati) == [
        ("NAMA", "H. Rahmat"),
        ("PANGKAT/GOL RUANG", "-"),
        ("JABATAN", "Bupati Tebo"),
        ("INSTANSI", "Pemerintah Kab. Tebo"),
    ]
    # the print data of an office pegawai keeps its keys (old verification codes stay valid)
    assert "instansi" not in kantor_ini.ke_json()
    assert Identitas.dari_json(bupati.ke_json()) == bupati
