"""预算绩效管理: project counts, overall scores, 项目绩效目标完成情况表 and 项目评价得分表."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from juesuan.document import Block, BlockKind
from juesuan.extract.mentions import parse_sentence
from juesuan.extract.numbers import Found, find_figures, make_figure, parse_number
from juesuan.model.disclosure import GoalTable, Indicator, Performance, ScoreRow, ScoreTable
from juesuan.model.figures import Figure, Text
from juesuan.outline.catalogue import first_match

if TYPE_CHECKING:
    from juesuan.analysis import Analysis

_COUNTS = [
    ("projects_self_evaluated", re.compile(r"自评|自行组织|绩效评价")),
    ("projects_monitored", re.compile(r"监控|跟踪")),
    ("projects_with_targets", re.compile(r"绩效目标|事前绩效评估|绩效评估")),
]


def extract_performance(ctx: Analysis) -> Performance:
    result = Performance()
    doc = ctx.document
    for text in ctx.index.of_kind("performance"):
        for sentence in text.sentences():
            for mention in parse_sentence(doc, sentence, ctx.prior_year):
                if mention.figure.unit == "个":
                    clause = re.search(r"[,，;；。]", sentence.norm[mention.found.end :])
                    after = sentence.norm[mention.found.end : mention.found.end + clause.start() if clause else None]
                    around = mention.key + after
                    if re.search(r"问题|整改|评级|个数在|以上的|以下的", around) or (
                            "完成情况" in around and "自评" not in around):
                        continue
                    if field := first_match(_COUNTS, around):
                        getattr(result, field).append(mention.figure)
                elif mention.figure.unit == "分" and re.search(r"得分|评分|分数", mention.key):
                    result.overall_scores.append(mention.figure)
    used: set[int] = set()
    for section in ctx.outline.walk():
        if section.table is None:
            continue
        block = doc.blocks[section.table.block]
        if section.kind == "table_project_goal":
            result.goal_tables.append(_goal_table(ctx, block))
        elif section.kind == "table_score":
            result.score_tables.append(_score_table(ctx, block, section.title))
            used.add(section.table.block)
    # A scoring table under a title the outline does not know ("部门支出绩效自评得分情况"): its header says
    # what it is (分值 and 得分 columns).
    for index, block in enumerate(doc.blocks):
        if block.is_table and index not in used and _is_score_table(ctx, block):
            title = next((b.text.strip() for b in reversed(doc.blocks[max(0, index - 3) : index])
                          if b.kind is not BlockKind.TABLE and b.text.strip()), "评分表")
            result.score_tables.append(_score_table(ctx, block, title))
    return result


def _is_score_table(ctx: Analysis, block: Block) -> bool:
    for row in block.rows[:3]:
        texts = [ctx.document.normalized[c.start : c.end].strip() for c in row.cells]
        if any(t in ("分值", "权重", "标准分值", "指标分值") for t in texts) and any("得分" in t for t in texts):
            return True
    return False


def _cell_figure(ctx: Analysis, block: Block, row: int, col: int, unit: str | None = None) -> Figure | None:
    """The number in a cell (as a Figure located at the cell), or None."""
    cell = block.rows[row].cells[col]
    norm = ctx.document.normalized[cell.start : cell.end]
    figures = find_figures(norm)
    if figures and figures[0].unit not in (None, "万元", "%", "分"):
        return None
    value = parse_number(norm)
    if value is None and figures and len(figures) == 1:
        found = figures[0]
    elif value is not None:
        found = Found(0, len(norm), value, unit)
    else:
        return None
    row_text = " ".join(c.text for c in block.rows[row].cells if c.text)
    return make_figure(ctx.document, cell.start, found, row_text)


def _goal_table(ctx: Analysis, block: Block) -> GoalTable:
    doc = ctx.document
    table = GoalTable(location=doc.locate(block.location.start, block.location.end))
    header_seen = False
    goals_next = False
    for r, row in enumerate(block.rows):
        texts = [doc.normalized[c.start : c.end].strip() for c in row.cells]
        joined = "".join(texts)
        if "项目名称" in texts[0] and len(texts) > 1:
            table.project = next((row.cells[i].text for i in range(1, len(texts)) if texts[i]), None)
        elif texts[0] in ("预算单位", "主管部门", "实施单位", "项目单位") and len(texts) > 1:
            table.unit = next((row.cells[i].text for i in range(1, len(texts)) if texts[i]), None)
        for c, text in enumerate(texts[:-1]):
            target = (table.budget if re.match(r"^(预算数|全年预算数)[:：]?$", text)
                      else table.executed if re.match(r"^(执行数|实际完成数)[:：]?$", text) else None)
            if target is not None and (f := _cell_figure(ctx, block, r, c + 1, "万元")) is not None:
                target.append(f)
        if "年度资金总额" in joined:
            numbers = [f for c in range(len(texts)) if (f := _cell_figure(ctx, block, r, c, "万元")) is not None]
            if len(numbers) >= 2:
                table.budget.append(numbers[0])
                table.executed.append(numbers[1])
        if "预期目标" in joined or "年度目标" in texts[0]:
            goals_next = True
            continue
        if "一级指标" in joined:
            header_seen = True
            goals_next = False
            continue
        if goals_next and not header_seen:
            for cell in row.cells:
                if cell.text.strip() and len(cell.text) > 4:
                    table.goals.append(Text(text=cell.text, location=doc.locate(cell.start, cell.end)))
        elif header_seen and any(texts):
            table.indicators.append(Indicator(cells=[c.text for c in row.cells],
                                              location=doc.locate(row.start, row.end)))
    return table


def _score_table(ctx: Analysis, block: Block, title: str) -> ScoreTable:
    doc = ctx.document
    table = ScoreTable(title=title, location=doc.locate(block.location.start, block.location.end))
    weight_col = score_col = None
    for r, row in enumerate(block.rows):
        texts = [doc.normalized[c.start : c.end].strip() for c in row.cells]
        if weight_col is None:
            if any("分值" in t or "权重" in t for t in texts) and any("得分" in t for t in texts):
                weight_col = next(i for i, t in enumerate(texts) if "分值" in t or "权重" in t)
                score_col = next(i for i, t in enumerate(texts) if "得分" in t)
            continue
        first = next((t for t in texts if t), "")
        if first in ("合计", "总分", "总计"):
            numbers = [f for c in range(len(texts)) if (f := _cell_figure(ctx, block, r, c)) is not None]
            table.total_weight = numbers[0] if numbers else None
            table.total_score = numbers[1] if len(numbers) > 1 else None
            continue
        if len(texts) <= max(weight_col, score_col or 0):
            continue
        table.rows.append(ScoreRow(
            levels=[row.cells[i].text for i in range(min(weight_col, len(texts)))],
            weight=_cell_figure(ctx, block, r, weight_col),
            score=_cell_figure(ctx, block, r, score_col) if score_col is not None else None,
            location=doc.locate(row.start, row.end),
        ))
    return table
