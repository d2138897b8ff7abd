"""Heading numbering as reports write it: 第一部分, 一、, （一）, 1. and （1）.

Readers use it to tell a heading or list item from a wrapped line; the outline uses it to read the
number and title of a section. Patterns accept full- and half-width forms and stray spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "〇零一二两三四五六七八九十百"

# "第三部 2024年度部门决算情况说明": a part whose 分 was lost is still a part (N101 reports the slip)
_PART = re.compile(rf"^\s*第\s*([{CN_DIGITS}\d]{{1,3}})\s*部(?:\s*分|(?=[ \t\u3000]))\s*[:：、.．]?\s*(.*)$")
_ITEM = re.compile(rf"^\s*([{CN_DIGITS}]{{1,3}})\s*[、.．]\s*(.*)$")
_SUB = re.compile(rf"^\s*[（(]\s*([{CN_DIGITS}]{{1,3}})\s*[）)]\s*[、.．]?\s*(.*)$")
_NUM = re.compile(r"^\s*(\d{1,2})\s*(?:[、．]|\.(?!\d))\s*(.*)$")
_PAREN_NUM = re.compile(r"^\s*[（(]\s*(\d{1,2})\s*[）)]\s*(.*)$")
# The first sentence of a run-in heading ends at the first full stop or colon.
_TITLE_END = re.compile(r"[。：:；;]")

# A line that may stand between a table and its title: the unit (单位：万元) or the period ((2020年度)).
UNIT_OR_PERIOD_LINE = re.compile(r"^(金额)?单位[:：]|^[（(]?\s*20\d{2}\s*年度?\s*[）)]?$")
_FIGURE = re.compile(r"\d\s*(万元|元|%|％)")

PART, ITEM, SUB, NUM, PAREN_NUM = 1, 2, 3, 4, 5


@dataclass(frozen=True, slots=True)
class Numbering:
    """A numbered line: its level (PART … PAREN_NUM), number, title and any run-in text after it."""

    level: int
    number: int
    title: str
    rest: str
    prefix_length: int  # characters before the title begins

    @property
    def is_bare(self) -> bool:
        """True when the line is only the heading (no sentence runs on after the title)."""
        return not self.rest.strip(" 。.：:")


_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> int | None:
    """一 -> 1, 十一 -> 11, 二十六 -> 26, 3 -> 3; None if it is not a number."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    # Section numbers are almost always below 100: read those directly, cn2an (slow to import) the rest.
    m = re.fullmatch(r"([一二两三四五六七八九])?(十)?([一二三四五六七八九])?", text)
    if m and text and (m.group(2) or not m.group(3)):
        tens = _DIGITS[m.group(1)] if m.group(1) else (1 if m.group(2) else 0)
        if not m.group(2):
            return _DIGITS[m.group(1)] if m.group(1) else None
        return tens * 10 + (_DIGITS[m.group(3)] if m.group(3) else 0)
    import cn2an

    try:
        value = cn2an.cn2an(text, "normal")
    except (ValueError, KeyError):
        return None
    return int(value) if value == int(value) else None


def numbering(line: str) -> Numbering | None:
    """The numbering at the start of `line`, if any."""
    for level, pattern in ((PART, _PART), (SUB, _SUB), (PAREN_NUM, _PAREN_NUM), (ITEM, _ITEM), (NUM, _NUM)):
        m = pattern.match(line)
        if not m:
            continue
        number = chinese_number(m.group(1))
        if number is None:
            continue
        body = m.group(2)
        end = _TITLE_END.search(body)
        title, rest = (body[: end.start()], body[end.start() :]) if end else (body, "")
        return Numbering(level, number, title.strip(), rest.strip(), m.start(2))
    return None


def is_heading_line(line: str, max_length: int = 60) -> bool:
    """A line that is a heading on its own: numbered (parts, 一、, （一）) and not a sentence."""
    n = numbering(line)
    if n is None or n.level not in (PART, ITEM, SUB):
        return False
    if len(line.strip()) > max_length or _FIGURE.search(line):
        return False  # too long, or states a figure: a sentence, not a title
    return n.is_bare or n.rest.startswith(("（", "("))


def starts_paragraph(line: str) -> bool:
    """A line that can only begin a paragraph: any numbering, or a note."""
    n = numbering(line)
    if n is not None and n.title:
        return True
    # a numeral lost before its 、 ("、一般公共预算财政拨款支出决算表") or its 第× ("部分 名词解释"): typesetting never
    # starts a wrapped line with 、
    return bool(re.match(r"^\s*(注|备注|附件\s*\d|图\s*\d|表\s*\d)\s*[:：\d]", line) or LOST_NUMERAL.match(line)
                or BARE_PART.match(line))


# A heading whose numeral was lost: "、一般公共预算财政拨款支出决算表" (its 一 …), "部分  2020年度部门决算表" (its 第×)
LOST_NUMERAL = re.compile(r"[ \t\u3000]{0,8}、[ \t\u3000]{0,4}(?=[\u4e00-\u9fff“])")
BARE_PART = re.compile(r"\s*部\s*分\s+(?:20\d\d年度?)?[\u4e00-\u9fff]")
