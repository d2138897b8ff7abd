"""From a published report to the generator's data: the source figures the report states, so that the report
can be written again with every share, rate, sum and direction word recomputed.

The statistical tables are the source of the figures where the report carries them (its prose is written by
hand and is where the mistakes are); the prose gives what the tables do not (budgets, reasons, counts, names).
Nothing is made up: a figure the report does not state is left out, and validation then names what is
missing, in Chinese, as it does for a data file.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from juesuan.analysis import Analysis
from juesuan.generate.data_files import checked
from juesuan.generate.inputs import ReportData
from juesuan.generate.validate import problems
from juesuan.model.disclosure import Disclosure, Item, StatementTable
from juesuan.model.flatten import stated_previous

ORDINAL = re.compile(r"^[一二三四五六七八九十]+、")


def report_data(analysis: Analysis) -> dict[str, Any]:
    """The generator's data (plain values, as a YAML file would hold them) from an analysed report."""
    d = analysis.disclosure
    tables = {t.kind: t for t in d.tables}
    previous = {path.removesuffix(".previous"): f.value for path, f in stated_previous(d, d.meta.year)}
    data: dict[str, Any] = {
        "meta": {"organisation": d.meta.organisation, "short_name": d.meta.organisation, "year": d.meta.year,
                 "kind": d.meta.kind if d.meta.kind in ("部门决算", "单位决算") else "部门决算"},
        "overview": {"functions": _section(analysis, "functions", "functions_and_work"),
                     "key_work": _section(analysis, "key_work"),
                     "organisation": _section(analysis, "organisation"),
                     "units": [t.text for t in d.meta.sub_units_listed if not t.text.endswith("决算")]},
    }
    summary = tables.get("table_income_expenditure_summary")
    fiscal = tables.get("table_fiscal_appropriation_summary")
    data["total"] = _compared(_row(summary, "总计", 1) or _amount(d.totals.total), d.totals.total, "totals.total", previous)
    data["income_sources"] = _income_sources(d, summary)
    data["carryover_begin"] = _row(summary, "年初结转和结余", 1) or _amount(d.totals.carryover_begin) or "0"
    data["non_fiscal_balance"] = _row(summary, "使用非财政拨款结余", 1) or "0"
    data["expenditure_kinds"] = {_kind_name(i): _amount(i) for i in d.totals.expenditure_kinds if i.amount}
    data["carryover_end"] = _row(summary, "年末结转和结余", 3) or _amount(d.totals.carryover_end) or "0"
    data["balance_distribution"] = _row(summary, "结余分配", 3) or "0"
    data["fiscal_total"] = _compared(_row(fiscal, "总计", 1) or _amount(d.fiscal_appropriation.total),
                                     d.fiscal_appropriation.total, "fiscal_appropriation.total", previous)
    data["fiscal_carryover_begin"] = _row(fiscal, "年初财政拨款结转和结余", 1) or "0"
    data["fiscal_carryover_end"] = _row(fiscal, "年末财政拨款结转和结余", 3) or "0"
    general = d.general_budget.total
    data["general_budget_previous"] = _previous(general, "general_budget.total", previous)
    data["general_budget_reason"] = _reason(general)
    data["gov_fund"] = _amount(d.gov_fund.expenditure) or "0"
    data["state_capital"] = _amount(d.state_capital.expenditure) or "0"
    data["items"] = _items(analysis, tables.get("table_general_budget_expenditure"))
    basic = tables.get("table_general_budget_basic")
    data["personnel"] = _row(basic, "人员经费合计", None) or _amount(d.basic.personnel)
    data["public"] = _row(basic, "公用经费合计", None) or _amount(d.basic.public)
    data["personnel_names"] = [t.text for t in d.basic.personnel_items]
    data["public_names"] = [t.text for t in d.basic.public_items]
    data["personnel_items"], data["public_items"] = _economic(basic)
    data["three_public"] = _three_public(d, tables.get("table_three_public"), previous)
    data["admin_operating_cost"] = _compared(_amount(d.admin_operating_cost), d.admin_operating_cost,
                                             "admin_operating_cost", previous)
    p = d.procurement
    data["procurement"] = {k: _amount(getattr(p, k)) or "0" for k in ("goods", "works", "services", "sme", "micro_small")}
    data["state_assets"] = _assets(d)
    perf = d.performance
    data["performance"] = {"projects_with_targets": _count(perf.projects_with_targets),
                           "projects_monitored": _count(perf.projects_monitored),
                           "projects_self_evaluated": _count(perf.projects_self_evaluated)}
    data["glossary"] = [{"term": g.term, "definition": g.definition} for g in d.glossary]
    return _without_none(data)


