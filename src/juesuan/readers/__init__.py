"""Readers: one module a format, each producing the same Document.

`read(path)` checks the file (exists, not empty, not too large, content matching its extension)
and hands it to the reader for its format. Every failure is a ReadError with one Chinese sentence.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from juesuan.document import Document
from juesuan.errors import ReadError

MAX_BYTES = 200 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED = ".txt .md .html .docx .doc .wps .pdf"


def read(path: str | Path) -> Document:
    """Reads any supported report file into a Document."""
    p = Path(path)
    if not p.exists():
        raise ReadError(p, "文件不存在")
    if p.is_dir():
        raise ReadError(p, "这是一个文件夹，不是文件")
    size = p.stat().st_size
    if size == 0:
        raise ReadError(p, "文件是空的")
    if size > MAX_BYTES:
        raise ReadError(p, f"文件过大（{size / 1024 / 1024:.0f} MB，上限 {MAX_BYTES // 1024 // 1024} MB）")
    suffix = p.suffix.lower()
    with p.open("rb") as fh:
        head = fh.read(8)
    try:
        return _dispatch(p, suffix, head)
    except ReadError:
        raise
    except MemoryError:
        raise ReadError(p, "文件内容过大，内存不足") from None
    except Exception as exc:  # a library failing on a damaged file must still give one clear line
        raise ReadError(p, f"文件已损坏或格式无法识别（{type(exc).__name__}）") from None


def _dispatch(p: Path, suffix: str, head: bytes) -> Document:
    if suffix == ".pdf":
        if not head.startswith(b"%PDF-") and b"%PDF-" not in p.read_bytes()[:1024]:
            raise ReadError(p, "文件内容不是 PDF（扩展名与内容不符）")
        from juesuan.readers.pdf import read_pdf

        return read_pdf(p)
    if suffix == ".docx":
        if not head.startswith(b"PK") or not _is_docx(p):
            raise ReadError(p, "文件内容不是 Word .docx 文档（扩展名与内容不符或文件已损坏）")
        from juesuan.readers.docx import read_docx

        return read_docx(p)
    if suffix in (".doc", ".wps"):
        if head.startswith(b"PK") and _is_docx(p):  # a .docx saved under an old extension
            from juesuan.readers.docx import read_docx

            return read_docx(p)
        if not head.startswith(b"\xd0\xcf\x11\xe0"):
            raise ReadError(p, f"文件内容不是 Word/WPS {suffix} 文档（扩展名与内容不符或文件已损坏）")
        from juesuan.readers.office import read_legacy_word

        return read_legacy_word(p)
    if suffix in HTML_SUFFIXES:
        from juesuan.readers.html import read_html

        return read_html(p, p.read_bytes())
    if suffix in TEXT_SUFFIXES:
        from juesuan.readers.plaintext import read_text

        return read_text(p, p.read_bytes())
    raise ReadError(p, f"不支持的文件类型“{suffix or '无扩展名'}”（支持 {SUPPORTED}）")


def _is_docx(p: Path) -> bool:
    try:
        with zipfile.ZipFile(p) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False
