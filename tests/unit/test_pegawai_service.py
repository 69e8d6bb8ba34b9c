"""Pegawai service: validation, unique NIP, deactivate, search/filter/sort/paging, permission."""

from __future__ import annotations

from datetime import date

import pytest

from kinerja_desktop.domain.errors import (
    ConflictError,
    PermissionDenied,
    StateError,
    ValidationError,
)
from kinerja_desktop.domain.peran import Actor, Peran
from kinerja_desktop.services import organisasi as org
from kinerja_desktop.services import pegawai as svc
from kinerja_desktop.services.uow import run

NIP_BUDI = "198005172005031002"  # 17-05-1980, TMT 2005-03, pria, urut 002
NIP_SITI = "199001012015032005"  # 01-01-1990, wanita
NIP_PPPK = "199206142023211007"  # NI PPPK: 14-06-1992, 2023, "21", pria


def _input(**kw) -> svc.PegawaiInput:
    base = dict(
        nip=NIP_BUDI,
        nama="Budi Santoso",
        status="PNS",
        golongan="III/b",
        jabatan="Analis Kebijakan",
        jenis_jabatan="PELAKSANA",
        unit_kerja_id=None,
        gelar_belakang="S.E.",
        tanggal_lahir=date(1980, 5, 17),
        jenis_kelamin="L",
    )
    base.update(kw)
    return svc.PegawaiInput(**base)


@pytest.fixture
def unit_id(db, admin):
    return run(db.session_factory, admin, org.tambah_unit, "Kecamatan Contoh").id


def test_tambah_pegawai_normalises_and_reads_back(db, admin, unit_id):
    row = run(
        db.session_factory,
        admin,
        svc.tambah_pegawai,
        _input(nip="19800517 200503 1 002", unit_kerja_id=unit_id, nama="  Budi   Santoso "),
    )
    assert row.nip == NIP_BUDI
    assert row.nama == "Budi Santoso"
    assert row.nama_lengkap == "Budi Santoso, S.E."
    assert row.nip_tampil == "19800517 200503 1 002"
    assert row.pangkat_golongan == "Penata Muda Tk. I, III/b"
    assert row.unit_kerja == "Kecamatan Contoh"
    with db.session_factory() as s:
        from kinerja_desktop.db.models import Pegawai

        assert s.get(Pegawai, row.id).nama_cari == "budi santoso"


@pytest.mark.parametrize(
    ("ubah", "kolom", "potongan"),
    [
        ({"nip": "19800517200503100"}, "NIP", "18 digit"),
        ({"nip": 1.98005172005031e17}, "NIP", "format kolom NIP menjadi Teks"),
        ({"tanggal_lahir": date(1981, 5, 17)}, "Tanggal Lahir", "tidak sama"),
        ({"jenis_kelamin": "P"}, "Jenis Kelamin", "digit ke-15"),
        ({"golongan": "V/a"}, "Golongan", "tidak dikenal"),
        (
            {"status": "PPPK", "nip": NIP_PPPK, "tanggal_lahir": None, "golongan": "III/b"},
            "Golongan",
            "PPPK",
        ),
        ({"nama": "  "}, "Nama", "wajib"),
        ({"jabatan": ""}, "Jabatan", "wajib"),
        ({"jenis_jabatan": "Struktural"}, "Jenis Jabatan", "eselon"),
        ({"jenis_jabatan": "FUNGSIONAL", "jabatan": "Pranata Komputer"}, "Jenjang", "wajib"),
        ({"status": "Honorer"}, "Status", "PNS, CPNS, atau PPPK"),
    ],
)
def test_validation_names_the_field(db, admin, unit_id, ubah, kolom, potongan):
    with pytest.raises(ValidationError) as e:
        run(db.session_factory, admin, svc.tambah_pegawai, _input(unit_kerja_id=unit_id, **ubah))
    assert e.value.kolom == kolom
    assert potongan in e.value.pesan


def test_missing_unit_is_refused(db, admin):
    with pytest.raises(ValidationError) as e:
        run(db.session_factory, admin, svc.tambah_pegawai, _input())
    assert e.value.kolom == "Unit Kerja"


