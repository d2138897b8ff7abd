"""Listings and comparisons out: a table on the terminal, or a CSV or Excel file (-o), written whole or not at all."""

from __future__ import annotations

import csv
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from juesuan.amounts import number
from juesuan.files import AtomicFile, WriteError
from juesuan.outputs.rows import safe

SUFFIXES = (".csv", ".xlsx")
CHART_SUFFIXES = (".png", ".svg")


def write_table(title: str, headers: list[str], rows: list[list[object]], output: Path | None, console: Console) -> None:
    if output is None:
        table = Table(title=title)
        for header in headers:
            table.add_column(header, justify="left" if header in _TEXT_COLUMNS else "right")
        for row in rows:
            table.add_row(*(escape(_screen(v)) for v in row))
        console.print(table)
        return
    suffix = output.suffix.lower()
    if suffix not in SUFFIXES:
        raise WriteError(f"不支持的导出格式“{output.suffix or '无扩展名'}”（支持 .csv 和 .xlsx）")
    out = AtomicFile(output, binary=suffix == ".xlsx")
    try:
        if suffix == ".csv":
            out.file.write("\ufeff")  # Excel opens a UTF-8 CSV with Chinese only with the BOM
            writer = csv.writer(out.file)
            writer.writerow(headers)
            writer.writerows([[safe(_file_value(v)) for v in row] for row in rows])
        else:
            from openpyxl import Workbook

            book = Workbook(write_only=True)
            sheet = book.create_sheet(title[:31].replace("/", "／"))
            sheet.append(headers)
            for row in rows:
                sheet.append([safe(_file_value(v, excel=True)) for v in row])
            book.save(out.file)
    except BaseException:
        out.discard()
        raise
    out.commit()


def write_chart(draw: Callable[[str], bytes], output: Path) -> None:
    """A chart file (.png or .svg, by the name's suffix), written whole or not at all."""
    suffix = output.suffix.lower()
    if suffix not in CHART_SUFFIXES:
        raise WriteError(f"不支持的图表格式“{output.suffix or '无扩展名'}”（支持 .png 和 .svg）")
    data = draw(suffix[1:])
    out = AtomicFile(output, binary=True)
    try:
        out.file.write(data)
    except BaseException:
        out.discard()
        raise
    out.commit()


_TEXT_COLUMNS = {"单位", "文件", "地区", "级别", "类型", "版式", "状态", "说明", "项目", "规则", "问题", "位置", "原文"}


def _screen(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return number(value) if value != value.to_integral_value() or abs(value) >= 1000 else format(value, "f")
    return str(value)


def _file_value(value: object, excel: bool = False) -> object:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return value if excel else format(value, "f")  # openpyxl writes a Decimal as a number, exactly
    return value
