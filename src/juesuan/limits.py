"""The bounds every input is held to, in one place, so a hostile or broken file ends with one Chinese line.

A real 决算公开报告 is a few hundred thousand characters, a few thousand lines and under a hundred pages;
these limits are far above that and far below what would exhaust the machine. The command line can
raise the time limit (`--time-limit`) and every size limit (`--large`, tenfold). Each is checked before
the work it bounds: a zip part's size before it is inflated, the pages to OCR before the first is read.
"""

from __future__ import annotations

import mmap
import re
import signal
import threading
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from juesuan.errors import ReadError


@dataclass(frozen=True, slots=True)
class Limits:
    """Every size bound on an input. `juesuan check --large` raises them all tenfold (`raised`)."""

    file_bytes: int = 200 * 1024 * 1024  # the file on disk
    chars: int = 3_000_000  # characters of text in one document
    blocks: int = 100_000  # headings, paragraphs and tables in one document
    lines: int = 300_000  # source lines of a text-like file, checked before any of them is processed
    table_columns: int = 300  # a cell spanning more columns than this (gridSpan="999999999") spans this many
    table_cells: int = 200_000  # positions of one table's grid (rows x columns) once spans are spread out
    html_tags: int = 300_000  # elements of an HTML file, counted before it is parsed (each costs about 1 KB parsed)
    zip_members: int = 10_000  # parts of a .docx or .xlsx
    zip_bytes: int = 400 * 1024 * 1024  # all parts of a .docx or .xlsx, uncompressed, as the archive declares
    xml_bytes: int = 64 * 1024 * 1024  # one XML part, uncompressed (a report's document.xml is a few MB)
    pdf_pages: int = 3000
    ocr_pages: int = 80  # pages without a text layer: counted before any is read, each takes seconds
    render_pixels: int = 10_000_000  # a page image for OCR (A4 at 216 dpi is 4.5 million pixels)
    pdf_stream_bytes: int = 32 * 1024 * 1024  # a PDF's page contents, inflated (a quarter of it for one stream)

    def raised(self, factor: int) -> Limits:
        return Limits(**{name: getattr(self, name) * factor for name in self.__slots__})  # type: ignore[attr-defined]


LIMITS = Limits()
TIME_LIMIT_S = 120.0  # for reading, analysing and checking one file
MEMORY_BOUND_MB = 1024  # what every command stays under on any input (measured by bench/fuzz.py, tests/test_fuzz.py)


def limits() -> Limits:
    """The limits in force (the command line may have raised them)."""
    return LIMITS


def set_limits(new: Limits) -> None:
    global LIMITS
    LIMITS = new


_RAISE = "（确需检查可加 --large 放宽上限）"


class TooComplex(ReadError):
    """The analysis ran past its time limit."""


def check_document_size(path: Path, chars: int, blocks: int) -> None:
    if chars > LIMITS.chars:
        raise ReadError(path, f"文本过长（{chars:,} 字，上限 {LIMITS.chars:,} 字），不像一份决算报告{_RAISE}")
    if blocks > LIMITS.blocks:
        raise ReadError(path, f"段落过多（{blocks:,} 段，上限 {LIMITS.blocks:,} 段），不像一份决算报告{_RAISE}")


def check_raw_text(path: Path, text: str) -> None:
    """A text-like file is refused before it is processed when it is far larger than any report."""
    if len(text) > 2 * LIMITS.chars:
        raise ReadError(path, f"文本过长（{len(text):,} 字，上限 {LIMITS.chars:,} 字），不像一份决算报告{_RAISE}")
    lines = text.count("\n")
    if lines > LIMITS.lines:
        raise ReadError(path, f"行数过多（{lines:,} 行，上限 {LIMITS.lines:,} 行），不像一份决算报告{_RAISE}")


def check_html_tags(path: Path, text: str) -> None:
    tags = text.count("<")
    if tags > LIMITS.html_tags:
        raise ReadError(path, f"网页元素过多（约 {tags:,} 个，上限 {LIMITS.html_tags:,} 个），不像一份决算报告{_RAISE}")


