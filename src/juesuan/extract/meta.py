"""Report metadata and the 二级预算单位: how many the report says there are, and which it lists."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from juesuan.extract.mentions import parse_sentence
from juesuan.model.disclosure import Meta
from juesuan.model.figures import Text
from juesuan.text.headings import NUM, numbering

if TYPE_CHECKING:
    from juesuan.analysis import Analysis

_LIST = re.compile(r"(?:具体为|分别为|包括|包括：)[:：]?(?P<list>[^。；;]+)")
_SUB_UNIT_COUNT = re.compile(r"(二级预算单位|非独立核算单位|预算单位|下属单位|单位)")


def extract_meta(ctx: Analysis) -> Meta:
    outline_meta = ctx.outline.meta
    meta = Meta(organisation=outline_meta.organisation, year=outline_meta.year, kind=outline_meta.kind,
                layout=outline_meta.layout)
    meta.prior_year = ctx.prior_year
    doc = ctx.document
    for text in ctx.index.of_kind("organisation"):
        for sentence in text.sentences():
            for mention in parse_sentence(doc, sentence, ctx.prior_year):
                if mention.figure.unit == "个" and _SUB_UNIT_COUNT.search(mention.key) and not meta.sub_units_stated:
                    meta.sub_units_stated.append(mention.figure)
            if (m := _LIST.search(sentence.norm)) and not meta.sub_units_listed:
                a = sentence.start + m.start("list")
                for piece in re.finditer(r"[^、，,]+", m.group("list")):
                    name = doc.text[a + piece.start() : a + piece.end()].strip()
                    if 2 <= len(name) <= 30 and not re.search(r"\d", name):
                        meta.sub_units_listed.append(Text(text=name, location=doc.locate(a + piece.start(),
                                                                                     a + piece.end())))
        for _, block in text.paragraphs():  # "1.市委办公室（本级）" as a numbered list
            norm = doc.normalized[block.location.start : block.location.end]
            n = numbering(norm)
            listed = {t.text for t in meta.sub_units_listed}
            if (n is not None and n.level == NUM and n.is_bare and len(n.title) <= 30
                    and block.text[n.prefix_length :].strip() not in listed):
                a = block.location.start + n.prefix_length
                meta.sub_units_listed.append(Text(text=doc.text[a : block.location.end].strip(),
                                                  location=doc.locate(a, block.location.end)))
        for _, table in text.tables():  # the Shanghai 单位名称 table
            header = [c.text for c in table.rows[0].cells] if table.rows else []
            if "单位名称" in header:
                column = header.index("单位名称")
                for row in table.rows[1:]:
                    if column < len(row.cells) and row.cells[column].text.strip():
                        cell = row.cells[column]
                        meta.sub_units_listed.append(Text(text=cell.text, location=doc.locate(cell.start, cell.end)))
    return meta
