"""Budget execution wherever the text states it: 完成预算X% (or 预算执行率X%) with the amounts, the
direction words (决算数小于预算数) and the reason around it, in the body and in the annexes alike."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from juesuan.amounts import number
from juesuan.analysis import Found
from juesuan.document import Cell
from juesuan.model.figures import Figure
from juesuan.rules.arithmetic import (
    alike_rate_wrong,
    exact_rate,
    percent_agrees,
    point,
    ratio_bounds,
    same_precision,
    sum_agrees,
)
from juesuan.rules.base import BUDGET_WORD, CheckContext, Reporter, Severity, rule
from juesuan.text.clauses import clause_start

_RATE = re.compile(
    r"(?:完成(?:全年|年初|调整后?)?预算(?:数)?(?:执行)?(?:的)?|预算(?:执行|完成)率(?:为|达到?|是)?|执行率(?:为|达到?))"
    r"\s*(\d{1,4}(?:\.\d{1,4})?)\s*%"
)
# R105 also reads a progress stated with its amounts ("收入共计7,433.94万元，当年实际支出7,390.99万元，…执行进度为99.42%"),
# which is not a completion rate that asks for a reason (S104) or a direction word (W103).
_RATE_OR_PROGRESS = re.compile(_RATE.pattern + r"|(?:预算|资金)?执行(?:总体)?进度(?:为|达到?)?\s*(\d{1,4}(?:\.\d{1,4})?)\s*%")
_DIRECTION = re.compile(r"决算数?(?:比(?:年初|调整)?预算数?)?(小于|大于|低于|高于|等于)(?:年初|调整)?预算数?|"
                        r"决算数?与(?:年初|调整)?预算数?(?:基本)?(持平|一致|相等)")
# Words that give a reason; a reason may stand before the rate ("受疫情影响，…完成预算76.49%") or after it.
_REASON = re.compile(r"原因|主要是|主要由于|由于|因为|受.{1,12}影响|导致|造成|未(?:能|及时)")
_OTHER_YEAR = re.compile(r"(?:比|较|与)(?:上年|上一年|去年|(?:19|20)\d\d年)|同比")
_BUDGET_REASON = re.compile(r"预算数?(?:的|之间的)?(?:主要)?(?:原因|差异)|(?:大于|小于|低于|高于|未达|超出?)(?:年初|调整)?预算")
# The amounts a sentence gives before its rate: the budget and what was spent.
_BUDGET_WORDS = re.compile(r"(?:(?:全年|年初|调整后?)?预算(?:数|安排|资金|金额)?|收入(?:共计|合计|总计)?)(?:为|是|共)?\s*$")
_SPENT_WORDS = re.compile(r"(?:执行数|决算数|支出决算|决算|实际执行|实际支出|实际使用|执行|支出|使用)(?:数|金额)?(?:为|是|了)?\s*$")


# "预算安排目标督查及提案办理系统运行维护费5万元": a budget named before what it is for
_BUDGET_NAMED = re.compile(rf"{BUDGET_WORD}(?:安排|数|资金)")


@dataclass(frozen=True)
class Statement:
    """One stated completion rate and the text that belongs to it (from the previous rate to the next)."""

    start: int  # offset of `text` in the document
    text: str  # normalised
    rate_start: int  # the percentage, relative to `text`
    rate_end: int
    rate: Decimal


def statements(ctx: CheckContext, pattern: re.Pattern[str] = _RATE) -> Iterator[Statement]:
    for start, text in ctx.paragraphs():
        rates = list(pattern.finditer(text))
        for k, m in enumerate(rates):
            a = rates[k - 1].end() if k else 0
            b = rates[k + 1].start() if k + 1 < len(rates) else len(text)
            group = m.lastindex or 1
            yield Statement(start + a, text[a:b], m.start(group) - a, m.end() - a, Decimal(m.group(group)))


def _amounts_before(ctx: CheckContext, statement: Statement) -> tuple[Found | None, Found | None]:
    """The budget and the spent amount the statement gives before its rate, when it names both."""
    head = statement.text[: statement.rate_start]
    budget = spent = None
    for found in ctx.figures_in(head):
        if not found.is_money:
            continue
        before = head[max(0, found.start - 12) : found.start]
        clause = head[clause_start(head, found.start) : found.start]
        if _BUDGET_WORDS.search(before) or (budget is None and spent is None and _BUDGET_NAMED.search(clause)
                                            and not ctx.figures_in(clause)):
            budget = found
        elif _SPENT_WORDS.search(before):
            spent = found
    if budget is None or spent is None or budget.start > statement.rate_start or spent.start > statement.rate_start:
        return None, None
    return budget, spent


@rule("R105", "ratios", Severity.ERROR, "执行率与同一句中的预算数、执行数不符",
      "同一句话给出预算数和执行数（决算数）时，完成预算（预算执行率）X%应等于执行数除以预算数；评价报告中也一样。"
      "一个写成整数、另一个写到分时（“预算为1万元，支出决算为0.53万元”），整数按省略了末尾的0看待；两个数都是整数万元时（预算安排的数），"
      "相等的两数执行率是100%，不等的两数不是100%（“预算安排…5万元，实际执行6万元，预算执行率为100%”）。",
      bad="附件\n项目支出绩效自评报告\n项目全年预算数30万元，执行数为30万元，完成预算的92%。",
      good="附件\n项目支出绩效自评报告\n项目全年预算数30万元，执行数为30万元，完成预算的100%。")
def stated_execution_rates(ctx: CheckContext, out: Reporter) -> None:
    d = ctx.disclosure
    # the rates R104 judges from the model's items (their budget and spending told), not judged twice
    modelled = {c.location.start for i in [*d.general_budget.items, d.general_budget.detail_total, d.three_public.total]
                if i is not None and i.amount and i.budget for c in i.completion}
    for s in statements(ctx, _RATE_OR_PROGRESS):
        if s.start + s.rate_start in modelled:
            continue
        budget, spent = _amounts_before(ctx, s)
        if budget is None or spent is None:
            continue
        b = ctx.figure(s.start, budget)
        e = ctx.figure(s.start, spent)
        scale = Decimal(10000) if (b.unit, e.unit) == ("万元", "元") else Decimal(1)
        if (b.unit, e.unit) == ("元", "万元"):
            scale = Decimal("0.0001")
        b = b.model_copy(update={"value": b.value * scale})
        b, e = same_precision(b, e)
        bounds = ratio_bounds(e, b)
        if bounds is None:
            continue
        rate = ctx.figures_in(s.text[s.rate_start : s.rate_end])
        if not rate:
            continue
        stated = ctx.figure(s.start + s.rate_start, rate[0])
        if percent_agrees(stated, bounds, ctx.tolerance) and not alike_rate_wrong(b, e, stated):
            out.checked()
        else:
            # the base is a budget, or the income a progress is measured against ("收入共计…执行进度")
            words = _BUDGET_WORDS.search(s.text[max(0, budget.start - 12) : budget.start])
            base = "收入" if words is not None and "收入" in words.group() else "预算数"
            # amounts written alike: their own ratio, not a rounded range's middle
            should = exact_rate(b, e) if alike_rate_wrong(b, e, stated) else point(bounds, stated)
            out.finding(f"{base}{b.raw}、执行数{e.raw}，执行率应为{should}，报告写作{stated.raw}", stated.location,
                        expected=should, actual=stated.raw, evidence=s.text[max(0, budget.start - 10) : s.rate_end].strip())


_BUDGET_TOO_SMALL = re.compile(r"预算(?:估算|安排|编制|测算)?(?:不足|偏少|偏低|不够)")


@rule("W103", "wording", Severity.ERROR, "“决算数大于/小于预算数”与完成率不符",
      "“决算数小于预算数”时完成预算率应小于100%，“大于”时应大于100%，“等于”“持平”时应为100%；"
      "说明事项、“三公”经费和评价报告中都一样。决算数小于预算数的原因也不能是“预算估算不足”（那只会使决算数大于预算数）。",
      bad="七、“三公”经费财政拨款支出决算情况说明\n2020年“三公”经费财政拨款支出决算为81.72万元，完成预算的95.36%，决算数大于预算数的主要原因是严格执行各项规定。",
      good="七、“三公”经费财政拨款支出决算情况说明\n2020年“三公”经费财政拨款支出决算为81.72万元，完成预算的95.36%，决算数小于预算数的主要原因是严格执行各项规定。")
def direction_against_rate(ctx: CheckContext, out: Reporter) -> None:
    before: Statement | None = None
    for s in statements(ctx):
        previous, before = (before if before is not None and before.start + before.rate_end == s.start else None), s
        # The direction sentence that goes with this rate: the first after it, before the next rate.
        m = _DIRECTION.search(s.text, s.rate_end)
        if m is None:
            continue
        out.checked()
        if (previous is not None and "其中" in s.text[: s.rate_start]
                and re.search(r"[。；;]", s.text[s.rate_end : m.start()])):
            # "…完成年初预算的268%。其中:因公出国(境)费…完成预算的0%;…。…决算数大于预算数的主要原因": a sentence
            # after the parts speaks of the total
            told = previous
        else:
            told = s
        rate, rate_text = told.rate, ctx.document.text[told.start + told.rate_start : told.start + told.rate_end]
        word = m.group(1) or m.group(2)
        less, same = word in ("小于", "低于"), word in ("等于", "持平", "一致", "相等")
        # 100% is a rate rounded to the shown digits: 大于/小于 with exactly 100 is still a contradiction
        wrong = (less and rate >= 100) or (same and rate != 100) or (not less and not same and rate <= 100)
        if wrong:
            out.finding(f"说“{m.group(0)}”，完成预算却是{rate_text}", ctx.locate(s.start + m.start(), s.start + m.end()),
                        actual=rate_text, evidence=s.text[max(0, s.rate_start - 20) : m.end()].strip())
            continue
        # "决算数小于预算数的主要原因是年初预算估算不足": a budget too small makes spending exceed it, not fall short
        reason = re.split(r"[。；;]", s.text[m.end() :], maxsplit=1)[0]
        short = _BUDGET_TOO_SMALL.search(reason)
        if less and rate < 100 and short is not None:
            a = s.start + m.end() + short.start()
            out.finding(f"完成预算{rate_text}、决算数小于预算数，"
                        f"原因却是“{short.group()}”（预算不足只会使决算数大于预算数）", ctx.locate(a, a + len(short.group())),
                        actual=short.group(), evidence=s.text[max(0, s.rate_start - 20) : m.end() + short.end()].strip())


@rule("S104", "structure", Severity.WARNING, "决算数与预算数不同未说明原因",
      "完成预算不是100%（决算数与预算数不同）时，应说明差异的原因；与100%相差不到0.1个百分点的（99.99%）不要求说明。"
      "说明的是与上年相比的增减原因时，不算说明了与预算的差异。",
      bad="五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）：支出决算为388.38万元，完成预算的80%。",
      good="五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）：支出决算为388.38万元，完成预算的80%。决算数小于预算数的主要原因是部分项目年末未能支付。")
def rate_without_reason(ctx: CheckContext, out: Reporter) -> None:
    explained_rates: set[Decimal] = set()  # a rate explained once need not be explained again where restated
    paragraphs = list(ctx.paragraphs())
    starts = [start for start, _ in paragraphs]
    for s in statements(ctx):
        if s.rate == 0 or abs(s.rate - 100) < Decimal("0.1"):
            continue  # nothing spent of a budget, or nothing (or a rounding-level gap: 99.99%) to explain
        out.checked()
        if s.rate in explained_rates and s.rate != s.rate.to_integral_value():
            continue
        after = s.text[s.rate_end :]
        # A reason after a comparison with another year explains that change, not the gap to the budget —
        # unless it names the budget ("决算数小于预算数的主要原因").
        other_year = _OTHER_YEAR.search(after)
        explained = (_REASON.search(s.text[: s.rate_end]) or _REASON.search(after[: other_year.start() if other_year else None])
                     or _BUDGET_REASON.search(after))
        if not explained and not after.strip(" 。；;"):
            # the reason opens the next paragraph: a hard-wrapped text whose line ended at the rate's full stop
            k = bisect.bisect_right(starts, s.start + len(s.text) - 1)
            explained = k < len(paragraphs) and _BUDGET_REASON.search(paragraphs[k][1][:30]) is not None
        if explained or re.match(r"\s*[。，,;；]?\s*其中", after):
            explained_rates.add(s.rate)
            continue  # a reason given, or the items that follow ("其中：") explain the total one by one
        if ctx.may_be_cut(s.start + s.rate_end):
            continue
        rate_text = ctx.document.text[s.start + s.rate_start : s.start + s.rate_end]
        out.finding(f"完成预算{rate_text}，但没有说明决算数与预算数不同的原因",
                    ctx.locate(s.start + s.rate_start, s.start + s.rate_end), actual=rate_text,
                    evidence=s.text[max(0, s.rate_start - 30) : s.rate_end + 10].strip())


# A table row that states a target, what was achieved and its 完成率 (自评表: 年度指标值 | 实际完成数 | 完成率（%）), or
# a budget, what was spent and its 执行率 (全年预算数 | 实际完成数 | 执行率（%）).
_TARGET_HEAD = re.compile(r"(?:年度|预期|全年)?(?:指标值|目标值)|(?P<budget>(?:全年|年初|调整后?)?预算数)")
_ACTUAL_HEAD = re.compile(r"实际完成(?:值|数|指标值)?|(?:全年)?执行数|实际值|完成值")
_RATE_HEAD = re.compile(r"(?:完成|执行)率")
_HEAD_NOISE = re.compile(r"\s|[（(][^）)]{0,6}[）)]")
_TABLE_RATE = re.compile(r"(\d{1,3}(?:\.\d{1,2})?)\s*%?")
_TABLE_AMOUNT = re.compile(r"(\d[\d,]{0,15}(?:\.\d{1,4})?)\s*(万元|元)?")


def _columns(texts: list[str]) -> tuple[int, int, int, bool] | None:
    """(target, actual, rate, the target is a budget) columns of a header row."""
    heads = [_HEAD_NOISE.sub("", t) for t in texts]
    target = next(((i, m) for i, h in enumerate(heads) if (m := _TARGET_HEAD.fullmatch(h))), None)
    actual = next((i for i, h in enumerate(heads) if _ACTUAL_HEAD.fullmatch(h)), None)
    rate = next((i for i, h in enumerate(heads) if _RATE_HEAD.fullmatch(h)), None)
    if target is None or actual is None or rate is None:
        return None
    return target[0], actual, rate, target[1].group("budget") is not None


def _rows_under_header(ctx: CheckContext) -> Iterator[tuple[int, list[Cell], list[str], tuple[int, int, int, bool]]]:
    """(block, cells, texts, the columns of the header above) of each table row under a target | actual | rate
    header, with the header's number of cells (a last empty cell may be dropped)."""
    for n, block in enumerate(ctx.document.blocks):
        columns, width = None, 0
        for row in block.rows:
            texts = [c.text.strip() for c in row.cells]
            if (found := _columns(texts)) is not None:
                columns, width = found, len(texts)
            elif columns is not None and len(texts) in (width, width - 1) and max(columns[:2]) < len(texts):
                yield n, row.cells, texts, columns


