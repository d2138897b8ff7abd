"""Units and number format: amounts without 万元, empty shares, 元 among 万元."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from juesuan.analysis import Found
from juesuan.document import BlockKind, Cell
from juesuan.rules.base import CheckContext, Reporter, Severity, rule

# "执行数为40.50，", "实际执行28，", "增加343.55，", "项目支出资金70.50：业务运行费…": an amount after a word that
# introduces one (or after an amount in 万元 and 和), with no unit; not a base ("增长--(基数为0,不可比)")
# ("各是4125.49,4143.91万元" lists amounts that share the unit written after the last); an amount to the cent before
# its breakdown in brackets ("财政预算拨款630.78（一般公共预算财政拨款收入599.53万元、…）").
_BARE_MONEY = re.compile(
    r"(?:(?:(?<!基数)为|(?<!基数)是|支出|收入|经费|资金|合计|总计|结余|拨款|执行数为?|实际执行|预算数?为?|金额|总额|增加了?|减少了?|费"
    # ("收回了…公务接待费指标50，": a quota of funds; "工作经费（含特色产品推广费）30。")
    r"|决算数?|单价|费指标)(?:[（(][^（）()\d]{1,30}[）)])?"
    r"|(?:较|比)(?:上年度?|去年)(?=\s*\d[\d,]*(?:\.\d{1,2})?\s*(?:减少|增加))"  # "较上年2.08减少0.03万元"
    r"|万元\s*(?:和|与|及|、))"  # "减少了161.30万元和159.43，": the second of a pair lost its unit
    r"\s*(\d[\d,]*(?:\.\d{1,2})?)(?![\d%万元亿‰个辆人次台套分])"
    r"(?!\s*[,，、和]\s*\d+(?:\.\d+)?\s*(?:[,，、和]|万元|亿元|元))(?=\s*(?:[，,。；;）)：:/]|、(?!\s*\d)|(?<=\.\d)[（(]|(?<=\.\d\d)[（(]|以上|以下|减少|增加))"
    r"|成本(?:指标)?\s*[:：]\s*(\d[\d,]*(?:\.\d{1,2})?)(?=\s*[、，,。；;])"  # "成本指标：40.50、完成率100%"
)
# "行政运行339.87万元、一般行政管理事务70.50、行政单位离退休136.23万元": an item of a list of amounts in 万元
# that lost its unit (a precise number right after its name, a neighbour of the same shape with 万元).
_LIST_ITEM = r"[\u4e00-\u9fff（）()“”]{2,24}(?:[（(][^（）()\n]{1,40}[）)])?\s?\d[\d,]{0,15}(?:\.\d{1,2})?\s?万元"
_BARE_IN_LIST = re.compile(
    rf"(?<=万元[、，,])[\u4e00-\u9fff（）()“”]{{2,24}}?(\d[\d,]{{0,15}}\.\d{{1,2}})(?=[、，,][\u4e00-\u9fff（）()“”]{{2,24}}\d)"
    rf"|(?<=[\u4e00-\u9fff）)])(\d[\d,]{{0,15}}\.\d{{1,2}})(?=、{_LIST_ITEM})"  # "（本级）6,760.06、…"
    rf"|(?<=[\u4e00-\u9fff])(\d[\d,]{{0,15}})(?=、{_LIST_ITEM}、{_LIST_ITEM})"  # "新闻信息3、信访经费5万元、…30万元"
    rf"|(?<=[费金款])(\d[\d,]{{0,15}})(?=、{_LIST_ITEM})"  # "特色产品推广费16、招商引资工作经费14万元"
    # the last item, after items in 万元: "…242.56万元、市公务服务中心461.27。" (not a share or a score: "、占比50.00。",
    # "、自评得分95.50。")
    rf"|(?<=万元、)(?![^、，,。；;\d]{{0,24}}[占率比分])[\u4e00-\u9fff（）()“”]{{2,24}}?\s?(\d[\d,]{{0,15}}\.\d{{1,2}})(?=\s*[。；;]|\s*$)")
# In a table cell a rate ends the cell: "使用人员满意度≥95", "劝返率达90".
_BARE_RATE_IN_CELL = re.compile(r"(?:率|满意度)(?:为|达到?|保持)?\s*[≥≤]?\s*(\d{1,3}(?:\.\d{1,2})?)\s*$")
# "2019年结转3476.69万,占收入总额的51.47%" among amounts in 万元: an amount to the cent that lost its 元
_WAN_ALONE = re.compile(r"(?<![\d.])(\d[\d,]{0,15}\.\d{2})\s*万(?=\s*[，,。；;、）)])")
_EMPTY_SHARE = re.compile(r"(?<![挤侵霸抢])占\s*(?=[；;，,。])")  # not 挤占 (diverting funds)
# "占93.54；", "增长23.43，", "完成预算98.5。", "满意率达90以上": a rate written without its % sign (not the
# "1" of "增长1,055.4%"; but "完成预算的100，2020年…" is a rate before a year)
_BARE_SHARE = re.compile(
    r"(?:(?<![挤侵霸抢])占(?![用有地])(?:比|[^，,；;。\d%]{0,16}?的)?|增长了?|下降了?|(?<=[，,])[增减]|同比(?:精减|精简|压缩|压减|减少|降低|提高|增加)了?|完成(?:年初|调整)?预算(?:数)?(?:执行)?的?"
    r"|(?<=[\u4e00-\u9fff])率(?:约|大约)?(?:为|达到?|保持|是)?|满意度(?:为|达到?)?\s*[≥≤]?|进度(?:为|达到?)|偏离度(?:为|是)?|[≥≤]"
    # not at the end of a text (the % may be past a cut); "分别下降20.36和20.18%": the first of a pair lost its sign
    r")\s*(\d{1,3}(?:\.\d{1,2})?)(?![,，]\d{3}(?!\d))(?=\s*(?:[；;，,。)）]|\.(?!\d)|以上|以下|左右"
    r"|和\s*\d{1,3}(?:\.\d{1,2})?\s*%))"
)

# "又压缩了5的公用经费": a cut by a rate, its % lost before the thing it was cut from
_BARE_CUT = re.compile(r"(?:压缩|压减|降低|提高|节约|缩减|削减)了?\s*(\d{1,3}(?:\.\d{1,2})?)(?=的)")


@rule("U101", "units", Severity.ERROR, "金额缺少单位或占比缺少数值",
      "金额后应写明“万元”，“占”后应有百分比（带%号）；“决算数为1036.19，”“占；”“占93.54；”“压缩了5的公用经费”，"
      "或一串带“万元”的金额中单独一项没有单位（“行政运行339.87万元、一般行政管理事务70.50、…”）都是漏填。"
      "表格中同一行或同一列的其他金额都写了“万元”时，单独一个不带单位的数也是漏填；指标的预期值写了%而实际值没有"
      "（或反之）时也是（警告）。",
      bad="二、收入决算情况说明\n2020年本年收入合计1036.19万元，其中：事业收入0万元，占；一般公共预算财政拨款收入1036.19万元，占100%。\n"
          "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n2020年一般公共预算财政拨款支出决算数为1036.19，完成预算100%。",
      good="二、收入决算情况说明\n2020年本年收入合计1036.19万元，其中：事业收入0万元，占0%；一般公共预算财政拨款收入1036.19万元，占100%。\n"
           "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n2020年一般公共预算财政拨款支出决算数为1036.19万元，完成预算100%。")
def missing_units(ctx: CheckContext, out: Reporter) -> None:
    rates: set[int] = set()
    for start, text in ctx.paragraphs():
        out.checked()
        for m in _EMPTY_SHARE.finditer(text):
            out.finding("“占”后缺少百分比", ctx.locate(start + m.start(), start + m.end() + 1),
                        evidence=ctx.document.text[start + max(0, m.start() - 12) : start + m.end() + 1])
        for m in [*_BARE_SHARE.finditer(text), *_BARE_CUT.finditer(text)]:
            raw = ctx.document.text[start + m.start(1) : start + m.end(1)]
            rates.add(start + m.start(1))
            out.finding(f"比率{raw}缺少百分号", ctx.locate(start + m.start(1), start + m.end(1)), expected=f"{raw}%",
                        actual=raw, evidence=ctx.document.text[start + max(0, m.start() - 12) : start + m.end(1) + 1])
    for cell in _bare_rate_cells(ctx):
        rates.add(cell.start)
        raw = cell.text.strip()
        out.finding(f"比率{raw}缺少百分号（同一行另一个指标值写了%）", ctx.locate(cell.start, cell.end), expected=f"{raw}%",
                    actual=raw, severity=Severity.WARNING)
    for start, text in ctx.cells():
        for m in [*_BARE_RATE_IN_CELL.finditer(text), *_BARE_SHARE.finditer(text)]:
            if start + m.start(1) in rates:
                continue  # both patterns saw it
            rates.add(start + m.start(1))
            raw = ctx.document.text[start + m.start(1) : start + m.end(1)]
            out.finding(f"比率{raw}缺少百分号", ctx.locate(start + m.start(1), start + m.end(1)), expected=f"{raw}%",
                        actual=raw, evidence=ctx.document.text[start : start + m.end(1)])
    reported: set[int] = set()
    for cell, why in _bare_cells(ctx):
        reported.add(cell.start)
        written = cell.text.strip()
        bare = re.search(r"\d[\d,]*(?:\.\d+)?", written)
        value = bare.group() if bare else written
        out.finding(f"金额{value}缺少单位“万元”（{why}的金额都写了“万元”）", ctx.locate(cell.start, cell.end),
                    expected=written.replace(value, value + "万元", 1), actual=written, severity=Severity.WARNING)
    for path, figure in ctx.figures:
        if figure.unit is None and not path.startswith(("tables", "performance")):
            reported.add(figure.location.start)
            out.finding(f"金额{figure.raw}缺少单位“万元”", figure.location, expected=f"{figure.raw}万元",
                        actual=figure.raw, evidence=figure.sentence or None)
    # a cell written as a sentence ("…实现外贸进出口总额1500。") is read as one
    for start, text in [*ctx.paragraphs(), *ctx.cells()]:
        for m in [*_BARE_MONEY.finditer(text), *_BARE_IN_LIST.finditer(text)]:
            group = m.lastindex or 1
            if start + m.start(group) in reported or start + m.start(group) in rates:
                continue
            if text[m.end(group) : m.end(group) + 1] in "：:" and (
                    re.fullmatch(r"\d{3,}", m.group(group)) or text[m.end(group) + 1 : m.end(group) + 2].isdigit()):
                # "培训支出2050803：" is a subject's code before its definition, "比例为1：1" a ratio, "时间为9:30"
                # a time ("经费30：特色产品推广费…" is an amount)
                continue
            reported.add(start + m.start(group))
            raw = ctx.document.text[start + m.start(group) : start + m.end(group)]
            out.finding(f"金额{raw}缺少单位“万元”", ctx.locate(start + m.start(group), start + m.end(group)),
                        expected=f"{raw}万元", actual=raw,
                        evidence=ctx.document.text[start + max(0, m.start() - 16) : start + m.end(group) + 1])


# In a table whose amounts carry their unit cell by cell ("16万元", "实际支出6.47万元"), a bare number beside them in
# its row, or alone among them in its column, lost its 万元.
_UNIT_STATED = re.compile(r"[（(]\s*万元\s*[）)]|单位\s*[:：]\s*万元")
_UNIT_REACH = 6  # rows below a cell that gives the unit that it covers
_CELL_WAN = re.compile(r"(?:(?:实际支出|支出|控制在)\s?)?\d[\d,]{0,15}(?:\.\d{1,2})?\s?万元(?:以内)?")
_CELL_BARE = re.compile(r"(?:(?:实际支出|支出|控制在)\s?)?\d[\d,]{0,15}(?:\.\d{1,2})?(?:(?<=\d)以内)?")
_CELL_RATE = re.compile(r"(?:[≥≤>]=?\s?)?\d{1,3}(?:\.\d{1,2})?\s?%")
# a target told in words before its rate: "满意率达90%", "不低于95%"
_CELL_TOLD_RATE = re.compile(r"[\u4e00-\u9fff]{0,12}?(?:达到?|为|不低于|高于|大于)?\s?" + _CELL_RATE.pattern)
_CELL_BARE_RATE = re.compile(r"(?:[≥≤>]=?\s?)?\d{1,3}(?:\.\d{1,2})?")
_CELL_MAX = 40


def _value(cell: Cell) -> str:
    """A cell's text when it is short enough to be one value ("≥95%", "实际支出6.47万元"), else ""."""
    text = cell.text.strip()
    return text if len(text) <= _CELL_MAX else ""


