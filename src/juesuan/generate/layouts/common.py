"""What every layout of the generated report shares: the helpers and the parts of 情况说明.

A layout is one module beside this one: a Composer subclass that lays out the frame (parts, overview,
tables, glossary) and fills the few hooks where layouts word the same figures differently. It registers
itself in `juesuan.generate.layouts`.
"""

from __future__ import annotations

from decimal import Decimal

from juesuan.generate import public_tables
from juesuan.generate.derive import Derived, Movement, completion, money, pct, percent, versus_budget
from juesuan.generate.inputs import LineItem, ReportData
from juesuan.generate.nodes import Chart, Heading, Node, Para


def _reason(text: str | None) -> str:
    text = (text or "").strip().rstrip("。")
    return f"主要原因是：{text}。" if text else ""


def _sentence(*parts: str) -> str:
    return "".join(p if p.endswith(("。", "：")) or not p else p + "。" for p in parts)


def structure(items: list[tuple[str, Decimal]], whole: Decimal) -> str:
    """"一般公共预算财政拨款收入7,392.56万元，占99.02%；…" over the nonzero parts."""
    parts = [f"{name}{money(value)}万元，占{pct(percent(value, whole))}" for name, value in items if value != 0]
    return "；".join(parts) + "。" if parts else ""


class Composer:
    """The parts every layout has; a layout module subclasses it, composes the frame and fills the hooks."""

    name = ""  # the --layout value
    label = ""  # its name for people (四川, 上海)
    fund_infix = ""  # 政府性基金预算{infix}支出决算情况说明

    charts = True  # whether the layout's reports carry charts unless the user says otherwise

    def __init__(self, data: ReportData, charts: bool | None = None) -> None:
        self.draw = self.charts if charts is None else charts
        self.drawn = 0  # charts are numbered as drawn: one left out leaves no gap
        self.data = data
        self.d = Derived(data)
        self.nodes: list[Node] = []
        self.subject = data.meta.short_name

    # --- helpers -------------------------------------------------------------------------------

    def h(self, level: int, text: str) -> None:
        self.nodes.append(Heading(level, text))

    def p(self, text: str) -> None:
        if text.strip():
            self.nodes.append(Para(text))

    def chart(self, number: int, title: str, kind: str, labels: list[str], values: list[Decimal],
              series: list[str] | None = None) -> None:
        """Chart `number` of the template, unless charts are off or it would show nothing: a single bar, an
        empty series, or a structure of one part (a pie of one slice says no more than the text)."""
        del number  # the template's number; the report numbers the charts it draws
        if not self.draw or len([v for v in values if v]) < 2:
            return
        self.drawn += 1
        self.nodes.append(Para(f"图{self.drawn}：{title}"))
        self.nodes.append(Chart(self.drawn, title, kind, labels, values, series or []))

    def bar(self, number: int, title: str, previous: Decimal | None, current: Decimal) -> None:
        """This year against last; this year alone when last year's figure is not in the data."""
        year, prior = self.d.year, self.d.prior
        if previous is None:
            self.chart(number, title, "bar", [f"{year}年"], [current])
        else:
            self.chart(number, title, "bar", [f"{prior}年", f"{year}年"], [previous, current])

    def moved(self, subject: str, current: Decimal, previous: Decimal | None, reason: str | None) -> str:
        movement = Movement(current, previous)
        phrase = movement.phrase(subject, self.d.prior)
        if not phrase:
            return ""
        return _sentence(phrase) + ("" if movement.flat else _reason(reason))

    # --- the parts -----------------------------------------------------------------------------

    def compose(self) -> list[Node]:
        """The whole report in this layout's frame."""
        raise NotImplementedError

    def explanation(self) -> None:
        d, data, year = self.d, self.data, self.d.year
        self.h(2, "一、收入支出决算总体情况说明")
        self.p(_sentence(f"{year}年度收、支总计{money(data.total.current)}万元")
               + self.moved("收、支总计", data.total.current, data.total.previous, data.total.reason))
        self.bar(1, "收、支决算总计变动情况图", data.total.previous, data.total.current)
        self.h(2, "二、收入决算情况说明")
        sources = list(data.income_sources.items())
        self.p(f"{year}年本年收入合计{money(d.income_this_year)}万元，其中：{structure(sources, d.income_this_year)}")
        self.chart(2, "收入决算结构图", "pie", [k for k, v in sources if v], [v for v in data.income_sources.values() if v])
        self.h(2, "三、支出决算情况说明")
        kinds = list(data.expenditure_kinds.items())
        self.p(f"{year}年本年支出合计{money(d.expenditure_this_year)}万元，其中：{structure(kinds, d.expenditure_this_year)}")
        self.chart(3, "支出决算结构图", "pie", [k for k, v in kinds if v], [v for v in data.expenditure_kinds.values() if v])
        self.h(2, "四、财政拨款收入支出决算总体情况说明")
        self.p(_sentence(f"{year}年财政拨款收、支总计{money(data.fiscal_total.current)}万元")
               + self.moved("财政拨款收、支总计", data.fiscal_total.current, data.fiscal_total.previous, data.fiscal_total.reason))
        self.bar(4, "财政拨款收、支决算总计变动情况", data.fiscal_total.previous, data.fiscal_total.current)
        self.general_budget()
        self.basic()
        self.three_public()
        self.h(2, f"八、政府性基金预算{self.fund_infix}支出决算情况说明")
        self.fund(data.gov_fund, "政府性基金预算")
        self.h(2, f"九、国有资本经营预算{self.fund_infix}支出决算情况说明")
        self.fund(data.state_capital, "国有资本经营预算")
        self.closing()

    def closing(self) -> None:
        """The items after the 国有资本经营预算: 其他重要事项 and 预算绩效管理, in the layout's order."""
        raise NotImplementedError

    def other_matters(self) -> None:
        """（一）机关运行经费 （二）政府采购 （三）国有资产, as every layout states them."""
        data, year = self.data, self.d.year
        self.h(3, "（一）机关运行经费支出情况")
        cost = data.admin_operating_cost
        self.p(_sentence(f"{year}年，{self.subject}机关运行经费支出{money(cost.current)}万元")
               + self.moved("机关运行经费支出", cost.current, cost.previous, cost.reason))
        self.h(3, "（二）政府采购支出情况")
        self.procurement()
        self.h(3, "（三）国有资产占有使用情况")
        self.assets()

    def general_budget(self) -> None:
        d, data, year = self.d, self.data, self.d.year
        gb = d.general_budget
        self.h(2, "五、一般公共预算财政拨款支出决算情况说明")
        self.h(3, "（一）一般公共预算财政拨款支出决算总体情况")
        share = percent(gb, d.expenditure_this_year)
        self.p(_sentence(f"{year}年一般公共预算财政拨款支出{money(gb)}万元，占本年支出合计的{pct(share)}")
               + self.moved("一般公共预算财政拨款支出", gb, data.general_budget_previous, data.general_budget_reason))
        self.bar(5, "一般公共预算财政拨款支出决算变动情况", data.general_budget_previous, gb)
        self.h(3, "（二）一般公共预算财政拨款支出决算结构情况")
        classes = d.classes()
        self.p(f"{year}年一般公共预算财政拨款支出{money(gb)}万元，主要用于以下方面：{structure(classes, gb)}")
        self.chart(6, "一般公共预算财政拨款支出决算结构", "pie", [c for c, v in classes if v], [v for _, v in classes if v])
        self.h(3, "（三）一般公共预算财政拨款支出决算具体情况")
        self.p(self.budget_intro(gb, d.general_budget_budget))
        for n, item in enumerate(data.items, start=1):
            amount = d.amount(item)
            relation = versus_budget(amount, item.budget)
            why = ""
            if item.budget is not None and relation != "等于":
                why = f"决算数{relation}预算数的主要原因是：{(item.reason or '').strip().rstrip('。')}。"
            self.p(self.item_paragraph(n, item, amount, relation, why))

    def budget_intro(self, spent: Decimal, budget: Decimal | None) -> str:
        """The sentence that opens （三）具体情况: the total, its budget and completion rate."""
        raise NotImplementedError

    def item_paragraph(self, n: int, item: LineItem, amount: Decimal, relation: str, why: str) -> str:
        """One 项: its names, 决算数, completion rate and the reason it differs from its budget."""
        raise NotImplementedError

    @staticmethod
    def names(item: LineItem) -> str:
        return f"{item.class_name}（类）{item.section_name}（款）{item.item_name}（项）"

    def basic(self) -> None:
        d, year = self.d, self.d.year
        self.h(2, "六、一般公共预算财政拨款基本支出决算情况说明")
        personnel = "、".join(self.data.personnel_names)
        public = "、".join(self.data.public_names)
        self.p(f"{year}年一般公共预算财政拨款基本支出{money(d.general_budget_basic)}万元，其中：人员经费{money(d.personnel)}万元，"
               f"主要包括：{personnel}；公用经费{money(d.public)}万元，主要包括：{public}。")

    def three_public(self) -> None:
        d, data, year = self.d, self.data, self.d.year
        tp = data.three_public
        total, budget, previous = d.three_public_total
        self.h(2, "七、“三公”经费财政拨款支出决算情况说明")
        self.h(3, "（一）“三公”经费财政拨款支出决算总体情况说明")
        rate = completion(total, budget) if budget else None
        self.p(f"{year}年“三公”经费财政拨款支出决算为{money(total)}万元"
               + (f"，完成预算{pct(rate)}。" if rate is not None else "，未安排预算。")
               + self.moved("“三公”经费财政拨款支出", total, previous, "各项支出的变动原因见下文具体情况说明"))
        self.h(3, "（二）“三公”经费财政拨款支出决算具体情况说明")
        items = d.three_public_items
        parts = "；".join(f"{name}支出决算{money(current)}万元" + (f"，占{pct(percent(current, total))}" if total else "")
                         for name, current, _, _ in items)
        self.p(f"{year}年“三公”经费财政拨款支出决算中，{parts}。具体情况如下：")
        nonzero = [(name, current) for name, current, _, _ in items if current]
        self.chart(7, "“三公”经费财政拨款支出结构", "pie", [n for n, _ in nonzero], [v for _, v in nonzero])

        def line(number: int, name: str, current: Decimal, budget: Decimal, previous: Decimal | None, reason: str | None) -> str:
            rate = completion(current, budget) if budget else None
            head = f"{number}.{name}支出{money(current)}万元" + (f"，完成预算{pct(rate)}。" if rate is not None else "，未安排预算。")
            return head + self.moved(f"{name}支出决算", current, previous, reason)

        self.p(line(1, "因公出国（境）经费", tp.outbound.current, tp.outbound.budget, tp.outbound.previous, tp.outbound.reason)
               + f"全年安排因公出国（境）团组{tp.outbound_groups}次，出国（境）{tp.outbound_persons}人。")
        vehicles = items[1]
        reasons = "；".join(x for x in (tp.vehicle_purchase.reason, tp.vehicle_operation.reason) if x)
        self.p(line(2, "公务用车购置及运行维护费", vehicles[1], vehicles[2], vehicles[3], reasons))
        bought = "、".join(f"{kind}{n}辆" for kind, n in tp.vehicles_bought.items())
        held = "、".join(f"{kind}{n}辆" for kind, n in tp.vehicles_held.items())
        self.p(f"其中：公务用车购置支出{money(tp.vehicle_purchase.current)}万元。全年按规定更新购置公务用车"
               f"{sum(tp.vehicles_bought.values())}辆" + (f"，其中：{bought}" if bought else "") + "。"
               f"截至{year}年12月底，单位共有公务用车{sum(tp.vehicles_held.values())}辆" + (f"，其中：{held}" if held else "") + "。")
        self.p(f"公务用车运行维护费支出{money(tp.vehicle_operation.current)}万元。")
        reception = items[2]
        reasons = "；".join(x for x in (tp.reception_domestic.reason, tp.reception_foreign.reason) if x)
        self.p(line(3, "公务接待费", reception[1], reception[2], reception[3], reasons) + "其中：")
        self.p(f"国内公务接待支出{money(tp.reception_domestic.current)}万元。国内公务接待{tp.reception_batches}批次，"
               f"{tp.reception_persons}人次（不包括陪同人员），共计支出{money(tp.reception_domestic.current)}万元。")
        self.p(f"外事接待支出{money(tp.reception_foreign.current)}万元，外事接待{tp.foreign_batches}批次，{tp.foreign_persons}人，"
               f"共计支出{money(tp.reception_foreign.current)}万元。")

    def fund(self, amount: Decimal, name: str) -> None:
        year = self.d.year
        if amount == 0:
            self.p(f"{year}年{name}财政拨款支出0万元，{name}财政拨款收入支出决算表无数据。")
        else:
            self.p(f"{year}年{name}财政拨款支出{money(amount)}万元。")

    def procurement(self) -> None:
        year, p, total = self.d.year, self.data.procurement, self.d.procurement_total
        text = (f"{year}年，{self.subject}政府采购支出总额{money(total)}万元，其中：政府采购货物支出{money(p.goods)}万元、"
                f"政府采购工程支出{money(p.works)}万元、政府采购服务支出{money(p.services)}万元。")
        if total:
            text += (f"授予中小企业合同金额{money(p.sme)}万元，占政府采购支出总额的{pct(percent(p.sme, total))}，其中："
                     f"授予小微企业合同金额{money(p.micro_small)}万元，占政府采购支出总额的{pct(percent(p.micro_small, total))}。")
        self.p(text)

    def assets(self) -> None:
        year, a = self.d.year, self.data.state_assets
        uses = "、".join(f"{use}{n}辆" for use, n in a.vehicles_by_use.items())
        self.p(f"截至{year}年12月31日，{self.subject}共有车辆{sum(a.vehicles_by_use.values())}辆"
               + (f"，其中：{uses}" if uses else "") + "。"
               f"单价50万元以上通用设备{a.general_equipment}台（套），单价100万元以上专用设备{a.special_equipment}台（套）。")

    def performance(self) -> None:
        perf = self.data.performance
        self.p(f"根据预算绩效管理要求，{self.subject}在年初预算编制阶段，对{perf.projects_with_targets}个项目编制了绩效目标，"
               f"预算执行过程中，选取{perf.projects_monitored}个项目开展绩效监控，年终执行完毕后，对"
               f"{perf.projects_self_evaluated}个项目开展了绩效目标完成情况自评。")
        self.p(perf.summary)

    def glossary(self, numbered: str) -> None:
        for n, entry in enumerate(self.data.glossary, start=1):
            number = f"{public_tables.ORDINALS[n - 1]}、" if numbered == "chinese" else f"{n}."
            self.p(f"{number}{entry.term}：{entry.definition.strip()}")
