"""Wording: direction words that contradict each other or the figures."""

from __future__ import annotations

import re

from juesuan.rules.base import CheckContext, Reporter, Severity, rule
from juesuan.rules.text import loc, paragraphs

_CONTRADICTION = re.compile(r"(增加|减少)(?:了)?\s*\d[\d,]*\.?\d*\s*万元\s*[，,]\s*(增长|下降)")
_SMALLER = re.compile(r"决算数(小于|大于|低于|高于)预算数")


@rule("W101", "wording", Severity.ERROR, "增减方向前后矛盾",
      "“增加……下降”“减少……增长”前后矛盾；“决算数小于预算数”时完成预算率不应大于100%，反之亦然。",
      bad="十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n2020年，机关运行经费支出380.64万元，比2019年增加91.49万元，下降31.64%。",
      good="十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n2020年，机关运行经费支出380.64万元，比2019年增加91.49万元，增长31.64%。")
def direction_words(ctx: CheckContext, out: Reporter) -> None:
    for start, text in paragraphs(ctx):
        for m in _CONTRADICTION.finditer(text):
            if text[max(0, m.start() - 1) : m.start()] == "/" or text[m.end() : m.end() + 1] == "/":
                continue  # "增加/减少…增长/下降" is template residue (P101), not a contradiction
            out.checked()
            if (m.group(1) == "增加") != (m.group(2) == "增长"):
                out.finding(f"前面说“{m.group(1)}”，后面说“{m.group(2)}”", loc(ctx, start + m.start(2), start + m.end(2)),
                            evidence=ctx.document.text[start + m.start() : start + m.end()])
    for item in ctx.disclosure.general_budget.items:
        for comparison in item.comparison:
            m = _SMALLER.search(comparison.text.replace("，", ","))
            if m is None or not item.completion:
                continue
            out.checked()
            rate = item.completion[0].value
            less = m.group(1) in ("小于", "低于")
            if (less and rate > 100) or (not less and rate < 100):
                out.finding(f"说“决算数{m.group(1)}预算数”，完成预算却是{item.completion[0].raw}", comparison.location,
                            actual=item.completion[0].raw, evidence=comparison.text)
