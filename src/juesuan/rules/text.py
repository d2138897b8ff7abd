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


def loc(ctx: CheckContext, start: int, end: int) -> Loc:
    return loc_of(ctx.document, start, end)
