"""The annexes restate the body: the amounts the evaluation reports give again must be the body's."""

from __future__ import annotations

import re
from decimal import Decimal

from juesuan.model.disclosure import AnnexFigure, GoalTable
from juesuan.model.figures import Figure
from juesuan.places import place
from juesuan.rules.base import CheckContext, Reporter, Severity, amount, half_digit, half_unit, rule
from juesuan.rules.blame import UNDECIDED, said_once


@rule("C104", "consistency", Severity.ERROR, "附件中的数字与正文不一致",
      "附件（部门整体支出绩效评价报告、项目支出绩效评价报告）重述的本年收支总计、本年收入/支出合计、财政拨款、"
      "一般公共预算财政拨款支出、各类和各项支出、基本支出、人员经费、公用经费、机关运行经费、年末结转和结余等，应与正文的数字相同"
      "（正文没有写明年末结转和结余时，它等于收支总计减本年支出合计）。",
      bad="五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n2020年一般公共预算财政拨款支出100.00万元，"
          "主要用于以下方面:社会保障和就业支出60.00万元，占60%；住房保障支出40.00万元，占40%。\n第四部分 附件\n部门整体支出绩效评价报告\n"
          "一、部门概况\n本年支出中，社会保障和就业支出60.01万元，住房保障支出39.99万元。",
      good="五、一般公共预算财政拨款支出决算情况说明\n（二）一般公共预算财政拨款支出决算结构情况\n2020年一般公共预算财政拨款支出100.00万元，"
           "主要用于以下方面:社会保障和就业支出60.00万元，占60%；住房保障支出40.00万元，占40%。\n第四部分 附件\n部门整体支出绩效评价报告\n"
           "一、部门概况\n本年支出中，社会保障和就业支出60.00万元，住房保障支出40.00万元。")
def annex_against_body(ctx: CheckContext, out: Reporter) -> None:
    for restated in ctx.disclosure.annexes:
        body = _body(restated)
        out.checked()
        if any(_same(restated.figure, b) for b in body) or len({b.value for b in body}) != 1:
            continue  # the same; or the name stands for several body amounts (行政运行 under two 款)
        where = body[0].location
        told = f"按正文（{place(where)}）{restated.body_derived}应" if restated.body_derived else f"正文（{place(where)}）"
        out.finding(f"附件中{restated.name}为{amount(restated.figure)}，{told}为{amount(body[0])}",
                    restated.figure.location, expected=body[0].raw, actual=restated.figure.raw,
                    evidence=restated.figure.sentence[-40:] + restated.figure.raw)


def _body(restated: AnnexFigure) -> list[Figure]:
    location = restated.body_location or restated.figure.location
    return [Figure(value=Decimal(v), unit=restated.body_unit, raw=f"{v}{restated.body_unit or ''}", location=location)
            for v in restated.body_values]


def _same(stated: Figure, body: Figure) -> bool:
    """One figure stated twice: at the same precision it is written the same; at another, it rounds the same."""
    value = body.value
    if stated.unit != body.unit:
        value = value * (Decimal(10000) if (stated.unit, body.unit) == ("元", "万元") else Decimal("0.0001"))
    if stated.unit == body.unit and half_unit(stated) == half_unit(body):
        return stated.value == value
    slack = max(half_unit(stated), half_unit(body) if stated.unit == body.unit else Decimal(0))
    return abs(stated.value - value) <= slack


# "（1）对外宣传项目绩效目标完成情况综述。项目全年预算数25万元，执行数为25万元": each project's budget and spending
# as the text sums them up; its goal table (项目绩效目标完成情况表) gives them again.
_SUMMED_UP = re.compile(r"^\s*[（(]?\d{1,2}[)）.、．]?\s*([^。，,]{2,40}?)(?:项目)?(?:绩效目标完成情况|支出绩效)[^。]{0,12}。?"
                        r"[^。]{0,30}?预算数\s*(?:为)?\s*(\d[\d,]*(?:\.\d+)?)\s*万元[，,]\s*执行数\s*(?:为)?\s*(\d[\d,]*(?:\.\d+)?)\s*万元")


def _stem(name: str) -> str:
    return re.sub(r"[“”\"（）()、\s]|项目|专项|工作|经费", "", name)[:2]


