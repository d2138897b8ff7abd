"""The order of work, the same on a local pool and on a cluster: files in input order, and a scan that asks for
its pages to be recognised first waits while its pages run as tasks of their own, then runs with what they read."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from juesuan.batch.tasks import Done, Task


class Schedule:
    def __init__(self, tasks: Iterable[Task]) -> None:
        self.queue = deque(tasks)
        self.ready: deque[Task] = deque()  # pages, and scans whose pages are read: before any new file
        self.given: dict[int, Task] = {}  # file tasks out at a worker, by index
        self.scans: dict[int, tuple[Task, set[int], dict[int, dict[str, Any]]]] = {}

    def __bool__(self) -> bool:
        """Whether a task is waiting to be given out."""
        return bool(self.queue or self.ready)

    def next(self) -> Task:
        task = self.ready.popleft() if self.ready else self.queue.popleft()
        if task.page is None:
            self.given[task.index] = task
        return task

    def finished(self, done: Done) -> Done | None:
        """A task is back: a file's result to give out, or None when more tasks follow from it."""
        if done.page is not None:
            return self._page(done)
        task = self.given.pop(done.index)
        if not done.needs_ocr:
            return done
        assert done.sha256 is not None
        self.scans[done.index] = (replace(task, sha256=done.sha256), set(done.needs_ocr), {})
        self.ready.extendleft(reversed([task.for_page(n, done.sha256) for n in done.needs_ocr]))
        return None

    def _page(self, done: Done) -> Done | None:
        if done.index not in self.scans:  # the file failed already through another of its pages
            return None
        task, missing, read = self.scans[done.index]
        if done.failure in ("timeout", "memory"):  # checking the whole file would hang or blow up the same way
            del self.scans[done.index]
            return Done(done.index, done.path, reason=done.reason, failure=done.failure, seconds=done.seconds)
        missing.discard(done.page)  # type: ignore[arg-type]
        if done.recognised is not None:
            read[done.page] = done.recognised  # type: ignore[index]
        if not missing:
            del self.scans[done.index]
            self.ready.appendleft(replace(task, split_ocr=False, recognised=read))
        return None
