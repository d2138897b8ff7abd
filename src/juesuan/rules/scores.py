"""Performance and scoring tables (项目评价得分表), and counts against the lists they introduce."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from juesuan.model.disclosure import ScoreRow, ScoreTable
from juesuan.model.figures import Figure
from juesuan.rules.base import CheckContext, Reporter, Severity, rule
from juesuan.rules.projects import project_of, same_project


@rule("S201", "performance", Severity.ERROR, "评分表分值或得分不合计",
      "项目评价得分表中各指标分值之和应为100（且等于“合计”行的分值），每项得分不能超过其分值，各项得分之和应等于合计得分；"
      "一级指标写明分值（如“预算编制（15分）”）时，其下各指标分值之和应等于该分值。分值之和不是100时，如只有一个指标的分值"
      "与报告中其他评分表同一指标的分值不同、且按那个分值恰好合计100，就报告在这个指标上；有几个指标（至多四个）与其他评分表不同、按别处的分值恰好合计100时，一并指出（“其他评分表”中"
      "至少两张、且过半数的分值相同）。",
      bad="附件2\n项目支出绩效评价报告\n\t项目评价得分表\n\n\t一级指标\n\t二级指标\n\t分值\n\t得分\n\n\t项目决策\n\t绩效目标\n\t40\n\t38\n\n\t项目管理\n\t资金管理\n\t59\n\t50\n\n\t合计\n\t100\n\t88",
      good="附件2\n项目支出绩效评价报告\n\t项目评价得分表\n\n\t一级指标\n\t二级指标\n\t分值\n\t得分\n\n\t项目决策\n\t绩效目标\n\t40\n\t38\n\n\t项目管理\n\t资金管理\n\t60\n\t50\n\n\t合计\n\t100\n\t88")
def score_tables(ctx: CheckContext, out: Reporter) -> None:
    for table in ctx.disclosure.performance.score_tables:
        weights = [r.weight for r in table.rows if r.weight is not None]
        scores = [r.score for r in table.rows if r.score is not None]
        if not weights:
            out.missing()
            continue
        out.checked()
        weight_sum = sum((w.value for w in weights), Decimal(0))
        stated_total = table.total_weight.value if table.total_weight else Decimal(100)
        if table.total_weight is not None and stated_total not in (Decimal(100), weight_sum):
            # the 合计 row is wrong on its own: it is neither 100 nor what its rows add up to
            out.finding(f"合计行分值写作{stated_total}，应为100" + (f"（各指标分值之和为{weight_sum}）" if weight_sum != 100 else ""),
                        table.total_weight.location, expected="100", actual=str(stated_total))
        if weight_sum != Decimal(100):
            short = Decimal(100) - weight_sum
            unusual = _unusual_weights(ctx, table)
            odd = [u for u in unusual if u[2] - u[1].value == short]
            together = 2 <= len(unusual) <= 4 and sum((u[2] - u[1].value for u in unusual), Decimal(0)) == short
            if len(odd) == 1 and not together:  # one of several that together make the difference is not the one
                row, weight, usual, n = odd[0]
                out.finding(f"各指标分值之和为{weight_sum}，应为100：“{_name(row)}”在另外{n}张评分表中分值为{usual}，"
                            f"此处为{weight.value}，按{usual}恰好合计100", weight.location, expected=str(usual),
                            actual=str(weight.value))
            elif together:
                # several weights differ from the other tables, and together they make the difference
                names = "、".join(f"“{_name(row)}”{weight.value}（别处为{usual}）" for row, weight, usual, _ in unusual)
                out.finding(f"各指标分值之和为{weight_sum}，应为100：{names}与报告中其他评分表不同，按别处的分值恰好合计100",
                            table.total_weight.location if table.total_weight else table.location, expected="100",
                            actual=str(weight_sum), related=[weight.location for _, weight, _, _ in unusual])
            else:
                told = f"（合计行写作{stated_total}）" if stated_total == weight_sum else ""
                # the table cannot tell which weight is wrong: every weight it adds up is named with the total
                out.finding(f"各指标分值之和为{weight_sum}，应为100{told}", table.total_weight.location if table.total_weight
                            else table.location, expected="100", actual=str(weight_sum),
                            related=[w.location for w in weights])
        for row in table.rows:
            if row.weight is not None and row.score is not None and row.score.value > row.weight.value:
                # the row is wrong, not one cell of it: the place spans its 分值 and its 得分
                where = ctx.document.locate(min(row.weight.location.start, row.score.location.start),
                                            max(row.weight.location.end, row.score.location.end))
                out.finding(f"得分{row.score.value}超过该指标分值{row.weight.value}", where,
                            expected=f"≤{row.weight.value}", actual=str(row.score.value))
        if table.total_score is not None and scores:
            score_sum = sum((s.value for s in scores), Decimal(0))
            if score_sum != table.total_score.value:
                out.finding(f"各项得分之和为{score_sum}，合计得分写作{table.total_score.value}", table.total_score.location,
                            expected=str(score_sum), actual=str(table.total_score.value),
                            related=[s.location for s in scores])
        _group_weights(ctx, out, table)


def _keyed(table: ScoreTable) -> dict[tuple[str, str, str], ScoreRow]:
    """The rows of a table by their 一级, 二级 and 三级 indicator (a merged cell carries the one above), when unique."""
    keyed: dict[tuple[str, str, str], list[ScoreRow]] = {}
    first = second = third = ""
    for row in table.rows:
        levels = [level.strip() for level in [*row.levels, "", "", ""][:3]]
        first = levels[0] or first
        second = levels[1] or (second if not levels[0] else "")
        third = levels[2] or (third if not levels[0] and not levels[1] else "")
        keyed.setdefault((first, second, third), []).append(row)
    return {key: rows[0] for key, rows in keyed.items() if len(rows) == 1}


def _name(row: ScoreRow) -> str:
    return next((level.strip() for level in reversed(row.levels[:3]) if level.strip()), "该指标")


def _unusual_weights(ctx: CheckContext, table: ScoreTable) -> list[tuple[ScoreRow, Figure, Decimal, int]]:
    """The rows whose weight differs from what the same indicator weighs in most other score tables of the report:
    (the row, its weight, the usual weight, how many tables give it)."""
    others = [_keyed(t) for t in ctx.disclosure.performance.score_tables if t is not table]
    found = []
    for key, row in _keyed(table).items():
        elsewhere = Counter(w.value for o in others if key in o and (w := o[key].weight) is not None)
        weight = row.weight
        if weight is None or not elsewhere:
            continue
        usual, n = elsewhere.most_common(1)[0]
        if n < 2 or n * 2 <= elsewhere.total():
            continue  # the other tables do not agree on it
        if usual != weight.value:
            found.append((row, weight, usual, n))
    return found


# A first-level indicator that states its own weight: "预算编制（15分）".
_GROUP_WEIGHT = re.compile(r"[（(]\s*(\d{1,3}(?:\.\d+)?)\s*分\s*[）)]")


def _group_weights(ctx: CheckContext, out: Reporter, table: ScoreTable) -> None:
    """The weights of the rows under "预算编制（15分）" add up to 15: the rows down to the next such heading."""
    groups: list[tuple[str, Decimal, list[ScoreRow]]] = []
    for row in table.rows:
        head = row.levels[0] if row.levels else ""
        m = _GROUP_WEIGHT.search(head)
        if m:
            groups.append((head, Decimal(m.group(1)), [row]))
        elif head.strip():
            groups.append((head, Decimal(-1), [row]))  # a heading without its weight ends the group before it
        elif groups:
            groups[-1][2].append(row)
    for head, weight, rows in groups:
        weights = [r.weight for r in rows if r.weight is not None]
        if weight < 0 or not weights:
            continue
        total = sum((w.value for w in weights), Decimal(0))
        if total == weight:
            out.checked()
            continue
        last = max(weights, key=lambda w: w.location.start)
        out.finding(f"“{head.strip()}”下各指标分值之和为{total}，与其{weight}分不符",
                    ctx.locate(min(rows[0].location.start, weights[0].location.start), last.location.end),
                    expected=str(weight), actual=str(total))  # from the heading that states the weight


_ARRANGED = re.compile(r"预算安排(?P<name>[^，,。；;\d]{4,40}?)(?P<amount>\d[\d,]*\.?\d*)\s*万元")


@rule("S203", "performance", Severity.WARNING, "评价报告中写了另一个项目的名称",
      "项目绩效评价报告的“资金安排”一段中出现的项目名称应是本报告评价的项目；写成另一个项目的名称多半是复制粘贴时未改。",
      bad="第四部分 附件\n附件2\n机要高清业务费2020年绩效评价报告\n一、基本情况\n2020年，预算安排目标督查及提案办理系统运行维护费28万元，实际执行28万元。\n目标督查及提案办理系统运行维护费2020年绩效评价报告\n一、基本情况\n2020年，预算安排目标督查及提案办理系统运行维护费6.47万元。",
      good="第四部分 附件\n附件2\n机要高清业务费2020年绩效评价报告\n一、基本情况\n2020年，预算安排机要高清业务费28万元，实际执行28万元。\n目标督查及提案办理系统运行维护费2020年绩效评价报告\n一、基本情况\n2020年，预算安排目标督查及提案办理系统运行维护费6.47万元。")
def copied_project_name(ctx: CheckContext, out: Reporter) -> None:
    doc = ctx.document
    reports = [s for s in ctx.outline.walk() if s.kind in ("annex", "evaluation_report")]
    projects = {project_of(s.title): s for s in reports}
    projects.pop("", None)
    projects.update({t.project: None for t in ctx.disclosure.performance.goal_tables if t.project})  # type: ignore[misc]
    ordered = sorted(reports, key=lambda s: s.block)
    for n, section in enumerate(ordered):
        own = project_of(section.title)
        if not own:
            continue
        end = ordered[n + 1].block if n + 1 < len(ordered) else len(doc.blocks)
        for block in doc.blocks[section.block + 1 : end]:
            norm = doc.normalized[block.location.start : block.location.end]
            for m in _ARRANGED.finditer(norm):
                named = m.group("name").strip("“”\"")
                out.checked()
                if same_project(named, own):
                    continue
                if any(same_project(named, other) for other in projects if other != own):
                    a = block.location.start + m.start("name")
                    out.finding(f"这是“{own}”的评价报告，资金安排却写的是“{named}”", doc.locate(a, a + len(named)),
                                expected=own, actual=named)


# The words that end the name of an evaluation's whole score ("部门整体支出绩效评价得分", "综合得分", "自评总得分")
_TOTAL_NAME = ("评价", "自评", "综合", "总", "总体", "整体", "绩效", "最终", "合计", "累计")
# "部门整体支出绩效评价得分为104.2分": a performance evaluation is scored out of 100
_OVERALL_SCORE = re.compile(rf"(?:{'|'.join(_TOTAL_NAME)})得分(?:为|是|[:：])?\s*(\d{{1,3}}(?:\.\d{{1,2}})?)\s*分")
_FULL_MARK = re.compile(r"(?:满分|总分值?)(?:为|是|[:：])?\s*(\d{2,3})\s*分?")


@rule("S204", "performance", Severity.ERROR, "评价得分超过满分",
      "绩效评价按百分制评分，评价（自评）得分不能超过100分；报告写明了另一个满分（“满分120分”）时，按那个满分判断。",
      bad="附件1\n部门整体支出绩效自评报告\n（一）评价结论。2023年部门整体支出绩效评价得分为104.2分。",
      good="附件1\n部门整体支出绩效自评报告\n（一）评价结论。2023年部门整体支出绩效评价得分为94.2分。")
def score_above_full_mark(ctx: CheckContext, out: Reporter) -> None:
    text = ctx.document.normalized
    marks = [Decimal(m.group(1)) for m in _FULL_MARK.finditer(text)]
    full = max([Decimal(100), *marks])
    for m in _OVERALL_SCORE.finditer(text):
        out.checked()
        score = Decimal(m.group(1))
        if score > full:
            out.finding(f"评价得分{score}分超过满分{full}分", ctx.locate(m.start(1), m.end(1)), expected=f"≤{full}",
                        actual=f"{score}分")


# "1.履职效能（自评得分15分）" … "项目管理得分33.2分" … "部门整体支出绩效评价得分为94.7分": the parts' scores and the total
_NAMED_SCORE = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,12})\(?(?:自评)?得分(?:为|是|:)?\s*(?P<score>\d{1,3}(?:\.\d{1,2})?)\s*分")
_PARTS_BEFORE = 4000  # how far before its total a part's score is looked for (one evaluation's analysis)


@rule("S205", "performance", Severity.WARNING, "各部分得分之和与评价得分不符",
      "评价报告逐一写出各部分（一级指标）的得分、再写出评价（综合）得分时，各部分得分之和应等于评价得分。"
      "各部分之和大于评价得分必有一处写错（错误）；小于评价得分时，也可能是有部分未写出得分（警告）。"
      "至少三个不同名称的部分时才判断。",
      bad="附件1\n部门整体支出绩效自评报告\n1.履职效能（自评得分15分）。\n2.预算管理（自评得分22分）。\n3.财务管理（自评得分10分）。\n"
          "4.项目管理得分33分。\n（一）评价结论。部门整体支出绩效评价得分为79分。",
      good="附件1\n部门整体支出绩效自评报告\n1.履职效能（自评得分15分）。\n2.预算管理（自评得分22分）。\n3.财务管理（自评得分10分）。\n"
           "4.项目管理得分33分。\n（一）评价结论。部门整体支出绩效评价得分为80分。")
def part_scores(ctx: CheckContext, out: Reporter) -> None:
    text = ctx.document.normalized
    scores = [(m.group("name"), Decimal(m.group("score")), m.start("score"), m.end("score"))
              for m in _NAMED_SCORE.finditer(text)]
    totals = [n for n, s in enumerate(scores) if s[0].endswith(_TOTAL_NAME)]
    for i, n in enumerate(totals):
        _, total, start, end = scores[n]
        previous = totals[i - 1] if i else -1
        parts = [p for p in scores[previous + 1 : n] if p[2] >= start - _PARTS_BEFORE]
        if len(parts) < 3:  # "综合得分94分,其中决策得分18分、过程得分19分…": the parts follow in the same sentence
            following = totals[i + 1] if i + 1 < len(totals) else len(scores)
            after = scores[n + 1 : following]
            parts = [p for p in after if "。" not in text[end : p[2]]] if "其中" in text[end : end + 8] else []
        if len(parts) < 3 or len({p[0] for p in parts}) != len(parts):
            continue  # too few to be the whole, or one part named twice: not a plain list of parts
        out.checked()
        summed = sum((p[1] for p in parts), Decimal(0))
        if summed == total:
            continue
        names = "、".join(f"“{p[0].removeprefix('其中')}”{p[1]}分" for p in parts)
        out.finding(f"各部分得分（{names}）之和为{summed}分，评价得分写作{total}分", ctx.locate(start, end),
                    expected=str(summed), actual=str(total), related=[ctx.locate(p[2], p[3]) for p in parts],
                    severity=Severity.ERROR if summed > total else None)
