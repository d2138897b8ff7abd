"""The report as a Word document (.docx), set as a Chinese official document (GB/T 9704): A4 with its
margins, title in 小标宋, body in 仿宋 三号 at a fixed line spacing with a two-character indent, headings in
黑体 and 楷体, all black; a cover, a 目录 (a real TOC field), page numbers, each table on its own page
(wide ones in landscape) with its header repeated and rows kept whole, numbers right-aligned.

The official faces are used when installed (fonts.py says which are looked for); otherwise the Noto CJK
faces the setup installs stand in for them.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from juesuan.fonts import official_face
from juesuan.generate.charts import render_png
from juesuan.generate.formats import Format, register
from juesuan.generate.nodes import Chart, Cover, Heading, Node, Para, TableNode

BODY_PT = 16  # 三号
TITLE_PT = 22  # 二号
LINE_PT = 28  # fixed line spacing: 22 lines to the A4 page
TABLE_PT = 10.5  # 五号; wide tables 9 (小五)
WIDE_TABLE_PT = 9
WIDE = 6  # a table with more columns than this is set in landscape
TOTAL_ROWS = {"合计", "总计", "本年收入合计", "本年支出合计", "小计"}  # set in bold, as the official tables do
TOC_FIELD = 'TOC \\o "1-2" \\h \\z \\u'  # levels 1–2, entries as links, no page numbers in Web view, outline levels too
NUMBER = re.compile(r"^-?[\d,]+(?:\.\d+)?%?$")


@dataclass(frozen=True, slots=True)
class TocEntry:
    level: int
    text: str
    page: int | None = None  # known when the PDF writer has laid the document out once


def docx(nodes: list[Node], target: Path, toc_pages: list[TocEntry] | None = None) -> None:
    """Writes the document. `toc_pages` fills the 目录's page numbers (the field's shown result); Word and
    LibreOffice recompute them when the field is updated (Word asks when the file is opened)."""
    from docx import Document as WordDocument

    word = WordDocument()
    _styles(word)
    section = word.sections[0]
    _page(section, landscape=False)
    section.different_first_page_header_footer = True  # no number on the cover
    _page_number(section.footer)
    _update_fields_on_open(word)
    entries = toc_pages if toc_pages is not None else [TocEntry(n.level, n.text) for n in nodes
                                                       if isinstance(n, Heading) and n.level <= 2]
    landscape = False
    for n, node in enumerate(nodes):
        following = nodes[n + 1] if n + 1 < len(nodes) else None
        turned = landscape and not isinstance(node, TableNode)
        if turned:  # text after a wide table is on upright pages again
            landscape = False
            _new_section(word, landscape)
        if isinstance(node, Cover):
            _cover(word, node)
            _contents(word, entries)
        elif isinstance(node, Heading):
            paragraph = word.add_heading(node.text, level=node.level)
            if node.level == 1 and n > 0 and not turned:  # a part begins a page (a new section already does)
                paragraph.paragraph_format.page_break_before = True
        elif isinstance(node, Para):
            paragraph = word.add_paragraph(node.text)
            if isinstance(following, Chart):
                paragraph.paragraph_format.keep_with_next = True  # the caption stays with its chart
                paragraph.paragraph_format.first_line_indent = 0
                paragraph.alignment = 1  # centred
        elif isinstance(node, TableNode) and node.inline:
            _table(word, node, wide=False, landscape=False)
        elif isinstance(node, TableNode):
            wide = len(node.header[-1]) > WIDE
            if wide != landscape:
                landscape = wide
                _new_section(word, landscape)
            elif not isinstance(nodes[n - 1], Heading):  # each table on its own page, the first under its part
                word.add_paragraph().paragraph_format.page_break_before = True
            _table(word, node, wide, landscape)
        elif isinstance(node, Chart):
            _chart(word, node)
    word.save(str(target))


# --- styles and page --------------------------------------------------------------------------------


def _font(style_or_run: Any, face: str, size: float | None = None, bold: bool | None = None) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    font = style_or_run.font
    font.name = face
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    rpr = style_or_run.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), face)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)


def _styles(word: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    body = official_face("body")
    normal = word.styles["Normal"]
    _font(normal, body, BODY_PT)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PT)
    fmt.first_line_indent = Pt(BODY_PT * 2)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.widow_control = True
    for level, role, centred in ((1, "heading1", True), (2, "heading2", False), (3, "heading3", False)):
        style = word.styles[f"Heading {level}"]
        _font(style, official_face(role), BODY_PT, bold=role == "heading1")
        style.paragraph_format.alignment = 1 if centred else None
        style.paragraph_format.first_line_indent = None if centred else Pt(BODY_PT * 2)
        style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        style.paragraph_format.line_spacing = Pt(LINE_PT)
        style.paragraph_format.space_before = Pt(LINE_PT / 2 if level == 1 else 0)
        style.paragraph_format.space_after = Pt(LINE_PT / 2 if level == 1 else 0)
        style.paragraph_format.keep_with_next = True
    for level in (1, 2):  # the names Word gives its TOC styles, so that updating the field keeps them
        name = f"toc {level}"
        style = word.styles[name] if name in [s.name for s in word.styles] else word.styles.add_style(
            name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.paragraph_format.first_line_indent = Pt(0)
        style.paragraph_format.left_indent = Pt(0 if level == 1 else BODY_PT * 2)
    for name, size in (("Table Text", TABLE_PT), ("Wide Table Text", WIDE_TABLE_PT)):
        cells = word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)  # the paragraph mark sets the line height
        cells.base_style = normal
        _font(cells, official_face("table"), size)
        cells.paragraph_format.first_line_indent = Pt(0)
        cells.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    caption = word.styles.add_style("Table Caption", WD_STYLE_TYPE.PARAGRAPH)
    caption.base_style = normal
    _font(caption, official_face("heading1"), BODY_PT)
    caption.paragraph_format.alignment = 1
    caption.paragraph_format.first_line_indent = Pt(0)
    caption.paragraph_format.keep_with_next = True


def _page(section: Any, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    long, short = Mm(297), Mm(210)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    if landscape:  # the binding edge is the top of a turned page: narrower margins give the table room
        section.top_margin, section.bottom_margin = Mm(28), Mm(26)
        section.left_margin, section.right_margin = Mm(25), Mm(25)
        section.footer_distance = Mm(12)  # the page number in the bottom tenth of the page, as readers expect
        return
    else:  # GB/T 9704: 天头 37 mm, 订口 28 mm; the type area 156 × 225 mm
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(20)


def _new_section(word: Any, landscape: bool) -> None:
    from docx.enum.section import WD_SECTION

    section = word.add_section(WD_SECTION.NEW_PAGE)
    section.different_first_page_header_footer = False
    _page(section, landscape)


def _field(paragraph: Any, instruction: str, shown: str = "") -> None:
    """A Word field (PAGE …) in one paragraph: begin, instruction, separate, its shown result, end."""
    _field_begin(paragraph, instruction)
    paragraph.add_run(shown)
    _field_end(paragraph)


def _page_number(footer: Any) -> None:
    """"— 5 —" centred at the foot of the page, 四号, as official documents number their pages."""
    paragraph = footer.paragraphs[0]
    paragraph.alignment = 1
    paragraph.paragraph_format.first_line_indent = 0
    paragraph.add_run("— ")
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(" —")
    for run in paragraph.runs:
        _font(run, official_face("table"), 14)


def _update_fields_on_open(word: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    word.settings.element.append(update)


# --- cover and contents ------------------------------------------------------------------------------


def _cover(word: Any, cover: Cover) -> None:
    from docx.shared import Pt

    face = official_face("title")
    for n, line in enumerate((cover.organisation, cover.title)):
        paragraph = word.add_paragraph()
        paragraph.alignment = 1
        fmt = paragraph.paragraph_format
        fmt.first_line_indent = Pt(0)
        fmt.space_before = Pt(200 if n == 0 else 24)
        fmt.line_spacing = Pt(TITLE_PT * 1.6)
        _font(paragraph.add_run(line), face, TITLE_PT, bold=face.startswith("Noto"))


def _contents(word: Any, entries: list[TocEntry]) -> None:
    """目录 on its own page: a TOC field over the headings of levels 1–2, its shown result the entries with
    their pages when known (dotted leaders to the right margin)."""
    from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Mm, Pt

    title = word.add_paragraph()
    title.paragraph_format.page_break_before = True
    title.paragraph_format.first_line_indent = Pt(0)
    title.alignment = 1
    _font(title.add_run("目  录"), official_face("heading1"), BODY_PT, bold=True)
    width = Mm(210 - 28 - 26)
    first = None
    for entry in entries:
        paragraph = word.add_paragraph(style=f"toc {entry.level}")
        paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        if first is None:
            first = paragraph
            _field_begin(paragraph, TOC_FIELD)
        paragraph.add_run(f"{entry.text}\t{entry.page if entry.page is not None else ''}")
    end = word.add_paragraph()
    if first is None:
        _field_begin(end, TOC_FIELD)
    _field_end(end)
    end.add_run().add_break(WD_BREAK.PAGE)


def _field_begin(paragraph: Any, instruction: str) -> None:
    """The start of a field whose shown result may run over several paragraphs (the TOC's entries)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for kind in ("begin", "instr", "separate"):
        run = paragraph.add_run()
        if kind == "instr":
            text = OxmlElement("w:instrText")
            text.set(qn("xml:space"), "preserve")
            text.text = f" {instruction} "
            run._r.append(text)
        else:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run._r.append(mark)


def _field_end(paragraph: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    mark = OxmlElement("w:fldChar")
    mark.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(mark)


# --- tables and charts ---------------------------------------------------------------------------------


def _table(word: Any, node: TableNode, wide: bool, landscape: bool) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    if node.title:
        caption = word.add_paragraph(node.title, style="Table Caption")
        caption.paragraph_format.keep_with_next = True
    if node.unit:
        unit = word.add_paragraph(f"单位：{node.unit}")
        unit.alignment = 2  # right
        unit.paragraph_format.first_line_indent = Pt(0)
        unit.paragraph_format.keep_with_next = True
        _font(unit.runs[0], official_face("table"), TABLE_PT)
    width = len(node.header[-1])
    size = WIDE_TABLE_PT if wide else TABLE_PT
    face = official_face("table")
    table = word.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    columns = _column_widths(node, Mm(297 - 50) if landscape else Mm(210 - 28 - 26), size)
    for c, column in enumerate(table.columns):
        column.width = columns[c]  # the grid: LibreOffice lays a fixed table out by it

    def fill(cell: Any, text: str, header: bool) -> None:
        paragraph = cell.paragraphs[0]
        paragraph.style = word.styles["Wide Table Text" if wide else "Table Text"]
        numeric = bool(NUMBER.match(text.strip())) and not header
        paragraph.alignment = 1 if header else 2 if numeric else 0
        run = paragraph.add_run(text)
        _font(run, face, size, bold=header)
        if numeric:  # an amount never wraps inside its cell
            properties = cell._tc.get_or_add_tcPr()
            properties.append(OxmlElement("w:noWrap"))

    for header in node.header:
        row = table.add_row()
        _row_properties(row, header=True)
        for c, text in enumerate(header):
            fill(row.cells[c], text, header=True)
        for c in range(width):
            row.cells[c].width = columns[c]
    _merge_header(table, node.header)
    for values in node.rows:
        row = table.add_row()
        _row_properties(row, header=False)
        for c, text in enumerate(values):
            fill(row.cells[c], text, header=False)
            row.cells[c].width = columns[c]
        if any(v.strip() in TOTAL_ROWS for v in values):
            for cell in row.cells:
                for run in cell.paragraphs[0].runs:
                    run.font.bold = True
    table_properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table_properties.append(layout)
    if node.note:
        note = word.add_paragraph(node.note)
        note.paragraph_format.first_line_indent = Pt(0)
        _font(note.runs[0], face, size)


def _row_properties(row: Any, header: bool) -> None:
    """Rows never split across pages; header rows are repeated at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement

    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _merge_header(table: Any, header: list[list[str]]) -> None:
    """A label repeated across columns is one cell, and one repeated down the header rows is one cell too,
    as the official tables merge them."""
    width = len(header[-1])
    done: set[tuple[int, int]] = set()
    for r, labels in enumerate(header):
        for c in range(width):
            if (r, c) in done or not labels[c]:
                continue
            right = c
            while right + 1 < width and labels[right + 1] == labels[c]:
                right += 1
            down = r
            while (down + 1 < len(header) and all(header[down + 1][k] == labels[c] for k in range(c, right + 1))):
                down += 1
            if right == c and down == r:
                continue
            for rr in range(r, down + 1):
                for cc in range(c, right + 1):
                    done.add((rr, cc))
            merged = table.cell(r, c).merge(table.cell(down, right))
            for paragraph in merged.paragraphs[1:]:  # merging joins the cells' texts: one label stays
                paragraph._p.getparent().remove(paragraph._p)


def _column_widths(node: TableNode, total: int, size: float) -> list[int]:
    """Widths in EMU: a column of amounts or codes as wide as its longest figure (amounts never wrap), the
    columns of names sharing the rest in proportion to their longest name."""
    width = len(node.header[-1])
    emu_per_pt = 12_700
    padding = 160_000  # the cell's left and right margins
    minimum = 432_000  # 12 mm
    figures = [0] * width  # the longest figure, in characters
    names = [0] * width  # the longest name, in half-em units (a CJK character counts two)
    for row in node.rows:
        for c, text in enumerate(row[:width]):
            if NUMBER.match(text.strip()):
                figures[c] = max(figures[c], len(text.strip()))
            else:
                names[c] = max(names[c], min(sum(2 if ord(ch) > 0x2E80 else 1 for ch in text), 48))
    # The header's last row names the column itself (预算数, 决算数): a column of figures is at least as wide.
    label = [sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text) for text in node.header[-1][:width]]
    fixed = [max(minimum, int(max(n * 0.6, min(label[c], 6)) * size * emu_per_pt) + padding) if n and not names[c]
             else 0 for c, n in enumerate(figures)]
    rest = max(total - sum(fixed), minimum * fixed.count(0))
    share = sum(n or 2 for c, n in enumerate(names) if not fixed[c]) or 1
    widths = [fixed[c] or max(minimum, rest * (names[c] or 2) // share) for c in range(width)]
    scale = min(1.0, total / sum(widths))
    return [int(w * scale) for w in widths]


def _chart(word: Any, node: Chart) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    word.add_picture(io.BytesIO(render_png(node)), width=Cm(15))
    paragraph = word.paragraphs[-1]
    paragraph.alignment = 1
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.paragraph_format.line_spacing_rule = None
    paragraph.paragraph_format.line_spacing = 1.0  # an exact line height would cut the picture
    picture = paragraph._p.find(".//" + qn("wp:docPr"))
    if picture is not None:
        picture.set("descr", f"图{node.number}：{node.title}")


def write(nodes: list[Node], target: Path, title: str) -> None:
    docx(nodes, target)


register(Format(".docx", "Word", write))