def _bare_rate_cells(ctx: CheckContext) -> Iterator[Cell]:
    """A row ending in a target and its result, the target a rate and the result a bare number ("≥95%" | "100",
    "满意率达90%" | "95"), or
    the target a bare bound and the result a rate ("≥95" | "100%"); no other number in the row."""
    for block in ctx.document.blocks:
        if block.kind is not BlockKind.TABLE:
            continue
        for row in block.rows:
            filled = [c for c in row.cells if c.text.strip()]
            # an indicator's label ("指标1") is not a number of the row
            if len(filled) < 2 or sum(bool(re.search(r"\d", re.sub(r"^\s*指标\s*\d{1,2}", "", c.text))) for c in filled) != 2:
                continue
            target, result = filled[-2:]
            target_text, result_text = _value(target), _value(result)
            if _CELL_TOLD_RATE.fullmatch(target_text) and _CELL_BARE_RATE.fullmatch(result_text):
                yield result
            elif target_text[:1] in "≥≤>" and _CELL_BARE_RATE.fullmatch(target_text) and _CELL_RATE.fullmatch(result_text):
                yield target


def _bare_cells(ctx: CheckContext) -> Iterator[tuple[Cell, str]]:
    for block in ctx.document.blocks:
        if block.kind is not BlockKind.TABLE:
            continue
        columns: dict[int, tuple[list[Cell], list[Cell]]] = defaultdict(lambda: ([], []))
        seen: set[int] = set()
        stated_at = -10  # the last row that gives the unit of the rows below it ("预算执行情况(万元)")
        for r, row in enumerate(block.rows):
            if any(_UNIT_STATED.search(c.text) for c in row.cells):
                stated_at = r
            wan: list[Cell] = []
            bare: list[Cell] = []
            for i, cell in enumerate(row.cells):
                text = _value(cell)
                kind = wan if _CELL_WAN.fullmatch(text) else bare if _CELL_BARE.fullmatch(text) else None
                if kind is not None and not (kind is bare and r - stated_at <= _UNIT_REACH):
                    kind.append(cell)
                    columns[i][0 if kind is wan else 1].append(cell)
            if wan:
                for cell in bare:
                    seen.add(cell.start)
                    yield cell, "同一行其他"
        for wan, bare in columns.values():
            if len(wan) >= 2 and len(bare) == 1 and bare[0].start not in seen:
                yield bare[0], "同一列其他"


