"""Blind mutation benchmark: inject one defect at a time anywhere in the seed reports, see whether it is caught.

    python bench/mutation_blind.py [--limit N] [--missed] [--jobs N]

Unlike bench/mutation.py, the mutations here were written from the domain description alone (shared
docs/domain.md) and the seed texts, without reading the checker's rules or extraction: each kind finds
EVERY place in a report where its pattern occurs (prose, table cells, annexes, glossary alike), and a
seeded random.Random(2026) picks up to N of them (default 10) per kind and report. One mutant = one
defect; the mutated text is written to a temporary file and checked in-process.

A mutant is caught when the checker reports a finding (any severity) at the mutated line (a finding about
a table row spans its cells and is at each line it covers; a finding about two statements that disagree, when the
report does not tell which is right, is at both: it names the other as related) whose
(rule, severity) the unmutated report does not have there (or has fewer times). Every mutation keeps
the number of lines, so line numbers compare directly. A line the seed itself already has reported by that
rule (a defect of the original) counts as caught when the mutant's finding there is new and names the mutated
value as written, with the value it expected (a finding that only follows the text along does not count). The column "any-line" counts, for information,
the mutants that raised some new (rule, line, message) anywhere in the report (a broken sum may be
reported at its total rather than at the changed part); recall is the at-line figure. "undetectable" counts the
missed mutants an independent reader judged undetectable from the report's own text
(bench/data/blind_missed_detectability.tsv), and "of detectable" is the recall without them.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from juesuan.document import Location
from juesuan.pipeline import analyse, check_analysis

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "tests" / "fixtures" / "seeds").glob("*.txt"))
DEFAULT_LIMIT = 10
RANDOM_SEED = 2026


@dataclass(frozen=True)
class Mutant:
    line: int  # 0-based index of the line that carries the defect
    changes: tuple[tuple[int, str], ...]  # (index, new text) of every changed line
    what: str  # the change in context, for --missed


# A mutation kind: from the lines of a report and its year, yield every mutant it can make.
Mutation = Callable[[list[str], int], Iterator[Mutant]]


# ---------------------------------------------------------------- helpers

def _edit(lines: list[str], i: int, start: int, end: int, new: str) -> Mutant:
    """Replace lines[i][start:end] with `new`."""
    line = lines[i]
    old = line[start:end]
    before, after = line[max(0, start - 12) : start], line[end : end + 12]
    what = f"…{before}[{old}→{new}]{after}…".replace("\t", " ")
    return Mutant(i, ((i, line[:start] + new + line[end:]),), what)


def _decimals(number: str) -> int:
    return len(number.split(".")[1]) if "." in number else 0


def _format(value: Decimal, like: str) -> str:
    """`value` written like the number `like` (same decimals, thousands separators if it had them)."""
    places = _decimals(like)
    value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return f"{value:,.{places}f}" if "," in like else f"{value:.{places}f}"


def _beyond_rounding(number: str, percent: bool = False) -> str:
    """`number` moved by 10% of itself, at least 1 (far beyond any rounding of the last shown digit)."""
    value = Decimal(number.replace(",", ""))
    delta = max(Decimal(1), abs(value) * Decimal("0.1"))
    if _decimals(number) == 0:
        delta = delta.quantize(Decimal(1), rounding=ROUND_HALF_UP)
    new = value + delta
    if percent and new > 100 and value - delta >= 0:
        new = value - delta
    return _format(new, number)


_CN_DIGITS = "一二三四五六七八九"


def _cn_to_int(text: str) -> int | None:
    """一 … 九十九 as an int (None if not such a numeral)."""
    if not text or any(ch not in _CN_DIGITS + "十" for ch in text):
        return None
    if "十" not in text:
        return _CN_DIGITS.index(text) + 1 if len(text) == 1 else None
    tens, _, units = text.partition("十")
    t = 1 if tens == "" else (_CN_DIGITS.index(tens) + 1 if len(tens) == 1 else None)
    u = 0 if units == "" else (_CN_DIGITS.index(units) + 1 if len(units) == 1 else None)
    return None if t is None or u is None else 10 * t + u


def _int_to_cn(n: int) -> str:
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens - 1] + "十")
    return head + ("" if units == 0 else _CN_DIGITS[units - 1])


_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_AMOUNT_WAN = re.compile(rf"(?<![\d.,])({_NUMBER})\s*万元")
_PART_HEADING = re.compile(r"^\s*(?:\[bookmark:[^\]]*\]\s*)*第\s*(?:[一二三四五六七八九十]+|\d+)\s*部分")


# ---------------------------------------------------------------- the kinds asked for

# Ordinary words of these reports (nouns, verbs and function words of 2–4 characters), chosen from the
# domain description and the texts, not from the checker. Reduplicating verbs (研究研究) are left out.
_WORD_LIST = """财政拨款 一般公共预算 政府性基金 国有资本 支出 收入 决算 预算 项目 经费 资金 单位 部门 情况 主要 工作 完成
    开展 管理 公务 接待 车辆 运行 维护 人员 基本 合计 总计 增加 减少 增长 下降 原因 绩效 评价 目标 指标 年度
    执行 其他 政府 采购 资产 办公室 服务 会议 系统 全年 实际 按照 要求 通过 保障 相关 其中 包括 用于 机关 费用
    补助 社会 保险 养老 住房 公积金 事务 行政 规定 制度 建设 推进 落实 质量 效益 满意度 结转 结余 年初 年末 本年
    具体 安排 合同 企业 设备 信息 发展 组织 整体 自评 报告 分值 得分 支付 使用 日常 公用 职能 机构 编制 市委
    党委 区委 上级 中心 平台 业务 专项 成本 数量 时效 完成率 公务用车 购置 一般 公共 政策 财务 文件 办理 负责
    全市 以上 以及 进一步 有效 良好 保证 确保 实现 提高 加强"""
_WORD = re.compile("|".join(sorted(_WORD_LIST.split(), key=len, reverse=True)))


def word_doubled(lines: list[str], year: int) -> Iterator[Mutant]:
    """A word written twice in a row: 财政拨款 → 财政拨款财政拨款."""
    for i, line in enumerate(lines):
        for m in _WORD.finditer(line):
            yield _edit(lines, i, m.start(), m.end(), m.group() * 2)


def unit_dropped(lines: list[str], year: int) -> Iterator[Mutant]:
    """万元 removed after an amount: 380.64万元 → 380.64."""
    for i, line in enumerate(lines):
        for m in _AMOUNT_WAN.finditer(line):
            yield _edit(lines, i, m.end(1), m.end(), "")


def percent_dropped(lines: list[str], year: int) -> Iterator[Mutant]:
    """The % sign removed: 99.02% → 99.02."""
    for i, line in enumerate(lines):
        for m in re.finditer(r"(?<=\d)\s*[%％]", line):
            yield _edit(lines, i, m.start(), m.end(), "")


def yuan_for_wan(lines: list[str], year: int) -> Iterator[Mutant]:
    """元 written for 万元: 380.64万元 → 380.64元."""
    for i, line in enumerate(lines):
        for m in _AMOUNT_WAN.finditer(line):
            yield _edit(lines, i, m.end(1), m.end(), "元")


def completion_rate_changed(lines: list[str], year: int) -> Iterator[Mutant]:
    """完成预算X% (完成年初预算, 完成调整预算, 完成预算的) moved by 8 points."""
    pattern = re.compile(r"完成(?:年初|调整)?预算(?:数)?(?:执行)?(?:的)?\s*(\d+(?:\.\d+)?)\s*[%％]")
    for i, line in enumerate(lines):
        for m in pattern.finditer(line):
            value = Decimal(m.group(1))
            new = value - 8 if value >= 50 else value + 8
            yield _edit(lines, i, m.start(1), m.end(1), _format(new, m.group(1)))


def direction_flipped(lines: list[str], year: int) -> Iterator[Mutant]:
    """决算数大于预算数 ↔ 小于 (高于 ↔ 低于); 决算数与预算数持平 → 决算数大于预算数."""
    flip = {"大于": "小于", "小于": "大于", "高于": "低于", "低于": "高于"}
    for i, line in enumerate(lines):
        for m in re.finditer(r"决算数?(大于|小于|高于|低于)(?:年初|调整)?预算", line):
            yield _edit(lines, i, m.start(1), m.end(1), flip[m.group(1)])
        for m in re.finditer(r"决算数与((?:年初|调整)?预算数)(?:基本)?持平", line):
            yield _edit(lines, i, m.start(), m.end(), f"决算数大于{m.group(1)}")


def _annex_range(lines: list[str]) -> range:
    """The lines of the annexes (the evaluation reports after 附件 / 第四部分, up to the next part)."""
    start = next((i for i, line in enumerate(lines)
                  if re.match(r"^\s*(?:\[bookmark:[^\]]*\]\s*)*(?:第\s*(?:四|4)\s*部分\s*附件|附件\s*[\d一二三四五六七八九十]*\s*$)",
                              line)), None)
    if start is None:  # no 附件 heading: the first report title after the glossary
        glossary = next((i for i, line in enumerate(lines) if "名词解释" in line and len(line.strip()) < 60
                         and not line.startswith("\t")), None)
        if glossary is not None:
            start = next((i for i in range(glossary + 1, len(lines))
                          if len(lines[i].strip()) <= 40 and lines[i].strip().endswith("报告")), None)
    if start is None:
        return range(0)
    end = next((i for i in range(start + 1, len(lines)) if _PART_HEADING.match(lines[i])), len(lines))
    return range(start, end)


def annex_figure_changed(lines: list[str], year: int) -> Iterator[Mutant]:
    """Any figure in an annex (amount, percentage, count, score) moved by 10%, at least 1.
    Not years, dates, document numbers or list numbers."""
    number = re.compile(rf"(?<![\dA-Za-z_.,．]){_NUMBER}(?![\d,]|\.\d)")
    for i in _annex_range(lines):
        line = lines[i]
        if "[image:" in line:
            continue
        for m in number.finditer(line):
            text, before, after = m.group(), line[: m.start()], line[m.end() :]
            if re.fullmatch(r"(?:19|20)\d\d", text):
                continue  # a year
            if re.match(r"\s*(?:年|月|日|号|部分|届|季度)", after) or re.search(r"(?:附件|第|[【〔\[])\s*$", before):
                continue  # a date, a document number, 第N, 附件N
            if before.endswith(("（", "(")) and after.startswith(("）", ")")):
                continue  # （1）
            if before.endswith(("“", '"')) and after.startswith(("”", '"')):
                continue  # a name written in digits: “12345”市民热线
            if re.match(r"[.．、](?!\d)", after) and (before.strip() == "" or before[-1:] in "。；;，,"):
                continue  # a list number
            yield _edit(lines, i, m.start(), m.end(), _beyond_rounding(text, percent=after.lstrip().startswith(("%", "％"))))


def _rows(lines: list[str], start: int) -> Iterator[list[int]]:
    """Rows of the tab-indented table starting at `start` (each row: the indices of its cell lines)."""
    i = start
    while i < len(lines):
        if lines[i].startswith("\t"):
            row = []
            while i < len(lines) and lines[i].startswith("\t"):
                row.append(i)
                i += 1
            yield row
        elif lines[i].strip():
            return  # prose: the table has ended
        else:
            i += 1


def score_weight_changed(lines: list[str], year: int) -> Iterator[Mutant]:
    """A weight (分值) in a score table changed by 2, so that the weights no longer sum to 100."""
    for h, line in enumerate(lines):
        if not (line.startswith("\t") and line.strip() == "分值"):
            continue
        for row in _rows(lines, h + 1):
            cells = [lines[j].strip() for j in row]
            if any(c.startswith("合计") for c in cells[:2]):
                break
            if len(row) < 2 or not re.fullmatch(r"\d+(?:\.\d+)?", cells[-1]):
                continue
            m = re.match(r"\s*(\d+(?:\.\d+)?)(?=\D|$)", lines[row[-2]])
            if m:
                value = Decimal(m.group(1))
                new = value - 2 if value > 2 else value + 2
                yield _edit(lines, row[-2], m.start(1), m.end(1), _format(new, m.group(1)))


def date_year_changed(lines: list[str], year: int) -> Iterator[Mutant]:
    """The year of a date: 截至2020年12月31日 → 2021 (or 2019); a date of another year → the year after the report."""
    pattern = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\s*年\s*(?:\d{1,2}\s*月|底|末|初))|(?<=截[至止])\s*((?:19|20)\d\d)(?=\s*年)")
    k = 0
    for i, line in enumerate(lines):
        for m in pattern.finditer(line):
            group = 1 if m.group(1) else 2
            y = int(m.group(group))
            if y == year:
                new = year + 1 if k % 2 == 0 else year - 1
                k += 1
            else:
                new = year + 1 if y != year + 1 else year + 2
            yield _edit(lines, i, m.start(group), m.end(group), str(new))


def count_changed(lines: list[str], year: int) -> Iterator[Mutant]:
    """A count stated in the text (N个, N辆, N人, N人次, N批次, N名, N次, N场, N台, N项, N家, N条, N份) plus one."""
    pattern = re.compile(r"(?<![\dA-Za-z_.,．第])(\d[\d,]*)(?=\s*(?:个|辆|人次|人|批次|名|次|场|台|项|家|条|份)(?!民|称|目))")
    for i, line in enumerate(lines):
        for m in pattern.finditer(line):
            yield _edit(lines, i, m.start(1), m.end(1), _format(Decimal(m.group(1).replace(",", "")) + 1, m.group(1)))


_ITEM = re.compile(
    r"^(?P<prefix>\s*(?:\[bookmark:[^\]]*\]\s*)*)"
    r"(?:(?P<a>\d{1,2})(?=[.．、](?!\d))|[（(](?P<p>\d{1,2})(?=[）)])"
    r"|(?P<c>[一二三四五六七八九十]{1,3})(?=、)|（(?P<cp>[一二三四五六七八九十]{1,3})(?=）))"
)
_RANK = {"c": 1, "cp": 2, "a": 3, "p": 4}  # 一、 > （一） > 1. > （1）


def _item(line: str) -> tuple[str, int, int, int] | None:
    """(family, number, start, end of the number) of a numbered list item, or None."""
    if line.startswith("\t"):
        return None
    m = _ITEM.match(line)
    if not m:
        return None
    family = next(f for f in ("a", "p", "c", "cp") if m.group(f))
    text = m.group(family)
    number = int(text) if family in ("a", "p") else _cn_to_int(text)
    return None if number is None else (family, number, m.start(family), m.end(family))


def _numeral(family: str, n: int) -> str:
    return str(n) if family in ("a", "p") else _int_to_cn(n)


def list_number_skipped(lines: list[str], year: int) -> Iterator[Mutant]:
    """A number skipped in a numbered list: items 3., 4., 5. … become 4., 5., 6. … (1. 2. 4. 5. 6.)."""
    for i, line in enumerate(lines):
        item = _item(line)
        if item is None:
            continue
        family, number, start, end = item
        changes = [(i, line[:start] + _numeral(family, number + 1) + line[end:])]
        expected = number + 1
        for j in range(i + 1, len(lines)):
            if _PART_HEADING.match(lines[j]):
                break
            other = _item(lines[j])
            if other is None:
                continue
            if _RANK[other[0]] < _RANK[family]:
                break  # a heading of a higher level: the list has ended
            if other[0] == family:
                if other[1] != expected:
                    break
                changes.append((j, lines[j][: other[2]] + _numeral(family, expected + 1) + lines[j][other[3] :]))
                expected += 1
        what = f"{line[start:end]}→{_numeral(family, number + 1)} ({len(changes)} items renumbered): {line[:30].strip()}"
        yield Mutant(i, tuple(changes), what)


_CONNECTOR = re.compile(r"其中[:：]?|主要用于以下方面[:：]?|具体如下[:：]?|分别为[:：]?|包括[:：]?")
_NOT_A_PART = re.compile(r"(?:增加|减少|增长|下降|了|共计|合计|总计|共计支出|比上年|较上年)\s*$")
_HEADING = re.compile(r"^\s*(?:\[bookmark:[^\]]*\]\s*)*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第.{1,3}部分|图\d)")


def sum_part_changed(lines: list[str], year: int) -> Iterator[Mutant]:
    """A part of a stated sum ("X万元，其中：A万元…B万元", or the items listed under "其中：") moved by 10%, at least 1."""
    for i, line in enumerate(lines):
        if line.startswith("\t"):
            continue
        for sentence in re.finditer(r"[^。]+。?", line):
            text = sentence.group()
            connector = _CONNECTOR.search(text)
            if not connector or not _AMOUNT_WAN.search(text[: connector.start()]):
                continue
            for m in _AMOUNT_WAN.finditer(text, connector.end()):
                if not _NOT_A_PART.search(text[: m.start()]):
                    s = sentence.start()
                    yield _edit(lines, i, s + m.start(1), s + m.end(1), _beyond_rounding(m.group(1)))
        stripped = line.rstrip()
        if re.search(r"其中[:：]$", stripped) and _AMOUNT_WAN.search(stripped):
            for j in range(i + 1, min(len(lines), i + 80)):
                following = lines[j]
                if not following.strip():
                    continue
                if following.startswith("\t") or _HEADING.match(following):
                    break
                m = _AMOUNT_WAN.search(following)
                if m is None:
                    break
                yield _edit(lines, j, m.start(1), m.end(1), _beyond_rounding(m.group(1)))


# ---------------------------------------------------------------- a few more, as blind as the above

def repeated_amount_changed(lines: list[str], year: int) -> Iterator[Mutant]:
    """One statement of an amount the report states more than once, moved by 10%, at least 1."""
    amounts = [(i, m) for i, line in enumerate(lines) for m in _AMOUNT_WAN.finditer(line) if "." in m.group(1)]
    seen = Counter(Decimal(m.group(1).replace(",", "")) for _, m in amounts)
    for i, m in amounts:
        value = Decimal(m.group(1).replace(",", ""))
        if value and seen[value] >= 2:
            yield _edit(lines, i, m.start(1), m.end(1), _beyond_rounding(m.group(1)))


def share_changed(lines: list[str], year: int) -> Iterator[Mutant]:
    """A share 占X% (占比X%, 占…的X%) moved by 5 points."""
    for i, line in enumerate(lines):
        for m in re.finditer(r"占(?:比)?(?:[^，。；%％\d]{0,15}的)?\s*(\d+(?:\.\d+)?)\s*[%％]", line):
            value = Decimal(m.group(1))
            new = value + 5 if value <= 90 else value - 5
            yield _edit(lines, i, m.start(1), m.end(1), _format(new, m.group(1)))


def change_word_flipped(lines: list[str], year: int) -> Iterator[Mutant]:
    """增加 ↔ 减少, 增长 ↔ 下降 before a figure."""
    flip = {"增加": "减少", "减少": "增加", "增长": "下降", "下降": "增长"}
    for i, line in enumerate(lines):
        for m in re.finditer(r"(?<!/)(增加|减少|增长|下降)(?=了?\s*\d)", line):
            yield _edit(lines, i, m.start(), m.end(), flip[m.group()])  # not in residue like 增长/下降


MUTATIONS: dict[str, Mutation] = {
    "word doubled": word_doubled,
    "万元 dropped": unit_dropped,
    "% dropped": percent_dropped,
    "元 for 万元": yuan_for_wan,
    "completion rate changed": completion_rate_changed,
    "决算/预算 direction flipped": direction_flipped,
    "annex figure changed": annex_figure_changed,
    "score weight changed": score_weight_changed,
    "date's year changed": date_year_changed,
    "count changed": count_changed,
    "list number skipped": list_number_skipped,
    "part of a sum changed": sum_part_changed,
    "repeated amount changed": repeated_amount_changed,
    "share changed": share_changed,
    "增减 word flipped": change_word_flipped,
}


# ---------------------------------------------------------------- running the checker

# rule, severity, first and last line, message, what the finding says is written when it also says what it expected,
# and the first and last lines of its related places (the other statement of a pair the report cannot tell apart)
Finding = tuple[str, str, int | None, int | None, str, str | None, tuple[tuple[int | None, int | None], ...]]


def findings(name: str, text: str) -> list[Finding]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        analysis = analyse(path)
        result = check_analysis(analysis)
    # A finding about a row spans its cells (S201: 分值 and 得分 on two lines): it is at every line it covers.
    def last_line(where: Location) -> int | None:
        return analysis.document.locate(max(where.start, where.end - 1)).line

    return [(f.rule, str(getattr(f.severity, "value", f.severity)), f.location.line, last_line(f.location), f.message,
             f.actual if f.expected is not None else None,
             tuple((r.line, last_line(r)) for r in f.related))
            for f in result.findings]


def _run(task: tuple[str, str]) -> list[Finding]:
    return findings(*task)


def _covers(first: int | None, last: int | None, line: int) -> bool:
    return first is not None and first <= line <= (last if last is not None and last >= first else first)


def _at(first: int | None, last: int | None, related: tuple[tuple[int | None, int | None], ...], line: int) -> bool:
    """The finding is at the line: its place covers it, or one of the places it names as just as concerned does
    (two statements that disagree, the report not saying which is right)."""
    return _covers(first, last, line) or any(_covers(a, b, line) for a, b in related)


def _judges_new_value(mutant: Mutant, line_no: int, before_all: Counter[tuple[str, int | None, str]],
                      after: list[Finding]) -> bool:
    """A finding at the line that the unmutated seed does not have (by its message) judges the mutated value: it
    gives the value it expected and names the new one as what is written ("…应为100.00%，报告写作24.04%"). This
    catches a mutant on a line the seed's own defect already had reported by the same rule. A finding that only
    moved with the text ("完成预算57.63%，但没有说明原因") gives no expected value, and does not count."""
    change = re.search(r"\[[^\]→]*→([^\]]+)\]", mutant.what)
    if change is None:
        return False
    new = change.group(1).strip()
    number = re.search(r"\d[\d,.]*", new)
    if number is None:
        return False
    written = re.compile(r"(?<![\d.,])" + re.escape(number.group()) + r"(?![\d,]|\.\d)")
    return any(actual is not None and _covers(ln, last, line_no) and before_all[(r, ln, msg)] == 0
               and written.search(actual) is not None
               for r, _, ln, last, msg, actual, _ in after)


def report_year(text: str) -> int:
    m = re.search(r"(20\d{2})\s*年度", text)
    return int(m.group(1)) if m else 0


DETECTABILITY = ROOT / "bench" / "data" / "blind_missed_detectability.tsv"


def _undetectable() -> set[tuple[str, str, int, str]]:
    """The missed mutants an independent reader judged undetectable from the report's own text (verdict U in
    bench/data/blind_missed_detectability.tsv: nothing else in the report states or implies the changed figure).
    Only mutants missed when that judgement was made have a verdict; any other miss counts as detectable."""
    if not DETECTABILITY.exists():
        return set()
    rows = [line.split("\t") for line in DETECTABILITY.read_text(encoding="utf-8").splitlines()[1:]]
    return {(r[0], r[1], int(r[2]), r[3]) for r in rows if len(r) >= 5 and r[4] == "U"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=DEFAULT_LIMIT, help="mutants per kind and report (default 10)")
    parser.add_argument("--missed", action="store_true", help="list the mutants that were not caught")
    parser.add_argument("--seed", type=int, default=RANDOM_SEED,
                        help="random seed of the choice of mutants; another seed than the default draws a sample the rules "
                             "were not tuned on (default %(default)s)")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    # (seed, kind, mutant, mutated text), chosen in a fixed order so that the choice is reproducible
    plan: list[tuple[Path, str, Mutant, str]] = []
    originals: dict[Path, str] = {}
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        originals[seed] = text
        lines = text.split("\n")
        year = report_year(text)
        for kind, mutation in MUTATIONS.items():
            mutants = [m for m in mutation(lines, year) if any(lines[j] != new for j, new in m.changes)]
            for mutant in rng.sample(mutants, min(args.limit, len(mutants))):
                new_lines = list(lines)
                for j, new in mutant.changes:
                    new_lines[j] = new
                assert len(new_lines) == len(lines) and "\n" not in "".join(n for _, n in mutant.changes)
                plan.append((seed, kind, mutant, "\n".join(new_lines)))

    tasks = [(seed.name, text) for seed, text in originals.items()] + [(seed.name, t) for seed, _, _, t in plan]
    if args.jobs > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(_run, tasks, chunksize=4))
    else:
        results = [_run(task) for task in tasks]
    baseline = dict(zip(originals, results[: len(originals)], strict=True))

    undetectable = _undetectable()
    unseen: Counter[str] = Counter()
    total: Counter[str] = Counter()
    caught: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    missed: dict[str, list[str]] = defaultdict(list)
    for (seed, kind, mutant, _), after in zip(plan, results[len(originals) :], strict=True):
        line_no = mutant.line + 1
        before_at = Counter((r, s) for r, s, ln, last, _, _, rel in baseline[seed] if _at(ln, last, rel, line_no))
        after_at = Counter((r, s) for r, s, ln, last, _, _, rel in after if _at(ln, last, rel, line_no))
        before_all = Counter((r, ln, msg) for r, _, ln, _, msg, _, _ in baseline[seed])
        after_all = Counter((r, ln, msg) for r, _, ln, _, msg, _, _ in after)
        total[kind] += 1
        if any(n > before_at[key] for key, n in after_at.items()) or _judges_new_value(
                mutant, line_no, before_all, after):
            caught[kind] += 1
        else:
            elsewhere = sorted({f"{r}@L{ln}" for (r, ln, msg), n in after_all.items() if n > before_all[(r, ln, msg)]})
            missed[kind].append(f"{seed.name[:3]} L{line_no}: {mutant.what}"
                                + (f"  (reported elsewhere: {', '.join(elsewhere[:4])})" if elsewhere else ""))
            change = re.search(r"\[([^\]]*)\]", mutant.what)
            if (kind, seed.name[:3], line_no, change.group(1) if change else mutant.what.split(" (")[0]) in undetectable:
                unseen[kind] += 1
        if any(n > before_all[key] for key, n in after_all.items()):
            anywhere[kind] += 1

    print(f"{'kind':<28} {'mutants':>8} {'caught':>7} {'recall':>7} {'any-line':>9} {'undetectable':>13} "
          f"{'of detectable':>14}")
    for kind in [*MUTATIONS, "all"]:
        n = sum(total.values()) if kind == "all" else total[kind]
        if not n:
            continue
        c = sum(caught.values()) if kind == "all" else caught[kind]
        a = sum(anywhere.values()) if kind == "all" else anywhere[kind]
        u = sum(unseen.values()) if kind == "all" else unseen[kind]
        print(f"{kind:<28} {n:>8} {c:>7} {c / n:>7.1%} {a:>9} {u:>13} {c / max(n - u, 1):>14.1%}")
    if args.missed:
        for kind in MUTATIONS:
            if missed[kind]:
                print(f"\nmissed — {kind}:")
                for where in missed[kind]:
                    print("   ", where)
    return 0


if __name__ == "__main__":
    sys.exit(main())
