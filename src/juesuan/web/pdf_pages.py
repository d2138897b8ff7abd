"""A stored PDF's page as an image, and where on it a finding's text stands (boxes as fractions of the
page, so the page can be drawn at any size). PDFium is not thread-safe: one lock for all its use here."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pypdfium2 as pdfium

from juesuan.text.normalize import normalize

LOCK = threading.Lock()
WIDTH_PX = 1240  # the image's width; a page is drawn no wider
MAX_PIXELS = 12_000_000  # a huge page is drawn smaller rather than filling memory
SNIPPET = 300  # characters of a finding's text that are looked for
PROBE = 16  # when the whole text is not found on the page (a table row, a wrapped line): its start, then its end


@dataclass(frozen=True, slots=True)
class Box:
    left: float  # fractions of the page's width and height, from its top left corner
    top: float
    width: float
    height: float


class PageMissing(Exception):
    """The PDF has no such page: `count` says how many it has."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


@contextmanager
def _page(content: bytes, number: int) -> Iterator[tuple[pdfium.PdfPage, int]]:
    """Page `number` (from 1) and the PDF's page count, under the lock; PageMissing when there is no such page."""
    with LOCK:
        pdf = pdfium.PdfDocument(content)
        try:
            if not 1 <= number <= len(pdf):
                raise PageMissing(len(pdf))
            yield pdf[number - 1], len(pdf)
        finally:
            pdf.close()


def page_png(content: bytes, number: int) -> bytes:
    """Page `number` (from 1) as a PNG, WIDTH_PX wide at most."""
    with _page(content, number) as (page, _):
        width, height = page.get_size()
        scale = min(WIDTH_PX / max(width, 1), 3.0)
        scale = min(scale, (MAX_PIXELS / max(width * height, 1)) ** 0.5)
        image = page.render(scale=scale).to_pil()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def find_boxes(content: bytes, number: int, snippets: list[str], sha256: str | None = None) -> tuple[int, list[list[Box]]]:
    """The PDF's page count, and for each snippet the boxes of its text on page `number` (one per line it
    covers; [] if not found). A scanned page has no text layer: its words are taken from what OCR read (the
    cache, by `sha256`)."""
    with _page(content, number) as (page, pages):
        width, height = page.get_size()
        text = page.get_textpage()
        try:
            count = text.count_chars()
            if count == 0 and sha256 is not None:
                return pages, _scanned(sha256, number, snippets, width, height)
            chars = normalize(text.get_text_range(0, count)) if count else ""
            kept = [i for i, c in enumerate(chars[:count]) if not c.isspace()]
            joined = "".join(chars[i] for i in kept)
            return pages, [_locate(text, joined, kept, snippet, width, height) for snippet in snippets]
        finally:
            text.close()


def _locate(text: pdfium.PdfTextPage, joined: str, kept: list[int], snippet: str, width: float,
            height: float) -> list[Box]:
    found = _match(joined, snippet)
    if found is None:
        return []
    return _lines([text.get_charbox(kept[i]) for i in range(*found)], width, height)


def _match(joined: str, snippet: str) -> tuple[int, int] | None:
    """Where the snippet (whitespace aside) stands in the page's characters: the whole, else its start or end."""
    wanted = "".join(normalize(snippet[:SNIPPET]).split())
    for probe in (wanted, wanted[:PROBE], wanted[-PROBE:]) if wanted else ():
        at = joined.find(probe)
        if at >= 0:
            return at, at + len(probe)
    return None


def _scanned(sha256: str, number: int, snippets: list[str], width: float, height: float) -> list[list[Box]]:
    """Boxes from OCR's words (image pixels at the read's scale); each character takes an equal part of its
    word's box. Nothing when the page was never read by OCR here (or the cache is off)."""
    from juesuan.readers.ocr_cache import load

    read = load(sha256, number)
    if read is None:
        return [[] for _ in snippets]
    scale = float(read.get("scale") or 1.0)
    chars: list[str] = []
    boxes: list[tuple[float, float, float, float]] = []
    for word in read.get("words", []):
        xs = [x for x, _ in word["box"]]
        ys = [y for _, y in word["box"]]
        left, right, top, bottom = min(xs) / scale, max(xs) / scale, min(ys) / scale, max(ys) / scale
        letters = [c for c in normalize(word["text"]) if not c.isspace()]
        step = (right - left) / max(len(letters), 1)
        for n, letter in enumerate(letters):  # PDF points from the bottom, as get_charbox gives them
            chars.append(letter)
            boxes.append((left + n * step, height - bottom, left + (n + 1) * step, height - top))
    joined = "".join(chars)
    spans = [_match(joined, snippet) for snippet in snippets]
    return [_lines(boxes[span[0]: span[1]], width, height) if span else [] for span in spans]


def _lines(boxes: list[tuple[float, float, float, float]], width: float, height: float) -> list[Box]:
    """Character boxes joined into one box a line (PDF points, origin bottom left → fractions, top left)."""
    lines: list[list[float]] = []
    for left, bottom, right, top in boxes:
        if lines and abs(lines[-1][1] - bottom) < (top - bottom) * 0.6 + 1 and left >= lines[-1][0] - 1:
            line = lines[-1]
            line[2], line[3] = max(line[2], right), max(line[3], top)
            line[1] = min(line[1], bottom)
        else:
            lines.append([left, bottom, right, top])
    return [Box(round(left / width, 4), round(1 - top / height, 4), round((right - left) / width, 4),
                round((top - bottom) / height, 4)) for left, bottom, right, top in lines]
