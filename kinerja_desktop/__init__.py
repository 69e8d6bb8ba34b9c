"""Kinerja Desktop: pengelolaan kinerja pegawai ASN tanpa internet."""

__version__ = "0.1.0"
APP_NAME = "Kinerja Desktop"
