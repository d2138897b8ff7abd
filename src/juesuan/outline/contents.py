"""Telling a table of contents from the body.

A table of contents is a run of headings with nothing between them: it may be titled 目录 or not,
carry page numbers, dot leaders or Word's PAGEREF field residue, or none of these. The body is told
from it by what follows a heading: a contents entry is followed by another entry, a body heading by
its text, and the body usually begins where the first entry comes again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from juesuan.document import BlockKind, Document, Location
from juesuan.outline.catalogue import ITEMS, OVERVIEW, PARTS, SUBSECTIONS, TABLES, match, title_key
from juesuan.text.headings import PART, numbering

CONTENTS_TITLE = re.compile(r"^[(（]?目\s*[录錄次][)）]?$|^(决算)?公开目录$")
_PAGEREF = re.compile(r"\s*PAGEREF\s*_?Toc\d*.*$", re.IGNORECASE)
_LEADER = re.compile(r"(?<!\s)\s*(?:…{2,}|[.·．\-—_]{3,})\s*\d{0,4}\s*$")
_PAGE_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff）)》”\"])\s+\d{1,3}$")
_TABLE_ENTRY = re.compile(r"^(表\s*[0-9一二三四五六七八九十]{1,3}\s*[:：、.]|《[^》]{2,40}》$|[^，。；,;]{2,40}表$)")
_FIGURE = re.compile(r"\d\s*(万元|元|%)")
_MAX_ENTRY = 70
_FILLER = 24  # a short line between the 目录 title and its entries (a date, a page header)


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    """A line of the table of contents: its title without the page number, and the page it names."""

    title: str
    level: int  # 1 part, 2 item, 3 subsection, 4 other
    kind: str | None
    page: int | None
    location: Location
    block: int

    def as_json(self) -> dict[str, object]:
        return {"title": self.title, "level": self.level, "kind": self.kind, "page": self.page,
                "location": self.location.as_json()}


def strip_page(line: str) -> tuple[str, int | None, bool]:
    """The entry without its page reference, the page number, and whether a reference was there."""
    for pattern in (_PAGEREF, _LEADER):
        if m := pattern.search(line):
            digits = re.findall(r"\d+", m.group(0))
            page = int(digits[-1]) if digits and pattern is _LEADER else None
            if pattern is _PAGEREF and (tail := re.search(r"\s(\d{1,3})\s*$", m.group(0))):
                page = int(tail.group(1))
            return line[: m.start()].rstrip(), page, True
    if (m := _PAGE_NUMBER.search(line)) and not re.search(r"(20\d{2}|年|附件|表|图)\s*\d{1,3}$", line):
        return line[: m.start()].rstrip(), int(m.group(0)), True
    return line, None, False


def entry_level(line: str) -> int | None:
    """The level of a line that can be a contents entry or a bare heading; None for body text."""
    if len(line) > _MAX_ENTRY or _FIGURE.search(line):
        return None
    n = numbering(line)
    if line.endswith(("。", "；", ";")) and (n is None or not n.is_bare):
        return None
    if n is not None:
        if len(n.title) > 50 or not n.is_bare:
            return None
        if line.endswith(("。", "；", ";")) and len(n.title) > 20 and not _known(title_key(n.title)):
            return None  # "6．负责与…的联系和服务工作。": a sentence of a list, not a heading
        return min(n.level, 4)
    if _TABLE_ENTRY.match(line):
        return 4
    key = title_key(line)
    if len(key) <= 30 and _known(key):
        return 2
    return None


def _known(key: str) -> bool:
    """A title the catalogue knows: a part, an item, a table, the overview, one of the other matters."""
    return bool(match(PARTS, key) or match(ITEMS, key) or match(TABLES, key) or match(OVERVIEW, key)
                or match(SUBSECTIONS["other_matters"], key))


def entry_kind(title: str, level: int) -> str | None:
    n = numbering(title)
    bare = n.title if n is not None else title
    if level == PART:
        return match(PARTS, bare)
    return match(ITEMS, bare) or match(TABLES, bare) or match(OVERVIEW, bare)


class _Line:
    __slots__ = ("block", "joined", "key", "level", "marked", "page", "text")

    def __init__(self, block: int, text: str) -> None:
        self.block = block
        self.joined: list[int] = []  # blocks of a title broken over lines, joined into this one
        # Only a line short enough to be an entry can carry its page number (and the patterns stay cheap).
        self.text, self.page, self.marked = strip_page(text) if len(text) <= 2 * _MAX_ENTRY else (text, None, False)
        self.level = entry_level(self.text)
        self.key = title_key(self.text)

    def set_page(self, at: int, page: int) -> None:
        """The line ends in its page number after all (from `at`): the entry is the text before it."""
        self.text, self.page, self.marked = self.text[:at].rstrip(), page, True
        self.level = entry_level(self.text)
        if self.level is None and (n := numbering(self.text)) is not None and len(self.text) <= 40:
            self.level = min(n.level, 4)  # "(一)预算编制情况。15": a heading, its full stop and all
        self.key = title_key(self.text)

    @property
    def is_body_text(self) -> bool:
        """Text of the body: a sentence, or longer than a title."""
        return self.level is None and (len(self.text) > 40 or bool(re.search(r"[。；;，,]", self.text)))

    def extend(self, rest: _Line) -> None:
        """The end of this entry's title, broken onto the next line ("…“三公”经费支出决算" / "表")."""
        self.text = f"{self.text}{rest.text}"
        self.key = title_key(self.text)
        self.joined.append(rest.block)

    def join(self, title: _Line) -> None:
        """A part heading whose title stands on the next line ("第一部分" / "单位概况")."""
        self.text = f"{self.text} {title.text}"
        self.key = title_key(self.text)
        self.joined.append(title.block)


