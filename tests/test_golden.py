"""Every fixture report gets the same answer as recorded in tests/fixtures/golden (scripts/write_golden.py):
findings, ledger, figures and the text and HTML outputs. A refactor must not change what juesuan says;
a deliberate change rewrites the files and says why in its commit."""

from __future__ import annotations

import json

import pytest

from scripts import load

golden = load("write_golden")
CASES = list(golden.golden_cases())


def test_every_case_has_its_golden_file() -> None:
    assert {f"{name}.json" for name, _ in CASES} == {p.name for p in golden.GOLDEN.glob("*.json")}


@pytest.mark.parametrize(("name", "path"), CASES, ids=[name for name, _ in CASES])
def test_same_answer_as_recorded(name: str, path) -> None:  # type: ignore[no-untyped-def]
    recorded = json.loads((golden.GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    now = golden.golden_of(path)
    assert now["check"] == recorded["check"]
    assert now["figures"] == recorded["figures"]
    assert now["text_sha256"] == recorded["text_sha256"], "the text output changed"
    assert now["html_sha256"] == recorded["html_sha256"], "the HTML output changed"
