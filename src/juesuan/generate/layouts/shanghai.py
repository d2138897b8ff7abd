"""The Shanghai layout: 概况 · 部门决算表 · 情况说明 · 名词解释, as the Shanghai template lays it out."""

from __future__ import annotations

from decimal import Decimal

from juesuan.generate import public_tables
from juesuan.generate.derive import completion, money, pct
from juesuan.generate.inputs import LineItem
from juesuan.generate.layouts import register
from juesuan.generate.layouts.common import Composer
from juesuan.generate.nodes import Cover, Node


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
        self.p(data.overview.organisation)
        self.h(1, f"第二部分 {data.meta.organisation}{year}年度部门决算表")
        self.nodes.extend(public_tables.all_tables(self.d))
        self.h(1, f"第三部分 {data.meta.organisation}{year}年度部门决算情况说明")
        self.explanation()
        self.h(1, "第四部分 名词解释")
        self.glossary(numbered="chinese")
        return self.nodes

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
