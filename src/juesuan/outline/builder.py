"""Finding the outline of a report in its Document.

Walks the blocks once, keeping the part, item and subsection it is in. A heading is recognised by
what its title says (catalogue.py), in the context of the part it is in: "一、单位概况" inside an annex
is not the report's overview, "一、财政拨款收入：…" inside the glossary is not a section. Numbers
may be missing or wrong, parts may be unnumbered ("名词解释" alone), items may come in any order,
and a table of contents is skipped.
"""

from __future__ import annotations

import re

from juesuan.document import Block, BlockKind, Document, Location
from juesuan.outline.catalogue import (
    ITEMS,
    OVERVIEW,
    PARTS,
    STANDALONE_SUBSECTIONS,
    SUBSECTIONS,
    TABLES,
    match,
    title_key,
)
from juesuan.outline.contents import TITLE_TAIL, find_contents
from juesuan.outline.sections import Section, TableInfo
from juesuan.text.headings import ITEM, NUM, PART, SUB, UNIT_OR_PERIOD_LINE, Numbering, chinese_number, numbering

MAX_TITLE = 40  # a "title" longer than this is a sentence that happens to start with a number
_CHART = re.compile(r"^[（(]?\s*图\s*(\d{1,2})\s*[:：.、]?\s*(.*?)[）)]?\s*$")
_ANNEX = re.compile(r"^附件\s*([0-9一二三四五六七八九十]{1,3})\s*[:：.、]?\s*(.*)$")
_UNNUMBERED_PARTS = {"名词解释", "附件", "附表", "部门概况", "单位概况", "概况"}
_UNNUMBERED_PART_TITLE = re.compile(r"20\d{2}年度?(部门|单位)决算(表|情况说明|的说明)$")
_REPORT_TITLE = re.compile(r"(评价|自评|评估)(自评)?报告(范本)?$")


