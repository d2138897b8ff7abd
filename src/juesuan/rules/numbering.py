"""Numbering of the glossary, the items and the 项 lines: no gaps, no duplicates."""

from __future__ import annotations

import itertools
import re

from juesuan.document import BlockKind
from juesuan.model.figures import Loc
from juesuan.rules.base import CheckContext, Reporter, Severity, rule
from juesuan.rules.text import loc
from juesuan.text.headings import ITEM, NUM, numbering


@rule("N101", "numbering", Severity.WARNING, "编号跳号或重复",
      "名词解释、各项说明和项级科目列表的编号应连续、不重复（如 7 之后是 9，或出现两个 8.）。",
      bad="第三部分 名词解释\n1.财政拨款收入：指单位从同级财政部门取得的财政预算资金。\n2.其他收入：指单位取得的除上述收入以外的各项收入。\n4.年初结转和结余：指以前年度尚未完成的资金。",
      good="第三部分 名词解释\n1.财政拨款收入：指单位从同级财政部门取得的财政预算资金。\n2.其他收入：指单位取得的除上述收入以外的各项收入。\n3.年初结转和结余：指以前年度尚未完成的资金。")
def numbering_gaps(ctx: CheckContext, out: Reporter) -> None:
    for kind in ("glossary", "general_budget_detail"):
        for section in ctx.outline.find(kind):
            paragraphs_ = ctx.section_paragraphs(section, include_heading=False)
            entries = []
            for start, paragraph in paragraphs_:
                n = numbering(paragraph)
                if n is not None and n.level in (NUM, ITEM) and n.title:
                    entries.append((n.number, loc(ctx, start, start + n.prefix_length), paragraph[: n.prefix_length]))
            if len(entries) >= 2:
                _sequence(ctx, out, entries, paragraphs_)
    _numbered_runs(ctx, out, covered={s.block for k in ("glossary", "general_budget_detail")
                                      for s in ctx.outline.find(k)})
    for part in ctx.outline.find("explanation"):
        items = [c for c in part.children if c.level == 2]
        if len(items) < 2:
            continue
        out.checked()
        for position, item in enumerate(items, start=1):
            if item.number is None:
                out.finding(f"第{position}项说明“{item.title}”缺少编号", item.location, expected=f"{position}",
                            evidence=item.title)
        numbered = [(c.number or 0, c.location, c.title) for c in items if c.number is not None]
        _sequence(ctx, out, numbered, [], allow_gaps=len(numbered) < len(items))


def _numbered_runs(ctx: CheckContext, out: Reporter, covered: set[int]) -> None:
    """Any run of "1." "2." paragraphs elsewhere (annexes, lists of work): a number repeated or one skipped.

    A run ends at a heading or a table, and starts again at 1; the glossary and the 项 lines, checked
    above, are left out.
    """
    sections = {s.block for s in ctx.outline.walk()}
    inside_covered = False
    previous: int | None = None
    for index, block in enumerate(ctx.document.blocks):
        if index in sections:
            inside_covered = index in covered
            previous = None
        if block.kind is not BlockKind.PARAGRAPH or inside_covered:
            previous = None if block.kind is not BlockKind.PARAGRAPH else previous
            continue
        text = ctx.document.normalized[block.location.start : block.location.end]
        n = numbering(text)
        if n is None or n.level != NUM or not n.title:
            continue
        if previous is not None and n.number in (previous, previous + 2):
            location = loc(ctx, block.location.start, block.location.start + n.prefix_length)
            if n.number == previous:
                out.finding(f"编号{n.number}重复", location, actual=text[: n.prefix_length].strip())
            else:
                out.finding(f"编号从{previous}跳到{n.number}，缺少{previous + 1}", location,
                            expected=str(previous + 1), actual=str(n.number))
        out.checked()
        previous = n.number


def _sequence(ctx: CheckContext, out: Reporter, entries: list[tuple[int, Loc, str]],
              paragraphs_: list[tuple[int, str]], allow_gaps: bool = False) -> None:
    out.checked()
    for (previous, _, _), (number, location, raw) in itertools.pairwise(entries):
        if number == previous:
            out.finding(f"编号{number}重复", location, actual=raw.strip())
        elif number != previous + 1 and not (allow_gaps and number > previous):
            missing = list(range(previous + 1, number)) if number > previous else []
            # "23项目支出：…" is number 23 without its full stop, not a gap
            unmarked = [p for p in paragraphs_ if missing and re.match(rf"^\s*{missing[0]}(?![\d.、．])", p[1])]
            if len(missing) == 1 and unmarked:
                start = unmarked[0][0]
                out.finding(f"编号{missing[0]}后缺少“.”或“、”", loc(ctx, start, start + len(str(missing[0]))),
                            severity=Severity.INFO, actual=str(missing[0]))
                continue
            gap = "、".join(str(k) for k in missing)
            out.finding(f"编号从{previous}跳到{number}" + (f"，缺少{gap}" if gap else ""), location,
                        expected=str(previous + 1), actual=str(number))
