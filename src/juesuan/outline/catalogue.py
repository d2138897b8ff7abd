"""What each part, section and table of a report is called, in every layout we know.

Sections are recognised by what their titles say, not by their numbers: reports renumber, drop
numbers and reorder. Each entry is (kind, pattern); the first pattern that matches a title wins, so
the more specific come first. Titles are matched after `title_key` (no spaces, no quotes, ASCII
punctuation).
"""

from __future__ import annotations

import re

from juesuan.text.normalize import normalize

_NOISE = re.compile(r"[\s\"'“”‘’「」『』《》]")
# "关于", the organisation's year and "的" do not change what a title is about.
_LEAD = re.compile(r"^(关于)?(20\d{2}年度?)?")


def title_key(title: str) -> str:
    """A title reduced for matching: normalised, without spaces, quote marks and a leading year."""
    key = _NOISE.sub("", normalize(title))
    return _LEAD.sub("", key) or key


# The parts of a report (第一部分 …).
PARTS: list[tuple[str, re.Pattern[str]]] = [
    ("glossary", re.compile(r"名词解释")),
    ("annexes", re.compile(r"^附件$|^附件[^0-9一二三四五六七八九十]|部分附件")),
    ("tables", re.compile(r"附表|公开表")),
    ("statements", re.compile(r"决算表$|决算报表$")),
    ("explanation", re.compile(r"情况说明$|决算的?说明$|决算情况$|决算公开说明$|决算报表说明$")),
    ("overview", re.compile(r"概况$|概括$|基本情况$")),
]

# Sections of the overview part.
OVERVIEW: list[tuple[str, re.Pattern[str]]] = [
    ("functions_and_work", re.compile(r"职能(及|和|与)(主要)?工作")),
    ("key_work", re.compile(r"重点工作|主要工作完成|工作完成情况")),
    ("organisation", re.compile(r"机构设置|单位构成|决算单位|机构情况|人员情况|人员构成|人员编制|内设机构")),
    ("functions", re.compile(r"职能|职责")),
]

# Numbered items of the explanation part, by what they explain.
ITEMS: list[tuple[str, re.Pattern[str]]] = [
    ("three_public", re.compile(r"三公")),
    ("gov_fund", re.compile(r"政府性基金")),
    ("state_capital", re.compile(r"国有资本经营")),
    ("fiscal_appropriation_overview", re.compile(r"财政拨款收[入、]?支出?决算总体情况|^财政拨款收支")),
    ("income_expenditure_overview", re.compile(r"^(部门|单位)?收[入、]?支出?决算总体情况|^(部门|单位)?收支决算总体")),
    ("general_budget_basic", re.compile(r"一般公共预算财政拨款基本支出")),
    ("general_budget_expenditure", re.compile(r"一般公共预算(财政拨款)?支出决算")),
    ("income", re.compile(r"^(部门|单位)?收入决算(?!表$)")),  # "二、收入决算表" is the table, not the item
    ("expenditure", re.compile(r"^(部门|单位)?支出决算(?!表$)")),
    ("performance", re.compile(r"预算绩效管理|绩效管理情况|绩效评价情况|预算绩效情况|绩效自评")),
    ("other_matters", re.compile(r"其他重要事项|其他需要?说明")),
    ("overview", re.compile(r"基本情况$|概况$")),  # Beijing: 一、部门基本情况 inside 第二部分 决算说明
]

# Subsections, by the item they belong to.
SUBSECTIONS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    "general_budget_expenditure": [
        ("general_budget_overall", re.compile(r"总体情况")),
        ("general_budget_structure", re.compile(r"结构情况")),
        ("general_budget_detail", re.compile(r"具体情况")),
    ],
    "income_expenditure_overview": [  # Beijing, Chongqing: （一）收入决算说明 inside 二、收入支出决算总体情况说明
        ("income", re.compile(r"^(部门|单位)?收入(决算|情况)")),
        ("expenditure", re.compile(r"^(部门|单位)?支出(决算|情况)")),
        ("carryover", re.compile(r"^结转和?结余(情况)?$")),  # Chongqing: 4.结转结余情况。
    ],
    "overview": OVERVIEW,
    "three_public": [
        ("three_public_overall", re.compile(r"总体情况")),
        ("three_public_detail", re.compile(r"具体情况")),
    ],
    "other_matters": [
        ("admin_operating_cost", re.compile(r"机关运行经费")),
        ("procurement", re.compile(r"政府采购")),
        ("state_assets", re.compile(r"国有资产")),
        ("performance", re.compile(r"预算绩效|绩效管理|绩效评价")),
    ],
}
# A subsection of these kinds is recognised even where its item heading is missing.
STANDALONE_SUBSECTIONS = {"admin_operating_cost", "procurement", "state_assets"}

