"""The extractor reproduces the hand-checked figures of all six real reports (≥ 98% precision and recall)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "extract_accuracy", Path(__file__).resolve().parent.parent / "bench" / "extract_accuracy.py"
)
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

REPORTS = sorted(p.stem for p in bench.EXPECTED.glob("*.tsv"))


@pytest.mark.parametrize("name", REPORTS)
def test_extraction_matches_the_hand_checked_figures(name: str) -> None:
    expected = bench.expected_entries(name)
    found = bench.extracted_entries(bench.SOURCES[name])
    hits, n_found, n_expected = bench.score(expected, found)
    assert n_expected >= 60
    assert hits / n_found >= 0.98, sorted((found - expected).elements())
    assert hits / n_expected >= 0.98, sorted((expected - found).elements())
