"""The statistical tables, when the document has them: identities within tables, and table ↔ text."""

from __future__ import annotations

import re
from decimal import Decimal

from juesuan.amounts import number
from juesuan.model.disclosure import StatementTable, TableRow, ThreePublicUnit
from juesuan.model.figures import Figure
from juesuan.outline.catalogue import THREE_PUBLIC_ITEMS, first_match
from juesuan.places import place_or_none
from juesuan.rules.arithmetic import equal, sum_agrees
from juesuan.rules.base import CheckContext, Reporter, Severity, amount, half_digit, half_unit, rule
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


@rule("T206", "tables", Severity.ERROR, "“三公”经费支出决算表不平衡",
      "“三公”经费支出决算表中，预算数和决算数都应是合计等于因公出国（境）费、公务用车购置及运行维护费、公务接待费之和，"
      "公务用车购置及运行维护费等于购置费与运行维护费之和（空格按0计）。",
      bad="一、2020年度一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n\n| 项目 | 预算数 | 决算数 |\n|---|---|---|\n"
          "| 合计 | 30.8 | 25.7 |\n| 因公出国(境)费 | 0 | 0 |\n| 公务接待费 | 14.8 | 16.3 |\n"
          "| 公务用车购置及运行维护费 | 16 | 8.4 |\n| 其中:公务用车运行维护费 | 16 | 8.4 |\n| 公务用车购置费 | 0 | 0 |",
      good="一、2020年度一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n\n| 项目 | 预算数 | 决算数 |\n|---|---|---|\n"
           "| 合计 | 30.8 | 25.7 |\n| 因公出国(境)费 | 0 | 0 |\n| 公务接待费 | 14.8 | 16.3 |\n"
           "| 公务用车购置及运行维护费 | 16 | 9.4 |\n| 其中:公务用车运行维护费 | 16 | 9.4 |\n| 公务用车购置费 | 0 | 0 |")
def three_public_table(ctx: CheckContext, out: Reporter) -> None:
    table, cells, _ = _three_public(ctx)
    if table is None:
        return
    for whole, parts in (("total", ("outbound_travel", "vehicles", "reception")),
                         ("vehicles", ("vehicle_purchase", "vehicle_operation"))):
        for side, said in (("budget", "预算数"), ("actual", "决算数")):
            total = cells.get((whole, side))
            stated = [cells[(p, side)] for p in parts if (p, side) in cells]
            if total is None or not stated:
                continue  # an empty cell among the parts is nothing, but a table with none is not this sum
            ok, computed = sum_agrees(total, stated, ctx.tolerance)
            if ok:
                out.checked()
                continue
            names = "、".join(_THREE_PUBLIC_NAMES[p] for p in parts)
            title = re.sub(r"^[一二三四五六七八九十\d]{1,3}[、.．]\s*", "", table.title)  # without its number
            out.finding(f"{title}中{_THREE_PUBLIC_NAMES[whole]}{said}为{total.raw}，{names}之和却是{number(computed)}",
                        total.location, expected=number(computed), actual=total.raw)


# "2.公务接待费支出5.21万元, 与2021年度预算相比,减少0.1万元" / "…与2021年度预算相比无增减" (the Anhui template):
# the amount spent set against the budget.
_SPENT_AGAINST_BUDGET = re.compile(
    r"(?P<name>因公出国|公务接待|公务用车购置及运行(?:维护)?|公务用车运行(?:维护)?|公务用车购置)[^。；;，,]{0,16}?"
    r"(?P<spent>\d[\d,]*(?:\.\d+)?)\s*万元\s*[,，]?\s*(?:与|比|较)\s*(?:20\d\d\s*年度?)?(?:年初)?预算(?:数)?(?:相比)?\s*[,，]?\s*"
    r"(?:(?P<direction>增加|减少|节约|超支)了?\s*(?P<change>\d[\d,]*(?:\.\d+)?)\s*万元|(?P<same>无增减|无变化|持平|一致|相同))")


