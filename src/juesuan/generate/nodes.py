"""The generated report before it has a format: headings, paragraphs, tables and charts in order."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


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


@dataclass(slots=True)
class Chart:
    number: int
    title: str
    kind: str  # "bar" (this year against last) or "pie" (a structure)
    labels: list[str]
    values: list[Decimal]
    series: list[str] = field(default_factory=list)  # bar charts: one value per series and label


Node = Heading | Para | TableNode | Chart
