"""Hostile text inputs (issue 11, first part): each ends quickly with exit 0, 1 or 2, and for 2 one Chinese line.
Before the fixes each of these took from 40 seconds to hours."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import run_cli, seed

CASES = {
    "digits.txt": "收入合计" + "9" * 100_000 + "万元。\n",  # a number of 100,000 digits: quadratic number patterns
    "bookmarks.txt": "[bookmark: " * 200_000 + "\n",  # unclosed Word markers on one line
    "heading.md": "# a" + " " * 50_000 + "b" + " " * 50_000 + "#\n正文\n",
    "rule.md": "| a |\n" + " " * 100_000 + "x\n",  # what looks like a Markdown table rule, made of spaces
    "pairs.txt": "五、一般公共预算财政拨款支出决算情况说明\n1." + "一般公共服务（类）政府办公厅（款）" * 5000 + "行政运行（项）：支出决算为1万元。\n",
    "subject.txt": "十、说明\n支出" + " " * 100_000 + "比预算减少1万元。\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_text_ends_quickly(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(CASES[name], encoding="utf-8")
    started = time.perf_counter()
    result = run_cli("check", path, "-f", "json", timeout=60)
    assert time.perf_counter() - started < 30, name
    assert result.returncode in (0, 1, 2) and "Traceback" not in result.stderr
    if result.returncode == 2:
        assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("错误：")


def test_far_too_large_texts_are_refused_before_processing(tmp_path: Path) -> None:
    lines = tmp_path / "lines.txt"
    lines.write_text("\n" * 2_000_000 + "x", encoding="utf-8")
    long = tmp_path / "long.txt"
    long.write_text("收" * 7_000_000, encoding="utf-8")
    for path, words in ((lines, "行数过多"), (long, "文本过长")):
        started = time.perf_counter()
        result = run_cli("check", path, timeout=60)
        assert result.returncode == 2 and words in result.stderr and time.perf_counter() - started < 20


def test_time_limit_reports_a_too_complex_file() -> None:
    result = run_cli("check", seed("001"), "--time-limit", "0.01")
    assert result.returncode == 2 and "文件过于复杂" in result.stderr and "--time-limit" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
