"""Opening an evaluation: everything the evaluation screen shows, and starting the DRAF
evaluation when its penilai opens it for the first time."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy.orm import Session

from kinerja_desktop.db.models import Evaluasi, EvaluasiPerilaku, Pegawai, Periode, Skp
from kinerja_desktop.domain.angka import format_angka
from kinerja_desktop.domain.berakhlak import BERAKHLAK
from kinerja_desktop.domain.errors import StateError
from kinerja_desktop.domain.identitas import Identitas
from kinerja_desktop.domain.peran import Actor
from kinerja_desktop.domain.predikat import Rating, saran_rating
from kinerja_desktop.domain.status import StatusEvaluasi, StatusKeberatan, StatusSkp
from kinerja_desktop.services import identitas, penugasan
from kinerja_desktop.services.evaluasi.angka_kredit import angka_kredit_untuk
from kinerja_desktop.services.evaluasi.hasil_kerja import (
    PerilakuEvalRow,
    RhkEvalRow,
    baris_perilaku,
    hasil_kerja_periode,
)
from kinerja_desktop.services.evaluasi.predikat_org import baris_predikat_org, rating_kepala_unit
from kinerja_desktop.services.evaluasi.riwayat import (
    KeberatanRow,
    RiwayatRow,
    batas_keberatan,
    catat_riwayat,
    keberatan_rows,
    riwayat_rows,
)
from kinerja_desktop.services.evaluasi.syarat import (
    DRAF,
    FINAL,
    PESAN_DRAF_PEGAWAI,
    adalah_penilai,
    ambil_evaluasi,
    ambil_pegawai,
    atasan_penilai_untuk,
    draf_tersembunyi,
    nama_pegawai,
    penilai_luar_untuk,
    perbarui_snapshot,
    skp_evaluasi,
    wajib_baca,
    wajib_penilai,
)
from kinerja_desktop.services.pengaturan import baca_teks
from kinerja_desktop.services.periode import PeriodeRow, get_periode, periode_row
from kinerja_desktop.services.skp.berlaku import label_tertunda, skp_tertunda
from kinerja_desktop.services.waktu import hari_ini as hari_ini_kantor
from kinerja_desktop.services.waktu import zona_kantor


@dataclass(frozen=True)
class EvaluasiDetail:
    evaluasi_id: int | None
    uuid: str | None
    versi: int
    pegawai_id: int
    pegawai: Identitas  # as the roster reads now
    penilai_id: int | None
    penilai_nama: str
    periode: PeriodeRow
    skp_id: int | None
    pendekatan: str
    hasil_kerja: tuple[RhkEvalRow, ...]
    perilaku: tuple[PerilakuEvalRow, ...]
    rating_hasil_kerja: str | None
    rating_perilaku: str | None
    predikat: str | None
    saran_rating: str | None
    rata_capaian: float | None
    catatan: str
    status: str  # BELUM / DRAF / FINAL
    difinalkan_pada: datetime | None
    kepala_unit: bool
    predikat_organisasi: str | None
    angka_kredit: str | None
    angka_kredit_keterangan: str
    riwayat: tuple[RiwayatRow, ...]
    keberatan: tuple[KeberatanRow, ...]
    boleh_menilai: bool
    boleh_buka_kembali: bool
    boleh_ajukan_keberatan: bool
    boleh_putus_keberatan: bool
    batas_keberatan: date | None
    pesan: str = ""  # why the evaluation cannot be started, if it cannot
    hari_ini: date | None = None  # the office's date the detail was read on
    skp_revisi: int | None = None  # the revision evaluated
    tertunda: str = ""  # "Revisi 1 menunggu penetapan" beside it, or ""

    @property
    def final(self) -> bool:
        return self.status == FINAL

    @property
    def teks_saran(self) -> str:
        if self.kepala_unit:
            return "Kepala unit: rating hasil kerja mengikuti predikat kinerja organisasi."
        if self.saran_rating is None:
            return "Saran sistem: belum ada capaian yang dapat dihitung."
        rata = "-" if self.rata_capaian is None else format_angka(self.rata_capaian, 1)
        return (
            f"Saran sistem: {Rating(self.saran_rating).label} (rata-rata capaian {rata}%). "
            "Hanya saran; Anda yang memutuskan."
        )


def _detail(
    session: Session,
    actor: Actor,
    pegawai: Pegawai,
    periode: Periode,
    ev: Evaluasi | None,
    skp: Skp | None,
    pesan: str = "",
    hari_ini: date | None = None,
) -> EvaluasiDetail:
    hari_ini = hari_ini or hari_ini_kantor(session)
    if skp is not None:
        hasil_kerja, capaian = hasil_kerja_periode(session, skp, periode)
    else:
        hasil_kerja, capaian = (), []
    terisi = [c for c in capaian if c is not None]
    org = baris_predikat_org(session, pegawai.unit_kerja_id, periode.id)
    penilai_id = (
        ev.penilai_id
        if ev
        else penugasan.penilai_periode(session, pegawai.id, periode.mulai, periode.selesai)
    )
    penilai = session.get(Pegawai, penilai_id) if penilai_id else None
    keberatan = keberatan_rows(session, ev) if ev is not None else ()
    diputus = any(k.status == StatusKeberatan.DIPUTUS for k in keberatan)
    tertunda = any(k.status == StatusKeberatan.DIAJUKAN for k in keberatan)
    batas = batas_keberatan(ev, zona_kantor(session)) if ev is not None else None
    is_penilai = adalah_penilai(session, actor, pegawai.id, periode)
    atasan = atasan_penilai_untuk(session, ev, periode) if ev is not None else None
    ak, ak_ket = angka_kredit_untuk(pegawai, ev.predikat if ev else None, periode)
    detail = EvaluasiDetail(
        evaluasi_id=ev.id if ev else None,
        uuid=ev.uuid if ev else None,
        versi=ev.versi if ev else 0,
        pegawai_id=pegawai.id,
        pegawai=identitas.identitas_dari(pegawai),
        penilai_id=penilai_id,
        penilai_nama=nama_pegawai(penilai),
        periode=periode_row(periode),
        skp_id=skp.id if skp else None,
        pendekatan=skp.pendekatan if skp else "",
        hasil_kerja=hasil_kerja,
        perilaku=baris_perilaku(session, skp, periode, ev),
        rating_hasil_kerja=ev.rating_hasil_kerja if ev else None,
        rating_perilaku=ev.rating_perilaku if ev else None,
        predikat=ev.predikat if ev else None,
        saran_rating=(s.value if (s := saran_rating(capaian, *_batas_saran(session))) else None),
        rata_capaian=sum(terisi) / len(terisi) if terisi else None,
        catatan=(ev.catatan or "") if ev else "",
        status=ev.status if ev else StatusEvaluasi.BELUM,
        difinalkan_pada=ev.difinalkan_pada if ev else None,
        kepala_unit=pegawai.kepala_unit,
        predikat_organisasi=org.predikat if org else None,
        angka_kredit=ak,
        angka_kredit_keterangan=ak_ket,
        riwayat=riwayat_rows(session, ev) if ev is not None else (),
        keberatan=keberatan,
        boleh_menilai=bool(is_penilai and (ev is None or ev.status == DRAF)),
        boleh_buka_kembali=bool(
            ev is not None
            and ev.status == FINAL
            and actor.pegawai_id == ev.penilai_id
            and not diputus
            and not tertunda
        ),
        boleh_ajukan_keberatan=bool(
            ev is not None
            and ev.status == FINAL
            and actor.pegawai_id == pegawai.id
            and not keberatan
            and batas is not None
            and hari_ini <= batas
        ),
        boleh_putus_keberatan=bool(
            tertunda and actor.pegawai_id is not None and actor.pegawai_id == atasan
        ),
        batas_keberatan=batas,
        pesan=pesan,
        hari_ini=hari_ini,
        skp_revisi=skp.revisi if skp else None,
        tertunda=label_tertunda(skp_tertunda(session, pegawai.id, periode.tahun, periode.selesai)),
    )
    if draf_tersembunyi(actor, pegawai.id, ev, is_penilai):
        detail = replace(
            detail,
            rating_hasil_kerja=None,
            rating_perilaku=None,
            predikat=None,
            catatan="",
            angka_kredit=None,
            angka_kredit_keterangan="Terlihat setelah evaluasi final.",
            perilaku=tuple(replace(p, umpan_balik="") for p in detail.perilaku),
            pesan=detail.pesan or PESAN_DRAF_PEGAWAI,
        )
    return detail


def _batas_saran(session: Session) -> tuple[float, float]:
    try:
        atas = float(baca_teks(session, "saran_batas_atas") or "110")
        bawah = float(baca_teks(session, "saran_batas_bawah") or "80")
    except ValueError:
        return 110.0, 80.0
    return atas, bawah


def buka_evaluasi(
    session: Session,
    actor: Actor,
    pegawai_id: int,
    periode_id: int,
    *,
    buat: bool = True,
    hari_ini: date | None = None,
) -> EvaluasiDetail:
    """Everything the evaluation screen shows. The penilai opening it for the first time
    starts a DRAF evaluation (when ``buat``); others only read."""
    pegawai = ambil_pegawai(session, pegawai_id)
    periode = get_periode(session, periode_id)
    skp, ev = skp_evaluasi(session, pegawai_id, periode)
    wajib_baca(session, actor, pegawai_id, periode, ev)
    pesan = ""
    if ev is None and buat and adalah_penilai(session, actor, pegawai_id, periode):
        try:
            ev = _mulai(session, actor, pegawai, periode, skp)
        except StateError as exc:
            pesan = exc.pesan
    elif ev is None and skp is None:
        pesan = f"Pegawai ini belum memiliki SKP tahun {periode.tahun}."
    return _detail(session, actor, pegawai, periode, ev, skp, pesan, hari_ini)


def _mulai(
    session: Session,
    actor: Actor,
    pegawai: Pegawai,
    periode: Periode,
    skp: Skp | None,
    pada: datetime | None = None,
) -> Evaluasi:
    if skp is None:
        raise StateError(
            f"Pegawai ini belum memiliki SKP tahun {periode.tahun}. Evaluasi dimulai setelah "
            "SKP-nya dibuat dan ditetapkan."
        )
    if skp.status != StatusSkp.DITETAPKAN:
        raise StateError(
            f"SKP tahun {periode.tahun} pegawai ini belum ditetapkan (status {skp.status}). "
            "Tetapkan SKP-nya dulu, lalu mulai evaluasi."
        )
    ev = Evaluasi(
        skp_id=skp.id,
        periode_id=periode.id,
        pegawai_id=pegawai.id,
        # the operator entering an outside penilai's evaluation records it in his name
        penilai_id=actor.pegawai_id or penilai_luar_untuk(session, pegawai.id, periode),
        status=DRAF,
    )
    for i, n in enumerate(BERAKHLAK):
        ev.perilaku.append(EvaluasiPerilaku(urutan=i, nilai=n.kode, umpan_balik=None))
    if pegawai.kepala_unit:
        ev.rating_hasil_kerja = rating_kepala_unit(session, pegawai, periode.id)
    session.add(ev)
    session.flush()
    perbarui_snapshot(session, ev, periode)
    catat_riwayat(session, actor, ev, "DIBUAT", None, pada)
    session.flush()
    return ev


def mulai_evaluasi(
    session: Session, actor: Actor, pegawai_id: int, periode_id: int, pada: datetime | None = None
) -> EvaluasiDetail:
    """Start (or return) the DRAF evaluation; refuses anyone but the penilai."""
    pegawai = ambil_pegawai(session, pegawai_id)
    periode = get_periode(session, periode_id)
    wajib_penilai(session, actor, pegawai_id, periode)
    skp, ev = skp_evaluasi(session, pegawai_id, periode)
    ev = ev or _mulai(session, actor, pegawai, periode, skp, pada)
    return _detail(session, actor, pegawai, periode, ev, skp)


def detail_evaluasi(
    session: Session, actor: Actor, evaluasi_id: int, hari_ini: date | None = None
) -> EvaluasiDetail:
    ev = ambil_evaluasi(session, evaluasi_id)
    return buka_evaluasi(
        session, actor, ev.pegawai_id, ev.periode_id, buat=False, hari_ini=hari_ini
    )
