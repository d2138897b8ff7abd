"""The report as Markdown, each chart a PNG beside it named after the report (two reports in one folder never
share a chart file)."""

from __future__ import annotations

from pathlib import Path

from juesuan.generate.charts import render_png
from juesuan.generate.formats import Format, register
from juesuan.generate.nodes import Chart, Cover, Heading, Node, Para, TableNode


def markdown(nodes: list[Node], chart_dir: Path | None = None, stem: str = "report") -> str:
    lines: list[str] = []
    for node in nodes:
        if isinstance(node, Cover):
            lines += [node.organisation, "", node.title, ""]
        elif isinstance(node, Heading):
            lines += ["#" * node.level + " " + node.text, ""]
        elif isinstance(node, Para):
            lines += [node.text, ""]
        elif isinstance(node, TableNode):
            if node.title:
                lines += [node.title, ""]
            if node.unit:
                lines += [f"单位：{node.unit}", ""]
            width = len(node.header[-1])
            lines.append("| " + " | ".join(node.header[-1]) + " |")
            lines.append("|" + "---|" * width)
            lines += ["| " + " | ".join(row) + " |" for row in node.rows]
            lines.append("")
            if node.note:
                lines += [node.note, ""]
        elif isinstance(node, Chart) and chart_dir is not None:
            name = f"{stem}-chart{node.number}.png"
            (chart_dir / name).write_bytes(render_png(node))
            lines += [f"![图{node.number}：{node.title}]({name})", ""]
    return "\n".join(lines)



def write(nodes: list[Node], target: Path, title: str) -> None:
    target.write_text(markdown(nodes, chart_dir=target.parent, stem=target.stem), encoding="utf-8")


register(Format(".md", "Markdown", write))
