"""Checks shared by the tests of the service packages (skp, pemantauan, evaluasi)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def impor_di(path: Path) -> set[str]:
    """Every kinerja_desktop module a file imports (module level and inside functions)."""
    hasil: set[str] = set()
    for n in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(n, ast.ImportFrom) and n.module:
            hasil.add(n.module)
            hasil.update(f"{n.module}.{a.name}" for a in n.names)
        elif isinstance(n, ast.Import):
            hasil.update(a.name for a in n.names)
    return {m for m in hasil if m.startswith("kinerja_desktop.")}


def cek_impor_pertama(modul: str) -> None:
    """A package-level cycle (a sibling importing the package __init__ that imports it back)
    only shows when that module is the first one imported."""
    hasil = subprocess.run(
        [sys.executable, "-c", f"import {modul}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert hasil.returncode == 0, hasil.stderr


def cek_saudara_langsung(paket: Path, nama: str) -> None:
    """Modules stay under 800 lines and import their siblings directly, never via __init__."""
    for p in paket.glob("*.py"):
        assert len(p.read_text(encoding="utf-8").splitlines()) < 800, p.name
        if p.name != "__init__.py":
            assert nama not in impor_di(p), p.name
