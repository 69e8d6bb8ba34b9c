"""A small office with SKP, periods, realisasi, bukti and feedback, built directly with the ORM
(for the evaluation tests: unit, reports, ui)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from kinerja_desktop.db.models import (
    BuktiDukung,
    EkspektasiPerilaku,
    Indikator,
    Pegawai,
    Pengaturan,
    Periode,
    Realisasi,
    RencanaHasilKerja,
    Skp,
    UmpanBalik,
    UnitKerja,
)
from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.periode import buat_periode
from tests import factories

TAHUN = 2025


@dataclass
class Kantor:
    induk: UnitKerja
    unit: UnitKerja
    seksi: UnitKerja
    sekda: Pegawai
    camat: Pegawai
    kasi: Pegawai
    staf: Pegawai  # fungsional, Ahli Pertama
    pppk: Pegawai
    lain: Pegawai  # in another unit, rated by someone else
    periode: dict[str, Periode]
    skp: dict[int, Skp]


def buat_periode_tahun(session: Session, tahun: int = TAHUN) -> dict[str, Periode]:
    out = {}
    for spec in buat_periode(tahun, "TRIWULAN"):
        p = Periode(
            tahun=tahun,
            jenis="TRIWULAN",
            kode=spec.kode,
            nama=spec.nama,
            nomor=spec.nomor,
            mulai=spec.mulai,
            selesai=spec.selesai,
            batas_pengisian=spec.selesai,
            akhir=spec.akhir,
        )
        session.add(p)
        out[spec.kode] = p
    session.flush()
    return out


def buat_skp(
    session: Session,
    p: Pegawai,
    penilai: Pegawai | None,
    tahun: int = TAHUN,
    status: str = "DITETAPKAN",
    intervensi: RencanaHasilKerja | None = None,
) -> Skp:
    skp = Skp(
        pegawai_id=p.id,
        penilai_id=penilai.id if penilai else None,
        tahun=tahun,
        mulai=date(tahun, 1, 1),
        selesai=date(tahun, 12, 31),
        pendekatan="KUANTITATIF",
        status=status,
    )
    session.add(skp)
    session.flush()
    r1 = RencanaHasilKerja(
        skp_id=skp.id,
        jenis="UTAMA",
        urutan=1,
        uraian="Tersusunnya laporan penyelenggaraan pemerintahan kecamatan",
        rhk_intervensi_id=intervensi.id if intervensi else None,
    )
    r2 = RencanaHasilKerja(
        skp_id=skp.id,
        jenis="TAMBAHAN",
        urutan=1,
        uraian="Terlaksananya pembinaan RT/RW",
    )
    session.add_all([r1, r2])
    session.flush()
    session.add_all(
        [
            Indikator(
                rhk_id=r1.id,
                urutan=1,
                aspek="KUANTITAS",
                uraian="Jumlah laporan yang disusun",
                target_nilai=4,
                target_satuan="Dokumen",
            ),
            Indikator(
                rhk_id=r1.id,
                urutan=2,
                aspek="KUALITAS",
                uraian="Persentase laporan tanpa revisi",
                target_nilai=100,
                target_satuan="%",
            ),
            Indikator(
                rhk_id=r2.id,
                urutan=1,
                aspek="WAKTU",
                uraian="Waktu penyelesaian pembinaan",
                target_nilai=12,
                target_satuan="Bulan",
            ),
        ]
    )
    for i, n in enumerate(BERAKHLAK):
        session.add(
            EkspektasiPerilaku(
                skp_id=skp.id,
                urutan=i,
                nilai=n.kode,
                ekspektasi="Melayani warga dengan ramah" if i == 0 else None,
            )
        )
    session.flush()
    session.refresh(skp)
    return skp


def isi_realisasi(
    session: Session,
    skp: Skp,
    periode: Periode,
    penilai: Pegawai,
    nilai: tuple[float, ...] = (1, 100, 3),
) -> None:
    ind = [i for r in skp.rhk for i in r.indikator]
    for k, (i, v) in enumerate(zip(ind, nilai, strict=False)):
        real = Realisasi(
            indikator_id=i.id,
            periode_id=periode.id,
            nilai=v,
            narasi="Laporan triwulan disampaikan" if k == 0 else None,
            status="DIAJUKAN",
        )
        session.add(real)
        session.flush()
        if k == 0:
            session.add_all(
                [
                    BuktiDukung(
                        realisasi_id=real.id,
                        jenis="TAUTAN",
                        nama="Laporan TW",
                        url="https://contoh.go.id/laporan.pdf",
                    ),
                    BuktiDukung(
                        realisasi_id=real.id,
                        jenis="TAUTAN",
                        nama="Daftar hadir",
                        url="https://contoh.go.id/hadir.pdf",
                    ),
                ]
            )
            akar = UmpanBalik(
                skp_id=skp.id,
                periode_id=periode.id,
                indikator_id=i.id,
                penulis_id=penilai.id,
                teks="Laporan tepat waktu, pertahankan.",
                waktu=datetime(periode.tahun, periode.selesai.month, 2, 9, 0),
            )
            session.add(akar)
            session.flush()
            session.add(
                UmpanBalik(
                    skp_id=skp.id,
                    periode_id=periode.id,
                    induk_id=akar.id,
                    penulis_id=skp.pegawai_id,
                    teks="Terima kasih, Pak.",
                    waktu=datetime(periode.tahun, periode.selesai.month, 2, 10),
                )
            )
    session.add(
        UmpanBalik(
            skp_id=skp.id,
            periode_id=periode.id,
            nilai_perilaku="KOMPETEN",
            penulis_id=penilai.id,
            teks="Aktif mengikuti pelatihan.",
            waktu=datetime(periode.tahun, periode.selesai.month, 3, 9),
        )
    )
    session.flush()


def kantor(session: Session, tahun: int = TAHUN) -> Kantor:
    session.add_all(
        [
            Pengaturan(kunci="instansi", nilai="PEMERINTAH KABUPATEN TEBO"),
            Pengaturan(kunci="tempat", nilai="Muara Tebo"),
        ]
    )
    induk = factories.unit(session, "Sekretariat Daerah")
    unit = factories.unit(session, "Kecamatan Tebo Tengah", induk)
    seksi = factories.unit(session, "Seksi Pemerintahan", unit)
    lahir = date(1966, 8, 1)
    sekda = factories.pegawai(
        session,
        "Ahmad Syukri",
        unit_kerja=induk,
        lahir=date(1965, 3, 2),
        gelar_depan="Drs. H.",
        gelar_belakang="M.M.",
        golongan="IV/c",
        jabatan="Sekretaris Daerah",
        jenis_jabatan="JPT",
    )
    sekda.kepala_unit = True
    camat = factories.pegawai(
        session,
        "Hendra Gunawan",
        unit_kerja=unit,
        lahir=date(1972, 1, 9),
        gelar_belakang="S.STP., M.Si.",
        golongan="IV/a",
        jabatan="Camat Tebo Tengah",
        jenis_jabatan="ADMINISTRATOR",
        atasan=sekda,
    )
    camat.kepala_unit = True
    kasi = factories.pegawai(
        session,
        "Bambang Sutrisno",
        unit_kerja=seksi,
        lahir=lahir,
        gelar_belakang="S.Sos.",
        golongan="III/d",
        jabatan="Kepala Seksi Pemerintahan",
        jenis_jabatan="PENGAWAS",
        atasan=camat,
    )
    kasi.nip = "196608011988031001"
    kasi.kepala_unit = True
    staf = factories.pegawai(
        session,
        "Siti Aminah",
        unit_kerja=seksi,
        lahir=date(1990, 1, 1),
        jenis_kelamin="P",
        gelar_belakang="S.E.",
        jabatan="Analis Kebijakan Ahli Pertama",
        jenis_jabatan="FUNGSIONAL",
        jenjang="AHLI_PERTAMA",
        atasan=kasi,
    )
    pppk = factories.pegawai(
        session,
        "Rina Wati",
        unit_kerja=seksi,
        lahir=date(1992, 3, 15),
        jenis_kelamin="P",
        status="PPPK",
        golongan="IX",
        gelar_belakang="S.Kom.",
        jabatan="Pranata Komputer Ahli Pertama",
        jenis_jabatan="FUNGSIONAL",
        jenjang="AHLI_PERTAMA",
        atasan=kasi,
    )
    pppk.nip = "199203152023212001"
    lain = factories.pegawai(
        session, "Joko Susilo", unit_kerja=induk, lahir=date(1985, 6, 6), atasan=sekda
    )
    periode = buat_periode_tahun(session, tahun)
    skp = {}
    skp[camat.id] = buat_skp(session, camat, sekda, tahun)
    skp[kasi.id] = buat_skp(session, kasi, camat, tahun, intervensi=skp[camat.id].rhk[0])
    skp[staf.id] = buat_skp(session, staf, kasi, tahun, intervensi=skp[kasi.id].rhk[0])
    skp[pppk.id] = buat_skp(session, pppk, kasi, tahun, intervensi=skp[kasi.id].rhk[0])
    skp[lain.id] = buat_skp(session, lain, sekda, tahun)
    for p in (staf, pppk):
        isi_realisasi(session, skp[p.id], periode["TW1"], kasi)
    session.flush()
    return Kantor(induk, unit, seksi, sekda, camat, kasi, staf, pppk, lain, periode, skp)
