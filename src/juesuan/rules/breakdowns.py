"""Amounts broken down anywhere in the prose ("收入总计7,463.89万元，其中：A 6,760.06万元、B 242.56万元…"): the
parts of a whole cannot add up to more than the whole. (The breakdowns the model knows — 本年收入合计, 基本支出,
“三公”经费 … — are checked exactly by the identities; this covers the rest, evaluation reports included.)"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from juesuan.amounts import number
from juesuan.document import Location
from juesuan.model.figures import Figure
from juesuan.rules.arithmetic import sum_slack
from juesuan.rules.base import (
    BUDGET_WORD,
    GENERIC_AMOUNT_NAME,
    CheckContext,
    Reporter,
    Severity,
    half_digit,
    half_unit,
    rule,
)
from juesuan.rules.blame import said_once, values_written
from juesuan.text.headings import numbering

# Words that make a listed amount something other than a part of the whole: a change, a budget, another time,
# a nested breakdown.
_BUDGET = BUDGET_WORD  # 一般公共预算 and the like name a source, not a budget
_NOT_A_PART = re.compile(rf"增加|减少|增长|下降|增减|比|较|上年|去年|同比|{_BUDGET}|计划|累计|结转|结余|以上|以下|其中|平均|人均|每")
_NOT_A_BUDGET_PART = re.compile(_NOT_A_PART.pattern.replace(f"|{_BUDGET}", ""))  # the parts of a budget are budgets
_BRACKETS = re.compile(r"[（(][^（）()]{0,80}[）)]")
_MONEY = ("万元", "元")
# What opens the list of a whole's parts: 其中, 包括, or a colon right after the amount ("业务运行费40.50万元：…").
_OPENER = re.compile(r"其中|包括|(?<=元)\s*[：:]")
# A sentence that is the list of the amount the one before ends with ("…89.97万元。其中:30万元…"), to the full stop.
_LEADS = re.compile(r"\s*其中\s*[:：]")
_LIST_END = re.compile(r"[。\n]")
_LIST_SPAN = 400  # how far such a list is followed
# A line that ends by announcing the list on the next line ("…支出数为630.78万元，具体如下：").
_FOLLOWS = re.compile(r"(?:具体|明细|分别)?(?:情况)?如下[：:]\s*$")
# The words that measure a whole ("设施设备预算投资额为"): its parts are a partition when each is measured in them
_MEASURE_END = re.compile(r"(?:为|是)?\s*$")
_MEASURE_MAX = 8
_PLANNED = re.compile(r"预算|投资")
_OFTEN = 4  # a sum of three digits written this often is the figure the report means, not a coincidence
_IDENTITY_WHOLES = ("totals.", "basic.", "three_public.", "procurement.", "general_budget.")


def _breakdowns(ctx: CheckContext) -> Iterator[tuple[int, str, re.Match[str], Figure]]:
    """(offset, text, opener, whole) of each amount followed by the list of its parts: in one sentence, the list
    right after the amount; or a line ending in 具体如下： whose first amount is the whole of the next line's list."""
    before: tuple[int, str, re.Match[str]] | None = None  # the last sentence, when it announces a list
    last: tuple[int, str] | None = None  # the last sentence
    for at, said in ctx.sentences():
        if last is not None and _LEADS.match(said) and ctx.document.text[last[0] + len(last[1]) : at].strip() in ("", "。"):
            # "本项目共完成预算资金89.97万元。其中:30万元…;30万元…;29.99万元…。": the list opens the next sentence
            wholes = [f for f in ctx.figures_in(last[1]) if f.unit in _MONEY]
            if wholes and re.fullmatch(r"\s*[。.]?\s*", last[1][wholes[-1].end :]):
                stop = _LIST_END.search(ctx.document.normalized, at, at + _LIST_SPAN)
                joined = ctx.document.normalized[last[0] : stop.start() if stop else at + len(said)]
                opened = _OPENER.search(joined, at - last[0])
                if opened is not None:
                    yield last[0], joined, opened, wholes[-1]
        last = (at, said)
        opener = _OPENER.search(said)
        if opener is not None:
            wholes = [f for f in ctx.figures_in(said[: opener.start()]) if f.unit in _MONEY]
            if wholes and re.fullmatch(r"\s*(?:/年)?\s*[，,：:]?\s*", said[wholes[-1].end : opener.start()]):
                yield at, said, opener, wholes[-1]  # the list must follow its whole at once
        if before is not None and ctx.document.text[before[0] + len(before[1]) : at].strip() == "":
            wholes = [f for f in ctx.figures_in(before[1]) if f.unit in _MONEY]
            if wholes:  # the announcement's place in its sentence is its place in the joined text
                yield before[0], ctx.document.text[before[0] : at + len(said)], before[2], wholes[0]
        follows = _FOLLOWS.search(said)
        before = (at, said, follows) if follows is not None else None


