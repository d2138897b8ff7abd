"""Identities between the figures of the narrative (docs/domain.md §3): totals are sums of their parts."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from juesuan.amounts import number
from juesuan.document import Location
from juesuan.model.disclosure import GeneralBudget, ThreePublicUnit
from juesuan.model.figures import Figure, Item
from juesuan.places import place
from juesuan.rules.arithmetic import equal, sum_agrees
from juesuan.rules.base import CheckContext, Reporter, Severity, amount, half_unit, rule
from juesuan.rules.blame import among_parts, nearest, odd_by_value, odd_one_out, said_once


def first(item: Item | None) -> Figure | None:
    return item.amount[0] if item is not None and item.amount else None


def _sum_check(ctx: CheckContext, out: Reporter, name: str, total: Figure | None, parts: list[Figure],
               part_names: str, narrow: Callable[[], tuple[Location, str] | None] | None = None) -> None:
    """Σ parts = total; a broken sum is reported at the figure shown to be wrong when the report shows which
    (blame.odd_one_out, or `narrow`: a subtotal whose own parts do not add up), else at the total."""
    if total is None or not parts:
        if total is not None or parts:
            out.missing()
        return
    ok, computed = sum_agrees(total, parts, ctx.tolerance)
    if ok:
        out.checked()
        return
    if computed < total.value and ctx.may_be_cut(total.location.start):
        out.missing()  # the list of parts may go on past the cut
        return
    odd = odd_one_out(ctx, total, parts)
    if odd is not None and odd[0] is not total:
        wrong, why, other = odd
        out.finding(f"{name}{amount(total)}不等于{part_names}之和{amount(total, computed)}：{why}", wrong.location,
                    expected=other.raw if other is not None else None, actual=wrong.raw)
        return
    narrowed = narrow() if narrow is not None else None
    if narrowed is not None:
        where, why = narrowed
        out.finding(f"{name}{amount(total)}不等于{part_names}之和{amount(total, computed)}：{why}", where,
                    expected=amount(total, computed), actual=total.raw)
        return
    by_value = odd_by_value(ctx, total, parts)
    if by_value is not None:
        wrong, why, balancing = by_value
        out.finding(f"{name}{amount(total)}不等于{part_names}之和{amount(total, computed)}：{why}", wrong.location,
                    expected=balancing, actual=wrong.raw)
        return
    parts_place = among_parts(ctx, total, parts)
    if parts_place is not None:
        out.finding(f"{name}{amount(total)}不等于{part_names}之和{amount(total, computed)}：合计在报告别处有相同的记载，"
                    "错在其中某一部分", parts_place, expected=amount(total), actual=amount(total, computed))
        return
    out.finding(f"{name}{amount(total)}不等于{part_names}之和{amount(total, computed)}", nearest(ctx, total, parts).location,
                expected=amount(total, computed), actual=total.raw)


@rule("I101", "identities", Severity.ERROR, "本年收入合计不等于各项收入之和",
      "本年收入合计应等于一般公共预算、政府性基金预算、国有资本经营预算财政拨款收入与上级补助、事业、经营、"
      "附属单位上缴和其他收入之和（容许每个数字末位的四舍五入）。",
      bad="二、收入决算情况说明\n2020年本年收入合计100.00万元，其中：一般公共预算财政拨款收入60.00万元，占60.00%；其他收入30.00万元，占30.00%。",
      good="二、收入决算情况说明\n2020年本年收入合计100.00万元，其中：一般公共预算财政拨款收入70.00万元，占70.00%；其他收入30.00万元，占30.00%。")
def income_sum(ctx: CheckContext, out: Reporter) -> None:
    totals = ctx.disclosure.totals
    sources = {s.key: s for s in totals.income_sources if s.amount}
    if {"general_budget", "gov_fund", "state_capital"} & set(sources):
        sources.pop("fiscal_appropriation", None)  # the aggregate of the three
    sources.pop("carryover_begin", None)
    sources.pop("non_fiscal_balance", None)
    parts = [s.amount[-1] for s in sources.values()]
    if len(parts) < 2 and not (parts and totals.income_this_year and len(totals.income_sources) == 1):
        if parts:
            out.missing()
        return
    _sum_check(ctx, out, "本年收入合计", first(totals.income_this_year), parts, "各项收入")


@rule("I102", "identities", Severity.ERROR, "本年支出合计不等于各项支出之和",
      "本年支出合计应等于基本支出、项目支出、上缴上级支出、经营支出和对附属单位补助支出之和。",
      bad="三、支出决算情况说明\n2020年本年支出合计100.00万元，其中：基本支出38.71万元，占38.71%；项目支出51.29万元，占51.29%。",
      good="三、支出决算情况说明\n2020年本年支出合计100.00万元，其中：基本支出38.71万元，占38.71%；项目支出61.29万元，占61.29%。")
def expenditure_sum(ctx: CheckContext, out: Reporter) -> None:
    totals = ctx.disclosure.totals
    parts = [k.amount[-1] for k in totals.expenditure_kinds if k.amount and k.key != "balance_distribution"]
    if len(parts) < 2:
        if parts:
            out.missing()
        return
    _sum_check(ctx, out, "本年支出合计", first(totals.expenditure_this_year), parts, "各项支出")


@rule("I103", "identities", Severity.ERROR, "收入总计与支出总计不相等",
      "收入总计（本年收入合计、使用非财政拨款结余与年初结转和结余之和）必须等于支出总计（本年支出合计、"
      "结余分配与年末结转和结余之和）；上年也一样，所以本年收、支总计相等时，“收、支总计各减少A万元和B万元”的A与B也应相同（警告）。",
      bad="一、收入支出决算总体情况说明\n2020年度收入总计2447.25万元。2020年度支出总计2176.91万元。",
      good="一、收入支出决算总体情况说明\n2020年度收入总计2447.25万元。2020年度支出总计2447.25万元。")
def totals_balance(ctx: CheckContext, out: Reporter) -> None:
    totals = ctx.disclosure.totals
    income, expenditure = first(totals.income_total), first(totals.expenditure_total)
    spent = first(totals.expenditure_this_year)
    if (totals.expenditure_total is not None and totals.expenditure_total.name.endswith("总支出") and spent is not None
            and expenditure is not None and equal(spent, expenditure, ctx.tolerance)):
        return  # "总收入488.93万元…总支出488.80万元" with 本年支出488.80: the year's figures, not the balanced totals
    _balance(ctx, out, "", income, expenditure)
    if income is None or expenditure is None or not equal(income, expenditure, ctx.tolerance):
        return  # unequal this year: reported above, and the changes cannot tell more
    # "收、支总计各减少了161.30万元和159.43万元": this year's totals are equal, so last year's were too (or one
    # of them is wrong): the two changes must be the same
    for start, text in ctx.paragraphs():
        for m in _TWO_CHANGES.finditer(text):
            a, b = (Decimal(m.group(k).replace(",", "")) for k in (2, 3))
            out.checked()
            if a == b:
                continue
            sign = 1 if m.group(1) == "增加" else -1
            before_income, before_spent = income.value - sign * a, expenditure.value - sign * b
            out.finding(f"收、支总计各{m.group(1)}{number(a)}万元和{number(b)}万元：本年收入总计与支出总计相等，"
                        f"上年的却成了收入总计{number(before_income)}万元、支出总计{number(before_spent)}万元，并不相等",
                        ctx.locate(start + m.start(2), start + m.end(3)), expected="两个增减额相同",
                        actual=f"{number(a)}万元和{number(b)}万元", severity=Severity.WARNING,
                        evidence=ctx.document.text[start + m.start() : start + m.end()])


_TWO_CHANGES = re.compile(r"收[、，,]?\s*支总计(?:各|分别)?(增加|减少)了?\s*(\d[\d,]{0,15}(?:\.\d{1,2})?)\s*(?:万元)?\s*"
                          r"(?:和|、|，|,)\s*(\d[\d,]{0,15}(?:\.\d{1,2})?)\s*万元")


def _balance(ctx: CheckContext, out: Reporter, what: str, income: Figure | None, expenditure: Figure | None) -> None:
    """收入总计 = 支出总计 (of the whole, or of 财政拨款 when `what` says so)."""
    if income is None or expenditure is None:
        return
    if equal(income, expenditure, ctx.tolerance):
        out.checked()
    else:
        out.finding(f"{what}收入总计{amount(income)}与{what}支出总计{amount(expenditure)}不相等", expenditure.location,
                    expected=income.raw, actual=expenditure.raw)


@rule("I111", "identities", Severity.ERROR, "财政拨款收入总计与支出总计不相等",
      "财政拨款收入总计（本年财政拨款收入与年初财政拨款结转和结余之和）必须等于财政拨款支出总计（本年财政拨款支出与"
      "年末财政拨款结转和结余之和）；把本年支出写作“支出总计”会漏掉年末结转和结余。",
      bad="四、财政拨款收入支出决算总体情况说明\n2020年财政拨款收入总计2447.25万元。\n2020年财政拨款支出总计2176.91万元。",
      good="四、财政拨款收入支出决算总体情况说明\n2020年财政拨款收入总计2447.25万元。\n2020年财政拨款支出总计2447.25万元。")
def fiscal_totals_balance(ctx: CheckContext, out: Reporter) -> None:
    fa = ctx.disclosure.fiscal_appropriation
    if fa.income is None or fa.expenditure is None or not ("总计" in (fa.income.name or "") and "总计" in (fa.expenditure.name or "")):
        return
    _balance(ctx, out, "财政拨款", first(fa.income), first(fa.expenditure))


@rule("I104", "identities", Severity.ERROR, "一般公共预算财政拨款支出不等于各类（或各项）支出之和",
      "一般公共预算财政拨款支出应等于结构说明中各类支出之和，也应等于具体情况中各项支出之和。",
      bad="五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n2020年一般公共预算财政拨款支出100.00万元，主要用于以下方面:一般公共服务支出50.00万元，占50.00%；住房保障支出40.00万元，占40.00%。",
      good="五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n2020年一般公共预算财政拨款支出100.00万元，主要用于以下方面:一般公共服务支出60.00万元，占60.00%；住房保障支出40.00万元，占40.00%。")
def general_budget_sum(ctx: CheckContext, out: Reporter) -> None:
    gb = ctx.disclosure.general_budget
    (total, classes), (detail_total, items) = _general_budget_sums(gb)
    groups = _items_by_class(ctx, gb)
    if len(classes) >= 2:
        _sum_check(ctx, out, "一般公共预算财政拨款支出", total, classes, "各类支出",
                   narrow=lambda: _odd_class(ctx, groups, blame_items=False))
    if len(items) >= 2:
        _sum_check(ctx, out, "一般公共预算财政拨款支出", detail_total, items, "各项（项级科目）支出",
                   narrow=lambda: _odd_class(ctx, groups, blame_items=True))


@rule("I124", "identities", Severity.ERROR, "政府性基金（国有资本经营）预算财政拨款支出不等于所列各项之和",
      "政府性基金预算（国有资本经营预算）财政拨款支出决算情况说明逐项列出支出（“住房保障支出（类）…（款）…（项）135.00万元”）时，"
      "各项之和应等于该部分所说的支出总额。",
      bad="八、政府性基金预算财政拨款收入支出决算情况说明\n政府性基金预算财政拨款收入105.00万元，支出105.00万元，支出具体情况如下：\n"
          "住房保障支出（类）超长期特别国债安排的支出（款）其他住房保障支出（项）135.00万元，主要用于住宅老旧电梯更新改造。",
      good="八、政府性基金预算财政拨款收入支出决算情况说明\n政府性基金预算财政拨款收入105.00万元，支出105.00万元，支出具体情况如下：\n"
           "住房保障支出（类）超长期特别国债安排的支出（款）其他住房保障支出（项）105.00万元，主要用于住宅老旧电梯更新改造。")
def fund_items_sum(ctx: CheckContext, out: Reporter) -> None:
    for fund, name in ((ctx.disclosure.gov_fund, "政府性基金预算财政拨款支出"),
                       (ctx.disclosure.state_capital, "国有资本经营预算财政拨款支出")):
        items = [i.amount[0] for i in fund.items if i.amount]
        if items:  # one 项 listed is the whole detail too
            _sum_check(ctx, out, name, first(fund.expenditure), items, "所列各项支出")


def _general_budget_sums(gb: GeneralBudget) -> tuple[tuple[Figure | None, list[Figure]], tuple[Figure | None, list[Figure]]]:
    """The two sums of the general budget's spending: (total, its 类) and (total of the detail, its 项)."""
    total = gb.structure_total[0] if gb.structure_total else first(gb.total)
    return ((total, [c.amount[0] for c in gb.classes if c.amount]),
            (first(gb.detail_total) or total, [i.amount[0] for i in gb.items if i.amount]))


