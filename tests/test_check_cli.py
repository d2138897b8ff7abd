"""`juesuan check` and `juesuan rules` as a reviewer runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import BUILT, PUTUO, run_cli, seed


def test_json_follows_the_contract() -> None:
    result = run_cli("check", seed("000"), "--format", "json")
    assert result.returncode == 1  # error-level findings
    data = json.loads(result.stdout)
    assert set(data) == {"source", "report", "notes", "findings", "coverage"}
    assert data["report"] == {"organisation": "中共攀枝花市委办公室", "year": 2020, "kind": "单位决算", "layout": "sichuan"}
    first = data["findings"][0]
    assert set(first) == {"rule", "severity", "message", "location", "evidence", "expected", "actual", "related"}
    assert first == {**first, "rule": "R101", "severity": "error", "expected": "99.06%", "actual": "99.44%"}
    assert first["location"]["line"] == 62 and first["location"]["page"] is None
    text = seed("000").read_text(encoding="utf-8")
    assert "占本年支出合计的99.44%" in first["evidence"] and first["evidence"] in text.split("\n")[61]
    statuses = {c["status"] for c in data["coverage"]}
    assert statuses <= {"passed", "failed", "not_applicable", "insufficient_data"}


def test_several_files_give_one_json_object_a_line() -> None:
    result = run_cli("check", seed("003"), seed("004"), "-f", "json")
    lines = result.stdout.strip().split("\n")
    assert len(lines) == 2 and [json.loads(x)["source"].endswith(p) for x, p in zip(lines, ("003_e91275d89306c2d9.txt",
                                                                                         "004_b2fcb93d88db5c55.txt"),
                                                                                    strict=True)] == [True, True]


def test_select_ignore_and_min_severity() -> None:
    only = json.loads(run_cli("check", seed("001"), "-f", "json", "--select", "P101").stdout)
    assert {f["rule"] for f in only["findings"]} == {"P101"} and len(only["coverage"]) == 1
    without = json.loads(run_cli("check", seed("001"), "-f", "json", "--ignore", "P,Y").stdout)
    assert not any(f["rule"].startswith(("P", "Y")) for f in without["findings"])
    errors = json.loads(run_cli("check", seed("002"), "-f", "json", "--min-severity", "error").stdout)
    assert {f["severity"] for f in errors["findings"]} == {"error"}


def test_exit_status_and_text_output() -> None:
    clean = run_cli("check", seed("003"), "--select", "Y,U")
    assert clean.returncode == 0 and "未发现问题" in clean.stdout
    dirty = run_cli("check", seed("000"))
    assert dirty.returncode == 1
    assert "错误 R101 第62行：一般公共预算财政拨款支出7,349.61万元占本年支出合计7,419.42万元应为99.06%" in dirty.stdout
    listed = len(re.findall(r"^  (?:错误|警告|提示) [A-Z]\d{3} ", dirty.stdout, re.M))
    assert listed >= 9 and f"共 {listed} 处问题" in dirty.stdout
    unreadable = run_cli("check", seed("000"), BUILT / "encrypted.pdf", "-f", "json")
    assert unreadable.returncode == 2 and "已加密" in unreadable.stderr
    assert json.loads(unreadable.stdout)["source"].endswith("000_452dfb289bf64cc2.txt")  # the other file was checked


def test_html_is_one_self_contained_page(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = run_cli("check", seed("000"), "-f", "html", "-o", target)
    assert result.returncode == 1
    page = target.read_text(encoding="utf-8")
    assert not re.search(r"<script|<link|src=\"http|href=\"http", page)
    marks = re.findall(r'<mark id="f(\d+)" class="(error|warning|info)"', page)
    assert len(marks) == len(json.loads(run_cli("check", seed("000"), "-f", "json").stdout)["findings"]) >= 9
    assert '<mark id="f1" class="error" title="R101' in page
    assert 'href="#f1"' in page and "占本年支出合计的<mark" in page  # the share itself is highlighted
    assert "99.44%</mark>" in page


def test_pdf_findings_carry_pages() -> None:
    data = json.loads(run_cli("check", PUTUO, "-f", "json").stdout)
    t203 = next(f for f in data["findings"] if f["rule"] == "T203")
    assert t203["location"]["page"] == 21 and t203["expected"] == "2,961.68万元" and t203["actual"] == "0.3万元"


def test_rules_list_and_explain() -> None:
    listing = run_cli("rules")
    assert listing.returncode == 0 and "R101" in listing.stdout and "占比与金额不符" in listing.stdout
    one = run_cli("rules", "r101")
    assert "错误的例子" in one.stdout and "正确的例子" in one.stdout and "99.44%" in one.stdout
    unknown = run_cli("rules", "Z999")
    assert unknown.returncode == 2 and "没有编号为“Z999”的规则" in unknown.stderr
