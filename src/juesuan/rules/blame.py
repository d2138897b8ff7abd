"""Which figure of a broken identity is the wrong one.

A sum that does not balance says only that one of its figures is wrong. When the report states a part again
elsewhere (the same quantity in another section, or an annex restating it) with the value that makes the sum
balance, that part is the odd one out: the finding belongs at it, not at the total.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from juesuan.model.figures import MONEY_UNITS, Figure
from juesuan.rules.arithmetic import sum_slack
from juesuan.rules.base import CheckContext, half_unit


def restatements(ctx: CheckContext) -> dict[int, list[Figure]]:
    """Offset of a figure → the other statements of the quantity it states (money only)."""
    memo = ctx.memo.get("restatements")
    if isinstance(memo, dict):
        return memo
    groups: dict[str, list[Figure]] = defaultdict(list)
    for path, figure in ctx.figures:
        if figure.unit not in MONEY_UNITS or path.startswith(("tables", "performance", "annexes")):
            continue
        if not path.endswith("]") or ".amount[" not in path:
            continue  # a statement of an Item's or a LineItem's amount: path ….amount[n]
        groups[path.rsplit("[", 1)[0]].append(figure)
    others: dict[int, list[Figure]] = defaultdict(list)
    for statements in groups.values():
        for figure in statements:
            others[figure.location.start].extend(s for s in statements if s.location.start != figure.location.start)
    for restated, body_statements in ctx.analysis.annex_restatements():
        for body in body_statements:
            if restated.unit == body.unit:
                others[body.location.start].append(restated)
    ctx.memo["restatements"] = dict(others)
    return ctx.memo["restatements"]  # type: ignore[return-value]


def odd_one_out(ctx: CheckContext, total: Figure, parts: list[Figure]) -> tuple[Figure, Figure | None] | None:
    """(the wrong figure, the statement elsewhere that balances the sum) when exactly one figure of a broken
    sum is stated elsewhere with the value the sum needs; (the figure, None) when every other figure is
    confirmed by a statement elsewhere and it is not; None when the report does not say which."""
    stated = sum((p.value for p in parts), Decimal(0))
    slack = sum_slack(total.value, [p.value for p in parts], ctx.tolerance)
    others = restatements(ctx)
    found: list[tuple[Figure, Figure | None]] = []
    for figure in (total, *parts):
        needed = stated if figure is total else total.value - (stated - figure.value)
        for other in others.get(figure.location.start, []):
            if other.value != figure.value and abs(other.value - needed) <= slack + half_unit(other):
                found.append((figure, other))
                break
    if found:
        return found[0] if len(found) == 1 else None
    # Else: when every figure but one is stated again elsewhere with the same value, the one said only once
    # (or said differently) is the likely slip.
    alone = [f for f in (total, *parts)
             if not any(o.value == f.value for o in others.get(f.location.start, []))]
    if len(alone) == 1 and len(parts) >= 2 and alone[0] is not total:
        return alone[0], None
    return None


def nearest(ctx: CheckContext, total: Figure, parts: list[Figure]) -> Figure:
    """The statement of `total` (the same value, wherever the report states it) that stands nearest its parts:
    the sentence that breaks it down ("本年收入合计630.78万元，其中：…") rather than its first mention."""
    same = [total, *(f for f in restatements(ctx).get(total.location.start, []) if f.value == total.value)]
    first_part = min(p.location.start for p in parts)
    return min(same, key=lambda f: (f.location.start > first_part, abs(first_part - f.location.start)))
