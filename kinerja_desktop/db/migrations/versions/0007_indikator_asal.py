"""Indikator.asal_id: the IKI of the previous SKP revision an IKI continues.

Realisasi, progress and feedback stay attached to the IKI they were entered for; a revision's
IKI find that history through this link. Existing revisions are linked where the RHK already
is (``rencana_hasil_kerja.asal_id``) and the IKI sits at the same place in it.

Revision ID: 0007
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0005"
branch_labels = None
depends_on = None


# Plain ALTER TABLE, not a batch copy: recreating ``indikator`` would break the foreign keys
# that point at it.
def upgrade() -> None:
    op.add_column("indikator", sa.Column("asal_id", sa.Integer(), nullable=True))
    op.create_index("ix_indikator_asal_id", "indikator", ["asal_id"], unique=False)
    op.execute(
        """
        UPDATE indikator SET asal_id = (
            SELECT lama.id FROM rencana_hasil_kerja r
            JOIN indikator lama ON lama.rhk_id = r.asal_id
            WHERE r.id = indikator.rhk_id AND lama.urutan = indikator.urutan
            ORDER BY lama.id LIMIT 1
        )
        WHERE rhk_id IN (SELECT id FROM rencana_hasil_kerja WHERE asal_id IS NOT NULL)
        """
    )


def downgrade() -> None:
    op.drop_index("ix_indikator_asal_id", table_name="indikator")
    op.execute("ALTER TABLE indikator DROP COLUMN asal_id")
