"""Finding the figures in a piece of text: amounts, percentages and counts, with exact values.

Scanning is done on the normalised text (full-width digits and punctuation already ASCII), so
"７，４６７．３３万元" and "7,467.33万元" are the same figure; the raw text is taken from the original.
Years, dates, document numbers and list ordinals are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from juesuan.document import Document
from juesuan.model.figures import MONEY_UNITS, Figure
from juesuan.text.headings import chinese_number

# Longer units first: 人次 before 人, 台(套) before 台, 万元 before 元.
UNITS = ["万元", "亿元", "千元", "元", "%", "‰", "台(套)", "批次", "人次", "个", "辆", "人", "次", "台", "套", "项", "家",
         "份", "篇", "期", "册", "条", "场", "分"]
CANONICAL_UNIT = {"台(套)": "台（套）", "万": "万元"}

# "经营收入 0.00 万，": 万 alone, before punctuation, is 万元 written short (U103 says so).
_UNIT = "|".join(re.escape(u) for u in UNITS) + r"|万(?![\u4e00-\u9fff\d])"
_NUMBER = re.compile(
    rf"(?<![\d.])(?P<num>-?\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|-?\d+(?:\.\d+)?)(?![\d])\s*(?P<unit>{_UNIT})?"
)
_CN_COUNT = re.compile(r"(?P<num>[一二两三四五六七八九十百]+)\s*(?P<unit>个|辆|项|家|人次|人|批次)")
_NOT_A_FIGURE_AFTER = re.compile(r"^\s*(年|月|日|号|时|季度|周岁|级|届|[.、．](?!\d))")
_NOT_A_FIGURE_BEFORE = re.compile(r"(第|【|〔|\[|\(|（|编号|号码|代码|科目)\s*$")


@dataclass(frozen=True, slots=True)
class Found:
    """A figure found in a text, with offsets relative to that text."""

    start: int
    end: int
    value: Decimal
    unit: str | None

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY_UNITS


def find_figures(text: str) -> list[Found]:
    """The figures in normalised `text`, in order."""
    found: list[Found] = []
    for m in _NUMBER.finditer(text):
        if _after_comma_of_integer(text, m.start()):
            continue  # "12,3456": a malformed thousands group, not a second number
        unit = m.group("unit")
        if unit is None and (_NOT_A_FIGURE_AFTER.match(text[m.end("num") : m.end("num") + 16]) or
                             _NOT_A_FIGURE_BEFORE.search(text[max(0, m.start() - 4) : m.start()])):
            continue
        if unit is None and re.match(r"^(19|20)\d{2}$", m.group("num")) and text[m.end():m.end() + 1] in "年-—~至":
            continue
        try:
            value = Decimal(m.group("num").replace(",", ""))
        except InvalidOperation:
            continue
        end = m.end("unit") if unit else m.end("num")
        found.append(Found(m.start("num"), end, value, CANONICAL_UNIT.get(unit, unit) if unit else None))
    for m in _CN_COUNT.finditer(text):
        number = chinese_number(m.group("num"))
        if number is None or text[max(0, m.start() - 1) : m.start()] in ("第", "每", "逐"):
            continue
        found.append(Found(m.start(), m.end(), Decimal(number), m.group("unit")))
    found.sort(key=lambda f: f.start)
    return _shared_units(text, found)


def _after_comma_of_integer(text: str, start: int) -> bool:
    """The number at `start` follows "digits," with no decimal point ("4125.49,4143.91" lists two numbers)."""
    if start < 2 or text[start - 1] != "," or not text[start - 2].isdigit():
        return False
    previous = re.search(r"[\d.]{1,40}$", text[max(0, start - 41) : start - 1])
    return previous is not None and "." not in previous.group()


LIST_SEPARATOR = re.compile(r"\s*[,，、和及与]\s*")  # between the numbers of a list ("A、B万元")
_DISTRIBUTIVE = re.compile(r"(各|分别)\s*(是|为|增加了?|减少了?|增长|下降)?\s*$")


def _shared_units(text: str, found: list[Found]) -> list[Found]:
    """"各是4125.49,4143.91万元", "分别为3、5个": numbers listed after 各/分别 share the unit of the last."""
    run_start = 0  # index of the first number of the list the current number belongs to
    for i in range(1, len(found)):
        if not LIST_SEPARATOR.fullmatch(text[found[i - 1].end : found[i].start]):
            run_start = i
            continue
        if found[i].unit is None or not _DISTRIBUTIVE.search(text[max(0, found[run_start].start - 6) : found[run_start].start]):
            continue
        for j in range(i - 1, run_start - 1, -1):  # the bare numbers just before this one take its unit
            if found[j].unit is not None:
                break
            found[j] = Found(found[j].start, found[j].end, found[j].value, found[i].unit)
        run_start = i + 1
    return found


def make_figure(document: Document, start: int, found: Found, sentence: str = "") -> Figure:
    """A model Figure for a figure found at document offset `start` + found.start."""
    a, b = start + found.start, start + found.end
    return Figure(
        value=found.value,
        unit=found.unit,
        raw=document.text[a:b],
        location=document.locate(a, b),
        sentence=sentence,
    )


def parse_number(text: str) -> Decimal | None:
    """The number a table cell holds ("2,940.05", "100%", "90.5"), or None."""
    cleaned = text.strip().replace(",", "").replace("，", "").rstrip("%％")
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        return None
    return Decimal(cleaned)
