"""One quantity stated twice must be the same figure (docs/domain.md §3, identity 15)."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from decimal import Decimal

from juesuan.amounts import number
from juesuan.model.figures import MONEY_UNITS, Figure
from juesuan.places import place
from juesuan.rules.arithmetic import equal
from juesuan.rules.base import BUDGET_WORD, GENERIC_AMOUNT_NAME, CheckContext, Reporter, Severity, half_digit, rule
from juesuan.rules.blame import NUMBER, UNDECIDED, more_often, said_once, said_with_words, values_written
from juesuan.rules.projects import project_reports
from juesuan.text.clauses import CLAUSE_MARK, clause_start
from juesuan.text.headings import numbering
from juesuan.text.words import word_start


def _items(ctx: CheckContext) -> Iterator[tuple[str, list[Figure]]]:
    """Every list of statements of one quantity (an Item's amounts, a list of counts), grouped by path."""
    groups: dict[str, list[Figure]] = defaultdict(list)
    for path, figure in ctx.figures:
        if path.startswith(("tables", "performance.goal_tables", "performance.score_tables")):
            continue
        base = path.rsplit("[", 1)[0] if path.endswith("]") else path
        if base.endswith((".share", ".budget")) or ".change" in base:
            continue
        groups[base].append(figure)
    yield from ((base, group) for base, group in groups.items() if len(group) > 1)


def _quantities(ctx: CheckContext) -> Iterator[tuple[str, list[Figure]]]:
    d = ctx.disclosure
    gb = d.general_budget
    statements = [*(gb.total.amount if gb.total else []), *gb.structure_total,
                  *(gb.detail_total.amount if gb.detail_total else [])]
    yield "一般公共预算财政拨款支出", statements
    yield from _items(ctx)


@rule("C101", "consistency", Severity.ERROR, "同一数字前后不一致",
      "同一个数字（例如一般公共预算财政拨款支出，或同一项的完成预算率）在不同段落或章节中出现时，数值必须相同；只差在所示末位的"
      "四舍五入（7,349.6 与 7,349.61）不算错误。",
      bad="五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n2020年一般公共预算财政拨款支出559.53万元。\n（二）一般公共预算财政拨款支出决算结构情况\n2020年一般公共预算财政拨款支出599.53万元，主要用于以下方面:一般公共服务支出599.53万元，占100%。",
      good="五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n2020年一般公共预算财政拨款支出599.53万元。\n（二）一般公共预算财政拨款支出决算结构情况\n2020年一般公共预算财政拨款支出599.53万元，主要用于以下方面:一般公共服务支出599.53万元，占100%。")
def stated_twice(ctx: CheckContext, out: Reporter) -> None:
    reported: set[tuple[int, int]] = set()
    for name, statements in _quantities(ctx):
        if len(statements) < 2:
            continue
        rates = name.endswith(".completion")  # 完成预算X% said twice of one item
        values = [s for s in statements if s.unit in ((*MONEY_UNITS, None) if not rates else ("%",))]
        if len(values) < 2:
            continue  # counts stated twice (账面4辆、实有3辆) are often two different things
        majority, undecided = _majority(ctx, values)
        for statement in values:
            if equal(statement, majority, ctx.tolerance) or statement.unit != majority.unit:
                continue
            key = (statement.location.start, majority.location.start)
            if key in reported:
                continue
            reported.add(key)
            where = place(majority.location)
            label = field_label(name) + ("完成预算" if rates else "")
            out.finding(f"{label}在此写作{statement.raw}，在{where}写作{majority.raw}{UNDECIDED if undecided else ''}",
                        statement.location, expected=majority.raw, actual=statement.raw,
                        evidence=statement.sentence or None, related=[majority.location] if undecided else None)
        out.checked()


def _majority(ctx: CheckContext, values: list[Figure]) -> tuple[Figure, bool]:
    """The value most statements give, and whether that was undecided: two values stated equally often, which the
    numbers written in the whole report (blame.more_often) do not tell apart either."""
    def support(s: Figure) -> int:
        return sum(equal(s, t, ctx.tolerance) for t in values)

    majority = max(values, key=support)
    rivals = [s for s in values if s.unit == majority.unit and not equal(s, majority, ctx.tolerance)
              and support(s) == support(majority)]
    if len(rivals) != 1:
        return majority, bool(rivals)
    order = more_often(ctx, [str(majority.value), str(rivals[0].value)])
    if order is None:
        return majority, True
    return (rivals[0] if order[0] == str(rivals[0].value) else majority), False


_FIELD_LABELS = {
    "total": "合计", "income_total": "收入总计", "expenditure_total": "支出总计", "income_this_year": "本年收入合计",
    "expenditure_this_year": "本年支出合计", "carryover_begin": "年初结转和结余", "carryover_end": "年末结转和结余",
    "general_budget": "一般公共预算财政拨款", "gov_fund": "政府性基金预算财政拨款", "state_capital": "国有资本经营预算财政拨款",
    "fiscal_appropriation": "财政拨款", "basic": "基本支出", "project": "项目支出", "other": "其他收入",
    "personnel": "人员经费", "public": "公用经费", "outbound_travel": "因公出国（境）费",
    "vehicles": "公务用车购置及运行维护费", "vehicle_purchase": "公务用车购置费", "vehicle_operation": "公务用车运行维护费",
    "reception": "公务接待费", "reception_domestic": "国内公务接待费", "reception_foreign": "外事接待费",
    "admin_operating_cost": "机关运行经费", "procurement": "政府采购", "goods": "政府采购货物支出",
    "works": "政府采购工程支出", "services": "政府采购服务支出", "sme": "授予中小企业合同金额",
    "micro_small": "授予小微企业合同金额", "expenditure": "支出", "income": "收入", "detail_total": "一般公共预算财政拨款支出",
}


def field_label(path: str) -> str:
    """A model path in the words of the report ("three_public.units[0].reception_domestic.amount" -> 国内公务接待费)."""
    parts = [p for p in re.split(r"[.\[\]]+", path) if p and p not in ("amount", "units", "count") and not p.isdigit()]
    for part in reversed(parts):
        if part in _FIELD_LABELS:
            return _FIELD_LABELS[part]
        if re.search(r"[\u4e00-\u9fff]", part):
            return part
    return "该数字"


@rule("C102", "consistency", Severity.INFO, "同一数字前后精度不一致",
      "同一数字在一处写两位小数、另一处少写了末位（7,349.61 与 7,349.6），数值没有矛盾，但应统一为两位小数。",
      bad="五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n2020年一般公共预算财政拨款支出7,349.61万元。\n（三）一般公共预算财政拨款支出决算具体情况\n2020年一般公共预算财政拨款支出决算数为7,349.6万元，完成预算99.42%。",
      good="五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况\n2020年一般公共预算财政拨款支出7,349.61万元。\n（三）一般公共预算财政拨款支出决算具体情况\n2020年一般公共预算财政拨款支出决算数为7,349.61万元，完成预算99.42%。")
def precision_differs(ctx: CheckContext, out: Reporter) -> None:
    for _, statements in _quantities(ctx):
        money = [(s, -int(s.value.as_tuple().exponent)) for s in statements if s.unit == "万元"]  # type: ignore[arg-type]
        if len(money) < 2:
            continue
        out.checked()
        fullest, most = max(money, key=lambda pair: pair[1])
        for statement, places in money:
            if places < most and equal(statement, fullest, ctx.tolerance):
                out.finding(f"{statement.raw}少写了小数位，其他地方写作{number(fullest.value, most)}万元", statement.location,
                            expected=f"{number(fullest.value, most)}万元", actual=statement.raw)


# Counts the report states more than once: a publication's issues or copies (《每日动态》256期), a staffing figure.
_TITLED_COUNT = re.compile(r"《([^《》]{2,30})》\s*(?:共|累计|全年)?\s*(\d{1,5})\s*(?:余|多)?\s*(期|册|份|本|篇|条|次|项|件|部)")
# (not the 退休人员 of "离退休人员", a count of its own: "由养老保险基金发放养老金的离退休人员0人")
_STAFF_COUNT = re.compile(r"(?<!离)(行政编制|事业编制|工勤编制|机关工勤编制|参公编制|在职人员总数|在职人员|在编在岗人员|离休人员|退休人员"
                          r"|编制总数|公务员|机关工勤人员|工勤人员|事业人员|参公人员|编内聘用人员|编外聘用人员|编外人员)(?:共计|总数|为|共|有|是)?\s*(\d{1,5})\s*(名|人)(?!次)")
# Any count glued to what it counts, stated twice in the same words ("对17个重点涉密单位进行了23次督促检查"): the
# character before it and the words after it, to the next punctuation, name the thing. A number after a comparison
# or bound (较, 超, ≥, 第) is not the count of the thing.
_COUNTED = r"(个|项|条|场|家|所|批次|篇|名|次|人(?!次))"
_WORDED_COUNT = re.compile(r"(?<![\d.])(?<!\d,)(\d{1,5})" + _COUNTED + r"([\u4e00-\u9fff]{4,16})(?=[，。；、,;（(\d]|$)")
_COUNT_AFTER_WORDS = re.compile(r"([\u4e00-\u9fff]{4,8})(\d{1,5})" + _COUNTED + r"(?=[，。；、,;（(]|$)")
_COUNT_UNITS = "个|项|条|场|家|所|批次|篇|名|人次|次|人|期|份|件|辆|册|本|起|套|户|台"  # 人次 before 人 and 次
_ANY_COUNT = re.compile(rf"(?<![\d.])(?<!\d,)(\d{{1,5}})\s*({_COUNT_UNITS})")
_NOT_A_COUNT = set("第约近超逾余增减较比多少≥≤><于至")
_NOT_BEFORE_LOOSE = _NOT_A_COUNT | set("共计")  # "共计556条": a total of what the words before it count
# A sentence about another year, or a target, may state another number of the same thing.
# 绩效目标 names a thing; "目标1完成情况：" introduces what was done
_ELSEWHEN = re.compile(r"上年|去年|同比|较上|比上|(?<!绩效)目标(?!\s*\d{0,2}\s*完成情况)|指标|计划|预计")
# "…，超额完成市下目标任务": a target reached is a result, not a target
_TARGET_MET = re.compile(r"(?:完成|实现|达到|达成)[^，,。；;\d]{0,6}目标(?:任务)?")


def _elsewhen(said: str) -> bool:
    """The sentence is about another year, a target, an indicator or a plan, and may state another number."""
    return _ELSEWHEN.search(_TARGET_MET.sub("", said)) is not None


# "对业务运行费、招商引资活动经费等2个项目开展了…": the things named, then how many they are
_LISTED_COUNT = re.compile(r"((?:[“\"‘]?[\u4e00-\u9fff]{2,20}[”\"’]?、){1,12}[“\"‘]?[\u4e00-\u9fff]{2,20}[”\"’]?)等\s*(\d{1,5})\s*"
                           r"(个|项|家|所|条|场)")
_AS_WRITTEN = str.maketrans(",;:()", "，；：（）")  # a normalised mark, shown in a message as reports write it
_COUNT_NOUN = re.compile(r"(?<![\d.])(?<!\d,)(\d{1,4})\s*个([\u4e00-\u9fff]{2})")
_ALL_OF = re.compile(_COUNT_NOUN.pattern + r"(?:均|全部|都)")
_HAS = re.compile(r"(?:内设|下设|设有|共有|现有|拥有|设立|设置|下辖|辖有)$")
# "市政府办公室共有车辆10辆", "供给人员78人，供给车辆10辆": the vehicles the body has (not 实有, those in use, nor
# 购置, those bought), with the name of whose they are when written before
_VEHICLES = re.compile(r"([\u4e00-\u9fff（）()]{0,16}?)(?:共有|供给|现有|拥有)(?:公务)?车辆(?:共计|总数|为|共)?\s*(\d{1,4})\s*辆")
_SELF = re.compile(r"^(?:截至.*?日)?(?:我办|我单位|本单位|本部门|我部门|我局|本局)?")


@rule("C105", "consistency", Severity.WARNING, "同一事项的数量前后不一致",
      "同一事项在报告中（正文、表格和附件）说了不止一次时，数量应相同：同一刊物的期数或册数（《每日动态》256期），"
      "编制数和在职、离退休、公务员、工勤人员人数，列举的同一些事项之后的“等N个”，以及用同样的话说了两次的数量（“对17个重点涉密单位进行了督促检查”）；"
      "两处说法各一时，报告其数字在报告中写得较少的一处。一个十以上的数量只写了一次，而相近的数量（相差不到五分之一、同一单位、"
      "周围有两个相同的词）在别处写了三次以上时，也多半是同一事项写错了（“召开会议129场”三次，“召开130场高清会议”一次）。"
      "绩效目标表中一个指标的实际完成数量（“侨务联谊活动 | ≥2次 | 3次”）与文字中同一事项的数量（“侨务联谊3次”）也应相同。"
      "一句话先说“组织了5个项目进行评价”、后面又说“5个项目均……”时，两个数量说的是同一些事项，也应相同。"
      "“反映A、B等N个项目绩效目标实际完成情况”列出的项目数与报告所附项目绩效目标完成情况表的项目数相同时，N也应是这个数。"
      "说的是目标、指标、计划或另一年的句子不算。",
      bad="第一部分 部门概况\n（二）2020年重点工作完成情况\n全年编发《每日动态》256期。\n十、其他重要事项的情况说明\n"
          "（四）预算绩效管理情况\n全年累计下发《每日动态》219期。",
      good="第一部分 部门概况\n（二）2020年重点工作完成情况\n全年编发《每日动态》256期。\n十、其他重要事项的情况说明\n"
           "（四）预算绩效管理情况\n全年累计下发《每日动态》256期。")
def repeated_counts(ctx: CheckContext, out: Reporter) -> None:
    # (what, unit, the context that must also agree) → (value, start, end)
    groups: dict[tuple[str, str, str], list[tuple[int, int, int]]] = defaultdict(list)
    loose: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
    paired: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
    all_of: list[tuple[str, tuple[int, int, int], tuple[int, int, int]]] = []
    vehicles: list[tuple[str, tuple[int, int, int]]] = []
    for at, said in ctx.sentences(cells=True):
        # "组织了5个项目进行评价，…，5个项目均按照…": 均 takes up the count named before it in the
        # sentence (both said of the same time, even in a sentence about targets)
        for m in _ALL_OF.finditer(said):
            if re.search(r"(?:其中|有|中|余)\s*$", said[max(0, m.start() - 3) : m.start()]):
                continue  # "其中3个项目均…": a part of them
            earlier = [e for e in _COUNT_NOUN.finditer(said, 0, m.start()) if e.group(2) == m.group(2)]
            if earlier:
                e, a = earlier[-1], at + m.start(1)
                all_of.append((m.group(2), (int(e.group(1)), at + e.start(1), at + e.end(1)),
                               (int(m.group(1)), a, a + len(m.group(1)))))
        if _elsewhen(said) or ctx.of_another_year(said):
            continue
        for m in _VEHICLES.finditer(said):
            a = at + m.start(2)
            vehicles.append((re.sub(r"[（(]本级[）)]", "", _SELF.sub("", m.group(1))), (int(m.group(2)), a, a + len(m.group(2)))))
        for pattern, unit in ((_TITLED_COUNT, None), (_STAFF_COUNT, "人")):
            for m in pattern.finditer(said):
                a = at + m.start(2)
                groups[(m.group(1), unit or m.group(3), "")].append((int(m.group(2)), a, a + len(m.group(2))))
        for m in _LISTED_COUNT.finditer(said):
            names = [n.strip("“”\"'‘’ ") for n in m.group(1).split("、")]
            a = at + m.start(2)
            key = "、".join(names[1:])  # the first name's start runs into the words before the list
            groups[(f"“……、{key}等…{m.group(3)}”", m.group(3), str(len(names)))].append((int(m.group(2)), a, a + len(m.group(2))))
        for m in _WORDED_COUNT.finditer(said):
            before = said[m.start() - 1] if m.start() else ""
            if not before or before in _NOT_A_COUNT or m.group(3).startswith(("以上", "以下", "左右", "多", "余")):
                continue
            a = at + m.start(1)
            groups[(f"“{before.translate(_AS_WRITTEN)}…{m.group(2)}{m.group(3)}”", m.group(2), "")].append(
                (int(m.group(1)), a, a + len(m.group(1))))
        # Looser names (the four characters glued after the count, or before it: "召开会议129场"), judged only
        # when a majority says otherwise: two or more statements agree and one alone differs.
        for m in _ANY_COUNT.finditer(said):
            if re.match(r"\s*(?:以上|以下|左右|多|余)", said[m.end() : m.end() + 2]):
                continue
            unit, a = m.group(2), at + m.start(1)
            stated = (int(m.group(1)), a, a + len(m.group(1)))
            glued_after = re.match(r"[\u4e00-\u9fff]{4}", said[m.end() :])
            glued_before = re.search(r"[\u4e00-\u9fff]{4}$", said[: m.start()])
            if glued_before and _HAS.search(glued_before.group()):
                # "养护中心内设4个科室", "服务中心内设6个科室": 内设 says nothing of whose; the name before it does
                glued_before = re.search(r"[\u4e00-\u9fff]{6}$", said[: m.start()])
            before = said[m.start() - 1] if m.start() else ""
            if glued_after and before and before not in _NOT_BEFORE_LOOSE:
                loose[(f"“{before.translate(_AS_WRITTEN)}…{unit}{glued_after.group()}”", unit)].append(stated)
            if glued_before and glued_before.group()[-1] not in _NOT_BEFORE_LOOSE:
                loose[(f"“{glued_before.group()}…{unit}”", unit)].append(stated)
                # four characters before and two after ("办公室内设14个科室"), or six before ("全年招引项目102个"): named
                # surely enough to judge a pair
                if named_after := re.match(r"[\u4e00-\u9fff]{2}", said[m.end() :]):
                    paired[(f"“{glued_before.group()}…{unit}{named_after.group()}”", unit)].append(stated)
                elif (unit not in ("人", "名") and (six := re.search(r"[\u4e00-\u9fff]{6}$", said[: m.start()]))
                      and not _HAS.search(six.group())):  # (staff counts have their own names, _STAFF_COUNT)
                    paired[(f"“{six.group()}…{unit}”", unit)].append(stated)
    if len({owner for owner, _ in vehicles if owner}) <= 1:  # several bodies' vehicles are not one count
        groups[("车辆数", "辆", "")].extend(stated for _, stated in vehicles)
    # C108 judges a number that differs between two sentences otherwise alike
    reported = {a for stated in _parallel(ctx) if len({v for v, _, _ in stated}) > 1 for _, a, _ in stated}
    for (name, unit), stated in loose.items():
        counts = Counter(v for v, _, _ in stated)
        if len(counts) != 2:
            continue
        (common, n), (odd, k) = counts.most_common(2)
        if n < 2 or k != 1:
            continue
        out.checked()
        value, a, b = next(s for s in stated if s[0] == odd)
        if a in reported:
            continue  # named both ways: said once
        reported.add(a)
        out.finding(f"{name}在别处{n}次都为{common}{unit}，这里为{value}{unit}", ctx.locate(a, b),
                    expected=f"{common}{unit}", actual=f"{value}{unit}", evidence=ctx.document.text[max(0, a - 12) : b + 2])
    for key, stated in _indicator_counts(ctx).items():
        paired[key].extend(stated)
    for (name, unit), stated in paired.items():
        if len(stated) != 2 or stated[0][0] == stated[1][0]:
            continue
        out.checked()
        # the number the report writes less often, else the later (a restatement), is reported
        right, wrong = sorted(stated, key=lambda s: s[1])
        order = more_often(ctx, [str(right[0]), str(wrong[0])])
        if order is not None and order[0] == str(wrong[0]):
            right, wrong = wrong, right
        if wrong[1] not in reported:
            reported.add(wrong[1])
            _report_pair(ctx, out, name, unit, right, wrong, tie=order is None)
    for name, first, then in all_of:
        out.checked()
        if first[0] != then[0] and then[1] not in reported:
            # the sentence does not tell which of its two numbers is wrong: the finding is at both
            reported.add(then[1])
            out.finding(f"同一句先说{first[0]}个{name}，后面说{then[0]}个{name}均……，说的是同一些{name}，数量应相同",
                        ctx.locate(then[1], then[2]), expected=f"{first[0]}个", actual=f"{then[0]}个",
                        evidence=ctx.document.text[max(0, first[1] - 8) : then[2] + 4], related=[ctx.locate(first[1], first[2])])
    for (name, unit, _), stated in groups.items():
        if len(stated) < 2:
            continue
        out.checked()
        stated.sort(key=lambda s: s[1])  # in a tie the later statement (a restatement) is the one reported
        values = [v for v, _, _ in stated]
        if len(set(values)) == 1:
            continue
        counts = Counter(values)
        common = counts.most_common(1)[0][0]
        tie = counts[common] * 2 <= len(values)
        second = next(v for v in counts if v != common)
        order = more_often(ctx, [str(common), str(second)]) if tie and len(counts) == 2 else None
        if order is not None and order[0] == str(second):
            tie, common, second = False, second, common  # the number the report writes more often is taken as right
        if tie and len(stated) == 2:
            if stated[1][1] not in reported:
                reported.add(stated[1][1])
                _report_pair(ctx, out, name, unit, stated[0], stated[1], tie=True)
            continue
        for value, a, b in stated[1:] if tie else stated:
            if (tie or value != common) and a not in reported:
                reported.add(a)
                other = second if value == common else common
                out.finding(f"{name}在别处为{other}{unit}，这里为{value}{unit}", ctx.locate(a, b),
                            expected=f"{other}{unit}", actual=f"{value}{unit}",
                            evidence=ctx.document.text[max(0, a - 12) : b + 2])
    _near_counts(ctx, out, reported)
    _projects_reported(ctx, out, reported)


# The template's sentence on the projects whose goals the report gives: "本部门在2020年度部门决算中反映“业务运行费”、
# “招商引资活动经费”等2个项目绩效目标实际完成情况".
_PROJECTS_REPORTED = re.compile(r"反映([^。；;]{2,300}?)等\s*(\d{1,3})\s*个项目绩效目标(?:实际)?完成情况")


def _projects_reported(ctx: CheckContext, out: Reporter, reported: set[int]) -> None:
    """The projects named in that sentence are as many as the goal tables the report gives: then 等N个 counts them."""
    tables = {t.project.strip("“”\"") for t in ctx.disclosure.performance.goal_tables if t.project}
    if not tables:
        return
    for at, said in ctx.sentences():
        for m in _PROJECTS_REPORTED.finditer(said):
            listed = m.group(1)
            names = [n for n in re.split(r"、" if "、" in listed else r"[“”\"]+", listed) if n.strip("“”\" ")]
            count, a = int(m.group(2)), at + m.start(2)
            if len(names) != len(tables) or a in reported:
                continue
            out.checked()
            if count != len(names):
                reported.add(a)
                out.finding(f"这里列出{len(names)}个项目，报告中也有{len(tables)}个项目的绩效目标完成情况表，却写作“等{count}个项目”",
                            ctx.locate(a, a + len(m.group(2))), expected=f"{len(names)}个", actual=f"{count}个",
                            evidence=said[m.start() : m.end()][-60:])


def _report_pair(ctx: CheckContext, out: Reporter, name: str, unit: str, right: tuple[int, int, int],
                 wrong: tuple[int, int, int], *, tie: bool) -> None:
    """One quantity stated twice with two numbers, reported at `wrong`. In a tie (nothing in the report says which
    is right) the finding concerns the other statement just as much: it names it and carries it as related."""
    (other, c, d), (value, a, b) = right, wrong
    elsewhere = ctx.locate(c, d)
    why = UNDECIDED if tie else ""
    out.finding(f"{name}在{place(elsewhere)}为{other}{unit}，这里为{value}{unit}{why}", ctx.locate(a, b),
                expected=f"{other}{unit}", actual=f"{value}{unit}", evidence=ctx.document.text[max(0, a - 12) : b + 2],
                related=[elsewhere] if tie else None)


# A count of ten or more written once ("召开130场高清会议") beside a near number (within a fifth) of the same thing
# written three times or more ("召开会议129场"): the same thing if the words around them share two words of two characters.
_COUNT_OF = re.compile(rf"(?<![\d.])(?<!\d,)(\d{{2,6}})\s*(?:余|多)?\s*({_COUNT_UNITS})")
_PAIR = re.compile(r"(?=([\u4e00-\u9fff]{2}))")
_OFTEN_KEPT = 100


def _pairs(words: str) -> set[str]:
    """The pairs of Chinese characters in `words`."""
    return {m.group(1) for m in _PAIR.finditer(words)}



def _near_counts(ctx: CheckContext, out: Reporter, reported: set[int]) -> None:
    text = ctx.document.text
    said: dict[tuple[int, str], list[tuple[int, int, set[str]]]] = defaultdict(list)
    for at, sentence in ctx.sentences(cells=True):
        if _elsewhen(sentence) or ctx.of_another_year(sentence):
            continue  # a target or another year's count
        for m in _COUNT_OF.finditer(sentence):
            a, b = at + m.start(1), at + m.end(1)
            around = sentence[max(0, m.start(1) - 10) : m.start(1)] + sentence[m.end() : m.end() + 8]
            said[(int(m.group(1)), m.group(2))].append((a, b, _pairs(around)))
    # the counts written three times or more, by unit (few: each takes three statements); bounded per unit
    often: dict[str, list[tuple[int, list[tuple[int, int, set[str]]]]]] = defaultdict(list)
    for (value, unit), stated in sorted(said.items(), key=lambda kv: -len(kv[1])):
        if len(stated) >= 3 and len(often[unit]) < _OFTEN_KEPT:
            often[unit].append((value, stated))
    for (value, unit), stated in said.items():
        if len(stated) != 1 or stated[0][0] in reported:
            continue
        a, b, words = stated[0]
        near = [(v, s) for v, s in often[unit] if v != value and abs(v - value) <= max(2, v // 5)
                and any(len(words & w) >= 2 for _, _, w in s)]
        if len(near) != 1:
            continue
        out.checked()
        common, statements = near[0]
        reported.add(a)
        out.finding(f"同一事项的数量在别处{len(statements)}次都为{common}{unit}，这里为{value}{unit}", ctx.locate(a, b),
                    expected=f"{common}{unit}", actual=f"{value}{unit}", evidence=text[max(0, a - 12) : b + 2])


# A goal table's count indicator ("侨务联谊活动 | ≥2次 | 3次") and the same count told in the prose ("侨务联谊3次"):
# the indicator's first four characters, then the count in the same unit.
_ROWS_KEPT = 300
_INDICATOR_COUNT = re.compile(rf"(\d{{1,5}})\s?({_COUNT_UNITS})")


def _indicator_counts(ctx: CheckContext) -> dict[tuple[str, str], list[tuple[int, int, int]]]:
    """(name, unit) → the count of each goal-table indicator whose actual value is a count, and the prose's
    statements of it."""
    text = ctx.document.text
    found: dict[tuple[str, str], list[tuple[int, int, int]]] = defaultdict(list)
    prose = [(a, sentence) for a, sentence in ctx.sentences() if not _elsewhen(sentence)]
    rows = [row for table in ctx.disclosure.performance.goal_tables for row in table.indicators]
    for row in rows[:_ROWS_KEPT]:  # bounded: each row's name is looked for in the whole prose
        for label, count, unit, at in _row_counts(text, row.cells, row.location.start):
            key = (f"“{label[:4]}…{unit}”", unit)
            said = re.compile(re.escape(label[:4]) + r"[\u4e00-\u9fff]{0,4}?(\d{1,5})\s*" + re.escape(unit))
            told = [(int(m.group(1)), a + m.start(1), a + m.end(1)) for a, sentence in prose for m in said.finditer(sentence)]
            if not told:
                # else a word of the indicator's name right before the count ("会议保障次数" | "召开工作会议17次")
                words = _pairs(label[:12]) - _GENERIC_WORDS
                if words:
                    said = re.compile("(?:" + "|".join(map(re.escape, sorted(words))) + r")(\d{1,5})\s*" + re.escape(unit))
                    told = [(int(m.group(1)), a + m.start(1), a + m.end(1)) for a, sentence in prose
                            for m in said.finditer(sentence)]
            if len(told) == 1:  # told once in the prose: the same thing
                found[key] += [(count, at, at + len(str(count))), *told]
    return found


# "引智活动2次\n引资活动2次": a cell of several indicators, each its name and count on a line
_NAMED_COUNT_LINE = re.compile(rf"([\u4e00-\u9fff]{{4,8}})\s?(\d{{1,5}})\s?({_COUNT_UNITS})")


def _row_counts(text: str, cells: list[str], start: int) -> list[tuple[str, int, str, int]]:
    """The counts a goal-table row gives as actual values: (the indicator's name, the count, its unit, where the count
    is written), from its last cell (after the expected value's, which may read the same)."""
    if len(cells) < 3:
        return []
    expected = text.find(cells[-2].strip(), start, start + 4000)
    actual_at = text.find(cells[-1].strip(), expected + len(cells[-2].strip()), start + 4000) if expected >= 0 else -1
    if actual_at < 0:
        return []
    single = _INDICATOR_COUNT.fullmatch(cells[-1].strip()[:12])
    name = re.match(r"(?:指标\s*\d+\s*[:：])?\s*([\u4e00-\u9fff]{4})", cells[-3])
    if single is not None:
        return [(cells[-3][name.start(1):], int(single.group(1)), single.group(2), actual_at)] if name else []
    lines = [line.strip() for line in cells[-1].strip().split("\n")]
    named = [_NAMED_COUNT_LINE.fullmatch(line) for line in lines[:8]]
    if len(lines) < 2 or len(lines) > 8 or not all(named):
        return []
    found, at = [], actual_at
    for m in named:
        assert m is not None
        at = text.find(m.group(), at, actual_at + 400)
        if at < 0:
            return []
        found.append((m.group(1), int(m.group(2)), m.group(3), at + m.start(2)))
    return found


# Words of an indicator's name that say nothing of what it counts.
_GENERIC_WORDS = frozenset({"活动", "次数", "数量", "工作", "开展", "完成", "指标", "情况", "项目", "保障", "组织", "举办",
                            "参与", "人数", "任务", "召开", "服务", "相关"})


# An amount named by the same four characters before it ("退回财政公务接待费198.68万元"), in sentences about this
# year's actuals (no other year, no comparison, no budget or target).
_NAMED_AMOUNT = re.compile(r"([\u4e00-\u9fff]{4})(?:[（(][^（）()]{1,40}[）)])?(?:为|是|共计|合计|达到?)?\s*(\d[\d,]*\.\d{1,2}|\d{2,5})\s*万元")
# A budget or plan is this year's too, but its amount may differ from the actual; one is an actual again when an
# act of spending follows the word ("本年在年初预算压缩后又退回财政公务接待费198.68万元")
_BUDGET = re.compile(rf"{BUDGET_WORD}|年初|安排|申报|批复")
_SPENT = re.compile(r"退回|支付|实际|执行|使用|完成|结余|结转")  # not 支出: "预算项目支出" is a budget


def actual_clause(ctx: CheckContext, sentence: str, at: int) -> bool:
    """The clause of `sentence` that ends at `at` states this year's actual: not a comparison, target or plan, no
    other year in it or opening the sentence, no budget unless an act of spending follows it."""
    clause = sentence[clause_start(sentence, at) : at]
    head = CLAUSE_MARK.split(sentence, maxsplit=1)[0]
    if _elsewhen(clause) or ctx.of_another_year(clause) or ctx.of_another_year(head):
        return False
    last = max((m.end() for m in _BUDGET.finditer(clause)), default=None)
    return last is None or _SPENT.search(clause, last) is not None
# Four characters that name no thing of their own ("公务接待费支出决算0.53万元", "…支出决算1.18万元")
# Names the same words give to the whole unit's figure and to the 财政拨款 one ("基本支出3702.91万元" of 本年支出,
# "主要用于：基本支出3455.91万元" of 财政拨款支出): the model tells them apart by section, and C101 judges them.
_FIELDS = {"基本支出", "项目支出", "人员经费", "公用经费", "收入合计", "支出合计", "收入总计", "支出总计", "转和结余"}


# "2019年财政预算拨款（一般公共预算财政拨款收入）790.21万元" and "2019年财政预算拨款790.21万元": a year, then six
# characters that name the amount, then the amount to the cent (not a change: no 较/比/与 before the year)
_YEAR_NAMED = re.compile(r"(?<![较比与同至])(20\d\d)\s*年度?\s*([\u4e00-\u9fff]{6})(?:[（(][^（）()]{1,30}[）)])?(?:为|是)?\s*"
                         r"(?<![\d.])(\d[\d,]{0,12}\.\d{2})\s*万元")


# A project's evaluation report tells its funds twice, in its overview and under 资金到位及使用, often in other
# words: "2019年下达项目建设经费275万元" and "2019年市财政直接批复到位项目工作经费275万元", "2020年7月支付…系统服务费54万元"
# and "2020年我办支付…系统经费54万元". Same year, same act (funds given, or funds paid), same thing once the
# qualifiers are left out: the same amount.
_FUNDS_ACT = re.compile(r"(20\d\d)年度?(?:\d{1,2}月(?:\d{1,2}日)?)?[^，,。；;\d]{0,12}?(下达|批复到位|批复|到位|拨付|拨入|支付|支出)"
                        r"([^，,。；;\d]{2,30}?)(?:为|共计|合计)?\s*(\d[\d,]{0,12}(?:\.\d{1,2})?)\s*万元")
_GIVEN = ("下达", "批复到位", "批复", "到位", "拨付", "拨入")
_QUALIFIER = re.compile(r"建设|工作|服务|[“”\"]")


# An amount to the cent ("77.55万元") said once, near one said three times or more with the same words around it
# ("部门预算的项目支出资金为77.55万元", "70.50万元" ×6 after "预算项目支出…资金为"): the same amount written wrong.
_CENTS = re.compile(r"(?<![\d.])(?<!\d,)(\d[\d,]{0,12}\.\d{2})\s*万元")
_NEAR = Decimal("0.2")  # how far a slip may move an amount
_MEASURED = re.compile(r"([\u4e00-\u9fff]{2})(?:为|是|达到?|共计|合计)?\s*$")
_NEAR_WORDS = 3  # pairs of characters shared with two of the other statements, generic ones aside
_TEMPLATE_WORDS = ("财政拨款收入", "一般公共预算", "政府性基金预算", "国有资本经营", "支出决算", "完成预算的", "预算数为", "决算数为",
                   "年度", "金额", "共计", "实际", "执行", "本年", "全年", "项目", "基本支出", "其中", "主要用于", "本级")



def _near_amounts(ctx: CheckContext, out: Reporter, reported: set[int]) -> None:
    # (value, a budget) → (start, end, the pairs of characters around it, the two that measure it: 资金, 支出 …)
    said: dict[tuple[Decimal, bool], list[tuple[int, int, set[str], str]]] = defaultdict(list)
    generic = set().union(*map(_pairs, _TEMPLATE_WORDS), _pairs(ctx.disclosure.meta.organisation or ""))
    for at, sentence in ctx.sentences(cells=True):
        for m in _CENTS.finditer(sentence):
            begin = clause_start(sentence, m.start())
            clause = sentence[begin : m.start()]
            if _elsewhen(clause) or ctx.of_another_year(clause) or re.search(r"[增减降]|其中", clause):
                continue  # a change, a target, another year, a part
            budget = not actual_clause(ctx, sentence, m.start())  # budgets are compared with budgets
            after = CLAUSE_MARK.split(sentence[m.end() : m.end() + 6], maxsplit=1)[0]
            measure = _MEASURED.search(clause)
            said[(Decimal(m.group(1).replace(",", "")), budget)].append(
                (at + m.start(1), at + m.end(1), _pairs(sentence[max(begin, m.start() - 12) : m.start()]) - generic
                 | _pairs(after) - generic, measure.group(1) if measure else ""))
    often = [(value, budget, stated) for (value, budget), stated in said.items() if len(stated) >= 3]
    written = values_written(ctx)
    text = ctx.document.text
    for (value, budget), stated in said.items():
        if len(stated) != 1 or written[value] != 1 or stated[0][0] in reported:
            continue
        a, b, words, measure = stated[0]
        # ("项目资金77.55万元" ×3 and "项目实际支出70.50万元" measure two things)
        near = [(v, s) for v, k, s in often if k == budget and v != value and abs(v - value) <= v * _NEAR
                and sum(len(words & w) >= _NEAR_WORDS and measure == m for _, _, w, m in s) >= 2]
        if len(near) != 1:
            continue
        out.checked()
        _, statements = near[0]
        usual = Counter(text[c:d] for c, d, _, _ in statements).most_common(1)[0][0]
        reported.add(a)
        out.finding(f"同样说法的金额在别处{len(statements)}次都为{usual}万元，这里为{text[a:b]}万元", ctx.locate(a, b),
                    expected=f"{usual}万元", actual=f"{text[a:b]}万元", evidence=text[max(0, a - 12) : b + 2])


# "（1）业务运行费（含…）…" then its indicators one a line, the last "成本指标：40.50万元、完成率100%。": the project's
# cost is its budget (a goal table's 年度预算/预算数)
_COST_LINE = re.compile(r"\s*成本指标\s*[:：]\s*(\d[\d,]{0,12}(?:\.\d{1,2})?)\s*万元")
_COST_LOOKBACK = 6  # paragraphs up to the item that names the project


def _cost_lines(ctx: CheckContext, out: Reporter) -> set[int]:
    """A cost indicator told under the list item of a goal table's project, against that project's budget."""
    tables = [t for t in ctx.disclosure.performance.goal_tables if t.project and len(t.project.strip("“”")) >= 4 and t.budget]
    reported: set[int] = set()
    if not tables:
        return reported
    recent: list[str] = []
    text = ctx.document.text
    for start, paragraph in ctx.paragraphs():
        m = _COST_LINE.match(paragraph)
        if m is None:
            recent = [*recent[-(_COST_LOOKBACK - 1) :], paragraph[:80]]
            continue
        named = next((t for line in reversed(recent) if numbering(line.strip()) is not None
                      for t in tables if t.project and t.project.strip("“”") in line), None)
        if named is None:
            continue
        out.checked()
        budget = named.budget[0]
        a, b = start + m.start(1), start + m.end(1)
        cost = Decimal(m.group(1).replace(",", ""))
        if cost != budget.value and said_once(ctx, cost) and not said_once(ctx, budget.value):
            reported.add(a)
            out.finding(f"“{named.project.strip('“”')}”的成本指标写作{text[a:b]}万元，其绩效目标表中预算数为{budget.raw}",
                        ctx.locate(a, b), expected=budget.raw, actual=f"{text[a:b]}万元", related=[budget.location],
                        evidence=text[max(0, a - 8) : b + 2])
    return reported


def _report_funds(ctx: CheckContext, out: Reporter) -> set[int]:
    """One project report's funds of one year, given or paid, stated exactly twice with two values: both places."""
    reported: set[int] = set()
    reports = project_reports(ctx)
    if not reports:
        return reported
    acts: dict[tuple[int, str, bool, str], list[tuple[Decimal, int, int, str]]] = defaultdict(list)
    for at, said in ctx.sentences():
        n = next((k for k, r in enumerate(reports) if r.start <= at < r.end), None)
        if n is None:
            continue
        for m in _FUNDS_ACT.finditer(said):
            thing = _QUALIFIER.sub("", m.group(3)).replace("经费", "费")
            if len(thing) >= 3 and not GENERIC_AMOUNT_NAME.fullmatch(thing):
                a = at + m.start(4)
                acts[(n, m.group(1), m.group(2) in _GIVEN, thing)].append(
                    (Decimal(m.group(4).replace(",", "")), a, a + len(m.group(4)), m.group()))
    text = ctx.document.text
    for (n, *_), stated in acts.items():
        if len(stated) != 2:
            continue
        out.checked()
        (v, a, b, told), (w, c, d, _) = stated
        if v == w:
            continue
        first = ctx.locate(a, b)
        out.finding(f"《{reports[n].title}》两处说同一年的同一笔资金：{place(first)}为“{told}”，这里为{text[c:d]}万元{UNDECIDED}",
                    ctx.locate(c, d), related=[first], evidence=text[max(0, c - 16) : d + 2])
        reported |= {a, c}
    return reported


# A part's amount in a table row ("信访经费 | 5万元", a goal table's "指标3：信访经费 | 5万元 | 5万元") and where the
# prose lists the parts ("、信访经费5万元、"): the annexes repeat such tables, so one part is often stated four or five
# times, and one value against all the others is the slip.
_ROW_NAME = re.compile(r"(?:指标\s*\d{1,2}\s*[:：])?\s*([\u4e00-\u9fff]{3,16})\s*")
_ROW_AMOUNT = re.compile(r"\s*(\d[\d,]{0,12}(?:\.\d{1,2})?)\s*万元\s*")
_ROW_RATE = re.compile(r"\s*\d{1,3}(?:\.\d{1,2})?\s*[%％]\s*")  # fullmatch only: one start, linear
_ROW_CELLS = 12  # a row of a part and its amounts (a goal table's has six or seven cells)


def _row_parts(ctx: CheckContext) -> tuple[dict[str, list[tuple[Decimal, int, int]]], dict[int, int]]:
    """Name → (amount, start, end) of each amount in a table row that is a name and then only amounts (and perhaps
    a completion rate); and the targets that differ from their row's actual (start → the row's start)."""
    named: dict[str, list[tuple[Decimal, int, int]]] = defaultdict(list)
    targets: dict[int, int] = {}
    norm = ctx.document.normalized
    for table in ctx.document.tables:
        for row in table.rows:
            cells = [c for c in row.cells if norm[c.start : c.end].strip()]
            if len(cells) > _ROW_CELLS:
                continue  # not a row of a part and its amounts
            while len(cells) > 2 and _ROW_RATE.fullmatch(norm[cells[-1].start : cells[-1].end]):
                cells.pop()  # a goal table's completion rate after the target and the actual
            for i, cell in enumerate(cells[:-1]):
                amounts = [(c, m) for c in cells[i + 1 :] if (m := _ROW_AMOUNT.fullmatch(norm[c.start : c.end]))]
                if len(amounts) != len(cells) - i - 1:
                    continue
                name = _ROW_NAME.fullmatch(norm[cell.start : cell.end])
                if name is not None and not GENERIC_AMOUNT_NAME.fullmatch(name.group(1)[-4:]):
                    values = [Decimal(m.group(1).replace(",", "")) for _, m in amounts]
                    for (c, m), value in zip(amounts, values, strict=True):  # the target and the actual
                        a = c.start + m.start(1)
                        # a target unlike its row's actual may be a real target (a cost kept under it)
                        named[name.group(1)].append((value, a, a + len(m.group(1))))
                        if value != values[-1]:
                            targets[a] = row.start
                break
    return named, targets


def _part_amounts(ctx: CheckContext, out: Reporter) -> set[int]:
    """Parts named in table rows, and the same names in the prose: one value against three or more others, or
    against two when it is written nowhere else in the report."""
    named, targets = _row_parts(ctx)
    rows = {row.start: row.end for table in ctx.document.tables for row in table.rows}
    reported: set[int] = set()
    if not named:
        return reported
    # in the prose, the name as a whole: after a mark or a joining word ("及“两会”等工作经费2.50万元"), not inside a
    # longer name ("招商引资工作经费14万元" is another part)
    said = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=[等及和与]))(" + "|".join(re.escape(n) for n in sorted(named, key=len, reverse=True))
                      + r")\s*(\d[\d,]{0,12}(?:\.\d{1,2})?)\s*万元")
    for at, sentence in ctx.sentences():
        for m in said.finditer(sentence):
            if actual_clause(ctx, sentence, m.start()):
                a = at + m.start(2)
                named[m.group(1)].append((Decimal(m.group(2).replace(",", "")), a, a + len(m.group(2))))
    text = ctx.document.text
    for name, stated in named.items():
        if len(stated) < 3:
            continue
        out.checked()
        values = Counter(v for v, _, _ in stated)
        (common, n), *rest = values.most_common()
        if n < 2 or len(rest) != 1 or rest[0][1] != 1 or (n < 3 and not said_once(ctx, rest[0][0])):
            continue
        _, a, b = next(s for s in stated if s[0] == rest[0][0])
        if a in targets and sum(1 for v, c, _ in stated if v == common
                                and not targets[a] <= c < rows[targets[a]]) < 3:
            continue  # a target beside its actual: borne out three times outside its row, or a target indeed
        usual = next(text[c:d] for v, c, d in stated if v == common)
        out.finding(f"“{name}”的金额在别处{n}次都为{usual}万元，这里为{text[a:b]}万元", ctx.locate(a, b),
                    expected=f"{usual}万元", actual=f"{text[a:b]}万元", evidence=text[max(0, a - 12) : b + 2])
        reported.add(a)
    return reported