@rule("C107", "consistency", Severity.ERROR, "绩效目标表的预算数、执行数与文字说明不一致",
      "项目绩效目标完成情况的文字说明（“项目全年预算数25.50万元，执行数为25.50万元”）和该项目的绩效目标完成情况表应给出"
      "相同的预算数和执行数；按顺序对应，且项目名称开头相同时才比较。",
      bad="第四部分 附件\n1.项目绩效目标完成情况\n（1）对外宣传项目绩效目标完成情况综述。项目全年预算数25.50万元，执行数为25.50万元，完成预算的100%。\n"
          "\n项目绩效目标完成情况表\n\n| 项目名称 | 对外宣传专项工作 |\n|---|---|\n| 预算数: | 25.50 |\n| 执行数: | 24.50 |\n",
      good="第四部分 附件\n1.项目绩效目标完成情况\n（1）对外宣传项目绩效目标完成情况综述。项目全年预算数25.50万元，执行数为25.50万元，完成预算的100%。\n"
           "\n项目绩效目标完成情况表\n\n| 项目名称 | 对外宣传专项工作 |\n|---|---|\n| 预算数: | 25.50 |\n| 执行数: | 25.50 |\n")
def goal_tables_against_text(ctx: CheckContext, out: Reporter) -> None:
    tables = ctx.disclosure.performance.goal_tables
    summed = [m for _, text in ctx.paragraphs() if (m := _SUMMED_UP.match(text[:400]))]
    if not tables or len(summed) != len(tables):
        return  # paired by order: only when each project summed up has its table
    for m, table in zip(summed, tables, strict=True):
        if not table.project or _stem(m.group(1)) != _stem(table.project):
            continue
        for stated, figures, what in ((m.group(2), table.budget, "预算数"), (m.group(3), table.executed, "执行数")):
            if len(figures) != 1:
                continue
            value, cell = Decimal(stated.replace(",", "")), figures[0]
            out.checked()
            if cell.unit not in (None, "万元") or abs(cell.value - value) <= half_unit(cell) + half_digit(value):
                continue
            out.finding(f"“{table.project}”的绩效目标表中{what}为{cell.raw}，文字说明中为{stated}万元", cell.location,
                        expected=f"{stated}", actual=cell.raw)


# A goal table's cost indicator ("运维成本 | 控制在1.78万元以内 | 实际支出1.78万元"): what the project actually cost
# under one indicator is a part of what the table says the project spent (执行数), and its cap a part of the budget.
_COST = re.compile(r"(?:实际)?(?:支出|执行|完成|发生|使用)?(?:控制在|不超过|[≤<]=?)?\s*(\d[\d,]*(?:\.\d{1,2})?)\s*万元(?:以内|以下)?")


@rule("I118", "identities", Severity.WARNING, "成本指标超过项目的预算数或执行数",
      "项目绩效目标完成情况表中，成本指标的实际完成值（“实际支出1.78万元”）是项目支出的一部分，不能超过同表的执行数；"
      "成本指标的目标值（“控制在1.78万元以内”）也不能超过同表的预算数。超过时，不是指标值写错，就是预算数或执行数写错。",
      bad="第四部分 附件\n项目绩效目标完成情况表\n\n| 项目名称 | 平台运维 | | | |\n|---|---|---|---|---|\n"
          "| 预算数: | 1.78 | 执行数: | 1.78 | |\n| 一级指标 | 二级指标 | 三级指标 | 预期指标值 | 实际完成指标值 |\n"
          "| 项目完成指标 | 成本指标 | 运维成本 | 控制在1.78万元以内 | 实际支出2.78万元 |\n",
      good="第四部分 附件\n项目绩效目标完成情况表\n\n| 项目名称 | 平台运维 | | | |\n|---|---|---|---|---|\n"
           "| 预算数: | 1.78 | 执行数: | 1.78 | |\n| 一级指标 | 二级指标 | 三级指标 | 预期指标值 | 实际完成指标值 |\n"
           "| 项目完成指标 | 成本指标 | 运维成本 | 控制在1.78万元以内 | 实际支出1.78万元 |\n")
def cost_within_spending(ctx: CheckContext, out: Reporter) -> None:
    for table in ctx.disclosure.performance.goal_tables:
        for row in table.indicators:
            if len(row.cells) < 3 or not any("成本" in c for c in row.cells[:-2]):
                continue
            # the target (预期指标值) within the budget, the actual (实际完成指标值) within the spending
            for cell, figures, what in ((row.cells[-2], table.budget, "预算数"), (row.cells[-1], table.executed, "执行数")):
                if len(figures) != 1 or figures[0].unit not in (None, "万元"):
                    continue
                whole = figures[0]
                stated = _COST.fullmatch(cell.strip()[:40])
                if stated is None:
                    continue
                out.checked()
                value = Decimal(stated.group(1).replace(",", ""))
                if value <= whole.value + half_unit(whole) + half_digit(value):
                    continue
                at = ctx.document.text.find(cell.strip(), row.location.start, row.location.start + 4000)
                where = ctx.locate(at, at + len(cell.strip())) if at >= 0 else row.location
                told = whole.raw if whole.raw.endswith("元") else f"{whole.raw}万元"  # the cell's 万元 is in its header
                kind = "目标值" if what == "预算数" else "实际值"
                out.finding(f"成本指标“{row.cells[-3].strip()}”的{kind}{stated.group(1)}万元超过了本表的{what}{told}", where,
                            expected=f"不超过{told}", actual=f"{stated.group(1)}万元")


