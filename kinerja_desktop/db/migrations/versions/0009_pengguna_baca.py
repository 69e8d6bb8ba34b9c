"""Per-account settings (the last view) and how far each account has read a feedback thread.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pengaturan_akun",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("akun_id", sa.Integer(), nullable=False),
        sa.Column("kunci", sa.String(length=64), nullable=False),
        sa.Column("nilai", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["akun_id"], ["akun.id"], name=op.f("fk_pengaturan_akun_akun_id_akun")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pengaturan_akun")),
        sa.UniqueConstraint("akun_id", "kunci", name=op.f("uq_pengaturan_akun_akun_id")),
    )
    op.create_table(
        "umpan_balik_dibaca",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("akun_id", sa.Integer(), nullable=False),
        sa.Column("utas_id", sa.Integer(), nullable=False),
        sa.Column("dibaca_sampai", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["akun_id"], ["akun.id"], name=op.f("fk_umpan_balik_dibaca_akun_id_akun")
        ),
        sa.ForeignKeyConstraint(
            ["utas_id"], ["umpan_balik.id"], name=op.f("fk_umpan_balik_dibaca_utas_id_umpan_balik")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_umpan_balik_dibaca")),
        sa.UniqueConstraint("akun_id", "utas_id", name=op.f("uq_umpan_balik_dibaca_akun_id")),
    )


def downgrade() -> None:
    op.drop_table("umpan_balik_dibaca")
    op.drop_table("pengaturan_akun")
