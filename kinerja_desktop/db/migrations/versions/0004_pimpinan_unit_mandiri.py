"""Pegawai.pimpinan_unit_mandiri: a pimpinan unit kerja mandiri gets the JPT form variant.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


# Plain ALTER TABLE, not a batch copy: recreating ``pegawai`` would break the foreign keys
# that point at it.
def upgrade() -> None:
    op.add_column(
        "pegawai",
        sa.Column("pimpinan_unit_mandiri", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.execute("ALTER TABLE pegawai DROP COLUMN pimpinan_unit_mandiri")
