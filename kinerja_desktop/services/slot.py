"""Each account's key slot follows its password: rewrapped after the transaction that
changed the password commits (services/kunci.py opens the database and puts the key file
and the office key into every session as the "brankas")."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import event
from sqlalchemy.orm import Session

from kinerja_desktop.db.kunci import BerkasKunci

INFO_BRANKAS = "brankas"
INFO_SLOT_TERTUNDA = "slot_tertunda"


@dataclass
class Brankas:
    """The open database's key file and office key, for rewrapping slots after a commit."""

    berkas: BerkasKunci
    kunci_kantor: bytes

    def pasang(self, pengguna: str, sandi: str) -> None:
        self.berkas.pasang(self.kunci_kantor, pengguna, sandi)


# --- slots follow the passwords ------------------------------------------------------------


def slot_baru(session: Session, pengguna: str, sandi: str | None) -> None:
    """Called by services/akun when an account gets a password: its slot is (re)wrapped
    once the transaction commits (the key file is not part of the transaction). ``sandi``
    None: the account was deactivated, its slot is taken away (reactivating it needs a
    password reset)."""
    if session.info.get(INFO_BRANKAS) is not None:
        session.info.setdefault(INFO_SLOT_TERTUNDA, []).append((pengguna, sandi))


def slot_perlu_diperbarui(session: Session, pengguna: str) -> bool:
    """The account still signs in through a slot made from its old hash (conversion)."""
    brankas: Brankas | None = session.info.get(INFO_BRANKAS)
    if brankas is None:
        return False
    slot = brankas.berkas.slot.get(pengguna.strip().lower())
    return slot is None or slot.get("jenis") == "hash"


def _after_commit(session: Session) -> None:
    tertunda: list[tuple[str, str | None]] = session.info.pop(INFO_SLOT_TERTUNDA, [])
    brankas: Brankas | None = session.info.get(INFO_BRANKAS)
    if brankas is not None:
        for pengguna, sandi in tertunda:
            if sandi is None:
                brankas.berkas.cabut(pengguna)
            else:
                brankas.pasang(pengguna, sandi)


def _after_rollback(session: Session) -> None:
    session.info.pop(INFO_SLOT_TERTUNDA, None)


event.listen(Session, "after_commit", _after_commit)
event.listen(Session, "after_soft_rollback", lambda s, _t: _after_rollback(s))
