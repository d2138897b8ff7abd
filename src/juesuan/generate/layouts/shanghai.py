"""The Shanghai layout: 概况 · 部门决算表 · 情况说明 · 名词解释, as the Shanghai template lays it out."""

from __future__ import annotations

from decimal import Decimal

from juesuan.generate import public_tables
from juesuan.generate.derive import completion, money, pct, percent
from juesuan.generate.inputs import LineItem
from juesuan.generate.layouts import register
from juesuan.generate.layouts.common import Composer
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

    # The Shanghai template's own wording for 政府采购 and 国有资产 (its sentences, its list of vehicle uses).

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


VEHICLE_USES = ["部级领导干部用车", "主要领导干部用车", "机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车",
                "离退休干部用车", "其他用车"]


def _plain(amount: Decimal) -> str:
    """An amount as the Shanghai template writes it in 政府采购: none is "0", not "0.00"."""
    return "0" if amount == 0 else money(amount)
