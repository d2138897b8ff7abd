"""The report as one HTML page, charts embedded."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from juesuan.generate.charts import render_png
from juesuan.generate.formats import Format, register
from juesuan.generate.nodes import Chart, Cover, Heading, Node, Para, TableNode


def html(nodes: list[Node], title: str) -> str:
    body: list[str] = []
    for node in nodes:
        if isinstance(node, Cover):
            body += [f"<p>{escape(node.organisation)}</p>", f"<p>{escape(node.title)}</p>"]
        elif isinstance(node, Heading):
            body.append(f"<h{node.level}>{escape(node.text)}</h{node.level}>")
        elif isinstance(node, Para):
            body.append(f"<p>{escape(node.text)}</p>")
        elif isinstance(node, TableNode):
            if node.title:
                body.append(f'<p class="table-title">{escape(node.title)}</p>')
            if node.unit:
                body.append(f'<p class="unit">单位：{escape(node.unit)}</p>')
            body.append("<table>")
            for row in node.header:
                body.append("<tr>" + "".join(_merged(row, "th")) + "</tr>")
            for row in node.rows:
                body.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>")
            body.append("</table>")
            if node.note:
                body.append(f"<p>{escape(node.note)}</p>")
        elif isinstance(node, Chart):
            data = base64.b64encode(render_png(node)).decode()
            body.append(f'<p><img alt="图{node.number}：{escape(node.title)}" src="data:image/png;base64,{data}"></p>')
    style = ("body{font-family:'Noto Sans CJK SC',sans-serif;max-width:60em;margin:2em auto;line-height:1.8}"
             "table{border-collapse:collapse;margin:0.5em 0 1em}td,th{border:1px solid #444;padding:2px 6px;"
             "font-size:13px}td{text-align:right}td:first-child{text-align:left}img{max-width:100%}")
    return (f'<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f"<style>{style}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")


def _merged(row: list[str], tag: str) -> list[str]:
    """Header cells: a label repeated across columns becomes one cell with colspan."""
    cells: list[str] = []
    n = 0
    while n < len(row):
        span = 1
        while n + span < len(row) and row[n + span] == row[n] and row[n]:
            span += 1
        attribute = f' colspan="{span}"' if span > 1 else ""
        cells.append(f"<{tag}{attribute}>{escape(row[n])}</{tag}>")
        n += span
    return cells



def write(nodes: list[Node], target: Path, title: str) -> None:
    target.write_text(html(nodes, title), encoding="utf-8")


register(Format(".html", "HTML", write))
