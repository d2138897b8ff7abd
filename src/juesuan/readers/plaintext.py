"""Plain text and Markdown, including the Word-export artefacts of the Sichuan seeds.

Word exported to text leaves `[bookmark: …]` markers (dropped), `[image: …]` markers (image
placeholders; lines of chart labels after them belong to the image) and tables as tab-indented lines,
one cell a line, with blank lines between rows. A line without a tab right after a cell line
continues that cell. A table copied out of Word, Excel or a PDF is one row a line, its cells separated by tabs
(empty cells kept: "\t\t九、卫生健康支出\t265.57").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path

from juesuan.document import BlockKind, Cell, Document, DocumentBuilder
from juesuan.limits import check_raw_text
from juesuan.readers.encoding import decode
from juesuan.text.headings import is_heading_line, numbering, starts_paragraph

# Markers are short: bounded, so an unclosed "[bookmark:" repeated over a long line is still linear.
_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]{0,300}\]")
_IMAGE = re.compile(r"\[image:([^\]\n]{0,500})\]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_HEADING_MAX = 500  # a longer "heading" is not one; matching it could backtrack quadratically
_TABLE_TITLE = re.compile(r"^.{2,40}表$")
# Where a heading starts inside a line whose line breaks were lost (a PDF copied as one long line).
_RUN_IN_HEADING = re.compile(
    r"(?<=\s)(?=第[一二三四五六七八九十\d]{1,3}部分|[一二三四五六七八九十]{1,3}、|表\s?\d{1,2}\s?[:：]"
    r"|[（(][一二三四五六七八九十]{1,3}[）)]|[(（]?目\s?录[)）]?\s)"
)
_LOST_BREAKS_MIN = 150  # a line this long with three headings or more inside is many lines run together
# A web table copied one cell a line, "30.8 |": a short cell and one bar at its end.
_BAR_CELL = re.compile(r"^\s*(?:[^|\t]{1,40}\s)?\|\s*$")  # "|" alone: an empty cell
_BAR_NUMBER = re.compile(r"^(?:-?[\d,]+(?:\.\d+)?%?|[-—/／]|)$")  # a number, a dash or nothing for none
_BAR_RUN_MAX = 2000  # cells of one such table looked at
_HEADING_THEN_TEXT = re.compile(r"^(.{2,40}?[\u4e00-\u9fff）)])\s+(?=[\u4e00-\u9fff].{40})")


def _is_table_rule(line: str) -> bool:
    """A Markdown table's rule line ("|---|:---:|"): only bars, colons, dashes and spaces, a run of three dashes.
    Tested character by character: a pattern for it backtracks quadratically on a long line of spaces."""
    stripped = line.strip()
    return 3 <= len(stripped) <= 5000 and "---" in stripped and not set(stripped) - set("|:- \t")


_FIGURE_BROKEN = re.compile(r"(?:\d|\d\s?万)\|[万元辆个人次%％亿台套件名项批]")


def _is_tsv_row(line: str) -> bool:
    """A row of a table copied one row a line: two cells with text, a tab between them."""
    return "\t" in line.strip("\t \r")


_SENTENCE_END = ("。", "；", ";", "：", ":", "！", "？", "!", "?")


def wrap_width(lines: list[str]) -> int | None:
    """The width of a hard-wrapped text (a PDF copied line by line), or None when lines are paragraphs.

    Wrapped lines end mid-sentence and have nearly the same length; lists of headings (a table of
    contents) end without punctuation too, but are numbered and of every length."""
    filled = [t for line in lines if len(t := line.strip()) >= 12 and "\t" not in line]  # table rows aside
    open_ended = sorted(display_width(t) for t in filled if not t.endswith(_SENTENCE_END) and numbering(t) is None)
    if len(open_ended) < 5 or len(open_ended) * 5 < len(filled) * 2:
        return None
    width = open_ended[len(open_ended) // 2]
    if sum(1 for n in open_ended if abs(n - width) <= 6) * 5 < len(open_ended) * 3:
        return None
    return width


def display_width(text: str) -> int:
    """Columns a line takes on the page: a Chinese character two, a digit or space one."""
    return sum(2 if ord(c) >= 0x2E80 else 1 for c in text)


# PDF text of a two-column contents page: "目 第一部分 录 XX概况 …" is "目录 第一部分 XX概况 …".
_SPLIT_CONTENTS_TITLE = re.compile(r"目\s+(第[一二三四五六七八九十]{1,2}部分)\s+录\s")


def split_run_together(line: str) -> list[str]:
    """A line whose line breaks were lost, cut before each heading (and after a heading's title)."""
    if len(line) < _LOST_BREAKS_MIN:
        return [line]
    line = _SPLIT_CONTENTS_TITLE.sub(lambda m: f"目录 {m.group(1)} ", line, count=1)
    cuts = [m.start() for m in _RUN_IN_HEADING.finditer(line)]
    if len(cuts) < 3:
        return [line]
    pieces: list[str] = []
    for start, end in zip([0, *cuts], [*cuts, len(line)], strict=True):
        piece = line[start:end].strip()
        if (m := _HEADING_THEN_TEXT.match(piece[:2000])) and numbering(piece) is not None:
            pieces += [m.group(1), piece[m.end():]]
        elif piece:
            pieces.append(piece)
    return pieces


def read_text(path: Path) -> Document:
    text = decode(path.read_bytes(), path)
    check_raw_text(path, text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    markdown = path.suffix.lower() in (".md", ".markdown")
    builder = DocumentBuilder(path, "markdown" if markdown else "text")
    _LineReader(builder, lines, markdown).run()
    return builder.build()


class _LineReader:
    def __init__(self, builder: DocumentBuilder, lines: list[str], markdown: bool) -> None:
        self.b = builder
        # Bookmarks go first, so a heading inside one is seen as a heading.
        self.lines = [_BOOKMARK.sub("", line) for line in lines]
        self.markdown = markdown
        self.i = 0
        self.wrap = None if markdown else wrap_width(self.lines)
        self.not_a_table_to = 0  # the run of " |" lines looked at and found no table: not looked at again line by line

    def run(self) -> None:
        n = len(self.lines)
        while self.i < n:
            line = self.lines[self.i]
            lineno = self.i + 1
            if _is_tsv_row(line):
                self._tsv_table()
            elif line.startswith("\t"):
                self._tab_table()
            elif self.markdown and line.lstrip().startswith("|") and self._md_table_ahead():
                self._md_table()
            elif self.i >= self.not_a_table_to and _BAR_CELL.match(line) and (rows := self._bar_rows()) is not None:
                self._bar_table(rows)
            elif _IMAGE.search(line):
                self._image(line, lineno)
            elif self.wrap is not None and self._continues(self.i):
                self._wrapped()
            else:
                self._paragraph(line, lineno)
                self.i += 1

    def _continues(self, i: int) -> bool:
        """Line i is wrapped: it fills the width, ends mid-sentence, and the next line goes on with it."""
        line, after = self.lines[i].strip(), self.lines[i + 1].strip() if i + 1 < len(self.lines) else ""
        if self.wrap is not None and _FIGURE_BROKEN.search(line[-8:] + "|" + after[:2]):
            return True  # "离退休干部用车 0" / "辆、其他用车 4 辆": a figure and its unit are one line's
        return (self.wrap is not None and display_width(line) >= self.wrap - 8 and not line.endswith(_SENTENCE_END)
                and bool(after) and not starts_paragraph(after) and not is_heading_line(line)
                and not self.lines[i + 1].startswith("\t") and not _IMAGE.search(after)
                and not line.endswith("表") and not (len(after) <= 30 and after.endswith("表")))  # tables' titles

    def _wrapped(self) -> None:
        """One paragraph from a line and the lines it wraps onto, each piece keeping its source line."""
        pieces = [(self.lines[self.i].strip(), self.i + 1, None)]
        while self._continues(self.i):
            self.i += 1
            pieces.append((self.lines[self.i].strip(), self.i + 1, None))
        self.i += 1
        self.b.add_text(BlockKind.PARAGRAPH, pieces)

    def _paragraph(self, line: str, lineno: int) -> None:
        stripped = line.strip()
        if not stripped:
            return
        lead = len(line) - len(line.lstrip())
        if self.markdown and len(stripped) <= _MD_HEADING_MAX and (m := _MD_HEADING.match(stripped)):
            level = len(m.group(1))
            offset = lead + m.start(2)
            self.b.add_text(BlockKind.HEADING, [(line[offset : offset + len(m.group(2))], lineno, None)], level)
            return
        for piece in split_run_together(stripped):
            kind, level = BlockKind.PARAGRAPH, None
            if is_heading_line(piece):
                kind = BlockKind.HEADING
                level = numbering(piece).level  # type: ignore[union-attr]
            self.b.add_text(kind, [(piece, lineno, None)], level)

    def _image(self, line: str, lineno: int) -> None:
        m = _IMAGE.search(line)
        assert m is not None
        before, after = line[: m.start()].strip(), line[m.end() :].strip()
        if before:
            self._paragraph(before, lineno)
        self.i += 1
        if after and _CJK.search(after):  # real text after the marker is a paragraph, not a label
            self.b.add_image(m.group(1).strip(), lineno, None)
            self._paragraph(after, lineno)
            return
        # Chart labels exported after the marker (numbers, garbled OCR, no Chinese) belong to the image.
        labels = [after] if after else []
        while (self.i < len(self.lines) and not self.lines[self.i].startswith("\t")
               and not _CJK.search(self.lines[self.i]) and not _IMAGE.search(self.lines[self.i])):
            labels.append(self.lines[self.i].strip())
            self.i += 1
        self.b.add_image(" ".join(x for x in [m.group(1).strip(), *labels] if x), lineno, None)

    def _tab_table(self) -> None:
        """Rows of tab-indented cells; blank lines separate rows; a lone `…表` cell starts a new table."""
        rows: list[tuple[list[Cell], int | None, int | None]] = []
        title: str | None = None
        n = len(self.lines)
        while self.i < n and self.lines[self.i].startswith("\t"):
            row_line = self.i + 1
            cells: list[Cell] = []
            while self.i < n and self.lines[self.i].startswith("\t"):
                parts = [self.lines[self.i][1:].strip()]
                cell_line = self.i + 1
                self.i += 1
                while self.i < n and self.lines[self.i].strip() and not self.lines[self.i].startswith("\t"):
                    parts.append(self.lines[self.i].strip())
                    self.i += 1
                # (a cell whose tab line is empty starts on the next line)
                cells.append(Cell("\n".join(p for p in parts if p), line=cell_line + (not parts[0] and len(parts) > 1)))
            if len(cells) == 1 and _TABLE_TITLE.match(cells[0].text.split("\n")[0]) and rows:
                self.i = row_line - 1  # a new table starts here
                break
            if not rows and len(cells) == 1:
                title = cells[0].text
            rows.append((cells, row_line, None))
            j = self.i
            while j < n and self.lines[j] == "":
                j += 1
            if j < n and self.lines[j].startswith("\t"):
                self.i = j
            else:
                break
        if title is not None and len(rows) > 1:
            width = max(len(r[0]) for r in rows[1:])
            rows[0][0][0].colspan = max(width, 1)
        else:
            title = None
        self.b.add_table(rows, title=title)

    def _tsv_table(self) -> None:
        """Rows one a line, cells split at tabs; the table goes on while lines hold a tab (a row of one cell, its
        others empty, is "\t\t十二、农林水支出")."""
        rows: list[tuple[list[Cell], int | None, int | None]] = []
        while self.i < len(self.lines) and "\t" in self.lines[self.i] and self.lines[self.i].strip():
            cells = self.lines[self.i].rstrip("\t \r").split("\t")
            rows.append(([Cell(c.strip(), line=self.i + 1) for c in cells], self.i + 1, None))
            self.i += 1
        self.b.add_table(rows)

    def _bar_rows(self) -> list[list[int]] | None:
        """A table copied from a web page one cell a line, each cell ending in " |" (a label, then its numbers):
        the lines of each row, when the run of cells splits into rows of one width, each opening with a label."""
        end = self.i
        while end < len(self.lines) and end - self.i < _BAR_RUN_MAX and _BAR_CELL.match(self.lines[end]):
            end += 1
        self.not_a_table_to = end  # unless it is a table, its lines are read as text
        cells = [self.lines[k].strip()[:-1].strip() for k in range(self.i, end)]
        labels = [k for k, c in enumerate(cells) if not _BAR_NUMBER.match(c)]
        gaps = Counter(b - a for a, b in itertools.pairwise(labels) if b - a > 1)
        if len(cells) < 6 or not gaps:
            return None
        width = gaps.most_common(1)[0][0]
        if len(cells) % width and labels[-1] == len(cells) - len(cells) % width:
            cells = cells[: labels[-1]]  # the text is cut inside the last row: that row stays text
            labels = labels[:-1]
        if len(cells) % width or not all(k % width == 0 for k in labels[width:]) or len(cells) // width < 3:
            return None  # not one width, or a label inside a row of numbers: leave the lines as text
        first = labels[width] if len(labels) > width else len(cells)
        if first != width or any(_BAR_NUMBER.match(c) for c in cells[:width]):
            return None  # the first row is the header, all labels
        return [list(range(self.i + r, self.i + r + width)) for r in range(0, len(cells), width)]

    def _bar_table(self, rows: list[list[int]]) -> None:
        self.b.add_table([([Cell(self.lines[k].strip()[:-1].strip(), line=k + 1) for k in row], row[0] + 1, None)
                          for row in rows])
        self.i = rows[-1][-1] + 1

    def _md_table_ahead(self) -> bool:
        return self.i + 1 < len(self.lines) and _is_table_rule(self.lines[self.i + 1])

    def _md_table(self) -> None:
        rows: list[tuple[list[Cell], int | None, int | None]] = []
        while self.i < len(self.lines) and self.lines[self.i].lstrip().startswith("|"):
            line = self.lines[self.i]
            if not _is_table_rule(line):
                cells = [Cell(c.strip()) for c in line.strip().strip("|").split("|")]
                rows.append((cells, self.i + 1, None))
            self.i += 1
        self.b.add_table(rows)
