"""名词解释 entries and the list of attached tables (附表)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from juesuan.model.disclosure import GlossaryEntry
from juesuan.model.figures import Text
from juesuan.text.headings import ITEM, NUM, numbering

if TYPE_CHECKING:
    from juesuan.analysis import Analysis


def extract_glossary(ctx: Analysis) -> list[GlossaryEntry]:
    doc = ctx.document
    entries: list[GlossaryEntry] = []
    for text in ctx.index.of_kind("glossary"):
        for _, block in text.paragraphs():
            norm = doc.normalized[block.location.start : block.location.end]
            n = numbering(norm)
            if n is None or n.level not in (NUM, ITEM) or ":" not in norm[: n.prefix_length + len(n.title) + 2]:
                continue
            start = block.location.start
            term_start = start + n.prefix_length
            definition_start = term_start + len(n.title) + 1
            entries.append(GlossaryEntry(
                number=n.number,
                term=doc.text[term_start : term_start + len(n.title)].strip(),
                definition=doc.text[definition_start : block.location.end].strip(),
                location=doc.locate(start, block.location.end),
            ))
    return entries


def extract_attached_tables(ctx: Analysis) -> list[Text]:
    doc = ctx.document
    listed: list[Text] = []
    for part in ctx.outline.find("tables"):
        for child in part.children:
            loc = child.location
            listed.append(Text(text=child.title, location=doc.locate(loc.start, loc.end)))
    return listed
