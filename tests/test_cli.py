"""The `juesuan` command as a user runs it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import PUTUO, run_cli, seed


def test_outline_json_follows_the_contract() -> None:
    result = run_cli("outline", seed("000"), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"].endswith("000_452dfb289bf64cc2.txt")
    assert data["report"] == {
        "organisation": "中共攀枝花市委办公室", "year": 2020, "kind": "单位决算", "layout": "sichuan",
    }
    explanation = next(s for s in data["sections"] if s["kind"] == "explanation")
    first = explanation["children"][0]
    assert first["kind"] == "income_expenditure_overview"
    assert first["title"] == "一、收入支出决算总体情况说明"
    assert set(first["location"]) == {"line", "page", "start", "end"}
    assert first["location"]["line"] == 15 and first["location"]["page"] is None
    text = seed("000").read_text(encoding="utf-8")
    assert text.split("\n")[14].strip() == first["title"]


def test_outline_json_for_pdf_gives_pages_and_tables() -> None:
    result = run_cli("outline", PUTUO, "-f", "json")
    data = json.loads(result.stdout)
    statements = next(s for s in data["sections"] if s["kind"] == "statements")
    first = statements["children"][0]
    assert first["location"]["page"] == 6 and first["location"]["line"] is None
    assert first["table"]["rows"] == 32 and first["table"]["columns"] == 4 and first["table"]["pages"] == [6, 7]


def test_outline_tree_shows_kinds_and_lines() -> None:
    result = run_cli("outline", seed("002"))
    assert result.returncode == 0
    assert "中共广元市朝天区委办公室 · 2020年度 · 部门决算 · 四川格式" in result.stdout
    assert "收入支出决算总体情况说明  〔收入支出决算总体情况，第25行〕" in result.stdout
    assert "名词解释  〔名词解释，第577行〕" in result.stdout


def test_text_prints_normalised_text(tmp_path: Path) -> None:
    path = tmp_path / "fullwidth.txt"
    path.write_text("２０２０年本年收入合计７，４６６．０１万元（一）\n", encoding="utf-8")
    result = run_cli("text", path)
    assert result.returncode == 0
    assert result.stdout == "2020年本年收入合计7,466.01万元(一)\n"


def test_text_of_a_pdf_has_its_tables_as_tab_separated_rows() -> None:
    result = run_cli("text", PUTUO)
    assert "本年收入合计\t2,946.25\t本年支出合计\t2,940.05" in result.stdout


def test_not_a_report_is_said_so(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("今天天气很好。\n明天开会。\n", encoding="utf-8")
    result = run_cli("outline", path)
    assert result.returncode == 0
    assert "未识别出任何部分或章节" in result.stdout


def test_help_is_in_chinese() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "决算公开报告" in result.stdout and "outline" in result.stdout
    commands = re.findall(r"^  ([a-z]+) ", result.stdout, flags=re.M)
    assert len(commands) >= 10
    for command in ["", *commands]:  # the libraries' own words too: no "Usage", "Options", "Show this message"
        page = run_cli(*([command] if command else []), "--help").stdout
        prose = re.sub(r"--?[a-z][a-z-]*|<[a-z]+>|\{[a-z_]+\}|juesuan|[a-z]+\.(?:yaml|json|xlsx|docx|pdf|md|html|txt|db|png|svg)"
                       r"|\.[a-z]+|postgresql://\S*|tcp://\S*|https?://\S*|REST|API|Dask|JUESUAN_[A-Z]*|python|README|YAML|Excel|Word|PDF|HTML|CSV|JSON|SQLite|PostgreSQL|LibreOffice|OCR|<[^>]*>|text|json|csv|html|xlsx|sichuan|shanghai|error|warning|info|sqlite|[a-z]+_[a-z_]+"
                       r"|\b(?:" + "|".join(commands) + r")\b|[A-Z]\d{3}|[A-Z]\b|\b[A-Z][a-z]+[A-Z]\w*", "", page)
        english = re.findall(r"[A-Za-z]{3,}", prose)
        assert not english, (command, english[:10])


def test_usage_mistakes_are_one_chinese_line() -> None:
    for args, words in ((("check", "--bogus", "x.txt"), "没有“--bogus”这个选项"), (("check",), "缺少报告文件"),
                        (("nosuch",), "没有这个命令"), (("check", "x.txt", "--min-severity", "bad"), "--min-severity 的取值无效"),
                        (("generate", "x.yaml", "--layout", "beijing"), "不认识的版式“beijing”")):
        result = run_cli(*args)
        assert result.returncode == 2, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("错误：") and words in lines[0], (args, result.stderr)
        assert "Usage" not in result.stderr and "Error" not in result.stderr and "Traceback" not in result.stderr
        if args[0] == "check":  # the command's usage, in Chinese, on the same line
            assert "用法：juesuan check [选项] 报告文件…" in lines[0], lines[0]
    choices = run_cli("check", "x.txt", "--min-severity", "bad").stderr
    assert "可选：error、warning、info" in choices
