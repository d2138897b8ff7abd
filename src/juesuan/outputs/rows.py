"""The findings of a report as table rows, for the CSV and Excel outputs alike."""

from __future__ import annotations

from collections import Counter

from juesuan.pipeline import Outcome
from juesuan.places import place_or_none
from juesuan.rules import Severity

FINDING_COLUMNS = ["文件", "单位", "年度", "规则", "级别", "页", "行", "位置", "问题", "原文", "应为", "实为"]
REPORT_COLUMNS = ["文件", "单位", "年度", "类型", "版式", "错误", "警告", "提示", "SHA-256"]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(value: object) -> object:
    """A cell a spreadsheet will not run as a formula: report text is not trusted (=HYPERLINK(…), +cmd …)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def finding_rows(outcome: Outcome) -> list[list[object]]:
    report = outcome.report
    return [[safe(v) for v in (outcome.source, report.organisation or "", report.year or "", f.rule, f.severity.label,
                               f.location.page or "", f.location.line or "", place_or_none(f.location), f.message,
                               (f.evidence or "").strip(), f.expected or "", f.actual or "")]
            for f in outcome.findings]


def report_row(outcome: Outcome) -> list[object]:
    counts = Counter(f.severity for f in outcome.findings)
    report = outcome.report
    return [safe(v) for v in (outcome.source, report.organisation or "", report.year or "", report.kind or "",
                              report.layout, counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO],
                              outcome.sha256 or "")]
