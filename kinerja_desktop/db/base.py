"""Declarative base and the mixins every table shares.

Records that travel between laptops carry a stable UUID; rows that two people
may edit carry a version number (SQLAlchemy's optimistic locking), so a stale
write raises instead of silently overwriting someone else's change.
"""

from __future__ import annotations

import uuid as uuidlib
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import DateTime, Integer, MetaData, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Stable constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def new_uuid() -> str:
    return str(uuidlib.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)

    # Tables listed here are not written to the audit log (the log itself, caches).
    __audit__ = True


class UuidMixin:
    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)


class TimestampMixin:
    dibuat_pada: Mapped[datetime] = mapped_column(
        DateTime, default=utcnow, server_default=func.now()
    )
    diubah_pada: Mapped[datetime] = mapped_column(
        DateTime, default=utcnow, onupdate=utcnow, server_default=func.now()
    )


class VersionMixin:
    """Optimistic locking: an UPDATE matching a stale ``versi`` raises StaleDataError."""

    versi: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        # Runs on each mapped subclass, which has the table the mixin itself lacks.
        return {"version_id_col": cast(Any, cls).__table__.c.versi}
