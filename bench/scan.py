"""Scanned reports against their text versions: the same outline and, within OCR error, the same figures?

    python bench/scan.py [--dpi 120] [--skew 0.5] [PDF ...]

Each page of a PDF with a text layer is rasterised as a scanner would (greyscale, at --dpi, turned by
--skew degrees, JPEG-compressed) into an image-only PDF, which juesuan then reads with OCR. Compared
with the text layer: the outline (section kinds with their pages), the tables found (with their
pages), and the figures (path, value) — recall and precision of the scan's figures against the text's.
Defaults: the Putuo report (25 pages, 10 ruled tables) and LibreOffice's PDF of seed 004 (13 pages).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from juesuan.model.flatten import flatten
from juesuan.pipeline import analyse
from juesuan.readers import read

ROOT = Path(__file__).resolve().parent.parent
DEFAULTS = [ROOT / "tests/fixtures/shanghai/putuo_finance_bureau_2024_final_accounts.pdf",
            ROOT / "tests/fixtures/built/004_b2fcb93d88db5c55.pdf"]


def scan(source: Path, target: Path, dpi: int, skew: float) -> None:
    """An image-only PDF of `source`: each page rendered at `dpi`, in grey, turned by `skew` degrees."""
    pdf = pdfium.PdfDocument(str(source))
    pages: list[Image.Image] = []
    for page in pdf:
        image = page.render(scale=dpi / 72).to_pil().convert("L")
        pages.append(image.rotate(skew, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=255))
    pdf.close()
    pages[0].save(str(target), "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:], quality=75)


def _profile(path: Path) -> tuple[list[tuple[str, int | None]], list[tuple[str, int | None]], Counter[tuple[str, str]],
                                  float, int]:
    started = time.perf_counter()
    document = read(path)
    analysis = analyse(document)
    outline, disclosure = analysis.outline, analysis.disclosure
    elapsed = time.perf_counter() - started
    sections = [(s.kind, s.location.page) for s in outline.walk()]
    tables = [(s.kind, s.location.page) for s in outline.walk() if s.table is not None]  # read as tables, not titles
    figures = Counter((p, str(f.value)) for p, f in flatten(disclosure))
    return sections, tables, figures, elapsed, len(document.ocr_pages)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("pdfs", nargs="*", type=Path)
    parser.add_argument("--dpi", type=int, default=120)
    parser.add_argument("--skew", type=float, default=0.5)
    args = parser.parse_args()
    for source in args.pdfs or DEFAULTS:
        with tempfile.TemporaryDirectory() as tmp:
            scanned = Path(tmp) / "scan.pdf"
            scan(source, scanned, args.dpi, args.skew)
            text_sections, tables, text_figures, text_time, _ = _profile(source)
            scan_sections, scan_tables, scan_figures, scan_time, ocr_pages = _profile(scanned)
        same_sections = sum((Counter(text_sections) & Counter(scan_sections)).values())
        same_tables = sum((Counter(tables) & Counter(scan_tables)).values())
        hits = sum((text_figures & scan_figures).values())
        print(f"{source.name}: {ocr_pages} pages read by OCR at {args.dpi} dpi, skew {args.skew}°")
        print(f"  sections (kind, page): {same_sections}/{len(text_sections)} of the text version's found, "
              f"{len(scan_sections) - same_sections} others")
        print(f"  tables: {same_tables}/{len(tables)} of the text version's ruled tables read as tables on the same page")
        print(f"  figures (path, value): recall {hits}/{sum(text_figures.values())} "
              f"= {hits / max(1, sum(text_figures.values())):.1%}, precision {hits}/{sum(scan_figures.values())} "
              f"= {hits / max(1, sum(scan_figures.values())):.1%}")
        print(f"  time: text {text_time:.2f} s, scan {scan_time:.1f} s ({scan_time / max(1, ocr_pages):.1f} s a page)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
