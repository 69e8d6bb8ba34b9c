"""Workflow states of the domain: one enum per entity, its labels and colours, and which
action moves which state where.

The values are the strings stored in the database, so an enum member compares equal to the
stored text. Colours are hex strings (text colour and, where a screen fills the cell, a
background); the user interface turns them into its own colour objects.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar, cast, overload

from kinerja_desktop.domain.errors import StateError


class _Status(StrEnum):
    """A state with its label and colours: ``NAMA = nilai, label, warna[, latar]``."""

    label: str
    warna: str
    latar: str | None

    if not TYPE_CHECKING:  # type checkers keep the plain StatusX("DRAF") lookup signature

        def __new__(cls, nilai: str, label: str, warna: str, latar: str | None = None) -> Self:
            anggota = str.__new__(cls, nilai)
            anggota._value_ = nilai
            anggota.label = label
            anggota.warna = warna
            anggota.latar = latar
            return anggota

    @classmethod
    def dari(cls, nilai: object) -> Self | None:
        """The member for a stored value, None for an empty or unknown one."""
        anggota = cls._value2member_map_.get(nilai) if isinstance(nilai, str) else None
        return cast(Self | None, anggota)

    @classmethod
    def label_dari(cls, nilai: object, bawaan: str | None = None) -> str:
        """Label of a stored value; ``bawaan`` (else the value itself) when it is unknown."""
        status = cls.dari(nilai)
        if status is not None:
            return status.label
        return str(nilai or "") if bawaan is None else bawaan

    @overload
    @classmethod
    def warna_dari(cls, nilai: object, bawaan: str) -> str: ...
    @overload
    @classmethod
    def warna_dari(cls, nilai: object, bawaan: None = None) -> str | None: ...
    @classmethod
    def warna_dari(cls, nilai: object, bawaan: str | None = None) -> str | None:
        """Text colour of a stored value; ``bawaan`` when it is unknown."""
        status = cls.dari(nilai)
        return status.warna if status is not None else bawaan


class StatusSkp(_Status):
    DRAF = "DRAF", "Draf", "#5b6270"
    DIAJUKAN = "DIAJUKAN", "Diajukan", "#1d4ed8"
    DITETAPKAN = "DITETAPKAN", "Ditetapkan", "#15803d"
    DIKEMBALIKAN = "DIKEMBALIKAN", "Dikembalikan", "#b45309"


class StatusRealisasi(_Status):
    """Stored: DRAF, DIAJUKAN. The others describe an IKI or a whole period's realisasi and are
    derived when read: no SKP, nothing filled yet, or the period's evaluation is final."""

    TANPA_SKP = "TANPA_SKP", "Belum ada SKP", "#555555", "#eeeeee"
    BELUM_MULAI = "BELUM_MULAI", "Belum mulai", "#8a1c1c", "#fde2e1"
    BELUM = "BELUM", "Belum diisi", "#8a1c1c", "#fde2e1"
    DRAF = "DRAF", "Draf", "#7a5a00", "#fff4cc"
    DIAJUKAN = "DIAJUKAN", "Diajukan", "#174a7c", "#dcebfb"
    DINILAI = "DINILAI", "Dinilai", "#1d5e2c", "#dff3e3"


class StatusEvaluasi(_Status):
    """Stored: DRAF, FINAL. BELUM stands for a pegawai without an evaluation row yet."""

    BELUM = "BELUM", "Belum dievaluasi", "#6b7280"
    DRAF = "DRAF", "Draf", "#b45309"
    FINAL = "FINAL", "Final", "#15803d"

    @property
    def label_lengkap(self) -> str:
        """The label on the evaluation form, where a final evaluation is also locked."""
        return "Final (terkunci)" if self is StatusEvaluasi.FINAL else self.label


class StatusKeberatan(_Status):
    DIAJUKAN = "DIAJUKAN", "Diajukan", "#b45309"
    DIPUTUS = "DIPUTUS", "Diputus", "#15803d"


# --- transitions ------------------------------------------------------------------------------

S = TypeVar("S", bound=_Status)


@dataclass(frozen=True)
class Transisi(Generic[S]):
    """An action allowed in the states ``dari``; it leads to ``ke`` (None: the state stays).
    ``ditolak`` is the refusal (``{label}`` is the current state's label), ``ditolak_bila``
    a more precise one for some states."""

    dari: frozenset[S]
    ke: S | None
    ditolak: str
    ditolak_bila: Mapping[S, str] = field(default_factory=dict)

    def pesan(self, status: S | None) -> str:
        teks = self.ditolak_bila.get(status, self.ditolak) if status is not None else self.ditolak
        return teks.format(label=status.label if status is not None else "")


@dataclass(frozen=True)
class TabelTransisi(Generic[S]):
    """The actions of one entity (``jenis`` is its status enum), by name."""

    jenis: type[S]
    aksi: Mapping[str, Transisi[S]]


def periksa_transisi(
    tabel: TabelTransisi[S], aksi: str, status: object, *, syarat: bool = True
) -> S:
    """The state ``aksi`` leads to from ``status``, or StateError with the refusal.
    ``syarat=False`` refuses whatever the state (e.g. an old revision is read-only)."""
    transisi = tabel.aksi[aksi]
    sekarang = tabel.jenis.dari(status)
    if not syarat or sekarang is None or sekarang not in transisi.dari:
        raise StateError(transisi.pesan(sekarang))
    return transisi.ke if transisi.ke is not None else sekarang