def _items_by_class(ctx: CheckContext, gb: GeneralBudget) -> list[tuple[str, Figure, list[Figure]]]:
    """(类, its amount, the amounts of the 项 listed under it) for every 类 of the structure section."""
    classes = {_class_of(c.key or c.name): c for c in gb.classes if c.amount}
    items = [i for i in gb.items if i.amount and i.class_name]
    return [(c.name, c.amount[0], [i.amount[0] for i in items if _class_of(i.class_name or "") == key])
            for key, c in classes.items()]


def _broken_classes(ctx: CheckContext, groups: list[tuple[str, Figure, list[Figure]]],
                    ) -> list[tuple[str, Figure, list[Figure]]]:
    return [(name, amount_, parts) for name, amount_, parts in groups
            if parts and not sum_agrees(amount_, parts, ctx.tolerance)[0]]


def _odd_class(ctx: CheckContext, groups: list[tuple[str, Figure, list[Figure]]],
               blame_items: bool) -> tuple[Location, str] | None:
    """When the 项 of exactly one 类 do not add up to that 类 (every other 类 does), the broken sum is in that 类:
    its 项 (`blame_items`: the 项 sum broke, the 类 sum held) or its amount (the 类 sum broke)."""
    broken = _broken_classes(ctx, groups)
    if len(broken) != 1 or sum(1 for _, _, parts in groups if parts) < 2:
        return None
    name, class_amount, parts = broken[0]
    computed = sum((p.value for p in parts), Decimal(0))
    why = f"{name}{amount(class_amount)}（{place(class_amount.location)}）与其下各项之和{amount(class_amount, computed)}不符"
    if not blame_items:
        return class_amount.location, why
    first_part, last_part = min(parts, key=lambda p: p.location.start), max(parts, key=lambda p: p.location.end)
    return ctx.locate(first_part.location.start, last_part.location.end), why


