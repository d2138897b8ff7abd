"""The key figures compared across years and departments: a label and where the figure is in the model.

Each is the first statement of its path (the body's, before tables and annexes restate it). 三公 items
are those of the whole report ("units[0]"), or the sum over the units a report lists one by one.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Key:
    label: str
    path: str  # without the statement index; "units[*]" sums over the units
    unit: str = "万元"
    fallback: str | None = None  # where else the report may state it (三公 only unit by unit)


KEYS = [
    Key("收支总计", "totals.total.amount"),
    Key("本年收入合计", "totals.income_this_year.amount"),
    Key("本年支出合计", "totals.expenditure_this_year.amount"),
    Key("基本支出", "totals.expenditure_kinds[basic].amount"),
    Key("项目支出", "totals.expenditure_kinds[project].amount"),
    Key("财政拨款收支总计", "fiscal_appropriation.total.amount"),
    Key("一般公共预算财政拨款支出", "general_budget.total.amount"),
    Key("“三公”经费", "three_public.total.amount", fallback="three_public.units[*].total.amount"),
    Key("因公出国（境）费", "three_public.units[*].outbound_travel.amount"),
    Key("公务用车购置及运行维护费", "three_public.units[*].vehicles.amount"),
    Key("公务接待费", "three_public.units[*].reception.amount"),
    Key("机关运行经费", "admin_operating_cost.amount"),
    Key("政府采购支出", "procurement.total.amount"),
    Key("公务用车保有量", "three_public.units[*].vehicles_held", "辆"),
]
BY_LABEL = {k.label: k for k in KEYS}


def key_values(figures: dict[str, Decimal]) -> dict[str, Decimal | None]:
    """The key figures of one report from its figures by path ("…amount[0]" → value, first statements)."""
    values: dict[str, Decimal | None] = {}
    for key in KEYS:
        value = _value(figures, key.path)
        if value is None and key.fallback:
            value = _value(figures, key.fallback)
        values[key.label] = value
    return values


def _value(figures: dict[str, Decimal], path: str) -> Decimal | None:
    if "[*]" not in path:
        return figures.get(f"{path}[0]")
    head, tail = path.split("[*]")
    found = [v for p, v in figures.items() if p.startswith(head + "[") and p.endswith(f"]{tail}[0]")
             and p.count("[") == path.count("[") + 1]
    return sum(found, Decimal(0)) if found else None


def share(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """part / whole in per cent, to two places; None when either is unknown or the whole is zero."""
    if part is None or not whole:
        return None
    return (part * 100 / whole).quantize(Decimal("0.01"))
