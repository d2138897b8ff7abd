"""政府收支分类科目: the function and economic classification of expenditure, 2019–2025, as package data.

functions.tsv and economic.tsv hold code, name, level (类/款/项), the years a code held that name, and where the
row was confirmed; definitions.tsv the standard explanation of the subjects reports most often explain.
SOURCES.md says how each was established. A row whose source is "memory" was not confirmed against a
published text: rules use such rows to recognise a subject, never to call a report's wording wrong.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class Subject:
    code: str
    name: str
    level: str  # 类, 款 or 项
    first_year: int
    last_year: int
    confirmed: bool

    def holds_in(self, year: int | None) -> bool:
        return year is None or self.first_year <= year <= self.last_year


@dataclass(frozen=True)
class Definition:
    code: str
    name: str
    text: str
    confirmed: bool


def _rows(name: str) -> list[dict[str, str]]:
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t"))


def _confirmed(source: str) -> bool:
    return not source.strip().startswith("memory")


@cache
def function_subjects() -> tuple[Subject, ...]:
    return tuple(Subject(r["code"], r["name"], r["level"], int(r["first_year"]), int(r["last_year"]),
                         _confirmed(r["source"])) for r in _rows("functions.tsv"))


@cache
def economic_subjects() -> tuple[Subject, ...]:
    return tuple(Subject(r["code"], r["name"], r["level"], int(r["first_year"]), int(r["last_year"]),
                         _confirmed(r["source"])) for r in _rows("economic.tsv"))


@cache
def definitions() -> tuple[Definition, ...]:
    return tuple(Definition(r["code"], r["name"], r["definition"], _confirmed(r["source"]))
                 for r in _rows("definitions.tsv"))


def classes() -> dict[str, str]:
    """类 code → name of the function classification (all years of the window)."""
    return {s.code: s.name for s in function_subjects() if s.level == "类"}


def core_name(name: str) -> str:
    """A subject's name as compared: without "（类）/（款）/（项）", spaces, quotes or a closing "支出"."""
    return re.sub(r"[（(](?:类|款|项)[）)]|[\s“”\"]|支出$", "", name)


def known(code: str, year: int | None) -> list[Subject]:
    """The subjects that held `code` in `year` (function codes start with 2, economic codes with 3)."""
    catalogue = function_subjects() if code.startswith("2") else economic_subjects()
    return [s for s in catalogue if s.code == code and s.holds_in(year)]
