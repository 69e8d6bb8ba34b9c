"""Evidence files encrypted at rest: AES-GCM with the evidence key (from the office key).

A file is a header (magic and an 8-byte random nonce prefix) and 1 MiB chunks, each sealed
with the nonce prefix + its number and, as associated data, the number and whether it is the
last chunk, so chunks cannot be reordered, dropped or the file cut short unnoticed. The store
still names a file by the SHA-256 of its plaintext (deduplication, the database's record, the
audit of the folder); a file without the header is a plain one from before encryption.
"""

from __future__ import annotations

import os
import secrets
import struct
from collections.abc import Iterator
from pathlib import Path

MAGIC = b"KDBUKTI1"
POTONGAN = 1 << 20
TAG = 16
KEPALA = len(MAGIC) + 8


class BuktiRusak(ValueError):
    """An encrypted evidence file does not decrypt (changed, cut short, or another key)."""


def _aad(nomor: int, akhir: bool) -> bytes:
    return b"bukti" + struct.pack(">I?", nomor, akhir)


def _nonce(awalan: bytes, nomor: int) -> bytes:
    return awalan + struct.pack(">I", nomor)


class Penyandi:
    """Encrypts what is written to ``fd`` chunk by chunk (``tulis``, then ``selesai``)."""

    def __init__(self, fd: int, kunci: bytes) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self.fd = fd
        self.aes = AESGCM(kunci)
        self.awalan = secrets.token_bytes(8)
        self.nomor = 0
        self.sisa = bytearray()
        _tulis_semua(fd, MAGIC + self.awalan)

    def tulis(self, data: bytes | memoryview) -> None:
        self.sisa += data
        while len(self.sisa) > POTONGAN:  # keep one back: the last chunk is marked as such
            self._segel(bytes(self.sisa[:POTONGAN]), akhir=False)
            del self.sisa[:POTONGAN]

    def selesai(self) -> None:
        self._segel(bytes(self.sisa), akhir=True)
        self.sisa = bytearray()

    def _segel(self, isi: bytes, akhir: bool) -> None:
        ct = self.aes.encrypt(_nonce(self.awalan, self.nomor), isi, _aad(self.nomor, akhir))
        _tulis_semua(self.fd, ct)
        self.nomor += 1


def _tulis_semua(fd: int, data: bytes) -> None:
    with memoryview(data) as view:
        while view:
            n = os.write(fd, view)
            view = view[n:]


def terenkripsi(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


def ukuran_sandi(ukuran: int) -> int:
    """The size on disk of an encrypted file of ``ukuran`` plaintext bytes."""
    potongan = max(1, -(-ukuran // POTONGAN))
    return KEPALA + ukuran + potongan * TAG


def baca(path: Path, kunci: bytes | None) -> Iterator[bytes]:
    """The plaintext of a stored file in chunks (a plain file as it is)."""
    with path.open("rb") as fh:
        awal = fh.read(KEPALA)
        if not awal.startswith(MAGIC):
            yield awal
            while blok := fh.read(POTONGAN):
                yield blok
            return
        if kunci is None:
            raise BuktiRusak("berkas terenkripsi, kunci kantor tidak ada")
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        aes = AESGCM(kunci)
        awalan = awal[len(MAGIC) :]
        nomor = 0
        blok = fh.read(POTONGAN + TAG)
        while True:
            berikut = fh.read(POTONGAN + TAG)
            akhir = not berikut
            try:
                yield aes.decrypt(_nonce(awalan, nomor), blok, _aad(nomor, akhir))
            except InvalidTag as exc:
                raise BuktiRusak(f"potongan {nomor} tidak cocok") from exc
            if akhir:
                return
            blok, nomor = berikut, nomor + 1
