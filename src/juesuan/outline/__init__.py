"""The outline of a report: parts and sections recognised by what they are, and its metadata."""

from __future__ import annotations

from juesuan.document import Document
from juesuan.outline.builder import OutlineBuilder
from juesuan.outline.fragment import start_cut, truncation
from juesuan.outline.metadata import read_meta
from juesuan.outline.sections import Outline, ReportMeta, Section, TableInfo

__all__ = ["Outline", "ReportMeta", "Section", "TableInfo", "build_outline"]


def build_outline(document: Document) -> Outline:
    builder = OutlineBuilder(document)
    sections = builder.build()
    return Outline(read_meta(document, sections, builder.contents), sections, builder.contents,
                   truncation(document, sections, builder.contents), start_cut(document))
