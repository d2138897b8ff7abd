"""Plain text and Markdown: encodings, the seeds' Word artefacts, tables, and line locations."""

from __future__ import annotations

from pathlib import Path

from conftest import seed
from juesuan.document import BlockKind
from juesuan.readers import read


def test_utf8_bom_and_gb18030_read_the_same(tmp_path: Path) -> None:
    text = seed("000").read_text(encoding="utf-8")
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(text.encode("gb18030"))
    plain = read(seed("000"))
    assert read(bom).text == plain.text
    assert read(gbk).text == plain.text


def test_bookmarks_are_dropped_and_lines_still_map_to_the_source() -> None:
    document = read(seed("001"))
    assert "[bookmark" not in document.text
    source_lines = seed("001").read_text(encoding="utf-8").split("\n")
    heading = next(b for b in document.blocks if b.text.startswith("一、收入支出决算总体情况说明"))
    assert heading.location.line == 25
    assert "一、收入支出决算总体情况说明" in source_lines[heading.location.line - 1]
    # A figure deep inside a paragraph maps to its own source line.
    offset = document.text.index("599.53")
    line = document.locate(offset).line
    assert line is not None and "599.53" in source_lines[line - 1]


def test_image_markers_become_placeholders_with_their_chart_labels() -> None:
    document = read(seed("000"))
    images = [b for b in document.blocks if b.kind is BlockKind.IMAGE]
    assert len(images) == 1
    assert images[0].location.line == 31
    assert images[0].title is not None and images[0].title.startswith("image4.png 8000")
    # The chart's labels are not left behind as paragraphs.
    assert not any(b.text.startswith("7433.94F5") for b in document.blocks)
    after = document.blocks[document.blocks.index(images[0]) + 1]
    assert after.text == "五、一般公共预算财政拨款支出决算情况说明"


def test_score_table_rows_and_columns_with_empty_cells() -> None:
    document = read(seed("000"))
    tables = [b for b in document.tables if b.title == "项目评价得分表"]
    assert len(tables) == 4
    grid = tables[0].grid()
    assert grid[0] == ["项目评价得分表"] * 5  # the title row spans the table
    assert grid[1] == ["一级指标", "二级指标", "三级指标", "分值", "得分"]
    assert grid[2] == ["项目决策", "绩效目标", "目标内容", "5", "5"]
    assert grid[3] == ["", "", "进度计划", "5", "5"]
    assert grid[-1][:3] == ["合计", "100", "90.5"]
    assert len(grid) == 14
    sums = [sum(int(row[3]) for row in t.grid()[2:-1]) for t in tables]
    assert sums == [100, 100, 100, 99]  # the real defect of seed 000: the last table's weights sum to 99
    assert [t.location.line for t in tables] == [620, 719, 818, 926]


def test_goal_table_keeps_multi_line_cells_and_empty_cells() -> None:
    document = read(seed("000"))
    goal = [b for b in document.tables if (b.title or "").startswith("项目绩效目标完成情况表")]
    assert len(goal) == 4
    first = goal[0]
    assert first.title == "项目绩效目标完成情况表\n(2020年度)"
    rows = [r.texts for r in first.rows]
    assert rows[1] == ["项目名称", "全面深化改革“清单制+责任制”平台运行维护费"]
    assert rows[3] == ["预算执行情况(万元)", "预算数:", "1.78", "执行数:", "1.78"]
    assert rows[5] == ["", "其它资金:", "", "其它资金:", ""]
    assert rows[8] == ["绩效指标完成情况", "一级指标", "二级指标", "三级指标", "预期指标值", "实际完成指标值"]
    assert rows[9] == ["", "项目完成指标", "数量指标", "系统数量", "2个", "2个"]
    # A cell of two paragraphs stays one cell (侨务引智、引资 in the fourth table).
    fourth = [r.texts for r in goal[3].rows]
    assert ["", "", "", "侨务引智、引资", "引智活动≥2次\n引资活动≥2次", "引智活动2次\n引资活动2次"] in fourth


def test_adjacent_tables_are_split_at_a_title_row() -> None:
    document = read(seed("002"))
    goal = [b for b in document.tables if (b.title or "").startswith("项目绩效目标完成情况表")]
    assert len(goal) == 5
    assert [b.location.line for b in goal] == [102, 195, 291, 378, 462]


def test_markdown_headings_and_pipe_tables(tmp_path: Path) -> None:
    md = tmp_path / "report.md"
    md.write_text(
        "# 第一部分 部门概况\n\n一、主要职能\n\n| 项目 | 决算数 |\n|---|---|\n| 本年收入合计 | 7,466.01 |\n",
        encoding="utf-8",
    )
    document = read(md)
    assert document.blocks[0].kind is BlockKind.HEADING and document.blocks[0].level == 1
    assert document.blocks[0].text == "第一部分 部门概况"
    table = document.tables[0]
    assert table.grid() == [["项目", "决算数"], ["本年收入合计", "7,466.01"]]
    assert table.location.line == 5


