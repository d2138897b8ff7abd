"""Result files are written whole or not at all (issue 11): a temporary file beside the target, renamed when
complete; a failure leaves neither a half-written file nor a temporary one, and an older result is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli, seed
from juesuan.files import AtomicFile, WriteError, staging


def test_a_result_appears_only_when_complete(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    out = AtomicFile(target)
    out.file.write("{}\n")
    assert not target.exists() and len(list(tmp_path.iterdir())) == 1  # only the hidden temporary file
    out.commit()
    assert target.read_text(encoding="utf-8") == "{}\n" and list(tmp_path.iterdir()) == [target]


def test_a_discarded_result_keeps_the_older_file(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("older\n", encoding="utf-8")
    out = AtomicFile(target)
    out.file.write("half")
    out.discard()
    assert target.read_text(encoding="utf-8") == "older\n" and list(tmp_path.iterdir()) == [target]


def test_a_failure_while_staging_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    with pytest.raises(RuntimeError), staging(target) as path:
        path.write_text("# 报告", encoding="utf-8")
        (path.parent / "chart1.png").write_bytes(b"png")
        raise RuntimeError("the chart could not be drawn")
    assert list(tmp_path.iterdir()) == []
    with staging(target) as path:
        path.write_text("# 报告", encoding="utf-8")
        (path.parent / "chart1.png").write_bytes(b"png")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["chart1.png", "report.md"]


@pytest.mark.parametrize(("target", "words"), [("nowhere/out.json", "不存在"), (".", "这是一个文件夹")])
def test_an_impossible_target_is_said_before_any_work(tmp_path: Path, target: str, words: str) -> None:
    with pytest.raises(WriteError, match=words):
        AtomicFile(tmp_path / target)


def test_an_unreadable_report_keeps_the_older_result(tmp_path: Path) -> None:
    target = tmp_path / "result.json"
    target.write_text("older\n", encoding="utf-8")
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    result = run_cli("check", bad, "-o", target)
    assert result.returncode == 2
    assert target.read_text(encoding="utf-8") == "older\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.pdf", "result.json"]


def test_a_full_disk_is_one_chinese_line_and_no_file(tmp_path: Path) -> None:
    result = run_cli("check", seed("000"), "-f", "json", "-o", "/dev/full")
    assert result.returncode == 2 and result.stderr.strip() == "错误：无法写入 /dev/full：磁盘空间不足"


@pytest.mark.parametrize("suffix", [".md", ".docx"])
def test_generate_into_a_missing_folder_is_refused_before_reading(tmp_path: Path, suffix: str) -> None:
    data = Path(__file__).resolve().parent.parent / "examples" / "sichuan_2020_pzh_committee_office.yaml"
    result = run_cli("generate", data, "-o", tmp_path / "nowhere" / f"report{suffix}")
    assert result.returncode == 2 and "不存在" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []
