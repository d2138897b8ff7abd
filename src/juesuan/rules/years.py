"""Years and periods: the year a figure is stated for, and the year it is compared with."""

from __future__ import annotations

import re
from decimal import Decimal

from juesuan.rules.base import CheckContext, Reporter, Severity, rule

# A year, then within the clause a figure of the accounts: the year the figure is stated for.
_ACTUALS = re.compile(
    r"(20\d{2})\s*年度?\s*[，,]?\s*(?:[^，,。；;]{0,24}?)(?:决算|收、?支总计|收入合计|支出合计|收入总计|支出总计|财政拨款(?:收入|支出)|"
    r"预算财政拨款(?:基本|项目)?支出|经费(?:财政拨款)?支出|运行经费支出|采购支出总额|人员经费|公用经费)")
_COMPARED = re.compile(  # (not "与2020年度预算相比持平": the year's own budget)
    r"(?:与|比|较)\s*(20\d{2})\s*年度?(?![^，,。；;]{0,4}预算)(?:决算)?(?:相比|同期)?\s*[，,]?\s*[^，,。；;]{0,30}?(?:增加|减少|增长|下降|持平|一致)")


# A statement that is the year's own, whatever year it names: it gives its completion rate and its change on the
# year before ("2022年“三公”经费财政拨款支出决算为3.46万元,完成预算100%,较上年增加2.4万元" in a 2023 report).
_OWN_YEAR = re.compile(r"完成(?:年初|调整|全年)?预算[^。；;]{0,30}?(?:较|比)上年|(?:较|比)上年[^。；;]{0,40}?完成(?:年初|调整|全年)?预算")


# "现将秦安县财政局2021年度部门决算信息公开如下" (in a 2022 report): the accounts this report discloses
_DISCLOSING = re.compile(r"现将[^。；;，,]{0,30}$")


def _is_own_year(text: str, m: re.Match[str], stated: int) -> bool:
    """Last year's number on a figure that can only be this year's: it has its completion rate and its change on
    last year, it is compared with that same year ("2019年…收入决算总额为6754.31万元,…较2019年增加1122.72万元"),
    or it is the accounts being disclosed."""
    sentence = _sentence_at(text, m.start(), m.end())
    if _OWN_YEAR.search(sentence) or _DISCLOSING.search(text[max(0, m.start() - 40) : m.start()]):
        return True
    return any(int(c.group(1)) == stated for c in _COMPARED.finditer(sentence))


