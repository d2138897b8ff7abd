"""What one PDF page holds, read with pypdfium2: characters with boxes, text lines, ruling edges.

Coordinates are pdfplumber's: x from the left, `top`/`bottom` from the top of the page, in points.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# Characters around which a space is layout, not text: CJK ideographs, CJK and full-width punctuation.
CJK_CLASS = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2018-\u201d\u2026"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{CJK_CLASS}])[ \t\u00a0]+|[ \t\u00a0]+(?=[{CJK_CLASS}])")


def tidy(text: str) -> str:
    """Drops the spaces PDF layout puts next to Chinese characters ("2024 年度" -> "2024年度")."""
    return _SPACE_NEAR_CJK.sub("", text).strip()


@dataclass(slots=True)
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(slots=True)
class Line:
    """A line of text in reading order, with its box and the page it is on (1-based)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int


@dataclass(slots=True)
class PageContent:
    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    lines: list[list[Char]] = field(default_factory=list)  # chars of each text line, in pdfium's order
    edges: list[dict[str, float | str]] = field(default_factory=list)
    has_images: bool = False


def read_page(page: pdfium.PdfPage, number: int) -> PageContent:
    width, height = page.get_size()
    content = PageContent(number, width, height)
    _read_chars(page, content)
    _read_objects(page, content)
    return content


def _read_chars(page: pdfium.PdfPage, content: PageContent) -> None:
    textpage = page.get_textpage()
    tp = textpage.raw
    rect = pdfium_c.FS_RECTF()
    height = content.height
    line: list[Char] = []
    for i in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(tp, i)
        if code in (0x0D, 0x0A):  # pdfium marks the end of a line with \r\n
            if line:
                content.lines.append(line)
                line = []
            continue
        if code in (0, 0xFFFE, 0xFFFF, 0x02):
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(tp, i, ctypes.byref(rect)):
            continue
        char = Char(chr(code), rect.left, rect.right, height - rect.top, height - rect.bottom,
                    pdfium_c.FPDFText_GetFontSize(tp, i))
        content.chars.append(char)
        line.append(char)
    if line:
        content.lines.append(line)
    textpage.close()


def _read_objects(page: pdfium.PdfPage, content: PageContent) -> None:
    """Ruling edges from path objects, as pdfplumber's table finder expects them; notes images."""
    height = content.height
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            content.has_images = True
            continue
        left, bottom, right, top = obj.get_bounds()
        w, h = right - left, top - bottom
        if w < 0 or h < 0:
            continue
        segments = pdfium_c.FPDFPath_CountSegments(obj.raw)
        if segments > 6:
            content.edges.extend(_segment_edges(obj, height))
        elif w <= 3 and h > 3:
            x = (left + right) / 2
            content.edges.append(edge("v", x, x, height - top, height - bottom))
        elif h <= 3 and w > 3:
            y = height - (top + bottom) / 2
            content.edges.append(edge("h", left, right, y, y))
        elif w > 3 and h > 3:  # a rectangle: its four sides
            t, b = height - top, height - bottom
            content.edges += [
                edge("h", left, right, t, t), edge("h", left, right, b, b),
                edge("v", left, left, t, b), edge("v", right, right, t, b),
            ]


def _segment_edges(obj: pdfium.PdfObject, height: float) -> list[dict[str, float | str]]:
    """Axis-aligned straight segments of a complex path, transformed to page space."""
    m = obj.get_matrix()
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[float, float, int, bool]] = []
    for k in range(pdfium_c.FPDFPath_CountSegments(obj.raw)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj.raw, k)
        pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y))
        px = m.a * x.value + m.c * y.value + m.e
        py = m.b * x.value + m.d * y.value + m.f
        points.append((px, py, pdfium_c.FPDFPathSegment_GetType(seg), bool(pdfium_c.FPDFPathSegment_GetClose(seg))))
    edges: list[dict[str, float | str]] = []
    start: tuple[float, float] | None = None
    prev: tuple[float, float] | None = None
    for px, py, kind, close in points:
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = prev = (px, py)
            continue
        if prev is not None and kind == pdfium_c.FPDF_SEGMENT_LINETO:
            edges.extend(_line_edge(prev, (px, py), height))
        prev = (px, py)
        if close and start is not None:
            edges.extend(_line_edge(prev, start, height))
            prev = start
    return edges


def _line_edge(a: tuple[float, float], b: tuple[float, float], height: float) -> list[dict[str, float | str]]:
    (x0, y0), (x1, y1) = a, b
    if abs(x0 - x1) < 0.5 and abs(y0 - y1) > 3:
        return [edge("v", x0, x0, height - max(y0, y1), height - min(y0, y1))]
    if abs(y0 - y1) < 0.5 and abs(x0 - x1) > 3:
        return [edge("h", min(x0, x1), max(x0, x1), height - y0, height - y0)]
    return []


def edge(orientation: str, x0: float, x1: float, top: float, bottom: float) -> dict[str, float | str]:
    return {
        "object_type": "line", "orientation": orientation,
        "x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
        "width": x1 - x0, "height": bottom - top,
    }


def make_line(chars: list[Char], page: int) -> Line | None:
    """A Line from characters in reading order; None if it holds only spaces."""
    text = tidy("".join(c.text for c in chars))
    visible = [c for c in chars if c.text.strip()]
    if not text or not visible:
        return None
    return Line(
        text=text,
        x0=min(c.x0 for c in visible),
        x1=max(c.x1 for c in visible),
        top=min(c.top for c in visible),
        bottom=max(c.bottom for c in visible),
        size=_font_size(visible),
        page=page,
    )


def _font_size(chars: list[Char]) -> float:
    """The line's font size: the advance of its full-width characters, which is the em size.

    The size a PDF declares is unreliable (many generators scale a 1-point font by the text matrix),
    while a Chinese character's box is one em wide whatever the matrix.
    """
    widths = sorted(c.x1 - c.x0 for c in chars if ord(c.text) >= 0x2E80)
    if widths:
        return widths[len(widths) // 2]
    declared = sorted(c.size for c in chars)[len(chars) // 2]
    height = max(c.bottom for c in chars) - min(c.top for c in chars)
    return declared if 0 < declared < 72 else height * 0.8