# The funding rows of a goal table: "预算数: | 40.50万元 | 执行数: | 40.50万元", then "其中-财政拨款: | … | 其中-财政拨款: | …"
# and "其它资金: | … | 其它资金: | …". Each side's 财政拨款 and 其它资金 make up its 预算数 or 执行数.
_FUND_LABEL = re.compile(r"(预算数|全年预算数|执行数|实际完成数|其中\s?[-－:：]?\s?财政拨款|其[它他]资金)\s?[:：]?")
_FUND_VALUE = re.compile(r"(\d[\d,]{0,15}(?:\.\d{1,2})?)\s?(?:万元)?")


def _funding(ctx: CheckContext, start: int) -> list[dict[str, tuple[Decimal, int, int, str]]]:
    """The funding of a goal table's two sides (budget, executed): label → (value, start, end, as written)."""
    block = next((b for b in ctx.document.blocks if b.location.start == start and b.rows), None)
    sides: list[dict[str, tuple[Decimal, int, int, str]]] = [{}, {}]
    for row in block.rows[:12] if block is not None else []:
        pairs = [(label.group(1), row.cells[i + 1]) for i, c in enumerate(row.cells[:-1])
                 if (label := _FUND_LABEL.fullmatch(c.text.strip()[:20])) is not None]
        for side, (kind, value) in enumerate(pairs[:2]):
            m = _FUND_VALUE.fullmatch(value.text.strip()[:30])
            if m is None:
                continue
            key = "财政拨款" if "财政拨款" in kind else "其它资金" if "资金" in kind else "合计"
            sides[side][key] = (Decimal(m.group(1).replace(",", "")), value.start, value.end, value.text.strip())
    return sides


@rule("I119", "identities", Severity.WARNING, "绩效目标表的资金来源与预算数、执行数不符",
      "项目绩效目标完成情况表中，预算数（执行数）下的“其中-财政拨款”不能大于预算数（执行数），"
      "写明“其它资金”时，财政拨款与其它资金之和应等于预算数（执行数）。",
      bad="第四部分 附件\n项目绩效目标完成情况表\n\n| 项目名称 | 业务运行费 | | | |\n|---|---|---|---|---|\n"
          "| 预算执行情况(万元) | 预算数: | 40.50万元 | 执行数: | 40.50万元 |\n"
          "| | 其中-财政拨款: | 44.55万元 | 其中-财政拨款: | 40.50万元 |\n| | 其它资金: | 0万元 | 其它资金: | 0万元 |\n",
      good="第四部分 附件\n项目绩效目标完成情况表\n\n| 项目名称 | 业务运行费 | | | |\n|---|---|---|---|---|\n"
           "| 预算执行情况(万元) | 预算数: | 40.50万元 | 执行数: | 40.50万元 |\n"
           "| | 其中-财政拨款: | 40.50万元 | 其中-财政拨款: | 40.50万元 |\n| | 其它资金: | 0万元 | 其它资金: | 0万元 |\n")
def goal_table_funding(ctx: CheckContext, out: Reporter) -> None:
    for table in ctx.disclosure.performance.goal_tables:
        for side, funds in zip(("预算数", "执行数"), _funding(ctx, table.location.start), strict=True):
            if "合计" not in funds or "财政拨款" not in funds:
                continue
            out.checked()
            whole, fiscal = funds["合计"], funds["财政拨款"]
            other = funds.get("其它资金")
            slack = half_digit(whole[0]) + half_digit(fiscal[0]) + (half_digit(other[0]) if other else Decimal(0))
            parts = fiscal[0] + (other[0] if other else Decimal(0))
            if parts <= whole[0] + slack and (other is None or abs(parts - whole[0]) <= slack):
                continue
            # the figure whose number the report writes nowhere else is the slip; else 财政拨款 above its whole;
            # else the whole
            alone = [f for f in (whole, fiscal, other) if f is not None and f[0] != 0 and said_once(ctx, f[0])]
            wrong = alone[0] if len(alone) == 1 else fiscal if fiscal[0] > whole[0] + slack else whole
            told = f"财政拨款{fiscal[3]}" + (f"、其它资金{other[3]}" if other else "")
            out.finding(f"绩效目标表“{table.project or ''}”的{side}为{whole[3]}，其中{told}，与之不符", ctx.locate(wrong[1], wrong[2]),
                        actual=wrong[3])


