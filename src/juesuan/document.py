"""The Document: what every reader produces, whatever the format.

A Document is an ordered list of blocks (heading, paragraph, table, image placeholder) and the text
they make when joined. Every block, table row and cell knows its character span in that text, and
the document maps any span back to where it came from: the 1-based source line for text-like inputs,
the 1-based page for PDF.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from juesuan.limits import check_document_size, check_table_size, limits
from juesuan.text.normalize import normalize

# Pinyin a converter left after a character ("政務(wù)"): residue, not text. It is taken out of the text
# (so "結(jié)余" reads as one word) and remembered, so the checker can report where it stood.
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（]([a-zü]{0,6}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,6})[)）]")


class Location(BaseModel):
    """Where a piece of text, a figure or a finding is: the 1-based source line (text-like inputs), the
    1-based page (PDF), the character offsets into the document's text. The JSON shape of design.md."""

    model_config = ConfigDict(frozen=True)

    line: int | None
    page: int | None
    start: int
    end: int

    def as_json(self) -> dict[str, int | None]:
        return {"line": self.line, "page": self.page, "start": self.start, "end": self.end}


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    TABLE = "table"
    IMAGE = "image"


@dataclass(slots=True)
class Cell:
    text: str
    start: int = 0
    end: int = 0
    colspan: int = 1
    rowspan: int = 1
    line: int | None = None  # the source line the cell starts on, when it has its own (tab-separated text)


@dataclass(slots=True)
class Row:
    cells: list[Cell]
    start: int = 0
    end: int = 0

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass(slots=True)
class Block:
    kind: BlockKind
    text: str
    location: Location
    level: int | None = None  # heading level, when the source says it (Word styles, Markdown, HTML)
    rows: list[Row] = field(default_factory=list)  # tables only
    title: str | None = None  # a table's own title row, or an image's alt text

    @property
    def is_table(self) -> bool:
        return self.kind is BlockKind.TABLE

    def grid(self) -> list[list[str]]:
        """The table as a rectangular grid, merged cells repeated over every position they cover."""
        width = max((sum(c.colspan for c in r.cells) for r in self.rows), default=0)
        grid: list[list[str | None]] = [[None] * width for _ in self.rows]
        for i, row in enumerate(self.rows):
            j = 0
            for cell in row.cells:
                while j < width and grid[i][j] is not None:
                    j += 1
                for di in range(cell.rowspan):
                    for dj in range(cell.colspan):
                        if i + di < len(grid) and j + dj < width:
                            grid[i + di][j + dj] = cell.text
                j += cell.colspan
        return [[c if c is not None else "" for c in r] for r in grid]


@dataclass(frozen=True, slots=True)
class Anchor:
    """From `offset` on, the document text comes from source `line` (and `page`)."""

    offset: int
    line: int | None
    page: int | None


@dataclass(frozen=True, slots=True)
class Residue:
    """Characters a reader took out of the text: where they stood (source line/page, text offset)."""

    text: str
    offset: int
    line: int | None
    page: int | None


@dataclass(slots=True)
class Document:
    source: Path
    format: str
    text: str
    blocks: list[Block]
    anchors: list[Anchor]
    pages: int | None = None
    ocr_pages: list[int] = field(default_factory=list)
    residue: list[Residue] = field(default_factory=list)  # pinyin annotations taken out of the text
    _normalized: str | None = None
    _offsets: list[int] = field(default_factory=list)

    @property
    def normalized(self) -> str:
        """The text with full-width digits, letters and punctuation mapped one-to-one to ASCII."""
        if self._normalized is None:
            self._normalized = normalize(self.text)
        return self._normalized

    def locate(self, start: int, end: int | None = None) -> Location:
        """The Location of the text span [start, end)."""
        end = start if end is None else end
        first = self._anchor_at(start)
        return Location(
            line=first.line if first else None,
            page=first.page if first else None,
            start=start,
            end=end,
        )

    def _anchor_at(self, offset: int) -> Anchor | None:
        if not self._offsets:
            self._offsets = [a.offset for a in self.anchors]
        i = bisect.bisect_right(self._offsets, offset) - 1
        return self.anchors[i] if i >= 0 else None

    @property
    def tables(self) -> list[Block]:
        return [b for b in self.blocks if b.is_table]