@rule("U102", "units", Severity.WARNING, "同一句中金额单位混用",
      "同一段中其他金额以“万元”为单位时，个别金额写成“元”多半是笔误（0万元写成0元）；以“元”为单位的说明中个别写成“万元”也是。"
      "金额都以“万元”为单位的报告中，不足1万的“元”金额（人均、标准、单价除外）也多半是“万元”的笔误；国有资产中"
      "“单价50元以上通用设备”“单价100元以上专用设备”是“万元”写成了“元”。",
      bad="七、“三公”经费财政拨款支出决算情况说明\n其中：轿车0辆、金额0万元，越野车0辆、金额0万元，载客汽车0辆、金额0元。",
      good="七、“三公”经费财政拨款支出决算情况说明\n其中：轿车0辆、金额0万元，越野车0辆、金额0万元，载客汽车0辆、金额0万元。")
def mixed_units(ctx: CheckContext, out: Reporter) -> None:
    texts = [(start, text, ctx.figures_in(text)) for start, text in [*ctx.paragraphs(), *ctx.cells()]]
    wan_in_report = sum(f.unit == "万元" for _, _, figures in texts for f in figures)
    yuan_in_report = sum(f.unit == "元" for _, _, figures in texts for f in figures)
    # A report kept in 万元: an amount under 10,000元 there is 万元 mistyped, unless it is a rate per head
    in_wan = wan_in_report >= 10 and wan_in_report >= 4 * yuan_in_report
    for start, text, figures in texts:
        wan = [f for f in figures if f.unit == "万元"]
        yuan = [f for f in figures if f.unit == "元"]
        odd: list[tuple[Found, str]] = []  # (figure, the unit it should have, as the message says it)
        if len(wan) >= 2 or len(yuan) >= 2:
            out.checked()
            main, slips = ("万元", yuan) if len(wan) >= len(yuan) else ("元", wan)
            # A budget amount under 100,000 in 元 among 万元 figures is almost surely 万元 mistyped; in a text
            # kept in 元 (stand-alone 三公 statements), a 万元 among them is the slip.
            odd = [(f, f"同一段中其他金额以“{main}”为单位") for f in slips if main == "元" or f.value < 100000]
        if in_wan and not (len(yuan) > len(wan) >= 2):
            seen = {id(f) for f, _ in odd}
            odd += [(f, "报告中的金额以“万元”为单位") for f in yuan if id(f) not in seen
                    and f.value < 10000 and not _PER_HEAD.search(text[max(0, f.start - 8) : f.start])
                    and text[f.end : f.end + 1] != "/" and text[f.end : f.end + 2] not in ("以上", "以下")]  # ("以内": a cap)
        if in_wan:
            seen = {id(f) for f, _ in odd}
            odd += [(f, "国有资产中设备的统计口径是单价50万元以上通用设备、单价100万元以上专用设备") for f in yuan
                    if id(f) not in seen and _EQUIPMENT.match(text, f.end) and f.value in (50, 100)]
        for f, why in sorted(odd, key=lambda x: x[0].start):
            raw = ctx.document.text[start + f.start : start + f.end]
            main = "元" if "“元”" in why else "万元"
            out.finding(f"{why}，这里写作“{raw}”", ctx.locate(start + f.start, start + f.end),
                        expected=f"{f.value}{main}", actual=raw,
                        evidence=ctx.document.text[start + max(0, f.start - 20) : start + f.end])


