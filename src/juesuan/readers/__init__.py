"""Readers: one module a format, each producing the same Document.

`read(path)` checks the file (exists, not empty, not too large, content matching its extension)
and hands it to the reader for its format. Every failure is a ReadError with one Chinese sentence.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from juesuan.document import Document
from juesuan.errors import PagesToRecognise, ReadError
from juesuan.limits import limits


def _pdf(p: Path, head: bytes) -> str | None:
    if head.startswith(b"%PDF-") or b"%PDF-" in p.read_bytes()[:1024]:
        return None
    return "文件内容不是 PDF（扩展名与内容不符）"


def _docx(p: Path, head: bytes) -> str | None:
    if head.startswith(b"PK") and _is_docx(p):
        return None
    if head.startswith(_OLE):
        if _is_encrypted_office(p):
            return "Word 文档已加密，需要密码才能打开"
        return "文件是旧版 Word（.doc）格式而扩展名是 .docx：请把扩展名改为 .doc 再检查"
    return "文件内容不是 Word .docx 文档（扩展名与内容不符或文件已损坏）"


_OLE = b"\xd0\xcf\x11\xe0"


def _is_encrypted_office(p: Path) -> bool:
    """A password-protected .docx is an OLE container holding EncryptionInfo and EncryptedPackage."""
    import olefile

    try:
        with olefile.OleFileIO(str(p)) as ole:
            return bool(ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"))
    except OSError:
        return False


def _legacy_word(p: Path, head: bytes) -> str | None:
    if head.startswith(_OLE) or (head.startswith(b"PK") and _is_docx(p)):
        return None  # an OLE container, or a .docx saved under the old extension
    return f"文件内容不是 Word/WPS {p.suffix.lower()} 文档（扩展名与内容不符或文件已损坏）"


@dataclass(frozen=True, slots=True)
class Reader:
    """A format: its suffixes, a check that the content is what the suffix says, and where its reader is.
    The module is imported only when a file of its kind is read (PDF and OCR libraries load slowly)."""

    suffixes: tuple[str, ...]
    module: str
    function: str
    sniff: Callable[[Path, bytes], str | None] | None = None  # None if the content matches, else why not


# The one list of what juesuan reads. A new format is a reader module and one line here.
READERS = [
    Reader((".txt", ".text", ".md", ".markdown"), "plaintext", "read_text"),
    Reader((".html", ".htm", ".xhtml"), "html", "read_html"),
    Reader((".docx",), "docx", "read_docx", _docx),
    Reader((".doc", ".wps"), "office", "read_legacy_word", _legacy_word),
    Reader((".pdf",), "pdf", "read_pdf", _pdf),
]
SUFFIXES = {suffix: reader for reader in READERS for suffix in reader.suffixes}
SUPPORTED = " ".join(SUFFIXES)


def read(path: str | Path) -> Document:
    """Reads any supported report file into a Document."""
    p = Path(path)
    if not p.exists():
        raise ReadError(p, "文件不存在")
    if p.is_dir():
        raise ReadError(p, "这是一个文件夹，不是文件")
    if not p.is_file():
        raise ReadError(p, "这不是普通文件（是设备、管道或套接字），无法作为报告读取")
    size = p.stat().st_size
    if size == 0:
        raise ReadError(p, "文件是空的")
    if size > limits().file_bytes:
        raise ReadError(p, f"文件过大（{size / 2**20:.0f} MB，上限 {limits().file_bytes // 2**20} MB）")
    reader = SUFFIXES.get(p.suffix.lower())
    if reader is None:
        raise ReadError(p, f"不支持的文件类型“{p.suffix.lower() or '无扩展名'}”（支持 {SUPPORTED}）")
    try:
        with p.open("rb") as fh:
            head = fh.read(8)
        if reader.sniff is not None and (wrong := reader.sniff(p, head)):
            raise ReadError(p, wrong)
        function = getattr(import_module(f"juesuan.readers.{reader.module}"), reader.function)
        return function(p)
    except (ReadError, PagesToRecognise):
        raise
    except MemoryError:
        raise ReadError(p, "文件内容过大，内存不足") from None
    except RecursionError:
        raise ReadError(p, "文件结构嵌套过深（元素层层套叠上万层），不像一份决算报告") from None
    except Exception as exc:  # a library failing on a damaged file must still give one clear line
        name = type(exc).__name__ if type(exc).__name__ != "error" else f"{type(exc).__module__}.error"
        raise ReadError(p, f"文件已损坏或格式无法识别（{name}）") from None


def _is_docx(p: Path) -> bool:
    try:
        with zipfile.ZipFile(p) as z:
            return "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False
