"""Monitoring screens (pemantauan)."""