def is_bare_part(line: str) -> bool:
    n = numbering(line)
    return n is not None and n.level == PART and not n.title


def find_contents(document: Document) -> tuple[set[int], list[ContentsEntry]]:
    """The blocks that make the table of contents, and its entries in order."""
    text = document.normalized
    lines: list[_Line | None] = []
    for i, block in enumerate(document.blocks):
        if block.kind in (BlockKind.TABLE, BlockKind.IMAGE):
            lines.append(None)
            continue
        first = text[block.location.start : block.location.end].split("\n", 1)[0].strip()
        lines.append(_Line(i, first) if first else None)
    _glued_pages(lines)
    lines = [line if line is None or line.text or not line.marked else None for line in lines]
    for i, line in enumerate(lines[:-1]):
        if line is None or not is_bare_part(line.text):
            continue
        # "第一部分" / "XX镇人民政府" / "单位概况": the title may take two more lines
        following = [j for j in range(i + 1, min(i + 6, len(lines))) if lines[j] is not None][:2]
        for j in following:
            title = lines[j]
            assert title is not None
            if title.level is None and (len(title.text) > 30 or title.is_body_text):
                break
            line.join(title)
            lines[j] = None
            if title.level is not None:
                break
    last_block: dict[str, int] = {}  # where each heading's title stands last: does it come again later?
    for line in lines:
        if line is not None and line.level is not None:
            last_block[line.key] = line.block

    blocks: set[int] = set()
    entries: list[ContentsEntry] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        titled = line is not None and CONTENTS_TITLE.match(line.key) is not None
        if line is None or (line.level is None and not titled):
            i += 1
            continue
        run, end = _run(lines, i + 1 if titled else i, titled)
        if run and _is_contents(run, titled, last_block):
            run = _without_body(run, lines, end, last_block)
            end = min(end, run[-1].block + 1) if run else end
        elif not titled:
            run = []
        if titled:
            blocks.add(i)
        for entry in run:
            blocks.add(entry.block)
            blocks.update(entry.joined)
            block = document.blocks[entry.block]
            start = block.location.start
            location = document.locate(start, start + len(entry.text))
            title = entry.text if entry.joined else document.text[start : start + len(entry.text)]
            entries.append(ContentsEntry(title, entry.level or 4,
                                         entry_kind(entry.text, entry.level or 4), entry.page, location,
                                         entry.block))
        i = max(end, i + 1)
    return blocks, entries


# "第一部分部门概况3", "(三)年末结转和结余情况10": a page number written right after the title, with no space or
# leader. Taken as one only in a run of such lines whose numbers never go down (a title may end in a digit).
_GLUED_PAGE = re.compile(r"(?<=[\u4e00-\u9fff）)。])(\d{1,3})$")
_GLUED_RUN = 4
# the end of a title, fallen to a line of its own (in the contents, and a part's heading in the body)
TITLE_TAIL = re.compile(r"(?:部门|单位)?(?:决算)?(?:情况)?说明|(?:部门|单位)?(?:决算)?表|情况")
_ALONE_PAGE = re.compile(r"\d{1,3}")


