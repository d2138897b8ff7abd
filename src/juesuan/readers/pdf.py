"""PDF: text with page numbers (pypdfium2), re-flowed paragraphs, ruled tables, OCR for scanned pages."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from juesuan.document import Document, DocumentBuilder
from juesuan.errors import ReadError
from juesuan.readers.ocr import ocr_page
from juesuan.readers.pdf_page import Line, make_line, read_page
from juesuan.readers.pdf_reflow import FlowItem, FlowTable, Reflow, drop_page_furniture
from juesuan.readers.pdf_tables import find_tables, inside

MAX_PAGES = 3000
MAX_OCR_PAGES = 80  # a scanned report longer than this would take many minutes: refuse it clearly
MIN_TEXT_CHARS = 20  # a page with fewer characters than this, but with an image, is treated as scanned


def read_pdf(path: Path) -> Document:
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ReadError(path, "PDF 文件已加密，需要密码才能打开") from None
        raise ReadError(path, "PDF 文件已损坏或不是有效的 PDF") from None
    try:
        return _read(path, pdf)
    finally:
        pdf.close()


def _read(path: Path, pdf: pdfium.PdfDocument) -> Document:
    count = len(pdf)
    if count == 0:
        raise ReadError(path, "PDF 文件没有任何页面")
    if count > MAX_PAGES:
        raise ReadError(path, f"PDF 页数过多（{count} 页，上限 {MAX_PAGES} 页）")
    builder = DocumentBuilder(path, "pdf")
    builder.pages = count
    reflow = Reflow(builder)
    for index in range(count):
        number = index + 1
        page = pdf[index]
        content = read_page(page, number)
        visible = sum(1 for c in content.chars if c.text.strip())
        tables = []
        if visible < MIN_TEXT_CHARS and content.has_images:
            if len(builder.ocr_pages) >= MAX_OCR_PAGES:
                raise ReadError(path, f"扫描页过多（超过 {MAX_OCR_PAGES} 页需要文字识别），请提供带文字层的 PDF")
            lines, tables = ocr_page(page, number)
            builder.ocr_pages.append(number)
        else:
            tables = find_tables(content)
            boxes = [(t.x0, t.top, t.x1, t.bottom) for t in tables]
            lines = []
            for chars in content.lines:
                kept = [c for c in chars if not any(inside(c, box) for box in boxes)]
                line = make_line(kept, number)
                if line is not None:
                    lines.append(line)
        page.close()
        lines = drop_page_furniture(lines, content.height)
        items: list[FlowItem] = [*lines, *(FlowTable(t, number) for t in tables)]
        items.sort(key=lambda item: item.top)
        reflow.page(items, content.width)
    reflow.finish()
    return builder.build()


__all__ = ["Line", "read_pdf"]