@rule("T207", "tables", Severity.ERROR, "与预算相比的增减额与预算数不符",
      "“公务接待费支出5.21万元，与2021年度预算相比，减少0.1万元”说的是决算数减预算数；预算数由决算表或说明给出时，"
      "增减额（或“无增减”）应与之相符。",
      bad="一、2021年度一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n\n| 项目 | 预算数 | 决算数 |\n|---|---|---|\n"
          "| 合计 | 29.9 | 5.21 |\n| 因公出国(境)费 | 15 | 0 |\n| 公务接待费 | 14.9 | 5.21 |\n"
          "二、2021年度“三公”经费支出情况说明\n1.因公出国(境)费支出0万元，与2021年度预算相比无增减。\n"
          "2.公务接待费支出5.21万元，与2021年度预算相比，减少0.1万元，原因是厉行节约。",
      good="一、2021年度一般公共预算财政拨款“三公”经费支出决算表\n单位：万元\n\n| 项目 | 预算数 | 决算数 |\n|---|---|---|\n"
           "| 合计 | 29.9 | 5.21 |\n| 因公出国(境)费 | 15 | 0 |\n| 公务接待费 | 14.9 | 5.21 |\n"
           "二、2021年度“三公”经费支出情况说明\n1.因公出国(境)费支出0万元，与2021年度预算相比减少15万元。\n"
           "2.公务接待费支出5.21万元，与2021年度预算相比，减少9.69万元，原因是厉行节约。")
def change_against_budget(ctx: CheckContext, out: Reporter) -> None:
    _, cells, body = _three_public(ctx)
    for at, said in ctx.sentences():
        for m in _SPENT_AGAINST_BUDGET.finditer(said):
            field = _three_public_row(m.group("name"))
            if field is None:
                continue
            item = getattr(body, field) if body is not None else None
            budget = (item.budget[0] if item is not None and item.budget else None) or cells.get((field, "budget"))
            if budget is None:
                out.missing()
                continue
            spent = Decimal(m.group("spent").replace(",", ""))
            told = Decimal(0) if m.group("same") else Decimal(m.group("change").replace(",", "")) * (
                -1 if m.group("direction") in ("减少", "节约") else 1)
            out.checked()
            slack = half_unit(budget) + half_digit(spent) + (half_digit(abs(told)) if told else Decimal(0))
            if abs(spent - budget.value - told) <= slack + ctx.tolerance.money_slack:
                continue
            difference = spent - budget.value
            should = ("无增减" if difference == 0 else
                      f"{'增加' if difference > 0 else '减少'}{number(abs(difference))}万元")
            wrote = m.group("same") or f"{m.group('direction')}{m.group('change')}万元"
            a, b = at + m.start("direction" if m.group("direction") else "same"), at + m.end()
            where = place_or_none(budget.location) or "别处"
            out.finding(f"{_THREE_PUBLIC_NAMES[field]}决算{number(spent)}万元，预算数{budget.raw}万元（{where}），与预算相比应为"
                        f"{should}，这里写作“{wrote}”", ctx.locate(a, b), expected=should, actual=wrote,
                        evidence=said[m.start() : m.end()])


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
    if gb is not None:
        pairs.append(("一般公共预算财政拨款基本支出", first(d.basic.total), _column(gb, _row(gb, "合计"), "基本支出")))
    basic = _table(ctx, "table_general_budget_basic")
    if basic is not None:
        pairs += [("人员经费", first(d.basic.personnel), _value(basic, "人员经费合计")),
                  ("公用经费", first(d.basic.public), _value(basic, "公用经费合计"))]
    three, cells, body = _three_public(ctx)
    if three is not None and three.unit is not None and (body is not None or not d.three_public.units):
        for field, name in _THREE_PUBLIC_NAMES.items():
            if field == "total":  # the report's total, when it gives no item (and so no unit of its own)
                item = d.three_public.total_of(body) if body is not None else d.three_public.total
            else:
                item = getattr(body, field) if body is not None else None
            for side, said in (("actual", "决算数"), ("budget", "预算数")):
                if (field, side) in cells and item is not None:
                    stated = item.amount if side == "actual" else item.budget
                    pairs.append((f"{name}{said}", stated[0] if stated else None, cells[(field, side)]))
    return pairs


_THREE_PUBLIC_NAMES = {"total": "“三公”经费合计", "outbound_travel": "因公出国（境）费",
                       "vehicles": "公务用车购置及运行维护费", "vehicle_purchase": "公务用车购置费",
                       "vehicle_operation": "公务用车运行维护费", "reception": "公务接待费"}


