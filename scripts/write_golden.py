"""Writes tests/fixtures/golden/: what juesuan says of every fixture report, to hold refactors to it.

    python scripts/write_golden.py            # rewrite every file
    python scripts/write_golden.py --diff     # only list the reports whose answer changed

For each real report among the fixtures (seed, corpus, found, held-out texts, the Putuo PDF and the
Word/PDF files built from the seeds), one JSON file: the check result as `juesuan check --format json`
prints it, every extracted figure (path, value, unit, raw, place) and the text and HTML outputs'
SHA-256. tests/test_golden.py compares with it. A change of answer is deliberate or a defect: rewrite
the files only after reading the differences, and say why in the commit.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rich.console import Console

from juesuan.outputs.html import render
from juesuan.outputs.text import print_outcome
from juesuan.pipeline import check_file

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
GOLDEN = FIXTURES / "golden"
SETS = ("seeds", "corpus", "found_dev", "heldout")
OTHERS = ("shanghai/putuo_finance_bureau_2024_final_accounts.pdf", "shanghai/putuo_guihuaziranziyuanju_2024_final_accounts.pdf",
          "shanghai/putuo_shehuigongzuobu_2024_final_accounts.pdf", "wrapped/putuo_shehuigongzuobu_2024_excerpt.txt",
          "built/000_452dfb289bf64cc2.docx",
          "built/001_400cdbde094ca8be.pdf", "built/003_e91275d89306c2d9.docx", "built/scanned_page.pdf")


def golden_cases() -> Iterator[tuple[str, Path]]:
    """(name of its golden file, path) of every report held to its answer."""
    for name in SETS:
        for path in sorted((FIXTURES / name).glob("*.txt")):
            yield f"{name}__{path.stem}", path
    for other in OTHERS:
        path = FIXTURES / other
        yield other.replace("/", "__").replace(".", "_"), path


def golden_of(path: Path) -> dict[str, Any]:
    """What juesuan says of one report, as plain JSON, with the source named relative to the fixtures."""
    source = str(path.relative_to(FIXTURES))
    outcome = check_file(path).model_copy(update={"source": source})
    answer = outcome.as_json()
    figures = [[f.path, format(f.value, "f"), f.unit, f.raw, f.location.line, f.location.page, f.location.start,
                f.location.end] for f in outcome.figures]
    console = Console(record=True, width=200, file=open("/dev/null", "w"), highlight=False)  # noqa: SIM115
    print_outcome(console, outcome)
    text = console.export_text()
    html = render(outcome)
    return {"check": answer, "figures": figures,
            "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
            "html_sha256": hashlib.sha256(html.encode()).hexdigest()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--diff", action="store_true", help="only list the reports whose answer changed")
    args = parser.parse_args()
    GOLDEN.mkdir(parents=True, exist_ok=True)
    changed = 0
    for name, path in golden_cases():
        now = golden_of(path)
        target = GOLDEN / f"{name}.json"
        before = json.loads(target.read_text(encoding="utf-8")) if target.exists() else None
        if before != now:
            changed += 1
            print(f"changed: {name}")
            if not args.diff:
                target.write_text(json.dumps(now, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{changed} changed", file=sys.stderr)
    return 1 if args.diff and changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
