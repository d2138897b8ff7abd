"""OCR for PDF pages without a text layer: rapidocr on onnxruntime, offline (the models ship in the wheel)."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

import pypdfium2 as pdfium

from juesuan.readers.pdf_page import Line, tidy

RENDER_SCALE = 3.0  # 216 dpi: small Chinese characters are read much better than at 144 dpi


@lru_cache(maxsize=1)
def _engine() -> Any:
    from rapidocr import RapidOCR  # imported late: loading the models takes a moment

    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    engine = RapidOCR()
    logging.getLogger("RapidOCR").setLevel(logging.ERROR)
    return engine


def ocr_page(page: pdfium.PdfPage, number: int) -> list[Line]:
    """The text lines of a scanned page, with boxes in page points, top to bottom."""
    image = page.render(scale=RENDER_SCALE).to_pil()
    result = _engine()(image)
    boxes = getattr(result, "boxes", None)
    texts = getattr(result, "txts", None)
    if boxes is None or texts is None:
        return []
    lines: list[Line] = []
    for box, text in zip(boxes, texts, strict=False):
        xs = [float(p[0]) / RENDER_SCALE for p in box]
        ys = [float(p[1]) / RENDER_SCALE for p in box]
        cleaned = tidy(str(text))
        if not cleaned:
            continue
        height = max(ys) - min(ys)
        lines.append(Line(cleaned, min(xs), max(xs), min(ys), max(ys), height * 0.8, number))
    lines.sort(key=lambda line: (round(line.top / max(line.size, 1)), line.x0))
    return lines
