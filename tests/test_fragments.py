"""Texts as they are found: contents pages of every kind, cut-off texts and --partial, budget reports,
traditional characters and the residue of conversions."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli, seed
from juesuan.outline import build_outline
from juesuan.pipeline import CheckOptions, analyse, check_analysis, check_file
from juesuan.readers import read
from juesuan.rules import Status

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
BODY = """第一部分 单位概况
一、主要职能
本单位负责全县的发展改革工作。
二、机构设置
本单位内设办公室等4个股室。
第二部分 2022年度单位决算情况说明
一、收入支出决算总体情况说明
2022年度收、支总计100.00万元。
"""


def _outline(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return build_outline(read(path))


def _lines(outline) -> list[int]:  # type: ignore[no-untyped-def]
    return [s.location.line for s in outline.walk()]


def test_contents_with_page_numbers_and_no_title(tmp_path: Path) -> None:
    contents = "第一部分 单位概况 3\n一、主要职能 3\n二、机构设置 3\n第二部分 2022年度单位决算情况说明 4\n一、收入支出决算总体情况说明 4\n"
    outline = _outline(tmp_path, contents + BODY)
    assert [e.location.line for e in outline.contents] == [1, 2, 3, 4, 5]
    assert [e.page for e in outline.contents] == [3, 3, 3, 4, 4]
    assert _lines(outline) == [6, 7, 9, 11, 12]


def test_contents_with_dot_leaders_and_pageref(tmp_path: Path) -> None:
    contents = ("目  录\n第一部分 单位概况……………………3\n一、主要职能 PAGEREF _Toc32310 h 3\n"
                "二、机构设置 PAGEREF _Toc8401 h 3\n第二部分 2022年度单位决算情况说明……4\n")
    outline = _outline(tmp_path, contents + BODY)
    assert [e.title for e in outline.contents] == ["第一部分 单位概况", "一、主要职能", "二、机构设置",
                                                   "第二部分 2022年度单位决算情况说明"]
    assert _lines(outline) == [6, 7, 9, 11, 12]


def test_contents_that_the_body_does_not_repeat(tmp_path: Path) -> None:
    """A 目录 whose last entries are followed by body text: those headings open the body."""
    contents = "目录\n九、国有资本经营预算财政拨款收入支出决算情况说明\n十二、其他需说明的事项\n"
    outline = _outline(tmp_path, contents + BODY)
    assert [e.location.line for e in outline.contents] == [2, 3]
    assert _lines(outline)[0] == 4


def test_a_body_is_not_a_contents_page(tmp_path: Path) -> None:
    outline = _outline(tmp_path, BODY)
    assert outline.contents == [] and _lines(outline) == [1, 2, 4, 6, 7]


def test_contents_only_is_cut_off_and_listed(tmp_path: Path) -> None:
    result = run_cli("outline", CORPUS / "001_luzhou_tcm_hospital_2023.txt", "--format", "json")
    data = json.loads(result.stdout)
    assert data["sections"] == [] and data["truncation"] == "只有目录，正文缺失"
    assert [e["title"] for e in data["contents"]][:2] == ["第一部分 单位概况", "一、 主要职责"]
    text = run_cli("outline", CORPUS / "001_luzhou_tcm_hospital_2023.txt").stdout
    assert "目录（正文中没有这些部分）" in text and "第五部分 附表" in text


def test_partial_turns_missing_sections_into_insufficient_data(tmp_path: Path) -> None:
    lines = seed("002").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "first_part.txt"
    path.write_text("\n".join(lines[:40]) + "\n", encoding="utf-8")  # ends after whole paragraphs
    assert analyse(path).outline.truncation is None
    whole = check_file(path)
    assert any(f.rule == "S101" for f in whole.findings)
    partial = check_file(path, CheckOptions(partial=True))
    assert not any(f.rule == "S101" for f in partial.findings)
    assert partial.ledger()["S101"] is Status.INSUFFICIENT_DATA
    assert partial.notes and "--partial" in partial.notes[0]


def test_cut_off_sum_is_not_a_mismatch() -> None:
    """025 ends in the middle of the list of income sources: 本年收入合计 cannot be checked."""
    result = check_file(CORPUS / "025_beijing_school_2023.txt")
    assert not any(f.rule == "I101" for f in result.findings)
    assert result.ledger()["I101"] is Status.INSUFFICIENT_DATA


def test_budget_report_is_said_plainly_and_not_checked() -> None:
    result = run_cli("check", CORPUS / "029_kaijiang_culture_tourism_budget_2023.txt", "--format", "json")
    data = json.loads(result.stdout)
    assert result.returncode == 0 and data["report"]["kind"] == "预算" and data["findings"] == []
    assert data["notes"] == ["这是一份预算报告，不是决算报告，未按决算报告检查。"]
    assert {c["status"] for c in data["coverage"]} == {"not_applicable"}
    assert "这是一份预算报告，不是决算报告" in run_cli("outline", CORPUS / "029_kaijiang_culture_tourism_budget_2023.txt").stdout


def test_traditional_characters_are_read_and_quoted_as_written() -> None:
    document = read(CORPUS / "047_urumqi_gov_service_center_2023_tc.txt")
    line = next(b for b in document.blocks if b.location.line == 15)
    assert line.text.startswith("2023年度支出總計434.72萬元") and "結余分配" in line.text  # residue taken out
    analysis = analyse(document)
    result = check_analysis(analysis)
    totals = analysis.disclosure.totals
    assert [a.raw for a in totals.expenditure_total.amount] == ["434.72萬元"]  # type: ignore[union-attr]
    assert [a.value for a in totals.carryover_end.amount] == [a.value for a in totals.carryover_begin.amount]  # type: ignore[union-attr]
    residue = [f for f in result.findings if f.rule == "P102"]
    assert len(residue) == 1 and residue[0].message.startswith("繁简转换留下的拼音注音共57处")
    assert len(document.residue) == 57 and document.residue[0].text == "(wù)"


def test_lost_line_breaks_are_restored() -> None:
    outline = build_outline(read(CORPUS / "003_suizhou_zengdu_dike_2021.txt"))
    assert len(outline.contents) == 27 and outline.contents[0].title == "第一部分:基本情况"
    assert [(s.title, s.location.line) for s in outline.walk()] == [("第一部分:基本情况", 2), ("一、部门主要职能", 2)]


def test_hard_wrapped_text_is_rejoined() -> None:
    document = read(CORPUS / "039_wuzhou_unit_2023_fragment.txt")
    block = next(b for b in document.blocks if b.location.line == 2)
    assert document.locate(block.location.end - 1).line == 5 and "非独立核算经营活动" in block.text
    assert document.locate(block.location.end - 3).line == 5


def test_parts_numbered_like_items(tmp_path: Path) -> None:
    """The university and Chongqing layouts number their parts 一、二、 and their items （一）（二）."""
    text = ("XX大学2022年度部门决算\n一、学校概况\n（一）主要职能\n学校主要承担人才培养、科学研究和社会服务。\n（二）机构设置\n"
            "学校设有25个学院。\n二、2022年度部门决算表\n（一）收入支出决算总表\n（二）收入决算表\n"
            "三、2022年度部门决算情况说明\n（一）收入支出决算总体情况说明\n2022年度收、支总计352,412.58万元。\n"
            "（二）收入决算情况说明\n2022年度本年收入合计301,210.15万元。\n四、名词解释\n（一）财政拨款收入：指本年度从本级财政部门取得的财政拨款。\n")
    outline = _outline(tmp_path, text)
    assert [(s.kind, s.level, s.location.line) for s in outline.walk()] == [
        ("overview", 1, 2), ("functions", 2, 3), ("organisation", 2, 5),
        ("statements", 1, 7), ("table_income_expenditure_summary", 2, 8), ("table_income", 2, 9),
        ("explanation", 1, 10), ("income_expenditure_overview", 2, 11), ("income", 2, 13),
        ("glossary", 1, 15),
    ]
    assert outline.meta.layout == "national" and outline.meta.year == 2022


def test_hunan_explanation_titled_about(tmp_path: Path) -> None:
    """Hunan: the explanation is titled "关于2022年度部门决算的说明", with no 第N部分."""
    text = ("关于2022年度部门决算的说明\n一、收入支出决算总体情况说明\n2022年度收、支总计100.00万元。\n"
            "二、收入决算情况说明\n2022年本年收入合计100.00万元。\n")
    outline = _outline(tmp_path, text)
    assert [(s.kind, s.location.line) for s in outline.walk()] == [
        ("explanation", 1), ("income_expenditure_overview", 2), ("income", 4)]


def test_other_matters_as_items_of_their_own(tmp_path: Path) -> None:
    """Gansu numbers 机关运行经费, 政府采购, 国有资产 and 绩效 as items 八–十三; Yunnan gives them a 第四部分."""
    text = ("第三部分 2021年度部门决算情况说明\n八、机关运行经费支出情况说明\n2021年度机关运行经费支出10.00万元。\n"
            "九、政府采购支出情况说明\n2021年度政府采购支出总额0万元。\n十、国有资产占用情况说明\n截至2021年12月31日，共有车辆1辆。\n"
            "十三、预算绩效情况说明\n本部门对1个项目开展了绩效自评。\n第四部分 其他重要事项及相关口径情况说明\n"
            "一、机关运行经费支出情况\n2021年度机关运行经费支出10.00万元。\n")
    outline = _outline(tmp_path, text)
    assert [(s.kind, s.location.line) for s in outline.walk() if s.level == 2] == [
        ("admin_operating_cost", 2), ("procurement", 4), ("state_assets", 6), ("performance", 8),
        ("admin_operating_cost", 11)]


def test_university_table_names() -> None:
    from juesuan.outline.catalogue import TABLES, match

    assert match(TABLES, "收支决算总表") == "table_income_expenditure_summary"
    assert match(TABLES, "财政拨款收支决算总表") == "table_fiscal_appropriation_summary"


def test_part_headings_broken_over_lines_in_contents_and_body(tmp_path: Path) -> None:
    text = ("目录\n第一部分\n单位概况\n第二部分\n2022年度单位决算情况说明\n"
            "第一部分\n单位概况\n一、主要职能\n本单位负责全县的工作。\n")
    outline = _outline(tmp_path, text)
    assert [e.title for e in outline.contents] == ["第一部分 单位概况", "第二部分 2022年度单位决算情况说明"]
    assert [(s.title, s.location.line) for s in outline.walk()] == [("第一部分 单位概况", 6), ("一、主要职能", 8)]
    assert outline.truncation is not None and "第二部分 2022年度单位决算情况说明" in outline.truncation


def test_chongqing_run_in_subsections(tmp_path: Path) -> None:
    text = ("二、单位决算情况说明\n（一）收入支出决算总体情况说明\n1.总体情况。2023年度收入总计4,966.97万元。\n"
            "2.收入情况。2023年度收入合计4,873.88万元。\n3.支出情况。2023年度支出合计4,966.97万元。\n"
            "4.结转结余情况。2023年度年末结转和结余0万元。\n")
    outline = _outline(tmp_path, text)
    assert [(s.kind, s.level) for s in outline.walk()] == [
        ("explanation", 1), ("income_expenditure_overview", 2), ("income", 3), ("expenditure", 3), ("carryover", 3)]


def test_a_page_from_the_middle_is_cut_off_at_its_start(tmp_path: Path) -> None:
    """A page from the middle of a report (as the web serves them: "第3页") starts at an item past the first, with
    no title before it: its numbering is not judged from 1 (it began on an earlier page)."""
    path = tmp_path / "page3.txt"
    path.write_text("2020年本年收入合计3765.66万元，其中：事业收入2148.69万元，占57.06%。\n收入决算结构图\n"
                    "三、支出决算情况说明\n2020年本年支出合计4021.94万元。\n四、财政拨款收入支出决算总体情况说明\n"
                    "2020年财政拨款收入总计1614.63万元。\n", encoding="utf-8")
    assert analyse(path).outline.start_cut == "文本从“三、支出决算情况说明”开始，前面的内容缺失"
    result = check_file(path)
    assert not any(f.rule == "N101" for f in result.findings) and result.cut_off
    assert result.notes[0] == "文本不完整：文本从“三、支出决算情况说明”开始，前面的内容缺失，其编号不从1算起。"
    # the rest is judged as usual: a cut at the start hides nothing the text goes on to give
    assert result.ledger()["I109"] is not Status.INSUFFICIENT_DATA
    # a whole report's title stands before its first item, and the first item is 一、
    whole = tmp_path / "whole.txt"
    whole.write_text("某单位2020年度部门决算\n3.负责本单位财务管理工作。\n4.完成上级交办的其他任务。\n", encoding="utf-8")
    assert analyse(whole).outline.start_cut is None
    assert any(f.rule == "N101" for f in check_file(whole).findings)
    # cut at both ends: both are told
    both = tmp_path / "both.txt"
    both.write_text("（二）机构设置\n本单位内设办公室、财务科和业务科3个科室，分别负责本单位的日常运转、财务管理和", encoding="utf-8")
    outline = analyse(both).outline
    assert (outline.start_cut, outline.truncation) == ("文本从“（二）机构设置”开始，前面的内容缺失",
                                                        "文本在句中结束（“…责本单位的日常运转、财务管理和”）")


def test_a_short_last_line_after_a_colon_is_a_cut(tmp_path: Path) -> None:
    """A real 三公 report (云南寻甸县政协 2022) served cut off at "其中:\\n公务用车": the short last line is not a
    signature but the list's first word; the 公务接待 item, with its 批次 and 人次, lay past the cut."""
    path = tmp_path / "sangong.txt"
    path.write_text(
        "政协某县委员会2022年度“三公”经费决算情况说明\n一、一般公共预算财政拨款“三公”经费支出决算总体情况\n"
        "2022年度“三公”经费支出决算为65000.00元，完成年初预算的27.8%。\n"
        "二、一般公共预算财政拨款“三公”经费支出决算具体情况\n"
        "2022年度“三公”经费支出决算中，因公出国（境）费支出0元，占0%；公务用车购置及运行维护费支出34000.00元，占52.3%；"
        "公务接待费支出31000.00元，占47.7%。具体情况如下：\n1.因公出国（境）费支出0元。\n"
        "2.公务用车购置及运行维护费支出34000.00元。其中：\n公务用车\n", encoding="utf-8")
    assert analyse(path).outline.truncation == "文本在句中结束（“…公务用车”）"
    assert not any(f.rule == "S103" for f in check_file(path).findings)
    # the same text not cut (ending in a full stop) is asked for its 批次 and 人次: the cut is what excuses it
    whole_but_silent = tmp_path / "silent.txt"
    whole_but_silent.write_text(path.read_text(encoding="utf-8").replace("其中：\n公务用车\n", "\n3.公务接待费支出31000.00元。\n"),
                                encoding="utf-8")
    assert analyse(whole_but_silent).outline.truncation is None
    assert [f.message for f in check_file(whole_but_silent).findings if f.rule == "S103"] == [
        "有公务接待费支出31000.00元，但没有说明接待批次、人次"]
    # a whole report that ends with its date after a full stop is not cut
    whole = tmp_path / "whole.txt"
    whole.write_text(path.read_text(encoding="utf-8").replace("其中：\n公务用车\n", "\n3.公务接待费支出31000.00元，"
                                                             "共接待12批次、96人次。\n某县政协办公室\n2023年8月\n"),
                     encoding="utf-8")
    assert analyse(whole).outline.truncation is None


