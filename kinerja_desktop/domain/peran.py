"""Roles of an account and the acting user every service call receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Peran(StrEnum):
    ADMIN = "ADMIN"  # operator kepegawaian
    PENILAI = "PENILAI"  # pejabat penilai kinerja
    PEGAWAI = "PEGAWAI"

    @property
    def label(self) -> str:
        return {
            Peran.ADMIN: "Administrator (operator kepegawaian)",
            Peran.PENILAI: "Pejabat Penilai",
            Peran.PEGAWAI: "Pegawai",
        }[self]


def parse_peran(text: str | None) -> frozenset[Peran]:
    return frozenset(Peran(p) for p in (text or "").split(",") if p)


def format_peran(peran: frozenset[Peran] | set[Peran]) -> str:
    return ",".join(sorted(p.value for p in peran))


@dataclass(frozen=True)
class Actor:
    """Who performs an action: written to the audit log and checked for permission."""

    nama: str
    akun_id: int | None = None
    pegawai_id: int | None = None
    peran: frozenset[Peran] = field(default_factory=frozenset)

    def punya(self, peran: Peran) -> bool:
        return peran in self.peran

    @property
    def is_admin(self) -> bool:
        return Peran.ADMIN in self.peran


# The demo generator and the first-start wizard act as it; headless commands log in instead.
SISTEM = Actor(nama="sistem", peran=frozenset({Peran.ADMIN}))
