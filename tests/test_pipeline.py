"""The seam the store, the web and batch checking stand on: one Analysis per file, one Outcome that
travels (pickled to a worker, dumped to JSON and read back), outputs chosen from a registry, and a core
that never imports what stands above it."""

from __future__ import annotations

import ast
import csv
import hashlib
import io
import json
import pickle
from pathlib import Path

import pytest
from openpyxl import load_workbook

import juesuan.analysis
import juesuan.pipeline
from conftest import PUTUO, run_cli, seed
from juesuan.document import Location
from juesuan.outputs.rows import finding_rows, safe
from juesuan.pipeline import CheckOptions, Outcome, analyse, check_analysis, check_file
from juesuan.rules import RULES, Finding, Severity

SRC = Path(juesuan.pipeline.__file__).parent


def test_outcome_travels_and_comes_back_equal() -> None:
    outcome = check_file(seed("000"))
    assert outcome.sha256 == hashlib.sha256(seed("000").read_bytes()).hexdigest()
    assert pickle.loads(pickle.dumps(outcome)) == outcome
    again = Outcome.model_validate_json(outcome.model_dump_json())
    assert again == outcome and again.as_json() == outcome.as_json()
    assert set(outcome.timings) == {"read", "analyse", "check"} and all(t >= 0 for t in outcome.timings.values())
    assert len(outcome.coverage) == len(RULES) and outcome.rule_set and outcome.has_errors
    figure = next(f for f in outcome.figures if f.path == "totals.income_this_year.amount[0]")
    assert (str(figure.value), figure.unit, figure.location.line) == ("7466.01", "万元", 21)
    first = outcome.findings[0]
    assert outcome.text[first.location.start : first.location.end] in first.evidence


def test_outcome_of_a_pdf_has_pages_and_places() -> None:
    outcome = check_file(PUTUO)
    assert outcome.pages and outcome.pages > 10
    assert outcome.findings and all(f.location.page for f in outcome.findings)  # not true of an empty list only


