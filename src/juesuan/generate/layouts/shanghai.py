"""The Shanghai layout: 概况 · 部门决算表 · 情况说明 · 名词解释, as the Shanghai template lays it out."""

from __future__ import annotations

from decimal import Decimal

from juesuan.generate import public_tables
from juesuan.generate.derive import Movement, completion, money, pct, percent, versus_budget
from juesuan.generate.inputs import LineItem
from juesuan.generate.layouts import register
from juesuan.generate.layouts.common import Composer, structure
from juesuan.generate.nodes import Cover, Node, TableNode


@register
class Shanghai(Composer):
    name = "shanghai"
    label = "上海"
    fund_infix = "财政拨款收入"
    charts = False  # the Shanghai template has none

    def compose(self) -> list[Node]:
        data, year = self.data, self.d.year
        self.nodes.append(Cover(data.meta.organisation, f"{year}年度部门决算"))
        self.h(1, f"第一部分 {data.meta.organisation}概况")
        self.h(2, "一、主要职能")
        self.p(data.overview.functions)
        self.h(2, "二、部门决算单位构成")
        self.composition()
        self.h(1, f"第二部分 {data.meta.organisation}{year}年度部门决算表")
        self.nodes.extend(public_tables.all_tables(self.d))
        self.h(1, f"第三部分 {data.meta.organisation}{year}年度部门决算情况说明")
        self.explanation()
        self.h(1, "第四部分 名词解释")
        self.glossary(numbered="chinese")
        return self.nodes

    def explanation(self) -> None:
        """第三部分, sentence by sentence as the Shanghai template words it."""
        d, data, year, org = self.d, self.data, self.d.year, self.data.meta.organisation
        self.h(2, "一、收入支出决算总体情况说明")
        self.p(f"{org}{year}年度收入支出总计{money(data.total.current)}万元。"
               + self.versus("收入支出总计", data.total.current, data.total.previous, data.total.reason))
        self.bar(1, "收、支决算总计变动情况图", data.total.previous, data.total.current)
        self.h(2, "二、收入决算情况说明")
        fiscal = d.fiscal_income
        sources = [("财政拨款收入", fiscal)] + [(k, v) for k, v in data.income_sources.items() if "财政拨款" not in k]
        self.p(f"本年收入合计{money(d.income_this_year)}万元，其中：{structure(sources, d.income_this_year)}")
        self.chart(2, "收入决算结构图", "pie", [k for k, v in sources if v], [v for _, v in sources if v])
        self.h(2, "三、支出决算情况说明")
        kinds = list(data.expenditure_kinds.items())
        self.p(f"本年支出合计{money(d.expenditure_this_year)}万元，其中：{structure(kinds, d.expenditure_this_year)}")
        self.chart(3, "支出决算结构图", "pie", [k for k, v in kinds if v], [v for _, v in kinds if v])
        self.h(2, "四、财政拨款收入支出决算总体情况说明")
        self.p(f"{org}{year}年度财政拨款收入支出总计{money(data.fiscal_total.current)}万元。"
               + self.versus("财政拨款收入支出总计", data.fiscal_total.current, data.fiscal_total.previous,
                             data.fiscal_total.reason))
        self.bar(4, "财政拨款收、支决算总计变动情况", data.fiscal_total.previous, data.fiscal_total.current)
        self.general_budget()
        self.basic()
        self.three_public()
        for number, name, amount in (("八", "政府性基金预算", data.gov_fund), ("九", "国有资本经营预算", data.state_capital)):
            self.h(2, f"{number}、{name}财政拨款收入支出决算情况说明")
            income = d.gov_fund_income if number == "八" else d.state_capital_income
            if amount == 0 and income == 0:
                self.p(f"{org}{year}年度无{name}财政拨款收入和支出。")
            else:
                self.p(f"{name}财政拨款收入{money(income)}万元，支出{money(amount)}万元。")
        self.closing()

    def versus(self, subject: str, current: Decimal, previous: Decimal | None, reason: str | None) -> str:
        """"与2023年度相比，X减少56.95万元，下降1.87%。主要原因：…。" (持平 as 持平)."""
        moved = Movement(current, previous)
        if not moved.known:
            return ""
        why = f"主要原因：{reason.strip().rstrip('。')}。" if reason and reason.strip() and not moved.flat else ""
        return f"与{self.d.prior}年度相比，{subject}{moved.words()}。{why}"

    def general_budget(self) -> None:
        d, data = self.d, self.data
        gb = d.general_budget
        self.h(2, "五、一般公共预算财政拨款支出决算情况说明")
        self.h(3, "（一）一般公共预算财政拨款支出决算总体情况")
        self.p(f"一般公共预算财政拨款支出{money(gb)}万元，占本年支出合计的{pct(percent(gb, d.expenditure_this_year))}。"
               + self.versus("一般公共预算财政拨款支出", gb, data.general_budget_previous, data.general_budget_reason))
        self.bar(5, "一般公共预算财政拨款支出决算变动情况", data.general_budget_previous, gb)
        self.h(3, "（二）一般公共预算财政拨款支出决算结构情况")
        classes = [(f"{name}（类）", value) for name, value in d.classes()]
        self.p(f"一般公共预算财政拨款支出{money(gb)}万元，主要用于以下方面：{structure(classes, gb)}")
        self.chart(6, "一般公共预算财政拨款支出决算结构", "pie", [c for c, v in classes if v], [v for _, v in classes if v])
        self.h(3, "（三）一般公共预算财政拨款支出决算具体情况")
        budget = d.general_budget_budget
        if budget is not None:
            relation = versus_budget(gb, budget)
            why = ("决算数与预算数持平。" if relation == "等于" else
                   f"决算数{relation}预算数的主要原因：{(data.general_budget_budget_reason or '').strip().rstrip('。')}。")
            self.p(f"一般公共预算财政拨款支出年初预算为{money(budget)}万元，支出决算为{money(gb)}万元，完成年初预算的"
                   f"{pct(completion(gb, budget))}。{why}其中：")
        else:
            self.p(f"一般公共预算财政拨款支出决算为{money(gb)}万元。其中：")
        for n, item in enumerate(data.items, start=1):
            amount = d.amount(item)
            purpose = f"主要用于：{item.purpose.strip().rstrip('。')}。" if item.purpose else ""
            if item.budget is None:
                self.p(f"{n}、{self.names(item)}。{purpose}支出决算为{money(amount)}万元。")
                continue
            relation = versus_budget(amount, item.budget)
            why = ("决算数与预算数持平。" if relation == "等于" else
                   f"决算数{relation}预算数的主要原因：{(item.reason or '').strip().rstrip('。')}。")
            self.p(f"{n}、{self.names(item)}。{purpose}年初预算为{money(item.budget)}万元，支出决算为{money(amount)}万元。{why}")

    def basic(self) -> None:
        d = self.d
        self.h(2, "六、一般公共预算财政拨款基本支出决算情况说明")
        self.p(f"一般公共预算财政拨款基本支出{money(d.general_budget_basic)}万元。其中：人员经费{money(d.personnel)}万元，"
               f"主要包括：{'、'.join(self.data.personnel_names)}；公用经费{money(d.public)}万元，主要包括："
               f"{'、'.join(self.data.public_names)}。")

    def other_matters(self) -> None:
        cost = self.data.admin_operating_cost
        self.h(3, "（一）机关运行经费支出情况")
        moved = Movement(cost.current, cost.previous)
        change = "" if not moved.known else (f"，与{self.d.prior}年度持平" if moved.flat
                                             else f"，比{self.d.prior}年度{moved.words()}")
        why = f"主要原因是{cost.reason.strip().rstrip('。')}。" if cost.reason and cost.reason.strip() and not moved.flat else ""
        if cost.current == 0:
            self.p(f"{self.data.meta.organisation}{self.d.year}年度无机关运行经费支出。")
        else:
            self.p(f"机关运行经费支出{money(cost.current)}万元{change}。{why}")
        self.h(3, "（二）政府采购支出情况")
        self.procurement()
        self.h(3, "（三）国有资产占有使用情况说明")
        self.assets()

    def composition(self) -> None:
        """The template's two sentences and its table of units (序号, 单位名称, 备注) when the data lists the
        units; the author's own text when it does not."""
        data, org = self.data, self.data.meta.organisation
        units = data.overview.units
        if not units:
            self.p(data.overview.organisation)
            return
        self.p(f"从预算单位构成看，{org}部门决算包括：{org}本级决算、下属行政事业单位决算。")
        self.p(f"纳入{org}{self.d.year}年度部门决算编制范围的单位包括：")
        rows = [[str(n), unit, data.overview.unit_remarks.get(unit, "")] for n, unit in enumerate(units, 1)]
        self.nodes.append(TableNode("", [["序号", "单位名称", "备注"]], rows, unit=None, inline=True))

    def performance(self) -> None:
        """The template's paragraph when the data gives its figures; the common one otherwise."""
        perf, org, year = self.data.performance, self.data.meta.organisation, self.d.year
        amounts = (perf.targets_amount, perf.monitored_amount, perf.self_evaluated_amount, perf.average_score)
        issues = (perf.issues_found, perf.issues_fixed, perf.issues_fixing)
        if perf.arrangements is None or any(v is None for v in (*amounts, *issues)):
            super().performance()
            return
        ratings = "；".join(f"绩效评级为“{grade}”的项目{perf.ratings.get(grade, 0)}个" for grade in GRADES)
        self.p(f"{org}{year}年度预算绩效管理工作开展情况如下：{perf.arrangements.strip().rstrip('；;。')}；"
               f"实行全过程绩效管理实施情况跟踪：编报绩效目标的{year}年度项目{perf.projects_with_targets}个，涉及预算金额"
               f"{money(perf.targets_amount)}万元；绩效跟踪评价的{year}年度项目{perf.projects_monitored}个，涉及预算金额"  # type: ignore[arg-type]
               f"{money(perf.monitored_amount)}万元；绩效自评的{year}年度项目{perf.projects_self_evaluated}个，涉及预算金额"  # type: ignore[arg-type]
               f"{money(perf.self_evaluated_amount)}万元，平均得分{perf.average_score}分（其中，{ratings}。绩效自评中共发现问题"  # type: ignore[arg-type]
               f"{perf.issues_found}个，已经完成整改的{perf.issues_fixed}个，正在整改的{perf.issues_fixing}个）。")

    def closing(self) -> None:
        self.h(2, "十、预算绩效管理情况")
        self.performance()
        self.h(2, "十一、其他重要事项的情况说明")
        self.other_matters()

    def budget_intro(self, spent: Decimal, budget: Decimal | None) -> str:
        rate = completion(spent, budget)
        if budget is not None:
            return (f"{self.d.year}年一般公共预算财政拨款支出年初预算为{money(budget)}万元，支出决算为{money(spent)}万元，"
                    f"完成年初预算的{pct(rate)}。其中：")
        return f"{self.d.year}年一般公共预算财政拨款支出决算数为{money(spent)}万元。其中："

    def item_paragraph(self, n: int, item: LineItem, amount: Decimal, relation: str, why: str) -> str:
        rate = completion(amount, item.budget)
        purpose = f"主要用于：{item.purpose.strip().rstrip('。')}。" if item.purpose else ""
        budget_text = f"年初预算为{money(item.budget)}万元，" if item.budget is not None else ""
        same = "决算数与预算数持平。" if item.budget is not None and relation == "等于" else ""
        return (f"{n}、{self.names(item)}。{purpose}{budget_text}支出决算为{money(amount)}万元"
                + (f"，完成年初预算的{pct(rate)}。" if rate is not None else "。") + why + same)

    # The Shanghai template's own wording for “三公”, 政府采购 and 国有资产 (its sentences, its lists).

    def three_public(self) -> None:
        d, data, year, prior = self.d, self.data, self.d.year, self.d.prior
        tp, org = data.three_public, data.meta.organisation
        total, budget, previous = d.three_public_total
        items = d.three_public_items  # (name, current, budget, previous) of 因公出国（境）费, 公务用车…, 公务接待费
        self.h(2, "七、财政拨款“三公”经费支出决算情况说明")
        self.h(3, "（一）“三公”经费财政拨款支出决算总体情况说明。")
        parts = "；".join(f"{name}{'支出' if n else ''}决算为{money(current)}万元，完成预算的{_rate(current, planned)}"
                         for n, (name, current, planned, _) in enumerate(items))
        relation = versus_budget(total, budget)
        reasons = "".join(x.strip() for x in (tp.outbound.reason, tp.vehicle_purchase.reason, tp.vehicle_operation.reason,
                                              tp.reception_domestic.reason, tp.reception_foreign.reason) if x)
        why = (f"{year}年度“三公”经费支出决算数与预算数持平。" if relation == "等于" else
               f"{year}年度“三公”经费支出决算数{relation}预算数的主要原因：{reasons.rstrip('。')}。")
        self.p(f"“三公”经费财政拨款支出年初预算为{money(budget)}万元，支出决算为{money(total)}万元，完成预算的"
               f"{_rate(total, budget)}，其中：{parts}。{why}")
        moved = Movement(total, previous)
        if moved.known:
            each = "；".join(f"{name}支出决算{Movement(current, last).words()}"
                            for name, current, _, last in items if last is not None)
            self.p(f"{year}年度“三公”经费财政拨款支出决算数"
                   + (f"与{prior}年度持平" if moved.flat else f"比{prior}年度{moved.words()}")
                   + (f"。其中：{each}。" if each else "。"))
        self.h(3, "（二）“三公”经费财政拨款支出决算具体情况说明。")
        if total == 0:
            self.p(f"{org}{year}年度无“三公”经费财政拨款支出。")
            return
        shares = "；".join(f"{name}支出决算{money(current)}万元，占{pct(percent(current, total))}"
                           for name, current, _, _ in items)
        self.p(f"“三公”经费财政拨款支出决算中，{shares}。具体情况如下：")
        self.chart(7, "“三公”经费财政拨款支出结构", "pie", [n for n, c, _, _ in items if c], [c for _, c, _, _ in items if c])
        self.p(f"1、因公出国（境）费支出{money(tp.outbound.current)}万元。全年安排因公出国（境）团组{tp.outbound_groups}个、"
               f"累计{tp.outbound_persons}人次。")
        self.p(f"2、公务用车购置及运行维护费支出{money(items[1][1])}万元。其中：")
        self.p(f"公务用车购置支出为{money(tp.vehicle_purchase.current)}万元，购置公务用车{sum(tp.vehicles_bought.values())}辆。")
        self.p(f"公务用车运行维护支出{money(tp.vehicle_operation.current)}万元。{year}年，{org}所属各预算单位开支财政拨款的"
               f"公务用车保有量为{sum(tp.vehicles_held.values())}辆。")
        domestic = tp.reception_domestic.current + tp.reception_foreign.current
        self.p(f"3、公务接待费支出{money(items[2][1])}万元。其中：")
        self.p(f"国内公务接待支出{money(domestic)}万元（含外宾接待支出{money(tp.reception_foreign.current)}万元），接待"
               f"{tp.reception_batches + tp.foreign_batches}批次、{tp.reception_persons + tp.foreign_persons}人次，其中："
               f"接待外宾{tp.foreign_batches}批次、{tp.foreign_persons}人次。")

    def procurement(self) -> None:
        year, p, total = self.d.year, self.data.procurement, self.d.procurement_total
        org = self.data.meta.organisation
        self.p(f"{org}{year}年度政府采购金额（以合同签订为准）为{_plain(total)}万元，其中：货物采购金额{_plain(p.goods)}万元、"
               f"工程采购金额{_plain(p.works)}万元、服务采购金额{_plain(p.services)}万元。")
        reserved = (p.sme_reserved, p.micro_reserved, p.sme_won_reserved, p.micro_won_reserved, p.sme_won_other)
        if all(v is not None for v in reserved):
            a, b, c, e, f = (_plain(v) for v in reserved)  # type: ignore[arg-type]
            self.p(f"{year}年度本部门面向中小企业预留政府采购项目预算金额{a}万元，面向小微企业预留政府采购项目预算金额{b}万元。"
                   f"在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额{c}万元；在面向小微企业预留政府"
                   f"采购项目中，由小微企业供应商中标或成交的，采购金额{e}万元；在其他政府采购项目中，由中小企业供应商中标或成交的，"
                   f"采购金额{f}万元。")
        elif total:
            self.p(f"授予中小企业合同金额{money(p.sme)}万元，占政府采购金额的{pct(percent(p.sme, total))}，其中：授予小微企业"
                   f"合同金额{money(p.micro_small)}万元，占政府采购金额的{pct(percent(p.micro_small, total))}。")

    def assets(self) -> None:
        year, a = self.d.year, self.data.state_assets
        counts = {use: a.vehicles_by_use.get(use, 0) for use in VEHICLE_USES}
        counts.update({use: n for use, n in a.vehicles_by_use.items() if use not in counts})  # a use the list lacks
        uses = "、".join(f"{use}{n}辆" for use, n in counts.items())
        self.p(f"截至{year}年12月31日，{self.data.meta.organisation}共有车辆{sum(counts.values())}辆，其中：{uses}。"
               f"单价100万元（含）以上设备（不含车辆）{a.special_equipment}台（套）。")


GRADES = ["优", "良", "合格", "不合格"]
VEHICLE_USES = ["部级领导干部用车", "主要领导干部用车", "机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车",
                "离退休干部用车", "其他用车"]


def _plain(amount: Decimal) -> str:
    """An amount as the Shanghai template writes it in 政府采购: none is "0", not "0.00"."""
    return "0" if amount == 0 else money(amount)


def _rate(current: Decimal, budget: Decimal) -> str:
    """完成预算的…: "0%" where nothing was spent or nothing budgeted, as the template writes it."""
    rate = completion(current, budget) if budget else None
    return "0%" if rate is None or rate == 0 else pct(rate)

