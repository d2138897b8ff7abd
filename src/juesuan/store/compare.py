"""Taking the store apart: listings, one organisation over the years, many organisations in one year, and
the cross-year check (X101): last year's figures a report states against last year's stored report."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from juesuan.amounts import number
from juesuan.document import Location
from juesuan.places import place
from juesuan.store.keys import KEYS, key_values, share
from juesuan.store.names import Aliases
from juesuan.store.schema import KeyFigure, Report, StoredFigure
from juesuan.store.score import score_label

PREVIOUS_TOLERANCE = Decimal("0.01")  # 万元: the stated change and this year's amount are each rounded to 0.01


@dataclass(frozen=True, slots=True)
class Filters:
    year: int | None = None
    organisation: str | None = None  # a part of the name as written or normalised
    region: str | None = None
    kind: str | None = None
    with_errors: bool | None = None


def _containing(words: str) -> str:
    """A LIKE pattern for text containing `words` as written: % and _ in them are not wildcards."""
    return "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def reports(session: Session, filters: Filters = Filters(), limit: int = 100_000) -> list[Report]:
    query = select(Report)
    if filters.year is not None:
        query = query.where(Report.year == filters.year)
    if filters.organisation:
        pattern = _containing(filters.organisation)
        query = query.where(Report.organisation.like(pattern, escape="\\") | Report.org_key.like(pattern, escape="\\"))
    if filters.region:
        query = query.where(Report.region.like(_containing(filters.region), escape="\\"))
    if filters.kind:
        query = query.where(Report.kind == filters.kind)
    if filters.with_errors is not None:
        query = query.where(Report.errors > 0) if filters.with_errors else query.where(Report.errors == 0)
    return list(session.scalars(query.order_by(Report.org_key, Report.year, Report.id).limit(limit)))


def first_figures(session: Session, report_ids: list[int]) -> dict[int, dict[str, Decimal]]:
    """Each report's key figures by path (the first statement of each): only the rows of key paths are read."""
    exact = [f"{p}[0]" for k in KEYS for p in (k.path, k.fallback) if p and "[*]" not in p]
    summed = [p.split("[*]")[0] + "[%" for k in KEYS for p in (k.path, k.fallback) if p and "[*]" in p]
    wanted = or_(StoredFigure.path.in_(exact), *(StoredFigure.path.like(pattern) for pattern in set(summed)))
    found: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for start in range(0, len(report_ids), 500):
        chunk = report_ids[start: start + 500]
        rows = session.execute(select(StoredFigure.report_id, StoredFigure.path, StoredFigure.value)
                               .where(StoredFigure.report_id.in_(chunk), wanted).order_by(StoredFigure.id))
        for report_id, path, value in rows:
            found[report_id].setdefault(path, Decimal(value))
    return found


@dataclass
class Row:
    report: Report
    values: dict[str, Decimal | None]

    def share(self, part: str, whole: str) -> Decimal | None:
        return share(self.values.get(part), self.values.get(whole))


def key_rows(session: Session, chosen: list[Report]) -> list[Row]:
    """The key figures of each report: stored at ingest, or worked out from its figures for a report stored
    before they were (schema revision 0001)."""
    stored: dict[int, dict[str, Decimal]] = defaultdict(dict)
    ids = [r.id for r in chosen]
    for start in range(0, len(ids), 500):
        for report_id, label, value in session.execute(
                select(KeyFigure.report_id, KeyFigure.label, KeyFigure.value).where(KeyFigure.report_id.in_(ids[start: start + 500]))):
            stored[report_id][label] = Decimal(value)
    older = [r.id for r in chosen if r.id not in stored]
    figures = first_figures(session, older) if older else {}
    labels = [k.label for k in KEYS]
    return [Row(r, {label: stored[r.id].get(label) for label in labels} if r.id in stored
                else key_values(figures.get(r.id, {}))) for r in chosen]


def by_organisation(session: Session, name: str, aliases: Aliases) -> list[Row]:
    """One organisation's checked reports, one a year (the latest ingested when a year has two), in year order."""
    wanted = aliases.key(name)
    candidates = [r for r in reports(session, Filters()) if r.status == "checked" and r.year is not None]
    mine = [r for r in candidates if aliases.key(r.organisation) == wanted]
    if not mine:  # a part of the name: the organisations it names, if they are one
        keys = {aliases.key(r.organisation) for r in candidates if name in (r.organisation or "")}
        mine = [r for r in candidates if len(keys) == 1 and aliases.key(r.organisation) in keys]
    latest: dict[int, Report] = {}
    for r in sorted(mine, key=lambda r: r.ingested_at):
        latest[r.year] = r  # type: ignore[index]
    return key_rows(session, [latest[y] for y in sorted(latest)])


SORTABLE = [k.label for k in KEYS] + ["“三公”经费占本年支出", "机关运行经费占基本支出", "错误", "警告", "公开评分"]


