"""The outline: every item of 第二部分 the text has, 名词解释, 附件 and 附表, at the right line or page.

The expected lines were read off the seed files by hand (grep -n); the pages off the PDF.
"""

from __future__ import annotations

import pytest

from conftest import BUILT, FIXTURES, PUTUO, SEED_STEMS, SEEDS, TEMPLATE, seed
from juesuan.outline import Outline, build_outline
from juesuan.readers import read

ITEMS = [
    "income_expenditure_overview", "income", "expenditure", "fiscal_appropriation_overview",
    "general_budget_expenditure", "general_budget_basic", "three_public", "gov_fund", "state_capital",
    "other_matters",
]
GENERAL_BUDGET = ["general_budget_overall", "general_budget_structure", "general_budget_detail"]
OTHER = ["admin_operating_cost", "procurement", "state_assets", "performance"]

# kind -> source line of the item, then of its subsections, per seed (read off the files by hand).
EXPECTED_LINES: dict[str, dict[str, list[int]]] = {
    "000": {
        "items": [15, 19, 24, 28, 59, 87, 93, 113, 117, 120],
        "general_budget": [61, 64, 68], "three_public": [95, 99], "other": [122, 125, 129, 133],
        "parts": [1, 14, 534, 568, 1005], "annexes": [570, 600],
    },
    "001": {
        "items": [25, 31, 35, 39, 46, 64, 69, 89, 92, 94],
        "general_budget": [47, 51, 55], "three_public": [70, 78], "other": [95, 98, 101, 105],
        "parts": [1, 24, 604, 625, 1446], "annexes": [625, 674],
    },
    "002": {
        "items": [25, 30, 33, 37, 43, 57, 62, 77, 79, 81],
        "general_budget": [44, 47, 50], "three_public": [63, 65], "other": [82, 84, 86, 88],
        "parts": [1, 24, 577, 593], "annexes": [594, 838],
    },
    "003": {
        "items": [9, 15, 21, 27, 32, 59, 62, 78, 80, 82],
        "general_budget": [33, 38, 44], "three_public": [63, 65], "other": [83, 85, 87, 89],
        "parts": [1, 8, 467, 510, 564], "annexes": [511, 545],
    },
    "004": {
        "items": [23, 27, 32, 37, 40, 97, 105, 138, 142, 146],
        "general_budget": [42, 46, 51], "three_public": [107, 112], "other": [148, 151, 155, 163],
        "parts": [1, 22, 169, 219], "annexes": [220, 269],
    },
}
TABLE_LISTS = {"000": 14, "001": 14, "002": 0, "003": 13, "004": 0}


def _lines(outline: Outline, kinds: list[str]) -> list[int | None]:
    found = {s.kind: s.location.line for s in outline.walk() if s.kind in kinds}
    return [found.get(k) for k in kinds]


@pytest.mark.parametrize("prefix", sorted(EXPECTED_LINES))
def test_seed_outline_lines(prefix: str) -> None:
    outline = build_outline(read(seed(prefix)))
    expected = EXPECTED_LINES[prefix]
    assert _lines(outline, ITEMS) == expected["items"]
    assert _lines(outline, GENERAL_BUDGET) == expected["general_budget"]
    assert _lines(outline, ["three_public_overall", "three_public_detail"]) == expected["three_public"]
    assert _lines(outline, OTHER) == expected["other"]
    assert [s.location.line for s in outline.sections] == expected["parts"]
    assert [s.location.line for s in outline.find("annex")] == expected["annexes"]
    listed = outline.find("tables")
    assert sum(len(p.children) for p in listed) == TABLE_LISTS[prefix]
    glossary = outline.find("glossary")
    assert len(glossary) == 1


def test_seed_outline_items_are_children_of_the_explanation_part() -> None:
    outline = build_outline(read(seed("000")))
    explanation = outline.find("explanation")[0]
    assert [c.kind for c in explanation.children] == ITEMS
    assert [c.number for c in explanation.children] == list(range(1, 11))
    assert explanation.title == "第二部分 2020年度单位决算情况说明"


