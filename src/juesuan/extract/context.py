"""What every section extractor needs: the document, its outline, section texts, the prior year."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from juesuan.document import Document
from juesuan.extract.mentions import Mention, mentions_of
from juesuan.extract.sections import SectionIndex, Sentence
from juesuan.outline import Outline


@dataclass(slots=True)
class Context:
    document: Document
    outline: Outline
    index: SectionIndex
    prior_year: int | None

    @classmethod
    def of(cls, document: Document, outline: Outline) -> Context:
        year = outline.meta.year
        return cls(document, outline, SectionIndex(document, outline), year - 1 if year else None)

    def mentions(self, sentences: Iterable[Sentence]) -> list[Mention]:
        return mentions_of(self.document, sentences, self.prior_year)