def test_birth_date_and_gender_come_from_nip_when_empty(db, admin, unit_id):
    row = run(
        db.session_factory,
        admin,
        svc.tambah_pegawai,
        _input(
            nip=NIP_SITI, nama="Siti", tanggal_lahir=None, jenis_kelamin=None, unit_kerja_id=unit_id
        ),
    )
    assert row.tanggal_lahir == date(1990, 1, 1)
    assert row.jenis_kelamin == "P"


def test_pppk_fungsional_with_jenjang_from_jabatan(db, admin, unit_id):
    row = run(
        db.session_factory,
        admin,
        svc.tambah_pegawai,
        _input(
            nip=NIP_PPPK,
            nama="Rahmat",
            status="PPPK",
            golongan="9",
            tanggal_lahir=None,
            jenis_jabatan="Fungsional",
            jabatan="Pranata Komputer Ahli Pertama",
            unit_kerja_id=unit_id,
        ),
    )
    assert (row.golongan, row.jenis_jabatan, row.jenjang) == ("IX", "FUNGSIONAL", "AHLI_PERTAMA")
    assert row.pangkat_golongan == "Golongan IX"


def test_nip_must_be_unique(db, admin, unit_id):
    run(db.session_factory, admin, svc.tambah_pegawai, _input(unit_kerja_id=unit_id))
    with pytest.raises(ValidationError) as e:
        run(
            db.session_factory,
            admin,
            svc.tambah_pegawai,
            _input(unit_kerja_id=unit_id, nama="Orang Lain"),
        )
    assert e.value.kolom == "NIP"
    assert "sudah dipakai oleh Budi Santoso, S.E." in e.value.pesan


def test_edit_and_stale_version(db, admin, unit_id):
    row = run(db.session_factory, admin, svc.tambah_pegawai, _input(unit_kerja_id=unit_id))
    baru = run(
        db.session_factory,
        admin,
        svc.ubah_pegawai,
        row.id,
        _input(
            unit_kerja_id=unit_id,
            golongan="III/c",
            jabatan="Kepala Seksi",
            jenis_jabatan="Pengawas",
        ),
        row.versi,
    )
    assert (baru.golongan, baru.jenis_jabatan, baru.versi) == ("III/c", "PENGAWAS", row.versi + 1)
    with pytest.raises(ConflictError):
        run(
            db.session_factory,
            admin,
            svc.ubah_pegawai,
            row.id,
            _input(unit_kerja_id=unit_id),
            row.versi,
        )


def test_deactivate_and_reactivate(db, admin, unit_id):
    row = run(db.session_factory, admin, svc.tambah_pegawai, _input(unit_kerja_id=unit_id))
    off = run(
        db.session_factory,
        admin,
        svc.nonaktifkan_pegawai,
        row.id,
        "Pensiun",
        date(2025, 6, 1),
        "Batas usia",
    )
    assert not off.aktif and off.alasan_nonaktif == "Pensiun: Batas usia"
    assert off.tanggal_nonaktif == date(2025, 6, 1)
    assert run(db.session_factory, admin, svc.hitung_pegawai, svc.FilterPegawai()) == 0
    assert run(db.session_factory, admin, svc.hitung_pegawai, svc.FilterPegawai(aktif=False)) == 1
    with pytest.raises(StateError):
        run(db.session_factory, admin, svc.nonaktifkan_pegawai, row.id, "Mutasi", date.today())
    on = run(db.session_factory, admin, svc.aktifkan_pegawai, row.id)
    assert on.aktif and on.alasan_nonaktif is None
    with pytest.raises(ValidationError) as e:
        run(db.session_factory, admin, svc.nonaktifkan_pegawai, row.id, "Lainnya", date.today())
    assert e.value.kolom == "Keterangan"
    with pytest.raises(StateError):
        run(db.session_factory, admin, svc.aktifkan_pegawai, row.id)


