"""Generating a complete, consistent report from the year's data, in any registered layout and format."""

from __future__ import annotations

from pathlib import Path

from juesuan.files import staging
from juesuan.generate.data_files import load
from juesuan.generate.formats import formats
from juesuan.generate.inputs import ReportData
from juesuan.generate.layouts import compose, layouts
from juesuan.generate.validate import problems


class GenerationRefused(Exception):
    """The data would make a wrong report: every problem, with its field named in Chinese."""

    def __init__(self, found: list[str]) -> None:
        self.problems = found
        super().__init__("；".join(found))


def generate(data: ReportData, layout: str, target: Path, charts: bool | None = None) -> None:
    """Writes the report in `layout` to `target`, in the format its suffix names (see `formats()`); with
    charts or without (`None`: as the layout's template has them)."""
    found = problems(data)
    if found:
        raise GenerationRefused(found)
    fmt = formats()[target.suffix.lower()]
    title = f"{data.meta.organisation}{data.meta.year}年度{data.meta.kind}"
    nodes = compose(data, layout, charts)
    with staging(target) as path:  # nothing is left beside the target if writing fails half-way
        fmt.write(nodes, path, title)


__all__ = ["GenerationRefused", "ReportData", "formats", "generate", "layouts", "load"]