# A project's evaluation report in the annexes ("机要保密项目支出绩效评价报告") gives the project's budget and
# spending again ("项目全年预算20万元", "预算安排…28万元，实际执行28万元"): they are the body's for that project.
_ANNEX_TITLE_NOISE = re.compile(r"附件\s*\d*|20\d\d年度?|(?:项目)?(?:支出)?绩效(?:自评|评价)(?:自评)?报告|支出|项目|专项|经费|[“”\"\s]")
_ANNEX_BUDGET = re.compile(r"(?:项目)?(?:全年|年度)?预算(?:数|资金|金额)?(?:安排[^，,。；;\d]{0,40}?|为|是|[:：])?\s*"
                           r"(\d[\d,]{0,12}(?:\.\d{1,2})?)\s*万元")
_ANNEX_SPENT = re.compile(r"(?:实际执行|执行数为?|实际支出)\s*(\d[\d,]{0,12}(?:\.\d{1,2})?)\s*万元")
_ANNEX_LOOK = 3_000  # characters of an annex read for the project's figures: its first part, 项目概况


def _project_key(name: str) -> str:
    return _ANNEX_TITLE_NOISE.sub("", name)


@rule("C109", "consistency", Severity.ERROR, "项目绩效评价报告中的预算数、执行数与正文不一致",
      "附件中一个项目的绩效评价报告（标题含项目名称，如“机要保密项目支出绩效评价报告”）给出的项目全年预算数和执行数，"
      "应与正文对该项目的说明（“（4）机要保密项目绩效目标完成情况综述。项目全年预算数20万元，执行数为20万元”）相同。"
      "正文的数与该项目的绩效目标表相同时，报告附件的数；否则两处都指出。",
      bad="第四部分 附件\n1.项目绩效目标完成情况\n（1）机要保密项目绩效目标完成情况综述。项目全年预算数20万元，执行数为20万元，完成预算的100%。\n"
          "附件2 机要保密项目支出绩效评价报告\n一、项目概况\n（二）项目预算情况：项目全年预算22万元，截止年底完成预算执行100%。\n",
      good="第四部分 附件\n1.项目绩效目标完成情况\n（1）机要保密项目绩效目标完成情况综述。项目全年预算数20万元，执行数为20万元，完成预算的100%。\n"
           "附件2 机要保密项目支出绩效评价报告\n一、项目概况\n（二）项目预算情况：项目全年预算20万元，截止年底完成预算执行100%。\n")
def project_annex_against_body(ctx: CheckContext, out: Reporter) -> None:
    summed = [(at + m.start(), m) for at, text in ctx.paragraphs() if (m := _SUMMED_UP.match(text[:400]))]
    if not summed:
        return
    text = ctx.document.text
    for start, end, title in ctx.analysis.annex_spans():
        key = _project_key(title)
        if len(key) < 3:
            continue
        same = [(at, m) for at, m in summed
                if len(stem := _project_key(m.group(1))) >= 3 and (stem in key or key in stem)]
        if len(same) != 1:
            continue
        at, m = same[0]
        body = ((m.group(2), at + m.start(2), "预算数", _ANNEX_BUDGET), (m.group(3), at + m.start(3), "执行数", _ANNEX_SPENT))
        for stated, where, what, pattern in body:
            found = next((f for f in pattern.finditer(text, start, min(end, start + _ANNEX_LOOK))
                          if not ctx.of_another_year(text[max(start, f.start() - 30) : f.end()])), None)
            if found is None:
                continue
            out.checked()
            value, told = Decimal(stated.replace(",", "")), Decimal(found.group(1).replace(",", ""))
            if abs(value - told) <= half_digit(value) + half_digit(told):
                continue
            body_at = ctx.locate(where, where + len(stated))
            table = _goal_table_of(ctx, m.group(1))
            figures = (table.budget if what == "预算数" else table.executed) if table is not None else []
            decided = len(figures) == 1 and abs(figures[0].value - value) <= half_unit(figures[0]) + half_digit(value)
            why = "（正文与该项目的绩效目标表相同）" if decided else UNDECIDED
            named = re.sub(r"^附件\s*\d*\s*", "", title)
            out.finding(f"附件《{named}》中项目{what}为{found.group(1)}万元，正文（{place(body_at)}）为{stated}万元{why}",
                        ctx.locate(found.start(1), found.end(1)), expected=f"{stated}万元", actual=f"{found.group(1)}万元",
                        related=None if decided else [body_at])


