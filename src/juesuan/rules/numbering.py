"""Numbering of the glossary, the items and the 项 lines: no gaps, no duplicates."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import cn2an

from juesuan.document import BlockKind, Location
from juesuan.outline.sections import Section
from juesuan.rules.base import CheckContext, Reporter, Severity, rule
from juesuan.rules.residue import is_instruction
from juesuan.text.headings import (
    BARE_PART,
    ITEM,
    LOST_NUMERAL,
    NUM,
    PAREN_NUM,
    PART,
    Numbering,
    is_heading_line,
    numbering,
)


@rule("N101", "numbering", Severity.WARNING, "编号跳号或重复",
      "报告中每一个编号列表（部分、各项说明、名词解释、项级科目、主要职能、重点工作、附件中的评价报告，"
      "包括写在同一段里的“1、…2、…”，以及绩效目标表中每类指标下的“指标1：”“指标2：”）的编号都应从1开始、连续、不重复（如 7 之后是 9，或出现两个 8.）；"
      "“名词解释”一类部分标题或评价报告的“主要经验及做法…”不应漏写编号；行首只剩“、”（“、国有资产占用情况表”）是编号丢了。",
      bad="第三部分 名词解释\n1.财政拨款收入：指单位从同级财政部门取得的财政预算资金。\n2.其他收入：指单位取得的除上述收入以外的各项收入。\n4.年初结转和结余：指以前年度尚未完成的资金。",
      good="第三部分 名词解释\n1.财政拨款收入：指单位从同级财政部门取得的财政预算资金。\n2.其他收入：指单位取得的除上述收入以外的各项收入。\n3.年初结转和结余：指以前年度尚未完成的资金。")
def numbering_gaps(ctx: CheckContext, out: Reporter) -> None:
    for kind in ("glossary", "general_budget_detail"):
        for section in ctx.outline.find(kind):
            paragraphs_ = ctx.section_paragraphs(section, include_heading=False)
            found = []
            for start, paragraph in paragraphs_:
                n = numbering(paragraph)
                if n is not None and n.level in (NUM, ITEM) and n.title:
                    found.append((n.level, n.number, ctx.locate(start, start + n.prefix_length),
                                  paragraph[: n.prefix_length]))
            # one list, in the style most of its entries are numbered in: "一、单位职责 二、机构设置" then a note's
            # "1、… 2、…" are two lists (a glossary that runs on past a cut contents page)
            style = Counter(level for level, *_ in found).most_common(1)[0][0] if found else None
            entries = [(number, location, raw) for level, number, location, raw in found if level == style]
            if len(entries) >= 2:
                _sequence(ctx, out, entries, paragraphs_)
    _numbered_runs(ctx, out, covered={s.block for k in ("glossary", "general_budget_detail")
                                      for s in ctx.outline.find(k)})
    _parts(ctx, out)
    _inline_lists(ctx, out)
    _indicator_labels(ctx, out)
    _contents(ctx, out)
    _contents_pages(ctx, out)
    _lost_numerals(ctx, out)
    for part in ctx.outline.sections:
        items = [c for c in part.children if c.level == 2]
        if part.kind not in ("explanation", "glossary") and len(items) >= 2 and all(c.number is not None for c in items):
            # the items of any other part (概况, the list of 附表, the annexes), when every one is numbered
            _sequence(ctx, out, [(c.number or 0, c.location, c.title) for c in items], [])
        elif part.kind not in ("explanation", "glossary") and len(items) >= 3:
            _unnumbered_among(out, items)
    for part in ctx.outline.find("explanation"):
        items = [c for c in part.children if c.level == 2]
        if len(items) < 2:
            continue
        out.checked()
        listed = sorted([(c.number, c.location, c.title) for c in items] + _unknown_items(ctx, items),
                        key=lambda e: e[1].start)
        for position, (number, location, title) in enumerate(listed, start=1):
            if number is None:
                out.finding(f"第{position}项说明“{title}”缺少编号", location, expected=f"{position}", evidence=title)
        numbered = [(number, location, title) for number, location, title in listed if number is not None]
        _sequence(ctx, out, numbered, [], allow_gaps=len(numbered) < len(listed))
        if len(numbered) < len(listed):
            # Some items lost their numeral, so gaps between the numbered ones are expected; but an item's number
            # is still its place in the list: the first numbered item that is not, after all before it were, slipped.
            for position, (number, location, title) in enumerate(listed, start=1):
                if number is None or number == position:
                    continue
                if number > position:
                    out.finding(f"编号从{position - 1}跳到{number}，缺少{position}", location,
                                expected=f"{position}", actual=f"{number}", evidence=title)
                break


def _unknown_items(ctx: CheckContext, items: list[Section]) -> list[tuple[int, Location, str]]:
    """The items between two numbered ones whose titles the catalogue does not know ("六、一般公共预算基本支出决算
    情况说明" between 五 and 七), so that the items it knows do not seem to skip a number."""
    found: list[tuple[int, Location, str]] = []
    for a, b in itertools.pairwise(items):
        if a.number is None or b.number is None or b.number <= a.number + 1:
            continue
        for block in ctx.document.blocks[a.block + 1 : b.block]:
            if block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):
                continue
            line = ctx.document.normalized[block.location.start : block.location.end]
            n = numbering(line)
            if n is not None and n.level == ITEM and a.number < n.number <= b.number and is_heading_line(line):
                start = block.location.start + len(line) - len(line.lstrip())
                found.append((n.number, ctx.locate(start, start + n.prefix_length), n.title))
    return found


