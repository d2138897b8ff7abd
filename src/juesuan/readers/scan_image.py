"""What a scanned page image says beyond its words: how far it is turned, and the ruling lines of its tables.

A scanner turns a page by a fraction of a degree; the angle is the one that makes the rows of ink
sharpest (the variance of the row sums is highest when lines of text lie flat). Ruling lines are runs
of dark pixels far longer than any stroke of a character; they are handed to the same table finder as
the ruling lines of a PDF with a text layer.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

from juesuan.readers.pdf_page import edge

_DARK = 150  # grey level below which a pixel is ink
_ANGLES = 3.0  # a scan turned further than this is not straightened
_MAX_SEGMENTS = 200_000  # runs of ink kept per direction: bounded on any image


def skew_angle(image: Image.Image) -> float:
    """The angle (degrees, counter-clockwise) by which the page is turned; 0 when it lies straight."""
    small = image.convert("L")
    small.thumbnail((700, 1000))
    best, best_score = 0.0, _score(small, 0.0)
    for step, span in ((0.5, _ANGLES), (0.1, 0.5)):
        centre = best
        for k in range(-int(span / step), int(span / step) + 1):
            angle = round(centre + k * step, 2)
            if angle == centre or abs(angle) > _ANGLES:
                continue
            score = _score(small, angle)
            if score > best_score:
                best, best_score = angle, score
    return best


def _score(image: Image.Image, angle: float) -> float:
    turned = image.rotate(-angle, resample=Image.Resampling.NEAREST, fillcolor=255) if angle else image
    rows = (np.asarray(turned) < _DARK).sum(axis=1).astype(np.float64)
    return float(rows.var())


def straighten(image: Image.Image, angle: float) -> Image.Image:
    return image.rotate(-angle, resample=Image.Resampling.BICUBIC, fillcolor="white") if angle else image


def ruling_edges(image: Image.Image, scale: float) -> list[dict[str, float | str]]:
    """Horizontal and vertical ruling lines of a (straightened) page image, in page points."""
    ink = np.asarray(image.convert("L")) < _DARK
    height, width = ink.shape
    edges: list[dict[str, float | str]] = []
    for y, x0, x1 in _lines(ink, max(int(width * 0.04), 40)):
        edges.append(edge("h", x0 / scale, x1 / scale, y / scale, y / scale))
    for x, y0, y1 in _lines(ink.T, max(int(height * 0.015), 36)):
        edges.append(edge("v", x / scale, x / scale, y0 / scale, y1 / scale))
    return edges


def _lines(ink: np.ndarray, shortest: int) -> list[tuple[float, int, int]]:
    """Runs of ink along each row at least `shortest` long, merged across the rows a thick line covers."""
    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    step = np.diff(padded, axis=1)
    starts, ends = np.argwhere(step == 1), np.argwhere(step == -1)
    long = (ends[:, 1] - starts[:, 1]) >= shortest
    runs = sorted(zip(starts[long, 0].tolist(), starts[long, 1].tolist(), ends[long, 1].tolist(), strict=True))
    merged: list[list[float]] = []  # [first row, last row, x0, x1]
    open_lines: list[list[float]] = []
    for row, x0, x1 in runs[:_MAX_SEGMENTS]:
        open_lines = [m for m in open_lines if row - m[1] <= 2]
        target = next((m for m in open_lines if x0 <= m[3] + 4 and x1 >= m[2] - 4), None)
        if target is None:
            target = [row, row, x0, x1]
            merged.append(target)
            open_lines.append(target)
        else:
            target[1], target[2], target[3] = row, min(target[2], x0), max(target[3], x1)
    return [((m[0] + m[1]) / 2, int(m[2]), int(m[3])) for m in merged if m[1] - m[0] <= 8]

