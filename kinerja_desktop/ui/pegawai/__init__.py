"""The Pegawai view: unit kerja tree, roster table, add/edit, import and export."""