@rule("I105", "identities", Severity.ERROR, "基本支出不等于人员经费与公用经费之和",
      "一般公共预算财政拨款基本支出应等于人员经费与公用经费之和。",
      bad="六、一般公共预算财政拨款基本支出决算情况说明\n2020年一般公共预算财政拨款基本支出100.00万元，其中：人员经费80.00万元，主要包括：基本工资。公用经费10.00万元，主要包括：办公费。",
      good="六、一般公共预算财政拨款基本支出决算情况说明\n2020年一般公共预算财政拨款基本支出100.00万元，其中：人员经费80.00万元，主要包括：基本工资。公用经费20.00万元，主要包括：办公费。")
def basic_sum(ctx: CheckContext, out: Reporter) -> None:
    basic = ctx.disclosure.basic
    parts = [f for f in (first(basic.personnel), first(basic.public)) if f is not None]
    if len(parts) == 2:
        _sum_check(ctx, out, "基本支出", first(basic.total), parts, "人员经费与公用经费")
    elif parts:
        out.missing()


@rule("I121", "identities", Severity.ERROR, "机关运行经费大于公用经费",
      "机关运行经费是行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费，"
      "是一般公共预算财政拨款基本支出中公用经费的一部分，不能大于它。",
      bad="六、一般公共预算财政拨款基本支出决算情况说明\n2020年一般公共预算财政拨款基本支出100.00万元，其中：人员经费80.00万元，"
          "主要包括：基本工资。公用经费20.00万元，主要包括：办公费。\n十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n"
          "2020年，机关运行经费支出22.00万元。",
      good="六、一般公共预算财政拨款基本支出决算情况说明\n2020年一般公共预算财政拨款基本支出100.00万元，其中：人员经费80.00万元，"
           "主要包括：基本工资。公用经费20.00万元，主要包括：办公费。\n十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n"
           "2020年，机关运行经费支出18.00万元。")
def operating_within_public(ctx: CheckContext, out: Reporter) -> None:
    d = ctx.disclosure
    operating, public = first(d.admin_operating_cost), first(d.basic.public)
    if operating is None or public is None or operating.unit != public.unit:
        if operating is not None and public is None:
            out.missing()
        return
    out.checked()
    if operating.value <= public.value + half_unit(operating) + half_unit(public) + ctx.tolerance.money_slack:
        return
    out.finding(f"机关运行经费{amount(operating)}大于一般公共预算财政拨款基本支出中的公用经费{amount(public)}"
                f"（{place(public.location)}）：机关运行经费是公用经费的一部分，不能大于它", operating.location,
                expected=f"不大于{amount(public)}", actual=operating.raw, related=[public.location])


_NONE_BOUGHT = re.compile(r"无新购|没有(?:新)?购置|未(?:新)?购置|无购置|未购买|没有购买|无新增购置")


def _bought_none(ctx: CheckContext) -> bool:
    """The 三公 part says no vehicle was bought ("无新购车辆"): its vehicle cost is all running cost."""
    return any(_NONE_BOUGHT.search(text) for section in ctx.outline.find("three_public")
               for _, text in ctx.section_paragraphs(section))


def _three_public_checks(ctx: CheckContext, out: Reporter, unit: ThreePublicUnit, total: Figure | None,
                         label: str) -> None:
    vehicles = first(unit.vehicles)
    operation = first(unit.vehicle_operation)
    if vehicles is None and first(unit.vehicle_purchase) is None and operation is not None and _bought_none(ctx):
        vehicles = operation  # "车辆运行费28.91万元" … "无新购车辆": the running cost is the whole vehicle part
    items = [first(unit.outbound_travel), vehicles, first(unit.reception)]
    stated = [f for f in items if f is not None]
    if total is not None and len(stated) == 3:
        _sum_check(ctx, out, f"{label}“三公”经费", total, stated, "因公出国（境）费、公务用车购置及运行维护费和公务接待费")
    for whole, pieces, name, part_names in (
            (first(unit.vehicles), (("购置费", unit.vehicle_purchase), ("运行维护费", unit.vehicle_operation)),
             "公务用车购置及运行维护费", "购置费与运行维护费"),
            (first(unit.reception), (("国内接待支出", unit.reception_domestic), ("外事接待支出", unit.reception_foreign)),
             "公务接待费", "国内接待与外事接待支出")):
        parts = [(what, f) for what, item in pieces if (f := first(item)) is not None]
        if whole is not None and len(parts) == 2:
            _sum_check(ctx, out, f"{label}{name}", whole, [f for _, f in parts], part_names)
        elif whole is not None and len(parts) == 1 and parts[0][1].unit == whole.unit:
            # one part told, the other not: it cannot be more than the whole
            what, part = parts[0]
            out.checked()
            if part.value > whole.value + half_unit(part) + half_unit(whole):
                out.finding(f"{label}{name}{amount(whole)}，其中{what}却有{amount(part)}，大于总数", part.location,
                            expected=f"不大于{amount(whole)}", actual=part.raw)


@rule("I106", "identities", Severity.ERROR, "“三公”经费不等于各项之和",
      "“三公”经费应等于因公出国（境）费、公务用车购置及运行维护费、公务接待费之和；公务用车购置及运行维护费"
      "应等于购置费与运行维护费之和；公务接待费应等于国内接待与外事接待之和（只说了其中一项时，这一项不能大于总数）。"
      "只说了运行维护费（“车辆运行费”）、又说没有购置车辆时，运行维护费就是公务用车费用。",
      bad="七、“三公”经费财政拨款支出决算情况说明\n（一）“三公”经费财政拨款支出决算总体情况说明\n2020年“三公”经费财政拨款支出决算为40.00万元。\n1.因公出国（境）经费支出0万元。\n2.公务用车购置及运行维护费支出30.00万元。\n3.公务接待费支出5.00万元。",
      good="七、“三公”经费财政拨款支出决算情况说明\n（一）“三公”经费财政拨款支出决算总体情况说明\n2020年“三公”经费财政拨款支出决算为35.00万元。\n1.因公出国（境）经费支出0万元。\n2.公务用车购置及运行维护费支出30.00万元。\n3.公务接待费支出5.00万元。")
