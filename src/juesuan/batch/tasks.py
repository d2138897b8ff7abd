"""What one worker does with one task: check a file, or recognise one page of a scan; never raise."""

from __future__ import annotations

import resource
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from juesuan.errors import PagesToRecognise, ReadError
from juesuan.limits import Limits, set_limits
from juesuan.pipeline import CheckOptions, Outcome, check_file
from juesuan.readers import ocr_cache


@dataclass(frozen=True, slots=True)
class Task:
    index: int  # the file's place in the input: results are given back in this order
    path: str
    options: CheckOptions
    limits: Limits
    sha256: str | None = None
    page: int | None = None  # set: recognise this page (1-based) of the scan, nothing else
    split_ocr: bool = False  # a scan's pages not yet recognised are handed back as tasks of their own
    recognised: dict[int, dict[str, Any]] = field(default_factory=dict)  # what those tasks read
    grace: float = 15.0  # seconds past the time limit before the worker is killed from outside

    @property
    def deadline(self) -> float | None:
        """Seconds after which the worker is killed: the check's own limit stops it in Python well before;
        this catches a hang inside a C library, which no signal interrupts."""
        return None if self.options.time_limit is None else self.options.time_limit + self.grace

    def for_page(self, page: int, sha256: str) -> Task:
        return replace(self, page=page, sha256=sha256, split_ocr=False, recognised={})


@dataclass(slots=True)
class Done:
    index: int
    path: str
    outcome: Outcome | None = None
    reason: str | None = None  # why the file could not be checked (one Chinese line)
    failure: str | None = None  # "unreadable", "timeout", "crashed", "memory"
    seconds: float = 0.0
    peak_mb: float = 0.0  # the worker's peak resident memory so far
    page: int | None = None
    recognised: dict[str, Any] | None = None  # an OCR task's result
    needs_ocr: tuple[int, ...] = ()  # a scan's pages to recognise first (then the file is checked again)
    sha256: str | None = None


def run_task(task: Task, content: bytes | None = None) -> Done:
    """Runs one task in this process. `content`: the file's bytes, when this machine cannot see its path."""
    started = time.perf_counter()
    set_limits(task.limits)
    try:
        if content is None:
            done = _run(task, Path(task.path))
        else:
            with tempfile.TemporaryDirectory(prefix="juesuan-") as folder:
                local = Path(folder) / Path(task.path).name
                local.write_bytes(content)
                done = _run(task, local)
    except ReadError as exc:
        done = Done(task.index, task.path, reason=exc.reason, failure="unreadable", page=task.page)
    except MemoryError:
        done = Done(task.index, task.path, reason="内存不足，无法处理该文件", failure="memory", page=task.page)
    except Exception as exc:  # a defect of a reader on a strange file: recorded, and the batch goes on
        done = Done(task.index, task.path, reason=f"处理该文件时出现内部错误（{type(exc).__name__}），已跳过",
                    failure="crashed", page=task.page)
    done.seconds = time.perf_counter() - started
    done.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return done


def _run(task: Task, local: Path) -> Done:
    if task.page is not None:
        return Done(task.index, task.path, page=task.page, recognised=_recognise(local, task))
    if task.sha256 and task.recognised:
        ocr_cache.remember(task.sha256, task.recognised)
    try:
        with ocr_cache.deferring(task.split_ocr):
            outcome = check_file(local, task.options, task.sha256)
    except PagesToRecognise as scan:  # worth spreading over the workers
        return Done(task.index, task.path, needs_ocr=tuple(scan.pages), sha256=scan.sha256)
    if str(local) != task.path:
        outcome = outcome.model_copy(update={"source": task.path})
    return Done(task.index, task.path, outcome=outcome)


def _recognise(local: Path, task: Task) -> dict[str, Any]:
    """One page of a scan, read by OCR (or from the cache), under the check's time limit."""
    import pypdfium2 as pdfium

    from juesuan.limits import time_limit
    from juesuan.readers.pdf import recognised

    assert task.page is not None and task.sha256 is not None
    with time_limit(local, task.options.time_limit):
        pdf = pdfium.PdfDocument(str(local))
        try:
            page = pdf[task.page - 1]
            try:
                return recognised(task.sha256, page, task.page)
            finally:
                page.close()
        finally:
            pdf.close()

