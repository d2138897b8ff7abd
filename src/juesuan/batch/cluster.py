"""The same tasks on a dask.distributed cluster (`dask scheduler`, `dask worker` on each machine).

The client reads each file once and sends its bytes with the task, so the workers need not see the
client's folders. On a Dask worker the task runs in a worker process of our own (worker.py), watched as
on a local pool: a Dask worker runs tasks in threads, where no time limit can stop a hung reader, and a
crash there would take the Dask worker down with it. At most a few tasks per Dask thread are in flight,
so the client never holds more than that many files in memory.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from juesuan.batch.schedule import Schedule
from juesuan.batch.tasks import Done, Task
from juesuan.batch.worker import Worker, run_one
from juesuan.limits import limits

_LOCK = threading.Lock()
_WORKERS: list[Worker] = []  # free supervised processes of this Dask worker process


class ClusterError(Exception):
    """The cluster cannot be reached or used: one Chinese sentence."""


def run_on_dask_worker(task: Task, content: bytes | None) -> Done:
    """Runs on a Dask worker: one task in one of this process's supervised worker processes."""
    with _LOCK:
        worker = _WORKERS.pop() if _WORKERS else None
    if worker is None or not worker.alive or worker.worn:
        if worker is not None:
            worker.stop()
        worker = Worker()
    done = run_one(worker, task, content)
    if worker.alive:
        with _LOCK:
            _WORKERS.append(worker)
    return done


def run_cluster(address: str, tasks: Iterable[Task], per_thread: int = 2) -> Iterator[Done]:
    """Each file's Done, in the order they finish on the cluster at `address` (tcp://HOST:PORT)."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise ClusterError("未安装 dask.distributed：请运行 make setup，或 pip install 'juesuan[cluster]'") from None
    try:
        client = Client(address, timeout="15s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"无法连接 Dask 集群 {address}（{type(exc).__name__}），请确认 dask scheduler 已启动、地址和端口正确") from None
    try:
        threads = sum(client.nthreads().values()) or 1
        schedule = Schedule(tasks)
        running = as_completed(loop=client.loop)
        contents: dict[int, Any] = {}  # each file's bytes, scattered once for its page tasks and its check

        out: dict[str, Task] = {}

        def submit() -> None:
            task = schedule.next()
            if task.index not in contents:
                content = _content(task)
                contents[task.index] = client.scatter(content, hash=False) if content is not None else None
            future = client.submit(run_on_dask_worker, task, contents[task.index], pure=False,
                                   key=f"juesuan-{task.index}-{task.page or 0}-{len(out)}")
            out[future.key] = task
            running.add(future)

        while schedule or running.count():
            while schedule and running.count() < threads * per_thread:
                submit()
            future = next(running)
            task = out.pop(future.key)
            try:
                done: Done = future.result()
            except Exception as exc:  # the Dask worker itself was lost (killed, out of memory) with the task
                done = Done(task.index, task.path, reason=f"集群上处理该文件失败（{type(exc).__name__}），已跳过",
                            failure="crashed", page=task.page)
            result = schedule.finished(done)
            if result is not None:
                contents.pop(result.index, None)
                yield result
    finally:
        client.close()


def _content(task: Task) -> bytes | None:
    """The file's bytes (None when it cannot be read here: the worker then reports why, in its own words)."""
    path = Path(task.path)
    try:
        if path.stat().st_size > limits().file_bytes:
            return None
        return path.read_bytes()
    except OSError:
        return None

