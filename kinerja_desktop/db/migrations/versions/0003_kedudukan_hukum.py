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
    with op.batch_alter_table("pegawai") as batch:
        batch.add_column(sa.Column("kedudukan_hukum", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("perlu_dilengkapi", sa.String(length=255), nullable=True))
        batch.add_column(
            sa.Column("bebas_tugas", sa.Boolean(), server_default=sa.false(), nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("pegawai") as batch:
        batch.drop_column("bebas_tugas")
        batch.drop_column("perlu_dilengkapi")
        batch.drop_column("kedudukan_hukum")