@rule("I116", "identities", Severity.WARNING, "分项金额之和与总数不符",
      "一个金额后面用“其中”“包括”或冒号列出各部分时，各部分之和不能大于这个金额（容许末位的四舍五入）；正文和附件（绩效评价报告）"
      "中都一样。各部分之和小于总数时可能只列了一部分，不算错误（除非总数在报告中仅此一见、而各部分之和正是报告别处多次写到的数）；但所列正是基本支出和项目支出时，二者之和应等于总数。"
      "先逐句列出各部分、再说“总收入为”“合计”的（“…790.21万元，其他收入1.87万元，总收入为792.08万元”），合计应等于各部分之和；"
      "项目绩效目标表中各成本指标的实际完成值（预期值）之和不能大于项目的执行数（预算数）；"
      "一段以金额结尾、其后逐条（1．2．…）以名称和金额开头列出各部分的，也按上面的办法判断。"
      "一笔预算或投资的各部分用的是总数本身的说法（“预算投资额为295.1万元，其中A预算投资额为277.1万元，B预算投资额为18万元”）时，"
      "列的是全部，之和应等于总数。",
      bad="第四部分 附件\n部门整体支出绩效评价报告\n（一）收入情况。2023年，市委办公室收入总计7,463.89万元，其中：市委办公室（本级）"
          "6,760.06万元、市委党史研究室242.56万元、市公务服务中心507.40万元。",
      good="第四部分 附件\n部门整体支出绩效评价报告\n（一）收入情况。2023年，市委办公室收入总计7,463.89万元，其中：市委办公室（本级）"
           "6,760.06万元、市委党史研究室242.56万元、市公务服务中心461.27万元。")