_PER_HEAD = re.compile(r"人均|每人|每|标准|单价|补助|不超过|以上|以下|以内")
_EQUIPMENT = re.compile(r"以上的?(?:通用|专用)设备")  # "单价50元以上通用设备": the template's threshold is 50万元


@rule("U103", "units", Severity.WARNING, "金额单位写作“万”",
      "金额单位应写“万元”，不应简写为“万”（一段中其他金额写“万元”时，一个写到分的金额只写了“万”也算）。",
      bad="二、收入决算情况说明\n2023年本年收入合计100.00万元，其中：经营收入 0.00 万，其他收入100.00万元。",
      good="二、收入决算情况说明\n2023年本年收入合计100.00万元，其中：经营收入 0.00 万元，其他收入100.00万元。")
def short_unit(ctx: CheckContext, out: Reporter) -> None:
    reported: set[int] = set()
    for _, figure in ctx.figures:
        if figure.unit == "万元":
            out.checked()
            if figure.raw.rstrip().endswith("万"):
                if ctx.cut_off and not ctx.document.text[figure.location.end :].strip():
                    continue  # the text is cut right after "万": its "元" may have been past the cut
                reported.add(figure.location.start)
                out.finding(f"金额{figure.raw.strip()}的单位应写作“万元”", figure.location, expected=f"{figure.value}万元",
                            actual=figure.raw, evidence=figure.sentence or None)
    # and where the model took no figure ("2019年结转3476.69万,占收入总额的51.47%"), among amounts in 万元
    for start, text in ctx.paragraphs():
        for m in _WAN_ALONE.finditer(text) if "万元" in text else ():
            if start + m.start(1) in reported:
                continue
            out.checked()
            raw = ctx.document.text[start + m.start(1) : start + m.end()]
            out.finding(f"金额{raw}的单位应写作“万元”", ctx.locate(start + m.start(1), start + m.end()),
                        expected=f"{raw}元", actual=raw,
                        evidence=ctx.document.text[start + max(0, m.start() - 12) : start + m.end() + 1])