def test_wan_at_the_very_cut_is_not_a_short_unit(tmp_path: Path) -> None:
    """A real 三公 report (上海嘉定区司法局 2017) served cut off at "…支出决算8.47万": the 元 lay past the cut."""
    path = tmp_path / "cut.txt"
    path.write_text("某局2017年度“三公”经费决算情况说明\n2017年度“三公”经费财政拨款支出决算12.30万元。其中：公务用车购置及"
                    "运行费支出决算8.47万", encoding="utf-8")
    assert not any(f.rule == "U103" for f in check_file(path).findings)
    path.write_text("某局2017年度“三公”经费决算情况说明\n2017年度“三公”经费财政拨款支出决算12.30万。其中：公务用车购置及"
                    "运行费支出决算8.47万", encoding="utf-8")
    assert [f.actual for f in check_file(path).findings if f.rule == "U103"] == ["12.30万"]


def test_cuts_a_character_past_a_colon_or_into_the_next_item(tmp_path: Path) -> None:
    """Fresh real pages: one ends "…管理登记局主要职责:依", another "…完成预算89.53%。" then "2.卫生"; a closing
    "联系人：张三" or a short last item after a short one is no cut."""
    cases = {
        "一、部门基本情况\n（一）部门机构设置与主要职能\n2、本办二层机构事业单位管理登记局主要职责:依\n": True,
        "（三）一般公共预算财政拨款支出决算具体情况\n2020年一般公共预算支出决算数为1264.92万元。其中:\n"
        "1.社会保障和就业(类)行政事业单位养老支出(款)机关事业单位基本养老保险缴费支出(项): 支出决算为67.64万元。\n"
        "2.卫生\n": True,
        "一、部门基本情况\n本单位负责全县的编制管理工作，为正科级单位。\n联系人：张三\n": False,
        "一、主要职能\n负责全县的编制管理工作，为正科级单位。\n1.编制管理。\n2.登记管理。\n": False,
    }
    for text, cut in cases.items():
        path = tmp_path / "page.txt"
        path.write_text(text, encoding="utf-8")
        assert (build_outline(read(path)).truncation is not None) is cut, text