def _goal_table_of(ctx: CheckContext, name: str) -> GoalTable | None:
    tables = [t for t in ctx.disclosure.performance.goal_tables if t.project and _stem(t.project) == _stem(name)]
    return tables[0] if len(tables) == 1 else None


# "参会人员满意度指标设置为≥95%", "群众满意度的目标值为90%": an indicator's target restated in words
_TARGET_SAID = re.compile(r"([\u4e00-\u9fff]{2,16}?)(?:的)?(?:(?:指标值?|目标值|预期值|年度指标值)(?:设置|设定|确定|定)?"
                          r"|(?:设置|设定|确定))为\s*"
                          r"(?P<sign>[≥≤><]=?)?\s*(?P<value>\d{1,3}(?:\.\d{1,2})?)\s*%")
_TARGET_CELL = re.compile(r"(?P<sign>[≥≤><]=?)?\s?(?P<value>\d{1,3}(?:\.\d{1,2})?)\s?%")  # on a stripped, short cell
_INDICATOR_NAME = re.compile(r"^\s*(?:指标\s*\d{1,2}\s*[:：])?\s*")


@rule("C110", "consistency", Severity.WARNING, "文字中的绩效指标目标值与绩效目标表不一致",
      "文字说明中重述某个绩效指标的目标值（“参会人员满意度指标设置为≥95%”）时，应与绩效目标表中该指标的预期值相同；"
      "表中同名指标的预期值都相同时才比较。",
      bad="第四部分 附件\n项目绩效目标完成情况表\n\n| 项目名称 | 机要高清业务费 |\n|---|---|\n| 一级指标 | 二级指标 | 三级指标 | 预期指标值 | 实际完成值 |\n"
          "| 效益指标 | 满意度指标 | 参会人员满意度 | ≥95% | 100% |\n\n个别指标设置欠缺可评价性，如：参会人员满意度指标设置为≥85%。\n",
      good="第四部分 附件\n项目绩效目标完成情况表\n\n| 项目名称 | 机要高清业务费 |\n|---|---|\n| 一级指标 | 二级指标 | 三级指标 | 预期指标值 | 实际完成值 |\n"
           "| 效益指标 | 满意度指标 | 参会人员满意度 | ≥95% | 100% |\n\n个别指标设置欠缺可评价性，如：参会人员满意度指标设置为≥95%。\n")
def indicator_targets_in_words(ctx: CheckContext, out: Reporter) -> None:
    targets: dict[str, list[tuple[str, Decimal, int]]] = {}  # indicator → (sign, value, where the cell stands)
    text = ctx.document.text
    for table in ctx.disclosure.performance.goal_tables:
        for indicator in table.indicators:
            cells = indicator.cells
            if len(cells) < 3 or (m := _TARGET_CELL.fullmatch(cells[-2].strip()[:20])) is None:
                continue
            name = _INDICATOR_NAME.sub("", cells[-3]).strip()
            if len(name) >= 4:
                at = text.find(cells[-2].strip(), indicator.location.start, indicator.location.end)
                targets.setdefault(name, []).append((m.group("sign") or "", Decimal(m.group("value")), max(at, 0)))
    if not targets:
        return
    for at, said in ctx.sentences():
        for m in _TARGET_SAID.finditer(said):
            said_name = m.group(1)
            names = [n for n in targets if n in said_name and said_name.endswith(n)]
            if len(names) != 1 or len({(s, v) for s, v, _ in targets[names[0]]}) != 1:
                continue  # no indicator of that name, or tables that differ among themselves
            out.checked()
            sign, value, cell = targets[names[0]][0]
            if (m.group("sign") or "") == sign and Decimal(m.group("value")) == value:
                continue
            told = said[m.start("sign") if m.group("sign") else m.start("value") : m.end()]
            table_at = ctx.locate(cell, cell + len(f"{sign}{value}%"))
            out.finding(f"“{names[0]}”的目标值在绩效目标表（{place(table_at)}）中为{sign}{value}%，这里写作{told}",
                        ctx.locate(at + m.start("value"), at + m.end()), expected=f"{sign}{value}%", actual=told,
                        related=[table_at])
