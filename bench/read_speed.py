"""How fast juesuan reads reports, and how faithfully PDF text comes back.

    python bench/read_speed.py

Prints, for each fixture, the median time of reading it in-process, of finding its outline and of
extracting its figures,
the time of `pdftotext` on the Shanghai report as a reference, the time of the whole
`juesuan outline` command with process start, and the share of the seed paragraphs that read back
exactly from the PDFs LibreOffice made of them.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from juesuan.analysis import Analysis
from juesuan.document import BlockKind
from juesuan.extract import extract
from juesuan.outline import build_outline
from juesuan.pipeline import check_file
from juesuan.readers import read
from juesuan.readers.pdf_page import tidy

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PUTUO = FIXTURES / "shanghai" / "putuo_finance_bureau_2024_final_accounts.pdf"
RUNS = 7


def median_seconds(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    read(PUTUO)  # warm the imports once, as a long-running process would be
    files = [
        PUTUO,
        FIXTURES / "shanghai" / "shanghai_final_accounts_template_2024.pdf",
        *sorted((FIXTURES / "seeds").glob("*.txt")),
        *sorted((FIXTURES / "built").glob("00*.docx")),
        *sorted((FIXTURES / "built").glob("00*.pdf")),
    ]
    print(f"{'file':<48} {'read ms':>9} {'outline ms':>11} {'extract ms':>11} {'pages':>6} {'tables':>7}")
    for path in files:
        document = read(path)
        outline = build_outline(document)
        t_read = median_seconds(lambda p=path: read(p))
        t_outline = median_seconds(lambda d=document: build_outline(d))
        t_extract = median_seconds(lambda d=document, o=outline: extract(Analysis.begin(d, o)))
        print(f"{path.parent.name + '/' + path.name:<48} {t_read * 1000:>9.1f} {t_outline * 1000:>11.1f} "
              f"{t_extract * 1000:>11.1f} {document.pages or '':>6} {len(document.tables):>7}")

    if shutil.which("pdftotext"):
        t = median_seconds(lambda: subprocess.run(["pdftotext", str(PUTUO), "-"], capture_output=True, check=True))
        print(f"\npdftotext on the Shanghai report (reference): {t * 1000:.1f} ms")
    cli = [sys.executable, "-m", "juesuan", "outline", str(PUTUO)]
    t = median_seconds(lambda: subprocess.run(cli, capture_output=True, check=True), runs=3)
    print(f"`juesuan outline` on the Shanghai report, process start included: {t * 1000:.0f} ms")
    seed = FIXTURES / "seeds" / "000_452dfb289bf64cc2.txt"
    t = median_seconds(lambda: check_file(seed))
    print(f"checking seed 000 in-process, reading included: {t * 1000:.0f} ms")
    cli = [sys.executable, "-m", "juesuan", "check", str(seed), "--format", "json"]
    t = median_seconds(lambda: subprocess.run(cli, capture_output=True, check=False), runs=5)
    print(f"`juesuan check` on seed 000, process start included: {t * 1000:.0f} ms")
    scanned = FIXTURES / "built" / "scanned_page.pdf"
    t = median_seconds(lambda: read(scanned), runs=2)
    print(f"OCR of one scanned page (216 dpi, models loaded): {t:.2f} s")

    total = exact = 0
    for seed in sorted((FIXTURES / "seeds").glob("*.txt")):
        text = read(seed)
        pdf = read(FIXTURES / "built" / f"{seed.stem}.pdf")
        paragraphs = [b.text for b in text.blocks
                      if b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) and "\t" not in b.text]
        read_back = {b.text for b in pdf.blocks if not b.is_table}
        hits = sum(tidy(p) in read_back for p in paragraphs)
        print(f"{seed.stem}: {hits}/{len(paragraphs)} paragraphs read back exactly from the PDF")
        total += len(paragraphs)
        exact += hits
    print(f"PDF re-flow: {exact}/{total} = {exact / total:.2%} of paragraphs exact")
    return 0


if __name__ == "__main__":
    sys.exit(main())
