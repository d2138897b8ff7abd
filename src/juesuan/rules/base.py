"""What a rule is, what it finds, and what the checker records of each rule it runs.

A rule is a small function with metadata (stable id, category, severity, Chinese title and
description, a bad and a good example that run as its tests). It receives the CheckContext and a
Reporter: it says what it checked (`checked()`), what it could not check for want of figures
(`missing()`), and what is wrong (`finding(...)`). The ledger turns that into passed / failed /
not_applicable / insufficient_data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from juesuan.amounts import number
from juesuan.analysis import Analysis, Found, SectionIndex
from juesuan.document import Document, Location
from juesuan.model.disclosure import Disclosure
from juesuan.model.figures import MONEY_UNITS, Figure
from juesuan.outline import Outline, Section


class Severity(StrEnum):
    ERROR = "error"  # a figure or statement is wrong
    WARNING = "warning"  # incomplete, unclear or probably wrong
    INFO = "info"  # cosmetic

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


class Status(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    NOT_APPLICABLE = "not_applicable"
    INSUFFICIENT_DATA = "insufficient_data"


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far stated figures may be from each other and still agree.

    Each figure may be off by half a unit of its last shown digit (7,349.6 stands for 7,349.55 to
    7,349.65); a sum of n figures by the sum of their half-units; a share or rate is compared within
    the interval its rounded parts allow, widened by half a unit of its own last shown digit.
    `money_slack` widens every amount comparison (万元) for a reviewer who wants fewer alarms.
    """

    money_slack: Decimal = Decimal("0")
    percent_slack: Decimal = Decimal("0")


def half_unit(figure: Figure) -> Decimal:
    """Half a unit of the last digit the figure shows (0.005 for 7,467.33; 0.5 for 100)."""
    return half_digit(figure.value)


