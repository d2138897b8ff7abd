"""Writing the composed report as Markdown, HTML, Word (.docx) or PDF (LibreOffice from the .docx)."""

from __future__ import annotations

import base64
import shutil
import tempfile
from html import escape
from pathlib import Path

from juesuan.generate.charts import render_png
from juesuan.generate.nodes import Chart, Heading, Node, Para, TableNode


def markdown(nodes: list[Node], chart_dir: Path | None = None) -> str:
    lines: list[str] = []
    for node in nodes:
        if isinstance(node, Heading):
            lines += ["#" * node.level + " " + node.text, ""]
        elif isinstance(node, Para):
            lines += [node.text, ""]
        elif isinstance(node, TableNode):
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
            name = f"chart{node.number}.png"
            (chart_dir / name).write_bytes(render_png(node))
            lines += [f"![图{node.number}：{node.title}]({name})", ""]
    return "\n".join(lines)


def html(nodes: list[Node], title: str) -> str:
    body: list[str] = []
    for node in nodes:
        if isinstance(node, Heading):
            body.append(f"<h{node.level}>{escape(node.text)}</h{node.level}>")
        elif isinstance(node, Para):
            body.append(f"<p>{escape(node.text)}</p>")
        elif isinstance(node, TableNode):
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


def docx(nodes: list[Node], target: Path) -> None:
    import io

    from docx import Document as WordDocument
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    word = WordDocument()
    for style_name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "Title"):
        style = word.styles[style_name]
        style.font.name = "Noto Sans CJK SC"
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), "Noto Sans CJK SC")
    word.styles["Normal"].font.size = Pt(11)
    for node in nodes:
        if isinstance(node, Heading):
            word.add_heading(node.text, level=node.level)
        elif isinstance(node, Para):
            word.add_paragraph(node.text)
        elif isinstance(node, TableNode):
            title = word.add_paragraph(node.title)
            title.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if node.unit:
                word.add_paragraph(f"单位：{node.unit}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
            width = len(node.header[-1])
            table = word.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for header in node.header:
                cells = table.add_row().cells
                n = 0
                while n < width:
                    span = 1
                    while n + span < width and header[n + span] == header[n] and header[n]:
                        span += 1
                    target_cell = cells[n].merge(cells[n + span - 1]) if span > 1 else cells[n]
                    target_cell.text = header[n]
                    n += span
            for row in node.rows:
                cells = table.add_row().cells
                for n, text in enumerate(row):
                    cells[n].text = text
            if node.note:
                word.add_paragraph(node.note)
        elif isinstance(node, Chart):
            word.add_picture(io.BytesIO(render_png(node)), width=Cm(15))
            word.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
            picture = word.paragraphs[-1]._p.find(".//" + qn("wp:docPr"))
            if picture is not None:
                picture.set("descr", f"图{node.number}：{node.title}")
    word.save(str(target))


def pdf(nodes: list[Node], target: Path) -> None:
    """The .docx rendered to PDF by LibreOffice, as departments publish."""
    from juesuan.readers.office import convert

    with tempfile.TemporaryDirectory(prefix="juesuan-pdf-") as tmp:
        source = Path(tmp) / "report.docx"
        docx(nodes, source)
        converted = convert(source, "pdf", Path(tmp))
        shutil.copyfile(converted, target)