def _unnumbered_among(out: Reporter, items: list[Section]) -> None:
    """An item the catalogue knows (a 附表's title) without its numeral, in a part whose other items are numbered
    one by one at their places ("七、财政拨款“三公”经费支出决算表" then "政府性基金预算财政拨款收入支出决算表")."""
    numbered = [(k, c.number) for k, c in enumerate(items, start=1) if c.number is not None]
    if len(numbered) < 2 or len(numbered) * 2 <= len(items) or any(n != k for k, n in numbered):
        return
    out.checked()
    for k, item in enumerate(items, start=1):
        # (a title left with only its 、 is told by _lost_numerals)
        if item.number is None and item.kind is not None and k <= len(_CN) - 1 and not item.title.lstrip().startswith("、"):
            out.finding(f"第{k}项“{item.title.strip()}”缺少编号（应为“{_CN[k]}、”）", item.location, expected=f"{_CN[k]}、",
                        evidence=item.title.strip())


# A title that starts a document of its own inside the report (an annex, an evaluation report, a table):
# the numbering of what follows starts again.
_TITLE = re.compile(r"^(?:附件\s*\d*|.{0,40}(?:报告|评价表|自评表|得分表|情况表|决算表|目录|名词解释))\s*$")
_TABLE_TITLE = re.compile(r"(?:评价表|自评表|得分表|情况表|决算表)$")
# The item headings of the evaluation-report templates (一、项目概况 … 五、主要经验及做法、存在的问题及原因分析).
_UNNUMBERED_ITEM = re.compile(r"(?:主要经验及做法|存在的问题及原因分析|存在的问题和建议|有关建议|其他需要说明的问题|评价结论及建议"
                              r"|项目资金管理情况|项目组织实施情况|项目绩效情况)[^。；;:：]{0,30}")
_KEPT = 50  # items kept a list, to look for the first one written in another style
_BOOKMARK = re.compile(r"^\s*(?:\[bookmark:[^\]]{0,200}\]\s*){1,20}")


