"""Helpers for the rules that read the report's text."""

from __future__ import annotations

from collections.abc import Iterator

from juesuan.document import BlockKind, Location
from juesuan.rules.base import CheckContext


def paragraphs(ctx: CheckContext) -> Iterator[tuple[int, str]]:
    """(start offset, normalised text) of every paragraph and heading."""
    for block in ctx.document.blocks:
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING):
            yield block.location.start, ctx.document.normalized[block.location.start : block.location.end]


_TARGET_HEADER = ("预期", "目标值", "年度指标值", "计划值", "指标值(包含")


def cells(ctx: CheckContext, targets: bool = True) -> Iterator[tuple[int, str]]:
    """(start offset, normalised text) of every table cell; with `targets=False`, not the cells of a goal
    table's target column (预期指标值): what a table says was done, not what was planned. That column is
    counted from the right, as rows may lead with empty cells."""
    for table in ctx.document.tables:
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
                    yield cell.start, ctx.document.normalized[cell.start : cell.end]


def loc(ctx: CheckContext, start: int, end: int) -> Location:
    return ctx.document.locate(start, end)