def _cell_figure(ctx: CheckContext, cell: Cell, value: str, unit: str | None) -> Figure:
    return Figure(value=Decimal(value.replace(",", "")), unit=unit, raw=cell.text.strip(),
                  location=ctx.locate(cell.start, cell.end))


@rule("R110", "ratios", Severity.ERROR, "表中完成率（执行率）与同一行的目标值、实际值不符",
      "自评表中，一行的实际完成值与年度指标值写得相同时，完成率应为100%；资金一栏的执行率应等于实际完成数除以全年预算数。"
      "指标值与实际值写法不同时（“≥2次”与“3次”），各地计算完成率的口径不一，不判断。",
      bad="附件\n项目支出绩效自评表\n\t项目资金（万元）\n\t\n\t全年预算数\n\t实际完成数\n\t执行率（%）\n\n\t\n\t年度资金总额\n\t70.5\n"
          "\t70.5\n\t90%\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成数\n\t完成率（%）\n\n\t产出指标\n\t时效指标\n"
          "\t完成时限\n\t全年\n\t全年\n\t100%",
      good="附件\n项目支出绩效自评表\n\t项目资金（万元）\n\t\n\t全年预算数\n\t实际完成数\n\t执行率（%）\n\n\t\n\t年度资金总额\n\t70.5\n"
           "\t70.5\n\t100%\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t年度指标值\n\t实际完成数\n\t完成率（%）\n\n\t产出指标\n\t时效指标\n"
           "\t完成时限\n\t全年\n\t全年\n\t100%")
