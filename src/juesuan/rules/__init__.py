"""The rule catalogue and the checker: findings located in the source, and a ledger of every rule."""

from __future__ import annotations

import hashlib
import json
import os
import pkgutil
from dataclasses import dataclass, field
from importlib import import_module

from juesuan.analysis import Analysis
from juesuan.rules.base import RULES, CheckContext, Finding, Reporter, Rule, Severity, Status, Tolerance

__all__ = ["ACROSS_REPORTS", "CATALOGUE", "RULES", "Finding", "Rule", "RuleRun", "Severity", "Status", "Tolerance", "find_rule", "rule_set",
           "run_rules", "selected"]

# Importing a module registers its rules: every module of this package is imported, so a new group of
# rules is one new module.
for _module in pkgutil.iter_modules(__path__):
    import_module(f"{__name__}.{_module.name}")
RULES.sort(key=lambda r: r.id)

# Rules over more than one report: `juesuan compare` runs them on the store (store/compare.py); `check`, which
# sees one file, cannot. They are in the catalogue so that users can look them up like any other.
ACROSS_REPORTS = [
    Rule("X101", "across_years", Severity.ERROR, "所述上年数与上年报告不一致",
         "报告写明与上年相比的增减（“比上年增加7.34万元”“与2019年相比减少…”）时，本年数减去增减额就是报告所述的上年数；"
         "数据库中有同一单位上一年度的报告时，两者应一致（相差不超过0.01万元）。juesuan compare --org 核对，"
         "列出两份报告中的位置。",
         bad="2021年报告：2021年度机关运行经费支出400.00万元，比2020年增加20.00万元。\n"
             "2020年报告：2020年度机关运行经费支出390.00万元。",
         good="2021年报告：2021年度机关运行经费支出400.00万元，比2020年增加10.00万元。\n"
              "2020年报告：2020年度机关运行经费支出390.00万元。",
         check=None),
]
CATALOGUE = sorted(RULES + ACROSS_REPORTS, key=lambda r: r.id)

BUDGET_NOTE = "这是一份预算报告，不是决算报告，未按决算报告检查。"


@dataclass(slots=True)
class RuleRun:
    """What the rules found in one Analysis: the findings, the ledger of every rule, notes on the whole."""

    findings: list[Finding] = field(default_factory=list)
    coverage: list[tuple[str, Status]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader must know of the check as a whole


def find_rule(rule_id: str) -> Rule | None:
    return next((r for r in CATALOGUE if r.id.upper() == rule_id.upper()), None)


def selected(select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    """Rules by id or id prefix ("R1", "T"), as ruff selects them."""
    chosen = [r for r in RULES if not select or any(r.id.upper().startswith(s.upper()) for s in select)]
    return [r for r in chosen if not ignore or not any(r.id.upper().startswith(s.upper()) for s in ignore)]


def run_rules(analysis: Analysis, *, rules: list[Rule] | None = None, tolerance: Tolerance | None = None,
              min_severity: Severity = Severity.INFO, partial: bool = False) -> RuleRun:
    """Runs the rules over one file's Analysis. The pipeline calls this; see pipeline.check_file."""
    outline = analysis.outline
    ctx = CheckContext(analysis, tolerance or Tolerance(), partial)
    result = RuleRun()
    if outline.meta.kind == "预算":
        result.notes.append(BUDGET_NOTE)
        result.coverage = [(r.id, Status.NOT_APPLICABLE) for r in (rules if rules is not None else RULES)]
        return result
    if outline.start_cut is not None:
        result.notes.append(f"文本不完整：{outline.start_cut}，其编号不从1算起。")
    if outline.truncation is not None:
        result.notes.append(f"文本不完整：{outline.truncation}。缺失部分涉及的检查记为“数据不足”。")
    elif partial:
        result.notes.append("按 --partial 视为报告的一部分：缺失部分涉及的检查记为“数据不足”。")
    for rule in rules if rules is not None else RULES:
        reporter = Reporter(rule, ctx)
        if rule.check is not None:
            try:
                rule.check(ctx, reporter)
            except Exception as error:  # a slip in one rule must not cost the report its other findings
                if os.environ.get("JUESUAN_STRICT"):
                    raise  # the tests see every rule's failure
                result.notes.append(f"规则 {rule.id} 检查时出现内部错误（{type(error).__name__}），其结果未列出；"
                                    "其余规则照常检查。请把这份报告反馈给 juesuan 的维护者。")
                result.coverage.append((rule.id, Status.INSUFFICIENT_DATA))
                continue
        kept = [f for f in reporter.findings if f.severity.rank >= min_severity.rank]
        result.findings.extend(kept)
        result.coverage.append((rule.id, reporter.status))
        if reporter.dropped:
            result.notes.append(f"规则 {rule.id} 另有 {reporter.dropped} 处同类问题未列出（每条规则最多列出 {len(reporter.findings)} 处）。")
    result.findings.sort(key=lambda f: (f.location.start, f.rule))
    return result


def rule_set() -> str:
    """A short fingerprint of the catalogue (ids, severities, titles, descriptions) and the version: results
    made by the same rule set need not be checked again."""
    from juesuan import __version__

    catalogue = json.dumps([__version__, *[(r.id, r.severity.value, r.title, r.description) for r in RULES]],
                           ensure_ascii=False)
    return hashlib.sha256(catalogue.encode()).hexdigest()[:16]