def by_year(session: Session, year: int, region: str | None, sort: str = "本年支出合计") -> list[Row]:
    """Every organisation's report of `year` (optionally of a region), sorted by `sort`, largest first. An
    organisation stored twice for the year (the same report as PDF and as Word) is ranked once: its latest."""
    latest: dict[str, Report] = {}
    for r in sorted(reports(session, Filters(year=year, region=region)), key=lambda r: (r.ingested_at, r.id)):
        if r.status == "checked":
            latest[r.org_key or f"#{r.id}"] = r
    rows = key_rows(session, list(latest.values()))
    for row in rows:
        row.values["“三公”经费占本年支出"] = row.share("“三公”经费", "本年支出合计")
        row.values["机关运行经费占基本支出"] = row.share("机关运行经费", "基本支出")
        row.values["错误"] = Decimal(row.report.errors)
        row.values["警告"] = Decimal(row.report.warnings)
        row.values["公开评分"] = Decimal(row.report.score) if row.report.score is not None else None
    rows.sort(key=lambda row: (row.values.get(sort) is None, -(row.values.get(sort) or 0), row.report.org_key or ""))
    return rows


Cell = Decimal | str | int | None


def organisation_table(rows: list[Row]) -> tuple[str, list[str], list[list[Cell]]]:
    """One organisation's years side by side with the change from each year to the next: title, headers, rows
    (the key figures any year states, then the disclosure score)."""
    headers = ["项目", *(f"{r.report.year}年" for r in rows),
               *(f"{b.report.year}比{a.report.year}" for a, b in itertools.pairwise(rows))]
    table: list[list[Cell]] = []
    for label in (k.label for k in KEYS):
        values = [r.values.get(label) for r in rows]
        changes = [b - a if a is not None and b is not None else None for a, b in itertools.pairwise(values)]
        if any(v is not None for v in values):
            table.append([label, *values, *changes])
    table.append(["公开评分", *(score_label(r.report.score, r.report.score_judged, r.report.score_method) for r in rows),
                  *([None] * (len(rows) - 1))])
    return f"{rows[-1].report.organisation} 各年度关键数字（万元；车辆为辆）", headers, table


YEAR_LABELS = ["本年支出合计", "基本支出", "项目支出", "“三公”经费", "机关运行经费"]  # the main figures, for narrow views


def year_table(rows: list[Row], labels: list[str]) -> tuple[list[str], list[list[Cell]]]:
    """Many organisations of one year, ranked as `rows` are sorted: headers and rows (the last column is the
    report's number in the store)."""
    headers = ["名次", "单位", "地区", *labels, "“三公”经费占本年支出%", "机关运行经费占基本支出%", "错误", "警告",
               "公开评分", "编号"]
    table: list[list[Cell]] = [
        [n, r.report.organisation, r.report.region, *(r.values.get(label) for label in labels),
         r.values.get("“三公”经费占本年支出"), r.values.get("机关运行经费占基本支出"), r.report.errors, r.report.warnings,
         score_label(r.report.score, r.report.score_judged, r.report.score_method), r.report.id]
        for n, r in enumerate(rows, 1)]
    return headers, table


@dataclass(frozen=True, slots=True)
class Mismatch:
    """X101: a report's statement of last year's figure disagrees with last year's stored report."""

    report: Report
    previous_report: Report
    path: str  # the item's path
    stated: Decimal  # last year's amount as this year's report states it (amount less the change)
    recorded: Decimal  # the amount last year's report gives
    stated_where: StoredFigure
    recorded_where: StoredFigure

    @property
    def stated_place(self) -> str:
        return _place(self.stated_where)

    @property
    def recorded_place(self) -> str:
        return _place(self.recorded_where)

    @property
    def message(self) -> str:
        return (f"{self.report.year}年报告所述上年数 {number(self.stated)}万元 与 {self.previous_report.year}年报告的"
                f" {number(self.recorded)}万元 不一致（相差 {number(abs(self.stated - self.recorded))}万元）")


def previous_year_mismatches(session: Session, aliases: Aliases, only: list[Report] | None = None) -> list[Mismatch]:
    """For each report (or those in `only`) whose organisation's report of the year before is stored."""
    checked = [r for r in reports(session, Filters()) if r.status == "checked" and r.year is not None]
    by_key_year = {(aliases.key(r.organisation), r.year): r for r in sorted(checked, key=lambda r: r.ingested_at)}
    found = []
    for report in only if only is not None else checked:
        before = by_key_year.get((aliases.key(report.organisation), (report.year or 0) - 1))
        if before is None:
            continue
        stated = _figures(session, report.id, suffix=".previous")
        recorded = _figures(session, before.id, suffix=".amount[0]")
        for path, figure in stated.items():
            item = path.removesuffix(".previous")
            last = recorded.get(item + ".amount[0]")
            if last is None or last.unit != figure.unit:
                continue
            if abs(Decimal(figure.value) - Decimal(last.value)) > PREVIOUS_TOLERANCE:
                found.append(Mismatch(report, before, item, Decimal(figure.value), Decimal(last.value), figure, last))
    return found


def _figures(session: Session, report_id: int, suffix: str) -> dict[str, StoredFigure]:
    rows = session.scalars(select(StoredFigure).where(StoredFigure.report_id == report_id,
                                                      StoredFigure.path.like(f"%{suffix}"))
                           .order_by(StoredFigure.id))
    found: dict[str, StoredFigure] = {}
    for row in rows:
        found.setdefault(row.path, row)
    return found


def _place(figure: StoredFigure) -> str:
    return place(Location(line=figure.line, page=figure.page, start=figure.start, end=figure.end))
