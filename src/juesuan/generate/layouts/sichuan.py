"""The Sichuan layout: 单位概况 · 情况说明 · 名词解释 · 附表, as the Sichuan reports and template lay it out."""

from __future__ import annotations

from decimal import Decimal

from juesuan.generate import public_tables
from juesuan.generate.derive import completion, money, pct
from juesuan.generate.inputs import LineItem
from juesuan.generate.layouts import register
from juesuan.generate.layouts.common import Composer
from juesuan.generate.nodes import Cover, Node

TABLE_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一"]


@register
class Sichuan(Composer):
    name = "sichuan"
    label = "四川"

    def compose(self) -> list[Node]:
        data, year = self.data, self.d.year
        unit = "单位" if data.meta.kind == "单位决算" else "部门"
        self.nodes.append(Cover(data.meta.organisation, f"{year}年度{data.meta.kind}"))
        self.h(1, f"第一部分 {unit}概况")
        self.h(2, "一、基本职能及主要工作")
        self.h(3, "（一）主要职能")
        self.p(data.overview.functions)
        if data.overview.key_work:
            self.h(3, f"（二）{year}年重点工作完成情况")
            self.p(data.overview.key_work)
        self.h(2, "二、机构设置")
        self.p(data.overview.organisation)
        self.h(1, f"第二部分 {year}年度{data.meta.kind}情况说明")
        self.explanation()
        self.h(1, "第三部分 名词解释")
        self.glossary(numbered="arabic")
        self.h(1, "第四部分 附表")
        for n, table in enumerate(public_tables.all_tables(self.d)):
            table.title = f"{TABLE_NUMBERS[n]}、{table.title}"
            self.nodes.append(table)
        return self.nodes

    def closing(self) -> None:
        self.h(2, "十、其他重要事项的情况说明")
        self.other_matters()
        self.h(3, "（四）预算绩效管理情况")
        self.performance()

    def budget_intro(self, spent: Decimal, budget: Decimal | None) -> str:
        rate = completion(spent, budget)
        return (f"{self.d.year}年一般公共预算财政拨款支出决算数为{money(spent)}万元" +
                (f"，完成预算{pct(rate)}。其中：" if rate is not None else "。其中："))

    def item_paragraph(self, n: int, item: LineItem, amount: Decimal, relation: str, why: str) -> str:
        rate = completion(amount, item.budget)
        return (f"{n}.{self.names(item)}：支出决算为{money(amount)}万元"
                + (f"，完成预算{pct(rate)}。" if rate is not None else "。") + why)