def table_rates(ctx: CheckContext, out: Reporter) -> None:
    for _, cells, texts, (t, a, r, budget) in _rows_under_header(ctx):
        rate = _TABLE_RATE.fullmatch(texts[r]) if r < len(texts) else None
        if rate is None or not texts[t] or not texts[a]:
            continue
        # the row is wrong, not one cell of it: the place spans the target, the actual and the rate
        where = ctx.locate(min(cells[i].start for i in (t, a, r)), max(cells[i].end for i in (t, a, r)))
        stated = _cell_figure(ctx, cells[r], rate.group(1), "%")
        if budget:
            planned, done = _TABLE_AMOUNT.fullmatch(texts[t]), _TABLE_AMOUNT.fullmatch(texts[a])
            if planned is None or done is None or planned.group(2) != done.group(2):
                continue
            whole, part = same_precision(_cell_figure(ctx, cells[t], planned.group(1), planned.group(2)),
                                         _cell_figure(ctx, cells[a], done.group(1), done.group(2)))
            bounds = ratio_bounds(part, whole)
            if bounds is None:
                continue
            out.checked()
            if not percent_agrees(stated, bounds, ctx.tolerance):
                out.finding(f"全年预算数{texts[t]}、实际完成数{texts[a]}，执行率应为{point(bounds, stated)}，表中写作{texts[r]}",
                            where, expected=point(bounds, stated), actual=texts[r])
        elif _HEAD_NOISE.sub("", texts[t]) == _HEAD_NOISE.sub("", texts[a]):
            out.checked()
            if stated.value != 100:
                shown = texts[a] if len(texts[a]) <= 20 else texts[a][:18] + "……"
                out.finding(f"实际完成值与年度指标值相同（“{shown}”），完成率应为100%，表中写作{texts[r]}", where,
                            expected="100%", actual=texts[r])


