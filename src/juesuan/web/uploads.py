"""What was sent is judged by its bytes, not its name: a PDF starts with %PDF, a Word file is a zip holding
word/document.xml, a .doc or .wps is an OLE compound file, an HTML page has HTML tags, a text is text."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|p|div|table|meta)\b", re.IGNORECASE)
REPORT_KINDS = "PDF、Word（.docx/.doc）、WPS、HTML、纯文本（.txt/.md）"


class UploadRefused(Exception):
    """One Chinese sentence: why the file is not taken."""


def safe_name(name: str | None) -> str:
    """The file's own name without any folder (a name like ../../x is x), bounded, never empty."""
    base = PurePath((name or "").replace("\\", "/")).name.strip()
    base = "".join(c for c in base if c.isprintable())[:200]
    return base or "未命名文件"


def report_kind(content: bytes, name: str) -> str:
    """The suffix the readers need for a report's bytes (.pdf .docx .doc .wps .html .md .txt)."""
    if not content.strip():
        raise UploadRefused("文件是空的")
    head = content[:1024]
    if b"%PDF-" in head:
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(content)
    if head.startswith(OLE):
        return ".wps" if name.lower().endswith(".wps") else ".doc"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text: its NUL bytes are not binary
        return ".html" if _HTML.search(content[:65536].replace(b"\x00", b"")) else ".txt"
    if b"\x00" in content[:65536] or _binary(head):
        raise UploadRefused(f"不是可以读取的报告文件（支持 {REPORT_KINDS}）")
    if _HTML.search(content[:65536]):
        return ".html"
    return ".md" if name.lower().endswith(".md") else ".txt"


def data_kind(content: bytes, name: str) -> str:
    """The suffix for a generator's data file: .xlsx (a zip with a workbook), else .json or .yaml text."""
    if content.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                if "xl/workbook.xml" in archive.namelist():
                    return ".xlsx"
        except zipfile.BadZipFile:
            pass
        raise UploadRefused("不是 Excel 工作簿（.xlsx），也不是 YAML 或 JSON 数据文件")
    if not content.strip():
        raise UploadRefused("文件是空的")
    if b"\x00" in content[:65536] or _binary(content[:1024]):
        raise UploadRefused("数据文件应为 .xlsx、.yaml 或 .json")
    text = content[:4096].decode("utf-8", "ignore").lstrip("\ufeff \r\n\t")  # the loader decodes it properly
    return ".json" if text.startswith(("{", "[")) else ".yaml"


def _zip_kind(content: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist()[:10000])
    except zipfile.BadZipFile:
        raise UploadRefused("文件已损坏：像是 Word 文件，但无法打开") from None
    if "word/document.xml" in names:
        return ".docx"
    if "xl/workbook.xml" in names:
        raise UploadRefused("这是 Excel 工作簿，不是报告；生成报告的数据请在“生成报告”页上传")
    raise UploadRefused(f"这是压缩包或其他文件，不是报告（支持 {REPORT_KINDS}）")


def _binary(head: bytes) -> bool:
    """Mostly control bytes: an image, an executable or other binary data."""
    controls = sum(b < 9 or 13 < b < 32 for b in head)
    return controls > len(head) // 10
