"""Shares (占X%), year-on-year changes (增加A万元，增长B%) and completion rates (完成预算X%)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from juesuan.amounts import number
from juesuan.analysis import Found
from juesuan.model.disclosure import LineItem
from juesuan.model.figures import Change, Figure, Item
from juesuan.rules.arithmetic import (
    HUNDRED,
    alike_rate_wrong,
    exact_rate,
    percent_agrees,
    point,
    ratio_bounds,
    same_precision,
    sum_agrees,
)
from juesuan.rules.base import CheckContext, Reporter, Severity, amount, half_digit, half_unit, rule
from juesuan.rules.blame import said_once
from juesuan.rules.identities import first

# Wholes a share may be stated against (占本年支出合计的…), by the words the report uses.
_WHOLE_NAMES = {
    "本年支出合计": "expenditure_this_year",
    "支出合计": "expenditure_this_year",
    "本年收入合计": "income_this_year",
    "收入合计": "income_this_year",
    "政府采购支出总额": "procurement_total",
    "政府采购总额": "procurement_total",
    "中小企业合同金额": "procurement_sme",
}


def _wholes(ctx: CheckContext) -> dict[str, Figure | None]:
    d = ctx.disclosure
    return {
        "expenditure_this_year": first(d.totals.expenditure_this_year),
        "income_this_year": first(d.totals.income_this_year),
        "procurement_total": first(d.procurement.total),
        "procurement_sme": first(d.procurement.sme),
    }


def _breakdowns(ctx: CheckContext) -> Iterator[tuple[str, list[Item], Figure | None, bool]]:
    """Each breakdown, the whole its shares are of when the report names no other, and whether its
    shares should add up to 100%."""
    d = ctx.disclosure
    gb_total = d.general_budget.structure_total[0] if d.general_budget.structure_total else first(d.general_budget.total)
    yield "本年收入合计", d.totals.income_sources, first(d.totals.income_this_year), True
    yield "本年支出合计", d.totals.expenditure_kinds, first(d.totals.expenditure_this_year), True
    yield "一般公共预算财政拨款支出", d.general_budget.classes, gb_total, True
    fiscal = d.fiscal_appropriation
    kinds = [p for p in fiscal.parts if p.key in ("basic", "project")]
    yield "财政拨款支出", kinds, first(fiscal.expenditure) or first(fiscal.total), True
    # The shares of the 三公 items are of the whole department's 三公, even where it is split by unit.
    items = [i for u in d.three_public.units for i in (u.outbound_travel, u.vehicles, u.reception) if i is not None]
    yield "“三公”经费", items, first(d.three_public.total) or _sum_of_units(ctx), True
    if d.general_budget.total is not None:
        yield "本年支出合计", [d.general_budget.total], first(d.totals.expenditure_this_year), False
    sme = [i for i in (d.procurement.sme, d.procurement.micro_small) if i]
    yield "政府采购支出总额", sme, first(d.procurement.total), False


def _sum_of_units(ctx: CheckContext) -> Figure | None:
    """The department's 三公 as the sum of its units' totals, when every unit states one."""
    totals = [first(u.total) for u in ctx.disclosure.three_public.units]
    if len(totals) < 2 or any(t is None for t in totals):
        return None
    stated = [t for t in totals if t is not None]
    value = sum((t.value for t in stated), Decimal(0))
    return Figure(value=value, unit="万元", raw=f"{number(value)}万元（各单位合计）", location=stated[0].location)


def _severity(stated: Figure, bounds: tuple[Decimal, Decimal]) -> Severity:
    """A share off by no more than one unit of its last digit is a rounding slip (warning)."""
    unit = half_unit(stated) * 2
    low, high = bounds
    miss = max(low - stated.value, stated.value - high, Decimal(0))
    return Severity.WARNING if miss <= unit else Severity.ERROR


def _share(ctx: CheckContext, out: Reporter, part: Figure, whole: Figure, share: Figure, what: str,
           evidence: str | None) -> None:
    """A stated share against part / whole, both rounded; a miss of one last digit is a warning."""
    if part.value == 0 and share.value != 0:
        out.finding(f"{what}，金额为0，占比应为0%，报告写作{share.raw}", share.location, expected="0%", actual=share.raw,
                    evidence=evidence)  # nothing is no share of anything (0 of 0 included)
        return
    bounds = ratio_bounds(part, whole)
    if bounds is None:
        return
    if percent_agrees(share, bounds, ctx.tolerance):
        out.checked()
    else:
        out.finding(f"{what}应为{point(bounds, share)}，报告写作{share.raw}", share.location,
                    expected=point(bounds, share), actual=share.raw, evidence=evidence, severity=_severity(share, bounds))


@rule("R101", "ratios", Severity.ERROR, "占比与金额不符",
      "“占X%”应等于该项金额除以句中所说的总数（没有说明时为该部分的合计）。计算时考虑两个金额末位的四舍五入，"
      "再放宽所示百分比末位的一半。",
      bad="三、支出决算情况说明\n2020年本年支出合计7,419.42万元，其中：基本支出2,871.93万元，占38.71%；项目支出4,547.49万元，占61.29%。\n"
          "五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n2020年一般公共预算财政拨款支出7,349.61万元，占本年支出合计的99.44%。",
      good="三、支出决算情况说明\n2020年本年支出合计7,419.42万元，其中：基本支出2,871.93万元，占38.71%；项目支出4,547.49万元，占61.29%。\n"
           "五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n2020年一般公共预算财政拨款支出7,349.61万元，占本年支出合计的99.06%。")
def shares(ctx: CheckContext, out: Reporter) -> None:
    wholes = _wholes(ctx)
    for whole_name, items, default_whole, _ in _breakdowns(ctx):
        for item in items:
            for n, share in enumerate(item.share):
                part = _amount_of_share(item, share)
                named = item.share_of[n] if n < len(item.share_of) else None
                whole = wholes.get(_WHOLE_NAMES.get(named or "", ""), None) if named else default_whole
                label = named or whole_name
                if part is None or whole is None:
                    out.missing()
                    continue
                _share(ctx, out, part, whole, share, f"{item.name}{amount(part)}占{label}{amount(whole)}",
                       share.sentence or None)


def _amount_of_share(item: Item, share: Figure) -> Figure | None:
    """The amount a share is of: the one its own sentence states just before it, else the item's first (when one
    statement of the amount is wrong, the share beside the other is judged by the amount it was written with)."""
    told = [a for a in item.amount if a.sentence and a.sentence == share.sentence and a.location.start < share.location.start]
    return told[-1] if told else (item.amount[0] if item.amount else None)


@rule("R102", "ratios", Severity.WARNING, "同一构成的各项占比之和不是100%",
      "同一总数下各组成部分的占比之和应为100%（容许每个百分比末位的四舍五入）。",
      bad="三、支出决算情况说明\n2020年本年支出合计100.00万元，其中：基本支出40.00万元，占40%；项目支出60.00万元，占50%。",
      good="三、支出决算情况说明\n2020年本年支出合计100.00万元，其中：基本支出40.00万元，占40%；项目支出60.00万元，占60%。")
def shares_sum(ctx: CheckContext, out: Reporter) -> None:
    for whole_name, items, whole, adds_up in _breakdowns(ctx):
        if not adds_up or (whole is not None and whole.value == 0):
            continue  # shares of a zero total are all 0%: nothing to add up
        stated = [i.share[0] for i in items if i.share and not (i.share_of and i.share_of[0] not in ("", whole_name))]
        if len(stated) < 2 or len(stated) < len([i for i in items if i.amount]):
            continue
        total = sum((s.value for s in stated), Decimal(0))
        slack = sum((Decimal(5).scaleb(s.value.as_tuple().exponent - 1) for s in stated), Decimal(0))  # type: ignore[operator]
        if abs(total - 100) <= slack + ctx.tolerance.percent_slack:
            out.checked()
        else:
            out.finding(f"{whole_name}各组成部分的占比之和为{total}%，不是100%", stated[0].location,
                        expected="100%", actual=f"{total}%", evidence=stated[0].sentence or None)


def _changes(ctx: CheckContext) -> Iterator[Item]:
    d = ctx.disclosure
    singles = [d.totals.total, d.totals.income_total, d.totals.expenditure_total, d.totals.income_this_year,
               d.totals.expenditure_this_year, d.fiscal_appropriation.total, d.fiscal_appropriation.income,
               d.fiscal_appropriation.expenditure, d.general_budget.total, d.three_public.total,
               d.admin_operating_cost]
    yield from (i for i in singles if i is not None)
    yield from d.totals.expenditure_kinds
    for unit in d.three_public.units:
        yield from (i for i in (unit.total, unit.outbound_travel, unit.vehicles, unit.vehicle_operation,
                                unit.reception) if i is not None)


def _increase_beyond_current(ctx: CheckContext, out: Reporter, item: Item, change: Change) -> None:
    """An increase larger than this year's amount leaves last year's below 0 ("公务接待费支出0.24万元…增加1.24万元")."""
    if change.amount is None or change.direction != "增加":
        return
    current = next((a for a in item.amount if a.unit == change.amount.unit), None)
    if current is None:
        return
    if change.amount.value - current.value > half_unit(change.amount) + half_unit(current):
        out.finding(f"{item.name}本年数为{amount(current)}，却比上年增加{amount(change.amount)}，上年数成了负数",
                    change.amount.location, expected=f"不大于{amount(current)}", actual=change.amount.raw,
                    evidence=change.amount.sentence or None)


_AGAINST_BUDGET = re.compile(r"(?:与|比|较)[^，,。；;]{0,10}预算")


@rule("R103", "ratios", Severity.ERROR, "增减率与增减额不符",
      "“增加A万元，增长B%”意味着上年数为本年数减A，B应等于A除以上年数；上年数为0时不应写增长率；"
      "增加额也不能大于本年数（否则上年数为负）。",
      bad="一、收入支出决算总体情况说明\n2020年度收、支总计7,467.33万元。与2019年相比，收、支总计增加2,607.44万元，增长43.65%。",
      good="一、收入支出决算总体情况说明\n2020年度收、支总计7,467.33万元。与2019年相比，收、支总计增加2,607.44万元，增长53.65%。")
def change_rates(ctx: CheckContext, out: Reporter) -> None:
    judged: set[int] = set()  # the rates the model's items state, each judged once
    for item in _changes(ctx):
        for change in item.change:
            _increase_beyond_current(ctx, out, item, change)
            if change.amount is None or change.percent is None or change.direction not in ("增加", "减少"):
                continue
            current = next((a for a in item.amount if a.unit == change.amount.unit), None)
            if current is None:
                if change.amount.value or change.percent.value:
                    out.missing()
                continue
            judged.add(change.percent.location.start)
            _judge_rate(ctx, out, item.name, current, change.amount, change.direction, change.percent)
    # and wherever else an amount is followed by its change and rate ("20109-海关事务50万元,较2021年决算数增加50万元,
    # 增长100%"): the 项 of any list, the annexes
    for at, said in ctx.sentences():
        for m in _SAID_CHANGE.finditer(said):
            if at + m.start("c") in judged or re.search(r"(?:增加|减少|增长|下降|节约|超支)了?\s*$", said[: m.start("a")]):
                continue  # judged above; or the amount is itself a change ("比预算增加0万元,比去年增加1.55万元")
            found = {f.start: f for f in ctx.figures_in(said)}
            a, b, c = (found.get(m.start(k)) for k in ("a", "b", "c"))
            if a is None or b is None or c is None or a.unit != b.unit or c.unit != "%":
                continue
            name = re.split(r"[，,。；;：:、（）()]", said[max(0, m.start("a") - 20) : m.start("a")])[-1].strip()
            name = re.sub(r"^[\d\s.．-]+(?:年度?)?|(?:支出)?(?:决算数?)?(?:为|是)?$", "", name) or "该项"
            _judge_rate(ctx, out, name, ctx.figure(at, a, said), ctx.figure(at, b, said), m.group("dir"),
                        ctx.figure(at, c, said))


# "…50万元,较2021年决算数增加50万元,增长100%": an amount, its change on last year and the rate of the change.
# Last year's amount may stand between ("…为92.93万元，2019年度机关运行经费为249.72万元，本年较上年减少了156.79万元，下降62.79%").
_SAID_CHANGE = re.compile(
    r"(?<![\d,.])(?P<a>\d[\d,]{0,15}(?:\.\d{1,6})?)\s*万元\s*[,，]?\s*"  # (one try per number, however long)
    r"(?:(?:20\d\d\s*年度?|上年|去年)[^,，。；;\d]{0,20}?(?:为|是)?\s*\d[\d,]*(?:\.\d+)?\s*万元\s*[,，]\s*(?:本年|今年)?\s*)?"
    # or its change against the budget first ("9.07万元,较年初预算数减少10.93万元,下降54.65%, 较上年支出数减少0.71万元…")
    r"(?:(?:较|比|与)(?:年初|调整后?)?预算数?(?:相比)?[,，]?\s*(?:增加|减少)了?\s*\d[\d,]*(?:\.\d+)?\s*万元\s*[,，]\s*"
    r"(?:增长|下降|减少|增加)了?\s*\d[\d,]*(?:\.\d+)?\s*%\s*[,，]\s*)?"
    r"(?:较|比|与)\s*(?:上年|上一年|去年|20\d\d\s*年度?)(?:决算数?|支出数?)?(?:相比)?\s*"
    r"[,，]?\s*(?P<dir>增加|减少)了?\s*(?P<b>\d[\d,]*(?:\.\d+)?)\s*万元\s*[,，]\s*(?:增长|下降|减少|增加)了?\s*"
    r"(?P<c>\d[\d,]*(?:\.\d+)?)\s*%")


def _judge_rate(ctx: CheckContext, out: Reporter, name: str, current: Figure, change: Figure, direction: str,
                percent: Figure) -> None:
    """Last year's amount is this year's less the change; the rate is the change over it."""
    if change.value == 0 and percent.value == 0:
        return  # no change
    name = re.sub(r"^其中\s*[:：]?\s*", "", name) or name
    sign = Decimal(1) if direction == "增加" else Decimal(-1)
    previous = Figure(value=current.value - sign * change.value, unit=current.unit, raw="", location=current.location)
    # previous carries the rounding of both figures it is made from
    exponent = min(current.value.as_tuple().exponent, change.value.as_tuple().exponent)  # type: ignore[type-var]
    previous.value = previous.value.quantize(Decimal(1).scaleb(exponent))
    said = change.sentence or ""
    # "与2021年度预算相比,减少0.1万元" (an Anhui template): the base is the budget, not last year
    base = "由此推得的预算数" if _AGAINST_BUDGET.search(said) and not re.search(r"上年|去年|上一年", said) else "上年数"
    if previous.value <= 0:
        out.finding(f"{name}{base}为{amount(previous)}，无法计算增长率，报告却写作{percent.raw}",
                    percent.location, actual=percent.raw)
        return
    bounds = ratio_bounds(change, previous)
    if bounds is None:
        return
    if percent_agrees(percent, bounds, ctx.tolerance):
        out.checked()
        return
    total = _total_it_fits(ctx, current, change, sign, percent)
    if total is not None:
        # "收入总计3759.2万元,其中年初结转和结余1366.76万元,较2019年增加197.03万元,增加5.5%": the change and its rate
        # are the total's, written after a part, so the sentence misleads rather than miscounts
        out.finding(f"{name}{direction}{amount(change)}、{percent.raw}与{name}本身不符（{base}{amount(previous)}，"
                    f"变动率应为{point(bounds, percent)}），却与同句前面的{total.raw}相符：增减说的可能是那个数，"
                    f"写在了{name}之后", percent.location, actual=percent.raw, evidence=percent.sentence or None,
                    severity=Severity.WARNING)
        return
    out.finding(f"{name}{direction}{amount(change)}，{base}{amount(previous)}，"
                f"变动率应为{point(bounds, percent)}，报告写作{percent.raw}", percent.location,
                expected=point(bounds, percent), actual=percent.raw,
                evidence=percent.sentence or None, severity=_severity(percent, bounds))


def _total_it_fits(ctx: CheckContext, current: Figure, change: Figure, sign: Decimal, percent: Figure) -> Figure | None:
    """An amount earlier in the sentence (its total) whose change the stated change and rate are, exactly."""
    place = next(((at, said) for at, said in ctx.sentences() if at <= current.location.start < at + len(said)), None)
    if place is None:
        return None
    at, said = place
    for found in ctx.figures_in(said[: current.location.start - at]):
        if not found.is_money:
            continue
        total = ctx.figure(at, found, said)
        if total.unit != current.unit or total.value <= current.value:
            continue
        before = total.value - sign * change.value
        bounds = ratio_bounds(change, Figure(value=before, unit=total.unit, raw="", location=total.location))
        if before > 0 and bounds is not None and percent_agrees(percent, bounds, ctx.tolerance):
            return total
    return None


# "2020年度机关运行经费为92.93万元，2019年度机关运行经费为249.72万元，本年较上年减少了156.79万元": both years'
# amounts and the change in one sentence.
_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_TWO_YEARS = re.compile(
    rf"(?P<y1>20\d\d)\s*年度?[^，,。；;\d]{{0,24}}?(?P<a>{_NUMBER})\s*万元\s*[，,；;]\s*(?:比|较|与)?\s*(?P<y0>20\d\d)\s*年度?"
    rf"[^，,。；;\d]{{0,24}}?(?P<b>{_NUMBER})\s*万元\s*(?:相比)?\s*[，,；;]?\s*[^，,。；;\d]{{0,14}}?(?P<dir>增加|减少|增长|下降)了?\s*"
    rf"(?P<c>{_NUMBER})\s*万元")


@rule("R109", "ratios", Severity.ERROR, "增减额与两年的金额不符",
      "一句话先后给出本年数、上年数和增减额时（“2020年度机关运行经费为92.93万元，2019年度为249.72万元，本年较上年减少了"
      "156.79万元”），增减额应等于两年之差，增减方向也应与之相符（容许末位的四舍五入）。",
      bad="十、其他重要事项的情况说明\n2020年度机关运行经费为92.93万元，2019年度机关运行经费为249.72万元，本年较上年减少了"
          "172.47万元，下降62.79%。",
      good="十、其他重要事项的情况说明\n2020年度机关运行经费为92.93万元，2019年度机关运行经费为249.72万元，本年较上年减少了"
           "156.79万元，下降62.79%。")
def change_between_two_years(ctx: CheckContext, out: Reporter) -> None:
    for at, said in ctx.sentences():
        for m in _TWO_YEARS.finditer(said):
            if int(m.group("y1")) - int(m.group("y0")) != 1:
                continue
            this, last, told = (Decimal(m.group(k).replace(",", "")) for k in ("a", "b", "c"))
            out.checked()
            difference = this - last
            slack = sum(half_digit(v) for v in (this, last, told)) + ctx.tolerance.money_slack
            up = m.group("dir") in ("增加", "增长")
            if abs(abs(difference) - told) <= slack and (up == (difference > 0) or difference == 0):
                continue
            should = f"{'增加' if difference > 0 else '减少'}{number(abs(difference))}万元"
            a, b = at + m.start("dir"), at + m.end("c")
            out.finding(f"{m.group('y1')}年{number(this)}万元、{m.group('y0')}年{number(last)}万元，两年相比是{should}，"
                        f"与所写“{m.group('dir')}{m.group('c')}万元”不符", ctx.locate(a, b + 2), expected=should,
                        actual=f"{m.group('dir')}{m.group('c')}万元", evidence=said[m.start() : m.end()][:160])


def _zero_budget(ctx: CheckContext, out: Reporter, name: str, spent: Figure, budgets: list[Figure],
                 completions: list[Figure]) -> None:
    """"年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%": no rate of a zero budget;
    the one written is that of the other budget, when it gives it."""
    for completion in completions:
        if completion.value == 0:
            continue
        other = None
        for b in budgets[1:]:
            base, paid = same_precision(b, spent)
            bounds = ratio_bounds(paid, base)
            if bounds is not None and percent_agrees(completion, bounds, ctx.tolerance):
                other = b
                break
        said = ctx.document.text[max(0, completion.location.start - 10) : completion.location.start]
        if other is not None and "年初" not in said:
            continue  # "完成调整预算的95.89%": the rate of the budget it names
        why = f"，{completion.raw}是决算数对{amount(other)}的比率" if other is not None else ""
        out.finding(f"{name}预算数为{budgets[0].raw}，完成预算率无从计算（决算数{amount(spent)}）{why}，报告写作"
                    f"完成预算{completion.raw}", completion.location, expected="（无法计算）", actual=completion.raw)


@rule("R104", "ratios", Severity.ERROR, "完成预算率与决算数、预算数不符",
      "完成预算X%应等于决算数除以预算数；预算数为0而有支出时，完成预算率无从计算，不应写出一个比率"
      "（“年初预算为0万元，全年预算为321.02万元，…完成年初预算的95.89%”是对全年预算的比率，口径写错了）。",
      bad="五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1.一般公共服务（类）财政事务（款）行政运行（项）。年初预算为1560.05万元，支出决算为1511.89万元，完成预算的99.00%。",
      good="五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n1.一般公共服务（类）财政事务（款）行政运行（项）。年初预算为1560.05万元，支出决算为1511.89万元，完成预算的96.91%。")
def completion_rates(ctx: CheckContext, out: Reporter) -> None:
    d = ctx.disclosure
    candidates: list[tuple[str, list[Figure], list[Figure], list[Figure]]] = [
        (i.item_name or "", i.amount, i.budget, i.completion) for i in d.general_budget.items]
    for item, called in ((d.general_budget.detail_total, "一般公共预算财政拨款支出"), (d.three_public.total, "“三公”经费")):
        if item is not None:
            candidates.append((called, item.amount, item.budget, item.completion))
    for name, amounts, budgets, completions in candidates:
        if not completions:
            continue
        if not amounts or not budgets:
            continue
        budget, spent = same_precision(budgets[0], amounts[0])
        bounds = ratio_bounds(spent, budget)
        if bounds is None:
            if budget.value == 0 and spent.value != 0:
                _zero_budget(ctx, out, name, spent, budgets, completions)
            continue
        for completion in completions:
            if percent_agrees(completion, bounds, ctx.tolerance) and not alike_rate_wrong(budget, spent, completion):
                out.checked()
            else:
                should = exact_rate(budget, spent) if alike_rate_wrong(budget, spent, completion) else point(bounds, completion)
                out.finding(f"{name}决算数{amount(amounts[0])}、预算数{amount(budget)}，完成预算应为{should}，"
                            f"报告写作{completion.raw}", completion.location, expected=should, actual=completion.raw)


# "预算执行数为7,463.89万元，年初预算数为4,283.43万元，预算偏离度74.25%": the deviation of what was spent from the
# budget, as a share of the budget (either figure first)
_DEVIATION = re.compile(
    rf"(?:(?P<k1>执行数|支出数|决算数)[^，,。；;\d]{{0,4}}?(?P<a1>{_NUMBER})\s*万元\s*[，,]\s*[^，,。；;\d]{{0,8}}?预算数?[^，,。；;\d]{{0,4}}?(?P<b1>{_NUMBER})\s*万元"
    rf"|[^，,。；;\d]{{0,8}}?预算数[^，,。；;\d]{{0,4}}?(?P<b2>{_NUMBER})\s*万元\s*[，,]\s*[^，,。；;\d]{{0,8}}?(?:执行数|支出数|决算数)[^，,。；;\d]{{0,4}}?(?P<a2>{_NUMBER})\s*万元)"
    r"\s*[，,]\s*(?:预算)?(?:执行)?偏离度(?:为|是)?\s*(?P<x>\d{1,4}(?:\.\d{1,2})?)\s*%")


@rule("R111", "ratios", Severity.ERROR, "预算偏离度与执行数、预算数不符",
      "一句话给出执行数、年初预算数和预算偏离度时，偏离度应等于两者之差（取绝对值）除以预算数（容许末位的四舍五入）。",
      bad="第四部分 附件\n部门整体支出绩效评价报告\n2023年，财政拨款预算执行数为7,463.89万元，年初预算数为4,283.43万元，预算偏离度58.41%。",
      good="第四部分 附件\n部门整体支出绩效评价报告\n2023年，财政拨款预算执行数为7,463.89万元，年初预算数为4,283.43万元，预算偏离度74.25%。")
def budget_deviation(ctx: CheckContext, out: Reporter) -> None:
    for at, said in ctx.sentences():
        for m in _DEVIATION.finditer(said):
            spent = Decimal((m.group("a1") or m.group("a2")).replace(",", ""))
            budget = Decimal((m.group("b1") or m.group("b2")).replace(",", ""))
            told = Decimal(m.group("x"))
            rounding = half_digit(spent) + half_digit(budget)
            if budget - half_digit(budget) <= 0:
                continue
            out.checked()
            gap = abs(spent - budget)
            low = max(gap - rounding, Decimal(0)) / (budget + half_digit(budget)) * HUNDRED
            high = (gap + rounding) / (budget - half_digit(budget)) * HUNDRED
            slack = half_digit(told) + ctx.tolerance.percent_slack
            if told + slack >= low and told - slack <= high:
                continue
            should = f"{(low + high) / 2:.2f}%"
            a = at + m.start("x")
            out.finding(f"执行数{number(spent)}万元、预算数{number(budget)}万元，偏离度应为{should}，报告写作{m.group('x')}%",
                        ctx.locate(a, a + len(m.group("x")) + 1), expected=should, actual=f"{m.group('x')}%",
                        evidence=said[m.start() : m.end()][:160])


# "支出合计7,463.89万元，其中：一般公共服务支出6,049.03万元，占81.04%；…": a total, then its parts with shares
_TOTAL_THEN_PARTS = re.compile(r"(?<![\d,.])(\d[\d,]*(?:\.\d+)?)\s*万元\s*[，,]?\s*(?:其中|主要用于|主要包括)")
_PART_SHARE = re.compile(r"(?<![\d,.])(\d[\d,]*(?:\.\d+)?)\s*万元\s*[，,]?\s*占(?:比|[^，,；;。\d%]{0,12}?的)?\s*(\d{1,3}(?:\.\d{1,2})?)\s*%")


@rule("R106", "ratios", Severity.ERROR, "占比与同一句中的合计不符",
      "同一句先说合计、再列各部分及其占比（“支出合计A万元，其中：B万元，占X%”）时，X%应等于B除以A；"
      "说明事项之外（附件的评价报告、概况）也一样。",
      bad="第四部分 附件\n部门整体支出绩效评价报告\n2023年支出合计7,463.89万元，其中：一般公共服务支出6,049.03万元，占86.04%；住房保障支出225.89万元，占3.03%。",
      good="第四部分 附件\n部门整体支出绩效评价报告\n2023年支出合计7,463.89万元，其中：一般公共服务支出6,049.03万元，占81.04%；住房保障支出225.89万元，占3.03%。")
def shares_in_a_sentence(ctx: CheckContext, out: Reporter) -> None:
    modelled = {f.location.start for path, f in ctx.figures if ".share" in path}  # R101 checks these
    for start, text in ctx.paragraphs():
        for total in _TOTAL_THEN_PARTS.finditer(text):
            end = text.find("。", total.end())
            whole = ctx.figure(start, Found(total.start(1), total.end(1),
                                                           Decimal(total.group(1).replace(",", "")), "万元"))
            for m in _PART_SHARE.finditer(text, total.end(), end if end >= 0 else len(text)):
                if start + m.start(2) in modelled:
                    continue
                part = ctx.figure(start, Found(m.start(1), m.end(1), Decimal(m.group(1).replace(",", "")), "万元"))
                share = ctx.figure(start, Found(m.start(2), m.end(2) + 1, Decimal(m.group(2)), "%"))
                _share(ctx, out, part, whole, share, f"{amount(part)}占{amount(whole)}",
                       ctx.document.text[start + total.start() : start + m.end()])


# "经营收入0.00万元……较2022年度决算数增加0.00万元，增长0%": no change from a year that was 0 too
_ZERO_CHANGE = re.compile(r"(?:增加|减少|增长|下降)\s*了?\s*0(?:\.0+)?\s*(?:万元|元)\s*[，,]?\s*(?:增长|下降)(?:率为?)?\s*(0(?:\.0+)?\s*%)")
_CHANGE_WORD = re.compile(r"(?:增加|减少|增长|下降)\s*了?\s*$")
_NOT_A_SUBJECT = re.compile(r"[^\u4e00-\u9fff]|较|比|与|上年|去年|同期|相比|年度?|决算数?|本年|增加|减少|增长|下降")


@rule("R107", "ratios", Severity.WARNING, "上年数为0时写了增减率",
      "本年数为0、与上年相比增减也为0时，上年数也是0：增减率没有基数，不应写“增长0%”，应写“与上年持平（均为0）”。",
      bad="二、收入决算情况说明\n经营收入0.00万元，较2022年度决算数增加0.00万元，增长0%，主要原因是本单位无经营收入。",
      good="二、收入决算情况说明\n经营收入0.00万元，与2022年度决算数持平，主要原因是本单位无经营收入。"
           "其他收入10.00万元，较2022年度决算数增加0.00万元，增长0%。")
def rate_on_zero_base(ctx: CheckContext, out: Reporter) -> None:
    text = ctx.document.normalized
    for m in _ZERO_CHANGE.finditer(text):
        clause = re.split(r"[；;。,，]", text[max(0, m.start() - 60) : m.start()])[-1]
        if len(_NOT_A_SUBJECT.sub("", clause)) >= 4:
            continue  # "公务用车运行维护费支出决算减少0.00元": its own subject, whose amount is not at hand
        before = text[max(0, m.start() - 200) : m.start()]
        stated = [f for f in ctx.figures_in(before) if f.is_money and not _CHANGE_WORD.search(before[: f.start])]
        if not stated:
            continue
        out.checked()
        if stated[-1].value == 0:
            out.finding(f"本年数和增减额都是0，上年数也是0，“{ctx.document.text[m.start(1) : m.end(1)]}”没有基数",
                        ctx.document.locate(m.start(1), m.end(1)), evidence=ctx.document.text[m.start() : m.end()])


def _budget_range(spent: Figure, rate: Figure) -> tuple[Decimal, Decimal] | None:
    """The budget a part must have had, given its spending and its completion rate, both rounded."""
    low_rate, high_rate = rate.value - half_unit(rate), rate.value + half_unit(rate)
    low_spent, high_spent = max(spent.value - half_unit(spent), Decimal(0)), spent.value + half_unit(spent)
    if low_rate <= 0:
        return None
    return low_spent / high_rate * HUNDRED, high_spent / low_rate * HUNDRED


def _implied_rate(parts: list[tuple[Figure, Figure | None]]) -> tuple[Decimal, Decimal] | None:
    """The completion rate of the whole that the parts' spending and rates allow. A part spending nothing
    without a rate (or at 0%) may have had any budget: the whole's rate can then only be lower."""
    spent_low = spent_high = budget_low = budget_high = Decimal(0)
    open_below = False
    for spent, rate in parts:
        slack = half_unit(spent) if spent.value else Decimal(0)  # a plain 0 is nothing spent, not a rounded figure
        spent_low += max(spent.value - slack, Decimal(0))
        spent_high += spent.value + slack
        if rate is None or (rate.value == 0 and spent.value == 0):
            if spent.value != 0:
                return None  # a part spent without a stated rate: its budget is unknown
            open_below = True  # nothing spent (of a budget of any size, 0% of it): the whole's rate only bounded above
            continue
        budget = _budget_range(spent, rate)
        if budget is None:
            return None
        budget_low += budget[0]
        budget_high += budget[1]
    if budget_low <= 0:
        return None
    low = Decimal(0) if open_below else spent_low / budget_high * HUNDRED
    return low, spent_high / budget_low * HUNDRED