def parts_exceed_whole(ctx: CheckContext, out: Reporter) -> None:
    _parts_then_total(ctx, out)
    _cost_indicators(ctx, out)
    _whole_then_numbered_lines(ctx, out)
    # the breakdowns the identities check (I101–I107) are not judged twice
    modelled = {f.location.start for path, f in ctx.figures if path.startswith(_IDENTITY_WHOLES)}
    judged: set[int] = set()  # a whole followed by two lists (其中 基本/项目, then 具体如下) is reported once
    for at, said, opener, whole in _breakdowns(ctx):
        if at + whole.start in modelled or at + whole.start in judged:
            continue
        if re.search(r"(?:增加|减少|增长|下降|增减|节约|超支)了?\s*$", said[: whole.start]):
            continue  # "…较上年231.5万元,增加21万元,其中:财政拨款收入252.5万元": the list is of the total, not of its change
        listed = _BRACKETS.sub(lambda m: " " * len(m.group()), said[opener.end() :])
        parts = [f for f in ctx.figures_in(listed) if f.unit is not None and f.unit != "%"]
        if len(parts) < 2 or any(p.unit != whole.unit for p in parts):
            continue
        pieces = [listed[(parts[k - 1].end if k else 0) : p.start] for k, p in enumerate(parts)]
        # a budget broken into budgets ("预算投资额为295.1万元，其中…预算投资额为277.1万元") is a whole and its parts
        of_budget = re.search(_BUDGET, said[max(0, whole.start - 12) : whole.start]) is not None
        if any((_NOT_A_BUDGET_PART if of_budget else _NOT_A_PART).search(piece) for piece in pieces):
            continue
        total = sum((p.value for p in parts), Decimal(0))
        out.checked()
        slack = _slack(ctx, whole.value, [p.value for p in parts])
        # 基本支出 and 项目支出 are the whole of a spending, not a part of it; and parts measured in the whole's own
        # words are its partition ("预算投资额为295.1万元，其中A预算投资额为277.1万元，B预算投资额为18万元")
        complete = len(pieces) == 2 and all(re.search(rf"{name}\s*(?:为|是)?\s*$", piece)
                                            for name, piece in zip(("基本支出", "项目支出"), pieces, strict=True))
        measure = _common_measure([said[: whole.start], *pieces])
        # a budget or an investment broken into the budgets of its parts is broken in full; funds received
        # ("转移支付资金1,000.00万元，其中：中央转移支付资金300.00万元…") may list some sources only
        shared = len(measure) >= 3 and not GENERIC_AMOUNT_NAME.fullmatch(measure) and _PLANNED.search(measure) is not None
        a = at + whole.start
        b = at + opener.end() + parts[-1].end
        written = values_written(ctx)
        digits = len(number(total).replace(",", "").replace(".", ""))
        if (total < whole.value - slack and not complete and said_once(ctx, whole.value) and written[total] >= 2
                and (digits >= 4 or (digits == 3 and written[total] >= _OFTEN))):
            # a list that falls short may be partial, unless its sum is the whole the report writes elsewhere and
            # this whole is written nowhere else ("财政预算拨款693.86万元，其中：599.53万元、31.25万元", 630.78 ×5)
            judged.add(a)
            out.finding(f"总数写作{number(whole.value)}{whole.unit}（报告中仅此一见），其中所列各部分之和为"
                        f"{number(total)}{whole.unit}，报告别处{written[total]}次写到这个数", ctx.locate(a, a + whole.end - whole.start),
                        expected=f"{number(total)}{whole.unit}", actual=f"{number(whole.value)}{whole.unit}",
                        evidence=ctx.document.text[a:b][:120])
            continue
        if total <= whole.value + slack and not ((complete or shared) and total < whole.value - slack):
            continue
        judged.add(a)
        if total < whole.value and shared:
            out.finding(f"总数{number(whole.value)}{whole.unit}，其中所列各部分（都是{measure}）之和却是"
                        f"{number(total)}{whole.unit}", ctx.locate(a, b), expected=f"{number(total)}{whole.unit}",
                        actual=f"{number(whole.value)}{whole.unit}", evidence=ctx.document.text[a:b][:120])
            continue
        if total < whole.value:
            out.finding(f"总数{number(whole.value)}{whole.unit}，其中基本支出与项目支出之和却是{number(total)}{whole.unit}",
                        ctx.locate(a, b), expected=f"{number(total)}{whole.unit}",
                        actual=f"{number(whole.value)}{whole.unit}", evidence=ctx.document.text[a:b][:120])
            continue
        out.finding(f"总数{number(whole.value)}{whole.unit}，其中所列各部分之和却是{number(total)}{whole.unit}，大于总数",
                    ctx.locate(a, b), expected=f"不大于{number(whole.value)}{whole.unit}",
                    actual=f"{number(total)}{whole.unit}", evidence=ctx.document.text[a:b][:120])


# "…收入）790.21万元，其他收入—利息收入1.87万元，总收入为792.08万元": the parts, clause by clause, then their total
_TOTAL_CLAUSE = re.compile(r"\s*(?:(?:所以|故|因此)\s*)?(?:总收入|总支出|收入合计|支出合计|合计|共计|总计)(?:为|是|达)?\s*"
                           r"(?=\d[\d,]*(?:\.\d+)?\s*(?:万元|元))")
_CLAUSE = re.compile(r"[^，,；;]+")


def _parts_then_total(ctx: CheckContext, out: Reporter) -> None:
    for at, said in ctx.sentences():
        clauses = [(m.start(), m.group()) for m in _CLAUSE.finditer(said)]
        for k, (c, clause) in enumerate(clauses):
            opened = _TOTAL_CLAUSE.match(clause)
            if opened is None or k < 2:
                continue
            totals = [f for f in ctx.figures_in(clause) if f.unit in _MONEY]
            parts: list[tuple[int, Figure]] = []
            for a, before in reversed(clauses[:k]):
                amounts = [f for f in ctx.figures_in(_BRACKETS.sub(lambda m: " " * len(m.group()), before))
                           if f.unit is not None]
                if len(amounts) != 1 or amounts[0].unit not in _MONEY or _NOT_A_BUDGET_PART.search(before):
                    break
                parts.insert(0, (a, amounts[0]))
            if len(parts) < 2 or not totals or any(p.unit != totals[0].unit for _, p in parts):
                continue
            out.checked()
            whole = totals[0]
            values = [p.value for _, p in parts]
            total = sum(values, Decimal(0))
            if abs(total - whole.value) <= _slack(ctx, whole.value, values):
                continue
            w = at + c + whole.start
            out.finding(f"所列各部分{'+'.join(number(v) for v in values)}={number(total)}{whole.unit}，"
                        f"合计却写作{number(whole.value)}{whole.unit}", ctx.locate(w, at + c + whole.end),
                        expected=f"{number(total)}{whole.unit}", actual=f"{number(whole.value)}{whole.unit}",
                        related=[ctx.locate(at + a + p.start, at + a + p.end) for a, p in parts],
                        evidence=ctx.document.text[at + parts[0][0] : at + c + whole.end][:120])


