"""Ruled tables on a PDF page: pdfplumber's table finder run on the page read by pypdfium2.

pdfplumber finds cells from ruling lines well, but its own PDF parsing (pdfminer) takes most of a
second on a 25-page report. So the page is parsed once, by pypdfium2, and pdfplumber's TableFinder is
given the edges from that parse; the cell text comes from pypdfium2's characters.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from typing import Any

from juesuan.document import Cell
from juesuan.readers.pdf_page import Char, PageContent, tidy


@cache
def _finder() -> tuple[Any, Any]:
    """pdfplumber's TableFinder and settings, imported only when a page has ruling lines to look at."""
    from pdfplumber.table import TableFinder, TableSettings

    return TableFinder, TableSettings.resolve({"vertical_strategy": "lines", "horizontal_strategy": "lines"})


@dataclass(slots=True)
class PageTable:
    """A table found on one page: rows of cells (with spans), its box, and each row's top."""

    rows: list[list[Cell]]
    row_tops: list[float]
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> int:
        return max((sum(c.colspan for c in r) for r in self.rows), default=0)


class _EdgesPage:
    """The two attributes of a pdfplumber Page that TableFinder's "lines" strategy reads."""

    def __init__(self, content: PageContent) -> None:
        self.edges = content.edges
        self.bbox = (0.0, 0.0, content.width, content.height)


def find_tables(content: PageContent) -> list[PageTable]:
    if len(content.edges) < 4:
        return []
    table_finder, settings = _finder()
    finder = table_finder(_EdgesPage(content), settings)
    index = CharIndex(content.chars)
    tables: list[PageTable] = []
    for table in finder.tables:
        xs = sorted({c[0] for c in table.cells})
        tops = sorted({c[1] for c in table.cells})
        if len(table.cells) < 2:
            continue  # a single box around text is a frame, not a table
        rows: list[list[Cell]] = []
        row_tops: list[float] = []
        for row in table.rows:
            cells: list[Cell] = []
            for bbox in row.cells:
                if bbox is None:
                    continue  # covered by a merged cell to the left or above
                x0, top, x1, bottom = bbox
                colspan = bisect.bisect_left(xs, x1 - 1) - bisect.bisect_left(xs, x0 - 1)
                rowspan = bisect.bisect_left(tops, bottom - 1) - bisect.bisect_left(tops, top - 1)
                cells.append(Cell(_cell_text(index, bbox), colspan=max(colspan, 1),
                                  rowspan=max(rowspan, 1)))
            rows.append(cells)
            row_tops.append(row.bbox[1])
        x0, top, x1, bottom = table.bbox
        tables.append(PageTable(rows, row_tops, x0, top, x1, bottom))
    return tables


def inside(char: Char, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    h = (char.x0 + char.x1) / 2
    v = (char.top + char.bottom) / 2
    return x0 <= h < x1 and top <= v < bottom


class CharIndex:
    """A page's visible characters ordered by their vertical centre, so a cell looks only at its own band
    of the page instead of every character (the reader's largest cost on pages full of tables)."""

    def __init__(self, chars: list[Char]) -> None:
        visible = sorted((c for c in chars if c.text.strip()), key=lambda c: (c.top + c.bottom) / 2)
        self.chars = visible
        self.centres = [(c.top + c.bottom) / 2 for c in visible]

    def within(self, box: tuple[float, float, float, float]) -> list[Char]:
        x0, top, x1, bottom = box
        first, last = bisect.bisect_left(self.centres, top), bisect.bisect_left(self.centres, bottom)
        return [c for c in self.chars[first:last] if x0 <= (c.x0 + c.x1) / 2 < x1]


def _cell_text(index: CharIndex, bbox: tuple[float, float, float, float]) -> str:
    """The characters inside the cell, line by line; wrapped lines are joined without a break."""
    inner = sorted(index.within(bbox), key=lambda c: (c.top, c.x0))
    lines: list[list[Char]] = []
    for char in inner:
        centre = (char.top + char.bottom) / 2
        if lines:
            last = lines[-1][0]
            if abs((last.top + last.bottom) / 2 - centre) < max(char.size, 1) * 0.5:
                lines[-1].append(char)
                continue
        lines.append([char])
    texts = ["".join(c.text for c in sorted(line, key=lambda c: c.x0)) for line in lines]
    joined = ""
    for text in texts:
        if joined and joined[-1].isascii() and joined[-1].isalpha() and text[:1].isascii() and text[:1].isalpha():
            joined += " "
        joined += text
    return tidy(joined)
