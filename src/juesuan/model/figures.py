"""The building blocks of the Disclosure model: a figure as stated, a text as stated, a named item.

Every figure keeps its exact Decimal value, its unit, its raw text, the sentence it was stated in and
its Location. A quantity stated several times keeps every statement (a list), so rules can compare
them; a quantity the report does not state is an empty list, never zero.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, Field, field_serializer

from juesuan.document import Location

MONEY_UNITS = {"万元", "亿元", "千元", "元"}  # the units an amount of money is stated in


class Figure(BaseModel):
    """A number as the report states it: {"value": "7466.01", "unit": "万元", "raw": "7,466.01万元", …}."""

    value: Decimal
    unit: str | None = Field(description="万元, 元, %, 个, 辆, 批次, 人次, 人, 次, 台（套）…; null when stated without one")
    raw: str
    location: Location
    sentence: str = Field(default="", description="the sentence or table row the figure was stated in")

    @field_serializer("value")
    def _exact(self, value: Decimal) -> str:
        return format(value, "f")


class Text(BaseModel):
    """A piece of text as stated (a reason, a statement that a table is empty, a listed name)."""

    text: str
    location: Location


class Change(BaseModel):
    """A year-on-year change as stated: "比2019年增加7.34万元，增长29.21%"."""

    direction: str | None = Field(None, description="增加, 减少 or 持平, as written")
    amount: Figure | None = None
    percent_direction: str | None = Field(None, description="增长 or 下降, as written")
    percent: Figure | None = None
    base_year: int | None = None
    location: Location


class Item(BaseModel):
    """A named quantity: its amounts, share, budget, completion rate, year-on-year changes and reasons."""

    name: str = Field(description="the label as the report writes it")
    key: str | None = Field(None, description="the canonical name, when the label is a known one")
    amount: list[Figure] = []
    share: list[Figure] = []
    share_of: list[str] = Field([], description="the whole a share is stated against, when named (占本年支出合计的…)")
    budget: list[Figure] = []
    completion: list[Figure] = Field([], description="完成预算X%")
    change: list[Change] = []
    reason: list[Text] = []
    count: list[Figure] = Field([], description="counts (辆, 个, 批次, 人次 …) stated for this item")