def _year_named_pairs(ctx: CheckContext, out: Reporter) -> set[int]:
    """The same year's amount under the same six-character name, said exactly twice with two values: one is wrong,
    and nothing tells which. Both places are named."""
    named: dict[tuple[str, str], list[tuple[Decimal, int, int]]] = defaultdict(list)
    for at, said in ctx.sentences():
        for m in _YEAR_NAMED.finditer(said):
            if GENERIC_AMOUNT_NAME.fullmatch(m.group(2)[-4:]) or "预算数" in m.group(2):
                continue
            a = at + m.start(3)
            named[(m.group(1), m.group(2))].append((Decimal(m.group(3).replace(",", "")), a, a + len(m.group(3))))
    reported: set[int] = set()
    for (year, name), stated in named.items():
        if len(stated) != 2:
            continue
        out.checked()
        (v, a, b), (w, c, d) = stated
        if v == w:
            continue
        text = ctx.document.text
        first = ctx.locate(a, b)
        out.finding(f"“{year}年{name}”在{place(first)}为{text[a:b]}万元，这里为{text[c:d]}万元{UNDECIDED}",
                    ctx.locate(c, d), related=[first], evidence=text[max(0, c - 16) : d + 2])
        reported |= {a, c}
    return reported


@rule("C106", "consistency", Severity.WARNING, "同一说法的金额前后不一致",
      "同一个金额用同样的话（金额前的四个字相同）说了三次以上时，其中只有一处不同多半是写错了；"
      "绩效目标表中的项目名称后的金额只说了两次而不同时，一个数在报告中写了三次以上、另一个别处从未出现，后者多半是写错了。"
      "写明年份、用同样六个字命名的金额（“2019年财政预算拨款790.21万元”）只说了两次而不同时，两处都指出。"
      "说的是上年、预算或目标的分句不算（预算之后又说了退回、支付、执行等的，说的仍是实际数）。"
      "绩效目标表中一行的指标值和实际完成值，都是这一项的金额。"
      "一个精确到分、全文只写了一次的金额，与一个写了三次以上、相差不到五分之一的金额前后用的是同样的词（至少两处各有三对以上相同的字，"
      "套话和单位名称不算）时，多半是同一金额写错了；预算只与预算比。"
      "列出某个项目的各项绩效指标时，“成本指标：X万元”应是这个项目绩效目标表中的预算数。",
      bad="二、重点工作\n全年退回财政公务接待费198.68万元。\n三、存在问题\n因疫情退回财政公务接待费198.68万元。\n"
          "四、其他\n年末退回财政公务接待费218.55万元。",
      good="二、重点工作\n全年退回财政公务接待费198.68万元。\n三、存在问题\n因疫情退回财政公务接待费198.68万元。\n"
           "四、其他\n年末退回财政公务接待费198.68万元。")