# "2020年单位预算项目支出申报资金为70.50万元。" then "1．业务运行费40.50万元：…" and "2．招商引资活动经费30万元：…":
# a paragraph that ends in its amount, then numbered lines that each begin with a part's name and amount
_ENDS_IN_AMOUNT = re.compile(r"(?<![\d.,])(\d[\d,]{0,15}(?:\.\d{1,4})?)\s*(万元|元)\s*[。.]?\s*$")
_LINE_PART = re.compile(r"\s*[\u4e00-\u9fff“”（）()]{2,24}?\s*(?:为|是)?\s*(\d[\d,]{0,15}(?:\.\d{1,4})?)\s*(万元|元)")
_MAX_LINES = 12
_LONGEST_LEAD = 120  # a paragraph longer than this that ends in an amount is a paragraph, not the head of a list


def _whole_then_numbered_lines(ctx: CheckContext, out: Reporter) -> None:
    paragraphs = [(start, text) for start, text in ctx.paragraphs() if text.strip()]
    written = values_written(ctx)
    for i, (start, text) in enumerate(paragraphs):
        head = _ENDS_IN_AMOUNT.search(text)
        if head is None or len(text.strip()) > _LONGEST_LEAD or _NOT_A_BUDGET_PART.search(text[: head.start()][-12:]):
            continue
        parts: list[tuple[Decimal, Location]] = []
        for at, line in paragraphs[i + 1 : i + 1 + _MAX_LINES]:
            n = numbering(line)
            m = _LINE_PART.match(line, n.prefix_length) if n is not None and n.number == len(parts) + 1 else None
            if m is None or m.group(2) != head.group(2):
                break
            parts.append((Decimal(m.group(1).replace(",", "")), ctx.locate(at + m.start(1), at + m.end(1))))
        if len(parts) < 2:
            continue
        out.checked()
        whole = Decimal(head.group(1).replace(",", ""))
        values = [v for v, _ in parts]
        total = sum(values, Decimal(0))
        slack = _slack(ctx, whole, values)
        unit = head.group(2)
        where = ctx.locate(start + head.start(1), start + head.end(1))
        related = [place for _, place in parts]
        if total > whole + slack:
            out.finding(f"总数{number(whole)}{unit}，其后逐条列出的各部分之和却是{number(total)}{unit}，大于总数", where,
                        expected=f"不大于{number(whole)}{unit}", actual=f"{number(total)}{unit}", related=related)
        elif total < whole - slack and said_once(ctx, whole) and written[total] >= 2:
            out.finding(f"总数写作{number(whole)}{unit}（报告中仅此一见），其后逐条列出的各部分之和为{number(total)}{unit}，"
                        f"报告别处{written[total]}次写到这个数", where, expected=f"{number(total)}{unit}",
                        actual=f"{number(whole)}{unit}", related=related)


# A cost indicator's value: an amount in 万元 and nothing else ("30万元"), not a unit cost or a ceiling
_COST_VALUE = re.compile(r"\s*(\d[\d,]{0,12}(?:\.\d{1,4})?)\s*万元\s*")
_UNIT_COST = re.compile(r"单价|人均|每|平均|标准|单位成本|/")


