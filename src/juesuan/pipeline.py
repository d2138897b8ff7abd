"""The one way through the core: a file is read, analysed and checked once, and leaves as an Outcome.

`analyse(source)` builds the Analysis (document, outline, section index, disclosure, each once).
`check_file(path, options)` returns an Outcome: a plain, JSON-safe value with the report's metadata,
findings, rule ledger, every figure, timings and the source's hash, without the Document object, so it
can be pickled to a worker process or a Dask worker, stored in the database and served as it is.
The command line, the outputs and the benches all go through here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from juesuan import __version__
from juesuan.analysis import Analysis
from juesuan.document import Document
from juesuan.errors import ReadError
from juesuan.extract import extract
from juesuan.files import file_sha256
from juesuan.limits import TIME_LIMIT_S, time_limit
from juesuan.model.figures import Figure
from juesuan.model.flatten import stated_previous
from juesuan.outline import build_outline
from juesuan.readers import read
from juesuan.rules import Finding, Rule, Severity, Status, Tolerance, rule_set, run_rules, selected


@dataclass(frozen=True, slots=True)
class CheckOptions:
    select: tuple[str, ...] = ()  # rule ids or prefixes to run; empty: all
    ignore: tuple[str, ...] = ()
    tolerance: Tolerance = field(default_factory=Tolerance)
    min_severity: Severity = Severity.INFO
    partial: bool = False  # the text is a part of a report (--partial)
    time_limit: float | None = TIME_LIMIT_S  # seconds for reading, analysing and checking one file

    def rules(self) -> list[Rule]:
        return selected(list(self.select) or None, list(self.ignore) or None)


class ReportInfo(BaseModel):
    organisation: str | None
    year: int | None
    kind: str | None
    layout: str


class RuleStatus(BaseModel):
    rule: str
    status: Status


class PlacedFigure(Figure):
    """A figure with its path in the Disclosure model (totals.income_this_year.amount[0] …)."""

    path: str


class Outcome(BaseModel):
    """Everything juesuan says of one file, and nothing that cannot travel."""

    source: str
    sha256: str | None  # of the file's bytes; None for a document that came from no file
    pages: int | None
    report: ReportInfo
    notes: list[str]
    findings: list[Finding]
    coverage: list[RuleStatus]
    figures: list[PlacedFigure]
    previous: list[PlacedFigure] = []  # last year's amounts as the report states them ("比上年增加X"): <item>.previous
    sections: list[str] = []  # the kinds of the parts and items the outline found, in order
    cut_off: bool = False  # the text is a fragment (said with --partial, or seen cut off)
    text: str  # the document's text, which findings' offsets point into
    timings: dict[str, float]  # seconds: read, analyse, check (measurements, not money)
    version: str = __version__
    rule_set: str

    @property
    def has_errors(self) -> bool:
        return any(f.severity is Severity.ERROR for f in self.findings)

    def ledger(self) -> dict[str, Status]:
        """Each rule's status, by rule id, in catalogue order."""
        return {c.rule: c.status for c in self.coverage}

    def as_json(self) -> dict[str, Any]:
        """The object `juesuan check --format json` prints (design.md's contract)."""
        return {
            "source": self.source,
            "report": self.report.model_dump(),
            "notes": self.notes,
            "findings": [f.as_json() for f in self.findings],
            "coverage": [{"rule": c.rule, "status": c.status.value} for c in self.coverage],
        }


def analyse(source: str | Path | Document) -> Analysis:
    """The Analysis of a file (read first) or of a Document already read."""
    document = source if isinstance(source, Document) else read(source)
    if not document.text.strip():
        raise ReadError(document.source, "文件中没有文字（空白页面或空文档），不是一份可以检查的报告")
    analysis = Analysis.begin(document, build_outline(document))
    analysis.disclosure = extract(analysis)
    return analysis


def check_analysis(analysis: Analysis, options: CheckOptions | None = None, *, source: str | None = None,
                   sha256: str | None = None, timings: dict[str, float] | None = None) -> Outcome:
    """The Outcome of checking an Analysis already built."""
    options = options or CheckOptions()
    started = time.perf_counter()
    run = run_rules(analysis, rules=options.rules(), tolerance=options.tolerance,
                    min_severity=options.min_severity, partial=options.partial)
    spent = dict(timings or {})
    spent["check"] = time.perf_counter() - started
    meta = analysis.disclosure.meta
    document = analysis.document
    return Outcome(
        source=source if source is not None else str(document.source),
        sha256=sha256,
        pages=document.pages,
        report=ReportInfo(organisation=meta.organisation, year=meta.year, kind=meta.kind, layout=meta.layout),
        notes=run.notes,
        findings=run.findings,
        coverage=[RuleStatus(rule=rule, status=status) for rule, status in run.coverage],
        figures=[PlacedFigure(path=path, **figure.model_dump()) for path, figure in analysis.figures],
        previous=[PlacedFigure(path=path, **figure.model_dump())
                  for path, figure in stated_previous(analysis.disclosure, meta.year)],
        sections=analysis.outline.kinds(),
        cut_off=options.partial or analysis.outline.truncation is not None or analysis.outline.start_cut is not None,
        text=document.text,
        timings=spent,
        rule_set=rule_set(),
    )


def check_file(path: str | Path, options: CheckOptions | None = None, sha256: str | None = None) -> Outcome:
    """Reads, analyses and checks one file. A file that cannot be read raises ReadError (one Chinese line).
    `sha256`: the file's hash when the caller took it already (a batch, the store)."""
    options = options or CheckOptions()
    with time_limit(Path(path), options.time_limit):
        started = time.perf_counter()
        document = read(path)
        read_done = time.perf_counter()
        analysis = analyse(document)
        analysed = time.perf_counter()
        return check_analysis(analysis, options, source=str(path), sha256=sha256 or file_sha256(Path(path)),
                              timings={"read": read_done - started, "analyse": analysed - read_done})
