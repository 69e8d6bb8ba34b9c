"""Who rates whom, when has one owner (services/penugasan): no other module queries the table.

A source scan: outside the owner, the model, and the migrations, ``PenugasanPenilai`` may only
be constructed (a new assignment row, organisasi.tetapkan_penilai) or named in a type
annotation — never selected, filtered, counted or fetched.
"""

from __future__ import annotations

import ast
from pathlib import Path

import kinerja_desktop

AKAR = Path(kinerja_desktop.__file__).parent
PEMILIK = ("services/penugasan/", "db/models/", "db/migrations/")
NAMA = "PenugasanPenilai"


def _anotasi(tree: ast.AST) -> set[int]:
    """ids of the Name nodes inside annotations (allowed: they do not query)."""
    out: set[int] = set()
    for node in ast.walk(tree):
        annos = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            annos = [a.annotation for a in (*node.args.args, *node.args.kwonlyargs)]
            annos.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            annos = [node.annotation]
        for a in annos:
            if a is not None:
                out |= {id(n) for n in ast.walk(a)}
    return out


def _pemakaian_liar(tree: ast.AST) -> list[int]:
    """Line numbers where the model is used other than constructed or annotated."""
    dibangun = {
        id(n.func)
        for n in ast.walk(tree)
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    anotasi = _anotasi(tree)
    return [
        n.lineno
        for n in ast.walk(tree)
        if isinstance(n, ast.Name)
        and n.id == NAMA
        and id(n) not in dibangun
        and id(n) not in anotasi
    ]


def test_no_query_of_the_assignments_outside_the_owner():
    liar = []
    for path in sorted(AKAR.rglob("*.py")):
        rel = path.relative_to(AKAR).as_posix()
        if rel.startswith(PEMILIK):
            continue
        source = path.read_text(encoding="utf-8")
        if NAMA not in source:
            continue
        liar += [f"{rel}:{line}" for line in _pemakaian_liar(ast.parse(source))]
    assert not liar, (
        "PenugasanPenilai is queried outside services/penugasan (ask the owner instead): "
        + ", ".join(liar)
    )


def test_the_scan_sees_a_query():
    contoh = ast.parse(
        "x = select(PenugasanPenilai.pegawai_id)\n"
        "y = session.get(PenugasanPenilai, 1)\n"
        "z = PenugasanPenilai(pegawai_id=1)\n"
        "def f(r: PenugasanPenilai) -> PenugasanPenilai | None: ...\n"
    )
    assert sorted(_pemakaian_liar(contoh)) == [1, 2]
