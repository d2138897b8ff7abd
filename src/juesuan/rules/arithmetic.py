"""Exact comparisons of rounded figures: sums, shares and rates within what rounding allows."""

from __future__ import annotations

from decimal import Decimal

from juesuan.model.figures import Figure
from juesuan.rules.base import Tolerance, half_digit, half_unit

HUNDRED = Decimal(100)


def sum_agrees(total: Figure, parts: list[Figure], tolerance: Tolerance) -> tuple[bool, Decimal]:
    """Whether Σ parts = total within the rounding of every figure (n × 0.005 for n two-decimal parts)."""
    computed = sum((p.value for p in parts), Decimal(0))
    return abs(computed - total.value) <= sum_slack(total.value, [p.value for p in parts], tolerance), computed


def sum_slack(total: Decimal, parts: list[Decimal], tolerance: Tolerance) -> Decimal:
    """How far Σ parts may stand from the total by rounding alone: half the last digit of each figure, except
    a plain 0 ("上级补助收入0万元" says there was none; it does not round 0.4万元), total or part."""
    return sum((half_digit(v) for v in (total, *parts) if v != 0), Decimal(0)) + tolerance.money_slack


def equal(a: Figure, b: Figure, tolerance: Tolerance) -> bool:
    """Two statements of one figure agree when their rounding intervals overlap; at the same precision they are
    written the same (269.85 and 269.86 touch at 269.855, but one figure rounded twice the same way is one number)."""
    if half_unit(a) == half_unit(b):
        return abs(a.value - b.value) <= tolerance.money_slack
    return abs(a.value - b.value) <= half_unit(a) + half_unit(b) + tolerance.money_slack


def alike_rate_wrong(budget: Figure, spent: Figure, stated: Figure) -> bool:
    """The stated rate of two whole amounts (5万元, 6万元) is wrong though their rounding would allow it. Whole 万元 in
    a budget sentence are allocations, not roundings: equal ones are 100%, unequal ones are not (to the rate's own
    precision). Amounts to the cent are judged by their rounding alone: 100.00 of 100.00万元 may be 99.99%."""
    if budget.value.as_tuple().exponent != 0 or spent.value.as_tuple().exponent != 0 or budget.value == 0:
        return False
    if (budget.value == spent.value) == (stated.value == 100):
        return False
    return (spent.value / budget.value * 100).quantize(Decimal(1).scaleb(stated.value.as_tuple().exponent)) != stated.value


def exact_rate(budget: Figure, spent: Figure) -> str:
    """spent / budget as a percentage, to the cent of a percent: the rate of two amounts taken as written."""
    return f"{(spent.value / budget.value * 100).quantize(Decimal('0.01'))}%"


def ratio_bounds(numerator: Figure, denominator: Figure) -> tuple[Decimal, Decimal] | None:
    """The percentage numerator/denominator can be, given both are rounded; None if the base is 0."""
    dn, dd = half_unit(numerator), half_unit(denominator)
    low_den, high_den = denominator.value - dd, denominator.value + dd
    if low_den <= 0:
        return None
    low = max(numerator.value - dn, Decimal(0)) / high_den * HUNDRED
    high = (numerator.value + dn) / low_den * HUNDRED
    return low, high


def percent_agrees(stated: Figure, bounds: tuple[Decimal, Decimal], tolerance: Tolerance) -> bool:
    h = half_unit(stated) + tolerance.percent_slack
    low, high = bounds
    return stated.value + h >= low and stated.value - h <= high


def point(bounds: tuple[Decimal, Decimal], like: Figure) -> str:
    """The computed percentage, shown with the stated figure's decimals (at least two)."""
    exponent = like.value.as_tuple().exponent
    assert isinstance(exponent, int)
    places = max(2, -exponent)
    value = (bounds[0] + bounds[1]) / 2
    return f"{value:.{places}f}%"


def same_precision(a: Figure, b: Figure) -> tuple[Figure, Figure]:
    """A whole number beside one written to the cent was written without its zeros ("预算为1万元,支出决算为0.53万元"):
    it is as exact as the other, not a figure rounded to 万元."""
    ea, eb = a.value.as_tuple().exponent, b.value.as_tuple().exponent
    assert isinstance(ea, int) and isinstance(eb, int)
    if ea == 0 and eb < 0:
        a = a.model_copy(update={"value": a.value.quantize(Decimal(1).scaleb(eb))})
    elif eb == 0 and ea < 0:
        b = b.model_copy(update={"value": b.value.quantize(Decimal(1).scaleb(ea))})
    return a, b