def three_public_sum(ctx: CheckContext, out: Reporter) -> None:
    tp = ctx.disclosure.three_public
    for unit in tp.units:
        _three_public_checks(ctx, out, unit, first(tp.total_of(unit)), unit.unit or "")


@rule("I107", "identities", Severity.ERROR, "政府采购金额关系不成立",
      "政府采购支出总额应等于货物、工程、服务采购之和；授予中小企业合同金额不能大于总额，授予小微企业合同金额"
      "不能大于中小企业合同金额。",
      bad="（二）政府采购支出情况\n2020年，政府采购支出总额10.00万元，其中：政府采购货物支出4.00万元、政府采购服务支出4.00万元。",
      good="（二）政府采购支出情况\n2020年，政府采购支出总额10.00万元，其中：政府采购货物支出4.00万元、政府采购服务支出6.00万元。")
def procurement_sum(ctx: CheckContext, out: Reporter) -> None:
    p = ctx.disclosure.procurement
    total = first(p.total)
    parts = [f for f in (first(p.goods), first(p.works), first(p.services)) if f is not None]
    if total is not None and len(parts) >= 2:
        _sum_check(ctx, out, "政府采购支出总额", total, parts, "货物、工程、服务采购")
    sme, micro = first(p.sme), first(p.micro_small)
    if total is not None and sme is not None:
        if sme.value > total.value + ctx.tolerance.money_slack:
            out.finding(f"授予中小企业合同金额{amount(sme)}大于政府采购支出总额{amount(total)}", sme.location)
        else:
            out.checked()
    if sme is not None and micro is not None:
        if micro.value > sme.value + ctx.tolerance.money_slack:
            out.finding(f"授予小微企业合同金额{amount(micro)}大于中小企业合同金额{amount(sme)}", micro.location)
        else:
            out.checked()


@rule("I108", "identities", Severity.ERROR, "车辆总数不等于分项之和",
      "国有资产中的车辆总数应等于按用途分列的车辆数之和；“三公”经费中的公务用车保有量应等于按车型分列之和。",
      bad="（三）国有资产占有使用情况\n截至2020年12月31日，本单位共有车辆7辆，其中：机要通信用车1辆、应急保障用车3辆、其他用车2辆。",
      good="（三）国有资产占有使用情况\n截至2020年12月31日，本单位共有车辆6辆，其中：机要通信用车1辆、应急保障用车3辆、其他用车2辆。")
def vehicle_counts(ctx: CheckContext, out: Reporter) -> None:
    for assets in ctx.disclosure.state_assets:
        by_use = [i.count[0] for i in assets.vehicles_by_use if i.count]
        if assets.vehicles and len(by_use) >= 2:
            total = assets.vehicles[0]
            computed = sum((f.value for f in by_use), Decimal(0))
            if computed != total.value:
                out.finding(f"{assets.unit or ''}共有车辆{total.value}辆，但按用途分列合计{computed}辆", total.location,
                            expected=f"{computed}辆", actual=total.raw)
            else:
                out.checked()
    for unit in ctx.disclosure.three_public.units:
        pairs = [(unit.vehicles_held, unit.vehicles_held_by_type), (unit.vehicles_bought, unit.vehicles_bought_by_type)]
        for totals, by_type in pairs:
            counts = sorted((c for i in by_type for c in i.count), key=lambda f: f.location.start)
            ordered = sorted(totals, key=lambda f: f.location.start)
            for n, total in enumerate(ordered):
                # The types listed after a count, up to the next count, break that count down.
                end = ordered[n + 1].location.start if n + 1 < len(ordered) else None
                window = [c for c in counts if c.location.start > total.location.start
                          and (end is None or c.location.start < end)]
                if len(window) < 2:
                    continue
                computed = sum((c.value for c in window), Decimal(0))
                if computed != total.value:
                    out.finding(f"公务用车{total.value}辆，但按车型分列合计{computed}辆", total.location,
                                expected=f"{computed}辆", actual=total.raw)
                else:
                    out.checked()


@rule("I109", "identities", Severity.ERROR, "收入总计或支出总计与其组成不符",
      "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余；支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余。"
      "没有说结转和结余时，本年收入（支出）合计也不能大于收入（支出）总计；没有说本年收入（支出）合计时，所列各项收入（支出）"
      "与结转和结余之和不能大于收入（支出）总计。",
      bad="一、收入支出决算总体情况说明\n2020年度收入总计2447.25万元。其中：年初结转和结余306.61万元，一般公共预算财政拨款收入2140.64万元。\n"
          "二、收入决算情况说明\n2020年本年收入合计2100.64万元。其中：一般公共预算财政拨款收入2100.64万元，占100%。",
      good="一、收入支出决算总体情况说明\n2020年度收入总计2447.25万元。其中：年初结转和结余306.61万元，一般公共预算财政拨款收入2140.64万元。\n"
           "二、收入决算情况说明\n2020年本年收入合计2140.64万元。其中：一般公共预算财政拨款收入2140.64万元，占100%。")
def grand_totals(ctx: CheckContext, out: Reporter) -> None:
    t = ctx.disclosure.totals
    sides = [
        ("收入总计", first(t.income_total) or first(t.total), first(t.income_this_year), [
            first(t.carryover_begin), *(first(s) for s in t.income_sources if s.key == "non_fiscal_balance")],
         "本年收入合计、使用非财政拨款结余与年初结转和结余"),
        ("支出总计", first(t.expenditure_total) or first(t.total), first(t.expenditure_this_year), [
            first(t.carryover_end), *(first(k) for k in t.expenditure_kinds if k.key == "balance_distribution")],
         "本年支出合计、结余分配与年末结转和结余"),
    ]
    for name, total, this_year, others, words in sides:
        stated = [f for f in others if f is not None]
        if total is not None and this_year is None and stated:
            _parts_above_total(ctx, out, name, total, stated)
            continue
        if total is None or this_year is None:
            continue
        if not stated:
            # without the carry-over the identity cannot be checked, but the year's part cannot exceed the total
            if this_year.unit != total.unit or this_year.value <= total.value + half_unit(this_year) + half_unit(total):
                out.missing()
                continue
            wrong = total if said_once(ctx, total.value) and not said_once(ctx, this_year.value) else this_year
            part = "本年收入合计" if name == "收入总计" else "本年支出合计"
            out.finding(f"{part}{amount(this_year)}大于{name}{amount(total)}（{name}还包括{part}之外的结转和结余）",
                        wrong.location, expected=f"不大于{amount(total)}", actual=this_year.raw)
            continue
        _sum_check(ctx, out, name, total, [this_year, *stated], words)


# 财政拨款收入 holds the three budgets' appropriations: with it, they are not parts of their own
_WITHIN_FISCAL = ("general_budget", "gov_fund", "state_capital")