# The funding rows of a 自评表 under 全年预算数 | 实际完成数: "年度资金总额" and its sources.
_FUND_TOTAL = re.compile(r"(?:年度)?资金总额|总额|合计")
_FUND_PART = re.compile(r"(?:其中\s*[:：]?\s*)?(?:本年)?(?:财政拨款|财政资金|上年结转(?:资金)?|其[他它]资金|自筹资金)")
_NOTHING = ("", "-", "—", "/", "0")


@rule("I122", "identities", Severity.ERROR, "自评表的资金总额与各来源之和不符",
      "项目支出绩效自评表中，“年度资金总额”的全年预算数（实际完成数）应等于其下财政拨款、上年结转资金和其他资金之和。",
      bad="附件\n项目支出绩效自评表\n\t项目资金（万元）\n\t\n\t全年预算数\n\t实际完成数\n\t执行率（%）\n\n\t\n\t年度资金总额：\n\t70.5\n"
          "\t70.5\n\t100%\n\n\t\n\t其中：财政拨款\n\t70.5\n\t70.5\n\t100%\n\n\t\n\t其他资金\n\t1\n\t0\n\t",
      good="附件\n项目支出绩效自评表\n\t项目资金（万元）\n\t\n\t全年预算数\n\t实际完成数\n\t执行率（%）\n\n\t\n\t年度资金总额：\n\t70.5\n"
           "\t70.5\n\t100%\n\n\t\n\t其中：财政拨款\n\t70.5\n\t70.5\n\t100%\n\n\t\n\t其他资金\n\t0\n\t0\n\t")
