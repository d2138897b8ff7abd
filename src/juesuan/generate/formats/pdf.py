"""The report as PDF: the Word document converted by LibreOffice, as departments publish.

LibreOffice does not recompute a 目录 when it converts, so the document is laid out twice: the first PDF
tells on which page each heading fell, and the second carries those pages in its 目录.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from juesuan.generate.formats import Format, register
from juesuan.generate.formats.word import TocEntry, docx
from juesuan.generate.nodes import Heading, Node


def pdf(nodes: list[Node], target: Path) -> None:
    from juesuan.readers.office import convert

    with tempfile.TemporaryDirectory(prefix="juesuan-pdf-") as tmp:
        source = Path(tmp) / "report.docx"
        docx(nodes, source)
        first = convert(source, "pdf", Path(tmp))
        entries = contents_pages([TocEntry(n.level, n.text) for n in nodes if isinstance(n, Heading) and n.level <= 2],
                                 _page_texts(first))
        docx(nodes, source, toc_pages=entries)
        converted = convert(source, "pdf", Path(tmp))
        shutil.copyfile(converted, target)


def _page_texts(path: Path) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return [document[n].get_textpage().get_text_range() for n in range(len(document))]
    finally:
        document.close()


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def contents_pages(entries: list[TocEntry], pages: list[str]) -> list[TocEntry]:
    """Each entry with the (1-based) page its heading stands on, looked for in order after the 目录 itself
    (which holds every entry's text too); an entry not found keeps no page."""
    squeezed = [_squeeze(p) for p in pages]
    start = next((n for n, p in enumerate(squeezed) if "目录" in p[:40]), -1) + 1
    if entries and start:  # the 目录 runs on until the page that holds its last entry
        last = _squeeze(entries[-1].text)
        start = next((n for n in range(start - 1, len(squeezed)) if last in squeezed[n]), start - 1) + 1
    found: list[TocEntry] = []
    for entry in entries:
        text = _squeeze(entry.text)
        page = next((n for n in range(start, len(squeezed)) if text in squeezed[n]), None)
        if page is not None:
            start = page
        found.append(TocEntry(entry.level, entry.text, page + 1 if page is not None else None))
    return found


def write(nodes: list[Node], target: Path, title: str) -> None:
    pdf(nodes, target)


register(Format(".pdf", "PDF", write))