def _parts_above_total(ctx: CheckContext, out: Reporter, name: str, total: Figure, stated: list[Figure]) -> None:
    """Without 本年收入（支出）合计, the sources (kinds) the report lists and its carry-over cannot add up to more than
    the total ("收入总计457.82万元,其中:财政拨款收入364.66万元…上年结转和结余5.92万元" = 463.74)."""
    t = ctx.disclosure.totals
    if name == "收入总计":
        items = [i for i in t.income_sources if i.key != "non_fiscal_balance"]
        if any(i.key == "fiscal_appropriation" for i in items):
            items = [i for i in items if i.key not in _WITHIN_FISCAL]
    else:
        items = [k for k in t.expenditure_kinds if k.key != "balance_distribution"]
    parts = [f for i in items if (f := first(i)) is not None and f.unit == total.unit]
    if len(parts) < 2 or len(parts) != len(items):
        return
    ok, computed = sum_agrees(total, [*parts, *stated], ctx.tolerance)
    if ok or computed < total.value:
        out.checked()  # less than the total: a source may be left unnamed
        return
    words = "各项收入与年初结转和结余" if name == "收入总计" else "各项支出与年末结转和结余"
    out.finding(f"{words}之和{amount(total, computed)}大于{name}{amount(total)}", total.location,
                expected=amount(total, computed), actual=total.raw,
                related=[f.location for f in [*parts, *stated]])


@rule("I110", "identities", Severity.WARNING, "“三公”经费与国有资产中的车辆数不一致",
      "“三公”经费说明中的公务用车保有量应与国有资产占有使用情况中的车辆数一致（按单位分别比较）。",
      bad="七、“三公”经费财政拨款支出决算情况说明\n截至2020年12月底，单位共有公务用车7辆，其中：轿车2辆、越野车5辆。\n"
          "十、其他重要事项的情况说明\n（三）国有资产占有使用情况\n截至2020年12月31日，本单位共有车辆8辆，其中：机要通信用车3辆、其他用车5辆。",
      good="七、“三公”经费财政拨款支出决算情况说明\n截至2020年12月底，单位共有公务用车7辆，其中：轿车2辆、越野车5辆。\n"
           "十、其他重要事项的情况说明\n（三）国有资产占有使用情况\n截至2020年12月31日，本单位共有车辆7辆，其中：机要通信用车2辆、其他用车5辆。")
def vehicles_agree(ctx: CheckContext, out: Reporter) -> None:
    d = ctx.disclosure
    held = [(u.unit, u.vehicles_held[-1]) for u in d.three_public.units if u.vehicles_held]
    assets = [(a.unit, a.vehicles[-1]) for a in d.state_assets if a.vehicles]
    if not held or not assets:
        return
    for unit, count in held:
        match = _of_unit(unit, assets, alone=len(held) == 1)
        if match is None:
            continue
        if match.value == count.value:
            out.checked()
        else:
            # the report does not say which count is right: the assets' place is named as related
            out.finding(f"{unit or ''}“三公”经费中公务用车{count.value}辆，国有资产中车辆{match.value}辆", count.location,
                        expected=f"{match.value}辆", actual=count.raw, related=[match.location])


def _of_unit(unit: str | None, named: list[tuple[str | None, Figure]], alone: bool) -> Figure | None:
    """The one figure of `named` stated for `unit` ("市委办公室(本级)" and "市委办公室（本级）", "市公务服务中心" and
    "攀枝花市公务服务中心" are one unit); or the only one, when each side speaks of one unit (`alone`)."""
    key = re.sub(r"[（(）)\s]", "", unit or "")
    same = [f for name, f in named if key and (n := re.sub(r"[（(）)\s]", "", name or "")) and (key in n or n in key)]
    if not same and alone and len(named) == 1:
        same = [named[0][1]]
    return same[0] if len(same) == 1 else None


@rule("I123", "identities", Severity.WARNING, "有公务用车而没有运行维护费",
      "国有资产占有使用情况中一个单位有车辆，而“三公”经费说明中该单位公务用车运行维护费（或购置及运行维护费）为0："
      "车辆保有一年，燃料、保险、维修总要花钱。不是车辆数写错，就是运行维护费写错（由其他资金负担时应加以说明）。",
      bad="七、“三公”经费财政拨款支出决算情况说明\n市委党史研究室公务用车购置及运行维护费支出0万元，与2022年决算一致。\n"
          "十、其他重要事项的情况说明\n（三）国有资产占有使用情况\n截至2023年12月31日，市委党史研究室共有车辆1辆。",
      good="七、“三公”经费财政拨款支出决算情况说明\n市委党史研究室公务用车购置及运行维护费支出0万元，与2022年决算一致。\n"
           "十、其他重要事项的情况说明\n（三）国有资产占有使用情况\n截至2023年12月31日，市委党史研究室共有车辆0辆。")
def vehicles_without_running_costs(ctx: CheckContext, out: Reporter) -> None:
    d = ctx.disclosure
    costs = [(u.unit, f) for u in d.three_public.units
             if (f := first(u.vehicle_operation) or first(u.vehicles)) is not None and f.unit in ("万元", "元")]
    assets = [(a.unit, a.vehicles[-1]) for a in d.state_assets if a.vehicles]
    for unit, count in assets:
        cost = _of_unit(unit, costs, alone=len(assets) == 1)
        if cost is None:
            continue
        out.checked()
        if count.value <= 0 or cost.value != 0:
            continue
        out.finding(f"{unit or ''}共有车辆{count.raw}，而公务用车运行维护费为{cost.raw}（{place(cost.location)}）："
                    "有车却没有运行费用，车辆数或费用有一处不对（如由其他资金负担，应加以说明）", count.location,
                    expected="车辆0辆，或运行维护费大于0", actual=f"车辆{count.raw}、运行维护费{cost.raw}", related=[cost.location])


def _moved(value: Decimal) -> str:
    return "减少" if value < 0 else "增加" if value > 0 else "增减"


def _signed_change(item: Item | None) -> Figure | None:
    """The item's first change with an amount, signed (减少 negative); 持平 is a change of 0."""
    if item is None:
        return None
    for change in item.change:
        if change.direction == "持平" and change.amount is None:
            return Figure(value=Decimal(0), unit="万元", raw="持平", location=change.location)
        if change.amount is not None and change.direction in ("增加", "减少"):
            sign = -1 if change.direction == "减少" else 1
            return change.amount.model_copy(update={"value": sign * change.amount.value})
    return None


@rule("I112", "identities", Severity.ERROR, "增减额不等于各部分增减额之和",
      "“三公”经费比上年的增减额应等于因公出国（境）费、公务用车购置及运行维护费、公务接待费增减额之和；"
      "公务用车购置及运行维护费的增减额应等于购置费与运行维护费增减额之和。",
      bad="七、“三公”经费财政拨款支出决算情况说明\n1.因公出国（境）经费支出0万元，比上年减少0万元。\n"
          "2.公务用车购置及运行维护费支出585.53万元，比上年减少144.92万元。其中：公务用车购置支出0万元，比上年减少0万元；"
          "公务用车运行维护费支出585.53万元，比上年减少0万元。",
      good="七、“三公”经费财政拨款支出决算情况说明\n1.因公出国（境）经费支出0万元，比上年减少0万元。\n"
           "2.公务用车购置及运行维护费支出585.53万元，比上年减少144.92万元。其中：公务用车购置支出0万元，比上年减少0万元；"
           "公务用车运行维护费支出585.53万元，比上年减少144.92万元。")