def _one(figures: list[Figure]) -> Figure | None:
    """The figure, when stated once or every time alike (C101 reports the others)."""
    return figures[0] if figures and all(f.value == figures[0].value for f in figures) else None


def _completion_groups(ctx: CheckContext) -> list[tuple[str, Item | None, list[Item | LineItem | None]]]:
    """(name, whole, parts) whose completion rates are tied: 三公 and its three items, and 公务用车 and its
    purchase and operation, per unit; the general budget's spending and its 项."""
    gb = ctx.disclosure.general_budget
    whole_gb = gb.detail_total if gb.detail_total is not None and gb.detail_total.completion else gb.total
    groups: list[tuple[str, Item | None, list[Item | LineItem | None]]] = [
        ("一般公共预算财政拨款支出", whole_gb, list(gb.items) or [None])]
    units = ctx.disclosure.three_public.units
    for unit in units:
        whole = ctx.disclosure.three_public.total_of(unit)
        vehicles = unit.vehicles
        reception = unit.reception or unit.reception_domestic
        name = f"{unit.unit}“三公”经费" if unit.unit else "“三公”经费"
        groups.append((name, whole, [unit.outbound_travel, vehicles, reception]))
        if unit.vehicle_purchase is not None and unit.vehicle_operation is not None:
            groups.append((f"{unit.unit or ''}公务用车购置及运行维护费", vehicles,
                           [unit.vehicle_purchase, unit.vehicle_operation]))
    return groups


