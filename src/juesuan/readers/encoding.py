"""Decoding text files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from juesuan.errors import ReadError


def decode(data: bytes, path: Path) -> str:
    """The text of `data`; a binary or undecodable file is a ReadError."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", path)
    if b"\x00" in data[:8192]:
        raise ReadError(path, "文件含有二进制内容，不是文本文件")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise ReadError(path, "无法识别文件的文字编码（支持 UTF-8 和 GB18030/GBK）")
    return _strict(data, best.encoding, path)


def _strict(data: bytes, encoding: str, path: Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReadError(path, f"文件不是有效的 {encoding.upper()} 文本（第 {exc.start} 字节处出错）") from None
