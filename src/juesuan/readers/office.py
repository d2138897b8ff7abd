"""Legacy Word (.doc) and WPS (.wps) files: converted to .docx by LibreOffice headless, then read.

Each conversion gets its own LibreOffice user profile, so conversions can run at the same time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import olefile

from juesuan.document import Document
from juesuan.errors import ReadError
from juesuan.readers.docx import read_docx

CONVERT_TIMEOUT_S = 120


def soffice() -> str | None:
    """The LibreOffice executable, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(path: Path, target: str, outdir: Path) -> Path:
    """Converts `path` with LibreOffice to format `target` (e.g. "docx", "pdf") inside `outdir`."""
    exe = soffice()
    if exe is None:
        raise ReadError(path, "读取 .doc/.wps 文件需要 LibreOffice，但本机未安装（请先运行 make setup）")
    profile = Path(tempfile.mkdtemp(prefix="juesuan-lo-profile-"))
    try:
        cmd = [
            exe,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless", "--norestore", "--nolockcheck",
            "--convert-to", target, "--outdir", str(outdir), str(path),
        ]
        env = {**os.environ, "HOME": str(profile)}
        try:
            subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT_S, check=False, env=env)
        except subprocess.TimeoutExpired:
            raise ReadError(path, f"LibreOffice 转换超时（超过 {CONVERT_TIMEOUT_S} 秒），文件可能已损坏") from None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    out = outdir / (path.stem + "." + target.split(":")[0])
    if not out.exists() or out.stat().st_size == 0:
        raise ReadError(path, "LibreOffice 无法转换此文件，文件可能已损坏或格式不受支持")
    return out


def _check_word_container(path: Path) -> None:
    """A .doc or .wps is an OLE container with a WordDocument stream; anything else LibreOffice would
    happily import as plain text, garbage and all."""
    try:
        if not olefile.isOleFile(str(path)):
            raise ReadError(path, "文件不是有效的 Word/WPS 文档（文件结构已损坏）")
        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("WordDocument"):
                raise ReadError(path, "文件不是 Word/WPS 文字文档（缺少正文数据）")
    except OSError:
        raise ReadError(path, "文件不是有效的 Word/WPS 文档（文件结构已损坏）") from None


def read_legacy_word(path: Path) -> Document:
    with path.open("rb") as fh:
        if fh.read(2) == b"PK":
            return read_docx(path)  # a .docx saved under an old extension (the sniff saw word/document.xml)
    _check_word_container(path)
    with tempfile.TemporaryDirectory(prefix="juesuan-convert-") as tmp:
        # LibreOffice names the output after the input; copy under a plain name to avoid odd characters.
        src = Path(tmp) / ("input" + path.suffix.lower())
        shutil.copyfile(path, src)
        try:
            converted = convert(src, "docx", Path(tmp))
            document = read_docx(converted)
        except ReadError as exc:  # said of the temporary copy: say it of the user's file
            raise ReadError(path, exc.reason) from None
    document.source = path
    document.format = path.suffix.lower().lstrip(".")
    return document