def _sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of `text` (between 。) that holds text[start:end]."""
    stop = text.find("。", end)
    return text[text.rfind("。", 0, start) + 1 : len(text) if stop < 0 else stop]


@rule("Y101", "years", Severity.ERROR, "决算数所属年份错误",
      "报告说的是本年度的决算：把本年决算数写成其他年份（如2020年报告中写“2021年财政拨款支出决算数”）是错误。"
      "与上年比较时出现上年的年份不算错误；但同一句给出完成预算率和比上年的增减时、同一句又拿它与上年比较时"
      "（“2019年收入决算总额为6754.31万元，…较2019年增加1122.72万元”），或“现将…2021年度部门决算公开如下”时，"
      "说的就是本年度，写成上年也是错误。",
      bad="第一部分 部门概况\n一、基本职能及主要工作\n第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n2021年财政拨款支出决算数为7,390.99万元。",
      good="第一部分 部门概况\n一、基本职能及主要工作\n第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n2020年财政拨款支出决算数为7,390.99万元。")
def wrong_year(ctx: CheckContext, out: Reporter) -> None:
    year = ctx.year
    if year is None:
        out.missing()
        return
    for start, text in ctx.paragraphs():
        for m in _ACTUALS.finditer(text):
            stated = int(m.group(1))
            before = text[max(0, m.start() - 6) : m.start()]
            if stated == year or re.search(r"(与|比|较|同)\s*$", before):
                out.checked()
                continue
            if stated < year and not (stated == year - 1 and _is_own_year(text, m, stated)):
                out.checked()  # an earlier year's figure (last year's, in a comparison or a history)
                continue
            out.finding(f"本报告是{year}年度决算，这里写作“{stated}年”", ctx.locate(start + m.start(1), start + m.end(1) + 1),
                        expected=f"{year}年", actual=f"{stated}年",
                        evidence=ctx.document.text[start + m.start() : start + m.end()])


@rule("Y102", "years", Severity.ERROR, "比较年份不是上一年度",
      "年度比较应与上一年度相比（2020年报告与2019年比），写成其他年份通常是沿用了旧模板。",
      bad="第二部分 2020年度部门决算情况说明\n七、“三公”经费财政拨款支出决算情况说明\n1.因公出国（境）经费支出5.00万元。因公出国（境）支出决算比2017年增加1.00万元，增长25%。",
      good="第二部分 2020年度部门决算情况说明\n七、“三公”经费财政拨款支出决算情况说明\n1.因公出国（境）经费支出5.00万元。因公出国（境）支出决算比2019年增加1.00万元，增长25%。")
def wrong_base_year(ctx: CheckContext, out: Reporter) -> None:
    year = ctx.year
    if year is None:
        out.missing()
        return
    for start, text in ctx.paragraphs():
        for m in _COMPARED.finditer(text):
            stated = int(m.group(1))
            sentence = _sentence_at(text, m.start(), m.end())
            last_year = re.compile(rf"(?:与|比|较)\s*(?:上年|上一年|去年|{year - 1}\s*年)")
            if stated == year - 1:
                out.checked()
            elif stated < year - 1 and last_year.search(sentence):
                out.checked()  # a second, earlier base beside last year's ("比上年…增加；比2019年(疫情前)…减少")
            else:
                out.finding(f"{year}年度报告应与{year - 1}年比较，这里写作“{stated}年”",
                            ctx.locate(start + m.start(1), start + m.end(1) + 1), expected=f"{year - 1}年",
                            actual=f"{stated}年", evidence=ctx.document.text[start + m.start() : start + m.end()])


# "截至2020年12月31日" / "截止2020年底": the date the year-end figures (车辆, 资产, 人员) are counted at.
_YEAR_END = re.compile(
    r"(?:截至|截止|截止到|至)\s*(20\d{2})\s*年\s*(?:12\s*月\s*(?:31\s*日|底|末)?|底|末)"
    # "（三）人员概况。2020年末，市委办公室在编在岗人员共计94名": a year-end that begins a statement of what is held
    r"|(?:^|(?<=[。；;：:]))\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)])?(?:[^。；;，,\d\s]{1,8}?[。.]?\s*)?"
    r"(20\d{2})\s*年\s*(?:末|底)\s*(?=[，,]?[^。；;]{0,24}?(?:共有|在编|在职|实有|现有|拥有|占有|人员|车辆))"
)
_COMPARING = re.compile(r"上年|去年|上一年|相比|同期|比|较")


@rule("Y103", "years", Severity.ERROR, "年末日期的年份错误",
      "本年度决算中“截至××年12月31日”的车辆、资产和人员数应截至本年度年末；写成其他年份多半是沿用了旧报告。",
      bad="第二部分 2020年度部门决算情况说明\n十、其他重要事项的情况说明\n（三）国有资产占有使用情况\n截至2019年12月31日，本单位共有车辆7辆。",
      good="第二部分 2020年度部门决算情况说明\n十、其他重要事项的情况说明\n（三）国有资产占有使用情况\n截至2020年12月31日，本单位共有车辆7辆。")
def year_end_date(ctx: CheckContext, out: Reporter) -> None:
    year = ctx.year
    if year is None:
        out.missing()
        return
    for start, text in ctx.paragraphs():
        for m in _YEAR_END.finditer(text):
            before = re.split(r"[，,。；;]", text[max(0, m.start() - 20) : m.start()])[-1]
            after = re.split(r"[，,。；;]", text[m.end() : m.end() + 12])[0]
            group = 1 if m.group(1) else 2
            if int(m.group(group)) == year or _COMPARING.search(before + after):  # "与截至2019年底相比"
                out.checked()
                continue
            out.finding(f"本报告是{year}年度决算，年末日期却写作“{m.group(group)}年”",
                        ctx.locate(start + m.start(group), start + m.end(group)),
                        expected=f"{year}年", actual=f"{m.group(group)}年",
                        evidence=ctx.document.text[start + (m.start() if group == 1 else m.start(group)) : start + m.end()].strip())


# A deadline in a goal or evaluation table: "2020年底前", "2020年12月全面完成", "2020年内".
_DEADLINE = re.compile(r"(20\d{2})\s*年\s*(?:底|末|内|12\s*月)")


@rule("Y104", "years", Severity.WARNING, "完成时限不在本年度",
      "本年度绩效目标表和评价表中的完成时限（××年底前、××年12月全面完成）应在本年度之内；写成其他年份多半是"
      "沿用了别的年度的表格，或把年份写错了。",
      bad="附件\n项目支出绩效目标完成情况表\n| 三级指标 | 预期指标值 | 实际完成指标值 |\n|---|---|---|\n"
          "| 完成时限 | 2020年底前 | 2021年底全面完成 |\n\n第二部分 2020年度部门决算情况说明",
      good="附件\n项目支出绩效目标完成情况表\n| 三级指标 | 预期指标值 | 实际完成指标值 |\n|---|---|---|\n"
           "| 完成时限 | 2020年底前 | 2020年底全面完成 |\n\n第二部分 2020年度部门决算情况说明")
def deadline_years(ctx: CheckContext, out: Reporter) -> None:
    year = ctx.year
    if year is None:
        out.missing()
        return
    for start, text in ctx.cells():
        for m in _DEADLINE.finditer(text):
            if int(m.group(1)) == year:
                out.checked()
                continue
            out.finding(f"本报告是{year}年度决算，表中完成时限却写作“{m.group(1)}年”",
                        ctx.locate(start + m.start(1), start + m.end(1)), expected=f"{year}年",
                        actual=f"{m.group(1)}年", evidence=text.strip()[:60])


# A period "2019年11月至2020年6月": it cannot end before it begins.
_PERIOD = re.compile(r"(20\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?\s*(?:至|到|—|-|－|~)\s*(20\d{2})\s*年\s*(\d{1,2})\s*月")


@rule("Y105", "years", Severity.ERROR, "时间段的起止颠倒",
      "“××年××月至××年××月”的结束时间不能早于开始时间；颠倒了多半是其中一个年份写错了。",
      bad="一、项目概况\n2019年11月至2019年6月，建成巴中市政府网站集约化平台。",
      good="一、项目概况\n2019年11月至2020年6月，建成巴中市政府网站集约化平台。")
def reversed_periods(ctx: CheckContext, out: Reporter) -> None:
    for start, text in [*ctx.paragraphs(), *ctx.cells()]:
        for m in _PERIOD.finditer(text):
            begin, end = (int(m.group(1)), int(m.group(2))), (int(m.group(3)), int(m.group(4)))
            if begin <= end:
                out.checked()
                continue
            out.finding(f"时间段“{m.group()}”的结束早于开始", ctx.locate(start + m.start(), start + m.end()),
                        actual=m.group())


# A date after the year the report accounts for: "2021年7月公车改革时" in a 2020 report.
_DATED = re.compile(r"(?<![\d.])(20\d{2})\s*年\s*(?:(\d{1,2})\s*月|底|末)")
# What may look ahead (a plan, a target, a rule taking effect) or date the page itself (a web page's 发布时间).
_AHEAD = re.compile(r"计划|预计|拟|将|力争|争取|确保|目标|前|以前|之前|下一步|明年|今后|起(?:施行|执行|实施)|要求|预算|"
                    r"发布|成文|日期|时间|今天|更新|印发|编制|公开|报送|来源|作者|浏览|点击|\.(?:cn|com|net)\b|"
                    r"(?:决算|报告|说明)\s*$")  # the last: a cover's date


@rule("Y106", "years", Severity.WARNING, "所述事情的日期在本年度之后",
      "决算报告说的是本年度已经发生的事；所述事情的日期（××年×月、××年底）在本年度之后，多半是把年份写错了"
      "（计划、目标、施行日期和网页的发布日期除外）。",
      bad="第二部分 2020年度部门决算情况说明\n七、“三公”经费财政拨款支出决算情况说明\n实有公务用车为3辆（2021年7月公车改革时已划转1辆）。",
      good="第二部分 2020年度部门决算情况说明\n七、“三公”经费财政拨款支出决算情况说明\n实有公务用车为3辆（2016年7月公车改革时已划转1辆）。")
def dates_after_the_year(ctx: CheckContext, out: Reporter) -> None:
    year = ctx.year
    if year is None:
        out.missing()
        return
    for start, text in ctx.paragraphs():
        if len(text.strip()) < 20:
            continue  # a cover's or a signature's date
        for m in _DATED.finditer(text):
            if int(m.group(1)) <= year:
                out.checked()
                continue
            clause = re.split(r"[，,。；;！!？?]", text[max(0, m.start() - 30) : m.start()])[-1]
            after = re.split(r"[，,。；;！!？?]", text[m.end() : m.end() + 12])[0]  # "2021年底前完成", not the next clause
            if _AHEAD.search(clause) or _AHEAD.search(after):
                continue
            out.finding(f"本报告是{year}年度决算，这里所述事情的日期却是“{m.group().replace(' ', '')}”，在本年度之后",
                        ctx.locate(start + m.start(1), start + m.end(1)), actual=f"{m.group(1)}年",
                        evidence=ctx.document.text[start + max(0, m.start() - 12) : start + m.end() + 12].strip())


# "较20155.88万元": the year of the comparison and the amount run together (较2015年5.88万元).
_GLUED_YEAR = re.compile(r"(?:较|比|与|同比)\s*((?:19|20)\d\d)(\d{1,6}(?:\.\d{1,4})?)\s*(?:万元|亿元|元)")


@rule("Y107", "years", Severity.WARNING, "年份与金额连写",
      "“较20155.88万元”是“较2015年5.88万元”漏了“年”字：比较的年份和金额连在一起，读作两万多万元。"
      "只在数字开头的四位正是本年度或之前十年的年份时判断。",
      bad="第二部分 2016年度部门决算情况说明\n十、其他重要事项的情况说明\n2016年本单位运行经费支出6.39万元，较20155.88万元增加了0.51万元。",
      good="第二部分 2016年度部门决算情况说明\n十、其他重要事项的情况说明\n2016年本单位运行经费支出6.39万元，较2015年5.88万元增加了0.51万元。")
def glued_years(ctx: CheckContext, out: Reporter) -> None:
    year = ctx.year
    if year is None:
        out.missing()
        return
    for at, said in ctx.sentences():
        if re.search(r"(?:较|比|与)\s*(?:19|20)\d\d\s*年", said):
            out.checked()  # a comparison whose year is written as one
        for m in _GLUED_YEAR.finditer(said):
            if not year - 10 <= int(m.group(1)) <= year:
                continue
            out.checked()
            glued = Decimal(m.group(1) + m.group(2))
            others = [f.value for f in ctx.figures_in(said)
                      if f.unit in ("万元", "元", "亿元") and f.value and abs(f.value - glued) > 1]
            if others and glued < 10 * max(others):
                continue  # an amount as large as the others in the sentence: a real amount
            out.finding(f"“{m.group(1)}{m.group(2)}”多半是“{m.group(1)}年{m.group(2)}”漏了“年”字",
                        ctx.locate(at + m.start(1), at + m.end(2)), expected=f"{m.group(1)}年{m.group(2)}",
                        actual=f"{m.group(1)}{m.group(2)}", evidence=said[max(0, m.start() - 12) : m.end() + 8])


# An event of the COVID-19 epidemic, which began in December 2019: no date of it can be earlier.
_COVID = re.compile(r"新冠|新型冠状病毒|复工复产")
_MONTH_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月")
_CLAUSE = re.compile(r"[^，,；;：:（）()]+")
_ORIGIN = re.compile(r"建成|成立|设立|组建|购置|购买|开通|上线|启用|投入使用|以来|印发|出台")


@rule("Y108", "years", Severity.WARNING, "新冠疫情相关事情的日期早于疫情",
      "新冠肺炎疫情始于2019年12月：说新冠疫情（防控、复工复产）的分句及其前后分句中，所述事情的日期不会早于2019年12月；"
      "早了多半是年份写错了（“2018年3月建成的平台”一类别的事物的日期除外）。",
      bad="第一部分 部门概况\n（二）2020年重点工作完成情况\n从2019年2月27日起，我办以《复工复产疫情防控》信息专刊形式报送相关信息。",
      good="第一部分 部门概况\n（二）2020年重点工作完成情况\n从2020年2月27日起，我办以《复工复产疫情防控》信息专刊形式报送相关信息。")
def covid_dates(ctx: CheckContext, out: Reporter) -> None:
    for at, said in ctx.sentences():
        if not _COVID.search(said):
            continue
        clauses = [(c.start(), c.end()) for c in _CLAUSE.finditer(said)]
        for m in _MONTH_DATE.finditer(said):
            out.checked()
            year, month = int(m.group(1)), int(m.group(2))
            if year > 2019 or (year == 2019 and month == 12) or not 1 <= month <= 12:
                continue
            k = next((i for i, (a, b) in enumerate(clauses) if a <= m.start() < b), None)
            if k is None or _ORIGIN.search(said, m.end(), clauses[k][1]):
                continue  # "2018年3月建成的平台在复工复产中…": the date of something else
            near = said[clauses[max(0, k - 1)][0] : clauses[min(len(clauses) - 1, k + 1)][1]]
            if not _COVID.search(near):
                continue
            out.finding(f"这句说的是新冠疫情（始于2019年12月），日期却是“{m.group().replace(' ', '')}”", ctx.locate(at + m.start(1), at + m.end(1)),
                        actual=f"{year}年", evidence=said[max(0, m.start() - 20) : m.end() + 20].strip())


# "公开时间:2021年8月19日", "批复时间: 2022  12  17": when the accounts were approved or disclosed
_DISCLOSED = re.compile(r"(?:公开|批复|发布)(?:时间|日期)\s*[:：]?\s*(20\d{2})(?=\s*年|\s*[-./]\s*\d|\s+\d)")


@rule("Y109", "years", Severity.ERROR, "公开或批复日期不在决算年度之后",
      "决算要到年度结束后才能批复和公开：2021年度决算的批复时间、公开时间应在2022年或以后，写成2021年（或更早）是年份错误。"
      "预算公开不在此列。",
      bad="2021年度黑水县沙石多镇部门决算\n公开时间:2021年8月19日\n第一部分 部门概况\n一、部门职责\n负责全镇经济社会发展。",
      good="2021年度黑水县沙石多镇部门决算\n公开时间:2022年8月19日\n第一部分 部门概况\n一、部门职责\n负责全镇经济社会发展。")
def disclosed_within_the_year(ctx: CheckContext, out: Reporter) -> None:
    year = ctx.year
    if year is None or ctx.disclosure.meta.layout == "budget":
        out.missing()
        return
    for start, text in ctx.paragraphs():
        for m in _DISCLOSED.finditer(text):
            out.checked()
            if int(m.group(1)) <= year:
                out.finding(f"本报告是{year}年度决算，{m.group()[:4]}却在{m.group(1)}年（应在{year + 1}年或以后）",
                            ctx.locate(start + m.start(1), start + m.end(1)), expected=f"{year + 1}年",
                            actual=f"{m.group(1)}年", evidence=text[m.start() : m.end() + 8])
