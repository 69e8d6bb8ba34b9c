"""The office's time zone and the pure conversions between stored UTC and local dates.

Timestamps are stored as naive UTC; every date a user sees or a rule uses (signature dates,
batas pengisian, the keberatan window, "today") is the office's local date (domain.md §9).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from enum import StrEnum


class ZonaWaktu(StrEnum):
    WIB = "WIB"
    WITA = "WITA"
    WIT = "WIT"

    @property
    def selisih(self) -> timedelta:
        return timedelta(hours=_JAM[self])

    @property
    def label(self) -> str:
        return f"{self.value} (UTC+{_JAM[self]}, {_WILAYAH[self]})"


_JAM = {ZonaWaktu.WIB: 7, ZonaWaktu.WITA: 8, ZonaWaktu.WIT: 9}
_WILAYAH = {
    ZonaWaktu.WIB: "Sumatra, Jawa, Kalbar, Kalteng",
    ZonaWaktu.WITA: "Bali, NTB, NTT, Sulawesi, Kalsel, Kaltim, Kaltara",
    ZonaWaktu.WIT: "Maluku, Papua",
}
ZONA_BAWAAN = ZonaWaktu.WIB


def zona_dari_selisih(selisih: timedelta | None) -> ZonaWaktu:
    """The zone nearest to a computer's UTC offset; WIB when it is none of the three."""
    if selisih is None:
        return ZONA_BAWAAN
    jam = round(selisih.total_seconds() / 3600)
    return next((z for z, j in _JAM.items() if j == jam), ZONA_BAWAAN)


def zona_komputer() -> ZonaWaktu:
    """The default offered at first start: the zone the computer's clock is set to."""
    return zona_dari_selisih(datetime.now(UTC).astimezone().utcoffset())


def ke_lokal(waktu_utc: datetime, zona: ZonaWaktu) -> datetime:
    """A stored naive UTC time as the office's naive local time."""
    return waktu_utc + zona.selisih


def tanggal_lokal(waktu_utc: datetime, zona: ZonaWaktu) -> date:
    """The office's date of a stored naive UTC time: 23.30 UTC is already tomorrow in WIT."""
    return ke_lokal(waktu_utc, zona).date()


def ke_utc(waktu_lokal: datetime, zona: ZonaWaktu) -> datetime:
    """An office-local naive time as the naive UTC time to store."""
    return waktu_lokal - zona.selisih
