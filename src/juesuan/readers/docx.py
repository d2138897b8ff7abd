"""Word .docx: paragraphs and tables in document order, heading levels, merged cells, images."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from juesuan.document import BlockKind, Cell, Document, DocumentBuilder
from juesuan.errors import ReadError
from juesuan.limits import check_zip
from juesuan.text.headings import is_heading_line, numbering

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def read_docx(path: Path) -> Document:
    check_zip(path, "Word 文档")
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(path, f"Word 文档已损坏或不是有效的 .docx 文件（{type(exc).__name__}）") from None
    builder = DocumentBuilder(path, "docx")
    levels = _style_levels(document)
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            _paragraph(builder, Paragraph(child, document), levels)
        elif child.tag == qn("w:tbl"):
            _table(builder, Table(child, document))
    return builder.build()


_MAX_STYLE_DEPTH = 20  # a style based on itself, or a longer chain, ends here instead of looping


def _style_levels(document) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """The heading level of every paragraph style that is (or is based on) a heading or title style,
    by style id: worked out once, not for every paragraph (python-docx looks a style up by scanning all)."""
    styles = {s.get(qn("w:styleId")): s for s in document.styles.element.findall(qn("w:style"))}
    levels: dict[str, int] = {}
    for style_id in styles:
        current, depth = style_id, 0
        while current in styles and depth < _MAX_STYLE_DEPTH:
            element = styles[current]
            name_element = element.find(qn("w:name"))
            name = (name_element.get(qn("w:val")) if name_element is not None else "") or ""
            m = _HEADING_STYLE.match(name)
            if m or name.lower() == "title":
                levels[style_id] = int(m.group(1)) if m else 1
                break
            based = element.find(qn("w:basedOn"))
            current = based.get(qn("w:val")) if based is not None else None
            depth += 1
    default = next((i for i, e in styles.items() if e.get(qn("w:type")) == "paragraph" and e.get(qn("w:default")) in ("1", "true")),
                   None)
    if default in levels:
        levels[""] = levels[default]  # a paragraph without a style has the default one
    return levels


def _heading_level(paragraph: Paragraph, levels: dict[str, int]) -> int | None:
    ppr = paragraph._p.pPr
    style_element = ppr.find(qn("w:pStyle")) if ppr is not None else None
    style_id = style_element.get(qn("w:val")) if style_element is not None else None
    level = levels.get(style_id if style_id is not None else "")
    if level is not None:
        return level
    if ppr is not None:
        lvl = ppr.find(qn("w:outlineLvl"))
        if lvl is not None and lvl.get(qn("w:val")) is not None and lvl.get(qn("w:val")).isdigit():
            value = int(lvl.get(qn("w:val")))
            return value + 1 if value < 9 else None
    return None


# What a run's children say, as python-docx's Run.text reads them; its Paragraph.text slows down
# quadratically on a paragraph of many runs, so the text is gathered here in one pass.
_RUN_TEXT = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
_T = qn("w:t")
_R = qn("w:r")
_RUN_HOLDERS = {qn("w:hyperlink"), qn("w:ins"), qn("w:smartTag"), qn("w:fldSimple"), qn("w:customXml")}


def paragraph_text(p) -> str:  # type: ignore[no-untyped-def]
    """The text of a w:p element: its runs, also those inside hyperlinks and insertions (not deletions,
    not text boxes, which are paragraphs of their own)."""
    parts: list[str] = []
    for child in p:
        runs = [child] if child.tag == _R else [r for r in child.iter(_R)] if child.tag in _RUN_HOLDERS else []
        for run in runs:
            for item in run:
                if item.tag == _T:
                    parts.append(item.text or "")
                elif item.tag in _RUN_TEXT:
                    parts.append(_RUN_TEXT[item.tag])
    return "".join(parts)


def _paragraph(builder: DocumentBuilder, paragraph: Paragraph, levels: dict[str, int]) -> None:
    text = paragraph_text(paragraph._p).strip()
    has_image = bool(paragraph._p.findall(".//" + qn("w:drawing"))) or bool(
        paragraph._p.findall(".//" + qn("w:pict"))
    )
    if has_image:
        alt = " ".join(
            d.get("descr") or d.get("title") or ""
            for d in paragraph._p.iter(qn("wp:docPr"))
        ).strip()
        builder.add_image(alt, None, None)
    if not text:
        return
    level = _heading_level(paragraph, levels)
    if level is None and is_heading_line(text):
        level = numbering(text).level  # type: ignore[union-attr]
    kind = BlockKind.HEADING if level is not None else BlockKind.PARAGRAPH
    builder.add_text(kind, [(text, None, None)], level)


def _cell_text(tc) -> str:  # type: ignore[no-untyped-def]
    """The cell's paragraphs (line breaks included), one line each; nested tables are flattened."""
    texts = [paragraph_text(p).strip() for p in tc.iter(qn("w:p"))]
    return "\n".join(t for t in texts if t)


def _table(builder: DocumentBuilder, table: Table) -> None:
    """Rows of origin cells with colspan (gridSpan) and rowspan (vMerge) counted from the XML."""
    grid_rows: list[list[tuple[Cell, int, bool]]] = []  # (cell, grid column, continues a vertical merge)
    for tr in table._tbl.tr_lst:
        col = 0
        row: list[tuple[Cell, int, bool]] = []
        for tc in tr.tc_lst:
            tcpr = tc.tcPr
            span = 1
            vmerge_continue = False
            if tcpr is not None:
                gs = tcpr.find(qn("w:gridSpan"))
                if gs is not None and (gs.get(qn("w:val")) or "1").isdigit():
                    span = int(gs.get(qn("w:val")))
                vm = tcpr.find(qn("w:vMerge"))
                if vm is not None and vm.get(qn("w:val")) in (None, "continue"):
                    vmerge_continue = True
            row.append((Cell(_cell_text(tc), colspan=span), col, vmerge_continue))
            col += span
        grid_rows.append(row)
    # A continued vertical merge adds one to the rowspan of the origin cell above it.
    origin_at: dict[int, Cell] = {}
    rows: list[tuple[list[Cell], int | None, int | None]] = []
    for row in grid_rows:
        cells: list[Cell] = []
        for cell, col, cont in row:
            if cont and col in origin_at:
                origin_at[col].rowspan += 1
                continue
            origin_at[col] = cell
            cells.append(cell)
        rows.append((cells, None, None))
    builder.add_table(rows)