def test_each_stage_is_built_once_per_file(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: dict[str, int] = {"outline": 0, "index": 0, "extract": 0}

    def counting(name, real):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls[name] += 1
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(juesuan.pipeline, "build_outline", counting("outline", juesuan.pipeline.build_outline))
    monkeypatch.setattr(juesuan.pipeline, "extract", counting("extract", juesuan.pipeline.extract))
    monkeypatch.setattr(juesuan.analysis, "SectionIndex", counting("index", juesuan.analysis.SectionIndex))
    check_file(seed("002"))
    assert calls == {"outline": 1, "index": 1, "extract": 1}


def test_an_analysis_already_built_gives_the_same_outcome() -> None:
    analysis = analyse(seed("004"))
    left = check_analysis(analysis, CheckOptions(select=("R",)))
    right = check_file(seed("004"), CheckOptions(select=("R",)))
    assert left.as_json()["findings"] == right.as_json()["findings"]
    assert {c.rule[0] for c in left.coverage} == {"R"}


# ------------------------------------------------------------------ the core stands alone

CORE = ("text", "readers", "outline", "extract", "model", "rules", "classification")
CORE_FILES = ("document.py", "analysis.py", "pipeline.py", "places.py", "amounts.py", "errors.py")
ABOVE = ("juesuan.store", "juesuan.web", "juesuan.batch", "juesuan.outputs", "juesuan.cli", "juesuan.generate")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def test_the_core_never_imports_what_stands_above_it() -> None:
    files = [p for d in CORE for p in (SRC / d).rglob("*.py")] + [SRC / f for f in CORE_FILES]
    assert len(files) > 50
    for path in files:
        bad = sorted(m for m in _imports(path) if m.startswith(ABOVE))
        assert not bad, (path.name, bad)


def test_rules_see_the_analysis_not_extract_internals() -> None:
    for path in (SRC / "rules").glob("*.py"):
        assert not any(m.startswith("juesuan.extract") for m in _imports(path)), path.name


# ------------------------------------------------------------------ outputs

def test_csv_output_one_row_a_finding(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    result = run_cli("check", seed("000"), seed("003"), "-o", target)  # the format follows the suffix
    assert result.returncode == 1
    text = target.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:5] == ["文件", "单位", "年度", "规则", "级别"]
    expected = sum(len(check_file(p).findings) for p in (seed("000"), seed("003")))
    assert len(rows) - 1 == expected
    assert any(r[3] == "R101" and r[6] == "62" and r[4] == "错误" for r in rows[1:])


def test_excel_output_has_findings_and_reports(tmp_path: Path) -> None:
    target = tmp_path / "结果.xlsx"
    result = run_cli("check", seed("001"), PUTUO, "--format", "xlsx", "-o", target)
    assert result.returncode == 1
    book = load_workbook(target, read_only=True)
    assert book.sheetnames == ["问题", "报告"]
    reports = list(book["报告"].iter_rows(values_only=True))
    assert reports[0][:3] == ("文件", "单位", "年度") and len(reports) == 3
    putuo = next(r for r in reports[1:] if str(r[0]).endswith(".pdf"))
    findings = list(book["问题"].iter_rows(values_only=True))[1:]
    assert sum(r[5] + r[6] + r[7] for r in reports[1:]) == len(findings)  # errors + warnings + infos
    assert putuo[2] == 2024 and any(r[5] for r in findings)  # a PDF's findings carry their page


def test_output_problems_are_one_chinese_line(tmp_path: Path) -> None:
    missing = run_cli("check", seed("003"), "-o", tmp_path / "no" / "such" / "out.json")
    assert missing.returncode == 2 and missing.stderr.startswith("错误：无法写入") and "不存在" in missing.stderr
    excel = run_cli("check", seed("003"), "--format", "xlsx")
    assert excel.returncode == 2 and "-o" in excel.stderr
    unknown = run_cli("check", seed("003"), "--format", "docx")
    assert unknown.returncode == 2 and "不支持的输出格式" in unknown.stderr
    html = run_cli("check", seed("003"), "-f", "html", "-o", tmp_path / "nowhere" / "x.html")
    assert html.returncode == 2 and "Traceback" not in html.stderr and "不存在" in html.stderr


def test_spreadsheet_cells_never_become_formulas() -> None:
    assert safe("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")" and safe("+1") == "'+1" and safe("正文") == "正文"
    outcome = check_file(seed("003"), CheckOptions(select=("R101",)))
    hostile = Finding(rule="R101", severity=Severity.ERROR, message="=cmd|' /C calc'!A0",
                      location=Location(line=1, page=None, start=0, end=1), evidence="@SUM(A1)")
    rows = finding_rows(outcome.model_copy(update={"findings": [hostile]}))
    assert rows[0][8] == "'=cmd|' /C calc'!A0" and rows[0][9] == "'@SUM(A1)"


def test_json_lines_are_the_contract_for_each_file() -> None:
    result = run_cli("check", seed("003"), seed("004"), "-f", "json")
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["source"] for o in objects] == [str(seed("003")), str(seed("004"))]


def test_an_output_format_is_one_registration(tmp_path: Path) -> None:
    """A new format registers itself; the CLI's lookup (by name or by -o suffix) finds it, nothing else changes."""
    import sys

    from juesuan.outputs import OUTPUTS, Destination, Output, find_output, finish, open_text, register

    class Counts:
        def __init__(self, destination: Destination) -> None:
            assert destination.path is not None
            self.out = open_text(destination.path)

        def add(self, outcome: Outcome) -> None:
            self.out.file.write(f"{outcome.source}\t{len(outcome.findings)}\n")

        def close(self) -> None:
            finish(self.out, True)

    register(Output("counts_test", ".counts", "测试", Counts))
    try:
        target = tmp_path / "x.counts"
        chosen = find_output(None, target)
        assert chosen.name == "counts_test"
        writer = chosen.start(Destination(target, sys.stdout, False))
        writer.add(check_file(seed("003")))
        writer.close()
        assert target.read_text(encoding="utf-8").startswith(str(seed("003")))
    finally:
        del OUTPUTS["counts_test"]


def test_no_result_file_is_left_when_no_report_could_be_read(tmp_path: Path) -> None:
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n\t\n", encoding="utf-8")
    for suffix in (".json", ".csv", ".txt", ".xlsx"):
        target = tmp_path / f"out{suffix}"
        result = run_cli("check", blank, "-o", target)
        assert result.returncode == 2 and "没有文字" in result.stderr
        assert not target.exists(), suffix
    target = tmp_path / "kept.json"
    assert run_cli("check", blank, seed("003"), "-o", target).returncode == 2  # one unreadable, one checked
    assert json.loads(target.read_text(encoding="utf-8").splitlines()[0])["source"].endswith("003_e91275d89306c2d9.txt")