def test_unnumbered_items_and_parts_are_found() -> None:
    outline = build_outline(read(seed("002")))
    explanation = outline.find("explanation")[0]
    unnumbered = [c.title for c in explanation.children if c.number is None]
    assert unnumbered == [
        "收入支出决算总体情况说明", "收入决算情况说明", "支出决算情况说明", "国有资本经营预算支出决算情况说明",
    ]
    assert outline.find("glossary")[0].title == "名词解释"


@pytest.mark.parametrize(("head", "organisation"), [
    ("某县农业农村局部门决算公开说明（2023年度）\n", "某县农业农村局"),
    ("某县农业农村局部门决算\n（2023年度）\n", "某县农业农村局"),
    ("部门决算公开说明(2023年度)\n", None),
    # a government's notes on its budget and final accounts
    ("某县2023年政府预决算相关重要事项说明\n", None),
    # an evaluation report whose year is only in its opening sentence
    ("部门整体支出绩效评价报告\n根据通知要求，我办对2023年度部门整体支出绩效进行了全面综合评价。\n", None),
    # a county's own 三公 statement; an evaluation report whose year has no 年
    ("牟定县2023年“三公”经费决算情况说明\n", "牟定县"),
    ("岳阳市城市管理监督指挥中心2023绩效评价自评报告及评分表\n", "岳阳市城市管理监督指挥中心"),
])
def test_year_in_brackets_after_the_title(tmp_path, head: str, organisation: str | None) -> None:  # type: ignore[no-untyped-def]
    """Fresh real reports give the year only in brackets after the title."""
    path = tmp_path / "report.txt"
    path.write_text(head + "第一部分 部门概况\n一、主要职能\n负责全县农业工作。\n", encoding="utf-8")
    meta = build_outline(read(path)).meta
    assert (meta.organisation, meta.year) == (organisation, 2023)


def test_part_number_written_in_digits() -> None:
    outline = build_outline(read(seed("001")))
    glossary = outline.find("glossary")[0]
    assert glossary.title == "第3部分 名词解释" and glossary.number == 3


def test_charts_and_performance_tables() -> None:
    outline = build_outline(read(seed("000")))
    charts = outline.find("chart")
    assert [c.number for c in charts] == [1, 2, 3, 4, 5, 6, 7]
    assert [c.location.line for c in charts] == [18, 23, 27, 30, 63, 67, 103]
    goals = outline.find("table_project_goal")
    assert [g.location.line for g in goals] == [142, 228, 314, 408]
    assert all(g.table is not None and g.table.columns == 6 for g in goals)
    scores = outline.find("table_score")
    assert [(s.location.line, s.table.rows, s.table.columns) for s in scores if s.table] == [
        (620, 14, 5), (719, 14, 5), (818, 14, 5), (926, 14, 5),
    ]


@pytest.mark.parametrize(
    ("prefix", "organisation", "year", "kind"),
    [
        ("000", "中共攀枝花市委办公室", 2020, "单位决算"),
        ("001", "攀枝花市人民政府驻成都办事处", 2020, "部门决算"),
        ("002", "中共广元市朝天区委办公室", 2020, "部门决算"),
        ("003", "巴中市人民政府办公室", 2020, "部门决算"),
        ("004", "市委办公室", 2023, "部门决算"),  # the report never writes the full name
    ],
)
def test_seed_metadata(prefix: str, organisation: str, year: int, kind: str) -> None:
    meta = build_outline(read(seed(prefix))).meta
    assert (meta.organisation, meta.year, meta.kind, meta.layout) == (organisation, year, kind, "sichuan")


@pytest.mark.parametrize("stem", SEED_STEMS)
@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_same_outline_from_txt_docx_and_pdf(stem: str, suffix: str) -> None:
    reference = build_outline(read(SEEDS / f"{stem}.txt"))
    other = build_outline(read(BUILT / f"{stem}{suffix}"))
    def shape(outline: Outline) -> list[tuple[str, int, str]]:
        # PDF text loses the layout spaces between Chinese words ("第一部分 单位概况").
        return [(s.kind, s.level, "".join(s.title.split())) for s in outline.walk()]

    assert shape(other) == shape(reference)
    assert other.meta == reference.meta


