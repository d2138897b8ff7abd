"""Classification codes (政府收支分类科目) in the tables: each code under its own 类 and 款, once, with its name."""

from __future__ import annotations

from juesuan.classification import classes, core_name, known
from juesuan.model.disclosure import StatementTable, TableRow
from juesuan.rules.base import CheckContext, Reporter, Severity, rule


@rule("K101", "tables", Severity.ERROR, "科目编码与科目名称、上级科目不符",
      "决算表中每个功能分类（和经济分类）科目编码应在它所属的类、款之下，同一张表中不重复，类级编码与名称应与"
      "《政府收支分类科目》一致（款、项名称与已核实的目录不一致时提示）。",
      bad="第二部分 部门决算表\n一般公共预算财政拨款支出决算表\n单位：万元\n\n| 科目编码 | 科目名称 | 合计 |\n|---|---|---|\n| 201 | 一般公共服务支出 | 10.00 |\n| 20131 | 党委办公厅（室）及相关机构事务 | 10.00 |\n"
          "| 2123101 | 行政运行 | 10.00 |",
      good="第二部分 部门决算表\n一般公共预算财政拨款支出决算表\n单位：万元\n\n| 科目编码 | 科目名称 | 合计 |\n|---|---|---|\n| 201 | 一般公共服务支出 | 10.00 |\n| 20131 | 党委办公厅（室）及相关机构事务 | 10.00 |\n"
           "| 2013101 | 行政运行 | 10.00 |")
def codes_and_names(ctx: CheckContext, out: Reporter) -> None:
    _line_item_codes(ctx, out)
    for table in ctx.disclosure.tables:
        rows = [r for r in table.rows if r.code and len(r.code) in (3, 5, 7)]
        if not rows:
            continue
        _hierarchy(ctx, out, table, rows)
        seen: dict[str, TableRow] = {}
        for row in rows:
            code = row.code or ""
            out.checked()
            if code in seen and core_name(seen[code].name) == core_name(row.name):
                out.finding(f"科目编码{code}在同一张表中出现两次", row.location, actual=code, evidence=f"{code} {row.name}")
            seen.setdefault(code, row)
            _name(ctx, out, row, code)


def _line_item_codes(ctx: CheckContext, out: Reporter) -> None:
    """"一般公共服务（类）…行政运行（项）2123101": the code's 类 is the 类 the line names."""
    for item in ctx.disclosure.general_budget.items:
        if not item.code or not item.class_name or not item.code.startswith("2"):
            continue
        subject = classes().get(item.code[:3])
        if subject is None:
            continue
        out.checked()
        if core_name(subject) != core_name(item.class_name):
            out.finding(f"科目编码{item.code}属于“{subject}”，这里写在“{item.class_name}”之下", item.location,
                        expected=subject, actual=item.class_name, evidence=item.code)


def _hierarchy(ctx: CheckContext, out: Reporter, table: StatementTable, rows: list[TableRow]) -> None:
    """A 款 under the 类 above it and a 项 under the 款 above it (function codes, listed in order); in the
    side-by-side tables of the economic classification, under a 类 the table lists."""
    economic = all((r.code or "").startswith("3") for r in rows)
    listed = {r.code for r in rows}
    parent: dict[int, str] = {}
    for row in rows:
        code = row.code or ""
        level = len(code)
        if level == 3:
            parent = {3: code}
            continue
        above = code[: level - 2]
        if economic:
            ok = code[:3] in listed or not any(len(c or "") == 3 for c in listed)
        else:
            expected = parent.get(level - 2)
            ok = expected is None or expected == above
        if not ok:
            head = parent.get(3, "")
            out.finding(f"科目编码{code}（{row.name}）不在所列的上级科目{parent.get(level - 2) or head}之下",
                        row.location, actual=code, evidence=f"{code} {row.name}")
        parent[level] = code
        parent = {k: v for k, v in parent.items() if k <= level}


def _name(ctx: CheckContext, out: Reporter, row: TableRow, code: str) -> None:
    subjects = known(code, ctx.year)
    if not subjects or any(core_name(s.name) == core_name(row.name) for s in subjects):
        return
    subject = subjects[0]
    if len(code) == 3:
        out.finding(f"类级科目{code}应为“{subject.name}”，表中写作“{row.name}”", row.location,
                    expected=subject.name, actual=row.name)
    elif subject.confirmed:
        out.finding(f"科目编码{code}在《政府收支分类科目》中为“{subject.name}”，表中写作“{row.name}”", row.location,
                    expected=subject.name, actual=row.name, severity=Severity.WARNING)
