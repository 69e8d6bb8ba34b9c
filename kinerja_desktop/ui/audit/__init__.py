"""Audit log viewer and the integrity check."""
