"""Errors raised by the domain and service layers.

Every message is in Bahasa Indonesia and meant to be shown to the user as is.
"""

from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain was broken; the message tells the user what to do."""

    def __init__(self, pesan: str) -> None:
        super().__init__(pesan)
        self.pesan = pesan


class ValidationError(DomainError):
    """Input is invalid. ``kolom`` names the field (or import column) at fault."""

    def __init__(self, pesan: str, kolom: str | None = None) -> None:
        super().__init__(pesan)
        self.kolom = kolom

    def __str__(self) -> str:
        return f"{self.kolom}: {self.pesan}" if self.kolom else self.pesan


class PermissionDenied(DomainError):
    """The acting user may not do this."""


class NotFound(DomainError):
    """A record the user asked for does not exist."""


class ConflictError(DomainError):
    """The record was changed by someone else since it was read."""


class StateError(DomainError):
    """The action is not allowed in the record's current state (e.g. locked)."""