def _numbered_runs(ctx: CheckContext, out: Reporter, covered: set[int]) -> None:
    """Every numbered list of the text, at every level (一、 （一） 1. （1）): a number repeated, skipped, or a
    list that does not start at 1.

    An item resets the lists below its level; a part heading or the title of an annex starts all lists
    again. The glossary and the 项 lines, checked above, are left out.
    """
    sections = {s.block: s for s in ctx.outline.walk()}
    contents = {entry.block for entry in ctx.outline.contents}
    inside_covered = False
    last: dict[int, int] = {}  # level → the last number seen at that level
    parent_block: dict[int, int] = {}  # level → the block of the last item at that level
    # level → the first items (level, number, start, end, raw) met since the last item above that level
    since_parent: dict[int, list[tuple[int, int, int, int, str]]] = {}
    after_table = False
    held: dict[int, int] = {}  # the lists a table's title interrupted
    table_tail: Numbering | None = None  # the numbered item a table's last cell starts with
    top = PAREN_NUM + 1  # the highest level met so far: in a fragment, a list above it may have begun before the cut
    for index, block in enumerate(ctx.document.blocks):
        if index in sections:
            section = sections[index]
            inside_covered = index in covered
            numbered = numbering(section.title)
            if section.kind in ("annex", "evaluation_report") or (
                    section.level <= 1 and (numbered is None or numbered.level == PART)):
                last.clear()
                since_parent.clear()  # a new document: its first items have no earlier siblings
        if block.kind is BlockKind.TABLE:
            after_table = True
            # a list may begin in the table's last cell ("\t1.以改革调结构…" in a cell, then "2.…" below it)
            cells = [c for row in block.rows for c in row.cells if c.end > c.start]
            table_tail = numbering(ctx.document.normalized[cells[-1].start : cells[-1].end].strip()) if cells else None
            continue
        if block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):
            continue
        text = _BOOKMARK.sub("", ctx.document.normalized[block.location.start : block.location.end])
        lead = block.location.start + len(ctx.document.normalized[block.location.start : block.location.end]) - len(text)
        if BARE_PART.match(text):  # in the contents or the body: "部分  2020年度部门决算表"
            out.finding("部分标题缺少序号（应为“第×部分”）", ctx.locate(lead, lead + 2), evidence=text.strip()[:30])
            last.clear()
            since_parent.clear()
            continue
        n = numbering(text)
        if n is not None and n.level == PART and "分" not in text[: n.prefix_length]:
            # "第三部 2024年度部门决算情况说明": read as a part (text.headings), its 分 lost
            written = text[: n.prefix_length].strip()
            out.finding(f"部分标题“{written}”缺少“分”字（应为“{written}分”）",
                        ctx.locate(lead + text.index(written), lead + text.index(written) + len(written)),
                        evidence=text.strip()[:30])
        if index in contents:
            continue
        follows_table, after_table = after_table, False
        if (follows_table and n is not None and n.number > 1 and table_tail is not None and table_tail.level == n.level
                and n.level not in last):
            last[n.level] = table_tail.number  # (a list starting at 1 again after the table is a list of its own)
        if n is None and ITEM in last and not inside_covered and _UNNUMBERED_ITEM.fullmatch(text.strip()):
            # a standard heading of the evaluation-report template standing among numbered items without its number
            expected = last[ITEM] + 1
            out.finding(f"“{text.strip()}”缺少编号（应为“{_CN[expected]}、”）", ctx.locate(lead, lead + len(text.strip())),
                        expected=f"{_CN[expected]}、", evidence=text.strip())
            last[ITEM] = expected
            continue
        if n is None or n.level == PART:
            if n is not None or _TITLE.match(text.strip()):
                # a table's title inside a list ("1.项目绩效目标完成情况。", the tables, "2.部门绩效评价结果。"): the
                # list goes on after the table; any other document's title ends it
                held = dict(last) if n is None and _TABLE_TITLE.search(text.strip()) else {}
                last.clear()
                since_parent.clear()
            continue
        if (_row_label(ctx, index) or _PIPED_ROW.search(text) is not None
                or (ctx.cut_off and index == len(ctx.document.blocks) - 1)):
            # "一、一般公共服务支出" / "29" / "423.20": a row of a table flattened one cell a line; or the line the
            # text is cut in ("五、经"), whose neighbours are lost
            continue
        if not last and n.level in held:
            last = {k: v for k, v in held.items() if k <= n.level}  # the first item after the table resumes its list
        held = {}
        for level in [k for k in last if k > n.level]:
            del last[level]
        previous = last.get(n.level)
        last[n.level] = n.number
        siblings = since_parent.get(n.level, [])
        item = (n.level, n.number, lead, lead + n.prefix_length, ctx.document.text[lead : lead + n.prefix_length].strip())
        for level in range(PART, PAREN_NUM + 1):
            if level > n.level:
                since_parent[level] = []  # this item is the new parent of the lists below it
            elif len(group := since_parent.setdefault(level, [])) < _KEPT:
                group.append(item)
        parents = [b for level, b in parent_block.items() if level < n.level]
        parent_block = {k: v for k, v in parent_block.items() if k <= n.level} | {n.level: index}
        if (inside_covered and index not in covered) or (index in sections and sections[index].level == 2):
            continue  # checked with their own sequence (the heading of a glossary or of the 项 lines is its list's)
        out.checked()
        unseen_level, top = top > n.level, min(top, n.level)
        location = ctx.locate(lead, lead + n.prefix_length)
        raw = ctx.document.text[lead : lead + n.prefix_length].strip()
        if previous is None or n.number < previous:
            # a list that starts past 1 (unless it began in the table just before: "1." in a cell)
            # (a fragment may begin inside a list)
            lists_began_before = ctx.cut_off or ctx.starts_cut
            if n.number > 1 and not ((previous is None and (follows_table or (lists_began_before and unseen_level)))
                                     or _first_inline(ctx, index, raw, n.number)):
                unnumbered = _unnumbered_first(ctx, max(parents, default=-1), index) if n.number == 2 else None
                if unnumbered is not None:
                    # (or the list itself starts at 2: the item numbered 2 is named with it)
                    out.finding(f"“{unnumbered[1]}”缺少编号1（下一项编为“{raw}”）", unnumbered[0], expected="1",
                                related=[location])
                    continue
                styled = next((i for i in siblings if i[0] != n.level and i[1] == n.number - 1), None)
                if styled is not None:
                    # "（1）…（二）…（三）": the first item written in another style
                    out.finding(f"编号格式不一致：“{styled[4]}”之后是“{raw}”", ctx.locate(styled[2], styled[3]),
                                actual=styled[4])
                    continue
                gap = "、".join(str(k) for k in range(1, min(n.number, 4)))
                out.finding(f"编号从{n.number}开始，缺少{gap}{'等' if n.number > 4 else ''}", location,
                            expected="1", actual=raw)
        elif n.number == previous:
            out.finding(f"编号{n.number}重复", location, actual=raw)
        elif n.number > previous + 1:
            out.finding(f"编号从{previous}跳到{n.number}，缺少{previous + 1}", location,
                        expected=str(previous + 1), actual=str(n.number))