def named_amounts(ctx: CheckContext, out: Reporter) -> None:
    reported = _project_amounts(ctx, out)  # a project's own name says more than four characters
    reported |= _year_named_pairs(ctx, out)
    reported |= _part_amounts(ctx, out)
    reported |= _report_funds(ctx, out)
    reported |= _cost_lines(ctx, out)
    named: dict[str, list[tuple[Decimal, int, int]]] = defaultdict(list)
    name_at: dict[int, int] = {}  # where each amount's four characters begin
    for at, said in ctx.sentences():
        for m in _NAMED_AMOUNT.finditer(said):
            if m.group(1) in _FIELDS or GENERIC_AMOUNT_NAME.fullmatch(m.group(1)) or not actual_clause(ctx, said, m.start(2)):
                continue
            a = at + m.start(2)
            name_at[a] = at + m.start(1)
            named[m.group(1)].append((Decimal(m.group(2).replace(",", "")), a, a + len(m.group(2))))
    for name, stated in named.items():
        if len(stated) < 3:
            continue
        out.checked()
        values = [v for v, _, _ in stated]
        groups = [[v for v in values if abs(v - w) <= half_digit(v) + half_digit(w)] for w in values]
        common = max(groups, key=len)
        odd = [(v, a, b) for v, a, b in stated if v not in common]
        if len(common) < 2 or len(odd) != 1 or len(common) + 1 != len(values):
            continue
        _, a, b = odd[0]
        if a in reported:
            continue
        text = ctx.document.text
        usual = Counter(text[c:d] for v, c, d in stated if v in common).most_common(1)[0][0]  # as the report writes it
        whole = text[word_start(text, name_at[a]) : name_at[a] + len(name)]  # "业务运行费", not "务运行费"
        reported.add(a)
        out.finding(f"“{whole}”的金额在别处{len(common)}次都为{usual}万元，这里为{text[a:b]}万元",
                    ctx.locate(a, b), expected=f"{usual}万元", actual=f"{text[a:b]}万元", evidence=text[max(0, a - 12) : b + 2])
    _near_amounts(ctx, out, reported)  # last: the modes above say more of what the amount is