def test_cell_offsets_point_into_the_document_text() -> None:
    document = read(seed("000"))
    table = document.tables[0]
    for row in table.rows:
        for cell in row.cells:
            assert document.text[cell.start : cell.end] == cell.text


def test_web_table_copied_one_cell_a_line(tmp_path: Path) -> None:
    """Corpus 045: a web page's table copied one cell a line, each ending in " |" (a header, then a label and
    its numbers a row). Lines that do not split into rows of one width stay text."""
    lines = ["项 目 |", "预 算 数 |", "决 算 数 |", "合 计 |", "30.8 |", "25.7 |", "因公出国(境)费 |", "0 |", "0 |",
             "公务接待费 |", "14.8 |", "16.3 |"]
    path = tmp_path / "table.txt"
    path.write_text("单位:万元\n" + "\n".join(lines) + "\n二、说明\n", encoding="utf-8")
    document = read(path)
    (table,) = document.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["项 目", "预 算 数", "决 算 数"], ["合 计", "30.8", "25.7"], ["因公出国(境)费", "0", "0"],
        ["公务接待费", "14.8", "16.3"]]
    assert [c.line for c in table.rows[3].cells] == [11, 12, 13]
    ragged = [*lines[:7], "0 |", "公务接待费 |", "14.8 |", "16.3 |"]  # one number missing: no one width
    path.write_text("\n".join(ragged) + "\n", encoding="utf-8")
    assert read(path).tables == []
    site = ["来源 | 阿克陶县财政局 | 发布时间 | 阅读 |"]  # a page's header bar is not one cell a line
    path.write_text("\n".join(site * 8) + "\n", encoding="utf-8")
    assert read(path).tables == []


WRAPPED = Path(__file__).parent / "fixtures" / "wrapped" / "putuo_shehuigongzuobu_2024_excerpt.txt"


def test_a_table_copied_one_row_a_line_with_tabs_between_cells() -> None:
    """A PDF's table as text: "一、一般公共预算财政拨款收入\\t307.82\\t一、一般公共服务支出\\t264.87", rows of the right
    half only start with empty cells ("\\t\\t九、卫生健康支出\\t2.71"); thousands stay inside their cell."""
    document = read(WRAPPED)
    tables = [b for b in document.blocks if b.kind is BlockKind.TABLE]
    assert len(tables) == 1 and len(tables[0].rows) == 28
    row = next(r for r in tables[0].rows if "卫生健康支出" in r.texts[-2])
    assert row.texts[:2] == ["", ""] and row.texts[-1] == "2.71"
    assert tables[0].rows[0].cells[0].line == 4


def test_a_hard_wrapped_text_between_tables_is_read_as_paragraphs() -> None:
    document = read(WRAPPED)
    paragraph = next(b for b in document.blocks if b.text.startswith("中共上海市普陀区委社会工作部2024年度收入支出总计"))
    # three source lines, one paragraph; the title above the table stays a line of its own
    assert paragraph.text.endswith("主要原因：单位于 2024 年成立。") and paragraph.location.line == 35
    assert any(b.text == "收入支出决算总表" for b in document.blocks)


def test_a_figure_and_its_unit_on_two_lines_are_one_paragraph(tmp_path: Path) -> None:
    body = "\n".join(["截至 2025 年 12 月 31 日，上海市普陀区人民政府宜川路街道办事处共有车辆 9 辆，其中：部级领导干部用车 0 辆、"] * 6
                     + ["执法执勤用车 5 辆、特种专业技术用车 0 辆、离退休干部用车 0", "辆、其他用车 4 辆。"])
    path = tmp_path / "wrapped.txt"
    path.write_text(body, encoding="utf-8")
    last = read(path).blocks[-1]
    assert "离退休干部用车 0辆、其他用车 4 辆。" in last.text


def test_each_line_of_a_cell_of_several_lines_keeps_its_line(tmp_path: Path) -> None:
    """Seed 000 L477-478: one goal-table cell "引智活动2次" / "引资活动2次" on two source lines: a place in the second
    line is at line 478, not at the cell's first line; a cell whose tab line is empty starts on the next line."""
    text = "表头\n\t指标\n\t侨务引智、引资\n\t引智活动2次\n引资活动2次\n\n\t\n空行后的单元格\n"
    path = tmp_path / "cells.txt"
    path.write_text(text, encoding="utf-8")
    doc = read(path)
    at = doc.text.index("引资活动")
    assert doc.locate(at).line == 5 and doc.locate(doc.text.index("引智活动")).line == 4
    assert doc.locate(doc.text.index("空行后")).line == 8
