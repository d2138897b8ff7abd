"""The `juesuan` command line (typer + rich). Every message a user sees is in Chinese."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from juesuan.document import Document, Location
from juesuan.errors import ReadError
from juesuan.outline import Outline, Section, build_outline
from juesuan.outline.labels import KIND_LABELS, LAYOUT_LABELS

app = typer.Typer(
    name="juesuan",
    help="juesuan：读取、检查、生成和比较部门（单位）决算公开报告。",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
out = Console(highlight=False, width=None if sys.stdout.isatty() else 200)


class Format(StrEnum):
    text = "text"
    json = "json"


FileArg = Annotated[Path, typer.Argument(help="报告文件：.txt .md .html .docx .doc .wps .pdf", show_default=False)]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="输出格式：text（默认）或 json")]


def _read(path: Path) -> Document:
    """Reads a report, or ends the program with one Chinese line and exit status 2."""
    from juesuan.readers import read

    try:
        return read(path)
    except ReadError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("已中断")
    raise AssertionError("unreachable")


def _fail(message: str) -> None:
    print(f"错误：{message}", file=sys.stderr)
    raise typer.Exit(2)


def _where(location: Location) -> str:
    if location.page is not None:
        return f"第{location.page}页"
    if location.line is not None:
        return f"第{location.line}行"
    return f"第{location.start}字"


def _label(section: Section) -> str:
    title = section.title or "（无标题）"
    kind = KIND_LABELS.get(section.kind, section.kind)
    extra = ""
    if section.table is not None:
        extra = f"，{section.table.rows}行×{section.table.columns}列"
    return f"{title}  [dim]〔{kind}，{_where(section.location)}{extra}〕[/dim]"


def _tree(outline: Outline, source: Path) -> Tree:
    meta = outline.meta
    head = " · ".join(
        x
        for x in [
            meta.organisation or "（未识别单位）",
            f"{meta.year}年度" if meta.year else "（未识别年度）",
            meta.kind or "（未识别决算类型）",
            LAYOUT_LABELS.get(meta.layout, meta.layout),
        ]
    )
    tree = Tree(f"[bold]{head}[/bold]  [dim]{source}[/dim]")

    def add(node: Tree, section: Section) -> None:
        child = node.add(_label(section))
        for sub in section.children:
            add(child, sub)

    for section in outline.sections:
        add(tree, section)
    return tree


@app.command()
def outline(path: FileArg, fmt: FormatOpt = Format.text) -> None:
    """显示报告的结构：各部分、各项说明、附件和附表，以及它们所在的行或页。"""
    document = _read(path)
    result = build_outline(document)
    if fmt is Format.json:
        data = {
            "source": str(path),
            "report": result.meta.as_json(),
            "sections": [s.as_json() for s in result.sections],
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    out.print(_tree(result, path))
    if not result.sections:
        out.print("[yellow]未识别出任何部分或章节：这可能不是一份决算公开报告。[/yellow]")


@app.command()
def extract(path: FileArg, fmt: FormatOpt = Format.text) -> None:
    """提取报告中的全部数字（金额、占比、增减、完成率、数量、表格）到结构化模型。"""
    from juesuan.extract import extract as extract_disclosure
    from juesuan.model.flatten import flatten

    document = _read(path)
    disclosure = extract_disclosure(document, build_outline(document))
    if fmt is Format.json:
        print(disclosure.model_dump_json(indent=2))
        return
    for field_path, figure in flatten(disclosure):
        where = _where(Location(figure.location.line, figure.location.page, figure.location.start,
                                figure.location.end))
        out.print(f"{escape(field_path)} = [bold]{escape(figure.raw)}[/bold]  [dim]{where}[/dim]")


@app.command()
def text(path: FileArg) -> None:
    """输出报告规范化后的全文（全角数字和标点转为半角，表格每行一行、单元格以制表符分隔）。"""
    document = _read(path)
    sys.stdout.write(document.normalized)
    if not document.normalized.endswith("\n"):
        sys.stdout.write("\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
