"""One file's reading, built once: its Document, Outline, section texts and Disclosure.

Extraction fills the Disclosure from an Analysis; every rule reads the same Analysis. What rules need
from extraction (figures in a sentence, a span's location, every figure flattened with its path, the
paragraphs and table cells) is offered here, so they never reach into extract's modules.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from juesuan.document import BlockKind, Document, Location
from juesuan.extract.annexes import annex_spans, body_amounts
from juesuan.extract.mentions import Mention, mentions_of
from juesuan.extract.numbers import Found, find_figures, make_figure
from juesuan.extract.section_text import SectionIndex, Sentence
from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import Figure
from juesuan.model.flatten import flatten
from juesuan.outline import Outline, Section

__all__ = ["Analysis", "Found", "SectionIndex", "Sentence", "compared_year"]

_COMPARED_YEAR = re.compile(r"(?:与|比|较)\s*(\d{4})\s*年")
# A goal table's target column (预期指标值): what was planned, not what a table says was done.
_TARGET_HEADER = ("预期", "目标值", "年度指标值", "计划值", "指标值(包含")


@dataclass(slots=True)
class Analysis:
    document: Document
    outline: Outline
    index: SectionIndex
    prior_year: int | None  # the year the report compares against: one notion, for extraction and rules
    disclosure: Disclosure = field(init=False)  # filled by extract() from this analysis
    _figures: list[tuple[str, Figure]] | None = field(default=None, init=False)

    @classmethod
    def begin(cls, document: Document, outline: Outline) -> Analysis:
        """An analysis before extraction: document, outline and section index, each built once."""
        return cls(document, outline, SectionIndex(document, outline), compared_year(document, outline.meta.year))

    @property
    def year(self) -> int | None:
        return self.outline.meta.year

    @property
    def figures(self) -> list[tuple[str, Figure]]:
        """Every figure of the Disclosure with its path in the model, flattened once."""
        if self._figures is None:
            self._figures = list(flatten(self.disclosure))
        return self._figures

    def locate(self, start: int, end: int) -> Location:
        return self.document.locate(start, end)

    def annex_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, title) of each annex (an evaluation report, a 自评表 …) in the document."""
        return annex_spans(self)

    def annex_restatements(self) -> list[tuple[Figure, list[Figure]]]:
        """Each amount an annex restates, with the body's statements of the quantity it names."""
        if not self.disclosure.annexes:
            return []
        names = body_amounts(self.disclosure, annex_spans(self))
        return [(r.figure, names.get(r.name, [])) for r in self.disclosure.annexes]

    def figures_in(self, text: str) -> list[Found]:
        """The figures of a normalised text, offsets relative to it."""
        return find_figures(text)

    def figure(self, start: int, found: Found, sentence: str = "") -> Figure:
        """A model Figure for one found in the text that starts at document offset `start`."""
        return make_figure(self.document, start, found, sentence)

    def mentions(self, sentences: Iterable[Sentence]) -> list[Mention]:
        return mentions_of(self.document, sentences, self.prior_year)

    def section_paragraphs(self, section: Section, include_heading: bool = True) -> list[tuple[int, str]]:
        """(start offset, normalised text) of the paragraphs of one outline section."""
        text = self.index.text(section, include_heading=include_heading)
        return [(b.location.start, self.document.normalized[b.location.start : b.location.end])
                for _, b in text.paragraphs()]

    def paragraphs(self) -> Iterator[tuple[int, str]]:
        """(start offset, normalised text) of every paragraph and heading."""
        for block in self.document.blocks:
            if block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING):
                yield block.location.start, self.document.normalized[block.location.start : block.location.end]

    def cells(self, targets: bool = True) -> Iterator[tuple[int, str]]:
        """(start offset, normalised text) of every table cell; with `targets=False`, not the cells of a goal
        table's target column: that column is counted from the right, as rows may lead with empty cells."""
        for table in self.document.tables:
            target: int | None = None  # position from the right
            for row in table.rows:
                if not targets:
                    texts = [c.text.replace(" ", "") for c in row.cells]
                    header = [i for i, t in enumerate(texts) if t.startswith(_TARGET_HEADER) and "实际" not in t]
                    if header:
                        target = len(texts) - header[0]
                        continue
                for i, cell in enumerate(row.cells):
                    if target is not None and len(row.cells) - i == target:
                        continue
                    if cell.end > cell.start:
                        yield cell.start, self.document.normalized[cell.start : cell.end]


def compared_year(document: Document, year: int | None) -> int | None:
    """The year the report compares against: the one most often named in 与XXXX年相比, the report's year
    less one when that is named at all or nothing is. "与2020年度预算相比" in a 2020 report compares with the
    budget, not with a year: only earlier years count."""
    years = Counter(int(y) for y in _COMPARED_YEAR.findall(document.normalized) if not year or int(y) < year)
    if year:
        expected = year - 1
        if not years or years.most_common(1)[0][0] == expected or expected in years:
            return expected
    return years.most_common(1)[0][0] if years else None
