"""Every unreadable input: one clear Chinese line on stderr, exit status 2, no traceback, no hang."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import BUILT, run_cli


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data)
        return path

    return make


def _corrupt_docx(tmp: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("word/document.xml", "<w:document>这不是完整的 XML")
    path = tmp / "corrupt.docx"
    path.write_bytes(buffer.getvalue())
    return path


def _no_pages_pdf(tmp: Path) -> Path:
    path = tmp / "no_pages.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    return path


def _huge(tmp: Path) -> Path:
    path = tmp / "huge.pdf"
    with path.open("wb") as fh:  # sparse: takes no disk space
        fh.write(b"%PDF-1.7\n")
        fh.truncate(300 * 1024 * 1024)
    return path


def _directory(tmp: Path) -> Path:
    path = tmp / "folder.pdf"
    path.mkdir()
    return path


def _existing(path: Path) -> Callable[[Path], Path]:
    return lambda tmp: path


CASES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("empty text", _write("empty.txt", b""), "文件是空的"),
    ("empty pdf", _write("empty.pdf", b""), "文件是空的"),
    ("corrupt pdf", _write("corrupt.pdf", b"%PDF-1.4\n" + os.urandom(4000)), "PDF 文件已损坏"),
    ("text named .pdf", _write("report.pdf", "第一部分 部门概况".encode()), "不是 PDF"),
    ("encrypted pdf", _existing(BUILT / "encrypted.pdf"), "已加密"),
    ("pdf without pages", _no_pages_pdf, "已损坏"),  # PDFium refuses a document with no pages as malformed
    ("huge file", _huge, "文件过大"),
    ("corrupt docx", _corrupt_docx, "已损坏"),
    ("text named .docx", _write("report.docx", b"not a word file"), "不是 Word .docx"),
    ("text named .doc", _write("report.doc", b"not a word file"), "不是 Word/WPS .doc"),
    ("corrupt doc", _write("broken.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(6000)), "已损坏"),
    ("binary named .txt", _write("binary.txt", b"\x00\x01\x02\xff" * 100), "二进制"),
    ("image", _write("chart.png", b"\x89PNG\r\n\x1a\n" + os.urandom(100)), "不支持的文件类型"),
    ("spreadsheet", _write("tables.xlsx", b"PK\x03\x04" + os.urandom(100)), "不支持的文件类型"),
    ("missing", lambda tmp: tmp / "nowhere.txt", "文件不存在"),
    ("directory", _directory, "文件夹"),
]


@pytest.mark.parametrize(("name", "make", "reason"), CASES, ids=[c[0] for c in CASES])
@pytest.mark.parametrize("command", ["outline", "text", "extract"])
def test_bad_input_gives_one_chinese_line_and_exit_2(
    tmp_path: Path, name: str, make: Callable[[Path], Path], reason: str, command: str
) -> None:
    path = make(tmp_path)
    result = run_cli(command, path, timeout=180)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("错误：无法读取“") and reason in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_bad_input_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.pdf"
    data = b"%PDF-1.4\n" + os.urandom(2000)
    path.write_bytes(data)
    run_cli("outline", path)
    assert path.read_bytes() == data