def _unsaid_as_nothing(ctx: CheckContext, whole: Item, parts: list[Item | LineItem | None]) -> list[Item | LineItem | None]:
    """A part the report gives no figure for ("当年未安排因公出国（境）任务，无费用产生") spent nothing when the parts it
    gives add up to the whole: it stands as 0 without a rate (its budget unknown, so the whole's rate is bounded
    above only)."""
    told = [p for p in parts if p is not None and _one(p.amount) is not None]
    spent = _one(whole.amount)
    if len(told) == len(parts) or len(told) < 2 or spent is None:
        return parts
    if not sum_agrees(spent, [f for p in told if (f := _one(p.amount)) is not None], ctx.tolerance)[0]:
        return parts
    nothing = Figure(value=Decimal(0), unit=spent.unit, raw="0", location=spent.location)
    return [p if p is not None and _one(p.amount) is not None else Item(key="unsaid", name="", amount=[nothing])
            for p in parts]


def _blame_part(ctx: CheckContext, out: Reporter, name: str, whole: Item,
                parts: list[Item | LineItem | None]) -> bool:
    """Report a whole's rate that its parts contradict at the one part's rate that is the slip, when the report
    shows which: every other rate (the whole's included) is written elsewhere in the report, or is 100% or 0%,
    and this one is written only here. The rate it needs follows from the whole and the other parts."""
    rates = [(p, _one(p.completion)) for p in parts if p is not None]
    alone = [(p, r) for p, r in rates if r is not None and r.value not in (0, HUNDRED) and said_once(ctx, r.value)]
    whole_rate, whole_spent = whole.completion[0], _one(whole.amount)
    if len(alone) != 1 or said_once(ctx, whole_rate.value) or whole_spent is None or whole_rate.value <= 0:
        return False
    part, rate = alone[0]
    spent = _one(part.amount)
    others = Decimal(0)
    for p, r in rates:
        if p is part:
            continue
        p_spent = _one(p.amount)
        if p_spent is None or (r is None and p_spent.value != 0) or (r is not None and r.value <= 0):
            return False  # a part with no budget to be had
        others += p_spent.value * HUNDRED / r.value if r is not None else Decimal(0)
    budget = whole_spent.value * HUNDRED / whole_rate.value - others
    if spent is None or budget <= 0:
        return False
    needed = spent.value * HUNDRED / budget
    if not Decimal(0) < needed <= 10 * HUNDRED:
        return False
    label = part.name if isinstance(part, Item) else (part.item_name or part.class_name or "该项")
    out.finding(f"{label}完成预算{rate.raw}，与{name}完成预算{whole_rate.raw}和其余各项的完成率不相容（{rate.raw}在报告中仅此"
                f"一见，其余各率或为100%、0%，或在别处也写到过）：按合计和其余各项推得应约为{needed:.2f}%", rate.location,
                expected=f"{needed:.2f}%", actual=rate.raw)
    return True