def change_of_parts(ctx: CheckContext, out: Reporter) -> None:
    tp = ctx.disclosure.three_public
    for unit in tp.units:
        for whole, parts, what in ((tp.total_of(unit), (unit.outbound_travel, unit.vehicles, unit.reception), "“三公”经费"),
                                   (unit.vehicles, (unit.vehicle_purchase, unit.vehicle_operation), "公务用车购置及运行维护费")):
            total = _signed_change(whole)
            changes = [_signed_change(p) for p in parts]
            if total is None or any(c is None for c in changes):
                continue
            stated = [c for c in changes if c is not None]
            agrees, computed = sum_agrees(total, stated, ctx.tolerance)
            if agrees:
                out.checked()
            else:
                out.finding(f"{what}{_moved(total.value)}{amount(total, abs(total.value))}，"
                            f"各部分的增减合计却是{_moved(computed)}{amount(total, abs(computed))}",
                            total.location, expected=number(computed), actual=number(total.value))


_COUNT_UNITS = r"个|辆|人次|人|名|批次|次|项|家|份|篇|期|册|条|场|户|所|件|台\(套\)"
_COUNT = re.compile(rf"(?<![\d.])(\d{{1,6}})\s*({_COUNT_UNITS})")
# What opens a breakdown after a count: "10辆（轿车4辆、越野车6辆）", "94名，其中行政人员84名、…".
_OPENS = re.compile(r"\s*(?:[（(]|[，,]\s*(?:其中|包括|分别为|具体为)\s*[：:]?)")
_PART = re.compile(rf"\s*(?:其中\s*[：:]?)?[^\d，,、；;。]{{1,40}}?\s*(\d{{1,6}})\s*({_COUNT_UNITS})\s*")


# "填写数为4辆（轿车3辆、越野车1辆），而实有公车数为3辆（轿车2辆、越野车1辆），轿车相差1辆": the gap between the two
# counts of the thing named before 相差, each stated once before it in the sentence
_GAP = re.compile(rf"([\u4e00-\u9fff]{{2}})(?:数量?)?相差\s*(\d{{1,5}})\s*({_COUNT_UNITS})")


def _stated_gap(said: str) -> tuple[str, list[int], int, str, int, int] | None:
    m = _GAP.search(said)
    if m is None:
        return None
    thing, unit = m.group(1), m.group(3)
    counts = [(int(c.group(1)), c.start()) for c in re.finditer(rf"{thing}\s*(\d{{1,5}})\s*{re.escape(unit)}",
                                                                   said[: m.start()])]
    if len(counts) != 2:
        return None
    return thing, [n for n, _ in counts], int(m.group(2)), unit, m.start(2), m.end(3)


_RETIRED = re.compile(r"退休|离休")
_CHANGE = re.compile(r"比上年|较上年|同比|增加|减少|增长|下降")


def _breakdown(text: str, end: int, unit: str) -> list[int] | None:
    """The parts of a count that a bracket or 其中 breaks it into, when every part is a count of the same unit
    (a part that is not, or a single part, is not a breakdown this rule can judge)."""
    opens = _OPENS.match(text, end, min(len(text), end + 12))
    if opens is None:
        return None
    bracket = opens.group().strip()[:1] in "（("
    stop = re.compile(r"[）)]" if bracket else r"[。；;]").search(text, opens.end(), opens.end() + 200)
    if stop is None:
        return None
    parts: list[int] = []
    listed = text[opens.end() : stop.start()]
    if not bracket:  # "退休人员1人(不含…离退休人员)": a note on a part is not a part
        listed = re.sub(r"[（(][^（）()]{0,80}[）)]", "", listed)
    for piece in re.split(r"[、，,]", listed):
        if parts and _CHANGE.search(piece):
            break  # "离退休职工178人，其中离休人员4人，比上年减少1人": a change, not a part
        if (parts and unit in ("人", "名") and _RETIRED.search(piece)
                and not _RETIRED.search(text[opens.end() : opens.end() + 20])):
            break  # "正式教职工62人，其中…中级工1人，退休职工28人": the retired are not of the serving staff
        m = _PART.fullmatch(piece) if len(piece) <= 80 else None  # a part is short; the pattern is not linear
        if m is None or (m.group(2) != unit and {m.group(2), unit} != {"人", "名"}):  # 名 and 人 count persons alike
            return None
        parts.append(int(m.group(1)))
    return parts if len(parts) >= 2 else None


@rule("I113", "identities", Severity.WARNING, "数量与其分项之和不符",
      "一个数量后面用括号或“其中”分列各部分（车辆按车型、人员按类别、单位按类型、项目按等次）时，各部分之和应等于总数；"
      "逐句按等次分列（“8项评估为优秀，6项评估为良好，5项评估为合格”）时，各等次之和不能多于总数，分列到最低一等（合格、较差）时应等于总数；"
      "先列各部分、再说“共N人”（“公务员9人、工勤人员4人、离休人员2人共15人”）时，各部分之和应等于N；"
      "项目总数之后的各段逐段给出各类项目的个数（“常年项目共计18个”“阶段（一次性）项目共计2个”）时，各类之和应等于总数；"
      "“1+1+5+N”式的提法后面用“即…”逐一解释时，解释中的各个数应与提法中的各项依次相同；"
      "同一句先后给出某物的两个数、再说“相差N”（“账面轿车3辆…实有轿车2辆…轿车相差1辆”）时，N应等于两数之差。",
      bad="（三）人员概况\n2020年末在编在岗人员共计94名，其中行政人员85名、参照公务员法管理的事业单位工作人员10名。",
      good="（三）人员概况\n2020年末在编在岗人员共计94名，其中行政人员84名、参照公务员法管理的事业单位工作人员10名。")
