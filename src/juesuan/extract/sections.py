"""The text of a section of the outline, as paragraphs and sentences with document offsets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from juesuan.document import Block, BlockKind, Document
from juesuan.outline import Outline, Section

_SENTENCE_END = re.compile(r"[。；;！？!?]")


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

    def _end(self, section: Section) -> int:
        """The block where the section ends: the next section at its level or above."""
        after = False
        for other in self.order:
            if other is section:
                after = True
                continue
            if after and other.level <= section.level and other.block > section.block:
                return other.block
        return len(self.document.blocks)

    def text(self, section: Section, include_heading: bool = True) -> SectionText:
        first = section.block if include_heading else section.block + 1
        end = self._end(section)
        return SectionText(self.document, [(i, self.document.blocks[i]) for i in range(first, end)])

    def of_kind(self, kind: str) -> list[SectionText]:
        return [self.text(s) for s in self.outline.find(kind)]

    def first(self, kind: str) -> Section | None:
        found = self.outline.find(kind)
        return found[0] if found else None
