"""The checker against a careful reviewer's list of the defects in the real reports.

    python bench/reviewer_list.py [--list bench/data/second_review.tsv]

The default list (bench/data/reviewer_defects.tsv) was written while building the checker; the second
(bench/data/second_review.tsv) by a reviewer who saw neither the code nor its output.

A listed defect is found when the checker reports something (any severity) at its line or page;
a finding is a true alarm when it is at a listed place. Prints recall, precision, and what was missed
or raised beyond the list.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from juesuan.pipeline import check_file
from juesuan.rules import Severity

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
LIST = Path(__file__).resolve().parent / "data" / "reviewer_defects.tsv"


def source(report: str) -> Path:
    if report == "putuo":
        return FIXTURES / "shanghai" / "putuo_finance_bureau_2024_final_accounts.pdf"
    return next((FIXTURES / "seeds").glob(f"{report}_*.txt"))


def main() -> int:
    path = Path(sys.argv[sys.argv.index("--list") + 1]) if "--list" in sys.argv else LIST
    listed: dict[str, dict[str, str]] = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "report\t")):
            report, where, kind, _ = line.split("\t", 3)
            listed[report][where] = kind
    found_total = listed_total = hits_listed = hits_findings = findings_total = 0
    print(f"{'report':<8} {'listed':>7} {'found':>6} {'findings':>9} {'on list':>8}")
    for report, places in sorted(listed.items()):
        result = check_file(source(report))
        findings = result.findings
        at = defaultdict(list)
        for f in findings:
            at[f"L{f.location.line}" if f.location.line else f"P{f.location.page}"].append(f)
        found = [w for w in places if at.get(w)]
        true_alarms = [f for w, fs in at.items() if w in places for f in fs]
        print(f"{report:<8} {len(places):>7} {len(found):>6} {len(findings):>9} {len(true_alarms):>8}")
        for where in places:
            if where not in at:
                print(f"   missed {where}: {places[where]}")
        for where, fs in at.items():
            if where not in places:
                for f in fs:
                    print(f"   not on the list {where}: {f.rule} {f.severity.value} {f.message}")
        listed_total += len(places)
        found_total += len(found)
        hits_findings += len(true_alarms)
        findings_total += len(findings)
        hits_listed += len(found)
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for report, places in listed.items():
        flagged = {f"L{f.location.line}" if f.location.line else f"P{f.location.page}"
                   for f in check_file(source(report)).findings}
        for where, kind in places.items():
            by_kind[kind][0] += 1
            by_kind[kind][1] += where in flagged
    print("\nby kind: " + ", ".join(f"{k} {n[1]}/{n[0]}" for k, n in sorted(by_kind.items(), key=lambda kv: -kv[1][0])))
    print(f"\nrecall {found_total}/{listed_total} = {found_total / listed_total:.1%}; "
          f"precision {hits_findings}/{findings_total} = {hits_findings / max(findings_total, 1):.1%} "
          "(findings at a listed place)")
    errors = [f for r in listed for f in check_file(source(r)).findings if f.severity is Severity.ERROR]
    print(f"error-level findings: {len(errors)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
