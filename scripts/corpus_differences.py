"""Rewrites differences.json of a real-report set from juesuan's current answers, keeping the reasons.

    python scripts/corpus_differences.py tests/fixtures/corpus [found_dev heldout …]

Run it after a change that makes juesuan better on these reports, then read the diff: every entry that
remains must still be true, and a file with a new difference gets "why": "TODO", which fails
tests/test_corpus.py until someone has read the text and written why juesuan's answer differs from the
review (or fixed juesuan).
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from juesuan.pipeline import analyse, check_analysis
from juesuan.rules import Severity

KINDS = {"三公经费决算": "三公单篇"}


def differences(directory: Path, entry: dict[str, Any]) -> dict[str, Any]:
    analysis = analyse(directory / entry["file"])
    findings = check_analysis(analysis).findings
    meta = analysis.outline.meta
    found: dict[str, Any] = {}
    got = {"organisation": meta.organisation, "year": meta.year, "kind": KINDS.get(meta.kind or "", meta.kind)}
    if changed := {k: v for k, v in got.items() if v != entry[k]}:
        found["meta"] = changed
    body = [s for s in analysis.outline.walk() if s.kind != "chart" and not s.kind.startswith("table_")]
    parts = {s.location.line for s in body if s.level == 1}
    reviewed = {p["line"] for p in entry["parts"]} | {s["line"] for s in entry["sections"]}
    if extra := sorted({s.location.line for s in body} - reviewed):
        found["extra_lines"] = extra
    if missed := sorted({p["line"] for p in entry["parts"]} - parts):
        found["parts_missed"] = missed
    stated = {(f.location.line, f.value) for _, f in analysis.figures}
    figures = [[f["line"], f["value"]] for f in entry["figures"]
               if (f["line"], Decimal(f["value"].replace(",", ""))) not in stated]
    if figures:
        found["figures_missed"] = figures
    if errors := sorted([f.rule, f.location.line] for f in findings if f.severity is Severity.ERROR):
        found["errors"] = errors
    if (analysis.outline.truncation is not None) != entry["truncated"]:
        found["truncated"] = analysis.outline.truncation is not None
    return found


def main() -> int:
    for name in sys.argv[1:]:
        directory = Path(name)
        path = directory / "differences.json"
        old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        new: dict[str, Any] = {}
        for entry in json.loads((directory / "review.json").read_text(encoding="utf-8")):
            if found := differences(directory, entry):
                previous = old.get(entry["file"], {})
                same = {k: v for k, v in previous.items() if k != "why"} == found
                # A changed difference must be read again: its old reason is kept beside the TODO.
                found["why"] = previous["why"] if same else f"TODO (before: {previous.get('why', '')})"
                new[entry["file"]] = found
        path.write_text(json.dumps(new, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{path}: {len(new)} files differ from the review; {sum(v['why'].startswith('TODO') for v in new.values())} need a reason")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