def test_shanghai_report_outline() -> None:
    outline = build_outline(read(PUTUO))
    assert outline.meta.as_json() == {
        "organisation": "上海市普陀区财政局", "year": 2024, "kind": "部门决算", "layout": "shanghai",
    }
    assert [(s.kind, s.location.page) for s in outline.sections] == [
        ("overview", 4), ("statements", 6), ("explanation", 21), ("glossary", 25),
    ]
    statements = outline.find("statements")[0]
    assert [(t.kind, t.location.page, t.table.pages if t.table else None) for t in statements.children] == [
        ("table_income_expenditure_summary", 6, [6, 7]),
        ("table_income", 8, [8, 9]),
        ("table_expenditure", 10, [10, 11]),
        ("table_fiscal_appropriation_summary", 12, [12, 13, 14]),
        ("table_general_budget_expenditure", 15, [15]),
        ("table_general_budget_basic", 16, [16, 17]),
        ("table_three_public", 18, [18]),
        ("table_gov_fund", 19, [19]),
        ("table_state_capital", 20, [20]),
    ]
    explanation = outline.find("explanation")[0]
    assert [(c.number, c.kind, c.location.page) for c in explanation.children] == [
        (1, "income_expenditure_overview", 21), (2, "income", 21), (3, "expenditure", 21),
        (4, "fiscal_appropriation_overview", 21), (5, "general_budget_expenditure", 21),
        (6, "general_budget_basic", 23), (7, "three_public", 23), (8, "gov_fund", 23), (9, "state_capital", 23),
        (10, "performance", 23), (11, "other_matters", 23),
    ]
    other = explanation.children[-1]
    assert [(c.kind, c.location.page) for c in other.children] == [
        ("admin_operating_cost", 23), ("procurement", 24), ("state_assets", 24),
    ]


def test_shanghai_template_outline() -> None:
    outline = build_outline(read(TEMPLATE))
    assert outline.meta.layout == "shanghai" and outline.meta.year == 2024
    assert [s.kind for s in outline.sections] == ["overview", "statements", "explanation", "glossary"]
    assert len(outline.find("statements")[0].children) == 9
    assert [c.number for c in outline.find("explanation")[0].children] == list(range(1, 12))


def test_contents_page_is_not_the_outline() -> None:
    outline = build_outline(read(PUTUO))
    assert all(s.location.page != 2 for s in outline.walk())  # page 2 is the table of contents


def test_sections_in_another_order_are_still_recognised(tmp_path) -> None:  # type: ignore[no-untyped-def]
    lines = seed("000").read_text(encoding="utf-8").split("\n")
    # Move item 八 (政府性基金, lines 113-116) in front of item 七 (三公, line 93).
    moved = lines[:92] + lines[112:116] + lines[92:112] + lines[116:]
    path = tmp_path / "reordered.txt"
    path.write_text("\n".join(moved), encoding="utf-8")
    explanation = build_outline(read(path)).find("explanation")[0]
    kinds = [c.kind for c in explanation.children]
    assert kinds.index("gov_fund") < kinds.index("three_public")
    assert sorted(kinds) == sorted(ITEMS)
    gov_fund = next(c for c in explanation.children if c.kind == "gov_fund")
    assert gov_fund.location.line == 93 and gov_fund.number == 8


def test_the_shanghai_template_titles_its_tables_part_without_its_number() -> None:
    """The template's body has "上海市XX局2024年度部门决算表" where its contents say "第二部分…": the part is there."""
    outline = build_outline(read(TEMPLATE))
    assert outline.truncation is None
    assert [(s.number, s.kind) for s in outline.sections] == [(1, "overview"), (None, "statements"), (3, "explanation"),
                                                               (4, "glossary")]


def test_a_part_title_fallen_over_two_lines_of_a_wrapped_text() -> None:
    """"第三部分 中共上海市普陀区委社会工作部 2024 年度部门决算情况" / "说明" (a PDF's lines)."""
    outline = build_outline(read(FIXTURES / "wrapped" / "putuo_shehuigongzuobu_2024_excerpt.txt"))
    part = next(s for s in outline.sections if s.number == 3)
    assert part.kind == "explanation" and part.title.endswith("决算情况说明")
