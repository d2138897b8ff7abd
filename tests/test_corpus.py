"""Real reports from other provinces, against a review made by a reader who saw neither the code nor its output.

Each directory holds the texts, `review.json` (the reader's metadata, body headings, key figures and
defects for each file), `differences.json` (every place where juesuan's answer differs from the review,
with the reason) and `judgements.tsv` (each warning-level finding judged by reading the text).
A difference not listed there fails: either juesuan got worse, or the list must say why it differs.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from juesuan.analysis import Analysis
from juesuan.pipeline import Outcome, analyse, check_analysis
from juesuan.rules import Severity

FIXTURES = Path(__file__).parent / "fixtures"
SETS = ("corpus", "found_dev", "heldout")
KINDS = {"三公经费决算": "三公单篇"}


def _load(name: str, file: str) -> Any:
    path = FIXTURES / name / file
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


CASES = [(name, entry["file"]) for name in SETS for entry in _load(name, "review.json")]


@cache
def _review(name: str) -> dict[str, dict[str, Any]]:
    return {entry["file"]: entry for entry in _load(name, "review.json")}


@cache
def _analysis(name: str, file: str) -> Analysis:
    return analyse(FIXTURES / name / file)


@cache
def _result(name: str, file: str) -> Outcome:
    return check_analysis(_analysis(name, file))


def _differences(name: str, file: str) -> dict[str, Any]:
    return _load(name, "differences.json").get(file, {})


def _judged_true(name: str) -> set[tuple[str, str, int]]:
    path = FIXTURES / name / "judgements.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#"]
    return {(r[0], r[1], int(r[2])) for r in rows if r[4] == "true"}


def test_every_text_is_reviewed() -> None:
    for name in SETS:
        texts = {p.name for p in (FIXTURES / name).glob("*.txt")}
        assert texts == set(_review(name)), name
        assert set(_load(name, "differences.json")) <= texts
        assert all(d.get("why") and not d["why"].startswith("TODO") for d in _load(name, "differences.json").values())


@pytest.mark.parametrize(("name", "file"), CASES)
def test_metadata(name: str, file: str) -> None:
    review, meta = _review(name)[file], _analysis(name, file).outline.meta
    expected = {"organisation": review["organisation"], "year": review["year"], "kind": review["kind"]}
    expected.update(_differences(name, file).get("meta", {}))
    got = {"organisation": meta.organisation, "year": meta.year, "kind": KINDS.get(meta.kind or "", meta.kind)}
    assert got == expected


@pytest.mark.parametrize(("name", "file"), CASES)
def test_cut_off_texts_are_seen_as_cut_off(name: str, file: str) -> None:
    expected = _differences(name, file).get("truncated", _review(name)[file]["truncated"])
    assert (_analysis(name, file).outline.truncation is not None) == expected


@pytest.mark.parametrize(("name", "file"), CASES)
def test_outline_headings(name: str, file: str) -> None:
    review, differences = _review(name)[file], _differences(name, file)
    body = [s for s in _analysis(name, file).outline.walk() if s.kind != "chart" and not s.kind.startswith("table_")]
    parts = {s.location.line for s in body if s.level == 1}
    reviewed = {p["line"] for p in review["parts"]} | {s["line"] for s in review["sections"]}
    assert {p["line"] for p in review["parts"]} - parts == set(differences.get("parts_missed", []))
    assert {s.location.line for s in body} - reviewed == set(differences.get("extra_lines", []))


@pytest.mark.parametrize(("name", "file"), CASES)
def test_key_figures(name: str, file: str) -> None:
    stated = {(f.location.line, f.value) for _, f in _analysis(name, file).figures}
    wanted = [(f["line"], Decimal(f["value"].replace(",", ""))) for f in _review(name)[file]["figures"]]
    missed = {(line, value) for line, value in wanted if (line, value) not in stated}
    assert missed == {(line, Decimal(v)) for line, v in _differences(name, file).get("figures_missed", [])}


@pytest.mark.parametrize(("name", "file"), CASES)
def test_errors_are_the_real_defects(name: str, file: str) -> None:
    errors = sorted([f.rule, f.location.line] for f in _result(name, file).findings if f.severity is Severity.ERROR)
    assert errors == _differences(name, file).get("errors", [])


@pytest.mark.parametrize(("name", "file"), CASES)
def test_warnings_are_judged_true(name: str, file: str) -> None:
    defect_lines = {d["line"] for d in _review(name)[file]["defects"]}
    judged = _judged_true(name)
    for f in _result(name, file).findings:
        if f.severity is Severity.WARNING:
            assert f.location.line in defect_lines or (file, f.rule, f.location.line) in judged, f.message


@pytest.mark.parametrize(("name", "file"), CASES)
def test_no_statement_is_filed_twice(name: str, file: str) -> None:
    """A figure of the text is one statement: filed under one path once, however its section is nested."""
    seen: dict[tuple[str, int], int] = {}
    for path, figure in _analysis(name, file).figures:
        base = path.split("[")[0] + path.rsplit("]", 1)[-1] if "]" in path else path
        key = (base, figure.location.start)
        seen[key] = seen.get(key, 0) + 1
    assert [k for k, n in seen.items() if n > 1] == []