def _cost_indicators(ctx: CheckContext, out: Reporter) -> None:
    """The 成本指标 of a goal table are what the project's money was spent on: their actual values cannot add up to
    more than the table's 执行数, nor their expected values to more than its 预算数."""
    text = ctx.document.text
    for table in ctx.disclosure.performance.goal_tables:
        rows: list[tuple[Decimal, Decimal, Location, Location]] = []
        in_cost = False
        for indicator in table.indicators:
            cells = indicator.cells
            if len(cells) < 4:
                continue
            heads = [c for c in cells[:-3] if c.strip()]
            if heads:
                in_cost = any("成本" in c for c in heads)
            expected, actual = (_COST_VALUE.fullmatch(c) for c in cells[-2:])
            if not in_cost or expected is None or actual is None or _UNIT_COST.search(cells[-3]):
                continue
            span = text[indicator.location.start : indicator.location.end]
            b = span.rfind(actual.group(1))
            a = span.rfind(expected.group(1), 0, b)
            if a < 0 or b < 0:
                continue
            at = indicator.location.start
            rows.append((Decimal(expected.group(1).replace(",", "")), Decimal(actual.group(1).replace(",", "")),
                         ctx.locate(at + a, at + a + len(expected.group(1))),
                         ctx.locate(at + b, at + b + len(actual.group(1)))))
        if len(rows) < 2:
            continue
        for k, wholes, what in ((1, table.executed, "执行数"), (0, table.budget, "预算数")):
            whole = next((w for w in wholes if w.unit == "万元"), None)
            if whole is None:
                continue
            out.checked()
            values = [row[k] for row in rows]
            total = sum(values, Decimal(0))
            if total <= whole.value + _slack(ctx, whole.value, values):
                continue
            kind = "实际完成值" if k else "预期值"
            written = "+".join(text[row[2 + k].start : row[2 + k].end] for row in rows)  # as the table writes them
            out.finding(f"成本指标的{kind}之和{written}={number(total)}万元，"
                        f"大于项目{what}{number(whole.value)}万元", whole.location,
                        expected=f"不大于{number(whole.value)}万元", actual=f"{number(total)}万元",
                        related=[row[2 + k] for row in rows])


def _common_measure(labels: list[str]) -> str:
    """The Chinese words every label ends with, before its 为 ("…项目预算投资额为", "…等保测评预算投资额为": 预算投资额)."""
    ends = [_MEASURE_END.sub("", label)[-_MEASURE_MAX:] for label in labels]
    n = 0
    while n < _MEASURE_MAX and all(len(e) > n and "\u4e00" <= e[-1 - n] <= "\u9fff" and e[-1 - n] == ends[0][-1 - n] for e in ends):
        n += 1
    return ends[0][len(ends[0]) - n :] if n else ""


def _slack(ctx: CheckContext, whole: Decimal, parts: list[Decimal]) -> Decimal:
    """How far a list's sum may stand from its whole by rounding alone, its whole numbers taken as written exactly."""
    return sum_slack(*_as_exact(whole, parts), ctx.tolerance)


def _as_exact(whole: Decimal, parts: list[Decimal]) -> tuple[Decimal, list[Decimal]]:
    """Whole numbers in a list that also has amounts to the cent ("业务运行费40.50万元：…3万元、…30万元、…2.50万元")
    were written without their zeros: they are as exact as the others, not rounded to 万元 (as same_precision)."""
    exponents = [e for v in (whole, *parts) if isinstance(e := v.as_tuple().exponent, int)]
    finest = min(exponents, default=0)
    if finest >= 0:
        return whole, parts
    step = Decimal(1).scaleb(finest)
    return (whole.quantize(step) if whole == whole.to_integral_value() else whole,
            [p.quantize(step) if p == p.to_integral_value() else p for p in parts])


# "项目收入共计7,433.94万元，当年实际支出7,390.99万元，结转42.95万元": what came in less what was spent is what
# is carried over. Only when the sentence speaks of nothing carried in (年初, 上年).
_INCOME_SPENT_CARRIED = re.compile(
    r"收入(?:共计|合计|总计)?(?:为|是|达)?\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)[，,]\s*[^，,。；;]{0,12}?支出(?:共计|合计|总计)?(?:为|是|达)?"
    r"\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)[，,]\s*[^，,。；;]{0,6}?结(?:转|余|转和结余|转结余)(?:资金)?(?:为|是)?\s*(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")