def funding_rows(ctx: CheckContext, out: Reporter) -> None:
    # each 年度资金总额 row with the source rows right under it, in the same block
    groups: list[tuple[int, list[Cell], list[list[Cell]], tuple[int, int]]] = []
    for n, cells, texts, (t, a, _, budget) in _rows_under_header(ctx):
        label = next((_HEAD_NOISE.sub("", x) for x in texts[:3] if x and not _TABLE_AMOUNT.fullmatch(x)), "").rstrip(":：")
        if budget and _FUND_TOTAL.fullmatch(label):
            groups.append((n, cells, [], (t, a)))
        elif groups and groups[-1][0] == n and _FUND_PART.fullmatch(label):
            groups[-1][2].append(cells)
        elif groups and groups[-1][0] == n:
            groups.append((n, [], [], (t, a)))  # another row ends the sources
    for _, total, parts, columns in groups:
        if total and parts:
            _judge_funding(ctx, out, total, parts, columns)


def _judge_funding(ctx: CheckContext, out: Reporter, total: list[Cell], parts: list[list[Cell]],
                   columns: tuple[int, int]) -> None:
    for i in columns:
        whole = _TABLE_AMOUNT.fullmatch(total[i].text.strip())
        pieces = [p[i].text.strip() for p in parts]
        if whole is None or any(x not in _NOTHING and _TABLE_AMOUNT.fullmatch(x) is None for x in pieces):
            continue
        stated = _cell_figure(ctx, total[i], whole.group(1), whole.group(2))
        sources = [_cell_figure(ctx, p[i], x if x not in _NOTHING else "0", whole.group(2)) for p, x in zip(parts, pieces, strict=True)]
        out.checked()
        agrees, computed = sum_agrees(stated, sources, ctx.tolerance)
        if not agrees:
            out.finding(f"年度资金总额{stated.raw}，其下各来源之和为{number(computed)}", stated.location,
                        expected=number(computed), actual=stated.raw, related=[f.location for f in sources])