def _first_inline(ctx: CheckContext, index: int, raw: str, number: int) -> bool:
    """The item before this one stands inside a line above: after 其中 or 包括 in the line just before ("其中:(1)公务用车
    购置费…" / "(2)公务用车运行费"), or after spaces in one of the lines before, where headings run together
    ("…决算表(二) 第三部分 2017年度部门决算情况说明 一、收入决算情况说明", then its text, then "二、支出决算情况说明")."""
    blocks = [b for b in reversed(ctx.document.blocks[max(0, index - 3) : index])
              if b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING)]
    if not blocks or number not in _CN:
        return False
    digits = re.sub(r"\d+", str(number - 1), raw) if re.search(r"\d", raw) else raw.replace(_CN[number], _CN[number - 1])
    marker = re.escape(digits.replace("（", "(").replace("）", ")"))
    texts = [ctx.document.normalized[b.location.start : b.location.end] for b in blocks]
    if re.search(rf"(?:其中|包括|分别为|分别是)\s*[:：]?\s*{marker}", texts[0]):
        return True
    return any(re.search(rf"\s{marker}(?=[\u4e00-\u9fff])", text) for text in texts)


# "一、一般公共预算财政拨款收入 | 1 | 440.55 | 一、一般公共服务支出 | 29 | 423.20": a table row whose cells a "|" parts
_PIPED_ROW = re.compile(r"\|\s*-?[\d,]{1,20}(?:\.\d{1,6})?\s*\|")
_BARE_NUMBER = re.compile(r"-?[\d,]{1,20}(?:\.\d{1,6})?")  # matched whole on a stripped block of 30 characters at most


