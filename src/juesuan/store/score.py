"""The disclosure score of one checked report: how complete and how consistent it is, out of 100.

The method and its reasons are in docs/score.md. Every point lost is a `Lost` naming the missing part, item
or table, or the rule and finding behind it; points that cannot be judged (a fragment, a rule without the
data it needs) are left out of the maximum rather than counted as lost or as earned.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from juesuan.outline.labels import KIND_LABELS
from juesuan.pipeline import Outcome
from juesuan.rules.base import Severity, Status

METHOD = "1"  # bumped when the weights change, so that stored scores say which method made them

COMPLETENESS = "完整性"
DETAIL = "详细程度"
CONSISTENCY = "准确一致"
NOT_JUDGED = "未评"

PARTS = {"overview": 2, "explanation": 2, "glossary": 2}
ITEMS = {kind: 2 for kind in (
    "income_expenditure_overview", "income", "expenditure", "fiscal_appropriation_overview",
    "general_budget_expenditure", "general_budget_basic", "three_public", "gov_fund", "state_capital",
    "admin_operating_cost", "procurement", "state_assets", "performance")}
TABLES = {kind: 2 for kind in (  # the nine tables every layout publishes (财政部's 部门决算公开 set)
    "table_income_expenditure_summary", "table_income", "table_expenditure", "table_fiscal_appropriation_summary",
    "table_general_budget_expenditure", "table_general_budget_basic", "table_three_public", "table_gov_fund",
    "table_state_capital")}
# The rules that judge whether an item gives the detail it must: the points each may lose.
DETAIL_RULES = {"S102": 4, "S103": 4, "S104": 4, "S105": 4, "S106": 2, "T204": 2}
DETAIL_LOSS = Decimal(2)  # a finding
# A detail rule finds nothing to judge when its item is missing: the item's detail is then lost too, so that
# leaving an item out never costs less than writing it with a mistake.
DETAIL_ITEMS = {"S103": "three_public", "S104": "general_budget_expenditure", "S105": "procurement"}
SEVERITY_LOSS = {Severity.ERROR: Decimal(3), Severity.WARNING: Decimal(1), Severity.INFO: Decimal(0)}
CONSISTENCY_POINTS = 30
PER_RULE_CAP = Decimal(9)  # one mistake repeated through a report costs at most this much
NOT_SCORED_RULES = {"S101"}  # its findings are the missing items, scored under 完整性


@dataclass(frozen=True, slots=True)
class Lost:
    part: str  # 完整性, 详细程度 or 准确一致
    item: str  # what is missing, or the rule's id
    points: Decimal
    reason: str
    line: int | None = None
    page: int | None = None


@dataclass
class Score:
    total: Decimal | None  # out of 100, to one place; None when the report is not a final-accounts report
    earned: Decimal = Decimal(0)
    judged: Decimal = Decimal(0)  # the points that could be judged (the maximum, less what could not)
    lost: list[Lost] = field(default_factory=list)
    unjudged: list[str] = field(default_factory=list)  # what could not be judged, and why
    method: str = METHOD

    def by_part(self) -> dict[str, Decimal]:
        found = {COMPLETENESS: Decimal(0), DETAIL: Decimal(0), CONSISTENCY: Decimal(0)}
        for lost in self.lost:
            found[lost.part] += lost.points
        return found


def scored(outcome: Outcome) -> bool:
    """Only final-accounts reports are scored: a 三公 note or a budget has other required parts."""
    kind = outcome.report.kind or ""
    return "决算" in kind and "三公" not in kind and outcome.report.layout not in ("three_public", "budget")


def score(outcome: Outcome) -> Score:
    if not scored(outcome):
        return Score(total=None, unjudged=[f"不是部门（单位）决算报告（{outcome.report.kind or '类型未识别'}），不评分"])
    if not outcome.sections:  # no part or item recognised: what is missing cannot be told from what was not seen
        return Score(total=None, unjudged=["未识别出报告的任何部分或章节，不评分"])
    result = Score(total=None)
    _completeness(outcome, result)
    _detail(outcome, result)
    _consistency(outcome, result)
    lost = sum((x.points for x in result.lost), Decimal(0))
    result.earned = result.judged - lost
    if result.judged:
        result.total = (result.earned * 100 / result.judged).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return result


def _completeness(outcome: Outcome, result: Score) -> None:
    found = set(outcome.sections)
    for group, weights in (("部分", PARTS), ("说明事项", ITEMS), ("决算表", TABLES)):
        for kind, points in weights.items():
            name = KIND_LABELS.get(kind, kind)
            if kind in found:
                result.judged += points
            elif outcome.cut_off:  # what is missing may stand past the cut
                result.unjudged.append(f"{group}“{name}”：文件不完整，无法判断是否公开")
            else:
                result.judged += points
                result.lost.append(Lost(COMPLETENESS, name, Decimal(points), f"缺少{group}“{name}”"))


def _detail(outcome: Outcome, result: Score) -> None:
    ledger = outcome.ledger()
    for rule, points in DETAIL_RULES.items():
        status = ledger.get(rule)
        if status is None or status is Status.INSUFFICIENT_DATA:
            result.unjudged.append(f"{rule}：数据不足，无法判断")
            continue
        item = DETAIL_ITEMS.get(rule)
        missing = status is Status.NOT_APPLICABLE and item is not None and item not in outcome.sections
        if missing and outcome.cut_off:
            result.unjudged.append(f"{rule}：文件不完整，无法判断")
            continue
        result.judged += points
        if missing:
            name = KIND_LABELS.get(item, item)  # type: ignore[arg-type]
            result.lost.append(Lost(DETAIL, rule, Decimal(points), f"缺少说明事项“{name}”，无从说明其细节"))
            continue
        budget = Decimal(points)
        for finding in (f for f in outcome.findings if f.rule == rule):
            take = min(DETAIL_LOSS, budget)
            if not take:
                break
            budget -= take
            result.lost.append(Lost(DETAIL, rule, take, finding.message, finding.location.line, finding.location.page))


def _consistency(outcome: Outcome, result: Score) -> None:
    result.judged += CONSISTENCY_POINTS
    budget = Decimal(CONSISTENCY_POINTS)
    spent: dict[str, Decimal] = {}
    for finding in outcome.findings:
        if finding.rule in DETAIL_RULES or finding.rule in NOT_SCORED_RULES:
            continue
        take = min(SEVERITY_LOSS[finding.severity], PER_RULE_CAP - spent.get(finding.rule, Decimal(0)), budget)
        if take <= 0:
            continue
        spent[finding.rule] = spent.get(finding.rule, Decimal(0)) + take
        budget -= take
        result.lost.append(Lost(CONSISTENCY, finding.rule, take, finding.message,
                                finding.location.line, finding.location.page))


def score_label(score: str | None, judged: str | None, method: str | None) -> str:
    """A stored score as users read it: "80.0", "92.0（可评50分）" for a fragment, or why there is none."""
    if method is None:
        return "未评分（重新入库后评分）"
    if score is None:
        return "不评分"
    if judged is not None and Decimal(judged) < 100:
        return f"{score}（可评{judged}分）"
    return score
