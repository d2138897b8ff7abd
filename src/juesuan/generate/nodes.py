"""The generated report before it has a format: headings, paragraphs, tables and charts in order."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Cover:
    """The report's name: the organisation and the title ("2020年度部门决算"). Word and PDF give it a page of
    its own and a 目录 after it; HTML and Markdown write it as the two lines the published reports open with."""

    organisation: str
    title: str


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1 part, 2 item, 3 subsection
    text: str


@dataclass(frozen=True, slots=True)
class Para:
    text: str


@dataclass(slots=True)
class TableNode:
    title: str
    header: list[list[str]]  # header rows; a cell repeated across columns is one merged cell
    rows: list[list[str]]
    unit: str | None = "万元"
    note: str | None = None
    inline: bool = False  # a small table within the text (单位构成): no page of its own, no caption if untitled


@dataclass(slots=True)
class Chart:
    number: int
    title: str
    kind: str  # "bar" (this year against last) or "pie" (a structure)
    labels: list[str]
    values: list[Decimal]
    series: list[str] = field(default_factory=list)  # bar charts: one value per series and label


Node = Cover | Heading | Para | TableNode | Chart
