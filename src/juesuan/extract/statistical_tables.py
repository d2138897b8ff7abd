"""The statistical tables themselves, when the document has them (the Shanghai PDF): every row with
its classification code, name and every column as a number."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from juesuan.document import Row
from juesuan.extract.numbers import Found, make_figure, parse_number
from juesuan.model.disclosure import StatementTable, TableRow
from juesuan.model.figures import Figure, Text
from juesuan.outline import Section
from juesuan.outline.catalogue import TABLES

if TYPE_CHECKING:
    from juesuan.analysis import Analysis

_CODE_PART = re.compile(r"^\d{2,3}$|^[23]\d{2}(?:\d{2}){1,2}$")  # 类|款|项 in columns of their own, or whole
# The financial statements (not the goal, score or asset tables an evaluation report carries).
_STATEMENT_KINDS = {kind for kind, _ in TABLES} - {
    "table_procurement", "table_purchase_services", "table_state_assets", "table_project_goal", "table_score"}
_UNIT = re.compile(r"单位[:：]\s*(万元|元|亿元)")


def extract_statements(ctx: Analysis) -> list[StatementTable]:
    """The tables of the statements part; and a statement standing elsewhere under its own title (the table that
    opens a standalone “三公”经费 report: "一、2020年度…“三公”经费支出决算表")."""
    sections = [s for part in ctx.outline.find("statements") for s in part.children if s.table is not None]
    blocks = {s.table.block for s in sections if s.table is not None}
    sections += [s for s in ctx.outline.walk() if s.kind in _STATEMENT_KINDS and s.table is not None
                 and s.table.block not in blocks]
    return [_table(ctx, s) for s in sections]


def _table(ctx: Analysis, section: Section) -> StatementTable:
    doc = ctx.document
    assert section.table is not None
    block = doc.blocks[section.table.block]
    unit = _unit_before(ctx, section.table.block)
    grid = block.grid()
    header_end = next((i for i, row in enumerate(block.rows) if _is_data_row(row)), len(block.rows))
    width = len(grid[0]) if grid else 0
    columns = []
    for c in range(width):
        parts: list[str] = []
        for r in range(header_end):
            text = grid[r][c].replace("\n", "")
            if text and text not in parts:
                parts.append(text)
        columns.append("/".join(parts))
    result = StatementTable(kind=section.kind, title=section.title, unit=unit, columns=columns,
                            pages=section.table.pages,
                            location=doc.locate(block.location.start, block.location.end))
    for r in range(header_end, len(block.rows)):
        row = block.rows[r]
        result.rows.extend(_rows(ctx, row, _cells_by_column(row, width), unit, columns))
    for follower in doc.blocks[section.table.block + 1 : section.table.block + 3]:
        if follower.text.startswith(("注", "备注")):
            result.note.append(Text(text=follower.text, location=doc.locate(follower.location.start,
                                                                        follower.location.end)))
    return result


def _unit_before(ctx: Analysis, index: int) -> str | None:
    for block in ctx.document.blocks[max(0, index - 3) : index]:
        if m := _UNIT.search(ctx.document.normalized[block.location.start : block.location.end]):
            return m.group(1)
    return None


def _is_data_row(row: Row) -> bool:
    return any(parse_number(c.text) is not None and not _CODE_PART.match(c.text.strip()) for c in row.cells)


def _cells_by_column(row: Row, width: int) -> list[tuple[int, int, str] | None]:
    """The row's origin cells placed at their grid columns: (start, end, text)."""
    placed: list[tuple[int, int, str] | None] = [None] * width
    column = 0
    for cell in row.cells:
        while column < width and placed[column] is not None:
            column += 1
        if column >= width:
            break
        placed[column] = (cell.start, cell.end, cell.text)
        column += cell.colspan
    return placed


def _rows(ctx: Analysis, row: Row, cells: list[tuple[int, int, str] | None], unit: str | None,
          columns: list[str]) -> list[TableRow]:
    """The logical rows of a table row: (codes, name, values) runs. Two-sided tables (收入 | 支出, or
    the 基本支出 table's two economic classes) hold two of them side by side."""
    width = len(columns)
    found: list[TableRow] = []
    codes: list[str] = []
    name = ""
    values: list[Figure | None] = [None] * width
    has_values = False

    def close() -> None:
        nonlocal codes, name, values, has_values
        if codes or name or has_values:
            found.append(TableRow(code="".join(codes) or None, name=name, values=values,
                                  location=ctx.document.locate(row.start, row.end)))
        codes, name, values, has_values = [], "", [None] * width, False

    for column, cell in enumerate(cells):
        if cell is None or not cell[2].strip():
            continue
        start, _, text = cell
        stripped = text.strip()
        if stripped in ("类", "款", "项"):
            continue
        # a code column says 编码, or is headed 类/款/项 alone (a table whose header keeps only its last row)
        coded = "编码" in columns[column] or columns[column].rsplit("/", 1)[-1] in ("类", "款", "项")
        if coded and _CODE_PART.match(stripped):
            if name or has_values:
                close()  # a code after a name or values begins the other side's row
            codes.append(stripped)
            continue
        value = parse_number(ctx.document.normalized[start : start + len(text)])
        if value is None:
            if name or has_values:
                close()
            name = stripped.replace("\n", "")
            continue
        values[column] = make_figure(ctx.document, start, Found(0, len(text), value, unit), row_text(row))
        has_values = True
    close()
    return found


def row_text(row: Row) -> str:
    return "\t".join(c.text for c in row.cells)
