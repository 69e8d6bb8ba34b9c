"""Skema awal: pegawai, SKP, pemantauan, evaluasi, akun dan log audit.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.Column("akun_id", sa.Integer(), nullable=True),
        sa.Column("nama_pengguna", sa.String(length=64), nullable=False),
        sa.Column("aksi", sa.String(length=16), nullable=False),
        sa.Column("entitas", sa.String(length=64), nullable=False),
        sa.Column("entitas_id", sa.String(length=64), nullable=False),
        sa.Column("pegawai_id", sa.Integer(), nullable=True),
        sa.Column("perubahan", sa.Text(), nullable=False),
        sa.Column("keterangan", sa.String(length=255), nullable=True),
        sa.Column("hash_sebelum", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_akun_id"), "audit_log", ["akun_id"], unique=False)
    op.create_index(op.f("ix_audit_log_entitas"), "audit_log", ["entitas"], unique=False)
    op.create_index(op.f("ix_audit_log_pegawai_id"), "audit_log", ["pegawai_id"], unique=False)
    op.create_index(op.f("ix_audit_log_waktu"), "audit_log", ["waktu"], unique=False)
    op.create_table(
        "berkas_bukti",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("ukuran", sa.Integer(), nullable=False),
        sa.Column("mime", sa.String(length=128), nullable=True),
        sa.Column("disimpan_pada", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_berkas_bukti")),
    )
    op.create_table(
        "dokumen_cetak",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kode_dokumen", sa.String(length=32), nullable=False),
        sa.Column("kode_verifikasi", sa.String(length=20), nullable=False),
        sa.Column("jenis", sa.String(length=32), nullable=False),
        sa.Column("entitas_uuid", sa.String(length=80), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.Column("dicetak_pada", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dokumen_cetak")),
    )
    op.create_index(
        op.f("ix_dokumen_cetak_kode_dokumen"), "dokumen_cetak", ["kode_dokumen"], unique=False
    )
    op.create_index(
        op.f("ix_dokumen_cetak_kode_verifikasi"), "dokumen_cetak", ["kode_verifikasi"], unique=False
    )
    op.create_table(
        "frasa_umpan_balik",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kategori", sa.String(length=32), nullable=False),
        sa.Column("teks", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_frasa_umpan_balik")),
    )
    op.create_table(
        "pengaturan",
        sa.Column("kunci", sa.String(length=64), nullable=False),
        sa.Column("nilai", sa.Text(), nullable=True),
        sa.Column("biner", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("kunci", name=op.f("pk_pengaturan")),
    )
    op.create_table(
        "periode",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tahun", sa.Integer(), nullable=False),
        sa.Column("jenis", sa.String(length=10), nullable=False),
        sa.Column("kode", sa.String(length=8), nullable=False),
        sa.Column("nama", sa.String(length=64), nullable=False),
        sa.Column("nomor", sa.Integer(), nullable=False),
        sa.Column("mulai", sa.Date(), nullable=False),
        sa.Column("selesai", sa.Date(), nullable=False),
        sa.Column("batas_pengisian", sa.Date(), nullable=False),
        sa.Column("akhir", sa.Boolean(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_periode")),
        sa.UniqueConstraint("tahun", "kode", name="uq_periode_tahun_kode"),
        sa.UniqueConstraint("uuid", name=op.f("uq_periode_uuid")),
    )
    op.create_index(op.f("ix_periode_tahun"), "periode", ["tahun"], unique=False)
    op.create_table(
        "pustaka_rhk",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("jabatan", sa.String(length=255), nullable=False),
        sa.Column("uraian_rhk", sa.Text(), nullable=False),
        sa.Column("aspek", sa.String(length=12), nullable=True),
        sa.Column("uraian_indikator", sa.Text(), nullable=False),
        sa.Column("target_nilai", sa.Float(), nullable=True),
        sa.Column("target_satuan", sa.String(length=64), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pustaka_rhk")),
        sa.UniqueConstraint("uuid", name=op.f("uq_pustaka_rhk_uuid")),
    )
    op.create_index(op.f("ix_pustaka_rhk_jabatan"), "pustaka_rhk", ["jabatan"], unique=False)
    op.create_table(
        "unit_kerja",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nama", sa.String(length=255), nullable=False),
        sa.Column("kode", sa.String(length=64), nullable=True),
        sa.Column("induk_id", sa.Integer(), nullable=True),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["induk_id"], ["unit_kerja.id"], name=op.f("fk_unit_kerja_induk_id_unit_kerja")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_unit_kerja")),
        sa.UniqueConstraint("uuid", name=op.f("uq_unit_kerja_uuid")),
    )
    op.create_index(op.f("ix_unit_kerja_induk_id"), "unit_kerja", ["induk_id"], unique=False)
    op.create_index(op.f("ix_unit_kerja_kode"), "unit_kerja", ["kode"], unique=False)
    op.create_table(
        "pegawai",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=False),
        sa.Column("pns_id", sa.String(length=64), nullable=True),
        sa.Column("nama", sa.String(length=255), nullable=False),
        sa.Column("nama_cari", sa.String(length=255), nullable=False),
        sa.Column("gelar_depan", sa.String(length=64), nullable=True),
        sa.Column("gelar_belakang", sa.String(length=128), nullable=True),
        sa.Column("tanggal_lahir", sa.Date(), nullable=False),
        sa.Column("jenis_kelamin", sa.String(length=1), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("golongan", sa.String(length=8), nullable=False),
        sa.Column("jabatan", sa.String(length=255), nullable=False),
        sa.Column("jenis_jabatan", sa.String(length=16), nullable=False),
        sa.Column("jenjang", sa.String(length=16), nullable=True),
        sa.Column("unit_kerja_id", sa.Integer(), nullable=False),
        sa.Column("kepala_unit", sa.Boolean(), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.Column("alasan_nonaktif", sa.String(length=255), nullable=True),
        sa.Column("tanggal_nonaktif", sa.Date(), nullable=True),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_kerja_id"], ["unit_kerja.id"], name=op.f("fk_pegawai_unit_kerja_id_unit_kerja")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pegawai")),
        sa.UniqueConstraint("nip", name=op.f("uq_pegawai_nip")),
        sa.UniqueConstraint("uuid", name=op.f("uq_pegawai_uuid")),
    )
    op.create_index(op.f("ix_pegawai_aktif"), "pegawai", ["aktif"], unique=False)
    op.create_index(op.f("ix_pegawai_nama_cari"), "pegawai", ["nama_cari"], unique=False)
    op.create_index(op.f("ix_pegawai_unit_kerja_id"), "pegawai", ["unit_kerja_id"], unique=False)
    op.create_table(
        "akun",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nama_pengguna", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("pegawai_id", sa.Integer(), nullable=True),
        sa.Column("peran", sa.String(length=128), nullable=False),
        sa.Column("aktif", sa.Boolean(), nullable=False),
        sa.Column("gagal_login", sa.Integer(), nullable=False),
        sa.Column("terkunci_sampai", sa.DateTime(), nullable=True),
        sa.Column("login_terakhir", sa.DateTime(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pegawai_id"], ["pegawai.id"], name=op.f("fk_akun_pegawai_id_pegawai")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_akun")),
        sa.UniqueConstraint("nama_pengguna", name=op.f("uq_akun_nama_pengguna")),
        sa.UniqueConstraint("uuid", name=op.f("uq_akun_uuid")),
    )
    op.create_index(op.f("ix_akun_pegawai_id"), "akun", ["pegawai_id"], unique=False)
    op.create_table(
        "penugasan_penilai",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pegawai_id", sa.Integer(), nullable=False),
        sa.Column("penilai_id", sa.Integer(), nullable=False),
        sa.Column("jenis", sa.String(length=10), nullable=False),
        sa.Column("mulai", sa.Date(), nullable=False),
        sa.Column("selesai", sa.Date(), nullable=True),
        sa.Column("keterangan", sa.String(length=255), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["pegawai_id"], ["pegawai.id"], name=op.f("fk_penugasan_penilai_pegawai_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["penilai_id"], ["pegawai.id"], name=op.f("fk_penugasan_penilai_penilai_id_pegawai")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_penugasan_penilai")),
        sa.UniqueConstraint("uuid", name=op.f("uq_penugasan_penilai_uuid")),
    )
    op.create_index(
        "ix_penugasan_penilai_pegawai_mulai",
        "penugasan_penilai",
        ["pegawai_id", "mulai"],
        unique=False,
    )
    op.create_index(
        op.f("ix_penugasan_penilai_penilai_id"), "penugasan_penilai", ["penilai_id"], unique=False
    )
    op.create_table(
        "predikat_organisasi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_kerja_id", sa.Integer(), nullable=False),
        sa.Column("periode_id", sa.Integer(), nullable=False),
        sa.Column("predikat", sa.String(length=16), nullable=False),
        sa.Column("ditetapkan_oleh_id", sa.Integer(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ditetapkan_oleh_id"],
            ["pegawai.id"],
            name=op.f("fk_predikat_organisasi_ditetapkan_oleh_id_pegawai"),
        ),
        sa.ForeignKeyConstraint(
            ["periode_id"], ["periode.id"], name=op.f("fk_predikat_organisasi_periode_id_periode")
        ),
        sa.ForeignKeyConstraint(
            ["unit_kerja_id"],
            ["unit_kerja.id"],
            name=op.f("fk_predikat_organisasi_unit_kerja_id_unit_kerja"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_predikat_organisasi")),
        sa.UniqueConstraint(
            "unit_kerja_id", "periode_id", name="uq_predikat_organisasi_unit_periode"
        ),
        sa.UniqueConstraint("uuid", name=op.f("uq_predikat_organisasi_uuid")),
    )
    op.create_index(
        op.f("ix_predikat_organisasi_periode_id"),
        "predikat_organisasi",
        ["periode_id"],
        unique=False,
    )
    op.create_table(
        "skp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pegawai_id", sa.Integer(), nullable=False),
        sa.Column("penilai_id", sa.Integer(), nullable=True),
        sa.Column("tahun", sa.Integer(), nullable=False),
        sa.Column("mulai", sa.Date(), nullable=False),
        sa.Column("selesai", sa.Date(), nullable=False),
        sa.Column("pendekatan", sa.String(length=12), nullable=False),
        sa.Column("varian", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("revisi", sa.Integer(), nullable=False),
        sa.Column("revisi_dari_id", sa.Integer(), nullable=True),
        sa.Column("terkini", sa.Boolean(), nullable=False),
        sa.Column("alasan_revisi", sa.Text(), nullable=True),
        sa.Column("ditetapkan_pada", sa.DateTime(), nullable=True),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pegawai_id"], ["pegawai.id"], name=op.f("fk_skp_pegawai_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["penilai_id"], ["pegawai.id"], name=op.f("fk_skp_penilai_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["revisi_dari_id"], ["skp.id"], name=op.f("fk_skp_revisi_dari_id_skp")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skp")),
        sa.UniqueConstraint("uuid", name=op.f("uq_skp_uuid")),
    )
    op.create_index("ix_skp_pegawai_tahun", "skp", ["pegawai_id", "tahun"], unique=False)
    op.create_index(op.f("ix_skp_penilai_id"), "skp", ["penilai_id"], unique=False)
    op.create_index(op.f("ix_skp_status"), "skp", ["status"], unique=False)
    op.create_index(op.f("ix_skp_tahun"), "skp", ["tahun"], unique=False)
    op.create_index(op.f("ix_skp_terkini"), "skp", ["terkini"], unique=False)
    op.create_table(
        "ekspektasi_perilaku",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("nilai", sa.String(length=32), nullable=False),
        sa.Column("ekspektasi", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["skp_id"], ["skp.id"], name=op.f("fk_ekspektasi_perilaku_skp_id_skp")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ekspektasi_perilaku")),
        sa.UniqueConstraint("uuid", name=op.f("uq_ekspektasi_perilaku_uuid")),
    )
    op.create_index(
        op.f("ix_ekspektasi_perilaku_skp_id"), "ekspektasi_perilaku", ["skp_id"], unique=False
    )
    op.create_table(
        "evaluasi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("periode_id", sa.Integer(), nullable=False),
        sa.Column("pegawai_id", sa.Integer(), nullable=False),
        sa.Column("penilai_id", sa.Integer(), nullable=False),
        sa.Column("rating_hasil_kerja", sa.String(length=10), nullable=True),
        sa.Column("rating_perilaku", sa.String(length=10), nullable=True),
        sa.Column("predikat", sa.String(length=16), nullable=True),
        sa.Column("catatan", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("difinalkan_pada", sa.DateTime(), nullable=True),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pegawai_id"], ["pegawai.id"], name=op.f("fk_evaluasi_pegawai_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["penilai_id"], ["pegawai.id"], name=op.f("fk_evaluasi_penilai_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["periode_id"], ["periode.id"], name=op.f("fk_evaluasi_periode_id_periode")
        ),
        sa.ForeignKeyConstraint(["skp_id"], ["skp.id"], name=op.f("fk_evaluasi_skp_id_skp")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluasi")),
        sa.UniqueConstraint("skp_id", "periode_id", name="uq_evaluasi_skp_periode"),
        sa.UniqueConstraint("uuid", name=op.f("uq_evaluasi_uuid")),
    )
    op.create_index(op.f("ix_evaluasi_pegawai_id"), "evaluasi", ["pegawai_id"], unique=False)
    op.create_index(op.f("ix_evaluasi_penilai_id"), "evaluasi", ["penilai_id"], unique=False)
    op.create_index(op.f("ix_evaluasi_periode_id"), "evaluasi", ["periode_id"], unique=False)
    op.create_index(op.f("ix_evaluasi_predikat"), "evaluasi", ["predikat"], unique=False)
    op.create_table(
        "lampiran_skp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("bagian", sa.String(length=32), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("teks", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["skp_id"], ["skp.id"], name=op.f("fk_lampiran_skp_skp_id_skp")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lampiran_skp")),
        sa.UniqueConstraint("uuid", name=op.f("uq_lampiran_skp_uuid")),
    )
    op.create_index(op.f("ix_lampiran_skp_skp_id"), "lampiran_skp", ["skp_id"], unique=False)
    op.create_table(
        "rencana_hasil_kerja",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("jenis", sa.String(length=10), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("uraian", sa.Text(), nullable=False),
        sa.Column("rhk_intervensi_id", sa.Integer(), nullable=True),
        sa.Column("intervensi_teks", sa.Text(), nullable=True),
        sa.Column("asal_id", sa.Integer(), nullable=True),
        sa.Column("perspektif", sa.String(length=32), nullable=True),
        sa.Column("penugasan_dari", sa.String(length=255), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rhk_intervensi_id"],
            ["rencana_hasil_kerja.id"],
            name=op.f("fk_rencana_hasil_kerja_rhk_intervensi_id_rencana_hasil_kerja"),
        ),
        sa.ForeignKeyConstraint(
            ["skp_id"], ["skp.id"], name=op.f("fk_rencana_hasil_kerja_skp_id_skp")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rencana_hasil_kerja")),
        sa.UniqueConstraint("uuid", name=op.f("uq_rencana_hasil_kerja_uuid")),
    )
    op.create_index(
        op.f("ix_rencana_hasil_kerja_asal_id"), "rencana_hasil_kerja", ["asal_id"], unique=False
    )
    op.create_index(
        op.f("ix_rencana_hasil_kerja_rhk_intervensi_id"),
        "rencana_hasil_kerja",
        ["rhk_intervensi_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_rencana_hasil_kerja_skp_id"), "rencana_hasil_kerja", ["skp_id"], unique=False
    )
    op.create_table(
        "riwayat_skp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.Column("akun_id", sa.Integer(), nullable=True),
        sa.Column("nama_pengguna", sa.String(length=128), nullable=False),
        sa.Column("dari_status", sa.String(length=12), nullable=True),
        sa.Column("ke_status", sa.String(length=12), nullable=False),
        sa.Column("alasan", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["skp_id"], ["skp.id"], name=op.f("fk_riwayat_skp_skp_id_skp")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_riwayat_skp")),
    )
    op.create_index(op.f("ix_riwayat_skp_skp_id"), "riwayat_skp", ["skp_id"], unique=False)
    op.create_table(
        "evaluasi_perilaku",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluasi_id", sa.Integer(), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("nilai", sa.String(length=32), nullable=False),
        sa.Column("umpan_balik", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluasi_id"], ["evaluasi.id"], name=op.f("fk_evaluasi_perilaku_evaluasi_id_evaluasi")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluasi_perilaku")),
        sa.UniqueConstraint("uuid", name=op.f("uq_evaluasi_perilaku_uuid")),
    )
    op.create_index(
        op.f("ix_evaluasi_perilaku_evaluasi_id"), "evaluasi_perilaku", ["evaluasi_id"], unique=False
    )
    op.create_table(
        "indikator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rhk_id", sa.Integer(), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("aspek", sa.String(length=12), nullable=True),
        sa.Column("uraian", sa.Text(), nullable=False),
        sa.Column("target_nilai", sa.Float(), nullable=True),
        sa.Column("target_satuan", sa.String(length=64), nullable=True),
        sa.Column("target_narasi", sa.Text(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["rhk_id"],
            ["rencana_hasil_kerja.id"],
            name=op.f("fk_indikator_rhk_id_rencana_hasil_kerja"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indikator")),
        sa.UniqueConstraint("uuid", name=op.f("uq_indikator_uuid")),
    )
    op.create_index(op.f("ix_indikator_rhk_id"), "indikator", ["rhk_id"], unique=False)
    op.create_table(
        "keberatan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluasi_id", sa.Integer(), nullable=False),
        sa.Column("diajukan_pada", sa.DateTime(), nullable=False),
        sa.Column("alasan", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("keputusan", sa.String(length=10), nullable=True),
        sa.Column("rating_hasil_kerja_baru", sa.String(length=10), nullable=True),
        sa.Column("rating_perilaku_baru", sa.String(length=10), nullable=True),
        sa.Column("catatan_keputusan", sa.Text(), nullable=True),
        sa.Column("diputus_oleh_id", sa.Integer(), nullable=True),
        sa.Column("diputus_pada", sa.DateTime(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["diputus_oleh_id"], ["pegawai.id"], name=op.f("fk_keberatan_diputus_oleh_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["evaluasi_id"], ["evaluasi.id"], name=op.f("fk_keberatan_evaluasi_id_evaluasi")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_keberatan")),
        sa.UniqueConstraint("uuid", name=op.f("uq_keberatan_uuid")),
    )
    op.create_index(op.f("ix_keberatan_evaluasi_id"), "keberatan", ["evaluasi_id"], unique=False)
    op.create_table(
        "rencana_aksi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rhk_id", sa.Integer(), nullable=False),
        sa.Column("periode_id", sa.Integer(), nullable=False),
        sa.Column("urutan", sa.Integer(), nullable=False),
        sa.Column("uraian", sa.Text(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["periode_id"], ["periode.id"], name=op.f("fk_rencana_aksi_periode_id_periode")
        ),
        sa.ForeignKeyConstraint(
            ["rhk_id"],
            ["rencana_hasil_kerja.id"],
            name=op.f("fk_rencana_aksi_rhk_id_rencana_hasil_kerja"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rencana_aksi")),
        sa.UniqueConstraint("uuid", name=op.f("uq_rencana_aksi_uuid")),
    )
    op.create_index(
        op.f("ix_rencana_aksi_periode_id"), "rencana_aksi", ["periode_id"], unique=False
    )
    op.create_index(op.f("ix_rencana_aksi_rhk_id"), "rencana_aksi", ["rhk_id"], unique=False)
    op.create_table(
        "riwayat_evaluasi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("evaluasi_id", sa.Integer(), nullable=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.Column("akun_id", sa.Integer(), nullable=True),
        sa.Column("nama_pengguna", sa.String(length=128), nullable=False),
        sa.Column("aksi", sa.String(length=24), nullable=False),
        sa.Column("alasan", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["evaluasi_id"], ["evaluasi.id"], name=op.f("fk_riwayat_evaluasi_evaluasi_id_evaluasi")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_riwayat_evaluasi")),
    )
    op.create_index(
        op.f("ix_riwayat_evaluasi_evaluasi_id"), "riwayat_evaluasi", ["evaluasi_id"], unique=False
    )
    op.create_table(
        "progres_harian",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pegawai_id", sa.Integer(), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("uraian", sa.Text(), nullable=False),
        sa.Column("rhk_id", sa.Integer(), nullable=True),
        sa.Column("rencana_aksi_id", sa.Integer(), nullable=True),
        sa.Column("indikator_id", sa.Integer(), nullable=True),
        sa.Column("kuantitas", sa.Float(), nullable=True),
        sa.Column("satuan", sa.String(length=64), nullable=True),
        sa.Column("terlambat", sa.Boolean(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["indikator_id"],
            ["indikator.id"],
            name=op.f("fk_progres_harian_indikator_id_indikator"),
        ),
        sa.ForeignKeyConstraint(
            ["pegawai_id"], ["pegawai.id"], name=op.f("fk_progres_harian_pegawai_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["rencana_aksi_id"],
            ["rencana_aksi.id"],
            name=op.f("fk_progres_harian_rencana_aksi_id_rencana_aksi"),
        ),
        sa.ForeignKeyConstraint(
            ["rhk_id"],
            ["rencana_hasil_kerja.id"],
            name=op.f("fk_progres_harian_rhk_id_rencana_hasil_kerja"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progres_harian")),
        sa.UniqueConstraint("uuid", name=op.f("uq_progres_harian_uuid")),
    )
    op.create_index(
        op.f("ix_progres_harian_indikator_id"), "progres_harian", ["indikator_id"], unique=False
    )
    op.create_index(
        "ix_progres_harian_pegawai_tanggal",
        "progres_harian",
        ["pegawai_id", "tanggal"],
        unique=False,
    )
    op.create_index(op.f("ix_progres_harian_rhk_id"), "progres_harian", ["rhk_id"], unique=False)
    op.create_table(
        "realisasi",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("indikator_id", sa.Integer(), nullable=False),
        sa.Column("periode_id", sa.Integer(), nullable=False),
        sa.Column("nilai", sa.Float(), nullable=True),
        sa.Column("narasi", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("diisi_pada", sa.DateTime(), nullable=False),
        sa.Column("terlambat", sa.Boolean(), nullable=False),
        sa.Column("diajukan_pada", sa.DateTime(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("versi", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["indikator_id"], ["indikator.id"], name=op.f("fk_realisasi_indikator_id_indikator")
        ),
        sa.ForeignKeyConstraint(
            ["periode_id"], ["periode.id"], name=op.f("fk_realisasi_periode_id_periode")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_realisasi")),
        sa.UniqueConstraint("indikator_id", "periode_id", name="uq_realisasi_indikator_periode"),
        sa.UniqueConstraint("uuid", name=op.f("uq_realisasi_uuid")),
    )
    op.create_index(op.f("ix_realisasi_periode_id"), "realisasi", ["periode_id"], unique=False)
    op.create_table(
        "umpan_balik",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skp_id", sa.Integer(), nullable=False),
        sa.Column("periode_id", sa.Integer(), nullable=True),
        sa.Column("indikator_id", sa.Integer(), nullable=True),
        sa.Column("rhk_id", sa.Integer(), nullable=True),
        sa.Column("nilai_perilaku", sa.String(length=32), nullable=True),
        sa.Column("induk_id", sa.Integer(), nullable=True),
        sa.Column("penulis_id", sa.Integer(), nullable=False),
        sa.Column("teks", sa.Text(), nullable=False),
        sa.Column("waktu", sa.DateTime(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["indikator_id"], ["indikator.id"], name=op.f("fk_umpan_balik_indikator_id_indikator")
        ),
        sa.ForeignKeyConstraint(
            ["induk_id"], ["umpan_balik.id"], name=op.f("fk_umpan_balik_induk_id_umpan_balik")
        ),
        sa.ForeignKeyConstraint(
            ["penulis_id"], ["pegawai.id"], name=op.f("fk_umpan_balik_penulis_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["periode_id"], ["periode.id"], name=op.f("fk_umpan_balik_periode_id_periode")
        ),
        sa.ForeignKeyConstraint(
            ["rhk_id"],
            ["rencana_hasil_kerja.id"],
            name=op.f("fk_umpan_balik_rhk_id_rencana_hasil_kerja"),
        ),
        sa.ForeignKeyConstraint(["skp_id"], ["skp.id"], name=op.f("fk_umpan_balik_skp_id_skp")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_umpan_balik")),
        sa.UniqueConstraint("uuid", name=op.f("uq_umpan_balik_uuid")),
    )
    op.create_index(
        op.f("ix_umpan_balik_indikator_id"), "umpan_balik", ["indikator_id"], unique=False
    )
    op.create_index(op.f("ix_umpan_balik_periode_id"), "umpan_balik", ["periode_id"], unique=False)
    op.create_index(op.f("ix_umpan_balik_skp_id"), "umpan_balik", ["skp_id"], unique=False)
    op.create_table(
        "bukti_dukung",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("realisasi_id", sa.Integer(), nullable=True),
        sa.Column("progres_id", sa.Integer(), nullable=True),
        sa.Column("jenis", sa.String(length=8), nullable=False),
        sa.Column("nama", sa.String(length=255), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("keterangan", sa.Text(), nullable=True),
        sa.Column("dibuat_oleh_id", sa.Integer(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("dibuat_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.Column("diubah_pada", sa.DateTime(), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["dibuat_oleh_id"], ["pegawai.id"], name=op.f("fk_bukti_dukung_dibuat_oleh_id_pegawai")
        ),
        sa.ForeignKeyConstraint(
            ["progres_id"],
            ["progres_harian.id"],
            name=op.f("fk_bukti_dukung_progres_id_progres_harian"),
        ),
        sa.ForeignKeyConstraint(
            ["realisasi_id"], ["realisasi.id"], name=op.f("fk_bukti_dukung_realisasi_id_realisasi")
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["berkas_bukti.sha256"], name=op.f("fk_bukti_dukung_sha256_berkas_bukti")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bukti_dukung")),
        sa.UniqueConstraint("uuid", name=op.f("uq_bukti_dukung_uuid")),
    )
    op.create_index(
        op.f("ix_bukti_dukung_progres_id"), "bukti_dukung", ["progres_id"], unique=False
    )
    op.create_index(
        op.f("ix_bukti_dukung_realisasi_id"), "bukti_dukung", ["realisasi_id"], unique=False
    )
    op.create_index(op.f("ix_bukti_dukung_sha256"), "bukti_dukung", ["sha256"], unique=False)


def downgrade() -> None:

    op.drop_index(op.f("ix_bukti_dukung_sha256"), table_name="bukti_dukung")
    op.drop_index(op.f("ix_bukti_dukung_realisasi_id"), table_name="bukti_dukung")
    op.drop_index(op.f("ix_bukti_dukung_progres_id"), table_name="bukti_dukung")
    op.drop_table("bukti_dukung")
    op.drop_index(op.f("ix_umpan_balik_skp_id"), table_name="umpan_balik")
    op.drop_index(op.f("ix_umpan_balik_periode_id"), table_name="umpan_balik")
    op.drop_index(op.f("ix_umpan_balik_indikator_id"), table_name="umpan_balik")
    op.drop_table("umpan_balik")
    op.drop_index(op.f("ix_realisasi_periode_id"), table_name="realisasi")
    op.drop_table("realisasi")
    op.drop_index(op.f("ix_progres_harian_rhk_id"), table_name="progres_harian")
    op.drop_index("ix_progres_harian_pegawai_tanggal", table_name="progres_harian")
    op.drop_index(op.f("ix_progres_harian_indikator_id"), table_name="progres_harian")
    op.drop_table("progres_harian")
    op.drop_index(op.f("ix_riwayat_evaluasi_evaluasi_id"), table_name="riwayat_evaluasi")
    op.drop_table("riwayat_evaluasi")
    op.drop_index(op.f("ix_rencana_aksi_rhk_id"), table_name="rencana_aksi")
    op.drop_index(op.f("ix_rencana_aksi_periode_id"), table_name="rencana_aksi")
    op.drop_table("rencana_aksi")
    op.drop_index(op.f("ix_keberatan_evaluasi_id"), table_name="keberatan")
    op.drop_table("keberatan")
    op.drop_index(op.f("ix_indikator_rhk_id"), table_name="indikator")
    op.drop_table("indikator")
    op.drop_index(op.f("ix_evaluasi_perilaku_evaluasi_id"), table_name="evaluasi_perilaku")
    op.drop_table("evaluasi_perilaku")
    op.drop_index(op.f("ix_riwayat_skp_skp_id"), table_name="riwayat_skp")
    op.drop_table("riwayat_skp")
    op.drop_index(op.f("ix_rencana_hasil_kerja_skp_id"), table_name="rencana_hasil_kerja")
    op.drop_index(
        op.f("ix_rencana_hasil_kerja_rhk_intervensi_id"), table_name="rencana_hasil_kerja"
    )
    op.drop_index(op.f("ix_rencana_hasil_kerja_asal_id"), table_name="rencana_hasil_kerja")
    op.drop_table("rencana_hasil_kerja")
    op.drop_index(op.f("ix_lampiran_skp_skp_id"), table_name="lampiran_skp")
    op.drop_table("lampiran_skp")
    op.drop_index(op.f("ix_evaluasi_predikat"), table_name="evaluasi")
    op.drop_index(op.f("ix_evaluasi_periode_id"), table_name="evaluasi")
    op.drop_index(op.f("ix_evaluasi_penilai_id"), table_name="evaluasi")
    op.drop_index(op.f("ix_evaluasi_pegawai_id"), table_name="evaluasi")
    op.drop_table("evaluasi")
    op.drop_index(op.f("ix_ekspektasi_perilaku_skp_id"), table_name="ekspektasi_perilaku")
    op.drop_table("ekspektasi_perilaku")
    op.drop_index(op.f("ix_skp_terkini"), table_name="skp")
    op.drop_index(op.f("ix_skp_tahun"), table_name="skp")
    op.drop_index(op.f("ix_skp_status"), table_name="skp")
    op.drop_index(op.f("ix_skp_penilai_id"), table_name="skp")
    op.drop_index("ix_skp_pegawai_tahun", table_name="skp")
    op.drop_table("skp")
    op.drop_index(op.f("ix_predikat_organisasi_periode_id"), table_name="predikat_organisasi")
    op.drop_table("predikat_organisasi")
    op.drop_index(op.f("ix_penugasan_penilai_penilai_id"), table_name="penugasan_penilai")
    op.drop_index("ix_penugasan_penilai_pegawai_mulai", table_name="penugasan_penilai")
    op.drop_table("penugasan_penilai")
    op.drop_index(op.f("ix_akun_pegawai_id"), table_name="akun")
    op.drop_table("akun")
    op.drop_index(op.f("ix_pegawai_unit_kerja_id"), table_name="pegawai")
    op.drop_index(op.f("ix_pegawai_nama_cari"), table_name="pegawai")
    op.drop_index(op.f("ix_pegawai_aktif"), table_name="pegawai")
    op.drop_table("pegawai")
    op.drop_index(op.f("ix_unit_kerja_kode"), table_name="unit_kerja")
    op.drop_index(op.f("ix_unit_kerja_induk_id"), table_name="unit_kerja")
    op.drop_table("unit_kerja")
    op.drop_index(op.f("ix_pustaka_rhk_jabatan"), table_name="pustaka_rhk")
    op.drop_table("pustaka_rhk")
    op.drop_index(op.f("ix_periode_tahun"), table_name="periode")
    op.drop_table("periode")
    op.drop_table("pengaturan")
    op.drop_table("frasa_umpan_balik")
    op.drop_index(op.f("ix_dokumen_cetak_kode_verifikasi"), table_name="dokumen_cetak")
    op.drop_index(op.f("ix_dokumen_cetak_kode_dokumen"), table_name="dokumen_cetak")
    op.drop_table("dokumen_cetak")
    op.drop_table("berkas_bukti")
    op.drop_index(op.f("ix_audit_log_waktu"), table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_pegawai_id"), table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_entitas"), table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_akun_id"), table_name="audit_log")
    op.drop_table("audit_log")
