"""The report as PDF: the Word document converted by LibreOffice, as departments publish."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from juesuan.generate.formats import Format, register
from juesuan.generate.formats.word import docx
from juesuan.generate.nodes import Node


def pdf(nodes: list[Node], target: Path) -> None:
    from juesuan.readers.office import convert

    with tempfile.TemporaryDirectory(prefix="juesuan-pdf-") as tmp:
        source = Path(tmp) / "report.docx"
        docx(nodes, source)
        converted = convert(source, "pdf", Path(tmp))
        shutil.copyfile(converted, target)


def write(nodes: list[Node], target: Path, title: str) -> None:
    pdf(nodes, target)


register(Format(".pdf", "PDF", write))
