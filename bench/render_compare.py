"""Generated reports beside published ones, page by page, as PNG contact sheets (issue 13's check by eye).

    python3 bench/render_compare.py [--out out/compare]

Generates the Shanghai example (Putuo finance bureau 2024, true figures) as PDF and renders it next to the
published Putuo report; the Sichuan example is rendered alone (its published tables are not in the seed).
Writes one sheet a report: the published pages on the top row, the generated ones below.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pypdfium2

from juesuan.generate import generate, load

ROOT = Path(__file__).resolve().parent.parent
PUTUO = ROOT / "tests/fixtures/shanghai/putuo_finance_bureau_2024_final_accounts.pdf"
EXAMPLES = ROOT / "examples"


def pages(pdf: Path, scale: float = 0.5) -> list:  # type: ignore[type-arg]
    document = pypdfium2.PdfDocument(str(pdf))
    try:
        return [document[n].render(scale=scale).to_pil() for n in range(len(document))]
    finally:
        document.close()


def sheet(rows: list[list], target: Path, columns: int = 10) -> None:  # type: ignore[type-arg]
    from PIL import Image

    width = max(i.width for row in rows for i in row)
    height = max(i.height for row in rows for i in row)
    lines = sum((len(row) + columns - 1) // columns for row in rows)
    canvas = Image.new("RGB", (columns * width, lines * height), "white")
    y = 0
    for row in rows:
        for n, image in enumerate(row):
            canvas.paste(image, ((n % columns) * width, y + (n // columns) * height))
        y += ((len(row) + columns - 1) // columns) * height
    canvas.save(target)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "compare")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        shanghai = Path(folder) / "shanghai.pdf"
        generate(load(EXAMPLES / "shanghai_2024_putuo_finance_bureau.yaml"), "shanghai", shanghai)
        published, made = pages(PUTUO), pages(shanghai)
        sheet([published, made], args.out / "shanghai.png")
        sichuan = Path(folder) / "sichuan.pdf"
        generate(load(EXAMPLES / "sichuan_2020_pzh_committee_office.yaml"), "sichuan", sichuan)
        sheet([pages(sichuan)], args.out / "sichuan.png")
    print(f"Putuo: {len(published)} pages published, {len(made)} generated; sheets in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