def _project_amounts(ctx: CheckContext, out: Reporter) -> set[int]:
    """A project of the goal tables named with an amount twice ("业务运行费40.50万元" and "业务运行费44.55万元"): judged
    when the report bears one value out (written three times or more) and never writes the other again."""
    projects = {t.project.strip("“”") for t in ctx.disclosure.performance.goal_tables if t.project and len(t.project) >= 4}
    reported: set[int] = set()
    if not projects:
        return reported
    said = re.compile("(" + "|".join(re.escape(p) for p in sorted(projects, key=len, reverse=True)) + r")"
                      r"(?:[（(][^（）()]{1,40}[）)])?(?:为|是|共计|合计|支出|达到?)?\s*(\d[\d,]*(?:\.\d{1,2})?)\s*万元")
    named: dict[str, list[tuple[Decimal, int, int, str]]] = defaultdict(list)
    for at, sentence in ctx.sentences():
        for m in said.finditer(sentence):
            if not actual_clause(ctx, sentence, m.start(2)):
                continue
            a = at + m.start(2)
            named[m.group(1)].append((Decimal(m.group(2).replace(",", "")), a, a + len(m.group(2)), m.group(2)))
    written = values_written(ctx)
    for name, stated in named.items():
        if len(stated) != 2 or stated[0][0] == stated[1][0]:
            continue  # three or more are judged by their majority above
        out.checked()
        odd = [s for s in stated if said_once(ctx, s[0])]
        if len(odd) != 1:
            continue
        common, _, _, told = next(s for s in stated if s is not odd[0])
        if written[common] < 3:
            continue
        _, a, b, raw = odd[0]
        out.finding(f"“{name}”的金额在别处为{told}万元（该数在报告中写了{written[common]}次），这里为{raw}万元",
                    ctx.locate(a, b), expected=f"{told}万元", actual=f"{raw}万元",
                    evidence=ctx.document.text[max(0, a - 12) : b + 2])
        reported.add(a)
    return reported


