"""The store (issue 12), on SQLite and on a real PostgreSQL server that the test session starts itself."""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from conftest import SEEDS, next_year, run_cli, seed
from juesuan.store import open_store
from juesuan.store.compare import by_organisation, by_year, previous_year_mismatches, reports
from juesuan.store.ingest import ingest
from juesuan.store.names import Aliases
from juesuan.store.schema import LedgerEntry, Report, StoredFigure, StoredFinding

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "sichuan_2020_pzh_committee_office.yaml"


def test_ingest_stores_every_figure_finding_and_rule_exactly_once(db: str, tmp_path: Path) -> None:
    from juesuan.pipeline import check_file

    store = open_store(db)
    results = ingest(store, [seed("000"), seed("004")])
    assert [r.action for r in results] == ["stored", "stored"]
    outcome = check_file(seed("000"))
    with store.session() as session:
        report = session.get(Report, results[0].report_id)
        assert report is not None
        assert (report.organisation, report.year, report.region, report.level) == ("中共攀枝花市委办公室", 2020, "攀枝花市", "市级")
        assert report.errors == sum(f.severity.value == "error" for f in outcome.findings) > 0
        figures = session.scalars(select(StoredFigure).where(StoredFigure.report_id == report.id)).all()
        assert len(figures) == len(outcome.figures) + len(outcome.previous)
        total = next(f for f in figures if f.path == "totals.total.amount[0]")
        assert Decimal(total.value) == Decimal("7467.33") and total.unit == "万元" and total.line is not None
        findings = session.scalars(select(StoredFinding).where(StoredFinding.report_id == report.id)).all()
        assert sorted((f.rule, f.start) for f in findings) == sorted((f.rule, f.location.start) for f in outcome.findings)
        ledger = session.scalars(select(LedgerEntry).where(LedgerEntry.report_id == report.id)).all()
        assert len(ledger) == len(outcome.coverage)
    again = ingest(store, [seed("000")])
    assert again[0].action == "unchanged" and again[0].report_id == results[0].report_id
    with store.session() as session:
        assert len(reports(session)) == 2


def test_a_new_rule_set_rechecks_in_place_and_an_unreadable_file_is_recorded(db: str, tmp_path: Path) -> None:
    store = open_store(db)
    first = ingest(store, [seed("003")])[0]
    with store.session() as session, session.begin():
        report = session.get(Report, first.report_id)
        assert report is not None
        report.rule_set = "an-older-rule-set"
        session.add(StoredFinding(report_id=report.id, rule="Z999", severity="error", message="旧规则的问题",
                                  start=0, end=1))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    results = ingest(store, [broken, seed("003")])
    assert [r.action for r in results] == ["unreadable", "updated"]
    assert results[1].report_id == first.report_id
    assert "已损坏" in results[0].detail
    with store.session() as session:
        rules = set(session.scalars(select(StoredFinding.rule).where(StoredFinding.report_id == first.report_id)))
        assert "Z999" not in rules and rules
        unreadable = session.scalar(select(Report).where(Report.status == "unreadable"))
        assert unreadable is not None and unreadable.file_name == "broken.pdf" and "已损坏" in (unreadable.reason or "")


