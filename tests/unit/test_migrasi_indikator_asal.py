"""Migration 0007: Indikator.asal_id, backfilled for revisions made before it (the IKI at the
same place in the RHK the revision's RHK was copied from)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, text

from kinerja_desktop.db.database import SCHEMA_HEAD, _alembic_config, current_revision
from kinerja_desktop.db.models import Indikator, RencanaHasilKerja
from kinerja_desktop.services import skp as svc
from kinerja_desktop.services.uow import run
from kinerja_desktop.services.waktu import jam_tetap
from tests.factories_pemantauan import kantor


def _migrasi(db, arah: str, revisi: str) -> None:
    from alembic import command

    with db.engine.begin() as conn:
        getattr(command, arah)(_alembic_config(conn), revisi)


def _asal(session, skp_id: int) -> list[int | None]:
    return list(
        session.scalars(
            select(Indikator.asal_id)
            .join(RencanaHasilKerja, RencanaHasilKerja.id == Indikator.rhk_id)
            .where(RencanaHasilKerja.skp_id == skp_id)
            .order_by(RencanaHasilKerja.urutan, Indikator.urutan)
        )
    )


def test_backfill_links_revision_iki_to_the_ones_they_copy(db, session):
    k = kantor(session)
    awal, iki = k.skp.id, [i.id for i in k.iki]
    with jam_tetap(datetime(2025, 4, 7, 2)):
        rev = run(db.session_factory, k.a_pegawai, svc.revisi_skp, awal, "Tugas baru")
    session.expire_all()
    dibuat = _asal(session, rev.id)
    assert dibuat == iki  # set when the revision is made
    session.close()
    _migrasi(db, "downgrade", "0004")
    with db.engine.connect() as conn:
        kolom = [r[1] for r in conn.execute(text("PRAGMA table_info(indikator)"))]
    assert "asal_id" not in kolom
    _migrasi(db, "upgrade", "head")
    assert current_revision(db.engine) == SCHEMA_HEAD
    with db.session_factory() as s:
        assert _asal(s, rev.id) == dibuat
        assert _asal(s, awal) == [None, None, None]
