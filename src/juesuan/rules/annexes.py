"""The annexes restate the body: the evaluation reports (部门整体支出绩效评价报告, 项目支出绩效评价报告) give the
year's totals, 财政拨款, 基本/项目, the 类 and 项 amounts again, and must give the same figures."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from pydantic import BaseModel

from juesuan.extract.figures import find_figures, make_figure
from juesuan.model.disclosure import LineItem
from juesuan.model.figures import Figure, Item
from juesuan.rules.base import CheckContext, Reporter, Severity, amount, half_unit, rule
from juesuan.rules.text import paragraphs

ANNEX_KINDS = ("annexes", "annex", "evaluation_report")
# The names the body's fixed fields go by, besides the label the report wrote.
_ALIASES = {
    "totals.total": ("收、支总计", "收支总计", "收入总计", "支出总计"),
    "totals.income_total": ("收入总计",),
    "totals.expenditure_total": ("支出总计",),
    "totals.income_this_year": ("本年收入合计", "本年收入"),
    "totals.expenditure_this_year": ("本年支出合计", "本年支出"),
    "fiscal_appropriation.total": ("财政拨款收、支总计", "财政拨款收支总计", "财政拨款收入总计", "财政拨款支出总计"),
    "general_budget.total": ("一般公共预算财政拨款支出", "一般公共预算支出"),
    "basic.total": ("一般公共预算财政拨款基本支出",),
    "basic.personnel": ("人员经费",),
    "basic.public": ("公用经费",),
    "admin_operating_cost": ("机关运行经费",),
}
# What may stand before a name in the annex's clause: nothing, the year, the organisation ("市委办公室收入总计").
_PREFIX = re.compile(r"(?:20\d\d年度?|本年度?|全年|当年|其中[:：]?|[\u4e00-\u9fff]{0,16}(?:办公室|单位|部门|局|委员会|委|院|中心|厅|室|本级|我办))?$")
# What may stand between the name and its amount.
_LINK = re.compile(r"(?:决算数?|总额|金额|数)?(?:为|是|共计|合计|达到?|了)?\s*$")
_CLAUSE_START = re.compile(r"[，,；;。：:、（(]")
_NOT_THE_AMOUNT = re.compile(r"预算|计划|目标|增加|减少|增长|下降|结转|以上|以下")


def annex_spans(ctx: CheckContext) -> list[tuple[int, int]]:
    """Offsets [start, end) of the annexes: from an annex section to the next section of its level or above."""
    sections = list(ctx.outline.walk())
    spans = []
    for i, s in enumerate(sections):
        if s.kind not in ANNEX_KINDS:
            continue
        end = next((t.location.start for t in sections[i + 1 :] if t.level <= s.level and t.kind not in ANNEX_KINDS),
                   len(ctx.document.text))
        spans.append((s.location.start, end))
    return spans


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset < b for a, b in spans)


def _named(model: BaseModel, path: str = "") -> Iterator[tuple[str, Item | LineItem]]:
    for name, value in model:
        here = f"{path}.{name}" if path else name
        if isinstance(value, (Item, LineItem)):
            yield here, value
        if isinstance(value, BaseModel):
            yield from _named(value, here)
        elif isinstance(value, list):
            for element in value:
                if isinstance(element, BaseModel):
                    if isinstance(element, (Item, LineItem)):
                        yield here, element
                    yield from _named(element, here)


def _clean(name: str) -> str:
    return re.sub(r"[（(](?:类|款|项)[）)]|[\s“”\"]", "", name)


def body_amounts(ctx: CheckContext, spans: list[tuple[int, int]]) -> dict[str, list[Figure]]:
    """Each name the body gives an amount under (as written, and the usual names of the fixed fields) → the
    amounts stated in the body under it."""
    names: dict[str, list[Figure]] = {}
    for path, item in _named(ctx.disclosure):
        figures = [f for f in item.amount if f.unit in ("万元", "元") and not _inside(f.location.start, spans)]
        if not figures:
            continue
        label = item.item_name if isinstance(item, LineItem) else item.name
        for name in {_clean(label or ""), *_ALIASES.get(path, ())}:
            if len(name) >= 4:
                names.setdefault(name, []).extend(figures)
    return names


@rule("C104", "consistency", Severity.ERROR, "附件中的数字与正文不一致",
      "附件（部门整体支出绩效评价报告、项目支出绩效评价报告）重述的本年收支总计、本年收入/支出合计、财政拨款、"
      "一般公共预算财政拨款支出、各类和各项支出、基本支出、人员经费、公用经费、机关运行经费等，应与正文的数字相同。",
      bad="五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n2020年一般公共预算财政拨款支出100.00万元，"
          "主要用于以下方面:社会保障和就业支出60.00万元，占60%；住房保障支出40.00万元，占40%。\n第四部分 附件\n部门整体支出绩效评价报告\n"
          "一、部门概况\n本年支出中，社会保障和就业支出60.01万元，住房保障支出39.99万元。",
      good="五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n2020年一般公共预算财政拨款支出100.00万元，"
           "主要用于以下方面:社会保障和就业支出60.00万元，占60%；住房保障支出40.00万元，占40%。\n第四部分 附件\n部门整体支出绩效评价报告\n"
           "一、部门概况\n本年支出中，社会保障和就业支出60.00万元，住房保障支出40.00万元。")
def annex_against_body(ctx: CheckContext, out: Reporter) -> None:
    spans = annex_spans(ctx)
    if not spans:
        return
    names = body_amounts(ctx, spans)
    ordered = sorted(names, key=len, reverse=True)
    for start, text in paragraphs(ctx):
        if not _inside(start, spans):
            continue
        for found in find_figures(text):
            if found.unit not in ("万元", "元"):
                continue
            clause_start = max((m.end() for m in _CLAUSE_START.finditer(text, max(0, found.start - 40), found.start)),
                               default=max(0, found.start - 40))
            sentence_start = text.rfind("。", 0, found.start) + 1
            clause = _LINK.sub("", text[clause_start : found.start])
            if _mentions_other_year(text[sentence_start : found.start], ctx.year):
                continue  # last year's figure, or a change against it
            name = next((n for n in ordered if clause.endswith(n) and _PREFIX.fullmatch(clause[: -len(n)])), None)
            if name is None or _NOT_THE_AMOUNT.search(clause):
                continue
            stated = make_figure(ctx.document, start, found)
            body = names[name]
            out.checked()
            if any(_same(stated, b) for b in body):
                continue
            if len({b.value for b in body}) > 1:
                continue  # the name stands for several body amounts (行政运行 under two 款): which one is unknown
            where = f"第{body[0].location.line}行" if body[0].location.line else f"第{body[0].location.page}页"
            out.finding(f"附件中{name}为{amount(stated)}，正文（{where}）为{amount(body[0])}", stated.location,
                        expected=body[0].raw, actual=stated.raw,
                        evidence=text[clause_start : found.end].strip())


def _mentions_other_year(text: str, year: int | None) -> bool:
    if re.search(r"上年|去年|同比|上一年", text):
        return True
    return any(int(y) != year for y in re.findall(r"(?:19|20)\d\d", text)) if year else False


def _same(stated: Figure, body: Figure) -> bool:
    """One figure stated twice: at the same precision it is written the same; at another, it rounds the same."""
    value = body.value
    if stated.unit != body.unit:
        value = value * (Decimal(10000) if (stated.unit, body.unit) == ("元", "万元") else Decimal("0.0001"))
    slack = max(half_unit(stated), half_unit(body) if stated.unit == body.unit else Decimal(0))
    if stated.unit == body.unit and half_unit(stated) == half_unit(body):
        return stated.value == value
    return abs(stated.value - value) <= slack
