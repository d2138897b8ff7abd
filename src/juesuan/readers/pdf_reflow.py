"""Re-flowing PDF lines into paragraphs, and tables into the flow.

A PDF has lines, not paragraphs. A line begins a new paragraph when it is numbered (一、 （一） 1.),
is indented, follows a line that stopped short of the right margin, or comes after a wide gap; a
paragraph broken across pages is joined again. Wrapped lines are joined without a space, so a figure
split from its 万元 is whole again.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from juesuan.document import BlockKind, Cell, DocumentBuilder
from juesuan.readers.pdf_page import Line
from juesuan.readers.pdf_tables import PageTable
from juesuan.text.headings import PART, UNIT_OR_PERIOD_LINE, is_heading_line, numbering, starts_paragraph

_PAGE_NUMBER = re.compile(r"^[-—–\s]*(第\s*)?\d{1,4}\s*(页)?[-—–\s]*(/\s*\d+\s*页?)?$|^第\s*\d+\s*页.*共\s*\d+\s*页$")
_PARAGRAPH_END = ("。", "；", "！", "？", ";", "!", "?", "）", ")")
_DOT_LEADER = re.compile(r"(?<!\s)\s*[.·…．]{4,}\s*\d*\s*$")


@dataclass(slots=True)
class FlowTable:
    table: PageTable
    page: int

    @property
    def top(self) -> float:
        return self.table.top


FlowItem = Line | FlowTable


def drop_page_furniture(lines: list[Line], height: float) -> list[Line]:
    """Page numbers at the top or bottom margin are not text; dot leaders of a contents page neither."""
    kept: list[Line] = []
    for line in lines:
        in_margin = line.top > height * 0.9 or line.bottom < height * 0.08
        if in_margin and _PAGE_NUMBER.match(line.text):
            continue
        line.text = _DOT_LEADER.sub("", line.text)
        if line.text:
            kept.append(line)
    return kept


class Reflow:
    """Feeds pages of flow items, in order, into a DocumentBuilder."""

    def __init__(self, builder: DocumentBuilder) -> None:
        self.b = builder
        self.paragraph: list[Line] = []
        self.table: FlowTable | None = None  # the last table, while it may continue on the next page
        self.table_rows: list[tuple[list[Cell], int | None, int | None]] = []
        self.table_title: str | None = None
        self.last_title: str | None = None
        self.margins: dict[int, tuple[float, float]] = {}

    def page(self, items: list[FlowItem], width: float) -> None:
        lines = [i for i in items if isinstance(i, Line)]
        # A page with few lines (mostly a table) takes the margins of the pages of its width seen before.
        if len(lines) >= 3 or round(width) not in self.margins:
            self.margins[round(width)] = _margins(lines, width)
        left, right = self.margins[round(width)]
        first = True
        for item in items:
            if isinstance(item, FlowTable):
                self._flush_paragraph()
                continues = (
                    first
                    and self.table is not None
                    and item.table.width == self.table.table.width
                    and not _starts_with_title_row(item.table)
                )
                if not continues:
                    title = self.last_title
                    self._flush_table()
                    self.table_title = title
                self._add_table_rows(item, continues)
                self.table = item
            else:
                if self.table is not None:
                    self._flush_table()
                if self.paragraph and self._breaks(self.paragraph[-1], item, left, right, first):
                    self._flush_paragraph()
                self.paragraph.append(item)
            first = False
        # A paragraph that runs to the right margin at the bottom of a page may continue overleaf.
        if self.paragraph and _stops_short(self.paragraph[-1], right):
            self._flush_paragraph()

    def finish(self) -> None:
        self._flush_paragraph()
        self._flush_table()

    def _breaks(self, prev: Line, line: Line, left: float, right: float, first_on_page: bool) -> bool:
        size = max(line.size, 1.0)
        if starts_paragraph(line.text) or is_heading_line(line.text):
            return True
        prev_numbering = numbering(prev.text)
        if (prev_numbering is not None and prev_numbering.level == PART and len(line.text) <= 12
                and prev.x1 >= right - 2 * size and line.top - prev.top < 2.2 * size):
            return False  # a long part title wraps onto a short, centred second line
        if line.x0 > left + 1.5 * size:  # indented first line, or centred text
            return True
        if _stops_short(prev, right, line):
            return True
        if abs(line.size - prev.size) > 0.15 * size:
            return True
        return not first_on_page and line.top - prev.top > 2.4 * size

    def _flush_paragraph(self) -> None:
        if not self.paragraph:
            return
        pieces: list[tuple[str, int | None, int | None]] = []
        previous = ""
        for line in self.paragraph:
            text = line.text
            if previous and previous[-1].isascii() and previous[-1].isalnum() and text[0].isascii() and (
                text[0].isalpha() and previous[-1].isalpha()
            ):
                text = " " + text
            pieces.append((text, None, line.page))
            previous = text
        joined = "".join(p[0] for p in pieces)
        n = numbering(joined)
        heading = is_heading_line(joined)
        kind = BlockKind.HEADING if heading else BlockKind.PARAGRAPH
        self.b.add_text(kind, pieces, n.level if heading and n else None)
        # A table's title is the last short paragraph before it, unit and period lines aside.
        if len(joined) > 40:
            self.last_title = None
        elif not UNIT_OR_PERIOD_LINE.match(joined):
            self.last_title = joined
        self.paragraph = []

    def _add_table_rows(self, item: FlowTable, continues: bool) -> None:
        rows = item.table.rows
        if continues and rows and self.table_rows and _split_row(self.table_rows[-1][0], rows[0]):
            # A row broken by the page break: its second half joins the first.
            for cell, rest in zip(self.table_rows[-1][0], rows[0], strict=True):
                cell.text += rest.text
            rows = rows[1:]
        for cells in rows:
            self.table_rows.append((cells, None, item.page))

    def _flush_table(self) -> None:
        if self.table_rows:
            self.b.add_table(self.table_rows, title=self.table_title)
        self.table_rows = []
        self.table = None
        self.table_title = None
        self.last_title = None


# What cannot be split from the start of a line: opening brackets, then one character or one ASCII word
# (a number, a code), then closing punctuation; Chinese line breaking moves it whole to the next line.
# A number right after a closing bracket stays with it too ("（类）445.68" moves whole).
_LEADING_UNIT = re.compile(r"^[（(“‘《〈【\[]*(?:[A-Za-z0-9.,%:/_\-]+|.)(?:[）)”’》〉】\]：:，,。；;、！？!?%]+[0-9.,%]*)?")


def _stops_short(line: Line, right: float, following: Line | None = None) -> bool:
    """Whether `line` ends its paragraph by stopping short of the right margin.

    After a full stop, a gap of more than a character and a half ends the paragraph. Otherwise the
    line ended early only if the first word of the next line would have fitted in the gap (a long
    number or code is wrapped whole, leaving a wide gap); with no next line, a gap of four characters.
    """
    shortfall = right - line.x1
    size = max(line.size, 1.0)
    if shortfall > 1.5 * size and line.text.endswith(_PARAGRAPH_END):
        return True
    if following is None:
        return shortfall > 4 * size
    unit = _LEADING_UNIT.match(following.text)
    needed = sum(size if ord(ch) >= 0x2E80 else 0.6 * size for ch in (unit.group(0) if unit else "x"))
    return shortfall > needed + size


def _margins(lines: list[Line], width: float) -> tuple[float, float]:
    """The left and right text margins of a page, from where its lines start and end."""
    if len(lines) < 3:
        return width * 0.12, width * 0.88
    # The leftmost start that several lines share: on a page of short paragraphs the indented first lines
    # can outnumber the lines that start at the margin, so the most common start is not the margin.
    lefts = Counter(round(line.x0) for line in lines)
    common = [x for x, n in lefts.items() if n >= max(2, len(lines) // 10)]
    left = min(common) if common else statistics.mode(sorted(lefts.elements()))
    right = sorted(line.x1 for line in lines)[int(len(lines) * 0.9)]
    return float(left), right


def _starts_with_title_row(table: PageTable) -> bool:
    """A table whose first row is one cell across it starts with its title: it is a new table."""
    first = table.rows[0] if table.rows else []
    return len(table.rows) > 1 and len(first) == 1 and first[0].colspan >= table.width > 1


def _split_row(last: list[Cell], first: list[Cell]) -> bool:
    """Whether `first` (the top row on a new page) is the rest of `last` (the bottom row before it).

    Word lets a row break across pages. The second half has the same cells, and text only under
    cells of the first half that were cut mid-sentence.
    """
    if len(last) != len(first) or any(a.colspan != b.colspan for a, b in zip(last, first, strict=True)):
        return False

    def cut(text: str) -> bool:
        return len(text) >= 10 and not text.endswith((*_PARAGRAPH_END, "。", "”", "%"))

    pairs = list(zip(last, first, strict=True))
    return any(b.text for _, b in pairs) and all(not b.text or cut(a.text) for a, b in pairs)
