"""The Disclosure model extracted from the real reports (docs/domain.md §3–4, issue 3's checks)."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest

from conftest import FIXTURES, run_cli, seed
from juesuan.extract.numbers import find_figures
from juesuan.model.disclosure import Disclosure
from juesuan.model.flatten import flatten
from juesuan.pipeline import analyse
from juesuan.readers import read
from juesuan.text.normalize import normalize

D = Decimal


@pytest.fixture(scope="module")
def seed000() -> Disclosure:
    return analyse(seed("000")).disclosure


def values(figures) -> list[Decimal]:  # type: ignore[no-untyped-def]
    return [f.value for f in figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("收、支总计7,467.33万元", [(D("7467.33"), "万元")]),
        ("均为630.78万元和630.78万元", [(D("630.78"), "万元"), (D("630.78"), "万元")]),
        ("支出0万元，下降100%", [(D("0"), "万元"), (D("100"), "%")]),
        ("合计1,580,000.00元", [(D("1580000.00"), "元")]),
        ("共有车辆7辆，接待14批次，62人次，设备0台（套）", [(D(7), "辆"), (D(14), "批次"), (D(62), "人次"), (D(0), "台（套）")]),
        ("下属二级预算单位三个", [(D(3), "个")]),
        ("全角７，４６７．３３万元，占９９．０２％", [(D("7467.33"), "万元"), (D("99.02"), "%")]),
        ("决算数为1036.19，完成预算100%", [(D("1036.19"), None), (D("100"), "%")]),
        ("2020年12月31日，根据【2019】54号文，1.一般公共服务", []),
    ],
)
def test_figures_with_units_and_exact_values(text: str, expected: list[tuple[Decimal, str | None]]) -> None:
    assert [(f.value, f.unit) for f in find_figures(normalize(text))] == expected


def test_seed000_income_and_its_sources(seed000: Disclosure) -> None:
    totals = seed000.totals
    assert totals.income_this_year is not None
    assert values(totals.income_this_year.amount) == [D("7466.01")]
    assert totals.income_this_year.amount[0].raw == "7,466.01万元"
    assert totals.income_this_year.amount[0].location.line == 21
    sources = [(s.key, values(s.amount), values(s.share)) for s in totals.income_sources]
    assert sources == [
        ("general_budget", [D("7392.56")], [D("99.02")]),
        ("gov_fund", [D("41.38")], [D("0.55")]),
        ("other", [D("32.07")], [D("0.43")]),
    ]


def test_seed000_general_budget_stated_as_two_values(seed000: Disclosure) -> None:
    gb = seed000.general_budget
    assert gb.total is not None and gb.detail_total is not None
    stated = values(gb.total.amount) + values(gb.structure_total) + values(gb.detail_total.amount)
    assert stated == [D("7349.61"), D("7349.61"), D("7349.6")]
    assert values(gb.total.share) == [D("99.44")] and gb.total.share_of == ["本年支出合计"]
    change = gb.total.change[0]
    assert (change.direction, change.amount.value, change.percent.value, change.base_year) == (  # type: ignore[union-attr]
        "增加", D("2766.66"), D("60.37"), 2019)
    assert values(gb.detail_total.completion) == [D("99.42")]


def test_seed000_nine_items(seed000: Disclosure) -> None:
    items = seed000.general_budget.items
    assert [i.number for i in items] == list(range(1, 10))
    assert [values(i.amount) for i in items] == [[D(v)] for v in
                                                 ("2296.02", "739.75", "10.98", "5.63", "239.84", "131.41", "0.81",
                                                  "3752.39", "172.77")]
    second = items[1]
    assert (second.class_name, second.section_name, second.item_name) == (
        "一般公共服务", "党委办公厅（室）及相关机构事务", "一般行政管理事务")
    assert values(second.completion) == [D("94.51")]
    assert second.reason and second.reason[0].text.startswith("部分项目经费结转至2021年支付")
    assert [i.location.line for i in items] == [70, 72, 74, 76, 78, 80, 81, 83, 85]


def test_items_named_by_their_code_rather_than_by_lei_kuan_xiang() -> None:
    """Seed 002 names its items "2.教育（类）2050803干部培训: 支出决算为…" and "5.住房保障2210201住房公积金：…"; its first line
    is a 类 that lists its 项 after 其中: one item of the 类's figures."""
    items = analyse(seed("002")).disclosure.general_budget.items
    assert [(i.class_name, i.item_name, i.code) for i in items] == [
        ("一般公共服务", None, None), ("教育", "干部培训", "2050803"), ("社会保障和就业", "机关事业单位养老保险缴费", "2080505"),
        ("卫生健康", "行政单位医疗", "2101101"), ("住房保障", "住房公积金", "2210201")]
    assert [values(i.amount) for i in items] == [[D(v)] for v in ("898.25", "11.95", "48.12", "26.86", "51")]
    assert [values(i.completion) for i in items] == [[D(100)]] * 5
    assert [i.location.line for i in items] == [52, 53, 54, 55, 56]


