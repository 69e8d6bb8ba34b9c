"""Row seals (``segel``): a keyed MAC of every row, checked by "Periksa integritas".

The rows of a database made before are sealed when the program first opens it with the
office key (services/audit.py: kunci_rantai), after the backup made before this migration.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "segel",
        sa.Column("tabel", sa.String(length=64), nullable=False),
        sa.Column("kunci", sa.String(length=64), nullable=False),
        sa.Column("nomor", sa.Integer(), nullable=False),
        sa.Column("kolom", sa.Text(), nullable=False),
        sa.Column("mac", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("tabel", "kunci", name=op.f("pk_segel")),
    )


def downgrade() -> None:
    op.drop_table("segel")
    # the chain head written by the keyed program is not read by older versions
    op.execute("DELETE FROM pengaturan WHERE kunci = 'audit/kepala'")
