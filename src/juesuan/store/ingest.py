"""Putting reports in the store: read, analyse and check each file, and store it in its own transaction.

The same file (by SHA-256) is stored once; stored again only when the rule set (or the score's method) changed (its findings are
then replaced). A file that cannot be read is stored too, with its reason, and the batch goes on. An
interruption loses nothing already committed: each report is one transaction.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from juesuan import __version__
from juesuan.errors import ReadError
from juesuan.files import file_sha256, files_in
from juesuan.pipeline import CheckOptions, Outcome, check_file
from juesuan.rules import rule_set
from juesuan.store.database import Store
from juesuan.store.keys import key_values
from juesuan.store.names import normalise, region_and_level
from juesuan.store.schema import KeyFigure, LedgerEntry, Report, ScorePoint, Source, StoredFigure, StoredFinding
from juesuan.store.score import METHOD, NOT_JUDGED, Score, score

if TYPE_CHECKING:
    from juesuan.batch.run import Workers


@dataclass(frozen=True, slots=True)
class Ingested:
    path: Path
    action: str  # "stored", "updated", "unchanged", "unreadable"
    report_id: int | None
    detail: str = ""  # the reason a file could not be read, or the organisation and year stored


@dataclass(frozen=True, slots=True)
class Upload:
    """A file sent to the web application: kept with its report (the CLI stores paths, not files)."""

    content: bytes
    suffix: str  # the kind sniffed from its bytes


def ingest(store: Store, paths: Iterable[Path], options: CheckOptions | None = None,
           progress: Callable[[Ingested], None] | None = None, workers: Workers | None = None) -> list[Ingested]:
    """Stores every file (folders are searched). With `workers`, files are hashed here, those already stored
    are skipped, and the rest are checked in parallel (batch) and stored as each one finishes, so an
    interrupted run loses nothing and the next run carries on where it stopped."""
    results: list[Ingested] = []
    current_rules = rule_set()

    def said(result: Ingested) -> None:
        results.append(result)
        if progress is not None:
            progress(result)

    if workers is None:
        for path in files_in(paths):
            said(ingest_file(store, path, options, current_rules))
        return results
    from juesuan.batch.run import run

    todo: list[Path] = []
    digests: dict[Path, str] = {}
    for path in files_in(paths):
        try:
            digest = file_sha256(path)
        except OSError as exc:
            said(Ingested(path, "unreadable", None, f"无法读取文件（{exc.strerror or type(exc).__name__}）"))
            continue
        known = _stored(store, path, digest, current_rules)
        if known is not None:
            said(known)
        else:
            todo.append(path)
            digests[path] = digest
    for done in run(todo, options or CheckOptions(), workers, digests):
        path = todo[done.index]
        said(_put_unless_known(store, path, digests[path], done.outcome, done.reason, current_rules))
    return results


def ingest_file(store: Store, path: Path, options: CheckOptions | None = None, rules: str | None = None) -> Ingested:
    rules = rules or rule_set()
    try:
        digest = file_sha256(path)
    except OSError as exc:
        return Ingested(path, "unreadable", None, f"无法读取文件（{exc.strerror or type(exc).__name__}）")
    known = _stored(store, path, digest, rules)
    if known is not None:
        return known
    try:
        outcome: Outcome | None = check_file(path, options, digest)
        reason = None
    except ReadError as exc:
        outcome, reason = None, exc.reason
    return _put_unless_known(store, path, digest, outcome, reason, rules)


def _stored(store: Store, path: Path, digest: str, rules: str) -> Ingested | None:
    """The file is stored already, checked by these rules and scored by this method: nothing to do."""
    with store.session() as session:
        known = _current(session, digest, rules)
        return Ingested(path, "unchanged", known.id, _describe(known)) if known is not None else None


def stored_report(store: Store, digest: str, rules: str) -> int | None:
    """The id of the stored report of these bytes, when it needs no new check (see `_stored`)."""
    with store.session() as session:
        known = _current(session, digest, rules)
        return known.id if known is not None else None


def attach_upload(store: Store, report_id: int, upload: Upload) -> None:
    """A stored report whose file was never uploaded (the CLI stores paths) keeps the uploaded file."""
    with store.session() as session, session.begin():
        source = session.get(Source, report_id)
        if source is not None and source.content is None:
            source.content, source.suffix = upload.content, upload.suffix


def _current(session: Session, digest: str, rules: str) -> Report | None:
    """The stored report of these bytes when it needs nothing: same rules, same score method, its Outcome kept
    (a report stored before revision 0004 is checked again to keep it)."""
    known = session.scalar(select(Report).where(Report.sha256 == digest))
    if known is None or known.rule_set != rules or known.status != "checked" or known.score_method != METHOD:
        return None
    kept = session.scalar(select(Source.report_id).where(Source.report_id == known.id, Source.outcome != b""))
    return known if kept is not None else None


def _put_unless_known(store: Store, path: Path, digest: str, outcome: Outcome | None, reason: str | None,
                      rules: str) -> Ingested:
    """Stores the result, except a file still unreadable for the same reason under the same rules."""
    if outcome is None:
        with store.session() as session:
            known = session.scalar(select(Report).where(Report.sha256 == digest))
            if known is not None and known.status == "unreadable" and known.rule_set == rules:
                return Ingested(path, "unchanged", known.id, known.reason or "")
    return put(store, path, digest, outcome, reason, rules)


def put(store: Store, path: Path, digest: str, outcome: Outcome | None, reason: str | None, rules: str,
        upload: Upload | None = None) -> Ingested:
    """Stores one file's Outcome (or the reason it could not be read) in its own transaction; the whole
    Outcome goes in as JSON beside the rows, and the file itself when it was uploaded (`upload`)."""
    try:
        with store.session() as session, session.begin():
            report = session.scalar(select(Report).where(Report.sha256 == digest))
            action = "updated" if report is not None else "stored"
            if report is None:
                report = Report(sha256=digest)
                session.add(report)
            else:  # a new rule set: the old findings, figures and ledger go, the row (and its id) stays
                for table in (StoredFigure, StoredFinding, LedgerEntry, KeyFigure, ScorePoint):
                    session.execute(delete(table).where(table.report_id == report.id))
            scoring = score(outcome) if outcome is not None else None
            _fill(report, path, outcome, reason, rules, scoring)
            session.flush()
            if outcome is not None and scoring is not None:
                session.add_all(_children(report.id, outcome, scoring))
            _keep_source(session, report.id, outcome, upload)
            report_id = report.id
    except IntegrityError:  # another ingest stored the same file a moment ago
        with store.session() as session:
            report_id = session.scalar(select(Report.id).where(Report.sha256 == digest))
        return Ingested(path, "unchanged", report_id, "同时入库的另一进程已存入")
    if outcome is None:
        return Ingested(path, "unreadable", report_id, reason or "")
    return Ingested(path, action, report_id, f"{outcome.report.organisation or '（未识别单位）'} {outcome.report.year or ''}")


def _keep_source(session: Session, report_id: int, outcome: Outcome | None, upload: Upload | None) -> None:
    """The Outcome replaces the one stored; an uploaded file stays when the file is checked again without it."""
    source = session.get(Source, report_id)
    if source is None:
        source = Source(report_id=report_id, outcome=b"")
        session.add(source)
    source.outcome = zlib.compress(outcome.model_dump_json().encode(), 6) if outcome is not None else b""
    if upload is not None:
        source.content, source.suffix = upload.content, upload.suffix


def stored_outcome(kept: bytes) -> Outcome:
    """The Outcome `_keep_source` stored."""
    return Outcome.model_validate_json(zlib.decompress(kept))


def _fill(report: Report, path: Path, outcome: Outcome | None, reason: str | None, rules: str,
          scoring: Score | None) -> None:
    report.file_name = path.name
    report.source = str(path)
    report.status = "checked" if outcome is not None else "unreadable"
    report.reason = reason
    report.version = __version__
    report.rule_set = rules
    report.ingested_at = datetime.now(UTC).replace(tzinfo=None)
    info = outcome.report if outcome is not None else None
    report.organisation = info.organisation if info else None
    report.org_key = normalise(info.organisation) if info and info.organisation else None
    report.region, report.level = region_and_level(info.organisation) if info and info.organisation else (None, None)
    report.year = info.year if info else None
    report.kind = info.kind if info else None
    report.layout = info.layout if info else None
    report.pages = outcome.pages if outcome is not None else None
    severities = [f.severity.value for f in outcome.findings] if outcome is not None else []
    report.errors, report.warnings, report.infos = (severities.count(s) for s in ("error", "warning", "info"))
    report.notes = "\n".join(outcome.notes) if outcome is not None else ""
    total = scoring.total if scoring is not None else None
    report.score = format(total, "f") if total is not None else None
    report.score_judged = format(scoring.judged, "f") if scoring is not None and total is not None else None
    report.score_method = METHOD


def _children(report_id: int, outcome: Outcome, scoring: Score) -> list[object]:
    rows: list[object] = []
    for figure in [*outcome.figures, *outcome.previous]:
        where = figure.location
        rows.append(StoredFigure(report_id=report_id, path=figure.path[:500], value=format(figure.value, "f"),
                                 unit=figure.unit, raw=figure.raw[:200], line=where.line, page=where.page,
                                 start=where.start, end=where.end, sentence=figure.sentence[:2000]))
    for finding in outcome.findings:
        where = finding.location
        rows.append(StoredFinding(report_id=report_id, rule=finding.rule, severity=finding.severity.value,
                                  message=finding.message, line=where.line, page=where.page, start=where.start,
                                  end=where.end, evidence=finding.evidence, expected=finding.expected,
                                  actual=finding.actual,
                                  related=json.dumps([r.as_json() for r in finding.related]) if finding.related else None))
    rows += [LedgerEntry(report_id=report_id, rule=c.rule, status=c.status.value) for c in outcome.coverage]
    first: dict[str, Decimal] = {}
    for figure in outcome.figures:
        first.setdefault(figure.path, figure.value)
    rows += [KeyFigure(report_id=report_id, label=label, value=format(value, "f"))
             for label, value in key_values(first).items() if value is not None]
    rows += [ScorePoint(report_id=report_id, part=lost.part, item=lost.item[:100], points=format(lost.points, "f"),
                        reason=lost.reason, line=lost.line, page=lost.page) for lost in scoring.lost]
    rows += [ScorePoint(report_id=report_id, part=NOT_JUDGED, item=why.split("：")[0][:100], points="0", reason=why)
             for why in scoring.unjudged]
    return rows


def _describe(report: Report) -> str:
    return f"{report.organisation or '（未识别单位）'} {report.year or ''}".strip()