# A sentence written twice, word for word but for one number ("累计报送政务信息360多条、专报150余篇，国办采用52条，…"
# in the overview and again in the work summary): the same fact, so the number must be the same.
_MIN_CLAUSE_HAN = 14
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_END = re.compile(r"[，,；;。]")
_MIN_HAN = 16  # shorter sentences ("支出决算为N万元。") are a template's, said of many things


@rule("C108", "consistency", Severity.WARNING, "同一句话两处数字不同",
      "同一句话（除数字外一字不差，至少十六个汉字）在报告中写了两次以上，其中只有一个数字不同时，说的是同一件事，"
      "数字应相同；三处以上时报告与多数不同的一处；只有两处时，报告其数字在报告别处写得较少的一处（一样多时报告后一处）。"
      "各处数字都不相同的句子是模板句，不作判断。一个较长的分句（至少十四个汉字，例如“主渠道密码通信系统及相关配套设备全年24小时正常运行”）"
      "在不同的句子里写了三次以上时，同样只有一处数字不同的，报告这一处；短的分句连同它前面的分句一起看，"
      "合起来有三十二个汉字以上的，写了两次也按句子判断。",
      bad="一、部门职责\n累计报送政务信息360多条、专报150余篇，国办采用52条，得到领导综合性批示。\n"
          "二、重点工作\n累计报送政务信息360多条、专报150余篇，国办采用53条，得到领导综合性批示。",
      good="一、部门职责\n累计报送政务信息360多条、专报150余篇，国办采用52条，得到领导综合性批示。\n"
           "二、重点工作\n累计报送政务信息360多条、专报150余篇，国办采用52条，得到领导综合性批示。")