def _glued_pages(lines: list[_Line | None]) -> None:
    present = [line for line in lines if line is not None]
    i = 0
    while i < len(present):
        run: list[tuple[_Line, int, int]] = []  # the line, where its page number begins, the page
        alone_pages: list[tuple[_Line, _Line]] = []  # an entry and the line that holds only its page
        last, j = 0, i
        while j < min(len(present), i + 400):
            line = present[j]
            m = _GLUED_PAGE.search(line.text) if not line.marked else None
            if m is not None and int(m.group(1)) >= last and (run or numbering(line.text) is not None):
                last = int(m.group(1))
                run.append((line, m.start(), last))
                j += 1
                continue
            alone = present[j + 1] if j + 1 < len(present) else None
            if (run and m is None and line.level is not None and alone is not None
                    and _ALONE_PAGE.fullmatch(alone.text) and int(alone.text) >= last):
                # "八、…情况说明" / "8": the page number fell to a line of its own
                last = int(alone.text)
                run.append((line, len(line.text), last))
                alone_pages.append((line, alone))
                j += 2
                continue
            break
        if len(run) >= _GLUED_RUN:
            for line, at, page in run:
                line.set_page(at, page)
            for line, alone in alone_pages:
                line.joined.append(alone.block)
                alone.text, alone.marked = "", True  # taken out of the lines below
        i = max(j, i + 1)


def _is_entry_next(lines: list[_Line | None], j: int) -> bool:
    """The line after lines[j] is another contents entry: lines[j], the same as the entry before it, is that
    entry written twice ("第二部分:…部门决算报表" twice, then "表一:收入支出决算总表"), not the body's first heading."""
    following = next((line for line in lines[j + 1 : j + 4] if line is not None), None)
    return following is not None and following.level is not None and following.key not in {
        line.key for line in lines[max(0, j - 200) : j] if line is not None}


def _run(lines: list[_Line | None], start: int, titled: bool) -> tuple[list[_Line], int]:
    """Consecutive entry lines from `start`; the run stops before body text or where an entry comes again."""
    run: list[_Line] = []
    seen: set[str] = set()
    j = start
    while j < len(lines):
        line = lines[j]
        if line is None:
            j += 1
            continue
        if (run and TITLE_TAIL.fullmatch(line.text) and not run[-1].marked and numbering(run[-1].text) is not None
                and _known(title_key(run[-1].text + line.text))):
            run[-1].extend(line)  # "五、一般公共预算财政拨款“三公”经费支出决算" / "情况说明"
            j += 1
            continue
        if line.level is None:
            if titled and not run and len(line.text) <= _FILLER:
                j += 1  # a date or page header between 目录 and the first entry
                continue
            if (titled and run and len(line.text) <= 8 and not line.is_body_text and not run[-1].marked
                    and not CONTENTS_TITLE.match(line.key)):
                run[-1].extend(line)  # the end of an entry broken over two lines ("…支出情" / "况说明")
                j += 1
                continue
            break
        if (run and line.key in seen and (line.key == run[0].key or line.level == PART)
                and not (line.key == run[-1].key and _is_entry_next(lines, j))):
            break  # the first entry (or a part) again: the body begins here
        seen.add(line.key)
        run.append(line)
        j += 1
    return run, j


def _is_contents(run: list[_Line], titled: bool, last_block: dict[str, int]) -> bool:
    if titled:
        return True
    if len(run) >= 2 and sum(1 for e in run if e.marked) * 2 >= len(run):
        return True
    first = run[0]
    return len(run) >= 3 and last_block.get(first.key, -1) > run[-1].block


def _without_body(run: list[_Line], lines: list[_Line | None], end: int,
                  last_block: dict[str, int]) -> list[_Line]:
    """The run less the body headings at its end: where body text follows, the headings just above it
    (each above the next: a part, its item, its subsection) open the body, unless the contents go on."""
    follower = next((x for x in lines[end:] if x is not None), None)
    if follower is not None and follower.level is not None and sum(e.marked for e in run) * 2 >= len(run):
        # Entries with page numbers, then headings without: the body's first headings, not in the contents.
        keep = len(run)
        while keep > 0 and not run[keep - 1].marked:
            keep -= 1
        return run[:keep]
    if follower is None or not follower.is_body_text:
        return run  # the document ends in the contents, the body repeats an entry, or a cover follows
    keep = len(run)
    k = len(run) - 1
    while k >= 0 and not run[k].marked:
        keep = k
        if k == 0 or run[k - 1].level is None or run[k - 1].level >= (run[k].level or 4):  # type: ignore[operator]
            break
        k -= 1
    # A heading of the body is never an entry that comes again later.
    if any(last_block.get(e.key, -1) > run[-1].block for e in run[keep:]):
        return run
    # The body begins at the first of those headings that repeats an entry ("一、单位主要职责" again).
    seen = {e.key for e in run[:keep]}
    repeat = next((k for k in range(keep, len(run)) if run[k].key in seen), None)
    return run[:repeat] if repeat is not None else run[:keep]