def test_contents_with_page_numbers_written_right_after_the_titles(tmp_path: Path) -> None:
    """阿坝县公安局 2021: "第一部分部门概况3", "(三)年末结转和结余情况10": no space, no leader, and no 目录 title."""
    contents = ("第一部分单位概况3\n一、主要职能3\n二、机构设置3\n第二部分2022年度单位决算情况说明4\n"
                "一、收入支出决算总体情况说明4\n")
    outline = _outline(tmp_path, contents + BODY)
    assert [(e.location.line, e.page) for e in outline.contents] == [(1, 3), (2, 3), (3, 3), (4, 4), (5, 4)]
    assert _lines(outline)[0] == 6
    # a number that goes down ends the run: the line is no entry with a page
    falling = contents.replace("一、收入支出决算总体情况说明4", "一、收入支出决算总体情况说明1")
    assert [(e.location.line, e.page) for e in _outline(tmp_path, falling + BODY).contents] == [(1, 3), (2, 3), (3, 3), (4, 4)]
    # three such lines are too few to tell a page number from a title that ends in a digit
    short = "\n".join(contents.split("\n")[:3]) + "\n"
    assert [e.page for e in _outline(tmp_path, short + BODY).contents if e.page is not None] == []


def test_a_text_that_stops_at_last_year_is_cut(tmp_path: Path) -> None:
    """沙坪坝区交通局 2021 as found: its last line ends "2021年度收入合计23,866.88万元,较上年" (a 年, but no date)."""
    path = tmp_path / "cut.txt"
    path.write_text(BODY + "2.收入情况。2022年度收入合计100.00万元,较上年\n", encoding="utf-8")
    assert "句中结束" in (build_outline(read(path)).truncation or "")
    path.write_text(BODY + "某某县发展和改革局\n2023年9月30日\n", encoding="utf-8")
    assert build_outline(read(path)).truncation is None


def test_a_short_last_line_cut_mid_sentence(tmp_path: Path) -> None:
    """A short last line is a signature or a date, unless a sentence stops inside it, or it is the next item of a list
    of sentences, cut short."""
    assert _outline(tmp_path, "二、部门决算情况说明\n（一）收入支出决算总体情况说明。\n1.总体情况。2021年度收入总\n").truncation
    assert _outline(tmp_path, "七、三公经费\n1.因公出国（境）费支出决算0万元，与预算相比持平，本年未发生因公出国（境）费用支出。\n"
                              "2.公务接待费支出决算2.26万\n").truncation
    assert _outline(tmp_path, "十、其他\n本单位无其他需要说明的事项。\n某某市某某局\n2021年9月30日\n").truncation is None
