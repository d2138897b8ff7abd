"""HTML: the visible text as headings and paragraphs, and tables with their spans."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from juesuan.document import BlockKind, Cell, Document, DocumentBuilder
from juesuan.limits import check_html_tags, check_raw_text
from juesuan.readers.encoding import decode
from juesuan.text.headings import is_heading_line, numbering

_INVISIBLE = {"script", "style", "noscript", "template", "head", "title", "meta", "link"}
_BLOCK = {"p", "div", "li", "dt", "dd", "blockquote", "pre", "section", "article", "td", "th", "caption",
          "h1", "h2", "h3", "h4", "h5", "h6", "center", "body"}
_HEADING = re.compile(r"^h([1-6])$")
_SPACES = re.compile(r"[ \t\r\n\u00a0]+")


def read_html(path: Path) -> Document:
    text = decode(path.read_bytes(), path)
    check_raw_text(path, text)
    check_html_tags(path, text)
    soup = BeautifulSoup(text, "html.parser")
    builder = DocumentBuilder(path, "html")
    root = soup.body or soup
    _walk(builder, root)
    return builder.build()


def _span(tag: Tag, name: str) -> int:
    value = str(tag.get(name) or "1").strip()
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _flush(builder: DocumentBuilder, parts: list[str], line: int | None, level: int | None) -> None:
    text = _SPACES.sub(" ", "".join(parts)).strip()
    parts.clear()
    if not text:
        return
    if level is None and is_heading_line(text):
        level = numbering(text).level  # type: ignore[union-attr]
    builder.add_text(BlockKind.HEADING if level else BlockKind.PARAGRAPH, [(text, line, None)], level)


def _walk(builder: DocumentBuilder, node: Tag) -> None:
    """Emits one block per block-level element; inline text is gathered into its block."""
    parts: list[str] = []
    line: int | None = getattr(node, "sourceline", None)
    m = _HEADING.match(node.name or "")
    level = int(m.group(1)) if m else None
    for child in node.children:
        if isinstance(child, Tag):
            name = child.name or ""
            if name in _INVISIBLE:
                continue
            if name == "table":
                _flush(builder, parts, line, level)
                _table(builder, child)
            elif name == "img":
                _flush(builder, parts, line, level)
                builder.add_image(str(child.get("alt") or ""), child.sourceline, None)
            elif name == "br":
                _flush(builder, parts, line, level)
            elif name in _BLOCK or _contains_block(child):
                _flush(builder, parts, line, level)
                _walk(builder, child)
            else:
                if not parts:
                    line = child.sourceline
                parts.append(child.get_text())
        elif type(child).__name__ in ("NavigableString",):
            if not parts and str(child).strip():
                line = _string_line(child, node)
            parts.append(str(child))
    _flush(builder, parts, line, level)


def _string_line(child, node: Tag) -> int | None:  # type: ignore[no-untyped-def]
    prev = child.find_previous(True)
    return getattr(prev, "sourceline", None) or getattr(node, "sourceline", None)


def _contains_block(tag: Tag) -> bool:
    return tag.find(list(_BLOCK | {"table", "img", "br"})) is not None


def _table(builder: DocumentBuilder, table: Tag) -> None:
    rows: list[tuple[list[Cell], int | None, int | None]] = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue  # rows of a nested table belong to that table
        cells = [
            Cell(_SPACES.sub(" ", td.get_text()).strip(), colspan=_span(td, "colspan"), rowspan=_span(td, "rowspan"))
            for td in tr.find_all(["td", "th"], recursive=False)
        ]
        rows.append((cells, tr.sourceline, None))
    builder.add_table(rows)
