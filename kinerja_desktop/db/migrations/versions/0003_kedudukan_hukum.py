"""Pegawai: SIASN kedudukan hukum, the temporary-absence flag and the roster import's
"perlu dilengkapi" notes.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # plain ADD COLUMN: a batch copy would drop pegawai, which the other tables reference
    op.add_column("pegawai", sa.Column("kedudukan_hukum", sa.String(length=64), nullable=True))
    op.add_column("pegawai", sa.Column("perlu_dilengkapi", sa.String(length=255), nullable=True))
    op.add_column(
        "pegawai",
        sa.Column("bebas_tugas", sa.Boolean(), server_default=sa.false(), nullable=False),
    )


def downgrade() -> None:
    for kolom in ("bebas_tugas", "perlu_dilengkapi", "kedudukan_hukum"):
        op.drop_column("pegawai", kolom)
