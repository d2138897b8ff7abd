"""A project's goal table (项目绩效目标完成情况表) against its own evaluation report (项目绩效评价报告): the counts the
report gives again, and the score its 数量指标 earns in the report's 评分表."""

from __future__ import annotations

import re
from dataclasses import dataclass

from juesuan.model.disclosure import GoalTable, Indicator, ScoreTable
from juesuan.places import place
from juesuan.rules.base import CheckContext, Reporter, Severity, rule
from juesuan.rules.blame import UNDECIDED

_REPORT_TITLE = re.compile(r"(?:\d{4}年度?)?(?:项目支出)?绩效(?:评价|自评)(?:自评)?报告.*$")


def project_of(title: str) -> str:
    """The project an evaluation report is about: its title without 附件N, year and 绩效评价报告 ("" for the unit's
    整体支出 report)."""
    title = re.sub(r"^附件\s*\d+\s*", "", title).replace(" ", "")
    if "整体" in title:
        return ""
    return _REPORT_TITLE.sub("", title).strip()


def same_project(a: str, b: str) -> bool:
    a, b = a.replace("“", "").replace("”", ""), b.replace("“", "").replace("”", "")
    return a == b or (len(a) >= 4 and len(b) >= 4 and (a in b or b in a))


@dataclass(frozen=True, slots=True)
class ProjectReport:
    """One project's evaluation report: its text from its title to the next report, its goal table, its 评分表."""

    project: str
    title: str  # as written, without 附件N
    start: int
    end: int
    table: GoalTable | None
    scores: tuple[ScoreTable, ...]


def project_reports(ctx: CheckContext) -> list[ProjectReport]:
    memo = ctx.memo.get("project_reports")
    if isinstance(memo, list):
        return memo
    sections = sorted((s for s in ctx.outline.walk() if s.kind in ("annex", "evaluation_report")),
                      key=lambda s: s.location.start)
    reports: list[ProjectReport] = []
    for n, section in enumerate(sections):
        own = project_of(section.title)
        if not own:
            continue
        start = section.location.start
        end = sections[n + 1].location.start if n + 1 < len(sections) else len(ctx.document.text)
        tables = [t for t in ctx.disclosure.performance.goal_tables if t.project and same_project(t.project, own)]
        scores = tuple(s for s in ctx.disclosure.performance.score_tables if start <= s.location.start < end)
        title = re.sub(r"^附件\s*\d+\s*", "", section.title.strip())
        reports.append(ProjectReport(own, title, start, end, tables[0] if len(tables) == 1 else None, scores))
    ctx.memo["project_reports"] = reports
    return reports


# A count to the unit: "2个", "18条", "实际完成18条" (a target with ≥, 约 or 以上 is not exact)
_UNITS = "个条次台套辆人件场期批项家所名份本篇户"
_EXACT = re.compile(rf"(?:实际)?(?:完成)?\s?(\d{{1,6}})\s?([{_UNITS}])")  # on a stripped, short cell


def _counts(table: GoalTable) -> list[tuple[Indicator, str, int, int, str]]:
    """The 数量指标 rows of a goal table with an exact target and actual: (row, name, target, actual, unit)."""
    rows = []
    level = ""
    for row in table.indicators:
        cells = [c.strip() for c in row.cells]
        if len(cells) < 4:
            continue
        level = cells[-4] or level  # a continued row leaves its 二级指标 empty
        target, actual = _EXACT.fullmatch(cells[-2][:20]), _EXACT.fullmatch(cells[-1][:20])
        if "数量" not in level or target is None or actual is None or target.group(2) != actual.group(2):
            continue
        name = re.sub(r"^指标\s*\d{1,2}\s*[:：]\s*", "", cells[-3])
        rows.append((row, name, int(target.group(1)), int(actual.group(1)), target.group(2)))
    return rows