def test_seed000_three_public(seed000: Disclosure) -> None:
    tp = seed000.three_public
    assert tp.total is not None and values(tp.total.amount) == [D("34.04")]
    (unit,) = tp.units
    assert values(unit.outbound_travel.amount) == [D("0")]  # type: ignore[union-attr]
    assert values(unit.vehicles.amount) == [D("32.47"), D("32.47")]  # type: ignore[union-attr]
    assert values(unit.reception.amount) == [D("1.57"), D("1.57")]  # type: ignore[union-attr]
    assert values(unit.reception_domestic.amount) == [D("1.57"), D("1.57")]  # type: ignore[union-attr]
    assert values(unit.reception_batches) == [D(14)] and unit.reception_batches[0].unit == "批次"
    assert values(unit.reception_persons) == [D(62)] and unit.reception_persons[0].unit == "人次"
    assert values(unit.vehicles_held) == [D(7)]
    assert [(t.name, values(t.count)) for t in unit.vehicles_held_by_type] == [("轿车", [D(2)]), ("越野车", [D(5)])]
    change = unit.reception.change[0]  # type: ignore[union-attr]
    assert (change.direction, change.amount.value, change.percent.value) == ("减少", D("0.71"), D("31"))  # type: ignore[union-attr]


def test_seed000_procurement_share_as_stated(seed000: Disclosure) -> None:
    p = seed000.procurement
    assert p.total is not None and values(p.total.amount) == [D("19.04")]
    assert p.sme is not None and values(p.sme.amount) == [D("19.04")]
    assert values(p.sme.share) == [D("19.04")]  # the real defect: an amount copied into a percent
    assert p.sme.share_of == ["政府采购支出总额"]


def test_seed000_performance_tables(seed000: Disclosure) -> None:
    perf = seed000.performance
    assert [t.project for t in perf.goal_tables] == [
        "全面深化改革“清单制+责任制”平台运行维护费", "目标督查及提案办理系统运行维护费", "机要高清业务费", "市侨联业务运行费",
    ]
    assert [values(t.budget) for t in perf.goal_tables] == [[D("1.78")], [D("6.47")], [D("28")], [D("5")]]
    assert [len(t.indicators) for t in perf.goal_tables] == [6, 6, 7, 11]
    assert len(perf.score_tables) == 4
    for table in perf.score_tables:
        assert len(table.rows) == 11
        assert table.total_weight is not None and table.total_weight.value == D(100)
    assert [sum(r.weight.value for r in t.rows if r.weight) for t in perf.score_tables] == [100, 100, 100, 99]
    assert [t.total_score.value for t in perf.score_tables if t.total_score] == [D("90.5"), D("95"), D("95"), D("93")]
    assert values(perf.projects_with_targets) == [D(12)]


def test_seed001_one_figure_two_values() -> None:
    d = analyse(seed("001")).disclosure
    found = {(f.value, f.location.line) for path, f in flatten(d) if f.value in (D("559.53"), D("599.53"))}
    assert (D("559.53"), 48) in found
    assert {(D("599.53"), 52), (D("599.53"), 56)} <= found


def test_seed004_per_unit_three_public_and_two_values_of_one_figure() -> None:
    d = analyse(seed("004")).disclosure
    assert d.three_public.total is None  # the department-wide total is not stated: absent, not zero
    units = {u.unit: u for u in d.three_public.units}
    assert set(units) == {"市委办公室(本级)", "市委党史研究室", "市公务服务中心"}
    history = units["市委党史研究室"]
    assert values(history.reception_domestic.amount) == [D("0.24"), D("0.28")]  # type: ignore[union-attr]
    assert values(units["市公务服务中心"].reception_persons) == [D(6765)]
    assert [a.unit for a in d.state_assets] == ["市委办公室（本级）", "市委党史研究室", "攀枝花市公务服务中心"]
    assert values(d.meta.sub_units_stated) == [D(3)]
    assert [t.text for t in d.meta.sub_units_listed] == ["市委办公室（本级）", "市委党史研究室", "市公务服务中心"]
    assert d.totals.income_sources == []  # "全部为一般公共预算财政拨款收入" states no separate amount