@rule("I117", "identities", Severity.WARNING, "收入减支出不等于结转",
      "一句话先后给出收入、支出和结转（结余）金额时（“项目收入共计X万元，当年实际支出Y万元，结转Z万元”），"
      "结转应等于收入减支出（容许末位的四舍五入）；句中说到年初或上年结转时不判断。",
      bad="第四部分 附件\n部门整体支出绩效评价报告\n（一）评价结论。财政拨款项目收入共计7,433.94万元，当年实际支出7,390.99万元，结转47.25万元。",
      good="第四部分 附件\n部门整体支出绩效评价报告\n（一）评价结论。财政拨款项目收入共计7,433.94万元，当年实际支出7,390.99万元，结转42.95万元。")
def carried_over(ctx: CheckContext, out: Reporter) -> None:
    for at, said in ctx.sentences():
        if re.search(r"年初|上年|去年|以前年度", said):
            continue
        for m in _INCOME_SPENT_CARRIED.finditer(said):
            if len({m.group(2), m.group(4), m.group(6)}) != 1:
                continue
            income, spent, carried = (Decimal(m.group(k).replace(",", "")) for k in (1, 3, 5))
            out.checked()
            if abs(income - spent - carried) <= sum_slack(income, [spent, carried], ctx.tolerance):
                continue
            a, b = at + m.start(5), at + m.end(5)
            unit = m.group(6)
            out.finding(f"收入{number(income)}{unit}减支出{number(spent)}{unit}为{number(income - spent)}{unit}，"
                        f"结转却写作{number(carried)}{unit}", ctx.locate(a, b),
                        expected=f"{number(income - spent)}{unit}", actual=f"{number(carried)}{unit}",
                        evidence=said[m.start() : m.end()][:120])


# "2023年度年末结转和结余0万元,较上年决算数无增减" (or 增加/减少 Y万元): last year's year-end, which is this year's 年初.
_YEAR_END_CHANGE = re.compile(
    r"年末结转和?结余(?:资金)?(?:为|是|共计)?\s*(?P<end>\d[\d,]*(?:\.\d+)?)\s*万元[^。；;]{0,20}?(?:较|比|与)\s*"
    r"(?:上年|上一年|去年|20\d\d\s*年度?)[^，,。；;\d]{0,8}?(?:(?P<dir>增加|减少)了?\s*(?P<change>\d[\d,]*(?:\.\d+)?)\s*万元"
    r"|(?P<flat>无增减|持平|无变化|相同|一致))")


@rule("I120", "identities", Severity.WARNING, "年初结转和结余与上年年末不符",
      "本年的年初结转和结余就是上年的年末结转和结余。说明给出本年年末结转和结余及其比上年的增减时，由此推得的上年年末数"
      "应等于本年的年初结转和结余（容许末位的四舍五入）。",
      bad="一、收入支出决算总体情况说明\n2023年度收入合计4,873.88万元，年初结转和结余93.1万元。\n"
          "三、结转结余情况\n2023年度年末结转和结余0万元，较上年决算数无增减。",
      good="一、收入支出决算总体情况说明\n2023年度收入合计4,873.88万元，年初结转和结余93.1万元。\n"
           "三、结转结余情况\n2023年度年末结转和结余0万元，较上年决算数减少93.1万元。")
def carry_over_from_last_year(ctx: CheckContext, out: Reporter) -> None:
    begin = ctx.disclosure.totals.carryover_begin
    if begin is None or not begin.amount:
        return
    start = begin.amount[0]
    for at, said in ctx.sentences():
        for m in _YEAR_END_CHANGE.finditer(said):
            end = Decimal(m.group("end").replace(",", ""))
            change = Decimal(0) if m.group("flat") else Decimal(m.group("change").replace(",", ""))
            last_end = end - change if m.group("dir") == "增加" else end + change
            out.checked()
            slack = half_digit(end) + half_digit(change) + half_unit(start) + ctx.tolerance.money_slack
            if abs(last_end - start.value) <= slack:
                continue
            told = m.group("flat") or f"{m.group('dir')}{m.group('change')}万元"
            a, b = at + m.start(), at + m.end()
            out.finding(f"年初结转和结余为{start.raw}，应等于上年年末结转和结余；而按年末{m.group('end')}万元、较上年“{told}”，"
                        f"上年年末为{number(last_end)}万元", ctx.locate(a, b), expected=f"{number(last_end)}万元",
                        actual=start.raw, evidence=said[m.start() : m.end()][:120])
