"""The statistical tables, when the document has them: identities within tables, and table ↔ text."""

from __future__ import annotations

from juesuan.amounts import number
from juesuan.model.disclosure import StatementTable
from juesuan.model.figures import Figure
from juesuan.places import place_or_none
from juesuan.rules.arithmetic import equal, sum_agrees
from juesuan.rules.base import CheckContext, Reporter, Severity, rule
from juesuan.rules.identities import first

# A small 一般公共预算财政拨款支出决算表 whose figures add up, for the examples of T202 and T205.
_GB_EXAMPLE = "第二部分 XX局2024年度部门决算表\n一般公共预算财政拨款支出决算表\n单位：万元\n\n| 科目编码 | 科目编码 | 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|---|---|---|\n| 201 | | | 一般公共服务支出 | 90.00 | 60.00 | 30.00 |\n| 201 | 06 | | 财政事务 | 90.00 | 60.00 | 30.00 |\n| 201 | 06 | 01 | 行政运行 | 60.00 | 60.00 | |\n| 201 | 06 | 02 | 一般行政管理事务 | 30.00 | | 30.00 |"


def _table(ctx: CheckContext, kind: str) -> StatementTable | None:
    return next((t for t in ctx.disclosure.tables if t.kind == kind), None)


def _value(table: StatementTable, name: str, side: int = 0) -> Figure | None:
    rows = [r for r in table.rows if r.name == name]
    for row in rows:
        values = [v for v in row.values if v is not None]
        if values:
            return values[0] if side == 0 else values[-1]
    return None


@rule("T201", "tables", Severity.ERROR, "收入支出决算总表不平衡",
      "收入支出决算总表中，本年收入合计应等于各项收入之和，总计应等于本年收入合计加结余和结转，收入方总计应等于支出方总计。",
      bad="第二部分 XX局2024年度部门决算表\n收入支出决算总表\n单位：万元\n\n| 收入 | 收入 | 支出 | 支出 |\n|---|---|---|---|\n| 项目 | 决算数 | 项目 | 决算数 |\n| 一、一般公共预算财政拨款收入 | 100.00 | 一、一般公共服务支出 | 100.00 |\n| 八、其他收入 | 10.00 | 八、社会保障和就业支出 | 10.00 |\n| 本年收入合计 | 120.00 | 本年支出合计 | 120.00 |\n| 总计 | 120.00 | 总计 | 110.00 |",
      good="第二部分 XX局2024年度部门决算表\n收入支出决算总表\n单位：万元\n\n| 收入 | 收入 | 支出 | 支出 |\n|---|---|---|---|\n| 项目 | 决算数 | 项目 | 决算数 |\n| 一、一般公共预算财政拨款收入 | 100.00 | 一、一般公共服务支出 | 100.00 |\n| 八、其他收入 | 10.00 | 八、社会保障和就业支出 | 10.00 |\n| 本年收入合计 | 110.00 | 本年支出合计 | 110.00 |\n| 总计 | 110.00 | 总计 | 110.00 |")
def summary_table(ctx: CheckContext, out: Reporter) -> None:
    table = _table(ctx, "table_income_expenditure_summary")
    if table is None:
        return
    totals = [r for r in table.rows if r.name == "总计"]
    values = [v for r in totals for v in r.values if v is not None]
    if len(values) >= 2:
        if equal(values[0], values[1], ctx.tolerance):
            out.checked()
        else:
            out.finding(f"收入总计{values[0].raw}与支出总计{values[1].raw}不相等", values[1].location,
                        expected=values[0].raw, actual=values[1].raw)
    names_in = [r for r in table.rows if r.name[:2] in ("一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、")
                and "收入" in r.name]
    income = _value(table, "本年收入合计")
    parts = [v for r in names_in for v in r.values if v is not None]
    if income is not None and parts:
        ok, computed = sum_agrees(income, parts, ctx.tolerance)
        if ok:
            out.checked()
        else:
            out.finding(f"本年收入合计{income.raw}不等于各项收入之和{number(computed)}", income.location,
                        expected=number(computed), actual=income.raw)


