"""Printed documents (ReportLab). Import the submodules only when printing.

Shared building blocks live in ``kinerja_desktop.reports.common`` (which re-exports
``data``, ``styles``, ``blocks``, ``dokumen``, ``verifikasi`` and ``charts``).
"""