def _row_label(ctx: CheckContext, index: int) -> bool:
    """The block at `index` is followed by two blocks that are bare numbers (a row's 行次 and amount, or two
    amounts): it labels a row of a table whose cells became lines, not an item of a list."""
    following = ctx.document.blocks[index + 1 : index + 3]
    return len(following) == 2 and all(
        b.kind is BlockKind.PARAGRAPH and b.location.end - b.location.start <= 30
        and _BARE_NUMBER.fullmatch(ctx.document.normalized[b.location.start : b.location.end].strip(" \t|"))
        for b in following)


_CONTENTS_TITLE = re.compile(r"(?:说明|情况|情况表|决算表|明细表?|职责|职能|设置|解释|附件|概况)$")


def _contents(ctx: CheckContext, out: Reporter) -> None:
    """The items under each entry of the table of contents: one that lost its numeral among numbered items (only
    when every numbered item stands at its place, so that the unnumbered one is an item and not a title wrapped
    onto a second line), or a list that starts past its first number ("一、概况" followed by "（二）机构设置")."""
    groups: dict[int, list[tuple[str, Location]]] = {}
    parents: list[tuple[int, int, str]] = []  # (level, index, title) of the entries above the current one
    titles: dict[int, str] = {}
    previous_level = 0
    for before, entry in itertools.pairwise(ctx.outline.contents):
        if entry.title.strip() == before.title.strip() and entry.block == before.block + 1:
            out.finding(f"目录中“{entry.title.strip()}”连写了两行", entry.location, evidence=entry.title.strip())
        elif ((a := numbering(before.title.strip())) is not None and (b := numbering(entry.title.strip())) is not None
              and a.level == b.level and b.number == a.number + 1 and a.title.strip() == b.title.strip()
              and len(a.title.strip()) >= 4):
            # "十二、部门整体支出绩效自评表" then "十三、部门整体支出绩效自评表": one item listed twice
            out.finding(f"目录中第{a.number}项和第{b.number}项都是“{b.title.strip()}”", entry.location,
                        evidence=entry.title.strip(), related=[before.location])
    _contents_sublists(ctx, out)
    for index, entry in enumerate(ctx.outline.contents):
        level = entry.level
        if level == 4 and previous_level in (2, 3) and numbering(entry.title.strip()) is None:
            level = previous_level  # a title without its numeral, among items: its level is theirs
        while parents and parents[-1][0] >= level:
            parents.pop()
        if level in (2, 3) and parents:  # items and subsections under a part or an item
            groups.setdefault(parents[-1][1], []).append((entry.title.strip(), entry.location))
        parents.append((level, index, entry.title.strip()))
        titles[index] = entry.title.strip()
        previous_level = level
    for parent, items in groups.items():
        numbers = [numbering(title) for title, _ in items]
        levels = {n.level for n in numbers if n is not None}
        numbered = [(k, n.number) for k, n in enumerate(numbers, start=1) if n is not None]
        if len(levels) != 1 or not numbered:
            continue
        out.checked()
        shift = numbered[0][1] - numbered[0][0]
        if shift > 0 and len(numbered) == len(items) and all(number - k == shift for k, number in numbered):
            first_raw = items[0][0][: numbers[0].prefix_length].strip() if numbers[0] else ""
            out.finding(f"目录中“{titles[parent]}”下的编号从“{first_raw}”开始，缺少前{shift}项", items[0][1], evidence=items[0][0])
            continue
        if len(numbered) == len(items) >= 3 and shift == 0:
            # every item numbered: "九、…" then "十一、…", or "3、" twice
            _contents_run(out, [(n, *items[k - 1]) for k, n in numbered])
            continue
        if len(numbered) < 2 or len(numbered) * 2 <= len(items) or shift != 0 or any(n != k for k, n in numbered):
            continue
        item_level = levels.pop()
        for k, ((title, location), n) in enumerate(zip(items, numbers, strict=True), start=1):
            if (n is None and item_level == ITEM and len(title) >= 6 and _CONTENTS_TITLE.search(title)
                    and not BARE_PART.match(title)):  # "部分  名词解释" is a part that lost its 第×, said above
                if title.startswith(_CN[k]) and not title.startswith(_CN[k] + "、"):
                    # "十一其他重要事项情况说明": the numeral is there, its 、 is not
                    out.finding(f"目录中第{k}项“{title}”的编号“{_CN[k]}”后缺少“、”", location, expected=f"{_CN[k]}、",
                                actual=_CN[k], evidence=title)
                    continue
                out.finding(f"目录中第{k}项“{title}”缺少编号（应为“{_CN[k]}、”）", location, expected=f"{_CN[k]}、",
                            evidence=title)