@rule("T202", "tables", Severity.ERROR, "决算表中类、款、项不合计",
      "支出功能分类表中，类等于其下各款之和，款等于其下各项之和；每行合计等于基本支出加项目支出。",
      bad="第二部分 XX局2024年度部门决算表\n一般公共预算财政拨款支出决算表\n单位：万元\n\n| 科目编码 | 科目编码 | 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|---|---|---|\n| 201 | | | 一般公共服务支出 | 100.00 | 60.00 | 30.00 |\n| 201 | 06 | | 财政事务 | 90.00 | 60.00 | 30.00 |\n| 201 | 06 | 01 | 行政运行 | 60.00 | 60.00 | |\n| 201 | 06 | 02 | 一般行政管理事务 | 30.00 | | 30.00 |",
      good=_GB_EXAMPLE)
def classification_sums(ctx: CheckContext, out: Reporter) -> None:
    for table in ctx.disclosure.tables:
        coded = [r for r in table.rows if r.code]
        if len(coded) < 2:
            continue
        for row in coded:
            children = [r for r in coded if r.code and r.code.startswith(row.code or "") and
                        len(r.code) == len(row.code or "") + 2]
            if not children:
                continue
            for column, total in enumerate(row.values):
                if total is None:
                    continue
                # Children with nothing in this column add up to 0: a parent with an amount over them is wrong.
                parts = [c.values[column] for c in children if c.values[column] is not None]
                ok, computed = sum_agrees(total, parts, ctx.tolerance)  # type: ignore[arg-type]
                if ok:
                    out.checked()
                else:
                    out.finding(f"{table.title}中{row.code} {row.name}为{total.raw}，其下各级之和为{number(computed)}",
                                total.location, expected=number(computed), actual=total.raw)


@rule("T205", "tables", Severity.ERROR, "决算表中合计不等于基本支出与项目支出之和",
      "支出决算表和一般公共预算财政拨款支出决算表中，每一行的合计应等于基本支出、项目支出（及其他支出列）之和。",
      bad=_GB_EXAMPLE.replace("| 201 | 06 | 01 | 行政运行 | 60.00 | 60.00 | |", "| 201 | 06 | 01 | 行政运行 | 60.00 | 50.00 | |"),
      good=_GB_EXAMPLE)
def row_totals(ctx: CheckContext, out: Reporter) -> None:
    for table in ctx.disclosure.tables:
        columns = table.columns
        total_column = next((i for i, c in enumerate(columns) if c.endswith(("合计", "本年支出合计", "小计"))
                             and "收入" not in c), None)
        parts = [i for i, c in enumerate(columns) if c.endswith(("基本支出", "项目支出", "上缴上级支出", "经营支出",
                                                                 "对附属单位补助支出"))]
        if total_column is None or len(parts) < 2:
            continue
        for row in table.rows:
            total = row.values[total_column]
            stated = [row.values[i] for i in parts if row.values[i] is not None]
            if total is None or not stated:
                continue
            ok, computed = sum_agrees(total, stated, ctx.tolerance)  # type: ignore[arg-type]
            if ok:
                out.checked()
            else:
                out.finding(f"{table.title}中“{row.name}”合计{total.raw}，基本支出与项目支出之和为{number(computed)}",
                            total.location, expected=number(computed), actual=total.raw)


def _text_and_table(ctx: CheckContext) -> list[tuple[str, Figure | None, Figure | None]]:
    d = ctx.disclosure
    pairs: list[tuple[str, Figure | None, Figure | None]] = []
    summary = _table(ctx, "table_income_expenditure_summary")
    if summary is not None:
        pairs += [
            ("收入支出总计", first(d.totals.total), _value(summary, "总计")),
            ("本年收入合计", first(d.totals.income_this_year), _value(summary, "本年收入合计")),
            ("本年支出合计", first(d.totals.expenditure_this_year), _value(summary, "本年支出合计")),
        ]
    fiscal = _table(ctx, "table_fiscal_appropriation_summary")
    if fiscal is not None:
        pairs.append(("财政拨款收入支出总计", first(d.fiscal_appropriation.total), _value(fiscal, "总计")))
    gb = _table(ctx, "table_general_budget_expenditure")
    if gb is not None:
        pairs.append(("一般公共预算财政拨款支出", first(d.general_budget.total), _value(gb, "合计")))
    basic = _table(ctx, "table_general_budget_basic")
    if basic is not None:
        pairs += [("人员经费", first(d.basic.personnel), _value(basic, "人员经费合计")),
                  ("公用经费", first(d.basic.public), _value(basic, "公用经费合计"))]
    return pairs