def count_breakdowns(ctx: CheckContext, out: Reporter) -> None:
    for start, text in [*ctx.paragraphs(), *ctx.cells()]:
        for m in _COUNT.finditer(text):
            parts = _breakdown(text, m.end(), m.group(2))
            if parts is None:
                continue
            total = int(m.group(1))
            if sum(parts) == total:
                out.checked()
                continue
            listed = "+".join(str(p) for p in parts)
            out.finding(f"总数{total}{m.group(2)}，分项{listed}={sum(parts)}{m.group(2)}",
                        ctx.locate(start + m.start(1), start + m.end(1)), expected=f"{sum(parts)}{m.group(2)}",
                        actual=f"{total}{m.group(2)}", evidence=text[m.start() : m.end() + 60].strip())
    paragraphs = [(start, text) for start, text in ctx.paragraphs() if text.strip()]
    for i, (start, text) in enumerate(paragraphs):
        split = _split_in_paragraphs(text, paragraphs[i + 1 : i + 1 + _MAX_KINDS])
        if split is None:
            continue
        total, unit, parts, first, last = split
        out.checked()
        if sum(n for n, _ in parts) != total:
            listed = "+".join(str(n) for n, _ in parts)
            out.finding(f"项目共{total}{unit}，其后各段分类列出的却是{listed}={sum(n for n, _ in parts)}{unit}（报告中无从"
                        f"判断是总数还是某一类有误）", ctx.locate(start + first, start + last),
                        expected=f"{sum(n for n, _ in parts)}{unit}", actual=f"{total}{unit}",
                        evidence=text[max(0, first - 40) : last + 20], related=[ctx.locate(*at) for _, at in parts])
    for at, said in ctx.sentences(cells=True):
        for formula, spelled, first, last in _formulas(said):
            out.checked()
            if formula != spelled:
                out.finding(f"“{'+'.join(formula)}”与其后“即……”的解释不符：解释中依次为{'、'.join(spelled)}",
                            ctx.locate(at + first, at + last), expected="+".join(spelled), actual="+".join(formula),
                            evidence=said[first : last + 80])
        gap = _stated_gap(said)
        if gap is not None:
            thing, counts, stated, unit, first, last = gap
            out.checked()
            if abs(counts[0] - counts[1]) != stated:
                out.finding(f"{thing}{counts[0]}{unit}与{counts[1]}{unit}相差{abs(counts[0] - counts[1])}{unit}，这里写作相差{stated}{unit}",
                            ctx.locate(at + first, at + last), expected=f"{abs(counts[0] - counts[1])}{unit}",
                            actual=f"{stated}{unit}", evidence=said[max(0, first - 60) : last + 1])
        listed = _listed_then_total(said)
        if listed is not None:
            total, unit, parts, first, last = listed
            out.checked()
            if sum(parts) != total:
                summed = "+".join(str(p) for p in parts)
                out.finding(f"分项{summed}={sum(parts)}{unit}，后面写“共{total}{unit}”", ctx.locate(at + first, at + last),
                            expected=f"{sum(parts)}{unit}", actual=f"{total}{unit}", evidence=said[max(0, first - 60) : last + 1])
        graded = _graded(said)
        if graded is None:
            continue
        total, unit, parts, first, last, bottom = graded
        out.checked()
        listed = "+".join(str(p) for p in parts)
        if sum(parts) > total:
            out.finding(f"共{total}{unit}，按等次分列却有{listed}={sum(parts)}{unit}", ctx.locate(at + first, at + last),
                        expected=f"不多于{total}{unit}", actual=f"{sum(parts)}{unit}", evidence=said[first:last][:120])
        elif sum(parts) < total and bottom:
            out.finding(f"共{total}{unit}，按等次（到最低一等）分列却只有{listed}={sum(parts)}{unit}",
                        ctx.locate(at + first, at + last), expected=f"{sum(parts)}{unit}", actual=f"{total}{unit}",
                        evidence=said[first:last][:120])


_GRADE = re.compile(r"优秀|良好|合格|不合格|较好|一般|较差")
_BOTTOM_GRADE = re.compile(r"合格|较差")
# "公务员9人（含…）、机关工勤人员4人、编内聘用人员2人、离休人员2人共17人": parts listed, then their total
_LISTED_PART = re.compile(rf"[\u4e00-\u9fff]{{2,16}}\s*(\d{{1,5}})\s*({_COUNT_UNITS})\s*$")
_THEN_TOTAL = re.compile(rf"(?:共计|合计|总计|共)\s*(\d{{1,5}})\s*({_COUNT_UNITS})")
_ASIDE = re.compile(r"[（(][^（）()]{0,120}[）)]")


# "…项目共计20个，…" and then one paragraph a kind: "常年项目共计18个，…" / "阶段（一次性）项目共计2个，…"
_PROJECTS_TOTAL = re.compile(r"项目(?:共计|合计|总计|共)\s*(\d{1,5})\s*(个|项)")
# (no \s* of its own before the name: the name's class takes the spaces, and two would backtrack over them)
_PROJECTS_KIND = re.compile(r"[^\d，,。；;：:]{1,16}项目(?:共计|合计|总计|共|有)\s*(\d{1,5})\s*(个|项)")
_MAX_KINDS = 6


def _split_in_paragraphs(text: str, following: list[tuple[int, str]],
                         ) -> tuple[int, str, list[tuple[int, tuple[int, int]]], int, int] | None:
    """(the total, its unit, the kinds' counts, where the total starts, where it ends) of a count of projects
    whose kinds the next paragraphs give one by one, each paragraph opening with its kind's count; each kind's
    count comes with its span in the document."""
    totals = list(_PROJECTS_TOTAL.finditer(text))
    if len(totals) != 1:
        return None
    total = totals[0]
    parts = []
    for at, later in following:
        kind = _PROJECTS_KIND.match(later)
        if kind is None or kind.group(2) != total.group(2):
            break
        parts.append((int(kind.group(1)), (at + kind.start(1), at + kind.end(1))))
    return (int(total.group(1)), total.group(2), parts, total.start(1), total.end(1)) if len(parts) >= 2 else None


# "采取“1+1+5+N”的方式建设，即1个网站集约化平台、1个市政府门户网站、5个区县政府门户网站和N个市级单位网站"
_FORMULA = re.compile(r"(?<![\d.])((?:\d{1,3}|[A-Za-z])(?:\s*[+＋]\s*(?:\d{1,3}|[A-Za-z])){1,7})(?![\d.])")
_SPELLED = re.compile(r"(\d{1,3}|[A-Za-z])\s*(?:个|项|张|条|家|所|支|套|类)")


def _formulas(said: str) -> list[tuple[list[str], list[str], int, int]]:
    """(the formula's terms, the counts its explanation gives, where it starts, where it ends) of a formula of
    counts ("1+1+5+N") explained at once by 即 and a list of as many counts."""
    found = []
    for m in _FORMULA.finditer(said):
        terms = [t.strip() for t in re.split(r"[+＋]", m.group(1))]
        explained = re.match(r"[”\"’'」]?[^。；;，,]{0,12}?[，,]?\s*即", said[m.end() : m.end() + 20])
        if explained is None:
            continue
        tail = said[m.end() + explained.end() : m.end() + explained.end() + 200]
        clauses = re.split(r"、|以及|和|及", re.split(r"[，,。；;]", tail, maxsplit=1)[0])
        spelled = [c.group(1) for clause in clauses if (c := _SPELLED.match(clause.strip())) is not None]
        if len(spelled) == len(terms) == len(clauses):
            found.append((terms, spelled, m.start(1), m.end(1)))
    return found


