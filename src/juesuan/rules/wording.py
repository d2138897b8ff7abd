"""Wording: direction words that contradict each other or the figures."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from juesuan.document import BlockKind, Location
from juesuan.outline.sections import Section
from juesuan.places import place
from juesuan.rules.base import MAX_PARAGRAPH, CheckContext, Reporter, Severity, rule
from juesuan.text.headings import ITEM, is_heading_line, numbering
from juesuan.text.words import doubled_word

# "增加A万元，下降B%", "增长A万元，下降B%", "各减少了A万元和B万元，分别增长x%和y%"
_AMOUNT = r"\d[\d,]*\.?\d*\s*万元"
_CONTRADICTION = re.compile(rf"(增加|减少|增长|下降)(?:了)?\s*{_AMOUNT}(?:\s*[和、]\s*{_AMOUNT})?\s*[，,]\s*(?:分别)?(增长|下降)")


@rule("W101", "wording", Severity.ERROR, "增减方向前后矛盾",
      "“增加……下降”“减少……增长”前后矛盾。",
      bad="十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n2020年，机关运行经费支出380.64万元，比2019年增加91.49万元，下降31.64%。",
      good="十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n2020年，机关运行经费支出380.64万元，比2019年增加91.49万元，增长31.64%。")
def direction_words(ctx: CheckContext, out: Reporter) -> None:
    for start, text in ctx.paragraphs():
        for m in _CONTRADICTION.finditer(text):
            if text[max(0, m.start() - 1) : m.start()] == "/" or text[m.end() : m.end() + 1] == "/":
                continue  # "增加/减少…增长/下降" is template residue (P101), not a contradiction
            out.checked()
            if (m.group(1) in ("增加", "增长")) != (m.group(2) == "增长"):
                out.finding(f"前面说“{m.group(1)}”，后面说“{m.group(2)}”", ctx.locate(start + m.start(2), start + m.end(2)),
                            evidence=ctx.document.text[start + m.start() : start + m.end()])


# "比2019年减少了5.43万元" in one section and "比2019年增加了5.43万元" in another: one change told both ways. A precise
# amount (two decimals, not 0) against the same year is one fact.
_CHANGE_ON_YEAR = re.compile(r"(?:比|较|与)\s*((?:19|20)\d\d)\s*年度?(?:决算数?)?(?:相比)?[，,]?\s*"
                             r"[\u4e00-\u9fff“”（）()]{0,20}?(增加|减少|增长|下降)了?\s*(\d[\d,]*\.\d{2})\s*万元")


@rule("W106", "wording", Severity.WARNING, "同一增减额前后方向相反",
      "同一笔比上年的增减额（比同一年份、金额相同）在报告中说了两次，一处说增加、一处说减少，必有一处写反；"
      "报告与多数说法不同的一处，两处各一时报告后一处。",
      bad="七、“三公”经费财政拨款支出决算情况说明\n公务用车运行维护费比2019年减少了5.43万元。\n"
          "2.公务用车购置及运行维护费支出5.89万元。公务用车购置及运行维护费支出决算比2019年增加了5.43万元。",
      good="七、“三公”经费财政拨款支出决算情况说明\n公务用车运行维护费比2019年减少了5.43万元。\n"
           "2.公务用车购置及运行维护费支出5.89万元。公务用车购置及运行维护费支出决算比2019年减少了5.43万元。")
def change_told_both_ways(ctx: CheckContext, out: Reporter) -> None:
    told: dict[tuple[str, str], list[tuple[bool, int, int, str]]] = defaultdict(list)
    for start, text in ctx.paragraphs():
        for m in _CHANGE_ON_YEAR.finditer(text):
            if Decimal(m.group(3).replace(",", "")) == 0:
                continue
            told[(m.group(1), m.group(3).replace(",", ""))].append(
                (m.group(2) in ("增加", "增长"), start + m.start(2), start + m.end(2), m.group(2)))
    for statements in told.values():
        if len(statements) < 2:
            continue
        out.checked()
        ups = [s for s in statements if s[0]]
        downs = [s for s in statements if not s[0]]
        if not ups or not downs:
            continue
        odd = ups if len(ups) < len(downs) else downs if len(downs) < len(ups) else [statements[-1]]
        other = next(s for s in statements if s[0] != odd[0][0])
        for _, a, b, word in odd:
            out.finding(f"同一增减额在{place(ctx.locate(other[1], other[2]))}说“{other[3]}”，这里说“{word}”",
                        ctx.locate(a, b), expected=other[3], actual=word,
                        evidence=ctx.document.text[max(0, a - 16) : b + 10])


# "本年较上年增加了13.50万元，主要是：本年压缩了业务运行费…": the reason tells the other way. Only a reason about
# this year (one that speaks of last year — "2022年未发生公务接待费" — explains the change from there).
_CHANGE_THEN_REASON = re.compile(r"(增加|减少|增长|下降)了?\s*\d[\d,]*(?:\.\d+)?\s*万元[^。]{0,30}?(?:。\s*)?[^。]{0,6}?"
                                 r"主要(?:原因)?(?:是|为|系)[:：]?([^。]{2,80})")
_MORE = re.compile(r"增加|增长|新增|提高|上涨|上升|增多|较多|扩大|追加|调增")
_LESS = re.compile(r"减少|下降|压缩|节约|缩减|取消|降低|减半|调减|压减")
_LAST_YEAR = re.compile(r"上年|去年|上一年|同期|(?:19|20)\d\d")
# "主要原因是：市委党史研究室2022年未发生公务接待费": nothing spent last year, so this year's change is an increase
_NONE_LAST_YEAR = re.compile(r"(?:上年|去年|上一年|((?:19|20)\d\d)年度?)[^，,。；;\d]{0,4}?(?:未发生|未产生|无此项|没有发生|未安排|未列支)")


@rule("W107", "wording", Severity.WARNING, "增减方向与所说原因相反",
      "说“增加”却以压缩、节约、减少等为原因，或说“减少”却以增加、新增、提高等为原因，多半是增减写反了"
      "（原因说到上年时不判断：上年的减少正是本年增加的原因；但原因是上年没有发生这项支出时，只能是增加）。",
      bad="十、其他重要事项的情况说明\n本年较上年增加了13.50万元,主要是：本年压缩了业务运行费和招商引资活动经费的支出。",
      good="十、其他重要事项的情况说明\n本年较上年减少了13.50万元,主要是：本年压缩了业务运行费和招商引资活动经费的支出。")
def reason_against_direction(ctx: CheckContext, out: Reporter) -> None:
    for start, text in ctx.paragraphs():
        for m in _CHANGE_THEN_REASON.finditer(text):
            reason = m.group(2)
            none = _NONE_LAST_YEAR.search(reason)
            if (none is not None and m.group(1) in ("减少", "下降")
                    and (none.group(1) is None or ctx.year is None or int(none.group(1)) == ctx.year - 1)):
                out.checked()
                out.finding(f"说“{m.group(1)}”，所说原因却是上年没有这项支出（“{none.group()}”），只能是增加",
                            ctx.locate(start + m.start(1), start + m.end(1)), evidence=text[m.start() : m.end()][:80])
                continue
            if _LAST_YEAR.search(reason):
                continue
            out.checked()
            more, less = _MORE.search(reason), _LESS.search(reason)
            against, along = (less, more) if m.group(1) in ("增加", "增长") else (more, less)
            if against is not None and along is None:
                out.finding(f"说“{m.group(1)}”，所说原因却是“{against.group()}”",
                            ctx.locate(start + m.start(1), start + m.end(1)), evidence=text[m.start() : m.end()][:80])


# A word of two to eight characters written twice in a row ("财政拨款财政拨款", "主要是主要是"), or a function
# character doubled ("主要是是", "的的"). Doubled characters that are words (常常, 等等, 了了) are not in the set.
_DOUBLED_WORD = re.compile(r"([\u4e00-\u9fff]{3,8})\1")
# "与2021年度预算相比,与2021年度预算相比持平": a clause written twice, a comma between
_DOUBLED_CLAUSE = re.compile(r"([\u4e00-\u9fff\d]{6,20})[,，]\1")
_DOUBLED_CHAR = re.compile(r"([的是在为对将从把被与及于])\1")
_DOUBLED_PUNCTUATION = re.compile(r"[,、;。][,、;。]")  # normalised text: "，，" "。，" "、，"
# Two characters twice in a row are often two words ("监测预测预警"): jieba's word boundaries decide.
_DOUBLED_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2})\1)")


@rule("W102", "wording", Severity.WARNING, "字词或标点重复",
      "同一个词连写两遍（“财政拨款财政拨款”“主要是主要是”）、同一个短语隔着逗号连写两遍（“与2021年度预算相比，与2021年度预算相比持平”）、"
      "同一句中一个十字以上、不含数字的分句又写了一遍（或只改了一个字：“拟定全县水务发展规划和政策……拟订全县水务发展规划和政策”）、虚词重复（“主要是是”）或标点连用（“，，”“。，”“、，”）多半是笔误。",
      bad="十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n2020年，机关运行经费支出380.64万元，增加原因主要是主要是公务用车运行维护费增加。",
      good="十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n2020年，机关运行经费支出380.64万元，增加原因主要是公务用车运行维护费增加。")
def doubled_words(ctx: CheckContext, out: Reporter) -> None:
    for start, text in [*ctx.paragraphs(), *ctx.cells()]:
        out.checked()
        found = [*_DOUBLED_WORD.finditer(text), *_pairs(text),
                 *(m for m in _DOUBLED_CLAUSE.finditer(text) if len(re.findall(r"[\u4e00-\u9fff]", m.group(1))) >= 4),
                 *(m for m in _DOUBLED_CHAR.finditer(text) if not _reduplicated(text, m.start()))]
        reported_to = -1  # end of the last reported match: matches are taken in order of their start
        for m in sorted(found, key=lambda m: m.start()):
            if m.start() < reported_to:
                continue  # "是是" inside "主要是主要是" is the same slip
            reported_to = m.end()
            word = ctx.document.text[start + m.start(1) : start + m.end(1)]
            out.finding(f"“{word}”连写了两遍", ctx.locate(start + m.start(), start + m.end()), expected=word,
                        actual=ctx.document.text[start + m.start() : start + m.end()],
                        evidence=ctx.document.text[start + max(0, m.start() - 10) : start + m.end() + 10])
        for a, b, first in _repeated_clauses(text):
            clause = ctx.document.text[start + a : start + b]
            out.finding(f"同一句中“{clause}”写了两遍（前面已有“{first}”）", ctx.locate(start + a, start + b), actual=clause,
                        evidence=clause)
        for m in _DOUBLED_PUNCTUATION.finditer(text):
            marks = ctx.document.text[start + m.start() : start + m.end()]
            out.finding(f"标点“{marks}”连用", ctx.locate(start + m.start(), start + m.end()), actual=marks,
                        evidence=ctx.document.text[start + max(0, m.start() - 10) : start + m.end() + 10])


@rule("W108", "wording", Severity.WARNING, "引号或括号不成对",
      "中文的左引号“和右引号”应成对出现：一段文字中出现没有左引号的右引号（“对外宣传””深化改革”）、"
      "左引号之后未闭合又出现左引号，或段末仍未闭合，多半是漏打或错打了引号。文号中年份的括号也应成对"
      "（“渝北委【2001221号”漏了“】”）。圆括号也一样：左括号到段末都没有闭合（“平均得分99.33分（其中，绩效评级为…。”），"
      "或右括号前没有左括号（“上海市青浦区图书馆(上海市青浦区青杏科技图书馆))概况”），列表编号“1）”除外。",
      bad="七、预算绩效管理情况说明\n本部门在2020年度部门决算中反映“对外宣传””深化改革”“对外开放”3个项目绩效目标实际完成情况。",
      good="七、预算绩效管理情况说明\n本部门在2020年度部门决算中反映“对外宣传”“深化改革”“对外开放”3个项目绩效目标实际完成情况。")
def unpaired_quotes(ctx: CheckContext, out: Reporter) -> None:
    brackets: list[tuple[int, int, str]] = []  # (paragraph start, offset in it, what is wrong)
    for start, text in ctx.paragraphs():
        for m in _BROKEN_FILE_NUMBER.finditer(text[:MAX_PARAGRAPH]):
            out.finding("文号的年份括号不成对（应为“〔2020〕12号”的形式）", ctx.locate(start + m.start(), start + m.end()),
                        actual=ctx.document.text[start + m.start() : start + m.end()],
                        evidence=ctx.document.text[start + max(0, m.start() - 8) : start + m.end() + 4])
        bracket = _unclosed_bracket(text[:MAX_PARAGRAPH])
        if bracket is not None and not (bracket[1].endswith("没有闭合") and ctx.may_be_cut(start + bracket[0])):
            brackets.append((start, *bracket))
        if "“" not in text and "”" not in text:
            continue
        out.checked()
        slip = _unpaired(text[:MAX_PARAGRAPH])
        if slip is not None and slip[1].endswith("没有闭合") and ctx.may_be_cut(start + slip[0]):
            continue  # "二、“三公" at the end of a cut text: the rest of the title is lost, not its quote
        if slip is not None:
            at, what = slip
            out.finding(f"引号不成对：{what}", ctx.locate(start + at, start + at + 1), actual=text[at],
                        evidence=ctx.document.text[start + max(0, at - 12) : start + at + 12])
    whole = ctx.document.text
    for k, (start, at, what) in enumerate(brackets):
        # a bracket opened at a paragraph's end and closed at the next one's start: a line break inside it
        opened_before = k and brackets[k - 1][2].endswith("没有闭合") and _next_paragraph(whole, brackets[k - 1][0], start)
        closed_after = (k + 1 < len(brackets) and not brackets[k + 1][2].endswith("没有闭合")
                        and _next_paragraph(whole, start, brackets[k + 1][0]))
        if (what.endswith("没有闭合") and closed_after) or (not what.endswith("没有闭合") and opened_before):
            continue
        out.finding(f"括号不成对：{what}", ctx.locate(start + at, start + at + 1), actual=whole[start + at],
                    evidence=whole[start + max(0, at - 12) : start + at + 12])


def _next_paragraph(text: str, first: int, second: int) -> bool:
    """The paragraph at `second` is the one right after the paragraph at `first`."""
    return text.find("\n", first, second) == text.rfind("\n", first, second) != -1


# A file number whose year lost one of its brackets: "渝北委【2001221号" (【2001】221号), "川办发2020〕12号".
_BROKEN_FILE_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])[〔【\[](?:19|20)\d{2}\d{1,4}号|(?<=[\u4e00-\u9fff])(?:19|20)\d{2}[〕】\]]\d{1,4}号")


# searched in the five characters before a bracket only
_LABEL_BEFORE = re.compile(r"(?:^|(?<=[：:；;，,。、\s]))\s*(?:\d{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})\s*$")


def _unclosed_bracket(text: str) -> tuple[int, str] | None:
    """A round bracket of `text` without its partner: one opened and never closed by the paragraph's end, or one
    closed that was never opened (a list label aside: "1）", "存在的问题：1）…；2）…", "a)")."""
    opened: list[int] = []
    for at, mark in enumerate(text):
        if mark in "（(":
            opened.append(at)
        elif mark in "）)":
            if opened:
                opened.pop()
            elif not _LABEL_BEFORE.search(text, max(0, at - 5), at):
                return at, "右括号之前没有对应的左括号"
    return (opened[0], "左括号到段末都没有闭合") if opened else None


def _unpaired(text: str) -> tuple[int, str] | None:
    """The first quotation mark of `text` that has no partner: (offset, what is wrong)."""
    opened: int | None = None
    for at, mark in enumerate(text):
        if mark == "“":
            if opened is not None:
                return opened, "左引号“之后没有右引号就又出现了左引号"
            opened = at
        elif mark == "”":
            if opened is None:
                return at, "右引号”之前没有对应的左引号"
            opened = None
    return (opened, "左引号“到段末都没有闭合") if opened is not None else None


_CLAUSE = re.compile(r"[^,，;；。:：!?！？]+")
_SENTENCE_END = re.compile(r"[;；。!?！？]")
_MAX_CLAUSES = 80  # per paragraph: the clauses are compared pair by pair


def _repeated_clauses(text: str) -> list[tuple[int, int, str]]:
    """A clause of ten characters or more, without figures, written again later in its sentence, the same or
    with one character changed ("拟定全县水务发展规划和政策,……, 拟订全县水务发展规划和政策"): (start, end, the first)."""
    clauses = []
    for m in _CLAUSE.finditer(text):
        clause = m.group().strip()
        if len(clause) >= 10 and len(re.findall(r"[\u4e00-\u9fff]", clause)) >= 10 and not re.search(r"\d", clause):
            a = m.start() + m.group().index(clause)
            clauses.append((a, a + len(clause), clause))
        if len(clauses) >= _MAX_CLAUSES:
            break
    found = []
    for n, (a, b, clause) in enumerate(clauses):
        # within one sentence: items of a list may give the same reason ("…,原因为落实中央八项规定精神;…")
        earlier = next((c for e, _, c in clauses[:n] if len(c) == len(clause) and not _SENTENCE_END.search(text, e, a)
                        and sum(x != y for x, y in zip(c, clause, strict=True)) <= 1), None)
        if earlier is not None:
            found.append((a, b, earlier))
    return found


_MAX_PAIRS = 200


def _pairs(text: str) -> list[re.Match[str]]:
    """"会议会议": two characters written twice that are one word twice (a zero-width match, widened)."""
    found = []
    tried = 0
    for m in _DOUBLED_PAIR.finditer(text):
        if text[m.start()] == text[m.start() + 1]:
            continue  # "收收收收" is a doubled character, which _DOUBLED_CHAR judges
        tried += 1
        if tried > _MAX_PAIRS:
            break  # only a garbled text has more; each costs a word segmentation
        if doubled_word(text, m.start(), 2):
            wide = re.compile(r"(..)\1").match(text, m.start())
            if wide:
                found.append(wide)
    return found


def _reduplicated(text: str, at: int) -> bool:
    """"实实在在", "的的确确": a doubled character next to another doubled one is a word, not a slip."""
    return (at >= 2 and text[at - 2] == text[at - 1]) or text[at + 2 : at + 3] == text[at + 3 : at + 4] != ""


# Sentences cut off or run together: a standard sentence start glued to the end of another, a time limit
# without its number. Each (pattern, what is wrong).
_BROKEN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<=[\u4e00-\u9fff])(?<![一二三四五六七八九十两几个数])(?:个工作)?日内"), "时限缺少天数"),
    (re.compile(r"(?<=[\u4e00-\u9fff])(?<![不就还也都即又正乃则便总凡第])[二三四五六七八九十]是"), "两句连写，前面缺少标点"),
    (re.compile(r"(?<=[\u4e00-\u9fff\d])目标\d{1,2}完成情况"), "两句连写，前面缺少标点"),
    (re.compile(r"(?<=[\u4e00-\u9fff])(?<![有无置中下及和的增])单价\s*\d+\s*万元以上"), "前一句没有写完，与下一句连在一起"),
    (re.compile(r"(?:共计|合计|共有|累计)\s*[,，、]\s*(?=\d)"), "数字前多了标点，可能漏填了内容"),
    (re.compile(r"一般公共决算(?!报告)"), "“一般公共决算”应为“一般公共预算”"),
    # "第二部分度部门决算情况说明": the year taken out of "2020年度"
    (re.compile(r"(?<![年\d〇零一二三四五六七八九十])度\s*(?:部门|单位)(?:决算|预算)"), "“年度”前缺少年份"),
    # "县政府办2019度部门决算批复": the 年 left out of "2019年度"
    (re.compile(r"(?<!\d)(?:19|20)\d{2}\s*度(?=\s*(?:部门|单位)?(?:决算|预算))"), "年份后缺少“年”字"),
    # "较上一度增加1193.20万元": the 年 of "上一年度" left out
    (re.compile(r"(?:比|较|与|同)上一?度(?!量)"), "“上年度”缺少“年”字"),
    # "批复时间: 2022  12  17": a date whose 年、月、日 were lost (Word's date field, on the way to a web page)
    (re.compile(r"(?:时间|日期)\s*[:：]\s*20\d{2}\s+\d{1,2}\s+\d{1,2}(?!\d)"), "日期缺少“年”“月”“日”"),
    # "488.8. 万元": a second decimal point
    (re.compile(r"(?<![\d.])\d{1,12}\.\d{1,6}\.\s*(?=万元|元|%)"), "数字中多了一个小数点"),
]


@rule("W104", "wording", Severity.WARNING, "句子残缺或两句连写",
      "句子中间缺字（“在财政部门批复日内”缺少天数），或前一句没有写完就接上了下一句（“对接落实八是完成了…”"
      "“主要是用于日常单价50万元以上通用设备…”），或删去了年份（“第二部分度部门决算情况说明”）或“年”字（“2019度部门决算”“较上一度增加”）、日期丢了年月日（“批复时间: 2022  12  17”）、数字多了小数点（“488.8. 万元”），"
      "多半是编辑时删改留下的。",
      bad="十、其他重要事项的情况说明\n（三）国有资产占有使用情况\n其他用车主要是用于日常单价50万元以上通用设备0台（套）。",
      good="十、其他重要事项的情况说明\n（三）国有资产占有使用情况\n其他用车主要是用于日常工作。单价50万元以上通用设备0台（套）。")
def broken_sentences(ctx: CheckContext, out: Reporter) -> None:
    for start, text in [*ctx.paragraphs(), *ctx.cells()]:
        out.checked()
        for pattern, what in _BROKEN:
            for m in pattern.finditer(text):
                out.finding(what, ctx.locate(start + m.start(), start + m.end()),
                            evidence=ctx.document.text[start + max(0, m.start() - 12) : start + m.end() + 6])


# The standard titles of the parts, items and tables, and the variants the provinces use, as written.
_TITLES = """收入支出决算总表 收入决算表 支出决算表 财政拨款收入支出决算总表 一般公共预算财政拨款支出决算表
    一般公共预算财政拨款支出决算明细表 一般公共预算财政拨款基本支出决算表 一般公共预算财政拨款基本支出决算明细表
    一般公共预算财政拨款三公经费支出决算表 财政拨款三公经费支出决算表 政府性基金预算财政拨款收入支出决算表
    国有资本经营预算财政拨款支出决算表 国有资本经营预算财政拨款收入支出决算表 项目支出决算表 部门概况 单位概况 名词解释
    部门决算表 单位决算表 部门决算报表 单位决算报表 部门决算情况说明 单位决算情况说明 收入支出决算总体情况说明 收入决算情况说明
    支出决算情况说明 财政拨款收入支出决算总体情况说明 一般公共预算财政拨款支出决算情况说明 一般公共预算财政拨款基本支出决算情况说明
    政府性基金预算支出决算情况说明 国有资本经营预算支出决算情况说明 其他重要事项的情况说明 其他重要事项情况说明 机关运行经费支出情况
    政府采购支出情况 国有资产占有使用情况 预算绩效管理情况 主要职能 主要职责 部门主要职责 部门主要职能 单位主要职责 单位主要职能
    机构设置 收入支出决算表 财政拨款收入支出决算表 收入决算总表 支出决算总表 财政拨款支出决算明细表
    一般公共预算财政拨款项目支出决算表"""
_STANDARD_TITLES = frozenset(_TITLES.split())
_TITLE_NOISE = re.compile(r"PAGEREF\s*_?Toc\d*\s*\\?h?\s*\d*|\.{2,}.*$|…{2,}.*$|\s+\d+\s*$")


def _one_slip(title: str, standard: str) -> bool:
    """`title` is `standard` with one character left out or one character wrong."""
    if len(title) == len(standard):
        return sum(a != b for a, b in zip(title, standard, strict=True)) == 1
    return len(standard) == len(title) + 1 and any(standard[:i] + standard[i + 1 :] == title for i in range(len(standard)))


@rule("W105", "wording", Severity.WARNING, "标题有错字或漏字",
      "目录和正文中的部分、说明事项和决算表的标题，与标准标题只差一个字（漏字或错字，如“出决算表”“部门概括”），多半是笔误；"
      "各项标题都以“说明”结尾时，其中一项只写了前半（“六、一般公共预算财政拨款基本支出”）也是漏写。",
      bad="目录\n第一部分 部门概括\n第二部分 2020年度部门决算情况说明\n第一部分 部门概括\n一、主要职能",
      good="目录\n第一部分 部门概况\n第二部分 2020年度部门决算情况说明\n第一部分 部门概况\n一、主要职能")
def title_slips(ctx: CheckContext, out: Reporter) -> None:
    doc = ctx.document
    sections = [s for s in ctx.outline.walk() if s.title.strip()]
    # in a list of items whose titles end in 说明 ("一、收入支出决算总体情况说明" …), one that stops short is cut
    in_contents, in_body = (sum(_core(doc.normalized[w.location.start : w.location.end]).endswith("说明")
                                for w in group if w.level == 2) >= 4 for group in (ctx.outline.contents, sections))
    # a contents entry broken over two lines ("…“三公”经费支出决算" / "表") is read whole
    titles = [(e.location, e.title, in_contents and e.level == 2) for e in ctx.outline.contents]
    titles += [(s.location, doc.normalized[s.location.start : s.location.end], in_body and s.level == 2)
               for s in sections]
    titles += [(where, title, False) for where, title in _unknown_headings(ctx, sections)]
    for where, title, among_explained in titles:
        core = _core(title)
        if len(core) < 3:
            continue
        out.checked()
        if core in _STANDARD_TITLES:
            continue
        # a title of three characters is judged only as a longer one cut short ("一、主要职")
        standards = [s for s in sorted(_STANDARD_TITLES) if _one_slip(core, s) and (len(core) >= 4 or s.startswith(core))]
        standard = "”或“".join(standards[:3])
        if standard:
            out.finding(f"标题“{core}”应为“{standard}”", ctx.locate(where.start, where.end), expected=standard, actual=core)
        elif among_explained and not core.endswith("说明"):
            whole = next((s for s in sorted(_STANDARD_TITLES) if s.startswith(core) and s[len(core) :] in _TAILS), None)
            if whole:
                out.finding(f"标题“{core}”不完整，应为“{whole}”", ctx.locate(where.start, where.end), expected=whole,
                            actual=core)


_TAILS = ("决算情况说明", "情况说明", "说明")


def _unknown_headings(ctx: CheckContext, sections: list[Section]) -> list[tuple[Location, str]]:
    """Numbered headings the outline does not know, because a slip hides their title ("一、 入支出决算总体情况说明")."""
    known = {s.block for s in sections} | {e.block for e in ctx.outline.contents}
    found = []
    for index, block in enumerate(ctx.document.blocks):
        if index in known or block.kind not in (BlockKind.PARAGRAPH, BlockKind.HEADING):
            continue
        line = ctx.document.normalized[block.location.start : block.location.end].strip()
        n = numbering(line)
        if n is not None and n.level == ITEM and len(n.title) >= 6 and is_heading_line(line, max_length=34):
            found.append((ctx.locate(block.location.start, block.location.end), line))
    return found


def _core(line: str) -> str:
    """A title as compared with the standard ones: no numbering, page number, part number, year or quotes."""
    title = _TITLE_NOISE.sub("", line.split("\n")[0])
    n = numbering(title.strip())
    return re.sub(r"^第.{1,3}部分|[\s“”\"]|20\d\d年度?", "", n.title if n else title)


# "项目绩效目标个数在5个以上的，选取5个项目进行公开，目标个数在5个以下的，全部进行公开": one threshold splits the
# cases in two, so both sides name the same number, and what is chosen above it is no more than it.
_SPLIT = re.compile(r"在\s*(?P<above>\d{1,4})\s*(?P<unit>[个项次人家名])\s*以上的?[，,]?\s*(?:[^。；;\d]{0,12}?(?P<chosen>\d{1,4})\s*(?P=unit))?"
                    r"[^。；;\d]{0,30}?在\s*(?P<below>\d{1,4})\s*(?P=unit)\s*以下")


@rule("W109", "wording", Severity.WARNING, "“以上”“以下”的分界不一致",
      "同一句把情况按一个数分为“N个以上的”和“N个以下的”两种时，两处的N应相同；“N个以上的选取K个”中的K也不能大于N"
      "（“目标个数在5个以上的，选取5个项目进行公开，目标个数在5个以下的，全部进行公开”）。",
      bad="七、预算绩效管理情况说明\n（本单位项目绩效目标个数在5个以上的，选取5个项目进行公开，目标个数在6个以下的，全部进行公开）。",
      good="七、预算绩效管理情况说明\n（本单位项目绩效目标个数在5个以上的，选取5个项目进行公开，目标个数在5个以下的，全部进行公开）。")
def split_by_one_threshold(ctx: CheckContext, out: Reporter) -> None:
    text = ctx.document.text
    for at, said in ctx.sentences():
        for m in _SPLIT.finditer(said):
            out.checked()
            above, below, unit = int(m.group("above")), int(m.group("below")), m.group("unit")
            chosen = int(m.group("chosen")) if m.group("chosen") else None
            if above != below:
                where = ctx.locate(at + m.start("below"), at + m.end("below"))
                out.finding(f"“{above}{unit}以上”与“{below}{unit}以下”分界不一致（两处应为同一个数）", where,
                            expected=f"{above}{unit}以下", actual=f"{below}{unit}以下", evidence=text[at + m.start() : at + m.end()],
                            related=[ctx.locate(at + m.start("above"), at + m.end("above"))])
            elif chosen is not None and chosen > above:
                out.finding(f"{above}{unit}以上的选取{chosen}{unit}：选取的多于分界的{above}{unit}", ctx.locate(at + m.start("chosen"), at + m.end("chosen")),
                            expected=f"不多于{above}{unit}", actual=f"{chosen}{unit}", evidence=text[at + m.start() : at + m.end()])


_NAME_TAIL = 4  # the last characters of the organisation's name, looked for to find each place it is written
_NAMES_SEEN = 500  # places looked at
_PLACE_SEGMENT = re.compile(r"(?<=[省市])[\u4e00-\u9fff]{1,3}?[区县]")  # "普陀区" of "上海市普陀区…"
_NUMERALS = set("一二三四五六七八九十百零〇")
_PLACE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:区|县|市|镇|乡|村|街道)")
_TITLE_AFTER = re.compile(r"\s*(?:20\d\d|19\d\d)\s*年度?")


@rule("W110", "wording", Severity.WARNING, "单位名称写法不一致",
      "报告单位的名称应处处写法一致：一处写错一个字（“规划与自然资源局”，别处都是“规划和自然资源局”），"
      "或标题中漏了区县名（“上海市规划和自然资源局 2024年度部门决算表”，别处都是“上海市普陀区规划和自然资源局”），"
      "都是笔误（报告单位的名称在报告中至少写了三次时判断）。",
      bad="上海市普陀区规划和自然资源局2024年度部门决算\n第一部分 上海市普陀区规划和自然资源局概况\n"
          "上海市普陀区规划和自然资源局主要职能是……\n上海市普陀区规划与自然资源局所属各预算单位公务用车保有量为0辆。",
      good="上海市普陀区规划和自然资源局2024年度部门决算\n第一部分 上海市普陀区规划和自然资源局概况\n"
           "上海市普陀区规划和自然资源局主要职能是……\n上海市普陀区规划和自然资源局所属各预算单位公务用车保有量为0辆。")
def organisation_name(ctx: CheckContext, out: Reporter) -> None:
    name = ctx.disclosure.meta.organisation
    text = ctx.document.text
    if not name or len(name) < 6 or text.count(name) < 3:
        return
    out.checked()
    dropped = {name.replace(m.group(), "", 1) for m in _PLACE_SEGMENT.finditer(name) if m.start() > 0}
    seen: set[str] = set()
    for k, m in enumerate(re.finditer(re.escape(name[-_NAME_TAIL:]), text)):
        if k >= _NAMES_SEEN:
            break
        window = text[max(0, m.end() - len(name) - 2) : m.end()]
        if window.endswith(name):
            continue
        written = next((window[-n:] for n in (len(name), *(len(d) for d in dropped))
                        if n <= len(window) and _unlike(window[-n:], name, dropped, text, m.end())), None)
        if written is None or written in seen:
            continue
        seen.add(written)
        start = m.end() - len(written)
        out.finding(f"单位名称写作“{written}”，报告中另有{text.count(name)}处写作“{name}”", ctx.locate(start, m.end()),
                    expected=name, actual=written, evidence=text[max(0, start - 6) : m.end() + 10])


def _unlike(written: str, name: str, dropped: set[str], text: str, end: int) -> bool:
    """`written` is the name with one character changed, or without its district in a title ("上海市规划和自然资源局 2024
    年度部门决算表": the city's own bureau may be named in the text, not in the title of this report's tables)."""
    if len(written) == len(name):
        differ = [(k, a, b) for k, (a, b) in enumerate(zip(written, name, strict=True)) if a != b]
        if len(differ) != 1 or written[0] != name[0]:
            return False
        k, a, b = differ[0]
        # (another body with a number or a place in its name: 第六人民医院 beside 第一人民医院, 长宁区 beside 普陀区)
        return (all("\u4e00" <= c <= "\u9fff" for c in (a, b)) and not (a in _NUMERALS and b in _NUMERALS)
                and _PLACE_AFTER.match(name, k + 1) is None)
    return written in dropped and _TITLE_AFTER.match(text, end) is not None and (
        end - len(written) == 0 or text[end - len(written) - 1] in "\n\t ")