def check_zip(path: Path, what: str) -> None:
    """An Office file's parts, by the sizes its archive declares (Python's zipfile never inflates a part past
    its declared size), are refused before any of them is inflated when they could not be a report; so is a
    part that declares entities (an entity bomb or an external entity: Office never writes a DOCTYPE)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > LIMITS.zip_members:
                raise ReadError(path, f"{what}包含的部件过多（{len(infos):,} 个，上限 {LIMITS.zip_members:,} 个）{_RAISE}")
            total = sum(info.file_size for info in infos)
            if total > LIMITS.zip_bytes:
                raise ReadError(path, f"{what}解压后过大（{total / 2**20:,.0f} MB，上限 {LIMITS.zip_bytes // 2**20} MB），"
                                      f"可能是压缩炸弹{_RAISE}")
            for info in infos:
                if not info.filename.lower().endswith((".xml", ".rels")):
                    continue
                if info.file_size > LIMITS.xml_bytes:
                    raise ReadError(path, f"{what}的 {info.filename} 解压后过大（{info.file_size / 2**20:,.0f} MB，"
                                          f"上限 {LIMITS.xml_bytes // 2**20} MB），不像一份决算报告{_RAISE}")
                if _declares_entities(archive, info):
                    raise ReadError(path, f"{what}的 {info.filename} 含有 DTD 或实体声明（Office 从不写入，可能是恶意文件），已拒绝")
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ReadError(path, f"{what}已损坏（不是有效的压缩包）") from None


def _declares_entities(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Only the prolog can hold a DOCTYPE, so a part's first 64 KB are read (and no more)."""
    try:
        with archive.open(info) as member:
            head = member.read(65536)
    except Exception:  # a damaged part is the reader's to report
        return False
    return b"<!DOCTYPE" in head.upper() or "<!DOCTYPE".encode("utf-16-le") in head


_STREAM = re.compile(rb"stream\r?\n")
_NOT_CONTENT = re.compile(rb"/Image\b|/Length[123]\b|/Type1C\b|/CIDFontType0C\b|/OpenType\b|/EmbeddedFile\b|/Metadata\b")


def check_pdf_streams(path: Path) -> None:
    """Page contents that inflate to hundreds of megabytes would make PDFium build millions of objects (3 GB
    for 200 MB of text operators). Before PDFium opens the file, every Flate stream that may be page content
    (not an image, font, attachment or metadata, by its dictionary) is inflated in pieces, never past the limit."""
    one, total = LIMITS.pdf_stream_bytes // 4, LIMITS.pdf_stream_bytes
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        for m in _STREAM.finditer(data):
            begin = data.rfind(b"obj", max(0, m.start() - 4000), m.start())
            if _NOT_CONTENT.search(data[max(begin, m.start() - 4000): m.start()]):
                continue
            size = _inflated_size(data, m.end(), one + 1)
            total -= size
            if size > one or total < 0:
                raise ReadError(path, f"PDF 的页面内容解压后过大（单个超过 {one // 2**20} MB 或合计超过 "
                                      f"{LIMITS.pdf_stream_bytes // 2**20} MB），可能是压缩炸弹{_RAISE}")


def _inflated_size(data: mmap.mmap, at: int, cap: int) -> int:
    """How many bytes the Flate stream at `at` inflates to, counting no further than `cap`; 0 if not Flate."""
    inflater = zlib.decompressobj()
    size = 0
    try:
        while not inflater.eof and at < len(data) and size < cap:
            size += len(inflater.decompress(data[at: at + 65536], cap - size))
            while inflater.unconsumed_tail and size < cap:
                size += len(inflater.decompress(inflater.unconsumed_tail, cap - size))
            at += 65536
    except zlib.error:
        return 0  # not a Flate stream, or one zlib cannot read: PDFium decides
    return size


def check_table_size(path: Path, rows: int, columns: int) -> None:
    if rows * columns > LIMITS.table_cells:
        raise ReadError(path, f"表格过大（{rows:,} 行 × {columns:,} 列，上限 {LIMITS.table_cells:,} 格），"
                              f"不像一份决算报告{_RAISE}")


@contextmanager
def time_limit(path: Path, seconds: float | None) -> Iterator[None]:
    """Raises TooComplex in the block after `seconds`. Works where signals do (the main thread of a process:
    the command line and batch workers); elsewhere the block simply runs."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TooComplex(path, f"文件过于复杂，分析超过 {seconds:g} 秒仍未完成（可用 --time-limit 放宽）")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