def parallel_sentences(ctx: CheckContext, out: Reporter) -> None:
    reported: set[int] = set()  # a clause's number may be a whole sentence's too
    for stated in _parallel(ctx):
        out.checked()
        counts = Counter(v for v, _, _ in stated)
        if len(counts) != 2:
            continue
        (common, n), (_, k) = counts.most_common(2)
        if k != 1 or (n == 1 and len(stated) > 2):
            continue
        why, tie = "", False
        if n == 1:  # two statements: the number the report writes less often elsewhere, else the later, is the slip
            (v1, a1, b1), (v2, a2, b2) = stated
            with_words = said_with_words(ctx, a1, b1), said_with_words(ctx, a2, b2)
            if min(with_words) == 1 and max(with_words) >= 2:  # the words around it say which ("群访事件8起" ×6)
                common = v1 if with_words[0] > with_words[1] else v2
                why = f"（报告中{max(with_words)}处这样写）"
            else:
                order = more_often(ctx, [v1, v2])
                tie = order is None
                common = v1 if order is None else order[0]
        value, a, b = next(s for s in stated if s[0] != common)
        if a in reported:
            continue
        reported.add(a)
        first = next(s for s in stated if s[0] == common)
        elsewhere = ctx.locate(first[1], first[2])
        undecided = UNDECIDED if tie else ""
        out.finding(f"同一句话在{place(elsewhere)}写作{common}{why}，这里为{value}{undecided}", ctx.locate(a, b),
                    expected=common, actual=value, evidence=ctx.document.text[max(0, a - 12) : b + 4],
                    related=[elsewhere] if tie else None)