def _listed_then_total(said: str) -> tuple[int, str, list[int], int, int] | None:
    """(the total, its unit, the parts, where the total starts, where it ends) of a list of two or more counts
    joined by 、 and followed at once by their total; asides in brackets are left out."""
    plain = _ASIDE.sub(lambda m: " " * len(m.group()), said)
    for total in _THEN_TOTAL.finditer(plain):
        clauses = plain[: total.start()].split("、")
        parts: list[int] = []
        for clause in reversed(clauses[-20:]):
            m = _LISTED_PART.search(clause)
            if m is None or m.group(2) != total.group(2) or (parts and re.search(r"[，,；;：:]", clause[m.start() :])):
                break
            parts.append(int(m.group(1)))
            if re.search(r"[，,；;：:]", clause):
                break  # the list begins in this clause
        if len(parts) >= 2:
            return int(total.group(1)), total.group(2), parts[::-1], total.start(1), total.end(1)
    return None


def _graded(said: str) -> tuple[int, str, list[int], int, int, bool] | None:
    """A count graded clause by clause ("评估专项改革方案19项，…，8项评估为优秀，6项评估为良好，5项评估为合格"):
    (the total, its unit, the graded counts, where the total starts, where the last grade ends, whether the last
    grade is the bottom of the scale). The grades do not overlap, so together they cannot exceed the total; a list
    may leave out its lower grades, but one that comes down to 合格 (or 不合格, 较差) names them all."""
    run: list[tuple[int, int, str]] = []  # (count, end of the clause, unit) of consecutive graded clauses
    run_start = 0
    for m in re.finditer(r"[^，,；;、]+|$", said):
        count = re.match(rf"\s*(\d{{1,5}})\s*({_COUNT_UNITS})", m.group())
        graded = count is not None and _GRADE.search(m.group()) is not None
        if graded and count is not None and (not run or count.group(2) == run[0][2]):
            run_start = run_start if run else m.start()
            run.append((int(count.group(1)), m.end(), count.group(2)))
            continue
        if len(run) >= 2:
            unit = run[0][2]
            totals = [(int(t.group(1)), t.start(1)) for t in _COUNT.finditer(said, 0, run_start) if t.group(2) == unit]
            bottom = _BOTTOM_GRADE.search(said[run_start : run[-1][1]].rsplit("，", 1)[-1].rsplit(",", 1)[-1]) is not None
            return (totals[-1][0], unit, [c for c, _, _ in run], totals[-1][1], run[-1][1], bottom) if totals else None
        run = [(int(count.group(1)), m.end(), count.group(2))] if graded and count is not None else []
        run_start = m.start()
    return None


def _activity(unit: ThreePublicUnit) -> list[tuple[str, Item | None, list[tuple[str, list[Figure]]]]]:
    """Each 三公 activity with its spending and the counts that say how much of it there was."""
    return [
        ("因公出国（境）", unit.outbound_travel, [("团组", unit.outbound_groups), ("人次", unit.outbound_persons)]),
        ("国内公务接待", unit.reception_domestic or unit.reception, [("批次", unit.reception_batches),
                                                                  ("人次", unit.reception_persons)]),
        ("外事接待", unit.reception_foreign, [("批次", unit.foreign_batches), ("人次", unit.foreign_persons)]),
    ]


@rule("I114", "identities", Severity.WARNING, "“三公”经费的次数、人数与支出不符",
      "同一项“三公”活动，次数（团组、批次）与人数应同为零或同不为零；有团组或接待批次而支出为零，或支出不为零而团组、"
      "批次为零，应说明原因（如费用由其他资金或对方承担）。",
      bad="（二）“三公”经费财政拨款支出决算具体情况说明\n1.因公出国（境）经费支出0万元。全年安排因公出国（境）团组1次，出国（境）0人。",
      good="（二）“三公”经费财政拨款支出决算具体情况说明\n1.因公出国（境）经费支出0万元。全年安排因公出国（境）团组0次，出国（境）0人。")
def three_public_counts(ctx: CheckContext, out: Reporter) -> None:
    for unit in ctx.disclosure.three_public.units:
        for name, spending, counts in _activity(unit):
            stated = [(what, figures[0]) for what, figures in counts if len(figures) == 1]
            if len(stated) < 2 and not (stated and spending is not None and spending.amount):
                continue
            out.checked()
            zero = [what for what, f in stated if f.value == 0]
            nonzero = [(what, f) for what, f in stated if f.value != 0]
            if zero and nonzero:
                what, figure = nonzero[0]
                out.finding(f"{name}{'、'.join(zero)}为0，{what}却为{figure.raw}", figure.location,
                            actual=figure.raw)
            elif nonzero and spending is not None and len(spending.amount) == 1 and spending.amount[0].value == 0:
                what, figure = nonzero[0]
                out.finding(f"{name}支出为0，{what}却为{figure.raw}（如费用由其他资金承担，应说明）", figure.location,
                            actual=figure.raw)


def _class_of(name: str) -> str:
    """"一般公共服务支出" and "一般公共服务（类）" name the same 类."""
    name = re.sub(r"[（(]类[）)]\s*$", "", name.strip())
    return name[:-2] if name.endswith("支出") else name


@rule("I115", "identities", Severity.WARNING, "类的金额不等于其下各项之和",
      "结构说明中每一类的支出应等于具体情况中列在该类下各项支出之和；不等多半是某一项或该类的金额写错了，或某一项列错了类。"
      "只有一类不等、且总数也因此不符时，由 I104 在写错的那一项（或那一类的金额）处报告，这里不再重复。",
      bad="五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n"
          "2020年一般公共预算财政拨款支出100.00万元，主要用于以下方面:一般公共服务支出60.00万元，占60.00%；住房保障支出40.00万元，占40.00%。\n"
          "（三）一般公共预算财政拨款支出决算具体情况\n"
          "1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：支出决算为50.00万元。\n"
          "2.住房保障（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）：支出决算为10.00万元。\n"
          "3.住房保障（类）住房改革（款）住房公积金（项）：支出决算为40.00万元。",
      good="五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n"
           "2020年一般公共预算财政拨款支出100.00万元，主要用于以下方面:一般公共服务支出60.00万元，占60.00%；住房保障支出40.00万元，占40.00%。\n"
           "（三）一般公共预算财政拨款支出决算具体情况\n"
           "1.一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：支出决算为50.00万元。\n"
           "2.一般公共服务（类）政府办公厅（室）及相关机构事务（款）一般行政管理事务（项）：支出决算为10.00万元。\n"
           "3.住房保障（类）住房改革（款）住房公积金（项）：支出决算为40.00万元。")
def class_sums(ctx: CheckContext, out: Reporter) -> None:
    gb = ctx.disclosure.general_budget
    groups = _items_by_class(ctx, gb)
    broken = _broken_classes(ctx, groups)
    if len(broken) == 1 and sum(1 for _, _, parts in groups if parts) >= 2:
        # I104 finds the 类 or 项 sum broken and reports it at this 类's figures: not twice
        sums = [sum_agrees(t, p, ctx.tolerance)[0] for t, p in _general_budget_sums(gb) if t is not None and len(p) >= 2]
        if len(sums) == 2 and sums.count(False) == 1:
            out.checked(len(groups))
            return
    for name, class_amount, parts in groups:
        if parts:
            _sum_check(ctx, out, name, class_amount, parts, "其下各项支出")
