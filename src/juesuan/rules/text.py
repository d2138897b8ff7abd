"""Helpers for the rules that read the report's text."""

from __future__ import annotations

from collections.abc import Iterator

from juesuan.document import BlockKind
from juesuan.extract.mentions import loc_of
from juesuan.model.figures import Loc
from juesuan.rules.base import CheckContext


def paragraphs(ctx: CheckContext) -> Iterator[tuple[int, str]]:
    """(start offset, normalised text) of every paragraph and heading."""
    for block in ctx.document.blocks:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING):
            yield block.location.start, ctx.document.normalized[block.location.start : block.location.end]


def cells(ctx: CheckContext) -> Iterator[tuple[int, str]]:
    """(start offset, normalised text) of every table cell."""
    for table in ctx.document.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.end > cell.start:
                    yield cell.start, ctx.document.normalized[cell.start : cell.end]


def loc(ctx: CheckContext, start: int, end: int) -> Loc:
    return loc_of(ctx.document, start, end)
