"""The Sichuan layout: 单位概况 · 情况说明 · 名词解释 · 附表, as the Sichuan reports and template lay it out."""

from __future__ import annotations

from decimal import Decimal

from juesuan.generate import public_tables
from juesuan.generate.derive import completion, money, pct
from juesuan.generate.inputs import LineItem
from juesuan.generate.layouts import register
from juesuan.generate.layouts.common import Composer
from juesuan.generate.nodes import Cover, Node, TableNode

TABLE_NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四"]


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
        for n, table in enumerate(public_tables.sichuan_tables(self.d)):
            table.title = f"{TABLE_NUMBERS[n]}、{table.title}"
            self.nodes.append(table)
        if data.performance.projects:
            self.annexes()
        return self.nodes

    def annexes(self) -> None:
        """第五部分 附件: 附件1 the 项目绩效目标完成情况表 of each project, 附件2 the evaluation reports with their
        项目评价得分表, as the Sichuan reports attach them."""
        year, projects = self.d.year, self.data.performance.projects
        self.h(1, "第五部分 附件")
        self.h(2, "附件1 项目绩效目标完成情况表")
        for project in projects:
            rate = completion(project.executed, project.budget)
            self.p(f"项目名称：{project.name}。预算单位：{project.unit}。")
            self.p(f"预算执行情况：预算数{money(project.budget)}万元，执行数{money(project.executed)}万元"
                   + (f"，预算执行率{pct(rate)}。" if rate is not None else "。"))
            self.p(f"年度目标完成情况：预期目标：{project.goal.strip().rstrip('。')}。实际完成目标："
                   f"{project.achieved.strip().rstrip('。')}。")
            if project.indicators:
                rows = [[i.level1, i.level2, i.level3, i.target, i.actual] for i in project.indicators]
                self.nodes.append(TableNode(f"项目绩效目标完成情况表（{year}年度）",
                                            [["一级指标", "二级指标", "三级指标", "预期指标值", "实际完成指标值"]], rows,
                                            unit=None, inline=True))
        evaluated = [p for p in projects if p.evaluation is not None]
        if not evaluated:
            return
        self.h(2, "附件2 项目绩效评价报告")
        for project in evaluated:
            evaluation = project.evaluation
            assert evaluation is not None
            rate = completion(project.executed, project.budget)
            self.h(3, f"{project.name}{year}年绩效评价报告")
            self.p("一、基本情况")
            self.p(evaluation.background)
            self.p("二、资金安排使用情况")
            self.p(f"{year}年，预算安排{project.name}{money(project.budget)}万元，实际执行{money(project.executed)}万元"
                   + (f"，预算执行率为{pct(rate)}。" if rate is not None else "。"))
            self.p("三、项目绩效情况")
            self.p(evaluation.results)
            self.p("四、评价结论")
            self.p(evaluation.conclusion)
            rows = [[s.level1, s.level2, s.level3, _points(s.weight), _points(s.score)] for s in evaluation.scores]
            rows.append(["合计", "", "", _points(sum((s.weight for s in evaluation.scores), Decimal(0))),
                         _points(sum((s.score for s in evaluation.scores), Decimal(0)))])
            self.nodes.append(TableNode("项目评价得分表", [["一级指标", "二级指标", "三级指标", "分值", "得分"]], rows,
                                        unit=None, inline=True))

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


def _points(value: Decimal) -> str:
    """A weight or score as the score tables write it: 5, 6.5 (no trailing zeros)."""
    return format(value.normalize(), "f")
