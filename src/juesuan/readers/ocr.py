"""OCR for PDF pages without a text layer: rapidocr on onnxruntime, offline (the models ship in the wheel).

The page image is straightened first (scans are turned by a fraction of a degree), then read; its
ruling lines go to the same table finder as a text PDF's, and the words inside a table's cells become
the table's cells instead of loose lines.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

import pypdfium2 as pdfium

from juesuan.limits import limits
from juesuan.readers.pdf_page import Char, Line, PageContent, tidy
from juesuan.readers.pdf_tables import PageTable, find_tables, inside

RENDER_SCALE = 3.0  # 216 dpi: small Chinese characters are read much better than at 144 dpi


def render_scale(width: float, height: float) -> float:
    """RENDER_SCALE, or less for a page so large that its image would pass the limit on pixels."""
    return min(RENDER_SCALE, (limits().render_pixels / max(width * height, 1.0)) ** 0.5)


@lru_cache(maxsize=1)
def _engine() -> Any:
    from rapidocr import RapidOCR  # imported late: loading the models takes a moment

    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    # The detector's input is bounded at 1600 pixels a side (rapidocr's default is 2000): an A4 page reads the
    # same, and the peak memory of one page falls from about 0.9 GB to 0.7 GB, under the bound of limits.py.
    engine = RapidOCR(params={"Global.max_side_len": 1600})
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    return engine


OCR_VERSION = "1"  # of what `recognise` returns: a cached page from another version is read again


def recognise(page: pdfium.PdfPage) -> dict[str, Any]:
    """What OCR reads on a page, as plain values (cached by ocr_cache): the words with their boxes in image
    pixels, the scale of the image, and the ruling lines of its tables in page points. This is the slow part."""
    from juesuan.readers.scan_image import ruling_edges, skew_angle, straighten  # numpy: only for scans

    scale = render_scale(*page.get_size())
    image = page.render(scale=scale).to_pil().convert("L")
    image = straighten(image, skew_angle(image))
    # Reports are upright; the angle classifier only turns some lines of "（类）…（款）" upside down.
    result = _engine()(image, use_cls=False)
    boxes = getattr(result, "boxes", None)
    texts = getattr(result, "txts", None)
    words = [] if boxes is None or texts is None else [
        {"box": [[float(x), float(y)] for x, y in box], "text": str(text)}
        for box, text in zip(boxes, texts, strict=False)]
    return {"version": OCR_VERSION, "scale": scale, "words": words, "edges": ruling_edges(image, scale)}


def ocr_page(page: pdfium.PdfPage, number: int, read: dict[str, Any]) -> tuple[list[Line], list[PageTable]]:
    """The text lines of a scanned page outside its tables, top to bottom, and its ruled tables, from what
    `recognise` read on it (now, or earlier and cached)."""
    scale = read["scale"]
    lines: list[Line] = []
    for word in read["words"]:
        xs = [p[0] / scale for p in word["box"]]
        ys = [p[1] / scale for p in word["box"]]
        cleaned = tidy(word["text"])
        if not cleaned:
            continue
        # The em size from the width: a Chinese character is one em wide, a digit or letter about half.
        ems = sum(1.0 if ord(ch) >= 0x2E80 else 0.5 for ch in cleaned)
        size = (max(xs) - min(xs)) / ems if ems else max(ys) - min(ys)
        lines.append(Line(cleaned, min(xs), max(xs), min(ys), max(ys), size, number))
    width, height = page.get_size()
    content = PageContent(number, width, height, edges=[dict(e) for e in read["edges"]])
    # Each recognised line is one "character" for the table finder: cells take the lines inside them.
    content.chars = [Char(line.text, line.x0, line.x1, line.top, line.bottom, line.size) for line in lines]
    tables = find_tables(content)
    boxes_of_tables = [(t.x0, t.top, t.x1, t.bottom) for t in tables]
    outside = [line for line, char in zip(lines, content.chars, strict=True)
               if not any(inside(char, box) for box in boxes_of_tables)]
    outside.sort(key=lambda line: (line.top + line.bottom) / 2)
    return outside, tables
