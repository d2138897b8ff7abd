"""Accuracy of figure extraction against the hand-checked fixtures in tests/fixtures/expected/.

    python bench/extract_accuracy.py [--by-field]

For each report and field (a model path with list labels made generic), a figure counts as found
when the extractor puts the same value with the same unit at the same line or page under that path.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from juesuan.model.flatten import figure_paths
from juesuan.pipeline import analyse

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "fixtures" / "expected"
SOURCES = {
    **{p.stem: p for p in (ROOT / "tests" / "fixtures" / "seeds").glob("*.txt")},
    **{p.stem: p for p in (ROOT / "tests" / "fixtures" / "shanghai").glob("putuo*.pdf")},
}

Entry = tuple[str, str, str, str]


def _key(path: str, value: str, unit: str, where: str) -> Entry:
    return re.sub(r"\[\d+\]", "[]", path), value, unit, where


def expected_entries(name: str) -> Counter[Entry]:
    rows = (line.split("\t") for line in (EXPECTED / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#"))
    return Counter(_key(*row) for row in rows)


def extracted_entries(source: Path) -> Counter[Entry]:
    found: Counter[Entry] = Counter()
    for path, value, unit, line, page in figure_paths(analyse(source).disclosure):
        where = f"L{line}" if line else f"P{page}"
        found[_key(path, value, unit or "", where)] += 1
    return found


def field_of(path: str) -> str:
    """The field a path belongs to: list labels made generic."""
    return re.sub(r"\[[^\]]*\]", "[*]", path)


def score(expected: Counter[Entry], found: Counter[Entry]) -> tuple[int, int, int]:
    hits = sum((expected & found).values())
    return hits, sum(found.values()), sum(expected.values())


def main() -> int:
    by_field = "--by-field" in sys.argv
    totals = [0, 0, 0]
    fields: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    print(f"{'report':<44} {'expected':>8} {'found':>6} {'precision':>10} {'recall':>8}")
    for name in sorted(p.stem for p in EXPECTED.glob("*.tsv")):
        expected = expected_entries(name)
        found = extracted_entries(SOURCES[name])
        hits, n_found, n_expected = score(expected, found)
        print(f"{name:<44} {n_expected:>8} {n_found:>6} {hits / max(n_found, 1):>10.2%} {hits / max(n_expected, 1):>8.2%}")
        totals = [totals[0] + hits, totals[1] + n_found, totals[2] + n_expected]
        for field in {field_of(e[0]) for e in expected} | {field_of(e[0]) for e in found}:
            e = Counter({k: v for k, v in expected.items() if field_of(k[0]) == field})
            f = Counter({k: v for k, v in found.items() if field_of(k[0]) == field})
            h, nf, ne = score(e, f)
            stats = fields[field]
            stats[0] += h
            stats[1] += nf
            stats[2] += ne
        if by_field:
            for entry in sorted((expected - found).elements()):
                print("   missed:", "\t".join(entry))
            for entry in sorted((found - expected).elements()):
                print("   extra: ", "\t".join(entry))
    hits, n_found, n_expected = totals
    print(f"{'all reports':<44} {n_expected:>8} {n_found:>6} {hits / n_found:>10.2%} {hits / n_expected:>8.2%}")
    print(f"\n{'field':<72} {'expected':>8} {'precision':>10} {'recall':>8}")
    for field, (h, nf, ne) in sorted(fields.items()):
        print(f"{field:<72} {ne:>8} {h / max(nf, 1):>10.2%} {h / max(ne, 1):>8.2%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