class OutlineBuilder:
    def __init__(self, document: Document) -> None:
        self.doc = document
        self.text = document.normalized
        self.roots: list[Section] = []
        self.part: Section | None = None
        self.item: Section | None = None
        self.sub: Section | None = None
        self.annex: Section | None = None
        self.consumed: set[int] = set()  # blocks already used as part of an annex title
        self.implicit_part: Section | None = None  # a part opened by "一、单位基本情况" where reports have no 第N部分
        self.contents_blocks, self.contents = find_contents(document)

    def build(self) -> list[Section]:
        for index, block in enumerate(self.doc.blocks):
            if index in self.contents_blocks:
                continue
            if block.kind is BlockKind.TABLE:
                self._table(index, block)
                continue
            if block.kind is BlockKind.IMAGE:
                continue
            line = self._first_line(block)
            if not line or index in self.consumed:
                continue
            self._text(index, block, line)
        return self.roots

    # --- helpers -------------------------------------------------------------------------------

    def _first_line(self, block: Block) -> str:
        """The block's first line, normalised (for matching)."""
        text = self.text[block.location.start : block.location.end]
        return text.split("\n", 1)[0].strip()

    def _as_written(self, block: Block, normalised: str) -> str:
        """The same characters as `normalised` (a slice of the block's text), as the report writes them."""
        start = self.text.find(normalised, block.location.start, block.location.end)
        return self.doc.text[start : start + len(normalised)] if start >= 0 else normalised

    def _section(self, kind: str, block: Block, index: int, heading: str, level: int,
                 number: int | None = None) -> Section:
        """A Section titled as the report writes it, located at its title."""
        return Section(kind, self._as_written(block, heading), level, self._title_location(block, heading), index,
                       number=number)

    def _title_location(self, block: Block, title: str) -> Location:
        start = block.location.start
        text = self.text[start : block.location.end]
        offset = text.find(title) if title else -1
        if offset < 0:
            return self.doc.locate(start, start + len(text.split("\n", 1)[0]))
        return self.doc.locate(start + offset, start + offset + len(title))

    def _heading_text(self, block: Block, n: Numbering | None, line: str) -> str:
        """The heading as written: the numbering and title, without run-in text."""
        if n is None:
            return line.rstrip("。.：:")
        return (line[: n.prefix_length] + n.title).strip()

    def _add(self, parent: Section | None, section: Section) -> Section:
        (parent.children if parent else self.roots).append(section)
        return section

    def _deepest(self) -> Section | None:
        if self.part is not None and self.part.kind == "annexes":
            return self.annex or self.part
        return self.sub or self.item or self.part

    # --- text blocks ---------------------------------------------------------------------------

    def _text(self, index: int, block: Block, line: str) -> None:
        n = numbering(line)
        if (m := _CHART.match(line)) and len(line) <= 50:
            self._chart(index, block, m)
            return
        if (m := _ANNEX.match(line)) and len(line) <= 60 and self._annexes_allowed():
            self._annex(index, block, m)
            return
        if n is None and len(line) <= 40 and _REPORT_TITLE.search(line) and self._report_allowed():
            self._report(index, block, line)
            return
        if n is not None and n.level == PART and len(n.title) <= 60:
            self._part(index, block, n, line)
            return
        key = title_key(line.rstrip("。.：:"))
        bare = re.sub(r"\s", "", line)
        if n is None and (key in _UNNUMBERED_PARTS or (len(bare) <= 40 and _UNNUMBERED_PART_TITLE.search(bare))):
            self._part(index, block, None, line)
            return
        if self._item_as_part(n):
            self._part(index, block, n, line)
            self.implicit_part = self.part
            return
        if self.part is None and n is not None and n.level == ITEM and len(n.title) <= MAX_TITLE and (
            match(OVERVIEW, n.title) and not match(ITEMS, n.title)
        ):
            # the body opens with "一、主要职能" and no part heading: an overview without its title
            location = self.doc.locate(block.location.start, block.location.start)
            self.part = self.implicit_part = self._add(None, Section("overview", "", 1, location, index))
        part = self.part.kind if self.part else None
        if part in ("glossary", "annexes"):
            return  # numbered lines there are entries and annex headings, not report sections
        if part in ("tables", "statements"):
            self._table_entry(index, block, n, line)
            return
        if part == "overview":
            self._overview(index, block, n, line)
            return
        self._explanation(index, block, n, line)

    def _annexes_allowed(self) -> bool:
        return self.part is None or self.part.kind in ("annexes", "explanation", "glossary")

    def _report_allowed(self) -> bool:
        return self.part is None or self.part.kind in ("annexes", "glossary")

    def _numbered_part(self) -> bool:
        """The current part was opened by a heading numbered 一、: its items are numbered （一）."""
        part = self.part
        return part is not None and part is self.implicit_part and part.number is not None

    def _item_as_part(self, n: Numbering | None) -> bool:
        """"一、单位基本情况" / "二、单位决算情况说明": the parts of reports without 第N部分 headings."""
        if n is None or n.level != ITEM or len(n.title) > MAX_TITLE:
            return False
        if self.part is not None and self.part is not self.implicit_part:
            return False
        kind = match(PARTS, n.title)
        if kind == "statements":  # "二、2022年度部门决算表", not one table ("一、…“三公”经费支出决算表")
            return match(TABLES, n.title) is None
        return kind in ("overview", "explanation", "glossary") and match(ITEMS, n.title) in (None, "overview")

    def _part(self, index: int, block: Block, n: Numbering | None, line: str) -> None:
        title = n.title if n else line
        heading = self._heading_text(block, n, line)
        if n is not None and n.level == PART and not n.title and (follower := self._title_after(index)):
            title = follower
            heading = f"{heading} {follower}"
        elif n is not None and n.level == PART and n.title and (tail := self._tail_after(index, title)):
            title, heading = title + tail, heading + tail  # "第三部分 XX街道办事处 2025 年度" / "部门决算情况说明"
        kind = match(PARTS, title) or "part"
        self.part = self._add(None, self._section(kind, block, index, heading, 1, n.number if n else None))
        self.item = self.sub = self.annex = None

    def _tail_after(self, index: int, title: str) -> str | None:
        """The end of a part's title fallen to the next line ("…2024 年度部门决算情况" / "说明"): taken when the title
        with it is one the catalogue knows, of the kind the title alone had if any; the block is used up."""
        if index + 1 >= len(self.doc.blocks) or self.doc.blocks[index + 1].kind is BlockKind.TABLE:
            return None
        tail = self._first_line(self.doc.blocks[index + 1])
        if not tail or len(tail) > 20 or numbering(tail) is not None or re.search(r"[。；;，,]", tail):
            return None
        alone, joined = match(PARTS, title), match(PARTS, title + tail)
        if joined is None or (alone is not None and (alone != joined or not TITLE_TAIL.fullmatch(tail))):
            return None
        self.consumed.add(index + 1)
        return tail

    def _title_after(self, index: int) -> str | None:
        """The title of a part whose heading stands alone ("第一部分" / "单位概况", or over two lines:
        "第一部分" / "XX镇人民政府" / "单位概况"); the title blocks are used up."""
        pieces: list[str] = []
        for j in range(index + 1, min(index + 3, len(self.doc.blocks))):
            if self.doc.blocks[j].kind is BlockKind.TABLE:
                break
            title = self._first_line(self.doc.blocks[j])
            if not title or len(title) > 40 or numbering(title) is not None or re.search(r"[。；;，,]", title):
                break
            pieces.append(title)
            self.consumed.add(j)
            if match(PARTS, title):
                break
        return " ".join(pieces) or None

    def _overview(self, index: int, block: Block, n: Numbering | None, line: str) -> None:
        if (self.part is self.implicit_part and n is not None and n.level == ITEM and len(n.title) <= MAX_TITLE
                and match(ITEMS, n.title) not in (None, "overview")):
            self.part = None  # an unnumbered overview ends where the explanation's items begin
            self._explanation(index, block, n, line)
            return
        if n is not None and n.level in (ITEM, SUB) and len(n.title) <= MAX_TITLE:
            kind = match(OVERVIEW, n.title)
            if kind is None:
                return
            heading = self._heading_text(block, n, line)
            if n.level == ITEM or self.item is None or self._numbered_part():
                self.item = self._add(self.part, self._section(kind, block, index, heading, 2, n.number))
                self.sub = None
            else:
                self.sub = self._add(self.item, self._section(kind, block, index, heading, 3, n.number))
        elif n is None and len(line) <= 12 and (kind := match(OVERVIEW, line)):
            heading = line.rstrip("。.：:")
            self.item = self._add(self.part, self._section(kind, block, index, heading, 2))
            self.sub = None

    def _explanation(self, index: int, block: Block, n: Numbering | None, line: str) -> None:
        if n is not None and n.level in (ITEM, SUB) and len(n.title) <= MAX_TITLE and n.title.endswith("表") and (
            match(TABLES, n.title)
        ):
            self._table_entry(index, block, n, line)
            return
        if n is not None and n.level == ITEM and len(n.title) <= MAX_TITLE:
            kind = match(ITEMS, n.title)
            if kind is None and (other := match(SUBSECTIONS["other_matters"], n.title)) in STANDALONE_SUBSECTIONS:
                kind = other  # Gansu, Yunnan, Xinjiang: 八、机关运行经费支出情况说明 as an item of its own
            if kind is not None:
                self._item(index, block, kind, n, line)
            return
        if n is not None and n.level == SUB and len(n.title) <= MAX_TITLE:
            if (self.item is None or self._numbered_part()) and (kind := match(ITEMS, n.title)):
                self._item(index, block, kind, n, line)  # items numbered （一） where parts are numbered 一、
                return
            self._subsection(index, block, n.title, n, line)
            return
        if (n is not None and n.level == NUM and len(n.title) <= 10 and self.item is not None
                and self.item.kind == "income_expenditure_overview"):
            self._subsection(index, block, n.title, n, line)  # Chongqing: "2.收入情况。2023年度收入合计…"
            return
        if n is None and len(line) <= 30 and not re.search(r"\d", line):
            title = line.rstrip("。.：:")
            kind = match(ITEMS, title)
            if re.search(r"[，,。；;]", title):
                return  # a short sentence, not a title
            if kind is not None and title.endswith(("说明", "情况")):
                self._item(index, block, kind, None, line)
            else:
                self._subsection(index, block, title, None, line)

    def _item(self, index: int, block: Block, kind: str, n: Numbering | None, line: str) -> None:
        heading = self._heading_text(block, n, line)
        self.item = self._add(self.part, self._section(kind, block, index, heading, 2, n.number if n else None))
        self.sub = None

    def _subsection(self, index: int, block: Block, title: str, n: Numbering | None, line: str) -> None:
        kind = None
        if self.item is not None:
            kind = match(SUBSECTIONS.get(self.item.kind, []), title)
        if kind is None:
            standalone = match(SUBSECTIONS["other_matters"], title)
            if standalone in STANDALONE_SUBSECTIONS:
                kind = standalone
        if kind is None:
            return
        heading = self._heading_text(block, n, line)
        parent = self.item or self.part
        level = parent.level + 1 if parent else 3
        self.sub = self._add(parent, self._section(kind, block, index, heading, level, n.number if n else None))

    def _chart(self, index: int, block: Block, m: re.Match[str]) -> None:
        parent = self._deepest()
        line = self._first_line(block)
        level = parent.level + 1 if parent else 2
        self._add(parent, self._section("chart", block, index, line, level, int(m.group(1))))

    def _annex(self, index: int, block: Block, m: re.Match[str] | None) -> None:
        """附件N, or an evaluation report's title where the annexes carry no 附件N."""
        if self.part is None or self.part.kind != "annexes":
            self._open_implicit_annexes(index, block)
        line = self._first_line(block)
        title_parts = [line]
        # The annex's own title follows on the next short lines ("中共…办公室" / "2020年…评价报告").
        for j in range(index + 1, min(index + 4, len(self.doc.blocks))):
            follower = self.doc.blocks[j]
            if m is None or follower.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):
                break
            text = self._first_line(follower)
            if len(text) > 40 or numbering(text) is not None or _ANNEX.match(text):
                break
            title_parts.append(text)
            self.consumed.add(j)
        number = chinese_number(m.group(1)) if m else None
        section = self._section("annex", block, index, line, 2, number)
        section.title = " ".join([section.title, *title_parts[1:]])
        self.annex = self._add(self.part, section)

    def _report(self, index: int, block: Block, line: str) -> None:
        if self.part is not None and self.part.kind == "annexes" and self.annex is not None and (
            self.annex.number is not None
        ):
            parent = self.annex  # one more report inside the same annex
            section = self._section("evaluation_report", block, index, line, parent.level + 1)
            previous = self.doc.blocks[index - 1] if index else None
            if previous is not None and previous.kind is BlockKind.PARAGRAPH:
                head = previous.text.strip()
                if len(head) <= 20 and not head.endswith(("。", "；", "：", ".", ";", ":")):
                    section.title = head + section.title  # a title broken over two lines
            self._add(parent, section)
            return
        self._annex(index, block, None)

    def _open_implicit_annexes(self, index: int, block: Block) -> None:
        """Annexes without a 第四部分 附件 heading: the part starts here, with no title of its own."""
        location = self.doc.locate(block.location.start, block.location.start)
        self.part = self._add(None, Section("annexes", "", 1, location, index))
        self.item = self.sub = self.annex = None

    # --- tables --------------------------------------------------------------------------------

    def _table_entry(self, index: int, block: Block, n: Numbering | None, line: str) -> None:
        """A line of the list of attached tables, or the title of a table that follows it."""
        title = n.title if n is not None else line
        kind = match(TABLES, title)
        if kind is None or len(title) > 60:
            return
        if self._next_table(index) is not None:
            return  # the table itself will carry the section
        heading = self._heading_text(block, n, line)
        self._add(self.part, self._section(kind, block, index, heading, 2, n.number if n else None))

    def _next_table(self, index: int) -> int | None:
        """The table right after a title paragraph (a unit line such as 单位：万元 may stand between)."""
        for j in range(index + 1, min(index + 4, len(self.doc.blocks))):
            block = self.doc.blocks[j]
            if block.kind is BlockKind.TABLE:
                return j
            if not UNIT_OR_PERIOD_LINE.match(self._first_line(block)):
                return None
        return None

    def _title_before(self, index: int) -> tuple[int, str] | None:
        for j in range(index - 1, max(index - 4, -1), -1):
            block = self.doc.blocks[j]
            if block.kind is BlockKind.TABLE:
                return None
            line = self._first_line(block)
            if UNIT_OR_PERIOD_LINE.match(line):
                continue
            n = numbering(line)
            title = n.title if n is not None else line
            if len(title) <= 60 and match(TABLES, title):
                return j, line
            return None
        return None

    def _table(self, index: int, block: Block) -> None:
        candidates: list[tuple[int, str]] = []
        if found := self._title_before(index):
            candidates.append(found)
        if block.title:
            candidates.append((index, block.title))
        if block.rows and len(block.rows[0].cells) == 1:
            candidates.append((index, block.rows[0].cells[0].text))
        matched = [(j, t, k) for j, t in candidates if (k := match(TABLES, t))]
        if not matched:
            return
        title_block, title, kind = matched[0]
        pages = sorted({p for r in block.rows for p in [self.doc.locate(r.start).page] if p is not None})
        info = TableInfo(index, len(block.rows), len(block.grid()[0]) if block.rows else 0, pages)
        parent = self.part if self.part is not None and self.part.kind in ("tables", "statements") else (
            self._deepest()
        )
        source = self.doc.blocks[title_block]
        first_line = title.split("\n")[0]
        heading = m.group(1) if (m := re.match(r"^(.*?表)", first_line)) else first_line  # without "(2020年度)"
        section = self._section(kind, source, title_block, heading, parent.level + 1 if parent else 2)
        section.table = info
        self._add(parent, section)
