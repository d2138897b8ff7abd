"""PDF: text with page numbers (pypdfium2), re-flowed paragraphs, ruled tables, OCR for scanned pages."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from juesuan.document import Document, DocumentBuilder
from juesuan.errors import ReadError
from juesuan.files import file_sha256
from juesuan.limits import check_pdf_streams, limits
from juesuan.readers import ocr_cache
from juesuan.readers.ocr import ocr_page, recognise
from juesuan.readers.pdf_page import Line, make_line, read_page
from juesuan.readers.pdf_reflow import FlowItem, FlowTable, Reflow, drop_page_furniture
from juesuan.readers.pdf_tables import find_tables, inside

MIN_TEXT_CHARS = 20  # a page with fewer characters than this, but with an image, is treated as scanned


def read_pdf(path: Path) -> Document:
    check_pdf_streams(path)
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
    bound = limits()
    if count > bound.pdf_pages:
        raise ReadError(path, f"PDF 页数过多（{count} 页，上限 {bound.pdf_pages} 页）")
    scanned = scanned_pages(pdf, count)
    if len(scanned) > bound.ocr_pages:  # counted before any page is read: each takes seconds of OCR
        raise ReadError(path, f"扫描页过多（{len(scanned)} 页没有文字层，需要文字识别，上限 {bound.ocr_pages} 页），"
                              "请提供带文字层的 PDF（确需识别可加 --large 放宽上限）")
    digest = file_sha256(path) if scanned else ""  # the OCR cache's key
    ocr_cache.defer(digest, scanned)
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
            if len(builder.ocr_pages) >= bound.ocr_pages:  # the count above is cheap and may differ slightly
                raise ReadError(path, f"扫描页过多（超过 {bound.ocr_pages} 页需要文字识别），请提供带文字层的 PDF")
            digest = digest or file_sha256(path)
            lines, tables = ocr_page(page, number, recognised(digest, page, number))
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


def recognised(digest: str, page: pdfium.PdfPage, number: int) -> dict:  # type: ignore[type-arg]
    """What OCR reads on the page: from the cache when this file's page was read before, else read and kept."""
    read = ocr_cache.load(digest, number)
    if read is None:
        read = recognise(page)
        ocr_cache.save(digest, number, read)
    return read


def scanned_pages(pdf: pdfium.PdfDocument, count: int) -> list[int]:
    """Pages (1-based) with (almost) no text but an image: what OCR would read. Finding them parses no page."""
    scanned = []
    for index in range(count):
        page = pdf[index]
        textpage = page.get_textpage()
        if textpage.count_chars() < MIN_TEXT_CHARS and any(
                True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)):
            scanned.append(index + 1)
        textpage.close()
        page.close()
    return scanned


__all__ = ["Line", "read_pdf"]