@rule("T203", "tables", Severity.ERROR, "说明中的数字与决算表不一致",
      "情况说明中的收支总计、本年收入合计、本年支出合计、财政拨款收支总计、一般公共预算财政拨款支出、人员经费和公用经费"
      "应与所附决算表中的相应数字一致。",
      bad="第二部分 XX局2024年度部门决算表\n收入支出决算总表\n单位：万元\n\n| 收入 | 收入 | 支出 | 支出 |\n|---|---|---|---|\n| 项目 | 决算数 | 项目 | 决算数 |\n| 一、一般公共预算财政拨款收入 | 100.00 | 一、一般公共服务支出 | 100.00 |\n| 本年收入合计 | 100.00 | 本年支出合计 | 100.00 |\n| 总计 | 100.00 | 总计 | 100.00 |\n\n第三部分 XX局2024年度部门决算情况说明\n二、收入决算情况说明\n本年收入合计110.00万元，其中：财政拨款收入110.00万元，占100%。",
      good="第二部分 XX局2024年度部门决算表\n收入支出决算总表\n单位：万元\n\n| 收入 | 收入 | 支出 | 支出 |\n|---|---|---|---|\n| 项目 | 决算数 | 项目 | 决算数 |\n| 一、一般公共预算财政拨款收入 | 100.00 | 一、一般公共服务支出 | 100.00 |\n| 本年收入合计 | 100.00 | 本年支出合计 | 100.00 |\n| 总计 | 100.00 | 总计 | 100.00 |\n\n第三部分 XX局2024年度部门决算情况说明\n二、收入决算情况说明\n本年收入合计100.00万元，其中：财政拨款收入100.00万元，占100%。")
def text_versus_table(ctx: CheckContext, out: Reporter) -> None:
    if not ctx.disclosure.tables:
        return
    for name, text_figure, table_figure in _text_and_table(ctx):
        if text_figure is None or table_figure is None:
            if text_figure is not None or table_figure is not None:
                out.missing()
            continue
        if equal(text_figure, table_figure, ctx.tolerance):
            out.checked()
        else:
            where = place_or_none(table_figure.location) or "决算表"
            out.finding(f"说明中{name}写作{text_figure.raw}，{where}决算表中为{table_figure.raw}万元",
                        text_figure.location, expected=f"{table_figure.raw}万元", actual=text_figure.raw,
                        evidence=text_figure.sentence or None)


@rule("T204", "tables", Severity.WARNING, "空表没有说明",
      "没有数据的决算表（如政府性基金、国有资本经营预算表）也应公开，并注明本表无数据。",
      bad="第二部分 XX局2024年度部门决算表\n政府性基金预算财政拨款收入支出决算表\n单位：万元\n\n| 科目编码 | 科目名称 | 年初结转和结余 | 本年收入 | 本年支出 |\n|---|---|---|---|---|\n| | 合计 | | | |",
      good="第二部分 XX局2024年度部门决算表\n政府性基金预算财政拨款收入支出决算表\n单位：万元\n\n| 科目编码 | 科目名称 | 年初结转和结余 | 本年收入 | 本年支出 |\n|---|---|---|---|---|\n| | 合计 | | | |\n\n注：本单位无政府性基金预算财政拨款收入和支出，故本表无数据。")
def empty_tables(ctx: CheckContext, out: Reporter) -> None:
    for table in ctx.disclosure.tables:
        if any(v is not None for r in table.rows for v in r.values):
            continue
        if table.note or any("无数据" in s.text or "无" in s.text for s in _fund_statements(ctx, table.kind)):
            out.checked()
        else:
            out.finding(f"{table.title}没有数据，也没有注明“本表无数据”", table.location, evidence=table.title)


def _fund_statements(ctx: CheckContext, kind: str):  # type: ignore[no-untyped-def]
    d = ctx.disclosure
    return {"table_gov_fund": d.gov_fund.statements, "table_state_capital": d.state_capital.statements}.get(kind, [])
