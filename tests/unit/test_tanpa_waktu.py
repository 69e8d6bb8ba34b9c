"""Unit tests judge results, not speed: timing belongs in tests/benchmarks (run on demand and
reported as ratios), where a slow shared machine cannot turn it into a failure."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import settings

TESTS = Path(__file__).resolve().parents[1]
# A stopwatch in a test means an assertion on elapsed time.
STOPWATCH = re.compile(r"perf_counter|process_time|\btimeit\b|deadline=(?!None)\d")


def test_no_stopwatch_outside_the_benchmarks():
    bersalah = []
    for path in sorted(TESTS.rglob("*.py")):
        rel = path.relative_to(TESTS)
        if rel.parts[0] in ("benchmarks",) or path == Path(__file__).resolve():
            continue
        for n, baris in enumerate(path.read_text("utf-8").splitlines(), 1):
            if STOPWATCH.search(baris):
                bersalah.append(f"{rel}:{n}: {baris.strip()}")
    assert not bersalah, "\n".join(bersalah)


def test_property_tests_have_no_deadline():
    assert settings.default.deadline is None
