"""The outline of a report: its metadata and a tree of recognised sections."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from juesuan.document import Location
from juesuan.outline.contents import ContentsEntry


@dataclass(slots=True)
class TableInfo:
    """A table that is in the document (not only named): where it is and its size."""

    block: int  # index into Document.blocks
    rows: int
    columns: int
    pages: list[int]

    def as_json(self) -> dict[str, Any]:
        return {"block": self.block, "rows": self.rows, "columns": self.columns, "pages": self.pages}


@dataclass(slots=True)
class Section:
    kind: str
    title: str  # as written in the report
    level: int  # 1 part, 2 item, 3 subsection; tables, charts and annexes sit one below their parent
    location: Location
    block: int  # index into Document.blocks
    number: int | None = None
    table: TableInfo | None = None
    children: list[Section] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "title": self.title,
            "level": self.level,
            "number": self.number,
            "location": self.location.as_json(),
        }
        if self.table is not None:
            data["table"] = self.table.as_json()
        data["children"] = [c.as_json() for c in self.children]
        return data


@dataclass(slots=True)
class ReportMeta:
    organisation: str | None
    year: int | None
    kind: str | None  # 部门决算 or 单位决算
    layout: str  # sichuan, shanghai or unknown

    def as_json(self) -> dict[str, Any]:
        return {"organisation": self.organisation, "year": self.year, "kind": self.kind, "layout": self.layout}


@dataclass(slots=True)
class Outline:
    meta: ReportMeta
    sections: list[Section]
    contents: list[ContentsEntry] = field(default_factory=list)  # the table of contents, if any
    truncation: str | None = None  # why the text looks cut off, if it does
    start_cut: str | None = None  # why the text looks to start past the report's beginning, if it does

    def walk(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()

    def find(self, kind: str) -> list[Section]:
        return [s for s in self.walk() if s.kind == kind]

    def kinds(self) -> list[str]:
        return [s.kind for s in self.walk()]