def _longer_said(said_as: dict[str, list[list[tuple[str, int, int]]]]) -> None:
    """A sentence said once that goes on, after a comma, past one said twice or more ("…采用2条。" twice, and once
    "…采用2条，《…》获得邹市长肯定性批示。"): its first clauses are that sentence again, their numbers its statements."""
    repeated: dict[str, list[str]] = defaultdict(list)  # the first 12 characters of a repeated sentence → sentences
    for words, statements in said_as.items():
        if len(statements) > 1:
            repeated[words[:12]].append(words)
    for words, statements in list(said_as.items()):
        if len(statements) != 1:
            continue
        for shorter in repeated.get(words[:12], []):
            if len(shorter) < len(words) and words.startswith(shorter) and words[len(shorter)] in "，,":
                said_as[shorter].append(statements[0][: shorter.count("N")])
                break


def _parallel(ctx: CheckContext) -> list[list[tuple[str, int, int]]]:
    """The statements of one number in sentences written twice or more word for word, all their other numbers
    alike (the number that differs, or the first when none does): [(value, start, end)] per such sentence (C108
    judges them; C105 leaves them to it)."""
    memo = ctx.memo.get("parallel")
    if isinstance(memo, list):
        return memo
    said_as: dict[str, list[list[tuple[str, int, int]]]] = defaultdict(list)
    for at, said in ctx.sentences(cells=True):
        numbers = [(m.group().replace(",", ""), at + m.start(), at + m.end()) for m in NUMBER.finditer(said)]
        words = NUMBER.sub("N", said).strip()
        if numbers and _han(words) >= _MIN_HAN:
            said_as[words].append(numbers)
    _longer_said(said_as)
    spans = sorted((row.start, row.end, (b, r)) for b, block in enumerate(ctx.document.blocks)
                   for r, row in enumerate(block.rows if block.rows else [block.location]))
    starts = [start for start, _, _ in spans]

    def where(offset: int) -> tuple[int, int] | int:
        """The paragraph or table row an offset stands in."""
        i = bisect.bisect_right(starts, offset) - 1
        return spans[i][2] if i >= 0 and offset < spans[i][1] else offset

    found: list[list[tuple[str, int, int]]] = []
    for least, groups in ((2, said_as), (3, _clauses(ctx))):
        taken = {n[1] for stated in found for n in stated}
        for words, statements in groups.items():
            # a long clause is as telling as a sentence
            need = 2 if _han(words) >= _MIN_HAN * 2 else least
            if len(statements) < need or all(s[0][1] in taken for s in statements):
                continue
            differing = [i for i in range(len(statements[0])) if len({s[i][0] for s in statements}) > 1]
            places = [where(s[0][1]) for s in statements]
            if len(set(places)) < len(places):
                continue  # said twice in one paragraph or table row: a target beside its result ("30万元用于…；29.99万元用于…")
            if len(differing) <= 1:  # when every number differs, a template said of several things
                found.append([s[differing[0] if differing else 0] for s in statements])
    ctx.memo["parallel"] = found
    return found


