"""How much of a published report's 情况说明 the generator writes word for word (issue 13, Shanghai layout).

    python3 bench/template_wording.py

Generates the Shanghai example (Putuo finance bureau 2024) and counts the paragraphs of the published
report's 第三部分 that appear in the generated one, both as juesuan's reader normalises them, thousands
separators ignored. The paragraphs that differ are printed: the published report's own mistakes among them.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from juesuan.generate import generate, load
from juesuan.pipeline import analyse

ROOT = Path(__file__).resolve().parent.parent
PUTUO = ROOT / "tests/fixtures/shanghai/putuo_finance_bureau_2024_final_accounts.pdf"
EXAMPLE = ROOT / "examples/shanghai_2024_putuo_finance_bureau.yaml"


def explanation(text: str) -> list[str]:
    lines = text.splitlines()
    start = max(n for n, line in enumerate(lines) if line.startswith("第三部分"))
    end = next(n for n in range(start, len(lines)) if lines[n].startswith("第四部分"))
    return [line.strip().replace(",", "") for line in lines[start:end] if line.strip()]


def main() -> int:
    published = explanation(analyse(PUTUO).document.normalized)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "shanghai.md"
        generate(load(EXAMPLE), "shanghai", target)
        made = analyse(target).document.normalized.replace(",", "")
    equal = [p for p in published if p in made]
    for paragraph in published:
        if paragraph not in made:
            print(f"differs: {paragraph[:120]}")
    print(f"Putuo 第三部分: {len(equal)} of {len(published)} paragraphs written word for word")
    return 0


if __name__ == "__main__":
    sys.exit(main())