# The items of the “三公”经费, as the text and the 三公 table name them; the most specific first.
THREE_PUBLIC_ITEMS: list[tuple[str, re.Pattern[str]]] = [
    ("total", re.compile(r"三公")),
    # older templates and short forms: 车辆购置费, 公车运行费, 车辆运行费 (甘南州 2015)
    ("vehicle_purchase", re.compile(r"(?:公务用车|公车|车辆)购置(支出|费)(?!及)|^公务用车购置$")),
    ("vehicle_operation", re.compile(r"公务用车运行(维护)?费?|(?:公车|车辆)运行(维护)?费")),  # Shanghai's table: 公务用车运行费
    ("vehicles", re.compile(r"(?:公务用车|公车)购置及运行(维护)?费?")),
    ("reception_domestic", re.compile(r"国内(公务)?接待")),
    ("reception_foreign", re.compile(r"外事接待")),
    ("reception", re.compile(r"公务接待")),
    ("outbound_travel", re.compile(r"因公出国")),
]

# The statistical tables, and the other tables reports carry. Quotes are already removed.
TABLES: list[tuple[str, re.Pattern[str]]] = [
    # also without 总 ("四、2019年财政拨款收入支出决算表"), but not 一般公共预算's or 政府性基金's own table
    ("table_fiscal_appropriation_summary", re.compile(r"财政拨款收(入支出|支)决算总表|^(?:[一二三四五六七八九十]+、)?(?:20\d\d年度?)?财政拨款收入支出决算表$")),
    ("table_income_expenditure_summary", re.compile(r"收(入支出|支)决算总表")),
    ("table_general_budget_detail", re.compile(r"一般公共预算财政拨款支出决算明细表")),
    ("table_fiscal_appropriation_detail", re.compile(r"财政拨款支出决算明细表")),
    ("table_general_budget_basic", re.compile(r"一般公共预算财政拨款基本支出决算(明细)?表")),
    ("table_general_budget_project", re.compile(r"一般公共预算财政拨款项目支出决算表")),
    ("table_general_budget_expenditure", re.compile(r"一般公共预算财政拨款(收入)?支出决算表")),
    ("table_gov_fund_three_public", re.compile(r"政府性基金预算财政拨款三公经费")),
    ("table_three_public", re.compile(r"三公经费(财政拨款)?支出决算表|三公经费支出表|三公经费及机关运行经费支出决算表")),
    ("table_gov_fund", re.compile(r"政府性基金预算财政拨款(收入)?支出决算表")),
    ("table_state_capital", re.compile(r"国有资本经营预算(财政拨款)?(收入)?支出决算表")),
    # anchored (a 收入决算表 inside a longer title is another table), after the table's number if it has one
    ("table_income", re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[、.．])?(部门|单位)?收入(决算|总)表$")),
    ("table_expenditure", re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[、.．])?(部门|单位)?支出(决算|总)表$")),
    ("table_project_expenditure", re.compile(r"项目支出决算表")),
    ("table_procurement", re.compile(r"政府采购(情况|执行情况)?表")),
    ("table_purchase_services", re.compile(r"政府购买服务支出")),
    ("table_state_assets", re.compile(r"国有资产(占有)?使用情况表")),
    ("table_project_goal", re.compile(r"绩效目标完成情况表|绩效自评表")),
    ("table_score", re.compile(r"评价得分表|评分表|得分表")),
]


def first_match(vocabulary: list[tuple[str, re.Pattern[str]]], text: str) -> str | None:
    """The name of the first pattern of `vocabulary` found in `text`."""
    return next((name for name, pattern in vocabulary if pattern.search(text)), None)


def match(catalogue: list[tuple[str, re.Pattern[str]]], title: str) -> str | None:
    return first_match(catalogue, title_key(title))
