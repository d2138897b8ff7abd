"""Recount a saved run of bench/mutation_blind.py with the detectability verdicts as they stand now.

    python bench/blind_recount.py bench/data/mutation_blind_seed5_issue9_s13.txt [...]

A run counts as "undetectable" only the misses that had a verdict when it ran; the misses of a seed drawn for the
first time get theirs afterwards (bench/data/blind_missed_detectability.tsv). This reads the run's table and its
list of misses, and prints per kind: mutants, caught, misses judged U, misses still without a verdict (they count as
detectable), and recall of the detectable.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

VERDICTS = Path(__file__).resolve().parent / "data" / "blind_missed_detectability.tsv"


def recount(run: Path) -> list[str]:
    rows = [line.split("\t") for line in VERDICTS.read_text(encoding="utf-8").splitlines()[1:]]
    judged = {(r[0], r[1], int(r[2]), r[3]): r[4] for r in rows if len(r) >= 5 and r[4] in ("D", "U")}
    lines = run.read_text(encoding="utf-8").splitlines()
    table: dict[str, tuple[int, int]] = {}
    for line in lines:
        m = re.match(r"(.+?)\s+(\d+)\s+(\d+)\s+[\d.]+%", line)
        if m and not line.startswith(("kind", "#")):
            table[m.group(1).strip()] = (int(m.group(2)), int(m.group(3)))
    undetectable: Counter[str] = Counter()
    unjudged: Counter[str] = Counter()
    kind = ""
    for line in lines:
        if m := re.match(r"missed — (.*):", line):
            kind = m.group(1)
        elif m := re.match(r"\s+(\d{3}) L(\d+): (.*)", line):
            change = re.search(r"\[([^\]]*)\]", m.group(3))
            key = (kind, m.group(1), int(m.group(2)), change.group(1) if change else m.group(3).split(" (")[0].strip())
            verdict = judged.get(key)
            undetectable[kind] += verdict == "U"
            unjudged[kind] += verdict is None
    out = [f"{'kind':<28} {'mutants':>7} {'caught':>6} {'U':>3} {'unjudged':>8} {'of detectable':>13}"]
    for name, (n, caught) in table.items():
        u = sum(undetectable.values()) if name == "all" else undetectable[name]
        x = sum(unjudged.values()) if name == "all" else unjudged[name]
        out.append(f"{name:<28} {n:>7} {caught:>6} {u:>3} {x:>8} {100 * caught / (n - u):>12.1f}%")
    return out


def main() -> int:
    for arg in sys.argv[1:]:
        print(f"== {arg}")
        print("\n".join(recount(Path(arg))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
