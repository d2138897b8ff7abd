"""The rule catalogue and the checker: findings located in the source, and a ledger of every rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from juesuan.document import Document
from juesuan.extract import extract
from juesuan.model.disclosure import Disclosure
from juesuan.outline import Outline, build_outline
from juesuan.rules import (  # noqa: F401  (importing a module registers its rules)
    annexes,
    classification,
    consistency,
    execution,
    glossary,
    identities,
    numbering,
    performance,
    ratios,
    residue,
    structure,
    tables,
    units,
    wording,
    years,
)
from juesuan.rules.base import RULES, CheckContext, Finding, Reporter, Rule, Severity, Status, Tolerance

__all__ = ["RULES", "CheckResult", "Finding", "Rule", "Severity", "Status", "Tolerance", "check", "find_rule"]

RULES.sort(key=lambda r: r.id)

BUDGET_NOTE = "这是一份预算报告，不是决算报告，未按决算报告检查。"


@dataclass(slots=True)
class CheckResult:
    document: Document
    outline: Outline
    disclosure: Disclosure
    findings: list[Finding] = field(default_factory=list)
    coverage: list[tuple[str, Status]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the reader must know of the check as a whole

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    def as_json(self) -> dict[str, Any]:
        meta = self.disclosure.meta
        return {
            "source": str(self.document.source),
            "report": {"organisation": meta.organisation, "year": meta.year, "kind": meta.kind, "layout": meta.layout},
            "notes": self.notes,
            "findings": [f.as_json() for f in self.findings],
            "coverage": [{"rule": rule_id, "status": status.value} for rule_id, status in self.coverage],
        }


def find_rule(rule_id: str) -> Rule | None:
    return next((r for r in RULES if r.id.upper() == rule_id.upper()), None)


def selected(select: list[str] | None = None, ignore: list[str] | None = None) -> list[Rule]:
    """Rules by id or id prefix ("R1", "T"), as ruff selects them."""
    chosen = [r for r in RULES if not select or any(r.id.upper().startswith(s.upper()) for s in select)]
    return [r for r in chosen if not ignore or not any(r.id.upper().startswith(s.upper()) for s in ignore)]


def check(document: Document, *, rules: list[Rule] | None = None, tolerance: Tolerance | None = None,
          min_severity: Severity = Severity.INFO, partial: bool = False) -> CheckResult:
    outline = build_outline(document)
    disclosure = extract(document, outline)
    ctx = CheckContext(document, outline, disclosure, tolerance or Tolerance(), partial)
    result = CheckResult(document, outline, disclosure)
    if outline.meta.kind == "预算":
        result.notes.append(BUDGET_NOTE)
        result.coverage = [(r.id, Status.NOT_APPLICABLE) for r in (rules if rules is not None else RULES)]
        return result
    if outline.truncation is not None:
        result.notes.append(f"文本不完整：{outline.truncation}。缺失部分涉及的检查记为“数据不足”。")
    elif partial:
        result.notes.append("按 --partial 视为报告的一部分：缺失部分涉及的检查记为“数据不足”。")
    for rule in rules if rules is not None else RULES:
        reporter = Reporter(rule, ctx)
        rule.check(ctx, reporter)
        kept = [f for f in reporter.findings if f.severity.rank >= min_severity.rank]
        result.findings.extend(kept)
        result.coverage.append((rule.id, reporter.status))
    result.findings.sort(key=lambda f: (f.location.start, f.rule))
    return result