def _contents_sublists(ctx: CheckContext, out: Reporter) -> None:
    """The lists under a contents item ("三、…" then "1、…", "2、…", "3、…", "3、…"): each run of entries numbered
    1、 2、 … in a row goes on by one."""
    run: list[tuple[int, str, Location]] = []
    for entry in [*ctx.outline.contents, None]:
        n = numbering(entry.title.strip()) if entry is not None else None
        if n is not None and n.level == NUM and (run or n.number == 1):
            assert entry is not None
            run.append((n.number, entry.title.strip(), entry.location))
            continue
        if len(run) >= 3:
            out.checked()
            _contents_run(out, run)
        run = []


def _contents_run(out: Reporter, run: list[tuple[int, str, Location]]) -> None:
    """A run of contents entries numbered in a row (number, title, place): a number repeated or skipped."""
    for (n0, _, _), (n1, title, location) in itertools.pairwise(run):
        if n1 == n0:
            out.finding(f"目录中编号{n1}重复（“{title}”）", location, actual=str(n1), evidence=title)
        elif n1 > n0 + 1:
            out.finding(f"目录中编号从{n0}跳到{n1}，缺少{n0 + 1}", location, expected=str(n0 + 1), actual=str(n1),
                        evidence=title)


def _contents_pages(ctx: CheckContext, out: Reporter) -> None:
    """The page numbers of the table of contents never go down ("四、…公开表…… 6" then "五、…公开表…… 5" then 6)."""
    paged = [e for e in ctx.outline.contents if e.page is not None]
    if len(paged) < 4:
        return
    out.checked()
    for before, entry, after in itertools.zip_longest(paged, paged[1:], paged[2:]):
        if entry is None or before.page is None or entry.page is None:
            break
        # one page out of order between two in order: that one is the slip (a run that restarts is another document)
        if entry.page < before.page and (after is None or (after.page is not None and after.page >= before.page)):
            out.finding(f"目录中“{entry.title.strip()}”的页码为{entry.page}，前一项为{before.page}，页码倒退", entry.location,
                        expected=f"不小于{before.page}", actual=str(entry.page), evidence=entry.title.strip())


# "、国有资产占用情况表": a title whose numeral was lost, its 、 left at the start of the line
_LOST_NUMERAL = re.compile(r"(?m)^" + LOST_NUMERAL.pattern + r"([^\n]{4,60})$")


def _lost_numerals(ctx: CheckContext, out: Reporter) -> None:
    text = ctx.document.normalized
    # the contents check may have said it, with the numeral due
    told = {f.location.line for f in out.findings if f.location.line is not None}
    for m in _LOST_NUMERAL.finditer(text):
        at = m.start() + m.group().index("、")
        if ctx.locate(at, at + 1).line in told:
            continue  # (a PDF's locations have no line: nothing is skipped there)
        out.finding(f"“{m.group(1).strip()[:20]}”行首的“、”前缺少编号", ctx.locate(at, at + 1),
                    evidence=ctx.document.text[m.start() : m.end()].strip())