def test_non_admin_may_read_but_not_change(db, admin, unit_id):
    budi = run(db.session_factory, admin, svc.tambah_pegawai, _input(unit_kerja_id=unit_id))
    biasa = Actor(nama="pegawai", pegawai_id=budi.id, peran=frozenset({Peran.PEGAWAI}))
    assert run(db.session_factory, biasa, svc.hitung_pegawai) == 1
    with pytest.raises(PermissionDenied):
        run(
            db.session_factory,
            biasa,
            svc.tambah_pegawai,
            _input(
                nip=NIP_SITI,
                nama="Siti",
                tanggal_lahir=None,
                jenis_kelamin=None,
                unit_kerja_id=unit_id,
            ),
        )
    rows = run(db.session_factory, biasa, svc.daftar_pegawai)
    with pytest.raises(PermissionDenied):
        run(db.session_factory, biasa, svc.nonaktifkan_pegawai, rows[0].id, "Pensiun", date.today())


def test_non_admin_reads_only_self_and_the_pegawai_he_rates(db, admin, unit_id):
    """A pegawai reads himself; a penilai (PLT/PLH too) also the pegawai he rates; an account
    without a pegawai nobody; the administrator everybody."""
    atasan = run(
        db.session_factory,
        admin,
        svc.tambah_pegawai,
        _input(unit_kerja_id=unit_id, jabatan="Kepala Seksi", jenis_jabatan="PENGAWAS"),
    )
    siti = run(
        db.session_factory,
        admin,
        svc.tambah_pegawai,
        _input(
            nip=NIP_SITI, nama="Siti Aminah", tanggal_lahir=None, jenis_kelamin=None,
            unit_kerja_id=unit_id,
        ),
        atasan.id,
        date(2024, 1, 1),
    )  # fmt: skip
    pppk = run(
        db.session_factory,
        admin,
        svc.tambah_pegawai,
        _input(
            nip=NIP_PPPK, nama="Joko", status="PPPK", golongan="IX", tanggal_lahir=None,
            jenis_kelamin=None, unit_kerja_id=unit_id,
        ),
    )  # fmt: skip
    peran = frozenset({Peran.PEGAWAI, Peran.PENILAI})
    a_atasan = Actor("atasan", pegawai_id=atasan.id, peran=peran)
    a_siti = Actor("siti", pegawai_id=siti.id, peran=frozenset({Peran.PEGAWAI}))
    a_pppk = Actor("joko", pegawai_id=pppk.id, peran=peran)

    def ids(actor, **kw):
        rows = run(db.session_factory, actor, svc.daftar_pegawai, svc.FilterPegawai(**kw))
        return sorted(r.id for r in rows)

    assert ids(admin) == sorted([atasan.id, siti.id, pppk.id])
    assert ids(a_atasan) == sorted([atasan.id, siti.id])
    assert ids(a_atasan, cari="siti") == [siti.id]
    assert run(db.session_factory, a_atasan, svc.hitung_pegawai) == 2
    assert run(db.session_factory, a_atasan, svc.jumlah_per_unit) == {unit_id: 2}
    assert run(db.session_factory, a_atasan, svc.ringkasan).aktif == 2
    assert run(db.session_factory, a_atasan, svc.ambil_pegawai, siti.id).nama == "Siti Aminah"
    assert run(db.session_factory, a_atasan, svc.cari_nip, NIP_SITI).id == siti.id
    riwayat = run(db.session_factory, a_siti, org.riwayat_penilai, siti.id)
    assert [r.penilai_id for r in riwayat] == [atasan.id]
    assert ids(a_siti) == [siti.id]
    for actor, pid in ((a_siti, atasan.id), (a_atasan, pppk.id), (a_pppk, siti.id)):
        with pytest.raises(PermissionDenied, match="pegawai yang Anda nilai"):
            run(db.session_factory, actor, svc.ambil_pegawai, pid)
        with pytest.raises(PermissionDenied):
            run(db.session_factory, actor, org.riwayat_penilai, pid)
    with pytest.raises(PermissionDenied):
        run(db.session_factory, a_pppk, svc.cari_nip, NIP_SITI)
    # a PLH assignment opens Siti to Joko (and stays in his reach afterwards: he rated her)
    run(
        db.session_factory, admin, org.tetapkan_penilai, siti.id, pppk.id, date(2024, 6, 1),
        "PLH", date(2024, 6, 14), pendelegasian="Surat Perintah Camat 800/12/2024",
    )  # fmt: skip
    assert run(db.session_factory, a_pppk, svc.ambil_pegawai, siti.id).id == siti.id
    assert ids(a_pppk) == sorted([siti.id, pppk.id])
    tamu = Actor("tamu", peran=frozenset({Peran.PEGAWAI, Peran.PENILAI}))
    assert ids(tamu) == [] and run(db.session_factory, tamu, svc.hitung_pegawai) == 0
    with pytest.raises(PermissionDenied):
        run(db.session_factory, tamu, svc.ambil_pegawai, siti.id)


