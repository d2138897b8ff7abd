"""How long generating a report takes, per layout and format (median of three).

    python bench/generate_speed.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from juesuan.generate import generate, load

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CASES = [("sichuan_2020_pzh_committee_office.yaml", "sichuan"), ("shanghai_2024_putuo_finance_bureau.yaml", "shanghai")]


def main() -> int:
    print(f"{'example':<44} {'layout':<9} " + " ".join(f"{s:>7}" for s in (".md", ".html", ".docx", ".pdf")))
    with tempfile.TemporaryDirectory() as tmp:
        for name, layout in CASES:
            data = load(EXAMPLES / name)
            cells = []
            for suffix in (".md", ".html", ".docx", ".pdf"):
                times = []
                for _ in range(3):
                    start = time.perf_counter()
                    generate(data, layout, Path(tmp) / f"report{suffix}")
                    times.append(time.perf_counter() - start)
                cells.append(f"{statistics.median(times):>6.2f}s")
            print(f"{name:<44} {layout:<9} " + " ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
