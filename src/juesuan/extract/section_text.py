"""The text of a section of the outline, as paragraphs and sentences with document offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from juesuan.document import Block, BlockKind, Document
from juesuan.outline import Outline, Section

_SENTENCE_END = re.compile(r"[。；;！？!?]")

# Paragraphs outside every recognised section still state figures: each is given to the section kind
# its first sentence is about, so a figure with a recognisable label is found wherever it stands.
# The more specific come first ("财政拨款收入支出总计" before "收入支出总计").
LOOSE: list[tuple[str, re.Pattern[str]]] = [
    ("fiscal_appropriation_overview", re.compile(r"财政拨款收[入、,]?\s*(?:[和及与]?\s*支出?)?总计|财政拨款收入支出决算总")),
    ("three_public", re.compile(r"三公|因公出国|公务接待|公务用车")),
    ("admin_operating_cost", re.compile(r"机关运行经费")),
    ("procurement", re.compile(r"政府采购")),
    ("general_budget_basic", re.compile(r"人员经费|公用经费")),
    ("general_budget_overall", re.compile(r"一般公共预算财政拨款支出")),
    ("income_expenditure_overview", re.compile(r"收入总计|支出总计|收[、,]?\s*支总计|总收入|总支出")),
    ("income", re.compile(r"收入合计|本年收入|财政拨款收入|事业收入|经营收入|其他收入|上级补助收入|附属单位上缴收入|非财政拨款结余"
                          r"|(?:上年|年初)结转和?结余")),
    ("expenditure", re.compile(r"本年支出合计|支出合计|本年支出|基本支出")),
    ("state_assets", re.compile(r"车辆|国有资产")),
]
# Sections whose text is not the explanation's: figures there are not filed by content.
_NOT_EXPLANATION = {"overview", "functions_and_work", "functions", "key_work", "organisation", "glossary", "annexes",
                    "annex", "evaluation_report", "tables", "statements"}
_FIGURE = re.compile(r"\d\s*(万|元|%)")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its original text, its normalised text and where it starts in the document."""

    text: str
    norm: str
    start: int


@dataclass(slots=True)
class SectionText:
    document: Document
    blocks: list[tuple[int, Block]]

    def paragraphs(self) -> Iterator[tuple[int, Block]]:
        for index, block in self.blocks:
            if block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING):
                yield index, block

    def tables(self) -> Iterator[tuple[int, Block]]:
        for index, block in self.blocks:
            if block.is_table:
                yield index, block

    def sentences(self) -> Iterator[Sentence]:
        for _, block in self.paragraphs():
            yield from split_sentences(self.document, block.location.start, block.location.end)


def split_sentences(document: Document, start: int, end: int) -> Iterator[Sentence]:
    """Sentences of document.text[start:end], each ending with its full stop or semicolon."""
    norm = document.normalized
    position = start
    for m in _SENTENCE_END.finditer(norm, start, end):
        if norm[position : m.end()].strip():
            yield Sentence(document.text[position : m.end()], norm[position : m.end()], position)
        position = m.end()
    if norm[position:end].strip():
        yield Sentence(document.text[position:end], norm[position:end], position)


class SectionIndex:
    """Finds the blocks of each kind of section in a document."""

    def __init__(self, document: Document, outline: Outline) -> None:
        self.document = document
        self.outline = outline
        self.order = sorted(outline.walk(), key=lambda s: (s.block, s.level))
        self._loose: dict[str, SectionText] | None = None
        self._ends: dict[int, int] | None = None

    def _end(self, section: Section) -> int:
        """The block where the section ends: the next section at its level or above."""
        if self._ends is None:
            # One sweep in document order: a section ends where the first later one at its level or above
            # begins (in a later block). Open sections wait on a stack.
            self._ends = {}
            waiting: list[Section] = []
            for other in self.order:
                still: list[Section] = []
                for open_section in waiting:
                    if other.level <= open_section.level and other.block > open_section.block:
                        self._ends[id(open_section)] = other.block
                    else:
                        still.append(open_section)
                waiting = [*still, other]
        return self._ends.get(id(section), len(self.document.blocks))

    def text(self, section: Section, include_heading: bool = True) -> SectionText:
        first = section.block if include_heading else section.block + 1
        end = self._end(section)
        return SectionText(self.document, [(i, self.document.blocks[i]) for i in range(first, end)])

    def of_kind(self, kind: str) -> list[SectionText]:
        """The text of every section of this kind; where the outline has none, the loose paragraphs about it."""
        found = self.outline.find(kind)
        if found:
            return [self.text(s) for s in found]
        loose = self.loose().get(kind)
        return [loose] if loose is not None else []

    def loose(self) -> dict[str, SectionText]:
        """Paragraphs outside every recognised explanation section, by the kind their first sentence is about."""
        if self._loose is None:
            claimed: set[int] = set()
            for section in self.order:
                if section.level > 1 or section.kind in _NOT_EXPLANATION:
                    claimed.update(range(section.block, self._end(section)))
            contents = {e.block for e in self.outline.contents}
            self._loose = {}
            for index, block in enumerate(self.document.blocks):
                if index in claimed or index in contents or block.kind is not BlockKind.PARAGRAPH:
                    continue
                norm = self.document.normalized[block.location.start : block.location.end]
                if not _FIGURE.search(norm):
                    continue
                first = _SENTENCE_END.split(norm, 1)[0]
                kind = next((k for k, pattern in LOOSE if pattern.search(first)), None)
                if kind is not None:
                    self._loose.setdefault(kind, SectionText(self.document, [])).blocks.append((index, block))
        return self._loose

    def first(self, kind: str) -> Section | None:
        found = self.outline.find(kind)
        return found[0] if found else None
