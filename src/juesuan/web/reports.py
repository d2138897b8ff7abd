"""A stored report as the pages and the API show it: its row, its Outcome (from the sources table) and
its file; and the result downloads, written by the same outputs as `juesuan check -o`."""

from __future__ import annotations

import io
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException
from sqlalchemy.orm import Session

from juesuan.outputs import Destination, find_output
from juesuan.outputs.html import render as render_check_page
from juesuan.pipeline import Outcome
from juesuan.store.ingest import stored_outcome
from juesuan.store.schema import Report, Source

DOWNLOADS = {"html": ("text/html; charset=utf-8", ".check.html"), "json": ("application/json", ".check.json"),
             "csv": ("text/csv; charset=utf-8", ".check.csv"),
             "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".check.xlsx")}
MEDIA = {".pdf": "application/pdf", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         ".doc": "application/msword", ".wps": "application/vnd.ms-works", ".html": "text/html",
         ".txt": "text/plain", ".md": "text/markdown"}


@dataclass
class Stored:
    report: Report
    outcome: Outcome | None  # None: stored before outcomes were kept, or the file could not be read
    content: bytes | None  # the file, when it was uploaded
    suffix: str | None

    @property
    def is_pdf(self) -> bool:
        return self.content is not None and self.suffix == ".pdf"


def stored(session: Session, report_id: int, outcome: bool = True) -> Stored:
    """The report numbered `report_id` (with its Outcome read back unless `outcome` is False), or a 404 with a
    Chinese reason."""
    report = session.get(Report, report_id)
    if report is None:
        raise HTTPException(404, f"报告库中没有编号为 {report_id} 的报告")
    source = session.get(Source, report_id)
    kept = stored_outcome(source.outcome) if outcome and source is not None and source.outcome else None
    return Stored(report, kept, source.content if source else None, source.suffix if source else None)


def delete(session: Session, report_id: int) -> None:
    """Removes the report with everything stored of it (its rows go with it: ON DELETE CASCADE)."""
    report = session.get(Report, report_id)
    if report is None:
        raise HTTPException(404, f"报告库中没有编号为 {report_id} 的报告")
    session.delete(report)


def severity_counts(outcome: Outcome) -> dict[str, int]:
    counts = Counter(f.severity.value for f in outcome.findings)
    return {s: counts[s] for s in ("error", "warning", "info")}


def download(outcome: Outcome, fmt: str) -> bytes:
    """The check result in `fmt` (html, json, csv, xlsx), as `juesuan check --format fmt -o file` writes it."""
    if fmt == "html":
        return render_check_page(outcome).encode()
    output = find_output(fmt, None)
    with tempfile.TemporaryDirectory(prefix="juesuan-download-") as folder:
        target = Path(folder) / f"result{output.suffix}"
        writer = output.start(Destination(target, io.StringIO(), many=False))
        writer.add(outcome)
        writer.close()
        return target.read_bytes()


def download_name(report: Report, suffix: str) -> str:
    stem = Path(report.file_name).stem or f"report-{report.id}"
    return f"{stem}{suffix}"