def test_shanghai_every_table_cell(putuo) -> None:  # type: ignore[no-untyped-def]
    d = analyse(putuo).disclosure
    assert [t.kind for t in d.tables] == [
        "table_income_expenditure_summary", "table_income", "table_expenditure", "table_fiscal_appropriation_summary",
        "table_general_budget_expenditure", "table_general_budget_basic", "table_three_public", "table_gov_fund",
        "table_state_capital",
    ]
    # Every number printed in the nine tables (all with two decimals; codes are 2-3 digit integers).
    in_model = sorted(v.raw for t in d.tables for r in t.rows for v in r.values if v is not None)
    in_document = sorted(
        cell.text.strip()
        for t in d.tables
        for block in putuo.blocks if block.is_table and block.location.start == t.location.start
        for row in block.rows
        for cell in row.cells
        if re.fullmatch(r"[\d,]+\.\d\d", cell.text.strip())
    )
    assert len(in_model) == 195 and in_model == in_document
    summary = d.tables[0]
    rows = {r.name: [v.value for v in r.values if v] for r in summary.rows}
    assert rows["本年收入合计"] == [D("2946.25")] and rows["总计"] == [D("2995.39")]
    income = d.tables[1]
    admin = next(r for r in income.rows if r.code == "2010601")
    assert admin.name == "行政运行" and [v.value for v in admin.values if v] == [D("1511.90"), D("1511.89"), D("0.01")]
    assert admin.values[4] is not None and admin.values[4].unit == "万元" and admin.values[4].location.page == 8
    assert d.gov_fund.statements and "无政府性基金预算财政拨款收入和支出" in d.gov_fund.statements[0].text
    assert d.tables[7].note and "本表无数据" in d.tables[7].note[0].text


def test_shanghai_narrative(putuo) -> None:  # type: ignore[no-untyped-def]
    d = analyse(putuo).disclosure
    assert d.meta.organisation == "上海市普陀区财政局" and d.meta.prior_year == 2023
    assert values(d.fiscal_appropriation.total.amount) == [D("0.3")]  # type: ignore[union-attr]  # as stated (sic)
    detail = d.general_budget.detail_total
    assert detail is not None
    assert (values(detail.budget), values(detail.amount), values(detail.completion)) == (
        [D("2993.92")], [D("2940.05")], [D("98.20")])
    assert len(d.general_budget.items) == 11
    first = d.general_budget.items[0]
    assert values(first.budget) == [D("1560.05")] and values(first.amount) == [D("1511.89")]
    assert first.comparison[0].text == "决算数小于预算数的主要原因"
    assert [e.term for e in d.glossary][:2] == ["财政拨款收入", "事业收入"]
    assert values(d.performance.overall_scores) == [D("99.43")]


def test_absent_is_absent_not_zero() -> None:
    d = analyse(seed("002")).disclosure
    assert d.totals.total is None  # 002 never states 收、支总计
    assert d.totals.carryover_begin is None


def test_extract_json_contract() -> None:
    result = run_cli("extract", seed("000"), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    figure = data["totals"]["income_this_year"]["amount"][0]
    assert {k: figure[k] for k in ("value", "unit", "raw")} == {"value": "7466.01", "unit": "万元", "raw": "7,466.01万元"}
    assert set(figure["location"]) == {"line", "page", "start", "end"} and figure["location"]["line"] == 21
    assert data["meta"]["organisation"] == "中共攀枝花市委办公室"


def test_schema_is_committed_and_current() -> None:
    from pathlib import Path

    from scripts import load

    write_schema = load("write_schema")
    committed = (Path(__file__).parent.parent / "schema" / "disclosure.schema.json").read_text(encoding="utf-8")
    assert committed == write_schema.schema_text()
    committed = (Path(__file__).parent.parent / "schema" / "report_data.schema.json").read_text(encoding="utf-8")
    assert committed == write_schema.input_schema_text()


def test_every_figure_locates_its_raw_text(seed000: Disclosure) -> None:
    document = read(seed("000"))
    for path, figure in flatten(seed000):
        assert document.text[figure.location.start : figure.location.end] == figure.raw, path


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_same_figures_from_txt_docx_and_pdf(prefix: str, suffix: str) -> None:
    from collections import Counter

    from conftest import BUILT
    from juesuan.model.flatten import figure_paths

    def figures(path):  # type: ignore[no-untyped-def]
        return Counter((re.sub(r"\[\d+\]", "[]", p), v, u) for p, v, u, _, _ in figure_paths(analyse(path).disclosure))

    text = seed(prefix)
    assert figures(BUILT / f"{text.stem}{suffix}") == figures(text)


def test_extract_names_each_figure_in_chinese_with_its_path() -> None:
    result = run_cli("extract", seed("000"))
    assert result.returncode == 0
    line = next(x for x in result.stdout.splitlines() if x.startswith("总体情况·收支总计·金额 = "))
    assert "7,467.33" in line and "totals.total.amount[0]" in line


def test_an_item_whose_line_ends_at_its_heading_runs_on_to_the_next_paragraph() -> None:
    """A hard-wrapped PDF text: "1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。" ends its line at the full stop, and
    "主要用于：…全年预算为 52.00 万元，支出决算为 51.32 万元" is the next paragraph."""
    items = analyse(FIXTURES / "wrapped" / "putuo_shehuigongzuobu_2024_excerpt.txt").disclosure.general_budget.items
    assert [[f.raw for f in i.amount] for i in items[:3]] == [
        ["51.32 万元"], ["11.31 万元"], ["202.24 万元"]]
    assert [f.raw for f in items[0].budget] == ["52.00 万元"]