def _clauses(ctx: CheckContext) -> dict[str, list[list[tuple[str, int, int]]]]:
    """Long clauses with numbers, word for word but for them ("主渠道密码通信系统及相关配套设备全年24小时正常运行"): a
    sentence retold with other words around such a clause still states its numbers (judged when said three times)."""
    said_as: dict[str, list[list[tuple[str, int, int]]]] = defaultdict(list)
    for at, said in ctx.sentences(cells=True):
        begin, before, before_numbers = 0, "", []
        for mark in [*_CLAUSE_END.finditer(said), None]:
            end = mark.start() if mark else len(said)
            clause = said[begin:end]
            numbers = [(m.group().replace(",", ""), at + begin + m.start(), at + begin + m.end()) for m in NUMBER.finditer(clause)]
            words = NUMBER.sub("N", clause).strip()
            told = numbers
            if numbers and _han(words) < _MIN_CLAUSE_HAN:
                # a short clause ("劝返率达90%左右") with the one before it, numbers and all: when they differ too, the
                # pair is a template said of several things ("支出决算为N万元，完成预算的N%")
                words, told = before + "，" + words, before_numbers + numbers
            if numbers and _han(words) >= _MIN_CLAUSE_HAN:
                said_as[words].append(told)
            begin, before, before_numbers = (mark.end() if mark else end), NUMBER.sub("N", clause).strip(), numbers
    return said_as


def _han(words: str) -> int:
    """How many Chinese characters `words` has."""
    return len(_HAN.findall(words))