def test_the_migrated_schema_is_the_model(db: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from juesuan.store.schema import Base

    store = open_store(db)
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() == "0005"
        assert compare_metadata(context, Base.metadata) == []


@pytest.fixture(scope="module")
def generated_years(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Reports of 2020 and 2021 made by `juesuan generate`; "2021_bad" states a wrong 上年数 for 收支总计."""
    folder = tmp_path_factory.mktemp("years")
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    made = {}
    for name, values in (("2020", data), ("2021", next_year(data)), ("2021_bad", next_year(data, Decimal(100)))):
        source = folder / f"{name}.yaml"
        source.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
        target = folder / name / "report.html"
        target.parent.mkdir()
        result = run_cli("generate", source, "-o", target)
        assert result.returncode == 0, result.stderr
        made[name] = target
    return made


def test_last_years_figures_agree_with_last_years_report(db: str, generated_years: dict[str, Path]) -> None:
    store = open_store(db)
    ingest(store, [generated_years["2020"], generated_years["2021"]])
    with store.session() as session:
        rows = by_organisation(session, "中共攀枝花市委办公室", Aliases())
        assert [r.report.year for r in rows] == [2020, 2021]
        assert rows[1].values["收支总计"] == Decimal("7467.33")
        assert previous_year_mismatches(session, Aliases()) == []


def test_a_wrong_statement_of_last_year_is_found_with_both_places(db: str, generated_years: dict[str, Path]) -> None:
    store = open_store(db)
    ingest(store, [generated_years["2020"], generated_years["2021_bad"]])
    with store.session() as session:
        found = previous_year_mismatches(session, Aliases())
        assert [(m.path, m.stated, m.recorded) for m in found] == [("totals.total", Decimal("7567.33"), Decimal("7467.33"))]
        assert "7,567.33万元" in found[0].message and "2020年报告" in found[0].message
        assert "减少100.00万元" in found[0].stated_where.sentence and "7,467.33万元" in found[0].recorded_where.sentence


def test_renamed_units_are_one_organisation_through_the_alias_file(db: str) -> None:
    store = open_store(db)
    ingest(store, [seed("000"), seed("004")])  # 中共攀枝花市委办公室 2020; the same office, as 市委办公室, 2023
    with store.session() as session:
        assert [r.report.year for r in by_organisation(session, "中共攀枝花市委办公室", Aliases())] == [2020]
        joined = by_organisation(session, "中共攀枝花市委办公室", Aliases({"市委办公室": "中共攀枝花市委办公室"}))
        assert [r.report.year for r in joined] == [2020, 2023]
        assert joined[1].values["公务接待费"] == Decimal("63.15")


def test_departments_side_by_side_sorted_with_shares(db: str) -> None:
    store = open_store(db)
    ingest(store, [SEEDS])
    with store.session() as session:
        rows = by_year(session, 2020, None, "本年支出合计")
        spending = [r.values["本年支出合计"] for r in rows]
        assert len(rows) == 4 and spending == sorted(spending, reverse=True)
        office = next(r for r in rows if r.report.organisation == "中共攀枝花市委办公室")
        assert office.values["机关运行经费占基本支出"] == Decimal("13.25")  # 380.64 / 2,871.93
        assert [r.report.region for r in by_year(session, 2020, "攀枝花", "错误")] == ["攀枝花市", "攀枝花市"]


def test_the_commands_list_show_compare_and_export(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    result = run_cli("ingest", SEEDS, "--db", db)
    assert result.returncode == 0 and "已入库" in result.stderr and "cli.db" in result.stderr
    listing = run_cli("reports", "--db", db, "--year", "2020", "--errors")
    assert "中共攀枝花市委办公室" in listing.stdout and "004_" not in listing.stdout and "README" not in listing.stdout
    number = re.search(r"已入库：\S*000_452dfb289bf64cc2\.txt #(\d+)", result.stderr)  # stored as they finish
    assert number is not None, result.stderr
    shown = run_cli("show", number.group(1), "--db", db)
    assert "收支总计：7,467.33万元" in shown.stdout and "R101" in shown.stdout
    assert run_cli("show", "999", "--db", db).returncode == 2
    table = tmp_path / "2020.xlsx"
    assert run_cli("compare", "--year", "2020", "--db", db, "-o", table).returncode == 0
    from openpyxl import load_workbook

    sheet = load_workbook(table).worksheets[0]
    assert sheet.cell(1, 2).value == "单位" and sheet.max_row == 5
    csv_file = tmp_path / "office.csv"
    assert run_cli("compare", "--org", "攀枝花市委办公室", "--db", db, "-o", csv_file).returncode == 0
    assert csv_file.read_text(encoding="utf-8-sig").splitlines()[1].startswith("收支总计,7467.33")
    bad = run_cli("compare", "--db", db)
    assert bad.returncode == 2 and bad.stderr.startswith("错误：请给出")
    chart = tmp_path / "trend.png"
    drawn = run_cli("compare", "--org", "攀枝花市委办公室", "--aliases", EXAMPLE.parent / "aliases.yaml", "--db", db,
                    "--chart", chart)
    assert drawn.returncode == 0 and chart.read_bytes().startswith(b"\x89PNG") and "趋势图" in drawn.stderr
    svg = tmp_path / "trend.svg"
    assert run_cli("compare", "--org", "攀枝花市委办公室", "--db", db, "--chart", svg).returncode == 0
    assert b"<svg" in svg.read_bytes()[:500]
    wrong = run_cli("compare", "--org", "攀枝花市委办公室", "--db", db, "--chart", tmp_path / "trend.gif")
    assert wrong.returncode == 2 and ".png" in wrong.stderr and not (tmp_path / "trend.gif").exists()
    assert run_cli("compare", "--year", "2020", "--db", db, "--chart", chart).returncode == 2


def test_the_cross_year_rule_is_in_the_catalogue_but_not_run_by_check() -> None:
    from juesuan.rules import RULES, find_rule

    found = find_rule("x101")
    assert found is not None and found.check is None and found not in RULES
    shown = run_cli("rules", "X101")
    assert shown.returncode == 0 and "跨年度" in shown.stdout and "上年" in shown.stdout
    assert "X101" in run_cli("rules").stdout


def test_two_ingests_at_once_store_each_file_once(tmp_path: Path) -> None:
    db = str(tmp_path / "together.db")
    command = [sys.executable, "-m", "juesuan", "ingest", str(SEEDS), "--db", db]
    first = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    assert first.wait(timeout=300) == 0 and second.wait(timeout=300) == 0, (first.stderr.read(), second.stderr.read())  # type: ignore[union-attr]
    store = open_store(db)
    with store.session() as session:
        stored = reports(session)
        assert len(stored) == len(list(SEEDS.glob("*"))) and len({r.sha256 for r in stored}) == len(stored)


def test_an_unreachable_database_is_one_chinese_line() -> None:
    result = run_cli("reports", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert result.returncode == 2 and result.stderr.startswith("错误：无法打开数据库") and "连接被拒绝" in result.stderr
    folder = run_cli("reports", "--db", "/nonexistent/folder/x.db")
    assert folder.returncode == 2 and "不存在" in folder.stderr


def test_key_figures_stored_at_ingest_equal_those_worked_out_from_the_figures(db: str) -> None:
    """A report stored before key figures were (schema 0001) is compared from its figures: the same values."""
    from sqlalchemy import delete

    from juesuan.store.compare import key_rows
    from juesuan.store.schema import KeyFigure

    store = open_store(db)
    ingest(store, [seed("000"), seed("004")])
    with store.session() as session:
        stored = [row.values for row in key_rows(session, reports(session))]
        assert stored[0]["机关运行经费"] == Decimal("380.64")
    with store.session() as session, session.begin():
        session.execute(delete(KeyFigure))
    with store.session() as session:
        assert [row.values for row in key_rows(session, reports(session))] == stored


def test_a_report_stored_without_its_outcome_is_checked_again_to_keep_it(tmp_path: Path) -> None:
    """Reports stored before revision 0004 have no Outcome: ingesting them again stores it, once."""
    from sqlalchemy import delete

    from juesuan.store.ingest import stored_outcome
    from juesuan.store.schema import Source

    store = open_store(str(tmp_path / "store.db"))
    first = ingest(store, [seed("000")])[0]
    with store.session() as session, session.begin():
        session.execute(delete(Source))
    again = ingest(store, [seed("000")])[0]
    assert (again.action, again.report_id) == ("updated", first.report_id)
    assert ingest(store, [seed("000")])[0].action == "unchanged"
    with store.session() as session:
        kept = session.get(Source, first.report_id)
        assert kept is not None and stored_outcome(kept.outcome).report.organisation == "中共攀枝花市委办公室"