@rule("R108", "ratios", Severity.WARNING, "合计的完成率与各项的完成率不相容",
      "各项的决算数和完成预算率决定了各项的预算数，合计的完成率应等于各项决算数之和除以各项预算数之和；"
      "如各项都完成预算100%，合计也应为100%。",
      bad="七、“三公”经费财政拨款支出决算情况说明\n2020年“三公”经费财政拨款支出决算为10.00万元，完成预算100%。\n"
          "1.因公出国（境）经费支出0万元。\n2.公务用车购置及运行维护费支出6.00万元，完成预算100%。\n"
          "3.公务接待费支出4.00万元，完成预算80%。",
      good="七、“三公”经费财政拨款支出决算情况说明\n2020年“三公”经费财政拨款支出决算为10.00万元，完成预算90.91%。\n"
           "1.因公出国（境）经费支出0万元。\n2.公务用车购置及运行维护费支出6.00万元，完成预算100%。\n"
           "3.公务接待费支出4.00万元，完成预算80%。")
def whole_completion(ctx: CheckContext, out: Reporter) -> None:
    for name, whole, parts in _completion_groups(ctx):
        if whole is None or _one(whole.completion) is None:
            continue
        parts = _unsaid_as_nothing(ctx, whole, parts)
        if any(p is None or _one(p.amount) is None for p in parts):
            continue
        stated = whole.completion[0]
        implied = _implied_rate([(_one(p.amount), _one(p.completion)) for p in parts])  # type: ignore[misc,union-attr]
        spent, parts_spent = _one(whole.amount), [_one(p.amount) for p in parts]  # type: ignore[union-attr]
        if spent is not None and all(p is not None for p in parts_spent) and not sum_agrees(
                spent, [p for p in parts_spent if p is not None], ctx.tolerance)[0]:
            implied = None  # the parts told are not the whole (a list cut short, or a sum I104/I106 reports)
        if implied is None:
            out.missing()
            continue
        if percent_agrees(stated, implied, ctx.tolerance):
            out.checked()
            continue
        low, high = implied
        if _blame_part(ctx, out, name, whole, parts):
            continue
        told = f"{low:.2f}%～{high:.2f}%" if high - low >= Decimal("0.01") else f"{(low + high) / 2:.2f}%"
        if low == 0:
            told = f"不高于{high:.2f}%"  # a part spent nothing of a budget not told
        # the report does not say whether the whole's rate or a part's is wrong: the parts' rates are related
        rates = [r.location for p in parts if p is not None and (r := _one(p.completion)) is not None]
        out.finding(f"{name}完成预算{stated.raw}，由各项决算数和完成率推得{'' if low == 0 else '应为'}{told}",
                    stated.location, expected=told, actual=stated.raw, related=rates)
