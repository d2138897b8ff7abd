"""Uploads are read and checked off the request thread: one thread hands whatever is waiting to the batch
pool (worker processes, each watched for time and memory, so a hostile file cannot hang the server) and
stores each result as it finishes. A job's state can be asked for at any time, or awaited."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import shutil
import tempfile
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from juesuan.batch.run import Workers, cores, run
from juesuan.pipeline import CheckOptions, Outcome
from juesuan.rules import rule_set
from juesuan.store.database import Store
from juesuan.store.ingest import Upload, attach_upload, put, stored_report
from juesuan.web.wording import for_the_web

BATCH = 64  # uploads handed to the pool at once
KEPT_JOBS = 10_000  # finished jobs remembered for their status; older ones are forgotten

STATE_LABELS = {"waiting": "等待检查", "checking": "正在读取和检查", "done": "已完成", "unreadable": "无法读取",
                "failed": "出错", "refused": "未接收"}


@dataclass
class Job:
    id: str
    name: str  # the file's own name, as sent
    suffix: str  # its kind, sniffed from the bytes
    store: bool  # False: checked and answered, not stored (/api/check)
    sha256: str = ""  # of the bytes sent, taken while they are in hand
    state: str = "waiting"
    report_id: int | None = None
    action: str | None = None  # stored, updated, unchanged
    reason: str | None = None  # why it could not be read
    outcome: Outcome | None = None  # for an unstored check, until it is collected
    seconds: float | None = None
    submitted: float = field(default_factory=time.monotonic)
    _waiters: list[Callable[[], None]] = field(default_factory=list, repr=False)

    @property
    def finished(self) -> bool:
        return self.state in ("done", "unreadable", "failed", "refused")

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "file": self.name, "state": self.state, "label": STATE_LABELS[self.state],
                "report_id": self.report_id, "action": self.action, "reason": self.reason}


class Busy(Exception):
    """Too many uploads are waiting: the caller should try again later."""


class Checker:
    def __init__(self, store: Store, jobs: int = 0, max_waiting: int = 1000, options: CheckOptions | None = None) -> None:
        self.store = store
        self.workers = Workers(jobs=jobs or cores())
        self.options = options or CheckOptions()
        self.max_waiting = max_waiting
        self.folder = Path(tempfile.mkdtemp(prefix="juesuan-uploads-"))
        self.jobs: OrderedDict[str, Job] = OrderedDict()
        self.waiting: list[Job] = []
        self.lock = threading.Condition()
        self.stopping = False
        self.thread = threading.Thread(target=self._loop, name="juesuan-checker", daemon=True)
        self.thread.start()

    def submit(self, name: str, suffix: str, content: bytes, store: bool = True) -> Job:
        """Writes the file where the workers read it and queues it; raises Busy when too many wait."""
        job = Job(uuid.uuid4().hex, name, suffix, store, hashlib.sha256(content).hexdigest())
        with self.lock:
            waiting = len(self.waiting)
        if waiting >= self.max_waiting:
            raise Busy(f"等待检查的文件已有 {waiting} 个，请稍后再上传")
        self._path(job).write_bytes(content)  # outside the lock: a large file does not hold up the others
        with self.lock:
            self.jobs[job.id] = job
            self.waiting.append(job)
            while len(self.jobs) > KEPT_JOBS:
                oldest = next(iter(self.jobs.values()))
                if not oldest.finished:
                    break
                self.jobs.popitem(last=False)
            self.lock.notify()
        return job

    def refuse(self, name: str, reason: str) -> Job:
        """A file not taken (its kind, its size): remembered like a job, so the progress page shows only what
        the server itself said."""
        job = Job(uuid.uuid4().hex, name, "", False, state="refused", reason=reason)
        with self.lock:
            self.jobs[job.id] = job
        return job

    def job(self, job_id: str) -> Job | None:
        with self.lock:
            return self.jobs.get(job_id)

    async def wait(self, job: Job, timeout: float) -> bool:
        """Waits on the event loop (no thread held) until the job is finished; False when it took too long."""
        loop = asyncio.get_running_loop()
        finished = loop.create_future()

        def wake() -> None:
            loop.call_soon_threadsafe(lambda: finished.done() or finished.set_result(True))

        with self.lock:
            if job.finished:
                return True
            job._waiters.append(wake)
        try:
            await asyncio.wait_for(finished, timeout)
            return True
        except TimeoutError:
            return False

    def close(self) -> None:
        with self.lock:
            self.stopping = True
            self.lock.notify()
        self.thread.join(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _path(self, job: Job) -> Path:
        return self.folder / f"{job.id}{job.suffix}"

    def _loop(self) -> None:
        while True:
            with self.lock:
                while not self.waiting and not self.stopping:
                    self.lock.wait()
                if self.stopping:
                    return
                batch, self.waiting = self.waiting[:BATCH], self.waiting[BATCH:]
                for job in batch:
                    job.state = "checking"
            try:
                self._check(batch)
            except Exception as exc:  # a broken store or pool: every job of the batch is told, the thread goes on
                for job in batch:
                    if not job.finished:
                        self._finish(job, "failed", reason=f"服务器内部错误（{type(exc).__name__}），请稍后重试")

    def _check(self, batch: list[Job]) -> None:
        rules = rule_set()
        todo: list[Job] = []
        same: dict[str, list[Job]] = {}  # the same bytes sent twice at once: checked once, both answered
        for job in batch:
            digest = job.sha256
            known = stored_report(self.store, digest, rules) if job.store else None
            if known is not None:  # the same file, checked by these rules already: nothing to check
                attach_upload(self.store, known, Upload(self._path(job).read_bytes(), job.suffix))
                self._finish(job, "done", report_id=known, action="unchanged")
            elif job.store and digest in same:
                same[digest].append(job)
            else:
                todo.append(job)
                if job.store:
                    same[digest] = []
        files = [self._path(job) for job in todo]
        for done in run(files, self.options, self.workers, {f: j.sha256 for f, j in zip(files, todo, strict=True)}):
            job, path = todo[done.index], files[done.index]
            outcome = done.outcome.model_copy(update={"source": job.name}) if done.outcome is not None else None
            reason = for_the_web(done.reason) if done.reason else None
            state = "done" if outcome is not None else "unreadable"
            if not job.store:
                self._finish(job, state, reason=reason, outcome=outcome, seconds=done.seconds)
                continue
            result = put(self.store, Path(job.name), job.sha256, outcome, reason, rules,
                         Upload(path.read_bytes(), job.suffix))
            self._finish(job, state, report_id=result.report_id, action=result.action, reason=reason,
                         seconds=done.seconds)
            for twin in same.get(job.sha256, []):
                self._finish(twin, state, report_id=result.report_id, action="unchanged", reason=reason)

    def _finish(self, job: Job, state: str, **values: Any) -> None:
        with self.lock:
            for name, value in values.items():
                setattr(job, name, value)
            job.state = state
            waiters, job._waiters = job._waiters, []
        with contextlib.suppress(OSError):
            self._path(job).unlink()
        for wake in waiters:
            wake()