# --- pieces ---------------------------------------------------------------------------------------------


def _section(analysis: Analysis, *kinds: str) -> str:
    """The text of the first section of these kinds, without its heading."""
    for kind in kinds:
        for section in analysis.outline.find(kind):
            text = analysis.index.text(section, include_heading=False)
            paragraphs = [analysis.document.text[b.location.start: b.location.end].strip() for _, b in text.paragraphs()]
            found = "\n".join(p for p in paragraphs if p)
            if found:
                return found
    return ""


PURPOSE = re.compile(r"主要用于[:：]\s*([^。]{1,300})。")


def _purpose(analysis: Analysis, start: int, end: int) -> str | None:
    """"主要用于：…" in a 项's paragraph (the Shanghai wording)."""
    found = PURPOSE.search(analysis.document.normalized[start:end])
    return analysis.document.text[start + found.start(1): start + found.end(1)] if found else None


def _exact(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def _amount(item: Item | None) -> str | None:
    if item is None or not item.amount or item.amount[0].unit not in ("万元", None):
        return None
    return _exact(item.amount[0].value)


def _reason(item: Item | None) -> str | None:
    if item is None or not item.reason:
        return None
    return "".join(r.text for r in item.reason).strip() or None


def _previous(item: Item | None, path: str, previous: dict[str, Decimal]) -> str | None:
    """Last year's amount as the report states it: this year's less the change, or this year's when it says
    the two are the same (持平)."""
    if path in previous:
        return _exact(previous[path])
    if item is not None and item.amount and any(c.direction == "持平" for c in item.change):
        return _exact(item.amount[0].value)
    return None


def _compared(current: str | None, item: Item | None, path: str, previous: dict[str, Decimal]) -> dict[str, Any] | None:
    if current is None:
        return None
    return {"current": current, "previous": _previous(item, path, previous), "reason": _reason(item)}


def _row(table: StatementTable | None, name: str, column: int | None) -> str | None:
    """The value of the first row called `name` in `column` (None: in whichever column has one)."""
    if table is None:
        return None
    for row in table.rows:
        if ORDINAL.sub("", row.name).startswith(name):
            values = [v for v in row.values if v is not None] if column is None else (
                [row.values[column]] if column < len(row.values) and row.values[column] is not None else [])
            if values:
                return _exact(values[0].value)
    return None


def _income_sources(d: Disclosure, summary: StatementTable | None) -> dict[str, str]:
    found: dict[str, str] = {}
    if summary is not None:
        for row in summary.rows:
            name = ORDINAL.sub("", row.name)
            value = row.values[1] if len(row.values) > 1 else None
            if value is not None and name.endswith("收入") and not name.startswith("本年收入"):
                found[name] = _exact(value.value)  # type: ignore[assignment]
    if not found:
        found = {i.name: a for i in d.totals.income_sources if (a := _amount(i)) is not None}
    return found


def _kind_name(item: Item) -> str:
    return {"basic": "基本支出", "project": "项目支出"}.get(item.key or "", item.name)


def _items(analysis: Analysis, table: StatementTable | None) -> list[dict[str, Any]]:
    """Each 项 of the general budget: its code, names and 基本/项目 split from the table, its budget and reason
    from the prose. Without the table the split is not stated, and the 项 are left out."""
    if table is None:
        return []
    names: dict[str, str] = {}
    found = []
    prose = {(i.item_name or "", i.code or ""): i for i in analysis.disclosure.general_budget.items}
    for row in table.rows:
        code = row.code or ""
        names[code] = row.name
        if len(code) != 7:
            continue
        basic, project = (row.values[-2], row.values[-1]) if len(row.values) >= 2 else (None, None)
        entry: dict[str, Any] = {"code": code, "class_name": names.get(code[:3], ""), "section_name": names.get(code[:5], ""),
                                 "item_name": row.name, "basic": _exact(basic.value) if basic else "0",
                                 "project": _exact(project.value) if project else "0"}
        said = prose.get((row.name, code)) or prose.get((row.name, ""))
        if said is not None:
            entry["budget"] = _exact(said.budget[0].value) if said.budget else None
            entry["reason"] = "".join(r.text for r in said.reason).strip() or None
            entry["purpose"] = _purpose(analysis, said.location.start, said.location.end)
        found.append(entry)
    return found


def _economic(table: StatementTable | None) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    personnel: list[dict[str, str]] = []
    public: list[dict[str, str]] = []
    if table is None:
        return personnel, public
    for row in table.rows:
        code = row.code or ""
        value = next((v for v in row.values if v is not None), None)
        if len(code) != 5 or value is None:
            continue
        entry = {"code": code, "name": row.name, "amount": _exact(value.value) or "0"}
        (personnel if code.startswith(("301", "303")) else public).append(entry)
    return personnel, public


def _three_public(d: Disclosure, table: StatementTable | None, previous: dict[str, Decimal]) -> dict[str, Any]:
    unit = d.three_public.units[0] if d.three_public.units else None
    row = next((r for r in table.rows if any(v is not None for v in r.values)), None) if table is not None else None

    def item(attribute: str, budget_column: int) -> dict[str, Any]:
        said: Item | None = getattr(unit, attribute, None) if unit is not None else None
        if row is not None and len(row.values) > budget_column + 1:
            budget, spent = row.values[budget_column], row.values[budget_column + 1]
            current, planned = _exact(spent.value) if spent else "0", _exact(budget.value) if budget else "0"
        else:
            current = _amount(said) or "0"
            planned = _exact(said.budget[0].value) if said is not None and said.budget else None
        index = d.three_public.units.index(unit) if unit is not None else 0
        return {"current": current, "budget": planned, "reason": _reason(said),
                "previous": _previous(said, f"three_public.units[{index}].{attribute}", previous)}

    counts = unit
    held = {i.name: int(i.count[0].value) for i in (counts.vehicles_held_by_type if counts else []) if i.count}
    if not held and counts is not None and counts.vehicles_held:
        held = {"公务用车": int(counts.vehicles_held[0].value)}
    return {
        "outbound": item("outbound_travel", 2),
        "vehicle_purchase": item("vehicle_purchase", 6),
        "vehicle_operation": item("vehicle_operation", 8),
        "reception_domestic": item("reception_domestic" if counts and counts.reception_domestic else "reception", 10),
        "reception_foreign": {"current": _amount(counts.reception_foreign) if counts else None, "budget": "0"}
        if counts and counts.reception_foreign else {"current": "0", "budget": "0"},
        "outbound_groups": _count(counts.outbound_groups) if counts else 0,
        "outbound_persons": _count(counts.outbound_persons) if counts else 0,
        "vehicles_held": held,
        "reception_batches": _count(counts.reception_batches) if counts else 0,
        "reception_persons": _count(counts.reception_persons) if counts else 0,
        "foreign_batches": _count(counts.foreign_batches) if counts else 0,
        "foreign_persons": _count(counts.foreign_persons) if counts else 0,
    }


def _assets(d: Disclosure) -> dict[str, Any]:
    assets = d.state_assets[0] if d.state_assets else None
    uses = {i.name: int(i.count[0].value) for i in (assets.vehicles_by_use if assets else []) if i.count}
    general = special = 0
    for item in assets.equipment if assets else []:
        value = next((int(f.value) for f in [*item.count, *item.amount]), 0)
        if "50万" in item.name:
            general = value
        elif "100万" in item.name:
            special = value
    return {"vehicles_by_use": uses, "general_equipment": general, "special_equipment": special}


def _count(figures: list[Any]) -> int:
    return int(figures[0].value) if figures else 0


def _without_none(value: Any) -> Any:
    """None means "not stated": left out, so that validation says what is missing or takes the default."""
    if isinstance(value, dict):
        return {k: _without_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_none(v) for v in value]
    return value


def rebuilt(analysis: Analysis) -> tuple[dict[str, Any], ReportData | None, list[str]]:
    """(the data as rebuilt, the validated data or None, every problem that stops the report being rewritten:
    what the report does not state, and where its own figures disagree)."""
    raw = report_data(analysis)
    refused = [] if raw.get("items") else [
        "项级科目：报告没有按科目给出一般公共预算财政拨款支出的基本支出和项目支出（一般公共预算财政拨款支出决算表）"]
    data, missing = checked(raw)
    refused += missing if data is None else problems(data)
    return raw, data if not refused else None, refused


def changes(before: Disclosure, after: Disclosure, limit: int = 60) -> list[str]:
    """What the rewritten report states differently from the published one: each figure (a share, a rate, a
    change, a total) at the same place in the model whose value differs, as "where: 原X → 现Y"."""
    from juesuan.model.flatten import flatten

    def firsts(model: Disclosure) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for path, figure in flatten(model):
            if not path.startswith(("tables", "annexes")):
                found.setdefault(path, figure)
        return found

    old, new = firsts(before), firsts(after)
    found = []
    for path, figure in old.items():
        other = new.get(path)
        if other is None or other.unit != figure.unit or other.value == figure.value:
            continue
        where = f"第{figure.location.page}页" if figure.location.page else f"第{figure.location.line}行"
        found.append(f"{where}“{figure.sentence[:40]}”：原为{figure.raw}，现为{other.raw}")
        if len(found) >= limit:
            found.append("……（其余从略）")
            break
    return found