def _three_public_row(name: str) -> str | None:
    """The item a row (or, in the Shanghai table, a column) of the “三公”经费支出决算表 is: the text's names, and 合计."""
    return "total" if re.fullmatch(r"\s*[合总]\s*计\s*", name) else first_match(THREE_PUBLIC_ITEMS, name)


def _three_public(ctx: CheckContext) -> tuple[StatementTable | None, dict[tuple[str, str], Figure], ThreePublicUnit | None]:
    """The “三公” table, its cells by (item, side), and the text's 三公 figures of the whole report (derived once
    for T203, T206 and T207)."""
    memo = ctx.memo.get("three_public_table")
    if memo is None:
        table = _table(ctx, "table_three_public")
        body = next((u for u in ctx.disclosure.three_public.units if u.unit is None), None)
        memo = ctx.memo["three_public_table"] = (table, three_public_cells(table) if table is not None else {}, body)
    return memo  # type: ignore[return-value]


def _side(header: str) -> str | None:
    header = re.sub(r"\s", "", header)
    return "budget" if "预算" in header else "actual" if "决算" in header or "实际" in header else None


def three_public_cells(table: StatementTable) -> dict[tuple[str, str], Figure]:
    """(item, "budget" | "actual") → the cell, from a table with a row for each item and columns 预算数 | 决算数,
    or with a column for each item and its budget and actual (the Shanghai table: 公务用车购置及运行费/公务用车购置费/
    预算数); the first statement of each."""
    cells: dict[tuple[str, str], Figure] = {}
    for row in table.rows:
        by_row = _three_public_row(row.name)
        for header, value in zip(table.columns, row.values, strict=False):
            side = _side(header.rsplit("/", 1)[-1])
            # a column's item: the innermost part of its header that names one ("…/小计/预算数" is its parent's)
            field = by_row or next((f for part in reversed(header.split("/")[:-1]) if (f := _three_public_row(part))),
                                   None)
            if value is not None and side is not None and field is not None:
                cells.setdefault((field, side), value)
    return cells


def _column(table: StatementTable, row: TableRow | None, header: str) -> Figure | None:
    """The row's cell under the column whose header is or ends with `header` ("基本支出"; "支出/决算数" of a two-sided
    table)."""
    at = next((i for i, c in enumerate(table.columns) if c == header or c.endswith("/" + header)), None)
    return row.values[at] if row is not None and at is not None and at < len(row.values) else None


def _row(table: StatementTable, name: str) -> TableRow | None:
    return next((r for r in table.rows if r.name == name), None)


# A 类 of the summary tables stands again in the tables that detail it: 收入支出决算总表's "九、卫生健康支出" is 支出决算表's
# 210 卫生健康支出 (本年支出合计); 财政拨款收入支出决算总表's 一般公共预算财政拨款 column is 一般公共预算财政拨款支出决算表's 合计.
_SUMMARY_DETAIL = (("table_income_expenditure_summary", "支出/决算数", "table_expenditure", "本年支出合计"),
                   ("table_fiscal_appropriation_summary", "一般公共预算财政拨款", "table_general_budget_expenditure", "合计"))
_NUMERAL = re.compile(r"^\s*[一二三四五六七八九十]{1,3}[、.．]\s*")