@rule("S206", "performance", Severity.WARNING, "未达到的数量目标在评分表中得了满分",
      "项目绩效目标完成情况表中，数量指标的预期值是确定的数（“19条”），实际完成数（“18条”）却小于它，说明目标没有完成；"
      "该项目绩效评价报告的评分表中“数量指标”却得了满分。预期值、完成数或评分必有一处不对。",
      bad="第四部分 附件\n项目绩效目标完成情况表\n\n| 项目名称 | 机要高清业务费 | | | |\n|---|---|---|---|---|\n"
          "| 一级指标 | 二级指标 | 三级指标 | 预期指标值 | 实际完成指标值 |\n| 项目完成指标 | 数量指标 | 线路租用 | 19条 | 18条 |\n\n"
          "附件2\n机要高清业务费2020年绩效评价报告\n一、基本情况\n保障了全年会议。\n\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n"
          "|---|---|---|---|---|\n| 项目管理 | 数量指标 | 完成数量 | 4 | 4 |\n| 效益指标 | 社会效益 | 政令畅通 | 96 | 90 |\n"
          "| 合计 | | | 100 | 94 |\n",
      good="第四部分 附件\n项目绩效目标完成情况表\n\n| 项目名称 | 机要高清业务费 | | | |\n|---|---|---|---|---|\n"
           "| 一级指标 | 二级指标 | 三级指标 | 预期指标值 | 实际完成指标值 |\n| 项目完成指标 | 数量指标 | 线路租用 | 18条 | 18条 |\n\n"
           "附件2\n机要高清业务费2020年绩效评价报告\n一、基本情况\n保障了全年会议。\n\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n"
           "|---|---|---|---|---|\n| 项目管理 | 数量指标 | 完成数量 | 4 | 4 |\n| 效益指标 | 社会效益 | 政令畅通 | 96 | 90 |\n"
           "| 合计 | | | 100 | 94 |\n")
def missed_count_full_score(ctx: CheckContext, out: Reporter) -> None:
    for report in project_reports(ctx):
        if report.table is None:
            continue
        full = [r for s in report.scores for r in s.rows
                if any("数量" in level for level in r.levels) and r.weight is not None and r.score is not None]
        if len(full) != 1:
            continue
        scored = full[0]
        for row, name, target, actual, unit in _counts(report.table):
            out.checked()
            if actual >= target or scored.score is None or scored.weight is None or scored.score.value < scored.weight.value:
                continue
            out.finding(f"“{name}”的预期值为{target}{unit}，实际完成{actual}{unit}，没有达到目标；而《{report.title}》"
                        f"的评分表（{place(scored.location)}）中数量指标得了满分{scored.score.raw}分：预期值、完成数和评分"
                        "不能都对", row.location, expected=f"完成{target}{unit}，或数量指标扣分",
                        actual=f"完成{actual}{unit}，数量指标满分", related=[scored.location])


@rule("C111", "consistency", Severity.WARNING, "评价报告中的数量与绩效目标表不一致",
      "项目绩效目标完成情况表的数量指标（“系统数量 2个 2个”）与该项目绩效评价报告中同一事物的数量（“为保障上述2个系统的正常运行”）"
      "应相同；评价报告各处说法一致而与表中实际完成数不同时，两处都指出。",
      bad="第四部分 附件\n项目绩效目标完成情况表\n\n| 项目名称 | 目标督查及提案办理系统运行维护费 | | | |\n|---|---|---|---|---|\n"
          "| 一级指标 | 二级指标 | 三级指标 | 预期指标值 | 实际完成指标值 |\n| 项目完成指标 | 数量指标 | 系统数量 | 2个 | 3个 |\n\n"
          "附件2\n目标督查及提案办理系统运行维护费2020年绩效评价报告\n一、基本情况\n为保障上述2个系统的正常运行，需支付运维服务费6.47万元。\n",
      good="第四部分 附件\n项目绩效目标完成情况表\n\n| 项目名称 | 目标督查及提案办理系统运行维护费 | | | |\n|---|---|---|---|---|\n"
           "| 一级指标 | 二级指标 | 三级指标 | 预期指标值 | 实际完成指标值 |\n| 项目完成指标 | 数量指标 | 系统数量 | 2个 | 2个 |\n\n"
           "附件2\n目标督查及提案办理系统运行维护费2020年绩效评价报告\n一、基本情况\n为保障上述2个系统的正常运行，需支付运维服务费6.47万元。\n")
def report_counts_against_table(ctx: CheckContext, out: Reporter) -> None:
    text = ctx.document.text
    for report in project_reports(ctx):
        if report.table is None:
            continue
        for row, name, _, actual, unit in _counts(report.table):
            thing = name.removesuffix("数量")
            if thing == name or len(thing) < 2:
                continue  # "系统数量" counts 系统; "线路租用" names no thing to count
            said = [m for m in re.finditer(rf"(?<!\d)(\d{{1,6}})\s*{unit}\s*{re.escape(thing)}", text[report.start : report.end])]
            values = {int(m.group(1)) for m in said}
            if len(values) != 1:
                continue  # not said, or said with two values (another rule's matter)
            out.checked()
            if actual in values:
                continue
            m = said[0]
            at = ctx.locate(report.start + m.start(1), report.start + m.end(1) + len(unit) + len(thing))
            out.finding(f"绩效目标表中“{name}”实际完成{actual}{unit}，而《{report.title}》（{place(at)}）说"
                        f"“{m.group()}”{UNDECIDED}", row.location, expected=f"{m.group(1)}{unit}", actual=f"{actual}{unit}",
                        related=[at])