@pytest.fixture
def roster(db, session):
    """Kecamatan > Seksi A, Kecamatan > Seksi B; 5 pegawai, one PPPK, one inactive."""
    from tests import factories as f

    kec = f.unit(session, "Kecamatan")
    a = f.unit(session, "Seksi A", kec)
    b = f.unit(session, "Seksi B", kec)
    lain = f.unit(session, "Dinas Lain")
    f.pegawai(session, "Ahmad Yani", unit_kerja=kec, lahir=date(1970, 1, 2))
    f.pegawai(session, "Budi Santoso", unit_kerja=a, lahir=date(1980, 5, 17), golongan="IV/a")
    f.pegawai(
        session,
        "Citra Dewi",
        unit_kerja=b,
        lahir=date(1990, 3, 3),
        jenis_kelamin="P",
        status="PPPK",
        golongan="IX",
    )
    f.pegawai(session, "Dedi Budiman", unit_kerja=lain, lahir=date(1985, 7, 7), golongan="II/a")
    x = f.pegawai(session, "Eko Budianto", unit_kerja=a, lahir=date(1966, 8, 1))
    x.aktif = False
    session.commit()
    return {"kec": kec.id, "a": a.id, "b": b.id}


def _nama(db, admin, **kw):
    f = svc.FilterPegawai(
        **{k: v for k, v in kw.items() if k in ("cari", "unit_id", "status", "aktif")}
    )
    rows = run(
        db.session_factory,
        admin,
        svc.daftar_pegawai,
        f,
        kw.get("urut", "nama"),
        kw.get("turun", False),
        kw.get("offset", 0),
        kw.get("limit", 200),
    )
    return [r.nama for r in rows]


def test_search_by_name_parts_case_insensitive(db, admin, roster):
    assert _nama(db, admin, cari="budi") == ["Budi Santoso", "Dedi Budiman"]
    assert _nama(db, admin, cari="BUDI san") == ["Budi Santoso"]
    assert _nama(db, admin, cari="budi", aktif=None) == [
        "Budi Santoso",
        "Dedi Budiman",
        "Eko Budianto",
    ]
    assert _nama(db, admin, cari="100%") == []


def test_search_by_nip_digits_with_or_without_spaces(db, admin, roster):
    assert _nama(db, admin, cari="19800517") == ["Budi Santoso"]
    assert _nama(db, admin, cari="19800517 200") == ["Budi Santoso"]
    assert _nama(db, admin, cari="0517") == ["Budi Santoso"]


def test_filters_unit_with_subunits_status_active(db, admin, roster):
    assert _nama(db, admin, unit_id=roster["kec"]) == ["Ahmad Yani", "Budi Santoso", "Citra Dewi"]
    assert _nama(db, admin, unit_id=roster["a"], aktif=None) == ["Budi Santoso", "Eko Budianto"]
    assert _nama(db, admin, status=("PPPK",)) == ["Citra Dewi"]
    assert _nama(db, admin, aktif=False) == ["Eko Budianto"]
    n = run(db.session_factory, admin, svc.hitung_pegawai, svc.FilterPegawai(unit_id=roster["kec"]))
    assert n == 3


def test_sorting_and_paging_in_sql(db, admin, roster):
    assert _nama(db, admin, urut="nama", turun=True) == [
        "Dedi Budiman",
        "Citra Dewi",
        "Budi Santoso",
        "Ahmad Yani",
    ]
    assert _nama(db, admin, urut="golongan") == [
        "Dedi Budiman",
        "Ahmad Yani",
        "Budi Santoso",
        "Citra Dewi",
    ]
    assert _nama(db, admin, urut="unit")[0] == "Dedi Budiman"  # "Dinas Lain" sorts first
    assert _nama(db, admin, offset=1, limit=2) == ["Budi Santoso", "Citra Dewi"]