class DocumentBuilder:
    """Assembles blocks into a Document, keeping offsets and anchors consistent.

    Readers call `add_*` in document order, saying for each piece of text which source line and page
    it came from; the builder joins blocks with newlines and records the anchors.
    """

    def __init__(self, source: Path, fmt: str) -> None:
        self.source = source
        self.format = fmt
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[Block] = []
        self.anchors: list[Anchor] = []
        self.pages: int | None = None
        self.ocr_pages: list[int] = []
        self.residue: list[Residue] = []

    def _clean(self, text: str, offset: int, line: int | None, page: int | None) -> str:
        """`text` without pinyin residue; each removal is recorded at its offset in the document."""
        if "(" not in text and "（" not in text:
            return text
        removed = 0
        for m in _PINYIN.finditer(text):
            self.residue.append(Residue(m.group(0), offset + m.start() - removed, line, page))
            removed += len(m.group(0))
        return _PINYIN.sub("", text) if removed else text

    def _append(self, text: str, line: int | None, page: int | None) -> tuple[int, int]:
        check_document_size(self.source, self._length + len(text), len(self.blocks))  # refuse before it grows
        if self._parts:
            self._parts.append("\n")
            self._length += 1
        start = self._length
        if not self.anchors or self.anchors[-1].line != line or self.anchors[-1].page != page:
            self.anchors.append(Anchor(start, line, page))
        text = self._clean(text, start, line, page)
        self._parts.append(text)
        self._length += len(text)
        return start, self._length

    def _append_pieces(self, pieces: list[tuple[str, int | None, int | None]]) -> tuple[int, int]:
        """Appends one block made of pieces from several source lines or pages, joined directly."""
        check_document_size(self.source, self._length + sum(len(p[0]) for p in pieces), len(self.blocks))
        if self._parts:
            self._parts.append("\n")
            self._length += 1
        start = self._length
        for text, line, page in pieces:
            if not self.anchors or self.anchors[-1].line != line or self.anchors[-1].page != page:
                self.anchors.append(Anchor(self._length, line, page))
            text = self._clean(text, self._length, line, page)
            self._parts.append(text)
            self._length += len(text)
        return start, self._length

    def add_text(
        self,
        kind: BlockKind,
        pieces: list[tuple[str, int | None, int | None]],
        level: int | None = None,
    ) -> Block | None:
        """A heading or paragraph from pieces of (text, source line, page); empty text is skipped."""
        if not "".join(p[0] for p in pieces).strip():
            return None
        start, end = self._append_pieces(pieces)
        first = pieces[0]
        loc = Location(line=first[1], page=first[2], start=start, end=end)
        block = Block(kind, "".join(self._parts[-len(pieces):]), loc, level=level)
        self.blocks.append(block)
        return block

    def add_image(self, alt: str, line: int | None, page: int | None) -> Block:
        text = f"[图片{('：' + alt) if alt else ''}]"
        start, end = self._append(text, line, page)
        block = Block(BlockKind.IMAGE, text, Location(line=line, page=page, start=start, end=end), title=alt or None)
        self.blocks.append(block)
        return block

    def add_table(
        self,
        rows: list[tuple[list[Cell], int | None, int | None]],
        title: str | None = None,
    ) -> Block | None:
        """A table from rows of (cells, source line, page); each row becomes one line of text."""
        rows = [r for r in rows if r[0]]
        if not rows:
            return None
        widest = limits().table_columns
        for i, (cells, _, _) in enumerate(rows):  # spans as declared may be absurd: bound them before any grid
            for cell in cells:
                cell.colspan = min(max(cell.colspan, 1), widest)
                cell.rowspan = min(max(cell.rowspan, 1), len(rows) - i)
        check_table_size(self.source, len(rows), max(sum(c.colspan for c in r[0]) for r in rows))
        if title is None and len(rows) > 1 and len(rows[0][0]) == 1:
            # A first row that is one cell across the table is the table's title (项目评价得分表).
            width = max(sum(c.colspan for c in r[0]) for r in rows[1:])
            if width > 1 and rows[0][0][0].colspan >= width:
                title = rows[0][0][0].text
        if self._parts:
            self._parts.append("\n")
            self._length += 1
        start = self._length
        built: list[Row] = []
        pieces: list[str] = []  # this table's text, so the block need not re-join the whole document
        for i, (cells, line, page) in enumerate(rows):
            check_document_size(self.source, self._length + sum(len(c.text) for c in cells), len(self.blocks) + i)
            if i:
                pieces.append("\n")
                self._parts.append("\n")
                self._length += 1
            if not self.anchors or self.anchors[-1].line != line or self.anchors[-1].page != page:
                self.anchors.append(Anchor(self._length, line, page))
            row_start = self._length
            for j, cell in enumerate(cells):
                if j:
                    pieces.append("\t")
                    self._parts.append("\t")
                    self._length += 1
                cell.start = self._length
                if cell.line is not None and self.anchors[-1].line != cell.line:
                    self.anchors.append(Anchor(self._length, cell.line, page))
                cell.text = self._clean(cell.text, self._length, cell.line or line, page)
                if cell.line is not None:  # a cell of several source lines, one after another: each has its line
                    for n, m in enumerate(re.finditer("\n", cell.text), start=1):
                        self.anchors.append(Anchor(self._length + m.end(), cell.line + n, page))
                pieces.append(cell.text)
                self._parts.append(cell.text)
                self._length += len(cell.text)
                cell.end = self._length
            built.append(Row(cells, row_start, self._length))
        end = self._length
        loc = Location(line=rows[0][1], page=rows[0][2], start=start, end=end)
        block = Block(BlockKind.TABLE, "".join(pieces), loc, rows=built, title=title)
        self.blocks.append(block)
        return block

    def build(self) -> Document:
        return Document(
            source=self.source,
            format=self.format,
            text="".join(self._parts),
            blocks=self.blocks,
            anchors=self.anchors,
            pages=self.pages,
            ocr_pages=self.ocr_pages,
            residue=self.residue,
        )
