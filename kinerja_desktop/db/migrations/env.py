"""Alembic environment: always run programmatically with a connection from open_database."""

from alembic import context

from kinerja_desktop.db import models  # noqa: F401  (registers every table)
from kinerja_desktop.db.base import Base

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