@rule("T208", "tables", Severity.ERROR, "决算表之间同一类支出不一致",
      "收入支出决算总表中各类支出的决算数应与支出决算表中该类的本年支出合计相同；财政拨款收入支出决算总表中各类的"
      "一般公共预算财政拨款支出应与一般公共预算财政拨款支出决算表中该类的合计相同。",
      bad="第二部分 XX局2024年度部门决算表\n收入支出决算总表\n单位：万元\n\n| 收入 | 收入 | 支出 | 支出 |\n|---|---|---|---|\n"
          "| 项目 | 决算数 | 项目 | 决算数 |\n| 一、一般公共预算财政拨款收入 | 100.00 | 九、卫生健康支出 | 100.01 |\n"
          "| 本年收入合计 | 100.00 | 本年支出合计 | 100.01 |\n\n支出决算表\n单位：万元\n\n"
          "| 功能分类科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 |\n|---|---|---|---|---|\n| | 合计 | 100.01 | 100.01 | |\n"
          "| 210 | 卫生健康支出 | 100.00 | 100.00 | |\n",
      good="第二部分 XX局2024年度部门决算表\n收入支出决算总表\n单位：万元\n\n| 收入 | 收入 | 支出 | 支出 |\n|---|---|---|---|\n"
           "| 项目 | 决算数 | 项目 | 决算数 |\n| 一、一般公共预算财政拨款收入 | 100.00 | 九、卫生健康支出 | 100.00 |\n"
           "| 本年收入合计 | 100.00 | 本年支出合计 | 100.00 |\n\n支出决算表\n单位：万元\n\n"
           "| 功能分类科目编码 | 科目名称 | 本年支出合计 | 基本支出 | 项目支出 |\n|---|---|---|---|---|\n| | 合计 | 100.00 | 100.00 | |\n"
           "| 210 | 卫生健康支出 | 100.00 | 100.00 | |\n")
def classes_across_tables(ctx: CheckContext, out: Reporter) -> None:
    for summary_kind, summary_column, detail_kind, detail_column in _SUMMARY_DETAIL:
        summary, detail = _table(ctx, summary_kind), _table(ctx, detail_kind)
        if summary is None or detail is None or summary.unit != detail.unit:
            continue
        classes = {r.name.strip(): r for r in detail.rows if r.code and len(r.code) == 3}
        for row in summary.rows:
            name = _NUMERAL.sub("", row.name).strip()
            if name not in classes or not _NUMERAL.match(row.name):
                continue
            stated, detailed = _column(summary, row, summary_column), _column(detail, classes[name], detail_column)
            if stated is None or detailed is None:
                continue
            out.checked()
            if stated.value == detailed.value:
                continue
            where = place_or_none(detailed.location) or detail.title
            out.finding(f"{summary.title}中{name}为{stated.raw}，{detail.title}（{where}）中为{detailed.raw}",
                        stated.location, expected=detailed.raw, actual=stated.raw, related=[detailed.location])


_NAME_NOISE = re.compile(r"[\s（）()]|[（(][类款项][）)]")


def _subjects(table: StatementTable, column: str) -> list[tuple[str, str, str, str, Figure]]:
    """(code, 类, 款, 项 names, amount) of each 项 row of a table of the function classification."""
    names = {r.code: r.name for r in table.rows if r.code}
    rows = []
    for row in table.rows:
        if row.code and len(row.code) == 7 and (value := _column(table, row, column)) is not None:
            rows.append((row.code, names.get(row.code[:3], ""), names.get(row.code[:5], ""), row.name, value))
    return rows


@rule("T209", "tables", Severity.WARNING, "说明中的科目名称与决算表不符",
      "一般公共预算财政拨款支出决算具体情况逐项说明的类、款、项名称，应与一般公共预算财政拨款支出决算表中同一科目"
      "（按金额和其余两级名称对应）的名称一致：把款写成类名（“住房保障支出（类）住房保障支出（款）住房公积金（项）”，"
      "表中为“住房改革支出”）、项名与科目名称不同，多半是照抄了别的科目或沿用了旧名称。",
      bad="第二部分 XX局2024年度部门决算表\n一般公共预算财政拨款支出决算表\n单位：万元\n\n"
          "| 功能分类科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|---|\n"
          "| 221 | 住房保障支出 | 289.59 | 289.59 | |\n| 22102 | 住房改革支出 | 289.59 | 289.59 | |\n"
          "| 2210201 | 住房公积金 | 289.59 | 289.59 | |\n| | 合计 | 289.59 | 289.59 | |\n\n"
          "第三部分 XX局2024年度部门决算情况说明\n五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
          "1、住房保障支出（类）住房保障支出（款）住房公积金（项）289.59万元，主要用于：住房公积金。\n",
      good="第二部分 XX局2024年度部门决算表\n一般公共预算财政拨款支出决算表\n单位：万元\n\n"
           "| 功能分类科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|---|\n"
           "| 221 | 住房保障支出 | 289.59 | 289.59 | |\n| 22102 | 住房改革支出 | 289.59 | 289.59 | |\n"
           "| 2210201 | 住房公积金 | 289.59 | 289.59 | |\n| | 合计 | 289.59 | 289.59 | |\n\n"
           "第三部分 XX局2024年度部门决算情况说明\n五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
           "1、住房保障支出（类）住房改革支出（款）住房公积金（项）289.59万元，主要用于：住房公积金。\n")
