"""Which figure of a broken identity is the wrong one.

A sum that does not balance says only that one of its figures is wrong. When the report states a part again
elsewhere (the same quantity in another section, or an annex restating it) with the value that makes the sum
balance, that part is the odd one out: the finding belongs at it, not at the total.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from decimal import Decimal

from juesuan.document import Location
from juesuan.model.figures import MONEY_UNITS, Figure
from juesuan.places import place
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


# any number written, 7,463.89 as one
NUMBER = re.compile(r"(?<![\d.])(?<!\d,)\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|(?<![\d.])(?<!\d,)\d{1,15}(?:\.\d+)?(?![\d])")


def values_written(ctx: CheckContext) -> Counter[Decimal]:
    """How many times each number is written anywhere in the report (prose, tables, annexes), 7,463.89 as 7463.89."""
    memo = ctx.memo.get("values_written")
    if isinstance(memo, Counter):
        return memo
    written: Counter[Decimal] = Counter(Decimal(m.group().replace(",", "")) for m in NUMBER.finditer(ctx.document.text))
    ctx.memo["values_written"] = written
    return written


def said_once(ctx: CheckContext, value: Decimal) -> bool:
    """The report writes this number only once (where it is judged): nothing elsewhere bears it out."""
    return values_written(ctx)[value] < 2


def odd_one_out(ctx: CheckContext, total: Figure, parts: list[Figure]) -> tuple[Figure, str, Figure | None] | None:
    """(the wrong figure, why, the statement elsewhere that balances the sum) when exactly one figure of a broken
    sum is stated elsewhere with the value the sum needs; (the figure, why, None) when every other figure is
    confirmed elsewhere and it is not; None when the report does not say which."""
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
        if len(found) > 1:
            return None
        wrong, other = found[0]
        return wrong, f"此处{wrong.raw}在{place(other.location)}写作{other.raw}，按后者恰好相符", other
    # Else: when every figure but one is stated again elsewhere with the same value, the one said only once
    # (or said differently) is the likely slip.
    alone = [f for f in (total, *parts)
             if not any(o.value == f.value for o in others.get(f.location.start, []))]
    if len(alone) == 1 and len(parts) >= 2 and alone[0] is not total:
        return alone[0], f"其余各数在别处都有相同的记载，只有此处{alone[0].raw}没有", None
    return None


def odd_by_value(ctx: CheckContext, total: Figure, parts: list[Figure]) -> tuple[Figure, str, str | None] | None:
    """(the wrong figure, why, its balancing value if known) of a broken sum when the numbers written in the report
    show it, though no statement of the same quantity does (a weaker sign than odd_one_out's, so tried after it)."""
    stated = sum((p.value for p in parts), Decimal(0))
    # By value: a figure whose number is written nowhere else in the report, when every other
    # figure's number is (or is a plain 0, which no rounding or typing slip produces alone).
    written = values_written(ctx)
    alone = [f for f in (total, *parts) if f.value != 0 and said_once(ctx, f.value)]
    if len(alone) == 1 and len(parts) >= 2 and alone[0] is not total:
        return alone[0], f"其余各数在报告别处都写到过（或为0），只有此处的{alone[0].raw}在报告中仅此一见", None
    # Or: of the figures written only here, exactly one has a value that would balance the sum written elsewhere
    # in the report (a precise number, four digits or more: not a coincidence).
    balancing = [(f, needed) for f in alone if f is not total
                 and _precise(needed := total.value - (stated - f.value)) and written[needed] > 0]
    if len(balancing) == 1 and len(parts) >= 2:
        wrong, needed = balancing[0]
        told = f"{needed:,}{wrong.unit or ''}" if "," in wrong.raw else f"{needed}{wrong.unit or ''}"
        return wrong, f"按合计此处应为{told}，报告别处正写有这个数，而{wrong.raw}在报告中仅此一见", told
    return None


def _precise(value: Decimal) -> bool:
    return value > 0 and len(value.normalize().as_tuple().digits) >= 4


UNDECIDED = "（两处各说一次，报告中无从判断哪一处有误）"  # what a finding about an undecided pair adds


def more_often(ctx: CheckContext, values: list[str]) -> list[str] | None:
    """`values` (two numbers told of one thing) ordered by how often the report writes each, most often first, when
    that tells them apart: each 100 or more, or with decimals (whole numbers below 100 are written everywhere for
    other things: "30" of 30万元 says nothing of "医用防护服30套"), and written a different number of times. None when
    it does not."""
    written = values_written(ctx)
    numbers = [Decimal(v.replace(",", "")) for v in values]
    if any(n < 100 and n == n.to_integral_value() for n in numbers) or len({written[n] for n in numbers}) < len(numbers):
        return None
    return [v for _, v in sorted(zip(numbers, values, strict=True), key=lambda p: -written[p[0]])]


_WORDS_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,4}$|[\u4e00-\u9fff]{1,3}[》”」]$")  # 群访事件8起, 《每周信息》22期


def said_with_words(ctx: CheckContext, start: int, end: int) -> int:
    """How many times the report writes the number at start:end with the words around it: the two to four
    Chinese characters right before it (or a closing title mark after them) and the character after ("群访事件8起",
    "《每周信息》22期"). Small counts, which the report
    writes everywhere for other things, are told apart by the words they go with."""
    text = ctx.document.text
    words = _WORDS_BEFORE.search(text[max(0, start - 4) : start])
    if words is None or end >= len(text):
        return 0
    pattern = re.escape(words.group()) + r"\s?" + re.escape(text[start:end]) + r"(?![\d.])\s?" + re.escape(text[end])
    return len(re.findall(pattern, text))


# Parts further apart, or more of them, are no longer one place a reader can look at.
MAX_PARTS_SPAN = 1_500  # characters
MAX_PARTS = 6


def among_parts(ctx: CheckContext, total: Figure, parts: list[Figure]) -> Location | None:
    """The stretch of text that holds the parts of a broken sum, when the total is borne out (the report states
    the same total again, or writes its precise number elsewhere) and the parts stand close together: the slip is
    one of the parts, though the report does not say which."""
    confirmed = any(o.value == total.value for o in restatements(ctx).get(total.location.start, [])) or (
        _precise(total.value) and values_written(ctx)[total.value] >= 2)
    if not confirmed or not 2 <= len(parts) <= MAX_PARTS:
        return None
    start = min(p.location.start for p in parts)
    end = max(p.location.end for p in parts)
    if end - start > MAX_PARTS_SPAN or start <= total.location.start < end:
        return None
    return ctx.document.locate(start, end)


def nearest(ctx: CheckContext, total: Figure, parts: list[Figure]) -> Figure:
    """The statement of `total` (the same value, wherever the report states it) that stands nearest its parts:
    the sentence that breaks it down ("本年收入合计630.78万元，其中：…") rather than its first mention."""
    same = [total, *(f for f in restatements(ctx).get(total.location.start, []) if f.value == total.value)]
    first_part = min(p.location.start for p in parts)
    return min(same, key=lambda f: (f.location.start > first_part, abs(first_part - f.location.start)))