def boleh(tabel: TabelTransisi[S], aksi: str, status: object) -> bool:
    """Whether ``aksi`` is allowed in ``status`` (to enable a button, without raising)."""
    return tabel.jenis.dari(status) in tabel.aksi[aksi].dari


_SKP_TERKUNCI = {
    StatusSkp.DITETAPKAN: (
        "SKP sudah ditetapkan dan tidak dapat diubah. Buat revisi SKP (tombol Revisi) "
        "dengan alasannya untuk mengubah isinya."
    ),
}
_SKP_DIAJUKAN = (
    "SKP sedang diajukan kepada pejabat penilai dan tidak dapat diubah sampai "
    "ditetapkan atau dikembalikan."
)
_SKP_BUKAN_DIAJUKAN = (
    "SKP berstatus {label}; hanya SKP yang diajukan yang dapat ditetapkan atau dikembalikan."
)
_SKP_DAPAT_DIUBAH = frozenset({StatusSkp.DRAF, StatusSkp.DIKEMBALIKAN})

TRANSISI_SKP = TabelTransisi(
    StatusSkp,
    {
        "ubah": Transisi(_SKP_DAPAT_DIUBAH, None, _SKP_DIAJUKAN, _SKP_TERKUNCI),
        "ajukan": Transisi(_SKP_DAPAT_DIUBAH, StatusSkp.DIAJUKAN, _SKP_DIAJUKAN, _SKP_TERKUNCI),
        "tetapkan": Transisi(
            frozenset({StatusSkp.DIAJUKAN}), StatusSkp.DITETAPKAN, _SKP_BUKAN_DIAJUKAN
        ),
        "kembalikan": Transisi(
            frozenset({StatusSkp.DIAJUKAN}), StatusSkp.DIKEMBALIKAN, _SKP_BUKAN_DIAJUKAN
        ),
        # the pegawai takes back what he submitted, before the penilai decides
        "tarik": Transisi(
            frozenset({StatusSkp.DIAJUKAN}),
            StatusSkp.DRAF,
            "SKP berstatus {label}; hanya SKP yang sedang diajukan (belum diputuskan pejabat "
            "penilai) yang dapat ditarik kembali.",
        ),
        # the ditetapkan SKP stays as it is; the revision is a new SKP in Draf
        "revisi": Transisi(
            frozenset({StatusSkp.DITETAPKAN}),
            StatusSkp.DITETAPKAN,
            "Hanya SKP terkini yang sudah ditetapkan yang dapat direvisi.",
        ),
        "hapus": Transisi(
            frozenset({StatusSkp.DRAF}),
            None,
            "Hanya SKP berstatus Draf yang dapat dihapus. SKP yang sudah pernah diajukan "
            "disimpan sebagai riwayat.",
        ),
        "ubah_ekspektasi": Transisi(
            frozenset(StatusSkp) - {StatusSkp.DITETAPKAN},
            None,
            "SKP sudah ditetapkan; ekspektasi khusus pimpinan hanya dapat diubah melalui revisi.",
        ),
    },
)

_EVALUASI_TERKUNCI = (
    "Evaluasi ini sudah final dan terkunci. Pejabat penilainya dapat membukanya kembali "
    "dengan alasan bila perlu diubah."
)

TRANSISI_EVALUASI = TabelTransisi(
    StatusEvaluasi,
    {
        "simpan": Transisi(frozenset({StatusEvaluasi.DRAF}), None, _EVALUASI_TERKUNCI),
        "finalkan": Transisi(
            frozenset({StatusEvaluasi.DRAF}), StatusEvaluasi.FINAL, _EVALUASI_TERKUNCI
        ),
        "buka_kembali": Transisi(
            frozenset({StatusEvaluasi.FINAL}),
            StatusEvaluasi.DRAF,
            "Evaluasi ini belum final; tidak ada yang perlu dibuka kembali.",
        ),
    },
)

TRANSISI_REALISASI = TabelTransisi(
    StatusRealisasi,
    {
        # filling in again (also after submitting) makes it a draft to submit once more
        "isi": Transisi(
            frozenset({StatusRealisasi.BELUM, StatusRealisasi.DRAF, StatusRealisasi.DIAJUKAN}),
            StatusRealisasi.DRAF,
            "Realisasi berstatus {label} tidak dapat diubah.",
        ),
        "ajukan": Transisi(
            frozenset({StatusRealisasi.DRAF}),
            StatusRealisasi.DIAJUKAN,
            "Realisasi berstatus {label}; hanya realisasi Draf yang dapat diajukan.",
        ),
    },
)

TRANSISI_KEBERATAN = TabelTransisi(
    StatusKeberatan,
    {
        "putuskan": Transisi(
            frozenset({StatusKeberatan.DIAJUKAN}),
            StatusKeberatan.DIPUTUS,
            "Keberatan ini sudah diputus; keputusan atasan pejabat penilai final.",
        ),
    },
)

# every entity with states, for the checks that each state has a label, colour and table
SEMUA_TRANSISI: tuple[TabelTransisi[Any], ...] = (
    TRANSISI_SKP,
    TRANSISI_REALISASI,
    TRANSISI_EVALUASI,
    TRANSISI_KEBERATAN,
)
