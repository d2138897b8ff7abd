"""Generating reports from data: every format, the round trip back through the reader and extractor,
a clean check, and refusal of inconsistent data."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from conftest import run_cli
from juesuan.generate import GenerationRefused, generate, load
from juesuan.generate.derive import Derived, percent
from juesuan.generate.workbook import write_template
from juesuan.model.flatten import figure_paths
from juesuan.pipeline import analyse, check_file
from juesuan.rules import Severity, find_rule

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CASES = [("sichuan_2020_pzh_committee_office.yaml", "sichuan"), ("shanghai_2024_putuo_finance_bureau.yaml", "shanghai")]
D = Decimal


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    out: dict[tuple[str, str], Path] = {}
    for name, layout in CASES:
        data = load(EXAMPLES / name)
        folder = tmp_path_factory.mktemp(layout)
        for suffix in (".md", ".html", ".docx", ".pdf"):
            target = folder / f"report{suffix}"
            generate(data, layout, target)
            out[(layout, suffix)] = target
    return out


def _figures(path: Path) -> Counter[tuple[str, str, str | None]]:
    return Counter((re.sub(r"\[\d+\]", "[]", p), v, u) for p, v, u, _, _ in figure_paths(analyse(path).disclosure)
                   if not p.startswith("tables"))


@pytest.mark.parametrize(("name", "layout"), CASES)
def test_every_format_is_written_and_checks_clean(generated: dict[tuple[str, str], Path], name: str, layout: str) -> None:
    for suffix in (".md", ".html", ".docx", ".pdf"):
        path = generated[(layout, suffix)]
        assert path.stat().st_size > 5_000
        result = check_file(path)
        serious = [(f.rule, f.message) for f in result.findings if f.severity in (Severity.ERROR, Severity.WARNING)]
        assert serious == [], (suffix, serious)
        assert result.ledger()["S101"].value == "passed"  # every required section is there


@pytest.mark.parametrize(("name", "layout"), CASES)
def test_round_trip_gives_the_data_back(generated: dict[tuple[str, str], Path], name: str, layout: str) -> None:
    data = load(EXAMPLES / name)
    derived = Derived(data)
    md, docx, pdf = (generated[(layout, s)] for s in (".md", ".docx", ".pdf"))
    assert _figures(docx) == _figures(md) == _figures(pdf)
    model = analyse(pdf).disclosure
    assert model.meta.organisation == data.meta.organisation and model.meta.year == data.meta.year
    assert model.meta.layout == layout
    assert [f.value for f in model.totals.total.amount] == [data.total.current]  # type: ignore[union-attr]
    assert model.totals.income_this_year.amount[0].value == derived.income_this_year  # type: ignore[union-attr]
    sources = {k: v for k, v in data.income_sources.items() if v}
    if layout == "shanghai":  # the template states the three kinds of 财政拨款 as one: 财政拨款收入
        sources = {"财政拨款收入": derived.fiscal_income, **{k: v for k, v in sources.items() if "财政拨款" not in k}}
    assert {s.name: s.amount[0].value for s in model.totals.income_sources} == sources
    assert model.general_budget.total.amount[0].value == derived.general_budget  # type: ignore[union-attr]
    assert [(c.key, c.amount[0].value) for c in model.general_budget.classes] == derived.classes()
    assert [i.amount[0].value for i in model.general_budget.items] == [derived.amount(i) for i in data.items]
    # The Sichuan layout states each 项's completion rate, the Shanghai layout its budget (its template no rate).
    if layout == "sichuan":
        assert [i.completion[0].value for i in model.general_budget.items] == [
            percent(derived.amount(i), i.budget) for i in data.items if i.budget is not None]
    if layout == "shanghai":
        assert [i.budget[0].value for i in model.general_budget.items] == [i.budget for i in data.items]
    assert model.basic.personnel.amount[0].value == data.personnel  # type: ignore[union-attr]
    assert model.admin_operating_cost.amount[0].value == data.admin_operating_cost.current  # type: ignore[union-attr]
    unit = model.three_public.units[0]
    tp = data.three_public
    if layout == "shanghai" and derived.three_public_total[0] == 0:  # the template: "无“三公”经费财政拨款支出" only
        assert [i.amount[0].value for i in (unit.outbound_travel, unit.vehicles, unit.reception) if i] == [0, 0, 0]
    else:
        assert unit.reception_domestic.amount[0].value == tp.reception_domestic.current  # type: ignore[union-attr]
        assert [v.value for v in unit.vehicles_held] == [D(sum(tp.vehicles_held.values()))]
    assert model.procurement.total.amount[0].value == derived.procurement_total  # type: ignore[union-attr]


def test_shanghai_tables_are_read_back_and_agree_with_the_text(generated: dict[tuple[str, str], Path]) -> None:
    model = analyse(generated[("shanghai", ".pdf")]).disclosure
    assert [t.kind for t in model.tables] == [
        "table_income_expenditure_summary", "table_income", "table_expenditure", "table_fiscal_appropriation_summary",
        "table_general_budget_expenditure", "table_general_budget_basic", "table_three_public", "table_gov_fund",
        "table_state_capital",
    ]
    result = check_file(generated[("shanghai", ".pdf")])
    statuses = result.ledger()
    assert all(statuses[r].value == "passed" for r in ("T201", "T202", "T203", "T204", "T205"))


def test_sichuan_tables_are_its_own_set_and_are_read_back(generated: dict[tuple[str, str], Path]) -> None:
    """The Sichuan reports' set (seed 000 lists fourteen): the nine, the 项目支出 table and the two fund tables
    the Sichuan reports add, numbered in their order; the two 明细表 need data the generator does not take."""
    analysis = analyse(generated[("sichuan", ".pdf")])
    assert [k for k in analysis.outline.kinds() if k.startswith("table_") and k not in ("table_project_goal", "table_score")] == [
        "table_income_expenditure_summary", "table_income", "table_expenditure", "table_fiscal_appropriation_summary",
        "table_general_budget_expenditure", "table_general_budget_basic", "table_general_budget_project",
        "table_three_public", "table_gov_fund", "table_gov_fund_three_public", "table_state_capital", "table_state_capital",
    ]
    data = load(EXAMPLES / CASES[0][0])
    text = generated[("sichuan", ".md")].read_text(encoding="utf-8")
    assert sum(i.project for i in data.items) == D("4502.77")
    assert "七、一般公共预算财政拨款项目支出决算表" in text and "|  |  |  | 合计 | 4,502.77 |" in text
    assert "十二、国有资本经营预算财政拨款支出决算表" in text and "无国有资本经营预算财政拨款支出，故本表无数据" in text


def test_charts_follow_the_layout_and_never_show_nothing(generated: dict[tuple[str, str], Path]) -> None:
    """Sichuan reports carry 图1–图7; the Shanghai template has no charts unless asked; a chart of one bar, an
    empty series or one slice is left out and the others are numbered without a gap."""
    from juesuan.generate.layouts import compose
    from juesuan.generate.nodes import Chart

    xml = zipfile.ZipFile(generated[("sichuan", ".docx")]).read("word/document.xml").decode()
    assert [d.split("：")[0] for d in re.findall(r'descr="(图\d：[^"]+)"', xml)] == [f"图{n}" for n in range(1, 8)]
    xml = zipfile.ZipFile(generated[("shanghai", ".docx")]).read("word/document.xml").decode()
    assert "descr=\"图" not in xml and not any(n.startswith("word/media/") for n in
                                               zipfile.ZipFile(generated[("shanghai", ".docx")]).namelist())
    data = load(EXAMPLES / CASES[1][0])
    asked = [n for n in compose(data, "shanghai", charts=True) if isinstance(n, Chart)]
    assert [c.number for c in asked] == list(range(1, len(asked) + 1)) and len(asked) >= 5
    assert all(len([v for v in c.values if v]) >= 2 for c in asked)
    lonely = data.model_copy(update={"general_budget_previous": None})  # 图5 would be one bar
    fewer = [n for n in compose(lonely, "shanghai", charts=True) if isinstance(n, Chart)]
    assert len(fewer) == len(asked) - 1 and [c.number for c in fewer] == list(range(1, len(fewer) + 1))
    assert "一般公共预算财政拨款支出决算变动情况" not in [c.title for c in fewer]
    assert not [n for n in compose(data, "sichuan", charts=False) if isinstance(n, Chart)]


def test_docx_has_real_headings_tables_and_seven_charts(generated: dict[tuple[str, str], Path]) -> None:
    import docx

    word = docx.Document(str(generated[("sichuan", ".docx")]))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[0] == "第一部分 单位概况" and "第二部分 2020年度单位决算情况说明" in headings
    assert len(word.tables) == 14  # the twelve Sichuan tables, and the annexes' goal table and score table
    descriptions = re.findall(r'descr="(图\d：[^"]+)"', zipfile.ZipFile(generated[("sichuan", ".docx")]).read(
        "word/document.xml").decode())
    assert [d.split("：")[0] for d in descriptions] == [f"图{n}" for n in range(1, 8)]
    media = [n for n in zipfile.ZipFile(generated[("sichuan", ".docx")]).namelist() if n.startswith("word/media/")]
    assert len(media) == 7


def test_the_shanghai_layout_writes_the_shanghai_templates_sentences(generated: dict[tuple[str, str], Path]) -> None:
    """政府采购 and 国有资产 as the Shanghai template words them: the generated paragraphs are the published
    Putuo report's, word for word (its figures are the example's)."""
    text = generated[("shanghai", ".md")].read_text(encoding="utf-8")
    published = [
        "2024年度本部门面向中小企业预留政府采购项目预算金额246.47万元，面向小微企业预留政府采购项目预算金额0万元。"
        "在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额246.47万元；在面向小微企业预留政府采购"
        "项目中，由小微企业供应商中标或成交的，采购金额0万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额4.79万元。",
        "截至2024年12月31日，上海市普陀区财政局共有车辆0辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、"
        "应急保障用车0辆、执法执勤用车0辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车0辆。单价100万元（含）以上设备"
        "（不含车辆）2台（套）。",
        "上海市普陀区财政局2024年度政府采购金额（以合同签订为准）为251.25万元，其中：货物采购金额4.79万元、工程采购金额0万元、",
    ]
    for paragraph in published:
        assert paragraph in text, paragraph[:30]
    from conftest import PUTUO

    putuo = analyse(PUTUO).document.normalized  # the 三公 paragraphs, compared as the reader normalises both
    generated_text = analyse(generated[("shanghai", ".md")]).document.normalized
    start = putuo.index("“三公”经费财政拨款支出年初预算为")
    performance = next(line for line in putuo.splitlines() if "预算绩效管理工作开展情况如下" in line)
    assert performance in generated_text
    paragraphs = putuo[start: putuo.index("(二)“三公”经费", start)].splitlines()
    for paragraph in [*paragraphs, "上海市普陀区财政局2024年度无“三公”经费财政拨款支出。"]:
        assert paragraph.strip() in generated_text, paragraph
    assert "授予中小企业合同金额" not in text  # the Sichuan wording is not used
    assert "| 序号 | 单位名称 | 备注 |" in text and "| 2 | 上海市普陀区财政局财政所 | 预算不单列，并入本级 |" in text
    units = [u.text for u in analyse(generated[("shanghai", ".pdf")]).disclosure.meta.sub_units_listed]
    assert "上海市普陀区国库收付中心" in units  # the 单位构成 table is read back from the PDF


def test_shanghai_three_public_with_spending_follows_the_template(tmp_path: Path) -> None:
    raw = yaml.safe_load((EXAMPLES / CASES[1][0]).read_text(encoding="utf-8"))
    tp = raw["three_public"]
    tp["outbound"] = {"current": "1.20", "budget": "2.00", "previous": "0", "reason": "年度出访计划调整。"}
    tp.update(outbound_groups=1, outbound_persons=3, reception_batches=2, reception_persons=10,
              reception_domestic={"current": "0.50", "budget": "0.95", "previous": "0", "reason": "厉行节约。"})
    path = tmp_path / "spent.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    generate(load(path), "shanghai", tmp_path / "spent.md")
    text = (tmp_path / "spent.md").read_text(encoding="utf-8")
    assert "“三公”经费财政拨款支出年初预算为2.95万元，支出决算为1.70万元，完成预算的57.63%" in text
    assert "比2023年度增加1.70万元。其中：因公出国（境）费支出决算增加1.20万元" in text
    assert "1、因公出国（境）费支出1.20万元。全年安排因公出国（境）团组1个、累计3人次。" in text
    assert "国内公务接待支出0.50万元（含外宾接待支出0.00万元），接待2批次、10人次" in text
    assert not [f for f in check_file(tmp_path / "spent.md").findings if f.severity is Severity.ERROR]


def test_the_sichuan_report_carries_its_annexes(generated: dict[tuple[str, str], Path], tmp_path: Path) -> None:
    """附件1 the 项目绩效目标完成情况表, 附件2 the evaluation report with its 项目评价得分表 (seed 000's first
    project, true figures): read back as a goal table and a score table whose weights and scores add up."""
    text = generated[("sichuan", ".md")].read_text(encoding="utf-8")
    assert "附件1 项目绩效目标完成情况表" in text and "预算执行情况：预算数1.78万元，执行数1.78万元，预算执行率100.00%。" in text
    assert "2020年，预算安排全面深化改革“清单制+责任制”平台运行维护费1.78万元，实际执行1.78万元，预算执行率为100.00%。" in text
    for suffix in (".md", ".docx", ".pdf"):
        performance = analyse(generated[("sichuan", suffix)]).disclosure.performance
        assert len(performance.goal_tables) == 1, suffix
        scores = performance.score_tables
        assert len(scores) == 1 and scores[0].total_weight and scores[0].total_weight.value == 100, suffix
        assert scores[0].total_score and scores[0].total_score.value == D("90.5"), suffix
    raw = yaml.safe_load((EXAMPLES / CASES[0][0]).read_text(encoding="utf-8"))
    rows = raw["performance"]["projects"][0]["evaluation"]["scores"]
    rows[0]["weight"], rows[1]["score"] = "6", "6"  # weights now add to 101; a score above its weight
    path = tmp_path / "scores.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(GenerationRefused) as refused:
        generate(load(path), "sichuan", tmp_path / "x.md")
    said = "\n".join(refused.value.problems)
    assert "分值之和为101，应为100" in said and "得分6应在0和分值5之间" in said and "绩效项目第1项" in said


def test_percentages_and_words_follow_the_figures(generated: dict[tuple[str, str], Path]) -> None:
    text = generated[("sichuan", ".md")].read_text(encoding="utf-8")
    assert "2020年一般公共预算财政拨款支出7,349.61万元，占本年支出合计的99.06%" in text  # not the 99.44% of the original
    assert "授予中小企业合同金额19.04万元，占政府采购支出总额的100.00%" in text
    assert "与2019年相比，收、支总计增加2,607.44万元，增长53.65%。主要原因是：一是2020年" in text
    assert "与2019年相比，因公出国（境）经费支出决算减少3.36万元，下降100.00%" in text
    assert "决算数小于预算数的主要原因是：部分项目经费结转至2021年支付。" in text
    assert "政府性基金预算财政拨款支出41.38万元" in text and "国有资本经营预算财政拨款支出0万元" in text
    assert "XX" not in text and "（具体工作）" not in text


def test_inconsistent_data_is_refused_with_every_problem(tmp_path: Path) -> None:
    raw = yaml.safe_load((EXAMPLES / CASES[0][0]).read_text(encoding="utf-8"))
    raw["total"]["reason"] = ""
    raw["total"]["current"] = "7500.00"
    raw["items"][1]["reason"] = None
    raw["three_public"]["vehicles_held"]["轿车"] = 3
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(GenerationRefused) as refused:
        generate(load(path), "sichuan", tmp_path / "out.docx")
    paths = [p.split("：")[0] for p in refused.value.problems]
    assert paths == ["收、支总计·本年数", "收、支总计·本年数", "收、支总计·原因", "项级科目第2项（一般行政管理事务）·原因",
                     "“三公”经费·年末公务用车"]
    assert not (tmp_path / "out.docx").exists()
    result = run_cli("generate", path, "--out", tmp_path / "cli.docx")
    assert result.returncode == 2
    assert "数据有 5 处问题，未生成报告" in result.stderr and "项级科目第2项（一般行政管理事务）·原因：一般行政管理事务决算数739.75万元与预算数782.72万元不同" in result.stderr
    assert "Traceback" not in result.stderr


def test_codes_are_checked_against_the_classification(tmp_path: Path) -> None:
    """A well-formed code under the wrong 类, a changed 款 name and a code given twice are refused, each with its
    field named; `juesuan check` raises the same wrong code on a published report (K101)."""
    raw = yaml.safe_load((EXAMPLES / CASES[0][0]).read_text(encoding="utf-8"))
    assert raw["items"][0]["code"] == "2013101"
    raw["items"][0]["code"] = "2123101"  # 城乡社区 under 一般公共服务支出
    raw["items"][2]["section_name"] = "党委办公厅及其他事务"
    raw["items"][3]["code"] = raw["items"][2]["code"]
    path = tmp_path / "codes.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(GenerationRefused) as refused:
        generate(load(path), "sichuan", tmp_path / "out.md")
    said = refused.value.problems
    assert any(p.startswith("项级科目第1项（行政运行）·科目编码：科目编码2123101属于“城乡社区支出”，不属于“一般公共服务支出”")
               for p in said), said
    assert any("项级科目第3项" in p and "款名称" in p and "党委办公厅（室）及相关机构事务" in p for p in said), said
    assert any(p.startswith("项级科目第4项") and "已在第3项填写过" in p for p in said), said
    published = tmp_path / "published.md"
    published.write_text(find_rule("K101").bad, encoding="utf-8")  # type: ignore[union-attr]
    assert any(f.rule == "K101" and "2123101" in f.message for f in check_file(published).findings)


def test_every_spending_is_given_by_code_and_fills_every_table(tmp_path: Path) -> None:
    """Every 万元 of 本年支出 has its 功能分类 code: spending of a fund or of other money without its 项 is refused,
    naming the field; with them each is listed by code in the 支出决算表, the 财政拨款 summary and the fund's own
    table, and the 基本/项目 columns balance with the stated totals."""
    from juesuan.generate.derive import Derived
    from juesuan.generate.public_tables import all_tables, sichuan_tables

    raw = yaml.safe_load((EXAMPLES / CASES[0][0]).read_text(encoding="utf-8"))
    path = tmp_path / "fund.yaml"

    def refused_for(changed: dict) -> list[str]:  # type: ignore[type-arg]
        path.write_text(yaml.safe_dump(changed, allow_unicode=True), encoding="utf-8")
        with pytest.raises(GenerationRefused) as refused:
            generate(load(path), "sichuan", tmp_path / "bad.md")
        return refused.value.problems

    said = refused_for({**raw, "fund_items": []})
    assert any(p.startswith("政府性基金项级科目：") and "41.38" in p and "按功能分类科目" in p for p in said), said
    said = refused_for({**raw, "other_items": []})
    assert any(p.startswith("其他资金项级科目：") and "28.43" in p for p in said), said
    moved = [dict(i) for i in raw["other_items"]]
    moved[0]["basic"], moved[0]["project"] = "0", "25.09"  # the same total, the wrong side
    said = refused_for({**raw, "other_items": moved})
    assert any(p.startswith("本年支出·“基本支出”：基本支出应等于各项") and "2,871.93" in p for p in said), said
    said = refused_for({**raw, "fund_items": [{**raw["fund_items"][0], "project": "40.00"}]})
    assert any(p.startswith("政府性基金项级科目：") and "40.00" in p for p in said), said

    tables = {t.title: t for t in all_tables(Derived(load(EXAMPLES / CASES[0][0])))}
    spending = tables["支出决算表"].rows
    assert ["229", "04", "02", "其他政府性基金安排的支出", "41.38", "", "41.38"] in spending
    assert ["201", "31", "01", "行政运行", "2,321.12", "2,321.12", ""] in spending  # 2,296.03 fiscal + 25.09 other
    assert not any("未按科目" in cell for row in spending for cell in row)
    fund_rows = tables["政府性基金预算财政拨款收入支出决算表"].rows
    assert fund_rows[0][1] == "合计" and fund_rows[0][4] == "41.38" and fund_rows[0][3] == "41.38"
    assert ["2290402", "其他政府性基金安排的支出", "", "", "41.38", "", "41.38", ""] in fund_rows
    fiscal = next(r for r in tables["财政拨款收入支出决算总表"].rows if r[2].endswith("其他支出"))
    assert fiscal[3] == fiscal[5] == "41.38" and fiscal[4] == ""  # fiscal money only: other money is not here
    general = next(r for r in tables["财政拨款收入支出决算总表"].rows if r[2].endswith("一般公共服务支出"))
    fiscal_201 = sum(Decimal(i["basic"]) + Decimal(i["project"]) for i in raw["items"] if i["code"].startswith("201"))
    assert general[3] == general[4] == f"{fiscal_201:,.2f}"  # without the 28.43 of other money under 201
    book = tmp_path / "fund.xlsx"  # the workbook has a sheet for each list and reads them back
    write_template(book, load(EXAMPLES / CASES[0][0]))
    assert load(book) == load(EXAMPLES / CASES[0][0])

    capital = {**raw, "state_capital": "10.00", "capital_items": [
        {"code": "2230101", "class_name": "国有资本经营预算支出", "section_name": "解决历史遗留问题及改革成本支出",
         "item_name": "厂办大集体改革支出", "basic": "0", "project": "10.00"}]}  # test data
    capital["other_items"] = [{**raw["other_items"][0]}, {**raw["other_items"][1], "project": "3.34"}]
    capital["expenditure_kinds"] = {**raw["expenditure_kinds"], "项目支出": "4557.49"}
    capital["income_sources"] = {**raw["income_sources"], "国有资本经营预算财政拨款收入": "10.00"}
    capital["total"] = {**raw["total"], "current": "7477.33"}
    capital["fiscal_total"] = {**raw["fiscal_total"], "current": "7443.94"}
    path.write_text(yaml.safe_dump(capital, allow_unicode=True), encoding="utf-8")
    sichuan = {t.title: t for t in sichuan_tables(Derived(load(path)))}
    assert ["2230101", "厂办大集体改革支出", "10.00", "", "10.00"] in sichuan["国有资本经营预算财政拨款支出决算表"].rows
    generate(load(path), "sichuan", tmp_path / "capital.md")
    assert not [f for f in check_file(tmp_path / "capital.md").findings if f.severity is Severity.ERROR]


def test_a_published_report_is_rewritten_with_its_mistakes_corrected(generated: dict[tuple[str, str], Path],
                                                                      tmp_path: Path) -> None:
    """generate --from: the source figures come from the report's tables and prose; the shares and rates it
    got wrong are recomputed, and each change is listed with its place."""
    published = tmp_path / "published.md"
    text = generated[("shanghai", ".md")].read_text(encoding="utf-8")
    wrong = text.replace("基本支出2,336.91万元，占79.49%", "基本支出2,336.91万元，占78.49%").replace("下降2.10%", "下降2.01%")
    assert wrong != text
    published.write_text(wrong, encoding="utf-8")
    assert {f.rule for f in check_file(published).findings} >= {"R101", "R103"}
    fixed = tmp_path / "fixed.md"
    result = run_cli("generate", "--from", published, "--layout", "shanghai", "--out", fixed)
    assert result.returncode == 0, result.stderr
    assert "改动 2 处" in result.stderr and "原为78.49%，现为79.49%" in result.stderr and "原为2.01%，现为2.10%" in result.stderr
    assert "基本支出2,336.91万元，占79.49%" in fixed.read_text(encoding="utf-8")
    assert not [f for f in check_file(fixed).findings if f.severity is Severity.ERROR]
    saved = yaml.safe_load((tmp_path / "published.data.yaml").read_text(encoding="utf-8"))
    assert saved["items"][0]["code"] == "2010601" and saved["items"][0]["basic"] == "1503.52"


def test_a_report_that_does_not_state_enough_is_not_rewritten(tmp_path: Path) -> None:
    """The Putuo PDF's own tables disagree by 0.01 (a rounding the text cannot settle) and seed 000 prints no
    tables: both are refused with every problem named, and the data rebuilt so far is saved for a person."""
    from conftest import PUTUO, seed

    out = tmp_path / "putuo.md"
    putuo = run_cli("generate", "--from", PUTUO, "--layout", "shanghai", "--out", out)
    assert putuo.returncode == 2 and not out.exists() and "Traceback" not in putuo.stderr
    assert "财政拨款收、支总计·本年数" in putuo.stderr and "2,961.69" in putuo.stderr
    assert (tmp_path / f"{PUTUO.stem}.data.yaml").exists()
    sichuan = run_cli("generate", "--from", seed("000"), "--out", tmp_path / "000.md")
    assert sichuan.returncode == 2 and "一般公共预算财政拨款支出决算表" in sichuan.stderr
    assert "  “三公”经费·因公出国（境）费·预算数：缺少此项" in sichuan.stderr  # one problem a line
    both = run_cli("generate", EXAMPLES / CASES[0][0], "--from", seed("000"), "--out", tmp_path / "x.md")
    assert both.returncode == 2 and "二者选一" in both.stderr


def test_excel_workbook_round_trip_and_templates(tmp_path: Path) -> None:
    data = load(EXAMPLES / CASES[0][0])
    book = tmp_path / "data.xlsx"
    write_template(book, data)
    assert load(book) == data
    assert run_cli("generate", book, "--layout", "sichuan", "--out", tmp_path / "from_excel.md").returncode == 0
    generate(data, "sichuan", tmp_path / "from_yaml.md")
    from_excel = (tmp_path / "from_excel.md").read_text(encoding="utf-8")
    from_yaml = (tmp_path / "from_yaml.md").read_text(encoding="utf-8")
    assert "from_excel-chart1.png" in from_excel and "from_yaml-chart1.png" in from_yaml  # each report its own charts
    assert from_excel.replace("from_excel-chart", "from_yaml-chart") == from_yaml
    assert (tmp_path / "from_excel-chart1.png").read_bytes() == (tmp_path / "from_yaml-chart1.png").read_bytes()
    blank_yaml, blank_xlsx = tmp_path / "blank.yaml", tmp_path / "blank.xlsx"
    assert run_cli("template", "--yaml", blank_yaml, "--xlsx", blank_xlsx).returncode == 0
    template_text = blank_yaml.read_text(encoding="utf-8")
    assert "金额单位为万元" in template_text and "# 单位全称" in template_text
    assert set(yaml.safe_load(template_text)) == set(type(data).model_fields)
    refused = run_cli("generate", blank_yaml, "--out", tmp_path / "x.docx")
    assert refused.returncode == 2 and "基本信息·单位全称：应为文字" in refused.stderr
    refused = run_cli("generate", blank_xlsx, "--out", tmp_path / "x.docx")
    assert refused.returncode == 2 and "数据不完整或有误" in refused.stderr


def test_the_workbook_speaks_chinese_and_offers_the_codes(tmp_path: Path) -> None:
    """A clerk sees Chinese labels (the field paths are hidden), picks codes from drop-down lists of the
    classification, fills the 经济分类 on its own sheet; the workbook reads back to the same data."""
    from openpyxl import load_workbook as open_book

    data = load(EXAMPLES / CASES[1][0])
    book = tmp_path / "data.xlsx"
    write_template(book, data)
    assert load(book) == data and data.public_items and data.personnel_items
    workbook = open_book(book)
    basic = workbook["基本信息"]
    assert [c.value for c in basic[1]][:3] == ["项目", "值", "说明"] and basic.column_dimensions["D"].hidden
    labels = [basic.cell(row=r, column=1).value for r in range(2, basic.max_row + 1)]
    assert "基本信息·单位全称" in labels and not any(re.search(r"[a-z_]{3}", str(v)) for v in labels)
    items = workbook["项级科目"]
    assert items.row_dimensions[2].hidden and not re.search(r"[a-z]", "".join(str(c.value) for c in items[1]))
    sources = {v.formula1 for ws in workbook.worksheets for v in ws.data_validations.dataValidation}
    assert any(f.startswith("科目编码!$A$2") for f in sources) and any(f.startswith("科目编码!$C$2") for f in sources)
    assert workbook["科目编码"].sheet_state == "hidden"
    codes = {workbook["科目编码"].cell(row=r, column=1).value for r in range(2, 400)}
    assert "2013101" in codes and "2010601" in codes
    economic = workbook["经济分类"]
    assert economic.cell(row=2, column=1).value == "人员经费" and economic.cell(row=2, column=2).value == "30101"


def test_blank_optional_blocks_are_ignored(tmp_path: Path) -> None:
    raw = yaml.safe_load((EXAMPLES / CASES[0][0]).read_text(encoding="utf-8"))
    raw.update(personnel_items=None, glossary=None, gov_fund_carryover_begin="", public_items=[])
    raw["three_public"]["vehicles_bought"] = None
    path = tmp_path / "blanks.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    data = load(path)
    assert data.personnel_items == [] and data.glossary == [] and data.three_public.vehicles_bought == {}
    raw["meta"]["organisation"] = None  # a required field left blank is still said to be missing
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    result = run_cli("generate", path, "--out", tmp_path / "x.md")
    assert result.returncode == 2 and "基本信息·单位全称" in result.stderr


def test_workbook_problems_name_the_field_in_chinese(tmp_path: Path) -> None:
    from openpyxl import load_workbook as open_book

    book = tmp_path / "data.xlsx"
    write_template(book, load(EXAMPLES / CASES[0][0]))
    workbook = open_book(book)
    items = workbook["项级科目"]
    budget_column = [c.value for c in items[2]].index("budget") + 1
    items.cell(row=4, column=budget_column, value="七百")  # the second 项
    vehicles = workbook["车辆"]
    vehicles.cell(row=2, column=3, value="两")
    workbook.save(book)
    result = run_cli("generate", book, "--out", tmp_path / "x.docx")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "项级科目第2项（一般行政管理事务）·预算数：应为数字" in result.stderr
    assert "应为整数" in result.stderr and "_parsing" not in result.stderr and "items" not in result.stderr


def test_a_layout_is_one_module(tmp_path: Path) -> None:
    """A layout registers itself; compose() and generate() find it by name, nothing else changes."""
    from juesuan.generate.layouts import LAYOUTS, layouts, register
    from juesuan.generate.layouts.sichuan import Sichuan

    class Plain(Sichuan):
        name, label = "plain_test", "测试"

        def closing(self) -> None:
            self.h(2, "十、其他重要事项的情况说明")
            self.other_matters()

    register(Plain)
    try:
        assert "plain_test" in layouts()
        target = tmp_path / "plain.md"
        generate(load(EXAMPLES / CASES[0][0]), "plain_test", target)
        text = target.read_text(encoding="utf-8")
        assert "（三）国有资产占有使用情况" in text and "（四）预算绩效管理情况" not in text
    finally:
        del LAYOUTS["plain_test"]
