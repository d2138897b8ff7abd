"""The amounts the annexes restate: the evaluation reports (部门整体支出绩效评价报告, 项目支出绩效评价报告) give
the year's totals, 财政拨款, 基本/项目, the 类 and 项 amounts, 人员/公用经费 again, under the body's names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel

from juesuan.extract.numbers import find_figures, make_figure
from juesuan.model.disclosure import AnnexFigure, Disclosure, LineItem
from juesuan.model.figures import Figure, Item

if TYPE_CHECKING:
    from juesuan.analysis import Analysis

ANNEX_KINDS = ("annexes", "annex", "evaluation_report")
# The names the body's fixed fields go by, besides the label the report wrote.
_ALIASES = {
    "totals.total": ("收、支总计", "收支总计", "收入总计", "支出总计"),
    "totals.income_total": ("收入总计",),
    "totals.expenditure_total": ("支出总计",),
    "totals.income_this_year": ("本年收入合计", "本年收入", "收入合计"),
    "totals.expenditure_this_year": ("本年支出合计", "本年支出", "支出合计"),
    "totals.carryover_begin": ("年初结转和结余",),
    "totals.carryover_end": ("年末结转和结余", "年末结转结余", "结转结余", "结转和结余"),
    "fiscal_appropriation.total": ("财政拨款收、支总计", "财政拨款收支总计", "财政拨款收入总计", "财政拨款支出总计"),
    "general_budget.total": ("一般公共预算财政拨款支出", "一般公共预算支出"),
    "basic.total": ("一般公共预算财政拨款基本支出",),
    "basic.personnel": ("人员经费",),
    "basic.public": ("公用经费",),
    "admin_operating_cost": ("机关运行经费",),
}
# What may stand before a name in the annex's clause: nothing, the year, the organisation ("市委办公室收入总计").
_PREFIX = re.compile(r"(?:20\d\d年度?|本年度?|全年|当年|其中[:：]?|[\u4e00-\u9fff]{0,16}(?:办公室|单位|部门|局|委员会|委|院|中心|厅|室|本级|我办))?")
# What may stand between the name and its amount.
_LINK = re.compile(r"(?:决算数?|总额|金额|数)?(?:为|是|共计|合计|达到?|了)?\s*$")
_CLAUSE_END = re.compile(r"[，,；;。：:、（(]")
_NOT_THE_AMOUNT = re.compile(r"预算|计划|目标|增加|减少|增长|下降|结转|以上|以下")
_OTHER_TIME = re.compile(r"上年|去年|同比|上一年")


def annex_spans(ctx: Analysis) -> list[tuple[int, int, str]]:
    """(start, end, title) of the annexes: from an annex section to the next section of its level or above."""
    sections = list(ctx.outline.walk())
    spans = []
    for i, s in enumerate(sections):
        if s.kind not in ANNEX_KINDS:
            continue
        end = next((t.location.start for t in sections[i + 1 :] if t.level <= s.level and t.kind not in ANNEX_KINDS),
                   len(ctx.document.text))
        spans.append((s.location.start, end, s.title.strip()))
    return spans


def _annex_at(offset: int, spans: list[tuple[int, int, str]]) -> str | None:
    """The title of the innermost annex at `offset` ("" for an untitled one), or None outside the annexes."""
    inside = [(b - a, title) for a, b, title in spans if a <= offset < b]
    return min(inside)[1] if inside else None


def _named(model: BaseModel, path: str = "") -> Iterator[tuple[str, Item | LineItem]]:
    for name, value in model:
        here = f"{path}.{name}" if path else name
        elements = value if isinstance(value, list) else [value]
        for element in elements:
            if isinstance(element, (Item, LineItem)):
                yield here, element
            if isinstance(element, BaseModel):
                yield from _named(element, here)


def _clean(name: str) -> str:
    return re.sub(r"[（(](?:类|款|项)[）)]|[\s“”\"]", "", name)


def body_amounts(disclosure: Disclosure, spans: list[tuple[int, int, str]]) -> dict[str, list[Figure]]:
    """Each name the body gives an amount under (as written, and the usual names of the fixed fields) → the
    amounts the body states under it."""
    names: dict[str, list[Figure]] = {}
    for path, item in _named(disclosure):
        figures = [f for f in item.amount if f.unit in ("万元", "元") and _annex_at(f.location.start, spans) is None]
        if not figures:
            continue
        label = item.item_name if isinstance(item, LineItem) else item.name
        for name in {_clean(label or ""), *_ALIASES.get(path, ())}:
            if len(name) >= 4:
                names.setdefault(name, []).extend(figures)
    carried = _carried_over(disclosure)
    if carried is not None and not any(n in names for n in _ALIASES["totals.carryover_end"]):
        for name in _ALIASES["totals.carryover_end"]:
            names[name] = [carried]
    return names


_DERIVED = "收支总计减本年支出合计"


def _carried_over(disclosure: Disclosure) -> Figure | None:
    """年末结转和结余 when the body gives it only as 支出总计 less 本年支出合计 (an annex's "截至年底，…结转结余为3.45万元")."""
    totals = disclosure.totals
    whole = totals.total or (totals.expenditure_total if totals.income_total is None or totals.expenditure_total is None
                             or [f.value for f in totals.income_total.amount] == [f.value for f in totals.expenditure_total.amount]
                             else None)
    spent = totals.expenditure_this_year
    if whole is None or spent is None or not whole.amount or not spent.amount:
        return None
    a, b = whole.amount[0], spent.amount[0]
    if a.unit != b.unit or any(f.value != a.value for f in whole.amount) or any(f.value != b.value for f in spent.amount):
        return None
    value = a.value - b.value
    return Figure(value=value, unit=a.unit, raw=f"{value}{a.unit or ''}", location=a.location) if value >= 0 else None


def extract_annex_figures(ctx: Analysis, disclosure: Disclosure) -> list[AnnexFigure]:
    spans = annex_spans(ctx)
    if not spans:
        return []
    names = body_amounts(disclosure, spans)
    carried = _carried_over(disclosure)
    derived = {n for n, figures in names.items() if carried is not None and figures == [carried]}
    ordered = sorted(names, key=len, reverse=True)
    doc = ctx.document
    found: list[AnnexFigure] = []
    for block in doc.blocks:
        annex = _annex_at(block.location.start, spans)
        if annex is None or block.is_table:
            continue
        start = block.location.start
        text = doc.normalized[start : block.location.end]
        for figure in find_figures(text):
            if figure.unit not in ("万元", "元"):
                continue
            clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, figure.start - 40), figure.start)),
                               default=max(0, figure.start - 40))
            before = text[max(0, figure.start - 200) : figure.start]  # bounded: a paragraph may be one long line
            sentence = before[before.rfind("。") + 1 :]
            if _OTHER_TIME.search(sentence) or (disclosure.meta.year and any(
                    int(y) != disclosure.meta.year for y in re.findall(r"(?:19|20)\d\d", sentence))):
                continue  # last year's figure, or a change against it
            written = text[clause_start : figure.start].rstrip()
            # "支出合计2176.91万元": 合计 may be the name's own word, not a link to the amount
            name, clause = next(((n, c) for c in (_LINK.sub("", written), written) for n in ordered
                                 if c.endswith(n) and _PREFIX.fullmatch(c[: -len(n)])), (None, ""))
            if name is None or _NOT_THE_AMOUNT.search(clause[: -len(name)]):
                continue
            body = names[name]
            found.append(AnnexFigure(annex=annex, name=name, figure=make_figure(doc, start, figure, sentence),
                                     body_values=[format(b.value, "f") for b in body], body_unit=body[0].unit,
                                     body_location=body[0].location,
                                     body_derived=_DERIVED if name in derived else None))
    return found
