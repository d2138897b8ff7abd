"""The bounds every input is held to, in one place, so a hostile or broken file ends with one Chinese line.

A real 决算公开报告 is a few hundred thousand characters, a few thousand lines and under a hundred pages;
these limits are far above that and far below what would exhaust the machine. The command line can
raise the time limit (`--time-limit`).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from juesuan.errors import ReadError

MAX_CHARS = 3_000_000  # characters of text in one document
MAX_BLOCKS = 100_000  # headings, paragraphs and tables in one document
MAX_LINES = 300_000  # source lines of a text-like file, checked before any of them is processed
TIME_LIMIT_S = 120.0  # for reading, analysing and checking one file


class TooComplex(ReadError):
    """The analysis ran past its time limit."""


def check_document_size(path: Path, chars: int, blocks: int) -> None:
    if chars > MAX_CHARS:
        raise ReadError(path, f"文本过长（{chars:,} 字，上限 {MAX_CHARS:,} 字），不像一份决算报告")
    if blocks > MAX_BLOCKS:
        raise ReadError(path, f"段落过多（{blocks:,} 段，上限 {MAX_BLOCKS:,} 段），不像一份决算报告")


def check_raw_text(path: Path, text: str) -> None:
    """A text-like file is refused before it is processed when it is far larger than any report."""
    if len(text) > 2 * MAX_CHARS:
        raise ReadError(path, f"文本过长（{len(text):,} 字，上限 {MAX_CHARS:,} 字），不像一份决算报告")
    lines = text.count("\n")
    if lines > MAX_LINES:
        raise ReadError(path, f"行数过多（{lines:,} 行，上限 {MAX_LINES:,} 行），不像一份决算报告")


@contextmanager
def time_limit(path: Path, seconds: float | None) -> Iterator[None]:
    """Raises TooComplex in the block after `seconds`. Works where signals do (the main thread of a process:
    the command line and batch workers); elsewhere the block simply runs."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TooComplex(path, f"文件过于复杂，分析超过 {seconds:g} 秒仍未完成（可用 --time-limit 放宽）")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
