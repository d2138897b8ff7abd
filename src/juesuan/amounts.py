"""How amounts and percentages are written for a reader: thousands separators, fixed decimals, exact."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def number(value: Decimal, places: int = 2) -> str:
    """7466.014 → 7,466.01 (rounded half up, as the statistical tables round)."""
    return f"{value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP):,.{places}f}"


def percent(value: Decimal | None, places: int = 2) -> str:
    """35.1 → 35.10%; None → —."""
    return "—" if value is None else f"{number(value, places)}%"