def _unnumbered_first(ctx: CheckContext, parent: int, here: int) -> tuple[Location, str] | None:
    """The first item of a list written without its number: the first paragraph under the parent item,
    when it is a short title ("项目绩效目标完成情况。") and item 2 follows."""
    if parent < 0:
        return None
    blocks = (b for b in ctx.document.blocks[parent + 1 : min(here, parent + 60)]
              if b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING))
    for block in itertools.islice(blocks, 6):
        text = ctx.document.normalized[block.location.start : block.location.end].strip()
        if (numbering(text) is None and re.fullmatch(r"[^，,；;：:\d]{2,22}(?:情况|结果|概况)[。.]?", text)
                and not is_instruction(text.rstrip("。."))):  # "说明项目资金申报…的相关情况。" is the template's
            return ctx.locate(block.location.start, block.location.end), text.rstrip("。.")
    return None


def _parts(ctx: CheckContext, out: Reporter) -> None:
    """第一部分 … 第五部分: a part heading written without its number ("名词解释" between 第二部分 and
    第四部分), or a part left out altogether."""
    parts = [s for s in ctx.outline.sections if s.level == 1]
    numbered = [p for p in parts if p.number is not None and (n := numbering(p.title)) is not None and n.level == PART]
    if len(numbered) < 2 or numbered[0].number != 1:
        return
    out.checked()
    # an untitled table of contents: the parts up to the first that goes back, all of them titles only
    restart = next((i for i in range(1, len(numbered)) if numbered[i].number <= numbered[i - 1].number), None)
    contents_run = numbered[:restart] if restart and all(ctx.only_titles(p) for p in numbered[:restart]) else []
    expected = 1
    for part in parts:
        n = numbering(part.title) if part.title else None
        if part.number is None or n is None or n.level != PART:
            if (part.title.strip() and n is None and expected <= numbered[-1].number
                    and ctx.outline.meta.layout == "shanghai" and part.kind == "statements"):
                expected += 1  # the Shanghai template titles its tables part without "第二部分": not a slip
            elif part.title.strip() and n is None and expected <= numbered[-1].number:
                out.finding(f"“{part.title.strip()}”缺少“第{_CN[expected]}部分”编号", part.location,
                            expected=f"第{_CN[expected]}部分", evidence=part.title)
                expected += 1
            continue
        if part.number > expected:
            missing = "、".join(f"第{_CN[k]}部分" for k in range(expected, min(part.number, 10)))
            out.finding(f"部分编号从第{_CN[expected - 1]}部分跳到第{_CN[part.number]}部分，缺少{missing}", part.location,
                        expected=f"第{_CN[expected]}部分", evidence=part.title)
        elif part.number < expected:
            earlier = next((p for p in contents_run if p.number == part.number), None)
            if earlier is not None and part not in contents_run:
                # the parts above were an untitled table of contents: the body starts again at 第一部分
                if _HEAD_WORDS.sub("", earlier.title) != _HEAD_WORDS.sub("", part.title):
                    out.finding(f"正文的“{part.title.strip()}”与目录中的“{earlier.title.strip()}”不一致", part.location,
                                expected=earlier.title.strip(), actual=part.title.strip(), related=[earlier.location])
            else:
                out.finding(f"第{_CN[part.number]}部分重复或顺序颠倒", part.location, evidence=part.title)
        expected = max(expected, part.number + 1)


_HEAD_WORDS = re.compile(r"[\s\d.…·]+$|\s+")  # spaces, and page numbers or leaders at the end of a contents line


_CN = {k: cn2an.an2cn(k) for k in range(100)}  # 0 零 … 11 十一 … 99 九十九
# "…8、负责…10、协调…": a list whose items run on inside one paragraph, after a full stop or semicolon.
_INLINE_ITEM = re.compile(r"(?:^|[。；;：:])\s*(\d{1,2})\s*[、．.](?!\d)")


