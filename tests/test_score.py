"""The disclosure score (store/score.py, docs/score.md): every lost point traceable, fragments not ranked as
wholes, one repeated mistake capped."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from conftest import FIXTURES, run_cli, seed
from juesuan.pipeline import CheckOptions, Outcome, check_file
from juesuan.store.score import (
    COMPLETENESS,
    CONSISTENCY,
    DETAIL,
    DETAIL_RULES,
    PER_RULE_CAP,
    Score,
    score,
)


def _sums(result: Score) -> None:
    """The score is exactly 100 × (judged − Σ lost) / judged, and every point lost names its rule or item."""
    lost = sum((x.points for x in result.lost), Decimal(0))
    assert result.earned == result.judged - lost
    assert result.total == (result.earned * 100 / result.judged).quantize(Decimal("0.1"), ROUND_HALF_UP)
    assert all(x.reason and x.item and x.points > 0 for x in result.lost)


def _outcome(tmp_path: Path, text: str, name: str = "report.txt", **options: object) -> Outcome:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return check_file(path, CheckOptions(**options))  # type: ignore[arg-type]


def test_each_lost_point_is_a_finding_of_the_report() -> None:
    outcome = check_file(seed("000"))
    result = score(outcome)
    _sums(result)
    assert result.judged == 100 and result.total == Decimal("80.0")
    placed = {(f.rule, f.message, f.location.line) for f in outcome.findings}
    for lost in result.lost:
        assert lost.part in (DETAIL, CONSISTENCY)
        assert (lost.item, lost.reason, lost.line) in placed


def test_a_missing_item_loses_its_points_by_name(tmp_path: Path) -> None:
    whole = seed("000").read_text(encoding="utf-8")
    before = score(_outcome(tmp_path, whole, "whole.txt"))
    # The 政府采购 item goes: its heading and its text up to the next item's heading.
    cut = re.sub(r"（二）政府采购支出情况.*?(?=（三）)", "", whole, count=1, flags=re.S)
    assert cut != whole
    after = score(_outcome(tmp_path, cut, "cut.txt"))
    _sums(after)
    missing = [x for x in after.lost if x.part == COMPLETENESS]
    assert [x.item for x in missing] == ["政府采购"] and missing[0].points == 2
    assert "缺少说明事项“政府采购”" in missing[0].reason
    assert after.total is not None and before.total is not None and after.total < before.total


def test_a_fragment_is_scored_only_on_what_it_shows(tmp_path: Path) -> None:
    head = "\n".join(seed("000").read_text(encoding="utf-8").splitlines()[:70])
    result = score(_outcome(tmp_path, head, partial=True))
    _sums(result)
    assert result.judged < 100 and result.unjudged
    assert not any(x.part == COMPLETENESS for x in result.lost)  # missing parts may stand past the cut
    assert any("文件不完整" in why for why in result.unjudged)


def test_one_rule_costs_at_most_its_cap_and_consistency_at_most_thirty() -> None:
    result = score(check_file(seed("001")))  # 37 errors
    _sums(result)
    by_rule: dict[str, Decimal] = {}
    for lost in result.lost:
        by_rule[lost.item] = by_rule.get(lost.item, Decimal(0)) + lost.points
    assert by_rule and all(v <= PER_RULE_CAP for rule, v in by_rule.items() if rule not in DETAIL_RULES)
    assert all(by_rule.get(rule, 0) <= points for rule, points in DETAIL_RULES.items())
    assert result.by_part()[CONSISTENCY] == 30


def test_a_three_public_note_or_a_text_without_parts_is_not_scored(tmp_path: Path) -> None:
    result = score(check_file(FIXTURES / "corpus" / "013_xundian_federation_arts_2022_sangong.txt"))
    assert result.total is None and "不评分" in result.unjudged[0]
    note = _outcome(tmp_path, "某某单位2020年度部门决算补充说明\n本单位2020年度收支总计100.00万元。\n")
    assert note.report.kind == "部门决算" and score(note).total is None and "未识别" in score(note).unjudged[0]


def test_the_store_shows_the_score_and_every_lost_point(tmp_path: Path) -> None:
    db = str(tmp_path / "score.db")
    stored = run_cli("ingest", seed("000"), seed("001"), "--db", db)
    assert stored.returncode == 0
    number = re.search(r"已入库：\S*000_452dfb289bf64cc2\.txt #(\d+)", stored.stderr)  # ids follow completion
    assert number is not None, stored.stderr
    listing = run_cli("reports", "--db", db)
    assert "公开评分" in listing.stdout and "80.0" in listing.stdout
    shown = run_cli("show", number.group(1), "--db", db).stdout
    assert "公开评分：80.0" in shown and "准确一致 -3 R101 第62行" in shown
    table = tmp_path / "rank.csv"
    assert run_cli("compare", "--year", "2020", "--sort", "公开评分", "--db", db, "-o", table).returncode == 0
    rows = table.read_text(encoding="utf-8-sig").splitlines()
    header = rows[0].split(",")
    scores = [Decimal(r.split(",")[header.index("公开评分")]) for r in rows[1:]]
    assert scores == sorted(scores, reverse=True) and len(scores) == 2
