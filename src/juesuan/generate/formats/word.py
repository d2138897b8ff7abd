"""The report as a Word document (.docx)."""

from __future__ import annotations

from pathlib import Path

from juesuan.generate.charts import render_png
from juesuan.generate.formats import Format, register
from juesuan.generate.nodes import Chart, Heading, Node, Para, TableNode


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



def write(nodes: list[Node], target: Path, title: str) -> None:
    docx(nodes, target)


register(Format(".docx", "Word", write))
