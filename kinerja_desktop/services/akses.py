"""Permission checks shared by every service. The UI only hides; these refuse."""

from __future__ import annotations

from kinerja_desktop.domain.errors import PermissionDenied
from kinerja_desktop.domain.peran import Actor, Peran


def wajib_admin(actor: Actor) -> None:
    if not actor.punya(Peran.ADMIN):
        raise PermissionDenied("Hanya administrator (operator kepegawaian) yang dapat melakukan ini.")


def wajib_diri_sendiri_atau_admin(actor: Actor, pegawai_id: int) -> None:
    if actor.is_admin or (actor.pegawai_id is not None and actor.pegawai_id == pegawai_id):
        return
    raise PermissionDenied("Anda hanya dapat mengubah data Anda sendiri.")
