"""Pegawai: pejabat luar kantor (an outside pejabat penilai or atasan, e.g. the Sekda).

Such an official is a pegawai row flagged ``luar``, so the penilai foreign keys stay as
they are; he has his instansi and, optionally, the unit he heads, and never appears in the
office's roster. A keberatan he decides is entered by the operator from his letter (number,
date, the scanned letter in the evidence store).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


# plain ADD COLUMN: a batch copy would drop pegawai, which the other tables reference
def upgrade() -> None:
    op.add_column(
        "pegawai", sa.Column("luar", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column("pegawai", sa.Column("instansi_luar", sa.String(length=255), nullable=True))
    op.add_column("pegawai", sa.Column("unit_kerja_luar", sa.String(length=255), nullable=True))
    op.add_column("keberatan", sa.Column("surat_nomor", sa.String(length=100), nullable=True))
    op.add_column("keberatan", sa.Column("surat_tanggal", sa.Date(), nullable=True))
    op.add_column("keberatan", sa.Column("surat_nama", sa.String(length=255), nullable=True))
    op.add_column("keberatan", sa.Column("surat_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    # The older program knows no outside officials: it would list them as pegawai (with the
    # "LUAR…" key as NIP) and lose the letters of keberatan decided from outside.
    conn = op.get_bind()
    ada = conn.execute(
        sa.text(
            "SELECT (SELECT COUNT(*) FROM pegawai WHERE luar = :ya) + "
            "(SELECT COUNT(*) FROM keberatan WHERE surat_nomor IS NOT NULL)"
        ),
        {"ya": True},
    ).scalar()
    if ada:
        raise RuntimeError(
            "Basis data ini memuat pejabat luar kantor atau keputusan keberatan dari surat "
            "atasan luar kantor; versi program yang lebih lama tidak dapat memuatnya."
        )
    for kolom in ("surat_sha256", "surat_nama", "surat_tanggal", "surat_nomor"):
        op.execute(f"ALTER TABLE keberatan DROP COLUMN {kolom}")
    for kolom in ("unit_kerja_luar", "instansi_luar", "luar"):
        op.execute(f"ALTER TABLE pegawai DROP COLUMN {kolom}")
