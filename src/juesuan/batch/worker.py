"""A worker process and its handle: `python -m juesuan.batch.worker` runs tasks sent down a pipe.

A worker imports the core once and then runs task after task. Messages are pickles with a length in front;
only the parent that started the worker writes to it. The worker's own standard output is moved to its
standard error, so nothing a library prints can corrupt a result. The handle watches the worker from
outside: past its task's deadline, over the memory bound or dead, it is killed and the failure recorded.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import struct
import subprocess
import sys
import time
from typing import IO, Any

from juesuan.batch.tasks import Done, Task

_HEADER = struct.Struct(">Q")
MEMORY_LIMIT_MB = 2048  # a worker above this is killed (OCR of one page peaks near 0.7 GB)
RECYCLE_AFTER = 1000  # tasks before a worker is replaced by a fresh one, so memory never creeps


def send(stream: IO[bytes], message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def receive(stream: IO[bytes]) -> Any | None:
    """The next message, or None when the other end has gone."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    return pickle.loads(data) if len(data) == size else None


def serve() -> None:
    from juesuan.batch.tasks import run_task

    results = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    while True:
        message = receive(sys.stdin.buffer)
        if message is None:
            return
        task, content = message
        send(results, run_task(task, content))


class Worker:
    """The parent's handle on one worker process."""

    def __init__(self, memory_mb: int = MEMORY_LIMIT_MB) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "juesuan.batch.worker"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.memory_mb = memory_mb
        self.task: Task | None = None
        self.started = 0.0
        self.runs = 0

    def fileno(self) -> int:
        assert self.process.stdout is not None
        return self.process.stdout.fileno()

    @property
    def worn(self) -> bool:
        return self.runs >= RECYCLE_AFTER

    def give(self, task: Task, content: bytes | None = None) -> None:
        assert self.process.stdin is not None
        self.task, self.started = task, time.monotonic()
        self.runs += 1
        with contextlib.suppress(OSError):  # it died: take() sees the end of its pipe and reports it
            send(self.process.stdin, (task, content))

    def take(self) -> Done:
        """The result of the task given (the pipe is readable): the worker's answer, or its death."""
        assert self.process.stdout is not None and self.task is not None
        done = receive(self.process.stdout)
        task, self.task = self.task, None
        if not isinstance(done, Done):
            self.stop()
            return _failed(task, "crashed", "处理该文件的进程意外退出（文件可能损坏，或触发了读取库的缺陷），已跳过", self.started)
        return done

    def watch(self) -> Done | None:
        """A failure when the task has passed its deadline or the worker its memory bound (it is then killed)."""
        task = self.task
        if task is None:
            return None
        if task.deadline is not None and time.monotonic() - self.started > task.deadline:
            self.stop()
            return _failed(task, "timeout", f"超过 {task.options.time_limit:g} 秒仍未完成，已终止（可用 --time-limit 放宽）",
                           self.started)
        if self.resident_mb() > self.memory_mb:
            self.stop()
            return _failed(task, "memory", f"占用内存超过 {self.memory_mb} MB，已终止（文件过于复杂）", self.started)
        return None

    def resident_mb(self) -> float:
        try:
            with open(f"/proc/{self.process.pid}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) / 1024
        except (OSError, ValueError):
            pass
        return 0.0

    @property
    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        self.task = None
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


def _failed(task: Task, failure: str, reason: str, started: float) -> Done:
    return Done(task.index, task.path, reason=reason, failure=failure, seconds=time.monotonic() - started,
                page=task.page)


def run_one(worker: Worker, task: Task, content: bytes | None = None) -> Done:
    """Runs one task on a worker, watching it until it answers, dies or is killed."""
    worker.give(task, content)
    while True:
        ready, _, _ = select.select([worker], [], [], 0.25)
        if ready:
            return worker.take()
        failed = worker.watch()
        if failed is not None:
            return failed


if __name__ == "__main__":
    serve()