def _inline_lists(ctx: CheckContext, out: Reporter) -> None:
    for start, text in ctx.paragraphs():
        items = list(_INLINE_ITEM.finditer(text))
        # the list begins at its "1、" ("2.机构职能。1、围绕…2、负责…": the paragraph's own number is not in it)
        items = items[next((k for k, m in enumerate(items) if m.group(1) == "1"), len(items)) :]
        if len(items) < 3:
            continue  # a run of at least three items that starts at 1: a list, not a stray number
        out.checked()
        for before, m in itertools.pairwise(items):
            previous, number = int(before.group(1)), int(m.group(1))
            location = ctx.locate(start + m.start(1), start + m.end(1))
            if number == previous:
                out.finding(f"编号{number}重复", location, actual=m.group(1))
            elif number > previous + 1:
                out.finding(f"编号从{previous}跳到{number}，缺少{previous + 1}", location,
                            expected=str(previous + 1), actual=m.group(1))


# A goal table labels its indicators "指标1：…", "指标2：…" under each kind of indicator (数量指标, 质量指标 …).
_INDICATOR_LABEL = re.compile(r"^\s*指标\s*(\d{1,2})\s*[:：]")
_INDICATOR_KIND = re.compile(r"^\s*(?:[一二三]级指标|(?:产出|效益|满意度|数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响"
                             r"|服务对象满意度)(?:指标)?)\s*$")


def _indicator_labels(ctx: CheckContext, out: Reporter) -> None:
    doc = ctx.document
    for table in doc.tables:
        previous: int | None = None  # 0 just after a kind's cell: its first label must be 1
        for row in table.rows:
            for cell in row.cells:
                text = doc.normalized[cell.start : cell.end]
                if _INDICATOR_KIND.match(text):
                    previous = 0
                    continue
                m = _INDICATOR_LABEL.match(text)
                if m is None:
                    continue
                number = int(m.group(1))
                out.checked()
                location = ctx.locate(cell.start + m.start(1), cell.start + m.end(1))
                if number == 1 or previous is None:
                    pass
                elif previous == 0:
                    out.finding(f"指标编号从{number}开始，缺少1", location, expected="1", actual=m.group(1))
                elif number == previous:
                    out.finding(f"指标编号{number}重复", location, actual=m.group(1))
                elif number != previous + 1:
                    out.finding(f"指标编号从{previous}跳到{number}", location, expected=str(previous + 1), actual=m.group(1))
                previous = number


def _sequence(ctx: CheckContext, out: Reporter, entries: list[tuple[int, Location, str]],
              paragraphs_: list[tuple[int, str]], allow_gaps: bool = False) -> None:
    out.checked()
    first, first_location, first_raw = entries[0]
    if first > 1 and not allow_gaps and not ctx.cut_off and not ctx.starts_cut:
        out.finding(f"编号从{first}开始，缺少1", first_location, expected="1", actual=first_raw.strip())
    for (previous, _, _), (number, location, raw) in itertools.pairwise(entries):
        if number == previous:
            out.finding(f"编号{number}重复", location, actual=raw.strip())
        elif number != previous + 1 and not (allow_gaps and number > previous):
            missing = list(range(previous + 1, number)) if number > previous else []
            # "23项目支出：…" is number 23 without its full stop, not a gap
            unmarked = [p for p in paragraphs_ if missing and re.match(rf"^\s*{missing[0]}(?![\d.、．])", p[1])]
            if len(missing) == 1 and unmarked:
                start = unmarked[0][0]
                out.finding(f"编号{missing[0]}后缺少“.”或“、”", ctx.locate(start, start + len(str(missing[0]))),
                            severity=Severity.INFO, actual=str(missing[0]))
                continue
            gap = "、".join(str(k) for k in missing)
            out.finding(f"编号从{previous}跳到{number}" + (f"，缺少{gap}" if gap else ""), location,
                        expected=str(previous + 1), actual=str(number))
