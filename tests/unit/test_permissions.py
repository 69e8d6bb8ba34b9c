"""Every public service entry point, called by a user who may not do it, is refused.

The entry points are discovered (every ``services/*.py`` function taking ``(session, actor,
...)``), so a new service is checked as soon as it lands. Arguments come from the demo office
(roster, SKP, pemantauan, evaluasi, keberatan, accounts): the target is Rudi Hartono (staff of
Subbagian Umum, with an SKP, realisasi, evaluasi and a keberatan); the intruder is Hendra
Gunawan, a pegawai of another seksi holding PEGAWAI + PENILAI roles, who is neither Rudi's
penilai nor his atasan penilai. Each call runs in a transaction that is rolled back.

- ``TERBUKA``: entry points open to every signed-in user by design (with the reason).
- ``CELAH``: entry points found without a check; they are
  ``xfail(strict=True)``, so fixing one turns the test red until it is removed from the list.
- A second test: the administrator (ADMIN role only) cannot rate anyone.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import kinerja_desktop.services as services_pkg
from kinerja_desktop.db.database import open_database
from kinerja_desktop.db.models import (
    Akun,
    BuktiDukung,
    Evaluasi,
    Indikator,
    Keberatan,
    Pegawai,
    PenugasanPenilai,
    Periode,
    ProgresHarian,
    PustakaRhk,
    Realisasi,
    RencanaAksi,
    RencanaHasilKerja,
    Skp,
    UmpanBalik,
)
from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.domain.peran import SISTEM, Actor, Peran


def _temukan() -> list[tuple[str, str]]:
    hasil = []
    for info in pkgutil.iter_modules(services_pkg.__path__):
        mod = importlib.import_module(f"kinerja_desktop.services.{info.name}")
        for name, fn in inspect.getmembers(mod, inspect.isfunction):
            # a package's __init__ re-exports the functions of its own modules
            eigen = fn.__module__ == mod.__name__ or fn.__module__.startswith(f"{mod.__name__}.")
            if not eigen or name.startswith("_"):
                continue
            params = list(inspect.signature(fn).parameters)
            if params[:2] == ["session", "actor"]:
                hasil.append((info.name, name))
    return sorted(hasil)


SEMUA = _temukan()

# Open to any signed-in user by design.
TERBUKA: dict[str, str] = {
    "akun.masuk": "the login itself",
    "akun.buka_layar_kunci": "the user's own lock screen",
    "akun.ganti_password": "the user's own password",
    "akun.akun_saya": "the user's own account",
    "akun.buat_admin_pertama": "only while no account exists (test_akun)",
    "audit.periksa_integritas": "read-only check of the file",
    "cetak.verifikasi_kode": "anyone may verify a printed document",
    "verifikasi_pdf.verifikasi_pdf": "anyone may verify a printed document (its PDF)",
    "verifikasi_pdf.fakta_kode": "what the paper holding that code already shows",
    "pengaturan.identitas_kantor": "printed on every form",
    "pengaturan.kebijakan_keamanan": "every session reads the idle lock and password rule",
    "pengaturan.kepala_unit_dihitung": "shown next to every recap",
    "pengaturan.hari_final_tanpa_alasan_aktor": "shown next to every recap",
    "organisasi.daftar_unit": "unit names are office-wide reference data",
    "periode.daftar_periode": "period calendar",
    "evaluasi.daftar_periode": "period calendar",
    "evaluasi.daftar_tahun": "years in use",
    "evaluasi.daftar_evaluasi_saya": "the user's own evaluations",
    "evaluasi.daftar_dinilai": "only the pegawai the user rates",
    "keberatan.daftar_keberatan_untuk_diputus": "only objections the user must decide",
    "pemantauan.pegawai_pilihan": "only the user and his bawahan",
    "pegawai.daftar_pegawai": "only the user and the pegawai he rates (test_roster_lists_...)",
    "pegawai.hitung_pegawai": "only the user and the pegawai he rates (test_roster_lists_...)",
    "pegawai.jumlah_per_unit": "only the user and the pegawai he rates (test_roster_lists_...)",
    "pegawai.ringkasan": "only the user and the pegawai he rates (test_roster_lists_...)",
    "skp.pegawai_dapat_dipilih": "only the user and his bawahan",
    "skp.daftar_pustaka": "shared RHK library",
    "skp.jabatan_pustaka": "shared RHK library",
    "umpan_balik.daftar_frasa": "shared phrase list",
    "umpan_balik.tambah_frasa": "any pegawai may add to the shared phrase list",
    "umpan_balik.tanda_baca": "only the user's own read marks",
    "umpan_balik.hitung_belum_dibaca": "only the user's own read marks, of threads he was given",
    "umpan_balik.utas_belum_dibaca": "only threads on the user's own SKP or SKP he rates",
    "beranda.beranda": "only what the user's own roles show (each part checks its role)",
    "beranda.beranda_pegawai": "the user's own SKP, periods and evaluations",
    "beranda.beranda_penilai": "only the user's own bawahan (test_beranda)",
    "beranda.tampilan_terakhir": "the user's own setting",
    "beranda.ingat_tampilan": "the user's own setting",
    "beranda.tahun_kerja": "the period calendar",
}

# Found without a permission check (strict xfail: fixing one turns this red until removed).
CELAH: dict[str, str] = {}

# Optional arguments some entry points need to reach their permission check. The penilai-scoped
# reads default to the acting user's own bawahan, so they are asked for Rudi's penilai's.
_PENILAI_RUDI = {"penilai_id": "penilai_id"}
OPSIONAL: dict[str, dict[str, Any]] = {
    "bukti.daftar_bukti": {"realisasi_id": "realisasi_id"},
    "bukti.lampirkan_berkas": {"realisasi_id": "realisasi_id"},
    "bukti.lampirkan_bytes": {"realisasi_id": "realisasi_id"},
    "bukti.lampirkan_tautan": {"realisasi_id": "realisasi_id"},
    "pemantauan.belum_mengisi": _PENILAI_RUDI,
    "pemantauan.data_cetak_belum_mengisi": _PENILAI_RUDI,
    "pemantauan.papan_pemantauan": _PENILAI_RUDI,
    "pemantauan.pdf_belum_mengisi": _PENILAI_RUDI,
    "skp.matriks_peran_hasil": _PENILAI_RUDI,
    "skp.ringkasan_bawahan": _PENILAI_RUDI,
}
# The same reads asked for Rudi's unit instead (Hendra rates nobody there).
PER_UNIT = [
    "pemantauan.belum_mengisi",
    "pemantauan.data_cetak_belum_mengisi",
    "pemantauan.papan_pemantauan",
    "pemantauan.pdf_belum_mengisi",
]

# Rating and deciding: even the administrator may not.
PENILAIAN = [
    "evaluasi.mulai_evaluasi",
    "evaluasi.simpan_evaluasi",
    "evaluasi.finalkan_evaluasi",
    "evaluasi.buka_kembali_evaluasi",
    "keberatan.putus_keberatan",
    "skp.tetapkan_skp",
    "skp.kembalikan_skp",
    "umpan_balik.tulis_umpan_balik",
]


@dataclass
class Kantor:
    db: Any
    tmp: Path
    tahun: int
    target: int
    target_nip: str
    unit: int
    penilai: int
    penyusup: Actor
    admin: Actor
    ids: dict[str, int]


@pytest.fixture(scope="module")
def kantor(tmp_path_factory) -> Any:
    from kinerja_desktop.demo import buat_demo

    tmp = tmp_path_factory.mktemp("izin")
    db = open_database(f"sqlite:///{tmp / 'kantor.sqlite'}")
    buat_demo(db)
    with db.session_factory() as s:
        rudi = s.scalar(select(Pegawai).where(Pegawai.nama == "Rudi Hartono"))
        hendra = s.scalar(select(Pegawai).where(Pegawai.nama == "Hendra Gunawan"))
        skp = s.scalar(select(Skp).where(Skp.pegawai_id == rudi.id).order_by(Skp.id.desc()))
        ev = s.scalar(select(Evaluasi).where(Evaluasi.skp_id == skp.id).order_by(Evaluasi.id))
        rhk = s.scalar(select(RencanaHasilKerja).where(RencanaHasilKerja.skp_id == skp.id))
        iki = s.scalar(select(Indikator).where(Indikator.rhk_id == rhk.id))
        real = s.scalar(select(Realisasi).where(Realisasi.indikator_id == iki.id))
        prog = s.scalar(select(ProgresHarian).where(ProgresHarian.pegawai_id == rudi.id))
        bukti = s.scalar(
            select(BuktiDukung).where(
                (BuktiDukung.realisasi_id == real.id) | (BuktiDukung.progres_id == prog.id)
            )
        ) or s.scalar(select(BuktiDukung))
        ub = s.scalar(select(UmpanBalik).where(UmpanBalik.skp_id == skp.id)) or s.scalar(
            select(UmpanBalik)
        )
        ra = s.scalar(select(RencanaAksi).where(RencanaAksi.rhk_id == rhk.id)) or s.scalar(
            select(RencanaAksi)
        )
        keb = s.scalar(select(Keberatan).where(Keberatan.evaluasi_id == ev.id)) or s.scalar(
            select(Keberatan)
        )
        plt = s.scalar(select(PenugasanPenilai).where(PenugasanPenilai.jenis == "PLT"))
        penilai = s.scalar(
            select(PenugasanPenilai.penilai_id).where(PenugasanPenilai.pegawai_id == rudi.id)
        )
        admin_akun = s.scalar(select(Akun).where(Akun.nama_pengguna == "admin"))
        ids = {
            "skp_id": skp.id,
            "evaluasi_id": ev.id,
            "periode_id": ev.periode_id,
            "rhk_id": rhk.id,
            "indikator_id": iki.id,
            "realisasi_id": real.id,
            "progres_id": prog.id,
            "bukti_id": bukti.id,
            "induk_id": ub.id if ub else 1,
            "rencana_aksi_id": ra.id if ra else 1,
            "keberatan_id": keb.id if keb else 1,
            "penugasan_id": plt.id,
            "akun_id": admin_akun.id,
            "pustaka_id": s.scalar(select(PustakaRhk.id)) or 1,
            "penilai_id": penilai,
        }
        k = Kantor(
            db, tmp, skp.tahun, rudi.id, rudi.nip, rudi.unit_kerja_id, penilai,
            Actor("hendra", 99, hendra.id, frozenset({Peran.PEGAWAI, Peran.PENILAI})),
            Actor("admin", admin_akun.id, None, frozenset({Peran.ADMIN})), ids,
        )  # fmt: skip
    (tmp / "bukti.pdf").write_bytes(b"%PDF-1.4\n%bukti\n")
    yield k
    db.close()
    shutil.rmtree(tmp, ignore_errors=True)


def _nilai(k: Kantor, session: Any, nama_fn: str, p: inspect.Parameter) -> Any:
    """A plausible value for a required parameter, by its name."""
    from kinerja_desktop.services.bukti import BuktiStore
    from kinerja_desktop.services.pegawai import PegawaiInput
    from kinerja_desktop.services.pemantauan import EntriProgres

    n = p.name
    if n in k.ids:
        return k.ids[n]
    hari = date(k.tahun, 3, 2)
    nilai: dict[str, Any] = {
        "pegawai_id": k.target,
        "penilai_id": k.penilai,
        "unit_id": k.unit,
        "tahun": k.tahun,
        "nip": k.target_nip,
        "periode": session.get(Periode, k.ids["periode_id"]),
        "skp": session.get(Skp, k.ids["skp_id"]),
        "store": BuktiStore(k.tmp / "store"),
        "sumber": k.tmp / "bukti.pdf",
        "path": k.tmp / "keluar.xlsx",
        "tujuan": k.tmp / "salinan.pdf",
        "mulai": date(k.tahun, 1, 1),
        "selesai": date(k.tahun, 12, 31),
        "tanggal": hari,
        "batas": date(k.tahun, 4, 10),
        "jenis": "TRIWULAN",
        "pustaka_ids": [k.ids["pustaka_id"]],
        "utas_ids": [k.ids["induk_id"]],
        "butir": ["Butir uji"],
        "arah": 1,
        "url": "https://contoh.go.id/bukti",
        "peran": [Peran.ADMIN],
        "ekspektasi": "Ekspektasi uji",
        "kode_nilai": "BERORIENTASI_PELAYANAN",
        "keputusan": "TOLAK",
        "predikat": "BAIK",
        "pendekatan": "KUANTITATIF",
        "kategori": next(
            iter(__import__("kinerja_desktop.services.umpan_balik", fromlist=["x"]).KATEGORI_FRASA)
        ),
    }
    if n in nilai:
        return nilai[n]
    if n == "data":
        if "bytes" in str(p.annotation):
            return b"%PDF-1.4\n"
        return PegawaiInput(
            nip=k.target_nip, nama="Rudi Hartono", status="PNS", golongan="III/a",
            jabatan="Pengadministrasi", jenis_jabatan="PELAKSANA", unit_kerja_id=k.unit,
        )  # fmt: skip
    if n == "entri":
        e = EntriProgres(tanggal=hari, uraian="Kegiatan uji", rhk_id=k.ids["rhk_id"])
        return [e] if "Sequence" in str(p.annotation) else e
    if n in ("password", "password_baru", "baru", "lama", "ulangi"):
        return "Rahasia#2026"
    return "Isian uji"  # texts: nama, uraian, alasan, teks, instansi, tempat, jabatan...


def _panggil(
    k: Kantor, modul: str, nama: str, actor: Actor, opsi: dict[str, Any] | None = None
) -> tuple[str, str]:
    fn = getattr(importlib.import_module(f"kinerja_desktop.services.{modul}"), nama)
    session = k.db.session_factory(info={"actor": actor})
    try:
        args = [
            _nilai(k, session, nama, p)
            for p in list(inspect.signature(fn).parameters.values())[2:]
            if p.default is inspect.Parameter.empty
            and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
        ]
        kw = {
            p.name: _nilai(k, session, nama, p)
            for p in inspect.signature(fn).parameters.values()
            if p.default is inspect.Parameter.empty and p.kind is p.KEYWORD_ONLY
        }
        opsi = OPSIONAL.get(f"{modul}.{nama}", {}) if opsi is None else opsi
        for nama_opsi, nilai_opsi in opsi.items():
            kw[nama_opsi] = k.ids.get(nilai_opsi, nilai_opsi)
        fn(session, actor, *args, **kw)
        return "DIIZINKAN", ""
    except PermissionDenied as exc:
        return "DITOLAK", str(exc)
    except Exception as exc:
        return type(exc).__name__, str(exc)[:200]
    finally:
        session.rollback()
        session.close()


def _param(kunci: str) -> Any:
    if kunci in CELAH:
        return pytest.param(kunci, marks=pytest.mark.xfail(strict=True, reason=CELAH[kunci]))
    return kunci


# Predicates answer a question (``adalah_*``, ``boleh_*``, ``izin_*``); they do not act.
PREDIKAT = ("adalah_", "boleh_", "izin_")

DIPERIKSA = [
    f"{m}.{n}" for m, n in SEMUA if f"{m}.{n}" not in TERBUKA and not n.startswith(PREDIKAT)
]


def test_discovery_finds_the_services():
    semua = {f"{m}.{n}" for m, n in SEMUA}
    assert len(SEMUA) > 40 and "akun.tambah_akun" in DIPERIKSA
    # the service packages count too (their __init__ re-exports their modules' functions)
    assert {"evaluasi.simpan_evaluasi", "pemantauan.simpan_realisasi"} <= set(DIPERIKSA)
    hilang = [k for k in [*CELAH, *PENILAIAN] if k not in semua]
    assert not hilang, f"no longer exist, update the lists: {hilang}"


@pytest.mark.parametrize("kunci", [_param(k) for k in DIPERIKSA])
def test_intruder_is_refused(kantor, kunci):
    modul, nama = kunci.split(".")
    hasil, pesan = _panggil(kantor, modul, nama, kantor.penyusup)
    assert hasil == "DITOLAK", f"{kunci}: {hasil} {pesan}"
    assert pesan.strip()  # a message the user can read


@pytest.mark.parametrize(
    "kunci", [_param(k) for k in PENILAIAN if k in {f"{m}.{n}" for m, n in SEMUA}]
)
def test_administrator_cannot_rate(kantor, kunci):
    modul, nama = kunci.split(".")
    hasil, pesan = _panggil(kantor, modul, nama, kantor.admin)
    assert hasil == "DITOLAK", f"{kunci}: {hasil} {pesan}"


def test_the_harness_reaches_real_records(kantor):
    """Sanity: with the right user the same arguments are not refused (so a refusal above is
    the permission check, not a missing record)."""
    rudi = Actor("rudi", None, kantor.target, frozenset({Peran.PEGAWAI}))
    for kunci in ("skp.detail_skp", "evaluasi.detail_evaluasi", "pemantauan.daftar_progres"):
        modul, nama = kunci.split(".")
        if (modul, nama) in SEMUA:
            hasil, pesan = _panggil(kantor, modul, nama, rudi)
            assert hasil != "DITOLAK", f"{kunci}: {pesan}"
    hasil, _ = _panggil(kantor, "akun", "daftar_akun", SISTEM)
    assert hasil == "DIIZINKAN"


@pytest.mark.parametrize("kunci", PER_UNIT)
def test_intruder_is_refused_a_unit_he_rates_nobody_in(kantor, kunci):
    modul, nama = kunci.split(".")
    hasil, pesan = _panggil(kantor, modul, nama, kantor.penyusup, {"unit_id": kantor.unit})
    assert hasil == "DITOLAK", f"{kunci}: {hasil} {pesan}"
    assert "pejabat penilai" in pesan


def _sesi(k: Kantor, actor: Actor) -> Any:
    return k.db.session_factory(info={"actor": actor})


def _bawahan_dari(s: Any, penilai_id: int) -> set[int]:
    return set(
        s.scalars(
            select(PenugasanPenilai.pegawai_id).where(PenugasanPenilai.penilai_id == penilai_id)
        )
    )


def test_roster_lists_are_scoped_to_self_and_bawahan(kantor):
    """The roster lists (filtered in SQL) give a non-admin himself and the pegawai he rates;
    the administrator everybody; an account without a pegawai nobody."""
    from kinerja_desktop.services import pegawai as svc

    k = kantor
    semua = svc.FilterPegawai(aktif=None)
    with _sesi(k, k.admin) as s:
        total = s.scalar(select(func.count(Pegawai.id)))
        hendra_boleh = {k.penyusup.pegawai_id} | _bawahan_dari(s, k.penyusup.pegawai_id)
        penilai_boleh = {k.penilai} | _bawahan_dari(s, k.penilai)
        assert len(svc.daftar_pegawai(s, k.admin, semua, limit=None)) == total
        assert svc.hitung_pegawai(s, k.admin, semua) == total
        r = svc.ringkasan(s, k.admin)
        assert r.aktif + r.nonaktif == total

        hendra = k.penyusup
        rows = svc.daftar_pegawai(s, hendra, semua, limit=None)
        assert {x.id for x in rows} == hendra_boleh and k.target not in hendra_boleh
        assert svc.hitung_pegawai(s, hendra, semua) == len(hendra_boleh)
        assert svc.daftar_pegawai(s, hendra, svc.FilterPegawai(cari=k.target_nip)) == []
        assert svc.hitung_pegawai(s, hendra, svc.FilterPegawai(cari="Rudi")) == 0
        r = svc.ringkasan(s, hendra)
        assert r.aktif + r.nonaktif == len(hendra_boleh)
        aktif = svc.hitung_pegawai(s, hendra, svc.FilterPegawai(aktif=True))
        assert sum(svc.jumlah_per_unit(s, hendra).values()) == aktif
        assert k.unit not in svc.jumlah_per_unit(s, hendra) or any(
            x.unit_kerja_id == k.unit for x in rows
        )

        # Rudi's penilai sees Rudi (search in SQL too); Rudi sees himself only.
        penilai = Actor("penilai", None, k.penilai, frozenset({Peran.PEGAWAI, Peran.PENILAI}))
        rows = svc.daftar_pegawai(s, penilai, semua, limit=None)
        assert {x.id for x in rows} == penilai_boleh and k.target in penilai_boleh
        cari = svc.daftar_pegawai(s, penilai, svc.FilterPegawai(cari="rudi hartono"))
        assert [x.id for x in cari] == [k.target]
        rudi = Actor("rudi", None, k.target, frozenset({Peran.PEGAWAI}))
        assert [x.id for x in svc.daftar_pegawai(s, rudi, semua)] == [k.target]
        assert svc.hitung_pegawai(s, rudi, semua) == 1

        tanpa = Actor("tamu", 5, None, frozenset({Peran.PEGAWAI, Peran.PENILAI}))
        assert svc.daftar_pegawai(s, tanpa, semua) == []
        assert svc.hitung_pegawai(s, tanpa, semua) == 0
        assert svc.jumlah_per_unit(s, tanpa) == {}
        assert svc.ringkasan(s, tanpa).aktif == 0


def test_roster_records_open_to_self_penilai_plt_and_admin(kantor):
    from kinerja_desktop.services import organisasi as org
    from kinerja_desktop.services import pegawai as svc

    k = kantor
    with _sesi(k, k.admin) as s:
        penilai = Actor("penilai", None, k.penilai, frozenset({Peran.PEGAWAI, Peran.PENILAI}))
        rudi = Actor("rudi", None, k.target, frozenset({Peran.PEGAWAI}))
        for actor in (k.admin, SISTEM, penilai, rudi):
            assert svc.ambil_pegawai(s, actor, k.target).nip == k.target_nip
            assert svc.cari_nip(s, actor, k.target_nip).id == k.target
            assert k.penilai in {r.penilai_id for r in org.riwayat_penilai(s, actor, k.target)}
        assert svc.cari_nip(s, rudi, "199901012020011999") is None  # nobody has it
        # Rudi may not read his penilai's record (he does not rate him)
        with pytest.raises(PermissionDenied, match="pegawai yang Anda nilai"):
            svc.ambil_pegawai(s, rudi, k.penilai)
        # an acting (PLT) penilai reads the pegawai he acts for
        plt = s.get(PenugasanPenilai, k.ids["penugasan_id"])
        pelaksana = Actor("plt", None, plt.penilai_id, frozenset({Peran.PENILAI}))
        assert svc.ambil_pegawai(s, pelaksana, plt.pegawai_id).id == plt.pegawai_id
        assert plt.pegawai_id in {
            x.id for x in svc.daftar_pegawai(s, pelaksana, svc.FilterPegawai(aktif=None))
        }
        tanpa = Actor("tamu", 5, None, frozenset({Peran.PEGAWAI}))
        with pytest.raises(PermissionDenied):
            svc.ambil_pegawai(s, tanpa, k.target)
        with pytest.raises(PermissionDenied):
            org.riwayat_penilai(s, tanpa, k.target)


def test_penilai_scoped_reads_open_to_the_penilai_himself(kantor):
    """The rightful penilai (and the administrator) still get Rudi on the board, in the
    'belum mengisi' list of the period and in the SKP overview; by unit, a penilai gets only
    his own bawahan of that unit."""
    from kinerja_desktop.services import pemantauan as pm
    from kinerja_desktop.services import skp as svc_skp

    k = kantor
    penilai = Actor("penilai", None, k.penilai, frozenset({Peran.PEGAWAI, Peran.PENILAI}))
    with _sesi(k, penilai) as s:
        for actor, kw in ((penilai, {}), (penilai, {"penilai_id": k.penilai}),
                          (k.admin, {"penilai_id": k.penilai})):  # fmt: skip
            papan = pm.papan_pemantauan(s, actor, k.tahun, **kw)
            assert k.target in {b.pegawai_id for b in papan.baris}
            belum = pm.belum_mengisi(s, actor, k.ids["periode_id"], **kw)
            assert {b.pegawai_id for b in belum} <= {b.pegawai_id for b in papan.baris}
            assert pm.pdf_belum_mengisi(s, actor, k.ids["periode_id"], **kw).startswith(b"%PDF")
            rows = svc_skp.ringkasan_bawahan(s, actor, k.tahun, **kw)
            assert k.target in {r.pegawai_id for r in rows}
            m = svc_skp.matriks_peran_hasil(s, actor, k.tahun, **kw)
            assert k.target in {p.pegawai_id for r in m.rhk for p in r.pendukung} | {
                t.pegawai_id for t in m.tanpa_link
            }
        per_unit = pm.papan_pemantauan(s, penilai, k.tahun, unit_id=k.unit)
        ids = {b.pegawai_id for b in per_unit.baris}
        assert k.target in ids and k.penilai not in ids
        assert ids <= _bawahan_dari(s, k.penilai) | {
            x for (x,) in s.execute(select(Skp.pegawai_id).where(Skp.penilai_id == k.penilai))
        }
        semua = pm.papan_pemantauan(s, k.admin, k.tahun, unit_id=k.unit)
        assert ids <= {b.pegawai_id for b in semua.baris}
        s.rollback()
