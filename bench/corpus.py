"""Outline, metadata, key figures and findings on real reports, against an independent review.

    python bench/corpus.py                       # the development corpus (tests/fixtures/corpus)
    python bench/corpus.py --dir tests/fixtures/heldout   # the held-out half

The review (review.json beside the texts, e.g. tests/fixtures/corpus/review.json) was written by a reader who saw neither the code nor its
output: for each file the organisation, year, kind, whether it is cut off, the body's part and
section headings (by line), the key figures (line, value) and the defects a reviewer would flag.
Judgements (judgements.tsv beside the texts: file, rule, line, severity, true|false, why) say for
each error- and warning-level finding whether it is a real defect; a finding not judged there is
counted as unjudged, and a finding at a line the review lists as a defect counts as true.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

from juesuan.pipeline import analyse, check_analysis
from juesuan.rules import Severity

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
KINDS = {"三公经费决算": "三公单篇"}
PINYIN = re.compile(r"[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")  # "政務(wù)": residue juesuan takes out


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def _judgements(path: Path) -> dict[tuple[str, str, int], tuple[str, str]]:
    judged: dict[tuple[str, str, int], tuple[str, str]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                file, rule, where, _severity, verdict, why = (line.split("\t") + [""] * 6)[:6]
                judged[(file, rule, int(where))] = (verdict, why)
    return judged


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--review", type=Path, default=None, help="default: review.json in --dir")
    parser.add_argument("--dir", type=Path, default=ROOT / "tests" / "fixtures" / "corpus")
    parser.add_argument("--judgements", type=Path, default=None, help="default: judgements.tsv in --dir")
    args = parser.parse_args()
    review = json.loads((args.review or args.dir / "review.json").read_text(encoding="utf-8"))
    judged = _judgements(args.judgements or args.dir / "judgements.tsv")
    meta = Counter()
    counts = Counter()
    alarms: Counter[tuple[str, str]] = Counter()
    unjudged: list[str] = []
    elapsed = 0.0
    print(f"{'file':<14}{'org':>4}{'year':>5}{'kind':>5}{'parts':>8}{'sections':>10}{'figures':>9}  findings E/W")
    for entry in review:
        path = args.dir / entry["file"]
        started = time.perf_counter()
        analysis = analyse(path)
        findings = check_analysis(analysis).findings
        elapsed += time.perf_counter() - started
        m = analysis.outline.meta
        marks = []
        organisation = PINYIN.sub("", entry["organisation"]) if entry["organisation"] else None
        for field, got, want in (("organisation", m.organisation, organisation), ("year", m.year, entry["year"]),
                                 ("kind", KINDS.get(m.kind or "", m.kind), entry["kind"])):
            if got is None or got == "决算":
                verdict = "unsure" if want is not None else "right"
            else:
                verdict = "right" if got == want or (field == "organisation" and want and got in want) else "wrong"
            meta[(field, verdict)] += 1
            marks.append({"right": "✓", "wrong": "✗", "unsure": "?"}[verdict])
        body = [s for s in analysis.outline.walk() if s.kind not in ("chart",) and not s.kind.startswith("table_")]
        part_lines = {s.location.line for s in body if s.level == 1}
        section_lines = {s.location.line for s in body if s.level > 1}
        want_parts = {p["line"] for p in entry["parts"]}
        want_sections = {s["line"] for s in entry["sections"]}
        counts["parts"] += len(want_parts)
        counts["parts_found"] += len(want_parts & part_lines)
        counts["parts_extra"] += len(part_lines - want_parts - want_sections)
        counts["sections"] += len(want_sections)
        counts["sections_found"] += len(want_sections & (section_lines | part_lines))
        counts["sections_extra"] += len(section_lines - want_sections - want_parts)
        stated = {(f.location.line, f.value) for _, f in analysis.figures}
        figures = [(f["line"], _decimal(f["value"])) for f in entry["figures"]]
        found_figures = sum(1 for f in figures if f in stated)
        counts["figures"] += len(figures)
        counts["figures_found"] += found_figures
        defect_lines = {d["line"] for d in entry["defects"]}
        flagged = {f.location.line for f in findings}
        for defect in entry["defects"]:
            counts[f"defects_{defect['severity']}"] += 1
            counts[f"defects_{defect['severity']}_found"] += defect["line"] in flagged
        shown = Counter()
        for f in findings:
            if f.severity is Severity.INFO:
                continue
            line = f.location.line or 0
            verdict, _ = judged.get((entry["file"], f.rule, line), ("", ""))
            if not verdict and line in defect_lines:
                verdict = "true"
            if not verdict:
                unjudged.append(f"{entry['file']}\t{f.rule}\t{line}\t{f.severity.value}\t?\t{f.message}")
                verdict = "unjudged"
            alarms[(f.severity.value, verdict)] += 1
            shown[f.severity.value] += 1
        print(f"{entry['file'][:13]:<14}{marks[0]:>4}{marks[1]:>5}{marks[2]:>5}"
              f"{len(want_parts & part_lines):>5}/{len(want_parts):<2}{len(want_sections & (section_lines | part_lines)):>7}/"
              f"{len(want_sections):<2}{found_figures:>6}/{len(figures):<2}  {shown['error']}/{shown['warning']}")
    n = len(review)
    print(f"\n{n} reports, {elapsed / n * 1000:.0f} ms a report (read + outline + extract + check)")
    for field in ("organisation", "year", "kind"):
        print(f"{field:<13} right {meta[(field, 'right')]:>2}  wrong {meta[(field, 'wrong')]:>2}  "
              f"unsure {meta[(field, 'unsure')]:>2}")
    for name in ("parts", "sections", "figures"):
        print(f"{name:<13} found {counts[name + '_found']}/{counts[name]}"
              + (f", not in the review {counts[name + '_extra']}" if name != "figures" else ""))
    for severity in ("error", "warning"):
        print(f"{severity:<8} findings: true {alarms[(severity, 'true')]}, false {alarms[(severity, 'false')]}, "
              f"unjudged {alarms[(severity, 'unjudged')]}")
    for severity in ("error", "warning"):
        print(f"review's {severity}-level defects with a finding at their line: "
              f"{counts[f'defects_{severity}_found']}/{counts[f'defects_{severity}']}")
    if unjudged:
        print("\nunjudged findings (add to the judgements file):")
        print("\n".join(unjudged))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
