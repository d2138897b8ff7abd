"""Generating a report from an uploaded data file (YAML, JSON or the Excel workbook), off the event loop and
one at a time (a PDF is written by LibreOffice, which is heavy)."""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

from starlette.concurrency import run_in_threadpool

from juesuan.errors import ReadError
from juesuan.generate import GenerationRefused, generate, layouts, load
from juesuan.web.uploads import UploadRefused, data_kind
from juesuan.web.wording import for_the_web

LAYOUT_CHOICES = {name: cls.label for name, cls in layouts().items()}
OUTPUT_CHOICES = {".docx": "Word（.docx）", ".pdf": "PDF", ".html": "网页（.html）"}
MEDIA = {".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ".pdf": "application/pdf", ".html": "text/html; charset=utf-8",
         ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         ".yaml": "application/yaml"}
ONE_AT_A_TIME = threading.Lock()


class GenerateRefusal(Exception):
    """The data cannot make a report: a Chinese summary and every problem."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


async def generate_file(content: bytes, name: str, layout: str, fmt: str) -> tuple[bytes, str, str]:
    """The report's bytes, its file name and media type; GenerateRefusal with every problem otherwise."""
    if layout not in LAYOUT_CHOICES:
        raise GenerateRefusal(f"不认识的版式“{layout}”", [f"可选版式：{'、'.join(LAYOUT_CHOICES)}"])
    if fmt not in OUTPUT_CHOICES:
        raise GenerateRefusal(f"不支持的输出格式“{fmt}”", [f"可选格式：{'、'.join(OUTPUT_CHOICES)}"])
    try:
        suffix = data_kind(content, name)
    except UploadRefused as exc:
        raise GenerateRefusal(str(exc), []) from None
    return await run_in_threadpool(_write, content, suffix, layout, fmt)


def _write(content: bytes, suffix: str, layout: str, fmt: str) -> tuple[bytes, str, str]:
    with ONE_AT_A_TIME, tempfile.TemporaryDirectory(prefix="juesuan-generate-") as folder:
        data_path = Path(folder) / f"data{suffix}"
        data_path.write_bytes(content)
        try:
            data = load(data_path)
        except ReadError as exc:  # the loader's problems, one by one (the checks of sums come once they are mended)
            found = [for_the_web(p) for p in exc.reason.removeprefix("数据不完整或有误：").split("；") if p.strip()]
            raise GenerateRefusal(f"数据文件有 {len(found)} 处问题，未生成报告", found) from None
        target = Path(folder) / f"report{fmt}"
        try:
            generate(data, layout, target)
        except GenerationRefused as exc:
            raise GenerateRefusal(f"数据有 {len(exc.problems)} 处问题，未生成报告", exc.problems) from None
        title = f"{data.meta.organisation}{data.meta.year}年度{data.meta.kind}"
        return target.read_bytes(), f"{title}{fmt}", MEDIA[fmt]


def template_file(kind: str) -> tuple[bytes, str, str]:
    """The blank data template (xlsx or yaml), as `juesuan template` writes it."""
    from juesuan.generate.template import write_yaml_template
    from juesuan.generate.workbook import write_template

    with tempfile.TemporaryDirectory(prefix="juesuan-template-") as folder:
        target = Path(folder) / f"决算数据模板.{kind}"
        (write_template if kind == "xlsx" else write_yaml_template)(target)
        return target.read_bytes(), MEDIA[f".{kind}"], target.name
