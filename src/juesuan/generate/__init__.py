"""Generating a complete, consistent report from the year's data, in the Sichuan or the Shanghai layout."""

from __future__ import annotations

from pathlib import Path

from juesuan.generate.compose import compose
from juesuan.generate.inputs import ReportData, load
from juesuan.generate.validate import problems

FORMATS = (".docx", ".html", ".md", ".pdf")
LAYOUTS = ("sichuan", "shanghai")


class GenerationRefused(Exception):
    """The data would make a wrong report: every problem, with its field path, in Chinese."""

    def __init__(self, found: list[str]) -> None:
        self.problems = found
        super().__init__("；".join(found))


def generate(data: ReportData, layout: str, target: Path) -> None:
    from juesuan.generate import render

    found = problems(data)
    if found:
        raise GenerationRefused(found)
    nodes = compose(data, layout)
    suffix = target.suffix.lower()
    title = f"{data.meta.organisation}{data.meta.year}年度{data.meta.kind}"
    if suffix == ".md":
        target.write_text(render.markdown(nodes, chart_dir=target.parent), encoding="utf-8")
    elif suffix == ".html":
        target.write_text(render.html(nodes, title), encoding="utf-8")
    elif suffix == ".docx":
        render.docx(nodes, target)
    elif suffix == ".pdf":
        render.pdf(nodes, target)
    else:
        raise ValueError(suffix)


__all__ = ["FORMATS", "LAYOUTS", "GenerationRefused", "ReportData", "generate", "load"]