def half_digit(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return Decimal(5).scaleb(exponent - 1)


class Finding(BaseModel):
    """One problem at one place, as the JSON contract of design.md writes it."""

    model_config = ConfigDict(frozen=True)

    rule: str
    severity: Severity
    message: str
    location: Location
    evidence: str
    expected: str | None = None
    actual: str | None = None
    # The other places the finding concerns just as much: the other statement of a pair that disagree when the
    # report does not tell which is right ("同一事项两处说法不同"). The message names them too.
    related: list[Location] = []

    def as_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


_SENTENCE = re.compile(r"[^。；;]+")
# 预算 as a budget: not the name of a kind of funds (一般公共预算财政拨款, 政府性基金预算, 国有资本经营预算) nor 预算单位
BUDGET_WORD = r"(?<!公共)(?<!基金)(?<!经营)预算(?!财政拨款|拨款|单位)"
# Words that name no thing of their own when they are all an amount's name has ("支出决算", "资金合计", "拨款支出")
GENERIC_AMOUNT_NAME = re.compile(r"(?:支出|决算|收入|金额|合计|总计|资金|共计|费用|实际|累计|执行|完成|全年|本年|当年|数为|拨款)+")
MAX_PARAGRAPH = 20_000  # characters of one paragraph a sentence-by-sentence rule reads


@dataclass(slots=True)
class CheckContext:
    """What a rule sees: the file's Analysis (read once, shared by every rule) and the check's options."""

    analysis: Analysis
    tolerance: Tolerance = field(default_factory=Tolerance)
    partial: bool = False  # the user says the text is a part of a report (--partial)
    memo: dict[str, object] = field(default_factory=dict)  # what several rules derive once (rules/blame.py)

    @property
    def document(self) -> Document:
        return self.analysis.document

    @property
    def outline(self) -> Outline:
        return self.analysis.outline

    @property
    def disclosure(self) -> Disclosure:
        return self.analysis.disclosure

    @property
    def index(self) -> SectionIndex:
        return self.analysis.index

    @property
    def figures(self) -> list[tuple[str, Figure]]:
        return self.analysis.figures

    @property
    def year(self) -> int | None:
        return self.disclosure.meta.year

    @property
    def cut_off(self) -> bool:
        """The text is a fragment: said so by the user, or seen to be cut off."""
        return self.partial or self.outline.truncation is not None

    @property
    def starts_cut(self) -> bool:
        """The text starts past the report's beginning (a page from its middle): its lists began before it."""
        return self.partial or self.outline.start_cut is not None

    def may_be_cut(self, offset: int) -> bool:
        """What stands at `offset` may run past the cut: the text is cut off and no part or item follows it
        (the item it stands in goes on to the cut)."""
        return self.cut_off and not any(s.location.start > offset for s in self.outline.walk() if s.level <= 2)

    def locate(self, start: int, end: int) -> Location:
        return self.analysis.locate(start, end)

    def figures_in(self, text: str) -> list[Found]:
        return self.analysis.figures_in(text)

    def figure(self, start: int, found: Found, sentence: str = "") -> Figure:
        return self.analysis.figure(start, found, sentence)

    def section_paragraphs(self, section: Section, include_heading: bool = True) -> list[tuple[int, str]]:
        return self.analysis.section_paragraphs(section, include_heading)

    def paragraphs(self) -> Iterator[tuple[int, str]]:
        return self.analysis.paragraphs()

    def only_titles(self, section: Section) -> bool:
        """Nothing under the section's heading but short titles: a table of contents without its 目录 heading, read as
        the body (of a text cut before the body)."""
        return all(len(text.strip()) <= 40 and "。" not in text
                   for _, text in self.section_paragraphs(section, include_heading=False))

    def cells(self, targets: bool = True) -> Iterator[tuple[int, str]]:
        return self.analysis.cells(targets)

    def sentences(self, cells: bool = False) -> Iterator[tuple[int, str]]:
        """(document offset, text) of each sentence (to 。 or ；) of the prose, and of the table cells if asked."""
        for start, text in [*self.paragraphs(), *self.cells(targets=False)] if cells else self.paragraphs():
            for m in _SENTENCE.finditer(text[:MAX_PARAGRAPH]):  # bounded: a garbled paragraph may be one line
                yield start + m.start(), m.group()

    def of_another_year(self, text: str) -> bool:
        """`text` names a year other than the report's (a comparison, an earlier event)."""
        year = str(self.year) if self.year else None
        return bool(year and set(re.findall(r"(?:19|20)\d\d", text)) - {year})

    def evidence(self, location: Location, widen: int = 0) -> str:
        start = max(0, location.start - widen)
        return self.document.text[start : location.end + widen]


MAX_FINDINGS = 200  # of one rule in one report


class Reporter:
    """Collects one rule's findings and what it managed to check."""

    def __init__(self, rule: Rule, ctx: CheckContext) -> None:
        self.rule = rule
        self.ctx = ctx
        self.findings: list[Finding] = []
        self.count = 0
        self.lacking = 0
        self.dropped = 0  # findings past MAX_FINDINGS: counted, not kept

    def checked(self, n: int = 1) -> None:
        self.count += n

    def missing(self) -> None:
        self.lacking += 1

    def finding(self, message: str, location: Location, *, expected: str | None = None,
                actual: str | None = None, evidence: str | None = None, severity: Severity | None = None,
                related: list[Location] | None = None) -> None:
        self.count += 1
        if any(f.message == message and f.location == location for f in self.findings[-20:]):
            return  # two checks of one rule that meet the same slip (a list's own sequence and the text's runs)
        if len(self.findings) >= MAX_FINDINGS:  # a garbled file can repeat one slip ten thousand times
            self.dropped += 1
            return
        self.findings.append(Finding(
            rule=self.rule.id,
            severity=severity or self.rule.severity,
            message=message,
            location=location,
            evidence=evidence if evidence is not None else self.ctx.evidence(location),
            expected=expected,
            actual=actual,
            related=related or [],
        ))

    @property
    def status(self) -> Status:
        if self.findings:
            return Status.FAILED
        if self.count:
            return Status.PASSED
        return Status.INSUFFICIENT_DATA if self.lacking else Status.NOT_APPLICABLE


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    category: str
    severity: Severity
    title: str
    description: str
    bad: str
    good: str
    check: Callable[[CheckContext, Reporter], None] | None  # None: a rule over several reports, run by the store


CATEGORY_LABELS = {
    "structure": "结构与完整性",
    "identities": "勾稽关系（合计）",
    "ratios": "比例、增减与完成率",
    "consistency": "前后一致",
    "tables": "决算表",
    "years": "年份与期间",
    "residue": "模板残留与占位符",
    "numbering": "编号",
    "units": "单位与数字格式",
    "performance": "绩效与评分表",
    "wording": "措辞与方向",
    "glossary": "名词解释与科目",
    "across_years": "跨年度（数据库）",
}

RULES: list[Rule] = []


def rule(id: str, category: str, severity: Severity, title: str, description: str, *, bad: str, good: str,
         ) -> Callable[[Callable[[CheckContext, Reporter], None]], Callable[[CheckContext, Reporter], None]]:
    """Registers a check function as a rule of the catalogue."""
    assert category in CATEGORY_LABELS, category

    def register(check: Callable[[CheckContext, Reporter], None]) -> Callable[[CheckContext, Reporter], None]:
        assert all(r.id != id for r in RULES), f"duplicate rule id {id}"
        RULES.append(Rule(id, category, severity, title, description, bad.strip(), good.strip(), check))
        return check

    return register


def amount(figure: Figure, value: Decimal | None = None) -> str:
    """An amount as messages write it, in the unit the report used (万元 unless it said otherwise)."""
    unit = figure.unit if figure.unit in MONEY_UNITS else "万元"
    return f"{number(figure.value if value is None else value)}{unit}"