def subject_names_against_table(ctx: CheckContext, out: Reporter) -> None:
    table = _table(ctx, "table_general_budget_expenditure")
    if table is None:
        return
    subjects = _subjects(table, "合计")
    for item in ctx.disclosure.general_budget.items:
        said = [_NAME_NOISE.sub("", n or "") for n in (item.class_name, item.section_name, item.item_name)]
        if not item.amount or not all(said):
            continue
        value = item.amount[0].value
        # the table's 项 of that amount whose other two levels are named as the text names them: one level differs
        same = [(code, names) for code, *names, figure in subjects if figure.value == value
                and sum(_NAME_NOISE.sub("", n) == m for n, m in zip(names, said, strict=True)) == 2]
        out.checked()
        if len(same) != 1:
            continue
        code, names = same[0]
        level = next(k for k in range(3) if _NAME_NOISE.sub("", names[k]) != said[k])
        written = (item.class_name, item.section_name, item.item_name)[level]
        out.finding(f"说明中“{written}（{'类款项'[level]}）”与决算表中该科目（{code}，{amount(item.amount[0])}）的"
                    f"{'类款项'[level]}名“{names[level]}”不一致", item.location, expected=names[level], actual=written)


@rule("T203", "tables", Severity.ERROR, "说明中的数字与决算表不一致",
      "情况说明中的收支总计、本年收入合计、本年支出合计、财政拨款收支总计、一般公共预算财政拨款支出及其基本支出、人员经费和公用经费，"
      "以及“三公”经费合计和各项的预算数、决算数，应与所附决算表中的相应数字一致（表与说明的金额单位不同时不逐项比较）。",
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
        if text_figure.unit and table_figure.unit and text_figure.unit != table_figure.unit:
            out.missing()  # a table in 元 beside a text in 万元: not compared figure by figure
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


_WIDTH = str.maketrans("（）", "()")
_BASIC_EXAMPLE = ("第二部分 XX局2024年度部门决算表\n一般公共预算财政拨款基本支出决算表\n单位：万元\n\n"
                  "| 经济分类科目编码 | 科目名称 | 决算数 |\n|---|---|---|\n| 302 | 商品和服务支出 | 10.23 |\n"
                  "| 30201 | 办公费 | 3.78 |\n| 30207 | 邮电费 | {} |\n| 30211 | 差旅费 | 6.45 |\n\n"
                  "第三部分 XX局2024年度部门决算情况说明\n六、一般公共预算财政拨款基本支出决算情况说明\n"
                  "2024年度一般公共预算财政拨款基本支出10.23万元，其中：公用经费10.23万元，主要包括：办公费、邮电费、差旅费。")


@rule("T210", "tables", Severity.WARNING, "列为主要内容的支出在基本支出决算表中为0",
      "基本支出说明中人员经费、公用经费“主要包括”的各项，在一般公共预算财政拨款基本支出决算表中应有支出；"
      "表中为0的科目（“邮电费 0.00”）不应列为主要内容。",
      bad=_BASIC_EXAMPLE.format("0.00"), good=_BASIC_EXAMPLE.format("0.00").replace("、邮电费", ""))
def listed_basic_items(ctx: CheckContext, out: Reporter) -> None:
    table = _table(ctx, "table_general_budget_basic")
    basic = ctx.disclosure.basic
    if table is None:
        return
    rows = {r.name.translate(_WIDTH): r for r in table.rows if r.name}
    for listed, what in ((basic.personnel_items, "人员经费"), (basic.public_items, "公用经费")):
        for item in listed:
            row = rows.get(item.text.translate(_WIDTH))
            values = [v for v in row.values if v is not None] if row is not None else []
            if row is None or not values:
                continue
            out.checked()
            if all(v.value == 0 for v in values):
                code = f"{row.code} " if row.code else ""
                out.finding(f"“{item.text}”列为{what}的主要内容，但基本支出决算表中该科目（{code}{row.name}）为{values[0].raw}",
                            item.location, actual=item.text, related=[values[0].location])
